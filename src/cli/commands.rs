//! Handlers of the non-interactive subcommands: annotate, quotes, speakers, outline.

use std::path::Path;

use super::{GlobalOpts, QuoteFormat, not_yet};
use crate::error::Result;

/// `attache annotate FILE [-o OUT]`.
pub fn annotate(_file: &str, _output: Option<&Path>, _g: &GlobalOpts) -> Result<()> {
    not_yet("annotate")
}

/// `attache quotes FILE [--speaker NAME] [--format F]`.
pub fn quotes(
    _file: &str,
    _speaker: Option<&str>,
    _format: QuoteFormat,
    _g: &GlobalOpts,
) -> Result<()> {
    not_yet("quotes")
}

/// `attache speakers FILE`.
pub fn speakers(_file: &str, _g: &GlobalOpts) -> Result<()> {
    not_yet("speakers")
}

/// `attache outline FILE`.
pub fn outline(_file: &str, _g: &GlobalOpts) -> Result<()> {
    not_yet("outline")
}
