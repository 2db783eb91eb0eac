//! What the templates see, as typed structs: the reference for templates given with
//! `--templates DIR`. Each field is a template variable of the name shown (`type` where the
//! Rust field is `ty`); an `Option` field that is absent is `none`.
//!
//! `Cargo.toml.j2`, `README.md.j2` and `docs_index.md.j2` see:
//!
//! - `krate`: the crate's identity (`name`, `lib`, `version`, `title`, `generator_version`);
//! - `dependencies`: the manifest's `[dependencies]` lines, in order;
//! - `api`: [`ApiContext`];
//! - `servers`: [`ServersContext`];
//! - `auth`: [`AuthContext`], or `none` for an API without credentials;
//! - `common`: [`CommonContext`], or `none` for an API without common parameters;
//! - `modules`: a [`ModuleContext`] per module of operations, sorted by name;
//! - `pages`: [`PagesContext`] for the README's example of a stream of pages, or `none`;
//! - `operations`: an [`OperationContext`] per operation, in spec order;
//! - `features`: [`FeaturesContext`], or `none` for a crate without features.
//!
//! `operation.md.j2` sees `krate`, `api`, `servers`, `auth` and `common`, and its operation as
//! `op` ([`OperationContext`]).

use serde::Serialize;

/// `api`: the API's `info`.
#[derive(Debug, Clone, Serialize)]
pub struct ApiContext {
    /// `info.title`.
    pub title: String,
    /// `info.version`, verbatim.
    pub version: String,
    /// `info.description` (Markdown).
    pub description: Option<String>,
}

/// `servers`: where the API is served from.
#[derive(Debug, Clone, Serialize)]
pub struct ServersContext {
    /// Each server, the default first.
    pub list: Vec<ServerContext>,
    /// The variables of the servers' URL templates (fields of `ServerVariables`).
    pub variables: Vec<ServerVariableContext>,
}

/// A server (`servers.list`).
#[derive(Debug, Clone, Serialize)]
pub struct ServerContext {
    /// The `Server` variant (`Live`).
    pub ident: String,
    /// The URL template (`https://{site}.example.com/api`).
    pub url: String,
    /// Its `description`.
    pub description: Option<String>,
    /// Whether its URL has `{variables}`.
    pub has_variables: bool,
}

/// A server URL variable (`servers.variables`).
#[derive(Debug, Clone, Serialize)]
pub struct ServerVariableContext {
    /// Its name in the URL template.
    pub name: String,
    /// The `ServerVariables` field that sets it.
    pub field: String,
    /// Its default value.
    pub default: String,
    /// The values it may take; empty when any value is allowed.
    pub values: Vec<String>,
    /// Its `description`.
    pub description: Option<String>,
}

/// `auth`: how the API authenticates.
#[derive(Debug, Clone, Serialize)]
pub struct AuthContext {
    /// In words: the one scheme (`HTTP bearer token`), or every scheme with how it travels.
    pub kind: String,
    /// The one scheme's `description`; `none` when there are several.
    pub description: Option<String>,
    /// The Rust that makes credentials (`Credentials::bearer(token)`).
    pub rust: String,
    /// Each scheme on its own.
    pub schemes: Vec<SchemeContext>,
}

/// A security scheme (`auth.schemes`).
#[derive(Debug, Clone, Serialize)]
pub struct SchemeContext {
    /// Its name in `components/securitySchemes`.
    pub name: String,
    /// How its secret travels, in words (`an API key in the \`X-API-Key\` header`).
    pub kind: String,
    /// Its `description`.
    pub description: Option<String>,
    /// The Rust that makes credentials for it.
    pub rust: String,
    /// The OAuth2 scopes it documents.
    pub scopes: Vec<ScopeContext>,
}

/// An OAuth2 scope (`auth.schemes[].scopes`).
#[derive(Debug, Clone, Serialize)]
pub struct ScopeContext {
    /// The scope.
    pub name: String,
    /// What it grants.
    pub description: String,
}

/// `common`: the parameters set once on the client (`CommonParameters`).
#[derive(Debug, Clone, Serialize)]
pub struct CommonContext {
    /// The Rust type's name (`CommonParameters`).
    pub ident: String,
    /// Its fields.
    pub params: Vec<CommonParamContext>,
    /// Rust setting one for some calls.
    pub example: String,
}

/// A common parameter (`common.params`).
#[derive(Debug, Clone, Serialize)]
pub struct CommonParamContext {
    /// Its name on the wire.
    pub name: String,
    /// The `CommonParameters` field.
    pub field: String,
    /// Where it is sent: `path`, `query`, `header` or `cookie`.
    pub location: &'static str,
    /// Its type in words (`string (email)`).
    #[serde(rename = "type")]
    pub ty: String,
    /// Its `description`.
    pub description: Option<String>,
    /// How many operations send it.
    pub operations: usize,
}

/// A module of operations (`modules`).
#[derive(Debug, Clone, Serialize)]
pub struct ModuleContext {
    /// The module's name (`invoices`).
    pub name: String,
    /// Its handle's type (`Invoices`) with `[client] style = "resources"`.
    pub handle: Option<String>,
    /// Its operations, in spec order.
    pub operations: Vec<ModuleOperationContext>,
}

/// An operation as the index lists it (`modules[].operations`).
#[derive(Debug, Clone, Serialize)]
pub struct ModuleOperationContext {
    /// The operation's name in the crate (`resume_dunning`): its page's and types' stem.
    pub ident: String,
    /// Its method, with what it is a method of (`Client::resume_dunning`, or
    /// `Invoices::resume_dunning` on a resource handle).
    pub rust_method: String,
    /// Its `summary`, else the method name.
    pub title: String,
    /// Its page, relative to `docs/` (`resume_dunning.md`).
    pub doc_file: String,
    /// The HTTP method (`POST`).
    pub method: &'static str,
    /// The path template.
    pub path: String,
    /// Whether the API deprecates it.
    pub deprecated: bool,
    /// Its request struct from the crate root (`invoices::ResumeDunningRequest`), if any.
    pub request_path: Option<String>,
    /// Its error enum, at the crate root (`ErrorResponse`).
    pub error_type: String,
    /// The method streaming every page (`Client::list_invoices_pages`), for paginated
    /// operations.
    pub pages: Option<String>,
}

/// `pages`: the first operation with a stream of pages, for the README.
#[derive(Debug, Clone, Serialize)]
pub struct PagesContext {
    /// The operation's method (`Client::list_invoices`).
    pub op: String,
    /// The method streaming its pages (`Client::list_invoices_pages`).
    pub method: String,
    /// Its module.
    pub module: String,
    /// Its request struct's name.
    pub request_type: Option<String>,
    /// Rust reading every page.
    pub example: String,
}

/// `features`: the crate's Cargo features.
#[derive(Debug, Clone, Serialize)]
pub struct FeaturesContext {
    /// Every feature: one per module of operations, then `webhooks`.
    pub names: Vec<String>,
    /// Whether there is a `webhooks` feature.
    pub webhooks: bool,
    /// What the `webhooks` feature turns on (`dep:hmac`, ...): the webhook signatures'
    /// optional dependencies, when the settings verify webhooks.
    pub webhook_dependencies: Vec<String>,
    /// The features a crate needing only some would name (the first two).
    pub example: Vec<String>,
}

/// `op` (and each of `operations`): one operation.
#[derive(Debug, Clone, Serialize)]
pub struct OperationContext {
    /// Its `operationId` (or one derived from method and path).
    pub id: String,
    /// The operation's name in the crate (`resume_dunning`): its page's and types' stem.
    pub ident: String,
    /// Its method, with what it is a method of (`Client::resume_dunning`, or
    /// `Invoices::resume_dunning` on a resource handle).
    pub rust_method: String,
    /// Its method's name (`resume_dunning`; `retrieve` on a resource handle).
    pub call_ident: String,
    /// What its method and its stream of pages are methods of: `Client`, or the module's
    /// handle (`Invoices`).
    pub owner: String,
    /// How code calls its methods on a `client`, up to the method's name: `client.`, or
    /// `client.invoices().` on a resource handle.
    pub call: String,
    /// Its module.
    pub group: String,
    /// Its page, relative to `docs/` (`resume_dunning.md`).
    pub doc_file: String,
    /// The HTTP method (`POST`).
    pub method: &'static str,
    /// The path template.
    pub path: String,
    /// Its `summary`.
    pub summary: Option<String>,
    /// Its `summary`, else the method name.
    pub title: String,
    /// Its `description` (Markdown).
    pub description: Option<String>,
    /// Whether the API deprecates it.
    pub deprecated: bool,
    /// Its path parameters, in template order.
    pub path_params: Vec<ParamContext>,
    /// Its query parameters.
    pub query_params: Vec<ParamContext>,
    /// Its header parameters.
    pub header_params: Vec<ParamContext>,
    /// Its cookie parameters.
    pub cookie_params: Vec<ParamContext>,
    /// Its request body, if any.
    pub body: Option<BodyContext>,
    /// Every documented response, in spec order.
    pub responses: Vec<ResponseContext>,
    /// Its request struct's name (`ResumeDunningRequest`), if any.
    pub request_type: Option<String>,
    /// Its request struct from the crate root (`invoices::ResumeDunningRequest`), if any.
    pub request_path: Option<String>,
    /// Its error enum, at the crate root (`ErrorResponse`).
    pub error_type: String,
    /// How many operations share that error enum (at least 1).
    pub error_operations: usize,
    /// The wire names of the common parameters it sends.
    pub common_params: Vec<String>,
    /// The common parameters' type (`CommonParameters`), when it sends any.
    pub common_type: Option<String>,
    /// The method streaming every page (`Client::list_invoices_pages`), for paginated
    /// operations.
    pub pages: Option<String>,
    /// How it paginates, for paginated operations.
    pub pagination: Option<PaginationContext>,
    /// Its streamed answer (server-sent events, NDJSON), when it has one.
    pub stream: Option<StreamContext>,
    /// What a success returns, from the crate root (`types::Invoice`, `()`, `Download`).
    pub success_type: String,
    /// The success body's struct, when it is one (`types::Invoice`).
    pub success_fields_type: Option<String>,
    /// That struct's fields; empty when the success body is not a struct.
    pub success_fields: Vec<FieldContext>,
    /// The method's signature.
    pub signature: String,
    /// Rust calling it, whole.
    pub example: String,
    /// Whether a `default` response is documented (then no status is undocumented).
    pub status_is_default: bool,
    /// The header carrying its idempotency key, when it sends one.
    pub idempotency_header: Option<String>,
    /// Whether it is retried: `idempotent`, `keyed` (with an idempotency key) or `never`.
    pub retry: &'static str,
}

/// A parameter of an operation (`op.path_params`, `op.query_params`, ...).
#[derive(Debug, Clone, Serialize)]
pub struct ParamContext {
    /// The fields it has in common with a body field.
    #[serde(flatten)]
    pub value: FieldContext,
    /// Where it is set when it is a common parameter (`CommonParameters::device`).
    pub common: Option<String>,
}

/// A body or success field (`op.body.fields`, `op.success_fields`); parameters have the same.
#[derive(Debug, Clone, Serialize)]
pub struct FieldContext {
    /// Its name on the wire.
    pub name: String,
    /// The Rust field.
    pub field: String,
    /// Whether it must be given (for a success field: whether it is always present).
    pub required: bool,
    /// Whether the API deprecates it.
    pub deprecated: bool,
    /// Its `description`, else its type's first line.
    pub description: Option<String>,
    /// Its type in words (`string (email)`, `array of object (\`types::Addon\`)`).
    #[serde(rename = "type")]
    pub ty: String,
    /// Its Rust type.
    pub rust_type: String,
    /// The values of its enum type; empty when its type is not an enum.
    pub values: Vec<String>,
    /// What each of `values` means, in the same order (`None` where the spec does not say).
    pub value_descriptions: Vec<Option<String>>,
    /// Its constraints in words (`max length 50`, `may be null`).
    pub constraints: Vec<String>,
}

/// The request body (`op.body`).
#[derive(Debug, Clone, Serialize)]
pub struct BodyContext {
    /// The media type it is sent as.
    pub media_type: String,
    /// Whether the spec requires it.
    pub required: bool,
    /// Its `description`.
    pub description: Option<String>,
    /// Its fields.
    pub fields: Vec<FieldContext>,
}

/// A documented response (`op.responses`).
#[derive(Debug, Clone, Serialize)]
pub struct ResponseContext {
    /// The status (`200`, `4XX`, `default`).
    pub status: String,
    /// Whether it is a 2xx.
    pub success: bool,
    /// Its `description`.
    pub description: String,
    /// Its body's type from the crate root, if it has one.
    #[serde(rename = "type")]
    pub ty: Option<String>,
    /// The enum variant it becomes, from the crate root (`ErrorResponse::NotFound`); `none`
    /// for a success when every success returns the same type.
    pub variant: Option<String>,
}

/// An operation's streamed answer (`op.stream`).
#[derive(Debug, Clone, Serialize)]
pub struct StreamContext {
    /// The method returning the stream (`Client::create_chat_completion_stream`): the
    /// operation's own, or `<op>_stream` beside JSON.
    pub method: String,
    /// Whether it is an alternative to the operation's usual answer (its own method).
    pub alternative: bool,
    /// The streamed media type (`text/event-stream`).
    pub media_type: String,
    /// What the method returns, from the crate root (`EventStream<types::Chunk>`).
    pub stream_type: String,
    /// Whether the items are server-sent events (else NDJSON lines).
    pub events: bool,
}

/// How an operation paginates (`op.pagination`).
#[derive(Debug, Clone, Serialize)]
pub struct PaginationContext {
    /// The method streaming every page (`list_invoices_pages`).
    pub method: String,
    /// The method streaming every item (`list_invoices_items`), when the items are known.
    pub items: Option<String>,
    /// How the stream finds the next page: a sentence that follows "it sends your request,
    /// then".
    pub follows: String,
    /// The method's signature.
    pub signature: String,
    /// Rust reading every page.
    pub example: String,
}
