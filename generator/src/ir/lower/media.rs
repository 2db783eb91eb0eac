//! Media types beyond JSON and forms: which encoding a request body's media type gets, how a
//! response body is read, which multipart fields are files, and how each part is written.

use openapiv3::{ReferenceOr, Schema, SchemaKind, Type, VariantOrUnknownOrEmpty};

use super::{essence, Lowerer, SchemaRef};
use crate::diagnostic::Diagnostic;
use crate::ir::{
    BodyEncoding, Field, FieldEncoding, Media, MediaChoice, StringFormat, TypeKind, TypeRef,
};

/// The encoding apiforge sends a request body of `media_type` with. `schema` is the body's
/// schema (dereferenced), which makes any media type binary when it is `format: binary`. A
/// media type apiforge does not model (`application/tar`, `message/rfc822`,
/// `application/jwt`) is bytes the caller gives, sent with that type: nothing is lost.
pub(super) fn request_encoding(media_type: &str, schema: Option<&Schema>) -> BodyEncoding {
    let essence = essence(media_type);
    match essence.as_str() {
        "application/x-www-form-urlencoded" => BodyEncoding::Form,
        m if is_json(m) => BodyEncoding::Json,
        m if wildcard_json(m, schema) => BodyEncoding::Json,
        "multipart/form-data" => BodyEncoding::Multipart,
        m if is_text(m) => BodyEncoding::Text,
        _ => BodyEncoding::Binary,
    }
}

/// The JSON media types a body may be sent as, when it is JSON and the spec offers several of
/// the same schema (Kubernetes' patch types): the chosen one first, then the others in spec
/// order, each with its enum variant. Empty when there is nothing to choose.
pub(super) fn json_choices(
    chosen: &str,
    encoding: BodyEncoding,
    content: &openapiv3::MediaType,
    offered: &indexmap::IndexMap<String, openapiv3::MediaType>,
) -> Vec<MediaChoice> {
    if encoding != BodyEncoding::Json {
        return Vec::new();
    }
    let others = offered
        .iter()
        .filter(|(m, c)| *m != chosen && is_json(&essence(m)) && c.schema == content.schema);
    let mut media_types: Vec<&str> = vec![chosen];
    media_types.extend(others.map(|(m, _)| m.as_str()));
    if media_types.len() < 2 {
        return Vec::new();
    }
    let mut scope = crate::ir::names::Scope::new();
    media_types
        .into_iter()
        .map(|media_type| {
            // `application/merge-patch+json` → `MergePatchJson`.
            let subtype = essence(media_type);
            let subtype = subtype
                .rsplit('/')
                .next()
                .unwrap_or(&subtype)
                .replace('+', " ");
            MediaChoice {
                media_type: media_type.to_owned(),
                variant: scope.claim(crate::ir::names::pascal(&subtype)),
            }
        })
        .collect()
}

/// Which of several offered encodings is sent (lowest first): JSON, then forms, multipart,
/// bytes, text (XML included), since the caller writes it by hand, and last the bytes of a
/// media type apiforge does not model (the caller encodes them wholly).
pub(super) fn rank(encoding: BodyEncoding, media_type: &str, schema: Option<&Schema>) -> u8 {
    match encoding {
        BodyEncoding::Json => 0,
        BodyEncoding::Form => 1,
        BodyEncoding::Multipart => 2,
        BodyEncoding::Binary
            if is_bytes(&essence(media_type)) || schema.is_some_and(is_binary_schema) =>
        {
            3
        }
        BodyEncoding::Text => 4,
        BodyEncoding::Binary => 5,
    }
}

/// The `Content-Type` a body of `media_type` is sent with: wildcards (`*/*`, `image/*`) name
/// no type, so a structured body goes as JSON and bytes as `application/octet-stream`
/// unless the caller names theirs.
pub(super) fn sent_media_type(media_type: &str, encoding: BodyEncoding) -> String {
    match encoding {
        _ if !media_type.contains('*') => media_type.to_owned(),
        BodyEncoding::Json => "application/json".to_owned(),
        _ => "application/octet-stream".to_owned(),
    }
}

/// A wildcard media type (`*/*`) with a schema that is not a string: what Spring's springdoc
/// writes for JSON, read and sent as JSON.
pub(super) fn wildcard_json(essence: &str, schema: Option<&Schema>) -> bool {
    essence.contains('*')
        && schema.is_some_and(|s| !matches!(s.schema_kind, SchemaKind::Type(Type::String(_))))
}

/// How a non-JSON response body of `media_type` is read: text, a stream, else bytes (any
/// media type apiforge does not model among them).
pub(super) fn response_media(media_type: &str) -> Media {
    let essence = essence(media_type);
    match stream_media(&essence) {
        Some(media) => media,
        None if is_text(&essence) => Media::Text,
        None => Media::Binary,
    }
}

/// The streamed media types: server-sent events, and NDJSON / JSON Lines under each of its
/// names.
pub(super) fn stream_media(essence: &str) -> Option<Media> {
    match essence {
        "text/event-stream" => Some(Media::Events),
        "application/x-ndjson"
        | "application/ndjson"
        | "application/jsonl"
        | "application/x-jsonlines"
        | "application/jsonlines" => Some(Media::Lines),
        _ => None,
    }
}

/// JSON and its structured-syntax variants (`application/merge-patch+json`).
pub(super) fn is_json(essence: &str) -> bool {
    essence == "application/json" || essence.ends_with("+json")
}

/// Text the caller writes or reads as a `String`: `text/*` and XML.
fn is_text(essence: &str) -> bool {
    essence.starts_with("text/")
        || essence == "application/xml"
        || essence.ends_with("+xml")
        || stream_media(essence).is_some()
}

/// Media types that are bytes whatever their schema says.
fn is_bytes(essence: &str) -> bool {
    matches!(
        essence,
        "*/*"
            | "application/octet-stream"
            | "application/pdf"
            | "application/zip"
            | "application/gzip"
    ) || ["image/", "audio/", "video/", "font/"]
        .iter()
        .any(|prefix| essence.starts_with(prefix))
}

/// `type: string, format: binary` (3.1's `contentMediaType` is normalized to it).
fn is_binary_schema(schema: &Schema) -> bool {
    matches!(
        &schema.schema_kind,
        SchemaKind::Type(Type::String(s))
            if matches!(s.format, VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::Binary))
    )
}

impl<'a> Lowerer<'a> {
    /// Whether `schema` is `format: binary` bytes (a file).
    fn is_file(&self, schema: &'a ReferenceOr<Box<Schema>>, at: &str) -> Result<bool, Diagnostic> {
        let (_, target) = self.deref(schema.into(), at)?;
        Ok(is_binary_schema(target))
    }

    /// The parts of a multipart body, in field order: files (`format: binary`, and lists of
    /// them) become [`StringFormat::File`] fields sent with their `encoding.contentType` (else
    /// `application/octet-stream`); objects, lists of objects and fields whose `contentType`
    /// is JSON are JSON parts; everything else is text.
    pub(super) fn multipart_parts(
        &mut self,
        schema: Option<SchemaRef<'a>>,
        content: &'a openapiv3::MediaType,
        content_at: &str,
        fields: &mut [Field],
    ) -> Result<Vec<FieldEncoding>, Diagnostic> {
        let properties = match schema {
            Some(schema) => {
                let (schema_at, target) = self.deref(schema, &format!("{content_at}/schema"))?;
                super::bodies::object_properties(target)
                    .map(|(properties, _)| (schema_at, properties))
            }
            None => None,
        };
        let mut parts = Vec::new();
        for field in fields.iter_mut() {
            let mut part = FieldEncoding::default_for(&field.name);
            let entry = content.encoding.get(&field.name);
            if let Some((schema_at, properties)) = &properties {
                if let Some(prop) = properties.get(&field.name) {
                    let prop_at = format!(
                        "{schema_at}/properties/{}",
                        crate::diagnostic::escape_token(&field.name)
                    );
                    let (prop_at, target) = self.deref(prop.into(), &prop_at)?;
                    let file = match &target.schema_kind {
                        SchemaKind::Type(Type::Array(array)) => match &array.items {
                            Some(items) => self.is_file(items, &format!("{prop_at}/items"))?,
                            None => false,
                        },
                        _ => is_binary_schema(target),
                    };
                    if file {
                        field.ty = match &field.ty {
                            TypeRef::Array(_) => {
                                TypeRef::Array(Box::new(TypeRef::String(StringFormat::File)))
                            }
                            _ => TypeRef::String(StringFormat::File),
                        };
                        part.content_type = Some(
                            entry
                                .and_then(|e| e.content_type.as_deref())
                                // `image/png, image/jpeg`: the first is the default.
                                .and_then(|t| t.split(',').next())
                                .map_or("application/octet-stream".to_owned(), |t| {
                                    sent_media_type(t.trim(), BodyEncoding::Binary)
                                }),
                        );
                    }
                }
            }
            let declared_json = entry
                .and_then(|e| e.content_type.as_deref())
                .is_some_and(|t| is_json(&essence(t)));
            part.json =
                part.content_type.is_none() && (declared_json || self.structured(&field.ty));
            parts.push(part);
        }
        Ok(parts)
    }

    /// Values OpenAPI sends as `application/json` parts by default: objects and unions, and
    /// lists of them (a list of plain values is a part per value).
    fn structured(&self, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::Array(item) => self.structured(item),
            TypeRef::Named(name) => self
                .types
                .iter()
                .find(|t| &t.ident == name)
                .is_some_and(|t| !matches!(t.kind, TypeKind::Enum { .. })),
            TypeRef::Map(_) | TypeRef::Any => true,
            TypeRef::String(_) | TypeRef::Integer(_) | TypeRef::Number | TypeRef::Boolean => false,
        }
    }
}
