//! Swagger 2.0 read directly: the parsed 2.0 document rewritten into an OpenAPI 3.0 one before
//! the rest of load runs, as swagger2openapi would, so that every later stage sees only 3.0.
//!
//! Each node that moves (`#/definitions` → `#/components/schemas`, a `body` parameter →
//! `requestBody`, a response's `schema` → `content/<media type>/schema`, a parameter's `type`
//! → its `schema`, a parameter list that lost its body entry) is recorded as a pair of the new
//! pointer and the 2.0 pointer it came from. [`super::Sources`] consults these pairs as it does
//! for nodes bundled from other files, so every later diagnostic names the line and column in
//! the 2.0 file as written. Warnings of this conversion carry the 2.0 pointer directly.
//!
//! Split by concern: `servers` (host, basePath, schemes), `operations` (paths, operations and
//! their parameter lists), `parameters` (a non-body parameter and `collectionFormat`),
//! `bodies` (`in: body` and `in: formData` → `requestBody`), `responses`, `security`
//! (`securityDefinitions`), `schemas` (the 2.0 schema dialect: `x-nullable`, `type: file`, a
//! string `discriminator`) and `refs` (`#/definitions/X` → `#/components/schemas/X`, ...).
//!
//! A 2.0 spec split into several files is bundled after the conversion, by the same bundler
//! as 3.0 specs: `$ref`s to other files are followed from where they now stand, so other
//! files may hold schemas (read in the 2.0 dialect, [`convert_bundled_schemas`]), but not
//! 2.0 parameters or responses, which would be read as 3.0 ones.

mod bodies;
mod operations;
mod parameters;
mod refs;
mod responses;
mod schemas;
mod security;
mod servers;

#[cfg(test)]
mod tests;

use serde_json::{Map, Value};

use crate::diagnostic::{escape_token, Warning};

/// The media type assumed where a 2.0 document lists no `consumes` or `produces`: 2.0 leaves
/// it open; JSON is what such APIs send in practice (swagger2openapi writes `*/*`).
const DEFAULT_MEDIA_TYPE: &str = "application/json";

/// What converting a 2.0 document produced besides the 3.0 document itself.
#[derive(Debug, Default)]
pub(super) struct Converted {
    /// Pairs of a pointer in the converted document and the pointer in the 2.0 document of
    /// the node it was made from (deepest pair wins; nodes under no pair kept their pointer).
    pub moved: Vec<(String, String)>,
    /// What the conversion had to approximate, each at its 2.0 pointer.
    pub warnings: Vec<Warning>,
}

/// Whether `value` is a Swagger 2.0 document.
pub(super) fn is_swagger2(value: &Value) -> bool {
    value.get("swagger").is_some_and(is_version_2)
}

/// Whether a `swagger` field says 2.0: the string the specification requires, or the number
/// YAML reads from an unquoted `swagger: 2.0`, as many published files write it.
pub(super) fn is_version_2(version: &Value) -> bool {
    version.as_str() == Some("2.0") || version.as_f64() == Some(2.0)
}

/// Rewrites the Swagger 2.0 document `value` (an object, checked by the caller) into OpenAPI
/// 3.0.3, in place.
pub(super) fn convert(value: &mut Value) -> Converted {
    let Value::Object(old) = std::mem::take(value) else {
        return Converted::default();
    };
    let mut cx = Context {
        root: &old,
        converted: Converted::default(),
    };
    let mut new = Map::new();
    new.insert("openapi".into(), Value::String("3.0.3".into()));
    if let Some(info) = old.get("info") {
        new.insert("info".into(), info.clone());
    }
    if let Some(servers) = servers::servers(&mut cx) {
        new.insert("servers".into(), servers);
    }
    for (key, node) in &old {
        match key.as_str() {
            "swagger"
            | "info"
            | "host"
            | "basePath"
            | "schemes"
            | "consumes"
            | "produces"
            | "definitions"
            | "parameters"
            | "responses"
            | "securityDefinitions" => {}
            "paths" => {
                let paths = operations::paths(&mut cx, node);
                new.insert("paths".into(), paths);
            }
            "security" | "tags" | "externalDocs" => {
                new.insert(key.clone(), node.clone());
            }
            _ if key.starts_with("x-") => {
                new.insert(key.clone(), node.clone());
            }
            _ => cx.warn(
                &pointer(&[key]),
                format!("`{key}` is not a Swagger 2.0 field; ignored"),
            ),
        }
    }
    let components = components(&mut cx);
    if !components.is_empty() {
        new.insert("components".into(), Value::Object(components));
    }
    let mut document = Value::Object(new);
    refs::rewrite(&mut document);
    *value = document;
    cx.converted
}

/// Reads the schemas other files contributed (bundled into `components/schemas` after
/// [`convert`]) in the 2.0 dialect too: `x-nullable`, `type: file`, a string
/// `discriminator`. The document's own schemas are already converted; converting again
/// changes nothing.
pub(super) fn convert_bundled_schemas(document: &mut Value) {
    if let Some(Value::Object(schemas)) = document.pointer_mut("/components/schemas") {
        schemas.values_mut().for_each(schemas::convert);
    }
}

/// The 3.0 `components`: `definitions`, the non-body `parameters`, the body ones as
/// `requestBodies`, `responses` and `securityDefinitions`.
fn components(cx: &mut Context<'_>) -> Map<String, Value> {
    let root = cx.root;
    let mut components = Map::new();
    if let Some(Value::Object(definitions)) = root.get("definitions") {
        let mut converted = definitions.clone();
        for schema in converted.values_mut() {
            schemas::convert(schema);
        }
        components.insert("schemas".into(), Value::Object(converted));
        cx.moved("#/components/schemas", "#/definitions");
    }
    if let Some(Value::Object(list)) = root.get("parameters") {
        let mut parameters = Map::new();
        let mut bodies = Map::new();
        let consumes = media_types(root, None, "consumes");
        for (name, parameter) in list {
            let old = pointer(&["parameters", name]);
            match parameter.get("in").and_then(Value::as_str) {
                Some("body") => {
                    let new = pointer(&["components", "requestBodies", name]);
                    let body = bodies::body(cx, parameter, &consumes, &old, &new);
                    bodies.insert(name.clone(), body);
                }
                // Inlined into each operation's form body where it is used (3.0 has no
                // component for one form field).
                Some("formData") => {}
                _ => {
                    let new = pointer(&["components", "parameters", name]);
                    cx.moved(&new, &old);
                    parameters.insert(
                        name.clone(),
                        parameters::parameter(cx, parameter, &old, &new),
                    );
                }
            }
        }
        if !parameters.is_empty() {
            components.insert("parameters".into(), Value::Object(parameters));
        }
        if !bodies.is_empty() {
            components.insert("requestBodies".into(), Value::Object(bodies));
        }
    }
    if let Some(Value::Object(list)) = root.get("responses") {
        let produces = media_types(root, None, "produces");
        let mut converted = Map::new();
        for (name, response) in list {
            let old = pointer(&["responses", name]);
            let new = pointer(&["components", "responses", name]);
            cx.moved(&new, &old);
            converted.insert(
                name.clone(),
                responses::response(cx, response, &produces, &new, &old),
            );
        }
        components.insert("responses".into(), Value::Object(converted));
    }
    if let Some(Value::Object(definitions)) = root.get("securityDefinitions") {
        components.insert(
            "securitySchemes".into(),
            Value::Object(security::schemes(cx, definitions)),
        );
        cx.moved("#/components/securitySchemes", "#/securityDefinitions");
    }
    components
}

/// The conversion's state: the 2.0 document (for global `consumes`/`produces` and the
/// parameters `$ref`s name) and what has been recorded so far.
struct Context<'a> {
    root: &'a Map<String, Value>,
    converted: Converted,
}

impl Context<'_> {
    /// Records that the node at `new` (converted document) was made from the node at `old`.
    fn moved(&mut self, new: &str, old: &str) {
        self.converted.moved.push((new.to_owned(), old.to_owned()));
    }

    /// A warning about the node at `old` (a pointer of the 2.0 document).
    fn warn(&mut self, old: &str, message: impl Into<String>) {
        self.converted.warnings.push(Warning {
            pointer: old.to_owned(),
            message: message.into(),
        });
    }
}

/// The root parameter an internal `$ref` (`#/parameters/X`) names, with `X` as written in
/// the `$ref` (escaped).
fn parameter_ref<'r>(
    root: &'r Map<String, Value>,
    parameter: &'r Value,
) -> Option<(&'r str, &'r Value)> {
    let target = parameter.get("$ref")?.as_str()?;
    let name = target.strip_prefix("#/parameters/")?;
    let decoded = name.replace("~1", "/").replace("~0", "~");
    let resolved = root.get("parameters")?.get(&decoded)?;
    Some((name, resolved))
}

/// The media types of `key` (`consumes` or `produces`): the operation's if it lists them,
/// else the document's, else [`DEFAULT_MEDIA_TYPE`].
fn media_types(
    root: &Map<String, Value>,
    operation: Option<&Map<String, Value>>,
    key: &str,
) -> Vec<String> {
    let list = |node: Option<&Value>| -> Option<Vec<String>> {
        let list: Vec<String> = node?
            .as_array()?
            .iter()
            .filter_map(|m| m.as_str().map(str::to_owned))
            .collect();
        (!list.is_empty()).then_some(list)
    };
    list(operation.and_then(|o| o.get(key)))
        .or_else(|| list(root.get(key)))
        .unwrap_or_else(|| vec![DEFAULT_MEDIA_TYPE.to_owned()])
}

/// A JSON pointer from unescaped tokens.
fn pointer(tokens: &[&str]) -> String {
    crate::diagnostic::pointer(tokens.iter().copied())
}

/// `base` extended by one unescaped token.
fn child(base: &str, token: &str) -> String {
    format!("{base}/{}", escape_token(token))
}

/// The `x-` extensions of `node`, copied into `into`.
fn copy_extensions(node: &Map<String, Value>, into: &mut Map<String, Value>) {
    for (key, value) in node {
        if key.starts_with("x-") {
            into.insert(key.clone(), value.clone());
        }
    }
}
