//! NDJSON and JSON Lines responses (`application/x-ndjson`, `application/jsonl`) as a typed
//! [`ItemStream`]: one JSON value a line, decoded as each line arrives.

use std::collections::VecDeque;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::Stream;

use crate::sse::{Chunks, Decode, StreamError};

/// Splits bytes arriving in chunks into lines (LF-terminated, a CR before the LF dropped).
/// Blank lines are skipped, as NDJSON readers do.
#[derive(Debug, Default)]
pub(crate) struct LineSplitter {
    line: Vec<u8>,
}

impl LineSplitter {
    /// Reads `chunk`, queueing the lines it completes.
    pub(crate) fn push(&mut self, mut chunk: &[u8], out: &mut VecDeque<String>) {
        while let Some(end) = chunk.iter().position(|&b| b == b'\n') {
            self.line.extend_from_slice(&chunk[..end]);
            chunk = &chunk[end + 1..];
            let line = std::mem::take(&mut self.line);
            self.emit(&line, out);
        }
        self.line.extend_from_slice(chunk);
    }

    /// At the end of the body: a last line without its LF is an item too.
    pub(crate) fn finish(&mut self, out: &mut VecDeque<String>) {
        let line = std::mem::take(&mut self.line);
        self.emit(&line, out);
    }

    fn emit(&self, line: &[u8], out: &mut VecDeque<String>) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if !line.iter().all(u8::is_ascii_whitespace) {
            out.push_back(String::from_utf8_lossy(line).into_owned());
        }
    }
}

/// An NDJSON or JSON Lines response: a `Stream` of its lines, each decoded into `T`.
///
/// It ends with the body, or after a [`StreamError::Connection`]; a line that is not a `T` is
/// a [`StreamError::Decode`] holding it, and the stream goes on. It owns the response:
/// `Send + 'static`, for `tokio::spawn`.
pub struct ItemStream<T> {
    chunks: Option<Chunks>,
    lines: LineSplitter,
    ready: VecDeque<String>,
    decode: Decode<T>,
}

impl<T> ItemStream<T> {
    pub(crate) fn new(chunks: Chunks, decode: Decode<T>) -> Self {
        Self {
            chunks: Some(chunks),
            lines: LineSplitter::default(),
            ready: VecDeque::new(),
            decode,
        }
    }
}

impl<T> fmt::Debug for ItemStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemStream")
            .field("open", &self.chunks.is_some())
            .field("ready", &self.ready.len())
            .finish()
    }
}

impl<T> Stream for ItemStream<T> {
    type Item = Result<T, StreamError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(line) = this.ready.pop_front() {
                return Poll::Ready(Some((this.decode)(&line).map_err(|source| {
                    StreamError::Decode {
                        event: None,
                        data: line,
                        source,
                    }
                })));
            }
            let Some(chunks) = this.chunks.as_mut() else {
                return Poll::Ready(None);
            };
            match chunks.as_mut().poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Ok(chunk))) => this.lines.push(&chunk, &mut this.ready),
                Poll::Ready(Some(Err(error))) => {
                    this.chunks = None;
                    return Poll::Ready(Some(Err(StreamError::Connection(error))));
                }
                Poll::Ready(None) => {
                    this.chunks = None;
                    this.lines.finish(&mut this.ready);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LineSplitter;
    use std::collections::VecDeque;

    fn split(chunks: &[&[u8]]) -> Vec<String> {
        let mut splitter = LineSplitter::default();
        let mut out = VecDeque::new();
        for chunk in chunks {
            splitter.push(chunk, &mut out);
        }
        splitter.finish(&mut out);
        out.into()
    }

    #[test]
    fn lines_end_with_lf_or_crlf_blank_ones_skipped_the_last_may_lack_its_lf() {
        let lines = split(&[b"{\"a\":1}\n\r\n{\"a\":2}\r\n  \n{\"a\":3}"]);
        assert_eq!(lines, ["{\"a\":1}", "{\"a\":2}", "{\"a\":3}"]);
    }

    #[test]
    fn fuzz_random_splits_give_the_same_lines() {
        let bytes = "{\"n\":\"é😀\"}\r\n{\"n\":2}\n\n[1,2]\r\n\"x\"".as_bytes();
        let whole = split(&[bytes]);
        assert_eq!(whole.len(), 4);
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..10_000 {
            let mut cuts: Vec<usize> = (0..rng.usize(0..8))
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
            assert_eq!(split(&chunks), whole, "{chunks:?}");
        }
    }
}
