//! `oneOf`/`anyOf` to untagged enums.

use openapiv3::{ReferenceOr, Schema, SchemaKind, Type};

use super::Lowerer;
use crate::diagnostic::Diagnostic;
use crate::ir::names::{self, Scope};
use crate::ir::{TypeDef, TypeKind, TypeRef, UnionVariant};

impl<'a> Lowerer<'a> {
    /// A `oneOf`/`anyOf` as an untagged enum: decoding tries the alternatives in order.
    pub(super) fn union(
        &mut self,
        members: &'a [ReferenceOr<Schema>],
        members_at: &str,
        at: &str,
        hint: &str,
        schema: &'a Schema,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        let ident = self.type_scope.claim(names::type_name(hint));
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
            },
            extra: None,
            eq_hash: false,
        });
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        for (i, member) in members.iter().enumerate() {
            let member_at = format!("{members_at}/{i}");
            let base = match member {
                ReferenceOr::Reference { reference } => reference
                    .rsplit('/')
                    .next()
                    .map(names::type_name)
                    .unwrap_or_default(),
                ReferenceOr::Item(item) => kind_name(item).to_owned(),
            };
            let base = if base.is_empty() {
                format!("Variant{}", i + 1)
            } else {
                base
            };
            let lowered = self.schema(
                member.into(),
                &member_at,
                &format!("{ident} {base}"),
                depth + 1,
            )?;
            variants.push(UnionVariant {
                ident: scope.claim(names::pascal(&base)),
                ty: lowered.ty,
            });
        }
        if let Some(def) = self.types.get_mut(index) {
            def.kind = TypeKind::Union { variants };
        }
        Ok(TypeRef::Named(ident))
    }
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
