//! Authentication in the generated code: the `Credentials` constructors named for the API's
//! security schemes (in `src/servers.rs`), the statement each operation makes to say which
//! schemes it accepts, and the credentials the usage examples build. What each operation
//! requires was decided in the IR (`ir::lower::auth`, `ir::decide`).

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::{json, Value};

use super::{doc_lines, ident};
use crate::emit::text;
use crate::ir::{Api, Auth, Operation, ParamLocation, Requirement, SchemeKind, SecurityScheme};

/// The operation's `call.security(..)` statement: the alternatives it accepts, each a set of
/// schemes sent together. Nothing for an API that declares no credentials (the call then
/// sends the client's HTTP credentials, if it was given any).
pub fn statement(api: &Api, op: &Operation) -> TokenStream {
    let Some(auth) = &api.auth else {
        return TokenStream::new();
    };
    let alternatives = auth.requirements(op).iter().map(|requirement| {
        let schemes = requirement
            .schemes
            .iter()
            .filter_map(|used| auth.scheme(used))
            .map(scheme_expr);
        quote!(&[#(#schemes),*])
    });
    quote!(call.security(&[#(#alternatives),*])?;)
}

/// The runtime's description of a scheme: its name and how its secret travels.
fn scheme_expr(scheme: &SecurityScheme) -> TokenStream {
    let name = &scheme.name;
    match &scheme.kind {
        SchemeKind::ApiKey {
            location,
            name: key,
        } => match location {
            ParamLocation::Query => quote!(runtime::Scheme::query(#name, #key)),
            ParamLocation::Cookie => quote!(runtime::Scheme::cookie(#name, #key)),
            ParamLocation::Header | ParamLocation::Path => {
                let header = key.to_ascii_lowercase();
                quote!(runtime::Scheme::header(#name, #header))
            }
        },
        SchemeKind::Basic => quote!(runtime::Scheme::basic(#name)),
        SchemeKind::Bearer { .. }
        | SchemeKind::OAuth2 { .. }
        | SchemeKind::OpenIdConnect { .. } => {
            quote!(runtime::Scheme::bearer(#name))
        }
    }
}

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

/// The `impl Credentials` block of constructors named for the API's schemes, if it has any.
pub fn constructors(api: &Api) -> TokenStream {
    let Some(auth) = &api.auth else {
        return TokenStream::new();
    };
    let sole_basic = matches!(auth.schemes.as_slice(), [only] if only.kind == SchemeKind::Basic);
    let functions = auth.schemes.iter().filter_map(|scheme| {
        let constructor = ident(scheme.constructor.as_deref()?);
        let name = &scheme.name;
        let mut text = if sole_basic {
            "An API key sent as the HTTP basic user name with an empty password, the way APIs that take API keys over basic authentication expect it.".to_owned()
        } else {
            format!(
                "Credentials for the `{}` scheme: {}.",
                name.replace('`', "'"),
                describe(scheme)
            )
        };
        if let Some(description) = &scheme.description {
            text.push_str("\n\n");
            text.push_str(&text::markdown(description));
        }
        let doc = doc_lines(&text);
        Some(match &scheme.kind {
            _ if sole_basic => quote! {
                #doc
                pub fn #constructor(key: impl Into<String>) -> Self {
                    Self::basic(key, "")
                }
            },
            SchemeKind::ApiKey { .. } => quote! {
                #doc
                pub fn #constructor(key: impl Into<String>) -> Self {
                    Self::scheme_key(#name, key)
                }
            },
            SchemeKind::Basic => quote! {
                #doc
                pub fn #constructor(username: impl Into<String>, password: impl Into<String>) -> Self {
                    Self::basic(username, password).for_scheme(#name)
                }
            },
            SchemeKind::Bearer { .. } | SchemeKind::OAuth2 { .. } | SchemeKind::OpenIdConnect { .. } => {
                let provider = scheme.provider_constructor.as_deref().map(|provider| {
                    let provider = ident(provider);
                    let doc = doc_lines(&format!(
                        "A token for the `{}` scheme asked of `provider` for each call (once per call, its retries included): return the current token, refreshing it elsewhere.",
                        name.replace('`', "'")
                    ));
                    quote! {
                        #doc
                        pub fn #provider(provider: impl Fn() -> String + Send + Sync + 'static) -> Self {
                            Self::bearer_with(provider).for_scheme(#name)
                        }
                    }
                });
                quote! {
                    #doc
                    pub fn #constructor(token: impl Into<String>) -> Self {
                        Self::bearer(token).for_scheme(#name)
                    }
                    #provider
                }
            }
        })
    });
    let functions: Vec<TokenStream> = functions.collect();
    if functions.is_empty() {
        return TokenStream::new();
    }
    quote! {
        impl Credentials {
            #(#functions)*
        }
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

/// The docs' `auth` context: how the API authenticates (`kind`, `description`) and the Rust
/// that makes its credentials (`rust`), plus each scheme on its own (`schemes`).
pub fn docs(api: &Api) -> Value {
    let Some(auth) = &api.auth else {
        return Value::Null;
    };
    let schemes: Vec<Value> = auth
        .schemes
        .iter()
        .map(|scheme| {
            json!({
                "name": scheme.name,
                "kind": describe(scheme),
                "description": scheme.description,
                "rust": rust_for(auth, scheme),
                "scopes": scopes(scheme),
            })
        })
        .collect();
    if let [only] = auth.schemes.as_slice() {
        // The words the docs used before several schemes were supported.
        let kind = match &only.kind {
            SchemeKind::Basic => "HTTP basic".to_owned(),
            SchemeKind::Bearer { .. } => "HTTP bearer token".to_owned(),
            _ => capitalize(&describe(only)),
        };
        return json!({
            "kind": kind,
            "description": only.description,
            "rust": rust_for(auth, only),
            "schemes": schemes,
        });
    }
    let kind = auth
        .schemes
        .iter()
        .map(|s| format!("`{}`: {}", s.name.replace('`', "'"), describe(s)))
        .collect::<Vec<_>>()
        .join("; ");
    let rust = auth
        .schemes
        .iter()
        .map(|s| rust_for(auth, s))
        .collect::<Vec<_>>()
        .join("; ");
    json!({
        "kind": format!("Several schemes, by operation ({kind})"),
        "description": Value::Null,
        "rust": format!("{rust}; several at once with Credentials::and"),
        "schemes": schemes,
    })
}

/// The constructors that serve `scheme`, as the docs show them.
fn rust_for(auth: &Auth, scheme: &SecurityScheme) -> String {
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

/// The OAuth2 scopes a scheme documents.
fn scopes(scheme: &SecurityScheme) -> Vec<Value> {
    match &scheme.kind {
        SchemeKind::OAuth2 { flows } => flows
            .iter()
            .flat_map(|f| f.scopes.iter())
            .map(|(name, description)| json!({"name": name, "description": description}))
            .collect(),
        _ => Vec::new(),
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
