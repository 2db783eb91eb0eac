//! The user's own code inside a generated crate: one module, `custom`, in `src/custom.rs` or
//! `src/custom/mod.rs`. apiforge never writes there (those files are not in the manifest, so
//! every generation keeps them, and `--check` ignores them); when one exists, the generated
//! `lib.rs` ends with the line that declares it, so regenerating keeps it compiled.
//!
//! Found on disk, not in the settings: creating the file is all it takes, and `--check`
//! expects the line exactly when a write would add it.

use std::path::Path;

use crate::emit::Files;

/// The module the user's code lives in.
pub const MODULE: &str = "custom";

/// The files that hold it, relative to the crate (either one).
pub const FILES: [&str; 2] = ["src/custom.rs", "src/custom/mod.rs"];

/// The lines ending `lib.rs` when the module exists.
pub const DECLARATION: &str = "\n/// Your own code (`src/custom.rs` or `src/custom/mod.rs`): apiforge declares it and never\n/// writes there.\npub mod custom;\n";

/// `files`, with the declaration of the user's module added to `src/lib.rs` when `dir` holds
/// it (and `files` has a `lib.rs`: a single-file build has none).
pub fn declare(dir: &Path, files: &Files) -> Files {
    let mut files = files.clone();
    let present = FILES.iter().any(|file| dir.join(file).is_file());
    if let Some(lib) = files.get_mut("src/lib.rs").filter(|_| present) {
        lib.push_str(DECLARATION);
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_is_added_only_when_the_module_exists() {
        let dir = std::env::temp_dir().join(format!("apiforge-user-code-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src/custom")).unwrap();
        let mut files = Files::new();
        files.insert("src/lib.rs".to_owned(), "pub mod a;\n".to_owned());
        assert_eq!(declare(&dir, &files)["src/lib.rs"], "pub mod a;\n");
        std::fs::write(dir.join("src/custom/mod.rs"), "//! Mine.\n").unwrap();
        let declared = declare(&dir, &files);
        assert!(declared["src/lib.rs"].ends_with("pub mod custom;\n"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
