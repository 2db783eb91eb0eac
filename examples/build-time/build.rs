//! Generates the resume_dunning client into OUT_DIR on every build where the spec changed.
//! The settings are those of `spec/apiforge.toml` beside the spec (Chargebee's idempotency
//! header and form conventions), exactly as `apiforge generate` reads them.

fn main() {
    apiforge::Generator::new()
        .spec_path("../../spec/resume_dunning.yaml")
        .build_script();
}
