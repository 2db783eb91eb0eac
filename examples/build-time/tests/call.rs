//! The build-time client works like the committed one: a real call to a local server.

use apiforge_tests::{CannedResponse, TestServer};
use build_time_example::invoices::ResumeDunningRequest;
use build_time_example::{Client, Credentials, RetryPolicy};

#[tokio::test]
async fn the_generated_client_calls_the_api() {
    let invoice = r#"{"invoice": {"id": "inv_7", "customer_id": "c", "recurring": false, "status": "payment_due",
        "price_type": "tax_inclusive", "start_date": 1, "currency_code": "USD", "tax": 0, "sub_total": 5}}"#;
    let server = TestServer::start(vec![CannedResponse::json(200, invoice)]);
    let client = Client::builder()
        .base_url(server.url())
        .credentials(Credentials::api_key("k"))
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let request = ResumeDunningRequest {
        comment: Some("from build.rs".into()),
        ..Default::default()
    };
    let response = client.resume_dunning("inv/7", &request).await.expect("200");
    assert_eq!(response.invoice.id, "inv_7");
    let sent = &server.requests()[0];
    assert_eq!(sent.target, "/invoices/inv%2F7/resume_dunning");
    assert_eq!(sent.body, b"comment=from+build.rs");
    assert!(sent.header("chargebee-idempotency-key").is_some());
}
