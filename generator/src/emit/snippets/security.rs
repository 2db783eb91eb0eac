//! How credentials are made, as users read it: how each scheme travels in words, the
//! constructors that serve it, and the credentials a usage example builds its client with.

use crate::ir::{Api, Auth, Operation, ParamLocation, Requirement, SchemeKind, SecurityScheme};

/// How a scheme reads in prose (`an API key in the \`X-API-Key\` header`).
pub fn describe(scheme: &SecurityScheme) -> String {
    let quoted = |s: &str| s.replace('`', "'");
    match &scheme.kind {
        SchemeKind::ApiKey { location, name } => {
            let place = match location {
                ParamLocation::Query => "query parameter",
                ParamLocation::Cookie => "cookie",
                ParamLocation::Header | ParamLocation::Path => "header",
            };
            format!("an API key in the `{}` {place}", quoted(name))
        }
        SchemeKind::Basic => "HTTP basic authentication".to_owned(),
        SchemeKind::Bearer { format: None } => "an HTTP bearer token".to_owned(),
        SchemeKind::Bearer {
            format: Some(format),
        } => format!("an HTTP bearer token ({})", quoted(format)),
        SchemeKind::OAuth2 { .. } => {
            "an OAuth2 access token, which you obtain and the client sends as a bearer token"
                .to_owned()
        }
        SchemeKind::OpenIdConnect { url } => format!(
            "an OpenID Connect token (see `{}`), which you obtain and the client sends as a bearer token",
            quoted(url)
        ),
    }
}

/// The Rust expression making credentials for one scheme, with placeholder secrets.
fn credentials_expr(scheme: &SecurityScheme) -> String {
    match (&scheme.kind, scheme.constructor.as_deref()) {
        (SchemeKind::ApiKey { .. }, Some(c)) => format!("Credentials::{c}(\"your-api-key\")"),
        (SchemeKind::Basic, Some("api_key")) => "Credentials::api_key(\"your-api-key\")".into(),
        (SchemeKind::Basic, Some(c)) => format!("Credentials::{c}(\"username\", \"password\")"),
        (SchemeKind::Basic, None) => "Credentials::basic(\"username\", \"password\")".into(),
        (_, Some(c)) => format!("Credentials::{c}(\"your-token\")"),
        (_, None) => "Credentials::bearer(\"your-token\")".into(),
    }
}

/// The credentials a usage example of `op` builds its client with: those of the first
/// alternative the operation accepts (any operation's, when it needs none), joined with
/// `and`; `None` for an API without credentials.
pub fn example_credentials(api: &Api, op: &Operation) -> Option<String> {
    let auth = api.auth.as_ref()?;
    let first =
        |requirements: &[Requirement]| requirements.iter().find(|r| !r.schemes.is_empty()).cloned();
    let requirement =
        first(auth.requirements(op)).or_else(|| auth.operations.values().find_map(|r| first(r)))?;
    let parts: Vec<String> = requirement
        .schemes
        .iter()
        .filter_map(|used| auth.scheme(used))
        .map(credentials_expr)
        .collect();
    let (head, rest) = parts.split_first()?;
    Some(
        rest.iter()
            .fold(head.clone(), |all, part| format!("{all}.and({part})")),
    )
}

/// The constructors that serve `scheme`, as the docs show them.
pub fn rust_for(auth: &Auth, scheme: &SecurityScheme) -> String {
    let sole_basic = auth.schemes.len() == 1 && scheme.kind == SchemeKind::Basic;
    match (&scheme.kind, scheme.constructor.as_deref()) {
        (SchemeKind::Basic, Some(c)) if sole_basic => {
            format!("Credentials::basic(username, password) or Credentials::{c}(key)")
        }
        (SchemeKind::ApiKey { .. }, Some(c)) => format!("Credentials::{c}(key)"),
        (SchemeKind::Basic, Some(c)) => format!("Credentials::{c}(username, password)"),
        (SchemeKind::Basic, None) => "Credentials::basic(username, password)".to_owned(),
        (_, Some(c)) => match scheme.provider_constructor.as_deref() {
            Some(p) => format!("Credentials::{c}(token) or Credentials::{p}(callback)"),
            None => format!("Credentials::{c}(token)"),
        },
        (_, None) if matches!(scheme.kind, SchemeKind::Bearer { .. }) => {
            "Credentials::bearer(token)".to_owned()
        }
        (_, None) => "Credentials::bearer(token) or Credentials::bearer_with(callback)".to_owned(),
    }
}
