//! [`Types`]: an API's named types, in an order that is also their lookup index.

use serde::Serialize;

use super::TypeDef;

/// The named types of an API, sorted by identifier.
///
/// The order is the lookup index: [`Types::by_ident`] is a binary search, so there is no
/// separate index that could miss a type added later. The only ways to build one
/// ([`Types::new`], `collect`, `From<Vec<TypeDef>>`) sort, and nothing hands out a mutable
/// reference, so the order cannot be broken. It reads as a slice (`iter`, `len`, indexing).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Types {
    sorted: Vec<TypeDef>,
}

impl Types {
    /// Sorts `defs` by identifier. Identifiers are unique in an API (the lowering's naming
    /// guarantees it); should two be equal, the first given is the one found.
    pub fn new(mut defs: Vec<TypeDef>) -> Self {
        // A stable sort keeps equal identifiers in the order given.
        defs.sort_by(|a, b| a.ident.cmp(&b.ident));
        Self { sorted: defs }
    }

    /// The type named `ident`.
    pub fn by_ident(&self, ident: &str) -> Option<&TypeDef> {
        let at = self.sorted.partition_point(|t| t.ident.as_str() < ident);
        self.sorted.get(at).filter(|t| t.ident == ident)
    }

    /// The types, sorted by identifier.
    pub fn as_slice(&self) -> &[TypeDef] {
        &self.sorted
    }
}

impl std::ops::Deref for Types {
    type Target = [TypeDef];

    fn deref(&self) -> &[TypeDef] {
        &self.sorted
    }
}

impl<'a> IntoIterator for &'a Types {
    type Item = &'a TypeDef;
    type IntoIter = std::slice::Iter<'a, TypeDef>;

    fn into_iter(self) -> Self::IntoIter {
        self.sorted.iter()
    }
}

impl From<Vec<TypeDef>> for Types {
    fn from(defs: Vec<TypeDef>) -> Self {
        Self::new(defs)
    }
}

impl FromIterator<TypeDef> for Types {
    fn from_iter<I: IntoIterator<Item = TypeDef>>(defs: I) -> Self {
        Self::new(defs.into_iter().collect())
    }
}

impl Serialize for Types {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.sorted.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::Types;
    use crate::ir::{TypeDef, TypeKind};

    fn def(ident: &str) -> TypeDef {
        TypeDef {
            ident: ident.to_owned(),
            origin: format!("#/components/schemas/{ident}"),
            description: None,
            deprecated: false,
            kind: TypeKind::Enum {
                values: Vec::new(),
                open: false,
            },
            extra: None,
            eq_hash: false,
            derives: Vec::new(),
        }
    }

    #[test]
    fn types_are_sorted_and_every_one_is_found() {
        let types: Types = ["Zebra", "Apple", "Mango", "Apple2"]
            .into_iter()
            .map(def)
            .collect();
        let idents: Vec<&str> = types.iter().map(|t| t.ident.as_str()).collect();
        assert_eq!(idents, ["Apple", "Apple2", "Mango", "Zebra"]);
        for ident in ["Zebra", "Apple", "Mango", "Apple2"] {
            assert_eq!(types.by_ident(ident).map(|t| t.ident.as_str()), Some(ident));
        }
        for missing in ["", "A", "Appl", "Apple3", "Zz"] {
            assert!(types.by_ident(missing).is_none(), "{missing}");
        }
        assert!(Types::default().by_ident("Apple").is_none());
    }
}
