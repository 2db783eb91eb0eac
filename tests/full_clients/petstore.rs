//! The Swagger Petstore for OpenAPI 3 (`../shared/specs/petstore3.yaml`, as published), on the
//! client apiforge generates from it (with `[types] unknown-fields = "keep"`,
//! `tests/fixtures/petstore.toml`), against a server on 127.0.0.1: JSON
//! bodies (the spec also offers XML and forms), the `application/octet-stream` image upload,
//! and its two security schemes (an `api_key` header and OAuth2, whose token the caller
//! brings).
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use petstore::pet::{AddPetRequest, FindPetsByStatusRequest, UploadFileRequest};
use petstore::types::Status;
use petstore::{Client, Credentials, Upload};
use server::{CannedResponse, TestServer};

const PET: &str = r#"{"id": 10, "name": "doggie", "photoUrls": ["a.png"], "status": "available"}"#;

fn client(server: &TestServer, credentials: Credentials) -> Client {
    Client::builder().base_url(server.url()).credentials(credentials).build().expect("client")
}

/// With `unknown-fields = "keep"`, what the server sends beyond the spec is kept and sent back
/// as it came: decoding and re-encoding loses nothing.
#[tokio::test]
async fn properties_the_spec_does_not_declare_are_kept_and_re_encoded() {
    let received = r#"{"id": 10, "name": "doggie", "photoUrls": ["a.png"], "status": "available", "microchip": {"id": "985", "vendor": null}, "vaccinated": true, "category": {"id": 1, "name": "Dogs", "icon": "dog.svg"}}"#;
    let server = TestServer::start(vec![CannedResponse::json(200, received)]);
    let client = client(&server, Credentials::api_key("key"));
    let pet = client.get_pet_by_id("10").await.expect("200").into_body();
    assert_eq!(pet.extra["vaccinated"], serde_json::json!(true));
    assert_eq!(pet.extra["microchip"], serde_json::json!({"id": "985", "vendor": null}));
    let category = pet.category.as_ref().expect("category");
    assert_eq!(category.extra["icon"], serde_json::json!("dog.svg"));
    let sent_back = serde_json::to_value(&pet).expect("encodes");
    let as_received: serde_json::Value = serde_json::from_str(received).expect("json");
    assert_eq!(sent_back, as_received);
}

#[tokio::test]
async fn json_bodies_with_an_oauth2_token() {
    let server = TestServer::start(vec![CannedResponse::json(200, PET), CannedResponse::json(200, &format!("[{PET}]"))]);
    let client = client(&server, Credentials::bearer("token-1"));
    let request = AddPetRequest { status: Some(Status::Available), ..AddPetRequest::new("doggie", vec!["a.png".into()]) };
    let pet = client.add_pet(&request).await.expect("200");
    assert_eq!((pet.id, pet.name.as_str()), (Some(10), "doggie"));
    let pets = client.find_pets_by_status(&FindPetsByStatusRequest { status: Some(Status::Sold) }).await.expect("200");
    assert_eq!(pets.len(), 1);

    let sent = server.requests();
    assert_eq!((sent[0].method.as_str(), sent[0].target.as_str()), ("POST", "/pet"));
    assert_eq!(sent[0].header("content-type"), Some("application/json"));
    assert_eq!(sent[0].header("authorization"), Some("Bearer token-1"));
    assert_eq!(sent[0].body, br#"{"name":"doggie","photoUrls":["a.png"],"status":"available"}"#);
    assert_eq!(sent[1].target, "/pet/findByStatus?status=sold");
}

#[tokio::test]
async fn the_api_key_header_and_an_octet_stream_upload() {
    let server = TestServer::start(vec![
        CannedResponse::json(200, PET),
        CannedResponse::json(200, r#"{"available": 3, "sold": 1}"#),
        CannedResponse::json(200, r#"{"code": 200, "type": "ok", "message": "stored"}"#),
    ]);
    // Both schemes given: each operation sends the first alternative it accepts.
    let client = client(&server, Credentials::api_key("key-1").and(Credentials::bearer("token-1")));
    let pet = client.get_pet_by_id("10").await.expect("200");
    assert_eq!(pet.status, Some(Status::Available));
    let inventory = client.get_inventory().await.expect("200");
    assert_eq!(inventory.get("available"), Some(&3));
    let image = vec![0x89, b'P', b'N', b'G', 0, 255];
    let request = UploadFileRequest {
        additional_metadata: Some("front view".into()),
        body: Some(Upload::new(image.clone()).content_type("image/png")),
    };
    let stored = client.upload_file("10", &request).await.expect("200");
    assert_eq!(stored.message.as_deref(), Some("stored"));

    let sent = server.requests();
    assert_eq!(sent[0].target, "/pet/10");
    assert_eq!(sent[0].header("api_key"), Some("key-1"));
    assert_eq!(sent[0].header("authorization"), None);
    assert_eq!(sent[1].header("api_key"), Some("key-1"));
    assert_eq!(sent[2].target, "/pet/10/uploadImage?additionalMetadata=front+view");
    assert_eq!(sent[2].header("authorization"), Some("Bearer token-1"));
    assert_eq!(sent[2].header("content-type"), Some("image/png"));
    assert_eq!(sent[2].body, image);
}
