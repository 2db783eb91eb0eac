//! `src/<group>.rs`: each group's operations as `Client` methods, with their request structs
//! (and success enums where successes differ). Every decision (fields, names, retry class,
//! error enum) comes from the IR; this file only spells it out.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};

use super::form;
use super::responses::{in_match_order, response_variant, status_pattern};

use super::{doc_lines, ident, rust_type, with_value};
use crate::emit::snippets::{usage_example, ExampleForm};
use crate::emit::{text, CrateInfo};
use crate::ir::{
    Api, ArrayKeys, Media, Operation, ParamLocation, ParamStyle, Parameter, PathSegment,
    RequestField, Retry, StreamBody, Success, TypeRef,
};

/// The operations of each module, by module name.
pub fn groups(api: &Api) -> BTreeMap<String, Vec<&Operation>> {
    let mut groups: BTreeMap<String, Vec<&Operation>> = BTreeMap::new();
    for op in &api.operations {
        groups.entry(op.group.clone()).or_default().push(op);
    }
    groups
}

/// One module's token stream.
pub fn emit_group(api: &Api, krate: &CrateInfo, group: &str, ops: &[&Operation]) -> TokenStream {
    let module_doc = format!(" Operations on `{group}`.");
    let types = ops.iter().map(|op| operation_types(api, op));
    let mut nestings = form::Nestings::default();
    let methods: Vec<TokenStream> = ops
        .iter()
        .map(|op| operation_methods(api, krate, op, &mut nestings))
        .collect();
    let nestings = nestings.definitions();
    let handle = ops.first().and_then(|op| op.handle.as_deref());
    let owner = methods_owner(group, handle, &methods);
    // The idempotency header, named once per module rather than spelled in every call.
    let key_header = ops.iter().find_map(|op| match &op.retry {
        Retry::WithKey { header } => Some(header.as_str()),
        Retry::Always | Retry::Never => None,
    });
    let key_header = key_header.map(|header| {
        quote! {
            /// The request header that carries idempotency keys.
            const IDEMPOTENCY_HEADER: &str = #header;
        }
    });
    let types: Vec<TokenStream> = types.collect();
    // Imported only when used: a module of parameterless GETs needs no runtime helper.
    let uses_runtime = methods
        .iter()
        .chain(&types)
        .chain(std::iter::once(&nestings))
        .any(|t| t.to_string().contains("runtime ::"));
    let runtime_import = uses_runtime.then(|| {
        quote!(
            use crate::runtime;
        )
    });
    // Error bodies are named in the error enums (`responses.rs`), not here.
    let uses_types = ops.iter().any(|op| {
        op.request_fields().any(|f| mentions_named(f.ty()))
            || op
                .success_responses()
                .any(|r| r.body.as_ref().is_some_and(mentions_named))
    });
    let types_import = uses_types.then(|| {
        quote!(
            use crate::types;
        )
    });
    let validates = ops
        .iter()
        .any(|op| op.request.as_ref().is_some_and(|r| r.validated));
    let validation_import = validates.then(|| {
        quote!(
            use crate::error::ValidationError;
        )
    });
    let serde_import = ops
        .iter()
        .any(|op| super::requests::uses_serde(op))
        .then(|| {
            quote!(
                use serde::{Deserialize, Serialize};
            )
        });
    // Sorted as rustfmt sorts them, with the runtime's names.
    let mut names: BTreeSet<&str> = ops
        .iter()
        .map(|op| api.error_set(op.errors).ident.as_str())
        .collect();
    names.extend(["Client", "Error", "Response"]);
    let names = names.into_iter().map(ident);
    quote! {
        #![doc = #module_doc]
        use reqwest::Method;
        #serde_import

        #validation_import
        #runtime_import
        #types_import
        use crate::{#(#names),*};

        #key_header

        #nestings

        #(#types)*

        #owner
    }
}

/// The client an operation's method calls through: `self`, or the handle's client.
pub(super) fn client_expr(op: &Operation) -> TokenStream {
    match op.handle {
        Some(_) => quote!(self.client),
        None => quote!(self),
    }
}

/// The methods in their `impl Client`, or with resource handles the module's handle type,
/// the `Client` method returning it, and the methods on it.
fn methods_owner(group: &str, handle: Option<&str>, methods: &[TokenStream]) -> TokenStream {
    let Some(handle) = handle else {
        return quote! {
            impl Client {
                #(#methods)*
            }
        };
    };
    let handle = ident(handle);
    let accessor = ident(group);
    let type_doc = format!(" The operations on `{group}`: [`Client::{group}`] returns it.");
    let accessor_doc = format!(" The operations on `{group}`.");
    quote! {
        #[doc = #type_doc]
        #[derive(Debug, Clone, Copy)]
        pub struct #handle<'a> {
            client: &'a Client,
        }

        impl Client {
            #[doc = #accessor_doc]
            pub fn #accessor(&self) -> #handle<'_> {
                #handle { client: self }
            }
        }

        impl #handle<'_> {
            #(#methods)*
        }
    }
}

pub(super) fn mentions_named(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Named(_) => true,
        TypeRef::Array(inner) | TypeRef::Map(inner) => mentions_named(inner),
        TypeRef::String(_)
        | TypeRef::Integer(_)
        | TypeRef::Number
        | TypeRef::Boolean
        | TypeRef::Any => false,
    }
}

/// An operation's types: its request struct (with its constructor and `validate`), the enum
/// of media types its body may be sent as, and its success enum.
fn operation_types(api: &Api, op: &Operation) -> TokenStream {
    let request = super::requests::request_items(api, op);
    let success_enum = success_enum(op);
    quote!(#request #success_enum)
}

/// An operation's `Client` methods: the call, and the stream of pages for paginated ones.
fn operation_methods(
    api: &Api,
    krate: &CrateInfo,
    op: &Operation,
    nestings: &mut form::Nestings,
) -> TokenStream {
    let call = method(api, krate, op, None, nestings);
    let stream = op
        .stream_alternative()
        .map(|stream| method(api, krate, op, Some(stream), nestings));
    let pages = super::pages::methods(api, op);
    quote!(#call #stream #pages)
}

/// The Rust type a successful call's `Response<_>` carries.
fn success_type(op: &Operation) -> TokenStream {
    match &op.success {
        Success::Enum { ident: name } => ident(name).into_token_stream(),
        _ if op.downloads() => quote!(crate::Download),
        _ if op.streams().is_some() => match op.streams() {
            Some((media, item)) => super::streams::stream_type(media, item),
            None => quote!(()),
        },
        Success::Body { ty: Some(ty) } => rust_type(ty, &quote!(types::)),
        Success::Body { ty: None } => quote!(()),
    }
}

fn success_enum(op: &Operation) -> Option<TokenStream> {
    let Success::Enum { ident: name } = &op.success else {
        return None;
    };
    let name = ident(name);
    let doc = doc_lines(&format!(
        "The successful answers of [`{}`], which differ in their bodies.",
        op.owner_path(&op.call_ident)
    ));
    let variants = op.success_responses().map(response_variant);
    // Bodies differ in size (a body beside an empty `204` too) and the enum is returned by
    // value, once per call: boxing every variant would cost each caller a deref for nothing.
    let size_allow = op
        .success_responses()
        .any(|r| r.body.is_some())
        .then(|| quote!(#[allow(clippy::large_enum_variant)]));
    Some(quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #size_allow
        pub enum #name {
            #(#variants)*
        }
    })
}

/// The statements encoding each path parameter as one segment (the encoded value shadows the
/// argument), and the path as a `format!` string naming them.
fn path_expr(op: &Operation) -> (Vec<TokenStream>, TokenStream) {
    let mut format_string = String::new();
    let mut encodings = Vec::new();
    for segment in &op.path_segments {
        match segment {
            PathSegment::Literal(text) => {
                format_string.push_str(&text.replace('{', "{{").replace('}', "}}"))
            }
            PathSegment::Param(param_name) => {
                if let Some(p) = op.path_params().find(|p| &p.name == param_name) {
                    let arg = ident(&p.ident);
                    // OpenAPI's `label` and `matrix` styles prefix the value: `.blue`,
                    // `;color=blue`.
                    match p.style {
                        ParamStyle::Label => format_string.push('.'),
                        ParamStyle::Matrix => format_string.push_str(&format!(
                            ";{}=",
                            segment_text(&p.name).replace('{', "{{").replace('}', "}}")
                        )),
                        _ => {}
                    }
                    format_string.push_str(&format!("{{{}}}", p.ident));
                    encodings.push(quote!(let #arg = runtime::path_segment(#param_name, #arg)?;));
                }
            }
        }
    }
    let path = if encodings.is_empty() {
        quote!(#format_string)
    } else {
        quote!(&format!(#format_string))
    };
    (encodings, path)
}

/// A parameter name as a path segment encodes it (RFC 3986 unreserved characters kept).
fn segment_text(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Statements setting one header or cookie parameter on `call`: a plain value as its text,
/// lists and objects joined as the `simple` (headers) and `form` (cookies) styles join them.
fn header_or_cookie(api: &Api, p: &Parameter, nestings: &mut form::Nestings) -> TokenStream {
    let field = ident(&p.ident);
    let name = match p.location {
        ParamLocation::Header => p.name.to_ascii_lowercase(),
        _ => p.name.clone(),
    };
    let value = if p.required {
        quote!(&request.#field)
    } else {
        quote!(value)
    };
    // Cookies have no exploded form that a `Cookie` header can carry: lists and objects are
    // always comma-joined there.
    let explode = p.explode && p.location == ParamLocation::Header;
    let (collect, text) =
        form::joined_text(api, &p.ty, value, &p.name, explode, p.nesting, nestings);
    let statement = match p.location {
        ParamLocation::Cookie => quote!(call.cookie(#name, #text);),
        _ => quote!(call.header(#name, #text)?;),
    };
    if p.required {
        quote! {
            #collect
            #statement
        }
    } else {
        quote! {
            if let Some(value) = &request.#field {
                #collect
                #statement
            }
        }
    }
}

/// Statements adding a query parameter, as its style says.
fn query_append(api: &Api, p: &Parameter, nestings: &mut form::Nestings) -> TokenStream {
    let target = form::Target {
        form: quote!(query),
        arg: quote!(query),
    };
    let list = match p.style {
        ParamStyle::DeepObject => p.nesting.arrays,
        _ => ArrayKeys::Repeat,
    };
    let list = if p.group.as_ref().is_some_and(|g| g.entry.is_some()) {
        ArrayKeys::Indexed
    } else {
        list
    };
    let top = form::Top::of(p.style, p.explode, list, p.nesting, p.allow_reserved);
    let body = form::append_top(api, &p.ty, quote!(value), &p.name, top, &target, nestings);
    let field = ident(&p.ident);
    with_value(quote!(request.#field), !p.required, body)
}

/// An operation's method; with `stream`, the method asking for the streamed alternative of
/// its JSON success and returning the stream.
fn method(
    api: &Api,
    krate: &CrateInfo,
    op: &Operation,
    stream: Option<&StreamBody>,
    nestings: &mut form::Nestings,
) -> TokenStream {
    let name = match stream {
        Some(_) => ident(&op.stream_ident()),
        None => ident(&op.call_ident),
    };
    let error_name = ident(&api.error_set(op.errors).ident);
    let path_args = op.path_params().map(|p| {
        let arg = ident(&p.ident);
        quote!(#arg: &str,)
    });
    let request_arg = op.request.as_ref().map(|r| {
        let request_name = ident(&r.ident);
        quote!(request: &#request_name,)
    });
    let success_type = match stream {
        Some(stream) => super::streams::stream_type(stream.media, &stream.item),
        None => success_type(op),
    };
    let (encodings, path) = path_expr(op);
    let method_const = format_ident!("{}", op.method.as_str());
    let (op_id, template) = (&op.id, &op.path);
    let validation = op
        .request
        .as_ref()
        .filter(|r| r.validated)
        .map(|_| quote!(call.validate(|| request.validate())?;));
    // The set of common parameters it sends, by the name the IR gave it.
    let common = api.common.as_ref().and_then(|common| {
        let set = common.set_of(op)?;
        let (options, set) = (ident(&common.ident), ident(&set.ident));
        Some(quote!(call.common(crate::#options::#set)?;))
    });
    let headers = op
        .request_fields()
        .filter_map(|f| match f {
            RequestField::Param(p)
                if matches!(p.location, ParamLocation::Header | ParamLocation::Cookie) =>
            {
                Some(p)
            }
            _ => None,
        })
        .map(|p| header_or_cookie(api, p, nestings))
        .collect::<Vec<_>>();
    let retry = match (
        &op.retry,
        op.request
            .as_ref()
            .and_then(|r| r.idempotency_field.as_ref()),
    ) {
        (Retry::Always, _) => quote!(call.idempotent();),
        // One header per API (the settings name it): the module's constant.
        (Retry::WithKey { .. }, Some(field)) => {
            let field = ident(field);
            quote!(call.idempotency_key(IDEMPOTENCY_HEADER, request.#field.as_deref())?;)
        }
        (Retry::WithKey { .. } | Retry::Never, _) => TokenStream::new(),
    };
    let query_params: Vec<&Parameter> = op
        .request_fields()
        .filter_map(|f| match f {
            RequestField::Param(p) if p.location == ParamLocation::Query => Some(p),
            _ => None,
        })
        .collect();
    let query = (!query_params.is_empty()).then(|| {
        let appends: Vec<TokenStream> = query_params
            .iter()
            .map(|p| query_append(api, p, nestings))
            .collect();
        quote! {
            let query = call.query_form();
            #(#appends)*
        }
    });
    let body = super::bodies::body_statements(api, op, nestings);
    let streamed = match stream {
        Some(stream) => {
            let media_type = &stream.media_type;
            Some(quote! {
                call.streamed();
                call.header("accept", #media_type)?;
            })
        }
        None => (op.downloads() || op.streams().is_some()).then(|| quote!(call.streamed();)),
    };
    let security = super::security::statement(api, op);
    let arms = match stream {
        Some(stream) => super::streams::stream_arms(krate, op, stream),
        None => response_arms(krate, op),
    };
    // An operation with no success response (Docker's `101`-only `POST /session`) has only
    // the error arm; a `match` of one wildcard arm is clippy's `match_single_binding`.
    let outcome = if stream.is_none() && op.success_responses().next().is_none() {
        quote!(Err(sent.error()))
    } else {
        quote!(match sent.status() { #(#arms)* })
    };
    let doc = match stream {
        Some(stream) => super::streams::stream_doc(op, stream),
        None => method_doc(api, krate, op),
    };
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    let client = client_expr(op);
    quote! {
        #doc
        #deprecated
        pub async fn #name(&self, #(#path_args)* #request_arg) -> Result<Response<#success_type>, Error<#error_name>> {
            #(#encodings)*
            let mut call = #client.call(Method::#method_const, #path);
            call.operation(#op_id, #template);
            #streamed
            #validation
            #security
            #retry
            #common
            #(#headers)*
            #query
            #body
            let sent = call.send().await?;
            #outcome
        }
    }
}

fn method_doc(api: &Api, krate: &CrateInfo, op: &Operation) -> TokenStream {
    let mut doc_text = String::new();
    if let Some(summary) = &op.summary {
        doc_text.push_str(&format!("# {}\n\n", text::first_line(summary)));
    }
    if let Some(description) = &op.description {
        doc_text.push_str(&text::markdown(description));
        doc_text.push_str("\n\n");
    }
    // The documented errors ride on the path line: every operation has them, and the enum's
    // own docs say the rest (a `# Errors` section on each of 104 methods said it 104 times).
    let errors = &api.error_set(op.errors).ident;
    // On a `Client` method, rustdoc resolves links where `Client` is; on a handle's, in the
    // module, which imports the enum (an explicit target there is a redundant-link warning).
    let target = match op.handle {
        Some(_) => String::new(),
        None => format!("(crate::{errors})"),
    };
    doc_text.push_str(&format!(
        "`{} {}` (errors: [`{errors}`]{target} in [`Error::Api`])",
        op.method.as_str(),
        op.path.replace('`', "'"),
    ));
    if op.deprecated {
        doc_text.push_str("\n\n**Deprecated** by the API.");
    }

    let example = usage_example(api, krate, op, ExampleForm::MethodDoctest);
    doc_text.push_str(&format!("\n\n# Example\n\n```no_run\n{example}\n```"));
    doc_lines(&doc_text)
}

/// The success arms of the status match, then the error responses' arm.
fn response_arms(krate: &CrateInfo, op: &Operation) -> Vec<TokenStream> {
    let mut arms = Vec::new();
    for r in in_match_order(op.success_responses()) {
        let pattern = status_pattern(r.status);
        let arm = match (&r.body, &op.success) {
            (_, Success::Body { ty: Some(_) }) if op.downloads() => {
                quote!(#pattern => sent.download(),)
            }
            (_, Success::Body { ty: Some(item) }) => match r.media {
                Media::Json => quote!(#pattern => sent.json(),),
                Media::Text => quote!(#pattern => Ok(sent.text()),),
                Media::Binary => quote!(#pattern => Ok(sent.bytes()),),
                Media::Events | Media::Lines => {
                    let read = super::streams::stream_read(krate, r.media, item);
                    quote!(#pattern => #read,)
                }
            },
            (_, Success::Body { ty: None }) => quote!(#pattern => Ok(sent.empty()),),
            (Some(body), Success::Enum { ident: name }) => {
                let (name, variant) = (ident(name), ident(&r.variant));
                match r.media {
                    Media::Json => {
                        let body = rust_type(body, &quote!(types::));
                        quote!(#pattern => sent.json::<#body, _>().map(|response| response.map(#name::#variant)),)
                    }
                    // Streams among several successes are read as text (the IR's choice).
                    Media::Text | Media::Events | Media::Lines => {
                        quote!(#pattern => Ok(sent.text().map(#name::#variant)),)
                    }
                    Media::Binary => quote!(#pattern => Ok(sent.bytes().map(#name::#variant)),),
                }
            }
            (None, Success::Enum { ident: name }) => {
                let (name, variant) = (ident(name), ident(&r.variant));
                quote!(#pattern => Ok(sent.empty().map(|()| #name::#variant)),)
            }
        };
        arms.push(arm);
    }
    arms.push(quote!(_ => Err(sent.error()),));
    arms
}
