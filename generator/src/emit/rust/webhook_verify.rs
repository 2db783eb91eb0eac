//! The verification half of `src/webhooks.rs`: `verify_and_parse` (and `verify_and_parse_at`
//! for a given time), checking that a request came from the API as the settings describe
//! (`ir::WebhookAuth`) before [`super::webhooks`]' `parse_webhook` reads it. The checks are
//! the runtime's (`src/signatures.rs`); only the scheme's constants are generated.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc_lines;
use crate::ir::{Api, SignatureLayout, WebhookAuth};
use crate::settings::SignatureEncoding;

/// What verification adds to the webhooks module.
pub(super) struct Verification {
    /// The functions, the scheme's constant and the re-exports.
    pub items: TokenStream,
    /// The `WebhookError` variant of a refused request.
    pub error_variant: TokenStream,
}

/// The verification items, or `None` when the settings verify nothing. `event_argument` is
/// whether `parse_webhook` takes the event's name (`parse_webhook(event, body)`).
pub(super) fn emit(api: &Api, event_argument: bool) -> Option<Verification> {
    let auth = api.webhook_auth.as_ref()?;
    let (event_param, event_arg) = if event_argument {
        (quote!(event: &str,), quote!(event,))
    } else {
        (TokenStream::new(), TokenStream::new())
    };
    let error_variant = quote! {
        /// The request is not shown to come from the API: its signature or credentials are
        /// missing, malformed or wrong, or its timestamp is out of the tolerance.
        #[error(transparent)]
        Signature(#[from] SignatureError),
    };
    let items = match auth {
        WebhookAuth::Basic => {
            let doc = doc_lines(&format!(
                "Checks that a webhook request came from the API, by the HTTP basic auth it \
                 sends (`Authorization`, compared in constant time with `credentials`), then \
                 parses its body as [`parse_webhook`] does.\n\n# Errors\n\n\
                 [`WebhookError::Signature`] when the credentials are missing, malformed or \
                 wrong; {}",
                parse_errors()
            ));
            quote! {
                pub use crate::signatures::{SignatureError, WebhookCredentials};

                #doc
                pub fn verify_and_parse(
                    #event_param
                    body: &[u8],
                    headers: &reqwest::header::HeaderMap,
                    credentials: &WebhookCredentials,
                ) -> Result<WebhookEvent, WebhookError> {
                    crate::signatures::verify_basic(headers, credentials)?;
                    parse_webhook(#event_arg body)
                }
            }
        }
        WebhookAuth::Hmac {
            layout,
            tolerance_seconds,
        } => {
            let (layout_tokens, how) = layout_tokens(layout);
            let tolerance = match tolerance_seconds {
                Some(seconds) => {
                    let seconds = proc_macro2::Literal::u64_unsuffixed(*seconds);
                    quote!(Some(#seconds))
                }
                None => quote!(None),
            };
            let age = match tolerance_seconds {
                Some(seconds) => format!(
                    "A signature more than {seconds} s old is refused as a possible replay, one \
                     more than {seconds} s in the future as well."
                ),
                None => "The signed time's age is not checked (`check-age = false`): a replayed \
                         request verifies."
                    .to_owned(),
            };
            let doc = doc_lines(&format!(
                "Checks that a webhook request came from the API, by its HMAC-SHA256 signature \
                 ({how}), then parses its body as [`parse_webhook`] does. `body` must be the \
                 bytes received, not a re-encoding of them. Several signatures (a secret's \
                 rotation) pass when one matches; every comparison is constant-time. {age}\n\n\
                 # Errors\n\n\
                 [`WebhookError::Signature`] with a [`SignatureError`] saying whether the \
                 signature is missing, malformed, wrong, expired or from the future; {}",
                parse_errors()
            ));
            let at_doc = doc_lines(
                "[`verify_and_parse`] at time `now` instead of the system clock's: for tests \
                 and recorded requests.\n\n# Errors\n\nAs [`verify_and_parse`].",
            );
            quote! {
                pub use crate::signatures::{SignatureError, WebhookSecret};

                /// How the API signs its webhook requests (`[webhooks]` in `apiforge.toml`).
                const SIGNATURE: crate::signatures::HmacCheck = crate::signatures::HmacCheck {
                    layout: #layout_tokens,
                    tolerance_seconds: #tolerance,
                };

                #doc
                pub fn verify_and_parse(
                    #event_param
                    body: &[u8],
                    headers: &reqwest::header::HeaderMap,
                    secret: &WebhookSecret,
                ) -> Result<WebhookEvent, WebhookError> {
                    verify_and_parse_at(#event_arg body, headers, secret, std::time::SystemTime::now())
                }

                #at_doc
                pub fn verify_and_parse_at(
                    #event_param
                    body: &[u8],
                    headers: &reqwest::header::HeaderMap,
                    secret: &WebhookSecret,
                    now: std::time::SystemTime,
                ) -> Result<WebhookEvent, WebhookError> {
                    crate::signatures::verify_hmac(&SIGNATURE, body, headers, secret, now)?;
                    parse_webhook(#event_arg body)
                }
            }
        }
    };
    Some(Verification {
        items,
        error_variant,
    })
}

fn parse_errors() -> &'static str {
    "[`WebhookError::Invalid`] when the verified body does not match its event's payload."
}

/// The runtime's `Layout` for `layout`, and how the docs describe it.
fn layout_tokens(layout: &SignatureLayout) -> (TokenStream, String) {
    match layout {
        SignatureLayout::Stripe { header } => (
            quote!(crate::signatures::Layout::Stripe { header: #header }),
            format!("Stripe's `{header}: t=…,v1=…`, signing `{{t}}.{{body}}` in hex"),
        ),
        SignatureLayout::StandardWebhooks => (
            quote!(crate::signatures::Layout::StandardWebhooks),
            "Standard Webhooks' `webhook-id`, `webhook-timestamp` and \
             `webhook-signature: v1,…`, signing `{id}.{timestamp}.{body}` in base64"
                .to_owned(),
        ),
        SignatureLayout::Header {
            header,
            prefix,
            encoding,
            timestamp_header,
        } => {
            let (encoding_tokens, encoding_name) = match encoding {
                SignatureEncoding::Hex => (quote!(crate::signatures::Encoding::Hex), "hex"),
                SignatureEncoding::Base64 => {
                    (quote!(crate::signatures::Encoding::Base64), "base64")
                }
            };
            let (timestamp_tokens, signed) = match timestamp_header {
                Some(name) => (
                    quote!(Some(#name)),
                    format!("`{{timestamp}}.{{body}}`, the timestamp from `{name}`"),
                ),
                None => (quote!(None), "the body".to_owned()),
            };
            (
                quote!(crate::signatures::Layout::Header {
                    header: #header,
                    prefix: #prefix,
                    encoding: #encoding_tokens,
                    timestamp_header: #timestamp_tokens,
                }),
                format!("in `{header}`, signing {signed} in {encoding_name}"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::{Pipeline, Settings};

    /// Two webhooks; `discriminated` gives their payloads a `type` naming the event.
    fn spec(discriminated: bool) -> String {
        let payload = if discriminated {
            "{type: object, required: [type], properties: {type: {type: string}, id: {type: string}}}"
        } else {
            "{type: object, properties: {id: {type: string}}}"
        };
        let hook = |name: &str| {
            format!("  {name}:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {payload}\n      responses: {{'200': {{description: OK}}}}\n")
        };
        format!(
            "openapi: 3.1.0\ninfo: {{title: T, version: '1'}}\npaths: {{}}\nwebhooks:\n{}{}",
            hook("a.created"),
            hook("a.deleted")
        )
    }

    /// The files generated from `yaml` with the `[webhooks]` keys `toml`, and the single file.
    fn generate(yaml: &str, toml: &str) -> Result<(crate::emit::Files, String), crate::Error> {
        let text = format!("[webhooks]\n{toml}");
        let settings = if toml.is_empty() {
            Settings::default()
        } else {
            Settings::from_toml(Path::new("apiforge.toml"), &text)?
        };
        let mut pipeline = Pipeline::new(&settings);
        let loaded = pipeline.load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false)?;
        let lowered = pipeline.lower(loaded)?;
        let files = pipeline.emit_crate(&lowered)?;
        let (_, single) = pipeline.emit_single_file(&lowered)?;
        let needed = crate::emit::deps::for_api(&lowered.api);
        let build_script = crate::emit::deps::for_build_script(&needed);
        let hmac = build_script.iter().find(|d| d.name == "hmac");
        assert_eq!(
            hmac.map(|d| d.optional),
            lowered.api.webhook_auth.as_ref().map(|_| false),
            "a build.rs crate requires what the single file's signatures use"
        );
        Ok((files, single))
    }

    fn file<'f>(files: &'f crate::emit::Files, path: &str) -> &'f str {
        files.get(path).map(String::as_str).unwrap_or_default()
    }

    #[test]
    fn without_settings_nothing_is_verified_nor_depended_on() {
        let (files, single) = generate(&spec(true), "").unwrap();
        assert!(!files.contains_key("src/signatures.rs"));
        assert!(!file(&files, "src/webhooks.rs").contains("verify_and_parse"));
        let manifest = file(&files, "Cargo.toml");
        assert!(!manifest.contains("hmac"), "{manifest}");
        assert!(manifest.contains("\nwebhooks = []\n"), "{manifest}");
        assert!(!single.contains("mod signatures"));
    }

    #[test]
    fn the_stripe_preset_copies_the_signatures_under_the_webhooks_feature() {
        let (files, single) = generate(&spec(true), "preset = \"stripe\"").unwrap();
        assert!(files.contains_key("src/signatures.rs"));
        let lib = file(&files, "src/lib.rs");
        assert!(
            lib.contains("#[cfg(feature = \"webhooks\")]\n#[doc(hidden)]\npub mod signatures;"),
            "{lib}"
        );
        let manifest = file(&files, "Cargo.toml");
        assert!(
            manifest.contains("\nwebhooks = [\"dep:hmac\", \"dep:sha2\", \"dep:subtle\"]\n"),
            "{manifest}"
        );
        assert!(manifest.contains("\nhmac = { version = \"0.13\", optional = true }\n"));
        let webhooks = file(&files, "src/webhooks.rs");
        for expected in [
            "pub fn verify_and_parse(\n    body: &[u8],",
            "pub fn verify_and_parse_at(",
            "header: \"stripe-signature\"",
            "tolerance_seconds: Some(300),",
            "Signature(#[from] SignatureError),",
        ] {
            assert!(webhooks.contains(expected), "{expected}\n{webhooks}");
        }
        // The single file has no features: the signatures are compiled with it, ungated.
        assert!(single.contains("pub mod signatures {"));
    }

    #[test]
    fn an_event_named_outside_the_payload_is_an_argument() {
        let toml = "scheme = \"hmac-sha256\"\nsignature-header = \"X-Signature\"\nencoding = \"base64\"\ntimestamp-header = \"X-Timestamp\"\ncheck-age = false";
        let (files, _) = generate(&spec(false), toml).unwrap();
        let webhooks = file(&files, "src/webhooks.rs");
        assert!(syn::parse_file(webhooks).is_ok(), "{webhooks}");
        for expected in [
            "pub fn verify_and_parse(\n    event: &str,\n    body: &[u8],",
            "parse_webhook(event, body)",
            "header: \"x-signature\"",
            "encoding: crate::signatures::Encoding::Base64,",
            "timestamp_header: Some(\"x-timestamp\"),",
            "tolerance_seconds: None,",
            "The signed time's age is not checked",
        ] {
            assert!(webhooks.contains(expected), "{expected}\n{webhooks}");
        }
    }

    #[test]
    fn basic_auth_takes_credentials_and_no_time() {
        let (files, _) = generate(&spec(true), "scheme = \"basic\"").unwrap();
        let webhooks = file(&files, "src/webhooks.rs");
        assert!(
            webhooks.contains("credentials: &WebhookCredentials,"),
            "{webhooks}"
        );
        assert!(webhooks.contains("crate::signatures::verify_basic(headers, credentials)?;"));
        assert!(!webhooks.contains("verify_and_parse_at"));
    }

    #[test]
    fn unusable_settings_fail_the_generation_with_what_to_write() {
        let error = generate(&spec(true), "preset = \"stripe\"\ntolerance-seconds = 0")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            error.contains("[webhooks]: `tolerance-seconds = 0`"),
            "{error}"
        );
        assert!(error.contains("check-age = false"), "{error}");
    }
}
