//! How requests authenticate: the security schemes of `components.securitySchemes` the client
//! can send (API keys in a header, query parameter or cookie; HTTP basic and bearer; OAuth2
//! and OpenID Connect as a bearer token the caller obtains), and what each operation requires:
//! its own `security`, else the top-level one.
//!
//! `security: []` means no credentials; an empty requirement `{}` among the alternatives makes
//! them optional. A spec that declares schemes but no `security` anywhere is read as every
//! operation accepting any one of them (with a warning), as such specs mean.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use openapiv3::{APIKeyLocation, OAuth2Flows, ReferenceOr, SecurityRequirement};

use super::Lowerer;
use crate::diagnostic::pointer;
use crate::ir::{
    Auth, Method, OAuthFlow, ParamLocation, Requirement, SchemeKind, SchemeUse, SecurityScheme,
};

/// A requirement by scheme name: each name with its scopes.
type Named = Vec<(String, Vec<String>)>;

/// What became of a scheme a requirement names.
enum Lookup {
    /// Lowered.
    Usable,
    /// Declared, but the client cannot send it (already warned about).
    Unsupported,
    /// Not declared (already warned about).
    Unknown,
}

impl<'a> Lowerer<'a> {
    pub(super) fn auth(&mut self) -> Option<Auth> {
        let doc = self.doc;
        let declared = doc.components.as_ref().map(|c| &c.security_schemes);
        let declared_count = declared.map_or(0, |d| d.len());
        // Each declared scheme, lowered the first time a requirement names it, so that a
        // scheme nobody uses is never warned about.
        let mut lowered: HashMap<String, Option<SecurityScheme>> = HashMap::new();
        let mut unknown: BTreeSet<String> = BTreeSet::new();

        let operations: Vec<(String, String, Option<&Vec<SecurityRequirement>>)> = doc
            .paths
            .paths
            .iter()
            .filter_map(|(path, item)| Some((path, item.as_item()?)))
            .flat_map(|(path, item)| {
                let methods = [
                    (Method::Get, &item.get, "get"),
                    (Method::Put, &item.put, "put"),
                    (Method::Post, &item.post, "post"),
                    (Method::Delete, &item.delete, "delete"),
                    (Method::Options, &item.options, "options"),
                    (Method::Head, &item.head, "head"),
                    (Method::Patch, &item.patch, "patch"),
                    (Method::Trace, &item.trace, "trace"),
                ];
                methods.into_iter().filter_map(move |(method, op, key)| {
                    let op = op.as_ref()?;
                    Some((
                        format!("{} {path}", method.as_str()),
                        pointer(["paths", path, key, "security"]),
                        op.security.as_ref(),
                    ))
                })
            })
            .collect();
        let any_security =
            doc.security.is_some() || operations.iter().any(|(_, _, own)| own.is_some());
        if !any_security && declared_count > 0 {
            self.warn(
                &pointer(["components", "securitySchemes"]),
                "security schemes are declared but no `security` requirement names them; every operation is taken to accept any one of them",
            );
        }

        // Each operation's alternatives, by scheme name.
        let mut by_operation: Vec<(String, Vec<Named>)> = Vec::new();
        for (key, own_at, own) in &operations {
            let (list, at): (Vec<Named>, String) = match (own, &doc.security) {
                (Some(own), _) => (named(own), own_at.clone()),
                (None, Some(top)) => (named(top), pointer(["security"])),
                (None, None) if !any_security => (
                    declared
                        .into_iter()
                        .flat_map(|d| d.keys())
                        .map(|name| vec![(name.clone(), Vec::new())])
                        .collect(),
                    pointer(["components", "securitySchemes"]),
                ),
                (None, None) => continue,
            };
            let mut kept = Vec::new();
            for (i, requirement) in list.into_iter().enumerate() {
                let mut usable = true;
                for (name, _) in &requirement {
                    let lookup =
                        self.lookup(name, &format!("{at}/{i}"), &mut lowered, &mut unknown);
                    usable &= matches!(lookup, Lookup::Usable);
                }
                if usable {
                    kept.push(requirement);
                }
            }
            if !kept.is_empty() {
                by_operation.push((key.clone(), kept));
            }
        }

        // The schemes in use, in declaration order, and each one's index among them.
        let used: BTreeSet<&str> = by_operation
            .iter()
            .flat_map(|(_, alternatives)| alternatives.iter().flatten())
            .map(|(name, _)| name.as_str())
            .collect();
        let mut schemes = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for name in declared.into_iter().flat_map(|d| d.keys()) {
            if let Some(Some(scheme)) = lowered.get(name).filter(|_| used.contains(name.as_str())) {
                index.insert(name.as_str(), schemes.len());
                schemes.push(scheme.clone());
            }
        }
        if schemes.is_empty() {
            return None;
        }
        let operations: BTreeMap<String, Vec<Requirement>> = by_operation
            .iter()
            .map(|(key, alternatives)| {
                let alternatives = alternatives
                    .iter()
                    .map(|requirement| Requirement {
                        schemes: requirement
                            .iter()
                            .filter_map(|(name, scopes)| {
                                Some(SchemeUse {
                                    scheme: *index.get(name.as_str())?,
                                    scopes: scopes.clone(),
                                })
                            })
                            .collect(),
                    })
                    .collect();
                (key.clone(), alternatives)
            })
            .collect();
        Some(Auth {
            schemes,
            operations,
        })
    }

    /// Finds (and lowers, the first time) the scheme a requirement at `at` names.
    fn lookup(
        &mut self,
        name: &str,
        at: &str,
        lowered: &mut HashMap<String, Option<SecurityScheme>>,
        unknown: &mut BTreeSet<String>,
    ) -> Lookup {
        let doc = self.doc;
        let declared = doc.components.as_ref().map(|c| &c.security_schemes);
        if !declared.is_some_and(|d| d.contains_key(name)) {
            if unknown.insert(name.to_owned()) {
                let known: Vec<&str> = declared
                    .into_iter()
                    .flat_map(|d| d.keys())
                    .map(String::as_str)
                    .collect();
                let hint = match crate::ir::names::closest(name, known) {
                    Some(close) => format!(" (did you mean `{close}`?)"),
                    None => String::new(),
                };
                self.warn(at, format!("security requirement names `{name}`, which is not in components.securitySchemes{hint}; requirements naming it are left out"));
            }
            return Lookup::Unknown;
        }
        if !lowered.contains_key(name) {
            let scheme = self.scheme(name);
            lowered.insert(name.to_owned(), scheme);
        }
        match lowered.get(name) {
            Some(Some(_)) => Lookup::Usable,
            _ => Lookup::Unsupported,
        }
    }

    /// Lowers the declared scheme `name`, warning when the client cannot send it.
    fn scheme(&mut self, name: &str) -> Option<SecurityScheme> {
        let doc = self.doc;
        let at = pointer(["components", "securitySchemes", name]);
        let entry = doc.components.as_ref()?.security_schemes.get(name)?;
        let scheme = match entry {
            ReferenceOr::Item(scheme) => scheme,
            ReferenceOr::Reference { reference } => {
                match self.component(reference, "securitySchemes", &at, |c| &c.security_schemes) {
                    Ok((_, scheme)) => scheme,
                    Err(error) => {
                        self.warn(
                            &at,
                            format!(
                                "{}; requirements naming `{name}` are left out",
                                error.message
                            ),
                        );
                        return None;
                    }
                }
            }
        };
        let left_out = "requirements that need it are left out, so an operation that accepts nothing else is sent without credentials";
        let (kind, description) = match scheme {
            openapiv3::SecurityScheme::APIKey {
                location,
                name: key_name,
                description,
                ..
            } => {
                let location = match location {
                    APIKeyLocation::Header => ParamLocation::Header,
                    APIKeyLocation::Query => ParamLocation::Query,
                    APIKeyLocation::Cookie => ParamLocation::Cookie,
                };
                let valid = match location {
                    ParamLocation::Query => !key_name.is_empty(),
                    _ => is_token(key_name),
                };
                if !valid {
                    let place = match location {
                        ParamLocation::Header => "header",
                        ParamLocation::Cookie => "cookie",
                        _ => "query parameter",
                    };
                    self.warn(&format!("{at}/name"), format!("`{key_name}` is not a valid {place} name for API key `{name}`; {left_out}"));
                    return None;
                }
                (
                    SchemeKind::ApiKey {
                        location,
                        name: key_name.clone(),
                    },
                    description,
                )
            }
            openapiv3::SecurityScheme::HTTP {
                scheme: http,
                bearer_format,
                description,
                ..
            } => match http.to_ascii_lowercase().as_str() {
                "basic" => (SchemeKind::Basic, description),
                "bearer" => (
                    SchemeKind::Bearer {
                        format: bearer_format.clone(),
                    },
                    description,
                ),
                other => {
                    self.warn(
                        &format!("{at}/scheme"),
                        format!("HTTP `{other}` authentication (`{name}`) is not supported, only basic and bearer; {left_out}"),
                    );
                    return None;
                }
            },
            openapiv3::SecurityScheme::OAuth2 {
                flows, description, ..
            } => (
                SchemeKind::OAuth2 {
                    flows: oauth_flows(flows),
                },
                description,
            ),
            openapiv3::SecurityScheme::OpenIDConnect {
                open_id_connect_url,
                description,
                ..
            } => (
                SchemeKind::OpenIdConnect {
                    url: open_id_connect_url.clone(),
                },
                description,
            ),
        };
        Some(SecurityScheme {
            name: name.to_owned(),
            // Named in `ir::decide`, which sees every scheme.
            constructor: None,
            provider_constructor: None,
            kind,
            description: description.clone(),
        })
    }
}

/// The requirements as scheme names with their scopes, in spec order.
fn named(requirements: &[SecurityRequirement]) -> Vec<Named> {
    requirements
        .iter()
        .map(|r| {
            r.iter()
                .map(|(name, scopes)| (name.clone(), scopes.clone()))
                .collect()
        })
        .collect()
}

fn oauth_flows(flows: &OAuth2Flows) -> Vec<OAuthFlow> {
    let scopes = |s: &indexmap::IndexMap<String, String>| {
        s.iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    let mut out = Vec::new();
    if let Some(f) = &flows.authorization_code {
        out.push(OAuthFlow {
            flow: "authorizationCode".into(),
            authorization_url: Some(f.authorization_url.clone()),
            token_url: Some(f.token_url.clone()),
            refresh_url: f.refresh_url.clone(),
            scopes: scopes(&f.scopes),
        });
    }
    if let Some(f) = &flows.client_credentials {
        out.push(OAuthFlow {
            flow: "clientCredentials".into(),
            authorization_url: None,
            token_url: Some(f.token_url.clone()),
            refresh_url: f.refresh_url.clone(),
            scopes: scopes(&f.scopes),
        });
    }
    if let Some(f) = &flows.password {
        out.push(OAuthFlow {
            flow: "password".into(),
            authorization_url: None,
            token_url: Some(f.token_url.clone()),
            refresh_url: f.refresh_url.clone(),
            scopes: scopes(&f.scopes),
        });
    }
    if let Some(f) = &flows.implicit {
        out.push(OAuthFlow {
            flow: "implicit".into(),
            authorization_url: Some(f.authorization_url.clone()),
            token_url: None,
            refresh_url: f.refresh_url.clone(),
            scopes: scopes(&f.scopes),
        });
    }
    out
}

/// Whether `name` is an RFC 9110 token, the grammar of header and cookie names.
fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use crate::ir::{Api, Auth, ParamLocation, SchemeKind};

    fn lower(yaml: &str) -> (Api, Vec<String>) {
        let loaded =
            crate::load::load_bytes(std::path::Path::new("t.yaml"), yaml.as_bytes(), false)
                .expect("loads");
        let mut warnings = Vec::new();
        let api = crate::ir::lower_api(&loaded, &crate::Settings::default(), &mut warnings)
            .expect("lowers");
        let warnings = warnings
            .into_iter()
            .map(|w| format!("{} {}", w.pointer, w.message))
            .collect();
        (api, warnings)
    }

    /// Each operation's alternatives as scheme names (`a+b` sent together, `{}` none).
    fn requirements(api: &Api) -> Vec<(String, Vec<String>)> {
        let Some(auth) = &api.auth else {
            return Vec::new();
        };
        api.operations
            .iter()
            .map(|op| {
                let alternatives = auth
                    .requirements(op)
                    .iter()
                    .map(|r| {
                        let names: Vec<&str> = r
                            .schemes
                            .iter()
                            .filter_map(|u| auth.scheme(u))
                            .map(|s| s.name.as_str())
                            .collect();
                        if names.is_empty() {
                            "{}".to_owned()
                        } else {
                            names.join("+")
                        }
                    })
                    .collect();
                (op.ident.clone(), alternatives)
            })
            .collect()
    }

    fn constructors(api: &Api) -> Vec<(String, Option<String>, Option<String>)> {
        api.auth
            .iter()
            .flat_map(|a| &a.schemes)
            .map(|s| {
                (
                    s.name.clone(),
                    s.constructor.clone(),
                    s.provider_constructor.clone(),
                )
            })
            .collect()
    }

    const HEAD: &str = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

    /// An operation `method` whose operationId is `method`, unless `id` says otherwise.
    fn op(method: &str, security: &str) -> String {
        let (method, id) = method.split_once(' ').unwrap_or((method, method));
        format!("    {method}:\n      operationId: {id}\n{security}      responses: {{'204': {{description: ok}}}}\n")
    }

    #[test]
    fn petstore_api_key_or_oauth2() {
        let yaml = format!(
            "{HEAD}paths:\n  /pet:\n{}{}  /store/inventory:\n{}components:\n  securitySchemes:\n    petstore_auth:\n      type: oauth2\n      flows:\n        implicit:\n          authorizationUrl: https://x/oauth\n          scopes: {{'write:pets': modify, 'read:pets': read}}\n    api_key: {{type: apiKey, name: api_key, in: header}}\n",
            op("get", "      security: [{api_key: []}, {petstore_auth: ['write:pets', 'read:pets']}]\n"),
            op("put", "      security: [{petstore_auth: ['write:pets']}]\n"),
            op("get inventory", "      security: [{api_key: []}]\n"),
        );
        let (api, warnings) = lower(&yaml);
        assert!(warnings.is_empty(), "{warnings:?}");
        let auth = api.auth.as_ref().expect("auth");
        // Declaration order.
        let names: Vec<&str> = auth.schemes.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["petstore_auth", "api_key"]);
        assert_eq!(
            auth.schemes[1].kind,
            SchemeKind::ApiKey {
                location: ParamLocation::Header,
                name: "api_key".into()
            }
        );
        match &auth.schemes[0].kind {
            SchemeKind::OAuth2 { flows } => {
                assert_eq!(flows[0].flow, "implicit");
                assert_eq!(flows[0].scopes.len(), 2);
            }
            other => panic!("{other:?}"),
        }
        let get = &api.operations[0];
        assert_eq!(Auth::key(get), "GET /pet");
        assert_eq!(
            auth.requirements(get)[1].schemes[0].scopes,
            ["write:pets", "read:pets"]
        );
        // The only API key: `api_key`; the only bearer-token scheme: `Credentials::bearer`.
        assert_eq!(
            constructors(&api),
            [
                ("petstore_auth".into(), None, None),
                ("api_key".into(), Some("api_key".into()), None)
            ]
        );
    }

    #[test]
    fn per_operation_requirements_override_the_top_level_ones() {
        let yaml = format!(
            "{HEAD}security: [{{key: []}}]\npaths:\n  /a:\n{}{}{}{}{}components:\n  securitySchemes:\n    key: {{type: apiKey, name: k, in: query}}\n    session: {{type: apiKey, name: s, in: cookie}}\n    basic: {{type: http, scheme: Basic}}\n",
            op("get", ""),
            op("put", "      security: []\n"),
            op("post", "      security: [{}, {basic: []}]\n"),
            op("delete", "      security: [{key: [], session: []}, {basic: []}]\n"),
            op("patch", "      security: [{}]\n"),
        );
        let (api, warnings) = lower(&yaml);
        assert!(warnings.is_empty(), "{warnings:?}");
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            requirements(&api),
            [
                ("get".to_owned(), strings(&["key"])),
                ("put".to_owned(), strings(&[])),
                ("post".to_owned(), strings(&["{}", "basic"])),
                ("delete".to_owned(), strings(&["key+session", "basic"])),
                ("patch".to_owned(), strings(&["{}"])),
            ]
        );
        // Two API keys: each named for its scheme; the only basic scheme: `Credentials::basic`.
        assert_eq!(
            constructors(&api),
            [
                ("key".into(), Some("key".into()), None),
                ("session".into(), Some("session".into()), None),
                ("basic".into(), None, None)
            ]
        );
    }

    #[test]
    fn a_sole_basic_scheme_takes_api_keys_as_user_names() {
        let yaml = format!(
            "{HEAD}paths:\n  /a:\n{}components:\n  securitySchemes:\n    BasicAuth: {{type: http, scheme: basic}}\n",
            op("get", "      security: [{BasicAuth: []}]\n"),
        );
        let (api, warnings) = lower(&yaml);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            constructors(&api),
            [("BasicAuth".into(), Some("api_key".into()), None)]
        );
    }

    #[test]
    fn several_bearer_schemes_get_constructors_that_never_clash() {
        let yaml = format!(
            "{HEAD}security: [{{bearer: []}}, {{self: []}}, {{oidc: []}}, {{Bearer With: []}}]\npaths:\n  /a:\n{}components:\n  securitySchemes:\n    bearer: {{type: http, scheme: bearer, bearerFormat: JWT}}\n    self: {{type: oauth2, flows: {{clientCredentials: {{tokenUrl: 'https://x/t', scopes: {{}}}}}}}}\n    oidc: {{type: openIdConnect, openIdConnectUrl: 'https://x/.well-known'}}\n    Bearer With: {{type: http, scheme: bearer}}\n",
            op("get", ""),
        );
        let (api, warnings) = lower(&yaml);
        assert!(warnings.is_empty(), "{warnings:?}");
        let c = |a: &str, b: &str| (Some(a.to_owned()), Some(b.to_owned()));
        let named: Vec<_> = constructors(&api)
            .into_iter()
            .map(|(_, a, b)| (a, b))
            .collect();
        assert_eq!(
            named,
            [
                c("bearer2", "bearer2_with"),
                c("self_", "self__with"),
                c("oidc", "oidc_with"),
                c("bearer_with2", "bearer_with2_with"),
            ]
        );
    }

    #[test]
    fn what_cannot_be_sent_is_left_out_with_one_warning_each() {
        let yaml = format!(
            "{HEAD}security: [{{digest: []}}, {{key: []}}]\npaths:\n  /a:\n{}{}{}components:\n  securitySchemes:\n    digest: {{type: http, scheme: digest}}\n    key: {{type: apiKey, name: 'bad name', in: header}}\n    token: {{type: http, scheme: bearer}}\n    unused: {{type: http, scheme: negotiate}}\n",
            op("get", ""),
            op("put", "      security: [{digest: [], token: []}, {tokn: []}, {token: []}]\n"),
            op("post", "      security: [{tokn: []}]\n"),
        );
        let (api, warnings) = lower(&yaml);
        assert_eq!(warnings.len(), 3, "{warnings:#?}");
        assert!(warnings[0].starts_with("#/components/securitySchemes/digest/scheme HTTP `digest` authentication (`digest`) is not supported"), "{warnings:?}");
        assert!(
            warnings[1].starts_with(
                "#/components/securitySchemes/key/name `bad name` is not a valid header name"
            ),
            "{warnings:?}"
        );
        assert!(warnings[2].starts_with("#/paths/~1a/put/security/1 security requirement names `tokn`, which is not in components.securitySchemes (did you mean `token`?)"), "{warnings:?}");
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        // `get` can meet none of its requirements: it is sent without credentials.
        assert_eq!(
            requirements(&api),
            [
                ("get".to_owned(), strings(&[])),
                ("put".to_owned(), strings(&["token"])),
                ("post".to_owned(), strings(&[])),
            ]
        );
    }

    #[test]
    fn schemes_without_any_requirement_apply_to_every_operation() {
        let yaml = format!(
            "{HEAD}paths:\n  /a:\n{}components:\n  securitySchemes:\n    key: {{type: apiKey, name: X-Key, in: header}}\n    token: {{type: http, scheme: bearer}}\n",
            op("get", ""),
        );
        let (api, warnings) = lower(&yaml);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("no `security` requirement"),
            "{warnings:?}"
        );
        assert_eq!(
            requirements(&api),
            [("get".to_owned(), vec!["key".to_owned(), "token".to_owned()])]
        );
    }

    #[test]
    fn no_requirement_means_no_auth() {
        // Requirements elsewhere, none for this operation and none at the top: no credentials.
        let yaml = format!(
            "{HEAD}paths:\n  /a:\n{}{}components:\n  securitySchemes:\n    token: {{type: http, scheme: bearer}}\n",
            op("get", ""),
            op("put", "      security: []\n"),
        );
        let (api, warnings) = lower(&yaml);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(api.auth.is_none());
    }
}
