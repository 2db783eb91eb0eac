//! The `apiforge` binary; everything it does is in the library's `cli` module.

fn main() -> std::process::ExitCode {
    apiforge::cli::run()
}
