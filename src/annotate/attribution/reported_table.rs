//! Reported speech joins the one speaker table without changing it.
//!
//! Who said a direct quote must not depend on whether reported speech is
//! found: a reported cue resolved in the same scan would move pronouns and
//! role nouns ("he", "the minister") to other people and re-key speakers.
//! So reported speech is found by a second scan of its own (the same
//! discourse rules, a fresh state), and its speakers are then looked up in the
//! table of the first scan by name or alias: a speaker already there is
//! reused as it is, a new one is added at the end only when it is a name
//! (never a pronoun, a number word, a lower-case noun or a heading-like pair
//! of capitalised common words), and nothing already in the table changes.

use super::tokens::{is_cap, lower};
use super::words::{CONNECTORS_SET, LEX, STOP_CAPS_SET, in_list};
use super::{Attributed, TurnSpeakers, first_person};
use crate::annotate::{FastMap, FastSet};
use crate::model::{QuoteKind, Speaker, SpeakerId, SpeakerKind};

/// Add the reported speech of `shadow` (from the reported scan of [`super::attribute_both`]) to `out`,
/// whose direct quotes and speakers are final.
pub(super) fn add_reported(mut shadow: Attributed, text: &str, out: &mut Attributed) {
    out.direct_speakers = out.speakers.len();
    let mut ids: FastMap<u32, Option<SpeakerId>> = FastMap::default();
    let lower_words = LowerWords::new(text);
    let turns = TurnSpeakers::new(out);
    for (span, mut q) in shadow.quotes.drain(..) {
        if q.kind != QuoteKind::Reported {
            continue;
        }
        q.speaker = q.speaker.and_then(|s| {
            *ids.entry(s.0)
                .or_insert_with(|| adopt(&lower_words, &shadow.speakers[s.index()], out))
        });
        if q.speaker.is_none() && q.mention.is_some_and(|m| first_person(text, m)) {
            q.speaker = turns.at(span.start);
        }
        out.quotes.push((span, q));
    }
}

/// The id in `out` of the second scan's speaker `s`: the speaker of `out`
/// with its name or one of its aliases, else a new one when `s` is a name.
fn adopt(text: &LowerWords<'_>, s: &Speaker, out: &mut Attributed) -> Option<SpeakerId> {
    if let Some(id) = std::iter::once(&s.name)
        .chain(&s.aliases)
        .find_map(|n| out.find(n))
    {
        return Some(id);
    }
    is_name(text, s).then(|| out.push_new(s.clone()))
}

/// Whether a speaker found only by reported speech may enter the table.
///
/// A name, not a description: not a bare role phrase ("Analysts", "President
/// of France"), every word capitalised (`of`, `for`, `and`, `the` aside), no
/// number word or digit. A person of several words has a title, a known
/// given name, or no word that the text also uses in lower case ("Jill
/// Stein", "Lena Marsh", not "Presidential Debates"); a person of one word
/// never occurs in lower case in the text ("Exit", "Research" do) and is no
/// pronoun, place, nationality, party word or plural.
fn is_name(text: &LowerWords<'_>, s: &Speaker) -> bool {
    if !matches!(
        s.kind,
        SpeakerKind::Person | SpeakerKind::Organisation | SpeakerKind::Country
    ) {
        return false;
    }
    // A role phrase stands for its holder only with a name in it ("President
    // Jan Kral of Ruritania"), not alone ("President of France").
    let role_only = s
        .role
        .as_deref()
        .is_some_and(|r| r.eq_ignore_ascii_case(&s.name));
    let named = s
        .name
        .split(' ')
        .filter(|w| is_cap(w) && !LEX.titles.contains_key(lower(w).trim_end_matches('.')))
        .count()
        >= 2;
    if role_only && !named {
        return false;
    }
    let words: Vec<&str> = s.name.split(' ').filter(|w| !w.is_empty()).collect();
    let capitalised =
        |w: &&str| is_cap(w) || CONNECTORS_SET.has(w) || in_list(&["of", "for", "and", "the"], w);
    if words.is_empty()
        || !is_cap(words[0])
        || !words.iter().all(capitalised)
        || words
            .iter()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()) || is_number_word(&lower(w)))
    {
        return false;
    }
    if s.kind != SpeakerKind::Person {
        return true;
    }
    if let [w] = words[..] {
        let l = lower(w);
        let bare = l.trim_end_matches('s');
        return !(LEX.pronouns.contains_key(&*l)
            || STOP_CAPS_SET.has(w)
            || LEX.places.contains(&*l)
            || LEX.places.contains(bare)
            || in_list(PARTY_WORDS, bare)
            // A plural ("Democrats", "Concerns") is a group, not a person.
            || (l.ends_with('s') && w.chars().any(|c| c.is_lowercase()))
            || text.has(&l));
    }
    let titled = s.role.as_deref().is_some_and(|r| {
        r.split(' ')
            .any(|w| LEX.titles.contains_key(lower(w).trim_end_matches('.')))
    });
    titled
        || words.iter().any(|w| LEX.first.contains_key(&*lower(w)))
        || !words.iter().any(|w| text.has(&lower(w)))
}

/// Party words that open a sentence as if they were a name ("Democrats said").
const PARTY_WORDS: &[&str] = &[
    "democrat",
    "democratic",
    "republican",
    "conservative",
    "liberal",
    "progressive",
    "independent",
];

/// The words of a text that occur in lower case, gathered on first use (most
/// documents never need them).
struct LowerWords<'t> {
    text: &'t str,
    words: std::cell::OnceCell<FastSet<&'t str>>,
}

impl<'t> LowerWords<'t> {
    fn new(text: &'t str) -> Self {
        LowerWords {
            text,
            words: std::cell::OnceCell::new(),
        }
    }

    /// Whether the word `l` (lower case) occurs in lower case in the text.
    fn has(&self, l: &str) -> bool {
        self.words
            .get_or_init(|| {
                self.text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
                    .collect()
            })
            .contains(l)
    }
}

/// Whether `w` (lower-cased) is a number word ("two", "third", "dozen").
fn is_number_word(w: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "third",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
    ];
    NUMBERS.contains(&w)
}
