//! The gazetteer: places, organisations, titles, country adjectives and given
//! names from `assets/gazetteer/` and the shared lists of `assets/lexicon/`
//! (the entries tagged `entities`), matched case-sensitively where a word starts.
//!
//! Built once into one aho-corasick automaton; the scan asks it only where a
//! capitalised word starts that opens some entry.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::annotate::FastSet;
use crate::annotate::is_word_char;
use crate::annotate::lexicon::{
    GIVEN_NAMES, MODIFIERS, ORGANISATIONS, PLACES, TITLES, parse_list, tagged_entries,
};
use crate::model::Span;

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gaz {
    Title,
    Org,
    Place,
    Modifier,
    Given,
}

/// The gazetteer's entries, ready to be matched at a position.
pub(super) struct Gazetteer {
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
    let lists: [(Vec<&'static str>, Gaz); 5] = [
        (tagged_entries(TITLES, "entities").collect(), Gaz::Title),
        (parse_list(ORGANISATIONS).collect(), Gaz::Org),
        (tagged_entries(PLACES, "entities").collect(), Gaz::Place),
        (parse_list(MODIFIERS).collect(), Gaz::Modifier),
        (
            tagged_entries(GIVEN_NAMES, "entities").collect(),
            Gaz::Given,
        ),
    ];
    for (list, kind) in lists {
        for e in list {
            if seen.insert(e) {
                pats.push(e);
                kinds.push(kind);
            }
        }
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        // A contiguous NFA, not a DFA: the scan asks it only where a
        // capitalised word opens an entry (a few per cent of the words), and
        // building the DFA cost more (17 M instructions a process) than
        // all those anchored walks save.
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .start_kind(aho_corasick::StartKind::Anchored)
        // Anchored searches never use a prefilter: do not build one.
        .prefilter(false)
        .build(&pats)
        .ok()?;
    let firsts = pats
        .iter()
        .map(|p| &p[..word_chars_end(p, 0)])
        .filter(|w| !w.is_empty())
        .collect();
    Some(Gazetteer { ac, kinds, firsts })
});

/// The gazetteer, built on first use (`None` if the automaton cannot be built).
pub(super) fn gazetteer() -> Option<&'static Gazetteer> {
    GAZETTEER.as_ref()
}

impl Gazetteer {
    /// The longest entry that starts at `i` (the start of a word) and ends
    /// within `end` at a word boundary, with what it is.
    pub(super) fn entry_at(&self, text: &str, i: usize, end: usize) -> Option<(Gaz, Span)> {
        if !self.firsts.contains(&text[i..word_chars_end(text, i)]) {
            return None;
        }
        let input = aho_corasick::Input::new(text)
            .range(i..end)
            .anchored(aho_corasick::Anchored::Yes);
        match self.ac.try_find(input) {
            Ok(Some(m))
                if text[m.end()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c)) =>
            {
                Some((
                    self.kinds[m.pattern().as_usize()],
                    Span::new(m.start(), m.end()),
                ))
            }
            _ => None,
        }
    }
}

/// The end of the letters and digits that start at `i` (no hyphens, no stops).
fn word_chars_end(text: &str, i: usize) -> usize {
    // Fast path: ASCII letters and digits up to an ASCII byte that ends them.
    let bytes = text.as_bytes();
    let run = crate::annotate::ascii_alnum_end(bytes, i);
    if bytes.get(run).is_none_or(|&b| b < 0x80) {
        return run;
    }
    let mut e = run;
    for (o, c) in text[run..].char_indices() {
        if !is_word_char(c) {
            return run + o;
        }
        e = run + o + c.len_utf8();
    }
    e
}
