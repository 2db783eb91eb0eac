//! `in: body` and `in: formData` parameters → a 3.0 `requestBody`.

use serde_json::{Map, Value};

use super::{child, copy_extensions, parameters, schemas, Context};

const URLENCODED: &str = "application/x-www-form-urlencoded";
const MULTIPART: &str = "multipart/form-data";

/// The request body for the 2.0 `in: body` parameter at `old`: its schema under each media
/// type `consumes` lists; its `description`, `required` and extensions kept. (Its `name`
/// has no place in 3.0, as in swagger2openapi's output without its `x-codegen` extension.)
pub(super) fn body(
    cx: &mut Context<'_>,
    parameter: &Value,
    consumes: &[String],
    old: &str,
    new: &str,
) -> Value {
    let Some(p) = parameter.as_object() else {
        return parameter.clone();
    };
    cx.moved(new, old);
    let mut schema = p
        .get("schema")
        .cloned()
        .unwrap_or_else(|| Map::new().into());
    schemas::convert(&mut schema);
    let mut content = Map::new();
    for media_type in consumes {
        let at = child(&format!("{new}/content"), media_type);
        cx.moved(&format!("{at}/schema"), &format!("{old}/schema"));
        let mut entry = Map::new();
        entry.insert("schema".into(), schema.clone());
        content.insert(media_type.clone(), Value::Object(entry));
    }
    let mut out = Map::new();
    if let Some(description) = p.get("description") {
        out.insert("description".into(), description.clone());
    }
    out.insert("content".into(), Value::Object(content));
    if let Some(required) = p.get("required") {
        out.insert("required".into(), required.clone());
    }
    copy_extensions(p, &mut out);
    Value::Object(out)
}

/// The request body for an operation's `in: formData` parameters (`fields`: each parameter,
/// `$ref`s resolved, with its 2.0 pointer): one object schema whose properties are the
/// fields, `required` listing the required ones, and an `encoding` entry for each list
/// (its `collectionFormat`). The media type is what `consumes` lists of the two form types;
/// if it lists neither, `multipart/form-data` when a field is a file (`type: file`), else
/// `application/x-www-form-urlencoded`. Files cannot travel URL-encoded, so a body with a file
/// is only multipart.
pub(super) fn form(
    cx: &mut Context<'_>,
    fields: &[(&Value, String)],
    consumes: &[String],
    new: &str,
) -> Value {
    let has_file = fields
        .iter()
        .any(|(f, _)| f.get("type").and_then(Value::as_str) == Some("file"));
    let mut media_types: Vec<&str> = consumes
        .iter()
        .map(String::as_str)
        .filter(|m| {
            let m = m.split(';').next().unwrap_or("").trim();
            m.eq_ignore_ascii_case(URLENCODED) || m.eq_ignore_ascii_case(MULTIPART)
        })
        .collect();
    if has_file {
        if media_types.iter().any(|m| m.starts_with(URLENCODED)) {
            if let Some((_, at)) = fields.first() {
                cx.warn(
                    at,
                    "a form with a file (`type: file`) cannot be sent URL-encoded; sent as \
                     `multipart/form-data` only",
                );
            }
        }
        media_types.retain(|m| !m.starts_with(URLENCODED));
    }
    if media_types.is_empty() {
        media_types.push(if has_file { MULTIPART } else { URLENCODED });
    }
    if let Some((_, first)) = fields.first() {
        cx.moved(new, first);
    }
    let mut content = Map::new();
    for media_type in media_types {
        let at = child(&format!("{new}/content"), media_type);
        let (schema, encoding) = form_schema(cx, fields, &format!("{at}/schema"));
        let mut entry = Map::new();
        entry.insert("schema".into(), schema);
        if !encoding.is_empty() {
            entry.insert("encoding".into(), Value::Object(encoding));
        }
        content.insert(media_type.to_owned(), Value::Object(entry));
    }
    let mut out = Map::new();
    out.insert("content".into(), Value::Object(content));
    let required = fields
        .iter()
        .any(|(f, _)| f.get("required").and_then(Value::as_bool) == Some(true));
    if required {
        out.insert("required".into(), true.into());
    }
    Value::Object(out)
}

/// The object schema of a form's fields, and the `encoding` of its lists.
fn form_schema(
    cx: &mut Context<'_>,
    fields: &[(&Value, String)],
    new: &str,
) -> (Value, Map<String, Value>) {
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut encoding = Map::new();
    for (field, old) in fields {
        let Some(f) = field.as_object() else {
            continue;
        };
        let Some(name) = f.get("name").and_then(Value::as_str) else {
            continue;
        };
        cx.moved(&child(&format!("{new}/properties"), name), old);
        let mut schema = parameters::value_schema(cx, f, old);
        if let (Some(description), Value::Object(s)) = (f.get("description"), &mut schema) {
            s.insert("description".into(), description.clone());
        }
        if let Value::Object(s) = &mut schema {
            copy_extensions(f, s);
            s.shift_remove("x-nullable");
        }
        let is_array = schema.get("type").and_then(Value::as_str) == Some("array");
        if let Some((style, explode)) = parameters::style(cx, "formData", f, is_array, old) {
            let mut entry = Map::new();
            entry.insert("style".into(), style.into());
            entry.insert("explode".into(), explode.into());
            encoding.insert(name.to_owned(), Value::Object(entry));
        }
        if f.get("required").and_then(Value::as_bool) == Some(true) {
            required.push(Value::String(name.to_owned()));
        }
        properties.insert(name.to_owned(), schema);
    }
    let mut schema = Map::new();
    schema.insert("type".into(), "object".into());
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), Value::Array(required));
    }
    (Value::Object(schema), encoding)
}
