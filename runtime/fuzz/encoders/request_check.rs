//! The check of a whole request built through `Call`, sent to the loopback server and
//! decoded from the server's side.

use std::collections::BTreeMap;
use std::convert::Infallible;

use apiforge_runtime::runtime::Form;
use apiforge_runtime::Error;
use percent_encoding::percent_decode_str;
use reqwest::Method;
use serde_json::Value;

use super::inputs::{Body, Request, HEADER_NAMES};
use super::value_checks::{check_header_value, check_path, parse_form};
use super::Fuzzer;

/// The longest URL hyper can send (`http::Uri`'s limit).
const URI_MAX_LENGTH: usize = 65_534;

impl Fuzzer {
    /// The whole request through `Call`, sent, and decoded from the server's side.
    pub(super) fn check_request(&self, request: &Request) -> Result<(), String> {
        let mut path = "/r".to_owned();
        let mut segments = Vec::new();
        for value in &request.segments {
            if let Some(segment) = check_path(value)? {
                path.push('/');
                path.push_str(&segment);
                segments.push(value);
            }
        }
        let method = match request.body {
            Body::None => Method::GET,
            Body::Form(_) | Body::Json(_) => Method::POST,
        };
        let mut call = self.client.call(method.clone(), &path);

        let mut query = Form::new();
        let mut query_pairs = Vec::new();
        for (key, value, through_form) in &request.query {
            if *through_form {
                call.query_form().append(key, value);
            } else {
                call.query(key, value);
            }
            query.append(key, value);
            query_pairs.push((key.clone(), value.clone()));
        }
        let query = query.finish();

        // Header names to the value the server must read (a later value replaces an earlier
        // one; a refused value leaves what was there).
        let mut headers: BTreeMap<&str, &str> = BTreeMap::new();
        for (name, value) in &request.headers {
            let expected = check_header_value(name, value)?;
            let outcome = call.header(name, value);
            ensure!(
                outcome.as_ref().err() == expected.as_ref().err(),
                "Call::header gives {outcome:?}, header_value {expected:?}"
            );
            if outcome.is_ok() {
                headers.insert(name, value);
            }
        }
        if let Some(key) = &request.idempotency_key {
            let expected = check_header_value("idempotency-key", key)?;
            let outcome = call.idempotency_key("idempotency-key", Some(key));
            ensure!(
                outcome.as_ref().err() == expected.as_ref().err(),
                "Call::idempotency_key gives {outcome:?}, header_value {expected:?}"
            );
            if outcome.is_ok() {
                headers.insert("idempotency-key", key);
            }
        }

        let mut cookies: BTreeMap<&str, &str> = BTreeMap::new();
        for (name, value) in &request.cookies {
            call.cookie(name, value);
            cookies.insert(name, value);
        }

        match &request.body {
            Body::None => {}
            Body::Form(pairs) => {
                let mut form = Form::new();
                for (key, value) in pairs {
                    form.append(key, value);
                }
                call.form(form);
            }
            Body::Json(tree) => call
                .json("application/json", tree)
                .map_err(|e| format!("Call::json: {e}"))?,
        }

        // `http::Uri`, which hyper sends, holds at most 65534 bytes: a longer URL must be an
        // error, never a request cut short.
        let mut url_length = self.server.url().len() + path.len();
        if !query.is_empty() {
            url_length += 1 + query.len();
        }
        let outcome = self.runtime.block_on(call.send::<Infallible>());
        if url_length > URI_MAX_LENGTH {
            ensure!(
                matches!(outcome, Err(Error::Transport(_) | Error::InvalidRequest(_))),
                "a URL of {url_length} bytes gives {outcome:?}"
            );
            return Ok(());
        }
        let sent = outcome.map_err(|e| format!("not sent: {e:?}"))?;
        ensure!(sent.status() == 200, "status {}", sent.status());
        let recorded = self.server.next_request();

        ensure!(
            recorded.method == method.as_str(),
            "method {}",
            recorded.method
        );
        ensure!(
            recorded.path() == path,
            "path {:?}, not {path:?}",
            recorded.path()
        );
        let decoded: Vec<Vec<u8>> = recorded.path()["/r".len()..]
            .split('/')
            .skip(1)
            .map(|s| percent_decode_str(s).collect())
            .collect();
        let expected: Vec<&[u8]> = segments.iter().map(|s| s.as_bytes()).collect();
        ensure!(decoded == expected, "the path decodes to {decoded:?}");

        match recorded.query() {
            None => ensure!(query_pairs.is_empty(), "no query was sent"),
            Some(sent) => {
                ensure!(sent == query, "query {sent:?}, not {query:?}");
                let decoded = parse_form(sent.as_bytes());
                ensure!(decoded == query_pairs, "the query decodes to {decoded:?}");
            }
        }

        for name in HEADER_NAMES {
            let raw = recorded.raw_values(name);
            match headers.get(name) {
                None => ensure!(raw.is_empty(), "`{name}` was sent: {raw:?}"),
                // hyper writes `name: value`: the value follows the one space, as it was.
                Some(value) => ensure!(
                    raw == [[b" ", value.as_bytes()].concat()],
                    "`{name}` was sent as {raw:?}, not {value:?}"
                ),
            }
        }

        let cookie_lines = recorded.raw_values("cookie");
        if cookies.is_empty() {
            ensure!(
                cookie_lines.is_empty(),
                "cookies were sent: {cookie_lines:?}"
            );
        } else {
            let header = recorded.field_value("cookie").unwrap_or_default();
            let header = String::from_utf8_lossy(header);
            let mut decoded = Vec::new();
            for pair in header.split("; ") {
                let (name, value) = pair
                    .split_once('=')
                    .ok_or_else(|| format!("cookie {pair:?} has no `=`"))?;
                ensure!(
                    value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
                    "cookie value {value:?} carries a separator"
                );
                decoded.push((
                    name.to_owned(),
                    percent_decode_str(value).collect::<Vec<u8>>(),
                ));
            }
            let expected: Vec<(String, Vec<u8>)> = cookies
                .iter()
                .map(|(name, value)| ((*name).to_owned(), value.as_bytes().to_vec()))
                .collect();
            ensure!(decoded == expected, "the cookies decode to {decoded:?}");
        }

        let content_type = recorded.field_value("content-type");
        match &request.body {
            Body::None => ensure!(recorded.body.is_empty(), "a body was sent"),
            Body::Form(pairs) => {
                ensure!(
                    content_type == Some(b"application/x-www-form-urlencoded"),
                    "content type {content_type:?}"
                );
                let decoded = parse_form(&recorded.body);
                ensure!(&decoded == pairs, "the form body decodes to {decoded:?}");
            }
            Body::Json(tree) => {
                ensure!(
                    content_type == Some(b"application/json"),
                    "content type {content_type:?}"
                );
                let decoded: Value = serde_json::from_slice(&recorded.body)
                    .map_err(|e| format!("the JSON body does not parse: {e}"))?;
                ensure!(
                    decoded == tree.to_value(),
                    "the JSON body decodes to {decoded}"
                );
            }
        }
        Ok(())
    }
}
