//! The `apiforge` binary; everything it does is in the library's `cli` module.

/// Generation allocates many small, short-lived values (token streams, strings): mimalloc
/// serves them faster than the system allocator (see the `fast-alloc` feature).
#[cfg(feature = "fast-alloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    apiforge::cli::run()
}
