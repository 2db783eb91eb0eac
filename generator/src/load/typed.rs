//! The typed model of the bundled document. Its path items (most of a large spec: 80% of
//! Chargebee's bytes) are converted on all cores while one thread converts the rest.

use std::sync::Mutex;

use indexmap::IndexMap;
use openapiv3::{OpenAPI, PathItem, ReferenceOr};
use serde_json::{Map, Value};

use super::sources::Sources;
use super::to_openapi;
use crate::diagnostic::Diagnostic;

type PathItems = IndexMap<String, ReferenceOr<PathItem>>;

/// Fewer path items than this are converted on one thread: a thread costs more than they do.
const PARALLEL_FROM: usize = 32;

/// The document as `openapiv3` types; an error points at the first node (in path order, then
/// the rest of the document) that does not match OpenAPI. (Converted separately, a path item
/// that does not match is named by its own pointer rather than by `#/paths`, which is all the
/// flattened `Paths` lets serde say.)
pub(super) fn document(sources: &Sources, mut value: Value) -> Result<OpenAPI, Diagnostic> {
    let Some(paths) = value.get_mut("paths").and_then(Value::as_object_mut) else {
        return to_openapi(sources, "#", value);
    };
    // `x-` keys are the paths object's extensions, not path items: they stay with the rest.
    let mut items: Vec<(String, Value)> = Vec::with_capacity(paths.len());
    for (key, item) in std::mem::take(paths) {
        if key.starts_with("x-") {
            paths.insert(key, item);
        } else {
            items.push((key, item));
        }
    }
    let threads = if items.len() < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8)
    };
    // Small chunks, taken in turn by whichever thread is free: the one that converts the rest
    // of the document joins in when it is done.
    let per_chunk = items.len().div_ceil(threads * 4).max(1);
    let mut chunks: Vec<Map<String, Value>> = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        chunks.push(items.by_ref().take(per_chunk).collect());
    }
    let queue = Mutex::new(chunks.into_iter().enumerate());
    let work = || {
        let mut done = Vec::new();
        loop {
            // The lock is released before converting.
            let next = queue.lock().ok().and_then(|mut queue| queue.next());
            let Some((index, chunk)) = next else {
                return done;
            };
            let chunk = Value::Object(chunk);
            done.push((index, to_openapi::<PathItems>(sources, "#/paths", chunk)));
        }
    };
    let (rest, mut parts) = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let rest = to_openapi::<OpenAPI>(sources, "#", value);
        let mut parts = work();
        for handle in handles {
            parts.extend(
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        (rest, parts)
    });
    parts.sort_by_key(|(index, _)| *index);
    let mut merged = PathItems::new();
    for (_, part) in parts {
        merged.extend(part?);
    }
    let mut document = rest?;
    document.paths.paths = merged;
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec(paths: usize) -> Value {
        let mut items = Map::new();
        items.insert("x-note".into(), json!("an extension, not a path"));
        for i in 0..paths {
            items.insert(
                format!("/things/{i}"),
                json!({"get": {"operationId": format!("get_{i}"),
                    "responses": {"200": {"description": "OK"}}}}),
            );
        }
        json!({"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": items})
    }

    fn sources(value: &Value) -> Sources {
        Sources::single(super::super::sources::SourceFile {
            path: "spec.json".into(),
            text: serde_json::to_string_pretty(value).unwrap_or_default(),
            is_json: true,
        })
    }

    #[test]
    fn converts_path_items_in_parallel_exactly_as_in_one_piece() {
        for paths in [3, PARALLEL_FROM, 101] {
            let value = spec(paths);
            let whole: OpenAPI = serde_json::from_value(value.clone()).unwrap();
            let parallel = document(&sources(&value), value).unwrap();
            assert_eq!(parallel, whole, "{paths} paths");
            let order: Vec<&String> = parallel.paths.paths.keys().collect();
            assert_eq!(order.len(), paths);
            assert_eq!(
                order.last().map(|k| k.as_str()),
                Some(&*format!("/things/{}", paths - 1))
            );
            assert!(parallel.paths.extensions.contains_key("x-note"));
        }
    }

    #[test]
    fn an_invalid_path_item_is_reported_at_its_own_pointer() {
        let mut value = spec(100);
        value["paths"]["/things/77"]["get"]["responses"] = json!("not responses");
        let sources = sources(&value);
        let error = document(&sources, value).unwrap_err();
        assert_eq!(error.pointer.as_deref(), Some("#/paths/~1things~177"));
        assert!(
            error.to_string().contains("expected struct Responses"),
            "{error}"
        );
    }
}
