//! A document's outline, shared by `attache outline` and the reader's
//! Outline tab and `]]`/`[[` jumps, so that both list the same entries under
//! the same names.
//!
//! A news piece's outline is its sections. A transcript's outline is its
//! exchanges: each question (or moderator) turn starts an entry named by the
//! asker and the question's first words, and the answers belong to it. Who
//! asks is told apart from who answers by the turns themselves: a group
//! ("Question", "Reporters") always asks, and so does a person whose turns
//! are on average much shorter than those of the longest speaker.

use crate::model::{BlockKind, Document, Span, SpeakerId, SpeakerKind};

/// The name of a section that has no heading (the lead), everywhere it is shown.
pub const LEAD: &str = "(lead)";

/// Labels of people who introduce turns rather than answer them.
const NOT_ASKERS: [&str; 2] = ["interpreter", "translator"];

/// One entry of a document's outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineEntry {
    /// The entry's name: a section title, [`LEAD`], or an exchange's asker
    /// and first words.
    pub title: String,
    /// From where the entry starts to where the next one starts.
    pub span: Span,
    /// Where a jump to the entry lands (its heading, or its turn's label).
    pub jump: usize,
    /// For an exchange: the answers under it (speaker name and first words).
    pub answers: Vec<String>,
    /// Whether the entry is an exchange of a transcript (not a section).
    pub exchange: bool,
}

/// One transcript turn: where it starts (its label), its words and speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Turn {
    /// Where the turn's label starts (its words when it has no label).
    pub start: usize,
    /// The turn's words.
    pub span: Span,
    /// Who speaks.
    pub speaker: Option<SpeakerId>,
    /// Whether the turn asks (a question or a moderator's turn).
    pub asks: bool,
}

/// The turns of a transcript in reading order (empty for an article).
pub fn turns(doc: &Document) -> Vec<Turn> {
    let mut out: Vec<Turn> = doc
        .quotes()
        .filter(|(span, q)| q.turn && span.is_valid_in(&doc.text))
        .map(|(span, q)| Turn {
            start: q.mention.map_or(span.start, |m| m.start.min(span.start)),
            span,
            speaker: q.speaker.filter(|s| s.index() < doc.speakers.len()),
            asks: false,
        })
        .collect();
    out.sort_by_key(|t| t.start);
    let askers = askers(doc, &out);
    for t in &mut out {
        t.asks = t.speaker.is_some_and(|s| askers[s.index()]);
    }
    out
}

/// For each speaker, whether they ask: a group, or a person whose turns are
/// on average under half as long as those of the speaker who talks longest.
fn askers(doc: &Document, turns: &[Turn]) -> Vec<bool> {
    let n = doc.speakers.len();
    let (mut count, mut len) = (vec![0usize; n], vec![0usize; n]);
    for t in turns {
        if let Some(s) = t.speaker {
            count[s.index()] += 1;
            len[s.index()] += t.span.len();
        }
    }
    let mean = |i: usize| len[i] / count[i].max(1);
    let longest = (0..n).map(mean).max().unwrap_or(0);
    doc.speakers
        .iter()
        .enumerate()
        .map(|(i, sp)| {
            let name = sp.name.to_lowercase();
            count[i] > 0
                && !NOT_ASKERS.contains(&name.as_str())
                && (sp.kind == SpeakerKind::Group || mean(i) * 2 < longest)
        })
        .collect()
}

/// One character span of text shortened to about `max` characters at a word
/// boundary, with `…` when cut.
pub fn first_words(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut = flat
        .char_indices()
        .nth(max)
        .map(|(i, _)| i)
        .unwrap_or(flat.len());
    let head = &flat[..cut];
    let head = match head.rfind(' ') {
        Some(sp) if sp > cut / 2 => &head[..sp],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

/// "Asker: first words" for a turn.
fn turn_name(doc: &Document, t: &Turn) -> String {
    let who = t
        .speaker
        .and_then(|s| doc.speaker(s))
        .map_or("?", |s| s.name.as_str());
    format!("{who}: {}", first_words(doc.slice(t.span), 60))
}

/// The document's outline: its exchanges when it is a transcript with
/// questions and no headings, else its sections (headings always win).
pub fn outline(doc: &Document) -> Vec<OutlineEntry> {
    let turns = turns(doc);
    let headed = doc.sections.iter().any(|s| s.title.is_some());
    if !headed && turns.iter().any(|t| t.asks) {
        exchanges(doc, &turns)
    } else {
        sections(doc)
    }
}

fn sections(doc: &Document) -> Vec<OutlineEntry> {
    doc.sections
        .iter()
        .map(|s| OutlineEntry {
            title: s.title.clone().unwrap_or_else(|| LEAD.to_string()),
            span: s.span,
            jump: s.heading.map_or(s.span.start, |h| h.start),
            answers: Vec::new(),
            exchange: false,
        })
        .collect()
}

/// Where the body starts: the first section, else the first shown block.
fn body_start(doc: &Document) -> usize {
    doc.sections
        .first()
        .map(|s| s.span.start)
        .unwrap_or_else(|| {
            doc.blocks
                .iter()
                .find(|b| !matches!(b.kind, BlockKind::Title | BlockKind::Meta))
                .map_or(0, |b| b.span.start)
        })
}

/// A transcript's exchanges: an opening entry for what comes before the
/// first question, then one entry per question with its answers.
fn exchanges(doc: &Document, turns: &[Turn]) -> Vec<OutlineEntry> {
    let end = doc
        .sections
        .last()
        .map_or(doc.text.len(), |s| s.span.end)
        .max(turns.last().map_or(0, |t| t.span.end));
    let mut out: Vec<OutlineEntry> = Vec::new();
    let first_q = turns.iter().position(|t| t.asks).unwrap_or(0);
    let start = body_start(doc).min(turns[first_q].start);
    if start < turns[first_q].start {
        let title = match turns[..first_q].first() {
            Some(t) => turn_name(doc, t),
            None => doc
                .sections
                .first()
                .and_then(|s| s.title.clone())
                .unwrap_or_else(|| LEAD.to_string()),
        };
        out.push(OutlineEntry {
            title,
            span: Span::new(start, turns[first_q].start),
            jump: start,
            answers: Vec::new(),
            exchange: true,
        });
    }
    // An exchange starts at an asking turn that follows an answer; the
    // asking turns before the first answer (a moderator's call, a reporter's
    // "can you hear me?") belong to it, and the longest of them names it.
    let mut i = first_q;
    while i < turns.len() {
        let asks = turns[i..].iter().take_while(|t| t.asks).count().max(1);
        let answers = turns[i + asks..].iter().take_while(|t| !t.asks).count();
        let group = &turns[i..i + asks + answers];
        let named = (0..asks)
            .max_by_key(|&k| (group[k].span.len(), usize::MAX - k))
            .unwrap_or(0);
        if let Some(last) = out.last_mut() {
            last.span.end = group[0].start;
        }
        out.push(OutlineEntry {
            title: turn_name(doc, &group[named]),
            span: Span::new(group[0].start, end),
            jump: group[0].start,
            answers: (0..group.len())
                .filter(|&k| k != named)
                .map(|k| turn_name(doc, &group[k]))
                .collect(),
            exchange: true,
        });
        i += group.len();
    }
    if let Some(first) = out.first_mut()
        && first_q > 0
    {
        first.answers = turns[1..first_q]
            .iter()
            .map(|t| turn_name(doc, t))
            .collect();
    }
    out
}

/// The index of the entry holding byte `pos` (the last one starting at or
/// before it), if any.
pub fn entry_at(entries: &[OutlineEntry], pos: usize) -> Option<usize> {
    let i = entries.partition_point(|e| e.span.start <= pos);
    i.checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Options, annotate};

    const PRESS: &str = "Press conference\n\nMR. HALE: Good afternoon. We met for three long hours today and agreed on many things, which I will now describe at some length for you all.\n\nMS. ORR: Thank you. I agree with everything that was said here today, and I have more to add about trade, ports and the weather.\n\nQ: Mr. Hale, will you sign the treaty?\n\nMR. HALE: We will sign it when it is ready and not one day before, as I have said many times to many people in this room.\n\nQ: And Ms. Orr?\n\nMS. ORR: The same goes for us, and for our partners in the region, whom we consulted at length before coming here.\n";

    #[test]
    fn a_transcript_is_outlined_by_its_questions() {
        let doc = annotate(PRESS, &Options::default());
        let entries = outline(&doc);
        let titles: Vec<&str> = entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles.len(), 3, "{titles:?}");
        assert!(titles[0].starts_with("Hale: Good afternoon."), "{titles:?}");
        assert!(titles[1].ends_with(": Mr. Hale, will you sign the treaty?"));
        assert!(titles[2].ends_with(": And Ms. Orr?"), "{titles:?}");
        assert!(entries[1].answers[0].starts_with("Hale: We will sign"));
        assert!(entries[0].answers[0].starts_with("Orr: Thank you."));
        // Entries follow each other without gaps.
        assert_eq!(entries[0].span.end, entries[1].span.start);
        assert_eq!(entry_at(&entries, entries[2].jump), Some(2));
    }

    #[test]
    fn an_article_is_outlined_by_its_sections() {
        let doc = annotate(
            "Title\n\nLead paragraph here.\n\nTrade\n\nA paragraph about trade.\n",
            &Options::default(),
        );
        let entries = outline(&doc);
        assert_eq!(entries.first().map(|e| e.title.as_str()), Some(LEAD));
        assert!(entries.iter().all(|e| e.answers.is_empty()));
    }
}
