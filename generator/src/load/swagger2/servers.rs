//! `host`, `basePath` and `schemes` → `servers`.

use serde_json::{json, Value};

use super::Context;

/// One server per scheme (`https://host/basePath`), in the order `schemes` lists them; without
/// `host`, the one relative URL `basePath` (the host the spec is served from, as in 2.0).
/// Without `schemes`, 2.0 means the scheme of the URL the spec was fetched from, which a file
/// does not know: `https` is assumed, with a warning.
pub(super) fn servers(cx: &mut Context<'_>) -> Option<Value> {
    let root = cx.root;
    let base_path = root.get("basePath").and_then(Value::as_str).unwrap_or("");
    let base_path = base_path.trim_end_matches('/');
    let Some(host) = root.get("host").and_then(Value::as_str) else {
        if base_path.is_empty() {
            return None;
        }
        cx.moved("#/servers", "#/basePath");
        return Some(json!([{ "url": base_path }]));
    };
    let host = host.trim_end_matches('/');
    let mut schemes: Vec<&str> = root
        .get("schemes")
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    // Only HTTP schemes make a server URL; `ws`/`wss` name the same host for websockets.
    schemes.retain(|s| matches!(s.to_ascii_lowercase().as_str(), "http" | "https"));
    if schemes.is_empty() {
        cx.warn(
            "#/host",
            "no `schemes` (2.0 then means the scheme of the URL the spec was fetched from, \
             unknown here): `https` assumed; list `schemes` to choose",
        );
        schemes.push("https");
    }
    cx.moved("#/servers", "#/host");
    let servers: Vec<Value> = schemes
        .iter()
        .map(|scheme| json!({ "url": format!("{}://{host}{base_path}", scheme.to_ascii_lowercase()) }))
        .collect();
    Some(Value::Array(servers))
}
