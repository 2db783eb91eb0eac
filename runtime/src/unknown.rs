//! [`UnknownValue`]: an enum value the client does not know, readable but opaque.

use std::fmt;

/// A value of an enum read from a response that this client does not know: one the API
/// added after the client was generated.
///
/// Its text is read with [`UnknownValue::as_str`], but it cannot be built or matched on as a
/// string (aws-sdk-rust's pattern). Code matching `Status::Unknown(v) if v.as_str() == "paid"`
/// would silently stop running once a regenerated client knows `paid` as `Status::Paid`;
/// being opaque, the value steers that code to the enum's `_` arm, which the enum's
/// `#[non_exhaustive]` already requires. And since only the client makes one, and only for
/// a value it does not know, a known value is never an `UnknownValue`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownValue(String);

impl UnknownValue {
    /// Only the generated enums build one, from a value none of their variants has.
    // The runtime crate itself has no generated enums, so here it is never called.
    #[allow(dead_code)]
    pub(crate) fn new(value: String) -> Self {
        Self(value)
    }

    /// The value as it was received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::UnknownValue;

    #[test]
    fn the_value_reads_as_received() {
        let value = UnknownValue::new("paid_later".to_owned());
        assert_eq!(value.as_str(), "paid_later");
        assert_eq!(value.to_string(), "paid_later");
    }
}
