//! The crate's Markdown docs, README and Cargo.toml, rendered from templates.
//!
//! Templates see a plain context built here from the IR: the facts a reader needs (types as
//! text, constraints in words, the usage example), so templates stay logic-free and users
//! can restyle them with `--templates` without knowing the IR. The context's types, in
//! [`context`], are the reference for those templates.

mod api;
pub mod context;
mod operation;
#[cfg(test)]
mod tests;
mod words;

use minijinja::Value;

use super::templates::Templates;
use super::{CrateInfo, Files};
use crate::ir::Api;
use crate::Error;
use context::PagesContext;

/// Emits `Cargo.toml`, `README.md`, `docs/index.md` and `docs/<operation>.md`.
pub fn emit(api: &Api, krate: &CrateInfo, templates: &Templates) -> Result<Files, Error> {
    // Each operation's context is converted for minijinja as soon as it is built: the typed
    // and minijinja forms of every operation are never all held at once.
    let mut pages: Option<PagesContext> = None;
    let mut doc_files = Vec::with_capacity(api.operations.len());
    let operations: Vec<Value> = api
        .operations
        .iter()
        .map(|op| {
            let op = operation::operation(api, krate, op);
            // The README shows the stream of pages of the first operation that has one.
            if let (None, Some(pagination)) = (&pages, &op.pagination) {
                pages = Some(PagesContext {
                    op: op.rust_method.clone(),
                    method: format!("{}::{}", op.owner, pagination.method),
                    module: op.group.clone(),
                    request_type: op.request_type.clone(),
                    example: pagination.example.clone(),
                });
            }
            let value = Value::from_serialize(&op);
            doc_files.push(op.doc_file);
            value
        })
        .collect();
    let dependencies: Vec<String> = super::deps::for_api(api)
        .iter()
        .map(super::deps::Dependency::toml_line)
        .chain(krate.user_dependencies.iter().cloned())
        .collect();
    let context = super::render::Context {
        krate: Value::from_serialize(krate),
        dependencies: Value::from_serialize(dependencies),
        api: Value::from_serialize(api::info(api)),
        servers: Value::from_serialize(api::servers(api)),
        auth: Value::from_serialize(api::auth(api)),
        common: Value::from_serialize(api::common(api, krate)),
        modules: Value::from_serialize(api::modules(api)),
        pages: Value::from_serialize(pages),
        operations,
        features: Value::from_serialize(api::features(api)),
        tls: Value::from_serialize(super::deps::TLS_FEATURES),
    };
    super::render::render(&templates.renderer()?, context, &doc_files)
}

/// Collapses the runs of blank lines that conditional template blocks leave behind, so that
/// templates can stay readable without whitespace-control noise.
pub(super) fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank_lines = 0;
    let mut in_fence = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if line.trim().is_empty() && !in_fence {
            blank_lines += 1;
            if blank_lines > 1 {
                continue;
            }
        } else {
            blank_lines = 0;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let trimmed = out.trim_end();
    format!("{trimmed}\n")
}
