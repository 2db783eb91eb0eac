//! `src/runtime.rs`: the encoding and decoding every operation shares, written once and
//! unit-tested in the generated crate. Only the helpers the API needs are emitted, so the
//! crate has no dead code.

use proc_macro2::TokenStream;
use quote::quote;

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
    pub decode: bool,
}

impl Uses {
    pub(super) fn of(api: &Api) -> Self {
        let mut uses = Uses::default();
        for op in &api.operations {
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
        TypeRef::Named(name) => matches!(api.type_def(name).map(|t| &t.kind), Some(crate::ir::TypeKind::Enum { .. })),
        TypeRef::Array(_) | TypeRef::Map(_) | TypeRef::Any => false,
    }
}

/// The whole `runtime` module.
pub fn emit(api: &Api) -> TokenStream {
    let uses = Uses::of(api);
    let mut items = Vec::new();
    let mut tests = Vec::new();
    let mut imports = vec![quote!(use crate::error::Error;)];
    if uses.path || uses.header {
        imports.push(quote!(use crate::error::InvalidRequest;));
    }
    if uses.path {
        imports.push(quote!(use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};));
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
        imports.push(quote!(use reqwest::header::{HeaderMap, HeaderName, HeaderValue};));
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
        imports.push(quote!(use base64::Engine as _;));
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
        imports.push(quote!(use serde::Serialize;));
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
    if uses.decode {
        imports.push(quote!(use serde::de::DeserializeOwned;));
        items.push(quote! {
            /// Decodes a JSON response body.
            pub(crate) fn decode<T: DeserializeOwned, E>(status: u16, body: &[u8]) -> Result<T, Error<E>> {
                serde_json::from_slice(body).map_err(|source| Error::Decode {
                    status,
                    body: String::from_utf8_lossy(body).into_owned(),
                    source,
                })
            }
        });
    }
    if uses.api_error {
        items.push(quote! {
            /// Decodes a documented error response into [`Error::Api`].
            pub(crate) fn api_error<T: DeserializeOwned, E>(status: u16, body: &[u8], variant: fn(T) -> E) -> Error<E> {
                match decode(status, body) {
                    Ok(value) => Error::Api { status, body: Box::new(variant(value)) },
                    Err(error) => error,
                }
            }
        });
        tests.push(quote! {
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
        });
    }
    if uses.decode {
        tests.push(quote! {
            #[test]
            fn decoding_keeps_the_body_of_bad_responses() {
                let error = decode::<u32, ()>(502, b"<html>gateway</html>").unwrap_err();
                match error {
                    Error::Decode { status, body, .. } => assert_eq!((status, body.as_str()), (502, "<html>gateway</html>")),
                    other => panic!("unexpected {other:?}"),
                }
            }
        });
    }
    items.push(quote! {
        /// Sends a request and reads the whole response.
        pub(crate) async fn send(request: reqwest::RequestBuilder) -> Result<(u16, Vec<u8>), reqwest::Error> {
            let response = request.send().await?;
            let status = response.status().as_u16();
            let body = response.bytes().await?;
            Ok((status, body.to_vec()))
        }

        /// The error for a status the operation does not document.
        pub(crate) fn unexpected<E>(status: u16, body: &[u8]) -> Error<E> {
            Error::UnexpectedStatus { status, body: String::from_utf8_lossy(body).into_owned() }
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
