//! OpenAPI Overlay 1.0 documents (`overlays = [...]` in `apiforge.toml`): changes to a spec
//! kept beside it, applied to the parsed value tree before anything else reads it.
//!
//! Each action's `target` is a JSONPath ([`jsonpath`]); `update` is merged into every node it
//! selects (objects key by key, recursively; arrays appended to) and `remove: true` deletes
//! them, in the order written. A bad overlay, or an action whose target selects nothing (the
//! spec changed under it: the fix would silently stop applying), is an error at the overlay's
//! own line. Every node an overlay writes is remembered with the place in the overlay it came
//! from, so that a later diagnostic about it points at the overlay.

mod jsonpath;

use std::path::Path;

use serde_json::{Map, Value};

use super::locate;
use crate::diagnostic::{escape_token, Diagnostic};
use jsonpath::{Query, Step};

/// An overlay file, read and applied.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The overlay's file.
    pub file: super::SourceFile,
    /// Each node the overlay wrote: its pointer in the spec, and the pointer in the overlay of
    /// the value written there.
    pub written: Vec<(String, String)>,
}

/// Reads the overlay at `path` and applies it to `spec`.
///
/// # Errors
///
/// A diagnostic in the overlay's file for an unreadable or invalid overlay, or an action whose
/// target is not understood or selects nothing.
pub fn apply_file(path: &Path, spec: &mut Value) -> Result<Applied, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::new(path, None, format!("cannot read the overlay: {e}")).with_help(
            "check `overlays` in apiforge.toml; its paths are relative to the settings file",
        )
    })?;
    let is_json = super::is_json(path);
    let text = super::decode(path, bytes)?;
    let overlay = super::parse_value(path, &text, is_json)?;
    let file = super::SourceFile {
        path: path.to_path_buf(),
        text,
        is_json,
    };
    let written = apply(&file, &overlay, spec)?;
    Ok(Applied { file, written })
}

/// Applies the parsed `overlay` (the document of `file`) to `spec`.
fn apply(
    file: &super::SourceFile,
    overlay: &Value,
    spec: &mut Value,
) -> Result<Vec<(String, String)>, Diagnostic> {
    let at = |pointer: &str, message: String| {
        let mut d = Diagnostic::new(&file.path, Some(pointer.to_owned()), message);
        d.set_position(locate(&file.text, file.is_json, pointer));
        d
    };
    let version = overlay.get("overlay").and_then(Value::as_str);
    if !version.is_some_and(|v| v.starts_with("1.0.")) {
        return Err(at(
            "#",
            "this is not an OpenAPI Overlay 1.0 document: it has no `overlay: 1.0.x` field".into(),
        )
        .with_help("an overlay starts with `overlay: 1.0.0`, an `info` and a list of `actions`"));
    }
    let Some(actions) = overlay.get("actions").and_then(Value::as_array) else {
        return Err(at("#", "the overlay has no list of `actions`".into())
            .with_help("add `actions:`, each with a `target` and an `update` or `remove: true`"));
    };
    let mut written = Vec::new();
    for (i, action) in actions.iter().enumerate() {
        let here = format!("#/actions/{i}");
        let Some(target) = action.get("target").and_then(Value::as_str) else {
            return Err(at(&here, "this action has no `target`".into())
                .with_help("give it a JSONPath `target`, such as `$.paths['/pets'].get`"));
        };
        let query = Query::parse(target).map_err(|e| {
            let mut d = at(
                &format!("{here}/target"),
                format!(
                    "the target `{target}` is not a JSONPath apiforge understands: {} at character {}",
                    e.message,
                    e.at + 1
                ),
            );
            // Point at the character where the target stops being understood, when the
            // target is written on the line found.
            if let Some((line, _)) = d.position {
                let text = file.text.lines().nth(line as usize - 1).unwrap_or_default();
                if let Some(start) = text.find(target) {
                    let column = text[..start].chars().count() + 1 + e.at;
                    d.set_position(Some((line as usize, column)));
                }
            }
            d.with_help(
                "use names (`.paths`, `['/a/{id}']`), `*`, indexes, `..` and filters such as `[?@.name == 'x']`",
            )
        })?;
        let remove = match action.get("remove") {
            None | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) => true,
            Some(_) => {
                return Err(at(
                    &format!("{here}/remove"),
                    "`remove` must be `true` or `false`".into(),
                ))
            }
        };
        let update = action.get("update");
        if !remove && update.is_none() {
            return Err(at(
                &here,
                "this action has neither `update` nor `remove: true`".into(),
            )
            .with_help("say what to do with the nodes the target selects"));
        }
        let paths = query.select(spec);
        if paths.is_empty() {
            return Err(at(
                &format!("{here}/target"),
                format!("the target `{target}` selects nothing in the spec"),
            )
            .with_help(
                "the spec may have changed under the overlay: fix the target, or drop the action if the spec no longer needs it",
            ));
        }
        if remove {
            remove_all(spec, paths);
            continue;
        }
        let Some(update) = update else { continue };
        for path in paths {
            let Some(node) = node_mut(spec, &path) else {
                continue;
            };
            let target_pointer = pointer(&path);
            merge(
                node,
                update,
                &target_pointer,
                &format!("{here}/update"),
                &mut written,
            )
            .map_err(|what| {
                at(
                    &format!("{here}/target"),
                    format!("the target `{target}` selects {what} at `{target_pointer}`, which an update cannot change"),
                )
                .with_help("target the object that holds it, and give the new value in `update`")
            })?;
        }
    }
    Ok(written)
}

/// Merges `update` into `node` as Overlay 1.0 says: an object's members recursively, an array
/// appended to. Records each node written. `Err` names what `node` is when it is neither.
fn merge(
    node: &mut Value,
    update: &Value,
    node_pointer: &str,
    update_pointer: &str,
    written: &mut Vec<(String, String)>,
) -> Result<(), &'static str> {
    match (node, update) {
        (Value::Object(node), Value::Object(update)) => {
            merge_object(node, update, node_pointer, update_pointer, written);
            Ok(())
        }
        (Value::Array(items), Value::Array(more)) => {
            for (i, value) in more.iter().enumerate() {
                written.push((
                    format!("{node_pointer}/{}", items.len()),
                    format!("{update_pointer}/{i}"),
                ));
                items.push(value.clone());
            }
            Ok(())
        }
        (Value::Array(items), value) => {
            written.push((
                format!("{node_pointer}/{}", items.len()),
                update_pointer.to_owned(),
            ));
            items.push(value.clone());
            Ok(())
        }
        (Value::Object(_), _) => Err("an object, but `update` is not an object,"),
        (_, _) => Err("a single value"),
    }
}

fn merge_object(
    node: &mut Map<String, Value>,
    update: &Map<String, Value>,
    node_pointer: &str,
    update_pointer: &str,
    written: &mut Vec<(String, String)>,
) {
    for (key, value) in update {
        let token = escape_token(key);
        let (here, there) = (
            format!("{node_pointer}/{token}"),
            format!("{update_pointer}/{token}"),
        );
        match (node.get_mut(key), value) {
            (Some(Value::Object(inner)), Value::Object(value)) => {
                merge_object(inner, value, &here, &there, written);
            }
            (Some(Value::Array(items)), Value::Array(more)) => {
                for (i, value) in more.iter().enumerate() {
                    written.push((format!("{here}/{}", items.len()), format!("{there}/{i}")));
                    items.push(value.clone());
                }
            }
            (_, value) => {
                written.push((here, there));
                node.insert(key.clone(), value.clone());
            }
        }
    }
}

/// Removes the nodes at `paths`, deepest and last first so that removing one does not move
/// the others (array elements after a removed one shift down).
fn remove_all(spec: &mut Value, mut paths: Vec<Vec<Step>>) {
    paths.sort();
    for path in paths.iter().rev() {
        let Some((last, parent)) = path.split_last() else {
            // `$` itself: the whole spec is emptied.
            *spec = Value::Object(Map::new());
            continue;
        };
        match (node_mut(spec, parent), last) {
            (Some(Value::Object(map)), Step::Key(key)) => {
                map.shift_remove(key);
            }
            (Some(Value::Array(items)), Step::Index(i)) if *i < items.len() => {
                items.remove(*i);
            }
            _ => {}
        }
    }
}

fn node_mut<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter()
        .try_fold(value, |node, step| match (node, step) {
            (Value::Object(map), Step::Key(key)) => map.get_mut(key),
            (Value::Array(items), Step::Index(i)) => items.get_mut(*i),
            _ => None,
        })
}

fn pointer(path: &[Step]) -> String {
    let mut out = String::from("#");
    for step in path {
        out.push('/');
        match step {
            Step::Key(key) => out.push_str(&escape_token(key)),
            Step::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests;
