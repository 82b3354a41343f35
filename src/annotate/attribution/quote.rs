//! One quote's attribution: the ways a journalist attributes a quotation,
//! tried in order from the most to the least telling (a transcript label, a
//! split quote, a cue next to the quote, a quote that runs on from the last).

use super::names::Gender;
use super::noun_phrase::NounPhrase;
use super::tokens::{Tok, TokKind, lower};
use super::words::LEX;
use super::{Attributed, Attributor, Finding};
use crate::annotate::quotes::RawQuote;
use crate::model::{QuoteKind, Span, SpeakerKind};

/// Where a quote sits in its paragraph: the tokens and their sentence
/// indices, the quote's token and the bounds of its sentence.
struct Site<'a> {
    toks: &'a [Tok],
    sid: &'a [u32],
    /// The quote's token.
    t: usize,
    /// The first token of the quote's sentence.
    ss: usize,
    /// One past the last token of the quote's sentence.
    se: usize,
    /// The quote before it in its sentence.
    prev_q: Option<usize>,
    /// Where a cue after the quote must end: the next quote in the sentence, or its end.
    post_hi: usize,
}

impl<'a> Site<'a> {
    /// The site of the quote at token `t`.
    fn new(toks: &'a [Tok], sid: &'a [u32], t: usize) -> Self {
        let s = sid[t];
        let ss = (0..t)
            .rev()
            .take_while(|&i| sid[i] == s)
            .last()
            .unwrap_or(t);
        let se = (t..toks.len())
            .take_while(|&i| sid[i] == s)
            .last()
            .unwrap_or(t)
            + 1;
        let prev_q = (ss..t)
            .rev()
            .find(|&i| matches!(toks[i].k, TokKind::Quote(_)));
        let next_q = (t + 1..se).find(|&i| matches!(toks[i].k, TokKind::Quote(_)));
        Site {
            toks,
            sid,
            t,
            ss,
            se,
            prev_q,
            post_hi: next_q.unwrap_or(se),
        }
    }
}

/// The kind of a quote a cue attributes: a term with a cue is a partial quote.
fn heard(kind: QuoteKind) -> QuoteKind {
    if kind == QuoteKind::Term {
        QuoteKind::Partial
    } else {
        kind
    }
}

impl<'t> Attributor<'t> {
    /// Attribute the quote at token `t` (the `n`th of the paragraph).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn attribute_one(
        &mut self,
        bi: usize,
        toks: &[Tok],
        sid: &[u32],
        t: usize,
        n: usize,
        q: &RawQuote,
        prev: &[Finding],
        out: &mut Attributed,
    ) -> (Finding, QuoteKind) {
        let at = Site::new(toks, sid, t);
        let kind = q.kind;
        // 0. A quoted transcript: the piece opens with a speaker label ("SMITH: …").
        if let Some(a) = self.transcript_label(q, out) {
            return (a, QuoteKind::Direct);
        }
        // A stage direction in parentheses is not speech.
        let inner = q.inner.slice(self.text);
        if inner.starts_with('(') && inner.trim_end_matches(['.', ',']).ends_with(')') {
            return (Finding::default(), QuoteKind::Term);
        }
        // 1. Split quote: “…,” he said, “…” (or “…,” he said. “…”).
        if let Some((a, same_sentence)) = self.split_quote(&at, n, prev) {
            // “…,” Roe said. “…,” Doe said: a piece in a sentence of its own
            // with a cue of its own right after it, by name or pronoun ("she
            // said"), is that person's. A role ("the candidate said") most
            // often goes on with the speaker of the first piece.
            if !same_sentence
                && let Some(b) = self.cue_right_after(&at, kind, out)
                && b.speaker.is_some()
                && b.mention.is_some_and(|m| self.names_or_points(m))
            {
                return (b, heard(kind));
            }
            return (a, heard(kind));
        }
        // 1b. The previous paragraph ended in "He said:".
        if t == 0
            && let Some(a) = self.after_colon_intro(bi, out)
        {
            return (a, kind);
        }
        // 2.–4. A cue around the quote.
        if let Some(found) = self.cued(&at, kind, out) {
            return found;
        }
        if kind == QuoteKind::Term {
            return (Finding::default(), kind);
        }
        // 5.–6. A quote that runs on, or a speaker named in the next sentence.
        (self.run_on(bi, &at, n, q, kind, out), kind)
    }

    /// Step 0: a quoted transcript piece opening with its speaker's label
    /// ("SMITH: …"), which is the mention.
    fn transcript_label(&mut self, q: &RawQuote, out: &mut Attributed) -> Option<Finding> {
        let inner = q.inner.slice(self.text);
        // Only a colon among the first 31 bytes can end a label: the rest of
        // a long quote is not searched.
        let mut head = inner.len().min(31);
        while !inner.is_char_boundary(head) {
            head -= 1;
        }
        let colon = inner[..head].find(':')?;
        if !((2..=30).contains(&colon)
            && inner[..colon].chars().any(crate::annotate::is_alpha)
            && inner[..colon]
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-'))
        {
            return None;
        }
        let label = Span::new(q.inner.start, q.inner.start + colon);
        let name = label
            .slice(self.text)
            .trim_end_matches('.')
            .trim()
            .to_string();
        let key = name.to_lowercase();
        let pi = match self.by_name.get(&key).copied() {
            Some(pi) => pi,
            None => self.person(&name, None, Gender::U, SpeakerKind::Person, label.start),
        };
        let speaker = Some(self.speaker_of(pi, label.start, out));
        Some(Finding {
            speaker,
            mention: Some(label),
            cue: None,
            post_cue: None,
            continues: false,
        })
    }

    /// Step 1: the piece after the cue of a split quote (“…,” he said, “…”)
    /// continues the piece before it (the `n - 1`th quote, found as `prev`);
    /// with whether both pieces are in one sentence.
    fn split_quote(&self, at: &Site, n: usize, prev: &[Finding]) -> Option<(Finding, bool)> {
        let (toks, sid, t) = (at.toks, at.sid, at.t);
        let prev_any = (t.saturating_sub(10)..t)
            .rev()
            .find(|&i| matches!(toks[i].k, TokKind::Quote(_)));
        if let (Some(p), Some(pa)) = (prev_any, n.checked_sub(1).and_then(|k| prev.get(k)))
            && let Some(c) = pa.post_cue
            && (sid[p] == sid[t] || self.cue_phrase_only(toks, p, t, c))
            && !self.so_called(toks, t)
            && c > p
            && c < t
            && pa.speaker.is_some()
        {
            let finding = Finding {
                post_cue: None,
                continues: true,
                ..*pa
            };
            return Some((finding, sid[p] == sid[t]));
        }
        None
    }

    /// Step 1b: the subject of a "He said:" that closed the paragraph before
    /// block `bi` (used up whether it applies or not).
    fn after_colon_intro(&mut self, bi: usize, out: &mut Attributed) -> Option<Finding> {
        let (b, np_toks, cue) = self.colon_intro.take()?;
        if b + 1 < bi || np_toks.is_empty() {
            return None;
        }
        let np = NounPhrase {
            a: 0,
            b: np_toks.len(),
        };
        let mut a = self.make(&np_toks, np, cue, None, out);
        a.post_cue = None;
        Some(a)
    }

    /// Steps 2–4: a speech cue right after the quote, before it in its
    /// sentence, or later in its sentence; with the quote's kind.
    fn cued(
        &mut self,
        at: &Site,
        kind: QuoteKind,
        out: &mut Attributed,
    ) -> Option<(Finding, QuoteKind)> {
        let (toks, sid, t, ss) = (at.toks, at.sid, at.t, at.ss);
        // 2. Cue right after the quote: “…,” Smith said / said Smith / according to Smith.
        if let Some(a) = self.cue_right_after(at, kind, out) {
            return Some((a, heard(kind)));
        }
        // 3. Cue before the quote in the same sentence: Smith said: “…”.
        let lo = at.prev_q.map_or(ss, |p| p + 1);
        if let Some(a) = self.pre_cue(toks, sid, t, lo, ss, kind == QuoteKind::Term, out) {
            return Some((a, heard(kind)));
        }
        if let Some(a) = self.colon_subject(toks, t, ss, out) {
            return Some((a, kind));
        }
        // 4. A cue later in the sentence: “…,” which the ambassador said …
        if let Some(a) = self.post_cue(
            toks,
            sid,
            t,
            at.post_hi,
            false,
            kind != QuoteKind::Direct,
            out,
        ) {
            return Some((a, heard(kind)));
        }
        None
    }

    /// A speech cue right after the quote of `kind` at `at`
    /// ([`Attributor::post_cue`], strict).
    fn cue_right_after(
        &mut self,
        at: &Site,
        kind: QuoteKind,
        out: &mut Attributed,
    ) -> Option<Finding> {
        let term = kind != QuoteKind::Direct;
        self.post_cue(at.toks, at.sid, at.t, at.post_hi, true, term, out)
    }

    /// Steps 5–6 for a quote of `kind` that no cue attributes: a
    /// multi-paragraph piece or a quote right after a quote keeps the last
    /// speaker; a speaker named in the next sentence ("“…” Smith said so on
    /// Friday") speaks.
    fn run_on(
        &mut self,
        bi: usize,
        at: &Site,
        n: usize,
        q: &RawQuote,
        kind: QuoteKind,
        out: &mut Attributed,
    ) -> Finding {
        let follows = self.last.as_ref().is_some_and(|(lb, _)| *lb + 1 >= bi)
            && (at.prev_q.is_some() || n > 0 || at.ss == 0 || q.continues);
        if q.continues
            && let Some((_, la)) = self.last
        {
            return self.continuing(la);
        }
        if kind == QuoteKind::Direct
            && at.se < at.toks.len()
            && let Some(a) = self.next_sentence(at.toks, at.sid, at.se, out)
        {
            return a;
        }
        if kind == QuoteKind::Direct
            && at.ss == at.t
            && let Some(a) = self.prev_sentence(at.toks, at.sid, at.t, out)
        {
            return a;
        }
        // A roundup: the quote fills its paragraph and the line below signs it.
        if kind == QuoteKind::Direct
            && at.t + 3 >= at.toks.len()
            && at.toks[at.t + 1..]
                .iter()
                .all(|x| matches!(x.k, TokKind::Punct(_)))
            && let Some(a) = self.signature_below(at.toks[at.toks.len() - 1].e, out)
        {
            return a;
        }
        if follows
            && kind == QuoteKind::Direct
            && let Some((_, la)) = self.last
        {
            return self.continuing(la);
        }
        Finding::default()
    }

    /// The signature line under a quote's paragraph ending at byte `end`
    /// ("— Jane Roe, a voter in Ohio."): a short line that opens with a dash
    /// and a name.
    fn signature_below(&mut self, end: usize, out: &mut Attributed) -> Option<Finding> {
        let rest = &self.text[end..];
        let gap = rest.len() - rest.trim_start().len();
        if !rest[..gap].contains('\n') {
            return None;
        }
        let start = end + gap;
        let line_len = self.text[start..]
            .find('\n')
            .unwrap_or(self.text.len() - start);
        if line_len > 120 {
            return None;
        }
        let mut toks = Vec::new();
        self.tokenize(Span::new(start, start + line_len), &[], &mut toks);
        if toks.len() < 2
            || !matches!(toks[0].k, TokKind::Punct('—' | '–' | '-' | '―'))
            || !self.is_capword(&toks[1])
        {
            return None;
        }
        let b = self.cap_run_fwd(&toks, 1, toks.len());
        if b < toks.len() && !matches!(toks[b].k, TokKind::Punct(',' | '.' | '(')) {
            return None;
        }
        let np = NounPhrase { a: 1, b };
        let cue = Span::new(toks[0].s, toks[0].e);
        let mut a = self.make(&toks, np, cue, None, out);
        a.post_cue = None;
        Some(a)
    }

    /// Whether the quote at `t` follows "so-called": a scare quote, nobody's
    /// words, even right after someone spoke.
    fn so_called(&self, toks: &[Tok], t: usize) -> bool {
        let word = |k: usize| t.checked_sub(k).map(|i| &toks[i]);
        match (word(3), word(2), word(1)) {
            (_, _, Some(w)) if self.w(w).eq_ignore_ascii_case("so-called") => true,
            (Some(so), Some(dash), Some(called)) => {
                self.w(so).eq_ignore_ascii_case("so")
                    && matches!(dash.k, TokKind::Punct('-' | '‑'))
                    && self.w(called) == "called"
            }
            _ => false,
        }
    }

    /// Whether the words between quotes `p` and `t` are only the cue phrase
    /// around the verb at `c` ("he said." / "said Smith, a lawyer.").
    fn cue_phrase_only(&self, toks: &[Tok], p: usize, t: usize, c: usize) -> bool {
        let words = toks[p + 1..t]
            .iter()
            .filter(|x| x.k == TokKind::Word)
            .count();
        c > p && c < t && words <= 8 && !toks[c + 1..t].iter().any(|x| self.is_verb(x, false))
    }

    /// Whether the mention `m` names someone or is a pronoun of the lexicon
    /// ("he", "she", "it"): not a role with an article ("the minister").
    fn names_or_points(&self, m: Span) -> bool {
        let Some(w) = self.text.get(m.start..m.end) else {
            return false;
        };
        let first = w
            .split(|c: char| !crate::annotate::is_word_char(c))
            .next()
            .unwrap_or("");
        let pronoun = LEX.pronouns.contains_key(&*lower(first));
        pronoun || first.starts_with(char::is_uppercase) && !["The", "A", "An"].contains(&first)
    }

    /// The last finding `la`, for a quote that continues it.
    fn continuing(&mut self, la: Finding) -> Finding {
        if let Some(id) = la.speaker
            && let Some(pi) = self.people.iter().position(|p| p.id == Some(id))
        {
            self.touch(pi);
        }
        Finding {
            post_cue: None,
            continues: true,
            cue: None,
            ..la
        }
    }
}
