//! How requests authenticate: the first supported HTTP scheme (basic or bearer) that the
//! operations require.

use openapiv3::{ReferenceOr, SecurityScheme};

use super::Lowerer;
use crate::diagnostic::pointer;
use crate::ir::Auth;

impl<'a> Lowerer<'a> {
    pub(super) fn auth(&mut self) -> Option<Auth> {
        let components = self.doc.components.as_ref()?;
        let mut required: Vec<&str> = Vec::new();
        let operation_security = self
            .doc
            .paths
            .paths
            .values()
            .filter_map(|p| p.as_item())
            .flat_map(|p| p.iter())
            .filter_map(|(_, op)| op.security.as_ref());
        for requirements in self.doc.security.iter().chain(operation_security) {
            for requirement in requirements {
                required.extend(requirement.keys().map(String::as_str));
            }
        }
        if required.is_empty() {
            required.extend(components.security_schemes.keys().map(String::as_str));
        }
        for name in required {
            let at = pointer(["components", "securitySchemes", name]);
            match components.security_schemes.get(name) {
                Some(ReferenceOr::Item(SecurityScheme::HTTP { scheme, description, .. })) => {
                    match scheme.to_ascii_lowercase().as_str() {
                        "basic" => return Some(Auth::Basic { description: description.clone() }),
                        "bearer" => return Some(Auth::Bearer { description: description.clone() }),
                        other => self.warn(&at, format!("HTTP auth scheme `{other}` is not supported; the client sends no credentials for it")),
                    }
                }
                Some(_) => self.warn(&at, "only HTTP basic and bearer security schemes are supported; this one is ignored"),
                None => self.warn(&pointer(["security"]), format!("security requirement names `{name}`, which is not in components.securitySchemes")),
            }
        }
        None
    }
}
