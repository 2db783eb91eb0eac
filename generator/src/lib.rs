//! apiforge turns an OpenAPI 3.0 or 3.1 document into a typed, documented Rust client crate.
//!
//! The pipeline has three stages, each usable alone:
//! [`load`] (text → `openapiv3` model, with positions for errors) → [`ir`] (a plain model of
//! the API) → [`emit`] (Rust through `quote`/`prettyplease`, docs and crate files through
//! minijinja templates). [`generate`] runs them all and returns the files in memory;
//! [`output`] writes them atomically or compares them with what is on disk.

mod build_script;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod ir;
pub mod load;
pub mod output;
pub mod profile;

use std::path::{Path, PathBuf};

pub use build_script::Generator;
pub use diagnostic::{Diagnostic, Warning};
pub use emit::{Files, Settings};

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

/// Loads, lowers and emits the spec at `spec`, entirely in memory.
pub fn generate(spec: &Path, settings: &Settings) -> Result<Generated, Error> {
    let loaded = load::load_file(spec)?;
    generate_owned(loaded, settings, &mut profile::Stages::default())
}

/// Like [`generate`], for a spec already loaded (by [`load::load_bytes`], say).
pub fn generate_loaded(loaded: &load::Loaded, settings: &Settings) -> Result<Generated, Error> {
    generate_staged(loaded, settings, &mut profile::Stages::default())
}

fn generate_staged(
    loaded: &load::Loaded,
    settings: &Settings,
    stages: &mut profile::Stages,
) -> Result<Generated, Error> {
    let (api, warnings) = lower(loaded, settings, stages)?;
    let files = emit::emit_staged(&api, settings, stages)?;
    Ok(Generated { files, warnings })
}

/// [`generate_staged`] for a spec it may drop once lowered: the typed document is not needed
/// by the emitters, and for large specs it is the biggest thing held.
fn generate_owned(
    loaded: load::Loaded,
    settings: &Settings,
    stages: &mut profile::Stages,
) -> Result<Generated, Error> {
    let (api, warnings) = lower(&loaded, settings, stages)?;
    drop(loaded);
    let files = emit::emit_staged(&api, settings, stages)?;
    Ok(Generated { files, warnings })
}

/// The IR of a loaded spec, and every warning about it.
fn lower(
    loaded: &load::Loaded,
    settings: &Settings,
    stages: &mut profile::Stages,
) -> Result<(ir::Api, Vec<Warning>), Error> {
    let mut warnings = Vec::new();
    let api = ir::lower_with(loaded, &settings.ir_options(), &mut warnings)?;
    // The IR sees one bundled document: say which file each warning is about.
    for warning in &mut warnings {
        warning.pointer = loaded.warning_pointer(&warning.pointer);
    }
    let warnings = loaded.warnings.iter().cloned().chain(warnings).collect();
    stages.mark("IR");
    Ok((api, warnings))
}

/// Generates the spec at `spec` into `out` (as the CLI does) and reports the time of each
/// stage: read, parse, normalize (3.1 → 3.0 and shape checks), typed model, IR, Rust tokens,
/// printing, templates, write.
pub fn generate_profiled(
    spec: &Path,
    settings: &Settings,
    out: &Path,
) -> Result<(Generated, profile::Stages), Error> {
    let mut stages = profile::Stages::default();
    let bytes = std::fs::read(spec).map_err(|source| Error::Io {
        action: "cannot read",
        path: spec.to_path_buf(),
        source,
    })?;
    stages.mark("read");
    let is_json = spec
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let loaded = load::load_bytes_staged(spec, &bytes, is_json, &mut stages)?;
    drop(bytes);
    let generated = generate_owned(loaded, settings, &mut stages)?;
    output::write(out, &generated.files, true)?;
    stages.mark("write");
    Ok((generated, stages))
}

/// The API changes from the spec at `old` to the spec at `new`.
pub fn diff_specs(old: &Path, new: &Path) -> Result<diff::Changelog, Error> {
    let lower = |path: &Path| -> Result<ir::Api, Error> {
        let loaded = load::load_file(path)?;
        let mut warnings = Vec::new();
        Ok(ir::lower(&loaded, &mut warnings)?)
    };
    Ok(diff::diff(&lower(old)?, &lower(new)?))
}
