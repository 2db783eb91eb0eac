//! A call's credentials never show in its `Debug` output, and a call built by hand (naming no
//! schemes) still sends the client's HTTP credentials. What each generated operation sends is
//! tested end to end in `tests/e2e_security.rs`.

use apiforge_runtime::runtime::Scheme;
use apiforge_runtime::{ClientBuilder, Credentials};
use reqwest::Method;

#[test]
fn a_calls_debug_shows_where_secrets_go_but_not_the_secrets() {
    let client = ClientBuilder::default()
        .base_url("http://127.0.0.1:1")
        .credentials(
            Credentials::scheme_key("query", "SECRET-1")
                .and(Credentials::scheme_key("cookie", "SECRET-2"))
                .and(Credentials::scheme_key("header", "SECRET-3"))
                .and(Credentials::bearer("SECRET-4")),
        )
        .build()
        .expect("client builds");
    let mut call = client.call(Method::GET, "/x");
    call.security(&[&[
        Scheme::query("query", "api_key"),
        Scheme::cookie("cookie", "sid"),
        Scheme::header("header", "x-api-key"),
        Scheme::bearer("oauth"),
    ]])
    .expect("the credentials can be sent");
    let shown = format!("{call:?}");
    assert!(!shown.contains("SECRET"), "{shown}");
    for name in ["api_key", "sid", "x-api-key", "authorization"] {
        assert!(shown.contains(name), "{name} in {shown}");
    }
}
