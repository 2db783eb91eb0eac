//! Schemas to types: primitives, arrays, maps and enums here; objects in [`super::objects`],
//! unions in [`super::unions`].

use openapiv3::{
    AdditionalProperties, ReferenceOr, Schema, SchemaKind, Type, VariantOrUnknownOrEmpty,
};
use std::collections::HashSet;

use super::{Lowered, Lowerer, SchemaRef, MAX_SCHEMA_DEPTH};
use crate::diagnostic::Diagnostic;
use crate::ir::names::{self, Scope};
use crate::ir::{
    Constraints, Dates, EnumValue, IntegerFormat, StringFormat, TypeDef, TypeKind, TypeRef,
};

impl<'a> Lowerer<'a> {
    /// Lowers a schema used somewhere; `hint` names any type it needs.
    pub(super) fn schema(
        &mut self,
        schema: SchemaRef<'a>,
        at: &str,
        hint: &str,
        depth: usize,
    ) -> Result<Lowered, Diagnostic> {
        if depth > MAX_SCHEMA_DEPTH {
            return Err(self
                .error(
                    at,
                    format!("schemas nest more than {MAX_SCHEMA_DEPTH} levels deep here"),
                )
                .with_help("flatten the schema with named components"));
        }
        let (target_at, target) = self.deref(schema, at)?;
        let by_ref = matches!(schema, SchemaRef::Ref(_));
        let hint = match (by_ref, target_at.strip_prefix("#/components/schemas/")) {
            (true, Some(name)) => name.replace("~1", "/").replace("~0", "~"),
            _ => hint.to_owned(),
        };
        let data = &target.schema_data;
        let ty = match self.memo.get(&target_at) {
            Some(ty) => ty.clone(),
            None => self.schema_type(target, &target_at, &hint, depth)?,
        };
        let mut constraints = constraints_of(target);
        if by_ref {
            // The use site describes itself; the type's own description stays on the type.
            constraints.default = None;
            constraints.example = None;
        }
        // A `$ref` keeps its own description only as a sibling (recorded when loading).
        let description = if by_ref {
            self.loaded.ref_descriptions.get(at).cloned()
        } else {
            data.description.clone()
        };
        Ok(Lowered {
            ty,
            nullable: data.nullable,
            description,
            deprecated: data.deprecated,
            constraints,
        })
    }

    /// The format of a string that is neither an enum nor Base64: dates are typed unless the
    /// settings keep them as text.
    fn string_format(
        &self,
        format: &VariantOrUnknownOrEmpty<openapiv3::StringFormat>,
    ) -> StringFormat {
        match (format, self.settings.types.dates) {
            (VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::DateTime), Dates::Chrono) => {
                StringFormat::DateTime
            }
            (VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::Date), Dates::Chrono) => {
                StringFormat::Date
            }
            _ => StringFormat::Plain,
        }
    }

    fn schema_type(
        &mut self,
        schema: &'a Schema,
        at: &str,
        hint: &str,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        let polymorphic = !matches!(
            schema.schema_kind,
            SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. }
        );
        if polymorphic {
            // A base schema whose children extend it: as a type, it is one of them.
            if let Some(ty) = self.discriminated_base(schema, at, hint, depth)? {
                self.memo.insert(at.to_owned(), ty.clone());
                return Ok(ty);
            }
        }
        let ty = match &schema.schema_kind {
            // An untyped schema listing only strings (`const: gadget` in 3.1) is a string enum.
            SchemaKind::Any(any)
                if any.properties.is_empty()
                    && !any.enumeration.is_empty()
                    && any.typ.as_deref().is_none_or(|t| t == "string")
                    && any.enumeration.iter().all(serde_json::Value::is_string) =>
            {
                let values: Vec<String> = any
                    .enumeration
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect();
                self.enum_type(&values, schema, at, hint)
            }
            SchemaKind::Type(Type::String(s)) => {
                let values: Vec<String> = s.enumeration.iter().flatten().cloned().collect();
                if !values.is_empty() {
                    self.enum_type(&values, schema, at, hint)
                } else if matches!(
                    s.format,
                    VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::Byte)
                ) {
                    TypeRef::String(StringFormat::Base64)
                } else {
                    TypeRef::String(self.string_format(&s.format))
                }
            }
            SchemaKind::Type(Type::Integer(i)) => TypeRef::Integer(match &i.format {
                VariantOrUnknownOrEmpty::Item(openapiv3::IntegerFormat::Int32) => {
                    IntegerFormat::Int32
                }
                VariantOrUnknownOrEmpty::Unknown(f) if f == "unix-time" => IntegerFormat::UnixTime,
                _ => IntegerFormat::Int64,
            }),
            SchemaKind::Type(Type::Number(_)) => TypeRef::Number,
            SchemaKind::Type(Type::Boolean(_)) => TypeRef::Boolean,
            SchemaKind::Type(Type::Array(array)) => match &array.items {
                Some(items) => {
                    let item_hint = names::singular(hint);
                    let items_at = format!("{at}/items");
                    if let Some(slot) = self.slots.get(at) {
                        // The items of `addons` are each an addon.
                        self.slots.insert(items_at.clone(), names::singular(slot));
                    }
                    TypeRef::Array(Box::new(
                        self.schema(items.into(), &items_at, &item_hint, depth + 1)?
                            .ty,
                    ))
                }
                None => TypeRef::Array(Box::new(TypeRef::Any)),
            },
            SchemaKind::Type(Type::Object(object)) => {
                if object.properties.is_empty() {
                    match &object.additional_properties {
                        Some(AdditionalProperties::Schema(values)) => {
                            let values: &'a ReferenceOr<Schema> = values;
                            TypeRef::Map(Box::new(
                                self.schema(
                                    values.into(),
                                    &format!("{at}/additionalProperties"),
                                    &format!("{hint} Value"),
                                    depth + 1,
                                )?
                                .ty,
                            ))
                        }
                        _ => TypeRef::Any,
                    }
                } else {
                    self.structure(schema, at, hint, depth)?
                }
            }
            SchemaKind::Any(any) if !any.properties.is_empty() => {
                self.structure(schema, at, hint, depth)?
            }
            SchemaKind::Any(_) => TypeRef::Any,
            // `allOf` with one member is how a `$ref` gets nullable or a description of its
            // own: it is that member's type.
            // A lone member with a discriminator is the base of a polymorphic union, not an
            // alias: the schema is one of its variants (Twitter's `allOf: [Problem]`, mapped
            // from `Problem`'s discriminator), a struct of the base's fields; as an alias the
            // union would hold itself.
            SchemaKind::AllOf { all_of }
                if all_of.len() == 1 && !self.is_polymorphic_base(&all_of[0], at) =>
            {
                let member_at = format!("{at}/allOf/0");
                if let Some(slot) = self.slots.get(at) {
                    self.slots.insert(member_at.clone(), slot.clone());
                }
                self.schema((&all_of[0]).into(), &member_at, hint, depth + 1)?
                    .ty
            }
            SchemaKind::AllOf { .. } => self.structure(schema, at, hint, depth)?,
            SchemaKind::OneOf { one_of: members } | SchemaKind::AnyOf { any_of: members } => {
                let keyword = if matches!(schema.schema_kind, SchemaKind::OneOf { .. }) {
                    "oneOf"
                } else {
                    "anyOf"
                };
                self.union(members, &format!("{at}/{keyword}"), at, hint, schema, depth)?
            }
            SchemaKind::Not { .. } => {
                self.warn(at, "a `not` schema cannot be expressed as a Rust type; the value is kept as untyped JSON");
                TypeRef::Any
            }
        };
        self.memo.insert(at.to_owned(), ty.clone());
        Ok(ty)
    }

    /// Whether `member` (of the `allOf` at `at`) is a `$ref` to a schema with a discriminator.
    fn is_polymorphic_base(&self, member: &'a ReferenceOr<Schema>, at: &str) -> bool {
        matches!(member, ReferenceOr::Reference { .. })
            && self
                .deref(member.into(), &format!("{at}/allOf/0"))
                .is_ok_and(|(_, base)| base.schema_data.discriminator.is_some())
    }

    fn enum_type(&mut self, values: &[String], schema: &Schema, at: &str, hint: &str) -> TypeRef {
        let ident = self.type_scope.claim(names::type_name(hint));
        let docs = super::enum_docs::value_docs(schema, values);
        self.types.push(TypeDef {
            ident: ident.clone(),
            origin: at.to_owned(),
            description: docs.description,
            deprecated: schema.schema_data.deprecated,
            kind: TypeKind::Enum {
                values: enum_values(values, &docs.values),
                open: false,
            },
            extra: None,
            eq_hash: false,
            derives: Vec::new(),
        });
        TypeRef::Named(ident)
    }
}

fn constraints_of(schema: &Schema) -> Constraints {
    let data = &schema.schema_data;
    let mut c = Constraints {
        default: data.default.as_ref().map(|v| v.to_string()),
        example: data
            .example
            .as_ref()
            .filter(|v| !v.is_null())
            .map(|v| v.to_string()),
        ..Constraints::default()
    };
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            c.min_length = s.min_length;
            c.max_length = s.max_length;
            c.pattern = s.pattern.clone();
            c.format = format_name(&s.format);
        }
        SchemaKind::Type(Type::Integer(i)) => {
            c.minimum = i.minimum.map(|m| m as f64);
            c.maximum = i.maximum.map(|m| m as f64);
            c.format = format_name(&i.format);
        }
        SchemaKind::Type(Type::Number(n)) => {
            c.minimum = n.minimum;
            c.maximum = n.maximum;
            c.format = format_name(&n.format);
        }
        _ => {}
    }
    c
}

/// The `format` as the spec spells it.
fn format_name<T: std::fmt::Debug>(format: &VariantOrUnknownOrEmpty<T>) -> Option<String> {
    match format {
        VariantOrUnknownOrEmpty::Item(known) => Some(
            format!("{known:?}")
                .to_lowercase()
                .replace("datetime", "date-time"),
        ),
        VariantOrUnknownOrEmpty::Unknown(other) => Some(other.clone()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

/// The values of an enum, each once, with the descriptions found for them.
pub(super) fn enum_values(
    values: &[String],
    descriptions: &std::collections::HashMap<String, String>,
) -> Vec<EnumValue> {
    let mut scope = Scope::new();
    let mut seen = HashSet::new();
    values
        .iter()
        .filter(|v| seen.insert(v.as_str()))
        .map(|v| EnumValue {
            value: v.clone(),
            ident: scope.claim(names::pascal(v)),
            description: descriptions.get(v).cloned(),
        })
        .collect()
}
