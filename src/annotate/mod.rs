//! The annotator: turns plain text into an annotated [`Document`].
//!
//! It runs as a pipeline of stages, one module each, every stage reading the
//! normalised text and the results of the stages before it:
//!
//! 1. [`segment`]: blocks (title, header, headings, paragraphs, boilerplate) and sections;
//! 2. [`transcript`]: speaker labels that turn paragraphs into transcript turns,
//!    then [`transcript::apply_structure_edit`], the one step that changes an
//!    earlier stage's output: labelled lines become turn blocks of the
//!    segment stage's structure, and a document with turns a transcript;
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
mod merge;
pub mod quotes;
pub mod segment;
pub mod topics;
pub mod transcript;

use crate::model::{Annotation, AnnotationBody, Document, QuoteKind, normalise_text};
use merge::{merge_valid, put_back, set_aside};

pub use topics::TopicLexicon;

/// Hash map for the annotator's word lookups: the keys are short words and
/// spans, where foldhash is several times faster than std's SipHash and its
/// per-process seed still spreads adversarial keys.
pub(crate) type FastMap<K, V> = foldhash::HashMap<K, V>;
/// Hash set counterpart of [`FastMap`].
pub(crate) type FastSet<K> = foldhash::HashSet<K>;

/// Whether `c` is a letter or digit ([`char::is_alphanumeric`]), answering
/// the common non-ASCII case, typographic punctuation (curly quotes, dashes,
/// the General Punctuation block), without the slow Unicode table search.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
    }
}

/// Whether `c` belongs to a word: a letter or digit, or a combining accent
/// (U+0300–U+036F) written after its letter.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    is_alnum(c) || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Whether `c` is a letter ([`char::is_alphabetic`]), with the same fast
/// paths as [`is_alnum`].
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphabetic()
    }
}

/// Settings for one annotation run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The topic lexicon to use; `None` means the bundled one.
    pub topics: Option<TopicLexicon>,
}

/// Annotate raw text (any line endings, optional BOM) into a valid document.
pub fn annotate(raw: &str, opts: &Options) -> Document {
    annotate_with_progress(raw, opts, &mut |_| {})
}

/// [`annotate`], telling `progress` how far it has got, in percent, after
/// each stage (rising, the last call 100): the reader shows it in its status
/// line while it annotates a large text in the background. The document is
/// the one [`annotate`] makes (it is the same code).
pub fn annotate_with_progress(raw: &str, opts: &Options, progress: &mut dyn FnMut(u8)) -> Document {
    annotate_normalised(normalise_text(raw), opts, progress)
}

/// [`annotate_with_progress`] on a text the caller owns: it becomes the
/// document's text without a copy when it needs no normalising (no BOM, no
/// `\r`), so that a large text is never held twice.
pub fn annotate_owned(raw: String, opts: &Options, progress: &mut dyn FnMut(u8)) -> Document {
    let text = if raw.starts_with('\u{feff}') || raw.contains('\r') {
        normalise_text(&raw)
    } else {
        raw
    };
    annotate_normalised(text, opts, progress)
}

/// The pipeline on a normalised text.
fn annotate_normalised(text: String, opts: &Options, progress: &mut dyn FnMut(u8)) -> Document {
    let mut structure = segment::segment(&text);
    progress(PROGRESS[0]);
    let transcript::FoundTurns { turns, edit } = transcript::find_turns(&text, &structure);
    // The only step that changes an earlier stage's output: the transcript
    // stage's turn blocks and genre go into the segment stage's structure.
    // Every later stage (and `turns`, whose block indices count the new
    // blocks) reads the structure as edited here.
    transcript::apply_structure_edit(&mut structure, edit);
    let raw_quotes = quotes::find_quotes(&text, &structure.blocks);
    progress(PROGRESS[1]);
    let mut attributed = attribution::attribute(&text, &structure, &turns, &raw_quotes);
    // Only attribution reads the turns and the raw quotes: let them go
    // before the later stages add theirs.
    drop((turns, raw_quotes));
    progress(PROGRESS[2]);
    // Entities link to the speakers of direct quotes and turns only: a
    // speaker known only from reported speech leaves the entity layer as is.
    let entities = entities::find_entities(
        &text,
        &structure,
        &attributed.speakers[..attributed.direct_speakers],
    );
    progress(PROGRESS[3]);
    let bundled;
    let lexicon = match &opts.topics {
        Some(l) => l,
        None => {
            bundled = TopicLexicon::bundled();
            &bundled
        }
    };
    // Reported speech lies inside paragraphs, which have their topics
    // already: it is set aside (not copied with the rest) while the topics
    // stage reads the quotes, and put back in its place after.
    let reported = set_aside(&mut attributed.quotes, |(_, q)| {
        q.kind == QuoteKind::Reported
    });
    let (topics, topic_tags) =
        topics::assign_topics(&text, &structure, &attributed.quotes, lexicon);
    put_back(&mut attributed.quotes, reported);

    let quotes: Vec<Annotation> = attributed
        .quotes
        .into_iter()
        .map(|(span, q)| Annotation {
            span,
            body: AnnotationBody::Quote(q),
        })
        .collect();
    progress(PROGRESS[4]);
    let annotations = merge_valid(&text, &structure.sections, [quotes, entities, topic_tags]);
    let doc = Document {
        meta: structure.meta,
        text,
        blocks: structure.blocks,
        sections: structure.sections,
        speakers: attributed.speakers,
        topics,
        annotations,
    };
    debug_assert!(doc.validate().is_ok(), "{:?}", doc.validate());
    progress(100);
    doc
}

/// The share of the work done after segmentation, quotes, attribution,
/// entities and topics, in percent (measured on a 100 MB mix of
/// transcripts and news with `perf`; only a guide for the progress figure).
const PROGRESS: [u8; 5] = [8, 20, 45, 62, 95];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_char_classes_agree_with_std() {
        let sample = ('\0'..='\u{3000}').chain(['\u{feff}', '\u{1f600}', '\u{10fffd}']);
        for c in sample {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
