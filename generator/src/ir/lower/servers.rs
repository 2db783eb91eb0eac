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
                            values: enum_values(&variable.enumeration),
                            description: variable.description.clone(),
                        });
                    }
                }
                if !used.contains(&name) {
                    used.push(name);
                }
            }
            let ident = match server.description.as_deref() {
                Some(d) if !d.trim().is_empty() && d.split_whitespace().count() <= 4 => {
                    names::pascal(d)
                }
                _ if self.doc.servers.len() == 1 => "Main".to_owned(),
                _ => format!("Server{index}"),
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
