//! Indexes of one document, built once when the reader opens it: the blocks
//! to show (boilerplate left out, huge blocks chunked), quotes, entities,
//! topic tags, notes and sections, each sorted so that any question the
//! screen asks is a binary search.

use super::compact::{Compact, Pack, Span32};
use crate::format::outline::{self, OutlineEntry};
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
    /// Direct, partial, term or reported.
    pub kind: QuoteKind,
}

/// A transcript turn as the reader jumps to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TurnStop {
    /// Where the turn's label starts (its words when it has no label).
    pub start: usize,
    /// Whether the turn asks (a question or a moderator's turn).
    pub asks: bool,
}

impl Pack for DisplayBlock {
    type Packed = (Span32, Span32, BlockKind, bool);
    fn pack(self) -> Option<Self::Packed> {
        Some((
            Span32::new(self.span)?,
            Span32::new(self.block)?,
            self.kind,
            self.last_chunk,
        ))
    }
    fn unpack((span, block, kind, last_chunk): Self::Packed) -> Self {
        DisplayBlock {
            kind,
            span: span.span(),
            last_chunk,
            block: block.span(),
        }
    }
}

/// No speaker, in a packed [`QuoteRef`].
const NO_SPEAKER: u32 = u32::MAX;

impl Pack for QuoteRef {
    type Packed = (Span32, u32, QuoteKind);
    fn pack(self) -> Option<Self::Packed> {
        let speaker = match self.speaker {
            Some(SpeakerId(NO_SPEAKER)) => return None,
            Some(SpeakerId(s)) => s,
            None => NO_SPEAKER,
        };
        Some((Span32::new(self.span)?, speaker, self.kind))
    }
    fn unpack((span, speaker, kind): Self::Packed) -> Self {
        QuoteRef {
            span: span.span(),
            speaker: (speaker != NO_SPEAKER).then_some(SpeakerId(speaker)),
            kind,
        }
    }
}

/// A span with a small value beside it (an entity's kind, a topic's id).
impl<T: Copy + std::fmt::Debug> Pack for (Span, T) {
    type Packed = (Span32, T);
    fn pack(self) -> Option<Self::Packed> {
        Some((Span32::new(self.0)?, self.1))
    }
    fn unpack((span, value): Self::Packed) -> Self {
        (span.span(), value)
    }
}

impl Pack for TurnStop {
    type Packed = (u32, bool);
    fn pack(self) -> Option<Self::Packed> {
        Some((u32::try_from(self.start).ok()?, self.asks))
    }
    fn unpack((start, asks): Self::Packed) -> Self {
        TurnStop {
            start: start as usize,
            asks,
        }
    }
}

impl Pack for usize {
    type Packed = u32;
    fn pack(self) -> Option<u32> {
        u32::try_from(self).ok()
    }
    fn unpack(p: u32) -> usize {
        p as usize
    }
}

/// Indexes of one document, computed once when it is opened. The lists
/// that grow with the text are [`Compact`] (see there why).
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Blocks to show, in order.
    pub blocks: Compact<DisplayBlock>,
    /// Quotes in reading order.
    pub quotes: Compact<QuoteRef>,
    quote_maxend: Compact<usize>,
    /// For each speaker, the indexes (into `quotes`) of their quotes.
    pub by_speaker: Vec<Vec<usize>>,
    /// For each topic, the indexes of the quotes it covers.
    pub by_topic: Vec<Vec<usize>>,
    /// For each topic, how many paragraphs it is tagged on.
    pub topic_paragraphs: Vec<usize>,
    /// Entity mentions in order.
    pub entities: Compact<(Span, EntityKind)>,
    entity_maxend: Compact<usize>,
    /// Topic tags in order of start.
    pub topic_tags: Compact<(Span, TopicId)>,
    /// Notes in order of start: span and text.
    pub notes: Vec<(Span, String)>,
    /// The outline: sections, or a transcript's exchanges.
    pub outline: Vec<OutlineEntry>,
    /// Where each outline entry's jump lands (its heading or first turn).
    pub section_starts: Vec<usize>,
    /// How many quotes each outline entry holds.
    pub section_quotes: Vec<usize>,
    /// Reported speech (quotes of kind reported), in reading order: a layer
    /// of its own, kept out of `quotes` and of every list built on them.
    pub reported: Compact<QuoteRef>,
    reported_maxend: Compact<usize>,
    /// For each speaker, the indexes (into `reported`) of their reported speech.
    pub reported_by_speaker: Vec<Vec<usize>>,
    /// A transcript's turns in reading order.
    pub turns: Compact<TurnStop>,
    /// Every block to show, while `blocks` holds only a filter's.
    pub(super) all_blocks: Option<Compact<DisplayBlock>>,
}

fn prefix_max(ends: impl Iterator<Item = usize>) -> Compact<usize> {
    let mut m = 0;
    ends.map(|e| {
        m = m.max(e);
        m
    })
    .collect()
}

/// Indexes of the items of `spans` (sorted by start, with `maxend` their
/// running maximum end) that overlap `[a, b)`.
fn overlapping<'s, T: Pack>(
    spans: &'s Compact<T>,
    maxend: &'s Compact<usize>,
    span_of: impl Fn(&T) -> Span + 's,
    a: usize,
    b: usize,
) -> impl Iterator<Item = usize> + 's {
    let hi = spans.partition_point(|t| span_of(t).start < b.max(a + 1));
    (0..hi)
        .rev()
        .take_while(move |&j| maxend.at(j) > a)
        .filter(move |&j| {
            let s = span_of(&spans.at(j));
            s.end > a || (s.is_empty() && s.start == a)
        })
}

/// Sort `list` by `key` (stable), unless it is sorted already: the sort's
/// scratch space is then never taken.
fn sort_unless_sorted<T: Pack, K: Ord>(list: &mut Compact<T>, key: impl Fn(&T) -> K) {
    let sorted = (1..list.len()).all(|i| key(&list.at(i - 1)) <= key(&list.at(i)));
    if !sorted {
        list.sort_by_key(key);
    }
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

/// The blocks to show, in order: boilerplate left out, huge blocks chunked;
/// paragraphs at blank lines when the document has no structure.
fn display_blocks(doc: &Document) -> Compact<DisplayBlock> {
    let text = &doc.text;
    // As many as the document's blocks, the usual case (a large block in
    // chunks adds some): see [`Compact::with_capacity`].
    let mut blocks = Compact::with_capacity(doc.blocks.len());
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
    blocks
}

/// The annotation layers as the reader indexes them.
struct Layers {
    quotes: Compact<QuoteRef>,
    reported: Compact<QuoteRef>,
    entities: Compact<(Span, EntityKind)>,
    topic_tags: Compact<(Span, TopicId)>,
    notes: Vec<(Span, String)>,
}

impl Layers {
    /// `doc`'s annotations by layer, each list made at its final size
    /// (counted first): grown by doubling, the lists of a large text left
    /// their outgrown copies behind in the allocator.
    fn new(doc: &Document) -> Layers {
        let text = &doc.text;
        let valid = || doc.annotations.iter().filter(|a| a.span.is_valid_in(text));
        let mut n = [0usize; 4];
        for a in valid() {
            let at = match &a.body {
                AnnotationBody::Quote(q) if q.kind == QuoteKind::Reported => 1,
                AnnotationBody::Quote(_) => 0,
                AnnotationBody::Entity(_) => 2,
                AnnotationBody::Topic(_) => 3,
                AnnotationBody::Note(_) => continue,
            };
            n[at] += 1;
        }
        let mut l = Layers {
            quotes: Compact::with_capacity(n[0]),
            reported: Compact::with_capacity(n[1]),
            entities: Compact::with_capacity(n[2]),
            topic_tags: Compact::with_capacity(n[3]),
            notes: Vec::new(),
        };
        for a in valid() {
            match &a.body {
                AnnotationBody::Quote(q) => {
                    let r = QuoteRef {
                        span: a.span,
                        speaker: q.speaker.filter(|s| s.index() < doc.speakers.len()),
                        kind: q.kind,
                    };
                    if q.kind == QuoteKind::Reported {
                        l.reported.push(r);
                    } else {
                        l.quotes.push(r);
                    }
                }
                AnnotationBody::Entity(e) => l.entities.push((a.span, e.kind)),
                AnnotationBody::Topic(t) if t.topic.index() < doc.topics.len() => {
                    l.topic_tags.push((a.span, t.topic))
                }
                AnnotationBody::Topic(_) => {}
                AnnotationBody::Note(n) => l.notes.push((a.span, n.text.clone())),
            }
        }
        // The annotations come sorted by start (longer first): only quotes
        // that share a start are out of order, and a sort is then needed.
        let by_span = |q: &QuoteRef| (q.span.start, q.span.end);
        sort_unless_sorted(&mut l.quotes, by_span);
        sort_unless_sorted(&mut l.reported, by_span);
        sort_unless_sorted(&mut l.entities, |e| e.0.start);
        sort_unless_sorted(&mut l.topic_tags, |t| t.0.start);
        l.notes.sort_by_key(|n| n.0.start);
        l
    }
}

/// For each of `speakers` speakers, the indexes of its quotes in `quotes`
/// (each list made at its final size).
fn per_speaker(quotes: &Compact<QuoteRef>, speakers: usize) -> Vec<Vec<usize>> {
    let mut count = vec![0usize; speakers];
    for s in quotes.iter().filter_map(|q| q.speaker) {
        count[s.index()] += 1;
    }
    let mut out: Vec<Vec<usize>> = count.into_iter().map(Vec::with_capacity).collect();
    for (i, q) in quotes.iter().enumerate() {
        if let Some(s) = q.speaker {
            out[s.index()].push(i);
        }
    }
    out
}

impl Index {
    /// Build every index of `doc` in one pass over its blocks and annotations.
    pub fn new(doc: &Document) -> Self {
        // The outline and the turns first: they are made from lists of the
        // whole transcript's turns that are let go at once, before the
        // index's own lists take their place in memory.
        let outline = outline::outline(doc);
        let turns = outline::turns(doc)
            .into_iter()
            .map(|t| TurnStop {
                start: t.start,
                asks: t.asks,
            })
            .collect();
        let blocks = display_blocks(doc);
        let Layers {
            quotes,
            reported,
            entities,
            topic_tags,
            notes,
        } = Layers::new(doc);
        let quote_maxend = prefix_max(quotes.iter().map(|q| q.span.end));
        let entity_maxend = prefix_max(entities.iter().map(|e| e.0.end));
        let by_speaker = per_speaker(&quotes, doc.speakers.len());
        let reported_maxend = prefix_max(reported.iter().map(|q| q.span.end));
        let reported_by_speaker = per_speaker(&reported, doc.speakers.len());
        let mut by_topic = vec![Vec::new(); doc.topics.len()];
        let mut topic_paragraphs = vec![0; doc.topics.len()];
        for (span, t) in topic_tags.iter() {
            let lo = quotes.partition_point(|q| q.span.start < span.start);
            let inside: Vec<usize> = (lo..quotes.len())
                .take_while(|&i| quotes.at(i).span.start < span.end.max(span.start + 1))
                .filter(|&i| quotes.at(i).span.end <= span.end)
                .collect();
            let is_quote = inside.iter().any(|&i| quotes.at(i).span == span);
            if !is_quote {
                topic_paragraphs[t.index()] += 1;
            }
            by_topic[t.index()].extend(inside);
        }
        for list in &mut by_topic {
            list.sort_unstable();
            list.dedup();
        }
        let section_starts = outline.iter().map(|e| e.jump).collect();
        let section_quotes = outline
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
            outline,
            section_starts,
            section_quotes,
            reported,
            reported_maxend,
            reported_by_speaker,
            turns,
            all_blocks: None,
        }
    }

    /// Indexes (into `reported`) of the reported speech overlapping `[a, b)`.
    pub fn reported_in(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        overlapping(&self.reported, &self.reported_maxend, |q| q.span, a, b)
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
        for i in lo..self.topic_tags.len() {
            let (s, t) = self.topic_tags.at(i);
            if s.start >= span.end {
                break;
            }
            if !out.contains(&t) {
                out.push(t);
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
