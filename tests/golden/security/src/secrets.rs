//! Operations on `secrets`.

use reqwest::Method;
use crate::runtime;
use crate::{Client, Error, ErrorResponse, Response};

/// What [`Client::create_secret`] sends besides its path parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateSecretRequest {
    /// The `name` property.
    pub name: String,
}

impl CreateSecretRequest {
    /// A request with its required values.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into() }
    }
}

/// What [`Client::read_secret`] sends besides its path parameters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadSecretRequest {
    /// Sent as the `version` query parameter.
    pub version: Option<i64>,
}

impl Client {
    /// # Uses the default requirements
    ///
    /// `GET /secrets` (errors: [`ErrorResponse`](crate::ErrorResponse) in [`Error::Api`])
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example(client: &golden_security::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// client.list_secrets().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn list_secrets(
        &self,
    ) -> Result<Response<Vec<String>>, Error<ErrorResponse>> {
        let mut call = self.call(Method::GET, "/secrets");
        call.security(
            &[
                &[runtime::Scheme::header("header_key", "x-api-key")],
                &[runtime::Scheme::bearer("oauth")],
            ],
        )?;
        call.idempotent();
        let sent = call.send().await?;
        match sent.status() {
            200 => sent.json(),
            _ => Err(sent.error()),
        }
    }

    /// # Needs two API keys at once, one in the query and one in a cookie
    ///
    /// `POST /secrets` (errors: [`ErrorResponse`](crate::ErrorResponse) in [`Error::Api`])
    ///
    /// # Example
    ///
    /// ```no_run
    /// use golden_security::secrets::CreateSecretRequest;
    /// # async fn example(client: &golden_security::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let request = CreateSecretRequest::new("example");
    /// client.create_secret(&request).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create_secret(
        &self,
        request: &CreateSecretRequest,
    ) -> Result<Response<()>, Error<ErrorResponse>> {
        let mut call = self.call(Method::POST, "/secrets");
        call.security(
            &[
                &[
                    runtime::Scheme::query("query_key", "api_key"),
                    runtime::Scheme::cookie("session", "vault_session"),
                ],
            ],
        )?;
        let mut body = serde_json::Map::new();
        body.insert("name".to_owned(), runtime::json_value("name", &request.name)?);
        call.json("application/json", &body)?;
        let sent = call.send().await?;
        match sent.status() {
            201 => Ok(sent.empty()),
            _ => Err(sent.error()),
        }
    }

    /// # Takes a query parameter of its own beside the query API key
    ///
    /// `GET /secrets/{name}` (errors: [`ErrorResponse`](crate::ErrorResponse) in [`Error::Api`])
    ///
    /// # Example
    ///
    /// ```no_run
    /// use golden_security::secrets::ReadSecretRequest;
    /// # async fn example(client: &golden_security::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let request = ReadSecretRequest::default();
    /// client.read_secret("name", &request).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn read_secret(
        &self,
        name: &str,
        request: &ReadSecretRequest,
    ) -> Result<Response<String>, Error<ErrorResponse>> {
        let name = runtime::path_segment("name", name)?;
        let mut call = self.call(Method::GET, &format!("/secrets/{name}"));
        call.security(&[&[runtime::Scheme::query("query_key", "api_key")]])?;
        call.idempotent();
        let query = call.query_form();
        if let Some(value) = &request.version {
            query.append("version", &value.to_string());
        }
        let sent = call.send().await?;
        match sent.status() {
            200 => sent.json(),
            _ => Err(sent.error()),
        }
    }

    /// # HTTP basic, or a bearer token
    ///
    /// `DELETE /secrets/{name}` (errors: [`ErrorResponse`](crate::ErrorResponse) in [`Error::Api`])
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example(client: &golden_security::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// client.delete_secret("name").await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn delete_secret(
        &self,
        name: &str,
    ) -> Result<Response<()>, Error<ErrorResponse>> {
        let name = runtime::path_segment("name", name)?;
        let mut call = self.call(Method::DELETE, &format!("/secrets/{name}"));
        call.security(
            &[&[runtime::Scheme::basic("basic")], &[runtime::Scheme::bearer("jwt")]],
        )?;
        call.idempotent();
        let sent = call.send().await?;
        match sent.status() {
            204 => Ok(sent.empty()),
            _ => Err(sent.error()),
        }
    }
}
