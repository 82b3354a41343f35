//! Drawing and the event loop: the only code that touches the terminal.
//!
//! [`draw`] is a pure function of the reader's state; [`render_to_string`]
//! replays keys through the same `update` and `draw` on an off-screen buffer
//! (for `attache render`, tests and the README); [`run`] owns the real
//! terminal (through `terminal`, which restores it on quit, on error, on
//! panic and on signals, and suspends on Ctrl-Z). The commands that use them
//! live in `cli::commands`.

pub mod clipboard;
pub mod draw;
mod popup;
mod terminal;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    self, Event, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::app::index::Index;
use crate::app::keymap::{Key, KeyCode, Keymap, parse_sequence};
use crate::app::{Action, Settings, State, update};
use crate::error::{Error, Result};
use crate::model::Document;
use crate::theme::Styles;
use terminal::{TerminalGuard, term_err};

/// Open the reader on `opening` in the real terminal and run it until the
/// user quits. The terminal is restored on quit, on error, on panic and on
/// SIGTERM, SIGHUP, SIGINT or SIGQUIT; Ctrl-Z suspends the reader.
///
/// `notes`: the sidecar read for this document, where to save it (`None`:
/// not saved) and a message for the status line (a sidecar that could not
/// be read).
pub fn run(opening: Opening, setup: crate::config::ReaderSetup, notes: NotesSetup) -> Result<()> {
    let mouse = setup.settings.mouse;
    let mut term = TerminalGuard::enter(mouse)?;
    let result = event_loop(&mut term, opening, setup, notes);
    drop(term);
    result
}

/// The plain text of a pipe (see [`crate::format::listing::plain_text`]) in
/// the theme's colours: title, header lines, headings, and each quote with its
/// `[Name]` label in its speaker's colour. Every styled run is closed before
/// its line ends, so pagers such as `less -R` show it line by line.
pub fn ansi_text(doc: &Document, styles: &Styles) -> String {
    let mut out = Vec::with_capacity(doc.text.len() + doc.text.len() / 4);
    write_ansi_text(doc, styles, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("pieces and escapes are UTF-8")
}

/// [`ansi_text`] written to `w` as it is made, never held whole.
pub fn write_ansi_text(
    doc: &Document,
    styles: &Styles,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use crate::format::listing::{Piece, plain_pieces};
    let speaker = |who: Option<crate::model::SpeakerId>| match who {
        Some(id) => styles.speaker(id.index()),
        None => styles.unknown_speaker,
    };
    let mut out = String::new();
    let mut failed = None;
    plain_pieces(doc, &mut |piece, s| {
        if failed.is_some() {
            return;
        }
        let style = match piece {
            Piece::Text => None,
            Piece::Title => Some(styles.title),
            Piece::Meta => Some(styles.meta),
            Piece::Heading => Some(styles.heading),
            Piece::Label(who) => Some(speaker(who).add_modifier(ratatui::style::Modifier::BOLD)),
            Piece::Quote(who) => Some(speaker(who)),
        };
        let on = style.map(crate::theme::sgr_on).unwrap_or_default();
        out.clear();
        if on.is_empty() {
            out.push_str(s);
        } else {
            for (i, line) in s.split('\n').enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                if !line.is_empty() {
                    out.push_str(&on);
                    out.push_str(line);
                    out.push_str(crate::theme::SGR_RESET);
                }
            }
        }
        if let Err(e) = w.write_all(out.as_bytes()) {
            failed = Some(e);
        }
    });
    failed.map_or(Ok(()), Err)
}

/// The reader's notes as the command line found them: the sidecar, where
/// to save it, and a message for the status line.
pub type NotesSetup = (
    crate::notes::Sidecar,
    Option<std::path::PathBuf>,
    Option<String>,
);

/// Save the sidecar when it changed; a failure goes to the status line
/// (and is returned).
fn save_notes(state: &mut State) -> Result<()> {
    if !state.notes.dirty {
        return Ok(());
    }
    state.notes.dirty = false;
    let Some(path) = state.notes.path.clone() else {
        return Ok(());
    };
    let before = state.notes.sidecar.items.len();
    match crate::notes::store::save(&path, &mut state.notes.sidecar) {
        Ok(()) if state.notes.sidecar.items.len() != before => state.notes_changed(),
        Ok(()) => {}
        Err(e) => {
            let msg = format!("notes not saved: {e}");
            state.message = Some(msg.clone());
            return Err(Error::runtime(msg));
        }
    }
    Ok(())
}

fn event_loop(
    term: &mut TerminalGuard,
    opening: Opening,
    setup: crate::config::ReaderSetup,
    notes: NotesSetup,
) -> Result<()> {
    let size = term.terminal.size().map_err(term_err)?;
    let styles = setup.styles;
    let (mut state, mut rest) =
        opening.split(setup.settings, setup.keymap, (size.width, size.height));
    state.count_in_background = true;
    let (sidecar, path, message) = notes;
    if rest.0.is_some() {
        // Notes are placed in the whole text, once it is annotated.
        state.notes.deferred = Some((sidecar, path));
    } else {
        state.attach_notes(sidecar, path);
    }
    state.message = message;
    loop {
        // A failure is shown on the status line; the reader goes on.
        let _ = save_notes(&mut state);
        term.draw(|buf| draw::draw(buf, &state, &styles))?;
        // Apply every event that is already waiting before drawing again.
        let Some(mut ev) = next_event(&mut state, &mut rest)? else {
            continue;
        };
        loop {
            if is_suspend(&ev) {
                term.suspend();
                break;
            }
            if let Some(a) = action_of(ev) {
                update(&mut state, a);
            }
            if let Some(text) = state.clipboard.take() {
                term.copy(&text)?;
            }
            if state.quit {
                state.keep_position();
                // The status line is gone: a failure becomes the exit message.
                return save_notes(&mut state);
            }
            if !input_waiting(term)? {
                break;
            }
            ev = event::read().map_err(term_err)?;
        }
    }
}

/// The next terminal event; `None` when something else changed the state
/// meanwhile (the background annotation got further or finished, a slice
/// of a search's hits was counted), so that the screen is drawn again.
fn next_event(state: &mut State, rest: &mut Pending) -> Result<Option<Event>> {
    // News from the worker first, so that keys held down cannot starve it.
    if let Some(bg) = &rest.0
        && bg.apply(state)?
    {
        rest.0 = None;
        return Ok(None);
    }
    if rest.0.is_none() && !state.counting() {
        return event::read().map(Some).map_err(term_err);
    }
    let wait = if rest.0.is_some() {
        PROGRESS_EVERY
    } else {
        std::time::Duration::ZERO
    };
    if event::poll(wait).map_err(term_err)? {
        return event::read().map(Some).map_err(term_err);
    }
    state.count_step();
    Ok(None)
}

/// How often the status line's progress figure is brought up to date.
const PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_millis(50);

/// What the reader opens: a document ready to read, or the quick
/// annotation of a large text's head while a worker thread annotates the
/// whole text (see [`crate::load::head`]).
pub struct Opening {
    first: Document,
    rest: Option<Background>,
}

/// News from the worker thread that annotates a whole text.
enum Loaded {
    /// How far it has got, in percent.
    Progress(u8),
    /// The whole text's document, or why it could not be loaded.
    Done(Box<Result<Whole>>),
}

/// The whole text's document and the reader's index of it, both made on
/// the worker thread: the memory the annotation frees stays with that
/// thread's allocator arena, which the index made there reuses (made on the
/// reader's thread, it took 40 MiB more on a 100 MiB text).
struct Whole {
    doc: Document,
    index: Index,
}

/// The receiving end of a worker thread's news.
struct Background {
    rx: std::sync::mpsc::Receiver<Loaded>,
}

impl Background {
    /// Apply the news waiting from the worker; true once the whole document
    /// is in (or the worker is gone).
    fn apply(&self, state: &mut State) -> Result<bool> {
        use std::sync::mpsc::TryRecvError;
        loop {
            match self.rx.try_recv() {
                Ok(Loaded::Progress(p)) => state.set_loading(p),
                Ok(Loaded::Done(done)) => {
                    let Whole { doc, index } = (*done)?;
                    state.finish_loading_indexed(doc, index);
                    return Ok(true);
                }
                Err(TryRecvError::Empty) => return Ok(false),
                Err(TryRecvError::Disconnected) => {
                    return Err(Error::runtime(
                        "the annotation of the document stopped unexpectedly",
                    ));
                }
            }
        }
    }

    /// Wait for the worker's document.
    fn wait(self) -> Result<Document> {
        for news in self.rx {
            if let Loaded::Done(done) = news {
                return (*done).map(|w| w.doc);
            }
        }
        Err(Error::runtime(
            "the annotation of the document stopped unexpectedly",
        ))
    }
}

impl Opening {
    /// A document that is ready.
    pub fn ready(doc: Document) -> Self {
        Opening {
            first: doc,
            rest: None,
        }
    }

    /// Show `first` while `load` makes the whole document in a worker
    /// thread, reporting its progress in percent.
    pub fn in_background<F>(first: Document, load: F) -> Self
    where
        F: FnOnce(&mut dyn FnMut(u8)) -> Result<Document> + Send + 'static,
    {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut last = 0;
            let mut progress = |p: u8| {
                if p > last {
                    last = p;
                    // The reader may be gone (the user quit): nothing to do.
                    let _ = tx.send(Loaded::Progress(p));
                }
            };
            let done = load(&mut progress).map(|doc| Whole {
                index: Index::new(&doc),
                doc,
            });
            let _ = tx.send(Loaded::Done(Box::new(done)));
        });
        Opening {
            first,
            rest: Some(Background { rx }),
        }
    }

    /// The whole document, waiting for the worker when there is one.
    pub fn wait(self) -> Result<Document> {
        match self.rest {
            None => Ok(self.first),
            Some(bg) => bg.wait(),
        }
    }

    /// The reader's state on the first document (marked as loading while
    /// the worker runs), and the worker's news to come.
    pub fn split(
        self,
        settings: Settings,
        keymap: Keymap,
        (cols, rows): (u16, u16),
    ) -> (State, Pending) {
        let mut state = State::new(self.first, settings, keymap, cols, rows);
        if self.rest.is_some() {
            state.set_loading(0);
        }
        (state, Pending(self.rest))
    }
}

/// The whole document still to come from a worker thread, if any.
pub struct Pending(Option<Background>);

impl Pending {
    /// Wait for the worker's document (`None`: there was no worker).
    pub fn wait(self) -> Result<Option<Document>> {
        self.0.map(Background::wait).transpose()
    }
}

/// Whether an event is waiting, counting input crossterm has left unread.
fn input_waiting(term: &TerminalGuard) -> Result<bool> {
    if event::poll(std::time::Duration::ZERO).map_err(term_err)? {
        return Ok(true);
    }
    if term.input_left_over() {
        return event::poll(std::time::Duration::ZERO).map_err(term_err);
    }
    Ok(false)
}

/// Ctrl-Z suspends the reader, as in less and vim (not a bindable command:
/// the terminal's, not the reader's).
fn is_suspend(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind != KeyEventKind::Release
        && k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, ratatui::crossterm::event::KeyCode::Char('z' | 'Z')))
}

/// Translate a terminal event into a reader action.
fn action_of(ev: Event) -> Option<Action> {
    use ratatui::crossterm::event::KeyCode as K;
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            let alt = k.modifiers.contains(KeyModifiers::ALT);
            let code = match k.code {
                K::Char(c) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                K::Enter => KeyCode::Enter,
                K::Esc => KeyCode::Esc,
                K::Tab => KeyCode::Tab,
                K::BackTab => KeyCode::BackTab,
                K::Backspace => KeyCode::Backspace,
                K::Up => KeyCode::Up,
                K::Down => KeyCode::Down,
                K::Left => KeyCode::Left,
                K::Right => KeyCode::Right,
                K::PageUp => KeyCode::PageUp,
                K::PageDown => KeyCode::PageDown,
                K::Home => KeyCode::Home,
                K::End => KeyCode::End,
                K::Delete => KeyCode::Delete,
                K::Insert => KeyCode::Insert,
                K::F(n) => KeyCode::F(n),
                _ => return None,
            };
            Some(Action::Key(Key { code, ctrl, alt }))
        }
        Event::Resize(cols, rows) => Some(Action::Resize { cols, rows }),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel(3)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(-3)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                col: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Parse `--keys`: sequences separated by spaces (`"]] ]q /Korea<Enter> n"`).
pub fn parse_key_script(keys: &str) -> Result<Vec<Key>> {
    let mut out = Vec::new();
    for token in keys.split_whitespace() {
        out.extend(parse_sequence(token).map_err(|e| Error::input(format!("--keys: {e}")))?);
    }
    Ok(out)
}

/// Parse `--size COLSxROWS`.
pub fn parse_size(size: &str) -> Result<(u16, u16)> {
    let bad = || {
        Error::input(format!(
            "--size {size:?}: expected COLSxROWS such as 100x30 (each 1 to 1000)"
        ))
    };
    let (c, r) = size.trim().split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let c: u16 = c.trim().parse().map_err(|_| bad())?;
    let r: u16 = r.trim().parse().map_err(|_| bad())?;
    if !(1..=1000).contains(&c) || !(1..=1000).contains(&r) {
        return Err(bad());
    }
    Ok((c, r))
}

/// The first frame the reader shows on `opening`, on an off-screen
/// `cols`×`rows` terminal (with `ansi`, with SGR escapes): for a large text,
/// its head with the progress at 0%, drawn without waiting for the worker.
pub fn first_frame(
    opening: Opening,
    settings: Settings,
    keymap: Keymap,
    styles: &Styles,
    size: (u16, u16),
    ansi: bool,
) -> String {
    let (state, _rest) = opening.split(settings, keymap, size);
    frame_text(&state, styles, ansi)
}

/// Open `doc` on an off-screen `cols`×`rows` terminal, replay `keys`, and
/// return the final frame as text (with `ansi`, with SGR escapes).
pub fn render_to_string(
    doc: Document,
    settings: Settings,
    keymap: Keymap,
    styles: &Styles,
    (cols, rows): (u16, u16),
    keys: &[Key],
    ansi: bool,
) -> String {
    let mut state = State::new(doc, settings, keymap, cols, rows);
    for k in keys {
        update(&mut state, Action::Key(*k));
        if state.quit {
            break;
        }
    }
    frame_text(&state, styles, ansi)
}

/// Draw `state` on an off-screen terminal of its screen size and return the frame.
pub fn frame_text(state: &State, styles: &Styles, ansi: bool) -> String {
    let (cols, rows) = state.screen;
    let mut terminal = match Terminal::new(TestBackend::new(cols, rows)) {
        Ok(t) => t,
        Err(never) => match never {},
    };
    let frame = terminal.draw(|f| draw::draw(f.buffer_mut(), state, styles));
    let buf = match frame {
        Ok(f) => f.buffer.clone(),
        Err(never) => match never {},
    };
    if ansi {
        draw::buffer_ansi(&buf)
    } else {
        draw::buffer_text(&buf)
    }
}
