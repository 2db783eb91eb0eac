//! The intermediate representation: a plain model of an HTTP API.
//!
//! Nothing from `openapiv3` appears here. Every `$ref` is resolved, every inline schema that
//! needs a Rust type has been given a unique name, and identifiers have already been made safe
//! for Rust (the only backend): emitters never invent or sanitize names themselves, so two
//! emitters can never disagree about what a thing is called.
//!
//! The kinds (`Method`, `ParamLocation`, `TypeRef`, `TypeKind`, ...) are closed enums so that
//! every backend matches on them exhaustively.

mod decide;
mod display;
mod encoding;
mod lower;
pub mod names;
mod types;

use std::collections::BTreeMap;

use serde::Serialize;

pub use encoding::{
    ArrayKeys, Conventions, FieldEncoding, FreeForm, GroupMember, Nesting, ObjectArrays, ValueGroup,
};
pub use types::Types;

/// Choices that change what the IR decides (today: which header carries idempotency keys).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The request header that carries an idempotency key (`chargebee-idempotency-key`).
    pub idempotency_header: Option<String>,
    /// Names for the servers, in spec order, replacing the derived ones.
    pub server_names: Option<Vec<String>>,
    /// Whether an operation apiforge cannot express fails the generation instead of being
    /// left out with a warning.
    pub strict: bool,
    /// How values are written where OpenAPI leaves it open (`[encoding]` in the settings).
    pub encoding: Conventions,
    /// How `format: date-time` and `format: date` strings are typed (`[types] dates`).
    pub dates: Dates,
}

/// How `format: date-time` and `format: date` strings are typed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Dates {
    /// `chrono::DateTime<Utc>` and `chrono::NaiveDate`, RFC 3339 on the wire.
    #[default]
    Chrono,
    /// `String`, sent and read as written: for servers whose timestamps are not RFC 3339.
    Text,
}

/// Lowers a loaded spec with default [`Options`].
pub fn lower(
    loaded: &crate::load::Loaded,
    warnings: &mut Vec<crate::Warning>,
) -> Result<Api, crate::Diagnostic> {
    lower_with(loaded, &Options::default(), warnings)
}

/// Lowers a loaded spec, then makes every per-operation decision (request structs, shared
/// error enums, common parameters, retry class) once, for every backend to read.
pub fn lower_with(
    loaded: &crate::load::Loaded,
    options: &Options,
    warnings: &mut Vec<crate::Warning>,
) -> Result<Api, crate::Diagnostic> {
    let mut skipped = Vec::new();
    let mut api = lower::lower_skipping(loaded, options.dates, warnings, &mut skipped)?;
    if options.strict {
        if let Some(first) = skipped.into_iter().next() {
            let help = first
                .help
                .clone()
                .map_or_else(String::new, |h| format!("{h}; "));
            return Err(first.with_help(format!(
                "{help}without --strict, the operation is left out with a warning"
            )));
        }
    }
    decide::decide(&mut api, options);
    Ok(api)
}

/// A whole API, ready to emit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`, verbatim.
    pub version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// Servers in spec order; the first is the default.
    pub servers: Vec<Server>,
    /// The types shared by all servers' variables, deduplicated.
    pub server_variables: Vec<ServerVariable>,
    /// How requests authenticate: `None` when no operation needs credentials.
    pub auth: Option<Auth>,
    /// Operations in spec order (paths, then methods in the order GET, PUT, POST, DELETE,
    /// OPTIONS, HEAD, PATCH, TRACE).
    pub operations: Vec<Operation>,
    /// Every named type, sorted by identifier (never by where it was first used, so that a
    /// new release of the spec moves no type around).
    pub types: Types,
    /// The events the API sends to subscribers (OpenAPI 3.1 `webhooks`), in spec order.
    pub webhooks: Vec<Webhook>,
    /// The payload property that names a webhook's event (`event_type`), when every payload
    /// has one; events are then told apart by it.
    pub webhook_discriminator: Option<String>,
    /// The error enums, each shared by every operation documenting the same error responses.
    pub error_sets: Vec<ErrorSet>,
    /// Parameters shared across operations, settable once on the client, if any.
    pub common: Option<CommonParams>,
}

/// An event the API sends to a subscriber's endpoint.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Webhook {
    /// The key in `webhooks` (`subscription_created`), also the event type's value.
    pub name: String,
    /// The Rust variant name (`SubscriptionCreated`).
    pub ident: String,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// The JSON payload's type, if the webhook documents one.
    pub payload: Option<TypeRef>,
}

/// One base URL the API is served from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Server {
    /// The Rust variant name (`LiveSite`).
    pub ident: String,
    /// The URL template, `{protocol}://{site}.example.com/api`.
    pub url: String,
    /// `description`, if any.
    pub description: Option<String>,
    /// Names of the variables the template uses, in template order; each names an entry of
    /// [`Api::server_variables`].
    pub variables: Vec<String>,
}

/// A `{variable}` of a server URL template.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServerVariable {
    /// The name in the template (`site`).
    pub name: String,
    /// The Rust field name (`site`).
    pub field: String,
    /// The Rust enum type name when `values` is not empty (`Protocol`).
    pub type_ident: String,
    /// The default value; always present (the loader rejects a variable without one).
    pub default: String,
    /// The allowed values; empty when any value is allowed.
    pub values: Vec<EnumValue>,
    /// `description`, if any.
    pub description: Option<String>,
}

/// How requests authenticate: the security schemes the operations accept, and which of them
/// each operation needs (decided in lowering, from `components.securitySchemes` and the
/// top-level and per-operation `security`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Auth {
    /// The schemes some operation accepts, in `components.securitySchemes` order. Schemes no
    /// operation names, and those the client cannot send, are left out.
    pub schemes: Vec<SecurityScheme>,
    /// What each operation requires, by [`Auth::key`] (`GET /pets/{id}`): alternatives, any
    /// one of which suffices. An operation that is not listed needs no credentials.
    pub operations: BTreeMap<String, Vec<Requirement>>,
}

impl Auth {
    /// The key of `op` in [`Auth::operations`]: its method and path.
    pub fn key(op: &Operation) -> String {
        format!("{} {}", op.method.as_str(), op.path)
    }

    /// The alternatives `op` accepts, any one of which suffices; empty when it needs no
    /// credentials.
    pub fn requirements(&self, op: &Operation) -> &[Requirement] {
        self.operations
            .get(&Self::key(op))
            .map_or(&[], Vec::as_slice)
    }

    /// The scheme a [`SchemeUse`] names.
    pub fn scheme(&self, used: &SchemeUse) -> Option<&SecurityScheme> {
        self.schemes.get(used.scheme)
    }
}

/// One way to authenticate: the schemes whose credentials are sent together (a Security
/// Requirement Object). Empty (`{}`): the operation may also be called without credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirement {
    /// The schemes, in the order the spec lists them.
    pub schemes: Vec<SchemeUse>,
}

/// A scheme named by a [`Requirement`], with the OAuth2/OpenID Connect scopes it asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemeUse {
    /// An index into [`Auth::schemes`].
    pub scheme: usize,
    /// The scopes the token must carry (documentation only: the caller obtains the token).
    pub scopes: Vec<String>,
}

/// A security scheme (`components.securitySchemes`) the client can send.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SecurityScheme {
    /// Its key in `components.securitySchemes` (`api_key`): generated operations name it, and
    /// credentials made for it carry it.
    pub name: String,
    /// The generated `Credentials` constructor for this scheme alone (`api_key`), or `None`
    /// when the runtime's `Credentials::basic` or `Credentials::bearer` serves (the API has
    /// one scheme of that kind). Decided in `ir::decide`.
    pub constructor: Option<String>,
    /// For bearer-token schemes with a [`SecurityScheme::constructor`], the one taking a token
    /// callback (`oauth_with`).
    pub provider_constructor: Option<String>,
    /// How it is sent.
    pub kind: SchemeKind,
    /// `description`.
    pub description: Option<String>,
}

/// The kinds of security scheme, by how the client sends them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum SchemeKind {
    /// An API key in a header, a query parameter or a cookie.
    ApiKey {
        /// Where it travels (never [`ParamLocation::Path`]).
        location: ParamLocation,
        /// The header, query parameter or cookie name, as written.
        name: String,
    },
    /// HTTP basic authentication.
    Basic,
    /// An HTTP bearer token (`Authorization: Bearer <token>`).
    Bearer {
        /// `bearerFormat` (`JWT`), for documentation.
        format: Option<String>,
    },
    /// OAuth2: the caller obtains an access token and the client sends it as a bearer token.
    OAuth2 {
        /// The flows the spec documents, in the order authorization code, client
        /// credentials, password, implicit.
        flows: Vec<OAuthFlow>,
    },
    /// OpenID Connect: the caller obtains a token and the client sends it as a bearer token.
    OpenIdConnect {
        /// `openIdConnectUrl`, the discovery document.
        url: String,
    },
}

impl SchemeKind {
    /// Whether the client sends a bearer token for it (HTTP bearer, OAuth2, OpenID Connect).
    pub fn is_bearer(&self) -> bool {
        matches!(
            self,
            SchemeKind::Bearer { .. }
                | SchemeKind::OAuth2 { .. }
                | SchemeKind::OpenIdConnect { .. }
        )
    }
}

/// An OAuth2 flow, for documentation: the client does not run it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OAuthFlow {
    /// `authorizationCode`, `clientCredentials`, `password` or `implicit`.
    pub flow: String,
    /// `authorizationUrl`, for the flows that have one.
    pub authorization_url: Option<String>,
    /// `tokenUrl`, for the flows that have one.
    pub token_url: Option<String>,
    /// `refreshUrl`.
    pub refresh_url: Option<String>,
    /// The scopes and their descriptions, in spec order.
    pub scopes: Vec<(String, String)>,
}

/// One HTTP method on one path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operation {
    /// `operationId`, or one derived from method and path.
    pub id: String,
    /// The Rust method name (`resume_dunning`).
    pub ident: String,
    /// The Rust type-name stem (`ResumeDunning`): `ResumeDunningRequest`, `...Error`.
    pub type_ident: String,
    /// The module the operation is emitted into (`invoices`): its first tag, else the first
    /// path segment.
    pub group: String,
    /// The HTTP method.
    pub method: Method,
    /// The path template as written (`/invoices/{invoice-id}/resume_dunning`).
    pub path: String,
    /// The path, split into literal text and parameters.
    pub path_segments: Vec<PathSegment>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `deprecated`.
    pub deprecated: bool,
    /// Path, query, header and cookie parameters, path parameters first in template order.
    pub params: Vec<Parameter>,
    /// The request body, if any.
    pub body: Option<Body>,
    /// Every documented response, in spec order.
    pub responses: Vec<Response>,
    /// How to fetch the next page, for list operations that paginate.
    pub pagination: Option<Pagination>,
    /// The request struct, when the operation takes more than its path parameters.
    pub request: Option<Request>,
    /// The identifier of its error enum, an entry of [`Api::error_sets`].
    pub errors: String,
    /// What a successful call returns.
    pub success: Success,
    /// Whether a failed attempt may be sent again.
    pub retry: Retry,
}

/// An operation's request struct.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Request {
    /// Its Rust name (`ResumeDunningRequest`).
    pub ident: String,
    /// The field holding a caller-chosen idempotency key, for operations that send one.
    pub idempotency_field: Option<String>,
    /// Whether every field has an empty value, so the struct derives `Default`.
    pub has_default: bool,
    /// Whether it has documented constraints to check (`validate`).
    pub validated: bool,
    /// The enum of media types the body may be sent as, when the caller has a choice
    /// ([`Body::choices`]).
    pub media_enum: Option<String>,
}

/// A field of a request struct: a query, header or cookie parameter, or a body field.
#[derive(Debug, Clone, Copy)]
pub enum RequestField<'a> {
    /// A query, header or cookie parameter.
    Param(&'a Parameter),
    /// A body field.
    Body(&'a Field),
}

impl<'a> RequestField<'a> {
    /// The Rust field name.
    pub fn ident(&self) -> &'a str {
        match self {
            RequestField::Param(p) => &p.ident,
            RequestField::Body(f) => &f.ident,
        }
    }

    /// The name on the wire.
    pub fn name(&self) -> &'a str {
        match self {
            RequestField::Param(p) => &p.name,
            RequestField::Body(f) => &f.name,
        }
    }

    /// Whether the caller must give it.
    pub fn required(&self) -> bool {
        match self {
            RequestField::Param(p) => p.required,
            RequestField::Body(f) => f.required,
        }
    }

    /// Whether its Rust type is an `Option` (a field that is not required, or may be `null`).
    pub fn is_option(&self) -> bool {
        match self {
            RequestField::Param(p) => !p.required,
            RequestField::Body(f) => f.is_option(),
        }
    }

    /// Its type.
    pub fn ty(&self) -> &'a TypeRef {
        match self {
            RequestField::Param(p) => &p.ty,
            RequestField::Body(f) => &f.ty,
        }
    }

    /// Its validation rules.
    pub fn constraints(&self) -> &'a Constraints {
        match self {
            RequestField::Param(p) => &p.constraints,
            RequestField::Body(f) => &f.constraints,
        }
    }
}

/// What a successful call returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum Success {
    /// One body type for every 2xx (`None`: no body).
    Body {
        /// The body's type.
        ty: Option<TypeRef>,
    },
    /// The 2xx responses differ: an enum of them.
    Enum {
        /// The enum's Rust name (`UploadSuccess`).
        ident: String,
    },
}

/// Whether a call may be sent again after a failed attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind")]
pub enum Retry {
    /// An idempotent method (GET, PUT, DELETE, ...): always.
    Always,
    /// A call that changes data, made safe by an idempotency key in this header.
    WithKey {
        /// The header's name, lowercased.
        header: String,
    },
    /// A call that changes data without a key: never, so it is never applied twice.
    Never,
}

/// One error enum, shared by the operations that document the same error responses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorSet {
    /// Its Rust name (`ErrorResponse`).
    pub ident: String,
    /// The error responses (4xx, 5xx, ranges, `default`), in spec order.
    pub responses: Vec<Response>,
    /// The operations that return it, by method name.
    pub operations: Vec<String>,
}

/// Parameters defined once in `components/parameters` and used by several operations: one
/// options type, set on the client and overridable per call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommonParams {
    /// The options type's Rust name (`CommonParameters`).
    pub ident: String,
    /// The parameters, in the order first used.
    pub params: Vec<Parameter>,
    /// The distinct sets of them that operations send, in the order first used: each is a
    /// named list of wire names, so an operation names its set instead of spelling it out.
    pub sets: Vec<CommonSet>,
}

/// A set of common parameters some operations send.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommonSet {
    /// The constant's name (`ALL`, `REQUEST_ORIGIN`).
    pub ident: String,
    /// What it holds: the parameters' wire names (headers lowercased), in the options type's
    /// field order.
    pub names: Vec<String>,
}

impl CommonParams {
    /// The set `op` sends, if it documents any common parameter.
    pub fn set_of(&self, op: &Operation) -> Option<&CommonSet> {
        let all = common_wire_names(self.params.iter());
        let mut names = common_wire_names(op.common_params());
        names.sort_by_key(|n| all.iter().position(|a| a == n));
        self.sets.iter().find(|set| set.names == names)
    }
}

/// The wire names of common parameters, as the runtime matches them (headers lowercased).
pub(crate) fn common_wire_names<'p>(params: impl Iterator<Item = &'p Parameter>) -> Vec<String> {
    params
        .map(|p| match p.location {
            ParamLocation::Header => p.name.to_ascii_lowercase(),
            _ => p.name.clone(),
        })
        .collect()
}

/// Offset- or cursor-style pagination: the response names the next page's token, which the
/// next request sends in a query parameter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pagination {
    /// The query parameter that takes the token (`offset`); an entry of [`Operation::params`].
    pub param: String,
    /// The success body's field holding the next token (`next_offset`), by wire name.
    pub next_field: String,
    /// The Rust name of that field.
    pub next_field_ident: String,
}

impl Operation {
    /// The parameters that go in the path.
    pub fn path_params(&self) -> impl Iterator<Item = &Parameter> {
        self.params
            .iter()
            .filter(|p| p.location == ParamLocation::Path)
    }

    /// The parameters that are not in the path.
    pub fn other_params(&self) -> impl Iterator<Item = &Parameter> {
        self.params
            .iter()
            .filter(|p| p.location != ParamLocation::Path)
    }

    /// The request struct's fields: non-path parameters that are not common, then body fields.
    pub fn request_fields(&self) -> impl Iterator<Item = RequestField<'_>> {
        let params = self
            .other_params()
            .filter(|p| !p.common)
            .map(RequestField::Param);
        params.chain(
            self.body
                .iter()
                .flat_map(|b| b.fields.iter().map(RequestField::Body)),
        )
    }

    /// The common parameters the operation documents.
    pub fn common_params(&self) -> impl Iterator<Item = &Parameter> {
        self.params.iter().filter(|p| p.common)
    }

    /// Whether a success is a binary download, read by the caller as a whole or in chunks
    /// (one body type for every 2xx, bytes).
    pub fn downloads(&self) -> bool {
        matches!(
            self.success,
            Success::Body {
                ty: Some(TypeRef::String(StringFormat::Binary))
            }
        )
    }

    /// Responses whose status is 2xx.
    pub fn success_responses(&self) -> impl Iterator<Item = &Response> {
        self.responses.iter().filter(|r| r.status.is_success())
    }

    /// Responses that describe failures (4xx, 5xx and `default`).
    pub fn error_responses(&self) -> impl Iterator<Item = &Response> {
        self.responses.iter().filter(|r| !r.status.is_success())
    }
}

/// HTTP methods OpenAPI can describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl Method {
    /// The method as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }
}

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value")]
pub enum PathSegment {
    /// Text sent as written.
    Literal(String),
    /// A parameter, by its wire name; percent-encoded as one segment when sent.
    Param(String),
}

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParamLocation {
    /// In the URL path.
    Path,
    /// In the query string.
    Query,
    /// As a request header.
    Header,
    /// In the `Cookie` header.
    Cookie,
}

/// A path, query, header or cookie parameter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parameter {
    /// The name on the wire (`invoice-id`).
    pub name: String,
    /// The Rust field or argument name (`invoice_id`).
    pub ident: String,
    /// Where it travels.
    pub location: ParamLocation,
    /// Whether the caller must give it.
    pub required: bool,
    /// `description`.
    pub description: Option<String>,
    /// `deprecated`.
    pub deprecated: bool,
    /// Its type.
    pub ty: TypeRef,
    /// Validation rules and example.
    pub constraints: Constraints,
    /// How a list or object value is serialized.
    pub style: ParamStyle,
    /// Whether list items (and object properties) become separate entries.
    pub explode: bool,
    /// The `components/parameters` entry it comes from, when it is a `$ref`.
    pub component: Option<String>,
    /// Whether it is one of [`Api::common`]'s parameters, set on the client rather than on the
    /// request struct.
    pub common: bool,
    /// `allowReserved`: reserved characters in the value are sent as they are (query only).
    pub allow_reserved: bool,
    /// How values below the top level are keyed (decided from the settings).
    pub nesting: Nesting,
    /// The multi-value group the parameter is, if it is one.
    pub group: Option<ValueGroup>,
}

/// OpenAPI parameter serialization styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ParamStyle {
    /// `form`: query default; `a=1&a=2` exploded, `a=1,2` not.
    Form,
    /// `simple`: path and header default; `1,2`.
    Simple,
    /// `deepObject`: `a[b]=1`, the bracket notation.
    DeepObject,
    /// `spaceDelimited`: `a=1 2`.
    SpaceDelimited,
    /// `pipeDelimited`: `a=1|2`.
    PipeDelimited,
    /// `label`: `.1.2` in a path.
    Label,
    /// `matrix`: `;a=1,2` in a path.
    Matrix,
}

/// A request body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Body {
    /// How it is encoded.
    pub encoding: BodyEncoding,
    /// The media type sent as `Content-Type`.
    pub media_type: String,
    /// Whether the body must be sent.
    pub required: bool,
    /// `description`.
    pub description: Option<String>,
    /// The body's top-level fields; a body whose schema is an object is flattened into the
    /// request struct.
    pub fields: Vec<Field>,
    /// Form fields the spec's `encoding` says to send as JSON text (`contentType:
    /// application/json`), by wire name.
    pub json_fields: Vec<String>,
    /// How each field of a form body is written, in the order of `fields` (empty for JSON).
    pub encodings: Vec<FieldEncoding>,
    /// The media types the caller may send the body as instead (JSON variants of the same
    /// schema, such as `application/merge-patch+json` beside `application/json`), the default
    /// ([`Body::media_type`]) first; empty when there is no choice.
    pub choices: Vec<MediaChoice>,
    /// The request field holding the caller's choice, when there is one.
    pub choice_field: Option<String>,
}

/// A media type the caller may choose for a request body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MediaChoice {
    /// The media type (`application/merge-patch+json`).
    pub media_type: String,
    /// Its variant in the operation's media-type enum (`MergePatchJson`).
    pub variant: String,
}

/// Supported request body encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyEncoding {
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `application/json` and `+json` types.
    Json,
    /// `multipart/form-data`: a part per field; files, text, and JSON for objects.
    Multipart,
    /// Raw bytes (`application/octet-stream`, `image/*`, `application/pdf`, `*/*`): one
    /// [`StringFormat::File`] field, `body`.
    Binary,
    /// `text/*`: one `String` field, `body`.
    Text,
}

/// How a response body is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Media {
    /// JSON (`application/json`, `+json`), decoded into the body's type; also a response
    /// without a body.
    #[default]
    Json,
    /// Text (`text/*`, XML; and every non-JSON error body, kept raw): a `String`.
    Text,
    /// Bytes (`application/octet-stream`, `application/pdf`, `image/*`, `*/*`): a download for
    /// a success, the bytes inside an enum of several.
    Binary,
}

/// One documented response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Response {
    /// The status it answers.
    pub status: Status,
    /// `description`.
    pub description: String,
    /// The body's type, if the response has a body: JSON's, `String` for text, bytes for
    /// binary.
    pub body: Option<TypeRef>,
    /// How the body is read.
    pub media: Media,
    /// The Rust variant name in the operation's error enum (`BadRequest`); for successes,
    /// the variant name in a multi-success enum.
    pub variant: String,
}

/// A response's status key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "code")]
pub enum Status {
    /// One exact code.
    Code(u16),
    /// `4XX` and the like: the hundreds digit.
    Range(u16),
    /// `default`: any status not listed.
    Default,
}

impl Status {
    /// Whether the status is in the 2xx class.
    pub fn is_success(self) -> bool {
        match self {
            Status::Code(code) => (200..300).contains(&code),
            Status::Range(class) => class == 2,
            Status::Default => false,
        }
    }

    /// The key as written in the spec (`404`, `4XX`, `default`).
    pub fn key(self) -> String {
        match self {
            Status::Code(code) => code.to_string(),
            Status::Range(class) => format!("{class}XX"),
            Status::Default => "default".to_owned(),
        }
    }
}

/// A reference to a type: a primitive or a named [`TypeDef`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "of")]
pub enum TypeRef {
    /// A string.
    String(StringFormat),
    /// An integer.
    Integer(IntegerFormat),
    /// A floating-point number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A named type of [`Api::types`].
    Named(String),
    /// A list.
    Array(Box<TypeRef>),
    /// An object with arbitrary keys and values of one type.
    Map(Box<TypeRef>),
    /// Any JSON value.
    Any,
}

/// String formats that change the Rust type or how a value is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StringFormat {
    /// Any text (also `email`, `uuid`, and dates when the settings keep them as text: sent as
    /// written).
    Plain,
    /// `format: byte` (or `contentEncoding: base64`): the caller gives the raw text and the
    /// client Base64-encodes it.
    Base64,
    /// `format: date-time`: an instant, RFC 3339 on the wire (`2026-11-26T15:25:00Z`).
    DateTime,
    /// `format: date`: a calendar date, RFC 3339's `full-date` on the wire (`2026-11-26`).
    Date,
    /// `format: binary` in a response: raw bytes (`Vec<u8>`).
    Binary,
    /// `format: binary` in a request body: a file to upload (bytes, file name, media type).
    File,
}

/// Integer widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IntegerFormat {
    /// `int32`.
    Int32,
    /// `int64`, no format, and anything else.
    Int64,
    /// `unix-time`: seconds since the epoch.
    UnixTime,
}

/// Validation rules and documentation hints of a value.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Constraints {
    /// The `format` as written (`email`, `int64`), for documentation.
    pub format: Option<String>,
    /// `minLength`.
    pub min_length: Option<usize>,
    /// `maxLength`.
    pub max_length: Option<usize>,
    /// `minimum`.
    pub minimum: Option<f64>,
    /// `maximum`.
    pub maximum: Option<f64>,
    /// `pattern`.
    pub pattern: Option<String>,
    /// `default`, as JSON text.
    pub default: Option<String>,
    /// `example`, as JSON text.
    pub example: Option<String>,
}

/// A named type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeDef {
    /// The Rust type name, unique in the API.
    pub ident: String,
    /// Where it came from: a component name or a JSON pointer.
    pub origin: String,
    /// `description`.
    pub description: Option<String>,
    /// `deprecated`.
    pub deprecated: bool,
    /// What it is.
    pub kind: TypeKind,
}

/// The shapes a named type can take.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum TypeKind {
    /// An object with known properties.
    Struct {
        /// Its properties in spec order.
        fields: Vec<Field>,
        /// The type of any further properties (`additionalProperties` beside `properties`).
        additional: Option<TypeRef>,
    },
    /// One of several shapes (`oneOf`/`anyOf`), told apart by trying each in order.
    Union {
        /// The alternatives in spec order.
        variants: Vec<UnionVariant>,
    },
    /// A string with listed values.
    Enum {
        /// The values in spec order.
        values: Vec<EnumValue>,
        /// Whether unknown values must still decode (the type is read from responses).
        open: bool,
    },
}

/// One alternative of a [`TypeKind::Union`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnionVariant {
    /// The Rust variant name.
    pub ident: String,
    /// Its type.
    pub ty: TypeRef,
}

impl Field {
    /// Whether its Rust type is an `Option`: it may be absent, or `null`.
    pub fn is_option(&self) -> bool {
        !self.required || self.nullable
    }
}

/// A property of an object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// The name on the wire.
    pub name: String,
    /// The Rust field name.
    pub ident: String,
    /// `description`.
    pub description: Option<String>,
    /// Whether the object always has it.
    pub required: bool,
    /// Whether it may be `null`.
    pub nullable: bool,
    /// `deprecated`.
    pub deprecated: bool,
    /// Its type.
    pub ty: TypeRef,
    /// Whether the value must be boxed because its type contains the owner (recursion).
    pub boxed: bool,
    /// Validation rules and example.
    pub constraints: Constraints,
}

/// One value of a string enum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnumValue {
    /// The value on the wire (`all-disabled`).
    pub value: String,
    /// The Rust variant name (`AllDisabled`).
    pub ident: String,
}

impl TypeRef {
    /// Whether it is, or holds, a date or date-time.
    pub fn has_dates(&self) -> bool {
        match self {
            TypeRef::String(format) => {
                matches!(format, StringFormat::DateTime | StringFormat::Date)
            }
            TypeRef::Array(inner) | TypeRef::Map(inner) => inner.has_dates(),
            TypeRef::Integer(_)
            | TypeRef::Number
            | TypeRef::Boolean
            | TypeRef::Named(_)
            | TypeRef::Any => false,
        }
    }
}

impl Api {
    /// Whether any value of the API is a date or date-time (the client then needs chrono).
    /// Named types are searched once each; everything else is a parameter, a body field, a
    /// response or a webhook payload.
    pub fn uses_dates(&self) -> bool {
        let in_types = self.types.iter().any(|t| match &t.kind {
            TypeKind::Struct { fields, additional } => {
                fields.iter().any(|f| f.ty.has_dates())
                    || additional.as_ref().is_some_and(TypeRef::has_dates)
            }
            TypeKind::Union { variants } => variants.iter().any(|v| v.ty.has_dates()),
            TypeKind::Enum { .. } => false,
        });
        let in_operations = self.operations.iter().any(|op| {
            op.params.iter().any(|p| p.ty.has_dates())
                || op
                    .body
                    .iter()
                    .flat_map(|b| &b.fields)
                    .any(|f| f.ty.has_dates())
                || op
                    .responses
                    .iter()
                    .filter_map(|r| r.body.as_ref())
                    .any(TypeRef::has_dates)
        });
        let in_webhooks = self
            .webhooks
            .iter()
            .filter_map(|w| w.payload.as_ref())
            .any(TypeRef::has_dates);
        in_types || in_operations || in_webhooks
    }

    /// Looks a named type up.
    pub fn type_def(&self, ident: &str) -> Option<&TypeDef> {
        self.types.by_ident(ident)
    }
}
