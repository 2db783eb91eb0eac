//! Token providers against a server on 127.0.0.1: a 401 drops the token and the call is sent
//! once more with a fresh one; a second 401 is the answer.

use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use apiforge_runtime::runtime::Scheme;
use apiforge_runtime::{ClientBuilder, Credentials, Error, RetryPolicy};
use reqwest::Method;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A server answering 401 to the tokens `refused` and 200 to others, recording the
/// `Authorization` header of each request.
async fn server(refused: fn(&str) -> bool) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let recorded = Arc::clone(&seen);
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let recorded = Arc::clone(&recorded);
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let text = String::from_utf8_lossy(&head).to_string();
                let authorization = text
                    .lines()
                    .find_map(|line| line.strip_prefix("authorization: "))
                    .unwrap_or("")
                    .to_owned();
                let status = if refused(&authorization) {
                    "401 Unauthorized"
                } else {
                    "200 OK"
                };
                recorded.lock().expect("lock").push(authorization);
                let reply = format!(
                    "HTTP/1.1 {status}\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{{}}"
                );
                let _ = stream.write_all(reply.as_bytes()).await;
            });
        }
    });
    (url, seen)
}

/// Credentials whose provider returns `t0`, `t1`, ..., and the count of times it was asked.
fn provider() -> (Arc<AtomicUsize>, Credentials) {
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&asked);
    let credentials = Credentials::bearer_provider(move || {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        async move { Ok::<_, Infallible>(format!("t{n}")) }
    });
    (asked, credentials)
}

async fn get(client: &apiforge_runtime::Client) -> Result<u16, Error<Infallible>> {
    let mut call = client.call(Method::GET, "/me");
    call.security(&[&[Scheme::bearer("oauth")]])
        .expect("credentials");
    let sent = call.send::<Infallible>().await?;
    match sent.status() {
        200 => Ok(200),
        _ => Err(sent.error()),
    }
}

#[tokio::test]
async fn a_401_refreshes_the_token_once_and_the_fresh_one_is_kept() {
    let (url, seen) = server(|authorization| authorization == "Bearer t0").await;
    let (asked, credentials) = provider();
    // No retries: the refresh is not one of the policy's attempts.
    let client = ClientBuilder::default()
        .base_url(url)
        .credentials(credentials)
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    assert_eq!(get(&client).await.expect("refreshed"), 200);
    assert_eq!(get(&client).await.expect("cached"), 200);
    assert_eq!(
        *seen.lock().expect("lock"),
        ["Bearer t0", "Bearer t1", "Bearer t1"]
    );
    assert_eq!(asked.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_second_401_is_the_answer_after_exactly_one_retry() {
    let (url, seen) = server(|_| true).await;
    let (asked, credentials) = provider();
    let client = ClientBuilder::default()
        .base_url(url)
        .credentials(credentials)
        .build()
        .expect("client");
    match get(&client).await {
        Err(Error::UnexpectedStatus { status: 401, .. }) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(*seen.lock().expect("lock"), ["Bearer t0", "Bearer t1"]);
    assert_eq!(asked.load(Ordering::SeqCst), 2);
}
