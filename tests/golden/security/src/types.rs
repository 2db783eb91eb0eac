//! The data types of the API: request and response bodies, their parts, and the
//! enumerations of parameters.
