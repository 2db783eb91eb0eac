//! One description per enum value, from the ways specs write them:
//!
//! - `x-enum-descriptions` / `x-enumDescriptions` (also `x-enum-descriptions` written by the
//!   normalizer for OpenAPI 3.1's `oneOf` of `const`s): a list in the order of `enum`, or a
//!   map from value to text;
//! - Chargebee's style: the enum's `description` lists the values as Markdown bullets,
//!   `\* value -` (or `* value -`) followed by that value's text up to the next bullet.
//!
//! Found descriptions go to each variant's docs instead of one flattened paragraph; the
//! text before the first bullet stays the type's description.

use std::collections::HashMap;

use openapiv3::Schema;
use serde_json::Value;

use super::draft::OperationDraft;
use crate::ir::{Field, TypeDef, TypeKind, TypeRef};

/// The extensions that carry per-value descriptions, in the order they are read.
const EXTENSIONS: &[&str] = &["x-enum-descriptions", "x-enumDescriptions"];

/// What a schema says about its values.
#[derive(Debug, Default, PartialEq)]
pub(super) struct ValueDocs {
    /// The type's own description: the schema's, less any value list taken out of it.
    pub(super) description: Option<String>,
    /// The description of each value found, by value.
    pub(super) values: HashMap<String, String>,
}

/// The per-value descriptions of an enum schema listing `values`.
pub(super) fn value_docs(schema: &Schema, values: &[String]) -> ValueDocs {
    let description = schema.schema_data.description.clone();
    let extensions = &schema.schema_data.extensions;
    if let Some(found) = EXTENSIONS
        .iter()
        .find_map(|key| extensions.get(*key))
        .map(|value| from_extension(value, values))
        .filter(|found| !found.is_empty())
    {
        return ValueDocs {
            description,
            values: found,
        };
    }
    match description.as_deref().and_then(|d| from_bullets(d, values)) {
        Some((intro, found)) => ValueDocs {
            description: (!intro.is_empty()).then_some(intro),
            values: found,
        },
        None => ValueDocs {
            description,
            values: HashMap::new(),
        },
    }
}

/// A property or parameter of an inline enum carries the enum's description too (one schema
/// holds both): where that text lists the values the enum's variants now document, only its
/// introduction is kept, so the value list is not repeated in every field's docs.
pub(super) fn trim_value_lists(types: &mut [TypeDef], operations: &mut [OperationDraft]) {
    let documented: HashMap<String, Vec<String>> = types
        .iter()
        .filter_map(|t| match &t.kind {
            TypeKind::Enum { values, .. } if values.iter().any(|v| v.description.is_some()) => {
                Some((
                    t.ident.clone(),
                    values.iter().map(|v| v.value.clone()).collect(),
                ))
            }
            _ => None,
        })
        .collect();
    let trim = |ty: &TypeRef, description: &mut Option<String>| {
        let TypeRef::Named(name) = element(ty) else {
            return;
        };
        let Some(values) = documented.get(name) else {
            return;
        };
        if let Some((intro, _)) = description.as_deref().and_then(|d| from_bullets(d, values)) {
            *description = (!intro.is_empty()).then_some(intro);
        }
    };
    let trim_fields = |fields: &mut [Field]| {
        for field in fields {
            trim(&field.ty, &mut field.description);
        }
    };
    for def in types.iter_mut() {
        if let TypeKind::Struct { fields, .. } = &mut def.kind {
            trim_fields(fields);
        }
    }
    for op in operations {
        for param in &mut op.params {
            trim(&param.ty, &mut param.description);
        }
        if let Some(body) = &mut op.body {
            trim_fields(&mut body.fields);
        }
    }
}

/// The type of a value or of the items of a list or map of them.
fn element(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Array(inner) | TypeRef::Map(inner) => element(inner),
        other => other,
    }
}

/// A list parallel to `values`, or a map by value; empty and non-string texts are skipped.
fn from_extension(extension: &Value, values: &[String]) -> HashMap<String, String> {
    let text = |v: &Value| {
        v.as_str()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    match extension {
        Value::Array(texts) => values
            .iter()
            .zip(texts)
            .filter_map(|(value, t)| Some((value.clone(), text(t)?)))
            .collect(),
        Value::Object(map) => values
            .iter()
            .filter_map(|value| Some((value.clone(), text(map.get(value)?)?)))
            .collect(),
        _ => HashMap::new(),
    }
}

/// Chargebee's bullets: `\* value -` or `* value -`, each at the start of a line or after
/// whitespace, naming one of `values`. Returns the text before the first bullet and each
/// named value's text (empty texts are left out); `None` when no bullet names a value.
fn from_bullets(description: &str, values: &[String]) -> Option<(String, HashMap<String, String>)> {
    // (where the bullet starts, where its text starts, the value)
    let mut bullets: Vec<(usize, usize, &str)> = Vec::new();
    let mut at = 0;
    while let Some(found) = description[at..].find('*') {
        let star = at + found;
        at = star + 1;
        let start = if description[..star].ends_with('\\') {
            star - 1
        } else {
            star
        };
        let before_ok = description[..start]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        if !before_ok {
            continue;
        }
        let rest = &description[star + 1..];
        let Some(rest_trimmed) = rest.strip_prefix(' ') else {
            continue;
        };
        // The longest value that fits, so that `on` does not take `on_hold`'s bullet.
        let named = values
            .iter()
            .filter(|v| {
                rest_trimmed
                    .strip_prefix(v.as_str())
                    .and_then(|after| after.trim_start_matches(' ').strip_prefix('-'))
                    .is_some()
            })
            .max_by_key(|v| v.len());
        if let Some(value) = named {
            let after_value = &rest_trimmed[value.len()..];
            let dash = after_value.find('-').unwrap_or(0);
            let text_start = star + 2 + value.len() + dash + 1;
            bullets.push((start, text_start, value.as_str()));
            at = text_start;
        }
    }
    let first = bullets.first()?.0;
    let mut found = HashMap::new();
    for (i, &(_, text_start, value)) in bullets.iter().enumerate() {
        let end = bullets.get(i + 1).map_or(description.len(), |next| next.0);
        let text = description[text_start..end].trim();
        if !text.is_empty() {
            found
                .entry(value.to_owned())
                .or_insert_with(|| text.to_owned());
        }
    }
    Some((description[..first].trim().to_owned(), found))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(json: Value) -> Schema {
        serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"))
    }

    fn values(list: &[&str]) -> Vec<String> {
        list.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn extension_lists_and_maps_give_one_text_per_value() {
        let vals = values(&["on", "off"]);
        for key in EXTENSIONS {
            let docs = value_docs(
                &schema(serde_json::json!({"type": "string", "enum": ["on", "off"],
                    "description": "Collection.", key.to_string(): ["Charged.", "Offline."]})),
                &vals,
            );
            assert_eq!(docs.description.as_deref(), Some("Collection."));
            assert_eq!(docs.values["on"], "Charged.");
            assert_eq!(docs.values["off"], "Offline.");
        }
        let docs = value_docs(
            &schema(serde_json::json!({"type": "string", "enum": ["on", "off"],
                "x-enum-descriptions": {"off": "Offline.", "other": "ignored"}})),
            &vals,
        );
        assert_eq!(docs.values.len(), 1);
        assert_eq!(docs.values["off"], "Offline.");
    }

    #[test]
    fn chargebee_bullets_are_split_by_value() {
        let description = "Whether payments are collected\n\\* on -\n\nAn attempt to charge is made.\n\\* off -\n\nAll payments must be recorded offline.\n";
        let docs = value_docs(
            &schema(serde_json::json!({"type": "string", "enum": ["on", "off"],
                "description": description})),
            &values(&["on", "off"]),
        );
        assert_eq!(
            docs.description.as_deref(),
            Some("Whether payments are collected")
        );
        assert_eq!(docs.values["on"], "An attempt to charge is made.");
        assert_eq!(docs.values["off"], "All payments must be recorded offline.");
    }

    #[test]
    fn bullets_without_text_leave_no_description() {
        let docs = value_docs(
            &schema(
                serde_json::json!({"type": "string", "enum": ["full_term", "none"],
                "description": "\\* full_term - \\* none -\n"}),
            ),
            &values(&["full_term", "none"]),
        );
        assert_eq!(docs, ValueDocs::default());
    }

    #[test]
    fn the_longest_value_takes_the_bullet_and_other_stars_are_text() {
        let description = "Status. *Note* a*b\n* on_hold - Paused.\n* on - Running 2 * 3.";
        let docs = value_docs(
            &schema(
                serde_json::json!({"type": "string", "enum": ["on", "on_hold"],
                "description": description}),
            ),
            &values(&["on", "on_hold"]),
        );
        assert_eq!(docs.description.as_deref(), Some("Status. *Note* a*b"));
        assert_eq!(docs.values["on_hold"], "Paused.");
        assert_eq!(docs.values["on"], "Running 2 * 3.");
    }

    #[test]
    fn a_description_naming_no_value_is_kept_whole() {
        let docs = value_docs(
            &schema(serde_json::json!({"type": "string", "enum": ["a"],
                "description": "* b - not a value"})),
            &values(&["a"]),
        );
        assert_eq!(docs.description.as_deref(), Some("* b - not a value"));
        assert!(docs.values.is_empty());
    }
}

#[cfg(test)]
mod lowering_tests {
    use std::path::Path;

    use crate::ir::{Api, TypeKind};
    use crate::load::load_bytes;

    fn lower(yaml: &str) -> Api {
        let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let mut warnings = Vec::new();
        let api = super::super::lower(&loaded, &mut warnings).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(warnings.is_empty(), "{warnings:?}");
        api
    }

    fn descriptions(api: &Api, ident: &str) -> Vec<(String, Option<String>)> {
        match api.type_def(ident).map(|t| &t.kind) {
            Some(TypeKind::Enum { values, .. }) => values
                .iter()
                .map(|v| (v.value.clone(), v.description.clone()))
                .collect(),
            other => panic!("{ident}: {other:?}"),
        }
    }

    #[test]
    fn every_way_of_describing_values_reaches_the_ir_and_fields_keep_the_intro() {
        let api = lower(
            r#"openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /invoice:
    get:
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Invoice'}
components:
  schemas:
    Status:
      description: Invoice status.
      oneOf:
        - {const: paid, description: Settled in full.}
        - {const: void, title: Cancelled}
    Invoice:
      type: object
      properties:
        status: {$ref: '#/components/schemas/Status'}
        mode:
          type: string
          enum: [auto, manual]
          x-enumDescriptions: [Charged automatically., Recorded by hand.]
        dunning:
          type: string
          enum: [success, stopped]
          description: "Dunning state.\n\\* success -\n\nCollected.\n\\* stopped -\n\nGiven up.\n"
"#,
        );
        let text = |v: &str, d: Option<&str>| (v.to_owned(), d.map(str::to_owned));
        assert_eq!(
            descriptions(&api, "Status"),
            [
                text("paid", Some("Settled in full.")),
                text("void", Some("Cancelled"))
            ]
        );
        assert_eq!(
            descriptions(&api, "InvoiceMode"),
            [
                text("auto", Some("Charged automatically.")),
                text("manual", Some("Recorded by hand."))
            ]
        );
        assert_eq!(
            descriptions(&api, "InvoiceDunning"),
            [
                text("success", Some("Collected.")),
                text("stopped", Some("Given up."))
            ]
        );
        let dunning = api
            .type_def("InvoiceDunning")
            .map(|t| t.description.clone());
        assert_eq!(dunning, Some(Some("Dunning state.".to_owned())));
        let Some(TypeKind::Struct { fields, .. }) = api.type_def("Invoice").map(|t| &t.kind) else {
            panic!("Invoice is a struct")
        };
        let field = fields.iter().find(|f| f.name == "dunning");
        assert_eq!(
            field.and_then(|f| f.description.as_deref()),
            Some("Dunning state.")
        );
    }
}
