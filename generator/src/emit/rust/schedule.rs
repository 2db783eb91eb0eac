//! How the crate's Rust files are produced: the generated files split into jobs, built and
//! printed on all cores (token streams cannot move between threads, so each thread builds the
//! files it prints), reassembled in order, and the time they took recorded as stages. Which
//! files there are is [`super::layout`]'s business.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

#[cfg(test)]
use proc_macro2::TokenStream;

use super::layout::{self, Job, Module};
use super::{lib_rs, operations, print, types, Features};
use crate::emit::{CrateInfo, Files};
use crate::ir::Api;
use crate::Error;

/// What one worker printed (job index, path and printed items of each job), and its CPU time
/// building tokens and printing them.
type WorkerOutput = (
    Vec<(usize, String, Result<String, Error>)>,
    Duration,
    Duration,
);

/// The generated files of the crate, roughly the biggest first (the types, then the groups of
/// operations by size, then the small files), so that workers taking the next job as they
/// finish one end together.
fn jobs(api: &Api, threads: usize) -> Vec<Job<'_>> {
    let mut groups: Vec<(String, Vec<&crate::ir::Operation>)> =
        operations::groups(api).into_iter().collect();
    groups.sort_by_key(|(_, ops)| std::cmp::Reverse(ops.len()));
    // The types are most of a small API's code (resume_dunning's `Invoice` and its parts):
    // one part per core, unless there are too few to share.
    let parts = if api.types.len() >= 16 { threads } else { 1 };
    let mut jobs: Vec<Job<'_>> = types::split(api, parts)
        .into_iter()
        .map(Job::Types)
        .collect();
    jobs.extend(groups.into_iter().map(|(name, ops)| Job::Group(name, ops)));
    jobs.extend([
        Job::Lib,
        Job::Servers,
        Job::Responses,
        Job::Common,
        Job::Webhooks,
    ]);
    jobs
}

/// The number of worker threads: the cores, up to 8 (more only add scheduling overhead for
/// the number of files a crate has).
fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
}

/// The token streams of every generated file (path and tokens), then of the single-file form,
/// for tests of the printer.
#[cfg(test)]
pub(super) fn all_tokens(
    api: &Api,
    krate: &CrateInfo,
) -> Result<Vec<(String, TokenStream)>, Error> {
    let features = Features::of(api);
    let mut files: Vec<(String, TokenStream)> = jobs(api, 2)
        .iter()
        .filter_map(|job| Some((job.path(), job.tokens(api, krate, &features)?)))
        .collect();
    let mut modules = Vec::new();
    for file in layout::runtime(api) {
        modules.push((file.name.to_owned(), layout::parse_runtime(file)?));
    }
    modules.extend(layout::generated_modules(api, krate));
    files.push((
        format!("{}.rs", krate.lib),
        lib_rs::single_file(api, krate, modules),
    ));
    Ok(files)
}

/// Emits `src/*.rs`. Files are built and printed on all cores (token streams cannot move
/// between threads, so each thread builds the files it prints); the time is recorded as
/// "Rust tokens" and "printing" (everything since the previous stage, setup and the finishing
/// of parts included), split by the CPU time each took.
pub fn emit_staged(
    api: &Api,
    krate: &CrateInfo,
    stages: &mut crate::profile::Stages,
) -> Result<Files, Error> {
    let features = Features::of(api);
    let threads = threads();
    let jobs = jobs(api, threads);
    let next = AtomicUsize::new(0);
    // Each worker takes the next job when it is done with one.
    let work = || -> WorkerOutput {
        let (mut building, mut printing) = (Duration::ZERO, Duration::ZERO);
        let mut out = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(index) else {
                break;
            };
            let clock = std::time::Instant::now();
            let Some(tokens) = job.tokens(api, krate, &features) else {
                continue;
            };
            building += clock.elapsed();
            let clock = std::time::Instant::now();
            let path = job.path();
            let printed =
                print::print_file_items(&path, tokens).map(|printed| print::finish(&printed));
            printing += clock.elapsed();
            out.push((index, path, printed));
        }
        (out, building, printing)
    };
    // This thread is one of the workers; a worker's panic is this thread's.
    let results: Vec<WorkerOutput> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut results = vec![work()];
        for handle in handles {
            results.push(
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        results
    });
    let (building, printing) = results
        .iter()
        .fold((Duration::ZERO, Duration::ZERO), |(b, p), r| {
            (b + r.1, p + r.2)
        });
    let mut files: Files = layout::runtime(api)
        .into_iter()
        .map(|file| {
            (
                format!("src/{}.rs", file.name),
                layout::with_header(layout::without_unit_tests(file.source)),
            )
        })
        .collect();
    // A file built in parts (the types) is its finished parts in job order.
    let mut printed: Vec<(usize, String, Result<String, Error>)> =
        results.into_iter().flat_map(|r| r.0).collect();
    printed.sort_by_key(|(index, ..)| *index);
    let mut parts: BTreeMap<String, String> = BTreeMap::new();
    for (_, path, source) in printed {
        print::append_finished(parts.entry(path).or_default(), &source?);
    }
    files.extend(
        parts
            .into_iter()
            .map(|(path, source)| (path, layout::with_header(&source))),
    );
    stages.mark_shared(&[
        ("Rust tokens", building.as_secs_f64()),
        ("printing", printing.as_secs_f64()),
    ]);
    Ok(files)
}

/// Emits the whole client as one Rust file of items, for `include!` at a crate root: every
/// module inline, the runtime's included. Modules are built and printed on all cores (each
/// thread builds the modules it prints); items print independently, so the concatenation is
/// the file printed whole.
pub fn emit_single_file(api: &Api, krate: &CrateInfo) -> Result<String, Error> {
    let file = format!("{}.rs", krate.lib);
    let modules = layout::single_file_modules(api);
    let wrapper = lib_rs::ModuleWrapper::new(api);
    let threads = threads();
    // The types first (the biggest module), then the others in order, each worker taking the
    // next one when it is done with one.
    let mut order: Vec<usize> = (0..modules.len()).collect();
    order.sort_by_key(|&i| !matches!(modules[i], Module::Generated(Job::Types(_))));
    let next = AtomicUsize::new(0);
    let printed: Vec<Vec<(usize, Result<String, Error>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let (modules, wrapper, file, order, next) =
                    (&modules, &wrapper, &file, &order, &next);
                scope.spawn(move || {
                    let mut out = Vec::new();
                    while let Some(&index) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let Some(module) = modules.get(index) else {
                            break;
                        };
                        let source = module.tokens(api, krate).and_then(|tokens| {
                            let Some(tokens) = tokens else {
                                return Ok(String::new());
                            };
                            print::print_file_items(file, wrapper.module(&module.name(), tokens))
                        });
                        out.push((index, source));
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let mut printed: Vec<(usize, Result<String, Error>)> = printed.into_iter().flatten().collect();
    if printed.len() != modules.len() {
        return Err(Error::Emit {
            file,
            message: "a module could not be printed".to_owned(),
        });
    }
    printed.sort_by_key(|(index, _)| *index);
    let mut whole = String::new();
    for (_, source) in printed {
        whole.push_str(&source?);
    }
    whole.push_str(&print::print_file_items(
        &file,
        lib_rs::single_file_reexports(api, krate),
    )?);
    // An `include!`d file may start with a comment: the header marks it like the others.
    Ok(layout::with_header(&print::finish(&whole)))
}

#[cfg(test)]
mod tests {
    fn resume_dunning() -> crate::ir::Api {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/resume_dunning.yaml");
        let loaded = crate::load::load_file(&path).unwrap();
        crate::ir::lower_api(&loaded, &crate::Settings::default(), &mut Vec::new()).unwrap()
    }

    #[test]
    fn the_types_split_into_ordered_parts_that_cover_them_once() {
        let api = resume_dunning();
        let n = api.types.len();
        assert!(n >= 16, "{n} types");
        for parts in 1..=4 {
            let ranges = super::types::split(&api, parts);
            assert!(
                !ranges.is_empty() && ranges.len() <= parts,
                "{parts}: {ranges:?}"
            );
            assert_eq!(ranges[0].start, 0);
            assert_eq!(ranges[ranges.len() - 1].end, n);
            assert!(
                ranges
                    .windows(2)
                    .all(|w| w[0].end == w[1].start && w[0].start < w[0].end),
                "{ranges:?}"
            );
        }
        // Two parts of comparable size: neither holds nearly everything.
        let halves = super::types::split(&api, 2);
        assert_eq!(halves.len(), 2);
        assert!(halves.iter().all(|r| r.len() * 5 > n), "{halves:?}");
    }

    #[test]
    fn every_rust_file_starts_with_the_header_once() {
        let api = resume_dunning();
        let settings = crate::Settings::default();
        let files =
            crate::emit::emit(&api, &settings, &mut crate::profile::Stages::default()).unwrap();
        let krate = crate::emit::CrateInfo::new(&api, &settings).unwrap();
        let single = super::emit_single_file(&api, &krate).unwrap();
        let rust = files
            .iter()
            .filter(|(path, _)| path.ends_with(".rs"))
            .map(|(path, source)| (path.as_str(), source))
            .chain([("single file", &single)]);
        for (path, source) in rust {
            let rest = source.strip_prefix(super::layout::HEADER);
            assert!(
                rest.is_some_and(|rest| !rest.contains("@generated")),
                "{path}"
            );
            assert!(syn::parse_file(source).is_ok(), "{path}");
        }
    }
}
