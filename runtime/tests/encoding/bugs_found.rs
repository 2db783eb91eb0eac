//! Runtime bugs found by these tests: each was `#[ignore]`d until the runtime (`runtime/src/`) was
//! fixed (see the report of issue #14, item 2); one still is. Run the ignored ones with
//! `cargo test -p apiforge-runtime --test encoding -- --ignored`.

use std::convert::Infallible;

use apiforge_runtime::runtime;
use apiforge_runtime::{BuildError, ClientBuilder, Credentials, Error, RetryPolicy};
use reqwest::Method;
use serde_json::json;

use crate::common::{client_of, offline, sent};
use crate::wire::Server;

/// BUG: a header value with leading or trailing spaces or tabs is accepted, but RFC 9110
/// §5.5 has every HTTP server strip them: the server reads `padded`, not ` padded `, and
/// nothing tells the caller. Fix: `header_value` refuses such values ("header `x` starts or
/// ends with whitespace, which HTTP drops").
#[tokio::test]
async fn header_values_keep_surrounding_whitespace_or_are_refused() {
    let server = Server::start();
    let client = client_of(&server);
    for value in [" padded ", "\tleading", "trailing ", " "] {
        let mut call = client.call(Method::GET, "/x");
        if call.header("x-trace-id", value).is_err() {
            continue;
        }
        let request = sent(&server, call).await;
        assert_eq!(
            request.field_value("x-trace-id"),
            Some(value.as_bytes()),
            "{value:?} was sent but the server reads something else"
        );
    }
}

/// BUG: serde_json writes NaN and the infinities as `null`, so `runtime::json`,
/// `runtime::json_value` and `Call::json` send `null` for a `number` field holding one, with
/// no error. Fix: refuse non-finite floats, naming the field: serialize through a wrapper
/// `Serializer` whose `serialize_f32`/`serialize_f64` fail on `!is_finite()`, or check the
/// encoded `Value` tree is not `Null` where the input was a float (the wrapper is the robust
/// way, as it sees the floats before they become `null`).
#[test]
fn non_finite_numbers_are_refused_not_sent_as_null() {
    let client = offline();
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let error = runtime::json_value("amount", &value).expect_err("sent as null");
        assert!(error.0.starts_with("`amount` "), "{error}");
        let error = runtime::json("amount", &[1.0, value]).expect_err("sent as [1.0,null]");
        assert!(error.0.starts_with("`amount` "), "{error}");
        let mut call = client.call(Method::POST, "/x");
        assert!(
            call.json("application/json", &json!({"x": 1}))
                .and_then(|()| call.json("application/json", &[value]))
                .is_err(),
            "the body [{value}] is sent as [null]"
        );
    }
}

/// BUG: `check_range` lets NaN through any bounds (every comparison with NaN is false), so a
/// NaN passes the documented minimum and maximum. Fix: `if value.is_nan()` return a
/// `ValidationError` ("is not a number").
#[test]
fn nan_is_outside_every_range() {
    assert!(runtime::check_range("limit", f64::NAN, Some(1.0), Some(100.0)).is_err());
}

/// BUG: a base URL with a query or a fragment is accepted, and every path is then appended
/// after it: with `http://host/api#v1` the path and query of every call land in the
/// fragment, which is never sent, and every call goes to `/api`; with `http://host/api?k=1`
/// they land in the query. Fix: `ClientBuilder::build` refuses a base URL with a query or a
/// fragment (`BuildError::InvalidBaseUrl`, "it must not have a query or a fragment").
#[tokio::test]
async fn a_base_url_with_a_query_or_fragment_is_refused() {
    let server = Server::start();
    for suffix in ["/api#v1", "/api?key=1"] {
        let base = format!("{}{suffix}", server.url());
        match ClientBuilder::default()
            .base_url(&base)
            .retry(RetryPolicy::none())
            .build()
        {
            Err(BuildError::InvalidBaseUrl { .. }) => continue,
            Err(other) => panic!("{base}: {other}"),
            Ok(client) => {
                let mut call = client.call(Method::GET, "/invoices/inv_1");
                call.query("limit", "5");
                let request = sent(&server, call).await;
                assert_eq!(
                    request.target, "/api/invoices/inv_1?limit=5",
                    "base URL {base}"
                );
            }
        }
    }
}

/// A bearer token HTTP cannot carry is refused before sending, not sent altered.
#[tokio::test]
async fn credentials_that_cannot_be_sent_are_refused() {
    for token in ["token\r\nx-injected: 1", "nul\0"] {
        let client = ClientBuilder::default()
            .base_url("http://127.0.0.1:1")
            .retry(RetryPolicy::none())
            .credentials(Credentials::bearer(token))
            .build()
            .unwrap();
        let error = client
            .call(Method::GET, "/x")
            .send::<Infallible>()
            .await
            .unwrap_err();
        assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    }
}

/// BUG: credentials HTTP cannot carry are refused, but the error does not say what is wrong
/// ("the request could not be built: builder error", from reqwest); a bearer token with
/// non-ASCII characters is sent as raw UTF-8 bytes; and a basic-auth user name with a colon
/// is sent, though the server splits `user:password` at the first colon (RFC 7617 §2: a
/// user-id cannot contain one) and reads another user. Fix: check the credentials with
/// `runtime::header_value("authorization", ..)` and refuse a user name containing `:`,
/// either once in `ClientBuilder::build` (`BuildError::InvalidValue`) or when a call
/// places them (`Error::InvalidRequest`), naming them. Either passes this test.
#[ignore = "runtime bug: bad credentials are refused without naming them, or sent altered"]
#[tokio::test]
async fn credentials_that_cannot_be_sent_are_refused_naming_them() {
    let names_them = |message: &str| {
        let message = message.to_ascii_lowercase();
        ["authorization", "credentials", "user name"]
            .iter()
            .any(|word| message.contains(word))
    };
    for credentials in [
        Credentials::bearer("token\r\nx-injected: 1"),
        Credentials::bearer("clé"),
        Credentials::basic("user:name", "password"),
    ] {
        let built = ClientBuilder::default()
            .base_url("http://127.0.0.1:1")
            .retry(RetryPolicy::none())
            .credentials(credentials.clone())
            .build();
        let message = match built {
            Err(BuildError::InvalidValue(error)) => error.0,
            Err(other) => panic!("{credentials:?}: {other}"),
            Ok(client) => match client.call(Method::GET, "/x").send::<Infallible>().await {
                Err(Error::InvalidRequest(error)) => error.0,
                other => panic!("{credentials:?} not refused before sending: {other:?}"),
            },
        };
        assert!(names_them(&message), "{credentials:?}: {message}");
    }
}

/// BUG (minor, no data lost): a URL longer than hyper can send fails as `Error::Transport`
/// ("builder error"), as if the network had failed, rather than `Error::InvalidRequest`
/// saying what is too long. Fix: `Call::send` refuses a URL over 65534 bytes before building
/// the request ("the URL is N bytes long, more than HTTP clients send: 65534"), or
/// `retry::transport_error` maps `error.is_builder()` to `Error::InvalidRequest`.
#[tokio::test]
async fn an_overlong_url_is_an_invalid_request() {
    let client = offline();
    let mut call = client.call(Method::GET, "/x");
    call.query("q", &"a".repeat(70_000));
    let error = call.send::<Infallible>().await.unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
}
