//! Operations on `pets`.

use reqwest::Method;
use crate::error::ValidationError;
use crate::runtime;
use crate::types;
use crate::{Client, CreatePetError, DeletePetsIdError, Error, ErrorResponse, Response};

/// What [`Client::list_pets`] sends besides its path parameters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListPetsRequest {
    /// Sent as the `x-trace-id` header.
    pub x_trace_id: Option<String>,
    /// How many pets to return.
    ///
    /// Sent as the `limit` query parameter.
    ///
    /// Constraints: minimum 1, maximum 100, format `int32`.
    pub limit: Option<i32>,
    /// Sent as the `kind` query parameter.
    pub kind: Option<types::Kind>,
    /// Sent as the `session` cookie.
    pub session: Option<String>,
}

impl ListPetsRequest {
    /// Checks the values against the constraints the API documents (string lengths, number ranges), as [`Client::list_pets`] does before sending unless validation is turned off.
    ///
    /// # Errors
    ///
    /// The first [`ValidationError`] found, naming the field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if let Some(value) = &self.limit {
            runtime::check_range("limit", *value as f64, Some(1.0), Some(100.0))?;
        }
        Ok(())
    }
}

/// What [`Client::create_pet`] sends besides its path parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatePetRequest {
    /// Sent as the `x-trace-id` header.
    pub x_trace_id: Option<String>,
    /// The `name` property.
    pub name: String,
    /// The `type` property.
    ///
    /// Sent as the `type` body field.
    pub type_: Option<types::PetType>,
    /// The `meta_data` property.
    pub meta_data: Option<serde_json::Value>,
}

impl CreatePetRequest {
    /// A request with its required values.
    ///
    /// The optional ones are `None`; set those with
    /// `CreatePetRequest { x_trace_id: Some(..), ..CreatePetRequest::new(..) }`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            x_trace_id: None,
            name: name.into(),
            type_: None,
            meta_data: None,
        }
    }
}

impl Client {
    /// # List pets
    ///
    /// `GET /pets` (errors: [`ErrorResponse`](crate::ErrorResponse) in [`Error::Api`])
    ///
    /// # Example
    ///
    /// ```no_run
    /// use golden_features::pets::ListPetsRequest;
    /// # async fn example(client: &golden_features::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let request = ListPetsRequest::default();
    /// client.list_pets(&request).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn list_pets(
        &self,
        request: &ListPetsRequest,
    ) -> Result<Response<Vec<types::Pet>>, Error<ErrorResponse>> {
        let mut call = self.call(Method::GET, "/pets");
        call.validate(|| request.validate())?;
        call.security(&[&[runtime::Scheme::bearer("token")]])?;
        call.idempotent();
        if let Some(value) = &request.x_trace_id {
            call.header("x-trace-id", value)?;
        }
        if let Some(value) = &request.session {
            call.cookie("session", value);
        }
        let query = call.query_form();
        if let Some(value) = &request.limit {
            query.append("limit", &value.to_string());
        }
        if let Some(value) = &request.kind {
            query.append("kind", value.as_str());
        }
        let sent = call.send().await?;
        match sent.status() {
            200 => sent.json(),
            _ => Err(sent.error()),
        }
    }

    /// # Create a pet
    ///
    /// `POST /pets` (errors: [`CreatePetError`](crate::CreatePetError) in [`Error::Api`])
    ///
    /// # Example
    ///
    /// ```no_run
    /// use golden_features::pets::CreatePetRequest;
    /// # async fn example(client: &golden_features::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let request = CreatePetRequest::new("example");
    /// client.create_pet(&request).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create_pet(
        &self,
        request: &CreatePetRequest,
    ) -> Result<Response<types::Pet>, Error<CreatePetError>> {
        let mut call = self.call(Method::POST, "/pets");
        call.security(&[&[runtime::Scheme::bearer("token")]])?;
        if let Some(value) = &request.x_trace_id {
            call.header("x-trace-id", value)?;
        }
        let mut body = serde_json::Map::new();
        body.insert("name".to_owned(), runtime::json_value("name", &request.name)?);
        if let Some(value) = &request.type_ {
            body.insert("type".to_owned(), runtime::json_value("type", value)?);
        }
        if let Some(value) = &request.meta_data {
            body.insert(
                "meta_data".to_owned(),
                runtime::json_value("meta_data", value)?,
            );
        }
        call.json("application/json", &body)?;
        let sent = call.send().await?;
        match sent.status() {
            201 => sent.json(),
            _ => Err(sent.error()),
        }
    }

    /// `DELETE /pets/{id}` (errors: [`DeletePetsIdError`](crate::DeletePetsIdError) in [`Error::Api`])
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example(client: &golden_features::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// client.delete_pets_id("id").await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn delete_pets_id(
        &self,
        id: &str,
    ) -> Result<Response<()>, Error<DeletePetsIdError>> {
        let id = runtime::path_segment("id", id)?;
        let mut call = self.call(Method::DELETE, &format!("/pets/{id}"));
        call.security(&[&[runtime::Scheme::bearer("token")]])?;
        call.idempotent();
        let sent = call.send().await?;
        match sent.status() {
            204 => Ok(sent.empty()),
            _ => Err(sent.error()),
        }
    }
}
