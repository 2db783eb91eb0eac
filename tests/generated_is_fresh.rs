//! `generated/` must be exactly what apiforge produces from `spec/` today.

use apiforge::{generate, output};
use apiforge_tests::{resume_dunning_settings, resume_dunning_spec, workspace_root};

#[test]
fn generated_crate_matches_a_fresh_generation_byte_for_byte() {
    let generated = generate(&resume_dunning_spec(), &resume_dunning_settings())
        .expect("spec/resume_dunning.yaml generates");
    let stale = output::check(&workspace_root().join("generated"), &generated.files)
        .expect("generated/ is readable");
    if let Some(diff) = stale {
        panic!("generated/ is stale; run `cargo run -p apiforge -- generate spec/resume_dunning.yaml --out generated --idempotency-header chargebee-idempotency-key`:\n{diff}");
    }
}

#[test]
fn generation_is_deterministic() {
    let first = generate(&resume_dunning_spec(), &resume_dunning_settings()).expect("generates");
    for _ in 0..3 {
        let again =
            generate(&resume_dunning_spec(), &resume_dunning_settings()).expect("generates");
        assert_eq!(first.files, again.files);
    }
}

#[test]
fn the_spec_generates_without_warnings() {
    let generated =
        generate(&resume_dunning_spec(), &resume_dunning_settings()).expect("generates");
    assert!(generated.warnings.is_empty(), "{:?}", generated.warnings);
}
