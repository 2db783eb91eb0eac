//! Path segments: `runtime::path_segment` refuses what would change the path, and every
//! other value reaches the server as exactly one segment.

use apiforge_runtime::runtime;
use reqwest::Method;

use crate::common::{
    as_operation_error, client_of, every_ascii_character, every_kind_of_character, percent_decoded,
    sent,
};
use crate::wire::Server;

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
