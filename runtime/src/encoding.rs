//! Form bodies and query strings: `key=value` pairs, how nested values are keyed (OpenAPI's
//! styles and the conventions OpenAPI leaves open), and lists and objects joined into one
//! value.

use crate::error::InvalidRequest;
use crate::values::json;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// An `application/x-www-form-urlencoded` body or query string: `key=value` pairs in the
/// order appended, percent-encoded when finished.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form(Vec<(String, Text)>);

/// A value of a [`Form`]: as given, or already percent-encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Text {
    Plain(String),
    Encoded(String),
}

/// What `allowReserved` lets through unencoded: RFC 3986's reserved characters but those that
/// would change how a query string splits or decodes (`[`, `]`, `#`, `&`, `=`, `+`), which
/// OpenAPI 3.1.1 asks to keep encoded.
const RESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b':')
    .remove(b'/')
    .remove(b'?')
    .remove(b'@')
    .remove(b'!')
    .remove(b'$')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b',')
    .remove(b';');

impl Form {
    /// An empty form.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `key=value`, both encoded.
    pub fn append(&mut self, key: &str, value: &str) {
        self.0.push((key.to_owned(), Text::Plain(value.to_owned())));
    }

    /// Appends `key=value` where `value` is already percent-encoded (a list joined with
    /// separators of its own, see [`joined_query`]).
    pub fn append_encoded(&mut self, key: &str, value: String) {
        self.0.push((key.to_owned(), Text::Encoded(value)));
    }

    /// Appends the pairs of `other`, their values keeping RFC 3986's reserved characters
    /// (`allowReserved: true`) but those that would split or change the query string.
    pub fn append_reserved(&mut self, other: Form) {
        for (key, text) in other.0 {
            let text = match text {
                Text::Plain(value) => {
                    Text::Encoded(utf8_percent_encode(&value, RESERVED).to_string())
                }
                encoded @ Text::Encoded(_) => encoded,
            };
            self.0.push((key, text));
        }
    }

    /// Whether nothing was appended.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pairs as given (values that were appended encoded are left out).
    fn plain(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().filter_map(|(key, text)| match text {
            Text::Plain(value) => Some((key.as_str(), value.as_str())),
            Text::Encoded(_) => None,
        })
    }

    /// The encoded text.
    pub fn finish(self) -> String {
        let mut out = String::new();
        for (key, text) in &self.0 {
            if !out.is_empty() {
                out.push('&');
            }
            out.extend(form_urlencoded::byte_serialize(key.as_bytes()));
            out.push('=');
            match text {
                Text::Plain(value) => out.extend(form_urlencoded::byte_serialize(value.as_bytes())),
                Text::Encoded(value) => out.push_str(value),
            }
        }
        out
    }
}

/// How the items of a list of plain values are keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrayKeys {
    /// `k=a&k=b`.
    Repeat,
    /// `k[0]=a&k[1]=b`.
    Indexed,
    /// `k[]=a&k[]=b`.
    Brackets,
}

/// Where the index of an item of a list of objects goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectArrays {
    /// `a[0][b]=x`.
    IndexFirst,
    /// `a[b][0]=x`.
    IndexLast,
}

/// How an object without declared properties is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreeForm {
    /// Like any object: `meta[k]=v`.
    Brackets,
    /// One JSON text: `meta={"k":"v"}`.
    Json,
}

/// How the values below the top level of a form field or query parameter are keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nesting {
    /// Items of lists of plain values inside brackets.
    pub arrays: ArrayKeys,
    /// Items of lists of objects.
    pub object_arrays: ObjectArrays,
    /// Objects without declared properties.
    pub free_form: FreeForm,
}

/// The key a value is appended under, in the bracket notation: `name`, `name[field]`,
/// `name[0]`, ... An index is placed once it is known whether the item is a plain value
/// (`name[0]`) or an object (`name[0][field]`, or `name[field][0]` for index-last lists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    prefix: String,
    suffix: String,
    /// The index of a list item, not placed yet.
    pending: Option<(usize, ArrayKeys)>,
    /// Whether object properties are keys of their own (`form`, `explode: true` at the top).
    spread: bool,
    /// How this value's own list items are keyed.
    list: ArrayKeys,
    nesting: Nesting,
}

impl Key {
    /// The key of a top-level value whose properties and items go in brackets (`deepObject`).
    pub fn new(name: &str, list: ArrayKeys, nesting: Nesting) -> Self {
        Self {
            prefix: name.to_owned(),
            suffix: String::new(),
            pending: None,
            spread: false,
            list,
            nesting,
        }
    }

    /// The key of a top-level value whose object properties are keys of their own, as
    /// OpenAPI's `form` style with `explode: true` sends them (`R=100&G=200`).
    pub fn spread(name: &str, list: ArrayKeys, nesting: Nesting) -> Self {
        Self {
            spread: true,
            ..Self::new(name, list, nesting)
        }
    }

    /// The key a plain value is sent under.
    pub fn name(&self) -> String {
        let mut name = self.prefix.clone();
        if let Some((index, keys)) = self.pending {
            match keys {
                ArrayKeys::Repeat => {}
                ArrayKeys::Indexed => name.push_str(&format!("[{index}]")),
                ArrayKeys::Brackets => name.push_str("[]"),
            }
        }
        name.push_str(&self.suffix);
        name
    }

    /// The key of the property `field` of the object at this key.
    pub fn field(&self, field: &str) -> Key {
        let (prefix, suffix) = if self.spread {
            (field.to_owned(), String::new())
        } else {
            match self.pending {
                None => (format!("{}[{field}]", self.prefix), self.suffix.clone()),
                Some((index, keys)) => {
                    // An object's entries must stay together: repeated keys cannot do that.
                    let at = match keys {
                        ArrayKeys::Brackets => "[]".to_owned(),
                        ArrayKeys::Indexed | ArrayKeys::Repeat => format!("[{index}]"),
                    };
                    match self.nesting.object_arrays {
                        ObjectArrays::IndexFirst => {
                            (format!("{}{at}[{field}]", self.prefix), self.suffix.clone())
                        }
                        ObjectArrays::IndexLast => (
                            format!("{}[{field}]", self.prefix),
                            format!("{at}{}", self.suffix),
                        ),
                    }
                }
            }
        };
        Key {
            prefix,
            suffix,
            pending: None,
            spread: false,
            list: self.nesting.arrays,
            nesting: self.nesting,
        }
    }

    /// The key of the item at `index` of the list at this key.
    pub fn item(&self, index: usize) -> Key {
        let mut prefix = self.prefix.clone();
        if let Some((outer, keys)) = self.pending {
            // A list in a list: the outer index goes first.
            match keys {
                ArrayKeys::Brackets => prefix.push_str("[]"),
                ArrayKeys::Indexed | ArrayKeys::Repeat => prefix.push_str(&format!("[{outer}]")),
            }
        }
        Key {
            prefix,
            suffix: self.suffix.clone(),
            pending: Some((index, self.list)),
            spread: false,
            list: self.nesting.arrays,
            nesting: self.nesting,
        }
    }

    /// Whether objects without declared properties are sent as one JSON text here.
    pub fn json(&self) -> bool {
        self.nesting.free_form == FreeForm::Json
    }
}

/// Appends an untyped value at `key`: plain values as their text (`null` as an empty value,
/// which servers read as "unset"), lists and objects in brackets, or as one JSON text where
/// the key says so.
pub fn append_json(
    form: &mut Form,
    key: &Key,
    value: &serde_json::Value,
) -> Result<(), InvalidRequest> {
    use serde_json::Value;
    match value {
        Value::Null => form.append(&key.name(), ""),
        Value::Bool(value) => form.append(&key.name(), if *value { "true" } else { "false" }),
        Value::Number(value) => form.append(&key.name(), &value.to_string()),
        Value::String(value) => form.append(&key.name(), value),
        Value::Array(_) | Value::Object(_) if key.json() => {
            let name = key.name();
            form.append(&name, &json(&name, value)?);
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                append_json(form, &key.item(index), item)?;
            }
        }
        Value::Object(entries) => {
            for (name, item) in entries {
                append_json(form, &key.field(name), item)?;
            }
        }
    }
    Ok(())
}

/// How a list or an object is written as one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// `form` or `simple`: `a,b,c`; objects `R,100,G,200`.
    Comma,
    /// `simple` with `explode: true`: lists `a,b,c`; objects `R=100,G=200`.
    CommaPairs,
    /// `spaceDelimited`: `a b c`; objects `R 100 G 200`.
    Space,
    /// `pipeDelimited`: `a|b|c`; objects `R|100|G|200`.
    Pipe,
}

/// The parts collected in `parts` (at a [`Key::spread`] named `name`) as one value: a list's
/// items, or an object's names and values, each transformed by `encode`, between separators.
fn join(
    parts: &Form,
    name: &str,
    join: Join,
    space: &str,
    encode: impl Fn(&str) -> String,
) -> String {
    let separator = match join {
        Join::Comma | Join::CommaPairs => ",",
        Join::Space => space,
        Join::Pipe => "|",
    };
    let pairs: Vec<(&str, &str)> = parts.plain().collect();
    let mut items: Vec<String> = Vec::new();
    if pairs.iter().all(|(key, _)| *key == name) {
        items.extend(pairs.iter().map(|(_, value)| encode(value)));
    } else {
        for (key, value) in pairs {
            if join == Join::CommaPairs {
                items.push(format!("{}={}", encode(key), encode(value)));
            } else {
                items.push(encode(key));
                items.push(encode(value));
            }
        }
    }
    items.join(separator)
}

/// A list or object collected in `parts` as one query value, its items percent-encoded and
/// the separators as OpenAPI's style examples write them (`blue,black,brown`,
/// `blue%20black%20brown`, `blue|black|brown`). Append it with [`Form::append_encoded`].
pub fn joined_query(parts: &Form, name: &str, style: Join, reserved: bool) -> String {
    join(parts, name, style, "%20", |text| {
        if reserved {
            utf8_percent_encode(text, RESERVED).to_string()
        } else {
            form_urlencoded::byte_serialize(text.as_bytes()).collect()
        }
    })
}

/// A list or object collected in `parts` as one plain text, for a header or a cookie.
pub fn joined_text(parts: &Form, name: &str, style: Join) -> String {
    join(parts, name, style, " ", str::to_owned)
}
