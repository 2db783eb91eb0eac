//! `src/client.rs` (servers, credentials, the client and its builder) and `src/error.rs`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_lines, docs, ident};
use crate::emit::CrateInfo;
use crate::ir::{Api, Auth, Server, ServerVariable};

/// The whole `client` module.
pub fn emit(api: &Api, krate: &CrateInfo) -> TokenStream {
    let server = server_enum(api);
    let variables = server_variables(api);
    let credentials = credentials(api);
    let has_credentials = api.auth.is_some();
    let credentials_field = has_credentials.then(|| quote!(credentials: Option<Credentials>,));
    let credentials_copy = has_credentials.then(|| quote!(credentials: self.credentials,));
    let authorize = match &api.auth {
        Some(Auth::Basic { .. }) => quote! {
            match &self.credentials {
                Some(credentials) => request.basic_auth(&credentials.username, Some(&credentials.password)),
                None => request,
            }
        },
        Some(Auth::Bearer { .. }) => quote! {
            match &self.credentials {
                Some(credentials) => request.bearer_auth(&credentials.token),
                None => request,
            }
        },
        None => quote!(request),
    };
    let has_servers = !api.servers.is_empty();
    let new_fn = match (has_servers, has_credentials) {
        (true, true) => quote! {
            /// A client for `server` that authenticates with `credentials`.
            ///
            /// # Errors
            ///
            /// [`BuildError`] when the server URL is unusable or the HTTP client cannot start.
            pub fn new(server: Server, credentials: Credentials) -> Result<Self, BuildError> {
                Self::builder().server(server).credentials(credentials).build()
            }
        },
        (true, false) => quote! {
            /// A client for `server`.
            ///
            /// # Errors
            ///
            /// [`BuildError`] when the server URL is unusable or the HTTP client cannot start.
            pub fn new(server: Server) -> Result<Self, BuildError> {
                Self::builder().server(server).build()
            }
        },
        (false, _) => TokenStream::new(),
    };
    let server_setter = has_servers.then(|| {
        quote! {
            /// Sends requests to `server` (the default is the first server the API lists).
            pub fn server(mut self, server: Server) -> Self {
                self.base_url = Some(server.url());
                self
            }
        }
    });
    let credentials_setter = has_credentials.then(|| {
        quote! {
            /// Authenticates every request with `credentials`.
            pub fn credentials(mut self, credentials: Credentials) -> Self {
                self.credentials = Some(credentials);
                self
            }
        }
    });
    let default_base_url = if has_servers {
        quote!(let base_url = self.base_url.unwrap_or_else(|| Server::default().url());)
    } else {
        quote!(let base_url = self.base_url.ok_or(BuildError::NoBaseUrl)?;)
    };
    let user_agent = format!("{}/{}", krate.name, krate.version);
    let uses_fmt = has_credentials || api.server_variables.iter().any(|v| !v.values.is_empty());
    let imports = uses_fmt.then(|| quote!(use std::fmt;));
    quote! {
        //! Connecting to the API: where requests go, how they authenticate, and the
        //! [`Client`] that sends them.
        #imports
        use crate::error::BuildError;

        #server
        #variables
        #credentials

        /// A client of the API.
        ///
        /// Cloning is cheap: clones share one connection pool and its configuration, and the
        /// client can be used from many tasks at once.
        #[derive(Debug, Clone)]
        pub struct Client {
            http: reqwest::Client,
            base_url: String,
            #credentials_field
        }

        impl Client {
            #new_fn

            /// Starts configuring a client.
            pub fn builder() -> ClientBuilder {
                ClientBuilder::default()
            }

            /// The base URL every request path is appended to.
            pub fn base_url(&self) -> &str {
                &self.base_url
            }

            /// A request to `url` with the client's credentials.
            pub(crate) fn request(&self, method: reqwest::Method, url: &str) -> reqwest::RequestBuilder {
                let request = self.http.request(method, url);
                #authorize
            }
        }

        /// Configures a [`Client`].
        #[derive(Debug, Clone, Default)]
        pub struct ClientBuilder {
            base_url: Option<String>,
            #credentials_field
            http: Option<reqwest::Client>,
        }

        impl ClientBuilder {
            #server_setter

            /// Sends requests to `url` instead of a listed server: a proxy, a mock, a local
            /// test server. Paths are appended to it as they are.
            pub fn base_url(mut self, url: impl Into<String>) -> Self {
                self.base_url = Some(url.into());
                self
            }

            #credentials_setter

            /// Uses `http` to send requests, with its own timeouts, proxies and TLS settings.
            pub fn http_client(mut self, http: reqwest::Client) -> Self {
                self.http = Some(http);
                self
            }

            /// Builds the client.
            ///
            /// # Errors
            ///
            /// [`BuildError`] when the base URL is not an absolute `http` or `https` URL, or the
            /// HTTP client cannot start.
            pub fn build(self) -> Result<Client, BuildError> {
                #default_base_url
                match reqwest::Url::parse(&base_url) {
                    Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => {}
                    Ok(_) => {
                        return Err(BuildError::InvalidBaseUrl {
                            url: base_url,
                            reason: "it must be an absolute http or https URL".to_owned(),
                        })
                    }
                    Err(error) => {
                        return Err(BuildError::InvalidBaseUrl { url: base_url, reason: error.to_string() })
                    }
                }
                let http = match self.http {
                    Some(http) => http,
                    None => reqwest::Client::builder().user_agent(#user_agent).build().map_err(BuildError::Http)?,
                };
                Ok(Client {
                    http,
                    base_url: base_url.trim_end_matches('/').to_owned(),
                    #credentials_copy
                })
            }
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
        let Some(len) = rest[start..].find('}') else { break };
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
        let doc = docs(Some(&text));
        let ty = if v.values.is_empty() { quote!(String) } else { let t = ident(&v.type_ident); quote!(#t) };
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
    let enums = api.server_variables.iter().filter(|v| !v.values.is_empty()).map(variable_enum);
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
    let doc = doc_lines(&format!("The allowed values of the `{}` server variable.", variable.name.replace('`', "'")));
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

fn credentials(api: &Api) -> TokenStream {
    match &api.auth {
        None => TokenStream::new(),
        Some(Auth::Basic { description }) => {
            let doc = docs(description.as_deref());
            let separator = (!doc.is_empty()).then(|| quote!(#[doc = ""]));
            quote! {
                /// HTTP basic credentials, sent with every request.
                ///
                #doc
                #separator
                /// `Debug` never shows them.
                #[derive(Clone, PartialEq, Eq)]
                pub struct Credentials {
                    username: String,
                    password: String,
                }

                impl Credentials {
                    /// A user name and password.
                    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Self {
                        Self { username: username.into(), password: password.into() }
                    }

                    /// An API key sent as the user name with an empty password, the way APIs that
                    /// take API keys over basic authentication expect it.
                    pub fn api_key(key: impl Into<String>) -> Self {
                        Self::basic(key, "")
                    }
                }

                impl fmt::Debug for Credentials {
                    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("Credentials(<redacted>)")
                    }
                }
            }
        }
        Some(Auth::Bearer { description }) => {
            let doc = docs(description.as_deref());
            let separator = (!doc.is_empty()).then(|| quote!(#[doc = ""]));
            quote! {
                /// A bearer token, sent with every request.
                ///
                #doc
                #separator
                /// `Debug` never shows it.
                #[derive(Clone, PartialEq, Eq)]
                pub struct Credentials {
                    token: String,
                }

                impl Credentials {
                    /// A bearer token.
                    pub fn bearer(token: impl Into<String>) -> Self {
                        Self { token: token.into() }
                    }
                }

                impl fmt::Debug for Credentials {
                    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("Credentials(<redacted>)")
                    }
                }
            }
        }
    }
}

/// The `error` module: the same for every API.
pub fn error_module() -> TokenStream {
    quote! {
        //! What can go wrong when building a client or calling an operation.

        /// Why a [`Client`](crate::Client) could not be built.
        #[derive(Debug, thiserror::Error)]
        #[non_exhaustive]
        pub enum BuildError {
            /// The base URL is not an absolute `http` or `https` URL.
            #[error("base URL `{url}` is not usable: {reason}")]
            InvalidBaseUrl {
                /// The URL as given.
                url: String,
                /// Why it was refused.
                reason: String,
            },
            /// The API lists no servers and no base URL was set.
            #[error("no base URL: the API lists no servers, so set one with `ClientBuilder::base_url`")]
            NoBaseUrl,
            /// The HTTP client could not be created (for example, no TLS roots were found).
            #[error("the HTTP client could not be built: {0}")]
            Http(#[source] reqwest::Error),
        }

        /// A value the client refused to send, because sending it would be unsafe or would
        /// change the request's meaning (a line break in a header, an empty path segment).
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
        #[error("{0}")]
        pub struct InvalidRequest(pub String);

        /// The failure of an operation. `E` is the operation's enum of documented error
        /// responses.
        #[derive(Debug, thiserror::Error)]
        #[non_exhaustive]
        pub enum Error<E> {
            /// The server answered with an error response the API documents; its body is
            /// decoded into `E`.
            #[error("HTTP {status}: {body}")]
            Api {
                /// The HTTP status code.
                status: u16,
                /// The decoded response.
                body: Box<E>,
            },
            /// The server answered with a status the API does not document for the operation.
            #[error("unexpected HTTP status {status}")]
            UnexpectedStatus {
                /// The HTTP status code.
                status: u16,
                /// The response body, as text.
                body: String,
            },
            /// The response body does not match the documented JSON.
            #[error("the response (HTTP {status}) could not be decoded: {source}")]
            Decode {
                /// The HTTP status code.
                status: u16,
                /// The response body, as text, for diagnosis.
                body: String,
                /// What did not match.
                #[source]
                source: serde_json::Error,
            },
            /// The request could not be sent or the response not received.
            #[error("the request failed: {0}")]
            Transport(#[from] reqwest::Error),
            /// The request was refused before sending.
            #[error("the request was not sent: {0}")]
            InvalidRequest(#[from] InvalidRequest),
        }
    }
}
