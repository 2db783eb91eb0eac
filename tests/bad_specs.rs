//! Every spec in `tests/bad_specs/` is refused with exit-code-2-worthy error whose message
//! (what, where, what to do) is pinned by insta. None may panic, overflow the stack, or run
//! unbounded.

use std::path::Path;

use apiforge::{generate, Error, Settings};

#[test]
fn every_bad_spec_gets_a_clear_pinned_message() {
    // Relative to this crate's directory (the test's working directory), so that the
    // messages do not depend on where the repository is checked out.
    let dir = Path::new("bad_specs");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/bad_specs exists")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert!(names.len() >= 25, "the corpus has {} specs", names.len());
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/bad_specs");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for name in &names {
            let path = dir.join(name);
            let error = match generate(&path, &Settings::default()) {
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
            insta::assert_snapshot!(name.replace('.', "_"), message);
        }
    });
}
