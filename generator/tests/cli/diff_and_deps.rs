//! The `diff` and `deps` commands.

use std::fs;
use std::path::Path;

use crate::common::{apiforge, spec, text};

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
    use apiforge::emit::deps::{
        every, for_build_script, toml_block, Dependency, WEBHOOK_SIGNATURES,
    };
    // Without a spec: every dependency a client may need, as a crate generating it in
    // build.rs declares them (reqwest with a TLS stack, no `rustls-ring`-only rustls).
    let output = apiforge(&["deps"]);
    assert!(output.status.success());
    let printed = text(&output.stdout);
    assert_eq!(printed, toml_block(&for_build_script(&every())));
    assert!(printed.contains("\nchrono = "), "{printed}");
    // With one: the lines its generated Cargo.toml carries; chrono only for an API with dates.
    let dated = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden/features.yaml");
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
        // The crate's own: reqwest without a TLS stack (its features choose one), and the
        // optional rustls of `rustls-ring`; no webhook signatures' crates, with no
        // `[webhooks]` settings.
        let generated: Vec<Dependency> = every()
            .into_iter()
            .filter(|d| has_dates || d.name != "chrono")
            .filter(|d| !WEBHOOK_SIGNATURES.contains(d))
            .collect();
        assert_eq!(table, toml_block(&generated), "{manifest}");
        assert_eq!(printed, toml_block(&for_build_script(&generated)));
    }
    let missing = apiforge(&["deps", "/nonexistent.yaml"]);
    assert_eq!(missing.status.code(), Some(2));
}

/// `diff` lowers each spec with the settings `generate` would use, so a change is judged by
/// the client it makes: a timestamp losing `format: date-time` changes a field's type from
/// `DateTime<Utc>` to `String` (breaking), unless `[types] dates = "string"` already keeps
/// dates as text (no change at all).
#[test]
fn diff_reads_the_settings_file_as_generate_does() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let spec = |format: &str| {
        format!(
            "openapi: 3.0.3\ninfo: {{title: Clock, version: 1.0.0}}\npaths:\n  /now:\n    get:\n      operationId: now\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                required: [at]\n                properties:\n                  at: {{type: string{format}}}\n"
        )
    };
    let (old, new) = (tmp.path().join("old.yaml"), tmp.path().join("new.yaml"));
    fs::write(&old, spec(", format: date-time")).unwrap();
    fs::write(&new, spec("")).unwrap();
    let args = [
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--crate-version",
        "1.0.0",
    ];
    let chrono = apiforge(&args);
    assert_eq!(chrono.status.code(), Some(1), "{}", text(&chrono.stdout));
    assert!(
        text(&chrono.stdout).contains("**Breaking:**"),
        "{}",
        text(&chrono.stdout)
    );

    // The settings file beside both specs, as `generate` reads it.
    fs::write(
        tmp.path().join("apiforge.toml"),
        "[types]\ndates = \"string\"\n",
    )
    .unwrap();
    let text_dates = apiforge(&args);
    assert_eq!(
        text_dates.status.code(),
        Some(0),
        "{}",
        text(&text_dates.stdout)
    );
    assert!(
        text(&text_dates.stdout).contains("No change for client users."),
        "{}",
        text(&text_dates.stdout)
    );

    // --config names the file for both specs, whatever sits beside them.
    fs::remove_file(tmp.path().join("apiforge.toml")).unwrap();
    let config = tmp.path().join("settings.toml");
    fs::write(&config, "[types]\ndates = \"string\"\n").unwrap();
    let mut with_config = args.to_vec();
    with_config.extend(["--config", config.to_str().unwrap()]);
    let configured = apiforge(&with_config);
    assert_eq!(
        configured.status.code(),
        Some(0),
        "{}",
        text(&configured.stdout)
    );

    // A broken settings file is bad input, as for `generate`.
    fs::write(&config, "[types]\ndates = \"time\"\n").unwrap();
    let broken = apiforge(&with_config);
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        text(&broken.stderr).contains("settings.toml:2:9"),
        "{}",
        text(&broken.stderr)
    );
}
