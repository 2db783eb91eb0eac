//! The `append_form(form, key)` methods of the structs and unions that can appear in values
//! written as pairs ([`form`](super::form) writes the top level): which types get one, and
//! how a value below the top is appended at a `runtime::Key`, which places indexes and
//! brackets as the conventions say (`a[b][0]`, `a[0][b]`, `R=100` for OpenAPI's `form`
//! objects).

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::form::Target;
use super::wire::{is_scalar, wire_text};
use super::{doc_lines, ident};
use crate::ir::{Api, BodyEncoding, Operation, ParamLocation, TypeDef, TypeKind, TypeRef};

/// The structs and unions reachable from values written as pairs: they need an
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
                .filter(|p| p.location != ParamLocation::Path)
                .map(|p| &p.ty),
        );
    }
    let mut found = BTreeSet::new();
    while let Some(ty) = stack.pop() {
        match ty {
            TypeRef::Array(inner) | TypeRef::Map(inner) => stack.push(inner),
            TypeRef::Named(name) => match api.type_def(name).map(|t| &t.kind) {
                Some(TypeKind::Struct { fields, additional }) => {
                    if found.insert(name.clone()) {
                        stack.extend(fields.iter().map(|f| &f.ty));
                        stack.extend(additional);
                    }
                }
                Some(TypeKind::Union { variants, .. }) => {
                    if found.insert(name.clone()) {
                        stack.extend(variants.iter().map(|v| &v.ty));
                    }
                }
                Some(TypeKind::Enum { .. }) | None => {}
            },
            TypeRef::String(_)
            | TypeRef::Integer(_)
            | TypeRef::Number
            | TypeRef::Boolean
            | TypeRef::Any => {}
        }
    }
    found
}

/// The key a value is appended at: the binding `key`, or an expression giving a new one
/// (`key.field(name)`, with the name as tokens: a literal or a variable; `key.item(index)`).
pub(super) enum KeyExpr {
    Bound,
    Field(TokenStream),
    Item,
}

impl KeyExpr {
    /// The expression of type `runtime::Key` or `&runtime::Key`.
    fn expr(&self) -> TokenStream {
        match self {
            KeyExpr::Bound => quote!(key),
            KeyExpr::Field(name) => quote!(key.field(#name)),
            KeyExpr::Item => quote!(key.item(index)),
        }
    }

    /// The expression of type `&runtime::Key`.
    fn reference(&self) -> TokenStream {
        match self {
            KeyExpr::Bound => quote!(key),
            other => {
                let expr = other.expr();
                quote!(&#expr)
            }
        }
    }

    /// Statements binding the key as `key` (nothing when it is bound already).
    fn bind(&self) -> TokenStream {
        match self {
            KeyExpr::Bound => TokenStream::new(),
            other => {
                let expr = other.expr();
                quote!(let key = #expr;)
            }
        }
    }
}

/// Statements appending `value` (an expression of type `&T`) at `key`.
pub(super) fn append_at(
    api: &Api,
    ty: &TypeRef,
    value: TokenStream,
    key: &KeyExpr,
    target: &Target,
) -> TokenStream {
    let Target { form, arg } = target;
    let is_record = |ty: &TypeRef| {
        matches!(ty, TypeRef::Named(n) if matches!(
            api.type_def(n).map(|t| &t.kind),
            Some(TypeKind::Struct { .. } | TypeKind::Union { .. })
        ))
    };
    if is_scalar(ty, api) {
        let key = key.expr();
        let text = wire_text(ty, value, api, "value");
        return quote!(#form.append(&#key.name(), #text););
    }
    if is_record(ty) {
        let key = key.reference();
        return quote!(#value.append_form(#arg, #key)?;);
    }
    match ty {
        TypeRef::Array(inner) => {
            let bind = key.bind();
            let (index, item) = (format_ident!("index"), format_ident!("item"));
            let inner = append_at(api, inner, quote!(#item), &KeyExpr::Item, target);
            quote! {
                #bind
                for (#index, #item) in #value.iter().enumerate() {
                    #inner
                }
            }
        }
        TypeRef::Map(inner) => {
            let bind = key.bind();
            let entry = append_at(
                api,
                inner,
                quote!(item),
                &KeyExpr::Field(quote!(name)),
                target,
            );
            quote! {
                #bind
                if key.json() {
                    #form.append(&key.name(), &runtime::json(&key.name(), #value)?);
                } else {
                    for (name, item) in #value {
                        #entry
                    }
                }
            }
        }
        TypeRef::Any => {
            let key = key.reference();
            quote!(runtime::append_json(#arg, #key, #value)?;)
        }
        // Plain values and records were handled above.
        TypeRef::Named(_)
        | TypeRef::String(_)
        | TypeRef::Integer(_)
        | TypeRef::Number
        | TypeRef::Boolean => TokenStream::new(),
    }
}

/// Statements appending a field of `owner` (a struct) at `key.field(name)`: skipped when absent.
fn append_field(api: &Api, field: &crate::ir::Field, target: &Target) -> TokenStream {
    let name = ident(&field.ident);
    let wire = &field.name;
    let key = KeyExpr::Field(quote!(#wire));
    let body = append_at(api, &field.ty, quote!(value), &key, target);
    super::with_value(quote!(self.#name), field.is_option(), body)
}

/// The `append_form` method of a struct or union in [`form_types`].
pub(super) fn append_form_impl(api: &Api, def: &TypeDef) -> TokenStream {
    let target = Target {
        form: quote!(form),
        arg: quote!(form),
    };
    let name = ident(&def.ident);
    let (doc, body) = match &def.kind {
        TypeKind::Struct { fields, additional } => {
            let appends = fields.iter().map(|f| append_field(api, f, &target));
            let additional = additional.as_ref().map(|ty| {
                let field = ident(&additional_ident(fields));
                let entry = append_at(
                    api,
                    ty,
                    quote!(value),
                    &KeyExpr::Field(quote!(name)),
                    &target,
                );
                quote! {
                    for (name, value) in &self.#field {
                        #entry
                    }
                }
            });
            (
                "Appends the fields at `key`: each as `key[field]` (or as a key of its own at \
                 the top of a `form` value), lists and nested objects as the key's conventions \
                 say.",
                quote! {
                    #(#appends)*
                    #additional
                },
            )
        }
        TypeKind::Union { variants, .. } => {
            let arms = variants.iter().map(|v| {
                let variant = ident(&v.ident);
                let body = append_at(api, &v.ty, quote!(value), &KeyExpr::Bound, &target);
                quote!(Self::#variant(value) => { #body })
            });
            // A union read from responses keeps unknown tags' payloads as raw JSON.
            let fallback = super::unions::fallback_of(api, &def.ident).map(|fallback| {
                let variant = ident(&fallback);
                let body = append_at(api, &TypeRef::Any, quote!(value), &KeyExpr::Bound, &target);
                quote!(Self::#variant(value) => { #body })
            });
            (
                "Appends the alternative this value holds at `key`: a plain value as its text \
                 (the empty string as `key=`), lists and objects entry by entry.",
                quote! {
                    match self {
                        #(#arms)*
                        #fallback
                    }
                },
            )
        }
        TypeKind::Enum { .. } => return TokenStream::new(),
    };
    let doc = doc_lines(doc);
    quote! {
        impl #name {
            #doc
            ///
            /// # Errors
            ///
            /// [`InvalidRequest`](crate::InvalidRequest) when a value cannot be encoded.
            pub(crate) fn append_form(&self, form: &mut runtime::Form, key: &runtime::Key) -> Result<(), crate::InvalidRequest> {
                #body
                Ok(())
            }
        }
    }
}

/// The Rust name of the map holding a struct's additional properties: `additional_properties`
/// unless a property already has that name.
pub(super) fn additional_ident(fields: &[crate::ir::Field]) -> String {
    let mut ident = "additional_properties".to_owned();
    while fields.iter().any(|f| f.ident == ident) {
        ident.push('_');
    }
    ident
}
