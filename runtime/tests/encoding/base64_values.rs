//! Base64 (`format: byte`): every character round-trips, and `+` and `/` survive a path, a
//! query and a form.

use apiforge_runtime::runtime::{self, Form};
use base64::Engine as _;
use reqwest::Method;

use crate::common::{
    client_of, every_ascii_character, every_kind_of_character, form_pairs, percent_decoded, sent,
};
use crate::wire::Server;

#[test]
fn base64_round_trips_every_character() {
    let standard = base64::engine::general_purpose::STANDARD;
    for value in [
        String::new(),
        "a".to_owned(),
        "ab".to_owned(),
        every_ascii_character(),
        every_kind_of_character(),
    ] {
        let encoded = runtime::base64(&value);
        assert!(
            encoded
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
            "{encoded}"
        );
        assert_eq!(encoded.len(), value.len().div_ceil(3) * 4);
        assert_eq!(standard.decode(&encoded).unwrap(), value.as_bytes());
    }
}

#[tokio::test]
async fn base64_with_plus_and_slash_survives_path_query_and_form() {
    let server = Server::start();
    let client = client_of(&server);
    // Encodes to `+/8/` and `/+/+`-like text: the Base64 characters a query or a path
    // would otherwise misread.
    let value = "\u{fbff}\u{3ff}?\u{7ff}>";
    let encoded = runtime::base64(value);
    assert!(encoded.contains('+') && encoded.contains('/'), "{encoded}");
    let path = format!("/blobs/{}", runtime::path_segment("id", &encoded).unwrap());
    let mut call = client.call(Method::POST, &path);
    call.query("data", &encoded);
    let mut form = Form::new();
    form.append("data", &encoded);
    call.form(form);
    let request = sent(&server, call).await;
    let segment = request.path().strip_prefix("/blobs/").unwrap();
    assert_eq!(percent_decoded(segment), encoded.as_bytes());
    let from_query = form_pairs(request.query().unwrap().as_bytes());
    let from_body = form_pairs(&request.body);
    for pairs in [from_query, from_body] {
        assert_eq!(pairs, [("data".to_owned(), encoded.clone())]);
    }
}
