//! The error responses operations document, one enum per distinct set: operations that
//! document the same errors share it.

use std::fmt;
use crate::runtime;
use crate::types;

/// The error responses documented by
#[cfg_attr(feature = "pets", doc = " [`Client::list_pets`](crate::Client::list_pets),")]
#[cfg_attr(not(feature = "pets"), doc = " `Client::list_pets`,")]
/// carried by [`Error::Api`](crate::Error::Api).
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorResponse {
    /// `default`: Any error.
    Other(types::Problem),
}

impl fmt::Display for ErrorResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Other(_) => f.write_str("Any error. (default)"),
        }
    }
}

impl runtime::Documented for ErrorResponse {
    fn decode(_: u16, body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
        Some(runtime::decode_json(body).map(Self::Other))
    }
}

/// The error responses documented by
#[cfg_attr(
    feature = "pets",
    doc = " [`Client::create_pet`](crate::Client::create_pet),"
)]
#[cfg_attr(not(feature = "pets"), doc = " `Client::create_pet`,")]
/// carried by [`Error::Api`](crate::Error::Api).
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum CreatePetError {
    /// `409`: A pet of that name exists.
    Conflict,
    /// `4XX`: Some other client error.
    Status4xx,
}

impl fmt::Display for CreatePetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Conflict => f.write_str("A pet of that name exists. (409)"),
            Self::Status4xx => f.write_str("Some other client error. (4XX)"),
        }
    }
}

impl runtime::Documented for CreatePetError {
    fn decode(status: u16, _: &[u8]) -> Option<Result<Self, serde_json::Error>> {
        Some(
            match status {
                409 => Ok(Self::Conflict),
                400..=499 => Ok(Self::Status4xx),
                _ => return None,
            },
        )
    }
}

/// The error responses documented by
#[cfg_attr(
    feature = "pets",
    doc = " [`Client::delete_pets_id`](crate::Client::delete_pets_id),"
)]
#[cfg_attr(not(feature = "pets"), doc = " `Client::delete_pets_id`,")]
/// carried by [`Error::Api`](crate::Error::Api).
#[derive(Debug, Clone, PartialEq)]
pub enum DeletePetsIdError {}
impl fmt::Display for DeletePetsIdError {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

impl runtime::Documented for DeletePetsIdError {
    fn decode(_: u16, _: &[u8]) -> Option<Result<Self, serde_json::Error>> {
        None
    }
}
