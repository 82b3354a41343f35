//! `attache [FILE]` (the reader) and `attache render` (the reader headless).

use std::io::IsTerminal;

use super::{annotate_options, write_stdout};
use crate::annotate::Options;
use crate::config::Overrides;
use crate::error::Result;
use crate::ui::Opening;

/// Open the reader on `file` (none: the bundled sample). When standard output
/// is not a terminal, print the annotated text plainly instead.
pub fn read(file: Option<&str>, o: &Overrides) -> Result<()> {
    let setup = crate::config::reader_setup(o)?;
    let opts = annotate_options(o)?;
    if !std::io::stdout().is_terminal() {
        let doc = crate::load::load(file, &opts)?;
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
    crate::ui::run(open(file, opts)?, setup)
}

/// What the reader opens on `file`: a large text file's head at once, with
/// the whole text annotated in the background (see
/// [`crate::load::head::preview`]); anything else loaded first.
pub fn open(file: Option<&str>, opts: Options) -> Result<Opening> {
    if let Some(path) = file
        && let Some(first) = crate::load::head::preview(path, &opts)
    {
        let path = path.to_string();
        return Ok(Opening::in_background(first, move |progress| {
            crate::load::load_with_progress(Some(&path), &opts, progress)
        }));
    }
    Ok(Opening::ready(crate::load::load(file, &opts)?))
}

/// `attache render FILE [--size COLSxROWS] [--keys KEYS] [--ansi]`: replay
/// keys headlessly and print the final frame.
pub fn render(file: &str, size: &str, keys: &str, ansi: bool, o: &Overrides) -> Result<()> {
    let size = crate::ui::parse_size(size)?;
    let keys = crate::ui::parse_key_script(keys)?;
    let setup = crate::config::reader_setup(o)?;
    let opening = open(Some(file), annotate_options(o)?)?;
    if keys.is_empty() {
        // The first frame, as the reader draws it before anything else.
        let out = crate::ui::first_frame(
            opening,
            setup.settings,
            setup.keymap,
            &setup.styles,
            size,
            ansi,
        );
        return write_stdout(&out);
    }
    // Keys are replayed on the whole document, so that their frame never
    // depends on timing.
    let doc = opening.wait()?;
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
