//! `multipart/form-data` bodies: the statements adding one part per field (a part per list
//! item), as the IR decided each is written: a file, JSON, or text.

use proc_macro2::TokenStream;
use quote::quote;

use super::wire::wire_text;
use super::{ident, with_value};
use crate::ir::{Api, Body, TypeRef};

/// Statements building the multipart body from `request` and setting it on `call`.
pub(super) fn statements(api: &Api, body: &Body) -> TokenStream {
    let parts = body.fields.iter().zip(&body.encodings).map(|(f, part)| {
        let name = &f.name;
        let (item_ty, list) = match &f.ty {
            TypeRef::Array(_) if part.json => (&f.ty, false),
            TypeRef::Array(item) => (&**item, true),
            ty => (ty, false),
        };
        let add = if let Some(content_type) = &part.content_type {
            quote!(parts.file(#name, value, #content_type);)
        } else if part.json {
            quote!(parts.json(#name, value)?;)
        } else {
            let text = wire_text(item_ty, quote!(value), api, name);
            quote!(parts.text(#name, #text);)
        };
        // A list is a part per item, each under the field's name.
        let add = if list {
            quote! {
                for value in value {
                    #add
                }
            }
        } else {
            add
        };
        let field = ident(&f.ident);
        with_value(quote!(request.#field), f.is_option(), add)
    });
    quote! {
        let mut parts = runtime::Multipart::new();
        #(#parts)*
        call.multipart(parts)?;
    }
}
