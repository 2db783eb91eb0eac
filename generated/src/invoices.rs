//! Operations on `invoices`.

use std::fmt;
use reqwest::header::CONTENT_TYPE;
use reqwest::header::HeaderMap;
use crate::error::{Error, ValidationError};
use crate::runtime;
use crate::types;
use crate::{Client, Response};

/// What [`Client::resume_dunning`] sends besides its path parameters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResumeDunningRequest {
    /// The device from which the customer has made the request.
    ///
    /// Sent as the `chargebee-request-origin-device` header.
    pub chargebee_request_origin_device: Option<String>,
    /// The email address of your customer/user. Use this when the email address has only ASCII characters.
    ///
    /// Sent as the `chargebee-request-origin-user` header.
    ///
    /// Constraints: format `email`.
    pub chargebee_request_origin_user: Option<String>,
    /// The Base64-encoded email address of your customer/user. Use this if the email address has UTF-8 characters. When this header is provided, the header chargebee-request-origin-user is ignored.
    ///
    /// Sent as the `chargebee-request-origin-user-encoded` header. Give the plain text: the client sends it Base64-encoded.
    ///
    /// Constraints: format `byte`.
    pub chargebee_request_origin_user_encoded: Option<String>,
    /// The IP address of the customer where the request originated.
    ///
    /// Sent as the `chargebee-request-origin-ip` header.
    pub chargebee_request_origin_ip: Option<String>,
    /// If the site has multiple business entities, you can use this custom HTTP header to specify the business entity for which Chargebee should perform the operation.
    ///
    /// Sent as the `chargebee-business-entity-id` header.
    pub chargebee_business_entity_id: Option<String>,
    /// Skip all actions to be done on the events.
    ///
    /// Sent as the `chargebee-event-actions` header.
    pub chargebee_event_actions: Option<types::ChargebeeEventActions>,
    /// Skip only emails.
    ///
    /// Sent as the `chargebee-event-email` header.
    pub chargebee_event_email: Option<types::ChargebeeEventEmail>,
    /// Skip only webhooks.
    ///
    /// Sent as the `chargebee-event-webhook` header.
    pub chargebee_event_webhook: Option<types::ChargebeeEventWebhook>,
    /// An internal comment to add to the invoice for this operation. This comment is displayed on the Chargebee Billing UI. **Note**: This comment does not appear on any customer-facing hosted pages or documents, such as the invoice PDF.
    ///
    /// Constraints: at most 300 characters.
    ///
    /// Sent as the `comment` body field.
    pub comment: Option<String>,
    /// The idempotency key, sent as the `chargebee-idempotency-key` header. Leave it `None` to let the client create one for this call (reused across its retries); set it to make the call safe to repeat yourself, for example after a crash.
    pub idempotency_key: Option<String>,
}

impl ResumeDunningRequest {
    /// Checks the values against the constraints the API documents (string lengths, number ranges), as [`Client::resume_dunning`] does before sending unless validation is turned off.
    ///
    /// # Errors
    ///
    /// The first [`ValidationError`] found, naming the field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if let Some(value) = &self.comment {
            runtime::check_length("comment", value, None, Some(300))?;
        }
        Ok(())
    }
}

/// The error responses [`Client::resume_dunning`] documents, carried by [`Error::Api`].
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum ResumeDunningError {
    /// `400`: Bad request: the request is invalid.
    BadRequest(types::BadRequestError),
    /// `401`: Unauthorized: the API key is missing or wrong.
    Unauthorized(types::UnauthorizedError),
    /// `404`: Not found: the invoice (or the site) does not exist.
    NotFound(types::NotFoundError),
    /// `405`: Method not allowed: the HTTP method is not supported for this URL.
    MethodNotAllowed(types::MethodNotAllowedError),
    /// `409`: Conflict: the operation is not allowed in the invoice's current state.
    Conflict(types::ConflictError),
    /// `422`: Unprocessable entity: the request is well-formed but semantically wrong.
    UnprocessableEntity(types::UnprocessableEntityError),
    /// `429`: Too many requests: a request rate limit was exceeded.
    TooManyRequests(types::TooManyRequestsError),
    /// `500`: Internal server error: Chargebee could not complete the request.
    InternalServerError(types::InternalServerError),
    /// `503`: Service unavailable: the site is temporarily unavailable; retry later.
    ServiceUnavailable(types::ServiceUnavailableError),
}

impl fmt::Display for ResumeDunningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadRequest(_) => {
                f.write_str("Bad request: the request is invalid. (400)")
            }
            Self::Unauthorized(_) => {
                f.write_str("Unauthorized: the API key is missing or wrong. (401)")
            }
            Self::NotFound(_) => {
                f.write_str("Not found: the invoice (or the site) does not exist. (404)")
            }
            Self::MethodNotAllowed(_) => {
                f.write_str(
                    "Method not allowed: the HTTP method is not supported for this URL. (405)",
                )
            }
            Self::Conflict(_) => {
                f.write_str(
                    "Conflict: the operation is not allowed in the invoice's current state. (409)",
                )
            }
            Self::UnprocessableEntity(_) => {
                f.write_str(
                    "Unprocessable entity: the request is well-formed but semantically wrong. (422)",
                )
            }
            Self::TooManyRequests(_) => {
                f.write_str(
                    "Too many requests: a request rate limit was exceeded. (429)",
                )
            }
            Self::InternalServerError(_) => {
                f.write_str(
                    "Internal server error: Chargebee could not complete the request. (500)",
                )
            }
            Self::ServiceUnavailable(_) => {
                f.write_str(
                    "Service unavailable: the site is temporarily unavailable; retry later. (503)",
                )
            }
        }
    }
}

impl Client {
    /// # Resume dunning for invoice
    ///
    /// Immediately resumes dunning for the specified invoice.
    ///
    /// - If the current time is within the dunning period for the invoice, Chargebee resumes any dunning retries and email notifications that remain after the pause period, and not attempt the retries or notifications that were canceled during the pause period.
    /// - If the current time is after the dunning period for the invoice, the final action configured in Billing is initiated for the invoice and, if applicable, for the subscription.
    ///
    /// **Prerequisites**
    ///
    /// This operation is only permitted for an invoice with a status of `payment_due` and for which dunning was previously paused.
    ///
    /// `POST /invoices/{invoice-id}/resume_dunning`
    ///
    /// # Errors
    ///
    /// [`Error::Api`] with a [`ResumeDunningError`] for the error responses the API documents; [`Error::UnexpectedStatus`], [`Error::Decode`], [`Error::Transport`] and [`Error::InvalidRequest`] otherwise.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use chargebee_api::{Client, Credentials, Server, ServerVariables};
    /// use chargebee_api::invoices::ResumeDunningRequest;
    ///
    /// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = Client::new(
    ///     Server::LiveSite(ServerVariables {
    ///         site: "demo".to_owned(),
    ///         ..ServerVariables::default()
    ///     }),
    ///     Credentials::api_key("your-api-key"),
    /// )?;
    /// let request = ResumeDunningRequest {
    ///     comment: Some("example".to_owned()),
    ///     ..ResumeDunningRequest::default()
    /// };
    /// let response = client.resume_dunning("invoice-id", &request).await?;
    /// println!("{response:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn resume_dunning(
        &self,
        invoice_id: &str,
        request: &ResumeDunningRequest,
    ) -> Result<Response<types::ResumeDunningResponse>, Error<ResumeDunningError>> {
        if self.validates_requests() {
            request.validate()?;
        }
        let invoice_id = runtime::path_segment("invoice-id", invoice_id)?;
        let url = format!("{}/invoices/{invoice_id}/resume_dunning", self.base_url());
        let mut headers = HeaderMap::new();
        if let Some(value) = &request.chargebee_request_origin_device {
            runtime::header(&mut headers, "chargebee-request-origin-device", value)?;
        }
        if let Some(value) = &request.chargebee_request_origin_user {
            runtime::header(&mut headers, "chargebee-request-origin-user", value)?;
        }
        if let Some(value) = &request.chargebee_request_origin_user_encoded {
            runtime::header(
                &mut headers,
                "chargebee-request-origin-user-encoded",
                &runtime::base64(value),
            )?;
        }
        if let Some(value) = &request.chargebee_request_origin_ip {
            runtime::header(&mut headers, "chargebee-request-origin-ip", value)?;
        }
        if let Some(value) = &request.chargebee_business_entity_id {
            runtime::header(&mut headers, "chargebee-business-entity-id", value)?;
        }
        if let Some(value) = &request.chargebee_event_actions {
            runtime::header(&mut headers, "chargebee-event-actions", value.as_str())?;
        }
        if let Some(value) = &request.chargebee_event_email {
            runtime::header(&mut headers, "chargebee-event-email", value.as_str())?;
        }
        if let Some(value) = &request.chargebee_event_webhook {
            runtime::header(&mut headers, "chargebee-event-webhook", value.as_str())?;
        }
        let idempotency_key = request
            .idempotency_key
            .clone()
            .or_else(|| self.new_idempotency_key());
        if let Some(key) = &idempotency_key {
            runtime::header(&mut headers, "chargebee-idempotency-key", key)?;
        }
        let mut form = runtime::Form::new();
        if let Some(value) = &request.comment {
            form.append("comment", value);
        }
        let builder = self
            .request(reqwest::Method::POST, &url)
            .headers(headers)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(form.finish());
        let sent = runtime::send(self, builder, idempotency_key.is_some()).await?;
        match sent.status {
            200 => runtime::decode(sent),
            400 => Err(runtime::api_error(sent, ResumeDunningError::BadRequest)),
            401 => Err(runtime::api_error(sent, ResumeDunningError::Unauthorized)),
            404 => Err(runtime::api_error(sent, ResumeDunningError::NotFound)),
            405 => Err(runtime::api_error(sent, ResumeDunningError::MethodNotAllowed)),
            409 => Err(runtime::api_error(sent, ResumeDunningError::Conflict)),
            422 => Err(runtime::api_error(sent, ResumeDunningError::UnprocessableEntity)),
            429 => Err(runtime::api_error(sent, ResumeDunningError::TooManyRequests)),
            500 => Err(runtime::api_error(sent, ResumeDunningError::InternalServerError)),
            503 => Err(runtime::api_error(sent, ResumeDunningError::ServiceUnavailable)),
            _ => Err(runtime::unexpected(sent)),
        }
    }
}
