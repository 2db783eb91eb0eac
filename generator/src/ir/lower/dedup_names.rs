//! Names for the merged groups of [`super::dedup`]: a merged type is named for what it holds,
//! never after one of the operations that use it.
//!
//! In order:
//! 1. A wrapper of named resources (every property holds the component of its own name, as
//!    `{invoice: Invoice}` or `{subscription: Subscription, customer: Customer, card?: Card}`)
//!    is named from its first resource and `Response` (`InvoiceResponse`,
//!    `SubscriptionResponse`), or `EventContent` when it only carries webhook events. Shapes
//!    that would share a name are told apart by their other resources: the shape with the
//!    fewest properties (then the most required) takes the plain name, the next adds its last
//!    resource (`InvoiceTransactionResponse`), then all of them, then its optional ones after
//!    `With` (`CustomerWithCardResponse`).
//! 2. Otherwise the property it is found under (`billing_address` → `BillingAddress`, the
//!    items of `addons` → `Addon`), or the words all its properties end with
//!    (`tax1_juris_type`, `tax2_juris_type` → `JurisType`), when that name says something on
//!    its own (`type`, `status`, `list` do not). When a component already has that name and
//!    the group is part of requests, `Params` is added (`SubscriptionParams`, beside the
//!    `Subscription` resource), and shapes that would share it are told apart by their first
//!    property, the shape with the most properties taking the plain name
//!    (`CardParams`, `CardGatewayParams`).
//! 3. Otherwise the words the members' own names share (`ListInvoicesResponse`); or, for a
//!    small part of requests, its properties (`{id}` under `customer` and `subscription` →
//!    `IdParams`).
//! 4. Otherwise the kept member's name: the shortest, then the alphabetically first.
//!
//! Groups claim their names in an order that depends only on their shapes, so a name does not
//! depend on which operation comes first, nor on types with other names in mind; and since
//! the candidates come from the shape, not from the member list, a release that adds or drops
//! one user of a shape renames nothing. A numeric suffix (`Subscription2`) is left only where
//! every candidate is taken.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::dedup::is_component;
use crate::ir::names;
use crate::ir::{Field, TypeDef, TypeKind, TypeRef};

/// New names for the merged groups of inline types, by the position of the kept type.
pub(super) fn group_names(
    types: &[TypeDef],
    representative: &[usize],
    slots: &HashMap<String, String>,
    reserved: &BTreeSet<String>,
) -> BTreeMap<usize, String> {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &keep) in representative.iter().enumerate() {
        members.entry(keep).or_default().push(i);
    }
    let components: BTreeSet<&str> = types
        .iter()
        .filter(|def| is_component(def))
        .map(|def| def.ident.as_str())
        .collect();
    // Taken: every kept type's name (a group's own name is free for it) and the reserved.
    let mut taken: BTreeSet<String> = reserved.clone();
    taken.extend(members.keys().map(|&keep| types[keep].ident.clone()));
    let mut plans: Vec<(Rank, usize, Vec<String>)> = Vec::new();
    for (&keep, group) in &members {
        if group.len() < 2 || is_component(&types[keep]) {
            continue;
        }
        if let Some((rank, candidates)) = resource_wrapper(types, keep, group, &components) {
            plans.push((rank, keep, candidates));
            continue;
        }
        let group_slots: Vec<&str> = group
            .iter()
            .filter_map(|&i| slots.get(&types[i].origin).map(String::as_str))
            .collect();
        let idents: Vec<&str> = group.iter().map(|&i| types[i].ident.as_str()).collect();
        let fields = struct_fields(&types[keep]);
        // Structs: the most properties first, as above. Enums and unions keep the order they
        // always had, by the kept member's name (the shortest, so no operation's order).
        let rank = match &types[keep].kind {
            TypeKind::Struct { .. } => Rank {
                kind: 1,
                size: usize::MAX - fields.len(),
                required: 0,
                shape: shape_key(&types[keep]),
            },
            TypeKind::Enum { .. } | TypeKind::Union { .. } => Rank {
                kind: 1,
                size: 0,
                required: 0,
                shape: types[keep].ident.clone(),
            },
        };
        let mut candidates = Vec::new();
        if let Some(name) = common_name(&group_slots) {
            let requests = group.iter().all(|&i| is_request_part(&types[i].origin));
            if components.contains(name.as_str()) && requests && !fields.is_empty() {
                candidates.push(format!("{name}Params"));
                if let Some(first) = fields.first() {
                    candidates.push(names::type_name(&format!("{name}_{}_params", first.name)));
                }
            } else {
                candidates.push(name);
            }
        } else if let Some(name) = common_ident(&idents) {
            candidates.push(name);
        } else if (1..=3).contains(&fields.len())
            && group.iter().all(|&i| is_request_part(&types[i].origin))
        {
            // Found under unrelated properties (`customer: {id}`, `subscription: {id}`): a
            // small shape is named from its properties (`IdParams`).
            let words: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
            candidates.push(names::type_name(&format!("{}_params", words.join("_"))));
        }
        plans.push((rank, keep, candidates));
    }
    plans.sort();
    let mut names = BTreeMap::new();
    for (_, keep, candidates) in plans {
        let own = &types[keep].ident;
        let Some(wanted) = candidates
            .into_iter()
            .find(|c| c == own || !taken.contains(c))
        else {
            continue;
        };
        if &wanted == own {
            continue;
        }
        taken.remove(own);
        taken.insert(wanted.clone());
        names.insert(keep, wanted);
    }
    names
}

/// The order groups claim names in: by kind (resource wrappers first), then size, then the
/// shape itself, so that it depends on nothing but the shapes.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    kind: u8,
    size: usize,
    required: usize,
    shape: String,
}

fn struct_fields(def: &TypeDef) -> &[Field] {
    match &def.kind {
        TypeKind::Struct { fields, .. } => fields,
        TypeKind::Enum { .. } | TypeKind::Union { .. } => &[],
    }
}

/// The field names, with `?` for optional ones: enough to order two groups that want the
/// same name.
fn shape_key(def: &TypeDef) -> String {
    struct_fields(def)
        .iter()
        .map(|f| format!("{}{}", f.name, if f.required { "" } else { "?" }))
        .collect::<Vec<_>>()
        .join(",")
}

/// Whether an inline schema is part of a request (its body or a parameter).
fn is_request_part(origin: &str) -> bool {
    origin.contains("/requestBody/") || origin.contains("/parameters/")
}

/// A struct whose every property holds the component of its own name (`invoice: Invoice`,
/// `credit_notes: [CreditNote]`), at least one of them required: its rank and candidate
/// names.
fn resource_wrapper(
    types: &[TypeDef],
    keep: usize,
    group: &[usize],
    components: &BTreeSet<&str>,
) -> Option<(Rank, Vec<String>)> {
    let fields = struct_fields(&types[keep]);
    let TypeKind::Struct { additional, .. } = &types[keep].kind else {
        return None;
    };
    if fields.is_empty() || additional.is_some() || !fields.iter().any(|f| f.required) {
        return None;
    }
    let is_resource = |f: &Field| {
        let (name, inner) = match &f.ty {
            TypeRef::Named(name) => (names::type_name(&f.name), name),
            TypeRef::Array(inner) => match inner.as_ref() {
                TypeRef::Named(name) => (names::type_name(&names::singular(&f.name)), name),
                _ => return false,
            },
            _ => return false,
        };
        &name == inner && components.contains(inner.as_str())
    };
    if !fields.iter().all(is_resource) {
        return None;
    }
    let events = group
        .iter()
        .all(|&i| types[i].ident.ends_with("EventContent"));
    let suffix = if events { "event_content" } else { "response" };
    let name = |words: &[&str]| names::type_name(&format!("{}_{suffix}", words.join("_")));
    let all: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let mut candidates = vec![name(&all[..1])];
    if let Some(last) = all.get(1..).and_then(<[&str]>::last) {
        candidates.push(name(&[all[0], last]));
    }
    candidates.push(name(&all));
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name.as_str())
        .collect();
    let optional: Vec<&str> = fields
        .iter()
        .filter(|f| !f.required)
        .map(|f| f.name.as_str())
        .collect();
    if !optional.is_empty() {
        let mut words = required.clone();
        words.push("with");
        words.extend(&optional);
        candidates.push(name(&words));
    }
    let rank = Rank {
        kind: 0,
        size: fields.len(),
        required: usize::MAX - required.len(),
        shape: shape_key(&types[keep]),
    };
    Some((rank, candidates))
}
/// Property names that do not say what a value is without their owner's name.
const GENERIC: &[&str] = &[
    "attributes",
    "body",
    "config",
    "content",
    "contents",
    "data",
    "detail",
    "details",
    "entries",
    "entry",
    "error",
    "errors",
    "event",
    "id",
    "info",
    "item",
    "items",
    "kind",
    "list",
    "message",
    "meta",
    "metadata",
    "name",
    "object",
    "options",
    "payload",
    "properties",
    "record",
    "records",
    "request",
    "response",
    "result",
    "results",
    "settings",
    "state",
    "status",
    "type",
    "types",
    "value",
    "values",
];

/// The type name for values found under `slots`: the words every slot ends with
/// (`billing_address`, `shipping_address` → `Address`); `None` when they share none, or only
/// a word too generic to name a type.
fn common_name(slots: &[&str]) -> Option<String> {
    let split: Vec<Vec<String>> = slots
        .iter()
        .map(|s| {
            // `snake` escapes keywords (`type_`): the escape is not a word.
            names::snake(s)
                .split('_')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .collect();
    let first = split.first()?;
    let mut common = first.len();
    for words in &split[1..] {
        let shared = first
            .iter()
            .rev()
            .zip(words.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        common = common.min(shared);
    }
    if common > 0 {
        let suffix = first[first.len() - common..].join("_");
        if !GENERIC.contains(&suffix.as_str()) {
            return Some(names::type_name(&suffix));
        }
    }
    // Else the words every slot starts with (`chargebee_event_actions`,
    // `chargebee_event_email` → `ChargebeeEvent`).
    let prefix = shared_prefix(&split);
    (!prefix.is_empty() && !GENERIC.contains(&prefix.join("_").as_str()))
        .then(|| names::type_name(&prefix.join("_")))
}

/// The words every list starts with.
fn shared_prefix(split: &[Vec<String>]) -> Vec<String> {
    let Some(first) = split.first() else {
        return Vec::new();
    };
    let mut common = first.len();
    for words in &split[1..] {
        common = common.min(first.iter().zip(words).take_while(|(a, b)| a == b).count());
    }
    first[..common].to_vec()
}

/// For groups found under no shared property name (response bodies, say): the words their
/// own names share, at the end (`VoidAnInvoiceResponse`, `CollectPaymentForAnInvoiceResponse`
/// → `InvoiceResponse`) or else at the start, when that is more than one generic word.
fn common_ident(idents: &[&str]) -> Option<String> {
    let split: Vec<Vec<String>> = idents
        .iter()
        .map(|i| {
            names::snake(i)
                .split('_')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .collect();
    let reversed: Vec<Vec<String>> = split
        .iter()
        .map(|w| w.iter().rev().cloned().collect())
        .collect();
    let mut suffix = shared_prefix(&reversed);
    suffix.reverse();
    // An article opens no name: `AnInvoiceResponse` reads as `InvoiceResponse`.
    while suffix
        .first()
        .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "the"))
    {
        suffix.remove(0);
    }
    let prefix = shared_prefix(&split);
    let meaningful = |words: &[String]| {
        words
            .iter()
            .filter(|w| !GENERIC.contains(&w.as_str()))
            .count()
            >= 1
            && words.len() >= 2
    };
    let shortest = split.iter().map(Vec::len).min().unwrap_or(0);
    if meaningful(&suffix) {
        Some(names::type_name(&suffix.join("_")))
    } else if meaningful(&prefix) {
        // Keep a shared ending too (`ListInvoicesResponse`, `ListInvoicesForACustomerResponse`
        // → `ListInvoicesResponse`), when the two do not overlap.
        let mut words = prefix;
        if words.len() + suffix.len() <= shortest {
            words.extend(suffix);
        }
        Some(names::type_name(&words.join("_")))
    } else {
        None
    }
}
