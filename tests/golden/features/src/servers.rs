//! Where the API is served and how a client connects to it.

use crate::client::{Client, ClientBuilder};

impl Client {
    /// Starts configuring a client. The API lists no servers: give one with
    /// [`ClientBuilder::base_url`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }
}
