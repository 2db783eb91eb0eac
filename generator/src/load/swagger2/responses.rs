//! A 2.0 response → a 3.0 response: its `schema` under each media type `produces` lists (and
//! each its `examples` name), its `examples` beside them, its headers' value descriptions in
//! `schema`.

use serde_json::{Map, Value};

use super::{child, copy_extensions, parameters, schemas, Context};

/// The 3.0 response for the 2.0 `response` at `old` (at `new` once converted). A `$ref` is
/// kept (rewritten with the others). A response without `schema` has no content, as in 2.0.
pub(super) fn response(
    cx: &mut Context<'_>,
    response: &Value,
    produces: &[String],
    new: &str,
    old: &str,
) -> Value {
    let Some(r) = response.as_object() else {
        return response.clone();
    };
    if r.contains_key("$ref") {
        return response.clone();
    }
    let mut out = Map::new();
    // Required in both versions; an empty one keeps the 3.0 model reading a sloppy spec.
    let description = r.get("description").cloned().unwrap_or_else(|| "".into());
    out.insert("description".into(), description);
    if let Some(Value::Object(headers)) = r.get("headers") {
        let mut converted = Map::new();
        for (name, header) in headers {
            let at_old = child(&format!("{old}/headers"), name);
            let at_new = child(&format!("{new}/headers"), name);
            converted.insert(name.clone(), self::header(cx, header, &at_old, &at_new));
        }
        out.insert("headers".into(), Value::Object(converted));
    }
    if let Some(schema) = r.get("schema") {
        let mut schema = schema.clone();
        schemas::convert(&mut schema);
        let examples = r.get("examples").and_then(Value::as_object);
        let mut content = Map::new();
        for media_type in produces {
            let at = child(&format!("{new}/content"), media_type);
            cx.moved(&format!("{at}/schema"), &format!("{old}/schema"));
            let mut entry = Map::new();
            entry.insert("schema".into(), schema.clone());
            if let Some(example) = examples.and_then(|e| e.get(media_type)) {
                cx.moved(
                    &format!("{at}/example"),
                    &child(&format!("{old}/examples"), media_type),
                );
                entry.insert("example".into(), example.clone());
            }
            content.insert(media_type.clone(), Value::Object(entry));
        }
        // An example under a media type `produces` does not list says the server sends that
        // type too (Docker's errors: `produces: [application/x-tar]`, examples and bodies in
        // JSON): the same schema under it, so the body is read as what it is.
        for (media_type, example) in examples.into_iter().flatten() {
            if content.contains_key(media_type) {
                continue;
            }
            let at = child(&format!("{new}/content"), media_type);
            cx.moved(&format!("{at}/schema"), &format!("{old}/schema"));
            cx.moved(
                &format!("{at}/example"),
                &child(&format!("{old}/examples"), media_type),
            );
            let mut entry = Map::new();
            entry.insert("schema".into(), schema.clone());
            entry.insert("example".into(), example.clone());
            content.insert(media_type.clone(), Value::Object(entry));
        }
        out.insert("content".into(), Value::Object(content));
    }
    copy_extensions(r, &mut out);
    Value::Object(out)
}

/// A 2.0 response header (a value description, like a parameter's) → a 3.0 header.
fn header(cx: &mut Context<'_>, header: &Value, old: &str, new: &str) -> Value {
    let Some(h) = header.as_object() else {
        return header.clone();
    };
    let mut out = Map::new();
    if let Some(description) = h.get("description") {
        out.insert("description".into(), description.clone());
    }
    let schema = parameters::value_schema(cx, h, old);
    let is_array = schema.get("type").and_then(Value::as_str) == Some("array");
    // Headers are `simple` in 3.0, which is `csv`; `style` only warns about the others.
    let _ = parameters::style(cx, "header", h, is_array, old);
    out.insert("schema".into(), schema);
    cx.moved(&format!("{new}/schema"), old);
    copy_extensions(h, &mut out);
    out.shift_remove("x-nullable");
    Value::Object(out)
}
