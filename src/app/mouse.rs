//! The mouse: what lies under a cell (a byte of text, a speaker label, a
//! panel row) and what a click on it does.

use super::layout::{self, LineKind, VisualLine};
use super::panel::{activate, set_filter};
use super::state::{Filter, Focus, State, Tab};

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
            let r = &s.index.quotes.at(q);
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

pub(super) fn click(s: &mut State, col: u16, row: u16) {
    s.help = None;
    if let Some(p) = s.geometry.panel
        && p.contains(col, row)
    {
        s.focus = Focus::Panel;
        if row == p.y {
            // The tab titles: pick by equal parts of the width.
            let n = Tab::ALL.len() as u16;
            let part = (p.w / n).max(1);
            s.tab = Tab::ALL[((col - p.x) / part).min(n - 1) as usize];
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
            && let Some(sp) = s.index.quotes.at(q).speaker
        {
            set_filter(s, Filter::Speaker(sp));
        }
        return;
    }
    if let Some(pos) = byte_at(s, col, row) {
        let q = s
            .index
            .quotes_in(pos, pos + 1)
            .min_by_key(|&q| s.index.quotes.at(q).span.len());
        s.selected = q;
        s.cursor = pos;
    }
}
