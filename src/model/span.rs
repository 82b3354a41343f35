//! Byte spans into a document's text.
//!
//! Spans are half-open `[start, end)` ranges of UTF-8 byte offsets into
//! [`Document::text`](super::Document::text). Byte offsets make slicing free;
//! conversions to code points (what other tools count) live here too.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of byte offsets into a document's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (callers keep `start <= end`).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies wholly inside `self`.
    pub const fn contains_span(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the byte offset `pos` lies inside the span.
    pub const fn contains(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text the span covers, or `""` when it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the span lies inside `text` and both ends are char boundaries.
    pub fn is_valid_in(&self, text: &str) -> bool {
        self.start <= self.end
            && self.end <= text.len()
            && text.is_char_boundary(self.start)
            && text.is_char_boundary(self.end)
    }
}

/// Converts byte offsets to code-point offsets quickly for many lookups.
///
/// Build it once per text; each lookup is a binary search over a sparse
/// checkpoint table, so converting every span of a large document stays linear.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `(byte offset, char offset)` every [`Self::STEP`] bytes, at char boundaries.
    checkpoints: Vec<(usize, usize)>,
    ascii: bool,
}

impl CharIndex {
    const STEP: usize = 4096;

    /// Index `text` for byte → code point conversion.
    pub fn new(text: &str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = vec![(0, 0)];
        if !ascii {
            let mut next = Self::STEP;
            for (chars, (b, _)) in text.char_indices().enumerate() {
                if b >= next {
                    checkpoints.push((b, chars));
                    next = b + Self::STEP;
                }
            }
        }
        CharIndex { checkpoints, ascii }
    }

    /// The code-point offset of byte offset `byte` in `text` (which must be the
    /// text this index was built from; `byte` is clamped to a char boundary at or below it).
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        if self.ascii {
            return byte;
        }
        let i = match self.checkpoints.binary_search_by(|(b, _)| b.cmp(&byte)) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (b0, c0) = self.checkpoints[i];
        let mut b = byte;
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        c0 + text[b0..b].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_relations() {
        let a = Span::new(2, 6);
        assert!(a.contains(2) && !a.contains(6));
        assert!(a.overlaps(Span::new(5, 9)) && !a.overlaps(Span::new(6, 9)));
        assert!(a.contains_span(Span::new(3, 6)) && !a.contains_span(Span::new(1, 3)));
        assert_eq!(a.len(), 4);
    }

    #[test]
    fn validity_checks_char_boundaries() {
        let t = "aé b";
        assert!(Span::new(0, 3).is_valid_in(t));
        assert!(!Span::new(0, 2).is_valid_in(t));
        assert!(!Span::new(0, 9).is_valid_in(t));
        assert!(!Span::new(3, 1).is_valid_in(t));
    }

    #[test]
    fn char_index_counts_code_points() {
        let t = "é".repeat(5000) + "abc";
        let idx = CharIndex::new(&t);
        assert_eq!(idx.char_offset(&t, 0), 0);
        assert_eq!(idx.char_offset(&t, 10_000), 5000);
        assert_eq!(idx.char_offset(&t, 10_002), 5002);
        assert_eq!(idx.char_offset(&t, 8193), 4096);
    }
}
