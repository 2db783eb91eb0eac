//! Chargebee's published API generated with `[client] style = "resources"`
//! (`tests/fixtures/chargebee_resources.toml`): each module's operations are methods of a
//! handle (`client.subscriptions().retrieve(id)`), and the crate carries a module of our own
//! (`src/custom/mod.rs`, from `tests/full_clients/custom/mod.rs`) that regeneration kept.
//! Against a local server on 127.0.0.1; `scripts/test-full-clients.sh` builds it.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use chargebee_resources::invoices::ListInvoicesRequest;
use chargebee_resources::{Client, Credentials, Error, ErrorResponse};
use futures_util::TryStreamExt;
use server::{CannedResponse, TestServer};

fn client(server: &TestServer) -> Client {
    Client::builder()
        .base_url(format!("{}/api/v1", server.url()))
        .credentials(Credentials::api_key("test_key"))
        .build()
        .expect("client builds")
}

const SUBSCRIPTION: &str = r#"{"subscription": {"id": "sub/1", "plan_id": "pro", "plan_quantity": 1, "status": "active",
    "has_scheduled_changes": false}, "customer": {"id": "cust_1", "account_credits": 0,
    "allow_direct_debit": false, "auto_collection": "on", "created_at": 1717200000, "excess_payments": 0, "refundable_credits": 0}}"#;

#[tokio::test]
async fn a_resource_handle_retrieves_and_its_errors_are_typed() {
    let not_found = r#"{"message": "Sorry, we couldn't find that resource", "type": "invalid_request",
        "api_error_code": "resource_not_found", "param": "subscription_id"}"#;
    let server = TestServer::start(vec![CannedResponse::json(200, SUBSCRIPTION), CannedResponse::json(404, not_found)]);
    let client = client(&server);
    let found = client.subscriptions().retrieve("sub/1").await.expect("200");
    assert_eq!(found.subscription.id, "sub/1");
    assert_eq!(found.customer.id, "cust_1");
    match client.subscriptions().retrieve("sub_missing").await.unwrap_err() {
        Error::Api(error) => assert!(matches!(error.body, ErrorResponse::NotFound(_)), "{error:?}"),
        other => panic!("{other:?}"),
    }
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/api/v1/subscriptions/sub%2F1", "/api/v1/subscriptions/sub_missing"]);
}

#[tokio::test]
async fn a_handle_streams_pages_owned_by_a_spawned_task() {
    let page = |id: &str, next: Option<&str>| {
        let invoice = format!(
            r#"{{"invoice": {{"id": "{id}", "customer_id": "cust_1", "recurring": true, "status": "paid",
            "price_type": "tax_exclusive", "start_date": 1717200000, "currency_code": "EUR", "tax": 0, "sub_total": 1000}}}}"#
        );
        match next {
            Some(next) => format!(r#"{{"list": [{invoice}], "next_offset": "{next}"}}"#),
            None => format!(r#"{{"list": [{invoice}]}}"#),
        }
    };
    let server = TestServer::start(vec![
        CannedResponse::json(200, &page("inv_1", Some("o1"))),
        CannedResponse::json(200, &page("inv_2", None)),
    ]);
    let client = client(&server);
    let stream = client.invoices().list_pages(ListInvoicesRequest::default());
    let pages: Vec<_> = tokio::spawn(async move { stream.try_collect::<Vec<_>>().await })
        .await
        .expect("task")
        .expect("two pages");
    let ids: Vec<&str> = pages.iter().map(|p| p.list[0].invoice.id.as_str()).collect();
    assert_eq!(ids, ["inv_1", "inv_2"]);
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets[1], "/api/v1/invoices?offset=o1");
}

#[tokio::test]
async fn our_own_module_survives_regeneration_and_extends_a_handle() {
    let server = TestServer::start(vec![CannedResponse::json(200, SUBSCRIPTION)]);
    let status = client(&server).subscriptions().status_text("sub/1").await.expect("200");
    assert_eq!(status, "active");
}
