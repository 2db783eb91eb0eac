//! Twilio's conventions, byte for byte, on the client generated from
//! `tests/fixtures/twilio_conventions.yaml` (shaped as Twilio's published spec,
//! github.com/twilio/twilio-oai) without a settings file: its form bodies have no `encoding`
//! objects, and OpenAPI's default for a list (`form`, `explode: true`) is what Twilio reads.
//!
//! What Twilio's SDKs send, from their encoders:
//!
//! - twilio-node `src/base/RequestClient.ts`: form bodies are
//!   `qs.stringify(data, { arrayFormat: "repeat" })`, and query strings the same
//!   (`paramsSerializer`): `StatusCallbackEvent=initiated&StatusCallbackEvent=ringing`.
//! - twilio-python `twilio/base/serialize.py`: `map(lst, fn)` keeps a list a list, which
//!   `requests` sends as repeated keys; `object(obj)` sends dicts and lists given for `object`
//!   parameters as JSON text (that convention is `free-form-objects = "json"`; this fixture has
//!   no such parameter).
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use server::{CannedResponse, TestServer};
use twilio_conventions::n_2010_04_01::{CreateCallRequest, ListCallRequest};
use twilio_conventions::types::{CreateCallRequestStatusCallbackMethod, Status};
use twilio_conventions::{Client, Credentials};

const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";

fn client(server: &TestServer) -> Client {
    Client::builder().base_url(server.url()).credentials(Credentials::basic(ACCOUNT, "token")).build().expect("client")
}

#[tokio::test]
async fn lists_repeat_their_key() {
    let server = TestServer::start(vec![CannedResponse::json(201, r#"{"sid": "CA1", "status": "queued"}"#)]);
    // `To` and `From` are required although the body is not marked required: the constructor
    // takes them (in spec order), and they are plain `String`s.
    let request = CreateCallRequest {
        url: Some("https://example.com/twiml?x=1&y=2".into()),
        status_callback_event: Some(vec!["initiated".into(), "ringing".into()]),
        status_callback_method: Some(CreateCallRequestStatusCallbackMethod::Post),
        record: Some(true),
        ..CreateCallRequest::new("+14155550000", "+14155551212")
    };
    let _: &String = &request.to;
    client(&server).create_call(ACCOUNT, &request).await.expect("201");
    let sent = &server.requests()[0];
    assert_eq!(sent.target, format!("/2010-04-01/Accounts/{ACCOUNT}/Calls.json"));
    // Twilio's SDKs: StatusCallbackEvent=initiated&StatusCallbackEvent=ringing (never
    // StatusCallbackEvent[0]=initiated), booleans as true/false.
    assert_eq!(
        String::from_utf8(sent.body.clone()).expect("ascii"),
        "From=%2B14155550000&To=%2B14155551212&Url=https%3A%2F%2Fexample.com%2Ftwiml%3Fx%3D1%26y%3D2\
         &StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&StatusCallbackMethod=POST&Record=true"
    );
}

#[tokio::test]
async fn query_parameters_are_plain() {
    let server = TestServer::start(vec![CannedResponse::json(200, r#"{"calls": []}"#)]);
    let request = ListCallRequest { status: Some(Status::InProgress), page_size: Some(20), ..Default::default() };
    client(&server).list_call(ACCOUNT, &request).await.expect("200");
    assert_eq!(server.requests()[0].target, format!("/2010-04-01/Accounts/{ACCOUNT}/Calls.json?Status=in-progress&PageSize=20"));
}

#[tokio::test]
async fn operator_named_date_parameters() {
    let server = TestServer::start(vec![CannedResponse::json(200, r#"{"calls": [{"sid": "CA1", "date_created": "Thu, 26 Nov 2026 15:25:00 +0000"}]}"#)]);
    let after: chrono::DateTime<chrono::Utc> = "2026-11-01T00:00:00Z".parse().expect("instant");
    let before: chrono::DateTime<chrono::Utc> = "2026-11-26T16:25:00.5+01:00".parse().expect("instant");
    // `StartTime>` and `StartTime<` are named for their operators, typed as instants.
    let request = ListCallRequest { start_time_after: Some(after), start_time_before: Some(before), ..Default::default() };
    let calls = client(&server).list_call(ACCOUNT, &request).await.expect("200");
    // twilio-python `serialize.iso8601_datetime`: '%Y-%m-%dT%H:%M:%SZ' (UTC, `Z`); fractions
    // only when there are any.
    assert_eq!(
        server.requests()[0].target,
        format!(
            "/2010-04-01/Accounts/{ACCOUNT}/Calls.json?StartTime%3C=2026-11-26T15%3A25%3A00.500Z&StartTime%3E=2026-11-01T00%3A00%3A00Z"
        )
    );
    // Twilio's `date-time-rfc-2822` is not RFC 3339: it stays text.
    let date_created: Option<&String> = calls.body().calls.as_ref().and_then(|c| c[0].date_created.as_ref());
    assert_eq!(date_created.map(String::as_str), Some("Thu, 26 Nov 2026 15:25:00 +0000"));
}
