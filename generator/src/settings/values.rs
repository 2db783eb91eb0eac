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
