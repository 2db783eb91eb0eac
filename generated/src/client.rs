//! Connecting to the API: where requests go, how they authenticate, and the
//! [`Client`] that sends them.

use std::fmt;
use crate::error::BuildError;

/// The servers the API is published on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Server {
    /// Live site
    ///
    /// `{protocol}://{site}.{environment}:{port}/api/v2`
    LiveSite(ServerVariables),
    /// Test site
    ///
    /// `{protocol}://{site}-test.{environment}:{port}/api/v2`
    TestSite(ServerVariables),
}

impl Server {
    /// The server's base URL, with its variables filled in.
    pub fn url(&self) -> String {
        match self {
            Self::LiveSite(ServerVariables { protocol, site, environment, port }) => {
                format!("{protocol}://{site}.{environment}:{port}/api/v2")
            }
            Self::TestSite(ServerVariables { protocol, site, environment, port }) => {
                format!("{protocol}://{site}-test.{environment}:{port}/api/v2")
            }
        }
    }
}

impl Default for Server {
    /// The first server the API lists, with default variables.
    fn default() -> Self {
        Self::LiveSite(ServerVariables::default())
    }
}

/// Values for the `{variables}` in the server URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerVariables {
    /// The protocol; only HTTPS is supported.
    ///
    /// Default: `https`.
    pub protocol: Protocol,
    /// Your Chargebee site name (the subdomain of your site).
    ///
    /// Default: `demo`.
    pub site: String,
    /// The Chargebee domain.
    ///
    /// Default: `chargebee.com`.
    pub environment: Environment,
    /// The HTTPS port.
    ///
    /// Default: `443`.
    pub port: Port,
}

impl Default for ServerVariables {
    fn default() -> Self {
        Self {
            protocol: Protocol::Https,
            site: "demo".to_owned(),
            environment: Environment::ChargebeeCom,
            port: Port::V443,
        }
    }
}

/// The allowed values of the `protocol` server variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Protocol {
    /// `https`
    #[default]
    Https,
}

impl Protocol {
    /// The value as it appears in the URL.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Https => "https",
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The allowed values of the `environment` server variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Environment {
    /// `chargebee.com`
    #[default]
    ChargebeeCom,
}

impl Environment {
    /// The value as it appears in the URL.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::ChargebeeCom => "chargebee.com",
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The allowed values of the `port` server variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Port {
    /// `443`
    #[default]
    V443,
}

impl Port {
    /// The value as it appears in the URL.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::V443 => "443",
        }
    }
}

impl fmt::Display for Port {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// HTTP basic credentials, sent with every request.
///
/// HTTP Basic authentication: use your Chargebee API key as the user name and leave the password empty.
///
/// `Debug` never shows them.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    username: String,
    password: String,
}

impl Credentials {
    /// A user name and password.
    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Self {
        Self {
            username: username.into(),
            password: password.into(),
        }
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

/// A client of the API.
///
/// Cloning is cheap: clones share one connection pool and its configuration, and the
/// client can be used from many tasks at once.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    credentials: Option<Credentials>,
}

impl Client {
    /// A client for `server` that authenticates with `credentials`.
    ///
    /// # Errors
    ///
    /// [`BuildError`] when the server URL is unusable or the HTTP client cannot start.
    pub fn new(server: Server, credentials: Credentials) -> Result<Self, BuildError> {
        Self::builder().server(server).credentials(credentials).build()
    }

    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The base URL every request path is appended to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// A request to `url` with the client's credentials.
    pub(crate) fn request(
        &self,
        method: reqwest::Method,
        url: &str,
    ) -> reqwest::RequestBuilder {
        let request = self.http.request(method, url);
        match &self.credentials {
            Some(credentials) => {
                request.basic_auth(&credentials.username, Some(&credentials.password))
            }
            None => request,
        }
    }
}

/// Configures a [`Client`].
#[derive(Debug, Clone, Default)]
pub struct ClientBuilder {
    base_url: Option<String>,
    credentials: Option<Credentials>,
    http: Option<reqwest::Client>,
}

impl ClientBuilder {
    /// Sends requests to `server` (the default is the first server the API lists).
    pub fn server(mut self, server: Server) -> Self {
        self.base_url = Some(server.url());
        self
    }

    /// Sends requests to `url` instead of a listed server: a proxy, a mock, a local
    /// test server. Paths are appended to it as they are.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Authenticates every request with `credentials`.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

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
        let base_url = self.base_url.unwrap_or_else(|| Server::default().url());
        match reqwest::Url::parse(&base_url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => {}
            Ok(_) => {
                return Err(BuildError::InvalidBaseUrl {
                    url: base_url,
                    reason: "it must be an absolute http or https URL".to_owned(),
                });
            }
            Err(error) => {
                return Err(BuildError::InvalidBaseUrl {
                    url: base_url,
                    reason: error.to_string(),
                });
            }
        }
        let http = match self.http {
            Some(http) => http,
            None => {
                reqwest::Client::builder()
                    .user_agent("chargebee-api/2.0.0")
                    .build()
                    .map_err(BuildError::Http)?
            }
        };
        Ok(Client {
            http,
            base_url: base_url.trim_end_matches('/').to_owned(),
            credentials: self.credentials,
        })
    }
}
