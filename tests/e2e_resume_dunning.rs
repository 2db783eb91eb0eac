//! The generated resume_dunning client against a local server on 127.0.0.1: the exact
//! request it sends, and how it reads every kind of answer.

use apiforge_tests::{CannedResponse, TestServer};
use chargebee_api::invoices::ResumeDunningRequest;
use chargebee_api::types::{
    BadRequestErrorApiErrorCode, ChargebeeEvent, InvoiceLineItemType, InvoiceStatus,
    NotFoundErrorApiErrorCode, TooManyRequestsErrorApiErrorCode,
};
use chargebee_api::{
    Client, CommonParameters, Credentials, Environment, Error, ErrorResponse, Port, Protocol,
    RetryPolicy, Server, ServerVariables,
};

const API_KEY: &str = "test_cbkey_5f3a";

const INVOICE: &str = r#"{
  "invoice": {
    "id": "inv_1001",
    "customer_id": "cust_42",
    "subscription_id": "sub_7",
    "recurring": true,
    "status": "payment_due",
    "price_type": "tax_exclusive",
    "start_date": 1717200000,
    "currency_code": "EUR",
    "tax": 190,
    "sub_total": 1000,
    "amount_due": 1190,
    "dunning_status": "in_progress",
    "line_items": [
      {
        "date_from": 1717200000,
        "date_to": 1719792000,
        "unit_amount": 1000,
        "quantity": 1,
        "is_taxed": true,
        "description": "Pro plan",
        "entity_type": "plan",
        "type": "charge"
      }
    ],
    "billing_address": {"first_name": "Ada", "city": "Berlin", "country": "DE"}
  }
}"#;

/// A client without retries: these tests are about what is sent and how answers read;
/// `e2e_faults.rs` tests retries.
fn client(server: &TestServer) -> Client {
    Client::builder()
        .base_url(format!("{}/api/v2", server.url()))
        .credentials(Credentials::api_key(API_KEY))
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds")
}

/// Every common parameter the operation documents.
fn all_common() -> CommonParameters {
    CommonParameters {
        chargebee_request_origin_device: Some("Android".into()),
        chargebee_request_origin_user: Some("user@example.com".into()),
        chargebee_request_origin_user_encoded: Some("user.квітка@example.com".into()),
        chargebee_request_origin_ip: Some("192.168.1.2".into()),
        chargebee_business_entity_id: Some("be_eu".into()),
        chargebee_event_actions: Some(ChargebeeEvent::AllDisabled),
        chargebee_event_email: Some(ChargebeeEvent::AllDisabled),
        chargebee_event_webhook: Some(ChargebeeEvent::AllDisabled),
    }
}

fn full_request() -> ResumeDunningRequest {
    ResumeDunningRequest {
        comment: Some("Resumed: card updated & retried = ok".into()),
        idempotency_key: Some("key-0001".into()),
    }
}

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

#[tokio::test]
async fn the_invoice_decodes_with_nested_objects_and_unknown_enum_values() {
    let with_new_status = INVOICE.replace("\"payment_due\"", "\"written_off\"");
    let server = TestServer::start(vec![
        CannedResponse::json(200, INVOICE),
        CannedResponse::json(200, &with_new_status),
    ]);
    let client = client(&server);
    let invoice = client
        .resume_dunning("inv_1001", &ResumeDunningRequest::default())
        .await
        .expect("200")
        .into_body()
        .invoice;
    assert_eq!(invoice.status, InvoiceStatus::PaymentDue);
    assert_eq!(invoice.amount_due, Some(1190));
    assert_eq!(invoice.start_date, 1_717_200_000);
    let line_items = invoice.line_items.expect("line items");
    assert_eq!(line_items[0].type_, InvoiceLineItemType::Charge);
    assert_eq!(line_items[0].quantity, Some(1));
    assert_eq!(
        invoice.billing_address.and_then(|a| a.city).as_deref(),
        Some("Berlin")
    );
    let invoice = client
        .resume_dunning("inv_1001", &ResumeDunningRequest::default())
        .await
        .expect("200")
        .into_body()
        .invoice;
    assert_eq!(invoice.status, InvoiceStatus::Unknown("written_off".into()));
    assert_eq!(invoice.status.as_str(), "written_off");
}

#[tokio::test]
async fn documented_error_statuses_become_typed_errors() {
    let bodies = [
        (
            400,
            r#"{"message":"comment is too long","type":"invalid_request","api_error_code":"param_wrong_value","param":"comment","error_code":"param_too_long","http_status_code":400}"#,
        ),
        (
            401,
            r#"{"message":"Sorry, authentication failed. Invalid api key","type":"invalid_request","api_error_code":"api_authentication_failed","http_status_code":401}"#,
        ),
        (
            404,
            r#"{"message":"Sorry, we couldn't find that resource","type":"invalid_request","api_error_code":"resource_not_found","http_status_code":404}"#,
        ),
        (
            429,
            r#"{"message":"Sorry, access has been blocked temporarily","type":"invalid_request","api_error_code":"api_request_limit_exceeded","http_status_code":429}"#,
        ),
        (
            500,
            r#"{"message":"Sorry, something went wrong","type":"untyped","api_error_code":"internal_error","http_status_code":500}"#,
        ),
    ];
    let server = TestServer::start(
        bodies
            .iter()
            .map(|(status, body)| CannedResponse::json(*status, body))
            .collect(),
    );
    let client = client(&server);
    let mut errors = Vec::new();
    for _ in bodies {
        errors.push(
            client
                .resume_dunning("inv_1", &ResumeDunningRequest::default())
                .await
                .unwrap_err(),
        );
    }
    let mut errors = errors.into_iter();
    match errors.next() {
        Some(Error::Api(error)) if error.status == 400 => match error.body {
            ErrorResponse::BadRequest(body) => {
                assert_eq!(
                    body.api_error_code,
                    BadRequestErrorApiErrorCode::ParamWrongValue
                );
                assert_eq!(body.param.as_deref(), Some("comment"));
                assert_eq!(body.http_status_code, Some(400));
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    match errors.next() {
        Some(Error::Api(error)) if error.status == 401 => {
            assert!(
                matches!(error.body, ErrorResponse::Unauthorized(ref b) if b.message.contains("authentication failed"))
            )
        }
        other => panic!("{other:?}"),
    }
    match errors.next() {
        Some(Error::Api(error)) if error.status == 404 => match error.body {
            ErrorResponse::NotFound(body) => assert_eq!(
                body.api_error_code,
                NotFoundErrorApiErrorCode::ResourceNotFound
            ),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    match errors.next() {
        Some(Error::Api(error)) if error.status == 429 => match error.body {
            ErrorResponse::TooManyRequests(body) => assert_eq!(
                body.api_error_code,
                TooManyRequestsErrorApiErrorCode::ApiRequestLimitExceeded
            ),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    match errors.next() {
        Some(Error::Api(error)) if error.status == 500 => {
            assert!(
                error
                    .to_string()
                    .starts_with("HTTP 500: Internal server error"),
                "{error}"
            );
            assert!(matches!(error.body, ErrorResponse::InternalServerError(_)));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn undocumented_and_undecodable_answers_are_kept_apart() {
    let server = TestServer::start(vec![
        CannedResponse::with_type(418, "text/plain", "teapot"),
        CannedResponse::with_type(200, "text/html", "<html>maintenance</html>"),
        CannedResponse::json(404, r#"{"unexpected": true}"#),
    ]);
    let client = client(&server);
    let request = ResumeDunningRequest::default();
    match client.resume_dunning("inv_1", &request).await.unwrap_err() {
        Error::UnexpectedStatus { status, body } => {
            assert_eq!((status, body.as_str()), (418, "teapot"))
        }
        other => panic!("{other:?}"),
    }
    match client.resume_dunning("inv_1", &request).await.unwrap_err() {
        Error::Decode { status, body, .. } => {
            assert_eq!((status, body.as_str()), (200, "<html>maintenance</html>"))
        }
        other => panic!("{other:?}"),
    }
    match client.resume_dunning("inv_1", &request).await.unwrap_err() {
        Error::Decode {
            status: 404, body, ..
        } => assert_eq!(body, r#"{"unexpected": true}"#),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn connection_failures_are_connection_errors() {
    // A socket bound to a port but not listening: connections to it are refused, and the port
    // stays taken while the test runs (a dropped listener's port could be picked up by a test
    // server of another test running at the same time).
    let socket =
        socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).expect("socket");
    let any_port = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
    socket.bind(&any_port.into()).expect("bind");
    let port = socket
        .local_addr()
        .ok()
        .and_then(|a| a.as_socket())
        .expect("bound address")
        .port();
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let error = client
        .resume_dunning("inv_1", &ResumeDunningRequest::default())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Connection(_)), "{error:?}");
    drop(socket);
}

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
