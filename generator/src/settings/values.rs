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
