//! Noun phrases around a cue: the subject before a speech verb ("Jane Doe, a
//! spokeswoman, said"), the phrase after it ("said the ambassador"), and the
//! capitalised runs that make up names.

use super::Attributor;
use super::names::{Gender, is_particle};
use super::tokens::{Tok, TokKind, is_cap, lower};
use super::words::{
    AUX_SET, CONNECTORS_SET, DETS, DETS_SET, LEX, NP_STOP_SET, PREPS, STOP_CAPS_SET,
    TIME_NOUNS_SET, TITLE_ABBREV_SET, in_list,
};

/// A noun phrase: token range `[a, b)`.
#[derive(Debug, Clone, Copy)]
pub(super) struct NounPhrase {
    /// Its first token.
    pub(super) a: usize,
    /// One past its last token.
    pub(super) b: usize,
}

impl<'t> Attributor<'t> {
    /// Extend a capitalised run backwards from token `i` (inclusive), down to `lo`.
    pub(super) fn cap_run_back(&self, toks: &[Tok], i: usize, lo: usize) -> usize {
        let mut a = i;
        loop {
            if a == 0 || a - 1 < lo {
                break;
            }
            let p = &toks[a - 1];
            match p.k {
                TokKind::Word
                    if is_cap(self.w(p))
                        && !STOP_CAPS_SET.has(self.w(p))
                        && !in_list(&["said", "says", "added", "asked"], self.w(p)) =>
                {
                    a -= 1
                }
                TokKind::Word if CONNECTORS_SET.has(self.w(p)) && !self.w(p).eq("and") => {
                    // One connector, or two particles ("von der").
                    let two = a >= 3
                        && a - 3 >= lo
                        && is_particle(self.w(p))
                        && toks[a - 2].k == TokKind::Word
                        && is_particle(self.w(&toks[a - 2]))
                        && self.is_capword(&toks[a - 3]);
                    if a >= 2 && a - 2 >= lo && self.is_capword(&toks[a - 2]) {
                        a -= 2;
                    } else if two {
                        a -= 3;
                    } else {
                        // A particle that opens a surname ("de Blasio said").
                        if is_particle(self.w(p)) {
                            a -= 1;
                        }
                        break;
                    }
                }
                TokKind::Punct('.') if a >= 2 && a - 2 >= lo && toks[a - 2].k == TokKind::Word => {
                    let w = self.w(&toks[a - 2]);
                    if TITLE_ABBREV_SET.has(w) || (w.chars().count() == 1 && is_cap(w)) {
                        a -= 2;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        // Drop leading function words ("But Smith").
        while a < i && toks[a].k == TokKind::Word && STOP_CAPS_SET.has(self.w(&toks[a])) {
            a += 1;
        }
        a
    }

    /// Extend a capitalised run forwards from token `i` (inclusive), up to `hi`.
    pub(super) fn cap_run_fwd(&self, toks: &[Tok], i: usize, hi: usize) -> usize {
        let mut b = i + 1;
        while b < hi {
            let t = &toks[b];
            match t.k {
                TokKind::Word if is_cap(self.w(t)) => b += 1,
                TokKind::Word
                    if CONNECTORS_SET.has(self.w(t))
                        && self.w(t) != "and"
                        && toks.get(b + 1).is_some_and(|n| self.is_capword(n))
                        && b + 1 < hi =>
                {
                    b += 2
                }
                // Two particles ("von der Leyen").
                TokKind::Word
                    if is_particle(self.w(t))
                        && b + 2 < hi
                        && toks[b + 1].k == TokKind::Word
                        && is_particle(self.w(&toks[b + 1]))
                        && self.is_capword(&toks[b + 2]) =>
                {
                    b += 3
                }
                TokKind::Punct('.')
                    if {
                        let w = self.w(&toks[b - 1]);
                        TITLE_ABBREV_SET.has(w) || (w.chars().count() == 1 && is_cap(w))
                    } && toks.get(b + 1).is_some_and(|n| self.is_capword(n)) =>
                {
                    b += 1
                }
                _ => break,
            }
        }
        b
    }

    /// The subject noun phrase that ends right before the verb at `v` (not before `lo`).
    pub(super) fn np_before(
        &self,
        toks: &[Tok],
        v: usize,
        lo: usize,
        sid: &[u32],
    ) -> Option<NounPhrase> {
        if v > lo && toks[v - 1].k == TokKind::Word {
            let pw = self.w(&toks[v - 1]);
            if pw.ends_with("'s") || pw.ends_with("’s") || pw.ends_with("s'") {
                return None;
            }
        }
        let mut i = v;
        let mut skipped = 0;
        while i > lo {
            let t = &toks[i - 1];
            let w = self.w(t);
            if t.k == TokKind::Word
                && !is_cap(w)
                && skipped < 3
                && (AUX_SET.has(w)
                    || (w.ends_with("ly") && w.len() > 4 && !LEX.roles.contains_key(w))
                    || w == "only")
            {
                i -= 1;
                skipped += 1;
            } else {
                break;
            }
        }
        if i <= lo {
            return None;
        }
        let h = i - 1;
        // "Jane Roe rallied her supporters, saying": a participle's subject is
        // the subject of the clause before its comma.
        if toks[h].k == TokKind::Punct(',')
            && self.w(&toks[v]).ends_with("ing")
            && let Some(np) = self.clause_subject(toks, h, lo).or_else(|| {
                // "Roe's son, Jim, defended her, saying": no possessive speaks.
                self.sentence_subject(toks, lo, h).filter(|np| {
                    let w = self.w(&toks[np.b - 1]);
                    !(w.ends_with("'s") || w.ends_with("’s"))
                })
            })
        {
            return Some(np);
        }
        if let Some(np) = self.party_tagged(toks, h, lo) {
            return Some(np);
        }
        match toks[h].k {
            // An appositive: "Jane Doe, a spokeswoman for the ministry, said".
            TokKind::Punct(',') | TokKind::Punct(')') => self.appositive_np(toks, h, lo, sid),
            _ => {
                let np = self.np_head(toks, h, lo)?;
                // "A source speaking to Fox News said": the object of the
                // participle's preposition is no subject; the phrase before it is.
                if np.a >= lo + 3
                    && self.is_word_any(toks, np.a - 1, &["to", "with"])
                    && toks[np.a - 2].k == TokKind::Word
                    && self.w(&toks[np.a - 2]).ends_with("ing")
                    && !is_cap(self.w(&toks[np.a - 2]))
                {
                    return self.np_head(toks, np.a - 3, lo);
                }
                // "Jane Roe replied on Facebook writing": a participle's
                // subject is no object of a preposition but the sentence's subject.
                if np.a > lo
                    && self.is_word_any(toks, np.a - 1, PREPS)
                    && self.w(&toks[v]).ends_with("ing")
                {
                    return self.sentence_subject(toks, lo, np.a - 1);
                }
                Some(np)
            }
        }
    }

    /// "Sen. Jane Roe (D-Vt.), said": a name with a short capitalised tag in
    /// parentheses and a comma, ending at the comma `h`.
    fn party_tagged(&self, toks: &[Tok], h: usize, lo: usize) -> Option<NounPhrase> {
        if h < lo + 4 || toks[h].k != TokKind::Punct(',') || toks[h - 1].k != TokKind::Punct(')') {
            return None;
        }
        let open = (h.saturating_sub(10).max(lo)..h - 1)
            .rev()
            .find(|&k| toks[k].k == TokKind::Punct('('))?;
        let tag_ok = toks[open + 1..h - 1].iter().all(|x| match x.k {
            TokKind::Word => is_cap(self.w(x)),
            TokKind::Punct(c) => matches!(c, '-' | '.' | '–'),
            _ => false,
        });
        if !tag_ok || open <= lo || !self.is_capword(&toks[open - 1]) {
            return None;
        }
        self.np_head(toks, open - 1, lo)
    }

    /// The subject of the clause that ends at the comma `h`: a name that
    /// opens it (after the sentence start `lo` or an earlier comma) and is
    /// followed by a lower-case word that is no preposition or article.
    fn clause_subject(&self, toks: &[Tok], h: usize, lo: usize) -> Option<NounPhrase> {
        let mut c = (lo..h)
            .rev()
            .take(30)
            .find(|&k| toks[k].k == TokKind::Punct(','))
            .map_or(lo, |k| k + 1);
        while c < h && toks[c].k == TokKind::Word && STOP_CAPS_SET.has(self.w(&toks[c])) {
            c += 1;
        }
        if c >= h || c + 30 < h || !self.is_capword(&toks[c]) {
            return None;
        }
        let b = self.cap_run_fwd(toks, c, h);
        let next = toks.get(b).filter(|_| b < h)?;
        let nw = self.w(next);
        (next.k == TokKind::Word
            && !is_cap(nw)
            && !PREPS
                .iter()
                .chain(&["of", "for", "to", "from", "with", "and", "or"])
                .any(|p| p.eq_ignore_ascii_case(nw))
            && !DETS_SET.has(nw)
            && !LEX.roles.contains_key(&*lower(nw))
            && !AUX_SET.has(nw)
            && !nw.ends_with("'s")
            && !nw.ends_with("’s"))
        .then_some(NounPhrase { a: c, b })
    }

    /// The subject before the appositive that ends at token `h` (a comma or a
    /// closing parenthesis) and opens with the same mark: the noun phrase
    /// before it, else the appositive itself when it is a role phrase.
    fn appositive_np(&self, toks: &[Tok], h: usize, lo: usize, sid: &[u32]) -> Option<NounPhrase> {
        let open = if toks[h].k == TokKind::Punct(')') {
            '('
        } else {
            ','
        };
        let mut k = h;
        let mut n = 0;
        while k > lo && n < 20 {
            k -= 1;
            n += 1;
            if sid[k] != sid[h] || matches!(toks[k].k, TokKind::Quote(_)) {
                return None;
            }
            if toks[k].k == TokKind::Punct(open) {
                return self.before_appositive(toks, k, h, lo);
            }
        }
        None
    }

    /// The subject of the appositive between the marks at tokens `k` and `h`.
    fn before_appositive(&self, toks: &[Tok], k: usize, h: usize, lo: usize) -> Option<NounPhrase> {
        if k == 0 || k - 1 < lo {
            return None;
        }
        let inner = NounPhrase { a: k + 1, b: h };
        // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
        let mut e = k - 1;
        if toks[e].k == TokKind::Punct(')') {
            while e > lo && toks[e].k != TokKind::Punct('(') && k - e < 10 {
                e -= 1;
            }
            if e <= lo || toks[e].k != TokKind::Punct('(') {
                return None;
            }
            e -= 1;
        }
        // The phrase between the commas must read like an appositive.
        let first = toks[k + 1];
        let fw = self.w(&first);
        // "Jane Roe, 35, a lawyer, said": the age is part of the name's appositive.
        if e >= 2
            && e - 2 >= lo
            && toks[e].k == TokKind::Word
            && self.w(&toks[e]).bytes().all(|b| b.is_ascii_digit())
            && toks[e - 1].k == TokKind::Punct(',')
            && self.is_capword(&toks[e - 2])
        {
            e -= 2;
        }
        let appositive = h - k <= 26
            && first.k == TokKind::Word
            && (DETS_SET.has(fw)
                || in_list(
                    &["who", "whose", "which", "former", "now", "then", "of"],
                    fw,
                )
                || (fw.len() > 4 && (fw.ends_with("ing") || fw.ends_with("ed")) && !is_cap(fw))
                || fw.starts_with(|c: char| c.is_ascii_digit())
                || is_cap(fw)
                || toks[k + 1..h]
                    .iter()
                    .any(|x| LEX.roles.contains_key(&*lower(self.w(x)))));
        if !appositive {
            return None;
        }
        let head = self.np_head(toks, e, lo);
        // "Here in Ohio, Smith stepped up …, saying": the object of a
        // preposition is no subject, and the clause after its comma no appositive.
        if head.is_some_and(|np| np.a > lo && self.is_word_any(toks, np.a - 1, PREPS)) {
            return None;
        }
        // "a source, who was not authorized to speak, said": a role phrase
        // before a relative clause speaks too.
        let before = head.filter(|np| {
            let w = self.w(&toks[np.b - 1]);
            is_cap(w)
                || LEX.pronouns.contains_key(&*lower(w))
                || fw == "who" && self.is_role_head(toks, *np)
        });
        match before {
            Some(np) => Some(np),
            None if self.is_role_np(toks, inner) => Some(inner),
            // "the ministry's spokeswoman, Jane Roe, said": a role phrase
            // and the name set off after it; the name speaks.
            None if head.is_some_and(|np| self.is_role_head(toks, np))
                && self.is_name_run(toks, inner) =>
            {
                Some(inner)
            }
            None => None,
        }
    }

    /// Whether the noun phrase `np` ends in a role noun ("the White House spokesman").
    fn is_role_head(&self, toks: &[Tok], np: NounPhrase) -> bool {
        let w = self.w(&toks[np.b - 1]);
        !is_cap(w) && LEX.roles.contains_key(&*lower(w))
    }

    /// Whether tokens `[a, b)` are one capitalised name ("Jane Q. Roe").
    fn is_name_run(&self, toks: &[Tok], np: NounPhrase) -> bool {
        np.b > np.a
            && np.b - np.a <= 6
            && self.is_capword(&toks[np.a])
            && !STOP_CAPS_SET.has(self.w(&toks[np.a]))
            && self.cap_run_fwd(toks, np.a, np.b) == np.b
    }

    /// Whether tokens `[a, b)` make a role phrase ("a spokeswoman for the ministry").
    fn is_role_np(&self, toks: &[Tok], np: NounPhrase) -> bool {
        np.b > np.a
            && np.b - np.a <= 8
            && self.is_word_any(toks, np.a, DETS)
            && toks[np.a..np.b].iter().all(|t| t.k == TokKind::Word)
            && (np.a..np.b)
                .find(|&r| LEX.roles.contains_key(&*lower(self.w(&toks[r]))))
                .is_some_and(|r| {
                    r + 1 == np.b
                        || self.is_word_any(toks, r + 1, &["for", "of", "at", "in", "with"])
                })
    }

    /// A noun phrase whose last word is token `h`.
    pub(super) fn np_head(&self, toks: &[Tok], h: usize, lo: usize) -> Option<NounPhrase> {
        let t = &toks[h];
        if t.k != TokKind::Word {
            return None;
        }
        let w = self.w(t);
        let lw = lower(w);
        if LEX.pronouns.contains_key(&*lw) {
            return Some(NounPhrase { a: h, b: h + 1 });
        }
        // ", who joked": the relative pronoun stands for the name before its comma.
        if &*lw == "who"
            && h >= 2
            && h - 2 >= lo
            && toks[h - 1].k == TokKind::Punct(',')
            && self.is_capword(&toks[h - 2])
        {
            return Some(NounPhrase { a: h, b: h + 1 });
        }
        // "the 34-year-old mother of three": a role phrase ending in an "of" phrase.
        if !is_cap(w)
            && h >= 2
            && h - 2 >= lo
            && self.is_word_any(toks, h - 1, &["of", "for", "at"])
            && toks[h - 2].k == TokKind::Word
            && LEX.roles.contains_key(&*lower(self.w(&toks[h - 2])))
            && let Some(np) = self.np_head(toks, h - 2, lo)
        {
            return Some(NounPhrase { a: np.a, b: h + 1 });
        }
        if is_cap(w) {
            if STOP_CAPS_SET.has(w) {
                return None;
            }
            let mut a = self.cap_run_back(toks, h, lo);
            if a > lo && self.is_word_any(toks, a - 1, &["the"]) {
                a -= 1;
            }
            return Some(self.extend_of(toks, NounPhrase { a, b: h + 1 }, lo));
        }
        let generic = h > lo
            && (self.is_word_any(toks, h - 1, DETS)
                || h > lo + 1 && self.is_word_any(toks, h - 2, &["the", "a", "an"]))
            && !TIME_NOUNS_SET.has(w)
            && !AUX_SET.has(w)
            && !NP_STOP_SET.has(w)
            && !LEX.verbs.contains(&*lw)
            && w.len() >= 2;
        if generic || LEX.roles.contains_key(&*lw) || LEX.orgs.contains(&*lw) {
            let mut a = h;
            let mut n = 0;
            let mut det = false;
            while a > lo && n < 5 {
                let p = &toks[a - 1];
                if p.k != TokKind::Word {
                    break;
                }
                let pw = self.w(p);
                if DETS_SET.has(pw) {
                    a -= 1;
                    det = true;
                    break;
                }
                if pw.ends_with("'s") || pw.ends_with("’s") {
                    a = self.cap_run_back(toks, a - 1, lo);
                    det = true;
                    break;
                }
                if LEX.verbs.contains(&*lower(pw)) || NP_STOP_SET.has(pw) || AUX_SET.has(pw) {
                    break;
                }
                a -= 1;
                n += 1;
            }
            let plural = LEX.roles.get(&*lw) == Some(&Gender::P);
            if !(det || plural || a < h && self.is_capword(&toks[a])) {
                return None;
            }
            // The object of a preposition is no subject ("marching through the streets"),
            // unless it belongs to a role ("a narrator in the ad").
            let np = self.extend_of(toks, NounPhrase { a, b: h + 1 }, lo);
            if np.a == a && a > lo && self.is_word_any(toks, a - 1, PREPS) {
                return None;
            }
            return Some(np);
        }
        None
    }

    /// "a spokeswoman for the ministry": extend an organisation phrase back over
    /// "for/of/at" to the role phrase it belongs to.
    fn extend_of(&self, toks: &[Tok], np: NounPhrase, lo: usize) -> NounPhrase {
        if np.a >= 2
            && np.a - 2 >= lo
            && self.is_word_any(
                toks,
                np.a - 1,
                &["for", "of", "at", "with", "from", "in", "to"],
            )
            && let Some(inner) = self.np_head(toks, np.a - 2, lo)
        {
            let head = lower(self.w(&toks[np.a - 2]));
            if LEX.roles.contains_key(&*head) {
                return NounPhrase {
                    a: inner.a,
                    b: np.b,
                };
            }
        }
        np
    }

    /// The noun phrase right after token `v` ("said Smith", "said the ambassador").
    pub(super) fn np_after(&self, toks: &[Tok], v: usize, hi: usize) -> Option<NounPhrase> {
        let i = v + 1;
        let t = toks.get(i)?;
        if i >= hi || t.k != TokKind::Word {
            return None;
        }
        let w = self.w(t);
        if LEX.pronouns.contains_key(&*lower(w)) && !is_cap(w) {
            return Some(NounPhrase { a: i, b: i + 1 });
        }
        // "claiming this would help": after a verb, "this" opens its object.
        if in_list(&["this", "these"], w) {
            return None;
        }
        let (a, mut b) = if DETS_SET.has(w) || w.eq_ignore_ascii_case("the") {
            let mut b = i + 1;
            while b < hi && b - i < 6 {
                let t = &toks[b];
                if t.k != TokKind::Word || NP_STOP_SET.has(self.w(t)) || self.is_verb(t, false) {
                    break;
                }
                b += 1;
            }
            (i, b)
        } else if is_cap(w) {
            (i, self.cap_run_fwd(toks, i, hi))
        } else if let Some(c) = (i..(i + 6).min(hi))
            .take_while(|&k| {
                matches!(toks[k].k, TokKind::Punct('/' | '-'))
                    || toks[k].k == TokKind::Word
                        && (!NP_STOP_SET.has(self.w(&toks[k]))
                            // "said former secretary of state Jane Roe"
                            || k > i && self.w(&toks[k]) == "of")
            })
            .find(|&k| is_cap(self.w(&toks[k])))
        {
            // "said 9/11 widow Terry Strada", "said former Secretary of Attributor …"
            (i, self.cap_run_fwd(toks, c, hi))
        } else if LEX.roles.contains_key(w) {
            (i, i + 1)
        } else {
            return None;
        };
        if b <= a + usize::from(DETS_SET.has(w)) {
            return None;
        }
        // "a spokeswoman for the ministry"
        if self.is_word_any(toks, b, &["for", "of", "at"])
            && toks
                .get(b + 1)
                .is_some_and(|n| n.k == TokKind::Word && (self.w(n) == "the" || is_cap(self.w(n))))
        {
            let mut c = b + 1;
            if self.w(&toks[c]) == "the" {
                c += 1;
            }
            if c < hi && self.is_capword(&toks[c]) {
                b = self.cap_run_fwd(toks, c, hi);
            } else if c < hi && toks[c].k == TokKind::Word {
                b = c + 1;
            }
        }
        Some(NounPhrase { a, b: b.min(hi) })
    }
}
