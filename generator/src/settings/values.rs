//! The values some settings take: enums named for what they choose, read from `apiforge.toml`
//! by their kebab-case names and used as they are by the stage that reads them.

use serde::{Deserialize, Serialize};

/// The conventions OpenAPI leaves open, chosen once per API (`[encoding]` in `apiforge.toml`).
/// The defaults are OpenAPI's rule where it has one, else the most widespread convention (the
/// Rails / `qs` bracket style that Stripe's SDKs use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Conventions {
    /// Top-level lists of a form body whose `encoding` gives no `style` or `explode`:
    /// `repeat` (`k=a&k=b`, OpenAPI's `form`/`explode: true`, which Twilio reads; the default),
    /// `indexed` (`k[0]=a&k[1]=b`, Chargebee) or `brackets` (`k[]=a&k[]=b`).
    ///
    /// ```toml
    /// [encoding]
    /// form-arrays = "indexed"
    /// ```
    pub form_arrays: ArrayKeys,
    /// Lists inside brackets (a field of an object, a `deepObject` list), where OpenAPI says
    /// nothing: `indexed` (`a[b][0]`: qs, Stripe, Chargebee; the default), `brackets` or
    /// `repeat`.
    ///
    /// ```toml
    /// [encoding]
    /// nested-arrays = "brackets"
    /// ```
    pub nested_arrays: ArrayKeys,
    /// Lists of objects, where OpenAPI says nothing: `index-first` (`a[0][b]`: qs, Stripe; the
    /// default) or `index-last` (`a[b][0]`: Chargebee's parallel lists).
    ///
    /// ```toml
    /// [encoding]
    /// object-arrays = "index-last"
    /// ```
    pub object_arrays: ObjectArrays,
    /// Objects without declared properties (`additionalProperties` only, or untyped):
    /// `brackets` (`meta[k]=v`, OpenAPI's rule for objects; the default) or `json` (one JSON
    /// text, `meta={"k":"v"}`: Chargebee's `meta_data`, Twilio).
    ///
    /// ```toml
    /// [encoding]
    /// free-form-objects = "json"
    /// ```
    #[serde(rename = "free-form-objects")]
    pub free_form: FreeForm,
    /// Whether objects whose properties are all lists of plain values (Chargebee's
    /// `addons[id][0]`, `addons[quantity][0]`) become lists of entries
    /// (`addons: [{id, quantity}]`), sent entry by entry with the index last. Default: off.
    ///
    /// ```toml
    /// [encoding]
    /// multi-value-groups = true
    /// ```
    pub multi_value_groups: bool,
}

impl Default for Conventions {
    fn default() -> Self {
        Self {
            form_arrays: ArrayKeys::Repeat,
            nested_arrays: ArrayKeys::Indexed,
            object_arrays: ObjectArrays::IndexFirst,
            free_form: FreeForm::Brackets,
            multi_value_groups: false,
        }
    }
}

/// How the items of a list of plain values are keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArrayKeys {
    /// `k=a&k=b`.
    Repeat,
    /// `k[0]=a&k[1]=b`.
    Indexed,
    /// `k[]=a&k[]=b`.
    Brackets,
}

/// Where the index of an item of a list of objects goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObjectArrays {
    /// `a[0][b]=x` (qs, Rails, Stripe).
    IndexFirst,
    /// `a[b][0]=x` (Chargebee's parallel lists).
    IndexLast,
}

/// How an object without declared properties is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FreeForm {
    /// Like any object: `meta[k]=v`.
    Brackets,
    /// One JSON text: `meta={"k":"v"}`.
    Json,
}

/// What happens to the properties a response has that its description does not declare.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnknownFields {
    /// Ignored when decoding.
    #[default]
    Drop,
    /// Kept in a map of each struct read from responses, and sent back as received.
    Keep,
}

/// How `format: date-time` and `format: date` strings are typed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dates {
    /// `chrono::DateTime<Utc>` and `chrono::NaiveDate`, RFC 3339 on the wire.
    #[default]
    Chrono,
    /// `String`, sent and read as written: for servers whose timestamps are not RFC 3339.
    #[serde(rename = "string")]
    Text,
}

/// How operation method names are made from `operationId`s.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OperationNames {
    /// The `operationId` without articles (`a`, `an`, `the`) and without a phrase it repeats
    /// (`retrieve_a_subscription` → `retrieve_subscription`); under `style = "resources"` also
    /// without the resource's own name (`client.subscriptions().retrieve`). The rule is in
    /// `docs/NAMING.md`.
    #[default]
    Short,
    /// The `operationId` as written, in snake case (`retrieve_a_subscription`): the names of
    /// clients generated before short names existed.
    Spec,
}

/// Where the operations' methods are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClientStyle {
    /// Every operation is a method of `Client` (`client.retrieve_subscription(id)`).
    #[default]
    Flat,
    /// Each module's operations are methods of a small handle the client returns
    /// (`client.subscriptions().retrieve(id)`), as Stainless-generated SDKs do: for APIs with
    /// hundreds of operations.
    Resources,
}

/// `[webhooks]`: how the generated `webhooks::verify_and_parse` checks that a webhook request
/// came from the API. Without any of these keys no verification is generated, only
/// `parse_webhook`; with them, the spec's webhooks also get `verify_and_parse` (and
/// `verify_and_parse_at`, for a given time). Ignored for a spec without webhooks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct WebhookSettings {
    /// A vendor's whole scheme: `stripe` (`Stripe-Signature: t=…,v1=…`, HMAC-SHA256 in hex
    /// of `{t}.{body}`, the key the `whsec_…` secret's bytes, several `v1` during a secret's
    /// rotation) or `standard-webhooks` (Standard Webhooks and Svix: `webhook-id`,
    /// `webhook-timestamp`, `webhook-signature: v1,<base64>`, signing `{id}.{timestamp}.{body}`
    /// with the base64 key after `whsec_`). With a preset only `signature-header` (Stripe's),
    /// `tolerance-seconds` and `check-age` may be set.
    ///
    /// ```toml
    /// [webhooks]
    /// preset = "stripe"
    /// ```
    pub preset: Option<WebhookPreset>,
    /// Without a preset, how requests are signed: `hmac-sha256` (a signature header, see
    /// `signature-header`) or `basic` (HTTP basic auth with a user name and password
    /// configured at the API, as Chargebee's webhooks send; checked in constant time).
    ///
    /// ```toml
    /// [webhooks]
    /// scheme = "basic"
    /// ```
    pub scheme: Option<WebhookScheme>,
    /// The header holding the signatures (`hmac-sha256`: required; the `stripe` preset:
    /// default `stripe-signature`). Several signatures, separated by commas or spaces, are
    /// accepted when any one matches, as during a secret's rotation.
    ///
    /// ```toml
    /// [webhooks]
    /// signature-header = "x-hub-signature-256"
    /// scheme = "hmac-sha256"
    /// signature-prefix = "sha256="
    /// check-age = false
    /// ```
    pub signature_header: Option<String>,
    /// What each signature starts with (`sha256=`). Default: nothing.
    ///
    /// ```toml
    /// [webhooks]
    /// signature-prefix = "sha256="
    /// scheme = "hmac-sha256"
    /// signature-header = "x-signature"
    /// timestamp-header = "x-timestamp"
    /// ```
    pub signature_prefix: Option<String>,
    /// How signatures are written: `hex` (either case; the default) or `base64`.
    ///
    /// ```toml
    /// [webhooks]
    /// encoding = "base64"
    /// scheme = "hmac-sha256"
    /// signature-header = "x-signature"
    /// timestamp-header = "x-timestamp"
    /// ```
    pub encoding: Option<SignatureEncoding>,
    /// The header holding the unix time a request was signed at; the signed payload is then
    /// `{timestamp}.{body}`, else the body alone. A signature of the body alone never
    /// expires, so a replayed request verifies: without this key, `check-age = false` must
    /// say that this is accepted.
    ///
    /// ```toml
    /// [webhooks]
    /// timestamp-header = "x-signature-timestamp"
    /// scheme = "hmac-sha256"
    /// signature-header = "x-signature"
    /// ```
    pub timestamp_header: Option<String>,
    /// How far a signed timestamp may be from the receiver's clock, in the past (an older one
    /// is `Expired`: a replay) or the future (`FromTheFuture`), in seconds. Default: `300`.
    /// `0` is refused: to turn the check off, say so with `check-age = false`.
    ///
    /// ```toml
    /// [webhooks]
    /// tolerance-seconds = 600
    /// preset = "stripe"
    /// ```
    pub tolerance_seconds: Option<u64>,
    /// Whether the signed timestamp's age is checked. Default: `true`; `false` accepts
    /// replayed requests, and is required for signatures of the body alone.
    ///
    /// ```toml
    /// [webhooks]
    /// check-age = false
    /// preset = "stripe"
    /// ```
    pub check_age: Option<bool>,
}

/// A vendor's webhook signature scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WebhookPreset {
    /// `Stripe-Signature: t=…,v1=…`.
    Stripe,
    /// Standard Webhooks (Svix): `webhook-id`, `webhook-timestamp`, `webhook-signature`.
    StandardWebhooks,
}

/// How webhook requests are authenticated, without a preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WebhookScheme {
    /// An HMAC-SHA256 signature in a header.
    HmacSha256,
    /// HTTP basic auth.
    Basic,
}

/// How a signature is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureEncoding {
    /// Hexadecimal, either case.
    Hex,
    /// Standard base64.
    Base64,
}

/// A pagination style, by its name in `[pagination]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageStyleName {
    /// The body names the next page's token (Chargebee's `next_offset`).
    NextToken,
    /// A next token with Kubernetes' names (`continue`, `metadata.continue`, `items`).
    ContinueToken,
    /// The last item's id while a flag says more follow (Stripe's `starting_after`).
    LastItemCursor,
    /// The `Link` header's `rel="next"` URL (GitHub).
    LinkHeader,
    /// Page numbers counting up.
    PageNumber,
    /// Not paginated.
    None,
}

/// One operation's pagination keys (`[pagination.operations.<name>]`), or the API's; each
/// means what the `[pagination]` key of the same name means.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct PageRule {
    /// `style`.
    pub style: Option<PageStyleName>,
    /// `param`.
    pub param: Option<String>,
    /// `next`.
    pub next: Option<String>,
    /// `has-more`.
    pub has_more: Option<String>,
    /// `items`.
    pub items: Option<String>,
    /// `id`.
    pub id: Option<String>,
    /// `total-pages`.
    pub total_pages: Option<String>,
}

impl PageRule {
    /// `self`, with `base`'s keys where `self` has none.
    pub fn over(&self, base: &PageRule) -> PageRule {
        let pick = |a: &Option<String>, b: &Option<String>| a.clone().or_else(|| b.clone());
        PageRule {
            style: self.style.or(base.style),
            param: pick(&self.param, &base.param),
            next: pick(&self.next, &base.next),
            has_more: pick(&self.has_more, &base.has_more),
            items: pick(&self.items, &base.items),
            id: pick(&self.id, &base.id),
            total_pages: pick(&self.total_pages, &base.total_pages),
        }
    }
}

/// A `[replace]` entry: the Rust path of the type that replaces a schema, alone or with the
/// crate it comes from (progenitor's `x-rust-type` fields).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Replacement {
    /// `Money = "money::Money"`: the path only; its crate is in `[dependencies]`.
    Path(String),
    /// `Money = { path = "money::Money", crate = "money", version = "0.1" }`.
    Crate {
        /// The type's Rust path.
        path: String,
        /// The crate it comes from, added to the generated crate's dependencies.
        #[serde(rename = "crate")]
        krate: Option<String>,
        /// The crate's version requirement (default `*`, when only `crate` is given).
        version: Option<String>,
    },
}

impl Replacement {
    /// The Rust path of the type.
    pub fn path(&self) -> &str {
        match self {
            Replacement::Path(path) | Replacement::Crate { path, .. } => path,
        }
    }
}

/// A `[dependencies]` entry, as Cargo reads it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Dependency {
    /// `money = "0.1"`: a version requirement.
    Version(String),
    /// `money = { version = "0.1", features = ["serde"] }`.
    Table(DependencyTable),
}

/// The table form of a [`Dependency`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct DependencyTable {
    /// The version requirement.
    pub version: Option<String>,
    /// A local directory, relative to the generated crate.
    pub path: Option<String>,
    /// Features turned on.
    pub features: Vec<String>,
    /// Whether the crate's default features stay on (Cargo's default: `true`).
    pub default_features: Option<bool>,
    /// The package's name, when it differs from the key.
    pub package: Option<String>,
}
