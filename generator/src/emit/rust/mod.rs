//! The Rust sources of the client crate, built with `quote` and printed as `prettyplease`
//! prints them (regular items by `print`'s own printer, the rest by prettyplease).
//!
//! Every identifier comes from the IR (already safe); every piece of spec text enters the
//! token stream only as a string literal, so no spec can inject code.
//!
//! Which files a crate has is `layout`'s; how they are built on all cores is `schedule`'s;
//! the rest of this module is what every emitter shares (identifiers, docs, Rust types).

mod append_form;
mod bodies;
mod common;
mod enums;
mod features;
mod form;
mod layout;
mod lib_rs;
mod multipart;
mod operations;
#[cfg(test)]
mod operations_tests;
mod pages;
pub(crate) mod print;
mod requests;
mod responses;
mod schedule;
mod security;
mod servers;
mod streams;
mod struct_serde;
mod types;
mod unions;
#[cfg(test)]
mod unions_tests;
mod webhook_verify;
mod webhooks;
mod wire;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::text;
use crate::ir::{IntegerFormat, StringFormat, TypeRef};

pub(crate) use features::Features;
pub(crate) use layout::{module_list, Visibility};
pub(crate) use pages::follows;
#[cfg(test)]
use schedule::all_tokens;
pub use schedule::{emit_single_file, emit_staged};

/// The words `syn` does not accept as an identifier (its `accept_as_ident`).
const KEYWORDS: &[&str] = &[
    "_", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "Self", "self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// An identifier the IR vouches for. Should one ever be invalid, a fixed placeholder keeps the
/// generator from panicking and the bad file fails `format` with a clear message instead.
fn ident(name: &str) -> Ident {
    // The common case without a parse: an ASCII identifier that is no keyword (those `syn`
    // refuses as identifiers).
    let plain = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !KEYWORDS.contains(&name);
    if plain {
        return Ident::new(name, Span::call_site());
    }
    match syn::parse_str::<Ident>(name) {
        Ok(ident) => ident,
        Err(_) => Ident::new("invalid_identifier", Span::call_site()),
    }
}

/// `#[doc]` attributes for a description (as Markdown safe for rustdoc).
fn docs(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) if !text.trim().is_empty() => doc_lines(&text::markdown(text)),
        _ => TokenStream::new(),
    }
}

/// `#[doc]` attributes for text that is already Markdown.
fn doc_lines(markdown: &str) -> TokenStream {
    // `lines` keeps a carriage return that ends no line; rustc refuses it in a doc comment.
    let markdown = markdown.replace("\r\n", "\n").replace('\r', "\n");
    let lines = markdown.lines().map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote! { #( #[doc = #lines] )* }
}

/// `body` with `value` bound to a reference to `place` (`request.plan_id`): directly for a
/// field that is always there, under `if let Some` for an `Option`.
fn with_value(place: TokenStream, optional: bool, body: TokenStream) -> TokenStream {
    if optional {
        quote! {
            if let Some(value) = &#place {
                #body
            }
        }
    } else {
        quote! {
            let value = &#place;
            #body
        }
    }
}

/// The Rust type of a value; `types` is the path prefix for named types (`types::`), empty
/// inside the types module itself.
fn rust_type(ty: &TypeRef, types: &TokenStream) -> TokenStream {
    match ty {
        TypeRef::String(StringFormat::Plain | StringFormat::Base64) => quote!(String),
        TypeRef::String(StringFormat::DateTime) => quote!(chrono::DateTime<chrono::Utc>),
        TypeRef::String(StringFormat::Date) => quote!(chrono::NaiveDate),
        TypeRef::String(StringFormat::Binary) => quote!(Vec<u8>),
        TypeRef::String(StringFormat::File) => quote!(crate::Upload),
        TypeRef::Integer(IntegerFormat::Int32) => quote!(i32),
        TypeRef::Integer(IntegerFormat::Int64 | IntegerFormat::UnixTime) => quote!(i64),
        TypeRef::Number => quote!(f64),
        TypeRef::Boolean => quote!(bool),
        TypeRef::Named(name) => {
            let name = ident(name);
            quote!(#types #name)
        }
        TypeRef::Array(inner) => {
            let inner = rust_type(inner, types);
            quote!(Vec<#inner>)
        }
        TypeRef::Map(inner) => {
            let inner = rust_type(inner, types);
            quote!(std::collections::BTreeMap<String, #inner>)
        }
        TypeRef::Any => quote!(serde_json::Value),
    }
}
