//! Null alternatives (`anyOf`/`oneOf` with `{type: "null"}`) folded into `nullable: true`.
//!
//! This is how 3.1 spells an optional value; left as it is, the 3.0 model would read a union
//! of a type and an untyped schema. A single remaining alternative is folded into its parent
//! when their keywords do not clash.

use serde_json::{Map, Value};

use super::schema::boolean_schema;
use super::{Walker, ONLY_NULL};

/// Schema keywords that only annotate: where a parent and a folded-in alternative both have
/// one, the parent's (closer to the use site) wins without changing what validates.
const ANNOTATIONS: &[&str] = &[
    "description",
    "title",
    "example",
    "examples",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "$comment",
];

impl Walker<'_> {
    /// `anyOf`/`oneOf` with `{type: "null"}` members is how 3.1 (and JSON Schema) spells
    /// "nullable"; 3.0 spells it `nullable: true` on the schema itself.
    pub(super) fn fold_null_alternatives(&mut self, object: &mut Map<String, Value>) {
        for keyword in ["anyOf", "oneOf"] {
            let Some(Value::Array(members)) = object.get_mut(keyword) else {
                continue;
            };
            let before = members.len();
            members.retain(|member| !is_null_schema(member));
            if members.len() == before {
                continue;
            }
            match members.len() {
                0 => {
                    object.shift_remove(keyword);
                    self.warn(ONLY_NULL);
                }
                1 => {
                    let member = members.pop();
                    object.shift_remove(keyword);
                    if let Some(Err(member)) = member.map(|member| fold_alternative(object, member))
                    {
                        object.insert(keyword.to_owned(), Value::Array(vec![member]));
                    }
                }
                _ => {}
            }
            object.insert("nullable".to_owned(), Value::Bool(true));
        }
    }
}

/// Folds the one non-null alternative into its parent. Every keyword of a schema must hold,
/// so the parent's keywords and the member's can sit side by side, unless both have the same
/// one with different values: then the member comes back as `Err`.
fn fold_alternative(parent: &mut Map<String, Value>, member: Value) -> Result<(), Value> {
    let member = match member {
        Value::Bool(accepts) => boolean_schema(accepts),
        other => other,
    };
    let Value::Object(mut member) = member else {
        return Err(member);
    };
    if matches!(member.get("$ref"), Some(Value::String(_))) {
        // A `$ref`'s siblings are ignored, so `nullable` cannot sit beside it; `allOf` with
        // the one reference is the 3.0 idiom for a nullable reference.
        if parent.get("allOf").is_some_and(|all_of| !all_of.is_array()) {
            return Err(Value::Object(member));
        }
        if !parent.contains_key("description") {
            if let Some(description @ Value::String(_)) = member.shift_remove("description") {
                parent.insert("description".to_owned(), description);
            }
        }
        match parent.get_mut("allOf") {
            Some(Value::Array(all_of)) => all_of.push(Value::Object(member)),
            _ => {
                parent.insert(
                    "allOf".to_owned(),
                    Value::Array(vec![Value::Object(member)]),
                );
            }
        }
        return Ok(());
    }
    let clash = member.iter().any(|(key, value)| {
        !ANNOTATIONS.contains(&key.as_str())
            && key != "nullable"
            && parent.get(key).is_some_and(|own| own != value)
    });
    if clash {
        return Err(Value::Object(member));
    }
    for (key, value) in member {
        parent.entry(key).or_insert(value);
    }
    Ok(())
}

/// Whether `member` admits only null: `{type: "null"}`, `{const: null}` or `{enum: [null]}`,
/// with nothing but annotations beside.
fn is_null_schema(member: &Value) -> bool {
    let Some(member) = member.as_object() else {
        return false;
    };
    let mut says_null = false;
    for (key, value) in member {
        match key.as_str() {
            "type" if is_null_type(value) => says_null = true,
            "const" if value.is_null() => says_null = true,
            "enum" if matches!(value.as_array().map(Vec::as_slice), Some([Value::Null])) => {
                says_null = true
            }
            "nullable" => {}
            other if ANNOTATIONS.contains(&other) => {}
            _ => return false,
        }
    }
    says_null
}

fn is_null_type(value: &Value) -> bool {
    match value {
        Value::String(name) => name == "null",
        Value::Array(names) => matches!(names.as_slice(), [Value::String(name)] if name == "null"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::{run, run_schema, with_schema, AT_S};
    use super::*;

    #[test]
    fn a_null_alternative_folds_into_its_parent_as_nullable() {
        let (schema, warnings) = run_schema(
            json!({"description": "When.", "anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]}),
        );
        assert_eq!(
            schema,
            json!({"description": "When.", "type": "string", "format": "date-time", "nullable": true})
        );
        assert!(warnings.is_empty());
        let (schema, _) =
            run_schema(json!({"oneOf": [{"type": "null"}, {"type": ["integer"], "const": 1}]}));
        assert_eq!(
            schema,
            json!({"type": "integer", "enum": [1], "nullable": true})
        );
    }

    #[test]
    fn a_nullable_reference_becomes_all_of_the_reference() {
        let (document, warnings, normalized) = run(with_schema(
            json!({"anyOf": [{"$ref": "#/components/schemas/A", "description": "An A."}, {"type": "null"}]}),
        ));
        let schema = &document["components"]["schemas"]["S"];
        assert_eq!(
            *schema,
            json!({"description": "An A.", "allOf": [{"$ref": "#/components/schemas/A"}], "nullable": true})
        );
        assert!(warnings.is_empty());
        assert!(normalized.ref_descriptions.is_empty());
    }

    #[test]
    fn other_null_alternatives_are_dropped_and_the_parent_made_nullable() {
        let (schema, _) = run_schema(
            json!({"oneOf": [{"type": "string"}, {"enum": [null]}, {"type": "integer"}]}),
        );
        assert_eq!(
            schema,
            json!({"oneOf": [{"type": "string"}, {"type": "integer"}], "nullable": true})
        );
        // Two different `type`s cannot share one object, so the member stays a member.
        let (schema, _) =
            run_schema(json!({"type": "object", "anyOf": [{"type": "string"}, {"const": null}]}));
        assert_eq!(
            schema,
            json!({"type": "object", "anyOf": [{"type": "string"}], "nullable": true})
        );
        let (schema, warnings) =
            run_schema(json!({"anyOf": [{"type": "null", "description": "none"}]}));
        assert_eq!(schema, json!({"nullable": true}));
        assert_eq!(warnings, vec![(AT_S.into(), ONLY_NULL.into())]);
    }
}
