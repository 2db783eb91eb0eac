//! The user's own module in a generated crate (`src/custom.rs` or `src/custom/mod.rs`): kept
//! by every regeneration, declared in `lib.rs` while it exists, and not a difference for
//! `--check`.

use std::fs;

use crate::common::{apiforge, manifest, spec, text};

#[test]
fn a_custom_module_is_kept_declared_and_up_to_date() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("client");
    let dir = out.to_str().expect("utf-8 path");
    let spec = spec();
    let spec = spec.to_str().expect("utf-8 path");
    let first = apiforge(&["generate", spec, "--out", dir]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let lib = fs::read_to_string(out.join("src/lib.rs")).expect("lib.rs");
    assert!(
        !lib.contains("mod custom"),
        "no module until the user writes one"
    );

    let mine = "//! Mine.\n\n/// Twice `n`.\npub fn twice(n: u32) -> u32 {\n    n * 2\n}\n";
    fs::create_dir_all(out.join("src/custom")).expect("mkdir");
    fs::write(out.join("src/custom/mod.rs"), mine).expect("write");
    // Before regenerating, `lib.rs` lacks the line: `--check` says so.
    let stale = apiforge(&["generate", spec, "--out", dir, "--check"]);
    assert_eq!(stale.status.code(), Some(1), "{}", text(&stale.stderr));
    assert!(
        text(&stale.stdout).contains("+pub mod custom;"),
        "{}",
        text(&stale.stdout)
    );

    let again = apiforge(&["generate", spec, "--out", dir]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    assert!(
        text(&again.stderr).contains("kept 1 file apiforge does not generate"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(
        fs::read_to_string(out.join("src/custom/mod.rs")).expect("kept"),
        mine
    );
    let lib = fs::read_to_string(out.join("src/lib.rs")).expect("lib.rs");
    assert!(lib.ends_with("pub mod custom;\n"), "{lib}");
    assert!(
        !manifest(&out).iter().any(|f| f.contains("custom")),
        "never apiforge's file"
    );

    let check = apiforge(&["generate", spec, "--out", dir, "--check"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}{}",
        text(&check.stdout),
        text(&check.stderr)
    );

    // Removing it removes the line on the next generation, so the crate still compiles.
    fs::remove_dir_all(out.join("src/custom")).expect("rm");
    let last = apiforge(&["generate", spec, "--out", dir]);
    assert_eq!(last.status.code(), Some(0), "{}", text(&last.stderr));
    let lib = fs::read_to_string(out.join("src/lib.rs")).expect("lib.rs");
    assert!(!lib.contains("mod custom"), "{lib}");
}
