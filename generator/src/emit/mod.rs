//! Turning the IR into the files of a client crate.
//!
//! Rust sources are built as token streams with `quote` and printed as `prettyplease` prints
//! them ([`rust`]); Markdown docs and crate files come from minijinja templates ([`docs`],
//! [`templates`]). The Rust snippets both show (usage examples, features, credentials) are
//! in [`snippets`]. Everything is produced in memory, in a deterministic order.

pub mod deps;
pub mod docs;
pub(crate) mod links;
mod render;
pub mod rust;
pub mod snippets;
pub mod templates;
pub mod text;

use crate::ir::Api;
use crate::{Error, Settings};
use std::collections::BTreeMap;

/// The generated files: relative path (with `/` separators) → contents.
pub type Files = BTreeMap<String, String>;

/// Facts about the crate being generated, derived once from the settings and the spec.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CrateInfo {
    /// Package name (`chargebee-api`).
    pub name: String,
    /// Library name as used in `use` paths (`chargebee_api`).
    pub lib: String,
    /// Package version.
    pub version: String,
    /// The spec's title.
    pub title: String,
    /// The apiforge version that generated it.
    pub generator_version: String,
    /// The idempotency-key header, lowercased, if the settings name one.
    pub idempotency_header: Option<String>,
    /// The response header carrying the server's request id, lowercased (`[client]
    /// request-id-header`, default `x-request-id`): the generated `REQUEST_ID_HEADER`.
    pub request_id_header: String,
    /// The `data` that ends an event stream (`[client] stream-end`), if the API has one.
    pub stream_end: Option<String>,
    /// What the spec's relative links are resolved against: `[docs] base-url`, else the
    /// spec's documentation host ([`Api::docs_host`]).
    pub docs_base: Option<String>,
    /// The `[dependencies]` lines the settings add, for `[replace]` and `[derive]`.
    pub user_dependencies: Vec<String>,
}

impl CrateInfo {
    /// Derives the crate's identity, refusing names and versions Cargo would refuse.
    pub fn new(api: &Api, settings: &Settings) -> Result<Self, Error> {
        let name = match &settings.krate.name {
            Some(name) => name.clone(),
            None => crate::ir::names::crate_name(&api.title),
        };
        let valid_name = !name.is_empty()
            && name.len() <= 64
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid_name {
            return Err(Error::Settings(format!(
                "`{name}` is not a valid crate name: use ASCII letters, digits, `-` and `_`, starting with a letter"
            )));
        }
        let version = match &settings.krate.version {
            Some(version) => {
                semver::Version::parse(version).map_err(|e| {
                    Error::Settings(format!("`{version}` is not a semver version: {e}"))
                })?;
                version.clone()
            }
            None => semver::Version::parse(&api.version)
                .map_or_else(|_| "0.1.0".to_owned(), |v| v.to_string()),
        };
        let idempotency_header = settings
            .client
            .idempotency_header
            .as_deref()
            .map(header_name)
            .transpose()?;
        let request_id_header = header_name(
            settings
                .client
                .request_id_header
                .as_deref()
                .unwrap_or("x-request-id"),
        )?;
        let docs_base = match &settings.docs.base_url {
            Some(url) => {
                let url = url.trim();
                let rest = url
                    .strip_prefix("https://")
                    .or_else(|| url.strip_prefix("http://"));
                if rest.is_none_or(|r| r.is_empty() || r.starts_with('/')) {
                    return Err(Error::Settings(format!(
                        "`[docs] base-url = \"{url}\"` is not an http(s) URL: give one such as \"https://docs.example.com\""
                    )));
                }
                Some(url.to_owned())
            }
            None => api.docs_host.clone(),
        };
        Ok(Self {
            stream_end: settings.client.stream_end.clone(),
            user_dependencies: deps::user_lines(api, settings)?,
            idempotency_header,
            request_id_header,
            docs_base,
            lib: name.replace('-', "_"),
            name,
            version,
            title: api.title.clone(),
            generator_version: env!("CARGO_PKG_VERSION").to_owned(),
        })
    }
}

/// `header` lowercased, or an error when it is not an HTTP header name (a token).
fn header_name(header: &str) -> Result<String, Error> {
    let valid = !header.is_empty()
        && header
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if !valid {
        return Err(Error::Settings(format!(
            "`{header}` is not a valid HTTP header name"
        )));
    }
    Ok(header.to_ascii_lowercase())
}

/// Emits every file of the client crate for `api`, recording the time of its stages (Rust
/// tokens, printing, templates).
pub fn emit(
    api: &Api,
    settings: &Settings,
    stages: &mut crate::profile::Stages,
) -> Result<Files, Error> {
    let krate = CrateInfo::new(api, settings)?;
    let api = &*links::resolve(api, krate.docs_base.as_deref());
    let templates = templates::Templates::load(settings.generator.templates.as_deref())?;
    // The docs and crate files are rendered alongside the Rust: the Rust workers leave a core
    // idle at the end of their queue, and a small API has fewer files than cores.
    let (rust, docs) = std::thread::scope(|scope| {
        let docs = scope.spawn(|| docs::emit(api, &krate, &templates));
        let rust = rust::emit_staged(api, &krate, stages);
        let docs = docs
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (rust, docs)
    });
    let mut files = rust?;
    files.extend(docs?);
    // What rendering added after the Rust was done.
    stages.mark("templates");
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(title: &str, version: &str) -> Api {
        Api {
            title: title.into(),
            version: version.into(),
            description: None,
            servers: Vec::new(),
            server_variables: Vec::new(),
            auth: None,
            operations: Vec::new(),
            types: crate::ir::Types::default(),
            webhooks: Vec::new(),
            webhook_discriminator: None,
            webhook_auth: None,
            docs_host: None,
            error_sets: Vec::new(),
            common: None,
            replaced: Vec::new(),
        }
    }

    #[test]
    fn crate_identity_derives_from_the_spec_info() {
        let krate = CrateInfo::new(&api("Chargebee API", "2.0.0"), &Settings::default()).unwrap();
        assert_eq!(
            (
                krate.name.as_str(),
                krate.lib.as_str(),
                krate.version.as_str()
            ),
            ("chargebee-api", "chargebee_api", "2.0.0")
        );
        // Not semver: Chargebee's own `2026-06-12.a49b…` versions.
        let krate = CrateInfo::new(
            &api("Café API!", "2026-06-12.a49b34e"),
            &Settings::default(),
        )
        .unwrap();
        assert_eq!(
            (krate.name.as_str(), krate.version.as_str()),
            ("caf-api", "0.1.0")
        );
        let krate = CrateInfo::new(&api("42", "1"), &Settings::default()).unwrap();
        assert_eq!(krate.name, "api-42");
    }

    #[test]
    fn chosen_names_and_versions_are_validated() {
        let settings = Settings::default().crate_name("my client");
        assert!(matches!(
            CrateInfo::new(&api("T", "1.0.0"), &settings),
            Err(Error::Settings(_))
        ));
        let settings = Settings::default().crate_version("1.0");
        assert!(matches!(
            CrateInfo::new(&api("T", "1.0.0"), &settings),
            Err(Error::Settings(_))
        ));
    }

    #[test]
    fn an_api_without_operations_still_emits_a_compilable_skeleton() {
        let files = emit(
            &api("Empty", "1.0.0"),
            &Settings::default(),
            &mut crate::profile::Stages::default(),
        )
        .unwrap();
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "Cargo.toml",
                "README.md",
                "docs/index.md",
                "src/client.rs",
                "src/credentials.rs",
                "src/encoding.rs",
                "src/error.rs",
                "src/finite.rs",
                "src/hooks.rs",
                "src/lib.rs",
                "src/lines.rs",
                "src/media.rs",
                "src/nullable.rs",
                "src/numbers.rs",
                "src/objects.rs",
                "src/paging.rs",
                "src/retry.rs",
                "src/runtime.rs",
                "src/servers.rs",
                "src/sse.rs",
                "src/tenants.rs",
                "src/tls.rs",
                "src/tokens.rs",
                "src/trace.rs",
                "src/types.rs",
                "src/unions.rs",
                "src/unknown.rs",
                "src/values.rs"
            ]
        );
        for (name, source) in files.iter().filter(|(n, _)| n.ends_with(".rs")) {
            assert!(syn::parse_file(source).is_ok(), "{name} does not parse");
        }
    }
}
