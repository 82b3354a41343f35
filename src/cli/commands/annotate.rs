//! `attache annotate FILE [-o OUT]`: the annotated document as JSON.

use std::path::Path;

use super::{write_atomic, write_stdout};
use crate::config::Overrides;
use crate::error::Result;
use crate::format::json;

/// `attache annotate FILE [-o OUT]`.
pub fn annotate(file: &str, output: Option<&Path>, o: &Overrides) -> Result<()> {
    let doc = crate::load::load(Some(file), &super::annotate_options(o)?)?;
    let out = json::to_json(&doc);
    match output {
        Some(p) if p.as_os_str() != "-" => write_atomic(p, &out),
        _ => write_stdout(&out),
    }
}
