//! Formats: the `attache/1` JSON document, and the listings the command line prints.
//!
//! This layer turns documents into bytes and back; it checks every document
//! that enters through it with [`crate::model::Document::validate`].

pub mod json;
pub mod listing;
pub mod outline;
