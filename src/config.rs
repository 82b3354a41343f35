//! The configuration file: theme, colour, width, layers, panel, mouse, key bindings.

use crate::error::{Error, Result};

/// `attache config [--default]`.
pub fn command(_default: bool) -> Result<()> {
    Err(Error::runtime("config is not built yet"))
}
