//! The header: the title and the meta lines that open a document (date,
//! dateline, byline, `Source:`, time, venue), and what they tell: the
//! document's title, date, place and source.
//!
//! The recognisers of meta lines (dates, times, bylines, `Source:` lines) live
//! here too, since the trailer and the body's source lines use them as well.

use super::Draft;
use super::lines::{
    ends_sentence, first_char, is_list_item, is_rule, starts_with_label, starts_with_quote_mark,
    word_count,
};
use crate::model::BlockKind;

/// Mark the `Source:` lines in the body `[0, body_end)` as meta: a one-line
/// block that gives a URL or a short name.
pub(super) fn mark_source_lines(d: &mut Draft, body_end: usize) {
    for i in 0..body_end {
        if let Some(src) = source_line(d.slice(i))
            && d.single[i]
            && (src.contains("://") || src.starts_with("www.") || word_count(src) <= 12)
        {
            d.kinds[i] = BlockKind::Meta;
            if d.meta.source.is_none() && !src.is_empty() {
                d.meta.source = Some(src.to_string());
            }
        }
    }
}

/// Mark the header of the body `[0, body_end)`: the title, then the meta lines
/// that follow it, and take the place from a dateline opening the first
/// paragraph. Returns the start of the body after the header.
pub(super) fn mark_header(d: &mut Draft, body_end: usize) -> usize {
    let mut body_start = 0;
    if body_end >= 2 && is_title(d) {
        d.kinds[0] = BlockKind::Title;
        d.meta.title = Some(d.slice(0).to_string());
        body_start = 1;
    }
    if let Some(last) = header_zone_end(d, body_start, body_end) {
        for i in body_start..=last {
            d.kinds[i] = BlockKind::Meta;
            if let Some((date, place)) = parse_date_line(d.slice(i)) {
                if d.meta.date.is_none() {
                    d.meta.date = Some(date);
                }
                if d.meta.place.is_none() {
                    d.meta.place = place;
                }
            }
        }
        body_start = last + 1;
    }
    // A dateline opening the first paragraph ("BERLIN — …", "SEOUL, Korea (AP) — …").
    if d.meta.place.is_none()
        && body_start < body_end
        && let Some(place) = dateline_place(d.slice(body_start))
    {
        d.meta.place = Some(place);
    }
    body_start
}

/// Whether the first block is the document's title (a headline, not a lead).
fn is_title(d: &Draft) -> bool {
    let s = d.slice(0);
    let chars = &d.chars;
    chars[0] <= 200
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
            || is_headline_case(s)
            || word_count(s) <= 14
            || (word_count(s) <= 18 && chars.get(1).is_some_and(|&c| c > chars[0] * 2)))
}

/// The header zone from `body_start`: up to the last strong meta line (date,
/// time, byline, source) among the next few blocks, every block up to it
/// short and header-like. Returns that last strong line.
fn header_zone_end(d: &Draft, body_start: usize, body_end: usize) -> Option<usize> {
    let mut last_strong = None;
    let mut i = body_start;
    while i < body_end && i < body_start + 10 {
        let s = d.slice(i);
        let strong = d.single[i]
            && (parse_date_line(s).is_some()
                || is_time_line(s)
                || is_byline(s)
                || source_line(s).is_some());
        if strong {
            last_strong = Some(i);
        } else {
            let header_like = d.single[i]
                && word_count(s) <= 30
                && !starts_with_label(s)
                && (is_rule(s) || !ends_sentence(s) || word_count(s) <= 3);
            if !header_like {
                break;
            }
        }
        i += 1;
    }
    last_strong
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
pub(super) fn parse_date_line(s: &str) -> Option<(String, Option<String>)> {
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
pub(super) fn is_time_line(s: &str) -> bool {
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
pub(super) fn source_line(s: &str) -> Option<&str> {
    let rest = s
        .strip_prefix("Source:")
        .or_else(|| s.strip_prefix("SOURCE:"))
        .or_else(|| s.strip_prefix("Source :"))?;
    Some(rest.trim())
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
                .rsplit(|c: char| !crate::annotate::is_alpha(c))
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
fn is_headline_case(s: &str) -> bool {
    let (mut long, mut caps) = (0, 0);
    for w in s.split_whitespace() {
        if w.chars().filter(|c| crate::annotate::is_alpha(*c)).count() >= 4 {
            long += 1;
            if w.trim_start_matches(|c: char| !crate::annotate::is_alnum(c))
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
                && first.chars().any(crate::annotate::is_alpha)
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
