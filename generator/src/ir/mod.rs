//! The intermediate representation: a plain model of an HTTP API.
//!
//! Nothing from `openapiv3` appears here. Every `$ref` is resolved, every inline schema that
//! needs a Rust type has been given a unique name, and identifiers have already been made safe
//! for Rust (the only backend): emitters never invent or sanitize names themselves, so two
//! emitters can never disagree about what a thing is called.
//!
//! The kinds (`Method`, `ParamLocation`, `TypeRef`, `TypeKind`, ...) are closed enums so that
//! every backend matches on them exhaustively.

mod api;
mod auth;
mod bodies;
mod decide;
mod display;
mod encoding;
mod lower;
pub mod names;
mod operations;
mod params;
mod schemas;
mod types;

pub use api::{Api, Server, ServerVariable, Webhook};
pub use auth::{Auth, OAuthFlow, Requirement, SchemeKind, SchemeUse, SecurityScheme};
pub use bodies::{Body, BodyEncoding, Media, MediaChoice, Response, Status};
pub use encoding::{
    ArrayKeys, Conventions, FieldEncoding, FreeForm, GroupMember, Nesting, ObjectArrays, ValueGroup,
};
pub use operations::{
    ErrorSet, ErrorSetId, Method, Operation, Pagination, PathSegment, Request, RequestField, Retry,
    Success,
};
pub(crate) use params::common_wire_names;
pub use params::{CommonParams, CommonSet, ParamLocation, ParamStyle, Parameter};
pub use schemas::{
    Constraints, EnumValue, Field, IntegerFormat, StringFormat, TypeDef, TypeKind, TypeRef,
    UnionVariant,
};
pub use types::Types;

/// Choices that change what the IR decides (today: which header carries idempotency keys).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The request header that carries an idempotency key (`chargebee-idempotency-key`).
    pub idempotency_header: Option<String>,
    /// Names for the servers, in spec order, replacing the derived ones.
    pub server_names: Option<Vec<String>>,
    /// Whether an operation apiforge cannot express fails the generation instead of being
    /// left out with a warning.
    pub strict: bool,
    /// How values are written where OpenAPI leaves it open (`[encoding]` in the settings).
    pub encoding: Conventions,
    /// How `format: date-time` and `format: date` strings are typed (`[types] dates`).
    pub dates: Dates,
}

/// How `format: date-time` and `format: date` strings are typed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Dates {
    /// `chrono::DateTime<Utc>` and `chrono::NaiveDate`, RFC 3339 on the wire.
    #[default]
    Chrono,
    /// `String`, sent and read as written: for servers whose timestamps are not RFC 3339.
    Text,
}

/// Lowers a loaded spec with default [`Options`].
pub fn lower(
    loaded: &crate::load::Loaded,
    warnings: &mut Vec<crate::Warning>,
) -> Result<Api, crate::Diagnostic> {
    lower_with(loaded, &Options::default(), warnings)
}

/// Lowers a loaded spec, then makes every per-operation decision (request structs, shared
/// error enums, common parameters, retry class) once, for every backend to read.
pub fn lower_with(
    loaded: &crate::load::Loaded,
    options: &Options,
    warnings: &mut Vec<crate::Warning>,
) -> Result<Api, crate::Diagnostic> {
    let mut skipped = Vec::new();
    let api = lower::lower_skipping(loaded, options.dates, warnings, &mut skipped)?;
    if options.strict {
        if let Some(first) = skipped.into_iter().next() {
            let help = first
                .help
                .clone()
                .map_or_else(String::new, |h| format!("{h}; "));
            return Err(first.with_help(format!(
                "{help}without --strict, the operation is left out with a warning"
            )));
        }
    }
    Ok(decide::decide(api, options))
}
