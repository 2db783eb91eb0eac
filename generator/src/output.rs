//! Putting generated files on disk, all or nothing, and comparing them with what is there.
//!
//! The output directory is replaced by a rename: files are written to a fresh sibling
//! directory, and only when every write succeeded does it take the old directory's place.
//! A crash or error at any point leaves the old output as it was.
//!
//! A manifest ([`MANIFEST`]) records which files apiforge owns. Files it owns are replaced,
//! and removed when a later generation no longer produces them ("stale"); files it does not
//! own are carried over untouched. A file apiforge does not own is never overwritten silently:
//! without `force` the write is refused with the list of such files, with `force` they are
//! overwritten and listed in [`Report::overwritten`]. A non-empty directory without a
//! manifest is refused unless `force`, even when nothing in it would be overwritten.
//! The user's own module ([`crate::user_code`]) is declared in `lib.rs` when it exists.

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

/// What a generation does (or, for [`compare`], would do) to the output directory. Paths are
/// relative to it, with `/` separators, sorted; the manifest counts as a written file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Written files that did not exist.
    pub new: Vec<String>,
    /// Written files that existed with other contents (including those in `overwritten`).
    pub changed: Vec<String>,
    /// Written files that already had exactly these contents.
    pub unchanged: Vec<String>,
    /// Files apiforge did not write (not in the previous manifest, or there was none) that
    /// are replaced by different contents: the user's own files. A subset of `changed`.
    pub overwritten: Vec<String>,
    /// Files a previous generation wrote (listed in its manifest) that this one does not
    /// produce: removed.
    pub removed: Vec<String>,
    /// Files apiforge does not generate, kept as they are.
    pub kept: Vec<String>,
    /// Whether the directory held a manifest.
    pub had_manifest: bool,
}

impl Report {
    /// How many files are written, manifest included.
    pub fn written(&self) -> usize {
        self.new.len() + self.changed.len() + self.unchanged.len()
    }

    /// One line saying what a write did:
    /// `wrote 11 files to out (3 changed, 8 unchanged), removed 2 stale files: src/a.rs, src/b.rs`.
    pub fn summary(&self, dir: &Path) -> String {
        let mut parts = Vec::new();
        for (n, what) in [
            (self.new.len(), "new"),
            (self.changed.len(), "changed"),
            (self.unchanged.len(), "unchanged"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {what}"));
            }
        }
        let mut line = format!(
            "wrote {} to {} ({})",
            count(self.written(), "file"),
            dir.display(),
            parts.join(", ")
        );
        if !self.kept.is_empty() {
            line.push_str(&format!(
                ", kept {} apiforge does not generate",
                count(self.kept.len(), "file")
            ));
        }
        if !self.removed.is_empty() {
            line.push_str(&format!(
                ", removed {}: {}",
                count(self.removed.len(), "stale file"),
                self.removed.join(", ")
            ));
        }
        line
    }

    /// What a write would do, one line per kind of change (for `--check`); empty when the
    /// directory is up to date.
    pub fn pending(&self) -> Vec<String> {
        let changed: Vec<String> = self
            .changed
            .iter()
            .filter(|p| !self.overwritten.contains(p))
            .cloned()
            .collect();
        let mut lines = Vec::new();
        for (paths, what) in [
            (&self.new, "would add"),
            (&changed, "would change"),
            (&self.overwritten, "would overwrite"),
            (&self.removed, "would remove"),
        ] {
            if paths.is_empty() {
                continue;
            }
            let noun = match what {
                "would overwrite" => {
                    format!("{} apiforge did not write", count(paths.len(), "file"))
                }
                "would remove" => count(paths.len(), "stale file"),
                _ => count(paths.len(), "file"),
            };
            lines.push(format!("{what} {noun}: {}", paths.join(", ")));
        }
        lines
    }
}

/// `1 file`, `2 files`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The result of comparing a directory with what would be generated into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// A unified diff from what is on disk to what would be written (stale files diffed
    /// against `/dev/null`); `None` when the directory is up to date.
    pub diff: Option<String>,
    /// The files a write would add, change, overwrite, keep and remove.
    pub report: Report,
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

/// A file (or symbolic link, or empty directory) found under the output directory.
#[derive(Debug, Clone)]
struct Entry {
    /// Relative path with `/` separators.
    key: String,
    /// Relative path.
    relative: PathBuf,
    kind: EntryKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    File,
    Symlink,
    EmptyDir,
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let path = path.to_path_buf();
    move |source| Error::Io {
        action,
        path,
        source,
    }
}

/// Every file, symbolic link and empty directory under `current`, recursively.
fn scan(root: &Path, current: &Path, out: &mut Vec<Entry>) -> Result<(), Error> {
    let entries = fs::read_dir(current).map_err(io_error("cannot read", current))?;
    for entry in entries {
        let entry = entry.map_err(io_error("cannot read", current))?;
        let path = entry.path();
        let Ok(relative) = path.strip_prefix(root) else {
            continue;
        };
        let relative = relative.to_path_buf();
        let key = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let file_type = entry.file_type().map_err(io_error("cannot read", &path))?;
        let kind = if file_type.is_dir() {
            let before = out.len();
            scan(root, &path, out)?;
            if out.len() > before || !is_empty_dir(&path)? {
                continue;
            }
            EntryKind::EmptyDir
        } else if file_type.is_symlink() {
            EntryKind::Symlink
        } else {
            EntryKind::File
        };
        out.push(Entry {
            key,
            relative,
            kind,
        });
    }
    Ok(())
}

/// What writing `files` (manifest included) into `dir` would do, and what `dir` holds that
/// is carried over.
fn plan(dir: &Path, files: &Files) -> Result<(Report, Vec<Entry>), Error> {
    let mut report = Report::default();
    if !dir.is_dir() {
        report.new = files.keys().cloned().collect();
        return Ok((report, Vec::new()));
    }
    let owned = owned_files(dir);
    report.had_manifest = owned.is_some();
    let owned = owned.unwrap_or_default();
    for (path, contents) in files {
        let full = dir.join(path);
        match fs::read(&full) {
            Ok(old) if old == contents.as_bytes() => report.unchanged.push(path.clone()),
            Ok(_) => {
                report.changed.push(path.clone());
                if path != MANIFEST && !owned.contains(path) {
                    report.overwritten.push(path.clone());
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => report.new.push(path.clone()),
            Err(source) => {
                return Err(Error::Io {
                    action: "cannot read",
                    path: full,
                    source,
                })
            }
        }
    }
    let mut entries = Vec::new();
    scan(dir, dir, &mut entries)?;
    let mut carried = Vec::new();
    for entry in entries {
        if files.contains_key(&entry.key) {
            continue;
        }
        if entry.kind != EntryKind::EmptyDir && owned.contains(&entry.key) {
            report.removed.push(entry.key);
        } else {
            report.kept.push(entry.key.clone());
            carried.push(entry);
        }
    }
    report.removed.sort();
    report.kept.sort();
    Ok((report, carried))
}

/// Compares `dir` with `files` (manifest included): a unified diff from what is on disk to
/// what would be written, and the report of what a write would do. Writes nothing.
pub fn compare(dir: &Path, files: &Files) -> Result<Comparison, Error> {
    let files = with_manifest(&crate::user_code::declare(dir, files));
    let (report, _) = plan(dir, &files)?;
    let mut diff = String::new();
    for path in report.new.iter().chain(&report.changed) {
        let old = if report.new.contains(path) {
            String::new()
        } else {
            let full = dir.join(path);
            let bytes = fs::read(&full).map_err(io_error("cannot read", &full))?;
            String::from_utf8_lossy(&bytes).into_owned()
        };
        let new = files.get(path).map(String::as_str).unwrap_or_default();
        let from = if report.new.contains(path) {
            "/dev/null".to_owned()
        } else {
            format!("a/{path}")
        };
        diff.push_str(
            &TextDiff::from_lines(old.as_str(), new)
                .unified_diff()
                .context_radius(3)
                .header(&from, &format!("b/{path}"))
                .to_string(),
        );
    }
    for stale in &report.removed {
        let full = dir.join(stale);
        let old = match fs::read(&full) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            // A dangling symbolic link, say: still removed, nothing to show.
            Err(_) => String::new(),
        };
        diff.push_str(
            &TextDiff::from_lines(old.as_str(), "")
                .unified_diff()
                .header(&format!("a/{stale}"), "/dev/null")
                .to_string(),
        );
        if old.is_empty() {
            diff.push_str(&format!("--- a/{stale}\n+++ /dev/null\n"));
        }
    }
    Ok(Comparison {
        diff: (!diff.is_empty()).then_some(diff),
        report,
    })
}

/// Compares `dir` with `files` (manifest included). `None` when identical; otherwise a
/// unified diff from what is on disk to what would be written.
pub fn check(dir: &Path, files: &Files) -> Result<Option<String>, Error> {
    Ok(compare(dir, files)?.diff)
}

/// Replaces `dir` with `files` (and a manifest), atomically, and reports what changed. Files
/// in `dir` that apiforge does not generate are kept; files a previous run wrote and this one
/// does not are removed. Without `force`, refuses (and changes nothing) when `dir` is
/// non-empty and holds no manifest, or when a file apiforge did not write would be
/// overwritten; the error lists those files. With `force`, they are overwritten and listed in
/// [`Report::overwritten`].
pub fn write(dir: &Path, files: &Files, force: bool) -> Result<Report, Error> {
    let files = with_manifest(&crate::user_code::declare(dir, files));
    let exists = dir.exists();
    if exists && !dir.is_dir() {
        return Err(Error::Refused(format!(
            "{} exists and is not a directory; choose another --out",
            dir.display()
        )));
    }
    let (report, carried) = plan(dir, &files)?;
    if !force {
        refuse_unless_safe(dir, exists, &report)?;
    }
    // Nothing to add, change or remove: the directory is left alone, so file times stay and
    // Cargo rebuilds nothing after a regeneration that changed nothing.
    if exists
        && report.had_manifest
        && report.new.is_empty()
        && report.changed.is_empty()
        && report.removed.is_empty()
    {
        return Ok(report);
    }
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
    let result = stage_and_swap(dir, exists, &files, &carried, &staging, &backup);
    // Whatever happened, no temporary directory stays behind.
    let _ = fs::remove_dir_all(&staging);
    let _ = fs::remove_dir_all(&backup);
    result.map(|()| report)
}

/// The refusals that `force` lifts.
fn refuse_unless_safe(dir: &Path, exists: bool, report: &Report) -> Result<(), Error> {
    let overwritten = format!(
        "{} apiforge did not write",
        count(report.overwritten.len(), "file")
    );
    let list = report.overwritten.join(", ");
    if exists && !report.had_manifest && !is_empty_dir(dir)? {
        let detail = if report.overwritten.is_empty() {
            "no file in it would be overwritten (apiforge keeps the files it does not generate)"
                .to_owned()
        } else {
            format!("generating would overwrite {overwritten}: {list}")
        };
        return Err(Error::Refused(format!(
            "{} is not empty and holds no {MANIFEST}, so apiforge did not write it; refusing to \
             write into it\n  {detail}\n help: point --out at a new or empty directory, or pass \
             --force to write into it (each file it overwrites is named; every other file is kept)",
            dir.display()
        )));
    }
    if !report.overwritten.is_empty() {
        let (them, each) = if report.overwritten.len() == 1 {
            ("it", "it is named")
        } else {
            ("them", "each is named")
        };
        return Err(Error::Refused(format!(
            "generating into {} would overwrite {overwritten} (not in its {MANIFEST}): {list}\n \
             help: move {them} away, or pass --force to overwrite {them} ({each} as it is \
             overwritten)",
            dir.display(),
        )));
    }
    Ok(())
}

fn stage_and_swap(
    dir: &Path,
    exists: bool,
    files: &Files,
    carried: &[Entry],
    staging: &Path,
    backup: &Path,
) -> Result<(), Error> {
    let _ = fs::remove_dir_all(staging);
    fs::create_dir_all(staging).map_err(io_error("cannot create", staging))?;
    carry_over(dir, carried, staging)?;
    for (path, contents) in files {
        let target = staging.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io_error("cannot create", parent))?;
        }
        fs::write(&target, contents).map_err(io_error("cannot write", &target))?;
    }
    if exists {
        fs::rename(dir, backup).map_err(io_error("cannot move aside", dir))?;
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
        fs::rename(staging, dir).map_err(io_error("cannot move into place", dir))?;
    }
    Ok(())
}

/// Carries into `staging` the files of `dir` that apiforge does not generate.
fn carry_over(dir: &Path, carried: &[Entry], staging: &Path) -> Result<(), Error> {
    for entry in carried {
        let source = dir.join(&entry.relative);
        let target = staging.join(&entry.relative);
        if entry.kind == EntryKind::EmptyDir {
            fs::create_dir_all(&target).map_err(io_error("cannot create", &target))?;
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io_error("cannot create", parent))?;
        }
        #[cfg(unix)]
        if entry.kind == EntryKind::Symlink {
            let link = fs::read_link(&source).map_err(io_error("cannot read", &source))?;
            std::os::unix::fs::symlink(link, &target).map_err(io_error("cannot write", &target))?;
            continue;
        }
        // A hard link is instant whatever the size (a `target/` built inside the crate) and
        // keeps the file as it is, modification time included; the original stays in place
        // until the swap. Where links are impossible (another file system), a copy.
        if fs::hard_link(&source, &target).is_err() {
            fs::copy(&source, &target).map_err(io_error("cannot copy", &source))?;
        }
    }
    Ok(())
}

fn is_empty_dir(dir: &Path) -> Result<bool, Error> {
    let mut entries = fs::read_dir(dir).map_err(io_error("cannot read", dir))?;
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

    #[cfg(unix)]
    #[test]
    fn a_regeneration_that_changes_nothing_leaves_the_directory_alone() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let generated = files(&[("src/lib.rs", "a\n"), ("README.md", "r\n")]);
        write(&out, &generated, false).unwrap();
        let inode = |path: &str| fs::metadata(out.join(path)).unwrap().ino();
        let before = (inode("."), inode("src/lib.rs"));
        let report = write(&out, &generated, false).unwrap();
        assert_eq!(report.unchanged.len(), 3, "{report:?}");
        // Not replaced: the same directory and file, so their times stay as they were.
        assert_eq!((inode("."), inode("src/lib.rs")), before);
        // One change replaces the directory as a whole, as before.
        write(
            &out,
            &files(&[("src/lib.rs", "b\n"), ("README.md", "r\n")]),
            false,
        )
        .unwrap();
        assert_ne!(inode("."), before.0);
        assert_eq!(fs::read_to_string(out.join("src/lib.rs")).unwrap(), "b\n");
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
    fn the_report_says_what_was_added_changed_kept_and_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let first = write(
            &out,
            &files(&[("a.rs", "a"), ("b.rs", "b"), ("old.rs", "o")]),
            false,
        )
        .unwrap();
        assert_eq!(first.new, [MANIFEST, "a.rs", "b.rs", "old.rs"]);
        assert_eq!(
            first.summary(Path::new("out")),
            "wrote 4 files to out (4 new)"
        );
        fs::write(out.join("mine.rs"), "user code").unwrap();
        fs::create_dir_all(out.join("empty")).unwrap();
        let second = write(
            &out,
            &files(&[("a.rs", "a"), ("b.rs", "B"), ("c.rs", "c")]),
            false,
        )
        .unwrap();
        assert_eq!(second.new, ["c.rs"]);
        assert_eq!(second.changed, [MANIFEST, "b.rs"]);
        assert_eq!(second.unchanged, ["a.rs"]);
        assert_eq!(second.removed, ["old.rs"]);
        assert_eq!(second.kept, ["empty", "mine.rs"]);
        assert!(second.overwritten.is_empty());
        assert_eq!(
            second.summary(Path::new("out")),
            "wrote 4 files to out (1 new, 2 changed, 1 unchanged), kept 2 files apiforge does not \
             generate, removed 1 stale file: old.rs"
        );
        assert!(out.join("empty").is_dir(), "empty directories are kept too");
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let before = fs::metadata(out.join("mine.rs")).unwrap().ino();
            write(&out, &files(&[("a.rs", "a")]), false).unwrap();
            let after = fs::metadata(out.join("mine.rs")).unwrap();
            assert_eq!(
                after.ino(),
                before,
                "kept files are the same files, not copies"
            );
            assert_eq!(after.nlink(), 1, "no other name is left behind");
        }
        assert!(!out.join("old.rs").exists());
    }

    #[test]
    fn files_the_user_added_are_not_overwritten_without_force() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        write(&out, &files(&[("src/lib.rs", "a")]), false).unwrap();
        fs::write(out.join("src/extra.rs"), "mine").unwrap();
        let next = files(&[("src/lib.rs", "a"), ("src/extra.rs", "generated")]);
        let err = write(&out, &next, false).unwrap_err().to_string();
        assert!(
            err.starts_with("generating into ")
                && err.contains(
                    " would overwrite 1 file apiforge did not write (not in its .apiforge-manifest): \
                     src/extra.rs\n"
                ),
            "{err}"
        );
        assert_eq!(
            fs::read_to_string(out.join("src/extra.rs")).unwrap(),
            "mine"
        );
        let comparison = compare(&out, &next).unwrap();
        assert_eq!(
            comparison.report.pending(),
            [
                "would change 1 file: .apiforge-manifest",
                "would overwrite 1 file apiforge did not write: src/extra.rs"
            ]
        );
        let report = write(&out, &next, true).unwrap();
        assert_eq!(report.overwritten, ["src/extra.rs"]);
        assert_eq!(
            fs::read_to_string(out.join("src/extra.rs")).unwrap(),
            "generated"
        );
        // Now apiforge owns it: no longer the user's.
        let again = write(
            &out,
            &files(&[("src/lib.rs", "a"), ("src/extra.rs", "new")]),
            false,
        )
        .unwrap();
        assert!(again.overwritten.is_empty());
        assert_eq!(again.changed, ["src/extra.rs"]);
    }

    #[test]
    fn a_users_file_identical_to_the_generated_one_is_not_reported_as_overwritten() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("README.md"), "same").unwrap();
        let report = write(&out, &files(&[("README.md", "same")]), true).unwrap();
        assert!(report.overwritten.is_empty());
        assert_eq!(report.unchanged, ["README.md"]);
    }

    #[test]
    fn foreign_directories_are_refused_unless_forced() {
        let tmp = tempfile::tempdir().unwrap();
        let home = tmp.path().join("home");
        fs::create_dir_all(&home).unwrap();
        fs::write(home.join("notes.txt"), "precious").unwrap();
        let err = write(&home, &files(&[("src/lib.rs", "a")]), false).unwrap_err();
        assert!(
            err.to_string().contains("refusing to write into it"),
            "{err}"
        );
        assert!(
            err.to_string()
                .contains("\n  no file in it would be overwritten"),
            "{err}"
        );
        assert!(!home.join("src").exists());
        write(&home, &files(&[("src/lib.rs", "a")]), true).unwrap();
        assert_eq!(
            fs::read_to_string(home.join("notes.txt")).unwrap(),
            "precious"
        );
    }
}
