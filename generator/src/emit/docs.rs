//! The crate's Markdown docs, README and Cargo.toml, rendered from templates.
//!
//! Templates see a plain JSON context built here from the IR: the facts a reader needs
//! (types as text, constraints in words, the usage example), so templates stay logic-free
//! and users can restyle them with `--templates` without knowing the IR.

use serde_json::{json, Value};

use super::rust::usage_example;
use super::templates::Templates;
use super::{CrateInfo, Files};
use crate::ir::{
    Api, Constraints, Field, Operation, ParamLocation, Parameter, Retry, Status, StringFormat,
    TypeKind, TypeRef,
};
use crate::Error;

/// Emits `Cargo.toml`, `README.md`, `docs/index.md` and `docs/<operation>.md`.
pub fn emit(api: &Api, krate: &CrateInfo, templates: &Templates) -> Result<Files, Error> {
    let operations: Vec<Value> = api
        .operations
        .iter()
        .map(|op| operation(api, krate, op))
        .collect();
    let context: Value = json!({
        "krate": krate,
        "dependencies": super::deps::DEPENDENCIES.iter().map(super::deps::Dependency::toml_line).collect::<Vec<_>>(),
        "api": {
            "title": api.title,
            "version": api.version,
            "description": api.description,
        },
        "servers": servers(api),
        "auth": auth(api),
        "operations": operations,
    });
    let renderer = templates.renderer()?;
    let mut files = Files::new();
    files.insert(
        "Cargo.toml".into(),
        renderer.render("Cargo.toml.j2", &context)?,
    );
    files.insert(
        "README.md".into(),
        tidy(&renderer.render("README.md.j2", &context)?),
    );
    files.insert(
        "docs/index.md".into(),
        tidy(&renderer.render("docs_index.md.j2", &context)?),
    );
    // A page needs its operation, not all of them: cloning the whole context per page made
    // large specs quadratic.
    let mut page_context = json!({
        "krate": context["krate"],
        "api": context["api"],
        "servers": context["servers"],
        "auth": context["auth"],
        "op": Value::Null,
    });
    if let Value::Array(operations) = &context["operations"] {
        for op in operations {
            page_context["op"] = op.clone();
            let file = op["doc_file"].as_str().unwrap_or_default().to_owned();
            files.insert(
                format!("docs/{file}"),
                tidy(&renderer.render("operation.md.j2", &page_context)?),
            );
        }
    }
    Ok(files)
}

/// Collapses the runs of blank lines that conditional template blocks leave behind, so that
/// templates can stay readable without whitespace-control noise.
fn tidy(markdown: &str) -> String {
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

fn servers(api: &Api) -> Value {
    let variables: Vec<Value> = api
        .server_variables
        .iter()
        .map(|v| {
            json!({
                "name": v.name,
                "field": v.field,
                "default": v.default,
                "values": v.values.iter().map(|x| x.value.clone()).collect::<Vec<_>>(),
                "description": v.description,
            })
        })
        .collect();
    json!({
        "list": api.servers.iter().map(|s| json!({
            "ident": s.ident,
            "url": s.url,
            "description": s.description,
            "has_variables": !s.variables.is_empty(),
        })).collect::<Vec<_>>(),
        "variables": variables,
    })
}

/// How the API authenticates (`kind`, `description`, `rust`; each scheme in `schemes`).
fn auth(api: &Api) -> Value {
    super::rust::security::docs(api)
}

fn operation(api: &Api, krate: &CrateInfo, op: &Operation) -> Value {
    let params_in = |location: ParamLocation| -> Vec<Value> {
        op.params
            .iter()
            .filter(|p| p.location == location)
            .map(|p| parameter(api, p))
            .collect()
    };
    let body = op.body.as_ref().map(|body| {
        json!({
            "media_type": body.media_type,
            "required": body.required,
            "description": body.description,
            "fields": body.fields.iter().map(|f| field(api, f)).collect::<Vec<_>>(),
        })
    });
    let responses: Vec<Value> = op
        .responses
        .iter()
        .map(|r| {
            json!({
                "status": r.status.key(),
                "success": r.status.is_success(),
                "description": r.description,
                "type": r.body.as_ref().map(TypeRef::rust_name),
                "variant": (!r.status.is_success()).then(|| format!("{}::{}", op.errors, r.variant)),
            })
        })
        .collect();
    let success = op.success_responses().find_map(|r| r.body.as_ref());
    let success_type = match &op.success {
        crate::ir::Success::Enum { ident } => ident.clone(),
        crate::ir::Success::Body { ty } => ty
            .as_ref()
            .map_or_else(|| "()".to_owned(), TypeRef::rust_name),
    };
    let success_fields: Vec<Value> = match success {
        Some(TypeRef::Named(name)) => match api.type_def(name).map(|t| &t.kind) {
            Some(TypeKind::Struct { fields, .. }) => fields.iter().map(|f| field(api, f)).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    json!({
        "id": op.id,
        "ident": op.ident,
        "group": op.group,
        "doc_file": format!("{}.md", op.ident),
        "method": op.method.as_str(),
        "path": op.path,
        "summary": op.summary,
        "title": op.summary.clone().unwrap_or_else(|| op.ident.clone()),
        "description": op.description,
        "deprecated": op.deprecated,
        "path_params": params_in(ParamLocation::Path),
        "query_params": params_in(ParamLocation::Query),
        "header_params": params_in(ParamLocation::Header),
        "cookie_params": params_in(ParamLocation::Cookie),
        "body": body,
        "responses": responses,
        "request_type": op.request.as_ref().map(|r| r.ident.clone()),
        "error_type": op.errors,
        "common_params": op.common_params().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "pages": op.pagination.as_ref().filter(|_| op.request.is_some()).map(|_| op.pages_ident()),
        "success_type": success_type,
        "success_fields": success_fields,
        "signature": signature(op, &success_type),
        "example": usage_example(api, krate, op, super::rust::ExampleForm::Markdown),
        "status_is_default": op.responses.iter().any(|r| r.status == Status::Default),
        "idempotency_header": match &op.retry {
            Retry::WithKey { header } => Some(header.as_str()),
            Retry::Always | Retry::Never => None,
        },
        "retry": match &op.retry {
            Retry::WithKey { .. } => "keyed",
            Retry::Never => "never",
            Retry::Always => "idempotent",
        },
    })
}

fn signature(op: &Operation, success_type: &str) -> String {
    let mut args = vec!["&self".to_owned()];
    args.extend(op.path_params().map(|p| format!("{}: &str", p.ident)));
    if let Some(request) = &op.request {
        args.push(format!("request: &{}", request.ident));
    }
    format!(
        "pub async fn {}({}) -> Result<Response<{success_type}>, Error<{}>>",
        op.ident,
        args.join(", "),
        op.errors
    )
}

fn parameter(api: &Api, p: &Parameter) -> Value {
    let mut constraints = constraint_notes(&p.constraints);
    if p.ty == TypeRef::String(StringFormat::Base64) {
        constraints.push("Base64-encoded by the client".to_owned());
    }
    json!({
        "name": p.name,
        "field": p.ident,
        "required": p.required,
        "deprecated": p.deprecated,
        "description": p.description,
        "type": type_description(api, &p.ty, &p.constraints),
        "rust_type": p.ty.rust_name(),
        "common": api.common.as_ref().filter(|_| p.common).map(|c| format!("{}::{}", c.ident, p.ident)),
        "values": enum_values(api, &p.ty),
        "constraints": constraints,
    })
}

fn field(api: &Api, f: &Field) -> Value {
    // A property given by `$ref` has no description of its own: show its type's.
    let description = f.description.clone().or_else(|| match &f.ty {
        TypeRef::Named(name) => api
            .type_def(name)
            .and_then(|t| t.description.as_deref())
            .map(super::text::first_line),
        _ => None,
    });
    let mut constraints = constraint_notes(&f.constraints);
    if f.nullable {
        constraints.push("may be null".to_owned());
    }
    json!({
        "name": f.name,
        "field": f.ident,
        "required": f.required,
        "deprecated": f.deprecated,
        "description": description,
        "type": type_description(api, &f.ty, &f.constraints),
        "rust_type": f.ty.rust_name(),
        "values": enum_values(api, &f.ty),
        "constraints": constraints,
    })
}

fn enum_values(api: &Api, ty: &TypeRef) -> Vec<String> {
    match ty {
        TypeRef::Named(name) => match api.type_def(name).map(|t| &t.kind) {
            Some(TypeKind::Enum { values, .. }) => values.iter().map(|v| v.value.clone()).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The OpenAPI type in words: `string (email)`, `integer (int64)`, `array of Invoice`.
fn type_description(api: &Api, ty: &TypeRef, constraints: &Constraints) -> String {
    let with_format = |base: &str| match &constraints.format {
        Some(format) => format!("{base} ({format})"),
        None => base.to_owned(),
    };
    match ty {
        TypeRef::String(_) => with_format("string"),
        TypeRef::Integer(_) => with_format("integer"),
        TypeRef::Number => with_format("number"),
        TypeRef::Boolean => "boolean".to_owned(),
        TypeRef::Named(name) => match api.type_def(name).map(|t| &t.kind) {
            Some(TypeKind::Enum { .. }) => "string (enum)".to_owned(),
            _ => format!("object ({name})"),
        },
        TypeRef::Array(inner) => format!(
            "array of {}",
            type_description(api, inner, &Constraints::default())
        ),
        TypeRef::Map(inner) => format!(
            "map of {}",
            type_description(api, inner, &Constraints::default())
        ),
        TypeRef::Any => "any JSON".to_owned(),
    }
}

fn constraint_notes(c: &Constraints) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(min) = c.min_length {
        notes.push(format!("min length {min}"));
    }
    if let Some(max) = c.max_length {
        notes.push(format!("max length {max}"));
    }
    if let Some(min) = c.minimum {
        notes.push(format!("minimum {min}"));
    }
    if let Some(max) = c.maximum {
        notes.push(format!("maximum {max}"));
    }
    if let Some(pattern) = &c.pattern {
        if pattern.chars().count() <= 80 {
            notes.push(format!("pattern `{}`", pattern.replace('`', "'")));
        } else {
            notes.push("must match the pattern given in the spec".to_owned());
        }
    }
    if let Some(default) = &c.default {
        notes.push(format!("default `{}`", default.replace('`', "'")));
    }
    if let Some(example) = &c.example {
        if example.chars().count() <= 80 {
            notes.push(format!("example `{}`", example.replace('`', "'")));
        }
    }
    notes
}
