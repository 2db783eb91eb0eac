//! `src/servers.rs`: what this API decides about connecting to it — its servers and their
//! URL variables, how its credentials are made, and the `Client` constructors that start
//! from its first server. The client itself is the runtime's (`runtime/src/client.rs`).

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_lines, docs, ident, security};
use crate::ir::{Api, Server, ServerVariable};

/// The whole `servers` module.
pub fn emit(api: &Api) -> TokenStream {
    let server = (!api.servers.is_empty()).then(|| server_enum(api));
    let variables = server_variables(api);
    let constructors = constructors(api);
    let credentials = security::constructors(api);
    let uses_fmt = api.server_variables.iter().any(|v| !v.values.is_empty());
    let fmt_import = uses_fmt.then(|| {
        quote!(
            use std::fmt;
        )
    });
    let build_error = (!api.servers.is_empty()).then(|| {
        quote!(
            use crate::error::BuildError;
        )
    });
    let needs_credentials =
        !credentials.is_empty() || (api.auth.is_some() && !api.servers.is_empty());
    let credentials_import = needs_credentials.then(|| {
        quote!(
            use crate::credentials::Credentials;
        )
    });
    quote! {
        //! Where the API is served and how a client connects to it.
        #fmt_import

        use crate::client::{Client, ClientBuilder};
        #credentials_import
        #build_error

        #server
        #variables
        #constructors
        #credentials
    }
}

/// `Client::new` and `Client::builder`, which start from the API's first server, and
/// `ClientBuilder::server`.
fn constructors(api: &Api) -> TokenStream {
    if api.servers.is_empty() {
        return quote! {
            impl Client {
                /// Starts configuring a client. The API lists no servers: give one with
                /// [`ClientBuilder::base_url`].
                pub fn builder() -> ClientBuilder {
                    ClientBuilder::default()
                }
            }
        };
    }
    let (new_args, new_setup, new_doc) = match &api.auth {
        Some(_) => (
            quote!(server: Server, credentials: Credentials),
            quote!(Self::builder().server(server).credentials(credentials).build()),
            "A client for `server` that authenticates with `credentials`, with the default retry policy and timeouts.",
        ),
        None => (quote!(server: Server), quote!(Self::builder().server(server).build()), "A client for `server`, with the default retry policy and timeouts."),
    };
    let new_doc = doc_lines(&format!("{new_doc}\n\n# Errors\n\n[`BuildError`] when the server URL is unusable or the HTTP client cannot start."));
    quote! {
        impl Client {
            #new_doc
            pub fn new(#new_args) -> Result<Self, BuildError> {
                #new_setup
            }

            /// Starts configuring a client, sending to the API's first server unless told otherwise.
            pub fn builder() -> ClientBuilder {
                ClientBuilder::default().server(Server::default())
            }
        }

        impl Client {
            /// A handle that sends to `server` instead, sharing this client's connection pool,
            /// settings and credentials (a cheap clone): one client, a server per tenant.
            ///
            /// # Errors
            ///
            /// [`BuildError`] when the server's URL is unusable or one of its variables is
            /// still the spec's placeholder.
            pub fn with_server(&self, server: Server) -> Result<Client, BuildError> {
                self.with_server_url(server.url(), server.placeholder())
            }
        }

        impl ClientBuilder {
            /// Sends requests to `server` (the default is the first server the API lists). A
            /// server variable still at the spec's placeholder default makes
            /// [`ClientBuilder::build`] fail, unless a base URL replaces the server.
            pub fn server(self, server: Server) -> Self {
                let placeholder = server.placeholder();
                self.server_url(server.url(), placeholder)
            }
        }
    }
}

/// `Server::placeholder`: the first variable of the server's URL still at a placeholder
/// default (an IR decision, `ServerVariable::placeholder`).
fn placeholder_fn(api: &Api) -> TokenStream {
    let arms: Vec<TokenStream> = api
        .servers
        .iter()
        .filter_map(|server| {
            let checks: Vec<TokenStream> = api
                .server_variables
                .iter()
                .filter(|v| v.placeholder && server.variables.contains(&v.name))
                .map(|v| {
                    let field = ident(&v.field);
                    let (name, default) = (&v.name, &v.default);
                    quote!(if variables.#field == #default { return Some(#name); })
                })
                .collect();
            if checks.is_empty() {
                return None;
            }
            let name = ident(&server.ident);
            Some(quote!(Self::#name(variables) => { #(#checks)* None }))
        })
        .collect();
    let body = if arms.is_empty() {
        quote!(None)
    } else if arms.len() == api.servers.len() {
        quote!(match self { #(#arms)* })
    } else {
        quote!(match self { #(#arms)* _ => None, })
    };
    quote! {
        /// The variable of this server's URL still at the spec's placeholder default, if any.
        fn placeholder(&self) -> Option<&'static str> {
            #body
        }
    }
}

fn server_enum(api: &Api) -> TokenStream {
    if api.servers.is_empty() {
        return TokenStream::new();
    }
    let has_variables = !api.server_variables.is_empty();
    let variants = api.servers.iter().map(|server| {
        let name = ident(&server.ident);
        let mut text = server.description.clone().unwrap_or_default();
        text.push_str(&format!("\n\n`{}`", server.url.replace('`', "'")));
        let doc = docs(Some(&text));
        if server.variables.is_empty() {
            quote!(#doc #name,)
        } else {
            quote!(#doc #name(ServerVariables),)
        }
    });
    let arms = api.servers.iter().map(|server| server_url_arm(api, server));
    let first = &api.servers[0];
    let first_name = ident(&first.ident);
    let default = if first.variables.is_empty() {
        quote!(Self::#first_name)
    } else {
        quote!(Self::#first_name(ServerVariables::default()))
    };
    let copy = (!has_variables).then(|| quote!(Copy,));
    let placeholder = placeholder_fn(api);
    quote! {
        /// The servers the API is published on.
        #[derive(Debug, Clone, #copy PartialEq, Eq)]
        pub enum Server {
            #(#variants)*
        }

        impl Server {
            /// The server's base URL, with its variables filled in.
            pub fn url(&self) -> String {
                match self {
                    #(#arms)*
                }
            }

            #placeholder
        }

        impl Default for Server {
            /// The first server the API lists, with default variables.
            fn default() -> Self {
                #default
            }
        }
    }
}

fn server_url_arm(api: &Api, server: &Server) -> TokenStream {
    let name = ident(&server.ident);
    if server.variables.is_empty() {
        let url = &server.url;
        return quote!(Self::#name => #url.to_owned(),);
    }
    // `{name}` placeholders name the destructured fields; any other brace is literal text and
    // is doubled.
    let mut format_string = String::new();
    let mut fields = Vec::new();
    let mut rest = server.url.as_str();
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        format_string.push_str(&rest[..start].replace('}', "}}"));
        let var_name = &rest[start + 1..start + len];
        if let Some(variable) = api.server_variables.iter().find(|v| v.name == var_name) {
            format_string.push_str(&format!("{{{}}}", variable.field));
            if !fields.contains(&variable.field) {
                fields.push(variable.field.clone());
            }
        }
        rest = &rest[start + len + 1..];
    }
    format_string.push_str(&rest.replace('{', "{{").replace('}', "}}"));
    let fields = fields.iter().map(|f| ident(f));
    let ignore_rest = (server.variables.len() < api.server_variables.len()).then(|| quote!(, ..));
    quote!(Self::#name(ServerVariables { #(#fields),* #ignore_rest }) => format!(#format_string),)
}

fn server_variables(api: &Api) -> TokenStream {
    if api.server_variables.is_empty() {
        return TokenStream::new();
    }
    let fields = api.server_variables.iter().map(|v| {
        let name = ident(&v.field);
        let mut text = v.description.clone().unwrap_or_default();
        text.push_str(&format!("\n\nDefault: `{}`.", v.default.replace('`', "'")));
        if v.placeholder {
            text.push_str(" A placeholder: set it, or building a client for this server fails.");
        }
        let doc = docs(Some(&text));
        let ty = if v.values.is_empty() {
            quote!(String)
        } else {
            let t = ident(&v.type_ident);
            quote!(#t)
        };
        quote!(#doc pub #name: #ty,)
    });
    let defaults = api.server_variables.iter().map(|v| {
        let name = ident(&v.field);
        let default = &v.default;
        match v.values.iter().find(|value| &value.value == default) {
            Some(value) => {
                let ty = ident(&v.type_ident);
                let variant = ident(&value.ident);
                quote!(#name: #ty::#variant,)
            }
            None => quote!(#name: #default.to_owned(),),
        }
    });
    let enums = api
        .server_variables
        .iter()
        .filter(|v| !v.values.is_empty())
        .map(variable_enum);
    quote! {
        /// Values for the `{variables}` in the server URLs.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct ServerVariables {
            #(#fields)*
        }

        impl Default for ServerVariables {
            fn default() -> Self {
                Self {
                    #(#defaults)*
                }
            }
        }

        #(#enums)*
    }
}

fn variable_enum(variable: &ServerVariable) -> TokenStream {
    let name = ident(&variable.type_ident);
    let doc = doc_lines(&format!(
        "The allowed values of the `{}` server variable.",
        variable.name.replace('`', "'")
    ));
    let variants = variable.values.iter().map(|value| {
        let variant = ident(&value.ident);
        let line = format!(" `{}`", value.value.replace('`', "'"));
        let default = (value.value == variable.default).then(|| quote!(#[default]));
        quote!(#[doc = #line] #default #variant,)
    });
    let arms = variable.values.iter().map(|value| {
        let variant = ident(&value.ident);
        let wire = &value.value;
        quote!(Self::#variant => #wire,)
    });
    quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// The value as it appears in the URL.
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
