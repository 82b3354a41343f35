//! Lines: the text's non-blank lines, what a line looks like, and hard-wrapped
//! lines joined back into paragraphs.
//!
//! The first step of the segment stage, and the line shapes (a sentence end,
//! a list item, a speaker label, a rule) that the later steps judge blocks by.

use super::Draft;
use crate::model::{BlockKind, Meta, Span, quote_marks};

/// One non-blank line: its trimmed span and its length in characters.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    chars: usize,
    /// Index of the blank-line-separated run the line belongs to.
    run: usize,
}

/// Characters that close a sentence or a line that is not a heading.
pub(super) fn ends_closed(s: &str) -> bool {
    s.chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | ',' | '…' | ')' | ']' | '—' | '–' | '-'
        ) || quote_marks::is_closing_mark(c)
    })
}

/// Does the line end a sentence (so the next line starts a new thought)?
pub(super) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c| c == ')' || quote_marks::is_closing_mark(c));
    t.ends_with(['.', '!', '?', '…', ':'])
}

/// The first character of `s`.
pub(super) fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

/// The number of words (runs of non-space) in `s`.
pub(super) fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    // ASCII text counted a byte at a time: the Unicode-aware split cost
    // most of the heading test (a short line is checked for every paragraph).
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let space = b.is_ascii_whitespace() || b == 0x0b;
        n += usize::from(!space && !in_word);
        in_word = !space;
    }
    n
}

/// The first word of `s` (`""` when none).
fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

/// Whether `s` opens with a quotation mark of any style.
pub(super) fn starts_with_quote_mark(s: &str) -> bool {
    first_char(s).is_some_and(quote_marks::may_start_quoted_line)
}

/// A list item: `- x`, `* x`, `• x`, `1. x`, `2) x`, `a) x`.
pub(super) fn is_list_item(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some('-' | '*' | '•' | '·' | '–' | '—' | '+') => return true,
        Some(c) if c.is_ascii_digit() => {
            let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
            return rest.starts_with(". ") || rest.starts_with(") ");
        }
        Some(c) if c.is_ascii_lowercase() => {
            return it.next() == Some(')');
        }
        _ => {}
    }
    false
}

/// Does the line open with something that looks like a speaker label
/// (`MR. KIRBY:`, `Q`, `Q:`, `John Smith: …`, `President of Russia Vladimir Putin: …`)?
pub(super) fn starts_with_label(s: &str) -> bool {
    // Bare "Q" / "A" followed by spaces, or "Q:" / "Q.".
    let b = s.as_bytes();
    if b.len() >= 2 && matches!(b[0], b'Q' | b'A') && matches!(b[1], b' ' | b'\t' | b':') {
        return true;
    }
    let Some(colon) = s.find(':') else {
        return false;
    };
    let label = &s[..colon];
    if label.is_empty() || label.len() > 80 {
        return false;
    }
    // A URL or a time is not a label.
    if s[colon..].starts_with("://")
        || s[colon + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let connectors = [
        "of", "the", "and", "de", "von", "van", "al", "bin", "to", "for",
    ];
    words.iter().all(|w| {
        let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.'));
        w.is_empty()
            || connectors.contains(&w)
            || w.chars().next().is_some_and(|c| c.is_uppercase())
    })
}

/// A rule line made only of punctuation (`_____`, `* * *`, `---`).
pub(super) fn is_rule(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| !crate::annotate::is_alnum(c))
}

/// Split text into its non-blank lines, grouped into blank-line separated runs.
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut run = 0;
    let mut blank = true;
    for raw in text.split_inclusive('\n') {
        let body = raw.strip_suffix('\n').unwrap_or(raw);
        let t = body.trim();
        if t.is_empty() {
            if !blank {
                run += 1;
            }
            blank = true;
        } else {
            let start = pos + (body.len() - body.trim_start().len());
            out.push(Line {
                span: Span::new(start, start + t.len()),
                chars: t.chars().count(),
                run,
            });
            blank = false;
        }
        pos += raw.len();
    }
    out
}

/// The width hard-wrapped lines were broken at, or `None` when the text is
/// not hard-wrapped (paragraphs are one line each).
fn wrap_width(lines: &[Line]) -> Option<usize> {
    // Lines that share their run with the next line are where wrapping shows.
    let mut inner: Vec<usize> = lines
        .windows(2)
        .filter(|w| w[0].run == w[1].run)
        .map(|w| w[0].chars)
        .collect();
    // Only a file that separates paragraphs by blank lines can show wrapping.
    let runs = lines.last().map_or(0, |l| l.run + 1);
    if inner.len() < 3 || runs < 2 {
        return None;
    }
    let wrapped = inner.iter().filter(|&&c| (35..=130).contains(&c)).count();
    if wrapped * 10 < inner.len() * 6 {
        return None;
    }
    inner.retain(|&c| c <= 130);
    // Wrapped lines crowd just below the width: take the width whose band of
    // twelve characters below it holds the most lines (lines that could not be
    // broken, such as long URLs, run past it and do not matter).
    let mut hist = [0usize; 131];
    for &c in &inner {
        hist[c] += 1;
    }
    let mut best = (0, 0);
    for l in 20usize..=130 {
        let score: usize = hist[l.saturating_sub(11)..=l].iter().sum();
        if score >= best.0 {
            best = (score, l);
        }
    }
    (best.0 > 0).then_some(best.1)
}

/// Should line `b` continue the paragraph of line `a` (hard wrap)?
fn joins(text: &str, a: &Line, b: &Line, width: Option<usize>) -> bool {
    if a.run != b.run {
        return false;
    }
    let Some(w) = width else {
        return false;
    };
    let at = a.span.slice(text);
    let bt = b.span.slice(text);
    // A dash at the start of a wrapped line continues interrupted speech; other
    // list markers start a new item.
    let dash = bt.starts_with(['\u{2014}', '\u{2013}']);
    if starts_with_label(bt) || (is_list_item(bt) && !dash) || is_rule(at) || is_rule(bt) {
        return false;
    }
    let next_word = first_word(bt).chars().count();
    let new_sentence = ends_sentence(at) && first_char(bt).is_some_and(char::is_uppercase);
    // Wrapping tools aim a little short of the width (fmt aims at 93%).
    let slack = if new_sentence { w / 12 } else { w / 6 };
    let forced = a.chars + 1 + next_word + slack >= w;
    let continues = !ends_sentence(at) && first_char(bt).is_some_and(|c| c.is_lowercase());
    forced || (continues && a.chars * 2 >= w)
}

/// Split the text into paragraphs: its lines, with the lines of a hard-wrapped
/// paragraph joined, every one a [`BlockKind::Paragraph`] until the later
/// steps decide.
pub(super) fn paragraphs(text: &str) -> Draft<'_> {
    let lines = lines(text);
    let width = wrap_width(&lines);
    let mut spans: Vec<Span> = Vec::new();
    let mut single: Vec<bool> = Vec::new(); // block is one line
    let mut chars: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i > 0 && joins(text, &lines[i - 1], l, width) {
            if let Some(last) = spans.last_mut() {
                last.end = l.span.end;
            }
            if let Some(s) = single.last_mut() {
                *s = false;
            }
            if let Some(c) = chars.last_mut() {
                *c += l.chars + 1;
            }
            continue;
        }
        spans.push(l.span);
        single.push(true);
        chars.push(l.chars);
    }
    Draft {
        text,
        kinds: vec![BlockKind::Paragraph; spans.len()],
        spans,
        single,
        chars,
        meta: Meta::default(),
        width,
    }
}
