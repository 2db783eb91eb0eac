//! The 3.1 `webhooks`: one event per webhook, with its payload type.

use openapiv3::{ReferenceOr, SchemaKind, Type};

use super::{essence, Lowerer, SchemaRef};
use crate::diagnostic::{pointer, Diagnostic};
use crate::ir::names::{self, Scope};
use crate::ir::{TypeKind, TypeRef, Webhook, WebhookAuth};

impl<'a> Lowerer<'a> {
    /// The 3.1 `webhooks`: each one's JSON payload type, and the payload property naming the
    /// event when every payload has one.
    pub(super) fn webhooks(&mut self) -> Result<(Vec<Webhook>, Option<String>), Diagnostic> {
        let mut scope = Scope::with_reserved(["Unknown"]);
        let mut webhooks = Vec::new();
        let loaded = self.loaded;
        for (name, item) in &loaded.webhooks {
            let at = pointer(["webhooks", name]);
            let ReferenceOr::Item(item) = item else {
                self.warn(
                    &at,
                    "a webhook given by `$ref` is not supported; it is left out",
                );
                continue;
            };
            let Some((method, op)) = item.iter().next() else {
                self.warn(&at, "the webhook has no operation; it is left out");
                continue;
            };
            let ident = scope.claim(names::pascal(name));
            let payload = match &op.request_body {
                Some(ReferenceOr::Item(body)) => {
                    let json = body.content.iter().find(|(m, _)| {
                        let m = essence(m);
                        m == "application/json" || m.ends_with("+json")
                    });
                    match json.and_then(|(m, c)| c.schema.as_ref().map(|s| (m, s))) {
                        Some((media_type, schema)) => {
                            let s_at = format!(
                                "{at}/{method}/requestBody/content/{}/schema",
                                crate::diagnostic::escape_token(media_type)
                            );
                            Some(
                                self.schema(schema.into(), &s_at, &format!("{ident} Event"), 0)?
                                    .ty,
                            )
                        }
                        None => None,
                    }
                }
                Some(ReferenceOr::Reference { .. }) => {
                    self.warn(&at, "a webhook request body given by `$ref` is not supported; its payload is kept as JSON");
                    None
                }
                None => None,
            };
            webhooks.push(Webhook {
                name: name.clone(),
                ident,
                summary: op.summary.clone(),
                description: op.description.clone().or_else(|| item.description.clone()),
                payload,
            });
        }
        let discriminator = ["event_type", "type", "event"]
            .into_iter()
            .find(|candidate| {
                !webhooks.is_empty()
                    && webhooks.iter().all(|w| match &w.payload {
                        Some(TypeRef::Named(name)) => self.types.iter().any(|t| {
                            &t.ident == name
                                && matches!(&t.kind, TypeKind::Struct { fields, .. }
                                    if fields.iter().any(|f| f.name == *candidate && matches!(f.ty, TypeRef::String(_) | TypeRef::Named(_))))
                        }),
                        _ => false,
                    })
            })
            .map(str::to_owned);
        if let Some(property) = &discriminator {
            self.type_event_names(&webhooks, property);
        }
        Ok((webhooks, discriminator))
    }

    /// How the webhooks are verified: `[webhooks]` in the settings, resolved; nothing for an
    /// API without webhooks (the settings then have nothing to verify).
    pub(super) fn webhook_auth(
        &self,
        webhooks: &[Webhook],
    ) -> Result<Option<WebhookAuth>, Diagnostic> {
        if webhooks.is_empty() {
            return Ok(None);
        }
        crate::ir::webhook_auth::resolve(&self.settings.webhooks).map_err(|message| {
            Diagnostic::new(
                crate::settings::FILE_NAME,
                None,
                format!("[webhooks]: {message}"),
            )
            .with_help("the keys of `[webhooks]` are described in docs/SETTINGS.md")
        })
    }

    /// Gives the payloads' `property` (the event's name, `event_type`) the API's enum of event
    /// names, when it has one that lists every webhook: callers then match on
    /// `EventType::SubscriptionCreated`, not on a string. The enum is one the spec already
    /// has (Chargebee's `EventType`, the type of its events' `event_type`): one already
    /// lowered (a component's first, then one named for the property), else a component
    /// nothing references yet.
    fn type_event_names(&mut self, webhooks: &[Webhook], property: &str) {
        let wanted = names::type_name(property);
        let lists_every_event =
            |values: &[&str]| webhooks.iter().all(|w| values.contains(&w.name.as_str()));
        // An enum already lowered: a component's first, then one named for the property.
        let lowered = self
            .types
            .iter()
            .filter(|t| match &t.kind {
                TypeKind::Enum { values, .. } => {
                    let values: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
                    lists_every_event(&values)
                }
                _ => false,
            })
            .min_by_key(|t| {
                let component = t.origin == pointer(["components", "schemas", &t.ident]);
                (!component, t.ident != wanted, t.ident.clone())
            })
            .map(|t| t.ident.clone());
        // Else a component nothing has referenced yet, lowered here.
        let enum_ident = lowered.or_else(|| {
            let doc = self.doc;
            let (name, schema) = doc
                .components
                .iter()
                .flat_map(|c| &c.schemas)
                .filter_map(|(name, schema)| match schema {
                    ReferenceOr::Item(schema) => match &schema.schema_kind {
                        SchemaKind::Type(Type::String(string)) => {
                            let values: Vec<&str> = string
                                .enumeration
                                .iter()
                                .flatten()
                                .map(String::as_str)
                                .collect();
                            lists_every_event(&values).then_some((name, schema))
                        }
                        _ => None,
                    },
                    ReferenceOr::Reference { .. } => None,
                })
                .min_by_key(|(name, _)| (names::type_name(name) != wanted, name.as_str()))?;
            let at = pointer(["components", "schemas", name]);
            match self
                .schema(SchemaRef::Inline(schema), &at, name, 0)
                .ok()?
                .ty
            {
                TypeRef::Named(ident) => Some(ident),
                _ => None,
            }
        });
        let Some(enum_ident) = enum_ident else {
            return;
        };
        let payloads: Vec<&str> = webhooks
            .iter()
            .filter_map(|w| match &w.payload {
                Some(TypeRef::Named(name)) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        for def in self.types.iter_mut() {
            if !payloads.contains(&def.ident.as_str()) {
                continue;
            }
            if let TypeKind::Struct { fields, .. } = &mut def.kind {
                for field in fields.iter_mut() {
                    if field.name == property && matches!(field.ty, TypeRef::String(_)) {
                        field.ty = TypeRef::Named(enum_ident.clone());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::ir::{TypeKind, TypeRef};
    use crate::load::load_bytes;

    /// Two webhooks whose payloads name their event in `event_type`, a string; `enum_values`
    /// is the API's enum of event types (the component `EventType`), if any.
    fn spec(enum_values: Option<&str>) -> String {
        let event = |name: &str| {
            format!("    {name}:\n      post:\n        requestBody:\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/{name}Event'}}\n        responses: {{'200': {{description: OK}}}}\n")
        };
        let mut yaml =
            String::from("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nwebhooks:\n");
        yaml.push_str(&event("invoice_created"));
        yaml.push_str(&event("invoice_deleted"));
        yaml.push_str("components:\n  schemas:\n");
        for name in ["invoice_created", "invoice_deleted"] {
            yaml.push_str(&format!("    {name}Event: {{type: object, required: [event_type], properties: {{id: {{type: string}}, event_type: {{type: string}}}}}}\n"));
        }
        if let Some(values) = enum_values {
            yaml.push_str(&format!(
                "    EventType: {{type: string, enum: {values}}}\n"
            ));
            // The API uses the enum elsewhere, as Chargebee's events API does.
            yaml.push_str("    Event: {type: object, properties: {event_type: {$ref: '#/components/schemas/EventType'}}}\n");
        }
        yaml
    }

    fn event_type_field(yaml: &str) -> (Option<String>, Vec<TypeRef>) {
        let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false).unwrap();
        let api = super::super::lower(&loaded, &mut Vec::new()).unwrap();
        let types = api
            .webhooks
            .iter()
            .map(|w| {
                let Some(TypeRef::Named(payload)) = &w.payload else {
                    panic!("a named payload")
                };
                let def = api.types.by_ident(payload).unwrap();
                let TypeKind::Struct { fields, .. } = &def.kind else {
                    panic!("a struct")
                };
                fields
                    .iter()
                    .find(|f| f.name == "event_type")
                    .unwrap()
                    .ty
                    .clone()
            })
            .collect();
        (api.webhook_discriminator, types)
    }

    #[test]
    fn the_event_type_field_takes_the_apis_enum_of_event_types() {
        let yaml = spec(Some("[invoice_created, invoice_deleted, invoice_updated]"));
        let (discriminator, types) = event_type_field(&yaml);
        assert_eq!(discriminator.as_deref(), Some("event_type"));
        assert_eq!(types, vec![TypeRef::Named("EventType".into()); 2]);
    }

    #[test]
    fn without_an_enum_listing_every_webhook_it_stays_a_string() {
        for yaml in [spec(None), spec(Some("[invoice_created, other]"))] {
            let (discriminator, types) = event_type_field(&yaml);
            assert_eq!(discriminator.as_deref(), Some("event_type"));
            assert!(
                types.iter().all(|t| matches!(t, TypeRef::String(_))),
                "{types:?}"
            );
        }
    }
}
