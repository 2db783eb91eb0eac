//! Where the API is served and how a client connects to it.

use std::fmt;
use crate::client::{Client, ClientBuilder};
use crate::credentials::Credentials;
use crate::error::BuildError;

/// The servers the API is published on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Server {
    /// Live site
    ///
    /// `{protocol}://{site}.{environment}:{port}/api/v2`
    LiveSite(ServerVariables),
    /// Test site
    ///
    /// `{protocol}://{site}-test.{environment}:{port}/api/v2`
    TestSite(ServerVariables),
}

impl Server {
    /// The server's base URL, with its variables filled in.
    pub fn url(&self) -> String {
        match self {
            Self::LiveSite(ServerVariables { protocol, site, environment, port }) => {
                format!("{protocol}://{site}.{environment}:{port}/api/v2")
            }
            Self::TestSite(ServerVariables { protocol, site, environment, port }) => {
                format!("{protocol}://{site}-test.{environment}:{port}/api/v2")
            }
        }
    }
}

impl Default for Server {
    /// The first server the API lists, with default variables.
    fn default() -> Self {
        Self::LiveSite(ServerVariables::default())
    }
}

/// Values for the `{variables}` in the server URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerVariables {
    /// The protocol; only HTTPS is supported.
    ///
    /// Default: `https`.
    pub protocol: Protocol,
    /// Your Chargebee site name (the subdomain of your site).
    ///
    /// Default: `demo`.
    pub site: String,
    /// The Chargebee domain.
    ///
    /// Default: `chargebee.com`.
    pub environment: Environment,
    /// The HTTPS port.
    ///
    /// Default: `443`.
    pub port: Port,
}

impl Default for ServerVariables {
    fn default() -> Self {
        Self {
            protocol: Protocol::Https,
            site: "demo".to_owned(),
            environment: Environment::ChargebeeCom,
            port: Port::V443,
        }
    }
}

/// The allowed values of the `protocol` server variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Protocol {
    /// `https`
    #[default]
    Https,
}

impl Protocol {
    /// The value as it appears in the URL.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Https => "https",
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The allowed values of the `environment` server variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Environment {
    /// `chargebee.com`
    #[default]
    ChargebeeCom,
}

impl Environment {
    /// The value as it appears in the URL.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::ChargebeeCom => "chargebee.com",
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The allowed values of the `port` server variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Port {
    /// `443`
    #[default]
    V443,
}

impl Port {
    /// The value as it appears in the URL.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::V443 => "443",
        }
    }
}

impl fmt::Display for Port {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Client {
    /// A client for `server` that authenticates with `credentials`, with the default retry policy and timeouts.
    ///
    /// # Errors
    ///
    /// [`BuildError`] when the server URL is unusable or the HTTP client cannot start.
    pub fn new(server: Server, credentials: Credentials) -> Result<Self, BuildError> {
        Self::builder().server(server).credentials(credentials).build()
    }

    /// Starts configuring a client, sending to the API's first server unless told otherwise.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default().server(Server::default())
    }
}

impl ClientBuilder {
    /// Sends requests to `server` (the default is the first server the API lists).
    pub fn server(self, server: Server) -> Self {
        self.base_url(server.url())
    }
}

impl Credentials {
    /// An API key sent as the HTTP basic user name with an empty password, the way APIs that take API keys over basic authentication expect it.
    ///
    /// HTTP Basic authentication: use your Chargebee API key as the user name and leave the password empty.
    pub fn api_key(key: impl Into<String>) -> Self {
        Self::basic(key, "")
    }
}
