//! The checks of the encoders of single values: path segments, header values (through
//! `Call::header` and `Client::with_header` too), forms, Base64 and JSON.

use apiforge_runtime::runtime::{self, Form};
use apiforge_runtime::InvalidRequest;
use base64::Engine as _;
use percent_encoding::percent_decode_str;
use reqwest::header::HeaderName;
use reqwest::{Method, Url};
use serde_json::Value;

use super::inputs::Tree;
use super::Fuzzer;

impl Fuzzer {
    pub(super) fn check_header(&self, name: &'static str, value: &str) -> Result<(), String> {
        let expected = check_header_value(name, value)?;
        let mut call = self.offline.call(Method::GET, "/x");
        let outcome = call.header(name, value);
        ensure!(
            outcome.as_ref().err() == expected.as_ref().err(),
            "Call::header gives {outcome:?}, header_value {expected:?}"
        );
        Ok(())
    }

    pub(super) fn check_default_header(&self, name: &str, value: &str) -> Result<(), String> {
        let outcome = self.offline.with_header(name, value).map(drop);
        if HeaderName::from_bytes(name.as_bytes()).is_err() {
            ensure!(
                outcome
                    == Err(InvalidRequest(format!(
                        "`{name}` is not a valid header name"
                    ))),
                "with_header({name:?}) gives {outcome:?}"
            );
            return Ok(());
        }
        let expected = runtime::header_value(name, value).map(drop);
        ensure!(
            outcome == expected,
            "with_header gives {outcome:?}, header_value {expected:?}"
        );
        Ok(())
    }

    pub(super) fn check_json(&self, field: &str, tree: &Tree) -> Result<(), String> {
        let text = runtime::json(field, tree);
        let value = runtime::json_value(field, tree);
        let mut call = self.offline.call(Method::POST, "/x");
        let body = call.json("application/json", tree);
        if !tree.encodable() {
            let named = format!("`{field}` cannot be encoded as JSON: ");
            for outcome in [text.map(drop), value.map(drop)] {
                ensure!(
                    matches!(&outcome, Err(e) if e.0.starts_with(&named)),
                    "expected an error naming the field, got {outcome:?}"
                );
            }
            ensure!(
                matches!(&body, Err(e) if e.0.starts_with("the request body cannot be encoded as JSON: ")),
                "Call::json gives {body:?}"
            );
            return Ok(());
        }
        let expected = tree.to_value();
        let text = text.map_err(|e| format!("runtime::json: {e}"))?;
        let parsed: Value =
            serde_json::from_str(&text).map_err(|e| format!("{text:?} does not parse: {e}"))?;
        ensure!(parsed == expected, "runtime::json wrote {text}");
        let value = value.map_err(|e| format!("runtime::json_value: {e}"))?;
        ensure!(value == expected, "runtime::json_value gives {value}");
        ensure!(body.is_ok(), "Call::json gives {body:?}");
        // A form field holding JSON text.
        let mut form = Form::new();
        form.append(field, &text);
        let decoded = parse_form(form.finish().as_bytes());
        ensure!(
            decoded == [(field.to_owned(), text.clone())],
            "the JSON form field decodes to {decoded:?}"
        );
        Ok(())
    }
}

/// The pairs `form_urlencoded::parse` reads.
pub(super) fn parse_form(text: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(text).into_owned().collect()
}

/// Checks `runtime::path_segment` on `value`: the segment, or `None` if rightly refused.
pub(super) fn check_path(value: &str) -> Result<Option<String>, String> {
    let refused = matches!(value, "" | "." | "..");
    match runtime::path_segment("id", value) {
        Err(error) => {
            ensure!(refused, "refused: {error}");
            ensure!(
                error.0 == "path parameter `id` must not be empty, `.` or `..`",
                "the error does not name the parameter: {error}"
            );
            Ok(None)
        }
        Ok(segment) => {
            ensure!(!refused, "not refused: {segment:?}");
            ensure!(
                !segment.contains(['/', '?', '#']),
                "{segment:?} is not one segment"
            );
            ensure!(
                segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
                "{segment:?} has characters a URL may rewrite"
            );
            let decoded: Vec<u8> = percent_decode_str(&segment).collect();
            ensure!(
                decoded == value.as_bytes(),
                "{segment:?} decodes to {:?}",
                String::from_utf8_lossy(&decoded)
            );
            let url = Url::parse(&format!("http://h/a/{segment}/b"))
                .map_err(|e| format!("{segment:?} breaks the URL: {e}"))?;
            ensure!(
                url.path() == format!("/a/{segment}/b"),
                "the URL parser turns {segment:?} into {}",
                url.path()
            );
            Ok(Some(segment))
        }
    }
}

/// Checks `runtime::header_value`: accepted exactly when HTTP can carry the value (tabs and
/// printable ASCII), as a sensitive `HeaderValue` equal to it; otherwise refused naming the
/// header. Returns its outcome.
pub(super) fn check_header_value(
    name: &str,
    value: &str,
) -> Result<Result<(), InvalidRequest>, String> {
    // What a server reads back unchanged: printable ASCII and tabs, with no whitespace at
    // either end (servers strip it, RFC 9110 §5.5).
    let carriable = value.chars().all(|c| c == '\t' || (' '..='~').contains(&c))
        && !value.starts_with([' ', '\t'])
        && !value.ends_with([' ', '\t']);
    match runtime::header_value(name, value) {
        Ok(header) => {
            ensure!(carriable, "{value:?} was accepted");
            ensure!(
                header.as_bytes() == value.as_bytes() && header.to_str().ok() == Some(value),
                "the header value is {header:?}"
            );
            ensure!(header.is_sensitive(), "not marked sensitive");
            Ok(Ok(()))
        }
        Err(error) => {
            ensure!(!carriable, "{value:?} was refused: {error}");
            ensure!(
                error.0.starts_with(&format!("header `{name}` ")),
                "the error does not name the header: {error}"
            );
            Ok(Err(error))
        }
    }
}

/// Checks `Form::append` and the query string it makes: parsing gives the pairs back.
pub(super) fn check_form(pairs: &[(String, String)]) -> Result<(), String> {
    let mut form = Form::new();
    for (key, value) in pairs {
        form.append(key, value);
    }
    ensure!(
        form.is_empty() == pairs.is_empty(),
        "is_empty() is {}",
        form.is_empty()
    );
    let text = form.finish();
    ensure!(
        text.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"*-._+%=&".contains(&b)),
        "{text:?} has characters a URL may rewrite"
    );
    let decoded = parse_form(text.as_bytes());
    ensure!(decoded == pairs, "{text:?} decodes to {decoded:?}");
    if !text.is_empty() {
        let url = Url::parse(&format!("http://h/x?{text}"))
            .map_err(|e| format!("{text:?} breaks the URL: {e}"))?;
        ensure!(
            url.query() == Some(text.as_str()),
            "the URL parser turns the query into {:?}",
            url.query()
        );
    }
    Ok(())
}

/// Checks `runtime::base64`: the standard alphabet, padded, decoding to the UTF-8 bytes.
pub(super) fn check_base64(value: &str) -> Result<(), String> {
    let encoded = runtime::base64(value);
    ensure!(
        encoded.len() == value.len().div_ceil(3) * 4,
        "{encoded:?} has the wrong length"
    );
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(&encoded)
        .map_err(|e| format!("{encoded:?} does not decode: {e}"))?;
    ensure!(
        decoded == value.as_bytes(),
        "{encoded:?} decodes to {decoded:?}"
    );
    Ok(())
}
