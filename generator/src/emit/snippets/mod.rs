//! The Rust snippets shown to users: usage examples, the Cargo features a crate can name, the
//! credentials an API takes. Both backends show them, the Rust one in doc comments and
//! doctests, the docs one in Markdown; both read them here, so the docs never depend on the
//! Rust backend and the two can never show different code.

mod example;
pub mod features;
pub mod security;

pub use example::{usage_example, ExampleForm};
