//! Overlays, renames, replacements and derives (docs/CUSTOMIZING.md) through the whole
//! pipeline, on Chargebee's `resume_dunning` spec with settings files written beside a copy.

use std::path::PathBuf;

use apiforge::Settings;

fn spec() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec/resume_dunning.yaml")
}

/// A directory with a copy of the spec, `apiforge.toml` (Chargebee's settings, then `extra`)
/// and the overlay `fix.yaml`.
fn setup(extra: &str, overlay: &str) -> (tempfile::TempDir, PathBuf, Settings) {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("resume_dunning.yaml");
    std::fs::copy(spec(), &copy).expect("copy the spec");
    std::fs::write(dir.path().join("fix.yaml"), overlay).expect("write the overlay");
    let chargebee =
        std::fs::read_to_string(spec().with_file_name("apiforge.toml")).expect("settings");
    let toml = format!("overlays = [\"fix.yaml\"]\n{chargebee}\n{extra}");
    std::fs::write(dir.path().join("apiforge.toml"), toml).expect("write the settings");
    let settings = Settings::for_spec(&copy).expect("settings parse");
    (dir, copy, settings)
}

const SUMMARY: &str = "overlay: 1.0.0
info: {title: Chargebee fixes, version: 1.0.0}
actions:
  - target: $.paths['/invoices/{invoice-id}/resume_dunning'].post
    update:
      summary: Resume dunning for an invoice (from the overlay)
";

fn file<'g>(generated: &'g apiforge::Generated, name: &str) -> &'g str {
    generated
        .files
        .get(name)
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn an_overlay_changes_the_spec_before_generation() {
    let (_dir, copy, settings) = setup("", SUMMARY);
    assert_eq!(settings.overlays.len(), 1);
    assert!(settings.overlays[0].starts_with(_dir.path()));
    let generated = apiforge::generate(&copy, &settings).expect("generates");
    assert!(file(&generated, "src/invoices.rs")
        .contains("Resume dunning for an invoice (from the overlay)"));
}

#[test]
fn a_problem_an_overlay_brings_is_reported_at_the_overlay_line() {
    // The overlay adds a Swagger 2.0 style parameter, which load refuses: the error is in the
    // overlay's file, at the line of the value it wrote.
    let overlay = "overlay: 1.0.0
info: {title: Bad, version: 1.0.0}
actions:
  - target: $.paths['/invoices/{invoice-id}/resume_dunning'].post
    update:
      parameters:
        - name: note
          in: body
";
    let (_dir, copy, settings) = setup("", overlay);
    let error = apiforge::generate(&copy, &settings).expect_err("in: body is refused");
    let apiforge::Error::Spec(diagnostic) = error else {
        panic!("not a spec error: {error}");
    };
    assert!(diagnostic.file.ends_with("fix.yaml"), "{diagnostic}");
    assert_eq!(
        diagnostic.pointer.as_deref(),
        Some("#/actions/0/update/parameters/0/in")
    );
    assert_eq!(diagnostic.position.map(|(line, _)| line), Some(8));
}

#[test]
fn a_target_that_selects_nothing_fails_the_generation() {
    let overlay = "overlay: 1.0.0
info: {title: Stale, version: 1.0.0}
actions:
  - target: $.paths['/invoices/{id}/resume'].post
    remove: true
";
    let (_dir, copy, settings) = setup("", overlay);
    let error = apiforge::generate(&copy, &settings).expect_err("stale target");
    let text = error.to_string();
    assert!(text.contains("selects nothing in the spec"), "{text}");
    assert!(text.contains("fix.yaml"), "{text}");
}

#[test]
fn renames_replacements_derives_and_dependencies_reach_the_crate() {
    let extra = r#"
[rename.types]
Address = "PostalAddress"

[rename.operations]
resume_dunning = "resume_dunning_now"

[derive]
InvoiceNote = ["PartialOrd", "Ord"]

[replace]
InvoiceLineItem = { path = "money::LineItem", crate = "money", version = "0.1" }

[dependencies]
money = { path = "../money" }
"#;
    let (_dir, copy, settings) = setup(extra, SUMMARY);
    let generated = apiforge::generate(&copy, &settings).expect("generates");
    let types = file(&generated, "src/types.rs");
    assert!(types.contains("pub struct PostalAddress {"));
    assert!(!types.contains("pub struct Address {"));
    assert!(types.contains("pub billing_address: Option<PostalAddress>,"));
    assert!(types.contains("pub type InvoiceLineItem = money::LineItem;"));
    assert!(!types.contains("pub struct InvoiceLineItem {"));
    assert!(types.contains(
        "`{Self}` replaces the schema `InvoiceLineItem` but does not implement serde's `Serialize` and `Deserialize`"
    ));
    assert!(types.contains(
        "#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub struct InvoiceNote {"
    ));
    assert!(types.contains("impl Serialize for InvoiceNote {"));
    assert!(file(&generated, "src/invoices.rs").contains("pub async fn resume_dunning_now("));
    // `[dependencies]` wins over the `[replace]` entry's own crate and version.
    let manifest = file(&generated, "Cargo.toml");
    assert!(
        manifest.contains("money = { path = \"../money\" }"),
        "{manifest}"
    );
}

#[test]
fn diff_reports_a_rename_by_the_settings_as_a_rename() {
    let old = Settings::for_spec(&spec()).expect("settings");
    let new = old
        .clone()
        .rename_type("Address", "PostalAddress")
        .rename_operation("resume_dunning", "resume");
    let changelog = apiforge::diff_specs((&spec(), &old), (&spec(), &new)).expect("both lower");
    let markdown = changelog.to_markdown(&semver::Version::new(1, 0, 0));
    assert!(markdown.contains("renamed from `Address`"), "{markdown}");
    assert!(
        markdown.contains("renamed: `Client::resume_dunning` is now `Client::resume`"),
        "{markdown}"
    );
    assert!(!markdown.contains("removed model `Address`"), "{markdown}");
}

/// The overlay README.md shows, on Petstore 3 as published (`$PETSTORE_SPEC`, by default
/// `../shared/specs/petstore3.yaml` beside the checkout; skipped without it, as the
/// whole-client tests are).
#[test]
fn the_readme_overlay_makes_petstore_statuses_a_list() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let petstore = std::env::var_os("PETSTORE_SPEC").map_or_else(
        || root.join("../shared/specs/petstore3.yaml"),
        PathBuf::from,
    );
    if !petstore.is_file() {
        eprintln!("skipped: no Petstore 3 spec at {}", petstore.display());
        return;
    }
    let overlay = root.join("tests/fixtures/customize/petstore_fixes.yaml");
    let lower = |settings: &Settings| {
        let mut pipeline = apiforge::pipeline::Pipeline::new(settings);
        let loaded = pipeline.load(&petstore).expect("loads");
        let lowered = pipeline.lower(loaded).expect("lowers");
        let op = lowered
            .api
            .operations
            .iter()
            .find(|op| op.id == "findPetsByStatus")
            .cloned()
            .expect("findPetsByStatus");
        op.params
            .into_iter()
            .find(|p| p.name == "status")
            .expect("status")
    };
    let before = lower(&Settings::default());
    assert!(
        matches!(before.ty, apiforge::ir::TypeRef::Named(_)),
        "{:?}",
        before.ty
    );
    let after = lower(&Settings::default().overlay(overlay));
    assert!(
        matches!(after.ty, apiforge::ir::TypeRef::Array(_)),
        "{:?}",
        after.ty
    );
}

#[test]
fn the_readme_shows_the_tested_overlay() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let fixture =
        std::fs::read_to_string(root.join("tests/fixtures/customize/petstore_fixes.yaml"))
            .expect("the fixture");
    let overlay: String = fixture
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(
        readme.contains(&format!("```yaml\n{overlay}```")),
        "README.md's overlay differs from {overlay}"
    );
}

#[test]
fn a_hostile_schema_name_cannot_break_the_replacement_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let spec = dir.path().join("spec.yaml");
    std::fs::write(
        &spec,
        "openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      operationId: get_a
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Mo{Self}ney\"`'}
components:
  schemas:
    'Mo{Self}ney\"`': {type: object, properties: {cents: {type: integer}}}
",
    )
    .expect("write");
    let settings = Settings::default().replace(
        "Mo{Self}ney\"`",
        apiforge::settings::Replacement::Path("money::Money".into()),
    );
    let generated = apiforge::generate(&spec, &settings).expect("generates");
    let types = file(&generated, "src/types.rs");
    // Braces are escaped for rustc's message format; quotes and backticks stay in a string.
    assert!(
        types.contains(r#"replaces the schema `Mo{{Self}}ney\"`` but"#),
        "{types}"
    );
    assert!(
        types.contains("pub type MoSelfNey = money::Money;"),
        "{types}"
    );
}
