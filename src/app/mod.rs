//! The reader's state, the actions that change it, and `update`: a pure
//! function from state and action to state. No drawing and no terminal here.
//!
//! This follows the Elm architecture: the event loop in `ui` turns terminal
//! events into [`Action`]s, [`update`] applies them to the [`State`], and `ui`
//! draws the state. The state keeps the visible lines ([`State::view`]) ready,
//! so drawing needs no layout work of its own.

pub mod keymap;
pub mod layout;

use keymap::{Command, Key, KeyCode, Keymap, Lookup};
use layout::{Anchor, Index, LayoutCache, LayoutKey, LineKind, VisualLine};

use crate::model::{Document, Span, SpeakerId, TopicId};

/// Reader settings that come from the command line and the configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Reading width in columns (the pane width when that is smaller).
    pub width: u16,
    /// Which layers start on: quotes, speaker labels, entities, topics, notes.
    pub layers: LayerSwitches,
    /// Whether the side panel starts shown.
    pub panel: bool,
    /// Whether the mouse is captured.
    pub mouse: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            width: 100,
            layers: LayerSwitches::default(),
            panel: true,
            mouse: false,
        }
    }
}

/// The annotation layers the reader can switch on and off (keys `1`…`5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayerSwitches {
    /// `1`: quote highlighting.
    pub quotes: bool,
    /// `2`: speaker labels at the start of quotes and turns.
    pub speakers: bool,
    /// `3`: entity styling.
    pub entities: bool,
    /// `4`: topic markers.
    pub topics: bool,
    /// `5`: notes.
    pub notes: bool,
}

impl Default for LayerSwitches {
    fn default() -> Self {
        LayerSwitches {
            quotes: true,
            speakers: true,
            entities: true,
            topics: true,
            notes: true,
        }
    }
}

/// The side panel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Speakers with their number of quotes.
    Speakers,
    /// Topics with their number of paragraphs and quotes.
    Topics,
    /// Sections.
    Outline,
}

impl Tab {
    /// All tabs in order.
    pub const ALL: [Tab; 3] = [Tab::Speakers, Tab::Topics, Tab::Outline];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Speakers => "Speakers",
            Tab::Topics => "Topics",
            Tab::Outline => "Outline",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The reading pane.
    Pane,
    /// The side panel.
    Panel,
}

/// What the quote highlighting and quote jumps are narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// One speaker's quotes.
    Speaker(SpeakerId),
    /// The quotes of one topic.
    Topic(TopicId),
}

/// An incremental search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The text being typed, while the prompt is open.
    pub input: Option<String>,
    /// The pattern searched for (empty: no search).
    pub query: String,
    /// Byte offsets of every hit.
    pub hits: Vec<usize>,
    /// Length of a hit in bytes.
    pub len: usize,
    /// Index into `hits` of the current hit.
    pub current: Option<usize>,
    /// Where the cursor was when the prompt opened.
    origin: usize,
}

impl Search {
    /// True when a search pattern is set (typed or confirmed).
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }
}

/// A rectangle of the screen, in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Width.
    pub w: u16,
    /// Height.
    pub h: u16,
}

impl Area {
    /// Whether the cell `(col, row)` lies inside.
    pub fn contains(&self, col: u16, row: u16) -> bool {
        col >= self.x && row >= self.y && col - self.x < self.w && row - self.y < self.h
    }
}

/// Where everything goes on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The screen is below the usable minimum.
    pub too_small: bool,
    /// Title line.
    pub title: Area,
    /// Reading pane.
    pub pane: Area,
    /// Side panel, when shown.
    pub panel: Option<Area>,
    /// Status line.
    pub status: Area,
    /// Width of the speaker label gutter (0: none).
    pub gutter: u16,
    /// First column of the text.
    pub text_x: u16,
    /// Width of the text.
    pub text_w: u16,
}

/// The smallest screen the reader draws on (below: "terminal too small").
pub const MIN_SIZE: (u16, u16) = (12, 3);
/// Rows of context kept above a jump target.
pub const CONTEXT: usize = 3;
const GUTTER: u16 = 14;

/// Work out the screen layout.
pub fn geometry(cols: u16, rows: u16, panel: bool, labels: bool, width: u16) -> Geometry {
    if cols < MIN_SIZE.0 || rows < MIN_SIZE.1 {
        return Geometry {
            too_small: true,
            ..Geometry::default()
        };
    }
    let body_h = rows - 2;
    let panel_w = if panel && cols >= 60 {
        (cols / 4).clamp(26, 36)
    } else {
        0
    };
    let pane = Area {
        x: 0,
        y: 1,
        w: cols - panel_w,
        h: body_h,
    };
    let gutter = match pane.w {
        _ if !labels => 0,
        70.. => GUTTER,
        36.. => GUTTER - 4,
        _ => 0,
    };
    let margin = if pane.w >= 30 { 1 } else { 0 };
    let text_w = width
        .min(pane.w.saturating_sub(margin + gutter + margin))
        .max(1);
    Geometry {
        too_small: false,
        title: Area {
            x: 0,
            y: 0,
            w: cols,
            h: 1,
        },
        pane,
        panel: (panel_w > 0).then_some(Area {
            x: pane.w,
            y: 1,
            w: panel_w,
            h: body_h,
        }),
        status: Area {
            x: 0,
            y: rows - 1,
            w: cols,
            h: 1,
        },
        gutter,
        text_x: margin + gutter,
        text_w,
    }
}

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
}

/// The reader's whole state: the document, its indexes and what the user did.
#[derive(Debug, Clone)]
pub struct State {
    /// The document.
    pub doc: Document,
    /// Its indexes.
    pub index: Index,
    /// Key bindings.
    pub keymap: Keymap,
    /// Settings it was opened with.
    pub settings: Settings,
    /// Layers on now.
    pub layers: LayerSwitches,
    /// Reading width now.
    pub width: u16,
    /// Side panel shown.
    pub panel_shown: bool,
    /// Where keys go.
    pub focus: Focus,
    /// The panel's tab.
    pub tab: Tab,
    /// Selected row per tab.
    pub panel_sel: [usize; 3],
    /// First row shown per tab.
    pub panel_top: [usize; 3],
    /// The active filter.
    pub filter: Option<Filter>,
    /// The selected quote (index into `index.quotes`).
    pub selected: Option<usize>,
    /// The search.
    pub search: Search,
    /// The help popup's scroll offset, when it is open.
    pub help: Option<usize>,
    /// Keys of an unfinished sequence (`]` of `]q`).
    pub pending: Vec<Key>,
    /// A one-off message for the status line.
    pub message: Option<String>,
    /// Set by the quit command.
    pub quit: bool,
    /// Screen size.
    pub screen: (u16, u16),
    /// Screen layout for that size.
    pub geometry: Geometry,
    /// The first line shown.
    pub top: Anchor,
    /// The byte offset navigation starts from (the last jump target, or the
    /// line a few rows below the top after scrolling).
    pub cursor: usize,
    /// The visible lines, top to bottom: display block and line.
    pub view: Vec<(usize, VisualLine)>,
    /// The last line of the document is on screen.
    pub at_end: bool,
    layout: LayoutCache,
    lower: Option<String>,
}

impl State {
    /// Open `doc` with these settings and bindings, on a screen of `cols`×`rows`.
    pub fn new(doc: Document, settings: Settings, keymap: Keymap, cols: u16, rows: u16) -> Self {
        let index = Index::new(&doc);
        let mut s = State {
            doc,
            index,
            keymap,
            layers: settings.layers,
            width: settings.width.max(MIN_WIDTH),
            panel_shown: settings.panel,
            settings,
            focus: Focus::Pane,
            tab: Tab::Speakers,
            panel_sel: [0; 3],
            panel_top: [0; 3],
            filter: None,
            selected: None,
            search: Search::default(),
            help: None,
            pending: Vec::new(),
            message: None,
            quit: false,
            screen: (cols, rows),
            geometry: Geometry::default(),
            top: Anchor::default(),
            cursor: 0,
            view: Vec::new(),
            at_end: true,
            layout: LayoutCache::default(),
            lower: None,
        };
        s.refresh();
        s
    }

    /// Number of rows in each panel tab.
    pub fn panel_len(&self, tab: Tab) -> usize {
        match tab {
            Tab::Speakers => self.doc.speakers.len(),
            Tab::Topics => self.doc.topics.len(),
            Tab::Outline => self.doc.sections.len(),
        }
    }

    /// The quotes that quote jumps visit: all, or the filter's.
    pub fn quote_list(&self) -> Option<&[usize]> {
        match self.filter {
            None => None,
            Some(Filter::Speaker(s)) => self.index.by_speaker.get(s.index()).map(|v| v.as_slice()),
            Some(Filter::Topic(t)) => self.index.by_topic.get(t.index()).map(|v| v.as_slice()),
        }
    }

    /// Whether quote `q` passes the filter.
    pub fn quote_passes(&self, q: usize) -> bool {
        match self.quote_list() {
            None => true,
            Some(list) => list.binary_search(&q).is_ok(),
        }
    }

    /// "3/18": the selected quote's place in the visited list, and the list's length.
    pub fn quote_position(&self) -> (Option<usize>, usize) {
        let n = self
            .quote_list()
            .map_or(self.index.quotes.len(), |l| l.len());
        let pos = self.selected.and_then(|q| match self.quote_list() {
            None => Some(q),
            Some(l) => l.binary_search(&q).ok(),
        });
        (pos.map(|p| p + 1), n)
    }

    /// How far through the document the screen is, in percent (100 at the end).
    pub fn percent(&self) -> usize {
        if self.at_end {
            return 100;
        }
        let len = self.doc.text.len().max(1);
        let at = self.view.first().map_or(0, |(_, l)| l.start);
        (at * 100 / len).min(99)
    }

    /// The index of the section the cursor is in.
    pub fn current_section(&self) -> Option<usize> {
        self.doc.section_at(self.cursor).or_else(|| {
            let i = self
                .index
                .section_starts
                .partition_point(|&s| s <= self.cursor);
            i.checked_sub(1)
        })
    }

    fn lines(&mut self, block: usize) -> std::rc::Rc<[VisualLine]> {
        self.layout.lines(&self.doc.text, &self.index, block)
    }

    fn rows(&self) -> usize {
        self.geometry.pane.h as usize
    }

    /// Move `a` forward by up to `n` lines; returns the new anchor.
    fn advance(&mut self, mut a: Anchor, mut n: usize) -> Anchor {
        let nb = self.index.blocks.len();
        while n > 0 && a.block < nb {
            let len = self.lines(a.block).len();
            if a.line + n < len {
                a.line += n;
                return a;
            }
            if a.block + 1 >= nb {
                a.line = len - 1;
                return a;
            }
            n -= len - a.line;
            a = Anchor {
                block: a.block + 1,
                line: 0,
            };
        }
        a
    }

    /// Move `a` back by up to `n` lines.
    fn retreat(&mut self, mut a: Anchor, mut n: usize) -> Anchor {
        while n > 0 {
            if a.line >= n {
                a.line -= n;
                return a;
            }
            if a.block == 0 {
                a.line = 0;
                return a;
            }
            n -= a.line + 1;
            let len = self.lines(a.block - 1).len();
            a = Anchor {
                block: a.block - 1,
                line: len - 1,
            };
        }
        a
    }

    /// The anchor of the line that shows byte `pos`.
    fn anchor_of(&mut self, pos: usize) -> Anchor {
        if self.index.blocks.is_empty() {
            return Anchor::default();
        }
        let block = self.index.block_at(pos);
        let lines = self.lines(block);
        let line = lines
            .iter()
            .rposition(|l| l.kind == LineKind::Text && l.start <= pos)
            .unwrap_or(0);
        Anchor { block, line }
    }

    /// Rows from `from` to `to`, when `to` is within `limit` rows after `from`.
    fn distance(&mut self, from: Anchor, to: Anchor, limit: usize) -> Option<usize> {
        if to < from {
            return None;
        }
        let mut a = from;
        for d in 0..=limit {
            if a == to {
                return Some(d);
            }
            let next = self.advance(a, 1);
            if next == a {
                return None;
            }
            a = next;
        }
        None
    }

    /// Put byte `pos` in view with [`CONTEXT`] rows above it (unless it is already comfortably in view).
    fn jump(&mut self, pos: usize) {
        self.jump_span(pos, pos);
    }

    /// Put the text from byte `pos` to byte `end` in view with [`CONTEXT`]
    /// rows above it. The view stays where it is when `pos` already has that
    /// context and the line of `end` is on screen too; otherwise `pos` goes
    /// [`CONTEXT`] rows below the top, so that as much of a long quote shows
    /// as the screen holds.
    fn jump_span(&mut self, pos: usize, end: usize) {
        self.cursor = pos;
        let target = self.anchor_of(pos);
        let last = self.anchor_of(end.max(pos));
        let rows = self.rows();
        let ctx = CONTEXT.min(rows.saturating_sub(1) / 2);
        let at_start = self.top == Anchor::default();
        let bottom = rows.saturating_sub(1).max(1);
        let keep = match self.distance(self.top, target, rows) {
            Some(d) if d < bottom && (d >= ctx || at_start) => {
                d <= ctx
                    || self
                        .distance(target, last, rows)
                        .is_some_and(|h| d + h < rows)
            }
            _ => false,
        };
        if !keep {
            self.top = self.retreat(target, ctx);
        }
        self.refresh();
    }

    /// Lay out again after a change of size, width, panel or layers, keeping
    /// the selected quote on screen (it would otherwise slide out of view and
    /// be dropped).
    fn relayout(&mut self) {
        let sel = self.selected;
        self.refresh();
        if let Some(q) = sel
            && self.selected.is_none()
        {
            self.jump_quote(q);
        }
    }

    /// Jump to quote `q` and select it.
    fn jump_quote(&mut self, q: usize) {
        let span = self.index.quotes[q].span;
        self.selected = Some(q);
        self.jump_span(span.start, span.end.saturating_sub(1).max(span.start));
        self.selected = Some(q);
    }

    fn scroll(&mut self, delta: isize) {
        if delta > 0 {
            self.top = self.advance(self.top, delta as usize);
        } else {
            self.top = self.retreat(self.top, delta.unsigned_abs());
        }
        self.refresh();
        self.cursor_from_view();
    }

    fn cursor_from_view(&mut self) {
        if self.top == Anchor::default() {
            self.cursor = 0;
        } else if let Some((_, l)) = self
            .view
            .get(CONTEXT.min(self.view.len().saturating_sub(1)))
        {
            self.cursor = l.start;
        }
    }

    /// Recompute the geometry, the layout key and the visible lines.
    pub fn refresh(&mut self) {
        let (cols, rows) = self.screen;
        self.geometry = geometry(
            cols,
            rows,
            self.panel_shown,
            self.layers.speakers,
            self.width,
        );
        let key = LayoutKey {
            width: self.geometry.text_w as usize,
            topics: self.layers.topics,
            notes: self.layers.notes,
        };
        if key != self.layout.key() {
            let keep = self.view.first().map(|(_, l)| l.start);
            self.layout.set_key(key);
            if let Some(pos) = keep {
                self.top = self.anchor_of(pos);
            }
        }
        let nb = self.index.blocks.len();
        if nb == 0 {
            self.view.clear();
            return;
        }
        if self.top.block >= nb {
            self.top = Anchor {
                block: nb - 1,
                line: 0,
            };
        }
        let len = self.lines(self.top.block).len();
        self.top.line = self.top.line.min(len - 1);
        let rows = self.rows().max(1);
        self.fill_view(rows);
        if self.view.len() < rows && self.top != Anchor::default() {
            // Past the end: pull back so the last line sits at the bottom.
            let missing = rows - self.view.len();
            self.top = self.retreat(self.top, missing);
            self.fill_view(rows);
        }
        if let Some(q) = self.selected {
            let (a, b) = self.view_range();
            if !self.index.quotes[q]
                .span
                .overlaps(Span::new(a, b.max(a + 1)))
            {
                self.selected = None;
            }
        }
        self.fix_panel_scroll();
    }

    fn fill_view(&mut self, rows: usize) {
        self.view.clear();
        self.at_end = false;
        let mut a = self.top;
        let nb = self.index.blocks.len();
        while self.view.len() < rows && a.block < nb {
            let lines = self.lines(a.block);
            for (i, l) in lines.iter().enumerate().skip(a.line) {
                if self.view.len() >= rows {
                    break;
                }
                self.view.push((a.block, *l));
                self.at_end = a.block + 1 == nb && i + 1 == lines.len();
            }
            a = Anchor {
                block: a.block + 1,
                line: 0,
            };
        }
    }

    /// Byte range the screen shows.
    pub fn view_range(&self) -> (usize, usize) {
        let a = self.view.first().map_or(0, |(_, l)| l.start);
        let b = self.view.last().map_or(0, |(_, l)| l.end);
        (a, b)
    }

    fn panel_rows(&self) -> usize {
        self.geometry
            .panel
            .map_or(0, |p| p.h.saturating_sub(2) as usize)
    }

    fn fix_panel_scroll(&mut self) {
        let rows = self.panel_rows().max(1);
        for t in Tab::ALL {
            let i = t.index();
            let n = self.panel_len(t);
            self.panel_sel[i] = self.panel_sel[i].min(n.saturating_sub(1));
            if self.panel_sel[i] < self.panel_top[i] {
                self.panel_top[i] = self.panel_sel[i];
            } else if self.panel_sel[i] >= self.panel_top[i] + rows {
                self.panel_top[i] = self.panel_sel[i] + 1 - rows;
            }
        }
    }
}

const MIN_WIDTH: u16 = 20;

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
    }
}

fn key(s: &mut State, k: Key) {
    if k.alt && s.pending.is_empty() && s.keymap.lookup(&[k]) == Lookup::None {
        // Terminals send Esc and a quick key after it as Alt+key: take them apart.
        key(s, Key::plain(KeyCode::Esc));
        key(s, Key { alt: false, ..k });
        return;
    }
    if s.search.input.is_some() {
        search_key(s, k);
        return;
    }
    s.pending.push(k);
    match s.keymap.lookup(&s.pending) {
        Lookup::Prefix => {}
        Lookup::Command(c) => {
            s.pending.clear();
            command(s, c);
        }
        Lookup::None => {
            let retry = s.pending.len() > 1;
            s.pending.clear();
            if retry {
                key(s, k);
            } else if s.help.is_some() {
                s.help = None;
            }
        }
    }
}

fn search_key(s: &mut State, k: Key) {
    let Some(input) = s.search.input.as_mut() else {
        return;
    };
    match (k.code, k.ctrl) {
        (KeyCode::Enter, _) => {
            s.search.input = None;
            if s.search.query.is_empty() {
                s.search = Search::default();
            } else if s.search.hits.is_empty() {
                s.message = Some(format!("not found: {}", s.search.query));
            }
            return;
        }
        (KeyCode::Esc, _) | (KeyCode::Char('c'), true) => {
            let origin = s.search.origin;
            s.search = Search::default();
            s.jump(origin);
            return;
        }
        (KeyCode::Backspace, _) => {
            if input.pop().is_none() {
                s.search = Search::default();
                return;
            }
        }
        (KeyCode::Char('u'), true) => input.clear(),
        (KeyCode::Char(c), false) if !c.is_control() => input.push(c),
        _ => return,
    }
    let q = input.clone();
    run_search(s, &q);
}

fn run_search(s: &mut State, q: &str) {
    s.search.query = q.to_string();
    s.search.len = q.len();
    s.search.hits.clear();
    s.search.current = None;
    if q.is_empty() {
        let origin = s.search.origin;
        s.jump(origin);
        return;
    }
    const MAX_HITS: usize = 1_000_000;
    let smart_case = !q.chars().any(|c| c.is_uppercase());
    let hits: Vec<usize> = if smart_case {
        let lower = s
            .lower
            .get_or_insert_with(|| s.doc.text.to_ascii_lowercase());
        let ql = q.to_ascii_lowercase();
        lower
            .match_indices(&ql)
            .map(|(i, _)| i)
            .take(MAX_HITS)
            .collect()
    } else {
        s.doc
            .text
            .match_indices(q)
            .map(|(i, _)| i)
            .take(MAX_HITS)
            .collect()
    };
    // Hidden text (boilerplate) is never a hit.
    s.search.hits = hits.into_iter().filter(|&h| s.index.shows(h)).collect();
    let origin = s.search.origin;
    let i = s.search.hits.partition_point(|&h| h < origin);
    let i = if i < s.search.hits.len() {
        Some(i)
    } else if s.search.hits.is_empty() {
        None
    } else {
        Some(0)
    };
    s.search.current = i;
    if let Some(i) = i {
        let pos = s.search.hits[i];
        s.jump(pos);
    } else {
        let origin = s.search.origin;
        s.jump(origin);
    }
}

fn search_step(s: &mut State, forward: bool) {
    let hits = &s.search.hits;
    if hits.is_empty() {
        s.message = Some(format!("not found: {}", s.search.query));
        return;
    }
    let cur = s.cursor;
    let i = if forward {
        let i = match s.search.current {
            Some(c) if hits[c] == cur => c + 1,
            _ => hits.partition_point(|&h| h <= cur),
        };
        if i >= hits.len() {
            s.message = Some("search hit BOTTOM, continuing at TOP".into());
            0
        } else {
            i
        }
    } else {
        let i = hits.partition_point(|&h| h < cur);
        if i == 0 {
            s.message = Some("search hit TOP, continuing at BOTTOM".into());
            hits.len() - 1
        } else {
            i - 1
        }
    };
    s.search.current = Some(i);
    let pos = s.search.hits[i];
    s.jump(pos);
}

/// The first index in `0..n` where `pred` turns false (`pred` must be true, then false).
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The next or previous quote from the cursor in `list` (all quotes when `None`),
/// found by binary search so that it costs the same on any document.
fn pick_quote(s: &State, list: Option<&[usize]>, forward: bool) -> Option<usize> {
    let n = list.map_or(s.index.quotes.len(), |l| l.len());
    let qi = |i: usize| list.map_or(i, |l| l[i]);
    let start = |i: usize| s.index.quotes[qi(i)].span.start;
    let cur = s.cursor;
    if forward {
        let strict = s.selected.is_some();
        let i = partition(n, |i| {
            if strict {
                start(i) <= cur
            } else {
                start(i) < cur
            }
        });
        (i < n).then(|| qi(i))
    } else {
        let i = partition(n, |i| start(i) < cur);
        i.checked_sub(1).map(qi)
    }
}

fn quote_step(s: &mut State, forward: bool, same_speaker: bool) {
    let pick;
    let empty;
    if same_speaker {
        let Some(q) = s.selected else {
            // Nothing selected yet: take the next quote, whoever said it.
            quote_step(s, forward, false);
            return;
        };
        let Some(sp) = s.index.quotes[q].speaker else {
            s.message = Some("this quote has no known speaker".into());
            return;
        };
        let list = s.index.by_speaker.get(sp.index()).map(|v| v.as_slice());
        pick = pick_quote(s, list, forward);
        empty = list.is_none_or(|l| l.is_empty());
    } else {
        let list = s.quote_list();
        pick = pick_quote(s, list, forward);
        empty = list.map_or(s.index.quotes.is_empty(), |l| l.is_empty());
    }
    match pick {
        Some(q) => s.jump_quote(q),
        None if empty => s.message = Some("no quotes".into()),
        None => {
            s.message = Some(
                if forward {
                    "no more quotes below"
                } else {
                    "no more quotes above"
                }
                .into(),
            )
        }
    }
}

fn section_step(s: &mut State, forward: bool) {
    let starts = &s.index.section_starts;
    let cur = s.cursor;
    let pick = if forward {
        starts.iter().copied().find(|&p| p > cur)
    } else {
        starts.iter().rev().copied().find(|&p| p < cur)
    };
    match pick {
        Some(p) => s.jump(p),
        None if starts.is_empty() => s.message = Some("no sections".into()),
        None => {
            s.message = Some(
                if forward {
                    "last section"
                } else {
                    "first section"
                }
                .into(),
            )
        }
    }
}

fn activate(s: &mut State) {
    let i = s.panel_sel[s.tab.index()];
    if i >= s.panel_len(s.tab) {
        return;
    }
    match s.tab {
        Tab::Speakers => set_filter(s, Filter::Speaker(SpeakerId(i as u32))),
        Tab::Topics => set_filter(s, Filter::Topic(TopicId(i as u32))),
        Tab::Outline => {
            s.focus = Focus::Pane;
            let p = s.index.section_starts[i];
            s.jump(p);
        }
    }
}

fn set_filter(s: &mut State, f: Filter) {
    s.focus = Focus::Pane;
    if s.filter == Some(f) {
        // Picking the active filter again clears it.
        s.filter = None;
        return;
    }
    s.filter = Some(f);
    let list = s.quote_list().unwrap_or(&[]);
    let Some(&first) = list.first() else {
        s.message = Some("no quotes for this filter".into());
        return;
    };
    s.selected = None;
    let list = s.quote_list().unwrap_or(&[]);
    let q = pick_quote(s, Some(list), true).unwrap_or(first);
    s.jump_quote(q);
}

fn command(s: &mut State, c: Command) {
    s.message = None;
    if let Some(h) = s.help {
        s.help = match c {
            Command::LineDown => Some(h + 1),
            Command::LineUp => Some(h.saturating_sub(1)),
            Command::PageDown | Command::HalfDown => Some(h + s.rows() / 2),
            Command::PageUp | Command::HalfUp => Some(h.saturating_sub(s.rows() / 2)),
            _ => None,
        };
        return;
    }
    let rows = s.rows().max(1);
    let panel = s.focus == Focus::Panel && s.geometry.panel.is_some();
    match c {
        Command::LineDown | Command::LineUp if panel => {
            let t = s.tab.index();
            let n = s.panel_len(s.tab);
            s.panel_sel[t] = if c == Command::LineDown {
                (s.panel_sel[t] + 1).min(n.saturating_sub(1))
            } else {
                s.panel_sel[t].saturating_sub(1)
            };
            s.fix_panel_scroll();
        }
        Command::Top | Command::Bottom if panel => {
            let t = s.tab.index();
            let n = s.panel_len(s.tab);
            s.panel_sel[t] = if c == Command::Top {
                0
            } else {
                n.saturating_sub(1)
            };
            s.fix_panel_scroll();
        }
        Command::LineDown => s.scroll(1),
        Command::LineUp => s.scroll(-1),
        Command::PageDown => s.scroll(rows.saturating_sub(2).max(1) as isize),
        Command::PageUp => s.scroll(-(rows.saturating_sub(2).max(1) as isize)),
        Command::HalfDown => s.scroll((rows / 2).max(1) as isize),
        Command::HalfUp => s.scroll(-((rows / 2).max(1) as isize)),
        Command::Top => {
            s.top = Anchor::default();
            s.refresh();
            s.cursor = 0;
        }
        Command::Bottom => {
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
        Command::NextSection => section_step(s, true),
        Command::PrevSection => section_step(s, false),
        Command::NextQuote => quote_step(s, true, false),
        Command::PrevQuote => quote_step(s, false, false),
        Command::NextSameSpeaker => quote_step(s, true, true),
        Command::PrevSameSpeaker => quote_step(s, false, true),
        Command::Search => {
            s.search = Search {
                input: Some(String::new()),
                origin: s.cursor,
                ..Search::default()
            };
        }
        Command::SearchNext if s.search.active() => search_step(s, true),
        Command::SearchPrev if s.search.active() => search_step(s, false),
        Command::SearchNext => quote_step(s, true, false),
        Command::SearchPrev => quote_step(s, false, false),
        Command::ToggleLayer(n) => {
            let l = &mut s.layers;
            let flag = match n {
                1 => &mut l.quotes,
                2 => &mut l.speakers,
                3 => &mut l.entities,
                4 => &mut l.topics,
                _ => &mut l.notes,
            };
            *flag = !*flag;
            s.relayout();
        }
        Command::AllLayers => {
            s.layers = LayerSwitches::default();
            s.relayout();
        }
        Command::Outline => {
            s.panel_shown = true;
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
            if !s.panel_shown {
                s.focus = Focus::Pane;
            }
            s.relayout();
        }
        Command::Focus => {
            s.focus = match s.focus {
                Focus::Pane if s.geometry.panel.is_some() => Focus::Panel,
                Focus::Pane => {
                    s.message = Some("no side panel (s shows it)".into());
                    Focus::Pane
                }
                Focus::Panel => Focus::Pane,
            };
        }
        Command::NextTab | Command::PrevTab => {
            let d = if c == Command::NextTab { 1 } else { 2 };
            s.tab = Tab::ALL[(s.tab.index() + d) % 3];
        }
        Command::Select if panel => activate(s),
        // In the reading pane Enter scrolls a line, as in less.
        Command::Select => s.scroll(1),
        Command::Clear => {
            s.pending.clear();
            if s.search.active() || s.search.input.is_some() {
                s.search = Search::default();
            } else if s.filter.is_some() {
                s.filter = None;
            } else {
                s.selected = None;
                s.focus = Focus::Pane;
            }
        }
        Command::Help => s.help = Some(0),
        Command::Quit => s.quit = true,
        Command::Narrower => {
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
        Command::Wider => {
            s.width = s.width.saturating_add(10).min(1000);
            s.relayout();
            s.message = Some(if s.geometry.text_w < s.width {
                format!("width {} (the pane holds {})", s.width, s.geometry.text_w)
            } else {
                format!("width {}", s.width)
            });
        }
    }
}

/// The quote whose speaker label goes on `line`: the first speech (not a
/// scare quote) that starts on it.
pub fn label_quote(s: &State, line: &VisualLine) -> Option<usize> {
    if line.kind != LineKind::Text {
        return None;
    }
    let end = line.end.max(line.start + 1);
    s.index
        .quotes_in(line.start, end)
        .filter(|&q| {
            let r = &s.index.quotes[q];
            r.kind != crate::model::QuoteKind::Term
                && r.span.start >= line.start
                && r.span.start < end
        })
        .min()
}

/// The byte under screen cell `(col, row)` in the reading pane, if any.
pub fn byte_at(s: &State, col: u16, row: u16) -> Option<usize> {
    let g = s.geometry;
    if !g.pane.contains(col, row) {
        return None;
    }
    let (_, line) = s.view.get((row - g.pane.y) as usize)?;
    if line.kind != LineKind::Text || col < g.text_x {
        return None;
    }
    let want = (col - g.text_x) as usize;
    let mut x = 0;
    let text = &s.doc.text[line.start..line.end];
    for (i, gr) in unicode_segmentation::UnicodeSegmentation::grapheme_indices(text, true) {
        let w = layout::grapheme_width(gr);
        if want < x + w.max(1) {
            return Some(line.start + i);
        }
        x += w;
    }
    None
}

fn click(s: &mut State, col: u16, row: u16) {
    s.help = None;
    if let Some(p) = s.geometry.panel
        && p.contains(col, row)
    {
        s.focus = Focus::Panel;
        if row == p.y {
            // The tab titles: pick by thirds of the width.
            let third = (p.w / 3).max(1);
            s.tab = Tab::ALL[((col - p.x) / third).min(2) as usize];
            return;
        }
        if row > p.y && row < p.y + p.h - 1 {
            let t = s.tab.index();
            let i = s.panel_top[t] + (row - p.y - 1) as usize;
            if i < s.panel_len(s.tab) {
                s.panel_sel[t] = i;
                activate(s);
            }
        }
        return;
    }
    s.focus = Focus::Pane;
    let g = s.geometry;
    if g.gutter > 0 && s.layers.speakers && g.pane.contains(col, row) && col < g.text_x {
        // A click on a speaker label filters by that speaker.
        let line = s.view.get((row - g.pane.y) as usize).map(|v| v.1);
        if let Some(q) = line.and_then(|l| label_quote(s, &l))
            && let Some(sp) = s.index.quotes[q].speaker
        {
            set_filter(s, Filter::Speaker(sp));
        }
        return;
    }
    if let Some(pos) = byte_at(s, col, row) {
        let q = s
            .index
            .quotes_in(pos, pos + 1)
            .min_by_key(|&q| s.index.quotes[q].span.len());
        s.selected = q;
        s.cursor = pos;
    }
}
