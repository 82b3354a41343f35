//! Quotation marks: pairing them into quotes inside prose paragraphs.

use crate::model::{Block, QuoteKind, Span};

/// A quotation found from its marks, before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// The quoted words without the outer marks.
    pub inner: Span,
    /// The quote including its marks.
    pub outer: Span,
    /// Direct, partial or term, as far as marks and context tell.
    pub kind: QuoteKind,
    /// Continues a quote from the previous paragraph (opened there, not closed).
    pub continues: bool,
}

/// Find quotations in the prose blocks (not in turns, headings or boilerplate).
pub fn find_quotes(_text: &str, _blocks: &[Block]) -> Vec<RawQuote> {
    Vec::new() // STUB
}
