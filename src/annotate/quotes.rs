//! Quotation marks: pairing them into quotes inside prose paragraphs.
//!
//! News texts mix curly (“ ”), straight (") and doubled-apostrophe ('') double
//! marks, guillemets (« ») and single marks (‘ ’) nested inside double ones;
//! apostrophes (“We’ve”, voters’, 'til) look like single marks but are not.
//! This stage pairs the marks of each paragraph with a small state machine, so
//! no quote ever crosses a paragraph: a quote left open at the end of a
//! paragraph ends there, and when the next paragraph opens with a mark its
//! piece is a new quote that `continues` the open one (the journalists'
//! convention for quotations that run over several paragraphs).

use crate::model::quote_marks;
use crate::model::{Block, BlockKind, QuoteKind, Span};

/// A quotation found from its marks, before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// The quoted words without the outer marks.
    pub inner: Span,
    /// The quote including its marks.
    pub outer: Span,
    /// Direct, partial or term, as far as marks and context tell.
    pub kind: QuoteKind,
    /// Continues a quote from the previous paragraph (opened there, not closed).
    pub continues: bool,
}

/// The family of a quotation mark: which closing marks may end what it opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// Curly, straight or low double marks.
    Double,
    /// Two apostrophes used as a double mark.
    Doubled,
    /// Guillemets.
    Guillemet,
    /// Curly single marks (only at the top level of a paragraph without double marks).
    Single,
}

/// How a mark may act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// One mark in a paragraph.
#[derive(Debug, Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    family: Family,
    role: Role,
}

/// Find quotations in the prose blocks (not in turns, headings or boilerplate).
pub fn find_quotes(text: &str, blocks: &[Block]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    // Whether the previous paragraph ended inside an open quote.
    let mut open_before = false;
    for b in blocks {
        if b.kind == BlockKind::Title
            && b.span.is_valid_in(text)
            && let Some(q) = headline_quote(text, b.span)
        {
            out.push(q);
        }
        if b.kind != BlockKind::Paragraph || !b.span.is_valid_in(text) {
            open_before = false;
            continue;
        }
        open_before = paragraph_quotes(text, b.span, open_before, &mut out);
    }
    out
}

/// The longest title, in bytes, searched for a quote of its own.
const HEADLINE_MAX: usize = 600;

/// The quote that ends a title after a name and a colon, the way news
/// sites headline what someone said ("Jane Roe: ‘We Will Win.’", "Roe Tells
/// Rally: “…”"): the whole rest of the title in one pair of marks, with at
/// most an apostrophe inside ("I’m") and a full stop after it.
fn headline_quote(text: &str, title: Span) -> Option<RawQuote> {
    // A headline is a line, not a text set in one (a file with no breaks).
    if title.len() > HEADLINE_MAX {
        return None;
    }
    let t = text[title.start..title.end].trim_end();
    let colon = t.rfind(':')?;
    let subject = t[..colon].trim();
    if subject.is_empty() || subject.split_whitespace().count() > 12 {
        return None;
    }
    let rest = &t[colon + 1..];
    let start = colon + 1 + (rest.len() - rest.trim_start().len());
    let quoted = t[start..].strip_suffix('.').unwrap_or(&t[start..]);
    let open = quoted.chars().next()?;
    let close = match open {
        '‘' => '’',
        '“' => '”',
        '\'' | '"' => open,
        _ => return None,
    };
    let inner = quoted[open.len_utf8()..].strip_suffix(close)?;
    let chars: Vec<char> = inner.chars().collect();
    // A mark inside may only be an apostrophe, between two letters.
    let apostrophe = |i: usize| {
        i > 0 && i + 1 < chars.len() && chars[i - 1].is_alphabetic() && chars[i + 1].is_alphabetic()
    };
    let whole = chars.iter().enumerate().all(|(i, &c)| {
        if c == open && open != close {
            return false;
        }
        c != close || matches!(close, '’' | '\'') && apostrophe(i)
    });
    if !whole || inner.trim().is_empty() {
        return None;
    }
    let outer_start = title.start + start;
    let inner_start = outer_start + open.len_utf8();
    let inner_end = inner_start + inner.len();
    Some(RawQuote {
        inner: Span::new(inner_start, inner_end),
        outer: Span::new(outer_start, inner_end + close.len_utf8()),
        kind: QuoteKind::Direct,
        continues: false,
    })
}

/// Pair the marks of one paragraph, pushing quotes to `out`; returns whether
/// the paragraph ended with a quote still open.
fn paragraph_quotes(text: &str, para: Span, open_before: bool, out: &mut Vec<RawQuote>) -> bool {
    let p = &text[para.start..para.end];
    let marks = scan_marks(p);
    let first_out = out.len();
    let mut open: Option<Mark> = None;
    let mut ended_open = false;
    let mut k = 0;
    while k < marks.len() {
        let m = &marks[k];
        k += 1;
        match open {
            None => {
                if m.role != Role::Close {
                    open = Some(*m);
                }
            }
            Some(o) => {
                let closes = m.role != Role::Open
                    && match o.family {
                        Family::Double => matches!(m.family, Family::Double | Family::Doubled),
                        Family::Doubled => matches!(m.family, Family::Doubled | Family::Double),
                        Family::Guillemet => m.family == Family::Guillemet,
                        Family::Single => m.family == Family::Single,
                    };
                if closes {
                    if !nickname(p, o.start, o.end, m.start, m.end) {
                        push_quote(text, para, o.start, o.end, m.start, m.end, false, out);
                    }
                    open = None;
                } else if m.role == Role::Open
                    && o.family == Family::Double
                    && nested_same_marks(p, &marks[k - 1..])
                {
                    // “… calls “hell” than …”: a quote inside a quote written with
                    // the same curly marks; the inner pair stays inside the outer quote.
                    k += 1;
                } else if m.role == Role::Open && m.family != Family::Single {
                    // A new opening mark while one is open: the first was never closed.
                    // A stray straight mark before curly ones is a typo, not a quote.
                    // So is a single mark left open (an apostrophe after all).
                    let stray = (p.as_bytes()[o.start] == b'"' && p.as_bytes()[m.start] != b'"')
                        || o.family == Family::Single;
                    if !stray {
                        push_quote(text, para, o.start, o.end, m.start, m.start, true, out);
                    }
                    open = Some(*m);
                }
            }
        }
    }
    if let Some(o) = open
        && o.family != Family::Single
    {
        push_quote(text, para, o.start, o.end, p.len(), p.len(), true, out);
        ended_open = true;
    }
    if open_before
        && let Some(q) = out.get_mut(first_out)
        && p[..q.outer.start - para.start].trim().is_empty()
    {
        q.continues = true;
    }
    for q in &mut out[first_out..] {
        q.kind = classify(text, para, q);
    }
    ended_open
}

/// Whether the quote `[os, ce)` is a nickname inside a name (`Anna "Nan"
/// Kowal`): one or two capitalised words between two capitalised words.
fn nickname(p: &str, os: usize, oe: usize, cs: usize, ce: usize) -> bool {
    let inner = &p[oe..cs];
    if inner.len() > 40 {
        return false;
    }
    let words = inner.split(' ').count();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let before = p[..os].strip_suffix(' ').and_then(|b| b.rsplit(' ').next());
    let after = p[ce..].strip_prefix(' ').and_then(|a| a.split(' ').next());
    words <= 2
        && inner
            .split(' ')
            .all(|w| capitalised(w) && w.chars().all(char::is_alphabetic))
        && before.is_some_and(|b| capitalised(b) && b.chars().all(char::is_alphabetic))
        && after.is_some_and(|a| {
            capitalised(a)
                && a.trim_end_matches([',', '.', '\'', '’', 's'])
                    .chars()
                    .all(char::is_alphabetic)
        })
}

/// The end of a nickname whose opening double mark starts at byte `at` of
/// `text` (`Anna “Nan” Kowal`), if it is one.
pub(crate) fn nickname_at(text: &str, at: usize) -> Option<usize> {
    let open = text[at..].chars().next()?;
    let close = quote_marks::english_double_closing_for(open)?;
    let oe = at + open.len_utf8();
    let mut end = text.len().min(oe + 40);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cs = oe + text[oe..end].find(close)?;
    let ce = cs + close.len_utf8();
    nickname(text, at, oe, cs, ce).then_some(ce)
}

/// Whether `marks` (starting at an opening curly mark met while a curly quote
/// is open) go open, close, close: an inner quote written with the same marks
/// as the outer one, whose closing mark is followed by the outer one's.
fn nested_same_marks(p: &str, marks: &[Mark]) -> bool {
    let curly = |m: &Mark, c: char| p[m.start..].starts_with(c);
    match marks {
        [m, c1, c2, ..] => {
            curly(m, quote_marks::LEFT_DOUBLE)
                && curly(c1, quote_marks::RIGHT_DOUBLE)
                && curly(c2, quote_marks::RIGHT_DOUBLE)
                && c1.role == Role::Close
                && c2.role == Role::Close
        }
        _ => false,
    }
}

/// Push the quote from the opening mark `[os, oe)` to the closing mark `[cs, ce)`
/// (offsets relative to the paragraph; `cs == ce` for an unclosed quote).
#[allow(clippy::too_many_arguments)]
fn push_quote(
    text: &str,
    para: Span,
    os: usize,
    oe: usize,
    cs: usize,
    ce: usize,
    unclosed: bool,
    out: &mut Vec<RawQuote>,
) {
    let p = &text[para.start..para.end];
    let inner_raw = &p[oe..cs];
    let lead = inner_raw.len() - inner_raw.trim_start().len();
    let body = inner_raw.trim();
    if body.is_empty() || !body.chars().any(super::is_alnum) {
        return;
    }
    let is = para.start + oe + lead;
    let ie = is + body.len();
    let outer_end = if unclosed { ie } else { para.start + ce };
    out.push(RawQuote {
        inner: Span::new(is, ie),
        outer: Span::new(para.start + os, outer_end),
        kind: QuoteKind::Direct,
        continues: false,
    });
}

/// Characters before which a straight mark opens a quote.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '\u{a0}')
                || quote_marks::is_curly_or_angle_opening(c)
        }
    }
}

/// The bytes a quotation mark can start with, as a table: one load a byte
/// instead of five comparisons.
static MARK_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// The first byte at or after `i` that may start a quotation mark. Eight
/// bytes are tested at once (no byte of the five, nothing past ASCII), so
/// the plain stretches between marks cost a few instructions per word.
fn next_mark_lead(b: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether some byte of `y` is zero.
    let has_zero = |y: u64| y.wrapping_sub(ONES) & !y & HIGHS != 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(bytes);
        let plain = x & HIGHS == 0
            && !has_zero(x ^ (ONES * u64::from(b'"')))
            && !has_zero(x ^ (ONES * u64::from(b'\'')))
            && !has_zero(x ^ (ONES * u64::from(b'`')));
        if !plain && let Some(k) = chunk.iter().position(|&c| MARK_LEAD[usize::from(c)]) {
            return Some(i + k);
        }
        i += 8;
    }
    let rest = b.get(i..)?;
    rest.iter()
        .position(|&c| MARK_LEAD[usize::from(c)])
        .map(|k| i + k)
}

/// Scan a paragraph for quotation marks, deciding for ambiguous straight marks
/// from the characters around them whether they may open or close.
fn scan_marks(p: &str) -> Vec<Mark> {
    let bytes = p.as_bytes();
    let mut marks = Vec::new();
    let mut inside = false;
    let mut at = 0;
    // Jump from one possible mark to the next: every mark starts with one of
    // these bytes (the lead byte of “ ” ‘ ’ „ is 0xE2, of « » 0xC2).
    while let Some(i) = next_mark_lead(bytes, at) {
        let Some(c) = p[i..].chars().next() else {
            break;
        };
        at = i + c.len_utf8();
        let prev = p[..i].chars().next_back();
        let next = p[at..].chars().next();
        let mut push = |start: usize, end: usize, family: Family, role: Role| {
            marks.push(Mark {
                start,
                end,
                family,
                role,
            });
        };
        match c {
            quote_marks::LEFT_DOUBLE | quote_marks::LOW_DOUBLE => {
                // A “ glued to a word on its left and free on its right acts as a closing mark.
                let role = if prev.is_some_and(|c| super::is_alnum(c) || ",.?!".contains(c))
                    && next.is_none_or(char::is_whitespace)
                {
                    Role::Close
                } else {
                    Role::Open
                };
                push(i, i + c.len_utf8(), Family::Double, role);
            }
            quote_marks::RIGHT_DOUBLE => {
                let role =
                    if !inside && opens_after(prev) && next.is_some_and(|n| !n.is_whitespace()) {
                        Role::Open
                    } else {
                        Role::Close
                    };
                push(i, i + c.len_utf8(), Family::Double, role);
            }
            quote_marks::LEFT_GUILLEMET => push(i, i + 2, Family::Guillemet, Role::Open),
            quote_marks::RIGHT_GUILLEMET => push(i, i + 2, Family::Guillemet, Role::Close),
            '"' => {
                let can_open = opens_after(prev) && next.is_some_and(|n| !n.is_whitespace());
                let can_close = prev.is_some_and(|c| !c.is_whitespace());
                let role = match (can_open, can_close) {
                    (true, false) => Role::Open,
                    (false, true) => Role::Close,
                    (true, true) => Role::Either,
                    (false, false) => Role::Either,
                };
                // Inch marks after digits (6'2") never open.
                if !prev.is_some_and(|c| c.is_ascii_digit()) || inside {
                    push(i, i + 1, Family::Double, role);
                }
            }
            '`' if next == Some('`') => {
                push(i, i + 2, Family::Doubled, Role::Open);
                at = i + 2;
                inside = true;
                continue;
            }
            '\'' if next == Some('\'') => {
                // A run of apostrophes: two of them are a double mark; a third is
                // an apostrophe (voters''' closes after a plural possessive).
                let mut j = i;
                while j < bytes.len() && bytes[j] == b'\'' {
                    j += 1;
                }
                let run = j - i;
                let after = p[j..].chars().next();
                let (ms, me) = if inside { (j - 2, j) } else { (i, i + 2) };
                let before = if inside && run > 2 { Some('\'') } else { prev };
                let can_open = opens_after(before) && after.is_some_and(|n| !n.is_whitespace());
                let can_close = before.is_some_and(|c| !c.is_whitespace());
                let role = match (can_open, can_close) {
                    (true, false) => Role::Open,
                    (false, true) => Role::Close,
                    _ => Role::Either,
                };
                push(ms, me, Family::Doubled, role);
                at = j;
                inside = !inside;
                continue;
            }
            quote_marks::LEFT_SINGLE if opens_after(prev) && next.is_some_and(super::is_alnum) => {
                push(i, i + 3, Family::Single, Role::Open);
            }
            // A closing single mark is not followed by a letter (We’ve) and
            // follows a word; plural possessives stay apostrophes unless a quote is open.
            quote_marks::RIGHT_SINGLE
                if inside
                    && prev.is_some_and(|c| !c.is_whitespace())
                    && !next.is_some_and(super::is_alnum) =>
            {
                push(i, i + 3, Family::Single, Role::Close);
            }
            _ => {}
        }
        if let Some(m) = marks.last()
            && m.start == i
        {
            inside = match m.role {
                Role::Open => true,
                Role::Close => false,
                Role::Either => !inside,
            };
        }
    }
    marks
}

/// Count the words of a quote's inner text.
#[inline]
pub(crate) fn word_count(s: &str) -> usize {
    word_count_upto(s, usize::MAX)
}

/// What [`word_count_upto`] makes of each byte: 0 an ASCII byte of a word
/// without being a letter or digit, 1 ASCII white space, 2 an ASCII letter
/// or digit, 3 a byte of a non-ASCII char (decoded to decide).
static WORD_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b >= 0x80 {
            3
        } else if (b as u8).is_ascii_alphanumeric() {
            2
        } else if matches!(b as u8, b'\t'..=b'\r' | b' ') {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The words of `s` as [`word_count`] counts them, stopping at `cap` (the
/// quote's kind only asks whether there are three, four or more).
///
/// The runs between white space that hold a letter or digit, read a byte at
/// a time (a char only past ASCII): the same count as
/// `split_whitespace().filter(any alnum)` without its searchers.
fn word_count_upto(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut counted = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match WORD_CLASS[usize::from(c)] {
            0 => {}
            1 => counted = false,
            2 => {
                if !counted {
                    n += 1;
                    if n >= cap {
                        return n;
                    }
                    counted = true;
                }
            }
            _ => {
                let Some(ch) = s.get(i..).and_then(|r| r.chars().next()) else {
                    break;
                };
                if ch.is_whitespace() {
                    counted = false;
                } else if !counted && super::is_alnum(ch) {
                    n += 1;
                    if n >= cap {
                        return n;
                    }
                    counted = true;
                }
                i += ch.len_utf8();
                continue;
            }
        }
        i += 1;
    }
    n
}

/// A first guess at the kind from the quote and its paragraph: a quote that
/// stands as a sentence (starts a sentence or follows a colon or comma, or ends
/// in sentence punctuation) is direct; a short phrase inside a sentence is a
/// term; a longer fragment is partial. Attribution refines this with cues.
fn classify(text: &str, para: Span, q: &RawQuote) -> QuoteKind {
    let inner = q.inner.slice(text);
    // Five words or more all count alike below.
    let words = word_count_upto(inner, 5);
    let before = text[para.start..q.outer.start].trim_end();
    let starts_sentence = before.is_empty()
        || before.ends_with([':', '.', '?', '!', ',', ';', '—', '–', '(', '-'])
        || before.ends_with(quote_marks::is_english_double_or_straight);
    let ends_punct = inner.ends_with(['.', '?', '!', '…']);
    let first_upper = inner.chars().next().is_some_and(char::is_uppercase);
    let sentence_like =
        starts_sentence && (words >= 4 || (first_upper && (ends_punct || inner.ends_with(','))));
    let exclaims = first_upper && inner.ends_with(['?', '!']);
    // "said that “…”": the quotation is the end of a reported clause.
    let after_that = before
        .strip_suffix("that")
        .is_some_and(|b| b.ends_with(char::is_whitespace));
    if after_that && !q.continues {
        return if words <= 4 && !ends_punct {
            QuoteKind::Term
        } else {
            QuoteKind::Partial
        };
    }
    if q.continues || sentence_like || exclaims || (ends_punct && words >= 3 && first_upper) {
        QuoteKind::Direct
    } else if words <= 4 && !ends_punct {
        QuoteKind::Term
    } else {
        QuoteKind::Partial
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let t = line.trim_end_matches('\n');
            if !t.trim().is_empty() {
                blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    span: Span::new(pos, pos + t.len()),
                });
            }
            pos += line.len();
        }
        blocks
    }

    fn inners(text: &str) -> Vec<String> {
        find_quotes(text, &paras(text))
            .iter()
            .map(|q| q.inner.slice(text).to_string())
            .collect()
    }

    #[test]
    fn curly_and_straight_marks() {
        let t = "“We are ready,” she said. He replied: \"Not yet.\"";
        assert_eq!(inners(t), vec!["We are ready,", "Not yet."]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let t =
            "“We’ve won the farmers’ vote and Italy’s too,” he said of rock 'n' roll 'til dawn.";
        assert_eq!(
            inners(t),
            vec!["We’ve won the farmers’ vote and Italy’s too,"]
        );
        let t = "The voters’ mood and the party’s plan were clear.";
        assert!(inners(t).is_empty());
    }

    #[test]
    fn doubled_apostrophes_open_and_close() {
        let t = "''It is a good plan for the workers,'' the mayor said of the ''green deal.''";
        assert_eq!(
            inners(t),
            vec!["It is a good plan for the workers,", "green deal."]
        );
        let t = "''We serve the voters''' he said.";
        assert_eq!(inners(t), vec!["We serve the voters'"]);
    }

    #[test]
    fn single_marks_inside_double() {
        let t = "“He called it ‘a mess’ and left,” she said.";
        assert_eq!(inners(t), vec!["He called it ‘a mess’ and left,"]);
    }

    #[test]
    fn top_level_single_marks() {
        let t = "The sign read ‘Save Our Pier’ and a \"big crowd\" came.";
        assert_eq!(inners(t), vec!["Save Our Pier", "big crowd"]);
        let t = "In the ‘90s the pier was “busy all year,” he said.";
        assert_eq!(inners(t), vec!["busy all year,"]);
    }

    #[test]
    fn same_marks_nested() {
        let t = "“I would rather walk than take what he calls “the fast road” to town,” she said.";
        assert_eq!(
            inners(t),
            vec!["I would rather walk than take what he calls “the fast road” to town,"]
        );
        // Two quotes in a row are still two quotes.
        let t = "He said “go home” and then “stay there” to them.";
        assert_eq!(inners(t), vec!["go home", "stay there"]);
    }

    #[test]
    fn nicknames_are_not_quotes() {
        let t =
            "Mayor Anna \"Nan\" Kowal (Harbour Party) opened the fair. “We are back,” she said.";
        assert_eq!(inners(t), vec!["We are back,"]);
        let t = "The boxer Joe “Iron Fist” Malone’s coach said little.";
        assert!(inners(t).is_empty());
        // A capitalised quote between other words is still a quote.
        let t = "The crowd chanted “Go Home” at the gate.";
        assert_eq!(inners(t), vec!["Go Home"]);
        assert_eq!(nickname_at("Anna “Nan” Kowal", 5), Some(14));
        assert_eq!(nickname_at("Anna “Nan” kowal", 5), None);
        assert_eq!(nickname_at("Ann “ééééééééééééééééééééééé", 4), None);
    }

    #[test]
    fn guillemets() {
        let t = "Il a dit « nous partons demain » hier.";
        assert_eq!(inners(t), vec!["nous partons demain"]);
    }

    #[test]
    fn unclosed_quote_ends_at_paragraph() {
        let t = "“We will go on and on.\n“And we will win,” he said.\nThe rest of the text.";
        let qs = find_quotes(t, &paras(t));
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].inner.slice(t), "We will go on and on.");
        assert!(!qs[0].continues);
        assert!(qs[1].continues);
        assert_eq!(qs[1].inner.slice(t), "And we will win,");
    }

    #[test]
    fn unclosed_quote_does_not_swallow_next_paragraph() {
        let t = "She said “this is broken.\nNothing else is quoted here.";
        let qs = find_quotes(t, &paras(t));
        assert_eq!(qs.len(), 1);
        assert!(qs[0].inner.end <= t.find('\n').unwrap_or(0));
    }

    #[test]
    fn terms_and_direct() {
        let t = "“The plan is sound and will hold,” he said of the so-called “green lanes.”";
        let qs = find_quotes(t, &paras(t));
        assert_eq!(qs[0].kind, QuoteKind::Direct);
        let t = "They backed the so-called “green lanes” in the city.";
        let qs = find_quotes(t, &paras(t));
        assert_eq!(qs[0].kind, QuoteKind::Term);
    }

    #[test]
    fn a_title_ending_in_a_named_quote_has_it() {
        let quoted = |t: &str| {
            let mut b = paras(t);
            b[0].kind = BlockKind::Title;
            find_quotes(t, &b)
                .iter()
                .map(|q| (q.inner.slice(t).to_string(), q.outer.slice(t).to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            quoted("Jane Roe: ‘I’m Not Done With The Port Yet.’"),
            [(
                "I’m Not Done With The Port Yet.".into(),
                "‘I’m Not Done With The Port Yet.’".into()
            )]
        );
        assert_eq!(
            quoted("Roe Tells Rally: “We Will Win”.")[0].0,
            "We Will Win"
        );
        assert_eq!(
            quoted("Roe: 'Tom's plan is fair game.'")[0].0,
            "Tom's plan is fair game."
        );
        // Two quotes, no colon, or more after the marks: no headline quote.
        assert!(quoted("Roe: ‘Port Plans’ Have ‘No Future.’").is_empty());
        assert!(quoted("‘We Will Win,’ Says Roe").is_empty());
        assert!(quoted("Roe: ‘We Will Win’ Again").is_empty());
    }

    #[test]
    fn skips_non_paragraph_blocks() {
        let t = "“A Title”\n“Body text here,” he said.";
        let mut b = paras(t);
        b[0].kind = BlockKind::Title;
        assert_eq!(inners_b(t, &b), vec!["Body text here,"]);
    }

    fn inners_b(text: &str, b: &[Block]) -> Vec<String> {
        find_quotes(text, b)
            .iter()
            .map(|q| q.inner.slice(text).to_string())
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_valid(s in "[a-z “”\"'‘’«»,.\n]{0,80}") {
            for q in find_quotes(&s, &paras(&s)) {
                proptest::prop_assert!(q.inner.is_valid_in(&s));
                proptest::prop_assert!(q.outer.is_valid_in(&s));
                proptest::prop_assert!(q.outer.contains_span(q.inner));
            }
        }
    }

    #[test]
    fn word_count_reads_bytes_as_the_unicode_split_counts() {
        let samples = [
            "",
            "  ",
            "one",
            "two words",
            " -- a dash -- and\tthe\nrest\x0bof\x0cit\r",
            "l'été à Genève, naïve café — 12 000\u{a0}km",
            "\u{2003}em\u{2003}spaces\u{3000}ideographic",
            "... ,, !! 42",
            "ab\u{301}c the combining mark",
            "«Guillemets» and “curly” marks",
        ];
        for s in samples {
            let want = s
                .split_whitespace()
                .filter(|w| w.chars().any(crate::annotate::is_alnum))
                .count();
            assert_eq!(word_count(s), want, "{s:?}");
            for cap in 1..6 {
                assert_eq!(word_count_upto(s, cap), want.min(cap), "{s:?} up to {cap}");
            }
        }
    }

    #[test]
    fn the_eight_byte_mark_search_finds_each_lead_byte() {
        // Every byte value at every offset of a plain run, searched from
        // each of the first few positions: the same as one byte at a time.
        for v in 0..=255u8 {
            for at in 0..19 {
                let mut b = b"plain words and 9 more".to_vec();
                b[at] = v;
                for from in 0..3 {
                    let want = b[from..]
                        .iter()
                        .position(|&c| MARK_LEAD[usize::from(c)])
                        .map(|k| from + k);
                    assert_eq!(next_mark_lead(&b, from), want, "{v:#x} at {at} from {from}");
                }
            }
        }
        assert_eq!(next_mark_lead(b"abc", 4), None);
    }
}
