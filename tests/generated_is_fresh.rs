//! `generated/` must be exactly what apiforge produces from `spec/` today.

use apiforge::{generate, output, Settings};
use apiforge_tests::{resume_dunning_settings, resume_dunning_spec, workspace_root};

#[test]
fn generated_crate_matches_a_fresh_generation_byte_for_byte() {
    let generated = generate(&resume_dunning_spec(), &resume_dunning_settings())
        .expect("spec/resume_dunning.yaml generates");
    let stale = output::check(&workspace_root().join("generated"), &generated.files)
        .expect("generated/ is readable");
    if let Some(diff) = stale {
        panic!("generated/ is stale; run `cargo run -p apiforge -- generate spec/resume_dunning.yaml --out generated`:\n{diff}");
    }
}

#[test]
fn the_settings_file_beside_the_spec_is_what_generated_is_made_with() {
    let settings = resume_dunning_settings();
    assert_eq!(
        settings.client.idempotency_header.as_deref(),
        Some("chargebee-idempotency-key")
    );
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

/// The features fixture's golden crate (`tests/golden/features/`, a workspace member, so CI
/// compiles it with clippy's warnings denied and runs its doctests).
#[test]
fn the_features_golden_crate_matches_a_fresh_generation() {
    let settings = Settings::default().crate_name("golden-features");
    let generated = generate(
        &workspace_root().join("tests/golden/features.yaml"),
        &settings,
    )
    .expect("the features fixture generates");
    let stale = output::check(
        &workspace_root().join("tests/golden/features"),
        &generated.files,
    )
    .expect("tests/golden/features is readable");
    if let Some(diff) = stale {
        panic!("tests/golden/features is stale; review the change, then run `cargo run -p apiforge -- generate tests/golden/features.yaml --out tests/golden/features --crate-name golden-features`:\n{diff}");
    }
}

/// The security fixture's golden crate (`tests/golden/security/`, a workspace member like the
/// features one; `tests/e2e_security.rs` calls it against a local server).
#[test]
fn the_security_golden_crate_matches_a_fresh_generation() {
    let settings = Settings::default().crate_name("golden-security");
    let generated = generate(
        &workspace_root().join("tests/golden/security.yaml"),
        &settings,
    )
    .expect("the security fixture generates");
    assert!(
        generated.warnings.is_empty(),
        "the security fixture generates without warnings: {:?}",
        generated.warnings
    );
    let stale = output::check(
        &workspace_root().join("tests/golden/security"),
        &generated.files,
    )
    .expect("tests/golden/security is readable");
    if let Some(diff) = stale {
        panic!("tests/golden/security is stale; review the change, then run `cargo run -p apiforge -- generate tests/golden/security.yaml --out tests/golden/security --crate-name golden-security`:\n{diff}");
    }
}
