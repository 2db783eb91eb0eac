//! The nodes `$ref`s lead to: found by their JSON pointer, and copied within the limits.
//!
//! A pointer that leads nowhere is explained by the deepest node it reaches and the closest
//! name there; a copy is measured first, so that no `$ref` can make the document nest too
//! deeply or grow past [`MAX_COPIED_NODES`] values.

use serde_json::Value;

use super::references::percent_decode;
use super::{Bundler, Site, MAX_COPIED_NODES, MAX_DEPTH};
use crate::diagnostic::{escape_token, Diagnostic};

/// The `$ref` of `value` when that is all it holds.
pub(super) fn pure_reference(value: &Value) -> Option<&str> {
    match value {
        Value::Object(object) if object.len() == 1 => object.get("$ref")?.as_str(),
        _ => None,
    }
}

/// The node at `pointer` (`#/a/b`, tokens escaped) in `value`.
pub(super) fn resolve<'v>(value: &'v Value, pointer: &str) -> Option<&'v Value> {
    let mut node = value;
    for token in pointer.trim_start_matches('#').split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        node = match node {
            Value::Object(object) => object.get(&token)?,
            Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// For a pointer that leads nowhere: the deepest node it reaches, as a pointer, and the token
/// that is missing there.
fn deepest(value: &Value, pointer: &str) -> (String, String) {
    let mut node = value;
    let mut found = String::from("#");
    for raw in pointer.trim_start_matches('#').split('/').skip(1) {
        let token = raw.replace("~1", "/").replace("~0", "~");
        let next = match node {
            Value::Object(object) => object.get(&token),
            Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        };
        match next {
            Some(next) => {
                node = next;
                found.push('/');
                found.push_str(raw);
            }
            None => return (found, token),
        }
    }
    (found, String::new())
}

/// How many JSON values `value` holds and how deeply it nests (a scalar: 0), giving up past
/// `depth_limit` levels.
fn measure(value: &Value, depth_limit: usize) -> (usize, usize) {
    if depth_limit == 0 {
        return (1, 1);
    }
    let children: Box<dyn Iterator<Item = &Value>> = match value {
        Value::Object(object) => Box::new(object.values()),
        Value::Array(items) => Box::new(items.iter()),
        _ => return (1, 0),
    };
    let mut nodes = 1;
    let mut depth = 1;
    for child in children {
        let (n, d) = measure(child, depth_limit - 1);
        nodes += n;
        depth = depth.max(d + 1);
    }
    (nodes, depth)
}

impl Bundler<'_> {
    /// The node at `pointer` in `file`, which `reference` (written at `site`) leads to.
    pub(super) fn node(
        &self,
        file: usize,
        pointer: &str,
        reference: &str,
        site: &Site,
    ) -> Result<&Value, Diagnostic> {
        let value = &self.values[file];
        if let Some(node) = resolve(value, pointer) {
            return Ok(node);
        }
        let (found, missing) = deepest(value, pointer);
        let names: Vec<&str> = match resolve(value, &found) {
            Some(Value::Object(object)) => object.keys().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        let help = match crate::ir::names::closest(&missing, names) {
            Some(close) => {
                let fixed = format!("{found}/{}", escape_token(close));
                // As the `$ref` would say it, when the node is the `$ref`'s own target; else
                // (a `$ref` further down a chain) by its file.
                let suggestion = match reference.split_once('#') {
                    Some((written, fragment)) if percent_decode(fragment) == pointer[1..] => {
                        format!("{written}{fixed}")
                    }
                    _ => self.describe(file, &fixed),
                };
                format!("did you mean `{suggestion}`?")
            }
            None if found == "#" => format!(
                "{} has no `{}` at its top level",
                self.describe(file, "#"),
                missing
            ),
            None => format!(
                "the path exists down to `{}` only",
                self.describe(file, &found)
            ),
        };
        // A `$ref` within its own file says all there is to say; one to another file (or
        // through a chain) also names the node it ends at.
        let message = if reference.starts_with('#') && percent_decode(reference) == pointer {
            format!("`$ref: {reference}` points to nothing")
        } else {
            format!(
                "`$ref: {reference}` points to nothing: there is no `{}`",
                self.describe(file, pointer)
            )
        };
        Err(self.error(site, message, help))
    }

    /// A copy of the node at `pointer` in `file`, to be placed `depth` levels deep, within
    /// the limits.
    pub(super) fn copy(
        &mut self,
        file: usize,
        pointer: &str,
        depth: usize,
        reference: &str,
        site: &Site,
    ) -> Result<Value, Diagnostic> {
        let node = self.node(file, pointer, reference, site)?;
        let (nodes, node_depth) = measure(node, MAX_DEPTH + 1);
        if depth + node_depth > MAX_DEPTH {
            return Err(self.error(
                site,
                format!(
                    "following `$ref: {reference}` nests the document more than {MAX_DEPTH} levels deep"
                ),
                "apiforge refuses documents nested that deeply, to keep its stack and memory bounded",
            ));
        }
        if self.copied_nodes + nodes > MAX_COPIED_NODES {
            return Err(self.error(
                site,
                format!("following `$ref: {reference}` brings the values copied from `$ref`s past {MAX_COPIED_NODES}"),
                "a path item is copied into every path that references it; apiforge stops here to keep its memory bounded",
            ));
        }
        let copied = node.clone();
        self.copied_nodes += nodes;
        Ok(copied)
    }
}
