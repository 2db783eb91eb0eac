//! The customized Chargebee client: `spec/resume_dunning.yaml` generated with
//! `tests/fixtures/customize/apiforge.toml` (an overlay, renames, a replacement by the `money`
//! crate's type, extra derives). `scripts/test-full-clients.sh` generates it and builds this
//! file against it; that it compiles at all checks the renames and the replacement's traits.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use std::collections::{BTreeSet, HashSet};

use chargebee_custom::invoices::ResumeDunningNowRequest;
use chargebee_custom::types::{InvoiceNote, PostalAddress, ResumeDunningResponse};
use chargebee_custom::{Client, Credentials};
use server::{CannedResponse, TestServer};

/// Chargebee's sample of `tests/e2e_resume_dunning/common.rs`, its line with an id and an
/// amount, and a note.
const RESPONSE: &str = r#"{"invoice": {
    "id": "inv_1001", "customer_id": "cust_42", "subscription_id": "sub_7", "recurring": true,
    "status": "payment_due", "price_type": "tax_exclusive", "start_date": 1717200000,
    "currency_code": "EUR", "tax": 190, "sub_total": 1000, "amount_due": 1190,
    "dunning_status": "in_progress",
    "line_items": [{"id": "li_1", "amount": 1000, "description": "Pro plan", "unit_amount": 1000,
                    "quantity": 1, "is_taxed": true, "tax_rate": 19.0, "entity_type": "plan",
                    "type": "charge"}],
    "notes": [{"note": "Thanks", "entity_type": "plan"}],
    "billing_address": {"first_name": "Ada", "city": "Berlin", "country": "DE"}
}}"#;

fn client(server: &TestServer) -> Client {
    Client::builder().base_url(server.url()).credentials(Credentials::api_key("test_key")).build().expect("client")
}

#[tokio::test]
async fn the_renamed_method_decodes_into_the_replacing_type() {
    let server = TestServer::start(vec![CannedResponse::json(200, RESPONSE)]);
    let response = client(&server)
        .resume_dunning_now("inv_1001", &ResumeDunningNowRequest::default())
        .await
        .expect("200");
    let invoice = &response.invoice;
    let lines: &[money::LineItem] = invoice.line_items.as_deref().unwrap_or_default();
    assert_eq!(
        lines,
        [money::LineItem { id: "li_1".into(), amount: 1000, description: "Pro plan".into() }]
    );
    let address: Option<&PostalAddress> = invoice.billing_address.as_ref();
    assert_eq!(address.and_then(|a| a.city.as_deref()), Some("Berlin"));
    let sent = server.requests().remove(0);
    assert_eq!(sent.target, "/invoices/inv_1001/resume_dunning");
}

#[test]
fn the_derives_asked_for_are_there() {
    // `[derive] ResumeDunningResponse = ["Eq", "Hash"]`: responses go in a set (their invoice,
    // freed of its undeclared properties by the overlay, and its lines, the money crate's
    // type, are `Eq` and `Hash` too).
    let response: ResumeDunningResponse = serde_json::from_str(RESPONSE).expect("decodes");
    let set: HashSet<ResumeDunningResponse> = [response.clone(), response].into_iter().collect();
    assert_eq!(set.len(), 1);
    // `InvoiceNote = ["PartialOrd", "Ord"]`: notes sort, by text first.
    let note = |text: &str| InvoiceNote { note: text.into(), entity_id: None, entity_type: None };
    let notes: BTreeSet<InvoiceNote> = [note("b"), note("a"), note("b")].into_iter().collect();
    assert_eq!(notes.into_iter().map(|n| n.note).collect::<Vec<_>>(), ["a", "b"]);
}
