//! `src/<group>.rs`: each group's operations as `Client` methods, with their request structs
//! (and success enums where successes differ). Every decision (fields, names, retry class,
//! error enum) comes from the IR; this file only spells it out.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, ToTokens};

use super::form;
use super::responses::{in_match_order, response_variant, status_pattern};
use super::types::{field_doc, param_doc};

use super::{doc_lines, docs, ident, rust_type};
use crate::emit::{text, CrateInfo};
use crate::ir::{
    Api, ArrayKeys, BodyEncoding, Media, Nesting, Operation, ParamLocation, ParamStyle, Parameter,
    PathSegment, RequestField, Retry, StringFormat, Success, TypeRef,
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
    let uses_types = ops.iter().any(|op| {
        op.request_fields().any(|f| mentions_named(f.ty()))
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
    let validates = ops
        .iter()
        .any(|op| op.request.as_ref().is_some_and(|r| r.validated));
    let validation_import = validates.then(|| {
        quote!(
            use crate::error::ValidationError;
        )
    });
    // Sorted as rustfmt sorts them, with the runtime's names.
    let mut names: BTreeSet<&str> = ops.iter().map(|op| op.errors.as_str()).collect();
    names.extend(["Client", "Error", "Response"]);
    let names = names.into_iter().map(ident);
    quote! {
        #![doc = #module_doc]
        use reqwest::Method;

        #validation_import
        #runtime_import
        #types_import
        use crate::{#(#names),*};

        #key_header

        #nestings

        #(#types)*

        impl Client {
            #(#methods)*
        }
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

/// An operation's types: its request struct (with `validate`) and success enum.
fn operation_types(api: &Api, op: &Operation) -> TokenStream {
    let request_struct = op.request.as_ref().map(|request| {
        let definition = request_struct(op);
        // One `impl` for the request's constructor and its `validate`, as written by hand.
        let new = (!request.has_default).then(|| constructor(op, request));
        let validate = validate_fn(api, op);
        let methods = (new.is_some() || validate.is_some()).then(|| {
            let name = ident(&request.ident);
            quote! {
                impl #name {
                    #new
                    #validate
                }
            }
        });
        quote!(#definition #methods)
    });
    let success_enum = success_enum(op);
    let media_enum = media_enum(op);
    quote!(#request_struct #media_enum #success_enum)
}

/// The enum of media types the caller may send the body as, when the spec offers several.
fn media_enum(op: &Operation) -> Option<TokenStream> {
    let name = ident(op.request.as_ref()?.media_enum.as_ref()?);
    let body = op.body.as_ref()?;
    let doc = doc_lines(&format!(
        "The media types [`Client::{}`] can send its body as.",
        op.ident
    ));
    let variants = body.choices.iter().map(|c| {
        let variant = ident(&c.variant);
        let doc = doc_lines(&format!("`{}`", c.media_type));
        quote!(#doc #variant,)
    });
    let arms = body.choices.iter().map(|c| {
        let (variant, media_type) = (ident(&c.variant), &c.media_type);
        quote!(Self::#variant => #media_type,)
    });
    Some(quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// The media type, as sent in `Content-Type`.
            pub fn as_str(self) -> &'static str {
                match self {
                    #(#arms)*
                }
            }
        }
    })
}

/// An operation's `Client` methods: the call, and the stream of pages for paginated ones.
fn operation_methods(
    api: &Api,
    krate: &CrateInfo,
    op: &Operation,
    nestings: &mut form::Nestings,
) -> TokenStream {
    let method = method(api, krate, op, nestings);
    let pages = pages_method(op);
    quote!(#method #pages)
}

/// The statement checking `value` (a reference) against documented lengths or ranges, named
/// `name` in the error; `None` when nothing is documented to check.
fn constraint_check(
    ty: &TypeRef,
    c: &crate::ir::Constraints,
    name: TokenStream,
) -> Option<TokenStream> {
    let option = |v: Option<TokenStream>| v.map_or_else(|| quote!(None), |v| quote!(Some(#v)));
    match ty {
        TypeRef::String(StringFormat::Plain)
            if c.min_length.is_some() || c.max_length.is_some() =>
        {
            let min = option(
                c.min_length
                    .map(|n| Literal::usize_unsuffixed(n).into_token_stream()),
            );
            let max = option(
                c.max_length
                    .map(|n| Literal::usize_unsuffixed(n).into_token_stream()),
            );
            Some(quote!(runtime::check_length(#name, value, #min, #max)?;))
        }
        TypeRef::Integer(_) | TypeRef::Number if c.minimum.is_some() || c.maximum.is_some() => {
            let min = option(
                c.minimum
                    .map(|n| Literal::f64_unsuffixed(n).into_token_stream()),
            );
            let max = option(
                c.maximum
                    .map(|n| Literal::f64_unsuffixed(n).into_token_stream()),
            );
            let number = if matches!(ty, TypeRef::Number) {
                quote!(*value)
            } else {
                quote!(*value as f64)
            };
            Some(quote!(runtime::check_range(#name, #number, #min, #max)?;))
        }
        _ => None,
    }
}

/// `validate`, for requests with something to check: top-level string lengths and number
/// ranges, and those of each entry of a multi-value group.
fn validate_fn(api: &Api, op: &Operation) -> Option<TokenStream> {
    op.request.as_ref().filter(|r| r.validated)?;
    let entries = op
        .request_fields()
        .filter_map(|field| entry_checks(api, op, field));
    let checks = op.request_fields().filter_map(|field| {
        let field_ident = ident(field.ident());
        let wire = field.name();
        let check = constraint_check(field.ty(), field.constraints(), quote!(#wire))?;
        Some(if !field.is_option() {
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
        })
    });
    let doc = doc_lines(&format!(
        "Checks the values against the constraints the API documents (string lengths, number \
         ranges), as [`Client::{}`] does before sending unless validation is turned off.\n\n\
         # Errors\n\nThe first [`ValidationError`] found, naming the field.",
        op.ident
    ));
    Some(quote! {
        #doc
        pub fn validate(&self) -> Result<(), ValidationError> {
            #(#checks)*
            #(#entries)*
            Ok(())
        }
    })
}

/// The checks of each entry of a request field that is a multi-value group turned into a
/// list of entries: each value against its list's `items` constraints, named as it is sent
/// (`addons[quantity][1]`).
fn entry_checks(api: &Api, op: &Operation, field: RequestField<'_>) -> Option<TokenStream> {
    let group = match field {
        RequestField::Param(p) => p.group.as_ref(),
        RequestField::Body(f) => op
            .body
            .as_ref()
            .and_then(|b| b.encodings.iter().find(|e| e.name == f.name))
            .and_then(|e| e.group.as_ref()),
    }?;
    let entry = api.type_def(group.entry.as_deref()?)?;
    let crate::ir::TypeKind::Struct { fields, .. } = &entry.kind else {
        return None;
    };
    let checks: Vec<TokenStream> = fields
        .iter()
        .filter_map(|f| {
            let member = ident(&f.ident);
            let wire = format!(
                "{}[{}][{{index}}]",
                field.name().replace('{', "{{").replace('}', "}}"),
                f.name.replace('{', "{{").replace('}', "}}")
            );
            let check = constraint_check(&f.ty, &f.constraints, quote!(&format!(#wire)))?;
            Some(if !f.is_option() {
                quote! {
                    let value = &entry.#member;
                    #check
                }
            } else {
                quote! {
                    if let Some(value) = &entry.#member {
                        #check
                    }
                }
            })
        })
        .collect();
    if checks.is_empty() {
        return None;
    }
    let field_ident = ident(field.ident());
    let entries = if !field.is_option() {
        quote!(self.#field_ident.iter())
    } else {
        quote!(self.#field_ident.iter().flatten())
    };
    Some(quote! {
        for (index, entry) in #entries.enumerate() {
            #(#checks)*
        }
    })
}

/// The Rust type a successful call's `Response<_>` carries.
fn success_type(op: &Operation) -> TokenStream {
    match &op.success {
        Success::Enum { ident: name } => ident(name).into_token_stream(),
        _ if op.downloads() => quote!(crate::Download),
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
        "The successful answers of [`Client::{}`], which differ in their bodies.",
        op.ident
    ));
    let variants = op.success_responses().map(response_variant);
    // Bodies differ in size and the enum is returned by value, once per call: boxing every
    // variant would cost each caller a deref for nothing.
    let size_allow = (op.success_responses().filter(|r| r.body.is_some()).count() > 1)
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

/// For a paginated operation, a method returning a stream of pages that follows the next-page
/// token until the last page.
fn pages_method(op: &Operation) -> Option<TokenStream> {
    let pagination = op.pagination.as_ref()?;
    let request = op.request.as_ref()?;
    let Success::Body { ty: Some(success) } = &op.success else {
        return None;
    };
    let param = op
        .params
        .iter()
        .find(|p| p.name == pagination.param && !p.common)?;
    let success_type = rust_type(success, &quote!(types::));
    let name = ident(&op.pages_ident());
    let single = ident(&op.ident);
    let request_name = ident(&request.ident);
    let error_name = ident(&op.errors);
    let token_field = ident(&param.ident);
    let next_field = ident(&pagination.next_field_ident);
    let path_args: Vec<_> = op.path_params().map(|p| ident(&p.ident)).collect();
    let doc = doc_lines(&format!(
        "Every page of [`Client::{}`], in order: the stream sends `request`, then follows `{}` \
         (as the `{}` parameter) until the API returns none. Collect it with \
         `futures_util::TryStreamExt` (`try_collect`, `try_next`).\n\n\
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

fn request_struct(op: &Operation) -> TokenStream {
    let Some(request) = &op.request else {
        return TokenStream::new();
    };
    let name = ident(&request.ident);
    let doc = doc_lines(&format!(
        "What [`Client::{}`] sends besides its path parameters.",
        op.ident
    ));
    let default = request.has_default.then(|| quote!(Default,));
    let types = quote!(types::);
    let fields = op.request_fields().map(|field| {
        let (text, deprecated) = match field {
            RequestField::Param(p) => (param_doc(p), p.deprecated),
            RequestField::Body(f) => {
                let mut text = field_doc(f);
                // The wire name only needs saying when it differs from the field's.
                if f.name != f.ident {
                    text.push_str(&format!(
                        "\n\nSent as the `{}` body field.",
                        f.name.replace('`', "'")
                    ));
                }
                if f.ty == TypeRef::String(StringFormat::Base64) {
                    text.push_str(" Give the plain text: the client sends it Base64-encoded.");
                }
                (text, f.deprecated)
            }
        };
        let doc = docs(Some(&text));
        let deprecated = deprecated.then(|| quote!(#[deprecated]));
        let name = ident(field.ident());
        let ty = rust_type(field.ty(), &types);
        let ty = if field.is_option() {
            quote!(Option<#ty>)
        } else {
            ty
        };
        quote!(#doc #deprecated pub #name: #ty,)
    });
    let choice_field = op.body.as_ref().and_then(|body| {
        let field = ident(body.choice_field.as_ref()?);
        let choice = ident(request.media_enum.as_ref()?);
        let doc = doc_lines(&format!(
            "The media type to send the body as; `None`: `{}`.",
            body.media_type
        ));
        Some(quote!(#doc pub #field: Option<#choice>,))
    });
    let key_field = match (&op.retry, &request.idempotency_field) {
        (Retry::WithKey { header }, Some(field)) => {
            let name = ident(field);
            let doc = doc_lines(&format!(
                "The idempotency key, sent as the `{header}` header. Leave it `None` to let the \
                 client create one for this call (reused across its retries); set it to make the \
                 call safe to repeat yourself, for example after a crash."
            ));
            Some(quote!(#doc pub #name: Option<String>,))
        }
        _ => None,
    };
    quote! {
        #doc
        #[derive(Debug, Clone, #default PartialEq)]
        pub struct #name {
            #(#fields)*
            #choice_field
            #key_field
        }
    }
}

/// `new`, taking the required fields in order (text as `impl Into<String>`) and leaving the
/// optional ones `None`, so callers spell only what they set:
/// `Request { coupon: Some(..), ..Request::new(plan_id) }`.
fn constructor(op: &Operation, request: &crate::ir::Request) -> TokenStream {
    let types = quote!(types::);
    let mut args = Vec::new();
    let mut inits = Vec::new();
    for field in op.request_fields() {
        let member = ident(field.ident());
        if field.is_option() {
            inits.push(quote!(#member: None,));
        } else if matches!(
            field.ty(),
            TypeRef::String(StringFormat::Plain | StringFormat::Base64)
        ) {
            args.push(quote!(#member: impl Into<String>,));
            inits.push(quote!(#member: #member.into(),));
        } else {
            let ty = rust_type(field.ty(), &types);
            args.push(quote!(#member: #ty,));
            inits.push(quote!(#member,));
        }
    }
    let choice = op.body.as_ref().and_then(|b| b.choice_field.as_ref());
    for field in choice.into_iter().chain(&request.idempotency_field) {
        let member = ident(field);
        inits.push(quote!(#member: None,));
    }
    // As many arguments as the API requires fields: the alternative, a builder, would move the
    // missing-field error from the compiler to run time.
    let allow = (args.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let mut text = "A request with its required values.".to_owned();
    if let Some(optional) = op.request_fields().find(RequestField::is_option) {
        let name = &request.ident;
        text.push_str(&format!(
            "\n\nThe optional ones are `None`; set those with\n\
             `{name} {{ {}: Some(..), ..{name}::new(..) }}`.",
            optional.ident()
        ));
    }
    let doc = doc_lines(&text);
    quote! {
        #doc
        #allow
        pub fn new(#(#args)*) -> Self {
            Self { #(#inits)* }
        }
    }
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

/// Statements setting the request body on `call`.
fn body_statements(api: &Api, op: &Operation, nestings: &mut form::Nestings) -> TokenStream {
    let Some(body) = &op.body else {
        return TokenStream::new();
    };
    let media_type = &body.media_type;
    match body.encoding {
        BodyEncoding::Form if body.fields.is_empty() => quote!(call.form(runtime::Form::new());),
        BodyEncoding::Form => {
            let target = form::Target::local("form");
            let appends = body.fields.iter().map(|f| {
                let top = match body.encodings.iter().find(|e| e.name == f.name) {
                    Some(e) if e.json => form::Top::Json,
                    Some(e) => {
                        form::Top::of(e.style, e.explode, e.list, e.nesting, e.allow_reserved)
                    }
                    None => form::Top::of(
                        ParamStyle::Form,
                        true,
                        ArrayKeys::Repeat,
                        Nesting::default(),
                        false,
                    ),
                };
                let append =
                    form::append_top(api, &f.ty, quote!(value), &f.name, top, &target, nestings);
                let field = ident(&f.ident);
                if !f.is_option() {
                    quote! {
                        let value = &request.#field;
                        #append
                    }
                } else {
                    quote! {
                        if let Some(value) = &request.#field {
                            #append
                        }
                    }
                }
            });
            quote! {
                let mut form = runtime::Form::new();
                #(#appends)*
                call.form(form);
            }
        }
        BodyEncoding::Multipart => super::multipart::statements(api, body),
        BodyEncoding::Binary | BodyEncoding::Text => {
            let send = if body.encoding == BodyEncoding::Binary {
                quote!(call.upload(#media_type, body)?;)
            } else {
                quote!(call.text(#media_type, body);)
            };
            match body.fields.first() {
                Some(field) if !field.is_option() => quote! {
                    let body = &request.body;
                    #send
                },
                _ => quote! {
                    if let Some(body) = &request.body {
                        #send
                    }
                },
            }
        }
        BodyEncoding::Json => {
            // The caller's choice of media type, else the default.
            let media_type = match (
                &body.choice_field,
                op.request.as_ref().and_then(|r| r.media_enum.as_ref()),
            ) {
                (Some(field), Some(choice)) => {
                    let (field, choice) = (ident(field), ident(choice));
                    quote!(request.#field.map_or(#media_type, #choice::as_str))
                }
                _ => quote!(#media_type),
            };
            let single_body = body.fields.len() == 1
                && body.fields[0].name == "body"
                && body.fields[0].ident == "body";
            if single_body {
                return quote!(call.json(#media_type, &request.body)?;);
            }
            let inserts = body.fields.iter().map(|f| {
                let field = ident(&f.ident);
                let key = &f.name;
                // A required field that may be null is sent as `null` when it is `None`.
                if f.required {
                    quote!(body.insert(#key.to_owned(), runtime::json_value(#key, &request.#field)?);)
                } else {
                    quote! {
                        if let Some(value) = &request.#field {
                            body.insert(#key.to_owned(), runtime::json_value(#key, value)?);
                        }
                    }
                }
            });
            quote! {
                let mut body = serde_json::Map::new();
                #(#inserts)*
                call.json(#media_type, &body)?;
            }
        }
    }
}

fn method(
    api: &Api,
    krate: &CrateInfo,
    op: &Operation,
    nestings: &mut form::Nestings,
) -> TokenStream {
    let name = ident(&op.ident);
    let error_name = ident(&op.errors);
    let path_args = op.path_params().map(|p| {
        let arg = ident(&p.ident);
        quote!(#arg: &str,)
    });
    let request_arg = op.request.as_ref().map(|r| {
        let request_name = ident(&r.ident);
        quote!(request: &#request_name,)
    });
    let success_type = success_type(op);
    let (encodings, path) = path_expr(op);
    let method_const = format_ident!("{}", op.method.as_str());
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
    let body = body_statements(api, op, nestings);
    let streamed = op.downloads().then(|| quote!(call.streamed();));
    let security = super::security::statement(api, op);
    let arms = response_arms(op);
    let doc = method_doc(api, krate, op);
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    quote! {
        #doc
        #deprecated
        pub async fn #name(&self, #(#path_args)* #request_arg) -> Result<Response<#success_type>, Error<#error_name>> {
            #(#encodings)*
            let mut call = self.call(Method::#method_const, #path);
            #streamed
            #validation
            #security
            #retry
            #common
            #(#headers)*
            #query
            #body
            let sent = call.send().await?;
            match sent.status() {
                #(#arms)*
            }
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
    doc_text.push_str(&format!(
        "`{} {}` (errors: [`{}`](crate::{}) in [`Error::Api`])",
        op.method.as_str(),
        op.path.replace('`', "'"),
        op.errors,
        op.errors
    ));
    if op.deprecated {
        doc_text.push_str("\n\n**Deprecated** by the API.");
    }

    let example =
        super::example::usage_example(api, krate, op, super::example::ExampleForm::MethodDoctest);
    doc_text.push_str(&format!("\n\n# Example\n\n```no_run\n{example}\n```"));
    doc_lines(&doc_text)
}

/// The success arms of the status match, then the error responses' arm.
fn response_arms(op: &Operation) -> Vec<TokenStream> {
    let mut arms = Vec::new();
    for r in in_match_order(op.success_responses()) {
        let pattern = status_pattern(r.status);
        let arm = match (&r.body, &op.success) {
            (_, Success::Body { ty: Some(_) }) if op.downloads() => {
                quote!(#pattern => sent.download(),)
            }
            (_, Success::Body { ty: Some(_) }) => match r.media {
                Media::Json => quote!(#pattern => sent.json(),),
                Media::Text => quote!(#pattern => Ok(sent.text()),),
                Media::Binary => quote!(#pattern => Ok(sent.bytes()),),
            },
            (_, Success::Body { ty: None }) => quote!(#pattern => Ok(sent.empty()),),
            (Some(body), Success::Enum { ident: name }) => {
                let (name, variant) = (ident(name), ident(&r.variant));
                match r.media {
                    Media::Json => {
                        let body = rust_type(body, &quote!(types::));
                        quote!(#pattern => sent.json::<#body, _>().map(|response| response.map(#name::#variant)),)
                    }
                    Media::Text => quote!(#pattern => Ok(sent.text().map(#name::#variant)),),
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
