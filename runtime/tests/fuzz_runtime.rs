//! The runtime fuzzer's cases (`fuzz/encoders/`), a few thousand of a fixed seed, so that
//! `cargo test` covers them; CI also runs the `fuzz-runtime` binary for a minute of random
//! seeds' worth.

#[path = "../fuzz/encoders/mod.rs"]
mod encoders;
#[path = "../fuzz/wire.rs"]
mod wire;

#[test]
fn three_thousand_cases_of_a_fixed_seed_pass() {
    let summary = encoders::Fuzzer::new()
        .campaign(14, |cases| cases < 3000)
        .unwrap_or_else(|failure| panic!("{failure}"));
    assert_eq!(summary.cases, 3000);
    for kind in encoders::KINDS {
        assert!(
            summary.kinds.get(kind).is_some_and(|&count| count >= 20),
            "too few cases of {kind}: {:?}",
            summary.kinds
        );
    }
}
