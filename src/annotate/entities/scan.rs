//! The scan: a block turned into items (gazetteer entries, capitalised words
//! and connectors) in one pass over its bytes, and the items grouped into runs
//! of names separated only by spaces.

use std::sync::LazyLock;

use super::gazetteer::{Gaz, Gazetteer};
use crate::annotate::lexicon::word_list;
use crate::annotate::{FastSet, is_word_char};
use crate::model::Span;
use crate::model::quote_marks;

word_list!(
    /// Capitalised words that are never (the start of) a name.
    STOP = "entity-stop-words.txt"
);

static STOP_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| STOP.iter().copied().collect());

word_list!(
    /// Lower-case words that may join the parts of a name ("Ministry of Foreign
    /// Affairs", "Charles de Gaulle", "President of Freedonia").
    CONNECTORS = "name-connectors.txt", tag = "entities"
);

/// What an item of a scanned block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Gaz(Gaz),
    /// A capitalised word not in the gazetteer.
    Cap,
    /// A connector ("of").
    Conn,
}

/// One item of a scanned block; an empty connector marks a break between runs.
#[derive(Debug, Clone, Copy)]
pub(super) struct Item {
    pub(super) unit: Unit,
    pub(super) span: Span,
    /// First word of its sentence.
    pub(super) initial: bool,
}

/// Read one word at `i` (which starts with a word char): letters and digits,
/// inner hyphens or apostrophes before a letter ("Jong-un", "O'Brien"; not "’s"),
/// and the full stop of an initial ("J.").
fn read_word(s: &str, i: usize) -> usize {
    // Fast path: a run of ASCII letters and digits followed by an ASCII byte
    // that neither joins a word (`-`, `'`) nor is a word char ends there; the
    // loop below would find the same end one char at a time.
    let bytes = s.as_bytes();
    let run = crate::annotate::ascii_alnum_end(bytes, i);
    let end = if run > i
        && bytes
            .get(run)
            .is_none_or(|&b| b < 0x80 && b != b'-' && b != b'\'')
    {
        run
    } else {
        word_end_by_chars(s, i)
    };
    // An initial: one capital letter and a full stop.
    let w = &s[i..end];
    let mut cs = w.chars();
    if let (Some(c), None) = (cs.next(), cs.next())
        && c.is_uppercase()
        && s[end..].starts_with('.')
    {
        return end + 1;
    }
    end
}

/// The end of the word at `i` as [`read_word`] reads it, without the full
/// stop of an initial, one char at a time.
fn word_end_by_chars(s: &str, i: usize) -> usize {
    let mut end = i;
    let mut it = s[i..].char_indices().peekable();
    while let Some((o, c)) = it.next() {
        if is_word_char(c) {
            end = i + o + c.len_utf8();
            continue;
        }
        if matches!(c, '-' | '\'' | '\u{2019}')
            && let Some(&(_, n)) = it.peek()
        {
            let possessive = c != '-'
                && matches!(n, 's' | 't')
                && s[i + o + c.len_utf8() + 1..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c));
            let ok = if c == '-' {
                n.is_lowercase()
            } else {
                crate::annotate::is_alpha(n)
            };
            if ok && !possessive {
                continue;
            }
        }
        break;
    }
    end
}

fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(f) = cs.next() else { return false };
    f.is_uppercase()
        && (w.chars().count() == 1 || w.ends_with('.') || w.chars().any(char::is_lowercase))
}

/// Whether two items are separated only by white space (one line break at most).
pub(super) fn joined(text: &str, a: Span, b: Span) -> bool {
    let gap = text.get(a.end..b.start).unwrap_or("");
    !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\n')
}

/// Bytes the fast skip in [`scan_block`] stops at: capitals, non-ASCII bytes
/// and sentence ends.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b >= 0x80)
            || (b >= b'A' as usize && b <= b'Z' as usize)
            || matches!(b as u8, b'.' | b'!' | b'?' | b':' | b';' | b'\n');
        b += 1;
    }
    t
};

/// Turn a block into items: gazetteer entries, capitalised words and connectors.
///
/// The scan runs over bytes: lower-case ASCII words are skipped quickly, and the
/// gazetteer is tried (anchored) only where a capitalised word starts, so the
/// cost is one pass over the block plus a short match per capitalised word.
pub(super) fn scan_block(text: &str, span: Span, gaz: &Gazetteer, items: &mut Vec<Item>) {
    let bytes = text.as_bytes();
    let end = span.end.min(bytes.len());
    let mut i = span.start;
    let mut sentence_start = true;
    let push_break = |items: &mut Vec<Item>, at: usize| {
        if items.last().is_some_and(|l| !l.span.is_empty()) {
            items.push(Item {
                unit: Unit::Conn,
                span: Span::new(at, at),
                initial: false,
            });
        }
    };
    while i < end {
        let b = bytes[i];
        // No name is open: skip plain text up to the next capital, non-ASCII
        // character or sentence end in a tight loop.
        if !INTERESTING[b as usize] && items.last().is_none_or(|l| l.span.is_empty()) {
            let from = i;
            while i < end && !INTERESTING[usize::from(bytes[i])] {
                i += 1;
            }
            // Whether a word was skipped matters only at a sentence's start:
            // elsewhere the skip loop above reads one table entry a byte.
            if sentence_start && bytes[from..i].iter().any(u8::is_ascii_alphanumeric) {
                sentence_start = false;
            }
            continue;
        }
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            let start = i;
            i = crate::annotate::ascii_alnum_end(&bytes[..end], i);
            if i < end && (bytes[i] >= 0x80 || matches!(bytes[i], b'-' | b'\'')) {
                i = read_word(text, start).max(i).min(end);
            }
            let w = &text[start..i];
            if w.len() <= 4 && CONNECTORS.contains(&w) {
                items.push(Item {
                    unit: Unit::Conn,
                    span: Span::new(start, i),
                    initial: false,
                });
            } else {
                push_break(items, start);
            }
            sentence_start = false;
            continue;
        }
        if b.is_ascii_uppercase() || b >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if !is_word_char(c) {
                if matches!(c, '\u{2014}' | '\u{2026}') {
                    sentence_start = true;
                } else if !(c == '\u{a0}' || quote_marks::is_curly_not_apostrophe(c)) {
                    sentence_start = false;
                }
                push_break(items, i);
                i += c.len_utf8();
                continue;
            }
            // A gazetteer entry starting here (longest), ending at a word boundary.
            if c.is_uppercase()
                && let Some((kind, span)) = gaz.entry_at(text, i, end)
            {
                items.push(Item {
                    unit: Unit::Gaz(kind),
                    span,
                    initial: sentence_start,
                });
                sentence_start = false;
                i = span.end;
                continue;
            }
            let we = read_word(text, i).max(i + c.len_utf8()).min(end);
            let w = &text[i..we];
            if capitalised(w) && !STOP_SET.contains(w.trim_end_matches('.')) {
                items.push(Item {
                    unit: Unit::Cap,
                    span: Span::new(i, we),
                    initial: sentence_start,
                });
            } else {
                push_break(items, i);
            }
            sentence_start = false;
            i = we;
            continue;
        }
        match b {
            b'.' | b'!' | b'?' | b':' | b';' | b'\n' => sentence_start = true,
            b' ' | b'\t' | b'"' | b'\'' | b'(' | b'[' => {}
            _ => sentence_start = false,
        }
        if !matches!(b, b' ' | b'\t' | b'\n') {
            push_break(items, i);
        }
        i += 1;
    }
}
