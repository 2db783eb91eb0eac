//! The generated client against a fault-injecting server on 127.0.0.1: rate limits, failing
//! and slow servers, broken connections, bad bodies. Each test checks the outcome, how many
//! attempts the server saw, the delays between them, and the idempotency key on each.
//!
//! The tests must pass on a starved machine (`scripts/e2e-under-load.sh`), so nothing here
//! depends on the machine being quick: the per-attempt timeout is generous except in the test
//! of timeouts, where the server holds the request until the client gives up; waits are
//! checked exactly from below (the client may never wait less than it should) and only
//! generously from above ([`SLACK`]); concurrency is proven by the server, which answers
//! only once a hundred requests are waiting at the same time.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use apiforge_tests::server::{CannedResponse, RecordedRequest, Rendezvous, Reply, TestServer};
use chargebee_api::invoices::ResumeDunningRequest;
use chargebee_api::types::ResumeDunningResponse;
use chargebee_api::ErrorResponse;
use chargebee_api::{Client, Credentials, Error, Response, RetryPolicy};
use futures_util::StreamExt;

const INVOICE: &str = r#"{"invoice": {"id": "inv_1", "customer_id": "cust_1", "recurring": true, "status": "paid",
    "price_type": "tax_exclusive", "start_date": 1717200000, "currency_code": "EUR", "tax": 0, "sub_total": 1000}}"#;

const SERVER_ERROR: &str = r#"{"message": "Sorry, something went wrong", "type": "untyped", "api_error_code": "internal_error"}"#;

/// How much later than asked a wait may end on a loaded machine: a delay is checked to lie in
/// `[asked, asked + SLACK)`. The lower bound is exact (the client must never wait less); the
/// upper one only catches waits that are far too long (a cap ignored, minutes for seconds).
const SLACK: Duration = Duration::from_secs(5);

/// A per-attempt timeout no answer of the test server comes near, however starved the machine:
/// only the test of timeouts uses a short one.
const GENEROUS_TIMEOUT: Duration = Duration::from_secs(120);

/// Fast retries so the tests stay short: 100 ms, then 200 ms (each with jitter down to half);
/// waits of up to a minute allowed, so that a test sees the wait it asked for, not the cap;
/// no time budget a slow machine could exhaust.
fn policy() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(60),
        max_elapsed: Duration::from_secs(600),
    }
}

fn client(server: &TestServer) -> Client {
    Client::builder()
        .base_url(server.url())
        .credentials(Credentials::api_key("test_key"))
        .retry(policy())
        .timeout(GENEROUS_TIMEOUT)
        .build()
        .expect("client builds")
}

/// Asserts `asked <= gap < asked + SLACK`.
fn assert_waited(gap: Duration, asked: Duration, what: &str) {
    assert!(
        gap >= asked && gap < asked + SLACK,
        "{what}: waited {gap:?}, expected at least {asked:?} and less than {:?}",
        asked + SLACK
    );
}

fn keys(requests: &[RecordedRequest]) -> Vec<String> {
    requests
        .iter()
        .map(|r| {
            r.header("chargebee-idempotency-key")
                .unwrap_or("<none>")
                .to_owned()
        })
        .collect()
}

fn gaps(requests: &[RecordedRequest]) -> Vec<Duration> {
    requests
        .windows(2)
        .map(|pair| pair[1].received_at.duration_since(pair[0].received_at))
        .collect()
}

fn assert_one_key_for_all_attempts(requests: &[RecordedRequest]) {
    let keys = keys(requests);
    assert_eq!(keys[0].len(), 32, "{keys:?}");
    assert!(
        keys.iter().all(|k| k == &keys[0]),
        "the key must be reused on every attempt: {keys:?}"
    );
}

async fn call(client: &Client) -> Result<Response<ResumeDunningResponse>, Error<ErrorResponse>> {
    client
        .resume_dunning("inv_1", &ResumeDunningRequest::default())
        .await
}

#[tokio::test]
async fn rate_limit_honours_retry_after_then_succeeds() {
    let server = TestServer::start(vec![
        CannedResponse::json(429, r#"{"message": "slow down", "type": "invalid_request", "api_error_code": "api_request_limit_exceeded"}"#)
            .header("Retry-After", "1"),
        CannedResponse::json(200, INVOICE),
    ]);
    let response = call(&client(&server))
        .await
        .expect("succeeds after waiting");
    assert_eq!(response.invoice.id, "inv_1");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    // Not the backoff (at most 100 ms), not the cap (60 s).
    assert_waited(gaps(&requests)[0], Duration::from_secs(1), "Retry-After: 1");
    assert_one_key_for_all_attempts(&requests);
}

#[tokio::test]
async fn retry_after_is_capped_by_the_policy() {
    let server = TestServer::start(vec![
        CannedResponse::json(429, r#"{"message": "m", "type": "invalid_request", "api_error_code": "api_request_limit_exceeded"}"#)
            .header("Retry-After", "3600"),
        CannedResponse::json(200, INVOICE),
    ]);
    let capped = client(&server).with_retry(RetryPolicy {
        max_delay: Duration::from_millis(300),
        ..policy()
    });
    call(&capped).await.expect("succeeds");
    // Not the hour asked for.
    assert_waited(
        gaps(&server.requests())[0],
        Duration::from_millis(300),
        "Retry-After: 3600 capped at 300 ms",
    );
}

#[tokio::test]
async fn service_unavailable_twice_then_success_backs_off_exponentially() {
    let server = TestServer::start(vec![
        CannedResponse::json(
            503,
            r#"{"message": "m", "type": "untyped", "api_error_code": "site_not_ready"}"#,
        ),
        CannedResponse::json(
            503,
            r#"{"message": "m", "type": "untyped", "api_error_code": "site_not_ready"}"#,
        ),
        CannedResponse::json(200, INVOICE),
    ]);
    call(&client(&server))
        .await
        .expect("third attempt succeeds");
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    // Between half and all of 100 ms, then of 200 ms: the second wait is at least the
    // first one's ceiling. (The exact jitter bounds are unit-tested in the generated runtime.)
    let gaps = gaps(&requests);
    assert_waited(gaps[0], Duration::from_millis(50), "first backoff");
    assert_waited(gaps[1], Duration::from_millis(100), "second backoff");
    assert_one_key_for_all_attempts(&requests);
}

#[tokio::test]
async fn attempts_are_bounded() {
    let server = TestServer::start(vec![CannedResponse::json(
        503,
        r#"{"message": "m", "type": "untyped", "api_error_code": "site_not_ready"}"#,
    )]);
    match call(&client(&server)).await.unwrap_err() {
        Error::Api(error) => assert!(
            matches!(error.body, ErrorResponse::ServiceUnavailable(_)) && error.status == 503
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(server.requests().len(), 3, "max_attempts is 3");
}

#[tokio::test]
async fn a_reset_connection_is_retried() {
    let server = TestServer::with_handler(|index, _| {
        if index == 0 {
            Reply::Reset
        } else {
            Reply::Respond(CannedResponse::json(200, INVOICE))
        }
    });
    call(&client(&server))
        .await
        .expect("second attempt succeeds");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_one_key_for_all_attempts(&requests);
}

#[tokio::test]
async fn a_response_slower_than_the_timeout_is_a_timeout_error() {
    // The server never answers: it holds each request until the client hangs up, so the
    // client's timeout is the only way out, however slow the machine.
    let server = TestServer::with_handler(|_, _| Reply::HoldUntilClosed);
    // Long enough for the request to reach the server on a starved machine.
    let timeout = Duration::from_secs(1);
    let impatient = Client::builder()
        .base_url(server.url())
        .credentials(Credentials::api_key("test_key"))
        .retry(policy())
        .timeout(timeout)
        .build()
        .expect("client builds");
    let started = std::time::Instant::now();
    let error = call(&impatient).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        3,
        "timeouts are retried like connection failures"
    );
    assert_one_key_for_all_attempts(&requests);
    // 3 attempts of 1 s plus two short backoffs: the client gave up on its own, long before
    // the server would have closed a held connection (a minute).
    assert_waited(elapsed, timeout * 3, "three timed-out attempts");
}

#[tokio::test]
async fn a_per_call_timeout_applies_to_that_call_only() {
    // The server holds every request until the client hangs up: only a timeout ends a call.
    let server = TestServer::with_handler(|_, _| Reply::HoldUntilClosed);
    // The client's own timeout is far longer than the test may run; the per-call one is not.
    let patient = Client::builder()
        .base_url(server.url())
        .credentials(Credentials::api_key("test_key"))
        .retry(RetryPolicy::none())
        .timeout(Duration::from_secs(3600))
        .build()
        .expect("client builds");
    let error = call(&patient.with_timeout(Duration::from_secs(1)))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn malformed_json_is_a_decode_error_with_the_body_kept() {
    let server = TestServer::start(vec![CannedResponse::json(200, r#"{"invoice": {"id": "#)]);
    match call(&client(&server)).await.unwrap_err() {
        Error::Decode { status, body, .. } => {
            assert_eq!((status, body.as_str()), (200, r#"{"invoice": {"id": "#))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.requests().len(), 1, "a 200 is not retried");
}

#[tokio::test]
async fn an_html_error_page_is_retried_then_reported_with_its_body() {
    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let server = TestServer::start(vec![CannedResponse::with_type(502, "text/html", page)]);
    match call(&client(&server)).await.unwrap_err() {
        Error::UnexpectedStatus { status, body, .. } => {
            assert_eq!((status, body.as_str()), (502, page))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.requests().len(), 3);
    let server = TestServer::start(vec![CannedResponse::with_type(500, "text/html", page)]);
    match call(&client(&server)).await.unwrap_err() {
        Error::Decode {
            status: 500, body, ..
        } => assert_eq!(body, page),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_post_without_an_idempotency_key_is_never_sent_twice() {
    // The server processed the write, then failed: retrying would apply it twice.
    let server = TestServer::start(vec![
        CannedResponse::json(500, SERVER_ERROR),
        CannedResponse::json(200, INVOICE),
    ]);
    let no_keys = Client::builder()
        .base_url(server.url())
        .retry(policy())
        .auto_idempotency_keys(false)
        .build()
        .expect("client");
    match call(&no_keys).await.unwrap_err() {
        Error::Api(error) => assert_eq!(error.status, 500),
        other => panic!("{other:?}"),
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "sent once");
    assert_eq!(requests[0].header("chargebee-idempotency-key"), None);

    // The same call with a key of the caller's own is retried, with that key.
    let server = TestServer::start(vec![
        CannedResponse::json(500, SERVER_ERROR),
        CannedResponse::json(200, INVOICE),
    ]);
    let with_key = ResumeDunningRequest {
        idempotency_key: Some("order-42-resume".into()),
        ..Default::default()
    };
    no_keys_against(&server)
        .resume_dunning("inv_1", &with_key)
        .await
        .expect("retried with the key");
    assert_eq!(
        keys(&server.requests()),
        ["order-42-resume", "order-42-resume"]
    );
}

fn no_keys_against(server: &TestServer) -> Client {
    Client::builder()
        .base_url(server.url())
        .retry(policy())
        .auto_idempotency_keys(false)
        .build()
        .expect("client")
}

#[tokio::test]
async fn retries_can_be_turned_off_per_call() {
    let server = TestServer::start(vec![CannedResponse::json(
        503,
        r#"{"message": "m", "type": "untyped", "api_error_code": "site_not_ready"}"#,
    )]);
    let error = call(&client(&server).with_retry(RetryPolicy::none()))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Api(_)), "{error:?}");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn raw_status_and_headers_come_with_the_body() {
    let server = TestServer::start(vec![
        CannedResponse::json(200, INVOICE).header("chargebee-idempotency-replayed", "true")
    ]);
    let response = call(&client(&server)).await.expect("200");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["chargebee-idempotency-replayed"], "true");
    assert_eq!(response.into_body().invoice.id, "inv_1");
}

#[tokio::test]
async fn invalid_values_are_refused_before_sending_unless_validation_is_off() {
    let server = TestServer::start(vec![CannedResponse::json(200, INVOICE)]);
    let too_long = ResumeDunningRequest {
        comment: Some("x".repeat(301)),
        ..Default::default()
    };
    match client(&server)
        .resume_dunning("inv_1", &too_long)
        .await
        .unwrap_err()
    {
        Error::Validation(error) => {
            assert_eq!(error.field, "comment");
            assert_eq!(
                error.to_string(),
                "`comment` is longer than 300 characters (301)"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(server.requests().is_empty());
    assert!(too_long.validate().is_err());
    assert!(ResumeDunningRequest {
        comment: Some("é".repeat(300)),
        ..Default::default()
    }
    .validate()
    .is_ok());

    let unchecked = Client::builder()
        .base_url(server.url())
        .validate_requests(false)
        .build()
        .expect("client");
    unchecked
        .resume_dunning("inv_1", &too_long)
        .await
        .expect("sent as it is");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_client_serves_a_thousand_calls_a_hundred_at_a_time() {
    fn shareable<T: Send + Sync + Clone + 'static>(_: &T) {}
    // The server answers only when a hundred requests wait at once: ten groups of a hundred
    // prove the client had a hundred calls in flight, ten times over. Each answer names the
    // invoice of its own request, so crossed wires would show. The generous timeout covers
    // the wait for a group on a starved machine.
    let rendezvous = Rendezvous::new(100);
    let together = Arc::clone(&rendezvous);
    let server = TestServer::with_handler(move |_, request| {
        let id = request
            .target
            .split('/')
            .nth(2)
            .unwrap_or_default()
            .to_owned();
        Reply::RespondTogether(
            Arc::clone(&together),
            CannedResponse::json(200, &INVOICE.replace("inv_1", &id)),
        )
    });
    let client = client(&server);
    shareable(&client);
    let client = Arc::new(client);
    let results: Vec<_> = futures_util::stream::iter(0..1000)
        .map(|i| {
            let client = Arc::clone(&client);
            tokio::spawn(async move {
                let id = format!("inv_{i}");
                let response = client
                    .resume_dunning(&id, &ResumeDunningRequest::default())
                    .await;
                (id, response.map(|r| r.into_body().invoice.id))
            })
        })
        .buffer_unordered(100)
        .collect()
        .await;
    assert_eq!(results.len(), 1000);
    for joined in results {
        let (id, answered) = joined.expect("task did not panic");
        assert_eq!(answered.expect("no error"), id);
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 1000, "no call was retried or lost");
    let targets: HashSet<&str> = requests.iter().map(|r| r.target.as_str()).collect();
    assert_eq!(targets.len(), 1000, "each call was sent once");
    let keys: HashSet<String> = keys(&requests).into_iter().collect();
    assert_eq!(keys.len(), 1000, "every call had its own idempotency key");
    assert_eq!(
        (rendezvous.groups(), rendezvous.stragglers()),
        (10, 0),
        "ten groups of a hundred requests in flight at once"
    );
}
