use std::path::Path;

use serde_json::json;

use super::apply;
use crate::load::SourceFile;

const OVERLAY: &str = "overlay: 1.0.0
info:
  title: Fixes
  version: 1.0.0
actions:
  - target: $.paths['/pets'].get
    update:
      summary: List the pets
      parameters:
        - name: limit
          in: query
  - target: $.paths['/pets'].get.parameters[?@.name == 'legacy']
    remove: true
  - target: $.components.schemas.Pet.properties.name
    update:
      required: true
";

fn overlay(text: &str) -> SourceFile {
    SourceFile {
        path: Path::new("fixes.yaml").to_path_buf(),
        text: text.to_owned(),
        is_json: false,
    }
}

fn spec() -> serde_json::Value {
    json!({
        "openapi": "3.0.3",
        "paths": {"/pets": {"get": {
            "summary": "old",
            "parameters": [{"name": "legacy", "in": "query"}, {"name": "page", "in": "query"}]
        }}},
        "components": {"schemas": {"Pet": {"properties": {"name": {"type": "string"}}}}}
    })
}

fn run(
    text: &str,
    spec: &mut serde_json::Value,
) -> Result<Vec<(String, String)>, crate::Diagnostic> {
    let file = overlay(text);
    let value = crate::load::parse_value(&file.path, text, false)?;
    apply(&file, &value, spec)
}

#[test]
fn updates_merge_append_and_removes_delete_in_order() {
    let mut spec = spec();
    let written = run(OVERLAY, &mut spec).expect("applies");
    let get = &spec["paths"]["/pets"]["get"];
    assert_eq!(get["summary"], "List the pets");
    let names: Vec<&str> = get["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(names, ["page", "limit"]);
    assert_eq!(
        spec["components"]["schemas"]["Pet"]["properties"]["name"],
        json!({"type": "string", "required": true})
    );
    // What was written is traced to the overlay's own nodes.
    assert!(written.contains(&(
        "#/paths/~1pets/get/summary".to_owned(),
        "#/actions/0/update/summary".to_owned()
    )));
    assert!(written.contains(&(
        "#/paths/~1pets/get/parameters/2".to_owned(),
        "#/actions/0/update/parameters/0".to_owned()
    )));
}

#[test]
fn a_target_that_selects_nothing_is_an_error_at_its_line() {
    let text = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.paths['/dogs']\n    remove: true\n";
    let error = run(text, &mut spec()).expect_err("nothing selected");
    assert_eq!(
        error.message,
        "the target `$.paths['/dogs']` selects nothing in the spec"
    );
    assert_eq!(error.file, Path::new("fixes.yaml"));
    assert_eq!(error.pointer.as_deref(), Some("#/actions/0/target"));
    assert_eq!(error.position, Some((4, 5)));
}

#[test]
fn bad_overlays_are_refused_with_where_and_why() {
    let unknown = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.paths[1:2]\n    remove: true\n";
    let error = run(unknown, &mut spec()).expect_err("slice");
    assert!(
        error
            .message
            .contains("not a JSONPath apiforge understands"),
        "{error}"
    );
    // The column of the `:` in the target.
    assert_eq!(error.position, Some((4, 22)));
    let not_overlay = "openapi: 3.0.3\n";
    let error = run(not_overlay, &mut spec()).expect_err("not an overlay");
    assert!(
        error.message.contains("not an OpenAPI Overlay 1.0"),
        "{error}"
    );
    let nothing_to_do = "overlay: 1.0.0\nactions:\n  - target: $.paths\n";
    let error = run(nothing_to_do, &mut spec()).expect_err("no update");
    assert!(
        error.message.contains("neither `update` nor `remove"),
        "{error}"
    );
    let scalar = "overlay: 1.0.0\nactions:\n  - target: $.openapi\n    update: {a: 1}\n";
    let error = run(scalar, &mut spec()).expect_err("a scalar target");
    assert!(error.message.contains("a single value"), "{error}");
}
