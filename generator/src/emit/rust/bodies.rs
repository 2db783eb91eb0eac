//! The statements setting an operation's request body on its call, by encoding: a form, JSON
//! (fields gathered into one object), multipart parts, bytes or text.

use proc_macro2::TokenStream;
use quote::quote;

use super::{form, ident};
use crate::ir::{Api, ArrayKeys, BodyEncoding, Nesting, Operation, ParamStyle};

/// Statements setting the request body on `call`.
pub(super) fn body_statements(
    api: &Api,
    op: &Operation,
    nestings: &mut form::Nestings,
) -> TokenStream {
    let Some(body) = &op.body else {
        return TokenStream::new();
    };
    let media_type = &body.media_type;
    match body.encoding {
        BodyEncoding::Form if body.fields.is_empty() => quote!(call.form(runtime::Form::new());),
        BodyEncoding::Form => {
            let target = form::Target::local("form");
            let appends = body.fields.iter().map(|f| {
                let top = match body.encodings.iter().find(|e| e.name == f.name) {
                    Some(e) if e.json => form::Top::Json,
                    Some(e) => {
                        form::Top::of(e.style, e.explode, e.list, e.nesting, e.allow_reserved)
                    }
                    None => form::Top::of(
                        ParamStyle::Form,
                        true,
                        ArrayKeys::Repeat,
                        Nesting::default(),
                        false,
                    ),
                };
                let append =
                    form::append_top(api, &f.ty, quote!(value), &f.name, top, &target, nestings);
                let field = ident(&f.ident);
                super::with_value(quote!(request.#field), f.is_option(), append)
            });
            quote! {
                let mut form = runtime::Form::new();
                #(#appends)*
                call.form(form);
            }
        }
        BodyEncoding::Multipart => super::multipart::statements(api, body),
        BodyEncoding::Binary | BodyEncoding::Text => {
            let send = if body.encoding == BodyEncoding::Binary {
                quote!(call.upload(#media_type, body)?;)
            } else {
                quote!(call.text(#media_type, body);)
            };
            match body.fields.first() {
                Some(field) if !field.is_option() => quote! {
                    let body = &request.body;
                    #send
                },
                _ => quote! {
                    if let Some(body) = &request.body {
                        #send
                    }
                },
            }
        }
        BodyEncoding::Json => {
            // The caller's choice of media type, else the default.
            let media_type = match (
                &body.choice_field,
                op.request.as_ref().and_then(|r| r.media_enum.as_ref()),
            ) {
                (Some(field), Some(choice)) => {
                    let (field, choice) = (ident(field), ident(choice));
                    quote!(request.#field.map_or(#media_type, #choice::as_str))
                }
                _ => quote!(#media_type),
            };
            let single_body = body.fields.len() == 1
                && body.fields[0].name == "body"
                && body.fields[0].ident == "body";
            if single_body {
                return quote!(call.json(#media_type, &request.body)?;);
            }
            let inserts = body.fields.iter().map(|f| {
                let field = ident(&f.ident);
                let key = &f.name;
                // A required field that may be null is sent as `null` when it is `None`; a
                // three-state one as `null` when it is `Null`, and not at all when `Absent`.
                if f.tristate {
                    quote! {
                        if !request.#field.is_absent() {
                            body.insert(#key.to_owned(), runtime::json_value(#key, &request.#field)?);
                        }
                    }
                } else if f.required {
                    quote!(body.insert(#key.to_owned(), runtime::json_value(#key, &request.#field)?);)
                } else {
                    quote! {
                        if let Some(value) = &request.#field {
                            body.insert(#key.to_owned(), runtime::json_value(#key, value)?);
                        }
                    }
                }
            });
            quote! {
                let mut body = serde_json::Map::new();
                #(#inserts)*
                call.json(#media_type, &body)?;
            }
        }
    }
}
