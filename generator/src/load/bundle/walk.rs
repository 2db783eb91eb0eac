//! The walk over the document that finds `$ref`s, and what each one is rewritten to.
//!
//! The walk follows the grammar of positions ([`child_of`]), so only fields that hold
//! objects are visited and a `$ref` is known to stand for a schema, a response, a path item …
//! A chain of nodes that are only `$ref`s is followed to its end here, and refused when it
//! loops, so that what is placed in the components is the object itself.

use serde_json::Value;

use super::nodes::{pure_reference, resolve};
use super::references::{parse_reference, Reference};
use super::{a, Bundler, Site, MAX_HOPS};
use crate::diagnostic::{pointer, Diagnostic, Warning};
use crate::load::positions::{child_of, kind_at, Child, Kind, Names};

/// Whether the document has anything to bundle: a `$ref` that is not `#…`, or a path item
/// given by `$ref`. Errs on the side of `true` (bundling a document that needs nothing leaves
/// it as it is); `key` is the key the value is found under, `parent` the one above it.
pub(super) fn needs_bundling(value: &Value, key: Option<&str>, parent: Option<&str>) -> bool {
    match value {
        // One pass over the entries, without hashing: this runs on every spec.
        Value::Object(object) => object.iter().any(|(k, child)| match (k.as_str(), child) {
            ("$ref", Value::String(reference)) => {
                !names_a_component(reference)
                    || matches!(parent, Some("paths" | "webhooks" | "pathItems"))
                    || key.is_some_and(|key| OPERATION_KEYS.contains(&key))
            }
            ("callbacks", callbacks) => {
                callback_path_item_refs(callbacks) || needs_bundling(child, Some(k), key)
            }
            (_, Value::Object(_) | Value::Array(_)) => needs_bundling(child, Some(k), key),
            _ => false,
        }),
        Value::Array(items) => items.iter().any(|child| needs_bundling(child, None, key)),
        _ => false,
    }
}

/// Whether `reference` is `#/components/<section>/<name>`, which the later stages follow
/// (anything deeper or elsewhere in the document is copied into the components first).
fn names_a_component(reference: &str) -> bool {
    reference
        .strip_prefix("#/components/")
        .is_some_and(|rest| rest.split('/').count() == 2)
}

/// The keys of a path item that hold operations: an object under one of them with a `$ref`
/// may be an operation given by `$ref` (which the walk copies in place).
const OPERATION_KEYS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Whether a `callbacks` map has a path item given by `$ref`.
fn callback_path_item_refs(callbacks: &Value) -> bool {
    let Value::Object(callbacks) = callbacks else {
        return false;
    };
    callbacks
        .values()
        .filter_map(Value::as_object)
        .any(|callback| {
            callback
                .values()
                .any(|item| matches!(item.get("$ref"), Some(Value::String(_))))
        })
}

impl Bundler<'_> {
    pub(super) fn visit(
        &mut self,
        kind: Kind,
        value: &mut Value,
        file: usize,
    ) -> Result<(), Diagnostic> {
        let Value::Object(object) = value else {
            return Ok(());
        };
        if !matches!(kind, Kind::Document | Kind::Components) {
            if let Some(Value::String(reference)) = object.get("$ref") {
                let reference = reference.clone();
                // A callback or path item is the same object wherever it sits.
                return self.reference(kind.object(), value, file, &reference);
            }
        }
        for (key, child) in object.iter_mut() {
            let Some(shape) = child_of(kind, key) else {
                continue;
            };
            self.path.push(key.clone());
            let visited = self.visit_child(shape, child, file);
            self.path.pop();
            visited?;
        }
        Ok(())
    }

    fn visit_child(
        &mut self,
        shape: Child,
        value: &mut Value,
        file: usize,
    ) -> Result<(), Diagnostic> {
        match (shape, value) {
            // A list, and `items` as a list of schemas (older drafts' tuples).
            (Child::One(kind) | Child::List(kind), Value::Array(items)) => {
                for (index, item) in items.iter_mut().enumerate() {
                    self.path.push(index.to_string());
                    let visited = self.visit(kind, item, file);
                    self.path.pop();
                    visited?;
                }
                Ok(())
            }
            (Child::One(kind), value) => self.visit(kind, value, file),
            (Child::Map(kind, names), Value::Object(entries)) => {
                for (name, entry) in entries.iter_mut() {
                    if names == Names::Extensible && name.starts_with("x-") {
                        continue;
                    }
                    self.path.push(name.clone());
                    let visited = self.visit(kind, entry, file);
                    self.path.pop();
                    visited?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The object `value`, of `kind`, written in `file`, is `$ref: reference`.
    pub(super) fn reference(
        &mut self,
        kind: Kind,
        value: &mut Value,
        file: usize,
        reference: &str,
    ) -> Result<(), Diagnostic> {
        let internal = reference.starts_with('#');
        let in_place = matches!(kind, Kind::PathItem | Kind::Operation);
        if file == 0 && internal && !in_place {
            return self.hoist(kind, value, reference);
        }
        if file == 0 && !internal && !self.read_files {
            // The root document's own references (the later stages follow them), and, when
            // no other file may be read, references to them (the IR refuses them).
            return Ok(());
        }
        let at = self.here();
        let site = self.site(&at);
        if matches!(kind, Kind::MediaType | Kind::Encoding) {
            return Err(self.error(
                &site,
                format!("`$ref: {reference}` stands for {}, which cannot be given by `$ref`", a(kind.what())),
                "OpenAPI allows `$ref` for path items, parameters, request bodies, responses, headers, schemas, examples, links, callbacks and security schemes; move the `$ref` to one of those, or write this object out",
            ));
        }
        let (target_file, target) = self.target(file, reference, &site)?;
        if in_place {
            if kind == Kind::Operation {
                // Not OpenAPI, but common in specs split into files (DigitalOcean's): the
                // operation is copied in place, as a path item would be.
                // At the path item, in the file that holds the `$ref` (the operation's own
                // pointer is the copied file's once it is copied).
                let (item, method) = at.rsplit_once('/').unwrap_or((&at, ""));
                self.warnings.push(Warning {
                    pointer: item.to_owned(),
                    message: format!("an operation cannot be given by `$ref` in OpenAPI (`{method}: $ref: {reference}`); the operation it names is copied in place"),
                });
            }
            return self.inline(kind, value, target_file, target, &at, reference, &site);
        }
        let (target_file, target) = self.follow(kind, target_file, target, reference, &site)?;
        let rewritten = if target_file == 0 {
            target
        } else {
            self.place(kind, target_file, target)
        };
        if let Value::Object(object) = value {
            object.insert("$ref".to_owned(), Value::String(rewritten));
        }
        Ok(())
    }

    /// A `$ref` of the root document to a node of its own: one that names a component is left
    /// for the later stages to follow; one to an object of the same kind elsewhere (a schema
    /// inside an operation, as bundlers write when a file is referenced twice) is pointed at
    /// a copy of the object in the components, which the later stages read.
    fn hoist(&mut self, kind: Kind, value: &mut Value, reference: &str) -> Result<(), Diagnostic> {
        let Some(section) = kind.section() else {
            return Ok(());
        };
        let Ok(Reference::Internal(target)) = parse_reference(reference) else {
            return Ok(());
        };
        let names_component = target
            .strip_prefix(&format!("#/components/{section}/"))
            .is_some_and(|name| !name.contains('/'));
        // Anything else (a schema `$ref` to a path item) is refused later, with its reason.
        if names_component
            || kind_at(&target) != Some(kind)
            || resolve(&self.values[0], &target).is_none()
        {
            return Ok(());
        }
        let name = self.hoisted_name(&target);
        let rewritten = self.place_as(kind, 0, target, name);
        if let Value::Object(object) = value {
            object.insert("$ref".to_owned(), Value::String(rewritten));
        }
        Ok(())
    }

    /// A name for an object of an operation copied into the components, after the operation
    /// and where in it the object sits (`listThings 404 response`); `None` (a name from the
    /// pointer's last token) for one outside an operation or named by its last token already
    /// (a property).
    fn hoisted_name(&self, target: &str) -> Option<String> {
        let tokens: Vec<String> = target
            .strip_prefix("#/")?
            .split('/')
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect();
        let [paths, path, method, part, rest @ ..] = tokens.as_slice() else {
            return None;
        };
        if paths != "paths"
            || !OPERATION_KEYS.contains(&method.as_str())
            || tokens.last()? != "schema"
        {
            return None;
        }
        let operation = pointer(["paths", path, method]);
        let id = resolve(&self.values[0], &format!("{operation}/operationId"))
            .and_then(Value::as_str)
            .map_or_else(|| format!("{method} {path}"), str::to_owned);
        let place = match (part.as_str(), rest) {
            ("responses", [status, ..]) => format!("{status} response"),
            ("requestBody", _) => "request".to_owned(),
            ("parameters", [index, ..]) => {
                let name = resolve(
                    &self.values[0],
                    &format!("{operation}/parameters/{index}/name"),
                );
                name.and_then(Value::as_str)
                    .unwrap_or("parameter")
                    .to_owned()
            }
            _ => return None,
        };
        Some(format!("{id} {place}"))
    }

    /// The file and pointer that `reference`, written in `file`, names; reads the file if it
    /// is new.
    pub(super) fn target(
        &mut self,
        file: usize,
        reference: &str,
        site: &Site,
    ) -> Result<(usize, String), Diagnostic> {
        match parse_reference(reference) {
            Err((message, help)) => Err(self.error(site, message, help)),
            Ok(Reference::Internal(fragment)) => Ok((file, fragment)),
            Ok(Reference::External { path, fragment }) => {
                let target = self.open(file, &path, reference, site)?;
                Ok((target, fragment))
            }
        }
    }

    /// Follows a chain of nodes that are only `$ref`s (outside the root document) from the
    /// node at `target` in `file` to the node at its end.
    pub(super) fn follow(
        &mut self,
        kind: Kind,
        mut file: usize,
        mut target: String,
        reference: &str,
        site: &Site,
    ) -> Result<(usize, String), Diagnostic> {
        let mut seen = vec![(file, target.clone())];
        for _ in 0..MAX_HOPS {
            if file == 0 {
                // Into the root document: it must exist, but is not followed further (the
                // later stages follow the root document's own references).
                self.node(file, &target, reference, site)?;
                return Ok((file, target));
            }
            let node = self.node(file, &target, reference, site)?;
            let Some(next_reference) = pure_reference(node).map(str::to_owned) else {
                return Ok((file, target));
            };
            let hop: Site = (file, format!("{target}/$ref"));
            let next = self.target(file, &next_reference, &hop)?;
            if let Some(start) = seen.iter().position(|seen| *seen == next) {
                let chain: Vec<String> = seen[start..]
                    .iter()
                    .chain([&next])
                    .map(|(f, p)| self.describe(*f, p))
                    .collect();
                return Err(self.error(
                    site,
                    format!(
                        "`$ref: {reference}` leads to `$ref`s that loop without reaching {}: {}",
                        a(kind.what()),
                        chain.join(" → ")
                    ),
                    format!(
                        "make one of them the {} itself instead of another `$ref`",
                        kind.what()
                    ),
                ));
            }
            seen.push(next.clone());
            (file, target) = next;
        }
        Err(self.error(
            site,
            format!("`$ref: {reference}` starts a chain of more than {MAX_HOPS} `$ref`s"),
            format!("make the chain end at {}", a(kind.what())),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_documents_with_something_to_bundle_are_copied() {
        let internal = serde_json::json!({"paths": {"/a": {"get": {"responses": {"200": {"$ref": "#/components/responses/R"}}}}},
            "components": {"schemas": {"paths": {"properties": {"x": {"$ref": "#/components/schemas/X"}}}}}});
        assert!(!needs_bundling(&internal, None, None));
        // Codat's `$ref` into a schema's `definitions`, and one into an operation.
        for hoisted in [
            "#/components/schemas/BankTransactions/definitions/line",
            "#/paths/~1a/get/responses/200/content/application~1json/schema",
        ] {
            let document = serde_json::json!({"components": {"schemas": {"A": {"$ref": hoisted}}}});
            assert!(needs_bundling(&document, None, None), "{hoisted}");
        }
        for needs in [
            serde_json::json!({"paths": {"/a": {"$ref": "#/components/pathItems/A"}}}),
            serde_json::json!({"webhooks": {"a": {"$ref": "#/components/pathItems/A"}}}),
            serde_json::json!({"components": {"schemas": {"A": {"$ref": "a.yaml"}}}}),
            serde_json::json!({"paths": {"/a": {"post": {"callbacks": {"c": {"{$url}": {"$ref": "#/x"}}}}}}}),
        ] {
            assert!(needs_bundling(&needs, None, None), "{needs}");
        }
    }
}
