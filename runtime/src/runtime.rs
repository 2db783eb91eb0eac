//! The plumbing every operation shares: a [`Call`] gathers a request's parts, encodes them
//! safely and sends it (with retries, see `retry`); [`Sent`] turns the answer into a typed
//! result. The generated operations only describe their request and responses.
//!
//! Not part of the crate's API: it may change in any release.

use std::collections::BTreeMap;

use percent_encoding::utf8_percent_encode;
use reqwest::header::{HeaderMap, HeaderName, CONTENT_LENGTH, CONTENT_TYPE};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::client::{Client, Response};
use crate::credentials::Placement;
use crate::error::{api_message, ApiError, Error, InvalidRequest, ValidationError};
use crate::media::{Body, Download, Upload};
use crate::trace::{CallTrace, Operation};
use crate::values::SEGMENT;

pub use crate::encoding::{
    append_json, joined_query, joined_text, ArrayKeys, Form, FreeForm, Join, Key, Nesting,
    ObjectArrays,
};
pub use crate::media::Multipart;
pub use crate::numbers::{Numbers, Written};
// Re-exported so that generated code calls every helper through `runtime::`, wherever it lives.
pub use crate::values::{
    base64, check_length, check_range, header_value, json, json_value, number, path_segment,
};

/// Where a common parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
}

/// The wire text of one of the API's common parameters, set on the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamValue {
    /// Where it travels.
    pub location: Location,
    /// Its name on the wire.
    pub name: &'static str,
    /// Its text.
    pub value: String,
}

/// `old` with `new` added, replacing entries of the same name and location.
pub(crate) fn merge_params(old: &[ParamValue], new: Vec<ParamValue>) -> Vec<ParamValue> {
    let mut merged: Vec<ParamValue> = old
        .iter()
        .filter(|o| {
            !new.iter()
                .any(|n| n.name == o.name && n.location == o.location)
        })
        .cloned()
        .collect();
    merged.extend(new);
    merged
}

/// A security scheme of the API, as a generated operation names it for [`Call::security`]:
/// its name in the spec and how its secret is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheme {
    pub(crate) name: &'static str,
    pub(crate) kind: SchemeKind,
}

/// How a scheme's secret is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SchemeKind {
    /// `Authorization: Basic ...`.
    Basic,
    /// `Authorization: Bearer <token>` (HTTP bearer, OAuth2, OpenID Connect).
    Bearer,
    /// An API key, in the header, query parameter or cookie of that name.
    Key(KeyIn, &'static str),
}

/// Where an API key travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyIn {
    Header,
    Query,
    Cookie,
}

impl Scheme {
    /// An HTTP basic scheme.
    pub const fn basic(name: &'static str) -> Self {
        Self {
            name,
            kind: SchemeKind::Basic,
        }
    }

    /// A bearer-token scheme: HTTP bearer, OAuth2 or OpenID Connect.
    pub const fn bearer(name: &'static str) -> Self {
        Self {
            name,
            kind: SchemeKind::Bearer,
        }
    }

    /// An API key in the header `header` (lowercase).
    pub const fn header(name: &'static str, header: &'static str) -> Self {
        Self {
            name,
            kind: SchemeKind::Key(KeyIn::Header, header),
        }
    }

    /// An API key in the query parameter `param`.
    pub const fn query(name: &'static str, param: &'static str) -> Self {
        Self {
            name,
            kind: SchemeKind::Key(KeyIn::Query, param),
        }
    }

    /// An API key in the cookie `cookie`.
    pub const fn cookie(name: &'static str, cookie: &'static str) -> Self {
        Self {
            name,
            kind: SchemeKind::Key(KeyIn::Cookie, cookie),
        }
    }
}

/// The secrets a call sends, kept apart from its other parts so that `Debug` shows their
/// names only. Headers are marked sensitive.
#[derive(Default)]
struct Secrets {
    headers: HeaderMap,
    query: Vec<(&'static str, String)>,
    cookies: Vec<(&'static str, String)>,
    /// A token provider, whose token each attempt asks for (`retry::send`).
    provider: Option<std::sync::Arc<crate::tokens::TokenSource>>,
}

impl Secrets {
    fn new(placements: Vec<Placement>) -> Result<Self, InvalidRequest> {
        let mut secrets = Self::default();
        for placement in placements {
            match placement {
                Placement::Header(name, value) => {
                    let header = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                        InvalidRequest(format!("`{name}` is not a valid header name"))
                    })?;
                    secrets.headers.insert(header, value);
                }
                Placement::Query(name, value) => secrets.query.push((name, value)),
                Placement::Cookie(name, value) => secrets.cookies.push((name, value)),
                Placement::Provider(source) => secrets.provider = Some(source),
            }
        }
        Ok(secrets)
    }
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names = |list: &[(&'static str, String)]| -> Vec<&'static str> {
            list.iter().map(|(name, _)| *name).collect()
        };
        f.debug_struct("Secrets")
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("query", &names(&self.query))
            .field("cookies", &names(&self.cookies))
            .field("provider", &self.provider.is_some())
            .finish_non_exhaustive()
    }
}

/// `error` with the values of the query parameters `names` in its URL replaced, so that an
/// API key sent in the query never shows in an error message.
fn redact_url(mut error: reqwest::Error, names: &[&str]) -> reqwest::Error {
    if let Some(url) = error.url_mut() {
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(name, value)| {
                let value = if names.contains(&name.as_ref()) {
                    "REDACTED".to_owned()
                } else {
                    value.into_owned()
                };
                (name.into_owned(), value)
            })
            .collect();
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
    error
}

/// A request being put together by an operation.
#[derive(Debug)]
pub struct Call<'a> {
    client: &'a Client,
    method: reqwest::Method,
    url: String,
    query: Form,
    headers: HeaderMap,
    cookies: BTreeMap<&'static str, String>,
    body: Option<(String, Body)>,
    repeatable: bool,
    /// Whether a successful response's body is left unread, for a [`Download`].
    streamed: bool,
    /// The credentials [`Call::security`] chose; `None` if it was not called.
    secrets: Option<Secrets>,
    /// The operation, for tracing.
    operation: Operation,
}

impl<'a> Call<'a> {
    pub(crate) fn new(client: &'a Client, method: reqwest::Method, url: String) -> Self {
        Self {
            client,
            method,
            url,
            query: Form::new(),
            headers: HeaderMap::new(),
            cookies: BTreeMap::new(),
            body: None,
            repeatable: false,
            streamed: false,
            secrets: None,
            operation: Operation::default(),
        }
    }

    /// Names the call's operation by its `operationId` and path template, for tracing (the
    /// template, never the expanded URL, which may carry ids).
    pub fn operation(&mut self, id: &'static str, template: &'static str) {
        self.operation = Operation { id, template };
    }

    /// Sends the client's credentials for the first of `alternatives` (each a set of schemes
    /// sent together) whose credentials were all given, or none if no alternative's were.
    /// An operation that needs no credentials passes no alternatives.
    ///
    /// A call that never says (one built by hand) sends the client's first HTTP basic or
    /// bearer credential, if any.
    pub fn security(&mut self, alternatives: &[&[Scheme]]) -> Result<(), InvalidRequest> {
        let placements = match self.client.credentials() {
            Some(credentials) => credentials.select(alternatives)?,
            None => Vec::new(),
        };
        self.secrets = Some(Secrets::new(placements)?);
        Ok(())
    }

    /// Checks the request against its documented constraints, unless the client was told not to.
    pub fn validate(
        &self,
        check: impl FnOnce() -> Result<(), ValidationError>,
    ) -> Result<(), ValidationError> {
        if self.client.validates_requests() {
            check()?;
        }
        Ok(())
    }

    /// Appends `name=value` to the query string.
    pub fn query(&mut self, name: &str, value: &str) {
        self.query.append(name, value);
    }

    /// The query string, for values written in several entries (deepObject).
    pub fn query_form(&mut self) -> &mut Form {
        &mut self.query
    }

    /// Sets a header.
    pub fn header(&mut self, name: &'static str, value: &str) -> Result<(), InvalidRequest> {
        self.headers
            .insert(HeaderName::from_static(name), header_value(name, value)?);
        Ok(())
    }

    /// Sets a cookie; the value is percent-encoded, so it cannot add cookies or attributes.
    pub fn cookie(&mut self, name: &'static str, value: &str) {
        self.cookies
            .insert(name, utf8_percent_encode(value, SEGMENT).to_string());
    }

    /// Sends those of the client's common parameters that the operation documents.
    pub fn common(&mut self, names: &[&'static str]) -> Result<(), InvalidRequest> {
        let client = self.client;
        for param in client
            .default_params()
            .iter()
            .filter(|p| names.contains(&p.name))
        {
            match param.location {
                Location::Header => self.header(param.name, &param.value)?,
                Location::Cookie => self.cookie(param.name, &param.value),
            }
        }
        Ok(())
    }

    /// Marks the call as safe to send again (an idempotent method).
    pub fn idempotent(&mut self) {
        self.repeatable = true;
    }

    /// Sends the caller's idempotency key in `header`, or one the client creates; with a key
    /// the call may be retried, since the server applies it once.
    pub fn idempotency_key(
        &mut self,
        header: &'static str,
        key: Option<&str>,
    ) -> Result<(), InvalidRequest> {
        let key = key
            .map(str::to_owned)
            .or_else(|| self.client.new_idempotency_key());
        if let Some(key) = key {
            self.header(header, &key)?;
            self.repeatable = true;
        }
        Ok(())
    }

    /// Sends `form` as an `application/x-www-form-urlencoded` body.
    pub fn form(&mut self, form: Form) {
        self.body = Some((
            "application/x-www-form-urlencoded".to_owned(),
            Body::Bytes(form.finish().into_bytes()),
        ));
    }

    /// Sends `parts` as a `multipart/form-data` body, with a fresh random boundary.
    pub fn multipart(&mut self, parts: Multipart) -> Result<(), InvalidRequest> {
        self.body = Some(parts.finish(crate::media::random_boundary)?);
        Ok(())
    }

    /// Sends the upload's bytes as the body, with its media type or else `documented`.
    pub fn upload(&mut self, documented: &str, upload: &Upload) -> Result<(), InvalidRequest> {
        let media_type = upload.media_type(documented);
        header_value("content-type", media_type)?;
        self.body = Some((media_type.to_owned(), upload.take("body")?));
        Ok(())
    }

    /// Sends `text` as the body, of the text media type `content_type`.
    pub fn text(&mut self, content_type: &str, text: &str) {
        self.body = Some((
            content_type.to_owned(),
            Body::Bytes(text.as_bytes().to_vec()),
        ));
    }

    /// Leaves a successful response's body unread, to be read as a [`Download`].
    pub fn streamed(&mut self) {
        self.streamed = true;
    }

    /// Sends `value` as a JSON body of the media type `content_type`.
    pub fn json<T: Serialize + ?Sized>(
        &mut self,
        content_type: &'static str,
        value: &T,
    ) -> Result<(), InvalidRequest> {
        crate::finite::check(value).map_err(|error| {
            InvalidRequest(format!(
                "the request body cannot be encoded as JSON: {error}"
            ))
        })?;
        let bytes = serde_json::to_vec(value).map_err(|error| {
            InvalidRequest(format!(
                "the request body cannot be encoded as JSON: {error}"
            ))
        })?;
        self.body = Some((content_type.to_owned(), Body::Bytes(bytes)));
        Ok(())
    }

    /// Sends the request, retrying as the client's policy allows if the call is repeatable.
    pub async fn send<E>(self) -> Result<Sent, Error<E>> {
        let secrets = match self.secrets {
            Some(secrets) => secrets,
            None => match self.client.credentials() {
                Some(credentials) => Secrets::new(credentials.unnamed()?)?,
                None => Secrets::default(),
            },
        };
        let mut url = self.url;
        let mut query = self.query;
        for (name, value) in &secrets.query {
            query.append(name, value);
        }
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query.finish());
        }
        let secret_params: Vec<&str> = secrets.query.iter().map(|(name, _)| *name).collect();
        let mut request = self
            .client
            .request(self.method.clone(), &url, secrets.headers)
            .headers(self.headers);
        let mut cookies = self.cookies;
        for (name, value) in secrets.cookies {
            cookies.insert(name, utf8_percent_encode(&value, SEGMENT).to_string());
        }
        if !cookies.is_empty() {
            let cookies: Vec<String> = cookies
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            request = request.header(
                reqwest::header::COOKIE,
                header_value("cookie", &cookies.join("; "))?,
            );
        }
        if let Some((content_type, body)) = self.body {
            request = request.header(CONTENT_TYPE, content_type);
            request = match body {
                Body::Bytes(bytes) => request.body(bytes),
                // A stream cannot be cloned, so the call is sent once (see `retry`).
                Body::Stream { chunks, length } => {
                    if let Some(length) = length {
                        request = request.header(CONTENT_LENGTH, length);
                    }
                    request.body(reqwest::Body::wrap_stream(chunks))
                }
            };
        }
        let mut request = request.build().map_err(|error| {
            Error::InvalidRequest(InvalidRequest(format!(
                "the request could not be built: {}",
                redact_url(error, &secret_params)
            )))
        })?;
        if self.streamed {
            // A download's body may take as long as it keeps moving: the client's read idle
            // timeout bounds it, not the response timeout.
            *request.timeout_mut() = None;
        }
        let trace = CallTrace::new(self.operation, &self.method);
        let sent = trace
            .run(crate::retry::send(
                self.client,
                request,
                self.repeatable,
                self.streamed,
                &trace,
                secrets.provider.as_deref(),
            ))
            .await;
        if secret_params.is_empty() {
            return sent;
        }
        sent.map_err(|error| match error {
            Error::Timeout(e) => Error::Timeout(redact_url(e, &secret_params)),
            Error::Connection(e) => Error::Connection(redact_url(e, &secret_params)),
            Error::Transport(e) => Error::Transport(redact_url(e, &secret_params)),
            other => other,
        })
    }
}

/// The error responses an operation documents, decoded by status.
pub trait Documented: Sized {
    /// The documented error for `status`, decoded from `body`; `None` when `status` is not
    /// documented.
    fn decode(status: u16, body: &[u8]) -> Option<Result<Self, serde_json::Error>>;
}

/// An operation without documented errors.
impl Documented for std::convert::Infallible {
    fn decode(_: u16, _: &[u8]) -> Option<Result<Self, serde_json::Error>> {
        None
    }
}

/// Keeps a body that is not JSON as text (for [`Documented::decode`]): never fails.
pub fn decode_text(body: &[u8]) -> Result<String, serde_json::Error> {
    Ok(String::from_utf8_lossy(body).into_owned())
}

/// Decodes a JSON body (for [`Documented::decode`]).
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    serde_json::from_slice(body)
}

/// A response as read from the wire: status, headers and the whole body (or, for a streamed
/// success, the response whose body is still to be read).
#[derive(Debug)]
pub struct Sent {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    /// The value of the client's request-id header.
    pub(crate) request_id: Option<String>,
    pub(crate) body: Vec<u8>,
    pub(crate) unread: Option<reqwest::Response>,
}

impl Sent {
    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Decodes the JSON body, keeping the status and headers beside it.
    pub fn json<T: DeserializeOwned, E>(self) -> Result<Response<T>, Error<E>> {
        match serde_json::from_slice(&self.body) {
            Ok(body) => Ok(Response {
                status: self.status,
                headers: self.headers,
                body,
            }),
            Err(source) => Err(Error::Decode {
                status: self.status,
                headers: Box::new(self.headers),
                request_id: self.request_id,
                body: String::from_utf8_lossy(&self.body).into_owned(),
                source,
            }),
        }
    }

    /// The body as text (invalid UTF-8 replaced, as the body of a `text/*` response rarely
    /// is).
    pub fn text(self) -> Response<String> {
        let body = String::from_utf8_lossy(&self.body).into_owned();
        Response {
            status: self.status,
            headers: self.headers,
            body,
        }
    }

    /// The body's bytes.
    pub fn bytes(self) -> Response<Vec<u8>> {
        Response {
            status: self.status,
            headers: self.headers,
            body: self.body,
        }
    }

    /// The body, to be read as a whole or chunk by chunk (the call was [`Call::streamed`]).
    pub fn download<E>(self) -> Result<Response<Download>, Error<E>> {
        match self.unread {
            Some(response) => Ok(Response {
                status: self.status,
                headers: self.headers,
                body: Download::new(response),
            }),
            None => Err(Error::InvalidRequest(InvalidRequest(
                "the response was read before it could be downloaded".to_owned(),
            ))),
        }
    }

    /// A response without a body (whatever the server sent is ignored).
    pub fn empty(self) -> Response<()> {
        Response {
            status: self.status,
            headers: self.headers,
            body: (),
        }
    }

    /// The error for a status that is not a documented success: one of `E`'s documented
    /// responses, or [`Error::UnexpectedStatus`].
    pub fn error<E: Documented>(self) -> Error<E> {
        match E::decode(self.status, &self.body) {
            Some(Ok(body)) => Error::Api(Box::new(ApiError {
                status: self.status,
                message: api_message(&self.body),
                headers: self.headers,
                request_id: self.request_id,
                body,
            })),
            Some(Err(source)) => Error::Decode {
                status: self.status,
                headers: Box::new(self.headers),
                request_id: self.request_id,
                body: String::from_utf8_lossy(&self.body).into_owned(),
                source,
            },
            None => Error::UnexpectedStatus {
                status: self.status,
                headers: Box::new(self.headers),
                request_id: self.request_id,
                body: String::from_utf8_lossy(&self.body).into_owned(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_encode_reserved_characters() {
        let mut form = Form::new();
        form.append("comment", "a b&c=d+é");
        form.append("x[y]", "1");
        assert_eq!(form.finish(), "comment=a+b%26c%3Dd%2B%C3%A9&x%5By%5D=1");
    }

    const QS: Nesting = Nesting {
        arrays: ArrayKeys::Indexed,
        object_arrays: ObjectArrays::IndexFirst,
        free_form: FreeForm::Brackets,
    };

    const CHARGEBEE: Nesting = Nesting {
        arrays: ArrayKeys::Indexed,
        object_arrays: ObjectArrays::IndexLast,
        free_form: FreeForm::Json,
    };

    #[test]
    fn keys_place_indexes_by_what_the_item_is() {
        let key = Key::new("line_items", ArrayKeys::Indexed, QS);
        assert_eq!(key.item(0).name(), "line_items[0]");
        assert_eq!(key.item(1).field("price").name(), "line_items[1][price]");
        assert_eq!(
            key.item(1).field("tax_rates").item(0).name(),
            "line_items[1][tax_rates][0]"
        );
        let key = Key::new("addons", ArrayKeys::Indexed, CHARGEBEE);
        assert_eq!(key.item(1).field("quantity").name(), "addons[quantity][1]");
        let key = Key::new("tags", ArrayKeys::Brackets, QS);
        assert_eq!(key.item(3).name(), "tags[]");
        assert_eq!(key.item(3).field("a").name(), "tags[][a]");
        let key = Key::new("ids", ArrayKeys::Repeat, QS);
        assert_eq!(key.item(2).name(), "ids");
        assert_eq!(key.item(2).field("a").name(), "ids[2][a]");
        assert_eq!(key.item(0).item(1).name(), "ids[0][1]");
        let key = Key::spread("color", ArrayKeys::Repeat, QS);
        assert_eq!(key.name(), "color");
        assert_eq!(key.field("R").name(), "R");
        assert_eq!(key.field("R").field("x").name(), "R[x]");
        assert_eq!(key.item(0).name(), "color");
    }

    #[test]
    fn untyped_values_follow_the_brackets_or_travel_as_json() {
        // Keys in sorted order: the pairs then come out the same whether or not serde_json's
        // `preserve_order` is on in the building workspace (maps iterate in key order without
        // it, in insertion order with it).
        let value = serde_json::json!({"crm_id": "A&B=1", "list": [1, {"a": "b"}], "n": 2, "none": null, "on": true});
        let mut form = Form::new();
        append_json(
            &mut form,
            &Key::new("metadata", ArrayKeys::Indexed, QS),
            &value,
        )
        .unwrap();
        assert_eq!(
            form.finish(),
            "metadata%5Bcrm_id%5D=A%26B%3D1&metadata%5Blist%5D%5B0%5D=1&metadata%5Blist%5D%5B1%5D%5Ba%5D=b\
             &metadata%5Bn%5D=2&metadata%5Bnone%5D=&metadata%5Bon%5D=true"
        );
        let mut form = Form::new();
        let key = Key::new("meta_data", ArrayKeys::Indexed, CHARGEBEE);
        append_json(&mut form, &key, &serde_json::json!({"k": "v"})).unwrap();
        append_json(
            &mut form,
            &key.field("cf_channel"),
            &serde_json::json!("partner"),
        )
        .unwrap();
        assert_eq!(
            form.finish(),
            "meta_data=%7B%22k%22%3A%22v%22%7D&meta_data%5Bcf_channel%5D=partner"
        );
    }

    #[test]
    fn joined_values_keep_their_separators() {
        let mut parts = Form::new();
        for item in ["blue", "black", "a,b"] {
            parts.append("color", item);
        }
        assert_eq!(
            joined_query(&parts, "color", Join::Comma, false),
            "blue,black,a%2Cb"
        );
        assert_eq!(
            joined_query(&parts, "color", Join::Space, false),
            "blue%20black%20a%2Cb"
        );
        assert_eq!(
            joined_query(&parts, "color", Join::Pipe, false),
            "blue|black|a%2Cb"
        );
        assert_eq!(joined_text(&parts, "color", Join::Comma), "blue,black,a,b");
        let mut parts = Form::new();
        parts.append("R", "100");
        parts.append("G", "200");
        assert_eq!(
            joined_query(&parts, "color", Join::Comma, false),
            "R,100,G,200"
        );
        assert_eq!(
            joined_text(&parts, "color", Join::CommaPairs),
            "R=100,G=200"
        );
        assert_eq!(joined_text(&parts, "color", Join::Space), "R 100 G 200");
        let mut query = Form::new();
        query.append_encoded("color", joined_query(&parts, "color", Join::Pipe, false));
        assert_eq!(query.finish(), "color=R|100|G|200");
    }

    #[test]
    fn reserved_characters_pass_only_where_the_query_allows() {
        let mut parts = Form::new();
        parts.append("path", "/a/b:c?d,e@f!g$h'(i)*j;k [&=+#]");
        let mut query = Form::new();
        query.append("q", "x/y");
        query.append_reserved(parts);
        assert_eq!(
            query.finish(),
            "q=x%2Fy&path=/a/b:c?d,e@f!g$h'(i)*j;k%20%5B%26%3D%2B%23%5D"
        );
    }

    #[test]
    fn later_params_replace_earlier_ones_of_the_same_name() {
        let param = |name, value: &str| ParamValue {
            location: Location::Header,
            name,
            value: value.to_owned(),
        };
        let merged = merge_params(
            &[param("a", "1"), param("b", "2")],
            vec![param("b", "3"), param("c", "4")],
        );
        assert_eq!(merged, [param("a", "1"), param("b", "3"), param("c", "4")]);
    }

    #[derive(Debug, PartialEq)]
    enum Documents {
        NotFound(String),
    }

    impl Documented for Documents {
        fn decode(status: u16, body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
            match status {
                404 => Some(decode_json(body).map(Documents::NotFound)),
                _ => None,
            }
        }
    }

    fn sent(status: u16, body: &[u8]) -> Sent {
        Sent {
            status,
            headers: HeaderMap::new(),
            request_id: Some("req_1".to_owned()),
            body: body.to_vec(),
            unread: None,
        }
    }

    #[test]
    fn documented_errors_decode_into_their_variant() {
        match sent(404, b"\"gone\"").error::<Documents>() {
            Error::Api(error) => assert_eq!(
                (error.status, error.body),
                (404, Documents::NotFound("gone".to_owned()))
            ),
            other => panic!("unexpected {other:?}"),
        }
        match sent(418, b"teapot").error::<Documents>() {
            Error::UnexpectedStatus {
                status,
                body,
                request_id,
                ..
            } => assert_eq!(
                (status, body.as_str(), request_id.as_deref()),
                (418, "teapot", Some("req_1"))
            ),
            other => panic!("unexpected {other:?}"),
        }
        assert!(matches!(
            sent(404, b"<html>").error::<Documents>(),
            Error::Decode { status: 404, .. }
        ));
    }

    #[test]
    fn decoding_keeps_the_body_of_bad_responses() {
        match sent(502, b"<html>gateway</html>").json::<u32, ()>() {
            Err(Error::Decode { status, body, .. }) => {
                assert_eq!((status, body.as_str()), (502, "<html>gateway</html>"))
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
