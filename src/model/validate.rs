//! Invariants every document keeps, checked wherever data enters.

use std::fmt;

use super::{Annotation, AnnotationBody, Document, Span};

/// A broken invariant: which item and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvariantError {
    /// The item, as a path such as `annotations[12] (quote)`.
    pub item: String,
    /// Why it is wrong.
    pub reason: String,
}

impl fmt::Display for InvariantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.item, self.reason)
    }
}

impl std::error::Error for InvariantError {}

fn err(item: impl Into<String>, reason: impl Into<String>) -> InvariantError {
    InvariantError {
        item: item.into(),
        reason: reason.into(),
    }
}

/// Check that `span` lies inside `text` on char boundaries; `item` names the
/// annotation in the error and is only called when there is one.
fn check_span(text: &str, span: Span, item: impl Fn() -> String) -> Result<(), InvariantError> {
    if span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
    {
        return Ok(());
    }
    let item = item();
    if span.start > span.end {
        return Err(err(
            item,
            format!("span {}..{} starts after it ends", span.start, span.end),
        ));
    }
    if span.end > text.len() {
        return Err(err(
            item,
            format!(
                "span {}..{} lies outside the text ({} bytes)",
                span.start,
                span.end,
                text.len()
            ),
        ));
    }
    for (name, at) in [("start", span.start), ("end", span.end)] {
        if !text.is_char_boundary(at) {
            return Err(err(
                item.clone(),
                format!("span {name} {at} is not on a character boundary"),
            ));
        }
    }
    Ok(())
}

impl Document {
    /// Check every invariant: spans inside the text and on char boundaries,
    /// blocks and sections ordered and disjoint, ids in range, annotations
    /// ordered, and no quote crossing a section boundary.
    ///
    /// Linear in the size of the document (plus a binary search per quote):
    /// the lists are sorted, so each is walked once, and an item's name is
    /// only formatted when it is wrong.
    pub fn validate(&self) -> Result<(), InvariantError> {
        let text = &self.text;
        let mut prev_end = 0;
        for (i, b) in self.blocks.iter().enumerate() {
            let item = || format!("blocks[{i}]");
            check_span(text, b.span, item)?;
            if b.span.start < prev_end {
                return Err(err(item(), "overlaps or precedes the block before it"));
            }
            prev_end = b.span.end;
        }
        self.validate_sections()?;
        for (i, s) in self.speakers.iter().enumerate() {
            if s.id.index() != i {
                return Err(err(
                    format!("speakers[{i}]"),
                    format!("has id {} but stands at position {i}", s.id.0),
                ));
            }
        }
        for (i, t) in self.topics.iter().enumerate() {
            if t.id.index() != i {
                return Err(err(
                    format!("topics[{i}]"),
                    format!("has id {} but stands at position {i}", t.id.0),
                ));
            }
        }
        let mut prev = None;
        for (i, a) in self.annotations.iter().enumerate() {
            let item = || format!("annotations[{i}] ({})", layer_name(&a.body));
            check_span(text, a.span, item)?;
            let key = a.order_key();
            if prev.is_some_and(|p| p > key) {
                return Err(err(
                    item(),
                    "is out of order (annotations are sorted by start)",
                ));
            }
            prev = Some(key);
            self.validate_body(a, item)?;
        }
        Ok(())
    }

    /// Sections: inside the text, ordered and disjoint, headings inside them.
    fn validate_sections(&self) -> Result<(), InvariantError> {
        let mut prev_end = 0;
        for (i, s) in self.sections.iter().enumerate() {
            let item = || format!("sections[{i}]");
            check_span(&self.text, s.span, item)?;
            if let Some(h) = s.heading {
                check_span(&self.text, h, item)?;
                if !s.span.contains_span(h) {
                    return Err(err(item(), "heading lies outside its section"));
                }
            }
            if s.span.start < prev_end {
                return Err(err(item(), "overlaps or precedes the section before it"));
            }
            prev_end = s.span.end;
        }
        Ok(())
    }

    /// What a layer's annotation refers to exists; a quote stays in its section.
    fn validate_body(
        &self,
        a: &Annotation,
        item: impl Fn() -> String,
    ) -> Result<(), InvariantError> {
        match &a.body {
            AnnotationBody::Quote(q) => {
                if let Some(sp) = q.speaker {
                    self.check_speaker(sp.index(), &item)?;
                }
                for (what, s) in [("mention", q.mention), ("cue", q.cue)] {
                    if let Some(s) = s {
                        check_span(&self.text, s, || format!("{} {what}", item()))?;
                    }
                }
                if self.crosses_section(a.span) {
                    return Err(err(item(), "crosses a section boundary"));
                }
            }
            AnnotationBody::Entity(e) => {
                if let Some(sp) = e.speaker {
                    self.check_speaker(sp.index(), &item)?;
                }
            }
            AnnotationBody::Topic(t) => {
                if t.topic.index() >= self.topics.len() {
                    return Err(err(item(), format!("names unknown topic id {}", t.topic.0)));
                }
            }
            AnnotationBody::Note(_) => {}
        }
        Ok(())
    }

    /// True when some section overlaps `span` without containing it.
    ///
    /// Sections are sorted and disjoint (checked first), so their ends are
    /// sorted too: the sections overlapping `span` are one run, found by two
    /// binary searches, and usually one long.
    fn crosses_section(&self, span: Span) -> bool {
        let secs = &self.sections;
        let hi = secs.partition_point(|s| s.span.start < span.end);
        let lo = secs[..hi].partition_point(|s| s.span.end <= span.start);
        secs[lo..hi]
            .iter()
            .any(|s| s.span.overlaps(span) && !s.span.contains_span(span))
    }

    fn check_speaker(&self, index: usize, item: impl Fn() -> String) -> Result<(), InvariantError> {
        if index >= self.speakers.len() {
            return Err(err(
                item(),
                format!(
                    "names unknown speaker id {index} (the document has {} speakers)",
                    self.speakers.len()
                ),
            ));
        }
        Ok(())
    }
}

fn layer_name(body: &AnnotationBody) -> &'static str {
    match body {
        AnnotationBody::Quote(_) => "quote",
        AnnotationBody::Entity(_) => "entity",
        AnnotationBody::Topic(_) => "topic",
        AnnotationBody::Note(_) => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quote, Section};
    use proptest::prelude::*;

    fn doc_with_sections(cuts: &[(usize, usize)]) -> Document {
        Document {
            text: "x".repeat(200),
            sections: cuts
                .iter()
                .map(|&(s, e)| Section {
                    title: None,
                    heading: None,
                    span: Span::new(s, e),
                })
                .collect(),
            ..Document::default()
        }
    }

    proptest! {
        /// The binary search finds a crossing exactly when a scan of every
        /// section would.
        #[test]
        fn crossing_agrees_with_a_full_scan(
            mut points in proptest::collection::vec(0usize..200, 0..12),
            a in 0usize..200,
            len in 0usize..60,
        ) {
            points.sort_unstable();
            let cuts: Vec<(usize, usize)> =
                points.chunks(2).filter(|c| c.len() == 2).map(|c| (c[0], c[1])).collect();
            let doc = doc_with_sections(&cuts);
            let span = Span::new(a, (a + len).min(200));
            let naive = doc
                .sections
                .iter()
                .any(|s| s.span.overlaps(span) && !s.span.contains_span(span));
            prop_assert_eq!(doc.crosses_section(span), naive);
        }
    }

    #[test]
    fn a_quote_across_sections_is_refused_and_named() {
        let mut doc = doc_with_sections(&[(0, 50), (50, 120)]);
        doc.annotations.push(Annotation {
            span: Span::new(40, 60),
            body: AnnotationBody::Quote(Quote::default()),
        });
        let e = doc.validate().unwrap_err();
        assert_eq!(e.item, "annotations[0] (quote)");
        assert_eq!(e.reason, "crosses a section boundary");
        doc.annotations[0].span = Span::new(50, 60);
        assert_eq!(doc.validate(), Ok(()));
    }
}
