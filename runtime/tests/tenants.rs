//! Tenant handles share the connection pool: calls made through `with_credentials` and
//! `with_base_url` handles of one client reuse one kept-alive TCP connection.

use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use apiforge_runtime::runtime::Scheme;
use apiforge_runtime::{ClientBuilder, Credentials, RetryPolicy};
use reqwest::Method;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A keep-alive server: it counts connections and records each request's `Authorization`.
async fn server() -> (String, Arc<AtomicUsize>, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let connections = Arc::new(AtomicUsize::new(0));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let (counted, recorded) = (Arc::clone(&connections), Arc::clone(&seen));
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
            let recorded = Arc::clone(&recorded);
            tokio::spawn(async move {
                let mut pending = Vec::new();
                let mut buf = [0u8; 1024];
                loop {
                    // One request at a time: bodiless GETs, so the head is the request.
                    let end = loop {
                        if let Some(at) = pending.windows(4).position(|w| w == b"\r\n\r\n") {
                            break at + 4;
                        }
                        match stream.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => pending.extend_from_slice(&buf[..n]),
                        }
                    };
                    let head: Vec<u8> = pending.drain(..end).collect();
                    let text = String::from_utf8_lossy(&head).to_string();
                    let authorization = text
                        .lines()
                        .find_map(|line| line.strip_prefix("authorization: "))
                        .unwrap_or("")
                        .to_owned();
                    recorded.lock().expect("lock").push(authorization);
                    let reply = "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}";
                    if stream.write_all(reply.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (url, connections, seen)
}

async fn get(client: &apiforge_runtime::Client) {
    let mut call = client.call(Method::GET, "/me");
    call.security(&[&[Scheme::bearer("oauth")]])
        .expect("credentials");
    let sent = call.send::<Infallible>().await.expect("sent");
    assert_eq!(sent.status(), 200);
}

#[tokio::test]
async fn tenants_reuse_one_connection_of_the_shared_pool() {
    let (url, connections, seen) = server().await;
    let client = ClientBuilder::default()
        .base_url("http://127.0.0.1:1")
        .credentials(Credentials::bearer("main"))
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    // Two tenants on the same host, each with its own token, made from one client.
    let first = client
        .with_base_url(url.clone())
        .expect("url")
        .with_credentials(Credentials::bearer("tenant-1"));
    let second = client
        .with_base_url(url)
        .expect("url")
        .with_credentials(Credentials::bearer("tenant-2"));
    for _ in 0..2 {
        get(&first).await;
        get(&second).await;
    }
    assert_eq!(
        *seen.lock().expect("lock"),
        [
            "Bearer tenant-1",
            "Bearer tenant-2",
            "Bearer tenant-1",
            "Bearer tenant-2"
        ]
    );
    assert_eq!(
        connections.load(Ordering::SeqCst),
        1,
        "one pooled connection"
    );
}
