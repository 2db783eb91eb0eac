//! The runtime every generated client crate carries, compiled and tested here as a crate of
//! its own. apiforge copies `client.rs`, `credentials.rs`, `encoding.rs`, `error.rs`,
//! `finite.rs`, `media.rs`, `retry.rs`, `runtime.rs` and `values.rs` into each crate it
//! generates, verbatim up to their unit tests (this file is not copied: the generated `lib.rs`
//! declares the same modules), so what is tested here is what users compile.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod client;
mod credentials;
mod encoding;
mod error;
mod finite;
mod media;
mod retry;
#[doc(hidden)]
pub mod runtime;
mod values;

pub use client::{Client, ClientBuilder, Response, RetryPolicy};
pub use credentials::Credentials;
pub use error::{ApiError, BuildError, Error, InvalidRequest, ValidationError};
pub use media::{Download, Upload};
