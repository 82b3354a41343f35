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
    file: &str,
    _speaker: Option<&str>,
    format: QuoteFormat,
    g: &GlobalOpts,
) -> Result<()> {
    let doc = super::input::load(Some(file), &annotate_options(g)?)?;
    let rows = crate::format::listing::quote_rows(&doc);
    match format {
        QuoteFormat::Json => print!("{}", crate::format::listing::quotes_json(&rows)),
        _ => return not_yet("this quote format"),
    }
    Ok(())
}

/// Annotation options from the global flags (`--topics`).
pub fn annotate_options(_g: &GlobalOpts) -> Result<crate::annotate::Options> {
    Ok(crate::annotate::Options::default())
}

/// `attache speakers FILE`.
pub fn speakers(_file: &str, _g: &GlobalOpts) -> Result<()> {
    not_yet("speakers")
}

/// `attache outline FILE`.
pub fn outline(_file: &str, _g: &GlobalOpts) -> Result<()> {
    not_yet("outline")
}
