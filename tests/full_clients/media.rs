//! Every body and response that is not JSON or a form, on the client generated from
//! `tests/fixtures/media.yaml`, against a server on 127.0.0.1 that records the bytes sent:
//! multipart uploads checked byte for byte (boundaries included), raw bytes, text and
//! `+json` bodies; downloads read whole and chunk by chunk, text responses, several and
//! bodiless successes, and error bodies that are not JSON kept as text.
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use media::files::{FileStatusSuccess, PatchFileMediaType, PatchFileRequest, ReplaceContentRequest, UploadFileRequest};
use media::labels::CreateLabelRequest;
use media::notes::CreateNoteRequest;
use media::reports::ExportReportRequest;
use media::types::{UploadFileRequestKind, UploadFileRequestMeta};
use media::types::StoredFile;
use media::{Client, DeleteFileError, DownloadFileError, Error, Nullable, Upload, UploadFileError};
use server::{CannedResponse, RecordedRequest, TestServer};

fn client(server: &TestServer) -> Client {
    Client::builder().base_url(server.url()).build().expect("client")
}

const STORED: &str = r#"{"id": "f1", "size": 4}"#;

/// The boundary the request announced, checked to be one a multipart body may use.
fn boundary(request: &RecordedRequest) -> String {
    let content_type = request.header("content-type").expect("a content type");
    let boundary = content_type.strip_prefix("multipart/form-data; boundary=").expect("multipart");
    assert!(
        (1..=70).contains(&boundary.len()) && boundary.chars().all(|c| c.is_ascii_alphanumeric()),
        "{boundary:?}"
    );
    boundary.to_owned()
}

#[tokio::test]
async fn multipart_uploads_are_exact_bytes() {
    let server = TestServer::start(vec![CannedResponse::json(201, STORED)]);
    let request = UploadFileRequest {
        attachments: Some(vec![
            Upload::new(b"%PDF-1".to_vec()).file_name("a.pdf").content_type("application/pdf"),
            Upload::new(b"%PDF-2".to_vec()),
        ]),
        description: Some("Caf\u{e9} \"menu\"\r\nline 2".into()),
        tags: Some(vec!["a".into(), "b c".into()]),
        kind: Some(UploadFileRequestKind::Scan),
        copies: Some(2),
        meta: Some(UploadFileRequestMeta { owner: Some("ada".into()), pages: Some(3) }),
        ..UploadFileRequest::new(Upload::new(b"\x89PNG\r\n\x1a\n".to_vec()).file_name("menu \"v2\".png"))
    };
    let stored = client(&server).upload_file(&request).await.expect("201");
    assert_eq!(stored.id, "f1");
    let sent = &server.requests()[0];
    let b = boundary(sent);
    let mut expected = Vec::new();
    let mut part = |head: &str, body: &[u8]| {
        expected.extend_from_slice(format!("--{b}\r\n{head}\r\n\r\n").as_bytes());
        expected.extend_from_slice(body);
        expected.extend_from_slice(b"\r\n");
    };
    // The file: its name escaped as browsers do, the type the spec's `encoding` gives.
    part(
        "Content-Disposition: form-data; name=\"file\"; filename=\"menu %22v2%22.png\"\r\nContent-Type: image/png",
        b"\x89PNG\r\n\x1a\n",
    );
    // A list of files is a part per file; a file without a name is named for its part, and
    // without a type it is `application/octet-stream`.
    part("Content-Disposition: form-data; name=\"attachments\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf", b"%PDF-1");
    part(
        "Content-Disposition: form-data; name=\"attachments\"; filename=\"attachments\"\r\nContent-Type: application/octet-stream",
        b"%PDF-2",
    );
    // Text parts carry their value as UTF-8, line breaks and quotes included.
    part("Content-Disposition: form-data; name=\"description\"", "Caf\u{e9} \"menu\"\r\nline 2".as_bytes());
    part("Content-Disposition: form-data; name=\"tags\"", b"a");
    part("Content-Disposition: form-data; name=\"tags\"", b"b c");
    part("Content-Disposition: form-data; name=\"kind\"", b"scan");
    part("Content-Disposition: form-data; name=\"copies\"", b"2");
    // Objects are JSON parts.
    part("Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json", br#"{"owner":"ada","pages":3}"#);
    expected.extend_from_slice(format!("--{b}--\r\n").as_bytes());
    assert_eq!(String::from_utf8_lossy(&sent.body), String::from_utf8_lossy(&expected));
    assert_eq!(sent.body, expected);
    assert_eq!(sent.header("content-length"), Some(expected.len().to_string().as_str()));
}

#[tokio::test]
async fn each_upload_gets_a_fresh_boundary_that_occurs_in_no_part() {
    let server = TestServer::start(vec![CannedResponse::json(201, STORED), CannedResponse::json(201, STORED)]);
    let client = client(&server);
    client.upload_file(&UploadFileRequest::new(Upload::new(b"one".to_vec()))).await.expect("201");
    let first = boundary(&server.requests()[0]);
    // A file holding the previous boundary cannot end its part early.
    let request = UploadFileRequest::new(Upload::new(format!("--{first}--\r\n").into_bytes()));
    client.upload_file(&request).await.expect("201");
    let second = &server.requests()[1];
    let b = boundary(second);
    assert_ne!(b, first);
    let body = String::from_utf8(second.body.clone()).expect("ascii");
    assert_eq!(body.matches(&format!("--{b}")).count(), 2, "{body}");
}

#[tokio::test]
async fn bytes_text_and_json_variants_are_sent_with_their_media_type() {
    let server = TestServer::start(vec![
        CannedResponse::with_type(204, "text/plain", ""),
        CannedResponse::with_type(204, "text/plain", ""),
        CannedResponse::with_type(201, "text/html; charset=utf-8", "<h1>Hi</h1>"),
        CannedResponse::json(200, STORED),
        CannedResponse::json(200, STORED),
    ]);
    let client = client(&server);
    let bytes = vec![0u8, 159, 146, 150, 255];
    client.replace_content("f1", &ReplaceContentRequest::new(Upload::new(bytes.clone()))).await.expect("204");
    let request = ReplaceContentRequest::new(Upload::new(bytes.clone()).content_type("image/webp"));
    client.replace_content("f1", &request).await.expect("204");
    let note = CreateNoteRequest { body: Some("# Hi\n".into()) };
    let html = client.create_note(&note).await.expect("201");
    assert_eq!(html.body(), "<h1>Hi</h1>");
    let patch = PatchFileRequest { description: Nullable::Value("new".into()), media_type: None };
    client.patch_file("f1", &patch).await.expect("200");
    // The spec offers the same body as `application/json` too: the caller's choice.
    let patch = PatchFileRequest { media_type: Some(PatchFileMediaType::Json), ..patch };
    client.patch_file("f1", &patch).await.expect("200");

    let sent = server.requests();
    assert_eq!((sent[0].method.as_str(), sent[0].target.as_str()), ("PUT", "/files/f1/content"));
    assert_eq!(sent[0].header("content-type"), Some("application/octet-stream"));
    assert_eq!(sent[0].body, bytes);
    assert_eq!(sent[1].header("content-type"), Some("image/webp"));
    assert_eq!(sent[1].body, bytes);
    assert_eq!(sent[2].header("content-type"), Some("text/markdown"));
    assert_eq!(sent[2].body, b"# Hi\n");
    assert_eq!(sent[3].header("content-type"), Some("application/merge-patch+json"));
    assert_eq!(sent[3].body, br#"{"description":"new"}"#);
    assert_eq!(sent[4].header("content-type"), Some("application/json"));
    assert_eq!(sent[4].body, br#"{"description":"new"}"#);
}

/// An optional JSON field that may be `null` has three states: a merge patch leaves it out
/// (keep), sends `null` (clear) or a value (replace); and a response keeps `null` apart from
/// a field left out, so re-sending it sends exactly what was received.
#[tokio::test]
async fn a_nullable_optional_field_is_left_out_set_or_sent_as_null() {
    let server = TestServer::start(vec![
        CannedResponse::json(200, STORED),
        CannedResponse::json(200, STORED),
        CannedResponse::json(200, STORED),
    ]);
    let client = client(&server);
    for description in [Nullable::Absent, Nullable::Null, Nullable::Value("new".to_owned())] {
        let patch = PatchFileRequest { description, ..PatchFileRequest::default() };
        client.patch_file("f1", &patch).await.expect("200");
    }
    let sent = server.requests();
    assert_eq!(sent[0].body, b"{}");
    assert_eq!(sent[1].body, br#"{"description":null}"#);
    assert_eq!(sent[2].body, br#"{"description":"new"}"#);

    for (json, expires_at) in [
        (r#"{"id":"f1","size":4}"#, Nullable::Absent),
        (r#"{"id":"f1","size":4,"expires_at":null}"#, Nullable::Null),
        (r#"{"id":"f1","size":4,"expires_at":1767225600}"#, Nullable::Value(1_767_225_600)),
    ] {
        let stored: StoredFile = serde_json::from_str(json).expect("decodes");
        assert_eq!(stored.expires_at, expires_at, "{json}");
        assert_eq!(serde_json::to_string(&stored).expect("encodes"), json);
    }
}

#[tokio::test]
async fn downloads_are_read_whole_or_chunk_by_chunk() {
    let large = "%PDF-1.7 ".repeat(50_000);
    let server = TestServer::start(vec![
        CannedResponse::with_type(200, "application/pdf", &large),
        CannedResponse::with_type(200, "application/pdf", &large),
        CannedResponse::with_type(200, "application/pdf", &large),
        CannedResponse::with_type(200, "image/png", "PNG"),
    ]);
    let client = client(&server);
    let whole = client.download_file("f1").await.expect("200");
    assert_eq!(whole.headers().get("content-type").map(|v| v.as_bytes()), Some(&b"application/pdf"[..]));
    assert_eq!(whole.into_body().bytes().await.expect("body"), large.as_bytes());

    let mut download = client.download_file("f1").await.expect("200").into_body();
    assert_eq!(download.content_length(), Some(large.len() as u64));
    let (mut read, mut chunks) = (Vec::new(), 0);
    while let Some(chunk) = download.chunk().await.expect("chunk") {
        read.extend_from_slice(&chunk);
        chunks += 1;
    }
    assert_eq!(read, large.as_bytes());
    assert!(chunks > 1, "a 450 kB body arrives in more than one chunk");

    // A stream of `Bytes`, owned: forwarded from a spawned task.
    let stream = client.download_file("f1").await.expect("200").into_body().bytes_stream();
    let task = tokio::spawn(async move {
        use futures_util::TryStreamExt;
        stream
            .try_fold(Vec::new(), |mut read, chunk| async move {
                read.extend_from_slice(&chunk);
                Ok(read)
            })
            .await
    });
    assert_eq!(task.await.expect("the task ran").expect("body"), large.as_bytes());

    // `*/*`: whatever the server sends, as bytes.
    let thumbnail = client.thumbnail("f1").await.expect("200").into_body();
    assert_eq!(thumbnail.bytes().await.expect("body"), b"PNG");
}

#[tokio::test]
async fn text_several_and_bodiless_successes() {
    let server = TestServer::start(vec![
        CannedResponse::with_type(200, "text/csv", "id,size\nf1,4\n"),
        CannedResponse::json(200, STORED),
        CannedResponse::with_type(202, "text/plain", "40% done"),
        CannedResponse::with_type(204, "text/plain", ""),
        CannedResponse::with_type(204, "text/plain", ""),
    ]);
    let client = client(&server);
    let since = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
    let csv = client.export_report(&ExportReportRequest { since: Some(since) }).await.expect("200");
    assert_eq!(csv.body(), "id,size\nf1,4\n");
    assert_eq!(server.requests()[0].target, "/reports/export?since=2026-11-01");
    match client.file_status("f1").await.expect("200").into_body() {
        FileStatusSuccess::Ok(file) => assert_eq!(file.size, 4),
        other => panic!("{other:?}"),
    }
    match client.file_status("f1").await.expect("202").into_body() {
        FileStatusSuccess::Accepted(progress) => assert_eq!(progress, "40% done"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(client.file_status("f1").await.expect("204").into_body(), FileStatusSuccess::NoContent));
    let deleted = client.delete_file("f1").await.expect("204");
    assert_eq!(deleted.status(), 204);
}

#[tokio::test]
async fn error_bodies_that_are_not_json_are_kept_as_text() {
    let server = TestServer::start(vec![
        CannedResponse::with_type(413, "text/plain", "Request Entity Too Large"),
        CannedResponse::with_type(422, "application/problem+json", r#"{"title": "Bad PNG", "status": 422}"#),
        CannedResponse::with_type(502, "text/html", "<html>Bad Gateway</html>"),
        CannedResponse::with_type(404, "text/plain", "no such file"),
        CannedResponse::json(409, r#"{"title": "Locked"}"#),
    ]);
    let client = client(&server);
    let upload = || UploadFileRequest::new(Upload::new(b"x".to_vec()));
    let api_error = |error| match error {
        Error::Api(error) => error,
        other => panic!("{other:?}"),
    };
    match api_error(client.upload_file(&upload()).await.expect_err("413")).body {
        UploadFileError::PayloadTooLarge(text) => assert_eq!(text, "Request Entity Too Large"),
        other => panic!("{other:?}"),
    }
    match api_error(client.upload_file(&upload()).await.expect_err("422")).body {
        UploadFileError::Status4xx(problem) => assert_eq!(problem.title.as_deref(), Some("Bad PNG")),
        other => panic!("{other:?}"),
    }
    // A 502 is retried only for calls that may be repeated; an upload without a key is not.
    match api_error(client.upload_file(&upload()).await.expect_err("502")).body {
        UploadFileError::Status5xx(html) => assert_eq!(html, "<html>Bad Gateway</html>"),
        other => panic!("{other:?}"),
    }
    match client.download_file("f9").await.expect_err("404") {
        Error::Api(error) => match error.body {
            DownloadFileError::NotFound(text) => assert_eq!(text, "no such file"),
        },
        other => panic!("{other:?}"),
    }
    match client.delete_file("f1").await.expect_err("409") {
        Error::Api(error) => match error.body {
            DeleteFileError::Other(problem) => assert_eq!(problem.title.as_deref(), Some("Locked")),
        },
        other => panic!("{other:?}"),
    }
}

/// A file too large for memory is read from a stream while it is sent, as a whole body or as
/// a multipart part; with its length known, `Content-Length` says it.
#[tokio::test]
async fn uploads_stream_from_chunks() {
    let server = TestServer::start(vec![CannedResponse::with_type(204, "text/plain", ""), CannedResponse::json(201, STORED)]);
    let client = client(&server);
    let chunks = || futures_util::stream::iter((0..3).map(|i| Ok::<_, std::io::Error>(vec![b'a' + i; 1000])));
    let expected: Vec<u8> = (0..3).flat_map(|i| vec![b'a' + i; 1000]).collect();

    client.replace_content("f1", &ReplaceContentRequest::new(Upload::stream(chunks(), Some(3000)))).await.expect("204");
    let upload = Upload::stream(chunks(), None).file_name("big.bin").content_type("application/octet-stream");
    let request = UploadFileRequest { description: Some("big".into()), ..UploadFileRequest::new(upload) };
    client.upload_file(&request).await.expect("201");
    // A stream is read once: sending the same request again is refused before sending.
    match client.upload_file(&request).await.expect_err("sent already") {
        Error::InvalidRequest(error) => assert!(error.to_string().contains("`file` is a stream that was sent already"), "{error}"),
        other => panic!("{other:?}"),
    }

    let sent = server.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].body, expected);
    assert_eq!(sent[0].header("content-length"), Some("3000"));
    let b = boundary(&sent[1]);
    let mut body = format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").into_bytes();
    body.extend_from_slice(&expected);
    body.extend_from_slice(format!("\r\n--{b}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nbig\r\n--{b}--\r\n").as_bytes());
    assert_eq!(sent[1].body, body);
    // Without the stream's length the body is sent in chunks.
    assert_eq!(sent[1].header("transfer-encoding"), Some("chunked"));
}

/// Spring's springdoc writes JSON bodies and responses as `*/*`: with a schema that is not a
/// string, they are JSON.
#[tokio::test]
async fn wildcard_media_types_with_object_schemas_are_json() {
    let server = TestServer::start(vec![CannedResponse::with_type(200, "application/json", STORED)]);
    let label = client(&server).create_label(&CreateLabelRequest::new("urgent")).await.expect("200");
    assert_eq!(label.size, 4);
    let sent = &server.requests()[0];
    assert_eq!(sent.header("content-type"), Some("application/json"));
    assert_eq!(sent.body, br#"{"name":"urgent"}"#);
}
