//! What every test of the command line uses: running the binary, the specs it reads, and
//! reading back what it wrote.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn apiforge(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_apiforge"))
        .args(args)
        .output()
        .expect("apiforge runs")
}

pub fn spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/resume_dunning.yaml")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

/// The files listed in `dir`'s manifest.
pub fn manifest(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join(".apiforge-manifest"))
        .expect("manifest")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
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
