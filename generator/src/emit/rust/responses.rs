//! `src/responses.rs`: the error enums, one per distinct set of documented error responses,
//! shared by every operation that documents that set (IR `error_sets`).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::features::{gate_items, Features, Gate};
use super::{doc_lines, docs, ident, rust_type};
use crate::emit::text;
use crate::ir::{Api, ErrorSet, Status};

/// Operations listed by name in an enum's docs; more are counted.
const LISTED: usize = 8;

/// The whole `responses` module, if the API has operations; each enum under the features of
/// the operations that use it.
pub fn emit(api: &Api, features: &Features) -> Option<TokenStream> {
    if api.error_sets.is_empty() {
        return None;
    }
    let enums = api.error_sets.iter().map(|set| {
        gate_items(
            error_enum(api, features, set),
            &features.of_error_set(&set.ident),
        )
    });
    // Every enum uses `fmt` and `runtime`; only those with a body of a named type use
    // `types` (Zoom's error bodies are all strings or JSON values).
    let with_bodies: Vec<Gate> = api
        .error_sets
        .iter()
        .filter(|set| {
            set.responses.iter().any(|r| {
                r.body
                    .as_ref()
                    .is_some_and(super::operations::mentions_named)
            })
        })
        .map(|set| features.of_error_set(&set.ident))
        .collect();
    let types_import = (!with_bodies.is_empty()).then(|| {
        let gate = Gate::union(&with_bodies).attr_within(&features.of_module("responses"));
        quote!(
            #gate
            use crate::types;
        )
    });
    Some(quote! {
        //! The error responses operations document, one enum per distinct set: operations that
        //! document the same errors share it.
        use std::fmt;

        use crate::runtime;
        #types_import

        #(#enums)*
    })
}

fn error_enum(api: &Api, features: &Features, set: &ErrorSet) -> TokenStream {
    let name = ident(&set.ident);
    let doc = users_doc(api, features, set);
    let variants = set.responses.iter().map(response_variant);
    let display_arms = set.responses.iter().map(|r| {
        let variant = ident(&r.variant);
        let message = format!("{} ({})", text::first_line(&r.description), r.status.key());
        match &r.body {
            Some(_) => quote!(Self::#variant(_) => f.write_str(#message),),
            None => quote!(Self::#variant => f.write_str(#message),),
        }
    });
    // Without documented errors the enum is empty: no value, nothing to print or decode.
    let (formatter, display_body) = if set.responses.is_empty() {
        (quote!(_), quote!(match *self {}))
    } else {
        (quote!(f), quote!(match self { #(#display_arms)* }))
    };
    let decode = decode_fn(set);
    // Error bodies differ in size; they already travel boxed inside `Error::Api`.
    let size_allow =
        (set.responses.len() > 1).then(|| quote!(#[allow(clippy::large_enum_variant)]));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #size_allow
        pub enum #name {
            #(#variants)*
        }

        impl fmt::Display for #name {
            fn fmt(&self, #formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                #display_body
            }
        }

        impl runtime::Documented for #name {
            #decode
        }
    }
}

/// The enum's docs: the operations that use it (some of them, when there are many), each a
/// link where its method is compiled. A method of another module than the enum's may be left
/// out by the features: its line is then a link only under that module's feature, and plain
/// text otherwise (lines of a paragraph, which rustdoc joins).
fn users_doc(api: &Api, features: &Features, set: &ErrorSet) -> TokenStream {
    let gate = features.of_error_set(&set.ident);
    // Each user's method as readers name it (`Client::x`, `Handle::x`) and its link target.
    let users: Vec<((String, String), Gate)> = set
        .operations
        .iter()
        .take(LISTED)
        .map(|op| {
            let found = api.operations.iter().find(|o| o.ident == *op);
            let module = found.map_or(Gate::Always, |o| features.of_module(&o.group));
            let paths = found.map_or_else(
                || (format!("Client::{op}"), format!("crate::Client::{op}")),
                |o| (o.owner_path(&o.call_ident), o.owner_link(&o.call_ident)),
            );
            (paths, module)
        })
        .collect();
    let head = match set.operations.len() {
        n if n <= LISTED => "The error responses documented by".to_owned(),
        n => format!("The error responses documented by {n} operations, among them"),
    };
    let tail = "carried by [`Error::Api`](crate::Error::Api).";
    let link = |(shown, target): &(String, String)| format!("[`{shown}`]({target})");
    if users.iter().all(|(_, module)| module.covers(&gate)) {
        let links: Vec<String> = users.iter().map(|(op, _)| link(op)).collect();
        return doc_lines(&format!("{head} {}, {tail}", links.join(", ")));
    }
    let lines = users.iter().map(|(op, module)| {
        let linked = format!(" {},", link(op));
        match module {
            Gate::Any(_) if !module.covers(&gate) => {
                let condition = module.condition();
                let plain = format!(" `{}`,", op.0);
                quote! {
                    #[cfg_attr(#condition, doc = #linked)]
                    #[cfg_attr(not(#condition), doc = #plain)]
                }
            }
            _ => quote!(#[doc = #linked]),
        }
    });
    let head = format!(" {head}");
    let tail = format!(" {tail}");
    quote! {
        #[doc = #head]
        #(#lines)*
        #[doc = #tail]
    }
}

fn decode_fn(set: &ErrorSet) -> TokenStream {
    if set.responses.is_empty() {
        return quote! {
            fn decode(_: u16, _: &[u8]) -> Option<Result<Self, serde_json::Error>> {
                None
            }
        };
    }
    if let [only] = set.responses.as_slice() {
        if only.status == crate::ir::Status::Default {
            // Every status is this one response: no match to make.
            let variant = ident(&only.variant);
            let decoder = decoder(only);
            return match &only.body {
                Some(_) => quote! {
                    fn decode(_: u16, body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
                        Some(#decoder(body).map(Self::#variant))
                    }
                },
                None => quote! {
                    fn decode(_: u16, _: &[u8]) -> Option<Result<Self, serde_json::Error>> {
                        Some(Ok(Self::#variant))
                    }
                },
            };
        }
    }
    let ordered = in_match_order(set.responses.iter());
    let has_default = ordered
        .iter()
        .any(|r| r.status == crate::ir::Status::Default);
    let arms = ordered.iter().map(|r| {
        let pattern = status_pattern(r.status);
        let variant = ident(&r.variant);
        let decoder = decoder(r);
        match &r.body {
            Some(_) => quote!(#pattern => #decoder(body).map(Self::#variant),),
            None => quote!(#pattern => Ok(Self::#variant),),
        }
    });
    let undocumented = (!has_default).then(|| quote!(_ => return None,));
    let uses_body = set.responses.iter().any(|r| r.body.is_some());
    let body = if uses_body { quote!(body) } else { quote!(_) };
    quote! {
        fn decode(status: u16, #body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
            Some(match status {
                #(#arms)*
                #undocumented
            })
        }
    }
}

/// The runtime function reading an error body: JSON into its type, anything else kept as text.
fn decoder(response: &crate::ir::Response) -> TokenStream {
    match response.media {
        crate::ir::Media::Json => quote!(runtime::decode_json),
        crate::ir::Media::Text
        | crate::ir::Media::Binary
        | crate::ir::Media::Events
        | crate::ir::Media::Lines => quote!(runtime::decode_text),
    }
}

/// The enum variant for a response: named for its status, holding its body if it has one.
pub(super) fn response_variant(response: &crate::ir::Response) -> TokenStream {
    let variant = ident(&response.variant);
    let doc = docs(Some(&format!(
        "`{}`: {}",
        response.status.key(),
        response.description
    )));
    match &response.body {
        Some(ty) => {
            let ty = rust_type(ty, &quote!(types::));
            quote!(#doc #variant(#ty),)
        }
        None => quote!(#doc #variant,),
    }
}

pub(super) fn status_pattern(status: Status) -> TokenStream {
    match status {
        Status::Code(code) => {
            let code = Literal::u16_unsuffixed(code);
            quote!(#code)
        }
        Status::Range(class) => {
            let low = Literal::u16_unsuffixed(class * 100);
            let high = Literal::u16_unsuffixed(class * 100 + 99);
            quote!(#low..=#high)
        }
        Status::Default => quote!(_),
    }
}

/// Exact codes before ranges before `default`, so that every arm is reachable.
pub(super) fn in_match_order<'r>(
    responses: impl Iterator<Item = &'r crate::ir::Response>,
) -> Vec<&'r crate::ir::Response> {
    let mut ordered: Vec<_> = responses.collect();
    ordered.sort_by_key(|r| match r.status {
        Status::Code(_) => 0,
        Status::Range(_) => 1,
        Status::Default => 2,
    });
    ordered
}
