//! `src/common.rs`: the API's common parameters (IR `common`) as one options type, set on the
//! client once or per call through a cheap clone.

use proc_macro2::TokenStream;
use quote::quote;

use super::types::param_doc;
use super::wire::owned_text;
use super::{docs, ident, rust_type};
use crate::ir::{Api, ParamLocation};

/// The whole `common` module, if the API has common parameters.
pub fn emit(api: &Api) -> Option<TokenStream> {
    let common = api.common.as_ref()?;
    let name = ident(&common.ident);
    let fields = common.params.iter().map(|p| {
        let doc = docs(Some(&param_doc(p)));
        let field = ident(&p.ident);
        let ty = rust_type(&p.ty, &quote!(types::));
        quote!(#doc pub #field: Option<#ty>,)
    });
    let values = common.params.iter().map(|p| {
        let field = ident(&p.ident);
        let wire = match p.location {
            ParamLocation::Header => p.name.to_ascii_lowercase(),
            _ => p.name.clone(),
        };
        let location = match p.location {
            ParamLocation::Cookie => quote!(runtime::Location::Cookie),
            _ => quote!(runtime::Location::Header),
        };
        let text = owned_text(&p.ty, quote!(value), api, &p.name);
        quote! {
            if let Some(value) = &self.#field {
                values.push(runtime::ParamValue { location: #location, name: #wire, value: #text });
            }
        }
    });
    let sets = common.sets.iter().map(|set| {
        let ident = ident(&set.ident);
        let names = &set.names;
        quote! {
            /// The wire names of common parameters some operations send together.
            #[doc(hidden)]
            pub const #ident: &'static [&'static str] = &[#(#names),*];
        }
    });
    let uses_types = common
        .params
        .iter()
        .any(|p| matches!(p.ty, crate::ir::TypeRef::Named(_)));
    let types_import = uses_types.then(|| {
        quote!(
            use crate::types;
        )
    });
    Some(quote! {
        //! Parameters the API defines once and many operations take.
        use crate::runtime;
        #types_import
        use crate::{Client, ClientBuilder};

        /// Parameters the API defines once for many operations: who the request is made for
        /// and how the API should react, rather than what the call does. Set them for every
        /// call with [`ClientBuilder::common_parameters`], or for some calls with
        /// [`Client::with_common_parameters`]; each is sent only with the operations that
        /// document it.
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct #name {
            #(#fields)*
        }

        impl #name {
            #(#sets)*

            fn values(&self) -> Vec<runtime::ParamValue> {
                let mut values = Vec::new();
                #(#values)*
                values
            }
        }

        impl ClientBuilder {
            /// Sends these common parameters with every call that documents them (values set
            /// here replace earlier ones; `None` leaves a parameter as it was).
            pub fn common_parameters(self, parameters: &#name) -> Self {
                self.params(parameters.values())
            }
        }

        impl Client {
            /// A client that shares this one's connections and settings but sends these
            /// common parameters (replacing the client's values for those that are set):
            /// `client.with_common_parameters(&parameters).some_call(..)`.
            pub fn with_common_parameters(&self, parameters: &#name) -> Client {
                self.with_params(parameters.values())
            }
        }
    })
}
