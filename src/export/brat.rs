//! brat standoff in PolNeAR's form: the text as `NAME.txt`, the annotations
//! as `NAME.ann`, and an `annotation.conf` that declares them, so that the
//! folder opens in brat and `attache eval` reads it as gold.
//!
//! Each attribution (every quote but scare-quoted terms, and but a partial
//! quote inside its speaker's reported clause, which is part of that one) is an `E` event
//! `Attribution:T… Content:T… Cue:T… Source:T…` (`Attribution-no-source`
//! when no words name the speaker): `Content` is the quote with its marks,
//! `Cue` the speech verb, `Source` the words that name the speaker, the
//! trigger the cue (else the source, else the content). Offsets are code
//! points; a span that crosses a line break is split there (`s e;s e`), as
//! brat wants. The speaker's resolved name, role and the quote's kind are an
//! `AnnotatorNotes` line on the event; the user's notes, highlights and
//! corrections are `Note`, `Highlight` and `Correction` spans with their text
//! as `AnnotatorNotes`.

use std::collections::HashMap;
use std::io::{self, Write};

use super::{Positions, UserAnnotation, is_attribution, kind_name, speaker_of, user_annotations};
use crate::model::{Document, Span, quote_marks};

/// The brat configuration written beside the files.
pub const ANNOTATION_CONF: &str = "\
# brat configuration for an Attaché export (PolNeAR's attribution scheme).
[entities]
Source
Cue
Content
Note
Highlight
Correction

[relations]
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
Attribution\tSource?:Source, Cue?:Cue, Content:Content
Attribution-no-source\tCue?:Cue, Content:Content

[attributes]
";

/// The files of one exported document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BratFiles {
    /// `NAME.txt`: the document's text.
    pub txt: String,
    /// `NAME.ann`: the standoff annotations.
    pub ann: String,
    /// `annotation.conf`.
    pub conf: String,
}

/// The labels whose spans are written once and shared by the events that
/// name them (one speech verb or one name for several quotes).
const SHARED: [&str; 2] = ["Cue", "Source"];

/// The ids of the shared spans written so far, by label and span. Every
/// cue and source span of a large text is remembered (a continued quote can
/// name a source far back), so an entry is kept small: its offsets and id
/// as `u32` (12 bytes and a 4-byte id) wherever they fit, which they always
/// do for a text under 4 GiB; the others go in a map of full-width entries.
#[derive(Default)]
struct Seen {
    small: HashMap<(u8, u32, u32), u32, foldhash::fast::RandomState>,
    large: HashMap<(u8, Span), usize, foldhash::fast::RandomState>,
}

impl Seen {
    /// The small key of a span, when its offsets fit in `u32`.
    fn small_key(label: u8, span: Span) -> Option<(u8, u32, u32)> {
        Some((
            label,
            u32::try_from(span.start).ok()?,
            u32::try_from(span.end).ok()?,
        ))
    }

    fn get(&self, label: u8, span: Span) -> Option<usize> {
        let small = Self::small_key(label, span).and_then(|k| self.small.get(&k));
        match small {
            Some(&id) => Some(id as usize),
            None => self.large.get(&(label, span)).copied(),
        }
    }

    fn insert(&mut self, label: u8, span: Span, id: usize) {
        match (Self::small_key(label, span), u32::try_from(id)) {
            (Some(k), Ok(id)) => {
                self.small.insert(k, id);
            }
            _ => {
                self.large.insert((label, span), id);
            }
        }
    }
}

/// Writes `.ann` lines as they are made, numbering ids and reusing a span
/// already written with the same label.
struct Ann<'a, 'w> {
    text: &'a str,
    pos: Positions<'a>,
    out: &'w mut dyn Write,
    next_t: usize,
    next_e: usize,
    next_note: usize,
    seen: Seen,
}

/// One line of text for a brat field: no tabs or line breaks.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r', '\t']).collect::<Vec<_>>().join(" ")
}

impl<'a, 'w> Ann<'a, 'w> {
    fn new(text: &'a str, out: &'w mut dyn Write) -> Self {
        Ann {
            text,
            pos: Positions::new(text),
            out,
            next_t: 1,
            next_e: 1,
            next_note: 1,
            seen: Seen::default(),
        }
    }

    /// The pieces of `span` between line breaks, without empty ones.
    fn pieces(&self, span: Span) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = span.start;
        for (i, _) in span.slice(self.text).match_indices('\n') {
            out.push(Span::new(start, span.start + i));
            start = span.start + i + 1;
        }
        out.push(Span::new(start, span.end));
        out.retain(|p| !p.slice(self.text).trim().is_empty());
        out
    }

    /// Write a text-bound annotation (or reuse the one written with the same
    /// label and span, when the label is one of [`SHARED`]) and return its id.
    fn tb(&mut self, label: &'static str, span: Span) -> io::Result<Option<String>> {
        let shared = SHARED.iter().position(|&l| l == label).map(|i| i as u8);
        if let Some(l) = shared
            && let Some(n) = self.seen.get(l, span)
        {
            return Ok(Some(format!("T{n}")));
        }
        let pieces = self.pieces(span);
        if pieces.is_empty() {
            return Ok(None);
        }
        let offsets: Vec<String> = pieces
            .iter()
            .map(|&p| {
                let (s, e) = self.pos.chars(p);
                format!("{s} {e}")
            })
            .collect();
        let words: Vec<&str> = pieces.iter().map(|p| p.slice(self.text)).collect();
        let n = self.next_t;
        self.next_t += 1;
        writeln!(
            self.out,
            "T{n}\t{label} {}\t{}",
            offsets.join(";"),
            one_line(&words.join(" "))
        )?;
        if let Some(l) = shared {
            self.seen.insert(l, span, n);
        }
        Ok(Some(format!("T{n}")))
    }

    fn note(&mut self, id: &str, text: &str) -> io::Result<()> {
        writeln!(
            self.out,
            "#{}\tAnnotatorNotes {id}\t{}",
            self.next_note,
            one_line(text)
        )?;
        self.next_note += 1;
        Ok(())
    }
}

/// The quote's span with the quotation marks right around it, as PolNeAR's
/// contents have them (a direct quote is told by its marks).
pub(super) fn with_marks(text: &str, span: Span) -> Span {
    let mut out = span;
    if let Some(c) = text[..span.start].chars().next_back()
        && quote_marks::is_opening_mark(c)
    {
        out.start -= c.len_utf8();
    }
    if let Some(c) = text[span.end..].chars().next()
        && quote_marks::is_closing_mark(c)
    {
        out.end += c.len_utf8();
    }
    out
}

/// The document as brat files, held in memory (for small documents and
/// the tests; [`write_ann`] writes the `.ann` file as it is made).
pub fn to_brat(doc: &Document, user: &[UserAnnotation]) -> BratFiles {
    let mut ann = Vec::new();
    // Writing to memory cannot fail, and every piece written is UTF-8.
    let _ = write_ann(doc, user, &mut ann);
    BratFiles {
        txt: doc.text.clone(),
        ann: String::from_utf8(ann).unwrap_or_default(),
        conf: ANNOTATION_CONF.to_string(),
    }
}

/// The `.ann` file of [`to_brat`] written to `w` as it is made (give it a
/// buffered writer): only the ids of shared cue and source spans are
/// remembered. The `.txt` file is the document's text as it is.
pub fn write_ann(doc: &Document, user: &[UserAnnotation], w: &mut dyn Write) -> io::Result<()> {
    let mut a = Ann::new(&doc.text, w);
    // A partial quote inside its reported clause is part of that attribution.
    let folded = doc.partials_in_reported();
    for ((span, q), folded) in doc.quotes().zip(folded) {
        if !is_attribution(q.kind) || folded {
            continue;
        }
        let Some(content) = a.tb("Content", with_marks(&doc.text, span))? else {
            continue;
        };
        let cue = q.cue.map(|c| a.tb("Cue", c)).transpose()?.flatten();
        let source = q.mention.map(|m| a.tb("Source", m)).transpose()?.flatten();
        let trigger_label = if source.is_some() {
            "Attribution"
        } else {
            "Attribution-no-source"
        };
        let trigger_span = q.cue.or(q.mention).unwrap_or(span);
        let trigger = a
            .tb(trigger_label, trigger_span)?
            .unwrap_or(content.clone());
        let eid = format!("E{}", a.next_e);
        a.next_e += 1;
        write!(a.out, "{eid}\t{trigger_label}:{trigger} Content:{content}")?;
        if let Some(c) = cue {
            write!(a.out, " Cue:{c}")?;
        }
        if let Some(s) = source {
            write!(a.out, " Source:{s}")?;
        }
        a.out.write_all(b"\n")?;
        let mut about = match speaker_of(doc, q.speaker) {
            Some((name, Some(role))) => format!("speaker: {name}, {role}"),
            Some((name, None)) => format!("speaker: {name}"),
            None => "speaker: unknown".to_string(),
        };
        about.push_str(&format!("; kind: {}", kind_name(q.kind)));
        if q.turn {
            about.push_str("; turn");
        }
        a.note(&eid, &about)?;
    }
    for u in user_annotations(doc, user) {
        let label = match u.kind {
            super::UserKind::Note => "Note",
            super::UserKind::Highlight => "Highlight",
            super::UserKind::Correction => "Correction",
        };
        if let Some(id) = a.tb(label, u.span)?
            && !u.text.is_empty()
        {
            a.note(&id, &u.text)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests_support::{fixture, fixture_notes};

    #[test]
    fn events_tie_content_cue_and_source_in_code_points() {
        let doc = fixture();
        let files = to_brat(&doc, &[]);
        let chars: Vec<char> = files.txt.chars().collect();
        let first = files.ann.lines().next().expect("a line");
        let mut f = first.split('\t');
        let (_, mid, words) = (f.next(), f.next().expect("mid"), f.next().expect("text"));
        let mut m = mid.split([' ', ';']);
        assert_eq!(m.next(), Some("Content"));
        let s: usize = m.next().expect("start").parse().expect("number");
        let e: usize = m.next().expect("end").parse().expect("number");
        let covered: String = chars[s..e].iter().collect();
        assert_eq!(covered, words);
        assert!(words.starts_with('“') && words.ends_with('”'), "{words}");
        let event = files
            .ann
            .lines()
            .find(|l| l.starts_with('E'))
            .expect("event");
        assert!(
            event.contains("Attribution:T")
                && event.contains("Cue:T")
                && event.contains("Source:T"),
            "{event}"
        );
        assert!(
            files
                .ann
                .contains("AnnotatorNotes E1\tspeaker: Lena Várkonyi, Minister; kind: direct")
        );
        // A fragment that a cue gives to its speaker is one (issue 10,
        // class 8), part of its reported clause; a scare-quoted term is not.
        assert!(
            files
                .ann
                .contains("\tthe deal was “a fair compromise” for both sides\n"),
            "{}",
            files.ann
        );
        assert!(
            !files.ann.contains("\t“green lane”\n"),
            "terms are not attributions"
        );
    }

    #[test]
    fn spans_are_split_at_line_breaks() {
        let mut out = Vec::new();
        let mut a = Ann::new("ab\ncd\n\nef", &mut out);
        let id = a.tb("Content", Span::new(0, 9)).expect("memory");
        assert_eq!(id.as_deref(), Some("T1"));
        assert_eq!(a.tb("Content", Span::new(2, 3)).expect("memory"), None);
        assert_eq!(out, b"T1\tContent 0 2;3 5;7 9\tab cd ef\n");
    }

    #[test]
    fn notes_become_spans_with_annotator_notes() {
        let doc = fixture();
        let files = to_brat(&doc, &fixture_notes(&doc));
        let note_t = files
            .ann
            .lines()
            .find(|l| l.contains("\tNote "))
            .expect("note span");
        let id = note_t.split('\t').next().expect("id");
        assert!(note_t.ends_with("\tTuesday"), "{note_t}");
        assert!(
            files
                .ann
                .contains(&format!("AnnotatorNotes {id}\tCheck the date."))
        );
        assert!(files.ann.contains("\tHighlight "));
        assert!(files.conf.contains("[events]"));
    }
}
