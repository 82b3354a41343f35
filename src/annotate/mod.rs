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

use crate::model::{Annotation, AnnotationBody, Document, normalise_text};
use merge::merge_valid;

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

/// ASCII letters and digits, one table entry a byte: the scans that read
/// every byte of a word test it with one load (a `while` over this table
/// costs a third of `position` with `is_ascii_alphanumeric` on short words).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits in `b` from `i`.
#[inline]
pub(crate) fn ascii_alnum_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && ASCII_ALNUM[usize::from(b[i])] {
        i += 1;
    }
    i
}

/// The end of the run of ASCII bytes that are no letter or digit (spaces,
/// punctuation) in `b` from `i`: where a word or a non-ASCII char starts.
#[inline]
pub(crate) fn ascii_gap_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i] < 0x80 && !ASCII_ALNUM[usize::from(b[i])] {
        i += 1;
    }
    i
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
    /// Annotate on this thread only, even a large text on a machine with
    /// several cores (the bench compares; the document is the same).
    pub one_thread: bool,
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

/// Texts of at least this many bytes are annotated on several threads when
/// the machine has more than one core: below it, starting threads costs
/// more than it saves.
const PARALLEL_MIN: usize = 256 << 10;

/// Texts above this many bytes are annotated on one thread, and their
/// annotations merged in place: the stages that run side by side hold their
/// working data at once, and a merge with scratch room holds half the
/// annotations twice, which would take a very large text past the memory
/// bound (four times the input and 30 MB).
const PARALLEL_MAX: usize = 32 << 20;

/// The pipeline on a normalised text, on several threads for a large text
/// (between [`PARALLEL_MIN`] and [`PARALLEL_MAX`]).
fn annotate_normalised(text: String, opts: &Options, progress: &mut dyn FnMut(u8)) -> Document {
    let two = !opts.one_thread
        && (PARALLEL_MIN..=PARALLEL_MAX).contains(&text.len())
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    pipeline(text, opts, progress, two)
}

/// The pipeline on a normalised text; with `two` (threads or more), the
/// stages that do not need each other's results run on threads of their own.
///
/// The work splits where the data allows it, not inside a stage: the topic
/// phrases are found in the whole text (from the start, beside the
/// segmentation); the blocks are scanned for entity names beside the quotes
/// stage; the blocks are cut into words on a thread of their own for the two
/// attribution scans, reported speech on another thread and the direct
/// quotes on this one ([`attribution::attribute_both`]); the entity names
/// are classified against the direct speakers beside the topics stage and
/// the joining of reported speech. Every stage runs the same code on the
/// same input either way, so the document is the same, byte for byte (the
/// tests compare).
fn pipeline(text: String, opts: &Options, progress: &mut dyn FnMut(u8), two: bool) -> Document {
    let bundled;
    let lexicon = match &opts.topics {
        Some(l) => l,
        None => {
            bundled = TopicLexicon::bundled();
            &bundled
        }
    };
    let structured = |progress: &mut dyn FnMut(u8)| {
        let mut structure = segment::segment(&text);
        progress(PROGRESS[0]);
        let transcript::FoundTurns { turns, edit } = transcript::find_turns(&text, &structure);
        // The only step that changes an earlier stage's output: the transcript
        // stage's turn blocks and genre go into the segment stage's structure.
        // Every later stage (and `turns`, whose block indices count the new
        // blocks) reads the structure as edited here.
        transcript::apply_structure_edit(&mut structure, edit);
        (structure, turns)
    };
    let quoted = |structure: &segment::Structure, progress: &mut dyn FnMut(u8)| {
        let quotes = quotes::find_quotes(&text, &structure.blocks);
        progress(PROGRESS[1]);
        quotes
    };
    let attributed = |structure: &segment::Structure,
                      turns: &[transcript::Turn],
                      quotes: &[quotes::RawQuote],
                      progress: &mut dyn FnMut(u8)| {
        let a = attribution::attribute_both(&text, structure, turns, quotes, two);
        progress(PROGRESS[2]);
        a
    };
    let (found, mut attributed, scanned, hits, reported) = if two {
        std::thread::scope(|outer| {
            let hits = outer.spawn(|| topics::find_hits(&text, lexicon));
            let (structure, turns) = structured(progress);
            // More threads than cores from here on, whatever the cores: the
            // system shares them out, so no split has to guess the stages'
            // costs. The entity scan starts as soon as the blocks are final,
            // beside the quotes stage.
            let (quotes, (attributed, reported), scanned) = std::thread::scope(|inner| {
                let scanned = inner.spawn(|| entities::scan(&text, &structure));
                let quotes = quoted(&structure, progress);
                // The attribution scans run on threads of their own.
                let attributed = attributed(&structure, &turns, &quotes, progress);
                (quotes, attributed, joined(scanned))
            });
            let found = (structure, turns, quotes);
            (found, attributed, Some(scanned), joined(hits), reported)
        })
    } else {
        let (structure, turns) = structured(progress);
        let quotes = quoted(&structure, progress);
        let (attributed, reported) = attributed(&structure, &turns, &quotes, progress);
        let found = (structure, turns, quotes);
        let hits = topics::find_hits(&text, lexicon);
        (found, attributed, None, hits, reported)
    };
    // Only attribution reads the turns and the raw quotes: let them go
    // before the later stages add theirs.
    let (structure, turns, raw_quotes) = found;
    drop((turns, raw_quotes));
    // The topics stage reads the quotes before reported speech joins them
    // (reported statements lie inside paragraphs, which have their topics
    // already), and entities link to the speakers of direct quotes and turns
    // only (a speaker known only from reported speech leaves the entity
    // layer as is).
    let ((topics, topic_tags), entities) = match scanned {
        // On two threads, the entity names are found beside the topics stage
        // and the joining of reported speech, against a copy of the direct
        // speakers (reported speech adds to the table meanwhile).
        Some(scanned) => std::thread::scope(|s| {
            let direct = attributed.speakers.clone();
            let (words, blocks) = (text.as_str(), &structure);
            let entities = s.spawn(move || scanned.find_entities(words, blocks, &direct));
            let topics = hits.assign(&text, &structure, &attributed.quotes, lexicon);
            reported.join(&mut attributed);
            (topics, joined(entities))
        }),
        // On one thread, after it: the topics stage is the peak of a large
        // text's annotation, and without the entity list beside it 100 MiB
        // of text peaks 25 MiB lower.
        None => {
            let topics = hits.assign(&text, &structure, &attributed.quotes, lexicon);
            let entities = entities::find_entities(&text, &structure, &attributed.speakers);
            reported.join(&mut attributed);
            (topics, entities)
        }
    };
    progress(PROGRESS[3]);

    let quotes: Vec<Annotation> = attributed
        .quotes
        .into_iter()
        .map(|(span, q)| Annotation {
            span,
            body: AnnotationBody::Quote(q),
        })
        .collect();
    progress(PROGRESS[4]);
    // In place only on a large text, where memory is short.
    let in_place = text.len() > PARALLEL_MAX;
    let annotations = merge_valid(
        &text,
        &structure.sections,
        [quotes, entities, topic_tags],
        in_place,
    );
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

/// The result of a scoped thread, its panic passed on as it came.
fn joined<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// The share of the work done after segmentation, quotes, attribution,
/// entities and topics, in percent (measured on a 100 MB mix of
/// transcripts and news with `perf`; only a guide for the progress figure).
const PROGRESS: [u8; 5] = [8, 20, 45, 62, 95];

#[cfg(test)]
mod tests;
