//! Stripe's conventions, byte for byte, on the client generated from
//! `tests/fixtures/stripe_conventions.yaml` (operations shaped as Stripe's published spec,
//! github.com/stripe/openapi) without a settings file: its `encoding` objects say enough.
//!
//! What Stripe's SDKs send, from their encoders:
//!
//! - stripe-node `src/utils.ts`, `stringifyRequestData`: `qs.stringify(data,
//!   {serializeDate})` with qs's default `arrayFormat: 'indices'`, then `%5B`/`%5D` turned back
//!   into `[`/`]`: lists `expand[0]=customer`, lists of objects index first
//!   `line_items[0][price]=price_1`, objects `metadata[crm_id]=...`.
//! - stripe-python `stripe/_encode.py`, `_api_encode`: "Always use indexed format for arrays"
//!   (`"%s[%d]" % (key, i)`), dicts through `_encode_nested_dict` (`"%s[%s]"`), booleans
//!   lowercased, `None` skipped; unions are whatever value the caller passed (`"now"`, `""`,
//!   an int, a dict).
//!
//! The SDKs leave the brackets unencoded; this client percent-encodes them (`%5B`, `%5D`), which
//! the server decodes to the same keys: each test also compares the decoded pairs.
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use server::{CannedResponse, RecordedRequest, TestServer};
use stripe_conventions::types::{
    Created, CreatedObject, PostCheckoutSessionsRequestLineItem, PostCheckoutSessionsRequestMode,
    PostCustomersCustomerRequestInvoiceSettings,
    PostCustomersCustomerRequestInvoiceSettingsCustomFields, PostSubscriptionsRequestItem,
    PostSubscriptionsRequestMetadata, PostSubscriptionsRequestMetadataString,
    PostSubscriptionsRequestTrialEnd, PostSubscriptionsRequestTrialEndString,
};
// Every path starts with `/v1`: the modules are named by the segment after it.
use stripe_conventions::checkout::PostCheckoutSessionsRequest;
use stripe_conventions::customers::{GetCustomersRequest, PostCustomersCustomerRequest};
use stripe_conventions::subscriptions::PostSubscriptionsRequest;
use stripe_conventions::{Client, Credentials};

fn client(server: &TestServer) -> Client {
    Client::builder()
        .base_url(server.url())
        .credentials(Credentials::bearer("sk_test_123"))
        .build()
        .expect("client")
}

fn pairs(bytes: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(bytes)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn expected(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn body(request: &RecordedRequest) -> String {
    String::from_utf8(request.body.clone()).expect("ascii")
}

async fn post_subscription(request: &PostSubscriptionsRequest) -> RecordedRequest {
    let server = TestServer::start(vec![CannedResponse::json(200, r#"{"id": "sub_1"}"#)]);
    client(&server)
        .post_subscriptions(request)
        .await
        .expect("200");
    server.requests().remove(0)
}

#[tokio::test]
async fn lists_of_objects_put_the_index_first() {
    let server = TestServer::start(vec![CannedResponse::json(200, r#"{"id": "cs_1"}"#)]);
    let request = PostCheckoutSessionsRequest {
        mode: Some(PostCheckoutSessionsRequestMode::Payment),
        line_items: Some(vec![
            PostCheckoutSessionsRequestLineItem {
                price: Some("price_1".into()),
                quantity: Some(2),
                tax_rates: Some(vec!["txr_1".into()]),
            },
            PostCheckoutSessionsRequestLineItem {
                price: Some("price_2".into()),
                quantity: None,
                tax_rates: None,
            },
        ]),
        expand: Some(vec!["customer".into(), "line_items".into()]),
        metadata: Some([("crm_id".to_owned(), "A&B=1".to_owned())].into()),
        payment_method_types: Some(vec!["card".into()]),
        ..Default::default()
    };
    client(&server)
        .post_checkout_sessions(&request)
        .await
        .expect("200");
    let sent = &server.requests()[0];
    // stripe-node: expand[0]=customer&expand[1]=line_items&line_items[0][price]=price_1&
    // line_items[0][quantity]=2&line_items[0][tax_rates][0]=txr_1&line_items[1][price]=price_2&
    // metadata[crm_id]=A%26B%3D1&mode=payment&payment_method_types[0]=card
    assert_eq!(
        pairs(&sent.body),
        expected(&[
            ("expand[0]", "customer"),
            ("expand[1]", "line_items"),
            ("line_items[0][price]", "price_1"),
            ("line_items[0][quantity]", "2"),
            ("line_items[0][tax_rates][0]", "txr_1"),
            ("line_items[1][price]", "price_2"),
            ("metadata[crm_id]", "A&B=1"),
            ("mode", "payment"),
            ("payment_method_types[0]", "card"),
        ])
    );
    assert_eq!(
        body(sent),
        "expand%5B0%5D=customer&expand%5B1%5D=line_items&line_items%5B0%5D%5Bprice%5D=price_1\
         &line_items%5B0%5D%5Bquantity%5D=2&line_items%5B0%5D%5Btax_rates%5D%5B0%5D=txr_1\
         &line_items%5B1%5D%5Bprice%5D=price_2&metadata%5Bcrm_id%5D=A%26B%3D1&mode=payment\
         &payment_method_types%5B0%5D=card"
    );
}

#[tokio::test]
async fn string_variants_are_their_text() {
    // stripe.Subscription.create(customer="cus_1", trial_end="now") sends trial_end=now.
    let sent = post_subscription(&PostSubscriptionsRequest {
        trial_end: Some(PostSubscriptionsRequestTrialEnd::String(
            PostSubscriptionsRequestTrialEndString::Now,
        )),
        ..PostSubscriptionsRequest::new("cus_1")
    })
    .await;
    assert_eq!(body(&sent), "customer=cus_1&trial_end=now");
    let sent = post_subscription(&PostSubscriptionsRequest {
        trial_end: Some(PostSubscriptionsRequestTrialEnd::Integer(1_735_689_600)),
        ..PostSubscriptionsRequest::new("cus_1")
    })
    .await;
    assert_eq!(body(&sent), "customer=cus_1&trial_end=1735689600");
}

#[tokio::test]
async fn map_variants_use_brackets_and_the_empty_string_unsets() {
    // metadata={"crm_id": "A&B=1"} sends metadata[crm_id]=A%26B%3D1; metadata="" sends
    // metadata= (Stripe's way to clear every key).
    let sent = post_subscription(&PostSubscriptionsRequest {
        metadata: Some(PostSubscriptionsRequestMetadata::Object(
            [("crm_id".to_owned(), "A&B=1".to_owned())].into(),
        )),
        items: Some(vec![PostSubscriptionsRequestItem {
            price: Some("price_1".into()),
            metadata: Some([("seat".to_owned(), "1".to_owned())].into()),
            quantity: None,
        }]),
        ..PostSubscriptionsRequest::new("cus_1")
    })
    .await;
    assert_eq!(
        pairs(&sent.body),
        expected(&[
            ("customer", "cus_1"),
            ("items[0][metadata][seat]", "1"),
            ("items[0][price]", "price_1"),
            ("metadata[crm_id]", "A&B=1")
        ])
    );
    assert_eq!(
        body(&sent),
        "customer=cus_1&items%5B0%5D%5Bmetadata%5D%5Bseat%5D=1&items%5B0%5D%5Bprice%5D=price_1&metadata%5Bcrm_id%5D=A%26B%3D1"
    );
    let server = TestServer::start(vec![CannedResponse::json(200, r#"{"id": "cus_1"}"#)]);
    let request = PostCustomersCustomerRequest {
        metadata: Some(PostSubscriptionsRequestMetadata::String(
            PostSubscriptionsRequestMetadataString::Value,
        )),
        invoice_settings: Some(PostCustomersCustomerRequestInvoiceSettings {
            custom_fields: Some(
                PostCustomersCustomerRequestInvoiceSettingsCustomFields::String(
                    PostSubscriptionsRequestMetadataString::Value,
                ),
            ),
            default_payment_method: None,
        }),
        ..Default::default()
    };
    client(&server)
        .post_customers_customer("cus_1", &request)
        .await
        .expect("200");
    let sent = &server.requests()[0];
    assert_eq!(sent.target, "/v1/customers/cus_1");
    assert_eq!(body(sent), "invoice_settings%5Bcustom_fields%5D=&metadata=");
}

#[tokio::test]
async fn list_filters_are_deep_objects_and_gets_send_no_body() {
    // stripe.Customer.list(created={"gte": 1700000000}, expand=["data.default_source"], limit=3)
    // sends created[gte]=1700000000&expand[0]=data.default_source&limit=3 in the query, and no
    // body: Stripe's spec gives the GET an empty form body, which is dropped.
    let server = TestServer::start(vec![
        CannedResponse::json(200, r#"{"data": [], "has_more": false}"#),
        CannedResponse::json(200, r#"{"data": [], "has_more": false}"#),
        CannedResponse::json(200, r#"{"id": "cus_1"}"#),
    ]);
    let client = client(&server);
    let request = GetCustomersRequest {
        created: Some(Created::Object(CreatedObject {
            gte: Some(1_700_000_000),
            ..Default::default()
        })),
        expand: Some(vec!["data.default_source".into()]),
        limit: Some(3),
    };
    client.get_customers(&request).await.expect("200");
    let request = GetCustomersRequest {
        created: Some(Created::Integer(1_700_000_000)),
        ..Default::default()
    };
    client.get_customers(&request).await.expect("200");
    client
        .delete_customers_customer("cus_1")
        .await
        .expect("200");
    let sent = server.requests();
    assert_eq!(
        sent[0].target,
        "/v1/customers?created%5Bgte%5D=1700000000&expand%5B0%5D=data.default_source&limit=3"
    );
    assert_eq!(sent[1].target, "/v1/customers?created=1700000000");
    assert_eq!(
        (sent[2].method.as_str(), sent[2].target.as_str()),
        ("DELETE", "/v1/customers/cus_1")
    );
    for request in &sent {
        assert_eq!(request.header("content-type"), None, "{}", request.target);
        assert!(request.body.is_empty());
    }
}
