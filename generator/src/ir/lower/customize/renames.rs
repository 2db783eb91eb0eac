//! `[rename.types]` and `[rename.operations]`: the user's names over the decided ones. Keys
//! may be written as the spec names things (a schema, an `operationId`) or as apiforge named
//! them, so a rename keeps working whichever the user copied from.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::super::dedup::{is_component, rename_everywhere};
use super::super::OperationDraft;
use super::settings_error;
use crate::diagnostic::Diagnostic;
use crate::ir::{names, TypeDef, Webhook};

/// Method names the generated `Client` already has.
const CLIENT_METHODS: &[&str] = &["new", "builder", "base_url", "clone", "fmt", "send"];

/// Renames operations: their method, and the request, success and error types named after
/// them. Runs before anything is named after an operation's type name.
pub(in crate::ir::lower) fn rename_operations(
    renames: &BTreeMap<String, String>,
    operations: &mut [OperationDraft],
) -> Result<(), Diagnostic> {
    for (key, new) in renames {
        let found = operations
            .iter()
            .position(|op| op.id == *key)
            .or_else(|| operations.iter().position(|op| op.ident == *key))
            .or_else(|| operations.iter().position(|op| op.call_ident == *key));
        let Some(index) = found else {
            let candidates = operations
                .iter()
                .flat_map(|op| [op.id.as_str(), op.ident.as_str()]);
            return Err(unknown("rename.operations", key, "operation", candidates));
        };
        if names::snake(new) != *new || CLIENT_METHODS.contains(&new.as_str()) {
            return Err(settings_error(
                format!("[rename.operations] `{key}`: `{new}` cannot name a method"),
                format!(
                    "write a snake_case Rust identifier that is not a keyword nor one of `Client`'s own methods ({}), such as `{}`",
                    CLIENT_METHODS.join(", "),
                    names::snake(new)
                ),
            ));
        }
        // Unique as a `Client` method name, and as a method of its resource handle.
        let group = &operations[index].group;
        if let Some(other) = operations.iter().enumerate().find(|(i, op)| {
            *i != index && (op.ident == *new || (op.group == *group && op.call_ident == *new))
        }) {
            return Err(settings_error(
                format!(
                    "[rename.operations] `{key}`: the operation `{}` is already called `{new}`",
                    other.1.id
                ),
                "choose another name, or rename that operation too".to_owned(),
            ));
        }
        // The new name is the method's wherever it is called: on `Client`, or on its
        // resource handle, where short names would otherwise still derive from the old one.
        let op = &mut operations[index];
        op.ident.clone_from(new);
        op.call_ident.clone_from(new);
        op.type_ident = names::pascal(new);
    }
    Ok(())
}

/// Renames types, and every reference to them. `reserved` are the names the generated code
/// takes for itself (each operation's request, success and error types, the server variables'
/// enums, the replaced schemas).
pub(in crate::ir::lower) fn rename_types(
    renames: &BTreeMap<String, String>,
    types: &mut [TypeDef],
    reserved: &BTreeSet<String>,
    operations: &mut [OperationDraft],
    webhooks: &mut [Webhook],
) -> Result<(), Diagnostic> {
    let mut renamed: HashMap<String, String> = HashMap::new();
    for (key, new) in renames {
        let Some(def) = find_type(types, key) else {
            let candidates = types
                .iter()
                .flat_map(|t| std::iter::once(t.ident.as_str()).chain(schema_name(t)));
            return Err(unknown("rename.types", key, "type", candidates));
        };
        if names::type_name(new) != *new {
            return Err(settings_error(
                format!("[rename.types] `{key}`: `{new}` cannot name a type"),
                format!(
                    "write an UpperCamelCase Rust identifier that is not a keyword nor a name of the crate's root, such as `{}`",
                    names::type_name(new)
                ),
            ));
        }
        renamed.insert(def.ident.clone(), new.clone());
    }
    // The names after renaming must still be unique, and a new name clear of the operations'
    // types. A schema the spec itself names like one of those keeps its name, as without
    // renames: `ir::decide` names the operation's type around it.
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for def in types.iter() {
        let new = renamed.get(&def.ident);
        let now = new.unwrap_or(&def.ident);
        let taken = (new.is_some() && reserved.contains(now))
            .then_some("a type the generated code names itself (an operation's request, success or error type, a server variable's enum, a replaced schema)");
        let other = seen.insert(now, &def.ident);
        if let Some(what) = taken.or(other.map(|_| "another type")) {
            let what = match other {
                Some(other) if taken.is_none() => format!("the type `{other}`"),
                _ => what.to_owned(),
            };
            return Err(settings_error(
                format!(
                    "[rename.types]: `{now}` would name both `{}` and {what}",
                    def.ident
                ),
                "choose another name, or rename the other type too".to_owned(),
            ));
        }
    }
    rename_everywhere(types, operations, webhooks, &renamed);
    Ok(())
}

/// The type a settings key names: by generated name, else by schema name.
pub(super) fn find_type<'t>(types: &'t [TypeDef], key: &str) -> Option<&'t TypeDef> {
    types
        .iter()
        .find(|t| t.ident == key)
        .or_else(|| types.iter().find(|t| schema_name(t) == Some(key)))
}

/// The component schema name of a component schema's type (`#/components/schemas/<name>`).
pub(super) fn schema_name(def: &TypeDef) -> Option<&str> {
    if !is_component(def) {
        return None;
    }
    let rest = def.origin.strip_prefix("#/components/schemas/")?;
    Some(rest.split('/').next().unwrap_or(rest))
}

/// An unknown key, with the closest known name when it looks like a typo of one.
pub(super) fn unknown<'c>(
    section: &str,
    key: &str,
    what: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Diagnostic {
    let help = match names::closest(key, candidates) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!(
            "name the {what} as the spec does or as the generated code does (docs/CUSTOMIZING.md)"
        ),
    };
    settings_error(
        format!("[{section}] `{key}`: no {what} has this name"),
        help,
    )
}
