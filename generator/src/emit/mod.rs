//! Turning the IR into the files of a client crate.
//!
//! Rust sources are built as token streams with `quote` and printed by `prettyplease`
//! ([`rust`]); Markdown docs and crate files come from minijinja templates ([`docs`],
//! [`templates`]). Everything is produced in memory, in a deterministic order.

pub mod docs;
pub mod rust;
pub mod templates;
pub mod text;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::ir::Api;
use crate::Error;

/// The generated files: relative path (with `/` separators) → contents.
pub type Files = BTreeMap<String, String>;

/// Choices the user makes about the generated crate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The crate's package name; by default the kebab-cased `info.title`.
    pub crate_name: Option<String>,
    /// The crate's version; by default `info.version` when it is semver, else `0.1.0`.
    pub crate_version: Option<String>,
    /// A directory whose templates replace the built-in ones of the same file name.
    pub templates_dir: Option<PathBuf>,
}

/// Facts about the crate being generated, derived once from the settings and the spec.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CrateInfo {
    /// Package name (`chargebee-api`).
    pub name: String,
    /// Library name as used in `use` paths (`chargebee_api`).
    pub lib: String,
    /// Package version.
    pub version: String,
    /// The spec's title.
    pub title: String,
    /// The apiforge version that generated it.
    pub generator_version: String,
}

impl CrateInfo {
    /// Derives the crate's identity, refusing names and versions Cargo would refuse.
    pub fn new(api: &Api, settings: &Settings) -> Result<Self, Error> {
        let name = match &settings.crate_name {
            Some(name) => name.clone(),
            None => {
                let name = heck::ToKebabCase::to_kebab_case(api.title.as_str())
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect::<String>();
                if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
                    format!("api-{name}").trim_end_matches('-').to_owned()
                } else {
                    name
                }
            }
        };
        let valid_name = !name.is_empty()
            && name.len() <= 64
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid_name {
            return Err(Error::Settings(format!(
                "`{name}` is not a valid crate name: use ASCII letters, digits, `-` and `_`, starting with a letter"
            )));
        }
        let version = match &settings.crate_version {
            Some(version) => {
                semver::Version::parse(version)
                    .map_err(|e| Error::Settings(format!("`{version}` is not a semver version: {e}")))?;
                version.clone()
            }
            None => semver::Version::parse(&api.version).map_or_else(|_| "0.1.0".to_owned(), |v| v.to_string()),
        };
        Ok(Self {
            lib: name.replace('-', "_"),
            name,
            version,
            title: api.title.clone(),
            generator_version: env!("CARGO_PKG_VERSION").to_owned(),
        })
    }
}

/// Emits every file of the client crate for `api`.
pub fn emit(api: &Api, settings: &Settings) -> Result<Files, Error> {
    let krate = CrateInfo::new(api, settings)?;
    let templates = templates::Templates::load(settings.templates_dir.as_deref())?;
    let mut files = rust::emit(api, &krate)?;
    files.extend(docs::emit(api, &krate, &templates)?);
    Ok(files)
}
