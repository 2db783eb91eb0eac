//! One client, many tenants: handles that share the connection pool of the client they come
//! from but send other credentials, or to another server (a Chargebee site per customer).
//!
//! The pool, the TLS setup and the settings stay in the client's shared part; only the
//! per-call part (where the base URL and credentials live) is replaced, so a handle costs an
//! `Arc` clone and a tenant's calls reuse the connections already open.

use std::sync::Arc;

use crate::client::{checked_base_url, Client};
use crate::credentials::Credentials;
use crate::error::BuildError;

impl Client {
    /// A handle that authenticates with `credentials` instead of this client's, sharing its
    /// connection pool and settings: `client.with_credentials(Credentials::api_key(key))`
    /// per tenant, kept or made per request (it is a cheap clone).
    pub fn with_credentials(&self, credentials: Credentials) -> Client {
        let mut client = self.clone();
        client.per_call.credentials = Some(Arc::new(credentials));
        client
    }

    /// A handle that sends to `url` instead of this client's base URL, sharing its
    /// connection pool and settings (the generated `with_server` calls this with a server's
    /// URL).
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidBaseUrl`] when `url` is not an absolute `http` or `https` URL.
    pub fn with_base_url(&self, url: impl Into<String>) -> Result<Client, BuildError> {
        let mut client = self.clone();
        client.per_call.base_url = checked_base_url(url.into())?.into();
        Ok(client)
    }

    /// [`Client::with_base_url`] for a server's URL, for the generated `with_server`:
    /// `placeholder` names a variable still at its sample default.
    #[doc(hidden)]
    pub fn with_server_url(
        &self,
        url: String,
        placeholder: Option<&'static str>,
    ) -> Result<Client, BuildError> {
        match placeholder {
            Some(variable) => Err(BuildError::PlaceholderServer { variable }),
            None => self.with_base_url(url),
        }
    }

    /// Whether `other` shares this client's connection pool (it is this client or a handle
    /// made from it).
    pub fn shares_pool_with(&self, other: &Client) -> bool {
        Arc::ptr_eq(&self.shared, &other.shared)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::ClientBuilder;

    #[test]
    fn tenants_share_the_pool_and_keep_their_own_secrets_and_server() {
        let client = ClientBuilder::default()
            .base_url("http://127.0.0.1:1/api/")
            .credentials(Credentials::bearer("A"))
            .build()
            .unwrap();
        let tenant = client
            .with_credentials(Credentials::bearer("B"))
            .with_base_url("http://127.0.0.2:1/v2")
            .unwrap();
        assert!(tenant.shares_pool_with(&client));
        assert_eq!(client.base_url(), "http://127.0.0.1:1/api");
        assert_eq!(tenant.base_url(), "http://127.0.0.2:1/v2");
        assert_eq!(client.credentials(), Some(&Credentials::bearer("A")));
        assert_eq!(tenant.credentials(), Some(&Credentials::bearer("B")));
        let other = ClientBuilder::default()
            .base_url("http://127.0.0.1:1")
            .build()
            .unwrap();
        assert!(!other.shares_pool_with(&client));
        assert!(matches!(
            client.with_base_url("ftp://x"),
            Err(BuildError::InvalidBaseUrl { .. })
        ));
        assert!(matches!(
            client.with_server_url("https://demo.example.com".into(), Some("site")),
            Err(BuildError::PlaceholderServer { variable: "site" })
        ));
    }

    #[test]
    fn a_placeholder_server_is_refused_unless_a_base_url_replaces_it() {
        let builder =
            ClientBuilder::default().server_url("https://demo.example.com".into(), Some("site"));
        let error = builder.clone().build().unwrap_err();
        assert!(error.to_string().contains("`site`"), "{error}");
        assert!(builder.base_url("http://127.0.0.1:1").build().is_ok());
        assert!(ClientBuilder::default()
            .server_url("https://acme.example.com".into(), None)
            .build()
            .is_ok());
    }
}
