//! CSV: the quotes as `attache quotes --format csv` lists them, plus one row
//! per note, highlight and correction, told apart by a first `type` column
//! (`quote`, `note`, `highlight`, `correction`) and with the user's text in a
//! last `note` column. Fields are quoted by the listing's own CSV writer.

use super::{Positions, UserAnnotation, kind_name, section_of, user_annotations};
use crate::format::listing::{csv_field, quote_rows_where};
use crate::model::Document;

/// The header row.
pub const HEADER: &str = "type,start,end,speaker,text,kind,turn,continues,cue,mention,\
mention_start,mention_end,section,note\n";

fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push('\n');
}

/// The quotes and the notes as CSV with a header row.
pub fn to_csv(doc: &Document, user: &[UserAnnotation]) -> String {
    let mut out = Vec::new();
    write_csv(doc, user, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("the rows are UTF-8")
}

/// [`to_csv`]'s text written to `w` a row at a time, as the rows are made
/// (the rows of a large text are never held all at once).
pub fn write_csv(
    doc: &Document,
    user: &[UserAnnotation],
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    w.write_all(HEADER.as_bytes())?;
    let mut out = String::new();
    let flag = |b: bool| if b { "true" } else { "false" };
    for r in quote_rows_where(doc, |_| true) {
        out.clear();
        let (m, ms, me) = match &r.mention {
            Some(m) => (m.text.as_str(), m.start.to_string(), m.end.to_string()),
            None => ("", String::new(), String::new()),
        };
        row(
            &mut out,
            &[
                "quote",
                &r.start.to_string(),
                &r.end.to_string(),
                r.speaker.as_deref().unwrap_or(""),
                &r.text,
                &kind_name(r.kind),
                flag(r.turn),
                flag(r.continues),
                r.cue.as_deref().unwrap_or(""),
                m,
                &ms,
                &me,
                r.section.as_deref().unwrap_or(""),
                "",
            ],
        );
        w.write_all(out.as_bytes())?;
    }
    out.clear();
    let pos = Positions::new(&doc.text);
    for u in user_annotations(doc, user) {
        let (s, e) = pos.chars(u.span);
        row(
            &mut out,
            &[
                u.kind.name(),
                &s.to_string(),
                &e.to_string(),
                "",
                doc.slice(u.span),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                section_of(doc, u.span.start).unwrap_or(""),
                &u.text,
            ],
        );
    }
    w.write_all(out.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests_support::{fixture, fixture_notes};

    #[test]
    fn quotes_then_notes_with_a_type_column() {
        let doc = fixture();
        let out = to_csv(&doc, &fixture_notes(&doc));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], HEADER.trim_end());
        let quotes = doc.quotes().count();
        assert_eq!(lines.len(), 1 + quotes + 2);
        assert!(lines[1].starts_with("quote,"), "{}", lines[1]);
        assert!(lines[1].contains(",Lena Várkonyi,"), "{}", lines[1]);
        let note = lines[quotes + 1];
        assert!(note.starts_with("note,"), "{note}");
        assert!(note.ends_with(",Check the date."), "{note}");
        assert!(lines[quotes + 2].starts_with("highlight,"));
        let columns = HEADER.split(',').count();
        for l in &lines[1..] {
            // No field of the fixture holds a comma except quoted text.
            let unquoted: String = l.split('"').step_by(2).collect();
            assert_eq!(unquoted.matches(',').count() + 1, columns, "{l}");
        }
    }
}
