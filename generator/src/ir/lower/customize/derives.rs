//! `[derive]`: extra derives for generated types. A derive needs every field to implement
//! the trait, so it goes to every type the named one holds too; what a type already derives
//! is not repeated, and a standard trait its values cannot have is refused, naming the field.

use std::collections::{BTreeMap, BTreeSet};

use super::renames::{find_type, schema_name, unknown};
use super::replace::refs;
use super::settings_error;
use crate::diagnostic::Diagnostic;
use crate::ir::{StringFormat, TypeDef, TypeKind, TypeRef};

/// Adds the derives of `wanted` (type name or `*` → derives) to `types`.
pub(in crate::ir::lower) fn add_derives(
    wanted: &BTreeMap<String, Vec<String>>,
    types: &mut [TypeDef],
) -> Result<(), Diagnostic> {
    // Per type identifier, the derives it gets, in the order first asked for.
    let mut plan: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, derives) in wanted {
        let mut derives = derives.clone();
        // `Ord` needs `PartialOrd`; asking for the one means both.
        if derives.iter().any(|d| d == "Ord") && !derives.iter().any(|d| d == "PartialOrd") {
            derives.push("PartialOrd".to_owned());
        }
        for derive in &derives {
            if syn::parse_str::<syn::Path>(derive).is_err() {
                return Err(settings_error(
                    format!("[derive] `{key}`: `{derive}` is not a derive's path"),
                    "write a trait such as `Hash`, or the path of a derive macro such as `my_crate::Builder`".to_owned(),
                ));
            }
            if derive == "Default" {
                return Err(settings_error(
                    format!("[derive] `{key}`: `Default` is derived by apiforge where it can be"),
                    "a struct derives `Default` when every field is optional; drop it from the list".to_owned(),
                ));
            }
        }
        let every = key == "*";
        let targets: Vec<String> = if every {
            types.iter().map(|t| t.ident.clone()).collect()
        } else {
            let Some(def) = find_type(types, key) else {
                let candidates = types
                    .iter()
                    .flat_map(|t| std::iter::once(t.ident.as_str()).chain(schema_name(t)));
                return Err(unknown("derive", key, "type", candidates));
            };
            reached(&def.ident, types)
        };
        for derive in &derives {
            // Types holding a replaced type are kept from `*`'s standard traits: the user's
            // type may not have them.
            let blocked = blocked(types, derive, every);
            for ident in &targets {
                let Some(def) = types.iter().find(|t| t.ident == *ident) else {
                    continue;
                };
                if already(def, derive) {
                    continue;
                }
                if let Some(why) = blocked.get(ident) {
                    if every {
                        // `*` means "wherever it can be".
                        continue;
                    }
                    return Err(settings_error(
                        format!("[derive] `{key}`: `{derive}` cannot be derived for `{ident}`: {why}"),
                        format!("a derive goes to every type `{key}` holds; drop `{derive}`, or replace the type that holds the value ([replace])"),
                    ));
                }
                let list = plan.entry(ident.clone()).or_default();
                if !list.contains(derive) {
                    list.push(derive.clone());
                }
            }
        }
    }
    for def in types.iter_mut() {
        if let Some(derives) = plan.remove(&def.ident) {
            def.derives = derives;
        }
    }
    Ok(())
}

/// The types whose values cannot have `derive` (a standard trait), each with why: what they
/// hold themselves, else the type they hold that cannot. With `unknown_blocks`, holding a
/// replaced type (not among `types`) blocks too.
fn blocked(types: &[TypeDef], derive: &str, unknown_blocks: bool) -> BTreeMap<String, String> {
    let mut blocked: BTreeMap<String, String> = types
        .iter()
        .filter_map(|def| cannot(def, derive).map(|why| (def.ident.clone(), why)))
        .collect();
    if !is_standard(derive) {
        return blocked;
    }
    let known: BTreeSet<&str> = types.iter().map(|t| t.ident.as_str()).collect();
    loop {
        let before = blocked.len();
        for def in types {
            if blocked.contains_key(&def.ident) {
                continue;
            }
            let mut names = Vec::new();
            for ty in refs(def) {
                named(ty, &mut names);
            }
            let holds = names.into_iter().find(|name| {
                blocked.contains_key(name) || (unknown_blocks && !known.contains(name.as_str()))
            });
            if let Some(name) = holds {
                blocked.insert(
                    def.ident.clone(),
                    format!("it holds `{name}`, which cannot"),
                );
            }
        }
        if blocked.len() == before {
            return blocked;
        }
    }
}

fn is_standard(derive: &str) -> bool {
    matches!(derive, "Eq" | "Hash" | "Ord" | "PartialOrd" | "Copy")
}

/// `ident` and every type it holds, however deep.
fn reached(ident: &str, types: &[TypeDef]) -> Vec<String> {
    let mut seen = BTreeSet::from([ident.to_owned()]);
    let mut stack = vec![ident.to_owned()];
    while let Some(next) = stack.pop() {
        let Some(def) = types.iter().find(|t| t.ident == next) else {
            continue;
        };
        for ty in refs(def) {
            let mut names = Vec::new();
            named(ty, &mut names);
            for name in names {
                if seen.insert(name.clone()) {
                    stack.push(name);
                }
            }
        }
    }
    seen.into_iter().collect()
}

fn named(ty: &TypeRef, out: &mut Vec<String>) {
    match ty {
        TypeRef::Named(name) => out.push(name.clone()),
        TypeRef::Array(inner) | TypeRef::Map(inner) => named(inner, out),
        TypeRef::String(_)
        | TypeRef::Integer(_)
        | TypeRef::Number
        | TypeRef::Boolean
        | TypeRef::Any => {}
    }
}

/// Whether the type derives it already (the emitters' fixed derives).
fn already(def: &TypeDef, derive: &str) -> bool {
    match derive {
        "Debug" | "Clone" | "PartialEq" => true,
        "Serialize" | "Deserialize" | "serde::Serialize" | "serde::Deserialize" => {
            // Unions implement `Deserialize` by hand.
            true
        }
        "Eq" | "Hash" => def.eq_hash,
        "Copy" => matches!(def.kind, TypeKind::Enum { open: false, .. }),
        _ => false,
    }
}

/// Why the type's own values cannot have a standard trait, if they cannot (the types it holds
/// are checked on their own, as each gets the derive too).
fn cannot(def: &TypeDef, derive: &str) -> Option<String> {
    let blocked: &dyn Fn(&TypeRef) -> Option<&'static str> = match derive {
        "Eq" | "Hash" | "Ord" => &|ty| match ty {
            TypeRef::Number => Some("a float"),
            TypeRef::Any => Some("arbitrary JSON"),
            TypeRef::String(StringFormat::File) => Some("an upload"),
            _ => None,
        },
        "PartialOrd" => &|ty| match ty {
            TypeRef::Any => Some("arbitrary JSON"),
            TypeRef::String(StringFormat::File) => Some("an upload"),
            _ => None,
        },
        "Copy" => &|_| Some("a value that is not `Copy`"),
        _ => return None,
    };
    if def.extra.is_some() {
        return Some("it keeps unknown fields as arbitrary JSON".to_owned());
    }
    own_blocker(def, blocked)
}

/// What of its own (not inside a type it holds) keeps a type's values from a trait.
fn own_blocker(
    def: &TypeDef,
    blocked: &dyn Fn(&TypeRef) -> Option<&'static str>,
) -> Option<String> {
    let derive_is_copy = blocked(&TypeRef::Boolean).is_some();
    match &def.kind {
        TypeKind::Struct { fields, additional } => fields
            .iter()
            .find_map(|f| {
                leaf(&f.ty, blocked).map(|what| format!("its field `{}` is {what}", f.ident))
            })
            .or_else(|| {
                additional
                    .as_ref()
                    .and_then(|ty| leaf(ty, blocked))
                    .map(|what| format!("its additional properties are {what}"))
            }),
        TypeKind::Union { variants, tag } => {
            if tag.as_ref().is_some_and(|t| t.open) {
                return Some("it keeps an unknown alternative as arbitrary JSON".to_owned());
            }
            variants.iter().find_map(|v| {
                leaf(&v.ty, blocked).map(|what| format!("its alternative `{}` is {what}", v.ident))
            })
        }
        TypeKind::Enum { open, .. } => {
            (derive_is_copy && *open).then(|| "it keeps unknown values as text".to_owned())
        }
    }
}

fn leaf(ty: &TypeRef, blocked: &dyn Fn(&TypeRef) -> Option<&'static str>) -> Option<&'static str> {
    match ty {
        TypeRef::Array(inner) | TypeRef::Map(inner) => leaf(inner, blocked),
        // A named type is checked on its own.
        TypeRef::Named(_) => None,
        other => blocked(other),
    }
}
