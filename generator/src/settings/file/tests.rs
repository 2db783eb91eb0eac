use std::path::Path;

use super::super::{ArrayKeys, Conventions, Dates, FreeForm, ObjectArrays, Settings};

fn parse(text: &str) -> Result<Settings, crate::Error> {
    Settings::from_toml(Path::new("apiforge.toml"), text)
}

fn refused(text: &str) -> String {
    match parse(text) {
        Ok(settings) => panic!("accepted: {settings:?}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn reads_every_key() {
    let text = "[crate]\nname = \"my-api\"\nversion = \"1.2.3\"\n\n[client]\nidempotency-header = \"Idempotency-Key\"\n\n[servers]\nnames = [\"Live\", \"Test\"]\n\n[generator]\nstrict = true\n";
    let settings = parse(text).unwrap();
    assert_eq!(
        settings,
        Settings::default()
            .crate_name("my-api")
            .crate_version("1.2.3")
            .idempotency_header("Idempotency-Key")
            .server_names(["Live", "Test"])
            .strict(true)
    );
    assert_eq!(parse("").unwrap(), Settings::default());
}

#[test]
fn reads_the_types_section() {
    let dates = |text: &str| parse(text).map(|s| s.types.dates);
    assert_eq!(dates("[types]\ndates = \"string\"\n").unwrap(), Dates::Text);
    assert_eq!(
        dates("[types]\ndates = \"chrono\"\n").unwrap(),
        Dates::Chrono
    );
    assert_eq!(dates("").unwrap(), Dates::Chrono);
    let error = refused("[types]\ndates = \"time\"\n");
    assert!(error.contains("apiforge.toml:2:9"), "{error}");
}

#[test]
fn reads_the_encoding_section() {
    let text = "[encoding]\nform-arrays = \"indexed\"\nnested-arrays = \"brackets\"\nobject-arrays = \"index-last\"\nfree-form-objects = \"json\"\nmulti-value-groups = true\n";
    assert_eq!(
        parse(text).unwrap().encoding,
        Conventions {
            form_arrays: ArrayKeys::Indexed,
            nested_arrays: ArrayKeys::Brackets,
            object_arrays: ObjectArrays::IndexLast,
            free_form: FreeForm::Json,
            multi_value_groups: true,
        }
    );
    // Keys left out keep their defaults; an empty section is no section.
    assert_eq!(
        parse("[encoding]\nmulti-value-groups = true\n")
            .unwrap()
            .encoding,
        Conventions {
            multi_value_groups: true,
            ..Conventions::default()
        }
    );
    assert_eq!(parse("[encoding]\n").unwrap(), Settings::default());
}

#[test]
fn encoding_values_and_keys_are_checked() {
    let error = refused("[encoding]\nform-arrays = \"index\"\n");
    assert!(error.contains("unknown variant `index`"), "{error}");
    assert!(error.contains("apiforge.toml:2:15"), "{error}");
    assert!(error.contains("did you mean `indexed`?"), "{error}");
    let error = refused("[encoding]\nobject_arrays = \"index-last\"\n");
    assert!(error.contains("unknown field `object_arrays`"), "{error}");
    assert!(error.contains("did you mean `object-arrays`?"), "{error}");
    let error = refused("[encoding]\nmulti-value-groups = \"yes\"\n");
    assert!(error.contains("apiforge.toml:2:22"), "{error}");
}

#[test]
fn unknown_keys_and_wrong_types_are_errors_with_their_position() {
    let error = Settings::from_toml(
        Path::new("spec/apiforge.toml"),
        "[client]\nidempotency_header = \"x\"\n",
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("unknown field `idempotency_header`"),
        "{error}"
    );
    assert!(error.contains("--> spec/apiforge.toml:2:1"), "{error}");
    assert!(
        error.contains("did you mean `idempotency-header`?"),
        "{error}"
    );
    let error = refused("[crate]\nversion = 2\n");
    assert!(error.contains("apiforge.toml:2:11"), "{error}");
    let error = refused("[crates]\nname = \"x\"\n");
    assert!(
        error.contains("unknown field `crates`") && error.contains(":1:"),
        "{error}"
    );
    assert!(error.contains("did you mean `crate`?"), "{error}");
    // Nothing close: no guess, the reference instead.
    let error = refused("[colour]\nname = \"x\"\n");
    assert!(!error.contains("did you mean"), "{error}");
    assert!(error.contains("docs/SETTINGS.md"), "{error}");
}

#[test]
fn paths_in_the_file_are_relative_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("apiforge.toml");
    std::fs::write(&path, "[generator]\ntemplates = \"my-templates\"\n").unwrap();
    let settings = Settings::from_file(&path).unwrap();
    assert_eq!(
        settings.generator.templates,
        Some(dir.path().join("my-templates"))
    );
    assert_eq!(
        Settings::for_spec(&dir.path().join("api.yaml")).unwrap(),
        settings
    );
    assert_eq!(
        Settings::for_spec(Path::new("/nonexistent/api.yaml")).unwrap(),
        Settings::default()
    );
}
