//! `attache [FILE]` (the reader) and `attache render` (the reader headless).

use std::io::IsTerminal;
use std::path::Path;

use super::{annotate_options, write_stdout};
use crate::annotate::Options;
use crate::config::Overrides;
use crate::error::Result;
use crate::ui::Opening;

/// Open the reader on `file` (none: the bundled sample). When standard output
/// is not a terminal, print the annotated text plainly instead.
pub fn read(file: Option<&str>, gold: Option<&Path>, o: &Overrides) -> Result<()> {
    let mut setup = crate::config::reader_setup(o)?;
    let opts = annotate_options(o)?;
    if !std::io::stdout().is_terminal() {
        let doc = crate::load::load(file, &opts)?;
        // Written as it is made: the text of a large document is never held twice.
        return crate::output::write_stdout_with(|w| {
            if setup.pipe_color {
                crate::ui::write_ansi_text(&doc, &setup.styles, w)
            } else {
                let width = setup.pipe_width.map(usize::from);
                crate::format::listing::write_plain_text(&doc, width, w)
            }
        });
    }
    let opening = open_with_gold(file, gold, opts, &mut setup.settings)?;
    crate::ui::run(opening, setup, notes_setup(file))
}

/// [`open`], except that with gold annotations the whole text is loaded
/// first: the gold spans are checked against all of it.
fn open_with_gold(
    file: Option<&str>,
    gold: Option<&Path>,
    opts: Options,
    settings: &mut crate::app::Settings,
) -> Result<Opening> {
    if gold.is_none() {
        return open(file, opts);
    }
    let doc = crate::load::load(file, &opts)?;
    settings.gold = load_gold(&doc, gold)?;
    Ok(Opening::ready(doc))
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

/// The sidecar of `file` and where to save it: beside the file, under the
/// user's data folder for the bundled sample, nowhere for standard input.
/// A sidecar that cannot be read is left alone (and not saved over).
fn notes_setup(file: Option<&str>) -> crate::ui::NotesSetup {
    use crate::notes::store;
    let path = match file {
        Some("-") => {
            let msg = "notes are not saved for standard input".to_string();
            return (Default::default(), None, Some(msg));
        }
        Some(f) => Some(store::sidecar_for(std::path::Path::new(f))),
        None => store::sample_sidecar(),
    };
    let Some(path) = path else {
        return (Default::default(), None, None);
    };
    match store::load(&path) {
        Ok(s) => (s.unwrap_or_default(), Some(path), None),
        Err(e) => (
            Default::default(),
            None,
            Some(format!("{e} (notes will not be saved)")),
        ),
    }
}

/// `attache render FILE [--size COLSxROWS] [--keys KEYS] [--ansi]`: replay
/// keys headlessly and print the final frame.
pub fn render(
    file: &str,
    size: &str,
    keys: &str,
    ansi: bool,
    gold: Option<&Path>,
    o: &Overrides,
) -> Result<()> {
    let size = crate::ui::parse_size(size)?;
    let keys = crate::ui::parse_key_script(keys)?;
    let mut setup = crate::config::reader_setup(o)?;
    if keys.is_empty() {
        // The first frame, as the reader draws it before anything else.
        let opening = open_with_gold(Some(file), gold, annotate_options(o)?, &mut setup.settings)?;
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
    // depends on timing. It is annotated on this thread, not a worker's:
    // the memory the annotation frees is then reused by the reader's index
    // (a worker's allocator arena would keep it, 40 MiB on a 100 MiB text).
    let doc = crate::load::load(Some(file), &annotate_options(o)?)?;
    if gold.is_some() {
        setup.settings.gold = load_gold(&doc, gold)?;
    }
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

/// The gold layer from a brat `.ann` file (`--gold`), its spans checked
/// against the document's text.
fn load_gold(
    doc: &crate::model::Document,
    gold: Option<&Path>,
) -> Result<Option<Vec<crate::load::brat::GoldQuote>>> {
    let Some(path) = gold else {
        return Ok(None);
    };
    let shown = crate::model::text::visible_path(path);
    let bytes = crate::files::read_limited(
        path,
        crate::files::Accept::Regular,
        crate::files::DOCUMENT_LIMIT,
        "a gold file",
    )
    .map_err(|e| crate::error::Error::input(format!("{shown}: {e}")))?;
    let src = crate::load::decode_owned(bytes, &shown)?;
    crate::load::brat::gold_layer(&doc.text, &src, path).map(Some)
}
