//! Unit tests of union lowering: which tag a union gets, and each alternative's tag values.

use std::path::Path;

use super::lower;
use crate::diagnostic::Warning;
use crate::ir::{Api, TagKind, TagSource, TypeKind};
use crate::load::load_bytes;

/// Lowers `schemas` (the YAML under `components/schemas`, indented by 4) with one operation
/// returning `returned`.
fn lower_schemas(returned: &str, schemas: &str) -> (Api, Vec<Warning>) {
    let yaml = format!(
        "openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: OK\n          content: {{application/json: {{schema: {{$ref: '#/components/schemas/{returned}'}}}}}}\ncomponents:\n  schemas:\n{schemas}"
    );
    let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false).unwrap();
    let mut warnings = Vec::new();
    let api = lower(&loaded, &mut warnings).unwrap();
    (api, warnings)
}

/// The union's tag (property, source, open) and each alternative as `Ident=tag|tag`.
fn tags(api: &Api, union: &str) -> (Option<(String, TagSource, bool)>, Vec<String>) {
    let Some(TypeKind::Union { variants, tag }) = api.type_def(union).map(|t| &t.kind) else {
        panic!(
            "{union} is no union: {:?}",
            api.types.iter().map(|t| &t.ident).collect::<Vec<_>>()
        );
    };
    (
        tag.as_ref().map(|t| (t.property.clone(), t.source, t.open)),
        variants
            .iter()
            .map(|v| format!("{}={}", v.ident, v.tags.join("|")))
            .collect(),
    )
}

const CAT_DOG: &str = "    Cat:\n      type: object\n      required: [pet_type, name]\n      properties:\n        pet_type: {type: string}\n        name: {type: string}\n    Dog:\n      type: object\n      required: [pet_type, name]\n      properties:\n        pet_type: {type: string}\n        name: {type: string}\n        bark: {type: boolean}\n";

#[test]
fn an_explicit_mapping_gives_the_wire_values() {
    let schemas = format!("    Pet:\n      oneOf:\n        - $ref: '#/components/schemas/Cat'\n        - $ref: '#/components/schemas/Dog'\n      discriminator:\n        propertyName: pet_type\n        mapping:\n          cat: '#/components/schemas/Cat'\n          dog: Dog\n          puppy: '#/components/schemas/Dog'\n{CAT_DOG}");
    let (api, warnings) = lower_schemas("Pet", &schemas);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        tags(&api, "Pet"),
        (
            Some(("pet_type".into(), TagSource::Discriminator, true)),
            vec!["Cat=cat".into(), "Dog=dog|puppy".into()]
        )
    );
}

#[test]
fn an_implicit_mapping_takes_single_values_then_schema_names() {
    // OpenAI's way: no mapping, each alternative's `type` an enum of one value.
    let schemas = "    Shape:\n      oneOf:\n        - $ref: '#/components/schemas/Circle'\n        - $ref: '#/components/schemas/Square'\n      discriminator: {propertyName: type}\n    Circle:\n      type: object\n      properties:\n        type: {type: string, enum: [circle]}\n    Square:\n      type: object\n      properties:\n        type: {type: string}\n";
    let (api, _) = lower_schemas("Shape", schemas);
    assert_eq!(tags(&api, "Shape").1, ["Circle=circle", "Square=Square"]);
}

#[test]
fn a_base_schema_with_a_discriminator_is_one_of_its_all_of_children() {
    let schemas = "    Animal:\n      type: object\n      required: [kind]\n      properties:\n        kind: {type: string}\n      discriminator:\n        propertyName: kind\n        mapping: {lion: '#/components/schemas/Lion'}\n    Lion:\n      allOf:\n        - $ref: '#/components/schemas/Animal'\n        - {type: object, properties: {mane: {type: boolean}}}\n    Eagle:\n      allOf:\n        - $ref: '#/components/schemas/Animal'\n        - {type: object, properties: {wingspan: {type: number}}}\n";
    let (api, warnings) = lower_schemas("Animal", schemas);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        tags(&api, "Animal"),
        (
            Some(("kind".into(), TagSource::Discriminator, true)),
            vec!["Lion=lion".into(), "Eagle=Eagle".into()]
        )
    );
    // The children are structs with the base's properties.
    let Some(TypeKind::Struct { fields, .. }) = api.type_def("Lion").map(|t| &t.kind) else {
        panic!("Lion is no struct");
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["kind", "mane"]);
}

#[test]
fn stripes_object_property_is_an_implicit_tag() {
    let object = |name: &str, extra: &str| {
        format!("    {name}:\n      type: object\n      required: [id, object]\n      properties:\n        id: {{type: string}}\n        object: {{type: string, enum: [{name}]}}\n{extra}")
    };
    let schemas = format!(
        "    payment_source:\n      anyOf:\n        - $ref: '#/components/schemas/account'\n        - $ref: '#/components/schemas/card'\n        - {{type: string}}\n{}{}",
        object("account", ""),
        object("card", "        last4: {type: string}\n")
    );
    let (api, warnings) = lower_schemas("payment_source", &schemas);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        tags(&api, "PaymentSource"),
        (
            Some(("object".into(), TagSource::SingleValue, true)),
            vec![
                "Account=account".into(),
                "Card=card".into(),
                "String=".into()
            ]
        )
    );
}

#[test]
fn without_distinct_single_values_there_is_no_tag_and_overlaps_are_warned() {
    let schemas = format!("    Pet:\n      oneOf:\n        - $ref: '#/components/schemas/Cat'\n        - $ref: '#/components/schemas/Dog'\n{CAT_DOG}");
    let (api, warnings) = lower_schemas("Pet", &schemas);
    assert_eq!(
        tags(&api, "Pet"),
        (None, vec!["Cat=".into(), "Dog=".into()])
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0]
        .message
        .contains("`Cat` and `Dog` of `Pet` accept the same payloads"));
    assert_eq!(warnings[0].pointer, "#/components/schemas/Pet");
}

#[test]
fn a_union_only_sent_has_a_closed_tag_and_a_shared_tag_is_warned() {
    let yaml = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /x:\n    post:\n      requestBody:\n        content: {application/json: {schema: {$ref: '#/components/schemas/Shape'}}}\n      responses:\n        '204': {description: OK}\ncomponents:\n  schemas:\n    Shape:\n      oneOf:\n        - $ref: '#/components/schemas/A'\n        - $ref: '#/components/schemas/B'\n      discriminator: {propertyName: type}\n    A:\n      type: object\n      properties: {type: {type: string, enum: [same]}}\n    B:\n      type: object\n      properties: {type: {type: string, enum: [same]}, b: {type: string}}\n";
    let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false).unwrap();
    let mut warnings = Vec::new();
    let api = lower(&loaded, &mut warnings).unwrap();
    assert_eq!(
        // A union request body is named for its operation.
        tags(&api, "PostXBody"),
        (
            Some(("type".into(), TagSource::Discriminator, false)),
            vec!["A=same".into(), "B=same".into()]
        )
    );
    assert!(
        warnings.iter().any(|w| w
            .message
            .contains("the tag `same` of `type` names both `A` and `B`")),
        "{warnings:?}"
    );
}

#[test]
fn an_integer_enum_of_one_value_is_an_integer_tag() {
    let object = |name: &str, value: u32| {
        format!("    {name}:\n      type: object\n      required: [type]\n      properties:\n        type: {{type: integer, enum: [{value}]}}\n")
    };
    let schemas = format!(
        "    Component:\n      oneOf:\n        - $ref: '#/components/schemas/Button'\n        - $ref: '#/components/schemas/Select'\n{}{}",
        object("Button", 2),
        object("Select", 3)
    );
    let (api, _) = lower_schemas("Component", &schemas);
    let Some(TypeKind::Union {
        tag: Some(tag),
        variants,
    }) = api.type_def("Component").map(|t| &t.kind)
    else {
        panic!("no tagged union");
    };
    assert_eq!(tag.kind, TagKind::Integer);
    assert_eq!(variants[1].tags, ["3"]);
}

#[test]
fn a_variant_that_is_only_its_polymorphic_base_is_a_struct_not_the_union() {
    // Twitter's `Problem`: a base with a discriminator whose mapping names variants written
    // `allOf: [Problem]` and nothing else. As an alias the variant would be the union itself
    // (a type of infinite size).
    let schemas = "    Problem:\n      type: object\n      required: [type]\n      properties:\n        type: {type: string}\n        detail: {type: string}\n      discriminator:\n        propertyName: type\n        mapping:\n          gone: '#/components/schemas/GoneProblem'\n          bad: '#/components/schemas/BadProblem'\n    GoneProblem:\n      allOf:\n        - $ref: '#/components/schemas/Problem'\n    BadProblem:\n      allOf:\n        - $ref: '#/components/schemas/Problem'\n        - type: object\n          properties:\n            reason: {type: string}\n";
    let (api, _) = lower_schemas("Problem", schemas);
    let (_, variants) = tags(&api, "Problem");
    assert!(
        variants.contains(&"GoneProblem=gone".to_owned()),
        "{variants:?}"
    );
    assert!(
        matches!(
            api.type_def("GoneProblem").map(|t| &t.kind),
            Some(TypeKind::Struct { .. })
        ),
        "{:?}",
        api.type_def("GoneProblem")
    );
}
