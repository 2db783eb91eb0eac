//! `paths`: each path item and operation, their parameter lists split into 3.0 parameters
//! and a request body, their responses converted.

use serde_json::{Map, Value};

use super::{bodies, child, media_types, parameter_ref, parameters, responses, Context};

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "options", "head", "patch"];

/// The converted `paths` object.
pub(super) fn paths<'a>(cx: &mut Context<'a>, node: &'a Value) -> Value {
    let Some(paths) = node.as_object() else {
        return node.clone();
    };
    let mut out = Map::new();
    for (template, item) in paths {
        let at = child("#/paths", template);
        out.insert(template.clone(), path_item(cx, item, &at));
    }
    Value::Object(out)
}

/// A parameter list taken apart: the 3.0 parameters, the body parameter and the form fields
/// (each with the 2.0 pointer where it is written, and the name of the root parameter a
/// `$ref` named).
#[derive(Default)]
struct Split<'r> {
    kept: Vec<Value>,
    body: Option<Body<'r>>,
    form: Vec<(&'r Value, String)>,
}

#[derive(Clone)]
struct Body<'r> {
    parameter: &'r Value,
    old: String,
    reference: Option<&'r str>,
}

fn split<'r>(
    cx: &mut Context<'r>,
    list: Option<&'r Value>,
    old_base: &str,
    new_base: &str,
) -> Split<'r> {
    let root = cx.root;
    let mut split = Split::default();
    let Some(list) = list.and_then(Value::as_array) else {
        return split;
    };
    for (i, parameter) in list.iter().enumerate() {
        let at = format!("{old_base}/{i}");
        let (reference, resolved, old) = match parameter_ref(root, parameter) {
            Some((name, target)) => (Some(name), target, format!("#/parameters/{name}")),
            None => (None, parameter, at.clone()),
        };
        match resolved.get("in").and_then(Value::as_str) {
            Some("body") => {
                split.body = Some(Body {
                    parameter: resolved,
                    old,
                    reference,
                });
            }
            Some("formData") => split.form.push((resolved, old)),
            _ => {
                let new = format!("{new_base}/{}", split.kept.len());
                if new != at {
                    cx.moved(&new, &at);
                }
                split
                    .kept
                    .push(parameters::parameter(cx, parameter, &at, &new));
            }
        }
    }
    split
}

fn path_item<'a>(cx: &mut Context<'a>, item: &'a Value, at: &str) -> Value {
    let Some(item) = item.as_object() else {
        return item.clone();
    };
    let base = format!("{at}/parameters");
    let shared = split(cx, item.get("parameters"), &base, &base);
    let mut out = Map::new();
    for (key, value) in item {
        if key == "parameters" {
            if !shared.kept.is_empty() {
                out.insert(key.clone(), Value::Array(shared.kept.clone()));
            }
        } else if METHODS.contains(&key.as_str()) {
            let op_at = child(at, key);
            out.insert(key.clone(), operation(cx, value, &op_at, &shared));
        } else {
            out.insert(key.clone(), value.clone());
        }
    }
    Value::Object(out)
}

fn operation<'a>(cx: &mut Context<'a>, op: &'a Value, at: &str, shared: &Split<'a>) -> Value {
    let Some(o) = op.as_object() else {
        return op.clone();
    };
    let root = cx.root;
    let consumes = media_types(root, Some(o), "consumes");
    let produces = media_types(root, Some(o), "produces");
    let base = format!("{at}/parameters");
    let own = split(cx, o.get("parameters"), &base, &base);
    // The operation's own body and form fields override the path item's of the same name.
    let body = own.body.clone().or_else(|| shared.body.clone());
    let mut form: Vec<(&Value, String)> = shared
        .form
        .iter()
        .filter(|(f, _)| !own.form.iter().any(|(g, _)| f.get("name") == g.get("name")))
        .cloned()
        .collect();
    form.extend(own.form.iter().cloned());
    let new_body = format!("{at}/requestBody");
    let request_body = match (&body, form.first()) {
        (Some(body), first) => {
            if let Some((_, old)) = first {
                cx.warn(
                    old,
                    "an operation with an `in: body` parameter cannot have `in: formData` ones \
                     (2.0 forbids both); the form fields are ignored",
                );
            }
            Some(match body.reference {
                // The shared request body, unless this operation's `consumes` differs.
                Some(name) if !o.contains_key("consumes") => {
                    serde_json::json!({ "$ref": format!("#/components/requestBodies/{name}") })
                }
                _ => bodies::body(cx, body.parameter, &consumes, &body.old, &new_body),
            })
        }
        (None, Some(_)) => Some(bodies::form(cx, &form, &consumes, &new_body)),
        (None, None) => None,
    };
    let mut out = Map::new();
    let mut request_body = request_body;
    for (key, value) in o {
        match key.as_str() {
            "consumes" | "produces" | "schemes" => {}
            "parameters" => {
                if !own.kept.is_empty() {
                    out.insert(key.clone(), Value::Array(own.kept.clone()));
                }
            }
            "responses" => {
                if let Some(body) = request_body.take() {
                    out.insert("requestBody".into(), body);
                }
                out.insert(key.clone(), self::responses(cx, value, &produces, at));
            }
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    if let Some(body) = request_body {
        out.insert("requestBody".into(), body);
    }
    Value::Object(out)
}

fn responses(cx: &mut Context<'_>, node: &Value, produces: &[String], at: &str) -> Value {
    let Some(list) = node.as_object() else {
        return node.clone();
    };
    let mut out = Map::new();
    for (status, response) in list {
        let here = child(&format!("{at}/responses"), status);
        let converted = if status.starts_with("x-") {
            response.clone()
        } else {
            responses::response(cx, response, produces, &here, &here)
        };
        out.insert(status.clone(), converted);
    }
    Value::Object(out)
}
