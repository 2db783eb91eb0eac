//! `oneOf`/`anyOf`, and base schemas with a `discriminator` whose children extend them with
//! `allOf`, to unions, with the tag that tells their alternatives apart: the discriminator's
//! property, or a property that is a single-value enum in every object alternative (Stripe's
//! `object`). Without a tag, the generated decoder picks the alternative a payload satisfies.

use std::collections::HashMap;

use indexmap::IndexMap;
use openapiv3::{Discriminator, ReferenceOr, Schema, SchemaKind, Type};

use super::{Lowerer, SchemaRef, MAX_SCHEMA_DEPTH};
use crate::diagnostic::{pointer, Diagnostic, Warning};
use crate::ir::names::{self, Scope};
use crate::ir::{TagKind, TagSource, TypeDef, TypeKind, TypeRef, UnionTag, UnionVariant};

/// One alternative before lowering.
struct Member<'a> {
    /// Where it is: a JSON pointer.
    at: String,
    schema: SchemaRef<'a>,
    /// The component it is (by `$ref`, or as a child of a base schema): its implicit tag.
    component: Option<String>,
}

/// The properties of an object schema (following `allOf`), in spec order.
type Properties<'a> = Vec<(&'a String, &'a ReferenceOr<Box<Schema>>)>;

impl<'a> Lowerer<'a> {
    /// A `oneOf`/`anyOf`.
    pub(super) fn union(
        &mut self,
        members: &'a [ReferenceOr<Schema>],
        members_at: &str,
        at: &str,
        hint: &str,
        schema: &'a Schema,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        let members = members
            .iter()
            .enumerate()
            .map(|(i, member)| Member {
                at: format!("{members_at}/{i}"),
                schema: member.into(),
                component: match member {
                    ReferenceOr::Reference { reference } => component_of(reference),
                    ReferenceOr::Item(_) => None,
                },
            })
            .collect();
        self.lower_union(members, at, hint, schema, depth)
    }

    /// A component with a `discriminator` that other components extend with `allOf`: used as
    /// a type, it means one of those children (OpenAPI's polymorphism). `None` for any other
    /// schema.
    pub(super) fn discriminated_base(
        &mut self,
        schema: &'a Schema,
        at: &str,
        hint: &str,
        depth: usize,
    ) -> Result<Option<TypeRef>, Diagnostic> {
        if schema.schema_data.discriminator.is_none() || !at.starts_with("#/components/schemas/") {
            return Ok(None);
        }
        let Some(components) = self.doc.components.as_ref() else {
            return Ok(None);
        };
        let members: Vec<Member<'a>> = components
            .schemas
            .iter()
            .filter_map(|(name, child)| {
                let ReferenceOr::Item(child) = child else {
                    return None;
                };
                let SchemaKind::AllOf { all_of } = &child.schema_kind else {
                    return None;
                };
                all_of
                    .iter()
                    .any(|m| matches!(m, ReferenceOr::Reference { reference } if reference == at))
                    .then(|| Member {
                        at: pointer(["components", "schemas", name]),
                        schema: SchemaRef::Inline(child),
                        component: Some(name.clone()),
                    })
            })
            .collect();
        if members.is_empty() {
            return Ok(None);
        }
        self.lower_union(members, at, hint, schema, depth).map(Some)
    }

    fn lower_union(
        &mut self,
        members: Vec<Member<'a>>,
        at: &str,
        hint: &str,
        schema: &'a Schema,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        let ident = self.type_scope.claim(names::type_name(hint));
        // Registered before the alternatives are lowered, so that one referring back to the
        // union finds it instead of recursing forever.
        self.memo
            .insert(at.to_owned(), TypeRef::Named(ident.clone()));
        let index = self.types.len();
        self.types.push(TypeDef {
            ident: ident.clone(),
            origin: at.to_owned(),
            description: schema.schema_data.description.clone(),
            deprecated: schema.schema_data.deprecated,
            kind: TypeKind::Union {
                variants: Vec::new(),
                tag: None,
            },
            extra: None,
            eq_hash: false,
            derives: Vec::new(),
        });
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        let mut targets = Vec::new();
        for (i, member) in members.iter().enumerate() {
            let (_, target) = self.deref(member.schema, &member.at)?;
            let base = match &member.component {
                Some(name) => names::type_name(name),
                None => kind_name(target).to_owned(),
            };
            let base = if base.is_empty() {
                format!("Variant{}", i + 1)
            } else {
                base
            };
            // A component (a base schema's child is reached inline) is named as itself.
            let member_hint = match &member.component {
                Some(name) => name.clone(),
                None => format!("{ident} {base}"),
            };
            let lowered = self.schema(member.schema, &member.at, &member_hint, depth + 1)?;
            variants.push(UnionVariant {
                ident: scope.claim(names::pascal(&base)),
                ty: lowered.ty,
                tags: Vec::new(),
            });
            targets.push(target);
        }
        let tag = match &schema.schema_data.discriminator {
            Some(discriminator) => {
                self.discriminator_tags(discriminator, &members, &targets, &mut variants, at);
                let property = &discriminator.property_name;
                // Integers when the property is one (in some alternative) and every value
                // reads as one; otherwise the values are the strings the mapping writes.
                let integer = targets.iter().any(|t| {
                    single_value(self, t, property, 0).is_some_and(|(_, k)| k == TagKind::Integer)
                }) && variants
                    .iter()
                    .flat_map(|v| &v.tags)
                    .all(|t| t.parse::<i64>().is_ok());
                Some(UnionTag {
                    property: property.clone(),
                    source: TagSource::Discriminator,
                    kind: if integer {
                        TagKind::Integer
                    } else {
                        TagKind::String
                    },
                    open: false,
                })
            }
            None => single_value_tag(self, &targets, &mut variants),
        };
        if let Some(def) = self.types.get_mut(index) {
            def.kind = TypeKind::Union { variants, tag };
        }
        Ok(TypeRef::Named(ident))
    }

    /// The tag values of each alternative of a discriminated union: the mapping's entries for
    /// it, else its own single-value enum for the property (how OpenAI writes `type`), else
    /// its component name (the implicit mapping). A value two alternatives claim (OpenAI's
    /// input and output `message`) chooses between them by fit.
    fn discriminator_tags(
        &mut self,
        discriminator: &'a Discriminator,
        members: &[Member<'a>],
        targets: &[&'a Schema],
        variants: &mut [UnionVariant],
        at: &str,
    ) {
        let property = &discriminator.property_name;
        let mapping: &IndexMap<String, String> = &discriminator.mapping;
        let mut claimed: Vec<(String, String)> = Vec::new();
        for ((member, target), variant) in members.iter().zip(targets).zip(variants.iter_mut()) {
            let mut tags: Vec<String> = mapping
                .iter()
                .filter(|(_, to)| {
                    member.component.is_some()
                        && (component_of(to).as_ref() == member.component.as_ref()
                            || Some(to.as_str()) == member.component.as_deref())
                })
                .map(|(value, _)| value.clone())
                .collect();
            if tags.is_empty() {
                tags.extend(single_value(self, target, property, 0).map(|(value, _)| value));
            }
            if tags.is_empty() && is_object(target) {
                tags.extend(member.component.clone());
            }
            for tag in &tags {
                match claimed.iter().find(|(seen, _)| seen == tag) {
                    Some((_, first)) => {
                        let message = format!(
                            "the tag `{tag}` of `{property}` names both `{first}` and `{}`; \
                             a payload tagged so decodes as the one it satisfies",
                            variant.ident
                        );
                        self.warnings.push(Warning {
                            pointer: at.to_owned(),
                            message,
                        });
                    }
                    None => claimed.push((tag.clone(), variant.ident.clone())),
                }
            }
            variant.tags = tags;
        }
        for (value, to) in mapping {
            let named = members.iter().any(|m| {
                m.component.is_some()
                    && (component_of(to) == m.component || Some(to) == m.component.as_ref())
            });
            if !named {
                self.warn(
                    &format!("{at}/discriminator/mapping"),
                    format!(
                        "the mapping `{value}: {to}` names no alternative of the union; \
                         the value decodes as an unknown tag"
                    ),
                );
            }
        }
    }
}

/// A property that is a single-value enum in every object alternative (at least two), with
/// distinct values: it tells them apart as a discriminator would. Properties are tried in
/// the first object alternative's order.
fn single_value_tag<'a>(
    lowerer: &Lowerer<'a>,
    targets: &[&'a Schema],
    variants: &mut [UnionVariant],
) -> Option<UnionTag> {
    let objects: Vec<usize> = (0..targets.len())
        .filter(|&i| is_object(targets[i]))
        .collect();
    let first = *objects.first()?;
    if objects.len() < 2 {
        return None;
    }
    let mut candidates = Vec::new();
    properties(lowerer, targets[first], 0, &mut candidates);
    for (property, _) in candidates {
        let values: Option<Vec<(String, TagKind)>> = objects
            .iter()
            .map(|&i| single_value(lowerer, targets[i], property, 0))
            .collect();
        let Some(values) = values else {
            continue;
        };
        let Some(&(_, kind)) = values.first() else {
            continue;
        };
        if values.iter().any(|(_, k)| *k != kind) {
            continue;
        }
        let values: Vec<String> = values.into_iter().map(|(value, _)| value).collect();
        let distinct = values
            .iter()
            .enumerate()
            .all(|(i, v)| !values[..i].contains(v));
        if !distinct {
            continue;
        }
        for (&i, value) in objects.iter().zip(values) {
            variants[i].tags = vec![value];
        }
        return Some(UnionTag {
            property: property.clone(),
            source: TagSource::SingleValue,
            kind,
            open: false,
        });
    }
    None
}

/// The one value a property of an object schema may take, as text, and its type: a string or
/// integer enum of one value (or a 3.1 `const`, read as one).
fn single_value<'a>(
    lowerer: &Lowerer<'a>,
    schema: &'a Schema,
    property: &str,
    depth: usize,
) -> Option<(String, TagKind)> {
    let mut found = Vec::new();
    properties(lowerer, schema, depth, &mut found);
    let (_, schema) = found
        .into_iter()
        .rev()
        .find(|(name, _)| *name == property)?;
    let (_, schema) = lowerer.deref(schema.into(), "").ok()?;
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => match s.enumeration.as_slice() {
            [Some(value)] => Some((value.clone(), TagKind::String)),
            _ => None,
        },
        SchemaKind::Type(Type::Integer(i)) => match i.enumeration.as_slice() {
            [Some(value)] => Some((value.to_string(), TagKind::Integer)),
            _ => None,
        },
        SchemaKind::Any(any) => match any.enumeration.as_slice() {
            [serde_json::Value::String(value)] => Some((value.clone(), TagKind::String)),
            [serde_json::Value::Number(value)] => {
                value.as_i64().map(|v| (v.to_string(), TagKind::Integer))
            }
            _ => None,
        },
        _ => None,
    }
}

/// Gathers an object schema's properties, following `allOf` members and `$ref`s.
fn properties<'a>(
    lowerer: &Lowerer<'a>,
    schema: &'a Schema,
    depth: usize,
    out: &mut Properties<'a>,
) {
    if depth > MAX_SCHEMA_DEPTH {
        return;
    }
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => out.extend(object.properties.iter()),
        SchemaKind::Any(any) => out.extend(any.properties.iter()),
        SchemaKind::AllOf { all_of } => {
            for member in all_of {
                if let Ok((_, member)) = lowerer.deref(member.into(), "") {
                    properties(lowerer, member, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

/// Whether a schema describes an object (the alternatives a tag can tell apart).
fn is_object(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(_)) | SchemaKind::AllOf { .. } => true,
        SchemaKind::Any(any) => !any.properties.is_empty() || any.typ.as_deref() == Some("object"),
        _ => false,
    }
}

/// The component a `$ref` (or a mapping value) names.
fn component_of(reference: &str) -> Option<String> {
    let name = reference.strip_prefix("#/components/schemas/")?;
    (!name.contains('/')).then(|| name.replace("~1", "/").replace("~0", "~"))
}

/// A name for an inline union member, from its type.
fn kind_name(schema: &Schema) -> &'static str {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(_)) => "String",
        SchemaKind::Type(Type::Integer(_)) => "Integer",
        SchemaKind::Type(Type::Number(_)) => "Number",
        SchemaKind::Type(Type::Boolean(_)) => "Boolean",
        SchemaKind::Type(Type::Array(_)) => "List",
        SchemaKind::Type(Type::Object(_)) | SchemaKind::AllOf { .. } => "Object",
        SchemaKind::OneOf { .. }
        | SchemaKind::AnyOf { .. }
        | SchemaKind::Not { .. }
        | SchemaKind::Any(_) => "",
    }
}

/// Warnings for the alternatives of a union chosen by fit that accept the same payloads: two
/// objects where a payload with the required properties of both (each of a type both
/// declare, no single-value property telling them apart) satisfies either. Decoding then
/// keeps the one declaring more of the payload's keys, the first on a tie, which may not be
/// what the API meant.
pub(super) fn overlap_warnings(types: &[TypeDef]) -> Vec<Warning> {
    let index: HashMap<&str, &TypeDef> = types.iter().map(|t| (t.ident.as_str(), t)).collect();
    let fields_of = |ty: &TypeRef| match ty {
        TypeRef::Named(name) => match index.get(name.as_str()).map(|def| &def.kind) {
            Some(TypeKind::Struct { fields, .. }) => Some(fields),
            _ => None,
        },
        _ => None,
    };
    let single = |ty: &TypeRef| match ty {
        TypeRef::Named(name) => match index.get(name.as_str()).map(|def| &def.kind) {
            Some(TypeKind::Enum { values, .. }) if values.len() == 1 => {
                values.first().map(|v| v.value.as_str())
            }
            _ => None,
        },
        _ => None,
    };
    let mut warnings = Vec::new();
    for def in types {
        let TypeKind::Union { variants, tag } = &def.kind else {
            continue;
        };
        // With a tag, only the alternatives without a tag value are chosen by fit.
        let by_fit: Vec<&UnionVariant> = variants
            .iter()
            .filter(|v| tag.is_none() || v.tags.is_empty())
            .collect();
        for (i, a) in by_fit.iter().enumerate() {
            for b in &by_fit[i + 1..] {
                let (Some(fa), Some(fb)) = (fields_of(&a.ty), fields_of(&b.ty)) else {
                    continue;
                };
                let both_accept = fa.iter().chain(fb.iter()).filter(|f| f.required).all(|f| {
                    let in_a = fa.iter().find(|x| x.name == f.name);
                    let in_b = fb.iter().find(|x| x.name == f.name);
                    matches!((in_a, in_b), (Some(x), Some(y))
                        if x.ty == y.ty && single(&x.ty) == single(&y.ty))
                });
                let told_apart = fa.iter().any(|x| {
                    fb.iter().any(|y| {
                        x.name == y.name
                            && matches!((single(&x.ty), single(&y.ty)), (Some(p), Some(q)) if p != q)
                    })
                });
                if both_accept && !told_apart {
                    warnings.push(Warning {
                        pointer: def.origin.clone(),
                        message: format!(
                            "the alternatives `{}` and `{}` of `{}` accept the same payloads; \
                             decoding keeps the one declaring more of a payload's keys, \
                             `{}` on a tie (add a `discriminator` to tell them apart)",
                            a.ty.rust_name(),
                            b.ty.rust_name(),
                            def.ident,
                            a.ty.rust_name()
                        ),
                    });
                }
            }
        }
    }
    warnings
}
