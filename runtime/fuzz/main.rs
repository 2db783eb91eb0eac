//! The runtime fuzzer (issue #14, item 7): random request values through the encoders every
//! generated client uses, for a time budget, from a seed:
//!
//! ```text
//! cargo run --release -p apiforge-runtime --bin fuzz-runtime -- --seconds 60 [--seed 7]
//! cargo run --release -p apiforge-runtime --bin fuzz-runtime -- --case <seed of a case>
//! ```
//!
//! What each case checks is described in `encoders/mod.rs`. The run stops at the first failure,
//! printing the case's seed and input, and exits with status 1; `--case` runs that case alone.
//! `tests/fuzz_runtime.rs` runs a few thousand cases of a fixed seed in `cargo test`.

mod encoders;
mod wire;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use encoders::Fuzzer;

const USAGE: &str = "usage: fuzz-runtime [--seconds N] [--seed S] [--iterations N] | --case S";

fn main() -> ExitCode {
    let mut seconds = 30u64;
    let mut seed = 1u64;
    let mut iterations = u64::MAX;
    let mut case = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|v| v.parse::<u64>().ok());
        match (arg.as_str(), value) {
            ("--seconds", Some(v)) => seconds = v,
            ("--seed", Some(v)) => seed = v,
            ("--iterations", Some(v)) => iterations = v,
            ("--case", Some(v)) => case = Some(v),
            _ => {
                eprintln!("bad argument {arg}; {USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let fuzzer = Fuzzer::new();
    if let Some(case) = case {
        return match fuzzer.run(case) {
            Ok(kind) => {
                println!("fuzz-runtime: case {case} ({kind}) passes");
                ExitCode::SUCCESS
            }
            Err(failure) => {
                println!("{failure}");
                ExitCode::FAILURE
            }
        };
    }
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let outcome = fuzzer.campaign(seed, |cases| {
        cases < iterations && Instant::now() < deadline
    });
    let elapsed = started.elapsed().as_secs_f64().max(f64::EPSILON);
    match outcome {
        Ok(summary) => {
            let kinds: Vec<String> = summary
                .kinds
                .iter()
                .map(|(kind, count)| format!("{kind} {count}"))
                .collect();
            println!(
                "fuzz-runtime: {} cases in {elapsed:.1} s ({:.0}/s) from seed {seed}, no failure ({})",
                summary.cases,
                summary.cases as f64 / elapsed,
                kinds.join(", ")
            );
            ExitCode::SUCCESS
        }
        Err(failure) => {
            println!("fuzz-runtime: from seed {seed}, after {elapsed:.1} s:\n{failure}");
            ExitCode::FAILURE
        }
    }
}
