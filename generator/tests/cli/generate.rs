//! `generate` and `generate --check`: the crate written, staleness found and shown as a
//! diff, and bad input refused with exit 2 and its location, the previous output untouched.

use std::fs;

use crate::common::{apiforge, spec, text, tree};

#[test]
fn generate_then_check_then_detect_staleness() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("client");
    let out_str = out.to_str().expect("utf-8 path");
    let spec = spec();
    let spec_str = spec.to_str().expect("utf-8 path");

    let run = apiforge(&["generate", spec_str, "--out", out_str]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    for file in [
        "Cargo.toml",
        "README.md",
        "src/lib.rs",
        "src/invoices.rs",
        "docs/index.md",
        "docs/resume_dunning.md",
    ] {
        assert!(out.join(file).is_file(), "{file} missing");
    }

    let check = apiforge(&["generate", spec_str, "--out", out_str, "--check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(check.stdout.is_empty());

    let lib = out.join("src/lib.rs");
    let edited = fs::read_to_string(&lib).expect("lib.rs") + "// edited by hand\n";
    fs::write(&lib, edited).expect("edit");
    let stale = apiforge(&["generate", spec_str, "--out", out_str, "--check"]);
    assert_eq!(stale.status.code(), Some(1));
    let diff = text(&stale.stdout);
    assert!(
        diff.contains("--- a/src/lib.rs\n+++ b/src/lib.rs\n"),
        "{diff}"
    );
    assert!(diff.contains("\n-// edited by hand\n"), "{diff}");
    assert!(
        text(&stale.stderr).contains("is stale"),
        "{}",
        text(&stale.stderr)
    );
}

#[test]
fn yaml_and_json_specs_give_the_same_crate() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let yaml: serde_json::Value =
        serde_yaml::from_str(&fs::read_to_string(spec()).expect("spec")).expect("yaml");
    // Beside its settings file, as the YAML spec is.
    fs::copy(
        spec().with_file_name("apiforge.toml"),
        tmp.path().join("apiforge.toml"),
    )
    .expect("settings");
    let json_spec = tmp.path().join("resume_dunning.json");
    fs::write(
        &json_spec,
        serde_json::to_string_pretty(&yaml).expect("json"),
    )
    .expect("write");
    let from_yaml = tmp.path().join("a");
    let from_json = tmp.path().join("b");
    assert_eq!(
        apiforge(&[
            "generate",
            spec().to_str().unwrap(),
            "--out",
            from_yaml.to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        apiforge(&[
            "generate",
            json_spec.to_str().unwrap(),
            "--out",
            from_json.to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    assert_eq!(tree(&from_yaml), tree(&from_json));
}

#[test]
fn bad_specs_exit_2_with_location_and_leave_the_old_output_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    assert_eq!(
        apiforge(&[
            "generate",
            spec().to_str().unwrap(),
            "--out",
            out.to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    let before = tree(&out);

    let broken = tmp.path().join("broken.yaml");
    let source = fs::read_to_string(spec()).expect("spec").replace(
        "$ref: '#/components/schemas/Invoice'",
        "$ref: '#/components/schemas/Invoyce'",
    );
    fs::write(&broken, source).expect("write");
    let run = apiforge(&[
        "generate",
        broken.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = text(&run.stderr);
    assert!(
        stderr.starts_with("error: `$ref: #/components/schemas/Invoyce` points to nothing"),
        "{stderr}"
    );
    assert!(
        stderr.contains("broken.yaml:"),
        "file and line:column: {stderr}"
    );
    assert!(stderr.contains("at #/paths/~1invoices~1{invoice-id}~1resume_dunning/post/responses/200/content/application~1json/schema/properties/invoice"), "{stderr}");
    assert!(stderr.contains("help: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(tree(&out), before, "the previous output must be untouched");
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        leftovers.iter().all(|name| !name.contains("apiforge-")),
        "{leftovers:?}"
    );

    let missing = apiforge(&[
        "generate",
        "/nonexistent/spec.yaml",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr).contains("cannot read the spec"),
        "{}",
        text(&missing.stderr)
    );
}

/// Names derived from a long title and from an operation without an `operationId` stay valid:
/// the crate name fits crates.io (64 characters, acronyms whole), and every file name stays
/// far below what file systems allow (ShipStation's spec once failed with "File name too
/// long").
#[test]
fn long_titles_and_paths_derive_valid_crate_and_file_names() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let segments: String = (0..12)
        .map(|i| format!("/segment_number_{i}/{{value_{i}}}"))
        .collect();
    let parameters: String = (0..12)
        .map(|i| format!("        - {{name: value_{i}, in: path, required: true, schema: {{type: string}}}}\n"))
        .collect();
    let spec = format!(
        "openapi: 3.0.3\ninfo: {{title: 'U.S. EPA Enforcement and Compliance History Online (ECHO) - Clean Air Act APIs', version: 1.0.0}}\npaths:\n  '{segments}':\n    get:\n      parameters:\n{parameters}      responses:\n        '204': {{description: done}}\n"
    );
    let path = tmp.path().join("long.yaml");
    fs::write(&path, spec).expect("write");
    let out = tmp.path().join("out");
    let run = apiforge(&[
        "generate",
        path.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let manifest = fs::read_to_string(out.join("Cargo.toml")).expect("manifest");
    let name = manifest
        .lines()
        .find_map(|l| l.strip_prefix("name = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("a package name");
    assert!(name.len() <= 64 && name.starts_with("u-s-epa-"), "{name}");
    for (file, _) in tree(&out) {
        let stem = std::path::Path::new(&file).file_name().unwrap().len();
        assert!(stem <= 100, "{file}");
    }
}
