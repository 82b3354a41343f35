//! Attribution: who said each quote, through cues, names, pronouns, roles and labels.

use super::quotes::RawQuote;
use super::segment::Structure;
use super::transcript::Turn;
use crate::model::{Quote, QuoteKind, Span, Speaker, SpeakerId, SpeakerKind};

/// The attributed quotes and the speaker table they refer to.
#[derive(Debug, Clone, Default)]
pub struct Attributed {
    /// Speakers, `speakers[i].id == SpeakerId(i)`.
    pub speakers: Vec<Speaker>,
    /// Quote annotations (span = quoted words without marks) in text order.
    pub quotes: Vec<(Span, Quote)>,
}

impl Attributed {
    /// The id of the speaker called `name` (case-insensitive, by name or alias),
    /// creating it when new; role, aliases and kind fill in what is missing.
    pub fn intern(
        &mut self,
        name: &str,
        role: Option<&str>,
        aliases: &[String],
        kind: SpeakerKind,
    ) -> SpeakerId {
        let found = self.speakers.iter().position(|s| {
            s.name.eq_ignore_ascii_case(name)
                || s.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        });
        let i = match found {
            Some(i) => i,
            None => {
                self.speakers.push(Speaker {
                    id: SpeakerId(self.speakers.len() as u32),
                    name: name.to_string(),
                    role: None,
                    aliases: Vec::new(),
                    kind,
                });
                self.speakers.len() - 1
            }
        };
        let s = &mut self.speakers[i];
        if s.role.is_none() {
            s.role = role.map(str::to_string);
        }
        if s.kind == SpeakerKind::Unknown {
            s.kind = kind;
        }
        for a in aliases {
            if !a.eq_ignore_ascii_case(&s.name)
                && !s.aliases.iter().any(|x| x.eq_ignore_ascii_case(a))
            {
                s.aliases.push(a.clone());
            }
        }
        s.id
    }
}

/// Attribute quotes and turns to speakers.
pub fn attribute(
    _text: &str,
    _structure: &Structure,
    turns: &[Turn],
    _quotes: &[RawQuote],
) -> Attributed {
    let mut out = Attributed::default();
    for t in turns {
        let id = out.intern(
            &t.speaker.name,
            t.speaker.role.as_deref(),
            &t.speaker.aliases,
            t.speaker.kind,
        );
        out.quotes.push((
            t.content,
            Quote {
                kind: QuoteKind::Direct,
                speaker: Some(id),
                mention: Some(t.label),
                cue: None,
                continues: false,
                turn: true,
            },
        ));
    }
    // STUB: quotes from marks are attributed here.
    out.quotes.sort_by_key(|(s, _)| s.start);
    out
}
