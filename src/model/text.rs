//! The one "safe to show" policy: which characters of a document, a file
//! name, a configuration value or gold data may reach a terminal as they are.
//!
//! It exists so that the reader, the listings, the error messages and the
//! evaluation output agree. A character that could drive the terminal (an
//! escape sequence starts with ESC or a C1 control) or make text read other
//! than it is stored (bidirectional overrides, line separators) is never
//! written raw: the listings and messages show it visibly (`␛`, `␇`, `␡`,
//! `<U+202E>`) and the reader draws a placeholder in its place. Newline and
//! tab are allowed where a line break or a tab is meant; each caller says
//! whether it is.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// True for a character that must never reach a terminal as it is: the C0
/// controls other than newline and tab, DEL, the C1 controls
/// (U+0080–U+009F), the bidirectional controls (U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators
/// (U+2028, U+2029). Newline and tab are layout: see [`visible`],
/// [`visible_line`] and [`visible_name`] for what each makes of them.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Append the visible form of `c` to `out`: a C0 control becomes its Unicode
/// control picture (`␛`, `␇`, `␊` …), DEL `␡`, any other unsafe character
/// `<U+XXXX>`; a safe character (newline and tab included) is pushed as it is.
pub fn push_visible(out: &mut String, c: char) {
    if !is_unsafe(c) && c != '\n' && c != '\t' {
        out.push(c);
        return;
    }
    match c as u32 {
        n @ 0..=0x1f => out.push(char::from_u32(0x2400 + n).unwrap_or('\u{fffd}')),
        0x7f => out.push('\u{2421}'),
        n => {
            let _ = write!(out, "<U+{n:04X}>");
        }
    }
}

/// `s` with each character mapped by `keep`: `Some(k)` writes `k`, `None`
/// the character's visible form ([`push_visible`]). Borrowed when nothing
/// changes.
fn rewrite<'a>(s: &'a str, keep: impl Fn(char) -> Option<char>) -> Cow<'a, str> {
    if s.chars().all(|c| keep(c) == Some(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match keep(c) {
            Some(k) => out.push(k),
            None => push_visible(&mut out, c),
        }
    }
    Cow::Owned(out)
}

/// Text with line breaks: unsafe characters made visible, newlines and tabs
/// kept. Borrowed when there is nothing to change.
pub fn visible(s: &str) -> Cow<'_, str> {
    rewrite(s, |c| (!is_unsafe(c)).then_some(c))
}

/// A one-line field (a name, a title): like [`visible`], but newlines and
/// tabs become spaces.
pub fn visible_line(s: &str) -> Cow<'_, str> {
    rewrite(s, |c| match c {
        '\n' | '\t' => Some(' '),
        c => (!is_unsafe(c)).then_some(c),
    })
}

/// A name quoted as it is (a file name, a configuration value, a key): every
/// unsafe character, newline and tab included, made visible (`␊`, `␉`), so
/// that what is shown is one line and says exactly what was there.
pub fn visible_name(s: &str) -> Cow<'_, str> {
    rewrite(s, |c| {
        (!is_unsafe(c) && c != '\n' && c != '\t').then_some(c)
    })
}

/// A path for a message: [`visible_name`] of its (lossy UTF-8) text.
pub fn visible_path(p: &Path) -> String {
    visible_name(&p.to_string_lossy()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_covers_controls_bidi_and_separators() {
        for c in [
            '\0', '\x07', '\x1b', '\r', '\x7f', '\u{80}', '\u{9b}', '\u{9f}', '\u{61c}',
            '\u{200e}', '\u{200f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{2028}',
            '\u{2029}',
        ] {
            assert!(is_unsafe(c), "{:04X}", c as u32);
        }
        for c in [
            '\n', '\t', ' ', 'a', 'é', '\u{a0}', '\u{200d}', '“', '—', '中', '\u{fffd}',
        ] {
            assert!(!is_unsafe(c), "{:04X}", c as u32);
        }
    }

    #[test]
    fn the_three_forms_differ_only_in_newline_and_tab() {
        let s = "a\x1b]0;t\x07b\n\tc\u{202e}d\u{9b}e\x7f";
        assert_eq!(visible(s), "a␛]0;t␇b\n\tc<U+202E>d<U+009B>e␡");
        assert_eq!(visible_line(s), "a␛]0;t␇b  c<U+202E>d<U+009B>e␡");
        assert_eq!(visible_name(s), "a␛]0;t␇b␊␉c<U+202E>d<U+009B>e␡");
        assert_eq!(
            visible_path(Path::new("/tmp/x\u{2028}y")),
            "/tmp/x<U+2028>y"
        );
    }

    #[test]
    fn safe_text_is_borrowed() {
        let s = "plain “text”, a tab\tand\na line";
        assert!(matches!(visible(s), Cow::Borrowed(_)));
        assert!(matches!(visible_name("name.txt"), Cow::Borrowed(_)));
        assert!(matches!(visible_line("one line"), Cow::Borrowed(_)));
    }
}
