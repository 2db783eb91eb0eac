//! Header values: refused when HTTP cannot carry them (line breaks, control and non-ASCII
//! characters), naming the header, wherever they come from; otherwise sent unchanged.

use apiforge_runtime::runtime::{self, Location, ParamValue};
use apiforge_runtime::ClientBuilder;
use reqwest::Method;

use crate::common::{as_operation_error, client_of, offline, sent};
use crate::wire::Server;

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
