//! What is copied into the root document's components, and under which name.
//!
//! Root components that are only a `$ref` to a file are claimed first, so that they keep
//! their names; every other node is named after its pointer or file, numbered when the name
//! is taken, and copied once, in the order the references are met.

use std::path::Path;

use serde_json::{Map, Value};

use super::nodes::pure_reference;
use super::{Bundler, Pending, Site};
use crate::diagnostic::{pointer, Diagnostic};
use crate::load::positions::{Kind, SECTIONS};
use crate::load::sources::Sources;

/// A name for a component copied from `file` at `pointer`: the pointer's last token, else
/// the file's stem (its directory's name for `index.yaml` or `schema.yaml`), with characters
/// that component names may not hold replaced by `_`.
fn name_hint(file: &Path, pointer: &str, kind: Kind) -> String {
    let last = pointer.rsplit('/').next().unwrap_or_default();
    let raw = if pointer != "#" && !last.is_empty() {
        last.replace("~1", "/").replace("~0", "~")
    } else {
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let generic = matches!(stem.as_str(), "index" | "schema" | "_index");
        match file.parent().and_then(Path::file_name) {
            Some(dir) if generic => dir.to_string_lossy().into_owned(),
            _ => stem,
        }
    };
    sanitize(&raw, kind)
}

/// `raw` with characters that component names may not hold replaced by `_`; the kind's name
/// when nothing is left.
fn sanitize(raw: &str, kind: Kind) -> String {
    let name: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.trim_matches('_').is_empty() {
        kind.what()
            .split(' ')
            .map(|word| word[..1].to_ascii_uppercase() + &word[1..])
            .collect()
    } else {
        name
    }
}

impl Bundler<'_> {
    /// Root components that are only a `$ref` to another file take the node it names, under
    /// their own name (before anything else is named, so that the name is theirs).
    pub(super) fn claim_root_components(&mut self, document: &Value) -> Result<(), Diagnostic> {
        let Some(Value::Object(components)) = document.get("components") else {
            return Ok(());
        };
        for &(section, kind) in SECTIONS {
            let Some(Value::Object(entries)) = components.get(section) else {
                continue;
            };
            for (name, entry) in entries {
                let Some(reference) = pure_reference(entry) else {
                    continue;
                };
                if reference.starts_with('#') || !self.read_files {
                    continue;
                }
                self.path = vec!["components".into(), section.into(), name.clone()];
                let at = self.here();
                let site = self.site(&at);
                let (file, target) = self.target(0, reference, &site)?;
                let (file, target) = self.follow(kind, file, target, reference, &site)?;
                if file == 0 {
                    continue;
                }
                let key = (file, target.clone(), kind);
                if self.placed.contains_key(&key) {
                    continue;
                }
                self.placed.insert(key, at);
                self.pending.push_back(Pending {
                    kind,
                    section,
                    name: name.clone(),
                    file,
                    pointer: target,
                });
            }
        }
        self.path.clear();
        Ok(())
    }

    /// Names the node at `target` in `file` as a component (once), to be copied later;
    /// returns the `$ref` to it.
    pub(super) fn place(&mut self, kind: Kind, file: usize, target: String) -> String {
        self.place_as(kind, file, target, None)
    }

    /// [`Self::place`], under `name` (made unique) rather than a name from the pointer.
    pub(super) fn place_as(
        &mut self,
        kind: Kind,
        file: usize,
        target: String,
        name: Option<String>,
    ) -> String {
        let key = (file, target, kind);
        if let Some(reference) = self.placed.get(&key) {
            return reference.clone();
        }
        let (file, target, kind) = key;
        let Some(section) = kind.section() else {
            return target;
        };
        let base = name
            .map(|name| sanitize(&name, kind))
            .unwrap_or_else(|| name_hint(&self.sources.file(file).path, &target, kind));
        let taken = self.taken.entry(section).or_default();
        let mut name = base.clone();
        let mut n = 2;
        while taken.contains(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        taken.insert(name.clone());
        let reference = pointer(["components", section, &name]);
        self.placed
            .insert((file, target.clone(), kind), reference.clone());
        self.pending.push_back(Pending {
            kind,
            section,
            name,
            file,
            pointer: target,
        });
        reference
    }

    /// Copies the components named so far (and those their references name), in order.
    pub(super) fn copy_pending(
        &mut self,
    ) -> Result<Vec<(&'static str, String, Value)>, Diagnostic> {
        let mut added = Vec::new();
        while let Some(pending) = self.pending.pop_front() {
            self.path = vec![
                "components".to_owned(),
                pending.section.to_owned(),
                pending.name.clone(),
            ];
            let at = self.here();
            let site: Site = (pending.file, pending.pointer.clone());
            let shown = self.describe(pending.file, &pending.pointer);
            let mut copied = self.copy(
                pending.file,
                &pending.pointer,
                self.path.len(),
                &shown,
                &site,
            )?;
            self.sources
                .record(at, pending.file, pending.pointer.clone());
            self.visit(pending.kind, &mut copied, pending.file)?;
            added.push((pending.section, pending.name, copied));
        }
        Ok(added)
    }
}

/// Adds the copied components to the root document, after its own (an entry a root
/// component held as a `$ref` is replaced where it is).
pub(super) fn add_components(
    document: &mut Value,
    added: Vec<(&'static str, String, Value)>,
    sources: &Sources,
) -> Result<(), Diagnostic> {
    if added.is_empty() {
        return Ok(());
    }
    let Value::Object(root) = document else {
        return Ok(());
    };
    let components = root
        .entry("components")
        .or_insert_with(|| Value::Object(Map::new()));
    let Value::Object(components) = components else {
        return Err(sources
            .diagnostic("#/components", "`components` is not a mapping, so what other files' `$ref`s name cannot be added to it")
            .with_help("make `components` a mapping"));
    };
    for (section, name, value) in added {
        let entries = components
            .entry(section)
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(entries) = entries else {
            return Err(sources
                .diagnostic(
                    &pointer(["components", section]),
                    format!("`components/{section}` is not a mapping, so what other files' `$ref`s name cannot be added to it"),
                )
                .with_help(format!("make `{section}` a mapping of names to objects")));
        };
        entries.insert(name, value);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn component_names_come_from_the_pointer_or_the_file() {
        let hint = |file: &str, pointer: &str| name_hint(Path::new(file), pointer, Kind::Schema);
        assert_eq!(hint("schemas/Pet.yaml", "#"), "Pet");
        assert_eq!(hint("lib.yaml", "#/components/schemas/Pet"), "Pet");
        assert_eq!(hint("lib.yaml", "#/a~1b"), "a_b");
        assert_eq!(hint("schemas/Pet/index.yaml", "#"), "Pet");
        assert_eq!(hint("pet store.json", "#"), "pet_store");
        assert_eq!(hint("lib.yaml", "#/items/0"), "0");
        assert_eq!(
            name_hint(Path::new("%%.yaml"), "#", Kind::RequestBody),
            "RequestBody"
        );
    }
}
