//! Following `$ref`s within the document, and explaining the ones that lead nowhere.

use openapiv3::Schema;

use super::{Lowerer, SchemaRef, MAX_REF_HOPS};
use crate::diagnostic::{pointer, Diagnostic};

impl<'a> Lowerer<'a> {
    pub(super) fn component_name<'r>(
        &self,
        reference: &'r str,
        kind: &str,
        at: &str,
    ) -> Result<&'r str, Diagnostic> {
        let prefix = format!("#/components/{kind}/");
        match reference.strip_prefix(&prefix) {
            Some(name) if !name.contains('/') => Ok(name),
            _ if !reference.starts_with('#') => Err(self
                .error(at, format!("`$ref: {reference}` points outside this file; external references are not followed"))
                .with_help("bundle the spec into one file first (for example with `redocly bundle`)")),
            _ => Err(self
                .error(at, format!("`$ref: {reference}` does not point into `#/components/{kind}/`"))
                .with_help(format!("reference a {kind} entry under components"))),
        }
    }

    pub(super) fn missing(&self, reference: &str, at: &str) -> Diagnostic {
        self.error(at, format!("`$ref: {reference}` points to nothing"))
            .with_help("fix the reference or add the missing component")
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
                        .and_then(|c| c.schemas.get(name))
                        .ok_or_else(|| self.missing(reference, &current_at))?;
                    current_at = pointer(["components", "schemas", name]);
                    current = target.into();
                }
            }
        }
        Err(self
            .error(
                at,
                format!("`$ref` chain starting here is longer than {MAX_REF_HOPS} hops; it loops"),
            )
            .with_help("make the chain end at a schema"))
    }
}
