//! Readable reports of a document: Markdown and standalone HTML. Both give
//! the title and what is known of the source, then the quotes grouped by
//! speaker (with the speaker's role, and each quote's kind and section), then
//! the notes. The HTML page has its CSS inline, no scripts and no outside
//! resources, colours each speaker as the theme does ([`Palette`], plain
//! data: this layer knows no theme), and escapes every text it shows.

use std::fmt::Write as _;

use super::{TopicIndex, UserAnnotation, kind_name, section_of, speaker_of, user_annotations};
use crate::model::{Document, Quote, Span, SpeakerId};

/// The colours of an HTML report, from the theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    /// Page background.
    pub background: [u8; 3],
    /// Ordinary text.
    pub foreground: [u8; 3],
    /// One colour per speaker, used in turn (never empty).
    pub speakers: Vec<[u8; 3]>,
}

impl Default for Palette {
    /// A light page with the Okabe–Ito colours (colour-blind safe).
    fn default() -> Self {
        Palette {
            background: [0xff, 0xff, 0xff],
            foreground: [0x1a, 0x1a, 0x1a],
            speakers: vec![
                [0x00, 0x72, 0xb2],
                [0xd5, 0x5e, 0x00],
                [0x00, 0x9e, 0x73],
                [0xcc, 0x79, 0xa7],
                [0x56, 0xb4, 0xe9],
                [0xe6, 0x9f, 0x00],
            ],
        }
    }
}

/// One speaker's quotes (none: the unattributed ones).
struct Group<'a> {
    speaker: Option<SpeakerId>,
    quotes: Vec<(Span, &'a Quote)>,
}

/// The quotes grouped by speaker, speakers in the order of their first
/// quote, unattributed quotes last.
fn groups(doc: &Document) -> Vec<Group<'_>> {
    let mut out: Vec<Group> = Vec::new();
    let mut none = Group {
        speaker: None,
        quotes: Vec::new(),
    };
    for (span, q) in doc.quotes() {
        match q.speaker.filter(|&id| doc.speaker(id).is_some()) {
            None => none.quotes.push((span, q)),
            Some(id) => match out.iter_mut().find(|g| g.speaker == Some(id)) {
                Some(g) => g.quotes.push((span, q)),
                None => out.push(Group {
                    speaker: Some(id),
                    quotes: vec![(span, q)],
                }),
            },
        }
    }
    if !none.quotes.is_empty() {
        out.push(none);
    }
    out
}

/// The facts under a quote: kind, cue, section, topics.
fn facts(doc: &Document, topics: &TopicIndex, span: Span, q: &Quote) -> Vec<String> {
    let mut out = vec![kind_name(q.kind)];
    if q.turn {
        out.push("turn".into());
    }
    if let Some(c) = q.cue {
        out.push(format!("cue: {}", doc.slice(c)));
    }
    if let Some(s) = section_of(doc, span.start) {
        out.push(format!("section: {s}"));
    }
    let topics = topics.of(span);
    if !topics.is_empty() {
        out.push(format!("topics: {}", topics.join(", ")));
    }
    out
}

fn title(doc: &Document, name: &str) -> String {
    doc.meta.title.clone().unwrap_or_else(|| name.to_string())
}

fn meta_lines(doc: &Document) -> Vec<(&'static str, String)> {
    let m = &doc.meta;
    let mut out = Vec::new();
    for (k, v) in [
        ("Source", &m.source),
        ("Date", &m.date),
        ("Place", &m.place),
    ] {
        if let Some(v) = v {
            out.push((k, v.clone()));
        }
    }
    out.push(("Genre", format!("{:?}", m.genre).to_lowercase()));
    out
}

fn speaker_heading(doc: &Document, g: &Group) -> (String, Option<String>) {
    match speaker_of(doc, g.speaker) {
        Some((name, role)) => (name.to_string(), role.map(str::to_string)),
        None => ("Unattributed".to_string(), None),
    }
}

/// Markdown special characters escaped so that text reads as it is.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::model::text::visible(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The document as a Markdown report.
pub fn to_markdown(doc: &Document, user: &[UserAnnotation], name: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_escape(&title(doc, name)));
    for (k, v) in meta_lines(doc) {
        let _ = writeln!(out, "- **{k}:** {}", md_escape(&v));
    }
    let gs = groups(doc);
    let topics = TopicIndex::new(doc);
    let _ = writeln!(out, "\n## Quotes by speaker\n");
    if gs.is_empty() {
        out.push_str("No quotes.\n\n");
    }
    for g in &gs {
        let (who, role) = speaker_heading(doc, g);
        let _ = write!(out, "### {}", md_escape(&who));
        if let Some(r) = role {
            let _ = write!(out, " — {}", md_escape(&r));
        }
        let _ = writeln!(out, " ({})\n", quotes_count(g.quotes.len()));
        for &(span, q) in &g.quotes {
            for line in doc.slice(span).lines() {
                let _ = writeln!(out, "> {}", md_escape(line));
            }
            let _ = writeln!(
                out,
                ">\n> *{}*\n",
                md_escape(&facts(doc, &topics, span, q).join(" · "))
            );
        }
    }
    let notes = user_annotations(doc, user);
    let _ = writeln!(out, "## Notes\n");
    if notes.is_empty() {
        out.push_str("No notes.\n");
    }
    for u in &notes {
        let _ = write!(
            out,
            "- **{}** on “{}”",
            u.kind.name(),
            md_escape(&one_line(doc.slice(u.span)))
        );
        if !u.text.is_empty() {
            let _ = write!(out, ": {}", md_escape(&one_line(&u.text)));
        }
        out.push('\n');
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text escaped for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::model::text::visible(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn hex(c: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

fn css(p: &Palette, speakers: usize) -> String {
    let mut s = format!(
        "body{{background:{bg};color:{fg};font:16px/1.5 Georgia,serif;max-width:46em;\
         margin:2em auto;padding:0 1em}}\n\
         h1{{font-size:1.6em;margin-bottom:.2em}}\n\
         h2{{font-size:1.2em;border-bottom:1px solid;margin-top:2em}}\n\
         h3{{font-size:1.05em;margin:1.4em 0 .4em}}\n\
         .meta{{opacity:.75;margin:0;padding:0;list-style:none}}\n\
         .role{{font-weight:normal;opacity:.8}}\n\
         blockquote{{margin:.6em 0;padding:.2em .9em;border-left:4px solid}}\n\
         blockquote p{{margin:.2em 0;white-space:pre-wrap}}\n\
         .facts{{font:13px/1.4 sans-serif;opacity:.75}}\n\
         .unknown{{border-left-style:dashed}}\n\
         .notes li{{margin:.3em 0}}\n",
        bg = hex(p.background),
        fg = hex(p.foreground),
    );
    let n = p.speakers.len().max(1);
    for i in 0..speakers {
        let c = p.speakers.get(i % n).copied().unwrap_or(p.foreground);
        let _ = writeln!(
            s,
            ".s{i} h3,.s{i} .name{{color:{c}}}\n.s{i} blockquote{{border-color:{c}}}",
            c = hex(c)
        );
    }
    s
}

/// The document as a standalone HTML page.
pub fn to_html(doc: &Document, user: &[UserAnnotation], name: &str, palette: &Palette) -> String {
    let t = html_escape(&title(doc, name));
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"attache\">\n<title>{t}</title>\n<style>\n{}</style>\n\
         </head>\n<body>\n<h1>{t}</h1>\n<ul class=\"meta\">\n",
        css(palette, doc.speakers.len())
    );
    for (k, v) in meta_lines(doc) {
        let _ = writeln!(out, "<li>{k}: {}</li>", html_escape(&v));
    }
    out.push_str("</ul>\n<h2>Quotes by speaker</h2>\n");
    let gs = groups(doc);
    let topics = TopicIndex::new(doc);
    if gs.is_empty() {
        out.push_str("<p>No quotes.</p>\n");
    }
    for g in &gs {
        let (who, role) = speaker_heading(doc, g);
        let class = g
            .speaker
            .map_or_else(|| "unknown".to_string(), |id| format!("s{}", id.index()));
        let _ = write!(
            out,
            "<section class=\"{class}\">\n<h3>{}",
            html_escape(&who)
        );
        if let Some(r) = role {
            let _ = write!(out, " <span class=\"role\">— {}</span>", html_escape(&r));
        }
        let _ = writeln!(out, " ({})</h3>", quotes_count(g.quotes.len()));
        for &(span, q) in &g.quotes {
            let _ = writeln!(
                out,
                "<blockquote class=\"{class}\"><p>{}</p>\n<div class=\"facts\">{}</div></blockquote>",
                html_escape(doc.slice(span)),
                html_escape(&facts(doc, &topics, span, q).join(" · "))
            );
        }
        out.push_str("</section>\n");
    }
    let notes = user_annotations(doc, user);
    out.push_str("<h2>Notes</h2>\n");
    if notes.is_empty() {
        out.push_str("<p>No notes.</p>\n");
    } else {
        out.push_str("<ul class=\"notes\">\n");
        for u in &notes {
            let _ = write!(
                out,
                "<li><strong>{}</strong> on “{}”",
                u.kind.name(),
                html_escape(&one_line(doc.slice(u.span)))
            );
            if !u.text.is_empty() {
                let _ = write!(out, ": {}", html_escape(&u.text));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// "1 quote", "2 quotes".
fn quotes_count(n: usize) -> String {
    if n == 1 {
        "1 quote".to_string()
    } else {
        format!("{n} quotes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests_support::{fixture, fixture_notes};

    #[test]
    fn markdown_groups_quotes_by_speaker_with_role_and_notes() {
        let doc = fixture();
        let md = to_markdown(&doc, &fixture_notes(&doc), "f.txt");
        assert!(md.starts_with("# Harbour talks resume in Pécs\n"), "{md}");
        let varga = md
            .find("### Lena Várkonyi — Minister (2 quotes)")
            .expect("group");
        let brandt = md.find("### Tomás Brandt").expect("group");
        assert!(varga < brandt);
        assert!(md.contains("> We are ready to sign the accord on sanctions,"));
        assert!(md.contains("*direct · cue: said"), "{md}");
        assert!(md.contains("- **note** on “Tuesday”: Check the date."));
        assert!(md.contains("- **highlight** on “both sides”\n"));
    }

    #[test]
    fn html_is_standalone_escaped_and_coloured() {
        let mut doc = fixture();
        doc.meta.title = Some("<script>alert(1)</script> & co".into());
        let p = Palette::default();
        let html = to_html(&doc, &fixture_notes(&doc), "f.txt", &p);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.contains("<script"), "no script, even from the text");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assert!(!html.contains("http"), "no outside resource");
        assert!(html.contains(".s0 blockquote{border-color:#0072b2}"));
        assert!(html.contains("<section class=\"s0\">"));
        assert!(html.contains("Check the date."));
        assert_eq!(html.matches("<blockquote").count(), doc.quotes().count());
    }

    #[test]
    fn escapes_cover_markup() {
        assert_eq!(html_escape("a<b>\"c'&"), "a&lt;b&gt;&quot;c&#39;&amp;");
        assert_eq!(md_escape("*a* [b]"), "\\*a\\* \\[b\\]");
    }
}
