//! The decisions every backend reads instead of making itself: which parameters are common to
//! the client, which operations share an error enum, what each request struct holds, what a
//! success returns and whether a call may be retried.
//!
//! They run once the whole API is lowered, because most of them compare operations. They
//! turn the lowered drafts into the [`Api`], each [`Operation`] built once, complete.

use std::collections::{BTreeSet, HashMap};

use super::lower::{ApiDraft, OperationDraft};
use super::names::{self, Scope};
use super::{
    Api, Auth, CommonParams, ErrorSet, ErrorSetId, Method, Operation, ParamLocation, Request,
    Response, Retry, SchemeKind, StringFormat, Success, TypeRef,
};
use crate::settings::Settings;

/// Names at the crate root that an error enum or the common parameters must not take, since
/// they are re-exported there: the runtime's items (its own list, so that none is ever
/// missed) and the servers module's.
fn root_names() -> impl Iterator<Item = &'static str> {
    const SERVERS: &[&str] = &["Server", "ServerVariables", "CallOptions"];
    apiforge_runtime::root_names().chain(SERVERS.iter().copied())
}

/// What is decided for one operation on its own (its error set is decided with the others').
struct Decided {
    request: Option<Request>,
    success: Success,
    retry: Retry,
}

/// Makes the decisions on a lowered API: server and credentials names, encodings, the common
/// parameters, each operation's request, success and retry class, and the shared error sets.
pub(super) fn decide(mut api: ApiDraft, settings: &Settings) -> Api {
    if let Some(names) = &settings.servers.names {
        // Extra names are ignored and missing ones keep the derived name; each is made a
        // safe, unique identifier like any other.
        let mut scope = Scope::new();
        for (server, name) in api.servers.iter_mut().zip(names) {
            server.ident = names::pascal(name);
        }
        for server in &mut api.servers {
            server.ident = scope.claim(server.ident.clone());
        }
    }
    if let Some(placeholders) = &settings.servers.placeholders {
        for variable in &mut api.server_variables {
            variable.placeholder = placeholders.contains(&variable.name);
        }
    }
    if let Some(auth) = &mut api.auth {
        name_constructors(auth);
    }
    super::encoding::decide(&mut api, &settings.encoding);
    let common = common_params(&mut api);
    let decided: Vec<Decided> = api
        .operations
        .iter()
        .map(|op| {
            let retry = retry(op, settings);
            Decided {
                request: request(op, &retry),
                success: success(op),
                retry,
            }
        })
        .collect();
    let (error_sets, errors) = error_sets(&api, &decided, common.as_ref());
    let operations = std::mem::take(&mut api.operations)
        .into_iter()
        .zip(decided)
        .zip(errors)
        .map(|((op, decided), errors)| operation(op, decided, errors))
        .collect();
    Api {
        title: api.title,
        version: api.version,
        description: api.description,
        servers: api.servers,
        server_variables: api.server_variables,
        auth: api.auth,
        operations,
        types: api.types,
        webhooks: api.webhooks,
        webhook_discriminator: api.webhook_discriminator,
        webhook_auth: api.webhook_auth,
        docs_host: api.docs_host,
        error_sets,
        common,
        replaced: api.replaced,
    }
}

/// The operation a draft becomes, with what was decided for it.
fn operation(op: OperationDraft, decided: Decided, errors: ErrorSetId) -> Operation {
    Operation {
        id: op.id,
        ident: op.ident,
        type_ident: op.type_ident,
        call_ident: op.call_ident,
        handle: op.handle,
        group: op.group,
        method: op.method,
        path: op.path,
        path_segments: op.path_segments,
        summary: op.summary,
        description: op.description,
        deprecated: op.deprecated,
        params: op.params,
        body: op.body,
        responses: op.responses,
        pagination: op.pagination,
        request: decided.request,
        errors,
        success: decided.success,
        retry: decided.retry,
    }
}

/// Optional header and cookie parameters defined in `components/parameters` are common: they
/// describe the caller (request origin, event switches), not the call, so they are set once
/// on the client. The rule does not count uses, so adding an operation never moves one.
fn common_params(api: &mut ApiDraft) -> Option<CommonParams> {
    let scalar = |ty: &TypeRef| match ty {
        TypeRef::String(_) | TypeRef::Integer(_) | TypeRef::Number | TypeRef::Boolean => true,
        TypeRef::Named(name) => matches!(
            api.types.by_ident(name).map(|t| &t.kind),
            Some(super::TypeKind::Enum { .. })
        ),
        TypeRef::Array(_) | TypeRef::Map(_) | TypeRef::Any => false,
    };
    // Only values with one plain text form: they are encoded once, when set on the client.
    let is_common = |p: &super::Parameter| {
        p.component.is_some()
            && !p.required
            && matches!(p.location, ParamLocation::Header | ParamLocation::Cookie)
            && scalar(&p.ty)
    };
    let common: Vec<bool> = api
        .operations
        .iter()
        .flat_map(|op| op.params.iter().map(is_common))
        .collect();
    let mut params: Vec<super::Parameter> = Vec::new();
    let mut flags = common.into_iter();
    for op in &mut api.operations {
        for p in op.params.iter_mut() {
            if !flags.next().unwrap_or(false) {
                continue;
            }
            p.common = true;
            if !params.iter().any(|q| q.component == p.component) {
                params.push(p.clone());
            }
        }
    }
    if params.is_empty() {
        return None;
    }
    let mut scope = Scope::new();
    for p in &mut params {
        p.ident = scope.claim(names::snake(&p.name));
    }
    let mut taken: BTreeSet<&str> = api.types.iter().map(|t| t.ident.as_str()).collect();
    // One by one: each `'static` name shortened to the API's borrow as it is inserted.
    for name in root_names() {
        taken.insert(name);
    }
    let ident = unique("CommonParameters", &taken);
    let sets = common_sets(&api.operations, &params);
    Some(CommonParams {
        ident,
        params,
        sets,
    })
}

/// The runtime's own `Credentials` functions (and the trait methods a reader knows), which a
/// generated constructor must not take.
const CREDENTIALS_NAMES: &[&str] = &[
    "and",
    "basic",
    "bearer",
    "bearer_with",
    "clone",
    "default",
    "eq",
    "fmt",
    "for_scheme",
    "from",
    "into",
    "new",
    "scheme_key",
];

/// Names the generated `Credentials` constructors. The runtime's `basic` and `bearer` (and
/// `bearer_with`) serve a scheme that is the only one of its kind, so constructors are made
/// only where they are needed to say which scheme a secret is for:
///
/// - an API whose one scheme is HTTP basic gets `api_key(key)` (the key as the user name,
///   an empty password: how APIs that take keys over basic authentication want it);
/// - an API key scheme gets `api_key(key)` when it is the API's only one, else its own name;
/// - HTTP basic schemes, when there are several, each get their own name;
/// - bearer-token schemes (HTTP bearer, OAuth2, OpenID Connect), when there are several,
///   each get their own name, and that name with `_with` for a token callback.
fn name_constructors(auth: &mut Auth) {
    let mut scope = Scope::with_reserved(CREDENTIALS_NAMES.iter().copied());
    if let [only] = auth.schemes.as_mut_slice() {
        if only.kind == SchemeKind::Basic {
            only.constructor = Some(scope.claim("api_key".to_owned()));
            return;
        }
    }
    let count = |f: fn(&SchemeKind) -> bool| auth.schemes.iter().filter(|s| f(&s.kind)).count();
    let keys = count(|k| matches!(k, SchemeKind::ApiKey { .. }));
    let basics = count(|k| *k == SchemeKind::Basic);
    let bearers = count(SchemeKind::is_bearer);
    for scheme in &mut auth.schemes {
        let own = names::snake(&scheme.name);
        match &scheme.kind {
            SchemeKind::ApiKey { .. } => {
                let wanted = if keys == 1 { "api_key".to_owned() } else { own };
                scheme.constructor = Some(scope.claim(wanted));
            }
            SchemeKind::Basic if basics > 1 => scheme.constructor = Some(scope.claim(own)),
            kind if kind.is_bearer() && bearers > 1 => {
                let constructor = scope.claim(own);
                scheme.provider_constructor = Some(scope.claim(format!("{constructor}_with")));
                scheme.constructor = Some(constructor);
            }
            _ => {}
        }
    }
}

/// The distinct sets of common parameters operations send, each named once: `ALL` for every
/// one of them, else for the words their names share (`chargebee-request-origin-*` →
/// `REQUEST_ORIGIN`, a vendor prefix shared by all the API's common parameters left out), else
/// numbered.
fn common_sets(
    operations: &[OperationDraft],
    params: &[super::Parameter],
) -> Vec<super::CommonSet> {
    let all = super::common_wire_names(params.iter());
    let mut sets: Vec<Vec<String>> = Vec::new();
    for op in operations {
        // In the options type's field order, whatever order the operation lists them in.
        let mut names = super::common_wire_names(op.common_params());
        names.sort_by_key(|n| all.iter().position(|a| a == n));
        if !names.is_empty() && !sets.contains(&names) {
            sets.push(names);
        }
    }
    let words =
        |name: &str| -> Vec<String> { names::snake(name).split('_').map(str::to_owned).collect() };
    let shared_prefix = |lists: &[Vec<String>]| -> Vec<String> {
        let Some(first) = lists.first() else {
            return Vec::new();
        };
        let len = lists
            .iter()
            .map(|l| first.iter().zip(l).take_while(|(a, b)| a == b).count())
            .min()
            .unwrap_or(0);
        first[..len].to_vec()
    };
    let vendor = shared_prefix(&all.iter().map(|n| words(n)).collect::<Vec<_>>());
    let mut taken = BTreeSet::new();
    sets.into_iter()
        .enumerate()
        .map(|(i, names)| {
            let split: Vec<Vec<String>> = names.iter().map(|n| words(n)).collect();
            let mut prefix = shared_prefix(&split);
            if prefix.len() > vendor.len() && prefix.starts_with(&vendor) {
                prefix.drain(..vendor.len());
            }
            let wanted = if names == all {
                "ALL".to_owned()
            } else if !prefix.is_empty() && names.len() > 1 {
                prefix.join("_").to_ascii_uppercase()
            } else {
                format!("SET_{}", i + 1)
            };
            let mut ident = wanted.clone();
            let mut n = 2;
            while !taken.insert(ident.clone()) {
                ident = format!("{wanted}_{n}");
                n += 1;
            }
            super::CommonSet { ident, names }
        })
        .collect()
}

fn retry(op: &OperationDraft, settings: &Settings) -> Retry {
    match (op.method, &settings.client.idempotency_header) {
        (Method::Post | Method::Patch, Some(header)) => Retry::WithKey {
            header: header.to_ascii_lowercase(),
        },
        (Method::Post | Method::Patch, None) => Retry::Never,
        _ => Retry::Always,
    }
}

fn success(op: &OperationDraft) -> Success {
    let mut bodies = op.success_responses().map(|r| &r.body);
    let first = bodies.next().cloned().flatten();
    let differ = op.success_responses().any(|r| r.body != first);
    if differ {
        Success::Enum {
            ident: format!("{}Success", op.type_ident),
        }
    } else {
        Success::Body { ty: first }
    }
}

fn request(op: &OperationDraft, retry: &Retry) -> Option<Request> {
    let fields: Vec<_> = op.request_fields().collect();
    let keyed = matches!(retry, Retry::WithKey { .. });
    if fields.is_empty() && !keyed {
        return None;
    }
    let idempotency_field = keyed.then(|| {
        let mut name = "idempotency_key".to_owned();
        while fields.iter().any(|f| f.ident() == name) {
            name.push('_');
        }
        name
    });
    // A request with a required field has no meaningful default: it gets a constructor
    // taking the required values instead.
    let has_default = fields.iter().all(super::RequestField::is_option);
    let validated = fields.iter().any(|f| {
        let c = f.constraints();
        match f.ty() {
            TypeRef::String(StringFormat::Plain) => {
                c.min_length.is_some() || c.max_length.is_some()
            }
            TypeRef::Integer(_) | TypeRef::Number => c.minimum.is_some() || c.maximum.is_some(),
            _ => false,
        }
    }) || super::encoding::entries_validated(op);
    Some(Request {
        ident: format!("{}Request", op.type_ident),
        idempotency_field,
        has_default,
        validated,
        media_enum: op
            .body
            .as_ref()
            .filter(|b| b.choice_field.is_some())
            .map(|_| format!("{}MediaType", op.type_ident)),
    })
}

/// What makes two operations' error enums the same: each status with its variant and body.
/// Descriptions only feed the docs, so the first operation's are kept.
type Signature = Vec<(super::Status, String, Option<TypeRef>, super::Media)>;

/// One enum per distinct set of documented errors, and the set of each operation (in
/// `api.operations` order). The set most operations share is `ErrorResponse`; one used by a
/// single operation keeps that operation's name (`{Op}Error`); others are named for their
/// module when they stay within one, else numbered.
fn error_sets(
    api: &ApiDraft,
    decided: &[Decided],
    common: Option<&CommonParams>,
) -> (Vec<ErrorSet>, Vec<ErrorSetId>) {
    let operations = &api.operations;
    let mut by_signature: HashMap<Signature, Vec<usize>> = HashMap::new();
    for (i, op) in operations.iter().enumerate() {
        let signature: Signature = op
            .error_responses()
            .map(|r| (r.status, r.variant.clone(), r.body.clone(), r.media))
            .collect();
        by_signature.entry(signature).or_default().push(i);
    }
    // Most used first, then in spec order, so names do not depend on map order.
    let mut sets: Vec<Vec<usize>> = by_signature.into_values().collect();
    sets.sort_by_key(|ops| (std::cmp::Reverse(ops.len()), ops[0]));
    let mut taken: BTreeSet<String> = api.types.iter().map(|t| t.ident.clone()).collect();
    taken.extend(root_names().map(str::to_owned));
    if let Some(common) = common {
        taken.insert(common.ident.clone());
    }
    for decided in decided {
        if let Some(request) = &decided.request {
            taken.insert(request.ident.clone());
        }
        if let Success::Enum { ident } = &decided.success {
            taken.insert(ident.clone());
        }
    }
    let mut out = Vec::new();
    // Every operation is in exactly one set, so each entry is overwritten.
    let mut errors = vec![ErrorSetId(0); operations.len()];
    for (rank, ops) in sets.iter().enumerate() {
        let first = &operations[ops[0]];
        let same_group = ops.iter().all(|&i| operations[i].group == first.group);
        let wanted = if rank == 0 {
            "ErrorResponse".to_owned()
        } else if ops.len() == 1 {
            format!("{}Error", first.type_ident)
        } else if same_group {
            format!("{}Error", names::pascal(&first.group))
        } else {
            format!("ErrorResponse{}", rank + 1)
        };
        let taken_refs: BTreeSet<&str> = taken.iter().map(String::as_str).collect();
        let ident = unique(&wanted, &taken_refs);
        taken.insert(ident.clone());
        let responses: Vec<Response> = first.error_responses().cloned().collect();
        for &i in ops {
            errors[i] = ErrorSetId(out.len());
        }
        out.push(ErrorSet {
            ident,
            responses,
            operations: ops.iter().map(|&i| operations[i].ident.clone()).collect(),
        });
    }
    (out, errors)
}

impl Operation {
    /// The name of the method that streams every page of a paginated operation.
    pub fn pages_ident(&self) -> String {
        format!("{}_pages", self.call_ident)
    }

    /// Where its method is, as rustdoc and readers name it: `Client::retrieve_subscription`,
    /// or `Subscriptions::retrieve` on a resource handle. `method` is the method's name
    /// ([`Operation::call_ident`] or [`Operation::pages_ident`]).
    pub fn owner_path(&self, method: &str) -> String {
        match &self.handle {
            Some(handle) => format!("{handle}::{method}"),
            None => format!("Client::{method}"),
        }
    }

    /// The same, from the crate root, for intra-doc links from any module:
    /// `crate::Client::retrieve_subscription`, `crate::subscriptions::Subscriptions::retrieve`.
    pub fn owner_link(&self, method: &str) -> String {
        match &self.handle {
            Some(handle) => format!("crate::{}::{handle}::{method}", self.group),
            None => format!("crate::Client::{method}"),
        }
    }

    /// How code calls its method on `client`: `client.retrieve_subscription`, or
    /// `client.subscriptions().retrieve` on a resource handle.
    pub fn call_on(&self, client: &str, method: &str) -> String {
        match &self.handle {
            Some(_) => format!("{client}.{}().{method}", self.group),
            None => format!("{client}.{method}"),
        }
    }

    /// The name of the method that streams every item of every page.
    pub fn items_ident(&self) -> String {
        format!("{}_items", self.call_ident)
    }
}

/// `wanted`, or `wanted2`, `wanted3`, ... if it is taken.
fn unique(wanted: &str, taken: &BTreeSet<&str>) -> String {
    if !taken.contains(wanted) {
        return wanted.to_owned();
    }
    (2..)
        .map(|n| format!("{wanted}{n}"))
        .find(|name| !taken.contains(name.as_str()))
        .unwrap_or_else(|| wanted.to_owned())
}

#[cfg(test)]
mod tests {
    use crate::ir::{ParamLocation, Retry, Success};
    use crate::Settings;

    fn lower(yaml: &str, idempotency_header: Option<&str>) -> crate::ir::Api {
        let loaded =
            crate::load::load_bytes(std::path::Path::new("t.yaml"), yaml.as_bytes(), false)
                .unwrap();
        let mut settings = Settings::default();
        settings.client.idempotency_header = idempotency_header.map(str::to_owned);
        crate::ir::lower_api(&loaded, &settings, &mut Vec::new()).unwrap()
    }

    const SPEC: &str = r##"
openapi: 3.0.3
info: { title: T, version: 1.0.0 }
paths:
  /a/{id}:
    get:
      operationId: getA
      parameters:
        - $ref: '#/components/parameters/id'
        - $ref: '#/components/parameters/origin'
        - { name: expand, in: query, schema: { type: string } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: string } } } }
        '404': { description: missing, content: { application/json: { schema: { $ref: '#/components/schemas/Problem' } } } }
    post:
      operationId: updateA
      parameters:
        - $ref: '#/components/parameters/id'
        - $ref: '#/components/parameters/origin'
      responses:
        '204': { description: done }
        '404': { description: not there, content: { application/json: { schema: { $ref: '#/components/schemas/Problem' } } } }
  /b:
    delete:
      operationId: dropB
      responses:
        '204': { description: done }
        '409': { description: conflict }
components:
  parameters:
    id: { name: id, in: path, required: true, schema: { type: string } }
    origin: { name: x-origin, in: header, schema: { type: string } }
  schemas:
    Problem: { type: object, properties: { message: { type: string } } }
"##;

    #[test]
    fn operations_with_the_same_errors_share_one_enum() {
        let api = lower(SPEC, None);
        let errors: Vec<(&str, &str)> = api
            .operations
            .iter()
            .map(|o| (o.ident.as_str(), api.error_set(o.errors).ident.as_str()))
            .collect();
        assert_eq!(
            errors,
            [
                ("get_a", "ErrorResponse"),
                ("update_a", "ErrorResponse"),
                ("drop_b", "DropBError")
            ]
        );
        assert_eq!(api.error_sets.len(), 2);
        assert_eq!(api.error_sets[0].operations, ["get_a", "update_a"]);
    }

    #[test]
    fn each_operation_returns_the_error_set_that_lists_it() {
        let api = lower(SPEC, None);
        for op in &api.operations {
            let set = api.error_set(op.errors);
            assert!(set.operations.contains(&op.ident), "{}", op.ident);
            let statuses: Vec<_> = op.error_responses().map(|r| r.status).collect();
            let listed: Vec<_> = set.responses.iter().map(|r| r.status).collect();
            assert_eq!(statuses, listed, "{}", op.ident);
        }
    }

    #[test]
    fn optional_component_headers_become_common_parameters() {
        let api = lower(SPEC, None);
        let common = api.common.as_ref().unwrap();
        assert_eq!(common.ident, "CommonParameters");
        assert_eq!(
            common
                .params
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>(),
            ["x-origin"]
        );
        let get = &api.operations[0];
        // The path parameter (required) and the inline query parameter stay the operation's own.
        assert_eq!(
            get.request_fields().map(|f| f.name()).collect::<Vec<_>>(),
            ["expand"]
        );
        assert!(get
            .params
            .iter()
            .any(|p| p.location == ParamLocation::Path && !p.common));
        // Nothing left to put in a request struct: none.
        assert!(api.operations[1].request.is_none());
    }

    #[test]
    fn retry_class_follows_the_method_and_the_idempotency_header() {
        let api = lower(SPEC, Some("Idempotency-Key"));
        let retries: Vec<&Retry> = api.operations.iter().map(|o| &o.retry).collect();
        assert_eq!(
            retries,
            [
                &Retry::Always,
                &Retry::WithKey {
                    header: "idempotency-key".into()
                },
                &Retry::Always
            ]
        );
        let update = api.operations[1].request.as_ref().unwrap();
        assert_eq!(
            (update.ident.as_str(), update.idempotency_field.as_deref()),
            ("UpdateARequest", Some("idempotency_key"))
        );
        assert_eq!(lower(SPEC, None).operations[1].retry, Retry::Never);
        assert_eq!(api.operations[1].success, Success::Body { ty: None });
    }

    #[test]
    fn the_settings_can_name_the_servers() {
        let yaml = "openapi: 3.0.3\ninfo: {title: T, version: 1.0.0}\nservers:\n  - url: https://api.example.com\n  - url: https://sandbox.example.com\npaths: {}\n";
        let loaded =
            crate::load::load_bytes(std::path::Path::new("t.yaml"), yaml.as_bytes(), false)
                .unwrap();
        let derived = crate::ir::lower_api(&loaded, &Settings::default(), &mut Vec::new()).unwrap();
        let idents: Vec<&str> = derived.servers.iter().map(|s| s.ident.as_str()).collect();
        assert_eq!(idents, ["Api", "Sandbox"]);
        let settings = Settings::default().server_names(["live site", "Live"]);
        let named = crate::ir::lower_api(&loaded, &settings, &mut Vec::new()).unwrap();
        let idents: Vec<&str> = named.servers.iter().map(|s| s.ident.as_str()).collect();
        assert_eq!(idents, ["LiveSite", "Live"]);
    }

    #[test]
    fn placeholder_variables_are_derived_and_the_settings_replace_them() {
        let yaml = "openapi: 3.0.3\ninfo: {title: T, version: 1.0.0}\nservers:\n  - url: https://{site}.{region}.example.com\n    variables:\n      site: {default: demo}\n      region: {default: eu, enum: [eu, us]}\npaths: {}\n";
        let loaded =
            crate::load::load_bytes(std::path::Path::new("t.yaml"), yaml.as_bytes(), false)
                .unwrap();
        let placeholders = |settings: &Settings| -> Vec<String> {
            let api = crate::ir::lower_api(&loaded, settings, &mut Vec::new()).unwrap();
            api.server_variables
                .iter()
                .filter(|v| v.placeholder)
                .map(|v| v.name.clone())
                .collect()
        };
        assert_eq!(placeholders(&Settings::default()), ["site"]);
        let none: [&str; 0] = [];
        assert!(placeholders(&Settings::default().server_placeholders(none)).is_empty());
        assert_eq!(
            placeholders(&Settings::default().server_placeholders(["region"])),
            ["region"]
        );
    }
}
