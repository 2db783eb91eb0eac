//! Cookies: values are percent-encoded, so they cannot add cookies or attributes, and every
//! character round-trips.

use apiforge_runtime::runtime::{Location, ParamValue};
use apiforge_runtime::{ClientBuilder, RetryPolicy};
use reqwest::Method;

use crate::common::{
    client_of, every_ascii_character, every_kind_of_character, percent_decoded, sent,
};
use crate::wire::{Recorded, Server};

/// The `name=value` pairs of the one `Cookie` header, values percent-decoded.
fn cookies(request: &Recorded) -> Vec<(String, Vec<u8>)> {
    let header = request.field_value("cookie").expect("a cookie header");
    let header = std::str::from_utf8(header).expect("an ASCII cookie header");
    header
        .split("; ")
        .map(|pair| {
            let (name, value) = pair.split_once('=').expect("name=value");
            assert!(
                value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
                "{value:?} needs no quoting and has no separator"
            );
            (name.to_owned(), percent_decoded(value))
        })
        .collect()
}

#[tokio::test]
async fn cookie_values_cannot_add_cookies_or_attributes() {
    let server = Server::start();
    let client = client_of(&server);
    let mut call = client.call(Method::GET, "/x");
    call.cookie("session", "a; b=c");
    call.cookie("theme", "dark; Path=/; HttpOnly, admin=1");
    let request = sent(&server, call).await;
    assert_eq!(
        cookies(&request),
        [
            ("session".to_owned(), b"a; b=c".to_vec()),
            (
                "theme".to_owned(),
                b"dark; Path=/; HttpOnly, admin=1".to_vec()
            ),
        ]
    );
}

#[tokio::test]
async fn cookie_values_of_every_character_round_trip() {
    let server = Server::start();
    let client = client_of(&server);
    for value in [
        every_ascii_character(),
        every_kind_of_character(),
        "\r\nx-injected: 1".to_owned(),
        String::new(),
        "\"quoted\"".to_owned(),
    ] {
        let mut call = client.call(Method::GET, "/x");
        call.cookie("session", &value);
        let request = sent(&server, call).await;
        assert_eq!(
            cookies(&request),
            [("session".to_owned(), value.as_bytes().to_vec())]
        );
    }
}

#[tokio::test]
async fn common_cookie_parameters_are_encoded_too() {
    let server = Server::start();
    let client = ClientBuilder::default()
        .base_url(server.url())
        .retry(RetryPolicy::none())
        .params(vec![ParamValue {
            location: Location::Cookie,
            name: "site",
            value: "eu; admin=1".to_owned(),
        }])
        .build()
        .unwrap();
    let mut call = client.call(Method::GET, "/x");
    call.common(&["site"]).unwrap();
    let request = sent(&server, call).await;
    assert_eq!(
        cookies(&request),
        [("site".to_owned(), b"eu; admin=1".to_vec())]
    );
}
