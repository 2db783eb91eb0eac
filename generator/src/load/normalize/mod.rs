//! Rewriting an OpenAPI 3.1 (or loosely written 3.0) document into what the 3.0 model reads.
//!
//! `openapiv3` models OpenAPI 3.0 only, and serde skips fields it does not know, so a 3.1
//! document would either fail to deserialize (`type: [string, "null"]`, a numeric
//! `exclusiveMinimum`) or load with parts quietly missing (`const`, `prefixItems`, webhooks).
//! This pass runs on the `serde_json::Value` between parsing and deserializing: it rewrites
//! what has an exact 3.0 spelling, hands what the lowering stage still needs back in
//! [`Normalized`], and leaves a [`Warning`] for everything else.
//!
//! The walk follows the OpenAPI structure (paths → operations → parameters → schemas …)
//! instead of visiting every object, because one key means different things in different
//! places: `properties` is a map of names, not a schema; `examples` is a map of Example
//! objects beside a media type but an array inside a schema; example and default values are
//! arbitrary JSON that must come out exactly as written.
//!
//! Pointers in warnings and in [`Normalized::ref_descriptions`] name nodes of the rewritten
//! document; they equal the source pointers except where a rewrite moved a node (a nullable
//! `anyOf` folded into its parent), and the loader's `locate` falls back to the nearest
//! ancestor there.
//!
//! The work is split by what is rewritten: `references` handles what sits beside a `$ref`,
//! `schema` the JSON Schema keywords, `types` `type` lists, `nullable` null alternatives
//! folded into `nullable: true`, and `loose` what loosely written 3.0 specs get wrong.

mod const_enum;
mod loose;
mod nullable;
mod references;
mod schema;
mod types;

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::positions::{child_of, Child, Kind, Names};
use crate::diagnostic::{pointer, Warning};

/// What normalizing took out of the document for the lowering stage to use.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalized {
    /// Descriptions written beside a `$ref` (allowed in 3.1, common in 3.0 specs too), keyed by
    /// the JSON pointer of the object holding the `$ref` (e.g.
    /// `#/components/schemas/Invoice/properties/customer`). The `$ref` object itself keeps only `$ref`.
    pub ref_descriptions: BTreeMap<String, String>,
    /// The top-level `webhooks` object of a 3.1 document, removed from the document (openapiv3
    /// does not model it); `None` when absent.
    pub webhooks: Option<Value>,
}

/// Rewrites `document` in place into what the OpenAPI 3.0 model can read, appending a warning
/// (with the JSON pointer of the node) for everything that cannot be carried over exactly.
///
/// Warnings come in document order. Input that is not shaped like OpenAPI is left as it is
/// for deserialization to report; this function never panics.
pub fn normalize(document: &mut Value, warnings: &mut Vec<Warning>) -> Normalized {
    let mut walker = Walker {
        path: Vec::new(),
        warnings,
        normalized: Normalized::default(),
    };
    walker.document(document);
    walker.normalized
}

/// Deeper than this (in JSON pointer tokens) the walk stops. Parsed specs cannot get near it
/// (serde_json and serde_yaml refuse nesting beyond 128), but a `Value` built in code can, and
/// the walk is recursive.
const MAX_DEPTH: usize = 256;

/// The version written over a 3.1 `openapi` field, so that nothing downstream takes the
/// rewritten document for 3.1.
const TARGET_VERSION: &str = "3.0.3";

/// The dialect a 3.1 document uses when it names none; declaring it changes nothing.
const STANDARD_DIALECT: &str = "https://spec.openapis.org/oas/3.1/dialect/base";

/// The warning for a schema that admits only null, however it says so (`type` or
/// alternatives).
const ONLY_NULL: &str = "a schema that is only null is kept as untyped JSON";

/// How the model reads a `$ref` at an object of some kind.
enum Refs {
    /// As a reference (`ReferenceOr<T>`).
    Read,
    /// Not at all: deserializing would fail.
    Unreadable,
    /// Not a reference position; `$ref` is an unknown field there.
    NotApplicable,
}

// Kept here, not with the grammar of positions: only normalizing cares what the 3.0 model
// can read, and bundling must not depend on it.
impl Kind {
    fn refs(self) -> Refs {
        match self {
            Kind::PathItem
            | Kind::Parameter
            | Kind::RequestBody
            | Kind::Response
            | Kind::Header
            | Kind::Callback
            | Kind::Schema
            | Kind::Example
            | Kind::Link
            | Kind::SecurityScheme => Refs::Read,
            Kind::InlineCallback | Kind::CallbackPathItem => Refs::Unreadable,
            Kind::Document
            | Kind::Operation
            | Kind::MediaType
            | Kind::Encoding
            | Kind::Components => Refs::NotApplicable,
        }
    }
}

struct Walker<'w> {
    /// Reference tokens (unescaped) from the root to the node being visited.
    path: Vec<String>,
    warnings: &'w mut Vec<Warning>,
    normalized: Normalized,
}

impl Walker<'_> {
    fn here(&self) -> String {
        pointer(self.path.iter().map(String::as_str))
    }

    fn warn(&mut self, message: impl Into<String>) {
        let pointer = self.here();
        self.warnings.push(Warning {
            pointer,
            message: message.into(),
        });
    }

    /// Visits `value`, found under `token`, with the path extended; the only place the walk
    /// goes one level deeper, so the depth limit is checked here.
    fn enter(&mut self, token: &str, value: &mut Value, visit: impl FnOnce(&mut Self, &mut Value)) {
        self.path.push(token.to_owned());
        if self.path.len() > MAX_DEPTH {
            self.warn(format!(
                "nesting deeper than {MAX_DEPTH} levels is not normalized"
            ));
        } else {
            visit(self, value);
        }
        self.path.pop();
    }

    fn descend(&mut self, object: &mut Map<String, Value>, key: &str, child: Child) {
        if let Some(value) = object.get_mut(key) {
            self.enter(key, value, |walker, value| walker.visit_child(child, value));
        }
    }

    fn document(&mut self, document: &mut Value) {
        let Some(root) = document.as_object_mut() else {
            return;
        };
        let is_31 = root
            .get("openapi")
            .and_then(Value::as_str)
            .is_some_and(|v| v.starts_with("3.1."));
        for (key, value) in root.iter_mut() {
            match key.as_str() {
                "openapi" if is_31 => *value = Value::String(TARGET_VERSION.to_owned()),
                "jsonSchemaDialect" => {
                    self.enter(key, value, |walker, dialect| walker.dialect(dialect))
                }
                // `paths`, `webhooks` and `components`.
                _ => {
                    if let Some(child) = child_of(Kind::Document, key) {
                        self.enter(key, value, |walker, value| walker.visit_child(child, value));
                    }
                }
            }
        }
        root.shift_remove("jsonSchemaDialect");
        self.normalized.webhooks = root.shift_remove("webhooks");
        // 3.1 made `paths` optional (a document may hold only webhooks or components); the
        // 3.0 model still requires it, and an empty one says the same thing.
        if is_31 && !root.contains_key("paths") {
            root.insert("paths".to_owned(), Value::Object(Map::new()));
        }
    }

    fn dialect(&mut self, dialect: &Value) {
        if dialect.as_str() != Some(STANDARD_DIALECT) {
            self.warn(format!(
                "`jsonSchemaDialect` {} is not the OpenAPI 3.1 dialect and is ignored; schemas are read as OpenAPI 3.0 schemas",
                display(dialect)
            ));
        }
    }

    fn visit_child(&mut self, child: Child, value: &mut Value) {
        match child {
            Child::One(kind) => self.visit(kind, value),
            Child::Map(kind, names) => {
                let Some(map) = value.as_object_mut() else {
                    return;
                };
                for (key, value) in map.iter_mut() {
                    if names == Names::Extensible && key.starts_with("x-") {
                        continue;
                    }
                    self.enter(key, value, |walker, value| walker.visit(kind, value));
                }
            }
            Child::List(kind) => {
                let Some(list) = value.as_array_mut() else {
                    return;
                };
                for (index, value) in list.iter_mut().enumerate() {
                    self.enter(&index.to_string(), value, |walker, value| {
                        walker.visit(kind, value)
                    });
                }
            }
        }
    }

    fn visit(&mut self, kind: Kind, value: &mut Value) {
        if kind == Kind::Schema {
            return self.schema(value);
        }
        let Some(object) = value.as_object_mut() else {
            return;
        };
        if matches!(object.get("$ref"), Some(Value::String(_))) {
            match kind.refs() {
                Refs::Read => return self.reference(kind, object),
                Refs::Unreadable => {
                    object.clear();
                    return self.warn(
                        "a `$ref` to a callback or to a path item inside a callback cannot be read by the OpenAPI 3.0 model and is ignored",
                    );
                }
                Refs::NotApplicable => {}
            }
        }
        for (key, value) in object.iter_mut() {
            if let Some(child) = child_of(kind, key) {
                self.enter(key, value, |walker, value| walker.visit_child(child, value));
            }
        }
    }
}

fn display(value: &Value) -> String {
    match value {
        Value::String(text) => format!("`{text}`"),
        other => format!("`{other}`"),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    pub(super) const AT_S: &str = "#/components/schemas/S";

    /// Normalizes `document`; warnings as `(pointer, message)` for short assertions.
    pub(super) fn run(mut document: Value) -> (Value, Vec<(String, String)>, Normalized) {
        let mut warnings = Vec::new();
        let normalized = normalize(&mut document, &mut warnings);
        let warnings = warnings
            .into_iter()
            .map(|w| (w.pointer, w.message))
            .collect();
        (document, warnings, normalized)
    }

    pub(super) fn with_schema(schema: Value) -> Value {
        json!({
            "openapi": "3.1.0",
            "info": {"title": "T", "version": "1"},
            "paths": {},
            "components": {"schemas": {"S": schema}}
        })
    }

    /// Normalizes one component schema and returns it with the warnings.
    pub(super) fn run_schema(schema: Value) -> (Value, Vec<(String, String)>) {
        let (document, warnings, _) = run(with_schema(schema));
        (document["components"]["schemas"]["S"].clone(), warnings)
    }

    pub(super) fn messages(warnings: &[(String, String)]) -> Vec<&str> {
        warnings
            .iter()
            .map(|(_, message)| message.as_str())
            .collect()
    }

    #[test]
    fn version_31_becomes_303_and_30_is_left_alone() {
        let (document, warnings, _) = run(json!({"openapi": "3.1.1", "info": {}, "paths": {}}));
        assert_eq!(document["openapi"], "3.0.3");
        assert!(warnings.is_empty());
        let (document, _, _) = run(json!({"openapi": "3.0.1", "info": {}, "paths": {}}));
        assert_eq!(document["openapi"], "3.0.1");
    }

    #[test]
    fn a_31_document_without_paths_gets_empty_paths() {
        let (document, _, _) = run(json!({"openapi": "3.1.0", "info": {}, "webhooks": {}}));
        assert_eq!(document["paths"], json!({}));
        // In 3.0 a missing `paths` is an error the model should report.
        let (document, _, _) = run(json!({"openapi": "3.0.3", "info": {}}));
        assert!(document.get("paths").is_none());
    }

    #[test]
    fn standard_dialect_is_dropped_quietly_and_others_with_a_warning() {
        let (document, warnings, _) =
            run(json!({"openapi": "3.1.0", "jsonSchemaDialect": STANDARD_DIALECT, "paths": {}}));
        assert!(document.get("jsonSchemaDialect").is_none());
        assert!(warnings.is_empty());
        let custom = "https://json-schema.org/draft/2020-12/schema";
        let (document, warnings, _) =
            run(json!({"openapi": "3.1.0", "jsonSchemaDialect": custom, "paths": {}}));
        assert!(document.get("jsonSchemaDialect").is_none());
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].0, "#/jsonSchemaDialect");
        assert!(warnings[0].1.contains(custom), "{warnings:?}");
    }

    #[test]
    fn webhooks_are_normalized_then_taken_out() {
        let (document, warnings, normalized) = run(json!({
            "openapi": "3.1.0",
            "paths": {},
            "webhooks": {
                "newPet": {"post": {"requestBody": {"content": {"application/json": {"schema": {
                    "type": "object",
                    "properties": {
                        "name": {"type": ["string", "null"]},
                        "owner": {"$ref": "#/components/schemas/Owner", "description": "Who owns it."},
                        "tags": {"prefixItems": [{}]}
                    }
                }}}}}}
            }
        }));
        assert!(document.get("webhooks").is_none());
        let webhooks = normalized.webhooks.unwrap_or_default();
        let schema =
            &webhooks["newPet"]["post"]["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(
            schema["properties"]["name"],
            json!({"type": "string", "nullable": true})
        );
        assert_eq!(
            schema["properties"]["owner"],
            json!({"$ref": "#/components/schemas/Owner"})
        );
        let at = "#/webhooks/newPet/post/requestBody/content/application~1json/schema/properties";
        assert_eq!(
            normalized
                .ref_descriptions
                .get(&format!("{at}/owner"))
                .map(String::as_str),
            Some("Who owns it.")
        );
        assert_eq!(
            warnings,
            vec![(
                format!("{at}/tags"),
                "`prefixItems` has no OpenAPI 3.0 equivalent and is ignored".into()
            )]
        );
        // Without webhooks there is nothing to hand back.
        assert_eq!(
            run(json!({"openapi": "3.1.0", "paths": {}})).2.webhooks,
            None
        );
    }

    #[test]
    fn openapi_examples_maps_are_left_alone() {
        let examples = json!({"one": {"value": {"examples": [1], "type": ["x", "null"]}}, "two": {"$ref": "#/components/examples/Two"}});
        let document = json!({
            "openapi": "3.1.0",
            "paths": {"/a": {"get": {
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}, "examples": examples}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "schema": {"type": "object"}, "examples": examples
                }}}}
            }}}
        });
        let (normalized, warnings, _) = run(document.clone());
        let get = &normalized["paths"]["/a"]["get"];
        assert_eq!(get["parameters"][0]["examples"], examples);
        assert_eq!(
            get["responses"]["200"]["content"]["application/json"]["examples"],
            examples
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn nested_schemas_everywhere_are_normalized() {
        let nullable = json!({"type": ["string", "null"]});
        let fixed = json!({"type": "string", "nullable": true});
        let (document, warnings, _) = run(json!({
            "openapi": "3.1.0",
            "paths": {"/a": {
                "parameters": [{"name": "p", "in": "query", "schema": nullable}],
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": {
                        "type": "array",
                        "items": {"allOf": [nullable], "oneOf": [nullable], "not": nullable,
                                  "additionalProperties": nullable}
                    }}}},
                    "responses": {"200": {"description": "ok",
                        "headers": {"X-Rate": {"schema": nullable}},
                        "content": {"text/plain": {"schema": nullable, "encoding": {"a": {"headers": {"X-E": {"schema": nullable}}}}}}
                    }}
                }
            }},
            "components": {
                "parameters": {"P": {"name": "q", "in": "query", "content": {"application/json": {"schema": nullable}}}},
                "headers": {"H": {"schema": nullable}},
                "requestBodies": {"B": {"content": {"application/json": {"schema": nullable}}}},
                "responses": {"R": {"description": "r", "content": {"application/json": {"schema": nullable}}}},
                "pathItems": {"I": {"get": {"parameters": [{"name": "i", "in": "query", "schema": nullable}]}}},
                "callbacks": {"C": {"{$request.body#/url}": {"post": {"requestBody": {"content": {"application/json": {"schema": nullable}}}}}}}
            }
        }));
        assert!(warnings.is_empty(), "{warnings:?}");
        let text = document.to_string();
        assert!(!text.contains("[\"string\",\"null\"]"), "{text}");
        assert_eq!(text.matches(&fixed.to_string()).count(), 14, "{text}");
    }

    #[test]
    fn callback_refs_the_model_cannot_read_are_emptied_with_a_warning() {
        let (document, warnings, _) = run(json!({
            "openapi": "3.0.3",
            "paths": {"/a": {"post": {"callbacks": {
                "byRef": {"$ref": "#/components/callbacks/C"},
                "inline": {"{$request.body#/url}": {"$ref": "#/components/pathItems/I"}}
            }}}}
        }));
        let callbacks = &document["paths"]["/a"]["post"]["callbacks"];
        assert_eq!(
            *callbacks,
            json!({"byRef": {}, "inline": {"{$request.body#/url}": {}}})
        );
        let pointers: Vec<&str> = warnings
            .iter()
            .map(|(pointer, _)| pointer.as_str())
            .collect();
        assert_eq!(
            pointers,
            [
                "#/paths/~1a/post/callbacks/byRef",
                "#/paths/~1a/post/callbacks/inline/{$request.body#~1url}"
            ]
        );
    }

    #[test]
    fn warnings_come_in_document_order() {
        let (_, warnings, _) = run(json!({
            "openapi": "3.1.0",
            "jsonSchemaDialect": "custom",
            "paths": {"/b": {"get": {"parameters": [{"name": "p", "in": "query", "schema": {"if": {}, "type": ["string", "integer"]}}]}}},
            "components": {"schemas": {
                "Z": {"$id": "z", "properties": {"a": {"$anchor": "a"}, "b": {"then": {}}}, "contains": {}},
                "A": {"else": {}}
            }},
            "webhooks": {"w": {"post": {"parameters": [{"name": "q", "in": "query", "schema": {"$schema": "s"}}]}}}
        }));
        let pointers: Vec<&str> = warnings
            .iter()
            .map(|(pointer, _)| pointer.as_str())
            .collect();
        assert_eq!(
            pointers,
            [
                "#/jsonSchemaDialect",
                "#/paths/~1b/get/parameters/0/schema",
                "#/paths/~1b/get/parameters/0/schema",
                "#/components/schemas/Z",
                "#/components/schemas/Z/properties/a",
                "#/components/schemas/Z/properties/b",
                "#/components/schemas/Z",
                "#/components/schemas/A",
                "#/webhooks/w/post/parameters/0/schema",
            ]
        );
        assert!(warnings[1].1.starts_with("`if`"), "{warnings:?}");
        assert!(
            warnings[2].1.starts_with("a schema of several types"),
            "{warnings:?}"
        );
    }

    #[test]
    fn nesting_below_the_limit_is_cut_with_one_warning() {
        let mut schema = json!({"type": ["string", "null"]});
        for _ in 0..300 {
            schema = json!({"type": "array", "items": schema});
        }
        let (document, warnings, _) = run(with_schema(schema));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(
            warnings[0].1,
            "nesting deeper than 256 levels is not normalized"
        );
        // components/schemas/S is 3 tokens; each `items` adds one.
        let cut = format!("{AT_S}{}", "/items".repeat(MAX_DEPTH - 2));
        assert_eq!(warnings[0].0, cut);
        // Everything down to the cut was walked; the innermost schema (below it) was not.
        let mut innermost = &document["components"]["schemas"]["S"];
        while let Some(items) = innermost.get("items") {
            innermost = items;
        }
        assert_eq!(*innermost, json!({"type": ["string", "null"]}));
    }

    #[test]
    fn odd_shapes_never_panic_and_are_left_for_the_model_to_reject() {
        let odd = [
            json!(null),
            json!([1, 2]),
            json!("openapi"),
            json!({"openapi": 3.1, "paths": []}),
            json!({"openapi": "3.1.0", "paths": {"/a": "get"}, "components": [], "webhooks": 7}),
            json!({"openapi": "3.1.0", "paths": {"/a": {"get": {"parameters": {"a": 1}, "responses": [], "callbacks": 1}}}}),
            json!({"openapi": "3.1.0", "paths": {"/a": {"get": {"parameters": [null, 1, {"schema": 5}], "requestBody": {"content": {"a": {"schema": []}}}}}}}),
            with_schema(
                json!({"properties": [], "items": "x", "allOf": {}, "not": 1, "anyOf": [null, {"type": "null"}], "oneOf": "x"}),
            ),
            with_schema(
                json!({"$ref": 5, "type": {"a": 1}, "exclusiveMinimum": "x", "examples": {"a": 1}, "const": null}),
            ),
            with_schema(json!({"anyOf": [{"type": "null"}, 5], "allOf": 3})),
            with_schema(json!({"anyOf": [{"type": "null"}, {"$ref": "#/a"}], "allOf": 3})),
        ];
        for document in odd {
            let _ = run(document);
        }
        let (schema, warnings) = run_schema(json!({"$ref": 5, "type": "string"}));
        assert_eq!(schema, json!({"type": "string"}));
        assert_eq!(
            messages(&warnings),
            ["`$ref` is not a string and is ignored"]
        );
    }

    #[test]
    fn a_small_31_document_deserializes_into_the_30_model() {
        let mut document = json!({
            "openapi": "3.1.0",
            "jsonSchemaDialect": STANDARD_DIALECT,
            "info": {"title": "Billing", "version": "1", "summary": "3.1 only"},
            "paths": {"/invoices/{id}": {"get": {
                "operationId": "getInvoice",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Invoice"}
                }}}}
            }}},
            "webhooks": {"invoice_paid": {"post": {"requestBody": {"content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Invoice"}
            }}}, "responses": {"200": {"description": "ok"}}}}},
            "components": {"schemas": {
                "Customer": {"type": "object", "properties": {"id": {"type": "string"}}},
                "Invoice": {
                    "type": "object",
                    "required": ["id", "status"],
                    "properties": {
                        "id": {"type": "string", "examples": ["inv_1"]},
                        "customer": {"$ref": "#/components/schemas/Customer", "description": "Who pays."},
                        "due": {"type": ["integer", "null"], "format": "int64", "exclusiveMinimum": 0},
                        "status": {"const": "paid"},
                        "note": {"anyOf": [{"type": "string"}, {"type": "null"}]}
                    }
                }
            }}
        });
        let mut warnings = Vec::new();
        let normalized = normalize(&mut document, &mut warnings);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            normalized
                .webhooks
                .as_ref()
                .and_then(Value::as_object)
                .map(Map::len),
            Some(1)
        );
        assert_eq!(
            normalized
                .ref_descriptions
                .get("#/components/schemas/Invoice/properties/customer")
                .map(String::as_str),
            Some("Who pays.")
        );
        let openapi = match serde_json::from_value::<openapiv3::OpenAPI>(document) {
            Ok(openapi) => openapi,
            Err(e) => panic!("does not deserialize: {e}"),
        };
        let Some(openapiv3::ReferenceOr::Item(invoice)) = openapi
            .components
            .as_ref()
            .and_then(|c| c.schemas.get("Invoice"))
        else {
            panic!("no Invoice schema");
        };
        let openapiv3::SchemaKind::Type(openapiv3::Type::Object(object)) = &invoice.schema_kind
        else {
            panic!("Invoice is not an object: {invoice:?}");
        };
        let property = |name: &str| match object.properties.get(name) {
            Some(openapiv3::ReferenceOr::Item(schema)) => (**schema).clone(),
            other => panic!("{name}: {other:?}"),
        };
        let due = property("due");
        assert!(due.schema_data.nullable);
        let openapiv3::SchemaKind::Type(openapiv3::Type::Integer(due)) = due.schema_kind else {
            panic!("due: {due:?}")
        };
        assert_eq!((due.minimum, due.exclusive_minimum), (Some(0), true));
        assert_eq!(property("id").schema_data.example, Some(json!("inv_1")));
        assert!(property("note").schema_data.nullable);
        assert!(matches!(
            object.properties.get("customer"),
            Some(openapiv3::ReferenceOr::Reference { .. })
        ));
    }

    #[test]
    fn the_chargebee_spec_normalizes_into_the_30_model() {
        let path = std::env::var("CHARGEBEE_SPEC").unwrap_or_else(|_| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../shared/specs/chargebee_api_v1_spec.json"
            )
            .to_owned()
        });
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
                panic!("CI needs the Chargebee spec at {path}: {e}")
            }
            Err(e) => {
                eprintln!("skipped: no Chargebee spec at {path} ({e}); set CHARGEBEE_SPEC to run this test");
                return;
            }
        };
        let mut document: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut warnings = Vec::new();
        let normalized = normalize(&mut document, &mut warnings);
        eprintln!(
            "{} warnings, {} `$ref` descriptions",
            warnings.len(),
            normalized.ref_descriptions.len()
        );
        for warning in warnings.iter().take(10) {
            eprintln!("  {warning}");
        }
        let webhooks = normalized
            .webhooks
            .as_ref()
            .and_then(Value::as_object)
            .map_or(0, Map::len);
        assert_eq!(webhooks, 35);
        assert_eq!(document["openapi"], "3.0.3");
        if let Err(e) = serde_path_to_error::deserialize::<_, openapiv3::OpenAPI>(document) {
            panic!("does not deserialize at {}: {}", e.path(), e.inner());
        }
    }
}
