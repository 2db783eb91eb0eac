//! Printing token streams as source files.
//!
//! prettyplease prints whole files through `syn`; most generated items, though, are regular
//! (structs and enums with docs, attributes and plain fields), and [`fast`] prints those
//! directly from their tokens, exactly as prettyplease would. Everything else (impl blocks,
//! functions, imports) goes through `syn` and prettyplease, in batches of consecutive items;
//! prettyplease prints the items of a file independently, so the concatenation is the same as
//! printing the whole file at once.

mod fast;
mod impls;
pub(crate) mod split;
#[cfg(test)]
mod tests;

use proc_macro2::{TokenStream, TokenTree};

use crate::Error;

/// Prints one file: the regular items by [`fast`], the rest by prettyplease.
#[cfg(test)]
pub(super) fn format(file: &str, tokens: TokenStream) -> Result<String, Error> {
    Ok(finish(&print_file_items(file, tokens)?))
}

/// The items of a file printed, before [`finish`]: the pieces of a file printed apart can be
/// concatenated, then finished once.
pub(super) fn print_file_items(file: &str, tokens: TokenStream) -> Result<String, Error> {
    let mut printed = String::new();
    print_items(file, tokens, 0, &mut printed)?;
    Ok(printed)
}

/// The printed file as written: `cfg` attributes on one line, items separated.
pub(super) fn finish(printed: &str) -> String {
    separate_items(&one_line_cfgs(printed))
}

/// The classic path: the whole file parsed by `syn` and printed by prettyplease. The fast path
/// must agree with it (see the tests).
#[cfg(test)]
pub(super) fn format_with_prettyplease(file: &str, tokens: TokenStream) -> Result<String, Error> {
    let mut printed = String::new();
    prettyplease_batch(file, tokens, 0, &mut printed)?;
    Ok(separate_items(&one_line_cfgs(&printed)))
}

/// Prints the inner attributes and items of `tokens` (a file, or a module's body `depth`
/// modules deep) onto `out`.
fn print_items(
    file: &str,
    tokens: TokenStream,
    depth: usize,
    out: &mut String,
) -> Result<(), Error> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    // Consecutive items the fast printer declined, printed together.
    let mut batch: Vec<TokenTree> = Vec::new();
    let inner = split::inner_attrs_end(&trees);
    if inner > 0 && !fast::inner_attrs(&trees[..inner], depth, out) {
        batch.extend_from_slice(&trees[..inner]);
    }
    let mut start = inner;
    while start < trees.len() {
        let end = split::item_end(&trees, start);
        let item = &trees[start..end];
        let mut printed = String::new();
        if fast::item(file, item, depth, &mut printed)? {
            if !batch.is_empty() {
                prettyplease_batch(
                    file,
                    std::mem::take(&mut batch).into_iter().collect(),
                    depth,
                    out,
                )?;
            }
            out.push_str(&printed);
        } else {
            batch.extend_from_slice(item);
        }
        start = end;
    }
    if !batch.is_empty() {
        prettyplease_batch(file, batch.into_iter().collect(), depth, out)?;
    }
    Ok(())
}

/// Prints items (and inner attributes) with `syn` and prettyplease, `depth` modules deep: they
/// are wrapped in that many modules, whose own lines are then dropped, so that they are
/// indented and broken exactly as inside the real modules.
fn prettyplease_batch(
    file: &str,
    tokens: TokenStream,
    depth: usize,
    out: &mut String,
) -> Result<(), Error> {
    let mut tokens = tokens;
    for _ in 0..depth {
        tokens = quote::quote!(mod m { #tokens });
    }
    let parsed: syn::File = syn::parse2(tokens).map_err(|e| Error::Emit {
        file: file.to_owned(),
        message: e.to_string(),
    })?;
    let printed = prettyplease::unparse(&parsed);
    if depth == 0 {
        out.push_str(&printed);
        return Ok(());
    }
    // `mod m {` lines first and `}` lines last, one per level.
    let mut lines: Vec<&str> = printed.split_inclusive('\n').collect();
    if lines.len() < 2 * depth {
        return Err(Error::Emit {
            file: file.to_owned(),
            message: "unexpected nesting in printed module".to_owned(),
        });
    }
    lines.truncate(lines.len() - depth);
    for line in &lines[depth..] {
        out.push_str(line);
    }
    Ok(())
}

/// prettyplease spreads a `#[cfg(any(feature = "a", ...))]` that does not fit the line over
/// one line per feature (ten lines and more for a type many modules reach); written by hand it
/// would be one line. Joins each such attribute back into one.
fn one_line_cfgs(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut pending: Option<(String, String)> = None;
    for line in source.lines() {
        let trimmed = line.trim();
        match pending.as_mut() {
            None if trimmed == "#[cfg(" || trimmed == "#![cfg(" => {
                let indent = &line[..line.len() - line.trim_start().len()];
                pending = Some((indent.to_owned(), trimmed.to_owned()));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
            Some((indent, joined)) => {
                // No space after an opening or before a closing bracket, one after a comma.
                if !(joined.ends_with('(') || trimmed.starts_with(')')) {
                    joined.push(' ');
                }
                joined.push_str(trimmed);
                if trimmed == ")]" {
                    out.push_str(indent);
                    out.push_str(joined);
                    out.push('\n');
                    pending = None;
                }
            }
        }
    }
    // An attribute never closed (none is, in parsed code) is written back as it came.
    if let Some((indent, joined)) = pending {
        out.push_str(&indent);
        out.push_str(&joined);
        out.push('\n');
    }
    out
}

/// prettyplease prints items back to back; hand-written code separates them with a blank
/// line. Adds one after the inner docs, after the imports, and between items (a line that
/// closes a block, followed by the start of another item at the same depth).
fn separate_items(source: &str) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        if lines
            .get(i + 1)
            .is_some_and(|next| blank_between(line, next))
        {
            out.push('\n');
        }
    }
    out
}

/// Appends `part`, a finished part of a file (whole items), to `file`, the finished parts
/// before it: the result is the concatenation finished whole, so that a file built in parts
/// is finished by the workers that print it.
pub(super) fn append_finished(file: &mut String, part: &str) {
    let last = file.trim_end_matches('\n').rsplit('\n').next();
    if let (Some(last), Some(first)) = (last, part.lines().next()) {
        if !file.is_empty() && blank_between(last, first) {
            file.push('\n');
        }
    }
    file.push_str(part);
}

/// Whether hand-written code leaves a blank line between `line` and the `next`.
fn blank_between(line: &str, next: &str) -> bool {
    const ITEM_STARTS: &[&str] = &[
        "pub ",
        "pub(crate) ",
        "impl",
        "#[",
        "#![",
        "///",
        "fn ",
        "async fn ",
        "mod ",
        "struct ",
        "enum ",
        "const ",
        "use ",
        "trait ",
        "type ",
    ];
    let indent = line.len() - line.trim_start().len();
    let next_indent = next.len() - next.trim_start().len();
    let next_trimmed = next.trim_start();
    // Checked last, and only when needed (every line would otherwise try each start).
    let starts_item = || ITEM_STARTS.iter().any(|s| next_trimmed.starts_with(s));
    let trimmed = line.trim_start();
    let after_inner_docs = trimmed.starts_with("//!") && !next_trimmed.starts_with("//!");
    let after_inner_attributes = trimmed.starts_with("#![") && !next_trimmed.starts_with("#![");
    let after_imports =
        trimmed.starts_with("use ") && trimmed.ends_with(';') && !next_trimmed.starts_with("use ");
    let is_module =
        |l: &str| (l.starts_with("mod ") || l.starts_with("pub mod ")) && l.ends_with(';');
    let after_modules = is_module(trimmed) && !is_module(next_trimmed);
    let after_block = (trimmed == "}"
        || trimmed == "};"
        || (trimmed.ends_with(';')
            && indent == 0
            && !is_module(trimmed)
            && !trimmed.starts_with("use ")))
        && indent == next_indent
        && starts_item();
    after_inner_docs || after_inner_attributes || after_imports || after_modules || after_block
}

#[cfg(test)]
mod post_tests {
    use super::{append_finished, finish, one_line_cfgs, separate_items};

    #[test]
    fn items_are_separated_by_one_blank_line() {
        let printed = "//! Docs.\nuse a::b;\nuse c::d;\nmod x;\npub mod y;\npub struct A {\n    x: u8,\n}\nimpl A {\n    fn f() {}\n    fn g() {\n        h();\n    }\n    fn i() {}\n}\n";
        let expected = "//! Docs.\n\nuse a::b;\nuse c::d;\n\nmod x;\npub mod y;\n\npub struct A {\n    x: u8,\n}\n\nimpl A {\n    fn f() {}\n    fn g() {\n        h();\n    }\n\n    fn i() {}\n}\n";
        assert_eq!(separate_items(printed), expected);
    }

    #[test]
    fn a_file_finished_in_parts_equals_the_file_finished_whole() {
        let printed = "//! Docs.\nuse a::b;\n#[cfg(\n    feature = \"x\"\n)]\npub struct A {\n    x: u8,\n}\nimpl A {\n    fn f() {}\n}\npub enum B {\n    C,\n}\nconst D: u8 = 1;\npub struct E;\n";
        let lines: Vec<&str> = printed.split_inclusive('\n').collect();
        // Every way of cutting it in two at a line.
        for cut in 0..=lines.len() {
            let (head, tail) = (lines[..cut].concat(), lines[cut..].concat());
            if head.contains("#[cfg(\n") != head.contains(")]\n") {
                continue; // parts are whole items: never inside an attribute
            }
            let mut parts = String::new();
            append_finished(&mut parts, &finish(&head));
            append_finished(&mut parts, &finish(&tail));
            assert_eq!(parts, finish(printed), "cut before line {cut}");
        }
    }

    #[test]
    fn spread_cfg_attributes_are_joined_into_one_line() {
        let printed = "#[cfg(\n    any(\n        feature = \"a\",\n        feature = \"b\"\n    )\n)]\npub struct A;\n    #[cfg(feature = \"c\")]\n    fn f() {}\n";
        assert_eq!(
            one_line_cfgs(printed),
            "#[cfg(any(feature = \"a\", feature = \"b\"))]\npub struct A;\n    #[cfg(feature = \"c\")]\n    fn f() {}\n"
        );
    }
}
