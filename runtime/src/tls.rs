//! The TLS stack, chosen by the generated crate's features: `rustls` (with aws-lc-rs, the
//! default), `rustls-ring` (rustls with ring: no cmake or NASM to build) and `native-tls`
//! (the platform's: OpenSSL, Secure Transport, SChannel). Each maps to reqwest's feature of
//! the same stack; only ring needs code, since reqwest's `rustls-no-provider` leaves the
//! crypto provider to the application.
//!
//! In the single file a `build.rs` generates, the including crate has none of these
//! features: its own reqwest features choose the stack, and the gated items are left out.

/// Makes ring rustls' process-wide crypto provider, unless the application installed one
/// first (then that one stays: it is the application's choice).
#[cfg(feature = "rustls-ring")]
pub(crate) fn prepare() {
    // An error only says a provider is installed already, which is what is needed.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Nothing to prepare: reqwest's TLS feature brings its crypto provider.
#[cfg(not(feature = "rustls-ring"))]
pub(crate) fn prepare() {}
