//! Stripe's webhook signatures on the client generated from
//! `tests/fixtures/stripe_webhooks.yaml` with `[webhooks] preset = "stripe"`
//! (`tests/fixtures/stripe_webhooks.toml`): `webhooks::verify_and_parse_at` accepts exactly
//! the Stripe cases of `runtime/tests/webhook_vectors.json`, whose signatures Python's `hmac`
//! computed (`scripts/webhook-vectors.py`), and hands the verified body to `parse_webhook`.
//!
//! Where Stripe's SDKs (stripe-node and stripe-python `WebhookSignature`) are lax, the vectors
//! hold the standard's answer: upper-case hex verifies, a timestamp more than the tolerance in
//! the future is refused, and a tolerance of 0 is not a way to turn the check off.
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

use std::time::{Duration, UNIX_EPOCH};

use http::{HeaderMap, HeaderName, HeaderValue};
use serde_json::Value;
use stripe_webhooks::webhooks::{
    verify_and_parse, verify_and_parse_at, SignatureError, WebhookError, WebhookEvent,
    WebhookSecret,
};

fn vectors() -> Vec<Value> {
    let text = include_str!("../../runtime/tests/webhook_vectors.json");
    let vectors: Value = serde_json::from_str(text).expect("the vectors are JSON");
    vectors["cases"]
        .as_array()
        .expect("cases")
        .iter()
        // The preset's tolerance is the default, 300 s: the cases written for it.
        .filter(|case| case["layout"] == "stripe" && case["tolerance"] == 300)
        .cloned()
        .collect()
}

fn headers(case: &Value) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for pair in case["headers"].as_array().expect("headers") {
        let name = HeaderName::from_bytes(pair[0].as_str().expect("name").as_bytes())
            .expect("a header name");
        headers.append(name, HeaderValue::from_str(pair[1].as_str().expect("value")).expect("a value"));
    }
    headers
}

#[test]
fn the_stripe_vectors_verify_as_python_computed_them() {
    let cases = vectors();
    assert!(cases.len() >= 10, "{} Stripe cases", cases.len());
    for case in &cases {
        let name = case["name"].as_str().expect("a name");
        let secret = WebhookSecret::new(case["secret"].as_str().expect("a secret"));
        let now = UNIX_EPOCH + Duration::from_secs(case["now"].as_u64().expect("now"));
        let body = case["body"].as_str().expect("a body").as_bytes();
        let result = verify_and_parse_at(body, &headers(case), &secret, now);
        let outcome = match &result {
            Ok(WebhookEvent::InvoicePaid(event)) => {
                assert_eq!(event.id, "evt_1", "{name}");
                assert_eq!(event.data.object.amount_due, Some(1200), "{name}");
                "ok"
            }
            Ok(other) => panic!("{name}: parsed as {other:?}"),
            Err(WebhookError::Signature(SignatureError::Missing { .. })) => "missing",
            Err(WebhookError::Signature(SignatureError::Malformed { .. })) => "malformed",
            Err(WebhookError::Signature(SignatureError::Mismatch)) => "mismatch",
            Err(WebhookError::Signature(SignatureError::Expired { .. })) => "expired",
            Err(WebhookError::Signature(SignatureError::FromTheFuture { .. })) => {
                "from-the-future"
            }
            Err(other) => panic!("{name}: {other}"),
        };
        assert_eq!(outcome, case["expect"], "{name}: {result:?}");
    }
}

#[test]
fn verify_and_parse_reads_the_system_clock() {
    // A valid signature from 2023 (the vectors' time): the real clock makes it a replay.
    let case = vectors()
        .into_iter()
        .find(|case| case["name"] == "stripe: valid")
        .expect("the valid case");
    let secret = WebhookSecret::new(case["secret"].as_str().expect("a secret"));
    let body = case["body"].as_str().expect("a body").as_bytes();
    let error = verify_and_parse(body, &headers(&case), &secret).unwrap_err();
    assert!(
        matches!(
            error,
            WebhookError::Signature(SignatureError::Expired { tolerance_seconds: 300, .. })
        ),
        "{error}"
    );
}

#[test]
fn a_body_other_than_the_signed_one_is_a_mismatch() {
    // The header of a valid request on another body: refused before the body is parsed.
    let case = vectors()
        .into_iter()
        .find(|case| case["name"] == "stripe: valid")
        .expect("the valid case");
    let secret = WebhookSecret::new(case["secret"].as_str().expect("a secret"));
    let now = UNIX_EPOCH + Duration::from_secs(case["now"].as_u64().expect("now"));
    let error = verify_and_parse_at(b"{}", &headers(&case), &secret, now).unwrap_err();
    assert!(
        matches!(error, WebhookError::Signature(SignatureError::Mismatch)),
        "{error}"
    );
}
