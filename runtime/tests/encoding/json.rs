//! JSON members, JSON bodies and JSON text in form fields: what serde_json cannot encode is
//! refused naming the field; the rest reaches the server unchanged.

use std::collections::{BTreeMap, HashMap};

use apiforge_runtime::runtime::{self, Form};
use reqwest::Method;
use serde_json::{json, Value};

use crate::common::{
    as_operation_error, client_of, every_ascii_character, every_kind_of_character, form_pairs,
    offline, sent,
};
use crate::wire::Server;

/// Values serde_json cannot encode: maps whose keys are not strings (nor numbers, chars or
/// booleans, which it turns into strings), at the top or deep inside.
#[derive(Debug, serde::Serialize)]
#[serde(untagged)]
enum Unencodable {
    BytesAsKeys(HashMap<Vec<u8>, &'static str>),
    TuplesAsKeys(TuplesAsKeys),
    DeepInside(BTreeMap<&'static str, Vec<TuplesAsKeys>>),
}

type TuplesAsKeys = BTreeMap<(i32, i32), &'static str>;

fn unencodable() -> Vec<Unencodable> {
    let tuples_as_keys = BTreeMap::from([((1, 2), "v")]);
    vec![
        Unencodable::BytesAsKeys(HashMap::from([(vec![1u8, 2], "v")])),
        Unencodable::TuplesAsKeys(tuples_as_keys.clone()),
        Unencodable::DeepInside(BTreeMap::from([("inner", vec![tuples_as_keys])])),
    ]
}

#[test]
fn json_members_that_cannot_be_encoded_are_refused_naming_the_field() {
    for value in unencodable() {
        assert!(serde_json::to_vec(&value).is_err(), "{value:?}");
        let error = runtime::json_value("meta_data", &value).unwrap_err();
        assert!(
            error
                .0
                .starts_with("`meta_data` cannot be encoded as JSON: "),
            "{value:?}: {error}"
        );
        assert!(
            as_operation_error(error)
                .starts_with("the request was not sent: `meta_data` cannot be encoded as JSON"),
            "{value:?}"
        );
    }
}

#[test]
fn json_text_form_fields_that_cannot_be_encoded_are_refused_naming_the_field() {
    for value in unencodable() {
        let error = runtime::json("subscription[meta_data]", &value).unwrap_err();
        assert!(
            error
                .0
                .starts_with("`subscription[meta_data]` cannot be encoded as JSON: "),
            "{value:?}: {error}"
        );
    }
}

#[test]
fn json_bodies_that_cannot_be_encoded_are_refused() {
    let client = offline();
    for value in unencodable() {
        let mut call = client.call(Method::POST, "/x");
        let error = call.json("application/json", &value).unwrap_err().0;
        assert!(
            error.starts_with("the request body cannot be encoded as JSON: "),
            "{value:?}: {error}"
        );
    }
}

#[test]
fn json_keys_that_serde_json_turns_into_strings_keep_their_value() {
    let mut by_number = BTreeMap::new();
    by_number.insert(-7i64, "a");
    by_number.insert(42, "b");
    assert_eq!(
        runtime::json_value("m", &by_number).unwrap(),
        json!({"-7": "a", "42": "b"})
    );
    let mut by_char = BTreeMap::new();
    by_char.insert('é', 1);
    assert_eq!(runtime::json("m", &by_char).unwrap(), r#"{"é":1}"#);
}

#[tokio::test]
async fn json_bodies_and_json_text_fields_reach_the_server_unchanged() {
    let server = Server::start();
    let client = client_of(&server);
    let text = every_kind_of_character();
    let meta = json!({
        "text": text,
        "ascii": every_ascii_character(),
        "nested": [[{"&=+%": "[]"}], null, true, -0, 12345678901234567i64, u64::MAX],
        "": "",
    });

    let mut body = serde_json::Map::new();
    body.insert(
        "meta_data".to_owned(),
        runtime::json_value("meta_data", &meta).unwrap(),
    );
    body.insert(
        "name".to_owned(),
        runtime::json_value("name", &text).unwrap(),
    );
    let mut call = client.call(Method::POST, "/json");
    call.json("application/merge-patch+json", &body).unwrap();
    let request = sent(&server, call).await;
    assert_eq!(
        request.field_value("content-type"),
        Some(&b"application/merge-patch+json"[..])
    );
    let received: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(received, json!({"meta_data": meta, "name": text}));

    let mut form = Form::new();
    form.append(
        "subscription[meta_data]",
        &runtime::json("subscription[meta_data]", &meta).unwrap(),
    );
    let mut call = client.call(Method::POST, "/form");
    call.form(form);
    let request = sent(&server, call).await;
    let pairs = form_pairs(&request.body);
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0].0, "subscription[meta_data]");
    assert_eq!(serde_json::from_str::<Value>(&pairs[0].1).unwrap(), meta);
}
