//! Classification: what the names in one run of items are (a person, an
//! organisation, a place, or nothing), emitted as entity annotations.

use std::sync::LazyLock;

use super::gazetteer::Gaz;
use super::link::{SpeakerIndex, surname};
use super::scan::{Item, Unit};
use crate::annotate::lexicon::word_list;
use crate::annotate::{FastMap, FastSet};
use crate::model::{Annotation, AnnotationBody, Entity, EntityKind, Span, SpeakerId};

word_list!(
    /// Words that end an organisation's name.
    ORG_TAIL = "entity-org-tails.txt"
);

word_list!(
    /// Words that open an organisation's name before "of" ("Ministry of …").
    ORG_HEAD = "entity-org-heads.txt"
);

static ORG_TAIL_SET: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| ORG_TAIL.iter().copied().collect());
static ORG_HEAD_SET: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| ORG_HEAD.iter().copied().collect());

/// Emit an entity annotation, unless its span is empty.
fn push(out: &mut Vec<Annotation>, span: Span, kind: EntityKind, speaker: Option<SpeakerId>) {
    if span.is_empty() {
        return;
    }
    out.push(Annotation {
        span,
        body: AnnotationBody::Entity(Entity { kind, speaker }),
    });
}

/// Decide what the names in one run are.
pub(super) fn classify_run(
    text: &str,
    run: &[Item],
    index: &SpeakerIndex,
    known: &mut FastMap<String, ()>,
    chunk: &mut Vec<Item>,
    out: &mut Vec<Annotation>,
) {
    let mut titled = false;
    chunk.clear();
    let mut k = 0;
    while k < run.len() {
        let it = run[k];
        match it.unit {
            Unit::Cap | Unit::Gaz(Gaz::Given) => chunk.push(it),
            Unit::Conn if it.span.is_empty() => {
                flush(text, chunk, &mut titled, index, known, out);
            }
            Unit::Conn => {
                let w = it.span.slice(text);
                // "Ministry of Foreign Affairs": an organisation head takes the rest.
                let head = chunk
                    .last()
                    .is_some_and(|c| ORG_HEAD_SET.contains(c.span.slice(text)));
                if head && matches!(w, "of" | "for") {
                    let mut end = k + 1;
                    let mut last = None;
                    while end < run.len() && !run[end].span.is_empty() {
                        match run[end].unit {
                            Unit::Conn => {}
                            Unit::Gaz(Gaz::Title) => break,
                            _ => last = Some(end),
                        }
                        end += 1;
                    }
                    if let Some(last) = last {
                        let s = Span::new(chunk[0].span.start, run[last].span.end);
                        let id = index.link(s.slice(text), false);
                        push(out, s, EntityKind::Organisation, id);
                        chunk.clear();
                        k = last + 1;
                        continue;
                    }
                }
                flush(text, chunk, &mut titled, index, known, out);
            }
            Unit::Gaz(Gaz::Title) => {
                flush(text, chunk, &mut titled, index, known, out);
                titled = true;
            }
            Unit::Gaz(Gaz::Modifier) => {
                flush(text, chunk, &mut titled, index, known, out);
            }
            Unit::Gaz(g @ (Gaz::Org | Gaz::Place)) => {
                // "Korea Times": a place followed by an organisation word.
                if k + 1 < run.len()
                    && run[k + 1].unit == Unit::Cap
                    && ORG_TAIL_SET.contains(run[k + 1].span.slice(text))
                {
                    chunk.push(Item {
                        unit: Unit::Cap,
                        ..it
                    });
                    k += 1;
                    continue;
                }
                flush(text, chunk, &mut titled, index, known, out);
                let kind = if g == Gaz::Org {
                    EntityKind::Organisation
                } else {
                    EntityKind::Place
                };
                push(out, it.span, kind, index.link(it.span.slice(text), false));
            }
        }
        k += 1;
    }
    flush(text, chunk, &mut titled, index, known, out);
}

/// Classify a chunk of capitalised words and emit it when it is a name.
fn flush(
    text: &str,
    chunk: &mut Vec<Item>,
    titled: &mut bool,
    index: &SpeakerIndex,
    known: &mut FastMap<String, ()>,
    out: &mut Vec<Annotation>,
) {
    if chunk.is_empty() {
        return;
    }
    // "Coordinator for Strategic Communications Jane Roe": a given name inside
    // the chunk starts the person; the words before it complete the title.
    if let Some(j) = chunk
        .iter()
        .position(|c| c.unit == Unit::Gaz(Gaz::Given))
        .filter(|&j| j > 0)
    {
        chunk.drain(..j);
    } else if *titled && chunk[0].unit == Unit::Cap {
        // "the Secretary of Defense": the words after "Title of" are its office.
        let before = text[..chunk[0].span.start].trim_end();
        if before.ends_with(" of") || before.ends_with(" for") || before.ends_with(" to") {
            chunk.clear();
            return;
        }
    }
    // "Later Quill said": a sentence's first word before a name is an ordinary word.
    if chunk.len() >= 2 && chunk[0].initial && chunk[0].unit == Unit::Cap && !*titled {
        let whole = Span::new(chunk[0].span.start, chunk[chunk.len() - 1].span.end);
        let first = chunk[0].span.slice(text);
        if !known.contains_key(whole.slice(text))
            && !index.knows(whole.slice(text))
            && !known.contains_key(first)
        {
            chunk.remove(0);
            chunk[0].initial = true;
        }
    }
    let span = Span::new(chunk[0].span.start, chunk[chunk.len() - 1].span.end);
    let name = span.slice(text);
    let last = chunk[chunk.len() - 1]
        .span
        .slice(text)
        .trim_end_matches('.');
    let n = chunk.len();
    if ORG_TAIL_SET.contains(last) && n >= 2 {
        push(out, span, EntityKind::Organisation, index.link(name, false));
    } else if ORG_TAIL_SET.contains(last) {
        // A lone "Ministry" is not a name.
    } else if *titled
        || (n >= 2 && chunk[0].unit == Unit::Gaz(Gaz::Given))
        || (n == 1 && chunk[0].unit == Unit::Gaz(Gaz::Given) && !chunk[0].initial)
        || known.contains_key(name)
        || index.knows(name)
        || (n >= 2 && known.contains_key(last) && chunk[0].unit == Unit::Gaz(Gaz::Given))
    {
        // A trailing initial is not part of a name ("Smith J." is rare; "J." here ends a sentence).
        let id = index.link(name, true);
        push(out, span, EntityKind::Person, id);
        if n >= 2 || *titled {
            known.insert(name.to_string(), ());
            if let Some(sn) = surname(name) {
                known.insert(sn.to_string(), ());
            }
        }
    }
    *titled = false;
    chunk.clear();
}
