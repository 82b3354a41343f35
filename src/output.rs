//! The one way the program writes to standard output.
//!
//! Every command prints through [`write_stdout`], so that a closed pipe
//! (`attache quotes big.txt | head`) ends the program quietly and any other
//! write failure (a full disk, `> /dev/full`) becomes an error with exit
//! code 1 instead of a panic.

use std::io::Write;

use crate::error::{Error, Result};

/// Write `s` to standard output through a locked handle and flush it. A
/// closed pipe counts as success (the reader of the pipe has what it wanted).
pub fn write_stdout(s: &str) -> Result<()> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(s.as_bytes()).and_then(|()| lock.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::runtime(format!("standard output: {e}"))),
    }
}
