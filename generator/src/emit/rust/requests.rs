//! Request structs: their fields (required ones plain, the rest `Option`), the constructor
//! taking the required ones, `validate` for documented constraints, and the enum of media
//! types a body may be sent as.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};

use super::types::{field_doc, param_doc};
use super::{doc_lines, docs, ident, rust_type, with_value};
use crate::ir::{Api, Operation, RequestField, Retry, StringFormat, TypeRef};

/// An operation's request types: its request struct with one `impl` for the constructor and
/// `validate` (as written by hand), and the enum of media types it may send.
pub(super) fn request_items(api: &Api, op: &Operation) -> TokenStream {
    let request_struct = op.request.as_ref().map(|request| {
        let definition = request_struct(op);
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
    let media_enum = media_enum(op);
    quote!(#request_struct #media_enum)
}

/// The enum of media types the caller may send the body as, when the spec offers several.
fn media_enum(op: &Operation) -> Option<TokenStream> {
    let name = ident(op.request.as_ref()?.media_enum.as_ref()?);
    let body = op.body.as_ref()?;
    let doc = doc_lines(&format!(
        "The media types [`{}`] can send its body as.",
        op.owner_path(&op.call_ident)
    ));
    let variants = body.choices.iter().map(|c| {
        let variant = ident(&c.variant);
        let doc = doc_lines(&format!("`{}`", c.media_type));
        let wire = &c.media_type;
        quote!(#doc #[serde(rename = #wire)] #variant,)
    });
    let arms = body.choices.iter().map(|c| {
        let (variant, media_type) = (ident(&c.variant), &c.media_type);
        quote!(Self::#variant => #media_type,)
    });
    Some(quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
        Some(if field.is_tristate() {
            quote! {
                if let crate::Nullable::Value(value) = &self.#field_ident {
                    #check
                }
            }
        } else {
            with_value(quote!(self.#field_ident), field.is_option(), check)
        })
    });
    let doc = doc_lines(&format!(
        "Checks the values against the constraints the API documents (string lengths, number \
         ranges), as [`{}`] does before sending unless validation is turned off.\n\n\
         # Errors\n\nThe first [`ValidationError`] found, naming the field.",
        op.owner_path(&op.call_ident)
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
            Some(with_value(quote!(entry.#member), f.is_option(), check))
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

fn request_struct(op: &Operation) -> TokenStream {
    let Some(request) = &op.request else {
        return TokenStream::new();
    };
    let name = ident(&request.ident);
    let doc = doc_lines(&format!(
        "What [`{}`] sends besides its path parameters.",
        op.owner_path(&op.call_ident)
    ));
    let default = request.has_default.then(|| quote!(Default,));
    let serializable = serializable(op);
    let serde = serializable.then(|| quote!(, Serialize, Deserialize));
    let optional = quote!(#[serde(default, skip_serializing_if = "Option::is_none")]);
    let optional = serializable.then_some(optional);
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
        let (ty, skip) = if field.is_tristate() {
            let skip =
                quote!(#[serde(default, skip_serializing_if = "crate::Nullable::is_absent")]);
            (quote!(crate::Nullable<#ty>), Some(skip))
        } else if field.is_option() {
            let skip = quote!(#[serde(default, skip_serializing_if = "Option::is_none")]);
            (quote!(Option<#ty>), Some(skip))
        } else {
            (ty, None)
        };
        // Serialized (to log or queue a request) only when it holds no upload, which is a
        // stream or bytes with a file name, not data.
        let skip = serializable.then_some(skip);
        quote!(#doc #deprecated #skip pub #name: #ty,)
    });
    let choice_field = op.body.as_ref().and_then(|body| {
        let field = ident(body.choice_field.as_ref()?);
        let choice = ident(request.media_enum.as_ref()?);
        let doc = doc_lines(&format!(
            "The media type to send the body as; `None`: `{}`.",
            body.media_type
        ));
        Some(quote!(#doc #optional pub #field: Option<#choice>,))
    });
    let key_field = match (&op.retry, &request.idempotency_field) {
        (Retry::WithKey { header }, Some(field)) => {
            let name = ident(field);
            let doc = doc_lines(&format!(
                "The idempotency key, sent as the `{header}` header. Leave it `None` to let the \
                 client create one for this call (reused across its retries); set it to make the \
                 call safe to repeat yourself, for example after a crash."
            ));
            Some(quote!(#doc #optional pub #name: Option<String>,))
        }
        _ => None,
    };
    quote! {
        #doc
        #[derive(Debug, Clone, #default PartialEq #serde)]
        pub struct #name {
            #(#fields)*
            #choice_field
            #key_field
        }
    }
}

/// Whether the operation's request struct is `Serialize` and `Deserialize`: unless it holds an
/// upload, which is a stream or bytes with a file name, not data.
fn serializable(op: &Operation) -> bool {
    !op.request_fields().any(|field| holds_upload(field.ty()))
}

/// Whether the module of `op` needs serde's derives: for its request struct, or for the enum
/// of media types it may send.
pub(super) fn uses_serde(op: &Operation) -> bool {
    op.request
        .as_ref()
        .is_some_and(|r| serializable(op) || r.media_enum.is_some())
}

/// Whether a value of this type holds an [`StringFormat::File`] upload.
fn holds_upload(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::String(StringFormat::File) => true,
        TypeRef::Array(inner) | TypeRef::Map(inner) => holds_upload(inner),
        _ => false,
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
        if field.is_tristate() {
            inits.push(quote!(#member: crate::Nullable::Absent,));
        } else if field.is_option() {
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
    let plain_option = |f: &RequestField<'_>| f.is_option() && !f.is_tristate();
    if let Some(optional) = op.request_fields().find(plain_option) {
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
