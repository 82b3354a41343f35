//! brat standoff (`.ann`) files, as PolNeAR writes them: text-bound
//! annotations (`T1\tContent 0 14;15 20\twords`) and events
//! (`E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2`). It sits here, below
//! both `eval` (which scores against such gold) and the reader (which shows
//! it as a layer beside the annotator's, `attache FILE --gold FILE.ann`), so
//! that both read the files the same way, with the same messages.
//!
//! Offsets in a `.ann` are Unicode code points; [`gold_layer`] checks every
//! span it uses against the text (inside it, start before end) and turns it
//! into byte offsets, naming the file and line of any span that does not fit.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Span;

/// A text-bound annotation: a label and its pieces in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBound {
    /// `Content`, `Source`, `Cue`, `Attribution` …
    pub label: String,
    /// `(start, end)` pieces in code points, as written.
    pub spans: Vec<(usize, usize)>,
    /// The 1-based line of the file.
    pub line: usize,
}

/// An event: its id and its `ROLE:ID` arguments (the trigger first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// `E3`.
    pub id: String,
    /// `(role, id)` pairs in the order written; the first is the trigger.
    pub roles: Vec<(String, String)>,
    /// The 1-based line of the file.
    pub line: usize,
}

/// A parsed `.ann` file (other kinds of line are skipped).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ann {
    /// Text-bound annotations by id.
    pub text_bounds: HashMap<String, TextBound>,
    /// Events in file order.
    pub events: Vec<Event>,
}

/// Parse a brat `.ann` file: text-bound annotations and events. `path` only
/// names the file in errors.
pub fn parse(src: &str, path: &Path) -> Result<Ann> {
    let mut ann = Ann::default();
    let shown = crate::model::text::visible_path(path);
    let bad = |n: usize, why: &str| Error::input(format!("{shown}: line {n}: {why}"));
    // An annotation line starts with its id: a letter, digits and a tab. Any
    // other line continues the text of the span before it (brat keeps a
    // span's text verbatim, newlines included) and is skipped, as the
    // reference scorer skips it.
    let id_of = |line: &str, kind: char| {
        line.strip_prefix(kind)
            .and_then(|r| r.split_once('\t'))
            .is_some_and(|(num, _)| !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()))
    };
    for (n, line) in src.lines().enumerate() {
        let n = n + 1;
        if id_of(line, 'T') {
            let mut parts = line.splitn(3, '\t');
            let tid = parts.next().unwrap_or("");
            let mid = parts.next().ok_or_else(|| {
                bad(
                    n,
                    "text-bound annotation without a tab-separated type and offsets",
                )
            })?;
            let (label, rest) = mid
                .split_once(' ')
                .ok_or_else(|| bad(n, "text-bound annotation without offsets"))?;
            let mut spans = Vec::new();
            for piece in rest.split(';') {
                let nums: Vec<&str> = piece.split_whitespace().collect();
                let parse = |s: &str| {
                    s.parse::<usize>()
                        .map_err(|_| bad(n, &format!("offset `{s}` is not a number")))
                };
                if nums.len() != 2 {
                    return Err(bad(n, &format!("offsets `{piece}` are not `start end`")));
                }
                spans.push((parse(nums[0])?, parse(nums[1])?));
            }
            ann.text_bounds.insert(
                tid.to_string(),
                TextBound {
                    label: label.to_string(),
                    spans,
                    line: n,
                },
            );
        } else if id_of(line, 'E') {
            let (eid, args) = line
                .split_once('\t')
                .ok_or_else(|| bad(n, "event without a tab after its id"))?;
            let mut roles = Vec::new();
            for a in args.split_whitespace() {
                let (r, t) = a
                    .split_once(':')
                    .ok_or_else(|| bad(n, &format!("event argument `{a}` is not ROLE:ID")))?;
                roles.push((r.to_string(), t.to_string()));
            }
            ann.events.push(Event {
                id: eid.to_string(),
                roles,
                line: n,
            });
        }
    }
    Ok(ann)
}

/// One gold attribution as the reader shows it: its content and source in
/// bytes of the document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldQuote {
    /// The event's id (`E3`).
    pub id: String,
    /// The content's pieces, in text order.
    pub content: Vec<Span>,
    /// The source's pieces (the words that name the speaker), in text order.
    pub source: Vec<Span>,
}

/// The gold attributions of a `.ann` over `text` (the document's text), in
/// text order. Every span an event uses must lie inside the text with its
/// start before its end; the error names the file and the line.
pub fn gold_layer(text: &str, src: &str, path: &Path) -> Result<Vec<GoldQuote>> {
    let ann = parse(src, path)?;
    // Byte offset of every code point, and of the end.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.len());
    let chars = bytes.len() - 1;
    let shown = crate::model::text::visible_path(path);
    let mut out = Vec::new();
    for e in &ann.events {
        let mut q = GoldQuote {
            id: e.id.clone(),
            content: Vec::new(),
            source: Vec::new(),
        };
        for (role, tid) in e.roles.iter().skip(1) {
            let Some(tb) = ann.text_bounds.get(tid) else {
                return Err(Error::input(format!(
                    "{shown}: line {}: event {} names {tid}, which the file does not define",
                    e.line, e.id
                )));
            };
            let into = if role.starts_with("Content") {
                &mut q.content
            } else if role.starts_with("Source") {
                &mut q.source
            } else {
                continue;
            };
            for &(s, end) in &tb.spans {
                if s > end || end > chars {
                    return Err(Error::input(format!(
                        "{shown}: line {}: span {s} {end} lies outside the text ({chars} characters)",
                        tb.line
                    )));
                }
                if s < end {
                    into.push(Span::new(bytes[s], bytes[end]));
                }
            }
        }
        q.content.sort_by_key(|s| (s.start, s.end));
        q.source.sort_by_key(|s| (s.start, s.end));
        if !q.content.is_empty() {
            out.push(q);
        }
    }
    out.sort_by_key(|q| q.content[0].start);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "“Ça ira,” dit Zoë Lind. Then more.";

    #[test]
    fn gold_spans_become_bytes() {
        let ann = "T1\tContent 0 9\t“Ça ira,”\nT2\tSource 14 22\tZoë Lind\n\
                   T3\tAttribution 10 13\tdit\nE1\tAttribution:T3 Content:T1 Source:T2\n";
        let g = gold_layer(TEXT, ann, Path::new("g.ann")).expect("parses");
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].content[0].slice(TEXT), "“Ça ira,”");
        assert_eq!(g[0].source[0].slice(TEXT), "Zoë Lind");
    }

    #[test]
    fn a_span_outside_the_text_names_file_and_line() {
        let ann =
            "T1\tContent 0 9\tx\nT2\tSource 30 99\tx\nE1\tAttribution:T1 Content:T1 Source:T2\n";
        let e = gold_layer(TEXT, ann, Path::new("g.ann")).unwrap_err();
        assert!(
            e.message.contains("g.ann: line 2: span 30 99"),
            "{}",
            e.message
        );
        let ann = "T1\tContent 5 2\tx\nE1\tAttribution:T1 Content:T1\n";
        assert!(gold_layer(TEXT, ann, Path::new("g.ann")).is_err());
        let ann = "E1\tAttribution:T1 Content:T9\n";
        let e = gold_layer(TEXT, ann, Path::new("g.ann")).unwrap_err();
        assert!(
            e.message.contains("line 1: event E1 names T9"),
            "{}",
            e.message
        );
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let e = parse("T1\tContent x 4\tabc\n", Path::new("a.ann")).unwrap_err();
        assert!(e.message.contains("a.ann: line 1"), "{}", e.message);
    }
}
