//! Operations ([`Operation`], [`Method`], [`PathSegment`]) and what is decided for each: the
//! request struct ([`Request`], [`RequestField`]), what a success returns ([`Success`]),
//! whether it may be retried ([`Retry`]), its shared error enum ([`ErrorSet`]) and how it
//! paginates ([`Pagination`]).

use serde::Serialize;

#[cfg(doc)]
use super::Api;
use super::{
    Body, Constraints, Field, Media, ParamLocation, Parameter, Response, StreamBody, StringFormat,
    TypeRef,
};

/// One HTTP method on one path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operation {
    /// `operationId`, or one derived from method and path.
    pub id: String,
    /// The Rust method name (`resume_dunning`).
    pub ident: String,
    /// The Rust type-name stem (`ResumeDunning`): `ResumeDunningRequest`, `...Error`.
    pub type_ident: String,
    /// The name of its method where it is called: [`Operation::ident`], or on a resource
    /// handle the name without the resource (`retrieve`).
    pub call_ident: String,
    /// The type of its module's handle (`Subscriptions`) with `[client] style =
    /// "resources"`, whose method it is; `None` for a method of `Client`.
    pub handle: Option<String>,
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
    /// Its error enum: look it up with [`Api::error_set`].
    pub errors: ErrorSetId,
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

    /// Whether it is a three-state `Nullable` (an optional JSON body field that may be `null`).
    pub fn is_tristate(&self) -> bool {
        matches!(self, RequestField::Body(f) if f.tristate)
    }

    /// Whether the caller may leave it unset (a field that is not required, or may be `null`):
    /// an `Option`, or a `Nullable` when it [`RequestField::is_tristate`].
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

/// Which of [`Api::error_sets`] an operation returns. Only `ir::decide` makes them, one per
/// set, so an id always names a set of its API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ErrorSetId(pub(super) usize);

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

/// How a list operation's pages follow each other: inferred where the spec leaves no doubt,
/// else declared in `[pagination]` of the settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pagination {
    /// The query parameter that selects a page (`offset`, `starting_after`, `page`,
    /// `continue`), by wire name; a request field of the operation that is not common.
    pub param: String,
    /// How the next page's value of `param` is found.
    pub style: PageStyle,
    /// Where a page's items are, for the `<op>_items` stream; `None` when unknown.
    pub items: Option<Items>,
}

/// The closed set of pagination styles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum PageStyle {
    /// The body names the next page's token (Chargebee's `next_offset`, Kubernetes'
    /// `metadata.continue`); none, or an empty one, after the last page.
    NextToken {
        /// The token's field, from the body.
        field: FieldPath,
    },
    /// The next page starts after the last item's id, while a flag says there are more
    /// (Stripe's `starting_after`, `has_more` and `data[].id`).
    LastItemCursor {
        /// The boolean field saying more pages follow.
        has_more: FieldPath,
        /// The item's id field.
        id: FieldStep,
    },
    /// The `Link` header's `rel="next"` URL carries the next value of the parameter
    /// (GitHub's `page`).
    LinkHeader,
    /// Page numbers: the next page is this one plus one, until a page is empty or the end
    /// field says so.
    PageNumber {
        /// What says the last page is reached, beside an empty page.
        end: PageEnd,
    },
}

/// What ends page-number pagination, beside an empty page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum PageEnd {
    /// Only an empty page.
    EmptyPage,
    /// An integer field holding the number of pages.
    TotalPages(FieldPath),
    /// A boolean field saying more pages follow.
    HasMore(FieldPath),
}

/// A page's items: the array at `path` from the body (the body itself when it is empty).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Items {
    /// The fields leading to the array.
    pub path: FieldPath,
    /// The type of one item.
    pub item: TypeRef,
}

/// A path of fields from a response body (`metadata.continue`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldPath(pub Vec<FieldStep>);

/// One field of a [`FieldPath`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldStep {
    /// The name on the wire.
    pub name: String,
    /// The Rust field name.
    pub ident: String,
    /// Whether it is an `Option` in Rust (not required, or nullable).
    pub optional: bool,
    /// Whether it is a three-state `Nullable` (optional and nullable, read from JSON).
    pub tristate: bool,
    /// Whether it is boxed (recursion).
    pub boxed: bool,
}

impl FieldPath {
    /// The path as written in settings: `metadata.continue`; empty for the body itself.
    pub fn dotted(&self) -> String {
        let names: Vec<&str> = self.0.iter().map(|s| s.name.as_str()).collect();
        names.join(".")
    }
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
        request_fields(&self.params, self.body.as_ref())
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

    /// The stream a success is read as (server-sent events or NDJSON), with its items' type,
    /// when the operation's one success is a stream.
    pub fn streams(&self) -> Option<(Media, &TypeRef)> {
        let Success::Body { ty: Some(item) } = &self.success else {
            return None;
        };
        let media = self.success_responses().next()?.media;
        media.streams().then_some((media, item))
    }

    /// The streamed alternative of the operation's JSON success, for a second method that
    /// returns it (`create_chat_completion_stream`).
    pub fn stream_alternative(&self) -> Option<&StreamBody> {
        match self.success {
            Success::Body { .. } => self.success_responses().find_map(|r| r.stream.as_ref()),
            Success::Enum { .. } => None,
        }
    }

    /// The name of the method returning the streamed alternative.
    pub fn stream_ident(&self) -> String {
        format!("{}_stream", self.call_ident)
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

/// The request struct's fields of an operation with these parameters and body; shared with
/// the lowered, undecided operations that `ir::decide` makes the request struct from.
pub(super) fn request_fields<'a>(
    params: &'a [Parameter],
    body: Option<&'a Body>,
) -> impl Iterator<Item = RequestField<'a>> {
    let params = params
        .iter()
        .filter(|p| p.location != ParamLocation::Path && !p.common)
        .map(RequestField::Param);
    params.chain(
        body.into_iter()
            .flat_map(|b| b.fields.iter().map(RequestField::Body)),
    )
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
