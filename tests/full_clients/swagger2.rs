//! Wire tests of the client generated from `tests/fixtures/swagger2.yaml`, a Swagger 2.0
//! document: each 2.0 construct arrives as 2.0 says it is sent. `collectionFormat` csv (2.0's
//! default, not 3.0's repeated keys), multi, pipes and ssv in the query and csv in a header;
//! an `in: body` parameter as JSON; `in: formData` as a URL-encoded form (multi: repeated
//! keys) and, with a `type: file`, as multipart; `securityDefinitions` (apiKey, basic, OAuth2
//! as a bearer token); a `responses` component with a typed error body; `x-nullable`.
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use server::{CannedResponse, TestServer};
use swagger2::pets::{AddPetRequest, AdoptPetRequest, ListPetsRequest, UploadPhotoRequest};
use swagger2::types::Kind;
use swagger2::{Client, Credentials, Error, GetPetError, Nullable, Upload};

fn client(server: &TestServer) -> Client {
    let credentials = Credentials::api_key("k-123")
        .and(Credentials::basic("ann", "secret"))
        .and(Credentials::bearer("tok"));
    Client::builder().base_url(server.url()).credentials(credentials).build().expect("client")
}

#[tokio::test]
async fn query_and_header_lists_follow_their_collection_format() {
    let body = r#"[{"id": 1, "name": "Rex", "kind": "dog", "nickname": null}]"#;
    let server = TestServer::start(vec![CannedResponse::json(200, body).header("X-Total", "1")]);
    let request = ListPetsRequest {
        limit: Some(5),
        tags: Some(vec!["old".into(), "calm".into()]),
        kinds: Some(vec![Kind::Cat, Kind::Dog]),
        colors: Some(vec!["red".into(), "blue".into()]),
        names: Some(vec!["a".into(), "b".into()]),
        q: Some(String::new()),
        x_request_ids: Some(vec!["r1".into(), "r2".into()]),
    };
    let pets = client(&server).list_pets(&request).await.expect("200");
    assert_eq!(pets.headers().get("x-total").map(|v| v.as_bytes()), Some(&b"1"[..]));
    let pets = pets.into_body();
    assert_eq!(pets[0].name, "Rex");
    assert_eq!(pets[0].nickname, Nullable::Null);
    let sent = server.requests().remove(0);
    // csv (the default) joins with commas; multi repeats the key; pipes and ssv join.
    assert_eq!(
        sent.target,
        "/pets?limit=5&tags=old,calm&kinds=cat&kinds=dog&colors=red|blue&names=a%20b&q="
    );
    assert_eq!(sent.header("x-request-ids"), Some("r1,r2"));
    assert_eq!(sent.header("x-api-key"), Some("k-123"));
}

#[tokio::test]
async fn a_body_parameter_is_sent_as_json_with_the_oauth_token() {
    let server = TestServer::start(vec![CannedResponse::json(201, r#"{"id": 2, "name": "Tom", "kind": "cat"}"#)]);
    let request = AddPetRequest {
        id: 2,
        name: "Tom".into(),
        kind: "cat".into(),
        nickname: Nullable::Null,
    };
    let pet = client(&server).add_pet(&request).await.expect("201").into_body();
    assert_eq!(pet.nickname, Nullable::Absent);
    let sent = server.requests().remove(0);
    assert_eq!(sent.header("content-type"), Some("application/json"));
    assert_eq!(sent.header("authorization"), Some("Bearer tok"));
    let json: serde_json::Value = serde_json::from_slice(&sent.body).expect("json");
    assert_eq!(json, serde_json::json!({"id": 2, "name": "Tom", "kind": "cat", "nickname": null}));
}

#[tokio::test]
async fn a_shared_error_response_is_typed() {
    let server = TestServer::start(vec![CannedResponse::json(404, r#"{"message": "no pet 9"}"#)]);
    match client(&server).get_pet("9").await {
        Err(Error::Api(error)) => {
            // The 404 of the `responses` component, the one error the operation documents.
            let GetPetError::NotFound(problem) = error.body;
            assert_eq!(problem.message, "no pet 9");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(server.requests()[0].target, "/pets/9");
}

#[tokio::test]
async fn basic_auth_where_the_operation_asks_for_it() {
    let server = TestServer::start(vec![CannedResponse::with_type(204, "text/plain", "")]);
    client(&server).delete_pet("3").await.expect("204");
    // "ann:secret" in base64.
    assert_eq!(server.requests()[0].header("authorization"), Some("Basic YW5uOnNlY3JldA=="));
}

#[tokio::test]
async fn form_data_is_a_url_encoded_form_with_multi_fields_repeated() {
    let server = TestServer::start(vec![CannedResponse::with_type(204, "text/plain", "")]);
    let request = AdoptPetRequest {
        adopter: "Ann Lee".into(),
        visits: Some(vec![
            chrono::NaiveDate::from_ymd_opt(2026, 1, 2).expect("date"),
            chrono::NaiveDate::from_ymd_opt(2026, 2, 3).expect("date"),
        ]),
    };
    client(&server).adopt_pet("3", &request).await.expect("204");
    let sent = server.requests().remove(0);
    assert_eq!(sent.header("content-type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(String::from_utf8(sent.body).expect("ascii"), "adopter=Ann+Lee&visits=2026-01-02&visits=2026-02-03");
}

#[tokio::test]
async fn a_file_field_makes_the_form_multipart() {
    let server = TestServer::start(vec![CannedResponse::with_type(200, "text/plain", "/photos/3.png")]);
    let request = UploadPhotoRequest {
        caption: Some("asleep".into()),
        photo: Upload::new(b"\x89PNG".to_vec()).file_name("rex.png"),
    };
    let location = client(&server).upload_photo("3", &request).await.expect("200").into_body();
    assert_eq!(location, "/photos/3.png");
    let sent = server.requests().remove(0);
    let content_type = sent.header("content-type").expect("a content type");
    assert!(content_type.starts_with("multipart/form-data; boundary="), "{content_type}");
    let body = String::from_utf8_lossy(&sent.body);
    assert!(body.contains("Content-Disposition: form-data; name=\"caption\"\r\n\r\nasleep\r\n"), "{body}");
    assert!(body.contains("Content-Disposition: form-data; name=\"photo\"; filename=\"rex.png\""), "{body}");
}
