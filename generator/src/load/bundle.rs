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

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Component, Path, PathBuf};

use serde_json::{Map, Value};

use super::positions::{child_of, section_name, Child, Kind, Names, SECTIONS};
use super::sources::{SourceFile, Sources};
use crate::diagnostic::{escape_token, pointer, Diagnostic, Warning};

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

/// Whether the document has anything to bundle: a `$ref` that is not `#…`, or a path item
/// given by `$ref`. Errs on the side of `true` (bundling a document that needs nothing leaves
/// it as it is); `key` is the key the value is found under, `parent` the one above it.
fn needs_bundling(value: &Value, key: Option<&str>, parent: Option<&str>) -> bool {
    match value {
        // One pass over the entries, without hashing: this runs on every spec.
        Value::Object(object) => object.iter().any(|(k, child)| match (k.as_str(), child) {
            ("$ref", Value::String(reference)) => {
                !reference.starts_with('#')
                    || matches!(parent, Some("paths" | "webhooks" | "pathItems"))
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

/// A `$ref`'s value, taken apart.
#[derive(Debug, PartialEq)]
enum Reference {
    /// A pointer into the file that holds the `$ref` (`#/components/schemas/Pet`, percent
    /// decoded; `#` for the whole file).
    Internal(String),
    /// A relative path (percent-decoded), and a pointer into that file.
    External { path: String, fragment: String },
}

/// Takes a `$ref` apart; an error is its message and help.
fn parse_reference(reference: &str) -> Result<Reference, (String, String)> {
    let (file, fragment) = match reference.split_once('#') {
        Some((file, fragment)) => (file, Some(fragment)),
        None => (reference, None),
    };
    if has_scheme(file) {
        return Err((
            format!("`$ref: {reference}` is a URL; apiforge follows references to local files only"),
            "bundle the spec first (for example with `redocly bundle`), or save the document beside the spec and reference it by a relative path".to_owned(),
        ));
    }
    let fragment = match fragment {
        None | Some("") => "#".to_owned(),
        Some(fragment) if fragment.starts_with('/') => format!("#{}", percent_decode(fragment)),
        Some(_) => {
            return Err((
                format!("`$ref: {reference}` has a fragment that is not a JSON pointer"),
                "write the part after `#` as a JSON pointer, such as `#/components/schemas/Pet`; named anchors are not supported".to_owned(),
            ))
        }
    };
    if file.is_empty() {
        return Ok(Reference::Internal(fragment));
    }
    let path = percent_decode(file);
    if path.starts_with('/') || path.starts_with('\\') {
        return Err((
            format!("`$ref: {reference}` is an absolute path"),
            "write the path relative to the file that holds the `$ref`, such as `../components/schemas/Pet.yaml`".to_owned(),
        ));
    }
    Ok(Reference::External { path, fragment })
}

/// Whether `file` starts with a URI scheme (`https:`, `file:`, `urn:`); a single letter is a
/// Windows drive, not a scheme.
fn has_scheme(file: &str) -> bool {
    let Some((scheme, _)) = file.split_once(':') else {
        return false;
    };
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Decodes `%XX` escapes; a text whose escapes do not decode to UTF-8 is kept as written.
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// The node at `pointer` (`#/a/b`, tokens escaped) in `value`.
fn resolve<'v>(value: &'v Value, pointer: &str) -> Option<&'v Value> {
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

/// The directory of `path` (`.` for a bare file name).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// `path` with `.` dropped and `..` taken back where it follows a name.
fn normalize_lexically(path: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

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

/// The `$ref` of `value` when that is all it holds.
fn pure_reference(value: &Value) -> Option<&str> {
    match value {
        Value::Object(object) if object.len() == 1 => object.get("$ref")?.as_str(),
        _ => None,
    }
}

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

    /// Root components that are only a `$ref` to another file take the node it names, under
    /// their own name (before anything else is named, so that the name is theirs).
    fn claim_root_components(&mut self, document: &Value) -> Result<(), Diagnostic> {
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

    fn visit(&mut self, kind: Kind, value: &mut Value, file: usize) -> Result<(), Diagnostic> {
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
    fn reference(
        &mut self,
        kind: Kind,
        value: &mut Value,
        file: usize,
        reference: &str,
    ) -> Result<(), Diagnostic> {
        let internal = reference.starts_with('#');
        if file == 0 && (internal && kind != Kind::PathItem || !internal && !self.read_files) {
            // The root document's own references (the later stages follow them), and, when
            // no other file may be read, references to them (the IR refuses them).
            return Ok(());
        }
        let at = self.here();
        let site = self.site(&at);
        if matches!(kind, Kind::Operation | Kind::MediaType | Kind::Encoding) {
            return Err(self.error(
                &site,
                format!("`$ref: {reference}` stands for {}, which cannot be given by `$ref`", a(kind.what())),
                "OpenAPI allows `$ref` for path items, parameters, request bodies, responses, headers, schemas, examples, links, callbacks and security schemes; move the `$ref` to one of those, or write this object out",
            ));
        }
        let (target_file, target) = self.target(file, reference, &site)?;
        if kind == Kind::PathItem {
            return self.inline(value, target_file, target, &at, reference, &site);
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

    /// The file and pointer that `reference`, written in `file`, names; reads the file if it
    /// is new.
    fn target(
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
    fn follow(
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

    /// The node at `pointer` in `file`, which `reference` (written at `site`) leads to.
    fn node(
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
    fn copy(
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

    /// Names the node at `target` in `file` as a component (once), to be copied later;
    /// returns the `$ref` to it.
    fn place(&mut self, kind: Kind, file: usize, target: String) -> String {
        let key = (file, target, kind);
        if let Some(reference) = self.placed.get(&key) {
            return reference.clone();
        }
        let (file, target, kind) = key;
        let Some(section) = kind.section() else {
            return target;
        };
        let base = name_hint(&self.sources.file(file).path, &target, kind);
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

    /// Copies the path item at `target` in `file` over `value` (the `$ref` object at `at`),
    /// then follows the references in the copy.
    fn inline(
        &mut self,
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
                format!("path items given by `$ref` contain themselves: {}", chain.join(" → ")),
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
        let visited = self.visit(Kind::PathItem, value, file);
        self.inlining.pop();
        visited
    }

    /// Copies the components named so far (and those their references name), in order.
    fn copy_pending(&mut self) -> Result<Vec<(&'static str, String, Value)>, Diagnostic> {
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

    /// Reads the file at `relative` (from the directory of `from`), which `reference`
    /// (written at `site`) names; returns its index.
    fn open(
        &mut self,
        from: usize,
        relative: &str,
        reference: &str,
        site: &Site,
    ) -> Result<usize, Diagnostic> {
        let base = parent(&self.sources.file(from).path).to_path_buf();
        let shown = normalize_lexically(&base.join(relative));
        if let Some(&index) = self.shown.get(&shown) {
            return Ok(index);
        }
        let root_dir = match &self.root_dir {
            Ok(dir) => dir.clone(),
            Err(e) => {
                return Err(self.error(
                    site,
                    format!("`$ref: {reference}` cannot be followed: {e}"),
                    "generate from the spec's path on disk",
                ))
            }
        };
        let canonical = match std::fs::canonicalize(&shown) {
            Ok(canonical) => canonical,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(self.missing_file(reference, &base, &shown, site))
            }
            Err(e) => {
                return Err(self.error(
                    site,
                    format!(
                        "`$ref: {reference}` cannot be followed: {}: {e}",
                        shown.display()
                    ),
                    "check that the file exists and can be read",
                ))
            }
        };
        if !canonical.starts_with(&root_dir) {
            let root = parent(&self.sources.file(0).path);
            return Err(self.error(
                site,
                format!(
                    "`$ref: {reference}` leads outside the spec's directory: {}",
                    shown.display()
                ),
                format!(
                    "apiforge follows `$ref`s only to files under the directory of the root spec ({}), symbolic links resolved; move the file there, or generate from a root spec higher in the tree",
                    root.display()
                ),
            ));
        }
        if let Some(&index) = self.canonical.get(&canonical) {
            self.shown.insert(shown, index);
            return Ok(index);
        }
        if self.values.len() >= MAX_FILES {
            return Err(self.error(
                site,
                format!("`$ref: {reference}` would be file number {} of the spec; apiforge reads at most {MAX_FILES}", MAX_FILES + 1),
                "bundle the spec first (for example with `redocly bundle`)",
            ));
        }
        let io_error = |this: &Self, e: std::io::Error| {
            this.error(
                site,
                format!(
                    "`$ref: {reference}` cannot be followed: {}: {e}",
                    shown.display()
                ),
                "check that the file exists and can be read",
            )
        };
        let metadata = std::fs::metadata(&canonical).map_err(|e| io_error(self, e))?;
        if !metadata.is_file() {
            return Err(self.error(
                site,
                format!(
                    "`$ref: {reference}` names {}, which is not a file",
                    shown.display()
                ),
                "reference a YAML or JSON file",
            ));
        }
        if metadata.len() > MAX_FILE_BYTES {
            return Err(self.error(
                site,
                format!(
                    "`$ref: {reference}` names a file of {} bytes; apiforge reads referenced files of at most {MAX_FILE_BYTES} bytes",
                    metadata.len()
                ),
                "split the file, or bundle the spec first",
            ));
        }
        self.total_bytes += metadata.len();
        if self.total_bytes > MAX_TOTAL_BYTES {
            return Err(self.error(
                site,
                format!("`$ref: {reference}` brings the files the spec references past {MAX_TOTAL_BYTES} bytes"),
                "bundle the spec first (for example with `redocly bundle`)",
            ));
        }
        let bytes = std::fs::read(&canonical).map_err(|e| io_error(self, e))?;
        let with_note = |mut d: Diagnostic| {
            let note = format!(
                "{} is read for the `$ref` at {}",
                self.describe_path(&shown),
                self.sources.position_in(site.0, &site.1)
            );
            d.message = d.message.replacen("the spec is", "the file is", 1);
            let help = match d.help {
                Some(ref help) => format!("{help} ({note})"),
                None => note,
            };
            d.with_help(help)
        };
        let text = super::decode(&shown, bytes).map_err(with_note)?;
        if text.trim().is_empty() {
            return Err(self.error(
                site,
                format!(
                    "`$ref: {reference}` names an empty file: {}",
                    shown.display()
                ),
                "write the referenced object into the file, or fix the `$ref`",
            ));
        }
        let is_json = shown
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let value = super::parse_value(&shown, &text, is_json).map_err(with_note)?;
        let index = self.sources.push(SourceFile {
            path: shown,
            text,
            is_json,
        });
        self.values.push(value);
        self.canonical.insert(canonical, index);
        self.shown
            .insert(self.sources.file(index).path.clone(), index);
        Ok(index)
    }

    /// `path` relative to the root spec's directory, when it is under it.
    fn describe_path(&self, path: &Path) -> String {
        let root_dir = parent(&self.sources.file(0).path);
        path.strip_prefix(root_dir)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// The error for a `$ref` to a file that does not exist, suggesting a file of a close
    /// name in the directory the path leads to.
    fn missing_file(&self, reference: &str, base: &Path, shown: &Path, site: &Site) -> Diagnostic {
        let message = format!(
            "`$ref: {reference}` points to a file that does not exist: {}",
            shown.display()
        );
        let wanted = shown
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let names: Vec<String> = shown
            .parent()
            .map(|dir| {
                if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                }
            })
            .and_then(|dir| std::fs::read_dir(dir).ok())
            .map(|entries| {
                entries
                    .take(10_000)
                    .filter_map(Result::ok)
                    .filter(|entry| entry.path().is_file())
                    .map(|entry| entry.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        let mut names = names;
        names.sort();
        let help = match crate::ir::names::closest(&wanted, names.iter().map(String::as_str)) {
            Some(close) => {
                let (file, fragment) = match reference.split_once('#') {
                    Some((file, fragment)) => (file, format!("#{fragment}")),
                    None => (reference, String::new()),
                };
                let fixed = match file.rsplit_once('/') {
                    Some((dir, _)) => format!("{dir}/{close}{fragment}"),
                    None => format!("{close}{fragment}"),
                };
                format!("did you mean `{fixed}`?")
            }
            None => format!(
                "the path is relative to the directory of the file that holds the `$ref` ({})",
                base.display()
            ),
        };
        self.error(site, message, help)
    }
}

/// Adds the copied components to the root document, after its own (an entry a root
/// component held as a `$ref` is replaced where it is).
fn add_components(
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
    fn references_are_taken_apart() {
        let external = |path: &str, fragment: &str| {
            Ok(Reference::External {
                path: path.to_owned(),
                fragment: fragment.to_owned(),
            })
        };
        assert_eq!(
            parse_reference("#/components/schemas/Pet"),
            Ok(Reference::Internal("#/components/schemas/Pet".into()))
        );
        assert_eq!(
            parse_reference("../schemas/Pet.yaml"),
            external("../schemas/Pet.yaml", "#")
        );
        assert_eq!(
            parse_reference("common.json#/components/schemas/Pet"),
            external("common.json", "#/components/schemas/Pet")
        );
        assert_eq!(parse_reference("a.yaml#"), external("a.yaml", "#"));
        // Percent-encoding is decoded in both parts; `~1` stays a pointer escape.
        assert_eq!(
            parse_reference("my%20api.yaml#/paths/~1pets~1%7Bid%7D"),
            external("my api.yaml", "#/paths/~1pets~1{id}")
        );
        for refused in [
            "https://example.com/pet.yaml",
            "http://example.com/pet.yaml#/Pet",
            "file:///etc/pet.yaml",
            "urn:pet",
            "/etc/pet.yaml",
            "pet.yaml#Pet",
        ] {
            assert!(parse_reference(refused).is_err(), "{refused}");
        }
        // A single letter before `:` is a Windows drive, not a scheme (and then relative).
        assert!(!has_scheme("c:pets.yaml"));
    }

    #[test]
    fn percent_decoding_keeps_what_does_not_decode() {
        assert_eq!(percent_decode("a%2Fb%7e"), "a/b~");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        // Not UTF-8 once decoded: kept as written.
        assert_eq!(percent_decode("%ff"), "%ff");
    }

    #[test]
    fn paths_are_normalized_without_touching_the_disk() {
        let normalized = |p: &str| normalize_lexically(Path::new(p)).display().to_string();
        assert_eq!(
            normalized("spec/paths/../components/./Pet.yaml"),
            "spec/components/Pet.yaml"
        );
        assert_eq!(normalized("../up/x.yaml"), "../up/x.yaml");
        assert_eq!(normalized("a/../../b.yaml"), "../b.yaml");
        assert_eq!(normalized("a/.."), ".");
    }

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

    #[test]
    fn only_documents_with_something_to_bundle_are_copied() {
        let internal = serde_json::json!({"paths": {"/a": {"get": {"responses": {"200": {"$ref": "#/components/responses/R"}}}}},
            "components": {"schemas": {"paths": {"properties": {"x": {"$ref": "#/components/schemas/X"}}}}}});
        assert!(!needs_bundling(&internal, None, None));
        for needs in [
            serde_json::json!({"paths": {"/a": {"$ref": "#/components/pathItems/A"}}}),
            serde_json::json!({"webhooks": {"a": {"$ref": "#/components/pathItems/A"}}}),
            serde_json::json!({"components": {"schemas": {"A": {"$ref": "a.yaml"}}}}),
            serde_json::json!({"paths": {"/a": {"post": {"callbacks": {"c": {"{$url}": {"$ref": "#/x"}}}}}}}),
        ] {
            assert!(needs_bundling(&needs, None, None), "{needs}");
        }
    }

    fn load(yaml: &str) -> Result<crate::load::Loaded, Diagnostic> {
        crate::load::load_bytes(Path::new("spec.yaml"), yaml.as_bytes(), false)
    }

    const HEAD: &str = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

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
