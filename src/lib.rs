//! Attaché: a terminal reader for annotated diplomatic interviews.
//!
//! The crate is layered so that imports only point down the list (a module
//! uses the ones above it, never the ones below):
//!
//! 1. [`error`]: the user-facing error and its exit code; [`files`]: reading
//!    the files a user names, with a size limit and a check of their kind.
//! 2. [`model`]: document, spans, annotations and their invariants.
//!    Then [`notes`]: what a reader adds (notes, highlights, corrections,
//!    marks, position) in a sidecar file, anchored so that it survives edits
//!    of the text, and [`outfile`]: writing a file atomically (both use the
//!    model, nothing above it).
//! 3. [`annotate`]: plain text to an annotated document, stage by stage.
//! 4. [`format`](mod@format) (JSON `attache/1` and the listings), then [`load`] (a
//!    document from a file, standard input or the bundled sample; uses
//!    `format`'s JSON; HTML pages are read as their text and stray markup is
//!    dropped in [`load::html`] and [`load::markup`]), then [`eval`] (scores
//!    against gold annotations, as data; printing them is `cli`'s job), then
//!    [`export`] (a document and the user's notes as W3C, brat, Markdown,
//!    HTML or CSV text; writing the files is `cli`'s job).
//! 5. [`app`]: the reader's state, actions and `update`, without a terminal.
//! 6. [`theme`] (styles and colour depth, from a plain [`theme::ColorMode`])
//!    and [`config`] (the configuration file, under plain
//!    [`config::Overrides`]).
//! 7. [`ui`]: drawing and the event loop, the only code that touches the
//!    terminal; [`output`]: the one writer to standard output.
//! 8. [`cli`]: clap types and one handler per subcommand.
//!
//! `main.rs` parses the command line and maps errors to exit codes.

#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]
// Output goes through `output::write_stdout` (or an explicit stderr write).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod annotate;
pub mod app;
pub mod cli;
pub mod config;
pub mod error;
pub mod eval;
pub mod export;
pub mod files;
pub mod format;
pub mod load;
pub mod model;
pub mod notes;
pub mod outfile;
pub mod output;
pub mod theme;
pub mod ui;
