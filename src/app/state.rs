//! The reader's state: the settings it opens with, the annotation layers,
//! the panel's tabs, the focus, the filter, and [`State`] itself with the
//! read-only questions drawing asks of it.

use super::geometry::Geometry;
use super::index::Index;
use super::keymap::{Key, Keymap};
use super::layout::{Anchor, LayoutCache, VisualLine};
use super::search::Search;
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

/// The annotation layers the reader can switch on and off (keys `1`…`6`).
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
    /// `6`: reported speech (what was said without quotation marks).
    pub reported: bool,
}

/// One annotation layer (keys `1`…`6` toggle them in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// `1`: quote highlighting.
    Quotes,
    /// `2`: speaker labels.
    Speakers,
    /// `3`: entity styling.
    Entities,
    /// `4`: topic markers.
    Topics,
    /// `5`: notes.
    Notes,
    /// `6`: reported speech.
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
    pub(super) layout: LayoutCache,
    /// The text in ASCII lower case, made at the first smart-case search.
    pub(super) lower: Option<String>,
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
}

/// The narrowest reading width.
pub(super) const MIN_WIDTH: u16 = 20;
