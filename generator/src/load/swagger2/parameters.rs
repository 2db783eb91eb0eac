//! A non-body 2.0 parameter → a 3.0 parameter: the value's description moves into `schema`,
//! `collectionFormat` becomes `style` and `explode`.

use serde_json::{Map, Value};

use super::{copy_extensions, schemas, Context};

/// The fields of a 2.0 parameter, header or `items` object that describe its value; in 3.0
/// they form the `schema`.
const VALUE_FIELDS: [&str; 17] = [
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
    "x-nullable",
];

/// The 3.0 parameter for the 2.0 `parameter` (at `old` in the 2.0 document, at `new` in the
/// converted one). A `$ref` is kept (rewritten with the others).
pub(super) fn parameter(cx: &mut Context<'_>, parameter: &Value, old: &str, new: &str) -> Value {
    let Some(p) = parameter.as_object() else {
        return parameter.clone();
    };
    if p.contains_key("$ref") {
        return parameter.clone();
    }
    let location = p.get("in").and_then(Value::as_str).unwrap_or("");
    let mut out = Map::new();
    for key in ["name", "in", "description", "required", "deprecated"] {
        if let Some(value) = p.get(key) {
            out.insert(key.into(), value.clone());
        }
    }
    // 3.0 allows `allowEmptyValue` on query parameters only (2.0 also on form fields, which
    // have no such field in 3.0; it changes nothing on the wire).
    if location == "query" {
        if let Some(value) = p.get("allowEmptyValue") {
            out.insert("allowEmptyValue".into(), value.clone());
        }
    }
    let schema = match p.get("schema") {
        Some(schema) => {
            let mut schema = schema.clone();
            schemas::convert(&mut schema);
            schema
        }
        None => value_schema(cx, p, old),
    };
    let is_array = schema.get("type").and_then(Value::as_str) == Some("array");
    if let Some((style, explode)) = style(cx, location, p, is_array, old) {
        out.insert("style".into(), style.into());
        out.insert("explode".into(), explode.into());
    }
    out.insert("schema".into(), schema);
    cx.moved(&format!("{new}/schema"), old);
    copy_extensions(p, &mut out);
    out.shift_remove("x-nullable");
    Value::Object(out)
}

/// The schema a 2.0 parameter, header or `items` object (at `old`) describes its value with.
pub(super) fn value_schema(cx: &mut Context<'_>, node: &Map<String, Value>, old: &str) -> Value {
    let mut schema = Map::new();
    for key in VALUE_FIELDS {
        let Some(value) = node.get(key) else {
            continue;
        };
        if key == "items" {
            if let Some(items) = value.as_object() {
                let at = format!("{old}/items");
                if let Some(format) = items.get("collectionFormat").and_then(Value::as_str) {
                    cx.warn(
                        &format!("{at}/collectionFormat"),
                        format!(
                            "`collectionFormat: {format}` on nested items has no OpenAPI 3 \
                             equivalent; the inner lists are written as the outer one's style says"
                        ),
                    );
                }
                schema.insert("items".into(), value_schema(cx, items, &at));
                continue;
            }
        }
        schema.insert(key.into(), value.clone());
    }
    let mut schema = Value::Object(schema);
    schemas::convert(&mut schema);
    schema
}

/// `style` and `explode` for a list sent `collectionFormat` ways (2.0's default: `csv`) in a
/// parameter at `location` (`formData`: a form field, whose 3.0 `encoding` takes the query's
/// styles). `None`: 3.0's default for that location already means the same.
pub(super) fn style(
    cx: &mut Context<'_>,
    location: &str,
    node: &Map<String, Value>,
    is_array: bool,
    old: &str,
) -> Option<(&'static str, bool)> {
    if !is_array {
        return None;
    }
    let format = node
        .get("collectionFormat")
        .and_then(Value::as_str)
        .unwrap_or("csv");
    let at = format!("{old}/collectionFormat");
    match location {
        "query" | "formData" => Some(match format {
            "csv" => ("form", false),
            "ssv" => ("spaceDelimited", false),
            "pipes" => ("pipeDelimited", false),
            "multi" => ("form", true),
            other => {
                cx.warn(
                    &at,
                    format!(
                        "`collectionFormat: {other}` has no OpenAPI 3 equivalent{}; the list \
                         is sent comma-separated (`csv`), which the server may not accept: \
                         check the API's documentation",
                        if other == "tsv" {
                            " (tab-separated)"
                        } else {
                            ""
                        },
                    ),
                );
                ("form", false)
            }
        }),
        _ => {
            if format != "csv" {
                cx.warn(
                    &at,
                    format!(
                        "`collectionFormat: {format}` has no OpenAPI 3 equivalent for a \
                         {location} parameter; the list is sent comma-separated (`csv`), which \
                         the server may not accept: check the API's documentation"
                    ),
                );
            }
            None
        }
    }
}
