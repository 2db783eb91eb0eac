//! What an operation sends and receives: the request body (flattened into the request struct
//! when it is an object) and the documented responses.

use std::cell::RefCell;
use std::rc::Rc;

use openapiv3::{
    AdditionalProperties, QueryStyle, ReferenceOr, Schema, SchemaKind, StatusCode, Type,
};

use super::{essence, field, media, Lowerer, SchemaRef};
use crate::diagnostic::Diagnostic;
use crate::ir::names::{self, Scope};
use crate::ir::{
    Body, BodyEncoding, Field, FieldEncoding, GroupMember, Media, ParamStyle, Response, Status,
    StreamBody, StringFormat, TypeRef, ValueGroup,
};

impl<'a> Lowerer<'a> {
    pub(super) fn body(
        &mut self,
        body: &'a ReferenceOr<openapiv3::RequestBody>,
        at: &str,
        type_ident: &str,
        field_scope: &mut Scope,
    ) -> Result<Body, Diagnostic> {
        let (at, body) = match body {
            ReferenceOr::Item(body) => (at.to_owned(), body),
            ReferenceOr::Reference { reference } => {
                self.component(reference, "requestBodies", at, |c| &c.request_bodies)?
            }
        };
        let mut chosen: Option<(&String, BodyEncoding, &openapiv3::MediaType, u8)> = None;
        for (media_type, content) in &body.content {
            let schema = match &content.schema {
                Some(schema) => Some(self.deref(schema.into(), &at)?.1),
                None => None,
            };
            let encoding = media::request_encoding(media_type, schema);
            let rank = media::rank(encoding, media_type, schema);
            // Structured encodings first (the client checks and encodes their fields), then
            // spec order.
            if chosen.as_ref().is_none_or(|(.., best)| rank < *best) {
                chosen = Some((media_type, encoding, content, rank));
            }
        }
        let Some((media_type, encoding, content, _)) = chosen else {
            // Any media type is sent (as bytes when apiforge does not model it); a body with
            // none says nothing of what to send.
            return Err(self
                .error(
                    &format!("{at}/content"),
                    "the request body documents no media type, so what to send is unknown",
                )
                .with_help("list the media type the API accepts under `content`, with its schema")
                .unsupported());
        };
        // An alternative carrying the same schema (Petstore's JSON, XML and form bodies) is
        // the same data in another syntax: sending one is enough, and JSON variants of it are
        // the caller's choice (`choices`). One with another schema is an input the client
        // cannot send.
        for (other, alternative) in body.content.iter().filter(|(m, _)| *m != media_type) {
            if alternative.schema != content.schema {
                self.warn(&format!("{at}/content"), format!("the request body is sent as {media_type}; the alternative {other}, of another schema, is not offered"));
            }
        }
        let content_at = format!(
            "{at}/content/{}",
            crate::diagnostic::escape_token(media_type)
        );
        let mut fields = match &content.schema {
            // Bytes and text are one `body` field whatever their schema says.
            _ if encoding == BodyEncoding::Binary => vec![field(
                "body",
                field_scope.claim("body".to_owned()),
                body.required,
                super::Lowered {
                    ty: TypeRef::String(StringFormat::File),
                    description: body.description.clone(),
                    ..super::plain_string()
                },
            )],
            _ if encoding == BodyEncoding::Text => vec![field(
                "body",
                field_scope.claim("body".to_owned()),
                body.required,
                super::Lowered {
                    description: body.description.clone(),
                    ..super::plain_string()
                },
            )],
            None => Vec::new(),
            // A form body that declares nothing has no fields (not one untyped `body`).
            Some(schema)
                if encoding == BodyEncoding::Form
                    && self.declares_nothing(schema.into(), &format!("{content_at}/schema"))? =>
            {
                Vec::new()
            }
            Some(schema) => self.body_fields(
                schema.into(),
                &format!("{content_at}/schema"),
                type_ident,
                body.required,
                field_scope,
            )?,
        };
        let encodings = match encoding {
            BodyEncoding::Form => self.form_encodings(content, &content_at, &fields)?,
            BodyEncoding::Multipart => self.multipart_parts(
                content.schema.as_ref().map(SchemaRef::from),
                content,
                &content_at,
                &mut fields,
            )?,
            BodyEncoding::Json | BodyEncoding::Binary | BodyEncoding::Text => Vec::new(),
        };
        let json_fields = encodings
            .iter()
            .filter(|e| e.json)
            .map(|e| e.name.clone())
            .collect();
        let choices = media::json_choices(media_type, encoding, content, &body.content);
        let choice_field =
            (!choices.is_empty()).then(|| field_scope.claim("media_type".to_owned()));
        Ok(Body {
            choices,
            choice_field,
            encoding,
            media_type: media::sent_media_type(media_type, encoding),
            required: body.required,
            description: body.description.clone(),
            fields,
            json_fields,
            encodings,
        })
    }

    /// Whether a form body's schema declares no property: absent, empty, or an object with
    /// neither properties nor `additionalProperties`.
    fn declares_nothing(&self, schema: SchemaRef<'a>, at: &str) -> Result<bool, Diagnostic> {
        let (_, target) = self.deref(schema, at)?;
        Ok(match &target.schema_kind {
            SchemaKind::Type(Type::Object(object)) => {
                object.properties.is_empty()
                    && matches!(
                        object.additional_properties,
                        None | Some(AdditionalProperties::Any(false))
                    )
            }
            SchemaKind::Any(any) => {
                any.properties.is_empty()
                    && any.typ.as_deref().is_none_or(|t| t == "object")
                    && matches!(
                        any.additional_properties,
                        None | Some(AdditionalProperties::Any(false))
                    )
                    && any.all_of.is_empty()
                    && any.one_of.is_empty()
                    && any.any_of.is_empty()
                    && any.enumeration.is_empty()
            }
            _ => false,
        })
    }

    /// How each field of a form body is written: its `encoding` entry, else OpenAPI's
    /// defaults (`style: form`, `explode: true`); and whether it is a multi-value group.
    fn form_encodings(
        &mut self,
        content: &'a openapiv3::MediaType,
        content_at: &str,
        fields: &[Field],
    ) -> Result<Vec<FieldEncoding>, Diagnostic> {
        let properties = match &content.schema {
            Some(schema) => {
                let (schema_at, target) =
                    self.deref(schema.into(), &format!("{content_at}/schema"))?;
                object_properties(target).map(|(properties, _)| (schema_at, properties))
            }
            None => None,
        };
        let mut encodings = Vec::new();
        for field in fields {
            let mut e = FieldEncoding::default_for(&field.name);
            if let Some(entry) = content.encoding.get(&field.name) {
                let entry_at = format!(
                    "{content_at}/encoding/{}",
                    crate::diagnostic::escape_token(&field.name)
                );
                // openapiv3 reads an absent `explode` as false; only the text says whether it
                // was written.
                let form = matches!(entry.style, None | Some(QueryStyle::Form));
                let explode =
                    entry.explode || (form && self.written(&format!("{entry_at}/explode")));
                if entry.style.is_some() || explode || entry.allow_reserved {
                    // A `style`, `explode` or `allowReserved` overrides `contentType`.
                    e.style = entry.style.as_ref().map_or(ParamStyle::Form, query_style);
                    e.explode = if explode {
                        entry.explode
                    } else {
                        e.style == ParamStyle::Form
                    };
                    e.allow_reserved = entry.allow_reserved;
                    e.explicit = entry.style.is_some() || explode;
                } else {
                    e.json = entry.content_type.as_deref().is_some_and(|t| {
                        essence(t) == "application/json" || essence(t).ends_with("+json")
                    });
                }
            }
            if let Some((schema_at, properties)) = &properties {
                if let Some(prop) = properties.get(&field.name) {
                    let prop_at = format!(
                        "{schema_at}/properties/{}",
                        crate::diagnostic::escape_token(&field.name)
                    );
                    e.group = self.value_group(prop.into(), &prop_at)?;
                }
            }
            encodings.push(e);
        }
        Ok(encodings)
    }

    /// The multi-value group a schema is, if it is one: an object whose properties (one or
    /// more, and nothing else) are all lists of plain values. Each member keeps the
    /// constraints of its list's items, for the entries' validation.
    pub(super) fn value_group(
        &mut self,
        schema: SchemaRef<'a>,
        at: &str,
    ) -> Result<Option<ValueGroup>, Diagnostic> {
        let (at, target) = self.deref(schema, at)?;
        let Some((properties, _)) = object_properties(target) else {
            return Ok(None);
        };
        let closed = match &target.schema_kind {
            SchemaKind::Type(Type::Object(object)) => matches!(
                object.additional_properties,
                None | Some(AdditionalProperties::Any(false))
            ),
            _ => false,
        };
        if !closed {
            return Ok(None);
        }
        let mut members = Vec::new();
        for (name, prop) in properties {
            let prop_at = format!("{at}/properties/{}", crate::diagnostic::escape_token(name));
            let (prop_at, prop) = self.deref(prop.into(), &prop_at)?;
            let SchemaKind::Type(Type::Array(array)) = &prop.schema_kind else {
                return Ok(None);
            };
            let Some(items) = &array.items else {
                return Ok(None);
            };
            let (_, item) = self.deref(items.into(), &format!("{prop_at}/items"))?;
            let plain = matches!(
                item.schema_kind,
                SchemaKind::Type(
                    Type::String(_) | Type::Integer(_) | Type::Number(_) | Type::Boolean(_)
                )
            );
            if !plain {
                return Ok(None);
            }
            // Lowered already (with the group's type): this only reads the constraints.
            let lowered = self.schema(items.into(), &format!("{prop_at}/items"), name, 2)?;
            members.push(GroupMember {
                name: name.clone(),
                constraints: lowered.constraints,
            });
        }
        Ok(Some(ValueGroup {
            members,
            entry: None,
        }))
    }

    /// Whether the node at `pointer` is written in the spec's text (for what the typed model
    /// cannot tell from a default).
    fn written(&self, pointer: &str) -> bool {
        raw_document(&self.loaded.text, self.loaded.is_json)
            .is_some_and(|doc| doc.pointer(pointer.trim_start_matches('#')).is_some())
    }

    /// The fields of a body: an object's properties, or one `body` field for anything else
    /// (required when the body is).
    fn body_fields(
        &mut self,
        schema: SchemaRef<'a>,
        at: &str,
        type_ident: &str,
        required: bool,
        scope: &mut Scope,
    ) -> Result<Vec<Field>, Diagnostic> {
        let (at, target) = self.deref(schema, at)?;
        if let Some((properties, required_names)) = object_properties(target) {
            let owner = format!("{type_ident} Request");
            return properties
                .iter()
                .map(|(name, prop)| {
                    let prop_at =
                        format!("{at}/properties/{}", crate::diagnostic::escape_token(name));
                    self.slot(&prop_at, name);
                    let lowered =
                        self.schema(prop.into(), &prop_at, &format!("{owner} {name}"), 1)?;
                    Ok(field(
                        name,
                        scope.claim(names::snake(name)),
                        // Required properties stay required when the body itself is optional:
                        // a body that is sent must carry them (Chargebee's `plan_id`, Twilio's
                        // `To`), and the request struct always sends one.
                        required_names.contains(name),
                        lowered,
                    ))
                })
                .collect();
        }
        let lowered = self.schema(
            SchemaRef::Inline(target),
            &at,
            &format!("{type_ident} Body"),
            0,
        )?;
        Ok(vec![field(
            "body",
            scope.claim("body".to_owned()),
            required,
            lowered,
        )])
    }

    pub(super) fn responses(
        &mut self,
        op: &'a openapiv3::Operation,
        at: &str,
        type_ident: &str,
    ) -> Result<Vec<Response>, Diagnostic> {
        let mut entries: Vec<(Status, &ReferenceOr<openapiv3::Response>, String)> = Vec::new();
        for (code, response) in &op.responses.responses {
            let status = match code {
                StatusCode::Code(code) => Status::Code(*code),
                StatusCode::Range(class) => Status::Range(*class),
            };
            entries.push((status, response, format!("{at}/responses/{}", status.key())));
        }
        if let Some(default) = &op.responses.default {
            entries.push((Status::Default, default, format!("{at}/responses/default")));
        }
        let successes = entries.iter().filter(|(s, ..)| s.is_success()).count();
        let mut variant_scope = Scope::new();
        let mut responses = Vec::new();
        for (status, response, r_at) in entries {
            let (r_at, response) = match response {
                ReferenceOr::Item(r) => (r_at, r),
                ReferenceOr::Reference { reference } => {
                    self.component(reference, "responses", &r_at, |c| &c.responses)?
                }
            };
            let variant = variant_scope.claim(status_variant(status));
            let mut json = None;
            let mut stream = None;
            for (media_type, content) in &response.content {
                let m = essence(media_type);
                if stream.is_none() {
                    stream = media::stream_media(&m).map(|kind| (media_type, content, kind));
                }
                if json.is_some() {
                    continue;
                }
                let schema = match &content.schema {
                    Some(schema) if m.contains('*') => Some(self.deref(schema.into(), &r_at)?.1),
                    _ => None,
                };
                if media::is_json(&m) || media::wildcard_json(&m, schema) {
                    json = Some((media_type, content));
                }
            }
            // A stream is offered only where it is the operation's one success: an enum of
            // several answers holds values, not open connections.
            let mut stream = match stream {
                Some((media_type, content, kind)) if status.is_success() && successes == 1 => {
                    let item = self.stream_item(content, kind, &r_at, media_type, type_ident)?;
                    Some(StreamBody {
                        media: kind,
                        media_type: media_type.clone(),
                        item,
                    })
                }
                _ => None,
            };
            let mut media = Media::Json;
            let body = match json {
                Some((media_type, content)) => match &content.schema {
                    Some(schema) => {
                        let hint = if status.is_success() && successes == 1 {
                            format!("{type_ident} Response")
                        } else if status.is_success() {
                            format!("{type_ident} Response {}", status.key())
                        } else {
                            format!("{type_ident} {variant} Body")
                        };
                        let s_at = format!(
                            "{r_at}/content/{}/schema",
                            crate::diagnostic::escape_token(media_type)
                        );
                        Some(self.schema(schema.into(), &s_at, &hint, 0)?.ty)
                    }
                    None => Some(TypeRef::Any),
                },
                // Only streams offered: the operation returns the stream.
                None if stream.is_some()
                    && response
                        .content
                        .keys()
                        .all(|m| media::stream_media(&essence(m)).is_some()) =>
                {
                    stream.take().map(|s| {
                        media = s.media;
                        s.item
                    })
                }
                // Not JSON: a success is read as its first other media type says (OpenAI's
                // speech: audio bytes, the events an alternative; a stream among several
                // successes as text); an error body is kept raw, as text.
                None => {
                    let first = response
                        .content
                        .keys()
                        .find(|m| stream.is_none() || media::stream_media(&essence(m)).is_none());
                    first.map(|media_type| {
                        media = match media::response_media(media_type) {
                            m if status.is_success() && !m.streams() => m,
                            _ => Media::Text,
                        };
                        match media {
                            Media::Binary => TypeRef::String(StringFormat::Binary),
                            _ => TypeRef::String(StringFormat::Plain),
                        }
                    })
                }
            };
            responses.push(Response {
                status,
                description: response.description.clone(),
                body,
                media,
                stream,
                variant,
            });
        }
        Ok(responses)
    }
}

impl<'a> Lowerer<'a> {
    /// The type of each item of a streamed response: its schema's, else text for events and
    /// any JSON for lines. An event whose schema is a plain string is its `data`'s text.
    fn stream_item(
        &mut self,
        content: &'a openapiv3::MediaType,
        kind: Media,
        r_at: &str,
        media_type: &str,
        type_ident: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let Some(schema) = &content.schema else {
            return Ok(match kind {
                Media::Lines => TypeRef::Any,
                _ => TypeRef::String(StringFormat::Plain),
            });
        };
        let s_at = format!(
            "{r_at}/content/{}/schema",
            crate::diagnostic::escape_token(media_type)
        );
        let hint = match kind {
            Media::Lines => format!("{type_ident} Item"),
            _ => format!("{type_ident} Event"),
        };
        Ok(self.schema(schema.into(), &s_at, &hint, 0)?.ty)
    }
}

type Properties<'s> = (
    &'s indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
    &'s [String],
);

pub(super) fn object_properties(schema: &Schema) -> Option<Properties<'_>> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) if !object.properties.is_empty() => {
            Some((&object.properties, &object.required))
        }
        SchemaKind::Any(any) if !any.properties.is_empty() => {
            Some((&any.properties, &any.required))
        }
        _ => None,
    }
}

fn query_style(style: &QueryStyle) -> ParamStyle {
    match style {
        QueryStyle::Form => ParamStyle::Form,
        QueryStyle::SpaceDelimited => ParamStyle::SpaceDelimited,
        QueryStyle::PipeDelimited => ParamStyle::PipeDelimited,
        QueryStyle::DeepObject => ParamStyle::DeepObject,
    }
}

thread_local! {
    /// The last spec text read as plain JSON, by a hash of the text: parsed at most once per
    /// spec, and only when the typed model cannot say whether something was written.
    static RAW: RefCell<Option<(u64, Rc<serde_json::Value>)>> = const { RefCell::new(None) };
}

/// The spec's text as plain JSON (YAML read as serde_yaml reads it); `None` if it cannot be
/// read so (it was, to be loaded at all).
fn raw_document(text: &str, is_json: bool) -> Option<Rc<serde_json::Value>> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    let hash = hasher.finish();
    RAW.with(|raw| {
        if let Some((seen, doc)) = &*raw.borrow() {
            if *seen == hash {
                return Some(Rc::clone(doc));
            }
        }
        let doc: serde_json::Value = if is_json {
            serde_json::from_str(text).ok()?
        } else {
            serde_yaml::from_str(text).ok()?
        };
        let doc = Rc::new(doc);
        *raw.borrow_mut() = Some((hash, Rc::clone(&doc)));
        Some(doc)
    })
}

fn status_variant(status: Status) -> String {
    match status {
        Status::Code(code) => {
            names::status_name(code).map_or_else(|| format!("Status{code}"), str::to_owned)
        }
        Status::Range(class) => format!("Status{class}xx"),
        Status::Default => "Other".to_owned(),
    }
}
