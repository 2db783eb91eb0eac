//! Recognizing list operations that paginate, and how, so backends can offer streams of pages
//! and of items. Settings (`[pagination]`) declare the style; without them only what the spec
//! leaves no doubt about is inferred: Chargebee's `X`/`next_X` and Stripe's `starting_after`
//! with `has_more` and a `data` list of objects with an `id`.
//!
//! It runs once the types are final (merged, boxed, three-state fields marked), since it
//! records the Rust shape of the fields it reads.

use crate::diagnostic::{pointer, Diagnostic, Warning};
use crate::ir::{
    FieldPath, FieldStep, Items, PageEnd, PageStyle, Pagination, ParamLocation, Parameter,
    TypeKind, TypeRef, Types,
};
use crate::settings::{PageRule, PageStyleName, PaginationSettings};

use super::draft::OperationDraft;
use super::Lowerer;

impl Lowerer<'_> {
    /// Sets the pagination of every operation, from the settings or inferred; a rule named
    /// for one operation that cannot apply to it is an error, an API-wide one a warning.
    pub(super) fn paginate(
        &mut self,
        operations: &mut [OperationDraft],
        types: &Types,
    ) -> Result<(), Diagnostic> {
        let settings = &self.settings.pagination;
        check_operation_names(settings, operations).map_err(|(message, help)| {
            Diagnostic::new(crate::settings::FILE_NAME, None, message).with_help(help)
        })?;
        let api_rule = settings.api_rule();
        for op in operations.iter_mut() {
            let at = pointer([
                "paths",
                op.path.as_str(),
                &op.method.as_str().to_lowercase(),
            ]);
            let named = settings
                .operations
                .get(&op.id)
                .or_else(|| settings.operations.get(&op.ident));
            // An override that names a style starts afresh: the API's keys are another
            // style's.
            let rule = match named {
                Some(rule) if rule.style.is_some() => rule.clone(),
                Some(rule) => rule.over(&api_rule),
                None => api_rule.clone(),
            };
            op.pagination = match rule.style {
                None => infer(op, types),
                Some(PageStyleName::None) => None,
                Some(style) => match declared(op, types, style, &rule) {
                    Ok(pagination) => pagination,
                    Err(problem) if named.is_some() => {
                        return Err(self
                            .error(&at, format!("[pagination] for `{}`: {problem}", op.ident))
                            .with_help(
                                "fix the keys of this operation in [pagination.operations], \
                                 or set `style = \"none\"` there",
                            ));
                    }
                    Err(problem) => {
                        self.warnings.push(Warning {
                            pointer: self.loaded.warning_pointer(&at),
                            message: format!(
                                "`{}` has no `{}_pages`: [pagination] does not fit it ({problem}); \
                                 set its keys in [pagination.operations.{}]",
                                op.ident, op.ident, op.ident
                            ),
                        });
                        None
                    }
                },
            };
        }
        Ok(())
    }
}

/// Every `[pagination.operations]` name must be an operation's id or method name.
fn check_operation_names(
    settings: &PaginationSettings,
    operations: &[OperationDraft],
) -> Result<(), (String, String)> {
    let names = || {
        operations
            .iter()
            .flat_map(|op| [op.id.as_str(), op.ident.as_str()])
    };
    for name in settings.operations.keys() {
        if names().any(|known| known == name) {
            continue;
        }
        let help = match crate::ir::names::closest(name, names()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => "name an operation by its operationId or its method name".to_owned(),
        };
        return Err((
            format!("[pagination.operations] names `{name}`, which is no operation of the spec"),
            help,
        ));
    }
    Ok(())
}

/// The success body's type.
fn body(op: &OperationDraft) -> Option<&TypeRef> {
    op.responses
        .iter()
        .filter(|r| r.status.is_success())
        .find_map(|r| r.body.as_ref())
}

/// The request's query parameter `name`, when the caller sets it per call.
fn param<'o>(op: &'o OperationDraft, name: &str) -> Option<&'o Parameter> {
    op.params
        .iter()
        .find(|p| p.name == name && p.location == ParamLocation::Query && !p.common)
}

/// The fields of a struct type.
fn fields<'t>(types: &'t Types, ty: &TypeRef) -> Option<&'t [crate::ir::Field]> {
    let TypeRef::Named(name) = ty else {
        return None;
    };
    match &types.by_ident(name)?.kind {
        TypeKind::Struct { fields, .. } => Some(fields),
        _ => None,
    }
}

/// The dotted path `dotted` from `ty`, and the type at its end.
fn path(types: &Types, ty: &TypeRef, dotted: &str) -> Result<(FieldPath, TypeRef), String> {
    let mut steps = Vec::new();
    let mut at = ty.clone();
    for name in dotted.split('.').filter(|n| !n.is_empty()) {
        let field = fields(types, &at)
            .and_then(|fields| fields.iter().find(|f| f.name == name))
            .ok_or_else(|| format!("the response has no field `{dotted}`"))?;
        steps.push(FieldStep {
            name: field.name.clone(),
            ident: field.ident.clone(),
            optional: !field.required || field.nullable,
            tristate: field.tristate,
            boxed: field.boxed,
        });
        at = field.ty.clone();
    }
    Ok((FieldPath(steps), at))
}

/// The items at `dotted`, when it leads to a list.
fn items_at(types: &Types, body: &TypeRef, dotted: &str) -> Option<Items> {
    let (path, ty) = path(types, body, dotted).ok()?;
    match ty {
        TypeRef::Array(item) => Some(Items { path, item: *item }),
        _ => None,
    }
}

/// The list of items: `wanted` if given, else the style's usual one, else the body's only
/// list field, else the body when it is a list.
fn items(
    types: &Types,
    body: &TypeRef,
    wanted: Option<&str>,
    usual: &str,
) -> Result<Option<Items>, String> {
    if let Some(wanted) = wanted {
        return items_at(types, body, wanted)
            .map(Some)
            .ok_or_else(|| format!("`items = \"{wanted}\"` is not a list of the response"));
    }
    if let Some(found) = items_at(types, body, usual) {
        return Ok(Some(found));
    }
    let lists: Vec<&str> = fields(types, body)
        .unwrap_or_default()
        .iter()
        .filter(|f| matches!(f.ty, TypeRef::Array(_)))
        .map(|f| f.name.as_str())
        .collect();
    Ok(match lists.as_slice() {
        [only] => items_at(types, body, only),
        _ => items_at(types, body, ""),
    })
}

/// A page token's type: a string or an integer, which compare exactly.
fn token_type(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::String(_) | TypeRef::Integer(_))
}

/// The pagination the settings declare for `op`; `Ok(None)` when `op` lacks the parameter.
fn declared(
    op: &OperationDraft,
    types: &Types,
    style: PageStyleName,
    rule: &PageRule,
) -> Result<Option<Pagination>, String> {
    let (param_default, items_default) = match style {
        PageStyleName::ContinueToken => ("continue", "items"),
        PageStyleName::LastItemCursor => ("starting_after", "data"),
        PageStyleName::LinkHeader | PageStyleName::PageNumber => ("page", ""),
        PageStyleName::NextToken | PageStyleName::None => ("", ""),
    };
    let param_name = rule.param.as_deref().unwrap_or(param_default);
    if param_name.is_empty() {
        return Err("`style = \"next-token\"` needs `param` and `next`".to_owned());
    }
    let Some(param) = param(op, param_name) else {
        return Ok(None);
    };
    let body = body(op).ok_or("its success has no body")?;
    let items = items(types, body, rule.items.as_deref(), items_default)?;
    let wants = |key: &Option<String>, what: &str| {
        key.clone()
            .ok_or_else(|| format!("`style = \"{what}\"` needs `{what}`"))
    };
    let style = match style {
        PageStyleName::NextToken | PageStyleName::ContinueToken => {
            let next = match (style, &rule.next) {
                (_, Some(next)) => next.clone(),
                (PageStyleName::ContinueToken, None) => "metadata.continue".to_owned(),
                _ => wants(&rule.next, "next")?,
            };
            let (field, ty) = path(types, body, &next)?;
            if ty != param.ty || !token_type(&ty) {
                return Err(format!(
                    "`{next}` is not a string or integer of the type of `{param_name}`"
                ));
            }
            PageStyle::NextToken { field }
        }
        PageStyleName::LastItemCursor => {
            let has_more = rule.has_more.as_deref().unwrap_or("has_more");
            let (has_more, ty) = path(types, body, has_more)?;
            if ty != TypeRef::Boolean {
                return Err(format!("`{}` is not a boolean", has_more.dotted()));
            }
            let list = items.as_ref().ok_or("it has no list of items")?;
            let id_name = rule.id.as_deref().unwrap_or("id");
            let id = fields(types, &list.item)
                .and_then(|fields| fields.iter().find(|f| f.name == id_name))
                .ok_or_else(|| format!("its items have no `{id_name}` field"))?;
            if id.ty != param.ty || !token_type(&id.ty) {
                return Err(format!(
                    "the items' `{id_name}` is not of the type of `{param_name}`"
                ));
            }
            let id = FieldStep {
                name: id.name.clone(),
                ident: id.ident.clone(),
                optional: !id.required || id.nullable,
                tristate: id.tristate,
                boxed: false,
            };
            PageStyle::LastItemCursor { has_more, id }
        }
        PageStyleName::LinkHeader => {
            if !token_type(&param.ty) {
                return Err(format!("`{param_name}` is not a string or an integer"));
            }
            PageStyle::LinkHeader
        }
        PageStyleName::PageNumber => {
            if !matches!(param.ty, TypeRef::Integer(_)) {
                return Err(format!("`{param_name}` is not an integer"));
            }
            let end = match (&rule.total_pages, &rule.has_more) {
                (Some(total), _) => {
                    let (field, ty) = path(types, body, total)?;
                    if !matches!(ty, TypeRef::Integer(_)) {
                        return Err(format!("`{total}` is not an integer"));
                    }
                    PageEnd::TotalPages(field)
                }
                (None, Some(flag)) => {
                    let (field, ty) = path(types, body, flag)?;
                    if ty != TypeRef::Boolean {
                        return Err(format!("`{flag}` is not a boolean"));
                    }
                    PageEnd::HasMore(field)
                }
                (None, None) if items.is_some() => PageEnd::EmptyPage,
                (None, None) => {
                    return Err(
                        "page numbers need `items`, `total-pages` or `has-more` to end".to_owned(),
                    )
                }
            };
            PageStyle::PageNumber { end }
        }
        PageStyleName::None => return Ok(None),
    };
    Ok(Some(Pagination {
        param: param.name.clone(),
        style,
        items,
    }))
}

/// What the spec leaves no doubt about: an optional query parameter `X` whose next value the
/// body returns as `next_X` (Chargebee's `offset` and `next_offset`), or Stripe's
/// `starting_after` beside a `has_more` flag and a `data` list of objects with a string `id`.
fn infer(op: &OperationDraft, types: &Types) -> Option<Pagination> {
    let body = body(op)?;
    let body_fields = fields(types, body)?;
    let next_token = op
        .params
        .iter()
        .filter(|p| p.location == ParamLocation::Query && !p.required && !p.common)
        .find_map(|p| {
            let next = body_fields
                .iter()
                .find(|f| f.name == format!("next_{}", p.name) && !f.required && f.ty == p.ty)?;
            Some(Pagination {
                param: p.name.clone(),
                style: PageStyle::NextToken {
                    field: path(types, body, &next.name).ok()?.0,
                },
                items: items(types, body, None, "").ok().flatten(),
            })
        });
    if next_token.is_some() {
        return next_token;
    }
    let stripe = param(op, "starting_after")
        .filter(|p| !p.required && matches!(p.ty, TypeRef::String(_)))?;
    let has_more = body_fields
        .iter()
        .any(|f| f.name == "has_more" && f.ty == TypeRef::Boolean);
    let data = items_at(types, body, "data")?;
    let has_id = fields(types, &data.item)?
        .iter()
        .any(|f| f.name == "id" && f.ty == stripe.ty);
    (has_more && has_id)
        .then(|| {
            declared(
                op,
                types,
                PageStyleName::LastItemCursor,
                &PageRule::default(),
            )
            .ok()
            .flatten()
        })
        .flatten()
}
