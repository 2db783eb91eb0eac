//! Reading `apiforge.toml`: the settings that belong to a spec, kept beside it, so that
//! regenerating is one command with no flags to remember, and a `build.rs` reads the same
//! choices.
//!
//! Unknown keys and values are errors with their line and column and, for a likely typo, the
//! key or value meant, so a typo never silently changes the generated client.

use std::path::{Path, PathBuf};

use super::Settings;
use crate::diagnostic::Diagnostic;
use crate::Error;

/// The settings file's name, looked for beside the spec.
pub const FILE_NAME: &str = "apiforge.toml";

impl Settings {
    /// The settings file for `spec`: `apiforge.toml` in the spec's directory, if there is one.
    pub fn file_beside(spec: &Path) -> Option<PathBuf> {
        let path = spec.parent().unwrap_or(Path::new("")).join(FILE_NAME);
        path.is_file().then_some(path)
    }

    /// Settings for `spec`: those of the `apiforge.toml` beside it, or the defaults.
    ///
    /// # Errors
    ///
    /// As [`Settings::from_file`], when the file exists but is unusable.
    pub fn for_spec(spec: &Path) -> Result<Settings, Error> {
        Self::file_beside(spec)
            .map_or_else(|| Ok(Settings::default()), |path| Self::from_file(&path))
    }

    /// Reads the settings file at `path`. Paths in it are relative to its directory.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when it cannot be read; [`Error::Config`] for invalid TOML, an unknown key
    /// or a value of the wrong type, with its line and column.
    pub fn from_file(path: &Path) -> Result<Settings, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            action: "cannot read",
            path: path.to_path_buf(),
            source,
        })?;
        let mut settings = Self::from_toml(path, &text)?;
        let dir = path.parent().unwrap_or(Path::new(""));
        if let Some(templates) = &mut settings.generator.templates {
            if templates.is_relative() {
                *templates = dir.join(&*templates);
            }
        }
        for overlay in &mut settings.overlays {
            if overlay.is_relative() {
                *overlay = dir.join(&*overlay);
            }
        }
        Ok(settings)
    }

    /// Parses settings from TOML text; `path` names the file in error messages.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] for invalid TOML, an unknown key or a value of the wrong type.
    pub fn from_toml(path: &Path, text: &str) -> Result<Settings, Error> {
        toml::from_str(text).map_err(|error| {
            let message = error.message().trim_end().to_owned();
            let help = match did_you_mean(&message) {
                Some(meant) => {
                    format!("did you mean `{meant}`? Every key is listed in docs/SETTINGS.md")
                }
                None => "every key and its values are listed in docs/SETTINGS.md".to_owned(),
            };
            let mut diagnostic = Diagnostic::new(path, None, message).with_help(help);
            diagnostic.set_position(error.span().map(|span| line_column(text, span.start)));
            Error::Config(Box::new(diagnostic))
        })
    }
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" (and "unknown variant"), the
/// expected name closest to the one written, when it is a likely typo.
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))?;
    let (written, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    if let Some(close) = crate::ir::names::closest(written, candidates.iter().copied()) {
        return Some(close.to_owned());
    }
    // A word cut short (`index` for `indexed`) is a typo too, when only one key begins so.
    let mut longer = candidates
        .iter()
        .filter(|c| written.len() >= 3 && c.starts_with(written));
    match (longer.next(), longer.next()) {
        (Some(only), None) => Some((*only).to_owned()),
        _ => None,
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
