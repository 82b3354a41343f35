//! The quote details popup (`i`): everything the annotator knows about the
//! selected quote, as rows of a label and a value ready to draw.
//!
//! It exists so that a reader can see why a quote was given to a speaker
//! (the cue, the words that named them) and where it stands (section,
//! paragraph, line of the text) without leaving the text. The rows are
//! built here, without a terminal; every value from the document goes
//! through the safe-to-show policy ([`crate::model::text::visible_line`]).

use super::keymap::Command;
use super::state::State;
use crate::model::text::visible_line;
use crate::model::{BlockKind, QuoteKind, Span};

/// Values longer than this (in characters) are cut before drawing: the popup
/// shows one line per row.
const MAX_VALUE: usize = 400;

/// `i`: open the popup on the selected quote, or say how to select one.
pub(super) fn open(s: &mut State) {
    match s.selected {
        Some(q) => s.details = Some(q),
        None => {
            let key = s.keymap.key_for(Command::NextQuote).unwrap_or_default();
            s.message = Some(format!("no quote selected ({key} selects one)"));
        }
    }
}

/// A command while the popup is open: it closes the popup; `i`, Esc and
/// `q` do nothing else (returns true), any other command is carried out.
pub(super) fn popup_command(s: &mut State, c: Command) -> bool {
    s.details = None;
    matches!(c, Command::Details | Command::Clear | Command::Quit)
}

/// One line of a document's text, safe to show, at most [`MAX_VALUE`] characters.
fn shown(s: &str) -> String {
    let cut: String = s.chars().take(MAX_VALUE).collect();
    let line = visible_line(&cut).into_owned();
    if s.chars().nth(MAX_VALUE).is_some() {
        line + "…"
    } else {
        line
    }
}

/// The rows of quote `q`'s details popup: label and value.
pub fn rows(s: &State, q: usize) -> Vec<(&'static str, String)> {
    let Some(r) = s.index.quotes.get(q) else {
        return Vec::new();
    };
    let doc = &s.doc;
    let quote = doc
        .quotes()
        .find(|(span, _)| *span == r.span)
        .map(|(_, qt)| qt.clone())
        .unwrap_or_default();
    let dash = || "—".to_string();
    let span_text = |sp: Option<Span>| sp.map_or_else(dash, |sp| shown(doc.slice(sp)));
    let speaker = r.speaker.and_then(|id| doc.speaker(id));
    let mut kind = match (quote.turn, r.kind) {
        (true, _) => "transcript turn",
        (false, QuoteKind::Direct) => "direct quote",
        (false, QuoteKind::Partial) => "partial quote",
        (false, QuoteKind::Term) => "term (scare quotes, a title)",
        (false, QuoteKind::Reported) => "reported speech (no quotation marks)",
    }
    .to_string();
    if quote.continues {
        kind.push_str(", continues the quote before");
    }
    vec![
        ("Quote", format!("“{}”", shown(doc.slice(r.span)))),
        (
            "Speaker",
            speaker.map_or_else(|| "unknown".to_string(), |sp| shown(&sp.name)),
        ),
        (
            "Role",
            speaker
                .and_then(|sp| sp.role.as_deref())
                .map_or_else(dash, shown),
        ),
        ("Kind", kind),
        ("Cue", span_text(quote.cue)),
        ("Named by", span_text(quote.mention)),
        ("Section", section(s, r.span.start)),
        ("Place", place(s, r.span.start)),
        ("Topics", topics(s, r.span)),
    ]
}

/// The title of the section holding byte `pos`, `(lead)` for an untitled one.
fn section(s: &State, pos: usize) -> String {
    match s.doc.section_at(pos) {
        Some(i) => s.doc.sections[i]
            .title
            .as_deref()
            .map_or_else(|| "(lead)".to_string(), shown),
        None => "—".to_string(),
    }
}

/// "paragraph 4, line 12": the paragraph (or transcript turn) counted from
/// the start, and the line of the text (as `10G` counts them).
fn place(s: &State, pos: usize) -> String {
    let text = &s.doc.text;
    let line = 1 + text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    let para = s
        .doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Turn))
        .take_while(|b| b.span.start <= pos)
        .count();
    if para > 0 {
        format!("paragraph {para}, line {line}")
    } else {
        format!("line {line}")
    }
}

/// The topics tagged on the quote or on a paragraph holding it.
fn topics(s: &State, span: Span) -> String {
    let mut names: Vec<String> = Vec::new();
    for (tag, t) in s.index.topic_tags.iter() {
        if tag.start > span.start {
            break;
        }
        if tag.contains_span(span)
            && let Some(topic) = s.doc.topic(t)
        {
            let name = shown(&topic.name);
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if names.is_empty() {
        "—".to_string()
    } else {
        names.join(" · ")
    }
}
