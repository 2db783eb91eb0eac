//! [`Credentials`]: the secrets a client authenticates with, and which of them each call
//! sends (the first alternative of its security requirements whose credentials were all
//! given), placed in a header, the query or a cookie.

use std::fmt;
use std::sync::Arc;

use crate::error::InvalidRequest;
use crate::runtime::{KeyIn, Scheme, SchemeKind};
use crate::tokens::TokenSource;
use crate::values;

/// The secrets a client authenticates with: for one security scheme of the API, or for
/// several (`Credentials::bearer(token).and(..)`). Each operation sends those of the schemes
/// it accepts: the first alternative it lists whose credentials were all given. `Debug`
/// shows which schemes have credentials, never the secrets.
///
/// [`Credentials::basic`] serves any HTTP basic scheme, [`Credentials::bearer`] and
/// [`Credentials::bearer_with`] any bearer-token scheme (HTTP bearer, OAuth2, OpenID
/// Connect); the generated constructors (`Credentials::api_key`, ...) serve one scheme each.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    entries: Vec<Entry>,
}

/// A secret, and the scheme it is for (`None`: any scheme of its kind).
#[derive(Clone, PartialEq, Eq)]
struct Entry {
    scheme: Option<&'static str>,
    secret: Secret,
}

#[derive(Clone)]
enum Secret {
    Basic {
        username: String,
        password: String,
    },
    Bearer(String),
    BearerWith(TokenProvider),
    /// An async provider and its cached token (`tokens.rs`).
    BearerProvider(Arc<TokenSource>),
    Key(String),
}

/// A callback returning the current bearer token.
type TokenProvider = Arc<dyn Fn() -> String + Send + Sync>;

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (
                Secret::Basic { username, password },
                Secret::Basic {
                    username: u,
                    password: p,
                },
            ) => username == u && password == p,
            (Secret::Bearer(a), Secret::Bearer(b)) | (Secret::Key(a), Secret::Key(b)) => a == b,
            // The same callback, not one that happens to return the same token.
            (Secret::BearerWith(a), Secret::BearerWith(b)) => Arc::ptr_eq(a, b),
            (Secret::BearerProvider(a), Secret::BearerProvider(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Secret {}

impl Secret {
    /// Whether it can be sent for a scheme of `kind`.
    fn fits(&self, kind: SchemeKind) -> bool {
        matches!(
            (self, kind),
            (Secret::Basic { .. }, SchemeKind::Basic)
                | (
                    Secret::Bearer(_) | Secret::BearerWith(_) | Secret::BearerProvider(_),
                    SchemeKind::Bearer
                )
                | (Secret::Key(_), SchemeKind::Key(..))
        )
    }

    /// What it is, for `Debug` and error messages.
    fn kind_name(&self) -> &'static str {
        match self {
            Secret::Basic { .. } => "basic",
            Secret::Bearer(_) => "bearer",
            Secret::BearerWith(_) => "bearer callback",
            Secret::BearerProvider(_) => "bearer provider",
            Secret::Key(_) => "api key",
        }
    }

    /// What to send for `scheme`.
    fn place(&self, scheme: &Scheme) -> Result<Placement, InvalidRequest> {
        let refused = |error: InvalidRequest| {
            InvalidRequest(format!(
                "the credentials for `{}`: {}",
                scheme.name, error.0
            ))
        };
        let authorization = |value: String| {
            values::header_value("authorization", &value)
                .map(|value| Placement::Header("authorization", value))
                .map_err(refused)
        };
        match (self, scheme.kind) {
            (Secret::Basic { username, password }, _) => {
                // RFC 7617 §2: the server reads the user name up to the first colon.
                if username.contains(':') {
                    return Err(InvalidRequest(format!(
                        "the credentials for `{}`: an HTTP basic user name cannot contain `:`",
                        scheme.name
                    )));
                }
                let pair = values::base64(&format!("{username}:{password}"));
                authorization(format!("Basic {pair}"))
            }
            (Secret::Bearer(token), _) => authorization(format!("Bearer {token}")),
            (Secret::BearerWith(provider), _) => authorization(format!("Bearer {}", provider())),
            // Asked per attempt, when the call is sent (`retry::send`).
            (Secret::BearerProvider(source), _) => Ok(Placement::Provider(Arc::clone(source))),
            (Secret::Key(key), SchemeKind::Key(KeyIn::Header, name)) => {
                let value = values::header_value(name, key).map_err(refused)?;
                Ok(Placement::Header(name, value))
            }
            (Secret::Key(key), SchemeKind::Key(KeyIn::Query, name)) => {
                Ok(Placement::Query(name, key.clone()))
            }
            (Secret::Key(key), SchemeKind::Key(KeyIn::Cookie, name)) => {
                Ok(Placement::Cookie(name, key.clone()))
            }
            (Secret::Key(_), _) => Err(InvalidRequest(format!(
                "the credentials for `{}` are an API key, which it does not take",
                scheme.name
            ))),
        }
    }
}

/// Where a secret goes in a request.
pub(crate) enum Placement {
    /// A header (the value is marked sensitive).
    Header(&'static str, reqwest::header::HeaderValue),
    /// A query parameter.
    Query(&'static str, String),
    /// A cookie (not yet encoded).
    Cookie(&'static str, String),
    /// An `Authorization: Bearer` header from a token provider, set per attempt.
    Provider(Arc<TokenSource>),
}

impl Credentials {
    fn one(secret: Secret) -> Self {
        Self {
            entries: vec![Entry {
                scheme: None,
                secret,
            }],
        }
    }

    /// HTTP basic authentication with a user name and password, for any HTTP basic scheme.
    /// The user name cannot contain `:` (calls are refused before sending).
    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Self {
        Self::one(Secret::Basic {
            username: username.into(),
            password: password.into(),
        })
    }

    /// A bearer token (`Authorization: Bearer <token>`), for any bearer-token scheme: HTTP
    /// bearer, OAuth2 (an access token you obtained) or OpenID Connect.
    pub fn bearer(token: impl Into<String>) -> Self {
        Self::one(Secret::Bearer(token.into()))
    }

    /// A bearer token asked of `provider` for each call (once per call, its retries
    /// included), for tokens that expire: return the current one, refreshing it elsewhere.
    /// It serves the same schemes as [`Credentials::bearer`].
    pub fn bearer_with(provider: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Self::one(Secret::BearerWith(Arc::new(provider)))
    }

    /// Credentials of one token provider (for [`Credentials::bearer_provider`]).
    pub(crate) fn from_source(source: Arc<TokenSource>) -> Self {
        Self::one(Secret::BearerProvider(source))
    }

    /// These credentials and `other`'s, for APIs with several schemes (or operations that
    /// take two at once). Those of `other` replace any given here for the same scheme.
    pub fn and(mut self, other: Credentials) -> Self {
        for entry in other.entries {
            self.entries.retain(|e| {
                e.scheme != entry.scheme
                    || std::mem::discriminant(&e.secret) != std::mem::discriminant(&entry.secret)
            });
            self.entries.push(entry);
        }
        self
    }

    /// The same secrets, for the scheme `scheme` only (what generated constructors make).
    #[doc(hidden)]
    pub fn for_scheme(mut self, scheme: &'static str) -> Self {
        for entry in &mut self.entries {
            entry.scheme = Some(scheme);
        }
        self
    }

    /// An API key for the scheme `scheme` (what generated constructors make); where it
    /// travels is the scheme's.
    #[doc(hidden)]
    pub fn scheme_key(scheme: &'static str, key: impl Into<String>) -> Self {
        Self::one(Secret::Key(key.into())).for_scheme(scheme)
    }

    /// The secret given for `scheme`: one made for it, else one for any scheme of its kind.
    fn find(&self, scheme: &Scheme) -> Option<&Secret> {
        let fits = |e: &&Entry| e.secret.fits(scheme.kind);
        let named = self
            .entries
            .iter()
            .filter(fits)
            .find(|e| e.scheme == Some(scheme.name));
        named
            .or_else(|| {
                self.entries
                    .iter()
                    .filter(fits)
                    .find(|e| e.scheme.is_none())
            })
            .map(|e| &e.secret)
    }

    /// What to send for the first of `alternatives` (sets of schemes sent together) whose
    /// credentials were all given; nothing when none was. An empty alternative (the
    /// operation may be called without credentials) is only taken when no other is.
    pub(crate) fn select(
        &self,
        alternatives: &[&[Scheme]],
    ) -> Result<Vec<Placement>, InvalidRequest> {
        for alternative in alternatives.iter().filter(|a| !a.is_empty()) {
            let secrets: Option<Vec<&Secret>> = alternative.iter().map(|s| self.find(s)).collect();
            if let Some(secrets) = secrets {
                return alternative
                    .iter()
                    .zip(secrets)
                    .map(|(scheme, secret)| secret.place(scheme))
                    .collect();
            }
        }
        Ok(Vec::new())
    }

    /// What a call that names no schemes sends (one built by hand, or of an API that
    /// declares none): the first HTTP basic or bearer credential.
    pub(crate) fn unnamed(&self) -> Result<Vec<Placement>, InvalidRequest> {
        let http = self
            .entries
            .iter()
            .find(|e| !matches!(e.secret, Secret::Key(_)));
        match http {
            Some(entry) => {
                let scheme = match entry.secret {
                    Secret::Basic { .. } => Scheme::basic("http basic"),
                    _ => Scheme::bearer("bearer"),
                };
                Ok(vec![entry.secret.place(&scheme)?])
            }
            None => Ok(Vec::new()),
        }
    }
}

impl fmt::Debug for Credentials {
    /// `Credentials([bearer: <redacted>, api key for "query_key": <redacted>])`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Credentials([")?;
        for (i, entry) in self.entries.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(entry.secret.kind_name())?;
            if let Some(scheme) = entry.scheme {
                write!(f, " for {scheme:?}")?;
            }
            f.write_str(": <redacted>")?;
        }
        f.write_str("])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::ClientBuilder;

    /// The header, query or cookie each placement makes, as text.
    fn placed(credentials: &Credentials, alternatives: &[&[Scheme]]) -> Vec<String> {
        let placements = credentials.select(alternatives).unwrap();
        placements
            .into_iter()
            .map(|p| match p {
                Placement::Header(name, value) => {
                    format!("{name}: {}", value.to_str().unwrap_or("?"))
                }
                Placement::Query(name, value) => format!("?{name}={value}"),
                Placement::Cookie(name, value) => format!("cookie {name}={value}"),
                Placement::Provider(_) => "authorization: <provider>".to_owned(),
            })
            .collect()
    }

    const KEY: Scheme = Scheme::header("key", "x-api-key");
    const QUERY: Scheme = Scheme::query("query", "api_key");
    const COOKIE: Scheme = Scheme::cookie("cookie", "sid");
    const BASIC: Scheme = Scheme::basic("basic");
    const OAUTH: Scheme = Scheme::bearer("oauth");
    const JWT: Scheme = Scheme::bearer("jwt");

    #[test]
    fn the_first_alternative_whose_credentials_were_all_given_is_sent() {
        let given = Credentials::scheme_key("query", "q").and(Credentials::bearer("t"));
        assert_eq!(
            placed(&given, &[&[KEY], &[QUERY, COOKIE], &[QUERY], &[OAUTH]]),
            ["?api_key=q"]
        );
        assert_eq!(
            placed(&given, &[&[], &[OAUTH, QUERY]]),
            ["authorization: Bearer t", "?api_key=q"]
        );
        // The empty alternative (credentials optional) sends nothing, and nothing else can.
        assert!(placed(&given, &[&[], &[KEY]]).is_empty());
        assert!(placed(&given, &[]).is_empty());
        assert_eq!(
            placed(&Credentials::basic("Aladdin", "open sesame"), &[&[BASIC]]),
            ["authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="]
        );
    }

    #[test]
    fn credentials_for_a_scheme_serve_that_scheme_only() {
        let jwt = Credentials::bearer("j").for_scheme("jwt");
        assert!(placed(&jwt, &[&[OAUTH]]).is_empty());
        assert_eq!(placed(&jwt, &[&[JWT]]), ["authorization: Bearer j"]);
        // Those for the scheme win over those for any scheme of its kind.
        let both = Credentials::bearer("any").and(jwt);
        assert_eq!(placed(&both, &[&[JWT]]), ["authorization: Bearer j"]);
        assert_eq!(placed(&both, &[&[OAUTH]]), ["authorization: Bearer any"]);
        // An API key serves no bearer scheme, and a token no API key scheme.
        let key = Credentials::scheme_key("oauth", "k");
        assert!(placed(&key, &[&[OAUTH]]).is_empty());
        assert!(placed(&Credentials::bearer("t"), &[&[KEY]]).is_empty());
    }

    #[test]
    fn later_credentials_replace_earlier_ones_for_the_same_scheme() {
        let given = Credentials::bearer("old")
            .and(Credentials::scheme_key("key", "k1"))
            .and(Credentials::bearer("new"))
            .and(Credentials::scheme_key("key", "k2"));
        assert_eq!(
            placed(&given, &[&[KEY, OAUTH]]),
            ["x-api-key: k2", "authorization: Bearer new"]
        );
        let client = ClientBuilder::default()
            .base_url("http://127.0.0.1:1")
            .credentials(Credentials::basic("u", "p"))
            .credentials(Credentials::scheme_key("key", "k"))
            .build()
            .unwrap();
        let merged = client.credentials().cloned().unwrap();
        assert_eq!(
            merged,
            Credentials::basic("u", "p").and(Credentials::scheme_key("key", "k"))
        );
    }

    #[test]
    fn a_token_callback_is_asked_when_the_call_is_made() {
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        let given = Credentials::bearer_with(move || {
            let n = counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            format!("t{n}")
        });
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 0);
        assert_eq!(placed(&given, &[&[OAUTH]]), ["authorization: Bearer t0"]);
        assert_eq!(placed(&given, &[&[OAUTH]]), ["authorization: Bearer t1"]);
        assert_eq!(given, given.clone());
        assert_ne!(given, Credentials::bearer_with(|| "t0".to_owned()));
    }

    #[test]
    fn what_http_cannot_carry_is_refused_naming_the_scheme_not_the_secret() {
        for (given, scheme) in [
            (Credentials::bearer("a\r\nx-injected: 1"), OAUTH),
            (Credentials::bearer("clé"), OAUTH),
            (Credentials::scheme_key("key", "k\n1"), KEY),
            (Credentials::basic("user:name", "p"), BASIC),
        ] {
            let alternatives: &[&[Scheme]] = &[&[scheme]];
            let error = given.select(alternatives).err().expect("refused");
            assert!(error.0.contains(&format!("`{}`", scheme.name)), "{error}");
            assert!(
                !error.0.contains("injected") && !error.0.contains("clé"),
                "{error}"
            );
        }
    }

    #[test]
    fn debug_names_the_schemes_and_never_the_secrets() {
        let given = Credentials::basic("USER", "PASSWORD")
            .and(Credentials::scheme_key("key", "KEY"))
            .and(Credentials::bearer_with(|| "TOKEN".to_owned()).for_scheme("oauth"));
        let shown = format!("{given:?}");
        assert_eq!(
            shown,
            "Credentials([basic: <redacted>, api key for \"key\": <redacted>, bearer callback for \"oauth\": <redacted>])"
        );
        let builder = ClientBuilder::default()
            .base_url("http://127.0.0.1:1")
            .credentials(given);
        let client = builder.clone().build().unwrap();
        for shown in [format!("{builder:?}"), format!("{client:?}")] {
            for secret in ["USER", "PASSWORD", "KEY\"", "TOKEN"] {
                assert!(!shown.contains(secret), "{shown}");
            }
        }
    }
}
