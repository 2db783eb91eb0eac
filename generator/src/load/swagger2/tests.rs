//! One test per conversion concern, and diagnostics located in the 2.0 file.

use serde_json::{json, Value};

use super::{convert, Converted};

fn converted(mut document: Value) -> (Value, Converted) {
    let converted = convert(&mut document);
    (document, converted)
}

fn swagger(extra: Value) -> Value {
    let mut document = json!({
        "swagger": "2.0",
        "info": { "title": "T", "version": "1" },
        "paths": {}
    });
    if let (Value::Object(d), Value::Object(e)) = (&mut document, extra) {
        d.extend(e);
    }
    document
}

fn messages(converted: &Converted) -> Vec<String> {
    converted
        .warnings
        .iter()
        .map(|w| format!("{} {}", w.pointer, w.message))
        .collect()
}

#[test]
fn host_base_path_and_schemes_become_servers() {
    let (doc, _) = converted(swagger(json!({
        "host": "api.example.com", "basePath": "/v2/", "schemes": ["https", "http", "ws"]
    })));
    assert_eq!(doc["openapi"], "3.0.3");
    assert_eq!(
        doc["servers"],
        json!([{ "url": "https://api.example.com/v2" }, { "url": "http://api.example.com/v2" }])
    );
    // No schemes: https, said in a warning.
    let (doc, c) = converted(swagger(json!({ "host": "api.example.com" })));
    assert_eq!(
        doc["servers"],
        json!([{ "url": "https://api.example.com" }])
    );
    assert_eq!(c.warnings.len(), 1);
    assert_eq!(c.warnings[0].pointer, "#/host");
    assert!(
        c.warnings[0].message.contains("`https` assumed"),
        "{:?}",
        c.warnings
    );
    // No host: the base path, relative to where the spec is served.
    let (doc, c) = converted(swagger(json!({ "basePath": "/v1.51" })));
    assert_eq!(doc["servers"], json!([{ "url": "/v1.51" }]));
    assert!(c.warnings.is_empty());
    let (doc, _) = converted(swagger(json!({})));
    assert!(doc.get("servers").is_none());
}

#[test]
fn sections_become_components_and_refs_follow() {
    let (doc, c) = converted(swagger(json!({
        "definitions": {
            "Pet": { "type": "object", "properties": {
                "owner": { "$ref": "#/definitions/Owner" },
                // Kubernetes' JSONSchemaProps has properties with these names.
                "default": { "$ref": "#/definitions/Owner" },
                "x-kind": { "$ref": "#/definitions/Owner" }
            }, "example": { "$ref": "#/definitions/NotARef" } },
            "Owner": { "type": "string" }
        },
        "parameters": { "limit": { "name": "limit", "in": "query", "type": "integer" } },
        "responses": { "NotFound": { "description": "gone", "schema": { "$ref": "#/definitions/Owner" } } },
        "paths": { "/pets": { "get": {
            "parameters": [{ "$ref": "#/parameters/limit" }],
            "responses": { "404": { "$ref": "#/responses/NotFound" } }
        } } }
    })));
    let pet = &doc["components"]["schemas"]["Pet"];
    for property in ["owner", "default", "x-kind"] {
        assert_eq!(
            pet["properties"][property]["$ref"],
            "#/components/schemas/Owner"
        );
    }
    assert_eq!(
        pet["example"]["$ref"], "#/definitions/NotARef",
        "data stays data"
    );
    assert_eq!(
        doc["components"]["parameters"]["limit"]["schema"],
        json!({ "type": "integer" })
    );
    let get = &doc["paths"]["/pets"]["get"];
    assert_eq!(
        get["parameters"][0]["$ref"],
        "#/components/parameters/limit"
    );
    assert_eq!(
        get["responses"]["404"]["$ref"],
        "#/components/responses/NotFound"
    );
    assert_eq!(
        doc["components"]["responses"]["NotFound"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Owner"
    );
    assert!(c
        .moved
        .contains(&("#/components/schemas".into(), "#/definitions".into())));
}

#[test]
fn body_parameters_become_request_bodies() {
    let (doc, c) = converted(swagger(json!({
        "consumes": ["application/json", "application/xml"],
        "parameters": { "Pet": { "name": "pet", "in": "body", "required": true,
                                 "schema": { "$ref": "#/definitions/Pet" } } },
        "paths": { "/pets": {
            "post": {
                "parameters": [
                    { "name": "trace", "in": "header", "type": "string" },
                    { "name": "pet", "in": "body", "description": "The pet", "required": true,
                      "schema": { "$ref": "#/definitions/Pet" }, "x-body": 1 },
                    { "name": "dry", "in": "query", "type": "boolean" }
                ],
                "responses": { "204": { "description": "ok" } }
            },
            "put": {
                "parameters": [{ "$ref": "#/parameters/Pet" }],
                "responses": { "204": { "description": "ok" } }
            },
            "patch": {
                "consumes": ["application/merge-patch+json"],
                "parameters": [{ "$ref": "#/parameters/Pet" }],
                "responses": { "204": { "description": "ok" } }
            }
        } }
    })));
    let post = &doc["paths"]["/pets"]["post"];
    assert_eq!(
        post["requestBody"],
        json!({
            "description": "The pet",
            "content": {
                "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } },
                "application/xml": { "schema": { "$ref": "#/components/schemas/Pet" } }
            },
            "required": true,
            "x-body": 1
        })
    );
    // The query parameter moved from index 2 to 1: recorded, so diagnostics find it.
    assert_eq!(post["parameters"][1]["name"], "dry");
    let moved = |new: &str, old: &str| c.moved.contains(&(new.into(), old.into()));
    assert!(moved(
        "#/paths/~1pets/post/parameters/1",
        "#/paths/~1pets/post/parameters/2"
    ));
    assert!(moved(
        "#/paths/~1pets/post/requestBody/content/application~1json/schema",
        "#/paths/~1pets/post/parameters/1/schema"
    ));
    assert_eq!(
        doc["paths"]["/pets"]["put"]["requestBody"]["$ref"],
        "#/components/requestBodies/Pet"
    );
    assert!(doc["paths"]["/pets"]["put"].get("parameters").is_none());
    assert_eq!(
        doc["components"]["requestBodies"]["Pet"]["content"]["application/xml"]["schema"]["$ref"],
        "#/components/schemas/Pet"
    );
    // Its own `consumes`: the shared body inlined under that media type.
    let patch = &doc["paths"]["/pets"]["patch"]["requestBody"]["content"];
    assert_eq!(patch.as_object().map(|c| c.len()), Some(1));
    assert_eq!(
        patch["application/merge-patch+json"]["schema"]["$ref"],
        "#/components/schemas/Pet"
    );
}

#[test]
fn form_data_becomes_a_form_or_multipart_body() {
    let (doc, c) = converted(swagger(json!({
        "parameters": { "Note": { "name": "note", "in": "formData", "type": "string" } },
        "paths": {
            "/login": { "post": {
                "parameters": [
                    { "name": "user", "in": "formData", "type": "string", "required": true,
                      "description": "Who" },
                    { "name": "tags", "in": "formData", "type": "array",
                      "items": { "type": "string" }, "collectionFormat": "multi" },
                    { "$ref": "#/parameters/Note" }
                ],
                "responses": { "204": { "description": "ok" } }
            } },
            "/upload": { "post": {
                "consumes": ["application/x-www-form-urlencoded"],
                "parameters": [
                    { "name": "file", "in": "formData", "type": "file", "x-nullable": true }
                ],
                "responses": { "204": { "description": "ok" } }
            } }
        }
    })));
    let login = &doc["paths"]["/login"]["post"]["requestBody"];
    assert_eq!(
        login,
        &json!({
            "content": { "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "user": { "type": "string", "description": "Who" },
                        "tags": { "type": "array", "items": { "type": "string" } },
                        "note": { "type": "string" }
                    },
                    "required": ["user"]
                },
                "encoding": { "tags": { "style": "form", "explode": true } }
            } },
            "required": true
        })
    );
    let upload = &doc["paths"]["/upload"]["post"]["requestBody"]["content"];
    assert_eq!(
        upload,
        &json!({ "multipart/form-data": { "schema": {
            "type": "object",
            "properties": { "file": { "type": "string", "format": "binary", "nullable": true } }
        } } })
    );
    assert_eq!(
        messages(&c),
        ["#/paths/~1upload/post/parameters/0 a form with a file (`type: file`) cannot be sent URL-encoded; sent as `multipart/form-data` only"]
    );
    assert!(c.moved.contains(&(
        "#/paths/~1login/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/note".into(),
        "#/parameters/Note".into()
    )));
    // A form field in `parameters` is inlined where used, not a component.
    assert!(doc.get("components").is_none());
}

#[test]
fn collection_formats_become_styles() {
    let parameter = |format: &str, location: &str| {
        json!({ "name": "ids", "in": location, "type": "array", "items": { "type": "integer" },
                "collectionFormat": format })
    };
    let (doc, c) = converted(swagger(json!({ "paths": { "/a": { "get": {
        "parameters": [
            { "name": "plain", "in": "query", "type": "array", "items": { "type": "string" } },
            parameter("csv", "query"),
            parameter("ssv", "query"),
            parameter("pipes", "query"),
            parameter("multi", "query"),
            parameter("tsv", "query"),
            parameter("csv", "header"),
            parameter("pipes", "header")
        ],
        "responses": { "204": { "description": "ok" } }
    } } } })));
    let list = &doc["paths"]["/a"]["get"]["parameters"];
    let style = |i: usize| {
        (
            list[i].get("style").cloned(),
            list[i].get("explode").cloned(),
        )
    };
    let expected = |s: &str, e: bool| (Some(json!(s)), Some(json!(e)));
    // 2.0's default is csv, not 3.0's exploded form.
    assert_eq!(style(0), expected("form", false));
    assert_eq!(style(1), expected("form", false));
    assert_eq!(style(2), expected("spaceDelimited", false));
    assert_eq!(style(3), expected("pipeDelimited", false));
    assert_eq!(style(4), expected("form", true));
    assert_eq!(style(5), expected("form", false));
    assert_eq!(style(6), (None, None));
    assert_eq!(style(7), (None, None));
    assert_eq!(
        list[1]["schema"],
        json!({ "type": "array", "items": { "type": "integer" } })
    );
    let warnings = messages(&c);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].starts_with("#/paths/~1a/get/parameters/5/collectionFormat `collectionFormat: tsv` has no OpenAPI 3 equivalent (tab-separated); the list is sent comma-separated"), "{warnings:?}");
    assert!(warnings[1].starts_with("#/paths/~1a/get/parameters/7/collectionFormat `collectionFormat: pipes` has no OpenAPI 3 equivalent for a header parameter"), "{warnings:?}");
}

#[test]
fn query_parameters_keep_allow_empty_value_and_extensions() {
    let (doc, _) = converted(swagger(json!({ "x-root": true, "paths": { "/a": {
        "x-item": 1,
        "get": {
            "x-op": 2,
            "parameters": [{ "name": "q", "in": "query", "type": "string", "enum": ["a", "b"],
                             "default": "a", "allowEmptyValue": true, "x-param": 3 }],
            "responses": { "200": { "description": "ok", "x-response": 4 } }
        }
    } } })));
    assert_eq!(doc["x-root"], true);
    let item = &doc["paths"]["/a"];
    assert_eq!(item["x-item"], 1);
    assert_eq!(item["get"]["x-op"], 2);
    assert_eq!(
        item["get"]["parameters"][0],
        json!({ "name": "q", "in": "query", "allowEmptyValue": true,
                "schema": { "type": "string", "default": "a", "enum": ["a", "b"] }, "x-param": 3 })
    );
    assert_eq!(
        item["get"]["responses"]["200"],
        json!({ "description": "ok", "x-response": 4 })
    );
}

#[test]
fn security_definitions_become_security_schemes() {
    let (doc, _) = converted(swagger(json!({
        "securityDefinitions": {
            "basic": { "type": "basic", "description": "user and password" },
            "key": { "type": "apiKey", "name": "X-Key", "in": "header" },
            "implicit": { "type": "oauth2", "flow": "implicit",
                          "authorizationUrl": "https://a/auth", "scopes": { "read": "r" } },
            "password": { "type": "oauth2", "flow": "password", "tokenUrl": "https://a/token",
                          "scopes": {} },
            "application": { "type": "oauth2", "flow": "application",
                             "tokenUrl": "https://a/token", "scopes": {} },
            "code": { "type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a/auth",
                      "tokenUrl": "https://a/token", "scopes": { "w": "write" }, "x-s": 1 }
        },
        "security": [{ "key": [] }]
    })));
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(
        schemes["basic"],
        json!({ "type": "http", "scheme": "basic", "description": "user and password" })
    );
    assert_eq!(
        schemes["key"],
        json!({ "type": "apiKey", "name": "X-Key", "in": "header" })
    );
    assert_eq!(
        schemes["implicit"]["flows"],
        json!({ "implicit": { "authorizationUrl": "https://a/auth", "scopes": { "read": "r" } } })
    );
    assert_eq!(
        schemes["password"]["flows"],
        json!({ "password": { "tokenUrl": "https://a/token", "scopes": {} } })
    );
    assert_eq!(
        schemes["application"]["flows"],
        json!({ "clientCredentials": { "tokenUrl": "https://a/token", "scopes": {} } })
    );
    assert_eq!(
        schemes["code"],
        json!({ "type": "oauth2", "flows": { "authorizationCode": {
            "authorizationUrl": "https://a/auth", "tokenUrl": "https://a/token", "scopes": { "w": "write" }
        } }, "x-s": 1 })
    );
    assert_eq!(doc["security"], json!([{ "key": [] }]));
}

#[test]
fn responses_get_content_per_produced_type_examples_and_headers() {
    let (doc, c) = converted(swagger(json!({
        "produces": ["application/json"],
        "paths": { "/a": { "get": {
            "produces": ["application/json", "text/plain"],
            "responses": {
                "200": {
                    "description": "ok",
                    "schema": { "type": "string" },
                    "examples": { "text/plain": "hello", "application/xml": "<a/>" },
                    "headers": { "X-Rate": { "type": "integer", "format": "int32",
                                             "description": "left" } }
                },
                "default": { "description": "error", "schema": { "type": "file" } }
            }
        } } }
    })));
    let responses = &doc["paths"]["/a"]["get"]["responses"];
    assert_eq!(
        responses["200"],
        json!({
            "description": "ok",
            "headers": { "X-Rate": { "description": "left",
                                     "schema": { "type": "integer", "format": "int32" } } },
            "content": {
                "application/json": { "schema": { "type": "string" } },
                "text/plain": { "schema": { "type": "string" }, "example": "hello" },
                "application/xml": { "schema": { "type": "string" }, "example": "<a/>" }
            }
        })
    );
    assert_eq!(
        responses["default"]["content"]["text/plain"]["schema"],
        json!({ "type": "string", "format": "binary" })
    );
    assert!(c.moved.contains(&(
        "#/paths/~1a/get/responses/200/headers/X-Rate/schema".into(),
        "#/paths/~1a/get/responses/200/headers/X-Rate".into()
    )));
}

#[test]
fn schema_dialect_nullable_discriminator_and_file() {
    let (doc, _) = converted(swagger(json!({ "definitions": {
        "Pet": { "type": "object", "discriminator": "petType", "required": ["petType"],
                 "properties": { "petType": { "type": "string" },
                                 "nick": { "type": "string", "x-nullable": true },
                                 "tags": { "type": "array", "items": { "type": "string", "x-nullable": true } } } },
        "Cat": { "allOf": [{ "$ref": "#/definitions/Pet" }, { "type": "object", "x-nullable": false }] }
    } })));
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["Pet"]["discriminator"],
        json!({ "propertyName": "petType" })
    );
    assert_eq!(
        schemas["Pet"]["properties"]["nick"],
        json!({ "type": "string", "nullable": true })
    );
    assert_eq!(
        schemas["Pet"]["properties"]["tags"]["items"]["nullable"],
        true
    );
    assert_eq!(schemas["Cat"]["allOf"][1]["nullable"], false);
    assert_eq!(
        schemas["Cat"]["allOf"][0]["$ref"],
        "#/components/schemas/Pet"
    );
}

#[test]
fn path_level_parameters_stay_and_bodies_reach_each_operation() {
    let (doc, _) = converted(swagger(json!({ "paths": { "/a/{id}": {
        "parameters": [
            { "name": "id", "in": "path", "required": true, "type": "string" },
            { "name": "doc", "in": "body", "schema": { "type": "object" } }
        ],
        "put": { "responses": { "204": { "description": "ok" } } },
        "post": {
            "parameters": [{ "name": "doc", "in": "body", "schema": { "type": "string" } }],
            "responses": { "204": { "description": "ok" } }
        }
    } } })));
    let item = &doc["paths"]["/a/{id}"];
    assert_eq!(item["parameters"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        item["put"]["requestBody"]["content"]["application/json"]["schema"]["type"],
        "object"
    );
    assert_eq!(
        item["post"]["requestBody"]["content"]["application/json"]["schema"]["type"],
        "string"
    );
}

#[test]
fn odd_shapes_are_left_for_the_3_0_model_to_refuse() {
    // Wrong types everywhere the conversion looks: no panic, and each load ends in a value or
    // an error (the 3.0 model's, at the 2.0 pointer).
    let odd = [
        json!({ "paths": [] }),
        json!({ "paths": { "/a": [] } }),
        json!({ "paths": { "/a": { "parameters": {}, "get": [] } } }),
        json!({ "paths": { "/a": { "get": { "parameters": [1, { "in": "body" }, { "in": "formData" },
            { "$ref": "#/parameters/missing" }, { "$ref": 7 }], "responses": [] } } } }),
        json!({ "paths": { "/a": { "get": { "consumes": "x", "responses": { "200": 1,
            "201": { "schema": 1, "headers": [] }, "202": { "headers": { "h": 1 }, "examples": 1 } } } } } }),
        json!({ "host": 1, "basePath": [], "schemes": "https" }),
        json!({ "definitions": [], "parameters": { "p": 1 }, "responses": { "r": [] },
                "securityDefinitions": { "s": 1, "t": { "type": "oauth2" }, "u": { "type": "x" } } }),
        json!({ "definitions": { "A": { "items": [1, { "type": "file" }], "properties": [],
                "allOf": {}, "discriminator": 1, "x-nullable": "yes" } } }),
        json!({ "paths": { "/a": { "post": { "parameters": [
            { "name": "f", "in": "formData", "type": "array", "items": 1, "collectionFormat": 1 },
            { "name": 1, "in": "formData", "type": "file" }
        ], "responses": {} } } } }),
    ];
    for extra in odd {
        let document = swagger(extra);
        let text = document.to_string();
        let _ = crate::load::load_bytes(std::path::Path::new("odd.json"), text.as_bytes(), true);
    }
}

mod located {
    //! Diagnostics about a converted document name the 2.0 file's own lines and pointers.

    use std::path::Path;

    use crate::load::load_bytes;

    const SPEC: &str = "swagger: '2.0'
info: {title: T, version: '1'}
host: api.example.com
schemes: [https]
paths:
  /pets:
    post:
      parameters:
        - name: trace
          in: header
          type: string
        - name: pet
          in: body
          schema:
            type: object
            properties: [name]
      responses:
        '204': {description: ok}
";

    #[test]
    fn an_error_in_a_body_schema_points_at_the_2_0_line() {
        let err = load_bytes(Path::new("old.yaml"), SPEC.as_bytes(), false).unwrap_err();
        assert_eq!(
            err.pointer.as_deref(),
            Some("#/paths/~1pets/post/parameters/1/schema/properties"),
            "{err}"
        );
        assert_eq!(err.position, Some((16, 13)), "{err}");
        assert_eq!(err.file, Path::new("old.yaml"));
    }

    #[test]
    fn an_error_in_a_response_and_a_definition_points_at_the_2_0_line() {
        let spec = "{\n  \"swagger\": \"2.0\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\",\n    \"schema\": {\"$ref\": \"#/definitions/Missing\"}}}}}},\n  \"definitions\": {\"Pet\": {\"type\": \"object\"}}\n}\n";
        let loaded = load_bytes(Path::new("old.json"), spec.as_bytes(), true);
        let Ok(loaded) = loaded else {
            panic!("{:?}", loaded.err());
        };
        let d = loaded.diagnostic(
            "#/paths/~1a/get/responses/200/content/application~1json/schema",
            "bad",
        );
        assert_eq!(
            d.pointer.as_deref(),
            Some("#/paths/~1a/get/responses/200/schema")
        );
        assert_eq!(d.position, Some((5, 15)));
        let d = loaded.diagnostic("#/components/schemas/Pet/type", "bad");
        assert_eq!(d.pointer.as_deref(), Some("#/definitions/Pet/type"));
        assert_eq!(d.position, Some((6, 35)));
    }

    #[test]
    fn a_later_warning_names_the_2_0_pointer() {
        let spec = "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\ndefinitions:\n  Pet:\n    type: object\n    properties:\n      owner: {$ref: '#/definitions/Owner', description: x, type: object}\n  Owner: {type: string}\n";
        let loaded = load_bytes(Path::new("old.yaml"), spec.as_bytes(), false);
        let Ok(loaded) = loaded else {
            panic!("{:?}", loaded.err());
        };
        let pointers: Vec<&str> = loaded.warnings.iter().map(|w| w.pointer.as_str()).collect();
        assert!(
            pointers.contains(&"#/definitions/Pet/properties/owner"),
            "{:?}",
            loaded.warnings
        );
        // A host without schemes: the warning names the 2.0 field.
        assert!(
            pointers.iter().all(|p| !p.contains("components")),
            "{pointers:?}"
        );
    }
}
