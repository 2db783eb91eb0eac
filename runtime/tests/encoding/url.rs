//! The URL as a whole.

use std::convert::Infallible;

use apiforge_runtime::Error;
use reqwest::Method;

use crate::common::offline;

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
