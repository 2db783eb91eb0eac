//! What the tests of every encoder share: clients, sending a call to the loopback server,
//! samples of characters, and reading back what was sent.

use std::convert::Infallible;

use apiforge_runtime::runtime::Call;
use apiforge_runtime::{Client, ClientBuilder, Error, InvalidRequest, RetryPolicy};
use percent_encoding::percent_decode_str;

use crate::wire::{Recorded, Server};

/// A client that could never connect: for values refused before sending.
pub fn offline() -> Client {
    ClientBuilder::default()
        .base_url("http://127.0.0.1:1")
        .build()
        .expect("client")
}

/// A client of the loopback server, without retries (a failure shows at once).
pub fn client_of(server: &Server) -> Client {
    ClientBuilder::default()
        .base_url(server.url())
        .retry(RetryPolicy::none())
        .build()
        .expect("client")
}

/// Sends `call` and returns what the server read.
pub async fn sent(server: &Server, call: Call<'_>) -> Recorded {
    let answer = call.send::<()>().await.expect("the call is sent");
    assert_eq!(answer.status(), 200);
    server.next_request()
}

/// Every character from U+0000 to U+007F.
pub fn every_ascii_character() -> String {
    (0u8..=0x7f).map(char::from).collect()
}

/// A sample of every kind of character: all of ASCII, Latin-1, the edges of the planes,
/// the replacement character, an emoji, a line separator, and code points every 997 steps.
pub fn every_kind_of_character() -> String {
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
pub fn percent_decoded(text: &str) -> Vec<u8> {
    percent_decode_str(text).collect()
}

/// The pairs `form_urlencoded::parse` reads from `text`, in order.
pub fn form_pairs(text: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(text).into_owned().collect()
}

pub fn owned_pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// What a generated operation does with an encoder's error: `?` into `Error<E>`.
pub fn as_operation_error(error: InvalidRequest) -> String {
    let error: Error<Infallible> = error.into();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    error.to_string()
}
