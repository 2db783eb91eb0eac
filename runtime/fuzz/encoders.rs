//! The cases of the runtime fuzzer (issue #14, item 7), shared by the `fuzz-runtime` binary
//! (`fuzz/main.rs`, run for a time budget in CI) and `tests/fuzz_runtime.rs` (a fixed seed,
//! run by `cargo test`).
//!
//! Each case is drawn from its own seed: random request values (strings of every byte and
//! every kind of character, values a header cannot carry, deeply nested bracket keys, arrays
//! of thousands of entries, JSON trees with and without unencodable maps) go through one
//! encoder of the runtime, and what it writes is decoded again:
//!
//! - `path`: `runtime::path_segment` refuses exactly `""`, `.` and `..` (naming the
//!   parameter); anything else becomes one segment, without `/`, `?` or `#`, that the URL
//!   parser keeps as it is and that percent-decodes to the input;
//! - `header`, `default header`: `runtime::header_value`, `Call::header` and
//!   `Client::with_header` accept exactly tab and printable ASCII, giving a `HeaderValue`
//!   equal to the input, and otherwise refuse naming the header;
//! - `form`: `form_urlencoded::parse` of what `Form::append` wrote gives back exactly the
//!   pairs appended, in order, and the URL parser keeps it as a query;
//! - `base64`: decodes back;
//! - `json`: `runtime::json`, `runtime::json_value` and `Call::json` succeed exactly when the
//!   value has no map with non-string keys, giving JSON that parses back to the value, and
//!   otherwise fail naming the field;
//! - `request` (one case in 16): a whole request built through `Call` (path segments, query
//!   entries, headers, an idempotency key, cookies, a form or JSON body) is sent to a loopback
//!   server (`wire.rs`), and what reqwest and hyper wrote decodes back to those values
//!   (header values are compared as written, not as a server reads them: see the
//!   surrounding-whitespace bug in `tests/encoding/bugs_found.rs`); a URL longer than hyper
//!   can send (65534 bytes) must fail instead.
//!
//! Any panic is a failure too.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};

use apiforge_runtime::runtime::{self, Form};
use apiforge_runtime::{Client, ClientBuilder, Error, InvalidRequest, RetryPolicy};
use base64::Engine as _;
use fastrand::Rng;
use percent_encoding::percent_decode_str;
use reqwest::header::HeaderName;
use reqwest::{Method, Url};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::wire::Server;

/// The kinds of cases, as counted in a [`Summary`].
pub const KINDS: [&str; 7] = [
    "path",
    "header",
    "default header",
    "form",
    "base64",
    "json",
    "request",
];

/// Strings that mean something to one encoder or another.
const HOSTILE: &[&str] = &[
    "",
    ".",
    "..",
    "...",
    "%",
    "%2e",
    "%2E%2e",
    "%zz",
    "%%",
    "+",
    "&",
    "=",
    "a=b&c=d",
    "[",
    "]",
    "[0]",
    "a[b][c]",
    "a; b=c",
    "; Path=/; HttpOnly",
    ",",
    "\"",
    "\\",
    "/",
    "?",
    "#",
    " ",
    "\t",
    "\r\n",
    "\n",
    "\r",
    "\0",
    "\u{7f}",
    "\u{80}",
    "\u{ff}",
    "é",
    "\u{2028}",
    "\u{feff}",
    "\u{fffd}",
    "\u{10ffff}",
    "😀",
    "x-injected: 1\r\n",
    "null",
    "`",
    "{}",
];

/// The longest URL hyper can send (`http::Uri`'s limit).
const URI_MAX_LENGTH: usize = 65_534;

/// Header names a generated operation may use (lowercase, as `Call::header` needs them).
const HEADER_NAMES: [&str; 3] = ["x-trace-id", "x-request-tag", "idempotency-key"];
/// Cookie names a generated operation may use.
const COOKIE_NAMES: [&str; 3] = ["session", "site", "theme"];

/// A random string: hostile pieces, every ASCII byte, printable ASCII (what a header can
/// carry), every kind of character, lossily decoded random bytes, and now and then a long
/// one.
fn text(rng: &mut Rng) -> String {
    match rng.u32(..100) {
        99 => (0..rng.usize(1000..20_000))
            .map(|_| any_char(rng))
            .collect(),
        _ => short_text(rng),
    }
}

/// Like [`text`], never long.
fn short_text(rng: &mut Rng) -> String {
    match rng.u32(..99) {
        0..=14 => HOSTILE[rng.usize(..HOSTILE.len())].to_owned(),
        15..=29 => (0..rng.usize(1..6))
            .map(|_| HOSTILE[rng.usize(..HOSTILE.len())])
            .collect(),
        30..=49 => (0..rng.usize(0..24))
            .map(|_| char::from(rng.u8(..0x80)))
            .collect(),
        50..=69 => (0..rng.usize(0..24))
            .map(|_| match rng.u8(..20) {
                0 => '\t',
                _ => rng.char(' '..='~'),
            })
            .collect(),
        70..=84 => (0..rng.usize(0..16)).map(|_| any_char(rng)).collect(),
        85..=91 => {
            let bytes: Vec<u8> = (0..rng.usize(0..24)).map(|_| rng.u8(..)).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        _ => any_char(rng).to_string(),
    }
}

/// A character of any UTF-8 length.
fn any_char(rng: &mut Rng) -> char {
    match rng.u8(..4) {
        0 => char::from(rng.u8(..0x80)),
        1 => rng.char('\u{80}'..='\u{7ff}'),
        2 => rng.char('\u{800}'..='\u{ffff}'),
        _ => rng.char(..),
    }
}

/// A form key: plain, or the bracket notation nested `append_form` calls write
/// (`{prefix}[field]{suffix}`, list indexes last), now and then hundreds of levels deep.
fn key(rng: &mut Rng) -> String {
    if rng.bool() {
        return text(rng);
    }
    let depth = match rng.u8(..50) {
        0 => rng.usize(100..2000),
        _ => rng.usize(1..6),
    };
    nested_key(rng, depth)
}

/// A key `depth` brackets deep, its fields short.
fn nested_key(rng: &mut Rng, depth: usize) -> String {
    let (mut prefix, mut suffix) = (short_text(rng), String::new());
    for _ in 0..depth {
        if rng.u8(..4) == 0 {
            suffix = format!("[{}]{suffix}", rng.usize(..100));
        }
        let field = if rng.bool() {
            format!("f{}", rng.u8(..))
        } else {
            short_text(rng)
        };
        prefix = format!("{prefix}[{field}]");
    }
    format!("{prefix}{suffix}")
}

/// Form or query pairs: a few, or now and then an array of thousands.
fn pairs(rng: &mut Rng) -> Vec<(String, String)> {
    if rng.u8(..100) == 0 {
        let depth = rng.usize(0..4);
        let name = nested_key(rng, depth);
        return (0..rng.usize(1000..20_000))
            .map(|index| {
                let value = if rng.bool() {
                    index.to_string()
                } else {
                    short_text(rng)
                };
                (format!("{name}[{index}]"), value)
            })
            .collect();
    }
    (0..rng.usize(0..8))
        .map(|_| (key(rng), text(rng)))
        .collect()
}

/// A JSON value as a generated struct would serialize it; `BytesKeyed` is a map whose keys
/// are not strings, which serde_json cannot encode (unless it is empty).
#[derive(Debug, Clone)]
enum Tree {
    Null,
    Bool(bool),
    Int(i64),
    Text(String),
    List(Vec<Tree>),
    Object(Vec<(String, Tree)>),
    BytesKeyed(Vec<(Vec<u8>, Tree)>),
}

impl Tree {
    /// At most `depth` levels (serde_json reads 128 at most) and `budget` nodes.
    fn generate(rng: &mut Rng, depth: u32, budget: &mut u32, unencodable: bool) -> Tree {
        *budget = budget.saturating_sub(1);
        let leaf = depth == 0 || *budget == 0;
        match rng.u8(..if leaf { 4 } else { 8 }) {
            0 => Tree::Null,
            1 => Tree::Bool(rng.bool()),
            2 => Tree::Int(rng.i64(..)),
            3 => Tree::Text(text(rng)),
            4 | 5 => Tree::List(
                (0..rng.usize(0..6))
                    .map(|_| Tree::generate(rng, depth - 1, budget, unencodable))
                    .collect(),
            ),
            6 if unencodable && rng.u8(..4) == 0 => Tree::BytesKeyed(
                (0..rng.usize(0..3))
                    .map(|_| {
                        let key = text(rng).into_bytes();
                        (key, Tree::generate(rng, depth - 1, budget, unencodable))
                    })
                    .collect(),
            ),
            _ => Tree::Object(
                (0..rng.usize(0..6))
                    .map(|_| {
                        (
                            text(rng),
                            Tree::generate(rng, depth - 1, budget, unencodable),
                        )
                    })
                    .collect(),
            ),
        }
    }

    /// Whether serde_json can encode it: no non-empty `BytesKeyed` anywhere.
    fn encodable(&self) -> bool {
        match self {
            Tree::Null | Tree::Bool(_) | Tree::Int(_) | Tree::Text(_) => true,
            Tree::List(items) => items.iter().all(Tree::encodable),
            Tree::Object(members) => members.iter().all(|(_, v)| v.encodable()),
            Tree::BytesKeyed(members) => members.is_empty(),
        }
    }

    /// The JSON value of an encodable tree (a repeated key keeps its last value, as serde_json
    /// reads it).
    fn to_value(&self) -> Value {
        match self {
            Tree::Null => Value::Null,
            Tree::Bool(b) => Value::Bool(*b),
            Tree::Int(i) => Value::from(*i),
            Tree::Text(t) => Value::String(t.clone()),
            Tree::List(items) => items.iter().map(Tree::to_value).collect(),
            Tree::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value()))
                    .collect(),
            ),
            Tree::BytesKeyed(_) => Value::Object(serde_json::Map::new()),
        }
    }
}

impl Serialize for Tree {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Tree::Null => serializer.serialize_unit(),
            Tree::Bool(b) => serializer.serialize_bool(*b),
            Tree::Int(i) => serializer.serialize_i64(*i),
            Tree::Text(t) => serializer.serialize_str(t),
            Tree::List(items) => serializer.collect_seq(items),
            Tree::Object(members) => serializer.collect_map(members.iter().map(|(k, v)| (k, v))),
            Tree::BytesKeyed(members) => {
                serializer.collect_map(members.iter().map(|(k, v)| (k, v)))
            }
        }
    }
}

/// What is sent as a request's body.
#[derive(Debug)]
enum Body {
    None,
    Form(Vec<(String, String)>),
    Json(Tree),
}

/// A whole request, built through `Call`.
#[derive(Debug)]
struct Request {
    /// Path parameter values (refused ones are left out of the path).
    segments: Vec<String>,
    /// Query entries, and whether each goes through `Call::query` or `Call::query_form`.
    query: Vec<(String, String, bool)>,
    headers: Vec<(&'static str, String)>,
    idempotency_key: Option<String>,
    cookies: Vec<(&'static str, String)>,
    body: Body,
}

/// The input of one case.
#[derive(Debug)]
enum Input {
    Path(String),
    Header(&'static str, String),
    DefaultHeader(String, String),
    Form(Vec<(String, String)>),
    Base64(String),
    Json(String, Tree),
    Request(Request),
}

impl Input {
    fn generate(rng: &mut Rng) -> Input {
        if rng.u32(..16) == 0 {
            return Input::Request(Request::generate(rng));
        }
        match rng.u8(..6) {
            0 => Input::Path(text(rng)),
            1 => Input::Header(HEADER_NAMES[rng.usize(..3)], text(rng)),
            2 => {
                let name = if rng.bool() {
                    text(rng)
                } else {
                    HEADER_NAMES[rng.usize(..3)].to_ascii_uppercase()
                };
                Input::DefaultHeader(name, text(rng))
            }
            3 => Input::Form(pairs(rng)),
            4 => Input::Base64(text(rng)),
            _ => {
                let (depth, mut budget, unencodable) =
                    (rng.u32(1..24), rng.u32(1..400), rng.bool());
                let tree = Tree::generate(rng, depth, &mut budget, unencodable);
                Input::Json(key(rng), tree)
            }
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Input::Path(_) => KINDS[0],
            Input::Header(..) => KINDS[1],
            Input::DefaultHeader(..) => KINDS[2],
            Input::Form(_) => KINDS[3],
            Input::Base64(_) => KINDS[4],
            Input::Json(..) => KINDS[5],
            Input::Request(_) => KINDS[6],
        }
    }
}

impl Request {
    fn generate(rng: &mut Rng) -> Request {
        let entries = |rng: &mut Rng, names: &[&'static str; 3]| {
            (0..rng.usize(0..4))
                .map(|_| (names[rng.usize(..3)], text(rng)))
                .collect()
        };
        Request {
            segments: (0..rng.usize(0..4)).map(|_| text(rng)).collect(),
            query: pairs(rng)
                .into_iter()
                .map(|(k, v)| (k, v, rng.bool()))
                .collect(),
            headers: entries(rng, &HEADER_NAMES),
            idempotency_key: rng.bool().then(|| text(rng)),
            cookies: entries(rng, &COOKIE_NAMES),
            body: match rng.u8(..3) {
                0 => Body::None,
                1 => Body::Form(pairs(rng)),
                _ => Body::Json(Tree::generate(rng, 8, &mut 100, false)),
            },
        }
    }
}

/// A case that failed: its seed reproduces it.
#[derive(Debug)]
pub struct Failure {
    /// The case's seed (`fuzz-runtime --case <seed>` runs it alone).
    pub seed: u64,
    /// The input, as `Debug` shows it (cut if very long).
    pub input: String,
    /// What went wrong.
    pub problem: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "case {seed} failed: {problem}\n  input: {input}\n  rerun it alone: \
             cargo run --release -p apiforge-runtime --bin fuzz-runtime -- --case {seed}",
            seed = self.seed,
            problem = self.problem,
            input = self.input,
        )
    }
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Cases run.
    pub cases: u64,
    /// Cases run, by kind (see [`KINDS`]).
    pub kinds: BTreeMap<&'static str, u64>,
}

/// Fails the case with a message unless `condition` holds.
macro_rules! ensure {
    ($condition:expr, $($message:tt)+) => {
        if !$condition {
            return Err(format!($($message)+));
        }
    };
}

/// Runs the cases: a client for values refused before sending, and the loopback server with
/// its client and an async runtime, for the cases that send a request.
pub struct Fuzzer {
    offline: Client,
    server: Server,
    client: Client,
    runtime: tokio::runtime::Runtime,
}

impl Default for Fuzzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Fuzzer {
    /// Starts the loopback server.
    pub fn new() -> Fuzzer {
        let server = Server::start();
        let client = ClientBuilder::default()
            .base_url(server.url())
            .retry(RetryPolicy::none())
            .auto_idempotency_keys(false)
            .build()
            .expect("a client of the loopback server");
        Fuzzer {
            offline: ClientBuilder::default()
                .base_url("http://127.0.0.1:1")
                .build()
                .expect("a client"),
            server,
            client,
            // reqwest needs tokio's reactor; the `rt` and `net` features come with reqwest
            // (through hyper-util), so this builds without a dependency of its own.
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime"),
        }
    }

    /// Runs cases with seeds drawn from `seed` while `more(cases run so far)` says so; stops
    /// at the first failure.
    pub fn campaign(
        &self,
        seed: u64,
        mut more: impl FnMut(u64) -> bool,
    ) -> Result<Summary, Failure> {
        let mut seeds = Rng::with_seed(seed);
        let mut summary = Summary::default();
        while more(summary.cases) {
            let kind = self.run(seeds.u64(..))?;
            summary.cases += 1;
            *summary.kinds.entry(kind).or_insert(0) += 1;
        }
        Ok(summary)
    }

    /// Runs the case of `seed`, returning its kind.
    pub fn run(&self, seed: u64) -> Result<&'static str, Failure> {
        let input = Input::generate(&mut Rng::with_seed(seed));
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| self.check(&input)));
        let problem = match outcome {
            Ok(Ok(())) => return Ok(input.kind()),
            Ok(Err(problem)) => problem,
            Err(payload) => {
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                format!("panicked: {message}")
            }
        };
        Err(Failure {
            seed,
            input: shortened(format!("{input:?}")),
            problem: shortened(problem),
        })
    }

    fn check(&self, input: &Input) -> Result<(), String> {
        match input {
            Input::Path(value) => check_path(value).map(drop),
            Input::Header(name, value) => self.check_header(name, value),
            Input::DefaultHeader(name, value) => self.check_default_header(name, value),
            Input::Form(pairs) => check_form(pairs),
            Input::Base64(value) => check_base64(value),
            Input::Json(field, tree) => self.check_json(field, tree),
            Input::Request(request) => self.check_request(request),
        }
    }

    fn check_header(&self, name: &'static str, value: &str) -> Result<(), String> {
        let expected = check_header_value(name, value)?;
        let mut call = self.offline.call(Method::GET, "/x");
        let outcome = call.header(name, value);
        ensure!(
            outcome.as_ref().err() == expected.as_ref().err(),
            "Call::header gives {outcome:?}, header_value {expected:?}"
        );
        Ok(())
    }

    fn check_default_header(&self, name: &str, value: &str) -> Result<(), String> {
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

    fn check_json(&self, field: &str, tree: &Tree) -> Result<(), String> {
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

    /// The whole request through `Call`, sent, and decoded from the server's side.
    fn check_request(&self, request: &Request) -> Result<(), String> {
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

/// `text`, cut after 4000 bytes.
fn shortened(text: String) -> String {
    const MAX: usize = 4000;
    if text.len() <= MAX {
        return text;
    }
    let cut = (0..=MAX)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    format!("{} ... ({} bytes in all)", &text[..cut], text.len())
}

/// The pairs `form_urlencoded::parse` reads.
fn parse_form(text: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(text).into_owned().collect()
}

/// Checks `runtime::path_segment` on `value`: the segment, or `None` if rightly refused.
fn check_path(value: &str) -> Result<Option<String>, String> {
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
fn check_header_value(name: &str, value: &str) -> Result<Result<(), InvalidRequest>, String> {
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
fn check_form(pairs: &[(String, String)]) -> Result<(), String> {
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
fn check_base64(value: &str) -> Result<(), String> {
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
