//! `[types] unknown-fields = "keep"`: which structs keep the properties the spec does not
//! declare ([`crate::ir::TypeDef::extra`]).

use super::draft::OperationDraft;
use super::reach::{reachable, sent_in_forms};
use crate::ir::{TypeDef, TypeKind, TypeRef};
use crate::settings::UnknownFields;

/// Gives every struct read from responses or webhooks an `extra` map, unless it declares
/// `additionalProperties` (which already holds the rest) or is sent in a form.
pub(super) fn keep_unknown_fields(
    setting: UnknownFields,
    types: &mut [TypeDef],
    received: &[&TypeRef],
    operations: &[OperationDraft],
) {
    if setting == UnknownFields::Drop {
        return;
    }
    let received = reachable(types, received.iter().copied());
    let formed = sent_in_forms(types, operations);
    for def in types.iter_mut() {
        if !received.contains(&def.ident) || formed.contains(&def.ident) {
            continue;
        }
        if let TypeKind::Struct {
            fields,
            additional: None,
        } = &def.kind
        {
            let mut name = "extra".to_owned();
            while fields.iter().any(|f| f.ident == name) {
                name.push('_');
            }
            def.extra = Some(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::ir::TypeKind;
    use crate::settings::{Settings, UnknownFields};

    const SPEC: &str = "openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /pets:
    post:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                filter: {$ref: '#/components/schemas/Filter'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Page'}
components:
  schemas:
    Page:
      type: object
      properties:
        pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}
        labels: {type: object, additionalProperties: {type: string}}
        filter: {$ref: '#/components/schemas/Filter'}
    Pet:
      type: object
      properties:
        extra: {type: string}
    Filter:
      type: object
      properties:
        name: {type: string}
";

    fn extras(setting: UnknownFields) -> Vec<(String, Option<String>)> {
        let loaded = crate::load::load_bytes(Path::new("t.yaml"), SPEC.as_bytes(), false).unwrap();
        let settings = Settings::default().unknown_fields(setting);
        let api = crate::ir::lower_api(&loaded, &settings, &mut Vec::new()).unwrap();
        api.types
            .iter()
            .filter(|t| matches!(t.kind, TypeKind::Struct { .. }))
            .map(|t| (t.ident.clone(), t.extra.clone()))
            .collect()
    }

    #[test]
    fn structs_read_from_responses_keep_what_the_spec_does_not_declare() {
        let kept = extras(UnknownFields::Keep);
        let extra_of = |name: &str| {
            kept.iter()
                .find(|(ident, _)| ident == name)
                .map(|(_, extra)| extra.clone())
        };
        assert_eq!(extra_of("Page"), Some(Some("extra".to_owned())));
        // A property named `extra` already: the map takes the next free name.
        assert_eq!(extra_of("Pet"), Some(Some("extra_".to_owned())));
        // Sent in a form too: forms have no room for arbitrary properties.
        assert_eq!(extra_of("Filter"), Some(None));
        // By default nothing changes.
        assert!(extras(UnknownFields::Drop)
            .iter()
            .all(|(_, extra)| extra.is_none()));
    }
}
