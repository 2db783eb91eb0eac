//! The [`Client`] that sends requests: where they go, how they authenticate, how they are
//! retried and timed out, and the defaults a caller sets once for every call.
//!
//! This file is the same in every crate apiforge generates; what differs per API (its
//! servers, its operations) lives in the generated modules.

use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName};

use crate::credentials::Credentials;
use crate::error::{BuildError, InvalidRequest};
use crate::hooks::{Hook, Hooks};
use crate::runtime::{self, Call, ParamValue};
use crate::values;

/// How a call is retried when the server is busy or failing, or the connection breaks.
///
/// Retried: connection failures and timeouts, and the statuses 429, 500, 502, 503 and 504.
/// The delay doubles from `initial_delay` with random jitter, or is what the server's
/// `Retry-After` asks for, and never exceeds `max_delay`. A call that changes data (POST,
/// PATCH) is only retried when it carries an idempotency key, so it is never applied twice.
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

/// A decoded response, with the status and headers it came with. It dereferences to the
/// body, so its fields read as `response.field`.
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
/// Cloning is cheap: clones share one connection pool and configuration, and the client is
/// `Send + Sync`, so one client serves many tasks at once. The `with_*` methods return such
/// a clone with one setting changed, for one call or a part of a program.
#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) shared: Arc<Shared>,
    pub(crate) per_call: PerCall,
}

#[derive(Debug)]
pub(crate) struct Shared {
    http: reqwest::Client,
    validate: bool,
    auto_idempotency_keys: bool,
    hooks: Hooks,
    request_id_header: HeaderName,
}

/// What a `with_*` clone may change without touching the shared connection pool. The base
/// URL and credentials live here, not in [`Shared`], so that one pool serves many tenants
/// (`with_server`, `with_credentials`, in `tenants.rs`).
#[derive(Debug, Clone)]
pub(crate) struct PerCall {
    retry: RetryPolicy,
    timeout: Duration,
    headers: Arc<HeaderMap>,
    params: Arc<Vec<ParamValue>>,
    pub(crate) base_url: Arc<str>,
    pub(crate) credentials: Option<Arc<Credentials>>,
}

impl Client {
    /// The base URL every request path is appended to.
    pub fn base_url(&self) -> &str {
        &self.per_call.base_url
    }

    /// The retry policy calls made through this client follow.
    pub fn retry_policy(&self) -> RetryPolicy {
        self.per_call.retry
    }

    /// A client that shares this one's connections and settings but retries as `policy`
    /// says: `client.with_retry(RetryPolicy::none()).some_call(..)`.
    pub fn with_retry(&self, policy: RetryPolicy) -> Client {
        let mut client = self.clone();
        client.per_call.retry = policy;
        client
    }

    /// A client whose attempts may each take at most `timeout`, from sending to the last
    /// byte of the response (a download's body excepted: the read idle timeout bounds it).
    pub fn with_timeout(&self, timeout: Duration) -> Client {
        let mut client = self.clone();
        client.per_call.timeout = timeout;
        client
    }

    /// A client that adds the header `name: value` to every call (replacing a default
    /// header of that name): a tracing id, a mock server's `Prefer: code=404`.
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`] when `name` is not a valid header name or `value` holds a line
    /// break, a control or a non-ASCII character.
    pub fn with_header(&self, name: &str, value: &str) -> Result<Client, InvalidRequest> {
        let mut headers = HeaderMap::clone(&self.per_call.headers);
        let header = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| InvalidRequest(format!("`{name}` is not a valid header name")))?;
        headers.insert(header, values::header_value(name, value)?);
        let mut client = self.clone();
        client.per_call.headers = Arc::new(headers);
        Ok(client)
    }

    /// A client whose values of the API's common parameters are `params` (replacing those
    /// of the same name), for the generated `with_common_parameters`.
    #[doc(hidden)]
    pub fn with_params(&self, params: Vec<ParamValue>) -> Client {
        let mut client = self.clone();
        client.per_call.params = Arc::new(runtime::merge_params(&self.per_call.params, params));
        client
    }

    /// Starts a call: `path` is already encoded (see [`runtime::path_segment`]).
    #[doc(hidden)]
    pub fn call(&self, method: reqwest::Method, path: &str) -> Call<'_> {
        Call::new(self, method, format!("{}{path}", self.per_call.base_url))
    }

    pub(crate) fn validates_requests(&self) -> bool {
        self.shared.validate
    }

    pub(crate) fn default_params(&self) -> &[ParamValue] {
        &self.per_call.params
    }

    /// A fresh idempotency key for a call, unless the client was told not to create them.
    pub(crate) fn new_idempotency_key(&self) -> Option<String> {
        self.shared
            .auto_idempotency_keys
            .then(|| format!("{:032x}", fastrand::u128(..)))
    }

    pub(crate) fn hooks(&self) -> &Hooks {
        &self.shared.hooks
    }

    /// The response header that carries the server's id for a request.
    pub(crate) fn request_id_header(&self) -> &HeaderName {
        &self.shared.request_id_header
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.shared.http
    }

    /// The credentials the client was given.
    pub(crate) fn credentials(&self) -> Option<&Credentials> {
        self.per_call.credentials.as_deref()
    }

    /// A request to `url` with the call's credential headers, then the client's default
    /// headers (which replace them: `with_header("authorization", ..)` wins) and timeout.
    pub(crate) fn request(
        &self,
        method: reqwest::Method,
        url: &str,
        credentials: HeaderMap,
    ) -> reqwest::RequestBuilder {
        self.shared
            .http
            .request(method, url)
            .timeout(self.per_call.timeout)
            .headers(credentials)
            .headers(HeaderMap::clone(&self.per_call.headers))
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
    read_idle_timeout: Duration,
    validate: bool,
    auto_idempotency_keys: bool,
    params: Vec<ParamValue>,
    hooks: Hooks,
    request_id_header: String,
    /// The server variable still at its placeholder default (set by the generated
    /// `ClientBuilder::server`; cleared by [`ClientBuilder::base_url`]).
    placeholder: Option<&'static str>,
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
            read_idle_timeout: Duration::from_secs(60),
            validate: true,
            auto_idempotency_keys: true,
            params: Vec::new(),
            hooks: Hooks::default(),
            // The API's own, from the generator's settings (`[client] request-id-header`).
            request_id_header: crate::REQUEST_ID_HEADER.to_owned(),
            placeholder: None,
        }
    }
}

impl ClientBuilder {
    /// Sends requests to `url`: a proxy, a mock, a local test server. Paths are appended to
    /// it as they are.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self.placeholder = None;
        self
    }

    /// Sends requests to a server's `url`, for the generated `ClientBuilder::server`:
    /// `placeholder` names a server variable still at its sample default (Chargebee's
    /// `site`), which makes [`ClientBuilder::build`] fail rather than send a real key to a
    /// sample host.
    #[doc(hidden)]
    pub fn server_url(mut self, url: String, placeholder: Option<&'static str>) -> Self {
        self.base_url = Some(url);
        self.placeholder = placeholder;
        self
    }

    /// Authenticates requests with `credentials`. Called again, it adds to them (replacing
    /// those given earlier for the same scheme), like [`Credentials::and`].
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(match self.credentials.take() {
            Some(given) => given.and(credentials),
            None => credentials,
        });
        self
    }

    /// How calls are retried (the default: [`RetryPolicy::default`]; no retries:
    /// [`RetryPolicy::none`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The longest one attempt may take, from sending to the last byte of the response
    /// (default 60 s). A download's body is not bounded in total (a large file takes as long
    /// as it takes): only by [`ClientBuilder::read_idle_timeout`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// [`ClientBuilder::timeout`], by the name that says what it bounds: the response.
    pub fn response_timeout(self, timeout: Duration) -> Self {
        self.timeout(timeout)
    }

    /// The longest the connection may stay silent: before the response's headers, and
    /// between two chunks of its body (default 60 s). It is what bounds a download, which
    /// may take longer than any response timeout but must keep moving. Not applied to a
    /// client given with [`ClientBuilder::http_client`].
    pub fn read_idle_timeout(mut self, timeout: Duration) -> Self {
        self.read_idle_timeout = timeout;
        self
    }

    /// The longest connecting may take (default 10 s). Not applied to a client given with
    /// [`ClientBuilder::http_client`], which keeps its own.
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

    /// Whether calls that take an idempotency key create one when the caller gives none
    /// (default: yes). The key is reused across a call's retries, so the server applies the
    /// call once. Without a key such calls are never retried.
    pub fn auto_idempotency_keys(mut self, enabled: bool) -> Self {
        self.auto_idempotency_keys = enabled;
        self
    }

    /// Uses `http` to send requests, with its own proxies, TLS and connection settings.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Runs `hook` around every attempt of every call (see [`Hook`]); hooks run in the order
    /// they are added.
    pub fn hook(mut self, hook: impl Hook) -> Self {
        self.hooks.push(hook);
        self
    }

    /// The response header that carries the server's id for a request, kept in errors
    /// ([`Error::request_id`](crate::Error::request_id)) and traces. The default is the one
    /// the API's settings name, else `x-request-id`.
    pub fn request_id_header(mut self, header: impl Into<String>) -> Self {
        self.request_id_header = header.into();
        self
    }

    /// Values of the API's common parameters, for the generated `common_parameters`.
    #[doc(hidden)]
    pub fn params(mut self, params: Vec<ParamValue>) -> Self {
        self.params = runtime::merge_params(&self.params, params);
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    ///
    /// [`BuildError`] when no base URL is known, it is not an absolute `http` or `https`
    /// URL, the request-id header is not a header name, or the HTTP client cannot start.
    pub fn build(self) -> Result<Client, BuildError> {
        let request_id_header =
            HeaderName::from_bytes(self.request_id_header.as_bytes()).map_err(|_| {
                InvalidRequest(format!(
                    "`{}` is not a valid header name",
                    self.request_id_header
                ))
            })?;
        if let Some(variable) = self.placeholder {
            return Err(BuildError::PlaceholderServer { variable });
        }
        let base_url = self.base_url.ok_or(BuildError::NoBaseUrl)?;
        let base_url = checked_base_url(base_url)?;
        let http = match self.http {
            Some(http) => http,
            None => {
                crate::tls::prepare();
                reqwest::Client::builder()
                    .user_agent(concat!(
                        env!("CARGO_PKG_NAME"),
                        "/",
                        env!("CARGO_PKG_VERSION")
                    ))
                    .connect_timeout(self.connect_timeout)
                    .read_timeout(self.read_idle_timeout)
                    .build()
                    .map_err(BuildError::Http)?
            }
        };
        let shared = Shared {
            http,
            validate: self.validate,
            auto_idempotency_keys: self.auto_idempotency_keys,
            hooks: self.hooks,
            request_id_header,
        };
        let per_call = PerCall {
            retry: self.retry,
            timeout: self.timeout,
            headers: Arc::new(HeaderMap::new()),
            params: Arc::new(self.params),
            base_url: base_url.into(),
            credentials: self.credentials.map(Arc::new),
        };
        Ok(Client {
            shared: Arc::new(shared),
            per_call,
        })
    }
}

/// `base_url` without its trailing `/`, if it is an absolute `http` or `https` URL without a
/// query or fragment.
pub(crate) fn checked_base_url(base_url: String) -> Result<String, BuildError> {
    match reqwest::Url::parse(&base_url) {
        // Paths and query strings are appended to the base URL: a query or fragment of its
        // own would swallow them.
        Ok(url) if url.query().is_some() || url.fragment().is_some() => {
            let reason =
                "it must not have a query or a fragment: paths are appended to it".to_owned();
            Err(BuildError::InvalidBaseUrl {
                url: base_url,
                reason,
            })
        }
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => {
            Ok(base_url.trim_end_matches('/').to_owned())
        }
        Ok(_) => {
            let reason = "it must be an absolute http or https URL".to_owned();
            Err(BuildError::InvalidBaseUrl {
                url: base_url,
                reason,
            })
        }
        Err(error) => Err(BuildError::InvalidBaseUrl {
            url: base_url,
            reason: error.to_string(),
        }),
    }
}
