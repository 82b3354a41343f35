//! Entities: people, places and organisations, from the gazetteer and capitalisation.
//!
//! Readers follow who and what an interview is about; this stage marks those
//! names without a statistical model. A case-sensitive aho-corasick pass over
//! the gazetteer (`assets/gazetteer/`) finds places, organisations, titles,
//! country adjectives and given names; a scan of each block then groups runs of
//! capitalised words and decides:
//!
//! - a name after a title or honorific ("Ambassador Jane Roe", "Mr. Roe",
//!   "President of Freedonia John Doe") is a person;
//! - a name that starts with a known given name ("Vladimir Ivanov") is a person;
//! - a name that ends in an organisation word ("Hyundai Motor", "Foreign
//!   Ministry", "Korea Times") or opens one ("Ministry of Foreign Affairs") is an
//!   organisation;
//! - a person's surname seen again later, or a speaker's name or surname, is a
//!   person, linked to that speaker.
//!
//! Single unknown capitalised words (often just the first word of a sentence)
//! are left alone. Entities never overlap. Everything is linear in the text.

use super::FastMap;
use crate::annotate::lexicon::word_list;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::is_word_char;
use super::lexicon::{GIVEN_NAMES, MODIFIERS, ORGANISATIONS, PLACES, TITLES, parse_list};
use super::segment::Structure;
use crate::model::{
    Annotation, AnnotationBody, BlockKind, Entity, EntityKind, Span, Speaker, SpeakerId,
    SpeakerKind,
};

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gaz {
    Title,
    Org,
    Place,
    Modifier,
    Given,
}

struct Gazetteer {
    ac: AhoCorasick,
    kinds: Vec<Gaz>,
    /// The leading word (letters and digits) of every entry: the anchored
    /// search runs only where such a word starts.
    firsts: FastSet<&'static str>,
}

static GAZETTEER: LazyLock<Option<Gazetteer>> = LazyLock::new(|| {
    let mut seen = std::collections::HashSet::new();
    let mut pats = Vec::new();
    let mut kinds = Vec::new();
    for (list, kind) in [
        (TITLES, Gaz::Title),
        (ORGANISATIONS, Gaz::Org),
        (PLACES, Gaz::Place),
        (MODIFIERS, Gaz::Modifier),
        (GIVEN_NAMES, Gaz::Given),
    ] {
        for e in parse_list(list) {
            if seen.insert(e) {
                pats.push(e);
                kinds.push(kind);
            }
        }
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(&pats)
        .ok()?;
    let firsts = pats
        .iter()
        .map(|p| &p[..word_chars_end(p, 0)])
        .filter(|w| !w.is_empty())
        .collect();
    Some(Gazetteer { ac, kinds, firsts })
});

word_list!(
    /// Words that end an organisation's name.
    ORG_TAIL = "entity-org-tails.txt"
);

word_list!(
    /// Words that open an organisation's name before "of" ("Ministry of …").
    ORG_HEAD = "entity-org-heads.txt"
);

word_list!(
    /// Capitalised words that are never (the start of) a name.
    STOP = "entity-stop-words.txt"
);

use super::FastSet;

static STOP_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| STOP.iter().copied().collect());
static ORG_TAIL_SET: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| ORG_TAIL.iter().copied().collect());
static ORG_HEAD_SET: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| ORG_HEAD.iter().copied().collect());

/// The end of the letters and digits that start at `i` (no hyphens, no stops).
fn word_chars_end(text: &str, i: usize) -> usize {
    let mut e = i;
    for (o, c) in text[i..].char_indices() {
        if !is_word_char(c) {
            return i + o;
        }
        e = i + o + c.len_utf8();
    }
    e
}

/// Lower-case words that may join the parts of a name ("Ministry of Foreign
/// Affairs", "Charles de Gaulle", "President of Freedonia").
const CONNECTORS: &[&str] = &[
    "of", "the", "de", "du", "da", "von", "van", "der", "bin", "al", "la", "le", "for", "to", "y",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Gaz(Gaz),
    /// A capitalised word not in the gazetteer.
    Cap,
    /// A connector ("of").
    Conn,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    unit: Unit,
    span: Span,
    /// First word of its sentence.
    initial: bool,
}

/// Read one word at `i` (which starts with a word char): letters and digits,
/// inner hyphens or apostrophes before a letter ("Jong-un", "O'Brien"; not "’s"),
/// and the full stop of an initial ("J.").
fn read_word(s: &str, i: usize) -> usize {
    let mut end = i;
    let mut it = s[i..].char_indices().peekable();
    while let Some((o, c)) = it.next() {
        if is_word_char(c) {
            end = i + o + c.len_utf8();
            continue;
        }
        if matches!(c, '-' | '\'' | '\u{2019}')
            && let Some(&(_, n)) = it.peek()
        {
            let possessive = c != '-'
                && matches!(n, 's' | 't')
                && s[i + o + c.len_utf8() + 1..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c));
            let ok = if c == '-' {
                n.is_lowercase()
            } else {
                super::is_alpha(n)
            };
            if ok && !possessive {
                continue;
            }
        }
        break;
    }
    // An initial: one capital letter and a full stop.
    let w = &s[i..end];
    let mut cs = w.chars();
    if let (Some(c), None) = (cs.next(), cs.next())
        && c.is_uppercase()
        && s[end..].starts_with('.')
    {
        end += 1;
    }
    end
}

fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(f) = cs.next() else { return false };
    f.is_uppercase()
        && (w.chars().count() == 1 || w.ends_with('.') || w.chars().any(char::is_lowercase))
}

/// Speakers by lower-cased full name, alias and surname (`None` when ambiguous).
struct SpeakerIndex {
    full: FastMap<String, Option<SpeakerId>>,
    surname: FastMap<String, Option<SpeakerId>>,
}

fn surname(name: &str) -> Option<&str> {
    name.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !super::is_alnum(c)))
        .rfind(|w| !w.is_empty())
}

impl SpeakerIndex {
    fn new(speakers: &[Speaker]) -> Self {
        let mut full = FastMap::default();
        let mut surname_map = FastMap::default();
        let add = |m: &mut FastMap<String, Option<SpeakerId>>, k: String, id: SpeakerId| {
            m.entry(k)
                .and_modify(|v: &mut Option<SpeakerId>| {
                    if *v != Some(id) {
                        *v = None;
                    }
                })
                .or_insert(Some(id));
        };
        for s in speakers {
            if matches!(s.kind, SpeakerKind::Group) {
                continue;
            }
            for n in std::iter::once(&s.name).chain(&s.aliases) {
                add(&mut full, n.to_lowercase(), s.id);
                if matches!(s.kind, SpeakerKind::Person | SpeakerKind::Unknown)
                    && n.split_whitespace().count() >= 2
                    && let Some(sn) = surname(n)
                {
                    add(&mut surname_map, sn.to_lowercase(), s.id);
                }
            }
        }
        SpeakerIndex {
            full,
            surname: surname_map,
        }
    }

    fn link(&self, name: &str, person: bool) -> Option<SpeakerId> {
        if self.full.is_empty() {
            return None;
        }
        let l = name.to_lowercase();
        if let Some(id) = self.full.get(&l) {
            return *id;
        }
        if !person {
            return None;
        }
        let sn = surname(&l)?;
        self.surname.get(sn).copied().flatten()
    }

    fn knows(&self, name: &str) -> bool {
        if self.full.is_empty() {
            return false;
        }
        let l = name.to_lowercase();
        self.full.contains_key(&l) || self.surname.contains_key(&l)
    }
}

/// Find entity mentions and link people to speakers.
pub fn find_entities(text: &str, structure: &Structure, speakers: &[Speaker]) -> Vec<Annotation> {
    let Some(gaz) = GAZETTEER.as_ref() else {
        return Vec::new();
    };
    let index = SpeakerIndex::new(speakers);
    // Surnames and names of people found so far ("Zinoviev" after "Georgy Zinoviev").
    let mut known: FastMap<String, ()> = FastMap::default();
    let mut out = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut chunk: Vec<Item> = Vec::new();
    for block in &structure.blocks {
        if matches!(block.kind, BlockKind::Meta | BlockKind::Boilerplate) {
            continue;
        }
        items.clear();
        scan_block(text, block.span, gaz, &mut items);
        let mut start = 0;
        // Runs: items separated only by spaces.
        while start < items.len() {
            let mut end = start + 1;
            while end < items.len() && joined(text, items[end - 1].span, items[end].span) {
                end += 1;
            }
            classify_run(
                text,
                &items[start..end],
                &index,
                &mut known,
                &mut chunk,
                &mut out,
            );
            start = end;
        }
    }
    out
}

/// Whether two items are separated only by white space (one line break at most).
fn joined(text: &str, a: Span, b: Span) -> bool {
    let gap = text.get(a.end..b.start).unwrap_or("");
    !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\n')
}

/// Bytes the fast skip in [`scan_block`] stops at: capitals, non-ASCII bytes
/// and sentence ends.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b >= 0x80)
            || (b >= b'A' as usize && b <= b'Z' as usize)
            || matches!(b as u8, b'.' | b'!' | b'?' | b':' | b';' | b'\n');
        b += 1;
    }
    t
};

/// Turn a block into items: gazetteer entries, capitalised words and connectors.
///
/// The scan runs over bytes: lower-case ASCII words are skipped quickly, and the
/// gazetteer is tried (anchored) only where a capitalised word starts, so the
/// cost is one pass over the block plus a short match per capitalised word.
fn scan_block(text: &str, span: Span, gaz: &Gazetteer, items: &mut Vec<Item>) {
    let bytes = text.as_bytes();
    let end = span.end.min(bytes.len());
    let mut i = span.start;
    let mut sentence_start = true;
    let push_break = |items: &mut Vec<Item>, at: usize| {
        if items.last().is_some_and(|l| !l.span.is_empty()) {
            items.push(Item {
                unit: Unit::Conn,
                span: Span::new(at, at),
                initial: false,
            });
        }
    };
    while i < end {
        let b = bytes[i];
        // No name is open: skip plain text up to the next capital, non-ASCII
        // character or sentence end in a tight loop.
        if !INTERESTING[b as usize] && items.last().is_none_or(|l| l.span.is_empty()) {
            let mut words = false;
            while i < end && !INTERESTING[bytes[i] as usize] {
                words |= bytes[i].is_ascii_alphanumeric();
                i += 1;
            }
            if words {
                sentence_start = false;
            }
            continue;
        }
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            let start = i;
            while i < end && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i < end && (bytes[i] >= 0x80 || matches!(bytes[i], b'-' | b'\'')) {
                i = read_word(text, start).max(i).min(end);
            }
            let w = &text[start..i];
            if w.len() <= 4 && CONNECTORS.contains(&w) {
                items.push(Item {
                    unit: Unit::Conn,
                    span: Span::new(start, i),
                    initial: false,
                });
            } else {
                push_break(items, start);
            }
            sentence_start = false;
            continue;
        }
        if b.is_ascii_uppercase() || b >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if !is_word_char(c) {
                if matches!(c, '\u{2014}' | '\u{2026}') {
                    sentence_start = true;
                } else if !matches!(c, '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{a0}') {
                    sentence_start = false;
                }
                push_break(items, i);
                i += c.len_utf8();
                continue;
            }
            // A gazetteer entry starting here (longest), ending at a word boundary.
            if c.is_uppercase() && gaz.firsts.contains(&text[i..word_chars_end(text, i)]) {
                let input = aho_corasick::Input::new(text)
                    .range(i..end)
                    .anchored(aho_corasick::Anchored::Yes);
                if let Ok(Some(m)) = gaz.ac.try_find(input)
                    && text[m.end()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !is_word_char(c))
                {
                    items.push(Item {
                        unit: Unit::Gaz(gaz.kinds[m.pattern().as_usize()]),
                        span: Span::new(m.start(), m.end()),
                        initial: sentence_start,
                    });
                    sentence_start = false;
                    i = m.end();
                    continue;
                }
            }
            let we = read_word(text, i).max(i + c.len_utf8()).min(end);
            let w = &text[i..we];
            if capitalised(w) && !STOP_SET.contains(w.trim_end_matches('.')) {
                items.push(Item {
                    unit: Unit::Cap,
                    span: Span::new(i, we),
                    initial: sentence_start,
                });
            } else {
                push_break(items, i);
            }
            sentence_start = false;
            i = we;
            continue;
        }
        match b {
            b'.' | b'!' | b'?' | b':' | b';' | b'\n' => sentence_start = true,
            b' ' | b'\t' | b'"' | b'\'' | b'(' | b'[' => {}
            _ => sentence_start = false,
        }
        if !matches!(b, b' ' | b'\t' | b'\n') {
            push_break(items, i);
        }
        i += 1;
    }
}

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
fn classify_run(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::segment::segment;
    use crate::annotate::{Options, annotate};

    fn ents(text: &str, speakers: &[Speaker]) -> Vec<(String, EntityKind, Option<SpeakerId>)> {
        let s = segment(text);
        find_entities(text, &s, speakers)
            .into_iter()
            .map(|a| match a.body {
                AnnotationBody::Entity(e) => (a.span.slice(text).to_string(), e.kind, e.speaker),
                _ => unreachable!(),
            })
            .collect()
    }

    fn has(v: &[(String, EntityKind, Option<SpeakerId>)], name: &str, kind: EntityKind) -> bool {
        v.iter().any(|(n, k, _)| n == name && *k == kind)
    }

    fn speaker(id: u32, name: &str, aliases: &[&str]) -> Speaker {
        Speaker {
            id: SpeakerId(id),
            name: name.into(),
            role: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: SpeakerKind::Person,
        }
    }

    #[test]
    fn titles_make_people() {
        let text = "Talks resumed when Freedonian President Amos Quill met Ambassador Lena Varga \
                    and Mr. Tobolsk in Vienna. Later Quill thanked the Ministry of Foreign Affairs \
                    and the Foreign Ministry for help.";
        let e = ents(text, &[]);
        assert!(has(&e, "Amos Quill", EntityKind::Person), "{e:?}");
        assert!(has(&e, "Lena Varga", EntityKind::Person), "{e:?}");
        assert!(has(&e, "Tobolsk", EntityKind::Person), "{e:?}");
        assert!(has(&e, "Quill", EntityKind::Person), "{e:?}");
        assert!(has(&e, "Vienna", EntityKind::Place), "{e:?}");
        assert!(
            has(&e, "Ministry of Foreign Affairs", EntityKind::Organisation),
            "{e:?}"
        );
        assert!(
            has(&e, "Foreign Ministry", EntityKind::Organisation),
            "{e:?}"
        );
        assert!(
            !e.iter().any(|(n, _, _)| n == "Talks" || n == "Later"),
            "{e:?}"
        );
    }

    #[test]
    fn sample_names() {
        let text = include_str!("../../../assets/zinoviev-interview.txt");
        let e = ents(text, &[]);
        assert!(has(&e, "Yoon Suk Yeol", EntityKind::Person), "{e:?}");
        assert!(has(&e, "Vladimir Putin", EntityKind::Person), "{e:?}");
        assert!(has(&e, "Georgy Zinoviev", EntityKind::Person), "{e:?}");
        assert!(has(&e, "Zinoviev", EntityKind::Person), "{e:?}");
        assert!(has(&e, "Hyundai Motor", EntityKind::Organisation), "{e:?}");
        assert!(has(&e, "Kyiv", EntityKind::Place), "{e:?}");
        assert!(has(&e, "Korea", EntityKind::Place), "{e:?}");
        for bad in ["Amid", "However", "Despite", "Well", "Last", "In", "He"] {
            assert!(!e.iter().any(|(n, _, _)| n == bad), "{bad} in {e:?}");
        }
    }

    #[test]
    fn people_link_to_speakers() {
        let text = "Ambassador Marta Kolar spoke first. Kolar was brief. Then Oskar Brandt \
                    answered, and Marta Kolar smiled.";
        let speakers = [
            speaker(0, "Marta Kolar", &["the ambassador"]),
            speaker(1, "Oskar Brandt", &[]),
        ];
        let e = ents(text, &speakers);
        let people: Vec<_> = e
            .iter()
            .filter(|(_, k, _)| *k == EntityKind::Person)
            .collect();
        assert_eq!(people.len(), 4, "{e:?}");
        assert!(
            people.iter().all(|(n, _, id)| {
                let want = if n.contains("Kolar") { 0 } else { 1 };
                *id == Some(SpeakerId(want))
            }),
            "{e:?}"
        );
    }

    #[test]
    fn places_orgs_and_no_overlap() {
        let text = "The Korea Times reported that the United Nations and NATO met in \
                    St. Petersburg, and that Russia-Ukraine talks in Kyiv’s suburbs stalled.";
        let e = ents(text, &[]);
        assert!(has(&e, "Korea Times", EntityKind::Organisation), "{e:?}");
        assert!(has(&e, "United Nations", EntityKind::Organisation), "{e:?}");
        assert!(has(&e, "NATO", EntityKind::Organisation), "{e:?}");
        assert!(has(&e, "St. Petersburg", EntityKind::Place), "{e:?}");
        assert!(has(&e, "Russia", EntityKind::Place), "{e:?}");
        assert!(has(&e, "Ukraine", EntityKind::Place), "{e:?}");
        assert!(has(&e, "Kyiv", EntityKind::Place), "{e:?}");
        let s = segment(text);
        let anns = find_entities(text, &s, &[]);
        for w in anns.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "overlap: {anns:?}");
        }
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let e = ents(
            "Yesterday it rained. Nobody came. Markets fell. Every Tuesday the Council met.",
            &[],
        );
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn odd_text_is_safe() {
        for text in [
            "",
            "Mr.",
            "President",
            "Ministry of",
            "\u{201c}Ambassador\u{201d} \u{301}X",
            "O'\u{2019}- J. K. e\u{301}Z Moscow\u{2019}s",
            "漢字 Seoul 漢字 Mr. 金",
        ] {
            let s = segment(text);
            let anns = find_entities(text, &s, &[]);
            for a in &anns {
                assert!(a.span.is_valid_in(text));
            }
            annotate(text, &Options::default()).validate().unwrap();
        }
    }
}
