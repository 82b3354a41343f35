//! The annotator: turns plain text into an annotated [`Document`].
//!
//! It runs as a pipeline of stages, one module each, every stage reading the
//! normalised text and the results of the stages before it:
//!
//! 1. [`segment`]: blocks (title, header, headings, paragraphs, boilerplate) and sections;
//! 2. [`transcript`]: speaker labels that turn paragraphs into transcript turns;
//! 3. [`quotes`]: quotation-mark pairing inside prose paragraphs;
//! 4. [`attribution`]: who said each quote, and the speaker table;
//! 5. [`entities`]: people, places and organisations, linked to speakers;
//! 6. [`topics`]: topics of paragraphs and quotes from a lexicon.
//!
//! No statistical model is loaded: every stage is a linear scan guided by
//! lexicons embedded from `assets/`, so annotation is fast and deterministic.

pub mod attribution;
pub mod entities;
pub mod lexicon;
pub mod quotes;
pub mod segment;
pub mod topics;
pub mod transcript;

use crate::model::{Annotation, AnnotationBody, Document, normalise_text};

pub use topics::TopicLexicon;

/// Settings for one annotation run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The topic lexicon to use; `None` means the bundled one.
    pub topics: Option<TopicLexicon>,
}

/// Annotate raw text (any line endings, optional BOM) into a valid document.
pub fn annotate(raw: &str, opts: &Options) -> Document {
    let text = normalise_text(raw);
    let mut structure = segment::segment(&text);
    let turns = transcript::find_turns(&text, &mut structure);
    let raw_quotes = quotes::find_quotes(&text, &structure.blocks);
    let attributed = attribution::attribute(&text, &structure, &turns, &raw_quotes);
    let entities = entities::find_entities(&text, &structure, &attributed.speakers);
    let bundled;
    let lexicon = match &opts.topics {
        Some(l) => l,
        None => {
            bundled = TopicLexicon::bundled();
            &bundled
        }
    };
    let (topics, topic_tags) =
        topics::assign_topics(&text, &structure, &attributed.quotes, lexicon);

    let mut annotations: Vec<Annotation> =
        Vec::with_capacity(attributed.quotes.len() + entities.len() + topic_tags.len());
    annotations.extend(attributed.quotes.into_iter().map(|(span, q)| Annotation {
        span,
        body: AnnotationBody::Quote(q),
    }));
    annotations.extend(entities);
    annotations.extend(topic_tags);
    let mut doc = Document {
        meta: structure.meta,
        text,
        blocks: structure.blocks,
        sections: structure.sections,
        speakers: attributed.speakers,
        topics,
        annotations,
    };
    enforce_invariants(&mut doc);
    doc
}

/// Sort annotations and drop any quote that would break an invariant
/// (a defensive last step: the stages should never produce one).
fn enforce_invariants(doc: &mut Document) {
    let sections = std::mem::take(&mut doc.sections);
    let text_len = doc.text.len();
    let text = &doc.text;
    doc.annotations.retain(|a| {
        a.span.is_valid_in(text)
            && a.span.end <= text_len
            && match &a.body {
                AnnotationBody::Quote(_) => {
                    // Sections are in text order and do not overlap: look at the
                    // ones from the first that ends after the quote starts.
                    let i = sections.partition_point(|s| s.span.end <= a.span.start);
                    !sections[i..]
                        .iter()
                        .take_while(|s| s.span.start < a.span.end.max(a.span.start + 1))
                        .any(|s| s.span.overlaps(a.span) && !s.span.contains_span(a.span))
                }
                _ => true,
            }
    });
    doc.sections = sections;
    doc.sort_annotations();
    debug_assert!(doc.validate().is_ok(), "{:?}", doc.validate());
}
