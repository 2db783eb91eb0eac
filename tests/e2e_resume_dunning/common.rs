//! What the tests share: the API key, a canned invoice, a client of the test server, and
//! a request with every value set.

use apiforge_tests::TestServer;
use chargebee_api::invoices::ResumeDunningRequest;
use chargebee_api::types::ChargebeeEvent;
use chargebee_api::{Client, CommonParameters, Credentials, RetryPolicy};

pub const API_KEY: &str = "test_cbkey_5f3a";

pub const INVOICE: &str = r#"{
  "invoice": {
    "id": "inv_1001",
    "customer_id": "cust_42",
    "subscription_id": "sub_7",
    "recurring": true,
    "status": "payment_due",
    "price_type": "tax_exclusive",
    "start_date": 1717200000,
    "currency_code": "EUR",
    "tax": 190,
    "sub_total": 1000,
    "amount_due": 1190,
    "dunning_status": "in_progress",
    "line_items": [
      {
        "date_from": 1717200000,
        "date_to": 1719792000,
        "unit_amount": 1000,
        "quantity": 1,
        "is_taxed": true,
        "description": "Pro plan",
        "entity_type": "plan",
        "type": "charge"
      }
    ],
    "billing_address": {"first_name": "Ada", "city": "Berlin", "country": "DE"}
  }
}"#;

/// A client without retries: these tests are about what is sent and how answers read;
/// `e2e_faults.rs` tests retries.
pub fn client(server: &TestServer) -> Client {
    Client::builder()
        .base_url(format!("{}/api/v2", server.url()))
        .credentials(Credentials::api_key(API_KEY))
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds")
}

/// Every common parameter the operation documents.
pub fn all_common() -> CommonParameters {
    CommonParameters {
        chargebee_request_origin_device: Some("Android".into()),
        chargebee_request_origin_user: Some("user@example.com".into()),
        chargebee_request_origin_user_encoded: Some("user.квітка@example.com".into()),
        chargebee_request_origin_ip: Some("192.168.1.2".into()),
        chargebee_business_entity_id: Some("be_eu".into()),
        chargebee_event_actions: Some(ChargebeeEvent::AllDisabled),
        chargebee_event_email: Some(ChargebeeEvent::AllDisabled),
        chargebee_event_webhook: Some(ChargebeeEvent::AllDisabled),
    }
}

pub fn full_request() -> ResumeDunningRequest {
    ResumeDunningRequest {
        comment: Some("Resumed: card updated & retried = ok".into()),
        idempotency_key: Some("key-0001".into()),
    }
}
