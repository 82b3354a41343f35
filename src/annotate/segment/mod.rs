//! Structure: paragraphs, headings, header lines, boilerplate and sections.
//!
//! Every later stage works paragraph by paragraph and section by section, so
//! this stage decides what a paragraph is in the shapes real texts come in:
//! blank lines between paragraphs, one paragraph per line with no blank lines
//! (typical of transcripts), or hard-wrapped lines that must be joined back.
//!
//! The result follows these rules:
//! - blocks are ordered, disjoint and never include the blank lines around them;
//! - header blocks (the title and the meta lines that open the document: date,
//!   dateline, byline, `Source:`, time, venue) and trailer blocks (meta lines and
//!   site boilerplate after the last paragraph) lie **outside** every section;
//! - the lead (the body before the first heading) is an untitled section, and
//!   each heading starts a section that runs to the end of its last block, so a
//!   section never ends inside a paragraph and sections never overlap.
//!
//! Everything is one linear pass over the lines plus a pass over the blocks.
//!
//! The steps, one module each, run in this order: `lines` splits the text
//! into paragraphs; `boilerplate` marks the trailer at the end; `header` marks
//! `Source:` lines, then the title and the meta lines at the start; `headings`
//! marks headings in the body between them and makes the sections.

mod boilerplate;
mod header;
mod headings;
pub use headings::markdown_heading;
mod lines;
#[cfg(test)]
mod tests;

use crate::model::{Block, BlockKind, Meta, Section, Span};

/// The document's structure, as found by [`segment`]; the transcript stage
/// then splits off its turn blocks and sets the genre, in one step of its own
/// ([`super::transcript::apply_structure_edit`]).
#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// Title, date, place, source.
    pub meta: Meta,
    /// Blocks in text order.
    pub blocks: Vec<Block>,
    /// Sections in text order; boilerplate is in none.
    pub sections: Vec<Section>,
}

/// The paragraphs of the text while the steps decide what they are: one entry
/// per future block in each list.
struct Draft<'a> {
    text: &'a str,
    /// Each paragraph's span.
    spans: Vec<Span>,
    /// The paragraph is a single line.
    single: Vec<bool>,
    /// Its length in characters (a line break counts as one).
    chars: Vec<usize>,
    /// Its kind so far.
    kinds: Vec<BlockKind>,
    /// What the header and trailer tell so far.
    meta: Meta,
    /// The width the text is hard-wrapped at, if it is.
    width: Option<usize>,
}

impl<'a> Draft<'a> {
    /// The text of paragraph `i`.
    fn slice(&self, i: usize) -> &'a str {
        self.spans[i].slice(self.text)
    }
}

/// Split normalised text into blocks and sections.
pub fn segment(text: &str) -> Structure {
    // 1. Lines → paragraphs.
    let mut d = lines::paragraphs(text);
    // 2. Trailer: boilerplate and meta lines after the last paragraph;
    //    `Source:` lines elsewhere are meta too.
    let body_end = boilerplate::mark_trailer(&mut d);
    header::mark_source_lines(&mut d, body_end);
    // 3. Header: a title and the meta lines that follow it.
    let body_start = header::mark_header(&mut d, body_end);
    // 4. Headings: short unpunctuated lines between paragraphs.
    headings::mark_headings(&mut d, body_start, body_end);

    let blocks: Vec<Block> = d
        .spans
        .iter()
        .zip(&d.kinds)
        .map(|(&span, &kind)| Block { kind, span })
        .collect();
    let sections = headings::sections(text, &blocks, body_start, body_end);
    Structure {
        meta: d.meta,
        blocks,
        sections,
    }
}
