//! Unit tests of how streamed responses and media types apiforge does not model are lowered.

use std::path::Path;

use super::lower;
use crate::diagnostic::{Diagnostic, Warning};
use crate::ir::{Api, BodyEncoding, Media, StringFormat, Success, TypeRef};
use crate::load::load_bytes;

fn lower_yaml(yaml: &str) -> Result<(Api, Vec<Warning>), Diagnostic> {
    let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false)?;
    let mut warnings = Vec::new();
    let api = lower(&loaded, &mut warnings)?;
    Ok((api, warnings))
}

/// A spec of one `POST /x` whose `200` offers `content` (YAML, indented for its place).
fn with_response(content: &str) -> String {
    format!(
        "openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\npaths:\n  /x:\n    post:\n      operationId: run\n      responses:\n        '200':\n          description: OK\n          content:\n{content}\ncomponents:\n  schemas:\n    Chunk: {{type: object, properties: {{delta: {{type: string}}}}}}\n    Whole: {{type: object, properties: {{text: {{type: string}}}}}}\n"
    )
}

#[test]
fn an_event_stream_alone_is_what_the_operation_returns() {
    let yaml = with_response(
        "            text/event-stream:\n              schema: {$ref: '#/components/schemas/Chunk'}",
    );
    let (api, warnings) = lower_yaml(&yaml).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let op = &api.operations[0];
    assert_eq!(
        op.streams(),
        Some((Media::Events, &TypeRef::Named("Chunk".into())))
    );
    assert!(op.stream_alternative().is_none());
    assert!(!op.downloads());
}

#[test]
fn an_event_stream_beside_json_is_an_alternative_and_json_stays_the_answer() {
    // OpenAI's createChatCompletion.
    let yaml = with_response(
        "            application/json:\n              schema: {$ref: '#/components/schemas/Whole'}\n            text/event-stream:\n              schema: {$ref: '#/components/schemas/Chunk'}",
    );
    let (api, _) = lower_yaml(&yaml).unwrap();
    let op = &api.operations[0];
    assert_eq!(
        op.success,
        Success::Body {
            ty: Some(TypeRef::Named("Whole".into()))
        }
    );
    assert!(op.streams().is_none());
    let stream = op.stream_alternative().expect("an alternative");
    assert_eq!(
        (stream.media, stream.media_type.as_str(), &stream.item),
        (
            Media::Events,
            "text/event-stream",
            &TypeRef::Named("Chunk".into())
        )
    );
    assert_eq!(op.stream_ident(), "run_stream");
}

#[test]
fn bytes_before_an_event_stream_stay_the_answer() {
    // OpenAI's createSpeech: audio bytes, or events when asked.
    let yaml = with_response(
        "            application/octet-stream:\n              schema: {type: string, format: binary}\n            text/event-stream:\n              schema: {$ref: '#/components/schemas/Chunk'}",
    );
    let (api, _) = lower_yaml(&yaml).unwrap();
    let op = &api.operations[0];
    assert!(op.downloads());
    assert_eq!(
        op.stream_alternative().map(|s| s.media),
        Some(Media::Events)
    );
}

#[test]
fn ndjson_and_schemaless_streams() {
    for (media_type, media, item) in [
        ("application/x-ndjson", Media::Lines, TypeRef::Any),
        ("application/jsonl", Media::Lines, TypeRef::Any),
        (
            "text/event-stream",
            Media::Events,
            TypeRef::String(StringFormat::Plain),
        ),
    ] {
        let yaml = with_response(&format!("            {media_type}: {{}}"));
        let (api, _) = lower_yaml(&yaml).unwrap();
        assert_eq!(
            api.operations[0].streams(),
            Some((media, &item)),
            "{media_type}"
        );
    }
}

#[test]
fn a_stream_among_several_successes_is_read_as_text() {
    let yaml = with_response(
        "            text/event-stream:\n              schema: {$ref: '#/components/schemas/Chunk'}",
    )
    .replace(
        "      responses:\n",
        "      responses:\n        '204': {description: Nothing}\n",
    );
    let (api, _) = lower_yaml(&yaml).unwrap();
    let op = &api.operations[0];
    assert!(op.streams().is_none() && op.stream_alternative().is_none());
    let ok = op
        .responses
        .iter()
        .find(|r| r.status.key() == "200")
        .unwrap();
    assert_eq!(ok.media, Media::Text);
}

/// A spec of one `POST /x` whose request body offers `content`.
fn with_body(content: &str) -> String {
    format!(
        "openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\npaths:\n  /x:\n    post:\n      operationId: send\n      requestBody:\n        required: true\n        content:\n{content}\n      responses:\n        '200':\n          description: OK\n          content:\n            application/jwt:\n              schema: {{type: string}}\n"
    )
}

#[test]
fn media_types_apiforge_does_not_model_are_bytes_with_their_type() {
    for media_type in [
        "application/tar",
        "message/rfc822",
        "application/jwt",
        "application/x-protobuf",
    ] {
        let yaml = with_body(&format!(
            "          {media_type}:\n            schema: {{type: object}}"
        ));
        let (api, warnings) = lower_yaml(&yaml).unwrap();
        // Nothing is lost: the caller's bytes are sent whole.
        assert!(warnings.is_empty(), "{media_type}: {warnings:?}");
        let op = &api.operations[0];
        let body = op.body.as_ref().expect("the operation is kept");
        assert_eq!(body.encoding, BodyEncoding::Binary, "{media_type}");
        assert_eq!(body.media_type, media_type);
        assert_eq!(body.fields[0].ty, TypeRef::String(StringFormat::File));
        // An `application/jwt` answer is bytes too, a download.
        assert!(op.downloads(), "{media_type}");
    }
}

#[test]
fn a_modeled_media_type_is_preferred_to_one_apiforge_does_not_model() {
    let yaml = with_body(
        "          application/x-protobuf:\n            schema: {type: string}\n          application/xml:\n            schema: {type: string}",
    );
    let (api, warnings) = lower_yaml(&yaml).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let body = api.operations[0].body.as_ref().unwrap();
    assert_eq!(
        (body.encoding, body.media_type.as_str()),
        (BodyEncoding::Text, "application/xml")
    );
}

#[test]
fn a_body_without_any_media_type_is_left_out_with_a_reason() {
    let yaml =
        with_body("          {}").replace("        content:\n          {}", "        content: {}");
    let (api, warnings) = lower_yaml(&yaml).unwrap();
    assert!(api.operations.is_empty());
    assert!(
        warnings.iter().any(|w| w
            .to_string()
            .contains("the request body documents no media type")),
        "{warnings:?}"
    );
}
