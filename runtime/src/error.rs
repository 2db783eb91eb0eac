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
    /// The server's URL still holds the spec's sample value of a variable (Chargebee's
    /// `site` is `demo`): the client would send real credentials to someone else's host.
    #[error("server variable `{variable}` is still the spec's placeholder: set it (`ServerVariables {{ {variable}: .., ..Default::default() }}`) or give a base URL")]
    PlaceholderServer {
        /// The variable to set (`site`).
        variable: &'static str,
    },
    /// The API lists no servers and no base URL was set.
    #[error("no base URL: the API lists no servers, so set one with `ClientBuilder::base_url`")]
    NoBaseUrl,
    /// A default header or parameter value cannot be sent (a line break in a header, say).
    #[error("{0}")]
    InvalidValue(#[from] InvalidRequest),
    /// The HTTP client could not be created (for example, no TLS roots were found).
    #[error("the HTTP client could not be built: {0}")]
    Http(#[source] reqwest::Error),
}

/// A value the client refused to send, because sending it would be unsafe or would change
/// the request's meaning (a line break in a header, an empty path segment), or because it
/// could not be encoded.
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

/// The failure of an operation. `E` is the enum of error responses the operation
/// documents. Each kind of failure is its own variant, so callers can tell a refusal by
/// the API from a network problem.
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
    /// The connection could not be made or broke before the response was complete (after
    /// any retries).
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
