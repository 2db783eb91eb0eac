//! Observing generated clients in production (issue #22), against local servers on
//! 127.0.0.1: the `tracing` feature's spans and events, which never carry a secret of any
//! scheme; hooks around every attempt; and errors that keep the response's status, headers,
//! request id and the API's own message. Nothing here waits on a short timeout.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use apiforge_tests::{workspace_root, CannedResponse, TestServer};
use golden_security::secrets::{CreateSecretRequest, ReadSecretRequest};
use golden_security::{Client, Credentials, Hook, RetryPolicy, RetryReason};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// Retries at once (a millisecond apart), so the tests wait on nothing but the server.
fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(2),
        max_elapsed: Duration::from_secs(600),
    }
}

/// A subscriber that keeps, as text, everything it is shown: span names and fields,
/// recorded values, events and their fields.
#[derive(Default)]
struct Recorder {
    seen: Arc<Mutex<Vec<String>>>,
    next: AtomicU64,
}

struct Lines<'a>(&'a Mutex<Vec<String>>, &'a str);

impl Visit for Lines<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if let Ok(mut seen) = self.0.lock() {
            seen.push(format!("{} {}={value:?}", self.1, field.name()));
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if let Ok(mut seen) = self.0.lock() {
            seen.push(format!("{} {}={value}", self.1, field.name()));
        }
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let name = span.metadata().name();
        span.record(&mut Lines(&self.seen, &format!("span {name}")));
        Id::from_u64(self.next.fetch_add(1, Ordering::Relaxed) + 1)
    }

    fn record(&self, _: &Id, values: &Record<'_>) {
        values.record(&mut Lines(&self.seen, "record"));
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let name = event.metadata().name();
        event.record(&mut Lines(&self.seen, &format!("event {name}")));
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

#[tokio::test]
async fn traces_carry_the_call_but_no_secret_of_any_scheme() {
    // Each operation's first attempt fails with a retryable status, so retries are traced.
    let server = TestServer::start(vec![
        CannedResponse::json(503, "{}"),
        CannedResponse::json(200, r#"["db"]"#).header("x-request-id", "req_list"),
        CannedResponse::json(503, "{}"),
        CannedResponse::json(201, "{}"),
        CannedResponse::json(503, "{}"),
        CannedResponse::json(200, r#""value""#),
        CannedResponse::json(503, "{}"),
        CannedResponse::with_type(204, "application/json", ""),
        CannedResponse::json(404, r#"{"message": "no such secret"}"#),
    ]);
    let secrets = [
        "SECRET-HEADER-KEY",
        "SECRET-QUERY-KEY",
        "SECRET-COOKIE",
        "SECRET-PASSWORD",
        "SECRET-JWT",
        "SECRET-OAUTH",
        "SECRET-OIDC",
        // `user:SECRET-PASSWORD` as the basic header sends it.
        "dXNlcjpTRUNSRVQtUEFTU1dPUkQ",
        "private-name",
    ];
    let credentials = Credentials::header_key(secrets[0])
        .and(Credentials::query_key(secrets[1]))
        .and(Credentials::session(secrets[2]))
        .and(Credentials::basic("user", secrets[3]))
        .and(Credentials::jwt(secrets[4]))
        .and(Credentials::oauth(secrets[5]))
        .and(Credentials::oidc(secrets[6]));
    let client = Client::builder()
        .base_url(format!("{}/v1", server.url()))
        .credentials(credentials)
        .retry(quick_retries())
        .auto_idempotency_keys(true)
        .build()
        .expect("client builds");
    let recorder = Recorder::default();
    let seen = Arc::clone(&recorder.seen);
    let guard = tracing::subscriber::set_default(recorder);
    client.list_secrets().await.expect("listed");
    // A POST without an idempotency key is sent once: its 503 is the error.
    let created = client
        .create_secret(&CreateSecretRequest::new("private-name"))
        .await;
    assert_eq!(created.unwrap_err().status(), Some(503));
    client
        .create_secret(&CreateSecretRequest::new("x"))
        .await
        .expect("created");
    let read = ReadSecretRequest { version: Some(2) };
    // 503, then the value.
    client
        .read_secret("private-name", &read)
        .await
        .expect("read");
    client.delete_secret("private-name").await.expect("deleted");
    let error = client.who_am_i().await.unwrap_err();
    assert_eq!(error.status(), Some(404));
    drop(guard);
    let requests = server.requests();
    // The secrets did travel, so their absence from the traces means something.
    let wire = format!("{requests:?}");
    for secret in [
        "SECRET-HEADER-KEY",
        "SECRET-QUERY-KEY",
        "SECRET-COOKIE",
        "dXNlcjpTRUNSRVQtUEFTU1dPUkQ",
        "SECRET-OIDC",
    ] {
        assert!(wire.contains(secret), "{secret} was sent");
    }
    let seen = seen.lock().map(|s| s.join("\n")).unwrap_or_default();
    for secret in secrets {
        assert!(
            !seen.contains(secret),
            "{secret} reached the subscriber:\n{seen}"
        );
    }
    // The HTTP stack's own events (hyper's) name the host; the client's never do.
    let ours: Vec<&str> = seen.lines().filter(|l| !l.contains("hyper")).collect();
    assert!(
        !ours
            .iter()
            .any(|l| l.contains("127.0.0.1") || l.contains("/v1")),
        "no expanded URL:\n{seen}"
    );
    for expected in [
        "span apiforge.call operation=listSecrets",
        "span apiforge.call http.method=GET",
        "span apiforge.call url.template=/secrets/{name}",
        "span apiforge.call operation=whoAmI",
        "record http.status=200",
        "record http.status=404",
        "record attempt=2",
        "record request_id=req_list",
        "record duration_ms=",
        "attempt=2",
        "reason=HTTP 503",
        "delay_ms=",
    ] {
        assert!(seen.contains(expected), "{expected} in:\n{seen}");
    }
}

/// Adds a header and records each attempt's latency and each retry.
#[derive(Default)]
struct Recording {
    latencies: Mutex<Vec<(u16, Duration)>>,
    retries: Mutex<Vec<(u32, Duration, RetryReason)>>,
}

struct Shared(Arc<Recording>);

impl Hook for Shared {
    fn before_send(&self, request: &mut reqwest::Request) {
        request
            .headers_mut()
            .insert("x-hooked", reqwest::header::HeaderValue::from_static("yes"));
    }

    fn after_response(&self, status: u16, _: &reqwest::header::HeaderMap, elapsed: Duration) {
        if let Ok(mut latencies) = self.0.latencies.lock() {
            latencies.push((status, elapsed));
        }
    }

    fn on_retry(&self, attempt: u32, delay: Duration, reason: &RetryReason) {
        if let Ok(mut retries) = self.0.retries.lock() {
            retries.push((attempt, delay, *reason));
        }
    }
}

/// A hook that overrides nothing: every method has a default.
struct Nothing;

impl Hook for Nothing {}

#[tokio::test]
async fn hooks_run_around_every_attempt() {
    let server = TestServer::start(vec![
        CannedResponse::json(503, "{}").header("retry-after", "0"),
        CannedResponse::json(429, "{}"),
        CannedResponse::json(200, r#"["db"]"#),
    ]);
    let recording = Arc::new(Recording::default());
    let client = Client::builder()
        .base_url(format!("{}/v1", server.url()))
        .credentials(Credentials::header_key("k"))
        .retry(quick_retries())
        .hook(Nothing)
        .hook(Shared(Arc::clone(&recording)))
        .build()
        .expect("client builds");
    client.list_secrets().await.expect("third attempt succeeds");
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    for request in &requests {
        assert_eq!(request.header("x-hooked"), Some("yes"), "{request:?}");
    }
    let statuses: Vec<u16> = recording
        .latencies
        .lock()
        .map(|l| l.iter().map(|(status, _)| *status).collect())
        .unwrap_or_default();
    assert_eq!(statuses, [503, 429, 200]);
    let retries = recording
        .retries
        .lock()
        .map(|r| r.clone())
        .unwrap_or_default();
    let reasons: Vec<(u32, RetryReason)> = retries.iter().map(|(a, _, r)| (*a, *r)).collect();
    assert_eq!(
        reasons,
        [(2, RetryReason::Status(503)), (3, RetryReason::Status(429))]
    );
    assert_eq!(retries[0].1, Duration::ZERO, "Retry-After: 0");
}

mod errors {
    use super::*;
    use chargebee_api::invoices::ResumeDunningRequest;
    use chargebee_api::{Client, Credentials, Error, ErrorResponse, RetryPolicy};

    fn client(server: &TestServer) -> chargebee_api::ClientBuilder {
        Client::builder()
            .base_url(format!("{}/api/v2", server.url()))
            .credentials(Credentials::api_key("key"))
            .retry(RetryPolicy::none())
    }

    #[tokio::test]
    async fn every_error_after_a_response_keeps_status_headers_and_request_id() {
        let server = TestServer::start(vec![
            CannedResponse::json(
                404,
                r#"{"message":"Sorry, we couldn't find that resource","type":"invalid_request","api_error_code":"resource_not_found"}"#,
            )
            .header("x-request-id", "req_404"),
            CannedResponse::json(418, r#"{"error": {"message": "I'm a teapot"}}"#)
                .header("x-request-id", "req_418"),
            CannedResponse::with_type(200, "text/html", "<html>maintenance</html>")
                .header("x-request-id", "req_200"),
            CannedResponse::json(503, r#"{"title": "Down for maintenance"}"#)
                .header("x-request-id", "req_503"),
        ]);
        let client = client(&server).build().expect("client builds");
        let request = ResumeDunningRequest::default();
        let errors = [
            client.resume_dunning("inv_1", &request).await.unwrap_err(),
            client.resume_dunning("inv_1", &request).await.unwrap_err(),
            client.resume_dunning("inv_1", &request).await.unwrap_err(),
            client.resume_dunning("inv_1", &request).await.unwrap_err(),
        ];
        let summary: Vec<(Option<u16>, Option<&str>, bool, bool)> = errors
            .iter()
            .map(|e| {
                let headers = e.headers().expect("a response arrived");
                (
                    e.status(),
                    e.request_id(),
                    headers.contains_key("content-type"),
                    e.is_retryable(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (Some(404), Some("req_404"), true, false),
                (Some(418), Some("req_418"), true, false),
                (Some(200), Some("req_200"), true, false),
                (Some(503), Some("req_503"), true, true),
            ]
        );
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown[0],
            "HTTP 404: Sorry, we couldn't find that resource (request id req_404)"
        );
        assert_eq!(
            shown[1],
            "unexpected HTTP status 418: I'm a teapot (request id req_418)"
        );
        assert!(shown[2].ends_with(" (request id req_200)"), "{}", shown[2]);
        assert!(
            shown[3].ends_with(": Down for maintenance (request id req_503)"),
            "{}",
            shown[3]
        );
        // Matching a documented error reads as before.
        let [first, ..] = errors;
        match first {
            Error::Api(error) => match error.body {
                ErrorResponse::NotFound(body) => assert!(body.message.contains("find")),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn the_request_id_header_can_be_another() {
        let server = TestServer::start(vec![CannedResponse::json(418, "{}")
            .header("x-request-id", "not-this")
            .header("request-id", "req_stripe")]);
        let client = client(&server)
            .request_id_header("Request-Id")
            .build()
            .expect("client builds");
        let error = client
            .resume_dunning("inv_1", &ResumeDunningRequest::default())
            .await
            .unwrap_err();
        assert_eq!(error.request_id(), Some("req_stripe"));
        assert!(matches!(
            Client::builder().request_id_header("bad header").build(),
            Err(chargebee_api::BuildError::InvalidValue(_))
        ));
        assert!(
            Error::<ErrorResponse>::InvalidRequest(chargebee_api::InvalidRequest("x".into()))
                .request_id()
                .is_none()
        );
    }
}

#[test]
fn the_request_id_header_setting_reaches_the_generated_client() {
    let spec = workspace_root().join("tests/golden/security.yaml");
    let lib = |settings: &apiforge::Settings| -> String {
        let generated = apiforge::generate(&spec, settings).expect("generates");
        let files: BTreeMap<String, String> = generated.files.into_iter().collect();
        files.get("src/lib.rs").cloned().unwrap_or_default()
    };
    let default = lib(&apiforge::Settings::default());
    assert!(
        default.contains(r#"const REQUEST_ID_HEADER: &str = "x-request-id";"#),
        "{default}"
    );
    let stripe = lib(&apiforge::Settings::default().request_id_header("Request-Id"));
    assert!(stripe.contains(r#"const REQUEST_ID_HEADER: &str = "request-id";"#));
    let bad = apiforge::generate(
        &spec,
        &apiforge::Settings::default().request_id_header("no spaces"),
    );
    assert!(bad.is_err());
}
