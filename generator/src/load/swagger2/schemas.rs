//! The 2.0 schema dialect read as 3.0: `x-nullable`, `type: file`, a string `discriminator`.

use serde_json::{json, Map, Value};

/// Fields whose value is one schema.
const ONE: [&str; 3] = ["items", "additionalProperties", "not"];
/// Fields whose value is a list of schemas.
const LIST: [&str; 3] = ["allOf", "anyOf", "oneOf"];
/// Fields whose value maps names to schemas.
const MAP: [&str; 2] = ["properties", "patternProperties"];

/// Rewrites the 2.0 schema `schema` and the schemas inside it, in place:
/// - `x-nullable: true` (the common 2.0 extension) → `nullable: true`;
/// - `type: file` (2.0's upload and download type) → `type: string, format: binary`;
/// - `discriminator: petType` (a property name in 2.0) → `discriminator: {propertyName:
///   petType}`. The values stay the schema names, which is also 3.0's implicit mapping.
///
/// Nothing else differs: 2.0's schema object is a subset of 3.0's.
pub(super) fn convert(schema: &mut Value) {
    let Value::Object(object) = schema else {
        return;
    };
    convert_object(object);
}

fn convert_object(object: &mut Map<String, Value>) {
    if let Some(nullable) = object.shift_remove("x-nullable") {
        object.insert("nullable".into(), nullable);
    }
    if object.get("type").and_then(Value::as_str) == Some("file") {
        object.insert("type".into(), "string".into());
        object.insert("format".into(), "binary".into());
    }
    if let Some(Value::String(property)) = object.get("discriminator") {
        let property = property.clone();
        object.insert("discriminator".into(), json!({ "propertyName": property }));
    }
    for key in ONE {
        match object.get_mut(key) {
            Some(Value::Object(inner)) => convert_object(inner),
            // 2.0 tuples (`items: [..]`) are not JSON Schema draft 4 as 2.0 uses it, but
            // appear in the wild; their members are schemas all the same.
            Some(Value::Array(list)) => list.iter_mut().for_each(convert),
            _ => {}
        }
    }
    for key in LIST {
        if let Some(Value::Array(list)) = object.get_mut(key) {
            list.iter_mut().for_each(convert);
        }
    }
    for key in MAP {
        if let Some(Value::Object(map)) = object.get_mut(key) {
            map.values_mut().for_each(convert);
        }
    }
}
