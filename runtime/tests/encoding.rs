//! No silent data loss (issue #14, item 2): every value a generated operation puts into a
//! request either reaches the server exactly (decoding what was sent gives back the value), or
//! is refused before sending with an error naming the field. One group of tests per encoder:
//! path segments, header values, cookies, query strings, form bodies, JSON members and JSON
//! text, Base64.
//!
//! Refusals are checked on the encoder (`runtime::path_segment`, `Call::header`, ...), since
//! a refused request never reaches `send`. What is accepted is sent through `Call` to a
//! loopback server (`fuzz/wire.rs`) that records the bytes reqwest and hyper wrote.

#[allow(dead_code)]
#[path = "../fuzz/wire.rs"]
mod wire;

use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;

use apiforge_runtime::runtime::{self, Call, Form, Location, ParamValue};
use apiforge_runtime::{
    BuildError, Client, ClientBuilder, Credentials, Error, InvalidRequest, RetryPolicy,
};
use base64::Engine as _;
use percent_encoding::percent_decode_str;
use reqwest::Method;
use serde_json::{json, Value};
use wire::{Recorded, Server};

/// A client that could never connect: for values refused before sending.
fn offline() -> Client {
    ClientBuilder::default()
        .base_url("http://127.0.0.1:1")
        .build()
        .expect("client")
}

/// A client of the loopback server, without retries (a failure shows at once).
fn client_of(server: &Server) -> Client {
    ClientBuilder::default()
        .base_url(server.url())
        .retry(RetryPolicy::none())
        .build()
        .expect("client")
}

/// Sends `call` and returns what the server read.
async fn sent(server: &Server, call: Call<'_>) -> Recorded {
    let answer = call.send::<()>().await.expect("the call is sent");
    assert_eq!(answer.status(), 200);
    server.next_request()
}

/// Every character from U+0000 to U+007F.
fn every_ascii_character() -> String {
    (0u8..=0x7f).map(char::from).collect()
}

/// A sample of every kind of character: all of ASCII, Latin-1, the edges of the planes,
/// the replacement character, an emoji, a line separator, and code points every 997 steps.
fn every_kind_of_character() -> String {
    let mut text = every_ascii_character();
    text.extend((0x80u32..=0xff).filter_map(char::from_u32));
    text.extend(
        (0x100u32..=0x10_ffff)
            .step_by(997)
            .filter_map(char::from_u32),
    );
    text.extend([
        '\u{2028}',
        '\u{fffd}',
        '\u{feff}',
        '\u{ffff}',
        '\u{10ffff}',
        '😀',
    ]);
    text
}

/// The percent-decoded bytes of `text`.
fn percent_decoded(text: &str) -> Vec<u8> {
    percent_decode_str(text).collect()
}

/// The pairs `form_urlencoded::parse` reads from `text`, in order.
fn form_pairs(text: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(text).into_owned().collect()
}

fn owned_pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// What a generated operation does with an encoder's error: `?` into `Error<E>`.
fn as_operation_error(error: InvalidRequest) -> String {
    let error: Error<Infallible> = error.into();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    error.to_string()
}

// ---------------------------------------------------------------------------------------
// Path segments

#[test]
fn path_segments_refuse_empty_dot_and_dot_dot_naming_the_parameter() {
    for value in ["", ".", ".."] {
        let error = runtime::path_segment("customer_id", value).unwrap_err();
        assert_eq!(
            error.0, "path parameter `customer_id` must not be empty, `.` or `..`",
            "{value:?}"
        );
        assert_eq!(
            as_operation_error(error),
            "the request was not sent: path parameter `customer_id` must not be empty, `.` or `..`"
        );
    }
}

/// Asserts that `value` is encoded as one segment that decodes back to it.
fn assert_one_segment(value: &str) {
    let segment = runtime::path_segment("id", value).unwrap_or_else(|e| panic!("{value:?}: {e}"));
    assert!(
        segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
        "{value:?} -> {segment:?}"
    );
    assert!(
        !segment.contains(['/', '?', '#']),
        "{value:?} -> {segment:?}"
    );
    assert_eq!(percent_decoded(&segment), value.as_bytes(), "{segment:?}");
    // The URL parser reqwest uses keeps it as it is: no dot-segment resolution, no
    // re-encoding.
    let url = reqwest::Url::parse(&format!("http://h/a/{segment}/b")).expect("a URL");
    assert_eq!(url.path(), format!("/a/{segment}/b"), "{value:?}");
}

#[test]
fn path_segments_of_every_ascii_character_decode_back_and_stay_one_segment() {
    for c in every_ascii_character().chars() {
        if c != '.' {
            assert_one_segment(&c.to_string());
        }
        assert_one_segment(&format!("a{c}b"));
        assert_one_segment(&format!("{c}{c}{c}"));
    }
    assert_one_segment(&every_ascii_character());
}

#[test]
fn path_segments_encode_non_ascii_as_utf8() {
    for c in every_kind_of_character().chars().filter(|c| !c.is_ascii()) {
        assert_one_segment(&format!("{c}"));
    }
    assert_eq!(runtime::path_segment("id", "é").unwrap(), "%C3%A9");
    assert_one_segment(&every_kind_of_character());
}

#[tokio::test]
async fn path_segments_that_look_like_dot_segments_reach_the_server_unchanged() {
    let server = Server::start();
    let client = client_of(&server);
    for value in [
        "...", ".a", "a.", "%2e", "%2E%2e", ".%2E", "%2F", "a/../b", "?x=1", "#top", " ", "+",
    ] {
        let segment = runtime::path_segment("id", value).unwrap();
        let path = format!("/files/{segment}/content");
        let request = sent(&server, client.call(Method::GET, &path)).await;
        assert_eq!(request.target, path, "{value:?}");
        let segments: Vec<&str> = request.path().split('/').collect();
        assert_eq!(segments.len(), 4, "{value:?} -> {}", request.target);
        assert_eq!(percent_decoded(segments[2]), value.as_bytes());
    }
}

// ---------------------------------------------------------------------------------------
// Header values

/// Asserts that `Call::header` refuses `value` with `message`, naming the header.
fn assert_header_refused(value: &str, message: &str) {
    let client = offline();
    let mut call = client.call(Method::GET, "/x");
    let error = call.header("x-trace-id", value).unwrap_err();
    assert_eq!(
        error.0,
        format!("header `x-trace-id` {message}"),
        "{value:?}"
    );
    assert_eq!(
        runtime::header_value("x-trace-id", value).unwrap_err(),
        error
    );
    assert_eq!(
        as_operation_error(error),
        format!("the request was not sent: header `x-trace-id` {message}")
    );
}

#[test]
fn header_values_refuse_line_breaks() {
    for value in [
        "a\r\nx-injected: 1",
        "a\nx-injected: 1",
        "a\rb",
        "\r\n",
        "end\n",
    ] {
        assert_header_refused(value, "contains a line break");
    }
}

#[test]
fn header_values_refuse_every_other_control_character() {
    for c in (0u8..0x20).chain([0x7f]).map(char::from) {
        if c == '\t' || c == '\r' || c == '\n' {
            continue;
        }
        for value in [c.to_string(), format!("a{c}b"), format!("ab{c}")] {
            assert_header_refused(&value, "contains a control or non-ASCII character");
        }
    }
}

#[test]
fn header_values_refuse_non_ascii() {
    for value in [
        "café",
        "\u{80}",
        "\u{ff}",
        "\u{fffd}",
        "😀",
        "a\u{2028}b",
        "\u{feff}key",
    ] {
        assert_header_refused(value, "contains a control or non-ASCII character");
    }
}

#[tokio::test]
async fn header_values_of_printable_ascii_and_tabs_reach_the_server_unchanged() {
    let server = Server::start();
    let client = client_of(&server);
    let printable: String = ('!'..='~').collect();
    for value in [
        printable.as_str(),
        "a b\tc",
        "Bearer abc.def+/=",
        "\"quoted\", (comment); x=1",
        "",
    ] {
        let mut call = client.call(Method::GET, "/x");
        call.header("x-trace-id", value).unwrap();
        let request = sent(&server, call).await;
        assert_eq!(
            request.field_value("x-trace-id"),
            Some(value.as_bytes()),
            "{value:?}"
        );
    }
}

#[test]
fn idempotency_keys_that_cannot_be_sent_are_refused_naming_the_header() {
    let client = offline();
    let mut call = client.call(Method::POST, "/x");
    let error = call
        .idempotency_key("chargebee-idempotency-key", Some("key\r\nx-injected: 1"))
        .unwrap_err();
    assert_eq!(
        error.0,
        "header `chargebee-idempotency-key` contains a line break"
    );
    let error = call
        .idempotency_key("chargebee-idempotency-key", Some("clé"))
        .unwrap_err();
    assert!(error.0.starts_with("header `chargebee-idempotency-key` "));
}

#[test]
fn common_header_parameters_that_cannot_be_sent_are_refused_naming_the_header() {
    let client = ClientBuilder::default()
        .base_url("http://127.0.0.1:1")
        .params(vec![ParamValue {
            location: Location::Header,
            name: "x-site",
            value: "eu\nx-injected: 1".to_owned(),
        }])
        .build()
        .unwrap();
    let mut call = client.call(Method::GET, "/x");
    assert_eq!(call.common(&[]), Ok(()), "not documented: not sent");
    assert_eq!(
        call.common(&["x-site"]).unwrap_err().0,
        "header `x-site` contains a line break"
    );
}

#[test]
fn default_headers_that_cannot_be_sent_are_refused_naming_them() {
    let client = offline();
    assert_eq!(
        client.with_header("x-trace-id", "a\nb").unwrap_err().0,
        "header `x-trace-id` contains a line break"
    );
    assert_eq!(
        client.with_header("x-trace-id", "ü").unwrap_err().0,
        "header `x-trace-id` contains a control or non-ASCII character"
    );
    for name in ["", "bad name", "x:y", "x\n", "é"] {
        assert_eq!(
            client.with_header(name, "v").unwrap_err().0,
            format!("`{name}` is not a valid header name")
        );
    }
}

// ---------------------------------------------------------------------------------------
// Cookies

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

// ---------------------------------------------------------------------------------------
// Query strings and form bodies

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

// ---------------------------------------------------------------------------------------
// JSON members, JSON bodies and JSON text in form fields

/// Values serde_json cannot encode: maps whose keys are not strings (nor numbers, chars or
/// booleans, which it turns into strings), at the top or deep inside.
#[derive(Debug, serde::Serialize)]
#[serde(untagged)]
enum Unencodable {
    BytesAsKeys(HashMap<Vec<u8>, &'static str>),
    TuplesAsKeys(TuplesAsKeys),
    DeepInside(BTreeMap<&'static str, Vec<TuplesAsKeys>>),
}

type TuplesAsKeys = BTreeMap<(i32, i32), &'static str>;

fn unencodable() -> Vec<Unencodable> {
    let tuples_as_keys = BTreeMap::from([((1, 2), "v")]);
    vec![
        Unencodable::BytesAsKeys(HashMap::from([(vec![1u8, 2], "v")])),
        Unencodable::TuplesAsKeys(tuples_as_keys.clone()),
        Unencodable::DeepInside(BTreeMap::from([("inner", vec![tuples_as_keys])])),
    ]
}

#[test]
fn json_members_that_cannot_be_encoded_are_refused_naming_the_field() {
    for value in unencodable() {
        assert!(serde_json::to_vec(&value).is_err(), "{value:?}");
        let error = runtime::json_value("meta_data", &value).unwrap_err();
        assert!(
            error
                .0
                .starts_with("`meta_data` cannot be encoded as JSON: "),
            "{value:?}: {error}"
        );
        assert!(
            as_operation_error(error)
                .starts_with("the request was not sent: `meta_data` cannot be encoded as JSON"),
            "{value:?}"
        );
    }
}

#[test]
fn json_text_form_fields_that_cannot_be_encoded_are_refused_naming_the_field() {
    for value in unencodable() {
        let error = runtime::json("subscription[meta_data]", &value).unwrap_err();
        assert!(
            error
                .0
                .starts_with("`subscription[meta_data]` cannot be encoded as JSON: "),
            "{value:?}: {error}"
        );
    }
}

#[test]
fn json_bodies_that_cannot_be_encoded_are_refused() {
    let client = offline();
    for value in unencodable() {
        let mut call = client.call(Method::POST, "/x");
        let error = call.json("application/json", &value).unwrap_err().0;
        assert!(
            error.starts_with("the request body cannot be encoded as JSON: "),
            "{value:?}: {error}"
        );
    }
}

#[test]
fn json_keys_that_serde_json_turns_into_strings_keep_their_value() {
    let mut by_number = BTreeMap::new();
    by_number.insert(-7i64, "a");
    by_number.insert(42, "b");
    assert_eq!(
        runtime::json_value("m", &by_number).unwrap(),
        json!({"-7": "a", "42": "b"})
    );
    let mut by_char = BTreeMap::new();
    by_char.insert('é', 1);
    assert_eq!(runtime::json("m", &by_char).unwrap(), r#"{"é":1}"#);
}

#[tokio::test]
async fn json_bodies_and_json_text_fields_reach_the_server_unchanged() {
    let server = Server::start();
    let client = client_of(&server);
    let text = every_kind_of_character();
    let meta = json!({
        "text": text,
        "ascii": every_ascii_character(),
        "nested": [[{"&=+%": "[]"}], null, true, -0, 12345678901234567i64, u64::MAX],
        "": "",
    });

    let mut body = serde_json::Map::new();
    body.insert(
        "meta_data".to_owned(),
        runtime::json_value("meta_data", &meta).unwrap(),
    );
    body.insert(
        "name".to_owned(),
        runtime::json_value("name", &text).unwrap(),
    );
    let mut call = client.call(Method::POST, "/json");
    call.json("application/merge-patch+json", &body).unwrap();
    let request = sent(&server, call).await;
    assert_eq!(
        request.field_value("content-type"),
        Some(&b"application/merge-patch+json"[..])
    );
    let received: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(received, json!({"meta_data": meta, "name": text}));

    let mut form = Form::new();
    form.append(
        "subscription[meta_data]",
        &runtime::json("subscription[meta_data]", &meta).unwrap(),
    );
    let mut call = client.call(Method::POST, "/form");
    call.form(form);
    let request = sent(&server, call).await;
    let pairs = form_pairs(&request.body);
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0].0, "subscription[meta_data]");
    assert_eq!(serde_json::from_str::<Value>(&pairs[0].1).unwrap(), meta);
}

// ---------------------------------------------------------------------------------------
// Base64

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

// ---------------------------------------------------------------------------------------
// The URL as a whole

/// hyper sends URLs of at most 65534 bytes (`http::Uri`'s limit): a longer one, from a long
/// query value, is an error, never a request cut short.
#[tokio::test]
async fn an_overlong_url_is_an_error_not_a_truncated_request() {
    let client = offline();
    let mut call = client.call(Method::GET, "/x");
    call.query("q", &"a".repeat(70_000));
    let error = call.send::<Infallible>().await.unwrap_err();
    assert!(
        matches!(error, Error::Transport(_) | Error::InvalidRequest(_)),
        "{error:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Runtime bugs found by these tests: each is `#[ignore]`d until `generator/runtime/` is fixed
// (see the report of issue #14, item 2). Run them with `cargo test -p apiforge-runtime
// --test encoding -- --ignored`.

/// BUG: a header value with leading or trailing spaces or tabs is accepted, but RFC 9110
/// §5.5 has every HTTP server strip them: the server reads `padded`, not ` padded `, and
/// nothing tells the caller. Fix: `header_value` refuses such values ("header `x` starts or
/// ends with whitespace, which HTTP drops").
#[tokio::test]
async fn header_values_keep_surrounding_whitespace_or_are_refused() {
    let server = Server::start();
    let client = client_of(&server);
    for value in [" padded ", "\tleading", "trailing ", " "] {
        let mut call = client.call(Method::GET, "/x");
        if call.header("x-trace-id", value).is_err() {
            continue;
        }
        let request = sent(&server, call).await;
        assert_eq!(
            request.field_value("x-trace-id"),
            Some(value.as_bytes()),
            "{value:?} was sent but the server reads something else"
        );
    }
}

/// BUG: serde_json writes NaN and the infinities as `null`, so `runtime::json`,
/// `runtime::json_value` and `Call::json` send `null` for a `number` field holding one, with
/// no error. Fix: refuse non-finite floats, naming the field: serialize through a wrapper
/// `Serializer` whose `serialize_f32`/`serialize_f64` fail on `!is_finite()`, or check the
/// encoded `Value` tree is not `Null` where the input was a float (the wrapper is the robust
/// way, as it sees the floats before they become `null`).
#[test]
fn non_finite_numbers_are_refused_not_sent_as_null() {
    let client = offline();
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let error = runtime::json_value("amount", &value).expect_err("sent as null");
        assert!(error.0.starts_with("`amount` "), "{error}");
        let error = runtime::json("amount", &[1.0, value]).expect_err("sent as [1.0,null]");
        assert!(error.0.starts_with("`amount` "), "{error}");
        let mut call = client.call(Method::POST, "/x");
        assert!(
            call.json("application/json", &json!({"x": 1}))
                .and_then(|()| call.json("application/json", &[value]))
                .is_err(),
            "the body [{value}] is sent as [null]"
        );
    }
}

/// BUG: `check_range` lets NaN through any bounds (every comparison with NaN is false), so a
/// NaN passes the documented minimum and maximum. Fix: `if value.is_nan()` return a
/// `ValidationError` ("is not a number").
#[test]
fn nan_is_outside_every_range() {
    assert!(runtime::check_range("limit", f64::NAN, Some(1.0), Some(100.0)).is_err());
}

/// BUG: a base URL with a query or a fragment is accepted, and every path is then appended
/// after it: with `http://host/api#v1` the path and query of every call land in the
/// fragment, which is never sent, and every call goes to `/api`; with `http://host/api?k=1`
/// they land in the query. Fix: `ClientBuilder::build` refuses a base URL with a query or a
/// fragment (`BuildError::InvalidBaseUrl`, "it must not have a query or a fragment").
#[tokio::test]
async fn a_base_url_with_a_query_or_fragment_is_refused() {
    let server = Server::start();
    for suffix in ["/api#v1", "/api?key=1"] {
        let base = format!("{}{suffix}", server.url());
        match ClientBuilder::default()
            .base_url(&base)
            .retry(RetryPolicy::none())
            .build()
        {
            Err(BuildError::InvalidBaseUrl { .. }) => continue,
            Err(other) => panic!("{base}: {other}"),
            Ok(client) => {
                let mut call = client.call(Method::GET, "/invoices/inv_1");
                call.query("limit", "5");
                let request = sent(&server, call).await;
                assert_eq!(
                    request.target, "/api/invoices/inv_1?limit=5",
                    "base URL {base}"
                );
            }
        }
    }
}

/// A bearer token HTTP cannot carry is refused before sending, not sent altered.
#[tokio::test]
async fn credentials_that_cannot_be_sent_are_refused() {
    for token in ["token\r\nx-injected: 1", "nul\0"] {
        let client = ClientBuilder::default()
            .base_url("http://127.0.0.1:1")
            .retry(RetryPolicy::none())
            .credentials(Credentials::bearer(token))
            .build()
            .unwrap();
        let error = client
            .call(Method::GET, "/x")
            .send::<Infallible>()
            .await
            .unwrap_err();
        assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    }
}

/// BUG: credentials HTTP cannot carry are refused, but the error does not say what is wrong
/// ("the request could not be built: builder error", from reqwest); a bearer token with
/// non-ASCII characters is sent as raw UTF-8 bytes; and a basic-auth user name with a colon
/// is sent, though the server splits `user:password` at the first colon (RFC 7617 §2: a
/// user-id cannot contain one) and reads another user. Fix: check the credentials with
/// `runtime::header_value("authorization", ..)` and refuse a user name containing `:`,
/// either once in `ClientBuilder::build` (`BuildError::InvalidValue`) or when a call
/// places them (`Error::InvalidRequest`), naming them. Either passes this test.
#[ignore = "runtime bug: bad credentials are refused without naming them, or sent altered"]
#[tokio::test]
async fn credentials_that_cannot_be_sent_are_refused_naming_them() {
    let names_them = |message: &str| {
        let message = message.to_ascii_lowercase();
        ["authorization", "credentials", "user name"]
            .iter()
            .any(|word| message.contains(word))
    };
    for credentials in [
        Credentials::bearer("token\r\nx-injected: 1"),
        Credentials::bearer("clé"),
        Credentials::basic("user:name", "password"),
    ] {
        let built = ClientBuilder::default()
            .base_url("http://127.0.0.1:1")
            .retry(RetryPolicy::none())
            .credentials(credentials.clone())
            .build();
        let message = match built {
            Err(BuildError::InvalidValue(error)) => error.0,
            Err(other) => panic!("{credentials:?}: {other}"),
            Ok(client) => match client.call(Method::GET, "/x").send::<Infallible>().await {
                Err(Error::InvalidRequest(error)) => error.0,
                other => panic!("{credentials:?} not refused before sending: {other:?}"),
            },
        };
        assert!(names_them(&message), "{credentials:?}: {message}");
    }
}

/// BUG (minor, no data lost): a URL longer than hyper can send fails as `Error::Transport`
/// ("builder error"), as if the network had failed, rather than `Error::InvalidRequest`
/// saying what is too long. Fix: `Call::send` refuses a URL over 65534 bytes before building
/// the request ("the URL is N bytes long, more than HTTP clients send: 65534"), or
/// `retry::transport_error` maps `error.is_builder()` to `Error::InvalidRequest`.
#[tokio::test]
async fn an_overlong_url_is_an_invalid_request() {
    let client = offline();
    let mut call = client.call(Method::GET, "/x");
    call.query("q", &"a".repeat(70_000));
    let error = call.send::<Infallible>().await.unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
}
