//! The files a spec was read from, and which file each part of the loaded document came from.
//!
//! A multi-file spec is bundled into one document ([`super::bundle`]): an external schema
//! becomes `#/components/schemas/<name>`, a path item given by `$ref` is copied in place.
//! Every later stage reports problems by the JSON pointer of the bundled document; this maps
//! such a pointer back to the file that holds the node and the node's pointer in that file, so
//! that a diagnostic names the file where the problem is written, with its line and column.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::locate;
use crate::diagnostic::Diagnostic;

/// One file of a spec.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown in messages: the root spec's path as given, and for the other files
    /// that path's directory joined with the `$ref`s that led to them (`..` resolved).
    pub path: PathBuf,
    /// The source text, kept for locating errors.
    pub text: String,
    /// Whether the text is JSON (else YAML).
    pub is_json: bool,
}

/// The files of a spec (the root spec first), and where the parts of the bundled document
/// came from.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// For each node copied from elsewhere, by its pointer in the bundled document: the index
    /// of the file it came from and its pointer there. Nodes under it come from the same file
    /// unless they have an entry of their own; nodes under no entry are the root spec's own.
    origins: HashMap<String, (usize, String)>,
}

impl Sources {
    /// Sources of a spec that is one file.
    pub(super) fn single(file: SourceFile) -> Self {
        Self {
            files: vec![file],
            origins: HashMap::new(),
        }
    }

    /// Adds a file; returns its index.
    pub(super) fn push(&mut self, file: SourceFile) -> usize {
        self.files.push(file);
        self.files.len() - 1
    }

    /// Records that the node at `bundled` (a pointer of the bundled document) is the node at
    /// `pointer` in file `file`.
    pub(super) fn record(&mut self, bundled: String, file: usize, pointer: String) {
        self.origins.insert(bundled, (file, pointer));
    }

    /// The files of the spec: the root spec first, then every file reached through `$ref`s,
    /// in the order they were first referenced.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// The file at `index` (0: the root spec).
    pub(super) fn file(&self, index: usize) -> &SourceFile {
        &self.files[index]
    }

    /// The index of the file holding the node at `pointer` of the bundled document, and the
    /// node's pointer in that file.
    pub fn origin_index(&self, pointer: &str) -> (usize, String) {
        if !self.origins.is_empty() {
            let mut end = pointer.len();
            loop {
                let prefix = &pointer[..end];
                if let Some((file, local)) = self.origins.get(prefix) {
                    return (*file, format!("{local}{}", &pointer[end..]));
                }
                match prefix.rfind('/') {
                    Some(slash) => end = slash,
                    None => break,
                }
            }
        }
        (0, pointer.to_owned())
    }

    /// The file holding the node at `pointer` of the bundled document, and the node's
    /// pointer in that file.
    pub fn origin(&self, pointer: &str) -> (&Path, String) {
        let (file, local) = self.origin_index(pointer);
        (&self.files[file].path, local)
    }

    /// A diagnostic about the node at `pointer` of the bundled document: in the file that
    /// holds the node, with the node's pointer there, its line and its column.
    pub fn diagnostic(&self, pointer: &str, message: impl Into<String>) -> Diagnostic {
        let (file, local) = self.origin_index(pointer);
        let source = &self.files[file];
        let mut diagnostic = Diagnostic::new(&source.path, Some(local.clone()), message);
        diagnostic.set_position(locate(&source.text, source.is_json, &local));
        diagnostic
    }

    /// A diagnostic about the node at `pointer` (a pointer of that file) in file `file`.
    pub(super) fn diagnostic_in(
        &self,
        file: usize,
        pointer: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let source = &self.files[file];
        let mut diagnostic = Diagnostic::new(&source.path, Some(pointer.to_owned()), message);
        diagnostic.set_position(locate(&source.text, source.is_json, pointer));
        diagnostic
    }

    /// Where a warning about the node at `pointer` of the bundled document is: the pointer
    /// itself for the root spec's own nodes, else `<file>#<pointer in that file>`.
    pub fn warning_pointer(&self, pointer: &str) -> String {
        match self.origin_index(pointer) {
            (0, local) => local,
            (file, local) => format!("{}{local}", self.files[file].path.display()),
        }
    }

    /// `file:line:column` of the node at `pointer` in file `file`.
    pub(super) fn position_in(&self, file: usize, pointer: &str) -> String {
        let source = &self.files[file];
        match locate(&source.text, source.is_json, pointer) {
            Some((line, column)) => format!("{}:{line}:{column}", source.path.display()),
            None => source.path.display().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from(path),
            text: text.to_owned(),
            is_json: false,
        }
    }

    #[test]
    fn pointers_map_to_the_deepest_recorded_origin() {
        let mut sources = Sources::single(file("api.yaml", "a: 1\n"));
        let pet = sources.push(file(
            "schemas/Pet.yaml",
            "type: object\nproperties:\n  name: {type: string}\n",
        ));
        sources.record("#/components/schemas/Pet".into(), pet, "#".into());
        sources.record("#/paths/~1p".into(), pet, "#/x".into());
        sources.record(
            "#/paths/~1p/summary".into(),
            0,
            "#/paths/~1p/summary".into(),
        );
        assert_eq!(
            sources.origin_index("#/components/schemas/Pet/properties/name"),
            (pet, "#/properties/name".into())
        );
        assert_eq!(
            sources.origin_index("#/components/schemas/Pets"),
            (0, "#/components/schemas/Pets".into())
        );
        assert_eq!(
            sources.origin_index("#/paths/~1p/get"),
            (pet, "#/x/get".into())
        );
        assert_eq!(
            sources.origin_index("#/paths/~1p/summary"),
            (0, "#/paths/~1p/summary".into())
        );
        let d = sources.diagnostic("#/components/schemas/Pet/properties/name", "bad");
        assert_eq!(d.file, PathBuf::from("schemas/Pet.yaml"));
        assert_eq!(d.pointer.as_deref(), Some("#/properties/name"));
        assert_eq!(d.position, Some((3, 3)));
        assert_eq!(
            sources.warning_pointer("#/components/schemas/Pet/type"),
            "schemas/Pet.yaml#/type"
        );
        assert_eq!(sources.warning_pointer("#/a"), "#/a");
    }
}
