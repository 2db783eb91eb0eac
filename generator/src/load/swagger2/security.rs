//! `securityDefinitions` → `components/securitySchemes`.

use serde_json::{Map, Value};

use super::{child, copy_extensions, Context};

/// Each 2.0 security definition as a 3.0 security scheme: `basic` → HTTP basic, `apiKey` as
/// it is, `oauth2` → one flow (`implicit`, `password`, `application` → `clientCredentials`,
/// `accessCode` → `authorizationCode`). Anything else is copied for the 3.0 model to judge.
pub(super) fn schemes(
    cx: &mut Context<'_>,
    definitions: &Map<String, Value>,
) -> Map<String, Value> {
    definitions
        .iter()
        .map(|(name, definition)| {
            let at = child("#/securityDefinitions", name);
            (name.clone(), scheme(cx, definition, &at))
        })
        .collect()
}

fn scheme(cx: &mut Context<'_>, definition: &Value, at: &str) -> Value {
    let Some(old) = definition.as_object() else {
        return definition.clone();
    };
    let mut new = Map::new();
    let kind = old.get("type").and_then(Value::as_str).unwrap_or("");
    match kind {
        "basic" => {
            new.insert("type".into(), "http".into());
            new.insert("scheme".into(), "basic".into());
        }
        "apiKey" => {
            for key in ["type", "name", "in"] {
                if let Some(value) = old.get(key) {
                    new.insert(key.into(), value.clone());
                }
            }
        }
        "oauth2" => {
            new.insert("type".into(), "oauth2".into());
            let flow = old.get("flow").and_then(Value::as_str).unwrap_or("");
            let name = match flow {
                "implicit" => "implicit",
                "password" => "password",
                "application" => "clientCredentials",
                "accessCode" => "authorizationCode",
                other => {
                    cx.warn(
                        &format!("{at}/flow"),
                        format!("unknown OAuth2 flow `{other}`; read as `accessCode`"),
                    );
                    "authorizationCode"
                }
            };
            let mut flow_object = Map::new();
            for key in ["authorizationUrl", "tokenUrl"] {
                let needed = match key {
                    "authorizationUrl" => matches!(name, "implicit" | "authorizationCode"),
                    _ => name != "implicit",
                };
                if let Some(url) = old.get(key).filter(|_| needed) {
                    flow_object.insert(key.into(), url.clone());
                }
            }
            let scopes = old
                .get("scopes")
                .cloned()
                .unwrap_or_else(|| Map::new().into());
            flow_object.insert("scopes".into(), scopes);
            let mut flows = Map::new();
            flows.insert(name.into(), Value::Object(flow_object));
            new.insert("flows".into(), Value::Object(flows));
        }
        _ => return definition.clone(),
    }
    if let Some(description) = old.get("description") {
        new.insert("description".into(), description.clone());
    }
    copy_extensions(old, &mut new);
    Value::Object(new)
}
