//! `src/runtime.rs`: the encoding and decoding every operation shares, written once and
//! unit-tested in the generated crate. Only the helpers the API needs are emitted, so the
//! crate has no dead code.

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::CrateInfo;
use crate::ir::{Api, BodyEncoding, ParamLocation, StringFormat, TypeRef};

/// Which helpers the operations use.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Uses {
    pub path: bool,
    pub header: bool,
    pub form: bool,
    pub base64: bool,
    pub json_body: bool,
    pub json_text: bool,
    pub cookie: bool,
    pub pages: bool,
    pub api_error: bool,
    pub api_status: bool,
    pub empty: bool,
    pub check_length: bool,
    pub check_range: bool,
    pub decode: bool,
}

impl Uses {
    pub(super) fn of(api: &Api, krate: &CrateInfo) -> Self {
        let mut uses = Uses::default();
        for op in &api.operations {
            uses.header |= super::operations::idempotency_header(op, krate).is_some();
            for (field, _) in super::operations::validation_checks(op) {
                match field.ty() {
                    TypeRef::String(_) => uses.check_length = true,
                    _ => uses.check_range = true,
                }
            }
            let success_body = op.success_responses().find_map(|r| r.body.as_ref());
            uses.empty |= success_body.is_none() && op.success_responses().next().is_some();
            uses.api_status |= op.error_responses().any(|r| r.body.is_none());
            for p in &op.params {
                match p.location {
                    ParamLocation::Path => uses.path = true,
                    ParamLocation::Header => uses.header = true,
                    // Cookie values are percent-encoded like form values, then sent as a header.
                    ParamLocation::Cookie => {
                        uses.header = true;
                        uses.cookie = true;
                    }
                    ParamLocation::Query => uses.form = true,
                }
                uses.base64 |= p.ty == TypeRef::String(StringFormat::Base64);
                uses.json_text |= !is_scalar(&p.ty, api);
            }
            if let Some(body) = &op.body {
                match body.encoding {
                    BodyEncoding::Form => {
                        uses.form = true;
                        for f in &body.fields {
                            uses.base64 |= f.ty == TypeRef::String(StringFormat::Base64);
                            uses.json_text |= !is_scalar(&f.ty, api);
                        }
                    }
                    BodyEncoding::Json => uses.json_body = true,
                }
            }
            uses.decode |= op.responses.iter().any(|r| r.body.is_some());
            uses.pages |= op.pagination.is_some();
            uses.api_error |= op.error_responses().any(|r| r.body.is_some());
        }
        uses
    }
}

/// Whether a value is sent as one string (else as JSON text, in a parameter or form field).
pub(super) fn is_scalar(ty: &TypeRef, api: &Api) -> bool {
    match ty {
        TypeRef::String(_) | TypeRef::Integer(_) | TypeRef::Number | TypeRef::Boolean => true,
        TypeRef::Named(name) => matches!(
            api.type_def(name).map(|t| &t.kind),
            Some(crate::ir::TypeKind::Enum { .. })
        ),
        TypeRef::Array(_) | TypeRef::Map(_) | TypeRef::Any => false,
    }
}

/// The whole `runtime` module.
pub fn emit(api: &Api, krate: &CrateInfo) -> TokenStream {
    let uses = Uses::of(api, krate);
    let mut items = Vec::new();
    let mut tests = Vec::new();
    let mut imports = vec![quote!(
        use crate::error::Error;
    )];
    if uses.path || uses.header {
        imports.push(quote!(
            use crate::error::InvalidRequest;
        ));
    }
    if uses.path {
        imports.push(quote!(
            use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
        ));
        items.push(quote! {
            /// Everything but RFC 3986's unreserved characters is percent-encoded in a path
            /// segment, so a value can never add a segment, a query or a fragment.
            const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

            /// Encodes `value` as exactly one path segment.
            ///
            /// `.` and `..` are refused: URL parsers resolve them (even percent-encoded) and the
            /// request would go to another resource. So is an empty value, which would leave an
            /// empty segment.
            pub(crate) fn path_segment(name: &str, value: &str) -> Result<String, InvalidRequest> {
                if value.is_empty() || value == "." || value == ".." {
                    return Err(InvalidRequest(format!("path parameter `{name}` must not be empty, `.` or `..`")));
                }
                Ok(utf8_percent_encode(value, SEGMENT).to_string())
            }
        });
        tests.push(quote! {
            #[test]
            fn path_segments_cannot_escape() {
                assert_eq!(path_segment("id", "a/b?c#d%e f").unwrap(), "a%2Fb%3Fc%23d%25e%20f");
                assert_eq!(path_segment("id", "été").unwrap(), "%C3%A9t%C3%A9");
                assert_eq!(path_segment("id", "inv_1-2.3~").unwrap(), "inv_1-2.3~");
                for bad in ["", ".", ".."] {
                    assert!(path_segment("id", bad).is_err(), "{bad:?}");
                }
            }
        });
    }
    if uses.header {
        imports.push(quote!(
            use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
        ));
        items.push(quote! {
            /// Adds a header, refusing values that would split the header (CR, LF) or that
            /// HTTP cannot carry (other control characters, non-ASCII).
            pub(crate) fn header(headers: &mut HeaderMap, name: &'static str, value: &str) -> Result<(), InvalidRequest> {
                if value.contains(['\r', '\n']) {
                    return Err(InvalidRequest(format!("header `{name}` contains a line break")));
                }
                // Non-ASCII is refused too: HTTP only allows it as opaque bytes that servers
                // decode inconsistently.
                if !value.chars().all(|c| c == '\t' || (' '..='~').contains(&c)) {
                    return Err(InvalidRequest(format!("header `{name}` contains a control or non-ASCII character")));
                }
                let value = HeaderValue::from_str(value).map_err(|_| {
                    InvalidRequest(format!("header `{name}` contains a character HTTP cannot carry"))
                })?;
                headers.insert(HeaderName::from_static(name), value);
                Ok(())
            }
        });
        tests.push(quote! {
            #[test]
            fn headers_refuse_line_breaks_and_control_characters() {
                let mut headers = HeaderMap::new();
                header(&mut headers, "x-test", "plain value").unwrap();
                assert_eq!(headers["x-test"], "plain value");
                for bad in ["a\r\nx-injected: 1", "a\nb", "a\rb", "nul\0", "caf\u{e9}"] {
                    assert!(header(&mut headers, "x-test", bad).is_err(), "{bad:?}");
                }
                assert_eq!(headers.len(), 1);
            }
        });
    }
    if uses.form {
        items.push(quote! {
            /// An `application/x-www-form-urlencoded` body or query string.
            pub(crate) struct Form(String);

            impl Form {
                /// An empty form.
                pub(crate) fn new() -> Self {
                    Self(String::new())
                }

                /// Appends `key=value`, both encoded.
                pub(crate) fn append(&mut self, key: &str, value: &str) {
                    if !self.0.is_empty() {
                        self.0.push('&');
                    }
                    self.0.extend(form_urlencoded::byte_serialize(key.as_bytes()));
                    self.0.push('=');
                    self.0.extend(form_urlencoded::byte_serialize(value.as_bytes()));
                }

                /// The encoded text.
                pub(crate) fn finish(self) -> String {
                    self.0
                }
            }
        });
        tests.push(quote! {
            #[test]
            fn forms_encode_reserved_characters() {
                let mut form = Form::new();
                form.append("comment", "a b&c=d+é");
                form.append("x[y]", "1");
                assert_eq!(form.finish(), "comment=a+b%26c%3Dd%2B%C3%A9&x%5By%5D=1");
            }
        });
    }
    if uses.cookie {
        items.push(quote! {
            /// Percent-encodes a cookie value the way form values are encoded, so that it
            /// cannot end its cookie (`;`) or start another.
            pub(crate) fn encode_component(value: &str) -> String {
                form_urlencoded::byte_serialize(value.as_bytes()).collect()
            }
        });
        tests.push(quote! {
            #[test]
            fn cookie_values_cannot_add_cookies() {
                assert_eq!(encode_component("a; admin=1"), "a%3B+admin%3D1");
            }
        });
    }
    if uses.base64 {
        imports.push(quote!(
            use base64::Engine as _;
        ));
        items.push(quote! {
            /// Standard Base64 of the text's UTF-8 bytes.
            pub(crate) fn base64(value: &str) -> String {
                base64::engine::general_purpose::STANDARD.encode(value)
            }
        });
        tests.push(quote! {
            #[test]
            fn base64_encodes_utf8() {
                assert_eq!(base64("user.квітка@example.com"), "dXNlci7QutCy0ZbRgtC60LBAZXhhbXBsZS5jb20=");
            }
        });
    }
    if uses.json_text || uses.json_body {
        imports.push(quote!(
            use serde::Serialize;
        ));
        items.push(quote! {
            /// JSON text of a value: the body of a JSON request, or a structured value sent in
            /// a parameter or form field.
            pub(crate) fn json<T: Serialize + ?Sized>(value: &T) -> String {
                // Serializing these generated types (strings, numbers, maps with string
                // keys) cannot fail; should it ever, `null` is sent rather than a panic.
                serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
            }
        });
    }
    if uses.decode || uses.empty {
        imports.push(quote!(
            use crate::client::Response;
        ));
    }
    if uses.api_error || uses.api_status {
        imports.push(quote!(
            use crate::error::ApiError;
        ));
    }
    if uses.empty {
        items.push(quote! {
            /// A success without a body.
            pub(crate) fn empty(sent: Sent) -> Response<()> {
                Response { status: sent.status, headers: sent.headers, body: () }
            }
        });
    }
    if uses.api_status {
        items.push(quote! {
            /// A documented error response without a body, as [`Error::Api`].
            pub(crate) fn api_status<E>(sent: Sent, error: E) -> Error<E> {
                Error::Api(Box::new(ApiError { status: sent.status, headers: sent.headers, body: error }))
            }
        });
    }
    if uses.check_length || uses.check_range {
        imports.push(quote!(
            use crate::error::ValidationError;
        ));
    }
    if uses.check_length {
        items.push(quote! {
            /// Checks a string's length in characters (Unicode code points, as JSON Schema counts).
            pub(crate) fn check_length(field: &str, value: &str, min: Option<usize>, max: Option<usize>) -> Result<(), ValidationError> {
                let length = value.chars().count();
                if let Some(max) = max.filter(|max| length > *max) {
                    return Err(ValidationError { field: field.to_owned(), message: format!("is longer than {max} characters ({length})") });
                }
                if let Some(min) = min.filter(|min| length < *min) {
                    return Err(ValidationError { field: field.to_owned(), message: format!("is shorter than {min} characters ({length})") });
                }
                Ok(())
            }
        });
        tests.push(quote! {
            #[test]
            fn lengths_count_characters() {
                assert!(check_length("comment", &"é".repeat(300), None, Some(300)).is_ok());
                let error = check_length("comment", &"a".repeat(301), None, Some(300)).unwrap_err();
                assert_eq!(error.to_string(), "`comment` is longer than 300 characters (301)");
                assert!(check_length("name", "", Some(1), None).is_err());
            }
        });
    }
    if uses.check_range {
        items.push(quote! {
            /// Checks that a number lies within its documented bounds.
            pub(crate) fn check_range(field: &str, value: f64, min: Option<f64>, max: Option<f64>) -> Result<(), ValidationError> {
                if let Some(min) = min.filter(|min| value < *min) {
                    return Err(ValidationError { field: field.to_owned(), message: format!("is below the minimum {min} ({value})") });
                }
                if let Some(max) = max.filter(|max| value > *max) {
                    return Err(ValidationError { field: field.to_owned(), message: format!("is above the maximum {max} ({value})") });
                }
                Ok(())
            }
        });
        tests.push(quote! {
            #[test]
            fn ranges_are_inclusive() {
                assert!(check_range("limit", 1.0, Some(1.0), Some(100.0)).is_ok());
                assert!(check_range("limit", 100.0, Some(1.0), Some(100.0)).is_ok());
                assert_eq!(check_range("limit", 101.0, Some(1.0), Some(100.0)).unwrap_err().field, "limit");
                assert!(check_range("limit", 0.0, Some(1.0), None).is_err());
            }
        });
    }
    if uses.decode {
        imports.push(quote!(
            use serde::de::DeserializeOwned;
        ));
        items.push(quote! {
            /// Decodes a JSON response body, keeping the status and headers beside it.
            pub(crate) fn decode<T: DeserializeOwned, E>(sent: Sent) -> Result<Response<T>, Error<E>> {
                match serde_json::from_slice(&sent.body) {
                    Ok(body) => Ok(Response { status: sent.status, headers: sent.headers, body }),
                    Err(source) => Err(Error::Decode {
                        status: sent.status,
                        body: String::from_utf8_lossy(&sent.body).into_owned(),
                        source,
                    }),
                }
            }
        });
    }
    if uses.api_error {
        items.push(quote! {
            /// Decodes a documented error response into [`Error::Api`].
            pub(crate) fn api_error<T: DeserializeOwned, E>(sent: Sent, variant: fn(T) -> E) -> Error<E> {
                match decode::<T, E>(sent) {
                    Ok(response) => Error::Api(Box::new(ApiError {
                        status: response.status,
                        headers: response.headers,
                        body: variant(response.body),
                    })),
                    Err(error) => error,
                }
            }
        });
        tests.push(quote! {
            #[test]
            fn documented_errors_decode_into_their_variant() {
                let sent = Sent { status: 404, headers: HeaderMap::new(), body: b"\"gone\"".to_vec() };
                match api_error::<String, Option<String>>(sent, Some) {
                    Error::Api(error) => {
                        assert_eq!(error.status, 404);
                        assert_eq!(error.body, Some("gone".to_owned()));
                    }
                    other => panic!("unexpected {other:?}"),
                }
            }
        });
    }
    if uses.decode {
        tests.push(quote! {
            #[test]
            fn decoding_keeps_the_body_of_bad_responses() {
                let sent = Sent { status: 502, headers: HeaderMap::new(), body: b"<html>gateway</html>".to_vec() };
                match decode::<u32, ()>(sent) {
                    Err(Error::Decode { status, body, .. }) => assert_eq!((status, body.as_str()), (502, "<html>gateway</html>")),
                    other => panic!("unexpected {other:?}"),
                }
            }
        });
    }
    if !uses.header {
        imports.push(quote!(
            use reqwest::header::HeaderMap;
        ));
    }
    imports.push(quote!(
        use std::time::{Duration, Instant, SystemTime};
    ));
    imports.push(quote!(
        use crate::client::{Client, RetryPolicy};
    ));
    items.push(quote! {
        /// A response as read from the wire: status, headers and the whole body.
        pub(crate) struct Sent {
            pub(crate) status: u16,
            pub(crate) headers: HeaderMap,
            pub(crate) body: Vec<u8>,
        }

        /// Sends a request, retrying as `client`'s policy allows.
        ///
        /// `repeatable` says whether sending the request twice is harmless: true for idempotent
        /// methods and for requests that carry an idempotency key. Other requests are sent once,
        /// whatever the policy says, so that a write is never duplicated.
        pub(crate) async fn send<E>(client: &Client, request: reqwest::RequestBuilder, repeatable: bool) -> Result<Sent, Error<E>> {
            let request = request.timeout(client.timeout()).build().map_err(|error| {
                Error::InvalidRequest(crate::error::InvalidRequest(format!("the request could not be built: {error}")))
            })?;
            let policy = if repeatable { client.retry_policy() } else { RetryPolicy::none() };
            let started = Instant::now();
            let mut attempt = 1;
            let mut next = request;
            loop {
                // A body that cannot be copied (never the case for generated requests) is sent once.
                let retry_copy = next.try_clone();
                let outcome = attempt_once(client.http(), next).await;
                let wait = match (&outcome, retry_copy) {
                    (Ok(sent), Some(copy)) if is_retryable_status(sent.status) => {
                        Some((retry_after(&sent.headers, SystemTime::now()), copy))
                    }
                    (Err(error), Some(copy)) if is_retryable_error(error) => Some((None, copy)),
                    _ => None,
                };
                let Some((retry_after, copy)) = wait else {
                    return outcome.map_err(transport_error);
                };
                let delay = retry_after.unwrap_or_else(|| backoff(&policy, attempt)).min(policy.max_delay);
                if attempt >= policy.max_attempts || started.elapsed() + delay > policy.max_elapsed {
                    return outcome.map_err(transport_error);
                }
                tokio::time::sleep(delay).await;
                attempt += 1;
                next = copy;
            }
        }

        async fn attempt_once(http: &reqwest::Client, request: reqwest::Request) -> Result<Sent, reqwest::Error> {
            let response = http.execute(request).await?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let body = response.bytes().await?;
            Ok(Sent { status, headers, body: body.to_vec() })
        }

        /// Statuses that say "try again later": rate limited, or a server or gateway failure.
        fn is_retryable_status(status: u16) -> bool {
            matches!(status, 429 | 500 | 502 | 503 | 504)
        }

        /// Failures before a complete response arrived: no connection, a reset, a timeout.
        fn is_retryable_error(error: &reqwest::Error) -> bool {
            error.is_connect() || error.is_timeout() || error.is_request() || error.is_body()
        }

        fn transport_error<E>(error: reqwest::Error) -> Error<E> {
            if error.is_timeout() {
                Error::Timeout(error)
            } else if error.is_connect() || error.is_request() || error.is_body() {
                Error::Connection(error)
            } else {
                Error::Transport(error)
            }
        }

        /// Exponential backoff with jitter: before retry `n` (from 1), a random delay between
        /// half and all of `initial_delay * 2^(n-1)`, never above `max_delay`.
        fn backoff(policy: &RetryPolicy, attempt: u32) -> Duration {
            let exponent = attempt.saturating_sub(1).min(16);
            let ceiling = policy.initial_delay.saturating_mul(1 << exponent).min(policy.max_delay);
            let half = ceiling / 2;
            half + half.mul_f64(fastrand::f64())
        }

        /// The delay a `Retry-After` header asks for: seconds, or an HTTP date.
        fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
            let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?.trim();
            if let Ok(seconds) = value.parse::<u64>() {
                return Some(Duration::from_secs(seconds));
            }
            let at = httpdate::parse_http_date(value).ok()?;
            Some(at.duration_since(now).unwrap_or(Duration::ZERO))
        }

        /// The error for a status the operation does not document.
        pub(crate) fn unexpected<E>(sent: Sent) -> Error<E> {
            Error::UnexpectedStatus { status: sent.status, body: String::from_utf8_lossy(&sent.body).into_owned() }
        }
    });
    tests.push(quote! {
        #[test]
        fn backoff_grows_exponentially_within_jitter_bounds() {
            let policy = RetryPolicy {
                max_attempts: 10,
                initial_delay: Duration::from_millis(100),
                max_delay: Duration::from_millis(1000),
                max_elapsed: Duration::from_secs(60),
            };
            for _ in 0..100 {
                let first = backoff(&policy, 1);
                assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100), "{first:?}");
                let third = backoff(&policy, 3);
                assert!(third >= Duration::from_millis(200) && third <= Duration::from_millis(400), "{third:?}");
                let capped = backoff(&policy, 30);
                assert!(capped >= Duration::from_millis(500) && capped <= Duration::from_millis(1000), "{capped:?}");
            }
        }

        #[test]
        fn retry_after_reads_seconds_and_http_dates() {
            let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
            let mut headers = HeaderMap::new();
            headers.insert("retry-after", "7".parse().unwrap());
            assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(7)));
            // 784111777 is Sun, 06 Nov 1994 08:49:37 GMT.
            headers.insert("retry-after", "Sun, 06 Nov 1994 08:49:40 GMT".parse().unwrap());
            assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(3)));
            headers.insert("retry-after", "Sun, 06 Nov 1994 08:49:00 GMT".parse().unwrap());
            assert_eq!(retry_after(&headers, now), Some(Duration::ZERO));
            headers.insert("retry-after", "soon".parse().unwrap());
            assert_eq!(retry_after(&headers, now), None);
        }

        #[test]
        fn only_transient_statuses_are_retried() {
            for status in [429, 500, 502, 503, 504] {
                assert!(is_retryable_status(status), "{status}");
            }
            for status in [200, 400, 401, 404, 409, 422, 501] {
                assert!(!is_retryable_status(status), "{status}");
            }
        }
    });
    let tests = (!tests.is_empty()).then(|| {
        quote! {
            #[cfg(test)]
            mod tests {
                use super::*;

                #(#tests)*
            }
        }
    });
    quote! {
        //! Request encoding and response decoding shared by every operation.
        #(#imports)*

        #(#items)*

        #tests
    }
}
