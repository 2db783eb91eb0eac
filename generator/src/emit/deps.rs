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
    /// Whether the dependency is optional: the generated crate's feature of the same name
    /// (on by default) turns it on.
    pub optional: bool,
}

/// What the generated code uses. reqwest is on its current major version, with its own
/// rustls TLS feature; the rest are the small crates reqwest itself builds on.
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
        features: &["rustls", "stream"],
        optional: false,
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

/// What the client generated from `api` needs: [`DEPENDENCIES`], and chrono when the API has
/// dates.
pub fn for_api(api: &crate::ir::Api) -> Vec<Dependency> {
    if api.uses_dates() {
        every()
    } else {
        DEPENDENCIES.to_vec()
    }
}

/// Every dependency a generated client may need, by name.
pub fn every() -> Vec<Dependency> {
    let mut all = DEPENDENCIES.to_vec();
    all.push(CHRONO);
    all.sort_by_key(|d| d.name);
    all
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cargo_toml() {
        let reqwest = DEPENDENCIES.iter().find(|d| d.name == "reqwest").unwrap();
        assert_eq!(
            reqwest.toml_line(),
            r#"reqwest = { version = "0.13", default-features = false, features = ["rustls", "stream"] }"#
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
