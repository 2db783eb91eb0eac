//! Operations: paths and methods, their ids, groups and method names, and their parameters
//! (path-level merged with operation-level, path parameters first).

use openapiv3::{Parameter as OaParameter, ParameterSchemaOrContent, ReferenceOr};
use std::collections::{BTreeMap, HashMap};

use super::{plain_string, template_names, Lowerer, OperationDraft};
use crate::diagnostic::{pointer, Diagnostic};
use crate::ir::method_names;
use crate::ir::names::{self, Scope};
use crate::ir::{Method, ParamLocation, ParamStyle, Parameter, PathSegment};
use crate::settings::{ClientStyle, OperationNames};

/// Names a module of operations cannot take: the crate's other modules (the runtime's, which
/// it lists itself, and these), and `default`, which would clash with Cargo's default feature
/// (each module is a feature of the same name), and the re-exported `reqwest` and the TLS
/// features' names (`emit::deps::TLS_FEATURES`).
const RESERVED_GROUPS: &[&str] = &[
    "reqwest",
    "rustls",
    "rustls_ring",
    "native_tls",
    "servers",
    "responses",
    "common",
    "types",
    "webhooks",
    "lib",
    "main",
    "tests",
    "default",
    // The user's own module (`crate::user_code`).
    "custom",
];

/// Method names an operation cannot take: `Client`'s own and the traits' it implements.
const METHOD_RESERVED: &[&str] = &["new", "builder", "base_url", "clone", "fmt", "send"];

/// `Client`'s own methods (the runtime's), which a module's handle method cannot be named.
const CLIENT_METHODS: &[&str] = &[
    "auto_idempotency_keys",
    "base_url",
    "body",
    "build",
    "builder",
    "call",
    "checked_base_url",
    "clone",
    "connect_timeout",
    "credentials",
    "default_params",
    "fmt",
    "headers",
    "hook",
    "hooks",
    "http",
    "http_client",
    "new",
    "request_id_header",
    "response_timeout",
    "retry",
    "retry_policy",
    "server_url",
    "shares_pool_with",
    "timeout",
    "validate_requests",
    "validates_requests",
    "with_base_url",
    "with_common_parameters",
    "with_credentials",
    "with_header",
    "with_params",
    "with_retry",
    "with_server",
    "with_server_url",
    "with_timeout",
];

/// `operationId`, or one made from the method and the path.
fn operation_id(op: &openapiv3::Operation, method: &str, path: &str) -> String {
    match &op.operation_id {
        Some(id) => id.clone(),
        None => format!("{method} {}", path.replace(['{', '}'], "")),
    }
}

impl<'a> Lowerer<'a> {
    pub(super) fn operations(&mut self) -> Result<Vec<OperationDraft>, Diagnostic> {
        let mut operations = Vec::new();
        let mut method_scope = Scope::with_reserved(METHOD_RESERVED.iter().copied());
        let runtime = apiforge_runtime::FILES.iter().map(|file| file.name);
        let mut group_scope = Scope::with_reserved(runtime.chain(RESERVED_GROUPS.iter().copied()));
        let mut groups: BTreeMap<String, String> = BTreeMap::new();
        let mut seen_ids: HashMap<String, String> = HashMap::new();
        // Segments every path starts with (`/v1/...`, `/api/v2/...`) name no resource: without
        // tags, operations are grouped by the first segment after them.
        let paths: Vec<&str> = self.doc.paths.paths.keys().map(String::as_str).collect();
        let shared_prefix = shared_literal_prefix(&paths);
        let short_names = self.short_method_names();
        if self.settings.client.style == ClientStyle::Resources {
            // Each module is a method of `Client` returning its handle.
            for name in CLIENT_METHODS {
                group_scope.claim((*name).to_owned());
            }
        }
        for (path, item) in &self.doc.paths.paths {
            let path_at = pointer(["paths", path]);
            let item = match item {
                ReferenceOr::Item(item) => item,
                ReferenceOr::Reference { .. } => {
                    return Err(self
                        .error(&path_at, "path items given by `$ref` are not supported")
                        .with_help("write the path item inline"));
                }
            };
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
            for (method, op, key) in methods {
                let Some(op) = op else { continue };
                let at = format!("{path_at}/{key}");
                if let Some(id) = &op.operation_id {
                    if let Some(first) = seen_ids.insert(id.clone(), at.clone()) {
                        return Err(self
                            .error(&format!("{at}/operationId"), format!("operationId `{id}` is used twice; it was first used at {first}"))
                            .with_help("give every operation a unique operationId"));
                    }
                }
                let id = operation_id(op, key, path);
                let raw_group = op
                    .tags
                    .first()
                    .cloned()
                    .unwrap_or_else(|| path_group(path, shared_prefix));
                let group = groups
                    .entry(raw_group.clone())
                    .or_insert_with(|| group_scope.claim(names::file_ident(&raw_group)))
                    .clone();
                let wanted = short_names
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| names::file_ident(&id));
                let ident = method_scope.claim(wanted);
                let type_ident = names::pascal(&ident);
                let name = format!("`{id}` ({} {path})", method.as_str());
                let operation = self.operation(
                    OperationSite {
                        path,
                        at: &at,
                        method,
                        id,
                        ident,
                        type_ident,
                        group,
                    },
                    op,
                    &item.parameters,
                );
                match operation {
                    Ok(operation) => operations.push(operation),
                    // One operation apiforge cannot express does not sink the spec: it is
                    // left out, with a warning naming it (`--strict` makes it an error).
                    Err(diagnostic) if diagnostic.unsupported => {
                        let at = diagnostic.pointer.clone().unwrap_or_else(|| at.clone());
                        self.warn(
                            &at,
                            format!("operation {name} is left out: {}", diagnostic.message),
                        );
                        self.skipped.push(diagnostic);
                    }
                    Err(diagnostic) => return Err(diagnostic),
                }
            }
        }
        super::grouping::split_large_groups(&mut operations, &mut group_scope);
        self.scoped_method_names(&mut operations);
        Ok(operations)
    }

    /// Each operation's `Client` method name by `operationId` ([`method_names::short_name`],
    /// clashes falling back to the whole `operationId`); empty with `operation-names = "spec"`.
    fn short_method_names(&self) -> BTreeMap<String, String> {
        if self.settings.client.operation_names == OperationNames::Spec {
            return BTreeMap::new();
        }
        let mut wanted = BTreeMap::new();
        for (path, item) in &self.doc.paths.paths {
            let ReferenceOr::Item(item) = item else {
                continue;
            };
            for (key, op) in item.iter() {
                let id = operation_id(op, key, path);
                let names = (method_names::short_name(&id), names::file_ident(&id));
                wanted.insert(id, names);
            }
        }
        method_names::pick(&wanted, |name| METHOD_RESERVED.contains(&name))
    }

    /// The name each operation's method has where it is called: its `Client` method name,
    /// or with `style = "resources"` the name on its module's handle
    /// ([`method_names::scoped_name`], clashes in a module falling back to the `Client` name).
    fn scoped_method_names(&self, operations: &mut [OperationDraft]) {
        let resources = self.settings.client.style == ClientStyle::Resources;
        let short = self.settings.client.operation_names == OperationNames::Short;
        // By module, then by `Client` method name (unique): the wanted name and the fallback.
        type Wanted = BTreeMap<String, (String, String)>;
        let mut by_group: BTreeMap<String, Wanted> = BTreeMap::new();
        for op in operations.iter() {
            let scoped = if resources && short {
                method_names::scoped_name(&op.ident, &op.group)
            } else {
                op.ident.clone()
            };
            by_group
                .entry(op.group.clone())
                .or_default()
                .insert(op.ident.clone(), (scoped, op.ident.clone()));
        }
        // The handle's type is named for its module, unless that name is one the module's
        // code already uses (`Response`, `Error`, reqwest's `Method`, ...).
        let handle_of = |group: &str| {
            let name = names::pascal(group);
            if names::type_name(group) != name || name == "Method" {
                format!("{name}Resource")
            } else {
                name
            }
        };
        let picked: BTreeMap<String, BTreeMap<String, String>> = by_group
            .into_iter()
            .map(|(group, wanted)| {
                let picked = method_names::pick(&wanted, |name| METHOD_RESERVED.contains(&name));
                (group, picked)
            })
            .collect();
        for op in operations.iter_mut() {
            if let Some(name) = picked.get(&op.group).and_then(|p| p.get(&op.ident)) {
                op.call_ident.clone_from(name);
            }
            if resources {
                op.handle = Some(handle_of(&op.group));
            }
        }
    }

    fn operation(
        &mut self,
        site: OperationSite<'_>,
        op: &'a openapiv3::Operation,
        shared: &'a [ReferenceOr<OaParameter>],
    ) -> Result<OperationDraft, Diagnostic> {
        let OperationSite {
            path,
            at,
            method,
            id,
            ident,
            type_ident,
            group,
        } = site;
        let mut field_scope = Scope::new();
        // Operation-level parameters override path-level ones of the same name and location.
        let mut raw_params: Vec<(String, &OaParameter)> = Vec::new();
        let shared_at = pointer(["paths", path, "parameters"]);
        let own_at = format!("{at}/parameters");
        for (list, list_at) in [(shared, &shared_at), (&op.parameters[..], &own_at)] {
            for (i, p) in list.iter().enumerate() {
                let (p_at, param) = self.resolve_parameter(p, &format!("{list_at}/{i}"))?;
                let key = (param.parameter_data_ref().name.clone(), location_of(param));
                raw_params
                    .retain(|(_, q)| (q.parameter_data_ref().name.clone(), location_of(q)) != key);
                raw_params.push((p_at, param));
            }
        }
        let template = template_names(path);
        let mut params = Vec::new();
        for (p_at, param) in &raw_params {
            let data = param.parameter_data_ref();
            let location = location_of(param);
            if location == ParamLocation::Path && !template.contains(&data.name) {
                return Err(self
                    .error(
                        p_at,
                        format!(
                            "path parameter `{}` is declared but `{path}` has no `{{{}}}`",
                            data.name, data.name
                        ),
                    )
                    .with_help("remove the parameter or add it to the path template"));
            }
            if location == ParamLocation::Header
                && ["content-type", "accept", "authorization"]
                    .contains(&data.name.to_ascii_lowercase().as_str())
            {
                self.warn(p_at, format!("header parameter `{}` is ignored, as OpenAPI requires: the client sets it itself", data.name));
                continue;
            }
            if location == ParamLocation::Header && !is_token(&data.name) {
                return Err(self
                    .error(
                        &format!("{p_at}/name"),
                        format!("`{}` is not a valid HTTP header name", data.name),
                    )
                    .with_help("header names are made of letters, digits and !#$%&'*+-.^_`|~"));
            }
            let lowered = match &data.format {
                ParameterSchemaOrContent::Schema(schema) => {
                    let schema_at = format!("{p_at}/schema");
                    self.slot(&schema_at, &data.name);
                    self.schema(schema.into(), &schema_at, &data.name, 0)?
                }
                ParameterSchemaOrContent::Content(_) => {
                    self.warn(
                        p_at,
                        format!(
                            "parameter `{}` uses `content`; it is sent as a plain string",
                            data.name
                        ),
                    );
                    plain_string()
                }
            };
            let mut constraints = lowered.constraints;
            if let Some(example) = &data.example {
                constraints.example = Some(example.to_string());
            }
            let required = data.required || location == ParamLocation::Path;
            let ident = if location == ParamLocation::Path {
                names::snake(&data.name)
            } else {
                field_scope.claim(names::snake(&data.name))
            };
            let (style, default_explode) = style_of(param);
            let group = match (&data.format, location) {
                (ParameterSchemaOrContent::Schema(schema), ParamLocation::Query) => {
                    self.value_group(schema.into(), &format!("{p_at}/schema"))?
                }
                _ => None,
            };
            params.push(Parameter {
                allow_reserved: matches!(
                    param,
                    OaParameter::Query {
                        allow_reserved: true,
                        ..
                    }
                ),
                nesting: crate::ir::Nesting::default(),
                group,
                style,
                explode: data.explode.unwrap_or(default_explode),
                name: data.name.clone(),
                ident,
                location,
                required,
                description: data.description.clone().or(lowered.description),
                deprecated: data.deprecated.unwrap_or(false) || lowered.deprecated,
                ty: lowered.ty,
                constraints,
                component: p_at
                    .strip_prefix("#/components/parameters/")
                    .map(|name| name.replace("~1", "/").replace("~0", "~")),
                common: false,
            });
        }
        for name in &template {
            if !params
                .iter()
                .any(|p| p.location == ParamLocation::Path && &p.name == name)
            {
                return Err(self
                    .error(at, format!("`{path}` has `{{{name}}}`, but the operation declares no path parameter `{name}`"))
                    .with_help(format!("add a parameter with `name: {name}` and `in: path` (path-level or operation-level)")));
            }
        }
        // Path parameters first, in template order; the rest in declaration order.
        params.sort_by_key(|p| match p.location {
            ParamLocation::Path => template.iter().position(|n| n == &p.name).unwrap_or(0),
            _ => usize::MAX,
        });
        let path_segments = path_segments(path);
        let body = match &op.request_body {
            Some(body) => Some(self.body(
                body,
                &format!("{at}/requestBody"),
                &type_ident,
                &mut field_scope,
            )?),
            None => None,
        };
        // A GET, HEAD or DELETE whose form body declares nothing (Stripe's specs give every
        // GET one) sends no body at all: no field, no Content-Type.
        let body = body.filter(|b| {
            !(matches!(method, Method::Get | Method::Head | Method::Delete)
                && b.encoding == crate::ir::BodyEncoding::Form
                && b.fields.is_empty())
        });
        let responses = self.responses(op, at, &type_ident)?;
        Ok(OperationDraft {
            // Decided once the types are final (`pagination`).
            pagination: None,
            id,
            ident,
            type_ident,
            group,
            method,
            call_ident: String::new(),
            handle: None,
            path: path.to_owned(),
            path_segments,
            summary: op.summary.clone(),
            description: op.description.clone(),
            deprecated: op.deprecated,
            params,
            body,
            responses,
        })
    }

    fn resolve_parameter<'p>(
        &self,
        p: &'p ReferenceOr<OaParameter>,
        at: &str,
    ) -> Result<(String, &'p OaParameter), Diagnostic>
    where
        'a: 'p,
    {
        match p {
            ReferenceOr::Item(param) => Ok((at.to_owned(), param)),
            ReferenceOr::Reference { reference } => {
                self.component(reference, "parameters", at, |c| &c.parameters)
            }
        }
    }
}

struct OperationSite<'s> {
    path: &'s str,
    at: &'s str,
    method: Method,
    id: String,
    ident: String,
    type_ident: String,
    group: String,
}

/// A parameter's style and its default `explode`.
fn style_of(param: &OaParameter) -> (ParamStyle, bool) {
    use openapiv3::{PathStyle, QueryStyle};
    match param {
        OaParameter::Query { style, .. } => match style {
            QueryStyle::Form => (ParamStyle::Form, true),
            QueryStyle::SpaceDelimited => (ParamStyle::SpaceDelimited, false),
            QueryStyle::PipeDelimited => (ParamStyle::PipeDelimited, false),
            QueryStyle::DeepObject => (ParamStyle::DeepObject, true),
        },
        OaParameter::Path { style, .. } => match style {
            PathStyle::Simple => (ParamStyle::Simple, false),
            PathStyle::Label => (ParamStyle::Label, false),
            PathStyle::Matrix => (ParamStyle::Matrix, false),
        },
        OaParameter::Header { .. } => (ParamStyle::Simple, false),
        OaParameter::Cookie { .. } => (ParamStyle::Form, true),
    }
}

fn location_of(param: &OaParameter) -> ParamLocation {
    match param {
        OaParameter::Path { .. } => ParamLocation::Path,
        OaParameter::Query { .. } => ParamLocation::Query,
        OaParameter::Header { .. } => ParamLocation::Header,
        OaParameter::Cookie { .. } => ParamLocation::Cookie,
    }
}

fn path_segments(path: &str) -> Vec<PathSegment> {
    let mut segments = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        if start > 0 {
            segments.push(PathSegment::Literal(rest[..start].to_owned()));
        }
        segments.push(PathSegment::Param(rest[start + 1..start + len].to_owned()));
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        segments.push(PathSegment::Literal(rest.to_owned()));
    }
    segments
}

/// Whether `name` is an RFC 9110 token, the grammar of header names.
fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// How many leading literal segments every path shares (none for a single path: its first
/// segment is its resource).
fn shared_literal_prefix(paths: &[&str]) -> usize {
    if paths.len() < 2 {
        return 0;
    }
    let split: Vec<Vec<&str>> = paths
        .iter()
        .map(|p| p.split('/').filter(|s| !s.is_empty()).collect())
        .collect();
    let mut shared = 0;
    loop {
        let Some(first) = split[0].get(shared) else {
            return shared;
        };
        let literal = !first.starts_with('{');
        // Keep at least one segment of every path to group by.
        if !literal
            || split
                .iter()
                .any(|s| s.get(shared) != Some(first) || s.len() <= shared + 1)
        {
            return shared;
        }
        shared += 1;
    }
}

/// The module of an operation without tags: the first literal segment of its path after the
/// segments every path shares.
fn path_group(path: &str, shared_prefix: usize) -> String {
    path.split('/')
        .filter(|s| !s.is_empty())
        .skip(shared_prefix)
        .find(|s| !s.starts_with('{'))
        .unwrap_or("default")
        .to_owned()
}

#[cfg(test)]
mod grouping_tests {
    use super::{path_group, shared_literal_prefix};

    #[test]
    fn a_prefix_every_path_shares_names_no_module() {
        let paths = [
            "/v1/customers",
            "/v1/customers/{id}",
            "/v1/invoices",
            "/v1/invoices/{id}/pay",
        ];
        assert_eq!(shared_literal_prefix(&paths), 1);
        assert_eq!(path_group("/v1/invoices/{id}/pay", 1), "invoices");
        let nested = ["/api/v2/pets", "/api/v2/users/{id}"];
        assert_eq!(shared_literal_prefix(&nested), 2);
        // Distinct first segments, a single path, or a shared segment that is all a path has.
        assert_eq!(shared_literal_prefix(&["/customers", "/invoices"]), 0);
        assert_eq!(shared_literal_prefix(&["/v1/pets"]), 0);
        assert_eq!(shared_literal_prefix(&["/pets", "/pets/{id}"]), 0);
        assert_eq!(path_group("/v1/pets", 0), "v1");
    }
}
