//! A schema's `type`: 3.1 lists types and spells null as one of them; 3.0 has one type name
//! and `nullable`.
//!
//! What a list becomes is decided apart from the rewrite ([`fix_type`]), so that the
//! decision can be read (and tested) on its own.

use serde_json::{Map, Value};

use super::{Walker, ONLY_NULL};

/// What to do with a schema's `type`.
#[derive(Debug, PartialEq)]
enum TypeFix {
    Keep,
    /// One type remains; `nullable` when the list also had `null`.
    Single {
        name: String,
        nullable: bool,
    },
    /// No single 3.0 type fits: drop `type`, with this warning.
    Untyped {
        nullable: bool,
        warning: String,
    },
}

impl Walker<'_> {
    pub(super) fn type_keyword(&mut self, object: &mut Map<String, Value>) {
        let Some(value) = object.get("type") else {
            return;
        };
        match fix_type(value) {
            TypeFix::Keep => {}
            TypeFix::Single { name, nullable } => {
                object.insert("type".to_owned(), Value::String(name));
                if nullable {
                    object.insert("nullable".to_owned(), Value::Bool(true));
                }
            }
            TypeFix::Untyped { nullable, warning } => {
                object.shift_remove("type");
                if nullable {
                    object.insert("nullable".to_owned(), Value::Bool(true));
                }
                self.warn(warning);
            }
        }
    }
}

/// What a `type` value becomes in 3.0, where it is one type name and null is `nullable`.
fn fix_type(value: &Value) -> TypeFix {
    let entries = match value {
        Value::String(name) if name == "null" => {
            return TypeFix::Untyped {
                nullable: true,
                warning: ONLY_NULL.to_owned(),
            };
        }
        Value::Array(entries) => entries,
        // Anything else is 3.0 already, or wrong in a way the model reports better.
        _ => return TypeFix::Keep,
    };
    if entries.is_empty() {
        return TypeFix::Untyped {
            nullable: false,
            warning: "an empty `type` list is ignored".to_owned(),
        };
    }
    let mut names: Vec<&str> = Vec::new();
    let mut nullable = false;
    for entry in entries {
        match entry.as_str() {
            Some("null") => nullable = true,
            Some(name) if !names.contains(&name) => names.push(name),
            Some(_) => {}
            None => {
                let warning = format!(
                    "`type` lists {}, which is not a type name; `type` is ignored",
                    entry
                );
                return TypeFix::Untyped { nullable, warning };
            }
        }
    }
    match names.as_slice() {
        [] => TypeFix::Untyped {
            nullable: true,
            warning: ONLY_NULL.to_owned(),
        },
        [name] => TypeFix::Single {
            name: (*name).to_owned(),
            nullable,
        },
        // Every integer is a number, so the pair means exactly `number`.
        ["integer", "number"] | ["number", "integer"] => TypeFix::Single {
            name: "number".to_owned(),
            nullable,
        },
        _ => {
            let listed = names
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let warning = format!("a schema of several types ({listed}) is kept as untyped JSON");
            TypeFix::Untyped { nullable, warning }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::{messages, run_schema, AT_S};
    use super::*;

    #[test]
    fn type_lists_become_one_type_and_nullable() {
        let (schema, warnings) = run_schema(json!({"type": ["string", "null"], "format": "date"}));
        assert_eq!(
            schema,
            json!({"type": "string", "format": "date", "nullable": true})
        );
        assert!(warnings.is_empty());
        let (schema, warnings) = run_schema(json!({"type": ["integer"]}));
        assert_eq!(schema, json!({"type": "integer"}));
        assert!(warnings.is_empty());
        // Every integer is a number.
        let (schema, warnings) = run_schema(json!({"type": ["null", "integer", "number"]}));
        assert_eq!(schema, json!({"type": "number", "nullable": true}));
        assert!(warnings.is_empty());
    }

    #[test]
    fn only_null_several_or_no_types_leave_the_schema_untyped_with_a_warning() {
        for only_null in [json!("null"), json!(["null"])] {
            let (schema, warnings) =
                run_schema(json!({"type": only_null, "description": "nothing"}));
            assert_eq!(schema, json!({"description": "nothing", "nullable": true}));
            assert_eq!(warnings, vec![(AT_S.into(), ONLY_NULL.into())]);
        }
        let (schema, warnings) = run_schema(json!({"type": ["string", "integer", "null"]}));
        assert_eq!(schema, json!({"nullable": true}));
        assert_eq!(
            messages(&warnings),
            ["a schema of several types (`string`, `integer`) is kept as untyped JSON"]
        );
        let (schema, warnings) = run_schema(json!({"type": []}));
        assert_eq!(schema, json!({}));
        assert_eq!(messages(&warnings), ["an empty `type` list is ignored"]);
        let (schema, warnings) = run_schema(json!({"type": ["string", 7]}));
        assert_eq!(schema, json!({}));
        assert_eq!(
            messages(&warnings),
            ["`type` lists 7, which is not a type name; `type` is ignored"]
        );
    }
}
