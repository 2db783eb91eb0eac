//! One type per shape: inline schemas that describe the same thing become one type.
//!
//! Specs repeat themselves: Chargebee writes the same address object inline under a dozen
//! request bodies and resources. Lowered one by one, each copy would be its own Rust type
//! (`CreateACustomerRequestBillingAddress`, `InvoiceShippingAddress`, ...), which callers
//! could not pass from one call to another. This pass merges them.
//!
//! Two types have the same shape when they are the same kind and:
//! - structs: the same fields, in any order, each with the same wire name, Rust name, type
//!   (named types compared by what they were merged into), required-ness, nullability,
//!   deprecation and constraints (all but the example), and the same additional properties;
//! - enums: the same values, in any order;
//! - unions: the same variants, in order (decoding tries them in order).
//!
//! Descriptions and examples do not count; the kept type keeps its own. Required-ness does:
//! a field that one schema requires and another does not is a different contract (a
//! required field is not an `Option`), so such shapes stay apart.
//!
//! Inline types merge with each other, and into an identical component schema, whose name
//! wins. Two components are never merged: the spec's author named them apart. Merging
//! children can make parents equal, so the pass repeats until nothing merges. Inline types
//! can only reach themselves through a component (a `$ref` targets whole components), and
//! components never merge with each other, so comparing by merged names finds every
//! identical pair.
//!
//! A merged group of inline types is named for what it holds, never after one of the
//! operations that use it, and by its shape rather than its members, so that it keeps its
//! name across releases: see [`super::dedup_names`].

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use super::dedup_names::group_names;
use super::OperationDraft;
use crate::ir::{TypeDef, TypeKind, TypeRef, Webhook};

/// Merges identical types of `types`, renames the merged groups, and rewrites every
/// reference in `types`, `operations` and `webhooks`.
///
/// `slots` gives the property (or parameter) name each inline schema was found under, by
/// the JSON pointer of its definition; `reserved` are names a renamed type must not take.
pub(super) fn merge_identical(
    types: &mut Vec<TypeDef>,
    slots: &HashMap<String, String>,
    reserved: &BTreeSet<String>,
    operations: &mut [OperationDraft],
    webhooks: &mut [Webhook],
) {
    let representative = merge_classes(types);
    let names = group_names(types, &representative, slots, reserved);
    // Every old identifier to the one it is now known by.
    let renamed: HashMap<String, String> = types
        .iter()
        .enumerate()
        .filter_map(|(i, def)| {
            let kept = &types[representative[i]].ident;
            let now = names.get(&representative[i]).unwrap_or(kept);
            (now != &def.ident).then(|| (def.ident.clone(), now.clone()))
        })
        .collect();
    let mut index = 0;
    types.retain(|_| {
        index += 1;
        representative[index - 1] == index - 1
    });
    rename_everywhere(types, operations, webhooks, &renamed);
}

/// Renames types (old identifier → new) in their definitions and in every reference of
/// `types`, `operations` and `webhooks`.
pub(super) fn rename_everywhere(
    types: &mut [TypeDef],
    operations: &mut [OperationDraft],
    webhooks: &mut [Webhook],
    renamed: &HashMap<String, String>,
) {
    if renamed.is_empty() {
        return;
    }
    for def in types.iter_mut() {
        if let Some(now) = renamed.get(&def.ident) {
            def.ident = now.clone();
        }
        match &mut def.kind {
            TypeKind::Struct { fields, additional } => {
                for field in fields.iter_mut() {
                    rename(&mut field.ty, renamed);
                }
                if let Some(additional) = additional {
                    rename(additional, renamed);
                }
            }
            TypeKind::Union { variants, .. } => {
                for variant in variants.iter_mut() {
                    rename(&mut variant.ty, renamed);
                }
            }
            TypeKind::Enum { .. } => {}
        }
    }
    for op in operations.iter_mut() {
        for param in &mut op.params {
            rename(&mut param.ty, renamed);
        }
        for field in op.body.iter_mut().flat_map(|b| b.fields.iter_mut()) {
            rename(&mut field.ty, renamed);
        }
        for body in op.responses.iter_mut().filter_map(|r| r.body.as_mut()) {
            rename(body, renamed);
        }
    }
    for payload in webhooks.iter_mut().filter_map(|w| w.payload.as_mut()) {
        rename(payload, renamed);
    }
}

/// Whether a type is a component schema's own (`#/components/schemas/Name`, or the one
/// member of its `allOf` wrapper), rather than an inline schema's (a pointer into a path, or
/// into a component's properties).
pub(super) fn is_component(def: &TypeDef) -> bool {
    let Some(rest) = def.origin.strip_prefix("#/components/schemas/") else {
        return false;
    };
    let (name, mut wrappers) = rest.split_once('/').map_or((rest, ""), |(n, w)| (n, w));
    while let Some(inner) = wrappers.strip_prefix("allOf/0") {
        wrappers = inner.strip_prefix('/').unwrap_or(inner);
    }
    !name.is_empty() && wrappers.is_empty()
}

/// For each type, the position of the type it merges into (itself if it is kept).
fn merge_classes(types: &[TypeDef]) -> Vec<usize> {
    let index: HashMap<&str, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.ident.as_str(), i))
        .collect();
    // What does not change from one round to the next is written once: each type's shape
    // with its references left out, numbered so that equal shapes get equal numbers.
    let mut numbers: HashMap<String, usize> = HashMap::new();
    let locals: Vec<(usize, Vec<&str>)> = types
        .iter()
        .map(|def| {
            let (text, refs) = local_shape(def);
            let next = numbers.len();
            (*numbers.entry(text).or_insert(next), refs)
        })
        .collect();
    let mut representative: Vec<usize> = (0..types.len()).collect();
    loop {
        let mut by_shape: HashMap<(usize, Vec<ClassName<'_>>), Vec<usize>> = HashMap::new();
        for (i, (local, refs)) in locals.iter().enumerate() {
            if representative[i] == i {
                let classes = refs
                    .iter()
                    .map(|name| class_of(name, &index, &representative))
                    .collect();
                by_shape.entry((*local, classes)).or_default().push(i);
            }
        }
        // Each group decides on its own, so the order groups are visited in does not matter.
        let mut merged = false;
        for group in by_shape.values().filter(|g| g.len() > 1) {
            // A component wins (the alphabetically first, should there be several); else
            // the shortest name, then the alphabetically first.
            let rank = |&i: &usize| {
                let ident = types[i].ident.as_str();
                let length = if is_component(&types[i]) {
                    0
                } else {
                    ident.len() + 1
                };
                (length, ident)
            };
            let Some(keep) = group.iter().copied().min_by_key(rank) else {
                continue;
            };
            for &i in group {
                if i != keep && !is_component(&types[i]) {
                    representative[i] = keep;
                    merged = true;
                }
            }
        }
        if !merged {
            return representative;
        }
        // A type kept so far may just have merged into another: point every type at the
        // end of its chain, so that one step always reaches a kept type.
        for i in 0..representative.len() {
            let mut keep = representative[i];
            while representative[keep] != keep {
                keep = representative[keep];
            }
            representative[i] = keep;
        }
    }
}

/// What a named type is now merged into, as a name that identifies its class.
fn class_of<'t>(
    name: &'t str,
    index: &HashMap<&str, usize>,
    representative: &[usize],
) -> ClassName<'t> {
    match index.get(name) {
        // Representatives are kept types, so one step reaches the class.
        Some(&i) => ClassName::Type(representative[i]),
        None => ClassName::Unknown(name),
    }
}

/// How a shape names a referenced type.
#[derive(PartialEq, Eq, Hash)]
enum ClassName<'t> {
    Type(usize),
    Unknown(&'t str),
}

/// The shape of a type as text, each reference to a named type written `#` and listed, in
/// order, beside it: equal texts and equal classes of the references, equal shapes.
fn local_shape(def: &TypeDef) -> (String, Vec<&str>) {
    let mut out = String::new();
    let mut refs = Vec::new();
    match &def.kind {
        TypeKind::Struct { fields, additional } => {
            let _ = write!(out, "struct deprecated={}", def.deprecated);
            let mut fields: Vec<_> = fields.iter().collect();
            fields.sort_by(|a, b| a.name.cmp(&b.name));
            for f in fields {
                let mut constraints = f.constraints.clone();
                constraints.example = None;
                let _ = write!(
                    out,
                    "\n{:?} {:?} required={} nullable={} deprecated={} {constraints:?} ",
                    f.name, f.ident, f.required, f.nullable, f.deprecated
                );
                type_shape(&f.ty, &mut out, &mut refs);
            }
            out.push_str("\nadditional ");
            match additional {
                Some(ty) => type_shape(ty, &mut out, &mut refs),
                None => out.push_str("none"),
            }
        }
        TypeKind::Enum { values, .. } => {
            let _ = write!(out, "enum deprecated={}", def.deprecated);
            let values: BTreeSet<&str> = values.iter().map(|v| v.value.as_str()).collect();
            for value in values {
                let _ = write!(out, "\n{value:?}");
            }
        }
        TypeKind::Union { variants, tag } => {
            // The tag is part of the shape: unions of the same alternatives told apart
            // differently (or not at all) decode differently.
            let tag = tag.as_ref().map(|t| (&t.property, t.source));
            let _ = write!(out, "union deprecated={} tag={tag:?}", def.deprecated);
            for v in variants {
                let _ = write!(out, "\n{:?} {:?} ", v.ident, v.tags);
                type_shape(&v.ty, &mut out, &mut refs);
            }
        }
    }
    (out, refs)
}

fn type_shape<'t>(ty: &'t TypeRef, out: &mut String, refs: &mut Vec<&'t str>) {
    match ty {
        TypeRef::Named(name) => {
            out.push('#');
            refs.push(name);
        }
        TypeRef::Array(inner) => {
            out.push('[');
            type_shape(inner, out, refs);
            out.push(']');
        }
        TypeRef::Map(inner) => {
            out.push('{');
            type_shape(inner, out, refs);
            out.push('}');
        }
        other => {
            let _ = write!(out, "{other:?}");
        }
    }
}

fn rename(ty: &mut TypeRef, renamed: &HashMap<String, String>) {
    match ty {
        TypeRef::Named(name) => {
            if let Some(now) = renamed.get(name.as_str()) {
                *name = now.clone();
            }
        }
        TypeRef::Array(inner) | TypeRef::Map(inner) => rename(inner, renamed),
        TypeRef::String(_)
        | TypeRef::Integer(_)
        | TypeRef::Number
        | TypeRef::Boolean
        | TypeRef::Any => {}
    }
}
