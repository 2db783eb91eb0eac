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
pub mod method_names;
pub mod names;
mod operations;
mod params;
mod schemas;
mod types;
mod webhook_auth;

pub use crate::settings::{ArrayKeys, Conventions, Dates, FreeForm, ObjectArrays};
pub use api::{Api, Server, ServerVariable, Webhook};
pub use auth::{Auth, OAuthFlow, Requirement, SchemeKind, SchemeUse, SecurityScheme};
pub use bodies::{Body, BodyEncoding, Media, MediaChoice, Response, Status, StreamBody};
pub use encoding::{FieldEncoding, GroupMember, Nesting, ValueGroup};
pub use operations::{
    ErrorSet, ErrorSetId, FieldPath, FieldStep, Items, Method, Operation, PageEnd, PageStyle,
    Pagination, PathSegment, Request, RequestField, Retry, Success,
};
pub(crate) use params::common_wire_names;
pub use params::{CommonParams, CommonSet, ParamLocation, ParamStyle, Parameter};
pub use schemas::{
    Constraints, EnumValue, Field, IntegerFormat, Replaced, StringFormat, TagKind, TagSource,
    TypeDef, TypeKind, TypeRef, UnionTag, UnionVariant,
};
pub use types::Types;
pub use webhook_auth::{SignatureLayout, WebhookAuth};

pub use lower::lower_api;
