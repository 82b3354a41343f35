//! The configuration file: theme, colour, width, layers, panel, mouse, key bindings.

use crate::error::{Error, Result};

/// `attache config [--default]`.
pub fn command(_default: bool) -> Result<()> {
    Err(Error::runtime("config is not built yet"))
}

/// Everything the reader takes from the command line and the configuration file.
#[derive(Debug, Clone, Default)]
pub struct ReaderSetup {
    /// Width, layers, panel, mouse.
    pub settings: crate::app::Settings,
    /// Resolved styles for the theme and colour depth.
    pub styles: crate::theme::Styles,
    /// Key bindings with the user's overrides.
    pub keymap: crate::app::keymap::Keymap,
}

/// Build the reader's setup from the flags, the environment (`NO_COLOR`,
/// `COLORTERM`) and the configuration file. (STUB: defaults only.)
pub fn reader_setup(g: &crate::cli::GlobalOpts) -> Result<ReaderSetup> {
    let mut setup = ReaderSetup::default();
    if let Some(w) = g.width {
        setup.settings.width = w;
    }
    setup.settings.mouse |= g.mouse;
    Ok(setup)
}
