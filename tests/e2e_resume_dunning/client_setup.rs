//! Building the client: servers and their variables, bad base URLs, and a `Debug` output
//! that never shows the API key.

use apiforge_tests::{CannedResponse, TestServer};
use chargebee_api::invoices::ResumeDunningRequest;
use chargebee_api::{
    BuildError, Client, Credentials, Environment, Port, Protocol, RetryPolicy, Server,
    ServerVariables,
};

use crate::common::{API_KEY, INVOICE};

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
    let acme = ServerVariables {
        site: "acme".into(),
        ..ServerVariables::default()
    };
    let client =
        Client::new(Server::TestSite(acme), Credentials::api_key(API_KEY)).expect("client");
    assert_eq!(
        client.base_url(),
        "https://acme-test.chargebee.com:443/api/v2"
    );
}

#[test]
fn a_placeholder_site_is_refused_naming_the_variable() {
    // `site` defaults to the spec's `demo`: a real key must not go to demo.chargebee.com.
    for built in [
        Client::new(Server::default(), Credentials::api_key(API_KEY)),
        Client::builder().build(),
        Client::builder()
            .server(Server::TestSite(ServerVariables::default()))
            .build(),
    ] {
        match built {
            Err(BuildError::PlaceholderServer { variable }) => assert_eq!(variable, "site"),
            other => panic!("{other:?}"),
        }
    }
    // A base URL replaces the server, placeholder and all.
    assert!(Client::builder()
        .base_url("http://127.0.0.1:1")
        .build()
        .is_ok());
}

#[tokio::test]
async fn tenants_share_one_pool_and_send_their_own_key_to_their_own_site() {
    let (first, second) = (
        TestServer::start(vec![CannedResponse::json(200, INVOICE)]),
        TestServer::start(vec![CannedResponse::json(200, INVOICE)]),
    );
    let client = Client::builder()
        .base_url(format!("{}/api/v2", first.url()))
        .credentials(Credentials::api_key("key_first"))
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let tenant = client
        .with_credentials(Credentials::api_key("key_second"))
        .with_base_url(format!("{}/api/v2", second.url()))
        .expect("tenant");
    assert!(tenant.shares_pool_with(&client));
    // A site per tenant, typed: the placeholder is refused here too.
    let acme = Server::LiveSite(ServerVariables {
        site: "acme".into(),
        ..ServerVariables::default()
    });
    let site = client.with_server(acme).expect("site");
    assert_eq!(site.base_url(), "https://acme.chargebee.com:443/api/v2");
    assert!(site.shares_pool_with(&client));
    assert!(matches!(
        client.with_server(Server::default()),
        Err(BuildError::PlaceholderServer { variable: "site" })
    ));
    let request = ResumeDunningRequest::default();
    client
        .resume_dunning("inv_1", &request)
        .await
        .expect("first");
    tenant
        .resume_dunning("inv_1", &request)
        .await
        .expect("second");
    let sent = |server: &TestServer| {
        let requests = server.requests();
        requests[0].header("authorization").map(str::to_owned)
    };
    // `key_first:` and `key_second:` in Base64 (the key is the basic user name).
    assert_eq!(sent(&first).as_deref(), Some("Basic a2V5X2ZpcnN0Og=="));
    assert_eq!(sent(&second).as_deref(), Some("Basic a2V5X3NlY29uZDo="));
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
