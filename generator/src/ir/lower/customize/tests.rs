//! Renames, replacements and derives on a small spec shaped like Chargebee's.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::ir::{Api, TypeRef};
use crate::settings::{Replacement, Settings};

const SPEC: &str = "openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /invoices/{id}/resume_dunning:
    post:
      operationId: resume_dunning
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                required: [invoice]
                properties:
                  invoice: {$ref: '#/components/schemas/Invoice'}
  /invoices:
    get:
      operationId: list_invoices
      parameters:
        - {name: status, in: query, schema: {$ref: '#/components/schemas/Status'}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Invoice'}
components:
  schemas:
    Status: {type: string, enum: [paid, voided]}
    Money:
      type: object
      properties:
        amount: {type: integer}
        currency: {type: string}
    Invoice:
      type: object
      required: [id]
      properties:
        id: {type: string}
        status: {$ref: '#/components/schemas/Status'}
        total: {$ref: '#/components/schemas/Money'}
        note: {type: object, properties: {text: {type: string}}}
        tax_rate: {type: number}
";

fn lower(spec: &str, settings: &Settings) -> Result<Api, Diagnostic> {
    let loaded = crate::load::load_bytes(Path::new("t.yaml"), spec.as_bytes(), false)?;
    crate::ir::lower_api(&loaded, settings, &mut Vec::new())
}

fn field_type<'a>(api: &'a Api, ty: &str, field: &str) -> &'a TypeRef {
    let def = api.type_def(ty).unwrap_or_else(|| panic!("no type {ty}"));
    let crate::ir::TypeKind::Struct { fields, .. } = &def.kind else {
        panic!("{ty} is not a struct");
    };
    &fields.iter().find(|f| f.name == field).expect("field").ty
}

#[test]
fn types_are_renamed_by_schema_or_generated_name_and_every_reference_follows() {
    let settings = Settings::default()
        .rename_type("Money", "Amount")
        .rename_type("InvoiceNote", "Remark");
    let api = lower(SPEC, &settings).expect("lowers");
    assert!(api.type_def("Money").is_none());
    assert!(api.type_def("Amount").is_some());
    assert_eq!(
        field_type(&api, "Invoice", "total"),
        &TypeRef::Named("Amount".into())
    );
    assert_eq!(
        field_type(&api, "Invoice", "note"),
        &TypeRef::Named("Remark".into())
    );
}

#[test]
fn operations_are_renamed_by_operation_id_or_method_name_with_their_types() {
    let settings = Settings::default()
        .rename_operation("resume_dunning", "resume")
        .rename_operation("list_invoices", "all_invoices");
    let api = lower(SPEC, &settings).expect("lowers");
    let op = &api.operations[0];
    assert_eq!(
        (op.ident.as_str(), op.type_ident.as_str()),
        ("resume", "Resume")
    );
    // The operationId in the docs and traces stays the spec's.
    assert_eq!(op.id, "resume_dunning");
    let op = &api.operations[1];
    assert_eq!(op.ident, "all_invoices");
    assert_eq!(
        op.request.as_ref().map(|r| r.ident.as_str()),
        Some("AllInvoicesRequest")
    );
}

#[test]
fn a_renamed_operation_is_called_by_its_new_name_on_its_resource_handle_too() {
    let settings = Settings::default()
        .client_style(crate::settings::ClientStyle::Resources)
        .rename_operation("resume_dunning", "resume");
    let api = lower(SPEC, &settings).expect("lowers");
    let op = &api.operations[0];
    assert_eq!(
        (op.ident.as_str(), op.call_ident.as_str()),
        ("resume", "resume")
    );
    assert!(op.handle.is_some());
    // The handle's method name, the key under `style = "resources"`, renames it too.
    let scoped = &api.operations[1].call_ident;
    let settings = Settings::default()
        .client_style(crate::settings::ClientStyle::Resources)
        .rename_operation(scoped.clone(), "all");
    let api = lower(SPEC, &settings).expect("lowers");
    assert_eq!(api.operations[1].call_ident, "all");
}

#[test]
fn unknown_names_are_errors_with_the_name_meant() {
    let error = lower(SPEC, &Settings::default().rename_type("Invoce", "Bill")).unwrap_err();
    assert_eq!(
        error.message,
        "[rename.types] `Invoce`: no type has this name"
    );
    assert_eq!(error.help.as_deref(), Some("did you mean `Invoice`?"));
    assert_eq!(error.file, Path::new("apiforge.toml"));
    let error = lower(
        SPEC,
        &Settings::default().rename_operation("resume_duning", "x"),
    )
    .unwrap_err();
    assert_eq!(
        error.help.as_deref(),
        Some("did you mean `resume_dunning`?")
    );
    let error = lower(SPEC, &Settings::default().derive("Mony", ["Eq"])).unwrap_err();
    assert_eq!(error.help.as_deref(), Some("did you mean `Money`?"));
    let error = lower(
        SPEC,
        &Settings::default().replace("Inovice", Replacement::Path("a::B".into())),
    )
    .unwrap_err();
    assert_eq!(error.help.as_deref(), Some("did you mean `Invoice`?"));
}

#[test]
fn a_schema_named_like_an_operations_request_lowers_without_renames() {
    // Asana's `AddFollowersRequest` schema beside its operation `addFollowers`: no rename is
    // asked for, so the spec's own names are not a settings error.
    let spec = SPEC
        .replace(
            "    Status: {type: string",
            "    ResumeDunningRequest: {type: object, properties: {a: {type: string}}}\n    Status: {type: string",
        )
        .replace(
            "        tax_rate: {type: number}\n",
            "        tax_rate: {type: number}\n        request: {$ref: '#/components/schemas/ResumeDunningRequest'}\n",
        );
    lower(&spec, &Settings::default()).expect("the spec's own names are no settings error");
}

#[test]
fn renames_that_collide_or_are_not_identifiers_are_refused() {
    let error = lower(SPEC, &Settings::default().rename_type("Money", "Invoice")).unwrap_err();
    assert!(
        error.message.contains("`Invoice` would name both"),
        "{error}"
    );
    let error = lower(
        SPEC,
        &Settings::default().rename_type("Money", "ResumeDunningRequest"),
    )
    .unwrap_err();
    assert!(
        error
            .message
            .contains("an operation's request, success or error type"),
        "{error}"
    );
    let error = lower(
        SPEC,
        &Settings::default().rename_type("Money", "not a type"),
    )
    .unwrap_err();
    assert!(error.message.contains("cannot name a type"), "{error}");
    let error = lower(
        SPEC,
        &Settings::default().rename_operation("resume_dunning", "list_invoices"),
    )
    .unwrap_err();
    assert!(
        error.message.contains("already called `list_invoices`"),
        "{error}"
    );
    let error = lower(
        SPEC,
        &Settings::default().rename_operation("resume_dunning", "builder"),
    )
    .unwrap_err();
    assert!(error.message.contains("cannot name a method"), "{error}");
}

#[test]
fn a_replaced_schema_is_not_generated_and_keeps_its_name_for_references() {
    let settings = Settings::default().replace(
        "Money",
        Replacement::Crate {
            path: "money::Money".into(),
            krate: Some("money".into()),
            version: Some("0.1".into()),
        },
    );
    let api = lower(SPEC, &settings).expect("lowers");
    assert!(api.type_def("Money").is_none());
    assert_eq!(
        field_type(&api, "Invoice", "total"),
        &TypeRef::Named("Money".into())
    );
    let replaced = &api.replaced[0];
    assert_eq!(
        (
            replaced.ident.as_str(),
            replaced.schema.as_str(),
            replaced.path.as_str()
        ),
        ("Money", "Money", "money::Money")
    );
    assert_eq!(replaced.krate, Some(("money".into(), "0.1".into())));
}

#[test]
fn x_rust_type_in_the_spec_replaces_the_schema() {
    let spec = SPEC.replace(
        "    Money:\n      type: object\n",
        "    Money:\n      type: object\n      x-rust-type: {crate: rusty_money, version: '0.4', path: rusty_money::Money}\n",
    );
    let api = lower(&spec, &Settings::default()).expect("lowers");
    assert_eq!(api.replaced[0].path, "rusty_money::Money");
    assert_eq!(
        api.replaced[0].krate,
        Some(("rusty_money".into(), "0.4".into()))
    );
    let broken = SPEC.replace(
        "    Money:\n      type: object\n",
        "    Money:\n      type: object\n      x-rust-type: {path: rusty_money::Money}\n",
    );
    let error = lower(&broken, &Settings::default()).unwrap_err();
    assert!(
        error
            .message
            .contains("`Money` has an `x-rust-type` without"),
        "{error}"
    );
}

#[test]
fn a_replacement_must_be_a_path_and_travel_as_json() {
    let settings = Settings::default().replace("Money", Replacement::Path("Money; fn x()".into()));
    let error = lower(SPEC, &settings).unwrap_err();
    assert!(error.message.contains("is not a Rust path"), "{error}");
    let settings = Settings::default().replace("Status", Replacement::Path("my::Status".into()));
    let error = lower(SPEC, &settings).unwrap_err();
    assert!(
        error
            .message
            .contains("in the parameter `status` of `list_invoices`"),
        "{error}"
    );
}

#[test]
fn derives_go_to_the_type_and_what_it_holds_once_and_only_where_they_can() {
    let settings = Settings::default().derive("Money", ["Eq", "Hash", "PartialOrd", "my::Builder"]);
    let api = lower(SPEC, &settings).expect("lowers");
    // Money already derives `Eq` and `Hash`; it is not repeated.
    assert_eq!(
        api.type_def("Money").map(|t| t.derives.clone()),
        Some(vec!["PartialOrd".to_owned(), "my::Builder".to_owned()])
    );
    // `Ord` brings `PartialOrd`, and reaches the types the named one holds.
    let api = lower(SPEC, &Settings::default().derive("InvoiceNote", ["Ord"])).expect("lowers");
    assert_eq!(
        api.type_def("InvoiceNote").map(|t| t.derives.clone()),
        Some(vec!["Ord".to_owned(), "PartialOrd".to_owned()])
    );
    // A float refuses `Eq`, naming the field.
    let error = lower(SPEC, &Settings::default().derive("Invoice", ["Eq"])).unwrap_err();
    assert_eq!(
        error.message,
        "[derive] `Invoice`: `Eq` cannot be derived for `Invoice`: its field `tax_rate` is a float"
    );
    // `*` derives wherever it can: Invoice keeps no `Ord`, its parts get it.
    let api = lower(SPEC, &Settings::default().derive("*", ["Ord"])).expect("lowers");
    let invoice = api.type_def("Invoice").map(|t| t.derives.clone());
    assert_eq!(invoice, Some(vec!["PartialOrd".to_owned()]));
    assert!(api
        .type_def("Money")
        .is_some_and(|t| t.derives.contains(&"Ord".to_owned())));
    let error = lower(SPEC, &Settings::default().derive("Money", ["Default"])).unwrap_err();
    assert!(
        error.message.contains("`Default` is derived by apiforge"),
        "{error}"
    );
}
