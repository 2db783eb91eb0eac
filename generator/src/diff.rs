//! The API changes between two versions of a spec, as client users see them: a changelog with
//! every breaking change marked and a suggested semver bump for the generated crate.
//!
//! "Breaking" means breaking under Rust's semver rules for the generated crate, as
//! `cargo semver-checks` judges it (docs/SEMVER.md has the table that checks this): a removed
//! or renamed method, a removed or retyped field, a parameter that became required (its field
//! loses its `Option`), a removed enum value or error response, and also any field added to a
//! struct, optional or not: the generated structs have public fields and no
//! `#[non_exhaustive]`, so a struct literal naming every field stops compiling. An enum value
//! added is compatible, since every generated enum is `#[non_exhaustive]`.

use std::fmt::Write as _;

use crate::ir::{Api, Field, Operation, ParamLocation, Parameter, TypeDef, TypeKind};

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Whether client code may stop compiling or behave differently.
    pub breaking: bool,
    /// What changed, in one Markdown line.
    pub text: String,
}

/// The changes of one part of the API (an operation, a model).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading (`POST /invoices/{invoice-id}/resume_dunning`, `Invoice`).
    pub title: String,
    /// Its changes in spec order.
    pub changes: Vec<Change>,
}

/// Every change between two versions of an API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changelog {
    /// The API's title (of the new version).
    pub title: String,
    /// `info.version` of the old spec.
    pub old_version: String,
    /// `info.version` of the new spec.
    pub new_version: String,
    /// Operations added or removed.
    pub operations: Vec<Change>,
    /// Changes inside operations present in both.
    pub operation_sections: Vec<Section>,
    /// Models added or removed.
    pub models: Vec<Change>,
    /// Changes inside models present in both.
    pub model_sections: Vec<Section>,
}

/// The semver bump a changelog calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// Nothing changed for client users.
    None,
    /// Compatible fixes.
    Patch,
    /// Compatible additions.
    Minor,
    /// Breaking changes.
    Major,
}

impl Changelog {
    fn all(&self) -> impl Iterator<Item = &Change> {
        self.operations
            .iter()
            .chain(self.operation_sections.iter().flat_map(|s| &s.changes))
            .chain(&self.models)
            .chain(self.model_sections.iter().flat_map(|s| &s.changes))
    }

    /// How many changes break client code.
    pub fn breaking_count(&self) -> usize {
        self.all().filter(|c| c.breaking).count()
    }

    /// The bump for a crate at `current`: breaking changes are a major bump (a minor one
    /// before 1.0, as Cargo reads versions), other changes a minor one (a patch before 1.0).
    pub fn bump(&self, current: &semver::Version) -> (Bump, semver::Version) {
        let breaking = self.breaking_count() > 0;
        let any = self.all().next().is_some();
        let pre_1 = current.major == 0;
        let bump = match (breaking, any, pre_1) {
            (true, _, false) => Bump::Major,
            (true, _, true) | (false, true, false) => Bump::Minor,
            (false, true, true) => Bump::Patch,
            (false, false, _) => Bump::None,
        };
        let next = match bump {
            Bump::Major => semver::Version::new(current.major + 1, 0, 0),
            Bump::Minor => semver::Version::new(current.major, current.minor + 1, 0),
            Bump::Patch => semver::Version::new(current.major, current.minor, current.patch + 1),
            Bump::None => current.clone(),
        };
        (bump, next)
    }

    /// The changelog as Markdown, for a pull request or release notes.
    pub fn to_markdown(&self, current: &semver::Version) -> String {
        let mut out = format!(
            "# API changes: {} {} → {}\n\n",
            self.title, self.old_version, self.new_version
        );
        let breaking = self.breaking_count();
        let (bump, next) = self.bump(current);
        let total = self.all().count();
        if total == 0 {
            out.push_str("No change for client users.\n");
            return out;
        }
        let _ = writeln!(
            out,
            "{total} change{}, **{breaking} breaking**. Suggested version bump for the generated crate: **{}** ({current} → {next}).",
            if total == 1 { "" } else { "s" },
            match bump {
                Bump::Major => "major",
                Bump::Minor => "minor",
                Bump::Patch => "patch",
                Bump::None => "none",
            }
        );
        let line = |out: &mut String, change: &Change| {
            let mark = if change.breaking {
                "**Breaking:** "
            } else {
                ""
            };
            let _ = writeln!(out, "- {mark}{}", change.text);
        };
        if !self.operations.is_empty() || !self.operation_sections.is_empty() {
            out.push_str("\n## Operations\n");
            if !self.operations.is_empty() {
                out.push('\n');
            }
            for change in &self.operations {
                line(&mut out, change);
            }
            for section in &self.operation_sections {
                let _ = writeln!(out, "\n### {}\n", section.title);
                for change in &section.changes {
                    line(&mut out, change);
                }
            }
        }
        if !self.models.is_empty() || !self.model_sections.is_empty() {
            out.push_str("\n## Models\n");
            if !self.models.is_empty() {
                out.push('\n');
            }
            for change in &self.models {
                line(&mut out, change);
            }
            for section in &self.model_sections {
                let _ = writeln!(out, "\n### `{}`\n", section.title);
                for change in &section.changes {
                    line(&mut out, change);
                }
            }
        }
        out
    }
}

/// Why an optional value added is still breaking: it is a new field of a struct with public
/// fields, which a struct literal naming every field must now name too.
const NEW_FIELD: &str =
    " (a new field of a struct with public fields: breaking for struct literals that name every field)";

fn change(breaking: bool, text: String) -> Change {
    Change { breaking, text }
}

fn op_label(op: &Operation) -> String {
    format!(
        "`{} {}` (`{}`)",
        op.method.as_str(),
        op.path,
        op.owner_path(&op.call_ident)
    )
}

/// Compares two versions of an API.
pub fn diff(old: &Api, new: &Api) -> Changelog {
    let key = |op: &Operation| (op.method, op.path.clone());
    let mut operations = Vec::new();
    let mut operation_sections = Vec::new();
    for op in &old.operations {
        if !new.operations.iter().any(|n| key(n) == key(op)) {
            operations.push(change(true, format!("removed {}", op_label(op))));
        }
    }
    for op in &new.operations {
        match old.operations.iter().find(|o| key(o) == key(op)) {
            None => operations.push(change(false, format!("added {}", op_label(op)))),
            Some(before) => {
                let changes = operation_changes(old, before, new, op);
                if !changes.is_empty() {
                    operation_sections.push(Section {
                        title: op_label(op),
                        changes,
                    });
                }
            }
        }
    }
    let mut models = Vec::new();
    let mut model_sections = Vec::new();
    // A model is the same model when it comes from the same place in the spec, even if its
    // generated name changed (an inline response type follows its operation's name).
    let counterpart = |api: &'_ Api, def: &TypeDef| -> Option<TypeDef> {
        api.types
            .iter()
            .find(|t| t.origin == def.origin)
            .or_else(|| api.type_def(&def.ident))
            .cloned()
    };
    for def in &old.types {
        if counterpart(new, def).is_none() {
            models.push(change(true, format!("removed model `{}`", def.ident)));
        }
    }
    for def in &new.types {
        match counterpart(old, def) {
            None => models.push(change(false, format!("added model `{}`", def.ident))),
            Some(before) => {
                let mut changes = Vec::new();
                if before.ident != def.ident {
                    changes.push(change(true, format!("renamed from `{}`", before.ident)));
                }
                changes.extend(model_changes(&before, def));
                if !changes.is_empty() {
                    model_sections.push(Section {
                        title: def.ident.clone(),
                        changes,
                    });
                }
            }
        }
    }
    Changelog {
        title: new.title.clone(),
        old_version: old.version.clone(),
        new_version: new.version.clone(),
        operations,
        operation_sections,
        models,
        model_sections,
    }
}

fn location(p: &Parameter) -> &'static str {
    match p.location {
        ParamLocation::Path => "path parameter",
        ParamLocation::Query => "query parameter",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

fn operation_changes(
    old_api: &Api,
    old: &Operation,
    new_api: &Api,
    new: &Operation,
) -> Vec<Change> {
    let mut changes = Vec::new();
    let (old_path, new_path) = (
        old.owner_path(&old.call_ident),
        new.owner_path(&new.call_ident),
    );
    if old_path != new_path {
        changes.push(change(
            true,
            format!(
                "renamed: `{old_path}` is now `{new_path}` (operationId `{}` → `{}`)",
                old.id, new.id
            ),
        ));
    }
    // Its request struct and success enum move with it (`repos::` → `repos_pulls::`), and so
    // does its Cargo feature: a tag grown past 50 operations is split by resource.
    if old.group != new.group {
        changes.push(change(
            true,
            format!(
                "moved from module `{}` to `{}` (its types' paths and its Cargo feature too)",
                old.group, new.group
            ),
        ));
    }
    if !old.deprecated && new.deprecated {
        changes.push(change(false, "deprecated".to_owned()));
    }
    for p in &old.params {
        if !new
            .params
            .iter()
            .any(|n| n.name == p.name && n.location == p.location)
        {
            changes.push(change(
                true,
                format!("removed {} `{}`", location(p), p.name),
            ));
        }
    }
    for p in &new.params {
        let label = format!("{} `{}`", location(p), p.name);
        match old
            .params
            .iter()
            .find(|o| o.name == p.name && o.location == p.location)
        {
            None if p.required => changes.push(change(true, format!("added required {label}"))),
            None => changes.push(change(true, format!("added optional {label}{NEW_FIELD}"))),
            Some(before) => {
                if same_type(old_api, Some(&before.ty), new_api, Some(&p.ty)) {
                    value_changes(
                        &mut changes,
                        &label,
                        (before.required, &p.ty),
                        (p.required, &p.ty),
                    );
                } else {
                    value_changes(
                        &mut changes,
                        &label,
                        (before.required, &before.ty),
                        (p.required, &p.ty),
                    );
                }
            }
        }
    }
    let no_fields = Vec::new();
    let old_fields = old.body.as_ref().map_or(&no_fields, |b| &b.fields);
    let new_fields = new.body.as_ref().map_or(&no_fields, |b| &b.fields);
    field_changes(&mut changes, "body field", old_fields, new_fields);
    for response in &old.responses {
        if !new.responses.iter().any(|r| r.status == response.status) {
            changes.push(change(
                true,
                format!("removed response `{}`", response.status.key()),
            ));
        }
    }
    for response in &new.responses {
        match old.responses.iter().find(|r| r.status == response.status) {
            None => changes.push(change(
                false,
                format!("added response `{}`", response.status.key()),
            )),
            Some(before)
                if !same_type(
                    old_api,
                    before.body.as_ref(),
                    new_api,
                    response.body.as_ref(),
                ) =>
            {
                let name = |ty: &Option<crate::ir::TypeRef>| {
                    ty.as_ref()
                        .map_or_else(|| "no body".to_owned(), |t| format!("`{}`", t.rust_name()))
                };
                changes.push(change(
                    true,
                    format!(
                        "response `{}` body changed from {} to {}",
                        response.status.key(),
                        name(&before.body),
                        name(&response.body)
                    ),
                ));
            }
            Some(_) => {}
        }
    }
    changes
}

/// Whether two types are the same across versions: equal, or named types from the same place
/// in the spec (a renamed model is reported with the models).
fn same_type(
    old_api: &Api,
    old: Option<&crate::ir::TypeRef>,
    new_api: &Api,
    new: Option<&crate::ir::TypeRef>,
) -> bool {
    match (old, new) {
        (Some(crate::ir::TypeRef::Named(a)), Some(crate::ir::TypeRef::Named(b))) => {
            a == b
                || matches!((old_api.type_def(a), new_api.type_def(b)), (Some(x), Some(y)) if x.origin == y.origin)
        }
        (a, b) => a == b,
    }
}

/// Required-ness and type changes of one value (parameter or field).
fn value_changes(
    changes: &mut Vec<Change>,
    label: &str,
    (old_required, old_ty): (bool, &crate::ir::TypeRef),
    (new_required, new_ty): (bool, &crate::ir::TypeRef),
) {
    match (old_required, new_required) {
        (false, true) => changes.push(change(true, format!("{label} is now required"))),
        (true, false) => changes.push(change(
            true,
            format!("{label} is now optional (its field becomes an `Option`)"),
        )),
        _ => {}
    }
    if old_ty != new_ty {
        changes.push(change(
            true,
            format!(
                "{label} changed type from `{}` to `{}`",
                old_ty.rust_name(),
                new_ty.rust_name()
            ),
        ));
    }
}

fn field_changes(changes: &mut Vec<Change>, what: &str, old: &[Field], new: &[Field]) {
    for field in old {
        if !new.iter().any(|f| f.name == field.name) {
            changes.push(change(true, format!("removed {what} `{}`", field.name)));
        }
    }
    for field in new {
        let label = format!("{what} `{}`", field.name);
        match old.iter().find(|f| f.name == field.name) {
            None if field.required => changes.push(change(true, format!("added required {label}"))),
            None => changes.push(change(true, format!("added optional {label}{NEW_FIELD}"))),
            Some(before) => {
                value_changes(
                    changes,
                    &label,
                    (before.required && !before.nullable, &before.ty),
                    (field.required && !field.nullable, &field.ty),
                );
                if !before.deprecated && field.deprecated {
                    changes.push(change(false, format!("{label} is deprecated")));
                }
            }
        }
    }
}

fn model_changes(old: &TypeDef, new: &TypeDef) -> Vec<Change> {
    let mut changes = Vec::new();
    match (&old.kind, &new.kind) {
        (TypeKind::Struct { fields: before, .. }, TypeKind::Struct { fields: after, .. }) => {
            field_changes(&mut changes, "field", before, after);
        }
        (
            TypeKind::Enum {
                values: before,
                open: was_open,
            },
            TypeKind::Enum {
                values: after,
                open: is_open,
            },
        ) => {
            // Read from responses or not changes the enum's shape (docs/GENERATED_CLIENT.md).
            match (was_open, is_open) {
                (false, true) => changes.push(change(
                    true,
                    "now read from responses: gains an `Unknown` variant and is no longer `Copy`"
                        .to_owned(),
                )),
                (true, false) => changes.push(change(
                    true,
                    "no longer read from responses: loses its `Unknown` variant".to_owned(),
                )),
                _ => {}
            }
            for value in before
                .iter()
                .filter(|v| !after.iter().any(|a| a.value == v.value))
            {
                changes.push(change(true, format!("removed value `{}`", value.value)));
            }
            for value in after
                .iter()
                .filter(|v| !before.iter().any(|b| b.value == v.value))
            {
                changes.push(change(false, format!("added value `{}`", value.value)));
            }
        }
        (
            TypeKind::Union {
                variants: before, ..
            },
            TypeKind::Union {
                variants: after, ..
            },
        ) if before != after => {
            changes.push(change(true, "alternatives changed".to_owned()));
        }
        (TypeKind::Union { .. }, TypeKind::Union { .. }) => {}
        _ => changes.push(change(
            true,
            "changed kind (struct, enum or union)".to_owned(),
        )),
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::model_changes;
    use crate::ir::{EnumValue, TypeDef, TypeKind};

    fn status(open: bool, values: &[&str]) -> TypeDef {
        TypeDef {
            ident: "Status".to_owned(),
            origin: "#/components/schemas/Status".to_owned(),
            description: None,
            deprecated: false,
            kind: TypeKind::Enum {
                values: values
                    .iter()
                    .map(|v| EnumValue {
                        value: (*v).to_owned(),
                        ident: (*v).to_owned(),
                        description: None,
                    })
                    .collect(),
                open,
            },
            extra: None,
            eq_hash: true,
            derives: Vec::new(),
        }
    }

    #[test]
    fn enum_values_added_are_compatible_and_a_change_of_openness_is_not() {
        let added = model_changes(&status(true, &["a"]), &status(true, &["a", "b"]));
        assert_eq!(added.len(), 1);
        assert!(!added[0].breaking, "{added:?}");
        let added = model_changes(&status(false, &["a"]), &status(false, &["a", "b"]));
        assert!(!added[0].breaking, "{added:?}");
        for (was, is) in [(false, true), (true, false)] {
            let changed = model_changes(&status(was, &["a"]), &status(is, &["a"]));
            assert_eq!(changed.len(), 1, "{changed:?}");
            assert!(changed[0].breaking, "{changed:?}");
        }
        let removed = model_changes(&status(true, &["a", "b"]), &status(true, &["a"]));
        assert!(removed[0].breaking, "{removed:?}");
    }
}
