//! Operation method names a Rust engineer would choose, by one documented rule
//! (`docs/NAMING.md`), from the `operationId` alone (and, for resource handles, the module's
//! name): never from the spec's order, so a release that adds an operation renames no other.
//!
//! - [`short_name`]: the `operationId` in snake case without articles and without a trailing
//!   phrase it repeats (`scheduled_changes_a_subscription_scheduled_change` →
//!   `scheduled_changes_subscription`); the name of a method of `Client`.
//! - [`scoped_name`]: a short name without its module's noun, for a method of that module's
//!   handle (`retrieve_subscription` in `subscriptions` → `retrieve`).
//! - [`pick`]: the names that clash fall back to the longer name, all of them (not the second
//!   one seen), so the names do not depend on which operation comes first.

use std::collections::BTreeMap;

use super::names;

/// Words dropped wherever they are, except first or last: they carry no meaning in a name.
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Prepositions: one right before a module's noun goes with it (`list_invoices_for_customer`
/// → `list_invoices`); a noun further after one stays (`add_addon_to_pending_invoice`).
const PREPOSITIONS: &[&str] = &[
    "for", "to", "of", "on", "in", "from", "with", "by", "at", "into", "as",
];

/// The `operationId` as a `Client` method name: snake case, articles dropped, a trailing
/// phrase of two or more words that repeats earlier words (singular or plural) dropped.
/// Always a valid identifier that also names a file ([`names::file_ident`]).
pub fn short_name(operation_id: &str) -> String {
    let snake = names::snake(operation_id);
    let mut words: Vec<&str> = snake.split('_').filter(|w| !w.is_empty()).collect();
    let last = words.len().saturating_sub(1);
    let mut i = 0;
    words.retain(|w| {
        let keep = i == 0 || i == last || !ARTICLES.contains(w);
        i += 1;
        keep
    });
    drop_repeated_tail(&mut words);
    names::file_ident(&words.join("_"))
}

/// A short name without the noun of the module it sits in, for a method of that module's
/// handle: the noun at the end (with a preposition right before it: `list_invoices_for_customer`
/// in `customers` → `list_invoices`), unless it ends a phrase that a preposition further back
/// opens (`add_addon_to_pending_invoice` keeps its `invoice`); else the noun at the start
/// (`subscription_renewal_estimate` → `renewal_estimate`). A name that is only the noun is
/// kept.
pub fn scoped_name(short: &str, module: &str) -> String {
    let words: Vec<&str> = short.split('_').filter(|w| !w.is_empty()).collect();
    let noun: Vec<String> = module
        .split('_')
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(singular)
        .collect();
    let k = noun.len();
    if k == 0 || words.len() <= k {
        return short.to_owned();
    }
    let stems = |part: &[&str]| part.iter().map(|w| singular(w)).collect::<Vec<_>>();
    let n = words.len();
    let mut kept: Option<&[&str]> = None;
    if stems(&words[n - k..]) == noun {
        let mut rest = &words[..n - k];
        // An article a clash kept (`list_a_pet`) goes with its noun.
        while let Some((last, before)) = rest.split_last() {
            if !ARTICLES.contains(last) || before.is_empty() {
                break;
            }
            rest = before;
        }
        match rest.split_last() {
            Some((prep, before)) if PREPOSITIONS.contains(prep) && !before.is_empty() => {
                kept = Some(before);
            }
            _ if rest.iter().skip(1).any(|w| PREPOSITIONS.contains(w)) => {}
            _ => kept = Some(rest),
        }
    } else if stems(&words[..k]) == noun {
        kept = Some(&words[k..]);
    }
    match kept {
        Some(rest) if !rest.is_empty() => names::snake(&rest.join("_")),
        _ => short.to_owned(),
    }
}

/// For each key, its wanted name, or its fallback when another key wants the same name (or
/// the name is `taken`): every key of a clash falls back, whichever comes first.
pub fn pick<K: Ord + Clone>(
    wanted: &BTreeMap<K, (String, String)>,
    taken: impl Fn(&str) -> bool,
) -> BTreeMap<K, String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for (name, _) in wanted.values() {
        *count.entry(name.as_str()).or_default() += 1;
    }
    wanted
        .iter()
        .map(|(key, (name, fallback))| {
            let clash = count.get(name.as_str()).copied().unwrap_or(0) > 1 || taken(name);
            let chosen = if clash { fallback } else { name };
            (key.clone(), chosen.clone())
        })
        .collect()
}

/// Drops a trailing phrase of two or more words that the name already has earlier.
fn drop_repeated_tail(words: &mut Vec<&str>) {
    let n = words.len();
    for len in (2..=n / 2).rev() {
        let tail: Vec<String> = words[n - len..].iter().map(|w| singular(w)).collect();
        let repeated = (0..=n - 2 * len).any(|start| {
            words[start..start + len]
                .iter()
                .map(|w| singular(w))
                .eq(tail.iter().cloned())
        });
        if repeated {
            words.truncate(n - len);
            return;
        }
    }
}

/// A word's singular, enough to tell `invoices` and `invoice` apart as the same noun
/// (`addresses` → `address`, `policies` → `policy`); not English grammar.
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{stem}y");
    }
    for ending in ["sses", "shes", "ches", "xes", "zes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_owned();
        }
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..word.len() - 1].to_owned();
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_and_repeated_phrases_go() {
        let cases = [
            ("retrieve_a_subscription", "retrieve_subscription"),
            ("void_an_invoice", "void_invoice"),
            (
                "scheduled_changes_a_subscription_scheduled_change",
                "scheduled_changes_subscription",
            ),
            (
                "update_scheduled_changes_a_subscription_scheduled_change",
                "update_scheduled_changes_subscription",
            ),
            (
                "create_invoice_for_a_non-recurring_addon",
                "create_invoice_for_non_recurring_addon",
            ),
            ("resume_dunning", "resume_dunning"),
            ("listPets", "list_pets"),
            // First and last words stay, even when they are articles.
            ("a_b_an", "a_b_an"),
            // A one-word repetition is not filler (`copy_file_to_file`).
            ("copy_file_to_file", "copy_file_to_file"),
        ];
        for (id, short) in cases {
            assert_eq!(short_name(id), short, "{id}");
        }
    }

    #[test]
    fn handles_drop_their_module_noun() {
        let cases = [
            ("retrieve_subscription", "subscriptions", "retrieve"),
            ("list_subscriptions", "subscriptions", "list"),
            (
                "list_subscriptions_for_customer",
                "customers",
                "list_subscriptions",
            ),
            ("add_contacts_to_customer", "customers", "add_contacts"),
            (
                "scheduled_changes_subscription",
                "subscriptions",
                "scheduled_changes",
            ),
            (
                "subscription_renewal_estimate",
                "subscriptions",
                "renewal_estimate",
            ),
            (
                "update_subscription_estimate",
                "estimates",
                "update_subscription",
            ),
            ("retrieve_address", "addresses", "retrieve"),
            ("retrieve_hosted_page", "hosted_pages", "retrieve"),
            // The noun of a phrase a preposition opens stays.
            (
                "add_non_recurring_addon_to_pending_invoice",
                "invoices",
                "add_non_recurring_addon_to_pending_invoice",
            ),
            // In the middle, it stays.
            (
                "retrieve_invoice_as_pdf",
                "invoices",
                "retrieve_invoice_as_pdf",
            ),
            // Only the noun: kept.
            ("subscription", "subscriptions", "subscription"),
            ("resume_dunning", "invoices", "resume_dunning"),
            // GitHub's `pulls/list` in the `pulls` tag.
            ("pulls_list", "pulls", "list"),
            // An article before the noun goes with it.
            ("list_a_pet", "pets", "list"),
            // A keyword left alone gets its underscore.
            ("move_subscription", "subscriptions", "move_"),
        ];
        for (short, module, scoped) in cases {
            assert_eq!(scoped_name(short, module), scoped, "{short} in {module}");
        }
    }

    #[test]
    fn clashes_fall_back_whatever_the_order() {
        let mut wanted = BTreeMap::new();
        wanted.insert("b", ("list".to_owned(), "list_b".to_owned()));
        wanted.insert("a", ("list".to_owned(), "list_a".to_owned()));
        wanted.insert("c", ("new".to_owned(), "new_c".to_owned()));
        wanted.insert("d", ("get".to_owned(), "get_d".to_owned()));
        let picked = pick(&wanted, |name| name == "new");
        assert_eq!(picked["a"], "list_a");
        assert_eq!(picked["b"], "list_b");
        assert_eq!(picked["c"], "new_c");
        assert_eq!(picked["d"], "get");
    }
}
