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
    /// Restarts the clock without recording anything.
    pub fn restart(&mut self) {
        self.last = Instant::now();
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
