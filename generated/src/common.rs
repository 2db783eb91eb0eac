//! Parameters the API defines once and many operations take.

use crate::runtime;
use crate::types;
use crate::{Client, ClientBuilder};

/// Parameters the API defines once for many operations: who the request is made for
/// and how the API should react, rather than what the call does. Set them for every
/// call with [`ClientBuilder::common_parameters`], or for some calls with
/// [`Client::with_common_parameters`]; each is sent only with the operations that
/// document it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommonParameters {
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
    pub chargebee_event_actions: Option<types::ChargebeeEvent>,
    /// Skip only emails.
    ///
    /// Sent as the `chargebee-event-email` header.
    pub chargebee_event_email: Option<types::ChargebeeEvent>,
    /// Skip only webhooks.
    ///
    /// Sent as the `chargebee-event-webhook` header.
    pub chargebee_event_webhook: Option<types::ChargebeeEvent>,
}

impl CommonParameters {
    /// The wire names of common parameters some operations send together.
    #[doc(hidden)]
    pub const ALL: &'static [&'static str] = &[
        "chargebee-request-origin-device",
        "chargebee-request-origin-user",
        "chargebee-request-origin-user-encoded",
        "chargebee-request-origin-ip",
        "chargebee-business-entity-id",
        "chargebee-event-actions",
        "chargebee-event-email",
        "chargebee-event-webhook",
    ];
    fn values(&self) -> Vec<runtime::ParamValue> {
        let mut values = Vec::new();
        if let Some(value) = &self.chargebee_request_origin_device {
            values
                .push(runtime::ParamValue {
                    location: runtime::Location::Header,
                    name: "chargebee-request-origin-device",
                    value: value.clone(),
                });
        }
        if let Some(value) = &self.chargebee_request_origin_user {
            values
                .push(runtime::ParamValue {
                    location: runtime::Location::Header,
                    name: "chargebee-request-origin-user",
                    value: value.clone(),
                });
        }
        if let Some(value) = &self.chargebee_request_origin_user_encoded {
            values
                .push(runtime::ParamValue {
                    location: runtime::Location::Header,
                    name: "chargebee-request-origin-user-encoded",
                    value: runtime::base64(value),
                });
        }
        if let Some(value) = &self.chargebee_request_origin_ip {
            values
                .push(runtime::ParamValue {
                    location: runtime::Location::Header,
                    name: "chargebee-request-origin-ip",
                    value: value.clone(),
                });
        }
        if let Some(value) = &self.chargebee_business_entity_id {
            values
                .push(runtime::ParamValue {
                    location: runtime::Location::Header,
                    name: "chargebee-business-entity-id",
                    value: value.clone(),
                });
        }
        if let Some(value) = &self.chargebee_event_actions {
            values
                .push(runtime::ParamValue {
                    location: runtime::Location::Header,
                    name: "chargebee-event-actions",
                    value: value.as_str().to_owned(),
                });
        }
        if let Some(value) = &self.chargebee_event_email {
            values
                .push(runtime::ParamValue {
                    location: runtime::Location::Header,
                    name: "chargebee-event-email",
                    value: value.as_str().to_owned(),
                });
        }
        if let Some(value) = &self.chargebee_event_webhook {
            values
                .push(runtime::ParamValue {
                    location: runtime::Location::Header,
                    name: "chargebee-event-webhook",
                    value: value.as_str().to_owned(),
                });
        }
        values
    }
}

impl ClientBuilder {
    /// Sends these common parameters with every call that documents them (values set
    /// here replace earlier ones; `None` leaves a parameter as it was).
    pub fn common_parameters(self, parameters: &CommonParameters) -> Self {
        self.params(parameters.values())
    }
}

impl Client {
    /// A client that shares this one's connections and settings but sends these
    /// common parameters (replacing the client's values for those that are set):
    /// `client.with_common_parameters(&parameters).some_call(..)`.
    pub fn with_common_parameters(&self, parameters: &CommonParameters) -> Client {
        self.with_params(parameters.values())
    }
}
