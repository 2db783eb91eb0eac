//! How the API's structs read a JSON object. Each generated struct writes out its
//! `Deserialize` as one loop over the object's keys with a line per field, through the
//! functions here, instead of deriving it: serde's derive expands to about 230 lines a struct
//! (a field enum with three visitors, a sequence visitor and a map visitor), and type checking
//! that is most of what a big client costs to compile (docs/PERFORMANCE.md, "Big clients").
//!
//! What a struct accepts is what the derive accepted, except that a JSON array is no struct:
//! a second value for a field is an error, as is a missing required field; an absent optional
//! field is `None` (an absent `Nullable` is `Absent`); a key the struct does not declare is
//! skipped, or kept in the struct's map of extra properties when it has one.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

/// A struct read from the entries of an object, one key at a time.
pub trait FromFields: Sized {
    /// Reads the struct from the object's entries.
    fn from_fields<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Decodes `T` from an object; any other value is an error that expects "struct `T`".
pub fn object<'de, D: Deserializer<'de>, T: FromFields>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(Fields(PhantomData))
}

struct Fields<T>(PhantomData<T>);

impl<'de, T: FromFields> Visitor<'de> for Fields<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = std::any::type_name::<T>();
        write!(f, "struct {}", path.rsplit("::").next().unwrap_or(path))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_fields(map)
    }
}

/// A key of an object, borrowed from the input when it holds no escape.
#[derive(Debug)]
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    /// The key's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key as an owned string (for a map of extra properties).
    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(key)))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(key.to_owned())))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(key)))
    }
}

/// Reads the value of the field `name` into `slot`; a second value for it is an error.
pub fn field<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Keeps the value of a key the struct does not declare in its map of extra properties.
pub fn rest<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    rest: &mut BTreeMap<String, T>,
    key: Key<'de>,
) -> Result<(), A::Error> {
    rest.insert(key.into_string(), map.next_value()?);
    Ok(())
}

/// Skips the value of a key the struct does not declare.
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

/// Skips every entry: a struct that declares no field.
pub fn skip_all<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// The value of a required field, or the error that names it.
pub fn required<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Nullable;
    use std::collections::BTreeMap;

    /// What a generated struct's decoder looks like, with every kind of field.
    #[derive(Debug, PartialEq)]
    struct Sample {
        id: String,
        count: Option<i64>,
        note: Nullable<String>,
        parent: Option<Box<Sample>>,
        extra: BTreeMap<String, serde_json::Value>,
    }

    impl<'de> Deserialize<'de> for Sample {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            object(deserializer)
        }
    }

    impl FromFields for Sample {
        fn from_fields<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
            let mut id = None;
            let mut count = None;
            let mut note = None;
            let mut parent = None;
            let mut extra = BTreeMap::new();
            while let Some(key) = map.next_key::<Key>()? {
                match key.as_str() {
                    "id" => field(&mut map, &mut id, "id"),
                    "count" => field(&mut map, &mut count, "count"),
                    "note" => field(&mut map, &mut note, "note"),
                    "parent" => field(&mut map, &mut parent, "parent"),
                    _ => rest(&mut map, &mut extra, key),
                }?;
            }
            Ok(Self {
                id: required(id, "id")?,
                count: count.unwrap_or_default(),
                note: note.unwrap_or_default(),
                parent: parent.unwrap_or_default(),
                extra,
            })
        }
    }

    fn decode(json: &str) -> Result<Sample, String> {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }

    #[test]
    fn fields_decode_in_any_order_with_escaped_keys_and_nesting() {
        let sample = decode(r#"{"count": 2, "i\u0064": "a", "parent": {"id": "b"}}"#).unwrap();
        assert_eq!(sample.id, "a");
        assert_eq!(sample.count, Some(2));
        assert_eq!(sample.note, Nullable::Absent);
        assert_eq!(sample.parent.unwrap().id, "b");
    }

    #[test]
    fn absent_null_and_value_stay_apart() {
        assert_eq!(decode(r#"{"id": "a"}"#).unwrap().note, Nullable::Absent);
        assert_eq!(
            decode(r#"{"id": "a", "note": null}"#).unwrap().note,
            Nullable::Null
        );
        assert_eq!(
            decode(r#"{"id": "a", "note": "n"}"#).unwrap().note,
            Nullable::Value("n".to_owned())
        );
        assert_eq!(decode(r#"{"id": "a", "count": null}"#).unwrap().count, None);
    }

    #[test]
    fn what_does_not_fit_is_an_error_with_its_place() {
        let error = decode(r#"{"count": 1}"#).unwrap_err();
        assert_eq!(error, "missing field `id` at line 1 column 12");
        let error = decode(r#"{"id": "a", "id": "b"}"#).unwrap_err();
        assert_eq!(error, "duplicate field `id` at line 1 column 16");
        let error = decode(r#"{"id": 1}"#).unwrap_err();
        assert!(
            error.starts_with("invalid type: integer `1`, expected a string"),
            "{error}"
        );
        let error = decode(r#"["a"]"#).unwrap_err();
        assert!(
            error.starts_with("invalid type: sequence, expected struct Sample"),
            "{error}"
        );
        let error = decode(r#"{"id": "a", "parent": {}}"#).unwrap_err();
        assert!(error.starts_with("missing field `id`"), "{error}");
    }

    #[test]
    fn undeclared_keys_are_kept_where_the_struct_has_a_map_for_them() {
        let sample = decode(r#"{"id": "a", "new": [1, {"x": null}]}"#).unwrap();
        assert_eq!(sample.extra["new"], serde_json::json!([1, {"x": null}]));
    }

    #[test]
    fn a_struct_decodes_from_a_json_value_too() {
        let value = serde_json::json!({"id": "a", "count": 3});
        let sample: Sample = serde_json::from_value(value).unwrap();
        assert_eq!(sample.count, Some(3));
        let error = serde_json::from_value::<Sample>(serde_json::json!("a")).unwrap_err();
        assert!(
            error.to_string().contains("expected struct Sample"),
            "{error}"
        );
    }

    /// The same struct with serde's derive, which the written-out decoder replaces.
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Derived {
        id: String,
        #[serde(default)]
        count: Option<i64>,
        #[serde(default)]
        note: Nullable<String>,
        #[serde(default)]
        parent: Option<Box<Derived>>,
        #[serde(flatten)]
        extra: BTreeMap<String, serde_json::Value>,
    }

    impl From<Derived> for Sample {
        fn from(d: Derived) -> Self {
            Sample {
                id: d.id,
                count: d.count,
                note: d.note,
                parent: d.parent.map(|p| Box::new(Sample::from(*p))),
                extra: d.extra,
            }
        }
    }

    /// The next of a xorshift sequence, below `n`.
    fn next(seed: &mut u64, n: u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed % n
    }

    /// A random JSON text: objects with the struct's keys and others, in any order, repeated
    /// or missing, with values of every type; sometimes not an object at all.
    fn random_json(seed: &mut u64, depth: u32) -> String {
        if next(seed, 10) == 0 {
            return ["[]", "\"id\"", "3", "null"][next(seed, 4) as usize].to_owned();
        }
        let keys = ["id", "count", "note", "parent", "other", "i\\u0064"];
        let mut entries: Vec<String> = (0..next(seed, 6))
            .map(|_| {
                let key = keys[next(seed, keys.len() as u64) as usize];
                // Mostly a value that fits the key, so that many objects decode.
                let fitting = match key {
                    "id" | "i\\u0064" => "\"a\"",
                    "count" => "7",
                    "note" => "\"n\"",
                    _ => "",
                };
                let kind = if next(seed, 4) > 0 && !fitting.is_empty() {
                    9
                } else {
                    next(seed, 8)
                };
                let value = match kind {
                    9 => fitting.to_owned(),
                    0 => "null".to_owned(),
                    1 => next(seed, 100).to_string(),
                    2 => "\"s\"".to_owned(),
                    3 => "1.5".to_owned(),
                    4 => "true".to_owned(),
                    5 => "[1, \"x\"]".to_owned(),
                    _ if depth < 2 => random_json(seed, depth + 1),
                    _ => "{}".to_owned(),
                };
                format!("\"{key}\": {value}")
            })
            .collect();
        if next(seed, 5) > 0 {
            let at = next(seed, entries.len() as u64 + 1) as usize;
            entries.insert(at, "\"id\": \"a\"".to_owned());
        }
        format!("{{{}}}", entries.join(", "))
    }

    #[test]
    fn it_decodes_exactly_what_serde_s_derive_decodes() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let (mut accepted, mut refused) = (0, 0);
        for _ in 0..20_000 {
            let json = random_json(&mut seed, 0);
            let ours = serde_json::from_str::<Sample>(&json);
            let derived = serde_json::from_str::<Derived>(&json);
            match (ours, derived) {
                (Ok(ours), Ok(derived)) => {
                    assert_eq!(ours, Sample::from(derived), "{json}");
                    accepted += 1;
                }
                (Err(ours), Err(derived)) => {
                    // The same error, but for where the derive (through `flatten`) buffers
                    // the object first and so reports its end rather than the key.
                    let what = |e: &serde_json::Error| {
                        let text = e.to_string().replace("Derived", "Sample");
                        text.split(" at line").next().map(str::to_owned)
                    };
                    assert_eq!(what(&ours), what(&derived), "{json}");
                    refused += 1;
                }
                (ours, derived) => panic!("{json}: ours {ours:?}, derived {derived:?}"),
            }
        }
        assert!(
            accepted > 1_000 && refused > 1_000,
            "{accepted} accepted, {refused} refused"
        );
    }

    #[test]
    fn a_struct_without_fields_skips_every_entry() {
        struct Empty;
        impl<'de> Deserialize<'de> for Empty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                object(deserializer)
            }
        }
        impl FromFields for Empty {
            fn from_fields<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
                skip_all(&mut map)?;
                Ok(Self)
            }
        }
        assert!(serde_json::from_str::<Empty>(r#"{"a": {"b": [1]}, "c": null}"#).is_ok());
        assert!(serde_json::from_str::<Empty>("[]").is_err());
    }
}
