//! Readable reports of a document: Markdown and standalone HTML. Both give
//! the title and what is known of the source, then the quotes grouped by
//! speaker (with the speaker's role, and each quote's kind and section), then
//! the notes. The HTML page has its CSS inline, no scripts and no outside
//! resources, colours each speaker as the theme does ([`Palette`], plain
//! data: this layer knows no theme), and escapes every text it shows.

use std::fmt::Write as _;
use std::io::{self, Write};

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

/// The quotes grouped by speaker, speakers in the order of their first
/// quote, unattributed quotes last. Kept compact, as a large text has
/// millions of quotes: each quote is the index (`u32`) of its annotation in
/// [`Document::annotations`], the groups lie one after the other in
/// `members`, and `groups[g]` is a speaker (none: the unattributed ones)
/// with where its quotes end in `members`.
struct Groups {
    groups: Vec<(Option<SpeakerId>, usize)>,
    members: Vec<u32>,
}

impl Groups {
    /// Group `doc`'s quotes in two passes: count each speaker's quotes (in
    /// the order of their first), then place every quote in its group.
    fn new(doc: &Document) -> Groups {
        const NONE: u32 = u32::MAX;
        // The group of each speaker id, once it has a quote.
        let mut slot: Vec<u32> = vec![NONE; doc.speakers.len()];
        let mut counts: Vec<(Option<SpeakerId>, usize)> = Vec::new();
        let mut unattributed = 0;
        let known = |q: &Quote| q.speaker.filter(|&id| doc.speaker(id).is_some());
        for (_, q) in doc.quotes() {
            match known(q) {
                None => unattributed += 1,
                Some(id) => {
                    let s = &mut slot[id.index()];
                    if *s == NONE {
                        *s = counts.len() as u32;
                        counts.push((Some(id), 0));
                    }
                    counts[*s as usize].1 += 1;
                }
            }
        }
        if unattributed > 0 {
            counts.push((None, unattributed));
        }
        // Where the next quote of each group goes, then where each group ends.
        let mut next: Vec<usize> = Vec::with_capacity(counts.len());
        let mut at = 0;
        for (_, n) in &counts {
            next.push(at);
            at += n;
        }
        let mut members = vec![0u32; at];
        let last = counts.len().wrapping_sub(1);
        for (i, a) in doc.annotations.iter().enumerate() {
            let Some(q) = a.as_quote() else { continue };
            let g = known(q).map_or(last, |id| slot[id.index()] as usize);
            // A text is at most 1 GiB, so its annotations are counted in u32.
            members[next[g]] = i as u32;
            next[g] += 1;
        }
        let groups = counts
            .iter()
            .zip(next)
            .map(|(&(s, _), end)| (s, end))
            .collect();
        Groups { groups, members }
    }

    /// Each group: its speaker and its quotes.
    fn iter<'d>(
        &'d self,
        doc: &'d Document,
    ) -> impl Iterator<
        Item = (
            Option<SpeakerId>,
            usize,
            impl Iterator<Item = (Span, &'d Quote)>,
        ),
    > + 'd {
        let mut from = 0;
        self.groups.iter().map(move |&(speaker, end)| {
            let quotes = self.members[from..end].iter().filter_map(|&i| {
                let a = doc.annotations.get(i as usize)?;
                Some((a.span, a.as_quote()?))
            });
            let n = end - from;
            from = end;
            (speaker, n, quotes)
        })
    }

    fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// The facts under a quote: kind, cue, section, topics.
pub(super) fn facts(doc: &Document, topics: &TopicIndex, span: Span, q: &Quote) -> Vec<String> {
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

pub(super) fn title(doc: &Document, name: &str) -> String {
    doc.meta.title.clone().unwrap_or_else(|| name.to_string())
}

pub(super) fn meta_lines(doc: &Document) -> Vec<(&'static str, String)> {
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

fn speaker_heading(doc: &Document, speaker: Option<SpeakerId>) -> (String, Option<String>) {
    match speaker_of(doc, speaker) {
        Some((name, role)) => (name.to_string(), role.map(str::to_string)),
        None => ("Unattributed".to_string(), None),
    }
}

/// Markdown special characters escaped so that text reads as it is.
pub(super) fn md_escape(s: &str) -> String {
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

/// The document as a Markdown report (see [`write_markdown`]).
pub fn to_markdown(doc: &Document, user: &[UserAnnotation], name: &str) -> String {
    in_memory(|w| write_markdown(doc, user, name, w))
}

/// The text a writer made, in memory (for the tests and small documents).
fn in_memory(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and every piece written is UTF-8.
    let _ = write(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`to_markdown`]'s text written to `w` as it is made (give it a buffered
/// writer): a large text's report is never held whole.
pub fn write_markdown(
    doc: &Document,
    user: &[UserAnnotation],
    name: &str,
    w: &mut dyn Write,
) -> io::Result<()> {
    writeln!(w, "# {}\n", md_escape(&title(doc, name)))?;
    for (k, v) in meta_lines(doc) {
        writeln!(w, "- **{k}:** {}", md_escape(&v))?;
    }
    let gs = Groups::new(doc);
    let topics = TopicIndex::new(doc);
    writeln!(w, "\n## Quotes by speaker\n")?;
    if gs.is_empty() {
        w.write_all(b"No quotes.\n\n")?;
    }
    for (speaker, n, quotes) in gs.iter(doc) {
        let (who, role) = speaker_heading(doc, speaker);
        write!(w, "### {}", md_escape(&who))?;
        if let Some(r) = role {
            write!(w, " — {}", md_escape(&r))?;
        }
        writeln!(w, " ({})\n", quotes_count(n))?;
        for (span, q) in quotes {
            for line in doc.slice(span).lines() {
                writeln!(w, "> {}", md_escape(line))?;
            }
            writeln!(
                w,
                ">\n> *{}*\n",
                md_escape(&facts(doc, &topics, span, q).join(" · "))
            )?;
        }
    }
    let notes = user_annotations(doc, user);
    writeln!(w, "## Notes\n")?;
    if notes.is_empty() {
        w.write_all(b"No notes.\n")?;
    }
    for u in &notes {
        write!(
            w,
            "- **{}** on “{}”",
            u.kind.name(),
            md_escape(&one_line(doc.slice(u.span)))
        )?;
        if !u.text.is_empty() {
            write!(w, ": {}", md_escape(&one_line(&u.text)))?;
        }
        w.write_all(b"\n")?;
    }
    Ok(())
}

pub(super) fn one_line(s: &str) -> String {
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

pub(super) fn css(p: &Palette, speakers: usize) -> String {
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

/// The document as a standalone HTML page (see [`write_html`]).
pub fn to_html(doc: &Document, user: &[UserAnnotation], name: &str, palette: &Palette) -> String {
    in_memory(|w| write_html(doc, user, name, palette, w))
}

/// [`to_html`]'s page written to `w` as it is made (give it a buffered
/// writer): a large text's report is never held whole.
pub fn write_html(
    doc: &Document,
    user: &[UserAnnotation],
    name: &str,
    palette: &Palette,
    w: &mut dyn Write,
) -> io::Result<()> {
    let t = html_escape(&title(doc, name));
    write!(
        w,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"attache\">\n<title>{t}</title>\n<style>\n{}</style>\n\
         </head>\n<body>\n<h1>{t}</h1>\n<ul class=\"meta\">\n",
        css(palette, doc.speakers.len())
    )?;
    for (k, v) in meta_lines(doc) {
        writeln!(w, "<li>{k}: {}</li>", html_escape(&v))?;
    }
    w.write_all(b"</ul>\n<h2>Quotes by speaker</h2>\n")?;
    let gs = Groups::new(doc);
    let topics = TopicIndex::new(doc);
    if gs.is_empty() {
        w.write_all(b"<p>No quotes.</p>\n")?;
    }
    for (speaker, n, quotes) in gs.iter(doc) {
        let (who, role) = speaker_heading(doc, speaker);
        let class = speaker.map_or_else(|| "unknown".to_string(), |id| format!("s{}", id.index()));
        write!(w, "<section class=\"{class}\">\n<h3>{}", html_escape(&who))?;
        if let Some(r) = role {
            write!(w, " <span class=\"role\">— {}</span>", html_escape(&r))?;
        }
        writeln!(w, " ({})</h3>", quotes_count(n))?;
        for (span, q) in quotes {
            writeln!(
                w,
                "<blockquote class=\"{class}\"><p>{}</p>\n<div class=\"facts\">{}</div></blockquote>",
                html_escape(doc.slice(span)),
                html_escape(&facts(doc, &topics, span, q).join(" · "))
            )?;
        }
        w.write_all(b"</section>\n")?;
    }
    html_notes(doc, user, w)?;
    w.write_all(b"</body>\n</html>\n")
}

/// The notes of an HTML report.
fn html_notes(doc: &Document, user: &[UserAnnotation], w: &mut dyn Write) -> io::Result<()> {
    let notes = user_annotations(doc, user);
    w.write_all(b"<h2>Notes</h2>\n")?;
    if notes.is_empty() {
        return w.write_all(b"<p>No notes.</p>\n");
    }
    w.write_all(b"<ul class=\"notes\">\n")?;
    for u in &notes {
        write!(
            w,
            "<li><strong>{}</strong> on “{}”",
            u.kind.name(),
            html_escape(&one_line(doc.slice(u.span)))
        )?;
        if !u.text.is_empty() {
            write!(w, ": {}", html_escape(&u.text))?;
        }
        w.write_all(b"</li>\n")?;
    }
    w.write_all(b"</ul>\n")
}

/// "1 quote", "2 quotes".
pub(super) fn quotes_count(n: usize) -> String {
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
