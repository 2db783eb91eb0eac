//! Chargebee's conventions, byte for byte, on the client generated from
//! `tests/fixtures/chargebee_conventions.yaml` with Chargebee's settings (`spec/apiforge.toml`,
//! `[encoding]`: form-arrays = indexed, object-arrays = index-last, free-form-objects = json,
//! multi-value-groups = true).
//!
//! What Chargebee's SDKs send, from their encoders:
//!
//! - chargebee-python `chargebee/util.py`, `serialize(value, prefix, idx)`: a dict in a list is
//!   written `prefix[key][idx]` (the index last), entry by entry; a list of plain values
//!   `key[idx]`; `None` as an empty value; booleans lowercased.
//! - chargebee-node `src/util.ts`, `encodeParams`: the same keys (`key + '[' + arrIdx + ']'`,
//!   `scope[key][index]`), and `meta_data` / `metadata` as `JSON.stringify(value)`; a custom
//!   field (`cf_*`) given as a string is sent as that string.
//!
//! So `addons: [{id: "a", quantity: 2}, {id: "b"}]` is `addons[id][0]=a&addons[quantity][0]=2&
//! addons[id][1]=b`: an entry's missing value sends no key, and the others keep their index.
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use chargebee_conventions::customers::CreateSubscriptionEstimateRequest;
use chargebee_conventions::subscriptions::CreateSubscriptionRequest;
use chargebee_conventions::types::{
    Addon, CreateSubscriptionRequestCustomer, CreateSubscriptionRequestEventBasedAddon,
    CreateSubscriptionRequestEventBasedAddonsOnEvent, CreateSubscriptionRequestNote,
};
use chargebee_conventions::{Client, Credentials, Error};
use server::{CannedResponse, RecordedRequest, TestServer};

fn client(server: &TestServer) -> Client {
    Client::builder().base_url(server.url()).credentials(Credentials::api_key("test_key")).build().expect("client")
}

fn pairs(bytes: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(bytes).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

fn expected(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

async fn create(request: &CreateSubscriptionRequest) -> RecordedRequest {
    let server = TestServer::start(vec![CannedResponse::json(200, r#"{"id": "sub_1"}"#)]);
    client(&server).create_subscription(request).await.expect("200");
    server.requests().remove(0)
}

#[tokio::test]
async fn multi_value_groups_are_sent_entry_by_entry() {
    let sent = create(&CreateSubscriptionRequest {
        plan_id: Some("pro".into()),
        addons: Some(vec![
            Addon { id: Some("extra-seat".into()), quantity: Some(2) },
            Addon { id: Some("support".into()), quantity: None },
            Addon { id: Some("sso".into()), quantity: Some(1) },
        ]),
        event_based_addons: Some(vec![CreateSubscriptionRequestEventBasedAddon {
            id: Some("setup".into()),
            on_event: Some(CreateSubscriptionRequestEventBasedAddonsOnEvent::SubscriptionCreation),
            charge_once: Some(true),
        }]),
        ..Default::default()
    })
    .await;
    assert_eq!(
        pairs(&sent.body),
        expected(&[
            ("plan_id", "pro"),
            ("addons[id][0]", "extra-seat"),
            ("addons[quantity][0]", "2"),
            ("addons[id][1]", "support"),
            ("addons[id][2]", "sso"),
            ("addons[quantity][2]", "1"),
            ("event_based_addons[id][0]", "setup"),
            ("event_based_addons[on_event][0]", "subscription_creation"),
            ("event_based_addons[charge_once][0]", "true"),
        ])
    );
    assert_eq!(
        String::from_utf8(sent.body.clone()).expect("ascii"),
        "plan_id=pro&addons%5Bid%5D%5B0%5D=extra-seat&addons%5Bquantity%5D%5B0%5D=2&addons%5Bid%5D%5B1%5D=support\
         &addons%5Bid%5D%5B2%5D=sso&addons%5Bquantity%5D%5B2%5D=1&event_based_addons%5Bid%5D%5B0%5D=setup\
         &event_based_addons%5Bon_event%5D%5B0%5D=subscription_creation&event_based_addons%5Bcharge_once%5D%5B0%5D=true"
    );
}

#[tokio::test]
async fn each_entry_is_validated() {
    let server = TestServer::start(vec![]);
    let request = CreateSubscriptionRequest {
        addons: Some(vec![Addon { id: Some("a".into()), quantity: Some(1) }, Addon { id: Some("b".into()), quantity: Some(0) }]),
        ..Default::default()
    };
    match client(&server).create_subscription(&request).await.unwrap_err() {
        Error::Validation(error) => {
            assert_eq!(error.field, "addons[quantity][1]");
            assert_eq!(error.to_string(), "`addons[quantity][1]` is below the minimum 1 (0)");
        }
        other => panic!("{other:?}"),
    }
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn lists_are_indexed_meta_data_is_json_and_custom_fields_are_text() {
    let sent = create(&CreateSubscriptionRequest {
        coupon_ids: Some(vec!["SAVE10".into(), "VIP".into()]),
        meta_data: Some(serde_json::json!({"tier": "gold"})),
        customer: Some(CreateSubscriptionRequestCustomer {
            email: Some("ada@example.com".into()),
            first_name: None,
            additional_properties: [("cf_sales_channel".to_owned(), serde_json::json!("partner"))].into(),
        }),
        notes: Some(vec![
            CreateSubscriptionRequestNote { entity_type: Some("plan".into()), note: Some("a".into()) },
            CreateSubscriptionRequestNote { entity_type: Some("addon".into()), note: Some("b".into()) },
        ]),
        ..Default::default()
    })
    .await;
    assert_eq!(
        pairs(&sent.body),
        expected(&[
            ("coupon_ids[0]", "SAVE10"),
            ("coupon_ids[1]", "VIP"),
            ("meta_data", r#"{"tier":"gold"}"#),
            ("customer[email]", "ada@example.com"),
            ("customer[cf_sales_channel]", "partner"),
            ("notes[entity_type][0]", "plan"),
            ("notes[note][0]", "a"),
            ("notes[entity_type][1]", "addon"),
            ("notes[note][1]", "b"),
        ])
    );
}

#[tokio::test]
async fn query_groups_are_entries_too() {
    let server = TestServer::start(vec![CannedResponse::json(200, r#"{"id": "est_1"}"#)]);
    let request = CreateSubscriptionEstimateRequest {
        addons: Some(vec![Addon { id: Some("extra-seat".into()), quantity: Some(3) }, Addon { id: Some("support".into()), quantity: None }]),
    };
    client(&server).create_subscription_estimate("cust_1", &request).await.expect("200");
    let sent = &server.requests()[0];
    assert_eq!(
        sent.target,
        "/customers/cust_1/create_subscription_estimate?addons%5Bid%5D%5B0%5D=extra-seat&addons%5Bquantity%5D%5B0%5D=3\
         &addons%5Bid%5D%5B1%5D=support"
    );
    assert_eq!(sent.header("content-type"), None);
}
