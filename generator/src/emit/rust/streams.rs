//! Streamed answers: the types an operation returns for server-sent events and NDJSON, how
//! the call reads them, and the method that asks for a stream offered beside JSON.

use proc_macro2::TokenStream;
use quote::quote;

use super::responses::{in_match_order, status_pattern};
use super::{doc_lines, rust_type};
use crate::emit::CrateInfo;
use crate::ir::{Media, Operation, StreamBody, TypeRef};

/// The stream a streamed success is returned as.
pub(super) fn stream_type(media: Media, item: &TypeRef) -> TokenStream {
    let item = rust_type(item, &quote!(types::));
    match media {
        Media::Lines => quote!(crate::ItemStream<#item>),
        _ => quote!(crate::EventStream<#item>),
    }
}

/// The expression reading a streamed success: events decoded as JSON (as text when the API
/// documents them as plain strings), ending at the API's sentinel if it has one, or lines.
pub(super) fn stream_read(krate: &CrateInfo, media: Media, item: &TypeRef) -> TokenStream {
    let end = match &krate.stream_end {
        Some(end) => quote!(Some(#end)),
        None => quote!(None),
    };
    match (media, item) {
        (Media::Lines, _) => quote!(sent.items()),
        (_, TypeRef::String(crate::ir::StringFormat::Plain)) => quote!(sent.text_events(#end)),
        _ => quote!(sent.events(#end)),
    }
}

/// The documentation of the method returning a streamed alternative: what it asks for, and
/// a pointer to the operation's own method for the rest.
pub(super) fn stream_doc(op: &Operation, stream: &StreamBody) -> TokenStream {
    let what = match stream.media {
        Media::Lines => "a stream of its lines (NDJSON)",
        _ => "a stream of its server-sent events",
    };
    doc_lines(&format!(
        "[`{}`], answered as `{}`: {what}, each item decoded as it arrives. The \
         request asks for it with `Accept`; set the request field by which the API chooses \
         to stream (OpenAI's `stream: true`) as it documents.",
        op.owner_path(&op.call_ident),
        stream.media_type.replace('`', "'"),
    ))
}

/// The arms of the method returning a streamed alternative: the success as a stream, and
/// errors as the operation's.
pub(super) fn stream_arms(
    krate: &CrateInfo,
    op: &Operation,
    stream: &StreamBody,
) -> Vec<TokenStream> {
    let mut arms: Vec<TokenStream> = in_match_order(op.success_responses())
        .into_iter()
        .filter(|r| r.stream.is_some())
        .map(|r| {
            let pattern = status_pattern(r.status);
            let read = stream_read(krate, stream.media, &stream.item);
            quote!(#pattern => #read,)
        })
        .collect();
    arms.push(quote!(_ => Err(sent.error()),));
    arms
}
