//! Shell integration: completions and the man page.

use super::not_yet;
use crate::error::Result;

/// `attache completions SHELL`.
pub fn completions(_shell: clap_complete::Shell) -> Result<()> {
    not_yet("completions")
}

/// `attache man`.
pub fn man() -> Result<()> {
    not_yet("man")
}
