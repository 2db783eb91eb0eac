//! A compact summary of the IR of Chargebee's whole published spec (OpenAPI 3.1), pinned by
//! insta: a change in how apiforge reads a spec shows up here as a reviewable diff.
//!
//! The spec is read from `$CHARGEBEE_SPEC`, by default `../shared/specs/chargebee_api_v1_spec.json`
//! beside the checkout. Without it the test is skipped, except in CI (`CI=true`), where it fails.

use std::fmt::Write as _;

use apiforge::ir::{self, Api, ParamLocation, TypeRef};
use apiforge::load;
use apiforge_tests::{chargebee_spec, workspace_root};

fn ty(t: &TypeRef) -> String {
    match t {
        TypeRef::String(format) => format!(
            "string{}",
            if matches!(format, ir::StringFormat::Base64) {
                "(base64)"
            } else {
                ""
            }
        ),
        TypeRef::Integer(format) => format!("{format:?}").to_lowercase(),
        TypeRef::Number => "number".into(),
        TypeRef::Boolean => "bool".into(),
        TypeRef::Named(name) => name.clone(),
        TypeRef::Array(inner) => format!("[{}]", ty(inner)),
        TypeRef::Map(inner) => format!("{{{}}}", ty(inner)),
        TypeRef::Any => "json".into(),
    }
}

fn summary(api: &Api) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} operations, {} types, {} webhooks",
        api.operations.len(),
        api.types.len(),
        api.webhooks.len()
    );
    for op in &api.operations {
        let _ = writeln!(
            out,
            "\n{} {}  {}::{}",
            op.method.as_str(),
            op.path,
            op.group,
            op.ident
        );
        for p in &op.params {
            // The seven chargebee-* headers repeat on every operation: summarized once below.
            if p.location == ParamLocation::Header && p.name.starts_with("chargebee-") {
                continue;
            }
            let place = format!("{:?}", p.location).to_lowercase();
            let _ = writeln!(
                out,
                "  {place} {}: {}{}",
                p.name,
                ty(&p.ty),
                if p.required { "" } else { "?" }
            );
        }
        let headers = op
            .params
            .iter()
            .filter(|p| p.location == ParamLocation::Header && p.name.starts_with("chargebee-"))
            .count();
        if headers > 0 {
            let _ = writeln!(out, "  header chargebee-*: {headers}");
        }
        if let Some(body) = &op.body {
            for f in &body.fields {
                let json = if body.json_fields.contains(&f.name) {
                    " (json)"
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "  body {}: {}{}{json}",
                    f.name,
                    ty(&f.ty),
                    if f.required { "" } else { "?" }
                );
            }
        }
        let responses: Vec<String> = op
            .responses
            .iter()
            .map(|r| match &r.body {
                Some(t) if r.status.is_success() => format!("{} {}", r.status.key(), ty(t)),
                _ => r.status.key(),
            })
            .collect();
        let _ = writeln!(out, "  -> {}", responses.join(", "));
        if let Some(p) = &op.pagination {
            let _ = writeln!(out, "  pages: {} <- {}", p.param, p.next_field);
        }
    }
    let _ = writeln!(
        out,
        "\nwebhooks (by {}):",
        api.webhook_discriminator.as_deref().unwrap_or("name")
    );
    for w in &api.webhooks {
        let _ = writeln!(
            out,
            "  {} -> {}",
            w.name,
            w.payload.as_ref().map_or_else(|| "json".to_owned(), ty)
        );
    }
    out
}

#[test]
fn chargebee_v1_ir_summary() {
    let Some(spec) = chargebee_spec() else { return };
    let loaded = load::load_file(&spec).expect("the Chargebee spec loads");
    let mut warnings = loaded.warnings.clone();
    let api = ir::lower(&loaded, &mut warnings).expect("the Chargebee spec lowers");
    assert!(warnings.is_empty(), "unexpected warnings: {warnings:#?}");
    assert_eq!(api.operations.len(), 104);
    assert_eq!(api.webhooks.len(), 35);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(workspace_root().join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("chargebee_v1_ir_summary", summary(&api)));
}
