//! Helpers shared by the workspace's snapshot and end-to-end tests.

use std::path::PathBuf;

pub mod server;

pub use server::{CannedResponse, RecordedRequest, TestServer};

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map(PathBuf::from).unwrap_or_default()
}

/// `spec/resume_dunning.yaml`.
pub fn resume_dunning_spec() -> PathBuf {
    workspace_root().join("spec/resume_dunning.yaml")
}

/// The settings `generated/` is made with (the README's first command).
pub fn resume_dunning_settings() -> apiforge::Settings {
    apiforge::Settings { idempotency_header: Some("chargebee-idempotency-key".to_owned()), ..apiforge::Settings::default() }
}

/// The README's Rust examples, compiled as doctests so that they cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;
