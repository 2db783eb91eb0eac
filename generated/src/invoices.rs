//! Operations on `invoices`.

use reqwest::Method;
use crate::error::ValidationError;
use crate::runtime;
use crate::types;
use crate::{Client, Error, ErrorResponse, Response};

/// The request header that carries idempotency keys.
const IDEMPOTENCY_HEADER: &str = "chargebee-idempotency-key";

/// What [`Client::resume_dunning`] sends besides its path parameters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResumeDunningRequest {
    /// An internal comment to add to the invoice for this operation. This comment is displayed on the Chargebee Billing UI. **Note**: This comment does not appear on any customer-facing hosted pages or documents, such as the invoice PDF.
    ///
    /// Constraints: at most 300 characters.
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
    /// `POST /invoices/{invoice-id}/resume_dunning` (errors: [`ErrorResponse`](crate::ErrorResponse) in [`Error::Api`])
    ///
    /// # Example
    ///
    /// ```no_run
    /// use chargebee_api::invoices::ResumeDunningRequest;
    /// # async fn example(client: &chargebee_api::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let request = ResumeDunningRequest {
    ///     comment: Some("example".to_owned()),
    ///     ..ResumeDunningRequest::default()
    /// };
    /// client.resume_dunning("invoice-id", &request).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn resume_dunning(
        &self,
        invoice_id: &str,
        request: &ResumeDunningRequest,
    ) -> Result<Response<types::ResumeDunningResponse>, Error<ErrorResponse>> {
        let invoice_id = runtime::path_segment("invoice-id", invoice_id)?;
        let mut call = self
            .call(Method::POST, &format!("/invoices/{invoice_id}/resume_dunning"));
        call.validate(|| request.validate())?;
        call.security(&[&[runtime::Scheme::basic("basicAuth")]])?;
        call.idempotency_key(IDEMPOTENCY_HEADER, request.idempotency_key.as_deref())?;
        call.common(crate::CommonParameters::ALL)?;
        let mut form = runtime::Form::new();
        if let Some(value) = &request.comment {
            form.append("comment", value);
        }
        call.form(form);
        let sent = call.send().await?;
        match sent.status() {
            200 => sent.json(),
            _ => Err(sent.error()),
        }
    }
}
