//! How webhook requests are verified (`[webhooks]` in the settings), decided once: a preset
//! or a scheme, resolved into the one layout the runtime checks (`runtime/src/signatures.rs`),
//! and refused when the keys contradict each other or would silently weaken the check.

use serde::Serialize;

use crate::settings::{SignatureEncoding, WebhookPreset, WebhookScheme, WebhookSettings};

/// The check `webhooks::verify_and_parse` makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum WebhookAuth {
    /// An HMAC-SHA256 signature.
    Hmac {
        /// Where the signatures and the signed values are.
        layout: SignatureLayout,
        /// The most a signed timestamp may be off, either way; `None` when the settings
        /// turned the check off, or nothing is timestamped.
        tolerance_seconds: Option<u64>,
    },
    /// HTTP basic auth.
    Basic,
}

/// Where a request's signatures and signed values are (the runtime's `signatures::Layout`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum SignatureLayout {
    /// Stripe's `t=…,v1=…` in `header`.
    Stripe {
        /// The header, lower-case.
        header: String,
    },
    /// Standard Webhooks' three headers.
    StandardWebhooks,
    /// Signatures in one header, over the body or `{timestamp}.{body}`.
    Header {
        /// The header, lower-case.
        header: String,
        /// What each signature starts with, or `""`.
        prefix: String,
        /// How signatures are written.
        encoding: SignatureEncoding,
        /// The header of the signed unix time, lower-case, if the API sends one.
        timestamp_header: Option<String>,
    },
}

/// The default of `tolerance-seconds`: Stripe's and Standard Webhooks' five minutes.
const DEFAULT_TOLERANCE: u64 = 300;

/// The check `settings` describe; `None` when they set nothing. The error says which key is
/// wrong and what to write instead.
pub fn resolve(settings: &WebhookSettings) -> Result<Option<WebhookAuth>, String> {
    if *settings == WebhookSettings::default() {
        return Ok(None);
    }
    let only = |allowed: &[&str], what: &str| -> Result<(), String> {
        let set = [
            ("scheme", settings.scheme.is_some()),
            ("signature-header", settings.signature_header.is_some()),
            ("signature-prefix", settings.signature_prefix.is_some()),
            ("encoding", settings.encoding.is_some()),
            ("timestamp-header", settings.timestamp_header.is_some()),
            ("tolerance-seconds", settings.tolerance_seconds.is_some()),
            ("check-age", settings.check_age.is_some()),
        ];
        match set.iter().find(|(key, on)| *on && !allowed.contains(key)) {
            Some((key, _)) => Err(format!(
                "`{key}` cannot be set with {what}, which fixes it; remove it"
            )),
            None => Ok(()),
        }
    };
    let ages = ["tolerance-seconds", "check-age"];
    let layout = match (settings.preset, settings.scheme) {
        (Some(preset), Some(_)) => {
            let name = match preset {
                WebhookPreset::Stripe => "stripe",
                WebhookPreset::StandardWebhooks => "standard-webhooks",
            };
            return Err(format!(
                "`preset = \"{name}\"` already sets the scheme; remove `scheme`"
            ));
        }
        (Some(WebhookPreset::Stripe), None) => {
            only(
                &["signature-header", "tolerance-seconds", "check-age"],
                "`preset = \"stripe\"`",
            )?;
            SignatureLayout::Stripe {
                header: header_name(
                    "signature-header",
                    settings
                        .signature_header
                        .as_deref()
                        .unwrap_or("stripe-signature"),
                )?,
            }
        }
        (Some(WebhookPreset::StandardWebhooks), None) => {
            only(&ages, "`preset = \"standard-webhooks\"`")?;
            SignatureLayout::StandardWebhooks
        }
        (None, Some(WebhookScheme::Basic)) => {
            only(
                &["scheme"],
                "`scheme = \"basic\"` (basic auth has no signature or timestamp)",
            )?;
            return Ok(Some(WebhookAuth::Basic));
        }
        (None, Some(WebhookScheme::HmacSha256)) => {
            let Some(header) = &settings.signature_header else {
                return Err(
                    "`scheme = \"hmac-sha256\"` needs `signature-header`, the header the API \
                     sends its signatures in"
                        .to_owned(),
                );
            };
            let prefix = settings.signature_prefix.clone().unwrap_or_default();
            if !prefix.bytes().all(|b| b.is_ascii_graphic() && b != b',') {
                return Err(format!(
                    "`signature-prefix = {prefix:?}` may hold only visible ASCII, no comma"
                ));
            }
            SignatureLayout::Header {
                header: header_name("signature-header", header)?,
                prefix,
                encoding: settings.encoding.unwrap_or(SignatureEncoding::Hex),
                timestamp_header: settings
                    .timestamp_header
                    .as_deref()
                    .map(|name| header_name("timestamp-header", name))
                    .transpose()?,
            }
        }
        (None, None) => {
            return Err(
                "set `preset` (`stripe`, `standard-webhooks`) or `scheme` (`hmac-sha256`, \
                 `basic`) to say how webhook requests are verified"
                    .to_owned(),
            )
        }
    };
    let timestamped = !matches!(
        layout,
        SignatureLayout::Header {
            timestamp_header: None,
            ..
        }
    );
    let tolerance_seconds = match (settings.check_age, settings.tolerance_seconds) {
        (Some(false), Some(_)) => {
            return Err(
                "`tolerance-seconds` has no effect with `check-age = false`; remove one".to_owned(),
            )
        }
        (Some(false), None) => None,
        (_, Some(0)) => {
            return Err(
                "`tolerance-seconds = 0` would refuse nearly every webhook; to turn the \
                        age check off, write `check-age = false` instead"
                    .to_owned(),
            )
        }
        _ if !timestamped => {
            return Err(
                "without `timestamp-header` only the body is signed, so a replayed \
                        request verifies: set `timestamp-header` if the API sends one, or \
                        `check-age = false` to accept replays"
                    .to_owned(),
            )
        }
        (_, tolerance) => Some(tolerance.unwrap_or(DEFAULT_TOLERANCE)),
    };
    Ok(Some(WebhookAuth::Hmac {
        layout,
        tolerance_seconds,
    }))
}

/// A header name as `HeaderMap` looks it up: an HTTP token, lower-case.
fn header_name(key: &str, name: &str) -> Result<String, String> {
    let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if name.is_empty() || !name.bytes().all(token) {
        return Err(format!("`{key} = {name:?}` is not an HTTP header name"));
    }
    Ok(name.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(toml: &str) -> WebhookSettings {
        let text = format!("[webhooks]\n{toml}");
        crate::Settings::from_toml(std::path::Path::new("apiforge.toml"), &text)
            .unwrap()
            .webhooks
    }

    #[test]
    fn nothing_set_verifies_nothing() {
        assert_eq!(resolve(&WebhookSettings::default()), Ok(None));
    }

    #[test]
    fn the_stripe_preset_checks_five_minutes_both_ways() {
        assert_eq!(
            resolve(&settings("preset = \"stripe\"")),
            Ok(Some(WebhookAuth::Hmac {
                layout: SignatureLayout::Stripe {
                    header: "stripe-signature".into()
                },
                tolerance_seconds: Some(300),
            }))
        );
        let standard = resolve(&settings(
            "preset = \"standard-webhooks\"\ntolerance-seconds = 60",
        ));
        assert_eq!(
            standard,
            Ok(Some(WebhookAuth::Hmac {
                layout: SignatureLayout::StandardWebhooks,
                tolerance_seconds: Some(60),
            }))
        );
    }

    #[test]
    fn a_header_scheme_is_read_with_its_defaults() {
        let auth = resolve(&settings(
            "scheme = \"hmac-sha256\"\nsignature-header = \"X-Hub-Signature-256\"\nsignature-prefix = \"sha256=\"\ncheck-age = false",
        ));
        assert_eq!(
            auth,
            Ok(Some(WebhookAuth::Hmac {
                layout: SignatureLayout::Header {
                    header: "x-hub-signature-256".into(),
                    prefix: "sha256=".into(),
                    encoding: SignatureEncoding::Hex,
                    timestamp_header: None,
                },
                tolerance_seconds: None,
            }))
        );
        assert_eq!(
            resolve(&settings("scheme = \"basic\"")),
            Ok(Some(WebhookAuth::Basic))
        );
    }

    #[test]
    fn the_age_check_is_never_off_silently() {
        let error = |toml: &str| resolve(&settings(toml)).unwrap_err();
        assert!(error("preset = \"stripe\"\ntolerance-seconds = 0").contains("check-age = false"));
        assert!(
            error("scheme = \"hmac-sha256\"\nsignature-header = \"x-sig\"")
                .contains("replayed request verifies")
        );
        assert!(
            error("preset = \"stripe\"\ncheck-age = false\ntolerance-seconds = 5")
                .contains("no effect")
        );
    }

    #[test]
    fn contradicting_or_unusable_keys_are_refused() {
        let error = |toml: &str| resolve(&settings(toml)).unwrap_err();
        assert!(error("preset = \"stripe\"\nscheme = \"basic\"").contains("remove `scheme`"));
        assert!(error("preset = \"stripe\"\nencoding = \"base64\"").contains("`encoding`"));
        assert!(
            error("preset = \"standard-webhooks\"\nsignature-header = \"x\"")
                .contains("`signature-header`")
        );
        assert!(error("scheme = \"basic\"\ncheck-age = false").contains("`check-age`"));
        assert!(error("scheme = \"hmac-sha256\"\ncheck-age = false")
            .contains("needs `signature-header`"));
        assert!(
            error("scheme = \"hmac-sha256\"\nsignature-header = \"x sig\"\ncheck-age = false")
                .contains("not an HTTP header name")
        );
        assert!(error("scheme = \"hmac-sha256\"\nsignature-header = \"x\"\nsignature-prefix = \"a,b\"\ncheck-age = false")
            .contains("no comma"));
        assert!(error("tolerance-seconds = 60").contains("set `preset`"));
    }
}
