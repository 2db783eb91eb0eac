//! Hooks: code of the caller's that runs around every attempt of every call, to add a header,
//! record latency or count retries without wrapping each operation.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderMap;

/// Code that runs around every attempt of every call of a [`Client`](crate::Client),
/// registered with [`ClientBuilder::hook`](crate::ClientBuilder::hook). Every method does
/// nothing unless overridden; hooks run in the order they were registered.
///
/// Hooks are synchronous and run on the task making the call: keep them short (record, do
/// not wait).
pub trait Hook: Send + Sync + 'static {
    /// Runs just before each attempt is sent, retries included, with the request as it will
    /// go out (credentials included: never log its headers or URL as they are).
    fn before_send(&self, request: &mut reqwest::Request) {
        let _ = request;
    }

    /// Runs when an attempt's response has arrived (before its body is read): its status,
    /// headers and the time since that attempt was sent.
    fn after_response(&self, status: u16, headers: &HeaderMap, elapsed: Duration) {
        let _ = (status, headers, elapsed);
    }

    /// Runs before the client waits `delay` to make attempt `attempt` (2 for the first
    /// retry), saying why.
    fn on_retry(&self, attempt: u32, delay: Duration, reason: &RetryReason) {
        let _ = (attempt, delay, reason);
    }
}

/// Why an attempt is retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryReason {
    /// The server answered with a status that says "try again later" (429, 500, 502, 503,
    /// 504).
    Status(u16),
    /// No complete response arrived in time.
    Timeout,
    /// The connection could not be made or broke.
    Connection,
}

impl fmt::Display for RetryReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Status(status) => write!(f, "HTTP {status}"),
            Self::Timeout => f.write_str("timeout"),
            Self::Connection => f.write_str("connection failure"),
        }
    }
}

/// The hooks of a client, shared by its clones.
#[derive(Clone, Default)]
pub(crate) struct Hooks(Vec<Arc<dyn Hook>>);

impl Hooks {
    pub(crate) fn push(&mut self, hook: impl Hook) {
        self.0.push(Arc::new(hook));
    }

    pub(crate) fn before_send(&self, request: &mut reqwest::Request) {
        for hook in &self.0 {
            hook.before_send(request);
        }
    }

    pub(crate) fn after_response(&self, status: u16, headers: &HeaderMap, elapsed: Duration) {
        for hook in &self.0 {
            hook.after_response(status, headers, elapsed);
        }
    }

    pub(crate) fn on_retry(&self, attempt: u32, delay: Duration, reason: &RetryReason) {
        for hook in &self.0 {
            hook.on_retry(attempt, delay, reason);
        }
    }
}

/// Hooks are the caller's types, which need not be `Debug`: only their number shows.
impl fmt::Debug for Hooks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} hook(s)", self.0.len())
    }
}
