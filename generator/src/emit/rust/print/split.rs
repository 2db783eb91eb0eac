//! Where the items of a token stream begin and end, without parsing them.
//!
//! Used to print items one by one and to add attributes to each item of a stream. The rules
//! hold for the items apiforge emits; should a split ever be wrong for the printer, the
//! pieces still reach prettyplease together (declined items are printed as one batch) or fail
//! to parse with a clear message.

use proc_macro2::{Delimiter, Spacing, TokenTree};

/// The end of the leading inner attributes (`#![...]`) of `trees`.
pub(crate) fn inner_attrs_end(trees: &[TokenTree]) -> usize {
    let mut at = 0;
    while is_punct(trees.get(at), '#')
        && is_punct(trees.get(at + 1), '!')
        && is_group(trees.get(at + 2), Delimiter::Bracket)
    {
        at += 3;
    }
    at
}

/// The end of the outer attributes (`#[...]`) that start at `start`.
pub(crate) fn outer_attrs_end(trees: &[TokenTree], start: usize) -> usize {
    let mut at = start;
    while is_punct(trees.get(at), '#') && is_group(trees.get(at + 1), Delimiter::Bracket) {
        at += 2;
    }
    at
}

/// The end (exclusive) of the item that starts at `start`: its closing `;`, or its body's
/// closing brace for items that end with one (`struct`, `enum`, `impl`, `fn`, `mod`, `trait`,
/// brace macros); `use`, `const`, `static` and `type` items end at their `;` even after braces.
pub(crate) fn item_end(trees: &[TokenTree], start: usize) -> usize {
    let body = outer_attrs_end(trees, start);
    let needs_semicolon = ends_with_semicolon(&trees[body.min(trees.len())..]);
    for (offset, tree) in trees[body.min(trees.len())..].iter().enumerate() {
        let at = body + offset;
        match tree {
            TokenTree::Punct(p) if p.as_char() == ';' => return at + 1,
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace && !needs_semicolon => {
                return at + 1
            }
            _ => {}
        }
    }
    trees.len()
}

/// Whether the item whose tokens (after its attributes) are `trees` always ends with `;`.
fn ends_with_semicolon(trees: &[TokenTree]) -> bool {
    let mut idents = trees.iter().filter_map(|t| match t {
        TokenTree::Ident(i) => Some(i.to_string()),
        _ => None,
    });
    loop {
        let Some(word) = idents.next() else {
            return false;
        };
        match word.as_str() {
            "pub" | "crate" | "super" | "self" | "in" | "unsafe" | "async" | "default" => {}
            "use" | "static" | "type" => return true,
            // `const fn` is a function, `const X: T = ...;` a constant.
            "const" => {
                return !matches!(
                    idents.next().as_deref(),
                    Some("fn" | "unsafe" | "async" | "extern")
                )
            }
            _ => return false,
        }
    }
}

pub(crate) fn is_punct(tree: Option<&TokenTree>, ch: char) -> bool {
    matches!(tree, Some(TokenTree::Punct(p)) if p.as_char() == ch)
}

/// Takes a `::` at `at` onto `out`; false, taking nothing, when there is none.
pub(crate) fn path_separator(trees: &[TokenTree], at: &mut usize, out: &mut String) -> bool {
    match (trees.get(*at), trees.get(*at + 1)) {
        (Some(TokenTree::Punct(first)), Some(second))
            if first.as_char() == ':'
                && first.spacing() == Spacing::Joint
                && is_punct(Some(second), ':') =>
        {
            *at += 2;
            out.push_str("::");
            true
        }
        _ => false,
    }
}

pub(crate) fn is_group(tree: Option<&TokenTree>, delimiter: Delimiter) -> bool {
    matches!(tree, Some(TokenTree::Group(g)) if g.delimiter() == delimiter)
}

#[cfg(test)]
mod tests {
    use proc_macro2::TokenTree;
    use quote::quote;

    fn items(tokens: proc_macro2::TokenStream) -> Vec<String> {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut start = super::inner_attrs_end(&trees);
        let mut out = Vec::new();
        while start < trees.len() {
            let end = super::item_end(&trees, start);
            out.push(
                trees[start..end]
                    .iter()
                    .cloned()
                    .collect::<proc_macro2::TokenStream>()
                    .to_string(),
            );
            start = end;
        }
        out
    }

    #[test]
    fn items_are_split_at_their_end() {
        let split = items(quote! {
            //! Docs.
            use a::{b, c};
            #[derive(Debug)]
            pub struct A { x: u8 }
            pub struct B(pub u8);
            const C: D = D { x: 1 };
            pub const fn e() -> [u8; 2] { [0; 2] }
            impl A { fn f() {} }
            pub(crate) mod m;
            mac! { x }
            type T = U;
        });
        assert_eq!(split.len(), 9, "{split:#?}");
        assert!(split[2].starts_with("pub struct B"));
        assert!(split[3].starts_with("const C"));
        assert!(split[4].starts_with("pub const fn e"));
    }
}
