//! What an operation sends and receives: the request body (flattened into the request struct
//! when it is an object) and the documented responses.

use openapiv3::{ReferenceOr, Schema, SchemaKind, StatusCode, Type};

use super::{essence, field, Lowerer, SchemaRef};
use crate::diagnostic::Diagnostic;
use crate::ir::names::{self, Scope};
use crate::ir::{Body, BodyEncoding, Field, Response, Status, TypeRef};

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
        let mut chosen = None;
        for (media_type, content) in &body.content {
            let encoding = match essence(media_type).as_str() {
                "application/x-www-form-urlencoded" => BodyEncoding::Form,
                m if m == "application/json" || m.ends_with("+json") => BodyEncoding::Json,
                _ => continue,
            };
            if chosen.is_none() {
                chosen = Some((media_type, encoding, content));
            }
        }
        let Some((media_type, encoding, content)) = chosen else {
            let listed: Vec<&str> = body.content.keys().map(String::as_str).collect();
            return Err(self
                .error(&format!("{at}/content"), format!("no supported media type for the request body (found: {})", listed.join(", ")))
                .with_help("apiforge sends application/json and application/x-www-form-urlencoded bodies; add one of them"));
        };
        for other in body.content.keys().filter(|m| *m != media_type) {
            self.warn(&format!("{at}/content"), format!("the request body is sent as {media_type}; the alternative {other} is not offered"));
        }
        let content_at = format!(
            "{at}/content/{}",
            crate::diagnostic::escape_token(media_type)
        );
        let fields = match &content.schema {
            None => Vec::new(),
            Some(schema) => self.body_fields(
                schema.into(),
                &format!("{content_at}/schema"),
                type_ident,
                body.required,
                field_scope,
            )?,
        };
        let json_fields = content
            .encoding
            .iter()
            .filter(|(_, e)| {
                e.content_type.as_deref().is_some_and(|t| {
                    essence(t) == "application/json" || essence(t).ends_with("+json")
                })
            })
            .map(|(name, _)| name.clone())
            .collect();
        Ok(Body {
            encoding,
            media_type: media_type.clone(),
            required: body.required,
            description: body.description.clone(),
            fields,
            json_fields,
        })
    }

    /// The fields of a body: an object's properties, or one `body` field for anything else.
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
                        required && required_names.contains(name),
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
        let successes_with_body = entries.iter().filter(|(s, ..)| s.is_success()).count();
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
            let json = response.content.iter().find(|(m, _)| {
                let m = essence(m);
                m == "application/json" || m.ends_with("+json")
            });
            let body = match json {
                Some((media_type, content)) => match &content.schema {
                    Some(schema) => {
                        let hint = if status.is_success() && successes_with_body == 1 {
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
                None => {
                    if let Some(media_type) = response.content.keys().next() {
                        self.warn(&format!("{r_at}/content"), format!("response body of type {media_type} is not decoded; the client treats it as empty"));
                    }
                    None
                }
            };
            responses.push(Response {
                status,
                description: response.description.clone(),
                body,
                variant,
            });
        }
        Ok(responses)
    }
}

type Properties<'s> = (
    &'s indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
    &'s [String],
);

fn object_properties(schema: &Schema) -> Option<Properties<'_>> {
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

fn status_variant(status: Status) -> String {
    match status {
        Status::Code(code) => {
            names::status_name(code).map_or_else(|| format!("Status{code}"), str::to_owned)
        }
        Status::Range(class) => format!("Status{class}xx"),
        Status::Default => "Other".to_owned(),
    }
}
