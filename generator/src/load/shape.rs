//! Checking the JSON shape of every schema before the `openapiv3` model reads it.
//!
//! openapiv3 reads a schema by trying its kinds one after another (an untagged enum), and
//! each try reads the schema's children again. A wrong value deep inside nested schemas (a
//! list where `properties` wants a mapping, say) therefore costs time exponential in the
//! depth: a 27-level document found by the fuzzer ran for hours. Checking shapes first turns
//! that into an immediate, precise error, and gives a better message than the model's.

use serde_json::Value;

/// A shape error: the pointer of the offending value, and what is wrong with it.
pub type ShapeError = (String, String);

/// Checks every schema of the (normalized) document.
pub fn check(document: &Value) -> Result<(), ShapeError> {
    walk(document, "#", 0)
}

/// Keys whose values are data, never schemas, whatever they contain.
fn is_data(key: &str) -> bool {
    matches!(key, "example" | "examples" | "default" | "enum" | "const") || key.starts_with("x-")
}

/// Finds the schemas of the document: every value of a `schema` key, and every entry of
/// `components/schemas`.
fn walk(value: &Value, at: &str, depth: usize) -> Result<(), ShapeError> {
    if depth > 256 {
        return Ok(());
    }
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if is_data(key) {
                    continue;
                }
                let child_at = format!("{at}/{}", crate::diagnostic::escape_token(key));
                if key == "schema" {
                    schema(child, &child_at, depth + 1)?;
                } else if key == "schemas" && at == "#/components" {
                    if let Value::Object(schemas) = child {
                        for (name, item) in schemas {
                            schema(
                                item,
                                &format!("{child_at}/{}", crate::diagnostic::escape_token(name)),
                                depth + 2,
                            )?;
                        }
                    }
                } else {
                    walk(child, &child_at, depth + 1)?;
                }
            }
            Ok(())
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, &format!("{at}/{i}"), depth + 1)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

fn expect(ok: bool, at: String, what: &str, found: &Value) -> Result<(), ShapeError> {
    if ok {
        Ok(())
    } else {
        Err((at, format!("{what}; found {}", kind(found))))
    }
}

fn schema(value: &Value, at: &str, depth: usize) -> Result<(), ShapeError> {
    let Value::Object(map) = value else {
        return expect(false, at.to_owned(), "a schema must be a mapping", value);
    };
    if depth > 256 {
        return Ok(());
    }
    if let Some(reference) = map.get("$ref") {
        return expect(
            reference.is_string(),
            format!("{at}/$ref"),
            "`$ref` must be a string",
            reference,
        );
    }
    for (key, child) in map {
        let child_at = format!("{at}/{}", crate::diagnostic::escape_token(key));
        match key.as_str() {
            "properties" => {
                let Value::Object(properties) = child else {
                    return expect(
                        false,
                        child_at,
                        "`properties` must be a mapping of names to schemas",
                        child,
                    );
                };
                for (name, property) in properties {
                    schema(
                        property,
                        &format!("{child_at}/{}", crate::diagnostic::escape_token(name)),
                        depth + 1,
                    )?;
                }
            }
            "items" | "not" => schema(child, &child_at, depth + 1)?,
            "additionalProperties" if !child.is_boolean() => schema(child, &child_at, depth + 1)?,
            "allOf" | "oneOf" | "anyOf" => {
                let Value::Array(members) = child else {
                    return expect(
                        false,
                        child_at,
                        &format!("`{key}` must be a list of schemas"),
                        child,
                    );
                };
                for (i, member) in members.iter().enumerate() {
                    schema(member, &format!("{child_at}/{i}"), depth + 1)?;
                }
            }
            "required" => expect(
                child
                    .as_array()
                    .is_some_and(|names| names.iter().all(Value::is_string)),
                child_at,
                "`required` must be a list of property names",
                child,
            )?,
            "type" | "format" | "pattern" | "title" | "description" => {
                expect(
                    child.is_string(),
                    child_at,
                    &format!("`{key}` must be a string"),
                    child,
                )?;
            }
            "minimum" | "maximum" | "multipleOf" => {
                expect(
                    child.is_number(),
                    child_at,
                    &format!("`{key}` must be a number"),
                    child,
                )?;
            }
            "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties"
            | "maxProperties" => {
                expect(
                    child.is_u64(),
                    child_at,
                    &format!("`{key}` must be a whole number of 0 or more"),
                    child,
                )?;
            }
            "exclusiveMinimum" | "exclusiveMaximum" | "uniqueItems" | "nullable" | "readOnly"
            | "writeOnly" | "deprecated" => {
                expect(
                    child.is_boolean(),
                    child_at,
                    &format!("`{key}` must be true or false"),
                    child,
                )?;
            }
            "enum" => expect(
                child.is_array(),
                child_at,
                "`enum` must be a list of values",
                child,
            )?,
            "discriminator" | "externalDocs" | "xml" => {
                expect(
                    child.is_object(),
                    child_at,
                    &format!("`{key}` must be a mapping"),
                    child,
                )?;
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::check;

    #[test]
    fn a_deep_wrong_value_is_found_with_its_pointer() {
        let mut nested = json!({"type": "object", "properties": ["string", "null"]});
        for _ in 0..40 {
            nested = json!({"type": "object", "properties": {"x": nested}});
        }
        let document = json!({"components": {"schemas": {"A": nested}}});
        let (at, message) = check(&document).unwrap_err();
        assert!(
            at.starts_with("#/components/schemas/A/properties/x/properties/x/"),
            "{at}"
        );
        assert!(at.ends_with("/properties"), "{at}");
        assert_eq!(
            message,
            "`properties` must be a mapping of names to schemas; found a list"
        );
    }

    #[test]
    fn schemas_under_any_schema_key_are_checked_and_data_is_not() {
        let bad =
            json!({"paths": {"/a": {"get": {"parameters": [{"schema": {"maxLength": -1}}]}}}});
        assert_eq!(
            check(&bad).unwrap_err().0,
            "#/paths/~1a/get/parameters/0/schema/maxLength"
        );
        let data = json!({"components": {"schemas": {"A": {"type": "object", "example": {"schema": 5, "properties": []}}}}});
        assert!(check(&data).is_ok());
        let names = json!({"components": {"schemas": {"A": {"properties": {"schema": {"type": "string"}, "type": {"type": "string"}}}}}});
        assert!(check(&names).is_ok());
    }
}
