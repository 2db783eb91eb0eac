//! `apiforge.toml`: the settings that belong to a spec, kept beside it, so that regenerating is
//! one command with no flags to remember, and a `build.rs` reads the same choices.
//!
//! ```toml
//! [crate]
//! name = "chargebee-api"        # default: the spec's title, kebab-cased
//! version = "2.0.0"             # default: info.version when it is semver, else 0.1.0
//!
//! [client]
//! idempotency-header = "chargebee-idempotency-key"
//!
//! [servers]
//! names = ["Live", "Test"]      # the `Server` variants, in spec order
//! ```
//!
//! Unknown keys are errors with their line and column, so a typo never silently changes the
//! generated client.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::emit::Settings;
use crate::Error;

/// The settings file's name, looked for beside the spec.
pub const FILE_NAME: &str = "apiforge.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(rename = "crate", default)]
    krate: CrateSection,
    #[serde(default)]
    client: ClientSection,
    #[serde(default)]
    servers: ServersSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ServersSection {
    names: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CrateSection {
    name: Option<String>,
    version: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ClientSection {
    idempotency_header: Option<String>,
}

/// The settings file for `spec`: `apiforge.toml` in the spec's directory, if there is one.
pub fn beside(spec: &Path) -> Option<PathBuf> {
    let path = spec.parent().unwrap_or(Path::new("")).join(FILE_NAME);
    path.is_file().then_some(path)
}

/// Reads the settings file at `path`.
///
/// # Errors
///
/// [`Error::Io`] when it cannot be read; [`Error::Config`] for invalid TOML, an unknown key or
/// a value of the wrong type, with its line and column.
pub fn read(path: &Path) -> Result<Settings, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        action: "cannot read",
        path: path.to_path_buf(),
        source,
    })?;
    parse(path, &text)
}

/// Settings for `spec`: those of the `apiforge.toml` beside it, or the defaults.
///
/// # Errors
///
/// As [`read`], when the file exists but is unusable.
pub fn for_spec(spec: &Path) -> Result<Settings, Error> {
    beside(spec).map_or_else(|| Ok(Settings::default()), |path| read(&path))
}

fn parse(path: &Path, text: &str) -> Result<Settings, Error> {
    let file: ConfigFile = toml::from_str(text).map_err(|error| {
        let mut diagnostic = Diagnostic::new(path, None, error.message().trim_end().to_owned())
            .with_help(format!(
                "the keys {FILE_NAME} takes are listed in apiforge's README (Settings file)"
            ));
        diagnostic.position = error.span().map(|span| line_column(text, span.start));
        Error::Config(Box::new(diagnostic))
    })?;
    Ok(Settings {
        crate_name: file.krate.name,
        crate_version: file.krate.version,
        idempotency_header: file.client.idempotency_header,
        server_names: file.servers.names,
        ..Settings::default()
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let text = "[crate]\nname = \"my-api\"\nversion = \"1.2.3\"\n\n[client]\nidempotency-header = \"Idempotency-Key\"\n\n[servers]\nnames = [\"Live\", \"Test\"]\n";
        let settings = parse(Path::new("apiforge.toml"), text).unwrap();
        assert_eq!(settings.crate_name.as_deref(), Some("my-api"));
        assert_eq!(settings.crate_version.as_deref(), Some("1.2.3"));
        assert_eq!(
            settings.idempotency_header.as_deref(),
            Some("Idempotency-Key")
        );
        assert_eq!(
            settings.server_names,
            Some(vec!["Live".to_owned(), "Test".to_owned()])
        );
        assert_eq!(
            parse(Path::new("apiforge.toml"), "").unwrap(),
            Settings::default()
        );
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_errors_with_their_position() {
        let error = parse(
            Path::new("spec/apiforge.toml"),
            "[client]\nidempotency_header = \"x\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            error.contains("unknown field `idempotency_header`"),
            "{error}"
        );
        assert!(error.contains("--> spec/apiforge.toml:2:1"), "{error}");
        let error = parse(Path::new("apiforge.toml"), "[crate]\nversion = 2\n")
            .unwrap_err()
            .to_string();
        assert!(error.contains("apiforge.toml:2:11"), "{error}");
        let error = parse(Path::new("apiforge.toml"), "[crates]\nname = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("unknown field `crates`") && error.contains(":1:"),
            "{error}"
        );
    }
}
