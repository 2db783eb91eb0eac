//! What sits beside a `$ref`: the 3.0 model reads only the `$ref` itself.
//!
//! A description beside it is kept for the lowering stage ([`super::Normalized::ref_descriptions`]);
//! siblings that only annotate the use site go quietly, and those that would change what the
//! object means (a schema's validation keywords, a path item's operations) are dropped with a
//! warning, so that nothing is lost without a word.

use serde_json::{Map, Value};

use super::Walker;
use crate::load::positions::Kind;

/// Keywords beside a schema `$ref` that 3.0 specs routinely write to annotate the use site;
/// dropping them loses no validation, so they go without a warning.
const QUIET_REF_SIBLINGS: &[&str] = &[
    "description",
    "example",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "title",
    "default",
    "nullable",
    "$comment",
];

impl Walker<'_> {
    /// A `$ref` outside a schema: the model reads only `$ref`, and the siblings there
    /// (`name`, `in`, `schema`, …) restate the target, so they go quietly. A path item is the
    /// exception: 3.0 lets it add operations beside its `$ref`, and those would be lost.
    pub(super) fn reference(&mut self, kind: Kind, object: &mut Map<String, Value>) {
        if object.len() == 1 {
            return;
        }
        self.keep_ref_description(object);
        if kind == Kind::PathItem {
            let ignored = siblings_except(object, &["summary", "description"]);
            self.warn_ignored_siblings(&ignored);
        }
        object.retain(|key, _| key == "$ref");
    }

    pub(super) fn schema_reference(&mut self, object: &mut Map<String, Value>) {
        if object.len() == 1 {
            return;
        }
        self.keep_ref_description(object);
        let ignored = siblings_except(object, QUIET_REF_SIBLINGS);
        self.warn_ignored_siblings(&ignored);
        object.retain(|key, _| key == "$ref");
    }

    fn keep_ref_description(&mut self, object: &Map<String, Value>) {
        if let Some(Value::String(description)) = object.get("description") {
            self.normalized
                .ref_descriptions
                .insert(self.here(), description.clone());
        }
    }

    fn warn_ignored_siblings(&mut self, ignored: &[String]) {
        let names = ignored
            .iter()
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ");
        match ignored.len() {
            0 => {}
            1 => self.warn(format!("`$ref` sibling {names} is ignored")),
            _ => self.warn(format!("`$ref` siblings {names} are ignored")),
        }
    }
}

fn siblings_except(object: &Map<String, Value>, quiet: &[&str]) -> Vec<String> {
    object
        .keys()
        .filter(|key| *key != "$ref" && !quiet.contains(&key.as_str()))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::json;

    use super::super::tests::{run, run_schema, with_schema, AT_S};

    #[test]
    fn schema_ref_keeps_only_ref_records_description_and_warns_about_validating_siblings() {
        let (document, warnings, normalized) = run(with_schema(json!({
            "type": "object",
            "properties": {
                "customer": {"$ref": "#/components/schemas/Customer", "description": "The payer.", "nullable": true, "readOnly": true},
                "invoice": {"$ref": "#/components/schemas/Invoice", "type": "object", "maxLength": 3, "title": "I"},
                "plain": {"$ref": "#/components/schemas/Plain"}
            }
        })));
        let properties = &document["components"]["schemas"]["S"]["properties"];
        assert_eq!(
            properties["customer"],
            json!({"$ref": "#/components/schemas/Customer"})
        );
        assert_eq!(
            properties["invoice"],
            json!({"$ref": "#/components/schemas/Invoice"})
        );
        assert_eq!(
            properties["plain"],
            json!({"$ref": "#/components/schemas/Plain"})
        );
        let expected: BTreeMap<String, String> = [(
            format!("{AT_S}/properties/customer"),
            "The payer.".to_owned(),
        )]
        .into_iter()
        .collect();
        assert_eq!(normalized.ref_descriptions, expected);
        assert_eq!(
            warnings,
            vec![(
                format!("{AT_S}/properties/invoice"),
                "`$ref` siblings `type`, `maxLength` are ignored".into()
            )]
        );
    }

    #[test]
    fn a_single_validating_ref_sibling_is_named_in_the_singular() {
        let (_, warnings) =
            run_schema(json!({"allOf": [{"$ref": "#/components/schemas/A", "minimum": 1}]}));
        assert_eq!(
            warnings,
            vec![(
                format!("{AT_S}/allOf/0"),
                "`$ref` sibling `minimum` is ignored".into()
            )]
        );
    }

    #[test]
    fn parameter_response_and_body_ref_siblings_go_quietly() {
        let (document, warnings, normalized) = run(json!({
            "openapi": "3.1.0",
            "paths": {"/pets/{id}": {"get": {
                "parameters": [{"$ref": "#/components/parameters/id", "name": "id", "in": "path",
                                "description": "The pet.", "schema": {"type": "string"}, "style": "simple"}],
                "requestBody": {"$ref": "#/components/requestBodies/Pet", "required": true},
                "responses": {"200": {"$ref": "#/components/responses/Pet", "summary": "OK", "description": "A pet."}}
            }}}
        }));
        let get = &document["paths"]["/pets/{id}"]["get"];
        assert_eq!(
            get["parameters"][0],
            json!({"$ref": "#/components/parameters/id"})
        );
        assert_eq!(
            get["requestBody"],
            json!({"$ref": "#/components/requestBodies/Pet"})
        );
        assert_eq!(
            get["responses"]["200"],
            json!({"$ref": "#/components/responses/Pet"})
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let described: Vec<&str> = normalized
            .ref_descriptions
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            described,
            [
                "#/paths/~1pets~1{id}/get/parameters/0",
                "#/paths/~1pets~1{id}/get/responses/200"
            ]
        );
    }

    #[test]
    fn a_path_item_ref_beside_operations_warns_that_they_are_lost() {
        let (document, warnings, _) = run(json!({
            "openapi": "3.0.3",
            "paths": {"/a": {"$ref": "other.yaml#/a", "summary": "A", "get": {"responses": {}}}}
        }));
        assert_eq!(document["paths"]["/a"], json!({"$ref": "other.yaml#/a"}));
        assert_eq!(
            warnings,
            vec![(
                "#/paths/~1a".into(),
                "`$ref` sibling `get` is ignored".into()
            )]
        );
    }
}
