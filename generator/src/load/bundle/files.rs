//! Reading the files `$ref`s name, within the spec's directory and the limits.
//!
//! Each file is read once, however it is reached (by the path written, or by its canonical
//! path once symbolic links are resolved), and every refusal (a file outside the root spec's
//! directory, missing, too large, empty) is an error at the `$ref` that named it.

use std::path::{Component, Path, PathBuf};

use super::{Bundler, Site, MAX_FILES, MAX_FILE_BYTES, MAX_TOTAL_BYTES};
use crate::diagnostic::Diagnostic;
use crate::load::sources::SourceFile;

/// The directory of `path` (`.` for a bare file name).
pub(super) fn parent(path: &Path) -> &Path {
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

impl Bundler<'_> {
    /// Reads the file at `relative` (from the directory of `from`), which `reference`
    /// (written at `site`) names; returns its index.
    pub(super) fn open(
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
        let text = crate::load::decode(&shown, bytes).map_err(with_note)?;
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
        let value = crate::load::parse_value(&shown, &text, is_json).map_err(with_note)?;
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
    pub(super) fn describe_path(&self, path: &Path) -> String {
        let root_dir = parent(&self.sources.file(0).path);
        path.strip_prefix(root_dir)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// The error for a `$ref` to a file that does not exist, suggesting a file of a close
    /// name in the directory the path leads to.
    pub(super) fn missing_file(
        &self,
        reference: &str,
        base: &Path,
        shown: &Path,
        site: &Site,
    ) -> Diagnostic {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
