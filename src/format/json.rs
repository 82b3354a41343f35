//! The versioned JSON document format, `"format": "attache/1"`.

use crate::error::{Error, Result};
use crate::model::Document;

/// The format tag written into every JSON document.
pub const FORMAT: &str = "attache/1";

/// Serialise a document as `attache/1` JSON.
pub fn to_json(_doc: &Document) -> String {
    todo!("STUB")
}

/// Parse and validate an `attache/1` document; `origin` names the file in errors.
pub fn from_json(_src: &str, _origin: &str) -> Result<Document> {
    Err(Error::input("STUB"))
}
