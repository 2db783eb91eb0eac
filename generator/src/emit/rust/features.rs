//! Cargo features: one per module of operations (named as the module) and `webhooks` when the
//! API has webhooks, all on by default. A crate that needs some modules turns the default off
//! and names them; it then compiles only those modules and the items they reach.
//!
//! Computed once per API: which features reach each named type (through request fields,
//! success and error bodies, common parameters, webhook payloads, then fields, items, union
//! variants and additional properties), which reach each type's `append_form` (form bodies and
//! deepObject parameters only: the method is `pub(crate)`, so it must not be compiled where
//! nothing calls it), which use each error set, and which use the common parameters.
//!
//! A public item reached by every feature, or by none (a component schema no operation uses),
//! is not gated: compiled with any subset, it is public, so never dead code; and what it
//! reaches is then always compiled too.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::quote;

use super::print::split;
use crate::emit::snippets::features::{names, WEBHOOKS};
use crate::ir::{Api, Operation, TypeKind, TypeRef};

/// When an item is compiled.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gate {
    /// Always (no attribute).
    Always,
    /// When any of these features is on (never, when empty).
    Any(BTreeSet<String>),
}

impl Gate {
    /// When any of `gates` is (always, for none: an empty module is harmless). Not made
    /// [`Gate::Always`] when every feature is named: an import compiled where none of its
    /// users is would be unused.
    pub(crate) fn union<'g>(gates: impl IntoIterator<Item = &'g Gate>) -> Gate {
        let mut all = BTreeSet::new();
        let mut any = false;
        for gate in gates {
            any = true;
            match gate {
                Gate::Always => return Gate::Always,
                Gate::Any(features) => all.extend(features.iter().cloned()),
            }
        }
        if any {
            Gate::Any(all)
        } else {
            Gate::Always
        }
    }

    fn one(feature: &str) -> Gate {
        Gate::Any(BTreeSet::from([feature.to_owned()]))
    }

    /// The `#[cfg(..)]` attribute, or nothing for [`Gate::Always`].
    pub(crate) fn attr(&self) -> TokenStream {
        match self {
            Gate::Always => TokenStream::new(),
            Gate::Any(_) => {
                let condition = self.condition();
                quote!(#[cfg(#condition)])
            }
        }
    }

    /// The condition of the `cfg` attribute (`feature = "a"`, `any(feature = "a", ..)`);
    /// `all()`, which always holds, for [`Gate::Always`].
    pub(crate) fn condition(&self) -> TokenStream {
        match self {
            Gate::Always => quote!(all()),
            Gate::Any(features) => match features.iter().collect::<Vec<_>>().as_slice() {
                [one] => quote!(feature = #one),
                many => quote!(any(#(feature = #many),*)),
            },
        }
    }

    /// Whether an item under this gate is compiled whenever one under `outer` is: an item
    /// inside a module gated by `outer` needs no attribute of its own then.
    pub(crate) fn covers(&self, outer: &Gate) -> bool {
        match (self, outer) {
            (Gate::Always, _) => true,
            (Gate::Any(_), Gate::Always) => false,
            (Gate::Any(mine), Gate::Any(theirs)) => theirs.is_subset(mine),
        }
    }

    /// The attribute an item under this gate needs inside a module gated by `outer`.
    pub(crate) fn attr_within(&self, outer: &Gate) -> TokenStream {
        if self.covers(outer) {
            TokenStream::new()
        } else {
            self.attr()
        }
    }
}

/// The features of a generated crate and what each reaches.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    /// Every feature, sorted; empty when nothing is gated.
    names: BTreeSet<String>,
    types: BTreeMap<String, Gate>,
    forms: BTreeMap<String, Gate>,
    error_sets: BTreeMap<String, Gate>,
    common: Option<Gate>,
}

impl Features {
    /// No features: every item compiled (the single-file form for `include!`, whose including
    /// crate has no such features).
    pub(crate) fn none() -> Features {
        Features::default()
    }

    /// The features of `api` and what each reaches.
    pub(crate) fn of(api: &Api) -> Features {
        let groups = super::operations::groups(api);
        let names: BTreeSet<String> = names(api).into_iter().collect();
        // Every type each feature reaches, and every type it reaches through form encoding.
        let mut reach: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let mut form_reach: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (group, ops) in &groups {
            let mut roots: Vec<&TypeRef> = Vec::new();
            for op in ops {
                roots.extend(operation_roots(op));
                if op.common_params().next().is_some() {
                    // `CommonParameters` holds every common parameter, whichever it sends.
                    roots.extend(
                        api.common
                            .iter()
                            .flat_map(|c| c.params.iter().map(|p| &p.ty)),
                    );
                }
            }
            for ty in reachable(api, roots) {
                reach.entry(ty).or_default().insert(group.clone());
            }
            for ty in super::append_form::form_reach(api, ops.iter().copied()) {
                form_reach.entry(ty).or_default().insert(group.clone());
            }
        }
        let payloads = api.webhooks.iter().filter_map(|w| w.payload.as_ref());
        for ty in reachable(api, payloads.collect()) {
            reach.entry(ty).or_default().insert(WEBHOOKS.to_owned());
        }
        // What no feature reaches is always compiled, and so is everything it reaches.
        let unreached: Vec<TypeRef> = api
            .types
            .iter()
            .filter(|t| !reach.contains_key(t.ident.as_str()))
            .map(|t| TypeRef::Named(t.ident.clone()))
            .collect();
        let always = reachable(api, unreached.iter().collect());
        let normalized = |features: BTreeSet<String>| {
            if features == names {
                Gate::Always
            } else {
                Gate::Any(features)
            }
        };
        let types = api
            .types
            .iter()
            .map(|t| {
                let gate = match reach.get(t.ident.as_str()) {
                    Some(features) if !always.contains(t.ident.as_str()) => {
                        normalized(features.clone())
                    }
                    _ => Gate::Always,
                };
                (t.ident.clone(), gate)
            })
            .collect();
        // Never normalized: `append_form` is `pub(crate)`, dead code wherever nothing calls it.
        let forms = form_reach
            .into_iter()
            .map(|(ty, features)| (ty, Gate::Any(features)))
            .collect();
        // The modules whose operations return each error set.
        let mut set_groups: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for op in &api.operations {
            set_groups
                .entry(api.error_set(op.errors).ident.as_str())
                .or_default()
                .insert(op.group.clone());
        }
        let error_sets = api
            .error_sets
            .iter()
            .map(|set| {
                let features = set_groups.remove(set.ident.as_str()).unwrap_or_default();
                (set.ident.clone(), normalized(features))
            })
            .collect();
        let common = api.common.as_ref().map(|_| {
            normalized(
                api.operations
                    .iter()
                    .filter(|op| op.common_params().next().is_some())
                    .map(|op| op.group.clone())
                    .collect(),
            )
        });
        Features {
            names,
            types,
            forms,
            error_sets,
            common,
        }
    }

    /// Every feature, sorted (empty for [`Features::none`]).
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    /// When the named type is compiled.
    pub(crate) fn of_type(&self, ident: &str) -> Gate {
        self.types.get(ident).cloned().unwrap_or(Gate::Always)
    }

    /// When the named type's `append_form` is compiled (only asked of types that have one).
    pub(crate) fn of_form(&self, ident: &str) -> Gate {
        self.forms.get(ident).cloned().unwrap_or(Gate::Always)
    }

    /// When the error enum of this error set is compiled.
    pub(crate) fn of_error_set(&self, ident: &str) -> Gate {
        self.error_sets.get(ident).cloned().unwrap_or(Gate::Always)
    }

    /// When `CommonParameters` is compiled.
    pub(crate) fn of_common(&self) -> Gate {
        self.common.clone().unwrap_or(Gate::Always)
    }

    /// When a module of `lib.rs` is compiled: a module of operations and `webhooks` under
    /// their features, `responses`, `common` and `types` when something in them is.
    pub(crate) fn of_module(&self, name: &str) -> Gate {
        match name {
            "responses" => Gate::union(self.error_sets.values()),
            "common" => self.of_common(),
            "types" => Gate::union(self.types.values()),
            // The webhook signatures serve only `webhooks::verify_and_parse`.
            apiforge_runtime::WEBHOOK_SIGNATURES if self.names.contains(WEBHOOKS) => {
                Gate::one(WEBHOOKS)
            }
            _ if self.names.contains(name) => Gate::one(name),
            _ => Gate::Always,
        }
    }
}

/// The types an operation names: its parameters, body fields and response bodies.
fn operation_roots(op: &Operation) -> impl Iterator<Item = &TypeRef> {
    op.params
        .iter()
        .filter(|p| !p.common)
        .map(|p| &p.ty)
        .chain(op.body.iter().flat_map(|b| b.fields.iter().map(|f| &f.ty)))
        .chain(op.responses.iter().filter_map(|r| r.body.as_ref()))
}

/// The named types reachable from `roots` through fields, items, union variants and
/// additional properties.
fn reachable<'a>(api: &'a Api, mut stack: Vec<&'a TypeRef>) -> BTreeSet<&'a str> {
    let mut found = BTreeSet::new();
    while let Some(ty) = stack.pop() {
        match ty {
            TypeRef::Array(inner) | TypeRef::Map(inner) => stack.push(inner),
            TypeRef::Named(name) => {
                let Some(def) = api.type_def(name) else {
                    continue;
                };
                if !found.insert(def.ident.as_str()) {
                    continue;
                }
                match &def.kind {
                    TypeKind::Struct { fields, additional } => {
                        stack.extend(fields.iter().map(|f| &f.ty));
                        stack.extend(additional.iter());
                    }
                    TypeKind::Union { variants, .. } => {
                        stack.extend(variants.iter().map(|v| &v.ty))
                    }
                    TypeKind::Enum { .. } => {}
                }
            }
            TypeRef::String(_)
            | TypeRef::Integer(_)
            | TypeRef::Number
            | TypeRef::Boolean
            | TypeRef::Any => {}
        }
    }
    found
}

/// Adds `gate`'s attribute to every item of `tokens` (a type with its impls), after the item's
/// doc attributes (some under `cfg_attr`), so that the item still reads doc first. Works on
/// the tokens (items are found by [`super::print::split`]), without parsing them.
pub(crate) fn gate_items(tokens: TokenStream, gate: &Gate) -> TokenStream {
    if *gate == Gate::Always {
        return tokens;
    }
    let attr = gate.attr();
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut gated = TokenStream::new();
    let mut start = 0;
    while start < trees.len() {
        let end = split::item_end(&trees, start);
        let mut at = start;
        while at + 1 < end && split::is_punct(trees.get(at), '#') && is_doc(&trees[at + 1]) {
            at += 2;
        }
        gated.extend(trees[start..at].iter().cloned());
        gated.extend(attr.clone());
        gated.extend(trees[at..end].iter().cloned());
        start = end;
    }
    gated
}

/// Whether `tree` is the bracketed part of a `doc` or `cfg_attr` attribute.
fn is_doc(tree: &TokenTree) -> bool {
    let TokenTree::Group(group) = tree else {
        return false;
    };
    group.delimiter() == Delimiter::Bracket
        && matches!(
            group.stream().into_iter().next(),
            Some(TokenTree::Ident(path)) if path == "doc" || path == "cfg_attr"
        )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{Features, Gate};
    use crate::ir::{Api, TypeDef, TypeKind, TypeRef, Types};

    const SHOP: &str = "openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /customers:
    post:
      operationId: createCustomer
      tags: [customers]
      parameters:
        - $ref: '#/components/parameters/Origin'
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                address: {$ref: '#/components/schemas/Address'}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Customer'}
        '404':
          description: Not found
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Problem'}
  /invoices:
    get:
      operationId: listInvoices
      tags: [invoices]
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Invoice'}
        '404':
          description: Not found
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Problem'}
  /notes:
    get:
      operationId: listNotes
      tags: [notes]
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                additionalProperties: {$ref: '#/components/schemas/Note'}
webhooks:
  customer_created:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Customer'}
      responses:
        '200': {description: OK}
components:
  parameters:
    Origin:
      name: x-origin
      in: header
      schema: {$ref: '#/components/schemas/Origin'}
  schemas:
    Origin: {type: string, enum: [web, app]}
    Address:
      type: object
      properties:
        city: {type: string}
    Customer:
      type: object
      properties:
        id: {type: string}
        billing: {$ref: '#/components/schemas/Address'}
        payment: {$ref: '#/components/schemas/Payment'}
    Payment:
      oneOf:
        - {$ref: '#/components/schemas/Card'}
        - {type: string}
    Card:
      type: object
      properties:
        last4: {type: string}
    Invoice:
      type: object
      properties:
        id: {type: string}
        customer: {$ref: '#/components/schemas/Customer'}
    Problem:
      type: object
      properties:
        message: {type: string}
    Note:
      type: object
      properties:
        text: {type: string}
";

    fn any(features: &[&str]) -> Gate {
        Gate::Any(features.iter().map(|f| (*f).to_owned()).collect())
    }

    fn shop() -> Api {
        let loaded = crate::load::load_bytes(Path::new("shop.yaml"), SHOP.as_bytes(), false)
            .expect("the spec loads");
        crate::ir::lower_api(&loaded, &crate::Settings::default(), &mut Vec::new())
            .expect("the spec lowers")
    }

    #[test]
    fn each_item_is_gated_by_the_features_that_reach_it() {
        let mut api = shop();
        let features = Features::of(&api);
        assert_eq!(
            features.names().collect::<Vec<_>>(),
            ["customers", "invoices", "notes", "webhooks"]
        );
        // Through a union variant, an array item, a webhook payload.
        let customer = any(&["customers", "invoices", "webhooks"]);
        assert_eq!(features.of_type("Customer"), customer);
        assert_eq!(features.of_type("Card"), customer);
        assert_eq!(features.of_type("Payment"), customer);
        assert_eq!(features.of_type("Invoice"), any(&["invoices"]));
        // A request body field and a response's nested field.
        assert_eq!(features.of_type("Address"), customer);
        // A common parameter.
        assert_eq!(features.of_type("Origin"), any(&["customers"]));
        // An error body.
        assert_eq!(features.of_type("Problem"), any(&["customers", "invoices"]));
        // Additional properties.
        assert_eq!(features.of_type("Note"), any(&["notes"]));
        // Only the form body calls `append_form`.
        assert_eq!(features.of_form("Address"), any(&["customers"]));
        assert_eq!(features.of_common(), any(&["customers"]));
        let error_sets: Vec<(String, Gate)> = api
            .error_sets
            .iter()
            .map(|set| (set.ident.clone(), features.of_error_set(&set.ident)))
            .collect();
        assert_eq!(
            error_sets,
            [
                ("ErrorResponse".to_owned(), any(&["customers", "invoices"])),
                ("ListNotesError".to_owned(), any(&["notes"]))
            ]
        );
        assert_eq!(features.of_module("notes"), any(&["notes"]));
        // Every feature, yet gated: with none, no type is compiled.
        assert_eq!(
            features.of_module("types"),
            any(&["customers", "invoices", "notes", "webhooks"])
        );
        assert_eq!(features.of_module("servers"), Gate::Always);
        assert_eq!(
            features.of_module("responses"),
            any(&["customers", "invoices", "notes"])
        );

        // A type no feature reaches (lowering drops unused component schemas, so one is added
        // here) is always compiled, and so is what it reaches.
        let mut types: Vec<TypeDef> = api.types.to_vec();
        let mut unused = api.type_def("Invoice").expect("Invoice").clone();
        unused.ident = "Unused".to_owned();
        if let TypeKind::Struct { fields, .. } = &mut unused.kind {
            fields.truncate(1);
            fields[0].ty = TypeRef::Named("Note".to_owned());
        }
        types.push(unused);
        api.types = Types::new(types);
        let features = Features::of(&api);
        assert_eq!(features.of_type("Unused"), Gate::Always);
        assert_eq!(features.of_type("Note"), Gate::Always);
        assert_eq!(features.of_type("Invoice"), any(&["invoices"]));
        assert_eq!(features.of_module("types"), Gate::Always);
    }

    #[test]
    fn the_crate_is_gated_and_the_single_file_form_is_not() {
        let api = shop();
        let settings = crate::Settings::default();
        let files = crate::emit::emit(&api, &settings, &mut crate::profile::Stages::default())
            .expect("the crate emits");
        assert!(files["Cargo.toml"].contains(
            "default = [\n    \"rustls\",\n    \"customers\",\n    \"invoices\",\n    \"notes\",\n    \"webhooks\",\n    \"tracing\",\n]\n"
        ));
        assert!(files["Cargo.toml"].contains("\ncustomers = []\n"));
        let lib = &files["src/lib.rs"];
        assert!(lib.contains("#[cfg(feature = \"notes\")]\n#[rustfmt::skip]\npub mod notes;"));
        assert!(lib.contains("#[cfg(feature = \"webhooks\")]\n#[rustfmt::skip]\npub mod webhooks;"));
        assert!(files["src/types.rs"].contains("#[cfg(feature = \"invoices\")]\n"));
        // An include!d file belongs to a crate without these features; only `tracing`, the
        // optional dependency's own feature, remains.
        let krate = crate::emit::CrateInfo::new(&api, &settings).expect("a crate name");
        let single = super::super::emit_single_file(&api, &krate).expect("the file emits");
        assert_eq!(
            single.matches("feature =").count(),
            single.matches("feature = \"tracing\"").count(),
            "{single}"
        );
    }

    #[test]
    fn gates_print_as_cfg_attributes() {
        assert_eq!(Gate::Always.attr().to_string(), "");
        assert_eq!(any(&["a"]).attr().to_string(), "# [cfg (feature = \"a\")]");
        assert_eq!(
            any(&["a", "b"]).attr().to_string(),
            "# [cfg (any (feature = \"a\" , feature = \"b\"))]"
        );
        assert!(any(&["a"]).covers(&any(&["a"])));
        assert!(!any(&["a"]).covers(&any(&["a", "b"])));
        assert!(any(&["a", "b"]).covers(&any(&["a"])));
        assert!(!any(&["a"]).covers(&Gate::Always));
    }
}
