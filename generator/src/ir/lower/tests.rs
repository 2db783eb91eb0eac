//! Unit tests of lowering, one small spec each.

use std::path::Path;

use super::lower;
use crate::diagnostic::{Diagnostic, Warning};
use crate::ir::{Api, IntegerFormat, TypeKind, TypeRef};
use crate::load::load_bytes;

fn lower_yaml(yaml: &str) -> Result<(Api, Vec<Warning>), Diagnostic> {
    let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false)?;
    let mut warnings = Vec::new();
    let api = lower(&loaded, &mut warnings)?;
    Ok((api, warnings))
}

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

#[test]
fn path_parameters_come_first_and_inline_types_get_context_names() {
    let yaml = format!(
        "{HEAD}paths:\n  /pets/{{pet-id}}:\n    post:\n      operationId: updatePet\n      parameters:\n        - {{name: x-mode, in: header, schema: {{type: string, enum: [a-b, c]}}}}\n        - {{name: pet-id, in: path, required: true, schema: {{type: string}}}}\n      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            schema:\n              type: object\n              properties:\n                tags: {{type: array, items: {{type: object, properties: {{label: {{type: string}}}}}}}}\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {{type: object, properties: {{status: {{type: string, enum: [ok]}}}}}}\n"
    );
    let (api, warnings) = lower_yaml(&yaml).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let op = &api.operations[0];
    assert_eq!(
        (op.ident.as_str(), op.type_ident.as_str(), op.group.as_str()),
        ("update_pet", "UpdatePet", "pets")
    );
    assert_eq!(
        op.params
            .iter()
            .map(|p| p.ident.as_str())
            .collect::<Vec<_>>(),
        ["pet_id", "x_mode"]
    );
    assert_eq!(op.params[1].ty, TypeRef::Named("XMode".into()));
    let body = op.body.as_ref().unwrap();
    assert_eq!(
        body.fields[0].ty,
        TypeRef::Array(Box::new(TypeRef::Named("UpdatePetRequestTag".into())))
    );
    assert_eq!(
        op.responses[0].body,
        Some(TypeRef::Named("UpdatePetResponse".into()))
    );
    let idents: Vec<_> = api.types.iter().map(|t| t.ident.as_str()).collect();
    assert_eq!(
        idents,
        // Sorted by identifier, not in the order they were reached.
        [
            "UpdatePetRequestTag",
            "UpdatePetResponse",
            "UpdatePetResponseStatus",
            "XMode"
        ]
    );
    // Only the enum reached from a response is open.
    let open: Vec<_> = api
        .types
        .iter()
        .filter(|t| matches!(t.kind, TypeKind::Enum { open: true, .. }))
        .map(|t| t.ident.as_str())
        .collect();
    assert_eq!(open, ["UpdatePetResponseStatus"]);
}

#[test]
fn shared_references_become_one_type() {
    let yaml = format!(
        "{HEAD}paths:\n  /a:\n    get:\n      parameters: [{{$ref: '#/components/parameters/Mode'}}]\n      responses: {{'200': {{description: OK}}}}\n  /b:\n    get:\n      parameters: [{{$ref: '#/components/parameters/Mode'}}]\n      responses: {{'200': {{description: OK}}}}\ncomponents:\n  parameters:\n    Mode: {{name: mode, in: query, schema: {{type: string, enum: [x]}}}}\n"
    );
    let (api, _) = lower_yaml(&yaml).unwrap();
    assert_eq!(api.types.len(), 1);
    assert_eq!(
        api.operations[0].params[0].ty,
        api.operations[1].params[0].ty
    );
    assert_eq!(api.operations[0].ident, "get_a");
}

#[test]
fn recursive_fields_are_boxed_and_list_recursion_is_not() {
    let yaml = format!(
        "{HEAD}paths:\n  /n:\n    get:\n      responses:\n        '200':\n          description: OK\n          content: {{application/json: {{schema: {{$ref: '#/components/schemas/Node'}}}}}}\ncomponents:\n  schemas:\n    Node:\n      type: object\n      properties:\n        next: {{$ref: '#/components/schemas/Node'}}\n        children: {{type: array, items: {{$ref: '#/components/schemas/Node'}}}}\n        leaf: {{$ref: '#/components/schemas/Leaf'}}\n    Leaf:\n      type: object\n      properties:\n        name: {{type: string}}\n"
    );
    let (api, _) = lower_yaml(&yaml).unwrap();
    let TypeKind::Struct { fields, .. } = &api.type_def("Node").unwrap().kind else {
        panic!("struct")
    };
    let boxed: Vec<(&str, bool)> = fields.iter().map(|f| (f.name.as_str(), f.boxed)).collect();
    assert_eq!(
        boxed,
        [("next", true), ("children", false), ("leaf", false)]
    );
}

#[test]
fn all_of_merges_and_one_of_becomes_a_union() {
    let yaml = format!(
        "{HEAD}paths:\n  /p:\n    get:\n      responses:\n        '200':\n          description: OK\n          content: {{application/json: {{schema: {{$ref: '#/components/schemas/Pet'}}}}}}\ncomponents:\n  schemas:\n    Base:\n      type: object\n      required: [id]\n      properties:\n        id: {{type: string}}\n    Pet:\n      allOf:\n        - $ref: '#/components/schemas/Base'\n        - type: object\n          properties:\n            owner:\n              oneOf:\n                - $ref: '#/components/schemas/Base'\n                - type: string\n          additionalProperties: {{type: integer}}\n"
    );
    let (api, warnings) = lower_yaml(&yaml).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let pet = api.type_def("Pet").unwrap();
    let TypeKind::Struct { fields, additional } = &pet.kind else {
        panic!("struct")
    };
    assert_eq!(
        fields
            .iter()
            .map(|f| (f.name.as_str(), f.required))
            .collect::<Vec<_>>(),
        [("id", true), ("owner", false)]
    );
    assert_eq!(additional, &Some(TypeRef::Integer(IntegerFormat::Int64)));
    let owner = api.type_def("PetOwner").unwrap();
    let TypeKind::Union { variants, .. } = &owner.kind else {
        panic!("union")
    };
    assert_eq!(
        variants
            .iter()
            .map(|v| v.ident.as_str())
            .collect::<Vec<_>>(),
        ["Base", "String"]
    );
}

#[test]
fn pagination_pairs_a_query_parameter_with_its_next_field() {
    let yaml = format!(
        "{HEAD}paths:\n  /items:\n    get:\n      parameters:\n        - {{name: limit, in: query, schema: {{type: integer}}}}\n        - {{name: offset, in: query, schema: {{type: string}}}}\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  list: {{type: array, items: {{type: string}}}}\n                  next_offset: {{type: string}}\n"
    );
    let (api, _) = lower_yaml(&yaml).unwrap();
    let pagination = api.operations[0].pagination.as_ref().unwrap();
    let crate::ir::PageStyle::NextToken { field } = &pagination.style else {
        panic!("{pagination:?}");
    };
    assert_eq!(
        (pagination.param.as_str(), field.dotted().as_str()),
        ("offset", "next_offset")
    );
    // The body's only list holds the items.
    let items = pagination.items.as_ref().unwrap();
    assert_eq!(items.path.dotted(), "list");
}

#[test]
fn recursive_schemas_terminate() {
    let yaml = format!(
        "{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    Node:\n      type: object\n      properties:\n        next: {{$ref: '#/components/schemas/Node'}}\n"
    );
    let (api, _) = lower_yaml(&yaml).unwrap();
    assert!(api.types.is_empty(), "unreached components are not emitted");
}

#[test]
fn path_template_and_declarations_must_agree() {
    let undeclared = format!(
        "{HEAD}paths:\n  /a/{{id}}:\n    get:\n      responses: {{'200': {{description: OK}}}}\n"
    );
    let err = lower_yaml(&undeclared).unwrap_err();
    assert!(
        err.message.contains("declares no path parameter `id`"),
        "{err}"
    );
    let extra = format!("{HEAD}paths:\n  /a:\n    get:\n      parameters: [{{name: id, in: path, required: true, schema: {{type: string}}}}]\n      responses: {{'200': {{description: OK}}}}\n");
    let err = lower_yaml(&extra).unwrap_err();
    assert!(err.message.contains("has no `{id}`"), "{err}");
    assert_eq!(err.pointer.as_deref(), Some("#/paths/~1a/get/parameters/0"));
}

#[test]
fn dangling_and_external_refs_are_errors() {
    let dangling = format!("{HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n          content: {{application/json: {{schema: {{$ref: '#/components/schemas/Nope'}}}}}}\n");
    let err = lower_yaml(&dangling).unwrap_err();
    assert!(err.message.contains("points to nothing"), "{err}");
    let external = dangling.replace("#/components/schemas/Nope", "other.yaml#/Pet");
    let err = lower_yaml(&external).unwrap_err();
    assert!(
        err.message.contains("external references are not followed"),
        "{err}"
    );
}

#[test]
fn ref_errors_point_at_the_ref_and_suggest_the_closest_component() {
    let yaml = format!(
        "{HEAD}paths:\n  /a:\n    get:\n      parameters:\n        - $ref: '#/components/parameters/Limt'\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Invoyce'\ncomponents:\n  parameters:\n    Limit: {{name: limit, in: query, schema: {{type: integer}}}}\n  schemas:\n    Invoice: {{type: object, properties: {{id: {{type: string}}}}}}\n"
    );
    let err = lower_yaml(&yaml).unwrap_err();
    assert_eq!(
        err.pointer.as_deref(),
        Some("#/paths/~1a/get/parameters/0/$ref")
    );
    assert_eq!(err.position, Some((7, 11)), "{err}");
    assert_eq!(
        err.help.as_deref(),
        Some("did you mean `#/components/parameters/Limit`?")
    );
    let yaml = yaml.replace("Limt", "Limit");
    let err = lower_yaml(&yaml).unwrap_err();
    assert_eq!(
        err.pointer.as_deref(),
        Some("#/paths/~1a/get/responses/200/content/application~1json/schema/$ref")
    );
    // The line of `$ref:`, the column of its key.
    assert_eq!(err.position, Some((14, 17)), "{err}");
    assert_eq!(
        err.help.as_deref(),
        Some("did you mean `#/components/schemas/Invoice`?")
    );
    // Swagger 2's `#/definitions/` names the component it meant.
    let err = lower_yaml(&yaml.replace("#/components/schemas/Invoyce", "#/definitions/Invoice"))
        .unwrap_err();
    assert!(err.message.contains("does not point into"), "{err}");
    assert_eq!(
        err.help.as_deref(),
        Some("did you mean `#/components/schemas/Invoice`?")
    );
    // Nothing close: the plain advice.
    let err = lower_yaml(&yaml.replace("Invoyce", "Order")).unwrap_err();
    assert_eq!(
        err.help.as_deref(),
        Some("fix the reference or add the missing component")
    );
}

#[test]
fn ref_errors_in_json_are_located_on_the_ref_line() {
    let json = r##"{
  "openapi": "3.0.3",
  "info": {"title": "T", "version": "1"},
  "paths": {"/a": {"get": {"responses": {"200": {
    "description": "OK",
    "content": {"application/json": {"schema": {
      "$ref": "#/components/schemas/invoice"
    }}}
  }}}}},
  "components": {"schemas": {"Invoice": {"type": "string"}}}
}"##;
    let loaded = load_bytes(Path::new("t.json"), json.as_bytes(), true).unwrap();
    let err = lower(&loaded, &mut Vec::new()).unwrap_err();
    assert_eq!(err.position.map(|(line, _)| line), Some(7), "{err}");
    assert_eq!(
        err.help.as_deref(),
        Some("did you mean `#/components/schemas/Invoice`?")
    );
}

#[test]
fn duplicate_operation_ids_are_errors() {
    let yaml = format!("{HEAD}paths:\n  /a:\n    get: {{operationId: x, responses: {{'200': {{description: OK}}}}}}\n  /b:\n    get: {{operationId: x, responses: {{'200': {{description: OK}}}}}}\n");
    let err = lower_yaml(&yaml).unwrap_err();
    assert!(
        err.message.contains("operationId `x` is used twice"),
        "{err}"
    );
}

#[test]
fn modules_of_operations_avoid_the_crates_own_modules_and_the_default_feature() {
    let ops: String = ["default", "servers", "common", "responses", "retry", "orders"]
        .iter()
        .map(|tag| {
            format!("  /{tag}:\n    get: {{operationId: list_{tag}, tags: [{tag}], responses: {{'200': {{description: OK}}}}}}\n")
        })
        .collect();
    // Without a tag or a path segment, the module is `default` too.
    let yaml = format!("{HEAD}paths:\n{ops}  /:\n    get: {{operationId: root, responses: {{'200': {{description: OK}}}}}}\n");
    let (api, _) = lower_yaml(&yaml).unwrap();
    let groups: Vec<(&str, &str)> = api
        .operations
        .iter()
        .map(|op| (op.id.as_str(), op.group.as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            ("list_default", "default2"),
            ("list_servers", "servers2"),
            ("list_common", "common2"),
            ("list_responses", "responses2"),
            ("list_retry", "retry2"),
            ("list_orders", "orders"),
            ("root", "default2"),
        ]
    );
}

#[test]
fn server_variables_are_checked_and_shared() {
    let yaml = format!(
        "{HEAD}servers:\n  - url: '{{p}}://{{site}}.x.com'\n    description: Live site\n    variables:\n      p: {{default: https, enum: [https]}}\n      site: {{default: demo}}\n  - url: '{{p}}://{{site}}-test.x.com'\n    description: Test site\n    variables:\n      p: {{default: https, enum: [https]}}\n      site: {{default: demo}}\npaths: {{}}\n"
    );
    let (api, _) = lower_yaml(&yaml).unwrap();
    assert_eq!(
        api.servers
            .iter()
            .map(|s| s.ident.as_str())
            .collect::<Vec<_>>(),
        ["LiveSite", "TestSite"]
    );
    assert_eq!(api.server_variables.len(), 2);
    assert_eq!(api.server_variables[0].type_ident, "P");
    let bad = yaml.replace(
        "{default: https, enum: [https]}",
        "{default: http, enum: [https]}",
    );
    assert!(lower_yaml(&bad)
        .unwrap_err()
        .message
        .contains("is not one of its `enum` values"));
    let undeclared = yaml.replace("'{p}://{site}.x.com'", "'{p}://{zone}.x.com'");
    assert!(lower_yaml(&undeclared)
        .unwrap_err()
        .message
        .contains("uses `{zone}`"));
}

#[test]
fn dates_are_typed_unless_the_settings_keep_them_as_text_and_required_fields_stay_required() {
    use crate::ir::{Dates, StringFormat};
    // The body is not marked required, as in Chargebee's and Twilio's specs.
    let yaml = format!(
        "{HEAD}paths:\n  /calls:\n    post:\n      parameters:\n        - {{name: 'StartTime<', in: query, schema: {{type: string, format: date-time}}}}\n      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            schema:\n              type: object\n              required: [To]\n              properties:\n                To: {{type: string}}\n                On: {{type: string, format: date}}\n                Sent: {{type: string, format: date-time-rfc-2822}}\n      responses:\n        '204': {{description: OK}}\n"
    );
    let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false).unwrap();
    let types_of = |dates: Dates| {
        let settings = crate::Settings::default().dates(dates);
        let api =
            super::lower_skipping(&loaded, &settings, &mut Vec::new(), &mut Vec::new()).unwrap();
        let op = &api.operations[0];
        let mut types = vec![op.params[0].ty.clone()];
        types.extend(
            op.body
                .as_ref()
                .unwrap()
                .fields
                .iter()
                .map(|f| f.ty.clone()),
        );
        (
            types,
            op.body.as_ref().unwrap().fields[0].required,
            op.params[0].ident.clone(),
        )
    };
    let plain = TypeRef::String(StringFormat::Plain);
    let (typed, to_required, ident) = types_of(Dates::Chrono);
    assert_eq!(
        typed,
        [
            TypeRef::String(StringFormat::DateTime),
            plain.clone(),
            TypeRef::String(StringFormat::Date),
            plain.clone(),
        ]
    );
    assert!(
        to_required,
        "`To` is required even though the body is optional"
    );
    assert_eq!(ident, "start_time_before");
    let (text, _, _) = types_of(Dates::Text);
    assert_eq!(text, [plain.clone(), plain.clone(), plain.clone(), plain]);
}

#[test]
fn method_names_are_short_clashes_fall_back_and_handles_drop_their_resource() {
    use crate::settings::{ClientStyle, OperationNames};
    let op = |id: &str| {
        format!("      operationId: {id}\n      responses:\n        '204': {{description: OK}}\n")
    };
    // `list_a_pet` and `list_the_pet` both want `list_pet`: both keep their operationId,
    // whichever comes first.
    let yaml = format!(
        "{HEAD}paths:\n  /pets:\n    get:\n{}    post:\n{}  /pets/{{id}}:\n    parameters: [{{name: id, in: path, required: true, schema: {{type: string}}}}]\n    get:\n{}    put:\n{}  /owners/{{id}}/pets:\n    parameters: [{{name: id, in: path, required: true, schema: {{type: string}}}}]\n    get:\n{}",
        op("list_a_pet"),
        op("create_a_pet"),
        op("retrieve_a_pet"),
        op("list_the_pet"),
        op("list_pets_for_an_owner")
    );
    let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false).unwrap();
    let names = |settings: crate::Settings| {
        let api =
            super::lower_skipping(&loaded, &settings, &mut Vec::new(), &mut Vec::new()).unwrap();
        api.operations
            .iter()
            .map(|o| (o.ident.clone(), o.call_ident.clone(), o.handle.clone()))
            .collect::<Vec<_>>()
    };
    let s = |v: &str| v.to_owned();
    assert_eq!(
        names(crate::Settings::default()),
        [
            (s("list_a_pet"), s("list_a_pet"), None),
            (s("create_pet"), s("create_pet"), None),
            (s("retrieve_pet"), s("retrieve_pet"), None),
            (s("list_the_pet"), s("list_the_pet"), None),
            (s("list_pets_for_owner"), s("list_pets_for_owner"), None),
        ]
    );
    let pets = Some(s("Pets"));
    let owners = Some(s("Owners"));
    assert_eq!(
        names(crate::Settings::default().client_style(ClientStyle::Resources)),
        [
            (s("list_a_pet"), s("list_a_pet"), pets.clone()),
            (s("create_pet"), s("create"), pets.clone()),
            (s("retrieve_pet"), s("retrieve"), pets.clone()),
            (s("list_the_pet"), s("list_the_pet"), pets),
            (s("list_pets_for_owner"), s("list_pets"), owners),
        ]
    );
    let spec_names = names(crate::Settings::default().operation_names(OperationNames::Spec));
    assert_eq!(spec_names[1].0, "create_a_pet");
}
