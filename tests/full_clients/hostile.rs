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

/// Fields named like the locals and helpers of a struct's written-out decoder (`map`, `key`,
/// `field`, `required`, `skip`) decode into their own fields and encode back as received.
#[test]
fn fields_named_like_the_decoder_s_own_names_round_trip() {
    use hostile::types::Plumbing;
    let json = serde_json::json!({
        "map": "m", "key": "k", "key_value": 3, "field": true, "required": 1.5,
        "skip": [1, 2.5], "value": null, "counts": {"a": 1}
    });
    let plumbing: Plumbing = serde_json::from_value(json.clone()).expect("decodes");
    assert_eq!(plumbing.map.as_deref(), Some("m"));
    assert_eq!(plumbing.key, "k");
    assert_eq!(plumbing.key_value, 3);
    assert_eq!(plumbing.field, Some(true));
    assert_eq!(plumbing.required, Some(1.5));
    assert_eq!(plumbing.skip, Some(vec![1.0, 2.5]));
    assert!(plumbing.value.is_null());
    assert_eq!(serde_json::to_value(&plumbing).expect("encodes"), json);

    let missing = serde_json::from_str::<Plumbing>(r#"{"key": "k"}"#).unwrap_err();
    assert_eq!(missing.to_string(), "missing field `key_value` at line 1 column 12");
    let twice = serde_json::from_str::<Plumbing>(r#"{"key": "k", "key": "l"}"#).unwrap_err();
    assert_eq!(twice.to_string(), "duplicate field `key` at line 1 column 18");
    let array = serde_json::from_str::<Plumbing>(r#"["k", 1]"#).unwrap_err();
    assert!(array.to_string().starts_with("invalid type: sequence, expected struct Plumbing"));
}
