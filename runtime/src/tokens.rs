//! Bearer tokens fetched asynchronously ([`Credentials::bearer_provider`]): the token is
//! asked of the provider when a call's attempt needs one and none is cached, and a 401 answer
//! drops it, so the call is sent once more with a fresh token (see `retry::send`).
//!
//! The cache lives here rather than in each provider so that every provider gets the same
//! rule: one token shared by all calls until the API refuses it.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};

use reqwest::header::{HeaderValue, AUTHORIZATION};

use crate::credentials::Credentials;
use crate::error::InvalidRequest;
use crate::values;

/// What a provider's future returns: a token, or why none could be had.
type Fetched = Result<String, Box<dyn std::error::Error + Send + Sync>>;

/// A provider, boxed: a function starting the fetch of a new token.
type Fetch = dyn Fn() -> Pin<Box<dyn Future<Output = Fetched> + Send>> + Send + Sync;

/// A source of bearer tokens: the provider and the token it last gave.
pub(crate) struct TokenSource {
    fetch: Box<Fetch>,
    cached: Mutex<Option<String>>,
}

impl TokenSource {
    /// A source asking `provider` for tokens, none cached yet.
    fn new<F, Fut, E>(provider: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<String, E>> + Send + 'static,
        E: Into<Box<dyn std::error::Error + Send + Sync>> + 'static,
    {
        let fetch = move || -> Pin<Box<dyn Future<Output = Fetched> + Send>> {
            let future = provider();
            Box::pin(async move { future.await.map_err(Into::into) })
        };
        Self {
            fetch: Box::new(fetch),
            cached: Mutex::new(None),
        }
    }

    /// The cached token, else a new one from the provider.
    async fn token(&self) -> Result<String, InvalidRequest> {
        if let Some(token) = self.lock().clone() {
            return Ok(token);
        }
        // Not held across the fetch: concurrent calls may each fetch once, which is cheaper
        // than making every call wait on one slow token endpoint.
        let token = (self.fetch)().await.map_err(|error| {
            InvalidRequest(format!("the bearer token provider failed: {error}"))
        })?;
        *self.lock() = Some(token.clone());
        Ok(token)
    }

    /// Drops `token` from the cache (the API refused it), unless another call has already
    /// replaced it with a newer one.
    pub(crate) fn invalidate(&self, token: &str) {
        let mut cached = self.lock();
        if cached.as_deref() == Some(token) {
            *cached = None;
        }
    }

    /// The `Authorization` value for an attempt, and the token it carries (to invalidate
    /// after a 401).
    pub(crate) async fn authorization(&self) -> Result<(HeaderValue, String), InvalidRequest> {
        let token = self.token().await?;
        let value = values::header_value(AUTHORIZATION.as_str(), &format!("Bearer {token}"))
            .map_err(|error| InvalidRequest(format!("the provided bearer token: {}", error.0)))?;
        Ok((value, token))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<String>> {
        // A panic elsewhere while holding the lock leaves a whole `Option`: still usable.
        self.cached.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Credentials {
    /// Bearer tokens from an async `provider`, for tokens that expire (OAuth2 client
    /// credentials, a vault): it is asked when an attempt needs a token and none is cached;
    /// the token is then reused by every call until the API answers 401, which drops it and
    /// sends the call once more with a fresh one (a second 401 is returned as the API's
    /// answer). A provider's error fails the call as [`InvalidRequest`], naming it.
    /// It serves the same schemes as [`Credentials::bearer`].
    ///
    /// ```ignore
    /// let credentials = Credentials::bearer_provider(move || {
    ///     let oauth = oauth.clone();
    ///     async move { oauth.fetch_token().await }
    /// });
    /// ```
    pub fn bearer_provider<F, Fut, E>(provider: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<String, E>> + Send + 'static,
        E: Into<Box<dyn std::error::Error + Send + Sync>> + 'static,
    {
        Credentials::from_source(Arc::new(TokenSource::new(provider)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn the_token_is_cached_until_invalidated() {
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        let source = TokenSource::new(move || {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            async move { Ok::<_, std::io::Error>(format!("t{n}")) }
        });
        assert_eq!(calls.load(Ordering::SeqCst), 0, "asked lazily");
        assert_eq!(source.token().await.unwrap(), "t0");
        assert_eq!(source.token().await.unwrap(), "t0");
        // A stale token does not drop a newer one.
        source.invalidate("old");
        assert_eq!(source.token().await.unwrap(), "t0");
        source.invalidate("t0");
        assert_eq!(source.token().await.unwrap(), "t1");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        let credentials = Credentials::from_source(Arc::new(source));
        assert_eq!(
            format!("{credentials:?}"),
            "Credentials([bearer provider: <redacted>])"
        );
    }

    #[tokio::test]
    async fn a_failing_provider_is_named_in_the_error() {
        let source =
            TokenSource::new(|| async { Err::<String, _>(std::io::Error::other("vault sealed")) });
        let error = source.authorization().await.unwrap_err();
        assert!(error.0.contains("provider failed: vault sealed"), "{error}");
    }
}
