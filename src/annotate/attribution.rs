//! Attribution: who said each quote, through cues, names, pronouns, roles and labels.

use super::quotes::RawQuote;
use super::segment::Structure;
use super::transcript::Turn;
use crate::model::{Quote, Span, Speaker};

/// The attributed quotes and the speaker table they refer to.
#[derive(Debug, Clone, Default)]
pub struct Attributed {
    /// Speakers, `speakers[i].id == SpeakerId(i)`.
    pub speakers: Vec<Speaker>,
    /// Quote annotations (span = quoted words without marks) in text order.
    pub quotes: Vec<(Span, Quote)>,
}

/// Attribute quotes and turns to speakers.
pub fn attribute(
    _text: &str,
    _structure: &Structure,
    _turns: &[Turn],
    _quotes: &[RawQuote],
) -> Attributed {
    Attributed::default() // STUB
}
