//! Topics: a lexicon of topic → words and phrases, assigned to paragraphs and quotes.
//!
//! A reader wants to jump to "everything said about sanctions"; this stage tags
//! each paragraph, turn and quote with the topics its words signal. The lexicon
//! is data (`assets/topics.toml`, extendable by the user), compiled into an
//! anchored aho-corasick DFA that is walked from each word start (behind a
//! three-byte filter that most words fail), so the cost is linear in the text.
//!
//! # Topic file format
//!
//! A topic file is TOML. Each table is one topic; its key is the topic's short
//! key, and it has:
//!
//! ```toml
//! # replace = true   # optional, top level: drop the bundled topics instead of adding to them
//!
//! [fisheries]
//! name = "Fisheries"                          # display name (required)
//! strong = ["fishing quota", "trawler*"]      # one of these is enough
//! weak = ["fish", "boat", "catch"]            # two of these are needed
//! ```
//!
//! Matching is whole-word and case-insensitive (words written all in capitals,
//! such as `NATO` or `IAEA`, match only in capitals). The last word of a phrase
//! also matches its plural and verb forms (`-s`, `-es`, `-ed`, `-ing`, `-ies`,
//! `-ied`); a word ending in `*` matches every word that starts with it.
//!
//! A user file ADDS to the bundled topics; a topic with the same key as a
//! bundled one replaces it. With `replace = true` at the top, the file's topics
//! REPLACE the bundled ones altogether.
//!
//! A paragraph, turn or quote gets a topic when at least one strong phrase or
//! at least two weak words (occurrences) of that topic occur in it.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use aho_corasick::automaton::Automaton as _;
use aho_corasick::{Anchored, MatchKind};
use serde::Deserialize;

use super::is_word_char;
use super::segment::Structure;
use crate::error::{Error, Result};
use crate::model::{Annotation, AnnotationBody, BlockKind, Quote, Span, Topic, TopicId, TopicTag};

/// One topic of a lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicDef {
    /// Short key ("sanctions").
    pub key: String,
    /// Display name ("Sanctions and export controls").
    pub name: String,
    /// Phrases of which one is enough.
    pub strong: Vec<String>,
    /// Words of which two are needed.
    pub weak: Vec<String>,
}

/// A topic lexicon: topics, each with the words and phrases that signal it,
/// and the matcher built from them (built once, when the lexicon is made).
#[derive(Debug, Clone, Default)]
pub struct TopicLexicon {
    /// The topics, in file order (bundled first, then the user's).
    pub topics: Vec<TopicDef>,
    matcher: Option<Arc<Matcher>>,
}

impl PartialEq for TopicLexicon {
    fn eq(&self, other: &Self) -> bool {
        self.topics == other.topics
    }
}

/// What a pattern stands for.
#[derive(Debug, Clone, Copy)]
struct PatternInfo {
    topic: u32,
    strong: bool,
    /// Which word endings may follow the matched text.
    ending: Ending,
}

/// The endings a pattern accepts after it, before the word ends. Inflections
/// are checked after the match instead of being listed as patterns, which
/// keeps the automaton small (and fast).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// Nothing: the word ends with the pattern.
    None,
    /// "", s, es, ed, ing ("sanction", "sanctions", "sanctioned").
    Plain,
    /// The pattern dropped a final e: e, es, ed, ing ("trade", "traded", "trading").
    E,
    /// The pattern dropped a final y: y, ies, ied, ying ("economy", "economies").
    Y,
    /// Anything (`word*`).
    Any,
}

impl Ending {
    fn accepts(self, tail: &str) -> bool {
        let allowed: &[&str] = match self {
            Ending::Any => return true,
            Ending::None => &[""],
            Ending::Plain => &["", "s", "es", "ed", "ing"],
            Ending::E => &["e", "es", "ed", "ing"],
            Ending::Y => &["y", "ies", "ied", "ying"],
        };
        allowed.iter().any(|a| a.eq_ignore_ascii_case(tail))
    }
}

/// The two automata (case-insensitive words, case-sensitive acronyms), each
/// with the first three bytes its patterns can begin with.
#[derive(Debug)]
struct Matcher {
    folded: Option<Automaton>,
    folded_info: Vec<Vec<PatternInfo>>,
    exact: Option<Automaton>,
    exact_info: Vec<Vec<PatternInfo>>,
}

/// An anchored automaton, walked by hand from each word start: most words
/// leave it after a byte or two, so the scan costs little more than reading.
#[derive(Debug)]
struct Automaton {
    dfa: aho_corasick::dfa::DFA,
    start: aho_corasick::automaton::StateID,
    /// The three-byte filter in front of the walk: `rows[pair_row[b0 << 8 |
    /// b1]]` is the set of bytes `b2` such that some pattern begins with
    /// `b0 b1 b2` (any byte past a short pattern's end; both cases when
    /// folding); row 0 is empty, row 1 full (for the pairs past the 65,534
    /// rows a `u16` can number, only in a huge user lexicon). Two bytes let
    /// most English words through (some topic word shares their first two
    /// letters), three stop most; `u16` keeps the table in the cache.
    pair_row: Vec<u16>,
    rows: Vec<[u64; 4]>,
}

/// Add `b` to a set of bytes kept one bit each.
fn byte_set_add(set: &mut [u64; 4], b: u8) {
    set[usize::from(b >> 6)] |= 1 << (b & 63);
}

impl Automaton {
    fn new(pats: &[String], fold: bool) -> Option<Automaton> {
        if pats.is_empty() {
            return None;
        }
        let dfa = aho_corasick::dfa::DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .ascii_case_insensitive(fold)
            // The walk is by hand and anchored: a prefilter (built by
            // default, for unanchored searches) would never be used.
            .prefilter(false)
            .build(pats)
            .ok()?;
        let start = dfa.start_state(Anchored::Yes).ok()?;
        let cases = |b: u8| {
            if fold {
                [b.to_ascii_lowercase(), b.to_ascii_uppercase()]
            } else {
                [b, b]
            }
        };
        // The bytes a pattern may have at `k`: its byte (in both cases when
        // folding), or any byte past its end.
        let at = |p: &[u8], k: usize| -> Vec<u8> {
            match p.get(k) {
                Some(&b) => {
                    let mut v = cases(b).to_vec();
                    v.dedup();
                    v
                }
                None => (0..=255).collect(),
            }
        };
        let mut pair_row = vec![0u16; 1 << 16];
        let mut rows = vec![[0u64; 4], [u64::MAX; 4]];
        for p in pats.iter().map(|p| p.as_bytes()).filter(|p| !p.is_empty()) {
            for c0 in at(p, 0) {
                for c1 in at(p, 1) {
                    let pair = usize::from(c0) << 8 | usize::from(c1);
                    if pair_row[pair] == 0 {
                        pair_row[pair] = match u16::try_from(rows.len()) {
                            Ok(r) => {
                                rows.push([0; 4]);
                                r
                            }
                            Err(_) => 1,
                        };
                    }
                    let row = &mut rows[pair_row[pair] as usize];
                    for c2 in at(p, 2) {
                        byte_set_add(row, c2);
                    }
                }
            }
        }
        Some(Automaton {
            dfa,
            start,
            pair_row,
            rows,
        })
    }

    /// Whether some pattern may begin with the bytes `pair` (the first two,
    /// `b0 << 8 | b1`) and `c` (the third): the filter in front of [`Automaton::at`].
    #[inline]
    fn may_start(&self, pair: usize, c: u8) -> bool {
        let row = usize::from(self.pair_row[pair]);
        row != 0 && self.rows[row][usize::from(c >> 6)] >> (c & 63) & 1 != 0
    }

    /// The longest pattern that starts at `i`, as `(pattern, end)`; callers
    /// ask [`Automaton::may_start`] first.
    fn at(&self, text: &str, i: usize) -> Option<(usize, usize)> {
        let dfa = &self.dfa;
        let mut sid = self.start;
        let mut found = None;
        for (k, &byte) in text.as_bytes()[i..].iter().enumerate() {
            sid = dfa.next_state(Anchored::Yes, sid, byte);
            if dfa.is_special(sid) {
                if dfa.is_dead(sid) {
                    break;
                }
                // A state may also report a pattern that is a suffix of
                // the bytes walked ("art" in "parts"): only one as long as
                // the walk starts here.
                if dfa.is_match(sid) {
                    let first = dfa.match_pattern(sid, 0);
                    let whole = if dfa.pattern_len(first) == k + 1 {
                        Some(first)
                    } else {
                        (1..dfa.match_len(sid))
                            .map(|m| dfa.match_pattern(sid, m))
                            .find(|&p| dfa.pattern_len(p) == k + 1)
                    };
                    if let Some(p) = whole {
                        found = Some((p.as_usize(), i + k + 1));
                    }
                }
            }
        }
        // Patterns are whole strings, so a match ends on a char boundary.
        found.filter(|&(_, e)| text.is_char_boundary(e))
    }
}

static BUNDLED: LazyLock<TopicLexicon> = LazyLock::new(|| {
    TopicLexicon::from_toml(
        include_str!("../../../assets/topics.toml"),
        "assets/topics.toml",
    )
    .unwrap_or_default()
});

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicSpec {
    name: String,
    #[serde(default)]
    strong: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
}

#[derive(Deserialize)]
struct TopicFile {
    #[serde(default)]
    replace: bool,
    #[serde(flatten)]
    topics: BTreeMap<String, TopicSpec>,
}

impl TopicLexicon {
    /// The lexicon bundled in `assets/topics.toml` (parsed and compiled once).
    pub fn bundled() -> Self {
        BUNDLED.clone()
    }

    /// A lexicon from TOML text (see the module docs for the format);
    /// `origin` names the file in error messages.
    pub fn from_toml(src: &str, origin: &str) -> Result<TopicLexicon> {
        Ok(TopicLexicon::from_defs(parse_file(src, origin)?.1))
    }

    /// The bundled lexicon plus the topics of the user's file at `path`
    /// (same key replaces a bundled topic), or only the file's topics when it
    /// says `replace = true`.
    pub fn with_user_file(path: &std::path::Path) -> Result<TopicLexicon> {
        let shown = crate::model::text::visible_path(path);
        let src = crate::files::read_limited(
            path,
            crate::files::Accept::Regular,
            crate::files::SETTINGS_LIMIT,
            "a topic file",
        )
        .and_then(|b| {
            String::from_utf8(b)
                .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"))
        })
        .map_err(|e| Error::input(format!("{shown}: cannot read topic file: {e}")))?;
        let (replace, defs) = parse_file(&src, &shown)?;
        if replace {
            return Ok(TopicLexicon::from_defs(defs));
        }
        let mut all = BUNDLED.topics.clone();
        for d in defs {
            match all.iter_mut().find(|t| t.key == d.key) {
                Some(t) => *t = d,
                None => all.push(d),
            }
        }
        Ok(TopicLexicon::from_defs(all))
    }

    /// A lexicon from topic definitions, compiling its matcher.
    pub fn from_defs(topics: Vec<TopicDef>) -> TopicLexicon {
        let matcher = Some(Arc::new(Matcher::new(&topics)));
        TopicLexicon { topics, matcher }
    }
}

/// The most topics a topic file may define. Each paragraph, turn and quote
/// can carry every topic, so the annotations grow with the text times this.
pub const MAX_TOPICS: usize = 256;

/// The most phrases (`strong` and `weak` together) a topic file may list.
pub const MAX_PHRASES: usize = 20_000;

/// The longest phrase, in bytes. Longer ones would only make the matcher big.
pub const MAX_PHRASE_LEN: usize = 200;

/// The most bytes all the phrases of a topic file may add up to (256 KiB):
/// the matcher grows with them (this much takes about 80 MB and a second).
pub const MAX_PHRASE_BYTES: usize = 256 << 10;

/// Refuse a topic file too big to match quickly and in little memory.
fn check_size(topics: &BTreeMap<String, TopicSpec>, origin: &str) -> Result<()> {
    if topics.len() > MAX_TOPICS {
        return Err(Error::input(format!(
            "{origin}: {} topics; a topic file may define at most {MAX_TOPICS}",
            topics.len()
        )));
    }
    let phrases: usize = topics.values().map(|t| t.strong.len() + t.weak.len()).sum();
    if phrases > MAX_PHRASES {
        return Err(Error::input(format!(
            "{origin}: {phrases} phrases; a topic file may list at most {MAX_PHRASES}"
        )));
    }
    let bytes: usize = topics
        .values()
        .flat_map(|t| t.strong.iter().chain(&t.weak))
        .map(String::len)
        .sum();
    if bytes > MAX_PHRASE_BYTES {
        return Err(Error::input(format!(
            "{origin}: its phrases add up to {bytes} bytes; a topic file may list at most \
             {MAX_PHRASE_BYTES} bytes of phrases"
        )));
    }
    for (key, spec) in topics {
        if let Some(p) = spec
            .strong
            .iter()
            .chain(&spec.weak)
            .find(|p| p.len() > MAX_PHRASE_LEN)
        {
            return Err(Error::input(format!(
                "{origin}: topic [{key}]: a phrase is {} bytes long; \
                 a phrase may have at most {MAX_PHRASE_LEN}",
                p.len()
            )));
        }
    }
    Ok(())
}

fn parse_file(src: &str, origin: &str) -> Result<(bool, Vec<TopicDef>)> {
    let file: TopicFile = toml::from_str(src)
        .map_err(|e| Error::input(format!("{origin}: invalid topic file: {e}")))?;
    check_size(&file.topics, origin)?;
    let mut defs = Vec::with_capacity(file.topics.len());
    for (key, spec) in file.topics {
        if spec.name.trim().is_empty() {
            return Err(Error::input(format!(
                "{origin}: topic [{key}]: `name` must not be empty"
            )));
        }
        if spec
            .strong
            .iter()
            .chain(&spec.weak)
            .any(|p| p.trim().trim_end_matches('*').is_empty())
        {
            return Err(Error::input(format!(
                "{origin}: topic [{key}]: a phrase in `strong` or `weak` is empty"
            )));
        }
        defs.push(TopicDef {
            key,
            name: spec.name,
            strong: spec.strong,
            weak: spec.weak,
        });
    }
    Ok((file.replace, defs))
}

/// The pattern a phrase is matched by, and the endings it accepts.
fn pattern(phrase: &str) -> (String, Ending) {
    let p = phrase.trim();
    if let Some(stem) = p.strip_suffix('*') {
        return (stem.to_string(), Ending::Any);
    }
    let last = p.rsplit(' ').next().unwrap_or(p);
    if !(last.len() >= 3 && last.bytes().all(|b| b.is_ascii_lowercase())) {
        return (p.to_string(), Ending::None);
    }
    let before_y = last.as_bytes()[last.len() - 2];
    if let Some(stem) = p.strip_suffix('e') {
        (stem.to_string(), Ending::E)
    } else if p.ends_with('y') && !matches!(before_y, b'a' | b'e' | b'o' | b'u') {
        (p[..p.len() - 1].to_string(), Ending::Y)
    } else {
        (p.to_string(), Ending::Plain)
    }
}

/// Written all in capitals (an acronym such as `NATO`): matched case-sensitively.
fn is_acronym(p: &str) -> bool {
    p.chars().any(super::is_alpha) && !p.chars().any(char::is_lowercase)
}

impl Matcher {
    fn new(topics: &[TopicDef]) -> Matcher {
        // Unique pattern strings, each with every (topic, strength) it stands for.
        let mut folded: Vec<String> = Vec::new();
        let mut folded_info: Vec<Vec<PatternInfo>> = Vec::new();
        let mut exact: Vec<String> = Vec::new();
        let mut exact_info: Vec<Vec<PatternInfo>> = Vec::new();
        let mut index: std::collections::HashMap<(bool, String), usize> =
            std::collections::HashMap::new();
        for (ti, t) in topics.iter().enumerate() {
            for (list, strong) in [(&t.strong, true), (&t.weak, false)] {
                for phrase in list {
                    let (f, ending) = pattern(phrase);
                    let acr = is_acronym(phrase);
                    let key = if acr { f } else { f.to_lowercase() };
                    let info = PatternInfo {
                        topic: ti as u32,
                        strong,
                        ending,
                    };
                    let (pats, infos) = if acr {
                        (&mut exact, &mut exact_info)
                    } else {
                        (&mut folded, &mut folded_info)
                    };
                    let i = *index.entry((acr, key.clone())).or_insert_with(|| {
                        pats.push(key);
                        infos.push(Vec::new());
                        pats.len() - 1
                    });
                    // A phrase listed twice in one topic with the same endings counts
                    // once; the first (strong before weak) wins.
                    if !infos[i]
                        .iter()
                        .any(|x| x.topic == info.topic && x.ending == info.ending)
                    {
                        infos[i].push(info);
                    }
                }
            }
        }
        Matcher {
            folded: Automaton::new(&folded, true),
            folded_info,
            exact: Automaton::new(&exact, false),
            exact_info,
        }
    }

    /// Every whole-word match in `text`, in text order: one [`Hit`] per
    /// matched occurrence, however many topics its phrase belongs to (see
    /// [`Matcher::topics_of`]), so memory grows with the text, not with
    /// the text times the topics. Matches start where a word starts; the
    /// longest wins and the next search starts after it.
    fn find(&self, text: &str) -> Vec<Hit> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(start) = next_word_start(text, i) {
            i = start;
            // A word starts at `i`: the longest phrase of each automaton,
            // behind the three-byte filter (the two automata written out,
            // not looped over: most words fail both filters at once).
            let pair = usize::from(b[i]) << 8 | usize::from(b.get(i + 1).copied().unwrap_or(0));
            let c = b.get(i + 2).copied().unwrap_or(0);
            let mut next = i;
            if let Some(ac) = &self.folded
                && ac.may_start(pair, c)
            {
                self.push_hit(text, ac.at(text, i), i, false, &mut next, &mut out);
            }
            if let Some(ac) = &self.exact
                && ac.may_start(pair, c)
            {
                self.push_hit(text, ac.at(text, i), i, true, &mut next, &mut out);
            }
            // Go on after the matched words (and their ending), or this word;
            // never from inside a word. A hit's `word_end` is already a word
            // end, where `word_end` would stay.
            i = if next > i { next } else { word_end(text, i) };
        }
        out
    }

    /// Keep the match `found` of the word at `start` when some topic
    /// counts it, moving `next` past its word.
    fn push_hit(
        &self,
        text: &str,
        found: Option<(usize, usize)>,
        start: usize,
        exact: bool,
        next: &mut usize,
        out: &mut Vec<Hit>,
    ) {
        let Some((pattern, end)) = found else {
            return;
        };
        let hit = Hit {
            start,
            end,
            word_end: word_end(text, end),
            pattern: pattern as u32,
            exact,
        };
        if self.topics_of(text, &hit).next().is_some() {
            *next = (*next).max(hit.word_end);
            out.push(hit);
        }
    }

    /// What one occurrence counts for: each topic its phrase belongs to
    /// whose ending fits, once per topic (the first of a topic's entries,
    /// strong before weak, wins).
    fn topics_of<'a>(&'a self, text: &'a str, hit: &Hit) -> impl Iterator<Item = PatternInfo> + 'a {
        let infos = if hit.exact {
            &self.exact_info
        } else {
            &self.folded_info
        };
        let tail = &text[hit.end..hit.word_end];
        let mut seen_topic = u32::MAX;
        infos[hit.pattern as usize].iter().filter_map(move |info| {
            if info.topic != seen_topic && info.ending.accepts(tail) {
                seen_topic = info.topic;
                Some(*info)
            } else {
                None
            }
        })
    }
}

/// One matched occurrence: where it starts, where the pattern and the word
/// end, and which pattern of which automaton matched.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    word_end: usize,
    pattern: u32,
    exact: bool,
}

/// The first position at or after `i` where a word starts (`i` itself
/// counts only when the char before it is not a word char, or `i` is 0;
/// callers pass a word end or 0).
fn next_word_start(text: &str, mut i: usize) -> Option<usize> {
    let b = text.as_bytes();
    loop {
        i = crate::annotate::ascii_gap_end(b, i);
        let c = *b.get(i)?;
        if c < 0x80 {
            return Some(i);
        }
        let ch = text[i..].chars().next()?;
        if is_word_char(ch) {
            return Some(i);
        }
        i += ch.len_utf8();
    }
}

/// The end of the word characters starting at `i`.
fn word_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let e = super::ascii_alnum_end(b, i);
    if e < b.len() && b[e] >= 0x80 {
        for (o, c) in text[e..].char_indices() {
            if !is_word_char(c) {
                return e + o;
            }
        }
        return text.len();
    }
    e
}

/// Assign topics to paragraphs, turns and quotes. Returns the topics that
/// occur (ids dense, in lexicon order) and one topic annotation per
/// `(span, topic)`.
pub fn assign_topics(
    text: &str,
    structure: &Structure,
    quotes: &[(Span, Quote)],
    lexicon: &TopicLexicon,
) -> (Vec<Topic>, Vec<Annotation>) {
    find_hits(text, lexicon).assign(text, structure, quotes, lexicon)
}

/// Every occurrence of a lexicon phrase in a text: the whole-text half of
/// [`assign_topics`], which needs nothing but the text, so that the
/// pipeline can run it beside attribution.
pub struct TopicHits {
    hits: Vec<Hit>,
    /// The matcher, when the lexicon came without one.
    built: Option<Matcher>,
}

/// Find where the phrases of `lexicon` occur in `text`.
pub fn find_hits(text: &str, lexicon: &TopicLexicon) -> TopicHits {
    let built = match &lexicon.matcher {
        Some(_) => None,
        None => Some(Matcher::new(&lexicon.topics)),
    };
    let matcher = built.as_ref().or(lexicon.matcher.as_deref());
    TopicHits {
        hits: matcher.map(|m| m.find(text)).unwrap_or_default(),
        built,
    }
}

impl TopicHits {
    /// The second half of [`assign_topics`]: the topics of paragraphs,
    /// turns and `quotes` from these hits, found in the same `text` with the
    /// same `lexicon`.
    pub fn assign(
        self,
        text: &str,
        structure: &Structure,
        quotes: &[(Span, Quote)],
        lexicon: &TopicLexicon,
    ) -> (Vec<Topic>, Vec<Annotation>) {
        let Some(matcher) = self.built.as_ref().or(lexicon.matcher.as_deref()) else {
            return (Vec::new(), Vec::new());
        };
        assign_hits(text, structure, quotes, lexicon, matcher, &self.hits)
    }
}

/// Topics of the paragraphs, turns and quotes holding `hits`.
fn assign_hits(
    text: &str,
    structure: &Structure,
    quotes: &[(Span, Quote)],
    lexicon: &TopicLexicon,
    matcher: &Matcher,
    hits: &[Hit],
) -> (Vec<Topic>, Vec<Annotation>) {
    if hits.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let n = lexicon.topics.len();
    let mut strong = vec![0u32; n];
    let mut weak = vec![0u32; n];
    let mut touched: Vec<usize> = Vec::new();
    // The tags, made as annotations at once with the lexicon's topic index
    // as their id (renumbered below): no second list of them at the peak.
    let mut annotations: Vec<Annotation> = Vec::new();

    // Each distinct span once (a turn and its quote share one), in text order.
    // Blocks and quotes each come in text order: the stable sort finds the
    // two runs and merges them in one pass, with less scratch memory than
    // merging two vectors into a third.
    let mut spans: Vec<Span> = structure
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Turn))
        .map(|b| b.span)
        .chain(quotes.iter().map(|(s, _)| *s))
        .filter(|s| !s.is_empty())
        .collect();
    spans.sort_by_key(|s| (s.start, s.end));
    spans.dedup();
    // Spans are in order of their starts, so the first hit of each only moves on.
    let mut first = 0;
    for span in spans {
        while first < hits.len() && hits[first].start < span.start {
            first += 1;
        }
        for hit in &hits[first..] {
            if hit.start >= span.end {
                break;
            }
            for info in matcher.topics_of(text, hit) {
                let t = info.topic as usize;
                if strong[t] == 0 && weak[t] == 0 {
                    touched.push(t);
                }
                if info.strong {
                    strong[t] += 1;
                } else {
                    weak[t] += 1;
                }
            }
        }
        touched.sort_unstable();
        for &t in &touched {
            if strong[t] >= 1 || weak[t] >= 2 {
                annotations.push(Annotation {
                    span,
                    body: AnnotationBody::Topic(TopicTag {
                        topic: TopicId(t as u32),
                    }),
                });
            }
            strong[t] = 0;
            weak[t] = 0;
        }
        touched.clear();
    }

    // Dense ids for the topics that occur, in lexicon order (marked in a
    // table of the lexicon's topics: sorting one entry a tag cost more).
    let mut id_of = vec![None; n];
    let mut occurs = vec![false; n];
    for a in &annotations {
        if let AnnotationBody::Topic(tag) = &a.body {
            occurs[tag.topic.0 as usize] = true;
        }
    }
    let topics: Vec<Topic> = (0..n)
        .filter(|&t| occurs[t])
        .enumerate()
        .map(|(i, t)| {
            id_of[t] = Some(TopicId(i as u32));
            Topic {
                id: TopicId(i as u32),
                key: lexicon.topics[t].key.clone(),
                name: lexicon.topics[t].name.clone(),
            }
        })
        .collect();
    // Every tag's topic occurs, so every one gets its dense id.
    for a in &mut annotations {
        if let AnnotationBody::Topic(tag) = &mut a.body
            && let Some(id) = id_of[tag.topic.0 as usize]
        {
            tag.topic = id;
        }
    }
    (topics, annotations)
}

#[cfg(test)]
mod tests;
