//! Streamed responses and media types apiforge does not model, on the client generated from
//! `tests/fixtures/streams.yaml` (with `tests/fixtures/streams.toml`: `[client] stream-end =
//! "[DONE]"`), against a server on 127.0.0.1 that writes its answer chunk by chunk and, where
//! a test says so, waits for the client to have read an event before writing the next: so an
//! event reaches the caller while the response is still open, which a client reading the body
//! whole would never do (the server then breaks the connection off and the test fails).
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::{StreamExt, TryStreamExt};
use streams::completions::CreateCompletionRequest;
use streams::raw::{BuildImageRequest, CreateDraftRequest};
use streams::types::{Halt, Record, Tick, WatchTicksEvent};
use streams::{Client, CreateCompletionError, Error, StreamError, Upload};

/// How long the server waits for the client to read an event: generous, since a starved
/// machine may be slow; a client that never reads one fails the test after it.
const PATIENCE: Duration = Duration::from_secs(60);

/// One step of the server's answer.
enum Step {
    /// Write these bytes as one HTTP chunk.
    Chunk(&'static [u8]),
    /// Wait until the test has read what came before; if it never does, break the
    /// connection off without finishing the body.
    AwaitRead,
    /// Close the connection without finishing the body.
    BreakOff,
}

/// What the server received.
#[derive(Debug, Clone, Default)]
struct Received {
    head: String,
    body: Vec<u8>,
}

impl Received {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }
}

struct StreamServer {
    url: String,
    read: mpsc::Sender<()>,
    received: Arc<Mutex<Vec<Received>>>,
}

impl StreamServer {
    /// Answers one request with `status`, `content_type` and the steps, chunked.
    fn start(status: u16, content_type: &'static str, steps: Vec<Step>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let (read, reads) = mpsc::channel();
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&received);
        std::thread::spawn(move || {
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            let Some(request) = read_request(&stream) else {
                return;
            };
            log.lock().expect("log").push(request);
            let mut stream = stream;
            let head = format!(
                "HTTP/1.1 {status} OK\r\ncontent-type: {content_type}\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
            );
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            for step in steps {
                match step {
                    Step::Chunk(bytes) => {
                        let chunk = [format!("{:x}\r\n", bytes.len()).as_bytes(), bytes, b"\r\n"].concat();
                        if stream.write_all(&chunk).and_then(|()| stream.flush()).is_err() {
                            return;
                        }
                    }
                    Step::AwaitRead => {
                        if reads.recv_timeout(PATIENCE).is_err() {
                            return;
                        }
                    }
                    Step::BreakOff => return,
                }
            }
            let _ = stream.write_all(b"0\r\n\r\n");
        });
        Self { url, read, received }
    }

    fn client(&self) -> Client {
        Client::builder().base_url(&self.url).build().expect("client")
    }

    /// Tells the server the test has read what it waited for.
    fn read_it(&self) {
        self.read.send(()).expect("the server waits");
    }

    fn received(&self) -> Received {
        self.received.lock().expect("log").first().cloned().expect("a request")
    }
}

fn read_request(stream: &TcpStream) -> Option<Received> {
    stream.set_read_timeout(Some(PATIENCE)).ok()?;
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let mut received = Received { head, body: Vec::new() };
    let length: usize = received.header("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    received.body = vec![0; length];
    reader.read_exact(&mut received.body).ok()?;
    Some(received)
}

#[tokio::test]
async fn events_reach_the_caller_as_they_arrive_and_end_at_the_sentinel() {
    let server = StreamServer::start(
        200,
        "text/event-stream",
        vec![
            // A byte-order mark, a comment, CRLF line ends, an event cut between chunks.
            Step::Chunk(b"\xEF\xBB\xBF: keep-alive\r\n\r\nid: c1\r\ndata: {\"id\": \"c1\", \"del"),
            Step::Chunk(b"ta\": \"Hel\"}\r\n\r\n"),
            Step::AwaitRead,
            // A named event over two data lines (joined with a line feed), CR line ends.
            Step::Chunk(b"event: delta\rdata: {\"id\": \"c1\",\rdata:  \"delta\": \"lo\"}\r\r"),
            Step::AwaitRead,
            // The sentinel ends the stream; nothing after it is read as an event.
            Step::Chunk(b"data: [DONE]\n\ndata: {\"id\": \"late\", \"delta\": \"!\"}\n\n"),
        ],
    );
    let request = CreateCompletionRequest { stream: Some(true), ..CreateCompletionRequest::new("Say hello") };
    let mut events = server.client().create_completion_stream(&request).await.expect("200").into_body();

    let first = events.try_next().await.expect("an event").expect("not the end");
    assert_eq!((first.event.as_str(), first.id.as_deref()), ("message", Some("c1")));
    assert_eq!((first.data.id.as_str(), first.data.delta.as_str()), ("c1", "Hel"));
    server.read_it();
    let second = events.try_next().await.expect("an event").expect("not the end");
    // The id persists across events, as the WHATWG standard says.
    assert_eq!((second.event.as_str(), second.id.as_deref()), ("delta", Some("c1")));
    assert_eq!(second.data.delta, "lo");
    server.read_it();
    assert!(events.try_next().await.expect("the end").is_none());

    let sent = server.received();
    assert!(sent.head.starts_with("POST /completions "), "{}", sent.head);
    assert_eq!(sent.header("accept").as_deref(), Some("text/event-stream"));
    let body: serde_json::Value = serde_json::from_slice(&sent.body).expect("JSON");
    assert_eq!(body, serde_json::json!({"prompt": "Say hello", "stream": true}));
}

#[tokio::test]
async fn the_json_method_still_reads_the_json_answer_and_errors_are_typed() {
    let whole = StreamServer::start(200, "application/json", vec![Step::Chunk(br#"{"id": "c2", "text": "Hello"}"#)]);
    let completion = whole.client().create_completion(&CreateCompletionRequest::new("Hi")).await.expect("200");
    assert_eq!(completion.text, "Hello");

    let limited = StreamServer::start(429, "application/json", vec![Step::Chunk(br#"{"message": "slow down"}"#)]);
    match limited.client().create_completion_stream(&CreateCompletionRequest::new("Hi")).await {
        Err(Error::Api(error)) => {
            let CreateCompletionError::TooManyRequests(problem) = error.body;
            assert_eq!(problem.message, "slow down");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn union_events_decode_by_their_tag_and_a_misfit_is_an_error_never_a_wrong_variant() {
    let server = StreamServer::start(
        200,
        "text/event-stream",
        vec![Step::Chunk(
            b"retry: 1500\n\
              data: {\"type\": \"tick\", \"symbol\": \"ACME\", \"price\": 12.5}\n\n\
              event: ping\n\n\
              data: {\"type\": \"tick\", \"symbol\": \"ACME\"}\n\n\
              data: {\"type\": \"split\", \"ratio\": 2}\n\n\
              data: {\"type\": \"halt\", \"symbol\": \"ACME\", \"reason\": \"news\"}\n\n\
              data: cut off by the close",
        )],
    );
    let events = server.client().watch_ticks().await.expect("200").into_body();
    // Owned and `Send + 'static`: read from a spawned task.
    let read = tokio::spawn(async move {
        let mut events = events;
        let mut all = Vec::new();
        while let Some(event) = events.next().await {
            all.push(event);
        }
        (all, events.retry())
    });
    let (events, retry) = read.await.expect("the task ran");
    assert_eq!(retry, Some(Duration::from_millis(1500)));
    assert_eq!(events.len(), 4, "{events:?}");
    match &events[0] {
        Ok(event) => assert_eq!(
            event.data,
            WatchTicksEvent::Tick(Tick { type_: streams::types::TickType::Tick, symbol: "ACME".into(), price: 12.5 })
        ),
        other => panic!("{other:?}"),
    }
    // A tick without its price is not silently another variant: an error holding the data.
    match &events[1] {
        Err(StreamError::Decode { event, data, .. }) => {
            assert_eq!(event.as_deref(), Some("message"));
            assert_eq!(data, r#"{"type": "tick", "symbol": "ACME"}"#);
        }
        other => panic!("{other:?}"),
    }
    // A tag this client does not know keeps the payload.
    match &events[2] {
        Ok(event) => assert!(matches!(&event.data, WatchTicksEvent::Unknown(v) if v["ratio"] == 2), "{event:?}"),
        other => panic!("{other:?}"),
    }
    match &events[3] {
        Ok(event) => assert!(matches!(&event.data, WatchTicksEvent::Halt(Halt { reason: Some(r), .. }) if r == "news")),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn text_events_keep_their_data_and_a_broken_stream_ends_with_an_error() {
    let server = StreamServer::start(
        200,
        "text/event-stream",
        vec![Step::Chunk(b"data: first line\ndata: second line\n\ndata: half an ev"), Step::BreakOff],
    );
    let mut lines = server.client().tail_log().await.expect("200").into_body();
    let event = lines.try_next().await.expect("an event").expect("not the end");
    assert_eq!(event.data, "first line\nsecond line");
    // The half event is not dispatched; the broken connection is an error, then the end.
    assert!(matches!(lines.next().await, Some(Err(StreamError::Connection(_)))));
    assert!(lines.next().await.is_none());
}

#[tokio::test]
async fn ndjson_lines_are_items_as_they_arrive() {
    let server = StreamServer::start(
        200,
        "application/x-ndjson",
        vec![
            Step::Chunk(b"{\"id\": 1, \"name\": \"a\"}\r\n\n{\"id\": 2,"),
            Step::Chunk(b" \"name\": \"b\"}\n"),
            Step::AwaitRead,
            Step::Chunk(b"{\"id\": \"three\"}\n{\"id\": 4}"),
        ],
    );
    let mut items = server.client().export_records().await.expect("200").into_body();
    let first = items.try_next().await.expect("an item").expect("not the end");
    assert_eq!(first, Record { id: 1, name: Some("a".into()) });
    let second = items.try_next().await.expect("an item").expect("not the end");
    assert_eq!(second.id, 2);
    server.read_it();
    match items.next().await {
        Some(Err(StreamError::Decode { event: None, data, .. })) => assert_eq!(data, r#"{"id": "three"}"#),
        other => panic!("{other:?}"),
    }
    // The stream goes on after a line that does not fit; the last needs no line feed.
    let last = items.try_next().await.expect("an item").expect("not the end");
    assert_eq!(last.id, 4);
    assert!(items.try_next().await.expect("the end").is_none());
}

#[tokio::test]
async fn media_types_apiforge_does_not_model_are_bytes_with_their_content_type() {
    let built = StreamServer::start(200, "application/json", vec![Step::Chunk(br#"{"id": 7}"#)]);
    let tar = b"Dockerfile\0\0\0\x01\x02\xFF".to_vec();
    let image = built.client().build_image(&BuildImageRequest::new(Upload::new(tar.clone()))).await.expect("200");
    assert_eq!(image.id, 7);
    let sent = built.received();
    assert_eq!(sent.header("content-type").as_deref(), Some("application/tar"));
    assert_eq!(sent.body, tar);

    let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJkcmFmdCI6MX0.sig";
    let drafts = StreamServer::start(200, "application/jwt", vec![Step::Chunk(jwt.as_bytes())]);
    let email = b"From: ada@example.com\r\nSubject: Hi\r\n\r\nHello\r\n".to_vec();
    let draft = drafts.client().create_draft(&CreateDraftRequest::new(Upload::new(email.clone()))).await.expect("200");
    assert_eq!(draft.headers().get("content-type").map(|v| v.as_bytes()), Some(&b"application/jwt"[..]));
    assert_eq!(draft.into_body().bytes().await.expect("body"), jwt.as_bytes());
    let sent = drafts.received();
    assert_eq!(sent.header("content-type").as_deref(), Some("message/rfc822"));
    assert_eq!(sent.body, email);
}
