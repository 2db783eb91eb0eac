//! The enums of `src/types.rs`: closed ones (only ever sent) and open ones (read from
//! responses), each with `as_str` and `Display`.
//!
//! Both are `#[non_exhaustive]`, so that a value the API adds is a compatible change of the
//! generated crate, as `apiforge diff` calls it (docs/SEMVER.md): for an open enum callers
//! must already handle unknown values, and for a closed (request-only) one the only cost is a
//! `_` arm in the rare `match` over a value the caller builds itself.

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, ident};
use crate::ir::EnumValue;

/// The variant's docs: what the spec says the value means, then the value on the wire.
fn variant_doc(value: &EnumValue) -> TokenStream {
    let wire = format!("`{}`", value.value.replace('`', "'"));
    let text = match value.description.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => format!("{wire}: {text}"),
        _ => wire,
    };
    docs(Some(&text))
}

pub(super) fn closed_enum(
    name: &proc_macro2::Ident,
    doc: TokenStream,
    values: &[EnumValue],
    derives: &[TokenStream],
) -> TokenStream {
    let variants = values.iter().map(|v| {
        let variant = ident(&v.ident);
        let wire = &v.value;
        let doc = variant_doc(v);
        quote! {
            #doc
            #[serde(rename = #wire)]
            #variant,
        }
    });
    let arms = values.iter().map(|v| {
        let variant = ident(&v.ident);
        let wire = &v.value;
        quote!(Self::#variant => #wire,)
    });
    quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, #(#derives,)* Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// The value as it is sent on the wire.
            pub fn as_str(&self) -> &'static str {
                match self {
                    #(#arms)*
                }
            }
        }

        impl fmt::Display for #name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

pub(super) fn open_enum(
    name: &proc_macro2::Ident,
    doc: TokenStream,
    values: &[EnumValue],
    derives: &[TokenStream],
) -> TokenStream {
    let catch_all = ident(if values.iter().any(|v| v.ident == "Unknown") {
        "UnknownValue"
    } else {
        "Unknown"
    });
    let note =
        format!(" Values the API adds later decode as [`{name}::{catch_all}`] instead of failing.");
    let separator = (!doc.is_empty()).then(|| quote!(#[doc = ""]));
    let variants = values.iter().map(|v| {
        let variant = ident(&v.ident);
        let doc = variant_doc(v);
        quote! {
            #doc
            #variant,
        }
    });
    let as_str_arms = values.iter().map(|v| {
        let variant = ident(&v.ident);
        let wire = &v.value;
        quote!(Self::#variant => #wire,)
    });
    // The one place a wire value becomes a variant (serde decodes through it too), so a
    // known value always becomes its variant, never the catch-all.
    let from_arms = values.iter().map(|v| {
        let variant = ident(&v.ident);
        let wire = &v.value;
        quote!(#wire => Self::#variant,)
    });
    quote! {
        #doc
        #separator
        #[doc = #note]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, #(#derives,)* Serialize, Deserialize)]
        #[serde(from = "String", into = "String")]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value this client does not know, kept as it was received: read it with
            /// `as_str`. It cannot be matched on as a string, since a later client may know it.
            #catch_all(crate::UnknownValue),
        }

        impl #name {
            /// The value as it is sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_str_arms)*
                    Self::#catch_all(value) => value.as_str(),
                }
            }
        }

        impl From<String> for #name {
            fn from(value: String) -> Self {
                match value.as_str() {
                    #(#from_arms)*
                    _ => Self::#catch_all(crate::UnknownValue::new(value)),
                }
            }
        }

        impl From<#name> for String {
            fn from(value: #name) -> Self {
                value.as_str().to_owned()
            }
        }

        impl fmt::Display for #name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proc_macro2::{Ident, Span, TokenStream};

    use super::{closed_enum, open_enum};
    use crate::ir::EnumValue;

    fn values() -> Vec<EnumValue> {
        ["paid", "void"]
            .into_iter()
            .map(|v| EnumValue {
                value: v.to_owned(),
                ident: format!("{}{}", v[..1].to_uppercase(), &v[1..]),
                description: (v == "paid").then(|| "Settled in full.".to_owned()),
            })
            .collect()
    }

    fn printed(tokens: TokenStream) -> String {
        let file = syn::parse2::<syn::File>(tokens).unwrap_or_else(|e| panic!("{e}"));
        prettyplease::unparse(&file)
    }

    #[test]
    fn every_enum_is_non_exhaustive_with_its_values_documented() {
        let name = Ident::new("Status", Span::call_site());
        for tokens in [
            closed_enum(&name, TokenStream::new(), &values(), &[]),
            open_enum(&name, TokenStream::new(), &values(), &[]),
        ] {
            let text = printed(tokens);
            assert!(
                text.contains("#[non_exhaustive]\npub enum Status"),
                "{text}"
            );
            assert!(text.contains("/// `paid`: Settled in full.\n"), "{text}");
            assert!(text.contains("/// `void`\n"), "{text}");
            assert!(text.contains("pub fn as_str(&self)"), "{text}");
        }
    }

    #[test]
    fn the_catch_all_is_opaque_and_only_unknown_values_reach_it() {
        let name = Ident::new("Status", Span::call_site());
        let text = printed(open_enum(&name, TokenStream::new(), &values(), &[]));
        assert!(text.contains("Unknown(crate::UnknownValue),"), "{text}");
        assert!(text.contains("\"paid\" => Self::Paid,"), "{text}");
        assert!(
            text.contains("_ => Self::Unknown(crate::UnknownValue::new(value)),"),
            "{text}"
        );
    }
}
