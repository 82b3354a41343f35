//! The versioned JSON document format, `"format": "attache/1"`.
//!
//! A document is written as one object: `{"format": "attache/1", "offsets":
//! "utf8-bytes", "meta": …, "text": …, "blocks": …, "sections": …, "speakers": …,
//! "topics": …, "annotations": …}`. Spans are UTF-8 byte offsets into `text`;
//! loading checks every invariant, so a document that loads is a valid one.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::Document;

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

#[derive(Deserialize)]
struct Owned {
    #[serde(default)]
    offsets: Option<String>,
    #[serde(flatten)]
    document: Document,
}

/// Serialise a document as pretty-printed `attache/1` JSON (with a final newline).
pub fn to_json(doc: &Document) -> String {
    let env = Envelope {
        format: FORMAT,
        offsets: OFFSETS,
        document: doc,
    };
    let mut s = serde_json::to_string_pretty(&env).expect("a document always serialises");
    s.push('\n');
    s
}

/// True when `src` looks like a JSON document rather than plain text.
pub fn looks_like_json(src: &str) -> bool {
    src.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// Parse and validate an `attache/1` document; `origin` names the file in errors.
pub fn from_json(src: &str, origin: &str) -> Result<Document> {
    let header: Header = serde_json::from_str(src).map_err(|e| {
        Error::input(format!(
            "{origin}: line {}, column {}: not valid JSON: {e}",
            e.line(),
            e.column()
        ))
    })?;
    match header.format {
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(Error::input(format!(
                "{origin}: unknown format {other} (this attache reads \"{FORMAT}\")"
            )));
        }
        None => {
            return Err(Error::input(format!(
                "{origin}: no \"format\" field: not an attache document (expected \"format\": \"{FORMAT}\")"
            )));
        }
    }
    let owned: Owned = serde_json::from_str(src).map_err(|e| {
        Error::input(format!(
            "{origin}: line {}, column {}: {e}",
            e.line(),
            e.column()
        ))
    })?;
    if let Some(o) = owned.offsets.as_deref()
        && o != OFFSETS
    {
        return Err(Error::input(format!(
            "{origin}: unknown offsets \"{o}\" (this attache reads \"{OFFSETS}\")"
        )));
    }
    let doc = owned.document;
    doc.validate()
        .map_err(|e| Error::input(format!("{origin}: {e}")))?;
    Ok(doc)
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
}
