//! How values are written as text on the wire: form bodies, query strings, headers, cookies.
//!
//! OpenAPI fixes most of it (`style`, `explode`, `allowReserved`, and an `encoding` object per
//! form field); lowering records what the spec says on every parameter and form field. What
//! OpenAPI leaves open (how lists are keyed inside brackets, where the index of a list of
//! objects goes, whether free-form objects travel as JSON text, Chargebee's multi-value
//! groups) comes from the settings, as [`Conventions`]; [`decide`] records it on every
//! parameter and form field too, so that an emitter reads one place.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::lower::{ApiDraft, OperationDraft};
use super::names;
use super::{
    ArrayKeys, BodyEncoding, Constraints, Conventions, Field, FreeForm, ObjectArrays, ParamStyle,
    TypeDef, TypeKind, TypeRef, Types,
};

/// How the values below the top level of one form field or parameter are keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Nesting {
    /// Items of lists of plain values inside brackets.
    pub arrays: ArrayKeys,
    /// Items of lists of objects.
    pub object_arrays: ObjectArrays,
    /// Objects without declared properties.
    pub free_form: FreeForm,
}

impl Default for Nesting {
    fn default() -> Self {
        let c = Conventions::default();
        Self {
            arrays: c.nested_arrays,
            object_arrays: c.object_arrays,
            free_form: c.free_form,
        }
    }
}

impl From<&Conventions> for Nesting {
    fn from(c: &Conventions) -> Self {
        Self {
            arrays: c.nested_arrays,
            object_arrays: c.object_arrays,
            free_form: c.free_form,
        }
    }
}

/// How one field of an `application/x-www-form-urlencoded` body is written: its `encoding`
/// object (or OpenAPI's defaults), and the conventions for what that leaves open.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldEncoding {
    /// The field's wire name.
    pub name: String,
    /// `style` (default `form`).
    pub style: ParamStyle,
    /// `explode` (default: true for `form`).
    pub explode: bool,
    /// `allowReserved`: reserved characters are sent as they are.
    pub allow_reserved: bool,
    /// Sent as one JSON text (`contentType: application/json` without a `style`).
    pub json: bool,
    /// Whether the `encoding` object gave `style` or `explode`.
    pub explicit: bool,
    /// How the field's own list items are keyed when it is a list written entry by entry
    /// (decided: explicit `form` repeats, an unspecified one follows the settings).
    pub list: ArrayKeys,
    /// How values below the top level are keyed.
    pub nesting: Nesting,
    /// The multi-value group the field is, if it is one.
    pub group: Option<ValueGroup>,
    /// A multipart file part's media type (`encoding.contentType`, else
    /// `application/octet-stream`); `None` for every other field.
    pub content_type: Option<String>,
}

impl FieldEncoding {
    /// OpenAPI's defaults for a form field without an `encoding` entry.
    pub fn default_for(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            style: ParamStyle::Form,
            explode: true,
            allow_reserved: false,
            json: false,
            explicit: false,
            list: ArrayKeys::Repeat,
            nesting: Nesting::default(),
            group: None,
            content_type: None,
        }
    }
}

/// A multi-value group, as Chargebee documents them: an object whose properties are all lists
/// of plain values, read by the server index by index (`addons[id][1]` goes with
/// `addons[quantity][1]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueGroup {
    /// Each property, with the constraints of its values (the list's `items`).
    pub members: Vec<GroupMember>,
    /// The entry type, when the settings turn the group into a list of entries.
    pub entry: Option<String>,
}

/// One property of a [`ValueGroup`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupMember {
    /// The wire name (`quantity`).
    pub name: String,
    /// The constraints of each value.
    pub constraints: Constraints,
}

/// Records the conventions on every parameter and form field, and turns multi-value groups
/// into lists of entries when the settings ask.
pub(super) fn decide(api: &mut ApiDraft, conventions: &Conventions) {
    let nesting = Nesting::from(conventions);
    for op in &mut api.operations {
        for p in &mut op.params {
            p.nesting = nesting;
        }
        if let Some(body) = op
            .body
            .as_mut()
            .filter(|b| b.encoding == BodyEncoding::Form)
        {
            for e in &mut body.encodings {
                e.nesting = nesting;
                e.list = match (e.style, e.explicit) {
                    (ParamStyle::Form, false) => conventions.form_arrays,
                    (ParamStyle::DeepObject, _) => conventions.nested_arrays,
                    _ => ArrayKeys::Repeat,
                };
            }
        }
    }
    if conventions.multi_value_groups {
        group_entries(api);
    }
}

/// Whether `op`'s request has lists of entries whose values have constraints to check.
pub(super) fn entries_validated(op: &OperationDraft) -> bool {
    let checked = |group: &ValueGroup| {
        group.entry.is_some()
            && group.members.iter().any(|m| {
                let c = &m.constraints;
                c.min_length.is_some()
                    || c.max_length.is_some()
                    || c.minimum.is_some()
                    || c.maximum.is_some()
            })
    };
    op.params
        .iter()
        .filter(|p| !p.common)
        .filter_map(|p| p.group.as_ref())
        .chain(
            op.body
                .iter()
                .flat_map(|b| b.encodings.iter().filter_map(|e| e.group.as_ref())),
        )
        .any(checked)
}

/// Whether `ty` is sent as one plain text: a primitive or a string enum.
fn is_plain(ty: &TypeRef, types: &Types) -> bool {
    match ty {
        TypeRef::String(_) | TypeRef::Integer(_) | TypeRef::Number | TypeRef::Boolean => true,
        TypeRef::Named(name) => matches!(
            types.by_ident(name).map(|t| &t.kind),
            Some(TypeKind::Enum { .. })
        ),
        TypeRef::Array(_) | TypeRef::Map(_) | TypeRef::Any => false,
    }
}

/// The group type and its fields, when `ty` is still a group: a struct whose fields are all
/// lists of plain values.
fn group_fields<'t>(ty: &TypeRef, types: &'t Types) -> Option<(&'t TypeDef, &'t [Field])> {
    let TypeRef::Named(name) = ty else {
        return None;
    };
    let def = types.by_ident(name)?;
    let TypeKind::Struct {
        fields,
        additional: None,
    } = &def.kind
    else {
        return None;
    };
    let all_lists = !fields.is_empty()
        && fields
            .iter()
            .all(|f| matches!(&f.ty, TypeRef::Array(item) if is_plain(item, types)));
    all_lists.then_some((def, fields))
}

/// Turns each multi-value group (`addons: {id: [..], quantity: [..]}`) into a list of entries
/// (`addons: [{id, quantity}]`): one entry type per group type, its fields the lists' items
/// with the items' constraints. Group types nothing else uses are dropped.
fn group_entries(api: &mut ApiDraft) {
    let ApiDraft {
        operations,
        types,
        webhooks,
        ..
    } = api;
    let mut taken: BTreeSet<String> = types.iter().map(|t| t.ident.clone()).collect();
    for op in operations.iter() {
        for suffix in ["Request", "Success", "Error"] {
            taken.insert(format!("{}{suffix}", op.type_ident));
        }
    }
    let mut entries: HashMap<String, String> = HashMap::new();
    let mut added: Vec<TypeDef> = Vec::new();
    for op in operations.iter_mut() {
        let mut targets: Vec<(&mut TypeRef, &mut ValueGroup, &mut Nesting)> = Vec::new();
        for p in op.params.iter_mut() {
            if let Some(group) = p.group.as_mut() {
                targets.push((&mut p.ty, group, &mut p.nesting));
            }
        }
        if let Some(body) = op.body.as_mut() {
            for (field, e) in body.fields.iter_mut().zip(body.encodings.iter_mut()) {
                if field.name != e.name || e.json {
                    continue;
                }
                if let Some(group) = e.group.as_mut() {
                    targets.push((&mut field.ty, group, &mut e.nesting));
                }
            }
        }
        for (ty, group, nesting) in targets {
            let Some((def, fields)) = group_fields(ty, types) else {
                continue;
            };
            let entry = entries
                .entry(def.ident.clone())
                .or_insert_with(|| {
                    let entry = entry_type(def, fields, group, &mut taken);
                    let ident = entry.ident.clone();
                    added.push(entry);
                    ident
                })
                .clone();
            *ty = TypeRef::Array(Box::new(TypeRef::Named(entry.clone())));
            group.entry = Some(entry);
            // The server reads the lists index by index, whatever the API's other lists do.
            nesting.object_arrays = ObjectArrays::IndexLast;
        }
        for e in op.body.iter_mut().flat_map(|b| b.encodings.iter_mut()) {
            if e.group.as_ref().is_some_and(|g| g.entry.is_some()) {
                e.list = ArrayKeys::Indexed;
            }
        }
    }
    if entries.is_empty() {
        return;
    }
    let mut defs: Vec<TypeDef> = types.to_vec();
    defs.extend(added);
    let used = mentioned(operations, webhooks, &defs);
    defs.retain(|d| !entries.contains_key(&d.ident) || used.contains(&d.ident));
    *types = Types::new(defs);
}

/// The entry type of a group type: the lists' items as optional fields.
fn entry_type(
    def: &TypeDef,
    fields: &[Field],
    group: &ValueGroup,
    taken: &mut BTreeSet<String>,
) -> TypeDef {
    let singular = names::singular(&def.ident);
    let mut ident = if singular != def.ident && !taken.contains(&singular) {
        singular
    } else {
        format!("{singular}Entry")
    };
    if taken.contains(&ident) {
        let base = ident.clone();
        ident = (2..)
            .map(|n| format!("{base}{n}"))
            .find(|name| !taken.contains(name))
            .unwrap_or(base);
    }
    taken.insert(ident.clone());
    let fields = fields
        .iter()
        .map(|f| {
            let item = match &f.ty {
                TypeRef::Array(item) => (**item).clone(),
                other => other.clone(),
            };
            let constraints = group
                .members
                .iter()
                .find(|m| m.name == f.name)
                .map(|m| m.constraints.clone())
                .unwrap_or_default();
            Field {
                name: f.name.clone(),
                ident: f.ident.clone(),
                description: f.description.clone(),
                required: f.required && !f.nullable,
                nullable: false,
                tristate: false,
                deprecated: f.deprecated,
                ty: item,
                boxed: false,
                constraints,
            }
        })
        .collect();
    let about = "One entry of a multi-value group: its values are sent at the same index of \
                 the group's lists (`group[field][index]`), and a value left out sends no key.";
    let description = match &def.description {
        Some(text) if !text.trim().is_empty() => format!("{}\n\n{about}", text.trim_end()),
        _ => about.to_owned(),
    };
    TypeDef {
        ident,
        origin: def.origin.clone(),
        description: Some(description),
        deprecated: def.deprecated,
        kind: TypeKind::Struct {
            fields,
            additional: None,
        },
        extra: None,
        // Its fields are the items of the group's lists: as hashable as the group.
        eq_hash: def.eq_hash,
        derives: def.derives.clone(),
    }
}

/// Every type name some operation, webhook or type refers to.
fn mentioned(
    operations: &[OperationDraft],
    webhooks: &[super::Webhook],
    defs: &[TypeDef],
) -> BTreeSet<String> {
    fn add(ty: &TypeRef, out: &mut BTreeSet<String>) {
        match ty {
            TypeRef::Named(name) => {
                out.insert(name.clone());
            }
            TypeRef::Array(inner) | TypeRef::Map(inner) => add(inner, out),
            TypeRef::String(_)
            | TypeRef::Integer(_)
            | TypeRef::Number
            | TypeRef::Boolean
            | TypeRef::Any => {}
        }
    }
    let mut out = BTreeSet::new();
    for op in operations {
        for p in &op.params {
            add(&p.ty, &mut out);
        }
        for f in op.body.iter().flat_map(|b| &b.fields) {
            add(&f.ty, &mut out);
        }
        for r in &op.responses {
            if let Some(ty) = &r.body {
                add(ty, &mut out);
            }
        }
    }
    for w in webhooks {
        if let Some(ty) = &w.payload {
            add(ty, &mut out);
        }
    }
    for def in defs {
        match &def.kind {
            TypeKind::Struct { fields, additional } => {
                for f in fields {
                    add(&f.ty, &mut out);
                }
                if let Some(ty) = additional {
                    add(ty, &mut out);
                }
            }
            TypeKind::Union { variants, .. } => {
                for v in variants {
                    add(&v.ty, &mut out);
                }
            }
            TypeKind::Enum { .. } => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Api, Method, ParamLocation};

    fn lower(yaml: &str, conventions: Conventions) -> Api {
        let loaded =
            crate::load::load_bytes(std::path::Path::new("t.yaml"), yaml.as_bytes(), false)
                .unwrap();
        let settings = crate::Settings::default().encoding(conventions);
        crate::ir::lower_api(&loaded, &settings, &mut Vec::new()).unwrap()
    }

    const SPEC: &str = r##"
openapi: 3.0.3
info: { title: T, version: 1.0.0 }
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - { name: path, in: query, allowReserved: true, schema: { type: string } }
        - name: addons
          in: query
          style: deepObject
          explode: true
          schema: { $ref: '#/components/schemas/Addons' }
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: { type: object, properties: {}, additionalProperties: false }
      responses: { '204': { description: done } }
    post:
      operationId: createThing
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                plain: { type: array, items: { type: string } }
                form: { type: array, items: { type: string } }
                flat: { type: array, items: { type: string } }
                deep: { type: array, items: { type: string } }
                json: { type: object, properties: { a: { type: string } } }
                reserved: { type: string }
                addons: { $ref: '#/components/schemas/Addons' }
            encoding:
              form:
                style: form
              flat:
                explode: false
              deep: { style: deepObject, explode: true }
              json: { contentType: application/json }
              reserved: { allowReserved: true }
              addons: { style: deepObject, explode: true }
      responses: { '204': { description: done } }
  /empty:
    post:
      operationId: touch
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: { type: object }
      responses: { '204': { description: done } }
components:
  schemas:
    Addons:
      type: object
      properties:
        id: { type: array, items: { type: string, maxLength: 100 } }
        quantity: { type: array, items: { type: integer, minimum: 1 } }
"##;

    #[test]
    fn form_fields_record_their_encoding_objects_with_openapi_defaults() {
        let api = lower(SPEC, Conventions::default());
        let create = &api.operations[1];
        let body = create.body.as_ref().unwrap();
        let e = |name: &str| body.encodings.iter().find(|e| e.name == name).unwrap();
        // No entry: form, exploded, not explicit (the settings key its lists).
        assert_eq!(
            (e("plain").style, e("plain").explode, e("plain").explicit),
            (ParamStyle::Form, true, false)
        );
        // `style: form` with `explode` left out: explode defaults to true.
        assert_eq!((e("form").explode, e("form").explicit), (true, true));
        // `explode: false` alone, which openapiv3 cannot tell from a missing `explode`.
        assert_eq!(
            (e("flat").style, e("flat").explode, e("flat").explicit),
            (ParamStyle::Form, false, true)
        );
        assert_eq!(e("deep").style, ParamStyle::DeepObject);
        assert!(e("json").json && !e("reserved").json);
        assert!(e("reserved").allow_reserved);
        assert_eq!(body.json_fields, ["json"]);
        assert_eq!(e("addons").group.as_ref().map(|g| g.members.len()), Some(2));
        let members = &e("addons").group.as_ref().unwrap().members;
        assert_eq!(members[0].constraints.max_length, Some(100));
        assert_eq!(members[1].constraints.minimum, Some(1.0));
        // Lists are keyed by the settings only where the spec says nothing.
        let lists: Vec<ArrayKeys> = ["plain", "form", "deep"].map(|n| e(n).list).to_vec();
        assert_eq!(
            lists,
            [ArrayKeys::Repeat, ArrayKeys::Repeat, ArrayKeys::Indexed]
        );
        let chargebee = lower(
            SPEC,
            Conventions {
                form_arrays: ArrayKeys::Indexed,
                nested_arrays: ArrayKeys::Brackets,
                ..Conventions::default()
            },
        );
        let body = chargebee.operations[1].body.as_ref().unwrap();
        let lists: Vec<ArrayKeys> = body.encodings.iter().take(4).map(|e| e.list).collect();
        assert_eq!(
            lists,
            [
                ArrayKeys::Indexed,
                ArrayKeys::Repeat,
                ArrayKeys::Repeat,
                ArrayKeys::Brackets
            ]
        );
        assert_eq!(body.encodings[0].nesting.arrays, ArrayKeys::Brackets);
    }

    #[test]
    fn empty_form_bodies_of_reads_are_dropped_and_others_have_no_fields() {
        let api = lower(SPEC, Conventions::default());
        let list = &api.operations[0];
        assert_eq!(list.method, Method::Get);
        assert!(list.body.is_none());
        let touch = &api.operations[2];
        assert!(touch.body.as_ref().is_some_and(|b| b.fields.is_empty()));
        assert!(touch.request.is_none() || touch.request_fields().next().is_none());
        let path = list.params.iter().find(|p| p.name == "path").unwrap();
        assert_eq!(
            (path.location, path.allow_reserved),
            (ParamLocation::Query, true)
        );
    }

    #[test]
    fn groups_stay_objects_of_lists_unless_the_settings_ask() {
        let api = lower(SPEC, Conventions::default());
        let addons = |api: &Api| {
            let op = &api.operations[1];
            op.body.as_ref().unwrap().fields[6].ty.clone()
        };
        assert_eq!(addons(&api), TypeRef::Named("Addons".into()));
        assert!(!api.operations[1].request.as_ref().unwrap().validated);

        let api = lower(
            SPEC,
            Conventions {
                multi_value_groups: true,
                ..Conventions::default()
            },
        );
        let entry = TypeRef::Array(Box::new(TypeRef::Named("Addon".into())));
        assert_eq!(addons(&api), entry);
        let param = api.operations[0]
            .params
            .iter()
            .find(|p| p.name == "addons")
            .unwrap();
        assert_eq!(param.ty, entry);
        assert_eq!(param.nesting.object_arrays, ObjectArrays::IndexLast);
        let body = api.operations[1].body.as_ref().unwrap();
        assert_eq!(
            body.encodings[6].nesting.object_arrays,
            ObjectArrays::IndexLast
        );
        assert_eq!(
            body.encodings[6].group.as_ref().unwrap().entry.as_deref(),
            Some("Addon")
        );
        // Other lists of objects keep the API's convention.
        assert_eq!(
            body.encodings[0].nesting.object_arrays,
            ObjectArrays::IndexFirst
        );
        // The entry: the lists' items, each optional, with the items' constraints; the group
        // type, used by nothing else, is gone.
        assert!(api.type_def("Addons").is_none());
        let Some(TypeKind::Struct { fields, .. }) = api.type_def("Addon").map(|t| &t.kind) else {
            panic!("no entry type");
        };
        let summary: Vec<String> = fields
            .iter()
            .map(|f| {
                format!(
                    "{}: {}{} {:?} {:?}",
                    f.name,
                    f.ty.rust_name(),
                    if f.required { "" } else { "?" },
                    f.constraints.max_length,
                    f.constraints.minimum,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                "id: String? Some(100) None",
                "quantity: i64? None Some(1.0)"
            ]
        );
        // Each entry has constraints to check: the request validates.
        assert!(api.operations[1].request.as_ref().unwrap().validated);
        assert!(api.operations[0].request.as_ref().unwrap().validated);
    }
}
