//! Byte-exact wire tests of every form and query encoding rule, on the client generated from
//! `tests/fixtures/form_rules.yaml` (an OpenAPI 3.1 document without vendor extensions).
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use form_rules::things::CreateThingRequest;
use form_rules::types::{Address, CreateThingRequestAddon, CreateThingRequestKind, CreateThingRequestSettings, Status, StatusIs};
use form_rules::webhooks::{parse_webhook, WebhookEvent};
use form_rules::{Client, Credentials};
use server::{CannedResponse, TestServer};

fn client(server: &TestServer) -> Client {
    Client::builder().base_url(server.url()).credentials(Credentials::basic("user", "secret")).build().expect("client")
}

async fn send(request: &CreateThingRequest) -> server::RecordedRequest {
    let server = TestServer::start(vec![CannedResponse::json(200, r#"{"id": "t1", "parent": {"id": "t0"}}"#)]);
    let thing = client(&server).create_thing(request).await.expect("200");
    assert_eq!(thing.into_body().parent.map(|p| p.id).as_deref(), Some("t0"));
    server.requests().remove(0)
}

fn body(request: &server::RecordedRequest) -> String {
    String::from_utf8(request.body.clone()).expect("ascii")
}

#[tokio::test]
async fn required_plain_fields_only() {
    let sent = send(&CreateThingRequest { name: "Widget & Co".into(), ..Default::default() }).await;
    assert_eq!(sent.target, "/things");
    assert_eq!(body(&sent), "name=Widget+%26+Co");
    assert_eq!(sent.header("authorization"), Some("Basic dXNlcjpzZWNyZXQ="));
}

#[tokio::test]
async fn booleans_timestamps_numbers_consts_and_nulls() {
    let sent = send(&CreateThingRequest {
        name: "w".into(),
        nickname: Some("W".into()),
        active: Some(false),
        starts_at: Some(1_735_689_600),
        kind: Some(CreateThingRequestKind::Gadget),
        ratio: Some(0.5),
        ..Default::default()
    })
    .await;
    assert_eq!(body(&sent), "name=w&nickname=W&active=false&starts_at=1735689600&kind=gadget&ratio=0.5");
}

#[tokio::test]
async fn nested_objects_use_brackets() {
    let sent = send(&CreateThingRequest {
        name: "w".into(),
        address: Some(Address { city: Some("Berlin".into()), zip: Some("10115".into()), lines: Some(vec!["Main St 1".into()]) }),
        ..Default::default()
    })
    .await;
    // address[city]=Berlin&address[zip]=10115&address[lines][0]=Main St 1
    assert_eq!(body(&sent), "name=w&address%5Bcity%5D=Berlin&address%5Bzip%5D=10115&address%5Blines%5D%5B0%5D=Main+St+1");
}

#[tokio::test]
async fn arrays_of_plain_values_are_indexed() {
    let sent = send(&CreateThingRequest { name: "w".into(), coupon_ids: Some(vec!["SAVE10".into(), "VIP".into()]), ..Default::default() }).await;
    // coupon_ids[0]=SAVE10&coupon_ids[1]=VIP
    assert_eq!(body(&sent), "name=w&coupon_ids%5B0%5D=SAVE10&coupon_ids%5B1%5D=VIP");
}

#[tokio::test]
async fn arrays_of_objects_put_the_index_last() {
    let sent = send(&CreateThingRequest {
        name: "w".into(),
        addons: Some(vec![
            CreateThingRequestAddon { id: Some("a1".into()), quantity: Some(2) },
            CreateThingRequestAddon { id: Some("a2".into()), quantity: None },
        ]),
        ..Default::default()
    })
    .await;
    // addons[id][0]=a1&addons[quantity][0]=2&addons[id][1]=a2
    assert_eq!(body(&sent), "name=w&addons%5Bid%5D%5B0%5D=a1&addons%5Bquantity%5D%5B0%5D=2&addons%5Bid%5D%5B1%5D=a2");
}

#[tokio::test]
async fn untyped_objects_and_json_encoded_fields_are_one_json_string() {
    let sent = send(&CreateThingRequest {
        name: "w".into(),
        meta_data: Some(serde_json::json!({"k": "v"})),
        settings: Some(CreateThingRequestSettings { theme: Some("dark".into()) }),
        ..Default::default()
    })
    .await;
    // meta_data={"k":"v"}&settings={"theme":"dark"}
    assert_eq!(body(&sent), "name=w&meta_data=%7B%22k%22%3A%22v%22%7D&settings=%7B%22theme%22%3A%22dark%22%7D");
}

#[tokio::test]
async fn query_parameters_follow_their_style() {
    let sent = send(&CreateThingRequest {
        name: "w".into(),
        status: Some(Status { is: Some(StatusIs::Active), in_: Some(vec!["a".into(), "b".into()]) }),
        tags: Some(vec!["x y".into(), "z".into()]),
        ids: Some(vec![1, 2]),
        ..Default::default()
    })
    .await;
    // status[is]=active&status[in][0]=a&status[in][1]=b (deepObject), tags=x y&tags=z
    // (form, exploded), ids=1,2 (form, not exploded)
    assert_eq!(
        sent.target,
        "/things?status%5Bis%5D=active&status%5Bin%5D%5B0%5D=a&status%5Bin%5D%5B1%5D=b&tags=x+y&tags=z&ids=1%2C2"
    );
}

#[test]
fn webhooks_of_a_3_1_document_parse() {
    match parse_webhook(br#"{"event_type": "thing_created", "thing": {"id": "t9"}}"#).expect("valid") {
        WebhookEvent::ThingCreated(event) => assert_eq!(event.thing.id, "t9"),
        other => panic!("{other:?}"),
    }
}
