//! What Rust files a client crate has: the runtime's files, copied, and the generated ones;
//! the modules `lib.rs` declares and how; the files' paths; and the modules of the
//! single-file form, in order. How they are built is [`super::schedule`]'s business.

use proc_macro2::TokenStream;
use quote::quote;

use super::{common, lib_rs, operations, responses, servers, types, webhooks, Features};
use crate::emit::CrateInfo;
use crate::ir::Api;
use crate::Error;

/// The runtime: ordinary Rust source in the `apiforge-runtime` crate (compiled, linted and
/// unit-tested there), copied verbatim into every generated crate, whole, so no operation can
/// call a helper that was left out.
pub(super) fn runtime() -> &'static [apiforge_runtime::File] {
    apiforge_runtime::FILES
}

/// The marker that opens a runtime file's unit tests, which by convention close the file.
const UNIT_TESTS: &str = "\n#[cfg(test)]\nmod tests {";

/// A runtime file as generated crates carry it: verbatim up to its unit tests, which run in
/// the `apiforge-runtime` crate and would only lengthen every generated crate.
pub(super) fn without_unit_tests(source: &str) -> &str {
    match source.find(UNIT_TESTS) {
        // Up to the line before it: the file then ends with one newline, as rustfmt wants.
        Some(start) => {
            let kept = source[..start].trim_end_matches('\n').len();
            &source[..kept + 1]
        }
        None => source,
    }
}

/// A runtime file parsed, for the single-file form.
pub(super) fn parse_runtime(file: &apiforge_runtime::File) -> Result<TokenStream, Error> {
    let parsed: syn::File =
        syn::parse_str(without_unit_tests(file.source)).map_err(|e| Error::Emit {
            file: format!("src/{}.rs", file.name),
            message: e.to_string(),
        })?;
    Ok(quote!(#parsed))
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
    let mut modules: Vec<(String, Visibility)> = runtime()
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
pub(super) fn generated_modules(api: &Api, krate: &CrateInfo) -> Vec<(String, TokenStream)> {
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
pub(super) enum Module<'a> {
    /// A runtime file.
    Runtime(&'static apiforge_runtime::File),
    /// A generated module.
    Generated(Job<'a>),
}

impl Module<'_> {
    pub(super) fn name(&self) -> String {
        match self {
            Module::Runtime(file) => file.name.to_owned(),
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
    pub(super) fn tokens(
        &self,
        api: &Api,
        krate: &CrateInfo,
    ) -> Result<Option<TokenStream>, Error> {
        match self {
            Module::Runtime(file) => parse_runtime(file).map(Some),
            Module::Generated(job) => Ok(job.tokens(api, krate, &Features::none())),
        }
    }
}

/// The modules of the single-file form, in order: the runtime, then the generated ones.
pub(super) fn single_file_modules(api: &Api) -> Vec<Module<'_>> {
    let mut modules: Vec<Module<'_>> = runtime().iter().map(Module::Runtime).collect();
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

/// A generated file of the crate to build.
pub(super) enum Job<'a> {
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
    pub(super) fn path(&self) -> String {
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

    pub(super) fn tokens(
        &self,
        api: &Api,
        krate: &CrateInfo,
        features: &Features,
    ) -> Option<TokenStream> {
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

#[cfg(test)]
mod tests {
    #[test]
    fn runtime_files_are_copied_up_to_their_unit_tests_which_close_them() {
        for file in super::runtime() {
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
