//! Listings printed by the command line: quotes (text, JSON, CSV), speakers, outline,
//! and the plain annotated text shown when output is not a terminal.

use serde::Serialize;

use crate::model::{CharIndex, Document, QuoteKind, Span};

/// A span's text with code-point offsets (W3C TextPositionSelector counting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextPosition {
    /// The covered text.
    pub text: String,
    /// Offset of the first code point.
    pub start: usize,
    /// Offset one past the last code point.
    pub end: usize,
}

/// One quote as the `quotes` listing reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteRow {
    /// The words without their marks.
    pub text: String,
    /// Code-point offset of the first quoted character.
    pub start: usize,
    /// Code-point offset one past the last quoted character.
    pub end: usize,
    /// The speaker's display name.
    pub speaker: Option<String>,
    /// The attributing words.
    pub mention: Option<TextPosition>,
    /// The speech verb.
    pub cue: Option<String>,
    /// direct, partial or term.
    pub kind: QuoteKind,
    /// Whether the quote continues the previous one.
    pub continues: bool,
    /// True for a transcript turn.
    pub turn: bool,
    /// The section's title.
    pub section: Option<String>,
}

/// The quotes of a document in reading order, as listing rows.
pub fn quote_rows(doc: &Document) -> Vec<QuoteRow> {
    let idx = CharIndex::new(&doc.text);
    let pos = |s: Span| TextPosition {
        text: doc.slice(s).to_string(),
        start: idx.char_offset(&doc.text, s.start),
        end: idx.char_offset(&doc.text, s.end),
    };
    doc.quotes()
        .map(|(span, q)| {
            let p = pos(span);
            QuoteRow {
                text: p.text,
                start: p.start,
                end: p.end,
                speaker: q
                    .speaker
                    .and_then(|id| doc.speaker(id))
                    .map(|s| s.name.clone()),
                mention: q.mention.map(pos),
                cue: q.cue.map(|c| doc.slice(c).to_string()),
                kind: q.kind,
                continues: q.continues,
                turn: q.turn,
                section: doc
                    .section_at(span.start)
                    .and_then(|i| doc.sections[i].title.clone()),
            }
        })
        .collect()
}

/// The rows as one pretty JSON array (with a final newline).
pub fn quotes_json(rows: &[QuoteRow]) -> String {
    let mut s = serde_json::to_string_pretty(rows).expect("rows always serialise");
    s.push('\n');
    s
}

/// The annotated text as plain lines for a pipe: section titles, and each
/// quote's speaker before it. (STUB: prints the text; the CLI work fills it in.)
pub fn plain_text(doc: &Document) -> String {
    doc.text.clone()
}
