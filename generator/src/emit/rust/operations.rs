//! `src/<group>.rs`: each group's operations as `Client` methods, with their request structs
//! and error enums.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, ToTokens};

use super::runtime::is_scalar;
use super::types::{constraint_doc, field_doc};
use super::{doc_lines, docs, form, ident, rust_type};
use crate::emit::{text, CrateInfo};
use crate::ir::{
    Api, BodyEncoding, Field, Method, Operation, ParamLocation, ParamStyle, Parameter, PathSegment,
    Status, StringFormat, TypeRef,
};

/// One token stream per group, by module name.
pub fn emit(api: &Api, krate: &CrateInfo) -> BTreeMap<String, TokenStream> {
    groups(api)
        .into_iter()
        .map(|(group, ops)| {
            let tokens = module(api, krate, &group, &ops);
            (group, tokens)
        })
        .collect()
}

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
    module(api, krate, group, ops)
}

/// The request struct's fields: non-path parameters, then body fields.
pub(crate) fn request_fields(op: &Operation) -> Vec<RequestField<'_>> {
    let params = op.other_params().map(RequestField::Param);
    let body = op
        .body
        .iter()
        .flat_map(|b| b.fields.iter().map(RequestField::Body));
    params.chain(body).collect()
}

/// A field of a request struct.
#[derive(Clone, Copy)]
pub(crate) enum RequestField<'a> {
    /// A query, header or cookie parameter.
    Param(&'a crate::ir::Parameter),
    /// A body field.
    Body(&'a Field),
}

impl RequestField<'_> {
    pub(crate) fn ident(&self) -> &str {
        match self {
            RequestField::Param(p) => &p.ident,
            RequestField::Body(f) => &f.ident,
        }
    }

    pub(crate) fn required(&self) -> bool {
        match self {
            RequestField::Param(p) => p.required,
            RequestField::Body(f) => f.required,
        }
    }

    pub(crate) fn ty(&self) -> &TypeRef {
        match self {
            RequestField::Param(p) => &p.ty,
            RequestField::Body(f) => &f.ty,
        }
    }
}

/// Whether the request struct can derive `Default`: every field is optional or of a type
/// with a natural empty value.
pub(crate) fn request_has_default(op: &Operation) -> bool {
    request_fields(op)
        .iter()
        .all(|f| !f.required() || !matches!(f.ty(), TypeRef::Named(_)))
}

fn module(api: &Api, krate: &CrateInfo, group: &str, ops: &[&Operation]) -> TokenStream {
    let module_doc = format!(" Operations on `{group}`.");
    let items = ops.iter().map(|op| operation(api, krate, op));
    let uses_types = ops.iter().any(|op| {
        request_fields(op).iter().any(|f| mentions_named(f.ty()))
            || op
                .responses
                .iter()
                .any(|r| r.body.as_ref().is_some_and(mentions_named))
    });
    let types_import = uses_types.then(|| {
        quote!(
            use crate::types;
        )
    });
    let uses_content_type = ops.iter().any(|op| op.body.is_some());
    let content_type_import = uses_content_type.then(|| {
        quote!(
            use reqwest::header::CONTENT_TYPE;
        )
    });
    let uses_headers = ops.iter().any(|op| {
        op.params
            .iter()
            .any(|p| matches!(p.location, ParamLocation::Header | ParamLocation::Cookie))
    });
    let uses_headers = uses_headers || ops.iter().any(|op| idempotency_header(op, krate).is_some());
    let header_map_import = uses_headers.then(|| {
        quote!(
            use reqwest::header::HeaderMap;
        )
    });
    let error_import = if ops.iter().any(|op| !validation_checks(op).is_empty()) {
        quote!(
            use crate::error::{Error, ValidationError};
        )
    } else {
        quote!(
            use crate::error::Error;
        )
    };
    quote! {
        #![doc = #module_doc]
        use std::fmt;

        #content_type_import
        #header_map_import

        #error_import
        use crate::runtime;
        #types_import
        use crate::{Client, Response};

        #(#items)*
    }
}

fn mentions_named(ty: &TypeRef) -> bool {
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

fn request_type_name(op: &Operation) -> String {
    format!("{}Request", op.type_ident)
}

fn error_type_name(op: &Operation) -> String {
    format!("{}Error", op.type_ident)
}

/// The idempotency-key header a call of `op` carries: the configured one, for methods that
/// change data.
pub(crate) fn idempotency_header<'k>(op: &Operation, krate: &'k CrateInfo) -> Option<&'k str> {
    matches!(op.method, Method::Post | Method::Patch)
        .then_some(krate.idempotency_header.as_deref())
        .flatten()
}

/// Whether `op` takes a request struct.
pub(crate) fn has_request_struct(op: &Operation, krate: &CrateInfo) -> bool {
    !request_fields(op).is_empty() || idempotency_header(op, krate).is_some()
}

/// The request struct's field for a caller-chosen idempotency key.
fn idempotency_field(fields: &[RequestField<'_>]) -> proc_macro2::Ident {
    let mut name = "idempotency_key".to_owned();
    while fields.iter().any(|f| f.ident() == name) {
        name.push('_');
    }
    ident(&name)
}

/// The checks `validate` makes: top-level string lengths and number ranges.
pub(crate) fn validation_checks<'o>(
    op: &'o Operation,
) -> Vec<(RequestField<'o>, &'o crate::ir::Constraints)> {
    request_fields(op)
        .into_iter()
        .filter_map(|field| {
            let constraints = match field {
                RequestField::Param(p) => &p.constraints,
                RequestField::Body(f) => &f.constraints,
            };
            let checked = match field.ty() {
                TypeRef::String(StringFormat::Plain) => {
                    constraints.min_length.is_some() || constraints.max_length.is_some()
                }
                TypeRef::Integer(_) | TypeRef::Number => {
                    constraints.minimum.is_some() || constraints.maximum.is_some()
                }
                _ => false,
            };
            checked.then_some((field, constraints))
        })
        .collect()
}

fn validate_impl(op: &Operation) -> Option<TokenStream> {
    let checks = validation_checks(op);
    if checks.is_empty() {
        return None;
    }
    let name = ident(&request_type_name(op));
    let checks = checks.iter().map(|(field, c)| {
        let field_ident = ident(field.ident());
        let wire = match field {
            RequestField::Param(p) => p.name.as_str(),
            RequestField::Body(f) => f.name.as_str(),
        };
        let option = |v: Option<TokenStream>| v.map_or_else(|| quote!(None), |v| quote!(Some(#v)));
        let check = match field.ty() {
            TypeRef::String(_) => {
                let min = option(
                    c.min_length
                        .map(|n| Literal::usize_unsuffixed(n).into_token_stream()),
                );
                let max = option(
                    c.max_length
                        .map(|n| Literal::usize_unsuffixed(n).into_token_stream()),
                );
                quote!(runtime::check_length(#wire, value, #min, #max)?;)
            }
            _ => {
                let min = option(
                    c.minimum
                        .map(|n| Literal::f64_unsuffixed(n).into_token_stream()),
                );
                let max = option(
                    c.maximum
                        .map(|n| Literal::f64_unsuffixed(n).into_token_stream()),
                );
                let number = if matches!(field.ty(), TypeRef::Number) {
                    quote!(*value)
                } else {
                    quote!(*value as f64)
                };
                quote!(runtime::check_range(#wire, #number, #min, #max)?;)
            }
        };
        if field.required() {
            quote! {
                let value = &self.#field_ident;
                #check
            }
        } else {
            quote! {
                if let Some(value) = &self.#field_ident {
                    #check
                }
            }
        }
    });
    let doc = doc_lines(&format!(
        "Checks the values against the constraints the API documents (string lengths, number \
         ranges), as [`Client::{}`] does before sending unless validation is turned off.\n\n\
         # Errors\n\nThe first [`ValidationError`] found, naming the field.",
        op.ident
    ));
    Some(quote! {
        impl #name {
            #doc
            pub fn validate(&self) -> Result<(), ValidationError> {
                #(#checks)*
                Ok(())
            }
        }
    })
}

fn operation(api: &Api, krate: &CrateInfo, op: &Operation) -> TokenStream {
    let fields = request_fields(op);
    let request_struct = has_request_struct(op, krate).then(|| {
        let definition = request_struct(op, krate, &fields);
        let validate = validate_impl(op);
        quote!(#definition #validate)
    });
    let error_enum = error_enum(op);
    let success_enum = success_enum(op);
    let method = method(api, krate, op, &fields);
    let pages = pages_method(op, &fields);
    quote! {
        #request_struct
        #success_enum
        #error_enum
        impl Client {
            #method
            #pages
        }
    }
}

/// Whether the operation's successes have different bodies, so that it returns an enum of
/// them (`{Op}Success`) rather than one type.
pub(crate) fn has_success_enum(op: &Operation) -> bool {
    let mut bodies = op.success_responses().map(|r| &r.body);
    match bodies.next() {
        Some(first) => bodies.any(|b| b != first),
        None => false,
    }
}

/// The Rust type an operation's `Response<_>` carries.
pub(crate) fn success_type_name(op: &Operation) -> String {
    if has_success_enum(op) {
        format!("{}Success", op.type_ident)
    } else {
        op.success_responses()
            .find_map(|r| r.body.as_ref())
            .map_or_else(|| "()".to_owned(), super::rust_type_name)
    }
}

/// The enum variant for a response: named for its status, holding its body if it has one.
fn response_variant(response: &crate::ir::Response, types: &TokenStream) -> TokenStream {
    let variant = ident(&response.variant);
    let doc = docs(Some(&format!(
        "`{}`: {}",
        response.status.key(),
        response.description
    )));
    match &response.body {
        Some(ty) => {
            let ty = rust_type(ty, types);
            quote!(#doc #variant(#ty),)
        }
        None => quote!(#doc #variant,),
    }
}

fn success_enum(op: &Operation) -> Option<TokenStream> {
    if !has_success_enum(op) {
        return None;
    }
    let name = format_ident!("{}Success", op.type_ident);
    let types = quote!(types::);
    let doc = doc_lines(&format!(
        "The successful answers of [`Client::{}`], which differ in their bodies.",
        op.ident
    ));
    let variants = op.success_responses().map(|r| response_variant(r, &types));
    Some(quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variants)*
        }
    })
}

/// The name of the method that streams every page of a paginated operation.
pub(crate) fn pages_ident(op: &Operation) -> String {
    format!("{}_pages", op.ident)
}

/// For a paginated operation, a method returning a stream of pages that follows the next-page
/// token until the last page.
fn pages_method(op: &Operation, fields: &[RequestField<'_>]) -> Option<TokenStream> {
    let pagination = op.pagination.as_ref()?;
    if fields.is_empty() || has_success_enum(op) {
        return None;
    }
    let param = op.params.iter().find(|p| p.name == pagination.param)?;
    let success = op.success_responses().find_map(|r| r.body.as_ref())?;
    let success_type = rust_type(success, &quote!(types::));
    let name = ident(&pages_ident(op));
    let single = ident(&op.ident);
    let request_name = ident(&request_type_name(op));
    let error_name = ident(&error_type_name(op));
    let token_field = ident(&param.ident);
    let next_field = ident(&pagination.next_field_ident);
    let path_args: Vec<_> = op.path_params().map(|p| ident(&p.ident)).collect();
    let doc = doc_lines(&format!(
        "Every page of [`Client::{}`], in order: the stream sends `request`, then follows `{}` \
         (as the `{}` parameter) until the API returns none.\n\n\
         A page that fails ends the stream with its error. A server that returns the same \
         token again also ends it, rather than looping forever.",
        op.ident, pagination.next_field, pagination.param
    ));
    Some(quote! {
        #doc
        pub fn #name<'a>(
            &'a self,
            #(#path_args: &'a str,)*
            request: #request_name,
        ) -> impl futures_util::Stream<Item = Result<Response<#success_type>, Error<#error_name>>> + 'a {
            futures_util::stream::try_unfold(Some(request), move |next| async move {
                let Some(request) = next else {
                    return Ok(None);
                };
                let page = self.#single(#(#path_args,)* &request).await?;
                let next = page
                    .#next_field
                    .clone()
                    .filter(|token| request.#token_field.as_ref() != Some(token))
                    .map(|token| #request_name { #token_field: Some(token), ..request });
                Ok(Some((page, next)))
            })
        }
    })
}

fn request_struct(op: &Operation, krate: &CrateInfo, fields: &[RequestField<'_>]) -> TokenStream {
    let name = ident(&request_type_name(op));
    let doc = doc_lines(&format!(
        "What [`Client::{}`] sends besides its path parameters.",
        op.ident
    ));
    let default = request_has_default(op).then(|| quote!(Default,));
    let types = quote!(types::);
    let key_name = idempotency_field(fields);
    let fields = fields.iter().map(|field| {
        let (name, ty, required, text) = match field {
            RequestField::Param(p) => {
                let mut text = p.description.clone().unwrap_or_default();
                let place = match p.location {
                    ParamLocation::Header => "header",
                    ParamLocation::Query => "query parameter",
                    ParamLocation::Cookie => "cookie",
                    ParamLocation::Path => "path parameter",
                };
                text.push_str(&format!(
                    "\n\nSent as the `{}` {place}.",
                    p.name.replace('`', "'")
                ));
                if p.ty == TypeRef::String(StringFormat::Base64) {
                    text.push_str(" Give the plain text: the client sends it Base64-encoded.");
                }
                text.push_str(&constraint_doc(&p.constraints, p.deprecated));
                (ident(&p.ident), rust_type(&p.ty, &types), p.required, text)
            }
            RequestField::Body(f) => {
                let mut text = field_doc(f);
                text.push_str(&format!(
                    "\n\nSent as the `{}` body field.",
                    f.name.replace('`', "'")
                ));
                if f.ty == TypeRef::String(StringFormat::Base64) {
                    text.push_str(" Give the plain text: the client sends it Base64-encoded.");
                }
                (ident(&f.ident), rust_type(&f.ty, &types), f.required, text)
            }
        };
        let doc = docs(Some(&text));
        let deprecated = match field {
            RequestField::Param(p) => p.deprecated,
            RequestField::Body(f) => f.deprecated,
        }
        .then(|| quote!(#[deprecated]));
        let doc = quote!(#doc #deprecated);
        let ty = if required { ty } else { quote!(Option<#ty>) };
        quote!(#doc pub #name: #ty,)
    });
    let key_field = idempotency_header(op, krate).map(|header| {
        let name = key_name;
        let doc = doc_lines(&format!(
            "The idempotency key, sent as the `{header}` header. Leave it `None` to let the \
             client create one for this call (reused across its retries); set it to make the \
             call safe to repeat yourself, for example after a crash."
        ));
        quote!(#doc pub #name: Option<String>,)
    });
    quote! {
        #doc
        #[derive(Debug, Clone, #default PartialEq)]
        pub struct #name {
            #(#fields)*
            #key_field
        }
    }
}

fn error_enum(op: &Operation) -> TokenStream {
    let name = ident(&error_type_name(op));
    let doc = doc_lines(&format!(
        "The error responses [`Client::{}`] documents, carried by [`Error::Api`].",
        op.ident
    ));
    let types = quote!(types::);
    let errors: Vec<_> = op.error_responses().collect();
    let variants = errors.iter().map(|r| response_variant(r, &types));
    let display_arms = errors.iter().map(|r| {
        let variant = ident(&r.variant);
        let message = format!("{} ({})", text::first_line(&r.description), r.status.key());
        match &r.body {
            Some(_) => quote!(Self::#variant(_) => f.write_str(#message),),
            None => quote!(Self::#variant => f.write_str(#message),),
        }
    });
    // An operation without documented errors has an empty enum: no value, nothing to print.
    let (formatter, display_body) = if errors.is_empty() {
        (quote!(_), quote!(match *self {}))
    } else {
        (quote!(f), quote!(match self { #(#display_arms)* }))
    };
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variants)*
        }

        impl fmt::Display for #name {
            fn fmt(&self, #formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                #display_body
            }
        }
    }
}

/// The expression that turns a field value (a reference) into the `&str` to send.
pub(super) fn wire_text(ty: &TypeRef, value: TokenStream, api: &Api) -> TokenStream {
    match ty {
        TypeRef::String(StringFormat::Plain) => value,
        TypeRef::String(StringFormat::Base64) => quote!(&runtime::base64(#value)),
        TypeRef::Integer(_) | TypeRef::Number | TypeRef::Boolean => quote!(&#value.to_string()),
        TypeRef::Named(_) if is_scalar(ty, api) => quote!(#value.as_str()),
        TypeRef::Named(_) | TypeRef::Array(_) | TypeRef::Map(_) | TypeRef::Any => {
            quote!(&runtime::json(#value))
        }
    }
}

fn method(
    api: &Api,
    krate: &CrateInfo,
    op: &Operation,
    fields: &[RequestField<'_>],
) -> TokenStream {
    let name = ident(&op.ident);
    let types = quote!(types::);
    let error_name = ident(&error_type_name(op));
    let path_args = op.path_params().map(|p| {
        let arg = ident(&p.ident);
        quote!(#arg: &str,)
    });
    let request_arg = has_request_struct(op, krate).then(|| {
        let request_name = ident(&request_type_name(op));
        quote!(request: &#request_name,)
    });
    let success_type = if has_success_enum(op) {
        let name = format_ident!("{}Success", op.type_ident);
        quote!(#name)
    } else {
        match op.success_responses().find_map(|r| r.body.as_ref()) {
            Some(ty) => rust_type(ty, &types),
            None => quote!(()),
        }
    };
    let validation = (!validation_checks(op).is_empty()).then(|| {
        quote! {
            if self.validates_requests() {
                request.validate()?;
            }
        }
    });
    let key_header = idempotency_header(op, krate);
    // An idempotent method can always be sent again; a call that changes data only with a key.
    let (idempotency, repeatable) = match key_header {
        Some(header) => {
            let field = idempotency_field(fields);
            (
                quote! {
                    let idempotency_key = request.#field.clone().or_else(|| self.new_idempotency_key());
                    if let Some(key) = &idempotency_key {
                        runtime::header(&mut headers, #header, key)?;
                    }
                },
                quote!(idempotency_key.is_some()),
            )
        }
        None => {
            let idempotent = !matches!(op.method, Method::Post | Method::Patch);
            (quote!(), quote!(#idempotent))
        }
    };

    // URL: base, path literals, and path parameters each encoded as one segment (the
    // encoded value shadows the argument, so the format string can name it).
    let mut format_string = String::from("{}");
    let mut encodings = Vec::new();
    for segment in &op.path_segments {
        match segment {
            PathSegment::Literal(text) => {
                format_string.push_str(&text.replace('{', "{{").replace('}', "}}"))
            }
            PathSegment::Param(param_name) => {
                if let Some(p) = op.path_params().find(|p| &p.name == param_name) {
                    let arg = ident(&p.ident);
                    format_string.push_str(&format!("{{{}}}", p.ident));
                    encodings.push(quote!(let #arg = runtime::path_segment(#param_name, #arg)?;));
                }
            }
        }
    }
    let query_params: Vec<_> = op
        .other_params()
        .filter(|p| p.location == ParamLocation::Query)
        .collect();
    let url = if query_params.is_empty() {
        quote! {
            #(#encodings)*
            let url = format!(#format_string, self.base_url());
        }
    } else {
        let appends = query_params.iter().map(|p| query_append(api, p));
        quote! {
            #(#encodings)*
            let mut url = format!(#format_string, self.base_url());
            let mut query = runtime::Form::new();
            #(#appends)*
            let query = query.finish();
            if !query.is_empty() {
                url.push('?');
                url.push_str(&query);
            }
        }
    };

    let header_params: Vec<_> = op
        .other_params()
        .filter(|p| p.location == ParamLocation::Header)
        .collect();
    let cookie_params: Vec<_> = op
        .other_params()
        .filter(|p| p.location == ParamLocation::Cookie)
        .collect();
    let sends_headers =
        !header_params.is_empty() || !cookie_params.is_empty() || key_header.is_some();
    let headers = if !sends_headers {
        quote!()
    } else {
        let inserts = header_params.iter().map(|p| {
            let field = ident(&p.ident);
            let header_name = p.name.to_ascii_lowercase();
            if p.required {
                let text = wire_text(&p.ty, quote!(&request.#field), api);
                quote!(runtime::header(&mut headers, #header_name, #text)?;)
            } else {
                let text = wire_text(&p.ty, quote!(value), api);
                quote! {
                    if let Some(value) = &request.#field {
                        runtime::header(&mut headers, #header_name, #text)?;
                    }
                }
            }
        });
        let cookies = (!cookie_params.is_empty()).then(|| {
            let parts = cookie_params.iter().map(|p| {
                let field = ident(&p.ident);
                let cookie_name = &p.name;
                let text = wire_text(&p.ty, quote!(value), api);
                if p.required {
                    let text = wire_text(&p.ty, quote!(&request.#field), api);
                    quote!(cookies.push(format!("{}={}", #cookie_name, runtime::encode_component(#text)));)
                } else {
                    quote! {
                        if let Some(value) = &request.#field {
                            cookies.push(format!("{}={}", #cookie_name, runtime::encode_component(#text)));
                        }
                    }
                }
            });
            quote! {
                let mut cookies: Vec<String> = Vec::new();
                #(#parts)*
                if !cookies.is_empty() {
                    runtime::header(&mut headers, "cookie", &cookies.join("; "))?;
                }
            }
        });
        quote! {
            let mut headers = HeaderMap::new();
            #(#inserts)*
            #cookies
            #idempotency
        }
    };
    let with_headers = sends_headers.then(|| quote!(.headers(headers)));

    let (body_setup, with_body) = match &op.body {
        None => (quote!(), quote!()),
        Some(body) => {
            let media_type = &body.media_type;
            match body.encoding {
                BodyEncoding::Form => {
                    let target = form::Target {
                        form: quote!(form),
                        arg: quote!(&mut form),
                    };
                    let appends = body.fields.iter().map(|f| {
                        form::append_field(
                            api,
                            f,
                            quote!(request),
                            form::Key::Top(&f.name),
                            &target,
                            body.json_fields.contains(&f.name),
                        )
                    });
                    (
                        quote! {
                            let mut form = runtime::Form::new();
                            #(#appends)*
                        },
                        quote!(.header(CONTENT_TYPE, #media_type).body(form.finish())),
                    )
                }
                BodyEncoding::Json => {
                    let inserts = body.fields.iter().map(|f| {
                        let field = ident(&f.ident);
                        let key = &f.name;
                        if f.required {
                            quote!(body.insert(#key.to_owned(), serde_json::to_value(&request.#field).unwrap_or_default());)
                        } else {
                            quote! {
                                if let Some(value) = &request.#field {
                                    body.insert(#key.to_owned(), serde_json::to_value(value).unwrap_or_default());
                                }
                            }
                        }
                    });
                    let single_body = body.fields.len() == 1
                        && body.fields[0].name == "body"
                        && body.fields[0].ident == "body";
                    if single_body {
                        (
                            quote!(let body = runtime::json(&request.body);),
                            quote!(.header(CONTENT_TYPE, #media_type).body(body)),
                        )
                    } else {
                        (
                            quote! {
                                let mut body = serde_json::Map::new();
                                #(#inserts)*
                            },
                            quote!(.header(CONTENT_TYPE, #media_type).body(runtime::json(&body))),
                        )
                    }
                }
            }
        }
    };

    let method_const = format_ident!("{}", op.method.as_str());
    let arms = response_arms(op, &error_name);

    let mut doc_text = String::new();
    if let Some(summary) = &op.summary {
        doc_text.push_str(&format!("# {}\n\n", text::first_line(summary)));
    }
    if let Some(description) = &op.description {
        doc_text.push_str(&text::markdown(description));
        doc_text.push_str("\n\n");
    }
    doc_text.push_str(&format!(
        "`{} {}`",
        op.method.as_str(),
        op.path.replace('`', "'")
    ));
    if op.deprecated {
        doc_text.push_str("\n\n**Deprecated** by the API.");
    }
    doc_text.push_str(&format!(
        "\n\n# Errors\n\n[`Error::Api`] with a [`{}`] for the error responses the API documents; \
         [`Error::UnexpectedStatus`], [`Error::Decode`], [`Error::Transport`] and \
         [`Error::InvalidRequest`] otherwise.",
        error_type_name(op)
    ));
    let example = super::example::usage_example(api, krate, op, true);
    doc_text.push_str(&format!("\n\n# Example\n\n```no_run\n{example}\n```"));
    let doc = doc_lines(&doc_text);
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    quote! {
        #doc
        #deprecated
        pub async fn #name(&self, #(#path_args)* #request_arg) -> Result<Response<#success_type>, Error<#error_name>> {
            #validation
            #url
            #headers
            #body_setup
            let builder = self.request(reqwest::Method::#method_const, &url) #with_headers #with_body;
            let sent = runtime::send(self, builder, #repeatable).await?;
            match sent.status {
                #(#arms)*
            }
        }
    }
}

/// Like [`wire_text`], as an owned `String`.
fn owned_text(ty: &TypeRef, value: TokenStream, api: &Api) -> TokenStream {
    match ty {
        TypeRef::String(StringFormat::Plain) => quote!(#value.clone()),
        TypeRef::String(StringFormat::Base64) => quote!(runtime::base64(#value)),
        TypeRef::Integer(_) | TypeRef::Number | TypeRef::Boolean => quote!(#value.to_string()),
        TypeRef::Named(_) if is_scalar(ty, api) => quote!(#value.as_str().to_owned()),
        TypeRef::Named(_) | TypeRef::Array(_) | TypeRef::Map(_) | TypeRef::Any => {
            quote!(runtime::json(#value))
        }
    }
}

/// Statements adding a query parameter, as its style says.
fn query_append(api: &Api, p: &Parameter) -> TokenStream {
    let target = form::Target {
        form: quote!(query),
        arg: quote!(&mut query),
    };
    let name = &p.name;
    let body = match (&p.ty, p.style) {
        (TypeRef::Array(item), style)
            if is_scalar(item, api) && style != ParamStyle::DeepObject =>
        {
            let text = wire_text(item, quote!(item), api);
            let owned = owned_text(item, quote!(item), api);
            let separator = match style {
                ParamStyle::Form if p.explode => None,
                ParamStyle::SpaceDelimited => Some(" "),
                ParamStyle::PipeDelimited => Some("|"),
                _ => Some(","),
            };
            match separator {
                // Exploded: one `name=item` entry per item.
                None => quote! {
                    for item in value {
                        query.append(#name, #text);
                    }
                },
                Some(separator) => quote! {
                    let joined: Vec<String> = value.iter().map(|item| #owned).collect();
                    query.append(#name, &joined.join(#separator));
                },
            }
        }
        _ => form::append(
            api,
            &p.ty,
            quote!(value),
            form::Key::Top(name),
            &target,
            false,
        ),
    };
    let field = ident(&p.ident);
    if p.required {
        quote! {
            let value = &request.#field;
            #body
        }
    } else {
        quote! {
            if let Some(value) = &request.#field {
                #body
            }
        }
    }
}

fn status_pattern(status: Status) -> TokenStream {
    match status {
        Status::Code(code) => {
            let code = Literal::u16_unsuffixed(code);
            quote!(#code)
        }
        Status::Range(class) => {
            let low = Literal::u16_unsuffixed(class * 100);
            let high = Literal::u16_unsuffixed(class * 100 + 99);
            quote!(#low..=#high)
        }
        Status::Default => quote!(_),
    }
}

fn response_arms(op: &Operation, error_name: &proc_macro2::Ident) -> Vec<TokenStream> {
    let mut ordered: Vec<&crate::ir::Response> = op.responses.iter().collect();
    // Exact codes before ranges before `default`, so that every arm is reachable.
    ordered.sort_by_key(|r| match r.status {
        Status::Code(_) => 0,
        Status::Range(_) => 1,
        Status::Default => 2,
    });
    let success_enum = has_success_enum(op).then(|| format_ident!("{}Success", op.type_ident));
    let mut arms = Vec::new();
    for r in &ordered {
        let pattern = status_pattern(r.status);
        if r.status.is_success() {
            let arm = match (&r.body, &success_enum) {
                (Some(_), None) => quote!(#pattern => runtime::decode(sent),),
                (None, None) => quote!(#pattern => Ok(runtime::empty(sent)),),
                (Some(body), Some(name)) => {
                    let variant = ident(&r.variant);
                    let body = rust_type(body, &quote!(types::));
                    quote!(#pattern => runtime::decode::<#body, _>(sent).map(|response| response.map(#name::#variant)),)
                }
                (None, Some(name)) => {
                    let variant = ident(&r.variant);
                    quote!(#pattern => Ok(runtime::empty(sent).map(|()| #name::#variant)),)
                }
            };
            arms.push(arm);
        } else {
            let variant = ident(&r.variant);
            let arm = match &r.body {
                Some(_) => {
                    quote!(#pattern => Err(runtime::api_error(sent, #error_name::#variant)),)
                }
                None => quote!(#pattern => Err(runtime::api_status(sent, #error_name::#variant)),),
            };
            arms.push(arm);
        }
    }
    if !ordered.iter().any(|r| r.status == Status::Default) {
        arms.push(quote!(_ => Err(runtime::unexpected(sent)),));
    }
    arms
}
