//! What the user changes in the generated client without touching the spec (issue #25):
//! [`renames`] (`[rename]`), [`replace`] (`[replace]`, `x-rust-type`) and [`derives`]
//! (`[derive]`). Each runs once the names it works on are decided, so it applies on top of
//! whatever apiforge would call things.

mod derives;
mod renames;
mod replace;
#[cfg(test)]
mod tests;

use std::path::Path;

use crate::diagnostic::Diagnostic;

pub(super) use derives::add_derives;
pub(super) use renames::{rename_operations, rename_types};
pub(super) use replace::replace_types;

/// An error in the settings file about what it asks of the API.
fn settings_error(message: String, help: String) -> Diagnostic {
    Diagnostic::new(Path::new(crate::settings::FILE_NAME), None, message).with_help(help)
}
