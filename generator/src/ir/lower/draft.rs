//! What lowering hands to `ir::decide`: the API and its operations as the spec states them,
//! before anything is decided. Deciding consumes a draft and builds the [`Api`], so an
//! [`Operation`] is complete from the moment it exists: no field waits to be filled in.

#[cfg(doc)]
use crate::ir::{Api, Operation};
use crate::ir::{
    Auth, Body, Method, Pagination, Parameter, PathSegment, Replaced, RequestField, Response,
    Server, ServerVariable, Types, Webhook, WebhookAuth,
};

/// An [`Api`] without its operations' decisions, its error sets and its common parameters.
#[derive(Debug, Clone)]
pub(in crate::ir) struct ApiDraft {
    pub title: String,
    pub version: String,
    pub description: Option<String>,
    pub servers: Vec<Server>,
    pub server_variables: Vec<ServerVariable>,
    pub auth: Option<Auth>,
    pub operations: Vec<OperationDraft>,
    pub types: Types,
    pub webhooks: Vec<Webhook>,
    pub webhook_discriminator: Option<String>,
    pub webhook_auth: Option<WebhookAuth>,
    pub docs_host: Option<String>,
    pub replaced: Vec<Replaced>,
}

/// An [`Operation`] without what `ir::decide` decides: its request struct, what a success
/// returns, whether it may be retried and its error set. The fields mean what the
/// `Operation` fields of the same names mean.
#[derive(Debug, Clone)]
pub(in crate::ir) struct OperationDraft {
    pub id: String,
    pub ident: String,
    pub type_ident: String,
    pub call_ident: String,
    pub handle: Option<String>,
    pub group: String,
    pub method: Method,
    pub path: String,
    pub path_segments: Vec<PathSegment>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub deprecated: bool,
    pub params: Vec<Parameter>,
    pub body: Option<Body>,
    pub responses: Vec<Response>,
    pub pagination: Option<Pagination>,
}

impl OperationDraft {
    /// The fields its request struct will have ([`Operation::request_fields`]).
    pub fn request_fields(&self) -> impl Iterator<Item = RequestField<'_>> {
        crate::ir::operations::request_fields(&self.params, self.body.as_ref())
    }

    /// The common parameters it documents ([`Operation::common_params`]).
    pub fn common_params(&self) -> impl Iterator<Item = &Parameter> {
        self.params.iter().filter(|p| p.common)
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
