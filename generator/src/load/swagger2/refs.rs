//! `$ref`s to 2.0 sections rewritten to the 3.0 components that now hold them.

use serde_json::Value;

/// The 2.0 sections and the components they became. Body parameters named by `$ref` are
/// rewritten where they are used (an operation's parameters, by `operations`), since what
/// they become depends on their `in`.
const SECTIONS: [(&str, &str); 3] = [
    ("#/definitions/", "#/components/schemas/"),
    ("#/parameters/", "#/components/parameters/"),
    ("#/responses/", "#/components/responses/"),
];

/// Fields whose value maps names to spec nodes: there every key names a node, even one
/// called `example`, `default`, `enum` or `x-…` (Kubernetes' `JSONSchemaProps` has
/// properties with each of these names).
const NAMED: [&str; 11] = [
    "properties",
    "patternProperties",
    "schemas",
    "parameters",
    "responses",
    "requestBodies",
    "paths",
    "content",
    "headers",
    "securitySchemes",
    "encoding",
];

/// Rewrites every internal `$ref` of `node` naming a 2.0 section. Values that are data, not
/// spec (`example`, `default`, `enum`, extensions), are left alone. `$ref`s to other files
/// are left as they are: the bundler follows them to the named node in that file.
pub(super) fn rewrite(node: &mut Value) {
    visit(node, false);
}

fn visit(node: &mut Value, names: bool) {
    match node {
        Value::Object(object) => {
            for (key, value) in object.iter_mut() {
                if names {
                    visit(value, false);
                } else if key == "$ref" {
                    if let Value::String(target) = value {
                        if let Some(new) = rewritten(target) {
                            *target = new;
                        }
                    }
                } else if !matches!(key.as_str(), "example" | "examples" | "default" | "enum")
                    && !key.starts_with("x-")
                {
                    visit(value, NAMED.contains(&key.as_str()));
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| visit(item, false)),
        _ => {}
    }
}

fn rewritten(target: &str) -> Option<String> {
    SECTIONS
        .iter()
        .find_map(|(old, new)| target.strip_prefix(old).map(|name| format!("{new}{name}")))
}
