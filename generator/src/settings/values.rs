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
