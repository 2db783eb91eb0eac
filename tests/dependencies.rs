//! The generated crates' dependencies stay current and in one place.
//!
//! Policy: `apiforge::emit::deps::DEPENDENCIES` is the one list. The runtime crate
//! (`runtime/Cargo.toml`, compiled and tested in CI) declares exactly it, so what CI builds is
//! what users get; and no crate of this workspace may resolve a newer major version of any of
//! them than the generated crates ask for, so bumping a dependency anywhere here (a test, the
//! example) fails until the generated crates follow.

use apiforge::emit::deps::{
    for_build_script, Dependency, CHRONO, DEPENDENCIES, TLS_FEATURES, WEBHOOK_SIGNATURES,
};
use apiforge_tests::workspace_root;

fn read(path: &str) -> String {
    std::fs::read_to_string(workspace_root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The lines of a manifest's `[dependencies]` table.
fn dependency_lines(manifest: &str) -> Vec<String> {
    manifest
        .lines()
        .skip_while(|line| line.trim() != "[dependencies]")
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// A dependency line of the runtime's manifest as a generated crate writes it: without the
/// `optional = true` that lets apiforge depend on the runtime without building its
/// dependencies (they are its `client` feature's); `None` for a line that is not optional.
fn required(line: &str) -> Option<String> {
    let line = line.strip_suffix(", optional = true }")?;
    // `name = { version = "1"` alone is the short form, `name = "1"`.
    Some(match line.split_once(" = { version = ") {
        Some((name, version)) if !version.contains(',') => format!("{name} = {version}"),
        _ => format!("{line} }}"),
    })
}

#[test]
fn the_runtime_crate_declares_exactly_the_generated_dependencies() {
    let expected: Vec<String> = DEPENDENCIES.iter().map(|d| d.toml_line()).collect();
    // What the runtime declares, each optional: a dependency optional in generated crates
    // too (rustls, for `rustls-ring`) the same.
    let as_required = |d: &Dependency| Dependency {
        optional: false,
        ..*d
    };
    let runtime: Vec<Option<String>> = dependency_lines(&read("runtime/Cargo.toml"))
        .iter()
        .map(|line| required(line))
        .collect();
    // The runtime compiles its webhook signatures too, which only some generated crates
    // carry.
    let mut runtime_needs: Vec<Dependency> = DEPENDENCIES.to_vec();
    runtime_needs.extend_from_slice(WEBHOOK_SIGNATURES);
    runtime_needs.sort_by_key(|d| d.name);
    let expected_optional: Vec<Option<String>> = runtime_needs
        .iter()
        .map(|d| Some(as_required(d).toml_line()))
        .collect();
    assert_eq!(runtime, expected_optional, "every one optional");
    // A build.rs crate declares what `apiforge deps` prints.
    let build_script: Vec<String> = for_build_script(DEPENDENCIES)
        .iter()
        .map(Dependency::toml_line)
        .collect();
    assert_eq!(
        dependency_lines(&read("examples/build-time/Cargo.toml")),
        build_script
    );
    assert_eq!(dependency_lines(&read("generated/Cargo.toml")), expected);
}

#[test]
fn the_runtime_crate_offers_the_generated_tls_features() {
    let manifest = read("runtime/Cargo.toml");
    for feature in TLS_FEATURES {
        // The runtime's reqwest is optional (its `client` feature), hence `reqwest?/`.
        let line = feature.toml_line().replace("\"reqwest/", "\"reqwest?/");
        assert!(manifest.contains(&format!("\n{line}\n")), "{line}");
    }
    let generated = read("generated/Cargo.toml");
    for feature in TLS_FEATURES {
        assert!(
            generated.contains(&format!("\n{}\n", feature.toml_line())),
            "{}",
            feature.name
        );
    }
}

#[test]
fn no_generated_dependency_is_a_major_version_behind_the_lockfile() {
    let lock = read("Cargo.lock");
    let mut behind = Vec::new();
    for dependency in DEPENDENCIES
        .iter()
        .chain([&CHRONO])
        .chain(WEBHOOK_SIGNATURES)
    {
        let requirement = semver::VersionReq::parse(dependency.version).expect("a requirement");
        let floor = semver::Version::parse(&match dependency.version.matches('.').count() {
            0 => format!("{}.0.0", dependency.version),
            1 => format!("{}.0", dependency.version),
            _ => dependency.version.to_owned(),
        })
        .expect("a version");
        let mut lines = lock.lines();
        while let Some(line) = lines.next() {
            if line != format!("name = \"{}\"", dependency.name) {
                continue;
            }
            let Some(version) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            else {
                continue;
            };
            let version = semver::Version::parse(version).expect("a locked version");
            if !requirement.matches(&version) && version > floor {
                behind.push(format!(
                    "{} {} is locked, generated crates ask for {}",
                    dependency.name, version, dependency.version
                ));
            }
        }
    }
    assert!(
        behind.is_empty(),
        "generated dependencies fell behind: {behind:?}"
    );
}
