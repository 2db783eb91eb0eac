//! Parsing spec text into a `serde_json::Value` while refusing duplicate keys.
//!
//! serde_json and serde_yaml both keep the last of two equal keys in one mapping and say
//! nothing, so a path or a property written twice would silently lose its first definition.
//! This builds the same `Value` as `serde_json::Value`'s own `Deserialize` (same numbers, same
//! nulls, same key order), but stops at the first key already present in its mapping and
//! records the key's JSON pointer. It runs inside the parser's single pass, so it costs a
//! hash lookup per key, and its recursion is bounded by the parsers' own depth limit (128).

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Number, Value};

/// Where the value being read sits in the document: a chain of tokens up to the root, kept on
/// the stack (nothing is allocated unless a duplicate is found).
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The JSON pointer of `key` inside the value at this path.
    fn pointer_to(&self, key: &str) -> String {
        let mut tokens = vec![key.to_owned()];
        let mut at = self;
        loop {
            match at {
                Path::Root => break,
                Path::Key(parent, key) => {
                    tokens.push((*key).to_owned());
                    at = parent;
                }
                Path::Index(parent, index) => {
                    tokens.push(index.to_string());
                    at = parent;
                }
            }
        }
        tokens.reverse();
        crate::diagnostic::pointer(tokens.iter().map(String::as_str))
    }
}

/// The first key found twice in one mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Duplicate {
    /// The key's JSON pointer (`#/paths/~1pets`).
    pub pointer: String,
    /// The key itself.
    pub key: String,
}

/// Parses JSON text as `serde_json::from_str::<Value>` does, except that a duplicate key is an
/// error: `Err(Ok(duplicate))`. Syntax errors are `Err(Err(error))`, as serde_json reports them.
pub(crate) fn json(text: &str) -> Result<Value, Result<Duplicate, serde_json::Error>> {
    let found = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = UniqueValue {
        path: Path::Root,
        found: &found,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    parsed.map_err(|error| found.into_inner().ok_or(error))
}

/// Parses YAML text as `serde_yaml::from_str::<Value>` does, except that a duplicate key is an
/// error: `Err(Ok(duplicate))`. Other errors are `Err(Err(error))`, as serde_yaml reports them.
pub(crate) fn yaml(text: &str) -> Result<Value, Result<Duplicate, serde_yaml::Error>> {
    let found = RefCell::new(None);
    let parsed = UniqueValue {
        path: Path::Root,
        found: &found,
    }
    .deserialize(serde_yaml::Deserializer::from_str(text));
    parsed.map_err(|error| found.into_inner().ok_or(error))
}

/// Reads one value at `path`; records the first duplicate key in `found`.
struct UniqueValue<'a> {
    path: Path<'a>,
    found: &'a RefCell<Option<Duplicate>>,
}

impl<'de> DeserializeSeed<'de> for UniqueValue<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// Mirrors serde_json's `ValueVisitor` (serde_json 1.x, without `arbitrary_precision`), so that
/// a document without duplicates reads exactly as before.
impl<'de> Visitor<'de> for UniqueValue<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    // Integers beyond 64 bits (`minimum: -9223372036854776000`, a rounded i64::MIN) are kept
    // as the nearest float, as serde_json reads them in JSON, rather than failing the whole
    // document; normalization then reads integer bounds back into range, with a warning.
    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Value, E> {
        match i64::try_from(value) {
            Ok(small) => Ok(Value::Number(small.into())),
            Err(_) => Ok(Number::from_f64(value as f64).map_or(Value::Null, Value::Number)),
        }
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Value, E> {
        match u64::try_from(value) {
            Ok(small) => Ok(Value::Number(small.into())),
            Err(_) => Ok(Number::from_f64(value as f64).map_or(Value::Null, Value::Number)),
        }
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(UniqueValue {
            path: Path::Index(&self.path, items.len()),
            found: self.found,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut values = Map::new();
        while let Some(key) = map.next_key_seed(Key)? {
            // Checked before the value is read, so that a reported pointer only ever goes
            // through first occurrences (which is what `locate` finds).
            match values.entry(key) {
                Entry::Vacant(entry) => {
                    let value = map.next_value_seed(UniqueValue {
                        path: Path::Key(&self.path, entry.key()),
                        found: self.found,
                    })?;
                    entry.insert(value);
                }
                Entry::Occupied(entry) => {
                    let key = entry.key().clone();
                    let pointer = self.path.pointer_to(&key);
                    *self.found.borrow_mut() = Some(Duplicate { pointer, key });
                    return Err(de::Error::custom("duplicate key"));
                }
            }
        }
        Ok(Value::Object(values))
    }
}

/// A mapping key, read as serde_json reads the keys of a `Value`.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = String;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for Key {
    type Value = String;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a string key")
    }

    fn visit_str<E>(self, key: &str) -> Result<String, E> {
        Ok(key.to_owned())
    }

    fn visit_string<E>(self, key: String) -> Result<String, E> {
        Ok(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duplicate(pointer: &str, key: &str) -> Duplicate {
        Duplicate {
            pointer: pointer.to_owned(),
            key: key.to_owned(),
        }
    }

    #[test]
    fn integers_beyond_64_bits_load_as_the_nearest_float_in_yaml_as_in_json() {
        let from_yaml = yaml("a: -9223372036854776000\nb: 99999999999999999999\n").unwrap();
        let from_json = json(r#"{"a": -9223372036854776000, "b": 99999999999999999999}"#).unwrap();
        assert_eq!(from_yaml, from_json);
        assert_eq!(from_yaml["a"].as_f64(), Some(-9.223372036854776e18));
    }

    #[test]
    fn reads_documents_exactly_as_serde_does() {
        let json_text = r#"{"b": [1, -2, 3.5, 18446744073709551615, null, true, "s"],
            "a": {"z": {}, "y": []}, "c": "é\u00e9"}"#;
        assert_eq!(
            json(json_text).ok(),
            serde_json::from_str::<Value>(json_text).ok()
        );
        let yaml_text = "b: [1, -2, 3.5, .nan, ~, yes, true, '1']\na:\n  200: {x: 1}\n  '404': x\nc: &x {k: v}\nd: *x\ne: !!str 3\n";
        let ours = yaml(yaml_text).ok();
        assert!(ours.is_some());
        assert_eq!(ours, serde_yaml::from_str::<Value>(yaml_text).ok());
        // Key order is kept (preserve_order).
        let keys: Vec<String> = ours
            .and_then(|v| v.as_object().map(|o| o.keys().cloned().collect()))
            .unwrap_or_default();
        assert_eq!(keys, ["b", "a", "c", "d", "e"]);
    }

    #[test]
    fn the_first_duplicate_key_is_reported_with_its_pointer() {
        assert_eq!(
            json(r#"{"paths": {"/a": {}, "/b": [{"x": 1, "y": 2, "x": 3}]}}"#)
                .err()
                .and_then(Result::ok),
            Some(duplicate("#/paths/~1b/0/x", "x"))
        );
        assert_eq!(
            json(r#"{"a": 1, "a": 2}"#).err().and_then(Result::ok),
            Some(duplicate("#/a", "a"))
        );
        assert_eq!(
            yaml("paths:\n  /a: {}\n  /b: {}\n  /a: {}\n")
                .err()
                .and_then(Result::ok),
            Some(duplicate("#/paths/~1a", "/a"))
        );
        // A quoted and a plain key with the same text are the same key.
        assert_eq!(
            yaml("responses:\n  200: {}\n  '200': {}\n")
                .err()
                .and_then(Result::ok),
            Some(duplicate("#/responses/200", "200"))
        );
        // Inside the second occurrence of a duplicate key, the key itself is reported.
        assert_eq!(
            yaml("a: {b: 1}\na: {c: 1, c: 2}\n")
                .err()
                .and_then(Result::ok),
            Some(duplicate("#/a", "a"))
        );
    }

    #[test]
    fn other_errors_are_the_parsers_own() {
        assert!(matches!(json(r#"{"a": 1,}"#), Err(Err(_))));
        assert!(matches!(json(r#"{"a": 1} x"#), Err(Err(_))));
        assert!(matches!(yaml("a: [\n"), Err(Err(_))));
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        match json(&deep) {
            Err(Err(error)) => assert!(error.to_string().contains("recursion limit"), "{error}"),
            other => panic!("{other:?}"),
        }
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        match yaml(&deep) {
            Err(Err(error)) => assert!(error.to_string().contains("recursion limit"), "{error}"),
            other => panic!("{other:?}"),
        }
    }
}
