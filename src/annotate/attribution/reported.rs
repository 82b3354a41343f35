//! Reported speech: what was said without quotation marks.
//!
//! Most of what diplomats say reaches readers paraphrased ("The minister said
//! that talks would resume", "According to the embassy, …"). This stage finds
//! such statements with the same token scan as direct quotes, no parser: a
//! reporting verb of `assets/lexicon/reported-verbs.txt` with its subject and
//! the clause after it; `according to X` before or after a clause; `…, X said`
//! closing a sentence. The content is the reported clause only (not the cue,
//! not the source), ending at the sentence end, a closing parenthesis, a
//! semicolon, the start of a direct quote or the next cue. A clause may hold
//! the speaker's quoted words (`said the plan “has failed”`, `called it “a
//! disaster”`): `reported_quoted` finds those, as PolNeAR's content is the
//! whole clause.
//!
//! What it leaves out: a speaker in the first or second person (`I think
//! that …`: the speaker's own words), questions (a sentence with `?`), hypotheticals (a cue
//! after `would`, `could`, `might`, `should` or in an `if`/`unless` clause),
//! negated cues (`did not say`), passives (`it is believed that`), `said` as
//! an adjective (`the said agreement`) and infinitives (`declined to say`).
//!
//! Candidates are found per paragraph before any speaker is resolved; the
//! paragraph scan then resolves each at its place in the text
//! ([`Attributor::resolve_reported`]), so pronouns and role nouns refer back
//! exactly as they do for direct quotes, through the one speaker table.

use std::sync::LazyLock;

use super::noun_phrase::NounPhrase;
use super::reported_cues::OBJECT;
use super::reported_quoted::subject_of_contraction;
use super::tokens::{Tok, TokKind, is_cap, lower};
use super::words::{AUX_SET, NP_STOP_SET, PREPS, Shapes, TIME_NOUNS_SET, in_list};
use super::{Attributed, Attributor};
use crate::annotate::FastMap;
use crate::annotate::quotes::RawQuote;
use crate::model::{Quote, QuoteKind, Span};

/// What a reporting verb takes before its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Takes {
    /// Only a `that` clause ("found that …").
    That,
    /// A `that` clause or a bare clause ("said the talks failed").
    Bare,
    /// A listener first ("told reporters (that) …").
    Listener,
    /// Only an object with its quoted complement ("called the plan “a
    /// disaster”", "described him as “…”").
    Complement,
}

/// The first bytes and lengths of the words of [`VERBS`] and [`OBJECT`], as
/// they are looked up (case-sensitively): a word whose shape is not here is
/// in neither list.
static CUE_SHAPES: LazyLock<Shapes> =
    LazyLock::new(|| Shapes::new(VERBS.keys().chain(OBJECT.keys()).copied()));

/// The reporting verbs, with what each takes.
pub(super) static VERBS: LazyLock<FastMap<&'static str, Takes>> = LazyLock::new(|| {
    crate::annotate::lexicon::parse_list(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/lexicon/reported-verbs.txt"
    )))
    .map(|l| {
        let mut it = l.split_whitespace();
        let w = it.next().unwrap_or("");
        let t = match it.next() {
            Some("b") => Takes::Bare,
            Some("o") => Takes::Listener,
            Some("c") => Takes::Complement,
            _ => Takes::That,
        };
        (w, t)
    })
    .collect()
});

/// Words that open a bare clause as its subject ("said he would go").
pub(super) const SUBJECTS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "there", "this", "these", "those",
];
/// Determiners that open a bare clause's subject ("said the talks failed").
pub(super) const CLAUSE_DETS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "some", "many", "most", "no",
    "all", "both", "any", "every", "such",
];
/// The forms of "feel": after a [`CAUSATIVE`] verb or "to", one takes no
/// bare clause that opens with a lower-case word ("make the region feel
/// safe"); see [`Attributor::clause_after`].
const FEEL: &[&str] = &["feel", "feels", "felt", "feeling"];
/// Verbs that make or let someone feel something ("made them feel safe").
const CAUSATIVE: &[&str] = &[
    "make", "makes", "made", "making", "let", "lets", "letting", "help", "helps", "helped",
    "helping", "allow", "allows", "allowed", "allowing",
];
/// Words that open an indirect question after `asked` or `wondered`.
pub(super) const QUESTION_WORDS: &[&str] = &["if", "why", "how", "what", "when", "where", "who"];
/// Words after a reporting verb that are its object or an adverb, never the
/// subject of a clause ("said so", "said nothing", "say goodbye").
const NO_CLAUSE: &[&str] = &[
    "so",
    "nothing",
    "something",
    "anything",
    "little",
    "much",
    "more",
    "less",
    "yes",
    "no",
    "goodbye",
    "hello",
    "otherwise",
    "to",
    "of",
    "for",
    "with",
    "about",
    "by",
    "as",
];
/// Finite verbs and auxiliaries that show a bare clause has a verb.
pub(super) const FINITE: &[&str] = &[
    "is", "are", "was", "were", "would", "will", "could", "can", "should", "must", "may", "might",
    "had", "has", "have", "did", "does", "do", "wants", "needs",
];
/// Words between subject and cue that make it hypothetical, negated or passive.
pub(super) const NOT_REPORTED: &[&str] = &[
    "would", "could", "might", "should", "not", "never", "is", "was", "were", "are", "be", "been",
    "being", "to", "cannot", "if",
];
/// Listeners of `told` that are one word ("told reporters the plan failed").
const LISTENERS: &[&str] = &[
    "him",
    "her",
    "them",
    "us",
    "me",
    "you",
    "reporters",
    "journalists",
    "lawmakers",
    "parliament",
    "congress",
    "supporters",
    "viewers",
    "listeners",
];
/// Words that may open an adverbial between a cue and its `that`
/// ("said on Tuesday that", "said in a statement that").
/// Relative pronouns: after a comma they open a clause about what comes
/// before ("…, which the minister said …"), not a new statement's cue.
pub(super) const RELATIVE: &[&str] = &["which", "who", "whom", "whose"];

const ADVERBIAL: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "last",
    "this",
    "late",
    "earlier",
    "yesterday",
    "today",
    "also",
    "again",
    "repeatedly",
    "publicly",
    "privately",
    "once",
    "recently",
    "out",
];

/// A reported statement found in a paragraph, its speaker not yet resolved.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reported {
    /// Who speaks, as written.
    pub(super) np: NounPhrase,
    /// The cue ("said", "according to").
    pub(super) cue: Span,
    /// The content's first token.
    pub(super) a: usize,
    /// One past the content's last token.
    pub(super) b: usize,
    /// Whether the speaker is not named ("Asked whether …, Roe said": the
    /// question is not Roe's), so that `np` only anchors the statement.
    pub(super) unnamed: bool,
}

impl Reported {
    /// The token at which it is resolved: its first token of speaker or content.
    pub(super) fn anchor(&self) -> usize {
        self.np.a.min(self.a)
    }
}

impl<'t> Attributor<'t> {
    /// The reported statements of a paragraph's tokens, in order of their anchors.
    pub(super) fn find_reported(
        &self,
        toks: &[Tok],
        sid: &[u32],
        quotes: &[&RawQuote],
    ) -> Vec<Reported> {
        let mut found = Vec::new();
        let mut ss = 0;
        while ss < toks.len() {
            let mut se = ss + 1;
            while se < toks.len() && sid[se] == sid[ss] {
                se += 1;
            }
            let first = found.len();
            self.sentence_reported(toks, sid, quotes, ss, se, &mut found);
            self.cut_at_next(toks, &mut found[first..]);
            ss = se;
        }
        found.sort_by_key(Reported::anchor);
        found
    }

    /// Resolve and record the statements of `found` (from `*ri`) anchored
    /// before token `upto`, registering the paragraph's mentions up to each
    /// one first (`*done`: mentions before it are registered).
    pub(super) fn resolve_reported(
        &mut self,
        (toks, runs): (&[Tok], &[u64]),
        found: &[Reported],
        ri: &mut usize,
        done: &mut usize,
        upto: usize,
        out: &mut Attributed,
    ) {
        while let Some(r) = found.get(*ri)
            && r.anchor() < upto
        {
            if r.anchor() > *done {
                self.mentions(toks, runs, *done, r.anchor());
                *done = r.anchor();
            }
            let (speaker, mention) = if r.unnamed {
                (None, None)
            } else {
                let f = self.make(toks, r.np, r.cue, None, out);
                (f.speaker, f.mention)
            };
            out.quotes.push((
                Span::new(toks[r.a].s, toks[r.b - 1].e),
                Quote {
                    kind: QuoteKind::Reported,
                    speaker,
                    mention,
                    cue: Some(r.cue),
                    continues: false,
                    turn: false,
                },
            ));
            *ri += 1;
        }
    }

    /// The reported statements of the sentence `[ss, se)`.
    fn sentence_reported(
        &self,
        toks: &[Tok],
        sid: &[u32],
        quotes: &[&RawQuote],
        ss: usize,
        se: usize,
        found: &mut Vec<Reported>,
    ) {
        // A question reports nothing.
        if toks[ss..se].iter().any(|t| t.k == TokKind::Punct('?')) {
            return;
        }
        let first = found.len();
        if let Some(r) = self.closing_cue(toks, sid, quotes, ss, se) {
            found.push(r);
        }
        if let Some(r) = self.asked_opening(toks, quotes, ss, se) {
            found.push(r);
        }
        for v in ss..se {
            if toks[v].k != TokKind::Word {
                continue;
            }
            if self.is_word(toks, v, "according") && self.is_word(toks, v + 1, "to") {
                if let Some(r) = self.according_to(toks, quotes, ss, se, v) {
                    found.push(r);
                }
                continue;
            }
            // Both cues below start from a word of the verb lists: most words
            // are told apart from them by first byte and length alone.
            if !CUE_SHAPES.may_hold(self.w(&toks[v])) {
                continue;
            }
            let prev = found[first..].last().map(|r| r.np);
            if let Some(r) = self
                .verb_cue(toks, sid, quotes, ss, se, v, prev)
                .or_else(|| self.that_clause(toks, sid, quotes, (ss, se), v, prev))
            {
                found.push(r);
            }
        }
    }

    /// `According to X, …` opening the sentence, or `…, according to X`.
    fn according_to(
        &self,
        toks: &[Tok],
        quotes: &[&RawQuote],
        ss: usize,
        se: usize,
        v: usize,
    ) -> Option<Reported> {
        // A source the name rules do not know ("according to recent
        // polls") is its words up to the next mark.
        let np = self.np_after(toks, v + 1, se).or_else(|| {
            let a = v + 2;
            let b = (a..(a + 10).min(se))
                .find(|&k| toks[k].k != TokKind::Word)
                .unwrap_or((a + 10).min(se));
            (b > a).then_some(NounPhrase { a, b })
        })?;
        let cue = Span::new(toks[v].s, toks[v + 1].e);
        let opens = (ss..v).all(|k| self.is_word_any(toks, k, &["but", "and", "yet", "so"]));
        if opens {
            // The source may run on ("According to a poll of Iowa voters, …").
            let comma = (np.b..(v + 18).min(se)).find(|&k| {
                !matches!(
                    toks[k].k,
                    TokKind::Word | TokKind::Punct(',' | '.' | '-' | '’' | '\'')
                ) || toks[k].k == TokKind::Punct(',')
            })?;
            if toks[comma].k != TokKind::Punct(',') {
                return None;
            }
            let a = comma + 1;
            let b = self.clause_end(toks, quotes, a, se);
            return self.statement(toks, quotes, np, cue, a, b);
        }
        // The clause before the cue, with or without a comma ("… 46 percent
        // according to a poll"); a long one after it ("X, according to Y,
        // would …") makes the whole sentence the statement.
        let before = match toks.get(v.wrapping_sub(1)).map(|t| t.k) {
            Some(TokKind::Punct(',')) => v - 1,
            Some(TokKind::Word | TokKind::Quote(_)) => v,
            _ => return None,
        };
        let a = self.clause_start(toks, quotes, ss, before)?;
        let rest = (np.b..se).filter(|&k| toks[k].k == TokKind::Word).count();
        let b = if rest >= 3
            && before < v
            && toks.get(np.b).is_some_and(|t| t.k == TokKind::Punct(','))
        {
            self.clause_end(toks, quotes, np.b + 1, se)
        } else {
            self.trim_end(toks, a, before)
        };
        self.statement(toks, quotes, np, cue, a, b)
    }

    /// `…, X said.` / `…, said X.` / `…, X told reporters.` closing the sentence.
    fn closing_cue(
        &self,
        toks: &[Tok],
        sid: &[u32],
        quotes: &[&RawQuote],
        ss: usize,
        se: usize,
    ) -> Option<Reported> {
        // The last comma, or a quotation ending in one ("…is “dead,” he said").
        let c = (ss + 2..se).rev().find(|&k| self.comma_at(toks, k))?;
        let (c, (np, v)) = self
            .tail_cue(toks, sid, quotes, c, se)
            .map(|f| (c, f))
            .or_else(|| self.apposed_tail(toks, ss, se))?;
        let cut = if toks[c].k == TokKind::Punct(',') {
            c
        } else {
            c + 1
        };
        let a = self.clause_start(toks, quotes, ss, cut)?;
        let b = self.trim_end(toks, a, cut);
        let cue = Span::new(toks[v].s, toks[v].e);
        self.statement(toks, quotes, np, cue, a, b)
    }

    /// The speaker and cue verb of a short cue after the comma at `c` that
    /// runs to the sentence end: `, X said [on Monday].`, `, said X.`.
    fn tail_cue(
        &self,
        toks: &[Tok],
        sid: &[u32],
        quotes: &[&RawQuote],
        c: usize,
        se: usize,
    ) -> Option<(NounPhrase, usize)> {
        // After a quoted fragment the speaker may take an appositive
        // (`… “was a mistake,” said Jane Roe, a farmer.`): the cue is the
        // part before its comma.
        let se = if matches!(toks[c].k, TokKind::Quote(_)) {
            let e = (c + 1..se)
                .find(|&k| toks[k].k == TokKind::Punct(','))
                .unwrap_or(se);
            if toks[e..se]
                .iter()
                .any(|t| matches!(t.k, TokKind::Quote(_) | TokKind::Punct(';' | ':')))
            {
                return None;
            }
            e
        } else {
            se
        };
        let words = toks[c + 1..se]
            .iter()
            .filter(|t| t.k == TokKind::Word)
            .count();
        if words > 10
            || toks[c + 1..se]
                .iter()
                .any(|t| matches!(t.k, TokKind::Quote(_) | TokKind::Punct(',' | ';' | ':')))
        {
            return None;
        }
        for v in c + 1..(c + 8).min(se) {
            let w = self.w(&toks[v]);
            if toks[v].k != TokKind::Word || is_cap(w) || !VERBS.contains_key(w) {
                continue;
            }
            // A clause after the verb makes it an opening cue, not a closing
            // one ("…, Roe said she did not know").
            if w.ends_with("ing")
                || self.is_word(toks, v + 1, "that")
                || (v > c + 1 && self.bare_clause(toks, quotes, v + 1, se).is_some())
            {
                return None;
            }
            let np = if v == c + 1 {
                // "…, said Roe [on Monday]", not "…, said it would …".
                let np = self.np_after(toks, v, se)?;
                let ends = np.b >= se
                    || toks[np.b].k != TokKind::Word
                    || self.is_word_any(toks, np.b, PREPS)
                    || self.is_word_any(toks, np.b, ADVERBIAL);
                ends.then_some(np)?
            } else {
                let np = self
                    .np_before(toks, v, c + 1, sid)
                    .or_else(|| self.loose_subject(toks, c + 1, v))?;
                // "…, union spokesman Piet Vos said": a few lower-case words
                // before the name belong to it.
                let lead = toks.get(c + 1..np.a).unwrap_or_default();
                // "…, which he described as …" is a relative clause, no cue.
                let lead_ok = np.a > c
                    && lead.len() <= 4
                    && lead.iter().all(|t| {
                        t.k == TokKind::Word
                            && !VERBS.contains_key(self.w(t))
                            && !AUX_SET.has(self.w(t))
                            && !in_list(RELATIVE, self.w(t))
                    });
                lead_ok.then_some(np)?
            };
            return Some((np, v));
        }
        None
    }

    /// A statement introduced by the reporting verb at `v`: `X said (that) …`,
    /// `X told reporters (that) …`, `…, adding that …` (whose speaker is
    /// `prev`, the last speaker found in the sentence, or its subject).
    #[allow(clippy::too_many_arguments)]
    fn verb_cue(
        &self,
        toks: &[Tok],
        sid: &[u32],
        quotes: &[&RawQuote],
        ss: usize,
        se: usize,
        v: usize,
        prev: Option<NounPhrase>,
    ) -> Option<Reported> {
        let w = self.w(&toks[v]);
        if is_cap(w) {
            return None;
        }
        let takes = VERBS.get(w).copied();
        if takes.is_none() && !OBJECT.contains_key(w) {
            return None;
        }
        // "the said agreement", "declined to say", "a warning".
        if v > ss
            && self.is_word_any(
                toks,
                v - 1,
                &["the", "a", "an", "this", "that", "to", "his", "her", "its"],
            )
        {
            return None;
        }
        // "expressed hope that": the verb's noun after another verb.
        if v > ss && toks[v - 1].k == TokKind::Word && {
            let p = self.w(&toks[v - 1]);
            !is_cap(p) && p.ends_with("ed")
        } {
            return None;
        }
        let participle = w.ends_with("ing");
        let mut loose = false;
        let np = if participle {
            if v == ss || !matches!(toks[v - 1].k, TokKind::Punct(',')) {
                return None;
            }
            prev.or_else(|| self.sentence_subject(toks, ss, v))?
        } else {
            let np = self
                .np_before(toks, v, ss, sid)
                .or_else(|| self.sentence_subject(toks, ss, v))
                .or_else(|| {
                    // A subject the name rules do not know ("Nearly half
                    // said", "The retired judge says") serves a clause only.
                    loose = true;
                    self.loose_subject(toks, ss, v)
                })?;
            // Hypothetical, negated or passive: "would say", "did not say",
            // "is believed"; or in an "if" clause.
            let between = (np.b..v).any(|k| {
                toks[k].k == TokKind::Word && {
                    let x = self.w(&toks[k]);
                    in_list(NOT_REPORTED, x) || x.ends_with("n't") || x.ends_with("n’t")
                }
            });
            if between || (ss..np.a).any(|k| self.is_word_any(toks, k, &["if", "unless"])) {
                return None;
            }
            np
        };
        // "The talks, he said, will resume": the cue set off by commas.
        if !participle
            && takes.is_some()
            && np.a > ss
            && toks[np.a - 1].k == TokKind::Punct(',')
            && toks.get(v + 1).is_some_and(|t| t.k == TokKind::Punct(','))
        {
            let a = self.clause_start(toks, quotes, ss, np.a - 1)?;
            let b = self.clause_end(toks, quotes, v + 2, se);
            return self.statement(toks, quotes, np, Span::new(toks[v].s, toks[v].e), a, b);
        }
        if let Some(a) = takes.and_then(|t| self.clause_after(toks, quotes, v, se, t)) {
            let b = self.clause_end(toks, quotes, a, se);
            return self.statement(toks, quotes, np, Span::new(toks[v].s, toks[v].e), a, b);
        }
        // "criticized the plan", "called for talks": the object is the content
        // (a subject the rules know: "a group called …" names, it reports nothing).
        if loose || (w.starts_with("call") && !self.names_caller(toks, ss, v)) {
            return None;
        }
        // "The share has declined from 58 percent": a quantity that moved,
        // not a refusal.
        if self.is_word_any(toks, v + 1, &["from", "by"])
            && toks
                .get(v + 2)
                .is_some_and(|t| self.w(t).starts_with(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        let a = self.object_start(toks, v, se)?;
        let b = self.clause_end(toks, quotes, a, se);
        let cue = Span::new(toks[v].s, toks[a - 1].e);
        self.statement_of(toks, quotes, np, cue, (a, b), 2)
    }

    /// The first token of the clause a reporting verb at `v` introduces.
    fn clause_after(
        &self,
        toks: &[Tok],
        quotes: &[&RawQuote],
        v: usize,
        se: usize,
        takes: Takes,
    ) -> Option<usize> {
        let mut j = v + 1;
        if self.w(&toks[v]).starts_with("point") {
            if !self.is_word(toks, j, "out") {
                return None;
            }
            j += 1;
        }
        // An explicit "that", after a short adverbial or listener ("asked
        // him whether …" has a listener too).
        let opener_ok = j < se
            && (toks[j].k == TokKind::Punct(',')
                || self.is_word_any(toks, j, ADVERBIAL)
                || self.is_capword(&toks[j])
                || takes == Takes::Listener
                || (self.w(&toks[v]).starts_with("ask") && self.np_after(toks, v, se).is_some()));
        let window = if takes == Takes::Listener { 16 } else { 9 };
        let asks = {
            let w = self.w(&toks[v]);
            w.starts_with("ask") || w.starts_with("wonder")
        };
        for k in j..(j + window).min(se) {
            match toks[k].k {
                TokKind::Word
                    if self.is_word(toks, k, "that")
                        || self.is_word(toks, k, "whether")
                        || (asks && self.is_word_any(toks, k, QUESTION_WORDS)) =>
                {
                    if k == j || opener_ok {
                        return Some(k);
                    }
                    break;
                }
                TokKind::Word if k > j && VERBS.contains_key(self.w(&toks[k])) => break,
                TokKind::Word | TokKind::Punct(',' | '.') => {}
                _ => break,
            }
        }
        match takes {
            // "stressed the “bright” future of …": the quoted words are the content's.
            Takes::That | Takes::Complement => self.quoted_complement(toks, quotes, v, se),
            // "make the region feel safe", "allows us to feel confident":
            // a feeling someone is made to have is no one's statement, and
            // the lower-case word after it is its adjective, not a subject.
            Takes::Bare
                if self.is_word_any(toks, v, FEEL)
                    && (v.saturating_sub(8)..v)
                        .rev()
                        .take_while(|&k| !matches!(toks[k].k, TokKind::Punct('.' | '?' | '!')))
                        .any(|k| {
                            self.is_word_any(toks, k, CAUSATIVE)
                                || (k + 1 == v && self.is_word(toks, k, "to"))
                        })
                    && toks.get(j).is_some_and(|t| {
                        // `in_list` ignores case: no lower-cased copy.
                        let w = self.w(t);
                        t.k == TokKind::Word
                            && !is_cap(w)
                            && !in_list(SUBJECTS, w)
                            && !in_list(CLAUSE_DETS, w)
                            && !in_list(&["like", "as"], w)
                    }) =>
            {
                None
            }
            Takes::Bare => self.after_adverbial(toks, quotes, j, se),
            Takes::Listener => {
                let after = if self.is_word_any(toks, j, LISTENERS) {
                    Some(j + 1)
                } else {
                    self.np_after(toks, v, se)
                        .filter(|np| np.b - np.a <= 4)
                        .map(|np| np.b)
                };
                after
                    .and_then(|after| self.after_adverbial(toks, quotes, after, se))
                    .or_else(|| self.after_listener(toks, j, se))
            }
        }
    }

    /// A bare clause at `j`, or after a short time adverbial there ("said on
    /// Friday he would go", "said last week the plan was dead").
    fn after_adverbial(
        &self,
        toks: &[Tok],
        quotes: &[&RawQuote],
        j: usize,
        se: usize,
    ) -> Option<usize> {
        // "said Monday the talks …"
        if toks.get(j).is_some_and(|t| {
            t.k == TokKind::Word && is_cap(self.w(t)) && self.w(t).ends_with("day")
        }) {
            return self.bare_clause(toks, quotes, j + 1, se);
        }
        if let Some(a) = self.bare_clause(toks, quotes, j, se) {
            return Some(a);
        }
        if !self.is_word_any(toks, j, ADVERBIAL) {
            return None;
        }
        let end = (j + 5).min(se);
        let k = (j + 1..end).find(|&k| {
            toks[k].k == TokKind::Word && {
                let w = self.w(&toks[k]);
                TIME_NOUNS_SET.has(w) || (is_cap(w) && w.ends_with("day"))
            }
        })?;
        let k = if toks.get(k + 1).is_some_and(|t| t.k == TokKind::Punct(',')) {
            k + 2
        } else {
            k + 1
        };
        self.bare_clause(toks, quotes, k, se)
    }

    /// Token `j` when a bare clause starts there: a subject pronoun, or a
    /// determiner or name followed by a finite verb within a few words.
    fn bare_clause(
        &self,
        toks: &[Tok],
        quotes: &[&RawQuote],
        j: usize,
        se: usize,
    ) -> Option<usize> {
        let t = toks.get(j).filter(|_| j < se)?;
        if matches!(t.k, TokKind::Quote(_)) {
            return self.fragment_clause(toks, quotes, j, se);
        }
        if t.k != TokKind::Word {
            return None;
        }
        let w = self.w(t);
        let lw = lower(w);
        // A word of the clause: a word, or a quoted fragment ("he “has …”").
        let clause_word =
            |k: usize| toks[k].k == TokKind::Word || self.fragment_words(toks, quotes, k) > 0;
        if in_list(SUBJECTS, &lw) || in_list(SUBJECTS, subject_of_contraction(&lw)) {
            // "said it" ending the clause is an object, not a subject.
            let next_word = j + 2 < se && toks[j + 1].k == TokKind::Word;
            let quoted = j + 1 < se && self.fragment_words(toks, quotes, j + 1) > 0;
            return (next_word || quoted).then_some(j);
        }
        if in_list(CLAUSE_DETS, &lw) || w.starts_with(|c: char| c.is_ascii_digit()) {
            return Some(j);
        }
        if in_list(ADVERBIAL, &lw) || in_list(NO_CLAUSE, &lw) {
            return None;
        }
        // A lower-case subject ("says millions lost their homes", "said
        // running for office is hard"): a clause when it runs on for a few
        // words without a mark.
        if !is_cap(w) {
            let run: usize = (j..(j + 4).min(se))
                .take_while(|&k| clause_word(k))
                .map(|k| self.fragment_words(toks, quotes, k).max(1))
                .sum();
            return (run >= 4).then_some(j);
        }
        // A name: a clause when a finite verb follows within a few words.
        let verb = (j + 1..(j + 10).min(se))
            .take_while(|&k| toks[k].k == TokKind::Word)
            .any(|k| {
                let x = self.w(&toks[k]);
                !is_cap(x)
                    && (in_list(FINITE, x)
                        || x.ends_with("ed")
                        || x.ends_with("n't")
                        || x.ends_with("n’t"))
            });
        // Or a name followed by a lower-case word of its clause ("said
        // Trump campaign strategists plan …"), not "said Jane Roe of …".
        let c = self.cap_run_fwd(toks, j, se);
        let runs_on = c + 2 < se
            && toks[c].k == TokKind::Word
            && !is_cap(self.w(&toks[c]))
            && !NP_STOP_SET.has(self.w(&toks[c]))
            && !VERBS.contains_key(self.w(&toks[c]))
            && clause_word(c + 1);
        // Or a name whose predicate is quoted ("says Obama “knows full well …”").
        let quoted = c > j && c < se && self.fragment_words(toks, quotes, c) > 0;
        (verb || runs_on || quoted).then_some(j)
    }

    /// The first token of the clause before the cue at `c` in `[ss, c)`:
    /// after any direct quote in it; `None` when nothing is left.
    pub(super) fn clause_start(
        &self,
        toks: &[Tok],
        quotes: &[&RawQuote],
        ss: usize,
        c: usize,
    ) -> Option<usize> {
        let mut a = ss;
        for (k, t) in toks.iter().enumerate().take(c).skip(ss) {
            if matches!(t.k, TokKind::Punct(';' | ':')) {
                a = k + 1;
            }
        }
        while a < c && matches!(toks[a].k, TokKind::Punct(_)) {
            a += 1;
        }
        // A direct quote opening the clause is a quotation, not a report;
        // one inside it ("The plan is “dead,” he said") belongs to it.
        let quoted =
            |t: &Tok| matches!(t.k, TokKind::Quote(q) if quotes[q].kind == QuoteKind::Direct);
        (a < c && !quoted(&toks[a])).then_some(a)
    }

    /// One past the last token of the clause that starts at `a` in a
    /// sentence ending at `se`: before a direct quote, an unmatched closing
    /// parenthesis, a semicolon or the next cue (", adding …", ", he said",
    /// ", according to …", "and added that …"); trailing marks left out.
    pub(super) fn clause_end(
        &self,
        toks: &[Tok],
        quotes: &[&RawQuote],
        a: usize,
        se: usize,
    ) -> usize {
        let mut depth = 0usize;
        for k in a..se {
            let stop = match toks[k].k {
                // A quotation inside the clause ("said the plan was “dead”")
                // belongs to it; one after a colon or comma, or one that opens it and
                // ends the sentence, ends it.
                TokKind::Quote(q) => {
                    // A fragment whose comma is inside its marks, before a
                    // cue (`as “reckless,” adding …`), ends the clause with it.
                    if k > a
                        && quotes[q].kind != QuoteKind::Direct
                        && quotes[q].inner.slice(self.text).ends_with(',')
                        && self.cue_after_comma(toks, k, se)
                    {
                        return k + 1;
                    }
                    quotes[q].kind == QuoteKind::Direct
                        && ((k == a && !toks[k + 1..se].iter().any(|t| t.k == TokKind::Word))
                            || (k > a
                                && matches!(toks[k - 1].k, TokKind::Punct(':' | ',' | '—' | '–'))))
                }
                TokKind::Punct('(') => {
                    depth += 1;
                    false
                }
                TokKind::Punct(')') => {
                    if depth == 0 {
                        true
                    } else {
                        depth -= 1;
                        false
                    }
                }
                TokKind::Punct(';') => true,
                TokKind::Punct(',') => k > a && self.cue_after_comma(toks, k, se),
                TokKind::Word => {
                    k > a
                        && self.is_word_any(toks, k, &["and", "but"])
                        && toks.get(k + 1).is_some_and(|n| {
                            n.k == TokKind::Word
                                && !is_cap(self.w(n))
                                && VERBS.contains_key(self.w(n))
                                && self.is_word(toks, k + 2, "that")
                        })
                }
                _ => false,
            };
            if stop {
                return self.trim_end(toks, a, k);
            }
        }
        self.trim_end(toks, a, se)
    }

    /// `b` without the marks that end the span `[a, b)`.
    pub(super) fn trim_end(&self, toks: &[Tok], a: usize, mut b: usize) -> usize {
        while b > a && matches!(toks[b - 1].k, TokKind::Punct(_)) {
            b -= 1;
        }
        b
    }
}
