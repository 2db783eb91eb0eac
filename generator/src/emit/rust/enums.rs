//! The enums of `src/types.rs`: closed ones (only ever sent) and open ones (read from
//! responses), each with `as_str` and `Display`.

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use crate::ir::EnumValue;

fn variant_doc(value: &EnumValue) -> TokenStream {
    let line = format!(" `{}`", value.value.replace('`', "'"));
    quote!(#[doc = #line])
}

pub(super) fn closed_enum(
    name: &proc_macro2::Ident,
    doc: TokenStream,
    values: &[EnumValue],
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
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    let from_arms = values.iter().map(|v| {
        let variant = ident(&v.ident);
        let wire = &v.value;
        quote!(#wire => Self::#variant,)
    });
    quote! {
        #doc
        #separator
        #[doc = #note]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(from = "String", into = "String")]
        pub enum #name {
            #(#variants)*
            /// A value this client does not know, kept as it was received.
            #catch_all(String),
        }

        impl #name {
            /// The value as it is sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_str_arms)*
                    Self::#catch_all(value) => value,
                }
            }
        }

        impl From<String> for #name {
            fn from(value: String) -> Self {
                match value.as_str() {
                    #(#from_arms)*
                    _ => Self::#catch_all(value),
                }
            }
        }

        impl From<#name> for String {
            fn from(value: #name) -> Self {
                match value {
                    #name::#catch_all(value) => value,
                    known => known.as_str().to_owned(),
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
