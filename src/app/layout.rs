//! The reader's own text layout: per-document indexes built once at open, and
//! wrapping of blocks into visual lines that remember their byte offsets.
//!
//! The reader never lays out the whole document. A position is an [`Anchor`]
//! (block, line within the block); blocks are wrapped on demand and cached per
//! width, so a key press costs what the screen shows, whatever the length of
//! the document.

use std::collections::HashMap;
use std::rc::Rc;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::model::{
    AnnotationBody, BlockKind, Document, EntityKind, QuoteKind, Span, SpeakerId, TopicId,
};

/// Blocks longer than this are laid out in chunks, so one huge paragraph
/// never has to be wrapped whole.
const CHUNK: usize = 16 * 1024;

/// A block as the reader shows it (boilerplate is left out; huge blocks are chunked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisplayBlock {
    /// What the block is.
    pub kind: BlockKind,
    /// The bytes of this chunk.
    pub span: Span,
    /// Whether this is the last chunk of its block (a blank line follows it).
    pub last_chunk: bool,
    /// The whole block's span (equal to `span` unless chunked).
    pub block: Span,
}

/// A quote as the reader indexes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRef {
    /// The quoted words.
    pub span: Span,
    /// Who said it.
    pub speaker: Option<SpeakerId>,
    /// Direct, partial or term.
    pub kind: QuoteKind,
}

/// Indexes of one document, computed once when it is opened.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Blocks to show, in order.
    pub blocks: Vec<DisplayBlock>,
    /// Quotes in reading order.
    pub quotes: Vec<QuoteRef>,
    quote_maxend: Vec<usize>,
    /// For each speaker, the indexes (into `quotes`) of their quotes.
    pub by_speaker: Vec<Vec<usize>>,
    /// For each topic, the indexes of the quotes it covers.
    pub by_topic: Vec<Vec<usize>>,
    /// For each topic, how many paragraphs it is tagged on.
    pub topic_paragraphs: Vec<usize>,
    /// Entity mentions in order.
    pub entities: Vec<(Span, EntityKind)>,
    entity_maxend: Vec<usize>,
    /// Topic tags in order of start.
    pub topic_tags: Vec<(Span, TopicId)>,
    /// Notes in order of start: span and text.
    pub notes: Vec<(Span, String)>,
    /// Where each section's jump lands (its heading, or its start).
    pub section_starts: Vec<usize>,
    /// How many quotes each section holds.
    pub section_quotes: Vec<usize>,
}

fn prefix_max(ends: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut m = 0;
    ends.map(|e| {
        m = m.max(e);
        m
    })
    .collect()
}

/// Indexes of the items of `spans` (sorted by start, with `maxend` their
/// running maximum end) that overlap `[a, b)`.
fn overlapping<'s, T>(
    spans: &'s [T],
    maxend: &'s [usize],
    span_of: impl Fn(&T) -> Span + 's,
    a: usize,
    b: usize,
) -> impl Iterator<Item = usize> + 's {
    let hi = spans.partition_point(|t| span_of(t).start < b.max(a + 1));
    (0..hi)
        .rev()
        .take_while(move |&j| maxend[j] > a)
        .filter(move |&j| {
            let s = span_of(&spans[j]);
            s.end > a || (s.is_empty() && s.start == a)
        })
}

/// Split `span` into chunks of at most about [`CHUNK`] bytes at line breaks or spaces.
fn chunks(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end - start > CHUNK {
        let mut cut = start + CHUNK;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &text[start..cut];
        let at = window
            .rfind('\n')
            .or_else(|| window.rfind(' '))
            .filter(|&i| i > CHUNK / 2)
            .map(|i| start + i + 1)
            .unwrap_or(cut);
        out.push(Span::new(start, at));
        start = at;
    }
    out.push(Span::new(start, span.end));
}

impl Index {
    /// Build every index of `doc` in one pass over its blocks and annotations.
    pub fn new(doc: &Document) -> Self {
        let text = &doc.text;
        let mut blocks = Vec::new();
        let mut push_block = |kind: BlockKind, span: Span| {
            let mut parts = Vec::new();
            chunks(text, span, &mut parts);
            let n = parts.len();
            for (i, p) in parts.into_iter().enumerate() {
                blocks.push(DisplayBlock {
                    kind,
                    span: p,
                    last_chunk: i + 1 == n,
                    block: span,
                });
            }
        };
        let valid = |s: Span| s.is_valid_in(text) && !s.is_empty();
        if doc.blocks.iter().any(|b| valid(b.span)) {
            for b in &doc.blocks {
                if b.kind != BlockKind::Boilerplate && valid(b.span) {
                    push_block(b.kind, b.span);
                }
            }
        } else {
            // No structure (a bare JSON document): paragraphs at blank lines.
            let mut pos = 0;
            for para in text.split("\n\n") {
                let trimmed = para.trim_matches('\n');
                if !trimmed.trim().is_empty() {
                    let lead = para.len() - para.trim_start_matches('\n').len();
                    push_block(
                        BlockKind::Paragraph,
                        Span::new(pos + lead, pos + lead + trimmed.len()),
                    );
                }
                pos += para.len() + 2;
            }
        }

        let mut quotes = Vec::new();
        let mut entities = Vec::new();
        let mut topic_tags = Vec::new();
        let mut notes = Vec::new();
        for a in &doc.annotations {
            if !a.span.is_valid_in(text) {
                continue;
            }
            match &a.body {
                AnnotationBody::Quote(q) => quotes.push(QuoteRef {
                    span: a.span,
                    speaker: q.speaker.filter(|s| s.index() < doc.speakers.len()),
                    kind: q.kind,
                }),
                AnnotationBody::Entity(e) => entities.push((a.span, e.kind)),
                AnnotationBody::Topic(t) if t.topic.index() < doc.topics.len() => {
                    topic_tags.push((a.span, t.topic))
                }
                AnnotationBody::Topic(_) => {}
                AnnotationBody::Note(n) => notes.push((a.span, n.text.clone())),
            }
        }
        quotes.sort_by_key(|q| (q.span.start, q.span.end));
        entities.sort_by_key(|e| e.0.start);
        topic_tags.sort_by_key(|t| t.0.start);
        notes.sort_by_key(|n| n.0.start);
        let quote_maxend = prefix_max(quotes.iter().map(|q| q.span.end));
        let entity_maxend = prefix_max(entities.iter().map(|e| e.0.end));

        let mut by_speaker = vec![Vec::new(); doc.speakers.len()];
        for (i, q) in quotes.iter().enumerate() {
            if let Some(s) = q.speaker {
                by_speaker[s.index()].push(i);
            }
        }
        let mut by_topic = vec![Vec::new(); doc.topics.len()];
        let mut topic_paragraphs = vec![0; doc.topics.len()];
        for (span, t) in &topic_tags {
            let lo = quotes.partition_point(|q| q.span.start < span.start);
            let inside: Vec<usize> = (lo..quotes.len())
                .take_while(|&i| quotes[i].span.start < span.end.max(span.start + 1))
                .filter(|&i| quotes[i].span.end <= span.end)
                .collect();
            let is_quote = inside.iter().any(|&i| quotes[i].span == *span);
            if !is_quote {
                topic_paragraphs[t.index()] += 1;
            }
            by_topic[t.index()].extend(inside);
        }
        for list in &mut by_topic {
            list.sort_unstable();
            list.dedup();
        }
        let section_starts = doc
            .sections
            .iter()
            .map(|s| s.heading.map_or(s.span.start, |h| h.start))
            .collect();
        let section_quotes = doc
            .sections
            .iter()
            .map(|s| {
                let lo = quotes.partition_point(|q| q.span.start < s.span.start);
                let hi = quotes.partition_point(|q| q.span.start < s.span.end);
                hi.saturating_sub(lo)
            })
            .collect();
        Index {
            blocks,
            quotes,
            quote_maxend,
            by_speaker,
            by_topic,
            topic_paragraphs,
            entities,
            entity_maxend,
            topic_tags,
            notes,
            section_starts,
            section_quotes,
        }
    }

    /// Indexes of the quotes overlapping `[a, b)`.
    pub fn quotes_in(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        overlapping(&self.quotes, &self.quote_maxend, |q| q.span, a, b)
    }

    /// Indexes of the entities overlapping `[a, b)`.
    pub fn entities_in(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        overlapping(&self.entities, &self.entity_maxend, |e| e.0, a, b)
    }

    /// The topics tagged inside `span` (a block), without repeats, in order of first tag.
    pub fn topics_within(&self, span: Span) -> Vec<TopicId> {
        let lo = self.topic_tags.partition_point(|t| t.0.start < span.start);
        let mut out: Vec<TopicId> = Vec::new();
        for (s, t) in &self.topic_tags[lo..] {
            if s.start >= span.end {
                break;
            }
            if !out.contains(t) {
                out.push(*t);
            }
        }
        out
    }

    /// Indexes (into `notes`) of the notes that start inside `span`.
    pub fn notes_within(&self, span: Span) -> std::ops::Range<usize> {
        let lo = self.notes.partition_point(|n| n.0.start < span.start);
        let hi = self.notes.partition_point(|n| n.0.start < span.end);
        lo..hi
    }

    /// Whether byte `pos` is shown (not in boilerplate or between blocks).
    pub fn shows(&self, pos: usize) -> bool {
        let i = self.blocks.partition_point(|b| b.span.end <= pos);
        self.blocks.get(i).is_some_and(|b| b.span.start <= pos)
    }

    /// The display block that contains byte `pos`, or the first one after it.
    pub fn block_at(&self, pos: usize) -> usize {
        let i = self.blocks.partition_point(|b| b.span.end <= pos);
        i.min(self.blocks.len().saturating_sub(1))
    }
}

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
    let b = index.blocks[block];
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
