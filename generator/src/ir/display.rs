//! How IR types read in Rust, for documentation and changelogs: every backend and the diff
//! show a type the same way.

use super::{IntegerFormat, StringFormat, TypeRef};

impl TypeRef {
    /// The Rust type as text (`Vec<String>`, `BTreeMap<String, i64>`, `Invoice`).
    pub fn rust_name(&self) -> String {
        match self {
            TypeRef::String(StringFormat::Plain | StringFormat::Base64) => "String".into(),
            TypeRef::String(StringFormat::DateTime) => "DateTime<Utc>".into(),
            TypeRef::String(StringFormat::Date) => "NaiveDate".into(),
            TypeRef::String(StringFormat::Binary) => "Vec<u8>".into(),
            TypeRef::String(StringFormat::File) => "Upload".into(),
            TypeRef::Integer(IntegerFormat::Int32) => "i32".into(),
            TypeRef::Integer(IntegerFormat::Int64 | IntegerFormat::UnixTime) => "i64".into(),
            TypeRef::Number => "f64".into(),
            TypeRef::Boolean => "bool".into(),
            TypeRef::Named(name) => name.clone(),
            TypeRef::Array(inner) => format!("Vec<{}>", inner.rust_name()),
            TypeRef::Map(inner) => format!("BTreeMap<String, {}>", inner.rust_name()),
            TypeRef::Any => "serde_json::Value".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ir::{IntegerFormat, StringFormat, TypeRef};

    #[test]
    fn nested_types_read_as_rust() {
        let ty = TypeRef::Map(Box::new(TypeRef::Array(Box::new(TypeRef::Named(
            "Addon".into(),
        )))));
        assert_eq!(ty.rust_name(), "BTreeMap<String, Vec<Addon>>");
        assert_eq!(TypeRef::Integer(IntegerFormat::UnixTime).rust_name(), "i64");
        assert_eq!(TypeRef::String(StringFormat::Base64).rust_name(), "String");
        assert_eq!(
            TypeRef::Array(Box::new(TypeRef::String(StringFormat::DateTime))).rust_name(),
            "Vec<DateTime<Utc>>"
        );
        assert_eq!(TypeRef::String(StringFormat::Date).rust_name(), "NaiveDate");
    }
}
