//! W3C Web Annotation JSON-LD: one annotation per quote (reported
//! statements included) and per note, highlight or correction, in an
//! `AnnotationCollection`. Each target carries a `TextQuoteSelector` (exact
//! words with some context) and a `TextPositionSelector` in code points, so a
//! tool can find the passage again even in a copy of the text.

use serde_json::{Value, json};

use super::{
    Positions, TopicIndex, UserAnnotation, UserKind, kind_name, section_of, speaker_of,
    user_annotations,
};
use crate::model::{Document, Span};

/// The JSON-LD context of the Web Annotation model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// An IRI-safe form of a name: letters, digits and `._-` kept, the rest
/// percent-encoded by byte.
fn iri_part(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The target of an annotation: the source and both selectors.
fn target(pos: &Positions, text: &str, source: &str, span: Span) -> Value {
    let (start, end) = pos.chars(span);
    let (prefix, suffix) = pos.context(span);
    json!({
        "source": source,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": span.slice(text),
                "prefix": prefix,
                "suffix": suffix,
            },
            { "type": "TextPositionSelector", "start": start, "end": end },
        ],
    })
}

fn body(value: &str, purpose: &str) -> Value {
    json!({
        "type": "TextualBody",
        "value": value,
        "purpose": purpose,
        "format": "text/plain",
    })
}

/// The document as a W3C `AnnotationCollection` (pretty JSON, final newline).
/// `name` names the document (a file name, `stdin`, `sample`); it makes the
/// annotation ids and, when the document has no source of its own, the
/// target's source.
pub fn to_w3c(doc: &Document, user: &[UserAnnotation], name: &str) -> String {
    let mut out = Vec::new();
    write_w3c(doc, user, name, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// [`to_w3c`]'s text written to `w` as it is made: one annotation at a time
/// is built and written, so a large document's collection is never held
/// whole (as JSON values it is many times the text's size).
pub fn write_w3c(
    doc: &Document,
    user: &[UserAnnotation],
    name: &str,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let base = format!("urn:attache:{}", iri_part(name));
    let source = doc.meta.source.clone().unwrap_or_else(|| name.to_string());
    let pos = Positions::new(&doc.text);
    let topics = TopicIndex::new(doc);
    let quotes = doc.quotes().enumerate().map(|(n, (span, q))| {
        let mut bodies = Vec::new();
        if let Some((name, role)) = speaker_of(doc, q.speaker) {
            bodies.push(body(name, "identifying"));
            if let Some(role) = role {
                bodies.push(body(role, "describing"));
            }
        }
        bodies.push(body(&kind_name(q.kind), "classifying"));
        for t in topics.of(span) {
            bodies.push(body(t, "tagging"));
        }
        let mut a = json!({
            "@context": CONTEXT,
            "id": format!("{base}#quote-{}", n + 1),
            "type": "Annotation",
            "motivation": "identifying",
            "body": bodies,
            "target": target(&pos, &doc.text, &source, span),
        });
        if let Some(section) = section_of(doc, span.start) {
            a["attache:section"] = json!(section);
        }
        if let Some(cue) = q.cue {
            a["attache:cue"] = json!(doc.slice(cue));
        }
        a
    });
    let user = user_annotations(doc, user);
    let total = doc.quotes().count() + user.len();
    let notes = user.into_iter().map(|u| {
        let (motivation, purpose) = match u.kind {
            UserKind::Note => ("commenting", "commenting"),
            UserKind::Highlight => ("highlighting", "commenting"),
            UserKind::Correction => ("editing", "editing"),
        };
        let mut a = json!({
            "@context": CONTEXT,
            "id": format!("{base}#{}", iri_part(&u.id)),
            "type": "Annotation",
            "motivation": motivation,
            "target": target(&pos, &doc.text, &source, u.span),
        });
        if !u.text.is_empty() {
            a["body"] = json!([body(&u.text, purpose)]);
        }
        a
    });
    // The collection with its items left empty; they are written in their
    // place (`first.items`) as they are made.
    let collection = json!({
        "@context": CONTEXT,
        "id": format!("{base}#annotations"),
        "type": "AnnotationCollection",
        "label": doc.meta.title.clone().unwrap_or_else(|| name.to_string()),
        "total": total,
        "first": {
            "id": format!("{base}#page-1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [],
        },
    });
    let items = std::cell::Cell::new(Some(quotes.chain(notes)));
    let filled = Filled {
        value: &collection,
        path: &["first", "items"],
        items: &items,
        len: total,
    };
    crate::format::json::to_writer_pretty_escaped(&mut *w, &filled)?;
    w.write_all(b"\n")
}

/// A JSON value written as it is, except the array at `path`, whose
/// elements come from `items` as they are written (once).
struct Filled<'a, I> {
    value: &'a Value,
    path: &'a [&'a str],
    items: &'a std::cell::Cell<Option<I>>,
    len: usize,
}

impl<I: Iterator<Item = Value>> serde::Serialize for Filled<'_, I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        let Some((key, rest)) = self.path.split_first() else {
            let mut seq = s.serialize_seq(Some(self.len))?;
            for item in self.items.take().into_iter().flatten() {
                seq.serialize_element(&item)?;
            }
            return seq.end();
        };
        let Value::Object(map) = self.value else {
            return self.value.serialize(s);
        };
        // Entries in the map's own order, as the value itself writes them.
        let mut m = s.serialize_map(Some(map.len()))?;
        for (k, v) in map {
            if k == key {
                let inner = Filled {
                    value: v,
                    path: rest,
                    items: self.items,
                    len: self.len,
                };
                m.serialize_entry(k, &inner)?;
            } else {
                m.serialize_entry(k, v)?;
            }
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests_support::{fixture, fixture_notes};

    fn items(out: &str) -> Vec<Value> {
        let v: Value = serde_json::from_str(out).expect("valid JSON");
        assert_eq!(v["type"], "AnnotationCollection");
        v["first"]["items"].as_array().expect("items").clone()
    }

    #[test]
    fn every_annotation_has_the_required_fields() {
        let doc = fixture();
        let out = to_w3c(&doc, &fixture_notes(&doc), "fixture.txt");
        let items = items(&out);
        assert_eq!(items.len(), doc.quotes().count() + 2);
        let mut ids = std::collections::HashSet::new();
        for a in &items {
            assert_eq!(a["@context"], CONTEXT);
            assert_eq!(a["type"], "Annotation");
            let id = a["id"].as_str().expect("id");
            assert!(id.starts_with("urn:attache:fixture.txt#"), "{id}");
            assert!(ids.insert(id.to_string()), "duplicate id {id}");
            let sel = a["target"]["selector"].as_array().expect("selectors");
            assert_eq!(sel[0]["type"], "TextQuoteSelector");
            assert!(sel[0]["exact"].is_string());
            assert!(sel[0]["prefix"].is_string() && sel[0]["suffix"].is_string());
            assert_eq!(sel[1]["type"], "TextPositionSelector");
        }
        let quote = &items[0];
        assert_eq!(quote["body"][0]["purpose"], "identifying");
        assert_eq!(quote["body"][0]["value"], "Lena Várkonyi");
        let tagged = items
            .iter()
            .flat_map(|a| a["body"].as_array().cloned().unwrap_or_default())
            .any(|b| b["purpose"] == "tagging");
        assert!(tagged, "some quote has a topic");
        let note = &items[items.len() - 2];
        assert_eq!(note["motivation"], "commenting");
        assert_eq!(note["body"][0]["purpose"], "commenting");
        assert_eq!(note["body"][0]["value"], "Check the date.");
    }

    #[test]
    fn selectors_point_at_their_exact_text_in_code_points() {
        let doc = fixture();
        let chars: Vec<char> = doc.text.chars().collect();
        let out = to_w3c(&doc, &fixture_notes(&doc), "f");
        for a in items(&out) {
            let sel = &a["target"]["selector"];
            let exact = sel[0]["exact"].as_str().expect("exact");
            let start = sel[1]["start"].as_u64().expect("start") as usize;
            let end = sel[1]["end"].as_u64().expect("end") as usize;
            let covered: String = chars[start..end].iter().collect();
            assert_eq!(covered, exact);
            let prefix = sel[0]["prefix"].as_str().expect("prefix");
            let before: String = chars[..start].iter().collect();
            assert!(before.ends_with(prefix));
            let suffix = sel[0]["suffix"].as_str().expect("suffix");
            let after: String = chars[end..].iter().collect();
            assert!(after.starts_with(suffix));
        }
    }

    #[test]
    fn the_streamed_collection_is_written_as_its_whole_value_would_be() {
        let doc = fixture();
        for user in [Vec::new(), fixture_notes(&doc)] {
            let out = to_w3c(&doc, &user, "fixture.txt");
            let whole: Value = serde_json::from_str(&out).expect("valid JSON");
            let again = crate::format::json::to_string_pretty_escaped(&whole).expect("serialises");
            assert_eq!(out, again + "\n");
            assert_eq!(
                whole["total"],
                whole["first"]["items"].as_array().unwrap().len()
            );
        }
    }

    #[test]
    fn ids_are_iri_safe() {
        assert_eq!(iri_part("a b/é.txt"), "a%20b%2F%C3%A9.txt");
    }
}
