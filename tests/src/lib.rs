//! Helpers shared by the workspace's snapshot and end-to-end tests.

use std::path::PathBuf;

pub mod server;

pub use server::{CannedResponse, RecordedRequest, TestServer};

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// `spec/resume_dunning.yaml`.
pub fn resume_dunning_spec() -> PathBuf {
    workspace_root().join("spec/resume_dunning.yaml")
}

/// Chargebee's published spec: `$CHARGEBEE_SPEC`, by default
/// `../shared/specs/chargebee_api_v1_spec.json` beside the checkout. `None` (the caller skips)
/// when it is missing, except in CI (`CI=true`), where a missing spec fails the test.
pub fn chargebee_spec() -> Option<PathBuf> {
    let path = std::env::var_os("CHARGEBEE_SPEC")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared/specs/chargebee_api_v1_spec.json"));
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "the Chargebee spec is missing at {}",
        path.display()
    );
    eprintln!(
        "skipped: no Chargebee spec at {} (set CHARGEBEE_SPEC)",
        path.display()
    );
    None
}

/// The settings `generated/` is made with: `spec/apiforge.toml`, as the README's first command
/// reads it.
pub fn resume_dunning_settings() -> apiforge::Settings {
    match apiforge::Settings::for_spec(&resume_dunning_spec()) {
        Ok(settings) => settings,
        Err(error) => panic!("spec/apiforge.toml: {error}"),
    }
}

/// The README's Rust examples, compiled as doctests so that they cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;

/// The Rust examples of `docs/GENERATED_CLIENT.md`, compiled as the README's are.
#[cfg(doctest)]
#[doc = include_str!("../../docs/GENERATED_CLIENT.md")]
pub struct GeneratedClientExamples;

/// The Rust examples of `docs/ARCHITECTURE.md`, compiled as the README's are.
#[cfg(doctest)]
#[doc = include_str!("../../docs/ARCHITECTURE.md")]
pub struct ArchitectureExamples;
