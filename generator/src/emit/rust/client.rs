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
    let credentials_default = has_credentials.then(|| quote!(credentials: None,));
    let authorize = match &api.auth {
        Some(Auth::Basic { .. }) => quote! {
            let request = self.shared.http.request(method, url);
            match &self.shared.credentials {
                Some(credentials) => request.basic_auth(&credentials.username, Some(&credentials.password)),
                None => request,
            }
        },
        Some(Auth::Bearer { .. }) => quote! {
            let request = self.shared.http.request(method, url);
            match &self.shared.credentials {
                Some(credentials) => request.bearer_auth(&credentials.token),
                None => request,
            }
        },
        None => quote!(self.shared.http.request(method, url)),
    };
    let has_servers = !api.servers.is_empty();
    let new_fn = match (has_servers, has_credentials) {
        (true, true) => quote! {
            /// A client for `server` that authenticates with `credentials`, with the default
            /// retry policy and timeouts.
            ///
            /// # Errors
            ///
            /// [`BuildError`] when the server URL is unusable or the HTTP client cannot start.
            pub fn new(server: Server, credentials: Credentials) -> Result<Self, BuildError> {
                Self::builder().server(server).credentials(credentials).build()
            }
        },
        (true, false) => quote! {
            /// A client for `server`, with the default retry policy and timeouts.
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
    let imports = uses_fmt.then(|| {
        quote!(
            use std::fmt;
        )
    });
    let idempotency = krate.idempotency_header.as_ref().map(|header| {
        let doc = doc_lines(&format!(
            "Whether calls that change data create an idempotency key (`{header}`) when the caller \
             gives none (the default: yes). The key is reused across a call's retries, so the \
             server applies the call once. Without a key such calls are never retried."
        ));
        (
            quote! {
                #doc
                pub fn auto_idempotency_keys(mut self, enabled: bool) -> Self {
                    self.auto_idempotency_keys = enabled;
                    self
                }
            },
            quote! {
                /// A fresh idempotency key for a call, unless the client was told not to create them.
                pub(crate) fn new_idempotency_key(&self) -> Option<String> {
                    self.shared.auto_idempotency_keys.then(|| format!("{:032x}", fastrand::u128(..)))
                }
            },
        )
    });
    let (idempotency_setter, idempotency_key_fn) = match idempotency {
        Some((setter, key_fn)) => (Some(setter), Some(key_fn)),
        None => (None, None),
    };
    let auto_keys_field = krate
        .idempotency_header
        .is_some()
        .then(|| quote!(auto_idempotency_keys: bool,));
    let auto_keys_copy = krate
        .idempotency_header
        .is_some()
        .then(|| quote!(auto_idempotency_keys: self.auto_idempotency_keys,));
    let auto_keys_default = krate
        .idempotency_header
        .is_some()
        .then(|| quote!(auto_idempotency_keys: true,));
    quote! {
        //! Connecting to the API: where requests go, how they authenticate, how they are
        //! retried and timed out, and the [`Client`] that sends them.
        #imports
        use std::ops::Deref;
        use std::sync::Arc;
        use std::time::Duration;

        use reqwest::header::HeaderMap;

        use crate::error::BuildError;

        #server
        #variables
        #credentials

        /// How a call is retried when the server is busy or failing, or the connection breaks.
        ///
        /// Retried: connection failures and timeouts, and the statuses 429, 500, 502, 503 and
        /// 504. The delay doubles from `initial_delay` with random jitter, or is what the
        /// server's `Retry-After` asks for, and never exceeds `max_delay`. A call that changes
        /// data (POST, PATCH) is only retried when it carries an idempotency key, so it is
        /// never applied twice.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct RetryPolicy {
            /// Attempts in all, the first included: 1 means no retry.
            pub max_attempts: u32,
            /// The delay before the first retry, before jitter.
            pub initial_delay: Duration,
            /// The longest wait between two attempts, `Retry-After` included.
            pub max_delay: Duration,
            /// No retry starts once this much time has passed since the first attempt began.
            pub max_elapsed: Duration,
        }

        impl RetryPolicy {
            /// Never retry.
            pub const fn none() -> Self {
                Self {
                    max_attempts: 1,
                    initial_delay: Duration::ZERO,
                    max_delay: Duration::ZERO,
                    max_elapsed: Duration::ZERO,
                }
            }
        }

        impl Default for RetryPolicy {
            /// 3 attempts, 500 ms then about 1 s apart, waits of at most 30 s, no retry after 60 s.
            fn default() -> Self {
                Self {
                    max_attempts: 3,
                    initial_delay: Duration::from_millis(500),
                    max_delay: Duration::from_secs(30),
                    max_elapsed: Duration::from_secs(60),
                }
            }
        }

        /// A decoded response, with the status and headers it came with. It dereferences to
        /// the body, so its fields read as `response.field`.
        #[derive(Debug, Clone)]
        pub struct Response<T> {
            pub(crate) status: u16,
            pub(crate) headers: HeaderMap,
            pub(crate) body: T,
        }

        impl<T> Response<T> {
            /// The HTTP status code.
            pub fn status(&self) -> u16 {
                self.status
            }

            /// The response headers (for example a replayed-idempotency marker).
            pub fn headers(&self) -> &HeaderMap {
                &self.headers
            }

            /// The decoded body.
            pub fn body(&self) -> &T {
                &self.body
            }

            /// The decoded body, without the status and headers.
            pub fn into_body(self) -> T {
                self.body
            }

            /// The same response with its body transformed by `f`.
            pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
                Response { status: self.status, headers: self.headers, body: f(self.body) }
            }
        }

        impl<T> Deref for Response<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.body
            }
        }

        /// A client of the API.
        ///
        /// Cloning is cheap: clones share one connection pool and configuration, and the
        /// client is `Send + Sync`, so one client serves many tasks at once.
        #[derive(Debug, Clone)]
        pub struct Client {
            shared: Arc<Shared>,
            retry: RetryPolicy,
        }

        #[derive(Debug)]
        struct Shared {
            http: reqwest::Client,
            base_url: String,
            timeout: Duration,
            validate: bool,
            #auto_keys_field
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
                &self.shared.base_url
            }

            /// A client that shares this one's connections and settings but retries as `policy`
            /// says: for one call (`client.with_retry(RetryPolicy::none()).some_call(..)`) or
            /// for a part of a program.
            pub fn with_retry(&self, policy: RetryPolicy) -> Client {
                Client { shared: Arc::clone(&self.shared), retry: policy }
            }

            /// The retry policy calls made through this client follow.
            pub fn retry_policy(&self) -> RetryPolicy {
                self.retry
            }

            pub(crate) fn http(&self) -> &reqwest::Client {
                &self.shared.http
            }

            pub(crate) fn timeout(&self) -> Duration {
                self.shared.timeout
            }

            /// Whether requests are checked against the API's constraints before sending.
            pub(crate) fn validates_requests(&self) -> bool {
                self.shared.validate
            }

            #idempotency_key_fn

            /// A request to `url` with the client's credentials.
            pub(crate) fn request(&self, method: reqwest::Method, url: &str) -> reqwest::RequestBuilder {
                #authorize
            }
        }

        /// Configures a [`Client`].
        #[derive(Debug, Clone)]
        pub struct ClientBuilder {
            base_url: Option<String>,
            #credentials_field
            http: Option<reqwest::Client>,
            retry: RetryPolicy,
            timeout: Duration,
            connect_timeout: Duration,
            validate: bool,
            #auto_keys_field
        }

        impl Default for ClientBuilder {
            fn default() -> Self {
                Self {
                    base_url: None,
                    #credentials_default
                    http: None,
                    retry: RetryPolicy::default(),
                    timeout: Duration::from_secs(60),
                    connect_timeout: Duration::from_secs(10),
                    validate: true,
                    #auto_keys_default
                }
            }
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

            /// How calls are retried (the default: [`RetryPolicy::default`]; no retries:
            /// [`RetryPolicy::none`]).
            pub fn retry(mut self, policy: RetryPolicy) -> Self {
                self.retry = policy;
                self
            }

            /// The longest one attempt may take, from sending to the last byte of the response
            /// (default 60 s).
            pub fn timeout(mut self, timeout: Duration) -> Self {
                self.timeout = timeout;
                self
            }

            /// The longest connecting may take (default 10 s). Not applied to a client given
            /// with [`ClientBuilder::http_client`], which keeps its own.
            pub fn connect_timeout(mut self, timeout: Duration) -> Self {
                self.connect_timeout = timeout;
                self
            }

            /// Whether requests are checked against the API's documented constraints (lengths,
            /// ranges) before sending (default: yes).
            pub fn validate_requests(mut self, enabled: bool) -> Self {
                self.validate = enabled;
                self
            }

            #idempotency_setter

            /// Uses `http` to send requests, with its own proxies, TLS and connection settings.
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
                    None => reqwest::Client::builder()
                        .user_agent(#user_agent)
                        .connect_timeout(self.connect_timeout)
                        .build()
                        .map_err(BuildError::Http)?,
                };
                let shared = Shared {
                    http,
                    base_url: base_url.trim_end_matches('/').to_owned(),
                    timeout: self.timeout,
                    validate: self.validate,
                    #auto_keys_copy
                    #credentials_copy
                };
                Ok(Client { shared: Arc::new(shared), retry: self.retry })
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

        use std::fmt;

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

        /// A request value outside the constraints the API documents, found before sending.
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
        #[error("`{field}` {message}")]
        pub struct ValidationError {
            /// The field, as the API names it (`comment`).
            pub field: String,
            /// What is wrong (`is longer than 300 characters`).
            pub message: String,
        }

        /// A documented error response: its status, headers and decoded body.
        #[derive(Debug, Clone)]
        pub struct ApiError<E> {
            /// The HTTP status code.
            pub status: u16,
            /// The response headers.
            pub headers: reqwest::header::HeaderMap,
            /// The decoded body, one variant of the operation's error enum.
            pub body: E,
        }

        impl<E: fmt::Display> fmt::Display for ApiError<E> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "HTTP {}: {}", self.status, self.body)
            }
        }

        /// The failure of an operation. `E` is the operation's enum of documented error
        /// responses. Each kind of failure is its own variant, so callers can tell a refusal
        /// by the API from a network problem.
        #[derive(Debug, thiserror::Error)]
        #[non_exhaustive]
        pub enum Error<E> {
            /// The server answered with an error response the API documents.
            #[error("{0}")]
            Api(Box<ApiError<E>>),
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
            /// No complete response arrived in time (after any retries).
            #[error("the request timed out: {0}")]
            Timeout(#[source] reqwest::Error),
            /// The connection could not be made or broke before the response was complete
            /// (after any retries).
            #[error("the connection failed: {0}")]
            Connection(#[source] reqwest::Error),
            /// Another failure of the HTTP stack (a redirect loop, say).
            #[error("the request failed: {0}")]
            Transport(#[source] reqwest::Error),
            /// The request was refused before sending.
            #[error("the request was not sent: {0}")]
            InvalidRequest(#[from] InvalidRequest),
            /// A request value breaks a documented constraint; nothing was sent.
            #[error("invalid request: {0}")]
            Validation(#[from] ValidationError),
        }
    }
}
