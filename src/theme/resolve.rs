//! Resolving [`Styles`] from a TextMate theme: each thing the reader draws
//! has a scope name, looked up with syntect's scope matching. What the theme
//! does not style falls back to its foreground and background plus a
//! modifier, and speakers get a colour-blind-safe palette, so any theme gives
//! a readable screen. Colours are then checked for contrast against the
//! background and brought to the terminal's colour depth.

use ratatui::style::{Color, Modifier, Style};
use syntect::highlighting::{FontStyle, Highlighter, StyleModifier, Theme};
use syntect::parsing::Scope;

use super::Styles;
use super::color::{
    ColorDepth, Paint, Rgb, contrast, distance, ensure_contrast, is_dark, mix, rgb_of_color,
};

/// The scope of the N-th speaker's quotes is `SPEAKER_SCOPE.N`.
pub const SPEAKER_SCOPE: &str = "meta.quote.speaker";

/// How many `meta.quote.speaker.N` scopes are probed in a theme.
pub const MAX_THEME_SPEAKERS: usize = 16;

/// Okabe–Ito colour-blind-safe palette, without black: the speaker colours
/// used when a theme gives fewer than three.
pub const OKABE_ITO: [Rgb; 7] = [
    [0x56, 0xb4, 0xe9], // sky blue
    [0xe6, 0x9f, 0x00], // orange
    [0x00, 0x9e, 0x73], // bluish green
    [0xcc, 0x79, 0xa7], // reddish purple
    [0xf0, 0xe4, 0x42], // yellow
    [0x00, 0x72, 0xb2], // blue
    [0xd5, 0x5e, 0x00], // vermillion
];

/// Minimum contrast for speaker and body text (WCAG AA).
pub const TEXT_CONTRAST: f64 = 4.5;
/// Minimum contrast for speaker colours on the selected quote's background
/// (which is also bold).
pub const SELECTED_CONTRAST: f64 = 3.5;
/// Minimum contrast for secondary text (header lines, topic markers, borders).
pub const MUTED_CONTRAST: f64 = 3.0;

/// Every scope the reader looks up, with what it styles.
pub const SCOPES: [(&str, &str); 17] = [
    ("meta.quote.speaker.N", "quotes of the N-th speaker"),
    ("meta.quote.selected", "the selected quote (added on top)"),
    ("meta.quote.unknown", "quotes with no known speaker"),
    ("entity.name.person", "people"),
    ("entity.name.place", "places"),
    ("entity.name.organization", "organisations"),
    ("meta.topic", "topic markers"),
    ("markup.heading.section", "section headings"),
    ("markup.heading.title", "the title"),
    ("comment.meta", "header lines (date, source)"),
    ("markup.search", "search hits"),
    ("markup.search.current", "the current search hit"),
    ("ui.panel", "the side panel"),
    ("ui.panel.selected", "the side panel's selected row"),
    ("ui.panel.border", "panel borders and tab titles"),
    ("ui.status", "the status line"),
    ("ui.popup", "popups (help)"),
];

/// A resolved style before choosing a colour depth.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Look {
    fg: Option<Paint>,
    bg: Option<Paint>,
    modifier: Modifier,
}

impl Look {
    fn plain() -> Self {
        Look {
            fg: None,
            bg: None,
            modifier: Modifier::empty(),
        }
    }
    fn fg(mut self, p: Option<Paint>) -> Self {
        self.fg = p;
        self
    }
    fn bg(mut self, p: Option<Paint>) -> Self {
        self.bg = p;
        self
    }
    fn add(mut self, m: Modifier) -> Self {
        self.modifier |= m;
        self
    }
}

struct Resolver<'a> {
    highlighter: Highlighter<'a>,
    theme: &'a Theme,
    /// The theme's background as RGB (for contrast and blending).
    bg_rgb: Rgb,
    fg: Paint,
    bg: Paint,
}

fn modifier_of(fs: FontStyle) -> Modifier {
    let mut m = Modifier::empty();
    if fs.contains(FontStyle::BOLD) {
        m |= Modifier::BOLD;
    }
    if fs.contains(FontStyle::ITALIC) {
        m |= Modifier::ITALIC;
    }
    if fs.contains(FontStyle::UNDERLINE) {
        m |= Modifier::UNDERLINED;
    }
    m
}

impl<'a> Resolver<'a> {
    fn new(theme: &'a Theme) -> Self {
        let highlighter = Highlighter::new(theme);
        let bg = theme
            .settings
            .background
            .map(|c| Paint::from_syntect(c, None))
            .unwrap_or(Paint::Default);
        let bg_rgb = bg.rgb().unwrap_or([0, 0, 0]);
        let fg = theme
            .settings
            .foreground
            .map(|c| Paint::from_syntect(c, Some(bg_rgb)))
            .unwrap_or(Paint::Default);
        Resolver {
            highlighter,
            theme,
            bg_rgb,
            fg,
            bg,
        }
    }

    fn paint(&self, c: Option<syntect::highlighting::Color>) -> Option<Paint> {
        c.map(|c| Paint::from_syntect(c, Some(self.bg_rgb)))
    }

    /// What the theme sets for `scope` (None when no rule matches it).
    fn modifier_for(&self, scope: &str) -> Option<StyleModifier> {
        let scope = Scope::new(scope).ok()?;
        let m = self.highlighter.style_mod_for_stack(&[scope]);
        if m.foreground.is_none() && m.background.is_none() && m.font_style.is_none() {
            None
        } else {
            Some(m)
        }
    }

    /// The theme's style for `scope`, or `fallback` when nothing matches.
    fn lookup(&self, scope: &str, fallback: Look) -> Look {
        match self.modifier_for(scope) {
            None => fallback,
            Some(m) => Look {
                fg: self.paint(m.foreground),
                bg: self.paint(m.background),
                modifier: m.font_style.map(modifier_of).unwrap_or_default(),
            },
        }
    }

    /// A colour between the foreground and the background (for muted text).
    fn muted(&self, t: f64) -> Option<Paint> {
        match (self.fg.rgb(), self.bg.rgb()) {
            (Some(f), Some(b)) => Some(Paint::Rgb(mix(f, b, t))),
            _ => None,
        }
    }

    fn setting(&self, c: Option<syntect::highlighting::Color>) -> Option<Paint> {
        self.paint(c)
    }

    /// The speaker palette: the theme's own `meta.quote.speaker.N` colours
    /// (N = 0, 1, … while the theme styles them specifically), completed with
    /// Okabe–Ito colours when it has fewer than three.
    fn speaker_palette(&self) -> Vec<Look> {
        let generic = Scope::new(SPEAKER_SCOPE)
            .map(|s| self.highlighter.style_mod_for_stack(&[s]))
            .ok();
        let mut looks = Vec::new();
        for n in 0..MAX_THEME_SPEAKERS {
            let name = format!("{SPEAKER_SCOPE}.{n}");
            let Some(scope) = Scope::new(&name).ok() else {
                break;
            };
            let m = self.highlighter.style_mod_for_stack(&[scope]);
            // A rule for `meta.quote` or `meta.quote.speaker` matches every N
            // alike; only a rule naming N itself makes a palette entry.
            if Some(m) == generic || m.foreground.is_none() {
                break;
            }
            looks.push(self.lookup(&name, Look::plain()));
        }
        if looks.len() < 3 {
            for c in OKABE_ITO {
                let taken = looks
                    .iter()
                    .filter_map(|l| l.fg.and_then(Paint::rgb))
                    .any(|t| distance(t, c) < 120.0);
                if !taken {
                    looks.push(Look::plain().fg(Some(Paint::Rgb(c))));
                }
            }
        }
        looks
    }
}

/// The styles for `theme` at colour `depth`. With [`ColorDepth::None`] the
/// theme is ignored and [`Styles::no_color`] is returned.
pub fn styles_from_theme(theme: &Theme, depth: ColorDepth) -> Styles {
    if depth == ColorDepth::None {
        return Styles::no_color();
    }
    let r = Resolver::new(theme);
    let s = &r.theme.settings;
    let base = Look::plain().fg(Some(r.fg)).bg(Some(r.bg));
    let plain = Look::plain();

    let selected_bg = r
        .setting(s.line_highlight)
        .or_else(|| r.setting(s.selection));
    let selected = r.lookup(
        "meta.quote.selected",
        plain.bg(selected_bg).add(if selected_bg.is_some() {
            Modifier::BOLD
        } else {
            Modifier::BOLD | Modifier::UNDERLINED
        }),
    );
    let search_fallback = match r.setting(s.find_highlight) {
        Some(bg) => plain
            .bg(Some(bg))
            .fg(r.setting(s.find_highlight_foreground).or(Some(r.bg))),
        None => plain.add(Modifier::REVERSED),
    };
    let search = r.lookup("markup.search", search_fallback);
    let mut search_current = r.lookup(
        "markup.search.current",
        search.add(Modifier::BOLD | Modifier::UNDERLINED),
    );
    if search_current == search {
        search_current = search_current.add(Modifier::BOLD | Modifier::UNDERLINED);
    }
    let panel = r.lookup("ui.panel", base.bg(r.setting(s.gutter).or(Some(r.bg))));
    let panel_selected_fallback = match r.setting(s.selection) {
        Some(bg) => plain
            .bg(Some(bg))
            .fg(r.setting(s.selection_foreground))
            .add(Modifier::BOLD),
        None => plain.add(Modifier::REVERSED),
    };
    let look = |scope: &str, fallback: Look| r.lookup(scope, fallback);

    let looks = Looks {
        base,
        speakers: r.speaker_palette(),
        unknown_speaker: look(
            "meta.quote.unknown",
            plain.fg(r.muted(0.25)).add(Modifier::ITALIC),
        ),
        selected_quote: selected,
        // Without RGB colours to mix, the terminal's own dim attribute.
        dimmed: match r.muted(0.55) {
            Some(m) => plain.fg(Some(m)),
            None => plain.add(Modifier::DIM),
        },
        person: look("entity.name.person", plain.add(Modifier::BOLD)),
        place: look("entity.name.place", plain.add(Modifier::UNDERLINED)),
        organisation: look("entity.name.organization", plain.add(Modifier::ITALIC)),
        topic: look("meta.topic", plain.fg(r.muted(0.4)).add(Modifier::ITALIC)),
        // Headings stay bold whatever colour the theme gives them.
        heading: look("markup.heading.section", plain).add(Modifier::BOLD),
        title: look("markup.heading.title", plain.add(Modifier::UNDERLINED)).add(Modifier::BOLD),
        meta: look("comment.meta", plain.fg(r.muted(0.4))),
        search,
        search_current,
        panel,
        panel_selected: look("ui.panel.selected", panel_selected_fallback),
        panel_border: look(
            "ui.panel.border",
            plain.fg(r.setting(s.guide).or_else(|| r.muted(0.5))),
        ),
        status: look("ui.status", plain.add(Modifier::REVERSED)),
        popup: look("ui.popup", base.bg(selected_bg.or(Some(r.bg)))),
        control: look("invalid.control", plain.add(Modifier::REVERSED)),
    };
    looks.finish(r.bg_rgb, depth, r.bg.rgb().is_some())
}

struct Looks {
    base: Look,
    speakers: Vec<Look>,
    unknown_speaker: Look,
    selected_quote: Look,
    dimmed: Look,
    person: Look,
    place: Look,
    organisation: Look,
    topic: Look,
    heading: Look,
    title: Look,
    meta: Look,
    search: Look,
    search_current: Look,
    panel: Look,
    panel_selected: Look,
    panel_border: Look,
    status: Look,
    popup: Look,
    control: Look,
}

impl Looks {
    fn finish(self, bg: Rgb, depth: ColorDepth, known_bg: bool) -> Styles {
        // Contrast is checked in RGB against the pane background (or the
        // style's own background), then again after mapping to the depth.
        let style = |l: Look, min: f64| -> Style {
            let under = l.bg.and_then(Paint::rgb).unwrap_or(bg);
            let fg = match l.fg {
                Some(Paint::Rgb(c)) if known_bg || l.bg.is_some() => {
                    Some(Paint::Rgb(readable_at_depth(c, under, min, depth)))
                }
                other => other,
            };
            let mut st = Style::new().add_modifier(l.modifier);
            let fg_c = match (fg, depth) {
                (Some(Paint::Rgb(c)), ColorDepth::Ansi16) => Some(super::color::indexed(
                    super::color::to_16_fg(c, is_dark(under)),
                )),
                _ => fg.and_then(|p| p.at_depth(depth)),
            };
            let bg_c = l.bg.and_then(|p| p.at_depth(depth));
            if let Some(c) = fg_c {
                st = st.fg(fix_low_depth(c, bg_c.or(Some(rgb_color(bg))), depth, min));
            }
            if let Some(c) = bg_c {
                st = st.bg(c);
            }
            st
        };
        // Speakers must also read on the selected quote's background.
        let selected_bg = self.selected_quote.bg.and_then(Paint::rgb);
        let mut speakers: Vec<Style> = Vec::new();
        for l in &self.speakers {
            let mut l = *l;
            if let (Some(Paint::Rgb(c)), Some(sel)) = (l.fg, selected_bg)
                && known_bg
                && is_dark(sel) == is_dark(bg)
            {
                l.fg = Some(Paint::Rgb(readable_at_depth(
                    c,
                    sel,
                    SELECTED_CONTRAST,
                    depth,
                )));
            }
            let st = style(l, TEXT_CONTRAST);
            // Distinct after mapping to the depth: drop repeats.
            if !speakers
                .iter()
                .any(|s| s.fg == st.fg && s.add_modifier == st.add_modifier)
            {
                speakers.push(st);
            }
        }
        let base_fg_ok = |l: Look| l;
        Styles {
            base: style(base_fg_ok(self.base), TEXT_CONTRAST),
            speakers,
            unknown_speaker: style(self.unknown_speaker, MUTED_CONTRAST),
            selected_quote: style(self.selected_quote, TEXT_CONTRAST),
            dimmed: style(self.dimmed, 1.5),
            person: style(self.person, TEXT_CONTRAST),
            place: style(self.place, TEXT_CONTRAST),
            organisation: style(self.organisation, TEXT_CONTRAST),
            topic: style(self.topic, MUTED_CONTRAST),
            heading: style(self.heading, TEXT_CONTRAST),
            title: style(self.title, TEXT_CONTRAST),
            meta: style(self.meta, MUTED_CONTRAST),
            search: style(self.search, TEXT_CONTRAST),
            search_current: style(self.search_current, TEXT_CONTRAST),
            panel: style(self.panel, TEXT_CONTRAST),
            panel_selected: style(self.panel_selected, TEXT_CONTRAST),
            panel_border: style(self.panel_border, 2.0),
            status: style(self.status, TEXT_CONTRAST),
            popup: style(self.popup, TEXT_CONTRAST),
            control: style(self.control, MUTED_CONTRAST),
        }
    }
}

/// `fg` adjusted until it reaches `min` contrast with `bg` even after
/// rounding to the 256-colour palette (which can lose some contrast).
fn readable_at_depth(fg: Rgb, bg: Rgb, min: f64, depth: ColorDepth) -> Rgb {
    let mut c = ensure_contrast(fg, bg, min);
    if depth != ColorDepth::Ansi256 {
        return c;
    }
    let shown_bg = super::color::rgb_of_256(super::color::to_256(bg));
    let mut target = min;
    for _ in 0..8 {
        let shown = super::color::rgb_of_256(super::color::to_256(c));
        if contrast(shown, shown_bg) >= min {
            break;
        }
        target += 0.35;
        c = ensure_contrast(fg, bg, target);
    }
    c
}

fn rgb_color(c: Rgb) -> Color {
    Color::Rgb(c[0], c[1], c[2])
}

/// After mapping to 16 colours a foreground can land on its background's
/// colour: switch to the bright or normal twin when that reads better.
fn fix_low_depth(fg: Color, bg: Option<Color>, depth: ColorDepth, min: f64) -> Color {
    if depth != ColorDepth::Ansi16 {
        return fg;
    }
    let (Some(f), Some(b)) = (rgb_of_color(fg), bg.and_then(rgb_of_color)) else {
        return fg;
    };
    // In 16 colours the pane background itself maps to an ANSI colour.
    let b = match bg {
        Some(Color::Rgb(r, g, bb)) => {
            super::color::ANSI16[usize::from(super::color::to_16([r, g, bb]))]
        }
        _ => b,
    };
    // The user's terminal palette is unknown in 16 colours (light themes
    // usually darken green and yellow): only repair a colour that all but
    // vanishes with xterm's values.
    if contrast(f, b) >= min.min(1.5) {
        return fg;
    }
    let idx = super::color::to_16(f);
    let twin = idx ^ 8;
    let candidates = [twin, if is_dark(b) { 15 } else { 0 }];
    for c in candidates {
        if contrast(super::color::ANSI16[usize::from(c)], b) > contrast(f, b) {
            return super::color::indexed(c);
        }
    }
    fg
}
