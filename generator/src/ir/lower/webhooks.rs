//! The 3.1 `webhooks`: one event per webhook, with its payload type.

use openapiv3::ReferenceOr;

use super::{essence, Lowerer};
use crate::diagnostic::{pointer, Diagnostic};
use crate::ir::names::{self, Scope};
use crate::ir::{TypeKind, TypeRef, Webhook};

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
        Ok((webhooks, discriminator))
    }
}
