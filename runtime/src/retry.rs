//! Sending a request with retries: which failures are worth another attempt, how long to
//! wait before it, and when to give up.

use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{HeaderMap, AUTHORIZATION};

use crate::client::{Client, RetryPolicy};
use crate::error::Error;
use crate::hooks::RetryReason;
use crate::runtime::Sent;
use crate::tokens::TokenSource;
use crate::trace::CallTrace;

/// Sends `request`, retrying as `client`'s policy allows, running the client's hooks around
/// every attempt and recording them on `trace`.
///
/// `repeatable` says whether sending the request twice is harmless: true for idempotent
/// methods and for requests that carry an idempotency key. Other requests are sent once,
/// whatever the policy says, so that a write is never duplicated.
/// With `streamed`, a successful response's body is left unread (a download).
///
/// With a token `provider`, each attempt carries its current token, and a 401 drops that
/// token and sends the request once more with a fresh one (whether or not it is
/// repeatable: a refused request was not applied), then returns whatever comes back.
pub(crate) async fn send<E>(
    client: &Client,
    request: reqwest::Request,
    repeatable: bool,
    streamed: bool,
    trace: &CallTrace,
    provider: Option<&TokenSource>,
) -> Result<Sent, Error<E>> {
    let policy = if repeatable {
        client.retry_policy()
    } else {
        RetryPolicy::none()
    };
    let hooks = client.hooks();
    let started = Instant::now();
    let mut attempt = 1;
    let mut next = request;
    let mut refreshed = false;
    loop {
        // Copied before the hooks run, so that each attempt's hooks see the request as built.
        let retry_copy = next.try_clone();
        let token = match provider {
            // A header set with `with_header("authorization", ..)` wins, as over credentials.
            Some(source) if !next.headers().contains_key(AUTHORIZATION) => {
                let (mut value, token) = source.authorization().await?;
                value.set_sensitive(true);
                next.headers_mut().insert(AUTHORIZATION, value);
                Some(token)
            }
            _ => None,
        };
        hooks.before_send(&mut next);
        let outcome = attempt_once(client, next, streamed).await;
        match &outcome {
            Ok(sent) => trace.attempt(attempt, Some(sent.status), sent.request_id.as_deref()),
            Err(_) => trace.attempt(attempt, None, None),
        }
        let mut retry_copy = retry_copy;
        if let (Ok(sent), Some(source), Some(token)) = (&outcome, provider, &token) {
            if sent.status == 401 {
                source.invalidate(token);
                // The copy was taken before the token was set: the next attempt asks for
                // a fresh one. A body that cannot be copied (a stream) gets no second try.
                if !refreshed {
                    if let Some(copy) = retry_copy.take() {
                        refreshed = true;
                        next = copy;
                        continue;
                    }
                }
            }
        }
        let wait = match (&outcome, retry_copy) {
            (Ok(sent), Some(copy)) if is_retryable_status(sent.status) => Some((
                retry_after(&sent.headers, SystemTime::now()),
                RetryReason::Status(sent.status),
                copy,
            )),
            (Err(error), Some(copy)) if is_retryable_error(error) => {
                let reason = if error.is_timeout() {
                    RetryReason::Timeout
                } else {
                    RetryReason::Connection
                };
                Some((None, reason, copy))
            }
            _ => None,
        };
        let Some((retry_after, reason, copy)) = wait else {
            trace.finish(started.elapsed());
            return outcome.map_err(transport_error);
        };
        let delay = retry_after
            .unwrap_or_else(|| backoff(&policy, attempt))
            .min(policy.max_delay);
        if attempt >= policy.max_attempts || started.elapsed() + delay > policy.max_elapsed {
            trace.finish(started.elapsed());
            return outcome.map_err(transport_error);
        }
        attempt += 1;
        trace.retry(attempt, delay, &reason);
        hooks.on_retry(attempt, delay, &reason);
        tokio::time::sleep(delay).await;
        next = copy;
    }
}

async fn attempt_once(
    client: &Client,
    request: reqwest::Request,
    streamed: bool,
) -> Result<Sent, reqwest::Error> {
    let sent_at = Instant::now();
    let response = client.http().execute(request).await?;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    client
        .hooks()
        .after_response(status, &headers, sent_at.elapsed());
    let request_id = headers
        .get(client.request_id_header())
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    // A success is never retried, so its body can be left to the caller to read.
    if streamed && response.status().is_success() {
        return Ok(Sent {
            status,
            headers,
            request_id,
            body: Vec::new(),
            unread: Some(response),
        });
    }
    let body = response.bytes().await?;
    Ok(Sent {
        status,
        headers,
        request_id,
        body: body.to_vec(),
        unread: None,
    })
}

/// Statuses that say "try again later": rate limited, or a server or gateway failure.
pub(crate) fn is_retryable_status(status: u16) -> bool {
    matches!(status, 429 | 500 | 502 | 503 | 504)
}

/// Failures before a complete response arrived: no connection, a reset, a timeout.
fn is_retryable_error(error: &reqwest::Error) -> bool {
    error.is_connect() || error.is_timeout() || error.is_request() || error.is_body()
}

fn transport_error<E>(error: reqwest::Error) -> Error<E> {
    if error.is_builder() {
        // Nothing was sent: the request itself could not be written (a URL longer than HTTP
        // stacks accept, say), which is no network failure.
        Error::InvalidRequest(crate::error::InvalidRequest(format!(
            "the request could not be sent as built: {error}"
        )))
    } else if error.is_timeout() {
        Error::Timeout(error)
    } else if error.is_connect() || error.is_request() || error.is_body() {
        Error::Connection(error)
    } else {
        Error::Transport(error)
    }
}

/// Exponential backoff with jitter: before retry `n` (from 1), a random delay between half
/// and all of `initial_delay * 2^(n-1)`, never above `max_delay`.
fn backoff(policy: &RetryPolicy, attempt: u32) -> Duration {
    let exponent = attempt.saturating_sub(1).min(16);
    let ceiling = policy
        .initial_delay
        .saturating_mul(1 << exponent)
        .min(policy.max_delay);
    let half = ceiling / 2;
    half + half.mul_f64(fastrand::f64())
}

/// The delay a `Retry-After` header asks for: seconds, or an HTTP date.
fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_exponentially_within_jitter_bounds() {
        let policy = RetryPolicy {
            max_attempts: 10,
            initial_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(1000),
            max_elapsed: Duration::from_secs(60),
        };
        for _ in 0..100 {
            let first = backoff(&policy, 1);
            assert!(
                first >= Duration::from_millis(50) && first <= Duration::from_millis(100),
                "{first:?}"
            );
            let third = backoff(&policy, 3);
            assert!(
                third >= Duration::from_millis(200) && third <= Duration::from_millis(400),
                "{third:?}"
            );
            let capped = backoff(&policy, 30);
            assert!(
                capped >= Duration::from_millis(500) && capped <= Duration::from_millis(1000),
                "{capped:?}"
            );
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", "7".parse().unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(7)));
        headers.insert(
            "retry-after",
            "Sun, 06 Nov 1994 08:49:40 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(3)));
        headers.insert(
            "retry-after",
            "Sun, 06 Nov 1994 08:49:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&headers, now), Some(Duration::ZERO));
        headers.insert("retry-after", "soon".parse().unwrap());
        assert_eq!(retry_after(&headers, now), None);
    }

    #[test]
    fn only_transient_statuses_are_retried() {
        for status in [429, 500, 502, 503, 504] {
            assert!(is_retryable_status(status), "{status}");
        }
        for status in [200, 400, 401, 404, 409, 422, 501] {
            assert!(!is_retryable_status(status), "{status}");
        }
    }
}
