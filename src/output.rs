//! The one way the program writes to standard output.
//!
//! Every command prints through [`write_stdout`], so that a closed pipe
//! (`attache quotes big.txt | head`) ends the program quietly and any other
//! write failure (a full disk, `> /dev/full`) becomes an error with exit
//! code 1 instead of a panic. Large outputs (a document's JSON, a listing
//! of a big text) are written as they are made, through [`write_stdout_with`],
//! rather than built whole in memory first.

use std::io::Write;

use crate::error::{Error, Result};

/// Write `s` to standard output through a locked handle and flush it. A
/// closed pipe counts as success (the reader of the pipe has what it wanted).
pub fn write_stdout(s: &str) -> Result<()> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    finish(lock.write_all(s.as_bytes()).and_then(|()| lock.flush()))
}

/// Let `write` write to standard output (through a buffer, locked) and
/// flush it, with the errors of [`write_stdout`]: the output is streamed, so
/// a large listing is never held whole in memory.
pub fn write_stdout_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(BUFFER, stdout.lock());
    finish(write(&mut out).and_then(|()| out.flush()))
}

/// The buffer between a streamed output and its file or pipe.
pub const BUFFER: usize = 64 * 1024;

/// A write's outcome as the program reports it: a closed pipe is success.
fn finish(r: std::io::Result<()>) -> Result<()> {
    match r {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::runtime(format!("standard output: {e}"))),
    }
}
