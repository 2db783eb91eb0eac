//! Timing the pipeline's stages, for the benchmark (`cargo bench -p apiforge`).

use std::time::{Duration, Instant};

/// Wall-clock time spent in each stage, in order.
#[derive(Debug, Clone)]
pub struct Stages {
    last: Instant,
    /// Each stage's name and duration.
    pub times: Vec<(&'static str, Duration)>,
}

impl Default for Stages {
    fn default() -> Self {
        Self {
            last: Instant::now(),
            times: Vec::new(),
        }
    }
}

impl Stages {
    /// Records the time since the previous mark as several stages that ran interleaved (on
    /// all cores), in proportion to `shares` (their CPU time, say).
    pub fn mark_shared(&mut self, shares: &[(&'static str, f64)]) {
        let now = Instant::now();
        let total: f64 = shares.iter().map(|(_, share)| share).sum();
        let elapsed = now - self.last;
        for (name, share) in shares {
            let fraction = if total > 0.0 { share / total } else { 0.0 };
            self.times.push((name, elapsed.mul_f64(fraction)));
        }
        self.last = now;
    }

    /// Records the time since the previous mark as stage `name`.
    pub fn mark(&mut self, name: &'static str) {
        let now = Instant::now();
        self.times.push((name, now - self.last));
        self.last = now;
    }

    /// The total of all stages.
    pub fn total(&self) -> Duration {
        self.times.iter().map(|(_, d)| *d).sum()
    }
}
