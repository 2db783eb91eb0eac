//! Snapshots of the generated docs and crate files. A change to the generator shows up here as
//! a reviewable diff (`cargo insta review`); CI never writes snapshots.
//!
//! The Rust sources are pinned differently, progenitor's way: as golden crates that are
//! workspace members, so they are compiled, linted and tested, not only compared
//! (`generated/` for resume_dunning, `tests/golden/features/` for the features fixture; see
//! `generated_is_fresh.rs`).

use std::path::Path;

use apiforge::{generate, Settings};
use apiforge_tests::{resume_dunning_settings, resume_dunning_spec, workspace_root};

fn snapshot_all(prefix: &str, spec: &Path, settings: &Settings) {
    let generated = generate(spec, settings).expect("spec generates");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(workspace_root().join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (path, contents) in generated
            .files
            .iter()
            .filter(|(path, _)| !path.ends_with(".rs"))
        {
            let name = format!("{prefix}__{}", path.replace(['/', '.'], "_"));
            insta::assert_snapshot!(name, contents);
        }
    });
}

#[test]
fn resume_dunning_client() {
    snapshot_all(
        "resume_dunning",
        &resume_dunning_spec(),
        &resume_dunning_settings(),
    );
}

/// A small API that uses what resume_dunning does not: query and cookie parameters, a JSON
/// body, bearer auth, no servers, several success and error shapes, hostile names.
#[test]
fn features_fixture_client() {
    snapshot_all(
        "features",
        &workspace_root().join("tests/golden/features.yaml"),
        &Settings::default(),
    );
}
