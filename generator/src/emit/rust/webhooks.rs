//! `src/webhooks.rs`: the events the API sends to subscribers, and a parser that turns a
//! received body into the right event type.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_lines, docs, ident, rust_type};
use crate::ir::{Api, TypeKind, TypeRef};

/// The whole `webhooks` module; `None` when the API has no webhooks.
pub fn emit(api: &Api) -> Option<TokenStream> {
    if api.webhooks.is_empty() {
        return None;
    }
    let types = quote!(types::);
    let uses_types = api
        .webhooks
        .iter()
        .any(|w| matches!(w.payload, Some(crate::ir::TypeRef::Named(_))));
    let types_import = uses_types.then(|| {
        quote!(
            use crate::types;
        )
    });
    let catch_all = if api.webhooks.iter().any(|w| w.ident == "Unknown") {
        ident("UnknownEvent")
    } else {
        ident("Unknown")
    };
    let variants = api.webhooks.iter().map(|w| {
        let variant = ident(&w.ident);
        let mut text = w
            .summary
            .clone()
            .or_else(|| w.description.clone())
            .unwrap_or_default();
        text.push_str(&format!("\n\nEvent `{}`.", w.name.replace('`', "'")));
        let doc = docs(Some(&text));
        match &w.payload {
            Some(ty) => {
                let ty = rust_type(ty, &types);
                quote!(#doc #variant(#ty),)
            }
            None => quote!(#doc #variant(serde_json::Value),),
        }
    });
    let name_arms = api.webhooks.iter().map(|w| {
        let variant = ident(&w.ident);
        let name = &w.name;
        quote!(Self::#variant(_) => #name,)
    });
    let parse_arms = api.webhooks.iter().map(|w| {
        let variant = ident(&w.ident);
        let name = &w.name;
        quote!(#name => WebhookEvent::#variant(serde_json::from_value(payload)?),)
    });
    let typed = api
        .webhook_discriminator
        .as_deref()
        .and_then(|property| event_enum(api, property));
    let (parse, parse_doc) = match &api.webhook_discriminator {
        Some(property) => (
            match typed {
                // The event's name read as the API's enum of event types, as the payload's own
                // field is: a misspelt arm would not compile.
                Some((enum_ident, arms)) => {
                    let enum_ident = ident(enum_ident);
                    let arms = arms.iter().map(|(value, variant)| {
                        let value = ident(value);
                        let variant = ident(variant);
                        quote!(Some(types::#enum_ident::#value) => WebhookEvent::#variant(serde_json::from_value(payload)?),)
                    });
                    quote! {
                        pub fn parse_webhook(body: &[u8]) -> Result<WebhookEvent, WebhookError> {
                            let payload: serde_json::Value = serde_json::from_slice(body)?;
                            let event = match payload.get(#property).and_then(serde_json::Value::as_str) {
                                Some(event) => event.to_owned(),
                                None => return Err(WebhookError::MissingEventName),
                            };
                            let event_type: Option<types::#enum_ident> =
                                serde_json::from_value(serde_json::Value::String(event.clone())).ok();
                            Ok(match event_type {
                                #(#arms)*
                                _ => WebhookEvent::#catch_all { event, payload },
                            })
                        }
                    }
                }
                None => quote! {
                    pub fn parse_webhook(body: &[u8]) -> Result<WebhookEvent, WebhookError> {
                        let payload: serde_json::Value = serde_json::from_slice(body)?;
                        let event = match payload.get(#property).and_then(serde_json::Value::as_str) {
                            Some(event) => event.to_owned(),
                            None => return Err(WebhookError::MissingEventName),
                        };
                        Ok(match event.as_str() {
                            #(#parse_arms)*
                            _ => WebhookEvent::#catch_all { event, payload },
                        })
                    }
                },
            },
            format!(
                "Parses the body of a webhook request into its event, chosen by the payload's \
                 `{property}` property.\n\n\
                 An event type this client does not know yet is returned as \
                 [`WebhookEvent::{catch_all}`] with its payload, not as an error.\n\n\
                 # Errors\n\n\
                 [`WebhookError`] when the body is not JSON, has no string `{property}`, or does \
                 not match the documented payload of its event."
            ),
        ),
        None => (
            quote! {
                pub fn parse_webhook(event: &str, body: &[u8]) -> Result<WebhookEvent, WebhookError> {
                    let payload: serde_json::Value = serde_json::from_slice(body)?;
                    Ok(match event {
                        #(#parse_arms)*
                        _ => WebhookEvent::#catch_all { event: event.to_owned(), payload },
                    })
                }
            },
            format!(
                "Parses the body of a webhook request for event `event` (the payload does not \
                 name its event: take it from where the API puts it, such as a header).\n\n\
                 An event type this client does not know yet is returned as \
                 [`WebhookEvent::{catch_all}`] with its payload, not as an error.\n\n\
                 # Errors\n\n\
                 [`WebhookError`] when the body is not JSON or does not match the documented \
                 payload of its event."
            ),
        ),
    };
    let parse_doc = doc_lines(&parse_doc);
    let verification = super::webhook_verify::emit(api, api.webhook_discriminator.is_none());
    let (verify_items, signature_error) = match verification {
        Some(v) => (v.items, v.error_variant),
        None => (TokenStream::new(), TokenStream::new()),
    };
    let module_doc = if api.webhook_auth.is_some() {
        quote!(
            //! Events the API sends to your webhook endpoint, [`verify_and_parse`] to check that
            //! a request came from the API and read it, and [`parse_webhook`] to read a body
            //! verified otherwise.
        )
    } else {
        quote!(
            //! Events the API sends to your webhook endpoint, and [`parse_webhook`] to read them.
        )
    };
    let missing_name = api.webhook_discriminator.as_ref().map(|property| {
        let message = format!("the webhook payload has no string `{property}` naming its event");
        quote! {
            /// The payload does not name its event.
            #[error(#message)]
            MissingEventName,
        }
    });
    Some(quote! {
        #module_doc

        #types_import

        /// An event received on a webhook endpoint.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum WebhookEvent {
            #(#variants)*
            /// An event this client does not know, kept with its payload.
            #catch_all {
                /// The event's name.
                event: String,
                /// The payload, as received.
                payload: serde_json::Value,
            },
        }

        impl WebhookEvent {
            /// The event's name as the API sends it (`subscription_created`).
            pub fn name(&self) -> &str {
                match self {
                    #(#name_arms)*
                    Self::#catch_all { event, .. } => event,
                }
            }
        }

        /// Why a webhook body could not be read.
        #[derive(Debug, thiserror::Error)]
        #[non_exhaustive]
        pub enum WebhookError {
            /// The body is not JSON, or does not match its event's payload.
            #[error("the webhook payload is not valid: {0}")]
            Invalid(#[from] serde_json::Error),
            #missing_name
            #signature_error
        }

        #parse_doc
        #parse

        #verify_items
    })
}

/// The enum the payloads' `property` has (lowering gives it the API's enum of event types
/// when one lists every webhook), and for each webhook its value's variant and its own
/// variant. `None` when the property is a plain string.
fn event_enum<'a>(api: &'a Api, property: &str) -> Option<(&'a str, Vec<(&'a str, &'a str)>)> {
    let payload = api.webhooks.iter().find_map(|w| match &w.payload {
        Some(TypeRef::Named(name)) => Some(name),
        _ => None,
    })?;
    let TypeKind::Struct { fields, .. } = &api.types.by_ident(payload)?.kind else {
        return None;
    };
    let TypeRef::Named(enum_ident) = &fields.iter().find(|f| f.name == property)?.ty else {
        return None;
    };
    let TypeKind::Enum { values, .. } = &api.types.by_ident(enum_ident)?.kind else {
        return None;
    };
    let arms = api
        .webhooks
        .iter()
        .map(|w| {
            let value = values.iter().find(|v| v.value == w.name)?;
            Some((value.ident.as_str(), w.ident.as_str()))
        })
        .collect::<Option<Vec<_>>>()?;
    Some((enum_ident.as_str(), arms))
}
