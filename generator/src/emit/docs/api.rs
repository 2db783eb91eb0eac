//! The contexts about the whole API: its servers, authentication, common parameters, modules
//! and Cargo features.

use super::context::{
    ApiContext, AuthContext, CommonContext, CommonParamContext, FeaturesContext, ModuleContext,
    ModuleOperationContext, SchemeContext, ScopeContext, ServerContext, ServerVariableContext,
    ServersContext,
};
use super::operation::pages;
use super::words::{location_name, type_description};
use crate::emit::snippets::security::{describe, rust_for};
use crate::emit::snippets::{self};
use crate::emit::CrateInfo;
use crate::ir::{Api, CommonParams, Parameter, SchemeKind, SecurityScheme, StringFormat, TypeRef};

/// `api`: the API's `info`.
pub(super) fn info(api: &Api) -> ApiContext {
    ApiContext {
        title: api.title.clone(),
        version: api.version.clone(),
        description: api.description.clone(),
    }
}

pub(super) fn servers(api: &Api) -> ServersContext {
    let variables = api
        .server_variables
        .iter()
        .map(|v| ServerVariableContext {
            name: v.name.clone(),
            field: v.field.clone(),
            default: v.default.clone(),
            values: v.values.iter().map(|x| x.value.clone()).collect(),
            description: v.description.clone(),
        })
        .collect();
    ServersContext {
        list: api
            .servers
            .iter()
            .map(|s| ServerContext {
                ident: s.ident.clone(),
                url: s.url.clone(),
                description: s.description.clone(),
                has_variables: !s.variables.is_empty(),
            })
            .collect(),
        variables,
    }
}

/// How the API authenticates (`kind`, `description`) and the Rust that makes its credentials
/// (`rust`), plus each scheme on its own (`schemes`); `None` without credentials.
pub(super) fn auth(api: &Api) -> Option<AuthContext> {
    let auth = api.auth.as_ref()?;
    let schemes: Vec<SchemeContext> = auth
        .schemes
        .iter()
        .map(|scheme| SchemeContext {
            name: scheme.name.clone(),
            kind: describe(scheme),
            description: scheme.description.clone(),
            rust: rust_for(auth, scheme),
            scopes: scopes(scheme),
        })
        .collect();
    if let [only] = auth.schemes.as_slice() {
        // The words the docs used before several schemes were supported.
        let kind = match &only.kind {
            SchemeKind::Basic => "HTTP basic".to_owned(),
            SchemeKind::Bearer { .. } => "HTTP bearer token".to_owned(),
            _ => capitalize(&describe(only)),
        };
        return Some(AuthContext {
            kind,
            description: only.description.clone(),
            rust: rust_for(auth, only),
            schemes,
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
    Some(AuthContext {
        kind: format!("Several schemes, by operation ({kind})"),
        description: None,
        rust: format!("{rust}; several at once with Credentials::and"),
        schemes,
    })
}

/// The OAuth2 scopes a scheme documents.
fn scopes(scheme: &SecurityScheme) -> Vec<ScopeContext> {
    match &scheme.kind {
        SchemeKind::OAuth2 { flows } => flows
            .iter()
            .flat_map(|f| f.scopes.iter())
            .map(|(name, description)| ScopeContext {
                name: name.clone(),
                description: description.clone(),
            })
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

/// The crate's Cargo features (one per module of operations, `webhooks`), or `None` when it
/// has none.
pub(super) fn features(api: &Api) -> Option<FeaturesContext> {
    let names = snippets::features::names(api);
    if names.is_empty() {
        return None;
    }
    Some(FeaturesContext {
        names,
        webhooks: !api.webhooks.is_empty(),
        webhook_dependencies: if api.webhook_auth.is_some() {
            crate::emit::deps::WEBHOOK_SIGNATURES
                .iter()
                .map(|d| format!("dep:{}", d.name))
                .collect()
        } else {
            Vec::new()
        },
        example: snippets::features::example(api),
    })
}

/// The API's common parameters: the `CommonParameters` fields, what each is sent as, and how
/// many operations send it.
pub(super) fn common(api: &Api, krate: &CrateInfo) -> Option<CommonContext> {
    let common = api.common.as_ref()?;
    let params = common
        .params
        .iter()
        .map(|p| {
            let operations = api
                .operations
                .iter()
                .filter(|op| {
                    op.common_params()
                        .any(|q| q.name == p.name && q.location == p.location)
                })
                .count();
            let mut ty = type_description(api, &p.ty, &p.constraints);
            if p.ty == TypeRef::String(StringFormat::Base64) {
                ty.push_str(", Base64-encoded by the client");
            }
            CommonParamContext {
                name: p.name.clone(),
                field: p.ident.clone(),
                location: location_name(p.location),
                ty,
                description: p.description.clone(),
                operations,
            }
        })
        .collect();
    Some(CommonContext {
        ident: common.ident.clone(),
        params,
        example: common_example(krate, common),
    })
}

/// Setting a common parameter for some calls. The first text parameter is shown, with the
/// spec's example as its value when there is one.
fn common_example(krate: &CrateInfo, common: &CommonParams) -> String {
    let lib = &krate.lib;
    let ident = &common.ident;
    let shown = common
        .params
        .iter()
        .find(|p| p.ty == TypeRef::String(StringFormat::Plain));
    let value = |p: &Parameter| {
        p.constraints
            .example
            .as_deref()
            .and_then(|e| serde_json::from_str::<String>(e).ok())
            .unwrap_or_else(|| "example".to_owned())
    };
    let parameters = match shown {
        Some(p) => format!(
            "{ident} {{\n        {}: Some({:?}.to_owned()),\n        ..{ident}::default()\n    }}",
            p.ident,
            value(p)
        ),
        None => format!("{ident}::default()"),
    };
    format!(
        "use {lib}::{{Client, {ident}}};\n\
         \n\
         fn with_common_parameters(client: &Client) -> Client {{\n\
         \x20   let parameters = {parameters};\n\
         \x20   client.with_common_parameters(&parameters)\n\
         }}"
    )
}

/// The operations by module (sorted), each with the paths of its request and error types.
pub(super) fn modules(api: &Api) -> Vec<ModuleContext> {
    let mut names: Vec<&str> = api.operations.iter().map(|op| op.group.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names
        .into_iter()
        .map(|name| {
            let operations = api
                .operations
                .iter()
                .filter(|op| op.group == name)
                .map(|op| ModuleOperationContext {
                    ident: op.ident.clone(),
                    rust_method: op.owner_path(&op.call_ident),
                    title: op.summary.clone().unwrap_or_else(|| op.ident.clone()),
                    doc_file: format!("{}.md", op.ident),
                    method: op.method.as_str(),
                    path: op.path.clone(),
                    deprecated: op.deprecated,
                    request_path: op
                        .request
                        .as_ref()
                        .map(|r| format!("{}::{}", op.group, r.ident)),
                    error_type: api.error_set(op.errors).ident.clone(),
                    pages: pages(op).map(|_| op.owner_path(&op.pages_ident())),
                })
                .collect();
            let handle = api
                .operations
                .iter()
                .find(|op| op.group == name)
                .and_then(|op| op.handle.clone());
            ModuleContext {
                name: name.to_owned(),
                handle,
                operations,
            }
        })
        .collect()
}
