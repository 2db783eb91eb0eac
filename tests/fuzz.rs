//! A structure-aware fuzzer for the whole pipeline (load → IR → emit), run for a fixed time:
//!
//! ```text
//! cargo run --release -p apiforge-tests --bin fuzz -- --seconds 60 [--seed 7]
//! ```
//!
//! It mutates the specs of `spec/`, `tests/fixtures/`, `tests/golden/` (the golden crates'
//! inputs) and `tests/bad_specs/` (as JSON values and as text), feeds each mutant to the
//! generator and fails on a panic or on generated Rust that does not parse (`Error::Emit`). A
//! stack overflow aborts the process, so the input being tried is written to
//! `target/fuzz-current` first. Crashing inputs are saved to
//! `tests/fuzz_regressions/`, where `tests/fuzz_regressions.rs` pins them for ever.
//!
//! cargo-fuzz needs a nightly toolchain, which this project's machines cannot install; this
//! harness runs on stable, in CI, within a budget.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use apiforge::{emit, ir, load, Error, Settings};
use serde_json::{json, Value};

const HOSTILE_STRINGS: &[&str] = &[
    "",
    "type",
    "self",
    "Self",
    "crate",
    "super",
    "async",
    "1",
    "9lives",
    "a b",
    "ünï",
    "*/",
    "\"]",
    "#[doc",
    "\"#",
    "{",
    "}",
    "{x}",
    "\r\n",
    "\u{0}",
    "panic!(\"x\")",
    "```rust",
    "<b>",
    "$ref",
    "#/components/schemas/A",
    "../x",
    "%",
    "Option",
    "Result",
];

struct Rng(fastrand::Rng);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.0.usize(..n)
        }
    }

    fn chance(&mut self, percent: u8) -> bool {
        self.0.u8(..100) < percent
    }

    fn string(&mut self) -> String {
        HOSTILE_STRINGS[self.below(HOSTILE_STRINGS.len())].to_owned()
    }

    fn scalar(&mut self) -> Value {
        match self.below(8) {
            0 => Value::Null,
            1 => json!(self.0.bool()),
            2 => json!(self.0.i64(..)),
            3 => json!(-0.5),
            4 => json!(["string", "null"]),
            5 => json!({"$ref": "#/components/schemas/A"}),
            6 => json!({}),
            _ => Value::String(self.string()),
        }
    }
}

/// The JSON pointers of every node of `value`, as token lists.
fn nodes(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>, depth: usize) {
    out.push(path.clone());
    if depth > 64 {
        return;
    }
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                path.push(key.clone());
                nodes(child, path, out, depth + 1);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push(i.to_string());
                nodes(child, path, out, depth + 1);
                path.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'v>(value: &'v mut Value, path: &[String]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |node, token| match node {
        Value::Object(map) => map.get_mut(token),
        Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
        _ => None,
    })
}

fn mutate_value(rng: &mut Rng, value: &mut Value) {
    let mut all = Vec::new();
    nodes(value, &mut Vec::new(), &mut all, 0);
    let target = all[rng.below(all.len())].clone();
    let donor = {
        let other = &all[rng.below(all.len())];
        let mut copy = value.clone();
        node_mut(&mut copy, other).cloned().unwrap_or(Value::Null)
    };
    let Some(node) = node_mut(value, &target) else {
        return;
    };
    match rng.below(9) {
        0 => *node = rng.scalar(),
        1 => *node = donor,
        2 => {
            let depth = 1 + rng.below(300);
            let mut nested = json!({"type": "object"});
            for _ in 0..depth {
                nested = json!({"type": "object", "properties": {"x": nested}});
            }
            *node = nested;
        }
        3 => {
            if let Value::Object(map) = node {
                if let Some(key) = map.keys().nth(rng.below(map.len())).cloned() {
                    map.remove(&key);
                }
            }
        }
        4 => {
            if let Value::Object(map) = node {
                if let Some(key) = map.keys().nth(rng.below(map.len())).cloned() {
                    if let Some(child) = map.remove(&key) {
                        map.insert(rng.string(), child);
                    }
                }
            }
        }
        5 => {
            if let Value::Object(map) = node {
                let ty = [
                    "string", "integer", "number", "boolean", "object", "array", "null",
                ][rng.below(7)];
                map.insert("type".into(), json!(ty));
            }
        }
        6 => {
            if let Value::Object(map) = node {
                map.insert(
                    "enum".into(),
                    json!([rng.string(), rng.string(), rng.scalar()]),
                );
            }
        }
        7 => {
            if let Value::Object(map) = node {
                let keyword = [
                    "allOf",
                    "oneOf",
                    "anyOf",
                    "items",
                    "additionalProperties",
                    "not",
                ][rng.below(6)];
                map.insert(
                    keyword.into(),
                    json!([{"$ref": "#/components/schemas/A"}, {"type": "string"}]),
                );
            }
        }
        _ => {
            if let Value::Object(map) = node {
                map.insert("$ref".into(), json!(format!("#/{}", target.join("/"))));
            }
        }
    }
}

fn mutate_text(rng: &mut Rng, text: &mut Vec<u8>) {
    if text.is_empty() {
        text.extend_from_slice(b"{");
        return;
    }
    let at = rng.below(text.len());
    match rng.below(4) {
        0 => text.truncate(at),
        1 => text[at] = rng.0.u8(..),
        2 => {
            let end = (at + rng.below(64)).min(text.len());
            let slice = text[at..end].to_vec();
            text.splice(at..at, slice);
        }
        _ => {
            let insert = rng.string().into_bytes();
            text.splice(at..at, insert);
        }
    }
}

/// How long one input may take before it counts as a hang. Inputs run in well under a
/// second; a hang is what the fuzzer found once (exponential backtracking), not slowness.
const HANG: Duration = Duration::from_secs(20);

/// Runs the pipeline on another thread; `Err` describes a crash or a hang.
fn run_guarded(bytes: &[u8], is_json: bool) -> Result<(), String> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let input = bytes.to_vec();
    std::thread::spawn(move || {
        let _ = sender.send(run(&input, is_json));
    });
    match receiver.recv_timeout(HANG) {
        Ok(result) => result,
        Err(_) => Err(format!("no result within {} s: a hang", HANG.as_secs())),
    }
}

/// Runs the pipeline; `Err` describes a crash.
pub fn run(bytes: &[u8], is_json: bool) -> Result<(), String> {
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        let loaded = match load::load_bytes(Path::new("fuzz"), bytes, is_json) {
            Ok(loaded) => loaded,
            Err(_) => return Ok(()),
        };
        let mut warnings = Vec::new();
        let api = match ir::lower_api(&loaded, &Settings::default(), &mut warnings) {
            Ok(api) => api,
            Err(_) => return Ok(()),
        };
        match emit::emit(&api, &Settings::default(), &mut Default::default()) {
            Err(Error::Emit { file, message }) => {
                Err(format!("generated {file} does not parse: {message}"))
            }
            _ => Ok(()),
        }
    }));
    match outcome {
        Ok(result) => result,
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "panic".to_owned())),
    }
}

fn seeds(root: &Path) -> Vec<(Vec<u8>, bool)> {
    let mut seeds = Vec::new();
    for dir in [
        "spec",
        "tests/fixtures",
        "tests/golden",
        "tests/bad_specs",
        "tests/fuzz_regressions",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if let Ok(bytes) = std::fs::read(&path) {
                let is_json = path.extension().is_some_and(|e| e == "json");
                seeds.push((bytes, is_json));
            }
        }
    }
    seeds
}

fn main() {
    let mut seconds = 30u64;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => seconds = args.next().and_then(|v| v.parse().ok()).unwrap_or(seconds),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            other => {
                eprintln!("unknown argument {other}; usage: fuzz [--seconds N] [--seed S]");
                std::process::exit(2);
            }
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let seeds = seeds(&root);
    let current = root.join("target/fuzz-current");
    let crashes_dir = root.join("tests/fuzz_regressions");
    let mut rng = Rng(fastrand::Rng::with_seed(seed));
    panic::set_hook(Box::new(|_| {}));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut crashes) = (0u64, 0u64);
    while Instant::now() < deadline {
        let (bytes, is_json) = &seeds[rng.below(seeds.len())];
        let mut is_json = *is_json;
        let mut input = bytes.clone();
        let structured = match (rng.chance(70), serde_yaml::from_slice::<Value>(&input)) {
            (true, Ok(mut value)) => {
                for _ in 0..1 + rng.below(4) {
                    mutate_value(&mut rng, &mut value);
                }
                is_json = rng.0.bool();
                if is_json {
                    serde_json::to_vec(&value).ok()
                } else {
                    serde_yaml::to_string(&value).ok().map(String::into_bytes)
                }
            }
            _ => None,
        };
        match structured {
            Some(text) => input = text,
            None => {
                for _ in 0..1 + rng.below(4) {
                    mutate_text(&mut rng, &mut input);
                }
            }
        }
        let _ = std::fs::write(&current, &input);
        runs += 1;
        if let Err(crash) = run_guarded(&input, is_json) {
            crashes += 1;
            let name = format!(
                "crash-{:016x}.{}",
                fastrand::u64(..),
                if is_json { "json" } else { "yaml" }
            );
            let _ = std::fs::create_dir_all(&crashes_dir);
            let _ = std::fs::write(crashes_dir.join(&name), &input);
            println!("CRASH {name}: {crash}");
            if crash.contains("a hang") {
                // The stuck thread cannot be stopped; end here with what was found.
                break;
            }
        }
    }
    let _ = std::fs::remove_file(&current);
    println!(
        "fuzz: {runs} inputs in {seconds} s from {} seeds (seed {seed}), {crashes} crashes",
        seeds.len()
    );
    if crashes > 0 {
        std::process::exit(1);
    }
}
