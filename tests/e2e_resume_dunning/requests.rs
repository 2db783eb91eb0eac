//! The exact request the client sends: method, path (with hostile ids), every header, the
//! body; values that cannot be sent refused before sending; common parameters and extra
//! headers set on the client or per call.

use apiforge_tests::{CannedResponse, TestServer};
use chargebee_api::invoices::ResumeDunningRequest;
use chargebee_api::types::ChargebeeEvent;
use chargebee_api::{Client, CommonParameters, Credentials, Error};

use crate::common::{all_common, client, full_request, API_KEY, INVOICE};

#[tokio::test]
async fn sends_exactly_the_documented_request() {
    let server = TestServer::start(vec![CannedResponse::json(200, INVOICE)]);
    let response = client(&server)
        .with_common_parameters(&all_common())
        .resume_dunning("inv_1001", &full_request())
        .await
        .expect("200 decodes");
    assert_eq!(response.invoice.id, "inv_1001");

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/api/v2/invoices/inv_1001/resume_dunning");
    // test_cbkey_5f3a: (the key as user name, empty password), Base64.
    assert_eq!(
        request.header("authorization"),
        Some("Basic dGVzdF9jYmtleV81ZjNhOg==")
    );
    assert_eq!(
        request.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        request.header("chargebee-request-origin-device"),
        Some("Android")
    );
    assert_eq!(
        request.header("chargebee-request-origin-user"),
        Some("user@example.com")
    );
    assert_eq!(
        request.header("chargebee-request-origin-user-encoded"),
        Some("dXNlci7QutCy0ZbRgtC60LBAZXhhbXBsZS5jb20=")
    );
    assert_eq!(
        request.header("chargebee-request-origin-ip"),
        Some("192.168.1.2")
    );
    assert_eq!(
        request.header("chargebee-business-entity-id"),
        Some("be_eu")
    );
    assert_eq!(
        request.header("chargebee-event-actions"),
        Some("all-disabled")
    );
    assert_eq!(
        request.header("chargebee-event-email"),
        Some("all-disabled")
    );
    assert_eq!(
        request.header("chargebee-event-webhook"),
        Some("all-disabled")
    );
    assert_eq!(
        request.header("chargebee-idempotency-key"),
        Some("key-0001")
    );
    assert_eq!(
        request.body,
        b"comment=Resumed%3A+card+updated+%26+retried+%3D+ok"
    );
    assert_eq!(request.header("content-length"), Some("50"));
    let user_agent = request.header("user-agent").unwrap_or_default();
    assert!(user_agent.starts_with("chargebee-api/"), "{user_agent}");
}

#[tokio::test]
async fn optional_values_left_out_are_not_sent() {
    let server = TestServer::start(vec![CannedResponse::json(200, INVOICE)]);
    client(&server)
        .resume_dunning("inv_1", &ResumeDunningRequest::default())
        .await
        .expect("200");
    let request = &server.requests()[0];
    let chargebee: Vec<&str> = request
        .headers
        .iter()
        .filter(|(name, _)| name.starts_with("chargebee-"))
        .map(|(name, _)| name.as_str())
        .collect();
    // Only the idempotency key the client made up for the call.
    assert_eq!(chargebee, ["chargebee-idempotency-key"]);
    assert_eq!(
        request.header("chargebee-idempotency-key").map(str::len),
        Some(32)
    );
    assert_eq!(request.body, b"");
    assert_eq!(
        request.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
}

#[tokio::test]
async fn hostile_ids_stay_one_path_segment() {
    let ids = [
        "a/b",
        "x?y=1",
        "frag#ment",
        "100%",
        "with space",
        "ünïcödé",
        "../admin",
        "..%2F",
        "a\\b",
        "+;,=@:$&'!*()",
    ];
    let server = TestServer::start(vec![CannedResponse::json(200, INVOICE)]);
    let client = client(&server);
    for id in ids {
        client
            .resume_dunning(id, &ResumeDunningRequest::default())
            .await
            .expect("200");
    }
    let requests = server.requests();
    assert_eq!(requests.len(), ids.len());
    for (id, request) in ids.iter().zip(&requests) {
        let segments: Vec<&str> = request.target.split('/').collect();
        assert_eq!(segments.len(), 6, "{id:?} was sent as {}", request.target);
        assert_eq!(
            (segments[3], segments[5]),
            ("invoices", "resume_dunning"),
            "{}",
            request.target
        );
        let decoded = percent_decode(segments[4]);
        assert_eq!(&decoded, id, "{id:?} was sent as {}", request.target);
        assert!(
            !segments[4].contains(['/', '?', '#', ' ']),
            "{}",
            request.target
        );
    }
    assert_eq!(requests[0].target, "/api/v2/invoices/a%2Fb/resume_dunning");
    assert_eq!(
        requests[5].target,
        "/api/v2/invoices/%C3%BCn%C3%AFc%C3%B6d%C3%A9/resume_dunning"
    );
}

#[tokio::test]
async fn ids_that_would_change_the_path_are_refused_before_sending() {
    let server = TestServer::start(vec![CannedResponse::json(200, INVOICE)]);
    let client = client(&server);
    for id in ["", ".", ".."] {
        let error = client
            .resume_dunning(id, &ResumeDunningRequest::default())
            .await
            .unwrap_err();
        assert!(
            matches!(error, Error::InvalidRequest(_)),
            "{id:?}: {error:?}"
        );
    }
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn header_values_with_line_breaks_are_refused_before_sending() {
    let server = TestServer::start(vec![CannedResponse::json(200, INVOICE)]);
    let client = client(&server);
    for value in [
        "evil\r\nx-injected: 1",
        "a\nb",
        "a\rb",
        "nul\0byte",
        "jos\u{e9}@example.com",
    ] {
        let common = CommonParameters {
            chargebee_request_origin_device: Some(value.into()),
            ..Default::default()
        };
        let error = client
            .with_common_parameters(&common)
            .resume_dunning("inv_1", &ResumeDunningRequest::default())
            .await
            .unwrap_err();
        match error {
            Error::InvalidRequest(reason) => assert!(
                reason.0.contains("chargebee-request-origin-device"),
                "{reason}"
            ),
            other => panic!("{value:?}: {other:?}"),
        }
    }
    assert!(server.requests().is_empty());
}

fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ascii");
            out.push(u8::from_str_radix(hex, 16).expect("hex"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("utf-8")
}

#[tokio::test]
async fn common_parameters_set_on_the_client_are_overridden_per_call() {
    let server = TestServer::start(vec![CannedResponse::json(200, INVOICE)]);
    let client = Client::builder()
        .base_url(server.url())
        .credentials(Credentials::api_key(API_KEY))
        .common_parameters(&CommonParameters {
            chargebee_request_origin_device: Some("Android".into()),
            chargebee_request_origin_ip: Some("192.168.1.2".into()),
            ..CommonParameters::default()
        })
        .build()
        .expect("client builds");
    client
        .resume_dunning("inv_1", &ResumeDunningRequest::default())
        .await
        .expect("first call");
    let override_ip = CommonParameters {
        chargebee_request_origin_ip: Some("10.0.0.9".into()),
        chargebee_event_email: Some(ChargebeeEvent::AllDisabled),
        ..CommonParameters::default()
    };
    client
        .with_common_parameters(&override_ip)
        .resume_dunning("inv_1", &ResumeDunningRequest::default())
        .await
        .expect("second call");
    // The client itself is unchanged by the per-call clone.
    client
        .resume_dunning("inv_1", &ResumeDunningRequest::default())
        .await
        .expect("third call");
    let requests = server.requests();
    let seen = |i: usize, name: &str| requests[i].header(name).map(str::to_owned);
    assert_eq!(
        seen(0, "chargebee-request-origin-device").as_deref(),
        Some("Android")
    );
    assert_eq!(
        seen(0, "chargebee-request-origin-ip").as_deref(),
        Some("192.168.1.2")
    );
    assert_eq!(seen(0, "chargebee-event-email"), None);
    assert_eq!(
        seen(1, "chargebee-request-origin-device").as_deref(),
        Some("Android")
    );
    assert_eq!(
        seen(1, "chargebee-request-origin-ip").as_deref(),
        Some("10.0.0.9")
    );
    assert_eq!(
        seen(1, "chargebee-event-email").as_deref(),
        Some("all-disabled")
    );
    assert_eq!(
        seen(2, "chargebee-request-origin-ip").as_deref(),
        Some("192.168.1.2")
    );
    assert_eq!(seen(2, "chargebee-event-email"), None);
}

#[tokio::test]
async fn extra_headers_go_with_one_call_only_and_are_checked() {
    let server = TestServer::start(vec![CannedResponse::json(200, INVOICE)]);
    let client = client(&server);
    let traced = client
        .with_header("x-trace-id", "trace-42")
        .expect("a valid header");
    traced
        .resume_dunning("inv_1", &ResumeDunningRequest::default())
        .await
        .expect("traced call");
    client
        .resume_dunning("inv_1", &ResumeDunningRequest::default())
        .await
        .expect("plain call");
    let requests = server.requests();
    assert_eq!(requests[0].header("x-trace-id"), Some("trace-42"));
    assert_eq!(requests[1].header("x-trace-id"), None);
    // What could split the request, or is no header name, is refused before anything is sent.
    assert!(client
        .with_header("x-trace-id", "a\r\nx-injected: 1")
        .is_err());
    assert!(client.with_header("bad name", "v").is_err());
    // A value set this way is kept out of `Debug` output (it may be a secret).
    let shown = format!("{traced:?}");
    assert!(!shown.contains("trace-42"), "{shown}");
}
