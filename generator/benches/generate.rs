//! The generation benchmark: `cargo bench -p apiforge --bench generate`.
//!
//! Prints, for the resume_dunning spec and Chargebee's whole published spec, the time of each
//! stage (median of several runs, release build, whole crate written to disk) next to the bare
//! `serde_json` parse of the same file, as a ratio, and the time of the CLI's whole process;
//! then time and peak memory for synthetic specs of 100, 1,000 and 10,000 operations, to show
//! how cost grows with the spec. It prints numbers and asserts nothing.

use std::alloc::{GlobalAlloc, Layout};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::{Duration, Instant};

use apiforge::profile::Stages;
use apiforge::{Error, Generated, Pipeline, Settings};
use serde_json::{json, Value};

/// The allocator the `apiforge` command uses (see the `fast-alloc` feature), so that the
/// benchmark times what users run.
#[cfg(feature = "fast-alloc")]
static INNER: mimalloc::MiMalloc = mimalloc::MiMalloc;
#[cfg(not(feature = "fast-alloc"))]
static INNER: std::alloc::System = std::alloc::System;

/// [`INNER`], counting live heap bytes while `COUNTING` is set, to report each run's peak:
/// only in the synthetic specs' extra runs, which report memory. The timed runs do not pay
/// for the shared counters (two atomic operations on one cache line per allocation,
/// contended when both cores allocate).
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
// Signed: a block allocated before counting began may be freed while it counts.
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

fn count(grown: isize) {
    if COUNTING.load(Ordering::Relaxed) {
        let live = LIVE.fetch_add(grown, Ordering::Relaxed) + grown;
        PEAK.fetch_max(live, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { INNER.alloc(layout) };
        if !ptr.is_null() {
            count(layout.size() as isize);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { INNER.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    // The inner allocator's own realloc (which may grow in place), not alloc-copy-free.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let grown = unsafe { INNER.realloc(ptr, layout, new_size) };
        if !grown.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        grown
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Runs `f` `runs` times and returns the median time.
fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn bench_spec(name: &str, spec: &Path, settings: &Settings, runs: usize, dir: &Path) {
    let bytes = std::fs::read(spec).expect("spec readable");
    let is_json = spec.extension().is_some_and(|e| e == "json");
    let parse = time(runs, || {
        if is_json {
            std::hint::black_box(serde_json::from_slice::<Value>(&bytes).expect("json"));
        } else {
            std::hint::black_box(serde_yaml::from_slice::<Value>(&bytes).expect("yaml"));
        }
    });
    let typed = time(runs, || {
        if is_json {
            std::hint::black_box(serde_json::from_slice::<openapiv3::OpenAPI>(&bytes).ok());
        } else {
            std::hint::black_box(serde_yaml::from_slice::<openapiv3::OpenAPI>(&bytes).ok());
        }
    });
    let out = dir.join(name.replace(' ', "-"));
    let mut all: Vec<Vec<(&'static str, Duration)>> = Vec::new();
    let mut totals = Vec::new();
    let mut lines = 0;
    // Each run writes a new crate, as a first generation does (a directory to replace costs
    // more; one whose files are all unchanged, less: timed below). The previous run's crate is
    // deleted first: leaving every run's files on disk makes the later runs' writes wait on
    // the filesystem's journal and writeback (up to 20 times slower here), which is the disk's
    // business, not the generator's.
    let krate = out.join("crate");
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(&krate);
        let start = Instant::now();
        let (generated, stages) = generate_profiled(spec, settings, &krate).expect("generates");
        totals.push(start.elapsed());
        lines = generated.files.values().map(|f| f.lines().count()).sum();
        all.push(stages.times);
    }
    let unchanged = time(runs, || {
        generate_profiled(spec, settings, &krate).expect("generates");
    });
    // The same generation as a user runs it: the CLI as a whole process, into a new directory.
    let process = time(runs, || {
        let _ = std::fs::remove_dir_all(&krate);
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_apiforge"))
            .arg("generate")
            .arg(spec)
            .arg("--out")
            .arg(&krate)
            .args(["--idempotency-header", "chargebee-idempotency-key"])
            .stderr(std::process::Stdio::null())
            .status()
            .expect("the CLI runs");
        assert!(status.success(), "the CLI failed on {}", spec.display());
    });
    let total = median(totals);
    println!(
        "\n{name} ({} KiB, {lines} generated lines)",
        bytes.len() / 1024
    );
    println!(
        "  {:<34} {:>10}",
        "bare serde_json parse (Value)",
        ms(parse)
    );
    println!(
        "  {:<34} {:>10}",
        "typed parse (openapiv3::OpenAPI)",
        ms(typed)
    );
    for (i, (stage, _)) in all[0].iter().enumerate() {
        let stage_median = median(all.iter().map(|run| run[i].1).collect());
        println!("  stage {:<28} {:>10}", stage, ms(stage_median));
    }
    println!(
        "  {:<34} {:>10}",
        "generation, whole crate written",
        ms(total)
    );
    println!(
        "  ratio to bare parse: {:.1}x; to typed parse: {:.1}x",
        total.as_secs_f64() / parse.as_secs_f64(),
        total.as_secs_f64() / typed.as_secs_f64()
    );
    println!(
        "  {:<34} {:>10}",
        "regeneration, nothing changed",
        ms(unchanged)
    );
    println!(
        "  {:<34} {:>10}",
        "whole process (`apiforge generate`)",
        ms(process)
    );
}

/// A synthetic API of `n` operations over `n / 10` resources, with path, query and header
/// parameters, nested form bodies and shared schemas.
fn synthetic(n: usize) -> Value {
    let resources = (n / 10).max(1);
    let mut schemas = serde_json::Map::new();
    schemas.insert("Address".into(), json!({"type": "object", "properties": {
        "line1": {"type": "string", "maxLength": 150}, "city": {"type": "string"}, "zip": {"type": "string"},
        "country": {"type": "string", "enum": ["DE", "FR", "US", "GB"]}}}));
    for r in 0..resources {
        schemas.insert(format!("Resource{r}"), json!({"type": "object", "required": ["id", "status"], "properties": {
            "id": {"type": "string"}, "status": {"type": "string", "enum": ["active", "paused", "cancelled"]},
            "amount": {"type": "integer", "format": "int64"}, "created_at": {"type": "integer", "format": "unix-time"},
            "billing_address": {"$ref": "#/components/schemas/Address"},
            "items": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}, "quantity": {"type": "integer", "format": "int32"}}}},
            "meta_data": {"type": "object", "additionalProperties": true}}}));
    }
    let mut paths = serde_json::Map::new();
    for i in 0..n {
        let r = i % resources;
        let path = format!("/resource{r}/{{id}}/action{i}");
        paths.insert(path, json!({"post": {
            "operationId": format!("action_{i}"),
            "summary": format!("Action {i} on resource {r}"),
            "parameters": [
                {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                {"name": "x-request-origin", "in": "header", "schema": {"type": "string"}}
            ],
            "requestBody": {"content": {"application/x-www-form-urlencoded": {
                "schema": {"type": "object", "properties": {
                    "note": {"type": "string", "maxLength": 300},
                    "shipping_address": {"type": "object", "properties": {"city": {"type": "string"}, "zip": {"type": "string"}}},
                    "addons": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "quantity": {"type": "integer"}}}},
                    "coupon_ids": {"type": "array", "items": {"type": "string"}}}},
                "encoding": {"shipping_address": {"style": "deepObject", "explode": true}}}}},
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "required": ["resource"],
                    "properties": {"resource": {"$ref": format!("#/components/schemas/Resource{r}")}}}}}},
                "404": {"description": "Not found", "content": {"application/json": {"schema": {"type": "object", "properties": {"message": {"type": "string"}}}}}}
            }}}));
    }
    json!({"openapi": "3.0.3", "info": {"title": "Synthetic", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.com/v1"}], "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": {"basic": {"type": "http", "scheme": "basic"}}},
        "security": [{"basic": []}]})
}

fn main() {
    // `cargo bench` passes `--bench`; there is nothing to filter.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    println!(
        "apiforge generation benchmark ({} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let dir = std::env::temp_dir().join(format!("apiforge-bench-{}", std::process::id()));
    let chargebee = std::env::var_os("CHARGEBEE_SPEC")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/specs/chargebee_api_v1_spec.json"));
    let settings = Settings::default().idempotency_header("chargebee-idempotency-key");
    bench_spec(
        "resume_dunning",
        &root.join("spec/resume_dunning.yaml"),
        &settings,
        21,
        &dir,
    );
    if chargebee.is_file() {
        bench_spec("Chargebee v1", &chargebee, &settings, 7, &dir);
    } else {
        println!(
            "\n(Chargebee spec not found at {}; set CHARGEBEE_SPEC)",
            chargebee.display()
        );
    }
    println!("\nsynthetic specs: time and peak heap of generating the whole crate");
    for n in [100, 1_000, 10_000] {
        let spec = dir.join(format!("synthetic-{n}.json"));
        std::fs::write(&spec, serde_json::to_vec(&synthetic(n)).expect("json")).expect("write");
        // Timed without the allocation counter, then generated again counting, for the peak.
        let start = Instant::now();
        let (generated, stages) =
            generate_profiled(&spec, &Settings::default(), &dir.join(format!("out-{n}")))
                .expect("generates");
        let elapsed = start.elapsed();
        COUNTING.store(true, Ordering::Relaxed);
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        generate_profiled(
            &spec,
            &Settings::default(),
            &dir.join(format!("out-{n}-counted")),
        )
        .expect("generates");
        COUNTING.store(false, Ordering::Relaxed);
        let _ = std::fs::remove_dir_all(dir.join(format!("out-{n}")));
        let _ = std::fs::remove_dir_all(dir.join(format!("out-{n}-counted")));
        let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before).max(0);
        let lines: usize = generated.files.values().map(|f| f.lines().count()).sum();
        println!(
            "  {n:>6} operations: {:>10}  ({:.3} ms/operation), peak heap {:>6.1} MiB, {lines} lines",
            ms(elapsed),
            elapsed.as_secs_f64() * 1000.0 / n as f64,
            peak as f64 / (1024.0 * 1024.0)
        );
        let breakdown: Vec<String> = stages
            .times
            .iter()
            .map(|(stage, d)| format!("{stage} {:.0}", d.as_secs_f64() * 1000.0))
            .collect();
        println!("         stages (ms): {}", breakdown.join(", "));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Generates the spec at `spec` into `out` as the CLI does, with the time of each stage: read,
/// parse, normalize (3.1 → 3.0 and shape checks), typed model, IR, Rust tokens, printing,
/// templates, write.
fn generate_profiled(
    spec: &Path,
    settings: &Settings,
    out: &Path,
) -> Result<(Generated, Stages), Error> {
    let mut pipeline = Pipeline::new(settings);
    let generated = pipeline.generate(spec)?;
    let mut stages = pipeline.stages().clone();
    apiforge::output::write(out, &generated.files, true)?;
    stages.mark("write");
    Ok((generated, stages))
}
