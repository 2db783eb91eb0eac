//! Generating a client at build time, from a `build.rs`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::{Error, Pipeline, Settings};

/// A change to the settings, made in code.
type Customize = Arc<dyn Fn(Settings) -> Settings + Send + Sync>;

/// Generates a client while a crate builds: the whole client as one Rust file in `OUT_DIR`,
/// for `include!` at the crate root. It runs the same [`Pipeline`] as `apiforge generate`,
/// with the same settings: the `apiforge.toml` beside the spec (or the file named by
/// [`Generator::config_path`]), then any change made in code with [`Generator::settings`].
///
/// ```no_run
/// // In build.rs's `main`:
/// apiforge::Generator::new()
///     .spec_path("spec/api.yaml")
///     .settings(|settings| settings.idempotency_header("idempotency-key"))
///     .build_script();
/// // In src/lib.rs: include!(concat!(env!("OUT_DIR"), "/", env!("CARGO_CRATE_NAME"), ".rs"));
/// ```
#[derive(Clone, Default)]
pub struct Generator {
    spec: Option<PathBuf>,
    config: Option<PathBuf>,
    customize: Option<Customize>,
}

impl fmt::Debug for Generator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Generator")
            .field("spec", &self.spec)
            .field("config", &self.config)
            .field("customized", &self.customize.is_some())
            .finish()
    }
}

impl Generator {
    /// A generator with no spec yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The OpenAPI document to read, relative to the crate's directory in a build script.
    pub fn spec_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.spec = Some(path.into());
        self
    }

    /// The settings file to read instead of the `apiforge.toml` beside the spec.
    pub fn config_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.config = Some(path.into());
        self
    }

    /// Changes the settings read from the settings file (or the defaults, without one):
    /// `.settings(|s| s.crate_name("billing").strict(true))`.
    pub fn settings(
        mut self,
        customize: impl Fn(Settings) -> Settings + Send + Sync + 'static,
    ) -> Self {
        self.customize = Some(Arc::new(customize));
        self
    }

    /// Generates the client into `out_dir/<crate>.rs` (`<crate>` being the crate name from the
    /// settings or the spec's title, in snake case) and returns that path. Prints
    /// `cargo:rerun-if-changed` for every file it reads, so Cargo regenerates when they change.
    ///
    /// # Errors
    ///
    /// [`Error`] when there is no spec path, the spec or settings are invalid, or the file
    /// cannot be written.
    pub fn generate_to(&self, out_dir: impl AsRef<Path>) -> Result<PathBuf, Error> {
        self.generate_checked(out_dir.as_ref(), None, |settings| settings)
    }

    /// The settings file and the settings this generator uses for `spec`: the file's, then
    /// `building` (what the building crate decides), then the changes made in code.
    fn settings_for(
        &self,
        spec: &Path,
        building: impl FnOnce(Settings) -> Settings,
    ) -> Result<(Option<PathBuf>, Settings), Error> {
        let file = self.config.clone().or_else(|| Settings::file_beside(spec));
        let settings = match &file {
            Some(path) => Settings::from_file(path)?,
            None => Settings::default(),
        };
        let settings = building(settings);
        let settings = match &self.customize {
            Some(customize) => customize(settings),
            None => settings,
        };
        Ok((file, settings))
    }

    /// [`Generator::generate_to`], with `building` applied over the settings file, and first
    /// checking that `manifest` (the building crate's `Cargo.toml`) declares what the client
    /// needs, which depends on the API (chrono for dates).
    fn generate_checked(
        &self,
        out_dir: &Path,
        manifest: Option<&Path>,
        building: impl FnOnce(Settings) -> Settings,
    ) -> Result<PathBuf, Error> {
        let Some(spec) = &self.spec else {
            return Err(Error::Settings(
                "no spec: call `Generator::spec_path` first".to_owned(),
            ));
        };
        // Cargo reruns a build script whose watched file is missing on every build, so only an
        // existing settings file is watched (one added later takes a `touch` of the spec).
        let (file, settings) = self.settings_for(spec, building)?;
        for path in file.iter().chain(&settings.generator.templates) {
            println!("cargo:rerun-if-changed={}", path.display());
        }
        let mut pipeline = Pipeline::new(&settings);
        println!("cargo:rerun-if-changed={}", spec.display());
        let loaded = pipeline.load(spec)?;
        let lowered = pipeline.lower(loaded)?;
        for file in lowered.inputs.iter().skip(1) {
            println!("cargo:rerun-if-changed={}", file.display());
        }
        for warning in &lowered.warnings {
            println!("cargo:warning=apiforge: {warning}");
        }
        if let Some(manifest) = manifest {
            let needed = crate::emit::deps::for_api(&lowered.api);
            check_manifest(manifest, &crate::emit::deps::for_build_script(&needed))?;
        }
        let (name, source) = pipeline.emit_single_file(&lowered)?;
        let path = out_dir.join(name);
        // Rewriting an unchanged file would make Cargo rebuild the crate for nothing.
        if std::fs::read_to_string(&path).ok().as_deref() != Some(source.as_str()) {
            std::fs::write(&path, source).map_err(|source| Error::Io {
                action: "cannot write",
                path: path.clone(),
                source,
            })?;
        }
        Ok(path)
    }

    /// For `build.rs`: generates into `OUT_DIR` and, on any error, prints it (what, file,
    /// line:column, JSON pointer, what to do) and ends the build script with status 1, so
    /// that the build fails with that message rather than a panic trace.
    ///
    /// The client takes the building crate's name and version (so its doc examples and
    /// `User-Agent` name that crate; `[crate]` in the settings file does not apply, a change in
    /// code does), and the file is `OUT_DIR/<crate name>.rs`: include it with
    /// `include!(concat!(env!("OUT_DIR"), "/", env!("CARGO_CRATE_NAME"), ".rs"));`.
    pub fn build_script(&self) -> PathBuf {
        let building = |mut settings: Settings| {
            if let Ok(name) = std::env::var("CARGO_PKG_NAME") {
                settings.krate.name = Some(name);
            }
            if let Ok(version) = std::env::var("CARGO_PKG_VERSION") {
                settings.krate.version = Some(version);
            }
            settings
        };
        let out_dir = std::env::var_os("OUT_DIR").map(PathBuf::from);
        let manifest =
            std::env::var_os("CARGO_MANIFEST_DIR").map(|dir| PathBuf::from(dir).join("Cargo.toml"));
        let result = match out_dir {
            Some(dir) => self.generate_checked(&dir, manifest.as_deref(), building),
            None => Err(Error::Settings(
                "OUT_DIR is not set: `build_script` runs from a build.rs".to_owned(),
            )),
        };
        match result {
            Ok(path) => path,
            Err(error) => {
                eprintln!("error: apiforge could not generate the client:\n{error}");
                std::process::exit(1);
            }
        }
    }
}

/// Checks that the crate at `manifest` declares every dependency the generated code uses, so
/// that a missing one is one message with the lines to add, not a flood of unresolved imports
/// in a generated file.
///
/// # Errors
///
/// [`Error::Settings`] listing each missing or outdated dependency and the exact lines to add.
pub fn check_manifest(
    manifest: &Path,
    needed: &[crate::emit::deps::Dependency],
) -> Result<(), Error> {
    let text = std::fs::read_to_string(manifest).map_err(|source| Error::Io {
        action: "cannot read",
        path: manifest.to_path_buf(),
        source,
    })?;
    // A manifest Cargo cannot read fails the build with Cargo's own message.
    let Ok(declared) = declared_dependencies(&text) else {
        return Ok(());
    };
    let mut problems = Vec::new();
    for dependency in needed {
        let Some(found) = declared.iter().find(|d| d.name == dependency.name) else {
            problems.push((dependency, format!("`{}` is missing", dependency.name)));
            continue;
        };
        if let Some(version) = &found.version {
            if major(version) != major(dependency.version) {
                problems.push((
                    dependency,
                    format!(
                        "`{}` is {version}; the client needs {}",
                        dependency.name, dependency.version
                    ),
                ));
                continue;
            }
        }
        let missing: Vec<&str> = dependency
            .features
            .iter()
            .copied()
            .filter(|f| !found.features.iter().any(|d| d == f))
            // Any TLS stack of reqwest serves: the client's code is the same on each.
            .filter(|f| {
                let tls = crate::emit::deps::REQWEST_TLS;
                !(dependency.name == "reqwest"
                    && tls.contains(f)
                    && found.features.iter().any(|d| tls.contains(&d.as_str())))
            })
            .collect();
        if !missing.is_empty() {
            problems.push((
                dependency,
                format!(
                    "`{}` lacks the feature{} {} the client uses",
                    dependency.name,
                    if missing.len() == 1 { "" } else { "s" },
                    missing
                        .iter()
                        .map(|f| format!("`{f}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let mut message = format!(
        "{} does not declare what the generated client needs:\n",
        manifest.display()
    );
    for (_, problem) in &problems {
        message.push_str(&format!("  - {problem}\n"));
    }
    message.push_str("add (or change) these lines under [dependencies]:\n\n");
    for (dependency, _) in &problems {
        message.push_str(&dependency.toml_line());
        message.push('\n');
    }
    message.push_str("\n`apiforge deps <SPEC>` prints the whole block.");
    Err(Error::Settings(message))
}

/// A dependency as a manifest declares it.
struct Declared {
    name: String,
    /// Its version requirement, when it gives one.
    version: Option<String>,
    /// The features it turns on.
    features: Vec<String>,
}

/// The dependencies a manifest declares (any `dependencies` table, target-specific ones
/// included), with their version requirement and features.
fn declared_dependencies(manifest: &str) -> Result<Vec<Declared>, toml::de::Error> {
    let manifest: toml::Table = toml::from_str(manifest)?;
    let mut tables: Vec<&toml::Table> = manifest
        .get("dependencies")
        .and_then(toml::Value::as_table)
        .into_iter()
        .collect();
    if let Some(targets) = manifest.get("target").and_then(toml::Value::as_table) {
        tables.extend(
            targets
                .values()
                .filter_map(|target| target.get("dependencies")?.as_table()),
        );
    }
    let mut found = Vec::new();
    for table in tables {
        for (name, spec) in table {
            let (version, features) = match spec {
                toml::Value::String(version) => (Some(version.clone()), Vec::new()),
                toml::Value::Table(spec) => (
                    spec.get("version")
                        .and_then(toml::Value::as_str)
                        .map(str::to_owned),
                    spec.get("features")
                        .and_then(toml::Value::as_array)
                        .map(|list| {
                            list.iter()
                                .filter_map(toml::Value::as_str)
                                .map(str::to_owned)
                                .collect()
                        })
                        .unwrap_or_default(),
                ),
                _ => (None, Vec::new()),
            };
            // `package = "..."` renames a dependency: the crate is known by its key.
            found.push(Declared {
                name: name.clone(),
                version,
                features,
            });
        }
    }
    Ok(found)
}

/// The part of a version requirement that must match for two versions to be compatible:
/// the major version, or the minor one below 1.0 (`0.13`).
fn major(requirement: &str) -> String {
    let digits = requirement.trim_start_matches(|c: char| !c.is_ascii_digit());
    let mut parts = digits.split('.');
    match parts.next() {
        Some("0") => format!("0.{}", parts.next().unwrap_or_default()),
        Some(major) => major.to_owned(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_one_includable_file_and_reports_spec_errors_with_their_location() {
        let dir = tempfile::tempdir().unwrap();
        let spec = dir.path().join("api.yaml");
        std::fs::write(&spec, "openapi: 3.0.3\ninfo: {title: Tiny API, version: 1.0.0}\npaths:\n  /ping:\n    get:\n      responses:\n        '204': {description: pong}\n").unwrap();
        let path = Generator::new()
            .spec_path(&spec)
            .generate_to(dir.path())
            .unwrap();
        assert_eq!(path, dir.path().join("tiny_api.rs"));
        let source = std::fs::read_to_string(&path).unwrap();
        assert!(syn::parse_file(&source).is_ok());
        assert!(
            !source.contains("#!["),
            "an included file cannot have inner attributes at its top"
        );
        assert!(source.contains("pub mod ping {"), "modules are inline");

        std::fs::write(&spec, "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a/{id}:\n    get:\n      responses: {'200': {description: ok}}\n").unwrap();
        let error = Generator::new()
            .spec_path(&spec)
            .generate_to(dir.path())
            .unwrap_err()
            .to_string();
        assert!(error.contains("declares no path parameter `id`"), "{error}");
        assert!(error.contains("api.yaml:5:5"), "line and column: {error}");
        assert!(
            error.contains("at #/paths/~1a~1{id}/get"),
            "pointer: {error}"
        );
        assert!(
            Generator::default().generate_to(dir.path()).is_err(),
            "no spec path"
        );
    }

    #[test]
    fn a_manifest_without_the_client_dependencies_gets_one_message_with_the_lines_to_add() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("Cargo.toml");
        std::fs::write(
            &manifest,
            "[package]\nname = \"x\"\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nreqwest = { version = \"0.12\", default-features = false }\nthiserror = \"2\"\n\n[dependencies.tokio]\nversion = \"1\"\nfeatures = [\"time\"]\n",
        )
        .unwrap();
        let needed = crate::emit::deps::for_build_script(crate::emit::deps::DEPENDENCIES);
        let message = check_manifest(&manifest, &needed).unwrap_err().to_string();
        assert!(message.contains("  - `base64` is missing\n"), "{message}");
        // rustls is only for a generated crate's `rustls-ring` feature.
        assert!(!message.contains("`rustls` is missing"), "{message}");
        assert!(
            message.contains("  - `reqwest` is 0.12; the client needs 0.13\n"),
            "{message}"
        );
        assert!(message.contains("\nreqwest = { version = \"0.13\", default-features = false, features = [\"rustls\", \"stream\"] }\n"), "{message}");
        assert!(
            !message.contains("`serde`")
                && !message.contains("`tokio`")
                && !message.contains("`thiserror`"),
            "{message}"
        );

        std::fs::write(
            &manifest,
            format!(
                "[package]\nname = \"x\"\n\n{}",
                crate::emit::deps::toml_block(&needed)
            ),
        )
        .unwrap();
        assert!(check_manifest(&manifest, &needed).is_ok());
        // Dates need chrono, which this manifest lacks.
        let message = check_manifest(&manifest, &[crate::emit::deps::CHRONO])
            .unwrap_err()
            .to_string();
        assert!(message.contains("`chrono` is missing"), "{message}");
        // The right version without a feature the client uses is named too.
        std::fs::write(
            &manifest,
            "[package]\nname = \"x\"\n\n[target.'cfg(unix)'.dependencies]\nreqwest = { version = \"0.13.2\", features = [\"rustls\"] }\n",
        )
        .unwrap();
        let reqwest: Vec<_> = needed
            .iter()
            .filter(|d| d.name == "reqwest")
            .copied()
            .collect();
        let message = check_manifest(&manifest, &reqwest).unwrap_err().to_string();
        assert!(
            message.contains("  - `reqwest` lacks the feature `stream` the client uses\n"),
            "{message}"
        );
        // Any of reqwest's TLS stacks serves; none at all is named.
        for (features, ok) in [
            (r#"["native-tls", "stream"]"#, true),
            (r#"["rustls-no-provider", "stream"]"#, true),
            (r#"["stream"]"#, false),
        ] {
            std::fs::write(
                &manifest,
                format!("[package]\nname = \"x\"\n\n[dependencies]\nreqwest = {{ version = \"0.13\", default-features = false, features = {features} }}\n"),
            )
            .unwrap();
            let checked = check_manifest(&manifest, &reqwest);
            assert_eq!(checked.is_ok(), ok, "{features}: {checked:?}");
        }
    }

    #[test]
    fn every_file_of_a_split_spec_is_an_input_of_the_build() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/multi_file/redocly/openapi.yaml");
        let settings = Settings::default();
        let mut pipeline = Pipeline::new(&settings);
        let loaded = pipeline.load(&root).unwrap();
        let lowered = pipeline.lower(loaded).unwrap();
        let files = &lowered.inputs[1..];
        assert_eq!(lowered.inputs[0], root);
        assert!(files.len() >= 5, "{files:?}");
        assert!(files.iter().all(|f| f.is_file() && f != &root), "{files:?}");
        assert!(
            files.iter().any(|f| f.to_string_lossy().contains("paths")),
            "{files:?}"
        );
    }

    #[test]
    fn settings_come_from_the_file_beside_the_spec_then_from_code() {
        let dir = tempfile::tempdir().unwrap();
        let spec = dir.path().join("api.yaml");
        std::fs::write(
            &spec,
            "openapi: 3.0.3\ninfo: {title: Tiny API, version: 1.0.0}\npaths: {}\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("apiforge.toml"),
            "[crate]\nname = \"from-file\"\n[client]\nidempotency-header = \"x-key\"\n",
        )
        .unwrap();
        let keep = |settings| settings;
        let (file, settings) = Generator::new().settings_for(&spec, keep).unwrap();
        assert_eq!(file, Some(dir.path().join("apiforge.toml")));
        assert_eq!(settings.krate.name.as_deref(), Some("from-file"));
        let path = Generator::new()
            .spec_path(&spec)
            .generate_to(dir.path())
            .unwrap();
        assert_eq!(path, dir.path().join("from_file.rs"));
        // Code changes what the file says, and keeps the rest.
        let generator = Generator::new().settings(|s| s.crate_name("from-code"));
        let (_, settings) = generator.settings_for(&spec, keep).unwrap();
        assert_eq!(settings.krate.name.as_deref(), Some("from-code"));
        // What the building crate decides comes between the two.
        let building = |settings: Settings| settings.crate_name("building").crate_version("9.0.0");
        let (_, settings) = Generator::new().settings_for(&spec, building).unwrap();
        assert_eq!(settings.krate.name.as_deref(), Some("building"));
        let (_, settings) = generator.settings_for(&spec, building).unwrap();
        assert_eq!(settings.krate.name.as_deref(), Some("from-code"));
        assert_eq!(settings.krate.version.as_deref(), Some("9.0.0"));
        assert_eq!(settings.client.idempotency_header.as_deref(), Some("x-key"));
        // Another settings file replaces the one beside the spec.
        let other = dir.path().join("other.toml");
        std::fs::write(&other, "[crate]\nname = \"other\"\n").unwrap();
        let (file, settings) = Generator::new()
            .config_path(&other)
            .settings_for(&spec, keep)
            .unwrap();
        assert_eq!(file, Some(other));
        assert_eq!(settings.krate.name.as_deref(), Some("other"));
        assert_eq!(settings.client.idempotency_header, None);
    }
}
