//! What a call costs the client, and what the `tracing` feature adds to it: N calls, one at a
//! time, against a keep-alive server on 127.0.0.1 that answers at once, printing ns per call.
//!
//! ```text
//! cargo run --release -p apiforge-runtime --example call_overhead                 # tracing on
//! cargo run --release -p apiforge-runtime --example call_overhead \
//!     --no-default-features --features client                                     # tracing off
//! ```
//!
//! With the feature on it measures twice: with no subscriber (spans are created and dropped
//! at once), then with a subscriber that is shown every span, field and event of the client. The numbers
//! are in docs/PERFORMANCE.md.

use std::convert::Infallible;
use std::time::Instant;

use apiforge_runtime::ClientBuilder;
use reqwest::Method;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const CALLS: u32 = 20_000;
const WARM_UP: u32 = 1_000;

const RESPONSE: &[u8] = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
x-request-id: req_0123456789\r\ncontent-length: 11\r\n\r\n{\"ok\":true}";

/// Answers every request (a GET, no body) on a connection with [`RESPONSE`], keeping it open.
async fn serve(listener: TcpListener) {
    while let Ok((mut stream, _)) = listener.accept().await {
        tokio::spawn(async move {
            let mut buffer = vec![0u8; 8192];
            let mut filled = 0;
            loop {
                let Ok(read) = stream.read(&mut buffer[filled..]).await else {
                    return;
                };
                if read == 0 {
                    return;
                }
                filled += read;
                while let Some(end) = buffer[..filled].windows(4).position(|w| w == b"\r\n\r\n") {
                    if stream.write_all(RESPONSE).await.is_err() {
                        return;
                    }
                    buffer.copy_within(end + 4..filled, 0);
                    filled -= end + 4;
                }
            }
        });
    }
}

/// Makes `n` calls one after the other; the time per call in nanoseconds.
async fn calls(client: &apiforge_runtime::Client, n: u32) -> u128 {
    let started = Instant::now();
    for _ in 0..n {
        let mut call = client.call(Method::GET, "/invoices/inv_1");
        call.operation("retrieve_invoice", "/invoices/{invoice-id}");
        call.idempotent();
        let sent = call.send::<Infallible>().await.expect("the server answers");
        let body = sent
            .json::<serde_json::Value, Infallible>()
            .expect("the body is JSON");
        std::hint::black_box(body);
    }
    started.elapsed().as_nanos() / u128::from(n)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(serve(listener));
    let client = ClientBuilder::default()
        .base_url(url)
        .build()
        .expect("client builds");
    calls(&client, WARM_UP).await;
    let feature = if cfg!(feature = "tracing") {
        "on"
    } else {
        "off"
    };
    let plain = calls(&client, CALLS).await;
    println!("tracing feature {feature}, no subscriber: {plain} ns/call ({CALLS} calls)");
    #[cfg(feature = "tracing")]
    {
        let _guard = tracing::subscriber::set_default(subscriber::Counting::default());
        calls(&client, WARM_UP).await;
        let traced = calls(&client, CALLS).await;
        println!(
            "tracing feature on, a subscriber shown everything: {traced} ns/call ({CALLS} calls)"
        );
    }
}

#[cfg(feature = "tracing")]
mod subscriber {
    use std::fmt;
    use std::sync::atomic::{AtomicU64, Ordering};

    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Metadata, Subscriber};

    /// Enables the client's spans and visits every field, as a real subscriber must, formatting
    /// none of them (what a subscriber does with them is its own cost, not the client's).
    #[derive(Default)]
    pub struct Counting {
        next: AtomicU64,
        fields: AtomicU64,
    }

    struct Count<'a>(&'a AtomicU64);

    impl Visit for Count<'_> {
        fn record_debug(&mut self, _: &Field, _: &dyn fmt::Debug) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    impl Subscriber for Counting {
        /// The client's spans and events only: the HTTP stack's own (hyper's) are not the
        /// client's cost, and a real filter would leave them out too.
        fn enabled(&self, metadata: &Metadata<'_>) -> bool {
            metadata.target().starts_with("apiforge_runtime")
        }

        fn new_span(&self, span: &Attributes<'_>) -> Id {
            span.record(&mut Count(&self.fields));
            Id::from_u64(self.next.fetch_add(1, Ordering::Relaxed) + 1)
        }

        fn record(&self, _: &Id, values: &Record<'_>) {
            values.record(&mut Count(&self.fields));
        }

        fn record_follows_from(&self, _: &Id, _: &Id) {}

        fn event(&self, event: &Event<'_>) {
            event.record(&mut Count(&self.fields));
        }

        fn enter(&self, _: &Id) {}

        fn exit(&self, _: &Id) {}
    }
}
