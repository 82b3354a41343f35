//! Styles: every colour and attribute the reader draws with, resolved once from
//! a theme. The `ui` layer only reads a [`Styles`]; where the styles come from
//! (a TextMate theme through syntect, a colour depth, `NO_COLOR`) is this
//! module's business.
//!
//! Every style is looked up in a TextMate theme by scope name (see
//! [`resolve::SCOPES`]); a theme that styles none of them still gives a
//! readable screen from its foreground, background and a colour-blind-safe
//! speaker palette.

pub mod color;
pub mod load;
pub mod resolve;

use crate::model::text::visible_name;
use ratatui::style::{Color, Modifier, Style};

pub use color::{ColorDepth, ColorEnv, ColorMode, color_depth};
pub use load::{DEFAULT_THEME, load_theme, theme_names};
pub use resolve::styles_from_theme;

/// Every style the reader uses, resolved for one theme and colour depth.
#[derive(Debug, Clone, PartialEq)]
pub struct Styles {
    /// Ordinary text and the pane background.
    pub base: Style,
    /// Quote text per speaker, distinct from each other; speaker `i` uses
    /// `speakers[i % len]`, with italic added on the second round and
    /// underline on the third (see [`Styles::speaker`]). Never empty.
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
    /// The style of the speaker with this index (stable within a document):
    /// the palette cycles, with italic on the second round and underline on
    /// the third, so more speakers than colours stay apart.
    pub fn speaker(&self, index: usize) -> Style {
        let n = self.speakers.len();
        let Some(&style) = self.speakers.get(index.checked_rem(n).unwrap_or(0)) else {
            return self.base;
        };
        if n < 2 {
            return style;
        }
        match (index / n) % 3 {
            0 => style,
            1 => style.add_modifier(Modifier::ITALIC),
            _ => style.add_modifier(Modifier::UNDERLINED),
        }
    }

    /// Styles without any colour (`NO_COLOR`, `--color never`): bold,
    /// underline and reverse keep every state visible; speaker labels tell
    /// the speakers apart.
    pub fn no_color() -> Self {
        let none = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Styles {
            base: none,
            speakers: vec![none],
            unknown_speaker: none,
            selected_quote: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dimmed: Style::new().add_modifier(Modifier::DIM),
            person: none,
            place: none,
            organisation: none,
            topic: none,
            heading: bold,
            title: bold,
            meta: none,
            search: reversed,
            search_current: Style::new()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            panel: none,
            panel_selected: reversed,
            panel_border: none,
            status: reversed,
            popup: none,
            control: reversed,
        }
    }

    /// The styles for a theme (a name or a `.tmTheme` path; none: the
    /// default theme) at a colour depth. The theme is not even loaded when
    /// there is no colour.
    pub fn for_theme(spec: Option<&str>, depth: ColorDepth) -> crate::error::Result<Self> {
        if depth == ColorDepth::None {
            // Still check the name so a typo is reported the same way.
            load_theme(spec.unwrap_or(DEFAULT_THEME))?;
            return Ok(Styles::no_color());
        }
        let theme = load_theme(spec.unwrap_or(DEFAULT_THEME))?;
        Ok(styles_from_theme(&theme, depth))
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

/// The text `attache themes` prints at a colour depth. `current` (the theme
/// in effect: a name or a path) is marked, and listed too when it is a file.
pub fn list_text(depth: ColorDepth, current: &str) -> crate::error::Result<String> {
    let extra = Some(current);
    let mut names = theme_names();
    if let Some(x) = extra
        && !names.iter().any(|(n, _)| n.eq_ignore_ascii_case(x))
    {
        names.push((x.to_string(), load::Origin::File));
    }
    let width = names
        .iter()
        .map(|(n, _)| visible_name(n).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (name, origin) in names {
        let theme = load_theme(&name)?;
        let dark = theme
            .settings
            .background
            .map(|c| color::is_dark([c.r, c.g, c.b]))
            .unwrap_or(true);
        let styles = styles_from_theme(&theme, depth);
        let kind = match (dark, origin) {
            (true, load::Origin::Attache) => "dark, Attaché",
            (false, load::Origin::Attache) => "light, Attaché",
            (true, load::Origin::Syntect) => "dark, syntect",
            (false, load::Origin::Syntect) => "light, syntect",
            (true, load::Origin::File) => "dark, file",
            (false, load::Origin::File) => "light, file",
        };
        let marker = if name.eq_ignore_ascii_case(current) {
            '*'
        } else {
            ' '
        };
        // A theme file's path is shown, never sent to the terminal raw.
        let name = visible_name(&name);
        if depth == ColorDepth::None {
            out.push_str(&format!("{marker} {name:<width$}  {kind}"));
        } else {
            out.push_str(&format!("{marker} {name:<width$}  {kind:<14}  "));
            out.push_str(&preview(&styles));
        }
        out.push('\n');
    }
    out.push_str("\n* in use. Choose one with --theme NAME, --theme PATH.tmTheme or `theme` in the config file.\n");
    Ok(out)
}

/// One line showing a theme's styles: title, heading, speakers, entities, topic.
pub fn preview(styles: &Styles) -> String {
    let base = styles.base;
    let mut parts: Vec<(Style, String)> = vec![
        (base.patch(styles.title), "Title".into()),
        (base, " ".into()),
        (base.patch(styles.heading), "Section".into()),
        (base, " ".into()),
    ];
    for i in 0..4 {
        parts.push((
            base.patch(styles.speaker(i)),
            format!("“speaker {}”", i + 1),
        ));
        parts.push((base, " ".into()));
    }
    parts.extend([
        (base.patch(styles.person), "Person".to_string()),
        (base, " ".into()),
        (base.patch(styles.place), "Place".into()),
        (base, " ".into()),
        (base.patch(styles.organisation), "Org".into()),
        (base, " ".into()),
        (base.patch(styles.topic), "#topic".into()),
        (base, " ".into()),
        (base.patch(styles.search), "hit".into()),
    ]);
    let mut out = String::new();
    for (style, text) in parts {
        let on = sgr_on(style);
        if on.is_empty() {
            out.push_str(&text);
        } else {
            out.push_str(&on);
            out.push_str(&text);
            out.push_str(SGR_RESET);
        }
    }
    out
}

/// The SGR sequence that ends every styled run: a full reset (`ESC [ 0 m`).
/// Every encoder output assumes it starts from this state.
pub const SGR_RESET: &str = "\x1b[0m";

/// The SGR parameters (without `ESC [` and `m`) that draw `style` on a
/// terminal in its reset state: the attributes it adds (1 bold, 2 dim,
/// 3 italic, 4 underline, 5 and 6 blink, 7 reverse, 8 hidden, 9 crossed
/// out), then the foreground, then the background. Empty for no style;
/// `Color::Reset` adds nothing. The one encoder of the crate: the reader's
/// `render --ansi` frames, coloured listings and theme previews all use it.
pub fn sgr(style: Style) -> String {
    let mut codes: Vec<String> = Vec::new();
    let m = style.add_modifier - style.sub_modifier;
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            codes.push(code.into());
        }
    }
    if let Some(c) = style.fg.and_then(|c| color_code(c, false)) {
        codes.push(c);
    }
    if let Some(c) = style.bg.and_then(|c| color_code(c, true)) {
        codes.push(c);
    }
    codes.join(";")
}

/// The whole escape sequence (`ESC [ … m`) that turns `style` on from a
/// reset terminal; empty for no style. End the run with [`SGR_RESET`].
pub fn sgr_on(style: Style) -> String {
    let codes = sgr(style);
    if codes.is_empty() {
        codes
    } else {
        format!("\x1b[{codes}m")
    }
}

fn color_code(c: Color, bg: bool) -> Option<String> {
    let (plane, bright): (u16, u16) = if bg { (40, 100) } else { (30, 90) };
    let named = |i: u8| {
        if i < 8 {
            format!("{}", plane + u16::from(i))
        } else {
            format!("{}", bright + u16::from(i - 8))
        }
    };
    let ext = if bg { 48 } else { 38 };
    Some(match c {
        Color::Reset => return None,
        Color::Rgb(r, g, b) => format!("{ext};2;{r};{g};{b}"),
        Color::Indexed(i) => format!("{ext};5;{i}"),
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
    })
}

#[cfg(test)]
mod sgr_tests {
    use super::*;

    #[test]
    fn one_encoder_for_every_attribute_and_colour() {
        assert_eq!(sgr(Style::new()), "");
        assert_eq!(sgr_on(Style::new()), "");
        assert_eq!(sgr(Style::new().fg(Color::Reset).bg(Color::Reset)), "");
        let all = Style::new()
            .add_modifier(Modifier::BOLD | Modifier::CROSSED_OUT | Modifier::REVERSED)
            .fg(Color::Rgb(1, 2, 3))
            .bg(Color::DarkGray);
        assert_eq!(sgr(all), "1;7;9;38;2;1;2;3;100");
        assert_eq!(sgr_on(all), "\x1b[1;7;9;38;2;1;2;3;100m");
        assert_eq!(sgr(Style::new().fg(Color::White).bg(Color::Red)), "97;41");
        assert_eq!(sgr(Style::new().fg(Color::Indexed(200))), "38;5;200");
        // A removed attribute is not turned on.
        let removed = Style::new()
            .add_modifier(Modifier::BOLD)
            .remove_modifier(Modifier::BOLD);
        assert_eq!(sgr(removed), "");
    }
}
