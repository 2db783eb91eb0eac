//! Unit tests of pagination: what is inferred, what settings declare, and their errors.

use std::path::Path;

use super::lower_api;
use crate::diagnostic::{Diagnostic, Warning};
use crate::ir::{Api, PageEnd, PageStyle, Pagination};
use crate::load::load_bytes;
use crate::settings::{PageRule, PageStyleName};
use crate::Settings;

fn lower_with(yaml: &str, settings: &Settings) -> Result<(Api, Vec<Warning>), Diagnostic> {
    let loaded = load_bytes(Path::new("t.yaml"), yaml.as_bytes(), false)?;
    let mut warnings = Vec::new();
    let api = lower_api(&loaded, settings, &mut warnings)?;
    Ok((api, warnings))
}

fn pagination<'a>(api: &'a Api, op: &str) -> Option<&'a Pagination> {
    let found = api.operations.iter().find(|o| o.ident == op);
    found
        .unwrap_or_else(|| panic!("no {op}"))
        .pagination
        .as_ref()
}

/// One operation per vendor's shape: Stripe's customers (and a list without `has_more`),
/// Kubernetes' pods, GitHub's issues (a bare array) and a page-numbered search.
const SPEC: &str = "openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /v1/customers:
    get:
      operationId: GetCustomers
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: starting_after, in: query, schema: {type: string}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                required: [data, has_more]
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Customer'}}
                  has_more: {type: boolean}
  /v1/notes:
    get:
      operationId: GetNotes
      parameters:
        - {name: starting_after, in: query, schema: {type: string}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Customer'}}
  /api/v1/pods:
    get:
      operationId: listCoreV1Pods
      parameters:
        - {name: continue, in: query, schema: {type: string}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                required: [items]
                properties:
                  items: {type: array, items: {$ref: '#/components/schemas/Customer'}}
                  metadata:
                    type: object
                    properties:
                      continue: {type: string}
  /repos/issues:
    get:
      operationId: issues/list
      parameters:
        - {name: page, in: query, schema: {type: integer}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Customer'}}
  /search:
    get:
      operationId: search
      parameters:
        - {name: page, in: query, schema: {type: integer}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  results: {type: array, items: {type: string}}
                  total_pages: {type: integer}
components:
  schemas:
    Customer:
      type: object
      required: [id]
      properties:
        id: {type: string}
";

#[test]
fn stripe_is_inferred_only_where_the_spec_leaves_no_doubt() {
    let (api, warnings) = lower_with(SPEC, &Settings::default()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let stripe = pagination(&api, "get_customers").expect("inferred");
    assert_eq!(stripe.param, "starting_after");
    let PageStyle::LastItemCursor { has_more, id } = &stripe.style else {
        panic!("{stripe:?}");
    };
    assert_eq!(
        (has_more.dotted().as_str(), id.name.as_str()),
        ("has_more", "id")
    );
    assert_eq!(stripe.items.as_ref().unwrap().path.dotted(), "data");
    // No `has_more`: the cursor alone does not say when to stop.
    assert_eq!(pagination(&api, "get_notes"), None);
    for op in ["list_core_v1_pods", "issues_list", "search"] {
        assert_eq!(pagination(&api, op), None, "{op}");
    }
}

#[test]
fn settings_declare_kubernetes_github_and_page_number_styles() {
    let settings = Settings::default()
        .pagination(PageRule {
            style: Some(PageStyleName::LinkHeader),
            ..PageRule::default()
        })
        .operation_pagination(
            "listCoreV1Pods",
            PageRule {
                style: Some(PageStyleName::ContinueToken),
                ..PageRule::default()
            },
        )
        .operation_pagination(
            "search",
            PageRule {
                style: Some(PageStyleName::PageNumber),
                total_pages: Some("total_pages".into()),
                ..PageRule::default()
            },
        );
    let (api, warnings) = lower_with(SPEC, &settings).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let pods = pagination(&api, "list_core_v1_pods").unwrap();
    let PageStyle::NextToken { field } = &pods.style else {
        panic!("{pods:?}");
    };
    assert_eq!(field.dotted(), "metadata.continue");
    assert!(field.0.iter().all(|step| step.optional));
    assert_eq!(pods.items.as_ref().unwrap().path.dotted(), "items");
    let issues = pagination(&api, "issues_list").unwrap();
    assert_eq!(
        (issues.param.as_str(), &issues.style),
        ("page", &PageStyle::LinkHeader)
    );
    assert_eq!(
        issues.items.as_ref().unwrap().path.dotted(),
        "",
        "the body is the list"
    );
    let search = pagination(&api, "search").unwrap();
    let PageStyle::PageNumber {
        end: PageEnd::TotalPages(total),
    } = &search.style
    else {
        panic!("{search:?}");
    };
    assert_eq!(total.dotted(), "total_pages");
    assert_eq!(search.items.as_ref().unwrap().path.dotted(), "results");
    // Operations without the API-wide parameter are not paginated; the settings replace
    // inference, so Stripe's shape follows `Link` headers only if it has `page`.
    assert_eq!(pagination(&api, "get_customers"), None);
}

#[test]
fn an_override_turns_pagination_off_and_unknown_names_are_errors() {
    let off = Settings::default().operation_pagination(
        "get_customers",
        PageRule {
            style: Some(PageStyleName::None),
            ..PageRule::default()
        },
    );
    let (api, _) = lower_with(SPEC, &off).unwrap();
    assert_eq!(pagination(&api, "get_customers"), None);

    let typo = Settings::default().operation_pagination("GetCustomer", PageRule::default());
    let error = lower_with(SPEC, &typo).unwrap_err();
    assert!(error.message.contains("`GetCustomer`"), "{error:?}");
    assert_eq!(error.help.as_deref(), Some("did you mean `GetCustomers`?"));
}

#[test]
fn a_rule_that_does_not_fit_is_an_error_for_its_operation_and_a_warning_api_wide() {
    let wrong_field = PageRule {
        style: Some(PageStyleName::NextToken),
        param: Some("page".into()),
        next: Some("next_page".into()),
        ..PageRule::default()
    };
    let named = Settings::default().operation_pagination("search", wrong_field.clone());
    let error = lower_with(SPEC, &named).unwrap_err();
    assert!(
        error
            .message
            .contains("the response has no field `next_page`"),
        "{error:?}"
    );
    assert_eq!(error.pointer.as_deref(), Some("#/paths/~1search/get"));

    let (api, warnings) = lower_with(SPEC, &Settings::default().pagination(wrong_field)).unwrap();
    assert_eq!(pagination(&api, "search"), None);
    assert_eq!(warnings.len(), 2, "search and issues_list: {warnings:?}");
    assert!(
        warnings[0].message.contains("[pagination.operations."),
        "{warnings:?}"
    );
}

#[test]
fn a_nullable_next_token_is_followed_like_any_other() {
    // Stripe's search: `page` beside a `next_page` that may be absent or null.
    let spec = "openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /v1/prices/search:
    get:
      operationId: GetPricesSearch
      parameters:
        - {name: page, in: query, schema: {type: string}}
        - {name: query, in: query, required: true, schema: {type: string}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                required: [data, has_more]
                properties:
                  data: {type: array, items: {type: string}}
                  has_more: {type: boolean}
                  next_page: {type: string, nullable: true}
";
    let (api, _) = lower_with(spec, &Settings::default()).unwrap();
    let search = pagination(&api, "get_prices_search").expect("inferred");
    let PageStyle::NextToken { field } = &search.style else {
        panic!("{search:?}");
    };
    assert_eq!(field.dotted(), "next_page");
    assert!(
        field.0[0].tristate,
        "a three-state field, read through `as_option`"
    );
    assert_eq!(search.items.as_ref().unwrap().path.dotted(), "data");
}
