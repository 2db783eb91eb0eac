//! The error responses operations document, one enum per distinct set: operations that
//! document the same errors share it.

use std::fmt;
use crate::runtime;

/// The error responses documented by [`Client::list_secrets`](crate::Client::list_secrets), [`Client::create_secret`](crate::Client::create_secret), [`Client::read_secret`](crate::Client::read_secret), [`Client::delete_secret`](crate::Client::delete_secret), [`Client::health`](crate::Client::health), [`Client::message_of_the_day`](crate::Client::message_of_the_day), [`Client::who_am_i`](crate::Client::who_am_i), carried by [`Error::Api`](crate::Error::Api).
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorResponse {}
impl fmt::Display for ErrorResponse {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

impl runtime::Documented for ErrorResponse {
    fn decode(_: u16, _: &[u8]) -> Option<Result<Self, serde_json::Error>> {
        None
    }
}
