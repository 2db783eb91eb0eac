//! JSON numbers of `type: number` fields, written back as they are usually received: an
//! integral value as an integer (`1`), a fractional one as a float (`0.5`).
//!
//! Such fields are `f64`, which serde writes as `1.0` even when the API sent `1` (OpenAI's
//! `temperature`, a Stripe percentage): the same number, but a different JSON value, so an
//! object decoded and encoded again would not compare equal to what was received. Generated
//! structs write these fields through [`Written`].

use std::collections::BTreeMap;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::nullable::Nullable;

/// The largest integer an `f64` holds exactly (2^53): past it an integral `f64` may not be
/// the integer the API sent, so it stays a float.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// A value made of `f64`s: a field of `type: number` and the options, lists and maps of it.
pub trait Numbers {
    /// Writes the value, its integral numbers as integers.
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

impl Numbers for f64 {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = *self;
        // `-0.0` stays a float: as an integer it would lose its sign.
        let integral = value.fract() == 0.0
            && value.abs() < EXACT
            && !(value == 0.0 && value.is_sign_negative());
        if integral {
            // Exact: an integral value below 2^53 converts without rounding.
            serializer.serialize_i64(value as i64)
        } else {
            serializer.serialize_f64(value)
        }
    }
}

impl<T: Numbers> Numbers for Box<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).write(serializer)
    }
}

impl<T: Numbers> Numbers for Option<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => value.write(serializer),
            None => serializer.serialize_none(),
        }
    }
}

impl<T: Numbers> Numbers for Nullable<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(value) => value.write(serializer),
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
        }
    }
}

impl<T: Numbers> Numbers for Vec<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(&Written(item))?;
        }
        seq.end()
    }
}

impl<T: Numbers> Numbers for BTreeMap<String, T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self {
            map.serialize_entry(key, &Written(value))?;
        }
        map.end()
    }
}

/// A value written through [`Numbers`]: a part of one, or a generated struct's field of
/// `type: number`.
pub struct Written<'a, T>(pub &'a T);

impl<T: Numbers> Serialize for Written<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write(serializer)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Serialize, Serializer};
    use serde_json::json;

    use super::{Numbers, Written};
    use crate::nullable::Nullable;

    /// What a generated struct's `Serialize` does for a number field, as a serde attribute.
    fn numbers<T: Numbers, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        Written(value).serialize(serializer)
    }

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Sampling {
        #[serde(serialize_with = "numbers")]
        temperature: f64,
        #[serde(serialize_with = "numbers")]
        weights: Vec<Option<f64>>,
        #[serde(serialize_with = "numbers")]
        by_name: BTreeMap<String, f64>,
        #[serde(default, serialize_with = "numbers")]
        nudge: Nullable<Box<f64>>,
    }

    #[test]
    fn numbers_are_written_back_as_received() {
        let received = json!({
            "temperature": 1,
            "weights": [0.25, 2, null, -3],
            "by_name": {"a": 1e3, "b": 0.1},
            "nudge": -0.0
        });
        let decoded: Sampling = serde_json::from_value(received.clone()).unwrap();
        let written = serde_json::to_value(&decoded).unwrap();
        // `1e3` is read as a float and written as the integer 1000: the same number.
        let mut expected = received;
        expected["by_name"]["a"] = json!(1000);
        assert_eq!(written, expected);
        assert_eq!(serde_json::to_string(&decoded.temperature).unwrap(), "1.0");
        // Past 2^53 an integral f64 stays a float.
        let huge = Sampling {
            temperature: 1e300,
            ..decoded
        };
        assert_eq!(
            serde_json::to_value(&huge).unwrap()["temperature"],
            json!(1e300)
        );
    }
}
