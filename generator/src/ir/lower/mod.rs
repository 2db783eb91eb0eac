//! Lowering the `openapiv3` model into the IR: resolving `$ref`s, naming inline types,
//! checking what the model cannot check (path templates, server variables, duplicates).

use std::collections::{BTreeMap, HashMap, HashSet};

use openapiv3::{
    AdditionalProperties, OpenAPI, Parameter as OaParameter, ParameterSchemaOrContent, ReferenceOr,
    Schema, SchemaKind, SecurityScheme, StatusCode, Type, VariantOrUnknownOrEmpty,
};

use super::names::{self, Scope};
use super::*;
use crate::diagnostic::{pointer, Diagnostic, Warning};
use crate::load::Loaded;

/// How many `$ref` hops a chain may take before it is called a loop.
const MAX_REF_HOPS: usize = 64;
/// How deeply inline schemas may nest; deeper specs are refused rather than risking the stack.
const MAX_SCHEMA_DEPTH: usize = 128;

/// Lowers a loaded spec into the IR, appending what had to be worked around to `warnings`.
pub fn lower(loaded: &Loaded, warnings: &mut Vec<Warning>) -> Result<Api, Diagnostic> {
    let mut lowerer = Lowerer {
        loaded,
        doc: &loaded.document,
        types: Vec::new(),
        type_scope: Scope::new(),
        memo: HashMap::new(),
        warnings: Vec::new(),
    };
    let api = lowerer.api()?;
    warnings.append(&mut lowerer.warnings);
    Ok(api)
}

struct Lowerer<'a> {
    loaded: &'a Loaded,
    doc: &'a OpenAPI,
    types: Vec<TypeDef>,
    /// Type names are unique crate-wide so that modules can import each other freely.
    type_scope: Scope,
    /// Schemas already lowered, by the JSON pointer of their definition: a schema reached
    /// through several `$ref`s becomes one type.
    memo: HashMap<String, TypeRef>,
    warnings: Vec<Warning>,
}

/// A schema as found in a property, items or parameter: a reference or inline.
#[derive(Clone, Copy)]
enum SchemaRef<'s> {
    Ref(&'s str),
    Inline(&'s Schema),
}

impl<'s> From<&'s ReferenceOr<Schema>> for SchemaRef<'s> {
    fn from(r: &'s ReferenceOr<Schema>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

impl<'s> From<&'s ReferenceOr<Box<Schema>>> for SchemaRef<'s> {
    fn from(r: &'s ReferenceOr<Box<Schema>>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

/// A lowered schema with what its use site needs to know.
struct Lowered {
    ty: TypeRef,
    nullable: bool,
    description: Option<String>,
    deprecated: bool,
    constraints: Constraints,
}

impl<'a> Lowerer<'a> {
    fn error(&self, at: &str, message: impl Into<String>) -> Diagnostic {
        self.loaded.diagnostic(at, message)
    }

    fn warn(&mut self, at: &str, message: impl Into<String>) {
        self.warnings.push(Warning {
            pointer: at.to_owned(),
            message: message.into(),
        });
    }

    fn api(&mut self) -> Result<Api, Diagnostic> {
        let doc = self.doc;
        let (servers, server_variables) = self.servers()?;
        let auth = self.auth();
        let operations = self.operations()?;
        let (webhooks, webhook_discriminator) = self.webhooks()?;
        let received: Vec<&TypeRef> = operations
            .iter()
            .flat_map(|op| op.responses.iter().filter_map(|r| r.body.as_ref()))
            .chain(webhooks.iter().filter_map(|w| w.payload.as_ref()))
            .collect();
        mark_open_enums(&mut self.types, &received);
        mark_boxed_fields(&mut self.types);
        Ok(Api {
            title: doc.info.title.clone(),
            version: doc.info.version.clone(),
            description: doc.info.description.clone(),
            servers,
            server_variables,
            auth,
            operations,
            type_index: self
                .types
                .iter()
                .enumerate()
                .map(|(i, t)| (t.ident.clone(), i))
                .collect(),
            types: std::mem::take(&mut self.types),
            webhooks,
            webhook_discriminator,
            error_sets: Vec::new(),
            common: None,
        })
    }

    fn servers(&mut self) -> Result<(Vec<Server>, Vec<ServerVariable>), Diagnostic> {
        let mut servers = Vec::new();
        let mut variables: Vec<ServerVariable> = Vec::new();
        let mut server_scope = Scope::new();
        let mut field_scope = Scope::new();
        for (index, server) in self.doc.servers.iter().enumerate() {
            let at = pointer(["servers", &index.to_string()]);
            let declared = server.variables.clone().unwrap_or_default();
            let mut used = Vec::new();
            for name in template_names(&server.url) {
                let Some(variable) = declared.get(&name) else {
                    return Err(self
                        .error(&at, format!("server URL `{}` uses `{{{name}}}`, which is not declared in its `variables`", server.url))
                        .with_help(format!("declare `{name}` under `variables` with a `default`")));
                };
                let var_at = format!("{at}/variables/{}", crate::diagnostic::escape_token(&name));
                if !variable.enumeration.is_empty()
                    && !variable.enumeration.contains(&variable.default)
                {
                    return Err(self
                        .error(&var_at, format!("the default `{}` of server variable `{name}` is not one of its `enum` values", variable.default))
                        .with_help("make the default one of the listed values"));
                }
                let definition = (variable.default.clone(), variable.enumeration.clone());
                match variables.iter().find(|v| v.name == name) {
                    Some(existing) => {
                        let existing_values: Vec<String> =
                            existing.values.iter().map(|v| v.value.clone()).collect();
                        if (existing.default.clone(), existing_values) != definition {
                            self.warn(&var_at, format!("server variable `{name}` is declared differently by an earlier server; the first declaration is used"));
                        }
                    }
                    None => {
                        let type_ident = if variable.enumeration.is_empty() {
                            String::new()
                        } else {
                            self.type_scope.claim(names::type_name(&name))
                        };
                        variables.push(ServerVariable {
                            name: name.clone(),
                            field: field_scope.claim(names::snake(&name)),
                            type_ident,
                            default: variable.default.clone(),
                            values: enum_values(&variable.enumeration),
                            description: variable.description.clone(),
                        });
                    }
                }
                if !used.contains(&name) {
                    used.push(name);
                }
            }
            let ident = match server.description.as_deref() {
                Some(d) if !d.trim().is_empty() && d.split_whitespace().count() <= 4 => {
                    names::pascal(d)
                }
                _ if self.doc.servers.len() == 1 => "Main".to_owned(),
                _ => format!("Server{index}"),
            };
            servers.push(Server {
                ident: server_scope.claim(ident),
                url: server.url.clone(),
                description: server.description.clone(),
                variables: used,
            });
        }
        Ok((servers, variables))
    }

    fn auth(&mut self) -> Option<Auth> {
        let components = self.doc.components.as_ref()?;
        let mut required: Vec<&str> = Vec::new();
        let operation_security = self
            .doc
            .paths
            .paths
            .values()
            .filter_map(|p| p.as_item())
            .flat_map(|p| p.iter())
            .filter_map(|(_, op)| op.security.as_ref());
        for requirements in self.doc.security.iter().chain(operation_security) {
            for requirement in requirements {
                required.extend(requirement.keys().map(String::as_str));
            }
        }
        if required.is_empty() {
            required.extend(components.security_schemes.keys().map(String::as_str));
        }
        for name in required {
            let at = pointer(["components", "securitySchemes", name]);
            match components.security_schemes.get(name) {
                Some(ReferenceOr::Item(SecurityScheme::HTTP { scheme, description, .. })) => {
                    match scheme.to_ascii_lowercase().as_str() {
                        "basic" => return Some(Auth::Basic { description: description.clone() }),
                        "bearer" => return Some(Auth::Bearer { description: description.clone() }),
                        other => self.warn(&at, format!("HTTP auth scheme `{other}` is not supported; the client sends no credentials for it")),
                    }
                }
                Some(_) => self.warn(&at, "only HTTP basic and bearer security schemes are supported; this one is ignored"),
                None => self.warn(&pointer(["security"]), format!("security requirement names `{name}`, which is not in components.securitySchemes")),
            }
        }
        None
    }

    fn operations(&mut self) -> Result<Vec<Operation>, Diagnostic> {
        let mut operations = Vec::new();
        let mut method_scope =
            Scope::with_reserved(["new", "builder", "base_url", "clone", "fmt", "send"]);
        let mut group_scope = Scope::with_reserved([
            "client", "error", "runtime", "types", "webhooks", "lib", "main", "tests",
        ]);
        let mut groups: BTreeMap<String, String> = BTreeMap::new();
        let mut seen_ids: HashMap<String, String> = HashMap::new();
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
                let id = match &op.operation_id {
                    Some(id) => {
                        if let Some(first) = seen_ids.insert(id.clone(), at.clone()) {
                            return Err(self
                                .error(&format!("{at}/operationId"), format!("operationId `{id}` is used twice; it was first used at {first}"))
                                .with_help("give every operation a unique operationId"));
                        }
                        id.clone()
                    }
                    None => format!("{key} {}", path.replace(['{', '}'], "")),
                };
                let raw_group = op.tags.first().cloned().unwrap_or_else(|| {
                    path.split('/')
                        .find(|s| !s.is_empty() && !s.starts_with('{'))
                        .unwrap_or("default")
                        .to_owned()
                });
                let group = groups
                    .entry(raw_group.clone())
                    .or_insert_with(|| group_scope.claim(names::snake(&raw_group)))
                    .clone();
                let ident = method_scope.claim(names::snake(&id));
                let type_ident = names::pascal(&ident);
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
                )?;
                operations.push(operation);
            }
        }
        Ok(operations)
    }

    fn operation(
        &mut self,
        site: OperationSite<'_>,
        op: &'a openapiv3::Operation,
        shared: &'a [ReferenceOr<OaParameter>],
    ) -> Result<Operation, Diagnostic> {
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
                    self.schema(schema.into(), &format!("{p_at}/schema"), &data.name, 0)?
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
            params.push(Parameter {
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
        let responses = self.responses(op, at, &type_ident)?;
        let pagination = self.pagination(&params, &responses);
        Ok(Operation {
            pagination,
            id,
            ident,
            type_ident,
            group,
            method,
            path: path.to_owned(),
            path_segments,
            summary: op.summary.clone(),
            description: op.description.clone(),
            deprecated: op.deprecated,
            params,
            body,
            responses,
            // Decided once the whole API is known (`ir::decide`).
            request: None,
            errors: String::new(),
            success: Success::Body { ty: None },
            retry: Retry::Never,
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
                let name = self.component_name(reference, "parameters", at)?;
                let found = self
                    .doc
                    .components
                    .as_ref()
                    .and_then(|c| c.parameters.get(name));
                match found {
                    Some(ReferenceOr::Item(param)) => {
                        Ok((pointer(["components", "parameters", name]), param))
                    }
                    Some(ReferenceOr::Reference { .. }) => Err(self
                        .error(
                            &pointer(["components", "parameters", name]),
                            "a parameter `$ref` that points to another `$ref` is not supported",
                        )
                        .with_help("point the `$ref` at the parameter itself")),
                    None => Err(self.missing(reference, at)),
                }
            }
        }
    }

    fn component_name<'r>(
        &self,
        reference: &'r str,
        kind: &str,
        at: &str,
    ) -> Result<&'r str, Diagnostic> {
        let prefix = format!("#/components/{kind}/");
        match reference.strip_prefix(&prefix) {
            Some(name) if !name.contains('/') => Ok(name),
            _ if !reference.starts_with('#') => Err(self
                .error(at, format!("`$ref: {reference}` points outside this file; external references are not followed"))
                .with_help("bundle the spec into one file first (for example with `redocly bundle`)")),
            _ => Err(self
                .error(at, format!("`$ref: {reference}` does not point into `#/components/{kind}/`"))
                .with_help(format!("reference a {kind} entry under components"))),
        }
    }

    fn missing(&self, reference: &str, at: &str) -> Diagnostic {
        self.error(at, format!("`$ref: {reference}` points to nothing"))
            .with_help("fix the reference or add the missing component")
    }

    fn body(
        &mut self,
        body: &'a ReferenceOr<openapiv3::RequestBody>,
        at: &str,
        type_ident: &str,
        field_scope: &mut Scope,
    ) -> Result<Body, Diagnostic> {
        let (at, body) = match body {
            ReferenceOr::Item(body) => (at.to_owned(), body),
            ReferenceOr::Reference { reference } => {
                let name = self.component_name(reference, "requestBodies", at)?;
                match self
                    .doc
                    .components
                    .as_ref()
                    .and_then(|c| c.request_bodies.get(name))
                {
                    Some(ReferenceOr::Item(body)) => {
                        (pointer(["components", "requestBodies", name]), body)
                    }
                    _ => return Err(self.missing(reference, at)),
                }
            }
        };
        let mut chosen = None;
        for (media_type, content) in &body.content {
            let encoding = match essence(media_type).as_str() {
                "application/x-www-form-urlencoded" => BodyEncoding::Form,
                m if m == "application/json" || m.ends_with("+json") => BodyEncoding::Json,
                _ => continue,
            };
            if chosen.is_none() {
                chosen = Some((media_type, encoding, content));
            }
        }
        let Some((media_type, encoding, content)) = chosen else {
            let listed: Vec<&str> = body.content.keys().map(String::as_str).collect();
            return Err(self
                .error(&format!("{at}/content"), format!("no supported media type for the request body (found: {})", listed.join(", ")))
                .with_help("apiforge sends application/json and application/x-www-form-urlencoded bodies; add one of them"));
        };
        for other in body.content.keys().filter(|m| *m != media_type) {
            self.warn(&format!("{at}/content"), format!("the request body is sent as {media_type}; the alternative {other} is not offered"));
        }
        let content_at = format!(
            "{at}/content/{}",
            crate::diagnostic::escape_token(media_type)
        );
        let fields = match &content.schema {
            None => Vec::new(),
            Some(schema) => self.body_fields(
                schema.into(),
                &format!("{content_at}/schema"),
                type_ident,
                body.required,
                field_scope,
            )?,
        };
        let json_fields = content
            .encoding
            .iter()
            .filter(|(_, e)| {
                e.content_type.as_deref().is_some_and(|t| {
                    essence(t) == "application/json" || essence(t).ends_with("+json")
                })
            })
            .map(|(name, _)| name.clone())
            .collect();
        Ok(Body {
            encoding,
            media_type: media_type.clone(),
            required: body.required,
            description: body.description.clone(),
            fields,
            json_fields,
        })
    }

    /// The fields of a body: an object's properties, or one `body` field for anything else.
    fn body_fields(
        &mut self,
        schema: SchemaRef<'a>,
        at: &str,
        type_ident: &str,
        required: bool,
        scope: &mut Scope,
    ) -> Result<Vec<Field>, Diagnostic> {
        let (at, target) = self.deref(schema, at)?;
        if let Some((properties, required_names)) = object_properties(target) {
            let owner = format!("{type_ident} Request");
            return properties
                .iter()
                .map(|(name, prop)| {
                    let prop_at =
                        format!("{at}/properties/{}", crate::diagnostic::escape_token(name));
                    let lowered =
                        self.schema(prop.into(), &prop_at, &format!("{owner} {name}"), 1)?;
                    Ok(field(
                        name,
                        scope.claim(names::snake(name)),
                        required && required_names.contains(name),
                        lowered,
                    ))
                })
                .collect();
        }
        let lowered = self.schema(
            SchemaRef::Inline(target),
            &at,
            &format!("{type_ident} Body"),
            0,
        )?;
        Ok(vec![field(
            "body",
            scope.claim("body".to_owned()),
            required,
            lowered,
        )])
    }

    fn responses(
        &mut self,
        op: &'a openapiv3::Operation,
        at: &str,
        type_ident: &str,
    ) -> Result<Vec<Response>, Diagnostic> {
        let mut entries: Vec<(Status, &ReferenceOr<openapiv3::Response>, String)> = Vec::new();
        for (code, response) in &op.responses.responses {
            let status = match code {
                StatusCode::Code(code) => Status::Code(*code),
                StatusCode::Range(class) => Status::Range(*class),
            };
            entries.push((status, response, format!("{at}/responses/{}", status.key())));
        }
        if let Some(default) = &op.responses.default {
            entries.push((Status::Default, default, format!("{at}/responses/default")));
        }
        let successes_with_body = entries.iter().filter(|(s, ..)| s.is_success()).count();
        let mut variant_scope = Scope::new();
        let mut responses = Vec::new();
        for (status, response, r_at) in entries {
            let (r_at, response) = match response {
                ReferenceOr::Item(r) => (r_at, r),
                ReferenceOr::Reference { reference } => {
                    let name = self.component_name(reference, "responses", &r_at)?;
                    match self
                        .doc
                        .components
                        .as_ref()
                        .and_then(|c| c.responses.get(name))
                    {
                        Some(ReferenceOr::Item(r)) => {
                            (pointer(["components", "responses", name]), r)
                        }
                        _ => return Err(self.missing(reference, &r_at)),
                    }
                }
            };
            let variant = variant_scope.claim(status_variant(status));
            let json = response.content.iter().find(|(m, _)| {
                let m = essence(m);
                m == "application/json" || m.ends_with("+json")
            });
            let body = match json {
                Some((media_type, content)) => match &content.schema {
                    Some(schema) => {
                        let hint = if status.is_success() && successes_with_body == 1 {
                            format!("{type_ident} Response")
                        } else if status.is_success() {
                            format!("{type_ident} Response {}", status.key())
                        } else {
                            format!("{type_ident} {variant} Body")
                        };
                        let s_at = format!(
                            "{r_at}/content/{}/schema",
                            crate::diagnostic::escape_token(media_type)
                        );
                        Some(self.schema(schema.into(), &s_at, &hint, 0)?.ty)
                    }
                    None => Some(TypeRef::Any),
                },
                None => {
                    if let Some(media_type) = response.content.keys().next() {
                        self.warn(&format!("{r_at}/content"), format!("response body of type {media_type} is not decoded; the client treats it as empty"));
                    }
                    None
                }
            };
            responses.push(Response {
                status,
                description: response.description.clone(),
                body,
                variant,
            });
        }
        Ok(responses)
    }

    /// Follows `$ref`s to the schema they name; returns the schema's own pointer.
    fn deref(&self, schema: SchemaRef<'a>, at: &str) -> Result<(String, &'a Schema), Diagnostic> {
        let mut current = schema;
        let mut current_at = at.to_owned();
        for _ in 0..MAX_REF_HOPS {
            match current {
                SchemaRef::Inline(schema) => return Ok((current_at, schema)),
                SchemaRef::Ref(reference) => {
                    let name = self.component_name(reference, "schemas", &current_at)?;
                    let target = self
                        .doc
                        .components
                        .as_ref()
                        .and_then(|c| c.schemas.get(name))
                        .ok_or_else(|| self.missing(reference, &current_at))?;
                    current_at = pointer(["components", "schemas", name]);
                    current = target.into();
                }
            }
        }
        Err(self
            .error(
                at,
                format!("`$ref` chain starting here is longer than {MAX_REF_HOPS} hops; it loops"),
            )
            .with_help("make the chain end at a schema"))
    }

    /// Lowers a schema used somewhere; `hint` names any type it needs.
    fn schema(
        &mut self,
        schema: SchemaRef<'a>,
        at: &str,
        hint: &str,
        depth: usize,
    ) -> Result<Lowered, Diagnostic> {
        if depth > MAX_SCHEMA_DEPTH {
            return Err(self
                .error(
                    at,
                    format!("schemas nest more than {MAX_SCHEMA_DEPTH} levels deep here"),
                )
                .with_help("flatten the schema with named components"));
        }
        let (target_at, target) = self.deref(schema, at)?;
        let by_ref = matches!(schema, SchemaRef::Ref(_));
        let hint = match (by_ref, target_at.strip_prefix("#/components/schemas/")) {
            (true, Some(name)) => name.replace("~1", "/").replace("~0", "~"),
            _ => hint.to_owned(),
        };
        let data = &target.schema_data;
        let ty = match self.memo.get(&target_at) {
            Some(ty) => ty.clone(),
            None => self.schema_type(target, &target_at, &hint, depth)?,
        };
        let mut constraints = constraints_of(target);
        if by_ref {
            // The use site describes itself; the type's own description stays on the type.
            constraints.default = None;
            constraints.example = None;
        }
        // A `$ref` keeps its own description only as a sibling (recorded when loading).
        let description = if by_ref {
            self.loaded.ref_descriptions.get(at).cloned()
        } else {
            data.description.clone()
        };
        Ok(Lowered {
            ty,
            nullable: data.nullable,
            description,
            deprecated: data.deprecated,
            constraints,
        })
    }

    fn schema_type(
        &mut self,
        schema: &'a Schema,
        at: &str,
        hint: &str,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        let ty = match &schema.schema_kind {
            // An untyped schema listing only strings (`const: gadget` in 3.1) is a string enum.
            SchemaKind::Any(any)
                if any.properties.is_empty()
                    && !any.enumeration.is_empty()
                    && any.typ.as_deref().is_none_or(|t| t == "string")
                    && any.enumeration.iter().all(serde_json::Value::is_string) =>
            {
                let values: Vec<String> = any
                    .enumeration
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect();
                self.enum_type(&values, schema, at, hint)
            }
            SchemaKind::Type(Type::String(s)) => {
                let values: Vec<String> = s.enumeration.iter().flatten().cloned().collect();
                if !values.is_empty() {
                    self.enum_type(&values, schema, at, hint)
                } else if matches!(
                    s.format,
                    VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::Byte)
                ) {
                    TypeRef::String(StringFormat::Base64)
                } else {
                    TypeRef::String(StringFormat::Plain)
                }
            }
            SchemaKind::Type(Type::Integer(i)) => TypeRef::Integer(match &i.format {
                VariantOrUnknownOrEmpty::Item(openapiv3::IntegerFormat::Int32) => {
                    IntegerFormat::Int32
                }
                VariantOrUnknownOrEmpty::Unknown(f) if f == "unix-time" => IntegerFormat::UnixTime,
                _ => IntegerFormat::Int64,
            }),
            SchemaKind::Type(Type::Number(_)) => TypeRef::Number,
            SchemaKind::Type(Type::Boolean(_)) => TypeRef::Boolean,
            SchemaKind::Type(Type::Array(array)) => match &array.items {
                Some(items) => {
                    let item_hint = names::singular(hint);
                    TypeRef::Array(Box::new(
                        self.schema(items.into(), &format!("{at}/items"), &item_hint, depth + 1)?
                            .ty,
                    ))
                }
                None => TypeRef::Array(Box::new(TypeRef::Any)),
            },
            SchemaKind::Type(Type::Object(object)) => {
                if object.properties.is_empty() {
                    match &object.additional_properties {
                        Some(AdditionalProperties::Schema(values)) => {
                            let values: &'a ReferenceOr<Schema> = values;
                            TypeRef::Map(Box::new(
                                self.schema(
                                    values.into(),
                                    &format!("{at}/additionalProperties"),
                                    &format!("{hint} Value"),
                                    depth + 1,
                                )?
                                .ty,
                            ))
                        }
                        _ => TypeRef::Any,
                    }
                } else {
                    self.structure(schema, at, hint, depth)?
                }
            }
            SchemaKind::Any(any) if !any.properties.is_empty() => {
                self.structure(schema, at, hint, depth)?
            }
            SchemaKind::Any(_) => TypeRef::Any,
            // `allOf` with one member is how a `$ref` gets nullable or a description of its
            // own: it is that member's type.
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => {
                self.schema(
                    (&all_of[0]).into(),
                    &format!("{at}/allOf/0"),
                    hint,
                    depth + 1,
                )?
                .ty
            }
            SchemaKind::AllOf { .. } => self.structure(schema, at, hint, depth)?,
            SchemaKind::OneOf { one_of: members } | SchemaKind::AnyOf { any_of: members } => {
                let keyword = if matches!(schema.schema_kind, SchemaKind::OneOf { .. }) {
                    "oneOf"
                } else {
                    "anyOf"
                };
                self.union(members, &format!("{at}/{keyword}"), at, hint, schema, depth)?
            }
            SchemaKind::Not { .. } => {
                self.warn(at, "a `not` schema cannot be expressed as a Rust type; the value is kept as untyped JSON");
                TypeRef::Any
            }
        };
        self.memo.insert(at.to_owned(), ty.clone());
        Ok(ty)
    }

    fn enum_type(&mut self, values: &[String], schema: &Schema, at: &str, hint: &str) -> TypeRef {
        let ident = self.type_scope.claim(names::type_name(hint));
        self.types.push(TypeDef {
            ident: ident.clone(),
            origin: at.to_owned(),
            description: schema.schema_data.description.clone(),
            deprecated: schema.schema_data.deprecated,
            kind: TypeKind::Enum {
                values: enum_values(values),
                open: false,
            },
        });
        TypeRef::Named(ident)
    }

    fn structure(
        &mut self,
        schema: &'a Schema,
        at: &str,
        hint: &str,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        let mut parts = ObjectParts::default();
        if !self.collect_object(schema, at, depth, &mut parts)? {
            self.warn(
                at,
                "`allOf` mixes objects with other types; the value is kept as untyped JSON",
            );
            return Ok(TypeRef::Any);
        }
        if parts.properties.is_empty() && parts.additional.is_none() {
            return Ok(TypeRef::Any);
        }
        let ident = self.type_scope.claim(names::type_name(hint));
        // Registered before the fields are lowered, so that a property that refers back to
        // this schema finds it instead of recursing forever.
        self.memo
            .insert(at.to_owned(), TypeRef::Named(ident.clone()));
        let index = self.types.len();
        self.types.push(TypeDef {
            ident: ident.clone(),
            origin: at.to_owned(),
            description: schema.schema_data.description.clone().or(parts.description),
            deprecated: schema.schema_data.deprecated,
            kind: TypeKind::Struct {
                fields: Vec::new(),
                additional: None,
            },
        });
        let mut scope = Scope::new();
        let mut fields: Vec<Field> = Vec::new();
        for (prop_at, name, prop) in parts.properties {
            let lowered =
                self.schema(prop.into(), &prop_at, &format!("{ident} {name}"), depth + 1)?;
            let required = parts.required.contains(&name);
            match fields.iter_mut().find(|f| f.name == *name) {
                // A property repeated by a later allOf member refines the earlier one.
                Some(existing) => {
                    *existing = field(name, existing.ident.clone(), required, lowered)
                }
                None => fields.push(field(
                    name,
                    scope.claim(names::snake(name)),
                    required,
                    lowered,
                )),
            }
        }
        let additional = match parts.additional {
            Some((additional_at, values)) => Some(
                self.schema(
                    values.into(),
                    &additional_at,
                    &format!("{ident} Value"),
                    depth + 1,
                )?
                .ty,
            ),
            None => None,
        };
        if let Some(def) = self.types.get_mut(index) {
            def.kind = TypeKind::Struct { fields, additional };
        }
        Ok(TypeRef::Named(ident))
    }

    /// Gathers the properties of an object schema, following `allOf` members (and their
    /// `$ref`s). Returns false when a member is not an object, so the parts cannot merge.
    fn collect_object(
        &self,
        schema: &'a Schema,
        at: &str,
        depth: usize,
        parts: &mut ObjectParts<'a>,
    ) -> Result<bool, Diagnostic> {
        if depth > MAX_SCHEMA_DEPTH {
            return Err(self
                .error(
                    at,
                    format!("schemas nest more than {MAX_SCHEMA_DEPTH} levels deep here"),
                )
                .with_help("flatten the schema with named components"));
        }
        match &schema.schema_kind {
            SchemaKind::AllOf { all_of } => {
                for (i, member) in all_of.iter().enumerate() {
                    let (member_at, member) =
                        self.deref(member.into(), &format!("{at}/allOf/{i}"))?;
                    if parts.description.is_none() {
                        parts.description = member.schema_data.description.clone();
                    }
                    if !self.collect_object(member, &member_at, depth + 1, parts)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            SchemaKind::Type(Type::Object(object)) => {
                parts.add(at, &object.properties, &object.required);
                match &object.additional_properties {
                    Some(AdditionalProperties::Schema(values)) => {
                        parts.additional = Some((format!("{at}/additionalProperties"), values))
                    }
                    Some(AdditionalProperties::Any(true)) if !object.properties.is_empty() => {
                        parts.additional = Some((format!("{at}/additionalProperties"), &ANY_SCHEMA))
                    }
                    _ => {}
                }
                Ok(true)
            }
            SchemaKind::Any(any) => {
                parts.add(at, &any.properties, &any.required);
                Ok(any.typ.as_deref().is_none_or(|t| t == "object"))
            }
            SchemaKind::Type(_)
            | SchemaKind::OneOf { .. }
            | SchemaKind::AnyOf { .. }
            | SchemaKind::Not { .. } => Ok(false),
        }
    }

    /// A `oneOf`/`anyOf` as an untagged enum: decoding tries the alternatives in order.
    fn union(
        &mut self,
        members: &'a [ReferenceOr<Schema>],
        members_at: &str,
        at: &str,
        hint: &str,
        schema: &'a Schema,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        let ident = self.type_scope.claim(names::type_name(hint));
        self.memo
            .insert(at.to_owned(), TypeRef::Named(ident.clone()));
        let index = self.types.len();
        self.types.push(TypeDef {
            ident: ident.clone(),
            origin: at.to_owned(),
            description: schema.schema_data.description.clone(),
            deprecated: schema.schema_data.deprecated,
            kind: TypeKind::Union {
                variants: Vec::new(),
            },
        });
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        for (i, member) in members.iter().enumerate() {
            let member_at = format!("{members_at}/{i}");
            let base = match member {
                ReferenceOr::Reference { reference } => reference
                    .rsplit('/')
                    .next()
                    .map(names::type_name)
                    .unwrap_or_default(),
                ReferenceOr::Item(item) => kind_name(item).to_owned(),
            };
            let base = if base.is_empty() {
                format!("Variant{}", i + 1)
            } else {
                base
            };
            let lowered = self.schema(
                member.into(),
                &member_at,
                &format!("{ident} {base}"),
                depth + 1,
            )?;
            variants.push(UnionVariant {
                ident: scope.claim(names::pascal(&base)),
                ty: lowered.ty,
            });
        }
        if let Some(def) = self.types.get_mut(index) {
            def.kind = TypeKind::Union { variants };
        }
        Ok(TypeRef::Named(ident))
    }

    /// The 3.1 `webhooks`: each one's JSON payload type, and the payload property naming the
    /// event when every payload has one.
    fn webhooks(&mut self) -> Result<(Vec<Webhook>, Option<String>), Diagnostic> {
        let mut scope = Scope::with_reserved(["Unknown"]);
        let mut webhooks = Vec::new();
        let loaded = self.loaded;
        for (name, item) in &loaded.webhooks {
            let at = pointer(["webhooks", name]);
            let ReferenceOr::Item(item) = item else {
                self.warn(
                    &at,
                    "a webhook given by `$ref` is not supported; it is left out",
                );
                continue;
            };
            let Some((method, op)) = item.iter().next() else {
                self.warn(&at, "the webhook has no operation; it is left out");
                continue;
            };
            let ident = scope.claim(names::pascal(name));
            let payload = match &op.request_body {
                Some(ReferenceOr::Item(body)) => {
                    let json = body.content.iter().find(|(m, _)| {
                        let m = essence(m);
                        m == "application/json" || m.ends_with("+json")
                    });
                    match json.and_then(|(m, c)| c.schema.as_ref().map(|s| (m, s))) {
                        Some((media_type, schema)) => {
                            let s_at = format!(
                                "{at}/{method}/requestBody/content/{}/schema",
                                crate::diagnostic::escape_token(media_type)
                            );
                            Some(
                                self.schema(schema.into(), &s_at, &format!("{ident} Event"), 0)?
                                    .ty,
                            )
                        }
                        None => None,
                    }
                }
                Some(ReferenceOr::Reference { .. }) => {
                    self.warn(&at, "a webhook request body given by `$ref` is not supported; its payload is kept as JSON");
                    None
                }
                None => None,
            };
            webhooks.push(Webhook {
                name: name.clone(),
                ident,
                summary: op.summary.clone(),
                description: op.description.clone().or_else(|| item.description.clone()),
                payload,
            });
        }
        let discriminator = ["event_type", "type", "event"]
            .into_iter()
            .find(|candidate| {
                !webhooks.is_empty()
                    && webhooks.iter().all(|w| match &w.payload {
                        Some(TypeRef::Named(name)) => self.types.iter().any(|t| {
                            &t.ident == name
                                && matches!(&t.kind, TypeKind::Struct { fields, .. }
                                    if fields.iter().any(|f| f.name == *candidate && matches!(f.ty, TypeRef::String(_) | TypeRef::Named(_))))
                        }),
                        _ => false,
                    })
            })
            .map(str::to_owned);
        Ok((webhooks, discriminator))
    }

    /// Offset or cursor pagination: a query parameter `X` whose next value the success body
    /// returns as `next_X` (Chargebee's `offset` and `next_offset`).
    fn pagination(&self, params: &[Parameter], responses: &[Response]) -> Option<Pagination> {
        let body = responses
            .iter()
            .filter(|r| r.status.is_success())
            .find_map(|r| r.body.as_ref())?;
        let TypeRef::Named(name) = body else {
            return None;
        };
        let def = self.types.iter().rev().find(|t| &t.ident == name)?;
        let TypeKind::Struct { fields, .. } = &def.kind else {
            return None;
        };
        params
            .iter()
            .filter(|p| p.location == ParamLocation::Query && !p.required)
            .find_map(|p| {
                let next = fields.iter().find(|f| {
                    f.name == format!("next_{}", p.name) && !f.required && f.ty == p.ty
                })?;
                Some(Pagination {
                    param: p.name.clone(),
                    next_field: next.name.clone(),
                    next_field_ident: next.ident.clone(),
                })
            })
    }
}

/// An untyped schema, standing in for `additionalProperties: true`.
static ANY_SCHEMA: std::sync::LazyLock<ReferenceOr<Schema>> = std::sync::LazyLock::new(|| {
    ReferenceOr::Item(Schema {
        schema_data: openapiv3::SchemaData::default(),
        schema_kind: SchemaKind::Any(openapiv3::AnySchema::default()),
    })
});

/// The properties gathered for one struct, with where each was declared.
#[derive(Default)]
struct ObjectParts<'a> {
    properties: Vec<(String, &'a String, &'a ReferenceOr<Box<Schema>>)>,
    required: Vec<&'a String>,
    additional: Option<(String, &'a ReferenceOr<Schema>)>,
    description: Option<String>,
}

impl<'a> ObjectParts<'a> {
    fn add(
        &mut self,
        at: &str,
        properties: &'a indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
        required: &'a [String],
    ) {
        for (name, schema) in properties {
            self.properties.push((
                format!("{at}/properties/{}", crate::diagnostic::escape_token(name)),
                name,
                schema,
            ));
        }
        self.required.extend(required);
    }
}

/// A name for an inline union member, from its type.
fn kind_name(schema: &Schema) -> &'static str {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(_)) => "String",
        SchemaKind::Type(Type::Integer(_)) => "Integer",
        SchemaKind::Type(Type::Number(_)) => "Number",
        SchemaKind::Type(Type::Boolean(_)) => "Boolean",
        SchemaKind::Type(Type::Array(_)) => "List",
        SchemaKind::Type(Type::Object(_)) | SchemaKind::AllOf { .. } => "Object",
        SchemaKind::OneOf { .. }
        | SchemaKind::AnyOf { .. }
        | SchemaKind::Not { .. }
        | SchemaKind::Any(_) => "",
    }
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

struct OperationSite<'s> {
    path: &'s str,
    at: &'s str,
    method: Method,
    id: String,
    ident: String,
    type_ident: String,
    group: String,
}

fn field(name: &str, ident: String, required: bool, lowered: Lowered) -> Field {
    Field {
        name: name.to_owned(),
        ident,
        description: lowered.description,
        required,
        nullable: lowered.nullable,
        deprecated: lowered.deprecated,
        ty: lowered.ty,
        boxed: false,
        constraints: lowered.constraints,
    }
}

fn plain_string() -> Lowered {
    Lowered {
        ty: TypeRef::String(StringFormat::Plain),
        nullable: false,
        description: None,
        deprecated: false,
        constraints: Constraints::default(),
    }
}

type Properties<'s> = (
    &'s indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
    &'s [String],
);

fn object_properties(schema: &Schema) -> Option<Properties<'_>> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) if !object.properties.is_empty() => {
            Some((&object.properties, &object.required))
        }
        SchemaKind::Any(any) if !any.properties.is_empty() => {
            Some((&any.properties, &any.required))
        }
        _ => None,
    }
}

fn constraints_of(schema: &Schema) -> Constraints {
    let data = &schema.schema_data;
    let mut c = Constraints {
        default: data.default.as_ref().map(|v| v.to_string()),
        example: data
            .example
            .as_ref()
            .filter(|v| !v.is_null())
            .map(|v| v.to_string()),
        ..Constraints::default()
    };
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            c.min_length = s.min_length;
            c.max_length = s.max_length;
            c.pattern = s.pattern.clone();
            c.format = format_name(&s.format);
        }
        SchemaKind::Type(Type::Integer(i)) => {
            c.minimum = i.minimum.map(|m| m as f64);
            c.maximum = i.maximum.map(|m| m as f64);
            c.format = format_name(&i.format);
        }
        SchemaKind::Type(Type::Number(n)) => {
            c.minimum = n.minimum;
            c.maximum = n.maximum;
            c.format = format_name(&n.format);
        }
        _ => {}
    }
    c
}

/// The `format` as the spec spells it.
fn format_name<T: std::fmt::Debug>(format: &VariantOrUnknownOrEmpty<T>) -> Option<String> {
    match format {
        VariantOrUnknownOrEmpty::Item(known) => Some(
            format!("{known:?}")
                .to_lowercase()
                .replace("datetime", "date-time"),
        ),
        VariantOrUnknownOrEmpty::Unknown(other) => Some(other.clone()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

fn enum_values(values: &[String]) -> Vec<EnumValue> {
    let mut scope = Scope::new();
    let mut seen = HashSet::new();
    values
        .iter()
        .filter(|v| seen.insert(v.as_str()))
        .map(|v| EnumValue {
            value: v.clone(),
            ident: scope.claim(names::pascal(v)),
        })
        .collect()
}

fn location_of(param: &OaParameter) -> ParamLocation {
    match param {
        OaParameter::Path { .. } => ParamLocation::Path,
        OaParameter::Query { .. } => ParamLocation::Query,
        OaParameter::Header { .. } => ParamLocation::Header,
        OaParameter::Cookie { .. } => ParamLocation::Cookie,
    }
}

/// The `{names}` of a template, in order.
fn template_names(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        names.push(rest[start + 1..start + len].to_owned());
        rest = &rest[start + len + 1..];
    }
    names
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

/// The media type without parameters, lowercased.
fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Whether `name` is an RFC 9110 token, the grammar of header names.
fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

fn status_variant(status: Status) -> String {
    match status {
        Status::Code(code) => {
            names::status_name(code).map_or_else(|| format!("Status{code}"), str::to_owned)
        }
        Status::Range(class) => format!("Status{class}xx"),
        Status::Default => "Other".to_owned(),
    }
}

/// Enums read from responses must keep decoding when the server adds a value; enums only
/// ever sent stay closed so that the compiler checks what the caller sends.
fn mark_open_enums(types: &mut [TypeDef], received: &[&TypeRef]) {
    let index: HashMap<String, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.ident.clone(), i))
        .collect();
    let mut stack: Vec<String> = Vec::new();
    for ty in received {
        named_in(ty, &mut stack);
    }
    let mut seen = HashSet::new();
    while let Some(ident) = stack.pop() {
        if !seen.insert(ident.clone()) {
            continue;
        }
        let Some(&i) = index.get(&ident) else {
            continue;
        };
        match &mut types[i].kind {
            TypeKind::Enum { open, .. } => *open = true,
            TypeKind::Struct { fields, additional } => {
                for field in fields.iter() {
                    named_in(&field.ty, &mut stack);
                }
                if let Some(additional) = additional {
                    named_in(additional, &mut stack);
                }
            }
            TypeKind::Union { variants } => {
                for variant in variants.iter() {
                    named_in(&variant.ty, &mut stack);
                }
            }
        }
    }
}

/// A struct that contains itself (directly, or through other structs, without a `Vec` or a
/// map in between) would have infinite size: such fields are boxed.
fn mark_boxed_fields(types: &mut [TypeDef]) {
    let index: HashMap<String, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.ident.clone(), i))
        .collect();
    // Direct edges: a field or union variant of type `Named` (possibly optional).
    let direct: Vec<Vec<usize>> = types
        .iter()
        .map(|t| match &t.kind {
            TypeKind::Struct { fields, .. } => fields
                .iter()
                .filter_map(|f| direct_target(&f.ty, &index))
                .collect(),
            TypeKind::Union { variants } => variants
                .iter()
                .filter_map(|v| direct_target(&v.ty, &index))
                .collect(),
            TypeKind::Enum { .. } => Vec::new(),
        })
        .collect();
    // A field needs a box exactly when its target reaches back to its owner: when both are in
    // one strongly connected component.
    let component = strongly_connected_components(&direct);
    for (owner, def) in types.iter_mut().enumerate() {
        if let TypeKind::Struct { fields, .. } = &mut def.kind {
            for field in fields.iter_mut() {
                if let Some(target) = direct_target(&field.ty, &index) {
                    field.boxed = component[target] == component[owner];
                }
            }
        }
    }
}

/// Tarjan's algorithm, iterative (no recursion to overflow on deep graphs): the component
/// number of each node.
fn strongly_connected_components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut order, mut low, mut component) = (vec![UNSEEN; n], vec![0; n], vec![UNSEEN; n]);
    let (mut on_stack, mut stack) = (vec![false; n], Vec::new());
    let (mut counter, mut components) = (0, 0);
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        // Each frame: a node and the index of its next edge to visit.
        let mut frames = vec![(root, 0usize)];
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut next)) = frames.last_mut() {
            if let Some(&child) = edges[node].get(*next) {
                *next += 1;
                if order[child] == UNSEEN {
                    order[child] = counter;
                    low[child] = counter;
                    counter += 1;
                    stack.push(child);
                    on_stack[child] = true;
                    frames.push((child, 0));
                } else if on_stack[child] {
                    low[node] = low[node].min(order[child]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = components;
                    if member == node {
                        break;
                    }
                }
                components += 1;
            }
        }
    }
    component
}

fn direct_target(ty: &TypeRef, index: &HashMap<String, usize>) -> Option<usize> {
    match ty {
        TypeRef::Named(name) => index.get(name).copied(),
        _ => None,
    }
}

fn named_in(ty: &TypeRef, out: &mut Vec<String>) {
    match ty {
        TypeRef::Named(name) => out.push(name.clone()),
        TypeRef::Array(inner) | TypeRef::Map(inner) => named_in(inner, out),
        TypeRef::String(_)
        | TypeRef::Integer(_)
        | TypeRef::Number
        | TypeRef::Boolean
        | TypeRef::Any => {}
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::load::load_bytes;

    fn lower_yaml(yaml: &str) -> Result<(Api, Vec<Warning>), Diagnostic> {
        let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false)?;
        let mut warnings = Vec::new();
        let api = lower(&loaded, &mut warnings)?;
        Ok((api, warnings))
    }

    const HEAD: &str = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

    #[test]
    fn path_parameters_come_first_and_inline_types_get_context_names() {
        let yaml = format!(
            "{HEAD}paths:\n  /pets/{{pet-id}}:\n    post:\n      operationId: updatePet\n      parameters:\n        - {{name: x-mode, in: header, schema: {{type: string, enum: [a-b, c]}}}}\n        - {{name: pet-id, in: path, required: true, schema: {{type: string}}}}\n      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            schema:\n              type: object\n              properties:\n                tags: {{type: array, items: {{type: object, properties: {{label: {{type: string}}}}}}}}\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {{type: object, properties: {{status: {{type: string, enum: [ok]}}}}}}\n"
        );
        let (api, warnings) = lower_yaml(&yaml).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let op = &api.operations[0];
        assert_eq!(
            (op.ident.as_str(), op.type_ident.as_str(), op.group.as_str()),
            ("update_pet", "UpdatePet", "pets")
        );
        assert_eq!(
            op.params
                .iter()
                .map(|p| p.ident.as_str())
                .collect::<Vec<_>>(),
            ["pet_id", "x_mode"]
        );
        assert_eq!(op.params[1].ty, TypeRef::Named("XMode".into()));
        let body = op.body.as_ref().unwrap();
        assert_eq!(
            body.fields[0].ty,
            TypeRef::Array(Box::new(TypeRef::Named("UpdatePetRequestTag".into())))
        );
        assert_eq!(
            op.responses[0].body,
            Some(TypeRef::Named("UpdatePetResponse".into()))
        );
        let idents: Vec<_> = api.types.iter().map(|t| t.ident.as_str()).collect();
        assert_eq!(
            idents,
            [
                "XMode",
                "UpdatePetRequestTag",
                "UpdatePetResponse",
                "UpdatePetResponseStatus"
            ]
        );
        // Only the enum reached from a response is open.
        let open: Vec<_> = api
            .types
            .iter()
            .filter(|t| matches!(t.kind, TypeKind::Enum { open: true, .. }))
            .map(|t| t.ident.as_str())
            .collect();
        assert_eq!(open, ["UpdatePetResponseStatus"]);
    }

    #[test]
    fn shared_references_become_one_type() {
        let yaml = format!(
            "{HEAD}paths:\n  /a:\n    get:\n      parameters: [{{$ref: '#/components/parameters/Mode'}}]\n      responses: {{'200': {{description: OK}}}}\n  /b:\n    get:\n      parameters: [{{$ref: '#/components/parameters/Mode'}}]\n      responses: {{'200': {{description: OK}}}}\ncomponents:\n  parameters:\n    Mode: {{name: mode, in: query, schema: {{type: string, enum: [x]}}}}\n"
        );
        let (api, _) = lower_yaml(&yaml).unwrap();
        assert_eq!(api.types.len(), 1);
        assert_eq!(
            api.operations[0].params[0].ty,
            api.operations[1].params[0].ty
        );
        assert_eq!(api.operations[0].ident, "get_a");
    }

    #[test]
    fn recursive_fields_are_boxed_and_list_recursion_is_not() {
        let yaml = format!(
            "{HEAD}paths:\n  /n:\n    get:\n      responses:\n        '200':\n          description: OK\n          content: {{application/json: {{schema: {{$ref: '#/components/schemas/Node'}}}}}}\ncomponents:\n  schemas:\n    Node:\n      type: object\n      properties:\n        next: {{$ref: '#/components/schemas/Node'}}\n        children: {{type: array, items: {{$ref: '#/components/schemas/Node'}}}}\n        leaf: {{$ref: '#/components/schemas/Leaf'}}\n    Leaf:\n      type: object\n      properties:\n        name: {{type: string}}\n"
        );
        let (api, _) = lower_yaml(&yaml).unwrap();
        let TypeKind::Struct { fields, .. } = &api.types[0].kind else {
            panic!("struct")
        };
        let boxed: Vec<(&str, bool)> = fields.iter().map(|f| (f.name.as_str(), f.boxed)).collect();
        assert_eq!(
            boxed,
            [("next", true), ("children", false), ("leaf", false)]
        );
    }

    #[test]
    fn all_of_merges_and_one_of_becomes_a_union() {
        let yaml = format!(
            "{HEAD}paths:\n  /p:\n    get:\n      responses:\n        '200':\n          description: OK\n          content: {{application/json: {{schema: {{$ref: '#/components/schemas/Pet'}}}}}}\ncomponents:\n  schemas:\n    Base:\n      type: object\n      required: [id]\n      properties:\n        id: {{type: string}}\n    Pet:\n      allOf:\n        - $ref: '#/components/schemas/Base'\n        - type: object\n          properties:\n            owner:\n              oneOf:\n                - $ref: '#/components/schemas/Base'\n                - type: string\n          additionalProperties: {{type: integer}}\n"
        );
        let (api, warnings) = lower_yaml(&yaml).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let pet = api.type_def("Pet").unwrap();
        let TypeKind::Struct { fields, additional } = &pet.kind else {
            panic!("struct")
        };
        assert_eq!(
            fields
                .iter()
                .map(|f| (f.name.as_str(), f.required))
                .collect::<Vec<_>>(),
            [("id", true), ("owner", false)]
        );
        assert_eq!(additional, &Some(TypeRef::Integer(IntegerFormat::Int64)));
        let owner = api.type_def("PetOwner").unwrap();
        let TypeKind::Union { variants } = &owner.kind else {
            panic!("union")
        };
        assert_eq!(
            variants
                .iter()
                .map(|v| v.ident.as_str())
                .collect::<Vec<_>>(),
            ["Base", "String"]
        );
    }

    #[test]
    fn pagination_pairs_a_query_parameter_with_its_next_field() {
        let yaml = format!(
            "{HEAD}paths:\n  /items:\n    get:\n      parameters:\n        - {{name: limit, in: query, schema: {{type: integer}}}}\n        - {{name: offset, in: query, schema: {{type: string}}}}\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  list: {{type: array, items: {{type: string}}}}\n                  next_offset: {{type: string}}\n"
        );
        let (api, _) = lower_yaml(&yaml).unwrap();
        let pagination = api.operations[0].pagination.as_ref().unwrap();
        assert_eq!(
            (pagination.param.as_str(), pagination.next_field.as_str()),
            ("offset", "next_offset")
        );
    }

    #[test]
    fn recursive_schemas_terminate() {
        let yaml = format!(
            "{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    Node:\n      type: object\n      properties:\n        next: {{$ref: '#/components/schemas/Node'}}\n"
        );
        let (api, _) = lower_yaml(&yaml).unwrap();
        assert!(api.types.is_empty(), "unreached components are not emitted");
    }

    #[test]
    fn path_template_and_declarations_must_agree() {
        let undeclared = format!("{HEAD}paths:\n  /a/{{id}}:\n    get:\n      responses: {{'200': {{description: OK}}}}\n");
        let err = lower_yaml(&undeclared).unwrap_err();
        assert!(
            err.message.contains("declares no path parameter `id`"),
            "{err}"
        );
        let extra = format!("{HEAD}paths:\n  /a:\n    get:\n      parameters: [{{name: id, in: path, required: true, schema: {{type: string}}}}]\n      responses: {{'200': {{description: OK}}}}\n");
        let err = lower_yaml(&extra).unwrap_err();
        assert!(err.message.contains("has no `{id}`"), "{err}");
        assert_eq!(err.pointer.as_deref(), Some("#/paths/~1a/get/parameters/0"));
    }

    #[test]
    fn dangling_and_external_refs_are_errors() {
        let dangling = format!("{HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n          content: {{application/json: {{schema: {{$ref: '#/components/schemas/Nope'}}}}}}\n");
        let err = lower_yaml(&dangling).unwrap_err();
        assert!(err.message.contains("points to nothing"), "{err}");
        let external = dangling.replace("#/components/schemas/Nope", "other.yaml#/Pet");
        let err = lower_yaml(&external).unwrap_err();
        assert!(
            err.message.contains("external references are not followed"),
            "{err}"
        );
    }

    #[test]
    fn duplicate_operation_ids_are_errors() {
        let yaml = format!("{HEAD}paths:\n  /a:\n    get: {{operationId: x, responses: {{'200': {{description: OK}}}}}}\n  /b:\n    get: {{operationId: x, responses: {{'200': {{description: OK}}}}}}\n");
        let err = lower_yaml(&yaml).unwrap_err();
        assert!(
            err.message.contains("operationId `x` is used twice"),
            "{err}"
        );
    }

    #[test]
    fn server_variables_are_checked_and_shared() {
        let yaml = format!(
            "{HEAD}servers:\n  - url: '{{p}}://{{site}}.x.com'\n    description: Live site\n    variables:\n      p: {{default: https, enum: [https]}}\n      site: {{default: demo}}\n  - url: '{{p}}://{{site}}-test.x.com'\n    description: Test site\n    variables:\n      p: {{default: https, enum: [https]}}\n      site: {{default: demo}}\npaths: {{}}\n"
        );
        let (api, _) = lower_yaml(&yaml).unwrap();
        assert_eq!(
            api.servers
                .iter()
                .map(|s| s.ident.as_str())
                .collect::<Vec<_>>(),
            ["LiveSite", "TestSite"]
        );
        assert_eq!(api.server_variables.len(), 2);
        assert_eq!(api.server_variables[0].type_ident, "P");
        let bad = yaml.replace(
            "{default: https, enum: [https]}",
            "{default: http, enum: [https]}",
        );
        assert!(lower_yaml(&bad)
            .unwrap_err()
            .message
            .contains("is not one of its `enum` values"));
        let undeclared = yaml.replace("'{p}://{site}.x.com'", "'{p}://{zone}.x.com'");
        assert!(lower_yaml(&undeclared)
            .unwrap_err()
            .message
            .contains("uses `{zone}`"));
    }
}
