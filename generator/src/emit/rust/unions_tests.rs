//! Emission tests of unions: the decoder and encoder each kind of union gets.

use std::path::Path;

use crate::{Pipeline, Settings};

/// `src/types.rs` of the crate generated from `yaml`.
fn types_rs(yaml: &str) -> String {
    let settings = Settings::default();
    let mut pipeline = Pipeline::new(&settings);
    let loaded = pipeline
        .load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false)
        .unwrap();
    let lowered = pipeline.lower(loaded).unwrap();
    let files = pipeline.emit_crate(&lowered).unwrap();
    let types = files.get("src/types.rs").unwrap().clone();
    assert!(syn::parse_file(&types).is_ok(), "{types}");
    types
}

/// A spec whose `/in` takes `sent` and whose `/out` returns `received` (schemas by name).
fn spec(sent: &str, received: &str, schemas: &str) -> String {
    format!(
        "openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\npaths:\n  /in:\n    post:\n      requestBody:\n        content: {{application/json: {{schema: {{$ref: '#/components/schemas/{sent}'}}}}}}\n      responses:\n        '204': {{description: OK}}\n  /out:\n    get:\n      responses:\n        '200':\n          description: OK\n          content: {{application/json: {{schema: {{$ref: '#/components/schemas/{received}'}}}}}}\ncomponents:\n  schemas:\n{schemas}"
    )
}

const SCHEMAS: &str = "    Pet:\n      oneOf:\n        - $ref: '#/components/schemas/Cat'\n        - $ref: '#/components/schemas/Dog'\n      discriminator:\n        propertyName: pet_type\n        mapping: {cat: Cat, dog: Dog, puppy: Dog}\n    Sent:\n      oneOf:\n        - $ref: '#/components/schemas/Cat'\n        - $ref: '#/components/schemas/Dog'\n      discriminator: {propertyName: pet_type}\n    Loose:\n      anyOf:\n        - {type: string}\n        - $ref: '#/components/schemas/Cat'\n    Cat:\n      type: object\n      required: [pet_type, name]\n      properties:\n        pet_type: {type: string}\n        name: {type: string}\n    Dog:\n      type: object\n      required: [pet_type, bark]\n      properties:\n        pet_type: {type: string}\n        bark: {type: boolean}\n        kind: {type: string, enum: [dog]}\n";

#[test]
fn a_received_tagged_union_reads_its_tag_and_keeps_unknown_ones() {
    let types = types_rs(&spec("Sent", "Pet", SCHEMAS));
    for expected in [
        "pub enum Pet {",
        "Unknown(serde_json::Value),",
        "impl Serialize for Pet {",
        "crate::unions::tagged(serializer, \"pet_type\", \"cat\", value)",
        "impl<'de> Deserialize<'de> for Pet {",
        "match crate::unions::tag(&value, \"pet_type\").as_deref() {",
        "Some(\"dog\" | \"puppy\") =>",
        "Some(_) => Ok(Self::Unknown(value)),",
        // Without a tag, by fit; `kind`, one value only, is checked.
        "&[(\"kind\", \"dog\")]",
    ] {
        assert!(types.contains(expected), "{expected} missing:\n{types}");
    }
    assert!(!types.contains("#[serde(tag"), "{types}");
}

#[test]
fn a_tagged_union_only_sent_refuses_unknown_tags() {
    let types = types_rs(&spec("Sent", "Pet", SCHEMAS));
    // A union request body is named for its operation.
    let sent = &types[types.find("pub enum PostInBody {").unwrap()..];
    let sent = &sent[..sent.find("\n}\n").unwrap()];
    assert!(!sent.contains("Unknown"), "{sent}");
    assert!(
        types.contains(
            "Some(tag) => Err(crate::unions::unknown_tag(\"PostInBody\", \"pet_type\", tag)),"
        ),
        "{types}"
    );
    // The implicit mapping: the schema names.
    assert!(types.contains("Some(\"Cat\") =>"), "{types}");
}

#[test]
fn an_untagged_union_picks_by_fit() {
    let types = types_rs(&spec("Sent", "Loose", SCHEMAS));
    for expected in [
        "#[serde(untagged)]",
        "impl<'de> Deserialize<'de> for Loose {",
        "let mut pick = crate::unions::Pick::new(&value);",
        "pick.attempt(&[], &[], Self::String);",
        "pick.attempt(&[\"pet_type\", \"name\"], &[], Self::Cat);",
        "pick.finish(\"Loose\")",
    ] {
        assert!(types.contains(expected), "{expected} missing:\n{types}");
    }
}
