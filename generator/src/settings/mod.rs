//! The settings of a generation: one type, read from `apiforge.toml` beside the spec, built in
//! code by a `build.rs` (`Settings::default().crate_name("billing")`), and overridden by the
//! command line's flags. Every stage reads the part it needs from it directly.
//!
//! Each key is documented once, on its field below, with an example; `docs/SETTINGS.md` lists
//! them all, generated from these comments (`generator/tests/settings_reference.rs` checks it).
//! Adding a setting means adding a field (and its builder method) here and reading it in the
//! stage it changes.

mod file;
mod values;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

pub use file::FILE_NAME;
pub use values::{
    ArrayKeys, ClientStyle, Conventions, Dates, Dependency, DependencyTable, FreeForm,
    ObjectArrays, OperationNames, PageRule, PageStyleName, Replacement, SignatureEncoding,
    UnknownFields, WebhookPreset, WebhookScheme, WebhookSettings,
};

/// Every choice about a generated client, section by section as in `apiforge.toml`.
///
/// ```
/// # use apiforge::{Settings, settings::Dates};
/// let settings = Settings::default()
///     .crate_name("billing")
///     .idempotency_header("chargebee-idempotency-key")
///     .dates(Dates::Text);
/// assert_eq!(settings.krate.name.as_deref(), Some("billing"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// OpenAPI Overlay 1.0 documents applied to the spec, in order, as it is read and before
    /// anything else looks at it: fixes to a spec you do not own, kept beside it instead of in a
    /// fork. Each action's `target` is a JSONPath (RFC 9535: names, `*`, indexes, `..` and
    /// filters such as `[?@.name == 'x']`); `update` merges into every node it selects (objects
    /// key by key, arrays appended) and `remove: true` deletes them. A target that selects
    /// nothing is an error at the overlay's own line. Paths are relative to the settings file;
    /// this key goes before the first `[section]`. Default: none. docs/CUSTOMIZING.md has more.
    ///
    /// ```toml
    /// overlays = ["fixes.yaml"]
    /// ```
    pub overlays: Vec<PathBuf>,
    /// `[crate]`: the generated crate's identity.
    #[serde(rename = "crate")]
    pub krate: CrateSettings,
    /// `[client]`: how the generated client behaves on the wire.
    pub client: ClientSettings,
    /// `[servers]`: the generated `Server` enum.
    pub servers: ServerSettings,
    /// `[encoding]`: form bodies and query strings, where OpenAPI leaves the choice open.
    pub encoding: Conventions,
    /// `[types]`: how some schemas become Rust types.
    pub types: TypeSettings,
    /// `[docs]`: the generated documentation.
    pub docs: DocsSettings,
    /// `[webhooks]`: how webhook requests are verified (`webhooks::verify_and_parse`); nothing
    /// without these keys, and ignored for a spec without webhooks.
    pub webhooks: WebhookSettings,
    /// `[pagination]`: how the pages of list operations follow each other, for their
    /// `<op>_pages` and `<op>_items` streams. Without it apiforge infers only what the spec
    /// leaves no doubt about: a query parameter `X` beside a `next_X` field of the body
    /// (Chargebee), and Stripe's `starting_after` with `has_more` and a `data` list of
    /// objects with an `id`. Keys set here replace that inference and apply to every
    /// operation that has the parameter (operations without it are not paginated; one that
    /// has it but does not fit gets a warning); `[pagination.operations.<name>]` (by
    /// `operationId` or method name) overrides them for one operation (one that sets `style`
    /// starts afresh, without the API-wide keys), and its `style = "none"` turns pagination
    /// off. A path of fields is dotted (`metadata.continue`); `items = ""` means the body
    /// itself is the list.
    pub pagination: PaginationSettings,
    /// `[generator]`: how apiforge itself runs.
    pub generator: GeneratorSettings,
    /// `[rename]`: Rust names of your choosing for types and operations.
    pub rename: RenameSettings,
    /// `[replace]`: schemas that become a type of yours instead of a generated one, by
    /// schema name (or generated type name): a Rust path, or a table with the path and the
    /// crate it comes from (`path`, `crate`, `version`). The type must implement serde's
    /// `Serialize` and `Deserialize` (the generated crate fails to compile, naming the schema,
    /// if it does not), and `Debug`, `Clone` and `PartialEq` as generated types do. A schema
    /// with progenitor's `x-rust-type: {crate, version, path}` is replaced the same way. A
    /// replaced type cannot travel in a form or multipart body. Default: none.
    ///
    /// ```toml
    /// [replace]
    /// Money = { path = "money::Money", crate = "money", version = "0.1" }
    /// ```
    pub replace: BTreeMap<String, Replacement>,
    /// `[derive]`: extra derives for generated types, by type name (spec schema name or
    /// generated name; `"*"` for every type): `Eq`, `Hash`, `PartialOrd`, `Ord` or a path to
    /// a derive macro of yours (its crate in `[dependencies]`). A derive also goes to every
    /// type the named one holds, since Rust's derives need it of the fields. What is already
    /// derived is not repeated; `Eq`, `Hash`, `Ord` or `PartialOrd` on a type holding a value
    /// that cannot have it (a float for `Eq`, arbitrary JSON) is an error naming the field.
    /// Default: none.
    ///
    /// ```toml
    /// [derive]
    /// ResumeDunningResponse = ["Eq", "Hash"]
    /// ```
    pub derive: BTreeMap<String, Vec<String>>,
    /// `[dependencies]`: crates added to the generated crate's `Cargo.toml`, for the types of
    /// `[replace]` and the derive macros of `[derive]`: a version requirement, or a table with
    /// `version`, `path` (relative to the generated crate), `features`, `default-features`
    /// and `package`, as in Cargo. Default: none.
    ///
    /// ```toml
    /// [dependencies]
    /// money = { path = "../money" }
    /// ```
    pub dependencies: BTreeMap<String, Dependency>,
}

/// `[rename]`: Rust names of your choosing for types and operations, applied once all names
/// are decided (so on top of the default ones). A key that names nothing is an error with the
/// closest name; a new name that another type or operation already has is an error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct RenameSettings {
    /// Types, by schema name (`components/schemas` key) or generated type name, to a Rust
    /// type name (UpperCamelCase). `apiforge diff` reports a renamed type as renamed.
    ///
    /// ```toml
    /// [rename.types]
    /// ResumeDunningResponse = "DunningResumed"
    /// ```
    pub types: BTreeMap<String, String>,
    /// Operations, by `operationId` or generated method name, to a method name (snake_case);
    /// its request struct and its success and error enums follow (`resume` gives
    /// `ResumeRequest`), while types named after it from the spec's inline schemas
    /// (`ResumeDunningResponse`) keep their names: rename them under `[rename.types]`.
    ///
    /// ```toml
    /// [rename.operations]
    /// resume_dunning = "resume_dunning_now"
    /// ```
    pub operations: BTreeMap<String, String>,
}

/// `[crate]`: the generated crate's identity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct CrateSettings {
    /// The crate's package name. Default: the spec's `info.title` in kebab-case. Flag:
    /// `--crate-name`.
    ///
    /// ```toml
    /// [crate]
    /// name = "chargebee-api"
    /// ```
    pub name: Option<String>,
    /// The crate's version. Default: the spec's `info.version` when it is semver, else
    /// `0.1.0`. Flag: `--crate-version`.
    ///
    /// ```toml
    /// [crate]
    /// version = "2.0.0"
    /// ```
    pub version: Option<String>,
}

/// `[client]`: how the generated client behaves on the wire.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ClientSettings {
    /// The request header that carries an idempotency key. With it, calls that change data
    /// get one key per call, reused across its retries, so they are retried safely; without
    /// it they are never retried. Default: none. Flag: `--idempotency-header`.
    ///
    /// ```toml
    /// [client]
    /// idempotency-header = "chargebee-idempotency-key"
    /// ```
    pub idempotency_header: Option<String>,
    /// The response header in which the API returns its id for a request (Stripe's is
    /// `request-id`). The generated client keeps it in errors (`Error::request_id`) and
    /// traces, for support; `ClientBuilder::request_id_header` overrides it at run time.
    /// Default: `x-request-id`.
    ///
    /// ```toml
    /// [client]
    /// request-id-header = "request-id"
    /// ```
    pub request_id_header: Option<String>,
    /// How operation methods are named: `"short"` drops articles and repeated words from the
    /// `operationId` (`retrieve_a_subscription` → `retrieve_subscription`), `"spec"` keeps it
    /// as written, the names of clients generated before short names (to upgrade without
    /// renaming calls). The rule, with examples: `docs/NAMING.md`. Default: `"short"`.
    ///
    /// ```toml
    /// [client]
    /// operation-names = "spec"
    /// ```
    pub operation_names: OperationNames,
    /// Where the operations' methods are: `"flat"` makes each a method of `Client`
    /// (`client.retrieve_subscription(id)`); `"resources"` gives `Client` one method per
    /// module returning a handle with that module's operations, named without the
    /// resource (`client.subscriptions().retrieve(id)`), for APIs with hundreds of
    /// operations. Default: `"flat"`.
    ///
    /// ```toml
    /// [client]
    /// style = "resources"
    /// ```
    pub style: ClientStyle,
    /// The `data` with which the API ends a `text/event-stream` response (OpenAI's `[DONE]`):
    /// the generated `EventStream` ends there instead of decoding it as an event. Default:
    /// none (the stream ends when the server closes it, as server-sent events do).
    ///
    /// ```toml
    /// [client]
    /// stream-end = "[DONE]"
    /// ```
    pub stream_end: Option<String>,
}

/// `[servers]`: the generated `Server` enum.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ServerSettings {
    /// The names of the `Server` variants, in the spec's server order, replacing the derived
    /// ones (from each server's description, else from what its URL has that the others' do
    /// not). Extra names are ignored; servers without one keep the derived name.
    ///
    /// ```toml
    /// [servers]
    /// names = ["Live", "Test"]
    /// ```
    pub names: Option<Vec<String>>,
    /// The server variables whose default is a placeholder that must be set before a client
    /// is built, replacing the derived list (a free variable whose default reads as a sample:
    /// `demo`, `example`, `your-…`, `{site}`). `[]` marks none.
    ///
    /// ```toml
    /// [servers]
    /// placeholders = ["site"]
    /// ```
    pub placeholders: Option<Vec<String>>,
}

/// `[types]`: how some schemas become Rust types.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct TypeSettings {
    /// How `format: date-time` and `format: date` strings are typed: `chrono`
    /// (`chrono::DateTime<Utc>` and `chrono::NaiveDate`, RFC 3339 on the wire; the default) or
    /// `string` (kept as text, for servers whose timestamps are not RFC 3339).
    ///
    /// ```toml
    /// [types]
    /// dates = "string"
    /// ```
    pub dates: Dates,
    /// What happens to the properties a response has that the spec does not declare: `drop`
    /// (ignored when decoding; the default) or `keep` (every struct read from responses gets
    /// an `extra` map of them, sent back as received, so that decoding and re-encoding loses
    /// nothing). Structs sent in form or multipart bodies have no such map.
    ///
    /// ```toml
    /// [types]
    /// unknown-fields = "keep"
    /// ```
    pub unknown_fields: UnknownFields,
}

/// `[docs]`: the generated documentation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct DocsSettings {
    /// Where the API's own documentation lives: the spec's relative links
    /// (`[type of currency](/docs/api/getting-started)`) are resolved against it, in rustdoc
    /// and in the crate's `docs/`. Default: the origin of the spec's `externalDocs.url`, else
    /// of `info.termsOfService`, else of `info.contact.url`; with none of them, a relative
    /// link is shown as its text, since it would lead nowhere on docs.rs.
    ///
    /// ```toml
    /// [docs]
    /// base-url = "https://apidocs.chargebee.com"
    /// ```
    pub base_url: Option<String>,
}

/// `[pagination]`: how the pages of list operations follow each other.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct PaginationSettings {
    /// The style: `next-token` (the body's `next` field holds the next value of `param`:
    /// Chargebee), `continue-token` (the same, with Kubernetes' defaults: `param = "continue"`,
    /// `next = "metadata.continue"`, `items = "items"`), `last-item-cursor` (the last item's
    /// `id` while `has-more` is true: Stripe; defaults `starting_after`, `has_more`, `data`,
    /// `id`), `link-header` (the `Link` header's `rel="next"` URL carries `param`: GitHub;
    /// default `param = "page"`), `page-number` (`param` counts up from the request's value,
    /// 1 by default, until an empty page, `total-pages` reached or `has-more` false; default
    /// `param = "page"`) or `none`.
    ///
    /// ```toml
    /// [pagination]
    /// style = "last-item-cursor"
    /// ```
    pub style: Option<PageStyleName>,
    /// The query parameter that selects a page.
    ///
    /// ```toml
    /// [pagination]
    /// param = "cursor"
    /// ```
    pub param: Option<String>,
    /// `next-token` and `continue-token`: the body's field holding the next token.
    ///
    /// ```toml
    /// [pagination]
    /// next = "meta.next_cursor"
    /// ```
    pub next: Option<String>,
    /// `last-item-cursor` and `page-number`: the body's boolean field saying more pages
    /// follow.
    ///
    /// ```toml
    /// [pagination]
    /// has-more = "has_more"
    /// ```
    pub has_more: Option<String>,
    /// The body's list of items, for `<op>_items` (`""`: the body itself). Default: the
    /// style's, else the body's only array field, else the body when it is an array.
    ///
    /// ```toml
    /// [pagination]
    /// items = "data"
    /// ```
    pub items: Option<String>,
    /// `last-item-cursor`: the items' id field. Default: `id`.
    ///
    /// ```toml
    /// [pagination]
    /// id = "uid"
    /// ```
    pub id: Option<String>,
    /// `page-number`: the body's integer field holding the number of pages.
    ///
    /// ```toml
    /// [pagination]
    /// total-pages = "total_pages"
    /// ```
    pub total_pages: Option<String>,
    /// Per operation (by `operationId` or method name), keys that override the ones above;
    /// an unknown name is an error.
    ///
    /// ```toml
    /// [pagination]
    /// operations = { search_issues = { items = "items" }, list_events = { style = "none" } }
    /// ```
    pub operations: BTreeMap<String, PageRule>,
}

impl PaginationSettings {
    /// The API-wide keys, as one rule.
    pub fn api_rule(&self) -> PageRule {
        PageRule {
            style: self.style,
            param: self.param.clone(),
            next: self.next.clone(),
            has_more: self.has_more.clone(),
            items: self.items.clone(),
            id: self.id.clone(),
            total_pages: self.total_pages.clone(),
        }
    }
}

/// `[generator]`: how apiforge itself runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct GeneratorSettings {
    /// Whether an operation apiforge cannot express (a request body it cannot send) fails the
    /// generation instead of being left out with a warning. Default: `false`. Flag: `--strict`.
    ///
    /// ```toml
    /// [generator]
    /// strict = true
    /// ```
    pub strict: bool,
    /// A directory of templates that replace the built-in ones of the same file name,
    /// relative to the settings file. Default: none. Flag: `--templates`.
    ///
    /// ```toml
    /// [generator]
    /// templates = "templates"
    /// ```
    pub templates: Option<PathBuf>,
}

/// Builder methods, one per setting, for settings made in code (a `build.rs`, a test).
impl Settings {
    /// Sets [`CrateSettings::name`].
    pub fn crate_name(mut self, name: impl Into<String>) -> Self {
        self.krate.name = Some(name.into());
        self
    }

    /// Sets [`CrateSettings::version`].
    pub fn crate_version(mut self, version: impl Into<String>) -> Self {
        self.krate.version = Some(version.into());
        self
    }

    /// Sets [`ClientSettings::idempotency_header`].
    pub fn idempotency_header(mut self, header: impl Into<String>) -> Self {
        self.client.idempotency_header = Some(header.into());
        self
    }

    /// Sets [`ClientSettings::stream_end`].
    pub fn stream_end(mut self, sentinel: impl Into<String>) -> Self {
        self.client.stream_end = Some(sentinel.into());
        self
    }

    /// Sets [`ClientSettings::request_id_header`].
    pub fn request_id_header(mut self, header: impl Into<String>) -> Self {
        self.client.request_id_header = Some(header.into());
        self
    }

    /// Sets [`ClientSettings::operation_names`].
    pub fn operation_names(mut self, names: OperationNames) -> Self {
        self.client.operation_names = names;
        self
    }

    /// Sets [`ClientSettings::style`].
    pub fn client_style(mut self, style: ClientStyle) -> Self {
        self.client.style = style;
        self
    }

    /// Sets [`ServerSettings::names`].
    pub fn server_names<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.servers.names = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// Sets [`ServerSettings::placeholders`].
    pub fn server_placeholders<S: Into<String>>(
        mut self,
        variables: impl IntoIterator<Item = S>,
    ) -> Self {
        self.servers.placeholders = Some(variables.into_iter().map(Into::into).collect());
        self
    }

    /// Sets [`DocsSettings::base_url`].
    pub fn docs_base_url(mut self, url: impl Into<String>) -> Self {
        self.docs.base_url = Some(url.into());
        self
    }

    /// Sets every key of [`Conventions`] (`[encoding]`).
    pub fn encoding(mut self, conventions: Conventions) -> Self {
        self.encoding = conventions;
        self
    }

    /// Sets [`TypeSettings::dates`].
    pub fn dates(mut self, dates: Dates) -> Self {
        self.types.dates = dates;
        self
    }

    /// Sets [`TypeSettings::unknown_fields`].
    pub fn unknown_fields(mut self, unknown_fields: UnknownFields) -> Self {
        self.types.unknown_fields = unknown_fields;
        self
    }

    /// Sets every key of [`WebhookSettings`] (`[webhooks]`).
    pub fn webhooks(mut self, webhooks: WebhookSettings) -> Self {
        self.webhooks = webhooks;
        self
    }

    /// Sets [`PaginationSettings::style`] and the keys of `rule` for every operation.
    pub fn pagination(mut self, rule: PageRule) -> Self {
        let operations = std::mem::take(&mut self.pagination.operations);
        self.pagination = PaginationSettings {
            style: rule.style,
            param: rule.param,
            next: rule.next,
            has_more: rule.has_more,
            items: rule.items,
            id: rule.id,
            total_pages: rule.total_pages,
            operations,
        };
        self
    }

    /// Sets the [`PaginationSettings::operations`] rule of one operation.
    pub fn operation_pagination(mut self, operation: impl Into<String>, rule: PageRule) -> Self {
        self.pagination.operations.insert(operation.into(), rule);
        self
    }

    /// Sets [`GeneratorSettings::strict`].
    pub fn strict(mut self, strict: bool) -> Self {
        self.generator.strict = strict;
        self
    }

    /// Adds an overlay document ([`Settings::overlays`]), applied after those already given.
    pub fn overlay(mut self, path: impl Into<PathBuf>) -> Self {
        self.overlays.push(path.into());
        self
    }

    /// Renames a type ([`RenameSettings::types`]): `from` is a schema or generated type name.
    pub fn rename_type(mut self, from: impl Into<String>, to: impl Into<String>) -> Self {
        self.rename.types.insert(from.into(), to.into());
        self
    }

    /// Renames an operation ([`RenameSettings::operations`]): `from` is an `operationId` or a
    /// generated method name.
    pub fn rename_operation(mut self, from: impl Into<String>, to: impl Into<String>) -> Self {
        self.rename.operations.insert(from.into(), to.into());
        self
    }

    /// Replaces a schema with a type of yours ([`Settings::replace`]).
    pub fn replace(mut self, schema: impl Into<String>, replacement: Replacement) -> Self {
        self.replace.insert(schema.into(), replacement);
        self
    }

    /// Adds derives to a type, or to every type with `"*"` ([`Settings::derive`]).
    pub fn derive<S: Into<String>>(
        mut self,
        ty: impl Into<String>,
        derives: impl IntoIterator<Item = S>,
    ) -> Self {
        self.derive
            .entry(ty.into())
            .or_default()
            .extend(derives.into_iter().map(Into::into));
        self
    }

    /// Adds a dependency to the generated crate ([`Settings::dependencies`]).
    pub fn dependency(mut self, name: impl Into<String>, dependency: Dependency) -> Self {
        self.dependencies.insert(name.into(), dependency);
        self
    }

    /// Sets [`GeneratorSettings::templates`].
    pub fn templates(mut self, dir: impl Into<PathBuf>) -> Self {
        self.generator.templates = Some(dir.into());
        self
    }
}
