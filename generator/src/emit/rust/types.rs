//! `src/types.rs`: the models (structs and enums) of the API.

use std::ops::Range;

use proc_macro2::TokenStream;
use quote::quote;

use super::enums::{closed_enum, open_enum};
use super::features::{gate_items, Features, Gate};
use super::{append_form, docs, ident, rust_type};
use crate::ir::{Api, Field, Replaced, TypeDef, TypeKind};

/// The `types` module's types of `range` (indices into [`Api::types`]): each type, its impls
/// and its `append_form` under the features that reach them. The part starting at 0 opens
/// with the module's docs and imports; the parts, printed apart and concatenated, are the
/// whole module.
pub fn emit_part(api: &Api, features: &Features, range: Range<usize>) -> TokenStream {
    let form_types = append_form::form_types(api);
    let head = range.start == 0;
    let defs = api
        .types
        .iter()
        .take(range.end)
        .skip(range.start)
        .map(|def| {
            let tokens = gate_items(type_def(api, def), &features.of_type(&def.ident));
            let form_impl = form_types.contains(&def.ident).then(|| {
                gate_items(
                    append_form::append_form_impl(api, def),
                    &features.of_form(&def.ident),
                )
            });
            quote!(#tokens #form_impl)
        });
    if !head {
        return quote!(#(#defs)*);
    }
    // Each import under the features of the items that use it, so that none is left unused.
    let module = features.of_module("types");
    let import = |users: Vec<Gate>, path: TokenStream| {
        (!users.is_empty()).then(|| {
            let gate = Gate::union(&users).attr_within(&module);
            quote!(#gate use #path;)
        })
    };
    let runtime_import = import(
        form_types.iter().map(|t| features.of_form(t)).collect(),
        quote!(crate::runtime),
    );
    let fmt_import = import(
        api.types
            .iter()
            .filter(|t| matches!(t.kind, TypeKind::Enum { .. }))
            .map(|t| features.of_type(&t.ident))
            .collect(),
        quote!(std::fmt),
    );
    let serde_import = import(
        api.types
            .iter()
            .map(|t| features.of_type(&t.ident))
            .collect(),
        quote!(serde::{Deserialize, Serialize}),
    );
    let replaced = api.replaced.iter().map(replaced_def);
    quote! {
        //! The data types of the API: request and response bodies, their parts, and the
        //! enumerations of parameters.
        #fmt_import
        #serde_import
        #runtime_import
        #(#replaced)*
        #(#defs)*
    }
}

/// The types split into at most `parts` ranges of about equal printed size, in order, so that
/// the biggest file of a crate is built on all cores. The weights are rough line counts.
pub fn split(api: &Api, parts: usize) -> Vec<Range<usize>> {
    let weight = |def: &TypeDef| match &def.kind {
        TypeKind::Struct { fields, .. } => 6 + 4 * fields.len(),
        TypeKind::Enum { values, .. } => 40 + 4 * values.len(),
        TypeKind::Union { variants, .. } => 20 + 3 * variants.len(),
    };
    let total: usize = api.types.iter().map(weight).sum();
    let share = total.div_ceil(parts.max(1)).max(1);
    let mut ranges = Vec::new();
    let (mut start, mut filled) = (0, 0);
    for (i, def) in api.types.iter().enumerate() {
        filled += weight(def);
        if filled >= share && ranges.len() + 1 < parts {
            ranges.push(start..i + 1);
            (start, filled) = (i + 1, 0);
        }
    }
    if start < api.types.len() || ranges.is_empty() {
        ranges.push(start..api.types.len());
    }
    ranges
}

fn type_def(api: &Api, def: &TypeDef) -> TokenStream {
    let mut doc_text = match &def.description {
        Some(text) if !text.trim().is_empty() => text.clone(),
        // Every public item is documented; without a description, say where the type is from.
        _ => match def.origin.strip_prefix("#/components/schemas/") {
            Some(name) if !name.contains('/') => {
                format!("The `{}` schema.", name.replace('`', "'"))
            }
            _ => format!("Defined inline at `{}`.", def.origin.replace('`', "'")),
        },
    };
    if def.deprecated {
        doc_text.push_str("\n\n**Deprecated** by the API.");
    }
    let deprecated = def.deprecated.then(|| quote!(#[deprecated]));
    let doc = docs(Some(&doc_text));
    let name = ident(&def.ident);
    let doc = quote!(#doc #deprecated);
    let derives = extra_derives(def);
    match &def.kind {
        TypeKind::Struct { fields, additional } => {
            let additional_ident = append_form::additional_ident(fields);
            let additional = additional.as_ref().map(|ty| {
                let field = ident(&additional_ident);
                let ty = rust_type(ty, &quote!());
                quote! {
                    /// Properties beyond the ones listed above.
                    pub #field: std::collections::BTreeMap<String, #ty>,
                }
            });
            let rest = match (&additional, &def.extra) {
                (Some(_), _) => Some(additional_ident.as_str()),
                (None, Some(name)) => Some(name.as_str()),
                (None, None) => None,
            };
            let deprecated = def.deprecated || fields.iter().any(|f| f.deprecated);
            let rest = || rest.map(|field| super::struct_serde::Rest { field });
            let encoder = super::struct_serde::struct_encoder(&name, fields, rest(), deprecated);
            let decoder = super::struct_serde::struct_decoder(&name, fields, rest(), deprecated);
            let extra = def.extra.as_deref().map(|name| {
                let field = ident(name);
                quote! {
                    /// Properties the API sent that its description does not declare, as
                    /// received; sent back as they are.
                    pub #field: std::collections::BTreeMap<String, serde_json::Value>,
                }
            });
            // With every field optional, `..Default::default()` lets callers name only the
            // fields they set.
            let default = fields
                .iter()
                .all(|f| !f.required || f.nullable)
                .then(|| quote!(Default));
            let eq_hash = def.eq_hash.then(|| [quote!(Eq), quote!(Hash)]);
            let struct_derives = [quote!(Debug), quote!(Clone)]
                .into_iter()
                .chain(default)
                .chain([quote!(PartialEq)])
                .chain(eq_hash.into_iter().flatten())
                .chain(derives);
            let fields = fields.iter().map(|f| struct_field(f, &quote!()));
            quote! {
                #doc
                #[derive(#(#struct_derives),*)]
                pub struct #name {
                    #(#fields)*
                    #additional
                    #extra
                }

                #encoder
                #decoder
            }
        }
        TypeKind::Union { variants, tag } => {
            let eq_hash = def.eq_hash.then(|| [quote!(Eq), quote!(Hash)]);
            let derives: Vec<TokenStream> = eq_hash.into_iter().flatten().chain(derives).collect();
            super::unions::union_def(api, &name, doc, variants, tag.as_ref(), &derives)
        }
        TypeKind::Enum {
            values,
            open: false,
        } => closed_enum(&name, doc, values, &derives),
        TypeKind::Enum { values, open: true } => open_enum(&name, doc, values, &derives),
    }
}

/// The derives the settings add to a type, as paths (the IR checked that each parses).
fn extra_derives(def: &TypeDef) -> Vec<TokenStream> {
    def.derives
        .iter()
        .filter_map(|derive| syn::parse_str::<syn::Path>(derive).ok())
        .map(|path| quote!(#path))
        .collect()
}

/// A schema replaced by a type of the user's (`[replace]`): an alias, so that the rest of the
/// crate names it as any other type, and a check that fails the build with a message naming
/// the schema when the type lacks serde's traits.
fn replaced_def(replaced: &Replaced) -> TokenStream {
    let name = ident(&replaced.ident);
    let Ok(path) = syn::parse_str::<syn::Path>(&replaced.path) else {
        return TokenStream::new();
    };
    let doc = docs(Some(&format!(
        "The `{}` schema, replaced by `{}` (`[replace]` in apiforge.toml).",
        replaced.schema.replace('`', "'"),
        replaced.path
    )));
    // The message is a format string of rustc's: braces in a schema name are escaped.
    let schema = replaced.schema.replace('{', "{{").replace('}', "}}");
    let message = format!(
        "`{{Self}}` replaces the schema `{schema}` but does not implement serde's `Serialize` and `Deserialize`"
    );
    quote! {
        #doc
        pub type #name = #path;

        const _: () = {
            #[diagnostic::on_unimplemented(message = #message, label = "replaces a schema of the API", note = "the generated client sends and reads it as JSON with serde")]
            trait Replacement {}
            impl<T: serde::Serialize + serde::de::DeserializeOwned> Replacement for T {}
            fn check<T: Replacement>() {}
            let _ = check::<#path>;
        };
    }
}

/// A struct field; `types` prefixes named types. The struct's written-out `Serialize` and
/// `Deserialize` (`struct_serde`) know its wire name and presence, so it carries no serde
/// attribute.
pub(super) fn struct_field(field: &Field, types: &TokenStream) -> TokenStream {
    let name = ident(&field.ident);
    let doc = docs(Some(&field_doc(field)));
    let ty = rust_type(&field.ty, types);
    let ty = if field.boxed { quote!(Box<#ty>) } else { ty };
    let deprecated = field.deprecated.then(|| quote!(#[deprecated]));
    let ty = if field.tristate {
        quote!(crate::Nullable<#ty>)
    } else if !field.required || field.nullable {
        quote!(Option<#ty>)
    } else {
        ty
    };
    quote! {
        #doc
        #deprecated
        pub #name: #ty,
    }
}

pub(super) fn field_doc(field: &Field) -> String {
    let mut text = match &field.description {
        // A description that is only markup (Paylocity's `<br />`) documents nothing, and
        // the field would go undocumented (`missing_docs`).
        Some(text) if !crate::emit::text::markdown(text).trim().is_empty() => text.clone(),
        _ => format!("The `{}` property.", field.name.replace('`', "'")),
    };
    text.push_str(&constraint_doc(&field.constraints, field.deprecated));
    text
}

/// The constraints of a value in words (`Constraints: at most 300 characters.`), and its
/// deprecation, as paragraphs to append to its description; empty when there are none.
pub(super) fn constraint_doc(c: &crate::ir::Constraints, deprecated: bool) -> String {
    let mut text = String::new();
    let mut notes = Vec::new();
    if let Some(max) = c.max_length {
        notes.push(format!("at most {max} characters"));
    }
    if let Some(min) = c.min_length {
        notes.push(format!("at least {min} characters"));
    }
    if let Some(min) = c.minimum {
        notes.push(format!("minimum {min}"));
    }
    if let Some(max) = c.maximum {
        notes.push(format!("maximum {max}"));
    }
    if let Some(format) = &c.format {
        notes.push(format!("format `{format}`"));
    }
    if let Some(default) = &c.default {
        notes.push(format!("default `{}`", default.replace('`', "'")));
    }
    if !notes.is_empty() {
        text.push_str(&format!("\n\nConstraints: {}.", notes.join(", ")));
    }
    if deprecated {
        text.push_str("\n\n**Deprecated** by the API.");
    }
    text
}

/// A parameter's documentation: its description, where it is sent, its constraints.
pub(super) fn param_doc(p: &crate::ir::Parameter) -> String {
    let mut text = p.description.clone().unwrap_or_default();
    let place = match p.location {
        crate::ir::ParamLocation::Header => "header",
        crate::ir::ParamLocation::Query => "query parameter",
        crate::ir::ParamLocation::Cookie => "cookie",
        crate::ir::ParamLocation::Path => "path parameter",
    };
    text.push_str(&format!(
        "\n\nSent as the `{}` {place}.",
        p.name.replace('`', "'")
    ));
    if p.ty == crate::ir::TypeRef::String(crate::ir::StringFormat::Base64) {
        text.push_str(" Give the plain text: the client sends it Base64-encoded.");
    }
    text.push_str(&constraint_doc(&p.constraints, p.deprecated));
    text
}
