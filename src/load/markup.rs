//! Stray markup in plain text and Markdown: media elements pasted from a web
//! page and `data:` URIs, removed before the text is annotated.
//!
//! It exists because saved articles often keep a few lines of their page
//! (`<figure>…</figure>`, `<img src="data:image/png;base64,…">`) that would
//! otherwise be read as paragraphs, quotes and names. The rule is narrow so
//! that prose about markup is never touched:
//!
//! - a line that *starts* with a media element (`figure`, `img`, `picture`,
//!   `source`, `svg`, `video`, `audio`, `iframe`, `object`, `embed`,
//!   `script`, `style`, `noscript`) is removed when the element is all the
//!   line holds (only tags and whitespace), or, for an element with a body,
//!   together with the lines up to its closing tag (at most 50 lines on),
//!   when nothing but tags follows that closing tag on its line;
//! - a blank line left doubled by a removal is removed too;
//! - a `data:` URI (`data:` + a media type + `,` + its payload, not preceded
//!   by a letter or digit) is removed wherever it is.
//!
//! Other tags (`<b>` in a sentence, a corpus's own `<tweet …>` lines) stay as
//! they are. Text with no line starting with `<` and no `data:` is returned
//! as it is, without a copy.

use std::borrow::Cow;

/// Media elements a line may start with to be removed.
const MEDIA: &[&str] = &[
    "figure", "img", "picture", "source", "svg", "video", "audio", "iframe", "object", "embed",
    "script", "style", "noscript",
];

/// Media elements that never have a body (no closing tag to look for).
const VOID: &[&str] = &["img", "source", "embed"];

/// How many lines on an element's closing tag may be.
const MAX_ELEMENT_LINES: usize = 50;

/// The text without its stray media lines and `data:` URIs (see the module doc).
pub fn strip_stray(text: &str) -> Cow<'_, str> {
    let starts_tag = |l: &str| l.trim_start().starts_with('<');
    // A line can start with a tag only where the text has a `<` at all: one
    // byte search spares the line-by-line look at most texts.
    let has_tag_line = || text.as_bytes().contains(&b'<') && text.lines().any(starts_tag);
    if !text.contains("data:") && !has_tag_line() {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    let mut i = 0;
    while i < lines.len() {
        if let Some(last) = element_end(&lines, i) {
            i = last + 1;
            removed = true;
            continue;
        }
        let blank = lines[i].trim().is_empty();
        if removed && blank && (out.is_empty() || out.ends_with("\n\n") || out.ends_with("\n\r\n"))
        {
            i += 1;
            continue;
        }
        removed = false;
        out.push_str(&strip_data_uris(lines[i]));
        i += 1;
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// When line `i` starts a stray media element, the index of its last line.
fn element_end(lines: &[&str], i: usize) -> Option<usize> {
    let line = lines[i].trim();
    let name = line.strip_prefix('<')?;
    let len = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    let name = name[..len].to_ascii_lowercase();
    if !MEDIA.contains(&name.as_str()) {
        return None;
    }
    if !VOID.contains(&name.as_str()) {
        let close = format!("</{name}");
        for (j, l) in lines.iter().enumerate().skip(i).take(MAX_ELEMENT_LINES) {
            if let Some(at) = l.to_ascii_lowercase().find(&close) {
                return only_tags(&l[at..]).then_some(j);
            }
        }
    }
    only_tags(line).then_some(i)
}

/// Whether `s` holds only tags (`<…>`, quoted attribute values skipped),
/// `data:` URIs and whitespace.
fn only_tags(s: &str) -> bool {
    let s = strip_data_uris(s);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c != '<'
            || !chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/')
        {
            return false;
        }
        let mut quote = None;
        let mut closed = false;
        for c in chars.by_ref() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), _) if c == q => quote = None,
                (None, '>') => {
                    closed = true;
                    break;
                }
                _ => {}
            }
        }
        if !closed {
            return false;
        }
    }
    true
}

/// `s` without its `data:` URIs.
pub fn strip_data_uris(s: &str) -> Cow<'_, str> {
    if !s.contains("data:") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut done = 0;
    while let Some(at) = rest.find("data:") {
        let abs = done + at;
        let prev_ok = !s[..abs]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        match data_uri_len(&s[abs..]).filter(|_| prev_ok) {
            Some(len) => {
                out.push_str(&s[done..abs]);
                done = abs + len;
            }
            None => {
                out.push_str(&s[done..abs + 5]);
                done = abs + 5;
            }
        }
        rest = &s[done..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The length of the `data:` URI `s` starts with: `data:`, `type/subtype`,
/// parameters, `,` and a payload up to whitespace, a quote, a bracket or an
/// angle bracket.
fn data_uri_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 5;
    let word = |i: &mut usize, extra: &[u8]| {
        let from = *i;
        while *i < b.len() && (b[*i].is_ascii_alphanumeric() || extra.contains(&b[*i])) {
            *i += 1;
        }
        *i > from
    };
    if !word(&mut i, b"-") || b.get(i) != Some(&b'/') {
        return None;
    }
    i += 1;
    if !word(&mut i, b".+-") {
        return None;
    }
    let stop = |c: u8| c.is_ascii_whitespace() || b"\"'<>()".contains(&c);
    while i < b.len() && b[i] != b',' && !stop(b[i]) {
        i += 1;
    }
    if b.get(i) != Some(&b',') {
        return None;
    }
    i += 1;
    let payload = i;
    while i < b.len() && !stop(b[i]) {
        i += 1;
    }
    (i > payload).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        let t = "A line.\n\nA note on <b> tags in prose.\n";
        assert!(matches!(strip_stray(t), Cow::Borrowed(_)));
    }

    #[test]
    fn figure_lines_go_with_one_blank_line() {
        let t = "First.\n\n<figure> <img src=\"a.jpg\"> <figcaption>Cap “x”</figcaption> </figure>\n\n\
                 <img src=\"data:image/png;base64,iVBO=\" alt=\"\">\n\nSecond.\n";
        assert_eq!(strip_stray(t), "First.\n\nSecond.\n");
    }

    #[test]
    fn element_over_several_lines() {
        let t =
            "<figure>\n<img src=x.png>\n<figcaption>A caption</figcaption>\n</figure>\n\nText.\n";
        assert_eq!(strip_stray(t), "Text.\n");
    }

    #[test]
    fn prose_and_other_tags_stay() {
        let t = "<tweet id=\"1\"><tweet/>.\n<b>Bold</b> words.\n<img src=a.png> and text after.\n\
                 <figure> never closed\nmetadata:image/x,y stays\n";
        assert_eq!(strip_stray(t), t);
    }

    #[test]
    fn data_uris_go_anywhere() {
        assert_eq!(
            strip_data_uris("see ![p](data:image/png;base64,AAA=) now"),
            "see ![p]() now"
        );
        assert_eq!(strip_data_uris("data:text/plain,hi there"), " there");
        assert_eq!(strip_data_uris("data: not a uri"), "data: not a uri");
        assert_eq!(
            strip_data_uris("data:image/png;base64,"),
            "data:image/png;base64,"
        );
    }
}
