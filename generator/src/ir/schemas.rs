//! What schemas become: references to types ([`TypeRef`], [`StringFormat`],
//! [`IntegerFormat`]), the named types ([`TypeDef`], [`TypeKind`], [`Field`], [`UnionVariant`],
//! [`EnumValue`]), and the validation rules of a value ([`Constraints`]). The API's named types
//! as a whole are [`Types`], in `types`.

use serde::Serialize;

#[cfg(doc)]
use super::{Api, Types};

/// A reference to a type: a primitive or a named [`TypeDef`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "of")]
pub enum TypeRef {
    /// A string.
    String(StringFormat),
    /// An integer.
    Integer(IntegerFormat),
    /// A floating-point number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A named type of [`Api::types`].
    Named(String),
    /// A list.
    Array(Box<TypeRef>),
    /// An object with arbitrary keys and values of one type.
    Map(Box<TypeRef>),
    /// Any JSON value.
    Any,
}

/// String formats that change the Rust type or how a value is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StringFormat {
    /// Any text (also `email`, `uuid`, and dates when the settings keep them as text: sent as
    /// written).
    Plain,
    /// `format: byte` (or `contentEncoding: base64`): the caller gives the raw text and the
    /// client Base64-encodes it.
    Base64,
    /// `format: date-time`: an instant, RFC 3339 on the wire (`2026-11-26T15:25:00Z`).
    DateTime,
    /// `format: date`: a calendar date, RFC 3339's `full-date` on the wire (`2026-11-26`).
    Date,
    /// `format: binary` in a response: raw bytes (`Vec<u8>`).
    Binary,
    /// `format: binary` in a request body: a file to upload (bytes, file name, media type).
    File,
}

/// Integer widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IntegerFormat {
    /// `int32`.
    Int32,
    /// `int64`, no format, and anything else.
    Int64,
    /// `unix-time`: seconds since the epoch.
    UnixTime,
}

/// Validation rules and documentation hints of a value.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Constraints {
    /// The `format` as written (`email`, `int64`), for documentation.
    pub format: Option<String>,
    /// `minLength`.
    pub min_length: Option<usize>,
    /// `maxLength`.
    pub max_length: Option<usize>,
    /// `minimum`.
    pub minimum: Option<f64>,
    /// `maximum`.
    pub maximum: Option<f64>,
    /// `pattern`.
    pub pattern: Option<String>,
    /// `default`, as JSON text.
    pub default: Option<String>,
    /// `example`, as JSON text.
    pub example: Option<String>,
}

/// A named type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeDef {
    /// The Rust type name, unique in the API.
    pub ident: String,
    /// Where it came from: a component name or a JSON pointer.
    pub origin: String,
    /// `description`.
    pub description: Option<String>,
    /// `deprecated`.
    pub deprecated: bool,
    /// What it is.
    pub kind: TypeKind,
    /// For a struct read from responses when the settings keep unknown fields
    /// (`[types] unknown-fields = "keep"`): the Rust name of the map holding the properties
    /// the spec does not declare, re-encoded as received.
    pub extra: Option<String>,
    /// Whether its values can derive `Eq` and `Hash`: no float, arbitrary JSON or upload
    /// reaches it.
    pub eq_hash: bool,
    /// Derives the settings add (`[derive]`), beyond those every type of its kind has, as
    /// written (`PartialOrd`, `my_crate::Builder`).
    pub derives: Vec<String>,
}

/// A schema replaced by a type of the user's (`[replace]`, or `x-rust-type` in the spec): no
/// type is generated for it; `types::<ident>` names the user's type, and every reference
/// keeps [`TypeRef::Named`] with that identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replaced {
    /// The identifier the generated code refers to it by.
    pub ident: String,
    /// The schema's name in the spec, for messages.
    pub schema: String,
    /// The Rust path of the user's type (`money::Money`).
    pub path: String,
    /// The crate it comes from and its version requirement, when the settings or the spec
    /// name one: added to the generated crate's dependencies.
    pub krate: Option<(String, String)>,
}

/// The shapes a named type can take.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum TypeKind {
    /// An object with known properties.
    Struct {
        /// Its properties in spec order.
        fields: Vec<Field>,
        /// The type of any further properties (`additionalProperties` beside `properties`).
        additional: Option<TypeRef>,
    },
    /// One of several shapes (`oneOf`/`anyOf`, or a base schema with a `discriminator` whose
    /// children use `allOf`): told apart by a tag property when there is one, otherwise by
    /// which alternatives a payload satisfies.
    Union {
        /// The alternatives in spec order.
        variants: Vec<UnionVariant>,
        /// The property whose value names the alternative, if any.
        tag: Option<UnionTag>,
    },
    /// A string with listed values.
    Enum {
        /// The values in spec order.
        values: Vec<EnumValue>,
        /// Whether unknown values must still decode (the type is read from responses).
        open: bool,
    },
}

/// One alternative of a [`TypeKind::Union`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnionVariant {
    /// The Rust variant name.
    pub ident: String,
    /// Its type.
    pub ty: TypeRef,
    /// The values of the union's [`UnionTag`] that select it, the first written when encoding;
    /// empty when it is chosen by fit (a string beside tagged objects, or no tag at all).
    pub tags: Vec<String>,
}

/// The property that tells a [`TypeKind::Union`]'s alternatives apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnionTag {
    /// The property's name on the wire (`pet_type`, `object`).
    pub property: String,
    /// Where it comes from.
    pub source: TagSource,
    /// Whether its values are strings or integers (Discord's component `type`: `2`).
    pub kind: TagKind,
    /// Whether an unknown value must still decode, into a fallback variant holding the raw
    /// JSON (the union is read from responses).
    pub open: bool,
}

/// The JSON type of a [`UnionTag`]'s values (written as text in [`UnionVariant::tags`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TagKind {
    /// `"card"`.
    String,
    /// `2`.
    Integer,
}

/// Why a union has a [`UnionTag`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TagSource {
    /// The spec's `discriminator`.
    Discriminator,
    /// A property that is a single-value enum (or `const`) in every object alternative, each
    /// value different (Stripe's `object`).
    SingleValue,
}

impl Field {
    /// Whether the caller may leave it unset: its Rust type is an `Option` (it may be absent,
    /// or `null`), or a `Nullable` when it is [`Field::tristate`].
    pub fn is_option(&self) -> bool {
        !self.required || self.nullable
    }
}

/// A property of an object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// The name on the wire.
    pub name: String,
    /// The Rust field name.
    pub ident: String,
    /// `description`.
    pub description: Option<String>,
    /// Whether the object always has it.
    pub required: bool,
    /// Whether it may be `null`.
    pub nullable: bool,
    /// Whether it is optional and nullable and travels as JSON, so that leaving it out and
    /// sending `null` differ: a three-state `Nullable<T>` rather than an `Option<T>`. Form and
    /// multipart fields have no `null` and stay `Option<T>`.
    pub tristate: bool,
    /// `deprecated`.
    pub deprecated: bool,
    /// Its type.
    pub ty: TypeRef,
    /// Whether the value must be boxed because its type contains the owner (recursion).
    pub boxed: bool,
    /// Validation rules and example.
    pub constraints: Constraints,
}

/// One value of a string enum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnumValue {
    /// The value on the wire (`all-disabled`).
    pub value: String,
    /// The Rust variant name (`AllDisabled`).
    pub ident: String,
    /// What the spec says this value means (`x-enum-descriptions`, a `oneOf` member's
    /// `description`, or its bullet in the enum's description), for the variant's docs.
    pub description: Option<String>,
}

impl TypeRef {
    /// Whether it is, or holds, a date or date-time.
    pub fn has_dates(&self) -> bool {
        match self {
            TypeRef::String(format) => {
                matches!(format, StringFormat::DateTime | StringFormat::Date)
            }
            TypeRef::Array(inner) | TypeRef::Map(inner) => inner.has_dates(),
            TypeRef::Integer(_)
            | TypeRef::Number
            | TypeRef::Boolean
            | TypeRef::Named(_)
            | TypeRef::Any => false,
        }
    }
}
