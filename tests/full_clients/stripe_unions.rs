//! Stripe's polymorphic objects decoded by the client generated from
//! `tests/fixtures/stripe_unions.yaml`, from Stripe's own sample objects
//! (`tests/fixtures/stripe_samples.json`, from github.com/stripe/openapi's `fixtures3.json`,
//! MIT). Each union there has no discriminator; its objects' `object` property, an enum of one
//! value in each, is the tag. Before, every payload decoded as the first alternative that
//! tolerated it: a card, bank account or source as `PaymentSource::Account`, a payout or
//! transfer as `ConnectCollectionTransfer`, a top-up as `Refund`.
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

use serde_json::{json, Value};
use stripe_unions::Nullable;
use stripe_unions::types::{
    BalanceTransaction, BalanceTransactionSource, Customer, CustomerDefaultSource, PaymentSource,
};

fn sample(name: &str) -> Value {
    let samples: Value =
        serde_json::from_str(include_str!("../fixtures/stripe_samples.json")).unwrap();
    samples["resources"][name].clone()
}

fn payment_source(name: &str) -> PaymentSource {
    serde_json::from_value(sample(name)).unwrap()
}

#[test]
fn each_payment_source_decodes_as_its_own_object() {
    assert!(
        matches!(payment_source("account"), PaymentSource::Account(a) if a.id == "acct_1PgafTB7WZ01zgkW")
    );
    assert!(
        matches!(payment_source("bank_account"), PaymentSource::BankAccount(b) if b.last4 == "6789")
    );
    assert!(
        matches!(payment_source("card"), PaymentSource::Card(c) if c.last4 == "4242" && c.exp_year == 2030)
    );
    assert!(matches!(payment_source("source"), PaymentSource::Source(s) if s.flow == "receiver"));
}

#[test]
fn an_unknown_object_is_kept_whole_and_a_misfit_is_an_error() {
    let later = json!({"id": "pm_1", "object": "payment_method", "type": "card"});
    assert_eq!(
        serde_json::from_value::<PaymentSource>(later.clone()).unwrap(),
        PaymentSource::Unknown(later)
    );
    // A card without the fields a card requires is an error, never another alternative.
    let broken = json!({"id": "card_1", "object": "card"});
    let error = serde_json::from_value::<PaymentSource>(broken).unwrap_err();
    assert!(error.to_string().contains("tagged `card`"), "{error}");
}

#[test]
fn payment_sources_round_trip() {
    for name in ["account", "bank_account", "card", "source"] {
        let decoded = payment_source(name);
        let encoded = serde_json::to_value(&decoded).unwrap();
        assert_eq!(encoded["object"], name);
        assert_eq!(
            serde_json::from_value::<PaymentSource>(encoded).unwrap(),
            decoded
        );
    }
}

fn balance_source(name: &str) -> BalanceTransactionSource {
    let mut transaction = sample("balance_transaction");
    transaction["source"] = sample(name);
    let decoded: BalanceTransaction = serde_json::from_value(transaction).unwrap();
    decoded.source.into_option().unwrap()
}

#[test]
fn a_balance_transaction_source_decodes_as_its_own_object() {
    assert!(
        matches!(balance_source("application_fee"), BalanceTransactionSource::ApplicationFee(f) if f.amount == 100)
    );
    assert!(
        matches!(balance_source("payout"), BalanceTransactionSource::Payout(p) if p.id == "po_1Pgc79B7WZ01zgkWu1KToYf4")
    );
    assert!(
        matches!(balance_source("refund"), BalanceTransactionSource::Refund(r) if r.id == "re_1Pgc72B7WZ01zgkWqPvrRrPE")
    );
    assert!(
        matches!(balance_source("topup"), BalanceTransactionSource::Topup(t) if t.id == "tu_1Pgc7BB7WZ01zgkWwH7rkBgR")
    );
    assert!(
        matches!(balance_source("transfer"), BalanceTransactionSource::Transfer(t) if t.amount_reversed == 0)
    );
    // Stripe's sample has no connect_collection_transfer; one as its schema describes.
    let collection = json!({"amount": 5, "currency": "usd", "destination": "acct_1",
        "id": "ccxfer_1", "livemode": false, "object": "connect_collection_transfer"});
    let mut transaction = sample("balance_transaction");
    transaction["source"] = collection;
    let decoded: BalanceTransaction = serde_json::from_value(transaction).unwrap();
    assert!(matches!(
        decoded.source,
        Nullable::Value(BalanceTransactionSource::ConnectCollectionTransfer(_))
    ));
}

#[test]
fn an_expandable_field_is_an_id_an_object_or_null() {
    // Stripe's sample: `source` not expanded, an ID.
    let transaction: BalanceTransaction =
        serde_json::from_value(sample("balance_transaction")).unwrap();
    assert_eq!(
        transaction.source,
        Nullable::Value(BalanceTransactionSource::String(
            "ch_1PgafuB7WZ01zgkWXYmPNZs8".into()
        ))
    );
    let customer: Customer = serde_json::from_value(sample("customer")).unwrap();
    // Stripe sends `null`, kept apart from a field left out.
    assert_eq!(customer.default_source, Nullable::Null);
    let mut expanded = sample("customer");
    expanded["default_source"] = sample("card");
    let customer: Customer = serde_json::from_value(expanded).unwrap();
    // Boxed: a card's `customer` may be an expanded customer.
    assert!(matches!(
        customer.default_source.as_option().map(|s| &**s),
        Some(CustomerDefaultSource::Card(_))
    ));
    let mut id = sample("customer");
    id["default_source"] = json!("card_1");
    let customer: Customer = serde_json::from_value(id).unwrap();
    assert_eq!(
        customer.default_source.as_option().map(|s| &**s),
        Some(&CustomerDefaultSource::String("card_1".into()))
    );
    // A number is neither an ID nor an object.
    let mut wrong = sample("customer");
    wrong["default_source"] = json!(3);
    assert!(serde_json::from_value::<Customer>(wrong).is_err());
}
