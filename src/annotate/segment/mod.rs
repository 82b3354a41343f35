//! Structure: paragraphs, headings, header lines, boilerplate and sections.
//!
//! Every later stage works paragraph by paragraph and section by section, so
//! this stage decides what a paragraph is in the shapes real texts come in:
//! blank lines between paragraphs, one paragraph per line with no blank lines
//! (typical of transcripts), or hard-wrapped lines that must be joined back.
//!
//! The result follows these rules:
//! - blocks are ordered, disjoint and never include the blank lines around them;
//! - header blocks (the title and the meta lines that open the document: date,
//!   dateline, byline, `Source:`, time, venue) and trailer blocks (meta lines and
//!   site boilerplate after the last paragraph) lie **outside** every section;
//! - the lead (the body before the first heading) is an untitled section, and
//!   each heading starts a section that runs to the end of its last block, so a
//!   section never ends inside a paragraph and sections never overlap.
//!
//! Everything is one linear pass over the lines plus a pass over the blocks.

use crate::model::{Block, BlockKind, Meta, Section, Span};

/// The document's structure, as found by [`segment`] and refined by later stages.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// Title, date, place, source.
    pub meta: Meta,
    /// Blocks in text order.
    pub blocks: Vec<Block>,
    /// Sections in text order; boilerplate is in none.
    pub sections: Vec<Section>,
}

/// One non-blank line: its trimmed span and its length in characters.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    chars: usize,
    /// Index of the blank-line-separated run the line belongs to.
    run: usize,
}

/// Characters that close a sentence or a line that is not a heading.
fn ends_closed(s: &str) -> bool {
    s.chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | ','
                | '…'
                | '"'
                | '\''
                | '\u{201d}'
                | '\u{2019}'
                | '\u{00bb}'
                | ')'
                | ']'
                | '—'
                | '–'
                | '-'
        )
    })
}

/// Does the line end a sentence (so the next line starts a new thought)?
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', '\u{00bb}']);
    t.ends_with(['.', '!', '?', '…', ':'])
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

fn starts_with_quote_mark(s: &str) -> bool {
    first_char(s).is_some_and(|c| {
        matches!(
            c,
            '"' | '\''
                | '\u{201c}'
                | '\u{201d}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{00ab}'
                | '\u{201e}'
        )
    })
}

/// A list item: `- x`, `* x`, `• x`, `1. x`, `2) x`, `a) x`.
fn is_list_item(s: &str) -> bool {
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
pub(crate) fn starts_with_label(s: &str) -> bool {
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

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']).to_ascii_lowercase();
    if w.len() < 3 {
        return false;
    }
    MONTHS
        .iter()
        .any(|m| *m == w || (w.len() == 3 && m.starts_with(&w)) || (w == "sept"))
}

fn is_year(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// `YYYY-MM-DD` (or with `/` or `.`) at the start of `s`; returns its byte length.
fn iso_date_prefix(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let sep = b[4];
    (digits(0..4)
        && matches!(sep, b'-' | b'/' | b'.')
        && digits(5..7)
        && b[7] == sep
        && digits(8..10)
        && b.get(10).is_none_or(|c| !c.is_ascii_digit()))
    .then_some(10)
}

/// A date line: `2016-09-05`, `2016-09-05, Vladivostok`, `March 3, 2024`,
/// `Monday, 3 March 2024`, `(February 13, 2025)`, `Updated March 3, 2024 5:00 p.m.`.
/// Returns `(date, place)`.
fn parse_date_line(s: &str) -> Option<(String, Option<String>)> {
    let inner = s.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']') || c.is_whitespace());
    if inner.chars().count() > 100 || word_count(inner) > 12 {
        return None;
    }
    if let Some(n) = iso_date_prefix(inner) {
        let rest = inner[n..].trim_start_matches([',', ' ', '\t', '—', '–', '-']);
        let rest = rest.trim();
        let place = (!rest.is_empty() && !is_time_line(rest)).then(|| rest.to_string());
        return Some((inner[..n].to_string(), place));
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    let month = words.iter().position(|w| is_month(w))?;
    // The year must follow the month within two words (day and year).
    let year = (month + 1..words.len().min(month + 3)).find(|&i| is_year(words[i]));
    let has_day = words.iter().skip(month.saturating_sub(1)).take(3).any(|w| {
        let d = w.trim_matches(|c: char| !c.is_ascii_digit());
        !d.is_empty() && d.len() <= 2
    });
    let end_word = match year {
        Some(y) => y,
        None if has_day => month + 1,
        None => return None,
    };
    // Everything before the month must be a weekday or a short prefix ("Updated", "Posted").
    if month > 3 {
        return None;
    }
    // Byte offset of the end of the date words.
    let mut pos = 0;
    for (i, w) in words.iter().enumerate() {
        let at = inner[pos..].find(w).map_or(pos, |p| pos + p);
        pos = at + w.len();
        if i == end_word {
            break;
        }
    }
    let date = inner[..pos].trim_end_matches(',').to_string();
    let rest = inner[pos..]
        .trim_start_matches([',', ' ', '—', '–', '-'])
        .trim();
    let place =
        (!rest.is_empty() && !is_time_line(rest) && !rest.chars().any(|c| c.is_ascii_digit()))
            .then(|| rest.to_string());
    Some((date, place))
}

/// A time line: `5:16 P.M. EDT`, `END 1:50 P.M. EST`, `10:02 a.m.`.
fn is_time_line(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    words.iter().any(|w| {
        let mut parts = w.split(':');
        let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
            return false;
        };
        !h.is_empty()
            && h.len() <= 2
            && h.bytes().all(|b| b.is_ascii_digit())
            && m.len() >= 2
            && m.as_bytes()[..2].iter().all(u8::is_ascii_digit)
    }) && words.iter().all(|w| {
        let u = w.to_ascii_uppercase();
        u.contains(':')
            || matches!(
                u.trim_end_matches('.'),
                "END"
                    | "A.M"
                    | "P.M"
                    | "AM"
                    | "PM"
                    | "EDT"
                    | "EST"
                    | "CET"
                    | "GMT"
                    | "UTC"
                    | "MSK"
                    | "KST"
                    | "BST"
                    | "CEST"
                    | "PDT"
                    | "PST"
                    | "CST"
                    | "CDT"
                    | "LOCAL"
            )
    })
}

/// A byline: `By John Smith`, `By JOHN SMITH and JANE ROE`.
fn is_byline(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) else {
        return false;
    };
    let n = word_count(rest);
    (1..=10).contains(&n)
        && !ends_sentence(rest.trim_end_matches(|c: char| c.is_uppercase()))
        && first_char(rest).is_some_and(char::is_uppercase)
}

/// A `Source:` line; returns what follows the colon.
fn source_line(s: &str) -> Option<&str> {
    let rest = s
        .strip_prefix("Source:")
        .or_else(|| s.strip_prefix("SOURCE:"))
        .or_else(|| s.strip_prefix("Source :"))?;
    Some(rest.trim())
}

/// A rule line made only of punctuation (`_____`, `* * *`, `---`).
fn is_rule(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| !super::is_alnum(c))
}

/// Site furniture: comment forms, share and subscribe lines.
fn is_boilerplate(s: &str) -> bool {
    if s.chars().count() > 90 {
        return false;
    }
    let l = s.to_lowercase();
    let l = l.trim_end_matches(['.', '!', ':', ' ', '»', '›', '>']);
    const EXACT: [&str; 28] = [
        "leave a reply",
        "leave a comment",
        "post a comment",
        "add a comment",
        "comments",
        "comment",
        "please enter your comment",
        "please enter your name here",
        "you have entered an incorrect email address",
        "cancel reply",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "tweet",
        "print",
        "email",
        "related",
        "related articles",
        "related posts",
        "read more",
        "most popular",
        "advertisement",
        "subscribe",
        "recommended",
        "more from this author",
    ];
    if EXACT.contains(&l) {
        return true;
    }
    const PREFIX: [&str; 12] = [
        "save my name, email",
        "subscribe to ",
        "sign up for ",
        "follow us on ",
        "share this on ",
        "click here to ",
        "copyright ©",
        "© ",
        "all rights reserved",
        "you must be logged in",
        "log in to comment",
        "notify me of ",
    ];
    PREFIX.iter().any(|p| l.starts_with(p)) || l.ends_with("all rights reserved")
}

/// Every line and sentence of a block is site furniture ("Please enter your
/// comment! Please enter your name here" reflowed onto one line).
fn all_boilerplate(s: &str) -> bool {
    let mut any = false;
    for part in s.split_inclusive(['\n', '!', '?', '.']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if !is_boilerplate(part) {
            return false;
        }
        any = true;
    }
    any
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

/// A short line that may be a heading, judged on its own.
fn heading_like(s: &str, chars: usize) -> bool {
    if !(2..=100).contains(&chars) || !s.chars().any(super::is_alpha) {
        return false;
    }
    let words = word_count(s);
    if words > 14 {
        return false;
    }
    let Some(c) = first_char(s) else { return false };
    if !(c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    if starts_with_quote_mark(s) || is_list_item(s) || starts_with_label(s) || s.contains(": ") {
        return false;
    }
    // An all-capitals word or two with a full stop ("ABSTRACT.") is a heading too.
    let caps = s.chars().all(|c| !c.is_lowercase());
    let closed = if caps && words <= 3 {
        s.ends_with(['!', '?', ':', ';', ',', '…'])
    } else {
        ends_closed(s)
    };
    if closed {
        return false;
    }
    // A line that breaks off mid-phrase is not a heading.
    let last = s
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    !matches!(
        last.as_str(),
        "the" | "a" | "an" | "and" | "or" | "of" | "to" | "in" | "for" | "with" | "by" | "that"
    )
}

/// Split normalised text into blocks and sections.
pub fn segment(text: &str) -> Structure {
    let lines = lines(text);
    let width = wrap_width(&lines);

    // 1. Lines → paragraphs.
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
    let n = spans.len();
    let mut kinds = vec![BlockKind::Paragraph; n];
    let mut meta = Meta::default();
    let slice = |i: usize| spans[i].slice(text);

    // 2. Trailer: boilerplate and meta lines after the last paragraph.
    let mut body_end = n; // blocks [body_start, body_end) are the body
    while body_end > 0 {
        let i = body_end - 1;
        let s = slice(i);
        if all_boilerplate(s) {
            kinds[i] = BlockKind::Boilerplate;
        } else if let Some(src) = source_line(s) {
            kinds[i] = BlockKind::Meta;
            if meta.source.is_none() && !src.is_empty() {
                meta.source = Some(src.to_string());
            }
        } else if single[i] && (is_time_line(s) || is_rule(s)) {
            kinds[i] = BlockKind::Meta;
        } else {
            break;
        }
        body_end -= 1;
    }
    // Boilerplate lines between trailer items (a comment form split by blank lines).
    // Source lines elsewhere are meta too.
    for i in 0..body_end {
        if let Some(src) = source_line(slice(i))
            && single[i]
            && (src.contains("://") || src.starts_with("www.") || word_count(src) <= 12)
        {
            kinds[i] = BlockKind::Meta;
            if meta.source.is_none() && !src.is_empty() {
                meta.source = Some(src.to_string());
            }
        }
    }

    // 3. Header: a title and the meta lines that follow it.
    let mut body_start = 0;
    if body_end >= 2 {
        let s = slice(0);
        let is_title = chars[0] <= 200
            && word_count(s) <= 30
            && !starts_with_quote_mark(s)
            && !is_list_item(s)
            && !(starts_with_label(s) && s.split(':').next().is_some_and(|l| !l.chars().any(char::is_lowercase)))
            && parse_date_line(s).is_none()
            && source_line(s).is_none()
            && !is_time_line(s)
            && sentence_breaks(s) == 0
            // A headline: not a sentence, or in headline capitals, or a short
            // sentence (a lead paragraph is rarely under fifteen words), or a
            // shortish sentence over a much longer first paragraph.
            && (!ends_sentence(s)
                || title_case(s)
                || word_count(s) <= 14
                || (word_count(s) <= 18 && chars.get(1).is_some_and(|&c| c > chars[0] * 2)));
        if is_title {
            kinds[0] = BlockKind::Title;
            meta.title = Some(s.to_string());
            body_start = 1;
        }
    }
    // Header zone: up to the last strong meta line among the next few blocks,
    // every block up to it short and header-like.
    let mut last_strong = None;
    let mut i = body_start;
    while i < body_end && i < body_start + 10 {
        let s = slice(i);
        let strong = single[i]
            && (parse_date_line(s).is_some()
                || is_time_line(s)
                || is_byline(s)
                || source_line(s).is_some());
        if strong {
            last_strong = Some(i);
        } else {
            let header_like = single[i]
                && word_count(s) <= 30
                && !starts_with_label(s)
                && (is_rule(s) || !ends_sentence(s) || word_count(s) <= 3);
            if !header_like {
                break;
            }
        }
        i += 1;
    }
    if let Some(last) = last_strong {
        for (i, kind) in kinds.iter_mut().enumerate().take(last + 1).skip(body_start) {
            let s = slice(i);
            *kind = BlockKind::Meta;
            if let Some((date, place)) = parse_date_line(s) {
                if meta.date.is_none() {
                    meta.date = Some(date);
                }
                if meta.place.is_none() {
                    meta.place = place;
                }
            }
        }
        body_start = last + 1;
    }
    // A dateline opening the first paragraph ("BERLIN — …", "SEOUL, Korea (AP) — …").
    if meta.place.is_none()
        && body_start < body_end
        && let Some(place) = dateline_place(slice(body_start))
    {
        meta.place = Some(place);
    }

    // 4. Headings: short unpunctuated lines between paragraphs.
    let candidate: Vec<bool> = (0..n)
        .map(|i| {
            i >= body_start
                && i < body_end
                && single[i]
                && kinds[i] == BlockKind::Paragraph
                && heading_like(slice(i), chars[i])
        })
        .collect();
    for i in body_start..body_end {
        if !candidate[i] {
            continue;
        }
        // Followed by a paragraph that is not itself a candidate.
        let next_ok = i + 1 < body_end
            && !candidate[i + 1]
            && matches!(kinds[i + 1], BlockKind::Paragraph)
            && first_char(slice(i + 1)).is_some_and(|c| !c.is_lowercase());
        // Preceded by the header or a finished paragraph.
        let prev_ok = i == body_start
            || matches!(kinds[i - 1], BlockKind::Title | BlockKind::Meta)
            || ends_closed(slice(i - 1));
        // In a file with one paragraph per line a heading must stand out from
        // its neighbours by length.
        // In a hard-wrapped file a heading is well short of the wrap width.
        let short = width.is_none_or(|w| chars[i] * 4 <= w * 3);
        if next_ok && prev_ok && short && chars[i + 1] >= chars[i] {
            kinds[i] = BlockKind::Heading;
        }
    }

    let blocks: Vec<Block> = spans
        .iter()
        .zip(&kinds)
        .map(|(&span, &kind)| Block { kind, span })
        .collect();
    let sections = sections(text, &blocks, body_start, body_end);
    Structure {
        meta,
        blocks,
        sections,
    }
}

/// Sentence breaks inside `s`: a full stop, question or exclamation mark after a
/// lower-case word of three letters or more, followed by a space and more text.
fn sentence_breaks(s: &str) -> usize {
    let t = s.trim_end();
    let b = t.as_bytes();
    let mut n = 0;
    for (i, w) in b.windows(2).enumerate() {
        if matches!(w[0], b'.' | b'?' | b'!') && w[1] == b' ' && i + 2 < b.len() {
            let word = t[..i]
                .rsplit(|c: char| !super::is_alpha(c))
                .next()
                .unwrap_or("");
            if word.chars().count() >= 3 && word.chars().last().is_some_and(char::is_lowercase) {
                n += 1;
            }
        }
    }
    n
}

/// Most longer words capitalised, as in headline style.
fn title_case(s: &str) -> bool {
    let (mut long, mut caps) = (0, 0);
    for w in s.split_whitespace() {
        if w.chars().filter(|c| super::is_alpha(*c)).count() >= 4 {
            long += 1;
            if w.trim_start_matches(|c: char| !super::is_alnum(c))
                .starts_with(char::is_uppercase)
            {
                caps += 1;
            }
        }
    }
    long > 0 && caps * 10 >= long * 7
}

/// The place of a news dateline at the start of a paragraph: an upper-case
/// place name followed by a dash ("BERLIN —", "SEOUL, South Korea —").
fn dateline_place(s: &str) -> Option<String> {
    let mut cut = s.len().min(80);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    for sep in [" \u{2014} ", " \u{2013} ", " - ", " -- ", "\u{2014}"] {
        if let Some(p) = head.find(sep) {
            let place = head[..p].trim();
            let place = place
                .split(" (")
                .next()
                .unwrap_or(place)
                .trim_end_matches(',');
            let first = place.split(',').next().unwrap_or("");
            if !first.is_empty()
                && first.chars().any(super::is_alpha)
                && first.chars().all(|c| !c.is_lowercase())
                && word_count(place) <= 5
            {
                return Some(place.to_string());
            }
            return None;
        }
    }
    None
}

/// Sections over the body blocks `[start, end)`: an untitled lead, then one per heading.
fn sections(text: &str, blocks: &[Block], start: usize, end: usize) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut i = start;
    while i < end {
        let (title, heading) = if blocks[i].kind == BlockKind::Heading {
            (
                Some(blocks[i].span.slice(text).to_string()),
                Some(blocks[i].span),
            )
        } else {
            (None, None)
        };
        let first = i;
        let mut last = i;
        i += 1;
        while i < end && blocks[i].kind != BlockKind::Heading {
            if blocks[i].kind != BlockKind::Boilerplate {
                last = i;
            }
            i += 1;
        }
        out.push(Section {
            title,
            heading,
            span: Span::new(blocks[first].span.start, blocks[last].span.end),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Options, annotate};

    fn kinds(s: &Structure) -> Vec<BlockKind> {
        s.blocks.iter().map(|b| b.kind).collect()
    }

    fn texts<'a>(text: &'a str, s: &Structure) -> Vec<&'a str> {
        s.blocks.iter().map(|b| b.span.slice(text)).collect()
    }

    fn check(text: &str) {
        let doc = annotate(text, &Options::default());
        doc.validate().unwrap();
    }

    #[test]
    fn sample_has_four_sections_and_boilerplate() {
        let text = include_str!("../../../assets/zinoviev-interview.txt");
        let s = segment(text);
        let titles: Vec<Option<&str>> = s.sections.iter().map(|s| s.title.as_deref()).collect();
        assert_eq!(
            titles,
            vec![
                None,
                Some("Direct export of arms to Ukraine"),
                Some("Russia welcomes return of Korean companies"),
                Some("Cultural exchanges"),
            ]
        );
        let boiler: Vec<&str> = s
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Boilerplate)
            .map(|b| b.span.slice(text))
            .collect();
        assert_eq!(
            boiler,
            vec![
                "LEAVE A REPLY",
                "Please enter your comment!",
                "Please enter your name here"
            ]
        );
        for b in s.blocks.iter().filter(|b| b.kind == BlockKind::Boilerplate) {
            assert!(s.sections.iter().all(|sec| !sec.span.overlaps(b.span)));
        }
        assert!(s.meta.title.is_none(), "the sample opens with its lead");
        check(text);
    }

    #[test]
    fn headings_versus_sentences_and_labels() {
        let text = "The delegation arrived on a grey morning and went straight to talks \
                    with the hosts, who had waited at the airport since dawn.\n\n\
                    Trade talks\n\n\
                    Both sides spoke about tariffs for an hour and agreed on little.\n\n\
                    It rained.\n\n\
                    MR. BROWN: We will see what happens next week in the capital.\n\n\
                    Anna Lee: The minister is not available for a call today.\n\n\
                    - first point of the list\n\n\
                    \u{201c}We are ready\u{201d}\n\n\
                    The end of the story came later in the afternoon, after lunch.\n";
        let s = segment(text);
        let t = texts(text, &s);
        let headings: Vec<&str> = s
            .blocks
            .iter()
            .zip(&t)
            .filter(|(b, _)| b.kind == BlockKind::Heading)
            .map(|(_, t)| *t)
            .collect();
        assert_eq!(headings, vec!["Trade talks"]);
        assert_eq!(s.sections.len(), 2);
        assert_eq!(s.sections[1].title.as_deref(), Some("Trade talks"));
        check(text);
    }

    #[test]
    fn header_title_date_place_source() {
        let text = "Talks on the northern border\n\n\
                    2019-04-02, Tallinn\n\n\
                    The two ministers met for three hours on Tuesday.\n\n\
                    They promised to meet again in the summer.\n\n\
                    Source: https://example.org/talks\n";
        let s = segment(text);
        assert_eq!(
            kinds(&s),
            vec![
                BlockKind::Title,
                BlockKind::Meta,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Meta
            ]
        );
        assert_eq!(
            s.meta.title.as_deref(),
            Some("Talks on the northern border")
        );
        assert_eq!(s.meta.date.as_deref(), Some("2019-04-02"));
        assert_eq!(s.meta.place.as_deref(), Some("Tallinn"));
        assert_eq!(s.meta.source.as_deref(), Some("https://example.org/talks"));
        // Header and trailer lie outside the one (lead) section.
        assert_eq!(s.sections.len(), 1);
        assert_eq!(s.sections[0].span.slice(text).lines().count(), 3);
        check(text);
    }

    #[test]
    fn month_date_byline_and_venue() {
        let text = "A Quiet Summit\n\nBy Jane Roe\n\nGreen Hall\n\nMarch 3, 2024\n\n\
                    The leaders shook hands and posed for photographs.\n";
        let s = segment(text);
        assert_eq!(
            kinds(&s),
            vec![
                BlockKind::Title,
                BlockKind::Meta,
                BlockKind::Meta,
                BlockKind::Meta,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(s.meta.date.as_deref(), Some("March 3, 2024"));
        assert_eq!(
            parse_date_line("Monday, 3 March 2024").unwrap().0,
            "Monday, 3 March 2024"
        );
        assert!(parse_date_line("We met in March and it was 2024 already").is_none());
        assert!(is_time_line("5:16 P.M. EDT"));
        assert!(is_time_line("END   10:02 A.M. EST"));
        assert!(!is_time_line(
            "Ratio 3:1 in favour of the plan, said the chair"
        ));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The foreign minister arrived in the capital on Monday for two days of\n\
                    talks with her counterpart, the first such visit in more than a\n\
                    decade, officials said.\n\n\
                    Both sides hope to sign an agreement on fishing rights before the end\n\
                    of the year, although several points remain open and the talks are\n\
                    expected to be difficult.\n\n\
                    Short line.\n";
        let s = segment(text);
        assert_eq!(s.blocks.len(), 3, "{:?}", texts(text, &s));
        assert!(texts(text, &s)[0].ends_with("officials said."));
        check(text);
    }

    #[test]
    fn one_paragraph_per_line_is_kept() {
        let text = "The ministers met on Monday in a hotel by the river and talked at length.\n\
                    They agreed to keep talking, and to meet again before the winter holidays begin.\n\
                    Q Will there be a treaty?\n\
                    MS. GRAY: Not this year, but we are working on it every single day.\n\
                    Energy\n\
                    Gas prices were discussed in detail, with both sides naming figures.\n";
        let s = segment(text);
        assert_eq!(s.blocks.len(), 6);
        assert_eq!(s.blocks[4].kind, BlockKind::Heading);
        assert_eq!(s.sections.len(), 2);
        check(text);
    }

    #[test]
    fn empty_and_odd_text_do_not_panic() {
        for text in [
            "",
            "\n\n\n",
            "   ",
            "One line only",
            "\u{201c}",
            "\"\n\n\"\n\n\u{201d}",
            "a\u{0}b\u{7}c\n\n\u{1b}[31mred\u{1b}[0m\n\nHeading\n\nText here.",
            "漢字のテキスト\n\n見出し\n\n本文です。本文です。",
            "e\u{301}\u{301}\u{301}\n\nCafe\u{301} talks\n\nThey met.",
            "2019-04-02\n\nSource:\n\nLEAVE A REPLY",
            "Title\n\nLEAVE A REPLY",
        ] {
            let s = segment(text);
            check(text);
            for w in s.blocks.windows(2) {
                assert!(w[0].span.end <= w[1].span.start);
            }
            for b in &s.blocks {
                assert!(b.span.is_valid_in(text));
            }
        }
        assert!(segment("").blocks.is_empty());
        assert!(segment("").sections.is_empty());
    }

    #[test]
    fn boilerplate_only_at_the_end() {
        let text = "Comments\n\nThe first paragraph explains the issue.\n\n\
                    Share this article\n\nSubscribe to our newsletter\n";
        let s = segment(text);
        assert_eq!(s.blocks[0].kind, BlockKind::Title);
        assert_eq!(s.blocks[2].kind, BlockKind::Boilerplate);
        assert_eq!(s.blocks[3].kind, BlockKind::Boilerplate);
        assert_eq!(s.sections.len(), 1);
        assert_eq!(s.sections[0].span, s.blocks[1].span);
    }

    #[test]
    fn dateline_gives_place() {
        let text = "Ministers meet\n\nBERLIN \u{2014} The ministers met on Friday.\n\nMore text follows.\n";
        assert_eq!(segment(text).meta.place.as_deref(), Some("BERLIN"));
    }

    #[test]
    fn crlf_input_is_normalised_before_segmenting() {
        let raw = "Port talks stall\r\n\r\nThe harbour authority and the unions talked all night.\r\n\r\n\
                   Wages\r\n\r\nNo offer was made on pay, the union said on Friday.\r\n";
        let doc = annotate(raw, &Options::default());
        doc.validate().unwrap();
        assert!(!doc.text.contains('\r'));
        assert_eq!(doc.meta.title.as_deref(), Some("Port talks stall"));
        let titles: Vec<Option<&str>> = doc.sections.iter().map(|s| s.title.as_deref()).collect();
        assert_eq!(titles, vec![None, Some("Wages")]);
    }

    #[test]
    fn short_headline_sentence_is_a_title_but_a_long_lead_is_not() {
        let s =
            segment("Minister resigns over leaked memo.\n\nThe minister left office on Tuesday.\n");
        assert_eq!(s.blocks[0].kind, BlockKind::Title);
        let s = segment(
            "The minister of fisheries left office on Tuesday after a memo about quotas \
             was leaked to two newspapers and read out in parliament.\n\nShe denied it.\n",
        );
        assert_eq!(s.blocks[0].kind, BlockKind::Paragraph);
        assert!(s.meta.title.is_none());
    }

    #[test]
    fn ragged_wrap_and_dash_continuations_are_joined() {
        // Wrapped about 60 columns, ragged as a wrapping tool leaves it.
        let text = "The envoy said the offer was fair. Was it? Nobody at the\n\
                    table would say so, and the talks, which had gone on\n\
                    for days, ended without a date for the next round of\n\
                    meetings in the capital.\n\n\
                    Her deputy added that they were not giving up on the\n\
                    deal. Some of the delegates, he said, were still \u{2014}\n\
                    \u{2014} at least in private \u{2014} hopeful that a deal was near.\n\n\
                    Comments\n\n\
                    Please enter your comment! Please enter your name here\n";
        let s = segment(text);
        let t = texts(text, &s);
        assert_eq!(t.len(), 4, "{t:?}");
        assert!(t[0].ends_with("capital."));
        assert!(t[1].ends_with("was near."));
        assert_eq!(s.blocks[2].kind, BlockKind::Boilerplate);
        assert_eq!(s.blocks[3].kind, BlockKind::Boilerplate);
        check(text);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        #[test]
        fn any_text_gives_a_valid_document(
            s in "([A-Z][a-z]{0,8}|[a-z]{1,6}|Mr\\.|Ministry of|Korea|[ \n]{1,3}|[.,:;!?\"'\u{201c}\u{201d}\u{2019}\u{2014}-]|\u{301}|\u{4e2d}|\u{1b}|\t|2024-01-02|5:16 P\\.M\\.){0,60}"
        ) {
            let st = segment(&s);
            for w in st.blocks.windows(2) {
                proptest::prop_assert!(w[0].span.end <= w[1].span.start);
            }
            for w in st.sections.windows(2) {
                proptest::prop_assert!(w[0].span.end <= w[1].span.start);
            }
            let doc = annotate(&s, &Options::default());
            proptest::prop_assert!(doc.validate().is_ok(), "{:?}", doc.validate());
        }
    }
}
