//! Transcripts: speaker labels at the start of a paragraph make turns.

use super::segment::Structure;
use crate::model::Span;

/// A transcript turn found from a speaker label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Index of the block the turn opens.
    pub block: usize,
    /// The label as printed, without its colon ("MR. KIRBY", "Q").
    pub label: Span,
    /// The turn's words after the label (and after an interpreter note).
    pub content: Span,
}

/// Find speaker labels; retypes their blocks as [`crate::model::BlockKind::Turn`]
/// and sets the genre to transcript when the document is one.
pub fn find_turns(_text: &str, _structure: &mut Structure) -> Vec<Turn> {
    Vec::new() // STUB
}
