//! Webhook verification: that a webhook request came from the API, by its HMAC-SHA256
//! signature (Stripe's `Stripe-Signature`, Standard Webhooks' `webhook-signature`, a vendor's
//! own header) or by HTTP basic auth (Chargebee's). The generated `webhooks::verify_and_parse`
//! calls [`verify_hmac`] or [`verify_basic`] with the scheme the settings chose
//! (`[webhooks]` in `apiforge.toml`), then parses the body.
//!
//! Where vendor SDKs are lax this follows the standard: every comparison is constant-time,
//! upper-case hex is read, a timestamp too far in the future is refused as one too old is,
//! and the age check is off only when the settings say so.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use hmac::{KeyInit as _, Mac as _};
use reqwest::header::HeaderMap;
use subtle::ConstantTimeEq as _;

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

/// The secret the API signs webhooks with (Stripe's `whsec_…` endpoint secret). `Debug`
/// never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookSecret(Vec<u8>);

impl WebhookSecret {
    /// The secret as the API shows it. How it becomes the HMAC key is the scheme's business:
    /// Stripe's and most vendors' keys are the text's bytes, Standard Webhooks' the base64
    /// after `whsec_`.
    pub fn new(secret: impl Into<Vec<u8>>) -> Self {
        WebhookSecret(secret.into())
    }
}

impl fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookSecret(<redacted>)")
    }
}

/// The user name and password the API sends webhooks with, by HTTP basic auth (Chargebee's
/// webhooks). `Debug` shows the user name, never the password.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookCredentials {
    username: String,
    password: String,
}

impl WebhookCredentials {
    /// The user name and password configured for the webhook endpoint at the API.
    pub fn new(username: impl Into<String>, password: impl Into<String>) -> Self {
        WebhookCredentials {
            username: username.into(),
            password: password.into(),
        }
    }
}

impl fmt::Debug for WebhookCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookCredentials")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// Why a webhook request was not accepted as coming from the API. Each case is its own
/// variant, so that a handler can log a replay (`Expired`) apart from a forgery (`Mismatch`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// A header the scheme needs is absent.
    #[error("the webhook request has no `{header}` header")]
    Missing {
        /// The header's name.
        header: &'static str,
    },
    /// A header is present but unreadable (no timestamp, a signature that is not hex, ...).
    #[error("the webhook request's `{header}` header is malformed: {reason}")]
    Malformed {
        /// The header's name.
        header: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// No signature matches the body and the secret (or the credentials are wrong): the
    /// request was not signed with this secret, or was changed on the way.
    #[error("the webhook signature does not match: wrong secret, or the body was changed")]
    Mismatch,
    /// The signature is valid but older than the tolerance: possibly a replay.
    #[error(
        "the webhook was signed {age_seconds} s ago, more than the {tolerance_seconds} s tolerated"
    )]
    Expired {
        /// How long ago it was signed.
        age_seconds: u64,
        /// The tolerance.
        tolerance_seconds: u64,
    },
    /// The timestamp is further in the future than the tolerance: a clock far off, or a
    /// signature made to be replayed later.
    #[error("the webhook's timestamp is {ahead_seconds} s in the future, more than the {tolerance_seconds} s tolerated")]
    FromTheFuture {
        /// How far ahead of `now` it is.
        ahead_seconds: u64,
        /// The tolerance.
        tolerance_seconds: u64,
    },
    /// The secret is not in the scheme's form (Standard Webhooks: `whsec_` and base64).
    #[error("the webhook secret is not valid for this scheme: {reason}")]
    InvalidSecret {
        /// What is wrong with it.
        reason: &'static str,
    },
}

/// How the signatures are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Hexadecimal, either case.
    Hex,
    /// Standard base64, with padding.
    Base64,
}

/// Where the signatures and what they sign are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Stripe's: `header: t=<unix seconds>,v1=<hex>,v1=<hex>,v0=<hex>` signing
    /// `{t}.{body}`; each `v1` is a signature (several during a secret's rotation), other
    /// schemes (`v0`) are ignored. The key is the secret's bytes.
    Stripe {
        /// The header (`stripe-signature`).
        header: &'static str,
    },
    /// Standard Webhooks' (Svix): `webhook-id`, `webhook-timestamp` and
    /// `webhook-signature: v1,<base64> v1,<base64>` signing `{id}.{timestamp}.{body}`; the key
    /// is the base64 after the secret's `whsec_`.
    StandardWebhooks,
    /// One header of signatures, separated by commas or spaces, each after `prefix`
    /// (`sha256=`, or empty), signing the body or, with `timestamp_header`,
    /// `{timestamp}.{body}`. The key is the secret's bytes.
    Header {
        /// The signature header (`x-signature`).
        header: &'static str,
        /// What each signature starts with (`sha256=`), or `""`.
        prefix: &'static str,
        /// How the signatures are written.
        encoding: Encoding,
        /// The header holding the unix time the request was signed at, which the signature
        /// covers; `None` when only the body is signed.
        timestamp_header: Option<&'static str>,
    },
}

/// An HMAC-SHA256 verification: where to find what is signed, and how old a signature may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HmacCheck {
    /// Where the signatures and the signed values are.
    pub layout: Layout,
    /// The most a signed timestamp may differ from `now`, either way, in seconds; `None` when
    /// the settings turned the check off (`check-age = false`).
    pub tolerance_seconds: Option<u64>,
}

/// Checks that `body` and `headers` carry a valid signature by `secret` at time `now`.
///
/// # Errors
///
/// [`SignatureError`]: a header missing or malformed, no matching signature, a timestamp out
/// of the tolerance, a secret not in the scheme's form.
pub fn verify_hmac(
    hmac: &HmacCheck,
    body: &[u8],
    headers: &HeaderMap,
    secret: &WebhookSecret,
    now: SystemTime,
) -> Result<(), SignatureError> {
    let signed = signed(&hmac.layout, headers, secret)?;
    // The signature before the age: an expired signature that is also forged is a forgery.
    let mut mac =
        HmacSha256::new_from_slice(&signed.key).map_err(|_| SignatureError::InvalidSecret {
            reason: "HMAC refuses the key",
        })?;
    for part in &signed.prefix {
        mac.update(part.as_bytes());
        mac.update(b".");
    }
    mac.update(body);
    let matches = signed
        .signatures
        .iter()
        .any(|signature| mac.clone().verify_slice(signature).is_ok());
    if !matches {
        return Err(SignatureError::Mismatch);
    }
    match (signed.timestamp, hmac.tolerance_seconds) {
        (Some(timestamp), Some(tolerance)) => check_age(timestamp, tolerance, now),
        _ => Ok(()),
    }
}

/// What a request's headers say was signed: the key, the values signed before the body
/// (each followed by `.`), the signatures and the timestamp.
struct Signed {
    key: Vec<u8>,
    prefix: Vec<String>,
    signatures: Vec<Vec<u8>>,
    timestamp: Option<u64>,
}

fn signed(
    layout: &Layout,
    headers: &HeaderMap,
    secret: &WebhookSecret,
) -> Result<Signed, SignatureError> {
    match *layout {
        Layout::Stripe { header } => {
            let value = header_text(headers, header)?;
            let mut timestamp = None;
            let mut signatures = Vec::new();
            for item in value.split(',') {
                let Some((key, item_value)) = item.trim().split_once('=') else {
                    return Err(malformed(header, "an entry is not `key=value`"));
                };
                match key {
                    "t" if timestamp.is_some() => {
                        return Err(malformed(header, "it has two timestamps `t`"));
                    }
                    "t" => timestamp = Some(unix_time(header, item_value)?),
                    "v1" => signatures.push(decode(header, Encoding::Hex, item_value)?),
                    // `v0` (test mode's old scheme) and schemes to come: not ours to check.
                    _ => {}
                }
            }
            let Some(timestamp) = timestamp else {
                return Err(malformed(header, "it has no timestamp `t=`"));
            };
            if signatures.is_empty() {
                return Err(malformed(header, "it has no `v1=` signature"));
            }
            Ok(Signed {
                key: secret.0.clone(),
                prefix: vec![timestamp.to_string()],
                signatures,
                timestamp: Some(timestamp),
            })
        }
        Layout::StandardWebhooks => {
            const ID: &str = "webhook-id";
            const TIMESTAMP: &str = "webhook-timestamp";
            const SIGNATURE: &str = "webhook-signature";
            let id = header_text(headers, ID)?;
            let timestamp = unix_time(TIMESTAMP, header_text(headers, TIMESTAMP)?)?;
            let value = header_text(headers, SIGNATURE)?;
            let mut signatures = Vec::new();
            for item in value.split_whitespace() {
                let Some((version, signature)) = item.split_once(',') else {
                    return Err(malformed(SIGNATURE, "a signature is not `v1,<base64>`"));
                };
                // Other versions (`v1a`, asymmetric) are not HMAC-SHA256: skipped.
                if version == "v1" {
                    signatures.push(decode(SIGNATURE, Encoding::Base64, signature)?);
                }
            }
            if signatures.is_empty() {
                return Err(malformed(SIGNATURE, "it has no `v1,` signature"));
            }
            let encoded = secret.0.strip_prefix(b"whsec_").unwrap_or(&secret.0);
            let key = base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .map_err(|_| SignatureError::InvalidSecret {
                    reason: "a Standard Webhooks secret is `whsec_` followed by base64",
                })?;
            Ok(Signed {
                key,
                prefix: vec![id.to_owned(), timestamp.to_string()],
                signatures,
                timestamp: Some(timestamp),
            })
        }
        Layout::Header {
            header,
            prefix,
            encoding,
            timestamp_header,
        } => {
            let value = header_text(headers, header)?;
            let signatures = value
                .split([',', ' '])
                .filter(|item| !item.is_empty())
                .map(|item| {
                    let signature = item
                        .strip_prefix(prefix)
                        .ok_or_else(|| malformed(header, "a signature lacks its prefix"))?;
                    decode(header, encoding, signature)
                })
                .collect::<Result<Vec<_>, _>>()?;
            if signatures.is_empty() {
                return Err(malformed(header, "it holds no signature"));
            }
            let timestamp = match timestamp_header {
                Some(name) => Some(unix_time(name, header_text(headers, name)?)?),
                None => None,
            };
            Ok(Signed {
                key: secret.0.clone(),
                prefix: timestamp.iter().map(u64::to_string).collect(),
                signatures,
                timestamp,
            })
        }
    }
}

/// Refuses a timestamp more than `tolerance` seconds before or after `now`.
fn check_age(timestamp: u64, tolerance: u64, now: SystemTime) -> Result<(), SignatureError> {
    // A clock before 1970 is taken as 1970: every timestamp then looks recent or ahead.
    let now = now
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    if timestamp <= now {
        let age_seconds = now - timestamp;
        if age_seconds > tolerance {
            return Err(SignatureError::Expired {
                age_seconds,
                tolerance_seconds: tolerance,
            });
        }
    } else {
        let ahead_seconds = timestamp - now;
        if ahead_seconds > tolerance {
            return Err(SignatureError::FromTheFuture {
                ahead_seconds,
                tolerance_seconds: tolerance,
            });
        }
    }
    Ok(())
}

/// Checks the request's `Authorization: Basic …` against `credentials`, in constant time.
///
/// # Errors
///
/// [`SignatureError::Missing`] without the header, [`SignatureError::Malformed`] when it is
/// not basic auth, [`SignatureError::Mismatch`] for other credentials.
pub fn verify_basic(
    headers: &HeaderMap,
    credentials: &WebhookCredentials,
) -> Result<(), SignatureError> {
    const HEADER: &str = "authorization";
    let value = header_text(headers, HEADER)?;
    let encoded = value
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("basic"))
        .map(|(_, encoded)| encoded.trim())
        .ok_or_else(|| malformed(HEADER, "it is not `Basic <base64>`"))?;
    let given = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .map_err(|_| malformed(HEADER, "its credentials are not base64"))?;
    let mut expected =
        Vec::with_capacity(credentials.username.len() + credentials.password.len() + 1);
    expected.extend_from_slice(credentials.username.as_bytes());
    expected.push(b':');
    expected.extend_from_slice(credentials.password.as_bytes());
    if bool::from(given.ct_eq(&expected)) {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

/// The one value of header `name`, as text.
fn header_text<'h>(headers: &'h HeaderMap, name: &'static str) -> Result<&'h str, SignatureError> {
    let mut values = headers.get_all(name).iter();
    let value = values
        .next()
        .ok_or(SignatureError::Missing { header: name })?;
    // Two values would leave open which one is meant; a proxy adding one is no signer.
    if values.next().is_some() {
        return Err(malformed(name, "it is given twice"));
    }
    value
        .to_str()
        .map(str::trim)
        .map_err(|_| malformed(name, "it is not visible ASCII"))
}

/// A unix time in seconds, as the signer wrote it: digits only.
fn unix_time(header: &'static str, text: &str) -> Result<u64, SignatureError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(malformed(
            header,
            "its timestamp is not a unix time in seconds",
        ));
    }
    text.parse()
        .map_err(|_| malformed(header, "its timestamp is out of range"))
}

fn decode(header: &'static str, encoding: Encoding, text: &str) -> Result<Vec<u8>, SignatureError> {
    match encoding {
        Encoding::Hex => {
            hex(text).ok_or_else(|| malformed(header, "a signature is not hexadecimal"))
        }
        Encoding::Base64 => base64::engine::general_purpose::STANDARD
            .decode(text)
            .map_err(|_| malformed(header, "a signature is not base64")),
    }
}

/// Hexadecimal in either case (the standard's; Stripe's SDKs compare lower-case text only).
fn hex(text: &str) -> Option<Vec<u8>> {
    if text.is_empty() || !text.len().is_multiple_of(2) {
        return None;
    }
    let digit = |b: u8| char::from(b).to_digit(16);
    text.as_bytes()
        .chunks_exact(2)
        .map(|pair| {
            let high = digit(pair[0])?;
            let low = digit(pair[1])?;
            u8::try_from(high * 16 + low).ok()
        })
        .collect()
}

fn malformed(header: &'static str, reason: &'static str) -> SignatureError {
    SignatureError::Malformed { header, reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;
    use std::time::Duration;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    const STRIPE: HmacCheck = HmacCheck {
        layout: Layout::Stripe {
            header: "stripe-signature",
        },
        tolerance_seconds: Some(300),
    };

    #[test]
    fn hex_reads_either_case_and_refuses_the_rest() {
        assert_eq!(hex("0aFf"), Some(vec![0x0a, 0xff]));
        assert_eq!(hex("0g"), None);
        assert_eq!(hex("abc"), None);
        assert_eq!(hex(""), None);
        assert_eq!(hex("+1"), None);
    }

    #[test]
    fn debug_never_shows_a_secret() {
        let secret = WebhookSecret::new("whsec_topsecret");
        assert!(!format!("{secret:?}").contains("topsecret"));
        let credentials = WebhookCredentials::new("user", "hunter2");
        let shown = format!("{credentials:?}");
        assert!(
            shown.contains("user") && !shown.contains("hunter2"),
            "{shown}"
        );
    }

    #[test]
    fn stripe_headers_without_timestamp_or_signature_are_malformed() {
        let secret = WebhookSecret::new("whsec_x");
        for value in [
            "v1=00",
            "t=1",
            "t=1,v1=zz",
            "t=-1,v1=00",
            "t=1,t=2,v1=00",
            "garbage",
        ] {
            let error = verify_hmac(
                &STRIPE,
                b"{}",
                &headers(&[("stripe-signature", value)]),
                &secret,
                at(1),
            )
            .unwrap_err();
            assert!(
                matches!(
                    error,
                    SignatureError::Malformed {
                        header: "stripe-signature",
                        ..
                    }
                ),
                "{value}: {error:?}"
            );
        }
        let error = verify_hmac(&STRIPE, b"{}", &HeaderMap::new(), &secret, at(1)).unwrap_err();
        assert_eq!(
            error,
            SignatureError::Missing {
                header: "stripe-signature"
            }
        );
    }

    #[test]
    fn the_age_is_checked_both_ways_within_the_tolerance() {
        assert_eq!(check_age(1000, 300, at(1300)), Ok(()));
        assert_eq!(
            check_age(1000, 300, at(1301)),
            Err(SignatureError::Expired {
                age_seconds: 301,
                tolerance_seconds: 300
            })
        );
        assert_eq!(check_age(1300, 300, at(1000)), Ok(()));
        assert_eq!(
            check_age(1301, 300, at(1000)),
            Err(SignatureError::FromTheFuture {
                ahead_seconds: 301,
                tolerance_seconds: 300
            })
        );
    }

    #[test]
    fn basic_auth_wants_the_basic_scheme_and_the_exact_credentials() {
        let credentials = WebhookCredentials::new("hook", "s3cret");
        // base64("hook:s3cret")
        let good = headers(&[("authorization", "Basic aG9vazpzM2NyZXQ=")]);
        assert_eq!(verify_basic(&good, &credentials), Ok(()));
        let lower = headers(&[("authorization", "basic aG9vazpzM2NyZXQ=")]);
        assert_eq!(verify_basic(&lower, &credentials), Ok(()));
        // base64("hook:s3creT")
        let wrong = headers(&[("authorization", "Basic aG9vazpzM2NyZVQ=")]);
        assert_eq!(
            verify_basic(&wrong, &credentials),
            Err(SignatureError::Mismatch)
        );
        let bearer = headers(&[("authorization", "Bearer aG9vazpzM2NyZXQ=")]);
        assert!(matches!(
            verify_basic(&bearer, &credentials),
            Err(SignatureError::Malformed { .. })
        ));
        assert_eq!(
            verify_basic(&HeaderMap::new(), &credentials),
            Err(SignatureError::Missing {
                header: "authorization"
            })
        );
    }

    #[test]
    fn a_header_given_twice_is_malformed() {
        let twice = headers(&[
            ("stripe-signature", "t=1,v1=00"),
            ("stripe-signature", "t=1,v1=00"),
        ]);
        let error =
            verify_hmac(&STRIPE, b"{}", &twice, &WebhookSecret::new("k"), at(1)).unwrap_err();
        assert!(
            matches!(error, SignatureError::Malformed { .. }),
            "{error:?}"
        );
    }
}
