//! Attribution: who said each quote, through cues, names, pronouns, roles and labels.
//!
//! Journalists attribute a quotation with a speech verb next to it (“…,” he
//! said; Smith said: “…”; according to X), name the speaker once in full and
//! then by surname, pronoun or role ("the ambassador"), and let a quote that
//! follows a quote run on without a new cue. This stage follows those habits
//! with a token scan per paragraph: bounded windows around each quote, lexicons
//! looked up through hash sets built once, and a running list of recently
//! mentioned people for pronouns and role nouns, so it stays linear.
//!
//! Two scans read the document, each with its own running state: one for
//! the quotations and turns, one for reported speech (so that finding
//! reported speech never changes who said a quotation). Each block is cut
//! into words once, with its sentences and capitalised runs, and both scans
//! read the same words ([`attribute_both`]); on two threads, a third cuts
//! them and hands them on to both scans in batches.
//!
//! The scan is split by what it looks at: `tokens` cuts a paragraph into
//! words, marks and quotes and finds its sentences; `noun_phrase` finds the
//! noun phrases around a cue; `names` splits a capitalised run into name and
//! role; `cues` finds the speech cues around a quote; `quote` tries them in
//! order for one quote; `discourse` resolves names, pronouns and role nouns to
//! people; `speaker_table` is the speaker table they end up in; `works`
//! tells titles of works from speech; `words` holds the word lists.

mod cues;
mod discourse;
#[cfg(test)]
mod identity_tests;
mod names;
mod noun_phrase;
mod quote;
mod reported;
mod reported_cues;
mod reported_quoted;
mod reported_table;
#[cfg(test)]
mod reported_tests;
mod speaker_table;
#[cfg(test)]
mod tests;
mod tokens;
mod words;
mod works;

pub use speaker_table::Attributed;

use super::FastMap;
use super::quotes::RawQuote;
use super::segment::Structure;
use super::transcript::Turn;
use crate::model::{BlockKind, Quote, QuoteKind, Span, SpeakerId, SpeakerKind};
use names::{Gender, NameParts};
use std::sync::Arc;
use tokens::{Tok, TokKind};
use words::in_list;

/// The speaker table of a document's transcript turns, each turn a direct
/// quote of its speaker: where the direct attribution starts.
fn turn_table(turns: &[Turn], quotes: &[RawQuote]) -> Attributed {
    let mut out = Attributed::default();
    out.quotes.reserve(turns.len() + quotes.len());
    for t in turns {
        let id = out.intern(
            &t.speaker.name,
            t.speaker.role.as_deref(),
            &t.speaker.aliases,
            t.speaker.kind,
        );
        out.quotes.push((
            t.content,
            Quote {
                kind: QuoteKind::Direct,
                speaker: Some(id),
                mention: Some(t.label),
                cue: None,
                continues: false,
                turn: true,
            },
        ));
    }
    out
}

/// Attribute quotes and turns to speakers, with the reported speech
/// waiting to join ([`Reported::join`]) as the whole speaker table.
///
/// Two scans read the document: one for the direct quotes and turns, one
/// of its own for reported speech (a fresh state, so that finding reported
/// speech never changes who said a direct quote). The blocks are cut into
/// words once and both scans read the same words: with `two`, the blocks
/// are cut on a thread of their own and the reported scan runs on another,
/// beside the direct scan on this one.
pub fn attribute_both<'t>(
    text: &'t str,
    structure: &Structure,
    turns: &[Turn],
    quotes: &[RawQuote],
    two: bool,
) -> (Attributed, Reported<'t>) {
    let mut out = turn_table(turns, quotes);
    let mut direct = Attributor::new(text);
    let reported_scan = || Attributor {
        reported: true,
        ..Attributor::new(text)
    };
    let mut shadow = Attributed::default();
    if two {
        shadow = std::thread::scope(|s| {
            // Blocks go over in batches (a message per block would cost
            // more than reading it), through bounded queues: one to each scan.
            let (direct_tx, direct_rx) = std::sync::mpsc::sync_channel::<Batch>(8);
            let (reported_tx, reported_rx) = std::sync::mpsc::sync_channel::<Batch>(8);
            // Read batches come back to be filled again: their vectors are
            // reused, not freed on a scan's thread and made anew on this one
            // (the allocator's cross-thread frees cost more than the scan).
            let (back_tx, back_rx) = std::sync::mpsc::channel::<Batch>();
            let reported_back = back_tx.clone();
            let worker = s.spawn(move || {
                let mut reported = reported_scan();
                let mut shadow = Attributed::default();
                for batch in reported_rx {
                    for w in batch.iter() {
                        reported.read_block(w, quotes, &mut shadow);
                    }
                    // The cutter may be done; then the batch is simply dropped.
                    let _ = reported_back.send(batch);
                }
                shadow
            });
            s.spawn(move || {
                let mut batch = Vec::with_capacity(BATCH);
                let mut spare: Vec<BlockWords> = Vec::new();
                let mut empties: Vec<Vec<BlockWords>> = Vec::new();
                let pass_on = |batch: Vec<BlockWords>| {
                    let batch = Arc::new(batch);
                    // A receiver only goes away if its scan panicked: the
                    // panic comes out where that scan is joined.
                    let _ = reported_tx.send(Arc::clone(&batch));
                    let _ = direct_tx.send(batch);
                };
                for_each_block(text, structure, quotes, |w| {
                    batch.push(w);
                    if batch.len() == BATCH {
                        let next = empties.pop().unwrap_or_else(|| Vec::with_capacity(BATCH));
                        pass_on(std::mem::replace(&mut batch, next));
                    }
                    if spare.is_empty() {
                        // Both scans are done with a batch that came back.
                        for done in back_rx.try_iter() {
                            if let Ok(mut v) = Arc::try_unwrap(done) {
                                spare.append(&mut v);
                                empties.push(v);
                            }
                        }
                    }
                    spare.pop()
                });
                pass_on(batch);
            });
            for batch in direct_rx {
                for w in batch.iter() {
                    direct.read_block(w, quotes, &mut out);
                }
                let _ = back_tx.send(batch);
            }
            worker
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
        });
    } else {
        let mut reported = reported_scan();
        for_each_block(text, structure, quotes, |w| {
            direct.read_block(&w, quotes, &mut out);
            reported.read_block(&w, quotes, &mut shadow);
            Some(w)
        });
    }
    headline_quotes(text, structure, quotes, &mut out);
    own_words_in_turns(text, &mut out);
    out.direct_speakers = out.speakers.len();
    (out, Reported { text, shadow })
}

/// Words that name a document, not a speaker, when one of them alone opens
/// a paragraph that ends in a colon ("Transcript as follows:").
const DOCUMENT_WORDS: &[&str] = &[
    "transcript",
    "transcripts",
    "excerpt",
    "excerpts",
    "text",
    "remarks",
    "video",
    "audio",
    "update",
    "updates",
    "highlights",
];

/// Blocks per message from the thread that cuts them into words to the scans.
const BATCH: usize = 64;

/// A batch of blocks cut into words, shared by the two scans.
type Batch = Arc<Vec<BlockWords>>;

/// The reported speech of a document, found by a scan of its own (a fresh
/// state, so that it never changes who said a direct quote), waiting to join
/// the speaker table of the direct quotes.
pub struct Reported<'t> {
    text: &'t str,
    shadow: Attributed,
}

impl Reported<'_> {
    /// Add the reported speech to `out`, the direct result of [`attribute_both`]
    /// on the same text, whose direct quotes and speakers are final: its
    /// speakers join the same table, then all quotes are put in text order.
    pub fn join(self, out: &mut Attributed) {
        reported_table::add_reported(self.shadow, self.text, out);
        if !out.quotes.is_sorted_by_key(|(s, _)| s.start) {
            out.quotes.sort_by_key(|(s, _)| s.start);
        }
    }
}

/// Whether the mention `m` is the speaker's own "I" or "we", or the "Let"
/// of "Let me say that…" / "Let us recall that…".
fn first_person(text: &str, m: Span) -> bool {
    let Some(w) = text.get(m.start..m.end) else {
        return false;
    };
    let w = w.split(['\'', '’']).next().unwrap_or(w);
    if in_list(&["i", "we"], w) {
        return true;
    }
    let after = text.get(m.end..).unwrap_or("");
    w.eq_ignore_ascii_case("let")
        && (after.starts_with(" me ") || after.starts_with(" us ") || after.starts_with("’s "))
}

/// The transcript turns of a document with their speakers, in text order:
/// inside a turn, "I" and "we" are the turn's speaker.
struct TurnSpeakers(Vec<(Span, SpeakerId)>);

impl TurnSpeakers {
    fn new(out: &Attributed) -> Self {
        let mut turns: Vec<(Span, SpeakerId)> = out
            .quotes
            .iter()
            .filter(|(_, q)| q.turn)
            .filter_map(|(s, q)| Some((*s, q.speaker?)))
            .collect();
        turns.sort_by_key(|(s, _)| s.start);
        TurnSpeakers(turns)
    }

    /// The speaker of the turn holding offset `pos`, if any.
    fn at(&self, pos: usize) -> Option<SpeakerId> {
        let i = self.0.partition_point(|(s, _)| s.start <= pos);
        let (s, id) = self.0.get(i.checked_sub(1)?)?;
        (pos < s.end).then_some(*id)
    }
}

/// The quote that ends the title after a name and a colon ("Jane Roe:
/// ‘…’", found by the quotes stage) is the person's the body names so: the
/// longest run of the title's first words (up to four) that names a speaker
/// of the body, else one of its words ("Roe Tells Rally: ‘…’" and "Jane
/// Roe: ‘…’" are Jane Roe's when the body says "Roe"). Without one it stays
/// unattributed: a headline's capitalised words are seldom a name alone.
fn headline_quotes(text: &str, structure: &Structure, quotes: &[RawQuote], out: &mut Attributed) {
    let Some(title) = structure.blocks.iter().find(|b| b.kind == BlockKind::Title) else {
        return;
    };
    for q in quotes.iter().filter(|q| title.span.contains_span(q.outer)) {
        let mut words: Vec<Span> = Vec::new();
        let mut at = title.span.start;
        for w in text[title.span.start..q.outer.start].split(' ') {
            let w_end = at + w.len();
            let core = w.trim_end_matches([':', ',']);
            if words.len() == 4 || !tokens::is_cap(core) {
                break;
            }
            words.push(Span::new(at, at + core.len()));
            at = w_end + 1;
        }
        // The longest run first ("Jane Roe"), then each word alone ("Roe"
        // when the body calls her so).
        let runs = (1..=words.len())
            .rev()
            .map(|n| Span::new(words[0].start, words[n - 1].end));
        let found = runs
            .chain(words.iter().skip(1).copied())
            .find_map(|span| out.find(span.slice(text)).map(|id| (id, span)));
        out.quotes.push((
            q.inner,
            Quote {
                kind: QuoteKind::Direct,
                speaker: found.map(|(id, _)| id),
                mention: found.map(|(_, span)| span),
                cue: None,
                continues: false,
                turn: false,
            },
        ));
    }
}

/// Inside a transcript turn, a quote introduced by "I" or "we" ("And I said,
/// “…”") is the turn's speaker's.
fn own_words_in_turns(text: &str, out: &mut Attributed) {
    let turns = TurnSpeakers::new(out);
    for (span, q) in out.quotes.iter_mut() {
        if !q.turn && q.speaker.is_none() && q.mention.is_some_and(|m| first_person(text, m)) {
            q.speaker = turns.at(span.start);
        }
    }
}

/// One block as the attribution scans read it, cut into words once for
/// both of them.
struct BlockWords {
    /// What the block is to the scans.
    step: Step,
    /// Its tokens ([`Attributor::tokenize`]).
    toks: Vec<Tok>,
    /// The sentence index of each token (paragraphs only).
    sid: Vec<u32>,
    /// The capitalised runs of its tokens ([`Attributor::cap_runs`]).
    runs: Vec<u64>,
}

/// What a block is to the attribution scans.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// A sentence-case headline: the people it names are the ones "the
    /// President" and "he" of the first lines mean. A title in headline
    /// case is left out: its capitalised runs ("Smith Beats Jones In
    /// Ohio") are no names.
    Title,
    /// A transcript turn's first paragraph: it names people that "he" and
    /// "the minister" of the turn's later paragraphs mean.
    Turn,
    /// Paragraph block `bi` with its quotes, `quotes[first..end]`.
    Paragraph {
        bi: usize,
        span: Span,
        first: usize,
        end: usize,
    },
}

/// The blocks the scans read, in text order, each cut into words, handed
/// to `each`. Tokens and sentences depend on the text alone, so one cut
/// serves every scan. `each` may hand back a block it is done with: its
/// vectors are filled again for a later block.
fn for_each_block(
    text: &str,
    structure: &Structure,
    quotes: &[RawQuote],
    mut each: impl FnMut(BlockWords) -> Option<BlockWords>,
) {
    let mut spare: Option<BlockWords> = None;
    let mut reader = Attributor::new(text);
    let mut qi = 0;
    let mut pq: Vec<&RawQuote> = Vec::new();
    for (bi, b) in structure.blocks.iter().enumerate() {
        let step = match b.kind {
            BlockKind::Title if is_sentence_case(&text[b.span.start..b.span.end]) => Step::Title,
            BlockKind::Turn => Step::Turn,
            BlockKind::Paragraph => {
                while qi < quotes.len() && quotes[qi].outer.start < b.span.start {
                    qi += 1;
                }
                let first = qi;
                while qi < quotes.len() && quotes[qi].outer.end <= b.span.end {
                    qi += 1;
                }
                // Quotes only come from paragraph blocks, so none lies inside a turn.
                Step::Paragraph {
                    bi,
                    span: b.span,
                    first,
                    end: qi,
                }
            }
            _ => continue,
        };
        // About one token per five bytes of English: room enough that the
        // vector seldom grows.
        let (mut toks, mut sid, mut runs) = match spare.take() {
            Some(w) => (w.toks, w.sid, w.runs),
            None => (Vec::new(), Vec::new(), Vec::new()),
        };
        toks.clear();
        toks.reserve(b.span.len() / 4 + 8);
        sid.clear();
        runs.clear();
        pq.clear();
        if let Step::Paragraph { first, end, .. } = step {
            pq.extend(&quotes[first..end]);
        }
        reader.tokenize(b.span, &pq, &mut toks);
        if matches!(step, Step::Paragraph { .. }) {
            sid.reserve_exact(toks.len());
            reader.sentences(&toks, &pq, &mut sid);
        }
        reader.cap_runs(&toks, &mut runs);
        spare = each(BlockWords {
            step,
            toks,
            sid,
            runs,
        });
    }
}

/// Whether a title is written in sentence case: at least two longer words
/// (five letters or more) start in lower case, or one lower-case word is
/// none of the small words that title case leaves in lower case ("President
/// Jan Kral met with …": "met" would be "Met" in title case).
fn is_sentence_case(s: &str) -> bool {
    let lower_words = || {
        s.split_whitespace()
            .filter(|w| w.starts_with(char::is_lowercase))
    };
    lower_words()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 5)
        .count()
        >= 2
        || lower_words().any(|w| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            !TITLE_CASE_SMALL.contains(&w)
        })
}

/// Words that title case leaves in lower case.
const TITLE_CASE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "as", "via", "vs", "into", "onto", "upon", "over", "per", "than", "up", "off", "out",
    "so", "yet",
];

/// A person, organisation or country seen in the text.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    role: Option<String>,
    gender: Gender,
    kind: SpeakerKind,
    last: usize,
    id: Option<SpeakerId>,
}

/// How a quote was attributed.
#[derive(Debug, Clone, Copy, Default)]
struct Finding {
    speaker: Option<SpeakerId>,
    mention: Option<Span>,
    cue: Option<Span>,
    /// Token index of the cue, when the cue came after the quote.
    post_cue: Option<usize>,
    continues: bool,
}

/// The running state of attribution over a document.
struct Attributor<'t> {
    text: &'t str,
    people: Vec<Person>,
    /// Lower-cased full names and surnames to people.
    by_name: FastMap<String, usize>,
    /// Lower-cased role words ("ambassador") to the last person given that role.
    by_role: FastMap<String, usize>,
    /// Recently mentioned people, most recent last (bounded).
    recent: Vec<usize>,
    /// The last attributed quote: block index and attribution.
    last: Option<(usize, Finding)>,
    /// Attributions of the quotes pushed to `out`, for back-filling.
    gender_of: Vec<Gender>,
    /// A paragraph ending in "he said:": its block, subject tokens and cue.
    colon_intro: Option<(usize, Vec<Tok>, Span)>,
    /// [`Attributor::analyse_name`] results by their words (joined by U+001F): a
    /// document names the same people again and again.
    names: FastMap<String, std::rc::Rc<NameParts>>,
    /// Whether the paragraph scan finds reported speech (the second pass).
    reported: bool,
    /// Whether [`Attributor::mentions`] reads a headline, where only titled
    /// full names count.
    title_only: bool,
    /// [`Attributor::cap_word`]'s answers by the word as written.
    cap_words: FastMap<&'t str, discourse::CapWord>,
    /// [`Attributor::known_word`]'s answers by the word as written, each with
    /// the size of `by_name` when it was given.
    known_words: FastMap<&'t str, (usize, bool)>,
}

impl<'t> Attributor<'t> {
    fn new(text: &'t str) -> Self {
        Attributor {
            text,
            people: Vec::new(),
            by_name: FastMap::default(),
            by_role: FastMap::default(),
            recent: Vec::new(),
            last: None,
            gender_of: Vec::new(),
            colon_intro: None,
            names: FastMap::default(),
            reported: false,
            title_only: false,
            cap_words: FastMap::default(),
            known_words: FastMap::default(),
        }
    }

    /// Read one block of [`for_each_block`]: register the people a title
    /// or a turn's first paragraph names, attribute a paragraph's quotes.
    fn read_block(&mut self, w: &BlockWords, quotes: &[RawQuote], out: &mut Attributed) {
        match w.step {
            Step::Title => {
                self.title_only = true;
                self.mentions(&w.toks, &w.runs, 0, w.toks.len());
                self.title_only = false;
            }
            Step::Turn => self.mentions(&w.toks, &w.runs, 0, w.toks.len()),
            Step::Paragraph {
                bi,
                span,
                first,
                end,
            } => {
                let pq: Vec<&RawQuote> = quotes[first..end].iter().collect();
                self.paragraph(bi, span, &pq, w, out);
            }
        }
    }

    /// Attribute the quotes of one paragraph, cut into tokens and their
    /// sentence indices.
    fn paragraph(
        &mut self,
        bi: usize,
        para: Span,
        quotes: &[&RawQuote],
        w: &BlockWords,
        out: &mut Attributed,
    ) {
        let (toks, sid, runs) = (&w.toks[..], &w.sid[..], &w.runs[..]);
        let mut done = 0; // tokens before this have had their mentions registered
        let mut attrs: Vec<Finding> = Vec::with_capacity(quotes.len());
        let mut kinds: Vec<QuoteKind> = Vec::with_capacity(quotes.len());
        let mut works: Vec<bool> = Vec::with_capacity(quotes.len());
        let reported = if self.reported {
            self.find_reported(toks, sid, quotes)
        } else {
            Vec::new()
        };
        let mut ri = 0;
        let qtoks: Vec<usize> = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.k, TokKind::Quote(_)))
            .map(|(i, _)| i)
            .collect();
        for (n, &t) in qtoks.iter().enumerate() {
            self.resolve_reported((toks, runs), &reported, &mut ri, &mut done, t, out);
            self.mentions(toks, runs, done, t);
            done = t + 1;
            if self.reported {
                // The reported-speech pass leaves direct quotes to the first.
                continue;
            }
            let q = quotes[n];
            let (a, kind) = self.attribute_one(bi, toks, sid, t, n, q, &attrs, out);
            let person = a
                .speaker
                .is_some_and(|id| out.speakers[id.index()].kind == SpeakerKind::Person);
            let (kind, work) = self.settle_kind(kind, &a, person, q, para.start);
            if a.mention.is_some() {
                self.last = Some((bi, a));
            }
            attrs.push(a);
            kinds.push(kind);
            works.push(work);
        }
        self.resolve_reported((toks, runs), &reported, &mut ri, &mut done, toks.len(), out);
        self.mentions(toks, runs, done, toks.len());
        if self.reported {
            return;
        }
        self.colon_intro = self.closing_colon(bi, toks, sid);
        take_later_speakers(&mut attrs, sid, &qtoks);
        for (n, q) in quotes.iter().enumerate() {
            let a = if works[n] {
                Finding::default()
            } else {
                attrs[n]
            };
            out.quotes.push((
                self.after_label(q.inner, a.mention),
                Quote {
                    kind: kinds[n],
                    speaker: a.speaker,
                    mention: a.mention,
                    cue: a.cue,
                    continues: a.continues,
                    turn: false,
                },
            ));
        }
        // A quote whose speaker is named only in a continuing piece in the next paragraph
        // is back-filled by `fill_back` at the end of the document.
    }

    /// The kind of quote `q` once attributed as `a`, and whether it is the
    /// title of a work: a short or unattributed fragment and a title are terms.
    fn settle_kind(
        &self,
        mut kind: QuoteKind,
        a: &Finding,
        person: bool,
        q: &RawQuote,
        para_start: usize,
    ) -> (QuoteKind, bool) {
        // A short fragment (a word or name quoted from someone) is a term,
        // unless a speech cue gives it to a person (`X underscored the
        // “bright” future`: the speaker's word, a partial quote); a place or
        // a thing ("the T-shirts read “…”") is no speaker of a fragment.
        let inner = q.inner.slice(self.text);
        if kind == QuoteKind::Partial
            && (a.cue.is_none() || !person || title_case(inner))
            && super::quotes::word_count(inner) <= 3
        {
            kind = QuoteKind::Term;
        }
        // A fragment that nothing in its sentence attributes is not reported
        // speech: a scare-quoted phrase or title.
        if kind == QuoteKind::Partial && a.mention.is_none() {
            kind = QuoteKind::Term;
        }
        // A title of a work is nobody's words, whatever cue is near.
        let work = kind != QuoteKind::Term && works::names_a_work(self.text, para_start, q);
        if work {
            kind = QuoteKind::Term;
        }
        (kind, work)
    }

    /// "He said:" closing a paragraph introduces the quote that opens the next
    /// one: the paragraph's block, the subject's tokens and the cue.
    fn closing_colon(
        &self,
        bi: usize,
        toks: &[Tok],
        sid: &[u32],
    ) -> Option<(usize, Vec<Tok>, Span)> {
        if !(toks.last().is_some_and(|t| t.k == TokKind::Punct(':')) && toks.len() >= 2) {
            return None;
        }
        let end = toks.len() - 1;
        let last = sid[end];
        let ss = (0..end)
            .rev()
            .take_while(|&i| sid[i] == last)
            .last()
            .unwrap_or(end);
        // "Added the minister:" opens with its verb.
        if let Some(np) = self.verb_first(toks, ss, end) {
            return Some((
                bi,
                toks[np.a..np.b].to_vec(),
                Span::new(toks[ss].s, toks[ss].e),
            ));
        }
        let verb = (ss..end).rev().find(|&v| self.is_verb(&toks[v], true));
        let (np, v) = match verb {
            Some(v) => self
                .np_before(toks, v, ss, sid)
                .or_else(|| self.sentence_subject(toks, ss, v))
                .map(|np| (np, v)),
            None => self.sentence_subject(toks, ss, end).map(|np| (np, end)),
        }?;
        // "Transcript as follows:", "Remarks as prepared:": a document, no speaker.
        if np.b == np.a + 1 && self.is_word_any(toks, np.a, DOCUMENT_WORDS) {
            return None;
        }
        Some((
            bi,
            toks[np.a..np.b].to_vec(),
            Span::new(toks[v].s, toks[v].e),
        ))
    }

    /// The spoken words of a quoted transcript piece (`"SMITH: We agree."`):
    /// when the quote opens with its speaker label, the words start after the
    /// label's colon; any other quote keeps its span.
    fn after_label(&self, inner: Span, mention: Option<Span>) -> Span {
        let Some(m) = mention else { return inner };
        if m.start != inner.start || m.end >= inner.end {
            return inner;
        }
        let rest = &self.text[m.end..inner.end];
        let Some(words) = rest.strip_prefix(':') else {
            return inner;
        };
        let words = words.trim_start();
        if words.is_empty() {
            return inner;
        }
        Span::new(inner.end - words.len(), inner.end)
    }
}

/// Whether every word of `s` that is no short function word opens with a
/// capital ("Morning Joe", "Fox and Friends"): the name of a show, a book or
/// a slogan, which a cue near it does not make anybody's words.
fn title_case(s: &str) -> bool {
    let mut words = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !super::is_alnum(c)))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(
                    w,
                    "a" | "an" | "and" | "of" | "the" | "in" | "on" | "for" | "to"
                )
        })
}

/// A piece of a multi-paragraph quote takes the speaker found for a later
/// piece in the same sentence (`qtoks` are the quotes' token indices).
fn take_later_speakers(attrs: &mut [Finding], sid: &[u32], qtoks: &[usize]) {
    for n in (0..attrs.len().saturating_sub(1)).rev() {
        if attrs[n].speaker.is_none()
            && attrs[n + 1].continues
            && attrs[n + 1].speaker.is_some()
            && sid[qtoks[n]] == sid[qtoks[n + 1]]
        {
            attrs[n] = Finding {
                continues: false,
                post_cue: None,
                ..attrs[n + 1]
            };
        }
    }
}
