//! The generated client against Prism, a mock server that validates every request against
//! `spec/resume_dunning.yaml`. `scripts/test.sh` installs Prism (pinned), starts it on
//! 127.0.0.1 and sets `PRISM_URL`; without it the tests are skipped, except in CI, where
//! they fail.

use chargebee_api::invoices::ResumeDunningRequest;
use chargebee_api::types::ChargebeeEvent;
use chargebee_api::{Client, CommonParameters, Credentials, Error, ErrorResponse, RetryPolicy};

fn prism_url() -> Option<String> {
    match std::env::var("PRISM_URL") {
        Ok(url) => Some(url),
        Err(_) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "PRISM_URL is not set: run the tests through scripts/test.sh"
            );
            eprintln!("skipped: PRISM_URL is not set (scripts/test.sh starts Prism)");
            None
        }
    }
}

fn client(url: &str) -> Client {
    // Prism ignores the servers' base path: operations are served at the root.
    Client::builder()
        .base_url(url)
        .credentials(Credentials::api_key("test_cbkey"))
        .retry(RetryPolicy::none())
        .build()
        .expect("client")
}

#[tokio::test]
async fn a_request_with_every_header_and_field_passes_prism_validation() {
    let Some(url) = prism_url() else { return };
    let common = CommonParameters {
        chargebee_request_origin_device: Some("Android".into()),
        chargebee_request_origin_user: Some("user@example.com".into()),
        chargebee_request_origin_user_encoded: Some("user.квітка@example.com".into()),
        chargebee_request_origin_ip: Some("192.168.1.2".into()),
        chargebee_business_entity_id: Some("be_eu".into()),
        chargebee_event_actions: Some(ChargebeeEvent::AllDisabled),
        chargebee_event_email: Some(ChargebeeEvent::AllDisabled),
        chargebee_event_webhook: Some(ChargebeeEvent::AllDisabled),
    };
    let request = ResumeDunningRequest {
        comment: Some("é".repeat(300)),
        idempotency_key: None,
    };
    let response = client(&url)
        .with_common_parameters(&common)
        .resume_dunning("inv_1001", &request)
        .await
        .expect("Prism accepts the request");
    assert_eq!(response.status(), 200);
    assert!(
        response.headers().get("sl-violations").is_none(),
        "{:?}",
        response.headers()
    );
    assert!(!response.invoice.id.is_empty());
    // Hostile ids are still one valid path segment for Prism.
    client(&url)
        .resume_dunning("a/b?c#d e", &ResumeDunningRequest::default())
        .await
        .expect("encoded id accepted");
}

#[tokio::test]
async fn prism_rejects_an_invalid_raw_request_so_its_validation_is_live() {
    let Some(url) = prism_url() else { return };
    let response = reqwest::Client::new()
        .post(format!("{url}/invoices/inv_1001/resume_dunning"))
        .basic_auth("test_cbkey", Some(""))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("chargebee-event-email", "some-emails")
        .body(format!("comment={}", "x".repeat(301)))
        .send()
        .await
        .expect("Prism answers");
    assert!(
        matches!(response.status().as_u16(), 400 | 422),
        "{}",
        response.status()
    );
    let violations = response
        .headers()
        .get("sl-violations")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        violations.contains("maxLength") && violations.contains("comment"),
        "{violations}"
    );
    assert!(violations.contains("chargebee-event-email"), "{violations}");
}

#[tokio::test]
async fn a_per_call_header_reaches_the_server() {
    let Some(url) = prism_url() else { return };
    // Prism answers with the documented example of the status `Prefer` asks for: one call
    // gets its 404, without building another client.
    let error = client(&url)
        .with_header("prefer", "code=404")
        .expect("valid header")
        .resume_dunning("inv_1001", &ResumeDunningRequest::default())
        .await
        .unwrap_err();
    match error {
        Error::Api(error) => assert!(
            matches!(error.body, ErrorResponse::NotFound(_)),
            "{error:?}"
        ),
        other => panic!("expected the documented 404, got {other:?}"),
    }
}
