//! Where the API is served and how a client connects to it.

use crate::client::{Client, ClientBuilder};
use crate::credentials::Credentials;
use crate::error::BuildError;

/// The servers the API is published on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Server {
    /// `https://vault.example.com/v1`
    Main,
}

impl Server {
    /// The server's base URL, with its variables filled in.
    pub fn url(&self) -> String {
        match self {
            Self::Main => "https://vault.example.com/v1".to_owned(),
        }
    }
}

impl Default for Server {
    /// The first server the API lists, with default variables.
    fn default() -> Self {
        Self::Main
    }
}

impl Client {
    /// A client for `server` that authenticates with `credentials`, with the default retry policy and timeouts.
    ///
    /// # Errors
    ///
    /// [`BuildError`] when the server URL is unusable or the HTTP client cannot start.
    pub fn new(server: Server, credentials: Credentials) -> Result<Self, BuildError> {
        Self::builder().server(server).credentials(credentials).build()
    }

    /// Starts configuring a client, sending to the API's first server unless told otherwise.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default().server(Server::default())
    }
}

impl ClientBuilder {
    /// Sends requests to `server` (the default is the first server the API lists).
    pub fn server(self, server: Server) -> Self {
        self.base_url(server.url())
    }
}

impl Credentials {
    /// Credentials for the `header_key` scheme: an API key in the `X-API-Key` header.
    ///
    /// A key from the console, in a header.
    pub fn header_key(key: impl Into<String>) -> Self {
        Self::scheme_key("header_key", key)
    }

    /// Credentials for the `query_key` scheme: an API key in the `api_key` query parameter.
    pub fn query_key(key: impl Into<String>) -> Self {
        Self::scheme_key("query_key", key)
    }

    /// Credentials for the `session` scheme: an API key in the `vault_session` cookie.
    pub fn session(key: impl Into<String>) -> Self {
        Self::scheme_key("session", key)
    }

    /// Credentials for the `jwt` scheme: an HTTP bearer token (JWT).
    pub fn jwt(token: impl Into<String>) -> Self {
        Self::bearer(token).for_scheme("jwt")
    }

    /// A token for the `jwt` scheme asked of `provider` for each call (once per call, its retries included): return the current token, refreshing it elsewhere.
    pub fn jwt_with(provider: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Self::bearer_with(provider).for_scheme("jwt")
    }

    /// Credentials for the `oauth` scheme: an OAuth2 access token, which you obtain and the client sends as a bearer token.
    ///
    /// OAuth2; the client takes the access token you obtained.
    pub fn oauth(token: impl Into<String>) -> Self {
        Self::bearer(token).for_scheme("oauth")
    }

    /// A token for the `oauth` scheme asked of `provider` for each call (once per call, its retries included): return the current token, refreshing it elsewhere.
    pub fn oauth_with(provider: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Self::bearer_with(provider).for_scheme("oauth")
    }

    /// Credentials for the `oidc` scheme: an OpenID Connect token (see `https://vault.example.com/.well-known/openid-configuration`), which you obtain and the client sends as a bearer token.
    pub fn oidc(token: impl Into<String>) -> Self {
        Self::bearer(token).for_scheme("oidc")
    }

    /// A token for the `oidc` scheme asked of `provider` for each call (once per call, its retries included): return the current token, refreshing it elsewhere.
    pub fn oidc_with(provider: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Self::bearer_with(provider).for_scheme("oidc")
    }
}
