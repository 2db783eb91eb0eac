//! Pagination on excerpts of the real specs (`tests/fixtures/real_pagination/`, README there):
//! Stripe's coupons, inferred from the spec alone; GitHub's labels with
//! `style = "link-header"`; Kubernetes' leases with `style = "continue-token"`. Each client
//! streams every item of a list of three pages from a server on 127.0.0.1, sending the
//! request's other parameters with every page.
//!
//! `scripts/test-full-clients.sh` generates the clients and builds this file against them.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use futures_util::TryStreamExt;
use server::{CannedResponse, TestServer};

fn targets(server: &TestServer) -> Vec<String> {
    server.requests().into_iter().map(|r| r.target).collect()
}

#[tokio::test]
async fn stripe_coupons_follow_the_last_id_while_has_more() {
    use real_stripe::coupons::GetCouponsRequest;
    let coupon = |id: &str| {
        format!(
            r#"{{"id": "{id}", "object": "coupon", "created": 1700000000, "duration": "once", "livemode": false,
                "times_redeemed": 0, "valid": true, "percent_off": 10.0, "amount_off": null, "currency": null,
                "duration_in_months": null, "max_redemptions": null, "metadata": {{}}, "name": null, "redeem_by": null}}"#
        )
    };
    let page = |ids: &[&str], more: bool| {
        let data: Vec<String> = ids.iter().map(|id| coupon(id)).collect();
        format!(r#"{{"object": "list", "url": "/v1/coupons", "has_more": {more}, "data": [{}]}}"#, data.join(","))
    };
    let server = TestServer::start(vec![
        CannedResponse::json(200, &page(&["SUMMER", "WINTER"], true)),
        CannedResponse::json(200, &page(&["SPRING", "AUTUMN"], true)),
        CannedResponse::json(200, &page(&["EASTER"], false)),
    ]);
    let client = real_stripe::Client::builder()
        .base_url(server.url())
        .credentials(real_stripe::Credentials::bearer("sk_test"))
        .build()
        .expect("client");
    let request = GetCouponsRequest { limit: Some(2), ..GetCouponsRequest::default() };
    let coupons: Vec<_> = client.get_coupons_items(request).try_collect().await.expect("coupons");
    let ids: Vec<&str> = coupons.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["SUMMER", "WINTER", "SPRING", "AUTUMN", "EASTER"]);
    assert_eq!(
        targets(&server),
        ["/v1/coupons?limit=2", "/v1/coupons?limit=2&starting_after=WINTER", "/v1/coupons?limit=2&starting_after=AUTUMN"]
    );
}

#[tokio::test]
async fn github_labels_follow_the_link_header() {
    use real_github::issues::IssuesListLabelsForRepoRequest;
    let label = |id: u32| {
        format!(
            r#"{{"id": {id}, "node_id": "L{id}", "url": "https://api.github.com/repos/o/r/labels/l{id}", "name": "l{id}",
                "description": null, "color": "ffffff", "default": false}}"#
        )
    };
    let page = |ids: &[u32]| format!("[{}]", ids.iter().map(|&id| label(id)).collect::<Vec<_>>().join(","));
    let next = |n: u32| format!(r#"<https://api.github.com/repositories/1/labels?per_page=2&page={n}>; rel="next", <https://api.github.com/repositories/1/labels?per_page=2&page=3>; rel="last""#);
    let server = TestServer::start(vec![
        CannedResponse::json(200, &page(&[1, 2])).header("link", &next(2)),
        CannedResponse::json(200, &page(&[3, 4])).header("link", &next(3)),
        CannedResponse::json(200, &page(&[5])),
    ]);
    let client = real_github::Client::builder().base_url(server.url()).build().expect("client");
    let request = IssuesListLabelsForRepoRequest { per_page: Some(2), ..IssuesListLabelsForRepoRequest::default() };
    let labels: Vec<_> = client.issues_list_labels_for_repo_items("octo", "hello", request).try_collect().await.expect("labels");
    let names: Vec<&str> = labels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["l1", "l2", "l3", "l4", "l5"]);
    assert_eq!(
        targets(&server),
        ["/repos/octo/hello/labels?per_page=2", "/repos/octo/hello/labels?per_page=2&page=2", "/repos/octo/hello/labels?per_page=2&page=3"]
    );
}

#[tokio::test]
async fn kubernetes_leases_follow_the_continue_token() {
    use real_kubernetes::coordination_v1::ListCoordinationV1NamespacedLeaseRequest;
    let page = |names: &[&str], token: &str| {
        let items: Vec<String> = names
            .iter()
            .map(|n| format!(r#"{{"metadata": {{"name": "{n}", "namespace": "kube-system"}}, "spec": {{"holderIdentity": "{n}-holder"}}}}"#))
            .collect();
        format!(r#"{{"kind": "LeaseList", "apiVersion": "coordination.k8s.io/v1", "metadata": {{"resourceVersion": "7", "continue": "{token}"}}, "items": [{}]}}"#, items.join(","))
    };
    let server = TestServer::start(vec![
        CannedResponse::json(200, &page(&["a", "b"], "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6NywiYSI6ImIifQ")),
        CannedResponse::json(200, &page(&["c", "d"], "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6NywiYSI6ImQifQ")),
        CannedResponse::json(200, &page(&["e"], "")),
    ]);
    let client = real_kubernetes::Client::builder().base_url(server.url()).build().expect("client");
    let request = ListCoordinationV1NamespacedLeaseRequest {
        label_selector: Some("tier=control-plane".into()),
        limit: Some(2),
        ..ListCoordinationV1NamespacedLeaseRequest::default()
    };
    let leases: Vec<_> = client.list_coordination_v1_namespaced_lease_items("kube-system", request).try_collect().await.expect("leases");
    let names: Vec<&str> = leases.iter().filter_map(|l| l.metadata.as_ref()?.name.as_deref()).collect();
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
    let path = "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases?labelSelector=tier%3Dcontrol-plane&limit=2";
    assert_eq!(
        targets(&server),
        [
            path.to_owned(),
            format!("{path}&continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6NywiYSI6ImIifQ"),
            format!("{path}&continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6NywiYSI6ImQifQ"),
        ]
    );
}
