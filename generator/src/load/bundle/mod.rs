//! Following `$ref`s into other files: a multi-file spec bundled into one document.
//!
//! Runs on the root spec's `serde_json::Value`, before normalization, so that every later
//! stage sees one document whose `$ref`s are all internal:
//!
//! - a `$ref` to another file (`../components/schemas/Pet.yaml`,
//!   `common.json#/components/schemas/Pet`), where OpenAPI allows a Reference Object, copies
//!   the node it names into the root document's components, under the section its position
//!   calls for (`schemas`, `parameters`, `responses`, `requestBodies`, `headers`, `examples`,
//!   `links`, `securitySchemes`, `callbacks`), and is rewritten to point there
//!   (`#/components/schemas/Pet`). The component is named after the pointer's last token, or
//!   the file's stem for a whole file; a name already taken gets `2`, `3`, … in the order the
//!   references are met (the root document first, in document order, then each copied node).
//!   A component of the root document that is only a `$ref` to a file
//!   (`components: {schemas: {Pet: {$ref: ./schemas/Pet.yaml}}}`, Redocly's layout) is
//!   replaced by the node it names and keeps its name; other references to that node then
//!   point to it.
//! - a path item given by `$ref` (`paths: {/pets: {$ref: paths/pets.yaml}}`, internal ones such
//!   as `#/components/pathItems/Pets` too) is copied in place, since OpenAPI 3.0 has no
//!   section for path items; `summary` and `description` beside the `$ref` override the
//!   copied ones, other siblings are ignored with a warning.
//! - `$ref`s inside a copied node are followed relative to the file it came from; a node is
//!   copied once however often it is referenced, so references that cycle through files
//!   (a recursive schema split across files) end. A chain of nodes that are only `$ref`s is
//!   followed to its end, and is an error when it loops; a path item that contains itself
//!   (through callbacks) is an error too.
//! - the root document's own internal `$ref`s are left for the later stages, which already
//!   explain the ones that lead nowhere.
//!
//! Every copied node is recorded in [`Sources`], so that an error found later in a node that
//! came from another file names that file, the node's pointer there, and its line and column.
//!
//! What is refused, with an error at the `$ref`: URLs (`http://`, `https://`, any scheme),
//! absolute paths, fragments that are not JSON pointers (`#Pet`), files outside the directory
//! that holds the root spec (`..` is allowed as long as the file stays inside it; symbolic
//! links are resolved before checking), missing files and missing nodes, and input past the
//! limits below. `$id`-based resolution and `discriminator.mapping` values naming files are not
//! supported.
//!
//! The work is split by concern: `references` takes `$ref` values apart, `files` reads
//! the files they name, `nodes` finds and copies the nodes they lead to, `walk` visits
//! the document for `$ref`s and follows them, `components` names and adds what is copied
//! into the components, and `inline` copies path items in place.

mod components;
mod files;
mod inline;
mod nodes;
mod references;
mod walk;

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::PathBuf;

use serde_json::Value;

use super::positions::{section_name, Kind};
use super::sources::Sources;
use crate::diagnostic::{pointer, Diagnostic, Warning};

use components::add_components;
use files::parent;
use walk::needs_bundling;

/// At most this many files are read for one spec, the root spec included.
pub const MAX_FILES: usize = 10_000;
/// A referenced file larger than this is refused.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// All referenced files together may not be larger than this.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// Copying nodes into the bundled document stops with an error past this many JSON values (a
/// path item copied in place into many paths is copied each time).
pub const MAX_COPIED_NODES: usize = 2_000_000;
/// The bundled document may nest no deeper than a single file may (the parsers' limit).
pub const MAX_DEPTH: usize = 128;
/// How many `$ref`s a chain of nodes that are only `$ref`s may take.
const MAX_HOPS: usize = 64;
/// Bundles the root spec `document` (file 0 of `sources`) in place: reads the files its
/// `$ref`s name into `sources` (unless `read_files` is false: then references to other files
/// are left as they are, for the IR to refuse), copies what they reference into `document`,
/// and rewrites the references. Does nothing (and copies nothing) for a spec without
/// external references or path items given by `$ref`.
pub(super) fn bundle(
    document: &mut Value,
    sources: &mut Sources,
    read_files: bool,
    warnings: &mut Vec<Warning>,
) -> Result<(), Diagnostic> {
    if !needs_bundling(document, None, None) {
        return Ok(());
    }
    let root_path = sources.file(0).path.clone();
    let root_dir = std::fs::canonicalize(parent(&root_path)).map_err(|e| {
        format!(
            "the directory of the spec ({}) cannot be read: {e}",
            parent(&root_path).display()
        )
    });
    let mut canonical = HashMap::new();
    if let Ok(root) = std::fs::canonicalize(&root_path) {
        canonical.insert(root, 0);
    }
    let mut taken: HashMap<&'static str, HashSet<String>> = HashMap::new();
    if let Some(Value::Object(components)) = document.get("components") {
        for (section, entries) in components {
            if let (Some(section), Value::Object(entries)) = (section_name(section), entries) {
                taken
                    .entry(section)
                    .or_default()
                    .extend(entries.keys().cloned());
            }
        }
    }
    let mut bundler = Bundler {
        sources,
        read_files,
        values: vec![document.clone()],
        canonical,
        shown: HashMap::new(),
        root_dir,
        total_bytes: 0,
        copied_nodes: 0,
        placed: HashMap::new(),
        taken,
        pending: VecDeque::new(),
        path: Vec::new(),
        inlining: Vec::new(),
        warnings: Vec::new(),
    };
    bundler.claim_root_components(document)?;
    bundler.visit(Kind::Document, document, 0)?;
    let added = bundler.copy_pending()?;
    warnings.append(&mut bundler.warnings);
    add_components(document, added, bundler.sources)
}

/// `what` with its indefinite article (`a schema`, `an example`).
fn a(what: &str) -> String {
    if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {what}")
    } else {
        format!("a {what}")
    }
}

/// A node waiting to be copied into the components.
struct Pending {
    kind: Kind,
    section: &'static str,
    name: String,
    file: usize,
    pointer: String,
}

struct Bundler<'s> {
    sources: &'s mut Sources,
    /// Whether other files are read; when not, `$ref`s to them are left as they are.
    read_files: bool,
    /// The parsed files, by their index in `sources`; the root spec as written first.
    values: Vec<Value>,
    /// The files read, by canonical path.
    canonical: HashMap<PathBuf, usize>,
    /// The files read, by the path they were reached by (`base.join(relative)`, `..` taken
    /// back), so that a file referenced again is not resolved on disk again.
    shown: HashMap<PathBuf, usize>,
    /// The canonical directory of the root spec, which no followed file may be outside of.
    root_dir: Result<PathBuf, String>,
    total_bytes: u64,
    copied_nodes: usize,
    /// Nodes copied into the components (or found in the root document), by file, pointer
    /// and kind: the `$ref` that now names them.
    placed: HashMap<(usize, String, Kind), String>,
    /// Component names in use, by section.
    taken: HashMap<&'static str, HashSet<String>>,
    pending: VecDeque<Pending>,
    /// Tokens (unescaped) of the bundled document's node being visited.
    path: Vec<String>,
    /// The path items being copied in place, outermost first (file and pointer), to find one
    /// that contains itself.
    inlining: Vec<(usize, String)>,
    warnings: Vec<Warning>,
}

/// Where a `$ref` is written: the index of its file and the pointer of its `$ref` key there.
type Site = (usize, String);

impl Bundler<'_> {
    fn here(&self) -> String {
        pointer(self.path.iter().map(String::as_str))
    }

    /// Where the `$ref` of the object at `at` (a pointer of the bundled document) is written.
    fn site(&self, at: &str) -> Site {
        self.sources.origin_index(&format!("{at}/$ref"))
    }

    fn error(&self, site: &Site, message: String, help: impl Into<String>) -> Diagnostic {
        self.sources
            .diagnostic_in(site.0, &site.1, message)
            .with_help(help)
    }

    /// How a node is named in messages: its file (relative to the root spec's directory)
    /// and, unless it is the whole file, its pointer.
    fn describe(&self, file: usize, pointer: &str) -> String {
        let path = &self.sources.file(file).path;
        let root_dir = parent(&self.sources.file(0).path);
        let shown = path.strip_prefix(root_dir).unwrap_or(path).display();
        if pointer == "#" {
            shown.to_string()
        } else {
            format!("{shown}{pointer}")
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    pub(super) const HEAD: &str = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

    pub(super) fn load(yaml: &str) -> Result<crate::load::Loaded, Diagnostic> {
        crate::load::load_bytes(Path::new("spec.yaml"), yaml.as_bytes(), false)
    }

    #[test]
    fn text_alone_reads_no_other_file() {
        // `load_bytes` has no file to be relative to: the reference is left for the IR.
        let yaml =
            format!("{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    A: {{$ref: 'Cargo.toml'}}\n");
        let loaded = load(&yaml).expect("loads");
        assert_eq!(loaded.sources.files().len(), 1);
        let schema = &loaded
            .document
            .components
            .as_ref()
            .expect("components")
            .schemas["A"];
        assert!(
            matches!(schema, openapiv3::ReferenceOr::Reference { reference } if reference == "Cargo.toml"),
            "{schema:?}"
        );
    }
}
