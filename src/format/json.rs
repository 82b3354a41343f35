//! The versioned JSON document format, `"format": "attache/1"`.
//!
//! A document is written as one object: `{"format": "attache/1", "offsets":
//! "utf8-bytes", "meta": …, "text": …, "blocks": …, "sections": …, "speakers": …,
//! "topics": …, "annotations": …}`. Spans are UTF-8 byte offsets into `text`;
//! loading checks every invariant, so a document that loads is a valid one.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Annotation, Block, Document, Meta, Section, Speaker, Topic};

/// The format tag written into every JSON document.
pub const FORMAT: &str = "attache/1";
/// How spans count, written beside the format tag.
pub const OFFSETS: &str = "utf8-bytes";

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'a str,
    offsets: &'a str,
    #[serde(flatten)]
    document: &'a Document,
}

#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
}

/// A document as read: [`Document`]'s fields spelled out beside `offsets`
/// rather than `#[serde(flatten)]`ed, which would make serde buffer the whole
/// document (text included) before building it.
#[derive(Deserialize)]
struct Owned {
    #[serde(default)]
    format: Option<serde_json::Value>,
    #[serde(default)]
    offsets: Option<String>,
    #[serde(default)]
    meta: Meta,
    text: String,
    #[serde(default)]
    blocks: Vec<Block>,
    #[serde(default)]
    sections: Vec<Section>,
    #[serde(default)]
    speakers: Vec<Speaker>,
    #[serde(default)]
    topics: Vec<Topic>,
    #[serde(default)]
    annotations: Vec<Annotation>,
}

/// Serialise a document as pretty-printed `attache/1` JSON (with a final newline).
pub fn to_json(doc: &Document) -> String {
    let mut buf = Vec::with_capacity(128);
    write_json(doc, &mut buf).expect("a document always serialises");
    // The serializer writes only valid UTF-8: strings as given, escapes as ASCII.
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

/// Write [`to_json`]'s text to `w` as it is made, without building it in
/// memory (on a large text the JSON is several times the text's size).
pub fn write_json(doc: &Document, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let env = Envelope {
        format: FORMAT,
        offsets: OFFSETS,
        document: doc,
    };
    to_writer_pretty_escaped(&mut *w, &env)?;
    w.write_all(b"\n")
}

/// Pretty-print `value` as JSON like `serde_json::to_string_pretty`, but with
/// characters that could fool a reader or a terminal written as `\u` escapes
/// (lowercase hex) rather than raw: DEL, the C1 controls, the bidirectional
/// controls and the line and paragraph separators. serde_json already escapes
/// the C0 controls; the result parses back to the same strings.
pub fn to_string_pretty_escaped<T: Serialize + ?Sized>(
    value: &T,
) -> std::result::Result<String, serde_json::Error> {
    let mut buf = Vec::with_capacity(128);
    to_writer_pretty_escaped(&mut buf, value)?;
    // The serializer writes only valid UTF-8: strings as given, escapes as ASCII.
    Ok(String::from_utf8(buf).expect("serde_json writes UTF-8"))
}

/// [`to_string_pretty_escaped`] written to `w` as it is made.
pub fn to_writer_pretty_escaped<W: std::io::Write, T: Serialize + ?Sized>(
    w: W,
    value: &T,
) -> std::result::Result<(), serde_json::Error> {
    let mut ser = serde_json::Serializer::with_formatter(w, EscapingFormatter::default());
    value.serialize(&mut ser)
}

/// True for a character that JSON output writes as a `\u` escape beyond the
/// C0 controls serde_json escapes itself: the rest of what
/// [`crate::model::text::is_unsafe`] keeps from a terminal (DEL, the C1
/// controls, the bidirectional controls, the line and paragraph separators).
fn json_escaped(c: char) -> bool {
    c >= '\u{7f}' && crate::model::text::is_unsafe(c)
}

/// serde_json's pretty formatter, escaping [`json_escaped`] characters in
/// string fragments (the parts of a string between serde_json's own escapes).
#[derive(Default)]
struct EscapingFormatter(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for EscapingFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        if !fragment.chars().any(json_escaped) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if json_escaped(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// True when `src` looks like a JSON document rather than plain text.
pub fn looks_like_json(src: &str) -> bool {
    src.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// Parse and validate an `attache/1` document; `origin` names the file in errors.
///
/// One pass over the JSON when it is a good document; only when it fails is
/// the `format` field looked at on its own, so that a document of another
/// format is reported as such rather than by the first field it lacks.
pub fn from_json(src: &str, origin: &str) -> Result<Document> {
    let owned: Owned = match serde_json::from_str(src) {
        Ok(owned) => owned,
        Err(e) => {
            let header: Header = serde_json::from_str(src).map_err(|e| {
                Error::input(format!(
                    "{origin}: line {}, column {}: not valid JSON: {e}",
                    e.line(),
                    e.column()
                ))
            })?;
            check_format(header.format, origin)?;
            return Err(Error::input(format!(
                "{origin}: line {}, column {}: {e}",
                e.line(),
                e.column()
            )));
        }
    };
    check_format(owned.format, origin)?;
    if let Some(o) = owned.offsets.as_deref()
        && o != OFFSETS
    {
        return Err(Error::input(format!(
            "{origin}: unknown offsets \"{o}\" (this attache reads \"{OFFSETS}\")"
        )));
    }
    let doc = Document {
        meta: owned.meta,
        text: owned.text,
        blocks: owned.blocks,
        sections: owned.sections,
        speakers: owned.speakers,
        topics: owned.topics,
        annotations: owned.annotations,
    };
    doc.validate()
        .map_err(|e| Error::input(format!("{origin}: {e}")))?;
    Ok(doc)
}

/// The `format` field must say `attache/1`.
fn check_format(format: Option<serde_json::Value>, origin: &str) -> Result<()> {
    match format {
        Some(serde_json::Value::String(f)) if f == FORMAT => Ok(()),
        Some(other) => Err(Error::input(format!(
            "{origin}: unknown format {other} (this attache reads \"{FORMAT}\")"
        ))),
        None => Err(Error::input(format!(
            "{origin}: no \"format\" field: not an attache document (expected \"format\": \"{FORMAT}\")"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Options, annotate};

    #[test]
    fn round_trip_is_unchanged() {
        let doc = annotate(
            "Title\n\n\u{201c}Yes,\u{201d} she said.\n",
            &Options::default(),
        );
        let json = to_json(&doc);
        let back = from_json(&json, "t.json").unwrap();
        assert_eq!(back, doc);
        assert_eq!(to_json(&back), json);
    }

    #[test]
    fn hidden_characters_are_escaped_and_parse_back() {
        let hidden = "a\u{7f}b\u{80}\u{9b}\u{9f}c\u{202a}\u{202e}\u{2066}\u{2069}\u{200e}\u{200f}\u{061c}\u{2028}\u{2029}\u{1b}\"\\d";
        let json = to_string_pretty_escaped(&serde_json::json!({ hidden: [hidden] })).unwrap();
        assert!(json.is_ascii(), "{json}");
        assert!(
            json.contains(r"a\u007fb\u0080\u009b\u009fc\u202a\u202e\u2066\u2069"),
            "{json}"
        );
        assert!(
            json.contains(r#"\u200e\u200f\u061c\u2028\u2029\u001b\"\\d"#),
            "{json}"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back[hidden][0], hidden);

        let doc = annotate(
            &format!("Title\n\nMR. BELL: Noon {hidden} here.\n\nQUESTION: Then?\n"),
            &Options::default(),
        );
        let json = to_json(&doc);
        assert!(
            !json.contains('\u{9b}') && !json.contains('\u{2028}'),
            "{json}"
        );
        assert_eq!(from_json(&json, "t.json").unwrap(), doc);
    }

    #[test]
    fn ordinary_text_is_written_as_serde_json_writes_it() {
        let v = serde_json::json!({"t\u{e9}xt": ["\u{201c}Yes,\u{201d} she said.\n\tOk", 1, null, {}, []], "n": 2.5});
        assert_eq!(
            to_string_pretty_escaped(&v).unwrap(),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }

    #[test]
    fn errors_name_the_file_and_reason() {
        let e = from_json("{", "bad.json").unwrap_err();
        assert!(e.message.starts_with("bad.json: line 1"), "{e}");
        let e = from_json(r#"{"format":"attache/9","text":""}"#, "v.json").unwrap_err();
        assert!(e.message.contains("unknown format"), "{e}");
        let e = from_json(
            r#"{"format":"attache/1","text":"abc","annotations":[{"span":{"start":0,"end":9},"layer":"entity","kind":"place"}]}"#,
            "s.json",
        )
        .unwrap_err();
        assert!(e.message.contains("annotations[0] (entity)"), "{e}");
        assert!(e.message.contains("outside the text"), "{e}");
    }

    #[test]
    fn annotations_are_read_field_by_field_with_clear_errors() {
        let doc =
            |ann: &str| format!(r#"{{"format":"attache/1","text":"abc","annotations":[{ann}]}}"#);
        // Fields in any order; fields of other layers ignored; quote kind defaults.
        let ok = from_json(
            &doc(r#"{"kind":"place","layer":"entity","span":{"start":0,"end":3},"text":"x"}"#),
            "a.json",
        )
        .unwrap();
        assert_eq!(ok.annotations[0].layer(), crate::model::Layer::Entity);
        let q = from_json(
            &doc(r#"{"span":{"start":0,"end":3},"layer":"quote"}"#),
            "q.json",
        )
        .unwrap();
        assert_eq!(
            q.annotations[0].as_quote().unwrap().kind,
            crate::model::QuoteKind::Direct
        );
        for (ann, want) in [
            (
                r#"{"span":{"start":0,"end":3},"layer":"entity"}"#,
                "missing field `kind`",
            ),
            (
                r#"{"span":{"start":0,"end":3},"layer":"quote","kind":"place"}"#,
                "a quote's kind",
            ),
            (
                r#"{"span":{"start":0,"end":3},"layer":"topic"}"#,
                "missing field `topic`",
            ),
            (
                r#"{"span":{"start":0,"end":3},"layer":"shout"}"#,
                "unknown variant `shout`",
            ),
            (r#"{"layer":"note","text":"n"}"#, "missing field `span`"),
        ] {
            let e = from_json(&doc(ann), "e.json").unwrap_err();
            assert!(e.message.starts_with("e.json: line 1, column"), "{e}");
            assert!(e.message.contains(want), "{ann}: {e}");
        }
    }
}
