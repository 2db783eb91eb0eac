//! Operations on `status`.

use reqwest::Method;
use crate::runtime;
use crate::{Client, Error, ErrorResponse, Response};

impl Client {
    /// # Needs no credentials
    ///
    /// `GET /health` (errors: [`ErrorResponse`](crate::ErrorResponse) in [`Error::Api`])
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example(client: &golden_security::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// client.health().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn health(&self) -> Result<Response<()>, Error<ErrorResponse>> {
        let mut call = self.call(Method::GET, "/health");
        call.security(&[])?;
        call.idempotent();
        let sent = call.send().await?;
        match sent.status() {
            204 => Ok(sent.empty()),
            _ => Err(sent.error()),
        }
    }

    /// # Credentials are optional
    ///
    /// `GET /motd` (errors: [`ErrorResponse`](crate::ErrorResponse) in [`Error::Api`])
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example(client: &golden_security::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// client.message_of_the_day().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn message_of_the_day(
        &self,
    ) -> Result<Response<String>, Error<ErrorResponse>> {
        let mut call = self.call(Method::GET, "/motd");
        call.security(&[&[], &[runtime::Scheme::bearer("jwt")]])?;
        call.idempotent();
        let sent = call.send().await?;
        match sent.status() {
            200 => sent.json(),
            _ => Err(sent.error()),
        }
    }

    /// # OpenID Connect
    ///
    /// `GET /me` (errors: [`ErrorResponse`](crate::ErrorResponse) in [`Error::Api`])
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example(client: &golden_security::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// client.who_am_i().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn who_am_i(&self) -> Result<Response<String>, Error<ErrorResponse>> {
        let mut call = self.call(Method::GET, "/me");
        call.security(&[&[runtime::Scheme::bearer("oidc")]])?;
        call.idempotent();
        let sent = call.send().await?;
        match sent.status() {
            200 => sent.json(),
            _ => Err(sent.error()),
        }
    }
}
