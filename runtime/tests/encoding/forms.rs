//! Query strings and form bodies: reserved and non-ASCII characters round-trip, pairs arrive
//! as appended.

use apiforge_runtime::runtime::Form;
use reqwest::Method;

use crate::common::{
    client_of, every_ascii_character, every_kind_of_character, form_pairs, owned_pairs, sent,
};
use crate::wire::Server;

/// Keys and values with every character that means something in a query or a form.
fn hostile_pairs() -> Vec<(String, String)> {
    let mut pairs = owned_pairs(&[
        ("comment", "a b&c=d+e%20f%zz"),
        ("filter[status][in][0]", "paid"),
        ("filter[status][in][1]", "[not_paid]"),
        ("&", "="),
        ("=", "&"),
        ("+", "%2B"),
        ("a=b&c", "d=e&f"),
        ("", ""),
        ("", "no key"),
        ("no value", ""),
        ("#fragment", "?query"),
        ("path/..", "/../"),
        ("émoji 😀", "naïve \u{2028} \u{fffd}"),
        ("nul\0", "\r\n\t"),
        ("dup", "1"),
        ("dup", "2"),
    ]);
    pairs.push(("ascii".to_owned(), every_ascii_character()));
    pairs.push((every_kind_of_character(), every_kind_of_character()));
    pairs
}

#[test]
fn forms_round_trip_reserved_and_non_ascii_characters() {
    let pairs = hostile_pairs();
    let mut form = Form::new();
    for (key, value) in &pairs {
        form.append(key, value);
    }
    let text = form.finish();
    assert!(
        text.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"*-._+%=&".contains(&b)),
        "{text}"
    );
    assert_eq!(form_pairs(text.as_bytes()), pairs);
}

#[tokio::test]
async fn query_strings_reach_the_server_as_appended() {
    let server = Server::start();
    let client = client_of(&server);
    let pairs = hostile_pairs();
    let mut call = client.call(Method::GET, "/invoices");
    for (key, value) in &pairs[..4] {
        call.query(key, value);
    }
    // What deepObject parameters and generated `append_form` write to.
    for (key, value) in &pairs[4..] {
        call.query_form().append(key, value);
    }
    let request = sent(&server, call).await;
    assert_eq!(request.path(), "/invoices");
    let query = request.query().expect("a query string");
    assert_eq!(form_pairs(query.as_bytes()), pairs);
}

#[tokio::test]
async fn form_bodies_reach_the_server_as_appended() {
    let server = Server::start();
    let client = client_of(&server);
    let pairs = hostile_pairs();
    let mut form = Form::new();
    for (key, value) in &pairs {
        form.append(key, value);
    }
    let mut call = client.call(Method::POST, "/invoices");
    call.form(form);
    let request = sent(&server, call).await;
    assert_eq!(
        request.field_value("content-type"),
        Some(&b"application/x-www-form-urlencoded"[..])
    );
    assert_eq!(request.query(), None);
    assert_eq!(form_pairs(&request.body), pairs);
}

#[tokio::test]
async fn an_empty_form_is_an_empty_body_and_no_query() {
    let server = Server::start();
    let client = client_of(&server);
    let mut call = client.call(Method::POST, "/x");
    call.form(Form::new());
    let request = sent(&server, call).await;
    assert_eq!(request.target, "/x");
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn deep_bracket_keys_and_long_arrays_round_trip() {
    let server = Server::start();
    let client = client_of(&server);
    // What nested `append_form` calls write: `{prefix}[field]{suffix}`, the index last.
    let mut key = "subscription".to_owned();
    for depth in 0..200 {
        key = format!("{key}[f{depth}]");
    }
    let mut pairs = vec![(format!("{key}[0]"), "deep".to_owned())];
    pairs.extend((0..5000).map(|index| (format!("item_ids[{index}]"), format!("id & {index}"))));
    let mut form = Form::new();
    for (key, value) in &pairs {
        form.append(key, value);
    }
    let mut call = client.call(Method::POST, "/x");
    call.form(form);
    let request = sent(&server, call).await;
    assert_eq!(form_pairs(&request.body), pairs);
}
