//! Every spec in `tests/bad_specs/` is refused with exit-code-2-worthy error whose message
//! (what, where, what to do) is pinned by insta. None may panic, overflow the stack, or run
//! unbounded. One test per spec, so that one failure hides no other; a last test checks that
//! every file of the directory has its test.

use std::path::Path;

use apiforge::{generate, Error, Settings};

/// One `#[test]` per file (`bad_spec::<name>`), and the list of the files.
macro_rules! bad_specs {
    ($($test:ident => $file:literal,)*) => {
        mod bad_spec {
            $(
                #[test]
                fn $test() {
                    super::refused_with_a_pinned_message($file);
                }
            )*
        }

        const FILES: &[&str] = &[$($file),*];
    };
}

bad_specs! {
    empty_yaml => "01-empty.yaml",
    not_utf8_yaml => "02-not-utf8.yaml",
    truncated_yaml => "03-truncated.yaml",
    truncated_json => "04-truncated.json",
    yaml_alias_bomb_yaml => "05-yaml-alias-bomb.yaml",
    nesting_5000_deep_json => "06-nesting-5000-deep.json",
    swagger_2_bad_body_schema_yaml => "07-swagger-2-bad-body-schema.yaml",
    unknown_version_yaml => "08-unknown-version.yaml",
    missing_info_yaml => "09-missing-info.yaml",
    missing_paths_yaml => "10-missing-paths.yaml",
    ref_to_missing_target_yaml => "11-ref-to-missing-target.yaml",
    ref_loop_without_structure_yaml => "12-ref-loop-without-structure.yaml",
    external_ref_yaml => "13-external-ref.yaml",
    undeclared_path_parameter_yaml => "14-undeclared-path-parameter.yaml",
    path_parameter_not_in_template_yaml => "15-path-parameter-not-in-template.yaml",
    server_variable_without_default_yaml => "16-server-variable-without-default.yaml",
    invalid_header_name_yaml => "17-invalid-header-name.yaml",
    duplicate_operation_ids_yaml => "18-duplicate-operation-ids.yaml",
    request_body_without_media_type_yaml => "19-request-body-without-media-type.yaml",
    not_an_object_json => "20-not-an-object.json",
    missing_openapi_field_yaml => "21-missing-openapi-field.yaml",
    invalid_parameter_location_yaml => "22-invalid-parameter-location.yaml",
    server_default_not_in_enum_yaml => "23-server-default-not-in-enum.yaml",
    server_variable_not_declared_yaml => "24-server-variable-not-declared.yaml",
    invalid_json_syntax_json => "25-invalid-json-syntax.json",
    ref_to_missing_parameter_yaml => "26-ref-to-missing-parameter.yaml",
    openapi_version_not_a_string_yaml => "27-openapi-version-not-a-string.yaml",
    wrong_type_for_paths_yaml => "28-wrong-type-for-paths.yaml",
    ref_points_outside_components_yaml => "29-ref-points-outside-components.yaml",
    tab_indented_yaml_yaml => "30-tab-indented-yaml.yaml",
    schema_properties_a_list_yaml => "31-schema-properties-a-list.yaml",
    path_item_ref_yaml => "32-path-item-ref.yaml",
    duplicate_yaml_key_yaml => "33-duplicate-yaml-key.yaml",
    duplicate_json_key_json => "34-duplicate-json-key.json",
    duplicate_path_yaml => "35-duplicate-path.yaml",
    duplicate_property_yaml => "36-duplicate-property.yaml",
    duplicate_status_code_json => "37-duplicate-status-code.json",
    duplicate_key_in_flow_mapping_yaml => "38-duplicate-key-in-flow-mapping.yaml",
    external_ref_url_yaml => "39-external-ref-url.yaml",
    external_ref_outside_spec_directory_yaml => "40-external-ref-outside-spec-directory.yaml",
    external_ref_absolute_path_yaml => "41-external-ref-absolute-path.yaml",
    external_ref_fragment_not_a_pointer_yaml => "42-external-ref-fragment-not-a-pointer.yaml",
    path_item_ref_loop_yaml => "43-path-item-ref-loop.yaml",
}

/// Generating from `tests/bad_specs/<name>` fails with a spec error that names the file and
/// says what to do; the message is the snapshot `snapshots/bad_specs/<name with _ for .>.snap`.
fn refused_with_a_pinned_message(name: &str) {
    // Relative to this crate's directory (the test's working directory), so that the
    // messages do not depend on where the repository is checked out.
    let path = Path::new("bad_specs").join(name);
    // Strict: an operation apiforge cannot express (19) is refused too, rather than left out
    // with a warning as it is by default (`generator/tests/cli/settings.rs` checks that).
    let strict = Settings::default().strict(true);
    let error = match generate(&path, &strict) {
        Ok(_) => panic!("{name} was accepted"),
        Err(error) => error,
    };
    assert!(matches!(error, Error::Spec(_)), "{name}: {error:?}");
    let message = error.to_string();
    assert!(
        message.contains(&format!("--> bad_specs/{name}")),
        "{name} names its file: {message}"
    );
    assert!(
        message.contains("help: "),
        "{name} says what to do: {message}"
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/bad_specs");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name.replace('.', "_"), message));
}

#[test]
fn every_bad_spec_has_its_test() {
    let mut on_disk: Vec<String> = std::fs::read_dir("bad_specs")
        .expect("tests/bad_specs exists")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<&str> = FILES.to_vec();
    listed.sort_unstable();
    assert_eq!(
        on_disk, listed,
        "add each file of tests/bad_specs to the bad_specs! list"
    );
    assert!(
        on_disk.len() >= 25,
        "the corpus has {} specs",
        on_disk.len()
    );
}
