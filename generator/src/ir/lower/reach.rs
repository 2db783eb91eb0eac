//! The named types a set of values reaches: what a pass that depends on how a type is used
//! (sent in a form, received in a response) walks.

use std::collections::{HashMap, HashSet};

use super::draft::OperationDraft;
use crate::ir::{BodyEncoding, TypeDef, TypeKind, TypeRef};

/// The types a form or multipart body reaches: they are encoded field by field as text,
/// where JSON's `null` and arbitrary extra properties have no place.
pub(super) fn sent_in_forms(types: &[TypeDef], operations: &[OperationDraft]) -> HashSet<String> {
    let roots = operations
        .iter()
        .filter_map(|op| op.body.as_ref())
        .filter(|body| matches!(body.encoding, BodyEncoding::Form | BodyEncoding::Multipart))
        .flat_map(|body| body.fields.iter().map(|f| &f.ty));
    reachable(types, roots)
}

/// The identifiers of the types `roots` name, and of every type those reach through fields,
/// additional properties and union variants.
pub(super) fn reachable<'t>(
    types: &[TypeDef],
    roots: impl IntoIterator<Item = &'t TypeRef>,
) -> HashSet<String> {
    let index: HashMap<&str, &TypeDef> = types.iter().map(|t| (t.ident.as_str(), t)).collect();
    let mut stack: Vec<&str> = Vec::new();
    for root in roots {
        named_in(root, &mut stack);
    }
    let mut seen = HashSet::new();
    while let Some(ident) = stack.pop() {
        if !seen.insert(ident.to_owned()) {
            continue;
        }
        let Some(def) = index.get(ident) else {
            continue;
        };
        match &def.kind {
            TypeKind::Struct { fields, additional } => {
                for field in fields {
                    named_in(&field.ty, &mut stack);
                }
                if let Some(additional) = additional {
                    named_in(additional, &mut stack);
                }
            }
            TypeKind::Union { variants, .. } => {
                for variant in variants {
                    named_in(&variant.ty, &mut stack);
                }
            }
            TypeKind::Enum { .. } => {}
        }
    }
    seen
}

fn named_in<'t>(ty: &'t TypeRef, out: &mut Vec<&'t str>) {
    match ty {
        TypeRef::Named(name) => out.push(name),
        TypeRef::Array(inner) | TypeRef::Map(inner) => named_in(inner, out),
        TypeRef::String(_)
        | TypeRef::Integer(_)
        | TypeRef::Number
        | TypeRef::Boolean
        | TypeRef::Any => {}
    }
}
