//! Labels: whether the start of one line is a speaker label, and what it says.
//!
//! Kept apart from turn finding because it judges one line on its own (the
//! label's shape and words), while `super::turns` judges the labels of a
//! whole document against each other.

use crate::annotate::FastSet;
use crate::annotate::lexicon::{self, tagged_entries, word_list};
use std::sync::LazyLock;

use crate::model::Span;

/// Longest label accepted, in bytes (parenthesis included).
const MAX_LABEL_BYTES: usize = 120;
/// Most words in a label.
const MAX_LABEL_WORDS: usize = 14;

word_list!(
    /// Lower-case words that may stand uncapitalised inside a label.
    CONNECTORS = "name-connectors.txt", tag = "labels"
);

/// Words (lower case, dots dropped) that are titles or roles, not names.
static TITLES: LazyLock<Vec<&str>> =
    LazyLock::new(|| tagged_entries(&lexicon::TITLES_LOWER, "labels").collect());

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

/// Whether `c` separates the words of a label (any white space, no-break included).
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// `w` in lower case without the dots and commas around it ("Mr." → "mr").
pub(super) fn lower_nodots(w: &str) -> String {
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
    tagged_entries(lexicon::GIVEN_NAMES, "labels")
        .map(str::to_lowercase)
        .collect()
});

/// Whether `w` is a common given name ("Maria").
pub(super) fn is_given_name(w: &str) -> bool {
    GIVEN_SET.contains(&w.to_lowercase())
}

/// Whether `w` is a lower-case word that may connect a label's words ("of").
pub(super) fn is_connector(w: &str) -> bool {
    in_set(&CONNECTOR_SET, w)
}

/// Whether `w` (dots and commas aside) is a title or role ("President", "MR.").
pub(super) fn is_title_word(w: &str) -> bool {
    in_set(&TITLE_SET, w.trim_matches(|c: char| c == '.' || c == ','))
}

fn is_stop_word(w: &str) -> bool {
    in_set(&STOP_SET, w.trim_matches(|c: char| c == '.' || c == ','))
}

fn is_opening_quote(c: char) -> bool {
    crate::model::quote_marks::is_opening_mark(c)
}

/// What [`parse_label_text`] learns from a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LabelText {
    /// The label without its trailing parenthesis ("Question").
    pub(super) core: String,
    /// The parenthesis content ("retranslated", "Jane Roe, Daily Planet").
    pub(super) paren: Option<String>,
    /// The label's words are all upper case.
    pub(super) caps: bool,
    /// Number of words in the core.
    pub(super) words: usize,
    /// Some word is a title ("President", "MR.").
    pub(super) titled: bool,
    /// The core names an unnamed questioner ("Q", "QUESTION").
    pub(super) question: bool,
    /// A single word that is a role ("Moderator").
    pub(super) role_word: bool,
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
        crate::annotate::is_alpha(c)
            || is_space(c)
            || matches!(c, '.' | '-' | '’' | '\'' | '‘' | '&')
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
        if !crate::annotate::is_alpha(c) {
            return None;
        }
        if is_stop_word(w) {
            return None;
        }
        for ch in w.chars().filter(|c| crate::annotate::is_alpha(*c)) {
            letters += 1;
            upper += usize::from(ch.is_uppercase());
        }
    }
    let caps = letters >= 1 && upper == letters;
    // Only a one-word label can be a questioner's or a role's word: the
    // lower-case copy is made for those alone.
    let lower0 = (words.len() == 1).then(|| lower_nodots(words[0]));
    let question = lower0
        .as_deref()
        .is_some_and(|l| QUESTION_WORDS.contains(&l));
    let role_word = lower0.as_deref().is_some_and(|l| ROLE_WORDS.contains(&l));
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
    (1..=3).contains(&head.len())
        && head.chars().all(|c| c.is_lowercase())
        && rest.chars().nth(1).is_some_and(char::is_uppercase)
}

/// A label found at the start of a line, before acceptance.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// Start of the line (and of the label).
    pub(super) line_start: usize,
    /// The label as printed.
    pub(super) label: Span,
    /// What the label says.
    pub(super) info: LabelText,
    /// Interpreter note after the label.
    pub(super) note: Option<Span>,
    /// First byte of the turn's words (may equal the line end).
    pub(super) content_start: usize,
    /// The words open with a quotation mark.
    pub(super) quoted: bool,
    /// The colon is run into the words with no space (`MR. KIRBY:Thank you`),
    /// a typo that needs the document to confirm the label.
    pub(super) tight: bool,
}

/// Skip whitespace (including no-break spaces) from `pos` within `line_end`.
pub(super) fn skip_space(text: &str, mut pos: usize, line_end: usize) -> usize {
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
pub(super) fn find_candidate(text: &str, start: usize, end: usize) -> Option<Candidate> {
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
    // A colon label is followed by a space or the end of the line ("a:b" is
    // not one), or, as a typo, run straight into a capitalised word.
    let tight = colon && content_start == after && after < end;
    if tight && !text[after..end].starts_with(char::is_uppercase) {
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
        tight,
    })
}

/// A label that lost its colon: an ALL-CAPS run at the line start followed by
/// spaces and a capital letter or a parenthesis. Returns the label's length.
pub(super) fn colonless_label(line: &str) -> Option<usize> {
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

/// The largest char boundary of `s` at or before `i` (`s.len()` past the end).
pub(super) fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
