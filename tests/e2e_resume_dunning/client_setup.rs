//! Building the client: servers and their variables, bad base URLs, and a `Debug` output
//! that never shows the API key.

use chargebee_api::{Client, Credentials, Environment, Port, Protocol, Server, ServerVariables};

use crate::common::API_KEY;

#[test]
fn servers_fill_in_their_variables() {
    assert_eq!(
        Server::default().url(),
        "https://demo.chargebee.com:443/api/v2"
    );
    let variables = ServerVariables {
        site: "acme".into(),
        ..ServerVariables::default()
    };
    assert_eq!(variables.protocol, Protocol::Https);
    assert_eq!(
        (variables.environment, variables.port),
        (Environment::ChargebeeCom, Port::V443)
    );
    assert_eq!(
        Server::LiveSite(variables.clone()).url(),
        "https://acme.chargebee.com:443/api/v2"
    );
    assert_eq!(
        Server::TestSite(variables).url(),
        "https://acme-test.chargebee.com:443/api/v2"
    );
    let client = Client::new(
        Server::TestSite(ServerVariables::default()),
        Credentials::api_key(API_KEY),
    )
    .expect("client");
    assert_eq!(
        client.base_url(),
        "https://demo-test.chargebee.com:443/api/v2"
    );
}

#[test]
fn bad_base_urls_are_refused() {
    for url in ["not a url", "ftp://example.com", "/relative/path"] {
        assert!(Client::builder().base_url(url).build().is_err(), "{url}");
    }
}

#[test]
fn debug_output_never_shows_the_api_key() {
    let credentials = Credentials::api_key(API_KEY);
    let client = Client::builder()
        .base_url("http://127.0.0.1:1")
        .credentials(credentials.clone())
        .build()
        .expect("client");
    for text in [
        format!("{credentials:?}"),
        format!("{client:?}"),
        format!("{:?}", Client::builder().credentials(credentials)),
    ] {
        assert!(!text.contains(API_KEY), "{text}");
        assert!(!text.contains("dGVzdF9jYmtleV81ZjNh"), "{text}");
    }
}
