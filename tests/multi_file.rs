//! Specs split into several files (`tests/fixtures/multi_file/`): external `$ref`s and path
//! items given by `$ref` are bundled into one document at load time (`apiforge::load`), and
//! every error names the file, line and column where the problem is written.

use std::path::{Path, PathBuf};
use std::time::Instant;

use apiforge::{generate, load, Settings};
use serde_json::Value;

fn fixture(path: &str) -> PathBuf {
    Path::new("fixtures/multi_file").join(path)
}

/// The message `generate` fails with, as the command line prints it (without `error: `).
fn refusal(spec: &Path) -> String {
    match generate(spec, &Settings::default()) {
        Ok(_) => panic!("{} was accepted", spec.display()),
        Err(error) => error.to_string(),
    }
}

/// The names of the entries of `components/<section>` of the bundled document.
fn component_names(loaded: &load::Loaded, section: &str) -> Vec<String> {
    let document = serde_json::to_value(&loaded.document).expect("the model serializes");
    match document.pointer(&format!("/components/{section}")) {
        Some(Value::Object(entries)) => entries.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

#[test]
fn a_split_spec_generates_the_same_crate_as_its_hand_bundled_equivalent() {
    let split = generate(&fixture("redocly/openapi.yaml"), &Settings::default())
        .expect("the split spec generates");
    let bundled = generate(&fixture("redocly/bundled.yaml"), &Settings::default())
        .expect("the bundled spec generates");
    assert_eq!(
        split.files.keys().collect::<Vec<_>>(),
        bundled.files.keys().collect::<Vec<_>>()
    );
    for (path, contents) in &split.files {
        assert!(
            bundled.files[path] == *contents,
            "{path} differs between the split and the bundled spec"
        );
    }
    assert_eq!(split.warnings, bundled.warnings);
    // Operations from both path files, types from the schema files (Pet and Owner refer to
    // each other across a YAML and a JSON file; NewPet is the body of createPet).
    let types = &split.files["src/types.rs"];
    for name in ["Pet", "Owner", "Tag", "ErrorModel"] {
        assert!(types.contains(&format!("pub struct {name} ")), "{name}");
    }
    let pets = &split.files["src/pets.rs"];
    assert!(pets.contains("pub struct CreatePetRequest "), "{pets}");
    assert!(pets.contains("pub async fn show_pet("), "{pets}");
}

#[test]
fn the_bundled_document_keeps_root_names_and_lists_every_file() {
    let loaded = load::load_file(&fixture("redocly/openapi.yaml")).expect("loads");
    // `Pet` was a root component holding only a `$ref`: it keeps its name. The others are
    // named after their files, in the order they are first referenced.
    assert_eq!(
        component_names(&loaded, "schemas"),
        ["Pet", "NewPet", "Tag", "Owner", "Error"]
    );
    assert_eq!(component_names(&loaded, "parameters"), ["limit"]);
    assert_eq!(component_names(&loaded, "headers"), ["RateLimit"]);
    assert_eq!(component_names(&loaded, "responses"), ["Problem"]);
    let files: Vec<String> = loaded
        .sources
        .files()
        .iter()
        .map(|file| {
            file.path
                .strip_prefix("fixtures/multi_file/redocly")
                .expect("under the fixture")
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        files,
        [
            "openapi.yaml",
            "components/schemas/Pet.yaml",
            "paths/pets.yaml",
            "components/parameters/limit.yaml",
            "components/headers/RateLimit.yaml",
            "components/responses/Problem.yaml",
            "components/schemas/NewPet.yaml",
            "paths/pets_{petId}.yaml",
            "components/schemas/Tag.yaml",
            "components/schemas/Owner.json",
            "components/schemas/Error.yaml",
        ]
    );
    // A pointer of the bundled document maps back to the file and line it came from.
    let (file, pointer) = loaded
        .sources
        .origin("#/components/schemas/Owner/properties/pets/items/$ref");
    assert_eq!(
        file,
        Path::new("fixtures/multi_file/redocly/components/schemas/Owner.json")
    );
    assert_eq!(pointer, "#/properties/pets/items/$ref");
    let d = loaded.diagnostic("#/paths/~1pets/post/requestBody", "x");
    assert_eq!(
        d.file,
        Path::new("fixtures/multi_file/redocly/paths/pets.yaml")
    );
    assert_eq!(d.pointer.as_deref(), Some("#/post/requestBody"));
    assert_eq!(d.position, Some((23, 3)));
}

#[test]
fn json_and_yaml_files_mix_with_pointers_into_a_library_file() {
    let loaded = load::load_file(&fixture("json_yaml/openapi.json")).expect("loads");
    // The root's `Error` keeps its name; the library's `Error` is the second one.
    assert_eq!(
        component_names(&loaded, "schemas"),
        ["Error", "Order", "Error2", "Status", "line", "Quantity"]
    );
    // Path items from a JSON file and from a pointer into a YAML file; the summary written
    // beside the `$ref` wins over the referenced one.
    let paths: Vec<&String> = loaded.document.paths.paths.keys().collect();
    assert_eq!(paths, ["/orders", "/orders/{id}"]);
    let item = loaded.document.paths.paths["/orders/{id}"]
        .as_item()
        .expect("inlined");
    assert_eq!(item.summary.as_deref(), Some("One order, by id."));
    assert!(item.get.is_some());
    // The 3.1 webhook given by `$ref` is read too.
    assert_eq!(loaded.webhooks.len(), 1);
    assert!(loaded.webhooks[0].1.as_item().is_some());
    // A warning about a node of another file names that file and the pointer there.
    let warning = loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("$schema"))
        .expect("a warning about `$schema`");
    assert_eq!(
        warning.pointer,
        "fixtures/multi_file/json_yaml/schemas/line.json#"
    );
    let generated =
        generate(&fixture("json_yaml/openapi.json"), &Settings::default()).expect("generates");
    let types = &generated.files["src/types.rs"];
    for name in ["Order", "Line", "Error2", "ErrorModel"] {
        assert!(types.contains(&format!("pub struct {name} ")), "{name}");
    }
    assert!(generated.files.contains_key("src/webhooks.rs"));
}

#[test]
fn schemas_that_refer_to_each_other_across_files_are_recursive_types() {
    let generated =
        generate(&fixture("cycle/openapi.yaml"), &Settings::default()).expect("generates");
    let types = &generated.files["src/types.rs"];
    assert!(types.contains("pub branch: Option<Box<Branch>>"), "{types}");
    assert!(types.contains("pub node: Option<Box<Node>>"), "{types}");
    assert!(
        types.contains("pub children: Option<Vec<Branch>>"),
        "{types}"
    );
}

#[test]
fn a_ref_loop_without_structure_across_files_is_an_error() {
    assert_eq!(
        refusal(&fixture("errors/ref_loop/openapi.yaml")),
        "`$ref: alias/Pet.yaml` leads to `$ref`s that loop without reaching a schema: alias/Pet.yaml → alias/Animal.yaml → alias/Pet.yaml
  --> fixtures/multi_file/errors/ref_loop/openapi.yaml:14:17
   at #/paths/~1pets/get/responses/200/content/application~1json/schema/$ref
 help: make one of them the schema itself instead of another `$ref`"
    );
}

#[test]
fn a_path_item_that_contains_itself_through_callbacks_is_an_error() {
    assert_eq!(
        refusal(&fixture("errors/path_item_loop/openapi.yaml")),
        "path items given by `$ref` contain themselves: paths/subscriptions.yaml → paths/event.yaml → paths/subscriptions.yaml
  --> fixtures/multi_file/errors/path_item_loop/paths/event.yaml:8:9
   at #/post/callbacks/resubscribe/{$request.body#~1url}/$ref
 help: a path item cannot contain itself, through `$ref`s or callbacks; write one of them out"
    );
}

#[test]
fn a_missing_file_is_named_at_the_ref_in_the_file_that_holds_it() {
    assert_eq!(
        refusal(&fixture("errors/missing_file/openapi.yaml")),
        "`$ref: ../components/schemas/Pett.yaml` points to a file that does not exist: fixtures/multi_file/errors/missing_file/components/schemas/Pett.yaml
  --> fixtures/multi_file/errors/missing_file/paths/pets.yaml:11:15
   at #/get/responses/200/content/application~1json/schema/items/$ref
 help: did you mean `../components/schemas/Pet.yaml`?"
    );
}

#[test]
fn a_pointer_to_nothing_in_another_file_is_an_error_where_it_is_written() {
    assert_eq!(
        refusal(&fixture("errors/bad_pointer/openapi.yaml")),
        "`$ref: common.yaml#/components/schemas/Ownr` points to nothing: there is no `schemas/common.yaml#/components/schemas/Ownr`
  --> fixtures/multi_file/errors/bad_pointer/schemas/Pet.yaml:6:5
   at #/properties/owner/$ref
 help: did you mean `common.yaml#/components/schemas/Owner`?"
    );
    assert_eq!(
        refusal(&fixture("errors/root_pointer/openapi.yaml")),
        "`$ref: ../openapi.yaml#/components/schemas/Pets` points to nothing: there is no `openapi.yaml#/components/schemas/Pets`
  --> fixtures/multi_file/errors/root_pointer/paths/pets.yaml:8:13
   at #/get/responses/200/content/application~1json/schema/$ref
 help: did you mean `../openapi.yaml#/components/schemas/Pet`?"
    );
}

#[test]
fn errors_found_after_bundling_are_located_in_the_file_that_holds_the_node() {
    // The shape check (load), on a schema copied from another file.
    assert_eq!(
        refusal(&fixture("errors/invalid_schema/openapi.yaml")),
        "invalid schema: `properties` must be a mapping of names to schemas; found a list
  --> fixtures/multi_file/errors/invalid_schema/schemas/Pet.yaml:9:7
   at #/properties/tags/items/properties
 help: fix the schema at that pointer so that it follows the OpenAPI specification"
    );
    // The IR's checks, on a path item copied from another file.
    assert_eq!(
        refusal(&fixture("errors/path_parameter/openapi.yaml")),
        "path parameter `id` is declared but `/pets/{petId}` has no `{id}`
  --> fixtures/multi_file/errors/path_parameter/paths/pet.yaml:4:7
   at #/get/parameters/0
 help: remove the parameter or add it to the path template"
    );
    // A syntax error in a referenced file: that file's line and column, and which `$ref`
    // made apiforge read it.
    assert_eq!(
        refusal(&fixture("errors/syntax/openapi.yaml")),
        "the file is not valid JSON: trailing comma
  --> fixtures/multi_file/errors/syntax/schemas/Pet.json:5:3
 help: fix the JSON syntax at that position (schemas/Pet.json is read for the `$ref` at fixtures/multi_file/errors/syntax/openapi.yaml:14:17)"
    );
}

#[test]
fn a_url_in_another_file_is_refused_there() {
    assert_eq!(
        refusal(&fixture("errors/url/openapi.yaml")),
        "`$ref: https://schemas.example.com/pet.yaml#/Pet` is a URL; apiforge follows references to local files only
  --> fixtures/multi_file/errors/url/paths/pets.yaml:8:13
   at #/get/responses/200/content/application~1json/schema/$ref
 help: bundle the spec first (for example with `redocly bundle`), or save the document beside the spec and reference it by a relative path"
    );
}

#[test]
fn a_media_type_given_by_ref_is_refused_with_what_may_be() {
    // Operations given by `$ref` are copied in place with a warning (a common mistake, see
    // `common_mistakes_in_published_specs_generate_with_a_warning`); a media type is not.
    let dir = tempfile::tempdir().expect("tempdir");
    write_tree(
        dir.path(),
        &[
            (
                "openapi.yaml".into(),
                "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json: {$ref: media/json.yaml}\n".into(),
            ),
            (
                "media/json.yaml".into(),
                "schema: {type: string}\n".into(),
            ),
        ],
    );
    let message = refusal(&dir.path().join("openapi.yaml"));
    assert!(
        message.starts_with(
            "`$ref: media/json.yaml` stands for a media type, which cannot be given by `$ref`\n"
        ),
        "{message}"
    );
    assert!(message.contains("openapi.yaml:10:13"), "{message}");
}

/// Writes `files` (path relative to `dir`, contents) under `dir`.
fn write_tree(dir: &Path, files: &[(String, String)]) {
    for (path, contents) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, contents).expect("write");
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_spec_directory_is_not_followed() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_tree(
        dir.path(),
        &[
            ("outside/secret.yaml".into(), "type: string\n".into()),
            (
                "spec/openapi.yaml".into(),
                "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Secret:\n      $ref: shared/secret.yaml\n".into(),
            ),
        ],
    );
    std::os::unix::fs::symlink(dir.path().join("outside"), dir.path().join("spec/shared"))
        .expect("symlink");
    let message = refusal(&dir.path().join("spec/openapi.yaml"));
    assert!(
        message.starts_with("`$ref: shared/secret.yaml` leads outside the spec's directory: "),
        "{message}"
    );
    assert!(message.contains("openapi.yaml:7:7"), "{message}");
}

#[test]
fn hostile_layouts_stop_at_the_limits() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A path item of 25,000 values copied into 81 paths: past the 2,000,000 values allowed.
    let big: Vec<String> = (0..25_000).map(|i| i.to_string()).collect();
    let mut root = String::from("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n");
    for i in 0..81 {
        root.push_str(&format!("  /p{i}:\n    $ref: item.yaml\n"));
    }
    write_tree(
        dir.path(),
        &[
            ("wide/openapi.yaml".into(), root),
            (
                "wide/item.yaml".into(),
                format!("x-data: [{}]\n", big.join(", ")),
            ),
        ],
    );
    let message = refusal(&dir.path().join("wide/openapi.yaml"));
    assert!(
        message.starts_with(
            "following `$ref: item.yaml` brings the values copied from `$ref`s past 2000000"
        ),
        "{message}"
    );
    assert!(message.contains("openapi.yaml:163:5"), "{message}");
    // A path item nested 127 levels deep, placed 2 levels deep: past the 128 levels a
    // single file may have.
    let deep = format!("x-deep: {}1{}\n", "[".repeat(126), "]".repeat(126));
    write_tree(
        dir.path(),
        &[
            (
                "deep/openapi.yaml".into(),
                "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /p:\n    $ref: item.yaml\n".into(),
            ),
            ("deep/item.yaml".into(), deep),
        ],
    );
    let message = refusal(&dir.path().join("deep/openapi.yaml"));
    assert!(
        message.starts_with(
            "following `$ref: item.yaml` nests the document more than 128 levels deep"
        ),
        "{message}"
    );
}

/// Redocly's layout at scale: 1,000 path files, 1,000 schema files (each schema refers to the
/// next in its group of ten, the last to the first: a cycle through ten files), a shared
/// schema and a shared parameter. Prints the time to load (read, parse and bundle) them;
/// asserts no time.
#[test]
fn two_thousand_files_load() {
    const N: usize = 1_000;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut files = Vec::new();
    let mut root =
        String::from("openapi: 3.0.3\ninfo:\n  title: Many files\n  version: '1'\npaths:\n");
    for i in 0..N {
        root.push_str(&format!("  /resources/r{i}:\n    $ref: paths/r{i}.yaml\n"));
        files.push((
            format!("paths/r{i}.yaml"),
            format!(
                "get:\n  operationId: getR{i}\n  parameters:\n    - $ref: ../components/parameters/limit.yaml\n  responses:\n    '200':\n      description: OK\n      content:\n        application/json:\n          schema:\n            $ref: ../components/schemas/R{i}.yaml\n"
            ),
        ));
        files.push((
            format!("components/schemas/R{i}.yaml"),
            format!(
                "type: object\nrequired: [id]\nproperties:\n  id:\n    type: string\n  common:\n    $ref: Common.yaml\n  next:\n    $ref: ./R{}.yaml\n",
                i - i % 10 + (i + 1) % 10
            ),
        ));
    }
    files.push(("openapi.yaml".into(), root));
    files.push((
        "components/schemas/Common.yaml".into(),
        "type: object\nproperties:\n  created:\n    type: integer\n".into(),
    ));
    files.push((
        "components/parameters/limit.yaml".into(),
        "name: limit\nin: query\nschema:\n  type: integer\n".into(),
    ));
    write_tree(dir.path(), &files);
    let started = Instant::now();
    let loaded = load::load_file(&dir.path().join("openapi.yaml")).expect("loads");
    let elapsed = started.elapsed();
    assert_eq!(loaded.sources.files().len(), 2 * N + 3);
    assert_eq!(loaded.document.paths.paths.len(), N);
    let schemas = component_names(&loaded, "schemas");
    assert_eq!(schemas.len(), N + 1);
    assert_eq!(schemas[..2], ["R0", "R1"]);
    assert_eq!(schemas[N], "Common");
    eprintln!(
        "loaded {} files ({} paths, {} schemas) in {elapsed:?}",
        loaded.sources.files().len(),
        N,
        schemas.len()
    );
}

/// Every file of the Redocly fixture, by path relative to it.
fn redocly_tree() -> Vec<(String, String)> {
    let root = fixture("redocly");
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixture dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.file_name().is_some_and(|n| n != "bundled.yaml") {
                let relative = path.strip_prefix(&root).expect("under root");
                let text = std::fs::read_to_string(&path).expect("text");
                files.push((relative.display().to_string(), text));
            }
        }
    }
    files.sort();
    files
}

/// The split layout with one file damaged at a time (truncated, or a `$ref` pointed at a
/// tricky place: itself, a loop, a directory, outside the tree, a scalar, a bad escape) is
/// refused with a message, or generated, but never panics.
#[test]
fn damaged_split_layouts_never_panic() {
    let tree = redocly_tree();
    let tricky = [
        "#",
        "",
        "#/",
        "#/properties",
        "../openapi.yaml",
        "../openapi.yaml#/paths",
        "../../outside.yaml",
        "../components",
        "Pet.yaml#/properties/name/type",
        "./Owner.json#/properties/pets/items",
        "../paths/pets.yaml",
        "pets.yaml",
        "%ff.yaml",
        "Pet.yaml#/%zz",
        "Pet.yaml#/required/7",
        "https://example.com/x.yaml",
        "Owner.json#/properties/pets",
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rng = fastrand::Rng::with_seed(12);
    let mut outcomes = (0, 0);
    for round in 0..120 {
        let (target, _) = &tree[rng.usize(..tree.len())];
        let files: Vec<(String, String)> = tree
            .iter()
            .map(|(path, text)| {
                if path != target {
                    return (path.clone(), text.clone());
                }
                let damaged = if rng.bool() {
                    let cut = rng.usize(..=text.len());
                    let cut = (0..=cut)
                        .rev()
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(0);
                    text[..cut].to_owned()
                } else {
                    let replacement = tricky[rng.usize(..tricky.len())];
                    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
                    let refs: Vec<usize> = (0..lines.len())
                        .filter(|&i| lines[i].contains("$ref"))
                        .collect();
                    if let Some(&line) = refs.get(rng.usize(..refs.len().max(1))) {
                        let (head, _) = lines[line].split_once("$ref").expect("a $ref");
                        lines[line] = if path.ends_with(".json") {
                            format!("{head}$ref\": \"{replacement}\"}}")
                        } else {
                            format!("{head}$ref: '{replacement}'")
                        };
                    }
                    lines.join("\n")
                };
                (path.clone(), damaged)
            })
            .collect();
        let root = dir.path().join(format!("round{round}"));
        write_tree(&root, &files);
        let spec = root.join("openapi.yaml");
        let outcome = std::panic::catch_unwind(|| generate(&spec, &Settings::default()));
        match outcome {
            Ok(Ok(_)) => outcomes.0 += 1,
            Ok(Err(error)) => {
                let message = error.to_string();
                assert!(message.contains("help: "), "{message}");
                outcomes.1 += 1;
            }
            Err(_) => panic!("round {round} panicked on {target}"),
        }
    }
    eprintln!(
        "damaged layouts: {} generated, {} refused",
        outcomes.0, outcomes.1
    );
}

#[test]
fn a_split_swagger_2_spec_reads_its_other_files_in_the_2_0_dialect() {
    let spec = fixture("swagger2/api.yaml");
    // `enum: 7` is wrong in the other file: the error names that file and line.
    let message = refusal(&spec);
    assert!(
        message.contains("fixtures/multi_file/swagger2/definitions.yaml:11:"),
        "{message}"
    );
    let text = std::fs::read_to_string(fixture("swagger2/definitions.yaml")).expect("fixture");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(&spec, dir.path().join("api.yaml")).expect("copy");
    std::fs::write(
        dir.path().join("definitions.yaml"),
        text.replace("      enum: 7\n", ""),
    )
    .expect("write");
    let loaded = load::load_file(&dir.path().join("api.yaml")).expect("loads");
    let document = serde_json::to_value(&loaded.document).expect("the model serializes");
    assert_eq!(
        document.pointer("/components/schemas/Pet/properties/nickname/nullable"),
        Some(&Value::Bool(true)),
        "{document:#}"
    );
}

/// Mistakes common in published specs generate, each with a warning where it is not valid
/// OpenAPI (`tests/fixtures/common_mistakes/`), and every name derived from them is valid.
#[test]
fn common_mistakes_in_published_specs_generate_with_a_warning() {
    let spec = Path::new("fixtures/common_mistakes/openapi.yaml");
    let generated = generate(spec, &Settings::default()).expect("the spec generates");
    let warnings: Vec<(String, String)> = generated
        .warnings
        .iter()
        .map(|w| (w.pointer.clone(), w.message.clone()))
        .collect();
    // DigitalOcean: an operation given by `$ref` is copied in place, with a warning at its
    // path item.
    assert!(
        warnings
            .iter()
            .any(|(at, message)| at == "#/paths/~1v2~11-clicks"
                && message.contains("an operation cannot be given by `$ref`")
                && message.contains("get: $ref: operations/one_clicks_list.yaml")),
        "{warnings:#?}"
    );
    let clicks = &generated.files["src/n_1_click_applications.rs"];
    assert!(clicks.contains("pub async fn one_clicks_list("), "{clicks}");
    // Spotify: `required: true` on a property reads as required, with a warning.
    assert!(
        warnings.iter().any(|(at, message)| at
            == "#/components/schemas/Thing/properties/id/required"
            && message.contains("`required: true` on a property")),
        "{warnings:#?}"
    );
    let types = &generated.files["src/types.rs"];
    assert!(types.contains("pub id: String,"), "{types}");
    // A schema `$ref` into another operation (bundlers write these): the schema is copied
    // into the components and both responses decode it.
    assert!(
        !warnings
            .iter()
            .any(|(_, m)| m.contains("$ref") && !m.contains("an operation cannot be given")),
        "{warnings:#?}"
    );
    assert!(
        types.contains("pub struct ShapesList200Response "),
        "{types}"
    );
    // A `$ref` into a schema's `definitions`: copied into the components under its name.
    assert!(types.contains("pub label: Option<Label>,"), "{types}");
    let responses = &generated.files["src/responses.rs"];
    assert!(
        responses.contains("NotFound(types::ShapesList200Response)"),
        "{responses}"
    );
    // The third: `definitions` itself is no OpenAPI keyword (what a `$ref` names in it is
    // still copied, above).
    assert!(
        warnings
            .iter()
            .any(|(at, message)| at == "#/components/schemas/Thing"
                && message.contains("`definitions` has no OpenAPI 3.0 equivalent")),
        "{warnings:#?}"
    );
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    // PingOne: `#` in operation ids and tags; ShipStation: a long path and no operationId.
    // Every file name stays short and plain; the crate name is valid on crates.io.
    for path in generated.files.keys() {
        let name = path.rsplit('/').next().unwrap_or(path);
        assert!(name.len() <= 100, "{path}");
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')),
            "{path}"
        );
    }
    for file in ["src/things_1.rs", "src/shapes.rs", "docs/things_list.md"] {
        assert!(generated.files.contains_key(file), "{file}");
    }
    let manifest = &generated.files["Cargo.toml"];
    assert!(
        manifest
            .contains("name = \"u-s-epa-enforcement-compliance-history-online-echo-1-clean-air\""),
        "{manifest}"
    );
}
