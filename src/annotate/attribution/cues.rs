//! Speech cues around a quote: a speech verb with its subject before the quote
//! (`Smith said: “…”`), after it (`“…,” said Smith`), in a signature, after
//! "according to", or in the sentence that follows.

use super::noun_phrase::NounPhrase;
use super::tokens::{Tok, TokKind, is_cap, lower, with_lower};
use super::words::{AUX_SET, CONNECTORS_SET, LEX, PREPS, STOP_CAPS_SET, in_list};
use super::{Attributed, Attributor, Finding};
use crate::model::Span;

impl<'t> Attributor<'t> {
    /// Whether a speech verb comes within a few name-like words after `i` ("Smith said").
    pub(super) fn cue_follows(&self, toks: &[Tok], i: usize) -> bool {
        for t in toks.iter().skip(i).take(6) {
            if t.k != TokKind::Word {
                return false;
            }
            let w = self.w(t);
            if !is_cap(w) && LEX.verbs.contains(&*lower(w)) {
                return true;
            }
            if !is_cap(w) && !AUX_SET.has(w) && !CONNECTORS_SET.has(w) {
                return false;
            }
        }
        false
    }

    /// Whether token `v` is a speech verb as [`Attributor::is_verb`], a verb
    /// of retort with its "back" ("shot back", "fired back"), or "went on" /
    /// "goes on" closing a clause (speaking on: "…,” she went on; not "the
    /// Senate goes on recess", and "went on to say" has its own verb).
    pub(super) fn is_cue_verb(&self, toks: &[Tok], v: usize, weak_ok: bool) -> bool {
        self.is_verb(&toks[v], weak_ok)
            || self.is_word_any(toks, v, &["shot", "fired", "hit", "snapped"])
                && self.is_word(toks, v + 1, "back")
            || self.is_word_any(toks, v, &["went", "goes"])
                && self.is_word(toks, v + 1, "on")
                && toks.get(v + 2).is_none_or(|t| t.k != TokKind::Word)
    }

    /// Whether a token is a speech verb (a weak one only when `weak_ok`).
    pub(super) fn is_verb(&self, t: &Tok, weak_ok: bool) -> bool {
        if t.k != TokKind::Word {
            return false;
        }
        let w = self.w(t);
        if is_cap(w) {
            return false;
        }
        LEX.verbs.contains(w) && (weak_ok || !LEX.weak.contains(w))
    }

    /// A cue after the quote at `t`: `, NP verb`, `, verb NP`, `, according to NP`.
    /// `strict` wants it right after the quote; otherwise anywhere before `hi`;
    /// `term` says the quote is no full direct quote (a term or fragment).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn post_cue(
        &mut self,
        toks: &[Tok],
        sid: &[u32],
        t: usize,
        hi: usize,
        strict: bool,
        term: bool,
        out: &mut Attributed,
    ) -> Option<Finding> {
        let mut j = t + 1;
        while j < hi && matches!(toks[j].k, TokKind::Punct(',' | '—' | '–' | '-' | '―' | '('))
        {
            j += 1;
        }
        if j >= hi {
            return None;
        }
        let limit = if strict {
            (j + 9).min(hi)
        } else {
            (j + 25).min(hi)
        };
        // “…” ― Jane Doe (a signature at the end of the paragraph)
        if strict && let Some(np) = self.signature(toks, t, j) {
            let cue = Span::new(toks[j - 1].s, toks[j - 1].e);
            return Some(self.make(toks, np, cue, Some(j - 1), out));
        }
        for v in j..limit {
            if self.is_word(toks, v, "according") && self.is_word(toks, v + 1, "to") {
                if strict && v != j {
                    break;
                }
                let np = self.np_after(toks, v + 1, hi)?;
                return Some(self.make(
                    toks,
                    np,
                    Span::new(toks[v].s, toks[v + 1].e),
                    Some(v),
                    out,
                ));
            }
        }
        if strict
            && let Some((np, v)) = self
                .named_then_verb(toks, j, hi)
                .or_else(|| self.role_then_name(toks, j, hi))
        {
            let cue = Span::new(toks[v].s, toks[v].e);
            return Some(self.make(toks, np, cue, Some(v), out));
        }
        for v in j..limit {
            if toks[v].k != TokKind::Word {
                if strict && !matches!(toks[v].k, TokKind::Punct(',' | '.')) {
                    return None;
                }
                continue;
            }
            // A retort ("shot back") introduces speech, never a quoted term.
            let verb = if term {
                self.is_verb(&toks[v], true)
            } else {
                self.is_cue_verb(toks, v, true)
            };
            // "put it" takes its subject before it ("as Roe put it"), never
            // the "it" after it.
            let put_it = self.is_word(toks, v, "put") && self.is_word(toks, v + 1, "it");
            if !verb || LEX.object.contains(self.w(&toks[v])) || put_it && v == j {
                continue;
            }
            let cue = Span::new(toks[v].s, toks[v].e);
            let pc = Some(v).filter(|_| strict);
            if v == j {
                // “…,” said Smith
                let np = self.np_after(toks, v, hi)?;
                return Some(self.make(toks, np, cue, pc, out));
            }
            if let Some(np) = self.np_before(toks, v, j, sid) {
                if strict && np.a > j + 1 {
                    return None;
                }
                return Some(self.make(toks, np, cue, pc, out));
            }
            if strict {
                return None;
            }
        }
        None
    }

    /// “…,” Jane Roe, a lawyer who has followed the case for years, said: a
    /// name at token `j` set off by a comma, however long the words after it,
    /// and the first speech verb of the sentence (before `hi`) after them.
    fn named_then_verb(&self, toks: &[Tok], j: usize, hi: usize) -> Option<(NounPhrase, usize)> {
        if !self.is_capword(&toks[j]) || STOP_CAPS_SET.has(self.w(&toks[j])) {
            return None;
        }
        let b = self.cap_run_fwd(toks, j, hi);
        if b >= hi || toks[b].k != TokKind::Punct(',') || b - j > 6 {
            return None;
        }
        let words = toks[j..b].iter().filter(|t| t.k == TokKind::Word);
        if !words
            .clone()
            .all(|t| is_cap(self.w(t)) || CONNECTORS_SET.has(self.w(t)))
        {
            return None;
        }
        let v = (b + 1..hi.min(b + 40)).find(|&v| self.is_verb(&toks[v], false))?;
        // The verb closes the set-off words: a comma or a role word before it.
        let closes = toks[v - 1].k == TokKind::Punct(',')
            || toks[v - 1].k == TokKind::Word && !is_cap(self.w(&toks[v - 1]));
        (closes
            && !toks[b + 1..v]
                .iter()
                .any(|t| matches!(t.k, TokKind::Quote(_))))
        .then_some((NounPhrase { a: j, b }, v))
    }

    /// “…,” Ohio Sen. Jane Roe’s chief of staff, John Doe, told …: a role
    /// phrase from token `j` with a role noun, closed by a comma, the name set
    /// off after it, and a speech verb right after the name's comma.
    fn role_then_name(&self, toks: &[Tok], j: usize, hi: usize) -> Option<(NounPhrase, usize)> {
        let c1 = (j..hi.min(j + 12)).find(|&k| toks[k].k == TokKind::Punct(','))?;
        if c1 < j + 2
            || toks[j..c1]
                .iter()
                .any(|x| matches!(x.k, TokKind::Quote(_)) || self.is_verb(x, true))
            || toks[c1].k != TokKind::Punct(',')
            || !toks[j..c1]
                .iter()
                .any(|x| !is_cap(self.w(x)) && with_lower(self.w(x), |l| LEX.roles.contains_key(l)))
            || c1 + 1 >= hi
            || !self.is_capword(&toks[c1 + 1])
        {
            return None;
        }
        let c2 = self.cap_run_fwd(toks, c1 + 1, hi);
        let v = c2 + 1;
        (c2 - c1 <= 5
            && v < hi
            && toks[c2].k == TokKind::Punct(',')
            && self.is_verb(&toks[v], false))
        .then_some((NounPhrase { a: c1 + 1, b: c2 }, v))
    }

    /// The name of a signature: “…” ― Jane Doe, a name at token `j` after a
    /// dash that follows the quote at `t`, with only a few lower-case words
    /// and marks after it to the end of the paragraph.
    fn signature(&self, toks: &[Tok], t: usize, j: usize) -> Option<NounPhrase> {
        if !(j > t + 1
            && matches!(toks[j - 1].k, TokKind::Punct('—' | '–' | '-' | '―'))
            && self.is_capword(&toks[j]))
        {
            return None;
        }
        let b = self.cap_run_fwd(toks, j, toks.len());
        let lower_rest = toks[b..].iter().all(|x| {
            matches!(x.k, TokKind::Punct(_)) || x.k == TokKind::Word && !is_cap(self.w(x))
        });
        // "— Jane Roe, Twitter": an outlet or place after the comma.
        let outlet = toks.len() - b <= 5
            && toks.get(b).is_some_and(|x| x.k == TokKind::Punct(','))
            && toks[b + 1..]
                .iter()
                .all(|x| matches!(x.k, TokKind::Punct(_)) || self.is_capword(x));
        let rest_ok = toks.len() - b <= 12 && (lower_rest || outlet);
        rest_ok.then_some(NounPhrase { a: j, b })
    }

    /// A cue before the quote at `t`, in `[lo, t)`: `NP verb [that|:|,] “…”`,
    /// `according to NP, “…”`, `Name: “…”`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn pre_cue(
        &mut self,
        toks: &[Tok],
        sid: &[u32],
        t: usize,
        lo: usize,
        ss: usize,
        term: bool,
        out: &mut Attributed,
    ) -> Option<Finding> {
        if t <= lo {
            return None;
        }
        if let Some(np) = self.marked_speaker(toks, t, lo) {
            let cue = Span::new(toks[t - 1].s, toks[t - 1].e);
            return Some(self.make(toks, np, cue, None, out));
        }
        // "Said Jane Roe, who …: “…”": a sentence that opens with its verb.
        if lo == ss
            && let Some(np) = self.verb_first(toks, ss, t)
        {
            let cue = Span::new(toks[ss].s, toks[ss].e);
            return Some(self.make(toks, np, cue, None, out));
        }
        if let Some((np, v)) = self.as_clause(toks, sid, t, lo) {
            let cue = Span::new(toks[v].s, toks[v].e);
            return Some(self.make(toks, np, cue, None, out));
        }
        // From the sentence's start: the words set off may quote a title.
        if let Some((np, v)) = self.as_clause_apposed(toks, t, ss.min(lo)) {
            let cue = Span::new(toks[v].s, toks[v].e);
            return Some(self.make(toks, np, cue, None, out));
        }
        if let Some((np, v)) = self.issued_document(toks, sid, t, lo) {
            let cue = Span::new(toks[v].s, toks[v].e);
            return Some(self.make(toks, np, cue, None, out));
        }
        for v in (lo..t).rev() {
            if self.is_word(toks, v, "according") && self.is_word(toks, v + 1, "to") {
                let np = self.np_after(toks, v + 1, t)?;
                let cue = Span::new(toks[v].s, toks[v + 1].e);
                return Some(self.make(toks, np, cue, None, out));
            }
            let weak_ok = t - v <= 4;
            // A retort ("shot back") introduces speech, never a quoted term.
            let verb = if term {
                self.is_verb(&toks[v], weak_ok)
            } else {
                self.is_cue_verb(toks, v, weak_ok)
            };
            if !verb {
                continue;
            }
            let strong = !LEX.weak.contains(self.w(&toks[v]));
            if term && !strong && t - v > 4 {
                continue;
            }
            if let Some(np) = self.verb_subject(toks, sid, t, v, ss) {
                let cue = Span::new(toks[v].s, toks[v].e);
                return Some(self.make(toks, np, cue, None, out));
            }
        }
        None
    }

    /// An "as" clause whose subject has words set off after it ("As Jane
    /// Roe, a professor and author of “…”, put it, “…”") or a role before
    /// it ("As the chief executive, Jane Roe, put it in a memo, “…”"): the
    /// name right after "as" or right after the first comma, and the verb
    /// (a speech verb or "put it") with only words from it to the comma
    /// before the quote at `t`.
    fn as_clause_apposed(&self, toks: &[Tok], t: usize, lo: usize) -> Option<(NounPhrase, usize)> {
        if t < lo + 4 || !matches!(toks[t - 1].k, TokKind::Punct(',' | ':')) {
            return None;
        }
        let opens = |k: usize| {
            k == lo
                || matches!(toks[k - 1].k, TokKind::Punct(',' | '—' | '–' | '('))
                || self.is_word_any(toks, k - 1, &["but", "and", "yet", "so"])
        };
        let s = (lo..t - 1)
            .rev()
            .take(30)
            .find(|&k| self.is_word(toks, k, "as") && opens(k))?;
        let v = (s + 2..t - 1).find(|&v| {
            (self.is_verb(&toks[v], true)
                || self.is_word(toks, v, "put") && self.is_word(toks, v + 1, "it"))
                && toks[v..t - 1].iter().all(|x| x.k == TokKind::Word)
        })?;
        let name_at =
            |a: usize| a < v && self.is_capword(&toks[a]) && !STOP_CAPS_SET.has(self.w(&toks[a]));
        if name_at(s + 1) {
            // The name, then words set off by a comma up to the verb (a
            // comma or a quoted title closes them).
            let b = self.cap_run_fwd(toks, s + 1, v);
            let closed = matches!(toks[v - 1].k, TokKind::Punct(',') | TokKind::Quote(_));
            return (b > s + 1 && toks[b].k == TokKind::Punct(',') && closed)
                .then_some((NounPhrase { a: s + 1, b }, v));
        }
        // A role of a few words with a role noun, then the name set off by
        // commas right before the verb.
        let c = (s + 1..(s + 7).min(v)).find(|&k| toks[k].k == TokKind::Punct(','))?;
        let role = &toks[s + 1..c];
        if !role.iter().all(|x| x.k == TokKind::Word)
            || !role
                .iter()
                .any(|x| !is_cap(self.w(x)) && with_lower(self.w(x), |l| LEX.roles.contains_key(l)))
            || !name_at(c + 1)
        {
            return None;
        }
        let b = self.cap_run_fwd(toks, c + 1, v);
        (b + 1 == v && toks[b].k == TokKind::Punct(',')).then_some((NounPhrase { a: c + 1, b }, v))
    }

    /// "Jane Roe issued a statement, “…”", "… released a statement saying,
    /// “…”": the words of a statement, memo or letter that the subject put
    /// out are the subject's, not the document's. The verb (which is the
    /// cue) and its subject, before the quote at `t`.
    fn issued_document(
        &self,
        toks: &[Tok],
        sid: &[u32],
        t: usize,
        lo: usize,
    ) -> Option<(NounPhrase, usize)> {
        const DOCUMENTS: &[&str] = &["statement", "memo", "letter", "release", "note", "message"];
        const ISSUED: &[&str] = &["issued", "released", "sent", "posted", "published"];
        const SAYING: &[&str] = &["saying", "reading", "stating"];
        let mut k = t.checked_sub(1)?;
        if !matches!(toks[k].k, TokKind::Punct(',' | ':')) {
            return None;
        }
        // The document's own verb: "saying", "that read", "which reads".
        if k > lo && self.is_word_any(toks, k - 1, SAYING) {
            k -= 1;
        } else if k > lo + 1
            && self.is_word_any(toks, k - 1, &["read", "reads", "said", "says"])
            && self.is_word_any(toks, k - 2, &["that", "which"])
        {
            k -= 2;
        }
        // The document, with its determiner and up to two words before it
        // ("a brief written statement").
        let doc = k
            .checked_sub(1)
            .filter(|&d| d >= lo && self.is_word_any(toks, d, DOCUMENTS))?;
        let det = (doc.saturating_sub(3)..doc).rev().find(|&d| {
            d >= lo && self.is_word_any(toks, d, &["a", "an", "the", "his", "her", "their", "its"])
        })?;
        if toks[det + 1..doc]
            .iter()
            .any(|x| x.k != TokKind::Word || is_cap(self.w(x)))
        {
            return None;
        }
        // "issued", or "put out".
        let v = det.checked_sub(1).filter(|&v| v >= lo)?;
        let v = if self.is_word(toks, v, "out") && v > lo && self.is_word(toks, v - 1, "put") {
            v - 1
        } else if self.is_word_any(toks, v, ISSUED) {
            v
        } else {
            return None;
        };
        let np = self.np_before(toks, v, lo, sid)?;
        Some((np, v))
    }

    /// "As Jane Roe pointed out in May, “…”": a clause opened by "as" whose
    /// subject speaks through any speech verb, weak ones too, when a comma or
    /// colon closes the clause right before the quote at `t`.
    fn as_clause(
        &self,
        toks: &[Tok],
        sid: &[u32],
        t: usize,
        lo: usize,
    ) -> Option<(NounPhrase, usize)> {
        if t < lo + 4 || !matches!(toks[t - 1].k, TokKind::Punct(',' | ':')) {
            return None;
        }
        (lo..t - 1).rev().take(12).find_map(|v| {
            // "As Jane Roe put it, “…”"
            let put_it = self.is_word(toks, v, "put") && self.is_word(toks, v + 1, "it");
            if !self.is_verb(&toks[v], true) && !put_it {
                return None;
            }
            let np = self.np_before(toks, v, lo, sid)?;
            // "as county prosecutor Jane Roe put it": role words may stand before the name.
            let mut a = np.a;
            while a > lo + 1
                && np.a - a < 3
                && toks[a - 1].k == TokKind::Word
                && !is_cap(self.w(&toks[a - 1]))
                && !self.is_word(toks, a - 1, "as")
                && (a < np.a || with_lower(self.w(&toks[a - 1]), |l| LEX.roles.contains_key(l)))
            {
                a -= 1;
            }
            (a > lo
                && self.is_word(toks, a - 1, "as")
                && self.is_capword(&toks[np.b - 1])
                && toks[v..t - 1].iter().all(|x| x.k == TokKind::Word))
            .then_some((np, v))
        })
    }

    /// The speaker after a capitalised speech verb that opens the sentence at
    /// `ss` ("Said Jane Roe", "Added the minister"), before token `t`.
    pub(super) fn verb_first(&self, toks: &[Tok], ss: usize, t: usize) -> Option<NounPhrase> {
        let w = self.w(toks.get(ss)?);
        // A participle opens a phrase ("Lamenting their luck, …"), not an inversion.
        if toks[ss].k != TokKind::Word
            || !is_cap(w)
            || w.ends_with("ing")
            || !with_lower(w, |l| LEX.verbs.contains(l) && !LEX.weak.contains(l))
            || !toks
                .get(ss + 1)
                .is_some_and(|n| self.is_capword(n) || self.is_word(toks, ss + 1, "the"))
        {
            return None;
        }
        self.np_after(toks, ss, t)
    }

    /// The speaker that the mark right before the quote at `t` sets off (not
    /// before `lo`): "this finding: “…”", "Jane Roe -- “…” --", "Name: “…”".
    fn marked_speaker(&self, toks: &[Tok], t: usize, lo: usize) -> Option<NounPhrase> {
        // "… exemplified by this finding: “…”"
        if toks[t - 1].k == TokKind::Punct(':')
            && t >= 3
            && t - 2 >= lo
            && self.is_word_any(toks, t - 3, &["this", "these"])
            && toks[t - 2].k == TokKind::Word
            && !is_cap(self.w(&toks[t - 2]))
        {
            return Some(NounPhrase { a: t - 3, b: t - 1 });
        }
        // "the candidate Jane Roe -- “…” --": a name set off by a dash before the quote.
        if matches!(toks[t - 1].k, TokKind::Punct('—' | '–' | '-')) && t >= 2 {
            let mut e = t - 1;
            while e > lo && matches!(toks[e - 1].k, TokKind::Punct('—' | '–' | '-')) {
                e -= 1;
            }
            if e > lo
                && self.is_capword(&toks[e - 1])
                && toks
                    .get(t + 1)
                    .is_some_and(|x| matches!(x.k, TokKind::Punct('—' | '–' | '-')))
                && let Some(np) = self.np_head(toks, e - 1, lo)
            {
                return Some(np);
            }
        }
        // Name: “…” at the start of a sentence.
        if toks[t - 1].k == TokKind::Punct(':') && t >= 2 && t - 1 > lo {
            // "Rep. Jane Roe (D-Vt.): “…”": the name before a party tag.
            let h = self.before_tag(toks, t - 2, lo);
            if h != t - 2
                && let Some(np) = self.np_head(toks, h, lo)
                && np.a == lo
                && self.is_capword(&toks[np.a])
            {
                return Some(np);
            }
            // "… surprises Harvard economist Jane Roe: “…”": a person's name
            // after a role noun, with no speech verb before it.
            if let Some(np) = self.role_named(toks, t - 2, lo) {
                return Some(np);
            }
            let mut np = self.np_head(toks, t - 2, lo);
            // "A headline - Jane Roe and John Doe: “…”": both names.
            if let Some(n) = np.as_mut()
                && n.a >= lo + 2
                && self.is_word(toks, n.a - 1, "and")
                && self.is_capword(&toks[n.a - 2])
                && let Some(first) = self.np_head(toks, n.a - 2, lo)
                && first.a > lo
                && matches!(toks[first.a - 1].k, TokKind::Punct('—' | '–' | '-' | '―'))
            {
                n.a = first.a;
            }
            let said_first = np
                .is_some_and(|np| np.a == lo + 1 && LEX.verbs.contains(&*lower(self.w(&toks[lo]))));
            // "A headline - Jane Roe: “…”": a roundup names the source after a dash.
            let after_dash = np.is_some_and(|np| {
                np.a > lo && matches!(toks[np.a - 1].k, TokKind::Punct('—' | '–' | '-' | '―'))
            });
            if let Some(np) = np
                && (np.a == lo || said_first || after_dash)
                && self.is_capword(&toks[np.a.min(t - 2)])
            {
                return Some(np);
            }
        }
        None
    }

    /// The token before a short capitalised tag in parentheses that ends at
    /// `h` ("Roe (D-Vt.)"), else `h` itself.
    fn before_tag(&self, toks: &[Tok], h: usize, lo: usize) -> usize {
        if toks[h].k != TokKind::Punct(')') {
            return h;
        }
        let Some(open) = (h.saturating_sub(8).max(lo)..h)
            .rev()
            .find(|&k| toks[k].k == TokKind::Punct('('))
        else {
            return h;
        };
        let tag_ok = toks[open + 1..h].iter().all(|x| match x.k {
            TokKind::Word => is_cap(self.w(x)),
            TokKind::Punct(c) => matches!(c, '-' | '.' | '–'),
            TokKind::Quote(_) => false,
        });
        if tag_ok && open > lo && self.is_capword(&toks[open - 1]) {
            open - 1
        } else {
            h
        }
    }

    /// A person's name of two to four words ending at `h` right after a
    /// lower-case role noun ("pollster Jane Roe"), in a sentence from `lo` with no speech verb
    /// and no quote before it: the name with its role words.
    fn role_named(&self, toks: &[Tok], h: usize, lo: usize) -> Option<NounPhrase> {
        if !self.is_capword(&toks[h]) {
            return None;
        }
        let a = self.cap_run_back(toks, h, lo);
        let role = a > lo
            && toks[a - 1].k == TokKind::Word
            && with_lower(self.w(&toks[a - 1]), |l| LEX.roles.contains_key(l));
        let person = h > a && h - a < 4 && toks[a..=h].iter().all(|x| x.k == TokKind::Word);
        let clean = toks[lo..a]
            .iter()
            .all(|x| !matches!(x.k, TokKind::Quote(_)) && !self.is_verb(x, true));
        (role && person && clean).then_some(NounPhrase { a, b: h + 1 })
    }

    /// Who speaks through the cue verb at `v` before the quote at `t`, in the
    /// sentence from `ss`: the noun phrase before the verb; else the subject of
    /// the sentence ("…, stating, “…”"); else the subject of another cue in the
    /// sentence ("Saying that …, Smith underscored …").
    fn verb_subject(
        &self,
        toks: &[Tok],
        sid: &[u32],
        t: usize,
        v: usize,
        ss: usize,
    ) -> Option<NounPhrase> {
        if let Some(np) = self.np_before(toks, v, ss, sid) {
            return Some(np);
        }
        if let Some(np) = self.sentence_subject(toks, ss, v) {
            return Some(np);
        }
        let se = (t..toks.len())
            .take_while(|&i| sid[i] == sid[t])
            .last()
            .unwrap_or(t)
            + 1;
        (v + 1..se)
            .filter(|&u| u != t && self.is_verb(&toks[u], false))
            .find_map(|u| self.np_before(toks, u, ss, sid))
    }

    /// "X had a message: “…”": the subject of a sentence that ends in a colon.
    pub(super) fn colon_subject(
        &mut self,
        toks: &[Tok],
        t: usize,
        ss: usize,
        out: &mut Attributed,
    ) -> Option<Finding> {
        if t == 0 || toks[t - 1].k != TokKind::Punct(':') {
            return None;
        }
        let np = self.sentence_subject(toks, ss, t - 1)?;
        let cue = Span::new(toks[t - 1].s, toks[t - 1].e);
        Some(self.make(toks, np, cue, None, out))
    }

    /// The subject at the start of the sentence `[ss, v)`: a pronoun, name or role phrase
    /// directly followed by a verb-like word.
    pub(super) fn sentence_subject(&self, toks: &[Tok], ss: usize, v: usize) -> Option<NounPhrase> {
        let mut i = ss;
        // An opening phrase ("During the speech, …") is skipped to its comma.
        if i < v
            && toks[i].k == TokKind::Word
            && STOP_CAPS_SET.has(self.w(&toks[i]))
            && let Some(c) = (i..v.min(i + 30)).find(|&k| toks[k].k == TokKind::Punct(','))
        {
            i = c + 1;
        }
        // So is an opening participle ("Speaking to reporters, …").
        if i < v
            && toks[i].k == TokKind::Word
            && is_participle(self.w(&toks[i]))
            && !with_lower(self.w(&toks[i]), |l| self.by_name.contains_key(l))
            && let Some(c) = (i..v.min(i + 30)).find(|&k| toks[k].k == TokKind::Punct(','))
        {
            i = c + 1;
        }
        while i < v && toks[i].k == TokKind::Word && STOP_CAPS_SET.has(self.w(&toks[i])) {
            i += 1;
        }
        while i < v && toks[i].k == TokKind::Punct(',') {
            i += 1;
        }
        if i >= v || toks[i].k != TokKind::Word {
            return None;
        }
        let w = self.w(&toks[i]);
        if LEX.pronouns.contains_key(&*lower(w)) {
            return Some(NounPhrase { a: i, b: i + 1 });
        }
        if is_cap(w) && !in_list(&["the", "a", "an"], w) && !is_participle(w) {
            let b = self.cap_run_fwd(toks, i, v);
            // A name is followed by its verb, not by a preposition or article
            // ("Signs of …", "Each election …" open no subject).
            if b < v
                && toks[b].k == TokKind::Word
                && !is_cap(self.w(&toks[b]))
                && !self.is_word_any(toks, b, PREPS)
                && !self.is_word_any(
                    toks,
                    b,
                    &["of", "for", "to", "from", "with", "the", "a", "an"],
                )
            {
                return Some(NounPhrase { a: i, b });
            }
            // "Vogel, a former port director, mocked the plan, saying …": a
            // person's name set off by an appositive that opens with an article.
            let appositive = b + 1 < v
                && toks[b].k == TokKind::Punct(',')
                && toks[b + 1].k == TokKind::Word
                && in_list(&["a", "an", "the"], self.w(&toks[b + 1]));
            let person = || {
                toks[i..b].iter().any(|t| {
                    t.k == TokKind::Word
                        && with_lower(self.w(t), |l| {
                            self.by_name.contains_key(l)
                                || LEX.first.contains_key(l)
                                || LEX.titles.contains_key(l)
                        })
                })
            };
            // The appositive names a role ("a former party chairman,").
            let role_end = appositive
                && (b + 2..v.min(b + 16))
                    .find(|&k| toks[k].k != TokKind::Word)
                    .is_some_and(|k| {
                        toks[k].k == TokKind::Punct(',')
                            && with_lower(self.w(&toks[k - 1]), |l| {
                                LEX.roles.contains_key(l) || LEX.titles.contains_key(l)
                            })
                    });
            if appositive && (role_end || person()) {
                return Some(NounPhrase { a: i, b });
            }
            // "Jane Roe, deputy head of the delegation, emailed …": an
            // appositive without an article that opens with a role.
            if b + 1 < v
                && toks[b].k == TokKind::Punct(',')
                && person()
                && self.role_clause(toks, b + 1, v)
            {
                return Some(NounPhrase { a: i, b });
            }
        }
        if in_list(&["the", "a", "an"], w) {
            // "the band leader", "a local official"
            for (k, h) in toks.iter().enumerate().take((i + 4).min(v)).skip(i + 1) {
                if h.k != TokKind::Word {
                    break;
                }
                if LEX.roles.contains_key(&*lower(self.w(h))) {
                    return Some(NounPhrase { a: i, b: k + 1 });
                }
            }
        }
        None
    }

    /// Whether the words from `k` (before `v`) are a short role phrase closed
    /// by a comma: a role noun within its first three words ("deputy head of
    /// the delegation,", "chief spokeswoman,").
    fn role_clause(&self, toks: &[Tok], k: usize, v: usize) -> bool {
        let Some(end) = (k..v.min(k + 12)).find(|&x| toks[x].k != TokKind::Word) else {
            return false;
        };
        end > k
            && toks[end].k == TokKind::Punct(',')
            && toks[k..end.min(k + 3)]
                .iter()
                .any(|x| !is_cap(self.w(x)) && with_lower(self.w(x), |l| LEX.roles.contains_key(l)))
    }

    /// A cue closing the sentence right before the quote at `t` that opens
    /// its own sentence: "Jane Roe agreed. “…”".
    pub(super) fn prev_sentence(
        &mut self,
        toks: &[Tok],
        sid: &[u32],
        t: usize,
        out: &mut Attributed,
    ) -> Option<Finding> {
        if t < 3 || toks[t - 1].k != TokKind::Punct('.') {
            return None;
        }
        // "Jane Roe said in a statement. “…”": the verb may end in a short
        // phrase opened by a preposition.
        let v = (t.saturating_sub(6)..t - 1).rev().find(|&v| {
            (v + 2 == t
                || self.is_word_any(toks, v + 1, &["in", "on"])
                    && toks[v + 1..t - 1].iter().all(|x| x.k == TokKind::Word))
                && self.is_verb(&toks[v], false)
        })?;
        if LEX.object.contains(self.w(&toks[v])) {
            return None;
        }
        let s = sid[v];
        let ps = (0..v)
            .rev()
            .take_while(|&i| sid[i] == s)
            .last()
            .unwrap_or(v);
        if (ps..v).any(|i| matches!(toks[i].k, TokKind::Quote(_))) {
            return None;
        }
        let np = self.np_before(toks, v, ps, sid)?;
        let cue = Span::new(toks[v].s, toks[v].e);
        Some(self.make(toks, np, cue, None, out))
    }

    /// A cue near the start of the sentence after the quote ("Smith said so on Friday").
    pub(super) fn next_sentence(
        &mut self,
        toks: &[Tok],
        sid: &[u32],
        ns: usize,
        out: &mut Attributed,
    ) -> Option<Finding> {
        let s = sid[ns];
        let mut v = ns;
        while v < toks.len() && sid[v] == s && v < ns + 8 {
            if matches!(toks[v].k, TokKind::Quote(_)) {
                return None;
            }
            if self.is_verb(&toks[v], false)
                && let Some(np) = self.np_before(toks, v, ns, sid)
                && np.a == ns
                && !LEX.pronouns.contains_key(&*lower(self.w(&toks[np.a])))
            {
                let cue = Span::new(toks[v].s, toks[v].e);
                return Some(self.make(toks, np, cue, None, out));
            }
            v += 1;
        }
        None
    }

    /// The finding for speaker phrase `np` and `cue`: the phrase resolved to a
    /// speaker, and written as the mention.
    pub(super) fn make(
        &mut self,
        toks: &[Tok],
        np: NounPhrase,
        cue: Span,
        post_cue: Option<usize>,
        out: &mut Attributed,
    ) -> Finding {
        let speaker = self.resolve(toks, np, out);
        Finding {
            speaker,
            mention: Some(Span::new(toks[np.a].s, toks[np.b - 1].e)),
            cue: Some(cue),
            post_cue,
            continues: false,
        }
    }
}

/// Whether a capitalised word is an -ing participle ("Speaking", "Appearing"),
/// which opens a phrase, never a name (a name like "Fleming" is longer than
/// its suffix and known once it is a speaker).
fn is_participle(w: &str) -> bool {
    w.len() > 5 && w.ends_with("ing") && w[..1].chars().all(|c| c.is_ascii_uppercase())
}
