//! What each [`Command`] does to the state, one named helper per group of
//! commands (help popup, panel rows, scrolling and ends, layers, panel and
//! focus, reading width); visual mode's and the popups' in their own modules.

use super::keymap::Command;
use super::layout::Anchor;
use super::navigation::{quote_step, section_step, turn_step};
use super::panel::activate;
use super::search::{Search, search_step};
use super::selection;
use super::state::{Focus, LayerSwitches, MIN_WIDTH, State, Tab};

/// Carry out command `c`.
pub(super) fn command(s: &mut State, c: Command) {
    s.message = None;
    let count = s.count.take();
    if let Some(h) = s.help {
        s.help = help_scroll(s, h, c);
        return;
    }
    if s.details.is_some() && super::details::popup_command(s, c) {
        return;
    }
    if selection::visual_command(s, c, count) {
        return;
    }
    let panel = s.focus == Focus::Panel && s.geometry.panel.is_some();
    if panel && panel_command(s, c, count.unwrap_or(1)) {
        return;
    }
    if let Some(n) = count
        && counted(s, c, n)
    {
        return;
    }
    if move_command(s, c) {
        return;
    }
    match c {
        Command::Search => {
            s.search = Search {
                input: Some(String::new()),
                origin: s.cursor,
                ..Search::default()
            };
        }
        Command::SearchNext if s.search.active() => search_step(s, true),
        Command::SearchPrev if s.search.active() => search_step(s, false),
        Command::Percent => {
            s.message = Some("type a number first: 50% goes half-way".into());
        }
        Command::SearchNext => quote_step(s, true, false),
        Command::SearchPrev => quote_step(s, false, false),
        Command::NextStatement => super::reported::statement_step(s, true),
        Command::PrevStatement => super::reported::statement_step(s, false),
        Command::ToggleLayer(layer) => {
            s.layers.toggle(layer);
            s.relayout();
        }
        Command::ToggleGold => match &mut s.gold {
            Some(g) => g.on = !g.on,
            None => s.message = Some("no gold layer: open with --gold FILE.ann".into()),
        },
        Command::AllLayers => {
            s.layers = LayerSwitches::default();
            s.relayout();
        }
        Command::Outline | Command::TogglePanel | Command::Focus => panel_shown(s, c),
        Command::NextTab | Command::PrevTab => {
            let n = Tab::ALL.len();
            let d = if c == Command::NextTab { 1 } else { n - 1 };
            s.tab = Tab::ALL[(s.tab.index() + d) % n];
        }
        Command::Select if panel => activate(s),
        Command::AddNote
        | Command::Highlight
        | Command::Correct
        | Command::SetMark
        | Command::JumpMark => super::notes::start(s, c),
        Command::DeleteNote if panel && matches!(s.tab, Tab::Notes | Tab::Orphans) => {
            super::notes::delete(s, s.tab == Tab::Orphans);
        }
        // In the reading pane Enter scrolls a line, as in less.
        Command::Select => s.scroll(1),
        Command::FilterOnly => super::only::toggle(s),
        Command::Clear => clear(s),
        Command::Help => s.help = Some(0),
        Command::Quit => s.quit = true,
        Command::Narrower | Command::Wider => width(s, c == Command::Wider),
        Command::Details => super::details::open(s),
        Command::Copy | Command::CopyExact => selection::copy(s, c == Command::Copy),
        Command::Visual | Command::VisualLines => selection::start(s, c == Command::VisualLines),
        _ => {}
    }
}

/// The help popup's new scroll offset after `c` (`None` closes it).
fn help_scroll(s: &State, h: usize, c: Command) -> Option<usize> {
    match c {
        Command::LineDown => Some(h + 1),
        Command::LineUp => Some(h.saturating_sub(1)),
        Command::PageDown | Command::HalfDown => Some(h + s.rows() / 2),
        Command::PageUp | Command::HalfUp => Some(h.saturating_sub(s.rows() / 2)),
        _ => None,
    }
}

/// Line and end moves in the focused panel: move the selected row. Returns
/// whether `c` was one of them.
fn panel_command(s: &mut State, c: Command, n: usize) -> bool {
    let t = s.tab.index();
    let last = s.panel_len(s.tab).saturating_sub(1);
    s.panel_sel[t] = match c {
        Command::LineDown => (s.panel_sel[t] + n).min(last),
        Command::LineUp => s.panel_sel[t].saturating_sub(n),
        Command::Top => 0,
        Command::Bottom => last,
        _ => return false,
    };
    s.fix_panel_scroll();
    true
}

/// Scrolling, the ends of the document, and jumps between sections and
/// quotes. Returns whether `c` was one of them.
fn move_command(s: &mut State, c: Command) -> bool {
    let rows = s.rows().max(1);
    let page = rows.saturating_sub(2).max(1) as isize;
    let half = (rows / 2).max(1) as isize;
    match c {
        Command::LineDown => s.scroll(1),
        Command::LineUp => s.scroll(-1),
        Command::PageDown => s.scroll(page),
        Command::PageUp => s.scroll(-page),
        Command::HalfDown => s.scroll(half),
        Command::HalfUp => s.scroll(-half),
        Command::Top => {
            s.top = Anchor::default();
            s.refresh();
            s.cursor = 0;
        }
        Command::Bottom => bottom(s),
        Command::NextSection => section_step(s, true),
        Command::PrevSection => section_step(s, false),
        Command::NextQuote => quote_step(s, true, false),
        Command::PrevQuote => quote_step(s, false, false),
        Command::NextSameSpeaker => quote_step(s, true, true),
        Command::PrevSameSpeaker => quote_step(s, false, true),
        Command::NextTurn => turn_step(s, true, false),
        Command::PrevTurn => turn_step(s, false, false),
        Command::NextQuestion => turn_step(s, true, true),
        Command::PrevQuestion => turn_step(s, false, true),
        _ => return false,
    }
    true
}

/// A command with a count before it (`5j`, `3]q`, `10G`, `50%`): lines and
/// pages times the count, `g`/`G` to that line of the text, `%` to that
/// percent, jumps repeated until one fails. Returns whether `c` took it.
fn counted(s: &mut State, c: Command, n: usize) -> bool {
    let rows = s.rows().max(1);
    let page = rows.saturating_sub(2).max(1);
    let half = (rows / 2).max(1);
    let signed = |k: usize| (k.saturating_mul(n)).min(isize::MAX as usize) as isize;
    match c {
        Command::LineDown => s.scroll(signed(1)),
        Command::LineUp => s.scroll(-signed(1)),
        Command::PageDown => s.scroll(signed(page)),
        Command::PageUp => s.scroll(-signed(page)),
        Command::HalfDown => s.scroll(signed(half)),
        Command::HalfUp => s.scroll(-signed(half)),
        Command::Top | Command::Bottom => {
            let pos = line_start(&s.doc.text, n);
            show_at_top(s, pos);
        }
        Command::Percent if n >= 100 => bottom(s),
        Command::Percent => {
            let text = &s.doc.text;
            let mut pos = text.len() * n / 100;
            while !text.is_char_boundary(pos) {
                pos -= 1;
            }
            show_at_top(s, pos);
        }
        Command::NextSection
        | Command::PrevSection
        | Command::NextQuote
        | Command::PrevQuote
        | Command::NextStatement
        | Command::PrevStatement
        | Command::NextSameSpeaker
        | Command::PrevSameSpeaker
        | Command::NextTurn
        | Command::PrevTurn
        | Command::NextQuestion
        | Command::PrevQuestion
        | Command::SearchNext
        | Command::SearchPrev => {
            for _ in 0..n {
                command(s, c);
                if s.message.is_some() {
                    break;
                }
            }
        }
        _ => return false,
    }
    true
}

/// The byte where line `n` (from 1) of `text` starts, or the last line's start.
fn line_start(text: &str, n: usize) -> usize {
    if n <= 1 {
        return 0;
    }
    let mut last = 0;
    for (i, (at, _)) in text.match_indices('\n').enumerate() {
        if at + 1 >= text.len() {
            break;
        }
        last = at + 1;
        if i + 2 == n {
            break;
        }
    }
    last
}

/// Show the line holding byte `pos` at the top of the pane (as `less` does
/// for `10g` and `50%`).
fn show_at_top(s: &mut State, pos: usize) {
    s.top = s.anchor_of(pos);
    s.refresh();
    s.cursor_from_view();
}

/// Put the last line of the document at the bottom of the screen.
fn bottom(s: &mut State) {
    let nb = s.index.blocks.len();
    if nb > 0 {
        let len = s.lines(nb - 1).len();
        s.top = Anchor {
            block: nb - 1,
            line: len - 1,
        };
        s.refresh();
        s.cursor_from_view();
    }
}

/// The outline, showing or hiding the panel, and moving the focus.
fn panel_shown(s: &mut State, c: Command) {
    match c {
        Command::Outline => {
            s.panel_shown = true;
            s.panel_auto = false;
            s.tab = Tab::Outline;
            s.focus = Focus::Panel;
            if let Some(i) = s.current_section() {
                s.panel_sel[Tab::Outline.index()] = i;
            }
            s.relayout();
            if s.geometry.panel.is_none() {
                s.message = Some("the screen is too narrow for the panel".into());
            }
        }
        Command::TogglePanel => {
            s.panel_shown = !s.panel_shown;
            s.panel_auto = false;
            if !s.panel_shown {
                s.focus = Focus::Pane;
            }
            s.relayout();
            if s.panel_shown && s.geometry.panel.is_none() {
                s.message = Some("the screen is too narrow for the panel".into());
            }
        }
        _ => {
            s.focus = match s.focus {
                Focus::Pane if s.geometry.panel.is_some() => Focus::Panel,
                Focus::Pane => {
                    s.message = Some("no side panel (s shows it)".into());
                    Focus::Pane
                }
                Focus::Panel => Focus::Pane,
            };
        }
    }
}

/// Escape: clear the search, else the filter, else the selection.
fn clear(s: &mut State) {
    s.pending.clear();
    s.count = None;
    if s.search.active() || s.search.input.is_some() {
        s.search = Search::default();
    } else if s.filter.is_some() {
        s.filter = None;
        s.filter_only = false;
        s.refresh();
    } else {
        s.selected = None;
        s.focus = Focus::Pane;
    }
}

/// Ten columns wider or narrower, with the new width in the status line.
fn width(s: &mut State, wider: bool) {
    if wider {
        s.width = s.width.saturating_add(10).min(1000);
        s.relayout();
        s.message = Some(if s.geometry.text_w < s.width {
            format!("width {} (the pane holds {})", s.width, s.geometry.text_w)
        } else {
            format!("width {}", s.width)
        });
    } else {
        // Start from the width the text has now: when the pane is
        // narrower than the setting, every press still shows.
        let now = if s.geometry.too_small {
            s.width
        } else {
            s.width.min(s.geometry.text_w)
        };
        s.width = now.saturating_sub(10).max(MIN_WIDTH);
        s.relayout();
        s.message = Some(format!("width {}", s.width));
    }
}
