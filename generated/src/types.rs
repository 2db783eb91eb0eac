//! The data types of the API: request and response bodies, their parts, and the
//! enumerations of parameters.

use std::fmt;
use serde::{Deserialize, Serialize};

/// Billing address for the invoice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// The first name of the billing contact.
    ///
    /// Constraints: at most 150 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The last name of the billing contact.
    ///
    /// Constraints: at most 150 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The email address.
    ///
    /// Constraints: at most 70 characters, format `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The company name.
    ///
    /// Constraints: at most 250 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// The phone number.
    ///
    /// Constraints: at most 50 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Address line 1
    ///
    /// Constraints: at most 150 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    /// Address line 2
    ///
    /// Constraints: at most 150 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// Address line 3
    ///
    /// Constraints: at most 150 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line3: Option<String>,
    /// The name of the city.
    ///
    /// Constraints: at most 50 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The [ISO 3166-2 state/province code](https://www.iso.org/obp/ui/#search)
    /// without the country prefix. Currently supported for USA, Canada and India. For instance, for Arizona (USA), set `state_code`
    /// as `AZ`
    /// (not `US-AZ`
    /// ). For Tamil Nadu (India), set as `TN`
    /// (not `IN-TN`
    /// ). For British Columbia (Canada), set as `BC`
    /// (not `CA-BC`
    /// ).
    ///
    /// Constraints: at most 50 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// State or Province
    ///
    /// Constraints: at most 50 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The billing address country of the customer. Must be one of [ISO 3166 alpha-2 country code](https://www.iso.org/iso-3166-country-codes.html)
    /// .
    ///
    /// **Note**:
    /// If you enter an invalid country code, the system will return an error.
    ///
    /// **Brexit**
    ///
    /// If you have enabled [EU VAT](https://www.chargebee.com/docs/eu-vat.html) in 2021 or later, or have [manually enable](https://www.chargebee.com/docs/brexit.html#what-needs-to-be-done-in-chargebee) the Brexit configuration, then `XI` (the code for **United Kingdom - Northern Ireland**) is available as an option.
    ///
    /// Constraints: at most 50 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Zip or postal code. The number of characters is validated according to the rules [specified here](https://chromium-i18n.appspot.com/ssl-address)
    /// .
    ///
    /// Constraints: at most 20 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
}

/// The `BadRequestError` schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BadRequestError {
    /// The `message` property.
    pub message: String,
    /// The `type` property.
    #[serde(rename = "type")]
    pub type_: BadRequestErrorType,
    /// \* \`payment_intent_invalid_amount\` - Returned when processing amount is different from payment intent amountFor example if payment intent which is passed has authorized 10$ and if the charges initiated is for 12$. \* \`configuration_incompatible\` - Returned when the request is not compatible with the configuration for the site or the configuration is incomplete. \* \`payment_intent_invalid\` - Returned when validation or verification fails for provided payment intent.For example if payment intent which is passed is in not consumable state. \* \`invalid_request\` - Returned when the request has incompatible values or does not match the API specification. As it is a generic error, handling this error is recommended only in combination with param attribute. \* \`payment_method_verification_failed\` - Returned when validation or verification fails for the provided payment method. For example if the payment method is card, this will include all card parameter validation errors and also verification failures from the gateway. \* \`payment_processing_failed\` - Returned when the payment collection fails. \* \`resource_limit_exhausted\` - Returned when any limit constraint is violated by the request. For example this error is thrown when the coupon provided has already expired or its maximum redemption count has been reached. \* \`duplicate_entry\` - Returned when the request provides a duplicate value for an attribute that is specified as unique for that site. For example in 'create subscription api' if you are passing the subscription id then this error will be thrown if a subscription exists in site with the same id. \* \`param_wrong_value\` - Returned when the value does not meet the required specification for the parameter. For example, wrong email format. It is strongly recommended to do the validation at your end before calling Chargebee's API (other than specific cases like VAT number validation). \* \`payment_method_not_present\` - Returned when the request requires payment collection but the 'payment method' details (such as card) is not present for the customer. This error will not occur if auto-collection is disabled for the customer. \* \`resource_limit_exceeded\` \* \`payment_gateway_currency_incompatible\` - Returned when the payment gateway configured is incompatible with the transactional currency. This error will not occur if auto-collection is disabled for the customer.
    pub api_error_code: BadRequestErrorApiErrorCode,
    /// The `param` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Deprecated error code, kept for older integrations.
    ///
    /// **Deprecated** by the API.
    #[deprecated]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The HTTP status code of the response, repeated in the body.
    ///
    /// Constraints: format `int32`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status_code: Option<i32>,
}

/// \* \`payment_intent_invalid_amount\` - Returned when processing amount is different from payment intent amountFor example if payment intent which is passed has authorized 10$ and if the charges initiated is for 12$. \* \`configuration_incompatible\` - Returned when the request is not compatible with the configuration for the site or the configuration is incomplete. \* \`payment_intent_invalid\` - Returned when validation or verification fails for provided payment intent.For example if payment intent which is passed is in not consumable state. \* \`invalid_request\` - Returned when the request has incompatible values or does not match the API specification. As it is a generic error, handling this error is recommended only in combination with param attribute. \* \`payment_method_verification_failed\` - Returned when validation or verification fails for the provided payment method. For example if the payment method is card, this will include all card parameter validation errors and also verification failures from the gateway. \* \`payment_processing_failed\` - Returned when the payment collection fails. \* \`resource_limit_exhausted\` - Returned when any limit constraint is violated by the request. For example this error is thrown when the coupon provided has already expired or its maximum redemption count has been reached. \* \`duplicate_entry\` - Returned when the request provides a duplicate value for an attribute that is specified as unique for that site. For example in 'create subscription api' if you are passing the subscription id then this error will be thrown if a subscription exists in site with the same id. \* \`param_wrong_value\` - Returned when the value does not meet the required specification for the parameter. For example, wrong email format. It is strongly recommended to do the validation at your end before calling Chargebee's API (other than specific cases like VAT number validation). \* \`payment_method_not_present\` - Returned when the request requires payment collection but the 'payment method' details (such as card) is not present for the customer. This error will not occur if auto-collection is disabled for the customer. \* \`resource_limit_exceeded\` \* \`payment_gateway_currency_incompatible\` - Returned when the payment gateway configured is incompatible with the transactional currency. This error will not occur if auto-collection is disabled for the customer.
///
/// Values the API adds later decode as [`BadRequestErrorApiErrorCode::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum BadRequestErrorApiErrorCode {
    /// `payment_intent_invalid_amount`
    PaymentIntentInvalidAmount,
    /// `configuration_incompatible`
    ConfigurationIncompatible,
    /// `payment_intent_invalid`
    PaymentIntentInvalid,
    /// `invalid_request`
    InvalidRequest,
    /// `payment_method_verification_failed`
    PaymentMethodVerificationFailed,
    /// `payment_processing_failed`
    PaymentProcessingFailed,
    /// `resource_limit_exhausted`
    ResourceLimitExhausted,
    /// `duplicate_entry`
    DuplicateEntry,
    /// `param_wrong_value`
    ParamWrongValue,
    /// `payment_method_not_present`
    PaymentMethodNotPresent,
    /// `resource_limit_exceeded`
    ResourceLimitExceeded,
    /// `payment_gateway_currency_incompatible`
    PaymentGatewayCurrencyIncompatible,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl BadRequestErrorApiErrorCode {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::PaymentIntentInvalidAmount => "payment_intent_invalid_amount",
            Self::ConfigurationIncompatible => "configuration_incompatible",
            Self::PaymentIntentInvalid => "payment_intent_invalid",
            Self::InvalidRequest => "invalid_request",
            Self::PaymentMethodVerificationFailed => "payment_method_verification_failed",
            Self::PaymentProcessingFailed => "payment_processing_failed",
            Self::ResourceLimitExhausted => "resource_limit_exhausted",
            Self::DuplicateEntry => "duplicate_entry",
            Self::ParamWrongValue => "param_wrong_value",
            Self::PaymentMethodNotPresent => "payment_method_not_present",
            Self::ResourceLimitExceeded => "resource_limit_exceeded",
            Self::PaymentGatewayCurrencyIncompatible => {
                "payment_gateway_currency_incompatible"
            }
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for BadRequestErrorApiErrorCode {
    fn from(value: String) -> Self {
        match value.as_str() {
            "payment_intent_invalid_amount" => Self::PaymentIntentInvalidAmount,
            "configuration_incompatible" => Self::ConfigurationIncompatible,
            "payment_intent_invalid" => Self::PaymentIntentInvalid,
            "invalid_request" => Self::InvalidRequest,
            "payment_method_verification_failed" => Self::PaymentMethodVerificationFailed,
            "payment_processing_failed" => Self::PaymentProcessingFailed,
            "resource_limit_exhausted" => Self::ResourceLimitExhausted,
            "duplicate_entry" => Self::DuplicateEntry,
            "param_wrong_value" => Self::ParamWrongValue,
            "payment_method_not_present" => Self::PaymentMethodNotPresent,
            "resource_limit_exceeded" => Self::ResourceLimitExceeded,
            "payment_gateway_currency_incompatible" => {
                Self::PaymentGatewayCurrencyIncompatible
            }
            _ => Self::Unknown(value),
        }
    }
}

impl From<BadRequestErrorApiErrorCode> for String {
    fn from(value: BadRequestErrorApiErrorCode) -> Self {
        match value {
            BadRequestErrorApiErrorCode::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for BadRequestErrorApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/schemas/BadRequestError/properties/type`.
///
/// Values the API adds later decode as [`BadRequestErrorType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum BadRequestErrorType {
    /// `invalid_request`
    InvalidRequest,
    /// `untyped`
    Untyped,
    /// `payment`
    Payment,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl BadRequestErrorType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::Untyped => "untyped",
            Self::Payment => "payment",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for BadRequestErrorType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "invalid_request" => Self::InvalidRequest,
            "untyped" => Self::Untyped,
            "payment" => Self::Payment,
            _ => Self::Unknown(value),
        }
    }
}

impl From<BadRequestErrorType> for String {
    fn from(value: BadRequestErrorType) -> Self {
        match value {
            BadRequestErrorType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for BadRequestErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/parameters/chargebee-event-email/schema`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargebeeEvent {
    /// `all-disabled`
    #[serde(rename = "all-disabled")]
    AllDisabled,
}

impl ChargebeeEvent {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::AllDisabled => "all-disabled",
        }
    }
}

impl fmt::Display for ChargebeeEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `ConflictError` schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictError {
    /// The `message` property.
    pub message: String,
    /// The `type` property.
    #[serde(rename = "type")]
    pub type_: ConflictErrorType,
    /// \* \`invalid_state_for_request\` - Returned when the requested operation is not allowed for current state of the resource. This error will occur if the state of the resource has not been checked for the validity of the request. For example this error is returned when we try to schedule subscription changes at 'end of term' for canceled subscriptions.
    pub api_error_code: ConflictErrorApiErrorCode,
    /// The `param` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Deprecated error code, kept for older integrations.
    ///
    /// **Deprecated** by the API.
    #[deprecated]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The HTTP status code of the response, repeated in the body.
    ///
    /// Constraints: format `int32`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status_code: Option<i32>,
}

/// \* \`invalid_state_for_request\` - Returned when the requested operation is not allowed for current state of the resource. This error will occur if the state of the resource has not been checked for the validity of the request. For example this error is returned when we try to schedule subscription changes at 'end of term' for canceled subscriptions.
///
/// Values the API adds later decode as [`ConflictErrorApiErrorCode::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum ConflictErrorApiErrorCode {
    /// `invalid_state_for_request`
    InvalidStateForRequest,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl ConflictErrorApiErrorCode {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidStateForRequest => "invalid_state_for_request",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for ConflictErrorApiErrorCode {
    fn from(value: String) -> Self {
        match value.as_str() {
            "invalid_state_for_request" => Self::InvalidStateForRequest,
            _ => Self::Unknown(value),
        }
    }
}

impl From<ConflictErrorApiErrorCode> for String {
    fn from(value: ConflictErrorApiErrorCode) -> Self {
        match value {
            ConflictErrorApiErrorCode::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for ConflictErrorApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/schemas/ConflictError/properties/type`.
///
/// Values the API adds later decode as [`ConflictErrorType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum ConflictErrorType {
    /// `invalid_request`
    InvalidRequest,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl ConflictErrorType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for ConflictErrorType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "invalid_request" => Self::InvalidRequest,
            _ => Self::Unknown(value),
        }
    }
}

impl From<ConflictErrorType> for String {
    fn from(value: ConflictErrorType) -> Self {
        match value {
            ConflictErrorType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for ConflictErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `InternalServerError` schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InternalServerError {
    /// The `message` property.
    pub message: String,
    /// The `type` property.
    #[serde(rename = "type")]
    pub type_: InternalServerErrorType,
    /// \* \`internal_error\` - Returned when the request parameters were right but the operation couldn't be completed due to a bug in Chargebee side.
    pub api_error_code: InternalServerErrorApiErrorCode,
    /// The `param` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Deprecated error code, kept for older integrations.
    ///
    /// **Deprecated** by the API.
    #[deprecated]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The HTTP status code of the response, repeated in the body.
    ///
    /// Constraints: format `int32`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status_code: Option<i32>,
}

/// \* \`internal_error\` - Returned when the request parameters were right but the operation couldn't be completed due to a bug in Chargebee side.
///
/// Values the API adds later decode as [`InternalServerErrorApiErrorCode::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InternalServerErrorApiErrorCode {
    /// `internal_error`
    InternalError,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InternalServerErrorApiErrorCode {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InternalError => "internal_error",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InternalServerErrorApiErrorCode {
    fn from(value: String) -> Self {
        match value.as_str() {
            "internal_error" => Self::InternalError,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InternalServerErrorApiErrorCode> for String {
    fn from(value: InternalServerErrorApiErrorCode) -> Self {
        match value {
            InternalServerErrorApiErrorCode::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InternalServerErrorApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/schemas/InternalServerError/properties/type`.
///
/// Values the API adds later decode as [`InternalServerErrorType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InternalServerErrorType {
    /// `operation_failed`
    OperationFailed,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InternalServerErrorType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::OperationFailed => "operation_failed",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InternalServerErrorType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "operation_failed" => Self::OperationFailed,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InternalServerErrorType> for String {
    fn from(value: InternalServerErrorType) -> Self {
        match value {
            InternalServerErrorType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InternalServerErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Invoices are statements containing charges, adjustments and any discounts for a subscription specific to a term. For every subscription a draft invoice (upcoming invoice) is used to track all the charges, credits and adjustments for the current term.
///
/// Generally, an invoice is closed at start of the next term. However, cancellation and other such operations on subscription may trigger premature closing. While closing the invoice, in addition to recurring charges, credits and coupons are applied to calculate the final amount that is due.
///
/// When invoice is closed, an attempt to charge the credit card is made. If the payment succeeds, it is marked as **paid** . If the payment fails, the invoice is marked as **payment_due** and retry settings are taken into account. If no retry attempts are configured, the invoice is marked as **not_paid** . If the amount due is zero or negative, the invoice is immediately marked as **paid** and the balance if any is carried forward to the next term of the invoice.
/// **Note:**
/// If *consolidated invoicing*
/// is enabled, the attribute *invoice.subscription_id*
/// should **not**
/// be used (as it will not be present if the invoice has lines from multiple subscriptions). Instead to know the related subscriptions, their [line_items](/docs/api/invoices/invoice-object#line_items)
/// *subscription_id*
/// attribute should be referred.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invoice {
    /// The invoice number. Acts as a identifier for invoice and typically generated sequentially.
    ///
    /// Constraints: at most 50 characters.
    pub id: String,
    /// The identifier of the customer this invoice belongs to.
    ///
    /// Constraints: at most 50 characters.
    pub customer_id: String,
    /// The identifier of the subscription this invoice belongs to.
    /// **Note**:
    /// When consolidated invoicing is enabled, you have to refer to line_items
    /// `subscription_id`
    /// to identify the subscriptions associated with this invoice. However, it is important to avoid using this attribute if the invoice includes charges from multiple subscriptions, as it will be null in such cases.
    ///
    /// Constraints: at most 50 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<String>,
    /// Boolean indicating whether this invoice belongs to a subscription
    ///
    /// Constraints: default `true`.
    pub recurring: bool,
    /// Current status of this invoice.
    ///
    /// * pending - The invoice is yet to be closed (sent for payment collection). An invoice is generated with this `status` when it has line items that belong to items that are `metered` or when the `subscription.create_pending_invoices`attribute is set to `true`.
    ///   The invoice is yet to be closed (sent for payment collection). All invoices are generated with this `status` when [Metered Billing](https://www.chargebee.com/docs/1.0/metered_billing.html) is enabled for the site.
    ///
    /// * not_paid - Indicates the payment is not made and all attempts to collect is failed.
    ///
    /// * payment_due - Indicates the payment is not yet collected and is being retried as per retry settings.
    ///
    /// * voided - Indicates a voided invoice.
    ///
    /// * paid - Indicates a paid invoice.
    pub status: InvoiceStatus,
    /// Start date of the invoice.
    ///
    /// Constraints: format `unix-time`.
    pub start_date: i64,
    /// The document date displayed on the invoice PDF. By default, it has the same value as the effective date of the action that created the invoice (subscription creation, update, or invoice creation). This date can be backdated (set to a value in the past) while performing the actions. Backdating an invoice is done for reasons such as booking revenue for a previous date or when the subscription or non-recurring charge is effective as of a past date. However, if the invoice is created as `pending`
    /// , and if the site is configured to set invoice dates to the date of closing, then upon invoice closure, this date is changed to the invoice closing date.
    ///
    /// Constraints: format `unix-time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<i64>,
    /// Purchase Order Number for this invoice
    ///
    /// Constraints: at most 100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub po_number: Option<String>,
    /// VAT/ Tax registration number of the customer. [Learn more](https://www.chargebee.com/docs/tax.html#capture-tax-registration-number)
    ///
    /// Constraints: at most 20 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_number: Option<String>,
    /// The price type of the invoice.
    /// \* tax_inclusive -
    ///
    /// All amounts in the document are inclusive of tax.
    /// \* tax_exclusive -
    ///
    /// All amounts in the document are exclusive of tax.
    ///
    /// Constraints: default `"tax_exclusive"`.
    pub price_type: InvoicePriceType,
    /// The currency code (ISO 4217 format) for the invoice
    ///
    /// Constraints: at most 3 characters.
    pub currency_code: String,
    /// Total tax amount for this invoice
    ///
    /// Constraints: minimum 0, format `int64`.
    pub tax: i64,
    /// The sum of all the line item amounts minus the sum of all line item discounts. In other words, this is the sum of all `line_items[].amount`
    ///
    /// - the sum of all `line_item_discounts[].discount_amount`.
    ///
    /// Constraints: minimum 0, format `int64`.
    pub sub_total: i64,
    /// Invoiced amount displayed in cents; that is, a decimal point is not present between the whole number and the decimal part. For example, $499.99 is displayed as 49999, and so on.
    ///
    /// Constraints: minimum 0, format `int64`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// The unpaid amount that is due on the invoice. This is calculated as: `total`
    ///
    /// -
    ///   `amount_paid`
    ///
    /// - sum of `applied_credits.applied_amount`
    ///
    /// - sum of `adjustment_credit_notes.cn_total`
    ///
    /// - sum of `linked_taxes_withheld.amount`.
    ///
    /// Constraints: minimum 0, format `int64`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_due: Option<i64>,
    /// Total adjustments made against this invoice.
    ///
    /// Constraints: minimum 0, format `int64`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_adjusted: Option<i64>,
    /// Payments collected successfully for the invoice. This is the sum of `linked_payments[].txn_amount`
    /// for all `linked_payments[]`
    /// that have `txn_status`
    /// as `success`.
    ///
    /// Constraints: minimum 0, format `int64`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_paid: Option<i64>,
    /// Timestamp indicating the date \& time this invoice got paid.
    ///
    /// Constraints: format `unix-time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_on: Option<i64>,
    /// Total credits applied against this invoice.
    ///
    /// Constraints: minimum 0, format `int64`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits_applied: Option<i64>,
    /// Current dunning status of the invoice.
    /// \* success -
    ///
    /// Payment successfully collected during dunning process.
    /// \* exhausted -
    ///
    /// Maximum number of attempts have been made.
    /// \* in_progress -
    ///
    /// Dunning is still in progress.
    /// \* stopped -
    ///
    /// Dunning has stopped for this invoice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dunning_status: Option<InvoiceDunningStatus>,
    /// Timestamp indicating when will the next attempt to collect payment for this invoice occur.
    ///
    /// Constraints: format `unix-time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_retry: Option<i64>,
    /// Boolean indicating the first invoice raised for the subscription. In the case of a non-recurring invoice, it indicates the first invoice raised for the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_invoice: Option<bool>,
    /// The list of line items for this invoice
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<InvoiceLineItem>>,
    /// The list of all deductions applied to the invoice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discounts: Option<Vec<InvoiceDiscount>>,
    /// The list of taxes applied for this invoice
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxes: Option<Vec<InvoiceTax>>,
    /// The list of transactions for this invoice
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked_transactions: Option<Vec<InvoiceLinkedTransaction>>,
    /// The list of orders for this invoice
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked_orders: Option<Vec<InvoiceLinkedOrder>>,
    /// The list of [notes](https://www.chargebee.com/docs/2.0/invoice_notes.html)
    /// that appear on the invoice PDF sent to the customer. Notes that come from a specific resource related to the invoice have `entity_type`
    /// and `entity_id`
    /// defined. There can be up to two notes in this array for which `entity_type`
    /// and `entity_id`
    /// are not defined:
    ///
    /// - **Invoice-specific note:** It is the note provided via the `invoice_note` parameter for various endpoints in the API that also create invoices. For example, creating a subscription, creating an invoice, and closing a pending invoice.
    ///
    /// - **General note:** This note is added to all invoices of the Chargebee site. You can [add/edit](https://www.chargebee.com/docs/invoice_notes.html#adding-general-notes) this note in the Chargebee admin console.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Vec<InvoiceNote>>,
    /// Shipping address for the invoice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<Address>,
    /// Billing address for the invoice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
    /// Properties beyond the ones listed above.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<String, serde_json::Value>,
}

/// Defined inline at `#/components/schemas/Invoice/properties/discounts/items`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvoiceDiscount {
    /// The amount deducted. The format of this value depends on the [kind of currency](/docs/api/currencies)
    /// .
    ///
    /// Constraints: minimum 0, format `int64`.
    pub amount: i64,
    /// Description for this deduction.
    ///
    /// Constraints: at most 250 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Type of this Discount lineitem
    /// \* account_credits -
    ///
    /// Represents the Promotional Credits item in invoice. The 'entity_id' attribute will be null in this case
    /// \* coupon -
    ///
    /// Represents the coupon discount items in invoice. Further the 'entity_id' attribute specifies the [coupon](/docs/api/coupons/coupon-object)
    /// id this discount is based on
    /// \* credit_adjustment -
    ///
    /// Represents the Prorated Credits items in invoice. The 'entity_id' attribute will be null in this case
    #[serde(rename = "type")]
    pub type_: InvoiceDiscountType,
    /// When the deduction is due to a `coupon`
    /// , then this is the `id`
    /// of the coupon.
    ///
    /// Constraints: at most 100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
}

/// Type of this Discount lineitem
/// \* account_credits -
///
/// Represents the Promotional Credits item in invoice. The 'entity_id' attribute will be null in this case
/// \* coupon -
///
/// Represents the coupon discount items in invoice. Further the 'entity_id' attribute specifies the [coupon](/docs/api/coupons/coupon-object)
/// id this discount is based on
/// \* credit_adjustment -
///
/// Represents the Prorated Credits items in invoice. The 'entity_id' attribute will be null in this case
///
/// Values the API adds later decode as [`InvoiceDiscountType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InvoiceDiscountType {
    /// `coupon`
    Coupon,
    /// `credit_adjustment`
    CreditAdjustment,
    /// `account_credits`
    AccountCredits,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InvoiceDiscountType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Coupon => "coupon",
            Self::CreditAdjustment => "credit_adjustment",
            Self::AccountCredits => "account_credits",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InvoiceDiscountType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "coupon" => Self::Coupon,
            "credit_adjustment" => Self::CreditAdjustment,
            "account_credits" => Self::AccountCredits,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InvoiceDiscountType> for String {
    fn from(value: InvoiceDiscountType) -> Self {
        match value {
            InvoiceDiscountType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InvoiceDiscountType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Current dunning status of the invoice.
/// \* success -
///
/// Payment successfully collected during dunning process.
/// \* exhausted -
///
/// Maximum number of attempts have been made.
/// \* in_progress -
///
/// Dunning is still in progress.
/// \* stopped -
///
/// Dunning has stopped for this invoice.
///
/// Values the API adds later decode as [`InvoiceDunningStatus::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InvoiceDunningStatus {
    /// `in_progress`
    InProgress,
    /// `exhausted`
    Exhausted,
    /// `stopped`
    Stopped,
    /// `success`
    Success,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InvoiceDunningStatus {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InProgress => "in_progress",
            Self::Exhausted => "exhausted",
            Self::Stopped => "stopped",
            Self::Success => "success",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InvoiceDunningStatus {
    fn from(value: String) -> Self {
        match value.as_str() {
            "in_progress" => Self::InProgress,
            "exhausted" => Self::Exhausted,
            "stopped" => Self::Stopped,
            "success" => Self::Success,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InvoiceDunningStatus> for String {
    fn from(value: InvoiceDunningStatus) -> Self {
        match value {
            InvoiceDunningStatus::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InvoiceDunningStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/schemas/Invoice/properties/line_items/items`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvoiceLineItem {
    /// Start date of this line item.
    ///
    /// Constraints: format `unix-time`.
    pub date_from: i64,
    /// End date of this line item.
    ///
    /// Constraints: format `unix-time`.
    pub date_to: i64,
    /// Unit amount of the line item.
    ///
    /// Constraints: format `int64`.
    pub unit_amount: i64,
    /// [Quantity of the recurring item](/docs/api/v2/pcv-1/invoices/invoice-object#line_items_quantity)
    /// which is represented by this line item.
    ///
    /// Constraints: format `int32`, default `1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i32>,
    /// Total amount of this line item. Typically equals to unit amount x quantity
    ///
    /// Constraints: format `int64`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Specifies whether this line item is taxed or not
    ///
    /// Constraints: default `false`.
    pub is_taxed: bool,
    /// The tax amount charged for this item
    ///
    /// Constraints: minimum 0, format `int64`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<i64>,
    /// Rate of tax used to calculate tax for this lineitem
    ///
    /// Constraints: minimum 0, maximum 100, format `double`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<f64>,
    /// Invoice Reference Line Item ID
    ///
    /// Constraints: at most 40 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_line_item_id: Option<String>,
    /// Detailed description about this line item.
    ///
    /// Constraints: at most 250 characters.
    pub description: String,
    /// Type of this lineitem. This along with 'entity_type' and 'entity_id' attributes consitutes the meta information of this lineitem.
    /// \* setup_charge -
    ///
    /// Represents the 'setup charge' lineitem in invoice - which is a one-time charge included only in the first invoice of the subscription
    /// \* prorated_charge -
    ///
    /// Represents the 'charge' lineitems that are pro-rated. The 'entity_type' attribute further identifies the modelled entity (plan / addon etc) this 'prorated charge' is based on
    /// \* charge -
    ///
    /// Represents the 'charge' lineitems in invoice. The 'entity_type' attribute further identifies the modelled entity (plan / addon etc) this charge is based on
    #[serde(rename = "type")]
    pub type_: InvoiceLineItemType,
    /// Specifies the modelled entity this line item is based on.
    /// \* addon -
    ///
    /// Indicates that this lineitem is based on 'Addon' entity. The 'entity_id' attribute specifies the [addon](/docs/api/v1/addons/addon-object)
    /// id
    /// \* adhoc -
    ///
    /// Indicates that this lineitem is not modelled. i.e created adhoc. So the 'entity_id' attribute will be null in this case
    /// \* plan -
    ///
    /// Indicates that this lineitem is based on 'Plan' entity. The 'entity_id' attribute specifies the [plan](/docs/api/v1/plans/plan-object)
    /// id
    pub entity_type: InvoiceLineItemEntityType,
    /// The identifier of the modelled entity this line item is based on. Will be null for 'adhoc' entity type
    ///
    /// Constraints: at most 100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
}

/// Specifies the modelled entity this line item is based on.
/// \* addon -
///
/// Indicates that this lineitem is based on 'Addon' entity. The 'entity_id' attribute specifies the [addon](/docs/api/v1/addons/addon-object)
/// id
/// \* adhoc -
///
/// Indicates that this lineitem is not modelled. i.e created adhoc. So the 'entity_id' attribute will be null in this case
/// \* plan -
///
/// Indicates that this lineitem is based on 'Plan' entity. The 'entity_id' attribute specifies the [plan](/docs/api/v1/plans/plan-object)
/// id
///
/// Values the API adds later decode as [`InvoiceLineItemEntityType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InvoiceLineItemEntityType {
    /// `plan`
    Plan,
    /// `addon`
    Addon,
    /// `adhoc`
    Adhoc,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InvoiceLineItemEntityType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Plan => "plan",
            Self::Addon => "addon",
            Self::Adhoc => "adhoc",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InvoiceLineItemEntityType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "plan" => Self::Plan,
            "addon" => Self::Addon,
            "adhoc" => Self::Adhoc,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InvoiceLineItemEntityType> for String {
    fn from(value: InvoiceLineItemEntityType) -> Self {
        match value {
            InvoiceLineItemEntityType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InvoiceLineItemEntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Type of this lineitem. This along with 'entity_type' and 'entity_id' attributes consitutes the meta information of this lineitem.
/// \* setup_charge -
///
/// Represents the 'setup charge' lineitem in invoice - which is a one-time charge included only in the first invoice of the subscription
/// \* prorated_charge -
///
/// Represents the 'charge' lineitems that are pro-rated. The 'entity_type' attribute further identifies the modelled entity (plan / addon etc) this 'prorated charge' is based on
/// \* charge -
///
/// Represents the 'charge' lineitems in invoice. The 'entity_type' attribute further identifies the modelled entity (plan / addon etc) this charge is based on
///
/// Values the API adds later decode as [`InvoiceLineItemType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InvoiceLineItemType {
    /// `charge`
    Charge,
    /// `prorated_charge`
    ProratedCharge,
    /// `setup_charge`
    SetupCharge,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InvoiceLineItemType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Charge => "charge",
            Self::ProratedCharge => "prorated_charge",
            Self::SetupCharge => "setup_charge",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InvoiceLineItemType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "charge" => Self::Charge,
            "prorated_charge" => Self::ProratedCharge,
            "setup_charge" => Self::SetupCharge,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InvoiceLineItemType> for String {
    fn from(value: InvoiceLineItemType) -> Self {
        match value {
            InvoiceLineItemType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InvoiceLineItemType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/schemas/Invoice/properties/linked_orders/items`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvoiceLinkedOrder {
    /// Uniquely identifies the order. It is the api identifier for the order
    ///
    /// Constraints: at most 40 characters.
    pub id: String,
    /// The status of this order.
    /// \* cancelled -
    ///
    /// Order has been cancelled. Applicable only if you are using Chargebee's legacy order management system
    /// \* new -
    ///
    /// Order has been created. Applicable only if you are using Chargebee's legacy order management system.
    /// \* voided -
    ///
    /// Order has been voided. Applicable only if you are using Chargebee's legacy order management system
    /// \* complete -
    ///
    /// Order has been processed successfully. Applicable only if you are using Chargebee's legacy order management system
    /// \* processing -
    ///
    /// Order is being processed. Applicable only if you are using Chargebee's legacy order management system
    ///
    /// Constraints: default `"new"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<InvoiceLinkedOrderStatus>,
    /// Reference id can be used to map the orders in the shipping/order management application to the orders in ChargeBee. The reference_id generally is same as the order id in the third party application.
    ///
    /// Constraints: at most 50 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_id: Option<String>,
    /// The fulfillment status of an order as reflected in the shipping/order management application. Typical statuses include Shipped,Awaiting Shipment,Not fulfilled etc;
    ///
    /// Constraints: at most 50 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_status: Option<String>,
    /// Unique id to identify a group of orders.
    ///
    /// Constraints: at most 50 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_id: Option<String>,
    /// The time at which the order was created
    ///
    /// Constraints: format `unix-time`.
    pub created_at: i64,
}

/// The status of this order.
/// \* cancelled -
///
/// Order has been cancelled. Applicable only if you are using Chargebee's legacy order management system
/// \* new -
///
/// Order has been created. Applicable only if you are using Chargebee's legacy order management system.
/// \* voided -
///
/// Order has been voided. Applicable only if you are using Chargebee's legacy order management system
/// \* complete -
///
/// Order has been processed successfully. Applicable only if you are using Chargebee's legacy order management system
/// \* processing -
///
/// Order is being processed. Applicable only if you are using Chargebee's legacy order management system
///
/// Values the API adds later decode as [`InvoiceLinkedOrderStatus::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InvoiceLinkedOrderStatus {
    /// `new`
    New,
    /// `processing`
    Processing,
    /// `complete`
    Complete,
    /// `cancelled`
    Cancelled,
    /// `voided`
    Voided,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InvoiceLinkedOrderStatus {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::New => "new",
            Self::Processing => "processing",
            Self::Complete => "complete",
            Self::Cancelled => "cancelled",
            Self::Voided => "voided",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InvoiceLinkedOrderStatus {
    fn from(value: String) -> Self {
        match value.as_str() {
            "new" => Self::New,
            "processing" => Self::Processing,
            "complete" => Self::Complete,
            "cancelled" => Self::Cancelled,
            "voided" => Self::Voided,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InvoiceLinkedOrderStatus> for String {
    fn from(value: InvoiceLinkedOrderStatus) -> Self {
        match value {
            InvoiceLinkedOrderStatus::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InvoiceLinkedOrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/schemas/Invoice/properties/linked_transactions/items`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvoiceLinkedTransaction {
    /// Uniquely identifies the transaction.
    ///
    /// Constraints: at most 40 characters.
    pub txn_id: String,
    /// The transaction amount applied to this invoice
    ///
    /// Constraints: minimum 0, format `int64`.
    pub applied_amount: i64,
    /// Timestamp at which the transaction is applied.
    ///
    /// Constraints: format `unix-time`.
    pub applied_at: i64,
    /// Type of the transaction.
    ///
    /// * payment_reversal - Indicates a reversal transaction.
    ///
    /// * refund - The transaction represents a refund of `amount`
    ///   to the customer's `payment_source`
    ///   .
    ///
    /// * authorization - The transaction represents an authorization for capturing the `amount`
    ///   from the customer's `payment_source`
    ///   .
    ///
    /// * payment - The transaction represents capture of `amount`
    ///   from the customer's `payment_source`
    ///   .
    pub txn_type: InvoiceLinkedTransactionTxnType,
    /// The status of this transaction.
    /// \* success -
    ///
    /// The transaction is successful.
    /// \* in_progress -
    ///
    /// Transaction is being processed by the gateway. This typically happens for [direct debit transactions](https://www.chargebee.com/docs/direct-debit-payments.html)
    /// or, in case of cards, refund transactions. Such transactions can take 2-7 days to complete, depending on the gateway and payment method.
    /// \* failure -
    ///
    /// Transaction failed. Refer the 'error_code' and 'error_text' fields to know the reason for failure
    /// \* needs_attention -
    ///
    /// Connection with Gateway got terminated abruptly. So, status of this transaction needs to be resolved manually
    /// \* timeout -
    ///
    /// Transaction failed because of Gateway not accepting the connection.
    /// \* voided -
    ///
    /// The transaction got voided or authorization expired at gateway.
    /// \* late_failure -
    ///
    /// Indicates that a successful payment transaction has failed now due to a late failure notification from the payment gateway, typically caused by issues like insufficient funds or a closed bank account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub txn_status: Option<InvoiceLinkedTransactionTxnStatus>,
    /// Indicates when this transaction occurred.
    ///
    /// Constraints: format `unix-time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub txn_date: Option<i64>,
    /// Total amount of the transaction
    ///
    /// Constraints: minimum 0, format `int64`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub txn_amount: Option<i64>,
}

/// The status of this transaction.
/// \* success -
///
/// The transaction is successful.
/// \* in_progress -
///
/// Transaction is being processed by the gateway. This typically happens for [direct debit transactions](https://www.chargebee.com/docs/direct-debit-payments.html)
/// or, in case of cards, refund transactions. Such transactions can take 2-7 days to complete, depending on the gateway and payment method.
/// \* failure -
///
/// Transaction failed. Refer the 'error_code' and 'error_text' fields to know the reason for failure
/// \* needs_attention -
///
/// Connection with Gateway got terminated abruptly. So, status of this transaction needs to be resolved manually
/// \* timeout -
///
/// Transaction failed because of Gateway not accepting the connection.
/// \* voided -
///
/// The transaction got voided or authorization expired at gateway.
/// \* late_failure -
///
/// Indicates that a successful payment transaction has failed now due to a late failure notification from the payment gateway, typically caused by issues like insufficient funds or a closed bank account.
///
/// Values the API adds later decode as [`InvoiceLinkedTransactionTxnStatus::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InvoiceLinkedTransactionTxnStatus {
    /// `in_progress`
    InProgress,
    /// `success`
    Success,
    /// `voided`
    Voided,
    /// `failure`
    Failure,
    /// `timeout`
    Timeout,
    /// `needs_attention`
    NeedsAttention,
    /// `late_failure`
    LateFailure,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InvoiceLinkedTransactionTxnStatus {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InProgress => "in_progress",
            Self::Success => "success",
            Self::Voided => "voided",
            Self::Failure => "failure",
            Self::Timeout => "timeout",
            Self::NeedsAttention => "needs_attention",
            Self::LateFailure => "late_failure",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InvoiceLinkedTransactionTxnStatus {
    fn from(value: String) -> Self {
        match value.as_str() {
            "in_progress" => Self::InProgress,
            "success" => Self::Success,
            "voided" => Self::Voided,
            "failure" => Self::Failure,
            "timeout" => Self::Timeout,
            "needs_attention" => Self::NeedsAttention,
            "late_failure" => Self::LateFailure,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InvoiceLinkedTransactionTxnStatus> for String {
    fn from(value: InvoiceLinkedTransactionTxnStatus) -> Self {
        match value {
            InvoiceLinkedTransactionTxnStatus::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InvoiceLinkedTransactionTxnStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Type of the transaction.
///
/// * payment_reversal - Indicates a reversal transaction.
///
/// * refund - The transaction represents a refund of `amount`
///   to the customer's `payment_source`
///   .
///
/// * authorization - The transaction represents an authorization for capturing the `amount`
///   from the customer's `payment_source`
///   .
///
/// * payment - The transaction represents capture of `amount`
///   from the customer's `payment_source`
///   .
///
/// Values the API adds later decode as [`InvoiceLinkedTransactionTxnType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InvoiceLinkedTransactionTxnType {
    /// `authorization`
    Authorization,
    /// `payment`
    Payment,
    /// `refund`
    Refund,
    /// `payment_reversal`
    PaymentReversal,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InvoiceLinkedTransactionTxnType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Authorization => "authorization",
            Self::Payment => "payment",
            Self::Refund => "refund",
            Self::PaymentReversal => "payment_reversal",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InvoiceLinkedTransactionTxnType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "authorization" => Self::Authorization,
            "payment" => Self::Payment,
            "refund" => Self::Refund,
            "payment_reversal" => Self::PaymentReversal,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InvoiceLinkedTransactionTxnType> for String {
    fn from(value: InvoiceLinkedTransactionTxnType) -> Self {
        match value {
            InvoiceLinkedTransactionTxnType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InvoiceLinkedTransactionTxnType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/schemas/Invoice/properties/notes/items`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvoiceNote {
    /// Actual note.
    ///
    /// Constraints: at most 65000 characters.
    pub note: String,
    /// Unique identifier of the entity.
    ///
    /// Constraints: at most 100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// Type of entity to which the note belongs.
    /// \* subscription -
    ///
    /// Entity that represents a subscription of customer.
    /// \* customer -
    ///
    /// Entity that represents a customer.
    /// \* addon -
    ///
    /// Entity that represents an addon.
    /// \* plan -
    ///
    /// Entity that represents a plan.
    /// \* coupon -
    ///
    /// Entity that represents a coupon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<InvoiceNoteEntityType>,
}

/// Type of entity to which the note belongs.
/// \* subscription -
///
/// Entity that represents a subscription of customer.
/// \* customer -
///
/// Entity that represents a customer.
/// \* addon -
///
/// Entity that represents an addon.
/// \* plan -
///
/// Entity that represents a plan.
/// \* coupon -
///
/// Entity that represents a coupon.
///
/// Values the API adds later decode as [`InvoiceNoteEntityType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InvoiceNoteEntityType {
    /// `plan`
    Plan,
    /// `addon`
    Addon,
    /// `coupon`
    Coupon,
    /// `subscription`
    Subscription,
    /// `customer`
    Customer,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InvoiceNoteEntityType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Plan => "plan",
            Self::Addon => "addon",
            Self::Coupon => "coupon",
            Self::Subscription => "subscription",
            Self::Customer => "customer",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InvoiceNoteEntityType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "plan" => Self::Plan,
            "addon" => Self::Addon,
            "coupon" => Self::Coupon,
            "subscription" => Self::Subscription,
            "customer" => Self::Customer,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InvoiceNoteEntityType> for String {
    fn from(value: InvoiceNoteEntityType) -> Self {
        match value {
            InvoiceNoteEntityType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InvoiceNoteEntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The price type of the invoice.
/// \* tax_inclusive -
///
/// All amounts in the document are inclusive of tax.
/// \* tax_exclusive -
///
/// All amounts in the document are exclusive of tax.
///
/// Values the API adds later decode as [`InvoicePriceType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InvoicePriceType {
    /// `tax_exclusive`
    TaxExclusive,
    /// `tax_inclusive`
    TaxInclusive,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InvoicePriceType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::TaxExclusive => "tax_exclusive",
            Self::TaxInclusive => "tax_inclusive",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InvoicePriceType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "tax_exclusive" => Self::TaxExclusive,
            "tax_inclusive" => Self::TaxInclusive,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InvoicePriceType> for String {
    fn from(value: InvoicePriceType) -> Self {
        match value {
            InvoicePriceType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InvoicePriceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Current status of this invoice.
///
/// * pending - The invoice is yet to be closed (sent for payment collection). An invoice is generated with this `status` when it has line items that belong to items that are `metered` or when the `subscription.create_pending_invoices`attribute is set to `true`.
///   The invoice is yet to be closed (sent for payment collection). All invoices are generated with this `status` when [Metered Billing](https://www.chargebee.com/docs/1.0/metered_billing.html) is enabled for the site.
///
/// * not_paid - Indicates the payment is not made and all attempts to collect is failed.
///
/// * payment_due - Indicates the payment is not yet collected and is being retried as per retry settings.
///
/// * voided - Indicates a voided invoice.
///
/// * paid - Indicates a paid invoice.
///
/// Values the API adds later decode as [`InvoiceStatus::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InvoiceStatus {
    /// `paid`
    Paid,
    /// `payment_due`
    PaymentDue,
    /// `not_paid`
    NotPaid,
    /// `voided`
    Voided,
    /// `pending`
    Pending,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl InvoiceStatus {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Paid => "paid",
            Self::PaymentDue => "payment_due",
            Self::NotPaid => "not_paid",
            Self::Voided => "voided",
            Self::Pending => "pending",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for InvoiceStatus {
    fn from(value: String) -> Self {
        match value.as_str() {
            "paid" => Self::Paid,
            "payment_due" => Self::PaymentDue,
            "not_paid" => Self::NotPaid,
            "voided" => Self::Voided,
            "pending" => Self::Pending,
            _ => Self::Unknown(value),
        }
    }
}

impl From<InvoiceStatus> for String {
    fn from(value: InvoiceStatus) -> Self {
        match value {
            InvoiceStatus::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for InvoiceStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/schemas/Invoice/properties/taxes/items`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvoiceTax {
    /// The tax amount.
    ///
    /// Constraints: minimum 0, format `int64`.
    pub amount: i64,
    /// Description of the tax item.
    ///
    /// Constraints: at most 250 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The `MethodNotAllowedError` schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodNotAllowedError {
    /// The `message` property.
    pub message: String,
    /// The `type` property.
    #[serde(rename = "type")]
    pub type_: ConflictErrorType,
    /// \* \`http_method_not_supported\` - Returned when the 'http method', specified in the request, is not allowed for this URL. It should not occur if you are using one of the standard client library.
    pub api_error_code: MethodNotAllowedErrorApiErrorCode,
    /// The `param` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Deprecated error code, kept for older integrations.
    ///
    /// **Deprecated** by the API.
    #[deprecated]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The HTTP status code of the response, repeated in the body.
    ///
    /// Constraints: format `int32`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status_code: Option<i32>,
}

/// \* \`http_method_not_supported\` - Returned when the 'http method', specified in the request, is not allowed for this URL. It should not occur if you are using one of the standard client library.
///
/// Values the API adds later decode as [`MethodNotAllowedErrorApiErrorCode::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum MethodNotAllowedErrorApiErrorCode {
    /// `http_method_not_supported`
    HttpMethodNotSupported,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl MethodNotAllowedErrorApiErrorCode {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::HttpMethodNotSupported => "http_method_not_supported",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for MethodNotAllowedErrorApiErrorCode {
    fn from(value: String) -> Self {
        match value.as_str() {
            "http_method_not_supported" => Self::HttpMethodNotSupported,
            _ => Self::Unknown(value),
        }
    }
}

impl From<MethodNotAllowedErrorApiErrorCode> for String {
    fn from(value: MethodNotAllowedErrorApiErrorCode) -> Self {
        match value {
            MethodNotAllowedErrorApiErrorCode::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for MethodNotAllowedErrorApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `NotFoundError` schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotFoundError {
    /// The `message` property.
    pub message: String,
    /// The `type` property.
    #[serde(rename = "type")]
    pub type_: NotFoundErrorType,
    /// \* \`resource_not_found\` - Returned when any of resource(s) referred in the request is not found. \* \`site_not_found\` - Returned when the site is not found.
    pub api_error_code: NotFoundErrorApiErrorCode,
    /// The `param` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Deprecated error code, kept for older integrations.
    ///
    /// **Deprecated** by the API.
    #[deprecated]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The HTTP status code of the response, repeated in the body.
    ///
    /// Constraints: format `int32`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status_code: Option<i32>,
}

/// \* \`resource_not_found\` - Returned when any of resource(s) referred in the request is not found. \* \`site_not_found\` - Returned when the site is not found.
///
/// Values the API adds later decode as [`NotFoundErrorApiErrorCode::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum NotFoundErrorApiErrorCode {
    /// `resource_not_found`
    ResourceNotFound,
    /// `site_not_found`
    SiteNotFound,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl NotFoundErrorApiErrorCode {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::ResourceNotFound => "resource_not_found",
            Self::SiteNotFound => "site_not_found",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for NotFoundErrorApiErrorCode {
    fn from(value: String) -> Self {
        match value.as_str() {
            "resource_not_found" => Self::ResourceNotFound,
            "site_not_found" => Self::SiteNotFound,
            _ => Self::Unknown(value),
        }
    }
}

impl From<NotFoundErrorApiErrorCode> for String {
    fn from(value: NotFoundErrorApiErrorCode) -> Self {
        match value {
            NotFoundErrorApiErrorCode::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for NotFoundErrorApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/schemas/NotFoundError/properties/type`.
///
/// Values the API adds later decode as [`NotFoundErrorType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum NotFoundErrorType {
    /// `invalid_request`
    InvalidRequest,
    /// `untyped`
    Untyped,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl NotFoundErrorType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::Untyped => "untyped",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for NotFoundErrorType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "invalid_request" => Self::InvalidRequest,
            "untyped" => Self::Untyped,
            _ => Self::Unknown(value),
        }
    }
}

impl From<NotFoundErrorType> for String {
    fn from(value: NotFoundErrorType) -> Self {
        match value {
            NotFoundErrorType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for NotFoundErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/paths/~1invoices~1{invoice-id}~1resume_dunning/post/responses/200/content/application~1json/schema`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResumeDunningResponse {
    /// The `invoice` property.
    pub invoice: Invoice,
}

/// The `ServiceUnavailableError` schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceUnavailableError {
    /// The `message` property.
    pub message: String,
    /// The `type` property.
    #[serde(rename = "type")]
    pub type_: ServiceUnavailableErrorType,
    /// \* \`db_connection_failure\` - Returned when db connection fails. \* \`site_read_only_mode\` - Returned when your site is temporarily unavailable for write operations due to a scheduled maintenance. \* \`site_not_ready\` - Returned when your site is temporarily unavailable due to a scheduled maintenance. \* \`internal_temporary_error\` - Returned when temporary occured in Chargebee side. The request can be re-tried, with exponential backoff in case of repeat failures.
    pub api_error_code: ServiceUnavailableErrorApiErrorCode,
    /// The `param` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Deprecated error code, kept for older integrations.
    ///
    /// **Deprecated** by the API.
    #[deprecated]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The HTTP status code of the response, repeated in the body.
    ///
    /// Constraints: format `int32`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status_code: Option<i32>,
}

/// \* \`db_connection_failure\` - Returned when db connection fails. \* \`site_read_only_mode\` - Returned when your site is temporarily unavailable for write operations due to a scheduled maintenance. \* \`site_not_ready\` - Returned when your site is temporarily unavailable due to a scheduled maintenance. \* \`internal_temporary_error\` - Returned when temporary occured in Chargebee side. The request can be re-tried, with exponential backoff in case of repeat failures.
///
/// Values the API adds later decode as [`ServiceUnavailableErrorApiErrorCode::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum ServiceUnavailableErrorApiErrorCode {
    /// `db_connection_failure`
    DbConnectionFailure,
    /// `site_read_only_mode`
    SiteReadOnlyMode,
    /// `site_not_ready`
    SiteNotReady,
    /// `internal_temporary_error`
    InternalTemporaryError,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl ServiceUnavailableErrorApiErrorCode {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::DbConnectionFailure => "db_connection_failure",
            Self::SiteReadOnlyMode => "site_read_only_mode",
            Self::SiteNotReady => "site_not_ready",
            Self::InternalTemporaryError => "internal_temporary_error",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for ServiceUnavailableErrorApiErrorCode {
    fn from(value: String) -> Self {
        match value.as_str() {
            "db_connection_failure" => Self::DbConnectionFailure,
            "site_read_only_mode" => Self::SiteReadOnlyMode,
            "site_not_ready" => Self::SiteNotReady,
            "internal_temporary_error" => Self::InternalTemporaryError,
            _ => Self::Unknown(value),
        }
    }
}

impl From<ServiceUnavailableErrorApiErrorCode> for String {
    fn from(value: ServiceUnavailableErrorApiErrorCode) -> Self {
        match value {
            ServiceUnavailableErrorApiErrorCode::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for ServiceUnavailableErrorApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/schemas/ServiceUnavailableError/properties/type`.
///
/// Values the API adds later decode as [`ServiceUnavailableErrorType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum ServiceUnavailableErrorType {
    /// `invalid_request`
    InvalidRequest,
    /// `operation_failed`
    OperationFailed,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl ServiceUnavailableErrorType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::OperationFailed => "operation_failed",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for ServiceUnavailableErrorType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "invalid_request" => Self::InvalidRequest,
            "operation_failed" => Self::OperationFailed,
            _ => Self::Unknown(value),
        }
    }
}

impl From<ServiceUnavailableErrorType> for String {
    fn from(value: ServiceUnavailableErrorType) -> Self {
        match value {
            ServiceUnavailableErrorType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for ServiceUnavailableErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `TooManyRequestsError` schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TooManyRequestsError {
    /// The `message` property.
    pub message: String,
    /// The `type` property.
    #[serde(rename = "type")]
    pub type_: InternalServerErrorType,
    /// \* \`third_party_api_request_limit_exceeded\` - Returned when your request is blocked temporarily at a third-party service, due to the request count exceeding their acceptable limits. \* \`api_request_limit_exceeded\` - Returned when requests have been blocked temporarily due to request count exceeding acceptable limits. \* \`lock_timeout\` - Returned when there are multiple concurrent requests to the same resource.
    pub api_error_code: TooManyRequestsErrorApiErrorCode,
    /// The `param` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Deprecated error code, kept for older integrations.
    ///
    /// **Deprecated** by the API.
    #[deprecated]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The HTTP status code of the response, repeated in the body.
    ///
    /// Constraints: format `int32`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status_code: Option<i32>,
}

/// \* \`third_party_api_request_limit_exceeded\` - Returned when your request is blocked temporarily at a third-party service, due to the request count exceeding their acceptable limits. \* \`api_request_limit_exceeded\` - Returned when requests have been blocked temporarily due to request count exceeding acceptable limits. \* \`lock_timeout\` - Returned when there are multiple concurrent requests to the same resource.
///
/// Values the API adds later decode as [`TooManyRequestsErrorApiErrorCode::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum TooManyRequestsErrorApiErrorCode {
    /// `third_party_api_request_limit_exceeded`
    ThirdPartyApiRequestLimitExceeded,
    /// `api_request_limit_exceeded`
    ApiRequestLimitExceeded,
    /// `lock_timeout`
    LockTimeout,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl TooManyRequestsErrorApiErrorCode {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::ThirdPartyApiRequestLimitExceeded => {
                "third_party_api_request_limit_exceeded"
            }
            Self::ApiRequestLimitExceeded => "api_request_limit_exceeded",
            Self::LockTimeout => "lock_timeout",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for TooManyRequestsErrorApiErrorCode {
    fn from(value: String) -> Self {
        match value.as_str() {
            "third_party_api_request_limit_exceeded" => {
                Self::ThirdPartyApiRequestLimitExceeded
            }
            "api_request_limit_exceeded" => Self::ApiRequestLimitExceeded,
            "lock_timeout" => Self::LockTimeout,
            _ => Self::Unknown(value),
        }
    }
}

impl From<TooManyRequestsErrorApiErrorCode> for String {
    fn from(value: TooManyRequestsErrorApiErrorCode) -> Self {
        match value {
            TooManyRequestsErrorApiErrorCode::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for TooManyRequestsErrorApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `UnauthorizedError` schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnauthorizedError {
    /// The `message` property.
    pub message: String,
    /// The `type` property.
    #[serde(rename = "type")]
    pub type_: UnauthorizedErrorType,
    /// \* \`api_authentication_failed\` - Returned when authentication failed for the request. The possible reasons could be the api key is invalid or authentication header is not present in the request or the header's format is invalid. \* \`basic_authentication_failed\` - Returned when authentication failed for the request. The possible reasons could be that one or both of the username and password are invalid
    pub api_error_code: UnauthorizedErrorApiErrorCode,
    /// The `param` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Deprecated error code, kept for older integrations.
    ///
    /// **Deprecated** by the API.
    #[deprecated]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The HTTP status code of the response, repeated in the body.
    ///
    /// Constraints: format `int32`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status_code: Option<i32>,
}

/// \* \`api_authentication_failed\` - Returned when authentication failed for the request. The possible reasons could be the api key is invalid or authentication header is not present in the request or the header's format is invalid. \* \`basic_authentication_failed\` - Returned when authentication failed for the request. The possible reasons could be that one or both of the username and password are invalid
///
/// Values the API adds later decode as [`UnauthorizedErrorApiErrorCode::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum UnauthorizedErrorApiErrorCode {
    /// `api_authentication_failed`
    ApiAuthenticationFailed,
    /// `basic_authentication_failed`
    BasicAuthenticationFailed,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl UnauthorizedErrorApiErrorCode {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::ApiAuthenticationFailed => "api_authentication_failed",
            Self::BasicAuthenticationFailed => "basic_authentication_failed",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for UnauthorizedErrorApiErrorCode {
    fn from(value: String) -> Self {
        match value.as_str() {
            "api_authentication_failed" => Self::ApiAuthenticationFailed,
            "basic_authentication_failed" => Self::BasicAuthenticationFailed,
            _ => Self::Unknown(value),
        }
    }
}

impl From<UnauthorizedErrorApiErrorCode> for String {
    fn from(value: UnauthorizedErrorApiErrorCode) -> Self {
        match value {
            UnauthorizedErrorApiErrorCode::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for UnauthorizedErrorApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defined inline at `#/components/schemas/UnauthorizedError/properties/type`.
///
/// Values the API adds later decode as [`UnauthorizedErrorType::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum UnauthorizedErrorType {
    /// `untyped`
    Untyped,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl UnauthorizedErrorType {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Untyped => "untyped",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for UnauthorizedErrorType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "untyped" => Self::Untyped,
            _ => Self::Unknown(value),
        }
    }
}

impl From<UnauthorizedErrorType> for String {
    fn from(value: UnauthorizedErrorType) -> Self {
        match value {
            UnauthorizedErrorType::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for UnauthorizedErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `UnprocessableEntityError` schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnprocessableEntityError {
    /// The `message` property.
    pub message: String,
    /// The `type` property.
    #[serde(rename = "type")]
    pub type_: ConflictErrorType,
    /// \* \`unable_to_process_request\` - Returned when the HTTP request body contains a well-formed, but semantically erroneous payload. For example this error is returned when a client attempts to reuse an idempotency key with a different request payload.
    pub api_error_code: UnprocessableEntityErrorApiErrorCode,
    /// The `param` property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Deprecated error code, kept for older integrations.
    ///
    /// **Deprecated** by the API.
    #[deprecated]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The HTTP status code of the response, repeated in the body.
    ///
    /// Constraints: format `int32`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status_code: Option<i32>,
}

/// \* \`unable_to_process_request\` - Returned when the HTTP request body contains a well-formed, but semantically erroneous payload. For example this error is returned when a client attempts to reuse an idempotency key with a different request payload.
///
/// Values the API adds later decode as [`UnprocessableEntityErrorApiErrorCode::Unknown`] instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum UnprocessableEntityErrorApiErrorCode {
    /// `unable_to_process_request`
    UnableToProcessRequest,
    /// A value this client does not know, kept as it was received.
    Unknown(String),
}

impl UnprocessableEntityErrorApiErrorCode {
    /// The value as it is sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::UnableToProcessRequest => "unable_to_process_request",
            Self::Unknown(value) => value,
        }
    }
}

impl From<String> for UnprocessableEntityErrorApiErrorCode {
    fn from(value: String) -> Self {
        match value.as_str() {
            "unable_to_process_request" => Self::UnableToProcessRequest,
            _ => Self::Unknown(value),
        }
    }
}

impl From<UnprocessableEntityErrorApiErrorCode> for String {
    fn from(value: UnprocessableEntityErrorApiErrorCode) -> Self {
        match value {
            UnprocessableEntityErrorApiErrorCode::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for UnprocessableEntityErrorApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
