//! Generates the resume_dunning client into OUT_DIR on every build where the spec changed.

fn main() {
    let settings = apiforge::Settings {
        idempotency_header: Some("chargebee-idempotency-key".to_owned()),
        ..apiforge::Settings::default()
    };
    apiforge::Generator::new(settings)
        .spec_path("../../spec/resume_dunning.yaml")
        .build_script();
}
