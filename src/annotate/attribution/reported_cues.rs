//! Reported speech: the cue constructions beyond `X said (that) …`.
//!
//! PolNeAR-style attribution is mostly not `X said that …`: verbs whose
//! object is what was said ("criticized the plan", "called for talks",
//! "declined to comment"), a that-clause whose subject the name rules do not
//! find ("after saying in a debate that …"), a question put to someone
//! (`Asked whether …, X said`), a closing cue with an appositive (`…, said X,
//! a biologist at …`). They live here, with the helpers that cut a clause
//! at a listener or at the next cue, so that the main scan in `reported.rs`
//! stays readable; all of them feed the same [`Reported`] statements and
//! speaker resolution.

use std::sync::LazyLock;

use super::Attributor;
use super::noun_phrase::NounPhrase;
use super::reported::{
    CLAUSE_DETS, FINITE, NOT_REPORTED, QUESTION_WORDS, Reported, SUBJECTS, Takes, VERBS,
};
use super::tokens::{Tok, TokKind, is_cap, lower};
use super::words::{AUX_SET, LEX, in_list};
use crate::annotate::FastMap;
use crate::annotate::quotes::{RawQuote, word_count};
use crate::model::Span;

/// Verbs whose object is the content ("criticized the plan", "called for
/// talks"), each with the particles that may follow it ("" when none is
/// needed): `assets/lexicon/reported-object-verbs.txt`.
pub(super) static OBJECT: LazyLock<FastMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| {
        let mut m: FastMap<&'static str, Vec<&'static str>> = FastMap::default();
        for l in crate::annotate::lexicon::parse_list(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/lexicon/reported-object-verbs.txt"
        ))) {
            let mut it = l.split_whitespace();
            let w = it.next().unwrap_or("");
            m.entry(w).or_default().push(it.next().unwrap_or(""));
        }
        m
    });

/// Words that end a subject found word by word, going back from its verb.
const LOOSE_STOPS: &[&str] = &[
    "and", "but", "or", "that", "which", "because", "when", "if", "while", "as", "than", "to", "of",
];

impl<'t> Attributor<'t> {
    /// `…, said Roe, a biologist at the institute, who …`: a cue verb right
    /// after a comma (or a quotation ending in one), then its speaker and an
    /// appositive. The comma and the
    /// speaker with the verb.
    pub(super) fn apposed_tail(
        &self,
        toks: &[Tok],
        ss: usize,
        se: usize,
    ) -> Option<(usize, (NounPhrase, usize))> {
        (ss + 3..se.saturating_sub(3)).find_map(|c| {
            let v = c + 1;
            if !self.comma_at(toks, c) || toks[v].k != TokKind::Word {
                return None;
            }
            let w = self.w(&toks[v]);
            if is_cap(w) || w.ends_with("ing") || VERBS.get(w) != Some(&Takes::Bare) {
                return None;
            }
            let np = self.np_after(toks, v, se)?;
            (np.b < se && toks[np.b].k == TokKind::Punct(',')).then_some((c, (np, v)))
        })
    }

    /// Whether token `k` is a comma or a quotation whose words end in one.
    pub(super) fn comma_at(&self, toks: &[Tok], k: usize) -> bool {
        match toks[k].k {
            TokKind::Punct(c) => c == ',',
            TokKind::Quote(_) => self
                .w(&toks[k])
                .trim_end_matches(['”', '"', '’', '\'', '»'])
                .ends_with(','),
            TokKind::Word => false,
        }
    }

    /// A reporting verb followed within a few words by `that` and its
    /// clause, where [`Self::verb_cue`] found no subject or no clause
    /// ("after saying in a debate that …", "said for the first time that
    /// …"): the speaker is the subject when one is found, else unnamed.
    pub(super) fn that_clause(
        &self,
        toks: &[Tok],
        sid: &[u32],
        quotes: &[&RawQuote],
        (ss, se): (usize, usize),
        v: usize,
        prev: Option<NounPhrase>,
    ) -> Option<Reported> {
        let w = self.w(&toks[v]);
        if is_cap(w) || !VERBS.contains_key(w) || w.starts_with("ask") || w.starts_with("wonder") {
            return None;
        }
        if v > ss
            && self.is_word_any(
                toks,
                v - 1,
                &["the", "a", "an", "this", "to", "his", "her", "its"],
            )
        {
            return None;
        }
        let k = (v + 1..(v + 7).min(se)).find(|&k| {
            self.is_word(toks, k, "that")
                || toks[k].k != TokKind::Word && toks[k].k != TokKind::Punct(',')
        })?;
        let clause = self.is_word(toks, k, "that")
            && (v + 1..k)
                .all(|j| toks[j].k != TokKind::Word || !VERBS.contains_key(self.w(&toks[j])))
            && toks
                .get(k + 1)
                .is_some_and(|t| k + 1 < se && matches!(t.k, TokKind::Word | TokKind::Quote(_)));
        // Hypothetical, negated or passive, or in an "if" clause.
        let near = v.saturating_sub(3).max(ss);
        let not = (near..v).any(|j| {
            toks[j].k == TokKind::Word && {
                let x = self.w(&toks[j]);
                in_list(NOT_REPORTED, x) || x.ends_with("n't") || x.ends_with("n’t")
            }
        }) || (ss..v).any(|j| self.is_word_any(toks, j, &["if", "unless"]));
        if !clause || not {
            return None;
        }
        let np = if w.ends_with("ing") {
            // A participle after a comma, a preposition or an auxiliary
            // ("after saying …", "is arguing …"), not a noun ("a rare
            // warning that …").
            let opens = v > ss
                && (toks[v - 1].k == TokKind::Punct(',')
                    || self.is_word_any(
                        toks,
                        v - 1,
                        &["by", "after", "before", "while", "when", "without", "in"],
                    )
                    || (toks[v - 1].k == TokKind::Word && AUX_SET.has(self.w(&toks[v - 1]))));
            if !opens {
                return None;
            }
            prev.or_else(|| self.sentence_subject(toks, ss, v))
        } else {
            self.np_before(toks, v, ss, sid)
                .or_else(|| self.sentence_subject(toks, ss, v))
                .or_else(|| self.loose_subject(toks, ss, v))
        };
        let unnamed = np.is_none();
        let np = np.unwrap_or(NounPhrase { a: v, b: v + 1 });
        let b = self.clause_end(toks, quotes, k, se);
        let r = self.statement(toks, quotes, np, Span::new(toks[v].s, toks[v].e), k, b)?;
        Some(Reported { unnamed, ..r })
    }

    /// `Asked whether the port would reopen, Roe said …`: the question put
    /// to the subject of the sentence, by someone the text does not name.
    pub(super) fn asked_opening(
        &self,
        toks: &[Tok],
        quotes: &[&RawQuote],
        ss: usize,
        se: usize,
    ) -> Option<Reported> {
        if !self.is_word(toks, ss, "asked") || !is_cap(self.w(&toks[ss])) {
            return None;
        }
        let a = ss + 1;
        if !(self.is_word_any(toks, a, QUESTION_WORDS)
            || self.is_word_any(toks, a, &["whether", "about"]))
        {
            return None;
        }
        let comma = (a + 1..(a + 30).min(se)).find(|&k| toks[k].k == TokKind::Punct(','))?;
        let b = self.clause_end(toks, quotes, a, comma);
        let np = NounPhrase { a: ss, b: ss + 1 };
        let r = self.statement(toks, quotes, np, Span::new(toks[ss].s, toks[ss].e), a, b)?;
        Some(Reported { unnamed: true, ..r })
    }

    /// The words right before the verb at `v` (past auxiliaries and
    /// adverbs) back to a mark or a conjunction, at most six: a subject the
    /// noun-phrase rules do not know ("Nearly half", "Most of the voters").
    pub(super) fn loose_subject(&self, toks: &[Tok], ss: usize, v: usize) -> Option<NounPhrase> {
        let mut b = v;
        while b > ss && toks[b - 1].k == TokKind::Word && {
            let x = self.w(&toks[b - 1]);
            AUX_SET.has(x) || (x.ends_with("ly") && x.len() > 4) || in_list(&["also", "only"], x)
        } {
            b -= 1;
        }
        let mut a = b;
        while a > ss
            && b - a < 6
            && toks[a - 1].k == TokKind::Word
            && !self.is_word_any(toks, a - 1, LOOSE_STOPS)
        {
            a -= 1;
        }
        (a < b).then_some(NounPhrase { a, b })
    }

    /// Whether the word before a form of `call` at `v` is one that calls
    /// someone something ("Roe called the plan …", "who called it …"), not
    /// a noun that the participle names ("a group called …").
    pub(super) fn names_caller(&self, toks: &[Tok], ss: usize, v: usize) -> bool {
        v > ss
            && toks[v - 1].k == TokKind::Word
            && (is_cap(self.w(&toks[v - 1]))
                || LEX.pronouns.contains_key(&*lower(self.w(&toks[v - 1])))
                || self.is_word_any(toks, v - 1, &["who", "also", "has", "have", "had"]))
    }

    /// The first token of the object of the object verb at `v`: right after
    /// it, or after its particle ("called for …").
    pub(super) fn object_start(&self, toks: &[Tok], v: usize, se: usize) -> Option<usize> {
        let parts = OBJECT.get(self.w(&toks[v]))?;
        let j = v + 1;
        if j + 1 >= se {
            return None;
        }
        let particle = toks[j].k == TokKind::Word
            && parts
                .iter()
                .any(|p| !p.is_empty() && self.is_word(toks, j, p));
        let a = if particle {
            j + 1
        } else if parts.contains(&"") {
            j
        } else {
            return None;
        };
        (a < se && matches!(toks[a].k, TokKind::Word | TokKind::Quote(_))).then_some(a)
    }

    /// A bare clause after a listener of a few words at `j` that the noun
    /// phrase rules do not read ("told the crowd she would …", "told
    /// Reuters the port would …"): a subject pronoun or determiner whose
    /// finite verb follows within a few words.
    pub(super) fn after_listener(&self, toks: &[Tok], j: usize, se: usize) -> Option<usize> {
        let k = (j + 1..(j + 5).min(se))
            .take_while(|&k| toks[k].k == TokKind::Word)
            .find(|&k| {
                let lw = lower(self.w(&toks[k]));
                (in_list(SUBJECTS, &lw) && &*lw != "it") || in_list(CLAUSE_DETS, &lw)
            })?;
        let finite = (k + 1..(k + 6).min(se))
            .take_while(|&x| toks[x].k == TokKind::Word)
            .any(|x| {
                let w = self.w(&toks[x]);
                !is_cap(w) && (in_list(FINITE, w) || w.ends_with("ed"))
            });
        finite.then_some(k)
    }

    /// Whether a cue follows the comma at `c`: ", adding …", ", according
    /// to …", or a short cue to the sentence end (", he said.").
    pub(super) fn cue_after_comma(&self, toks: &[Tok], c: usize, se: usize) -> bool {
        let Some(n) = toks.get(c + 1).filter(|_| c + 1 < se) else {
            return false;
        };
        if n.k != TokKind::Word {
            return false;
        }
        let w = self.w(n);
        if w.eq_ignore_ascii_case("according") && self.is_word(toks, c + 2, "to") {
            return true;
        }
        if w.ends_with("ing") && (VERBS.contains_key(w) || OBJECT.contains_key(w)) {
            return true;
        }
        // A short closing cue: at most a few words, one of them a reporting verb.
        let rest = &toks[c + 1..se];
        rest.len() <= 8
            && !rest
                .iter()
                .any(|t| matches!(t.k, TokKind::Quote(_) | TokKind::Punct(',')))
            && rest.iter().take(4).any(|t| {
                t.k == TokKind::Word && !is_cap(self.w(t)) && VERBS.contains_key(self.w(t))
            })
    }

    /// A statement runs up to the next one of its sentence when that one is
    /// joined to it ("…, and officials said …"), not nested in it.
    pub(super) fn cut_at_next(&self, toks: &[Tok], found: &mut [Reported]) {
        if found.len() < 2 {
            return;
        }
        let anchors: Vec<usize> = found.iter().map(Reported::anchor).collect();
        for r in found.iter_mut() {
            let Some(&n) = anchors.iter().filter(|&&n| n > r.a && n < r.b).min() else {
                continue;
            };
            // "…, which the ambassador said …": the relative clause of
            // another statement ends this one at its comma.
            let n = if n >= 2
                && self.is_word_any(toks, n - 1, super::reported::RELATIVE)
                && self.comma_at(toks, n - 2)
            {
                n - 1
            } else {
                n
            };
            let joined = matches!(toks[n - 1].k, TokKind::Punct(',' | ';' | '—'))
                || self.is_word_any(toks, n - 1, &["and", "but", "while", "whereas"]);
            if joined {
                let mut b = n - 1;
                while b > r.a && toks[b - 1].k == TokKind::Punct(',') {
                    b -= 1;
                }
                if b > r.a + 2 {
                    r.b = self.trim_end(toks, r.a, b);
                }
            }
        }
    }
}

/// The statement a cue and its content make, once both are found.
impl Attributor<'_> {
    /// A statement with content `[a, b)`, when the content has three words
    /// or more (two with quoted words among them) and the speaker is not the
    /// writer or the one addressed ("I think that …", "as you know …": the
    /// speaker's own words, not a report).
    pub(super) fn statement(
        &self,
        toks: &[Tok],
        quotes: &[&RawQuote],
        np: NounPhrase,
        cue: Span,
        a: usize,
        b: usize,
    ) -> Option<Reported> {
        self.statement_of(toks, quotes, np, cue, (a, b), 3)
    }

    /// [`Self::statement`] with content `[a, b)` of at least `min` words.
    pub(super) fn statement_of(
        &self,
        toks: &[Tok],
        quotes: &[&RawQuote],
        np: NounPhrase,
        cue: Span,
        (a, b): (usize, usize),
        min: usize,
    ) -> Option<Reported> {
        if np.b == np.a + 1 && self.is_word_any(toks, np.a, &["i", "we", "you"]) {
            return None;
        }
        // The content may run across its own cue ("The plan, he said, was
        // …"), but never ends with it ("When asked, Roe said, “…”").
        if b > a
            && (toks[a].s..toks[b - 1].e).contains(&cue.start)
            && toks[a..b]
                .iter()
                .filter(|t| t.s > cue.start && matches!(t.k, TokKind::Word | TokKind::Quote(_)))
                .count()
                < 2
        {
            return None;
        }
        // A quotation inside the clause counts its words ("that “we won”").
        let words: usize = toks[a..b.max(a)]
            .iter()
            .map(|t| match t.k {
                TokKind::Punct(',') => 0,
                TokKind::Quote(q) => quotes
                    .get(q)
                    .map_or(1, |q| word_count(q.inner.slice(self.text)).max(1)),
                _ => 1,
            })
            .sum();
        // An object with its quoted word is enough (`called Roe “reckless”`).
        let quoted = toks[a..b.max(a)]
            .iter()
            .any(|t| matches!(t.k, TokKind::Quote(_)));
        let least = if quoted { min.min(2) } else { min };
        (b > a && words >= least).then_some(Reported {
            np,
            cue,
            a,
            b,
            unnamed: false,
        })
    }
}
