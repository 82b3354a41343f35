//! Attaché: a terminal reader for annotated diplomatic interviews.
//!
//! The crate is layered so that nothing leaks upwards:
//! [`model`] (document, spans, invariants) → [`annotate`] (plain text to
//! annotated document) → [`format`] (JSON and listings) → [`app`] (reader
//! state and `update`) → [`ui`] (drawing and the event loop). [`theme`]
//! resolves styles for `ui`; [`cli`] is the command line; [`eval`] scores the
//! annotator against gold annotations.

pub mod annotate;
pub mod app;
pub mod cli;
pub mod config;
pub mod error;
pub mod eval;
pub mod format;
pub mod load;
pub mod model;
pub mod output;
pub mod theme;
pub mod ui;
