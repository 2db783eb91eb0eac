//! Which enums must accept values the API adds later: those read from responses.

use std::collections::{HashMap, HashSet};

use crate::ir::{TypeDef, TypeKind, TypeRef};

/// Enums read from responses must keep decoding when the server adds a value; enums only
/// ever sent stay closed so that the compiler checks what the caller sends.
pub(super) fn mark_open_enums(types: &mut [TypeDef], received: &[&TypeRef]) {
    let index: HashMap<String, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.ident.clone(), i))
        .collect();
    let mut stack: Vec<String> = Vec::new();
    for ty in received {
        named_in(ty, &mut stack);
    }
    let mut seen = HashSet::new();
    while let Some(ident) = stack.pop() {
        if !seen.insert(ident.clone()) {
            continue;
        }
        let Some(&i) = index.get(&ident) else {
            continue;
        };
        match &mut types[i].kind {
            TypeKind::Enum { open, .. } => *open = true,
            TypeKind::Struct { fields, additional } => {
                for field in fields.iter() {
                    named_in(&field.ty, &mut stack);
                }
                if let Some(additional) = additional {
                    named_in(additional, &mut stack);
                }
            }
            TypeKind::Union { variants, tag } => {
                // A tag the server adds later decodes into the union's fallback variant.
                if let Some(tag) = tag {
                    tag.open = true;
                }
                for variant in variants.iter() {
                    named_in(&variant.ty, &mut stack);
                }
            }
        }
    }
}

fn named_in(ty: &TypeRef, out: &mut Vec<String>) {
    match ty {
        TypeRef::Named(name) => out.push(name.clone()),
        TypeRef::Array(inner) | TypeRef::Map(inner) => named_in(inner, out),
        TypeRef::String(_)
        | TypeRef::Integer(_)
        | TypeRef::Number
        | TypeRef::Boolean
        | TypeRef::Any => {}
    }
}
