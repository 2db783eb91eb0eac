//! Connecting to the API: where requests go, how they authenticate, how they are
//! retried and timed out, and the [`Client`] that sends them.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;
use reqwest::header::HeaderMap;
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
        Response {
            status: self.status,
            headers: self.headers,
            body: f(self.body),
        }
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
    auto_idempotency_keys: bool,
    credentials: Option<Credentials>,
}

impl Client {
    /// A client for `server` that authenticates with `credentials`, with the default
    /// retry policy and timeouts.
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
        &self.shared.base_url
    }

    /// A client that shares this one's connections and settings but retries as `policy`
    /// says: for one call (`client.with_retry(RetryPolicy::none()).some_call(..)`) or
    /// for a part of a program.
    pub fn with_retry(&self, policy: RetryPolicy) -> Client {
        Client {
            shared: Arc::clone(&self.shared),
            retry: policy,
        }
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

    /// A fresh idempotency key for a call, unless the client was told not to create them.
    pub(crate) fn new_idempotency_key(&self) -> Option<String> {
        self.shared.auto_idempotency_keys.then(|| format!("{:032x}", fastrand::u128(..)))
    }

    /// A request to `url` with the client's credentials.
    pub(crate) fn request(
        &self,
        method: reqwest::Method,
        url: &str,
    ) -> reqwest::RequestBuilder {
        let request = self.shared.http.request(method, url);
        match &self.shared.credentials {
            Some(credentials) => {
                request.basic_auth(&credentials.username, Some(&credentials.password))
            }
            None => request,
        }
    }
}

/// Configures a [`Client`].
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    base_url: Option<String>,
    credentials: Option<Credentials>,
    http: Option<reqwest::Client>,
    retry: RetryPolicy,
    timeout: Duration,
    connect_timeout: Duration,
    validate: bool,
    auto_idempotency_keys: bool,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            base_url: None,
            credentials: None,
            http: None,
            retry: RetryPolicy::default(),
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            validate: true,
            auto_idempotency_keys: true,
        }
    }
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

    /// Whether calls that change data create an idempotency key (`chargebee-idempotency-key`) when the caller gives none (the default: yes). The key is reused across a call's retries, so the server applies the call once. Without a key such calls are never retried.
    pub fn auto_idempotency_keys(mut self, enabled: bool) -> Self {
        self.auto_idempotency_keys = enabled;
        self
    }

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
                    .connect_timeout(self.connect_timeout)
                    .build()
                    .map_err(BuildError::Http)?
            }
        };
        let shared = Shared {
            http,
            base_url: base_url.trim_end_matches('/').to_owned(),
            timeout: self.timeout,
            validate: self.validate,
            auto_idempotency_keys: self.auto_idempotency_keys,
            credentials: self.credentials,
        };
        Ok(Client {
            shared: Arc::new(shared),
            retry: self.retry,
        })
    }
}
