//! Which types can derive `Eq` and `Hash` ([`crate::ir::TypeDef::eq_hash`]): those no float,
//! arbitrary JSON value or upload reaches, so that callers can put them in sets and maps.

use std::collections::HashSet;

use crate::ir::{StringFormat, TypeDef, TypeKind, TypeRef};

/// Marks every type whose values are all `Eq` and `Hash`. `replaced` are the types of the
/// user's (`[replace]`), which may not be.
pub(super) fn mark_eq_hash(types: &mut [TypeDef], replaced: &[&str]) {
    // Start from the types that hold such a value themselves, then spread to every type that
    // holds one of those, until nothing changes (types may refer to each other in cycles).
    let mut not: HashSet<String> = replaced.iter().map(|&r| r.to_owned()).collect();
    loop {
        let before = not.len();
        for def in types.iter() {
            if !not.contains(&def.ident) && !holds_only_hashable(def, &not) {
                not.insert(def.ident.clone());
            }
        }
        if not.len() == before {
            break;
        }
    }
    for def in types.iter_mut() {
        def.eq_hash = !not.contains(&def.ident);
    }
}

fn holds_only_hashable(def: &TypeDef, not: &HashSet<String>) -> bool {
    let ok = |ty: &TypeRef| hashable(ty, not);
    match &def.kind {
        TypeKind::Struct { fields, additional } => {
            // The map of unknown fields holds arbitrary JSON.
            def.extra.is_none()
                && fields.iter().all(|f| ok(&f.ty))
                && additional.as_ref().is_none_or(ok)
        }
        // An open tagged union keeps an unknown alternative as arbitrary JSON.
        TypeKind::Union { variants, tag } => {
            tag.as_ref().is_none_or(|tag| !tag.open) && variants.iter().all(|v| ok(&v.ty))
        }
        TypeKind::Enum { .. } => true,
    }
}

fn hashable(ty: &TypeRef, not: &HashSet<String>) -> bool {
    match ty {
        TypeRef::Number | TypeRef::Any | TypeRef::String(StringFormat::File) => false,
        TypeRef::String(_) | TypeRef::Integer(_) | TypeRef::Boolean => true,
        TypeRef::Named(name) => !not.contains(name),
        TypeRef::Array(inner) | TypeRef::Map(inner) => hashable(inner, not),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn a_float_or_any_value_anywhere_below_a_type_keeps_it_from_eq_and_hash() {
        let spec = "openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Order'}
components:
  schemas:
    Order:
      type: object
      properties:
        lines: {type: array, items: {$ref: '#/components/schemas/Line'}}
        customer: {$ref: '#/components/schemas/Customer'}
        meta: {}
    Line:
      type: object
      properties:
        price: {type: number}
        order: {$ref: '#/components/schemas/Order'}
    Customer:
      type: object
      properties:
        id: {type: string}
        tags: {type: array, items: {type: string}}
        referrer: {$ref: '#/components/schemas/Customer'}
";
        let loaded = crate::load::load_bytes(Path::new("t.yaml"), spec.as_bytes(), false).unwrap();
        let api =
            crate::ir::lower_api(&loaded, &crate::Settings::default(), &mut Vec::new()).unwrap();
        let eq_hash = |name: &str| api.type_def(name).map(|t| t.eq_hash);
        assert_eq!(eq_hash("Customer"), Some(true), "recursive, no float");
        assert_eq!(eq_hash("Line"), Some(false), "a float");
        assert_eq!(
            eq_hash("Order"),
            Some(false),
            "reaches a float, and holds any JSON"
        );
    }
}
