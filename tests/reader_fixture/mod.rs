//! A hand-built annotated document for the reader's tests: quotes with
//! speakers, sections, entities, topics, a note, wide characters and a stray
//! escape sequence. The sentences are written for these tests.
#![allow(dead_code)]

use attache::app::keymap::Keymap;
use attache::app::{Settings, State};
use attache::model::*;
use attache::theme::Styles;

const TEXT: &str = "Talks on the Harbour Accord

Source: Test Wire
March 3, 2025

Opening remarks

\u{201c}We came here to listen, not to lecture,\u{201d} the envoy Maria Lindqvist said on Monday in Oslo.

Officials from the Nordic Council said the talks would continue. \u{201c}Fishing quotas remain the hardest question,\u{201d} Lindqvist added.

A delegate wrote \u{548c}\u{5e73} on the whiteboard and pasted \u{1b}[31m by mistake.

Questions from the press

QUESTION: Will sanctions be lifted before the summer?

MS. LINDQVIST: Not before we see real progress. The sanctions stay until then.

QUESTION: What about the port of Troms\u{f8}?

MR. OKAFOR: The port matters to everyone; we will talk about it next week.";

fn find(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in fixture"));
    Span::new(start, start + needle.len())
}

fn find_after(text: &str, after: &str, needle: &str) -> Span {
    let from = find(text, after).end;
    let start = from + text[from..].find(needle).expect("needle after");
    Span::new(start, start + needle.len())
}

fn speaker(id: u32, name: &str, role: &str, kind: SpeakerKind) -> Speaker {
    Speaker {
        id: SpeakerId(id),
        name: name.into(),
        role: Some(role.into()),
        aliases: vec![],
        kind,
    }
}

fn quote(span: Span, sp: u32, turn: bool) -> Annotation {
    Annotation {
        span,
        body: AnnotationBody::Quote(Quote {
            speaker: Some(SpeakerId(sp)),
            turn,
            ..Quote::default()
        }),
    }
}

fn entity(span: Span, kind: EntityKind) -> Annotation {
    Annotation {
        span,
        body: AnnotationBody::Entity(Entity {
            kind,
            speaker: None,
        }),
    }
}

fn topic(span: Span, t: u32) -> Annotation {
    Annotation {
        span,
        body: AnnotationBody::Topic(TopicTag { topic: TopicId(t) }),
    }
}

/// The fixture document (valid).
pub fn document() -> Document {
    let t = TEXT;
    let para = |s: &str| {
        let sp = find(t, s);
        let line_end = t[sp.start..].find('\n').map_or(t.len(), |i| sp.start + i);
        Span::new(sp.start, line_end)
    };
    let block = |kind, s: &str| Block {
        kind,
        span: para(s),
    };
    let blocks = vec![
        block(BlockKind::Title, "Talks on"),
        block(BlockKind::Meta, "Source:"),
        block(BlockKind::Meta, "March 3"),
        block(BlockKind::Heading, "Opening remarks"),
        block(BlockKind::Paragraph, "\u{201c}We came"),
        block(BlockKind::Paragraph, "Officials from"),
        block(BlockKind::Paragraph, "A delegate"),
        block(BlockKind::Heading, "Questions from"),
        block(BlockKind::Turn, "QUESTION: Will"),
        block(BlockKind::Turn, "MS. LINDQVIST"),
        block(BlockKind::Turn, "QUESTION: What"),
        block(BlockKind::Turn, "MR. OKAFOR"),
    ];
    let open = find(t, "Opening remarks").start;
    let qs = find(t, "Questions from").start;
    let sections = vec![
        Section {
            title: None,
            heading: None,
            span: Span::new(0, blocks[2].span.end),
        },
        Section {
            title: Some("Opening remarks".into()),
            heading: Some(blocks[3].span),
            span: Span::new(open, blocks[6].span.end),
        },
        Section {
            title: Some("Questions from the press".into()),
            heading: Some(blocks[7].span),
            span: Span::new(qs, t.len()),
        },
    ];
    let speakers = vec![
        speaker(
            0,
            "Maria Lindqvist",
            "Special Envoy for the Arctic",
            SpeakerKind::Person,
        ),
        speaker(1, "Question", "reporters", SpeakerKind::Group),
        speaker(
            2,
            "David Okafor",
            "Port Authority spokesman",
            SpeakerKind::Person,
        ),
    ];
    let topics = vec![
        Topic {
            id: TopicId(0),
            key: "sanctions".into(),
            name: "Sanctions".into(),
        },
        Topic {
            id: TopicId(1),
            key: "fisheries".into(),
            name: "Fisheries".into(),
        },
        Topic {
            id: TopicId(2),
            key: "ports".into(),
            name: "Ports and shipping".into(),
        },
    ];
    let q1 = find(t, "We came here to listen, not to lecture,");
    let q2 = find(t, "Fishing quotas remain the hardest question,");
    let t1 = Span::new(find(t, "Will sanctions").start, para("QUESTION: Will").end);
    let t2 = Span::new(find(t, "Not before").start, para("MS. LINDQVIST").end);
    let t3 = Span::new(find(t, "What about").start, para("QUESTION: What").end);
    let t4 = Span::new(find(t, "The port matters").start, para("MR. OKAFOR").end);
    let mut annotations = vec![
        quote(q1, 0, false),
        quote(q2, 0, false),
        quote(t1, 1, true),
        quote(t2, 0, true),
        quote(t3, 1, true),
        quote(t4, 2, true),
        entity(find(t, "Maria Lindqvist"), EntityKind::Person),
        entity(find(t, "Oslo"), EntityKind::Place),
        entity(find(t, "Nordic Council"), EntityKind::Organisation),
        entity(find_after(t, "Nordic", "Lindqvist"), EntityKind::Person),
        entity(find(t, "Troms\u{f8}"), EntityKind::Place),
        topic(para("Officials from"), 1),
        topic(q2, 1),
        topic(t1, 0),
        topic(t2, 0),
        topic(t3, 2),
        topic(t4, 2),
        Annotation {
            span: q1,
            body: AnnotationBody::Note(Note {
                text: "Check the date of this remark.".into(),
            }),
        },
    ];
    annotations.sort_by_key(|a| a.order_key());
    let doc = Document {
        meta: Meta {
            title: Some("Talks on the Harbour Accord".into()),
            source: Some("Test Wire".into()),
            date: Some("March 3, 2025".into()),
            place: None,
            genre: Genre::Transcript,
        },
        text: t.to_string(),
        blocks,
        sections,
        speakers,
        topics,
        annotations,
    };
    doc.validate().expect("fixture is valid");
    doc
}

/// A long document: the fixture's body repeated `n` times (annotations shifted).
pub fn repeated(n: usize) -> Document {
    let one = document();
    let mut doc = one.clone();
    doc.text.clear();
    doc.blocks.clear();
    doc.sections.clear();
    doc.annotations.clear();
    for i in 0..n {
        let off = doc.text.len();
        if i > 0 {
            doc.text.push_str("\n\n");
        }
        let off = if i > 0 { off + 2 } else { off };
        doc.text.push_str(&one.text);
        let sh = |s: Span| Span::new(s.start + off, s.end + off);
        doc.blocks.extend(one.blocks.iter().map(|b| Block {
            kind: b.kind,
            span: sh(b.span),
        }));
        doc.sections.extend(one.sections.iter().map(|s| Section {
            title: s.title.clone(),
            heading: s.heading.map(sh),
            span: sh(s.span),
        }));
        doc.annotations
            .extend(one.annotations.iter().map(|a| Annotation {
                span: sh(a.span),
                body: a.body.clone(),
            }));
    }
    doc
}

/// Settings with the default width and every layer on.
pub fn settings() -> Settings {
    Settings::default()
}

/// A reader state on the fixture at `cols`×`rows`.
pub fn state(cols: u16, rows: u16) -> State {
    State::new(document(), settings(), Keymap::default(), cols, rows)
}

/// Styles spelled out here, so snapshots depend neither on the environment
/// nor on the theme module's defaults.
pub fn styles() -> Styles {
    use ratatui::style::{Color, Modifier, Style};
    let m = |m: Modifier| Style::new().add_modifier(m);
    let mut s = Styles::fallback();
    s.base = Style::new();
    s.speakers = [Color::Blue, Color::Yellow, Color::Green, Color::Magenta]
        .into_iter()
        .map(|c| Style::new().fg(c))
        .collect();
    s.unknown_speaker = m(Modifier::ITALIC);
    s.selected_quote = m(Modifier::BOLD | Modifier::UNDERLINED);
    s.dimmed = m(Modifier::DIM);
    s.person = m(Modifier::BOLD);
    s.place = m(Modifier::UNDERLINED);
    s.organisation = m(Modifier::ITALIC);
    s.topic = Style::new().fg(Color::DarkGray);
    s.heading = m(Modifier::BOLD | Modifier::UNDERLINED);
    s.title = m(Modifier::BOLD);
    s.meta = Style::new().fg(Color::DarkGray);
    s.search = m(Modifier::REVERSED);
    s.search_current = m(Modifier::REVERSED | Modifier::BOLD);
    s.panel = Style::new();
    s.panel_selected = m(Modifier::REVERSED);
    s.panel_border = Style::new().fg(Color::DarkGray);
    s.status = m(Modifier::REVERSED);
    s.popup = Style::new();
    s.control = Style::new().fg(Color::Red).add_modifier(Modifier::REVERSED);
    s
}

/// The fixture drawn at `cols`×`rows` after `keys`, as `attache render` prints it.
pub fn frame(cols: u16, rows: u16, keys: &str) -> String {
    let keys = attache::ui::parse_key_script(keys).expect("keys parse");
    attache::ui::render_to_string(
        document(),
        settings(),
        Keymap::default(),
        &styles(),
        (cols, rows),
        &keys,
        false,
    )
}
