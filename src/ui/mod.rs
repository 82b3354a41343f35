//! Drawing: pure functions from the reader's state to a ratatui frame, and the
//! event loop that owns the terminal.

use crate::cli::GlobalOpts;
use crate::error::{Error, Result};

/// Open the reader on `file` (none: the bundled sample). When standard output
/// is not a terminal, print the annotated text plainly instead.
pub fn run_reader(_file: Option<&str>, _g: &GlobalOpts) -> Result<()> {
    Err(Error::runtime("the reader is not built yet"))
}

/// `attache render`: replay keys headlessly and print the final frame.
pub fn render_command(
    _file: &str,
    _size: &str,
    _keys: &str,
    _ansi: bool,
    _g: &GlobalOpts,
) -> Result<()> {
    Err(Error::runtime("render is not built yet"))
}
