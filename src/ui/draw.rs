//! Drawing one frame: a pure function from the reader's state and styles to a
//! ratatui buffer. Every string that comes from the document goes through
//! [`visible`], so control characters never reach the terminal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Borders, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::layout::{LineKind, VisualLine, is_unsafe};
use crate::app::{Area, Filter, Focus, Layer, State, Tab};
use crate::model::text::visible_line;
use crate::model::{BlockKind, Span, SpeakerKind};
use crate::theme::{SGR_RESET, Styles};

fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.w, a.h)
}

/// The one-cell placeholder the reader draws for a character [`crate::model::text::is_unsafe`]
/// keeps from the terminal: a C0 control as its control picture (`␛`), DEL as `␡`, anything else as
/// U+FFFD. (Listings, which need not keep one cell per character, write `<U+202E>`.)
pub fn placeholder(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('?'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// `s` with unsafe characters replaced by placeholders and tabs by spaces.
pub fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' => ' ',
            c if is_unsafe(c) => placeholder(c),
            c => c,
        })
        .collect()
}

/// Write `s` at `(x, y)` in at most `max` columns, with unsafe characters shown
/// as placeholders in `control`. Returns the column after the text.
fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: usize, style: Style, control: Style) -> u16 {
    let end = x as usize + max;
    let mut x = x;
    let mut rest = s;
    while !rest.is_empty() && (x as usize) < end {
        let cut = rest
            .char_indices()
            .find(|&(_, c)| is_unsafe(c) || c == '\t')
            .map_or(rest.len(), |(i, _)| i);
        if cut > 0 {
            x = buf
                .set_stringn(x, y, &rest[..cut], end - x as usize, style)
                .0;
            rest = &rest[cut..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if c == '\t' {
            x = buf.set_stringn(x, y, " ", end - x as usize, style).0;
        } else {
            let mut tmp = [0u8; 4];
            x = buf
                .set_stringn(x, y, placeholder(c).encode_utf8(&mut tmp), 1, control)
                .0;
        }
        rest = &rest[c.len_utf8()..];
    }
    x
}

/// Cut `s` to `w` columns, ending with `…` when cut.
pub fn fit(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    if w == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        used += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// Draw the whole frame.
pub fn draw(buf: &mut Buffer, s: &State, st: &Styles) {
    let area = buf.area;
    buf.set_style(area, st.base);
    if s.geometry.too_small {
        let msg = ["terminal too small", "too small", "small", "!"]
            .into_iter()
            .find(|m| m.len() <= area.width as usize)
            .unwrap_or("");
        if area.height > 0 {
            buf.set_stringn(area.x, area.y, msg, area.width as usize, st.status);
        }
        return;
    }
    draw_title(buf, s, st);
    draw_pane(buf, s, st);
    if let Some(p) = s.geometry.panel {
        draw_panel(buf, s, st, p);
    }
    draw_status(buf, s, st);
    if let Some(q) = s.details {
        super::popup::draw_details(buf, s, st, q);
    }
    if let Some(scroll) = s.help {
        draw_help(buf, s, st, scroll);
    }
}

fn draw_title(buf: &mut Buffer, s: &State, st: &Styles) {
    let a = s.geometry.title;
    let m = &s.doc.meta;
    let title = m
        .title
        .clone()
        .or_else(|| m.source.clone())
        .unwrap_or_else(|| "(untitled)".into());
    let room = a.w.saturating_sub(1) as usize;
    let mut x = put(
        buf,
        a.x + 1,
        a.y,
        &fit(&visible(&title), room),
        room,
        st.title,
        st.control,
    );
    let mut rest: Vec<&str> = Vec::new();
    if m.title.is_some()
        && let Some(src) = &m.source
    {
        rest.push(src);
    }
    if let Some(d) = &m.date {
        rest.push(d);
    }
    if let Some(p) = &m.place {
        rest.push(p);
    }
    if !rest.is_empty() {
        let meta = visible(&format!(" — {}", rest.join(" · ")));
        let room = (a.x + a.w).saturating_sub(x + 1) as usize;
        x = put(buf, x, a.y, &fit(&meta, room), room, st.meta, st.control);
    }
    let _ = x;
}

/// The style runs of one text line: boundaries and the style of each piece
/// (`sel`: the visual selection, drawn reversed, with its cursor not).
fn line_runs(
    s: &State,
    st: &Styles,
    l: &VisualLine,
    base: Style,
    sel: Option<(Span, usize)>,
) -> Vec<(usize, usize, Style)> {
    let (a, b) = (l.start, l.end);
    let mut layers: Vec<(usize, usize, Style)> = Vec::new();
    if s.layers.quotes {
        let mut qs: Vec<usize> = s.index.quotes_in(a, b).collect();
        qs.sort_unstable();
        for q in qs {
            let r = s.index.quotes.at(q);
            let mut style = if !s.quote_passes(q) {
                st.dimmed
            } else {
                match r.speaker {
                    Some(id) => st.speaker(id.index()),
                    None => st.unknown_speaker,
                }
            };
            if s.selected == Some(q) {
                style = style.patch(st.selected_quote);
            }
            layers.push((r.span.start.max(a), r.span.end.min(b), style));
        }
    }
    if s.layers.reported {
        // Reported speech: the speaker's colour, dimmed and underlined, so it
        // never looks like a quotation.
        for r in s.index.reported_in(a, b) {
            let q = s.index.reported.at(r);
            let style = if !s.reported_passes(r) {
                st.dimmed
            } else {
                match q.speaker {
                    Some(id) => st.speaker(id.index()),
                    None => st.unknown_speaker,
                }
            };
            let style = style.add_modifier(Modifier::DIM | Modifier::UNDERLINED);
            layers.push((q.span.start.max(a), q.span.end.min(b), style));
        }
    }
    if s.layers.entities {
        for e in s.index.entities_in(a, b) {
            let (span, kind) = s.index.entities.at(e);
            let style = match kind {
                crate::model::EntityKind::Person => st.person,
                crate::model::EntityKind::Place => st.place,
                crate::model::EntityKind::Organisation => st.organisation,
            };
            layers.push((span.start.max(a), span.end.min(b), style));
        }
    }
    if let Some(g) = s.gold.as_ref().filter(|g| g.on) {
        for (span, found) in g.pieces_in(a, b) {
            layers.push((span.start.max(a), span.end.min(b), gold_style(st, found)));
        }
    }
    if s.search.active() && s.search.len > 0 {
        let hits = &s.search.hits;
        let lo = hits.partition_point(|&h| h + s.search.len <= a);
        for (i, &h) in hits.iter().enumerate().skip(lo) {
            if h >= b {
                break;
            }
            let style = if s.search.current == Some(i) {
                st.search_current
            } else {
                st.search
            };
            layers.push((h.max(a), (h + s.search.len).min(b), style));
        }
    }
    if let Some((span, cursor)) = sel {
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        if span.start < b && a < span.end {
            layers.push((span.start.max(a), span.end.min(b), reversed));
        }
        if (a..b).contains(&cursor) {
            let end = s.doc.text[cursor..]
                .chars()
                .next()
                .map_or(cursor, |c| cursor + c.len_utf8());
            let mark = Style::new()
                .remove_modifier(Modifier::REVERSED)
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
            layers.push((cursor, end.min(b), mark));
        }
    }
    let mut cuts: Vec<usize> = vec![a, b];
    for &(x, y, _) in &layers {
        cuts.push(x);
        cuts.push(y);
    }
    cuts.retain(|&c| c >= a && c <= b);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (x, y) = (w[0], w[1]);
        let mut style = base;
        for &(p, q, ls) in &layers {
            if p <= x && y <= q {
                style = style.patch(ls);
            }
        }
        out.push((x, y, style));
    }
    out
}

fn draw_pane(buf: &mut Buffer, s: &State, st: &Styles) {
    let g = s.geometry;
    let text = &s.doc.text;
    let right = g.pane.x + g.pane.w;
    let sel = s.visual.map(|v| (v.span(text), v.cursor));
    for (row, (block, l)) in s.view.iter().enumerate() {
        let y = g.pane.y + row as u16;
        if y >= g.pane.y + g.pane.h {
            break;
        }
        let kind = s.index.blocks.at(*block).kind;
        let base = match kind {
            BlockKind::Title => st.title,
            BlockKind::Meta => st.meta,
            BlockKind::Heading => st.heading,
            _ => st.base,
        };
        let x0 = g.pane.x + g.text_x;
        let room = (right.saturating_sub(x0) as usize).min(g.text_w as usize + 1);
        match l.kind {
            LineKind::Blank => {}
            LineKind::Text => {
                let mut x = x0;
                for (a, b, style) in line_runs(s, st, l, base, sel) {
                    let piece = text.get(a..b).unwrap_or("");
                    let left = (x0 as usize + room).saturating_sub(x as usize);
                    if left == 0 {
                        break;
                    }
                    x = put(buf, x, y, piece, left, style, st.control);
                }
                if g.gutter > 0 && s.layers.speakers {
                    draw_label(buf, s, st, l, y);
                }
                draw_gold_mark(buf, s, st, l, x0, y);
            }
            LineKind::Topics => {
                let topics = s.index.topics_within(s.index.blocks.at(*block).block);
                let names: Vec<String> = topics
                    .iter()
                    .filter_map(|t| s.doc.topic(*t))
                    .map(|t| visible(&t.name))
                    .collect();
                let line = format!("◆ {}", names.join(" · "));
                put(buf, x0, y, &fit(&line, room), room, st.topic, st.control);
            }
            LineKind::Note(n) => {
                let line = format!("✎ {}", visible(&s.index.notes[n].1));
                put(buf, x0, y, &fit(&line, room), room, st.meta, st.control);
            }
        }
    }
}

/// Gold text: underlined, in the heading's style where the annotator agrees
/// and in the search style where it missed the attribution.
fn gold_style(st: &Styles, found: bool) -> Style {
    let under = Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED);
    if found { under } else { under.patch(st.search) }
}

/// A mark left of a line that holds gold text: `┃` where the annotator
/// agrees, `╏` where it missed the attribution (the miss wins).
fn draw_gold_mark(buf: &mut Buffer, s: &State, st: &Styles, l: &VisualLine, x0: u16, y: u16) {
    let Some(g) = s.gold.as_ref().filter(|g| g.on) else {
        return;
    };
    if x0 == 0 {
        return;
    }
    let mut marks = g.pieces_in(l.start, l.end.max(l.start + 1));
    let Some(first) = marks.next() else {
        return;
    };
    let missed = !first.1 || marks.any(|(_, f)| !f);
    let (mark, style) = if missed {
        ("╏", st.search)
    } else {
        ("┃", st.meta)
    };
    put(buf, x0 - 1, y, mark, 1, style, st.control);
}

fn draw_label(buf: &mut Buffer, s: &State, st: &Styles, l: &VisualLine, y: u16) {
    let g = s.geometry;
    let (r, passes) = match crate::app::label_quote(s, l) {
        Some(q) => (s.index.quotes.at(q), s.quote_passes(q)),
        None => match crate::app::label_reported(s, l) {
            Some(r) => (s.index.reported.at(r), s.reported_passes(r)),
            None => return,
        },
    };
    let w = g.gutter.saturating_sub(2) as usize;
    let (name, style) = match r.speaker.and_then(|id| s.doc.speaker(id)) {
        Some(sp) => (short_name(&sp.name, sp.kind, w), st.speaker(sp.id.index())),
        None => ("?".to_string(), st.unknown_speaker),
    };
    let style = if passes { style } else { st.dimmed };
    // A quote the reader corrected says so: `✓` before its label.
    let name = if s.notes.corrected.binary_search(&r.span).is_ok() {
        format!("✓{name}")
    } else {
        name
    };
    let label = fit(&visible(&name), w);
    let x = g.pane.x + 1 + (w.saturating_sub(label.width())) as u16;
    put(buf, x, y, &label, w, style, st.control);
}

/// The name for a gutter of `w` columns: the whole name when it fits, else
/// a person's surname (the last word); other names are cut to fit.
fn short_name(name: &str, kind: SpeakerKind, w: usize) -> String {
    if name.width() <= w || kind != SpeakerKind::Person {
        return name.to_string();
    }
    name.split_whitespace().last().unwrap_or(name).to_string()
}

fn filter_name(s: &State) -> Option<String> {
    match s.filter? {
        Filter::Speaker(id) => s.doc.speaker(id).map(|sp| visible(&sp.name)),
        Filter::Topic(id) => s.doc.topic(id).map(|t| visible(&t.name)),
    }
}

fn draw_status(buf: &mut Buffer, s: &State, st: &Styles) {
    let a = s.geometry.status;
    buf.set_style(rect(a), st.status);
    let w = a.w as usize;
    let mut right: Vec<String> = Vec::new();
    let search_count = |s: &State| {
        let n = s.search.hits.len();
        // Still counting: as many as found so far, or more.
        let (more, dots) = if s.counting() {
            ("≥", "…")
        } else {
            ("", "")
        };
        match s.search.current {
            Some(i) => format!("{}/{more}{n}{dots}", i + 1),
            None => format!("0/{more}{n}{dots}"),
        }
    };
    if s.search.active() && s.search.input.is_none() {
        right.push(format!("/{} {}", visible(&s.search.query), search_count(s)));
    }
    let (pos, n) = s.quote_position();
    if n > 0 {
        right.push(match pos {
            Some(p) => format!("quote {p}/{n}"),
            None if n == 1 => "1 quote".to_string(),
            None => format!("{n} quotes"),
        });
    }
    if let Some(f) = filter_name(s) {
        // Which mode: the others dimmed, or only the filter's paragraphs.
        right.push(if s.filter_only {
            format!("only: {f}")
        } else {
            format!("filter: {f}")
        });
    }
    if let Some(g) = &s.gold {
        right.push(if g.on {
            g.summary()
        } else {
            format!("{} (off)", g.summary())
        });
    }
    right.push(format!("{}%", s.percent()));
    let flags: String = Layer::ALL
        .iter()
        .enumerate()
        .map(|(i, &layer)| {
            if s.layers.get(layer) {
                char::from(b'1' + i as u8)
            } else {
                '·'
            }
        })
        .collect();
    right.push(format!("layers {flags}"));
    if !s.pending.is_empty() || s.count.is_some() {
        let count = s.count.map_or(String::new(), |n| n.to_string());
        right.push(format!(
            "{count}{}",
            crate::app::keymap::format_keys(&s.pending)
        ));
    }
    right.push(
        s.keymap
            .key_for(crate::app::keymap::Command::Help)
            .map_or(String::new(), |k| format!("{k} help")),
    );
    let left = if let Some(input) = &s.search.input {
        // A message while typing (the search text is too long) comes first,
        // where a long search text cannot push it off the line.
        let prompt = format!("/{}▏ {}", visible(input), search_count(s));
        match &s.message {
            Some(m) => format!("{m} │ {prompt}"),
            None => prompt,
        }
    } else if let Some(prompt) = crate::app::notes::prompt_line(s) {
        prompt
    } else if let Some(m) = &s.message {
        m.clone()
    } else if let Some(v) = s.visual_status() {
        v
    } else if let Some(p) = s.loading {
        format!("annotating {p}%… jumps, search and counts cover the start only")
    } else if s.focus == Focus::Panel
        && s.geometry.panel.is_some()
        && matches!(s.tab, Tab::Notes | Tab::Orphans)
    {
        format!("{}: Enter jumps, Del deletes, H/L tabs", notes_count(s))
    } else if s.focus == Focus::Panel && s.geometry.panel.is_some() {
        "panel: j/k move, H/L tabs, Enter picks, Tab back to the text".to_string()
    } else {
        match s.current_section() {
            Some(i) => format!("§ {}", visible(s.section_title(i))),
            None => String::new(),
        }
    };
    // Drop right-hand items from the left until everything fits: a margin
    // column at each end and a gap between the two sides.
    let mut right_s = right.join(" │ ");
    while !right.is_empty() && right_s.width() + 3 > w.saturating_sub(left.width().min(w / 2)) {
        right.remove(0);
        right_s = right.join(" │ ");
    }
    let rw = right_s.width();
    let left_room = w.saturating_sub(rw + 2);
    put(
        buf,
        a.x + 1,
        a.y,
        &fit(&left, left_room.saturating_sub(1)),
        left_room.saturating_sub(1),
        st.status,
        st.control,
    );
    if rw < w {
        put(
            buf,
            a.x + (w - rw - 1) as u16,
            a.y,
            &right_s,
            rw,
            st.status,
            st.control,
        );
    }
}

fn draw_panel(buf: &mut Buffer, s: &State, st: &Styles, p: Area) {
    let r = rect(p);
    // A focused panel has a thick border in the title's style, so that it
    // is plain which side the keys go to.
    let (kind, border) = if s.focus == Focus::Panel {
        (BorderType::Thick, st.title)
    } else {
        (BorderType::Plain, st.panel_border)
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(kind)
        .border_style(border)
        .style(st.panel)
        .render(r, buf);
    draw_tab_titles(buf, s, st, r);
    let inner_x = r.x + 1;
    let inner_w = r.width.saturating_sub(2) as usize;
    let rows = r.height.saturating_sub(2) as usize;
    let t = s.tab as usize;
    let top = s.panel_top[t];
    let n = s.panel_len(s.tab);
    if n == 0 {
        let msg = match s.tab {
            Tab::Speakers => "no speakers",
            Tab::Topics => "no topics",
            Tab::Outline => "no sections",
            Tab::Notes => "no notes: a notes, h highlights, c corrects the selected quote",
            Tab::Orphans => "no orphans",
        };
        put(
            buf,
            inner_x + 1,
            r.y + 1,
            msg,
            inner_w.saturating_sub(1),
            st.meta,
            st.control,
        );
        return;
    }
    let current = s.current_section();
    for row in 0..rows.min(n.saturating_sub(top)) {
        let i = top + row;
        let y = r.y + 1 + row as u16;
        let (mark, name, mut count, style) = panel_row(s, st, i, current);
        if inner_w < count.width() + 12 {
            // A narrow panel: "18 · 6r" for "18 quoted · 6 reported".
            count = count.replace(" quoted", "").replace(" reported", "r");
        }
        let mut style = style;
        if i == s.panel_sel[t] {
            style = if s.focus == Focus::Panel {
                style.patch(st.panel_selected)
            } else {
                style.patch(st.panel_selected).patch(st.dimmed)
            };
            buf.set_style(Rect::new(inner_x, y, inner_w as u16, 1), style);
        }
        let cw = count.width();
        let name_w = inner_w.saturating_sub(cw + 3);
        put(buf, inner_x, y, mark, 1, style, st.control);
        put(
            buf,
            inner_x + 1,
            y,
            &fit(&name, name_w),
            name_w,
            style,
            st.control,
        );
        if cw + 2 <= inner_w {
            put(
                buf,
                inner_x + (inner_w - cw) as u16,
                y,
                &count,
                cw,
                style,
                st.control,
            );
        }
    }
}

/// The tab titles on the panel's top border.
fn draw_tab_titles(buf: &mut Buffer, s: &State, st: &Styles, r: Rect) {
    let mut x = r.x + 1;
    let corner = (r.x + r.width).saturating_sub(1);
    let all: usize = Tab::ALL.iter().map(|t| t.title().width() + 1).sum();
    if x as usize + all >= corner as usize {
        // Too narrow for every title: the current one, its place and arrows.
        let n = Tab::ALL.len();
        let title = format!(" ◂ {} {}/{n} ▸", s.tab.title(), s.tab as usize + 1);
        let style = if s.focus == Focus::Panel {
            st.panel_selected
        } else {
            st.title
        };
        let room = corner.saturating_sub(x) as usize;
        put(buf, x, r.y, &title, room, style, st.control);
        return;
    }
    for t in Tab::ALL {
        if x + 1 >= corner {
            break;
        }
        x = put(buf, x, r.y, " ", 1, st.panel_border, st.control);
        let style = if t == s.tab {
            if s.focus == Focus::Panel {
                st.panel_selected
            } else {
                st.title
            }
        } else {
            st.panel_border
        };
        let room = corner.saturating_sub(x) as usize;
        x = put(buf, x, r.y, t.title(), room, style, st.control);
    }
}

/// What row `i` of the panel's tab shows: a mark, a name, a count and a style.
fn panel_row(
    s: &State,
    st: &Styles,
    i: usize,
    current: Option<usize>,
) -> (&'static str, String, String, Style) {
    match s.tab {
        Tab::Speakers => {
            let sp = &s.doc.speakers[i];
            let mut name = visible(&sp.name);
            if let Some(role) = &sp.role {
                name = format!("{name}, {}", visible(role));
            }
            let n = s.index.by_speaker.get(i).map_or(0, |v| v.len());
            let on = s.filter == Some(Filter::Speaker(sp.id));
            // "3 quoted · 11 reported" when the speaker has reported speech.
            let count = match s.reported_count(i) {
                0 => format!("{n}"),
                r => format!("{n} quoted · {r} reported"),
            };
            (if on { "●" } else { " " }, name, count, st.speaker(i))
        }
        Tab::Topics => {
            let tp = &s.doc.topics[i];
            let q = s.index.by_topic.get(i).map_or(0, |v| v.len());
            let para = s.index.topic_paragraphs.get(i).copied().unwrap_or(0);
            let on = s.filter == Some(Filter::Topic(tp.id));
            (
                if on { "●" } else { " " },
                visible(&tp.name),
                format!("{para}¶ {q}q"),
                st.panel,
            )
        }
        Tab::Notes | Tab::Orphans => note_row(s, st, i),
        Tab::Outline => {
            let title = visible(s.section_title(i));
            let mark = if current == Some(i) { "▸" } else { " " };
            let n = s.index.section_quotes.get(i).copied().unwrap_or(0);
            let count = if n > 0 { n.to_string() } else { String::new() };
            (mark, title, count, st.panel)
        }
    }
}

/// "2 notes · 1 highlight · 1 correction · 1 orphan": what the reader added.
fn notes_count(s: &State) -> String {
    let items = &s.notes.sidecar.items;
    let n = |kind: &str| items.iter().filter(|i| i.body.kind() == kind).count();
    let word = |n: usize, one: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {one}s"),
    };
    let mut parts = vec![
        word(n("note"), "note"),
        word(n("highlight"), "highlight"),
        word(n("correction"), "correction"),
    ];
    if !s.notes.orphans.is_empty() {
        parts.push(word(s.notes.orphans.len(), "orphan"));
    }
    parts.join(" · ")
}

/// A row of the Notes tab (kind and words) or the Orphans tab (struck through).
fn note_row(s: &State, st: &Styles, i: usize) -> (&'static str, String, String, Style) {
    let orphan = s.tab == Tab::Orphans;
    let list = if orphan {
        &s.notes.orphans
    } else {
        &s.notes.found
    };
    let Some(item) = list
        .get(i)
        .and_then(|&p| s.notes.sidecar.items.get(s.notes.placed[p].item))
    else {
        return (" ", String::new(), String::new(), st.panel);
    };
    let (mark, what) = match &item.body {
        crate::notes::Body::Note { text } => ("✎", visible_line(text).into_owned()),
        crate::notes::Body::Highlight => ("▍", visible_line(&item.target.exact).into_owned()),
        crate::notes::Body::Correction { correction } => ("✓", correction.describe()),
    };
    let style = if orphan {
        st.panel.add_modifier(ratatui::style::Modifier::CROSSED_OUT)
    } else {
        st.panel
    };
    let words: String = item.target.exact.chars().take(12).collect();
    (
        mark,
        format!(" {what}"),
        format!("“{}”", visible_line(&words)),
        style,
    )
}

/// Lines of the help popup, generated from the keymap.
pub fn help_lines(s: &State) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = s
        .keymap
        .help_rows()
        .into_iter()
        .map(|(k, h)| (k, h.to_string()))
        .collect();
    rows.push((String::new(), String::new()));
    rows.push((
        "In the search prompt".into(),
        "Enter keeps, Esc cancels, BS deletes".into(),
    ));
    rows.push((
        "In the note prompt".into(),
        "Enter saves, Esc cancels, BS deletes".into(),
    ));
    rows.push((
        "After c (correct)".into(),
        "s speaker (Name, role; Tab picks one), n not a quote, x not speech, k kind, q a quote by…"
            .into(),
    ));
    rows.push((
        "In the side panel".into(),
        "j/k/g/G move, H/L tabs, Enter picks, Tab returns".into(),
    ));
    rows.push((
        "In visual mode".into(),
        "moves extend the selection; y/Y copy it, Esc leaves".into(),
    ));
    rows.push((
        "Esc".into(),
        "leaves visual mode, else clears the search, then the filter".into(),
    ));
    rows
}

fn draw_help(buf: &mut Buffer, s: &State, st: &Styles, scroll: usize) {
    let area = buf.area;
    let lines = help_lines(s);
    let kw = lines
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0)
        .min(30);
    let dw = lines.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
    // On a narrow screen the keys give way to the descriptions (40 columns
    // hold nearly all of them), down to a third of the room.
    let room = (area.width as usize).saturating_sub(7);
    let kw = kw.min(room.saturating_sub(40).max(room / 3)).max(1);
    let w = ((kw + dw + 5) as u16)
        .min(area.width.saturating_sub(2))
        .max(1);
    let h = ((lines.len() + 2) as u16)
        .min(area.height.saturating_sub(2))
        .max(1);
    let x = area.x + (area.width - w) / 2;
    let y = area.y + (area.height - h) / 2;
    let r = Rect::new(x, y, w, h);
    // Clear a column on each side too, so that no border of the panel
    // behind sits right against the popup's own.
    let margin_x = x.saturating_sub(1).max(area.x);
    let margin_w = (x + w + 1).min(area.x + area.width) - margin_x;
    ratatui::widgets::Clear.render(Rect::new(margin_x, y, margin_w, h), buf);
    buf.set_style(Rect::new(margin_x, y, margin_w, h), st.base);
    Block::default()
        .borders(Borders::ALL)
        .border_style(st.panel_border)
        .style(st.popup)
        .render(r, buf);
    put(
        buf,
        x + 2,
        y,
        " Keys (Esc closes) ",
        (w as usize).saturating_sub(4),
        st.title,
        st.control,
    );
    let rows = h.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    let inner = (w as usize).saturating_sub(2);
    for (i, (k, d)) in lines.iter().skip(scroll).take(rows).enumerate() {
        let yy = y + 1 + i as u16;
        put(
            buf,
            x + 2,
            yy,
            &fit(k, kw),
            kw.min(inner.saturating_sub(1)),
            st.heading.patch(st.popup),
            st.control,
        );
        let dx = kw + 3;
        if dx < inner {
            put(buf, x + dx as u16, yy, d, inner - dx, st.popup, st.control);
        }
    }
    if scroll + rows < lines.len() {
        put(
            buf,
            x + w.saturating_sub(4),
            y + h - 1,
            "↓",
            1,
            st.panel_border,
            st.control,
        );
    }
}

/// The buffer as plain text, one line per row, trailing spaces removed.
pub fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    let w = buf.area.width as usize;
    for row in buf.content().chunks(w.max(1)) {
        let mut line = String::new();
        let mut skip = 0usize;
        for c in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = c.symbol();
            line.push_str(sym);
            skip = sym.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The buffer with its styles as SGR escape sequences.
pub fn buffer_ansi(buf: &Buffer) -> String {
    let mut out = String::new();
    let w = buf.area.width as usize;
    for row in buf.content().chunks(w.max(1)) {
        let mut last = String::new();
        let mut skip = 0usize;
        let mut line = String::new();
        for c in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let code = crate::theme::sgr_on(c.style());
            if code != last {
                line.push_str(SGR_RESET);
                line.push_str(&code);
                last = code;
            }
            let sym = c.symbol();
            line.push_str(sym);
            skip = sym.width().saturating_sub(1);
        }
        out.push_str(&line);
        out.push_str(SGR_RESET);
        out.push('\n');
    }
    out
}
