//! Unit tests of merging identical types ([`super::dedup`]).

use std::path::Path;

use super::lower;
use crate::ir::{Api, TypeKind, TypeRef};
use crate::load::load_bytes;

fn lower_yaml(yaml: &str) -> Api {
    let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false).unwrap();
    lower(&loaded, &mut Vec::new()).unwrap()
}

/// A spec of `POST` operations, each `(path, body properties as YAML flow mappings)`, plus
/// `components` (YAML at the `components:` level, may be empty).
fn spec(operations: &[(&str, &str)], components: &str) -> String {
    let mut yaml = String::from("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n");
    for (path, properties) in operations {
        yaml.push_str(&format!(
            "  {path}:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {{type: object, properties: {properties}}}\n      responses: {{'204': {{description: OK}}}}\n"
        ));
    }
    if !components.is_empty() {
        yaml.push_str("components:\n");
        yaml.push_str(components);
    }
    yaml
}

fn body_type<'a>(api: &'a Api, op: usize, field: &str) -> &'a TypeRef {
    let body = api.operations[op].body.as_ref().unwrap();
    &body.fields.iter().find(|f| f.name == field).unwrap().ty
}

fn idents(api: &Api) -> Vec<&str> {
    api.types.iter().map(|t| t.ident.as_str()).collect()
}

const ADDRESS: &str = "{type: object, properties: {city: {type: string}, zip: {type: string}}}";

#[test]
fn identical_inline_objects_become_one_type_named_for_their_property() {
    let api = lower_yaml(&spec(
        &[
            ("/a", &format!("{{billing_address: {ADDRESS}}}")),
            ("/b", &format!("{{billing_address: {ADDRESS}}}")),
        ],
        "",
    ));
    assert_eq!(idents(&api), ["BillingAddress"]);
    for op in 0..2 {
        assert_eq!(
            body_type(&api, op, "billing_address"),
            &TypeRef::Named("BillingAddress".into())
        );
    }
}

#[test]
fn array_items_are_named_in_the_singular_and_shared_words_name_mixed_properties() {
    let item = "{type: object, properties: {id: {type: string}, quantity: {type: integer}}}";
    let api = lower_yaml(&spec(
        &[
            (
                "/a",
                &format!("{{addons: {{type: array, items: {item}}}, billing_address: {ADDRESS}}}"),
            ),
            (
                "/b",
                &format!("{{addons: {{type: array, items: {item}}}, shipping_address: {ADDRESS}}}"),
            ),
        ],
        "",
    ));
    assert_eq!(idents(&api), ["Addon", "Address"]);
    assert_eq!(
        body_type(&api, 1, "addons"),
        &TypeRef::Array(Box::new(TypeRef::Named("Addon".into())))
    );
    assert_eq!(
        body_type(&api, 1, "shipping_address"),
        &TypeRef::Named("Address".into())
    );
}

#[test]
fn shapes_that_differ_only_in_required_fields_stay_apart() {
    let required =
        "{type: object, required: [city], properties: {city: {type: string}, zip: {type: string}}}";
    let api = lower_yaml(&spec(
        &[
            ("/a", &format!("{{billing_address: {ADDRESS}}}")),
            ("/b", &format!("{{billing_address: {required}}}")),
        ],
        "",
    ));
    assert_eq!(
        idents(&api),
        ["PostARequestBillingAddress", "PostBRequestBillingAddress"]
    );
}

#[test]
fn descriptions_and_field_order_do_not_count_and_the_first_description_stays() {
    let described = "{type: object, description: Second, properties: {zip: {type: string, description: Postal code}, city: {type: string}}}";
    let first = "{type: object, description: First, properties: {city: {type: string}, zip: {type: string}}}";
    let api = lower_yaml(&spec(
        &[
            ("/a", &format!("{{billing_address: {first}}}")),
            ("/b", &format!("{{billing_address: {described}}}")),
        ],
        "",
    ));
    assert_eq!(idents(&api), ["BillingAddress"]);
    let def = api.type_def("BillingAddress").unwrap();
    assert_eq!(def.description.as_deref(), Some("First"));
    let TypeKind::Struct { fields, .. } = &def.kind else {
        panic!("struct")
    };
    assert_eq!(fields[0].name, "city");
}

#[test]
fn an_inline_object_identical_to_a_component_uses_the_component() {
    let components = format!("  schemas:\n    Location: {ADDRESS}\n    Place: {ADDRESS}\n");
    let api = lower_yaml(&spec(
        &[
            (
                "/a",
                &format!("{{home: {ADDRESS}, at: {{$ref: '#/components/schemas/Location'}}}}"),
            ),
            (
                "/b",
                &format!("{{work: {ADDRESS}, at: {{$ref: '#/components/schemas/Place'}}}}"),
            ),
        ],
        &components,
    ));
    // Two identical components are never merged: their author named them apart. The inline
    // copies join the first component reached.
    assert_eq!(idents(&api), ["Location", "Place"]);
    assert_eq!(
        body_type(&api, 0, "home"),
        &TypeRef::Named("Location".into())
    );
    assert_eq!(
        body_type(&api, 1, "work"),
        &TypeRef::Named("Location".into())
    );
    assert_eq!(body_type(&api, 1, "at"), &TypeRef::Named("Place".into()));
}

#[test]
fn merging_children_makes_parents_equal_until_nothing_changes() {
    // Three levels: the enums merge first, which makes the gateways equal, which makes the
    // cards equal.
    let card = "{type: object, properties: {gateway: {type: object, properties: {brand: {type: string, enum: [stripe, braintree]}}}, last4: {type: string}}}";
    let reordered = card.replace("[stripe, braintree]", "[braintree, stripe]");
    let api = lower_yaml(&spec(
        &[
            ("/a", &format!("{{card: {card}}}")),
            ("/b", &format!("{{card: {reordered}}}")),
        ],
        "",
    ));
    assert_eq!(idents(&api), ["Brand", "Card", "Gateway"]);
    let TypeKind::Struct { fields, .. } = &api.type_def("Card").unwrap().kind else {
        panic!("struct")
    };
    assert_eq!(fields[0].ty, TypeRef::Named("Gateway".into()));
}

#[test]
fn nothing_depends_on_the_order_operations_come_in() {
    let tax = "{type: string, enum: [country, state]}";
    let operations = [
        (
            "/a",
            format!("{{tax1_juris_type: {tax}, billing_address: {ADDRESS}}}"),
        ),
        (
            "/b",
            format!("{{tax2_juris_type: {tax}, billing_address: {ADDRESS}}}"),
        ),
        ("/c", format!("{{other: {ADDRESS}}}")),
    ];
    let forward: Vec<(&str, &str)> = operations.iter().map(|(p, b)| (*p, b.as_str())).collect();
    let backward: Vec<(&str, &str)> = forward.iter().rev().copied().collect();
    let one = lower_yaml(&spec(&forward, ""));
    let other = lower_yaml(&spec(&backward, ""));
    // `billing_address` and `other` share no words: the group, a small part of requests, is
    // named from its properties.
    assert_eq!(idents(&one), ["CityZipParams", "JurisType"]);
    assert_eq!(one.types, other.types);
    let api = lower_yaml(&spec(&forward[..2], ""));
    let reversed = lower_yaml(&spec(&backward[1..], ""));
    assert_eq!(idents(&api), ["BillingAddress", "JurisType"]);
    assert_eq!(api.types, reversed.types);
}

#[test]
fn generic_property_names_do_not_name_a_type() {
    let kind = "{type: string, enum: [a, b]}";
    let api = lower_yaml(&spec(
        &[
            ("/addon", &format!("{{type: {kind}}}")),
            ("/plan", &format!("{{kind: {kind}}}")),
            ("/x", &format!("{{addon_type: {kind}}}")),
        ],
        "",
    ));
    // `type` and `kind` share no words; alone, `type` would not be used either.
    assert_eq!(idents(&api), ["PostPlanRequestKind"]);
    let api = lower_yaml(&spec(
        &[
            ("/addon", &format!("{{type: {kind}}}")),
            ("/plan", &format!("{{type: {kind}}}")),
        ],
        "",
    ));
    assert_eq!(idents(&api), ["PostPlanRequestType"]);
}

#[test]
fn a_derived_name_that_is_taken_is_not_reused() {
    let other = "{type: object, properties: {line1: {type: string}}}";
    let components = format!("  schemas:\n    BillingAddress: {other}\n");
    let api = lower_yaml(&spec(
        &[
            (
                "/a",
                &format!(
                    "{{billing_address: {ADDRESS}, c: {{$ref: '#/components/schemas/BillingAddress'}}}}"
                ),
            ),
            ("/b", &format!("{{billing_address: {ADDRESS}}}")),
        ],
        &components,
    ));
    // The component keeps `BillingAddress`; the request's copies are its parameters.
    assert_eq!(idents(&api), ["BillingAddress", "BillingAddressParams"]);
}

#[test]
fn a_component_wrapped_in_all_of_keeps_its_name() {
    let components = format!("  schemas:\n    Location: {{allOf: [{ADDRESS}]}}\n");
    let api = lower_yaml(&spec(
        &[
            (
                "/a",
                &format!("{{home: {ADDRESS}, at: {{$ref: '#/components/schemas/Location'}}}}"),
            ),
            ("/b", &format!("{{home: {ADDRESS}}}")),
        ],
        &components,
    ));
    assert_eq!(idents(&api), ["Location"]);
    assert_eq!(
        body_type(&api, 1, "home"),
        &TypeRef::Named("Location".into())
    );
}

/// A spec whose operations (`(operationId, response properties as a YAML flow mapping)`)
/// each answer `200` with an inline object, beside the components `Invoice`, `Transaction`
/// and `Subscription`.
fn responses_spec(operations: &[(&str, &str)]) -> String {
    let mut yaml = String::from("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n");
    for (id, properties) in operations {
        yaml.push_str(&format!(
            "  /{id}:\n    get:\n      operationId: {id}\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {{type: object, required: [invoice], properties: {properties}}}\n"
        ));
    }
    yaml.push_str("components:\n  schemas:\n");
    for name in ["Invoice", "Transaction", "Subscription"] {
        yaml.push_str(&format!(
            "    {name}: {{type: object, properties: {{id: {{type: string}}}}}}\n"
        ));
    }
    yaml
}

fn response_type(api: &Api, op: &str) -> String {
    let op = api.operations.iter().find(|o| o.id == op).unwrap();
    match op.responses[0].body.as_ref().unwrap() {
        TypeRef::Named(name) => name.clone(),
        other => panic!("not a named type: {other:?}"),
    }
}

const INVOICE: &str = "{invoice: {$ref: '#/components/schemas/Invoice'}}";
const INVOICE_TRANSACTION: &str = "{invoice: {$ref: '#/components/schemas/Invoice'}, transaction: {$ref: '#/components/schemas/Transaction'}}";

#[test]
fn a_wrapper_of_resources_is_named_for_them_not_for_an_operation() {
    let api = lower_yaml(&responses_spec(&[
        ("void_an_invoice", INVOICE),
        ("retrieve_an_invoice", INVOICE),
        ("refund_an_invoice", INVOICE_TRANSACTION),
        ("record_payment", INVOICE_TRANSACTION),
    ]));
    assert_eq!(
        response_type(&api, "retrieve_an_invoice"),
        "InvoiceResponse"
    );
    assert_eq!(response_type(&api, "void_an_invoice"), "InvoiceResponse");
    // `InvoiceResponse` is the plain wrapper's: the larger one adds its other resource.
    assert_eq!(
        response_type(&api, "record_payment"),
        "InvoiceTransactionResponse"
    );
}

#[test]
fn a_merged_name_survives_adding_removing_and_reordering_its_users() {
    let all = [
        ("void_an_invoice", INVOICE),
        ("retrieve_an_invoice", INVOICE),
        ("delete_an_invoice", INVOICE),
        ("refund_an_invoice", INVOICE_TRANSACTION),
        ("collect_payment", INVOICE_TRANSACTION),
    ];
    let full = lower_yaml(&responses_spec(&all));
    let reversed: Vec<_> = all.iter().rev().copied().collect();
    assert_eq!(full.types, lower_yaml(&responses_spec(&reversed)).types);
    // A release that drops `void_an_invoice` and `collect_payment` renames nothing.
    let fewer = lower_yaml(&responses_spec(&[
        all[1],
        all[2],
        all[3],
        ("record_payment", INVOICE_TRANSACTION),
    ]));
    assert_eq!(idents(&fewer), idents(&full));
}

#[test]
fn request_parts_beside_a_component_of_their_name_are_its_params() {
    let small = "{type: object, properties: {id: {type: string}}}";
    let large = "{type: object, properties: {gateway: {type: string}, number: {type: string}}}";
    let components = "  schemas:\n    Card: {type: object, properties: {last4: {type: string}}}\n";
    let api = lower_yaml(&spec(
        &[
            (
                "/a",
                &format!("{{card: {small}, x: {{$ref: '#/components/schemas/Card'}}}}"),
            ),
            ("/b", &format!("{{card: {small}}}")),
            ("/c", &format!("{{card: {large}}}")),
            ("/d", &format!("{{card: {large}}}")),
        ],
        components,
    ));
    // No `Card2`: the larger shape takes `CardParams`, the other adds its first property.
    assert_eq!(idents(&api), ["Card", "CardIdParams", "CardParams"]);
}
