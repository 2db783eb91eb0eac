//! The generated resume_dunning client against a local server on 127.0.0.1: the exact
//! request it sends, and how it reads every kind of answer.

mod client_setup;
mod common;
mod requests;
mod responses;
