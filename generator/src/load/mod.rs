//! Reading a spec file into the `openapiv3` model.
//!
//! Text → `serde_json::Value` (YAML or JSON) → version check → the files other `$ref`s name,
//! bundled in (module `bundle`) → `openapiv3::OpenAPI`. Every failure is a [`Diagnostic`] with the
//! file where the problem is written, the JSON pointer there and, where the text allows, line
//! and column ([`Sources`]).

mod bundle;
mod locate;
mod normalize;
mod overlay;
mod positions;
mod shape;
mod sources;
mod swagger2;
mod typed;
mod unique;

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Warning};

pub use bundle::{MAX_COPIED_NODES, MAX_DEPTH, MAX_FILES, MAX_FILE_BYTES, MAX_TOTAL_BYTES};
pub use locate::{locate, locate_key};
pub use normalize::{normalize, Normalized};
pub use sources::{SourceFile, Sources};

/// A spec read from disk, parsed, and checked to be an OpenAPI 3.0 or 3.1 document.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file it came from (the root spec, for a spec split into several files).
    pub file: PathBuf,
    /// The source text, kept for locating later errors.
    pub text: String,
    /// Whether the text is JSON (else YAML).
    pub is_json: bool,
    /// Every file the spec was read from (the root spec first), and which file each part of
    /// `document` came from.
    pub sources: Sources,
    /// The typed document; other files' `$ref`s bundled in (their nodes copied into
    /// `components`, path items in place), so every `$ref` in it is internal.
    pub document: openapiv3::OpenAPI,
    /// Descriptions written beside `$ref`s, by the pointer of the referencing object
    /// (the 3.0 model keeps only the `$ref`).
    pub ref_descriptions: std::collections::BTreeMap<String, String>,
    /// The OpenAPI 3.1 `webhooks`, in spec order (the 3.0 model has no place for them).
    pub webhooks: Vec<(String, openapiv3::ReferenceOr<openapiv3::PathItem>)>,
    /// What loading had to work around.
    pub warnings: Vec<Warning>,
}

impl Loaded {
    /// A diagnostic about the node at `pointer` of `document`, in the file where the node is
    /// written, with its pointer there, line and column.
    pub fn diagnostic(&self, pointer: &str, message: impl Into<String>) -> Diagnostic {
        self.sources.diagnostic(pointer, message)
    }

    /// The pointer to show in a warning about the node at `pointer` of `document`: itself
    /// for the root spec's nodes, `<file>#<pointer there>` for nodes from other files.
    pub fn warning_pointer(&self, pointer: &str) -> String {
        self.sources.warning_pointer(pointer)
    }
}

/// Reads and parses the spec at `path`, and the files its `$ref`s name (relative to it).
pub fn load_file(path: &Path) -> Result<Loaded, Diagnostic> {
    let bytes = read(path)?;
    load_bytes_staged(
        path,
        &bytes,
        is_json(path),
        &mut crate::profile::Stages::default(),
    )
}

/// The bytes of the spec file at `path`.
pub fn read(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    std::fs::read(path).map_err(|e| {
        Diagnostic::new(path, None, format!("cannot read the spec: {e}")).with_help(
            "check the path; the spec must be an OpenAPI 3.0 or 3.1 file in YAML or JSON",
        )
    })
}

/// Whether the spec at `path` is JSON (by its extension), else YAML.
pub fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Parses spec text. `path` is only used in messages; `is_json` picks the parser (a
/// YAML parser would also read JSON, but reports JSON errors less precisely). No other file
/// is read: `$ref`s to other files are left for the IR to refuse (use [`load_file`] or
/// [`load_bytes_staged`] for a spec split into several files).
pub fn load_bytes(path: &Path, bytes: &[u8], is_json: bool) -> Result<Loaded, Diagnostic> {
    load_text(
        path,
        bytes,
        is_json,
        false,
        &[],
        &mut crate::profile::Stages::default(),
    )
}

/// Parses the text of the spec file at `path` (as [`load_file`] does, the file already
/// read), recording the time of its stages (parse, with the other files' reading and
/// bundling; normalize; typed model). `$ref`s to other files are followed relative to `path`.
pub fn load_bytes_staged(
    path: &Path,
    bytes: &[u8],
    is_json: bool,
    stages: &mut crate::profile::Stages,
) -> Result<Loaded, Diagnostic> {
    load_text(path, bytes, is_json, true, &[], stages)
}

/// [`load_bytes_staged`], with the OpenAPI Overlay documents at `overlays` applied, in order,
/// to the parsed spec before anything else reads it (`overlays` in `apiforge.toml`).
pub fn load_with_overlays(
    path: &Path,
    bytes: &[u8],
    is_json: bool,
    overlays: &[PathBuf],
    stages: &mut crate::profile::Stages,
) -> Result<Loaded, Diagnostic> {
    load_text(path, bytes, is_json, true, overlays, stages)
}

fn load_text(
    path: &Path,
    bytes: &[u8],
    is_json: bool,
    read_files: bool,
    overlays: &[PathBuf],
    stages: &mut crate::profile::Stages,
) -> Result<Loaded, Diagnostic> {
    let text = decode(path, bytes.to_vec())?;
    if text.trim().is_empty() {
        return Err(Diagnostic::new(path, None, "the spec file is empty")
            .with_help("point apiforge at an OpenAPI 3.0 or 3.1 document"));
    }
    let mut value = parse_value(path, &text, is_json)?;
    check_version(path, &text, is_json, &value)?;
    let mut sources = Sources::single(SourceFile {
        path: path.to_owned(),
        text: text.clone(),
        is_json,
    });
    let mut warnings = Vec::new();
    // Overlays first, on the document as written: Overlay 1.0 targets the description itself
    // (a 2.0 document's overlay names `definitions`), and on the root spec's own tree the
    // pointers of what they write stay valid through bundling (which only adds other files).
    let applied = overlays
        .iter()
        .map(|overlay| overlay::apply_file(overlay, &mut value))
        .collect::<Result<Vec<_>, _>>()?;
    if !applied.is_empty() {
        // An overlay may have changed or removed `openapi` itself.
        check_version(path, &text, is_json, &value)?;
    }
    // Swagger 2.0 becomes 3.0 next; its warnings already carry the 2.0 file's pointers.
    let mut swagger_warnings = Vec::new();
    let swagger = swagger2::is_swagger2(&value);
    if swagger {
        let converted = swagger2::convert(&mut value);
        for (new, old) in converted.moved {
            sources.record(new, 0, old);
        }
        swagger_warnings = converted.warnings;
    }
    bundle::bundle(&mut value, &mut sources, read_files, &mut warnings)?;
    if swagger && sources.files().len() > 1 {
        swagger2::convert_bundled_schemas(&mut value);
    }
    for overlay in applied {
        let index = sources.push(overlay.file);
        // Converting 2.0 moved what the overlays wrote: diagnostics there name the 2.0 file.
        if swagger {
            continue;
        }
        for (written, there) in overlay.written {
            sources.record(written, index, there);
        }
    }
    stages.mark("parse");
    check_parameter_locations(&sources, &value)?;
    let normalized = normalize(&mut value, &mut warnings);
    let shapes = shape::check(&value).and_then(|()| {
        normalized.webhooks.as_ref().map_or(Ok(()), |w| {
            shape::check(&serde_json::json!({ "webhooks": w }))
        })
    });
    if let Err((pointer, message)) = shapes {
        return Err(sources
            .diagnostic(&pointer, format!("invalid schema: {message}"))
            .with_help(
                "fix the schema at that pointer so that it follows the OpenAPI specification",
            ));
    }
    stages.mark("normalize");
    let document = typed::document(&sources, value)?;
    let webhooks = match normalized.webhooks {
        Some(webhooks) => to_openapi::<
            indexmap::IndexMap<String, openapiv3::ReferenceOr<openapiv3::PathItem>>,
        >(&sources, "#/webhooks", webhooks)?
        .into_iter()
        .collect(),
        None => Vec::new(),
    };
    stages.mark("typed model");
    if sources.files().len() > 1 || swagger {
        for warning in &mut warnings {
            warning.pointer = sources.warning_pointer(&warning.pointer);
        }
    }
    swagger_warnings.append(&mut warnings);
    let warnings = swagger_warnings;
    Ok(Loaded {
        file: path.to_owned(),
        text,
        is_json,
        sources,
        document,
        ref_descriptions: normalized.ref_descriptions,
        webhooks,
        warnings,
    })
}

/// `bytes` as text; an error names the position of the first byte that is not UTF-8.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let mut d = Diagnostic::new(path, None, "the spec is not valid UTF-8");
        let valid = &bytes[..e.utf8_error().valid_up_to()];
        let valid = String::from_utf8_lossy(valid);
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        d.set_position(Some((line, column)));
        d.with_help("save the file as UTF-8")
    })
}

fn parse_value(path: &Path, text: &str, is_json: bool) -> Result<Value, Diagnostic> {
    let (message, position) = if is_json {
        match unique::json(text) {
            Ok(value) => return Ok(value),
            Err(Ok(duplicate)) => return Err(duplicate_key(path, text, is_json, duplicate)),
            Err(Err(e)) => (e.to_string(), Some((e.line(), e.column()))),
        }
    } else {
        match unique::yaml(text) {
            Ok(value) => return Ok(value),
            Err(Ok(duplicate)) => return Err(duplicate_key(path, text, is_json, duplicate)),
            Err(Err(e)) => (e.to_string(), e.location().map(|l| (l.line(), l.column()))),
        }
    };
    // The parsers repeat the position in their message; it is shown once, below.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    let format = if is_json { "JSON" } else { "YAML" };
    let help = if message.contains("recursion limit exceeded") {
        "the document nests more than 128 levels deep; apiforge refuses such documents to keep its stack and memory bounded".to_owned()
    } else if message.contains("repetition limit exceeded") {
        "the document's YAML aliases expand to too many nodes (an alias bomb); write the repeated parts out or remove the aliases".to_owned()
    } else {
        format!("fix the {format} syntax at that position")
    };
    let mut d = Diagnostic::new(
        path,
        None,
        format!("the spec is not valid {format}: {message}"),
    );
    d.set_position(position);
    Err(d.with_help(help))
}

/// A key given twice in one mapping: reported where it is written the second time (the parsers
/// would silently keep that one and drop the first).
fn duplicate_key(
    path: &Path,
    text: &str,
    is_json: bool,
    duplicate: unique::Duplicate,
) -> Diagnostic {
    let first = locate_key(text, is_json, &duplicate.pointer, 1);
    let second = locate_key(text, is_json, &duplicate.pointer, 2);
    let container = if is_json {
        "JSON object"
    } else {
        "YAML mapping"
    };
    let first_at = match first {
        Some((line, _)) if first != second => format!(" (first at line {line})"),
        _ => String::new(),
    };
    let mut d = Diagnostic::new(
        path,
        Some(duplicate.pointer),
        format!(
            "the key `{}` is given twice in the same {container}{first_at}",
            duplicate.key
        ),
    );
    d.set_position(second);
    d.with_help("remove or rename one of the two; a parser would silently keep only the last one")
}

fn check_version(path: &Path, text: &str, is_json: bool, value: &Value) -> Result<(), Diagnostic> {
    let at = |pointer: &str, message: String| {
        let mut d = Diagnostic::new(path, Some(pointer.to_owned()), message);
        d.set_position(locate(text, is_json, pointer));
        d
    };
    let Some(object) = value.as_object() else {
        return Err(at("#", "the spec is not an object at its top level".into())
            .with_help("an OpenAPI document is a mapping with `openapi`, `info` and `paths`"));
    };
    if let Some(swagger) = object.get("swagger").filter(|v| !swagger2::is_version_2(v)) {
        return Err(at(
            "#/swagger",
            format!(
                "this is a Swagger {} document; apiforge reads Swagger 2.0, OpenAPI 3.0 and 3.1",
                display(swagger)
            ),
        )
        .with_help("convert it to OpenAPI 3 first, for example with swagger2openapi"));
    }
    if object.contains_key("swagger") {
        return Ok(());
    }
    let Some(version) = object.get("openapi") else {
        return Err(at("#", "the spec has no `openapi` version field".into())
            .with_help("add `openapi: 3.0.3` (or 3.1.0) at the top"));
    };
    let Some(version) = version.as_str() else {
        return Err(at(
            "#/openapi",
            format!(
                "the `openapi` field must be a string such as \"3.0.3\"; found {}",
                display(version)
            ),
        )
        .with_help("quote the version: `openapi: \"3.0.3\"` (YAML reads 3.0 as a number)"));
    };
    if !(version.starts_with("3.0.") || version.starts_with("3.1.")) {
        return Err(at(
            "#/openapi",
            format!(
                "unsupported OpenAPI version {}",
                display(&object["openapi"])
            ),
        )
        .with_help("apiforge reads OpenAPI 3.0.x and 3.1.x documents"));
    }
    Ok(())
}

/// Swagger-style `in: body`/`in: formData` parameters are the commonest mistake in documents
/// converted by hand; the 3.0 model's error would only point at `#/paths`.
fn check_parameter_locations(sources: &Sources, value: &Value) -> Result<(), Diagnostic> {
    let Some(paths) = value.get("paths").and_then(Value::as_object) else {
        return Ok(());
    };
    for (template, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        let lists =
            item.get("parameters")
                .into_iter()
                .map(|p| (None, p))
                .chain(item.iter().filter_map(|(method, op)| {
                    op.get("parameters").map(|p| (Some(method.as_str()), p))
                }));
        for (method, list) in lists {
            let Some(list) = list.as_array() else {
                continue;
            };
            for (i, parameter) in list.iter().enumerate() {
                let Some(location) = parameter.get("in").and_then(Value::as_str) else {
                    continue;
                };
                if matches!(location, "query" | "header" | "path" | "cookie") {
                    continue;
                }
                let index = i.to_string();
                let mut tokens = vec!["paths", template.as_str()];
                tokens.extend(method);
                tokens.extend(["parameters", index.as_str(), "in"]);
                let pointer = crate::diagnostic::pointer(tokens);
                let d = sources.diagnostic(
                    &pointer,
                    format!("parameter location `in: {location}` does not exist in OpenAPI 3"),
                );
                let help = if matches!(location, "body" | "formData") {
                    "describe the body under the operation's `requestBody` instead (Swagger 2.0 used `in: body`)"
                } else {
                    "use one of `query`, `header`, `path` or `cookie`"
                };
                return Err(d.with_help(help));
            }
        }
    }
    Ok(())
}

fn display(value: &Value) -> String {
    match value {
        Value::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    }
}

/// Deserializes `value` (found at `base` in the document) into the OpenAPI model.
fn to_openapi<T: serde::de::DeserializeOwned>(
    sources: &Sources,
    base: &str,
    value: Value,
) -> Result<T, Diagnostic> {
    // Converting from a borrowed document without tracking paths is faster (by about 15 ms for
    // Chargebee's spec); only an invalid spec needs the path, for the error's pointer, so it
    // is converted again then. (The document is then held until converted: a little more
    // peak memory.)
    if let Ok(typed) = T::deserialize(&value) {
        return Ok(typed);
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let pointer = format!(
            "{base}{}",
            path_to_pointer(e.path()).trim_start_matches('#')
        );
        let inner = e.into_inner().to_string();
        let d = sources.diagnostic(
            &pointer,
            format!("the spec does not match OpenAPI: {inner}"),
        );
        d.with_help("fix the node at that pointer so that it follows the OpenAPI specification")
    })
}

fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let tokens: Vec<String> = path
        .iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(key.clone()),
            Segment::Enum { variant } => Some(variant.clone()),
            Segment::Unknown => None,
        })
        .collect();
    crate::diagnostic::pointer(tokens.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str, json: bool) -> Result<Loaded, Diagnostic> {
        load_bytes(Path::new("spec.yaml"), text.as_bytes(), json)
    }

    #[test]
    fn reads_yaml_and_json() {
        let yaml = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n";
        assert_eq!(
            load(yaml, false).map(|l| l.document.info.title).ok(),
            Some("T".to_owned())
        );
        let json = r#"{"openapi": "3.0.3", "info": {"title": "J", "version": "1"}, "paths": {}}"#;
        assert_eq!(
            load(json, true).map(|l| l.document.info.title).ok(),
            Some("J".to_owned())
        );
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = load("{\n  \"openapi\": \"3.0.3\",\n  \"info\": }", true).unwrap_err();
        assert!(
            err.message.starts_with("the spec is not valid JSON"),
            "{err}"
        );
        assert_eq!(err.position, Some((3, 11)));
        let err = load("openapi: 3.0.3\ninfo: [\n", false).unwrap_err();
        assert!(
            err.message.starts_with("the spec is not valid YAML"),
            "{err}"
        );
        assert!(err.position.is_some());
    }

    #[test]
    fn refuses_swagger_and_unknown_versions() {
        let err = load("swagger: '1.2'\ninfo: {title: T, version: '1'}\n", false).unwrap_err();
        assert!(err.message.contains("Swagger `1.2`"), "{err}");
        for version in ["'2.0'", "2.0"] {
            let swagger =
                format!("swagger: {version}\ninfo: {{title: T, version: '1'}}\npaths: {{}}\n");
            assert_eq!(
                load(&swagger, false).map(|l| l.document.openapi).ok(),
                Some("3.0.3".to_owned())
            );
        }
        let err = load("openapi: 4.0.0\n", false).unwrap_err();
        assert!(
            err.message.contains("unsupported OpenAPI version `4.0.0`"),
            "{err}"
        );
        assert_eq!(err.pointer.as_deref(), Some("#/openapi"));
    }

    #[test]
    fn model_errors_name_the_pointer_and_position() {
        let yaml = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\nservers:\n  - url: 'x{a}'\n    variables:\n      a:\n        enum: [b]\npaths: {}\n";
        let err = load(yaml, false).unwrap_err();
        assert_eq!(
            err.pointer.as_deref(),
            Some("#/servers/0/variables/a"),
            "{err}"
        );
        assert!(err.message.contains("default"), "{err}");
        assert_eq!(err.position, Some((8, 7)));
    }

    #[test]
    fn empty_and_non_utf8_files_are_refused() {
        assert_eq!(
            load("  \n", false).unwrap_err().message,
            "the spec file is empty"
        );
        let err = load_bytes(Path::new("x.yaml"), b"openapi: \xff", false).unwrap_err();
        assert_eq!(err.message, "the spec is not valid UTF-8");
        assert_eq!(err.position, Some((1, 10)));
    }
}
