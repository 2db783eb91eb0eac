//! End-to-end tests of the client generated from Chargebee's published OpenAPI 3.1 spec
//! (`../shared/specs/chargebee_api_v1_spec.json`), against a local server on 127.0.0.1.
//!
//! `scripts/test-full-clients.sh` generates the client into a temporary directory and builds
//! this file as a test of a small harness crate that depends on it.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use chargebee_v1::customers::CreateCustomerRequest;
use chargebee_v1::invoices::ListInvoicesRequest;
use chargebee_v1::subscriptions::CreateSubscriptionRequest;
use chargebee_v1::types::{
    AddonEntry, CreateSubscriptionRequestCustomer, EventType, InvoiceBillingAddress, InvoiceStatus,
    NotFoundErrorApiErrorCode, SubscriptionStatus,
};
use chargebee_v1::webhooks::{
    parse_webhook, verify_and_parse, SignatureError, WebhookCredentials, WebhookError, WebhookEvent,
};
use chargebee_v1::{Client, Credentials, Error, ErrorResponse};
use futures_util::TryStreamExt;
use server::{CannedResponse, TestServer};

fn client(server: &TestServer) -> Client {
    Client::builder()
        .base_url(format!("{}/api/v1", server.url()))
        .credentials(Credentials::api_key("test_key"))
        .build()
        .expect("client builds")
}

const INVOICE: &str = r#"{"id": "inv_1", "customer_id": "cust_1", "recurring": true, "status": "paid",
    "price_type": "tax_exclusive", "start_date": 1717200000, "currency_code": "EUR", "tax": 0, "sub_total": 1000}"#;

fn invoice_page(ids: &[&str], next_offset: Option<&str>) -> String {
    let list: Vec<String> = ids.iter().map(|id| format!(r#"{{"invoice": {}}}"#, INVOICE.replace("inv_1", id))).collect();
    match next_offset {
        Some(offset) => format!(r#"{{"list": [{}], "next_offset": "{offset}"}}"#, list.join(",")),
        None => format!(r#"{{"list": [{}]}}"#, list.join(",")),
    }
}

fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

#[tokio::test]
async fn list_follows_next_offset_across_three_pages() {
    let server = TestServer::start(vec![
        CannedResponse::json(200, &invoice_page(&["inv_1", "inv_2"], Some("1717200000,inv 2"))),
        CannedResponse::json(200, &invoice_page(&["inv_3", "inv_4"], Some("1717300000,inv 4"))),
        CannedResponse::json(200, &invoice_page(&["inv_5"], None)),
    ]);
    let request = ListInvoicesRequest { limit: Some(2), ..ListInvoicesRequest::default() };
    let pages: Vec<_> = client(&server).list_invoices_pages(request).try_collect().await.expect("three pages");
    assert_eq!(pages.len(), 3);
    let ids: Vec<&str> = pages.iter().flat_map(|p| p.list.iter().map(|item| item.invoice.id.as_str())).collect();
    assert_eq!(ids, ["inv_1", "inv_2", "inv_3", "inv_4", "inv_5"]);
    assert_eq!(pages[0].list[0].invoice.status, InvoiceStatus::Paid);

    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        [
            "/api/v1/invoices?limit=2",
            "/api/v1/invoices?limit=2&offset=1717200000%2Cinv+2",
            "/api/v1/invoices?limit=2&offset=1717300000%2Cinv+4",
        ]
    );
    // The single-page call is there too.
    let server = TestServer::start(vec![CannedResponse::json(200, &invoice_page(&["inv_9"], Some("x")))]);
    let page = client(&server).list_invoices(&ListInvoicesRequest::default()).await.expect("one page");
    assert_eq!(page.next_offset.as_deref(), Some("x"));
    assert_eq!(server.requests()[0].target, "/api/v1/invoices");
}

#[tokio::test]
async fn a_page_stream_is_owned_and_runs_in_a_spawned_task() {
    let server = TestServer::start(vec![
        CannedResponse::json(200, &invoice_page(&["inv_1"], Some("o1"))),
        CannedResponse::json(200, &invoice_page(&["inv_2"], None)),
    ]);
    // The stream outlives the client it came from: it holds its own clone and request.
    let pages = {
        let client = client(&server);
        client.list_invoices_pages(ListInvoicesRequest::default())
    };
    let task = tokio::spawn(async move {
        let pages: Vec<_> = pages.try_collect().await?;
        Ok::<_, Error<ErrorResponse>>(pages.len())
    });
    assert_eq!(task.await.expect("the task ran").expect("two pages"), 2);
}

#[tokio::test]
async fn create_sends_nested_form_fields_in_bracket_notation() {
    let subscription = r#"{"subscription": {"id": "sub_1", "plan_id": "pro", "plan_quantity": 2, "status": "in_trial",
        "has_scheduled_changes": false}, "customer": {"id": "cust_1", "account_credits": 0, "allow_direct_debit": false,
        "auto_collection": "on", "created_at": 1717200000, "excess_payments": 0, "refundable_credits": 0}}"#;
    let server = TestServer::start(vec![CannedResponse::json(200, subscription)]);
    // `plan_id` is required although Chargebee does not mark the body required: the
    // constructor takes it, and the rest are set by name.
    let request = CreateSubscriptionRequest {
        plan_quantity: Some(2),
        trial_end: Some(1_735_689_600),
        meta_data: Some(serde_json::json!({"tier": "gold"})),
        customer: Some(CreateSubscriptionRequestCustomer {
            email: Some("ada@example.com".into()),
            first_name: Some("Ada".into()),
            ..Default::default()
        }),
        shipping_address: Some(InvoiceBillingAddress {
            first_name: Some("Ada".into()),
            city: Some("Berlin".into()),
            ..Default::default()
        }),
        // A multi-value group (spec/apiforge.toml: multi-value-groups = true): a list of
        // entries, each sent at its own index; a value left out sends no key.
        addons: Some(vec![
            AddonEntry { id: Some("extra-seat".into()), quantity: Some(2) },
            AddonEntry { id: Some("support".into()), quantity: None },
            AddonEntry { id: Some("sso".into()), quantity: Some(3) },
        ]),
        ..CreateSubscriptionRequest::new("pro")
    };
    let created = client(&server).create_subscription(&request).await.expect("200");
    assert_eq!(created.subscription.status, SubscriptionStatus::InTrial);

    let sent = &server.requests()[0];
    assert_eq!((sent.method.as_str(), sent.target.as_str()), ("POST", "/api/v1/subscriptions"));
    assert_eq!(sent.header("content-type"), Some("application/x-www-form-urlencoded"));
    let expected: Vec<(String, String)> = [
        ("plan_id", "pro"),
        ("plan_quantity", "2"),
        ("trial_end", "1735689600"),
        ("meta_data", r#"{"tier":"gold"}"#),
        ("customer[email]", "ada@example.com"),
        ("customer[first_name]", "Ada"),
        ("shipping_address[first_name]", "Ada"),
        ("shipping_address[city]", "Berlin"),
        ("addons[id][0]", "extra-seat"),
        ("addons[quantity][0]", "2"),
        ("addons[id][1]", "support"),
        ("addons[id][2]", "sso"),
        ("addons[quantity][2]", "3"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    assert_eq!(form_pairs(&sent.body), expected);
    // Byte for byte: keys and values percent-encoded as application/x-www-form-urlencoded.
    let body = String::from_utf8(sent.body.clone()).expect("ascii");
    assert!(body.starts_with("plan_id=pro&plan_quantity=2&trial_end=1735689600&meta_data=%7B%22tier%22%3A%22gold%22%7D&customer%5Bemail%5D=ada%40example.com&"), "{body}");
    assert!(
        body.ends_with(
            "&addons%5Bid%5D%5B0%5D=extra-seat&addons%5Bquantity%5D%5B0%5D=2&addons%5Bid%5D%5B1%5D=support\
             &addons%5Bid%5D%5B2%5D=sso&addons%5Bquantity%5D%5B2%5D=3"
        ),
        "{body}"
    );
}

#[tokio::test]
async fn booleans_and_timestamps_are_sent_as_chargebee_reads_them() {
    let customer = r#"{"customer": {"id": "cust_1", "account_credits": 0, "allow_direct_debit": true, "auto_collection": "off",
        "created_at": 1717200000, "excess_payments": 0, "refundable_credits": 0}}"#;
    let server = TestServer::start(vec![CannedResponse::json(200, customer)]);
    let request = CreateCustomerRequest {
        allow_direct_debit: Some(true),
        first_name: Some("Grace Hopper & Co".into()),
        ..Default::default()
    };
    client(&server).create_customer(&request).await.expect("200");
    let pairs = form_pairs(&server.requests()[0].body);
    assert!(pairs.contains(&("allow_direct_debit".into(), "true".into())), "{pairs:?}");
    assert!(pairs.contains(&("first_name".into(), "Grace Hopper & Co".into())), "{pairs:?}");
}

#[tokio::test]
async fn retrieve_decodes_and_errors_are_typed() {
    let subscription = r#"{"subscription": {"id": "sub/1", "plan_id": "pro", "plan_quantity": 1, "status": "future_status",
        "has_scheduled_changes": false, "brand_new_field": 7}, "customer": {"id": "cust_1", "account_credits": 0,
        "allow_direct_debit": false, "auto_collection": "on", "created_at": 1717200000, "excess_payments": 0, "refundable_credits": 0}}"#;
    let not_found = r#"{"message": "Sorry, we couldn't find that resource", "type": "invalid_request",
        "api_error_code": "resource_not_found", "param": "subscription_id"}"#;
    let server = TestServer::start(vec![CannedResponse::json(200, subscription), CannedResponse::json(404, not_found)]);
    let client = client(&server);
    let found = client.retrieve_subscription("sub/1").await.expect("200");
    assert_eq!(found.subscription.id, "sub/1");
    // A status this client does not know yet, and a field it does not know, both survive.
    // `UnknownValue` is opaque: read as text, never built from a string.
    assert!(matches!(&found.subscription.status, SubscriptionStatus::Unknown(v) if v.as_str() == "future_status"));
    assert_eq!(found.subscription.additional_properties.get("brand_new_field"), Some(&serde_json::json!(7)));
    assert_eq!(found.customer.id, "cust_1");

    match client.retrieve_subscription("sub_missing").await.unwrap_err() {
        Error::Api(error) if error.status == 404 => match error.body {
            ErrorResponse::NotFound(body) => {
                assert_eq!(body.api_error_code, NotFoundErrorApiErrorCode::ResourceNotFound);
                assert_eq!(body.param.as_deref(), Some("subscription_id"));
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/api/v1/subscriptions/sub%2F1", "/api/v1/subscriptions/sub_missing"]);
}

#[test]
fn webhooks_parse_into_their_event_type_and_unknown_events_are_kept() {
    let body = format!(
        r#"{{"id": "ev_1", "occurred_at": 1717200000, "source": "api", "object": "event", "api_version": "v1",
        "event_type": "invoice_created", "webhook_status": "scheduled", "content": {{"invoice": {INVOICE}}}}}"#
    );
    match parse_webhook(body.as_bytes()).expect("valid payload") {
        WebhookEvent::InvoiceCreated(event) => {
            assert_eq!(event.content.invoice.id, "inv_1");
            assert_eq!(event.occurred_at, 1_717_200_000);
            // The API's enum of event types, not a string.
            assert_eq!(event.event_type, EventType::InvoiceCreated);
        }
        other => panic!("{other:?}"),
    }
    let future = r#"{"id": "ev_2", "event_type": "quote_created", "content": {"quote": {}}}"#;
    match parse_webhook(future.as_bytes()).expect("unknown events are not errors") {
        WebhookEvent::Unknown { event, payload } => {
            assert_eq!(event, "quote_created");
            assert_eq!(payload["id"], "ev_2");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(parse_webhook(body.as_bytes()).map(|e| e.name().to_owned()).ok().as_deref(), Some("invoice_created"));
    assert!(parse_webhook(b"{\"id\": 1}").is_err(), "no event_type");
    assert!(parse_webhook(br#"{"event_type": "invoice_created", "content": {}}"#).is_err(), "payload must match");
}

/// Chargebee's webhooks come with HTTP basic auth (`[webhooks] scheme = "basic"` in
/// spec/apiforge.toml): the basic-auth cases of runtime/tests/webhook_vectors.json, whose
/// `Authorization` headers Python wrote (scripts/webhook-vectors.py), through the client.
#[test]
fn webhooks_are_verified_by_basic_auth_before_they_are_parsed() {
    let vectors: serde_json::Value =
        serde_json::from_str(include_str!("../../runtime/tests/webhook_vectors.json")).expect("JSON");
    let body = format!(
        r#"{{"id": "ev_1", "occurred_at": 1717200000, "source": "api", "object": "event", "api_version": "v1",
        "event_type": "invoice_created", "webhook_status": "scheduled", "content": {{"invoice": {INVOICE}}}}}"#
    );
    let mut checked = 0;
    for case in vectors["cases"].as_array().expect("cases").iter().filter(|c| c["layout"] == "basic") {
        let mut headers = http::HeaderMap::new();
        for pair in case["headers"].as_array().expect("headers") {
            let name = http::HeaderName::from_bytes(pair[0].as_str().expect("name").as_bytes()).expect("name");
            headers.append(name, http::HeaderValue::from_str(pair[1].as_str().expect("value")).expect("value"));
        }
        let credentials = WebhookCredentials::new(
            case["username"].as_str().expect("user"),
            case["password"].as_str().expect("password"),
        );
        let outcome = match verify_and_parse(body.as_bytes(), &headers, &credentials) {
            Ok(WebhookEvent::InvoiceCreated(event)) => {
                assert_eq!(event.content.invoice.id, "inv_1");
                "ok"
            }
            Err(WebhookError::Signature(SignatureError::Missing { header: "authorization" })) => "missing",
            Err(WebhookError::Signature(SignatureError::Malformed { .. })) => "malformed",
            Err(WebhookError::Signature(SignatureError::Mismatch)) => "mismatch",
            other => panic!("{}: {other:?}", case["name"]),
        };
        assert_eq!(outcome, case["expect"], "{}", case["name"]);
        checked += 1;
    }
    assert!(checked >= 5, "{checked} basic-auth cases");
}
