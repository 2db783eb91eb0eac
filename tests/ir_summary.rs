//! A compact summary of the IR of Chargebee's whole published spec (OpenAPI 3.1), pinned by
//! insta: a change in how apiforge reads a spec shows up here as a reviewable diff. And the
//! diff between the clients generated from two releases of that spec, pinned too: a type
//! that moves because something else was added or removed shows up there.
//!
//! The spec is read from `$CHARGEBEE_SPEC`, by default `../shared/specs/chargebee_api_v1_spec.json`
//! beside the checkout; the two releases from `$APIFORGE_SPECS_DIR`, by default that same
//! directory. Without them the tests are skipped, except in CI (`CI=true`), where they fail.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use apiforge::ir::{self, Api, PageStyle, ParamLocation, TypeRef};
use apiforge::load;
use apiforge::{generate, output, Settings};
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
            let from = match &p.style {
                PageStyle::NextToken { field } => field.dotted(),
                PageStyle::LastItemCursor { id, .. } => format!("last item's {}", id.name),
                PageStyle::LinkHeader => "Link rel=next".to_owned(),
                PageStyle::PageNumber { .. } => "page + 1".to_owned(),
            };
            let _ = writeln!(out, "  pages: {} <- {from}", p.param);
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
    let api = ir::lower_api(&loaded, &Settings::default(), &mut warnings)
        .expect("the Chargebee spec lowers");
    assert!(warnings.is_empty(), "unexpected warnings: {warnings:#?}");
    assert_eq!(api.operations.len(), 104);
    assert_eq!(api.webhooks.len(), 35);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(workspace_root().join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("chargebee_v1_ir_summary", summary(&api)));
}

/// The directory of the Chargebee releases: `$APIFORGE_SPECS_DIR`, by default
/// `../shared/specs` beside the checkout. `None` (skip) when a release is missing, except in
/// CI, where that fails.
fn releases() -> Option<(PathBuf, PathBuf)> {
    let dir = std::env::var_os("APIFORGE_SPECS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs"));
    let previous = dir.join("chargebee_api_v1_spec.2026-06-08.json");
    let current = dir.join("chargebee_api_v1_spec.json");
    for spec in [&previous, &current] {
        if !spec.is_file() {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "a Chargebee release is missing at {}",
                spec.display()
            );
            eprintln!(
                "skipped: no Chargebee release at {} (set APIFORGE_SPECS_DIR)",
                spec.display()
            );
            return None;
        }
    }
    Some((previous, current))
}

/// Lines added and removed per `.rs` file, read from a unified diff (`output::check`'s).
/// Hunk headers give how many lines each hunk spans, so content lines that look like file
/// headers (`+++ x`) are counted as content.
fn diff_stat(diff: &str) -> BTreeMap<String, (usize, usize)> {
    let mut stat: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut file = String::new();
    let (mut old_left, mut new_left) = (0usize, 0usize);
    let count = |range: &str| -> usize {
        // `-12,7` or `+3`: a missing length is 1.
        range[1..]
            .split_once(',')
            .map_or(Some(1), |(_, len)| len.parse().ok())
            .unwrap_or(0)
    };
    for line in diff.lines() {
        if old_left > 0 || new_left > 0 {
            let entry = stat.entry(file.clone()).or_default();
            match line.as_bytes().first() {
                Some(b'+') => {
                    entry.0 += 1;
                    new_left = new_left.saturating_sub(1);
                }
                Some(b'-') => {
                    entry.1 += 1;
                    old_left = old_left.saturating_sub(1);
                }
                _ => {
                    old_left = old_left.saturating_sub(1);
                    new_left = new_left.saturating_sub(1);
                }
            }
        } else if let Some(path) = line.strip_prefix("+++ ") {
            let path = path.strip_prefix("b/").unwrap_or(path);
            if path != "/dev/null" {
                file = path.to_owned();
            }
        } else if let Some(path) = line.strip_prefix("--- a/") {
            file = path.to_owned();
        } else if let Some(ranges) = line.strip_prefix("@@ ") {
            let mut parts = ranges.split(' ');
            old_left = parts.next().map_or(0, count);
            new_left = parts.next().map_or(0, count);
        }
    }
    stat.retain(|path, _| path.ends_with(".rs"));
    stat
}

/// Generates the client from the previous release, then diffs it against the client of the
/// current one. The spec change removes one operation (`update_payment_method`) and changes
/// a few others; whatever the generator does beyond that (types moving because the order
/// follows first use, say) shows up as lines removed and added elsewhere.
#[test]
fn chargebee_release_to_release_diff() {
    let Some((previous, current)) = releases() else {
        return;
    };
    let settings = Settings::default();
    let old = generate(&previous, &settings).expect("the previous release generates");
    let new = generate(&current, &settings).expect("the current release generates");
    let dir = tempfile::tempdir().expect("a temporary directory");
    output::write(dir.path(), &old.files, true).expect("the previous client is written");
    let diff = output::check(dir.path(), &new.files)
        .expect("the clients compare")
        .unwrap_or_default();
    let stat = diff_stat(&diff);
    let mut out = String::new();
    let (mut added, mut removed) = (0, 0);
    for (path, (plus, minus)) in &stat {
        let _ = writeln!(out, "{path}: +{plus} -{minus}");
        added += plus;
        removed += minus;
    }
    let _ = writeln!(out, "total: +{added} -{removed}");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(workspace_root().join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("chargebee_v1_release_diff", out));
}

#[test]
fn diff_stat_counts_hunk_lines_only() {
    let diff = "--- a/src/a.rs\n+++ b/src/a.rs\n@@ -1,3 +1,3 @@\n keep\n-old\n+++ new, looks like a header\n keep\n--- a/docs/x.md\n+++ b/docs/x.md\n@@ -1 +1 @@\n-a\n+b\n--- /dev/null\n+++ b/src/new.rs\n@@ -0,0 +1,2 @@\n+one\n+two\n";
    let stat = diff_stat(diff);
    let pairs: Vec<(&str, (usize, usize))> = stat.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(pairs, [("src/a.rs", (1, 1)), ("src/new.rs", (2, 0))]);
}

/// Chargebee's descriptions link into its reference with relative links
/// (`[type of currency](/docs/api/getting-started)`), which lead nowhere from rustdoc or
/// docs.rs: every one is resolved against its documentation host, from the settings
/// (`[docs] base-url`, as `spec/apiforge.toml` sets it) or else from the spec
/// (`info.contact.url`). rustdoc does not check URLs, so this is the check.
#[test]
fn chargebee_client_has_no_relative_links() {
    let Some(spec) = chargebee_spec() else { return };
    for (settings, host) in [
        (
            apiforge_tests::resume_dunning_settings(),
            "https://apidocs.chargebee.com/docs/",
        ),
        (Settings::default(), "https://www.chargebee.com/docs/"),
    ] {
        let generated = generate(&spec, &settings).expect("the Chargebee spec generates");
        let mut resolved = 0;
        for (path, text) in &generated.files {
            for relative in ["](/", "href=\"/"] {
                assert!(
                    !text.contains(relative),
                    "{path} has a relative link `{relative}`"
                );
            }
            resolved += text.matches(&format!("]({host}")).count();
        }
        assert!(resolved > 48, "{resolved} links to {host}");
    }
}
