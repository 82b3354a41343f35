//! The head of a large text file, annotated on its own, so that the reader
//! can draw its first screen at once while the whole text is read and
//! annotated in the background (see `ui::Opening`). Only the first
//! [`HEAD`] bytes are read, so the first screen costs the same whatever the
//! size of the file.
//!
//! The head is a quick look, not the document: its annotation may differ
//! from the whole text's near its end (a speaker named further on, a quote
//! that runs past the cut). The reader swaps in the whole text's annotation
//! when it is ready.

use std::io::Read;

use crate::annotate::{self, Options};
use crate::files::DOCUMENT_LIMIT;
use crate::format::json;
use crate::model::Document;

/// Texts up to this size are annotated whole before the first screen (it
/// takes a few milliseconds); larger ones open on their head.
pub const PROGRESSIVE_MIN: u64 = 256 * 1024;

/// How much of a large text the first screens show, in bytes (cut back to
/// the last paragraph break): several screens, annotated in about a
/// millisecond.
pub const HEAD: usize = 64 * 1024;

/// The annotated head of the text file at `path`, when it is large enough
/// to be opened progressively: a regular file of more than
/// [`PROGRESSIVE_MIN`] bytes that is plain text (not JSON, not HTML, whose
/// reading needs the whole page). `None` otherwise, and whenever anything is
/// odd about the head (unreadable, binary, not UTF-8): the whole load then
/// runs first and reports it as usual.
pub fn preview(path: &str, opts: &Options) -> Option<Document> {
    if path == "-" || path.to_ascii_lowercase().ends_with(".json") {
        return None;
    }
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() <= PROGRESSIVE_MIN || meta.len() > DOCUMENT_LIMIT {
        return None;
    }
    let mut bytes = Vec::with_capacity(HEAD);
    std::fs::File::open(path)
        .ok()?
        .take(HEAD as u64)
        .read_to_end(&mut bytes)
        .ok()?;
    let text = head_text(&bytes)?;
    if json::looks_like_json(text) || super::html::is_html(path, text) {
        return None;
    }
    let clean = super::markup::strip_stray(text);
    let mut doc = annotate::annotate(&clean, opts);
    if let Some(t) = doc.meta.title.as_mut()
        && let Some(bare) = crate::annotate::segment::markdown_heading(t)
    {
        *t = bare.to_string();
    }
    if doc.meta.source.is_none() {
        doc.meta.source = std::path::Path::new(path)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned());
    }
    Some(doc)
}

/// The head as text, cut back to its last paragraph break (or line break):
/// `None` for UTF-16, a NUL byte or bytes that are not UTF-8 (other than a
/// character cut at the end).
fn head_text(bytes: &[u8]) -> Option<&str> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) || bytes.contains(&0) {
        return None;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    let cut = text
        .rfind("\n\n")
        .filter(|&i| i >= text.len() / 4)
        .or_else(|| text.rfind('\n'))?;
    Some(&text[..cut + 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_ends_at_a_paragraph_break() {
        let t = "one two\n\nthree four\n\nfive si";
        assert_eq!(head_text(t.as_bytes()), Some("one two\n\nthree four\n"));
        assert_eq!(head_text(b"no break at all"), None);
        assert_eq!(head_text(b"bin\0ary\n\n"), None);
        // A character cut at the end is dropped, a bad byte elsewhere refuses.
        let mut cut = "a\n\nb\n\n\u{e9}".as_bytes().to_vec();
        cut.pop();
        assert_eq!(head_text(&cut), Some("a\n\nb\n"));
        assert_eq!(head_text(b"a\xff\n\nb\n\nc"), None);
    }
}
