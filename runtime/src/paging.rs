//! Following a list operation's pages: one generic pager that every generated `<op>_pages`
//! and `<op>_items` method hands a fetch closure to. The closure sends one request and says
//! what the next request is (from a next-page token, the last item's id, a `Link` header or
//! a page number); the pager owns the request, refuses a page token it has already sent, and
//! stops at the caller's limit.
//!
//! Not part of the crate's API but for [`Paged`]: the rest may change in any release.

use std::collections::HashSet;
use std::fmt;
use std::future::Future;
use std::hash::Hash;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::stream::{self, BoxStream};
use futures_util::{Stream, StreamExt};
use reqwest::header::{HeaderMap, LINK};

use crate::error::Error;

/// A stream of pages or of items, fetched one page at a time as it is read. It is owned
/// (`Send + 'static`): it keeps a clone of the client and its own request, so it can be
/// handed to `tokio::spawn` or kept in a struct.
///
/// Read it with `futures_util::TryStreamExt` (`try_next`, `try_collect`). A failed page ends
/// it with that error; a server that sends a page token the stream has already followed ends
/// it with [`Error::RepeatedPage`] instead of looping forever.
#[must_use = "a stream does nothing until it is read"]
pub struct Paged<T, E> {
    inner: BoxStream<'static, Result<T, Error<E>>>,
    left: Option<usize>,
}

impl<T, E> Paged<T, E> {
    /// The same stream, ending after at most `limit` elements (pages for `<op>_pages`, items
    /// for `<op>_items`); no page is fetched once it is reached.
    pub fn limit(mut self, limit: usize) -> Self {
        self.left = Some(limit);
        self
    }
}

impl<T, E> fmt::Debug for Paged<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paged").field("left", &self.left).finish()
    }
}

impl<T, E> Stream for Paged<T, E> {
    type Item = Result<T, Error<E>>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.left == Some(0) {
            return Poll::Ready(None);
        }
        let next = self.inner.poll_next_unpin(cx);
        if let Poll::Ready(Some(Ok(_))) = &next {
            if let Some(left) = &mut self.left {
                *left -= 1;
            }
        }
        next
    }
}

/// What one fetch gives the pager: the page, and the next request with the page token it
/// sends (`None` after the last page).
pub type Fetched<P, R, K> = (P, Option<(R, K)>);

/// Every page, starting with `request` (whose own page token, if it has one, is `first`):
/// `fetch` sends a request and returns its page and the next request.
pub fn pages<R, P, K, E, F, Fut>(first: Option<K>, request: R, fetch: F) -> Paged<P, E>
where
    R: Send + 'static,
    P: Send + 'static,
    K: Eq + Hash + fmt::Debug + Send + 'static,
    E: Send + 'static,
    F: FnMut(R) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Fetched<P, R, K>, Error<E>>> + Send + 'static,
{
    struct State<R, K, F> {
        next: Option<R>,
        seen: HashSet<K>,
        repeated: Option<String>,
        fetch: F,
    }
    let state = State {
        next: Some(request),
        seen: first.into_iter().collect(),
        repeated: None,
        fetch,
    };
    let inner = stream::unfold(state, |mut state| async move {
        if let Some(token) = state.repeated.take() {
            return Some((Err(Error::RepeatedPage { token }), state));
        }
        let request = state.next.take()?;
        match (state.fetch)(request).await {
            Ok((page, next)) => {
                if let Some((request, token)) = next {
                    // The page is returned; the error comes next, in place of a loop.
                    let repeated = format!("{token:?}");
                    if state.seen.insert(token) {
                        state.next = Some(request);
                    } else {
                        state.repeated = Some(repeated);
                    }
                }
                Some((Ok(page), state))
            }
            // A failed page ends the stream: `next` stays empty.
            Err(error) => Some((Err(error), state)),
        }
    });
    Paged {
        inner: inner.boxed(),
        left: None,
    }
}

/// Every item of `pages`, in order: `items` takes a page's items out of it.
pub fn items<P, I, E, F>(pages: Paged<P, E>, mut items: F) -> Paged<I, E>
where
    P: Send + 'static,
    I: Send + 'static,
    E: Send + 'static,
    F: FnMut(P) -> Vec<I> + Send + 'static,
{
    let inner = pages
        .map(move |page| match page {
            Ok(page) => stream::iter(items(page).into_iter().map(Ok)).left_stream(),
            Err(error) => stream::iter([Err(error)]).right_stream(),
        })
        .flatten();
    Paged {
        inner: inner.boxed(),
        left: None,
    }
}

/// The value of the `param` query parameter in the URL of the `Link` header's `rel="next"`
/// link (RFC 8288, as GitHub sends it), parsed as the request field's type. `None` when there
/// is no next link, or it has no such parameter or one that does not parse.
pub fn link_next<T: std::str::FromStr>(headers: &HeaderMap, param: &str) -> Option<T> {
    headers
        .get_all(LINK)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(links)
        .find_map(|(url, params)| params.split(';').any(is_rel_next).then_some(url))
        .and_then(|url| {
            let query = url.split_once('?')?.1;
            let query = query.split('#').next().unwrap_or(query);
            form_urlencoded::parse(query.as_bytes())
                .find(|(name, _)| name == param)
                .and_then(|(_, value)| value.parse().ok())
        })
}

/// The links of one `Link` header value: each `<url>` with the parameters after it. Commas
/// inside `<...>` belong to the URL, not between links.
fn links(value: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = value;
    std::iter::from_fn(move || {
        let start = rest.find('<')?;
        let end = start + rest[start..].find('>')?;
        let url = &rest[start + 1..end];
        let after = &rest[end + 1..];
        let params_end = after
            .find('<')
            .map_or(after.len(), |next| after[..next].rfind(',').unwrap_or(next));
        let params = &after[..params_end];
        rest = &after[params_end..];
        Some((url, params))
    })
}

/// Whether a link parameter is `rel="next"` (or a `rel` list naming `next`).
fn is_rel_next(param: &str) -> bool {
    let Some((name, value)) = param.trim().split_once('=') else {
        return false;
    };
    name.trim().eq_ignore_ascii_case("rel")
        && value
            .trim()
            .trim_matches('"')
            .split_ascii_whitespace()
            .any(|rel| rel.eq_ignore_ascii_case("next"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::TryStreamExt;
    use reqwest::header::HeaderValue;

    fn headers(link: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(LINK, HeaderValue::from_str(link).unwrap());
        headers
    }

    #[test]
    fn the_next_link_gives_its_parameter() {
        let github = r#"<https://api.github.com/repositories/1/issues?page=2&per_page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=5>; rel="last""#;
        assert_eq!(link_next::<i64>(&headers(github), "page"), Some(2));
        let first_last =
            r#"<https://x/?page=1>; rel="first", <https://x/?after=a%2Bb#f>; rel="next""#;
        assert_eq!(
            link_next::<String>(&headers(first_last), "after").as_deref(),
            Some("a+b")
        );
        let last_only = r#"<https://x/?page=1>; rel="prev""#;
        assert_eq!(link_next::<i64>(&headers(last_only), "page"), None);
        assert_eq!(link_next::<i64>(&HeaderMap::new(), "page"), None);
        assert_eq!(link_next::<i64>(&headers("garbage; ,;;"), "page"), None);
        assert_eq!(
            link_next::<i64>(&headers(r#"<https://x/?page=two>; rel="next""#), "page"),
            None
        );
    }

    /// A fake API of `n` pages: page `i` holds `[i]`, its token `i + 1`; the last has none.
    fn fake(n: u32, repeat_at: Option<u32>) -> Paged<Vec<u32>, ()> {
        pages(None, 0u32, move |at: u32| async move {
            let next = if Some(at) == repeat_at {
                Some((at, at))
            } else {
                (at + 1 < n).then_some((at + 1, at + 1))
            };
            Ok::<_, Error<()>>((vec![at], next))
        })
    }

    fn block<T>(future: impl Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(future)
    }

    #[test]
    fn pages_and_items_follow_until_the_last_page_or_the_limit() {
        let all: Vec<Vec<u32>> = block(fake(3, None).try_collect()).unwrap();
        assert_eq!(all, [vec![0], vec![1], vec![2]]);
        let two: Vec<Vec<u32>> = block(fake(3, None).limit(2).try_collect()).unwrap();
        assert_eq!(two.len(), 2);
        let items: Vec<u32> = block(items(fake(3, None), |p| p).limit(5).try_collect()).unwrap();
        assert_eq!(items, [0, 1, 2]);
    }

    #[test]
    fn a_repeated_token_ends_the_stream_with_an_error() {
        let mut stream = fake(10, Some(1));
        let (first, second, third, end) = block(async {
            (
                stream.next().await,
                stream.next().await,
                stream.next().await,
                stream.next().await,
            )
        });
        assert_eq!(first.unwrap().unwrap(), [0]);
        assert_eq!(second.unwrap().unwrap(), [1]);
        match third {
            Some(Err(Error::RepeatedPage { token })) => assert_eq!(token, "1"),
            other => panic!("{other:?}"),
        }
        assert!(end.is_none());
    }
}
