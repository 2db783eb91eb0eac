//! What a module of operations imports and allows: only what its code uses (Spotify's client
//! once warned of an unused `use crate::types;` and a lint on its success enums).

use std::path::Path;

use crate::{Pipeline, Settings};

/// A module whose only named type is an error body, and an operation answering either a
/// large body or nothing.
const SPEC: &str = "openapi: 3.0.3
info: {title: Library, version: 1.0.0}
paths:
  /me/library:
    put:
      operationId: saveItems
      tags: [library]
      responses:
        '200': {description: Saved.}
        '401':
          description: Unauthorized.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ErrorObject'}
  /me/player:
    get:
      operationId: playback
      tags: [player]
      responses:
        '200':
          description: The playback.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Playback'}
        '204': {description: Nothing playing.}
components:
  schemas:
    ErrorObject:
      type: object
      properties:
        message: {type: string}
    Playback:
      type: object
      properties:
        device: {type: string}
        progress_ms: {type: integer}
";

fn files() -> crate::emit::Files {
    let settings = Settings::default();
    let mut pipeline = Pipeline::new(&settings);
    let loaded = pipeline
        .load_bytes(Path::new("library.yaml"), SPEC.as_bytes(), false)
        .unwrap();
    let lowered = pipeline.lower(loaded).unwrap();
    pipeline.emit_crate(&lowered).unwrap()
}

#[test]
fn a_module_imports_the_types_only_when_its_own_code_names_one() {
    let files = files();
    let library = &files["src/library.rs"];
    assert!(!library.contains("use crate::types;"), "{library}");
    let player = &files["src/player.rs"];
    assert!(player.contains("use crate::types;"), "{player}");
}

#[test]
fn a_success_enum_with_a_body_beside_an_empty_answer_allows_their_size_difference() {
    let player = &files()["src/player.rs"];
    let at = player
        .find("pub enum PlaybackSuccess")
        .expect("a success enum");
    let before = &player[..at];
    assert!(
        before
            .trim_end()
            .ends_with("#[allow(clippy::large_enum_variant)]"),
        "{player}"
    );
}

/// A list whose next-page token may be absent or `null` (Stripe's search results: `next_page`
/// optional and nullable), beside one whose token is only optional.
const PAGES: &str = "openapi: 3.0.3
info: {title: Search, version: 1.0.0}
paths:
  /search:
    get:
      operationId: search
      tags: [search]
      parameters:
        - {name: page, in: query, schema: {type: string}}
      responses:
        '200':
          description: A page.
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {type: string}}
                  next_page: {type: string, nullable: true}
  /list:
    get:
      operationId: list
      tags: [list]
      parameters:
        - {name: offset, in: query, schema: {type: string}}
      responses:
        '200':
          description: A page.
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {type: string}}
                  next_offset: {type: string}
";

#[test]
fn a_nullable_next_page_token_ends_the_pages_when_absent_or_null() {
    let settings = Settings::default();
    let mut pipeline = Pipeline::new(&settings);
    let loaded = pipeline
        .load_bytes(Path::new("search.yaml"), PAGES.as_bytes(), false)
        .unwrap();
    let lowered = pipeline.lower(loaded).unwrap();
    let files = pipeline.emit_crate(&lowered).unwrap();
    // A `Nullable` is no `Option`: `.filter` on it did not compile (Stripe's whole client);
    // it is read through `as_option`, absent and null both ending the pages.
    let search = &files["src/search.rs"];
    assert!(
        search.contains(".next_page\n                        .as_option()"),
        "{search}"
    );
    let list = &files["src/list.rs"];
    assert!(
        list.contains(".next_offset\n                        .as_ref()"),
        "{list}"
    );
    assert!(!list.contains("as_option"), "{list}");
}

#[test]
fn error_responses_import_the_types_only_when_a_body_names_one() {
    // Zoom's error bodies: a string and untyped JSON, no named type.
    let spec = "openapi: 3.0.3
info: {title: Meetings, version: 1.0.0}
paths:
  /meetings:
    get:
      operationId: listMeetings
      responses:
        '200': {description: The meetings.}
        '400':
          description: Bad request.
          content:
            application/json:
              schema: {type: object}
        '404':
          description: Not found.
          content:
            text/plain:
              schema: {type: string}
";
    let settings = Settings::default();
    let mut pipeline = Pipeline::new(&settings);
    let loaded = pipeline
        .load_bytes(Path::new("meetings.yaml"), spec.as_bytes(), false)
        .unwrap();
    let lowered = pipeline.lower(loaded).unwrap();
    let emitted = pipeline.emit_crate(&lowered).unwrap();
    let responses = &emitted["src/responses.rs"];
    assert!(responses.contains("NotFound(String)"), "{responses}");
    assert!(!responses.contains("use crate::types;"), "{responses}");
    // With a named error body, the import is back (the fixture above).
    assert!(files()["src/responses.rs"].contains("use crate::types;"));
}

#[test]
fn a_field_described_only_by_markup_gets_the_default_doc() {
    // Paylocity's `description: "<br />"`: without a doc the crate warns (`missing_docs`).
    let spec = "openapi: 3.0.3
info: {title: Pay, version: 1.0.0}
paths:
  /pay:
    get:
      operationId: getPay
      responses:
        '200':
          description: The statement.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Statement'}
components:
  schemas:
    Statement:
      type: object
      properties:
        transactionNumber: {type: integer, description: '<br />'}
";
    let settings = Settings::default();
    let mut pipeline = Pipeline::new(&settings);
    let loaded = pipeline
        .load_bytes(Path::new("pay.yaml"), spec.as_bytes(), false)
        .unwrap();
    let lowered = pipeline.lower(loaded).unwrap();
    let emitted = pipeline.emit_crate(&lowered).unwrap();
    let types = &emitted["src/types.rs"];
    assert!(
        types.contains("/// The `transactionNumber` property.\n"),
        "{types}"
    );
}
