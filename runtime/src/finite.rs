//! Finding the numbers JSON cannot carry. serde_json writes NaN and the infinities as `null`
//! without an error, so a request would silently lose the value; every value the runtime
//! encodes as JSON is walked once first, and such a number is refused, naming the field.

use std::fmt;

use serde::ser::{self, Serialize};

/// Whether `value` holds a NaN or infinite number anywhere.
pub(crate) fn check<T: Serialize + ?Sized>(value: &T) -> Result<(), NonFinite> {
    value.serialize(Check)
}

/// A number JSON cannot carry (or a value that failed to serialize at all).
#[derive(Debug)]
pub(crate) struct NonFinite(String);

impl fmt::Display for NonFinite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NonFinite {}

impl ser::Error for NonFinite {
    fn custom<T: fmt::Display>(message: T) -> Self {
        NonFinite(message.to_string())
    }
}

type Checked = Result<(), NonFinite>;

fn finite(value: f64) -> Checked {
    if value.is_finite() {
        Ok(())
    } else {
        Err(NonFinite(format!(
            "{value} is not a number JSON can carry (it would be sent as null)"
        )))
    }
}

/// A serializer that writes nothing and only looks at the numbers.
struct Check;

impl ser::Serializer for Check {
    type Ok = ();
    type Error = NonFinite;
    type SerializeSeq = Check;
    type SerializeTuple = Check;
    type SerializeTupleStruct = Check;
    type SerializeTupleVariant = Check;
    type SerializeMap = Check;
    type SerializeStruct = Check;
    type SerializeStructVariant = Check;

    fn serialize_bool(self, _: bool) -> Checked {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Checked {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Checked {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Checked {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Checked {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Checked {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Checked {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Checked {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Checked {
        Ok(())
    }
    fn serialize_f32(self, value: f32) -> Checked {
        finite(f64::from(value))
    }
    fn serialize_f64(self, value: f64) -> Checked {
        finite(value)
    }
    fn serialize_char(self, _: char) -> Checked {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Checked {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Checked {
        Ok(())
    }
    fn serialize_none(self) -> Checked {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Checked {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Checked {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Checked {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Checked {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Checked {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Checked {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Check, NonFinite> {
        Ok(Check)
    }
    fn serialize_tuple(self, _: usize) -> Result<Check, NonFinite> {
        Ok(Check)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Check, NonFinite> {
        Ok(Check)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Check, NonFinite> {
        Ok(Check)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Check, NonFinite> {
        Ok(Check)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Check, NonFinite> {
        Ok(Check)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Check, NonFinite> {
        Ok(Check)
    }
}

impl ser::SerializeSeq for Check {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Checked {
        value.serialize(Check)
    }
    fn end(self) -> Checked {
        Ok(())
    }
}

impl ser::SerializeTuple for Check {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Checked {
        value.serialize(Check)
    }
    fn end(self) -> Checked {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Check {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Checked {
        value.serialize(Check)
    }
    fn end(self) -> Checked {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Check {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Checked {
        value.serialize(Check)
    }
    fn end(self) -> Checked {
        Ok(())
    }
}

impl ser::SerializeMap for Check {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Checked {
        key.serialize(Check)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Checked {
        value.serialize(Check)
    }
    fn end(self) -> Checked {
        Ok(())
    }
}

impl ser::SerializeStruct for Check {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Checked {
        value.serialize(Check)
    }
    fn end(self) -> Checked {
        Ok(())
    }
}

impl ser::SerializeStructVariant for Check {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Checked {
        value.serialize(Check)
    }
    fn end(self) -> Checked {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn finds_non_finite_numbers_at_any_depth() {
        assert!(check(&1.5).is_ok());
        assert!(check(&serde_json::json!({"a": [1, 2.5, {"b": null}]})).is_ok());
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(check(&bad).is_err());
            assert!(check(&vec![Some(1.0), Some(bad)]).is_err());
            let mut map = std::collections::BTreeMap::new();
            map.insert("deep", (1, [0.0, bad]));
            assert!(check(&map).is_err());
        }
        assert!(check(&f32::NAN).is_err());
    }
}
