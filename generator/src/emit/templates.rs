//! The minijinja templates: built in from `generator/templates/` (inside the package, so that
//! `cargo package` and `cargo install` ship them; the repository's `templates/` is a symlink to
//! it), each replaceable by a file of the same name in a user's `--templates` directory.

use std::path::{Path, PathBuf};

use minijinja::{Environment, UndefinedBehavior};

use super::text;
use crate::Error;

/// The built-in templates, embedded at compile time.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "Cargo.toml.j2",
        include_str!("../../templates/Cargo.toml.j2"),
    ),
    ("README.md.j2", include_str!("../../templates/README.md.j2")),
    (
        "docs_index.md.j2",
        include_str!("../../templates/docs_index.md.j2"),
    ),
    (
        "operation.md.j2",
        include_str!("../../templates/operation.md.j2"),
    ),
    ("macros.j2", include_str!("../../templates/macros.j2")),
];

/// The template sources in use, and which files they were read from.
#[derive(Debug, Clone)]
pub struct Templates {
    sources: Vec<(&'static str, String)>,
    /// Override files that were read (for `cargo:rerun-if-changed`).
    pub read_from: Vec<PathBuf>,
}

impl Templates {
    /// The built-in templates, with any same-named file in `dir` taking precedence.
    pub fn load(dir: Option<&Path>) -> Result<Self, Error> {
        let mut sources = Vec::new();
        let mut read_from = Vec::new();
        if let Some(dir) = dir {
            if !dir.is_dir() {
                return Err(Error::Settings(format!(
                    "templates directory {} does not exist",
                    dir.display()
                )));
            }
        }
        for (name, built_in) in BUILT_IN {
            let override_path = dir.map(|d| d.join(name)).filter(|p| p.is_file());
            let source = match &override_path {
                Some(path) => {
                    let source = std::fs::read_to_string(path).map_err(|source| Error::Io {
                        action: "cannot read template",
                        path: path.clone(),
                        source,
                    })?;
                    read_from.push(path.clone());
                    source
                }
                None => (*built_in).to_owned(),
            };
            sources.push((*name, source));
        }
        Ok(Self { sources, read_from })
    }

    /// An environment with every template compiled once, to render many pages with.
    pub fn renderer(&self) -> Result<Renderer<'_>, Error> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_keep_trailing_newline(true);
        env.add_filter("md", |s: &str| text::markdown(s));
        env.add_filter("cell", |s: &str| text::table_cell(s));
        env.add_filter("first_line", |s: &str| text::first_line(s));
        env.add_filter("toml", |s: &str| {
            serde_json::to_string(s).unwrap_or_default()
        });
        for (template_name, source) in &self.sources {
            env.add_template(template_name, source)
                .map_err(|e| template_error(template_name, &e))?;
        }
        Ok(Renderer { env })
    }
}

/// Compiled templates.
pub struct Renderer<'s> {
    env: Environment<'s>,
}

impl Renderer<'_> {
    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &serde_json::Value) -> Result<String, Error> {
        self.render_value(name, &minijinja::Value::from_serialize(context))
    }

    /// Renders template `name` with a context already converted for minijinja (cheap to
    /// clone, so that parts shared by many pages are converted once).
    pub fn render_value(&self, name: &str, context: &minijinja::Value) -> Result<String, Error> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| template_error(name, &e))?;
        template
            .render(context)
            .map_err(|e| template_error(name, &e))
    }
}

fn template_error(name: &str, error: &minijinja::Error) -> Error {
    let mut message = error.to_string();
    if let Some(line) = error.line() {
        message.push_str(&format!(" (line {line})"));
    }
    Error::Template {
        name: name.to_owned(),
        message,
    }
}
