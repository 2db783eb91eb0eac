//! `text/event-stream` responses (server-sent events) as a typed [`EventStream`]: the bytes are
//! read as the WHATWG HTML standard's event-stream interpretation reads them (section 9.2.6),
//! chunk by chunk as they arrive, and each event's `data` is decoded into the type the API
//! documents.

use std::collections::VecDeque;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::Stream;

use crate::client::Response;
use crate::error::{Error, InvalidRequest};
use crate::lines::ItemStream;
use crate::runtime::Sent;

/// A chunked response body, owned (`Send + 'static`).
pub(crate) type Chunks =
    Pin<Box<dyn Stream<Item = Result<bytes::Bytes, reqwest::Error>> + Send + 'static>>;

/// How a stream item is decoded from its text.
pub(crate) type Decode<T> = fn(&str) -> Result<T, serde_json::Error>;

/// A failure inside a streamed response. The stream goes on after a [`StreamError::Decode`]
/// (the next event may fit); it ends after a [`StreamError::Connection`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StreamError {
    /// The connection failed, or stayed silent past the client's read idle timeout, before
    /// the stream ended.
    #[error("the stream broke off: {0}")]
    Connection(#[source] reqwest::Error),
    /// An event's `data` (or an NDJSON line) is not the documented type. Kept whole.
    #[error("a streamed item does not match its documented type: {source}")]
    Decode {
        /// The event's type (`message` unless the server named one); `None` for NDJSON.
        event: Option<String>,
        /// The text that did not decode.
        data: String,
        /// Why it did not.
        #[source]
        source: serde_json::Error,
    },
}

/// One server-sent event, its `data` decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerSentEvent<T> {
    /// The event's type: its `event` field, `message` when it has none.
    pub event: String,
    /// The last event id the server gave (`id` fields persist across events, as the WHATWG
    /// standard says); `None` while it gave none, or after it reset it with an empty `id`.
    pub id: Option<String>,
    /// The event's `data`, its lines joined with `\n`, decoded.
    pub data: T,
}

/// An event as the parser dispatches it, before its data is decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawEvent {
    pub(crate) event: String,
    pub(crate) id: String,
    pub(crate) data: String,
}

/// The WHATWG event-stream parser, fed chunks at arbitrary byte boundaries.
#[derive(Debug, Default)]
pub(crate) struct Parser {
    /// The bytes of the line being read (or, at the start, of a possible byte-order mark).
    line: Vec<u8>,
    /// Whether the leading byte-order mark has been looked for.
    started: bool,
    /// The last chunk ended with CR: an LF starting the next one ends no second line.
    after_cr: bool,
    data: String,
    event: String,
    last_id: String,
    retry: Option<u64>,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Parser {
    /// Reads `chunk`, queueing the events it completes.
    pub(crate) fn push(&mut self, mut chunk: &[u8], out: &mut VecDeque<RawEvent>) {
        if !self.started {
            // The mark may be split across chunks: hold the bytes until it is decided.
            let take = chunk.len().min(BOM.len() - self.line.len());
            self.line.extend_from_slice(&chunk[..take]);
            chunk = &chunk[take..];
            if self.line.len() < BOM.len() && BOM.starts_with(&self.line) {
                return;
            }
            self.started = true;
            let held = std::mem::take(&mut self.line);
            let held = held.strip_prefix(BOM).unwrap_or(&held);
            self.bytes(held, out);
        }
        self.bytes(chunk, out);
    }

    fn bytes(&mut self, mut chunk: &[u8], out: &mut VecDeque<RawEvent>) {
        if self.after_cr && !chunk.is_empty() {
            self.after_cr = false;
            if chunk[0] == b'\n' {
                chunk = &chunk[1..];
            }
        }
        while let Some(end) = chunk.iter().position(|&b| b == b'\n' || b == b'\r') {
            self.line.extend_from_slice(&chunk[..end]);
            let line = std::mem::take(&mut self.line);
            self.line_end(&String::from_utf8_lossy(&line), out);
            let crlf = chunk[end] == b'\r';
            chunk = &chunk[end + 1..];
            if crlf {
                match chunk.first() {
                    Some(b'\n') => chunk = &chunk[1..],
                    Some(_) => {}
                    None => self.after_cr = true,
                }
            }
        }
        self.line.extend_from_slice(chunk);
    }

    /// One whole line, as the standard's "process the line" says.
    fn line_end(&mut self, line: &str, out: &mut VecDeque<RawEvent>) {
        if line.is_empty() {
            return self.dispatch(out);
        }
        if line.starts_with(':') {
            return; // A comment.
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "event" => value.clone_into(&mut self.event),
            "data" => {
                self.data.push_str(value);
                self.data.push('\n');
            }
            "id" if !value.contains('\0') => value.clone_into(&mut self.last_id),
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                self.retry = value.parse().ok();
            }
            _ => {} // Unknown fields are ignored.
        }
    }

    fn dispatch(&mut self, out: &mut VecDeque<RawEvent>) {
        let event = std::mem::take(&mut self.event);
        if self.data.is_empty() {
            return; // A block without data dispatches nothing.
        }
        let mut data = std::mem::take(&mut self.data);
        data.pop(); // The LF after the last data line.
        out.push_back(RawEvent {
            event: if event.is_empty() {
                "message".to_owned()
            } else {
                event
            },
            id: self.last_id.clone(),
            data,
        });
    }

    /// The reconnection time the server last asked for, in milliseconds.
    pub(crate) fn retry(&self) -> Option<u64> {
        self.retry
    }
}

/// A `text/event-stream` response: a `Stream` of its events, each `data` decoded into `T`.
///
/// It ends when the server closes the stream (an event cut off by the close is not
/// dispatched, as the WHATWG standard says), after the end sentinel when the API has one
/// (`[client] stream-end`, OpenAI's `[DONE]`), or after a [`StreamError::Connection`]. An
/// event whose data is not a `T` is a [`StreamError::Decode`] holding it, and the stream goes
/// on. It owns the response: `Send + 'static`, for `tokio::spawn`.
pub struct EventStream<T> {
    chunks: Option<Chunks>,
    parser: Parser,
    ready: VecDeque<RawEvent>,
    end: Option<&'static str>,
    decode: Decode<T>,
}

impl<T> EventStream<T> {
    pub(crate) fn new(chunks: Chunks, end: Option<&'static str>, decode: Decode<T>) -> Self {
        Self {
            chunks: Some(chunks),
            parser: Parser::default(),
            ready: VecDeque::new(),
            end,
            decode,
        }
    }

    /// The reconnection delay the server asked for with a `retry` field, if it did.
    pub fn retry(&self) -> Option<Duration> {
        self.parser.retry().map(Duration::from_millis)
    }
}

impl<T> fmt::Debug for EventStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventStream")
            .field("open", &self.chunks.is_some())
            .field("ready", &self.ready.len())
            .field("end", &self.end)
            .finish()
    }
}

impl<T> Stream for EventStream<T> {
    type Item = Result<ServerSentEvent<T>, StreamError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(raw) = this.ready.pop_front() {
                if this.end.is_some_and(|end| raw.data == end) {
                    // The sentinel ends the stream; what follows it is not the API's data.
                    this.chunks = None;
                    this.ready.clear();
                    return Poll::Ready(None);
                }
                let id = (!raw.id.is_empty()).then_some(raw.id);
                return Poll::Ready(Some(match (this.decode)(&raw.data) {
                    Ok(data) => Ok(ServerSentEvent {
                        event: raw.event,
                        id,
                        data,
                    }),
                    Err(source) => Err(StreamError::Decode {
                        event: Some(raw.event),
                        data: raw.data,
                        source,
                    }),
                }));
            }
            let Some(chunks) = this.chunks.as_mut() else {
                return Poll::Ready(None);
            };
            match chunks.as_mut().poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Ok(chunk))) => this.parser.push(&chunk, &mut this.ready),
                Poll::Ready(Some(Err(error))) => {
                    this.chunks = None;
                    return Poll::Ready(Some(Err(StreamError::Connection(error))));
                }
                // At the end, a pending event is discarded.
                Poll::Ready(None) => this.chunks = None,
            }
        }
    }
}

/// Decodes JSON text (an event's `data`, an NDJSON line).
pub(crate) fn json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str(text)
}

/// Keeps text as it is (a stream whose items the API documents as plain strings).
pub(crate) fn text(text: &str) -> Result<String, serde_json::Error> {
    Ok(text.to_owned())
}

/// The streamed responses an operation returns (the call was [`Call::streamed`]).
///
/// [`Call::streamed`]: crate::runtime::Call::streamed
impl Sent {
    /// The body as server-sent events whose `data` is JSON of type `T`; `end` is the API's
    /// end sentinel, if it has one.
    pub fn events<T: serde::de::DeserializeOwned, E>(
        self,
        end: Option<&'static str>,
    ) -> Result<Response<EventStream<T>>, Error<E>> {
        self.streamed_body(|chunks| EventStream::new(chunks, end, json))
    }

    /// The body as server-sent events whose `data` is plain text.
    pub fn text_events<E>(
        self,
        end: Option<&'static str>,
    ) -> Result<Response<EventStream<String>>, Error<E>> {
        self.streamed_body(|chunks| EventStream::new(chunks, end, text))
    }

    /// The body as NDJSON / JSON Lines of type `T`.
    pub fn items<T: serde::de::DeserializeOwned, E>(
        self,
    ) -> Result<Response<ItemStream<T>>, Error<E>> {
        self.streamed_body(|chunks| ItemStream::new(chunks, json))
    }

    fn streamed_body<B, E>(self, body: impl FnOnce(Chunks) -> B) -> Result<Response<B>, Error<E>> {
        match self.unread {
            Some(response) => Ok(Response {
                status: self.status,
                headers: self.headers,
                body: body(Box::pin(response.bytes_stream())),
            }),
            None => Err(Error::InvalidRequest(InvalidRequest(
                "the response was read before it could be streamed".to_owned(),
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Parser, RawEvent};
    use std::collections::VecDeque;

    fn parse_chunks(chunks: &[&[u8]]) -> Vec<RawEvent> {
        let mut parser = Parser::default();
        let mut out = VecDeque::new();
        for chunk in chunks {
            parser.push(chunk, &mut out);
        }
        out.into()
    }

    fn parse(text: &str) -> Vec<RawEvent> {
        parse_chunks(&[text.as_bytes()])
    }

    fn raw(event: &str, id: &str, data: &str) -> RawEvent {
        RawEvent {
            event: event.to_owned(),
            id: id.to_owned(),
            data: data.to_owned(),
        }
    }

    #[test]
    fn whatwg_stock_example_joins_data_lines_with_lf() {
        // The standard's first example: three data lines, one event.
        let events = parse("data: YHOO\ndata: +2\ndata: 10\n\n");
        assert_eq!(events, [raw("message", "", "YHOO\n+2\n10")]);
    }

    #[test]
    fn whatwg_example_with_comment_ids_and_a_trailing_block_not_dispatched() {
        // "The following stream contains four blocks": a comment, an event with an id, an
        // event that keeps the id, and a last block cut off by the end of the stream.
        let text = ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n";
        let events = parse(text);
        assert_eq!(
            events,
            [
                raw("message", "1", "first event"),
                raw("message", "", "second event"),
            ]
        );
        // Only the blank line dispatches: " third event" waits for one.
        let mut all = parse(&format!("{text}\n"));
        assert_eq!(all.pop(), Some(raw("message", "", " third event")));
    }

    #[test]
    fn whatwg_two_events_the_second_with_an_empty_data_line() {
        // "data\n\ndata\ndata\n\ndata:": an empty event, then one "\n"; the last is cut off.
        let events = parse("data\n\ndata\ndata\n\ndata:");
        assert_eq!(events, [raw("message", "", ""), raw("message", "", "\n")]);
    }

    #[test]
    fn whatwg_one_space_after_the_colon_is_dropped_only() {
        let events = parse("data:test\n\ndata: test\n\ndata:  test\n\n");
        assert_eq!(
            events,
            [
                raw("message", "", "test"),
                raw("message", "", "test"),
                raw("message", "", " test"),
            ]
        );
    }

    #[test]
    fn event_types_ids_and_retry() {
        let mut parser = Parser::default();
        let mut out = VecDeque::new();
        let text = "event: add\nid: 7\nretry: 2500\ndata: {}\n\nevent: remove\ndata: 1\n\nid\x00x: 9\nretry: 1s\ndata: 2\n\n";
        parser.push(text.as_bytes(), &mut out);
        assert_eq!(
            Vec::from(out),
            [
                raw("add", "7", "{}"),
                // The id persists; the event type does not.
                raw("remove", "7", "1"),
                raw("message", "7", "2"),
            ]
        );
        // `retry: 1s` is not digits only: ignored.
        assert_eq!(parser.retry(), Some(2500));
    }

    #[test]
    fn an_id_with_nul_is_ignored_and_an_empty_id_resets() {
        let events = parse("id: 1\ndata: a\n\nid: 2\u{0}\ndata: b\n\nid:\ndata: c\n\n");
        assert_eq!(
            events,
            [
                raw("message", "1", "a"),
                raw("message", "1", "b"),
                raw("message", "", "c"),
            ]
        );
    }

    #[test]
    fn blocks_without_data_dispatch_nothing_and_reset_the_type() {
        let events = parse("event: ping\n\n: keep-alive\n\ndata: x\n\n");
        assert_eq!(events, [raw("message", "", "x")]);
    }

    #[test]
    fn a_field_without_colon_and_unknown_fields() {
        let events = parse("data\nfoo: bar\nDATA: no\ndata:x\n\n");
        assert_eq!(events, [raw("message", "", "\nx")]);
    }

    #[test]
    fn cr_lf_and_crlf_all_end_lines() {
        let expected = [raw("message", "", "a\nb"), raw("message", "", "c")];
        for text in [
            "data: a\ndata: b\n\ndata: c\n\n",
            "data: a\rdata: b\r\rdata: c\r\r",
            "data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n",
            "data: a\r\ndata: b\r\rdata: c\n\r\n",
        ] {
            assert_eq!(parse(text), expected, "{text:?}");
        }
        // A CR ending one chunk and an LF starting the next are one line end.
        assert_eq!(
            parse_chunks(&[b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"]),
            [raw("message", "", "a\nb")]
        );
    }

    #[test]
    fn one_leading_byte_order_mark_is_ignored() {
        let events = parse("\u{feff}data: a\n\n");
        assert_eq!(events, [raw("message", "", "a")]);
        // Split across chunks, byte by byte.
        let bytes = "\u{feff}data: a\n\n".as_bytes();
        let chunks: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(parse_chunks(&chunks), [raw("message", "", "a")]);
        // A second one is part of the field name, which is then unknown.
        assert_eq!(
            parse("\u{feff}\u{feff}data: a\n\ndata: b\n\n"),
            [raw("message", "", "b")]
        );
        // Without one, the first bytes are not held back wrongly.
        assert_eq!(
            parse_chunks(&[b"d", b"ata: a\n\n"]),
            [raw("message", "", "a")]
        );
    }

    #[test]
    fn invalid_utf8_is_replaced() {
        let events = parse_chunks(&[b"data: \xFF\n\n"]);
        assert_eq!(events, [raw("message", "", "\u{fffd}")]);
    }

    /// A stream with every feature: BOM, comments, CR/LF/CRLF, multi-line data, multi-byte
    /// characters, ids, types, blocks without data, a cut-off last block.
    const STREAM: &str =
        "\u{feff}: hello\r\nevent: start\r\nid: 1\r\ndata: {\"n\": \"é€😀\"}\r\n\r\n\
        data: line one\rdata: line two\r\r\
        event: ping\n\n\
        data\ndata: x\nid: 2\n\n\
        retry: 100\n:comment\nevent: end\ndata: [DONE]\n\n\
        data: cut off";

    #[test]
    fn fuzz_random_splits_give_the_same_events() {
        let bytes = STREAM.as_bytes();
        let whole = parse_chunks(&[bytes]);
        assert_eq!(whole.len(), 4);
        assert_eq!(whole[1].data, "line one\nline two");
        let mut rng = fastrand::Rng::with_seed(0x5eed_ca75);
        for _ in 0..20_000 {
            let mut cuts: Vec<usize> = (0..rng.usize(0..12))
                .map(|_| rng.usize(0..=bytes.len()))
                .collect();
            cuts.sort_unstable();
            let mut chunks = Vec::new();
            let mut start = 0;
            for cut in cuts {
                chunks.push(&bytes[start..cut]);
                start = cut;
            }
            chunks.push(&bytes[start..]);
            assert_eq!(parse_chunks(&chunks), whole, "cut at {chunks:?}");
        }
        // Every single split point, and byte by byte.
        for cut in 0..=bytes.len() {
            assert_eq!(parse_chunks(&[&bytes[..cut], &bytes[cut..]]), whole);
        }
        let single: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(parse_chunks(&single), whole);
    }
}
