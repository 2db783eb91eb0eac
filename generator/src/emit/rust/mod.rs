//! The Rust sources of the client crate, built with `quote` and printed as `prettyplease`
//! prints them (regular items by `print`'s own printer, the rest by prettyplease).
//!
//! Every identifier comes from the IR (already safe); every piece of spec text enters the
//! token stream only as a string literal, so no spec can inject code.

mod append_form;
mod bodies;
mod common;
mod example;
pub(crate) mod features;
mod form;
mod lib_rs;
mod multipart;
mod operations;
pub(crate) mod print;
mod requests;
mod responses;
pub(crate) mod security;
mod servers;
mod types;
mod webhooks;
mod wire;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::{text, CrateInfo, Files};
use crate::ir::{Api, IntegerFormat, StringFormat, TypeRef};
use crate::Error;

pub use example::{usage_example, ExampleForm};
pub(crate) use features::Features;

/// The runtime: ordinary Rust source in the `apiforge-runtime` crate (compiled, linted and
/// unit-tested there), copied verbatim into every generated crate, whole, so no operation can
/// call a helper that was left out.
use apiforge_runtime::FILES as RUNTIME;

/// The marker that opens a runtime file's unit tests, which by convention close the file.
const UNIT_TESTS: &str = "\n#[cfg(test)]\nmod tests {";

/// A runtime file as generated crates carry it: verbatim up to its unit tests, which run in
/// the `apiforge-runtime` crate and would only lengthen every generated crate.
fn without_unit_tests(source: &str) -> &str {
    match source.find(UNIT_TESTS) {
        // Up to the line before it: the file then ends with one newline, as rustfmt wants.
        Some(start) => {
            let kept = source[..start].trim_end_matches('\n').len();
            &source[..kept + 1]
        }
        None => source,
    }
}

/// How a module is declared in `lib.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Visibility {
    /// `pub mod`: users name items through it (`types::Invoice`).
    Public,
    /// `mod`: its public items are re-exported at the crate root.
    Private,
    /// `#[doc(hidden)] pub mod`: the runtime plumbing the generated operations call.
    Hidden,
}

/// The modules of the crate, in `lib.rs` order, with how each is declared.
pub(crate) fn module_list(api: &Api) -> Vec<(String, Visibility)> {
    let mut modules: Vec<(String, Visibility)> = RUNTIME
        .iter()
        .map(|file| {
            (
                file.name.to_owned(),
                // The runtime's public modules are plumbing, not API.
                if file.public {
                    Visibility::Hidden
                } else {
                    Visibility::Private
                },
            )
        })
        .collect();
    modules.push(("servers".to_owned(), Visibility::Private));
    if !api.error_sets.is_empty() {
        modules.push(("responses".to_owned(), Visibility::Private));
    }
    if api.common.is_some() {
        modules.push(("common".to_owned(), Visibility::Private));
    }
    modules.push(("types".to_owned(), Visibility::Public));
    modules.extend(
        operations::groups(api)
            .into_keys()
            .map(|g| (g, Visibility::Public)),
    );
    if !api.webhooks.is_empty() {
        modules.push(("webhooks".to_owned(), Visibility::Public));
    }
    modules
}

/// The generated (not copied) modules' token streams, by name, for the single-file form.
#[cfg(test)]
fn generated_modules(api: &Api, krate: &CrateInfo) -> Vec<(String, TokenStream)> {
    single_file_modules(api)
        .iter()
        .filter_map(|module| match module {
            Module::Generated(job) => {
                let tokens = job.tokens(api, krate, &Features::none())?;
                Some((module.name(), tokens))
            }
            Module::Runtime(..) => None,
        })
        .collect()
}

/// A module of the single-file form.
enum Module<'a> {
    /// A runtime file: name and source.
    Runtime(&'static str, &'static str),
    /// A generated module.
    Generated(Job<'a>),
}

impl Module<'_> {
    fn name(&self) -> String {
        match self {
            Module::Runtime(name, _) => (*name).to_owned(),
            Module::Generated(Job::Group(name, _)) => name.clone(),
            Module::Generated(job) => job
                .path()
                .trim_start_matches("src/")
                .trim_end_matches(".rs")
                .to_owned(),
        }
    }

    /// The module's items; `None` for a generated module the API does not need. The including
    /// crate has no features of ours: nothing is gated.
    fn tokens(&self, api: &Api, krate: &CrateInfo) -> Result<Option<TokenStream>, Error> {
        match self {
            Module::Runtime(name, source) => {
                let parsed: syn::File =
                    syn::parse_str(without_unit_tests(source)).map_err(|e| Error::Emit {
                        file: format!("src/{name}.rs"),
                        message: e.to_string(),
                    })?;
                Ok(Some(quote!(#parsed)))
            }
            Module::Generated(job) => Ok(job.tokens(api, krate, &Features::none())),
        }
    }
}

/// The modules of the single-file form, in order: the runtime, then the generated ones.
fn single_file_modules(api: &Api) -> Vec<Module<'_>> {
    let mut modules: Vec<Module<'_>> = RUNTIME
        .iter()
        .map(|file| Module::Runtime(file.name, file.source))
        .collect();
    modules.extend(
        [
            Job::Servers,
            Job::Responses,
            Job::Common,
            Job::Types(0..api.types.len()),
        ]
        .into_iter()
        .map(Module::Generated),
    );
    modules.extend(
        operations::groups(api)
            .into_iter()
            .map(|(name, ops)| Module::Generated(Job::Group(name, ops))),
    );
    modules.push(Module::Generated(Job::Webhooks));
    modules
}

/// What one worker printed (job index, path and printed items of each job), and its CPU time
/// building tokens and printing them.
type WorkerOutput = (
    Vec<(usize, String, Result<String, Error>)>,
    Duration,
    Duration,
);

/// A generated file of the crate to build.
enum Job<'a> {
    Lib,
    Servers,
    Responses,
    Common,
    /// The types of a range of [`Api::types`]: `src/types.rs` is built in parts on all cores.
    Types(std::ops::Range<usize>),
    Webhooks,
    Group(String, Vec<&'a crate::ir::Operation>),
}

impl Job<'_> {
    fn path(&self) -> String {
        match self {
            Job::Lib => "src/lib.rs".into(),
            Job::Servers => "src/servers.rs".into(),
            Job::Responses => "src/responses.rs".into(),
            Job::Common => "src/common.rs".into(),
            Job::Types(_) => "src/types.rs".into(),
            Job::Webhooks => "src/webhooks.rs".into(),
            Job::Group(name, _) => format!("src/{name}.rs"),
        }
    }

    fn tokens(&self, api: &Api, krate: &CrateInfo, features: &Features) -> Option<TokenStream> {
        Some(match self {
            Job::Lib => lib_rs::emit(api, krate, features),
            Job::Servers => servers::emit(api),
            Job::Responses => responses::emit(api, features)?,
            Job::Common => common::emit(api)?,
            Job::Types(range) => types::emit_part(api, features, range.clone()),
            Job::Webhooks => webhooks::emit(api)?,
            Job::Group(name, ops) => operations::emit_group(api, krate, name, ops),
        })
    }
}

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

/// The token streams of every generated file (path and tokens), then of the single-file form,
/// for tests of the printer.
#[cfg(test)]
fn all_tokens(api: &Api, krate: &CrateInfo) -> Result<Vec<(String, TokenStream)>, Error> {
    let features = Features::of(api);
    let mut files: Vec<(String, TokenStream)> = jobs(api, 2)
        .iter()
        .filter_map(|job| Some((job.path(), job.tokens(api, krate, &features)?)))
        .collect();
    let mut modules = Vec::new();
    for file in RUNTIME {
        let (name, source) = (file.name, file.source);
        let parsed: syn::File =
            syn::parse_str(without_unit_tests(source)).map_err(|e| Error::Emit {
                file: format!("src/{name}.rs"),
                message: e.to_string(),
            })?;
        modules.push(((*name).to_owned(), quote!(#parsed)));
    }
    modules.extend(generated_modules(api, krate));
    files.push((
        format!("{}.rs", krate.lib),
        lib_rs::single_file(api, modules),
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
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
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
    let mut files: Files = RUNTIME
        .iter()
        .map(|file| {
            (
                format!("src/{}.rs", file.name),
                without_unit_tests(file.source).to_owned(),
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
    files.extend(parts);
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
    let modules = single_file_modules(api);
    let wrapper = lib_rs::ModuleWrapper::new(api);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
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
        lib_rs::single_file_reexports(api),
    )?);
    Ok(print::finish(&whole))
}

/// The words `syn` does not accept as an identifier (its `accept_as_ident`).
const KEYWORDS: &[&str] = &[
    "_", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "Self", "self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// An identifier the IR vouches for. Should one ever be invalid, a fixed placeholder keeps the
/// generator from panicking and the bad file fails `format` with a clear message instead.
fn ident(name: &str) -> Ident {
    // The common case without a parse: an ASCII identifier that is no keyword (those `syn`
    // refuses as identifiers).
    let plain = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !KEYWORDS.contains(&name);
    if plain {
        return Ident::new(name, Span::call_site());
    }
    match syn::parse_str::<Ident>(name) {
        Ok(ident) => ident,
        Err(_) => Ident::new("invalid_identifier", Span::call_site()),
    }
}

/// `#[doc]` attributes for a description (as Markdown safe for rustdoc).
fn docs(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) if !text.trim().is_empty() => doc_lines(&text::markdown(text)),
        _ => TokenStream::new(),
    }
}

/// `#[doc]` attributes for text that is already Markdown.
fn doc_lines(markdown: &str) -> TokenStream {
    let lines = markdown.lines().map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote! { #( #[doc = #lines] )* }
}

/// `body` with `value` bound to a reference to `place` (`request.plan_id`): directly for a
/// field that is always there, under `if let Some` for an `Option`.
fn with_value(place: TokenStream, optional: bool, body: TokenStream) -> TokenStream {
    if optional {
        quote! {
            if let Some(value) = &#place {
                #body
            }
        }
    } else {
        quote! {
            let value = &#place;
            #body
        }
    }
}

/// The Rust type of a value; `types` is the path prefix for named types (`types::`), empty
/// inside the types module itself.
fn rust_type(ty: &TypeRef, types: &TokenStream) -> TokenStream {
    match ty {
        TypeRef::String(StringFormat::Plain | StringFormat::Base64) => quote!(String),
        TypeRef::String(StringFormat::DateTime) => quote!(chrono::DateTime<chrono::Utc>),
        TypeRef::String(StringFormat::Date) => quote!(chrono::NaiveDate),
        TypeRef::String(StringFormat::Binary) => quote!(Vec<u8>),
        TypeRef::String(StringFormat::File) => quote!(crate::Upload),
        TypeRef::Integer(IntegerFormat::Int32) => quote!(i32),
        TypeRef::Integer(IntegerFormat::Int64 | IntegerFormat::UnixTime) => quote!(i64),
        TypeRef::Number => quote!(f64),
        TypeRef::Boolean => quote!(bool),
        TypeRef::Named(name) => {
            let name = ident(name);
            quote!(#types #name)
        }
        TypeRef::Array(inner) => {
            let inner = rust_type(inner, types);
            quote!(Vec<#inner>)
        }
        TypeRef::Map(inner) => {
            let inner = rust_type(inner, types);
            quote!(std::collections::BTreeMap<String, #inner>)
        }
        TypeRef::Any => quote!(serde_json::Value),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_types_split_into_ordered_parts_that_cover_them_once() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/resume_dunning.yaml");
        let loaded = crate::load::load_file(&path).unwrap();
        let api = crate::ir::lower(&loaded, &mut Vec::new()).unwrap();
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
    fn runtime_files_are_copied_up_to_their_unit_tests_which_close_them() {
        for file in super::RUNTIME {
            let (name, source) = (file.name, file.source);
            let copied = super::without_unit_tests(source);
            assert!(syn::parse_file(copied).is_ok(), "{name} still parses");
            assert!(
                !copied.contains("#[cfg(test)]"),
                "{name}: tests are cut, and only at the end"
            );
            if copied.len() < source.len() {
                // What is cut is exactly the tests module: it must close the file.
                let rest = source[copied.len()..].trim_start_matches('\n');
                assert!(
                    rest.starts_with("#[cfg(test)]\nmod tests {") && rest.trim_end().ends_with('}'),
                    "{name}"
                );
                let items = syn::parse_file(rest).map(|f| f.items.len()).unwrap_or(0);
                assert_eq!(items, 1, "{name}: the cut part is the tests module alone");
            }
        }
    }
}
