//! Titles of works: a quoted title of a book, programme or anthem is nobody's
//! words, however close a speech verb stands.

use super::words::in_list;
use crate::annotate::lexicon::word_list;
use crate::annotate::quotes::RawQuote;

word_list!(
    /// Nouns for works with titles: `his book “…”`, `the anthem “…”`.
    WORK_NOUNS = "work-nouns.txt"
);
/// Small words a title leaves in lower case ("Contract with America").
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "with", "in", "on", "at", "to", "for", "by",
    "from", "as", "into", "vs", "v",
];

/// The number of words when they are at most `max` and written in title case:
/// the first capitalised, every other word capitalised or a small word ("Make
/// Your Kid a Millionaire"). Stops at the first word that does not fit.
fn title_case_word_count(words: &str, max: usize) -> Option<usize> {
    let mut seen = false;
    let mut n = 0;
    for w in words.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(c) = w.chars().next() else { continue };
        let small = n > 0 && TITLE_SMALL.iter().any(|s| w.eq_ignore_ascii_case(s));
        n += 1;
        if n > max || !(c.is_uppercase() || c.is_ascii_digit() || small) {
            return None;
        }
        seen |= c.is_uppercase();
    }
    seen.then_some(n)
}

/// Whether a quoted phrase is the title of a work or programme rather than
/// anyone's words. Journalists set titles in quotes and in title case right
/// after the owner's possessive (`on CNN's “Attributor of the Union”`), a work noun
/// (`his book, “Make Your Kid a Millionaire,”`), a year (`his 1994 “Contract
/// with America”`), or "on" for a broadcast (`said on “Meet the Press”`).
pub(super) fn names_a_work(text: &str, para_start: usize, q: &RawQuote) -> bool {
    let inner = q.inner.slice(text).trim_end_matches(['.', ',', ';', ':']);
    let Some(words) = title_case_word_count(inner, 10) else {
        return false;
    };
    let before = text[para_start..q.outer.start].trim_end();
    let (before, comma) = match before.strip_suffix(',') {
        Some(b) => (b, true),
        None => (before, false),
    };
    let prev = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    if in_list(&WORK_NOUNS, prev) {
        return true;
    }
    if comma {
        return false;
    }
    let possessive = prev.chars().next().is_some_and(char::is_uppercase)
        && (prev.ends_with("'s") || prev.ends_with("’s"));
    let year = prev.len() == 4 && prev.bytes().all(|b| b.is_ascii_digit());
    possessive || year || (prev == "on" && words >= 2)
}
