//! Listings printed by the command line: quotes (text, JSON, CSV), speakers, outline,
//! and the plain annotated text shown when output is not a terminal.

use std::io::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::outline::{self, first_words};
use crate::model::{
    BlockKind, CharIndex, Document, Quote, QuoteKind, Span, SpeakerId, SpeakerKind, quote_marks,
};

/// A span's text with code-point offsets (W3C TextPositionSelector counting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextPosition {
    /// The covered text.
    pub text: String,
    /// Offset of the first code point.
    pub start: usize,
    /// Offset one past the last code point.
    pub end: usize,
}

/// One quote as the `quotes` listing reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteRow {
    /// The words without their marks.
    pub text: String,
    /// Code-point offset of the first quoted character.
    pub start: usize,
    /// Code-point offset one past the last quoted character.
    pub end: usize,
    /// The speaker's display name.
    pub speaker: Option<String>,
    /// The attributing words.
    pub mention: Option<TextPosition>,
    /// The speech verb.
    pub cue: Option<String>,
    /// direct, partial or term.
    pub kind: QuoteKind,
    /// Whether the quote continues the previous one.
    pub continues: bool,
    /// True for a transcript turn.
    pub turn: bool,
    /// The section's title.
    pub section: Option<String>,
}

/// The quotes of a document in reading order, as listing rows.
pub fn quote_rows(doc: &Document) -> Vec<QuoteRow> {
    quote_rows_where(doc, |_| true).collect()
}

/// The rows of the quotes `keep` picks, in reading order, made one at a
/// time as they are asked for (a listing of a large text is written as it
/// is made, never held whole).
pub fn quote_rows_where<'a>(
    doc: &'a Document,
    keep: impl Fn(&Quote) -> bool + 'a,
) -> impl Iterator<Item = QuoteRow> + 'a {
    let idx = CharIndex::new(&doc.text);
    doc.quotes()
        .filter(move |(_, q)| keep(q))
        .map(move |(span, q)| quote_row(doc, &idx, span, q))
}

/// One quote's row.
fn quote_row(doc: &Document, idx: &CharIndex, span: Span, q: &Quote) -> QuoteRow {
    let pos = |s: Span| TextPosition {
        text: doc.slice(s).to_string(),
        start: idx.char_offset(&doc.text, s.start),
        end: idx.char_offset(&doc.text, s.end),
    };
    let p = pos(span);
    QuoteRow {
        text: p.text,
        start: p.start,
        end: p.end,
        speaker: q
            .speaker
            .and_then(|id| doc.speaker(id))
            .map(|s| s.name.clone()),
        mention: q.mention.map(pos),
        cue: q.cue.map(|c| doc.slice(c).to_string()),
        kind: q.kind,
        continues: q.continues,
        turn: q.turn,
        section: doc
            .section_at(span.start)
            .and_then(|i| doc.sections[i].title.clone()),
    }
}

/// The rows as one pretty JSON array (with a final newline).
pub fn quotes_json(rows: &[QuoteRow]) -> String {
    let mut s = super::json::to_string_pretty_escaped(rows).expect("rows always serialise");
    s.push('\n');
    s
}

/// [`quotes_json`]'s text for `rows`, written to `w` row by row as the rows
/// are made.
pub fn write_quotes_json(
    rows: impl Iterator<Item = QuoteRow>,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    /// A sequence serialised from an iterator, once.
    struct Seq<I>(std::cell::Cell<Option<I>>);
    impl<I: Iterator<Item = QuoteRow>> Serialize for Seq<I> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let rows = self.0.take();
            s.collect_seq(rows.into_iter().flatten())
        }
    }
    super::json::to_writer_pretty_escaped(&mut *w, &Seq(std::cell::Cell::new(Some(rows))))?;
    w.write_all(b"\n")
}

pub use crate::model::text::{visible, visible_line};

/// The quote rows as readable text: the speaker and section on one line, the
/// quote indented below, a blank line between quotes.
pub fn quotes_text(rows: &[QuoteRow]) -> String {
    let mut out = String::new();
    for r in rows {
        push_quote_text(&mut out, r);
    }
    out
}

/// [`quotes_text`]'s text for `rows`, written to `w` row by row.
pub fn write_quotes_text(
    rows: impl Iterator<Item = QuoteRow>,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    write_each(rows, w, push_quote_text)
}

/// Each row as `push` puts it, written to `w` before the next is made.
fn write_each(
    rows: impl Iterator<Item = QuoteRow>,
    w: &mut dyn Write,
    push: fn(&mut String, &QuoteRow),
) -> std::io::Result<()> {
    let mut buf = String::new();
    for r in rows {
        buf.clear();
        push(&mut buf, &r);
        w.write_all(buf.as_bytes())?;
    }
    Ok(())
}

/// One quote of [`quotes_text`].
fn push_quote_text(out: &mut String, r: &QuoteRow) {
    let who = r.speaker.as_deref().unwrap_or("(unattributed)");
    out.push_str(&visible_line(who));
    let mut extra = Vec::new();
    if let Some(m) = &r.mention
        && !r.turn
        && !m.text.eq_ignore_ascii_case(who)
    {
        extra.push(format!("“{}”", visible_line(&m.text)));
    }
    if let Some(c) = &r.cue {
        extra.push(visible_line(c).into_owned());
    }
    match r.kind {
        QuoteKind::Partial => extra.push("partial".into()),
        QuoteKind::Term => extra.push("term".into()),
        QuoteKind::Reported => extra.push("reported".into()),
        QuoteKind::Direct => {}
    }
    if !extra.is_empty() {
        out.push_str(&format!(" ({})", extra.join(", ")));
    }
    if let Some(s) = &r.section {
        out.push_str(" · ");
        out.push_str(&visible_line(s));
    }
    out.push('\n');
    // Reported speech is no quotation: it goes without marks.
    let marks = !r.turn && r.kind != QuoteKind::Reported;
    for (i, line) in r.text.lines().enumerate() {
        out.push_str("    ");
        if i == 0 && marks {
            out.push('“');
        }
        out.push_str(&visible(line));
        out.push('\n');
    }
    if marks {
        // Close the quote on its last line.
        if out.ends_with('\n') {
            out.pop();
        }
        out.push_str("”\n");
    }
    out.push('\n');
}

/// Quote a CSV field (RFC 4180) after making control characters visible.
pub fn csv_field(out: &mut String, s: &str) {
    let s = visible(s);
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&s);
    }
}

/// The header row of [`quotes_csv`].
const CSV_HEADER: &str =
    "start,end,speaker,text,kind,turn,continues,cue,mention,mention_start,mention_end,section\n";

/// The quote rows as CSV with a header row (RFC 4180 quoting, CRLF-free).
pub fn quotes_csv(rows: &[QuoteRow]) -> String {
    let mut out = String::from(CSV_HEADER);
    for r in rows {
        push_quote_csv(&mut out, r);
    }
    out
}

/// [`quotes_csv`]'s text for `rows`, written to `w` row by row.
pub fn write_quotes_csv(
    rows: impl Iterator<Item = QuoteRow>,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    w.write_all(CSV_HEADER.as_bytes())?;
    write_each(rows, w, push_quote_csv)
}

/// One row of [`quotes_csv`].
fn push_quote_csv(out: &mut String, r: &QuoteRow) {
    let kind = match r.kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Term => "term",
        QuoteKind::Reported => "reported",
    };
    let (m, ms, me) = match &r.mention {
        Some(m) => (m.text.as_str(), m.start.to_string(), m.end.to_string()),
        None => ("", String::new(), String::new()),
    };
    let fields: [&str; 12] = [
        &r.start.to_string(),
        &r.end.to_string(),
        r.speaker.as_deref().unwrap_or(""),
        &r.text,
        kind,
        if r.turn { "true" } else { "false" },
        if r.continues { "true" } else { "false" },
        r.cue.as_deref().unwrap_or(""),
        m,
        &ms,
        &me,
        r.section.as_deref().unwrap_or(""),
    ];
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push('\n');
}

/// Number of quotes per speaker (reported speech left out), indexed like
/// [`Document::speakers`].
pub fn quote_counts(doc: &Document) -> Vec<usize> {
    counts_where(doc, |k| k != QuoteKind::Reported)
}

/// Number of reported statements per speaker, indexed like [`Document::speakers`].
pub fn reported_counts(doc: &Document) -> Vec<usize> {
    counts_where(doc, |k| k == QuoteKind::Reported)
}

fn counts_where(doc: &Document, keep: impl Fn(QuoteKind) -> bool) -> Vec<usize> {
    let mut counts = vec![0; doc.speakers.len()];
    for (_, q) in doc.quotes().filter(|(_, q)| keep(q.kind)) {
        if let Some(c) = q.speaker.and_then(|id| counts.get_mut(id.index())) {
            *c += 1;
        }
    }
    counts
}

fn kind_name(k: SpeakerKind) -> &'static str {
    match k {
        SpeakerKind::Person => "person",
        SpeakerKind::Organisation => "organisation",
        SpeakerKind::Country => "country",
        SpeakerKind::Group => "group",
        SpeakerKind::Unknown => "unknown",
    }
}

fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// The speakers as an aligned table: name, role, kind and number of quotes.
pub fn speakers_text(doc: &Document) -> String {
    let counts = quote_counts(doc);
    let reported = reported_counts(doc);
    // The REPORTED column only for a document with reported speech.
    let has_reported = doc.quotes().any(|(_, q)| q.kind == QuoteKind::Reported);
    let names: Vec<String> = doc
        .speakers
        .iter()
        .map(|s| visible_line(&s.name).into_owned())
        .collect();
    let roles: Vec<String> = doc
        .speakers
        .iter()
        .map(|s| visible_line(s.role.as_deref().unwrap_or("")).into_owned())
        .collect();
    let name_w = names.iter().map(|n| n.width()).max().unwrap_or(0).max(4);
    let role_w = roles.iter().map(|n| n.width()).max().unwrap_or(0).max(4);
    let mut out = format!(
        "{}  {}  {:<12}  QUOTES{}\n",
        pad("NAME", name_w),
        pad("ROLE", role_w),
        "KIND",
        if has_reported { "  REPORTED" } else { "" }
    );
    for (i, s) in doc.speakers.iter().enumerate() {
        let mut line = format!(
            "{}  {}  {:<12}  {:>6}",
            pad(&names[i], name_w),
            pad(&roles[i], role_w),
            kind_name(s.kind),
            counts.get(i).copied().unwrap_or(0)
        );
        if has_reported {
            line.push_str(&format!("  {:>8}", reported.get(i).copied().unwrap_or(0)));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let unattributed = |reported: bool| {
        doc.quotes()
            .filter(|(_, q)| q.speaker.is_none() && (q.kind == QuoteKind::Reported) == reported)
            .count()
    };
    let n = unattributed(false);
    if n > 0 {
        let noun = if n == 1 { "quote" } else { "quotes" };
        out.push_str(&format!("({n} {noun} without a speaker)\n"));
    }
    let n = unattributed(true);
    if n > 0 {
        let noun = if n == 1 { "statement" } else { "statements" };
        out.push_str(&format!("({n} reported {noun} without a speaker)\n"));
    }
    out
}

/// The document's outline (see [`outline::outline`]): number, name and
/// quote count of each entry, with its first words, or for an exchange of a
/// transcript, the answers under it.
pub fn outline_text(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(t) = &doc.meta.title {
        out.push_str(&visible_line(t));
        out.push('\n');
    }
    for (label, value) in [
        ("Source", &doc.meta.source),
        ("Date", &doc.meta.date),
        ("Place", &doc.meta.place),
    ] {
        if let Some(v) = value {
            out.push_str(&format!("{label}: {}\n", visible_line(v)));
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    let entries = outline::outline(doc);
    let mut counts = vec![0usize; entries.len()];
    let mut reported = vec![0usize; entries.len()];
    for (span, q) in doc.quotes() {
        if let Some(i) = outline::entry_at(&entries, span.start)
            && entries[i].span.contains(span.start)
        {
            if q.kind == QuoteKind::Reported {
                reported[i] += 1;
            } else {
                counts[i] += 1;
            }
        }
    }
    for (i, e) in entries.iter().enumerate() {
        let n = counts[i];
        let said = match reported[i] {
            0 => String::new(),
            r => format!(", {r} reported"),
        };
        out.push_str(&format!(
            "{:>3}. {}  [{n} quote{}{said}]\n",
            i + 1,
            visible_line(&e.title),
            if n == 1 { "" } else { "s" }
        ));
        if e.exchange {
            for a in &e.answers {
                out.push_str("     ");
                out.push_str(&visible_line(a));
                out.push('\n');
            }
            continue;
        }
        let Some(s) = doc.sections.get(i) else {
            continue;
        };
        // First words of the section's first block after its heading. The
        // blocks are in text order: start at the first one inside the
        // section, stop after it (not a scan of every block per section).
        let from = doc.blocks.partition_point(|b| b.span.start < s.span.start);
        let mut inside = doc.blocks[from..]
            .iter()
            .take_while(|b| b.span.start < s.span.end);
        let body = inside.find(|b| {
            s.span.contains_span(b.span)
                && !b.span.is_empty()
                && Some(b.span) != s.heading
                && !matches!(b.kind, BlockKind::Heading | BlockKind::Boilerplate)
        });
        if let Some(b) = body {
            out.push_str("     ");
            out.push_str(&visible_line(&first_words(doc.slice(b.span), 72)));
            out.push('\n');
        }
    }
    if entries.is_empty() {
        out.push_str("(no sections)\n");
    }
    out
}

/// The byte offset where the speaker marker of a quote goes: before its opening
/// quotation mark when one sits right before the quoted words.
fn marker_at(text: &str, span: Span, block: Span) -> usize {
    let before = &text[block.start..span.start.max(block.start).min(text.len())];
    match before.chars().next_back() {
        Some(c) if quote_marks::is_quote_mark(c) => span.start - c.len_utf8(),
        _ => span.start,
    }
}

/// What a piece of [`plain_pieces`] output is, so that a caller can style it
/// (the reader's `--color always` output on a pipe).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// Ordinary text, blank lines and line ends.
    Text,
    /// The document's title.
    Title,
    /// A header line (source, date, place).
    Meta,
    /// A section heading and its underline.
    Heading,
    /// The `[Name] ` label before a quote, with the quote's speaker.
    Label(Option<SpeakerId>),
    /// Quoted words (from the opening mark), with their speaker.
    Quote(Option<SpeakerId>),
}

/// The annotated text as plain lines for a pipe: a header (title, source,
/// date), section titles underlined, paragraphs, and each quote or turn with
/// its speaker's name in brackets before it. Boilerplate is left out; control
/// characters are made visible.
pub fn plain_text(doc: &Document) -> String {
    let mut out = String::with_capacity(doc.text.len() + doc.text.len() / 8);
    plain_pieces(doc, &mut |_, s| out.push_str(s));
    out
}

/// `text` with every line longer than `width` columns broken at spaces
/// (a word wider than `width` keeps a line of its own), for piped output
/// when a reading width is asked for. The spaces at a break are dropped;
/// every other byte is kept.
pub fn wrap_text(text: &str, width: usize) -> String {
    let width = width.max(1);
    let mut out = String::with_capacity(text.len() + text.len() / width);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        wrap_line(&mut out, line, width);
    }
    out
}

/// One line (no `\n` in it) of [`wrap_text`], pushed onto `out`.
fn wrap_line(out: &mut String, line: &str, width: usize) {
    let width = width.max(1);
    let mut col = 0;
    for (j, word) in line.split(' ').enumerate() {
        let w = word.width();
        if j > 0 {
            if col > 0 && w > 0 && col + 1 + w > width {
                // Drop the spaces before the break too.
                let kept = out.trim_end_matches(' ').len();
                out.truncate(kept);
                out.push('\n');
                col = 0;
            } else {
                out.push(' ');
                col += 1;
            }
        }
        out.push_str(word);
        col += w;
    }
}

/// [`plain_text`], wrapped as [`wrap_text`] wraps it when `width` is given,
/// written to `w` as it is made (a line at a time), never held whole.
pub fn write_plain_text(
    doc: &Document,
    width: Option<usize>,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let mut line = String::new();
    let mut wrapped = String::new();
    let mut failed = None;
    let mut flush = |line: &mut String, end: bool| -> std::io::Result<()> {
        let out = match width {
            Some(width) => {
                wrapped.clear();
                wrap_line(&mut wrapped, line, width);
                &wrapped
            }
            None => &*line,
        };
        w.write_all(out.as_bytes())?;
        if end {
            w.write_all(b"\n")?;
        }
        line.clear();
        Ok(())
    };
    plain_pieces(doc, &mut |_, piece| {
        if failed.is_some() {
            return;
        }
        let mut rest = piece;
        while let Some(at) = rest.find('\n') {
            line.push_str(&rest[..at]);
            rest = &rest[at + 1..];
            if let Err(e) = flush(&mut line, true) {
                failed = Some(e);
                return;
            }
        }
        line.push_str(rest);
    });
    match failed {
        Some(e) => Err(e),
        None => flush(&mut line, false),
    }
}

/// [`plain_text`] as a sequence of pieces, each handed to `emit` with what it
/// is; their concatenation is exactly [`plain_text`].
pub fn plain_pieces(doc: &Document, emit: &mut dyn FnMut(Piece, &str)) {
    let text = doc.text.as_str();
    let mut e = Emitter {
        started: false,
        emit,
    };
    if let Some(t) = &doc.meta.title {
        e.put(Piece::Title, &visible_line(t));
        e.put(Piece::Text, "\n");
    }
    for (label, value) in [
        ("Source", &doc.meta.source),
        ("Date", &doc.meta.date),
        ("Place", &doc.meta.place),
    ] {
        if let Some(v) = value {
            e.put(Piece::Meta, &format!("{label}: {}", visible_line(v)));
            e.put(Piece::Text, "\n");
        }
    }
    if doc.blocks.is_empty() {
        if e.started {
            e.put(Piece::Text, "\n");
        }
        e.put(Piece::Text, &visible(text));
        if !text.ends_with('\n') {
            e.put(Piece::Text, "\n");
        }
        return;
    }
    // Quotes in reading order, with the name to show before each.
    let marks: Vec<(Span, Option<SpeakerId>, Option<&str>, bool)> = doc
        .quotes()
        .filter(|(_, q)| !matches!(q.kind, QuoteKind::Term | QuoteKind::Reported) || q.turn)
        .map(|(s, q)| {
            let name = q
                .speaker
                .and_then(|id| doc.speaker(id))
                .map(|sp| sp.name.as_str());
            (s, q.speaker, name, q.turn)
        })
        .collect();
    let mut quote_open: Option<(usize, Option<SpeakerId>)>;
    let mut qi = 0;
    let mut title_printed = doc.meta.title.is_some();
    for b in &doc.blocks {
        if !b.span.is_valid_in(text) {
            continue;
        }
        match b.kind {
            BlockKind::Boilerplate => {
                while qi < marks.len() && marks[qi].0.start < b.span.end {
                    qi += 1;
                }
                continue;
            }
            BlockKind::Title if title_printed => continue,
            BlockKind::Title => title_printed = true,
            _ => {}
        }
        if e.started {
            e.put(Piece::Text, "\n");
        }
        if b.kind == BlockKind::Heading {
            let h = visible_line(doc.slice(b.span));
            e.put(Piece::Heading, &h);
            e.put(Piece::Text, "\n");
            e.put(Piece::Heading, &"─".repeat(h.width().clamp(1, 80)));
            e.put(Piece::Text, "\n");
            continue;
        }
        // Skip quotes that start before this block.
        while qi < marks.len() && marks[qi].0.start < b.span.start {
            qi += 1;
        }
        quote_open = None;
        let mut pos = b.span.start;
        while qi < marks.len() && marks[qi].0.start < b.span.end {
            let (span, who, name, turn) = marks[qi];
            qi += 1;
            let end = span.end.min(b.span.end);
            if turn && b.kind == BlockKind::Turn && pos == b.span.start {
                // The label is replaced by the resolved speaker name.
                e.put(
                    Piece::Label(who),
                    &format!("[{}] ", visible_line(name.unwrap_or("?"))),
                );
                pos = span.start.max(pos);
                quote_open = Some((end, who));
                continue;
            }
            let at = marker_at(text, span, b.span).max(pos);
            e.run(text, &mut quote_open, pos, at);
            if let Some(n) = name {
                e.put(Piece::Label(who), &format!("[{}] ", visible_line(n)));
            }
            // The closing mark belongs to the quote too.
            let close = text[end..b.span.end]
                .chars()
                .next()
                .filter(|&c| quote_marks::is_quote_mark(c))
                .map_or(end, |c| end + c.len_utf8());
            quote_open = Some((close, who));
            pos = at;
        }
        e.run(text, &mut quote_open, pos, b.span.end);
        e.put(Piece::Text, "\n");
    }
}

/// Hands pieces to the caller, remembering whether anything was emitted.
struct Emitter<'a> {
    started: bool,
    emit: &'a mut dyn FnMut(Piece, &str),
}

impl Emitter<'_> {
    fn put(&mut self, piece: Piece, s: &str) {
        if !s.is_empty() {
            self.started = true;
            (self.emit)(piece, s);
        }
    }

    /// Text from `pos` to `to`: in the colour of the open quote up to the
    /// quote's end (closing it there), plain after.
    fn run(
        &mut self,
        text: &str,
        open: &mut Option<(usize, Option<SpeakerId>)>,
        pos: usize,
        to: usize,
    ) {
        let mut pos = pos;
        if let Some((end, who)) = *open {
            let cut = end.clamp(pos, to);
            self.put(Piece::Quote(who), &visible(&text[pos..cut]));
            pos = cut;
            if end <= to {
                *open = None;
            }
        }
        self.put(Piece::Text, &visible(&text[pos..to]));
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::annotate::{Options, annotate};

    #[test]
    fn visible_replaces_controls_but_keeps_lines() {
        assert_eq!(visible("a\x1b[2Jb\n\tc"), "a␛[2Jb\n\tc");
        assert_eq!(
            visible("bell\x07 del\x7f c1\u{9b}"),
            "bell␇ del␡ c1<U+009B>"
        );
        assert_eq!(visible_line("a\nb\tc\r"), "a b c␍");
        assert_eq!(
            visible("bidi\u{202e}\u{2066} sep\u{2028}"),
            "bidi<U+202E><U+2066> sep<U+2028>"
        );
        assert!(matches!(visible("plain “text”"), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        let mut s = String::new();
        csv_field(&mut s, "plain");
        s.push('|');
        csv_field(&mut s, "a, \"b\"\nc");
        assert_eq!(s, "plain|\"a, \"\"b\"\"\nc\"");
    }

    #[test]
    fn first_words_cuts_at_a_word() {
        assert_eq!(first_words("one two   three", 50), "one two three");
        assert_eq!(first_words("alpha beta gamma delta", 12), "alpha beta…");
    }

    #[test]
    fn plain_text_names_speakers_of_turns() {
        let doc = annotate(
            "Briefing\n\nMS. HARTLEY: Good morning.\n\nQUESTION: Any news \x1b[1m today?\n\nMS. HARTLEY: None.\n",
            &Options::default(),
        );
        let plain = plain_text(&doc);
        assert!(plain.contains("[Hartley] Good morning."), "{plain}");
        assert!(plain.contains("[Question] Any news ␛[1m today?"), "{plain}");
        assert!(!plain.contains("MS. HARTLEY:"), "{plain}");
        assert!(!plain.contains('\x1b'));
    }

    #[test]
    fn streamed_listings_equal_the_whole_ones() {
        let texts = [
            "Talks resume\n\n\u{201c}We are ready,\u{201d} Ana Lind, the envoy, said. \u{201c}Soon.\u{201d}\n\nShe said that the \u{201c}quiet\u{201d} phase was over.\n",
            "Briefing\n\nMS. HARTLEY: Good morning \x1b[1m all.\n\nQUESTION: Any news, \"really\"?\n\nMS. HARTLEY: None.\n",
            "No quotes at all here.\n",
        ];
        for text in texts {
            let doc = annotate(text, &Options::default());
            let rows = quote_rows(&doc);
            let all = || quote_rows_where(&doc, |_| true);
            let streamed = |write: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
                let mut out = Vec::new();
                write(&mut out).unwrap();
                String::from_utf8(out).unwrap()
            };
            assert_eq!(
                streamed(&|w| write_quotes_text(all(), w)),
                quotes_text(&rows)
            );
            assert_eq!(
                streamed(&|w| write_quotes_json(all(), w)),
                quotes_json(&rows)
            );
            assert_eq!(streamed(&|w| write_quotes_csv(all(), w)), quotes_csv(&rows));
            let direct: Vec<QuoteRow> = rows
                .iter()
                .filter(|r| r.kind == QuoteKind::Direct)
                .cloned()
                .collect();
            let picked = || quote_rows_where(&doc, |q| q.kind == QuoteKind::Direct);
            assert_eq!(
                streamed(&|w| write_quotes_json(picked(), w)),
                quotes_json(&direct)
            );
            let plain = plain_text(&doc);
            assert_eq!(streamed(&|w| write_plain_text(&doc, None, w)), plain);
            for width in [10, 16, 72] {
                assert_eq!(
                    streamed(&|w| write_plain_text(&doc, Some(width), w)),
                    wrap_text(&plain, width)
                );
            }
        }
    }

    #[test]
    fn plain_text_puts_the_name_before_the_opening_mark() {
        use crate::model::{Annotation, AnnotationBody, Block, Quote, Section, Speaker, SpeakerId};
        let text = "Lead\n\n\u{201c}Yes,\u{201d} she said.".to_string();
        let para = Span::new(6, text.len());
        let doc = Document {
            blocks: vec![
                Block {
                    kind: BlockKind::Title,
                    span: Span::new(0, 4),
                },
                Block {
                    kind: BlockKind::Paragraph,
                    span: para,
                },
            ],
            sections: vec![Section {
                title: None,
                heading: None,
                span: Span::new(0, text.len()),
            }],
            speakers: vec![Speaker {
                id: SpeakerId(0),
                name: "Ann Lee".into(),
                role: None,
                aliases: vec![],
                kind: SpeakerKind::Person,
            }],
            annotations: vec![Annotation {
                span: Span::new(9, 13),
                body: AnnotationBody::Quote(Quote {
                    speaker: Some(SpeakerId(0)),
                    ..Quote::default()
                }),
            }],
            text,
            ..Document::default()
        };
        doc.validate().unwrap();
        assert_eq!(
            plain_text(&doc),
            "Lead\n\n[Ann Lee] \u{201c}Yes,\u{201d} she said.\n"
        );
        let rows = quote_rows(&doc);
        assert_eq!(quotes_text(&rows), "Ann Lee\n    \u{201c}Yes,\u{201d}\n\n");
    }
}
