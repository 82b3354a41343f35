//! `attache annotate FILE [-o OUT] [--force]`: the annotated document as JSON.

use std::path::Path;

use super::outfile::OutputFile;
use super::write_stdout;
use crate::config::Overrides;
use crate::error::Result;
use crate::format::json;

/// `attache annotate FILE [-o OUT] [--force]`. The output file is opened
/// first, so that a bad `-o` fails before a long annotation; it may be the
/// input file only with `force`.
pub fn annotate(file: &str, output: Option<&Path>, force: bool, o: &Overrides) -> Result<()> {
    let target = match output {
        Some(p) if p.as_os_str() != "-" => {
            let input = (file != "-").then(|| Path::new(file));
            Some(OutputFile::create(p, input, force)?)
        }
        _ => None,
    };
    let doc = crate::load::load(Some(file), &super::annotate_options(o)?)?;
    let out = json::to_json(&doc);
    match target {
        Some(t) => t.commit(&out),
        None => write_stdout(&out),
    }
}
