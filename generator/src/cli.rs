//! The `apiforge` command line: argument parsing, messages and exit codes.
//!
//! Exit codes are a contract scripts rely on: 0 success, 1 `--check` found differences (or
//! `diff` found a breaking change), 2 bad input (an invalid spec, unusable settings, an output
//! that may not be replaced).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::{output, Error, Pipeline, Settings};

/// Generates typed Rust client crates from OpenAPI 3.0 and 3.1 documents.
#[derive(Debug, Parser)]
#[command(name = "apiforge", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Generates a client crate from SPEC into --out.
    Generate(GenerateArgs),
    /// Prints a Markdown changelog of the API changes from OLD to NEW, breaking changes marked;
    /// exits 1 when any change is breaking, 0 otherwise.
    Diff(DiffArgs),
    /// Prints the `[dependencies]` block a generated client needs, for a crate that generates
    /// its client in build.rs: SPEC's (chrono only when it has dates), else every one a client
    /// may need.
    Deps(DepsArgs),
}

#[derive(Debug, clap::Args)]
struct DepsArgs {
    /// The OpenAPI document whose client is meant (its `apiforge.toml` is read too).
    spec: Option<PathBuf>,
    /// The settings file [default: apiforge.toml beside SPEC, if there is one].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct DiffArgs {
    /// The spec before the change.
    old: PathBuf,
    /// The spec after the change.
    new: PathBuf,
    /// The generated crate's current version, for the suggested bump [default: OLD's info.version if semver, else 0.1.0].
    #[arg(long, value_name = "VERSION")]
    crate_version: Option<String>,
    /// The settings file for both specs [default: the apiforge.toml beside each spec, if
    /// there is one], read as `generate` reads it, so the changes are those of the client.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct GenerateArgs {
    /// The OpenAPI document (YAML or JSON).
    spec: PathBuf,
    /// The directory of the generated crate; replaced as a whole, atomically.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Writes nothing; exits 1 and prints a unified diff if DIR differs from what would be
    /// generated (and, on stderr, the files that would be added, changed, overwritten, removed).
    #[arg(long)]
    check: bool,
    /// The crate's package name [default: the spec's title in kebab-case].
    #[arg(long, value_name = "NAME")]
    crate_name: Option<String>,
    /// The crate's version [default: the spec's info.version if it is semver, else 0.1.0].
    #[arg(long, value_name = "VERSION")]
    crate_version: Option<String>,
    /// A directory of templates that replace the built-in ones of the same name.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Writes into a non-empty directory that apiforge did not create, and overwrites files
    /// apiforge did not write; each one overwritten is named on stderr. Other files are kept.
    #[arg(long)]
    force: bool,
    /// The request header carrying idempotency keys (Chargebee: chargebee-idempotency-key);
    /// calls that change data are then retried safely with one key per call.
    #[arg(long, value_name = "HEADER")]
    idempotency_header: Option<String>,
    /// Fails (exit 2) when an operation uses something apiforge cannot express, instead of
    /// leaving the operation out with a warning.
    #[arg(long)]
    strict: bool,
    /// The settings file [default: apiforge.toml beside SPEC, if there is one]; flags given
    /// here override its values.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Generate(args) => generate_command(&args),
        Command::Diff(args) => diff_command(&args),
        Command::Deps(args) => deps_command(&args),
    }
}

/// The settings for `spec`: the file given with `--config`, else the `apiforge.toml` beside
/// the spec, else the defaults.
fn settings_for(spec: &Path, config: Option<&Path>) -> Result<Settings, Error> {
    match config {
        Some(path) => Settings::from_file(path),
        None => Settings::for_spec(spec),
    }
}

fn deps_command(args: &DepsArgs) -> ExitCode {
    use crate::emit::deps;
    let needed = match &args.spec {
        None => deps::every(),
        Some(spec) => {
            let api = settings_for(spec, args.config.as_deref()).and_then(|settings| {
                let mut pipeline = Pipeline::new(&settings);
                let loaded = pipeline.load(spec)?;
                Ok(pipeline.lower(loaded)?.api)
            });
            match api {
                Ok(api) => deps::for_api(&api),
                Err(error) => return fail(&error),
            }
        }
    };
    print!("{}", deps::toml_block(&deps::for_build_script(&needed)));
    ExitCode::SUCCESS
}

fn diff_command(args: &DiffArgs) -> ExitCode {
    let changelog = settings_for(&args.old, args.config.as_deref()).and_then(|old| {
        let new = settings_for(&args.new, args.config.as_deref())?;
        crate::diff_specs((&args.old, &old), (&args.new, &new))
    });
    let changelog = match changelog {
        Ok(changelog) => changelog,
        Err(error) => return fail(&error),
    };
    let version = args
        .crate_version
        .as_deref()
        .unwrap_or(&changelog.old_version);
    let current = semver::Version::parse(version).unwrap_or_else(|_| semver::Version::new(0, 1, 0));
    print!("{}", changelog.to_markdown(&current));
    if changelog.breaking_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

impl GenerateArgs {
    /// The settings file's settings with the flags given here over them.
    fn settings(&self) -> Result<Settings, Error> {
        let mut settings = settings_for(&self.spec, self.config.as_deref())?;
        if let Some(name) = &self.crate_name {
            settings = settings.crate_name(name);
        }
        if let Some(version) = &self.crate_version {
            settings = settings.crate_version(version);
        }
        if let Some(dir) = &self.templates {
            settings = settings.templates(dir);
        }
        if let Some(header) = &self.idempotency_header {
            settings = settings.idempotency_header(header);
        }
        if self.strict {
            settings = settings.strict(true);
        }
        Ok(settings)
    }
}

fn generate_command(args: &GenerateArgs) -> ExitCode {
    let generated = args
        .settings()
        .and_then(|settings| Pipeline::new(&settings).generate(&args.spec));
    let generated = match generated {
        Ok(generated) => generated,
        Err(error) => return fail(&error),
    };
    for warning in &generated.warnings {
        eprintln!("warning: {warning}");
    }
    if args.check {
        return match output::compare(&args.out, &generated.files) {
            Ok(output::Comparison { diff: None, .. }) => {
                eprintln!(
                    "{} is up to date with {}",
                    args.out.display(),
                    args.spec.display()
                );
                ExitCode::SUCCESS
            }
            Ok(output::Comparison {
                diff: Some(diff),
                report,
            }) => {
                print!("{diff}");
                for line in report.pending() {
                    eprintln!("{line}");
                }
                eprintln!(
                    "{} is stale: regenerate it with `apiforge generate {} --out {}`",
                    args.out.display(),
                    args.spec.display(),
                    args.out.display()
                );
                ExitCode::from(1)
            }
            Err(error) => fail(&error),
        };
    }
    match output::write(&args.out, &generated.files, args.force) {
        Ok(report) => {
            for path in &report.overwritten {
                eprintln!("overwrote your {path} (not generated by apiforge)");
            }
            eprintln!("{}", report.summary(&args.out));
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

fn fail(error: &Error) -> ExitCode {
    eprintln!("error: {error}");
    ExitCode::from(2)
}
