//! `docs/SETTINGS.md` ends with the reference of every key of `apiforge.toml`, made from the
//! doc comments of `generator/src/settings/`: each setting is documented once, in the code,
//! and this test fails when the page says anything else. Every key must have an example, and
//! every example must be a settings file apiforge accepts.
//!
//! After changing a setting's doc comment, rewrite the block with
//! `APIFORGE_WRITE_SETTINGS_DOCS=1 cargo test -p apiforge --test settings_reference`, and
//! review the change (CI never writes it).

use std::path::{Path, PathBuf};

use apiforge::Settings;
use syn::{Attribute, Expr, Fields, Item, ItemStruct, Lit, Meta};

const START: &str = "<!-- settings-reference:start -->\n";
const END: &str = "<!-- settings-reference:end -->";

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The structs of the settings' source files, by name.
fn structs() -> Vec<ItemStruct> {
    let mut found = Vec::new();
    for file in ["mod.rs", "values.rs"] {
        let path = crate_dir().join("src/settings").join(file);
        let text = std::fs::read_to_string(&path).expect("settings source readable");
        let parsed = syn::parse_file(&text).expect("settings source parses");
        found.extend(parsed.items.into_iter().filter_map(|item| match item {
            Item::Struct(item) => Some(item),
            _ => None,
        }));
    }
    found
}

/// The text of an item's doc comments.
fn docs(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        if let Meta::NameValue(meta) = &attr.meta {
            if let Expr::Lit(lit) = &meta.value {
                if let Lit::Str(text) = &lit.lit {
                    let line = text.value();
                    lines.push(line.strip_prefix(' ').unwrap_or(&line).to_owned());
                }
            }
        }
    }
    lines.join("\n")
}

/// The value of `#[serde(<key> = "...")]`, if the attributes have it.
fn serde_value(attrs: &[Attribute], key: &str) -> Option<String> {
    let mut value = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(key) {
                let lit: syn::LitStr = meta.value()?.parse()?;
                value = Some(lit.value());
            } else if meta.input.peek(syn::Token![=]) {
                let _: Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
    }
    value
}

/// The TOML key of a field: its serde name.
fn key(field: &syn::Field, container: &ItemStruct) -> String {
    if let Some(name) = serde_value(&field.attrs, "rename") {
        return name;
    }
    let ident = field.ident.as_ref().expect("named field").to_string();
    match serde_value(&container.attrs, "rename_all").as_deref() {
        Some("kebab-case") => ident.replace('_', "-"),
        None => ident,
        Some(other) => panic!(
            "{}: rename_all = {other:?} is not read here",
            container.ident
        ),
    }
}

/// `text` with its first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The reference: one heading per section, then each key with its documentation.
fn reference() -> (String, Vec<String>) {
    let structs = structs();
    let find = |name: &str| {
        structs
            .iter()
            .find(|s| s.ident == name)
            .unwrap_or_else(|| panic!("no struct {name} in src/settings"))
    };
    let root = find("Settings");
    let Fields::Named(sections) = &root.fields else {
        panic!("Settings has named fields");
    };
    let mut markdown = String::new();
    let mut examples = Vec::new();
    for section in &sections.named {
        let section_key = key(section, root);
        let syn::Type::Path(ty) = &section.ty else {
            panic!("section {section_key} is a named type");
        };
        let ty = &ty.path.segments.last().expect("a type name").ident;
        // A top-level key (`overlays = [...]`) or a section that is a map (`[replace]`, by
        // schema name) is documented, with its example, on the field itself.
        if matches!(ty.to_string().as_str(), "Vec" | "BTreeMap") {
            let text = docs(&section.attrs);
            let text = text
                .strip_prefix(&format!("`[{section_key}]`: "))
                .map_or_else(|| text.clone(), capitalized);
            let example = text
                .split("```toml\n")
                .nth(1)
                .and_then(|rest| rest.split("```").next())
                .unwrap_or_else(|| panic!("{section_key} has no ```toml example"));
            let table = ty == "BTreeMap";
            let starts = if table {
                format!("[{section_key}]\n")
            } else {
                format!("{section_key} = ")
            };
            assert!(
                example.starts_with(&starts),
                "{section_key}: the example sets this key:\n{example}"
            );
            examples.push(example.to_owned());
            let heading = if table {
                format!("### `[{section_key}]`")
            } else {
                format!("### `{section_key}` (top level)")
            };
            markdown.push_str(&format!("{heading}\n\n{text}\n\n"));
            continue;
        }
        let item = find(&ty.to_string());
        // The field's doc says "`[crate]`: the generated crate's identity."; the heading
        // already names the section.
        let doc = docs(&section.attrs);
        let doc = doc
            .strip_prefix(&format!("`[{section_key}]`: "))
            .unwrap_or(&doc);
        let mut chars = doc.chars();
        let doc: String = chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        });
        markdown.push_str(&format!("### `[{section_key}]`\n\n{doc}\n\n"));
        let Fields::Named(fields) = &item.fields else {
            panic!("{ty} has named fields");
        };
        for field in &fields.named {
            let field_key = key(field, item);
            let text = docs(&field.attrs);
            let example = text
                .split("```toml\n")
                .nth(1)
                .and_then(|rest| rest.split("```").next())
                .unwrap_or_else(|| panic!("[{section_key}] {field_key} has no ```toml example"));
            assert!(
                example.starts_with(&format!("[{section_key}]\n{field_key} = "))
                    || example.starts_with(&format!("[{section_key}.{field_key}]\n")),
                "[{section_key}] {field_key}: the example sets this key:\n{example}"
            );
            examples.push(example.to_owned());
            markdown.push_str(&format!("#### `{section_key}.{field_key}`\n\n{text}\n\n"));
        }
    }
    (markdown, examples)
}

#[test]
fn every_example_is_a_settings_file_apiforge_accepts() {
    let (_, examples) = reference();
    assert!(examples.len() >= 12, "{examples:?}");
    for example in examples {
        let settings = Settings::from_toml(Path::new("example.toml"), &example)
            .unwrap_or_else(|e| panic!("{example}\n{e}"));
        assert_ne!(settings, Settings::default(), "{example} sets nothing");
    }
}

#[test]
fn the_settings_page_ends_with_the_reference_of_every_key() {
    let path = crate_dir().join("../docs/SETTINGS.md");
    let page = std::fs::read_to_string(&path).expect("docs/SETTINGS.md readable");
    let (markdown, _) = reference();
    let (Some(start), Some(end)) = (page.find(START), page.find(END)) else {
        panic!("docs/SETTINGS.md has no {START} ... {END} block");
    };
    let written = &page[start + START.len()..end];
    let wanted = format!("\n{markdown}");
    if written == wanted {
        return;
    }
    if std::env::var_os("APIFORGE_WRITE_SETTINGS_DOCS").is_some() {
        let page = format!("{}{START}{wanted}{}", &page[..start], &page[end..]);
        std::fs::write(&path, page).expect("docs/SETTINGS.md writable");
        return;
    }
    panic!(
        "docs/SETTINGS.md's reference differs from the doc comments of generator/src/settings/; \
         run `APIFORGE_WRITE_SETTINGS_DOCS=1 cargo test -p apiforge --test settings_reference` \
         and review the change"
    );
}
