//! The inputs of the cases: random strings, keys, form pairs and JSON trees, and whole
//! requests built from them.

use fastrand::Rng;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::KINDS;

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

/// Header names a generated operation may use (lowercase, as `Call::header` needs them).
pub(super) const HEADER_NAMES: [&str; 3] = ["x-trace-id", "x-request-tag", "idempotency-key"];
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
pub(super) enum Tree {
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
    pub(super) fn generate(rng: &mut Rng, depth: u32, budget: &mut u32, unencodable: bool) -> Tree {
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
    pub(super) fn encodable(&self) -> bool {
        match self {
            Tree::Null | Tree::Bool(_) | Tree::Int(_) | Tree::Text(_) => true,
            Tree::List(items) => items.iter().all(Tree::encodable),
            Tree::Object(members) => members.iter().all(|(_, v)| v.encodable()),
            Tree::BytesKeyed(members) => members.is_empty(),
        }
    }

    /// The JSON value of an encodable tree (a repeated key keeps its last value, as serde_json
    /// reads it).
    pub(super) fn to_value(&self) -> Value {
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
pub(super) enum Body {
    None,
    Form(Vec<(String, String)>),
    Json(Tree),
}

/// A whole request, built through `Call`.
#[derive(Debug)]
pub(super) struct Request {
    /// Path parameter values (refused ones are left out of the path).
    pub(super) segments: Vec<String>,
    /// Query entries, and whether each goes through `Call::query` or `Call::query_form`.
    pub(super) query: Vec<(String, String, bool)>,
    pub(super) headers: Vec<(&'static str, String)>,
    pub(super) idempotency_key: Option<String>,
    pub(super) cookies: Vec<(&'static str, String)>,
    pub(super) body: Body,
}

/// The input of one case.
#[derive(Debug)]
pub(super) enum Input {
    Path(String),
    Header(&'static str, String),
    DefaultHeader(String, String),
    Form(Vec<(String, String)>),
    Base64(String),
    Json(String, Tree),
    Request(Request),
}

impl Input {
    pub(super) fn generate(rng: &mut Rng) -> Input {
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

    pub(super) fn kind(&self) -> &'static str {
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
