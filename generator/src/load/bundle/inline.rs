//! Path items (and, against OpenAPI, operations) given by `$ref`, copied in place.
//!
//! OpenAPI 3.0 has no components section for path items or operations, so a referenced one
//! is copied over its `$ref`; a `summary` or `description` beside the `$ref` overrides the copied one (3.1),
//! other siblings are dropped with a warning, and a path item that contains itself is an
//! error rather than an endless copy.

use serde_json::Value;

use super::{Bundler, Site};
use crate::diagnostic::{Diagnostic, Warning};
use crate::load::positions::Kind;

impl Bundler<'_> {
    /// Copies the path item or operation (`kind`) at `target` in `file` over `value` (the
    /// `$ref` object at `at`), then follows the references in the copy.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn inline(
        &mut self,
        kind: Kind,
        value: &mut Value,
        file: usize,
        target: String,
        at: &str,
        reference: &str,
        site: &Site,
    ) -> Result<(), Diagnostic> {
        if let Some(start) = self
            .inlining
            .iter()
            .position(|(f, p)| *f == file && *p == target)
        {
            let chain: Vec<String> = self.inlining[start..]
                .iter()
                .chain([&(file, target.clone())])
                .map(|(f, p)| self.describe(*f, p))
                .collect();
            return Err(self.error(
                site,
                format!("{}s given by `$ref` contain themselves: {}", kind.what(), chain.join(" → ")),
                "a path item cannot contain itself, through `$ref`s or callbacks; write one of them out",
            ));
        }
        let mut copied = self.copy(file, &target, self.path.len(), reference, site)?;
        let Value::Object(referring) = std::mem::take(value) else {
            return Ok(());
        };
        // 3.1: a summary or description beside the `$ref` overrides the referenced one.
        let mut overriding = Vec::new();
        let mut ignored = Vec::new();
        for (key, sibling) in referring {
            match (key.as_str(), &mut copied) {
                ("$ref", _) => {}
                ("summary" | "description", Value::Object(object)) => {
                    let at_key = format!("{at}/{key}");
                    let (origin_file, origin) = self.sources.origin_index(&at_key);
                    overriding.push((at_key, origin_file, origin));
                    object.insert(key, sibling);
                }
                _ => ignored.push(format!("`{key}`")),
            }
        }
        self.sources.record(at.to_owned(), file, target.clone());
        for (at_key, origin_file, origin) in overriding {
            self.sources.record(at_key, origin_file, origin);
        }
        let message = match ignored.len() {
            0 => None,
            1 => Some(format!("`$ref` sibling {} is ignored", ignored[0])),
            _ => Some(format!(
                "`$ref` siblings {} are ignored",
                ignored.join(", ")
            )),
        };
        if let Some(message) = message {
            self.warnings.push(Warning {
                pointer: at.to_owned(),
                message,
            });
        }
        *value = copied;
        self.inlining.push((file, target));
        let visited = self.visit(kind, value, file);
        self.inlining.pop();
        visited
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{load, HEAD};

    #[test]
    fn internal_path_item_refs_are_copied_in_place_with_their_summary() {
        let yaml = format!(
            "{HEAD}paths:\n  /a:\n    $ref: '#/components/pathItems/A'\n    summary: Mine.\n    get: {{responses: {{}}}}\ncomponents:\n  pathItems:\n    A:\n      summary: Theirs.\n      get:\n        operationId: getA\n        responses:\n          '200':\n            description: OK\n            content:\n              application/json:\n                schema: {{$ref: '#/components/schemas/Missing'}}\n"
        );
        let loaded = load(&yaml).expect("loads");
        let item = loaded.document.paths.paths["/a"]
            .as_item()
            .expect("inlined");
        assert_eq!(item.summary.as_deref(), Some("Mine."));
        assert_eq!(
            item.get.as_ref().and_then(|op| op.operation_id.as_deref()),
            Some("getA")
        );
        assert_eq!(
            loaded
                .warnings
                .iter()
                .map(|w| (w.pointer.as_str(), w.message.as_str()))
                .collect::<Vec<_>>(),
            [("#/paths/~1a", "`$ref` sibling `get` is ignored")]
        );
        // An error inside the copy is located where the path item is written.
        let d = loaded.diagnostic(
            "#/paths/~1a/get/responses/200/content/application~1json/schema/$ref",
            "x",
        );
        assert_eq!(
            d.pointer.as_deref(),
            Some(
                "#/components/pathItems/A/get/responses/200/content/application~1json/schema/$ref"
            )
        );
        assert_eq!(d.position, Some((19, 17)));
        let d = loaded.diagnostic("#/paths/~1a/summary", "x");
        assert_eq!(d.position, Some((6, 5)));
    }
}
