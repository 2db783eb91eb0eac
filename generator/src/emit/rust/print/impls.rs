//! The fast printer's `impl` blocks: the small ones apiforge writes for each enumeration
//! (`as_str`, `From`, `Display`), whose methods take plain parameters and whose body is one
//! expression: a `match` of simple arms, or a path, call or method call chain. Anything else,
//! or any line that could come near prettyplease's margin, is declined.

use proc_macro2::{Delimiter, TokenTree};

use super::fast::{attributes, fits, line, ty, visibility};
use super::split::{is_punct, path_separator};

/// An `impl` block (its tokens from `impl` on) at `indent`, printed onto `out`; false, with
/// nothing printed, when it is not a shape this printer knows.
pub(super) fn impl_block(trees: &[TokenTree], indent: usize, out: &mut String) -> bool {
    let mut at = 1;
    if is_punct(trees.get(at), '<') {
        return false;
    }
    let mut head = String::from("impl ");
    if !ty(trees, &mut at, &mut head) {
        return false;
    }
    if matches!(trees.get(at), Some(TokenTree::Ident(i)) if i == "for") {
        at += 1;
        head.push_str(" for ");
        if !ty(trees, &mut at, &mut head) {
            return false;
        }
    }
    let (Some(TokenTree::Group(body)), None) = (trees.get(at), trees.get(at + 1)) else {
        return false;
    };
    if body.delimiter() != Delimiter::Brace || !fits(indent, head.len() + 2) {
        return false;
    }
    let items: Vec<TokenTree> = body.stream().into_iter().collect();
    let mut printed = String::new();
    if items.is_empty() {
        line(indent, &[&head, " {}"], &mut printed);
    } else {
        line(indent, &[&head, " {"], &mut printed);
        let mut at = 0;
        while at < items.len() {
            if !method(&items, &mut at, indent + 4, &mut printed) {
                return false;
            }
        }
        line(indent, &["}"], &mut printed);
    }
    out.push_str(&printed);
    true
}

/// A method with attributes, advancing `at` past it.
fn method(trees: &[TokenTree], at: &mut usize, indent: usize, out: &mut String) -> bool {
    if !attributes(trees, at, indent, out) {
        return false;
    }
    let Some(vis) = visibility(trees, at) else {
        return false;
    };
    let (
        Some(TokenTree::Ident(keyword)),
        Some(TokenTree::Ident(name)),
        Some(TokenTree::Group(params)),
    ) = (trees.get(*at), trees.get(*at + 1), trees.get(*at + 2))
    else {
        return false;
    };
    if keyword != "fn" || params.delimiter() != Delimiter::Parenthesis {
        return false;
    }
    *at += 3;
    let mut signature = format!("{vis}fn {name}(");
    let params: Vec<TokenTree> = params.stream().into_iter().collect();
    let mut i = 0;
    while i < params.len() {
        if i > 0 {
            signature.push_str(", ");
        }
        if !parameter(&params, &mut i, &mut signature) {
            return false;
        }
        match params.get(i) {
            None => {}
            Some(TokenTree::Punct(p)) if p.as_char() == ',' && i + 1 < params.len() => i += 1,
            _ => return false,
        }
    }
    signature.push(')');
    if is_punct(trees.get(*at), '-') && is_punct(trees.get(*at + 1), '>') {
        *at += 2;
        signature.push_str(" -> ");
        if !ty(trees, at, &mut signature) {
            return false;
        }
    }
    let Some(TokenTree::Group(body)) = trees.get(*at) else {
        return false;
    };
    if body.delimiter() != Delimiter::Brace || !fits(indent, signature.len() + 2) {
        return false;
    }
    *at += 1;
    let body: Vec<TokenTree> = body.stream().into_iter().collect();
    let mut printed = String::new();
    if !tail_expression(&body, indent + 4, &mut printed) {
        return false;
    }
    line(indent, &[&signature, " {"], out);
    out.push_str(&printed);
    line(indent, &["}"], out);
    true
}

/// `&self`, `&mut self`, `self` or `name: Type`.
fn parameter(trees: &[TokenTree], at: &mut usize, out: &mut String) -> bool {
    if is_punct(trees.get(*at), '&') {
        *at += 1;
        out.push('&');
        if matches!(trees.get(*at), Some(TokenTree::Ident(i)) if i == "mut") {
            *at += 1;
            out.push_str("mut ");
        }
        return match trees.get(*at) {
            Some(TokenTree::Ident(i)) if i == "self" => {
                *at += 1;
                out.push_str("self");
                true
            }
            _ => false,
        };
    }
    let Some(TokenTree::Ident(name)) = trees.get(*at) else {
        return false;
    };
    *at += 1;
    out.push_str(&name.to_string());
    if name == "self" {
        return true;
    }
    if !is_punct(trees.get(*at), ':') || is_punct(trees.get(*at + 1), ':') {
        return false;
    }
    *at += 1;
    out.push_str(": ");
    ty(trees, at, out)
}

/// A block's only content, one expression without `;`: a `match` or a simple expression.
fn tail_expression(trees: &[TokenTree], indent: usize, out: &mut String) -> bool {
    if !matches!(trees.first(), Some(TokenTree::Ident(i)) if i == "match") {
        let mut at = 0;
        let mut text = String::new();
        return expression(trees, &mut at, &mut text)
            && at == trees.len()
            && fits(indent, text.len())
            && {
                line(indent, &[&text], out);
                true
            };
    }
    let mut at = 1;
    let mut head = String::from("match ");
    if !expression(trees, &mut at, &mut head) {
        return false;
    }
    let (Some(TokenTree::Group(arms)), None) = (trees.get(at), trees.get(at + 1)) else {
        return false;
    };
    if arms.delimiter() != Delimiter::Brace || !fits(indent, head.len() + 2) {
        return false;
    }
    let arms: Vec<TokenTree> = arms.stream().into_iter().collect();
    if arms.is_empty() {
        return false;
    }
    let mut printed = String::new();
    let mut at = 0;
    while at < arms.len() {
        let mut arm = String::new();
        if !pattern(&arms, &mut at, &mut arm) {
            return false;
        }
        if !(is_punct(arms.get(at), '=') && is_punct(arms.get(at + 1), '>')) {
            return false;
        }
        at += 2;
        arm.push_str(" => ");
        if !expression(&arms, &mut at, &mut arm) {
            return false;
        }
        match arms.get(at) {
            None => {}
            Some(TokenTree::Punct(p)) if p.as_char() == ',' => at += 1,
            _ => return false,
        }
        arm.push(',');
        if !fits(indent + 4, arm.len()) {
            return false;
        }
        line(indent + 4, &[&arm], &mut printed);
    }
    line(indent, &[&head, " {"], out);
    out.push_str(&printed);
    line(indent, &["}"], out);
    true
}

/// A match arm's pattern: a literal, `_`, a name, a path, or a path with names in parentheses
/// (`Self::Unknown(value)`).
fn pattern(trees: &[TokenTree], at: &mut usize, out: &mut String) -> bool {
    if let Some(TokenTree::Literal(literal)) = trees.get(*at) {
        *at += 1;
        return simple_literal(&literal.to_string(), out);
    }
    if !path(trees, at, out) {
        return false;
    }
    let Some(TokenTree::Group(group)) = trees.get(*at) else {
        return true;
    };
    if group.delimiter() != Delimiter::Parenthesis {
        return false;
    }
    *at += 1;
    let names: Vec<TokenTree> = group.stream().into_iter().collect();
    out.push('(');
    for (i, name) in names.iter().enumerate() {
        match name {
            TokenTree::Ident(name) if i % 2 == 0 => out.push_str(&name.to_string()),
            TokenTree::Punct(p) if i % 2 == 1 && p.as_char() == ',' && i + 1 < names.len() => {
                out.push_str(", ")
            }
            _ => return false,
        }
    }
    out.push(')');
    !names.is_empty()
}

/// A simple expression: a literal, or a path, call or method call chain whose arguments are
/// simple expressions, printed on one line.
fn expression(trees: &[TokenTree], at: &mut usize, out: &mut String) -> bool {
    if let Some(TokenTree::Literal(literal)) = trees.get(*at) {
        *at += 1;
        return simple_literal(&literal.to_string(), out);
    }
    if !path(trees, at, out) {
        return false;
    }
    if let Some(TokenTree::Group(args)) = trees.get(*at) {
        if args.delimiter() == Delimiter::Parenthesis {
            *at += 1;
            if !arguments(args.stream().into_iter().collect(), out) {
                return false;
            }
        }
    }
    while is_punct(trees.get(*at), '.') {
        let (Some(TokenTree::Ident(method)), Some(TokenTree::Group(args))) =
            (trees.get(*at + 1), trees.get(*at + 2))
        else {
            return false;
        };
        if args.delimiter() != Delimiter::Parenthesis {
            return false;
        }
        *at += 3;
        out.push('.');
        out.push_str(&method.to_string());
        if !arguments(args.stream().into_iter().collect(), out) {
            return false;
        }
    }
    true
}

/// `(a, b)` after a function or method name.
fn arguments(trees: Vec<TokenTree>, out: &mut String) -> bool {
    out.push('(');
    let mut at = 0;
    while at < trees.len() {
        if at > 0 {
            out.push_str(", ");
        }
        if !expression(&trees, &mut at, out) {
            return false;
        }
        match trees.get(at) {
            None => {}
            Some(TokenTree::Punct(p)) if p.as_char() == ',' && at + 1 < trees.len() => at += 1,
            _ => return false,
        }
    }
    out.push(')');
    true
}

/// A path of names (`Self::Cancel`, `value`, `fmt::Result`), without generic arguments.
fn path(trees: &[TokenTree], at: &mut usize, out: &mut String) -> bool {
    loop {
        let Some(TokenTree::Ident(segment)) = trees.get(*at) else {
            return false;
        };
        out.push_str(&segment.to_string());
        *at += 1;
        if !path_separator(trees, at, out) {
            return true;
        }
    }
}

/// A string or integer literal as written (prettyplease prints literals as their tokens).
fn simple_literal(repr: &str, out: &mut String) -> bool {
    let string = repr.starts_with('"') && !repr.contains(['\n', '\r']);
    let integer = repr.bytes().all(|b| b.is_ascii_digit());
    if !(string || integer) || repr.is_empty() {
        return false;
    }
    out.push_str(repr);
    true
}
