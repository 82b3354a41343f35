//! Transcripts: speaker labels at the start of a paragraph make turns.
//!
//! Official transcripts print who speaks before the words: `MR. KIRBY:`,
//! `Q` followed by spaces, `Question (retranslated):`,
//! `President of Russia Vladimir Putin:`. This stage finds those labels,
//! turns the paragraphs they open into [`BlockKind::Turn`] blocks and resolves
//! the variants of one person's label to one speaker, so that the quote stage
//! can treat every turn as a direct quote by a known speaker.
//!
//! How a label is recognised (no file-specific names, only how transcribers write):
//! - it opens a line of a paragraph and ends at the first colon of the line
//!   (or is a bare `Q` followed by spaces, or an ALL-CAPS label already seen
//!   with its colon that lost it);
//! - it is short (at most 14 words, 120 bytes), has no digits, commas or quote
//!   marks outside a trailing parenthesis, and every word is capitalised except
//!   connecting words (`of`, `the`, `for` …): "Here is the thing:" is prose;
//! - a single mixed-case word must be a known role (`Question`, `Moderator` …)
//!   or be used as a label at least twice; a long or unknown mixed-case label
//!   that appears once needs another label of the document used twice;
//! - words after it must not open with a quotation mark (that is the
//!   `Name: “…”` style of news round-ups, handled by the quote stage), unless
//!   the label is used elsewhere without one;
//! - a document needs at least two turns to count as a transcript.
//!
//! A turn's content runs from the first word after the label (and after an
//! interpreter note such as `(As interpreted.)`, kept in [`Turn::note`]) over
//! the following paragraphs that have no label, up to the next label, the end
//! of the section, a non-paragraph block or a closing line (`END`, a time, a
//! `Source:` line). So a long answer in several paragraphs is one turn.
//!
//! Speakers: reporters' questions (`Q`, `QUESTION`, `Question (retranslated)`)
//! are one group speaker "Question", unless the parenthesis names the reporter.
//! Titles are split from names (`PRESIDENT BIDEN` → "Biden", role "President"),
//! a label that contains another label's bare name is that person
//! (`President of Russia Vladimir Putin` → "Vladimir Putin"), a surname is
//! completed from the header when it names the person in full ("John Kirby"),
//! and a name used once whose surname is one edit away (a letter added,
//! dropped or changed, or two neighbours swapped) from the surname of a name
//! used at least twice, with the same first names, is taken as a typo of it.
//! `A:` in a Q-and-A is "Answer"; role labels (`Moderator`, `Remark`) keep
//! their role as name unless a parenthesis names the person.

use super::{FastMap, FastSet};
use crate::annotate::lexicon::word_list;
use std::sync::{Arc, LazyLock};

use super::segment::Structure;
use crate::model::{Block, BlockKind, Genre, Span, SpeakerKind};

/// A transcript turn found from a speaker label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Index of the block the turn opens.
    pub block: usize,
    /// The label as printed, without its colon ("MR. KIRBY", "Q").
    pub label: Span,
    /// The turn's words after the label (and after an interpreter note).
    pub content: Span,
    /// An interpreter note such as "(As interpreted.)" between label and words.
    pub note: Option<Span>,
    /// Who speaks, with label variants resolved to one canonical name
    /// (shared by every turn of that speaker).
    pub speaker: Arc<TurnSpeaker>,
}

/// The speaker of a turn, canonicalised across label variants
/// (`Vladimir Putin` and `President of Russia Vladimir Putin` give one name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnSpeaker {
    /// Canonical display name ("Vladimir Putin", "Question", "John Kirby").
    pub name: String,
    /// Role or title from the label or header ("President of Russia").
    pub role: Option<String>,
    /// Other names seen for this speaker (label variants).
    pub aliases: Vec<String>,
    /// Person for named speakers, group for reporters' questions.
    pub kind: SpeakerKind,
}

/// Longest label accepted, in bytes (parenthesis included).
const MAX_LABEL_BYTES: usize = 120;
/// Most distinct labels for which labels are matched against each other.
const MAX_CROSS_LABELS: usize = 300;
/// Most words in a label.
const MAX_LABEL_WORDS: usize = 14;

word_list!(
    /// Lower-case words that may stand uncapitalised inside a label.
    CONNECTORS = "name-connectors.txt"
);

word_list!(
    /// Words (lower case, dots dropped) that are titles or roles, not names.
    TITLES = "label-titles.txt"
);

word_list!(
    /// Single words that are labels of a role by themselves.
    ROLE_WORDS = "label-role-words.txt"
);

/// Words that name an unnamed questioner.
const QUESTION_WORDS: &[&str] = &[
    "q",
    "question",
    "questions",
    "reporter",
    "reporters",
    "journalist",
    "journalists",
    "audience",
];

word_list!(
    /// Words that make a colon line furniture rather than a label.
    STOP_WORDS = "label-stop-words.txt"
);

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn lower_nodots(w: &str) -> String {
    w.trim_matches(|c: char| c == '.' || c == ',')
        .to_lowercase()
}

/// A word list as a set, built once.
fn set_of(words: &'static [&'static str]) -> FastSet<&'static str> {
    words.iter().copied().collect()
}

static TITLE_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| set_of(&TITLES));
static STOP_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| set_of(&STOP_WORDS));
static CONNECTOR_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| set_of(&CONNECTORS));

/// Whether `w` (any case) is in `set`, without allocating for short ASCII words.
fn in_set(set: &FastSet<&'static str>, w: &str) -> bool {
    let mut buf = [0u8; 24];
    if w.len() <= buf.len() && w.is_ascii() {
        for (b, c) in buf.iter_mut().zip(w.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..w.len()]).is_ok_and(|l| set.contains(l));
    }
    set.contains(w.to_lowercase().as_str())
}

static GIVEN_SET: LazyLock<FastSet<String>> = LazyLock::new(|| {
    crate::annotate::lexicon::parse_list(crate::annotate::lexicon::GIVEN_NAMES)
        .chain(crate::annotate::lexicon::parse_list(include_str!(
            "../../assets/lexicon/first-names.txt"
        )))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_lowercase)
        .collect()
});

/// Whether `w` is a common given name ("Maria").
fn is_given_name(w: &str) -> bool {
    GIVEN_SET.contains(&w.to_lowercase())
}

fn is_connector(w: &str) -> bool {
    in_set(&CONNECTOR_SET, w)
}

fn is_title_word(w: &str) -> bool {
    in_set(&TITLE_SET, w.trim_matches(|c: char| c == '.' || c == ','))
}

fn is_stop_word(w: &str) -> bool {
    in_set(&STOP_SET, w.trim_matches(|c: char| c == '.' || c == ','))
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '"' | '‘' | '„' | '«' | '`')
}

/// What [`parse_label_text`] learns from a label.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LabelText {
    /// The label without its trailing parenthesis ("Question").
    core: String,
    /// The parenthesis content ("retranslated", "Jane Roe, Daily Planet").
    paren: Option<String>,
    /// The label's words are all upper case.
    caps: bool,
    /// Number of words in the core.
    words: usize,
    /// Some word is a title ("President", "MR.").
    titled: bool,
    /// The core names an unnamed questioner ("Q", "QUESTION").
    question: bool,
    /// A single word that is a role ("Moderator").
    role_word: bool,
}

/// Check the text before a colon (already trimmed) and describe it as a label.
fn parse_label_text(label: &str) -> Option<LabelText> {
    if label.is_empty() || label.len() > MAX_LABEL_BYTES {
        return None;
    }
    let mut core = label.trim_end();
    let mut paren = None;
    if core.ends_with(')') {
        let open = core.rfind('(')?;
        let inner = core[open + 1..core.len() - 1].trim();
        if inner.contains(['(', ')']) {
            return None;
        }
        paren = Some(inner.to_string());
        core = core[..open].trim_end();
    }
    if core.is_empty() || core.len() > 90 {
        return None;
    }
    let first = core.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    if !core.chars().all(|c| {
        super::is_alpha(c) || is_space(c) || matches!(c, '.' | '-' | '’' | '\'' | '‘' | '&')
    }) {
        return None;
    }
    let words: Vec<&str> = core.split(is_space).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > MAX_LABEL_WORDS {
        return None;
    }
    let mut letters = 0usize;
    let mut upper = 0usize;
    for w in &words {
        let c = w.chars().next()?;
        if !c.is_uppercase() && !is_connector(w) && !particle_name(w) {
            return None;
        }
        if !super::is_alpha(c) {
            return None;
        }
        if is_stop_word(w) {
            return None;
        }
        for ch in w.chars().filter(|c| super::is_alpha(*c)) {
            letters += 1;
            upper += usize::from(ch.is_uppercase());
        }
    }
    let caps = letters >= 1 && upper == letters;
    let lower0 = lower_nodots(words[0]);
    let question = words.len() == 1 && QUESTION_WORDS.contains(&lower0.as_str());
    let role_word = words.len() == 1 && ROLE_WORDS.contains(&lower0.as_str());
    let titled = words.iter().any(|w| is_title_word(w));
    Some(LabelText {
        core: words.join(" "),
        paren,
        caps,
        words: words.len(),
        titled,
        question,
        role_word,
    })
}

/// A name with a lower-case particle joined to it: "el-Sisi", "al-Amin", "d’Arc".
fn particle_name(w: &str) -> bool {
    let Some(p) = w.find(['-', '\'', '’']) else {
        return false;
    };
    let (head, rest) = w.split_at(p);
    let tail = rest.chars().skip(1).collect::<String>();
    (1..=3).contains(&head.len())
        && head.chars().all(|c| c.is_lowercase())
        && tail.chars().next().is_some_and(char::is_uppercase)
}

/// A label found at the start of a line, before acceptance.
#[derive(Debug, Clone)]
struct Candidate {
    /// Start of the line (and of the label).
    line_start: usize,
    /// The label as printed.
    label: Span,
    /// What the label says.
    info: LabelText,
    /// Interpreter note after the label.
    note: Option<Span>,
    /// First byte of the turn's words (may equal the line end).
    content_start: usize,
    /// The words open with a quotation mark.
    quoted: bool,
}

/// Skip whitespace (including no-break spaces) from `pos` within `line_end`.
fn skip_space(text: &str, mut pos: usize, line_end: usize) -> usize {
    while pos < line_end {
        match text[pos..line_end].chars().next() {
            Some(c) if is_space(c) => pos += c.len_utf8(),
            _ => break,
        }
    }
    pos
}

/// Whether a parenthesis right after a label is an interpreter's note.
fn is_note(inner: &str) -> bool {
    let l = inner.to_lowercase();
    l.contains("interpret") || l.contains("translat") || l.contains("through an")
}

/// Look for a label at the line `[start, end)` of `text`.
fn find_candidate(text: &str, start: usize, end: usize) -> Option<Candidate> {
    let line = &text[start..end];
    let (label_len, after, colon) = if let Some(rest) = line.strip_prefix('Q')
        && rest.starts_with(|c: char| is_space(c) || c == ':')
    {
        let colon = rest.starts_with(':');
        (1, start + 1 + usize::from(colon), colon)
    } else {
        // The first colon within the label's reach.
        let reach = floor_boundary(line, MAX_LABEL_BYTES + 2);
        let colon = line[..reach].find(':')?;
        let label = line[..colon].trim_end();
        (label.len(), start + colon + 1, true)
    };
    if label_len == 0 {
        return None;
    }
    let label_text = &line[..label_len];
    let info = parse_label_text(label_text)?;
    let mut content_start = skip_space(text, after, end);
    // A colon label must be followed by a space or the end of the line ("A:B" is not one).
    if colon && content_start == after && after < end {
        return None;
    }
    let mut note = None;
    if text[content_start..end].starts_with('(')
        && let Some(close) = text[content_start..end].find(')')
        && close < 80
        && is_note(&text[content_start + 1..content_start + close])
    {
        let note_end = content_start + close + 1;
        let next = skip_space(text, note_end, end);
        if next < end {
            note = Some(Span::new(content_start, note_end));
            content_start = next;
        }
    }
    let quoted = text[content_start..end]
        .chars()
        .next()
        .is_some_and(is_opening_quote);
    Some(Candidate {
        line_start: start,
        label: Span::new(start, start + label_len),
        info,
        note,
        content_start,
        quoted,
    })
}

/// A label that lost its colon: an ALL-CAPS run at the line start followed by
/// spaces and a capital letter or a parenthesis. Returns the label's length.
fn colonless_label(line: &str) -> Option<usize> {
    let mut last_word_end = 0;
    for (i, c) in line.char_indices() {
        if c.is_uppercase() || c == '.' || c == '-' || c == '’' || c == '\'' {
            last_word_end = i + c.len_utf8();
        } else if c == ' ' {
            if line[i + 1..].starts_with([' ', '\u{a0}']) {
                break;
            }
        } else {
            break;
        }
        if i > MAX_LABEL_BYTES {
            return None;
        }
    }
    if last_word_end < 2 {
        return None;
    }
    let rest = &line[last_word_end..];
    let after = rest.trim_start_matches(is_space);
    if after.len() == rest.len() || after.is_empty() {
        return None;
    }
    let c = after.chars().next()?;
    (c.is_uppercase() || c == '(' || is_opening_quote(c)).then_some(last_word_end)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether a paragraph closes a transcript rather than continuing a turn.
fn is_closing_line(s: &str) -> bool {
    let t = s.trim_start();
    let first: String = t
        .split(|c: char| is_space(c) || c == ':')
        .next()
        .unwrap_or("")
        .to_lowercase();
    let stamp = t.len() < 40
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.contains(':')
        && (t.contains("M.") || t.contains("AM") || t.contains("PM") || t.contains("m."));
    first == "end"
        || first == "(end"
        || first == "source"
        || first.starts_with("http")
        || t.starts_with("###")
        || stamp
}

/// Find speaker labels; retypes their blocks as [`crate::model::BlockKind::Turn`]
/// and sets the genre to transcript when the document is one.
pub fn find_turns(text: &str, structure: &mut Structure) -> Vec<Turn> {
    // Pass 1: candidate labels at the start of every line of every paragraph.
    let mut cands: Vec<Candidate> = Vec::new();
    let mut colonless: Vec<(usize, usize, usize)> = Vec::new(); // (line start, label end, line end)
    for b in &structure.blocks {
        if b.kind != BlockKind::Paragraph || !b.span.is_valid_in(text) {
            continue;
        }
        let mut pos = b.span.start;
        for line in text[b.span.start..b.span.end].split('\n') {
            let end = pos + line.len();
            let lead = line.len() - line.trim_start_matches(is_space).len();
            let s = pos + lead;
            if s < end {
                if let Some(c) = find_candidate(text, s, end) {
                    cands.push(c);
                } else if let Some(l) = colonless_label(&text[s..end]) {
                    colonless.push((s, s + l, end));
                }
            }
            pos = end + 1;
        }
    }
    if cands.is_empty() {
        return Vec::new();
    }

    // Pass 2: accept by the label's own shape and by consistency.
    let mut uses: FastMap<String, usize> = FastMap::default();
    for c in &cands {
        if !c.quoted {
            *uses.entry(c.info.core.clone()).or_default() += 1;
        }
    }
    let established = uses.values().any(|&n| n >= 2);
    let mut accepted: Vec<Candidate> = cands
        .into_iter()
        .filter(|c| {
            let n = uses.get(&c.info.core).copied().unwrap_or(0);
            if c.quoted && n == 0 {
                return false;
            }
            let i = &c.info;
            if i.question || i.role_word {
                return true;
            }
            if i.words == 1 && !i.caps {
                return n >= 2;
            }
            if i.caps || i.titled {
                return i.words <= 8 || n >= 2 || i.titled;
            }
            // Mixed-case names ("Jane Roe"): repeated, or in a transcript, or
            // opening with a known given name.
            n >= 2
                || (established && i.words <= 5)
                || ((2..=4).contains(&i.words)
                    && i.core.split(' ').next().is_some_and(is_given_name))
        })
        .collect();
    // Labels that lost their colon: ALL-CAPS labels seen with their colon.
    let caps_labels: FastMap<&str, LabelText> = accepted
        .iter()
        .filter(|c| c.info.caps)
        .map(|c| (c.label.slice(text), c.info.clone()))
        .collect();
    for (s, l, e) in colonless {
        let Some(info) = caps_labels.get(&text[s..l]).cloned() else {
            continue;
        };
        let content_start = skip_space(text, l, e);
        accepted.push(Candidate {
            line_start: s,
            label: Span::new(s, l),
            info,
            note: None,
            content_start,
            quoted: false,
        });
    }
    accepted.sort_by_key(|c| c.line_start);
    if accepted.len() < 2 {
        return Vec::new();
    }

    // Pass 3: split blocks where a label starts inside them, retag turn blocks.
    let mut blocks: Vec<Block> = Vec::with_capacity(structure.blocks.len() + 4);
    let mut cand_block: Vec<usize> = vec![0; accepted.len()];
    let mut k = 0;
    for b in &structure.blocks {
        let mut start = b.span.start;
        let mut kind = b.kind;
        while k < accepted.len() && accepted[k].line_start < b.span.end {
            let ls = accepted[k].line_start;
            if ls < b.span.start {
                k += 1;
                continue;
            }
            if ls > start {
                let piece_end = start + text[start..ls].trim_end().len();
                if piece_end > start {
                    blocks.push(Block {
                        kind,
                        span: Span::new(start, piece_end),
                    });
                }
                start = ls;
            }
            kind = BlockKind::Turn;
            cand_block[k] = blocks.len();
            k += 1;
        }
        blocks.push(Block {
            kind,
            span: Span::new(start, b.span.end),
        });
    }
    structure.blocks = blocks;

    // Pass 4: speakers.
    let speakers = resolve_speakers(text, &accepted);

    // Pass 5: turns with their content (which stays inside its section).
    let mut block_section = Vec::with_capacity(structure.blocks.len());
    let mut si = 0;
    for b in &structure.blocks {
        while si < structure.sections.len() && structure.sections[si].span.end < b.span.end {
            si += 1;
        }
        block_section.push(
            structure
                .sections
                .get(si)
                .filter(|s| s.span.contains_span(b.span))
                .map(|_| si),
        );
    }
    let mut turns = Vec::with_capacity(accepted.len());
    for (i, c) in accepted.iter().enumerate() {
        let bi = cand_block[i];
        let Some(block) = structure.blocks.get(bi) else {
            continue;
        };
        let section = block_section[bi];
        let mut content = Span::new(c.content_start, block.span.end.max(c.content_start));
        let mut j = bi + 1;
        while let Some(nb) = structure.blocks.get(j) {
            if nb.kind != BlockKind::Paragraph
                || is_closing_line(nb.span.slice(text))
                || block_section[j] != section
            {
                break;
            }
            if content.start >= content.end {
                content.start = nb.span.start;
            }
            content.end = nb.span.end;
            j += 1;
        }
        if content.start >= content.end {
            continue;
        }
        turns.push(Turn {
            block: bi,
            label: c.label,
            content,
            note: c.note,
            speaker: speakers[i].clone(),
        });
    }
    if turns.len() >= 2 {
        structure.meta.genre = Genre::Transcript;
    }
    turns
}

/// Title-case an ALL-CAPS word ("KIRBY" → "Kirby", "JEAN-PIERRE" → "Jean-Pierre").
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !super::is_alpha(c);
    }
    // "Mcdonald" is left as is: ALL-CAPS labels lose that information.
    out
}

/// The label's words as they should be displayed.
fn display_words(info: &LabelText) -> Vec<String> {
    info.core
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if info.caps && (i == 0 || !is_connector(w)) {
                title_case(w)
            } else if info.caps {
                w.to_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect()
}

/// Index of `needle` as a run of whole words inside `hay`.
fn find_words(hay: &[String], needle: &[String]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| {
        hay[i..i + needle.len()]
            .iter()
            .zip(needle)
            .all(|(a, b)| a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase())
    })
}

/// A person's name learnt from one label: (name words, role words).
fn split_title(words: &[String]) -> (Vec<String>, Vec<String>) {
    let mut i = 0;
    while i < words.len() && (is_title_word(&words[i]) || words[i].eq_ignore_ascii_case("the")) {
        i += 1;
    }
    if i == words.len() {
        // Only titles ("THE PRESIDENT", "MODERATOR"): the label is the name.
        return (words.to_vec(), Vec::new());
    }
    // "President of Russia Vladimir Putin": a title, "of" and a place, then the name.
    if i > 0 && matches!(words[i].to_lowercase().as_str(), "of" | "for") {
        let n = words.len();
        let name_len = if n - i >= 3 { 2.min(n - i - 2) } else { 0 };
        if name_len > 0 {
            let cut = n - name_len;
            return (words[cut..].to_vec(), words[..cut].to_vec());
        }
    }
    (words[i..].to_vec(), words[..i].to_vec())
}

/// Edit distance between two short words (surnames).
fn edit_distance(a: &str, b: &str) -> usize {
    // Optimal string alignment: insertions, deletions, substitutions and
    // swaps of neighbours each cost one.
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * w + j] = if i == 0 {
                j
            } else if j == 0 {
                i
            } else {
                let mut v = (d[(i - 1) * w + j - 1] + usize::from(a[i - 1] != b[j - 1]))
                    .min(d[(i - 1) * w + j] + 1)
                    .min(d[i * w + j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[(i - 2) * w + j - 2] + 1);
                }
                v
            };
        }
    }
    d[a.len() * w + b.len()]
}

/// Resolve every accepted label to a speaker (one per candidate, in order).
fn resolve_speakers(text: &str, accepted: &[Candidate]) -> Vec<Arc<TurnSpeaker>> {
    // Distinct label cores in order of first use, with their counts.
    let mut cores: Vec<(String, usize)> = Vec::new();
    let mut core_index: FastMap<&str, usize> = FastMap::default();
    let mut core_of: Vec<usize> = Vec::with_capacity(accepted.len());
    let mut infos: Vec<&LabelText> = Vec::new();
    let mut printed: Vec<Vec<String>> = Vec::new();
    for c in accepted {
        let key = c.info.core.as_str();
        let idx = match core_index.get(key) {
            Some(&i) => i,
            None => {
                core_index.insert(key, cores.len());
                cores.push((key.to_string(), 0));
                infos.push(&c.info);
                printed.push(Vec::new());
                cores.len() - 1
            }
        };
        cores[idx].1 += 1;
        let p = c.label.slice(text).to_string();
        if !printed[idx].contains(&p) {
            printed[idx].push(p);
        }
        core_of.push(idx);
    }
    let header_end = accepted.first().map_or(0, |c| c.line_start);
    let header = &text[..floor_boundary(text, header_end.min(8000))];

    // Cross-label matching is quadratic in the number of distinct labels:
    // a real transcript has a few dozen, so it is skipped beyond that.
    let small = cores.len() <= MAX_CROSS_LABELS;
    // Bare names: labels without titles, of two words or more ("Vladimir Putin").
    let bare: Vec<Vec<String>> = infos
        .iter()
        .filter(|i| small && !i.titled && !i.question && !i.role_word && i.words >= 2)
        .map(|i| display_words(i))
        .collect();

    struct Resolved {
        name: Vec<String>,
        role: Vec<String>,
        kind: SpeakerKind,
        question: bool,
        titles_only: bool,
    }
    let mut resolved: Vec<Resolved> = Vec::with_capacity(cores.len());
    for info in &infos {
        if info.question {
            if let Some(name) = info.paren.as_deref().and_then(reporter_name) {
                resolved.push(Resolved {
                    name: name.split(' ').map(str::to_string).collect(),
                    role: vec!["Reporter".into()],
                    kind: SpeakerKind::Person,
                    question: false,
                    titles_only: false,
                });
            } else {
                resolved.push(Resolved {
                    name: vec!["Question".into()],
                    role: Vec::new(),
                    kind: SpeakerKind::Group,
                    question: true,
                    titles_only: false,
                });
            }
            continue;
        }
        let mut words = display_words(info);
        // "Q: … A: …": the bare A is the answer of the one interviewed.
        if info.core == "A" {
            words = vec!["Answer".into()];
        }
        // "Moderator (Jane Roe)": the person in the parenthesis.
        if info.role_word
            && let Some(name) = info.paren.as_deref().and_then(reporter_name)
        {
            resolved.push(Resolved {
                name: name.split(' ').map(str::to_string).collect(),
                role: words,
                kind: SpeakerKind::Person,
                question: false,
                titles_only: false,
            });
            continue;
        }
        // A label that contains another label's bare name is that person.
        let mut best: Option<(usize, &Vec<String>)> = None;
        for b in &bare {
            if b.len() < words.len()
                && let Some(at) = find_words(&words, b)
                && best.is_none_or(|(_, prev)| b.len() > prev.len())
            {
                best = Some((at, b));
            }
        }
        let (mut name, role) = match best {
            Some((at, b)) => (b.clone(), words[..at].to_vec()),
            None => split_title(&words),
        };
        // A surname alone: complete it from another label or the header.
        if name.len() == 1 && !info.role_word && !(info.titled && role.is_empty()) {
            let surname = name[0].clone();
            if let Some(full) = bare.iter().find(|b| {
                b.len() >= 2
                    && b.last()
                        .is_some_and(|l| l.to_lowercase() == surname.to_lowercase())
            }) {
                name = full.clone();
            } else if let Some(first) = first_name_in(header, &surname).filter(|_| small) {
                name = vec![first, surname];
            }
        }
        let role = role
            .into_iter()
            .filter(|w| {
                !matches!(
                    lower_nodots(w).as_str(),
                    "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "the"
                )
            })
            .collect();
        let titles_only = best.is_none()
            && words
                .iter()
                .all(|w| is_title_word(w) || w.eq_ignore_ascii_case("the"));
        resolved.push(Resolved {
            name,
            role,
            kind: SpeakerKind::Person,
            question: false,
            titles_only,
        });
    }

    // A label of titles only ("THE PRESIDENT"): the person another label or the
    // header gives that title ("PRESIDENT NOVAK:", "Remarks by President Novak").
    for i in 0..resolved.len() {
        if !resolved[i].titles_only || !small {
            continue;
        }
        let key: Vec<String> = resolved[i]
            .name
            .iter()
            .map(|w| lower_nodots(w))
            .filter(|w| w != "the")
            .collect();
        if key.is_empty() {
            continue;
        }
        let from_label = resolved.iter().find(|r| {
            !r.titles_only
                && !r.question
                && r.role.len() == key.len()
                && r.role.iter().zip(&key).all(|(a, b)| lower_nodots(a) == *b)
        });
        let found = match from_label {
            Some(r) => Some(r.name.clone()),
            None => titled_name_in(header, &key),
        };
        if let Some(name) = found {
            let role: Vec<String> = resolved[i]
                .name
                .iter()
                .filter(|w| lower_nodots(w) != "the")
                .cloned()
                .collect();
            resolved[i].name = name;
            resolved[i].role = role;
            resolved[i].titles_only = false;
        }
    }

    // Typos: a rarely used name one letter away (in the surname) from a more used one.
    let mut target: Vec<usize> = (0..cores.len()).collect();
    let mut name_count: FastMap<String, usize> = FastMap::default();
    for (i, r) in resolved.iter().enumerate() {
        *name_count.entry(r.name.join(" ")).or_default() += cores[i].1;
    }
    if small {
        for i in 0..resolved.len() {
            let ni = resolved[i].name.join(" ");
            let ci = name_count[&ni];
            for j in 0..resolved.len() {
                let nj = resolved[j].name.join(" ");
                if i == j || ni == nj || resolved[i].question || resolved[j].question {
                    continue;
                }
                let cj = name_count[&nj];
                let (a, b) = (&resolved[i].name, &resolved[j].name);
                let (Some(sa), Some(sb)) = (a.last(), b.last()) else {
                    continue;
                };
                let same_rest = a.len() == b.len() && a[..a.len() - 1] == b[..b.len() - 1];
                if ci == 1
                    && cj >= 2
                    && same_rest
                    && sa.chars().count() >= 4
                    && edit_distance(&sa.to_lowercase(), &sb.to_lowercase()) == 1
                {
                    target[i] = j;
                    break;
                }
            }
        }
    }

    // Build one TurnSpeaker per resolved name, with all label variants as aliases.
    let mut by_name: FastMap<String, TurnSpeaker> = FastMap::default();
    for i in 0..cores.len() {
        let t = target[i];
        let r = &resolved[t];
        let name = r.name.join(" ");
        let entry = by_name.entry(name.clone()).or_insert_with(|| TurnSpeaker {
            name: name.clone(),
            role: None,
            aliases: Vec::new(),
            kind: r.kind,
        });
        if entry.role.is_none() && !resolved[i].role.is_empty() && !r.question {
            entry.role = Some(resolved[i].role.join(" "));
        }
        let own = resolved[i].name.join(" ");
        let mut add = |a: &str| {
            if !a.eq_ignore_ascii_case(&entry.name)
                && !entry.aliases.iter().any(|x| x.eq_ignore_ascii_case(a))
            {
                entry.aliases.push(a.to_string());
            }
        };
        add(&own);
        for p in &printed[i] {
            add(p);
        }
    }
    // One shared speaker per label core; turns only clone the handle.
    let per_core: Vec<Arc<TurnSpeaker>> = (0..cores.len())
        .map(|ci| {
            let name = resolved[target[ci]].name.join(" ");
            Arc::new(by_name.get(&name).cloned().unwrap_or(TurnSpeaker {
                name,
                role: None,
                aliases: Vec::new(),
                kind: SpeakerKind::Person,
            }))
        })
        .collect();
    core_of
        .iter()
        .map(|&ci| Arc::clone(&per_core[ci]))
        .collect()
}

/// The reporter named in a question label's parenthesis ("Jane Roe, Daily Planet").
fn reporter_name(paren: &str) -> Option<String> {
    let head = paren.split([',', ';']).next()?.trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let ok = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| super::is_alpha(c) || matches!(c, '.' | '-' | '’' | '\''))
            && !is_title_word(w)
    });
    ok.then(|| head.to_string())
}

/// The name that follows a title in the header ("… by President Ana Novak and …"),
/// when the title is not part of a longer one ("Vice President").
fn titled_name_in(header: &str, title: &[String]) -> Option<Vec<String>> {
    let words: Vec<&str> = header
        .split(|c: char| is_space(c) || c == ',' || c == ';' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    let n = title.len();
    if words.len() <= n {
        return None;
    }
    for i in 0..words.len() - n {
        let matches = words[i..i + n]
            .iter()
            .zip(title)
            .all(|(w, t)| lower_nodots(w) == *t);
        if !matches || (i > 0 && is_title_word(words[i - 1])) {
            continue;
        }
        let name: Vec<String> = words[i + n..]
            .iter()
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).any(char::is_lowercase)
                    && !is_title_word(w)
            })
            .take(3)
            .map(|w| w.trim_end_matches(['.', ':']).to_string())
            .collect();
        if !name.is_empty() {
            return Some(name);
        }
    }
    None
}

/// A first name written right before `surname` in the header ("… John Kirby …").
fn first_name_in(header: &str, surname: &str) -> Option<String> {
    if surname.chars().count() < 2 {
        return None;
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    let words: Vec<&str> = header
        .split(|c: char| is_space(c) || c == ',' || c == ';' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    for w in 1..words.len() {
        let cur = words[w].trim_end_matches(['.', ':', '’', '\'', 's']);
        let cur_full = words[w].trim_end_matches(['.', ':']);
        if !(cur_full == surname
            || cur_full.eq_ignore_ascii_case(surname)
                && cur_full.chars().next().is_some_and(char::is_uppercase)
            || cur == surname)
        {
            continue;
        }
        let prev = words[w - 1];
        let ok = prev.chars().count() >= 2
            && prev.chars().next().is_some_and(char::is_uppercase)
            && prev.chars().skip(1).any(char::is_lowercase)
            && prev.chars().all(|c| super::is_alpha(c) || c == '-')
            && !is_title_word(prev)
            && !is_connector(prev)
            && !matches!(
                prev.to_lowercase().as_str(),
                "and" | "by" | "with" | "from" | "remarks" | "statement" | "interview"
            );
        if ok {
            match counts.iter_mut().find(|(n, _)| n == prev) {
                Some(e) => e.1 += 1,
                None => counts.push((prev.to_string(), 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(n, _)| n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::segment::segment;

    fn run(text: &str) -> (Vec<Turn>, Structure) {
        let mut s = segment(text);
        let t = find_turns(text, &mut s);
        (t, s)
    }

    #[test]
    fn caps_labels_and_bare_q() {
        let text = "Briefing by Coordinator Maria Lopez on Harbours\n\n\
            MS. LOPEZ:  Good morning to all of you.\n\n\
            Q  Thanks. Is the port open today?\n\n\
            MS. LOPEZ:  It opens at noon.\n\n\
            And the ferries run after that.\n\n\
            QUESTION: Which ferries?\n";
        let (turns, s) = run(text);
        assert_eq!(turns.len(), 4);
        assert_eq!(turns[0].speaker.name, "Maria Lopez");
        assert_eq!(turns[0].label.slice(text), "MS. LOPEZ");
        assert!(turns[0].content.slice(text).starts_with("Good morning"));
        assert_eq!(turns[1].speaker.name, "Question");
        assert_eq!(turns[1].speaker.kind, SpeakerKind::Group);
        assert!(turns[1].content.slice(text).starts_with("Thanks."));
        // The answer continues over the unlabelled paragraph.
        assert!(turns[2].content.slice(text).ends_with("after that."));
        assert_eq!(turns[3].speaker.name, "Question");
        assert_eq!(s.meta.genre, Genre::Transcript);
        assert_eq!(s.blocks[1].kind, BlockKind::Turn);
        assert_eq!(s.blocks[4].kind, BlockKind::Paragraph);
    }

    #[test]
    fn titled_variants_resolve_to_one_name() {
        let text = "Talks in the Capital\n\n\
            Head of the Republic of Norland Arvid Stenberg: Welcome, friends.\n\n\
            Question (retranslated): A question for both of you.\n\n\
            Arvid Stenberg: Yes, I can answer.\n\n\
            Prime Minister of Sudland Rosa Delacroix (retranslated): Thank you.\n\n\
            Rosa Delacroix: I agree.\n\n\
            Rosa Delacrox: And one more thing.\n\n\
            Arvid Stenberg: We are done.\n";
        let (turns, _) = run(text);
        assert_eq!(turns.len(), 7);
        assert_eq!(turns[0].speaker.name, "Arvid Stenberg");
        assert_eq!(turns[2].speaker.name, "Arvid Stenberg");
        assert_eq!(turns[1].speaker.name, "Question");
        assert_eq!(turns[3].speaker.name, "Rosa Delacroix");
        assert_eq!(
            turns[3].speaker.role.as_deref(),
            Some("Prime Minister of Sudland")
        );
        // One letter off in the surname of a label used once: a typo.
        assert_eq!(turns[5].speaker.name, "Rosa Delacroix");
        assert!(
            turns[5]
                .speaker
                .aliases
                .iter()
                .any(|a| a == "Rosa Delacrox")
        );
    }

    #[test]
    fn interpreter_note_is_kept_apart() {
        let text = "PRESIDENT NOVAK: (As interpreted.) We met twice.\n\n\
            Q    (As interpreted.)  Will you meet again?\n\n\
            PRESIDENT NOVAK: Soon.\n";
        let (turns, _) = run(text);
        assert_eq!(turns.len(), 3);
        assert_eq!(
            turns[0].note.map(|n| n.slice(text)),
            Some("(As interpreted.)")
        );
        assert_eq!(turns[0].content.slice(text), "We met twice.");
        assert_eq!(turns[1].content.slice(text), "Will you meet again?");
        assert_eq!(turns[0].speaker.name, "Novak");
        assert_eq!(turns[0].speaker.role.as_deref(), Some("President"));
    }

    #[test]
    fn prose_with_colons_is_not_a_label() {
        let text = "The plan is simple: we wait.\n\n\
            Here is my point: nobody knows.\n\n\
            Second, about the budget: it grew.\n\n\
            Source: https://example.org/page\n\n\
            10:30 A.M. local time\n";
        let (turns, s) = run(text);
        assert!(turns.is_empty());
        assert_eq!(s.meta.genre, Genre::Article);
    }

    #[test]
    fn news_roundup_quotes_are_not_turns() {
        let text = "Leaders welcomed the deal.\n\n\
            Senator Ann Marsh: “A good day for the coast.”\n\n\
            Mayor Tom Reed: “We are grateful.”\n";
        let (turns, _) = run(text);
        assert!(turns.is_empty());
    }

    #[test]
    fn reporter_named_in_question_label() {
        let text = "MODERATOR: Next question.\n\n\
            Question (Ella Moss, Coastal Radio): When will it end?\n\n\
            MODERATOR: Thank you.\n";
        let (turns, _) = run(text);
        assert_eq!(turns.len(), 3);
        assert_eq!(turns[1].speaker.name, "Ella Moss");
        assert_eq!(turns[0].speaker.name, "Moderator");
    }

    #[test]
    fn label_lines_inside_one_paragraph_split_the_block() {
        let text = "Opening words of the host.\nHOST: Welcome.\nGUEST SPEAKER: Thanks.\n";
        let mut s = Structure {
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                span: Span::new(0, text.len() - 1),
            }],
            ..Default::default()
        };
        let turns = find_turns(text, &mut s);
        assert_eq!(turns.len(), 2);
        assert_eq!(s.blocks.len(), 3);
        assert_eq!(s.blocks[0].kind, BlockKind::Paragraph);
        assert_eq!(s.blocks[1].kind, BlockKind::Turn);
        assert_eq!(s.blocks[1].span.slice(text), "HOST: Welcome.");
        assert_eq!(turns[1].content.slice(text), "Thanks.");
    }

    #[test]
    fn caps_label_that_lost_its_colon() {
        let text = "SECRETARY HALE: First point.\n\nSECRETARY HALE  Second point.\n\nQ: Why?\n";
        let (turns, _) = run(text);
        assert_eq!(turns.len(), 3);
        assert_eq!(turns[1].content.slice(text), "Second point.");
        assert_eq!(turns[1].speaker.name, "Hale");
    }

    #[test]
    fn closing_lines_end_the_last_turn() {
        let text = "Q: Done?\n\nMR. VANCE: Done.\n\nEND 4:10 P.M.\n";
        let (turns, _) = run(text);
        assert_eq!(turns[1].content.slice(text), "Done.");
    }

    #[test]
    fn a_label_of_titles_takes_the_name_from_the_header() {
        let text = "Remarks by President Ana Novak and Mayor Lee Brandt\n\n\
            THE PRESIDENT: Good afternoon.\n\n\
            MAYOR BRANDT: Thank you.\n\n\
            Q: A question for the mayor.\n\n\
            SENIOR ADMINISTRATION OFFICIAL: I will take that one.\n";
        let (turns, _) = run(text);
        assert_eq!(turns.len(), 4);
        assert_eq!(turns[0].speaker.name, "Ana Novak");
        assert_eq!(turns[0].speaker.role.as_deref(), Some("President"));
        assert_eq!(turns[1].speaker.name, "Lee Brandt");
        assert_eq!(turns[3].speaker.name, "Senior Administration Official");
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("novak", "novka"), 1);
        assert_eq!(edit_distance("novak", "nowak"), 1);
        assert_eq!(edit_distance("novak", "novakk"), 1);
        assert_eq!(edit_distance("novak", "brandt"), 6);
    }

    #[test]
    fn names_used_once_need_a_given_name() {
        let text = "Statements after the talks\n\n\
            David Lindqvist: We agreed on the harbour.\n\n\
            Maria Okafor: And on the railway.\n\n\
            Ladies and Gentlemen: this line is an address, not a label.\n";
        let (turns, _) = run(text);
        let names: Vec<&str> = turns.iter().map(|t| t.speaker.name.as_str()).collect();
        assert_eq!(names, ["David Lindqvist", "Maria Okafor"]);
    }

    #[test]
    fn q_and_a_and_remarks() {
        let text = "Talk with a Painter\n\n\
            Q: When did you start?\n\n\
            A: At six.\n\n\
            Remark: Bravo!\n\n\
            A: Thank you.\n";
        let (turns, _) = run(text);
        let names: Vec<&str> = turns.iter().map(|t| t.speaker.name.as_str()).collect();
        assert_eq!(names, ["Question", "Answer", "Remark", "Answer"]);
    }

    #[test]
    fn particles_and_moderator_names() {
        let text = "Forum on Trade\n\n\
            Moderator (Ivo Marek): Welcome to the forum.\n\n\
            President of Eastland Omar el-Farouk: Thank you for the invitation.\n\n\
            Omar el-Farouk: We agree on most points.\n\n\
            Omar el-Farouk: And the rest can wait.\n";
        let (turns, _) = run(text);
        assert_eq!(turns.len(), 4);
        assert_eq!(turns[0].speaker.name, "Ivo Marek");
        assert_eq!(turns[1].speaker.name, "Omar el-Farouk");
        assert_eq!(
            turns[1].speaker.role.as_deref(),
            Some("President of Eastland")
        );
    }
}
