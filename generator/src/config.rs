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
//!
//! [encoding]                    # form bodies and query strings, where OpenAPI leaves it open
//! form-arrays = "indexed"       # top-level lists without a `style`: repeat (default) | indexed | brackets
//! nested-arrays = "indexed"     # lists inside brackets: indexed (default) | brackets | repeat
//! object-arrays = "index-last"  # lists of objects: index-first (default) | index-last
//! free-form-objects = "json"    # objects without properties: brackets (default) | json
//! multi-value-groups = true     # objects of parallel lists as lists of entries (default false)
//!
//! [types]
//! dates = "string"              # format date-time/date: chrono (default) | string
//! ```
//!
//! Unknown keys are errors with their line and column, so a typo never silently changes the
//! generated client.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::emit::Settings;
use crate::ir::{ArrayKeys, Conventions, Dates, FreeForm, ObjectArrays};
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
    #[serde(default)]
    encoding: EncodingSection,
    #[serde(default)]
    types: TypesSection,
}

/// `[types]`: how some formats are typed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TypesSection {
    dates: Option<DatesValue>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum DatesValue {
    Chrono,
    String,
}

/// `[encoding]`: every key optional, each defaulting to [`Conventions::default`]'s.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct EncodingSection {
    form_arrays: Option<ArrayKeysValue>,
    nested_arrays: Option<ArrayKeysValue>,
    object_arrays: Option<ObjectArraysValue>,
    free_form_objects: Option<FreeFormValue>,
    multi_value_groups: Option<bool>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ArrayKeysValue {
    Repeat,
    Indexed,
    Brackets,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ObjectArraysValue {
    IndexFirst,
    IndexLast,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum FreeFormValue {
    Brackets,
    Json,
}

impl From<ArrayKeysValue> for ArrayKeys {
    fn from(value: ArrayKeysValue) -> Self {
        match value {
            ArrayKeysValue::Repeat => ArrayKeys::Repeat,
            ArrayKeysValue::Indexed => ArrayKeys::Indexed,
            ArrayKeysValue::Brackets => ArrayKeys::Brackets,
        }
    }
}

impl EncodingSection {
    /// The conventions, or `None` when the section sets nothing (so a spec without it reads
    /// exactly like one without a settings file).
    fn conventions(&self) -> Option<Conventions> {
        let defaults = Conventions::default();
        let set = self.form_arrays.is_some()
            || self.nested_arrays.is_some()
            || self.object_arrays.is_some()
            || self.free_form_objects.is_some()
            || self.multi_value_groups.is_some();
        set.then(|| Conventions {
            form_arrays: self.form_arrays.map_or(defaults.form_arrays, Into::into),
            nested_arrays: self
                .nested_arrays
                .map_or(defaults.nested_arrays, Into::into),
            object_arrays: match self.object_arrays {
                Some(ObjectArraysValue::IndexFirst) => ObjectArrays::IndexFirst,
                Some(ObjectArraysValue::IndexLast) => ObjectArrays::IndexLast,
                None => defaults.object_arrays,
            },
            free_form: match self.free_form_objects {
                Some(FreeFormValue::Brackets) => FreeForm::Brackets,
                Some(FreeFormValue::Json) => FreeForm::Json,
                None => defaults.free_form,
            },
            multi_value_groups: self
                .multi_value_groups
                .unwrap_or(defaults.multi_value_groups),
        })
    }
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
        diagnostic.set_position(error.span().map(|span| line_column(text, span.start)));
        Error::Config(Box::new(diagnostic))
    })?;
    Ok(Settings {
        crate_name: file.krate.name,
        crate_version: file.krate.version,
        idempotency_header: file.client.idempotency_header,
        server_names: file.servers.names,
        encoding: file.encoding.conventions(),
        dates: file.types.dates.map(|dates| match dates {
            DatesValue::Chrono => Dates::Chrono,
            DatesValue::String => Dates::Text,
        }),
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
    fn reads_the_types_section() {
        let parsed = |text: &str| parse(Path::new("apiforge.toml"), text).map(|s| s.dates);
        assert_eq!(
            parsed("[types]\ndates = \"string\"\n").unwrap(),
            Some(Dates::Text)
        );
        assert_eq!(
            parsed("[types]\ndates = \"chrono\"\n").unwrap(),
            Some(Dates::Chrono)
        );
        assert_eq!(parsed("").unwrap(), None);
        let error = parsed("[types]\ndates = \"time\"\n")
            .unwrap_err()
            .to_string();
        assert!(error.contains("apiforge.toml:2:9"), "{error}");
    }

    #[test]
    fn reads_the_encoding_section() {
        let text = "[encoding]\nform-arrays = \"indexed\"\nnested-arrays = \"brackets\"\nobject-arrays = \"index-last\"\nfree-form-objects = \"json\"\nmulti-value-groups = true\n";
        let settings = parse(Path::new("apiforge.toml"), text).unwrap();
        assert_eq!(
            settings.encoding,
            Some(Conventions {
                form_arrays: ArrayKeys::Indexed,
                nested_arrays: ArrayKeys::Brackets,
                object_arrays: ObjectArrays::IndexLast,
                free_form: FreeForm::Json,
                multi_value_groups: true,
            })
        );
        // Keys left out keep their defaults; an empty section is no section.
        let settings = parse(
            Path::new("apiforge.toml"),
            "[encoding]\nmulti-value-groups = true\n",
        )
        .unwrap();
        assert_eq!(
            settings.encoding,
            Some(Conventions {
                multi_value_groups: true,
                ..Conventions::default()
            })
        );
        assert_eq!(
            parse(Path::new("apiforge.toml"), "[encoding]\n")
                .unwrap()
                .encoding,
            None
        );
        assert_eq!(
            settings.ir_options().encoding.form_arrays,
            ArrayKeys::Repeat
        );
    }

    #[test]
    fn encoding_values_and_keys_are_checked() {
        let error = parse(
            Path::new("apiforge.toml"),
            "[encoding]\nform-arrays = \"index\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("unknown variant `index`"), "{error}");
        assert!(error.contains("apiforge.toml:2:15"), "{error}");
        let error = parse(
            Path::new("apiforge.toml"),
            "[encoding]\nobject_arrays = \"index-last\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("unknown field `object_arrays`"), "{error}");
        let error = parse(
            Path::new("apiforge.toml"),
            "[encoding]\nmulti-value-groups = \"yes\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("apiforge.toml:2:22"), "{error}");
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
