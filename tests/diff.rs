//! `apiforge diff`: changelogs between spec versions made by editing `spec/resume_dunning.yaml`
//! and Chargebee's published spec, pinned by insta.

use std::path::Path;

use apiforge::{diff_specs, Settings};
use apiforge_tests::{chargebee_spec, resume_dunning_spec, workspace_root};
use serde_json::Value;

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("spec readable");
    serde_yaml::from_str(&text).expect("spec parses")
}

/// The node at a JSON pointer (`/a/b~1c`), for editing.
fn at<'v>(value: &'v mut Value, pointer: &str) -> &'v mut Value {
    value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no node at {pointer}"))
}

/// Writes `edited` next to nothing else and returns the Markdown changelog from `base`, and
/// whether any change is breaking.
fn changelog(base: &Path, edited: &Value) -> (String, bool) {
    let dir = tempfile::tempdir().expect("tempdir");
    let new = dir.path().join("new.json");
    std::fs::write(&new, serde_json::to_string(edited).expect("json")).expect("write");
    // Default settings on both sides: the changes of the spec alone.
    let settings = Settings::default();
    let changes = diff_specs((base, &settings), (&new, &settings)).expect("both specs load");
    let current = semver::Version::parse("2.0.0").expect("version");
    (changes.to_markdown(&current), changes.breaking_count() > 0)
}

fn snapshot(name: &str, markdown: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(workspace_root().join("tests/snapshots/diff"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, markdown));
}

/// An edit of a spec.
type Edit = dyn Fn(&mut Value);

/// An operation of a resource of its own (its own module, a response shape of its own), so
/// that adding it changes nothing else.
fn new_operation() -> Value {
    serde_json::json!({"get": {
        "operationId": "retrieve_customer",
        "parameters": [{"name": "customer-id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {
            "type": "object",
            "properties": {"customer": {"type": "object", "properties": {"id": {"type": "string"}}}}
        }}}}}
    }})
}

const OP: &str = "/paths/~1invoices~1{invoice-id}~1resume_dunning/post";

#[test]
fn resume_dunning_edits() {
    let base = resume_dunning_spec();
    let original = read(&base);
    let cases: Vec<(&str, bool, Box<Edit>)> = vec![
        (
            "field_removed",
            true,
            Box::new(|s| {
                at(s, "/components/schemas/Invoice/properties")
                    .as_object_mut()
                    .unwrap()
                    .remove("po_number");
            }),
        ),
        (
            // The three event switches share one enum type (their shapes are identical), so
            // the value is added to all of them, as the API would.
            "enum_value_added",
            false,
            Box::new(|s| {
                for header in ["actions", "email", "webhook"] {
                    at(
                        s,
                        &format!("/components/parameters/chargebee-event-{header}/schema/enum"),
                    )
                    .as_array_mut()
                    .unwrap()
                    .push("some-disabled".into());
                }
            }),
        ),
        (
            // The cost of one type per shape: when one use's shape changes, the others get a
            // type of their own, and code naming the shared type must follow.
            "merged_enum_split",
            true,
            Box::new(|s| {
                at(
                    s,
                    "/components/parameters/chargebee-event-email/schema/enum",
                )
                .as_array_mut()
                .unwrap()
                .push("some-disabled".into());
            }),
        ),
        (
            "parameter_made_required",
            true,
            Box::new(|s| {
                *at(
                    s,
                    "/components/parameters/chargebee-business-entity-id/required",
                ) = Value::Bool(true);
            }),
        ),
        (
            "type_changed",
            true,
            Box::new(|s| {
                *at(s, "/components/schemas/Invoice/properties/tax") = serde_json::json!({"type": "string", "description": "Tax as a decimal string."});
            }),
        ),
        (
            "operation_renamed",
            true,
            Box::new(|s| {
                *at(s, &format!("{OP}/operationId")) = "resume_invoice_dunning".into();
            }),
        ),
        (
            // A tag where there was none: its module (and the paths of its types, and its
            // feature) follow the tag.
            "tag_changed",
            true,
            Box::new(|s| {
                at(s, OP)
                    .as_object_mut()
                    .unwrap()
                    .insert("tags".to_owned(), serde_json::json!(["Billing"]));
            }),
        ),
        (
            // Every generated enum is `#[non_exhaustive]`, so a value added to one read from
            // responses is compatible too (docs/SEMVER.md).
            "response_enum_value_added",
            false,
            Box::new(|s| {
                at(s, "/components/schemas/Invoice/properties/status/enum")
                    .as_array_mut()
                    .unwrap()
                    .push("written_off".into());
            }),
        ),
        (
            // Optional, but a new field of a struct with public fields: a struct literal naming
            // every field stops compiling (cargo semver-checks: constructible_struct_adds_field).
            "optional_field_added",
            true,
            Box::new(|s| {
                at(s, "/components/schemas/Invoice/properties")
                    .as_object_mut()
                    .unwrap()
                    .insert("memo".to_owned(), serde_json::json!({"type": "string"}));
            }),
        ),
        (
            "optional_body_field_added",
            true,
            Box::new(|s| {
                at(
                    s,
                    &format!("{OP}/requestBody/content/application~1x-www-form-urlencoded/schema/properties"),
                )
                .as_object_mut()
                .unwrap()
                .insert("reason".to_owned(), serde_json::json!({"type": "string"}));
            }),
        ),
        (
            // A new method on `Client` (and a module and Cargo feature): compatible.
            "operation_added",
            false,
            Box::new(|s| {
                at(s, "/paths")
                    .as_object_mut()
                    .unwrap()
                    .insert("/customers/{customer-id}".to_owned(), new_operation());
            }),
        ),
        ("nothing", false, Box::new(|_| {})),
    ];
    for (name, breaking, edit) in cases {
        let mut edited = original.clone();
        edit(&mut edited);
        let (markdown, is_breaking) = changelog(&base, &edited);
        assert_eq!(is_breaking, breaking, "{name}:\n{markdown}");
        snapshot(&format!("resume_dunning_{name}"), &markdown);
    }
}

#[test]
fn chargebee_edits() {
    let Some(base) = chargebee_spec() else { return };
    let mut edited = read(&base);
    // A field removed, an enum value added, a parameter made required, a type changed, an
    // operation renamed, one removed and one added: all at once, as a real release might.
    at(&mut edited, "/components/schemas/Subscription/properties")
        .as_object_mut()
        .unwrap()
        .remove("po_number");
    at(
        &mut edited,
        "/components/schemas/Subscription/properties/status/enum",
    )
    .as_array_mut()
    .unwrap()
    .push("paused".into());
    for parameter in at(&mut edited, "/paths/~1invoices/get/parameters")
        .as_array_mut()
        .unwrap()
    {
        if parameter.get("name").and_then(Value::as_str) == Some("limit") {
            parameter["required"] = Value::Bool(true);
        }
    }
    *at(
        &mut edited,
        "/components/schemas/Customer/properties/created_at/type",
    ) = "string".into();
    at(
        &mut edited,
        "/components/schemas/Customer/properties/created_at",
    )
    .as_object_mut()
    .unwrap()
    .remove("format");
    *at(
        &mut edited,
        "/paths/~1subscriptions~1{subscription-id}/get/operationId",
    ) = "get_subscription".into();
    let removed = at(&mut edited, "/paths")
        .as_object_mut()
        .unwrap()
        .remove("/comments/{comment-id}")
        .expect("path exists");
    at(&mut edited, "/paths")
        .as_object_mut()
        .unwrap()
        .insert("/comments/{comment-id}/pin".into(), removed);
    let (markdown, breaking) = changelog(&base, &edited);
    assert!(breaking);
    snapshot("chargebee_release", &markdown);
}
