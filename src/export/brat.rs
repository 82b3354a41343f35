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
use std::fmt::Write as _;

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

/// Writes `.ann` lines, numbering ids and reusing a span already written
/// with the same label.
struct Ann<'a> {
    text: &'a str,
    pos: Positions<'a>,
    out: String,
    next_t: usize,
    next_e: usize,
    next_note: usize,
    seen: HashMap<(&'static str, Span), String>,
}

/// One line of text for a brat field: no tabs or line breaks.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r', '\t']).collect::<Vec<_>>().join(" ")
}

impl<'a> Ann<'a> {
    fn new(text: &'a str) -> Self {
        Ann {
            text,
            pos: Positions::new(text),
            out: String::new(),
            next_t: 1,
            next_e: 1,
            next_note: 1,
            seen: HashMap::new(),
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

    /// Write a text-bound annotation (or reuse one: `shared`) and return its id.
    fn tb(&mut self, label: &'static str, span: Span, shared: bool) -> Option<String> {
        if shared && let Some(id) = self.seen.get(&(label, span)) {
            return Some(id.clone());
        }
        let pieces = self.pieces(span);
        if pieces.is_empty() {
            return None;
        }
        let offsets: Vec<String> = pieces
            .iter()
            .map(|&p| {
                let (s, e) = self.pos.chars(p);
                format!("{s} {e}")
            })
            .collect();
        let words: Vec<&str> = pieces.iter().map(|p| p.slice(self.text)).collect();
        let id = format!("T{}", self.next_t);
        self.next_t += 1;
        let _ = writeln!(
            self.out,
            "{id}\t{label} {}\t{}",
            offsets.join(";"),
            one_line(&words.join(" "))
        );
        if shared {
            self.seen.insert((label, span), id.clone());
        }
        Some(id)
    }

    fn note(&mut self, id: &str, text: &str) {
        let _ = writeln!(
            self.out,
            "#{}\tAnnotatorNotes {id}\t{}",
            self.next_note,
            one_line(text)
        );
        self.next_note += 1;
    }
}

/// The quote's span with the quotation marks right around it, as PolNeAR's
/// contents have them (a direct quote is told by its marks).
fn with_marks(text: &str, span: Span) -> Span {
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

/// The document as brat files.
pub fn to_brat(doc: &Document, user: &[UserAnnotation]) -> BratFiles {
    let mut a = Ann::new(&doc.text);
    // A partial quote inside its reported clause is part of that attribution.
    let folded = doc.partials_in_reported();
    for ((span, q), folded) in doc.quotes().zip(folded) {
        if !is_attribution(q.kind) || folded {
            continue;
        }
        let Some(content) = a.tb("Content", with_marks(&doc.text, span), false) else {
            continue;
        };
        let cue = q.cue.and_then(|c| a.tb("Cue", c, true));
        let source = q.mention.and_then(|m| a.tb("Source", m, true));
        let trigger_label = if source.is_some() {
            "Attribution"
        } else {
            "Attribution-no-source"
        };
        let trigger_span = q.cue.or(q.mention).unwrap_or(span);
        let trigger = a
            .tb(trigger_label, trigger_span, false)
            .unwrap_or(content.clone());
        let eid = format!("E{}", a.next_e);
        a.next_e += 1;
        let mut line = format!("{eid}\t{trigger_label}:{trigger} Content:{content}");
        if let Some(c) = cue {
            line.push_str(&format!(" Cue:{c}"));
        }
        if let Some(s) = source {
            line.push_str(&format!(" Source:{s}"));
        }
        a.out.push_str(&line);
        a.out.push('\n');
        let mut about = match speaker_of(doc, q.speaker) {
            Some((name, Some(role))) => format!("speaker: {name}, {role}"),
            Some((name, None)) => format!("speaker: {name}"),
            None => "speaker: unknown".to_string(),
        };
        about.push_str(&format!("; kind: {}", kind_name(q.kind)));
        if q.turn {
            about.push_str("; turn");
        }
        a.note(&eid, &about);
    }
    for u in user_annotations(doc, user) {
        let label = match u.kind {
            super::UserKind::Note => "Note",
            super::UserKind::Highlight => "Highlight",
            super::UserKind::Correction => "Correction",
        };
        if let Some(id) = a.tb(label, u.span, false)
            && !u.text.is_empty()
        {
            a.note(&id, &u.text);
        }
    }
    BratFiles {
        txt: doc.text.clone(),
        ann: a.out,
        conf: ANNOTATION_CONF.to_string(),
    }
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
        let mut a = Ann::new("ab\ncd\n\nef");
        let id = a.tb("Content", Span::new(0, 9), false).expect("written");
        assert_eq!(id, "T1");
        assert_eq!(a.out, "T1\tContent 0 2;3 5;7 9\tab cd ef\n");
        assert_eq!(a.tb("Content", Span::new(2, 3), false), None);
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
