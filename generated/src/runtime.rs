//! Request encoding and response decoding shared by every operation.

use crate::error::Error;
use crate::error::InvalidRequest;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use base64::Engine as _;
use serde::de::DeserializeOwned;

/// Everything but RFC 3986's unreserved characters is percent-encoded in a path
/// segment, so a value can never add a segment, a query or a fragment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
/// Encodes `value` as exactly one path segment.
///
/// `.` and `..` are refused: URL parsers resolve them (even percent-encoded) and the
/// request would go to another resource. So is an empty value, which would leave an
/// empty segment.
pub(crate) fn path_segment(name: &str, value: &str) -> Result<String, InvalidRequest> {
    if value.is_empty() || value == "." || value == ".." {
        return Err(
            InvalidRequest(
                format!("path parameter `{name}` must not be empty, `.` or `..`"),
            ),
        );
    }
    Ok(utf8_percent_encode(value, SEGMENT).to_string())
}

/// Adds a header, refusing values that would split the header (CR, LF) or that
/// HTTP cannot carry (other control characters, non-ASCII).
pub(crate) fn header(
    headers: &mut HeaderMap,
    name: &'static str,
    value: &str,
) -> Result<(), InvalidRequest> {
    if value.contains(['\r', '\n']) {
        return Err(InvalidRequest(format!("header `{name}` contains a line break")));
    }
    if !value.chars().all(|c| c == '\t' || (' '..='~').contains(&c)) {
        return Err(
            InvalidRequest(
                format!("header `{name}` contains a control or non-ASCII character"),
            ),
        );
    }
    let value = HeaderValue::from_str(value)
        .map_err(|_| {
            InvalidRequest(
                format!("header `{name}` contains a character HTTP cannot carry"),
            )
        })?;
    headers.insert(HeaderName::from_static(name), value);
    Ok(())
}

/// An `application/x-www-form-urlencoded` body or query string.
pub(crate) struct Form(form_urlencoded::Serializer<'static, String>);

impl Form {
    /// An empty form.
    pub(crate) fn new() -> Self {
        Self(form_urlencoded::Serializer::new(String::new()))
    }

    /// Appends `key=value`, both encoded.
    pub(crate) fn append(&mut self, key: &str, value: &str) {
        self.0.append_pair(key, value);
    }

    /// The encoded text.
    pub(crate) fn finish(mut self) -> String {
        self.0.finish()
    }
}

/// Standard Base64 of the text's UTF-8 bytes.
pub(crate) fn base64(value: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(value)
}

/// Decodes a JSON response body.
pub(crate) fn decode<T: DeserializeOwned, E>(
    status: u16,
    body: &[u8],
) -> Result<T, Error<E>> {
    serde_json::from_slice(body)
        .map_err(|source| Error::Decode {
            status,
            body: String::from_utf8_lossy(body).into_owned(),
            source,
        })
}

/// Decodes a documented error response into [`Error::Api`].
pub(crate) fn api_error<T: DeserializeOwned, E>(
    status: u16,
    body: &[u8],
    variant: fn(T) -> E,
) -> Error<E> {
    match decode(status, body) {
        Ok(value) => {
            Error::Api {
                status,
                body: Box::new(variant(value)),
            }
        }
        Err(error) => error,
    }
}

/// Sends a request and reads the whole response.
pub(crate) async fn send(
    request: reqwest::RequestBuilder,
) -> Result<(u16, Vec<u8>), reqwest::Error> {
    let response = request.send().await?;
    let status = response.status().as_u16();
    let body = response.bytes().await?;
    Ok((status, body.to_vec()))
}

/// The error for a status the operation does not document.
pub(crate) fn unexpected<E>(status: u16, body: &[u8]) -> Error<E> {
    Error::UnexpectedStatus {
        status,
        body: String::from_utf8_lossy(body).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_cannot_escape() {
        assert_eq!(path_segment("id", "a/b?c#d%e f").unwrap(), "a%2Fb%3Fc%23d%25e%20f");
        assert_eq!(path_segment("id", "été").unwrap(), "%C3%A9t%C3%A9");
        assert_eq!(path_segment("id", "inv_1-2.3~").unwrap(), "inv_1-2.3~");
        for bad in ["", ".", ".."] {
            assert!(path_segment("id", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn headers_refuse_line_breaks_and_control_characters() {
        let mut headers = HeaderMap::new();
        header(&mut headers, "x-test", "plain value").unwrap();
        assert_eq!(headers["x-test"], "plain value");
        for bad in ["a\r\nx-injected: 1", "a\nb", "a\rb", "nul\0", "caf\u{e9}"] {
            assert!(header(& mut headers, "x-test", bad).is_err(), "{bad:?}");
        }
        assert_eq!(headers.len(), 1);
    }

    #[test]
    fn forms_encode_reserved_characters() {
        let mut form = Form::new();
        form.append("comment", "a b&c=d+é");
        form.append("x[y]", "1");
        assert_eq!(form.finish(), "comment=a+b%26c%3Dd%2B%C3%A9&x%5By%5D=1");
    }

    #[test]
    fn base64_encodes_utf8() {
        assert_eq!(
            base64("user.квітка@example.com"),
            "dXNlci7QutCy0ZbRgtC60LBAZXhhbXBsZS5jb20="
        );
    }

    #[test]
    fn documented_errors_decode_into_their_variant() {
        match api_error::<String, Option<String>>(404, b"\"gone\"", Some) {
            Error::Api { status, body } => {
                assert_eq!(status, 404);
                assert_eq!(body, Box::new(Some("gone".to_owned())));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn decoding_keeps_the_body_of_bad_responses() {
        let error = decode::<u32, ()>(502, b"<html>gateway</html>").unwrap_err();
        match error {
            Error::Decode { status, body, .. } => {
                assert_eq!((status, body.as_str()), (502, "<html>gateway</html>"))
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
