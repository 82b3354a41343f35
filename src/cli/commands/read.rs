//! `attache [FILE]` (the reader) and `attache render` (the reader headless).

use std::io::IsTerminal;

use super::{annotate_options, write_stdout};
use crate::config::Overrides;
use crate::error::Result;

/// Open the reader on `file` (none: the bundled sample). When standard output
/// is not a terminal, print the annotated text plainly instead.
pub fn read(file: Option<&str>, o: &Overrides) -> Result<()> {
    let setup = crate::config::reader_setup(o)?;
    let doc = crate::load::load(file, &annotate_options(o)?)?;
    if !std::io::stdout().is_terminal() {
        let text = if setup.pipe_color {
            crate::ui::ansi_text(&doc, &setup.styles)
        } else {
            let text = crate::format::listing::plain_text(&doc);
            match setup.pipe_width {
                Some(w) => crate::format::listing::wrap_text(&text, usize::from(w)),
                None => text,
            }
        };
        return write_stdout(&text);
    }
    crate::ui::run(doc, setup)
}

/// `attache render FILE [--size COLSxROWS] [--keys KEYS] [--ansi]`: replay
/// keys headlessly and print the final frame.
pub fn render(file: &str, size: &str, keys: &str, ansi: bool, o: &Overrides) -> Result<()> {
    let size = crate::ui::parse_size(size)?;
    let keys = crate::ui::parse_key_script(keys)?;
    let setup = crate::config::reader_setup(o)?;
    let doc = crate::load::load(Some(file), &annotate_options(o)?)?;
    let out = crate::ui::render_to_string(
        doc,
        setup.settings,
        setup.keymap,
        &setup.styles,
        size,
        &keys,
        ansi,
    );
    write_stdout(&out)
}
