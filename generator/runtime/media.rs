//! Bodies that are not JSON or form text: files to upload, `multipart/form-data` bodies built
//! from them, and downloads read as a whole or chunk by chunk.

use std::fmt;

use serde::Serialize;

use crate::error::InvalidRequest;

/// A file to upload: its bytes, and the file name and media type to announce with them.
///
/// Used for `multipart/form-data` file parts and for binary request bodies
/// (`application/octet-stream`, `image/png`, ...):
/// `Upload::new(bytes).file_name("invoice.pdf").content_type("application/pdf")`.
#[derive(Clone, PartialEq, Eq)]
pub struct Upload {
    bytes: Vec<u8>,
    file_name: Option<String>,
    content_type: Option<String>,
}

impl Upload {
    /// An upload of `bytes`, with no file name; its media type is the one the API documents.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            bytes: bytes.into(),
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

    /// The bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The media type to send: the caller's, else `documented`.
    pub(crate) fn media_type<'a>(&'a self, documented: &'a str) -> &'a str {
        self.content_type.as_deref().unwrap_or(documented)
    }
}

impl From<Vec<u8>> for Upload {
    fn from(bytes: Vec<u8>) -> Self {
        Self::new(bytes)
    }
}

/// Files can be large and private: `Debug` shows their size, not their bytes.
impl fmt::Debug for Upload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upload")
            .field("bytes", &format_args!("{} bytes", self.bytes.len()))
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .finish()
    }
}

/// A binary response body not read yet: read it whole with [`Download::bytes`], or chunk by
/// chunk with [`Download::chunk`] to keep a large file out of memory.
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
    body: Vec<u8>,
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
            body: value.as_bytes().to_vec(),
        });
    }

    /// A file part: the upload's bytes, its file name (else the part's name) and its media
    /// type (else `documented`, the one the API gives).
    pub fn file(&mut self, name: &str, upload: &Upload, documented: &str) {
        self.parts.push(Part {
            name: name.to_owned(),
            file_name: Some(upload.file_name.clone().unwrap_or_else(|| name.to_owned())),
            content_type: Some(upload.media_type(documented).to_owned()),
            body: upload.bytes.clone(),
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
            body,
        });
        Ok(())
    }

    /// The `Content-Type` header and the body, with a boundary chosen by `next_boundary`
    /// (called again while the boundary occurs in a part).
    pub(crate) fn finish(self, mut next_boundary: impl FnMut() -> String) -> (String, Vec<u8>) {
        let boundary = loop {
            let candidate = next_boundary();
            let delimiter = format!("--{candidate}");
            if !self
                .parts
                .iter()
                .any(|part| contains(&part.body, delimiter.as_bytes()))
            {
                break candidate;
            }
        };
        let mut body = Vec::new();
        for part in &self.parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            let mut disposition = format!(
                "Content-Disposition: form-data; name=\"{}\"",
                quoted(&part.name)
            );
            if let Some(file_name) = &part.file_name {
                disposition.push_str(&format!("; filename=\"{}\"", quoted(file_name)));
            }
            body.extend_from_slice(disposition.as_bytes());
            body.extend_from_slice(b"\r\n");
            if let Some(content_type) = &part.content_type {
                // A media type is one header line: line breaks would start another header.
                let content_type: String =
                    content_type.chars().filter(|c| !c.is_control()).collect();
                body.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
            }
            body.extend_from_slice(b"\r\n");
            body.extend_from_slice(&part.body);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        (format!("multipart/form-data; boundary={boundary}"), body)
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
        let (content_type, bytes) = body.finish(|| "B".to_owned());
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
        let (content_type, bytes) = body.finish(|| candidates.pop().unwrap());
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
