//! The one table of quotation marks: which characters are quote marks, which
//! side of a quotation they stand on, and which mark closes which.
//!
//! The quote finder, the segmenter, the entity scanner, attribution, transcript
//! labels and the listings all ask about quote marks; they ask here, so that a
//! mark added to [`mark`] is known to all of them. A site that deliberately
//! looks at only some marks says so with a named predicate below. (The PolNeAR
//! scorer in `eval` keeps its own mark strings: they are the reference
//! scorer's definition, not ours.)

/// `“` left double quotation mark.
pub const LEFT_DOUBLE: char = '\u{201c}';
/// `”` right double quotation mark.
pub const RIGHT_DOUBLE: char = '\u{201d}';
/// `„` low double quotation mark (German, Polish).
pub const LOW_DOUBLE: char = '\u{201e}';
/// `‘` left single quotation mark.
pub const LEFT_SINGLE: char = '\u{2018}';
/// `’` right single quotation mark, also the typographic apostrophe.
pub const RIGHT_SINGLE: char = '\u{2019}';
/// `«` left guillemet.
pub const LEFT_GUILLEMET: char = '\u{00ab}';
/// `»` right guillemet.
pub const RIGHT_GUILLEMET: char = '\u{00bb}';

/// Which quotation a mark belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Double marks: `"` `“` `”` `„` `‟`, and the backtick of ``` `` ```.
    Double,
    /// Single marks: `'` `‘` `’` `‚` `‛`.
    Single,
    /// Guillemets: `«` `»` `‹` `›`.
    Guillemet,
    /// CJK corner brackets: `「` `『`.
    Corner,
}

/// Which side of a quotation a mark stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// It opens a quotation.
    Open,
    /// It closes a quotation.
    Close,
    /// Straight marks: the same character opens and closes.
    Either,
}

/// How a mark is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Typewriter marks `"` `'`.
    Straight,
    /// Curly (English) marks `“` `”` `‘` `’`.
    Curly,
    /// Low-9 marks `„` `‚`.
    Low,
    /// High reversed-9 marks `‟` `‛`.
    Reversed,
    /// Angle marks (guillemets).
    Angle,
    /// CJK corner brackets.
    Bracket,
    /// The backtick, a mark only when doubled (``` `` ```, TeX style).
    Backtick,
}

/// What the table says about one quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteMark {
    /// Double, single, guillemet or corner.
    pub family: Family,
    /// Opening, closing or either.
    pub side: Side,
    /// How it is drawn.
    pub style: Style,
    /// The mark that closes a quotation this one opens, if there is one.
    pub closer: Option<char>,
    /// Whether the character is also an apostrophe (`'`, `’`).
    pub apostrophe: bool,
    /// Whether the quote finder pairs it (the common marks of news text);
    /// the others are only recognised as quotation marks.
    pub paired: bool,
}

/// The table: every quotation mark the annotator knows, or `None`.
pub const fn mark(c: char) -> Option<QuoteMark> {
    use Family::*;
    use Side::*;
    use Style::*;
    #[rustfmt::skip]
    let (family, side, style, closer, apostrophe, paired) = match c {
        '"'        => (Double,    Either, Straight, Some('"'),        false, true),
        '\''       => (Single,    Either, Straight, Some('\''),       true,  true),
        '`'        => (Double,    Open,   Backtick, None,             false, true),
        '\u{201c}' => (Double,    Open,   Curly,    Some('\u{201d}'), false, true),  // “
        '\u{201d}' => (Double,    Close,  Curly,    None,             false, true),  // ”
        '\u{201e}' => (Double,    Open,   Low,      None,             false, true),  // „
        '\u{201f}' => (Double,    Open,   Reversed, Some('\u{201d}'), false, false), // ‟
        '\u{2018}' => (Single,    Open,   Curly,    Some('\u{2019}'), false, true),  // ‘
        '\u{2019}' => (Single,    Close,  Curly,    None,             true,  true),  // ’
        '\u{201a}' => (Single,    Open,   Low,      None,             false, false), // ‚
        '\u{201b}' => (Single,    Open,   Reversed, Some('\u{2019}'), false, false), // ‛
        '\u{00ab}' => (Guillemet, Open,   Angle,    Some('\u{00bb}'), false, true),  // «
        '\u{00bb}' => (Guillemet, Close,  Angle,    None,             false, true),  // »
        '\u{2039}' => (Guillemet, Open,   Angle,    Some('\u{203a}'), false, false), // ‹
        '\u{203a}' => (Guillemet, Close,  Angle,    None,             false, false), // ›
        '\u{300c}' => (Corner,    Open,   Bracket,  Some('\u{300d}'), false, false), // 「
        '\u{300e}' => (Corner,    Open,   Bracket,  Some('\u{300f}'), false, false), // 『
        _ => return None,
    };
    Some(QuoteMark {
        family,
        side,
        style,
        closer,
        apostrophe,
        paired,
    })
}

/// Whether `c` is a quotation mark of any style on its own (every row of the
/// table but the backtick, which is one only when doubled).
pub fn is_quote_mark(c: char) -> bool {
    mark(c).is_some_and(|m| m.style != Style::Backtick)
}

/// Whether `c` opens a quotation: a paired opening or straight mark, not the
/// straight apostrophe (`'til`).
pub fn is_opening_mark(c: char) -> bool {
    mark(c).is_some_and(|m| m.paired && m.side != Side::Close && !m.apostrophe)
}

/// Whether `c` may close a quotation: a paired closing or straight mark.
pub fn is_closing_mark(c: char) -> bool {
    mark(c).is_some_and(|m| m.paired && m.side != Side::Open)
}

/// The mark that closes a quotation opened by `open`, if it opens one with a
/// single known partner (`“` → `”`, `"` → `"`, `«` → `»`).
pub fn closing_for(open: char) -> Option<char> {
    mark(open).and_then(|m| m.closer)
}

/// Whether `c` is a double mark of English text, straight or curly: `"` `“` `”`.
pub fn is_english_double(c: char) -> bool {
    mark(c).is_some_and(|m| {
        m.family == Family::Double && matches!(m.style, Style::Straight | Style::Curly)
    })
}

/// The closing partner of an English double opening mark (`"` → `"`,
/// `“` → `”`): the marks around a nickname (`Anna “Nan” Kowal`).
pub fn english_double_closing_for(open: char) -> Option<char> {
    closing_for(open).filter(|_| is_english_double(open))
}

/// Whether `c` is an English double mark or the straight single mark:
/// `"` `“` `”` `'`.
pub fn is_english_double_or_straight(c: char) -> bool {
    is_english_double(c) || mark(c).is_some_and(|m| m.style == Style::Straight)
}

/// Whether `c` is a curly mark that is not the apostrophe `’`: `“` `”` `‘`.
pub fn is_curly_not_apostrophe(c: char) -> bool {
    mark(c).is_some_and(|m| m.style == Style::Curly && !m.apostrophe)
}

/// Whether `c` is a curly or angle opening mark: `“` `‘` `«` (after which a
/// straight mark opens a quotation nested in it).
pub fn is_curly_or_angle_opening(c: char) -> bool {
    mark(c).is_some_and(|m| {
        m.paired && m.side == Side::Open && matches!(m.style, Style::Curly | Style::Angle)
    })
}

/// Whether `c` may start a line of quoted text: a paired mark that is not the
/// backtick or the closing guillemet (`"` `'` `“` `”` `‘` `’` `«` `„`).
pub fn may_start_quoted_line(c: char) -> bool {
    mark(c).is_some_and(|m| m.paired && m.style != Style::Backtick) && c != RIGHT_GUILLEMET
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(p: fn(char) -> bool) -> String {
        "\"'`“”„‟‘’‚‛«»‹›「『a-".chars().filter(|&c| p(c)).collect()
    }

    #[test]
    fn predicates_pick_their_marks() {
        assert_eq!(members(is_quote_mark), "\"'“”„‟‘’‚‛«»‹›「『");
        assert_eq!(members(is_opening_mark), "\"`“„‘«");
        assert_eq!(members(is_closing_mark), "\"'”’»");
        assert_eq!(members(is_english_double), "\"“”");
        assert_eq!(members(is_english_double_or_straight), "\"'“”");
        assert_eq!(members(is_curly_not_apostrophe), "“”‘");
        assert_eq!(members(is_curly_or_angle_opening), "“‘«");
        assert_eq!(members(may_start_quoted_line), "\"'“”„‘’«");
    }

    #[test]
    fn pairs() {
        assert_eq!(closing_for('“'), Some('”'));
        assert_eq!(closing_for('«'), Some('»'));
        assert_eq!(closing_for('”'), None);
        assert_eq!(english_double_closing_for('"'), Some('"'));
        assert_eq!(english_double_closing_for('“'), Some('”'));
        assert_eq!(english_double_closing_for('«'), None);
        assert_eq!(english_double_closing_for('\''), None);
    }
}
