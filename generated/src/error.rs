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
    #[error(
        "no base URL: the API lists no servers, so set one with `ClientBuilder::base_url`"
    )]
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
