//! A schema's JSON Schema keywords, rewritten into their 3.0 spelling or removed with a warning.
//!
//! Schemas are walked keyword by keyword rather than through the grammar of positions: only
//! the keywords 3.0 knows are descended into, so what sits under a keyword 3.0 lacks is
//! removed with it (one warning, not one per nested schema).

use serde_json::{Map, Value};

use super::Walker;
use crate::load::positions::{Child, Kind, Names};

/// JSON Schema keywords with no OpenAPI 3.0 counterpart. `contentEncoding` has a special case
/// (base64 → `format: byte`) before it lands here; the last four are older drafts' spellings.
const UNSUPPORTED_KEYWORDS: &[&str] = &[
    "prefixItems",
    "if",
    "then",
    "else",
    "dependentSchemas",
    "dependentRequired",
    "unevaluatedProperties",
    "unevaluatedItems",
    "patternProperties",
    "propertyNames",
    "contains",
    "minContains",
    "maxContains",
    "$defs",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "$id",
    "$schema",
    "contentEncoding",
    "contentMediaType",
    "contentSchema",
    "additionalItems",
    "dependencies",
    "definitions",
    "$recursiveRef",
];

/// Which bound an `exclusiveMinimum`/`exclusiveMaximum` keyword is.
#[derive(Debug, Clone, Copy)]
enum Bound {
    Lower,
    Upper,
}

impl Bound {
    fn keywords(self) -> (&'static str, &'static str) {
        match self {
            Bound::Lower => ("exclusiveMinimum", "minimum"),
            Bound::Upper => ("exclusiveMaximum", "maximum"),
        }
    }

    /// Whether the inclusive bound `inclusive` already excludes everything `exclusive` would.
    fn inclusive_is_stricter(self, inclusive: f64, exclusive: f64) -> bool {
        match self {
            Bound::Lower => inclusive > exclusive,
            Bound::Upper => inclusive < exclusive,
        }
    }
}

impl Walker<'_> {
    pub(super) fn schema(&mut self, value: &mut Value) {
        if let Value::Bool(accepts) = *value {
            *value = boolean_schema(accepts);
            return;
        }
        let Some(object) = value.as_object_mut() else {
            return;
        };
        match object.get("$ref") {
            Some(Value::String(_)) => return self.schema_reference(object),
            Some(_) => {
                object.shift_remove("$ref");
                self.warn("`$ref` is not a string and is ignored");
            }
            None => {}
        }
        // Before the members are visited: a `{type: "null"}` member on its own would be
        // warned about as an only-null schema, but here it just means "nullable".
        self.fold_null_alternatives(object);
        // Before `const` becomes `enum` in the members, which this reads either way.
        self.const_alternatives(object);
        let keys: Vec<String> = object.keys().cloned().collect();
        for key in &keys {
            self.keyword(object, key);
        }
        self.property_required_flags(object);
        self.integer_bounds(object);
        super::loose::unique_items_off_arrays(object);
    }

    fn keyword(&mut self, object: &mut Map<String, Value>, key: &str) {
        match key {
            "type" => self.type_keyword(object),
            "const" => self.const_keyword(object),
            "examples" => examples_keyword(object),
            "exclusiveMinimum" => exclusive_bound(object, Bound::Lower),
            "exclusiveMaximum" => exclusive_bound(object, Bound::Upper),
            "contentEncoding" => self.content_encoding(object),
            "contentMediaType" => self.content_media_type(object),
            "$comment" => {
                object.shift_remove(key);
            }
            "items" => self.items(object),
            "properties" => self.descend(object, key, Child::Map(Kind::Schema, Names::Plain)),
            // `true`/`false` are 3.0 spellings here, not boolean schemas to rewrite.
            "additionalProperties" if object.get(key).is_some_and(Value::is_object) => {
                self.descend(object, key, Child::One(Kind::Schema));
            }
            "allOf" | "oneOf" | "anyOf" => self.descend(object, key, Child::List(Kind::Schema)),
            "not" => self.descend(object, key, Child::One(Kind::Schema)),
            _ if UNSUPPORTED_KEYWORDS.contains(&key) => self.unsupported(object, key),
            _ => {}
        }
    }

    fn const_keyword(&mut self, object: &mut Map<String, Value>) {
        let Some(value) = object.shift_remove("const") else {
            return;
        };
        if object.contains_key("enum") {
            self.warn("`const` is ignored because `enum` is also given");
        } else {
            object.insert("enum".to_owned(), Value::Array(vec![value]));
        }
    }

    fn content_encoding(&mut self, object: &mut Map<String, Value>) {
        let base64 = object
            .get("contentEncoding")
            .and_then(Value::as_str)
            .is_some_and(|e| e.eq_ignore_ascii_case("base64"));
        if base64 && is_string_schema(object) {
            match object.get("format") {
                None => {
                    object.insert("format".to_owned(), Value::String("byte".to_owned()));
                }
                Some(Value::String(format)) if format == "byte" => {}
                Some(_) => return self.unsupported(object, "contentEncoding"),
            }
            object.shift_remove("contentEncoding");
            return;
        }
        self.unsupported(object, "contentEncoding");
    }

    /// `contentMediaType` on a string without `contentEncoding` is raw bytes of that type: 3.0's
    /// `format: binary` (a file in a multipart body). Base64 text keeps `format: byte`.
    fn content_media_type(&mut self, object: &mut Map<String, Value>) {
        if is_string_schema(object) && !object.contains_key("contentEncoding") {
            if !object.contains_key("format") {
                object.insert("format".to_owned(), Value::String("binary".to_owned()));
            }
            object.shift_remove("contentMediaType");
            return;
        }
        if object.contains_key("contentEncoding") {
            // The encoding decides; the media type of the decoded bytes is documentation.
            object.shift_remove("contentMediaType");
            return;
        }
        self.unsupported(object, "contentMediaType");
    }

    fn items(&mut self, object: &mut Map<String, Value>) {
        if matches!(object.get("items"), Some(Value::Array(_))) {
            object.insert("items".to_owned(), Value::Object(Map::new()));
            self.warn(
                "`items` given as an array (a tuple) has no OpenAPI 3.0 equivalent; the items are kept as untyped JSON",
            );
        } else {
            self.descend(object, "items", Child::One(Kind::Schema));
        }
    }

    fn unsupported(&mut self, object: &mut Map<String, Value>, key: &str) {
        if object.shift_remove(key).is_none() {
            return;
        }
        // With its tuple gone, `items` would wrongly apply to every element, not just those
        // after the tuple.
        let items_too = key == "prefixItems" && object.contains_key("items");
        if items_too {
            object.insert("items".to_owned(), Value::Object(Map::new()));
            self.warn("`prefixItems` has no OpenAPI 3.0 equivalent and is ignored, and so is `items` beside it");
        } else {
            self.warn(format!(
                "`{key}` has no OpenAPI 3.0 equivalent and is ignored"
            ));
        }
    }
}

/// The 3.0 spelling of a JSON Schema boolean schema: `true` accepts anything, `false` nothing.
pub(super) fn boolean_schema(accepts: bool) -> Value {
    let mut object = Map::new();
    if !accepts {
        object.insert("not".to_owned(), Value::Object(Map::new()));
    }
    Value::Object(object)
}

fn is_string_schema(object: &Map<String, Value>) -> bool {
    match object.get("type") {
        Some(Value::String(name)) => name == "string",
        Some(Value::Array(names)) => {
            let mut non_null = names.iter().filter(|name| name.as_str() != Some("null"));
            matches!((non_null.next(), non_null.next()), (Some(Value::String(name)), None) if name == "string")
        }
        _ => false,
    }
}

/// JSON Schema's `examples` is a list; 3.0 schemas have a single `example`.
fn examples_keyword(object: &mut Map<String, Value>) {
    // An object here is not JSON Schema's list; leave it for the model to ignore.
    if !matches!(object.get("examples"), Some(Value::Array(_))) {
        return;
    }
    let Some(Value::Array(examples)) = object.shift_remove("examples") else {
        return;
    };
    if !object.contains_key("example") {
        if let Some(first) = examples.into_iter().next() {
            object.insert("example".to_owned(), first);
        }
    }
}

/// A numeric `exclusiveMinimum: n` (2019+) is `minimum: n, exclusiveMinimum: true` in 3.0.
fn exclusive_bound(object: &mut Map<String, Value>, bound: Bound) {
    let (exclusive, inclusive) = bound.keywords();
    let Some(Value::Number(limit)) = object.get(exclusive) else {
        return;
    };
    let limit = limit.clone();
    let inclusive_is_stricter = match (
        object.get(inclusive).and_then(Value::as_f64),
        limit.as_f64(),
    ) {
        (Some(current), Some(limit)) => bound.inclusive_is_stricter(current, limit),
        _ => false,
    };
    if inclusive_is_stricter {
        object.shift_remove(exclusive);
    } else {
        object.insert(inclusive.to_owned(), Value::Number(limit));
        object.insert(exclusive.to_owned(), Value::Bool(true));
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::{messages, run_schema, AT_S};
    use super::*;

    #[test]
    fn const_becomes_a_one_value_enum_unless_enum_is_given() {
        let (schema, warnings) = run_schema(json!({"type": "string", "const": "card"}));
        assert_eq!(schema, json!({"type": "string", "enum": ["card"]}));
        assert!(warnings.is_empty());
        let (schema, warnings) =
            run_schema(json!({"type": "string", "const": "card", "enum": ["card", "bank"]}));
        assert_eq!(schema, json!({"type": "string", "enum": ["card", "bank"]}));
        assert_eq!(
            warnings,
            vec![(
                AT_S.into(),
                "`const` is ignored because `enum` is also given".into()
            )]
        );
    }

    #[test]
    fn schema_examples_list_becomes_example() {
        let (schema, _) = run_schema(json!({"type": "integer", "examples": [3, 4]}));
        assert_eq!(schema, json!({"type": "integer", "example": 3}));
        let (schema, _) = run_schema(json!({"type": "integer", "example": 1, "examples": [3]}));
        assert_eq!(schema, json!({"type": "integer", "example": 1}));
        let (schema, warnings) = run_schema(json!({"type": "integer", "examples": []}));
        assert_eq!(schema, json!({"type": "integer"}));
        assert!(warnings.is_empty());
    }

    #[test]
    fn numeric_exclusive_bounds_become_boolean_ones() {
        let (schema, _) =
            run_schema(json!({"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1.5}));
        assert_eq!(
            schema,
            json!({"type": "number", "exclusiveMinimum": true, "exclusiveMaximum": true, "minimum": 0, "maximum": 1.5})
        );
        let boolean = json!({"type": "integer", "minimum": 1, "exclusiveMinimum": true});
        assert_eq!(run_schema(boolean.clone()).0, boolean);
        // Both bounds hold in 3.1, so the stricter one survives.
        let (schema, _) = run_schema(
            json!({"type": "integer", "minimum": 5, "exclusiveMinimum": 2, "maximum": 5, "exclusiveMaximum": 5}),
        );
        assert_eq!(
            schema,
            json!({"type": "integer", "minimum": 5, "maximum": 5, "exclusiveMaximum": true})
        );
    }

    #[test]
    fn json_schema_only_keywords_are_removed_with_one_warning_each() {
        for keyword in UNSUPPORTED_KEYWORDS {
            let (schema, warnings) = run_schema(json!({"type": "object", *keyword: {}}));
            assert_eq!(schema, json!({"type": "object"}), "{keyword}");
            assert_eq!(
                warnings,
                vec![(
                    AT_S.into(),
                    format!("`{keyword}` has no OpenAPI 3.0 equivalent and is ignored")
                )]
            );
        }
        let (schema, warnings) = run_schema(json!({"type": "object", "$comment": "internal"}));
        assert_eq!(schema, json!({"type": "object"}));
        assert!(warnings.is_empty());
    }

    #[test]
    fn unsupported_keywords_are_not_normalized_inside() {
        let (_, warnings) = run_schema(json!({"$defs": {"A": {"type": ["string", "integer"]}}}));
        assert_eq!(
            messages(&warnings),
            ["`$defs` has no OpenAPI 3.0 equivalent and is ignored"]
        );
    }

    #[test]
    fn prefix_items_takes_items_with_it() {
        let (schema, warnings) = run_schema(
            json!({"type": "array", "prefixItems": [{"type": "string"}], "items": false}),
        );
        assert_eq!(schema, json!({"type": "array", "items": {}}));
        assert_eq!(
            messages(&warnings),
            ["`prefixItems` has no OpenAPI 3.0 equivalent and is ignored, and so is `items` beside it"]
        );
    }

    #[test]
    fn base64_content_encoding_on_a_string_is_format_byte() {
        let (schema, warnings) =
            run_schema(json!({"type": "string", "contentMediaType": "image/png"}));
        assert_eq!(schema, json!({"type": "string", "format": "binary"}));
        assert!(warnings.is_empty(), "{warnings:?}");
        let (schema, warnings) = run_schema(json!({"type": "string", "contentEncoding": "base64"}));
        assert_eq!(schema, json!({"type": "string", "format": "byte"}));
        assert!(warnings.is_empty());
        let (schema, warnings) = run_schema(
            json!({"type": ["string", "null"], "contentEncoding": "base64", "format": "byte"}),
        );
        assert_eq!(
            schema,
            json!({"type": "string", "format": "byte", "nullable": true})
        );
        assert!(warnings.is_empty());
        let unsupported = "`contentEncoding` has no OpenAPI 3.0 equivalent and is ignored";
        for schema in [
            json!({"type": "string", "contentEncoding": "base64", "format": "uri"}),
            json!({"type": "string", "contentEncoding": "quoted-printable"}),
            json!({"contentEncoding": "base64"}),
        ] {
            let (schema, warnings) = run_schema(schema);
            assert!(schema.get("contentEncoding").is_none());
            assert_eq!(messages(&warnings), [unsupported], "{schema}");
        }
    }

    #[test]
    fn tuple_items_become_untyped_items() {
        let (schema, warnings) = run_schema(
            json!({"type": "array", "items": [{"type": "string"}, {"type": "integer"}]}),
        );
        assert_eq!(schema, json!({"type": "array", "items": {}}));
        assert_eq!(
            warnings,
            vec![(
                AT_S.into(),
                "`items` given as an array (a tuple) has no OpenAPI 3.0 equivalent; the items are kept as untyped JSON"
                    .into()
            )]
        );
    }

    #[test]
    fn boolean_schemas_become_objects_but_additional_properties_stays_boolean() {
        let (schema, _) = run_schema(json!({
            "type": "object",
            "properties": {"any": true, "none": false},
            "additionalProperties": false
        }));
        assert_eq!(
            schema,
            json!({"type": "object", "properties": {"any": {}, "none": {"not": {}}}, "additionalProperties": false})
        );
    }

    #[test]
    fn property_names_are_names_not_keywords() {
        let properties = json!({
            "$ref": {"type": "string"},
            "type": {"type": "string", "enum": ["a"]},
            "const": {"type": "integer"},
            "examples": {"type": "array", "items": {"type": "string"}},
            "prefixItems": {"type": "boolean"},
            "x-kind": {"type": "string"}
        });
        let (schema, warnings) = run_schema(
            json!({"type": "object", "properties": properties, "required": ["$ref", "type"]}),
        );
        assert_eq!(schema["properties"], properties);
        assert!(warnings.is_empty(), "{warnings:?}");
        // …while the schemas under those names are still normalized.
        let (schema, _) = run_schema(json!({"properties": {"$ref": {"type": ["string", "null"]}}}));
        assert_eq!(
            schema["properties"]["$ref"],
            json!({"type": "string", "nullable": true})
        );
    }

    #[test]
    fn example_default_and_enum_values_are_left_exactly_as_written() {
        let value = json!({"type": ["a", "null"], "const": 1, "$ref": "#/x", "examples": [1], "exclusiveMinimum": 2});
        let schema = json!({"type": "object", "example": value, "default": value, "enum": [value], "x-extra": value});
        let (normalized, warnings) = run_schema(schema.clone());
        assert_eq!(normalized, schema);
        assert!(warnings.is_empty());
    }
}
