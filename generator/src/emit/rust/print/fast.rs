//! A printer for the regular items apiforge emits most: structs with named fields, enums with
//! unit and tuple variants, modules, and the attributes and doc comments on them, printed
//! straight from their tokens exactly as prettyplease prints them.
//!
//! It accepts an item only when every one of its parts is a shape it knows and every line it
//! writes fits well within prettyplease's margin (so prettyplease would break none of them);
//! anything else is declined, and printed by prettyplease. `tests.rs` checks that the two agree
//! on every item of the committed specs and Chargebee's.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

use super::split::{is_punct, path_separator};
use crate::Error;

/// The longest line (indentation included) written: prettyplease breaks a line only past
/// column 89, so nothing printed here would have been broken.
const WIDTH: usize = 85;

/// Inner or outer attribute.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Outer,
    Inner,
}

/// Prints inner attributes (`#![...]` triples of tokens) `depth` modules deep; false when one
/// is not a shape this printer knows.
pub(super) fn inner_attrs(trees: &[TokenTree], depth: usize, out: &mut String) -> bool {
    let mut printed = String::new();
    for attr in trees.chunks(3) {
        let Some(TokenTree::Group(group)) = attr.get(2) else {
            return false;
        };
        if !attribute(&group.stream(), Style::Inner, depth * 4, &mut printed) {
            return false;
        }
    }
    out.push_str(&printed);
    true
}

/// Prints one item `depth` modules deep onto `out`; `Ok(false)` (and nothing printed) when it
/// is not a shape this printer knows. Errors come from printing a module's items.
pub(super) fn item(
    file: &str,
    trees: &[TokenTree],
    depth: usize,
    out: &mut String,
) -> Result<bool, Error> {
    let indent = depth * 4;
    let mut printed = String::new();
    let mut at = 0;
    while is_punct(trees.get(at), '#') {
        let Some(TokenTree::Group(group)) = trees.get(at + 1) else {
            return Ok(false);
        };
        if group.delimiter() != Delimiter::Bracket
            || !attribute(&group.stream(), Style::Outer, indent, &mut printed)
        {
            return Ok(false);
        }
        at += 2;
    }
    if matches!(trees.get(at), Some(TokenTree::Ident(i)) if i == "impl") {
        if !super::impls::impl_block(&trees[at..], indent, &mut printed) {
            return Ok(false);
        }
        out.push_str(&printed);
        return Ok(true);
    }
    let Some(vis) = visibility(trees, &mut at) else {
        return Ok(false);
    };
    let (Some(TokenTree::Ident(keyword)), Some(TokenTree::Ident(name)), Some(body)) =
        (trees.get(at), trees.get(at + 1), trees.get(at + 2))
    else {
        return Ok(false);
    };
    if at + 3 != trees.len() {
        return Ok(false);
    }
    let keyword = keyword.to_string();
    let head = format!("{vis}{keyword} {name}");
    if !fits(indent, head.len() + 3) {
        return Ok(false);
    }
    let body = match body {
        TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => group.stream(),
        TokenTree::Punct(p) if p.as_char() == ';' && keyword == "mod" => {
            line(indent, &[&head, ";"], &mut printed);
            out.push_str(&printed);
            return Ok(true);
        }
        _ => return Ok(false),
    };
    let mut inside = String::new();
    let accepted = match keyword.as_str() {
        "struct" => fields(&body, indent + 4, &mut inside),
        "enum" => variants(&body, indent + 4, &mut inside),
        "mod" => {
            super::print_items(file, body.clone(), depth + 1, &mut inside)?;
            true
        }
        _ => false,
    };
    if !accepted {
        return Ok(false);
    }
    if body.is_empty() {
        line(indent, &[&head, " {}"], &mut printed);
    } else {
        line(indent, &[&head, " {"], &mut printed);
        printed.push_str(&inside);
        line(indent, &["}"], &mut printed);
    }
    out.push_str(&printed);
    Ok(true)
}

/// `pub `, `pub(crate) ` or nothing, advancing `at` past it; `None` for other forms.
pub(super) fn visibility(trees: &[TokenTree], at: &mut usize) -> Option<&'static str> {
    match trees.get(*at) {
        Some(TokenTree::Ident(i)) if i == "pub" => {}
        _ => return Some(""),
    }
    *at += 1;
    let Some(TokenTree::Group(group)) = trees.get(*at) else {
        return Some("pub ");
    };
    if group.delimiter() != Delimiter::Parenthesis {
        return Some("pub ");
    }
    let inner: Vec<TokenTree> = group.stream().into_iter().collect();
    *at += 1;
    match inner.as_slice() {
        [TokenTree::Ident(i)] if i == "crate" => Some("pub(crate) "),
        [TokenTree::Ident(i)] if i == "super" => Some("pub(super) "),
        [TokenTree::Ident(i)] if i == "self" => Some("pub(self) "),
        _ => None,
    }
}

/// Named fields, one per line with their attributes.
fn fields(body: &TokenStream, indent: usize, out: &mut String) -> bool {
    let trees: Vec<TokenTree> = body.clone().into_iter().collect();
    let mut at = 0;
    while at < trees.len() {
        if !attributes(&trees, &mut at, indent, out) {
            return false;
        }
        let Some(vis) = visibility(&trees, &mut at) else {
            return false;
        };
        let Some(TokenTree::Ident(name)) = trees.get(at) else {
            return false;
        };
        let colon = trees.get(at + 1);
        if !is_punct(colon, ':') || is_punct(trees.get(at + 2), ':') {
            return false;
        }
        at += 2;
        let mut ty = String::new();
        if !self::ty(&trees, &mut at, &mut ty) || !separator(&trees, &mut at) {
            return false;
        }
        let text = format!("{vis}{name}: {ty},");
        if !fits(indent, text.len()) {
            return false;
        }
        line(indent, &[&text], out);
    }
    true
}

/// Unit and tuple variants, one per line with their attributes.
fn variants(body: &TokenStream, indent: usize, out: &mut String) -> bool {
    let trees: Vec<TokenTree> = body.clone().into_iter().collect();
    let mut at = 0;
    while at < trees.len() {
        if !attributes(&trees, &mut at, indent, out) {
            return false;
        }
        let Some(TokenTree::Ident(name)) = trees.get(at) else {
            return false;
        };
        at += 1;
        let mut text = name.to_string();
        if let Some(TokenTree::Group(group)) = trees.get(at) {
            if group.delimiter() != Delimiter::Parenthesis {
                return false;
            }
            let inner: Vec<TokenTree> = group.stream().into_iter().collect();
            let mut i = 0;
            text.push('(');
            while i < inner.len() {
                if i > 0 {
                    text.push_str(", ");
                }
                if !ty(&inner, &mut i, &mut text) {
                    return false;
                }
                match inner.get(i) {
                    None => {}
                    // A trailing comma is printed only when prettyplease breaks the line.
                    Some(TokenTree::Punct(p)) if p.as_char() == ',' && i + 1 < inner.len() => {
                        i += 1
                    }
                    _ => return false,
                }
            }
            text.push(')');
            at += 1;
        }
        if !separator(&trees, &mut at) {
            return false;
        }
        text.push(',');
        if !fits(indent, text.len()) {
            return false;
        }
        line(indent, &[&text], out);
    }
    true
}

/// The `,` after a field or variant (optional after the last one).
fn separator(trees: &[TokenTree], at: &mut usize) -> bool {
    match trees.get(*at) {
        None => true,
        Some(TokenTree::Punct(p)) if p.as_char() == ',' => {
            *at += 1;
            true
        }
        _ => false,
    }
}

/// The outer attributes at `at`, each on its own line.
pub(super) fn attributes(
    trees: &[TokenTree],
    at: &mut usize,
    indent: usize,
    out: &mut String,
) -> bool {
    while is_punct(trees.get(*at), '#') {
        let Some(TokenTree::Group(group)) = trees.get(*at + 1) else {
            return false;
        };
        if group.delimiter() != Delimiter::Bracket
            || !attribute(&group.stream(), Style::Outer, indent, out)
        {
            return false;
        }
        *at += 2;
    }
    true
}

/// A type: a path, or a reference to one (`&'static str`, `&mut fmt::Formatter<'_>`).
pub(super) fn ty(trees: &[TokenTree], at: &mut usize, out: &mut String) -> bool {
    if !is_punct(trees.get(*at), '&') {
        return path_type(trees, at, out);
    }
    *at += 1;
    out.push('&');
    if is_punct(trees.get(*at), '\'') {
        if !lifetime(trees, at, out) {
            return false;
        }
        out.push(' ');
    }
    if matches!(trees.get(*at), Some(TokenTree::Ident(i)) if i == "mut") {
        *at += 1;
        out.push_str("mut ");
    }
    path_type(trees, at, out)
}

/// A lifetime (`'static`, `'_`).
fn lifetime(trees: &[TokenTree], at: &mut usize, out: &mut String) -> bool {
    match (trees.get(*at), trees.get(*at + 1)) {
        (Some(TokenTree::Punct(quote)), Some(TokenTree::Ident(name)))
            if quote.as_char() == '\'' && quote.spacing() == Spacing::Joint =>
        {
            *at += 2;
            out.push('\'');
            out.push_str(&name.to_string());
            true
        }
        _ => false,
    }
}

/// A type that is a path with angle-bracketed type arguments (`std::collections::BTreeMap<
/// String, Vec<types::Item>>`), printed as prettyplease prints it when it fits.
fn path_type(trees: &[TokenTree], at: &mut usize, out: &mut String) -> bool {
    loop {
        let Some(TokenTree::Ident(segment)) = trees.get(*at) else {
            return false;
        };
        out.push_str(&segment.to_string());
        *at += 1;
        if is_punct(trees.get(*at), '<') {
            *at += 1;
            out.push('<');
            loop {
                let argument = if is_punct(trees.get(*at), '\'') {
                    lifetime(trees, at, out)
                } else {
                    ty(trees, at, out)
                };
                if !argument {
                    return false;
                }
                match trees.get(*at) {
                    Some(TokenTree::Punct(p)) if p.as_char() == '>' => {
                        *at += 1;
                        out.push('>');
                        break;
                    }
                    Some(TokenTree::Punct(p))
                        if p.as_char() == ',' && !is_punct(trees.get(*at + 1), '>') =>
                    {
                        *at += 1;
                        out.push_str(", ");
                    }
                    _ => return false,
                }
            }
        }
        if !path_separator(trees, at, out) {
            return true;
        }
    }
}

/// One attribute (the tokens inside `#[...]` or `#![...]`) on its own line: doc attributes as
/// `///` (`//!`) comments, others as written; false for shapes this printer does not know.
fn attribute(tokens: &TokenStream, style: Style, indent: usize, out: &mut String) -> bool {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let Some(TokenTree::Ident(path)) = trees.first() else {
        return false;
    };
    let path = path.to_string();
    if path == "comment" {
        return false;
    }
    let open = match style {
        Style::Outer => "#[",
        Style::Inner => "#![",
    };
    let text = match &trees[1..] {
        [] => format!("{open}{path}]"),
        [TokenTree::Punct(eq), TokenTree::Literal(lit)] if eq.as_char() == '=' => {
            let repr = lit.to_string();
            if path == "doc" {
                let Some(value) = string_value(&repr) else {
                    return false;
                };
                let comment = match style {
                    Style::Outer if !value.contains('\n') && !value.starts_with('/') => "///",
                    Style::Inner if !value.contains('\n') => "//!",
                    _ => return false,
                };
                line(indent, &[comment, value.trim_end_matches(' ')], out);
                return true;
            }
            if repr.contains(['\n', '\r']) {
                return false;
            }
            format!("{open}{path} = {repr}]")
        }
        [group @ TokenTree::Group(g)] if g.delimiter() == Delimiter::Parenthesis => {
            let mut text = format!("{open}{path}");
            let mut state = State::Word;
            if !attr_tokens(std::slice::from_ref(group), &mut state, &mut text) {
                return false;
            }
            text.push(']');
            text
        }
        _ => return false,
    };
    // A `cfg` too long for the line is spread over several by prettyplease, and joined back
    // into this one line by `one_line_cfgs`.
    if path != "cfg" && !fits(indent, text.len()) {
        return false;
    }
    line(indent, &[&text], out);
    true
}

/// What was printed last in an attribute's tokens (prettyplease's `attr_tokens` states).
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Word,
    Punct,
}

/// An attribute's tokens as prettyplease prints them when they fit on the line.
fn attr_tokens(trees: &[TokenTree], state: &mut State, out: &mut String) -> bool {
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) => {
                if *state == State::Word {
                    out.push(' ');
                }
                out.push_str(&ident.to_string());
                *state = State::Word;
            }
            TokenTree::Punct(punct) => {
                let ch = punct.as_char();
                // A trailing comma is printed only when the line is broken.
                if ch == ',' && i + 1 == trees.len() {
                    return false;
                }
                if *state == State::Word && ch == '=' {
                    out.push(' ');
                }
                out.push(ch);
                if ch == '=' || ch == ',' {
                    out.push(' ');
                }
                *state = State::Punct;
            }
            TokenTree::Literal(literal) => {
                let repr = literal.to_string();
                if repr.contains(['\n', '\r']) {
                    return false;
                }
                if *state == State::Word {
                    out.push(' ');
                }
                out.push_str(&repr);
                *state = State::Word;
            }
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ('(', ')'),
                    Delimiter::Brace => ('{', '}'),
                    Delimiter::Bracket => ('[', ']'),
                    Delimiter::None => return false,
                };
                out.push(open);
                *state = State::Punct;
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                if !attr_tokens(&inner, state, out) {
                    return false;
                }
                out.push(close);
                *state = State::Punct;
            }
        }
    }
    true
}

/// The value of a string literal as `syn` reads it; `None` for other literals and for escapes
/// this printer leaves to `syn`.
pub(super) fn string_value(repr: &str) -> Option<String> {
    if let Some(raw) = repr.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw[hashes..].strip_prefix('"')?;
        let body = body.strip_suffix(&raw[..hashes])?.strip_suffix('"')?;
        return (!body.contains('\r')).then(|| body.to_owned());
    }
    let body = repr.strip_prefix('"')?.strip_suffix('"')?;
    let mut value = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => value.push(match chars.next()? {
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                '\\' => '\\',
                '\'' => '\'',
                '"' => '"',
                '0' => '\0',
                'x' => {
                    let hex: String = chars.by_ref().take(2).collect();
                    let byte = u8::from_str_radix(&hex, 16).ok()?;
                    if hex.len() != 2 || byte > 0x7f {
                        return None;
                    }
                    char::from(byte)
                }
                'u' => {
                    if chars.next()? != '{' {
                        return None;
                    }
                    let hex: String = chars.by_ref().take_while(|c| *c != '}').collect();
                    char::from_u32(u32::from_str_radix(&hex.replace('_', ""), 16).ok()?)?
                }
                _ => return None,
            }),
            '\r' | '\n' | '"' => return None,
            _ => value.push(ch),
        }
    }
    Some(value)
}

/// Whether a line of `len` bytes fits at `indent`.
pub(super) fn fits(indent: usize, len: usize) -> bool {
    indent + len <= WIDTH
}

/// Writes `indent` spaces, the parts and a newline.
pub(super) fn line(indent: usize, parts: &[&str], out: &mut String) {
    out.extend(std::iter::repeat_n(' ', indent));
    for part in parts {
        out.push_str(part);
    }
    out.push('\n');
}
