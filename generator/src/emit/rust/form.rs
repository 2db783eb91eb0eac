//! Nested values in `application/x-www-form-urlencoded` bodies and deepObject query
//! parameters, in the bracket notation servers such as Chargebee's read:
//!
//! - an object: `shipping_address[city]=Berlin`;
//! - a list of plain values: `coupon_ids[0]=a&coupon_ids[1]=b`;
//! - a list inside an object, or a list of objects: the index goes last,
//!   `addons[id][0]=x&addons[quantity][0]=2`;
//! - untyped objects and maps (`meta_data`), and fields the spec's `encoding` marks as JSON:
//!   one JSON string.
//!
//! Every struct that can appear in such a body gets an `append_form(form, prefix, suffix)`
//! method (plain generated code, no serializer magic), writing each field as
//! `{prefix}[field]{suffix}`.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use super::wire::{is_scalar, wire_text};
use crate::ir::{
    Api, BodyEncoding, Field, Operation, ParamLocation, ParamStyle, TypeDef, TypeKind, TypeRef,
};

/// The structs reachable from form bodies and deepObject query parameters: they need an
/// `append_form` method.
pub(super) fn form_types(api: &Api) -> BTreeSet<String> {
    form_reach(api, api.operations.iter())
}

/// The structs whose `append_form` the operations `ops` call, directly or through another's.
pub(super) fn form_reach<'a>(
    api: &'a Api,
    ops: impl Iterator<Item = &'a Operation>,
) -> BTreeSet<String> {
    let mut stack: Vec<&TypeRef> = Vec::new();
    for op in ops {
        if let Some(body) = op
            .body
            .as_ref()
            .filter(|b| b.encoding == BodyEncoding::Form)
        {
            stack.extend(
                body.fields
                    .iter()
                    .filter(|f| !body.json_fields.contains(&f.name))
                    .map(|f| &f.ty),
            );
        }
        stack.extend(
            op.params
                .iter()
                .filter(|p| p.location == ParamLocation::Query && p.style == ParamStyle::DeepObject)
                .map(|p| &p.ty),
        );
    }
    let mut found = BTreeSet::new();
    while let Some(ty) = stack.pop() {
        match ty {
            TypeRef::Array(inner) => stack.push(inner),
            TypeRef::Named(name) => {
                if let Some(TypeKind::Struct { fields, .. }) = api.type_def(name).map(|t| &t.kind) {
                    if found.insert(name.clone()) {
                        stack.extend(fields.iter().map(|f| &f.ty));
                    }
                }
            }
            TypeRef::String(_)
            | TypeRef::Integer(_)
            | TypeRef::Number
            | TypeRef::Boolean
            | TypeRef::Map(_)
            | TypeRef::Any => {}
        }
    }
    found
}

/// How a value is written.
enum Shape<'a> {
    /// One `key=value` entry.
    Scalar,
    /// A struct with its own `append_form`.
    Struct,
    /// A list of `Shape::Scalar` or `Shape::Struct` items.
    List(&'a TypeRef, bool),
    /// One entry holding JSON text.
    Json,
}

fn shape<'a>(api: &Api, ty: &'a TypeRef) -> Shape<'a> {
    let is_struct = |ty: &TypeRef| matches!(ty, TypeRef::Named(n) if matches!(api.type_def(n).map(|t| &t.kind), Some(TypeKind::Struct { .. })));
    if is_scalar(ty, api) {
        Shape::Scalar
    } else if is_struct(ty) {
        Shape::Struct
    } else if let TypeRef::Array(inner) = ty {
        if is_scalar(inner, api) {
            Shape::List(inner, false)
        } else if is_struct(inner) {
            Shape::List(inner, true)
        } else {
            Shape::Json
        }
    } else {
        Shape::Json
    }
}

/// Where a value goes: at the top of the body (`name`), or inside a struct's
/// `append_form` (`{prefix}[name]{suffix}`).
#[derive(Clone, Copy)]
pub(super) enum Key<'a> {
    /// A top-level field or parameter.
    Top(&'a str),
    /// A field inside `append_form`.
    Nested(&'a str),
}

/// Escapes a wire name for use inside a format string.
fn escape(name: &str) -> String {
    name.replace('{', "{{").replace('}', "}}")
}

impl<'a> Key<'a> {
    /// The wire name, to name the value in an encoding error.
    fn wire_name(self) -> &'a str {
        match self {
            Key::Top(name) | Key::Nested(name) => name,
        }
    }

    fn scalar(self) -> TokenStream {
        match self {
            Key::Top(name) => quote!(#name),
            Key::Nested(name) => {
                let format = format!("{{prefix}}[{}]{{suffix}}", escape(name));
                quote!(&format!(#format))
            }
        }
    }

    fn indexed(self) -> TokenStream {
        let format = match self {
            Key::Top(name) => format!("{}[{{index}}]", escape(name)),
            Key::Nested(name) => format!("{{prefix}}[{}][{{index}}]{{suffix}}", escape(name)),
        };
        quote!(&format!(#format))
    }

    fn nested(self) -> (TokenStream, TokenStream) {
        match self {
            Key::Top(name) => (quote!(#name), quote!("")),
            Key::Nested(name) => {
                let format = format!("{{prefix}}[{}]", escape(name));
                (quote!(&format!(#format)), quote!(suffix))
            }
        }
    }

    fn indexed_nested(self) -> (TokenStream, TokenStream) {
        match self {
            Key::Top(name) => (quote!(#name), quote!(&format!("[{index}]"))),
            Key::Nested(name) => {
                let format = format!("{{prefix}}[{}]", escape(name));
                (
                    quote!(&format!(#format)),
                    quote!(&format!("[{index}]{suffix}")),
                )
            }
        }
    }
}

/// The form being written: `form` names it for method calls, `arg` when passing it on
/// (`form`/`form` inside `append_form`, `form`/`&mut form` for a local).
#[derive(Clone)]
pub(super) struct Target {
    pub form: TokenStream,
    pub arg: TokenStream,
}

/// Statements appending `value` (an expression of type `&T`) to the form.
pub(super) fn append(
    api: &Api,
    ty: &TypeRef,
    value: TokenStream,
    key: Key<'_>,
    target: &Target,
    as_json: bool,
) -> TokenStream {
    let Target { form, arg } = target;
    let shape = if as_json { Shape::Json } else { shape(api, ty) };
    match shape {
        Shape::Scalar => {
            let text = wire_text(ty, value, api, key.wire_name());
            let key = key.scalar();
            quote!(#form.append(#key, #text);)
        }
        Shape::Struct => {
            let (prefix, suffix) = key.nested();
            quote!(#value.append_form(#arg, #prefix, #suffix)?;)
        }
        Shape::List(item_ty, false) => {
            let text = wire_text(item_ty, quote!(item), api, key.wire_name());
            let key = key.indexed();
            quote! {
                for (index, item) in #value.iter().enumerate() {
                    #form.append(#key, #text);
                }
            }
        }
        Shape::List(_, true) => {
            let (prefix, suffix) = key.indexed_nested();
            quote! {
                for (index, item) in #value.iter().enumerate() {
                    item.append_form(#arg, #prefix, #suffix)?;
                }
            }
        }
        Shape::Json => {
            let name = key.wire_name();
            let key = key.scalar();
            quote!(#form.append(#key, &runtime::json(#name, #value)?);)
        }
    }
}

/// Statements appending a field of a request struct or of `self`: skipped when absent.
pub(super) fn append_field(
    api: &Api,
    field: &Field,
    owner: TokenStream,
    key: Key<'_>,
    target: &Target,
    as_json: bool,
) -> TokenStream {
    let name = ident(&field.ident);
    if field.required && !field.nullable {
        let body = append(api, &field.ty, quote!(value), key, target, as_json);
        quote! {
            let value = &#owner.#name;
            #body
        }
    } else {
        let body = append(api, &field.ty, quote!(value), key, target, as_json);
        quote! {
            if let Some(value) = &#owner.#name {
                #body
            }
        }
    }
}

/// The `append_form` method of a struct in [`form_types`].
pub(super) fn append_form_impl(api: &Api, def: &TypeDef) -> TokenStream {
    let TypeKind::Struct { fields, additional } = &def.kind else {
        return TokenStream::new();
    };
    let name = ident(&def.ident);
    let target = Target {
        form: quote!(form),
        arg: quote!(form),
    };
    let appends = fields
        .iter()
        .map(|f| append_field(api, f, quote!(self), Key::Nested(&f.name), &target, false));
    let additional = additional.as_ref().map(|ty| {
        let field = ident(&additional_ident(fields));
        let text = if is_scalar(ty, api) {
            wire_text(ty, quote!(value), api, "additional properties")
        } else {
            quote!(&runtime::json(key, value)?)
        };
        quote! {
            for (key, value) in &self.#field {
                form.append(&format!("{prefix}[{key}]{suffix}"), #text);
            }
        }
    });
    quote! {
        impl #name {
            /// Appends the fields to a form body as `prefix[field]suffix` entries, the bracket
            /// notation for nested values.
            ///
            /// # Errors
            ///
            /// [`InvalidRequest`](crate::InvalidRequest) when a value cannot be encoded.
            pub(crate) fn append_form(&self, form: &mut runtime::Form, prefix: &str, suffix: &str) -> Result<(), crate::InvalidRequest> {
                #(#appends)*
                #additional
                Ok(())
            }
        }
    }
}

/// The Rust name of the map holding a struct's additional properties: `additional_properties`
/// unless a property already has that name.
pub(super) fn additional_ident(fields: &[Field]) -> String {
    let mut ident = "additional_properties".to_owned();
    while fields.iter().any(|f| f.ident == ident) {
        ident.push('_');
    }
    ident
}
