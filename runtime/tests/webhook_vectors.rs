//! Webhook verification against signatures computed by an independent implementation:
//! `webhook_vectors.json`, written by `scripts/webhook-vectors.py` with Python's `hmac`, and
//! holding the Standard Webhooks specification's published vector. Every case names the
//! outcome it expects; every error variant is among them.

use std::time::{Duration, UNIX_EPOCH};

use apiforge_runtime::signatures::{
    verify_basic, verify_hmac, Encoding, HmacCheck, Layout, SignatureError, WebhookCredentials,
    WebhookSecret,
};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde_json::Value;

fn layout(name: &str) -> Layout {
    match name {
        "stripe" => Layout::Stripe {
            header: "stripe-signature",
        },
        "standard-webhooks" => Layout::StandardWebhooks,
        "github" => Layout::Header {
            header: "x-hub-signature-256",
            prefix: "sha256=",
            encoding: Encoding::Hex,
            timestamp_header: None,
        },
        "timestamped" => Layout::Header {
            header: "x-signature",
            prefix: "",
            encoding: Encoding::Base64,
            timestamp_header: Some("x-timestamp"),
        },
        other => panic!("unknown layout {other}"),
    }
}

fn outcome(result: &Result<(), SignatureError>) -> &'static str {
    match result {
        Ok(()) => "ok",
        Err(SignatureError::Missing { .. }) => "missing",
        Err(SignatureError::Malformed { .. }) => "malformed",
        Err(SignatureError::Mismatch) => "mismatch",
        Err(SignatureError::Expired { .. }) => "expired",
        Err(SignatureError::FromTheFuture { .. }) => "from-the-future",
        Err(SignatureError::InvalidSecret { .. }) => "invalid-secret",
        Err(other) => panic!("an error no vector expects: {other}"),
    }
}

#[test]
fn every_vector_verifies_as_python_computed_it() {
    let text = include_str!("webhook_vectors.json");
    let vectors: Value = serde_json::from_str(text).expect("the vectors are JSON");
    let cases = vectors["cases"].as_array().expect("a list of cases");
    let mut seen = std::collections::BTreeSet::new();
    for case in cases {
        let name = case["name"].as_str().expect("a name");
        let mut headers = HeaderMap::new();
        for pair in case["headers"].as_array().expect("headers") {
            let header = HeaderName::from_bytes(pair[0].as_str().expect("name").as_bytes())
                .expect("a header name");
            let value = HeaderValue::from_str(pair[1].as_str().expect("value")).expect("a value");
            headers.append(header, value);
        }
        let result = match case["layout"].as_str().expect("a layout") {
            "basic" => {
                let credentials = WebhookCredentials::new(
                    case["username"].as_str().expect("a user name"),
                    case["password"].as_str().expect("a password"),
                );
                verify_basic(&headers, &credentials)
            }
            name => {
                let check = HmacCheck {
                    layout: layout(name),
                    tolerance_seconds: case["tolerance"].as_u64(),
                };
                let secret = WebhookSecret::new(case["secret"].as_str().expect("a secret"));
                let now = UNIX_EPOCH + Duration::from_secs(case["now"].as_u64().expect("now"));
                let body = case["body"].as_str().expect("a body").as_bytes();
                verify_hmac(&check, body, &headers, &secret, now)
            }
        };
        let expected = case["expect"].as_str().expect("an outcome");
        assert_eq!(outcome(&result), expected, "{name}: {result:?}");
        seen.insert(expected);
    }
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        [
            "expired",
            "from-the-future",
            "invalid-secret",
            "malformed",
            "mismatch",
            "missing",
            "ok"
        ]
    );
}

#[test]
fn the_errors_say_which_header_and_how_far_off() {
    let check = HmacCheck {
        layout: Layout::Stripe {
            header: "stripe-signature",
        },
        tolerance_seconds: Some(300),
    };
    let missing = verify_hmac(
        &check,
        b"{}",
        &HeaderMap::new(),
        &WebhookSecret::new("k"),
        UNIX_EPOCH,
    )
    .unwrap_err();
    assert_eq!(
        missing.to_string(),
        "the webhook request has no `stripe-signature` header"
    );
    let expired = SignatureError::Expired {
        age_seconds: 301,
        tolerance_seconds: 300,
    };
    assert_eq!(
        expired.to_string(),
        "the webhook was signed 301 s ago, more than the 300 s tolerated"
    );
}
