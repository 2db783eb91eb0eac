//! Which fields tell "left out" from `null` ([`crate::ir::Field::tristate`]).
//!
//! An optional field that may be `null` has three states in JSON: absent (keep what the
//! server has), `null` (clear it), a value. PATCH-style APIs and JSON merge patch rely on the
//! difference, and re-sending a received object must send the `null`s it had. A form or
//! multipart body has no encoding for `null`, so its fields, and those of every type it
//! reaches, keep the two states of an `Option`.

use super::draft::OperationDraft;
use super::reach::sent_in_forms;
use crate::ir::{BodyEncoding, Field, TypeDef, TypeKind};

/// Marks the optional, nullable fields that travel as JSON as three-state.
pub(super) fn mark_tristate_fields(types: &mut [TypeDef], operations: &mut [OperationDraft]) {
    for body in operations.iter_mut().filter_map(|op| op.body.as_mut()) {
        if body.encoding == BodyEncoding::Json {
            body.fields.iter_mut().for_each(mark);
        }
    }
    let formed = sent_in_forms(types, operations);
    for def in types.iter_mut().filter(|def| !formed.contains(&def.ident)) {
        if let TypeKind::Struct { fields, .. } = &mut def.kind {
            fields.iter_mut().for_each(mark);
        }
    }
}

fn mark(field: &mut Field) {
    field.tristate = !field.required && field.nullable;
}
