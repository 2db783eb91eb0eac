//! What loosely written 3.0 specs get wrong, read the way their authors meant it.
//!
//! Published specs carry Swagger 2 habits (`required: true` on a property) and bounds the
//! 64-bit model cannot hold; refusing them would refuse real APIs, and ignoring them would
//! quietly change the generated types, so they are read into the nearest 3.0 meaning with a
//! warning.

use serde_json::{Map, Value};

use super::{display, Walker};
use crate::diagnostic::Warning;

impl Walker<'_> {
    /// `required: true` on a property (a Swagger 2 habit, in Spotify's published spec) is
    /// read as listing the property in its object's `required`, with a warning.
    pub(super) fn property_required_flags(&mut self, object: &mut Map<String, Value>) {
        let Some(Value::Object(properties)) = object.get_mut("properties") else {
            return;
        };
        let mut required = Vec::new();
        let mut flagged = Vec::new();
        for (name, property) in properties.iter_mut() {
            let Some(property) = property.as_object_mut() else {
                continue;
            };
            if let Some(Value::Bool(flag)) = property.get("required").cloned() {
                property.shift_remove("required");
                flagged.push((name.clone(), flag));
                if flag {
                    required.push(Value::String(name.clone()));
                }
            }
        }
        for (name, flag) in flagged {
            let at = format!(
                "{}/properties/{}/required",
                self.here(),
                crate::diagnostic::escape_token(&name)
            );
            let reading = if flag {
                format!("`{name}` is read as required, as if listed in the object's `required`")
            } else {
                "it is dropped".to_owned()
            };
            self.warnings.push(Warning {
                pointer: at,
                message: format!(
                    "`required: {flag}` on a property is Swagger 2 style, not OpenAPI 3: {reading}"
                ),
            });
        }
        if required.is_empty() {
            return;
        }
        match object
            .entry("required")
            .or_insert_with(|| Value::Array(Vec::new()))
        {
            Value::Array(list) => {
                for name in required {
                    if !list.contains(&name) {
                        list.push(name);
                    }
                }
            }
            _ => self.warn(
                "`required` is not a list; the properties marked `required: true` stay optional",
            ),
        }
    }

    /// Integer bounds the 64-bit model cannot hold (`minimum: -9223372036854776000`, a rounded
    /// i64::MIN; `maximum: 1.5`) would make the schema silently untyped: they are read into
    /// range (the nearest i64, rounded inward), with a warning.
    pub(super) fn integer_bounds(&mut self, object: &mut Map<String, Value>) {
        if object.get("type").and_then(Value::as_str) != Some("integer") {
            return;
        }
        for (key, lower) in [("minimum", true), ("maximum", false)] {
            let Some(Value::Number(number)) = object.get(key) else {
                continue;
            };
            if number.is_i64() || (number.is_u64() && !lower) {
                continue;
            }
            let Some(value) = number.as_f64() else {
                continue;
            };
            let rounded = if lower { value.ceil() } else { value.floor() };
            // `as` saturates at the i64 range, the reading wanted here.
            let read = rounded as i64;
            let at = format!("{}/{key}", self.here());
            self.warnings.push(Warning {
                pointer: at,
                message: format!(
                    "integer `{key}` {} is not a 64-bit integer; it is read as {read}",
                    display(&Value::Number(number.clone()))
                ),
            });
            object.insert(key.to_owned(), Value::Number(read.into()));
        }
    }
}

/// `uniqueItems` on a schema of one scalar type (Kubernetes puts `uniqueItems: true` on every
/// parameter, strings included) is dropped: JSON Schema applies it to arrays only, so it says
/// nothing there, and the 3.0 model would read the schema as untyped for a key it cannot hold.
pub(super) fn unique_items_off_arrays(object: &mut Map<String, Value>) {
    let scalar = matches!(
        object.get("type").and_then(Value::as_str),
        Some("string" | "integer" | "number" | "boolean")
    );
    if scalar {
        object.shift_remove("uniqueItems");
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::{messages, run_schema};

    #[test]
    fn property_required_flags_are_read_as_the_objects_required_list() {
        let (schema, warnings) = run_schema(json!({
            "type": "object",
            "required": ["a"],
            "properties": {"a": {"type": "string"}, "b": {"type": "string", "required": true}, "c": {"type": "string", "required": false}}
        }));
        assert_eq!(schema["required"], json!(["a", "b"]));
        assert!(
            schema["properties"]["b"].get("required").is_none()
                && schema["properties"]["c"].get("required").is_none()
        );
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert_eq!(
            warnings[0].0,
            "#/components/schemas/S/properties/b/required"
        );
        assert!(
            warnings[0].1.contains("`b` is read as required"),
            "{warnings:?}"
        );
    }

    #[test]
    fn unique_items_is_dropped_where_it_means_nothing() {
        let (schema, warnings) = run_schema(json!({"type": "string", "uniqueItems": true}));
        assert_eq!(schema, json!({"type": "string"}));
        assert!(warnings.is_empty());
        let list = json!({"type": "array", "items": {"type": "string"}, "uniqueItems": true});
        assert_eq!(run_schema(list.clone()).0, list);
    }

    #[test]
    fn integer_bounds_beyond_64_bits_are_read_into_range() {
        let (schema, warnings) = run_schema(
            json!({"type": "integer", "minimum": -9.223372036854776e18, "maximum": 1.5}),
        );
        assert_eq!(schema["minimum"], json!(i64::MIN));
        assert_eq!(schema["maximum"], json!(1));
        assert_eq!(messages(&warnings).len(), 2);
        // In range, or a number schema: left alone.
        let (schema, warnings) = run_schema(json!({"type": "number", "minimum": -9.5e30}));
        assert_eq!(schema["minimum"], json!(-9.5e30));
        assert!(warnings.is_empty());
    }
}
