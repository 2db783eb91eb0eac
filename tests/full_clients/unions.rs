//! Unions decoded and encoded by the client generated from `tests/fixtures/unions.yaml`: a
//! discriminator with an explicit mapping, with the alternatives' single-value `type` (as
//! OpenAI writes it), with the schema names, on a base schema whose children extend it with
//! `allOf`; unions without one, told apart by what each alternative requires.
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

use serde_json::{json, Value};
use unions::types::{
    Animal, Button, Cat, Circle, Component, Contact, Dog, Item, Label, Lion, Pet, Shape, Vehicle,
    Zoo, ZooKeeper,
};

fn decode<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).unwrap()
}

#[test]
fn a_dog_with_every_field_a_cat_requires_is_a_dog() {
    let dog: Pet = decode(json!({"pet_type": "dog", "name": "Rex", "bark": true}));
    assert_eq!(
        dog,
        Pet::Dog(Dog {
            pet_type: "dog".into(),
            name: "Rex".into(),
            bark: Some(true)
        })
    );
    // Both mapping values of `Dog`.
    assert!(matches!(
        decode::<Pet>(json!({"pet_type": "puppy", "name": "Bo"})),
        Pet::Dog(_)
    ));
    assert!(matches!(
        decode::<Pet>(json!({"pet_type": "cat", "name": "Tom"})),
        Pet::Cat(_)
    ));
}

#[test]
fn an_unknown_tag_keeps_the_payload_and_a_misfit_is_an_error() {
    let bird = json!({"pet_type": "bird", "name": "Tweety", "wings": 2});
    assert_eq!(decode::<Pet>(bird.clone()), Pet::Unknown(bird.clone()));
    assert_eq!(
        serde_json::to_value(Pet::Unknown(bird.clone())).unwrap(),
        bird
    );
    let error = serde_json::from_value::<Pet>(json!({"pet_type": "dog"})).unwrap_err();
    assert!(error.to_string().contains("Pet tagged `dog`"), "{error}");
}

#[test]
fn encoding_writes_the_tag() {
    let cat = Pet::Cat(Cat {
        pet_type: String::new(),
        name: "Tom".into(),
        lives: Some(9),
    });
    assert_eq!(
        serde_json::to_value(&cat).unwrap(),
        json!({"pet_type": "cat", "name": "Tom", "lives": 9})
    );
    let circle = Shape::Circle(Circle {
        type_: unions::types::CircleType::Circle,
        radius: 2.0,
    });
    assert_eq!(
        serde_json::to_value(&circle).unwrap(),
        // An integral `type: number` is written as an integer, as APIs send it.
        json!({"type": "circle", "radius": 2})
    );
}

#[test]
fn implicit_mappings_and_base_schemas() {
    let zoo: Zoo = decode(json!({
        "animals": [
            {"animal_type": "lion", "name": "Leo", "mane": true},
            {"animal_type": "Eagle", "name": "Sam", "wingspan": 2.1},
            {"animal_type": "Unicorn", "name": "?"}
        ],
        "shapes": [{"type": "square", "side": 1.0}, {"type": "circle", "radius": 1.0}],
        "vehicles": [{"kind": "Bike", "gears": 21}, {"kind": "Car", "doors": 4}],
        "contacts": [{"phone": "555", "extension": "1"}, {"email": "a@example.com"}],
        "keeper": null
    }));
    assert!(matches!(
        &zoo.animals[0],
        Animal::Lion(Lion {
            mane: Some(true),
            ..
        })
    ));
    assert!(matches!(&zoo.animals[1], Animal::Eagle(e) if e.wingspan == 2.1));
    assert!(matches!(&zoo.animals[2], Animal::Unknown(_)));
    assert!(matches!(zoo.shapes[0], Shape::Square(_)));
    assert!(matches!(zoo.shapes[1], Shape::Circle(_)));
    assert!(matches!(zoo.vehicles[0], Vehicle::Bike(_)));
    assert!(matches!(zoo.vehicles[1], Vehicle::Car(_)));
    assert!(matches!(zoo.contacts[0], Contact::Object2(_)));
    assert!(matches!(zoo.contacts[1], Contact::Object(_)));
    assert_eq!(zoo.keeper, unions::Nullable::Null);
    let encoded = serde_json::to_value(&zoo).unwrap();
    assert_eq!(encoded["animals"][0]["animal_type"], "lion");
    assert_eq!(encoded["animals"][1]["animal_type"], "Eagle");
    assert_eq!(decode::<Zoo>(encoded), zoo);
}

/// A `type: number` received as `2` is written back as `2`, not `2.0`: decoding and encoding
/// again gives the JSON that was received.
#[test]
fn an_integral_number_is_written_back_as_received() {
    let received = json!({"animal_type": "Eagle", "name": "Sam", "wingspan": 2});
    let eagle: Animal = decode(received.clone());
    assert!(matches!(&eagle, Animal::Eagle(e) if e.wingspan == 2.0));
    assert_eq!(serde_json::to_value(&eagle).unwrap(), received);
    let fractional = json!({"animal_type": "Eagle", "name": "Sam", "wingspan": 2.5});
    assert_eq!(serde_json::to_value(decode::<Animal>(fractional.clone())).unwrap(), fractional);
}

#[test]
fn without_a_tag_the_value_must_satisfy_the_alternative() {
    // Neither an email nor a phone: an error, never the first alternative.
    assert!(serde_json::from_value::<Contact>(json!({"name": "x"})).is_err());
    // The alternative declaring more of the payload's keys wins.
    assert!(matches!(
        decode::<Label>(json!({"text": "a", "detail": "b"})),
        Label::LongLabel(_)
    ));
    assert!(matches!(
        decode::<Label>(json!({"text": "a"})),
        Label::ShortLabel(_)
    ));
    assert_eq!(
        decode::<ZooKeeper>(json!("Ann")),
        ZooKeeper::String("Ann".into())
    );
    assert!(matches!(
        decode::<ZooKeeper>(json!({"email": "a@b"})),
        ZooKeeper::Contact(_)
    ));
}

#[test]
fn a_tag_two_alternatives_share_decodes_as_the_one_the_value_satisfies() {
    let input: Item = decode(json!({"type": "message", "role": "user", "content": "hi"}));
    assert!(matches!(input, Item::InputMessage(_)));
    // The output message's `role` is an enum of one value: a user's message is not one.
    let output: Item =
        decode(json!({"type": "message", "role": "assistant", "id": "m1", "content": "hello"}));
    assert!(matches!(output, Item::OutputMessage(_)));
    assert!(matches!(
        decode::<Item>(json!({"type": "reasoning", "summary": "s"})),
        Item::Reasoning(_)
    ));
    assert!(serde_json::from_value::<Item>(json!({"type": "message", "role": "system"})).is_err());
    assert_eq!(serde_json::to_value(&output).unwrap()["type"], "message");
}

#[test]
fn integer_tags_decide_and_are_written_as_integers() {
    // A text input carries every field a button requires.
    let input: Component = decode(json!({"type": 4, "custom_id": "name", "label": "Name"}));
    assert!(matches!(input, Component::TextInput(_)));
    let button = Component::Button(Button {
        type_: 0,
        custom_id: "ok".into(),
    });
    assert_eq!(
        serde_json::to_value(&button).unwrap(),
        json!({"type": 2, "custom_id": "ok"})
    );
    let later = json!({"type": 99, "custom_id": "x"});
    assert_eq!(
        decode::<Component>(later.clone()),
        Component::Unknown(later)
    );
}
