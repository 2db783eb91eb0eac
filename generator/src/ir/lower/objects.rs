//! Objects to structs, including `allOf` members merged into one struct.

use openapiv3::{AdditionalProperties, ReferenceOr, Schema, SchemaKind, Type};

use super::{field, Lowerer, MAX_SCHEMA_DEPTH};
use crate::diagnostic::Diagnostic;
use crate::ir::names::{self, Scope};
use crate::ir::{Field, TypeDef, TypeKind, TypeRef};

impl<'a> Lowerer<'a> {
    pub(super) fn structure(
        &mut self,
        schema: &'a Schema,
        at: &str,
        hint: &str,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        let mut parts = ObjectParts::default();
        if !self.collect_object(schema, at, depth, &mut parts)? {
            self.warn(
                at,
                "`allOf` mixes objects with other types; the value is kept as untyped JSON",
            );
            return Ok(TypeRef::Any);
        }
        if parts.properties.is_empty() && parts.additional.is_none() {
            return Ok(TypeRef::Any);
        }
        let ident = self.type_scope.claim(names::type_name(hint));
        // Registered before the fields are lowered, so that a property that refers back to
        // this schema finds it instead of recursing forever.
        self.memo
            .insert(at.to_owned(), TypeRef::Named(ident.clone()));
        let index = self.types.len();
        self.types.push(TypeDef {
            ident: ident.clone(),
            origin: at.to_owned(),
            description: schema.schema_data.description.clone().or(parts.description),
            deprecated: schema.schema_data.deprecated,
            kind: TypeKind::Struct {
                fields: Vec::new(),
                additional: None,
            },
            extra: None,
            eq_hash: false,
            derives: Vec::new(),
        });
        let mut scope = Scope::new();
        let mut fields: Vec<Field> = Vec::new();
        for (prop_at, name, prop) in parts.properties {
            self.slot(&prop_at, name);
            let lowered =
                self.schema(prop.into(), &prop_at, &format!("{ident} {name}"), depth + 1)?;
            let required = parts.required.contains(&name);
            match fields.iter_mut().find(|f| f.name == *name) {
                // A property repeated by a later allOf member refines the earlier one.
                Some(existing) => {
                    *existing = field(name, existing.ident.clone(), required, lowered)
                }
                None => fields.push(field(
                    name,
                    scope.claim(names::snake(name)),
                    required,
                    lowered,
                )),
            }
        }
        let additional = match parts.additional {
            Some((additional_at, values)) => Some(
                self.schema(
                    values.into(),
                    &additional_at,
                    &format!("{ident} Value"),
                    depth + 1,
                )?
                .ty,
            ),
            None => None,
        };
        if let Some(def) = self.types.get_mut(index) {
            def.kind = TypeKind::Struct { fields, additional };
        }
        Ok(TypeRef::Named(ident))
    }

    /// Gathers the properties of an object schema, following `allOf` members (and their
    /// `$ref`s). Returns false when a member is not an object, so the parts cannot merge.
    fn collect_object(
        &self,
        schema: &'a Schema,
        at: &str,
        depth: usize,
        parts: &mut ObjectParts<'a>,
    ) -> Result<bool, Diagnostic> {
        if depth > MAX_SCHEMA_DEPTH {
            return Err(self
                .error(
                    at,
                    format!("schemas nest more than {MAX_SCHEMA_DEPTH} levels deep here"),
                )
                .with_help("flatten the schema with named components"));
        }
        match &schema.schema_kind {
            SchemaKind::AllOf { all_of } => {
                for (i, member) in all_of.iter().enumerate() {
                    let (member_at, member) =
                        self.deref(member.into(), &format!("{at}/allOf/{i}"))?;
                    if parts.description.is_none() {
                        parts.description = member.schema_data.description.clone();
                    }
                    if !self.collect_object(member, &member_at, depth + 1, parts)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            SchemaKind::Type(Type::Object(object)) => {
                parts.add(at, &object.properties, &object.required);
                match &object.additional_properties {
                    Some(AdditionalProperties::Schema(values)) => {
                        parts.additional = Some((format!("{at}/additionalProperties"), values))
                    }
                    Some(AdditionalProperties::Any(true)) if !object.properties.is_empty() => {
                        parts.additional = Some((format!("{at}/additionalProperties"), &ANY_SCHEMA))
                    }
                    _ => {}
                }
                Ok(true)
            }
            SchemaKind::Any(any) => {
                parts.add(at, &any.properties, &any.required);
                Ok(any.typ.as_deref().is_none_or(|t| t == "object"))
            }
            SchemaKind::Type(_)
            | SchemaKind::OneOf { .. }
            | SchemaKind::AnyOf { .. }
            | SchemaKind::Not { .. } => Ok(false),
        }
    }
}

/// An untyped schema, standing in for `additionalProperties: true`.
static ANY_SCHEMA: std::sync::LazyLock<ReferenceOr<Schema>> = std::sync::LazyLock::new(|| {
    ReferenceOr::Item(Schema {
        schema_data: openapiv3::SchemaData::default(),
        schema_kind: SchemaKind::Any(openapiv3::AnySchema::default()),
    })
});

/// The properties gathered for one struct, with where each was declared.
#[derive(Default)]
struct ObjectParts<'a> {
    properties: Vec<(String, &'a String, &'a ReferenceOr<Box<Schema>>)>,
    required: Vec<&'a String>,
    additional: Option<(String, &'a ReferenceOr<Schema>)>,
    description: Option<String>,
}

impl<'a> ObjectParts<'a> {
    fn add(
        &mut self,
        at: &str,
        properties: &'a indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
        required: &'a [String],
    ) {
        for (name, schema) in properties {
            self.properties.push((
                format!("{at}/properties/{}", crate::diagnostic::escape_token(name)),
                name,
                schema,
            ));
        }
        self.required.extend(required);
    }
}
