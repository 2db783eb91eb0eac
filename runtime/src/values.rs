//! The encoding and checks of a request's single values: a path segment, a header value, a
//! number's text, Base64 and JSON, and the documented length and range constraints. Each
//! refuses what would change the request's meaning rather than send it.
//!
//! The generated operations call these through `runtime` (which re-exports them), as they call
//! the rest of the plumbing.

use base64::Engine as _;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use reqwest::header::HeaderValue;
use serde::Serialize;

use crate::error::{InvalidRequest, ValidationError};

/// Everything but RFC 3986's unreserved characters is percent-encoded in a path segment, so
/// a value can never add a segment, a query or a fragment. `runtime` encodes cookie values
/// with it too, so that a value cannot add a cookie or an attribute.
pub(crate) const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Encodes `value` as exactly one path segment.
///
/// `.` and `..` are refused: URL parsers resolve them (even percent-encoded) and the request
/// would go to another resource. So is an empty value, which would leave an empty segment.
pub fn path_segment(name: &str, value: &str) -> Result<String, InvalidRequest> {
    if value.is_empty() || value == "." || value == ".." {
        return Err(InvalidRequest(format!(
            "path parameter `{name}` must not be empty, `.` or `..`"
        )));
    }
    Ok(utf8_percent_encode(value, SEGMENT).to_string())
}

/// A header value, refusing what would split the header (CR, LF) or what HTTP cannot carry
/// (other control characters, non-ASCII). Marked sensitive, so `Debug` never prints it.
pub fn header_value(name: &str, value: &str) -> Result<HeaderValue, InvalidRequest> {
    if value.contains(['\r', '\n']) {
        return Err(InvalidRequest(format!(
            "header `{name}` contains a line break"
        )));
    }
    if !value.chars().all(|c| c == '\t' || (' '..='~').contains(&c)) {
        return Err(InvalidRequest(format!(
            "header `{name}` contains a control or non-ASCII character"
        )));
    }
    // Servers strip the whitespace around a header value (RFC 9110 §5.5): a value sent with
    // it would be read as another value.
    if value.starts_with([' ', '\t']) || value.ends_with([' ', '\t']) {
        return Err(InvalidRequest(format!(
            "header `{name}` starts or ends with whitespace, which servers strip"
        )));
    }
    let mut value = HeaderValue::from_str(value).map_err(|_| {
        InvalidRequest(format!(
            "header `{name}` contains a character HTTP cannot carry"
        ))
    })?;
    value.set_sensitive(true);
    Ok(value)
}

/// The text of a number sent in a query string, a form field or a header; `field` names it
/// in the error. NaN and the infinities are refused: `to_string` would send `NaN` or `inf`,
/// which no server reads as a number.
pub fn number(field: &str, value: f64) -> Result<String, InvalidRequest> {
    if value.is_finite() {
        Ok(value.to_string())
    } else {
        Err(InvalidRequest(format!(
            "`{field}` is {value}, which cannot be sent as a number"
        )))
    }
}

/// The Base64 encoding (standard alphabet, padded) of a text's UTF-8 bytes, for
/// `format: byte` values.
pub fn base64(value: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(value.as_bytes())
}

/// JSON text of a value sent in a parameter or a form field; `field` names it in the error.
pub fn json<T: Serialize + ?Sized>(field: &str, value: &T) -> Result<String, InvalidRequest> {
    crate::finite::check(value)
        .map_err(|error| InvalidRequest(format!("`{field}` cannot be encoded as JSON: {error}")))?;
    serde_json::to_string(value)
        .map_err(|error| InvalidRequest(format!("`{field}` cannot be encoded as JSON: {error}")))
}

/// A value as JSON, for one member of a JSON body; `field` names it in the error.
pub fn json_value<T: Serialize + ?Sized>(
    field: &str,
    value: &T,
) -> Result<serde_json::Value, InvalidRequest> {
    crate::finite::check(value)
        .map_err(|error| InvalidRequest(format!("`{field}` cannot be encoded as JSON: {error}")))?;
    serde_json::to_value(value)
        .map_err(|error| InvalidRequest(format!("`{field}` cannot be encoded as JSON: {error}")))
}

/// Checks a string's length in characters (Unicode code points, as JSON Schema counts).
pub fn check_length(
    field: &str,
    value: &str,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), ValidationError> {
    let length = value.chars().count();
    if let Some(max) = max.filter(|max| length > *max) {
        return Err(ValidationError {
            field: field.to_owned(),
            message: format!("is longer than {max} characters ({length})"),
        });
    }
    if let Some(min) = min.filter(|min| length < *min) {
        return Err(ValidationError {
            field: field.to_owned(),
            message: format!("is shorter than {min} characters ({length})"),
        });
    }
    Ok(())
}

/// Checks that a number lies within its documented bounds (inclusive).
pub fn check_range(
    field: &str,
    value: f64,
    min: Option<f64>,
    max: Option<f64>,
) -> Result<(), ValidationError> {
    // Every comparison with NaN is false: without this, NaN would pass any bounds.
    if value.is_nan() && (min.is_some() || max.is_some()) {
        return Err(ValidationError {
            field: field.to_owned(),
            message: "is not a number (NaN)".to_owned(),
        });
    }
    if let Some(min) = min.filter(|min| value < *min) {
        return Err(ValidationError {
            field: field.to_owned(),
            message: format!("is below the minimum {min} ({value})"),
        });
    }
    if let Some(max) = max.filter(|max| value > *max) {
        return Err(ValidationError {
            field: field.to_owned(),
            message: format!("is above the maximum {max} ({value})"),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_sent_only_when_finite() {
        assert_eq!(number("ratio", 0.5).unwrap(), "0.5");
        assert_eq!(number("ratio", -3.0).unwrap(), "-3");
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let error = number("ratio", bad).unwrap_err();
            assert!(error.0.starts_with("`ratio` is "), "{}", error.0);
        }
    }

    #[test]
    fn path_segments_cannot_escape() {
        assert_eq!(
            path_segment("id", "a/b?c#d%e f").unwrap(),
            "a%2Fb%3Fc%23d%25e%20f"
        );
        assert_eq!(path_segment("id", "été").unwrap(), "%C3%A9t%C3%A9");
        assert_eq!(path_segment("id", "inv_1-2.3~").unwrap(), "inv_1-2.3~");
        for bad in ["", ".", ".."] {
            assert!(path_segment("id", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn headers_refuse_line_breaks_and_control_characters() {
        assert_eq!(
            header_value("x-test", "plain value").unwrap(),
            "plain value"
        );
        for bad in ["a\r\nx-injected: 1", "a\nb", "a\rb", "nul\0", "caf\u{e9}"] {
            assert!(header_value("x-test", bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            format!("{:?}", header_value("x-key", "secret").unwrap()),
            "Sensitive"
        );
    }

    #[test]
    fn base64_encodes_utf8() {
        assert_eq!(base64("jörg@example.com"), "asO2cmdAZXhhbXBsZS5jb20=");
    }

    #[test]
    fn json_failures_name_the_field() {
        let mut map = std::collections::HashMap::new();
        map.insert(vec![1u8], 1);
        let error = json("meta_data", &map).unwrap_err();
        assert!(
            error.0.starts_with("`meta_data` cannot be encoded as JSON"),
            "{error}"
        );
        assert!(json_value("body", &map)
            .unwrap_err()
            .0
            .starts_with("`body`"));
        assert_eq!(json("x", &[1, 2]).unwrap(), "[1,2]");
    }

    #[test]
    fn lengths_count_characters() {
        assert!(check_length("comment", &"é".repeat(300), None, Some(300)).is_ok());
        let error = check_length("comment", &"a".repeat(301), None, Some(300)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "`comment` is longer than 300 characters (301)"
        );
        assert!(check_length("name", "", Some(1), None).is_err());
    }

    #[test]
    fn ranges_are_inclusive() {
        assert!(check_range("limit", 1.0, Some(1.0), Some(100.0)).is_ok());
        assert!(check_range("limit", 100.0, Some(1.0), Some(100.0)).is_ok());
        assert_eq!(
            check_range("limit", 101.0, Some(1.0), Some(100.0))
                .unwrap_err()
                .field,
            "limit"
        );
        assert!(check_range("limit", 0.0, Some(1.0), None).is_err());
    }
}
