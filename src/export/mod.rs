//! Export: an annotated document (and the user's own notes) as files other
//! tools read. It exists so that what the annotator found, and what a reader
//! added, can leave the program: W3C Web Annotation JSON-LD for annotation
//! tools, brat standoff in PolNeAR's form for annotation projects and
//! `attache eval`, a Markdown or standalone HTML report for people, and CSV
//! for spreadsheets.
//!
//! Every exporter is pure: a [`Document`] and a list of [`UserAnnotation`]s
//! in, text out. Writing the files (atomically) is the command's job
//! (`cli::commands::export`). Offsets written out are Unicode code points,
//! as W3C selectors and brat count them; the model's spans are bytes.
//!
//! Quote kinds are written by their serde names ([`kind_name`]), so a new
//! [`QuoteKind`] variant is exported without a change here.

pub mod brat;
pub mod csv;
#[cfg(test)]
mod reference;
pub mod report;
pub mod w3c;

use crate::model::{AnnotationBody, CharIndex, Document, QuoteKind, Span};

/// What a user annotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UserKind {
    /// A remark on a passage.
    Note,
    /// A passage marked without a remark (the text may be empty).
    Highlight,
    /// A correction of the annotator (the text says what is right).
    Correction,
}

impl UserKind {
    /// The lowercase name written in every format (`note`, `highlight`, `correction`).
    pub fn name(self) -> &'static str {
        match self {
            UserKind::Note => "note",
            UserKind::Highlight => "highlight",
            UserKind::Correction => "correction",
        }
    }
}

/// A note, highlight or correction a user made on a document: what the
/// exporters take beside the [`Document`]. The reader's sidecar is turned
/// into these; the document's own note layer is added by [`user_annotations`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserAnnotation {
    /// A stable identifier, unique within the document (`n1`, a UUID …).
    pub id: String,
    /// The annotated text, in bytes of [`Document::text`] (on char boundaries).
    pub span: Span,
    /// Note, highlight or correction.
    pub kind: UserKind,
    /// What the user wrote (may be empty for a highlight).
    pub text: String,
}

/// The formats `attache export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// brat standoff (`.txt`, `.ann`, `annotation.conf`) in PolNeAR's form.
    Brat,
    /// A Markdown report.
    Markdown,
    /// A standalone HTML report.
    Html,
    /// CSV: quotes and notes, one row each.
    Csv,
}

/// The serde name of a quote kind (`direct`, `partial`, `term`, …).
pub fn kind_name(kind: QuoteKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Whether a kind of quote is an attribution (a statement by someone) rather
/// than a scare-quoted term, title or slogan.
pub fn is_attribution(kind: QuoteKind) -> bool {
    kind_name(kind) != "term"
}

/// The user's annotations plus the notes stored in the document itself
/// (its note layer), the document's first, with ids `doc-note-N`.
pub fn user_annotations(doc: &Document, user: &[UserAnnotation]) -> Vec<UserAnnotation> {
    let mut out: Vec<UserAnnotation> = doc
        .annotations
        .iter()
        .filter_map(|a| match &a.body {
            AnnotationBody::Note(n) => Some((a.span, n.text.clone())),
            _ => None,
        })
        .enumerate()
        .map(|(i, (span, text))| UserAnnotation {
            id: format!("doc-note-{}", i + 1),
            span,
            kind: UserKind::Note,
            text,
        })
        .collect();
    out.extend(user.iter().cloned());
    out
}

/// Byte spans of a document as code points, with the surrounding context.
pub struct Positions<'a> {
    text: &'a str,
    index: CharIndex,
}

/// How many code points of context a quote selector carries on each side.
pub const CONTEXT_CHARS: usize = 32;

impl<'a> Positions<'a> {
    /// Index `text` (the document's) for code-point lookups.
    pub fn new(text: &'a str) -> Self {
        Positions {
            text,
            index: CharIndex::new(text),
        }
    }

    /// The code-point offset of a byte offset.
    pub fn char_offset(&self, byte: usize) -> usize {
        self.index.char_offset(self.text, byte)
    }

    /// A span as `(start, end)` in code points.
    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }

    /// Up to [`CONTEXT_CHARS`] code points before and after `span`.
    pub fn context(&self, span: Span) -> (String, String) {
        let before = &self.text[..span.start.min(self.text.len())];
        let after = &self.text[span.end.min(self.text.len())..];
        // The last code points, found from the end (not by counting from
        // the start of the text for every span).
        let from = before
            .char_indices()
            .rev()
            .take(CONTEXT_CHARS)
            .last()
            .map_or(before.len(), |(i, _)| i);
        let prefix = before[from..].to_string();
        let suffix: String = after.chars().take(CONTEXT_CHARS).collect();
        (prefix, suffix)
    }
}

/// The speaker's name and role for a quote, when known.
pub fn speaker_of(
    doc: &Document,
    id: Option<crate::model::SpeakerId>,
) -> Option<(&str, Option<&str>)> {
    let s = doc.speaker(id?)?;
    Some((s.name.as_str(), s.role.as_deref()))
}

/// The topics (display names) whose tagged span contains `span`, deduplicated,
/// in document order. For many spans, make a [`TopicIndex`] once.
pub fn topics_of(doc: &Document, span: Span) -> Vec<&str> {
    TopicIndex::new(doc).of(span)
}

/// Finds the topics of spans without walking the annotations from the start
/// for each (which made an export of a large text quadratic): a topic tag
/// that contains a span starts at most the longest tag's length before it.
pub struct TopicIndex<'a> {
    doc: &'a Document,
    longest: usize,
}

impl<'a> TopicIndex<'a> {
    /// Index `doc`'s topic tags.
    pub fn new(doc: &'a Document) -> Self {
        let longest = doc
            .annotations
            .iter()
            .filter(|a| matches!(a.body, AnnotationBody::Topic(_)))
            .map(|a| a.span.len())
            .max()
            .unwrap_or(0);
        TopicIndex { doc, longest }
    }

    /// [`topics_of`] `span`.
    pub fn of(&self, span: Span) -> Vec<&'a str> {
        let doc = self.doc;
        let anns = &doc.annotations;
        // Annotations are sorted by start: those from `lo` on may reach the
        // span's end, those before `hi` start at or before its start.
        let lo = anns.partition_point(|a| a.span.start.saturating_add(self.longest) < span.end);
        let hi = anns.partition_point(|a| a.span.start <= span.start);
        let mut out: Vec<&str> = Vec::new();
        for a in anns.get(lo..hi).unwrap_or_default() {
            if let AnnotationBody::Topic(t) = &a.body
                && a.span.end >= span.end
                && let Some(topic) = doc.topic(t.topic)
                && !out.contains(&topic.name.as_str())
            {
                out.push(&topic.name);
            }
        }
        out
    }
}

/// The title of the section that contains byte `pos`.
pub fn section_of(doc: &Document, pos: usize) -> Option<&str> {
    doc.section_at(pos)
        .and_then(|i| doc.sections[i].title.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_named_by_serde() {
        assert_eq!(kind_name(QuoteKind::Direct), "direct");
        assert_eq!(kind_name(QuoteKind::Partial), "partial");
        assert!(!is_attribution(QuoteKind::Term));
        assert!(is_attribution(QuoteKind::Partial));
    }

    #[test]
    fn positions_count_code_points() {
        let t = "é “ab” cd";
        let p = Positions::new(t);
        let start = t.find("ab").unwrap();
        assert_eq!(p.chars(Span::new(start, start + 2)), (3, 5));
        let (pre, suf) = p.context(Span::new(start, start + 2));
        assert_eq!((pre.as_str(), suf.as_str()), ("é “", "” cd"));
    }
}

/// A small document of the project's own words for the exporters' tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::{UserAnnotation, UserKind};
    use crate::model::{Document, Span};

    /// Accented names, a quote continued after its cue, a partial quote, a
    /// term and a topic word, so that code points and kinds are exercised.
    pub const TEXT: &str = "Harbour talks resume in Pécs\n\n\
        “We are ready to sign the accord on sanctions,” Minister Lena Várkonyi said on Tuesday. \
        “The ports will open soon.”\n\n\
        The envoy, Tomás Brandt, said the deal was “a fair compromise” for both sides.\n\n\
        “Nothing is settled yet,” Brandt told reporters.\n\n\
        The so-called “green lane” stays closed for now.\n";

    pub fn fixture() -> Document {
        crate::annotate::annotate(TEXT, &crate::annotate::Options::default())
    }

    /// A note on "Tuesday" and a highlight on "both sides".
    pub fn fixture_notes(doc: &Document) -> Vec<UserAnnotation> {
        let at = |s: &str| {
            let i = doc.text.find(s).expect("fixture word");
            Span::new(i, i + s.len())
        };
        vec![
            UserAnnotation {
                id: "n1".into(),
                span: at("Tuesday"),
                kind: UserKind::Note,
                text: "Check the date.".into(),
            },
            UserAnnotation {
                id: "h1".into(),
                span: at("both sides"),
                kind: UserKind::Highlight,
                text: String::new(),
            },
        ]
    }
}
