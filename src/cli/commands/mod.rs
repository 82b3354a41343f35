//! The handlers of the subcommands, one module each; [`super::run`] maps the
//! parsed command line onto them.
//!
//! Every handler loads its document through [`crate::load::load`] and writes
//! through [`crate::output::write_stdout`], so a closed pipe
//! (`attache quotes big.txt | head`) ends the program quietly.

pub mod annotate;
pub mod batch;
pub mod eval;
pub mod listings;
pub mod outfile;
pub mod read;
pub mod settings;

pub use crate::output::write_stdout;

use std::path::Path;

use crate::config::Overrides;
use crate::error::Result;

/// Write `contents` to `path` safely (see [`outfile`]): a regular file is
/// replaced atomically (a temporary file in the same directory, synced and
/// renamed over it, so the target is either the old file or the complete
/// new one); a symbolic link's target is replaced; a device or a FIFO is
/// written directly.
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    outfile::OutputFile::create(path, None, true)?.commit(contents)
}

/// Annotation options from the global flags (`--topics FILE`).
pub fn annotate_options(o: &Overrides) -> Result<crate::annotate::Options> {
    crate::load::annotate_options(o.topics.as_deref())
}
