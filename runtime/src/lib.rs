//! The runtime every generated client crate carries, compiled and tested here as a crate of
//! its own. apiforge copies the files of [`FILES`] into each crate it generates, verbatim up
//! to their unit tests, and re-exports [`ROOT_ITEMS`] at its root (this file is not copied:
//! the generated `lib.rs` declares the same modules), so what is tested here is what users
//! compile.
//!
//! The default `client` feature compiles the runtime itself. Without it the crate is only the
//! two lists: apiforge depends on it that way, so that the generator never builds reqwest,
//! tokio and the rest of what the clients need.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// A file of the runtime: `src/{name}.rs` of every generated crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct File {
    /// The module's name (`client`).
    pub name: &'static str,
    /// Whether the module is `pub` (the `#[doc(hidden)]` plumbing that generated operations
    /// call); the others are private, their public items re-exported at the crate root.
    pub public: bool,
    /// The source as it is here, unit tests included.
    pub source: &'static str,
}

/// The items a runtime module re-exports at the crate root (`pub use client::{Client, ...}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RootItems {
    /// The module (`client`).
    pub module: &'static str,
    /// The names, in the order they are re-exported.
    pub names: &'static [&'static str],
}

/// Every name of [`ROOT_ITEMS`]: the names no generated item at the crate root may take.
pub fn root_names() -> impl Iterator<Item = &'static str> {
    ROOT_ITEMS
        .iter()
        .flat_map(|items| items.names.iter().copied())
}

/// Declares the modules and the root re-exports (with the `client` feature) and builds
/// [`FILES`] and [`ROOT_ITEMS`] from the same lists, so that a module or a re-export is
/// written once and the generator can never miss one.
macro_rules! runtime {
    (
        modules { $( $(#[$attr:meta])* $vis:vis mod $module:ident; )* }
        root { $( pub use $from:ident::{ $($item:ident),* $(,)? }; )* }
    ) => {
        $(
            #[cfg(feature = "client")]
            $(#[$attr])*
            $vis mod $module;
        )*

        $(
            #[cfg(feature = "client")]
            pub use $from::{$($item),*};
        )*

        /// The runtime's files, in the order generated crates declare their modules.
        pub const FILES: &[File] = &[$(
            File {
                name: stringify!($module),
                public: !stringify!($vis).is_empty(),
                source: include_str!(concat!(stringify!($module), ".rs")),
            },
        )*];

        /// What generated crates re-export at their root, as this crate does.
        pub const ROOT_ITEMS: &[RootItems] = &[$(
            RootItems {
                module: stringify!($from),
                names: &[$(stringify!($item)),*],
            },
        )*];
    };
}

/// The response header that carries the server's id for a request. Generated crates declare
/// this constant from their settings (`[client] request-id-header`); the runtime's builder
/// starts from it.
#[cfg(feature = "client")]
const REQUEST_ID_HEADER: &str = "x-request-id";

/// The runtime file only crates that verify their webhooks carry (`[webhooks]` in the
/// settings), under their `webhooks` feature: the others leave it out, and with it its
/// dependencies (hmac, sha2, subtle).
pub const WEBHOOK_SIGNATURES: &str = "signatures";

runtime! {
    modules {
        mod client;
        mod credentials;
        mod encoding;
        mod error;
        mod finite;
        mod hooks;
        mod lines;
        mod media;
        mod nullable;
        mod numbers;
        #[doc(hidden)]
        pub mod objects;
        #[doc(hidden)]
        pub mod paging;
        mod retry;
        #[doc(hidden)]
        pub mod runtime;
        mod sse;
        #[doc(hidden)]
        pub mod signatures;
        mod tenants;
        mod tls;
        mod tokens;
        mod trace;
        #[doc(hidden)]
        pub mod unions;
        mod unknown;
        mod values;
    }
    root {
        pub use client::{Client, ClientBuilder, Response, RetryPolicy};
        pub use credentials::{Credentials};
        pub use error::{ApiError, BuildError, Error, InvalidRequest, ValidationError};
        pub use hooks::{Hook, RetryReason};
        pub use lines::{ItemStream};
        pub use media::{Download, Upload};
        pub use nullable::{Nullable};
        pub use paging::{Paged};
        pub use sse::{EventStream, ServerSentEvent, StreamError};
        pub use unknown::{UnknownValue};
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_lists_name_every_module_once() {
        let mut names: Vec<&str> = super::FILES.iter().map(|file| file.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), super::FILES.len());
        let public: Vec<&str> = super::FILES
            .iter()
            .filter(|file| file.public)
            .map(|file| file.name)
            .collect();
        assert_eq!(
            public,
            ["objects", "paging", "runtime", "signatures", "unions"]
        );
        for items in super::ROOT_ITEMS {
            assert!(names.contains(&items.module), "{}", items.module);
        }
        assert!(super::root_names().any(|name| name == "Download"));
    }
}
