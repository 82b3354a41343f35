//! Visual selection (`v` charwise, `V` by lines), as in vim, in a reader
//! that is a pager without a cursor: `v` puts one at the start of the
//! selected quote when it is on screen, else at the start of the first line
//! shown. In visual mode the movement keys move that cursor (`j`/`k` by
//! screen line keeping the column, `w`/`b`/`e` by word, `0`/`$` to the ends
//! of the screen line, `]q`/`[q` to quotes, page keys) and the view follows
//! it; `y`/`Y` copy the selection and leave, `Esc` leaves.
//!
//! It also answers what the copy commands and notes act on:
//! [`State::target_span`], the selection when there is one, else the
//! selected quote.

use unicode_segmentation::UnicodeSegmentation;

use super::citation::{MAX_COPY, citation, clip_text};
use super::keymap::Command;
use super::layout::{Anchor, LineKind, VisualLine, grapheme_width};
use super::navigation::partition;
use super::state::{Focus, State};
use crate::model::{Span, SpeakerId};

/// A visual selection: from the anchor (where it started) to the cursor,
/// both byte offsets of characters of the text, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visual {
    /// Where the selection started.
    pub anchor: usize,
    /// Where the cursor is (the end that moves).
    pub cursor: usize,
    /// Whole lines of the text (`V`) rather than characters (`v`).
    pub linewise: bool,
    /// The screen column `j`/`k` keep (set by the first vertical move).
    pub(super) column: Option<usize>,
}

impl Visual {
    /// The selected bytes of `text`: from the first end to the character
    /// at the last one included; by lines, from the start of the first
    /// end's line to the end of the last one's (without its newline).
    pub fn span(&self, text: &str) -> Span {
        let lo = self.anchor.min(self.cursor).min(text.len());
        let hi = self.anchor.max(self.cursor).min(text.len());
        if self.linewise {
            let start = text[..lo].rfind('\n').map_or(0, |i| i + 1);
            let end = text[hi..].find('\n').map_or(text.len(), |i| hi + i);
            Span::new(start, end)
        } else {
            Span::new(lo, next_char(text, hi))
        }
    }
}

impl State {
    /// What a copy (or a note) acts on: the visual selection if any, else
    /// the selected quote's span.
    pub fn target_span(&self) -> Option<Span> {
        if let Some(v) = &self.visual {
            return Some(v.span(&self.doc.text));
        }
        self.selected
            .and_then(|q| self.index.quotes.get(q))
            .map(|r| r.span)
    }

    /// The status line in visual mode: the mode, the size of the selection
    /// and the keys that copy it.
    pub fn visual_status(&self) -> Option<String> {
        let v = self.visual?;
        let n = v.span(&self.doc.text).slice(&self.doc.text).chars().count();
        let mode = if v.linewise { "VISUAL LINE" } else { "VISUAL" };
        let key = |c| self.keymap.key_for(c).unwrap_or_default();
        Some(format!(
            "-- {mode} -- {n} chars · {}: copy + citation, {}: words",
            key(Command::Copy),
            key(Command::CopyExact),
        ))
    }
}

/// The byte after the character at `pos` (`text.len()` at the end).
fn next_char(text: &str, pos: usize) -> usize {
    text.get(pos..)
        .and_then(|t| t.chars().next())
        .map_or(text.len(), |c| pos + c.len_utf8())
}

/// The start of the character before `pos` (0 at the start).
fn prev_char(text: &str, pos: usize) -> usize {
    text[..pos.min(text.len())]
        .char_indices()
        .next_back()
        .map_or(0, |(i, _)| i)
}

/// A character's class for word moves: space, word character, other.
fn class(c: char) -> u8 {
    if c.is_whitespace() {
        0
    } else if c.is_alphanumeric() || c == '_' {
        1
    } else {
        2
    }
}

/// `w`: the start of the next word (a run of word characters, or of other
/// non-space characters); the last character when there is none.
pub fn word_next(text: &str, pos: usize) -> usize {
    let mut it = text[pos..].char_indices().map(|(i, c)| (pos + i, class(c)));
    let Some((_, first)) = it.next() else {
        return pos;
    };
    let mut space = first == 0;
    for (i, k) in it {
        if k == 0 {
            space = true;
        } else if space || k != first {
            return i;
        }
    }
    prev_char(text, text.len()).max(pos)
}

/// `e`: the last character of the word the cursor is in, or of the next one
/// when it is at a word's end already.
pub fn word_end(text: &str, pos: usize) -> usize {
    let mut it = text[pos..]
        .char_indices()
        .skip(1)
        .map(|(i, c)| (pos + i, class(c)))
        .skip_while(|&(_, k)| k == 0)
        .peekable();
    let Some((mut end, first)) = it.next() else {
        return pos;
    };
    while let Some(&(i, k)) = it.peek() {
        if k != first {
            break;
        }
        end = i;
        it.next();
    }
    end
}

/// `b`: the first character of the word before the cursor (or of the word
/// it is in, when it is not at its start).
pub fn word_back(text: &str, pos: usize) -> usize {
    let mut it = text[..pos]
        .char_indices()
        .rev()
        .map(|(i, c)| (i, class(c)))
        .skip_while(|&(_, k)| k == 0)
        .peekable();
    let Some((mut start, first)) = it.next() else {
        return pos;
    };
    while let Some(&(i, k)) = it.peek() {
        if k != first {
            break;
        }
        start = i;
        it.next();
    }
    start
}

/// The display width of `s` as the reader draws it.
fn width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// The byte of line `l` at screen column `col`, or its last character when
/// the line is shorter.
fn at_column(text: &str, l: VisualLine, col: usize) -> usize {
    let mut x = 0;
    let mut last = l.start;
    for (i, g) in text[l.start..l.end].grapheme_indices(true) {
        let w = grapheme_width(g);
        last = l.start + i;
        if col < x + w.max(1) {
            return last;
        }
        x += w;
    }
    last
}

/// `v` or `V` outside visual mode: start a selection at the selected quote
/// when it is on screen, else at the first line shown.
pub(super) fn start(s: &mut State, linewise: bool) {
    let pos = match s.selected.filter(|&q| s.quote_in_view(q)) {
        Some(q) => Some(s.index.quotes.at(q).span.start),
        None => s
            .view
            .iter()
            .find(|(_, l)| l.kind == LineKind::Text && l.end > l.start)
            .map(|(_, l)| l.start),
    };
    let Some(pos) = pos else {
        s.message = Some("no text on screen to select".into());
        return;
    };
    s.focus = Focus::Pane;
    s.visual = Some(Visual {
        anchor: pos,
        cursor: pos,
        linewise,
        column: None,
    });
    s.cursor = pos;
}

/// A command in visual mode. Returns whether it was one of visual mode's
/// (moves, `v`/`V`, `Esc`, copies); the others are carried out as usual.
pub(super) fn visual_command(s: &mut State, c: Command, count: Option<usize>) -> bool {
    let Some(v) = s.visual else {
        return false;
    };
    let n = count.unwrap_or(1);
    let rows = s.rows().max(1);
    let page = rows.saturating_sub(2).max(1);
    let half = (rows / 2).max(1);
    match c {
        Command::LineDown | Command::Select => vertical(s, n, true),
        Command::LineUp => vertical(s, n, false),
        Command::PageDown => vertical(s, page.saturating_mul(n), true),
        Command::PageUp => vertical(s, page.saturating_mul(n), false),
        Command::HalfDown => vertical(s, half.saturating_mul(n), true),
        Command::HalfUp => vertical(s, half.saturating_mul(n), false),
        Command::WordNext | Command::WordEnd | Command::WordBack => {
            let f = match c {
                Command::WordNext => word_next,
                Command::WordEnd => word_end,
                _ => word_back,
            };
            let pos = repeat(&s.doc.text, v.cursor, n, f);
            move_to(s, pos, c != Command::WordBack);
        }
        Command::LineStart | Command::LineEnd => line_end(s, c == Command::LineEnd),
        Command::Top => move_to(s, 0, true),
        Command::Bottom => move_to(s, s.doc.text.len(), false),
        Command::NextQuote | Command::PrevQuote => to_quote(s, c == Command::NextQuote, n),
        Command::SearchNext | Command::SearchPrev if s.search.active() => {
            to_hit(s, c == Command::SearchNext, n)
        }
        Command::SearchNext | Command::SearchPrev => to_quote(s, c == Command::SearchNext, n),
        Command::NextSection | Command::PrevSection => {
            let starts = s.index.section_starts.clone();
            let fwd = c == Command::NextSection;
            match step(starts.len(), |i| starts[i], v.cursor, fwd, n) {
                Some(i) => move_to(s, starts[i], fwd),
                None => s.message = Some(if fwd { "last section" } else { "first section" }.into()),
            }
        }
        Command::Visual | Command::VisualLines => {
            let lines = c == Command::VisualLines;
            s.visual = (v.linewise != lines).then_some(Visual {
                linewise: lines,
                ..v
            });
        }
        Command::Clear => s.visual = None,
        Command::Copy | Command::CopyExact => copy(s, c == Command::Copy),
        _ => return false,
    }
    true
}

/// `f` applied `n` times from `pos`.
fn repeat(text: &str, pos: usize, n: usize, f: fn(&str, usize) -> usize) -> usize {
    let mut p = pos;
    for _ in 0..n {
        let next = f(text, p);
        if next == p {
            break;
        }
        p = next;
    }
    p
}

/// The `n`th of `len` sorted offsets (`at(i)`) after `cur` (before it
/// when not `forward`), or the last one found when fewer are there;
/// `None` when there is none at all.
fn step(
    len: usize,
    at: impl Fn(usize) -> usize,
    cur: usize,
    forward: bool,
    n: usize,
) -> Option<usize> {
    let first_after = |p: usize| partition(len, |i| at(i) <= p);
    let last_before = |p: usize| partition(len, |i| at(i) < p).checked_sub(1);
    let mut found = None;
    let mut p = cur;
    for _ in 0..n.max(1) {
        let i = if forward {
            Some(first_after(p)).filter(|&i| i < len)
        } else {
            last_before(p)
        };
        let Some(i) = i else { break };
        found = Some(i);
        p = at(i);
    }
    found
}

/// `]q`/`[q` (and `n`/`N` without a search): the cursor to the start of
/// the next or previous quote of the filter's list, which is selected.
fn to_quote(s: &mut State, forward: bool, n: usize) {
    let Some(v) = s.visual else { return };
    let list: Vec<usize> = s
        .quote_list()
        .map_or_else(|| (0..s.index.quotes.len()).collect(), |l| l.to_vec());
    let start = |i: usize| s.index.quotes.at(list[i]).span.start;
    match step(list.len(), start, v.cursor, forward, n) {
        Some(i) => {
            let q = list[i];
            move_to(s, s.index.quotes.at(q).span.start, forward);
            s.selected = Some(q);
        }
        None if list.is_empty() => s.message = Some("no quotes".into()),
        None => {
            let dir = if forward { "below" } else { "above" };
            s.message = Some(format!("no more quotes {dir}"));
        }
    }
}

/// `n`/`N` with a search: the cursor to the next or previous hit.
fn to_hit(s: &mut State, forward: bool, n: usize) {
    let Some(v) = s.visual else { return };
    let hits = std::mem::take(&mut s.search.hits);
    let pick = step(hits.len(), |i| hits[i], v.cursor, forward, n);
    if let Some(i) = pick {
        s.search.current = Some(i);
        move_to(s, hits[i], forward);
    } else {
        let dir = if forward { "below" } else { "above" };
        s.message = Some(format!("no more hits {dir}"));
    }
    s.search.hits = hits;
}

/// `0`/`$`: the cursor to the first or last character of its screen line.
fn line_end(s: &mut State, end: bool) {
    let Some(v) = s.visual else { return };
    let a = s.anchor_of(v.cursor);
    let l = s.lines(a.block)[a.line];
    let pos = if end {
        prev_char(&s.doc.text, l.end).max(l.start)
    } else {
        l.start
    };
    move_to(s, pos, end);
}

/// A byte that is shown, near `pos`: `pos` itself, else the start of the
/// next block shown (`forward`) or the last character of the one before.
fn shown_near(s: &State, pos: usize, forward: bool) -> usize {
    let blocks = &s.index.blocks;
    if blocks.is_empty() || s.index.shows(pos) {
        return pos;
    }
    let i = blocks.partition_point(|b| b.span.end <= pos);
    match (forward, blocks.get(i), i.checked_sub(1)) {
        (true, Some(b), _) => b.span.start,
        (_, _, Some(j)) => prev_char(&s.doc.text, blocks.at(j).span.end),
        (false, Some(b), None) => b.span.start,
        (_, None, None) => pos,
    }
}

/// Move the cursor to `pos` (or the nearest text shown) and forget the
/// column `j`/`k` keep.
fn move_to(s: &mut State, pos: usize, forward: bool) {
    let pos = prev_char(&s.doc.text, next_char(&s.doc.text, pos));
    let pos = shown_near(s, pos, forward);
    if let Some(v) = &mut s.visual {
        v.cursor = pos;
        v.column = None;
    }
    follow(s);
}

/// The next text line after (or before) `a`, skipping topic, note and
/// blank lines; `None` at the end of the document.
fn text_line(s: &mut State, a: Anchor, forward: bool) -> Option<Anchor> {
    let mut cur = a;
    loop {
        let next = if forward {
            s.advance(cur, 1)
        } else {
            s.retreat(cur, 1)
        };
        if next == cur {
            return None;
        }
        cur = next;
        if s.lines(cur.block)[cur.line].kind == LineKind::Text {
            return Some(cur);
        }
    }
}

/// `j`/`k` and the page keys: the cursor `n` screen lines down or up, in
/// the column it had when the vertical moves began.
fn vertical(s: &mut State, n: usize, forward: bool) {
    let Some(mut v) = s.visual else { return };
    let a = s.anchor_of(v.cursor);
    let line = s.lines(a.block)[a.line];
    let col = v.column.unwrap_or_else(|| {
        let upto = v.cursor.clamp(line.start, line.end);
        width(&s.doc.text[line.start..upto])
    });
    let mut at = a;
    for _ in 0..n {
        match text_line(s, at, forward) {
            Some(next) => at = next,
            None => break,
        }
    }
    let l = s.lines(at.block)[at.line];
    v.cursor = at_column(&s.doc.text, l, col);
    v.column = Some(col);
    s.visual = Some(v);
    follow(s);
}

/// Scroll as little as puts the cursor's line on screen, and start
/// navigation from the cursor.
fn follow(s: &mut State) {
    let Some(v) = s.visual else { return };
    let target = s.anchor_of(v.cursor);
    let rows = s.rows().max(1);
    if target < s.top {
        s.top = target;
    } else if s.distance(s.top, target, rows).is_none_or(|d| d >= rows) {
        s.top = s.retreat(target, rows - 1);
    }
    s.refresh();
    s.cursor = v.cursor;
}

/// The speaker of the quote that holds all of `span`, if one does.
fn speaker_of(s: &State, span: Span) -> Option<SpeakerId> {
    s.index
        .quotes_in(span.start, span.end.max(span.start + 1))
        .filter(|&q| s.index.quotes.at(q).span.contains_span(span))
        .min()
        .and_then(|q| s.index.quotes.at(q).speaker)
}

/// `y` (`cited`) and `Y`: put the selection's or the selected quote's words
/// (with `y`, and a citation line) in [`State::clipboard`] for the terminal,
/// and leave visual mode.
pub(super) fn copy(s: &mut State, cited: bool) {
    let (span, speaker) = match (s.visual, s.selected) {
        (Some(v), _) => {
            let span = v.span(&s.doc.text);
            (span, speaker_of(s, span))
        }
        (None, Some(q)) => (s.index.quotes.at(q).span, s.index.quotes.at(q).speaker),
        (None, None) => {
            let key = |c| s.keymap.key_for(c).unwrap_or_default();
            s.message = Some(format!(
                "nothing to copy: select a quote ({}) or text ({})",
                key(Command::NextQuote),
                key(Command::Visual)
            ));
            return;
        }
    };
    let words = s.doc.slice(span);
    let len = words.chars().count();
    if len > MAX_COPY {
        s.message = Some(format!(
            "too long to copy: {len} characters (at most {MAX_COPY})"
        ));
        return;
    }
    let cite = cited.then(|| citation(&s.doc.meta, speaker.and_then(|id| s.doc.speaker(id))));
    let text = clip_text(words, cite.as_deref());
    let n = text.chars().count();
    s.message = Some(match cite.as_deref() {
        None => format!("copied {n} characters"),
        Some("") => format!("copied {n} characters (no citation known)"),
        Some(_) => format!("copied {n} characters with citation"),
    });
    s.clipboard = Some(text);
    s.visual = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_moves_like_vim() {
        let t = "We said: no, never.\n\nThen “yes”.";
        let at = |s: &str| t.find(s).unwrap();
        assert_eq!(word_next(t, 0), at("said"));
        assert_eq!(word_next(t, at("said")), at(": no"));
        assert_eq!(word_next(t, at(": no")), at("no,"));
        assert_eq!(word_next(t, at("never")), at(".\n"));
        assert_eq!(word_next(t, at(".\n")), at("Then"));
        assert_eq!(word_end(t, 0), at("e said"));
        assert_eq!(word_end(t, at("e said")), at("d:"));
        assert_eq!(word_back(t, at("Then")), at(".\n"));
        assert_eq!(word_back(t, at("said") + 2), at("said"));
        assert_eq!(word_back(t, 0), 0);
        let last = t.len() - 1;
        assert_eq!(word_next(t, last), last);
        assert_eq!(word_end(t, last), last);
    }

    #[test]
    fn spans_include_the_character_under_the_cursor() {
        let t = "ab\ncdé\nf";
        let v = |anchor, cursor, linewise| Visual {
            anchor,
            cursor,
            linewise,
            column: None,
        };
        let e = t.find('é').unwrap();
        assert_eq!(v(e, 3, false).span(t).slice(t), "cdé");
        assert_eq!(v(1, 4, false).span(t).slice(t), "b\ncd");
        assert_eq!(v(4, 1, true).span(t).slice(t), "ab\ncdé");
        assert_eq!(v(e, e, true).span(t).slice(t), "cdé");
    }
}
