//! Path, query, header and cookie parameters ([`Parameter`], [`ParamLocation`],
//! [`ParamStyle`]), and those common to many operations, set once on the client
//! ([`CommonParams`], [`CommonSet`]).

use serde::Serialize;

#[cfg(doc)]
use super::Api;
use super::{Constraints, Nesting, Operation, TypeRef, ValueGroup};

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParamLocation {
    /// In the URL path.
    Path,
    /// In the query string.
    Query,
    /// As a request header.
    Header,
    /// In the `Cookie` header.
    Cookie,
}

/// A path, query, header or cookie parameter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parameter {
    /// The name on the wire (`invoice-id`).
    pub name: String,
    /// The Rust field or argument name (`invoice_id`).
    pub ident: String,
    /// Where it travels.
    pub location: ParamLocation,
    /// Whether the caller must give it.
    pub required: bool,
    /// `description`.
    pub description: Option<String>,
    /// `deprecated`.
    pub deprecated: bool,
    /// Its type.
    pub ty: TypeRef,
    /// Validation rules and example.
    pub constraints: Constraints,
    /// How a list or object value is serialized.
    pub style: ParamStyle,
    /// Whether list items (and object properties) become separate entries.
    pub explode: bool,
    /// The `components/parameters` entry it comes from, when it is a `$ref`.
    pub component: Option<String>,
    /// Whether it is one of [`Api::common`]'s parameters, set on the client rather than on the
    /// request struct.
    pub common: bool,
    /// `allowReserved`: reserved characters in the value are sent as they are (query only).
    pub allow_reserved: bool,
    /// How values below the top level are keyed (decided from the settings).
    pub nesting: Nesting,
    /// The multi-value group the parameter is, if it is one.
    pub group: Option<ValueGroup>,
}

/// OpenAPI parameter serialization styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ParamStyle {
    /// `form`: query default; `a=1&a=2` exploded, `a=1,2` not.
    Form,
    /// `simple`: path and header default; `1,2`.
    Simple,
    /// `deepObject`: `a[b]=1`, the bracket notation.
    DeepObject,
    /// `spaceDelimited`: `a=1 2`.
    SpaceDelimited,
    /// `pipeDelimited`: `a=1|2`.
    PipeDelimited,
    /// `label`: `.1.2` in a path.
    Label,
    /// `matrix`: `;a=1,2` in a path.
    Matrix,
}

/// Parameters defined once in `components/parameters` and used by several operations: one
/// options type, set on the client and overridable per call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommonParams {
    /// The options type's Rust name (`CommonParameters`).
    pub ident: String,
    /// The parameters, in the order first used.
    pub params: Vec<Parameter>,
    /// The distinct sets of them that operations send, in the order first used: each is a
    /// named list of wire names, so an operation names its set instead of spelling it out.
    pub sets: Vec<CommonSet>,
}

/// A set of common parameters some operations send.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommonSet {
    /// The constant's name (`ALL`, `REQUEST_ORIGIN`).
    pub ident: String,
    /// What it holds: the parameters' wire names (headers lowercased), in the options type's
    /// field order.
    pub names: Vec<String>,
}

impl CommonParams {
    /// The set `op` sends, if it documents any common parameter.
    pub fn set_of(&self, op: &Operation) -> Option<&CommonSet> {
        let all = common_wire_names(self.params.iter());
        let mut names = common_wire_names(op.common_params());
        names.sort_by_key(|n| all.iter().position(|a| a == n));
        self.sets.iter().find(|set| set.names == names)
    }
}

/// The wire names of common parameters, as the runtime matches them (headers lowercased).
pub(crate) fn common_wire_names<'p>(params: impl Iterator<Item = &'p Parameter>) -> Vec<String> {
    params
        .map(|p| match p.location {
            ParamLocation::Header => p.name.to_ascii_lowercase(),
            _ => p.name.clone(),
        })
        .collect()
}
