//! The written-out `Serialize` and `Deserialize` of a struct. `Deserialize` is one loop over
//! the object's keys, a line per field, through the runtime's `objects` module; `Serialize`
//! writes a map entry per field present. They read and write what serde's derives did (the
//! runtime's tests compare the decoder with the derive on 20,000 random objects, and the
//! whole clients' tests decode and encode again real payloads), at a fraction of the code the
//! derives expand to, which is what a big client's `cargo check` spends most of its time on
//! (docs/PERFORMANCE.md, "Big clients").

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::ident;
use crate::ir::{Field, TypeRef};

/// Where a struct keeps the keys it does not declare: its map of extra properties.
pub struct Rest<'a> {
    /// The map's field.
    pub field: &'a str,
}

/// The `Deserialize` and `FromFields` impls of the struct `name`. `deprecated`: the struct or
/// a field is deprecated (the impls name them on purpose).
pub fn struct_decoder(
    name: &Ident,
    fields: &[Field],
    rest: Option<Rest<'_>>,
    deprecated: bool,
) -> TokenStream {
    let allow = deprecated.then(|| quote!(#[allow(deprecated)]));
    let body = match (fields.is_empty(), &rest) {
        (true, None) => quote! {
            crate::objects::skip_all(&mut map)?;
            Ok(Self {})
        },
        // Only a map: every entry goes to it (in a local that is not the loop's own name).
        (true, Some(rest)) => {
            let field = ident(rest.field);
            let (entries, init) = if ["map", "key"].contains(&rest.field) {
                let entries = format_ident!("entries");
                (entries.clone(), quote!(#field: #entries))
            } else {
                (field.clone(), quote!(#field))
            };
            quote! {
                let mut #entries = std::collections::BTreeMap::new();
                while let Some(key) = map.next_key::<crate::objects::Key>()? {
                    crate::objects::rest(&mut map, &mut #entries, key)?;
                }
                Ok(Self { #init })
            }
        }
        (false, _) => fields_body(fields, rest),
    };
    quote! {
        #allow
        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::objects::object(deserializer)
            }
        }

        #allow
        impl crate::objects::FromFields for #name {
            fn from_fields<'de, A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
                #body
            }
        }
    }
}

fn fields_body(fields: &[Field], rest: Option<Rest<'_>>) -> TokenStream {
    // Each field's value waits in a local of the field's name, but for the names the body
    // uses itself: the loop's `map` and `key`, and the helpers it imports.
    let taken: Vec<&str> = fields
        .iter()
        .map(|f| f.ident.as_str())
        .chain(rest.as_ref().map(|r| r.field))
        .collect();
    let local = |field: &str| -> Ident {
        if !["map", "key", "field", "required", "skip"].contains(&field) {
            return ident(field);
        }
        let mut name = format!("{field}_value");
        while taken.contains(&name.as_str()) {
            name.push('_');
        }
        format_ident!("{}", name)
    };
    let slots = fields.iter().map(|f| {
        let slot = local(&f.ident);
        quote!(let mut #slot = None;)
    });
    let arms = fields.iter().map(|f| {
        let slot = local(&f.ident);
        let wire = &f.name;
        quote!(#wire => field(&mut map, &mut #slot, #wire),)
    });
    let (rest_slot, rest_arm, rest_init) = match &rest {
        Some(rest) => {
            let slot = local(rest.field);
            let field = ident(rest.field);
            (
                Some(quote!(let mut #slot = std::collections::BTreeMap::new();)),
                quote!(_ => rest(&mut map, &mut #slot, key),),
                Some(if slot == field {
                    quote!(#field,)
                } else {
                    quote!(#field: #slot,)
                }),
            )
        }
        None => (None, quote!(_ => skip(&mut map),), None),
    };
    let any_required = fields.iter().any(is_required);
    let inits = fields.iter().map(|f| {
        let (field, slot, wire) = (ident(&f.ident), local(&f.ident), &f.name);
        if is_required(f) {
            quote!(#field: required(#slot, #wire)?,)
        } else {
            quote!(#field: #slot.unwrap_or_default(),)
        }
    });
    let mut imports = vec![quote!(field)];
    if any_required {
        imports.push(quote!(required));
    }
    imports.push(if rest.is_none() {
        quote!(skip)
    } else {
        quote!(rest)
    });
    quote! {
        use crate::objects::{#(#imports),*};
        #(#slots)*
        #rest_slot
        while let Some(key) = map.next_key::<crate::objects::Key>()? {
            // One `?` for every arm: each is a `Result`, so that the check has one error path
            // to type, not one a field.
            match key.as_str() {
                #(#arms)*
                #rest_arm
            }?;
        }
        Ok(Self {
            #(#inits)*
            #rest_init
        })
    }
}

/// Whether a missing value is an error: the field is neither an `Option` nor a `Nullable`
/// (for those, serde's derive reads a missing value as `None` or `Absent` too).
fn is_required(field: &Field) -> bool {
    field.required && !field.nullable && !field.tristate
}

/// The `Serialize` impl of the struct `name`: each field present as a map entry, in order
/// (an absent `Option` or `Nullable` written as nothing, a `type: number` through the
/// runtime's `Written`, so that `1` stays `1`), then the entries of its map of extra properties.
pub fn struct_encoder(
    name: &Ident,
    fields: &[Field],
    rest: Option<Rest<'_>>,
    deprecated: bool,
) -> TokenStream {
    let allow = deprecated.then(|| quote!(#[allow(deprecated)]));
    let entries = fields.iter().map(|f| {
        let (field, wire) = (ident(&f.ident), &f.name);
        let numbers = holds_number(&f.ty);
        let written = |value: TokenStream| {
            if numbers {
                quote!(&crate::runtime::Written(#value))
            } else {
                value
            }
        };
        if f.tristate {
            let value = written(quote!(&self.#field));
            quote! {
                if !self.#field.is_absent() {
                    map.serialize_entry(#wire, #value)?;
                }
            }
        } else if !f.required {
            let value = written(quote!(value));
            quote! {
                if let Some(value) = &self.#field {
                    map.serialize_entry(#wire, #value)?;
                }
            }
        } else {
            let value = written(quote!(&self.#field));
            quote!(map.serialize_entry(#wire, #value)?;)
        }
    });
    let rest = rest.map(|rest| {
        let field = ident(rest.field);
        quote! {
            for (key, value) in &self.#field {
                map.serialize_entry(key, value)?;
            }
        }
    });
    let body = if fields.is_empty() && rest.is_none() {
        quote!(serializer.serialize_map(Some(0))?.end())
    } else {
        quote! {
            let mut map = serializer.serialize_map(None)?;
            #(#entries)*
            #rest
            map.end()
        }
    };
    quote! {
        #allow
        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                #body
            }
        }
    }
}

/// Whether a value of this type is, or holds, an `f64` (`type: number`).
pub fn holds_number(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Number => true,
        TypeRef::Array(inner) | TypeRef::Map(inner) => holds_number(inner),
        TypeRef::String(_)
        | TypeRef::Integer(_)
        | TypeRef::Boolean
        | TypeRef::Named(_)
        | TypeRef::Any => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Constraints;

    fn field(name: &str, required: bool) -> Field {
        Field {
            name: name.to_owned(),
            ident: name.to_owned(),
            description: None,
            required,
            nullable: false,
            tristate: false,
            deprecated: false,
            ty: TypeRef::Boolean,
            boxed: false,
            constraints: Constraints::default(),
        }
    }

    /// The decoder's text, one space between tokens, checked to parse as Rust items.
    fn decoder(fields: &[Field], rest: Option<&str>) -> String {
        let name = format_ident!("Sample");
        let tokens = struct_decoder(&name, fields, rest.map(|field| Rest { field }), false);
        syn::parse2::<syn::File>(tokens.clone()).expect("the impls parse");
        tokens.to_string()
    }

    #[test]
    fn a_struct_without_fields_skips_every_entry() {
        let text = decoder(&[], None);
        assert!(
            text.contains("crate :: objects :: skip_all (& mut map) ?"),
            "{text}"
        );
        assert!(text.contains("Ok (Self { })"), "{text}");
    }

    #[test]
    fn a_struct_of_only_a_map_keeps_every_entry_in_it() {
        let text = decoder(&[], Some("extra"));
        assert!(text.contains("crate :: objects :: rest (& mut map , & mut extra , key) ?"));
        assert!(text.contains("Ok (Self { extra })"), "{text}");
        // A map named like the loop's own names waits in another local.
        let text = decoder(&[], Some("map"));
        assert!(text.contains("let mut entries ="), "{text}");
        assert!(text.contains("Ok (Self { map : entries })"), "{text}");
    }

    #[test]
    fn locals_named_like_the_body_s_own_names_get_a_suffix() {
        let fields = [
            field("key", true),
            field("key_value", false),
            field("skip", false),
        ];
        let text = decoder(&fields, None);
        assert!(text.contains("let mut key_value_ = None ;"), "{text}");
        assert!(text.contains("let mut key_value = None ;"), "{text}");
        assert!(text.contains("let mut skip_value = None ;"), "{text}");
        assert!(
            text.contains("key : required (key_value_ , \"key\") ?"),
            "{text}"
        );
        assert!(text.contains("_ => skip (& mut map) ,"), "{text}");
    }
}
