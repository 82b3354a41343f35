//! Invariants every document keeps, checked wherever data enters.

use std::fmt;

use super::{AnnotationBody, Document, Span};

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

fn check_span(text: &str, span: Span, item: &str) -> Result<(), InvariantError> {
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
                item,
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
    pub fn validate(&self) -> Result<(), InvariantError> {
        let text = &self.text;
        let mut prev_end = 0;
        for (i, b) in self.blocks.iter().enumerate() {
            let item = format!("blocks[{i}]");
            check_span(text, b.span, &item)?;
            if b.span.start < prev_end {
                return Err(err(item, "overlaps or precedes the block before it"));
            }
            prev_end = b.span.end;
        }
        let mut prev_end = 0;
        for (i, s) in self.sections.iter().enumerate() {
            let item = format!("sections[{i}]");
            check_span(text, s.span, &item)?;
            if let Some(h) = s.heading {
                check_span(text, h, &item)?;
                if !s.span.contains_span(h) {
                    return Err(err(item, "heading lies outside its section"));
                }
            }
            if s.span.start < prev_end {
                return Err(err(item, "overlaps or precedes the section before it"));
            }
            prev_end = s.span.end;
        }
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
            let item = format!("annotations[{i}] ({})", layer_name(&a.body));
            check_span(text, a.span, &item)?;
            let key = a.order_key();
            if prev.is_some_and(|p| p > key) {
                return Err(err(
                    item,
                    "is out of order (annotations are sorted by start)",
                ));
            }
            prev = Some(key);
            match &a.body {
                AnnotationBody::Quote(q) => {
                    if let Some(sp) = q.speaker {
                        self.check_speaker(sp.index(), &item)?;
                    }
                    for (what, s) in [("mention", q.mention), ("cue", q.cue)] {
                        if let Some(s) = s {
                            check_span(text, s, &format!("{item} {what}"))?;
                        }
                    }
                    if self
                        .sections
                        .iter()
                        .any(|s| s.span.overlaps(a.span) && !s.span.contains_span(a.span))
                    {
                        return Err(err(item, "crosses a section boundary"));
                    }
                }
                AnnotationBody::Entity(e) => {
                    if let Some(sp) = e.speaker {
                        self.check_speaker(sp.index(), &item)?;
                    }
                }
                AnnotationBody::Topic(t) => {
                    if t.topic.index() >= self.topics.len() {
                        return Err(err(item, format!("names unknown topic id {}", t.topic.0)));
                    }
                }
                AnnotationBody::Note(_) => {}
            }
        }
        Ok(())
    }

    fn check_speaker(&self, index: usize, item: &str) -> Result<(), InvariantError> {
        if index >= self.speakers.len() {
            return Err(err(
                item,
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
