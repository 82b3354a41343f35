//! Headings and sections: short unpunctuated lines between paragraphs, and the
//! sections they open.
//!
//! A heading is judged on its own (short, capitalised, not closed like a
//! sentence) and against its neighbours (a finished paragraph before it, a
//! longer paragraph after it); each heading starts a section. A Markdown
//! heading (`## Terms`: one to six `#`, a space, the text) is a heading
//! wherever it stands, and its section is named without the marks.

use super::Draft;
use super::lines::{
    ends_closed, first_char, is_list_item, starts_with_label, starts_with_quote_mark, word_count,
};
use crate::model::{Block, BlockKind, Section, Span};

/// Mark the headings among the paragraphs of the body `[body_start, body_end)`.
pub(super) fn mark_headings(d: &mut Draft, body_start: usize, body_end: usize) {
    for i in body_start..body_end {
        if d.single[i]
            && d.kinds[i] == BlockKind::Paragraph
            && markdown_heading(d.slice(i)).is_some()
        {
            d.kinds[i] = BlockKind::Heading;
        }
    }
    let n = d.spans.len();
    let candidate: Vec<bool> = (0..n)
        .map(|i| {
            i >= body_start
                && i < body_end
                && d.single[i]
                && d.kinds[i] == BlockKind::Paragraph
                && heading_like(d.slice(i), d.chars[i])
        })
        .collect();
    let chars = &d.chars;
    for i in body_start..body_end {
        if !candidate[i] {
            continue;
        }
        // Followed by a paragraph that is not itself a candidate.
        let next_ok = i + 1 < body_end
            && !candidate[i + 1]
            && matches!(d.kinds[i + 1], BlockKind::Paragraph)
            && first_char(d.slice(i + 1)).is_some_and(|c| !c.is_lowercase());
        // Preceded by the header or a finished paragraph.
        let prev_ok = i == body_start
            || matches!(d.kinds[i - 1], BlockKind::Title | BlockKind::Meta)
            || ends_closed(d.slice(i - 1));
        // In a file with one paragraph per line a heading must stand out from
        // its neighbours by length.
        // In a hard-wrapped file a heading is well short of the wrap width.
        let short = d.width.is_none_or(|w| chars[i] * 4 <= w * 3);
        if next_ok && prev_ok && short && chars[i + 1] >= chars[i] {
            d.kinds[i] = BlockKind::Heading;
        }
    }
}

/// The text of a Markdown heading line (`## Terms` → `Terms`): one to six
/// `#`, a space or tab, then text; closing `#`s are dropped. `None` for any
/// other line (`#hashtag`, `####### x`, a lone `#`).
pub fn markdown_heading(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches('#');
    let marks = line.len() - rest.len();
    if !(1..=6).contains(&marks) || !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim();
    let bare = text.trim_end_matches('#');
    // Closing marks count only after a space ("# C#" keeps its sharp).
    let text = if bare.ends_with([' ', '\t']) || bare.is_empty() {
        bare.trim_end()
    } else {
        text
    };
    (!text.is_empty()).then_some(text)
}

/// A short line that may be a heading, judged on its own.
fn heading_like(s: &str, chars: usize) -> bool {
    if !(2..=100).contains(&chars) || !s.chars().any(crate::annotate::is_alpha) {
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

/// Sections over the body blocks `[start, end)`: an untitled lead, then one per heading.
pub(super) fn sections(text: &str, blocks: &[Block], start: usize, end: usize) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut i = start;
    while i < end {
        let (title, heading) = if blocks[i].kind == BlockKind::Heading {
            let line = blocks[i].span.slice(text);
            let name = markdown_heading(line).unwrap_or(line);
            (Some(name.to_string()), Some(blocks[i].span))
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
    use super::super::segment;
    use super::markdown_heading;
    use crate::model::BlockKind;

    #[test]
    fn markdown_heading_lines() {
        assert_eq!(markdown_heading("# Title"), Some("Title"));
        assert_eq!(markdown_heading("###### Six  ##"), Some("Six"));
        assert_eq!(markdown_heading("## Learning C#"), Some("Learning C#"));
        assert_eq!(markdown_heading("##\tTabbed"), Some("Tabbed"));
        for no in ["#hashtag", "####### Seven", "#", "# ", "## ##", "Not # one"] {
            assert_eq!(markdown_heading(no), None, "{no:?}");
        }
    }

    #[test]
    fn markdown_headings_open_sections_wherever_they_stand() {
        // Neither heading would pass the plain-text test: one ends with a
        // question mark, the other is followed by a shorter line.
        let text = "# Notes on talks\n\nThe talks went on all day and into the night.\n\n\
                    ## What next?\n\nMore talks.\n\n## Terms of the deal\n\nShort.\n";
        let s = segment(text);
        let names: Vec<_> = s.sections.iter().map(|x| x.title.as_deref()).collect();
        assert_eq!(
            names,
            [None, Some("What next?"), Some("Terms of the deal")],
            "{:?}",
            s.blocks
        );
        assert_eq!(s.meta.title.as_deref(), Some("# Notes on talks"));
        let headings = s.blocks.iter().filter(|b| b.kind == BlockKind::Heading);
        assert_eq!(headings.count(), 2);
    }
}
