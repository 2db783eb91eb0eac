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

use std::path::PathBuf;

use serde::Deserialize;

pub use file::FILE_NAME;
pub use values::{
    ArrayKeys, Conventions, Dates, FreeForm, ObjectArrays, SignatureEncoding, UnknownFields,
    WebhookPreset, WebhookScheme, WebhookSettings,
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
    /// `[generator]`: how apiforge itself runs.
    pub generator: GeneratorSettings,
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

    /// Sets [`ClientSettings::request_id_header`].
    pub fn request_id_header(mut self, header: impl Into<String>) -> Self {
        self.client.request_id_header = Some(header.into());
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

    /// Sets [`GeneratorSettings::strict`].
    pub fn strict(mut self, strict: bool) -> Self {
        self.generator.strict = strict;
        self
    }

    /// Sets [`GeneratorSettings::templates`].
    pub fn templates(mut self, dir: impl Into<PathBuf>) -> Self {
        self.generator.templates = Some(dir.into());
        self
    }
}
