//! Code-point text helpers shared by both scorers: trimming, locating
//! predictions the way the reference scorer does, and name matching.
//!
//! Everything works on `&[char]` so that offsets are Unicode code points, the
//! unit of brat standoff offsets and of the reference scorer (Python strings).

use std::collections::HashSet;

/// Every character that can act as a quotation mark.
pub const QUOTE_CHARS: &str = "\"'“”‘’„‟‚‛«»`";

/// Python's `str.isspace`.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `\w` for text: letters, digits and the underscore.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_basic_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}')
}

/// Characters trimmed at the start of a span before spans are compared.
pub fn is_lead_trim(c: char) -> bool {
    QUOTE_CHARS.contains(c) || "…—–-".contains(c) || is_basic_space(c)
}

/// Characters trimmed at the end of a span (quote marks and trailing punctuation).
pub fn is_trail_trim(c: char) -> bool {
    QUOTE_CHARS.contains(c) || ".,;:!?…—–-".contains(c) || is_basic_space(c)
}

/// Shrink `[start, end)` past surrounding whitespace, quote marks and trailing punctuation.
pub fn trim_span(text: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && is_lead_trim(text[start]) {
        start += 1;
    }
    while end > start && is_trail_trim(text[end - 1]) {
        end -= 1;
    }
    (start, end)
}

/// Strip whitespace and quote marks from both ends of a predicted string.
pub fn strip_quote_text(s: &str) -> String {
    s.trim_matches(is_py_space)
        .trim_matches(|c: char| QUOTE_CHARS.contains(c) || is_basic_space(c))
        .trim_matches(is_py_space)
        .to_string()
}

/// Characters shared by two spans.
pub fn overlap_len(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Where a prediction landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Found and not claimed before.
    Ok,
    /// Found, but the span was claimed by an earlier prediction.
    Duplicate,
    /// Not found in the text (or nothing but quote marks).
    Unlocated,
}

/// One prediction as the scorers read it.
#[derive(Debug, Clone, Default)]
pub struct PredItem {
    /// The quoted words.
    pub text: String,
    /// Code-point offset hint.
    pub start: Option<usize>,
    /// Speaker name.
    pub speaker: Option<String>,
    /// Attributing words with their code-point offsets.
    pub mention: Option<(String, Option<usize>, Option<usize>)>,
}

/// A prediction placed in the text.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The item as given.
    pub item: PredItem,
    /// The located span.
    pub span: Option<(usize, usize)>,
    /// The located span, trimmed.
    pub core: Option<(usize, usize)>,
    /// How locating went.
    pub status: Status,
    /// Non-blank speaker.
    pub speaker: Option<String>,
    /// Mention text.
    pub mention_text: Option<String>,
    /// Located mention span.
    pub mention_span: Option<(usize, usize)>,
}

/// Finds predicted strings in one text and remembers claimed spans
/// (the reference scorer's `Locator`, for predictions that are literal
/// substrings of the text, which the annotator's always are).
pub struct Locator<'a> {
    text: &'a [char],
    byte_starts: Vec<usize>,
    claimed: HashSet<(usize, usize)>,
    cursor: usize,
}

impl<'a> Locator<'a> {
    /// A locator over `text`.
    pub fn new(text: &'a [char]) -> Self {
        let mut byte_starts = Vec::with_capacity(text.len());
        let mut pos = 0;
        for c in text {
            byte_starts.push(pos);
            pos += c.len_utf8();
        }
        Locator {
            text,
            byte_starts,
            claimed: HashSet::new(),
            cursor: 0,
        }
    }

    /// Distance from `pos` to the hint read as characters or as UTF-8 bytes.
    fn hint_distance(&self, pos: usize, hint: usize) -> usize {
        let k = self.byte_starts.partition_point(|&b| b <= hint);
        let as_char = k.saturating_sub(1);
        pos.abs_diff(hint).min(pos.abs_diff(as_char))
    }

    /// All (possibly overlapping) occurrences of `needle`.
    fn occurrences(&self, needle: &[char], fold: bool, whole_word: bool) -> Vec<(usize, usize)> {
        let t = self.text;
        let n = needle.len();
        let mut out = Vec::new();
        if n == 0 || n > t.len() {
            return out;
        }
        let eq = |a: char, b: char| a == b || (fold && a.to_lowercase().eq(b.to_lowercase()));
        for i in 0..=t.len() - n {
            if !eq(t[i], needle[0]) {
                continue;
            }
            if (1..n).all(|k| eq(t[i + k], needle[k])) {
                if whole_word
                    && ((i > 0 && is_word_char(t[i - 1]))
                        || (i + n < t.len() && is_word_char(t[i + n])))
                {
                    continue;
                }
                out.push((i, i + n));
            }
        }
        out
    }

    /// Locate a predicted quote; returns its span and status.
    pub fn locate_quote(
        &mut self,
        raw: &str,
        hint: Option<usize>,
    ) -> (Option<(usize, usize)>, Status) {
        let needle: Vec<char> = strip_quote_text(raw).chars().collect();
        let mut spans = self.occurrences(&needle, false, false);
        if spans.is_empty() {
            spans = self.occurrences(&needle, true, false);
        }
        if spans.is_empty() {
            return (None, Status::Unlocated);
        }
        let span = match hint {
            Some(h) => *spans
                .iter()
                .min_by_key(|s| (self.hint_distance(s.0, h), s.0))
                .unwrap_or(&spans[0]),
            None => {
                let free: Vec<_> = spans.iter().filter(|s| !self.claimed.contains(s)).collect();
                let after = free.iter().find(|s| s.0 >= self.cursor);
                **after.or(free.first()).unwrap_or(&&spans[0])
            }
        };
        if self.claimed.contains(&span) {
            return (Some(span), Status::Duplicate);
        }
        self.claimed.insert(span);
        self.cursor = span.0;
        (Some(span), Status::Ok)
    }

    /// Locate an attributing mention, nearest to its hint or to its quote.
    pub fn locate_mention(
        &self,
        raw: &str,
        hint: Option<usize>,
        end_hint: Option<usize>,
        anchor: Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        let needle: Vec<char> = raw.trim_matches(is_py_space).chars().collect();
        let mut spans = self.occurrences(&needle, false, true);
        if spans.is_empty() {
            spans = self.occurrences(&needle, true, true);
        }
        if spans.is_empty() {
            return match (hint, end_hint) {
                (Some(h), Some(e)) if h < e && e <= self.text.len() => Some((h, e)),
                _ => None,
            };
        }
        if let Some(h) = hint {
            return spans
                .iter()
                .min_by_key(|s| (self.hint_distance(s.0, h), s.0))
                .copied();
        }
        let Some(a) = anchor else {
            return spans.first().copied();
        };
        let dist = |s: &(usize, usize)| {
            if s.1 <= a.0 {
                a.0 - s.1
            } else if s.0 >= a.1 {
                s.0 - a.1
            } else {
                1_000_000_000
            }
        };
        spans.iter().min_by_key(|s| (dist(s), s.0)).copied()
    }

    /// Locate one prediction and its mention.
    pub fn place(&mut self, item: PredItem) -> Placed {
        let (span, mut status) = self.locate_quote(&item.text, item.start);
        let speaker = item
            .speaker
            .clone()
            .filter(|s| !s.trim_matches(is_py_space).is_empty());
        let (m_text, m_start, m_end) = match &item.mention {
            Some((t, s, e)) => (Some(t.clone()), *s, *e),
            None => (None, None, None),
        };
        let mention_span = match &m_text {
            Some(t) if !t.trim_matches(is_py_space).is_empty() => {
                self.locate_mention(t, m_start, m_end, span)
            }
            _ => None,
        };
        let mut core = span.map(|(s, e)| trim_span(self.text, s, e));
        if core.is_some_and(|(s, e)| s >= e) {
            core = None;
            status = Status::Unlocated;
        }
        Placed {
            item,
            span,
            core,
            status,
            speaker,
            mention_text: m_text,
            mention_span,
        }
    }
}

/// Fold accented Latin letters to their base letter (the part of NFKD the
/// name comparison needs); other characters are kept.
pub fn fold_accents(c: char) -> &'static str {
    match c {
        'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'Ď' => "D",
        'ď' => "d",
        'È'..='Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'Ĥ' => "H",
        'ĥ' => "h",
        'Ì'..='Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' => "i",
        'Ĵ' => "J",
        'ĵ' => "j",
        'Ķ' => "K",
        'ķ' => "k",
        'Ĺ' | 'Ļ' | 'Ľ' => "L",
        'ĺ' | 'ļ' | 'ľ' => "l",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "N",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'Ò'..='Ö' | 'Ō' | 'Ŏ' | 'Ő' => "O",
        'ò'..='ö' | 'ō' | 'ŏ' | 'ő' => "o",
        'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' => "S",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'Ţ' | 'Ť' => "T",
        'ţ' | 'ť' => "t",
        'Ù'..='Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'Ŵ' => "W",
        'ŵ' => "w",
        'Ý' | 'Ŷ' | 'Ÿ' => "Y",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ź' | 'ż' | 'ž' => "z",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn trimming_drops_marks_and_trailing_punctuation() {
        let t = chars("“We won,” she said.");
        assert_eq!(trim_span(&t, 0, 9), (1, 7));
        assert_eq!(strip_quote_text("  “Yes.” "), "Yes.");
    }

    #[test]
    fn locator_prefers_the_hint_and_marks_duplicates() {
        let t = chars("yes and yes and yes");
        let mut loc = Locator::new(&t);
        assert_eq!(
            loc.locate_quote("yes", Some(8)),
            (Some((8, 11)), Status::Ok)
        );
        assert_eq!(
            loc.locate_quote("yes", Some(9)),
            (Some((8, 11)), Status::Duplicate)
        );
        assert_eq!(loc.locate_quote("maybe", None), (None, Status::Unlocated));
        assert_eq!(
            loc.locate_mention("and", None, None, Some((8, 11))),
            Some((4, 7))
        );
        assert_eq!(loc.locate_mention("ye", None, None, None), None);
    }
}
