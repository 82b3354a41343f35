//! `attache eval DIR [--turns] [--json] [--dump]`: print what
//! [`crate::eval::evaluate`] measured.
//!
//! The evaluation's data stays as read; what is printed shows document text,
//! gold names and file names through the safe-to-show policy, so that they
//! cannot drive the terminal.

use std::io::Write;
use std::path::Path;

use super::write_stdout;
use crate::error::Result;
use crate::model::text::visible;

/// Run the evaluation and print it: the report, or with `json` the summary
/// as one JSON line; with `dump` every miss first (on standard error when
/// the summary is JSON, so that standard output stays one JSON object).
pub fn eval(dir: &Path, turns: bool, json: bool, dump: bool) -> Result<()> {
    let e = crate::eval::evaluate(dir, turns)?;
    let mut out = String::new();
    if dump {
        if json {
            write_stderr(&visible(&e.dump));
        } else {
            out.push_str(&e.dump);
        }
    }
    if json {
        out.push_str(&e.summary.to_string());
        out.push('\n');
    } else {
        out.push_str(&e.report);
    }
    write_stdout(&visible(&out))
}

/// Write to standard error without panicking: a closed or full stderr is
/// ignored, as there is nowhere left to report it.
fn write_stderr(s: &str) {
    let stderr = std::io::stderr();
    let mut lock = stderr.lock();
    let _ = lock.write_all(s.as_bytes()).and_then(|()| lock.flush());
}
