//! The context of one operation's page (`op`): its parameters, body, responses, types,
//! signatures and examples.

use super::context::{
    BodyContext, FieldContext, OperationContext, PaginationContext, ParamContext, ResponseContext,
};
use super::words::{
    constraint_notes, enum_value_descriptions, enum_values, rust_path, type_description,
};
use crate::emit::snippets::{usage_example, ExampleForm};
use crate::emit::{text, CrateInfo};
use crate::ir::{
    Api, Field, Operation, Pagination, ParamLocation, Parameter, Retry, Status, StringFormat,
    Success, TypeKind, TypeRef,
};

pub(super) fn operation(api: &Api, krate: &CrateInfo, op: &Operation) -> OperationContext {
    let errors = api.error_set(op.errors);
    let params_in = |location: ParamLocation| -> Vec<ParamContext> {
        op.params
            .iter()
            .filter(|p| p.location == location)
            .map(|p| parameter(api, p))
            .collect()
    };
    let body = op.body.as_ref().map(|body| BodyContext {
        media_type: body.media_type.clone(),
        required: body.required,
        description: body.description.clone(),
        fields: body.fields.iter().map(|f| field(api, f)).collect(),
    });
    let success_enum = match &op.success {
        Success::Enum { ident } => Some(ident),
        Success::Body { .. } => None,
    };
    let responses = op
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
            } else if let (true, Some((media, item))) = (r.status.is_success(), op.streams()) {
                Some(stream_path(media, item))
            } else {
                r.body.as_ref().map(rust_path)
            };
            ResponseContext {
                status: r.status.key(),
                success: r.status.is_success(),
                description: r.description.clone(),
                ty,
                variant,
            }
        })
        .collect();
    let success = op.success_responses().find_map(|r| r.body.as_ref());
    let success_type = match &op.success {
        Success::Enum { ident } => format!("{}::{ident}", op.group),
        Success::Body { .. } if op.downloads() => "Download".to_owned(),
        Success::Body { .. } if op.streams().is_some() => op
            .streams()
            .map_or_else(String::new, |(media, item)| stream_path(media, item)),
        Success::Body { ty } => ty.as_ref().map_or_else(|| "()".to_owned(), rust_path),
    };
    let (success_fields_type, success_fields) = match success {
        Some(TypeRef::Named(name)) => match api.type_def(name).map(|t| &t.kind) {
            Some(TypeKind::Struct { fields, .. }) => (
                Some(format!("types::{name}")),
                fields.iter().map(|f| field(api, f)).collect(),
            ),
            _ => (None, Vec::new()),
        },
        _ => (None, Vec::new()),
    };
    let pagination = pages(op).map(|pagination| PaginationContext {
        method: op.pages_ident(),
        items: pagination.items.as_ref().map(|_| op.items_ident()),
        follows: crate::emit::rust::follows(pagination),
        signature: pages_signature(op, &success_type, &errors.ident),
        example: pages_example(krate, op),
    });
    let common_type = api
        .common
        .as_ref()
        .filter(|_| op.common_params().next().is_some())
        .map(|c| c.ident.clone());
    OperationContext {
        id: op.id.clone(),
        ident: op.ident.clone(),
        rust_method: op.owner_path(&op.call_ident),
        call_ident: op.call_ident.clone(),
        owner: op.handle.clone().unwrap_or_else(|| "Client".to_owned()),
        call: format!("{}.", op.call_on("client", "").trim_end_matches('.')),
        group: op.group.clone(),
        doc_file: format!("{}.md", op.ident),
        method: op.method.as_str(),
        path: op.path.clone(),
        summary: op.summary.clone(),
        title: op.summary.clone().unwrap_or_else(|| op.ident.clone()),
        description: op.description.clone(),
        deprecated: op.deprecated,
        path_params: params_in(ParamLocation::Path),
        query_params: params_in(ParamLocation::Query),
        header_params: params_in(ParamLocation::Header),
        cookie_params: params_in(ParamLocation::Cookie),
        body,
        responses,
        request_type: op.request.as_ref().map(|r| r.ident.clone()),
        request_path: op
            .request
            .as_ref()
            .map(|r| format!("{}::{}", op.group, r.ident)),
        error_type: errors.ident.clone(),
        error_operations: errors.operations.len(),
        common_params: op.common_params().map(|p| p.name.clone()).collect(),
        common_type,
        pages: pagination.as_ref().map(|p| p.method.clone()),
        signature: signature(op, &success_type, &errors.ident),
        pagination,
        stream: stream_context(op),
        success_type,
        success_fields_type,
        success_fields,
        example: usage_example(api, krate, op, ExampleForm::Markdown),
        status_is_default: op.responses.iter().any(|r| r.status == Status::Default),
        idempotency_header: match &op.retry {
            Retry::WithKey { header } => Some(header.clone()),
            Retry::Always | Retry::Never => None,
        },
        retry: match &op.retry {
            Retry::WithKey { .. } => "keyed",
            Retry::Never => "never",
            Retry::Always => "idempotent",
        },
    }
}

fn signature(op: &Operation, success_type: &str, errors: &str) -> String {
    let mut args = vec!["&self".to_owned()];
    args.extend(op.path_params().map(|p| format!("{}: &str", p.ident)));
    if let Some(request) = &op.request {
        args.push(format!("request: &{}::{}", op.group, request.ident));
    }
    format!(
        "pub async fn {}({}) -> Result<Response<{success_type}>, Error<{errors}>>",
        op.call_ident,
        args.join(", "),
    )
}

/// The pagination of `op` when its client has the `<op>_pages` method: the same conditions as
/// the Rust emitter's, so the docs never show a method that is not there.
pub(super) fn pages(op: &Operation) -> Option<&Pagination> {
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
    let mut args = vec!["&self".to_owned()];
    args.extend(
        op.path_params()
            .map(|p| format!("{}: impl Into<String>", p.ident)),
    );
    if let Some(request) = &op.request {
        args.push(format!("request: {}::{}", op.group, request.ident));
    }
    format!(
        "pub fn {}({}) -> Paged<Response<{success_type}>, {errors}>",
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
         \x20   let mut pages = std::pin::pin!({call}({args}));\n\
         \x20   while let Some(page) = pages.try_next().await? {{\n\
         \x20       println!(\"{{page:?}}\");\n\
         \x20   }}\n\
         \x20   Ok(())\n\
         }}",
        group = op.group,
        params = params.join(", "),
        call = op.call_on("client", &op.pages_ident()),
        args = args.join(", "),
    )
}

fn parameter(api: &Api, p: &Parameter) -> ParamContext {
    let mut constraints = constraint_notes(&p.constraints);
    if p.ty == TypeRef::String(StringFormat::Base64) {
        constraints.push("Base64-encoded by the client".to_owned());
    }
    ParamContext {
        value: FieldContext {
            name: p.name.clone(),
            field: p.ident.clone(),
            required: p.required,
            deprecated: p.deprecated,
            description: p.description.clone(),
            ty: type_description(api, &p.ty, &p.constraints),
            rust_type: p.ty.rust_name(),
            values: enum_values(api, &p.ty),
            value_descriptions: enum_value_descriptions(api, &p.ty),
            constraints,
        },
        common: api
            .common
            .as_ref()
            .filter(|_| p.common)
            .map(|c| format!("{}::{}", c.ident, p.ident)),
    }
}

fn field(api: &Api, f: &Field) -> FieldContext {
    // A property given by `$ref` has no description of its own: show its type's.
    let description = f.description.clone().or_else(|| match &f.ty {
        TypeRef::Named(name) => api
            .type_def(name)
            .and_then(|t| t.description.as_deref())
            .map(text::first_line),
        _ => None,
    });
    let mut constraints = constraint_notes(&f.constraints);
    if f.nullable {
        constraints.push("may be null".to_owned());
    }
    FieldContext {
        name: f.name.clone(),
        field: f.ident.clone(),
        required: f.required,
        deprecated: f.deprecated,
        description,
        ty: type_description(api, &f.ty, &f.constraints),
        rust_type: f.ty.rust_name(),
        values: enum_values(api, &f.ty),
        value_descriptions: enum_value_descriptions(api, &f.ty),
        constraints,
    }
}

/// The stream a streamed success is, as its Rust path reads.
fn stream_path(media: crate::ir::Media, item: &TypeRef) -> String {
    match media {
        crate::ir::Media::Lines => format!("ItemStream<{}>", rust_path(item)),
        _ => format!("EventStream<{}>", rust_path(item)),
    }
}

/// The operation's streamed answer, for its page.
fn stream_context(op: &Operation) -> Option<super::context::StreamContext> {
    let (method, alternative, media, item, media_type) =
        match (op.streams(), op.stream_alternative()) {
            // The operation's one answer: its kind names it (NDJSON has several media types).
            (Some((media, item)), _) => {
                let media_type = match media {
                    crate::ir::Media::Lines => "NDJSON",
                    _ => "text/event-stream",
                };
                (
                    op.owner_path(&op.call_ident),
                    false,
                    media,
                    item,
                    media_type.to_owned(),
                )
            }
            (None, Some(stream)) => (
                op.owner_path(&op.stream_ident()),
                true,
                stream.media,
                &stream.item,
                stream.media_type.clone(),
            ),
            (None, None) => return None,
        };
    Some(super::context::StreamContext {
        method,
        alternative,
        media_type,
        stream_type: stream_path(media, item),
        events: media == crate::ir::Media::Events,
    })
}
