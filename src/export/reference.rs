//! The exporters as they were before they wrote their output as it is made
//! (each built its whole text in memory): kept as the reference the
//! streaming writers must match byte for byte, on documents of our own words
//! with several speakers, unattributed quotes, shared cues, quotes over line
//! breaks and notes of both kinds.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::brat::{ANNOTATION_CONF, BratFiles, with_marks};
use super::report::{
    Palette, css, facts, html_escape, md_escape, meta_lines, one_line, quotes_count, title,
};
use super::{
    Positions, TopicIndex, UserAnnotation, UserKind, is_attribution, kind_name, speaker_of,
    user_annotations,
};
use crate::model::{Document, Quote, Span, SpeakerId};

struct Group<'a> {
    speaker: Option<SpeakerId>,
    quotes: Vec<(Span, &'a Quote)>,
}

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

fn speaker_heading(doc: &Document, g: &Group) -> (String, Option<String>) {
    match speaker_of(doc, g.speaker) {
        Some((name, role)) => (name.to_string(), role.map(str::to_string)),
        None => ("Unattributed".to_string(), None),
    }
}

fn to_markdown(doc: &Document, user: &[UserAnnotation], name: &str) -> String {
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

fn to_html(doc: &Document, user: &[UserAnnotation], name: &str, palette: &Palette) -> String {
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

struct Ann<'a> {
    text: &'a str,
    pos: Positions<'a>,
    out: String,
    next_t: usize,
    next_e: usize,
    next_note: usize,
    seen: HashMap<(&'static str, Span), String>,
}

fn brat_line(s: &str) -> String {
    s.split(['\n', '\r', '\t']).collect::<Vec<_>>().join(" ")
}

impl Ann<'_> {
    fn pieces(&self, span: Span) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = span.start;
        for (i, _) in span.slice(self.text).match_indices('\n') {
            out.push(Span::new(start, span.start + i));
            start = span.start + i + 1;
        }
        out.push(Span::new(start, span.end));
        out.retain(|p| !p.slice(self.text).trim().is_empty());
        out
    }

    fn tb(&mut self, label: &'static str, span: Span, shared: bool) -> Option<String> {
        if shared && let Some(id) = self.seen.get(&(label, span)) {
            return Some(id.clone());
        }
        let pieces = self.pieces(span);
        if pieces.is_empty() {
            return None;
        }
        let offsets: Vec<String> = pieces
            .iter()
            .map(|&p| {
                let (s, e) = self.pos.chars(p);
                format!("{s} {e}")
            })
            .collect();
        let words: Vec<&str> = pieces.iter().map(|p| p.slice(self.text)).collect();
        let id = format!("T{}", self.next_t);
        self.next_t += 1;
        let _ = writeln!(
            self.out,
            "{id}\t{label} {}\t{}",
            offsets.join(";"),
            brat_line(&words.join(" "))
        );
        if shared {
            self.seen.insert((label, span), id.clone());
        }
        Some(id)
    }

    fn note(&mut self, id: &str, text: &str) {
        let _ = writeln!(
            self.out,
            "#{}\tAnnotatorNotes {id}\t{}",
            self.next_note,
            brat_line(text)
        );
        self.next_note += 1;
    }
}

fn to_brat(doc: &Document, user: &[UserAnnotation]) -> BratFiles {
    let mut a = Ann {
        text: &doc.text,
        pos: Positions::new(&doc.text),
        out: String::new(),
        next_t: 1,
        next_e: 1,
        next_note: 1,
        seen: HashMap::new(),
    };
    let folded = doc.partials_in_reported();
    for ((span, q), folded) in doc.quotes().zip(folded) {
        if !is_attribution(q.kind) || folded {
            continue;
        }
        let Some(content) = a.tb("Content", with_marks(&doc.text, span), false) else {
            continue;
        };
        let cue = q.cue.and_then(|c| a.tb("Cue", c, true));
        let source = q.mention.and_then(|m| a.tb("Source", m, true));
        let trigger_label = if source.is_some() {
            "Attribution"
        } else {
            "Attribution-no-source"
        };
        let trigger_span = q.cue.or(q.mention).unwrap_or(span);
        let trigger = a
            .tb(trigger_label, trigger_span, false)
            .unwrap_or(content.clone());
        let eid = format!("E{}", a.next_e);
        a.next_e += 1;
        let mut line = format!("{eid}\t{trigger_label}:{trigger} Content:{content}");
        if let Some(c) = cue {
            line.push_str(&format!(" Cue:{c}"));
        }
        if let Some(s) = source {
            line.push_str(&format!(" Source:{s}"));
        }
        a.out.push_str(&line);
        a.out.push('\n');
        let mut about = match speaker_of(doc, q.speaker) {
            Some((name, Some(role))) => format!("speaker: {name}, {role}"),
            Some((name, None)) => format!("speaker: {name}"),
            None => "speaker: unknown".to_string(),
        };
        about.push_str(&format!("; kind: {}", kind_name(q.kind)));
        if q.turn {
            about.push_str("; turn");
        }
        a.note(&eid, &about);
    }
    for u in user_annotations(doc, user) {
        let label = match u.kind {
            UserKind::Note => "Note",
            UserKind::Highlight => "Highlight",
            UserKind::Correction => "Correction",
        };
        if let Some(id) = a.tb(label, u.span, false)
            && !u.text.is_empty()
        {
            a.note(&id, &u.text);
        }
    }
    BratFiles {
        txt: doc.text.clone(),
        ann: a.out,
        conf: ANNOTATION_CONF.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{TEXT, fixture, fixture_notes};
    use super::super::{brat, report};
    use super::*;
    use crate::model::{Annotation, AnnotationBody, Note, QuoteKind};

    /// Our own text: two speakers whose quotes alternate, a quote split by
    /// its cue (one cue for both pieces), a quote over a line break that
    /// continues in the next paragraph, reported speech, a scare-quoted
    /// term, a quote nobody is named for, and markup to escape.
    const MORE: &str = "Ferry service to the islands is cut\n\n\
        “We cannot sail in this weather,” Captain Ilse Marr said on Monday, \
        “and we will not try.”\n\n\
        The mayor, Joaquín Ortega, said the town would pay for extra buses.\n\n\
        “The buses start tomorrow,” Ortega told the council. “Tickets cost\n\
        nothing for <pupils> & their teachers.\n\n\
        “The depot opens at six.”\n\n\
        Marr added that the harbour was “no place for a small boat” today.\n\n\
        “It is the worst storm in years,” Marr said.\n\n\
        “Nobody told us,” one passenger complained.\n\n\
        A “rescue plan” was printed in the paper.\n";

    /// Documents to compare on: the exporters' fixture, the text above with
    /// notes in its own note layer and from the user, and a document with no
    /// quotes at all.
    fn documents() -> Vec<(Document, Vec<UserAnnotation>)> {
        let first = fixture();
        let notes = fixture_notes(&first);
        let mut more = crate::annotate::annotate(MORE, &crate::annotate::Options::default());
        let at = |doc: &Document, s: &str| {
            let i = doc.text.find(s).expect("word of the text");
            Span::new(i, i + s.len())
        };
        more.annotations.push(Annotation {
            span: at(&more, "extra buses"),
            body: AnnotationBody::Note(Note {
                text: "How many?\tAsk the *depot*.".into(),
            }),
        });
        more.sort_annotations();
        let user = vec![
            UserAnnotation {
                id: "c1".into(),
                span: at(&more, "worst storm"),
                kind: UserKind::Correction,
                text: "speaker: Ilse Marr".into(),
            },
            UserAnnotation {
                id: "h1".into(),
                span: at(&more, "Tickets cost\nnothing"),
                kind: UserKind::Highlight,
                text: String::new(),
            },
        ];
        let mut unnamed = crate::annotate::annotate(TEXT, &crate::annotate::Options::default());
        // A speaker id with no speaker is written as unattributed.
        for a in &mut unnamed.annotations {
            if let AnnotationBody::Quote(q) = &mut a.body
                && q.kind == QuoteKind::Direct
            {
                q.speaker = Some(SpeakerId(99));
            }
        }
        let plain = crate::annotate::annotate(
            "No quotations here.\n\nOnly two plain paragraphs.\n",
            &crate::annotate::Options::default(),
        );
        vec![
            (first, notes),
            (more, user),
            (unnamed, Vec::new()),
            (plain, Vec::new()),
        ]
    }

    #[test]
    fn the_documents_exercise_groups_shared_cues_and_notes() {
        let docs = documents();
        let more = &docs[1].0;
        let speakers: std::collections::HashSet<_> =
            more.quotes().filter_map(|(_, q)| q.speaker).collect();
        assert!(speakers.len() >= 2, "two speakers at least");
        assert!(more.quotes().any(|(_, q)| q.speaker.is_none()));
        let cues: Vec<Span> = more.quotes().filter_map(|(_, q)| q.cue).collect();
        let shared = cues.iter().enumerate().any(|(i, c)| cues[..i].contains(c));
        assert!(shared, "one cue for two pieces of a split quote");
        assert!(docs[3].0.quotes().next().is_none());
    }

    #[test]
    fn markdown_and_html_written_as_made_equal_the_reports_built_whole() {
        let palette = Palette::default();
        for (doc, user) in documents() {
            assert_eq!(
                report::to_markdown(&doc, &user, "a.txt"),
                to_markdown(&doc, &user, "a.txt")
            );
            let mut md = Vec::new();
            report::write_markdown(&doc, &user, "a.txt", &mut md).expect("memory");
            assert_eq!(md, to_markdown(&doc, &user, "a.txt").into_bytes());
            assert_eq!(
                report::to_html(&doc, &user, "a.txt", &palette),
                to_html(&doc, &user, "a.txt", &palette)
            );
        }
    }

    #[test]
    fn brat_written_as_made_equals_the_files_built_whole() {
        for (doc, user) in documents() {
            let old = to_brat(&doc, &user);
            assert_eq!(brat::to_brat(&doc, &user), old);
            let mut ann = Vec::new();
            brat::write_ann(&doc, &user, &mut ann).expect("memory");
            assert_eq!(String::from_utf8(ann).expect("UTF-8"), old.ann);
        }
    }

    /// A writer that fails after some bytes: the error comes back, no panic.
    struct Full(usize);

    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 < buf.len() {
                return Err(std::io::Error::other("disk full"));
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failing_writer_is_an_error() {
        let (doc, user) = documents().swap_remove(1);
        let p = Palette::default();
        assert!(report::write_markdown(&doc, &user, "a", &mut Full(200)).is_err());
        assert!(report::write_html(&doc, &user, "a", &p, &mut Full(200)).is_err());
        assert!(brat::write_ann(&doc, &user, &mut Full(200)).is_err());
    }
}
