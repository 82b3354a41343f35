//! The word lists and lexicons attribution looks words up in, parsed once:
//! the lexicon files of `assets/lexicon/` and the short lists kept here, each
//! also as a hash set for the hot lookups.

use super::names::Gender;
use super::tokens::lower;
use crate::annotate::lexicon::{
    GIVEN_NAMES_LOWER, PLACES_LOWER, TITLES, TITLES_LOWER, parse_list, tagged_entries,
    tagged_fields, word_list,
};
use crate::annotate::{FastMap, FastSet};
use std::sync::LazyLock;

/// The lexicons attribution needs, parsed once.
pub(super) struct Lexicon {
    /// Speech verbs that attribute a quote ("said", "told").
    pub(super) verbs: FastSet<&'static str>,
    /// Speech verbs that name a quoted term: they attribute only a quote right after them.
    pub(super) weak: FastSet<&'static str>,
    /// Verbs that take the quoted words as their object ("attacked “the plan”").
    pub(super) object: FastSet<&'static str>,
    /// Pronouns that can stand for a speaker, with their gender.
    pub(super) pronouns: FastMap<&'static str, Gender>,
    /// Title and role words that come before a name, with the gender they imply.
    pub(super) titles: FastMap<&'static str, Gender>,
    /// Role nouns that refer back to a person ("the ambassador"), with their gender.
    pub(super) roles: FastMap<&'static str, Gender>,
    /// Words that make a name or noun phrase an organisation ("ministry").
    pub(super) orgs: FastSet<&'static str>,
    /// Places that speak for their governments, and adjectives of nationality.
    pub(super) places: FastSet<&'static str>,
    /// Given names with the gender they usually imply.
    pub(super) first: FastMap<&'static str, Gender>,
}

/// A list of words, each optionally followed by a gender tag (`m`, `f`, `p`).
fn tagged(src: &'static str) -> FastMap<&'static str, Gender> {
    parse_list(src)
        .map(|l| {
            let mut it = l.split_whitespace();
            let w = it.next().unwrap_or("");
            (w, Gender::from_tag(it.next()))
        })
        .collect()
}

/// The entries of a shared list tagged `attribution`, with their gender field.
fn gendered(src: &'static str) -> FastMap<&'static str, Gender> {
    tagged_fields(src, "attribution")
        .map(|(w, g)| (w, Gender::from_tag(Some(g))))
        .collect()
}

/// The lexicons, parsed on first use.
pub(super) static LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    verbs: parse_list(include_str!("../../../assets/lexicon/speech-verbs.txt")).collect(),
    weak: parse_list(include_str!("../../../assets/lexicon/weak-verbs.txt")).collect(),
    object: parse_list(include_str!("../../../assets/lexicon/object-verbs.txt")).collect(),
    pronouns: tagged(include_str!("../../../assets/lexicon/pronouns.txt")),
    titles: gendered(&TITLES_LOWER),
    roles: tagged(include_str!("../../../assets/lexicon/role-nouns.txt")),
    orgs: parse_list(include_str!(
        "../../../assets/lexicon/organisation-words.txt"
    ))
    .collect(),
    places: tagged_entries(&PLACES_LOWER, "attribution").collect(),
    first: gendered(&GIVEN_NAMES_LOWER),
});

word_list!(
    /// Abbreviations whose period does not end a sentence.
    ABBREV = "abbreviations.txt"
);
/// Abbreviated titles that come before a name with a period ("Mr. Obama").
static TITLE_ABBREV: LazyLock<Vec<&str>> =
    LazyLock::new(|| tagged_entries(TITLES, "abbreviation").collect());
word_list!(
    /// Small words that may join the capitalised words of one name or title.
    CONNECTORS = "name-connectors.txt", tag = "attribution"
);
word_list!(
    /// Capitalised words at the start of a run that are not part of a name.
    STOP_CAPS = "attribution-stop-caps.txt"
);
word_list!(
    /// Words that may sit between a subject and its verb ("he also said").
    AUX = "auxiliaries.txt"
);
/// Determiners that open a role noun phrase.
pub(super) const DETS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "one", "another", "my", "your", "this",
    "these",
];

/// Prepositions whose object is never the subject of a speech verb.
pub(super) const PREPS: &[&str] = &[
    "through", "in", "on", "at", "into", "onto", "across", "around", "over", "under", "near",
    "toward", "towards", "about", "against", "between", "among", "behind", "beyond", "by",
];
/// Nouns of time that never speak ("the day").
const TIME_NOUNS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "time",
    "night",
    "morning",
    "evening",
    "afternoon",
    "weekend",
    "moment",
    "hour",
    "minute",
    "decade",
    "season",
    "way",
    "end",
    "start",
    "case",
    "point",
];
word_list!(
    /// Prepositions that end a noun phrase after a verb ("said Smith in an interview").
    NP_STOP = "noun-phrase-stops.txt"
);

/// Whether `w` is in `list`, ignoring ASCII case.
pub(super) fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// A word list looked up by hash, ignoring ASCII case (as [`in_list`] does).
pub(super) struct WordSet {
    set: FastSet<String>,
    longest: usize,
    /// For each ASCII first byte (lower-cased), a bit for each length (up
    /// to 63) of the words that start with it: most words asked about are
    /// told apart by these two without hashing.
    shapes: [u64; 128],
}

/// The bit of [`WordSet::shapes`] for a word of `len` bytes.
fn len_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl WordSet {
    /// The set of the words of `list`.
    fn new(list: &[&str]) -> WordSet {
        let set: FastSet<String> = list.iter().map(|w| w.to_ascii_lowercase()).collect();
        let mut shapes = [0u64; 128];
        for w in &set {
            match w.as_bytes().first() {
                Some(&b) if b.is_ascii() => shapes[usize::from(b)] |= len_bit(w.len()),
                // A word that starts with a non-ASCII byte (or the empty
                // word) is always looked up.
                _ => shapes.iter_mut().for_each(|s| *s = u64::MAX),
            }
        }
        WordSet {
            set,
            longest: list.iter().map(|w| w.len()).max().unwrap_or(0),
            shapes,
        }
    }

    /// Whether `w` is in the set, ignoring ASCII case.
    pub(super) fn has(&self, w: &str) -> bool {
        if w.len() > self.longest {
            return false;
        }
        if let Some(&b) = w.as_bytes().first()
            && b.is_ascii()
            && self.shapes[usize::from(b.to_ascii_lowercase())] & len_bit(w.len()) == 0
        {
            return false;
        }
        if w.is_ascii() {
            self.set.contains(&*lower(w))
        } else {
            // ASCII folding only, as `in_list` compares.
            self.set.contains(&w.to_ascii_lowercase())
        }
    }
}

macro_rules! word_sets {
    ($($set:ident = $list:ident),* $(,)?) => {
        $(pub(super) static $set: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&$list));)*
    };
}

word_sets!(
    ABBREV_SET = ABBREV,
    TITLE_ABBREV_SET = TITLE_ABBREV,
    CONNECTORS_SET = CONNECTORS,
    STOP_CAPS_SET = STOP_CAPS,
    AUX_SET = AUX,
    DETS_SET = DETS,
    TIME_NOUNS_SET = TIME_NOUNS,
    NP_STOP_SET = NP_STOP,
);

/// For each first byte, a bit for each word length (lengths of 63 bytes or
/// more share the last bit): a filter with no false negatives before a hash
/// lookup.
pub(super) struct Shapes([u64; 256]);

impl Shapes {
    pub(super) fn new<'a>(words: impl Iterator<Item = &'a str>) -> Shapes {
        let mut s = [0u64; 256];
        for w in words {
            match w.as_bytes().first() {
                Some(&b) => s[usize::from(b)] |= 1 << w.len().min(63),
                // The empty word: let every word through.
                None => s = [u64::MAX; 256],
            }
        }
        Shapes(s)
    }

    /// Whether `w` may be one of the words (false: it is none of them).
    pub(super) fn may_hold(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_none_or(|&b| self.0[usize::from(b)] & (1 << w.len().min(63)) != 0)
    }
}
