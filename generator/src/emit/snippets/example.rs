//! Usage examples: one per operation, compiled as a doctest in the crate and shown in the
//! Markdown docs, so the docs cannot show code that does not compile.

use crate::emit::CrateInfo;
use crate::ir::{Api, Operation, RequestField, StringFormat, TypeKind, TypeRef};

/// Where an example is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExampleForm {
    /// A doctest that builds its client (the crate docs): the wrapping `async fn` is hidden
    /// (`# ` lines, as rustdoc shows it).
    Doctest,
    /// A doctest on the operation's method: the client is given (the crate docs show how to
    /// build one), so the example is only the call.
    MethodDoctest,
    /// Markdown docs: whole, shown in full.
    Markdown,
}

/// Rust code calling `op`, in the given form.
pub fn usage_example(api: &Api, krate: &CrateInfo, op: &Operation, form: ExampleForm) -> String {
    let doctest = form != ExampleForm::Markdown;
    let lib = &krate.lib;
    let server = api.servers.first();
    let has_variables = server.is_some_and(|s| !s.variables.is_empty());
    let mut crate_items = vec!["Client"];
    if server.is_some() {
        crate_items.push("Server");
    }
    if has_variables {
        crate_items.push("ServerVariables");
    }
    if api.auth.is_some() {
        crate_items.push("Credentials");
    }
    crate_items.sort_unstable();

    let mut body: Vec<String> = Vec::new();
    if form != ExampleForm::MethodDoctest {
        body.extend(client_lines(api, op));
    }

    let fields: Vec<RequestField<'_>> = op.request_fields().collect();
    let request_name = op
        .request
        .as_ref()
        .map(|r| r.ident.clone())
        .unwrap_or_default();
    let mut uses_types = false;
    let takes_request = op.request.is_some();
    if let Some(request) = &op.request {
        if request.has_default {
            let shown = fields.iter().find(|f| {
                matches!(f, RequestField::Body(_))
                    && *f.ty() == TypeRef::String(StringFormat::Plain)
            });
            match shown {
                Some(field) => {
                    let value = if field.is_tristate() {
                        // A three-state field: set, as opposed to left out or `null`.
                        format!("{lib}::Nullable::Value(\"example\".to_owned())")
                    } else if field.required() {
                        "\"example\".to_owned()".to_owned()
                    } else {
                        "Some(\"example\".to_owned())".to_owned()
                    };
                    body.push(format!("let request = {request_name} {{"));
                    body.push(format!("    {}: {value},", field.ident()));
                    body.push(format!("    ..{request_name}::default()"));
                    body.push("};".to_owned());
                }
                None => body.push(format!("let request = {request_name}::default();")),
            }
        } else {
            // The constructor takes the required fields in order.
            let args: Vec<String> = fields
                .iter()
                .filter(|f| !f.is_option())
                .map(|f| match f.ty() {
                    // It takes `impl Into<String>`.
                    TypeRef::String(StringFormat::Plain | StringFormat::Base64) => {
                        "\"example\"".to_owned()
                    }
                    TypeRef::String(StringFormat::File) => {
                        format!("{lib}::Upload::new(b\"example\".to_vec())")
                    }
                    ty => value_expr(api, ty, &mut uses_types),
                })
                .collect();
            let one_line = format!("let request = {request_name}::new({});", args.join(", "));
            if one_line.len() <= 96 {
                body.push(one_line);
            } else {
                body.push(format!("let request = {request_name}::new("));
                body.extend(args.iter().map(|a| format!("    {a},")));
                body.push(");".to_owned());
            }
        }
    }
    let mut args: Vec<String> = op
        .path_params()
        .map(|p| {
            let value = p
                .constraints
                .example
                .as_deref()
                .and_then(|e| serde_json::from_str::<String>(e).ok())
                .unwrap_or_else(|| p.name.clone());
            format!("{value:?}")
        })
        .collect();
    if takes_request {
        args.push("&request".to_owned());
    }
    let call = format!(
        "{}({}).await?;",
        op.call_on("client", &op.call_ident),
        args.join(", ")
    );
    if form == ExampleForm::MethodDoctest {
        // The call is the point here; the crate docs show a response in use.
        body.push(call);
    } else if op.success_responses().any(|r| r.body.is_some()) {
        body.push(format!("let response = {call}"));
        body.push("println!(\"{response:?}\");".to_owned());
    } else {
        body.push(call);
    }

    let mut out = if form == ExampleForm::MethodDoctest {
        String::new()
    } else {
        match crate_items.as_slice() {
            [one] => format!("use {lib}::{one};\n"),
            _ => format!("use {lib}::{{{}}};\n", crate_items.join(", ")),
        }
    };
    if takes_request {
        out.push_str(&format!("use {lib}::{}::{request_name};\n", op.group));
    }
    if uses_types {
        out.push_str(&format!("use {lib}::types;\n"));
    }
    if !out.is_empty() && form != ExampleForm::MethodDoctest {
        out.push('\n');
    }
    let signature = if form == ExampleForm::MethodDoctest {
        format!(
            "async fn example(client: &{lib}::Client) -> Result<(), Box<dyn std::error::Error>> {{"
        )
    } else {
        "async fn example() -> Result<(), Box<dyn std::error::Error>> {".to_owned()
    };
    if doctest {
        out.push_str(&format!("# {signature}\n"));
        for line in &body {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str("# Ok(())\n# }");
    } else {
        out.push_str(&signature);
        out.push('\n');
        for line in &body {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str("    Ok(())\n}");
    }
    out
}

/// The lines that build a client for the first server, with credentials `op` accepts.
fn client_lines(api: &Api, op: &Operation) -> Vec<String> {
    let credentials = super::security::example_credentials(api, op);
    let Some(server) = api.servers.first() else {
        let mut lines = vec![
            "let client = Client::builder()".to_owned(),
            "    .base_url(\"https://api.example.com\")".to_owned(),
        ];
        if let Some(credentials) = credentials {
            lines.push(format!("    .credentials({credentials})"));
        }
        lines.push("    .build()?;".to_owned());
        return lines;
    };
    let mut server_lines = Vec::new();
    if server.variables.is_empty() {
        server_lines.push(format!("Server::{}", server.ident));
    } else {
        let free = api
            .server_variables
            .iter()
            .find(|v| v.values.is_empty() && server.variables.contains(&v.name));
        match free {
            Some(variable) => {
                server_lines.push(format!("Server::{}(ServerVariables {{", server.ident));
                server_lines.push(format!(
                    "    {}: {:?}.to_owned(),",
                    variable.field, variable.default
                ));
                server_lines.push("    ..ServerVariables::default()".to_owned());
                server_lines.push("})".to_owned());
            }
            None => server_lines.push(format!(
                "Server::{}(ServerVariables::default())",
                server.ident
            )),
        }
    }
    if credentials.is_none() && server_lines.len() == 1 {
        return vec![format!("let client = Client::new({})?;", server_lines[0])];
    }
    let mut lines = vec!["let client = Client::new(".to_owned()];
    let last = server_lines.len() - 1;
    for (i, line) in server_lines.iter().enumerate() {
        lines.push(format!("    {line}{}", if i == last { "," } else { "" }));
    }
    if let Some(credentials) = credentials {
        lines.push(format!("    {credentials},"));
    }
    lines.push(")?;".to_owned());
    lines
}

/// A value expression of `ty` for a required field in an example.
fn value_expr(api: &Api, ty: &TypeRef, uses_types: &mut bool) -> String {
    value_at(api, ty, uses_types, 0)
}

/// How deeply an example builds the alternative of a union (a struct in a union in a
/// struct...) before it gives up on a real value.
const MAX_EXAMPLE_DEPTH: usize = 4;

fn value_at(api: &Api, ty: &TypeRef, uses_types: &mut bool, depth: usize) -> String {
    match ty {
        TypeRef::String(StringFormat::DateTime) => "\"2026-01-01T00:00:00Z\".parse()?".into(),
        TypeRef::String(StringFormat::Date) => "\"2026-01-01\".parse()?".into(),
        TypeRef::String(StringFormat::Binary) => "Vec::new()".into(),
        TypeRef::String(StringFormat::File) => "Vec::new().into()".into(),
        TypeRef::String(_) => "\"example\".to_owned()".into(),
        TypeRef::Integer(_) => "0".into(),
        TypeRef::Number => "0.0".into(),
        TypeRef::Boolean => "false".into(),
        TypeRef::Array(_) => "Vec::new()".into(),
        TypeRef::Map(_) => "Default::default()".into(),
        TypeRef::Any => "serde_json::Value::Null".into(),
        TypeRef::Named(name) => match api.type_def(name).map(|t| &t.kind) {
            Some(TypeKind::Enum { values, .. }) if !values.is_empty() => {
                *uses_types = true;
                format!("types::{name}::{}", values[0].ident)
            }
            // A union has no `Default`: its first alternative, built.
            Some(TypeKind::Union { variants, .. }) if depth < MAX_EXAMPLE_DEPTH => {
                match variants.first() {
                    Some(first) => {
                        *uses_types = true;
                        let inner = match &first.ty {
                            TypeRef::String(StringFormat::Plain | StringFormat::Base64) => {
                                "\"example\".to_owned()".to_owned()
                            }
                            ty => built_value(api, ty, uses_types, depth + 1),
                        };
                        format!("types::{name}::{}({inner})", first.ident)
                    }
                    None => "Default::default()".into(),
                }
            }
            // A struct with required fields has no `Default` either (OpenAI's request bodies
            // holding one): written out.
            Some(TypeKind::Struct { fields, .. })
                if depth < MAX_EXAMPLE_DEPTH && !fields.iter().all(|f| f.is_option()) =>
            {
                built_value(api, ty, uses_types, depth + 1)
            }
            _ => "Default::default()".into(),
        },
    }
}

/// A value of `ty` where `Default` may be missing: a struct with required fields written
/// out, its optional fields `None`.
fn built_value(api: &Api, ty: &TypeRef, uses_types: &mut bool, depth: usize) -> String {
    let TypeRef::Named(name) = ty else {
        return value_at(api, ty, uses_types, depth);
    };
    let Some(TypeKind::Struct { fields, additional }) = api.type_def(name).map(|t| &t.kind) else {
        return value_at(api, ty, uses_types, depth);
    };
    if fields.iter().all(|f| f.is_option()) || depth >= MAX_EXAMPLE_DEPTH {
        return "Default::default()".into();
    }
    *uses_types = true;
    let mut parts: Vec<String> = fields
        .iter()
        .map(|f| {
            let value = if f.is_option() {
                "None".to_owned()
            } else {
                let value = built_value(api, &f.ty, uses_types, depth + 1);
                if f.boxed {
                    format!("Box::new({value})")
                } else {
                    value
                }
            };
            format!("{}: {value}", f.ident)
        })
        .collect();
    if additional.is_some() {
        // The flattened map's field, named as the struct emission names it (a test builds
        // these examples in whole clients).
        let mut field = "additional_properties".to_owned();
        while fields.iter().any(|f| f.ident == field) {
            field.push('_');
        }
        parts.push(format!("{field}: Default::default()"));
    }
    format!("types::{name} {{ {} }}", parts.join(", "))
}
