//! The text a copy command puts on the clipboard: the exact words, and with
//! `y` a citation line (`— Speaker, role; Title, source, date`) made from
//! what the document knows, missing parts left out.
//!
//! It exists so that the text is built and tested without a terminal; the
//! event loop in `ui` only sends it (by OSC 52). Copied text is cleaned of
//! control characters (newlines and tabs stay), so that pasting it into a
//! terminal can never run an escape sequence from the document.

use crate::model::{Meta, Speaker};

/// The longest text a copy sends, in characters: terminals and tmux drop
/// OSC 52 sequences much longer than this.
pub const MAX_COPY: usize = 100_000;

/// `text` without the characters the safe-to-show policy keeps from a
/// terminal ([`crate::model::text::is_unsafe`]: control characters other
/// than newline and tab, bidirectional controls); the line and paragraph
/// separators become newlines.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{2028}' | '\u{2029}' => Some('\n'),
            c if crate::model::text::is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
}

/// A one-line field of the citation: cleaned, with its runs of white space
/// (newlines and tabs too) made one space.
fn field(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Speaker, role; Title, source, date` from what is known: each missing
/// part left out with its comma, the semicolon only between two halves that
/// both have something. Empty when nothing is known.
pub fn citation(meta: &Meta, speaker: Option<&Speaker>) -> String {
    let join = |parts: Vec<Option<&str>>| {
        parts
            .into_iter()
            .flatten()
            .map(field)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let who = join(vec![
        speaker.map(|s| s.name.as_str()),
        speaker.and_then(|s| s.role.as_deref()),
    ]);
    // A title that only repeats the source (a file name) is said once.
    let title = meta.title.as_deref();
    let source = meta.source.as_deref().filter(|&s| Some(s) != title);
    let what = join(vec![title, source, meta.date.as_deref()]);
    [who, what]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The clipboard text: the cleaned `words`, then with a citation a new line
/// with `— ` and the citation (the words alone when the citation is empty).
pub fn clip_text(words: &str, cite: Option<&str>) -> String {
    let mut out = clean(words);
    if let Some(c) = cite.filter(|c| !c.is_empty()) {
        out.push_str("\n— ");
        out.push_str(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SpeakerId, SpeakerKind};

    fn meta(title: Option<&str>, source: Option<&str>, date: Option<&str>) -> Meta {
        Meta {
            title: title.map(Into::into),
            source: source.map(Into::into),
            date: date.map(Into::into),
            ..Meta::default()
        }
    }

    fn speaker(role: Option<&str>) -> Speaker {
        Speaker {
            id: SpeakerId(0),
            name: "Ana Ruiz".into(),
            role: role.map(Into::into),
            aliases: vec![],
            kind: SpeakerKind::Person,
        }
    }

    #[test]
    fn every_part_in_its_place() {
        let m = meta(Some("Port talks"), Some("Wire"), Some("May 2, 2024"));
        let sp = speaker(Some("harbour master"));
        assert_eq!(
            citation(&m, Some(&sp)),
            "Ana Ruiz, harbour master; Port talks, Wire, May 2, 2024"
        );
    }

    #[test]
    fn missing_parts_leave_no_stray_punctuation() {
        let sp = speaker(None);
        let m = meta(None, Some("Wire"), None);
        assert_eq!(citation(&m, Some(&sp)), "Ana Ruiz; Wire");
        assert_eq!(citation(&m, None), "Wire");
        assert_eq!(citation(&Meta::default(), Some(&sp)), "Ana Ruiz");
        assert_eq!(citation(&Meta::default(), None), "");
        let m = meta(Some("talks.txt"), Some("talks.txt"), Some(" "));
        assert_eq!(citation(&m, None), "talks.txt");
    }

    #[test]
    fn clip_text_adds_the_citation_line_only_when_there_is_one() {
        assert_eq!(clip_text("We agree.", Some("A; B")), "We agree.\n— A; B");
        assert_eq!(clip_text("We agree.", Some("")), "We agree.");
        assert_eq!(clip_text("We agree.", None), "We agree.");
    }

    #[test]
    fn control_characters_are_stripped_but_newlines_and_tabs_kept() {
        assert_eq!(
            clean("a\u{1b}[31mb\u{7}\n\tc\u{202e}d\u{9b}e\u{2028}f"),
            "a[31mb\n\tcde\nf"
        );
        let sp = Speaker {
            name: "X\u{1b}]0;pwn\u{7}\nY".into(),
            ..speaker(None)
        };
        assert_eq!(citation(&Meta::default(), Some(&sp)), "X]0;pwn Y");
    }
}
