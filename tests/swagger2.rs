//! Swagger 2.0 documents read directly, end to end: the feature fixture
//! (`tests/fixtures/swagger2.yaml`, whose client `tests/full_clients/swagger2.rs` tests on the
//! wire) and excerpts of real published specs (`tests/fixtures/swagger2/`: Docker Engine,
//! Kubernetes, Slack). Each loads, lowers and generates; every warning names a pointer of the
//! 2.0 file as written, never one of the OpenAPI 3 document it was converted to.

use std::path::PathBuf;

use apiforge::{generate, ir, load, Settings};
use apiforge_tests::workspace_root;

fn lowered(relative: &str) -> (ir::Api, Vec<apiforge::Warning>) {
    let spec: PathBuf = workspace_root().join(relative);
    let loaded = load::load_file(&spec).unwrap_or_else(|e| panic!("{relative} loads: {e}"));
    let mut warnings = loaded.warnings.clone();
    let api = ir::lower_api(&loaded, &Settings::default(), &mut warnings)
        .unwrap_or_else(|e| panic!("{relative} lowers: {e}"));
    // The pointers the IR reports are mapped as `generate` maps them.
    for warning in &mut warnings {
        warning.pointer = loaded.warning_pointer(&warning.pointer);
    }
    (api, warnings)
}

/// No warning may name a place that exists only in the converted document.
fn assert_pointers_are_2_0(warnings: &[apiforge::Warning]) {
    for warning in warnings {
        for converted in ["#/components", "/requestBody", "/content/"] {
            assert!(
                !warning.pointer.contains(converted),
                "a converted pointer: {warning}"
            );
        }
    }
}

#[test]
fn the_feature_fixture_reads_without_warnings() {
    let (api, warnings) = lowered("tests/fixtures/swagger2.yaml");
    assert!(warnings.is_empty(), "{warnings:#?}");
    let ids: Vec<&str> = api.operations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "listPets",
            "addPet",
            "getPet",
            "deletePet",
            "adoptPet",
            "uploadPhoto"
        ]
    );
    assert_eq!(api.servers.len(), 1);
    assert_eq!(api.servers[0].url, "https://shelter.example.com/v1");
    let generated = generate(
        &workspace_root().join("tests/fixtures/swagger2.yaml"),
        &Settings::default(),
    )
    .expect("generates");
    assert!(generated
        .files
        .iter()
        .any(|(path, _)| path.ends_with("src/pets.rs")));
}

#[test]
fn docker_engine_generates() {
    let (api, warnings) = lowered("tests/fixtures/swagger2/docker_engine.yaml");
    assert_eq!(api.operations.len(), 108);
    assert_pointers_are_2_0(&warnings);
    // Four `$ref` siblings (a 3.0 rule too) and the `Content-type` header parameter.
    assert_eq!(warnings.len(), 5, "{warnings:#?}");
    assert!(
        warnings
            .iter()
            .any(|w| w.pointer == "#/paths/~1build/post/parameters/22"),
        "the 2.0 index, counting the body parameter: {warnings:#?}"
    );
}

#[test]
fn the_kubernetes_excerpt_generates_without_warnings() {
    let (api, warnings) = lowered("tests/fixtures/swagger2/kubernetes_excerpt.json");
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert_eq!(api.operations.len(), 19);
}

#[test]
fn the_slack_excerpt_generates() {
    let (api, warnings) = lowered("tests/fixtures/swagger2/slack_web_excerpt.json");
    assert_eq!(api.operations.len(), 46);
    assert_pointers_are_2_0(&warnings);
    // Tuples (`items: [..]`, not valid 2.0), a schema that is only `null` and one of two
    // types: each at its place in the 2.0 file.
    assert_eq!(warnings.len(), 13, "{warnings:#?}");
    assert!(warnings
        .iter()
        .all(|w| w.pointer.starts_with("#/paths/") || w.pointer.starts_with("#/definitions/")));
}
