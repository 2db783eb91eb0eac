//! Download timeouts against a server on 127.0.0.1: a body that keeps moving may take longer
//! than the response timeout; one that stalls fails on the read idle timeout. The delays are
//! far from the timeouts (100 ms gaps against 5 s; a stall held until the client gives up),
//! so a busy machine does not change the outcome.

use std::convert::Infallible;
use std::time::{Duration, Instant};

use apiforge_runtime::{ClientBuilder, RetryPolicy};
use reqwest::Method;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const CHUNK: usize = 8 * 1024;
const CHUNKS: usize = 30;

/// A server that sends the headers of a `CHUNKS * CHUNK` body, then `chunks` chunks 100 ms
/// apart, then (if that is not all of it) holds the connection until the client closes it.
async fn server(chunks: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let headers = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/pdf\r\ncontent-length: {}\r\n\r\n",
                    CHUNKS * CHUNK
                );
                if stream.write_all(headers.as_bytes()).await.is_err() {
                    return;
                }
                for _ in 0..chunks {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    if stream.write_all(&[b'x'; CHUNK]).await.is_err() {
                        return;
                    }
                }
                // Stalled: wait for the client to close (a read of 0 bytes, or an error).
                let _ = stream.read(&mut buf).await;
            });
        }
    });
    url
}

async fn download(
    url: String,
    response_timeout: Duration,
    idle: Duration,
) -> Result<Vec<u8>, reqwest::Error> {
    let client = ClientBuilder::default()
        .base_url(url)
        .retry(RetryPolicy::none())
        .response_timeout(response_timeout)
        .read_idle_timeout(idle)
        .build()
        .expect("client");
    let mut call = client.call(Method::GET, "/report.pdf");
    call.streamed();
    let sent = call.send::<Infallible>().await.expect("headers arrive");
    let mut download = sent.download::<Infallible>().expect("unread").into_body();
    let mut read = Vec::new();
    while let Some(chunk) = download.chunk().await? {
        read.extend_from_slice(&chunk);
    }
    Ok(read)
}

#[tokio::test]
async fn a_body_that_keeps_moving_outlasts_the_response_timeout() {
    let url = server(CHUNKS).await;
    let started = Instant::now();
    // 30 chunks 100 ms apart: at least 3 s, three times the response timeout.
    let body = download(url, Duration::from_secs(1), Duration::from_secs(5))
        .await
        .expect("the whole body");
    assert_eq!(body.len(), CHUNKS * CHUNK);
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[tokio::test]
async fn a_body_that_stalls_fails_on_the_idle_timeout() {
    let url = server(2).await;
    // The response timeout would never fire: only the idle one can end this.
    let error = download(url, Duration::from_secs(3600), Duration::from_secs(2))
        .await
        .expect_err("stalled");
    assert!(error.is_timeout(), "{error:?}");
}
