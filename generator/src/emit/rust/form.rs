//! Values written as `key=value` pairs: `application/x-www-form-urlencoded` bodies, query
//! strings, and the lists and objects of headers and cookies.
//!
//! What is written comes from the IR: each parameter's `style`, `explode` and
//! `allowReserved`, each form field's `encoding`, and the conventions for what OpenAPI leaves
//! open (`Nesting`, recorded on each of them from the settings). The code only spells it out:
//!
//! - plain values at the top are appended directly (`name=text`), lists of them as their
//!   keys say (`k=a&k=b`, `k[0]=a`, `k[]=a`);
//! - anything else is appended at a `runtime::Key`, which places indexes and brackets as the
//!   conventions say (`a[b][0]`, `a[0][b]`, `R=100` for OpenAPI's `form` objects);
//! - every struct and union that can appear gets an `append_form(form, key)` method (plain
//!   generated code, no serializer magic): unions write the variant they hold, so a string
//!   variant is its text and the empty-string variant `key=`;
//! - non-exploded styles collect the pairs first, then join them (`color=R,100,G,200`).
//!
//! This module writes the top-level values; [`append_form`](super::append_form) appends
//! everything below them at a key.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::append_form::{append_at, KeyExpr};
use super::wire::{is_scalar, wire_text};
use crate::ir::{Api, ArrayKeys, FreeForm, Nesting, ObjectArrays, ParamStyle, TypeRef};

/// The form being written: `form` names it for method calls, `arg` when passing it on
/// (`form`/`form` inside `append_form`, `form`/`&mut form` for a local).
#[derive(Clone)]
pub(super) struct Target {
    pub form: TokenStream,
    pub arg: TokenStream,
}

impl Target {
    /// A local `runtime::Form` named `name`.
    pub(super) fn local(name: &str) -> Self {
        let name = format_ident!("{name}");
        Self {
            form: quote!(#name),
            arg: quote!(&mut #name),
        }
    }
}

/// The module-level constants holding the [`Nesting`]s a module's operations use, named in
/// the order first used (`NESTING`, `NESTING_2`, ...).
#[derive(Default)]
pub(super) struct Nestings(Vec<Nesting>);

impl Nestings {
    /// The constant holding `nesting`.
    fn name(&mut self, nesting: Nesting) -> TokenStream {
        let at = match self.0.iter().position(|n| *n == nesting) {
            Some(at) => at,
            None => {
                self.0.push(nesting);
                self.0.len() - 1
            }
        };
        let name = const_name(at);
        quote!(#name)
    }

    /// The constants' definitions.
    pub(super) fn definitions(&self) -> TokenStream {
        let defs = self.0.iter().enumerate().map(|(at, n)| {
            let name = const_name(at);
            let arrays = array_keys(n.arrays);
            let object_arrays = match n.object_arrays {
                ObjectArrays::IndexFirst => quote!(runtime::ObjectArrays::IndexFirst),
                ObjectArrays::IndexLast => quote!(runtime::ObjectArrays::IndexLast),
            };
            let free_form = match n.free_form {
                FreeForm::Brackets => quote!(runtime::FreeForm::Brackets),
                FreeForm::Json => quote!(runtime::FreeForm::Json),
            };
            let doc = format!(
                " How values below the top level are keyed: lists {}, lists of objects {}, \
                 free-form objects {}.",
                match n.arrays {
                    ArrayKeys::Repeat => "`a[b]=1&a[b]=2`",
                    ArrayKeys::Indexed => "`a[b][0]=1`",
                    ArrayKeys::Brackets => "`a[b][]=1`",
                },
                match n.object_arrays {
                    ObjectArrays::IndexFirst => "`a[0][b]=1`",
                    ObjectArrays::IndexLast => "`a[b][0]=1`",
                },
                match n.free_form {
                    FreeForm::Brackets => "`a[k]=v`",
                    FreeForm::Json => "as JSON text",
                },
            );
            quote! {
                #[doc = #doc]
                const #name: runtime::Nesting = runtime::Nesting {
                    arrays: #arrays,
                    object_arrays: #object_arrays,
                    free_form: #free_form,
                };
            }
        });
        quote!(#(#defs)*)
    }
}

fn const_name(at: usize) -> proc_macro2::Ident {
    if at == 0 {
        format_ident!("NESTING")
    } else {
        format_ident!("NESTING_{}", at + 1)
    }
}

fn array_keys(keys: ArrayKeys) -> TokenStream {
    match keys {
        ArrayKeys::Repeat => quote!(runtime::ArrayKeys::Repeat),
        ArrayKeys::Indexed => quote!(runtime::ArrayKeys::Indexed),
        ArrayKeys::Brackets => quote!(runtime::ArrayKeys::Brackets),
    }
}

/// How a top-level value (a form field, a query parameter) is written.
#[derive(Clone, Copy)]
pub(super) enum Top {
    /// One JSON text (`encoding` with `contentType: application/json`).
    Json,
    /// Entry by entry: object properties in brackets (`deepObject`) or as keys of their own
    /// (`form` with `explode: true`); `list` keys the value's own list items.
    Entries {
        spread: bool,
        list: ArrayKeys,
        nesting: Nesting,
        reserved: bool,
    },
    /// One value joined with separators (`form` without `explode`, `spaceDelimited`,
    /// `pipeDelimited`).
    Joined {
        join: Join,
        nesting: Nesting,
        reserved: bool,
    },
}

/// The separators of a joined value (`runtime::Join`).
#[derive(Clone, Copy)]
pub(super) enum Join {
    Comma,
    CommaPairs,
    Space,
    Pipe,
}

impl Join {
    fn tokens(self) -> TokenStream {
        match self {
            Join::Comma => quote!(runtime::Join::Comma),
            Join::CommaPairs => quote!(runtime::Join::CommaPairs),
            Join::Space => quote!(runtime::Join::Space),
            Join::Pipe => quote!(runtime::Join::Pipe),
        }
    }
}

impl Top {
    /// How a query parameter or form field of `style`/`explode` is written.
    pub(super) fn of(
        style: ParamStyle,
        explode: bool,
        list: ArrayKeys,
        nesting: Nesting,
        reserved: bool,
    ) -> Top {
        let entries = |spread| Top::Entries {
            spread,
            list,
            nesting,
            reserved,
        };
        match style {
            ParamStyle::DeepObject => entries(false),
            ParamStyle::Form if explode => entries(true),
            ParamStyle::SpaceDelimited | ParamStyle::PipeDelimited if explode => Top::Entries {
                spread: true,
                list: ArrayKeys::Repeat,
                nesting,
                reserved,
            },
            ParamStyle::SpaceDelimited => Top::Joined {
                join: Join::Space,
                nesting,
                reserved,
            },
            ParamStyle::PipeDelimited => Top::Joined {
                join: Join::Pipe,
                nesting,
                reserved,
            },
            ParamStyle::Form | ParamStyle::Simple | ParamStyle::Label | ParamStyle::Matrix => {
                Top::Joined {
                    join: Join::Comma,
                    nesting,
                    reserved,
                }
            }
        }
    }
}

/// Statements appending the top-level value `value` (an expression of type `&T`) named
/// `name` to `target`, as `top` says.
pub(super) fn append_top(
    api: &Api,
    ty: &TypeRef,
    value: TokenStream,
    name: &str,
    top: Top,
    target: &Target,
    nestings: &mut Nestings,
) -> TokenStream {
    let form = &target.form;
    match top {
        Top::Json => quote!(#form.append(#name, &runtime::json(#name, #value)?);),
        Top::Entries { reserved: true, .. } | Top::Joined { .. } => {
            // Collected first: joined into one value, or moved with reserved characters kept.
            let parts = Target::local("parts");
            let (collect, finish) = match top {
                Top::Joined {
                    join,
                    nesting,
                    reserved,
                } => {
                    let root = Root {
                        spread: true,
                        list: ArrayKeys::Repeat,
                        nesting,
                    };
                    let collect = entries(api, ty, (value, name), root, &parts, nestings);
                    let join = join.tokens();
                    let finish = quote! {
                        #form.append_encoded(#name, runtime::joined_query(&parts, #name, #join, #reserved));
                    };
                    (collect, finish)
                }
                Top::Entries {
                    spread,
                    list,
                    nesting,
                    ..
                } => {
                    let root = Root {
                        spread,
                        list,
                        nesting,
                    };
                    (
                        entries(api, ty, (value, name), root, &parts, nestings),
                        quote!(#form.append_reserved(parts);),
                    )
                }
                Top::Json => (TokenStream::new(), TokenStream::new()),
            };
            quote! {
                let mut parts = runtime::Form::new();
                #collect
                #finish
            }
        }
        Top::Entries {
            spread,
            list,
            nesting,
            reserved: false,
        } => {
            let root = Root {
                spread,
                list,
                nesting,
            };
            entries(api, ty, (value, name), root, target, nestings)
        }
    }
}

/// A header's or cookie's value as one text: statements collecting it, and the expression
/// (of type `&str`) giving it. A plain value is its text; lists and objects are joined as the
/// `simple` and `form` styles join them (`a,b`, `R,100,G,200`, exploded `R=100,G=200`).
pub(super) fn joined_text(
    api: &Api,
    ty: &TypeRef,
    value: TokenStream,
    name: &str,
    explode: bool,
    nesting: Nesting,
    nestings: &mut Nestings,
) -> (TokenStream, TokenStream) {
    if is_scalar(ty, api) {
        return (TokenStream::new(), wire_text(ty, value, api, name));
    }
    let parts = Target::local("parts");
    let root = Root {
        spread: true,
        list: ArrayKeys::Repeat,
        nesting,
    };
    let collect = entries(api, ty, (value, name), root, &parts, nestings);
    let join = if explode {
        Join::CommaPairs
    } else {
        Join::Comma
    }
    .tokens();
    (
        quote! {
            let mut parts = runtime::Form::new();
            #collect
        },
        quote!(&runtime::joined_text(&parts, #name, #join)),
    )
}

/// Where a top-level value's entries go: object properties in brackets, or as keys of their
/// own (`spread`); its own list items keyed by `list`; deeper values by `nesting`.
#[derive(Clone, Copy)]
struct Root {
    spread: bool,
    list: ArrayKeys,
    nesting: Nesting,
}

/// Statements writing a top-level value entry by entry.
fn entries(
    api: &Api,
    ty: &TypeRef,
    (value, name): (TokenStream, &str),
    root: Root,
    target: &Target,
    nestings: &mut Nestings,
) -> TokenStream {
    let Root {
        spread,
        list,
        nesting,
    } = root;
    let form = &target.form;
    if is_scalar(ty, api) {
        let text = wire_text(ty, value, api, name);
        return quote!(#form.append(#name, #text););
    }
    if let TypeRef::Array(item) = ty {
        if is_scalar(item, api) {
            // Lists of plain values need no key: they are keyed here.
            let text = wire_text(item, quote!(item), api, name);
            return match list {
                ArrayKeys::Repeat => quote! {
                    for item in #value {
                        #form.append(#name, #text);
                    }
                },
                ArrayKeys::Indexed => {
                    let format = format!("{}[{{index}}]", escape(name));
                    quote! {
                        for (index, item) in #value.iter().enumerate() {
                            #form.append(&format!(#format), #text);
                        }
                    }
                }
                ArrayKeys::Brackets => {
                    let key = format!("{name}[]");
                    quote! {
                        for item in #value {
                            #form.append(#key, #text);
                        }
                    }
                }
            };
        }
    }
    let nesting = nestings.name(nesting);
    let list = array_keys(list);
    let constructor = if spread { quote!(spread) } else { quote!(new) };
    let body = append_at(api, ty, value, &KeyExpr::Bound, target);
    quote! {
        let key = &runtime::Key::#constructor(#name, #list, #nesting);
        #body
    }
}

/// Escapes a wire name for use inside a format string.
fn escape(name: &str) -> String {
    name.replace('{', "{{").replace('}', "}}")
}
