//! The Cargo features of a generated crate by name: one per module of operations (named as
//! the module), then `webhooks` when the API has webhooks. What each feature gates is the
//! Rust backend's business (`emit::rust::features`).

use std::collections::BTreeSet;

use crate::ir::Api;

/// The name of the feature of the webhooks module.
pub const WEBHOOKS: &str = "webhooks";

/// The features of `api`: its modules of operations (sorted), then `webhooks` when it has
/// webhooks.
pub fn names(api: &Api) -> Vec<String> {
    let modules: BTreeSet<&str> = api.operations.iter().map(|op| op.group.as_str()).collect();
    let mut names: Vec<String> = modules.into_iter().map(str::to_owned).collect();
    if !api.webhooks.is_empty() {
        names.push(WEBHOOKS.to_owned());
    }
    names
}

/// The features a crate that needs only some would name, for examples: the first two.
pub fn example(api: &Api) -> Vec<String> {
    names(api).into_iter().take(2).collect()
}
