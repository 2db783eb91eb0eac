//! Request bodies ([`Body`], [`BodyEncoding`], [`MediaChoice`]) and responses ([`Response`],
//! [`Status`], [`Media`]).

use serde::Serialize;

#[cfg(doc)]
use super::StringFormat;
use super::{Field, FieldEncoding, TypeRef};

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
    /// Bytes (`application/octet-stream`, `application/pdf`, `image/*`, `*/*`, and any media
    /// type apiforge does not model, such as `application/jwt`): a download for a success, the
    /// bytes inside an enum of several.
    Binary,
    /// Server-sent events (`text/event-stream`): a stream of events, each `data` decoded
    /// into the body's type.
    Events,
    /// NDJSON / JSON Lines (`application/x-ndjson`, `application/jsonl`): a stream of items
    /// of the body's type.
    Lines,
}

impl Media {
    /// Whether the body is read as a stream of items rather than whole.
    pub fn streams(self) -> bool {
        matches!(self, Media::Events | Media::Lines)
    }
}

/// A streamed alternative of a JSON success (OpenAI's `text/event-stream` beside
/// `application/json`, chosen by a request field): the operation gets a second method that
/// asks for it and returns the stream.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StreamBody {
    /// [`Media::Events`] or [`Media::Lines`].
    pub media: Media,
    /// The media type asked for with `Accept`.
    pub media_type: String,
    /// The type of each item (an event's `data`, a line).
    pub item: TypeRef,
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
    /// The streamed alternative of a JSON body, when the response offers one.
    pub stream: Option<StreamBody>,
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
