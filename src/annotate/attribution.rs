//! Attribution: who said each quote, through cues, names, pronouns, roles and labels.
//!
//! Journalists attribute a quotation with a speech verb next to it (“…,” he
//! said; Smith said: “…”; according to X), name the speaker once in full and
//! then by surname, pronoun or role ("the ambassador"), and let a quote that
//! follows a quote run on without a new cue. This stage follows those habits
//! with a token scan per paragraph: bounded windows around each quote, lexicons
//! looked up through hash sets built once, and a running list of recently
//! mentioned people for pronouns and role nouns, so it stays linear.

use super::quotes::RawQuote;
use super::segment::Structure;
use super::transcript::Turn;
use crate::annotate::lexicon::word_list;
use crate::model::{Quote, QuoteKind, Span, Speaker, SpeakerId, SpeakerKind};

/// The attributed quotes and the speaker table they refer to.
#[derive(Debug, Clone, Default)]
pub struct Attributed {
    /// Speakers, `speakers[i].id == SpeakerId(i)`.
    pub speakers: Vec<Speaker>,
    /// Quote annotations (span = quoted words without marks) in text order.
    pub quotes: Vec<(Span, Quote)>,
    /// ASCII-lower-cased names and aliases to the lowest speaker index that
    /// has them, so that interning stays constant-time with many speakers.
    index: super::FastMap<String, usize>,
}

impl Attributed {
    /// The id of the speaker called `name` (case-insensitive, by name or alias),
    /// creating it when new; role, aliases and kind fill in what is missing.
    pub fn intern(
        &mut self,
        name: &str,
        role: Option<&str>,
        aliases: &[String],
        kind: SpeakerKind,
    ) -> SpeakerId {
        let found = self.index.get(&name.to_ascii_lowercase()).copied();
        let i = match found {
            Some(i) => i,
            None => {
                self.speakers.push(Speaker {
                    id: SpeakerId(self.speakers.len() as u32),
                    name: name.to_string(),
                    role: None,
                    aliases: Vec::new(),
                    kind,
                });
                let i = self.speakers.len() - 1;
                self.index_name(name, i);
                i
            }
        };
        let new_aliases: Vec<&String> = {
            let s = &self.speakers[i];
            aliases
                .iter()
                .filter(|a| {
                    !a.eq_ignore_ascii_case(&s.name)
                        && !s.aliases.iter().any(|x| x.eq_ignore_ascii_case(a))
                })
                .collect()
        };
        for a in &new_aliases {
            self.index_name(a, i);
        }
        let s = &mut self.speakers[i];
        if s.role.is_none() {
            s.role = role.map(str::to_string);
        }
        if s.kind == SpeakerKind::Unknown {
            s.kind = kind;
        }
        for a in new_aliases {
            if !s.aliases.iter().any(|x| x.eq_ignore_ascii_case(a)) {
                s.aliases.push(a.clone());
            }
        }
        s.id
    }

    /// Record that speaker `i` answers to `name`, unless a lower index does.
    fn index_name(&mut self, name: &str, i: usize) {
        let e = self.index.entry(name.to_ascii_lowercase()).or_insert(i);
        *e = (*e).min(i);
    }
}

/// Attribute quotes and turns to speakers.
pub fn attribute(
    text: &str,
    structure: &Structure,
    turns: &[Turn],
    quotes: &[RawQuote],
) -> Attributed {
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
    let mut st = Attributor::new(text);
    let mut qi = 0;
    let mut pq: Vec<&RawQuote> = Vec::new();
    for (bi, b) in structure.blocks.iter().enumerate() {
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        while qi < quotes.len() && quotes[qi].outer.start < b.span.start {
            qi += 1;
        }
        let first = qi;
        while qi < quotes.len() && quotes[qi].outer.end <= b.span.end {
            qi += 1;
        }
        // Quotes only come from paragraph blocks, so none lies inside a turn.
        pq.clear();
        pq.extend(&quotes[first..qi]);
        st.paragraph(bi, b.span, &pq, &mut out);
    }
    if !out.quotes.is_sorted_by_key(|(s, _)| s.start) {
        out.quotes.sort_by_key(|(s, _)| s.start);
    }
    out
}

use super::lexicon::parse_list;
use crate::model::BlockKind;

use super::{FastMap, FastSet};
use std::sync::LazyLock;

/// Grammatical gender a title, name or pronoun implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    /// he, Mr.
    M,
    /// she, Ms., Mrs.
    F,
    /// they, it: plural or an organisation.
    P,
    /// Not known.
    U,
}

impl Gender {
    fn from_tag(t: Option<&str>) -> Gender {
        match t {
            Some("m") => Gender::M,
            Some("f") => Gender::F,
            Some("p") => Gender::P,
            _ => Gender::U,
        }
    }
}

/// The lexicons attribution needs, parsed once.
struct Lexicon {
    verbs: FastSet<&'static str>,
    weak: FastSet<&'static str>,
    object: FastSet<&'static str>,
    pronouns: FastMap<&'static str, Gender>,
    titles: FastMap<&'static str, Gender>,
    roles: FastMap<&'static str, Gender>,
    orgs: FastSet<&'static str>,
    places: FastSet<&'static str>,
    first: FastMap<&'static str, Gender>,
}

fn tagged(src: &'static str) -> FastMap<&'static str, Gender> {
    parse_list(src)
        .map(|l| {
            let mut it = l.split_whitespace();
            let w = it.next().unwrap_or("");
            (w, Gender::from_tag(it.next()))
        })
        .collect()
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    verbs: parse_list(include_str!("../../assets/lexicon/speech-verbs.txt")).collect(),
    weak: parse_list(include_str!("../../assets/lexicon/weak-verbs.txt")).collect(),
    object: parse_list(include_str!("../../assets/lexicon/object-verbs.txt")).collect(),
    pronouns: tagged(include_str!("../../assets/lexicon/pronouns.txt")),
    titles: tagged(include_str!("../../assets/lexicon/titles.txt")),
    roles: tagged(include_str!("../../assets/lexicon/role-nouns.txt")),
    orgs: parse_list(include_str!("../../assets/lexicon/organisation-words.txt")).collect(),
    places: parse_list(include_str!("../../assets/lexicon/places.txt")).collect(),
    first: tagged(include_str!("../../assets/lexicon/first-names.txt")),
});

/// Run `f` on the lower-cased word, without allocating for short ASCII words.
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    f(&lower(w))
}

/// A lower-cased word: borrowed when it already is, on the stack when it is
/// short ASCII (nearly every word), on the heap otherwise.
enum Lower<'a> {
    Borrowed(&'a str),
    Stack([u8; 40], u8),
    Heap(String),
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // Only ASCII is ever copied here, so the bytes are valid UTF-8.
            Lower::Stack(b, n) => std::str::from_utf8(&b[..usize::from(*n)]).unwrap_or_default(),
            Lower::Heap(s) => s,
        }
    }
}

impl Lower<'_> {
    fn into_owned(self) -> String {
        match self {
            Lower::Heap(s) => s,
            other => other.to_string(),
        }
    }
}

/// Lower-case a word without allocating when it is ASCII or already lower case.
fn lower(w: &str) -> Lower<'_> {
    if w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower::Borrowed(w);
        }
        if w.len() <= 40 {
            let mut buf = [0u8; 40];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            return Lower::Stack(buf, w.len() as u8);
        }
    } else if !w.chars().any(char::is_uppercase) {
        return Lower::Borrowed(w);
    }
    Lower::Heap(w.to_lowercase())
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

word_list!(
    /// Abbreviations whose period does not end a sentence.
    ABBREV = "abbreviations.txt"
);
/// Abbreviated titles that come before a name with a period ("Mr. Obama").
const TITLE_ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "rev",
    "adm", "maj", "cmdr", "st", "messrs",
];
/// Small words that may join the capitalised words of one name or title.
const CONNECTORS: &[&str] = &[
    "of", "to", "for", "de", "la", "van", "von", "der", "al", "bin", "da", "del", "du", "le", "and",
];
word_list!(
    /// Capitalised words at the start of a run that are not part of a name.
    STOP_CAPS = "attribution-stop-caps.txt"
);
word_list!(
    /// Words that may sit between a subject and its verb ("he also said").
    AUX = "auxiliaries.txt"
);
/// Determiners that open a role noun phrase.
const DETS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "one", "another", "my", "your",
];
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
fn title_case(words: &str, max: usize) -> Option<usize> {
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
fn names_a_work(text: &str, para_start: usize, q: &RawQuote) -> bool {
    let inner = q.inner.slice(text).trim_end_matches(['.', ',', ';', ':']);
    let Some(words) = title_case(inner, 10) else {
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

/// Prepositions whose object is never the subject of a speech verb.
const PREPS: &[&str] = &[
    "through", "in", "on", "at", "into", "onto", "across", "around", "over", "under", "near",
    "toward", "towards", "about", "against", "between", "among", "behind", "beyond", "by",
];
/// Nouns of time that never speak ("the day").
const TIME_NOUNS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "time",
    "night",
    "morning",
    "evening",
    "afternoon",
    "weekend",
    "moment",
    "hour",
    "minute",
    "decade",
    "season",
    "way",
    "end",
    "start",
    "case",
    "point",
];
word_list!(
    /// Prepositions that end a noun phrase after a verb ("said Smith in an interview").
    NP_STOP = "noun-phrase-stops.txt"
);

fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// A word list looked up by hash, ignoring ASCII case (as [`in_list`] does).
struct WordSet {
    set: FastSet<String>,
    longest: usize,
}

impl WordSet {
    fn new(list: &[&str]) -> WordSet {
        WordSet {
            set: list.iter().map(|w| w.to_ascii_lowercase()).collect(),
            longest: list.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    fn has(&self, w: &str) -> bool {
        if w.len() > self.longest {
            return false;
        }
        if w.is_ascii() {
            self.set.contains(&*lower(w))
        } else {
            // ASCII folding only, as `in_list` compares.
            self.set.contains(&w.to_ascii_lowercase())
        }
    }
}

macro_rules! word_sets {
    ($($set:ident = $list:ident),* $(,)?) => {
        $(static $set: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&$list));)*
    };
}

word_sets!(
    ABBREV_SET = ABBREV,
    TITLE_ABBREV_SET = TITLE_ABBREV,
    CONNECTORS_SET = CONNECTORS,
    STOP_CAPS_SET = STOP_CAPS,
    AUX_SET = AUX,
    DETS_SET = DETS,
    TIME_NOUNS_SET = TIME_NOUNS,
    NP_STOP_SET = NP_STOP,
);

/// A token of a paragraph: a word, a punctuation mark, or a whole quote.
#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    k: TokKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Word,
    Punct(char),
    /// Index into the paragraph's quotes.
    Quote(usize),
}

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
    strong: bool,
}

/// A noun phrase: token range `[a, b)`.
#[derive(Debug, Clone, Copy)]
struct NounPhrase {
    a: usize,
    b: usize,
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
    /// [`analyse_name`] results by their words (joined by U+001F): a
    /// document names the same people again and again.
    names: FastMap<String, NameParts>,
    /// Reused token buffer of [`Attributor::paragraph`].
    tok_buf: Vec<Tok>,
    /// Reused sentence-index buffer of [`Attributor::paragraph`].
    sid_buf: Vec<u32>,
}

/// What [`analyse_name`] makes of a noun phrase: name, role, gender, kind.
type NameParts = (String, Option<String>, Gender, SpeakerKind);

/// Bound on memoised names, so a document of endless distinct names cannot
/// grow the memo without limit.
const NAME_MEMO_MAX: usize = 50_000;

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
            tok_buf: Vec::new(),
            sid_buf: Vec::new(),
        }
    }

    fn w(&self, t: &Tok) -> &'t str {
        &self.text[t.s..t.e]
    }

    /// [`analyse_name`], memoised.
    fn analyse_name(&mut self, words: &[&str]) -> NameParts {
        let key = words.join("\u{1f}");
        if let Some(parts) = self.names.get(&key) {
            return parts.clone();
        }
        let parts = analyse_name(words);
        if self.names.len() < NAME_MEMO_MAX {
            self.names.insert(key, parts.clone());
        }
        parts
    }

    fn tokenize(&self, para: Span, quotes: &[&RawQuote], toks: &mut Vec<Tok>) {
        let text = self.text;
        toks.clear();
        let mut qi = 0;
        let mut i = para.start;
        let bytes = text.as_bytes();
        while i < para.end {
            if qi < quotes.len() && i >= quotes[qi].outer.start {
                toks.push(Tok {
                    s: quotes[qi].outer.start,
                    e: quotes[qi].outer.end,
                    k: TokKind::Quote(qi),
                });
                i = i.max(quotes[qi].outer.end);
                qi += 1;
                continue;
            }
            let stop = if qi < quotes.len() {
                quotes[qi].outer.start.min(para.end)
            } else {
                para.end
            };
            // ASCII fast path: most text is ASCII.
            let b0 = bytes[i];
            if b0 < 0x80 && b0.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if super::is_alnum(c) {
                let s = i;
                let mut j = i + c.len_utf8();
                let alnum_at = |k: usize| {
                    k < stop
                        && match bytes[k] {
                            b if b < 0x80 => b.is_ascii_alphanumeric(),
                            _ => text[k..].chars().next().is_some_and(super::is_alnum),
                        }
                };
                while j < stop {
                    let b = bytes[j];
                    if b < 0x80 {
                        if b.is_ascii_alphanumeric()
                            || (matches!(b, b'\'' | b'-' | b'.' | b'&') && alnum_at(j + 1))
                        {
                            j += 1;
                            continue;
                        }
                        break;
                    }
                    let Some(d) = text[j..].chars().next() else {
                        break;
                    };
                    if super::is_alnum(d) || (d == '’' && alnum_at(j + d.len_utf8())) {
                        j += d.len_utf8();
                    } else {
                        break;
                    }
                }
                toks.push(Tok {
                    s,
                    e: j,
                    k: TokKind::Word,
                });
                i = j;
            } else if c.is_whitespace() {
                i += c.len_utf8();
            } else if let Some(e) = (matches!(c, '"' | '“'))
                .then(|| super::quotes::nickname_at(&text[..stop], i))
                .flatten()
            {
                // A nickname inside a name (Anna “Nan” Kowal) is left out of it.
                i = e;
            } else if matches!(c, '"' | '“' | '”') {
                // A double mark outside every quote (one left unpaired, such as
                // the mark opening each paragraph of a quoted excerpt) says
                // nothing about who speaks.
                i += c.len_utf8();
            } else {
                toks.push(Tok {
                    s: i,
                    e: i + c.len_utf8(),
                    k: TokKind::Punct(c),
                });
                i += c.len_utf8();
            }
        }
    }

    /// Sentence index of every token.
    fn sentences(&self, toks: &[Tok], quotes: &[&RawQuote], sid: &mut Vec<u32>) {
        sid.clear();
        let mut cur = 0u32;
        for (i, t) in toks.iter().enumerate() {
            sid.push(cur);
            let next_starts = match toks.get(i + 1) {
                None => false,
                Some(n) => match n.k {
                    TokKind::Word => {
                        is_cap(self.w(n)) || self.w(n).starts_with(|c: char| c.is_numeric())
                    }
                    TokKind::Quote(_) => true,
                    TokKind::Punct(c) => matches!(c, '(' | '—'),
                },
            };
            let ends = match t.k {
                TokKind::Punct('.') => {
                    let abbr = i > 0 && toks[i - 1].k == TokKind::Word && toks[i - 1].e == t.s && {
                        let w = self.w(&toks[i - 1]);
                        ABBREV_SET.has(w)
                            || (w.chars().count() == 1 && is_cap(w))
                            || w.contains('.')
                    };
                    !abbr && next_starts
                }
                TokKind::Punct('?' | '!') => next_starts,
                TokKind::Quote(q) => {
                    let inner = quotes[q].inner.slice(self.text);
                    inner.ends_with(['.', '?', '!'])
                        && matches!(toks.get(i + 1), Some(n) if n.k == TokKind::Word && is_cap(self.w(n)))
                        && !self.cue_follows(toks, i + 1)
                }
                _ => false,
            };
            if ends {
                cur += 1;
            }
        }
    }

    /// Whether a speech verb comes within a few name-like words after `i` ("Smith said").
    fn cue_follows(&self, toks: &[Tok], i: usize) -> bool {
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

    fn is_verb(&self, t: &Tok, weak_ok: bool) -> bool {
        if t.k != TokKind::Word {
            return false;
        }
        let w = self.w(t);
        if is_cap(w) {
            return false;
        }
        LEX.verbs.contains(w) && (weak_ok || !LEX.weak.contains(w))
    }

    fn is_word(&self, toks: &[Tok], i: usize, w: &str) -> bool {
        toks.get(i)
            .is_some_and(|t| t.k == TokKind::Word && self.w(t).eq_ignore_ascii_case(w))
    }

    fn is_capword(&self, t: &Tok) -> bool {
        t.k == TokKind::Word && is_cap(self.w(t))
    }

    /// Extend a capitalised run backwards from token `i` (inclusive), down to `lo`.
    fn cap_run_back(&self, toks: &[Tok], i: usize, lo: usize) -> usize {
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
                    if a >= 2 && a - 2 >= lo && self.is_capword(&toks[a - 2]) {
                        a -= 2;
                    } else {
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
    fn cap_run_fwd(&self, toks: &[Tok], i: usize, hi: usize) -> usize {
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
    fn np_before(&self, toks: &[Tok], v: usize, lo: usize, sid: &[u32]) -> Option<NounPhrase> {
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
                    || (w.ends_with("ly") && w.len() > 4 && !LEX.roles.contains_key(w)))
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
        let t = &toks[h];
        match t.k {
            TokKind::Punct(',') | TokKind::Punct(')') => {
                // An appositive: "Jane Doe, a spokeswoman for the ministry, said".
                let open = if t.k == TokKind::Punct(')') { '(' } else { ',' };
                let mut k = h;
                let mut n = 0;
                while k > lo && n < 20 {
                    k -= 1;
                    n += 1;
                    if sid[k] != sid[h] || matches!(toks[k].k, TokKind::Quote(_)) {
                        return None;
                    }
                    if toks[k].k == TokKind::Punct(open) {
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
                        let appositive = h - k <= 26
                            && first.k == TokKind::Word
                            && (DETS_SET.has(fw)
                                || in_list(
                                    &["who", "whose", "which", "former", "now", "then"],
                                    fw,
                                )
                                || fw.starts_with(|c: char| c.is_ascii_digit())
                                || is_cap(fw)
                                || toks[k + 1..h]
                                    .iter()
                                    .any(|x| LEX.roles.contains_key(&*lower(self.w(x)))));
                        if !appositive {
                            return None;
                        }
                        let before = self.np_head(toks, e, lo).filter(|np| {
                            let w = self.w(&toks[np.b - 1]);
                            is_cap(w) || LEX.pronouns.contains_key(&*lower(w))
                        });
                        return match before {
                            Some(np) => Some(np),
                            None if self.is_role_np(toks, inner) => Some(inner),
                            None => None,
                        };
                    }
                }
                None
            }
            _ => self.np_head(toks, h, lo),
        }
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

    fn is_word_any(&self, toks: &[Tok], i: usize, list: &[&str]) -> bool {
        toks.get(i)
            .is_some_and(|t| t.k == TokKind::Word && in_list(list, self.w(t)))
    }

    /// A noun phrase whose last word is token `h`.
    fn np_head(&self, toks: &[Tok], h: usize, lo: usize) -> Option<NounPhrase> {
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
            && self.is_word_any(toks, np.a - 1, &["for", "of", "at", "with", "from", "in"])
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
    fn np_after(&self, toks: &[Tok], v: usize, hi: usize) -> Option<NounPhrase> {
        let i = v + 1;
        let t = toks.get(i)?;
        if i >= hi || t.k != TokKind::Word {
            return None;
        }
        let w = self.w(t);
        if LEX.pronouns.contains_key(&*lower(w)) && !is_cap(w) {
            return Some(NounPhrase { a: i, b: i + 1 });
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
                    || toks[k].k == TokKind::Word && !NP_STOP_SET.has(self.w(&toks[k]))
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

    /// Resolve a noun phrase to a speaker; the mention is the phrase as written.
    fn resolve(&mut self, toks: &[Tok], np: NounPhrase, out: &mut Attributed) -> Option<SpeakerId> {
        let words: Vec<&'t str> = toks[np.a..np.b]
            .iter()
            .filter(|t| t.k == TokKind::Word)
            .map(|t| self.w(t))
            .collect();
        let pos = toks[np.a].s;
        if words.len() == 1
            && let Some(&g) = LEX.pronouns.get(&*lower(words[0]))
        {
            return self.pronoun(g, out);
        }
        if words.len() == 1 && words[0].eq_ignore_ascii_case("who") {
            let ante = np.a.checked_sub(2).and_then(|h| self.np_head(toks, h, 0))?;
            return self.resolve(toks, ante, out);
        }
        let any_cap = words
            .iter()
            .any(|w| is_cap(w) && !w.eq_ignore_ascii_case("the"));
        if !any_cap {
            // A role or organisation phrase: "the ambassador", "a spokeswoman for the ministry".
            let head = words
                .iter()
                .find(|w| LEX.roles.contains_key(&*lower(w)))
                .or_else(|| words.iter().rev().find(|w| LEX.orgs.contains(&*lower(w))))?;
            let lh = lower(head).into_owned();
            let is_role = LEX.roles.contains_key(lh.as_str());
            let definite = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
            if is_role
                && definite
                && words.len() <= 3
                && let Some(pi) = self.find_role(&lh)
            {
                return Some(self.speaker_of(pi, pos, out));
            }
            let name = strip_det(&words).join(" ");
            let kind = if is_role {
                if LEX.roles.get(lh.as_str()) == Some(&Gender::P) {
                    SpeakerKind::Group
                } else {
                    SpeakerKind::Person
                }
            } else {
                SpeakerKind::Organisation
            };
            let g = LEX.roles.get(lh.as_str()).copied().unwrap_or(Gender::U);
            let pi = self.person(&name, Some(name.as_str()).filter(|_| is_role), g, kind, pos);
            return Some(self.speaker_of(pi, pos, out));
        }
        let (name, role, g, kind) = self.analyse_name(&words);
        if name.is_empty() {
            // Only a title: "the President said".
            let head = words.last().map(|w| lower(w).into_owned())?;
            let pi = match self.find_role(&head) {
                Some(pi) => pi,
                None => {
                    let n = strip_det(&words).join(" ");
                    self.person(&n, Some(&n), g, SpeakerKind::Person, pos)
                }
            };
            return Some(self.speaker_of(pi, pos, out));
        }
        let pi = self.person(&name, role.as_deref(), g, kind, pos);
        Some(self.speaker_of(pi, pos, out))
    }

    /// The most recent person whose role contains `head` ("ambassador").
    fn find_role(&self, head: &str) -> Option<usize> {
        let matches = |p: &Person| {
            p.role.as_deref().is_some_and(|r| {
                r.split(|c: char| !super::is_alnum(c))
                    .any(|w| w.eq_ignore_ascii_case(head))
            })
        };
        self.recent
            .iter()
            .rev()
            .copied()
            .find(|&i| matches(&self.people[i]))
            .or_else(|| self.by_role.get(head).copied())
    }

    /// Resolve a pronoun to the most recent compatible person.
    fn pronoun(&mut self, g: Gender, out: &mut Attributed) -> Option<SpeakerId> {
        let pick = self.recent.iter().rev().copied().find(|&i| {
            let p = &self.people[i];
            match g {
                Gender::M | Gender::F => {
                    p.kind == SpeakerKind::Person && (p.gender == g || p.gender == Gender::U)
                }
                _ => p.kind != SpeakerKind::Person || p.gender == Gender::P,
            }
        })?;
        if matches!(g, Gender::M | Gender::F) && self.people[pick].gender == Gender::U {
            self.people[pick].gender = g;
        }
        let pos = self.people[pick].last;
        Some(self.speaker_of(pick, pos, out))
    }

    /// Find or add a person by name, merging a surname with a full name.
    fn person(
        &mut self,
        name: &str,
        role: Option<&str>,
        g: Gender,
        kind: SpeakerKind,
        pos: usize,
    ) -> usize {
        let key = name.to_lowercase();
        let surname = key.rsplit(' ').next().unwrap_or(&key).to_string();
        let multi = key.contains(' ') && kind == SpeakerKind::Person;
        let found = self.by_name.get(&key).copied().or_else(|| {
            if multi {
                // A full name after its surname alone: upgrade that person.
                self.by_name.get(&surname).copied().filter(|&i| {
                    let p = &self.people[i];
                    p.kind == SpeakerKind::Person && !p.name.contains(' ')
                })
            } else {
                None
            }
        });
        let i = match found {
            Some(i) => {
                let p = &mut self.people[i];
                if multi && !p.name.contains(' ') {
                    p.name = name.to_string();
                }
                i
            }
            None => {
                self.people.push(Person {
                    name: name.to_string(),
                    role: None,
                    gender: Gender::U,
                    kind,
                    last: pos,
                    id: None,
                });
                self.people.len() - 1
            }
        };
        self.by_name.insert(key, i);
        if kind == SpeakerKind::Person {
            self.by_name.entry(surname).or_insert(i);
        }
        if self.people[i].role.is_none()
            && let Some(r) = role
        {
            for w in r
                .split(|c: char| !super::is_alnum(c))
                .filter(|w| !w.is_empty())
            {
                self.by_role.insert(w.to_lowercase(), i);
            }
            self.people[i].role = Some(r.to_string());
        }
        let p = &mut self.people[i];
        if p.gender == Gender::U {
            p.gender = g;
        }
        p.last = p.last.max(pos);
        self.touch(i);
        i
    }

    fn touch(&mut self, i: usize) {
        if let Some(k) = self.recent.iter().position(|&x| x == i) {
            self.recent.remove(k);
        }
        self.recent.push(i);
        if self.recent.len() > 32 {
            self.recent.remove(0);
        }
    }

    /// The speaker id of person `pi`, interning it (and syncing a renamed full name).
    fn speaker_of(&mut self, pi: usize, pos: usize, out: &mut Attributed) -> SpeakerId {
        self.touch(pi);
        let p = &mut self.people[pi];
        p.last = p.last.max(pos);
        let name = p.name.clone();
        let surname = name.rsplit(' ').next().unwrap_or(&name).to_string();
        match p.id {
            Some(id) => {
                let s = &mut out.speakers[id.index()];
                if s.name != name && s.name.eq_ignore_ascii_case(&surname) {
                    let old = std::mem::replace(&mut s.name, name);
                    if !s.aliases.contains(&old) {
                        s.aliases.push(old);
                    }
                }
                if s.role.is_none() {
                    s.role = p.role.clone();
                }
                id
            }
            None => {
                let aliases: Vec<String> = if p.kind == SpeakerKind::Person && name.contains(' ') {
                    vec![surname]
                } else {
                    Vec::new()
                };
                let id = out.intern(&name, p.role.as_deref(), &aliases, p.kind);
                self.people[pi].id = Some(id);
                while self.gender_of.len() <= id.index() {
                    self.gender_of.push(Gender::U);
                }
                id
            }
        }
    }

    /// Register people named in a paragraph's words outside quotes (for pronouns and roles).
    fn mentions(&mut self, toks: &[Tok], lo: usize, hi: usize) {
        let mut i = lo;
        while i < hi {
            let t = &toks[i];
            if !self.is_capword(t) || STOP_CAPS_SET.has(self.w(t)) {
                i += 1;
                continue;
            }
            let b = self.cap_run_fwd(toks, i, hi);
            // Cheap filter before the full analysis: a title, a known given
            // name or an already known name must be in the run.
            let promising = toks[i..b].iter().any(|t| {
                t.k == TokKind::Word
                    && with_lower(self.w(t), |l| {
                        LEX.titles.contains_key(l)
                            || LEX.roles.contains_key(l)
                            || LEX.first.contains_key(l)
                            || self.by_name.contains_key(l)
                    })
            });
            if !promising {
                i = b.max(i + 1);
                continue;
            }
            let words: Vec<&str> = toks[i..b]
                .iter()
                .filter(|t| t.k == TokKind::Word)
                .map(|t| self.w(t))
                .collect();
            let (name, role, g, kind) = self.analyse_name(&words);
            if kind == SpeakerKind::Person && !name.is_empty() {
                let first = name.split(' ').next().unwrap_or("");
                let known = self.by_name.contains_key(&name.to_lowercase());
                let titled = role.as_deref().is_some_and(|r| {
                    r.split(' ').any(|w| {
                        let l = lower(w);
                        let l = l.trim_end_matches('.');
                        LEX.titles.contains_key(l) || LEX.roles.contains_key(l)
                    })
                });
                if titled || g != Gender::U || known || LEX.first.contains_key(&*lower(first)) {
                    self.person(&name, role.as_deref(), g, kind, t.s);
                }
            }
            i = b.max(i + 1);
        }
    }

    /// Attribute the quotes of one paragraph.
    fn paragraph(&mut self, bi: usize, para: Span, quotes: &[&RawQuote], out: &mut Attributed) {
        // Token and sentence buffers are reused from paragraph to paragraph.
        let mut toks = std::mem::take(&mut self.tok_buf);
        let mut sid = std::mem::take(&mut self.sid_buf);
        self.tokenize(para, quotes, &mut toks);
        self.sentences(&toks, quotes, &mut sid);
        let mut done = 0; // tokens before this have had their mentions registered
        let mut attrs: Vec<Finding> = Vec::with_capacity(quotes.len());
        let mut kinds: Vec<QuoteKind> = Vec::with_capacity(quotes.len());
        let mut works: Vec<bool> = Vec::with_capacity(quotes.len());
        let qtoks: Vec<usize> = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.k, TokKind::Quote(_)))
            .map(|(i, _)| i)
            .collect();
        for (n, &t) in qtoks.iter().enumerate() {
            self.mentions(&toks, done, t);
            done = t + 1;
            let q = quotes[n];
            let (a, mut kind) = self.attribute_one(bi, &toks, &sid, t, n, q, &attrs, out);
            // A short fragment (a word or name quoted from someone) is a term,
            // even when the sentence attributes it.
            if kind == QuoteKind::Partial
                && super::quotes::word_count(q.inner.slice(self.text)) <= 3
            {
                kind = QuoteKind::Term;
            }
            // A fragment that nothing in its sentence attributes is not reported
            // speech: a scare-quoted phrase or title.
            if kind == QuoteKind::Partial && a.mention.is_none() {
                kind = QuoteKind::Term;
            }
            // A title of a work is nobody's words, whatever cue is near.
            let work = kind != QuoteKind::Term && names_a_work(self.text, para.start, q);
            if work {
                kind = QuoteKind::Term;
            }
            if a.mention.is_some() {
                self.last = Some((bi, a));
            }
            attrs.push(a);
            kinds.push(kind);
            works.push(work);
        }
        self.mentions(&toks, done, toks.len());
        // "He said:" closing a paragraph introduces the quote that opens the next one.
        self.colon_intro = None;
        if toks.last().is_some_and(|t| t.k == TokKind::Punct(':')) && toks.len() >= 2 {
            let end = toks.len() - 1;
            let last = sid[end];
            let ss = (0..end)
                .rev()
                .take_while(|&i| sid[i] == last)
                .last()
                .unwrap_or(end);
            let verb = (ss..end).rev().find(|&v| self.is_verb(&toks[v], true));
            let np = match verb {
                Some(v) => self
                    .np_before(&toks, v, ss, &sid)
                    .or_else(|| self.sentence_subject(&toks, ss, v))
                    .map(|np| (np, v)),
                None => self.sentence_subject(&toks, ss, end).map(|np| (np, end)),
            };
            if let Some((np, v)) = np {
                self.colon_intro = Some((
                    bi,
                    toks[np.a..np.b].to_vec(),
                    Span::new(toks[v].s, toks[v].e),
                ));
            }
        }
        // A piece of a multi-paragraph quote takes the speaker found for a later piece.
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
        self.tok_buf = toks;
        self.sid_buf = sid;
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

    /// Attribute the quote at token `t` (the `n`th of the paragraph).
    #[allow(clippy::too_many_arguments)]
    fn attribute_one(
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
        let post_hi = next_q.unwrap_or(se);
        let mut kind = q.kind;

        // 0. A quoted transcript: the piece opens with a speaker label ("SMITH: …").
        let inner = q.inner.slice(self.text);
        if let Some(colon) = inner.find(':')
            && (2..=30).contains(&colon)
            && inner[..colon].chars().any(super::is_alpha)
            && inner[..colon]
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-')
        {
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
            return (
                Finding {
                    speaker,
                    mention: Some(label),
                    cue: None,
                    post_cue: None,
                    continues: false,
                    strong: true,
                },
                QuoteKind::Direct,
            );
        }
        // A stage direction in parentheses is not speech.
        if inner.starts_with('(') && inner.trim_end_matches(['.', ',']).ends_with(')') {
            return (Finding::default(), QuoteKind::Term);
        }
        // 1. Split quote: “…,” he said, “…” (or “…,” he said. “…”).
        let prev_any = (t.saturating_sub(10)..t)
            .rev()
            .find(|&i| matches!(toks[i].k, TokKind::Quote(_)));
        if let (Some(p), Some(pa)) = (prev_any, n.checked_sub(1).and_then(|k| prev.get(k)))
            && let Some(c) = pa.post_cue
            && (sid[p] == s || self.cue_phrase_only(toks, p, t, c))
            && c > p
            && c < t
            && pa.speaker.is_some()
        {
            if kind == QuoteKind::Term {
                kind = QuoteKind::Partial;
            }
            return (
                Finding {
                    post_cue: None,
                    continues: true,
                    ..*pa
                },
                kind,
            );
        }

        // 1b. The previous paragraph ended in "He said:".
        if t == 0
            && let Some((b, np_toks, cue)) = self.colon_intro.take()
            && b + 1 >= bi
            && !np_toks.is_empty()
        {
            let np = NounPhrase {
                a: 0,
                b: np_toks.len(),
            };
            let mut a = self.make(&np_toks, np, cue, None, true, out);
            a.post_cue = None;
            return (a, kind);
        }
        // 2. Cue right after the quote: “…,” Smith said / said Smith / according to Smith.
        if let Some(a) = self.post_cue(toks, sid, t, post_hi, true, out) {
            if kind == QuoteKind::Term {
                kind = QuoteKind::Partial;
            }
            return (a, kind);
        }
        // 3. Cue before the quote in the same sentence: Smith said: “…”.
        let lo = prev_q.map_or(ss, |p| p + 1);
        if let Some(a) = self.pre_cue(toks, sid, t, lo, ss, kind == QuoteKind::Term, out) {
            if kind == QuoteKind::Term {
                kind = QuoteKind::Partial;
            }
            return (a, kind);
        }
        if let Some(a) = self.colon_subject(toks, t, ss, out) {
            return (a, kind);
        }
        // 4. A cue later in the sentence: “…,” which the ambassador said …
        if let Some(a) = self.post_cue(toks, sid, t, post_hi, false, out) {
            if kind == QuoteKind::Term {
                kind = QuoteKind::Partial;
            }
            return (a, kind);
        }
        if kind == QuoteKind::Term {
            return (Finding::default(), kind);
        }
        // 5. A multi-paragraph piece or a quote right after a quote: same speaker.
        let follows = self.last.as_ref().is_some_and(|(lb, _)| *lb + 1 >= bi)
            && (prev_q.is_some() || n > 0 || ss == 0 || q.continues);
        if q.continues
            && let Some((_, la)) = self.last
        {
            return (self.continuing(la), kind);
        }
        // 6. The speaker named in the next sentence: “…” Smith said so on Friday.
        if kind == QuoteKind::Direct
            && se < toks.len()
            && let Some(a) = self.next_sentence(toks, sid, se, out)
        {
            return (a, kind);
        }
        if follows
            && kind == QuoteKind::Direct
            && let Some((_, la)) = self.last
        {
            return (self.continuing(la), kind);
        }
        (Finding::default(), kind)
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

    /// A cue after the quote at `t`: `, NP verb`, `, verb NP`, `, according to NP`.
    /// `strict` wants it right after the quote; otherwise anywhere before `hi`.
    fn post_cue(
        &mut self,
        toks: &[Tok],
        sid: &[u32],
        t: usize,
        hi: usize,
        strict: bool,
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
        if strict
            && j > t + 1
            && matches!(toks[j - 1].k, TokKind::Punct('—' | '–' | '-' | '―'))
            && self.is_capword(&toks[j])
        {
            let b = self.cap_run_fwd(toks, j, toks.len());
            let rest_ok = toks.len() - b <= 12
                && toks[b..].iter().all(|x| {
                    matches!(x.k, TokKind::Punct(_)) || x.k == TokKind::Word && !is_cap(self.w(x))
                });
            if rest_ok {
                let cue = Span::new(toks[j - 1].s, toks[j - 1].e);
                return Some(self.make(toks, NounPhrase { a: j, b }, cue, Some(j - 1), true, out));
            }
        }
        // according to NP
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
                    true,
                    out,
                ));
            }
        }
        for v in j..limit {
            if toks[v].k != TokKind::Word {
                if strict && !matches!(toks[v].k, TokKind::Punct(',' | '.')) {
                    return None;
                }
                continue;
            }
            if !self.is_verb(&toks[v], true) || LEX.object.contains(self.w(&toks[v])) {
                continue;
            }
            let cue = Span::new(toks[v].s, toks[v].e);
            let pc = Some(v).filter(|_| strict);
            if v == j {
                // “…,” said Smith
                let np = self.np_after(toks, v, hi)?;
                return Some(self.make(toks, np, cue, pc, true, out));
            }
            if let Some(np) = self.np_before(toks, v, j, sid) {
                if strict && np.a > j + 1 {
                    return None;
                }
                return Some(self.make(toks, np, cue, pc, true, out));
            }
            if strict {
                return None;
            }
        }
        None
    }

    /// A cue before the quote at `t`, in `[lo, t)`: `NP verb [that|:|,] “…”`,
    /// `according to NP, “…”`, `Name: “…”`.
    #[allow(clippy::too_many_arguments)]
    fn pre_cue(
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
        // "… exemplified by this finding: “…”"
        if toks[t - 1].k == TokKind::Punct(':')
            && t >= 3
            && t - 2 >= lo
            && self.is_word_any(toks, t - 3, &["this", "these"])
            && toks[t - 2].k == TokKind::Word
            && !is_cap(self.w(&toks[t - 2]))
        {
            let cue = Span::new(toks[t - 1].s, toks[t - 1].e);
            return Some(self.make(
                toks,
                NounPhrase { a: t - 3, b: t - 1 },
                cue,
                None,
                true,
                out,
            ));
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
                let cue = Span::new(toks[t - 1].s, toks[t - 1].e);
                return Some(self.make(toks, np, cue, None, true, out));
            }
        }
        // Name: “…” at the start of a sentence.
        if toks[t - 1].k == TokKind::Punct(':') && t >= 2 && t - 1 > lo {
            let np = self.np_head(toks, t - 2, lo);
            let said_first = np
                .is_some_and(|np| np.a == lo + 1 && LEX.verbs.contains(&*lower(self.w(&toks[lo]))));
            if let Some(np) = np
                && (np.a == lo || said_first)
                && self.is_capword(&toks[np.a.min(t - 2)])
            {
                let cue = Span::new(toks[t - 1].s, toks[t - 1].e);
                return Some(self.make(toks, np, cue, None, true, out));
            }
        }
        for v in (lo..t).rev() {
            if self.is_word(toks, v, "according") && self.is_word(toks, v + 1, "to") {
                let np = self.np_after(toks, v + 1, t)?;
                return Some(self.make(
                    toks,
                    np,
                    Span::new(toks[v].s, toks[v + 1].e),
                    None,
                    true,
                    out,
                ));
            }
            let weak_ok = t - v <= 4;
            if !self.is_verb(&toks[v], weak_ok) {
                continue;
            }
            let strong = !LEX.weak.contains(self.w(&toks[v]));
            if term && !strong && t - v > 4 {
                continue;
            }
            let cue = Span::new(toks[v].s, toks[v].e);
            if let Some(np) = self.np_before(toks, v, ss, sid) {
                let mut a = self.make(toks, np, cue, None, strong, out);
                a.strong = strong;
                return Some(a);
            }
            // "…, stating, “…”": the subject of the sentence speaks.
            if let Some(np) = self.sentence_subject(toks, ss, v) {
                let mut a = self.make(toks, np, cue, None, strong, out);
                a.strong = strong;
                return Some(a);
            }
            // "Saying that …, Smith underscored …": another cue in the sentence.
            let se = (t..toks.len())
                .take_while(|&i| sid[i] == sid[t])
                .last()
                .unwrap_or(t)
                + 1;
            for u in v + 1..se {
                if u != t
                    && self.is_verb(&toks[u], false)
                    && let Some(np) = self.np_before(toks, u, ss, sid)
                {
                    let mut a = self.make(toks, np, cue, None, strong, out);
                    a.strong = strong;
                    return Some(a);
                }
            }
        }
        None
    }

    /// "X had a message: “…”": the subject of a sentence that ends in a colon.
    fn colon_subject(
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
        Some(self.make(toks, np, cue, None, true, out))
    }

    /// The subject at the start of the sentence `[ss, v)`: a pronoun, name or role phrase
    /// directly followed by a verb-like word.
    fn sentence_subject(&self, toks: &[Tok], ss: usize, v: usize) -> Option<NounPhrase> {
        let mut i = ss;
        // An opening phrase ("During the speech, …") is skipped to its comma.
        if i < v
            && toks[i].k == TokKind::Word
            && STOP_CAPS_SET.has(self.w(&toks[i]))
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
        if is_cap(w) && !in_list(&["the", "a", "an"], w) {
            let b = self.cap_run_fwd(toks, i, v);
            if b < v && toks[b].k == TokKind::Word && !is_cap(self.w(&toks[b])) {
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

    /// A cue near the start of the sentence after the quote ("Smith said so on Friday").
    fn next_sentence(
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
                return Some(self.make(toks, np, cue, None, true, out));
            }
            v += 1;
        }
        None
    }

    fn make(
        &mut self,
        toks: &[Tok],
        np: NounPhrase,
        cue: Span,
        post_cue: Option<usize>,
        strong: bool,
        out: &mut Attributed,
    ) -> Finding {
        let speaker = self.resolve(toks, np, out);
        let mut a = np.a;
        if np.b > a + 1 && self.is_word_any(toks, a, DETS) && !self.is_word(toks, a, "the") {
            a = np.a;
        }
        Finding {
            speaker,
            mention: Some(Span::new(toks[a].s, toks[np.b - 1].e)),
            cue: Some(cue),
            post_cue,
            continues: false,
            strong,
        }
    }
}

/// Drop a leading determiner.
fn strip_det<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut w = words.to_vec();
    if w.first().is_some_and(|f| DETS_SET.has(f)) {
        w.remove(0);
    }
    w
}

/// Split a capitalised run into name and role: the name is the run of name
/// words after the last title, place or connector ("Russian Ambassador to Korea
/// Georgy Zinoviev" → "Georgy Zinoviev", role "Russian Ambassador to Korea").
fn analyse_name(words: &[&str]) -> (String, Option<String>, Gender, SpeakerKind) {
    // A possessive ends the role part ("CNN’s Scott Jennings").
    let possessive = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|w| w.ends_with("'s") || w.ends_with("’s"));
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !w.eq_ignore_ascii_case("the") || words.len() == 1)
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
        })
        .collect();
    let mut g = Gender::U;
    let is_roleish = |w: &str| {
        let l = lower(w);
        let l = l.trim_end_matches('.');
        // "Ambassador-designate": a hyphenated title.
        l.split('-').any(|part| {
            LEX.titles.contains_key(part)
                || LEX.places.contains(part)
                || CONNECTORS_SET.has(part)
                || LEX.roles.contains_key(part)
        })
    };
    let floor = possessive.map_or(0, |p| p + 1).min(words.len());
    let mut k = words.len();
    while k > floor && !is_roleish(words[k - 1]) && is_cap(words[k - 1]) {
        k -= 1;
    }
    let name_words = &words[k..];
    let role_words: Vec<&str> = words[..k]
        .iter()
        .copied()
        .filter(|w| {
            let l = lower(w);
            let l = l.trim_end_matches('.');
            if let Some(&tg) = LEX.titles.get(l)
                && tg != Gender::U
            {
                g = tg;
                return !matches!(l, "mr" | "mrs" | "ms" | "miss" | "messrs");
            }
            true
        })
        .collect();
    let lower_all: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let org_head = lower_all
        .last()
        .is_some_and(|w| LEX.orgs.contains(w.trim_end_matches('.')));
    let org_any = lower_all
        .iter()
        .any(|w| LEX.orgs.contains(w.trim_end_matches('.')));
    if (org_head || (org_any && name_words.is_empty()))
        && !name_words
            .first()
            .is_some_and(|f| LEX.first.contains_key(&*lower(f)))
    {
        return (words.join(" "), None, Gender::P, SpeakerKind::Organisation);
    }
    if name_words.is_empty() {
        if words.len() <= 2 && lower_all.iter().all(|w| LEX.places.contains(w.as_str())) {
            return (words.join(" "), None, Gender::P, SpeakerKind::Country);
        }
        return (String::new(), None, g, SpeakerKind::Person);
    }
    if g == Gender::U
        && name_words.len() > 1
        && let Some(&fg) = LEX.first.get(&*lower(name_words[0]))
    {
        g = fg;
    }
    let role = if role_words.is_empty() {
        None
    } else {
        let mut r: Vec<&str> = role_words;
        while r.last().is_some_and(|w| CONNECTORS_SET.has(w)) {
            r.pop();
        }
        Some(r.join(" ")).filter(|s| !s.is_empty())
    };
    (name_words.join(" "), role, g, SpeakerKind::Person)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Options, annotate};
    use crate::model::Document;

    /// The text under a title line, so that its first line stays a paragraph.
    fn titled(text: &str) -> String {
        format!("Local News Report\n\n{}", text.replace('\n', "\n\n"))
    }

    /// (quoted words, speaker name, mention, kind, continues) of one quote.
    type Row = (String, Option<String>, Option<String>, QuoteKind, bool);

    /// Every quote of `text` as a [`Row`].
    fn quotes(text: &str) -> Vec<Row> {
        let doc: Document = annotate(&titled(text), &Options::default());
        doc.quotes()
            .map(|(span, q)| {
                (
                    doc.slice(span).to_string(),
                    q.speaker
                        .and_then(|id| doc.speaker(id))
                        .map(|s| s.name.clone()),
                    q.mention.map(|m| doc.slice(m).to_string()),
                    q.kind,
                    q.continues,
                )
            })
            .collect()
    }

    fn speaker_of(qs: &[Row], start: &str) -> Option<String> {
        qs.iter()
            .find(|q| q.0.starts_with(start))
            .unwrap_or_else(|| panic!("no quote starting {start:?} in {qs:#?}"))
            .1
            .clone()
    }

    #[test]
    fn sample_interview_all_quotes_attributed() {
        let text = include_str!("../../assets/zinoviev-interview.txt");
        let doc = annotate(text, &Options::default());
        let qs: Vec<_> = doc.quotes().collect();
        assert_eq!(qs.len(), 18, "{:#?}", quotes(text));
        for short in [
            "bright",
            "unfavorable nations",
            "defeated, humiliated or disintegrated",
            "deal a heavy blow",
        ] {
            assert!(
                qs.iter().any(|(s, _)| doc.slice(*s).starts_with(short)),
                "missing {short}"
            );
        }
        for (span, q) in &qs {
            let sp = q.speaker.and_then(|id| doc.speaker(id));
            let sp = sp.unwrap_or_else(|| panic!("no speaker for {:?}", doc.slice(*span)));
            assert_eq!(sp.name, "Georgy Zinoviev", "quote {:?}", doc.slice(*span));
            assert_eq!(sp.role.as_deref(), Some("Russian Ambassador to Korea"));
            assert!(q.mention.is_some());
        }
        assert!(
            doc.speakers
                .iter()
                .all(|s| !s.name.contains("Putin") && !s.name.contains("Yoon"))
        );
    }

    #[test]
    fn cue_after_quote_and_split_quote() {
        let t = "“The roads are closed,” Maria Lopez said, “and the bridges too.”";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Maria Lopez"));
        assert_eq!(qs[1].1.as_deref(), Some("Maria Lopez"));
        assert!(qs[1].4);
        let t = "“We start at noon,” said Peter Quill, “and end at dusk.”";
        let qs = quotes(t);
        assert_eq!(qs[0].2.as_deref(), Some("Peter Quill"));
        assert!(qs[1].4);
    }

    #[test]
    fn colon_introductions_and_according_to() {
        let t = "Mayor Ann Brook said: “The park opens in May.”\nHarold Finch: “I never said that about the park.”\nAccording to the ministry, “the talks will resume next week.”";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Ann Brook"));
        assert_eq!(qs[1].1.as_deref(), Some("Harold Finch"));
        assert_eq!(qs[2].1.as_deref(), Some("ministry"));
        assert_eq!(qs[2].2.as_deref(), Some("the ministry"));
    }

    #[test]
    fn appositive_subject() {
        let t = "Jane Doe, a spokeswoman for the ministry, said “the border stays open for trade.”";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Jane Doe"));
        assert_eq!(qs[0].2.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn pronouns_agree_in_gender() {
        let t = "Mr. Tom Baker met Ms. Ellen Marsh on Monday.\n“We talked about the harbour for hours,” she said.\n“It was a long day for all of us,” he said.";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Ellen Marsh"));
        assert_eq!(qs[0].2.as_deref(), Some("she"));
        assert_eq!(qs[1].1.as_deref(), Some("Tom Baker"));
    }

    #[test]
    fn role_nouns_refer_back() {
        let t = "Finnish Ambassador to Chile Aino Virtanen arrived on Friday.\n“Our trade will double in a year,” the ambassador said.";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Aino Virtanen"));
        assert_eq!(qs[0].2.as_deref(), Some("the ambassador"));
        let doc = annotate(&titled(t), &Options::default());
        assert_eq!(
            doc.speakers[0].role.as_deref(),
            Some("Finnish Ambassador to Chile")
        );
    }

    #[test]
    fn surname_joins_full_name() {
        let t = "“The plan will work for every farmer,” Carl Mendez said.\n“We have the money for it,” Mendez added.";
        let qs = quotes(t);
        assert_eq!(qs[1].1.as_deref(), Some("Carl Mendez"));
        assert_eq!(qs[1].2.as_deref(), Some("Mendez"));
        let doc = annotate(&titled(t), &Options::default());
        assert_eq!(doc.speakers.len(), 1);
    }

    #[test]
    fn organisations_and_countries_speak() {
        let t = "“The sanctions are illegal and will fail,” Moscow said.\n“We stand by the story we printed,” The Daily Courier reported.";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Moscow"));
        assert_eq!(qs[1].1.as_deref(), Some("Daily Courier"));
        let doc = annotate(&titled(t), &Options::default());
        assert_eq!(doc.speakers[0].kind, SpeakerKind::Country);
    }

    #[test]
    fn quote_continues_in_next_paragraph() {
        let t = "“The water is rising fast,” Lena Holt said.\n“We need sandbags on every street before night falls.”\nThe town council met later.";
        let qs = quotes(t);
        assert_eq!(qs[1].1.as_deref(), Some("Lena Holt"));
        assert!(qs[1].4);
    }

    #[test]
    fn multi_paragraph_quote_pieces() {
        let t = "Dr. Omar Haddad told the committee: “The first phase is done.\n“The second phase starts in spring and will take a year.”";
        let qs = quotes(t);
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[1].1.as_deref(), Some("Omar Haddad"));
        assert!(qs[1].4);
    }

    #[test]
    fn speaker_named_in_next_sentence() {
        let t = "“Nobody will be left behind.” Governor Rita Vance said so at the rally on Sunday.";
        let qs = quotes(t);
        assert_eq!(speaker_of(&qs, "Nobody"), Some("Rita Vance".into()));
    }

    #[test]
    fn terms_stay_unattributed() {
        let t = "The so-called “green corridor” opened in the city center on Monday.";
        let qs = quotes(t);
        assert_eq!(qs[0].3, QuoteKind::Term);
        assert_eq!(qs[0].1, None);
        let t = "Kurt Weller said the plan would “cut costs sharply by the autumn” next year.";
        let qs = quotes(t);
        assert_eq!(qs[0].3, QuoteKind::Partial);
        assert_eq!(qs[0].1.as_deref(), Some("Kurt Weller"));
    }

    #[test]
    fn signature_dash_and_said_first() {
        let t = "“The new park is the best thing in town.” ― Rosa Diaz\nSaid Tom Reed: “I walk there every day.”";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Rosa Diaz"));
        assert_eq!(qs[1].1.as_deref(), Some("Tom Reed"));
    }

    #[test]
    fn participle_cue_takes_the_sentence_subject() {
        let t = "At the rally, the union leader thanked the crowd, saying “we will not stop until the mill reopens.”";
        let qs = quotes(t);
        assert_eq!(qs[0].2.as_deref(), Some("the union leader"));
        let t = "During a long speech in the hall on Monday, Nora Fields attacked the plan, saying, “It will ruin the harbour and the fishing fleet.”";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Nora Fields"));
    }

    #[test]
    fn nickname_inside_the_speaker_name() {
        let t = "“The fair is open again!” Mayor Anna “Nan” Kowal shouted to the crowd. “Bring your friends.”";
        let qs = quotes(t);
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].1.as_deref(), Some("Anna Kowal"));
        assert_eq!(qs[1].1.as_deref(), Some("Anna Kowal"));
    }

    #[test]
    fn unpaired_marks_do_not_hide_the_subject() {
        let t = "The report went on:\n\"Lena Ortiz stepped onto the stage, chanting “Go team! Go team!”";
        let qs = quotes(t);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].1.as_deref(), Some("Lena Ortiz"));
    }

    #[test]
    fn participle_cue_after_an_appositive() {
        let t = "“The docks are full,” said Rita Vogel, who ran the port for years.\nThe mayor disagreed.\nVogel, a former port director, mocked the plan at the meeting, tweeting, “Nice roads. Where is the money?”";
        let qs = quotes(t);
        assert_eq!(qs[1].1.as_deref(), Some("Rita Vogel"));
        assert_eq!(qs[1].2.as_deref(), Some("Vogel"));
        assert_eq!(qs[1].0, "Nice roads. Where is the money?");
        // A name not seen before, set off by an appositive that names a role.
        let t = "Brandauer, a retired ferry captain, waved at the crowd, shouting, “Keep the pier open!”";
        assert_eq!(quotes(t)[0].2.as_deref(), Some("Brandauer"));
        // An opening adverb is no speaker.
        let t = "Earlier, a clerk read the rules aloud, saying, “No dogs on the pier.”";
        let qs = quotes(t);
        assert_ne!(qs[0].2.as_deref(), Some("Earlier"));
    }

    #[test]
    fn paragraph_ending_in_colon_introduces_the_quote() {
        let t = "The mayor spoke last. Jorge Alba said:\n“We will rebuild the old bridge, and we will do it this year.”";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Jorge Alba"));
        let t =
            "Then a neighbour would ask: “Why is the road still closed after all these months?”";
        let qs = quotes(t);
        assert_eq!(qs[0].2.as_deref(), Some("a neighbour"));
    }

    #[test]
    fn relative_pronoun_and_of_phrase_subjects() {
        let t = "The fair drew the painter Lucia Brandt, who joked of the stalls, “I came for the cake and stayed for the band.”";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Lucia Brandt"));
        assert_eq!(qs[0].2.as_deref(), Some("who"));
        let t = "Asked about the school, the 40-year-old mother of two replied, “We need more teachers, not more forms.”";
        let qs = quotes(t);
        assert_eq!(qs[0].2.as_deref(), Some("the 40-year-old mother of two"));
    }

    #[test]
    fn name_set_off_by_dashes() {
        let t = "Several farmers agreed, among them Piet Vos -- “The rain came too late for the wheat this year” -- and his brother.";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Piet Vos"));
    }

    #[test]
    fn quoted_transcript_labels_and_stage_directions() {
        let t = "The exchange went as follows:\n\"HOST: Will you run again next year?\n\"(LAUGHTER.)\n\"GUEST: I have not decided yet.\"";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("HOST"));
        assert_eq!(qs[1].3, QuoteKind::Term);
        assert_eq!(qs[2].1.as_deref(), Some("GUEST"));
        // The spoken words start after the label; the label is the mention.
        assert_eq!(qs[0].0, "Will you run again next year?");
        assert_eq!(qs[0].2.as_deref(), Some("HOST"));
        assert_eq!(qs[2].0, "I have not decided yet.");
        let t = "The panel heard this:\n\"DR. MOSS: The samples were clean.\n\"SEN. LEE:\n";
        let qs = quotes(t);
        assert_eq!(qs[0].0, "The samples were clean.");
        assert_eq!(qs[0].1.as_deref(), Some("DR. MOSS"));
    }

    #[test]
    fn titles_possessives_and_organisation_heads() {
        let t = "Radio Nine’s Dana Cole: “The storm missed us by a day.”\nPress Secretary Ines Roth: “We are ready for the next one.”\n“We will review the plan,” the Harbour Department said.";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Dana Cole"));
        assert_eq!(qs[1].1.as_deref(), Some("Ines Roth"));
        assert_eq!(qs[2].1.as_deref(), Some("Harbour Department"));
    }

    #[test]
    fn object_verbs_only_attribute_what_follows() {
        let t =
            "Ken Ito laughed at the idea, saying, “That makes me rich,” after Ada Park mocked him.";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Ken Ito"));
        let t =
            "In a speech, Ada Park attacked “the cruel logic of the new tax on bread and milk.”";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Ada Park"));
    }

    #[test]
    fn titles_of_works_are_terms() {
        let t = "“The port will reopen in May,” Vera Lund said on Radio North’s “Morning at the Docks.”";
        let qs = quotes(t);
        assert_eq!(qs[0].1.as_deref(), Some("Vera Lund"));
        assert_eq!(qs[1].0, "Morning at the Docks.");
        assert_eq!(qs[1].3, QuoteKind::Term);
        assert_eq!(qs[1].1, None);
        let t = "In her 2009 book, “Ten Winters on the Ice,” Mona Berg described the camp.";
        let qs = quotes(t);
        assert_eq!(qs[0].3, QuoteKind::Term);
        let t = "The band closed with the anthem “Home Again,” and the crowd sang along.";
        assert_eq!(quotes(t)[0].3, QuoteKind::Term);
        let t = "Ole Dahl was a guest on “Evening Table Talk.” He spoke about fish prices.";
        assert_eq!(quotes(t)[0].3, QuoteKind::Term);
        // Speech stays speech, even in capitals or after a possessive.
        let t = "Ole Dahl told the crowd, “We Will Not Move.”";
        assert_ne!(quotes(t)[0].3, QuoteKind::Term);
        let t = "Ole Dahl said the mayor’s “plan for the docks is a fantasy.”";
        assert_eq!(quotes(t)[0].3, QuoteKind::Partial);
        let t = "In his column, “We cannot wait for the council any longer,” Ole Dahl wrote.";
        assert_eq!(quotes(t)[0].3, QuoteKind::Direct);
    }

    #[test]
    fn possessive_noun_is_no_cue() {
        let t =
            "Ivo Grant answered Mrs. Lind's remark with a shrug -- “That is my job” -- and left.";
        let qs = quotes(t);
        assert_ne!(qs[0].1.as_deref(), Some("Lind"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "[A-Za-z “”\"',.:;\n]{0,120}") {
            let doc = annotate(&s, &Options::default());
            proptest::prop_assert!(doc.validate().is_ok());
        }
    }
}
