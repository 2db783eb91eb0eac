//! The client generated from `tests/fixtures/hostile.yaml`: keywords, digits, empty and
//! colliding names, std-shadowing schemas, escaping text, recursion, several success and error
//! responses. That it compiles clippy-clean with its doctests passing is most of the test;
//! this checks that what it sends and decodes is still right.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use hostile::type_::{GetTypeSelfRequest, GetTypeSelfSuccess};
use hostile::types::Mode;
use hostile::{Client, Error, RetryPolicy};
use server::{CannedResponse, TestServer};

fn client(server: &TestServer) -> Client {
    Client::builder().base_url(server.url()).retry(RetryPolicy::none()).build().expect("client")
}

#[tokio::test]
async fn hostile_names_still_send_their_wire_names() {
    let server = TestServer::start(vec![CannedResponse::json(204, "")]);
    let request = GetTypeSelfRequest {
        type_: Some("a".into()),
        type_2: Some("b".into()),
        async_: Some(1),
        n_1st: Some(true),
        value: Some("empty name".into()),
        mode: Some(Mode::QuoteD),
        ..Default::default()
    };
    let response = client(&server).get_type_self("../x", &request).await;
    assert!(matches!(response.map(|r| r.into_body()), Ok(GetTypeSelfSuccess::NoContent)));
    let sent = &server.requests()[0];
    assert_eq!(sent.target, "/type/..%2Fx?type=a&Type=b&async=1&1st=true&=empty+name&mode=quote%22d");
}

#[tokio::test]
async fn several_success_bodies_decode_into_their_variant() {
    let server = TestServer::start(vec![
        CannedResponse::json(200, r#"{"self": "me", "children": [{"self": "kid"}], "parent": {"self": "mum"}}"#),
        CannedResponse::json(201, r#"{"ok": true, "next": {"some": "x"}}"#),
        CannedResponse::json(404, r#"{"message": "gone"}"#),
        CannedResponse::with_type(599, "text/plain", "odd"),
    ]);
    let client = client(&server);
    let request = GetTypeSelfRequest::default();
    match client.get_type_self("a", &request).await.expect("200").into_body() {
        GetTypeSelfSuccess::Ok(me) => {
            assert_eq!(me.self_.as_deref(), Some("me"));
            assert_eq!(me.parent.and_then(|p| p.self_).as_deref(), Some("mum"));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(client.get_type_self("a", &request).await.expect("201").into_body(), GetTypeSelfSuccess::Created(r) if r.ok == Some(true)));
    assert!(matches!(client.get_type_self("a", &request).await, Err(Error::Api(e)) if e.status == 404));
    assert!(matches!(client.get_type_self("a", &request).await, Err(Error::Api(e)) if e.status == 599));
}

#[test]
fn enum_values_with_quotes_and_line_breaks_round_trip() {
    for value in ["all-disabled", "1", "a b", "A", "a", "", "quote\"d", "line\r\nbreak", "panic!(\"boom\")"] {
        let mode: Mode = serde_json::from_value(serde_json::json!(value)).expect("known value");
        assert_eq!(mode.as_str(), value);
        assert_eq!(serde_json::to_value(mode).expect("serializes"), serde_json::json!(value));
    }
}
