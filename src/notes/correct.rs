//! Corrections of the annotator's quotes, and [`apply`]: the annotator's
//! document with the corrections on top, the one the reader shows and the
//! export writes. The annotator's output itself is never changed.

use serde::{Deserialize, Serialize};

use crate::model::{
    Annotation, AnnotationBody, Document, Quote, QuoteKind, Span, Speaker, SpeakerId, SpeakerKind,
};

/// What a reader says the annotator got wrong about a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "kebab-case")]
pub enum Correction {
    /// The quote was said by someone else (a speaker of the document, or a new one).
    Speaker {
        /// The speaker's name.
        name: String,
        /// The speaker's role, for a new speaker.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
    },
    /// The words are not a quote at all: the quote is removed.
    NotAQuote,
    /// Quoted words that are not speech (a title, a term): kept as a term.
    NotSpeech,
    /// The quote is of another kind.
    Kind {
        /// The right kind.
        kind: QuoteKind,
    },
    /// Words the annotator missed are a quote by this speaker.
    Quote {
        /// The speaker's name.
        name: String,
        /// The speaker's role, for a new speaker.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
    },
}

impl Correction {
    /// The correction in a few words, for the panel and the status line.
    pub fn describe(&self) -> String {
        match self {
            Correction::Speaker { name, .. } => format!("speaker: {name}"),
            Correction::NotAQuote => "not a quote".into(),
            Correction::NotSpeech => "not speech".into(),
            Correction::Kind { kind } => format!("kind: {}", kind_name(*kind)),
            Correction::Quote { name, .. } => format!("a quote by {name}"),
        }
    }
}

/// A quote kind's name as written in the JSON.
pub fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Term => "term",
        QuoteKind::Reported => "reported",
    }
}

/// `doc` with `corrections` (each on the span it was found at) applied, in
/// order, and the spans of the quotes that a correction changed or added.
/// A correction whose quote is gone, or a new quote across a section
/// boundary, changes nothing.
pub fn apply<'a>(
    doc: &Document,
    corrections: impl IntoIterator<Item = (Span, &'a Correction)>,
) -> (Document, Vec<Span>) {
    let mut out = doc.clone();
    let mut changed = Vec::new();
    for (span, c) in corrections {
        let quote = out
            .annotations
            .iter()
            .position(|a| a.span == span && a.as_quote().is_some());
        match (c, quote) {
            (Correction::NotAQuote, Some(i)) => {
                out.annotations.remove(i);
                changed.push(span);
            }
            (Correction::NotSpeech, Some(i)) => {
                set_quote(&mut out, i, |q| {
                    q.kind = QuoteKind::Term;
                    q.speaker = None;
                });
                changed.push(span);
            }
            (Correction::Kind { kind }, Some(i)) => {
                set_quote(&mut out, i, |q| q.kind = *kind);
                changed.push(span);
            }
            (Correction::Speaker { name, role } | Correction::Quote { name, role }, Some(i)) => {
                let id = speaker_id(&mut out, name, role.as_deref());
                set_quote(&mut out, i, |q| q.speaker = Some(id));
                changed.push(span);
            }
            (Correction::Quote { name, role }, None) if fits(&out, span) => {
                let id = speaker_id(&mut out, name, role.as_deref());
                out.annotations.push(Annotation {
                    span,
                    body: AnnotationBody::Quote(Quote {
                        speaker: Some(id),
                        ..Quote::default()
                    }),
                });
                changed.push(span);
            }
            _ => {}
        }
    }
    out.sort_annotations();
    changed.sort();
    changed.dedup();
    (out, changed)
}

fn set_quote(doc: &mut Document, i: usize, f: impl FnOnce(&mut Quote)) {
    if let AnnotationBody::Quote(q) = &mut doc.annotations[i].body {
        f(q);
    }
}

/// Whether a new quote at `span` lies in the text and inside one section
/// (or the document has none).
fn fits(doc: &Document, span: Span) -> bool {
    if span.is_empty() || !span.is_valid_in(&doc.text) {
        return false;
    }
    doc.sections.is_empty()
        || doc
            .section_at(span.start)
            .is_some_and(|i| doc.sections[i].span.contains_span(span))
}

/// The speaker called `name` (by name or alias, ignoring case), added when
/// the document has none.
fn speaker_id(doc: &mut Document, name: &str, role: Option<&str>) -> SpeakerId {
    let same = |s: &str| s.trim().eq_ignore_ascii_case(name.trim());
    if let Some(s) = doc
        .speakers
        .iter()
        .find(|s| same(&s.name) || s.aliases.iter().any(|a| same(a)))
    {
        return s.id;
    }
    let id = SpeakerId(doc.speakers.len() as u32);
    doc.speakers.push(Speaker {
        id,
        name: name.trim().to_string(),
        role: role.map(str::to_string).filter(|r| !r.trim().is_empty()),
        aliases: Vec::new(),
        kind: SpeakerKind::Person,
    });
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    fn doc() -> Document {
        let text = "Ann said \u{201c}yes\u{201d}. Bob said \u{201c}no\u{201d}.".to_string();
        let q = |s: usize, e: usize, sp: u32| Annotation {
            span: Span::new(s, e),
            body: AnnotationBody::Quote(Quote {
                speaker: Some(SpeakerId(sp)),
                ..Quote::default()
            }),
        };
        let sp = |i: u32, n: &str| Speaker {
            id: SpeakerId(i),
            name: n.into(),
            role: None,
            aliases: vec![],
            kind: SpeakerKind::Person,
        };
        Document {
            sections: vec![Section {
                title: None,
                heading: None,
                span: Span::new(0, text.len()),
            }],
            speakers: vec![sp(0, "Ann"), sp(1, "Bob")],
            annotations: vec![q(12, 15, 0), q(32, 34, 1)],
            text,
            ..Document::default()
        }
    }

    #[test]
    fn each_correction_changes_what_it_says() {
        let d = doc();
        d.validate().unwrap();
        let bob = Correction::Speaker {
            name: "bob".into(),
            role: None,
        };
        let (out, changed) = apply(&d, [(Span::new(12, 15), &bob)]);
        assert_eq!(out.quotes().next().unwrap().1.speaker, Some(SpeakerId(1)));
        assert_eq!(changed, vec![Span::new(12, 15)]);
        assert_eq!(d.quotes().next().unwrap().1.speaker, Some(SpeakerId(0)));

        let (out, _) = apply(&d, [(Span::new(32, 34), &Correction::NotAQuote)]);
        assert_eq!(out.quotes().count(), 1);

        let (out, _) = apply(&d, [(Span::new(32, 34), &Correction::NotSpeech)]);
        let q = out.quotes().nth(1).unwrap().1;
        assert_eq!((q.kind, q.speaker), (QuoteKind::Term, None));

        let partial = Correction::Kind {
            kind: QuoteKind::Partial,
        };
        let (out, _) = apply(&d, [(Span::new(12, 15), &partial)]);
        assert_eq!(out.quotes().next().unwrap().1.kind, QuoteKind::Partial);
    }

    #[test]
    fn a_new_quote_by_a_new_speaker_is_added_and_valid() {
        let d = doc();
        let c = Correction::Quote {
            name: "Cy".into(),
            role: Some("envoy".into()),
        };
        let (out, changed) = apply(&d, [(Span::new(0, 3), &c)]);
        out.validate().unwrap();
        assert_eq!(out.quotes().count(), 3);
        assert_eq!(out.speakers[2].name, "Cy");
        assert_eq!(out.speakers[2].role.as_deref(), Some("envoy"));
        assert_eq!(changed, vec![Span::new(0, 3)]);
        // Outside the text: nothing.
        let (out, changed) = apply(&d, [(Span::new(0, 999), &c)]);
        assert_eq!((out.quotes().count(), changed.len()), (2, 0));
    }

    #[test]
    fn a_correction_whose_quote_is_gone_changes_nothing() {
        let d = doc();
        let (out, changed) = apply(&d, [(Span::new(1, 4), &Correction::NotAQuote)]);
        assert_eq!(out, d);
        assert!(changed.is_empty());
    }
}
