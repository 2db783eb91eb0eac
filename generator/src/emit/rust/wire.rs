//! Values as text on the wire: what is sent as one plain string (a primitive or a string
//! enum), and the expressions that turn a Rust value into that text. Instants are written as
//! RFC 3339 in UTC (`2026-11-26T15:25:00Z`, fractions only when there are any), dates as
//! `2026-11-26`: `DateTime`'s `Display` (`2026-11-26 15:25:00 UTC`) is not RFC 3339.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Api, StringFormat, TypeKind, TypeRef};

/// Whether a value is sent as one plain text: a primitive or a string enum.
pub(super) fn is_scalar(ty: &TypeRef, api: &Api) -> bool {
    match ty {
        // Bytes are never one text: files travel as multipart parts or whole bodies.
        TypeRef::String(StringFormat::Binary | StringFormat::File) => false,
        TypeRef::String(_) | TypeRef::Integer(_) | TypeRef::Number | TypeRef::Boolean => true,
        TypeRef::Named(name) => matches!(
            api.type_def(name).map(|t| &t.kind),
            Some(TypeKind::Enum { .. })
        ),
        TypeRef::Array(_) | TypeRef::Map(_) | TypeRef::Any => false,
    }
}

/// The expression that turns a value (a reference) into the `&str` to send; `name` names the
/// value in an encoding error.
pub(super) fn wire_text(ty: &TypeRef, value: TokenStream, api: &Api, name: &str) -> TokenStream {
    match ty {
        TypeRef::String(StringFormat::Plain) => value,
        TypeRef::String(StringFormat::Base64) => quote!(&runtime::base64(#value)),
        TypeRef::String(StringFormat::DateTime) => {
            quote!(&#value.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
        }
        // NaN and the infinities have no text a server reads as a number: refused.
        TypeRef::Number => quote!(&runtime::number(#name, *#value)?),
        TypeRef::String(StringFormat::Date) | TypeRef::Integer(_) | TypeRef::Boolean => {
            quote!(&#value.to_string())
        }
        TypeRef::Named(_) if is_scalar(ty, api) => quote!(#value.as_str()),
        TypeRef::String(StringFormat::Binary | StringFormat::File)
        | TypeRef::Named(_)
        | TypeRef::Array(_)
        | TypeRef::Map(_)
        | TypeRef::Any => {
            quote!(&runtime::json(#name, #value)?)
        }
    }
}

/// Like [`wire_text`], as an owned `String`.
pub(super) fn owned_text(ty: &TypeRef, value: TokenStream, api: &Api, name: &str) -> TokenStream {
    match ty {
        TypeRef::String(StringFormat::Plain) => quote!(#value.clone()),
        TypeRef::String(StringFormat::Base64) => quote!(runtime::base64(#value)),
        TypeRef::String(StringFormat::DateTime) => {
            quote!(#value.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
        }
        TypeRef::String(StringFormat::Date)
        | TypeRef::Integer(_)
        | TypeRef::Number
        | TypeRef::Boolean => quote!(#value.to_string()),
        TypeRef::Named(_) if is_scalar(ty, api) => quote!(#value.as_str().to_owned()),
        TypeRef::String(StringFormat::Binary | StringFormat::File)
        | TypeRef::Named(_)
        | TypeRef::Array(_)
        | TypeRef::Map(_)
        | TypeRef::Any => {
            quote!(runtime::json(#name, #value)?)
        }
    }
}
