//! How requests authenticate: the security schemes ([`SecurityScheme`], [`SchemeKind`],
//! [`OAuthFlow`]) and which of them each operation requires ([`Auth`], [`Requirement`],
//! [`SchemeUse`]).

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Operation, ParamLocation};

/// How requests authenticate: the security schemes the operations accept, and which of them
/// each operation needs (decided in lowering, from `components.securitySchemes` and the
/// top-level and per-operation `security`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Auth {
    /// The schemes some operation accepts, in `components.securitySchemes` order. Schemes no
    /// operation names, and those the client cannot send, are left out.
    pub schemes: Vec<SecurityScheme>,
    /// What each operation requires, by [`Auth::key`] (`GET /pets/{id}`): alternatives, any
    /// one of which suffices. An operation that is not listed needs no credentials.
    pub operations: BTreeMap<String, Vec<Requirement>>,
}

impl Auth {
    /// The key of `op` in [`Auth::operations`]: its method and path.
    pub fn key(op: &Operation) -> String {
        format!("{} {}", op.method.as_str(), op.path)
    }

    /// The alternatives `op` accepts, any one of which suffices; empty when it needs no
    /// credentials.
    pub fn requirements(&self, op: &Operation) -> &[Requirement] {
        self.operations
            .get(&Self::key(op))
            .map_or(&[], Vec::as_slice)
    }

    /// The scheme a [`SchemeUse`] names.
    pub fn scheme(&self, used: &SchemeUse) -> Option<&SecurityScheme> {
        self.schemes.get(used.scheme)
    }
}

/// One way to authenticate: the schemes whose credentials are sent together (a Security
/// Requirement Object). Empty (`{}`): the operation may also be called without credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirement {
    /// The schemes, in the order the spec lists them.
    pub schemes: Vec<SchemeUse>,
}

/// A scheme named by a [`Requirement`], with the OAuth2/OpenID Connect scopes it asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemeUse {
    /// An index into [`Auth::schemes`].
    pub scheme: usize,
    /// The scopes the token must carry (documentation only: the caller obtains the token).
    pub scopes: Vec<String>,
}

/// A security scheme (`components.securitySchemes`) the client can send.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SecurityScheme {
    /// Its key in `components.securitySchemes` (`api_key`): generated operations name it, and
    /// credentials made for it carry it.
    pub name: String,
    /// The generated `Credentials` constructor for this scheme alone (`api_key`), or `None`
    /// when the runtime's `Credentials::basic` or `Credentials::bearer` serves (the API has
    /// one scheme of that kind). Decided in `ir::decide`.
    pub constructor: Option<String>,
    /// For bearer-token schemes with a [`SecurityScheme::constructor`], the one taking a token
    /// callback (`oauth_with`).
    pub provider_constructor: Option<String>,
    /// How it is sent.
    pub kind: SchemeKind,
    /// `description`.
    pub description: Option<String>,
}

/// The kinds of security scheme, by how the client sends them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum SchemeKind {
    /// An API key in a header, a query parameter or a cookie.
    ApiKey {
        /// Where it travels (never [`ParamLocation::Path`]).
        location: ParamLocation,
        /// The header, query parameter or cookie name, as written.
        name: String,
    },
    /// HTTP basic authentication.
    Basic,
    /// An HTTP bearer token (`Authorization: Bearer <token>`).
    Bearer {
        /// `bearerFormat` (`JWT`), for documentation.
        format: Option<String>,
    },
    /// OAuth2: the caller obtains an access token and the client sends it as a bearer token.
    OAuth2 {
        /// The flows the spec documents, in the order authorization code, client
        /// credentials, password, implicit.
        flows: Vec<OAuthFlow>,
    },
    /// OpenID Connect: the caller obtains a token and the client sends it as a bearer token.
    OpenIdConnect {
        /// `openIdConnectUrl`, the discovery document.
        url: String,
    },
}

impl SchemeKind {
    /// Whether the client sends a bearer token for it (HTTP bearer, OAuth2, OpenID Connect).
    pub fn is_bearer(&self) -> bool {
        matches!(
            self,
            SchemeKind::Bearer { .. }
                | SchemeKind::OAuth2 { .. }
                | SchemeKind::OpenIdConnect { .. }
        )
    }
}

/// An OAuth2 flow, for documentation: the client does not run it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OAuthFlow {
    /// `authorizationCode`, `clientCredentials`, `password` or `implicit`.
    pub flow: String,
    /// `authorizationUrl`, for the flows that have one.
    pub authorization_url: Option<String>,
    /// `tokenUrl`, for the flows that have one.
    pub token_url: Option<String>,
    /// `refreshUrl`.
    pub refresh_url: Option<String>,
    /// The scopes and their descriptions, in spec order.
    pub scopes: Vec<(String, String)>,
}
