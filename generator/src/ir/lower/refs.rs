//! Following `$ref`s within the document, and explaining the ones that lead nowhere.
//!
//! Every error about a reference points at its `$ref` key (`<object>/$ref`), so that the
//! line and column shown are the reference's own, and suggests the closest existing
//! component when the name looks like a typo of one.

use indexmap::IndexMap;
use openapiv3::{Components, ReferenceOr, Schema};

use super::{Lowerer, SchemaRef, MAX_REF_HOPS};
use crate::diagnostic::{escape_token, pointer, Diagnostic};
use crate::ir::names;

/// The pointer of the `$ref` key of the object at `at`.
fn ref_key(at: &str) -> String {
    format!("{at}/$ref")
}

impl<'a> Lowerer<'a> {
    /// The component a `$ref` names (unescaped), when it points into `#/components/{kind}/`;
    /// `at` is the object holding the `$ref`.
    pub(super) fn component_name(
        &self,
        reference: &str,
        kind: &str,
        at: &str,
    ) -> Result<String, Diagnostic> {
        let prefix = format!("#/components/{kind}/");
        match reference.strip_prefix(&prefix) {
            Some(name) if !name.contains('/') => Ok(name.replace("~1", "/").replace("~0", "~")),
            _ if !reference.starts_with('#') => Err(self
                .error(&ref_key(at), format!("`$ref: {reference}` points outside this file; external references are not followed"))
                .with_help("bundle the spec into one file first (for example with `redocly bundle`)")),
            _ => {
                // `#/definitions/Pet` (Swagger 2) or `#/components/schema/Pet`: the last
                // segment often names the intended component.
                let last = reference.rsplit('/').next().unwrap_or_default();
                let last = last.replace("~1", "/").replace("~0", "~");
                let help = match self.closest_component(kind, &last) {
                    Some(suggestion) => format!("did you mean `{suggestion}`?"),
                    None => format!("reference a {kind} entry under components"),
                };
                Err(self
                    .error(&ref_key(at), format!("`$ref: {reference}` does not point into `#/components/{kind}/`"))
                    .with_help(help))
            }
        }
    }

    /// The error for a `$ref` to a component of `kind` that does not exist.
    pub(super) fn missing(&self, reference: &str, kind: &str, name: &str, at: &str) -> Diagnostic {
        let help = match self.closest_component(kind, name) {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None => "fix the reference or add the missing component".to_owned(),
        };
        self.error(
            &ref_key(at),
            format!("`$ref: {reference}` points to nothing"),
        )
        .with_help(help)
    }

    /// The `$ref` of the existing component of `kind` whose name is closest to `name`, if one
    /// is close enough to be a likely typo.
    fn closest_component(&self, kind: &str, name: &str) -> Option<String> {
        let components = self.doc.components.as_ref()?;
        let names: Vec<&str> = match kind {
            "schemas" => components.schemas.keys().map(String::as_str).collect(),
            "parameters" => components.parameters.keys().map(String::as_str).collect(),
            "requestBodies" => components
                .request_bodies
                .keys()
                .map(String::as_str)
                .collect(),
            "responses" => components.responses.keys().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        let found = names::closest(name, names)?;
        Some(format!("#/components/{kind}/{}", escape_token(found)))
    }

    /// Resolves a `$ref` to a parameter, request body or response component, which must be
    /// the item itself (these may not chain). Returns the component's pointer and the item.
    pub(super) fn component<T>(
        &self,
        reference: &str,
        kind: &str,
        at: &str,
        entries: impl Fn(&'a Components) -> &'a IndexMap<String, ReferenceOr<T>>,
    ) -> Result<(String, &'a T), Diagnostic> {
        let name = self.component_name(reference, kind, at)?;
        let found = self
            .doc
            .components
            .as_ref()
            .and_then(|c| entries(c).get(&name));
        let component_at = pointer(["components", kind, &name]);
        match found {
            Some(ReferenceOr::Item(item)) => Ok((component_at, item)),
            Some(ReferenceOr::Reference { .. }) => {
                let what = match kind {
                    "parameters" => "parameter",
                    "requestBodies" => "request body",
                    "responses" => "response",
                    other => other,
                };
                Err(self
                    .error(
                        &ref_key(&component_at),
                        format!("a {what} `$ref` that points to another `$ref` is not supported"),
                    )
                    .with_help(format!("point the `$ref` at the {what} itself")))
            }
            None => Err(self.missing(reference, kind, &name, at)),
        }
    }

    /// Follows `$ref`s to the schema they name; returns the schema's own pointer.
    pub(super) fn deref(
        &self,
        schema: SchemaRef<'a>,
        at: &str,
    ) -> Result<(String, &'a Schema), Diagnostic> {
        let mut current = schema;
        let mut current_at = at.to_owned();
        for _ in 0..MAX_REF_HOPS {
            match current {
                SchemaRef::Inline(schema) => return Ok((current_at, schema)),
                SchemaRef::Ref(reference) => {
                    let name = self.component_name(reference, "schemas", &current_at)?;
                    let target = self
                        .doc
                        .components
                        .as_ref()
                        .and_then(|c| c.schemas.get(&name))
                        .ok_or_else(|| self.missing(reference, "schemas", &name, &current_at))?;
                    current_at = pointer(["components", "schemas", &name]);
                    current = target.into();
                }
            }
        }
        Err(self
            .error(
                &ref_key(at),
                format!("`$ref` chain starting here is longer than {MAX_REF_HOPS} hops; it loops"),
            )
            .with_help("make the chain end at a schema"))
    }
}
