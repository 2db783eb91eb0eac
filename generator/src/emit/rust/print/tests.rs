//! The fast printer agrees with prettyplease: on every item of every file generated from the
//! committed specs and Chargebee's published one (the crate's files and the single-file form
//! of `build.rs`), each item the fast printer accepts is printed exactly as prettyplease prints
//! it, and whole files are the same either way.

use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};

use super::{fast, format, format_with_prettyplease, one_line_cfgs, prettyplease_batch, split};
use crate::emit::CrateInfo;
use crate::Settings;

/// The specs: Chargebee's (from `CHARGEBEE_SPEC` or `../shared/specs/`; required when
/// `CI=true`), `spec/`, `tests/fixtures/` and the golden crates' inputs (`tests/golden/*.yaml`).
fn specs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let chargebee = std::env::var_os("CHARGEBEE_SPEC")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/specs/chargebee_api_v1_spec.json"));
    let mut specs = vec![root.join("spec/resume_dunning.yaml")];
    if chargebee.is_file() {
        specs.push(chargebee);
    } else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "Chargebee's spec is missing at {}",
            chargebee.display()
        );
    }
    for dir in ["tests/fixtures", "tests/golden"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        found.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
        found.sort();
        specs.extend(found);
    }
    specs
}

/// Counts of the structs and enums seen and of those the fast printer printed.
#[derive(Default)]
struct Counts {
    items: usize,
    fast: usize,
}

/// Compares each item the fast printer accepts (recursing into modules) with prettyplease.
fn check_items(file: &str, tokens: TokenStream, depth: usize, counts: &mut Counts) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut start = split::inner_attrs_end(&trees);
    if start > 0 {
        let mut fast = String::new();
        if fast::inner_attrs(&trees[..start], depth, &mut fast) {
            let mut slow = String::new();
            prettyplease_batch(
                file,
                trees[..start].iter().cloned().collect(),
                depth,
                &mut slow,
            )
            .unwrap();
            assert_eq!(one_line_cfgs(&fast), one_line_cfgs(&slow), "{file}");
        }
    }
    while start < trees.len() {
        let end = split::item_end(&trees, start);
        let item: TokenStream = trees[start..end].iter().cloned().collect();
        let is_type = trees[split::outer_attrs_end(&trees, start)..end]
            .iter()
            .take(3)
            .any(|t| matches!(t, TokenTree::Ident(i) if i == "struct" || i == "enum"));
        counts.items += usize::from(is_type);
        let mut fast = String::new();
        let accepted = fast::item(file, &trees[start..end], depth, &mut fast).unwrap();
        if is_type && !accepted && std::env::var_os("DEBUG_FAST").is_some() {
            eprintln!("DECLINED {file}: {}", item);
        }
        if accepted {
            counts.fast += usize::from(is_type);
            let mut slow = String::new();
            prettyplease_batch(file, item.clone(), depth, &mut slow).unwrap();
            assert_eq!(
                one_line_cfgs(&fast),
                one_line_cfgs(&slow),
                "{file}: the fast printer disagrees with prettyplease on\n{item}"
            );
            // A module's items, one by one.
            if let Some(TokenTree::Group(body)) = trees[..end].last() {
                if trees[start..end]
                    .iter()
                    .any(|t| matches!(t, TokenTree::Ident(i) if i == "mod"))
                {
                    check_items(file, body.stream(), depth + 1, counts);
                }
            }
        }
        start = end;
    }
}

#[test]
fn the_fast_printer_agrees_with_prettyplease_on_every_item() {
    let settings = Settings::default().idempotency_header("chargebee-idempotency-key");
    let mut counts = Counts::default();
    for spec in specs() {
        let loaded = crate::load::load_file(&spec).unwrap();
        let api = crate::ir::lower_api(&loaded, &settings, &mut Vec::new()).unwrap();
        let krate = CrateInfo::new(&api, &settings).unwrap();
        for (path, tokens) in super::super::all_tokens(&api, &krate).unwrap() {
            let file = format!("{}: {path}", spec.display());
            // The crate-level file carries the runtime's items, whose generic and borrowed
            // ones the fast path declines by design (more with each runtime module): every
            // item is still compared, but only the generated files' count toward the share.
            let mut runtime = Counts::default();
            let counted = if path == format!("{}.rs", krate.lib) {
                &mut runtime
            } else {
                &mut counts
            };
            check_items(&file, tokens.clone(), 0, counted);
            let reference = format_with_prettyplease(&file, tokens.clone()).unwrap();
            assert!(
                format(&file, tokens).unwrap() == reference,
                "{file}: the file differs"
            );
            // The single file is printed module by module, on all cores, under the header.
            if path == format!("{}.rs", krate.lib) {
                let single = super::super::emit_single_file(&api, &krate).unwrap();
                assert!(
                    single.strip_prefix(super::super::layout::HEADER) == Some(reference.as_str()),
                    "{file}: the single file differs"
                );
            }
        }
    }
    // The fast path must not quietly decline the items it is for (it declines the runtime's
    // generic and borrowed ones, and doc lines under `cfg_attr`).
    assert!(
        counts.fast * 5 > counts.items * 4,
        "{} of {} structs and enums printed fast",
        counts.fast,
        counts.items
    );
}

#[test]
fn string_literals_are_read_as_syn_reads_them() {
    for text in [
        "plain",
        " `a` \"b\" \\c 'd'",
        "tab\there",
        "é ü 😀",
        "\u{301}x",
        "nul\0 1",
    ] {
        let repr = proc_macro2::Literal::string(text).to_string();
        assert_eq!(fast::string_value(&repr).as_deref(), Some(text), "{repr}");
        let raw = format!("r#\"{text}\"#");
        assert_eq!(fast::string_value(&raw).as_deref(), Some(text), "{raw}");
    }
    assert_eq!(fast::string_value("1"), None);
    assert_eq!(fast::string_value("\"a\\\nb\""), None);
}

#[test]
fn declined_shapes_go_to_prettyplease() {
    let tokens = quote::quote! {
        #![doc = "A\nB"]
        /// A type.
        #[derive(Debug)]
        pub struct A<T> { pub x: T }
        pub struct B { pub x: &'static str, pub y: (u8, u8) }
        pub enum C { D { x: u8 }, E = 1 }
        /// A long attribute.
        #[serde(rename = "a very long wire name that does not fit on one line with the field")]
        pub struct F { pub x: std::collections::BTreeMap<String, Vec<std::collections::BTreeMap<String, u8>>> }
        pub struct G { pub x: u8, }
        mod h { pub struct I; impl I { fn j() {} } }
        impl fmt::Display for A { fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) } }
        impl B {
            pub fn g(&self) -> &'static str {
                match self {
                    Self::X => "x",
                    Self::Y(v, w) => v.as_str(),
                    _ => "a very long literal that would not fit within the margin of prettyplease at all",
                }
            }
            fn h(&self) -> u8 { let x = 1; x }
        }
        impl<T> C<T> { fn i(&self) -> u8 { 1 } }
    };
    assert_eq!(
        format("t.rs", tokens.clone()).unwrap(),
        format_with_prettyplease("t.rs", tokens).unwrap()
    );
}
