//! Every pagination style, on the client generated from `tests/fixtures/pagination/` (its
//! `apiforge.toml` declares the styles a spec cannot say), against servers on 127.0.0.1:
//! Chargebee's next token and Stripe's last-item cursor (both inferred), GitHub's `Link`
//! header, page numbers ended by a page count or a flag, and Kubernetes' `continue` token.
//! For each: the pages and the items, the request's other parameters kept on every page, an
//! empty first page; and servers that repeat a token, which end the stream with an error
//! instead of looping.
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use futures_util::TryStreamExt;
use pagination::chargebee::ListInvoicesRequest;
use pagination::github::IssuesListForRepoRequest;
use pagination::kubernetes::ListCoreV1NamespacedPodRequest;
use pagination::pages::{ListEventsRequest, SearchRequest};
use pagination::stripe::GetCustomersRequest;
use pagination::types::{State, Item};
use pagination::{Client, Error, ErrorResponse};
use server::{CannedResponse, TestServer};

fn client(server: &TestServer) -> Client {
    Client::builder().base_url(server.url()).build().expect("client builds")
}

fn items(ids: &[&str]) -> String {
    let items: Vec<String> = ids.iter().map(|id| format!(r#"{{"id": "{id}"}}"#)).collect();
    format!("[{}]", items.join(","))
}

fn ids(items: &[Item]) -> Vec<&str> {
    items.iter().map(|item| item.id.as_str()).collect()
}

fn targets(server: &TestServer) -> Vec<String> {
    server.requests().into_iter().map(|r| r.target).collect()
}

fn is_repeated(error: &Error<ErrorResponse>, token: &str) -> bool {
    matches!(error, Error::RepeatedPage { token: t } if t == token)
}

#[tokio::test]
async fn chargebee_next_token_pages_and_items() {
    let page = |ids: &[&str], next: Option<&str>| match next {
        Some(next) => format!(r#"{{"list": {}, "next_offset": "{next}"}}"#, items(ids)),
        None => format!(r#"{{"list": {}}}"#, items(ids)),
    };
    let server = TestServer::start(vec![
        CannedResponse::json(200, &page(&["a", "b"], Some("o 1"))),
        CannedResponse::json(200, &page(&["c"], Some("o2"))),
        CannedResponse::json(200, &page(&[], None)),
    ]);
    let request = ListInvoicesRequest { limit: Some(2), ..ListInvoicesRequest::default() };
    let all: Vec<Item> = client(&server).list_invoices_items(request).try_collect().await.expect("items");
    assert_eq!(ids(&all), ["a", "b", "c"]);
    assert_eq!(targets(&server), ["/invoices?limit=2", "/invoices?limit=2&offset=o+1", "/invoices?limit=2&offset=o2"]);

    // An empty first page without a token: one page, no item.
    let server = TestServer::start(vec![CannedResponse::json(200, &page(&[], None))]);
    let pages: Vec<_> = client(&server).list_invoices_pages(ListInvoicesRequest::default()).try_collect().await.expect("one page");
    assert_eq!(pages.len(), 1);
    assert!(pages[0].list.is_empty());
}

#[tokio::test]
async fn a_server_repeating_a_token_ends_the_stream_with_an_error() {
    // A, then B, then A again: a cycle, not only the same token twice in a row.
    let page = |id: &str, next: &str| format!(r#"{{"list": {}, "next_offset": "{next}"}}"#, items(&[id]));
    let server = TestServer::start(vec![
        CannedResponse::json(200, &page("a", "A")),
        CannedResponse::json(200, &page("b", "B")),
        CannedResponse::json(200, &page("c", "A")),
    ]);
    let mut stream = client(&server).list_invoices_items(ListInvoicesRequest::default());
    let mut seen = Vec::new();
    let error = loop {
        match stream.try_next().await {
            Ok(Some(item)) => seen.push(item.id),
            Ok(None) => panic!("the stream ended without an error after {seen:?}"),
            Err(error) => break error,
        }
    };
    // Every page received is delivered, then the error; nothing more is fetched.
    assert_eq!(seen, ["a", "b", "c"]);
    assert!(is_repeated(&error, "\"A\""), "{error}");
    assert!(error.to_string().contains("a second time"), "{error}");
    assert_eq!(stream.try_next().await.expect("ended"), None);
    assert_eq!(server.requests().len(), 3);

    // A server that hands back the token the request started from.
    let server = TestServer::start(vec![CannedResponse::json(200, &page("a", "start"))]);
    let request = ListInvoicesRequest { offset: Some("start".into()), ..ListInvoicesRequest::default() };
    let result: Result<Vec<_>, _> = client(&server).list_invoices_pages(request).try_collect().await;
    assert!(is_repeated(&result.expect_err("repeated"), "\"start\""));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn stripe_last_item_cursor_with_has_more() {
    let page = |ids: &[&str], more: bool| {
        format!(r#"{{"object": "list", "url": "/v1/customers", "has_more": {more}, "data": {}}}"#, items(ids))
    };
    let server = TestServer::start(vec![
        CannedResponse::json(200, &page(&["cus_1", "cus_2"], true)),
        CannedResponse::json(200, &page(&["cus_3"], false)),
    ]);
    let request = GetCustomersRequest { limit: Some(2), ..GetCustomersRequest::default() };
    let all: Vec<Item> = client(&server).get_customers_items(request).try_collect().await.expect("items");
    assert_eq!(ids(&all), ["cus_1", "cus_2", "cus_3"]);
    assert_eq!(targets(&server), ["/v1/customers?limit=2", "/v1/customers?limit=2&starting_after=cus_2"]);

    // An empty first page that still claims more: there is no last item to start after,
    // so the stream ends instead of asking for the same page again.
    let server = TestServer::start(vec![CannedResponse::json(200, &page(&[], true))]);
    let pages: Vec<_> = client(&server).get_customers_pages(GetCustomersRequest::default()).try_collect().await.expect("one page");
    assert_eq!((pages.len(), server.requests().len()), (1, 1));

    // A server that sends the same page forever (same last id, `has_more` true).
    let server = TestServer::start(vec![CannedResponse::json(200, &page(&["cus_1"], true))]);
    let result: Result<Vec<_>, _> = client(&server).get_customers_pages(GetCustomersRequest::default()).try_collect().await;
    assert!(is_repeated(&result.expect_err("repeated"), "\"cus_1\""));
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn github_link_header_keeps_the_path_and_query() {
    let link = |base: &str, next: Option<u32>| {
        let last = format!(r#"<{base}/repos/o/r/issues?state=open&page=3>; rel="last""#);
        match next {
            Some(n) => format!(r#"<{base}/repos/o/r/issues?state=open&page={n}>; rel="next", {last}"#),
            None => format!(r#"<{base}/repos/o/r/issues?state=open&page=1>; rel="first""#),
        }
    };
    let base = "https://api.github.com";
    let server = TestServer::start(vec![
        CannedResponse::json(200, &items(&["1", "2"])).header("Link", &link(base, Some(2))),
        CannedResponse::json(200, &items(&["3", "4"])).header("Link", &link(base, Some(3))),
        CannedResponse::json(200, &items(&["5"])).header("Link", &link(base, None)),
    ]);
    let request = IssuesListForRepoRequest {
        state: Some(State::Open),
        per_page: Some(2),
        ..IssuesListForRepoRequest::default()
    };
    let all: Vec<Item> = client(&server).issues_list_for_repo_items("o", "r", request).try_collect().await.expect("items");
    assert_eq!(ids(&all), ["1", "2", "3", "4", "5"]);
    // Only the page number is taken from the link: the next requests go to this client's
    // server, with the request's own parameters.
    assert_eq!(
        targets(&server),
        [
            "/repos/o/r/issues?state=open&per_page=2",
            "/repos/o/r/issues?state=open&per_page=2&page=2",
            "/repos/o/r/issues?state=open&per_page=2&page=3",
        ]
    );

    // An empty first page has no Link header.
    let server = TestServer::start(vec![CannedResponse::json(200, "[]")]);
    let all: Vec<Item> = client(&server).issues_list_for_repo_items("o", "r", IssuesListForRepoRequest::default()).try_collect().await.expect("empty");
    assert!(all.is_empty());
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn page_numbers_end_at_the_page_count_or_the_flag() {
    let page = |ids: &[&str]| format!(r#"{{"results": {}, "total_pages": 3}}"#, items(ids));
    let server = TestServer::start(vec![
        CannedResponse::json(200, &page(&["a"])),
        CannedResponse::json(200, &page(&["b"])),
        CannedResponse::json(200, &page(&["c"])),
    ]);
    let request = SearchRequest { q: "x y".into(), page: None };
    let all: Vec<Item> = client(&server).search_items(request).try_collect().await.expect("items");
    assert_eq!(ids(&all), ["a", "b", "c"]);
    assert_eq!(targets(&server), ["/search?q=x+y", "/search?q=x+y&page=2", "/search?q=x+y&page=3"]);

    let events = |ids: &[&str], more: bool| format!(r#"{{"events": {}, "meta": {{"has_next": {more}}}}}"#, items(ids));
    let server = TestServer::start(vec![
        CannedResponse::json(200, &events(&["e1"], true)),
        CannedResponse::json(200, &events(&["e2"], false)),
    ]);
    let request = ListEventsRequest { page: Some(5) };
    let all: Vec<Item> = client(&server).list_events_items(request).try_collect().await.expect("items");
    assert_eq!(ids(&all), ["e1", "e2"]);
    assert_eq!(targets(&server), ["/events?page=5", "/events?page=6"]);

    // An empty page ends the stream even when the flag says more: page numbers cannot
    // repeat, but a server could count up forever.
    let server = TestServer::start(vec![CannedResponse::json(200, &events(&[], true))]);
    let pages: Vec<_> = client(&server).list_events_pages(ListEventsRequest::default()).try_collect().await.expect("one page");
    assert_eq!((pages.len(), server.requests().len()), (1, 1));
}

#[tokio::test]
async fn kubernetes_continue_token_and_limits() {
    let page = |ids: &[&str], token: &str| {
        format!(r#"{{"kind": "PodList", "apiVersion": "v1", "metadata": {{"resourceVersion": "9", "continue": "{token}"}}, "items": {}}}"#, items(ids))
    };
    let server = TestServer::start(vec![
        CannedResponse::json(200, &page(&["p1", "p2"], "eyJ2IjoxfQ")),
        CannedResponse::json(200, &page(&["p3", "p4"], "eyJ2IjoyfQ")),
        // Kubernetes' last page has an empty `continue`.
        CannedResponse::json(200, &page(&["p5"], "")),
    ]);
    let request = ListCoreV1NamespacedPodRequest {
        label_selector: Some("app=web".into()),
        limit: Some(2),
        ..ListCoreV1NamespacedPodRequest::default()
    };
    let all: Vec<Item> = client(&server).list_core_v1_namespaced_pod_items("default", request.clone()).try_collect().await.expect("items");
    assert_eq!(ids(&all), ["p1", "p2", "p3", "p4", "p5"]);
    assert_eq!(
        targets(&server),
        [
            "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=2",
            "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=2&continue=eyJ2IjoxfQ",
            "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=2&continue=eyJ2IjoyfQ",
        ]
    );

    // A limit of 3 items needs two pages of 2, and fetches no third.
    let server = TestServer::start(vec![
        CannedResponse::json(200, &page(&["p1", "p2"], "t1")),
        CannedResponse::json(200, &page(&["p3", "p4"], "t2")),
        CannedResponse::json(200, &page(&["p5"], "")),
    ]);
    let three: Vec<Item> = client(&server).list_core_v1_namespaced_pod_items("default", request.clone()).limit(3).try_collect().await.expect("items");
    assert_eq!(ids(&three), ["p1", "p2", "p3"]);
    assert_eq!(server.requests().len(), 2);
    // A limit of pages.
    let pages: Vec<_> = client(&server).list_core_v1_namespaced_pod_pages("default", request).limit(1).try_collect().await.expect("pages");
    assert_eq!(pages.len(), 1);

    // An empty first page.
    let server = TestServer::start(vec![CannedResponse::json(200, r#"{"items": [], "metadata": {}}"#)]);
    let all: Vec<Item> = client(&server).list_core_v1_namespaced_pod_items("default", ListCoreV1NamespacedPodRequest::default()).try_collect().await.expect("empty");
    assert!(all.is_empty());
}

#[tokio::test]
async fn streams_are_owned_and_a_failed_page_ends_them() {
    let server = TestServer::start(vec![
        CannedResponse::json(200, r#"{"items": [{"id": "p1"}], "metadata": {"continue": "t"}}"#),
        CannedResponse::json(404, r#"{"message": "gone"}"#),
    ]);
    // The stream outlives the client and the path argument it came from.
    let stream = {
        let client = client(&server);
        let namespace = String::from("default");
        client.list_core_v1_namespaced_pod_items(namespace.as_str(), ListCoreV1NamespacedPodRequest::default())
    };
    let task = tokio::spawn(async move {
        let mut stream = stream;
        let first = stream.try_next().await;
        let second = stream.try_next().await;
        (first.map(|item| item.map(|i| i.id)), second.map(|_| ()).map_err(|e| e.status()))
    });
    let (first, second) = task.await.expect("the task ran");
    assert_eq!(first.expect("first page"), Some("p1".to_owned()));
    assert_eq!(second, Err(Some(404)));
}
