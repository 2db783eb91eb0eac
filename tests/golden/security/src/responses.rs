//! The error responses operations document, one enum per distinct set: operations that
//! document the same errors share it.

use std::fmt;
use crate::runtime;

/// The error responses documented by
#[cfg_attr(
    feature = "secrets",
    doc = " [`Client::list_secrets`](crate::Client::list_secrets),"
)]
#[cfg_attr(not(feature = "secrets"), doc = " `Client::list_secrets`,")]
#[cfg_attr(
    feature = "secrets",
    doc = " [`Client::create_secret`](crate::Client::create_secret),"
)]
#[cfg_attr(not(feature = "secrets"), doc = " `Client::create_secret`,")]
#[cfg_attr(
    feature = "secrets",
    doc = " [`Client::read_secret`](crate::Client::read_secret),"
)]
#[cfg_attr(not(feature = "secrets"), doc = " `Client::read_secret`,")]
#[cfg_attr(
    feature = "secrets",
    doc = " [`Client::delete_secret`](crate::Client::delete_secret),"
)]
#[cfg_attr(not(feature = "secrets"), doc = " `Client::delete_secret`,")]
#[cfg_attr(feature = "status", doc = " [`Client::health`](crate::Client::health),")]
#[cfg_attr(not(feature = "status"), doc = " `Client::health`,")]
#[cfg_attr(
    feature = "status",
    doc = " [`Client::message_of_the_day`](crate::Client::message_of_the_day),"
)]
#[cfg_attr(not(feature = "status"), doc = " `Client::message_of_the_day`,")]
#[cfg_attr(feature = "status", doc = " [`Client::who_am_i`](crate::Client::who_am_i),")]
#[cfg_attr(not(feature = "status"), doc = " `Client::who_am_i`,")]
/// carried by [`Error::Api`](crate::Error::Api).
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
