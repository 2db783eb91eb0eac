//! The client generated from `tests/golden/security.yaml` (`tests/golden/security/`) against
//! a local server on 127.0.0.1: the exact bytes of the credentials each operation sends (API
//! keys in a header, the query and a cookie; HTTP basic; bearer tokens for HTTP bearer,
//! OAuth2 and OpenID Connect, static or from a callback), which alternative is chosen, and
//! that no secret ever shows in `Debug` output or in an error.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use apiforge_tests::{CannedResponse, RecordedRequest, TestServer};
use golden_security::secrets::{CreateSecretRequest, ReadSecretRequest};
use golden_security::{Client, ClientBuilder, Credentials, Error, RetryPolicy, Server};

const NAMES: &str = r#"["db-password"]"#;

fn builder(server: &TestServer) -> ClientBuilder {
    Client::builder()
        .base_url(format!("{}/v1", server.url()))
        .retry(RetryPolicy::none())
}

fn client(server: &TestServer, credentials: Credentials) -> Client {
    builder(server)
        .credentials(credentials)
        .build()
        .expect("client builds")
}

/// The one request the server received.
fn only(server: &TestServer) -> RecordedRequest {
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    requests[0].clone()
}

/// The credentials-bearing parts of a request: `Authorization`, `X-API-Key`, the target (for
/// the query) and `Cookie`.
fn sent(request: &RecordedRequest) -> (Option<&str>, Option<&str>, &str, Option<&str>) {
    (
        request.header("authorization"),
        request.header("x-api-key"),
        request.target.as_str(),
        request.header("cookie"),
    )
}

#[tokio::test]
async fn the_default_requirement_sends_the_header_key() {
    let server = TestServer::start(vec![CannedResponse::json(200, NAMES)]);
    let everything = Credentials::header_key("hk-1")
        .and(Credentials::oauth("oauth-token"))
        .and(Credentials::query_key("qk"));
    let names = client(&server, everything)
        .list_secrets()
        .await
        .expect("200");
    assert_eq!(*names, ["db-password"]);
    // The first alternative the credentials satisfy, and only its scheme.
    assert_eq!(
        sent(&only(&server)),
        (None, Some("hk-1"), "/v1/secrets", None)
    );
}

#[tokio::test]
async fn the_default_requirement_takes_an_oauth_token_instead() {
    for credentials in [
        Credentials::oauth("tok.en-1"),
        Credentials::bearer("tok.en-1"),
        Credentials::oauth_with(|| "tok.en-1".to_owned()),
    ] {
        let server = TestServer::start(vec![CannedResponse::json(200, NAMES)]);
        client(&server, credentials)
            .list_secrets()
            .await
            .expect("200");
        assert_eq!(
            sent(&only(&server)),
            (Some("Bearer tok.en-1"), None, "/v1/secrets", None)
        );
    }
}

#[tokio::test]
async fn two_keys_are_sent_together_in_the_query_and_a_cookie() {
    let server = TestServer::start(vec![CannedResponse::json(201, "{}")]);
    let both = Credentials::query_key("q k&=1/é").and(Credentials::session("s;1 é,\"x\""));
    let request = CreateSecretRequest { name: "db".into() };
    client(&server, both)
        .create_secret(&request)
        .await
        .expect("201");
    let request = only(&server);
    // Form-encoded in the query; percent-encoded in the cookie, so it adds no cookie.
    assert_eq!(
        sent(&request),
        (
            None,
            None,
            "/v1/secrets?api_key=q+k%26%3D1%2F%C3%A9",
            Some("vault_session=s%3B1%20%C3%A9%2C%22x%22")
        )
    );
    assert_eq!(request.body, br#"{"name":"db"}"#);
}

#[tokio::test]
async fn half_of_a_requirement_sends_nothing() {
    let server = TestServer::start(vec![CannedResponse::json(201, "{}")]);
    let request = CreateSecretRequest { name: "db".into() };
    client(&server, Credentials::query_key("qk"))
        .create_secret(&request)
        .await
        .expect("201");
    assert_eq!(sent(&only(&server)), (None, None, "/v1/secrets", None));
}

#[tokio::test]
async fn a_query_key_follows_the_operations_own_query() {
    let server = TestServer::start(vec![CannedResponse::json(200, r#""s3cr3t""#)]);
    let request = ReadSecretRequest { version: Some(2) };
    client(&server, Credentials::query_key("k-1"))
        .read_secret("db password", &request)
        .await
        .expect("200");
    assert_eq!(
        sent(&only(&server)),
        (
            None,
            None,
            "/v1/secrets/db%20password?version=2&api_key=k-1",
            None
        )
    );
}

#[tokio::test]
async fn basic_or_bearer_takes_the_first_that_was_given() {
    let cases = [
        // "user:pass" in Base64.
        (Credentials::basic("user", "pass"), "Basic dXNlcjpwYXNz"),
        (Credentials::jwt("j.w.t"), "Bearer j.w.t"),
        // A bearer token for any scheme serves `jwt` too.
        (Credentials::bearer("j.w.t"), "Bearer j.w.t"),
        // Both: basic is listed first.
        (
            Credentials::jwt("j.w.t").and(Credentials::basic("user", "pass")),
            "Basic dXNlcjpwYXNz",
        ),
        // A token for another bearer scheme does not serve `jwt`.
        (
            Credentials::oidc("o.i.d.c").and(Credentials::jwt("j.w.t")),
            "Bearer j.w.t",
        ),
    ];
    for (credentials, expected) in cases {
        let server = TestServer::start(vec![CannedResponse::with_type(204, "text/plain", "")]);
        client(&server, credentials.clone())
            .delete_secret("db")
            .await
            .expect("204");
        assert_eq!(
            sent(&only(&server)),
            (Some(expected), None, "/v1/secrets/db", None),
            "{credentials:?}"
        );
    }
}

#[tokio::test]
async fn security_none_sends_no_credentials() {
    let server = TestServer::start(vec![CannedResponse::with_type(204, "text/plain", "")]);
    let everything = Credentials::header_key("hk")
        .and(Credentials::query_key("qk"))
        .and(Credentials::session("sk"))
        .and(Credentials::basic("u", "p"))
        .and(Credentials::bearer("t"));
    client(&server, everything).health().await.expect("204");
    assert_eq!(sent(&only(&server)), (None, None, "/v1/health", None));
}

#[tokio::test]
async fn optional_credentials_are_sent_when_given() {
    let server = TestServer::start(vec![CannedResponse::json(200, r#""hello""#)]);
    let anonymous = builder(&server).build().expect("client builds");
    anonymous.message_of_day().await.expect("200");
    client(&server, Credentials::jwt("j"))
        .message_of_day()
        .await
        .expect("200");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(sent(&requests[0]), (None, None, "/v1/motd", None));
    assert_eq!(
        sent(&requests[1]),
        (Some("Bearer j"), None, "/v1/motd", None)
    );
}

/// A provider returning `token-1`, `token-2`, ..., and how often it was asked.
fn provider() -> (Arc<AtomicUsize>, Credentials) {
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&asked);
    let credentials = Credentials::bearer_provider(move || {
        let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
        async move { Ok::<_, std::io::Error>(format!("token-{n}")) }
    });
    (asked, credentials)
}

fn authorizations(server: &TestServer) -> Vec<Option<String>> {
    server
        .requests()
        .iter()
        .map(|r| r.header("authorization").map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn a_401_gets_one_more_try_with_a_fresh_token_from_the_provider() {
    let server = TestServer::start(vec![
        CannedResponse::json(401, "{}"),
        CannedResponse::json(200, r#""me""#),
    ]);
    let (asked, credentials) = provider();
    let caller = client(&server, credentials);
    assert_eq!(
        *caller.who_am_i().await.expect("200 with a fresh token"),
        "me"
    );
    assert_eq!(
        authorizations(&server),
        [
            Some("Bearer token-1".to_owned()),
            Some("Bearer token-2".to_owned())
        ]
    );
    assert_eq!(asked.load(Ordering::SeqCst), 2);

    // Refused every time: exactly one more try, then the 401 itself.
    let server = TestServer::start(vec![CannedResponse::json(401, "{}")]);
    let (asked, credentials) = provider();
    let error = client(&server, credentials)
        .who_am_i()
        .await
        .expect_err("401 twice");
    match error {
        Error::Api(error) => assert_eq!(error.status, 401),
        Error::UnexpectedStatus { status, .. } => assert_eq!(status, 401),
        other => panic!("the 401 is the answer: {other:?}"),
    }
    assert_eq!(server.requests().len(), 2);
    assert_eq!(asked.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_token_callback_is_asked_once_per_call_and_kept_across_retries() {
    // 503 then 200: one call, two attempts.
    let server = TestServer::start(vec![
        CannedResponse::json(503, "{}"),
        CannedResponse::json(200, r#""me""#),
    ]);
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&asked);
    let credentials = Credentials::oidc_with(move || {
        format!("token-{}", counter.fetch_add(1, Ordering::SeqCst) + 1)
    });
    let client = Client::builder()
        .base_url(format!("{}/v1", server.url()))
        .credentials(credentials)
        .retry(RetryPolicy {
            max_attempts: 2,
            initial_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
            max_elapsed: Duration::from_secs(30),
        })
        .build()
        .expect("client builds");
    assert_eq!(*client.who_am_i().await.expect("200 after a retry"), "me");
    client.who_am_i().await.expect("200");
    let tokens: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.header("authorization").map(str::to_owned))
        .collect();
    assert_eq!(
        tokens,
        [
            Some("Bearer token-1".to_owned()),
            Some("Bearer token-1".to_owned()),
            Some("Bearer token-2".to_owned())
        ]
    );
    assert_eq!(asked.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn credentials_http_cannot_carry_are_refused_before_sending() {
    let server = TestServer::start(vec![CannedResponse::json(200, NAMES)]);
    let cases = [
        Credentials::header_key("k\r\nx-injected: 1"),
        Credentials::oauth("tok\nen"),
        Credentials::oauth_with(|| "caf\u{e9}".to_owned()),
    ];
    for credentials in cases {
        match client(&server, credentials).list_secrets().await {
            Err(Error::InvalidRequest(error)) => {
                assert!(
                    error.0.contains("`header_key`") || error.0.contains("`oauth`"),
                    "{error}"
                );
                assert!(!error.0.contains("injected") && !error.0.contains("caf"));
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
    let basic = Credentials::basic("user:name", "p");
    match client(&server, basic).delete_secret("db").await {
        Err(Error::InvalidRequest(error)) => assert!(error.0.contains("user name"), "{error}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(server.requests().is_empty());
}

/// Every kind of secret, each with a marker no `Debug` output may contain.
fn all_secrets() -> Credentials {
    Credentials::header_key("SECRET-header")
        .and(Credentials::query_key("SECRET-query"))
        .and(Credentials::session("SECRET-cookie"))
        .and(Credentials::basic("SECRET-user", "SECRET-password"))
        .and(Credentials::jwt("SECRET-jwt"))
        .and(Credentials::oauth_with(|| "SECRET-callback".to_owned()))
        .and(Credentials::bearer("SECRET-bearer"))
}

#[test]
fn debug_output_never_shows_a_secret() {
    let credentials = all_secrets();
    let builder = Client::builder().credentials(credentials.clone());
    let client = Client::new(Server::Main, credentials.clone()).expect("client builds");
    for shown in [
        format!("{credentials:?}"),
        format!("{credentials:#?}"),
        format!("{builder:?}"),
        format!("{client:?}"),
        format!("{client:#?}"),
    ] {
        assert!(!shown.contains("SECRET"), "{shown}");
        assert!(shown.contains("<redacted>"), "{shown}");
    }
    assert_eq!(
        format!("{credentials:?}"),
        "Credentials([api key for \"header_key\": <redacted>, api key for \"query_key\": <redacted>, \
         api key for \"session\": <redacted>, basic: <redacted>, bearer for \"jwt\": <redacted>, \
         bearer callback for \"oauth\": <redacted>, bearer: <redacted>])"
    );
}

#[tokio::test]
async fn a_transport_error_never_shows_the_query_key() {
    // A port nothing listens on: the connection is refused, and the error names the URL.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}/v1"))
        .credentials(Credentials::query_key("SECRET-query"))
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds");
    let error = client
        .read_secret("db", &ReadSecretRequest { version: Some(1) })
        .await
        .expect_err("nothing listens");
    assert!(matches!(error, Error::Connection(_)), "{error:?}");
    for shown in [format!("{error}"), format!("{error:?}"), {
        let source = std::error::Error::source(&error).map(ToString::to_string);
        source.unwrap_or_default()
    }] {
        assert!(!shown.contains("SECRET"), "{shown}");
    }
    assert!(
        format!("{error:?}").contains("api_key=REDACTED"),
        "{error:?}"
    );
    assert!(format!("{error:?}").contains("version=1"), "{error:?}");
}
