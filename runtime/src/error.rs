//! What can go wrong when building a client or calling an operation.

use std::fmt;

use reqwest::header::HeaderMap;

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
    pub headers: HeaderMap,
    /// The decoded body, one variant of the operation's error enum.
    pub body: E,
    /// The request id the server gave the call (the client's request-id header), for
    /// support.
    pub request_id: Option<String>,
    /// The API's own message, when the body has one (see [`Error`]'s `Display`).
    pub message: Option<String>,
}

impl<E: fmt::Display> fmt::Display for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(message) => write!(f, "HTTP {}: {message}", self.status)?,
            None => write!(f, "HTTP {}: {}", self.status, self.body)?,
        }
        write!(f, "{}", RequestId(self.request_id.as_deref()))
    }
}

/// ` (request id X)`, or nothing without one.
struct RequestId<'a>(Option<&'a str>);

impl fmt::Display for RequestId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(id) => write!(f, " (request id {id})"),
            None => Ok(()),
        }
    }
}

/// `: message (request id X)` for an error body the API explains, as far as known.
fn context<'a>(body: &str, request_id: &'a Option<String>) -> impl fmt::Display + 'a {
    struct Context<'a>(Option<String>, Option<&'a str>);
    impl fmt::Display for Context<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            if let Some(message) = &self.0 {
                write!(f, ": {message}")?;
            }
            write!(f, "{}", RequestId(self.1))
        }
    }
    Context(api_message(body.as_bytes()), request_id.as_deref())
}

/// The longest API message kept, in characters: a message, not a page of HTML.
const MESSAGE_LIMIT: usize = 500;

/// The API's own explanation in an error body, whatever the body's documented type: the
/// first string among `message`, `error.message`, `error` (a string), `detail`, `title`
/// and `error_description` of a JSON object, as Stripe, Chargebee, RFC 7807 problems and
/// OAuth servers write them.
pub(crate) fn api_message(body: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let text = |value: Option<&serde_json::Value>| -> Option<String> {
        let text = value?.as_str()?.trim();
        (!text.is_empty()).then(|| text.chars().take(MESSAGE_LIMIT).collect())
    };
    text(value.get("message"))
        .or_else(|| text(value.get("error").and_then(|e| e.get("message"))))
        .or_else(|| text(value.get("error")))
        .or_else(|| text(value.get("detail")))
        .or_else(|| text(value.get("title")))
        .or_else(|| text(value.get("error_description")))
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
    #[error("unexpected HTTP status {status}{}", context(.body, .request_id))]
    UnexpectedStatus {
        /// The HTTP status code.
        status: u16,
        /// The response headers (boxed: they would make every `Result` of the crate large).
        headers: Box<HeaderMap>,
        /// The request id the server gave the call, if any.
        request_id: Option<String>,
        /// The response body, as text.
        body: String,
    },
    /// The response body does not match the documented JSON.
    #[error("the response (HTTP {status}) could not be decoded: {source}{}", context(.body, .request_id))]
    Decode {
        /// The HTTP status code.
        status: u16,
        /// The response headers (boxed: they would make every `Result` of the crate large).
        headers: Box<HeaderMap>,
        /// The request id the server gave the call, if any.
        request_id: Option<String>,
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
    /// A stream of pages met a page token it had already followed: the server would send
    /// the same pages forever, so the stream ends here instead.
    #[error("the server sent the page token {token} a second time; the pages stop here rather than repeat")]
    RepeatedPage {
        /// The token, as Rust prints it (`"abc"`, `2`).
        token: String,
    },
}

impl<E> Error<E> {
    /// The HTTP status of the response the error followed, if one arrived.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api(error) => Some(error.status),
            Self::UnexpectedStatus { status, .. } | Self::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The headers of the response the error followed, if one arrived.
    pub fn headers(&self) -> Option<&HeaderMap> {
        match self {
            Self::Api(error) => Some(&error.headers),
            Self::UnexpectedStatus { headers, .. } | Self::Decode { headers, .. } => {
                Some(headers.as_ref())
            }
            _ => None,
        }
    }

    /// The request id the server gave the call (its request-id header), to quote to the
    /// API's support.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Api(error) => error.request_id.as_deref(),
            Self::UnexpectedStatus { request_id, .. } | Self::Decode { request_id, .. } => {
                request_id.as_deref()
            }
            _ => None,
        }
    }

    /// Whether the same call may succeed later: a timeout, a connection failure, or a status
    /// that says "try again later" (429, 500, 502, 503, 504). The client has already retried
    /// such calls as its policy allows.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Timeout(_) | Self::Connection(_) => true,
            _ => self.status().is_some_and(crate::retry::is_retryable_status),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_apis_message_is_found_where_apis_put_it() {
        let cases: [(&str, Option<&str>); 9] = [
            (r#"{"message": "Chargebee's"}"#, Some("Chargebee's")),
            (
                r#"{"error": {"message": "Stripe's", "type": "card_error"}}"#,
                Some("Stripe's"),
            ),
            (
                r#"{"error": "invalid_grant", "error_description": "x"}"#,
                Some("invalid_grant"),
            ),
            (
                r#"{"title": "Not Found", "detail": "RFC 7807's"}"#,
                Some("RFC 7807's"),
            ),
            (r#"{"title": "Not Found"}"#, Some("Not Found")),
            (
                r#"{"message": "  ", "detail": "the next one"}"#,
                Some("the next one"),
            ),
            (r#"{"message": 42}"#, None),
            ("<html>502</html>", None),
            (r#"["a list"]"#, None),
        ];
        for (body, expected) in cases {
            assert_eq!(api_message(body.as_bytes()).as_deref(), expected, "{body}");
        }
        let long = format!(r#"{{"message": "{}"}}"#, "é".repeat(2 * MESSAGE_LIMIT));
        let message = api_message(long.as_bytes()).unwrap_or_default();
        assert_eq!(message.chars().count(), MESSAGE_LIMIT);
    }

    #[test]
    fn displays_say_what_the_api_said_and_the_request_id() {
        let error: Error<std::convert::Infallible> = Error::UnexpectedStatus {
            status: 409,
            headers: Box::default(),
            request_id: Some("req_9".to_owned()),
            body: r#"{"detail": "already exists"}"#.to_owned(),
        };
        assert_eq!(
            error.to_string(),
            "unexpected HTTP status 409: already exists (request id req_9)"
        );
        assert_eq!((error.status(), error.is_retryable()), (Some(409), false));
        let error: Error<std::convert::Infallible> = Error::UnexpectedStatus {
            status: 502,
            headers: Box::default(),
            request_id: None,
            body: "<html>".to_owned(),
        };
        assert_eq!(error.to_string(), "unexpected HTTP status 502");
        assert!(error.is_retryable());
    }
}
