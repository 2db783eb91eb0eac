//! apiforge turns an OpenAPI 3.0 or 3.1 document into a typed, documented Rust client crate.
//!
//! The pipeline has three stages, each usable alone:
//! [`load`] (text → `openapiv3` model, with positions for errors) → [`ir`] (a plain model of
//! the API) → [`emit`] (Rust through `quote`/`prettyplease`, docs and crate files through
//! minijinja templates), run in order by one [`Pipeline`] with one [`Settings`]. [`generate`]
//! runs them all and returns the files in memory; [`output`] writes them atomically or
//! compares them with what is on disk.

mod build_script;
pub mod cli;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod ir;
pub mod load;
pub mod output;
pub mod pipeline;
pub mod profile;
pub mod settings;
pub mod user_code;

use std::path::{Path, PathBuf};

pub use build_script::Generator;
pub use diagnostic::{Diagnostic, Warning};
pub use emit::Files;
pub use pipeline::{Lowered, Pipeline};
pub use settings::Settings;

/// Everything that can stop a generation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The spec is unreadable, invalid or uses something apiforge cannot generate.
    #[error("{0}")]
    Spec(Box<Diagnostic>),
    /// A template failed to load or render.
    #[error("template `{name}`: {message}")]
    Template {
        /// The template's file name.
        name: String,
        /// What went wrong, with the template line.
        message: String,
    },
    /// Reading or writing the output failed.
    #[error("{action} {}: {source}", path.display())]
    Io {
        /// What was being done (`cannot write`).
        action: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The settings file (`apiforge.toml`) is invalid: its position and what to do.
    #[error("{0}")]
    Config(Box<Diagnostic>),
    /// A setting (crate name, version, templates directory) is unusable.
    #[error("{0}")]
    Settings(String),
    /// The emitted Rust did not parse: a bug in apiforge, never in the spec.
    #[error("internal error, please report it: generated `{file}` is not valid Rust: {message}")]
    Emit {
        /// The generated file.
        file: String,
        /// The parser's message.
        message: String,
    },
    /// The output directory is not one apiforge may replace.
    #[error("{0}")]
    Refused(String),
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Spec(Box::new(d))
    }
}

/// The result of a generation: the files, and what the generator had to work around.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The crate's files, by path relative to the output directory.
    pub files: Files,
    /// Parts of the spec that could not be carried over exactly.
    pub warnings: Vec<Warning>,
}

/// Loads, lowers and emits the spec at `spec`, entirely in memory: [`Pipeline::generate`].
///
/// # Errors
///
/// As each stage of the [`Pipeline`].
pub fn generate(spec: &Path, settings: &Settings) -> Result<Generated, Error> {
    Pipeline::new(settings).generate(spec)
}

/// The API changes from the spec at `old` to the spec at `new`, each lowered with its own
/// settings exactly as `generate` lowers it, so a change is judged by the client it makes.
///
/// # Errors
///
/// As [`Pipeline::load`] and [`Pipeline::lower`], for either spec.
pub fn diff_specs(
    (old, old_settings): (&Path, &Settings),
    (new, new_settings): (&Path, &Settings),
) -> Result<diff::Changelog, Error> {
    let lower = |spec: &Path, settings: &Settings| -> Result<ir::Api, Error> {
        let mut pipeline = Pipeline::new(settings);
        let loaded = pipeline.load(spec)?;
        Ok(pipeline.lower(loaded)?.api)
    };
    Ok(diff::diff(
        &lower(old, old_settings)?,
        &lower(new, new_settings)?,
    ))
}
