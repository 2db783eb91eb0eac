//! Code of our own inside the generated Chargebee client: `scripts/test-full-clients.sh`
//! copies this file to `src/custom/mod.rs` of the `style = "resources"` client, regenerates it
//! and checks it with `--check`; `chargebee_resources.rs` calls it. apiforge declares the
//! module in `lib.rs` (`pub mod custom;`) and never writes here.
#![cfg(feature = "subscriptions")]

use crate::subscriptions::Subscriptions;
use crate::{Error, ErrorResponse};

impl Subscriptions<'_> {
    /// A subscription's status as the API writes it (`"active"`), for logs.
    ///
    /// # Errors
    ///
    /// Those of [`Subscriptions::retrieve`].
    pub async fn status_text(&self, subscription_id: &str) -> Result<String, Error<ErrorResponse>> {
        let found = self.retrieve(subscription_id).await?;
        Ok(found.subscription.status.as_str().to_owned())
    }
}
