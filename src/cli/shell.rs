//! Shell integration: completions and the man page, generated from the clap
//! definition in [`super::Cli`] so they never drift from the real options.

use clap::CommandFactory;

use super::Cli;
use crate::error::{Error, Result};

/// `attache completions SHELL`: print the completion script for SHELL.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "attache", &mut buf);
    super::commands::write_stdout(&String::from_utf8_lossy(&buf))
}

/// `attache man`: print the man page (roff) for `attache(1)`.
pub fn man() -> Result<()> {
    let cmd = Cli::command();
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut buf)
        .map_err(|e| Error::runtime(format!("man page: {e}")))?;
    super::commands::write_stdout(&String::from_utf8_lossy(&buf))
}
