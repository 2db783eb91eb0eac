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
#[path = "../../fuzz/wire.rs"]
mod wire;

mod base64_values;
mod bugs_found;
mod common;
mod cookies;
mod forms;
mod headers;
mod json;
mod path_segments;
mod url;
