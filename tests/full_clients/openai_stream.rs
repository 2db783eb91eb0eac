//! OpenAI's `createChatCompletion` streamed through the client generated from OpenAI's own spec
//! (`scripts/check-openai.sh` copies this file into that crate and runs it): a server on
//! 127.0.0.1 answers with the chunks OpenAI sends, then `data: [DONE]`, and the client yields
//! each chunk as a typed `CreateChatCompletionStreamResponse`, ending at the sentinel.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;

use futures_util::TryStreamExt;
use open_ai_api::chat::CreateChatCompletionRequest;
use open_ai_api::{Client, Credentials};

const CHUNKS: &[&str] = &[
    r#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]}"#,
    r#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}"#,
    r#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"content":" world"},"logprobs":null,"finish_reason":null}]}"#,
    r#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}"#,
];

#[tokio::test]
async fn a_streamed_chat_completion_is_typed_chunks_until_done() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/v1", listener.local_addr().expect("address"));
    let server = std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("a request");
        let mut reader = BufReader::new(&stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("the head");
            if line == "\r\n" || line.is_empty() {
                break;
            }
            head.push_str(&line.to_ascii_lowercase());
        }
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        let mut body = vec![0; length];
        reader.read_exact(&mut body).expect("the body");
        let mut writer = &stream;
        writer
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\ntransfer-encoding: chunked\r\n\r\n")
            .expect("write");
        for chunk in CHUNKS.iter().map(|c| format!("data: {c}\n\n")).chain(["data: [DONE]\n\n".to_owned()]) {
            writer
                .write_all(format!("{:x}\r\n{chunk}\r\n", chunk.len()).as_bytes())
                .expect("write");
        }
        writer.write_all(b"0\r\n\r\n").expect("write");
        (head, body)
    });

    let client = Client::builder()
        .base_url(url)
        .credentials(Credentials::bearer("sk-test"))
        .build()
        .expect("client");
    let body = serde_json::from_value(serde_json::json!({
        "model": "gpt-4o-mini",
        "messages": [{"role": "user", "content": "Say hello"}],
        "stream": true
    }))
    .expect("a request body");
    let request = CreateChatCompletionRequest::new(body);
    let events = client
        .create_chat_completion_stream(&request)
        .await
        .expect("200")
        .into_body();
    let chunks: Vec<_> = events.try_collect().await.expect("every chunk decodes; [DONE] ends the stream");
    assert_eq!(chunks.len(), 4);
    let text: String = chunks
        .iter()
        .flat_map(|event| &event.data.choices)
        .filter_map(|choice| choice.delta.content.as_option().cloned())
        .collect();
    assert_eq!(text, "Hello world");
    assert_eq!(chunks[3].data.choices[0].finish_reason.as_ref().map(|r| r.as_str()), Some("stop"));

    let (head, body) = server.join().expect("the server ran");
    assert!(head.contains("accept: text/event-stream"), "{head}");
    assert!(head.contains("authorization: bearer sk-test"), "{head}");
    let sent: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(sent["stream"], true);
}
