//! The command-line contract: `apiforge generate <SPEC> --out <DIR> [--check]`, exit 0 on
//! success, 1 when `--check` finds differences, 2 on bad input; output replaced whole or not
//! at all; a user's files never overwritten silently; every run saying what it wrote, changed
//! and removed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn apiforge(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_apiforge"))
        .args(args)
        .output()
        .expect("apiforge runs")
}

fn spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/resume_dunning.yaml")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

/// The files listed in `dir`'s manifest.
fn manifest(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join(".apiforge-manifest"))
        .expect("manifest")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in fs::read_dir(&current).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                out.push((relative, fs::read(&path).expect("file")));
            }
        }
    }
    out.sort();
    out
}

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

#[test]
fn a_foreign_directory_is_not_replaced_without_force() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path().join("home");
    fs::create_dir_all(&home).expect("mkdir");
    fs::write(home.join("thesis.tex"), "years of work").expect("write");
    let run = apiforge(&[
        "generate",
        spec().to_str().unwrap(),
        "--out",
        home.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("--force"),
        "{}",
        text(&run.stderr)
    );
    assert_eq!(
        tree(&home),
        vec![("thesis.tex".to_owned(), b"years of work".to_vec())]
    );
}

#[test]
fn force_names_each_file_of_the_user_it_overwrites() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mine = tmp.path().join("mine");
    fs::create_dir_all(mine.join("src")).expect("mkdir");
    fs::write(mine.join("Cargo.toml"), "[package]\nname = \"mine\"\n").expect("write");
    fs::write(mine.join("README.md"), "# my crate\n").expect("write");
    fs::write(mine.join("src/lib.rs"), "pub fn mine() {}\n").expect("write");
    fs::write(mine.join("notes.txt"), "notes\n").expect("write");
    let before = tree(&mine);
    let dir = mine.to_str().expect("utf-8 path");
    let spec = spec();
    let spec = spec.to_str().expect("utf-8 path");

    let refused = apiforge(&["generate", spec, "--out", dir]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        text(&refused.stderr),
        format!(
            "error: {dir} is not empty and holds no .apiforge-manifest, so apiforge did not write \
             it; refusing to write into it\n  generating would overwrite 3 files apiforge did not \
             write: Cargo.toml, README.md, src/lib.rs\n help: point --out at a new or empty \
             directory, or pass --force to write into it (each file it overwrites is named; every \
             other file is kept)\n"
        )
    );
    assert_eq!(tree(&mine), before, "refused means untouched");

    let forced = apiforge(&["generate", spec, "--out", dir, "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
    let written = manifest(&mine).len() + 1;
    assert_eq!(
        text(&forced.stderr),
        format!(
            "overwrote your Cargo.toml (not generated by apiforge)\n\
             overwrote your README.md (not generated by apiforge)\n\
             overwrote your src/lib.rs (not generated by apiforge)\n\
             wrote {written} files to {dir} ({} new, 3 changed), kept 1 file apiforge does not \
             generate\n",
            written - 3
        )
    );
    assert_eq!(
        fs::read_to_string(mine.join("notes.txt")).unwrap(),
        "notes\n"
    );

    let again = apiforge(&["generate", spec, "--out", dir]);
    assert_eq!(
        text(&again.stderr),
        format!(
            "wrote {written} files to {dir} ({written} unchanged), kept 1 file apiforge does not \
             generate\n"
        )
    );
}

#[test]
fn regenerating_another_spec_reports_what_changed_and_what_was_removed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let dir = out.to_str().expect("utf-8 path");
    let pets = fixture("features.yaml");
    let first = apiforge(&["generate", pets.to_str().unwrap(), "--out", dir]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let old_files = manifest(&out);
    assert!(
        text(&first.stderr).ends_with(&format!(
            "wrote {0} files to {dir} ({0} new)\n",
            old_files.len() + 1
        )),
        "{}",
        text(&first.stderr)
    );
    let old_tree = tree(&out);

    // What resume_dunning's crate is made of, generated elsewhere.
    let reference = tmp.path().join("reference");
    let spec = spec();
    let spec = spec.to_str().expect("utf-8 path");
    apiforge(&["generate", spec, "--out", reference.to_str().unwrap()]);
    let new_files = manifest(&reference);
    let stale: Vec<&String> = old_files
        .iter()
        .filter(|f| !new_files.contains(f))
        .collect();
    assert!(stale.contains(&&"src/pets.rs".to_owned()), "{stale:?}");
    let stale_list = stale
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ");

    let check = apiforge(&["generate", spec, "--out", dir, "--check"]);
    assert_eq!(check.status.code(), Some(1));
    let diff = text(&check.stdout);
    for file in &stale {
        assert!(
            diff.contains(&format!("--- a/{file}\n+++ /dev/null\n")),
            "{file}: {diff}"
        );
    }
    let stderr = text(&check.stderr);
    assert!(
        stderr.contains(&format!(
            "\nwould remove {} stale files: {stale_list}\n",
            stale.len()
        )),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(&format!(
            "{dir} is stale: regenerate it with `apiforge generate {spec} --out {dir}`\n"
        )),
        "{stderr}"
    );
    assert_eq!(tree(&out), old_tree, "--check writes nothing");

    let run = apiforge(&["generate", spec, "--out", dir]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let old: std::collections::BTreeMap<String, Vec<u8>> = old_tree.into_iter().collect();
    let (mut added, mut changed, mut unchanged) = (0, 0, 0);
    for (path, contents) in tree(&out) {
        match old.get(&path) {
            None => added += 1,
            Some(before) if *before != contents => changed += 1,
            Some(_) => unchanged += 1,
        }
    }
    assert!(
        added > 0 && changed > 0 && unchanged > 0,
        "{added} {changed} {unchanged}"
    );
    assert_eq!(
        text(&run.stderr),
        format!(
            "wrote {} files to {dir} ({added} new, {changed} changed, {unchanged} unchanged), \
             removed {} stale files: {stale_list}\n",
            new_files.len() + 1,
            stale.len()
        )
    );
    for file in &stale {
        assert!(!out.join(file).exists(), "{file} is stale");
    }
}

#[test]
fn a_file_the_user_added_is_not_overwritten_by_a_regeneration_without_force() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let dir = out.to_str().expect("utf-8 path");
    let spec = spec();
    let first = apiforge(&["generate", spec.to_str().unwrap(), "--out", dir]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let rd_files = manifest(&out);
    // The user's own module, where the next spec generates one.
    fs::write(out.join("src/pets.rs"), "// my pets\n").expect("write");
    let pets = fixture("features.yaml");
    let pets = pets.to_str().unwrap();

    let check = apiforge(&["generate", pets, "--out", dir, "--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stderr)
            .contains("\nwould overwrite 1 file apiforge did not write: src/pets.rs\n"),
        "{}",
        text(&check.stderr)
    );

    let refused = apiforge(&["generate", pets, "--out", dir]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).ends_with(&format!(
            "error: generating into {dir} would overwrite 1 file apiforge did not write (not in \
             its .apiforge-manifest): src/pets.rs\n help: move it away, or pass --force to \
             overwrite it (it is named as it is overwritten)\n"
        )),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(
        fs::read_to_string(out.join("src/pets.rs")).unwrap(),
        "// my pets\n"
    );
    assert!(out.join("src/invoices.rs").is_file(), "nothing changed");

    let forced = apiforge(&["generate", pets, "--out", dir, "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
    let stderr = text(&forced.stderr);
    assert!(
        stderr.contains("overwrote your src/pets.rs (not generated by apiforge)\nwrote "),
        "{stderr}"
    );
    let stale: Vec<String> = rd_files
        .iter()
        .filter(|f| !manifest(&out).contains(f))
        .cloned()
        .collect();
    assert!(stale.contains(&"src/invoices.rs".to_owned()), "{stale:?}");
    assert!(
        stderr.ends_with(&format!(
            ", removed {} stale files: {}\n",
            stale.len(),
            stale.join(", ")
        )),
        "{stderr}"
    );
    assert_ne!(
        fs::read_to_string(out.join("src/pets.rs")).unwrap(),
        "// my pets\n"
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
fn diff_exit_codes_say_whether_a_change_is_breaking() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let spec = spec();
    let same = apiforge(&["diff", spec.to_str().unwrap(), spec.to_str().unwrap()]);
    assert_eq!(same.status.code(), Some(0));
    assert!(text(&same.stdout).contains("No change for client users."));

    let source = fs::read_to_string(&spec).unwrap();
    let added = tmp.path().join("added.yaml");
    fs::write(
        &added,
        source.replace(
            "          - all-disabled\n",
            "          - all-disabled\n          - some-disabled\n",
        ),
    )
    .unwrap();
    let minor = apiforge(&["diff", spec.to_str().unwrap(), added.to_str().unwrap()]);
    assert_eq!(minor.status.code(), Some(0), "{}", text(&minor.stdout));
    assert!(
        text(&minor.stdout).contains("added value `some-disabled`"),
        "{}",
        text(&minor.stdout)
    );

    let renamed = tmp.path().join("renamed.yaml");
    fs::write(
        &renamed,
        source.replace("operationId: resume_dunning", "operationId: resume"),
    )
    .unwrap();
    let breaking = apiforge(&["diff", spec.to_str().unwrap(), renamed.to_str().unwrap()]);
    assert_eq!(breaking.status.code(), Some(1));
    assert!(
        text(&breaking.stdout).contains("**Breaking:** renamed"),
        "{}",
        text(&breaking.stdout)
    );

    let bad = apiforge(&["diff", spec.to_str().unwrap(), "/nonexistent.yaml"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn deps_prints_the_dependencies_block_generated_crates_declare() {
    use apiforge::emit::deps::{every, toml_block};
    // Without a spec: every dependency a client may need.
    let output = apiforge(&["deps"]);
    assert!(output.status.success());
    let printed = text(&output.stdout);
    assert_eq!(printed, toml_block(&every()));
    assert!(printed.contains("\nchrono = "), "{printed}");
    // With one: the lines its generated Cargo.toml carries; chrono only for an API with dates.
    let dated = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/features.yaml");
    for (spec, has_dates) in [(spec(), false), (dated, true)] {
        let output = apiforge(&["deps", spec.to_str().unwrap()]);
        assert!(output.status.success());
        let printed = text(&output.stdout);
        assert_eq!(printed.contains("\nchrono = "), has_dates, "{printed}");
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("client");
        assert!(apiforge(&[
            "generate",
            spec.to_str().unwrap(),
            "--out",
            out.to_str().unwrap()
        ])
        .status
        .success());
        let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap();
        // The whole `[dependencies]` table (the features follow it).
        let table: String = manifest
            .lines()
            .skip_while(|line| *line != "[dependencies]")
            .take_while(|line| !line.is_empty())
            .map(|line| format!("{line}\n"))
            .collect();
        assert_eq!(table, printed, "{manifest}");
    }
    let missing = apiforge(&["deps", "/nonexistent.yaml"]);
    assert_eq!(missing.status.code(), Some(2));
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
    let spec = fixture("../bad_specs/19-unsupported-body-media-type.yaml");
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
            && stderr.contains("is left out: no supported media type for the request body"),
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
