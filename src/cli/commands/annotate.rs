//! `attache annotate FILE [-o OUT] [--force]`: the annotated document as JSON.

use std::path::Path;

use super::batch;
use super::outfile::OutputFile;
use crate::config::Overrides;
use crate::error::{Error, Result};
use crate::format::json;

/// `attache annotate FILE…`: one file to standard output or `-o`, or with
/// several files, a folder or `--out-dir`, a batch (see [`batch`]).
pub fn annotate_all(
    files: &[String],
    output: Option<&Path>,
    out_dir: Option<&Path>,
    force: bool,
    o: &Overrides,
) -> Result<()> {
    let single = files.len() == 1 && !Path::new(&files[0]).is_dir();
    match (out_dir, single) {
        (None, true) => annotate(&files[0], output, force, o),
        (None, false) => Err(Error::input(
            "several files or a folder need --out-dir DIR (one JSON file each)",
        )),
        (Some(dir), _) => {
            let jobs = batch::plan(files, dir)?;
            std::fs::create_dir_all(dir).map_err(|e| {
                Error::runtime(format!("{}: {e}", crate::model::text::visible_path(dir)))
            })?;
            batch::run(&jobs, &super::annotate_options(o)?, force)
        }
    }
}

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
    // Written as it is made: the JSON of a large text is several times its size.
    let write = |w: &mut dyn std::io::Write| json::write_json(&doc, w);
    match target {
        Some(t) => t.commit_with(write),
        None => crate::output::write_stdout_with(write),
    }
}
