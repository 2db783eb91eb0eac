//! The API as a whole ([`Api`]), and what surrounds its operations: the servers it is served
//! from and the webhooks it sends.

use serde::Serialize;

use super::{
    Auth, CommonParams, EnumValue, ErrorSet, ErrorSetId, Operation, Replaced, TypeDef, TypeKind,
    TypeRef, Types,
};

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
    /// How webhook requests are verified (`[webhooks]` in the settings); `None` when the
    /// settings say nothing, or the API has no webhooks.
    pub webhook_auth: Option<super::WebhookAuth>,
    /// The origin of the API's own documentation (`https://www.chargebee.com`), from the
    /// spec's `externalDocs.url`, else `info.termsOfService`, else `info.contact.url`: what
    /// its relative links are resolved against when the settings name no `[docs] base-url`.
    pub docs_host: Option<String>,
    /// The error enums, each shared by every operation documenting the same error responses.
    pub error_sets: Vec<ErrorSet>,
    /// Parameters shared across operations, settable once on the client, if any.
    pub common: Option<CommonParams>,
    /// The schemas replaced by types of the user's, sorted by identifier.
    pub replaced: Vec<Replaced>,
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
    /// Whether the default is a sample to replace (Chargebee's `site: demo`): a client still
    /// using it fails to build rather than send credentials to a stranger's host
    /// (`ir::lower`'s `is_placeholder`, or `[servers] placeholders`).
    pub placeholder: bool,
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
            TypeKind::Union { variants, .. } => variants.iter().any(|v| v.ty.has_dates()),
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

    /// The error set an operation returns ([`Operation::errors`]).
    ///
    /// # Panics
    ///
    /// If `error_sets` no longer holds the set: ids are made with the sets, so only a caller
    /// that removed sets can see this.
    pub fn error_set(&self, id: ErrorSetId) -> &ErrorSet {
        &self.error_sets[id.0]
    }

    /// Looks a named type up.
    pub fn type_def(&self, ident: &str) -> Option<&TypeDef> {
        self.types.by_ident(ident)
    }
}
