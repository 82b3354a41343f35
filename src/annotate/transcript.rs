//! Transcripts: speaker labels at the start of a paragraph make turns.

use super::segment::Structure;
use crate::model::{Span, SpeakerKind};

/// A transcript turn found from a speaker label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Index of the block the turn opens.
    pub block: usize,
    /// The label as printed, without its colon ("MR. KIRBY", "Q").
    pub label: Span,
    /// The turn's words after the label (and after an interpreter note).
    pub content: Span,
    /// An interpreter note such as "(As interpreted.)" between label and words.
    pub note: Option<Span>,
    /// Who speaks, with label variants resolved to one canonical name.
    pub speaker: TurnSpeaker,
}

/// The speaker of a turn, canonicalised across label variants
/// (`Vladimir Putin` and `President of Russia Vladimir Putin` give one name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnSpeaker {
    /// Canonical display name ("Vladimir Putin", "Question", "John Kirby").
    pub name: String,
    /// Role or title from the label or header ("President of Russia").
    pub role: Option<String>,
    /// Other names seen for this speaker (label variants).
    pub aliases: Vec<String>,
    /// Person for named speakers, group for reporters' questions.
    pub kind: SpeakerKind,
}

/// Find speaker labels; retypes their blocks as [`crate::model::BlockKind::Turn`]
/// and sets the genre to transcript when the document is one.
pub fn find_turns(_text: &str, _structure: &mut Structure) -> Vec<Turn> {
    Vec::new() // STUB
}
