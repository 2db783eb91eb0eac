//! The error responses operations document, one enum per distinct set: operations that
//! document the same errors share it.

use std::fmt;
use crate::runtime;
use crate::types;

/// The error responses documented by
#[cfg_attr(
    feature = "invoices",
    doc = " [`Client::resume_dunning`](crate::Client::resume_dunning),"
)]
#[cfg_attr(not(feature = "invoices"), doc = " `Client::resume_dunning`,")]
/// carried by [`Error::Api`](crate::Error::Api).
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum ErrorResponse {
    /// `400`: Bad request: the request is invalid.
    BadRequest(types::BadRequestError),
    /// `401`: Unauthorized: the API key is missing or wrong.
    Unauthorized(types::UnauthorizedError),
    /// `404`: Not found: the invoice (or the site) does not exist.
    NotFound(types::NotFoundError),
    /// `405`: Method not allowed: the HTTP method is not supported for this URL.
    MethodNotAllowed(types::MethodNotAllowedError),
    /// `409`: Conflict: the operation is not allowed in the invoice's current state.
    Conflict(types::ConflictError),
    /// `422`: Unprocessable entity: the request is well-formed but semantically wrong.
    UnprocessableEntity(types::UnprocessableEntityError),
    /// `429`: Too many requests: a request rate limit was exceeded.
    TooManyRequests(types::TooManyRequestsError),
    /// `500`: Internal server error: Chargebee could not complete the request.
    InternalServerError(types::InternalServerError),
    /// `503`: Service unavailable: the site is temporarily unavailable; retry later.
    ServiceUnavailable(types::ServiceUnavailableError),
}

impl fmt::Display for ErrorResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadRequest(_) => {
                f.write_str("Bad request: the request is invalid. (400)")
            }
            Self::Unauthorized(_) => {
                f.write_str("Unauthorized: the API key is missing or wrong. (401)")
            }
            Self::NotFound(_) => {
                f.write_str("Not found: the invoice (or the site) does not exist. (404)")
            }
            Self::MethodNotAllowed(_) => {
                f.write_str(
                    "Method not allowed: the HTTP method is not supported for this URL. (405)",
                )
            }
            Self::Conflict(_) => {
                f.write_str(
                    "Conflict: the operation is not allowed in the invoice's current state. (409)",
                )
            }
            Self::UnprocessableEntity(_) => {
                f.write_str(
                    "Unprocessable entity: the request is well-formed but semantically wrong. (422)",
                )
            }
            Self::TooManyRequests(_) => {
                f.write_str(
                    "Too many requests: a request rate limit was exceeded. (429)",
                )
            }
            Self::InternalServerError(_) => {
                f.write_str(
                    "Internal server error: Chargebee could not complete the request. (500)",
                )
            }
            Self::ServiceUnavailable(_) => {
                f.write_str(
                    "Service unavailable: the site is temporarily unavailable; retry later. (503)",
                )
            }
        }
    }
}

impl runtime::Documented for ErrorResponse {
    fn decode(status: u16, body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
        Some(
            match status {
                400 => runtime::decode_json(body).map(Self::BadRequest),
                401 => runtime::decode_json(body).map(Self::Unauthorized),
                404 => runtime::decode_json(body).map(Self::NotFound),
                405 => runtime::decode_json(body).map(Self::MethodNotAllowed),
                409 => runtime::decode_json(body).map(Self::Conflict),
                422 => runtime::decode_json(body).map(Self::UnprocessableEntity),
                429 => runtime::decode_json(body).map(Self::TooManyRequests),
                500 => runtime::decode_json(body).map(Self::InternalServerError),
                503 => runtime::decode_json(body).map(Self::ServiceUnavailable),
                _ => return None,
            },
        )
    }
}
