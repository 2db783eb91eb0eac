//! A paginated operation's streams: `<op>_pages`, every page, and `<op>_items`, every item of
//! every page. Each hands the runtime's one pager (`paging::pages`) a closure that sends one
//! request and says what the next request is, in the operation's pagination style.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_lines, ident, rust_type};
use crate::ir::{Api, FieldPath, Operation, PageEnd, PageStyle, Pagination, Success, TypeRef};

/// Where a page's value is: a place of the type itself, or an `Option` of a reference to it.
enum Reach {
    Place(TokenStream),
    Maybe(TokenStream),
}

/// A reference to the value at `path` from `base`, without cloning it.
fn reach(base: TokenStream, path: &FieldPath) -> Reach {
    let mut at = Reach::Place(base);
    for step in &path.0 {
        let field = ident(&step.ident);
        // A three-state `Nullable` reads as an `Option` too: absent and null both mean none.
        let as_option = if step.tristate {
            quote!(as_option)
        } else {
            quote!(as_ref)
        };
        at = match (at, step.optional) {
            (Reach::Place(place), false) => Reach::Place(quote!(#place.#field)),
            (Reach::Place(place), true) => Reach::Maybe(quote!(#place.#field.#as_option())),
            (Reach::Maybe(maybe), false) => Reach::Maybe(quote!(#maybe.map(|value| &value.#field))),
            (Reach::Maybe(maybe), true) => {
                Reach::Maybe(quote!(#maybe.and_then(|value| value.#field.#as_option())))
            }
        };
    }
    at
}

/// Whether the boolean at `path` is true (absent reads as false).
fn is_true(base: TokenStream, path: &FieldPath) -> TokenStream {
    match reach(base, path) {
        Reach::Place(place) => place,
        Reach::Maybe(maybe) => quote!(#maybe == Some(&true)),
    }
}

/// An owned `Option` of the token at `path`, empty strings read as none.
fn token(base: TokenStream, path: &FieldPath, ty: &TypeRef) -> TokenStream {
    let copy = matches!(ty, TypeRef::Integer(_));
    let owned = match (reach(base, path), copy) {
        (Reach::Place(place), true) => quote!(Some(#place)),
        (Reach::Place(place), false) => quote!(Some(#place.clone())),
        (Reach::Maybe(maybe), true) => quote!(#maybe.copied()),
        (Reach::Maybe(maybe), false) => quote!(#maybe.cloned()),
    };
    if copy {
        owned
    } else {
        quote!(#owned.filter(|token| !token.is_empty()))
    }
}

/// The page's items, moved out of `body`.
fn owned_items(body: TokenStream, path: &FieldPath) -> TokenStream {
    let mut certain = true;
    let mut at = body;
    for step in &path.0 {
        let field = ident(&step.ident);
        let into_option = step.tristate.then(|| quote!(.into_option()));
        at = match (certain, step.optional) {
            (true, _) => quote!(#at.#field #into_option),
            (false, false) => quote!(#at.map(|value| value.#field)),
            (false, true) => quote!(#at.and_then(|value| value.#field #into_option)),
        };
        certain &= !step.optional;
    }
    if certain {
        at
    } else {
        quote!(#at.unwrap_or_default())
    }
}

/// The statement computing `next` (an `Option` of the parameter's next value) from `page`
/// and `request`.
fn next_value(op: &Operation, pagination: &Pagination, param_ty: &TypeRef) -> TokenStream {
    let param = op
        .params
        .iter()
        .find(|p| p.name == pagination.param)
        .map_or_else(|| ident("page"), |p| ident(&p.ident));
    let required = op
        .params
        .iter()
        .any(|p| p.name == pagination.param && p.required);
    let items = pagination.items.as_ref();
    let non_empty = || match items.map(|items| reach(quote!(page), &items.path)) {
        Some(Reach::Place(list)) => quote!(!#list.is_empty()),
        Some(Reach::Maybe(list)) => quote!(#list.is_some_and(|items| !items.is_empty())),
        None => quote!(true),
    };
    match &pagination.style {
        PageStyle::NextToken { field } => {
            let next = token(quote!(page), field, param_ty);
            quote!(let next = #next;)
        }
        PageStyle::LastItemCursor { has_more, id } => {
            let more = is_true(quote!(page), has_more);
            let last = match items.map(|items| reach(quote!(page), &items.path)) {
                Some(Reach::Place(list)) => quote!(#list.last()),
                Some(Reach::Maybe(list)) => quote!(#list.and_then(|items| items.last())),
                None => quote!(None),
            };
            let id_field = ident(&id.ident);
            let copy = matches!(param_ty, TypeRef::Integer(_));
            let id_value = if id.tristate {
                quote!(item.#id_field.as_option().cloned())
            } else {
                quote!(item.#id_field.clone())
            };
            let take = match (id.optional, copy) {
                (false, true) => quote!(.map(|item| item.#id_field)),
                (false, false) => quote!(.map(|item| item.#id_field.clone())),
                (true, true) if id.tristate => {
                    quote!(.and_then(|item| item.#id_field.as_option().copied()))
                }
                (true, true) => quote!(.and_then(|item| item.#id_field)),
                (true, false) => quote!(.and_then(|item| #id_value)),
            };
            quote!(let next = if #more { #last #take } else { None };)
        }
        PageStyle::LinkHeader => {
            let name = &pagination.param;
            quote!(let next = crate::paging::link_next(page.headers(), #name);)
        }
        PageStyle::PageNumber { end } => {
            let current = if required {
                quote!(request.#param)
            } else {
                quote!(request.#param.unwrap_or(1))
            };
            let more = match end {
                PageEnd::EmptyPage => quote!(true),
                PageEnd::HasMore(flag) => is_true(quote!(page), flag),
                PageEnd::TotalPages(total) => match reach(quote!(page), total) {
                    Reach::Place(total) => quote!(i128::from(current) < i128::from(#total)),
                    Reach::Maybe(total) => {
                        quote!(#total.is_some_and(|total| i128::from(current) < i128::from(*total)))
                    }
                },
            };
            let non_empty = non_empty();
            quote! {
                let current = #current;
                let next = if #non_empty && #more { current.checked_add(1) } else { None };
            }
        }
    }
}

/// The methods streaming a paginated operation's pages and items; none when the operation
/// has no pagination, no request struct or more than one success type.
pub(super) fn methods(api: &Api, op: &Operation) -> Option<TokenStream> {
    let pagination = op.pagination.as_ref()?;
    let request = op.request.as_ref()?;
    let Success::Body { ty: Some(success) } = &op.success else {
        return None;
    };
    let param = op
        .params
        .iter()
        .find(|p| p.name == pagination.param && !p.common)?;
    let success_type = rust_type(success, &quote!(types::));
    let name = ident(&op.pages_ident());
    let single = ident(&op.call_ident);
    let client = super::operations::client_expr(op);
    let on_client = match &op.handle {
        Some(_) => {
            let accessor = ident(&op.group);
            quote!(client.#accessor())
        }
        None => quote!(client),
    };
    let request_name = ident(&request.ident);
    let error_name = ident(&api.error_set(op.errors).ident);
    let field = ident(&param.ident);
    let path_args: Vec<_> = op.path_params().map(|p| ident(&p.ident)).collect();
    let copy = matches!(param.ty, TypeRef::Integer(_));
    let first = match (param.required, copy) {
        (true, true) => quote!(Some(request.#field)),
        (true, false) => quote!(Some(request.#field.clone())),
        (false, true) => quote!(request.#field),
        (false, false) => quote!(request.#field.clone()),
    };
    let token = if copy {
        quote!(token)
    } else {
        quote!(token.clone())
    };
    let set = if param.required {
        quote!(#field: #token)
    } else {
        quote!(#field: Some(#token))
    };
    // A request of the page parameter alone has nothing else to keep.
    let rest = (op.request_fields().count() > 1).then(|| quote!(..request));
    let next = next_value(op, pagination, &param.ty);
    let doc = doc_lines(&format!(
        "Every page of [`{}`], in order: the stream sends `request`, then {} \
         Read it with `futures_util::TryStreamExt` (`try_next`, `try_collect`); \
         `.limit(n)` stops it after `n` pages.\n\n\
         A page that fails ends the stream with its error; a page token the stream has \
         already followed ends it with the error [`RepeatedPage`](crate::Error::RepeatedPage) \
         rather than looping forever. The stream owns a clone of the client and the request: \
         it is `Send + 'static`, for `tokio::spawn`.",
        op.owner_path(&op.call_ident),
        follows(pagination)
    ));
    let pages = quote! {
        #doc
        pub fn #name(
            &self,
            #(#path_args: impl Into<String>,)*
            request: #request_name,
        ) -> crate::Paged<Response<#success_type>, #error_name> {
            let client = #client.clone();
            #(let #path_args: String = #path_args.into();)*
            crate::paging::pages(#first, request, move |request| {
                let client = client.clone();
                #(let #path_args = #path_args.clone();)*
                async move {
                    let page = #on_client.#single(#(&#path_args,)* &request).await?;
                    #next
                    let next = next.map(|token| (#request_name { #set, #rest }, token));
                    Ok((page, next))
                }
            })
        }
    };
    let items = pagination.items.as_ref().map(|items| {
        let pages_name = &name;
        let name = ident(&op.items_ident());
        let item_type = rust_type(&items.item, &quote!(types::));
        let take = owned_items(quote!(page.into_body()), &items.path);
        let list = match items.path.dotted() {
            path if path.is_empty() => "each page is a list".to_owned(),
            path => format!("each page's `{path}`"),
        };
        let doc = doc_lines(&format!(
            "Every item of every page of [`{}`] ({list}), in order: \
             [`{}`] read one item at a time. `.limit(n)` stops it after `n` items, \
             fetching no page beyond them.",
            op.owner_path(&op.call_ident),
            op.owner_path(&op.pages_ident())
        ));
        quote! {
            #doc
            pub fn #name(
                &self,
                #(#path_args: impl Into<String>,)*
                request: #request_name,
            ) -> crate::Paged<#item_type, #error_name> {
                crate::paging::items(self.#pages_name(#(#path_args,)* request), |page| #take)
            }
        }
    });
    Some(quote!(#pages #items))
}

/// How the stream finds the next page, for its docs.
pub(crate) fn follows(pagination: &Pagination) -> String {
    let param = &pagination.param;
    match &pagination.style {
        PageStyle::NextToken { field } => format!(
            "sends the response's `{}` as the `{param}` parameter until the API returns none.",
            field.dotted()
        ),
        PageStyle::LastItemCursor { has_more, id } => format!(
            "sends the last item's `{}` as the `{param}` parameter while the response's `{}` \
             is true.",
            id.name,
            has_more.dotted()
        ),
        PageStyle::LinkHeader => format!(
            "sends the `{param}` value of the `Link` header's `rel=\"next\"` URL until the \
             API sends no such link."
        ),
        PageStyle::PageNumber { end } => {
            let until = match end {
                PageEnd::EmptyPage => "a page is empty".to_owned(),
                PageEnd::TotalPages(total) => {
                    format!("a page is empty or `{}` is reached", total.dotted())
                }
                PageEnd::HasMore(flag) => {
                    format!(
                        "a page is empty or the response's `{}` is false",
                        flag.dotted()
                    )
                }
            };
            format!(
                "counts the `{param}` parameter up from the request's (1 if unset) until \
                 {until}."
            )
        }
    }
}
