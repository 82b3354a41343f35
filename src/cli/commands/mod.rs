//! The handlers of the subcommands, one module each; [`super::run`] maps the
//! parsed command line onto them.
//!
//! Every handler loads its document through [`crate::load::load`] and writes
//! through [`crate::output::write_stdout`], so a closed pipe
//! (`attache quotes big.txt | head`) ends the program quietly.

pub mod annotate;
pub mod listings;
pub mod outfile;
pub mod read;
pub mod settings;

pub use crate::output::write_stdout;

use std::path::Path;

use crate::config::Overrides;
<<<<<<< HEAD
use crate::error::{Error, Result};
use crate::model::text::visible_path;
=======
use crate::error::Result;
>>>>>>> harden-files

/// Write `contents` to `path` safely (see [`outfile`]): a regular file is
/// replaced atomically (a temporary file in the same directory, synced and
/// renamed over it, so the target is either the old file or the complete
/// new one); a symbolic link's target is replaced; a device or a FIFO is
/// written directly.
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
<<<<<<< HEAD
    let shown = visible_path(path);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(Error::input(format!("{shown}: is a directory")));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".attache-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| {
            Error::runtime(format!(
                "{shown}: cannot create a file in {}: {e}",
                visible_path(dir)
            ))
        })?;
    // A temporary file is private (0600); give the result the permissions
    // the target had, or the usual 0644 for a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perms = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        let _ = tmp.as_file().set_permissions(perms);
    }
    tmp.write_all(contents.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::runtime(format!("{shown}: {e}")))?;
    tmp.persist(path)
        .map_err(|e| Error::runtime(format!("{shown}: {}", e.error)))?;
    Ok(())
=======
    outfile::OutputFile::create(path, None, true)?.commit(contents)
>>>>>>> harden-files
}

/// Annotation options from the global flags (`--topics FILE`).
pub fn annotate_options(o: &Overrides) -> Result<crate::annotate::Options> {
    crate::load::annotate_options(o.topics.as_deref())
}
