//! OpenAPI 3.1's idiom for documented enum values, a `oneOf` (or `anyOf`) of `const`s each
//! with its own `description` or `title`, rewritten into a string `enum` with
//! `x-enum-descriptions`: the 3.0 model would read it as a union of one-value enums, and the
//! lowering reads per-value descriptions from that extension.

use serde_json::{Map, Value};

use super::Walker;

/// The keywords a member may have besides its value and still be just a documented value.
const MEMBER_KEYWORDS: &[&str] = &["const", "enum", "type", "title", "description"];

impl Walker<'_> {
    pub(super) fn const_alternatives(&mut self, object: &mut Map<String, Value>) {
        for keyword in ["oneOf", "anyOf"] {
            let Some(Value::Array(members)) = object.get(keyword) else {
                continue;
            };
            let Some(documented) = members
                .iter()
                .map(documented_value)
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            // Two alternatives (or a type beside them) are not only a list of values.
            if documented.is_empty()
                || object.contains_key("enum")
                || object.contains_key("properties")
                || object.get("type").is_some_and(|t| t != "string")
                || ["oneOf", "anyOf", "allOf"]
                    .iter()
                    .any(|k| *k != keyword && object.contains_key(*k))
            {
                continue;
            }
            let mut values = Vec::new();
            let mut descriptions = Map::new();
            for (value, text) in documented {
                if let Some(text) = text {
                    descriptions
                        .entry(value.clone())
                        .or_insert(Value::String(text));
                }
                values.push(Value::String(value));
            }
            object.shift_remove(keyword);
            object.insert("type".to_owned(), Value::String("string".to_owned()));
            object.insert("enum".to_owned(), Value::Array(values));
            if !descriptions.is_empty() && !object.contains_key("x-enum-descriptions") {
                object.insert(
                    "x-enum-descriptions".to_owned(),
                    Value::Object(descriptions),
                );
            }
            return;
        }
    }
}

/// A member that is one string value with at most a title and a description: the value and
/// its text (the description, else the title).
fn documented_value(member: &Value) -> Option<(String, Option<String>)> {
    let member = member.as_object()?;
    if member
        .keys()
        .any(|k| !MEMBER_KEYWORDS.contains(&k.as_str()))
    {
        return None;
    }
    if member.get("type").is_some_and(|t| t != "string") {
        return None;
    }
    let value = match (member.get("const"), member.get("enum")) {
        (Some(Value::String(value)), None) => value.clone(),
        (None, Some(Value::Array(list))) => match list.as_slice() {
            [Value::String(value)] => value.clone(),
            _ => return None,
        },
        _ => return None,
    };
    let text = ["description", "title"]
        .iter()
        .find_map(|k| member.get(*k).and_then(Value::as_str))
        .map(str::to_owned);
    Some((value, text))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::run_schema;

    #[test]
    fn a_one_of_of_documented_consts_becomes_an_enum_with_descriptions() {
        let (schema, warnings) = run_schema(json!({
            "description": "Invoice status.",
            "oneOf": [
                {"const": "paid", "description": "Settled in full."},
                {"const": "void", "title": "Cancelled"},
                {"type": "string", "enum": ["draft"]},
            ]
        }));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            schema,
            json!({
                "description": "Invoice status.",
                "type": "string",
                "enum": ["paid", "void", "draft"],
                "x-enum-descriptions": {"paid": "Settled in full.", "void": "Cancelled"},
            })
        );
    }

    #[test]
    fn alternatives_that_are_not_only_values_stay_a_union() {
        for schema in [
            json!({"oneOf": [{"const": "a"}, {"type": "integer"}]}),
            json!({"oneOf": [{"const": "a"}, {"const": 1}]}),
            json!({"oneOf": [{"const": "a", "minLength": 1}]}),
            json!({"type": "object", "oneOf": [{"const": "a"}]}),
        ] {
            let (normalized, _) = run_schema(schema.clone());
            assert!(normalized.get("enum").is_none(), "{schema}");
        }
    }
}
