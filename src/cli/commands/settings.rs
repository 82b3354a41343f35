//! `attache themes` and `attache config`: what the reader will look like and
//! where each setting comes from.

use std::io::IsTerminal;

use super::write_stdout;
use crate::config::{self, Env, Overrides};
use crate::error::Result;
use crate::model::text::visible;
use crate::theme::{color_depth, list_text};

/// `attache themes`: list the themes, each with a one-line preview in its
/// colours (names only when standard output is not a terminal or `NO_COLOR`
/// is set; `--color always` forces the previews).
pub fn themes(o: &Overrides) -> Result<()> {
    // The configuration file's colour mode and theme count, as in the reader.
    let env = Env::from_process();
    let file = config::find_config(&env)?;
    let eff = config::effective(o, file.as_ref())?;
    let depth = color_depth(Some(eff.color), &env.color, std::io::stdout().is_terminal());
    let out = list_text(depth, &eff.theme)?;
    write_stdout(&out)
}

/// `attache config [--default]`: print the commented default file, or the
/// effective configuration and where each value came from (after checking
/// it: a bad file is an error here too).
pub fn config(default: bool, o: &Overrides) -> Result<()> {
    if default {
        return write_stdout(&config::default_file());
    }
    let env = Env::from_process();
    let file = config::find_config(&env)?;
    config::setup_from(o, file.as_ref(), &env.color)?;
    let eff = config::effective(o, file.as_ref())?;
    // Values and paths from the file are shown, never sent to the terminal raw.
    write_stdout(&visible(&config::effective_text(&eff, file.as_ref(), &env)))
}
