//! Byte-exact wire tests of OpenAPI's style rules, on the client generated from
//! `tests/fixtures/form_rules.yaml` (an OpenAPI 3.1 document without vendor extensions),
//! generated without a settings file.
//!
//! The `/styles` operations send the `color` value of the specification's style examples
//! table (OpenAPI 3.1.0, "Style Examples", https://spec.openapis.org/oas/v3.1.0#style-examples):
//! string `blue`, array `["blue","black","brown"]`, object `{"R": 100, "G": 200, "B": 150}`.
//! Each test quotes the table's row. Two deliberate differences, both in how bytes are escaped
//! rather than in what the server reads: brackets in keys are percent-encoded (`color%5BR%5D`,
//! the table writes `color[R]`; RFC 3986 does not allow a raw `[` in a query), and cookie
//! values are percent-encoded as RFC 6265 requires (a comma is not a cookie-octet).
//!
//! `scripts/test-full-clients.sh` generates the client and builds this file against it.

#[allow(dead_code)]
#[path = "../src/server.rs"]
mod server;

use form_rules::styles::{
    BodyDeepRequest, BodyFormExplicitRequest, BodyFormFlatRequest, BodyFormRequest, BodyPipeRequest, BodyReservedRequest,
    BodySpaceRequest, CookieFormRequest, HeaderSimpleRequest, QueryDeepRequest, QueryFormFlatRequest, QueryFormRequest,
    QueryPipeRequest, QueryReservedRequest, QuerySpaceRequest,
};
use form_rules::things::{CreateThingRequest, ListThingsRequest};
use form_rules::types::{
    Address, AddressGeo, Color, CreateThingRequestAddon, CreateThingRequestKind, CreateThingRequestSettings, Filter, Range,
    Rgb, Size, SizeString, SizeString2, Status, StatusIs,
};
use form_rules::webhooks::{parse_webhook, WebhookEvent};
use form_rules::{Client, Credentials};
use server::{CannedResponse, RecordedRequest, TestServer};

fn client(server: &TestServer) -> Client {
    Client::builder().base_url(server.url()).credentials(Credentials::basic("user", "secret")).build().expect("client")
}

fn done() -> Vec<CannedResponse> {
    (0..8).map(|_| CannedResponse::with_type(204, "text/plain", "")).collect()
}

fn body(request: &RecordedRequest) -> String {
    String::from_utf8(request.body.clone()).expect("ascii")
}

/// The table's three values.
fn string() -> Color {
    Color::String("blue".into())
}

fn array() -> Color {
    Color::List(vec!["blue".into(), "black".into(), "brown".into()])
}

fn object() -> Color {
    Color::Rgb(Rgb { r: 100, g: 200, b: 150 })
}

async fn create(request: &CreateThingRequest) -> RecordedRequest {
    let server = TestServer::start(vec![CannedResponse::json(200, r#"{"id": "t1", "parent": {"id": "t0"}}"#)]);
    let thing = client(&server).create_thing(request).await.expect("200");
    assert_eq!(thing.into_body().parent.into_option().map(|p| p.id).as_deref(), Some("t0"));
    server.requests().remove(0)
}

#[tokio::test]
async fn query_form_exploded() {
    // form | true | color=blue | color=blue&color=black&color=brown | R=100&G=200&B=150
    let server = TestServer::start(done());
    let client = client(&server);
    for color in [string(), array(), object()] {
        client.query_form(&QueryFormRequest { color: Some(color) }).await.expect("204");
    }
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        [
            "/styles/query/form?color=blue",
            "/styles/query/form?color=blue&color=black&color=brown",
            "/styles/query/form?R=100&G=200&B=150",
        ]
    );
}

#[tokio::test]
async fn query_form_not_exploded() {
    // form | false | color=blue | color=blue,black,brown | color=R,100,G,200,B,150
    let server = TestServer::start(done());
    let client = client(&server);
    for color in [string(), array(), object()] {
        client.query_form_flat(&QueryFormFlatRequest { color: Some(color) }).await.expect("204");
    }
    // A comma inside a value is escaped; the separators are not.
    client.query_form_flat(&QueryFormFlatRequest { color: Some(Color::List(vec!["a,b".into(), "c d".into()])) }).await.expect("204");
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        [
            "/styles/query/form-flat?color=blue",
            "/styles/query/form-flat?color=blue,black,brown",
            "/styles/query/form-flat?color=R,100,G,200,B,150",
            "/styles/query/form-flat?color=a%2Cb,c+d",
        ]
    );
}

#[tokio::test]
async fn query_space_delimited() {
    // spaceDelimited | false | n/a | blue%20black%20brown | R%20100%20G%20200%20B%20150
    let server = TestServer::start(done());
    let client = client(&server);
    for color in [array(), object()] {
        client.query_space(&QuerySpaceRequest { color: Some(color) }).await.expect("204");
    }
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/styles/query/space?color=blue%20black%20brown", "/styles/query/space?color=R%20100%20G%20200%20B%20150"]);
}

#[tokio::test]
async fn query_pipe_delimited() {
    // pipeDelimited | false | n/a | blue|black|brown | R|100|G|200|B|150
    let server = TestServer::start(done());
    let client = client(&server);
    for color in [array(), object()] {
        client.query_pipe(&QueryPipeRequest { color: Some(color) }).await.expect("204");
    }
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/styles/query/pipe?color=blue|black|brown", "/styles/query/pipe?color=R|100|G|200|B|150"]);
}

#[tokio::test]
async fn query_deep_object() {
    // deepObject | true | n/a | n/a | color[R]=100&color[G]=200&color[B]=150
    // A string is sent as form would (color=blue); a list, which the table leaves n/a, is
    // indexed (the qs convention: color[0]=blue).
    let server = TestServer::start(done());
    let client = client(&server);
    for color in [object(), string(), array()] {
        client.query_deep(&QueryDeepRequest { color: Some(color) }).await.expect("204");
    }
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        [
            "/styles/query/deep?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150",
            "/styles/query/deep?color=blue",
            "/styles/query/deep?color%5B0%5D=blue&color%5B1%5D=black&color%5B2%5D=brown",
        ]
    );
}

#[tokio::test]
async fn query_allow_reserved() {
    // allowReserved: RFC 3986's reserved characters `:/?#[]@!$&'()*+,;=` go unencoded, but
    // those that would split or change the query string (`[`, `]`, `#`, `&`, `=`, `+`), as
    // OpenAPI 3.1.1 says.
    let server = TestServer::start(done());
    let value = "/files/a b:c?d,e;f@g!h&i=j+k#l";
    client(&server)
        .query_reserved(&QueryReservedRequest { path: Some(value.into()), plain: Some(value.into()) })
        .await
        .expect("204");
    assert_eq!(
        server.requests()[0].target,
        "/styles/query/reserved?path=/files/a%20b:c?d,e;f@g!h%26i%3Dj%2Bk%23l\
         &plain=%2Ffiles%2Fa+b%3Ac%3Fd%2Ce%3Bf%40g%21h%26i%3Dj%2Bk%23l"
    );
}

#[tokio::test]
async fn headers_simple() {
    // simple | false | blue | blue,black,brown | R,100,G,200,B,150
    // simple | true  | blue | blue,black,brown | R=100,G=200,B=150
    let server = TestServer::start(done());
    let client = client(&server);
    for color in [string(), array(), object()] {
        client
            .header_simple(&HeaderSimpleRequest { x_color: Some(color.clone()), x_color_exploded: Some(color) })
            .await
            .expect("204");
    }
    let sent: Vec<(String, String)> = server
        .requests()
        .iter()
        .map(|r| (r.header("x-color").unwrap_or_default().to_owned(), r.header("x-color-exploded").unwrap_or_default().to_owned()))
        .collect();
    let pairs = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        sent,
        [pairs("blue", "blue"), pairs("blue,black,brown", "blue,black,brown"), pairs("R,100,G,200,B,150", "R=100,G=200,B=150")]
    );
}

#[tokio::test]
async fn cookies_form() {
    // form | * | color=blue | color=blue,black,brown | color=R,100,G,200,B,150, with the commas
    // percent-encoded: RFC 6265 does not allow them in a cookie value.
    let server = TestServer::start(done());
    let client = client(&server);
    for color in [string(), array(), object()] {
        client.cookie_form(&CookieFormRequest { color: Some(color) }).await.expect("204");
    }
    let cookies: Vec<String> = server.requests().iter().map(|r| r.header("cookie").unwrap_or_default().to_owned()).collect();
    assert_eq!(cookies, ["color=blue", "color=blue%2Cblack%2Cbrown", "color=R%2C100%2CG%2C200%2CB%2C150"]);
}

#[tokio::test]
async fn path_simple_label_matrix() {
    // simple | blue ; label | .blue ; matrix | ;color=blue
    let server = TestServer::start(done());
    client(&server).path_styles("blue", "blue", "blue").await.expect("204");
    client(&server).path_styles("a/b", "c d", "e;f").await.expect("204");
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/styles/path/blue/.blue/;color=blue", "/styles/path/a%2Fb/.c%20d/;color=e%3Bf"]);
}

#[tokio::test]
async fn form_bodies_follow_the_query_rules() {
    // Encoding Object: "The behavior follows the same values as query parameters, including
    // default values." A field without an encoding entry is form, exploded; so is one whose
    // entry says `style: form` and leaves `explode` out.
    let server = TestServer::start(done());
    let client = client(&server);
    for color in [string(), array(), object()] {
        client.body_form(&BodyFormRequest { color: Some(color.clone()) }).await.expect("204");
        client.body_form_explicit(&BodyFormExplicitRequest { color: Some(color) }).await.expect("204");
    }
    let bodies: Vec<String> = server.requests().iter().map(body).collect();
    assert_eq!(
        bodies,
        [
            "color=blue",
            "color=blue",
            "color=blue&color=black&color=brown",
            "color=blue&color=black&color=brown",
            "R=100&G=200&B=150",
            "R=100&G=200&B=150",
        ]
    );
    assert_eq!(server.requests()[0].header("content-type"), Some("application/x-www-form-urlencoded"));
}

#[tokio::test]
async fn form_bodies_joined_styles() {
    // `explode: false` (style form): color=blue,black,brown / color=R,100,G,200,B,150;
    // spaceDelimited: blue%20black%20brown; pipeDelimited: blue|black|brown.
    let server = TestServer::start(done());
    let client = client(&server);
    client.body_form_flat(&BodyFormFlatRequest { color: Some(array()) }).await.expect("204");
    client.body_form_flat(&BodyFormFlatRequest { color: Some(object()) }).await.expect("204");
    client.body_space(&BodySpaceRequest { color: Some(array()) }).await.expect("204");
    client.body_pipe(&BodyPipeRequest { color: Some(object()) }).await.expect("204");
    let bodies: Vec<String> = server.requests().iter().map(body).collect();
    assert_eq!(bodies, ["color=blue,black,brown", "color=R,100,G,200,B,150", "color=blue%20black%20brown", "color=R|100|G|200|B|150"]);
}

#[tokio::test]
async fn form_bodies_deep_object_and_reserved() {
    // deepObject | true | color[R]=100&color[G]=200&color[B]=150
    let server = TestServer::start(done());
    let client = client(&server);
    client.body_deep(&BodyDeepRequest { color: Some(object()) }).await.expect("204");
    client.body_reserved(&BodyReservedRequest { path: Some("/a b:c,d&e".into()), plain: Some("/a b:c,d&e".into()) }).await.expect("204");
    let bodies: Vec<String> = server.requests().iter().map(body).collect();
    assert_eq!(
        bodies,
        ["color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150", "path=/a%20b:c,d%26e&plain=%2Fa+b%3Ac%2Cd%26e"]
    );
}

#[tokio::test]
async fn required_plain_fields_only() {
    let sent = create(&CreateThingRequest::new("Widget & Co")).await;
    assert_eq!(sent.target, "/things");
    assert_eq!(body(&sent), "name=Widget+%26+Co");
    assert_eq!(sent.header("authorization"), Some("Basic dXNlcjpzZWNyZXQ="));
}

#[tokio::test]
async fn booleans_timestamps_numbers_consts_and_nulls() {
    let sent = create(&CreateThingRequest {
        nickname: Some("W".into()),
        active: Some(false),
        starts_at: Some(1_735_689_600),
        kind: Some(CreateThingRequestKind::Gadget),
        ratio: Some(0.5),
        ..CreateThingRequest::new("w")
    })
    .await;
    assert_eq!(body(&sent), "name=w&nickname=W&active=false&starts_at=1735689600&kind=gadget&ratio=0.5");
}

#[tokio::test]
async fn deep_objects_nest_brackets_at_any_depth() {
    let sent = create(&CreateThingRequest {
        address: Some(Address {
            city: Some("Berlin".into()),
            zip: Some("10115".into()),
            lines: Some(vec!["Main St 1".into()]),
            geo: Some(AddressGeo { lat: Some(52.5), lng: None }),
        }),
        ..CreateThingRequest::new("w")
    })
    .await;
    // address[city]=Berlin&address[zip]=10115&address[lines][0]=Main St 1&address[geo][lat]=52.5
    assert_eq!(
        body(&sent),
        "name=w&address%5Bcity%5D=Berlin&address%5Bzip%5D=10115&address%5Blines%5D%5B0%5D=Main+St+1&address%5Bgeo%5D%5Blat%5D=52.5"
    );
}

#[tokio::test]
async fn lists_without_an_encoding_repeat_their_key() {
    // form, explode: true (OpenAPI's default): coupon_ids=SAVE10&coupon_ids=VIP
    let sent = create(&CreateThingRequest { coupon_ids: Some(vec!["SAVE10".into(), "VIP".into()]), ..CreateThingRequest::new("w") }).await;
    assert_eq!(body(&sent), "name=w&coupon_ids=SAVE10&coupon_ids=VIP");
}

#[tokio::test]
async fn lists_of_objects_put_the_index_first() {
    // OpenAPI leaves it open; the default is qs's (and Stripe's): addons[0][id]=a1
    let sent = create(&CreateThingRequest {
        addons: Some(vec![
            CreateThingRequestAddon { id: Some("a1".into()), quantity: Some(2) },
            CreateThingRequestAddon { id: Some("a2".into()), quantity: None },
        ]),
        ..CreateThingRequest::new("w")
    })
    .await;
    // addons[0][id]=a1&addons[0][quantity]=2&addons[1][id]=a2
    assert_eq!(body(&sent), "name=w&addons%5B0%5D%5Bid%5D=a1&addons%5B0%5D%5Bquantity%5D=2&addons%5B1%5D%5Bid%5D=a2");
}

#[tokio::test]
async fn maps_and_free_form_objects_use_brackets_and_json_fields_json() {
    let sent = create(&CreateThingRequest {
        meta_data: Some(serde_json::json!({"k": "v", "n": 1})),
        labels: Some([("crm_id".to_owned(), "A&B=1".to_owned())].into()),
        settings: Some(CreateThingRequestSettings { theme: Some("dark".into()) }),
        ..CreateThingRequest::new("w")
    })
    .await;
    // meta_data[k]=v&meta_data[n]=1&labels[crm_id]=A%26B%3D1&settings={"theme":"dark"}
    assert_eq!(
        body(&sent),
        "name=w&meta_data%5Bk%5D=v&meta_data%5Bn%5D=1&labels%5Bcrm_id%5D=A%26B%3D1&settings=%7B%22theme%22%3A%22dark%22%7D"
    );
}

#[tokio::test]
async fn unions_send_the_variant_they_hold() {
    // A string variant is its text, a number its digits, the empty-string variant `key=`.
    let mut bodies = Vec::new();
    for size in [Size::String(SizeString::Value), Size::Integer(3), Size::String2(SizeString2::Small)] {
        bodies.push(body(&create(&CreateThingRequest { size: Some(size), ..CreateThingRequest::new("w") }).await));
    }
    assert_eq!(bodies, ["name=w&size=", "name=w&size=3", "name=w&size=small"]);
}

#[tokio::test]
async fn query_parameters_follow_their_style() {
    let sent = create(&CreateThingRequest {
        status: Some(Status {
            is: Some(StatusIs::Active),
            in_: Some(vec!["a".into(), "b".into()]),
            created: Some(Range { gte: Some(1_700_000_000), lt: None }),
        }),
        tags: Some(vec!["x y".into(), "z".into()]),
        ids: Some(vec![1, 2]),
        ..CreateThingRequest::new("w")
    })
    .await;
    // status[is]=active&status[in][0]=a&status[in][1]=b&status[created][gte]=1700000000
    // (deepObject), tags=x y&tags=z (form, exploded), ids=1,2 (form, not exploded)
    assert_eq!(
        sent.target,
        "/things?status%5Bis%5D=active&status%5Bin%5D%5B0%5D=a&status%5Bin%5D%5B1%5D=b\
         &status%5Bcreated%5D%5Bgte%5D=1700000000&tags=x+y&tags=z&ids=1,2"
    );
}

#[tokio::test]
async fn gets_with_an_empty_form_body_send_no_body_and_objects_compile_in_every_place() {
    let server = TestServer::start(vec![CannedResponse::json(200, "[]")]);
    let request = ListThingsRequest {
        filter: Some(Filter { kind: Some("gadget".into()), limit: Some(5) }),
        range: Some(Range { gte: Some(1), lt: Some(9) }),
        ..Default::default()
    };
    client(&server).list_things(&request).await.expect("200");
    let sent = &server.requests()[0];
    // An object query parameter in the default style: its properties are parameters.
    assert_eq!(sent.target, "/things?kind=gadget&limit=5");
    // An object header (simple): gte,1,lt,9.
    assert_eq!(sent.header("range"), Some("gte,1,lt,9"));
    assert_eq!(sent.header("content-type"), None);
    assert!(sent.body.is_empty());
}

#[test]
fn webhooks_of_a_3_1_document_parse() {
    match parse_webhook(br#"{"event_type": "thing_created", "thing": {"id": "t9"}}"#).expect("valid") {
        WebhookEvent::ThingCreated(event) => assert_eq!(event.thing.id, "t9"),
        other => panic!("{other:?}"),
    }
}

/// `format: date-time` values are `chrono::DateTime<Utc>`, sent as RFC 3339 in UTC (fractions
/// only when there are any); `format: date` values are `chrono::NaiveDate`, sent as
/// `YYYY-MM-DD`; responses read any RFC 3339 offset.
#[tokio::test]
async fn dates_are_typed_and_rfc_3339_on_the_wire() {
    let at: chrono::DateTime<chrono::Utc> = "2026-11-26T16:25:00.5+01:00".parse().expect("instant");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");

    let sent = create(&CreateThingRequest { remind_at: Some(at), due_on: Some(day), ..CreateThingRequest::new("w") }).await;
    assert_eq!(body(&sent), "name=w&remind_at=2026-11-26T15%3A25%3A00.500Z&due_on=2026-11-26");

    let server = TestServer::start(vec![CannedResponse::json(
        200,
        r#"[{"id": "t1", "created_at": "2026-11-26T16:25:00+01:00", "due_on": "2026-12-01"}]"#,
    )]);
    let whole: chrono::DateTime<chrono::Utc> = "2026-11-01T00:00:00Z".parse().expect("instant");
    let request = ListThingsRequest { created_after: Some(whole), due_on: Some(day), ..Default::default() };
    let things = client(&server).list_things(&request).await.expect("200").into_body();
    assert_eq!(server.requests()[0].target, "/things?created_after=2026-11-01T00%3A00%3A00Z&due_on=2026-11-26");
    assert_eq!(things[0].created_at.map(|t| t.to_rfc3339()).as_deref(), Some("2026-11-26T15:25:00+00:00"));
    assert_eq!(things[0].due_on, chrono::NaiveDate::from_ymd_opt(2026, 12, 1));

    // A timestamp that is not RFC 3339 is a decoding error, not a silently wrong value.
    let server = TestServer::start(vec![CannedResponse::json(200, r#"[{"id": "t1", "created_at": "26/11/2026"}]"#)]);
    let error = client(&server).list_things(&ListThingsRequest::default()).await.expect_err("not RFC 3339");
    assert!(error.to_string().starts_with("the response (HTTP 200) could not be decoded: "), "{error}");
}

/// A number that is not finite has no text a server reads as a number: the call is refused
/// before sending, naming the field, as JSON bodies refuse it.
#[tokio::test]
async fn non_finite_numbers_are_refused_in_forms() {
    let server = TestServer::start(done());
    let request = CreateThingRequest { ratio: Some(f64::NAN), ..CreateThingRequest::new("w") };
    // `validate` reports it first (`ratio` has a documented range); without validation, the
    // encoder still refuses it.
    let client = Client::builder()
        .base_url(server.url())
        .credentials(Credentials::basic("user", "secret"))
        .validate_requests(false)
        .build()
        .expect("client");
    match client.create_thing(&request).await.expect_err("NaN") {
        form_rules::Error::InvalidRequest(error) => assert!(error.to_string().contains("`ratio` is NaN"), "{error}"),
        other => panic!("{other:?}"),
    }
    assert!(server.requests().is_empty(), "nothing was sent");
}
