//! Styles: every colour and attribute the reader draws with, resolved once from
//! a theme. The `ui` layer only reads a [`Styles`]; where the styles come from
//! (a TextMate theme through syntect, a colour depth, `NO_COLOR`) is this
//! module's business.

use ratatui::style::{Color, Modifier, Style};

/// Every style the reader uses, resolved for one theme and colour depth.
#[derive(Debug, Clone, PartialEq)]
pub struct Styles {
    /// Ordinary text and the pane background.
    pub base: Style,
    /// Quote text per speaker; speaker `i` uses `speakers[i % len]`. Never empty.
    pub speakers: Vec<Style>,
    /// Quotes with no known speaker.
    pub unknown_speaker: Style,
    /// Added on top of the selected quote.
    pub selected_quote: Style,
    /// A quote dimmed by a filter.
    pub dimmed: Style,
    /// Person mentions.
    pub person: Style,
    /// Place mentions.
    pub place: Style,
    /// Organisation mentions.
    pub organisation: Style,
    /// Topic markers.
    pub topic: Style,
    /// Section headings.
    pub heading: Style,
    /// The document title.
    pub title: Style,
    /// Header lines (date, source).
    pub meta: Style,
    /// Search hits.
    pub search: Style,
    /// The current search hit.
    pub search_current: Style,
    /// Side panel text.
    pub panel: Style,
    /// Side panel selected row.
    pub panel_selected: Style,
    /// Side panel borders and tab titles.
    pub panel_border: Style,
    /// Status line.
    pub status: Style,
    /// Popups (help).
    pub popup: Style,
    /// Visible placeholders for control characters in the text.
    pub control: Style,
}

impl Styles {
    /// The speaker's style, cycling through the palette.
    pub fn speaker(&self, index: usize) -> Style {
        self.speakers[index % self.speakers.len()]
    }

    /// Built-in dark styles that need no theme file (the fallback).
    pub fn fallback() -> Self {
        let speakers = [
            Color::Rgb(0x56, 0xb4, 0xe9),
            Color::Rgb(0xe6, 0x9f, 0x00),
            Color::Rgb(0x00, 0x9e, 0x73),
            Color::Rgb(0xf0, 0xe4, 0x42),
            Color::Rgb(0xcc, 0x79, 0xa7),
            Color::Rgb(0xd5, 0x5e, 0x00),
        ]
        .into_iter()
        .map(|c| Style::new().fg(c))
        .collect();
        Styles {
            base: Style::new(),
            speakers,
            unknown_speaker: Style::new().add_modifier(Modifier::ITALIC),
            selected_quote: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dimmed: Style::new().add_modifier(Modifier::DIM),
            person: Style::new().add_modifier(Modifier::BOLD),
            place: Style::new().add_modifier(Modifier::UNDERLINED),
            organisation: Style::new().add_modifier(Modifier::ITALIC),
            topic: Style::new().fg(Color::DarkGray),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            title: Style::new().add_modifier(Modifier::BOLD),
            meta: Style::new().fg(Color::DarkGray),
            search: Style::new().add_modifier(Modifier::REVERSED),
            search_current: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            panel: Style::new(),
            panel_selected: Style::new().add_modifier(Modifier::REVERSED),
            panel_border: Style::new().fg(Color::DarkGray),
            status: Style::new().add_modifier(Modifier::REVERSED),
            popup: Style::new(),
            control: Style::new().add_modifier(Modifier::REVERSED),
        }
    }
}

impl Default for Styles {
    fn default() -> Self {
        Styles::fallback()
    }
}

/// `attache themes`: list the themes with a preview in their colours.
pub fn list_command(_g: &crate::cli::GlobalOpts) -> crate::error::Result<()> {
    Err(crate::error::Error::runtime("themes is not built yet"))
}
