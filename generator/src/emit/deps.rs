//! The crates a generated client depends on: one list, read by the crate's `Cargo.toml`
//! template, by `apiforge deps` and by the build-script check, and tested against the runtime
//! crate's own manifest (`runtime/Cargo.toml`), which CI compiles.
//!
//! Every generated crate carries the whole runtime, so the list depends on the API only for
//! what its types need: chrono when it has dates.

use std::fmt::Write as _;

/// One `[dependencies]` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Dependency {
    /// The crate's name.
    pub name: &'static str,
    /// The version requirement.
    pub version: &'static str,
    /// Whether the crate's default features stay on.
    pub default_features: bool,
    /// Features turned on.
    pub features: &'static [&'static str],
    /// Whether the dependency is optional, turned on by a feature of the generated crate:
    /// `tracing` by its own feature (on by default), `rustls` by `rustls-ring`.
    pub optional: bool,
}

/// What the generated code uses. reqwest is on its current major version, its TLS stack
/// chosen by the crate's features ([`TLS_FEATURES`]); the rest are the small crates reqwest
/// itself builds on.
pub const DEPENDENCIES: &[Dependency] = &[
    Dependency {
        name: "base64",
        version: "0.23",
        default_features: true,
        features: &[],
        optional: false,
    },
    Dependency {
        name: "bytes",
        version: "1",
        default_features: true,
        features: &[],
        optional: false,
    },
    Dependency {
        name: "fastrand",
        version: "2",
        default_features: true,
        features: &[],
        optional: false,
    },
    Dependency {
        name: "form_urlencoded",
        version: "1",
        default_features: true,
        features: &[],
        optional: false,
    },
    Dependency {
        name: "futures-util",
        version: "0.3",
        default_features: false,
        features: &[],
        optional: false,
    },
    Dependency {
        name: "httpdate",
        version: "1",
        default_features: true,
        features: &[],
        optional: false,
    },
    Dependency {
        name: "percent-encoding",
        version: "2",
        default_features: true,
        features: &[],
        optional: false,
    },
    Dependency {
        name: "reqwest",
        version: "0.13",
        default_features: false,
        features: &["stream"],
        optional: false,
    },
    // Only for the `rustls-ring` feature: reqwest leaves the crypto provider to the
    // application there, and the runtime installs ring's (`runtime/src/tls.rs`).
    Dependency {
        name: "rustls",
        version: "0.23",
        default_features: false,
        features: &["ring", "std", "tls12"],
        optional: true,
    },
    Dependency {
        name: "serde",
        version: "1",
        default_features: true,
        features: &["derive"],
        optional: false,
    },
    Dependency {
        name: "serde_json",
        version: "1",
        default_features: true,
        features: &[],
        optional: false,
    },
    Dependency {
        name: "thiserror",
        version: "2",
        default_features: true,
        features: &[],
        optional: false,
    },
    Dependency {
        name: "tokio",
        version: "1",
        default_features: false,
        features: &["time"],
        optional: false,
    },
    // The `tracing` feature's spans and events (`src/trace.rs`); without default features it
    // brings no proc-macro crate.
    Dependency {
        name: "tracing",
        version: "0.1",
        default_features: false,
        features: &["std"],
        optional: true,
    },
];

/// A TLS stack a generated crate offers as a Cargo feature of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TlsFeature {
    /// The feature's name (`rustls-ring`).
    pub name: &'static str,
    /// What it turns on, as `Cargo.toml` writes it (`reqwest/rustls-no-provider`).
    pub enables: &'static [&'static str],
    /// What it is, for the manifest's comment and the docs.
    pub about: &'static str,
}

/// The TLS stacks of a generated crate, the first on by default. Each maps to the reqwest
/// feature of that stack (reqwest 0.13 has no ring feature: `rustls-no-provider` and the
/// runtime installing ring's provider make one). `runtime/Cargo.toml` declares the same.
pub const TLS_FEATURES: &[TlsFeature] = &[
    TlsFeature {
        name: "rustls",
        enables: &["reqwest/rustls"],
        about: "rustls with aws-lc-rs (the default; building it needs cmake)",
    },
    TlsFeature {
        name: "rustls-ring",
        enables: &["reqwest/rustls-no-provider", "dep:rustls"],
        about: "rustls with ring (no cmake or NASM)",
    },
    TlsFeature {
        name: "native-tls",
        enables: &["reqwest/native-tls"],
        about: "the platform's TLS (OpenSSL on Linux: needs its headers and pkg-config)",
    },
];

impl TlsFeature {
    /// The feature as a line of `Cargo.toml` (`rustls = ["reqwest/rustls"]`).
    pub fn toml_line(&self) -> String {
        let enables: Vec<String> = self.enables.iter().map(|f| format!("\"{f}\"")).collect();
        format!("{} = [{}]", self.name, enables.join(", "))
    }
}

/// The date and time types of `format: date-time` and `format: date` values. chrono is what
/// the Rust ecosystem interoperates with most (sqlx, diesel, serde-based formats, typify and
/// progenitor's output), its serde support reads and writes RFC 3339 with no attribute on the
/// field, and without default features it builds no clock or time-zone database code.
pub const CHRONO: Dependency = Dependency {
    name: "chrono",
    version: "0.4",
    default_features: false,
    features: &["serde", "std"],
    optional: false,
};

/// What the runtime's webhook signatures (`src/signatures.rs`) need: HMAC-SHA256 and a
/// constant-time comparison, RustCrypto's small pure-Rust crates. Only crates whose settings
/// verify webhooks (`[webhooks]`) depend on them, optionally: their `webhooks` feature turns
/// them on.
pub const WEBHOOK_SIGNATURES: &[Dependency] = &[
    Dependency {
        name: "hmac",
        version: "0.13",
        default_features: true,
        features: &[],
        optional: true,
    },
    Dependency {
        name: "sha2",
        version: "0.11",
        default_features: true,
        features: &[],
        optional: true,
    },
    Dependency {
        name: "subtle",
        version: "2",
        default_features: true,
        features: &[],
        optional: true,
    },
];

/// What the client generated from `api` needs: [`DEPENDENCIES`], chrono when the API has
/// dates, and [`WEBHOOK_SIGNATURES`] when it verifies webhooks; sorted by name.
pub fn for_api(api: &crate::ir::Api) -> Vec<Dependency> {
    let mut needed = DEPENDENCIES.to_vec();
    if api.uses_dates() {
        needed.push(CHRONO);
    }
    if api.webhook_auth.is_some() {
        needed.extend_from_slice(WEBHOOK_SIGNATURES);
    }
    needed.sort_by_key(|d| d.name);
    needed
}

/// Every dependency a generated client may need, by name.
pub fn every() -> Vec<Dependency> {
    let mut all = DEPENDENCIES.to_vec();
    all.push(CHRONO);
    all.extend_from_slice(WEBHOOK_SIGNATURES);
    all.sort_by_key(|d| d.name);
    all
}

/// reqwest's features that choose a TLS stack: a crate building the client from `build.rs`
/// needs one of them (its own manifest, not features of ours, chooses the stack).
pub const REQWEST_TLS: &[&str] = &[
    "rustls",
    "rustls-no-provider",
    "native-tls",
    "native-tls-no-alpn",
    "native-tls-vendored",
    "native-tls-vendored-no-alpn",
    "default-tls",
];

/// What a crate that generates its client in `build.rs` declares (`apiforge deps`, and the
/// build script's manifest check): `needed` without the dependencies only a TLS feature of a
/// generated crate enables (the single file has no TLS features: reqwest comes with its
/// default stack, rustls), keeping `tracing`, an optional dependency whose own feature the
/// single file's `cfg`s read, and requiring the webhook signatures' (the single file has no
/// `webhooks` feature to turn them on).
pub fn for_build_script(needed: &[Dependency]) -> Vec<Dependency> {
    let tls_only = |d: &Dependency| {
        TLS_FEATURES.iter().any(|tls| {
            tls.enables
                .iter()
                .any(|e| e.strip_prefix("dep:") == Some(d.name))
        })
    };
    needed
        .iter()
        .filter(|d| !tls_only(d))
        .map(|d| match d.name {
            "reqwest" => Dependency {
                features: &["rustls", "stream"],
                ..*d
            },
            _ if WEBHOOK_SIGNATURES.iter().any(|w| w.name == d.name) => Dependency {
                optional: false,
                ..*d
            },
            _ => *d,
        })
        .collect()
}

impl Dependency {
    /// The entry as a line of `Cargo.toml` (`reqwest = { version = "0.13", ... }`).
    pub fn toml_line(&self) -> String {
        if self.default_features && self.features.is_empty() && !self.optional {
            return format!("{} = \"{}\"", self.name, self.version);
        }
        let mut line = format!("{} = {{ version = \"{}\"", self.name, self.version);
        if !self.default_features {
            line.push_str(", default-features = false");
        }
        if !self.features.is_empty() {
            let features: Vec<String> = self.features.iter().map(|f| format!("\"{f}\"")).collect();
            let _ = write!(line, ", features = [{}]", features.join(", "));
        }
        if self.optional {
            line.push_str(", optional = true");
        }
        line.push_str(" }");
        line
    }
}

/// The whole `[dependencies]` block, as `apiforge deps` prints it.
pub fn toml_block(dependencies: &[Dependency]) -> String {
    let mut block = String::from("[dependencies]\n");
    for dependency in dependencies {
        block.push_str(&dependency.toml_line());
        block.push('\n');
    }
    block
}

/// The `[dependencies]` lines the settings add (`[dependencies]`, and the crates of `[replace]`
/// entries and of `x-rust-type`), sorted by crate name; a crate both name is written once, as
/// `[dependencies]` gives it.
///
/// # Errors
///
/// [`crate::Error::Settings`] for a crate name Cargo would refuse.
pub fn user_lines(
    api: &crate::ir::Api,
    settings: &crate::Settings,
) -> Result<Vec<String>, crate::Error> {
    use crate::settings::Dependency as Wanted;
    // A JSON string is a TOML basic string: the same quotes and escapes.
    let quoted = |text: &str| serde_json::Value::from(text).to_string();
    let mut lines: std::collections::BTreeMap<&str, String> = std::collections::BTreeMap::new();
    for replaced in &api.replaced {
        if let Some((name, version)) = &replaced.krate {
            lines.insert(name, quoted(version));
        }
    }
    for (name, wanted) in &settings.dependencies {
        let value = match wanted {
            Wanted::Version(version) => quoted(version),
            Wanted::Table(table) => {
                let mut parts = Vec::new();
                if let Some(package) = &table.package {
                    parts.push(format!("package = {}", quoted(package)));
                }
                if let Some(version) = &table.version {
                    parts.push(format!("version = {}", quoted(version)));
                }
                if let Some(path) = &table.path {
                    parts.push(format!("path = {}", quoted(path)));
                }
                if let Some(default) = table.default_features {
                    parts.push(format!("default-features = {default}"));
                }
                if !table.features.is_empty() {
                    let features: Vec<String> = table.features.iter().map(|f| quoted(f)).collect();
                    parts.push(format!("features = [{}]", features.join(", ")));
                }
                format!("{{ {} }}", parts.join(", "))
            }
        };
        lines.insert(name, value);
    }
    lines
        .into_iter()
        .map(|(name, value)| {
            let valid = !name.is_empty()
                && name.len() <= 64
                && name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !valid || DEPENDENCIES.iter().chain([&CHRONO]).any(|d| d.name == name) {
                return Err(crate::Error::Settings(format!(
                    "`{name}` cannot be added to the generated crate's dependencies: it is not a crate name, or the crate already depends on it"
                )));
            }
            Ok(format!("{name} = {value}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cargo_toml() {
        let reqwest = DEPENDENCIES.iter().find(|d| d.name == "reqwest").unwrap();
        assert_eq!(
            reqwest.toml_line(),
            r#"reqwest = { version = "0.13", default-features = false, features = ["stream"] }"#
        );
        let rustls = DEPENDENCIES.iter().find(|d| d.name == "rustls").unwrap();
        assert_eq!(
            rustls.toml_line(),
            r#"rustls = { version = "0.23", default-features = false, features = ["ring", "std", "tls12"], optional = true }"#
        );
        assert_eq!(
            TLS_FEATURES[1].toml_line(),
            r#"rustls-ring = ["reqwest/rustls-no-provider", "dep:rustls"]"#
        );
        assert_eq!(DEPENDENCIES[0].toml_line(), r#"base64 = "0.23""#);
        assert_eq!(
            CHRONO.toml_line(),
            r#"chrono = { version = "0.4", default-features = false, features = ["serde", "std"] }"#
        );
        assert!(toml_block(DEPENDENCIES).starts_with("[dependencies]\nbase64 = \"0.23\"\n"));
        let tracing = DEPENDENCIES.iter().find(|d| d.name == "tracing").unwrap();
        assert_eq!(
            tracing.toml_line(),
            r#"tracing = { version = "0.1", default-features = false, features = ["std"], optional = true }"#
        );
    }
}
