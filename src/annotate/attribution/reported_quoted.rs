//! Reported clauses that hold quoted words.
//!
//! Journalists often quote a few of a speaker's words inside their own
//! report of what was said: `she said the plan “has failed the valley”`,
//! `he called the plan “a betrayal”`, `Roe said “it makes me angry” every
//! time`. What was said is the whole clause, with the quoted words part of
//! it (PolNeAR marks the clause as the attribution's content), so the
//! reported-speech stage finds such a clause too, from its reporting verb to
//! the clause end, and the fragment's words count among the clause's. A
//! quotation that is a full direct quote is never part of a reported clause.

use super::Attributor;
use super::tokens::{Tok, TokKind, is_cap};
use crate::annotate::quotes::{RawQuote, word_count};
use crate::model::QuoteKind;

/// Words that cannot stand in the object before a quoted complement: they
/// open another clause or phrase ("called for", "called on X to …").
const NOT_OBJECT: &[&str] = &[
    "that", "which", "who", "whom", "to", "for", "on", "off", "out", "up", "when", "if", "because",
    "and", "but", "while", "after", "before", "into",
];

/// The subject pronoun of a contraction ("he’s" → "he", "they're" →
/// "they"); any other word as it is.
pub(super) fn subject_of_contraction(lw: &str) -> &str {
    for tail in [
        "’s", "'s", "’re", "'re", "’ll", "'ll", "’d", "'d", "’m", "'m", "’ve", "'ve",
    ] {
        if let Some(head) = lw.strip_suffix(tail) {
            return head;
        }
    }
    lw
}

impl<'t> Attributor<'t> {
    /// The number of words of the quoted fragment at token `k` (a quotation
    /// that is no full direct quote), 0 when `k` is no such fragment.
    pub(super) fn fragment_words(&self, toks: &[Tok], quotes: &[&RawQuote], k: usize) -> usize {
        match toks.get(k).map(|t| t.k) {
            Some(TokKind::Quote(q)) => quotes
                .get(q)
                .filter(|q| q.kind != QuoteKind::Direct)
                .map_or(0, |q| word_count(q.inner.slice(self.text)).max(1)),
            _ => 0,
        }
    }

    /// A bare clause that opens with the fragment at `j` and runs on after
    /// it in the sentence ending at `se` (`said “it makes me angry” every
    /// time …`): its first token. A fragment alone is the quote, no clause.
    pub(super) fn fragment_clause(
        &self,
        toks: &[Tok],
        quotes: &[&RawQuote],
        j: usize,
        se: usize,
    ) -> Option<usize> {
        // A fragment that closes on a comma or stop inside its marks ends
        // its own clause (`cautioned “not so fast,” before …`).
        let TokKind::Quote(q) = toks.get(j)?.k else {
            return None;
        };
        let closes = quotes
            .get(q)
            .is_some_and(|q| q.inner.slice(self.text).ends_with([',', '.', '!', '?']));
        (self.fragment_words(toks, quotes, j) > 0
            && !closes
            && j + 1 < se
            && toks[j + 1].k == TokKind::Word
            && !is_cap(self.w(&toks[j + 1])))
        .then_some(j)
    }

    /// The object and quoted complement after the verb at `v`, in a
    /// sentence ending at `se`: `called the plan “a disaster”`, `described
    /// it as “…”`, `referred to Roe as “…”`, `stressed the “bright” future`.
    /// The content starts at the object (after a `to`); the fragment must
    /// follow within a few words of it, or the clause must run on after it.
    pub(super) fn quoted_complement(
        &self,
        toks: &[Tok],
        quotes: &[&RawQuote],
        v: usize,
        se: usize,
    ) -> Option<usize> {
        let mut a = v + 1;
        if self.w(&toks[v]).starts_with("refer") && self.is_word(toks, a, "to") {
            a += 1;
        }
        let mut q = None;
        for k in a..(a + 7).min(se) {
            match toks[k].k {
                TokKind::Quote(_) => {
                    q = (self.fragment_words(toks, quotes, k) > 0).then_some(k);
                    break;
                }
                TokKind::Word if !self.is_word_any(toks, k, NOT_OBJECT) => {}
                TokKind::Punct('’' | '\'') => {}
                _ => return None,
            }
        }
        let q = q?;
        // A fragment right after the verb is the quote itself, unless its
        // clause runs on ("called “reckless” the decision to …" is rare).
        if q == a && self.fragment_clause(toks, quotes, q, se).is_none() {
            return None;
        }
        Some(a)
    }
}
