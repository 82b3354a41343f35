//! Writing `-o FILE` safely. It exists because a plain "write a temporary
//! file and rename it over the target" replaces whatever the target is: a
//! device such as `/dev/null`, a FIFO, a symbolic link, or the very file
//! being annotated. Here:
//!
//! - a regular file (or a new one) is replaced atomically: a temporary file
//!   `.attache-XXXXXX.tmp` in the same folder, synced, then renamed over it;
//! - a symbolic link is followed, and its target is replaced (the link stays);
//! - a character device or a FIFO is opened and written directly;
//! - a directory, a block device or a socket is refused;
//! - the input file itself is refused unless the user forces it.
//!
//! The temporary file is removed when the program ends with an error, and
//! when SIGINT, SIGTERM or SIGHUP stops it; temporary files of exactly this
//! pattern that a killed run left in the folder long ago are cleaned up.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, Once};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// Prefix and suffix of the temporary files, with tempfile's 6 random
/// letters and digits between them.
const TMP_PREFIX: &str = ".attache-";
const TMP_SUFFIX: &str = ".tmp";
const TMP_RANDOM: usize = 6;

/// A leftover temporary file is removed only when it was last written this
/// long before this process started: another run writing to the same folder
/// at the same time keeps its own.
const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// When this process started (close enough: when it first wrote a file).
static STARTED: LazyLock<SystemTime> = LazyLock::new(SystemTime::now);

/// The temporary files that exist now, for the signal handler to remove.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Where `-o` writes, opened before the work starts (so that an unwritable
/// place fails before a long annotation) and filled by [`OutputFile::commit`].
pub struct OutputFile {
    shown: String,
    target: Target,
}

enum Target {
    /// A temporary file to rename over `path` (the symbolic links followed).
    Atomic { tmp: LiveTemp, path: PathBuf },
    /// A character device or a FIFO, written directly.
    Direct(File),
}

impl OutputFile {
    /// Prepare to write `path`. `input` is the file being read (refused as
    /// the output unless `force`).
    pub fn create(path: &Path, input: Option<&Path>, force: bool) -> Result<OutputFile> {
        LazyLock::force(&STARTED);
        let shown = crate::model::text::visible_path(path);
        let io_err = |e: std::io::Error| Error::runtime(format!("{shown}: {e}"));
        // What the path ends at, the links followed by the system (which
        // also knows `/dev/stdout` → `/proc/self/fd/1` → a pipe).
        let meta = match std::fs::metadata(path) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io_err(e)),
        };
        if let (Some(m), Some(input)) = (&meta, input)
            && !force
            && std::fs::metadata(input).is_ok_and(|i| same_file(&i, m))
        {
            return Err(Error::input(format!(
                "{shown}: this is the input file: writing there would replace its text \
                 with the JSON (give another -o, or --force to do it anyway)"
            )));
        }
        let target = match meta.map(|m| m.file_type()) {
            // A new file, perhaps at the end of a dangling link.
            None => {
                let path = resolve_links(path).map_err(io_err)?;
                let tmp = LiveTemp::new(&path, &shown, true)?;
                Target::Atomic { tmp, path }
            }
            Some(ft) if ft.is_file() => {
                let path = std::fs::canonicalize(path).map_err(io_err)?;
                let tmp = LiveTemp::new(&path, &shown, true)?;
                Target::Atomic { tmp, path }
            }
            Some(ft) if writes_through(ft) => Target::Direct(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(io_err)?,
            ),
            Some(ft) => {
                return Err(Error::input(format!(
                    "{shown}: it is {}; -o writes a regular file, a character device or a FIFO",
                    crate::files::describe_kind(ft)
                )));
            }
        };
        Ok(OutputFile { shown, target })
    }

    /// Write `contents` and finish: rename the temporary file over the
    /// target, or flush the device or FIFO.
    pub fn commit(self, contents: &str) -> Result<()> {
        self.commit_with(|w| w.write_all(contents.as_bytes()))
    }

    /// [`OutputFile::commit`] with the contents written by `write` as they
    /// are made (through a buffer), so that a large output is never held
    /// whole in memory.
    pub fn commit_with(
        self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let shown = self.shown;
        match self.target {
            Target::Direct(f) => {
                let mut w = std::io::BufWriter::with_capacity(crate::output::BUFFER, f);
                write(&mut w)
                    .and_then(|()| w.flush())
                    .map_err(|e| Error::runtime(format!("{shown}: {e}")))
            }
            Target::Atomic { tmp, path } => tmp.persist(write, &path, &shown),
        }
    }
}

/// Replace the regular file `path` (or create it) atomically: a temporary
/// file in the same folder, synced, renamed over it. Unlike
/// [`OutputFile`], no signal handler is installed (the reader owns its
/// signals: a temporary file a kill leaves behind is removed by a later
/// write once it is stale) and a symbolic link is replaced, not followed.
pub fn replace_file(path: &Path, contents: &str) -> Result<()> {
    LazyLock::force(&STARTED);
    let shown = crate::model::text::visible_path(path);
    LiveTemp::new(path, &shown, false)?.persist(|w| w.write_all(contents.as_bytes()), path, &shown)
}

/// A device or a FIFO: written in place, never replaced by a regular file.
fn writes_through(ft: std::fs::FileType) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        ft.is_char_device() || ft.is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = ft;
        false
    }
}

/// Whether two files are the same one (the same inode on the same device).
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Follow symbolic links from `path` to the file they end at, which need
/// not exist yet (a link to a file still to write).
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// A temporary file beside the target, registered for the signal handler
/// while it exists.
struct LiveTemp {
    tmp: Option<NamedTempFile>,
    path: PathBuf,
}

impl LiveTemp {
    /// A temporary file for `target`; `on_signal`: remove it (and end the
    /// program) on SIGINT, SIGTERM or SIGHUP, for a command that owns the
    /// process's signals.
    fn new(target: &Path, shown: &str, on_signal: bool) -> Result<LiveTemp> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        remove_stale(dir);
        if on_signal {
            remove_on_signal();
        }
        let mut live = lock_live();
        let tmp = tempfile::Builder::new()
            .prefix(TMP_PREFIX)
            .suffix(TMP_SUFFIX)
            .rand_bytes(TMP_RANDOM)
            .tempfile_in(dir)
            .map_err(|e| {
                Error::runtime(format!(
                    "{shown}: cannot create a file in {}: {e}",
                    crate::model::text::visible_path(dir)
                ))
            })?;
        let path = tmp.path().to_path_buf();
        live.push(path.clone());
        Ok(LiveTemp {
            tmp: Some(tmp),
            path,
        })
    }

    /// Fill the temporary file with what `write` writes, sync it and rename
    /// it over `target`.
    fn persist(
        mut self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
        target: &Path,
        shown: &str,
    ) -> Result<()> {
        let Some(tmp) = self.tmp.as_mut() else {
            return Err(Error::runtime(format!(
                "{shown}: the temporary file is gone"
            )));
        };
        // A temporary file is private (0600); give the result the permissions
        // the target had, or the usual 0644 for a new file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let perms = std::fs::metadata(target)
                .map(|m| m.permissions())
                .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
            let _ = tmp.as_file().set_permissions(perms);
        }
        let written = {
            let mut w = std::io::BufWriter::with_capacity(crate::output::BUFFER, &mut *tmp);
            write(&mut w).and_then(|()| w.flush())
        };
        written
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| Error::runtime(format!("{shown}: {e}")))?;
        // Rename with the list locked, so a signal handler waits for it.
        let mut live = lock_live();
        let tmp = self.tmp.take().map(|t| t.persist(target));
        live.retain(|p| *p != self.path);
        match tmp {
            Some(Err(e)) => {
                drop(e.file); // removes the temporary file
                Err(Error::runtime(format!("{shown}: {}", e.error)))
            }
            _ => Ok(()),
        }
    }
}

impl Drop for LiveTemp {
    fn drop(&mut self) {
        if self.tmp.is_some() {
            let mut live = lock_live();
            self.tmp = None; // removes the file, with the list locked
            live.retain(|p| *p != self.path);
        }
    }
}

fn lock_live() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Install, once, a thread that on SIGINT, SIGTERM or SIGHUP removes the
/// temporary files and then ends the program as the signal would have.
fn remove_on_signal() {
    static INSTALL: Once = Once::new();
    #[cfg(unix)]
    INSTALL.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let live = lock_live();
                for p in live.iter() {
                    let _ = std::fs::remove_file(p);
                }
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                std::process::exit(128 + sig);
            }
        });
    });
    #[cfg(not(unix))]
    INSTALL.call_once(|| {});
}

/// Remove the temporary files of exactly our pattern that a killed run left
/// in `dir`: last written well before this process started.
fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let Some(cutoff) = STARTED.checked_sub(STALE_AFTER) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        if !name.to_str().is_some_and(is_our_temp) {
            continue;
        }
        // Not following links: only a regular file of ours is removed.
        let Ok(meta) = e.path().symlink_metadata() else {
            continue;
        };
        if meta.is_file() && meta.modified().is_ok_and(|m| m < cutoff) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// `.attache-` + 6 letters or digits + `.tmp`, nothing else.
fn is_our_temp(name: &str) -> bool {
    name.strip_prefix(TMP_PREFIX)
        .and_then(|r| r.strip_suffix(TMP_SUFFIX))
        .is_some_and(|r| r.len() == TMP_RANDOM && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_exact_pattern_is_a_temporary_file() {
        assert!(is_our_temp(".attache-a1B2c3.tmp"));
        for name in [
            ".attache-a1B2c.tmp",
            ".attache-a1B2c34.tmp",
            ".attache-a1B2c3.tmp.keep",
            "attache-a1B2c3.tmp",
            ".attache-a1-2c3.tmp",
            ".attache-a1B2c3.json",
        ] {
            assert!(!is_our_temp(name), "{name}");
        }
    }

    #[test]
    fn links_are_followed_to_a_file_that_may_not_exist() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("b", d.join("a")).unwrap();
            std::os::unix::fs::symlink("sub/c", d.join("b")).unwrap();
            assert_eq!(resolve_links(&d.join("a")).unwrap(), d.join("sub/c"));
            std::os::unix::fs::symlink("loop", d.join("loop")).unwrap();
            assert!(resolve_links(&d.join("loop")).is_err());
        }
        assert_eq!(resolve_links(&d.join("plain")).unwrap(), d.join("plain"));
    }
}
