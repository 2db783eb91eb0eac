//! A large API stays navigable: a tag of 500 operations (GitHub's `repos` is ~300) is split
//! into a module per resource, none holding more than 50 operations, instead of one
//! 50,000-line module.

use std::collections::BTreeMap;
use std::path::Path;

use apiforge::{Pipeline, Settings};
use serde_json::{json, Map, Value};

/// 500 operations in one tag, over 25 resources under `/repos/{owner}/{repo}/`.
fn one_huge_tag() -> Value {
    let mut paths = Map::new();
    for i in 0..250 {
        let resource = format!("resource{}", i % 25);
        let op = |verb: &str| {
            json!({
                "operationId": format!("{verb}_{resource}_{i}"),
                "tags": ["repos"],
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"id": {"type": "string"}, "note": {"type": "string"}}}}}}}
            })
        };
        paths.insert(
            format!("/repos/{{owner}}/{{repo}}/{resource}/item{i}"),
            json!({
                "parameters": [
                    {"name": "owner", "in": "path", "required": true, "schema": {"type": "string"}},
                    {"name": "repo", "in": "path", "required": true, "schema": {"type": "string"}}
                ],
                "get": op("get"),
                "delete": op("delete")
            }),
        );
    }
    json!({"openapi": "3.0.3", "info": {"title": "Huge", "version": "1.0.0"}, "paths": paths})
}

#[test]
fn a_500_operation_tag_becomes_a_module_per_resource() {
    let text = serde_json::to_vec(&one_huge_tag()).expect("json");
    let settings = Settings::default();
    let mut pipeline = Pipeline::new(&settings);
    let loaded = pipeline
        .load_bytes(Path::new("huge.json"), &text, true)
        .expect("loads");
    let lowered = pipeline.lower(loaded).expect("lowers");
    let files = pipeline.emit_crate(&lowered).expect("generates");
    let mut operations: BTreeMap<&str, usize> = BTreeMap::new();
    let mut largest = 0;
    for (path, source) in &files {
        let Some(module) = path
            .strip_prefix("src/repos")
            .and_then(|m| m.strip_suffix(".rs"))
        else {
            continue;
        };
        operations.insert(module, source.matches("pub async fn ").count());
        largest = largest.max(source.lines().count());
    }
    assert_eq!(operations.len(), 25, "{operations:?}");
    assert_eq!(operations.get("_resource7"), Some(&20), "{operations:?}");
    assert_eq!(operations.values().sum::<usize>(), 500);
    assert!(largest < 2_000, "the largest module has {largest} lines");
    // Each module is a feature of its own.
    let manifest = &files["Cargo.toml"];
    assert!(manifest.contains("repos_resource7 = []"), "{manifest}");
}
