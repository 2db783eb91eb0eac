//! Recognizing list operations that paginate, so backends can offer a page stream.

use super::Lowerer;
use crate::ir::{Pagination, ParamLocation, Parameter, Response, TypeKind, TypeRef};

impl<'a> Lowerer<'a> {
    /// Offset or cursor pagination: a query parameter `X` whose next value the success body
    /// returns as `next_X` (Chargebee's `offset` and `next_offset`).
    pub(super) fn pagination(
        &self,
        params: &[Parameter],
        responses: &[Response],
    ) -> Option<Pagination> {
        let body = responses
            .iter()
            .filter(|r| r.status.is_success())
            .find_map(|r| r.body.as_ref())?;
        let TypeRef::Named(name) = body else {
            return None;
        };
        let def = self.types.iter().rev().find(|t| &t.ident == name)?;
        let TypeKind::Struct { fields, .. } = &def.kind else {
            return None;
        };
        params
            .iter()
            .filter(|p| p.location == ParamLocation::Query && !p.required)
            .find_map(|p| {
                let next = fields.iter().find(|f| {
                    f.name == format!("next_{}", p.name) && !f.required && f.ty == p.ty
                })?;
                Some(Pagination {
                    param: p.name.clone(),
                    next_field: next.name.clone(),
                    next_field_ident: next.ident.clone(),
                })
            })
    }
}
