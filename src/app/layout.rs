//! The reader's own text layout: wrapping of blocks into visual lines that
//! remember their byte offsets (the indexes they wrap live in
//! [`super::index`]).
//!
//! The reader never lays out the whole document. A position is an [`Anchor`]
//! (block, line within the block); blocks are wrapped on demand and cached per
//! width, so a key press costs what the screen shows, whatever the length of
//! the document.

use std::collections::HashMap;
use std::rc::Rc;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::index::Index;
use crate::model::BlockKind;

/// What a visual line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Text `[start, end)` of the document.
    Text,
    /// The blank line between blocks.
    Blank,
    /// The topic marker line of a block.
    Topics,
    /// A note (index into [`Index::notes`]).
    Note(usize),
}

/// One row of the reading pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisualLine {
    /// First byte shown (for non-text lines: the block's start).
    pub start: usize,
    /// One past the last byte shown.
    pub end: usize,
    /// What the line shows.
    pub kind: LineKind,
}

/// A place in the laid-out document: a display block and a line within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Anchor {
    /// Index into [`Index::blocks`].
    pub block: usize,
    /// Line within the block's layout.
    pub line: usize,
}

/// The display width of one grapheme as the reader draws it (control
/// characters become one-column placeholders, tabs one space).
pub fn grapheme_width(g: &str) -> usize {
    if g.chars().any(is_unsafe) {
        g.chars().filter(|&c| is_unsafe(c)).count()
    } else {
        // Halfwidth sound marks take a cell of their own in terminals.
        g.width()
            + g.chars()
                .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
                .count()
    }
}

/// Characters the reader never draws as they are: the shared policy's
/// [`crate::model::text::is_unsafe`], plus tab (drawn as a space).
pub fn is_unsafe(c: char) -> bool {
    c == '\t' || crate::model::text::is_unsafe(c)
}

fn is_space(g: &str) -> bool {
    g == " " || g == "\t"
}

/// Wrap one hard line (no `\n`) starting at byte `base` into lines of at most `width` columns.
pub fn wrap_line(line: &str, base: usize, width: usize, out: &mut Vec<VisualLine>) {
    let width = width.max(1);
    let text_line = |s: usize, e: usize| VisualLine {
        start: base + s,
        end: base + e,
        kind: LineKind::Text,
    };
    let first = out.len();
    let mut ls = 0; // start of the current visual line
    let mut w = 0; // its width so far
    let mut brk: Option<(usize, usize, usize)> = None; // (end before spaces, next start, width to next start)
    let mut run_start: Option<usize> = None;
    for (i, g) in line.grapheme_indices(true) {
        let gw = grapheme_width(g);
        if is_space(g) {
            let rs = *run_start.get_or_insert(i);
            if w + gw > width {
                out.push(text_line(ls, rs));
                ls = i + g.len();
                w = 0;
                brk = None;
                run_start = None;
                continue;
            }
            w += gw;
            brk = Some((rs, i + g.len(), w));
            continue;
        }
        run_start = None;
        if w + gw > width && w > 0 {
            match brk {
                Some((end, next, wb)) if next > ls && end > ls => {
                    out.push(text_line(ls, end));
                    ls = next;
                    w -= wb;
                }
                _ => {
                    out.push(text_line(ls, i));
                    ls = i;
                    w = 0;
                }
            }
            brk = None;
        }
        w += gw;
    }
    if ls < line.len() || out.len() == first {
        out.push(text_line(ls, line.len()));
    }
}

/// Lay out one display block: its wrapped text, its topic and note lines, and
/// the blank line after it.
pub fn layout_block(
    text: &str,
    index: &Index,
    block: usize,
    width: usize,
    topics: bool,
    notes: bool,
) -> Vec<VisualLine> {
    let b = index.blocks.at(block);
    let mut out = Vec::new();
    let body = b.span.slice(text);
    let mut pos = b.span.start;
    for hard in body.split('\n') {
        let before = out.len();
        wrap_line(hard, pos, width, &mut out);
        if out.len() == before {
            out.push(VisualLine {
                start: pos,
                end: pos,
                kind: LineKind::Text,
            });
        }
        pos += hard.len() + 1;
    }
    if b.last_chunk {
        let marker = |kind| VisualLine {
            start: b.block.start,
            end: b.block.start,
            kind,
        };
        if topics && !index.topics_within(b.block).is_empty() {
            out.push(marker(LineKind::Topics));
        }
        if notes {
            for n in index.notes_within(b.block) {
                out.push(marker(LineKind::Note(n)));
            }
        }
        let header = |k: BlockKind| matches!(k, BlockKind::Title | BlockKind::Meta);
        let next = index.blocks.get(block + 1);
        if next.is_some_and(|n| !(header(b.kind) && header(n.kind))) {
            out.push(VisualLine {
                start: b.span.end,
                end: b.span.end,
                kind: LineKind::Blank,
            });
        }
    }
    out
}

/// What a cached layout depends on besides the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LayoutKey {
    /// Text width in columns.
    pub width: usize,
    /// Topic lines shown.
    pub topics: bool,
    /// Note lines shown.
    pub notes: bool,
}

/// Wrapped blocks for one [`LayoutKey`], computed on demand.
#[derive(Debug, Clone, Default)]
pub struct LayoutCache {
    key: LayoutKey,
    blocks: HashMap<usize, Rc<[VisualLine]>>,
}

impl LayoutCache {
    const MAX_BLOCKS: usize = 8192;

    /// The current layout key.
    pub fn key(&self) -> LayoutKey {
        self.key
    }

    /// Switch to `key`, dropping every layout made for another one.
    pub fn set_key(&mut self, key: LayoutKey) {
        if key != self.key {
            self.key = key;
            self.blocks.clear();
        }
    }

    /// Drop every layout (the blocks they were made for changed).
    pub fn clear(&mut self) {
        self.blocks.clear();
    }

    /// The lines of `block` (never empty).
    pub fn lines(&mut self, text: &str, index: &Index, block: usize) -> Rc<[VisualLine]> {
        if let Some(l) = self.blocks.get(&block) {
            return l.clone();
        }
        if self.blocks.len() >= Self::MAX_BLOCKS {
            self.blocks.clear();
        }
        let k = self.key;
        let lines: Rc<[VisualLine]> =
            layout_block(text, index, block, k.width, k.topics, k.notes).into();
        self.blocks.insert(block, lines.clone());
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(s: &str, w: usize) -> Vec<&str> {
        let mut out = Vec::new();
        wrap_line(s, 0, w, &mut out);
        out.iter().map(|l| &s[l.start..l.end]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrap("one two three four", 9),
            vec!["one two", "three", "four"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), vec![""]);
    }

    #[test]
    fn wide_and_combining_characters() {
        // Each CJK character takes two columns.
        assert_eq!(wrap("漢字漢字漢", 4), vec!["漢字", "漢字", "漢"]);
        // e + combining acute is one column.
        let s = "e\u{301}e\u{301}e\u{301} x";
        assert_eq!(wrap(s, 3), vec!["e\u{301}e\u{301}e\u{301}", "x"]);
    }

    #[test]
    fn control_characters_take_one_column() {
        assert_eq!(grapheme_width("\u{1b}"), 1);
        assert_eq!(wrap("\u{1b}[31mab", 3), vec!["\u{1b}[3", "1ma", "b"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let mut out = Vec::new();
        wrap_line("aa bb", 10, 2, &mut out);
        assert_eq!(
            out.iter().map(|l| (l.start, l.end)).collect::<Vec<_>>(),
            vec![(10, 12), (13, 15)]
        );
    }
}
