//! Lowering the `openapiv3` model into the IR: resolving `$ref`s, naming inline types,
//! checking what the model cannot check (path templates, server variables, duplicates).
//!
//! One module per concern: [`servers`], [`auth`], [`operations`] (and their parameters),
//! [`bodies`] (request bodies and responses), [`schemas`], [`objects`], [`unions`],
//! [`webhooks`], [`pagination`]; [`refs`] follows `$ref`s for all of them. After the
//! traversal, whole-API passes run over the types: [`dedup`] (one type per shape), then
//! [`open_enums`], then [`cycles`]; [`Types`] finally orders them by name.

mod auth;
mod bodies;
mod customize;
mod cycles;
mod dedup;
mod dedup_names;
#[cfg(test)]
mod dedup_tests;
mod draft;
mod enum_docs;
mod eq_hash;
mod extra_fields;
mod grouping;
mod media;
mod objects;
mod open_enums;
mod operations;
mod pagination;
#[cfg(test)]
mod pagination_tests;
mod presence;
mod reach;
mod refs;
mod schemas;
mod servers;
#[cfg(test)]
mod streams_tests;
#[cfg(test)]
mod tests;
mod unions;
#[cfg(test)]
mod unions_tests;
mod webhooks;

use std::collections::{BTreeSet, HashMap};

use openapiv3::{OpenAPI, ReferenceOr, Schema};

use super::names::Scope;
use super::{Api, Constraints, Field, StringFormat, TypeDef, TypeRef, Types};
use crate::diagnostic::{Diagnostic, Warning};
use crate::load::Loaded;
use crate::settings::Settings;
use cycles::mark_boxed_fields;
use dedup::merge_identical;
use open_enums::mark_open_enums;

pub(super) use draft::{ApiDraft, OperationDraft};

/// How many `$ref` hops a chain may take before it is called a loop.
const MAX_REF_HOPS: usize = 64;

/// How deeply inline schemas may nest; deeper specs are refused rather than risking the stack.
const MAX_SCHEMA_DEPTH: usize = 128;

/// Lowers a loaded spec with `settings`, then makes every per-operation decision (request
/// structs, shared error enums, common parameters, retry class) once, for every backend to
/// read. What had to be worked around is appended to `warnings`, its pointers as the IR sees
/// the bundled document.
pub fn lower_api(
    loaded: &Loaded,
    settings: &Settings,
    warnings: &mut Vec<Warning>,
) -> Result<Api, Diagnostic> {
    let mut skipped = Vec::new();
    let draft = lower_skipping(loaded, settings, warnings, &mut skipped)?;
    if settings.generator.strict {
        if let Some(first) = skipped.into_iter().next() {
            let help = first
                .help
                .clone()
                .map_or_else(String::new, |h| format!("{h}; "));
            return Err(first.with_help(format!(
                "{help}without --strict, the operation is left out with a warning"
            )));
        }
    }
    Ok(super::decide::decide(draft, settings))
}

/// Lowers a loaded spec into the IR, appending what had to be worked around to `warnings`.
/// [`lower_skipping`], then the decisions with default options, for tests that expect every
/// operation to lower.
#[cfg(test)]
pub fn lower(loaded: &Loaded, warnings: &mut Vec<Warning>) -> Result<Api, Diagnostic> {
    let draft = lower_skipping(loaded, &Settings::default(), warnings, &mut Vec::new())?;
    Ok(super::decide::decide(draft, &Settings::default()))
}

/// Lowers a loaded spec, leaving out each operation that uses something apiforge cannot express; what
/// stopped each one is added to `skipped`. What is left to decide is decided by `ir::decide`.
pub(super) fn lower_skipping(
    loaded: &Loaded,
    settings: &Settings,
    warnings: &mut Vec<Warning>,
    skipped: &mut Vec<Diagnostic>,
) -> Result<ApiDraft, Diagnostic> {
    let mut lowerer = Lowerer {
        loaded,
        doc: &loaded.document,
        types: Vec::new(),
        type_scope: Scope::new(),
        memo: HashMap::new(),
        slots: HashMap::new(),
        warnings: Vec::new(),
        skipped: Vec::new(),
        settings,
    };
    let api = lowerer.api()?;
    warnings.append(&mut lowerer.warnings);
    skipped.append(&mut lowerer.skipped);
    Ok(api)
}

struct Lowerer<'a> {
    loaded: &'a Loaded,
    doc: &'a OpenAPI,
    types: Vec<TypeDef>,
    /// Type names are unique crate-wide so that modules can import each other freely.
    type_scope: Scope,
    /// Schemas already lowered, by the JSON pointer of their definition: a schema reached
    /// through several `$ref`s becomes one type.
    memo: HashMap<String, TypeRef>,
    /// The property or parameter name each schema was found under, by the JSON pointer of
    /// the schema: what a merged type is named for ([`dedup`]).
    slots: HashMap<String, String>,
    warnings: Vec<Warning>,
    /// Operations left out, and why.
    skipped: Vec<Diagnostic>,
    /// What the settings decide for the IR (date types, unknown fields).
    settings: &'a Settings,
}

/// A schema as found in a property, items or parameter: a reference or inline.
#[derive(Clone, Copy)]
enum SchemaRef<'s> {
    Ref(&'s str),
    Inline(&'s Schema),
}

impl<'s> From<&'s ReferenceOr<Schema>> for SchemaRef<'s> {
    fn from(r: &'s ReferenceOr<Schema>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

impl<'s> From<&'s ReferenceOr<Box<Schema>>> for SchemaRef<'s> {
    fn from(r: &'s ReferenceOr<Box<Schema>>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

/// A lowered schema with what its use site needs to know.
struct Lowered {
    ty: TypeRef,
    nullable: bool,
    description: Option<String>,
    deprecated: bool,
    constraints: Constraints,
}

impl<'a> Lowerer<'a> {
    fn error(&self, at: &str, message: impl Into<String>) -> Diagnostic {
        self.loaded.diagnostic(at, message)
    }

    fn warn(&mut self, at: &str, message: impl Into<String>) {
        self.warnings.push(Warning {
            pointer: at.to_owned(),
            message: message.into(),
        });
    }

    /// Records that the schema at `at` is found under the property or parameter `name`.
    fn slot(&mut self, at: &str, name: &str) {
        self.slots.insert(at.to_owned(), name.to_owned());
    }

    fn api(&mut self) -> Result<ApiDraft, Diagnostic> {
        let doc = self.doc;
        let (servers, server_variables) = self.servers()?;
        let auth = self.auth();
        let mut operations = self.operations()?;
        let (mut webhooks, webhook_discriminator) = self.webhooks()?;
        let webhook_auth = self.webhook_auth(&webhooks)?;
        customize::rename_operations(&self.settings.rename.operations, &mut operations)?;
        let replaced = customize::replace_types(doc, self.settings, &mut self.types, &operations)?;
        // Names a merged type must not take: the server variables' enums, the request
        // and success types `ir::decide` names after each operation, and replaced types.
        let reserved: BTreeSet<String> = server_variables
            .iter()
            .map(|v| v.type_ident.clone())
            .filter(|ident| !ident.is_empty())
            .chain(operations.iter().flat_map(|op| {
                ["Request", "Success", "Error"].map(|suffix| format!("{}{suffix}", op.type_ident))
            }))
            .chain(replaced.iter().map(|r| r.ident.clone()))
            .collect();
        merge_identical(
            &mut self.types,
            &self.slots,
            &reserved,
            &mut operations,
            &mut webhooks,
        );
        customize::rename_types(
            &self.settings.rename.types,
            &mut self.types,
            &reserved,
            &mut operations,
            &mut webhooks,
        )?;
        let overlaps = unions::overlap_warnings(&self.types);
        self.warnings.extend(overlaps);
        let received: Vec<&TypeRef> = operations
            .iter()
            .flat_map(|op| op.responses.iter().filter_map(|r| r.body.as_ref()))
            .chain(webhooks.iter().filter_map(|w| w.payload.as_ref()))
            .collect();
        mark_open_enums(&mut self.types, &received);
        extra_fields::keep_unknown_fields(
            self.settings.types.unknown_fields,
            &mut self.types,
            &received,
            &operations,
        );
        enum_docs::trim_value_lists(&mut self.types, &mut operations);
        mark_boxed_fields(&mut self.types);
        presence::mark_tristate_fields(&mut self.types, &mut operations);
        let replaced_idents: Vec<&str> = replaced.iter().map(|r| r.ident.as_str()).collect();
        eq_hash::mark_eq_hash(&mut self.types, &replaced_idents);
        customize::add_derives(&self.settings.derive, &mut self.types)?;
        let types = Types::new(std::mem::take(&mut self.types));
        self.paginate(&mut operations, &types)?;
        Ok(ApiDraft {
            title: doc.info.title.clone(),
            version: doc.info.version.clone(),
            description: doc.info.description.clone(),
            servers,
            server_variables,
            auth,
            operations,
            types,
            webhooks,
            webhook_discriminator,
            webhook_auth,
            docs_host: docs_host(doc),
            replaced,
        })
    }
}

/// The origin of the API's documentation: of `externalDocs.url`, else `info.termsOfService`,
/// else `info.contact.url`, the first that is an `http(s)` URL.
fn docs_host(doc: &OpenAPI) -> Option<String> {
    let contact = doc.info.contact.as_ref().and_then(|c| c.url.as_deref());
    [
        doc.external_docs.as_ref().map(|d| d.url.as_str()),
        doc.info.terms_of_service.as_deref(),
        contact,
    ]
    .into_iter()
    .flatten()
    .find_map(origin)
}

/// `https://host[:port]` of an `http(s)` URL.
fn origin(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    (!host.is_empty() && !host.contains(char::is_whitespace))
        .then(|| format!("{}{host}", &url[..url.len() - rest.len()]))
}

fn field(name: &str, ident: String, required: bool, lowered: Lowered) -> Field {
    Field {
        name: name.to_owned(),
        ident,
        description: lowered.description,
        required,
        nullable: lowered.nullable,
        // Decided once every use of the type is known (`presence`).
        tristate: false,
        deprecated: lowered.deprecated,
        ty: lowered.ty,
        boxed: false,
        constraints: lowered.constraints,
    }
}

fn plain_string() -> Lowered {
    Lowered {
        ty: TypeRef::String(StringFormat::Plain),
        nullable: false,
        description: None,
        deprecated: false,
        constraints: Constraints::default(),
    }
}

/// The `{names}` of a template, in order.
fn template_names(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        names.push(rest[start + 1..start + len].to_owned());
        rest = &rest[start + len + 1..];
    }
    names
}

/// The media type without parameters, lowercased.
fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}
