//! Bodies that are not JSON or form text: files to upload, `multipart/form-data` bodies built
//! from them, and downloads read as a whole or chunk by chunk.

use std::fmt;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use futures_util::{future, stream, Stream, StreamExt, TryStream, TryStreamExt};
use serde::Serialize;

use crate::error::InvalidRequest;

/// A file to upload: its bytes (in memory, or a stream read while sending), and the file name
/// and media type to announce with them.
///
/// Used for `multipart/form-data` file parts and for binary request bodies
/// (`application/octet-stream`, `image/png`, ...):
/// `Upload::new(bytes).file_name("invoice.pdf").content_type("application/pdf")`, or
/// `Upload::stream(chunks, Some(length))` for a file too large to hold in memory.
#[derive(Clone)]
pub struct Upload {
    content: Content,
    file_name: Option<String>,
    content_type: Option<String>,
}

/// A stream of chunks, boxed so that [`Upload`] is one type whatever the caller streams from.
type Chunks = Pin<Box<dyn Stream<Item = Result<Bytes, BoxError>> + Send>>;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

#[derive(Clone)]
enum Content {
    Bytes(Vec<u8>),
    /// Read once, while sending: clones share it, and the first call that sends it takes it.
    Stream {
        chunks: Arc<Mutex<Option<Chunks>>>,
        length: Option<u64>,
    },
}

impl Upload {
    /// An upload of `bytes`, with no file name; its media type is the one the API documents.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self::of(Content::Bytes(bytes.into()))
    }

    /// An upload read from `stream` while the request is sent, so the file need not fit in
    /// memory. Give its `length` when known: it is sent as `Content-Length` (some servers
    /// refuse a body without one). A call sending a stream is never retried, since the
    /// stream cannot be read twice; sending the same upload again is an error.
    pub fn stream<S>(stream: S, length: Option<u64>) -> Self
    where
        S: TryStream + Send + 'static,
        S::Error: Into<BoxError>,
        Bytes: From<S::Ok>,
    {
        let chunks: Chunks = Box::pin(stream.map_ok(Bytes::from).map_err(Into::into));
        Self::of(Content::Stream {
            chunks: Arc::new(Mutex::new(Some(chunks))),
            length,
        })
    }

    fn of(content: Content) -> Self {
        Self {
            content,
            file_name: None,
            content_type: None,
        }
    }

    /// Names the file (a multipart part's `filename`; without one, the part's name is sent).
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Sets the media type sent with the bytes, instead of the one the API documents.
    pub fn content_type(mut self, media_type: impl Into<String>) -> Self {
        self.content_type = Some(media_type.into());
        self
    }

    /// The bytes, for an upload made from bytes (`None` for a stream).
    pub fn bytes(&self) -> Option<&[u8]> {
        match &self.content {
            Content::Bytes(bytes) => Some(bytes),
            Content::Stream { .. } => None,
        }
    }

    /// The media type to send: the caller's, else `documented`.
    pub(crate) fn media_type<'a>(&'a self, documented: &'a str) -> &'a str {
        self.content_type.as_deref().unwrap_or(documented)
    }

    /// The bytes or the stream, to send. `name` names the upload in the error for a stream
    /// sent already.
    pub(crate) fn take(&self, name: &str) -> Result<Body, InvalidRequest> {
        match &self.content {
            Content::Bytes(bytes) => Ok(Body::Bytes(bytes.clone())),
            Content::Stream { chunks, length } => {
                let taken = chunks.lock().map_or(None, |mut chunks| chunks.take());
                match taken {
                    Some(chunks) => Ok(Body::Stream {
                        chunks,
                        length: *length,
                    }),
                    None => Err(InvalidRequest(format!(
                        "`{name}` is a stream that was sent already: a stream is read once, so \
                         give a new `Upload` for each call"
                    ))),
                }
            }
        }
    }
}

impl From<Vec<u8>> for Upload {
    fn from(bytes: Vec<u8>) -> Self {
        Self::new(bytes)
    }
}

/// Bytes compare by value, streams by identity (clones of one stream are equal).
impl PartialEq for Upload {
    fn eq(&self, other: &Self) -> bool {
        let content = match (&self.content, &other.content) {
            (Content::Bytes(a), Content::Bytes(b)) => a == b,
            (Content::Stream { chunks: a, .. }, Content::Stream { chunks: b, .. }) => {
                Arc::ptr_eq(a, b)
            }
            _ => false,
        };
        content && self.file_name == other.file_name && self.content_type == other.content_type
    }
}

impl Eq for Upload {}

/// Files can be large and private: `Debug` shows their size, not their bytes.
impl fmt::Debug for Upload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let content = match &self.content {
            Content::Bytes(bytes) => format!("{} bytes", bytes.len()),
            Content::Stream {
                length: Some(length),
                ..
            } => format!("a stream of {length} bytes"),
            Content::Stream { length: None, .. } => "a stream".to_owned(),
        };
        f.debug_struct("Upload")
            .field("content", &format_args!("{content}"))
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .finish()
    }
}

/// A request body ready to send: bytes (which a retry can send again) or a stream.
pub(crate) enum Body {
    Bytes(Vec<u8>),
    Stream {
        chunks: Chunks,
        /// Its length, when known: sent as `Content-Length`.
        length: Option<u64>,
    },
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Body::Bytes(bytes) => write!(f, "{} bytes", bytes.len()),
            Body::Stream { .. } => f.write_str("a stream"),
        }
    }
}

/// A binary response body not read yet: read it whole with [`Download::bytes`], or chunk by
/// chunk with [`Download::chunk`] to keep a large file out of memory, or as a `Stream` of
/// [`bytes::Bytes`] with [`Download::bytes_stream`], which copies nothing.
#[derive(Debug)]
pub struct Download {
    response: reqwest::Response,
}

impl Download {
    pub(crate) fn new(response: reqwest::Response) -> Self {
        Self { response }
    }

    /// The body's length, when the server announced it.
    pub fn content_length(&self) -> Option<u64> {
        self.response.content_length()
    }

    /// The next chunk of the body, or `None` at its end.
    ///
    /// # Errors
    ///
    /// The connection failed or timed out before the body was complete.
    pub async fn chunk(&mut self) -> Result<Option<Vec<u8>>, reqwest::Error> {
        Ok(self.response.chunk().await?.map(|chunk| chunk.to_vec()))
    }

    /// The whole body.
    ///
    /// # Errors
    ///
    /// The connection failed or timed out before the body was complete.
    pub async fn bytes(self) -> Result<Vec<u8>, reqwest::Error> {
        Ok(self.response.bytes().await?.to_vec())
    }

    /// The body as a stream of chunks, each the `Bytes` the connection delivered (no copy).
    /// It owns the response: `Send + 'static`, so a task can forward it (to a file, another
    /// HTTP body). Each item is a chunk or the failure that ended the body.
    pub fn bytes_stream(
        self,
    ) -> impl futures_util::Stream<Item = Result<bytes::Bytes, reqwest::Error>> + Send + 'static
    {
        self.response.bytes_stream()
    }
}

/// A `multipart/form-data` body (RFC 7578), built part by part and written with a boundary
/// that occurs in none of them.
#[derive(Debug, Default)]
pub struct Multipart {
    parts: Vec<Part>,
}

#[derive(Debug)]
struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    body: PartBody,
}

#[derive(Debug)]
enum PartBody {
    Bytes(Vec<u8>),
    /// A file read from a stream while sending.
    Stream(Upload),
}

impl Multipart {
    /// An empty body.
    pub fn new() -> Self {
        Self::default()
    }

    /// A text part (a string, number, boolean or enum value), sent without a media type.
    pub fn text(&mut self, name: &str, value: &str) {
        self.parts.push(Part {
            name: name.to_owned(),
            file_name: None,
            content_type: None,
            body: PartBody::Bytes(value.as_bytes().to_vec()),
        });
    }

    /// A file part: the upload's bytes, its file name (else the part's name) and its media
    /// type (else `documented`, the one the API gives).
    pub fn file(&mut self, name: &str, upload: &Upload, documented: &str) {
        self.parts.push(Part {
            name: name.to_owned(),
            file_name: Some(upload.file_name.clone().unwrap_or_else(|| name.to_owned())),
            content_type: Some(upload.media_type(documented).to_owned()),
            body: match upload.bytes() {
                Some(bytes) => PartBody::Bytes(bytes.to_vec()),
                None => PartBody::Stream(upload.clone()),
            },
        });
    }

    /// A JSON part (objects, lists of objects, and values the API sends as
    /// `application/json`).
    ///
    /// # Errors
    ///
    /// The value cannot be written as JSON (a non-finite number, say).
    pub fn json<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> Result<(), InvalidRequest> {
        crate::finite::check(value).map_err(|error| {
            InvalidRequest(format!("`{name}` cannot be encoded as JSON: {error}"))
        })?;
        let body = serde_json::to_vec(value).map_err(|error| {
            InvalidRequest(format!("`{name}` cannot be encoded as JSON: {error}"))
        })?;
        self.parts.push(Part {
            name: name.to_owned(),
            file_name: None,
            content_type: Some("application/json".to_owned()),
            body: PartBody::Bytes(body),
        });
        Ok(())
    }

    /// The `Content-Type` header and the body, with a boundary chosen by `next_boundary`
    /// (called again while the boundary occurs in a part; a streamed part cannot be searched,
    /// and a random 32-character boundary is as good as absent from it). With a streamed
    /// file the body is a stream, its length known when every stream's is.
    pub(crate) fn finish(
        self,
        mut next_boundary: impl FnMut() -> String,
    ) -> Result<(String, Body), InvalidRequest> {
        let boundary = loop {
            let candidate = next_boundary();
            let delimiter = format!("--{candidate}");
            if !self.parts.iter().any(|part| match &part.body {
                PartBody::Bytes(body) => contains(body, delimiter.as_bytes()),
                PartBody::Stream(_) => false,
            }) {
                break candidate;
            }
        };
        let mut segments = Vec::new();
        let mut bytes = Vec::new();
        for part in self.parts {
            bytes.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            let mut disposition = format!(
                "Content-Disposition: form-data; name=\"{}\"",
                quoted(&part.name)
            );
            if let Some(file_name) = &part.file_name {
                disposition.push_str(&format!("; filename=\"{}\"", quoted(file_name)));
            }
            bytes.extend_from_slice(disposition.as_bytes());
            bytes.extend_from_slice(b"\r\n");
            if let Some(content_type) = &part.content_type {
                // A media type is one header line: line breaks would start another header.
                let content_type: String =
                    content_type.chars().filter(|c| !c.is_control()).collect();
                bytes.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
            }
            bytes.extend_from_slice(b"\r\n");
            match part.body {
                PartBody::Bytes(body) => bytes.extend_from_slice(&body),
                PartBody::Stream(upload) => {
                    segments.push(Body::Bytes(std::mem::take(&mut bytes)));
                    segments.push(upload.take(&part.name)?);
                }
            }
            bytes.extend_from_slice(b"\r\n");
        }
        bytes.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        segments.push(Body::Bytes(bytes));
        let content_type = format!("multipart/form-data; boundary={boundary}");
        Ok((content_type, Body::concat(segments)))
    }
}

impl Body {
    /// One body of `segments` in order: bytes when they all are, else a stream.
    fn concat(segments: Vec<Body>) -> Body {
        if segments.iter().all(|s| matches!(s, Body::Bytes(_))) {
            let bytes = segments
                .into_iter()
                .flat_map(|s| match s {
                    Body::Bytes(bytes) => bytes,
                    Body::Stream { .. } => Vec::new(),
                })
                .collect();
            return Body::Bytes(bytes);
        }
        let mut length = Some(0u64);
        let mut chunks: Chunks = Box::pin(stream::empty());
        for segment in segments {
            let next: Chunks = match segment {
                Body::Bytes(bytes) => {
                    length = length.map(|l| l + bytes.len() as u64);
                    Box::pin(stream::once(future::ready(Ok(Bytes::from(bytes)))))
                }
                Body::Stream {
                    chunks,
                    length: part,
                } => {
                    length = length.zip(part).map(|(l, p)| l + p);
                    chunks
                }
            };
            chunks = Box::pin(chunks.chain(next));
        }
        Body::Stream { chunks, length }
    }
}

/// A name or file name inside a quoted header parameter, escaped as browsers do (the HTML
/// standard's multipart encoding): `"` as `%22`, CR as `%0D`, LF as `%0A`, so neither can end
/// the parameter or the header.
fn quoted(text: &str) -> String {
    text.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// A fresh random boundary: 32 letters and digits.
pub(crate) fn random_boundary() -> String {
    (0..32).map(|_| fastrand::alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_written_as_rfc_7578_says() {
        let mut body = Multipart::new();
        body.text("name", "Ada");
        body.file(
            "photo",
            &Upload::new(b"\x89PNG".to_vec()).file_name("a.png"),
            "image/png",
        );
        body.file(
            "doc",
            &Upload::new(b"x".to_vec()),
            "application/octet-stream",
        );
        body.json("meta", &serde_json::json!({"k": 1})).unwrap();
        let (content_type, bytes) = finished(body, || "B".to_owned());
        assert_eq!(content_type, "multipart/form-data; boundary=B");
        assert_eq!(
            bytes,
            b"--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAda\r\n\
              --B\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\
              --B\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"doc\"\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n\
              --B\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"k\":1}\r\n\
              --B--\r\n"
                .to_vec()
        );
    }

    #[test]
    fn names_cannot_break_out_and_the_boundary_occurs_in_no_part() {
        let mut body = Multipart::new();
        body.text("a\"; filename=\"x\r\nX-Evil: 1", "--first inside");
        let upload = Upload::new(b"y".to_vec()).content_type("text/plain\r\nX-Evil: 1");
        body.file("f", &upload, "text/plain");
        let mut candidates = vec!["second".to_owned(), "first".to_owned()];
        let (content_type, bytes) = finished(body, || candidates.pop().unwrap());
        assert_eq!(content_type, "multipart/form-data; boundary=second");
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.contains("name=\"a%22; filename=%22x%0D%0AX-Evil: 1\""),
            "{text}"
        );
        assert!(
            text.contains("Content-Type: text/plainX-Evil: 1\r\n"),
            "{text}"
        );
        assert!(!text.contains("\r\nX-Evil"), "{text}");
    }

    fn finished(body: Multipart, boundary: impl FnMut() -> String) -> (String, Vec<u8>) {
        match body.finish(boundary).unwrap() {
            (content_type, Body::Bytes(bytes)) => (content_type, bytes),
            (_, Body::Stream { .. }) => panic!("all parts are bytes"),
        }
    }

    #[tokio::test]
    async fn a_streamed_file_is_sent_once_between_byte_parts_with_a_known_length() {
        let chunks = stream::iter([Ok::<_, std::io::Error>(b"ab".to_vec()), Ok(b"cd".to_vec())]);
        let upload = Upload::stream(chunks, Some(4)).file_name("f.bin");
        assert_eq!(
            format!("{upload:?}"),
            "Upload { content: a stream of 4 bytes, file_name: Some(\"f.bin\"), content_type: None }"
        );
        let mut body = Multipart::new();
        body.text("a", "1");
        body.file("f", &upload, "application/octet-stream");
        let (_, sent) = body.finish(|| "B".to_owned()).unwrap();
        let Body::Stream { chunks, length } = sent else {
            panic!("a streamed part makes a streamed body");
        };
        let collected: Vec<Bytes> = chunks.try_collect().await.unwrap();
        let expected = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n\
              --B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.bin\"\r\nContent-Type: application/octet-stream\r\n\r\nabcd\r\n\
              --B--\r\n";
        assert_eq!(String::from_utf8(collected.concat()).unwrap(), expected);
        assert_eq!(length, Some(expected.len() as u64));
        // The stream was taken: sending the same upload again is refused, not an empty file.
        let mut again = Multipart::new();
        again.file("f", &upload, "application/octet-stream");
        let error = again.finish(|| "B".to_owned()).unwrap_err();
        assert!(
            error.0.contains("`f` is a stream that was sent already"),
            "{}",
            error.0
        );
        // Without a length for every stream, the total is unknown.
        let unknown = Upload::stream(stream::iter([Ok::<_, std::io::Error>(b"x".to_vec())]), None);
        let mut body = Multipart::new();
        body.file("g", &unknown, "text/plain");
        assert!(matches!(
            body.finish(|| "B".to_owned()).unwrap().1,
            Body::Stream { length: None, .. }
        ));
    }

    /// Random parts (names and values with quotes, line breaks, dashes and text like a
    /// boundary) always come back out of the body whole: one delimiter per part, each part's
    /// headers one line each, its body exactly the bytes given.
    #[test]
    fn random_parts_read_back_exactly() {
        let alphabet: Vec<char> = "ab\"\r\n-=; é\u{0}".chars().collect();
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..500 {
            let text = |rng: &mut fastrand::Rng| -> String {
                (0..rng.usize(0..12))
                    .map(|_| alphabet[rng.usize(0..alphabet.len())])
                    .collect()
            };
            let mut body = Multipart::new();
            let mut expected: Vec<(String, Vec<u8>)> = Vec::new();
            for _ in 0..rng.usize(0..5) {
                let (name, value) = (text(&mut rng), text(&mut rng));
                if rng.bool() {
                    body.text(&name, &value);
                } else {
                    let upload = Upload::new(value.clone().into_bytes()).file_name(text(&mut rng));
                    body.file(&name, &upload, "application/octet-stream");
                }
                expected.push((name, value.into_bytes()));
            }
            // Boundaries drawn from the same alphabet's safe part collide often.
            let mut candidates = ["a", "ab", "b", "ba", "aab"].into_iter().cycle();
            let (content_type, bytes) = finished(body, || candidates.next().unwrap().to_owned());
            let boundary = content_type.rsplit('=').next().unwrap();
            let delimiter = format!("\r\n--{boundary}");
            // Read back: the body starts with the first delimiter (without its CRLF).
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let framed = format!("\r\n{text}");
            let mut pieces: Vec<&str> = framed.split(delimiter.as_str()).collect();
            assert_eq!(pieces.remove(0), "", "{text:?}");
            assert_eq!(pieces.pop(), Some("--\r\n"), "{text:?}");
            assert_eq!(pieces.len(), expected.len(), "{text:?}");
            for (piece, (name, value)) in pieces.iter().zip(&expected) {
                let piece = piece.strip_prefix("\r\n").unwrap();
                let (head, content) = piece.split_once("\r\n\r\n").unwrap();
                let escaped = name
                    .replace('"', "%22")
                    .replace('\r', "%0D")
                    .replace('\n', "%0A");
                assert!(
                    head.starts_with(&format!(
                        "Content-Disposition: form-data; name=\"{escaped}\""
                    )),
                    "{head:?}"
                );
                assert!(head.lines().count() <= 2, "{head:?}");
                assert_eq!(
                    content.as_bytes(),
                    String::from_utf8_lossy(value).as_bytes()
                );
            }
        }
    }

    #[test]
    fn uploads_do_not_print_their_bytes() {
        let upload = Upload::new(b"secret".to_vec()).file_name("a.txt");
        let shown = format!("{upload:?}");
        assert!(
            shown.contains("6 bytes") && !shown.contains("secret"),
            "{shown}"
        );
        assert_eq!(random_boundary().len(), 32);
    }
}
