//! The crate's Markdown docs, README and Cargo.toml, rendered from templates.
//!
//! Templates see a plain JSON context built here from the IR: the facts a reader needs
//! (types as text, constraints in words, the usage example), so templates stay logic-free
//! and users can restyle them with `--templates` without knowing the IR.

use serde_json::{json, Value};

use super::snippets::security::{describe, rust_for};
use super::snippets::{self, usage_example, ExampleForm};
use super::templates::Templates;
use super::{CrateInfo, Files};
use crate::ir::{
    Api, Constraints, Field, Operation, Pagination, ParamLocation, Parameter, Retry, SchemeKind,
    SecurityScheme, Status, StringFormat, Success, TypeKind, TypeRef,
};
use crate::Error;

/// Emits `Cargo.toml`, `README.md`, `docs/index.md` and `docs/<operation>.md`.
pub fn emit(api: &Api, krate: &CrateInfo, templates: &Templates) -> Result<Files, Error> {
    // Each operation's context is converted for minijinja as soon as it is built: the JSON
    // and minijinja forms of every operation are never all held at once.
    let mut pages = Value::Null;
    let mut doc_files = Vec::with_capacity(api.operations.len());
    let operations: Vec<minijinja::Value> = api
        .operations
        .iter()
        .map(|op| {
            let op = operation(api, krate, op);
            // The README shows the stream of pages of the first operation that has one.
            if pages.is_null() && !op["pagination"].is_null() {
                pages = json!({
                    "op": op["ident"],
                    "method": op["pagination"]["method"],
                    "module": op["group"],
                    "request_type": op["request_type"],
                    "example": op["pagination"]["example"],
                });
            }
            doc_files.push(op["doc_file"].as_str().unwrap_or_default().to_owned());
            minijinja::Value::from_serialize(&op)
        })
        .collect();
    let convert = |value: Value| minijinja::Value::from_serialize(&value);
    let context = super::render::Context {
        krate: minijinja::Value::from_serialize(krate),
        dependencies: convert(json!(super::deps::for_api(api)
            .iter()
            .map(super::deps::Dependency::toml_line)
            .collect::<Vec<_>>())),
        api: convert(json!({
            "title": api.title,
            "version": api.version,
            "description": api.description,
        })),
        servers: convert(servers(api)),
        auth: convert(auth(api)),
        common: convert(common(api, krate)),
        modules: minijinja::Value::from_serialize(modules(api)),
        pages: convert(pages),
        operations,
        features: convert(features(api)),
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

/// The docs' `auth` context: how the API authenticates (`kind`, `description`) and the Rust
/// that makes its credentials (`rust`), plus each scheme on its own (`schemes`).
fn auth(api: &Api) -> Value {
    let Some(auth) = &api.auth else {
        return Value::Null;
    };
    let schemes: Vec<Value> = auth
        .schemes
        .iter()
        .map(|scheme| {
            json!({
                "name": scheme.name,
                "kind": describe(scheme),
                "description": scheme.description,
                "rust": rust_for(auth, scheme),
                "scopes": scopes(scheme),
            })
        })
        .collect();
    if let [only] = auth.schemes.as_slice() {
        // The words the docs used before several schemes were supported.
        let kind = match &only.kind {
            SchemeKind::Basic => "HTTP basic".to_owned(),
            SchemeKind::Bearer { .. } => "HTTP bearer token".to_owned(),
            _ => capitalize(&describe(only)),
        };
        return json!({
            "kind": kind,
            "description": only.description,
            "rust": rust_for(auth, only),
            "schemes": schemes,
        });
    }
    let kind = auth
        .schemes
        .iter()
        .map(|s| format!("`{}`: {}", s.name.replace('`', "'"), describe(s)))
        .collect::<Vec<_>>()
        .join("; ");
    let rust = auth
        .schemes
        .iter()
        .map(|s| rust_for(auth, s))
        .collect::<Vec<_>>()
        .join("; ");
    json!({
        "kind": format!("Several schemes, by operation ({kind})"),
        "description": Value::Null,
        "rust": format!("{rust}; several at once with Credentials::and"),
        "schemes": schemes,
    })
}

/// The OAuth2 scopes a scheme documents.
fn scopes(scheme: &SecurityScheme) -> Vec<Value> {
    match &scheme.kind {
        SchemeKind::OAuth2 { flows } => flows
            .iter()
            .flat_map(|f| f.scopes.iter())
            .map(|(name, description)| json!({"name": name, "description": description}))
            .collect(),
        _ => Vec::new(),
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn operation(api: &Api, krate: &CrateInfo, op: &Operation) -> Value {
    let errors = api.error_set(op.errors);
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
    let success_enum = match &op.success {
        Success::Enum { ident } => Some(ident),
        Success::Body { .. } => None,
    };
    let responses: Vec<Value> = op
        .responses
        .iter()
        .map(|r| {
            // The Rust value a response becomes, by its path from the crate root.
            let variant = if r.status.is_success() {
                success_enum.map(|name| format!("{}::{name}::{}", op.group, r.variant))
            } else {
                Some(format!("{}::{}", errors.ident, r.variant))
            };
            // A binary success on its own is a download, read whole or in chunks.
            let ty = if r.status.is_success() && op.downloads() {
                Some("Download".to_owned())
            } else {
                r.body.as_ref().map(rust_path)
            };
            json!({
                "status": r.status.key(),
                "success": r.status.is_success(),
                "description": r.description,
                "type": ty,
                "variant": variant,
            })
        })
        .collect();
    let success = op.success_responses().find_map(|r| r.body.as_ref());
    let success_type = match &op.success {
        Success::Enum { ident } => format!("{}::{ident}", op.group),
        Success::Body { .. } if op.downloads() => "Download".to_owned(),
        Success::Body { ty } => ty.as_ref().map_or_else(|| "()".to_owned(), rust_path),
    };
    let (success_fields_type, success_fields): (Option<String>, Vec<Value>) = match success {
        Some(TypeRef::Named(name)) => match api.type_def(name).map(|t| &t.kind) {
            Some(TypeKind::Struct { fields, .. }) => (
                Some(format!("types::{name}")),
                fields.iter().map(|f| field(api, f)).collect(),
            ),
            _ => (None, Vec::new()),
        },
        _ => (None, Vec::new()),
    };
    let pages = pages(op).map(|pagination| {
        json!({
            "method": op.pages_ident(),
            "param": pagination.param,
            "next_field": pagination.next_field,
            "signature": pages_signature(op, &success_type, &errors.ident),
            "example": pages_example(krate, op),
        })
    });
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
        "request_path": op.request.as_ref().map(|r| format!("{}::{}", op.group, r.ident)),
        "error_type": errors.ident,
        "error_operations": errors.operations.len(),
        "common_params": op.common_params().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "common_type": api.common.as_ref().filter(|_| op.common_params().next().is_some()).map(|c| c.ident.clone()),
        "pages": pages.as_ref().map(|p| p["method"].clone()),
        "pagination": pages,
        "success_type": success_type,
        "success_fields_type": success_fields_type,
        "success_fields": success_fields,
        "signature": signature(op, &success_type, &errors.ident),
        "example": usage_example(api, krate, op, ExampleForm::Markdown),
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

fn signature(op: &Operation, success_type: &str, errors: &str) -> String {
    let mut args = vec!["&self".to_owned()];
    args.extend(op.path_params().map(|p| format!("{}: &str", p.ident)));
    if let Some(request) = &op.request {
        args.push(format!("request: &{}::{}", op.group, request.ident));
    }
    format!(
        "pub async fn {}({}) -> Result<Response<{success_type}>, Error<{errors}>>",
        op.ident,
        args.join(", "),
    )
}

/// The pagination of `op` when its client has the `<op>_pages` method: the same conditions as
/// the Rust emitter's, so the docs never show a method that is not there.
fn pages(op: &Operation) -> Option<&Pagination> {
    let pagination = op.pagination.as_ref()?;
    op.request.as_ref()?;
    let Success::Body { ty: Some(_) } = &op.success else {
        return None;
    };
    op.params
        .iter()
        .any(|p| p.name == pagination.param && !p.common)
        .then_some(pagination)
}

fn pages_signature(op: &Operation, success_type: &str, errors: &str) -> String {
    let mut args = vec!["&'a self".to_owned()];
    args.extend(op.path_params().map(|p| format!("{}: &'a str", p.ident)));
    if let Some(request) = &op.request {
        args.push(format!("request: {}::{}", op.group, request.ident));
    }
    format!(
        "pub fn {}<'a>({}) -> impl futures_util::Stream<Item = Result<Response<{success_type}>, Error<{errors}>>> + 'a",
        op.pages_ident(),
        args.join(", "),
    )
}

/// Reading every page of `op` with `TryStreamExt::try_next`. The request is the caller's, so
/// the example compiles whether or not the request struct has a `Default`.
fn pages_example(krate: &CrateInfo, op: &Operation) -> String {
    let lib = &krate.lib;
    let request = op
        .request
        .as_ref()
        .map(|r| r.ident.clone())
        .unwrap_or_default();
    let mut params = vec!["client: &Client".to_owned()];
    let mut args = Vec::new();
    for p in op.path_params() {
        params.push(format!("{}: &str", p.ident));
        args.push(p.ident.clone());
    }
    params.push(format!("request: {request}"));
    args.push("request".to_owned());
    format!(
        "use futures_util::TryStreamExt;\n\
         use {lib}::Client;\n\
         use {lib}::{group}::{request};\n\
         \n\
         async fn every_page({params}) -> Result<(), Box<dyn std::error::Error>> {{\n\
         \x20   let mut pages = std::pin::pin!(client.{method}({args}));\n\
         \x20   while let Some(page) = pages.try_next().await? {{\n\
         \x20       println!(\"{{page:?}}\");\n\
         \x20   }}\n\
         \x20   Ok(())\n\
         }}",
        group = op.group,
        params = params.join(", "),
        method = op.pages_ident(),
        args = args.join(", "),
    )
}

/// The crate's Cargo features (one per module of operations, `webhooks`), or null when it has
/// none.
fn features(api: &Api) -> Value {
    let names = snippets::features::names(api);
    if names.is_empty() {
        return Value::Null;
    }
    json!({
        "names": names,
        "webhooks": !api.webhooks.is_empty(),
        "example": snippets::features::example(api),
    })
}

/// The API's common parameters: the `CommonParameters` fields, what each is sent as, and how
/// many operations send it.
fn common(api: &Api, krate: &CrateInfo) -> Value {
    let Some(common) = &api.common else {
        return Value::Null;
    };
    let params: Vec<Value> = common
        .params
        .iter()
        .map(|p| {
            let operations = api
                .operations
                .iter()
                .filter(|op| {
                    op.common_params()
                        .any(|q| q.name == p.name && q.location == p.location)
                })
                .count();
            let mut ty = type_description(api, &p.ty, &p.constraints);
            if p.ty == TypeRef::String(StringFormat::Base64) {
                ty.push_str(", Base64-encoded by the client");
            }
            json!({
                "name": p.name,
                "field": p.ident,
                "location": location_name(p.location),
                "type": ty,
                "description": p.description,
                "operations": operations,
            })
        })
        .collect();
    json!({
        "ident": common.ident,
        "params": params,
        "example": common_example(krate, common),
    })
}

/// Setting a common parameter for some calls. The first text parameter is shown, with the
/// spec's example as its value when there is one.
fn common_example(krate: &CrateInfo, common: &crate::ir::CommonParams) -> String {
    let lib = &krate.lib;
    let ident = &common.ident;
    let shown = common
        .params
        .iter()
        .find(|p| p.ty == TypeRef::String(StringFormat::Plain));
    let value = |p: &Parameter| {
        p.constraints
            .example
            .as_deref()
            .and_then(|e| serde_json::from_str::<String>(e).ok())
            .unwrap_or_else(|| "example".to_owned())
    };
    let parameters = match shown {
        Some(p) => format!(
            "{ident} {{\n        {}: Some({:?}.to_owned()),\n        ..{ident}::default()\n    }}",
            p.ident,
            value(p)
        ),
        None => format!("{ident}::default()"),
    };
    format!(
        "use {lib}::{{Client, {ident}}};\n\
         \n\
         fn with_common_parameters(client: &Client) -> Client {{\n\
         \x20   let parameters = {parameters};\n\
         \x20   client.with_common_parameters(&parameters)\n\
         }}"
    )
}

/// The operations by module (sorted), each with the paths of its request and error types.
fn modules(api: &Api) -> Vec<Value> {
    let mut names: Vec<&str> = api.operations.iter().map(|op| op.group.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names
        .into_iter()
        .map(|name| {
            let operations: Vec<Value> = api
                .operations
                .iter()
                .filter(|op| op.group == name)
                .map(|op| {
                    json!({
                        "ident": op.ident,
                        "title": op.summary.clone().unwrap_or_else(|| op.ident.clone()),
                        "doc_file": format!("{}.md", op.ident),
                        "method": op.method.as_str(),
                        "path": op.path,
                        "deprecated": op.deprecated,
                        "request_path": op.request.as_ref().map(|r| format!("{}::{}", op.group, r.ident)),
                        "error_type": api.error_set(op.errors).ident,
                        "pages": pages(op).map(|_| op.pages_ident()),
                    })
                })
                .collect();
            json!({ "name": name, "operations": operations })
        })
        .collect()
}

fn location_name(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

/// A type as the generated code names it from the crate root: models are in `types`.
fn rust_path(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(name) => format!("types::{name}"),
        TypeRef::Array(inner) => format!("Vec<{}>", rust_path(inner)),
        TypeRef::Map(inner) => format!("BTreeMap<String, {}>", rust_path(inner)),
        other => other.rust_name(),
    }
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
        TypeRef::String(StringFormat::File) => "file (`Upload`)".to_owned(),
        TypeRef::String(StringFormat::Binary) => "bytes".to_owned(),
        TypeRef::String(_) => with_format("string"),
        TypeRef::Integer(_) => with_format("integer"),
        TypeRef::Number => with_format("number"),
        TypeRef::Boolean => "boolean".to_owned(),
        TypeRef::Named(name) => match api.type_def(name).map(|t| &t.kind) {
            Some(TypeKind::Enum { .. }) => format!("string (enum `types::{name}`)"),
            _ => format!("object (`types::{name}`)"),
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::{generate_loaded, load, Settings};

    /// A paginated operation with a path parameter, one that is not paginated, and a common
    /// parameter: what neither snapshot fixture has.
    const SHOP: &str = "openapi: 3.0.3
info: {title: Shop, version: 1.0.0}
paths:
  /customers/{customer-id}/orders:
    get:
      operationId: listOrders
      tags: [orders]
      parameters:
        - {name: customer-id, in: path, required: true, schema: {type: string}}
        - {name: offset, in: query, schema: {type: string}}
        - $ref: '#/components/parameters/Device'
      responses:
        '200':
          description: A page of orders.
          content:
            application/json:
              schema:
                type: object
                properties:
                  list: {type: array, items: {type: string}}
                  next_offset: {type: string}
  /orders/{order-id}:
    get:
      operationId: getOrder
      tags: [orders]
      parameters:
        - {name: order-id, in: path, required: true, schema: {type: string}}
        - $ref: '#/components/parameters/Device'
      responses:
        '200': {description: OK}
components:
  parameters:
    Device:
      name: x-device
      in: header
      description: The device the request is made from.
      schema: {type: string, example: Android}
";

    fn shop() -> crate::emit::Files {
        let loaded = load::load_bytes(Path::new("shop.yaml"), SHOP.as_bytes(), false).unwrap();
        generate_loaded(&loaded, &Settings::default())
            .unwrap()
            .files
    }

    #[test]
    fn a_paginated_operation_documents_its_stream_of_pages() {
        let files = shop();
        let page = &files["docs/list_orders.md"];
        assert!(
            page.contains("| Pages | `Client::list_orders_pages` |"),
            "{page}"
        );
        assert!(page.contains("\n## Pages\n\nThe API returns this list a page at a time: the response's `next_offset`, sent back as the `offset` parameter, asks for the next page."), "{page}");
        assert!(page.contains("```rust\npub fn list_orders_pages<'a>(&'a self, customer_id: &'a str, request: orders::ListOrdersRequest) -> impl futures_util::Stream<Item = Result<Response<types::ListOrdersResponse>, Error<ErrorResponse>>> + 'a\n```"), "{page}");
        assert!(
            page.contains("Add `futures-util` to your own crate to use `TryStreamExt`"),
            "{page}"
        );
        let example = "```rust
use futures_util::TryStreamExt;
use shop::Client;
use shop::orders::ListOrdersRequest;

async fn every_page(client: &Client, customer_id: &str, request: ListOrdersRequest) -> Result<(), Box<dyn std::error::Error>> {
    let mut pages = std::pin::pin!(client.list_orders_pages(customer_id, request));
    while let Some(page) = pages.try_next().await? {
        println!(\"{page:?}\");
    }
    Ok(())
}
```";
        assert!(page.contains(example), "{page}");
        assert!(
            files["README.md"].contains("## Pages\n") && files["README.md"].contains(example),
            "{}",
            files["README.md"]
        );
        assert!(!files["docs/get_order.md"].contains("_pages"));
    }

    #[test]
    fn the_docs_show_a_pages_method_exactly_when_the_client_has_one() {
        let files = shop();
        let source = &files["src/orders.rs"];
        for op in ["list_orders", "get_order"] {
            let documented =
                files[&format!("docs/{op}.md")].contains(&format!("Client::{op}_pages"));
            let emitted = source.contains(&format!("pub fn {op}_pages<"));
            assert_eq!(documented, emitted, "{op}");
        }
        assert!(source.contains("pub fn list_orders_pages<"));
    }

    #[test]
    fn the_index_lists_operations_by_module_and_the_common_parameters() {
        let files = shop();
        let index = &files["docs/index.md"];
        assert!(index.contains("### Module `orders`\n\n| Operation | HTTP | Rust method | Request type | Errors |\n|---|---|---|---|---|\n| [list_orders](list_orders.md) | `GET /customers/{customer-id}/orders` | `Client::list_orders`, pages: `Client::list_orders_pages` | `orders::ListOrdersRequest` | `ErrorResponse` |\n"), "{index}");
        assert!(index.contains("| `x_device` | header `x-device` | string | 2 | The device the request is made from. |"), "{index}");
        assert!(
            index.contains("        x_device: Some(\"Android\".to_owned()),"),
            "{index}"
        );
        let page = &files["docs/get_order.md"];
        assert!(
            page.contains("| Common parameters | `CommonParameters` |"),
            "{page}"
        );
    }

    #[test]
    fn the_readme_lists_the_dependencies_of_the_manifest() {
        let files = shop();
        let block = crate::emit::deps::toml_block(crate::emit::deps::DEPENDENCIES);
        assert!(
            files["README.md"].contains(&format!("```toml\n{block}```")),
            "{}",
            files["README.md"]
        );
        assert!(files["Cargo.toml"].contains(&block));
    }
}
