//! Loading a document from a path, standard input or the bundled sample.
//!
//! It sits below the reader and the command line: every command and the
//! reader open documents the same way, a text annotated on the spot or an
//! `attache/1` JSON document loaded as it was saved, with the same checks
//! (UTF-8, not binary, not empty) and the same messages.
//!
//! Input formats: an HTML page is read as its text ([`html`]); plain text and
//! Markdown lose their stray media lines and `data:` URIs ([`markup`]) and are
//! annotated as they are otherwise (a Markdown `#` heading is a heading).

pub mod html;
pub mod markup;

use crate::annotate::{self, Options};
use crate::error::{Error, Result};
use crate::files::{self, Accept, DOCUMENT_LIMIT};
use crate::format::json;
use crate::model::Document;
use crate::model::text::visible_name;

/// The bundled sample interview.
pub const SAMPLE: &str = include_str!("../assets/zinoviev-interview.txt");

/// Read `path` (`-` for standard input) and annotate it, or load it when it is
/// an `attache/1` JSON document. No path: the bundled sample.
pub fn load(path: Option<&str>, opts: &Options) -> Result<Document> {
    let Some(path) = path else {
        let mut doc = annotate::annotate(SAMPLE, opts);
        doc.meta
            .source
            .get_or_insert_with(|| "zinoviev-interview.txt (bundled sample)".into());
        return Ok(doc);
    };
    let (bytes, origin) = if path == "-" {
        let buf = files::read_capped(std::io::stdin().lock(), DOCUMENT_LIMIT, "a document")
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::FileTooLarge => Error::input(format!("standard input: {e}")),
                _ => Error::runtime(format!("standard input: {e}")),
            })?;
        (buf, "<stdin>".to_string())
    } else {
        let shown = visible_name(path).into_owned();
        let b = files::read_limited(
            std::path::Path::new(path),
            Accept::RegularOrPipe,
            DOCUMENT_LIMIT,
            "a document",
        )
        .map_err(|e| Error::input(format!("{shown}: {e}")))?;
        (b, shown)
    };
    let text = decode_owned(bytes, &origin)?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Error::input(format!(
            "{origin}: the file is empty: nothing to annotate"
        )));
    }
    if json::looks_like_json(&text) && (path.ends_with(".json") || text.contains("\"format\"")) {
        if text.starts_with('\u{feff}') {
            return Err(Error::input(format!(
                "{origin}: line 1, column 1: the JSON starts with a byte-order mark (U+FEFF), \
                 which JSON does not allow; remove it (e.g. sed -i '1s/^\\xEF\\xBB\\xBF//')"
            )));
        }
        return json::from_json(&text, &origin);
    }
    if path.ends_with(".json")
        && let Some(kind) = json_value_kind(&text)
    {
        return Err(Error::input(format!(
            "{origin}: an attache/1 document is a JSON object ({{…}}); this file holds {kind}"
        )));
    }
    let mut doc = annotate_input(path, &text, &origin, opts)?;
    if doc.meta.source.is_none() && path != "-" {
        doc.meta.source = std::path::Path::new(path)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned());
    }
    Ok(doc)
}

/// Annotate a text by its format: an HTML page as the text it shows (its
/// spans then point into that text), Markdown and plain text without their
/// stray markup.
fn annotate_input(path: &str, text: &str, origin: &str, opts: &Options) -> Result<Document> {
    if html::is_html(path, text) {
        let page = html::extract(text);
        if page.text.trim().is_empty() {
            return Err(Error::input(format!(
                "{origin}: an HTML page with no readable text (only markup, scripts or \
                 navigation): nothing to annotate"
            )));
        }
        let mut doc = annotate::annotate(&page.text, opts);
        if doc.meta.title.is_none() {
            doc.meta.title = page.title;
        }
        return Ok(doc);
    }
    let clean = markup::strip_stray(text);
    if clean.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Error::input(format!(
            "{origin}: the file holds only markup: nothing to annotate"
        )));
    }
    let mut doc = annotate::annotate(&clean, opts);
    // A Markdown title line ("# Title") is named without its marks.
    if let Some(t) = doc.meta.title.as_mut()
        && let Some(bare) = crate::annotate::segment::markdown_heading(t)
    {
        *t = bare.to_string();
    }
    Ok(doc)
}

/// Annotation options for a user's topic lexicon (`--topics FILE`: it adds
/// to or replaces the bundled one); none: the bundled topics.
pub fn annotate_options(topics: Option<&std::path::Path>) -> Result<Options> {
    let mut opts = Options::default();
    if let Some(path) = topics {
        opts.topics = Some(crate::annotate::TopicLexicon::with_user_file(path)?);
    }
    Ok(opts)
}

/// What a text that parses as JSON but not as an object holds ("an array",
/// "null", …); `None` when it is not JSON at all (then it is read as text).
fn json_value_kind(text: &str) -> Option<&'static str> {
    let v: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    Some(match v {
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Object(_) => return None,
    })
}

/// Decode bytes as UTF-8 text, or say where and why not (see [`decode_owned`]).
pub fn decode(bytes: &[u8], origin: &str) -> Result<String> {
    decode_owned(bytes.to_vec(), origin)
}

/// Decode bytes as UTF-8 text without copying them, or say where and why not:
/// binary files and UTF-16 text are refused with a message naming `origin`.
pub fn decode_owned(bytes: Vec<u8>, origin: &str) -> Result<String> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Error::input(format!(
            "{origin}: UTF-16 text; convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8)"
        )));
    }
    let head = &bytes[..bytes.len().min(8000)];
    if let Some(at) = head.iter().position(|&b| b == 0) {
        let line = head[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(Error::input(format!(
            "{origin}: line {line} (byte {at}): NUL byte: this looks like a binary file, not text"
        )));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let col = at
                - bytes[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1)
                + 1;
            Err(Error::input(format!(
                "{origin}: line {line}, column {col} (byte {at}): not UTF-8 text (byte 0x{:02x}); \
                 convert it to UTF-8 first (e.g. iconv -f LATIN1 -t UTF-8)",
                bytes[at]
            )))
        }
    }
}
