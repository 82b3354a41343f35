//! The reader's state, the actions that change it, and `update`: a pure
//! function from state and action to state. No drawing and no terminal here.
//!
//! This follows the Elm architecture: the event loop in `ui` turns terminal
//! events into [`Action`]s, [`update`] applies them to the [`State`], and `ui`
//! draws the state. The state keeps the visible lines ([`State::view`]) ready,
//! so drawing needs no layout work of its own.

pub mod keymap;
pub mod layout;

pub mod citation;
mod command;
pub mod compact;
mod details;
mod geometry;
pub mod gold;
pub mod index;
mod mouse;
mod navigation;
pub mod notes;
mod only;
mod panel;
mod progressive;
mod reported;
mod search;
mod selection;
mod state;
mod viewport;

pub use details::rows as detail_rows;
pub use geometry::{Area, CONTEXT, Geometry, MIN_SIZE, geometry};
pub use mouse::{byte_at, label_quote};
pub use reported::label_reported;
pub use search::{MAX_QUERY, Search};
pub use selection::{Visual, word_back, word_end, word_next};
pub use state::{Filter, Focus, Layer, LayerSwitches, Settings, State, Tab};

use command::command;
use keymap::{Command, Key, KeyCode, Lookup};
use mouse::click;
use search::search_key;

/// Everything that changes the reader's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A key press (resolved through the keymap, or typed into the search prompt).
    Key(Key),
    /// A command, as a key binding would give it.
    Command(Command),
    /// The screen's size changed.
    Resize {
        /// Columns.
        cols: u16,
        /// Rows.
        rows: u16,
    },
    /// Mouse wheel: positive scrolls down.
    Wheel(i32),
    /// Mouse click at a cell.
    Click {
        /// Column.
        col: u16,
        /// Row.
        row: u16,
    },
    /// Text pasted into the terminal (bracketed paste): typed into the
    /// search prompt when it is open, never taken as commands.
    Paste(String),
}

/// Apply one action to the state. Pure: no I/O, no terminal.
pub fn update(s: &mut State, action: Action) {
    match action {
        Action::Resize { cols, rows } => {
            s.screen = (cols, rows);
            s.relayout();
        }
        Action::Wheel(n) => {
            if s.help.is_some() {
                let h = s.help.unwrap_or(0) as isize + n as isize;
                s.help = Some(h.max(0) as usize);
            } else {
                s.scroll(n as isize);
            }
        }
        Action::Click { col, row } => click(s, col, row),
        Action::Command(c) => command(s, c),
        Action::Key(k) => key(s, k),
        Action::Paste(text) => search::paste(s, &text),
    }
}

fn key(s: &mut State, k: Key) {
    let visual = s.visual.is_some();
    if k.alt && s.pending.is_empty() && s.keymap.lookup_in(&[k], visual) == Lookup::None {
        // Terminals send Esc and a quick key after it as Alt+key: take them apart.
        key(s, Key::plain(KeyCode::Esc));
        key(s, Key { alt: false, ..k });
        return;
    }
    if s.search.input.is_some() {
        search_key(s, k);
        return;
    }
    if notes::notes_key(s, k) {
        return;
    }
    if count_digit(s, k) {
        return;
    }
    s.pending.push(k);
    match s.keymap.lookup_in(&s.pending, visual) {
        Lookup::Prefix => {}
        Lookup::Command(c) => {
            s.pending.clear();
            command(s, c);
        }
        Lookup::None => {
            let retry = s.pending.len() > 1;
            s.pending.clear();
            if !retry {
                s.count = None;
            }
            if retry {
                key(s, k);
            } else if s.help.is_some() {
                s.help = None;
            } else if s.details.is_some() {
                s.details = None;
            }
        }
    }
}

/// The largest count: more would only repeat a jump that already failed.
const MAX_COUNT: usize = 99_999;

/// A digit typed before a command (`5` of `5j`, `1` and `0` of `10G`):
/// counted unless it is bound on its own and no count has begun. Returns
/// whether the key was taken as a digit of a count.
fn count_digit(s: &mut State, k: Key) -> bool {
    let KeyCode::Char(c @ '0'..='9') = k.code else {
        return false;
    };
    if !s.pending.is_empty() || k.ctrl || k.alt {
        return false;
    }
    if s.count.is_none() && (c == '0' || s.keymap.lookup(&[k]) != Lookup::None) {
        return false;
    }
    let d = c as usize - '0' as usize;
    s.count = Some((s.count.unwrap_or(0) * 10 + d).min(MAX_COUNT));
    s.message = None;
    true
}
