//! The grammar of positions in an OpenAPI document: which object sits under which field.
//!
//! Bundling (following `$ref`s into other files) and normalizing (3.1 → 3.0) both walk the
//! document by its OpenAPI structure rather than visiting every object, because one key
//! means different things in different places: `properties` is a map of names, not a
//! schema; `examples` is a map of Example objects beside a media type but an array inside a
//! schema; example and default values are arbitrary JSON that must never be followed or
//! rewritten. Both walks read that structure from here, so that they cannot disagree about
//! it.
//!
//! A few kinds exist only because of where they sit: a callback inside an operation and a
//! path item inside a callback are the same objects as in the components, but the 3.0 model
//! cannot read a `$ref` there, which normalizing must know. Bundling treats them as the
//! objects they are ([`Kind::object`]).

/// What an object of the document is, as far as its `$ref`s and children are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    Document,
    PathItem,
    /// A path item inside a callback, where the model cannot read a `$ref`.
    CallbackPathItem,
    Operation,
    Parameter,
    RequestBody,
    Response,
    Header,
    MediaType,
    Encoding,
    Components,
    /// A callback in `components/callbacks`, where the model reads a `$ref`.
    Callback,
    /// A callback inside an operation, where the model cannot read a `$ref`.
    InlineCallback,
    Example,
    Link,
    SecurityScheme,
    Schema,
}

/// The components sections, in the order bundling names what it copies into them, and the
/// kind of their entries (`pathItems` is not one: bundling copies path items in place).
pub(super) const SECTIONS: &[(&str, Kind)] = &[
    ("schemas", Kind::Schema),
    ("responses", Kind::Response),
    ("parameters", Kind::Parameter),
    ("examples", Kind::Example),
    ("requestBodies", Kind::RequestBody),
    ("headers", Kind::Header),
    ("securitySchemes", Kind::SecurityScheme),
    ("links", Kind::Link),
    ("callbacks", Kind::Callback),
];

/// `section` as one of [`SECTIONS`], when it is one.
pub(super) fn section_name(section: &str) -> Option<&'static str> {
    SECTIONS
        .iter()
        .find(|(name, _)| *name == section)
        .map(|(name, _)| *name)
}

impl Kind {
    /// The object at this position, whatever the position: a callback inside an operation
    /// is a callback, a path item inside a callback a path item.
    pub(super) fn object(self) -> Kind {
        match self {
            Kind::InlineCallback => Kind::Callback,
            Kind::CallbackPathItem => Kind::PathItem,
            other => other,
        }
    }

    /// The components section a referenced object of this kind is copied into; `None` for
    /// path items (copied in place) and objects that cannot be referenced.
    pub(super) fn section(self) -> Option<&'static str> {
        SECTIONS
            .iter()
            .find(|(_, kind)| *kind == self)
            .map(|(name, _)| *name)
    }

    /// What the object is called in messages.
    pub(super) fn what(self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::PathItem | Kind::CallbackPathItem => "path item",
            Kind::Operation => "operation",
            Kind::Parameter => "parameter",
            Kind::RequestBody => "request body",
            Kind::Response => "response",
            Kind::Header => "header",
            Kind::MediaType => "media type",
            Kind::Encoding => "encoding",
            Kind::Components => "components object",
            Kind::Callback | Kind::InlineCallback => "callback",
            Kind::Example => "example",
            Kind::Link => "link",
            Kind::SecurityScheme => "security scheme",
            Kind::Schema => "schema",
        }
    }
}

/// Whether an `x-` key in a map is an extension (skipped) or just a name like any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Names {
    Extensible,
    Plain,
}

/// The shape of a field's value.
#[derive(Debug, Clone, Copy)]
pub(super) enum Child {
    One(Kind),
    /// A map of names to objects.
    Map(Kind, Names),
    List(Kind),
}

/// What the object at `pointer` (`#/…`, tokens escaped as in a `$ref`) of a document is, by
/// the grammar alone; `None` where the grammar holds no object (an example, an extension).
pub(super) fn kind_at(pointer: &str) -> Option<Kind> {
    let tokens = pointer.strip_prefix("#/")?.split('/');
    let mut kind = Kind::Document;
    // The kind of the entry the next token names, inside a map or a list.
    let mut entry: Option<Kind> = None;
    for token in tokens {
        if let Some(next) = entry.take() {
            kind = next;
            continue;
        }
        let token = token.replace("~1", "/").replace("~0", "~");
        match child_of(kind, &token)? {
            Child::One(next) => kind = next,
            Child::Map(next, _) | Child::List(next) => entry = Some(next),
        }
    }
    // A pointer that ends at a map or list names no object of one kind.
    entry.is_none().then_some(kind)
}

/// The fields of an object of `kind` that can hold an object (and so a `$ref`): example
/// values, defaults, enums and extensions are data and never lead anywhere.
pub(super) fn child_of(kind: Kind, key: &str) -> Option<Child> {
    use Child::{List, Map, One};
    let child = match (kind, key) {
        (Kind::Document, "paths") => Map(Kind::PathItem, Names::Extensible),
        (Kind::Document, "webhooks") => Map(Kind::PathItem, Names::Plain),
        (Kind::Document, "components") => One(Kind::Components),
        (
            Kind::PathItem | Kind::CallbackPathItem,
            "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace",
        ) => One(Kind::Operation),
        (Kind::PathItem | Kind::CallbackPathItem | Kind::Operation, "parameters") => {
            List(Kind::Parameter)
        }
        (Kind::Operation, "requestBody") => One(Kind::RequestBody),
        (Kind::Operation, "responses") => Map(Kind::Response, Names::Extensible),
        (Kind::Operation, "callbacks") => Map(Kind::InlineCallback, Names::Plain),
        (Kind::Callback | Kind::InlineCallback, name) if !name.starts_with("x-") => {
            One(Kind::CallbackPathItem)
        }
        (Kind::Parameter | Kind::Header | Kind::MediaType, "schema") => One(Kind::Schema),
        (Kind::Parameter | Kind::Header | Kind::RequestBody | Kind::Response, "content") => {
            Map(Kind::MediaType, Names::Plain)
        }
        (Kind::Parameter | Kind::Header | Kind::MediaType, "examples") => {
            Map(Kind::Example, Names::Plain)
        }
        (Kind::MediaType, "encoding") => Map(Kind::Encoding, Names::Plain),
        (Kind::Response | Kind::Encoding, "headers") => Map(Kind::Header, Names::Plain),
        (Kind::Response, "links") => Map(Kind::Link, Names::Plain),
        (Kind::Components, "pathItems") => Map(Kind::PathItem, Names::Plain),
        (Kind::Components, section) => Map(
            SECTIONS.iter().find(|(s, _)| *s == section)?.1,
            Names::Plain,
        ),
        (
            Kind::Schema,
            "properties" | "patternProperties" | "$defs" | "definitions" | "dependentSchemas",
        ) => Map(Kind::Schema, Names::Plain),
        (Kind::Schema, "allOf" | "anyOf" | "oneOf" | "prefixItems") => List(Kind::Schema),
        (
            Kind::Schema,
            "items"
            | "not"
            | "additionalProperties"
            | "additionalItems"
            | "contains"
            | "propertyNames"
            | "if"
            | "then"
            | "else"
            | "unevaluatedProperties"
            | "unevaluatedItems"
            | "contentSchema",
        ) => One(Kind::Schema),
        _ => return None,
    };
    Some(child)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_holds_its_own_kind_and_names_itself() {
        for &(section, kind) in SECTIONS {
            assert_eq!(kind.section(), Some(section));
            assert_eq!(section_name(section), Some(section));
            assert!(matches!(
                child_of(Kind::Components, section),
                Some(Child::Map(k, Names::Plain)) if k == kind
            ));
        }
        assert_eq!(Kind::PathItem.section(), None);
        assert_eq!(section_name("pathItems"), None);
    }

    #[test]
    fn positions_inside_callbacks_are_the_objects_they_hold() {
        assert_eq!(Kind::InlineCallback.object(), Kind::Callback);
        assert_eq!(Kind::CallbackPathItem.object(), Kind::PathItem);
        assert_eq!(Kind::Schema.object(), Kind::Schema);
        // A path item inside a callback has the children of any path item.
        for key in ["get", "parameters", "summary", "x-a"] {
            assert_eq!(
                format!("{:?}", child_of(Kind::CallbackPathItem, key)),
                format!("{:?}", child_of(Kind::PathItem, key))
            );
        }
        // Extensions beside a callback's expressions are not path items.
        assert!(child_of(Kind::Callback, "x-a").is_none());
    }
}
