//! Authentication in the generated code: the `Credentials` constructors named for the API's
//! security schemes (in `src/servers.rs`) and the statement each operation makes to say which
//! schemes it accepts (the credentials the usage examples build are in
//! `emit::snippets::security`). What each operation requires was decided in the IR
//! (`ir::lower::auth`, `ir::decide`).

use super::{doc_lines, ident};
use crate::emit::snippets::security::describe;
use crate::emit::text;
use crate::ir::{Api, Operation, ParamLocation, SchemeKind, SecurityScheme};
use proc_macro2::TokenStream;
use quote::quote;

/// The operation's `call.security(..)` statement: the alternatives it accepts, each a set of
/// schemes sent together. Nothing for an API that declares no credentials (the call then
/// sends the client's HTTP credentials, if it was given any).
pub fn statement(api: &Api, op: &Operation) -> TokenStream {
    let Some(auth) = &api.auth else {
        return TokenStream::new();
    };
    let alternatives = auth.requirements(op).iter().map(|requirement| {
        let schemes = requirement
            .schemes
            .iter()
            .filter_map(|used| auth.scheme(used))
            .map(scheme_expr);
        quote!(&[#(#schemes),*])
    });
    quote!(call.security(&[#(#alternatives),*])?;)
}

/// The runtime's description of a scheme: its name and how its secret travels.
fn scheme_expr(scheme: &SecurityScheme) -> TokenStream {
    let name = &scheme.name;
    match &scheme.kind {
        SchemeKind::ApiKey {
            location,
            name: key,
        } => match location {
            ParamLocation::Query => quote!(runtime::Scheme::query(#name, #key)),
            ParamLocation::Cookie => quote!(runtime::Scheme::cookie(#name, #key)),
            ParamLocation::Header | ParamLocation::Path => {
                let header = key.to_ascii_lowercase();
                quote!(runtime::Scheme::header(#name, #header))
            }
        },
        SchemeKind::Basic => quote!(runtime::Scheme::basic(#name)),
        SchemeKind::Bearer { .. }
        | SchemeKind::OAuth2 { .. }
        | SchemeKind::OpenIdConnect { .. } => {
            quote!(runtime::Scheme::bearer(#name))
        }
    }
}

/// The `impl Credentials` block of constructors named for the API's schemes, if it has any.
pub fn constructors(api: &Api) -> TokenStream {
    let Some(auth) = &api.auth else {
        return TokenStream::new();
    };
    let sole_basic = matches!(auth.schemes.as_slice(), [only] if only.kind == SchemeKind::Basic);
    let functions = auth.schemes.iter().filter_map(|scheme| {
        let constructor = ident(scheme.constructor.as_deref()?);
        let name = &scheme.name;
        let mut text = if sole_basic {
            "An API key sent as the HTTP basic user name with an empty password, the way APIs that take API keys over basic authentication expect it.".to_owned()
        } else {
            format!(
                "Credentials for the `{}` scheme: {}.",
                name.replace('`', "'"),
                describe(scheme)
            )
        };
        if let Some(description) = &scheme.description {
            text.push_str("\n\n");
            text.push_str(&text::markdown(description));
        }
        let doc = doc_lines(&text);
        Some(match &scheme.kind {
            _ if sole_basic => quote! {
                #doc
                pub fn #constructor(key: impl Into<String>) -> Self {
                    Self::basic(key, "")
                }
            },
            SchemeKind::ApiKey { .. } => quote! {
                #doc
                pub fn #constructor(key: impl Into<String>) -> Self {
                    Self::scheme_key(#name, key)
                }
            },
            SchemeKind::Basic => quote! {
                #doc
                pub fn #constructor(username: impl Into<String>, password: impl Into<String>) -> Self {
                    Self::basic(username, password).for_scheme(#name)
                }
            },
            SchemeKind::Bearer { .. } | SchemeKind::OAuth2 { .. } | SchemeKind::OpenIdConnect { .. } => {
                let provider = scheme.provider_constructor.as_deref().map(|provider| {
                    let provider = ident(provider);
                    let doc = doc_lines(&format!(
                        "A token for the `{}` scheme asked of `provider` for each call (once per call, its retries included): return the current token, refreshing it elsewhere.",
                        name.replace('`', "'")
                    ));
                    quote! {
                        #doc
                        pub fn #provider(provider: impl Fn() -> String + Send + Sync + 'static) -> Self {
                            Self::bearer_with(provider).for_scheme(#name)
                        }
                    }
                });
                quote! {
                    #doc
                    pub fn #constructor(token: impl Into<String>) -> Self {
                        Self::bearer(token).for_scheme(#name)
                    }
                    #provider
                }
            }
        })
    });
    let functions: Vec<TokenStream> = functions.collect();
    if functions.is_empty() {
        return TokenStream::new();
    }
    quote! {
        impl Credentials {
            #(#functions)*
        }
    }
}
