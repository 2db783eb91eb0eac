//! `[replace]` and `x-rust-type`: schemas that become a type of the user's. The type is taken
//! out of the API's types; references keep its identifier, which the emitted crate aliases to
//! the user's path, so every backend reads a replaced type as one it knows nothing inside of.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{OpenAPI, ReferenceOr};
use serde_json::Value;

use super::super::OperationDraft;
use super::renames::{find_type, schema_name, unknown};
use super::settings_error;
use crate::diagnostic::Diagnostic;
use crate::ir::{BodyEncoding, Replaced, TypeDef, TypeKind, TypeRef};
use crate::settings::{Replacement, Settings};

/// One replacement asked for: by the settings (with its key) or by the spec.
struct Wanted {
    key: String,
    path: String,
    krate: Option<(String, String)>,
    from_settings: bool,
}

/// Takes the replaced schemas out of `types` and returns them, sorted by identifier.
pub(in crate::ir::lower) fn replace_types(
    doc: &OpenAPI,
    settings: &Settings,
    types: &mut Vec<TypeDef>,
    operations: &[OperationDraft],
) -> Result<Vec<Replaced>, Diagnostic> {
    let mut wanted: BTreeMap<String, Wanted> = from_spec(doc)?;
    for (key, replacement) in &settings.replace {
        let krate = match replacement {
            Replacement::Path(_) => None,
            Replacement::Crate { krate, version, .. } => krate.as_ref().map(|k| {
                let version = version.clone().unwrap_or_else(|| "*".to_owned());
                (k.clone(), version)
            }),
        };
        wanted.insert(
            key.clone(),
            Wanted {
                key: key.clone(),
                path: replacement.path().to_owned(),
                krate,
                from_settings: true,
            },
        );
    }
    let mut replaced = Vec::new();
    for want in wanted.into_values() {
        let Some(def) = find_type(types, &want.key) else {
            if !want.from_settings {
                // A schema nothing uses is not generated; its `x-rust-type` has nothing to do.
                continue;
            }
            let candidates = types
                .iter()
                .flat_map(|t| std::iter::once(t.ident.as_str()).chain(schema_name(t)));
            return Err(unknown("replace", &want.key, "schema", candidates));
        };
        if syn::parse_str::<syn::Path>(&want.path).is_err() {
            return Err(settings_error(
                format!(
                    "[replace] `{}`: `{}` is not a Rust path",
                    want.key, want.path
                ),
                "write the path of a type, such as `money::Money`".to_owned(),
            ));
        }
        replaced.push(Replaced {
            ident: def.ident.clone(),
            schema: schema_name(def).unwrap_or(&def.ident).to_owned(),
            path: want.path,
            krate: want.krate,
        });
    }
    if replaced.is_empty() {
        return Ok(replaced);
    }
    let idents: BTreeSet<&str> = replaced.iter().map(|r| r.ident.as_str()).collect();
    check_uses(&idents, types, operations)?;
    let idents: BTreeSet<String> = idents.into_iter().map(str::to_owned).collect();
    types.retain(|t| !idents.contains(&t.ident));
    replaced.sort_by(|a, b| a.ident.cmp(&b.ident));
    Ok(replaced)
}

/// The component schemas with progenitor's `x-rust-type: {crate, version, path}`.
fn from_spec(doc: &OpenAPI) -> Result<BTreeMap<String, Wanted>, Diagnostic> {
    let mut wanted = BTreeMap::new();
    let Some(components) = &doc.components else {
        return Ok(wanted);
    };
    for (name, schema) in &components.schemas {
        let ReferenceOr::Item(schema) = schema else {
            continue;
        };
        let Some(extension) = schema.schema_data.extensions.get("x-rust-type") else {
            continue;
        };
        let field = |key: &str| extension.get(key).and_then(Value::as_str);
        let (Some(krate), Some(version), Some(path)) =
            (field("crate"), field("version"), field("path"))
        else {
            return Err(settings_error(
                format!("the schema `{name}` has an `x-rust-type` without `crate`, `version` and `path`"),
                "write `x-rust-type: {crate: money, version: \"0.1\", path: money::Money}`, or replace it under [replace] in apiforge.toml".to_owned(),
            ));
        };
        wanted.insert(
            name.clone(),
            Wanted {
                key: name.clone(),
                path: path.to_owned(),
                krate: Some((krate.to_owned(), version.to_owned())),
                from_settings: false,
            },
        );
    }
    Ok(wanted)
}

/// A replaced type can only travel as JSON (serde is all the generated code knows of it), and
/// cannot be an alternative of a union (told apart by looking inside the alternatives).
fn check_uses(
    replaced: &BTreeSet<&str>,
    types: &[TypeDef],
    operations: &[OperationDraft],
) -> Result<(), Diagnostic> {
    let holders = holders(replaced, types);
    let held = |ty: &TypeRef| mentions(ty, &holders);
    for def in types {
        if let TypeKind::Union { variants, .. } = &def.kind {
            if let Some(v) = variants.iter().find(|v| mentions(&v.ty, replaced)) {
                return Err(refused(
                    &v.ty,
                    &format!("an alternative of the union `{}`", def.ident),
                ));
            }
        }
    }
    for op in operations {
        if let Some(param) = op.params.iter().find(|p| held(&p.ty)) {
            return Err(refused(
                &param.ty,
                &format!("in the parameter `{}` of `{}`", param.name, op.id),
            ));
        }
        if let Some(body) = op
            .body
            .as_ref()
            .filter(|b| b.encoding != BodyEncoding::Json)
        {
            if let Some(field) = body.fields.iter().find(|f| held(&f.ty)) {
                return Err(refused(
                    &field.ty,
                    &format!(
                        "in the {} body of `{}` (field `{}`)",
                        body.media_type, op.id, field.name
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn refused(ty: &TypeRef, place: &str) -> Diagnostic {
    settings_error(
        format!("[replace]: a replaced schema is sent {place} ({ty:?}), where apiforge must know its shape"),
        "replace only schemas that travel as JSON, or replace the schema that holds it".to_owned(),
    )
}

/// The replaced types and every type that holds one, however deep.
fn holders<'t>(replaced: &BTreeSet<&'t str>, types: &'t [TypeDef]) -> BTreeSet<&'t str> {
    let mut holders = replaced.clone();
    loop {
        let before = holders.len();
        for def in types {
            if !holders.contains(def.ident.as_str()) && refs(def).any(|ty| mentions(ty, &holders)) {
                holders.insert(def.ident.as_str());
            }
        }
        if holders.len() == before {
            return holders;
        }
    }
}

/// The types a type's definition refers to.
pub(super) fn refs(def: &TypeDef) -> Box<dyn Iterator<Item = &TypeRef> + '_> {
    match &def.kind {
        TypeKind::Struct { fields, additional } => {
            Box::new(fields.iter().map(|f| &f.ty).chain(additional.iter()))
        }
        TypeKind::Union { variants, .. } => Box::new(variants.iter().map(|v| &v.ty)),
        TypeKind::Enum { .. } => Box::new(std::iter::empty()),
    }
}

fn mentions(ty: &TypeRef, names: &BTreeSet<&str>) -> bool {
    match ty {
        TypeRef::Named(name) => names.contains(name.as_str()),
        TypeRef::Array(inner) | TypeRef::Map(inner) => mentions(inner, names),
        TypeRef::String(_)
        | TypeRef::Integer(_)
        | TypeRef::Number
        | TypeRef::Boolean
        | TypeRef::Any => false,
    }
}
