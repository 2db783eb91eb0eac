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
use std::fmt;
use std::panic::{self, AssertUnwindSafe};

use apiforge_runtime::{Client, ClientBuilder, RetryPolicy};
use fastrand::Rng;

use crate::wire::Server;
use inputs::Input;
use value_checks::{check_base64, check_form, check_path};

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

// Declared after `ensure!`, which they use: a `macro_rules!` macro is in scope only below its
// definition.
mod inputs;
mod request_check;
mod value_checks;

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
