//! The command-line contract: `apiforge generate <SPEC> --out <DIR> [--check]`, exit 0 on
//! success, 1 when `--check` finds differences, 2 on bad input; output replaced whole or not
//! at all; a user's files never overwritten silently; every run saying what it wrote, changed
//! and removed.

mod common;
mod diff_and_deps;
mod generate;
mod output;
mod settings;
mod user_code;
