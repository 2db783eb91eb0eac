//! Types and constraints in words, and types by their Rust paths from the crate root: what
//! the tables of the docs say about each value.

use crate::ir::{Api, Constraints, ParamLocation, StringFormat, TypeKind, TypeRef};

pub(super) fn location_name(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

/// A type as the generated code names it from the crate root: models are in `types`.
pub(super) fn rust_path(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(name) => format!("types::{name}"),
        TypeRef::Array(inner) => format!("Vec<{}>", rust_path(inner)),
        TypeRef::Map(inner) => format!("BTreeMap<String, {}>", rust_path(inner)),
        other => other.rust_name(),
    }
}

pub(super) fn enum_values(api: &Api, ty: &TypeRef) -> Vec<String> {
    match ty {
        TypeRef::Named(name) => match api.type_def(name).map(|t| &t.kind) {
            Some(TypeKind::Enum { values, .. }) => values.iter().map(|v| v.value.clone()).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// What each value of [`enum_values`] means, in its order.
pub(super) fn enum_value_descriptions(api: &Api, ty: &TypeRef) -> Vec<Option<String>> {
    match ty {
        TypeRef::Named(name) => match api.type_def(name).map(|t| &t.kind) {
            Some(TypeKind::Enum { values, .. }) => {
                values.iter().map(|v| v.description.clone()).collect()
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The OpenAPI type in words: `string (email)`, `integer (int64)`, `array of Invoice`.
pub(super) fn type_description(api: &Api, ty: &TypeRef, constraints: &Constraints) -> String {
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

pub(super) fn constraint_notes(c: &Constraints) -> Vec<String> {
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
