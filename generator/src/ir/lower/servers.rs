//! Servers and their URL template variables: one `Server` variant per server, one shared
//! `ServerVariables` field per variable, typed when the variable lists its values.

use super::schemas::enum_values;
use super::{template_names, Lowerer};
use crate::diagnostic::{pointer, Diagnostic};
use crate::ir::names::{self, Scope};
use crate::ir::{Server, ServerVariable};

impl<'a> Lowerer<'a> {
    pub(super) fn servers(&mut self) -> Result<(Vec<Server>, Vec<ServerVariable>), Diagnostic> {
        let mut servers = Vec::new();
        let mut variables: Vec<ServerVariable> = Vec::new();
        let mut server_scope = Scope::new();
        let mut field_scope = Scope::new();
        for (index, server) in self.doc.servers.iter().enumerate() {
            let at = pointer(["servers", &index.to_string()]);
            let declared = server.variables.clone().unwrap_or_default();
            let mut used = Vec::new();
            for name in template_names(&server.url) {
                let Some(variable) = declared.get(&name) else {
                    return Err(self
                        .error(&at, format!("server URL `{}` uses `{{{name}}}`, which is not declared in its `variables`", server.url))
                        .with_help(format!("declare `{name}` under `variables` with a `default`")));
                };
                let var_at = format!("{at}/variables/{}", crate::diagnostic::escape_token(&name));
                if !variable.enumeration.is_empty()
                    && !variable.enumeration.contains(&variable.default)
                {
                    return Err(self
                        .error(&var_at, format!("the default `{}` of server variable `{name}` is not one of its `enum` values", variable.default))
                        .with_help("make the default one of the listed values"));
                }
                let definition = (variable.default.clone(), variable.enumeration.clone());
                match variables.iter().find(|v| v.name == name) {
                    Some(existing) => {
                        let existing_values: Vec<String> =
                            existing.values.iter().map(|v| v.value.clone()).collect();
                        if (existing.default.clone(), existing_values) != definition {
                            self.warn(&var_at, format!("server variable `{name}` is declared differently by an earlier server; the first declaration is used"));
                        }
                    }
                    None => {
                        let type_ident = if variable.enumeration.is_empty() {
                            String::new()
                        } else {
                            self.type_scope.claim(names::type_name(&name))
                        };
                        variables.push(ServerVariable {
                            name: name.clone(),
                            field: field_scope.claim(names::snake(&name)),
                            type_ident,
                            default: variable.default.clone(),
                            values: enum_values(&variable.enumeration, &Default::default()),
                            description: variable.description.clone(),
                            placeholder: variable.enumeration.is_empty()
                                && is_placeholder(&variable.default),
                        });
                    }
                }
                if !used.contains(&name) {
                    used.push(name);
                }
            }
            let urls: Vec<&str> = self.doc.servers.iter().map(|s| s.url.as_str()).collect();
            let ident = match server.description.as_deref() {
                Some(d) if !d.trim().is_empty() && d.split_whitespace().count() <= 4 => {
                    names::pascal(d)
                }
                _ if self.doc.servers.len() == 1 => "Main".to_owned(),
                _ => distinguishing_name(&urls, index).unwrap_or_else(|| format!("Server{index}")),
            };
            servers.push(Server {
                ident: server_scope.claim(ident),
                url: server.url.clone(),
                description: server.description.clone(),
                variables: used,
            });
        }
        Ok((servers, variables))
    }
}

/// The words of a URL (its variables left out): `https://{site}-test.example.com/v1` →
/// `https`, `test`, `example`, `com`, `v1`.
/// Whether a free server variable's default is a sample for the reader to replace, not a
/// host anyone should call: a word like `demo`, `example`, `sample`, `changeme`, `xxx`; text
/// starting with `your` or `my-`/`my_`; a template left in (`{site}`, `<site>`); or a host
/// under the reserved `example.com`/`.org`/`.net` (RFC 2606). A variable with an `enum` is
/// never one: its values are the real choices.
pub(crate) fn is_placeholder(default: &str) -> bool {
    let value = default.trim().to_ascii_lowercase();
    const WORDS: &[&str] = &[
        "demo",
        "example",
        "sample",
        "placeholder",
        "changeme",
        "change-me",
        "xxx",
        "yoursite",
        "tenant",
        "subdomain",
        "",
    ];
    WORDS.contains(&value.as_str())
        || value.starts_with("your")
        || value.starts_with("my-")
        || value.starts_with("my_")
        || (value.starts_with('{') && value.ends_with('}'))
        || (value.starts_with('<') && value.ends_with('>'))
        || ["example.com", "example.org", "example.net"]
            .iter()
            .any(|domain| value == *domain || value.ends_with(&format!(".{domain}")))
}

fn url_words(url: &str) -> Vec<String> {
    let mut plain = String::with_capacity(url.len());
    let mut in_variable = false;
    for c in url.chars() {
        match c {
            '{' => in_variable = true,
            '}' => in_variable = false,
            _ if in_variable => {}
            _ => plain.push(c),
        }
        if matches!(c, '{' | '}') {
            plain.push(' ');
        }
    }
    plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// A name for the server at `index` from what its URL has and the others' do not
/// (`{site}-test.chargebee.com` → `Test`); the one server whose URL has nothing of its own is
/// `Main`. `None` when that does not tell the servers apart.
fn distinguishing_name(urls: &[&str], index: usize) -> Option<String> {
    let words: Vec<Vec<String>> = urls.iter().map(|u| url_words(u)).collect();
    let own = |i: usize| -> Vec<String> {
        words[i]
            .iter()
            .filter(|w| {
                words
                    .iter()
                    .enumerate()
                    .all(|(j, other)| j == i || !other.contains(w))
            })
            .cloned()
            .collect()
    };
    let mine = own(index);
    if !mine.is_empty() {
        return Some(names::pascal(&mine.join(" ")));
    }
    // Only one server may go without words of its own, or the names say nothing.
    let bare = (0..urls.len()).filter(|&i| own(i).is_empty()).count();
    (bare == 1).then(|| "Main".to_owned())
}

#[cfg(test)]
mod naming_tests {
    use super::{distinguishing_name, is_placeholder};

    #[test]
    fn sample_defaults_are_placeholders_and_real_ones_are_not() {
        for sample in [
            "demo",
            "Example",
            "your-site",
            "yourcompany",
            "{site}",
            "<tenant>",
            "acme.example.com",
            "my-shop",
        ] {
            assert!(is_placeholder(sample), "{sample}");
        }
        for real in [
            "api",
            "www",
            "eu",
            "v1",
            "localhost",
            "chargebee.com",
            "example-api",
            "demos",
        ] {
            assert!(!is_placeholder(real), "{real}");
        }
    }

    #[test]
    fn servers_are_named_for_what_their_urls_do_not_share() {
        let chargebee = [
            "https://{site}.chargebee.com/api/v2",
            "https://{site}-test.chargebee.com/api/v2",
        ];
        assert_eq!(distinguishing_name(&chargebee, 0).as_deref(), Some("Main"));
        assert_eq!(distinguishing_name(&chargebee, 1).as_deref(), Some("Test"));
        let regions = [
            "https://eu.api.example.com",
            "https://us.api.example.com",
            "https://api.example.com",
        ];
        assert_eq!(distinguishing_name(&regions, 0).as_deref(), Some("Eu"));
        assert_eq!(distinguishing_name(&regions, 2).as_deref(), Some("Main"));
        let sandbox = [
            "https://api.example.com/v1",
            "https://sandbox.example.com/v1",
        ];
        assert_eq!(distinguishing_name(&sandbox, 0).as_deref(), Some("Api"));
        assert_eq!(distinguishing_name(&sandbox, 1).as_deref(), Some("Sandbox"));
        // Identical but for variables: nothing to tell them apart by.
        assert_eq!(
            distinguishing_name(&["https://{a}.x.com", "https://{b}.x.com"], 0),
            None
        );
    }
}
