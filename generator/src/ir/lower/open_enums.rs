//! Which enums must accept values the API adds later: those read from responses.

use super::reach::reachable;
use crate::ir::{TypeDef, TypeKind, TypeRef};

/// Enums read from responses must keep decoding when the server adds a value; enums only
/// ever sent stay closed so that the compiler checks what the caller sends. Likewise a tagged
/// union read from responses decodes a tag the server adds later into its fallback variant.
pub(super) fn mark_open_enums(types: &mut [TypeDef], received: &[&TypeRef]) {
    let received = reachable(types, received.iter().copied());
    for def in types.iter_mut().filter(|def| received.contains(&def.ident)) {
        match &mut def.kind {
            TypeKind::Enum { open, .. } => *open = true,
            TypeKind::Union { tag: Some(tag), .. } => tag.open = true,
            TypeKind::Union { tag: None, .. } | TypeKind::Struct { .. } => {}
        }
    }
}
