//! The one pipeline every entry point runs: the command line's `generate`, `diff` and `deps`,
//! and [`crate::Generator`] in a `build.rs`.
//!
//! load (text → typed model, with positions for errors) → lower (the IR, every decision made
//! once) → emit (a crate's files, or one Rust file for `include!`). Each stage is a method, so
//! a caller stops where it needs to (`diff` and `deps` after lowering) and the times of the
//! stages are recorded the same way for all of them.

use std::path::{Path, PathBuf};

use crate::emit::{self, CrateInfo, Files};
use crate::profile::Stages;
use crate::{ir, load, Error, Generated, Settings, Warning};

/// A generation in progress: its settings and the time each stage took so far.
#[derive(Debug)]
pub struct Pipeline<'s> {
    settings: &'s Settings,
    stages: Stages,
}

/// A spec lowered to the IR: what every backend reads.
#[derive(Debug, Clone)]
pub struct Lowered {
    /// The API.
    pub api: ir::Api,
    /// Parts of the spec that could not be carried over exactly, each naming the file it is
    /// about.
    pub warnings: Vec<Warning>,
    /// Every file the spec was read from, the root spec first (a spec split into files).
    pub inputs: Vec<PathBuf>,
}

impl<'s> Pipeline<'s> {
    /// A pipeline that generates with `settings`.
    pub fn new(settings: &'s Settings) -> Self {
        Self {
            settings,
            stages: Stages::default(),
        }
    }

    /// The settings it generates with.
    pub fn settings(&self) -> &Settings {
        self.settings
    }

    /// The time of each stage run so far: read, parse, normalize (3.1 → 3.0 and shape checks),
    /// typed model, IR, Rust tokens, printing, templates.
    pub fn stages(&self) -> &Stages {
        &self.stages
    }

    /// Reads the spec at `spec` (YAML, or JSON by its extension) and the files its `$ref`s
    /// name, into the typed model.
    ///
    /// # Errors
    ///
    /// [`Error::Spec`] when it cannot be read or is not a usable OpenAPI document, with the
    /// file, line, column and JSON pointer.
    pub fn load(&mut self, spec: &Path) -> Result<load::Loaded, Error> {
        let bytes = load::read(spec)?;
        self.stages.mark("read");
        self.load_bytes(spec, &bytes, load::is_json(spec))
    }

    /// [`Pipeline::load`] for a spec already read; `path` names it in messages, and `$ref`s
    /// to other files are read relative to it.
    ///
    /// # Errors
    ///
    /// [`Error::Spec`] when it is not a usable OpenAPI document.
    pub fn load_bytes(
        &mut self,
        path: &Path,
        bytes: &[u8],
        is_json: bool,
    ) -> Result<load::Loaded, Error> {
        Ok(load::load_with_overlays(
            path,
            bytes,
            is_json,
            &self.settings.overlays,
            &mut self.stages,
        )?)
    }

    /// Lowers a loaded spec to the IR. The loaded spec is dropped here: the emitters read the
    /// IR only, and for a large spec the typed document is the biggest thing held.
    ///
    /// # Errors
    ///
    /// [`Error::Spec`] for what the IR cannot represent (and, with `strict`, for an
    /// operation it would leave out).
    pub fn lower(&mut self, loaded: load::Loaded) -> Result<Lowered, Error> {
        let mut warnings = Vec::new();
        let api = ir::lower_api(&loaded, self.settings, &mut warnings)?;
        // The IR sees one bundled document: say which file each warning is about.
        for warning in &mut warnings {
            warning.pointer = loaded.warning_pointer(&warning.pointer);
        }
        let warnings = loaded.warnings.iter().cloned().chain(warnings).collect();
        let inputs = loaded
            .sources
            .files()
            .iter()
            .map(|file| file.path.clone())
            .collect();
        drop(loaded);
        self.stages.mark("IR");
        Ok(Lowered {
            api,
            warnings,
            inputs,
        })
    }

    /// Every file of the client crate.
    ///
    /// # Errors
    ///
    /// [`Error::Settings`] for an unusable crate name or version, [`Error::Template`] for a
    /// template that fails.
    pub fn emit_crate(&mut self, lowered: &Lowered) -> Result<Files, Error> {
        emit::emit(&lowered.api, self.settings, &mut self.stages)
    }

    /// The whole client as one Rust file for `include!` at a crate root, and its file name
    /// (`<crate>.rs`).
    ///
    /// # Errors
    ///
    /// [`Error::Settings`] for an unusable crate name or version.
    pub fn emit_single_file(&mut self, lowered: &Lowered) -> Result<(String, String), Error> {
        let krate = CrateInfo::new(&lowered.api, self.settings)?;
        let api = emit::links::resolve(&lowered.api, krate.docs_base.as_deref());
        let source = emit::rust::emit_single_file(&api, &krate)?;
        self.stages.mark("Rust");
        Ok((format!("{}.rs", krate.lib), source))
    }

    /// Load, lower and emit the crate: the whole generation, in memory.
    ///
    /// # Errors
    ///
    /// As each stage.
    pub fn generate(&mut self, spec: &Path) -> Result<Generated, Error> {
        let loaded = self.load(spec)?;
        let lowered = self.lower(loaded)?;
        let files = self.emit_crate(&lowered)?;
        Ok(Generated {
            files,
            warnings: lowered.warnings,
        })
    }
}
