//! The Rust sources of the client crate, built with `quote` and printed by `prettyplease`.
//!
//! Every identifier comes from the IR (already safe); every piece of spec text enters the
//! token stream only as a string literal, so no spec can inject code.

mod client;
mod example;
mod form;
mod lib_rs;
mod operations;
mod runtime;
mod types;
mod webhooks;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::{text, CrateInfo, Files};
use crate::ir::{Api, IntegerFormat, StringFormat, TypeRef};
use crate::Error;

pub use example::usage_example;
pub(crate) use operations::{has_request_struct, idempotency_header, success_type_name};

/// The modules of the crate, by name, in file order.
fn modules(api: &Api, krate: &CrateInfo) -> Vec<(String, TokenStream)> {
    let mut modules = vec![
        ("client".to_owned(), client::emit(api, krate)),
        ("error".to_owned(), client::error_module()),
        ("runtime".to_owned(), runtime::emit(api, krate)),
        ("types".to_owned(), types::emit(api)),
    ];
    if let Some(tokens) = webhooks::emit(api) {
        modules.push(("webhooks".to_owned(), tokens));
    }
    modules.extend(operations::emit(api, krate));
    modules
}

/// Emits `src/*.rs`.
pub fn emit(api: &Api, krate: &CrateInfo) -> Result<Files, Error> {
    let mut files = Files::new();
    files.insert("src/lib.rs".into(), format("src/lib.rs", lib_rs::emit(api, krate))?);
    for (name, tokens) in modules(api, krate) {
        let path = format!("src/{name}.rs");
        let source = format(&path, tokens)?;
        files.insert(path, source);
    }
    Ok(files)
}

/// Emits the whole client as one Rust file of items, for `include!` at a crate root.
pub fn emit_single_file(api: &Api, krate: &CrateInfo) -> Result<String, Error> {
    let file = format!("{}.rs", krate.lib);
    format(&file, lib_rs::single_file(api, modules(api, krate)))
}

/// Parses and pretty-prints one file.
fn format(file: &str, tokens: TokenStream) -> Result<String, Error> {
    let parsed: syn::File =
        syn::parse2(tokens).map_err(|e| Error::Emit { file: file.to_owned(), message: e.to_string() })?;
    Ok(separate_items(&prettyplease::unparse(&parsed)))
}

/// prettyplease prints items back to back; hand-written code separates them with a blank
/// line. Adds one after the inner docs, after the imports, and between items (a line that
/// closes a block, followed by the start of another item at the same depth).
fn separate_items(source: &str) -> String {
    const ITEM_STARTS: &[&str] = &[
        "pub ", "pub(crate) ", "impl", "#[", "#![", "///", "fn ", "async fn ", "mod ", "struct ", "enum ", "const ", "use ", "trait ", "type ",
    ];
    let lines: Vec<&str> = source.lines().collect();
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        let Some(next) = lines.get(i + 1) else { continue };
        let indent = line.len() - line.trim_start().len();
        let next_indent = next.len() - next.trim_start().len();
        let next_trimmed = next.trim_start();
        let starts_item = ITEM_STARTS.iter().any(|s| next_trimmed.starts_with(s));
        let trimmed = line.trim_start();
        let after_inner_docs = trimmed.starts_with("//!") && !next_trimmed.starts_with("//!");
        let after_inner_attributes = trimmed.starts_with("#![") && !next_trimmed.starts_with("#![");
        let after_imports = trimmed.starts_with("use ") && trimmed.ends_with(';') && !next_trimmed.starts_with("use ");
        let is_module = |l: &str| (l.starts_with("mod ") || l.starts_with("pub mod ")) && l.ends_with(';');
        let after_modules = is_module(trimmed) && !is_module(next_trimmed);
        let after_block = (trimmed == "}" || trimmed == "};" || (trimmed.ends_with(';') && indent == 0 && !is_module(trimmed) && !trimmed.starts_with("use ")))
            && starts_item
            && indent == next_indent;
        if after_inner_docs || after_inner_attributes || after_imports || after_modules || after_block {
            out.push('\n');
        }
    }
    out
}

/// An identifier the IR vouches for. Should one ever be invalid, a fixed placeholder keeps the
/// generator from panicking and the bad file fails `format` with a clear message instead.
fn ident(name: &str) -> Ident {
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
    let lines = markdown.lines().map(|line| if line.is_empty() { String::new() } else { format!(" {line}") });
    quote! { #( #[doc = #lines] )* }
}

/// The Rust type of a value; `types` is the path prefix for named types (`types::`), empty
/// inside the types module itself.
fn rust_type(ty: &TypeRef, types: &TokenStream) -> TokenStream {
    match ty {
        TypeRef::String(StringFormat::Plain | StringFormat::Base64) => quote!(String),
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

/// The Rust type as text, for documentation.
pub fn rust_type_name(ty: &TypeRef) -> String {
    match ty {
        TypeRef::String(_) => "String".into(),
        TypeRef::Integer(IntegerFormat::Int32) => "i32".into(),
        TypeRef::Integer(IntegerFormat::Int64 | IntegerFormat::UnixTime) => "i64".into(),
        TypeRef::Number => "f64".into(),
        TypeRef::Boolean => "bool".into(),
        TypeRef::Named(name) => name.clone(),
        TypeRef::Array(inner) => format!("Vec<{}>", rust_type_name(inner)),
        TypeRef::Map(inner) => format!("BTreeMap<String, {}>", rust_type_name(inner)),
        TypeRef::Any => "serde_json::Value".into(),
    }
}

/// The optional crates the generated code needs, for its `Cargo.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Dependencies {
    /// `base64`, for Base64-encoded parameters.
    pub base64: bool,
    /// `percent-encoding`, for path parameters.
    pub percent_encoding: bool,
    /// `form_urlencoded`, for query strings and form bodies.
    pub form_urlencoded: bool,
    /// `futures-util`, for the streams of paginated operations.
    pub futures_util: bool,
}

impl Dependencies {
    /// What `api`'s operations need.
    pub fn of(api: &Api, krate: &CrateInfo) -> Self {
        let uses = runtime::Uses::of(api, krate);
        Self { base64: uses.base64, percent_encoding: uses.path, form_urlencoded: uses.form || uses.cookie, futures_util: uses.pages }
    }
}

#[cfg(test)]
mod tests {
    use super::separate_items;

    #[test]
    fn items_are_separated_by_one_blank_line() {
        let printed = "//! Docs.\nuse a::b;\nuse c::d;\nmod x;\npub mod y;\npub struct A {\n    x: u8,\n}\nimpl A {\n    fn f() {}\n    fn g() {\n        h();\n    }\n    fn i() {}\n}\n";
        let expected = "//! Docs.\n\nuse a::b;\nuse c::d;\n\nmod x;\npub mod y;\n\npub struct A {\n    x: u8,\n}\n\nimpl A {\n    fn f() {}\n    fn g() {\n        h();\n    }\n\n    fn i() {}\n}\n";
        assert_eq!(separate_items(printed), expected);
    }
}
