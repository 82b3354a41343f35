//! The reader's state: the settings it opens with, the annotation layers,
//! the panel's tabs, the focus, the filter, and [`State`] itself with the
//! read-only questions drawing asks of it.

use super::geometry::{CONTEXT, Geometry};
use super::index::Index;
use super::keymap::{Key, Keymap};
use super::layout::{Anchor, LayoutCache, LineKind, VisualLine};
use super::search::Search;
use super::selection::Visual;
use crate::format::outline::entry_at;
use crate::model::{Document, SpeakerId, TopicId};

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
    /// Gold annotations to show beside the annotator's (`--gold FILE.ann`).
    pub gold: Option<Vec<crate::load::brat::GoldQuote>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            width: 100,
            layers: LayerSwitches::default(),
            panel: true,
            mouse: false,
            gold: None,
        }
    }
}

/// The annotation layers the reader can switch on and off (keys `z1`…`z6`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayerSwitches {
    /// `z1`: quote highlighting.
    pub quotes: bool,
    /// `z2`: speaker labels at the start of quotes and turns.
    pub speakers: bool,
    /// `z3`: entity styling.
    pub entities: bool,
    /// `z4`: topic markers.
    pub topics: bool,
    /// `z5`: notes.
    pub notes: bool,
    /// `z6`: reported speech (what was said without quotation marks).
    pub reported: bool,
}

/// One annotation layer (keys `z1`…`z6` toggle them in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// `z1`: quote highlighting.
    Quotes,
    /// `z2`: speaker labels.
    Speakers,
    /// `z3`: entity styling.
    Entities,
    /// `z4`: topic markers.
    Topics,
    /// `z5`: notes.
    Notes,
    /// `z6`: reported speech.
    Reported,
}

impl Layer {
    /// All layers, in the order of their keys.
    pub const ALL: [Layer; 6] = [
        Layer::Quotes,
        Layer::Speakers,
        Layer::Entities,
        Layer::Topics,
        Layer::Notes,
        Layer::Reported,
    ];
}

impl LayerSwitches {
    /// Whether `layer` is on.
    pub fn get(&self, layer: Layer) -> bool {
        match layer {
            Layer::Quotes => self.quotes,
            Layer::Speakers => self.speakers,
            Layer::Entities => self.entities,
            Layer::Topics => self.topics,
            Layer::Notes => self.notes,
            Layer::Reported => self.reported,
        }
    }

    /// Switch `layer` on when it is off and off when it is on.
    pub fn toggle(&mut self, layer: Layer) {
        let flag = match layer {
            Layer::Quotes => &mut self.quotes,
            Layer::Speakers => &mut self.speakers,
            Layer::Entities => &mut self.entities,
            Layer::Topics => &mut self.topics,
            Layer::Notes => &mut self.notes,
            Layer::Reported => &mut self.reported,
        };
        *flag = !*flag;
    }
}

impl Default for LayerSwitches {
    fn default() -> Self {
        LayerSwitches {
            quotes: true,
            speakers: true,
            entities: true,
            topics: true,
            notes: true,
            reported: true,
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
    /// The reader's notes, highlights and corrections found in the text.
    Notes,
    /// Notes whose text is gone.
    Orphans,
}

impl Tab {
    /// All tabs in order.
    pub const ALL: [Tab; 5] = [
        Tab::Speakers,
        Tab::Topics,
        Tab::Outline,
        Tab::Notes,
        Tab::Orphans,
    ];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Speakers => "Speakers",
            Tab::Topics => "Topics",
            Tab::Outline => "Outline",
            Tab::Notes => "Notes",
            Tab::Orphans => "Orphans",
        }
    }

    pub(super) fn index(self) -> usize {
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
    /// The panel follows the screen's width (shown when it leaves the text
    /// a comfortable measure) until the user shows or hides it.
    pub panel_auto: bool,
    /// Where keys go.
    pub focus: Focus,
    /// The panel's tab.
    pub tab: Tab,
    /// Selected row per tab.
    pub panel_sel: [usize; 5],
    /// First row shown per tab.
    pub panel_top: [usize; 5],
    /// The active filter.
    pub filter: Option<Filter>,
    /// The filter shows only its paragraphs (turns) instead of dimming the
    /// others (`&`, as in less).
    pub filter_only: bool,
    /// The filter whose paragraphs `index.blocks` holds now (`None`: all).
    pub(super) only_shown: Option<Filter>,
    /// The selected quote (index into `index.quotes`).
    pub selected: Option<usize>,
    /// The search.
    pub search: Search,
    /// The help popup's scroll offset, when it is open.
    pub help: Option<usize>,
    /// The quote whose details popup is open (`i`).
    pub details: Option<usize>,
    /// The visual selection, in visual mode (`v`, `V`).
    pub visual: Option<Visual>,
    /// Text a copy command left for the terminal's clipboard: the event
    /// loop takes it and sends it by OSC 52.
    pub clipboard: Option<String>,
    /// Keys of an unfinished sequence (`]` of `]q`).
    pub pending: Vec<Key>,
    /// A count typed before a command (`5` of `5j`), as in vim and less.
    pub count: Option<usize>,
    /// A one-off message for the status line.
    pub message: Option<String>,
    /// While the whole text is annotated in the background: how far it has
    /// got, in percent (the screen shows the quick annotation of its head;
    /// see [`State::finish_loading`]).
    pub loading: Option<u8>,
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
    pub(super) layout: LayoutCache,
    /// The gold layer, when the reader was opened with gold annotations.
    pub gold: Option<super::gold::GoldView>,
    /// A search's hits are counted a slice at a time while the reader waits
    /// for keys ([`State::count_step`], the terminal's event loop); when
    /// false (a headless run, whose frames must not depend on timing) each
    /// search counts them all at once.
    pub count_in_background: bool,
    /// The reader's notes, highlights, corrections, marks and position.
    pub notes: super::notes::Notes,
}

impl State {
    /// Open `doc` with these settings and bindings, on a screen of `cols`×`rows`.
    pub fn new(doc: Document, settings: Settings, keymap: Keymap, cols: u16, rows: u16) -> Self {
        let index = Index::new(&doc);
        let gold = settings
            .gold
            .clone()
            .map(|g| super::gold::GoldView::new(&doc, g));
        let mut s = State {
            gold,
            doc,
            index,
            keymap,
            layers: settings.layers,
            width: settings.width.max(MIN_WIDTH),
            panel_shown: settings.panel,
            panel_auto: settings.panel,
            settings,
            focus: Focus::Pane,
            tab: Tab::Speakers,
            panel_sel: [0; 5],
            panel_top: [0; 5],
            filter: None,
            filter_only: false,
            only_shown: None,
            selected: None,
            search: Search::default(),
            help: None,
            details: None,
            visual: None,
            clipboard: None,
            pending: Vec::new(),
            count: None,
            message: None,
            loading: None,
            quit: false,
            screen: (cols, rows),
            geometry: Geometry::default(),
            top: Anchor::default(),
            cursor: 0,
            view: Vec::new(),
            at_end: true,
            layout: LayoutCache::default(),
            count_in_background: false,
            notes: super::notes::Notes::default(),
        };
        s.refresh();
        s
    }

    /// Number of rows in each panel tab.
    pub fn panel_len(&self, tab: Tab) -> usize {
        match tab {
            Tab::Speakers => self.doc.speakers.len(),
            Tab::Topics => self.doc.topics.len(),
            Tab::Outline => self.index.outline.len(),
            Tab::Notes => self.notes.found.len(),
            Tab::Orphans => self.notes.orphans.len(),
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

    /// How far through the document the screen is, in percent (100 at the
    /// end). It follows the top line, so it never goes back while scrolling
    /// down (a topic or note line counts as the end of its block).
    pub fn percent(&self) -> usize {
        if self.at_end {
            return 100;
        }
        let len = self.doc.text.len().max(1);
        (self.row_pos(0) * 100 / len).min(99)
    }

    /// The row of the reading pane that jumps put their target on, and that
    /// names the current section: a few rows below the top.
    pub fn reference_row(&self) -> usize {
        CONTEXT.min(self.geometry.pane.h.saturating_sub(1) as usize / 2)
    }

    /// The byte offset row `row` of the view stands for.
    pub(super) fn row_pos(&self, row: usize) -> usize {
        let Some((b, l)) = self.view.get(row.min(self.view.len().saturating_sub(1))) else {
            return 0;
        };
        match l.kind {
            LineKind::Topics | LineKind::Note(_) => self.index.blocks.at(*b).span.end,
            _ => l.start,
        }
    }

    /// The outline entry (section, or a transcript's exchange) the screen is
    /// in: the one holding the text at [`State::reference_row`], or scrolled
    /// to the end of the document the last one that starts on screen (the text
    /// cannot scroll it any higher). It depends on the screen only, not on
    /// how the screen was reached.
    pub fn current_section(&self) -> Option<usize> {
        if self.view.is_empty() {
            return None;
        }
        let at = self.row_pos(self.reference_row());
        let at = if self.at_end && self.top != Anchor::default() {
            let (_, end) = self.view_range();
            let starts = &self.index.section_starts;
            let last = starts.partition_point(|&p| p < end);
            last.checked_sub(1).map_or(at, |i| at.max(starts[i]))
        } else {
            at
        };
        entry_at(&self.index.outline, at)
    }

    /// The name of outline entry `i` (section title, "(lead)", or an
    /// exchange's asker and first words).
    pub fn section_title(&self, i: usize) -> &str {
        self.index.outline.get(i).map_or("", |e| e.title.as_str())
    }
}

/// The narrowest reading width.
pub(super) const MIN_WIDTH: u16 = 20;
