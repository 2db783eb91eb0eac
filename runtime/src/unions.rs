//! How the API's unions (`oneOf`/`anyOf`) decode and encode. The generated `Deserialize` of a
//! union reads the payload once as JSON, then either reads its tag and decodes that
//! alternative only ([`tag`], [`variant`]), or, without a tag, keeps the alternative the
//! payload satisfies that declares the most of its keys ([`Pick`]). A payload that fits no
//! alternative is an error, never another alternative.

use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// The tag of a payload: the string (or integer, as text) at `property` when the payload is
/// an object.
pub fn tag(value: &Value, property: &str) -> Option<String> {
    match value.as_object()?.get(property)? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => number.as_i64().map(|n| n.to_string()),
        _ => None,
    }
}

/// Decodes the alternative the tag `tag` chose, an error naming the union and the tag when
/// the payload does not fit it.
pub fn variant<T: DeserializeOwned, E: serde::de::Error>(
    value: Value,
    union: &str,
    tag: &str,
) -> Result<T, E> {
    serde_json::from_value(value)
        .map_err(|error| E::custom(format_args!("{union} tagged `{tag}`: {error}")))
}

/// The error for a tag this union does not list (a union only sent has no fallback).
pub fn unknown_tag<E: serde::de::Error>(union: &str, property: &str, tag: &str) -> E {
    E::custom(format_args!("{union}: unknown `{property}` `{tag}`"))
}

/// Encodes an alternative with its tag written at `property` (replacing what the value
/// holds there, so that the tag always matches the alternative).
pub fn tagged<S: Serializer, T: Serialize>(
    serializer: S,
    property: &str,
    tag: &str,
    value: &T,
) -> Result<S::Ok, S::Error> {
    let mut value = serde_json::to_value(value).map_err(serde::ser::Error::custom)?;
    if let Value::Object(object) = &mut value {
        object.insert(property.to_owned(), Value::String(tag.to_owned()));
    }
    value.serialize(serializer)
}

/// [`tagged`] for a union whose tags are integers (Discord's component `type`).
pub fn tagged_integer<S: Serializer, T: Serialize>(
    serializer: S,
    property: &str,
    tag: i64,
    value: &T,
) -> Result<S::Ok, S::Error> {
    let mut value = serde_json::to_value(value).map_err(serde::ser::Error::custom)?;
    if let Value::Object(object) = &mut value {
        object.insert(property.to_owned(), Value::from(tag));
    }
    value.serialize(serializer)
}

/// The choice among the alternatives a payload satisfies, for unions without a tag (and
/// tagged unions' payloads without one): each alternative is tried in spec order, and the
/// one declaring the most of the payload's keys wins, the first on a tie.
#[derive(Debug)]
pub struct Pick<'v, U> {
    value: &'v Value,
    best: Option<(usize, U)>,
}

impl<'v, U> Pick<'v, U> {
    /// A choice for `value`.
    pub fn new(value: &'v Value) -> Self {
        Pick { value, best: None }
    }

    /// Tries the alternative `wrap` builds from a `T`: `keys` are the properties it declares,
    /// `fixed` its properties that may take one value only (single-value enums), which a
    /// payload holding another value there does not satisfy.
    pub fn attempt<T: DeserializeOwned>(
        &mut self,
        keys: &[&str],
        fixed: &[(&str, &str)],
        wrap: fn(T) -> U,
    ) {
        let score = match self.value {
            Value::Object(object) => {
                let conflicts = fixed.iter().any(|(property, only)| {
                    object
                        .get(*property)
                        .is_some_and(|found| found.as_str() != Some(*only))
                });
                if conflicts {
                    return;
                }
                keys.iter().filter(|key| object.contains_key(**key)).count()
            }
            _ => 0,
        };
        if self.best.as_ref().is_some_and(|(best, _)| *best >= score) {
            return;
        }
        if let Ok(decoded) = T::deserialize(self.value) {
            self.best = Some((score, wrap(decoded)));
        }
    }

    /// The alternative chosen, or an error naming the union when none fits.
    pub fn finish<E: serde::de::Error>(self, union: &str) -> Result<U, E> {
        match self.best {
            Some((_, chosen)) => Ok(chosen),
            None => Err(E::custom(format_args!(
                "the value fits none of {union}'s alternatives"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    struct Cat {
        name: String,
    }

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    struct Dog {
        name: String,
        bark: bool,
    }

    #[derive(Debug, PartialEq)]
    enum Pet {
        Cat(Cat),
        Dog(Dog),
    }

    fn pick(value: &Value) -> Result<Pet, serde_json::Error> {
        let mut pick = Pick::new(value);
        pick.attempt(&["name", "kind"], &[("kind", "cat")], Pet::Cat);
        pick.attempt(&["name", "bark", "kind"], &[("kind", "dog")], Pet::Dog);
        pick.finish("Pet")
    }

    #[test]
    fn the_alternative_declaring_most_keys_wins() {
        let dog = pick(&serde_json::json!({"name": "Rex", "bark": true})).unwrap();
        assert!(matches!(dog, Pet::Dog(_)));
        let cat = pick(&serde_json::json!({"name": "Tom"})).unwrap();
        assert!(matches!(cat, Pet::Cat(_)));
    }

    #[test]
    fn single_value_properties_are_closed_and_nothing_fitting_is_an_error() {
        let cat = pick(&serde_json::json!({"name": "Tom", "bark": true, "kind": "cat"})).unwrap();
        assert!(matches!(cat, Pet::Cat(_)));
        assert!(pick(&serde_json::json!({"name": "Tom", "kind": "bird"})).is_err());
        assert!(pick(&serde_json::json!(3)).is_err());
    }

    #[test]
    fn tags_are_read_and_written() {
        let value = serde_json::json!({"pet_type": "dog", "name": "Rex", "bark": true});
        assert_eq!(tag(&value, "pet_type").as_deref(), Some("dog"));
        assert_eq!(tag(&serde_json::json!("dog"), "pet_type"), None);
        let dog: Dog = variant::<Dog, serde_json::Error>(value, "Pet", "dog").unwrap();
        let written = tagged(serde_json::value::Serializer, "pet_type", "dog", &dog).unwrap();
        assert_eq!(
            written,
            serde_json::json!({"pet_type": "dog", "name": "Rex", "bark": true})
        );
        let button = serde_json::json!({"type": 2, "name": "Rex", "bark": true});
        assert_eq!(tag(&button, "type").as_deref(), Some("2"));
        let written = tagged_integer(serde_json::value::Serializer, "type", 2, &dog).unwrap();
        assert_eq!(written["type"], 2);
        let error = variant::<Dog, serde_json::Error>(serde_json::json!({}), "Pet", "dog");
        assert!(error
            .unwrap_err()
            .to_string()
            .starts_with("Pet tagged `dog`"));
    }
}
