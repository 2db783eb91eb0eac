//! The data types of the API: request and response bodies, their parts, and the
//! enumerations of parameters.

use std::fmt;
use serde::{Deserialize, Serialize};

/// Defined inline at `#/paths/~1pets/get/parameters/1/schema`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// `cat`
    #[serde(rename = "cat")]
    Cat,
    /// `dog`
    #[serde(rename = "dog")]
    Dog,
    /// `a b`
    #[serde(rename = "a b")]
    AB,
    /// `1`
    #[serde(rename = "1")]
    V1,
}

impl Kind {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Cat => "cat",
            Self::Dog => "dog",
            Self::AB => "a b",
            Self::V1 => "1",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A schema whose name shadows std's `Option`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OptionModel {
    /// The `name` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The `Pet` schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pet {
    /// The `id` property.
    ///
    /// Constraints: format `int64`.
    pub id: i64,
    /// The `name` property.
    ///
    /// Constraints: at most 64 characters.
    pub name: String,
    /// The kind of pet.
    #[serde(rename = "type")]
    pub type_: PetType,
    /// A link */ "\] #\[doc
    #[serde(rename = "self")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_: Option<String>,
    /// The `tags` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// The `attributes` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<std::collections::BTreeMap<String, String>>,
    /// The `owner` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<OptionModel>,
    /// The `born_at` property.
    ///
    /// Constraints: format `unix-time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub born_at: Option<i64>,
    /// The `updated_at` property.
    ///
    /// Constraints: format `date-time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The `adopted_on` property.
    ///
    /// Constraints: format `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted_on: Option<chrono::NaiveDate>,
}

/// The kind of pet.
///
/// Values the API adds later decode as [`PetType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum PetType {
    /// `cat`
    Cat,
    /// `dog`
    Dog,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl PetType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Cat => "cat",
            Self::Dog => "dog",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for PetType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "cat" => Self::Cat,
            "dog" => Self::Dog,
            _ => Self::Unknown(value),
        }
    }
}

impl From<PetType> for String {
    fn from(value: PetType) -> Self {
        match value {
            PetType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for PetType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `Problem` schema.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// The `title` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The `status` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
}
