//! A raw HTTP/1.1 test server on 127.0.0.1: it records the bytes of each request exactly as
//! the client sent them (no framework normalizes the path or the headers first) and answers
//! with canned responses. Shared by the workspace's tests and the generated-Chargebee harness.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A request as the server received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// `POST`.
    pub method: String,
    /// The request target exactly as sent (`/api/v2/invoices/a%2Fb/resume_dunning`).
    pub target: String,
    /// Header names (lowercased) and values, in the order received.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
    /// When the server finished reading it.
    pub received_at: Instant,
}

impl RecordedRequest {
    /// Every value of header `name` (case-insensitive).
    pub fn header_values(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The single value of header `name`; `None` if absent. Panics if repeated.
    pub fn header(&self, name: &str) -> Option<&str> {
        let values = self.header_values(name);
        assert!(
            values.len() <= 1,
            "header {name} sent {} times",
            values.len()
        );
        values.first().copied()
    }
}

/// A response the server sends.
#[derive(Debug, Clone)]
pub struct CannedResponse {
    /// The status code.
    pub status: u16,
    /// The `Content-Type`.
    pub content_type: String,
    /// The body.
    pub body: String,
    /// More headers, in order.
    pub extra_headers: Vec<(String, String)>,
}

impl CannedResponse {
    /// A JSON response.
    pub fn json(status: u16, body: &str) -> Self {
        Self {
            status,
            content_type: "application/json;charset=utf-8".into(),
            body: body.into(),
            extra_headers: Vec::new(),
        }
    }

    /// A response with any content type.
    pub fn with_type(status: u16, content_type: &str, body: &str) -> Self {
        Self {
            status,
            content_type: content_type.into(),
            body: body.into(),
            extra_headers: Vec::new(),
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.extra_headers.push((name.into(), value.into()));
        self
    }
}

/// An HTTP server on 127.0.0.1 that records requests and replays canned responses, one per
/// connection, in order; the last one repeats.
pub struct TestServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<RecordedRequest>>>,
}

/// How long the server waits for a request's bytes, and the longest it holds a request (see
/// [`Reply::HoldUntilClosed`] and [`Rendezvous`]): long enough for a starved machine, short
/// enough that a broken client fails a test instead of hanging it.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// What the server does with one request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Answer at once.
    Respond(CannedResponse),
    /// Never answer: hold the request until the client closes the connection (it gave up, say
    /// on a timeout), then close too. A response slower than any timeout, without a fixed
    /// pause that a slow machine could outlast. After [`PATIENCE`] the server closes the
    /// connection without answering.
    HoldUntilClosed,
    /// Answer once the rendezvous has gathered its group (see [`Rendezvous`]).
    RespondTogether(Arc<Rendezvous>, CannedResponse),
    /// Reset the connection (TCP RST) without answering.
    Reset,
}

/// Server-side synchronization for concurrency tests: each request waits until `size`
/// requests are waiting, then the whole group is answered. A group can only form if the
/// client really has `size` requests in flight at once. A request that has waited
/// [`PATIENCE`] without its group forming is answered anyway and counted in
/// [`Rendezvous::stragglers`], so a test fails instead of hanging.
#[derive(Debug)]
pub struct Rendezvous {
    size: usize,
    state: Mutex<RendezvousState>,
    group_formed: Condvar,
}

#[derive(Debug, Default)]
struct RendezvousState {
    waiting: usize,
    groups: usize,
    stragglers: usize,
}

impl Rendezvous {
    /// A rendezvous for groups of `size` requests.
    pub fn new(size: usize) -> Arc<Self> {
        Arc::new(Self {
            size,
            state: Mutex::new(RendezvousState::default()),
            group_formed: Condvar::new(),
        })
    }

    /// How many complete groups were answered.
    pub fn groups(&self) -> usize {
        self.state.lock().map(|s| s.groups).unwrap_or_default()
    }

    /// How many requests were answered without their group forming.
    pub fn stragglers(&self) -> usize {
        self.state.lock().map(|s| s.stragglers).unwrap_or_default()
    }

    fn wait(&self) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        state.waiting += 1;
        if state.waiting == self.size {
            state.waiting = 0;
            state.groups += 1;
            self.group_formed.notify_all();
            return;
        }
        let group = state.groups;
        let deadline = Instant::now() + PATIENCE;
        while state.groups == group {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                state.waiting -= 1;
                state.stragglers += 1;
                return;
            }
            match self.group_formed.wait_timeout(state, left) {
                Ok((next, _)) => state = next,
                Err(_) => return,
            }
        }
    }
}

/// Decides the reply to the request with the given index (0 for the first).
type Handler = dyn Fn(usize, &RecordedRequest) -> Reply + Send + Sync;

impl TestServer {
    /// Starts a server answering with `responses`, one per request in order; the last repeats.
    pub fn start(responses: Vec<CannedResponse>) -> Self {
        Self::with_handler(move |index, _| {
            let response = responses.get(index).or(responses.last()).cloned();
            response.map_or(Reply::Reset, Reply::Respond)
        })
    }

    /// Starts a server that replies as `handler` decides.
    pub fn with_handler(
        handler: impl Fn(usize, &RecordedRequest) -> Reply + Send + Sync + 'static,
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local address");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let recorded = Arc::clone(&requests);
        let handler: Arc<Handler> = Arc::new(handler);
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let recorded = Arc::clone(&recorded);
                let handler = Arc::clone(&handler);
                thread::spawn(move || serve(stream, &*handler, &recorded));
            }
        });
        Self { addr, requests }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The requests received so far, in the order they were read.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

fn serve(stream: TcpStream, handler: &Handler, recorded: &Mutex<Vec<RecordedRequest>>) {
    let _ = stream.set_read_timeout(Some(PATIENCE));
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut parts = request_line.trim_end().splitn(3, ' ');
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    let body = if chunked {
        match read_chunked(&mut reader) {
            Some(body) => body,
            None => return,
        }
    } else {
        let length = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse::<usize>().ok())
            .unwrap_or(0);
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        body
    };
    let request = RecordedRequest {
        method,
        target,
        headers,
        body,
        received_at: Instant::now(),
    };
    let reply = match recorded.lock() {
        Ok(mut requests) => {
            let reply = handler(requests.len(), &request);
            requests.push(request);
            reply
        }
        Err(_) => return,
    };
    let response = match reply {
        Reply::Respond(response) => response,
        Reply::HoldUntilClosed => {
            // Read until the client closes (0 bytes, or a reset) or PATIENCE runs out.
            let deadline = Instant::now() + PATIENCE;
            let mut stream = stream;
            let mut scratch = [0; 1024];
            loop {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
                    return;
                }
                match stream.read(&mut scratch) {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
            }
        }
        Reply::RespondTogether(rendezvous, response) => {
            rendezvous.wait();
            response
        }
        Reply::Reset => {
            // Linger 0 makes close() send RST instead of FIN: a connection reset.
            let _ = socket2::SockRef::from(&stream).set_linger(Some(Duration::ZERO));
            return;
        }
    };
    let reply = format!(
        "HTTP/1.1 {} X\r\nContent-Type: {}\r\nContent-Length: {}\r\n{}Connection: close\r\n\r\n{}",
        response.status,
        response.content_type,
        response.body.len(),
        response
            .extra_headers
            .iter()
            .map(|(name, value)| format!("{name}: {value}\r\n"))
            .collect::<String>(),
        response.body
    );
    let mut stream = stream;
    let _ = stream.write_all(reply.as_bytes());
    let _ = stream.flush();
}

/// A body sent with `Transfer-Encoding: chunked` (a streamed upload of unknown length), its
/// chunks joined; `None` if the connection ends first.
fn read_chunked(reader: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut size = String::new();
        if reader.read_line(&mut size).ok()? == 0 {
            return None;
        }
        let size = size.trim_end().split(';').next()?;
        let size = usize::from_str_radix(size.trim(), 16).ok()?;
        let mut chunk = vec![0; size + 2];
        reader.read_exact(&mut chunk).ok()?;
        if size == 0 {
            // The last chunk, then (no trailers) the blank line already read.
            return Some(body);
        }
        body.extend_from_slice(&chunk[..size]);
    }
}
