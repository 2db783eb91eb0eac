//! Generation settings, as flags or in the settings file beside the spec: crate name,
//! version and templates, the idempotency header, unknown keys, and `--strict`.

use std::fs;
use std::path::Path;

use crate::common::{apiforge, fixture, spec, text};

#[test]
fn crate_name_version_and_templates_can_be_chosen() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let templates = tmp.path().join("templates");
    fs::create_dir_all(&templates).expect("mkdir");
    fs::write(
        templates.join("README.md.j2"),
        "# {{ krate.name }} {{ krate.version }}: {{ operations | length }} operation(s)\n",
    )
    .expect("write");
    let out = tmp.path().join("out");
    let run = apiforge(&[
        "generate",
        spec().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--crate-name",
        "cb-billing",
        "--crate-version",
        "3.1.4",
        "--templates",
        templates.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert_eq!(
        fs::read_to_string(out.join("README.md")).unwrap(),
        "# cb-billing 3.1.4: 1 operation(s)\n"
    );
    let manifest = fs::read_to_string(out.join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains("name = \"cb-billing\"\nversion = \"3.1.4\""),
        "{manifest}"
    );
    assert!(fs::read_to_string(out.join("src/lib.rs"))
        .unwrap()
        .contains("use cb_billing::"));

    let bad = apiforge(&[
        "generate",
        spec().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--crate-version",
        "two",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("`two` is not a semver version"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn the_idempotency_header_setting_adds_keys_to_writes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let spec = spec();
    let run = apiforge(&[
        "generate",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--idempotency-header",
        "Chargebee-Idempotency-Key",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let invoices = fs::read_to_string(out.join("src/invoices.rs")).unwrap();
    assert!(
        invoices.contains("pub idempotency_key: Option<String>,"),
        "a field for the caller's key"
    );
    // Whether the call is retried with the key is pinned on the wire by tests/e2e_faults.rs.
    assert!(
        invoices.contains("\"chargebee-idempotency-key\"")
            && !invoices.contains("Chargebee-Idempotency-Key"),
        "sent lowercased"
    );

    // The same spec with no settings file beside it: no header, no key.
    let bare = tmp.path().join("resume_dunning.yaml");
    fs::copy(&spec, &bare).expect("copy");
    let without = tmp.path().join("without");
    assert_eq!(
        apiforge(&[
            "generate",
            bare.to_str().unwrap(),
            "--out",
            without.to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    let invoices = fs::read_to_string(without.join("src/invoices.rs")).unwrap();
    assert!(!invoices.contains("idempotency_key"));

    let bad = apiforge(&[
        "generate",
        spec.to_str().unwrap(),
        "--out",
        without.to_str().unwrap(),
        "--idempotency-header",
        "bad header",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("not a valid HTTP header name"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn the_settings_file_beside_the_spec_is_read_and_flags_override_it() {
    // spec/apiforge.toml names the idempotency header: no flag needed to reproduce generated/.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    let output = apiforge(&[
        "generate",
        spec().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let generated = std::fs::read_to_string(out.join("src/invoices.rs")).unwrap();
    assert!(
        generated.contains("\"chargebee-idempotency-key\""),
        "the file's header is used"
    );
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated/src/invoices.rs"),
    )
    .unwrap();
    assert_eq!(generated, committed);

    // An explicit --config replaces the one beside the spec; a flag beats both.
    let config = dir.path().join("other.toml");
    std::fs::write(
        &config,
        "[crate]\nname = \"from-config\"\n\n[client]\nidempotency-header = \"idempotency-key\"\n",
    )
    .unwrap();
    let out = dir.path().join("configured");
    let output = apiforge(&[
        "generate",
        spec().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--crate-name",
        "from-flag",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap();
    assert!(manifest.contains("name = \"from-flag\""), "{manifest}");
    let invoices = std::fs::read_to_string(out.join("src/invoices.rs")).unwrap();
    assert!(
        invoices.contains("\"idempotency-key\"") && !invoices.contains("chargebee-idempotency-key")
    );
}

#[test]
fn an_unknown_settings_key_is_an_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("apiforge.toml");
    std::fs::write(&config, "[client]\nidempotency_header = \"x\"\n").unwrap();
    let out = dir.path().join("client");
    let output = apiforge(&[
        "generate",
        spec().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("unknown field `idempotency_header`"),
        "{stderr}"
    );
    assert!(stderr.contains("apiforge.toml:2:1"), "{stderr}");
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn an_operation_apiforge_cannot_express_is_left_out_unless_strict() {
    let spec = fixture("../bad_specs/19-request-body-without-media-type.yaml");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    let output = apiforge(&[
        "generate",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("warning: operation `")
            && stderr.contains("is left out: the request body documents no media type"),
        "{stderr}"
    );
    // The rest of the crate is there; with --strict nothing is written and the exit is 2.
    assert!(out.join("src/lib.rs").is_file());
    let strict_out = dir.path().join("strict");
    let output = apiforge(&[
        "generate",
        spec.to_str().unwrap(),
        "--out",
        strict_out.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("without --strict, the operation is left out with a warning")
    );
    assert!(!strict_out.exists());
}
