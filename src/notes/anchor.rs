//! Anchors that survive edits of the text: a quote selector (the exact
//! words and the rest of their sentence on either side) with a position
//! selector (code points), and the re-anchoring that finds them again.
//!
//! Re-anchoring goes in a fixed order and stops at the first step that
//! answers: the stored position if the text there still equals the quote
//! (and its context agrees: a repeat of the words shifted there is not it);
//! else the one exact match whose context agrees; else an approximate match
//! (edit distance), first in the paragraph where the note was and then in
//! the whole document, accepted only above [`FLOOR`] and when clearly
//! better ([`MARGIN`]) than the runner-up; else the note is an orphan. A
//! note is never moved to a look-alike passage: the context has to agree.

use serde::{Deserialize, Serialize};

use crate::model::Span;

/// The most characters of the sentence kept on each side of the quote.
pub const CONTEXT_CHARS: usize = 64;

/// The fewest characters kept on each side (where the text has them), the
/// sentence's end crossed if need be: a quote that is a whole sentence
/// still has context.
pub const MIN_CONTEXT: usize = 24;

/// The lowest similarity (1 − edit distance / length) an approximate match
/// may have, for the quote and for its context.
pub const FLOOR: f64 = 0.75;

/// How much better than the runner-up an approximate match must be.
pub const MARGIN: f64 = 0.1;

/// The longest quote searched approximately, in characters: longer ones
/// are found by position or exact match only.
const MAX_APPROX_QUOTE: usize = 400;

/// The most cells of the edit-distance table one approximate search fills.
const MAX_APPROX_WORK: usize = 40_000_000;

/// Where a note points: the exact words, their context, and where they were.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selector {
    /// The annotated words (a W3C `TextQuoteSelector`'s `exact`).
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters of the sentence before them.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters of the sentence after them.
    #[serde(default)]
    pub suffix: String,
    /// First code point (a W3C `TextPositionSelector`'s `start`).
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// How a selector was found in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Found {
    /// At its stored position.
    Position,
    /// Its one exact match with agreeing context.
    Exact,
    /// An approximate match of this similarity (the words changed).
    Approximate(f64),
}

/// A document's text prepared for anchoring: its characters and their byte
/// offsets, made once for many selectors.
pub struct Text<'a> {
    text: &'a str,
    chars: Vec<char>,
    /// `bytes[i]` is the byte offset of character `i`; one more at the end.
    bytes: Vec<usize>,
}

impl<'a> Text<'a> {
    /// Prepare `text`.
    pub fn new(text: &'a str) -> Self {
        let mut chars = Vec::with_capacity(text.len());
        let mut bytes = Vec::with_capacity(text.len() + 1);
        for (b, c) in text.char_indices() {
            chars.push(c);
            bytes.push(b);
        }
        bytes.push(text.len());
        Text { text, chars, bytes }
    }

    /// The text.
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// The code-point offset of byte offset `b` (rounded down to a character).
    pub fn char_at(&self, b: usize) -> usize {
        self.bytes.partition_point(|&x| x <= b).saturating_sub(1)
    }

    /// The byte span of code points `start..end` (clamped to the text).
    pub fn byte_span(&self, start: usize, end: usize) -> Span {
        let n = self.chars.len();
        Span::new(self.bytes[start.min(n)], self.bytes[end.min(n)])
    }

    fn string(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    /// A selector for the byte span `span`, with the rest of its sentence
    /// (at most [`CONTEXT_CHARS`] characters each side, at least
    /// [`MIN_CONTEXT`]) as context.
    pub fn selector(&self, span: Span) -> Selector {
        let (start, end) = (self.char_at(span.start), self.char_at(span.end));
        let end = end.max(start);
        let lo = sentence_start(&self.chars, start)
            .max(start.saturating_sub(CONTEXT_CHARS))
            .min(start.saturating_sub(MIN_CONTEXT));
        let hi = sentence_end(&self.chars, end)
            .min(end + CONTEXT_CHARS)
            .max((end + MIN_CONTEXT).min(self.chars.len()));
        Selector {
            exact: self.string(start, end),
            prefix: self.string(lo, start),
            suffix: self.string(end, hi),
            start,
            end,
        }
    }

    /// Find `sel` in this text, or `None`: the note is an orphan.
    pub fn find(&self, sel: &Selector) -> Option<(Span, Found)> {
        let exact: Vec<char> = sel.exact.chars().collect();
        if exact.is_empty() {
            return None;
        }
        if sel.end <= self.chars.len()
            && sel.end.checked_sub(sel.start) == Some(exact.len())
            && self.chars[sel.start..sel.end] == exact[..]
            && self.context(sel, sel.start, sel.end) >= FLOOR
        {
            return Some((self.byte_span(sel.start, sel.end), Found::Position));
        }
        if let Some(at) = self.exact_match(sel, &exact) {
            return Some((self.byte_span(at, at + exact.len()), Found::Exact));
        }
        self.approximate(sel, &exact)
    }

    /// The one exact occurrence whose context agrees.
    fn exact_match(&self, sel: &Selector, exact: &[char]) -> Option<usize> {
        let mut agreeing = occurrences(self.text, &sel.exact)
            .map(|b| self.char_at(b))
            .filter(|&at| self.context(sel, at, at + exact.len()) >= FLOOR);
        let first = agreeing.next()?;
        agreeing.next().is_none().then_some(first)
    }

    /// How well the text around `start..end` agrees with the selector's
    /// prefix and suffix (1 when there is no context to compare).
    fn context(&self, sel: &Selector, start: usize, end: usize) -> f64 {
        let prefix: Vec<char> = sel.prefix.chars().collect();
        let suffix: Vec<char> = sel.suffix.chars().collect();
        let total = prefix.len() + suffix.len();
        if total == 0 {
            return 1.0;
        }
        let before = &self.chars[start.saturating_sub(prefix.len())..start];
        let after = &self.chars[end..(end + suffix.len()).min(self.chars.len())];
        let p = similarity(&prefix, before) * prefix.len() as f64;
        let s = similarity(&suffix, after) * suffix.len() as f64;
        (p + s) / total as f64
    }

    /// An approximate match: in the paragraph at the old position first,
    /// then anywhere. The context must agree as well: the same words in
    /// another context are a look-alike, not the note's place.
    fn approximate(&self, sel: &Selector, exact: &[char]) -> Option<(Span, Found)> {
        if exact.len() > MAX_APPROX_QUOTE {
            return None;
        }
        let at = sel.start.min(self.chars.len());
        let (lo, hi) = paragraph(&self.chars, at);
        if let Some(found) = self.best_in(sel, exact, lo, hi) {
            return Some(found);
        }
        self.best_in(sel, exact, 0, self.chars.len())
    }

    /// The best approximate match in `lo..hi`, when it passes the floor and
    /// beats the runner-up by the margin.
    fn best_in(
        &self,
        sel: &Selector,
        exact: &[char],
        lo: usize,
        hi: usize,
    ) -> Option<(Span, Found)> {
        if (hi - lo).saturating_mul(exact.len()) > MAX_APPROX_WORK {
            return None;
        }
        let cands = candidates(
            exact,
            &self.chars[lo..hi],
            lo == 0 || !self.chars[lo - 1].is_alphanumeric(),
        );
        let mut scored: Vec<(f64, f64, usize, usize)> = cands
            .into_iter()
            .map(|(s, e, d)| {
                let (s, e) = (s + lo, e + lo);
                let sim = 1.0 - d as f64 / exact.len().max(e - s) as f64;
                let ctx = self.context(sel, s, e);
                ((sim + ctx) / 2.0, sim, s, e)
            })
            .filter(|c| c.1 >= FLOOR && self.context(sel, c.2, c.3) >= FLOOR)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let best = *scored.first()?;
        if let Some(second) = scored.get(1)
            && best.0 - second.0 < MARGIN
        {
            return None;
        }
        Some((self.byte_span(best.2, best.3), Found::Approximate(best.1)))
    }
}

/// The start of the sentence holding character `at`: after the last
/// sentence end (`.`, `!`, `?` then white space) or line break before it.
fn sentence_start(chars: &[char], at: usize) -> usize {
    let mut i = at.min(chars.len());
    while i > 0 {
        let c = chars[i - 1];
        if c == '\n' {
            return i;
        }
        if c.is_whitespace() && i >= 2 && matches!(chars[i - 2], '.' | '!' | '?') {
            return i;
        }
        i -= 1;
    }
    0
}

/// The end of the sentence holding the character before `at`: after its
/// end mark, or at a line break.
fn sentence_end(chars: &[char], at: usize) -> usize {
    let mut i = at.min(chars.len());
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            return i;
        }
        if matches!(c, '.' | '!' | '?') && chars.get(i + 1).is_none_or(|n| n.is_whitespace()) {
            return i + 1;
        }
        i += 1;
    }
    chars.len()
}

/// The paragraph (between blank lines) holding character `at`.
fn paragraph(chars: &[char], at: usize) -> (usize, usize) {
    let blank = |i: usize| chars[i] == '\n' && chars.get(i + 1) == Some(&'\n');
    let mut lo = at.min(chars.len());
    while lo > 0 && !(lo >= 2 && blank(lo - 2)) {
        lo -= 1;
    }
    let mut hi = at.min(chars.len());
    while hi < chars.len() && !blank(hi) {
        hi += 1;
    }
    (lo, hi)
}

/// Byte offsets of every occurrence of `pat` in `text`, overlapping ones too.
fn occurrences<'t>(text: &'t str, pat: &'t str) -> impl Iterator<Item = usize> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + text.get(from..)?.find(pat)?;
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
        Some(at)
    })
}

/// 1 − edit distance / the longer length (1 for two empty strings).
pub fn similarity(a: &[char], b: &[char]) -> f64 {
    let n = a.len().max(b.len());
    if n == 0 {
        return 1.0;
    }
    1.0 - levenshtein(a, b) as f64 / n as f64
}

/// The edit distance (insertions, deletions, substitutions) of `a` and `b`.
pub fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != cb)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// Places in `text` where `pat` matches with at most `(1 − FLOOR)·len`
/// edits, as `(start, end, distance)`, best first and not overlapping
/// (Sellers' algorithm, each cell carrying where its match started).
///
/// A match that starts or ends inside a word where the pattern does not
/// counts one edit more per cut, so that "most u" does not beat
/// "most useful". `open_start`: the text before `text` ends a word.
fn candidates(pat: &[char], text: &[char], open_start: bool) -> Vec<(usize, usize, usize)> {
    let m = pat.len();
    let limit = ((1.0 - FLOOR) * m as f64).floor() as usize;
    // col[i] = (distance, start) for pat[..i] ending at the current text position.
    let mut col: Vec<(usize, usize)> = (0..=m).map(|i| (i, 0)).collect();
    let mut ends = Vec::new();
    for (j, &c) in text.iter().enumerate() {
        let mut diag = (0, j);
        col[0] = (0, j + 1);
        for i in 1..=m {
            let up = col[i];
            let sub = (diag.0 + usize::from(pat[i - 1] != c), diag.1);
            let del = (up.0 + 1, up.1);
            let ins = (col[i - 1].0 + 1, col[i - 1].1);
            col[i] = sub.min(del).min(ins);
            diag = up;
        }
        if col[m].0 <= limit {
            ends.push((col[m].1, j + 1, col[m].0));
        }
    }
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    let cut = |s: usize, e: usize| {
        let starts_cut = s > 0 && word(text.get(s)) && word(text.get(s - 1));
        let starts_cut = starts_cut || (s == 0 && !open_start && word(text.first()));
        let ends_cut = e > 0 && word(text.get(e - 1)) && word(text.get(e));
        usize::from(starts_cut) + usize::from(ends_cut)
    };
    let mut ends: Vec<(usize, usize, usize)> = ends
        .into_iter()
        .map(|(s, e, d)| (s, e, d + cut(s, e)))
        .filter(|c| c.2 <= limit)
        .collect();
    ends.sort_by_key(|&(s, e, d)| (d, (e - s).abs_diff(m), s));
    let mut picked: Vec<(usize, usize, usize)> = Vec::new();
    for c in ends {
        if picked.iter().all(|p| c.1 <= p.0 || p.1 <= c.0) {
            picked.push(c);
        }
    }
    picked
}

#[cfg(test)]
mod tests;
