//! The unions of `src/types.rs`: an enum with a hand-written `Deserialize` (plain code, so
//! that go-to-definition shows how a payload is decoded) that reads the tag and decodes that
//! alternative only, or, without a tag, keeps the alternative the payload satisfies that
//! declares the most of its keys. Tagged unions also write their `Serialize`, which writes
//! the tag, and, when read from responses, a fallback variant for tags added later. Serde's
//! `#[serde(tag)]` cannot keep an unknown tag's payload, and `#[serde(untagged)]` takes the
//! first alternative that tolerates one. The alternatives are not boxed even when their sizes
//! differ (clippy's `large_enum_variant`): they are the API's data, built and matched by
//! callers, and a box in each would cost every one of them more than the bytes saved.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{ident, rust_type};
use crate::ir::{Api, TagKind, TypeKind, TypeRef, UnionTag, UnionVariant};

/// The enum of a union and its impls; `doc` is its documentation.
pub(super) fn union_def(
    api: &Api,
    name: &Ident,
    doc: TokenStream,
    variants: &[UnionVariant],
    tag: Option<&UnionTag>,
    derives: &[TokenStream],
) -> TokenStream {
    // `derives`: `Eq` and `Hash` when the IR found every alternative has them, and the
    // settings' derives.
    match tag {
        Some(tag) => {
            // Last in the derive list, without a trailing comma.
            let derives = quote!(#(, #derives)*);
            tagged(api, name, doc, variants, tag, derives)
        }
        None => untagged(api, name, doc, variants, quote!(#(#derives,)*)),
    }
}

fn untagged(
    api: &Api,
    name: &Ident,
    doc: TokenStream,
    variants: &[UnionVariant],
    derives: TokenStream,
) -> TokenStream {
    let cases = variants.iter().map(|v| {
        let variant = ident(&v.ident);
        let ty = rust_type(&v.ty, &quote!());
        let line = format!(" A `{}` value.", v.ty.rust_name());
        quote!(#[doc = #line] #variant(#ty),)
    });
    let pick = pick(api, name, variants);
    quote! {
        #doc
        ///
        /// Decoding keeps the alternative the value satisfies (required properties present,
        /// types right, single-value properties equal) that declares the most of its keys,
        /// the first on a tie; a value that fits none is an error.
        #[derive(Debug, Clone, PartialEq, #derives Serialize)]
        #[serde(untagged)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#cases)*
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = serde_json::Value::deserialize(deserializer)?;
                #pick
            }
        }
    }
}

fn tagged(
    api: &Api,
    name: &Ident,
    doc: TokenStream,
    variants: &[UnionVariant],
    tag: &UnionTag,
    derives: TokenStream,
) -> TokenStream {
    let property = &tag.property;
    let union = name.to_string();
    let shown = property.replace('`', "'");
    let fallback = tag.open.then(|| ident(&fallback_ident(variants)));
    let cases = variants.iter().map(|v| {
        let variant = ident(&v.ident);
        let ty = rust_type(&v.ty, &quote!());
        let line = match v.tags.as_slice() {
            [] => format!(" A `{}` value (no `{shown}`).", v.ty.rust_name()),
            tags => format!(
                " `{shown}` is {}: a `{}` value.",
                tags.iter()
                    .map(|t| format!("`{}`", t.replace('`', "'")))
                    .collect::<Vec<_>>()
                    .join(" or "),
                v.ty.rust_name()
            ),
        };
        quote!(#[doc = #line] #variant(#ty),)
    });
    let fallback_case = fallback.as_ref().map(|fallback| {
        let line =
            format!(" A `{shown}` this client does not know, with the value as it was received.");
        quote!(#[doc = #line] #fallback(serde_json::Value),)
    });
    let encode = variants.iter().map(|v| {
        let variant = ident(&v.ident);
        let integer = v
            .tags
            .first()
            .filter(|_| tag.kind == TagKind::Integer)
            .and_then(|first| first.parse::<i64>().ok());
        match (v.tags.first(), integer) {
            (Some(_), Some(first)) => {
                let first = proc_macro2::Literal::i64_unsuffixed(first);
                quote! {
                    Self::#variant(value) => crate::unions::tagged_integer(serializer, #property, #first, value),
                }
            }
            (Some(first), None) => quote! {
                Self::#variant(value) => crate::unions::tagged(serializer, #property, #first, value),
            },
            (None, _) => quote!(Self::#variant(value) => value.serialize(serializer),),
        }
    });
    let encode_fallback = fallback
        .as_ref()
        .map(|fallback| quote!(Self::#fallback(value) => value.serialize(serializer),));
    let decode = tag_arms(variants).into_iter().map(|(tags, chosen)| match chosen.as_slice() {
        [only] => {
            let variant = ident(&only.ident);
            let first = tags.first();
            quote! {
                Some(#(#tags)|*) => crate::unions::variant(value, #union, #first).map(Self::#variant),
            }
        }
        several => {
            let pick = pick(api, name, several.iter().copied());
            quote!(Some(#(#tags)|*) => { #pick })
        }
    });
    let unknown = match &fallback {
        Some(fallback) => quote!(Some(_) => Ok(Self::#fallback(value)),),
        None => quote!(Some(tag) => Err(crate::unions::unknown_tag(#union, #property, tag)),),
    };
    let pick = pick(api, name, variants);
    let note = match &fallback {
        Some(fallback) => format!(
            " Decoding reads `{shown}` and decodes the alternative it names; a value it does \
             not know decodes as [`{name}::{fallback}`], and a payload without it as the \
             alternative it satisfies. Encoding writes the alternative's `{shown}`."
        ),
        None => format!(
            " Decoding reads `{shown}` and decodes the alternative it names (an unknown one is \
             an error), a payload without it as the alternative it satisfies. Encoding writes \
             the alternative's `{shown}`."
        ),
    };
    quote! {
        #doc
        ///
        #[doc = #note]
        #[derive(Debug, Clone, PartialEq #derives)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#cases)*
            #fallback_case
        }

        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    #(#encode)*
                    #encode_fallback
                }
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = serde_json::Value::deserialize(deserializer)?;
                match crate::unions::tag(&value, #property).as_deref() {
                    #(#decode)*
                    #unknown
                    None => {
                        #pick
                    }
                }
            }
        }
    }
}

/// The match arms of a tagged union's decoder: the tag values (never empty) and the
/// alternatives they name, values naming the same alternatives in one arm.
fn tag_arms(variants: &[UnionVariant]) -> Vec<(Vec<&String>, Vec<&UnionVariant>)> {
    let mut arms: Vec<(Vec<&String>, Vec<&UnionVariant>)> = Vec::new();
    let mut seen: Vec<&String> = Vec::new();
    for tag in variants.iter().flat_map(|v| &v.tags) {
        if seen.contains(&tag) {
            continue;
        }
        seen.push(tag);
        let chosen: Vec<&UnionVariant> = variants.iter().filter(|v| v.tags.contains(tag)).collect();
        match arms.iter_mut().find(|(_, c)| *c == chosen) {
            Some((tags, _)) => tags.push(tag),
            None => arms.push((vec![tag], chosen)),
        }
    }
    arms
}

/// The fallback variant's name: `Unknown`, unless an alternative has it.
pub(super) fn fallback_ident(variants: &[UnionVariant]) -> String {
    ["Unknown", "UnknownTag", "UnknownValue"]
        .into_iter()
        .find(|candidate| variants.iter().all(|v| v.ident != *candidate))
        .unwrap_or("UnknownUnionTag")
        .to_owned()
}

/// The fallback variant of a union, if it has one (its tag is open).
pub(super) fn fallback_of(api: &Api, union: &str) -> Option<String> {
    match api.type_def(union).map(|def| &def.kind) {
        Some(TypeKind::Union {
            variants,
            tag: Some(tag),
        }) if tag.open => Some(fallback_ident(variants)),
        _ => None,
    }
}

/// The statements choosing among `variants` by fit, `value` being the payload.
fn pick<'v>(
    api: &Api,
    name: &Ident,
    variants: impl IntoIterator<Item = &'v UnionVariant>,
) -> TokenStream {
    let union = name.to_string();
    let attempts = variants.into_iter().map(|v| {
        let variant = ident(&v.ident);
        let (keys, fixed) = declared(api, &v.ty);
        let fixed = fixed.iter().map(|(k, v)| quote!((#k, #v)));
        quote!(pick.attempt(&[#(#keys),*], &[#(#fixed),*], Self::#variant);)
    });
    quote! {
        let mut pick = crate::unions::Pick::new(&value);
        #(#attempts)*
        pick.finish(#union)
    }
}

/// The properties an alternative declares, and those of them that take a single value.
fn declared(api: &Api, ty: &TypeRef) -> (Vec<String>, Vec<(String, String)>) {
    let TypeRef::Named(name) = ty else {
        return (Vec::new(), Vec::new());
    };
    let Some(TypeKind::Struct { fields, .. }) = api.type_def(name).map(|def| &def.kind) else {
        return (Vec::new(), Vec::new());
    };
    let keys = fields.iter().map(|f| f.name.clone()).collect();
    let fixed = fields
        .iter()
        .filter_map(|f| Some((f.name.clone(), single_value(api, &f.ty)?)))
        .collect();
    (keys, fixed)
}

/// The one value of a single-value enum.
pub(super) fn single_value(api: &Api, ty: &TypeRef) -> Option<String> {
    let TypeRef::Named(name) = ty else {
        return None;
    };
    match api.type_def(name).map(|def| &def.kind) {
        Some(TypeKind::Enum { values, .. }) if values.len() == 1 => {
            values.first().map(|v| v.value.clone())
        }
        _ => None,
    }
}
