//! Turning arbitrary spec names into Rust identifiers that compile, read well and never clash.
//!
//! Spec names can be anything: keywords, digits first, empty, non-ASCII, or two names that
//! only differ in case. Every identifier the IR hands to a backend comes through here.

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that cannot be identifiers (strict and reserved keywords of every edition).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Type names the generated code itself uses unqualified; a spec type of that name would
/// shadow them. The runtime's root items ([`apiforge_runtime::root_names`]) are taken too.
const TAKEN_TYPE_NAMES: &[&str] = &[
    "Option",
    "Result",
    "String",
    "Vec",
    "Box",
    "Some",
    "None",
    "Ok",
    "Err",
    "Self",
    "Default",
    "HashMap",
    "BTreeMap",
    "Value",
    "Server",
    "ServerVariables",
    "ApiKey",
    "fmt",
    "Serialize",
    "Deserialize",
    "Display",
    "From",
    "Into",
    "Clone",
    "Debug",
    "PartialEq",
    "Eq",
    "Hash",
    "Send",
    "Sync",
    "Sized",
    "Copy",
    "Iterator",
    "ToString",
    "ToOwned",
    "AsRef",
];

/// Comparison operators in parameter names (Twilio's `DateSent<`, `StartTime>=`), read as
/// words, longest first, so that `DateSent<` and `DateSent>` do not both become `date_sent`.
const OPERATORS: &[(&str, &str)] = &[
    ("<=", " at or before "),
    (">=", " at or after "),
    ("!=", " not "),
    ("<", " before "),
    (">", " after "),
];

/// Replaces every character that cannot appear in an identifier with a word break, so that
/// heck sees `a b`, `a.b` and `a/b` as two words; comparison operators become words, and a
/// plural acronym stays one word (`APIs` → `Apis`, which heck would split into `ap_is`).
fn words(raw: &str) -> String {
    let mut spelled = raw.to_owned();
    for (operator, word) in OPERATORS {
        if spelled.contains(operator) {
            spelled = spelled.replace(operator, word);
        }
    }
    let spelled: Vec<char> = spelled
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out = String::with_capacity(spelled.len());
    let mut i = 0;
    while i < spelled.len() {
        // A run of two or more capitals, then an `s` that ends the word.
        let run = spelled[i..]
            .iter()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        let at_word_start = i == 0 || !spelled[i - 1].is_ascii_uppercase();
        let plural = run >= 2
            && spelled.get(i + run) == Some(&'s')
            && !spelled
                .get(i + run + 1)
                .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if at_word_start && plural {
            out.push(spelled[i]);
            out.extend(spelled[i + 1..i + run].iter().map(char::to_ascii_lowercase));
            out.push('s');
            i += run + 1;
        } else {
            out.push(spelled[i]);
            i += 1;
        }
    }
    out
}

/// The longest identifier derived for a method or a module, in bytes: they name files
/// (`src/<module>.rs`, `docs/<method>.md`), which must stay well within what file systems
/// allow (255 bytes), and a longer name is no more readable.
pub const MAX_FILE_IDENT: usize = 64;

/// [`snake`], cut at the last word that fits in [`MAX_FILE_IDENT`] bytes: for identifiers that
/// also name files. A [`Scope`] then keeps the cut names unique.
pub fn file_ident(raw: &str) -> String {
    let ident = snake(raw);
    if ident.len() <= MAX_FILE_IDENT {
        return ident;
    }
    // At the last word break that keeps a whole word (the one right after the limit too).
    let cut = ident[..=MAX_FILE_IDENT]
        .rfind('_')
        .filter(|&at| at > 0)
        .unwrap_or(MAX_FILE_IDENT);
    let mut ident = ident[..cut].trim_end_matches('_').to_owned();
    if KEYWORDS.contains(&ident.as_str()) {
        ident.push('_');
    }
    ident
}

/// Crate names Cargo refuses or warns about although they are well formed: Rust's own
/// libraries, and names Windows reserves for devices (a crate cannot be unpacked there).
const RESERVED_CRATE_NAMES: &[&str] = &[
    "std",
    "core",
    "alloc",
    "test",
    "proc-macro",
    "con",
    "prn",
    "aux",
    "nul",
    "com1",
    "com2",
    "com3",
    "com4",
    "com5",
    "com6",
    "com7",
    "com8",
    "com9",
    "lpt1",
    "lpt2",
    "lpt3",
    "lpt4",
    "lpt5",
    "lpt6",
    "lpt7",
    "lpt8",
    "lpt9",
];

/// The longest crate name crates.io accepts.
pub const MAX_CRATE_NAME: usize = 64;

/// A crate name valid on crates.io: kebab-case words of `title` (acronyms kept whole:
/// `Twitter APIs` → `twitter-apis`; a brand of two humps too, as crates name them: `GitHub` →
/// `github`, `OpenAPI` → `openapi`, `Word2Vec` → `word2vec`), at most 64 characters cut at a
/// word, starting with a letter (`api-` before one that would start with a digit), never a
/// keyword or a name Cargo reserves (`-api` after it).
pub fn crate_name(title: &str) -> String {
    let snake: Vec<String> = words(title)
        .split(' ')
        .filter(|word| !word.is_empty())
        .map(|word| {
            if is_brand(word) {
                word.to_ascii_lowercase()
            } else {
                word.to_snake_case()
            }
        })
        .filter(|word| !word.is_empty())
        .collect();
    let mut name = snake.join("-").replace('_', "-");
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("api-{name}").trim_end_matches('-').to_owned();
    }
    if name.len() > MAX_CRATE_NAME {
        // At the last word break that keeps a whole word; `api-` keeps one before the limit.
        let cut = name[..=MAX_CRATE_NAME].rfind('-').unwrap_or(MAX_CRATE_NAME);
        name.truncate(cut);
    }
    if KEYWORDS.contains(&name.as_str()) || RESERVED_CRATE_NAMES.contains(&name.as_str()) {
        name.push_str("-api");
    }
    name
}

/// Whether a word of a title is one name written in two humps, which crate names keep whole:
/// a capital and lower-case letters or digits, twice (`GitHub`, `PayPal`, `Word2Vec`), or a
/// capitalized word and an acronym (`OpenAPI`, `GraphQL`). `HTTPServer` and `petStore` are two
/// words.
fn is_brand(word: &str) -> bool {
    let bytes = word.as_bytes();
    let hump = |at: usize| -> usize {
        // A capital and the lower-case letters and digits after it: its length, or 0.
        if !bytes.get(at).is_some_and(u8::is_ascii_uppercase) {
            return 0;
        }
        1 + bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            .count()
    };
    let first = hump(0);
    if first < 2 || first == bytes.len() {
        return false;
    }
    let second = hump(first);
    let acronym = bytes[first..].iter().all(u8::is_ascii_uppercase) && bytes.len() - first >= 2;
    (second >= 2 && first + second == bytes.len()) || acronym
}

/// A `snake_case` identifier for a field, argument, method or module.
pub fn snake(raw: &str) -> String {
    let mut ident = words(raw).to_snake_case();
    if ident.is_empty() {
        ident = "value".to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert_str(0, "n_");
    }
    if KEYWORDS.contains(&ident.as_str()) {
        ident.push('_');
    }
    ident
}

/// An `UpperCamelCase` identifier for a type or variant.
pub fn pascal(raw: &str) -> String {
    let mut ident = words(raw).to_upper_camel_case();
    if ident.is_empty() {
        ident = "Value".to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, 'V');
    }
    if KEYWORDS.contains(&ident.as_str()) {
        ident.push('_');
    }
    ident
}

/// The reason phrase of an HTTP status as an identifier (`404` → `NotFound`).
pub fn status_name(code: u16) -> Option<&'static str> {
    Some(match code {
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        204 => "NoContent",
        400 => "BadRequest",
        401 => "Unauthorized",
        402 => "PaymentRequired",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        408 => "RequestTimeout",
        409 => "Conflict",
        410 => "Gone",
        412 => "PreconditionFailed",
        413 => "PayloadTooLarge",
        415 => "UnsupportedMediaType",
        422 => "UnprocessableEntity",
        429 => "TooManyRequests",
        500 => "InternalServerError",
        501 => "NotImplemented",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => return None,
    })
}

/// A type name: like [`pascal`], and never one the generated code needs for itself. Schemas
/// named after an HTTP status (Chargebee's `404`) are named for what they are
/// (`NotFoundError`).
pub fn type_name(raw: &str) -> String {
    if let Some(name) = raw
        .parse::<u16>()
        .ok()
        .filter(|_| raw.len() == 3)
        .and_then(status_name)
    {
        return if name.ends_with("Error") {
            name.to_owned()
        } else {
            format!("{name}Error")
        };
    }
    let ident = pascal(raw);
    let taken = TAKEN_TYPE_NAMES.contains(&ident.as_str())
        || apiforge_runtime::root_names().any(|name| name == ident);
    if taken {
        format!("{ident}Model")
    } else {
        ident
    }
}

/// The singular of an English plural property name, for naming the item type of an array
/// (`line_items` → `line_item`). Only the regular forms; an unknown word is kept as it is.
pub fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["sses", "shes", "ches", "xes", "uses"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return format!("{stem}{}", &suffix[..suffix.len() - 2]);
        }
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word.to_owned();
    }
    word.strip_suffix('s').unwrap_or(word).to_owned()
}

/// The candidate closest to `word` when it is close enough to be a typo of it: equal but for
/// case, or within an edit distance of a third of its length (at least 1), as rustc suggests
/// names. Ties go to the earliest candidate.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let word_len = word.chars().count();
    let limit = word_len.max(3) / 3;
    let mut best: Option<(usize, &'c str)> = None;
    for candidate in candidates {
        if candidate.eq_ignore_ascii_case(word) {
            return Some(candidate);
        }
        // The length difference bounds the distance from below; skipping on it also keeps
        // hostile names (thousands of characters) from costing a full comparison.
        if candidate.chars().count().abs_diff(word_len) > limit {
            continue;
        }
        let distance = edit_distance(word, candidate);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters, with one row of memory.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// Hands out identifiers that are unique within one scope, deterministically: the first
/// claimant keeps the name, later ones get `2`, `3`, ... appended in the order they ask.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// An empty scope.
    pub fn new() -> Self {
        Self::default()
    }

    /// A scope in which `reserved` are already taken.
    pub fn with_reserved<'a>(reserved: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            taken: reserved.into_iter().map(str::to_owned).collect(),
        }
    }

    /// Claims `ident`, or the first free `ident2`, `ident3`, ...
    pub fn claim(&mut self, ident: String) -> String {
        if self.taken.insert(ident.clone()) {
            return ident;
        }
        let separator = if ident.ends_with(|c: char| c.is_ascii_digit()) {
            "_"
        } else {
            ""
        };
        (2..)
            .map(|n| format!("{ident}{separator}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or(ident)
    }

    /// Whether `ident` is taken.
    pub fn contains(&self, ident: &str) -> bool {
        self.taken.contains(ident)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_name_files_and_crates_stay_valid_and_readable() {
        assert_eq!(snake("listAPIsForUser"), "list_apis_for_user");
        assert_eq!(pascal("Twitter APIs"), "TwitterApis");
        // An acronym followed by another word is still split from it.
        assert_eq!(snake("HTTPServer"), "http_server");
        assert_eq!(snake("userIDs"), "user_ids");
        assert_eq!(
            crate_name("Twitter APIs with Word2Vec"),
            "twitter-apis-with-word2vec"
        );
        assert_eq!(crate_name("GitHub v3 REST API"), "github-v3-rest-api");
        assert_eq!(
            crate_name("Swagger Petstore - OpenAPI 3.0"),
            "swagger-petstore-openapi-3-0"
        );
        assert_eq!(crate_name("DigitalOcean API"), "digitalocean-api");
        assert_eq!(crate_name("GraphQL gateway"), "graphql-gateway");
        // Three humps, an acronym before a word, or a lower-case start: words, as before.
        assert_eq!(crate_name("petStoreAPI"), "pet-store-api");
        assert_eq!(crate_name("HTTPServer"), "http-server");
        assert_eq!(crate_name("iOS App"), "i-os-app");
        let long =
            crate_name("U.S. EPA Enforcement and Compliance History Online (ECHO) - Clean Air Act");
        assert_eq!(
            long,
            "u-s-epa-enforcement-and-compliance-history-online-echo-clean-air"
        );
        assert!(long.len() <= 64 && !long.ends_with('-'));
        assert_eq!(crate_name("42"), "api-42");
        assert_eq!(crate_name("Café API!"), "caf-api");
        assert_eq!(crate_name(""), "api");
        // ShipStation's operation without an operationId, named from its whole path.
        let raw = "get /fulfillments/fulfillment_id/{fulfillment_id}/order_id/{order_id}/tracking_number/{tracking_number}/recipient_name/{recipient_name}/create_date_start/{create_date_start}/page_size/{page_size}";
        let ident = file_ident(raw);
        assert!(ident.len() <= MAX_FILE_IDENT, "{ident}");
        assert!(ident.starts_with("get_fulfillments_fulfillment_id") && !ident.ends_with('_'));
        assert_eq!(file_ident("resume_dunning"), "resume_dunning");
    }

    /// Titles, paths and names no spec should have, and some every spec has.
    const HOSTILE: &[&str] = &[
        "",
        "#",
        "##/#",
        "things#list",
        "!!!---???",
        "   ",
        "_",
        "__init__",
        "Self",
        "self",
        "crate",
        "type",
        "test",
        "std",
        "CON",
        "1",
        "123 Go",
        "9lives",
        "-leading-dash",
        "Ünïcödé Ăπί",
        "日本語のAPI",
        "🚀 Rocket API 🚀",
        "🚀",
        "get /a/{b}/c#d",
        "APIs",
        "Twitter APIs with Word2Vec",
    ];

    /// A deterministic stream of hostile strings (xorshift over an alphabet of the kinds of
    /// characters that break names), 1 to 1000 characters long.
    fn hostile_strings(count: usize) -> Vec<String> {
        const ALPHABET: &[&str] = &[
            "a", "Z", "q", "API", "s", "0", "9", "_", "-", " ", "#", "/", "{", "}", ".", "~", "é",
            "ß", "日", "🚀", "\u{200b}", "\t", "\n", "<", ">=", "'", "\"", "self", "type",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..count)
            .map(|_| {
                let len = 1 + (next() % 1000) as usize;
                let pieces = 1 + len / 3;
                (0..pieces)
                    .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                    .collect::<String>()
            })
            .collect()
    }

    /// crates.io's rules: 1 to 64 ASCII letters, digits, `-` or `_`, a letter first, and not
    /// a keyword or a reserved name.
    fn assert_valid_crate_name(title: &str, name: &str) {
        assert!(
            !name.is_empty() && name.len() <= MAX_CRATE_NAME,
            "{title:?} gave {name:?}"
        );
        assert!(
            name.starts_with(|c: char| c.is_ascii_alphabetic()),
            "{title:?} gave {name:?}"
        );
        assert!(
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{title:?} gave {name:?}"
        );
        assert!(
            !name.ends_with('-') && !name.contains("--"),
            "{title:?} gave {name:?}"
        );
        assert!(
            !KEYWORDS.contains(&name) && !RESERVED_CRATE_NAMES.contains(&name),
            "{title:?} gave {name:?}"
        );
        // The library's name, which Rust code writes.
        let lib = name.replace('-', "_");
        assert!(
            syn::parse_str::<syn::Ident>(&lib).is_ok(),
            "{title:?} gave {name:?}"
        );
    }

    #[test]
    fn any_title_gives_a_valid_crate_name() {
        let long = "The Extremely Long Title ".repeat(40);
        let mut titles: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
        titles.push(long);
        titles.push("a".repeat(1000));
        titles.extend(hostile_strings(2000));
        for title in &titles {
            assert_valid_crate_name(title, &crate_name(title));
        }
        assert_eq!(crate_name("Self"), "self-api");
        assert_eq!(crate_name("test"), "test-api");
        assert_eq!(crate_name("CON"), "con-api");
        assert_eq!(crate_name("🚀 Rocket API 🚀"), "rocket-api");
        assert_eq!(crate_name("#"), "api");
        // One word longer than the limit is cut inside the word, as there is no break.
        assert_eq!(crate_name(&"a".repeat(1000)).len(), MAX_CRATE_NAME);
    }

    #[test]
    fn any_name_gives_a_short_valid_identifier_and_file_name() {
        let mut raws: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
        raws.push(format!("get {}", "/segment/{id}".repeat(80)));
        raws.extend(hostile_strings(2000));
        let mut scope = Scope::with_reserved(["new", "builder"]);
        let mut seen = BTreeSet::new();
        for raw in &raws {
            let ident = file_ident(raw);
            assert!(ident.len() <= MAX_FILE_IDENT, "{raw:?} gave {ident:?}");
            assert!(
                syn::parse_str::<syn::Ident>(&ident).is_ok(),
                "{raw:?} gave {ident:?}"
            );
            // Names files: `docs/<ident>.md`, `src/<ident>.rs`, within 100 bytes, of
            // characters every file system takes.
            assert!(
                ident
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{raw:?} gave {ident:?}"
            );
            assert!(format!("docs/{ident}.md").len() <= 100);
            for other in [snake(raw), pascal(raw), type_name(raw)] {
                assert!(
                    syn::parse_str::<syn::Ident>(&other).is_ok(),
                    "{raw:?} gave {other:?}"
                );
            }
            // However many names collapse to one identifier, each claim gets its own, still
            // a valid identifier within the file-name limit plus its number.
            let claimed = scope.claim(ident);
            assert!(seen.insert(claimed.clone()), "{claimed} handed out twice");
            assert!(syn::parse_str::<syn::Ident>(&claimed).is_ok(), "{claimed}");
            assert!(format!("docs/{claimed}.md").len() <= 100, "{claimed}");
        }
    }

    #[test]
    fn no_spec_type_takes_a_name_the_runtime_exports_at_the_crate_root() {
        for name in apiforge_runtime::root_names() {
            assert_eq!(type_name(name), format!("{name}Model"));
        }
        // Chargebee's `download` schema, beside the runtime's `Download`.
        assert_eq!(type_name("download"), "DownloadModel");
    }

    #[test]
    fn keywords_and_digits_become_valid_identifiers() {
        assert_eq!(snake("type"), "type_");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("Self"), "self_");
        assert_eq!(snake("crate"), "crate_");
        assert_eq!(snake("1st"), "n_1st");
        assert_eq!(snake(""), "value");
        assert_eq!(snake("invoice-id"), "invoice_id");
        assert_eq!(
            snake("chargebee-request-origin-user"),
            "chargebee_request_origin_user"
        );
        assert_eq!(pascal("all-disabled"), "AllDisabled");
        assert_eq!(pascal("1"), "V1");
        assert_eq!(pascal("a b"), "AB");
        assert_eq!(pascal("Self"), "Self_");
        assert_eq!(pascal("ünïcode"), "NCode");
        assert_eq!(type_name("Option"), "OptionModel");
        assert_eq!(type_name("invoice"), "Invoice");
        assert_eq!(type_name("404"), "NotFoundError");
        assert_eq!(type_name("500"), "InternalServerError");
        assert_eq!(type_name("499"), "V499");
    }

    #[test]
    fn every_produced_identifier_parses_as_rust() {
        for raw in [
            "type", "async", "super", "9lives", "", "é", "a-b c.d", "__", "gen", "Self",
        ] {
            for ident in [snake(raw), pascal(raw), type_name(raw)] {
                assert!(
                    syn::parse_str::<syn::Ident>(&ident).is_ok(),
                    "{raw:?} gave {ident:?}"
                );
            }
        }
    }

    #[test]
    fn singular_handles_regular_plurals() {
        assert_eq!(singular("line_items"), "line_item");
        assert_eq!(singular("discounts"), "discount");
        assert_eq!(singular("taxes"), "tax");
        assert_eq!(singular("addresses"), "address");
        assert_eq!(singular("statuses"), "status");
        assert_eq!(singular("entries"), "entry");
        assert_eq!(singular("status"), "status");
        assert_eq!(singular("data"), "data");
    }

    #[test]
    fn closest_suggests_likely_typos_only() {
        let names = ["Invoice", "Customer", "Subscription", "Pet"];
        assert_eq!(closest("Invoyce", names), Some("Invoice"));
        assert_eq!(closest("invoice", names), Some("Invoice"));
        assert_eq!(closest("Pett", names), Some("Pet"));
        assert_eq!(closest("Subscriptoin", names), Some("Subscription"));
        assert_eq!(closest("Order", names), None);
        assert_eq!(closest("Pe", ["Pet", "Pe2"]), Some("Pet"));
        assert_eq!(closest("x", std::iter::empty()), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("é", "e"), 1);
    }

    #[test]
    fn scope_suffixes_collisions_in_claim_order() {
        let mut scope = Scope::with_reserved(["Client"]);
        assert_eq!(scope.claim("Client".into()), "Client2");
        assert_eq!(scope.claim("FooBar".into()), "FooBar");
        assert_eq!(scope.claim("FooBar".into()), "FooBar2");
        assert_eq!(scope.claim("V1".into()), "V1");
        assert_eq!(scope.claim("V1".into()), "V1_2");
    }

    #[test]
    fn comparison_operators_become_words() {
        assert_eq!(snake("DateSent<"), "date_sent_before");
        assert_eq!(snake("DateSent>"), "date_sent_after");
        assert_eq!(snake("StartTime>="), "start_time_at_or_after");
        assert_eq!(snake("EndTime<="), "end_time_at_or_before");
        assert_eq!(snake("status!="), "status_not");
        assert_eq!(pascal("created<"), "CreatedBefore");
    }
}
