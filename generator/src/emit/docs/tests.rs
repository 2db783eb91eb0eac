//! Tests of the rendered docs, on a small spec of their own.

use std::path::Path;

use crate::{Pipeline, Settings};

/// A paginated operation with a path parameter, one that is not paginated, and a common
/// parameter: what neither snapshot fixture has.
const SHOP: &str = "openapi: 3.0.3
info: {title: Shop, version: 1.0.0}
paths:
  /customers/{customer-id}/orders:
    get:
      operationId: listOrders
      tags: [orders]
      parameters:
        - {name: customer-id, in: path, required: true, schema: {type: string}}
        - {name: offset, in: query, schema: {type: string}}
        - $ref: '#/components/parameters/Device'
      responses:
        '200':
          description: A page of orders.
          content:
            application/json:
              schema:
                type: object
                properties:
                  list: {type: array, items: {type: string}}
                  next_offset: {type: string}
  /orders/{order-id}:
    get:
      operationId: getOrder
      tags: [orders]
      parameters:
        - {name: order-id, in: path, required: true, schema: {type: string}}
        - $ref: '#/components/parameters/Device'
      responses:
        '200': {description: OK}
components:
  parameters:
    Device:
      name: x-device
      in: header
      description: The device the request is made from.
      schema: {type: string, example: Android}
";

fn shop() -> crate::emit::Files {
    let settings = Settings::default();
    let mut pipeline = Pipeline::new(&settings);
    let loaded = pipeline
        .load_bytes(Path::new("shop.yaml"), SHOP.as_bytes(), false)
        .unwrap();
    let lowered = pipeline.lower(loaded).unwrap();
    pipeline.emit_crate(&lowered).unwrap()
}

#[test]
fn a_paginated_operation_documents_its_stream_of_pages() {
    let files = shop();
    let page = &files["docs/list_orders.md"];
    assert!(
        page.contains("| Pages | `Client::list_orders_pages` |"),
        "{page}"
    );
    assert!(page.contains("\n## Pages\n\nThe API returns this list a page at a time. `Client::list_orders_pages` follows the pages for you: it sends your request, then sends the response's `next_offset` as the `offset` parameter until the API returns none."), "{page}");
    assert!(page.contains("`Client::list_orders_items` takes the same arguments and streams every item of every page instead"), "{page}");
    assert!(page.contains("```rust\npub fn list_orders_pages(&self, customer_id: impl Into<String>, request: orders::ListOrdersRequest) -> Paged<Response<types::ListOrdersResponse>, ErrorResponse>\n```"), "{page}");
    assert!(
        page.contains("Add `futures-util` to your own crate to use `TryStreamExt`"),
        "{page}"
    );
    let example = "```rust
use futures_util::TryStreamExt;
use shop::Client;
use shop::orders::ListOrdersRequest;

async fn every_page(client: &Client, customer_id: &str, request: ListOrdersRequest) -> Result<(), Box<dyn std::error::Error>> {
    let mut pages = std::pin::pin!(client.list_orders_pages(customer_id, request));
    while let Some(page) = pages.try_next().await? {
        println!(\"{page:?}\");
    }
    Ok(())
}
```";
    assert!(page.contains(example), "{page}");
    assert!(
        files["README.md"].contains("## Pages\n") && files["README.md"].contains(example),
        "{}",
        files["README.md"]
    );
    assert!(!files["docs/get_order.md"].contains("_pages"));
}

#[test]
fn the_docs_show_a_pages_method_exactly_when_the_client_has_one() {
    let files = shop();
    let source = &files["src/orders.rs"];
    for op in ["list_orders", "get_order"] {
        let documented = files[&format!("docs/{op}.md")].contains(&format!("Client::{op}_pages"));
        let emitted = source.contains(&format!("pub fn {op}_pages("));
        assert_eq!(documented, emitted, "{op}");
    }
    assert!(source.contains("pub fn list_orders_pages("));
    assert!(source.contains("Send + 'static"));
}

#[test]
fn the_index_lists_operations_by_module_and_the_common_parameters() {
    let files = shop();
    let index = &files["docs/index.md"];
    assert!(index.contains("### Module `orders`\n\n| Operation | HTTP | Rust method | Request type | Errors |\n|---|---|---|---|---|\n| [list_orders](list_orders.md) | `GET /customers/{customer-id}/orders` | `Client::list_orders`, pages: `Client::list_orders_pages` | `orders::ListOrdersRequest` | `ErrorResponse` |\n"), "{index}");
    assert!(index.contains("| `x_device` | header `x-device` | string | 2 | The device the request is made from. |"), "{index}");
    assert!(
        index.contains("        x_device: Some(\"Android\".to_owned()),"),
        "{index}"
    );
    let page = &files["docs/get_order.md"];
    assert!(
        page.contains("| Common parameters | `CommonParameters` |"),
        "{page}"
    );
}

#[test]
fn the_readme_lists_the_dependencies_of_the_manifest() {
    let files = shop();
    let block = crate::emit::deps::toml_block(crate::emit::deps::DEPENDENCIES);
    assert!(
        files["README.md"].contains(&format!("```toml\n{block}```")),
        "{}",
        files["README.md"]
    );
    assert!(files["Cargo.toml"].contains(&block));
}
