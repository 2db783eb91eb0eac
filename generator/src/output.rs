//! Putting generated files on disk, all or nothing, and comparing them with what is there.
//!
//! The output directory is replaced by a rename: files are written to a fresh sibling
//! directory, and only when every write succeeded does it take the old directory's place.
//! A crash or error at any point leaves the old output as it was. A manifest records which
//! files apiforge owns: files it did not write are carried over, never deleted, and a
//! non-empty directory without a manifest is not touched unless the caller forces it.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use similar::TextDiff;

use crate::emit::Files;
use crate::Error;

/// The file, inside the output directory, that lists the files apiforge wrote.
pub const MANIFEST: &str = ".apiforge-manifest";

const MANIFEST_HEADER: &str =
    "# Files written by apiforge. It replaces them on every run and keeps any other file.\n";

/// `files` plus the manifest that lists them.
pub fn with_manifest(files: &Files) -> Files {
    let mut all = files.clone();
    let mut manifest = String::from(MANIFEST_HEADER);
    for path in files.keys() {
        manifest.push_str(path);
        manifest.push('\n');
    }
    all.insert(MANIFEST.to_owned(), manifest);
    all
}

/// The files a previous run listed in `dir`'s manifest; `None` when there is no manifest.
fn owned_files(dir: &Path) -> Option<BTreeSet<String>> {
    let text = fs::read_to_string(dir.join(MANIFEST)).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

/// Compares `dir` with `files` (manifest included). `None` when identical; otherwise a
/// unified diff from what is on disk to what would be written.
pub fn check(dir: &Path, files: &Files) -> Result<Option<String>, Error> {
    let files = with_manifest(files);
    let mut diff = String::new();
    for (path, new) in &files {
        let full = dir.join(path);
        let old = match fs::read(&full) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(Error::Io {
                    action: "cannot read",
                    path: full,
                    source,
                })
            }
        };
        if &old != new {
            let exists = full.exists();
            let text_diff = TextDiff::from_lines(&old, new);
            let from = if exists {
                format!("a/{path}")
            } else {
                "/dev/null".to_owned()
            };
            diff.push_str(
                &text_diff
                    .unified_diff()
                    .context_radius(3)
                    .header(&from, &format!("b/{path}"))
                    .to_string(),
            );
        }
    }
    for stale in owned_files(dir).unwrap_or_default() {
        if !files.contains_key(&stale) {
            let full = dir.join(&stale);
            if let Ok(old) = fs::read_to_string(&full) {
                let text_diff = TextDiff::from_lines(old.as_str(), "");
                diff.push_str(
                    &text_diff
                        .unified_diff()
                        .header(&format!("a/{stale}"), "/dev/null")
                        .to_string(),
                );
            }
        }
    }
    Ok((!diff.is_empty()).then_some(diff))
}

/// Replaces `dir` with `files` (and a manifest), atomically. Files in `dir` that a previous
/// run did not write are kept. A non-empty `dir` without a manifest is refused unless
/// `force`.
pub fn write(dir: &Path, files: &Files, force: bool) -> Result<(), Error> {
    let files = with_manifest(files);
    let exists = dir.exists();
    if exists && !dir.is_dir() {
        return Err(Error::Refused(format!(
            "{} exists and is not a directory; choose another --out",
            dir.display()
        )));
    }
    let owned = owned_files(dir);
    if exists && owned.is_none() && !force && !is_empty_dir(dir)? {
        return Err(Error::Refused(format!(
            "{} is not empty and holds no {MANIFEST}, so apiforge did not write it; refusing to replace it. \
             Point --out at a new or empty directory, or pass --force to write into it (files apiforge \
             does not generate are kept)",
            dir.display()
        )));
    }
    let owned = owned.unwrap_or_default();
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".to_owned());
    let staging = parent.join(format!(".{name}.apiforge-new-{}", std::process::id()));
    let backup = parent.join(format!(".{name}.apiforge-old-{}", std::process::id()));
    let result = stage_and_swap(dir, exists, &files, &owned, &staging, &backup);
    // Whatever happened, no temporary directory stays behind.
    let _ = fs::remove_dir_all(&staging);
    let _ = fs::remove_dir_all(&backup);
    result
}

fn stage_and_swap(
    dir: &Path,
    exists: bool,
    files: &Files,
    owned: &BTreeSet<String>,
    staging: &Path,
    backup: &Path,
) -> Result<(), Error> {
    let io = |action: &'static str, path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io {
            action,
            path,
            source,
        }
    };
    let _ = fs::remove_dir_all(staging);
    fs::create_dir_all(staging).map_err(io("cannot create", staging))?;
    if exists {
        carry_over(dir, dir, staging, files, owned)?;
    }
    for (path, contents) in files {
        let target = staging.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io("cannot create", parent))?;
        }
        fs::write(&target, contents).map_err(io("cannot write", &target))?;
    }
    if exists {
        fs::rename(dir, backup).map_err(io("cannot move aside", dir))?;
        if let Err(source) = fs::rename(staging, dir) {
            // Put the old output back before reporting.
            let _ = fs::rename(backup, dir);
            return Err(Error::Io {
                action: "cannot move into place",
                path: dir.to_path_buf(),
                source,
            });
        }
    } else {
        fs::rename(staging, dir).map_err(io("cannot move into place", dir))?;
    }
    Ok(())
}

/// Copies into `staging` every file under `current` that apiforge neither wrote before nor
/// writes now.
fn carry_over(
    root: &Path,
    current: &Path,
    staging: &Path,
    files: &Files,
    owned: &BTreeSet<String>,
) -> Result<(), Error> {
    let entries = fs::read_dir(current).map_err(|source| Error::Io {
        action: "cannot read",
        path: current.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| Error::Io {
            action: "cannot read",
            path: current.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        let Ok(relative) = path.strip_prefix(root) else {
            continue;
        };
        let key = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let file_type = entry.file_type().map_err(|source| Error::Io {
            action: "cannot read",
            path: path.clone(),
            source,
        })?;
        if file_type.is_dir() {
            carry_over(root, &path, staging, files, owned)?;
            continue;
        }
        if files.contains_key(&key) || owned.contains(&key) {
            continue;
        }
        let target = staging.join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|source| Error::Io {
                action: "cannot create",
                path: parent.to_path_buf(),
                source,
            })?;
        }
        #[cfg(unix)]
        if file_type.is_symlink() {
            let link = fs::read_link(&path).map_err(|source| Error::Io {
                action: "cannot read",
                path: path.clone(),
                source,
            })?;
            std::os::unix::fs::symlink(link, &target).map_err(|source| Error::Io {
                action: "cannot write",
                path: target.clone(),
                source,
            })?;
            continue;
        }
        fs::copy(&path, &target).map_err(|source| Error::Io {
            action: "cannot copy",
            path: path.clone(),
            source,
        })?;
    }
    Ok(())
}

fn is_empty_dir(dir: &Path) -> Result<bool, Error> {
    let mut entries = fs::read_dir(dir).map_err(|source| Error::Io {
        action: "cannot read",
        path: dir.to_path_buf(),
        source,
    })?;
    Ok(entries.next().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn writes_then_checks_clean_then_reports_changes() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        write(
            &out,
            &files(&[("src/lib.rs", "a\n"), ("README.md", "r\n")]),
            false,
        )
        .unwrap();
        assert_eq!(
            check(&out, &files(&[("src/lib.rs", "a\n"), ("README.md", "r\n")])).unwrap(),
            None
        );
        let diff = check(&out, &files(&[("src/lib.rs", "b\n")]))
            .unwrap()
            .unwrap();
        assert!(
            diff.contains("--- a/src/lib.rs\n+++ b/src/lib.rs"),
            "{diff}"
        );
        assert!(diff.contains("-a\n+b\n"), "{diff}");
        assert!(
            diff.contains("--- a/README.md\n+++ /dev/null"),
            "stale files are reported: {diff}"
        );
    }

    #[test]
    fn regeneration_removes_stale_files_and_keeps_foreign_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        write(
            &out,
            &files(&[("src/old.rs", "x"), ("src/lib.rs", "a")]),
            false,
        )
        .unwrap();
        fs::write(out.join("src/mine.rs"), "user code").unwrap();
        write(&out, &files(&[("src/lib.rs", "b")]), false).unwrap();
        assert!(!out.join("src/old.rs").exists());
        assert_eq!(
            fs::read_to_string(out.join("src/mine.rs")).unwrap(),
            "user code"
        );
        assert_eq!(fs::read_to_string(out.join("src/lib.rs")).unwrap(), "b");
        let leftovers: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("out")]);
    }

    #[test]
    fn foreign_directories_are_refused_unless_forced() {
        let tmp = tempfile::tempdir().unwrap();
        let home = tmp.path().join("home");
        fs::create_dir_all(&home).unwrap();
        fs::write(home.join("notes.txt"), "precious").unwrap();
        let err = write(&home, &files(&[("src/lib.rs", "a")]), false).unwrap_err();
        assert!(err.to_string().contains("refusing to replace it"), "{err}");
        assert!(!home.join("src").exists());
        write(&home, &files(&[("src/lib.rs", "a")]), true).unwrap();
        assert_eq!(
            fs::read_to_string(home.join("notes.txt")).unwrap(),
            "precious"
        );
    }
}
