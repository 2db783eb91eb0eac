//! [`Nullable`]: a field that may be left out, set to `null`, or set to a value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A JSON field that is optional and may be `null`: three states that PATCH-style APIs
/// (JSON merge patch among them) tell apart. Leaving a field out keeps what the server has,
/// `null` clears it, a value replaces it.
///
/// `Nullable::Absent` is not sent, `Nullable::Null` is sent as `null`, and
/// `Nullable::Value("Rex".to_owned())` (or `"Rex".to_owned().into()`) as `"Rex"`.
///
/// In a response, a field the server left out is [`Nullable::Absent`] and one it sent as
/// `null` is [`Nullable::Null`], so re-sending what was received sends exactly that.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Nullable<T> {
    /// Left out: not sent, and not received.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// A value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Whether the field is left out (serde's `skip_serializing_if` reads it).
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// Whether the field is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// The value, if there is one (`None` for both absent and `null`).
    pub fn as_option(&self) -> Option<&T> {
        match self {
            Nullable::Value(value) => Some(value),
            Nullable::Absent | Nullable::Null => None,
        }
    }

    /// The value, if there is one (`None` for both absent and `null`).
    pub fn into_option(self) -> Option<T> {
        match self {
            Nullable::Value(value) => Some(value),
            Nullable::Absent | Nullable::Null => None,
        }
    }

    /// A reference to the value, keeping the state.
    pub fn as_ref(&self) -> Nullable<&T> {
        match self {
            Nullable::Absent => Nullable::Absent,
            Nullable::Null => Nullable::Null,
            Nullable::Value(value) => Nullable::Value(value),
        }
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    /// A value as itself, `null` (and a field that is absent but not skipped) as `null`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(value) => value.serialize(serializer),
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    /// `null` as [`Nullable::Null`]; a field that is missing is [`Nullable::Absent`] through
    /// the field's `#[serde(default)]`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer)? {
            Some(value) => Nullable::Value(value),
            None => Nullable::Null,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Nullable;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Patch {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        nickname: Nullable<String>,
    }

    #[test]
    fn absent_null_and_a_value_each_read_and_write_as_themselves() {
        for (json, state) in [
            ("{}", Nullable::Absent),
            (r#"{"nickname":null}"#, Nullable::Null),
            (r#"{"nickname":"Rex"}"#, Nullable::Value("Rex".to_owned())),
        ] {
            let patch: Patch = serde_json::from_str(json).unwrap();
            assert_eq!(patch.nickname, state, "{json}");
            assert_eq!(serde_json::to_string(&patch).unwrap(), json);
        }
        // A wrong type is an error, never `null`.
        assert!(serde_json::from_str::<Patch>(r#"{"nickname":7}"#).is_err());
    }
}
