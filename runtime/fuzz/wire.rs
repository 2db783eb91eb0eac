//! A loopback HTTP/1.1 server that records every request it receives byte for byte and answers
//! `200 OK` with an empty body: it shows what the client really put on the wire, after reqwest
//! and hyper, for `tests/encoding/` and the runtime fuzzer (`fuzz/main.rs`).
//!
//! Plain `std` (one thread per connection, keep-alive honoured), so it needs no async runtime
//! of its own. Timeouts only keep a broken run from hanging; nothing asserts on time.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

/// Long enough for the slowest CI machine; only there to end a run that would hang.
const PATIENCE: Duration = Duration::from_secs(60);

/// A request as the server read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// The method of the request line.
    pub method: String,
    /// The request target, exactly as sent: `/x/a%2Fb?q=1`.
    pub target: String,
    /// Each header line in order: the name in lowercase, and the raw bytes after the colon
    /// (hyper writes `name: value`, so they begin with one space).
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body (read by `content-length`).
    pub body: Vec<u8>,
}

impl Recorded {
    /// The path part of the target.
    pub fn path(&self) -> &str {
        self.target
            .split_once('?')
            .map_or(&self.target, |(path, _)| path)
    }

    /// The query part of the target, when there is a `?`.
    pub fn query(&self) -> Option<&str> {
        self.target.split_once('?').map(|(_, query)| query)
    }

    /// The raw values (see [`Recorded::headers`]) of every header line named `name`.
    pub fn raw_values(&self, name: &str) -> Vec<&[u8]> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
            .collect()
    }

    /// The value of the only header line named `name` as an HTTP server sees it: RFC 9110
    /// §5.5 strips leading and trailing spaces and tabs. `None` when there is no such line;
    /// panics when there are several.
    pub fn field_value(&self, name: &str) -> Option<&[u8]> {
        let values = self.raw_values(name);
        assert!(values.len() <= 1, "{} `{name}` header lines", values.len());
        values.first().copied().map(trim_ows)
    }
}

/// The running server: requests arrive on a channel in the order they were read.
pub struct Server {
    url: String,
    requests: Receiver<Result<Recorded, String>>,
}

impl Server {
    /// Listens on a free port of 127.0.0.1, in a background thread that lives as long as the
    /// process.
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let (sender, requests) = mpsc::channel();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let sender = sender.clone();
                thread::spawn(move || serve(stream, &sender));
            }
        });
        Server { url, requests }
    }

    /// `http://127.0.0.1:<port>`, the base URL to give the client.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The next request read, in full. Panics if none arrives (after a generous wait) or the
    /// server could not parse it.
    pub fn next_request(&self) -> Recorded {
        match self.requests.recv_timeout(PATIENCE) {
            Ok(Ok(request)) => request,
            Ok(Err(error)) => panic!("the test server could not read a request: {error}"),
            Err(error) => panic!("no request reached the test server: {error}"),
        }
    }
}

/// Serves one connection until the client closes it.
fn serve(stream: TcpStream, sender: &Sender<Result<Recorded, String>>) {
    let _ = stream.set_read_timeout(Some(PATIENCE));
    let _ = stream.set_write_timeout(Some(PATIENCE));
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    loop {
        match read_request(&mut reader) {
            Ok(None) => return,
            Ok(Some(request)) => {
                // Recorded before answering: once the client has its response, the request
                // is waiting on the channel.
                if sender.send(Ok(request)).is_err() {
                    return;
                }
                let answer = b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n";
                if writer
                    .write_all(answer)
                    .and_then(|()| writer.flush())
                    .is_err()
                {
                    return;
                }
            }
            Err(error) => {
                let _ = sender.send(Err(error));
                return;
            }
        }
    }
}

/// One request, or `None` at a clean end of the connection.
fn read_request(reader: &mut impl BufRead) -> Result<Option<Recorded>, String> {
    let mut line = Vec::new();
    let read = reader
        .read_until(b'\n', &mut line)
        .map_err(|e| e.to_string())?;
    if read == 0 {
        return Ok(None);
    }
    let request_line = String::from_utf8(strip_crlf(&line)?.to_vec())
        .map_err(|_| format!("request line is not UTF-8: {line:?}"))?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some("HTTP/1.1"), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("bad request line {request_line:?}"));
    };
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader
            .read_until(b'\n', &mut line)
            .map_err(|e| e.to_string())?;
        let field = strip_crlf(&line)?;
        if field.is_empty() {
            break;
        }
        let colon = field
            .iter()
            .position(|&b| b == b':')
            .ok_or_else(|| format!("header line without a colon: {field:?}"))?;
        let name = String::from_utf8(field[..colon].to_ascii_lowercase())
            .map_err(|_| format!("header name is not UTF-8: {field:?}"))?;
        headers.push((name, field[colon + 1..].to_vec()));
    }
    let mut request = Recorded {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body: Vec::new(),
    };
    if request.field_value("transfer-encoding").is_some() {
        return Err("chunked bodies are not supported by the test server".to_owned());
    }
    if let Some(length) = request.field_value("content-length") {
        let length: usize = std::str::from_utf8(length)
            .ok()
            .and_then(|l| l.parse().ok())
            .ok_or_else(|| format!("bad content-length {length:?}"))?;
        request.body = vec![0; length];
        reader
            .read_exact(&mut request.body)
            .map_err(|e| e.to_string())?;
    }
    Ok(Some(request))
}

/// `value` without its leading and trailing spaces and tabs (optional whitespace).
fn trim_ows(mut value: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = value {
        value = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = value {
        value = rest;
    }
    value
}

fn strip_crlf(line: &[u8]) -> Result<&[u8], String> {
    line.strip_suffix(b"\r\n")
        .ok_or_else(|| format!("line not ended by CRLF: {line:?}"))
}
