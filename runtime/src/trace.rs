//! Tracing of calls, behind the crate's `tracing` feature: one span per call, named
//! `apiforge.call`, with the operation id, method, URL template (never the expanded URL, its
//! query or any header: those carry ids and credentials), and, as they become known, the
//! attempt, status, request id and duration; a retry is an event with its delay and reason.
//!
//! Without the feature every function here is an empty inline one, so calls cost nothing.

use std::future::Future;
use std::time::Duration;

use crate::hooks::RetryReason;

/// What a call is, for its span: set by the generated operation (a call built by hand has
/// neither).
#[derive(Debug, Clone, Copy, Default)]
// Read only by the span, which the `tracing` feature adds.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(crate) struct Operation {
    /// The `operationId` (`resume_dunning`).
    pub(crate) id: &'static str,
    /// The path template (`/invoices/{invoice-id}/resume_dunning`).
    pub(crate) template: &'static str,
}

/// The span of one call.
#[derive(Debug, Clone)]
pub(crate) struct CallTrace {
    #[cfg(feature = "tracing")]
    span: tracing::Span,
}

impl CallTrace {
    #[cfg(feature = "tracing")]
    pub(crate) fn new(operation: Operation, method: &reqwest::Method) -> Self {
        let span = tracing::info_span!(
            "apiforge.call",
            operation = operation.id,
            http.method = method.as_str(),
            url.template = operation.template,
            http.status = tracing::field::Empty,
            attempt = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
            request_id = tracing::field::Empty,
        );
        Self { span }
    }

    #[cfg(not(feature = "tracing"))]
    #[inline]
    pub(crate) fn new(_: Operation, _: &reqwest::Method) -> Self {
        Self {}
    }

    /// Runs `future` inside the span.
    pub(crate) async fn run<F: Future>(&self, future: F) -> F::Output {
        #[cfg(feature = "tracing")]
        {
            tracing::Instrument::instrument(future, self.span.clone()).await
        }
        #[cfg(not(feature = "tracing"))]
        {
            future.await
        }
    }

    /// Records the outcome of attempt `attempt`: its status, or none when no response came.
    pub(crate) fn attempt(&self, attempt: u32, status: Option<u16>, request_id: Option<&str>) {
        #[cfg(feature = "tracing")]
        {
            self.span.record("attempt", attempt);
            if let Some(status) = status {
                self.span.record("http.status", status);
            }
            if let Some(request_id) = request_id {
                self.span.record("request_id", request_id);
            }
        }
        #[cfg(not(feature = "tracing"))]
        let _ = (attempt, status, request_id);
    }

    /// An event: attempt `attempt` follows after `delay`, because of `reason`.
    pub(crate) fn retry(&self, attempt: u32, delay: Duration, reason: &RetryReason) {
        #[cfg(feature = "tracing")]
        {
            let delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
            self.span.in_scope(|| {
                tracing::info!(attempt, delay_ms, reason = %reason, "retrying");
            });
        }
        #[cfg(not(feature = "tracing"))]
        let _ = (attempt, delay, reason);
    }

    /// Records how long the whole call took, retries and their delays included.
    pub(crate) fn finish(&self, elapsed: Duration) {
        #[cfg(feature = "tracing")]
        {
            let duration_ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX);
            self.span.record("duration_ms", duration_ms);
        }
        #[cfg(not(feature = "tracing"))]
        let _ = elapsed;
    }
}
