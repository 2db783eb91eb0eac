//! The spec's relative links, made absolute against the API's documentation before any file
//! is written: `[type of currency](/docs/api/getting-started)` leads nowhere from rustdoc or
//! docs.rs, `https://apidocs.chargebee.com/docs/api/getting-started` does.
//!
//! The base is `[docs] base-url`, else the origin the spec gives its documentation
//! ([`Api::docs_host`]). Without one, nothing is rewritten here and [`text::markdown`] keeps
//! only the text of a relative link. Both backends (Rust and Markdown docs) read the
//! rewritten API, so they cannot disagree.

use std::borrow::Cow;

use super::text;
use crate::ir::{Api, Field, TypeKind, Types};

/// `api` with every description's relative links resolved against `base`; `api` itself when
/// there is no base.
pub(crate) fn resolve<'a>(api: &'a Api, base: Option<&str>) -> Cow<'a, Api> {
    let Some(base) = base else {
        return Cow::Borrowed(api);
    };
    let fix = |text: &mut Option<String>| {
        if let Some(t) = text {
            *t = text::resolve_links(t, base);
        }
    };
    let fix_fields = |fields: &mut [Field]| {
        for field in fields {
            fix(&mut field.description);
        }
    };
    let mut api = api.clone();
    fix(&mut api.description);
    for server in &mut api.servers {
        fix(&mut server.description);
    }
    for variable in &mut api.server_variables {
        fix(&mut variable.description);
    }
    for scheme in api.auth.iter_mut().flat_map(|a| a.schemes.iter_mut()) {
        fix(&mut scheme.description);
    }
    for op in &mut api.operations {
        fix(&mut op.summary);
        fix(&mut op.description);
        for param in &mut op.params {
            fix(&mut param.description);
        }
        if let Some(body) = &mut op.body {
            fix(&mut body.description);
            fix_fields(&mut body.fields);
        }
        for response in &mut op.responses {
            response.description = text::resolve_links(&response.description, base);
        }
    }
    for set in &mut api.error_sets {
        for response in &mut set.responses {
            response.description = text::resolve_links(&response.description, base);
        }
    }
    for param in api.common.iter_mut().flat_map(|c| c.params.iter_mut()) {
        fix(&mut param.description);
    }
    for webhook in &mut api.webhooks {
        fix(&mut webhook.summary);
        fix(&mut webhook.description);
    }
    let mut types = api.types.as_slice().to_vec();
    for def in &mut types {
        fix(&mut def.description);
        if let TypeKind::Struct { fields, .. } = &mut def.kind {
            fix_fields(fields);
        }
    }
    api.types = Types::new(types);
    Cow::Owned(api)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::emit::{emit, Files};
    use crate::load::load_bytes;
    use crate::profile::Stages;
    use crate::Settings;

    /// The files generated from a spec whose `info` is `info` (YAML flow mapping entries
    /// after the title and version) and whose operation's description links to
    /// `/docs/api/getting-started`.
    fn generate(info: &str, settings: &Settings) -> Files {
        let yaml = format!(
            "openapi: 3.0.3\ninfo: {{title: T, version: '1'{info}}}\npaths:\n  /a:\n    get:\n      operationId: getA\n      description: 'In the [type of currency](/docs/api/getting-started).'\n      responses: {{'204': {{description: OK}}}}\n"
        );
        let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false).unwrap();
        let api = crate::ir::lower_api(&loaded, settings, &mut Vec::new()).unwrap();
        emit(&api, settings, &mut Stages::default()).unwrap()
    }

    /// Every generated file's text that mentions the link, joined.
    fn mentions(files: &Files) -> String {
        files
            .values()
            .filter(|text| text.contains("type of currency"))
            .cloned()
            .collect()
    }

    #[test]
    fn relative_links_resolve_against_the_spec_s_documentation_host() {
        let files = generate(
            ", contact: {url: 'https://www.example.com/support'}",
            &Settings::default(),
        );
        let text = mentions(&files);
        assert!(
            text.contains("[type of currency](https://www.example.com/docs/api/getting-started)"),
            "{text}"
        );
        assert!(!text.contains("](/docs"), "{text}");
    }

    #[test]
    fn the_docs_base_url_setting_wins_over_the_spec() {
        let settings = Settings::default().docs_base_url("https://apidocs.example.com");
        let files = generate(
            ", termsOfService: 'https://www.example.com/terms'",
            &settings,
        );
        let text = mentions(&files);
        assert!(
            text.contains(
                "[type of currency](https://apidocs.example.com/docs/api/getting-started)"
            ),
            "{text}"
        );
    }

    #[test]
    fn without_a_documentation_host_a_relative_link_is_its_text() {
        let files = generate("", &Settings::default());
        let text = mentions(&files);
        assert!(text.contains("In the type of currency."), "{text}");
        assert!(!text.contains("](/docs"), "{text}");
    }

    #[test]
    fn a_docs_base_url_that_is_not_a_url_is_refused() {
        let settings = Settings::default().docs_base_url("apidocs.example.com");
        let loaded = load_bytes(
            Path::new("t.yaml"),
            b"openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n",
            false,
        )
        .unwrap();
        let api = crate::ir::lower_api(&loaded, &settings, &mut Vec::new()).unwrap();
        let error = emit(&api, &settings, &mut Stages::default()).unwrap_err();
        assert!(error.to_string().contains("base-url"), "{error}");
    }
}
