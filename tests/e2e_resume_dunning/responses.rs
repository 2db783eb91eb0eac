//! How the client reads every kind of answer: the invoice, documented error statuses as
//! typed errors, undocumented or undecodable answers, and connection failures.

use apiforge_tests::{CannedResponse, TestServer};
use chargebee_api::invoices::ResumeDunningRequest;
use chargebee_api::types::{
    BadRequestErrorApiErrorCode, InvoiceLineItemType, InvoiceStatus, NotFoundErrorApiErrorCode,
    TooManyRequestsErrorApiErrorCode,
};
use chargebee_api::{Client, Error, ErrorResponse, RetryPolicy};

use crate::common::{client, INVOICE};

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
    // An unknown value is opaque: read, never matched on as a string.
    assert!(matches!(&invoice.status, InvoiceStatus::Unknown(v) if v.as_str() == "written_off"));
    assert_eq!(invoice.status.as_str(), "written_off");
    assert_eq!(
        invoice.status,
        InvoiceStatus::from("written_off".to_owned())
    );
    // A known value always decodes to its variant, however it is built.
    assert_eq!(InvoiceStatus::from("paid".to_owned()), InvoiceStatus::Paid);
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
            // The API's own message, not the variant's description.
            assert_eq!(error.to_string(), "HTTP 500: Sorry, something went wrong");
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
        Error::UnexpectedStatus { status, body, .. } => {
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
