//! The document model: text, structure, speakers and standoff annotations.
//!
//! This layer knows nothing of terminals or file formats. It holds the text
//! exactly as it came (only the BOM dropped and line endings normalised) and
//! every annotation as a [`Span`] into it, so the text is never rewritten and
//! any view or format can be derived from it. [`Document::validate`] checks the
//! invariants wherever documents enter the program.

mod document;
pub mod quote_marks;
mod span;
pub mod text;
mod validate;

pub use document::*;
pub use span::{CharIndex, Span};
pub use validate::InvariantError;

/// Normalise raw input text: drop a leading BOM and turn CRLF and lone CR into LF.
/// Nothing else is changed.
pub fn normalise_text(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    if !raw.contains('\r') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

impl Document {
    /// All quote annotations in reading order, with their spans.
    pub fn quotes(&self) -> impl Iterator<Item = (Span, &Quote)> + '_ {
        self.annotations
            .iter()
            .filter_map(|a| a.as_quote().map(|q| (a.span, q)))
    }

    /// For each quote of [`Document::quotes`], whether it is a partial
    /// quote that lies inside a reported clause with the same speaker or
    /// the same attributing words (`X said the plan was “a disaster”`): one
    /// attribution with that clause, whose content is the whole clause
    /// (PolNeAR's convention), so that scoring and attribution exports count
    /// the clause alone while the reader still shows the quoted words.
    pub fn partials_in_reported(&self) -> Vec<bool> {
        // Quotes come in reading order, longer first at one start: a clause
        // holding a partial quote starts before it and is still open.
        let mut open: Vec<(Span, &Quote)> = Vec::new();
        self.quotes()
            .map(|(span, q)| {
                if q.kind == QuoteKind::Reported {
                    open.retain(|(r, _)| r.end > span.start);
                    open.push((span, q));
                    return false;
                }
                q.kind == QuoteKind::Partial
                    && open.iter().any(|(r, rq)| {
                        r.start <= span.start
                            && span.end <= r.end
                            && (rq.speaker == q.speaker
                                || rq
                                    .mention
                                    .zip(q.mention)
                                    .is_some_and(|(a, b)| a.start == b.start))
                    })
            })
            .collect()
    }

    /// The speaker with this id, if it exists.
    pub fn speaker(&self, id: SpeakerId) -> Option<&Speaker> {
        self.speakers.get(id.index())
    }

    /// The topic with this id, if it exists.
    pub fn topic(&self, id: TopicId) -> Option<&Topic> {
        self.topics.get(id.index())
    }

    /// The index of the section containing byte offset `pos`.
    pub fn section_at(&self, pos: usize) -> Option<usize> {
        let i = self.sections.partition_point(|s| s.span.end <= pos);
        (i < self.sections.len() && self.sections[i].span.contains(pos)).then_some(i)
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Sort annotations into their canonical order.
    pub fn sort_annotations(&mut self) {
        self.annotations.sort_by_key(|a| a.order_key());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_drops_bom_and_crlf() {
        assert_eq!(normalise_text("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(normalise_text("plain"), "plain");
    }

    fn doc() -> Document {
        let text = "Heading\n\n\u{201c}Hi,\u{201d} he said.".to_string();
        Document {
            sections: vec![Section {
                title: Some("Heading".into()),
                heading: Some(Span::new(0, 7)),
                span: Span::new(0, text.len()),
            }],
            speakers: vec![Speaker {
                id: SpeakerId(0),
                name: "X".into(),
                role: None,
                aliases: vec![],
                kind: SpeakerKind::Person,
            }],
            annotations: vec![Annotation {
                span: Span::new(12, 15),
                body: AnnotationBody::Quote(Quote {
                    speaker: Some(SpeakerId(0)),
                    ..Quote::default()
                }),
            }],
            text,
            ..Document::default()
        }
    }

    #[test]
    fn valid_document_passes() {
        doc().validate().unwrap();
    }

    #[test]
    fn unknown_speaker_is_named() {
        let mut d = doc();
        d.speakers.clear();
        let e = d.validate().unwrap_err();
        assert!(e.item.starts_with("annotations[0]"), "{e}");
        assert!(e.reason.contains("unknown speaker"), "{e}");
    }

    #[test]
    fn non_boundary_span_is_rejected() {
        let mut d = doc();
        d.annotations[0].span = Span::new(10, 12); // inside the curly mark
        assert!(
            d.validate()
                .unwrap_err()
                .reason
                .contains("character boundary")
        );
    }

    #[test]
    fn quote_crossing_section_is_rejected() {
        let mut d = doc();
        d.sections[0].span.end = 13;
        assert!(d.validate().unwrap_err().reason.contains("section"));
    }

    #[test]
    fn section_lookup() {
        let d = doc();
        assert_eq!(d.section_at(3), Some(0));
        assert_eq!(d.section_at(999), None);
    }
}
