//! What a reader adds to a document: notes, highlights, corrections of the
//! annotator's quotes, marks `a`–`z` and the reading position, kept in a
//! sidecar file beside the document, never in its text.
//!
//! It exists apart from the reader's state so that the reader, the export
//! and the tests share one model: every item is anchored by an
//! [`anchor::Selector`] (W3C-like quote and position selectors) and found
//! again after the text changed ([`anchor::Text::find`]); an item that
//! cannot be found is an orphan, kept and listed, never dropped.
//! [`correct::apply`] puts the corrections on top of the annotator's
//! document; [`store`] reads and writes the sidecar. No terminal code here.

pub mod anchor;
pub mod correct;
pub mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use anchor::{Found, Selector};
pub use correct::Correction;

use crate::model::Span;

/// The sidecar format's name, in its `format` field.
pub const FORMAT: &str = "attache-notes";

/// The sidecar format's version; a newer file is refused, not misread.
pub const VERSION: u32 = 1;

/// Everything a reader added to one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sidecar {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`] when written.
    pub version: u32,
    /// [`text_hash`] of the text the selectors were last made on.
    #[serde(default)]
    pub text_hash: String,
    /// Notes, highlights and corrections.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Ids of deleted items, so that a merge does not bring them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<String>,
    /// Marks `a`–`z`.
    #[serde(default)]
    pub marks: BTreeMap<char, Selector>,
    /// Where the reader was (the text at the reference row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Selector>,
}

impl Default for Sidecar {
    fn default() -> Self {
        Sidecar {
            format: FORMAT.into(),
            version: VERSION,
            text_hash: String::new(),
            items: Vec::new(),
            deleted: Vec::new(),
            marks: BTreeMap::new(),
            position: None,
        }
    }
}

/// One note, highlight or correction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Unique id (time and a random part), the key of a merge.
    pub id: String,
    /// When it was last changed, in milliseconds since 1970: the later wins a merge.
    #[serde(default)]
    pub modified: u64,
    /// The annotated text.
    pub target: Selector,
    /// What the item says.
    pub body: Body,
}

/// What an item says about its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Body {
    /// A remark.
    Note {
        /// The remark's text.
        text: String,
    },
    /// A highlight, without words.
    Highlight,
    /// A correction of the annotator's quotes.
    Correction {
        /// What is corrected.
        correction: Correction,
    },
}

impl Body {
    /// A short name of the item's kind: "note", "highlight", "correction".
    pub fn kind(&self) -> &'static str {
        match self {
            Body::Note { .. } => "note",
            Body::Highlight => "highlight",
            Body::Correction { .. } => "correction",
        }
    }
}

/// An item placed in the current text, or an orphan.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Index into [`Sidecar::items`].
    pub item: usize,
    /// Where it is now and how it was found; `None`: an orphan.
    pub at: Option<(Span, Found)>,
}

impl Sidecar {
    /// Find every item in `text`, in the order of the items.
    pub fn place(&self, text: &anchor::Text<'_>) -> Vec<Placed> {
        self.items
            .iter()
            .enumerate()
            .map(|(item, it)| Placed {
                item,
                at: text.find(&it.target),
            })
            .collect()
    }

    /// Make the selectors of the items that were found point at `text`
    /// (their new position, words and context), so that later edits are
    /// measured from here; orphans keep theirs. Marks and the position
    /// are moved the same way.
    pub fn rebase(&mut self, text: &anchor::Text<'_>) {
        let hash = text_hash(text.as_str());
        if self.text_hash == hash {
            return;
        }
        for it in &mut self.items {
            if let Some((span, _)) = text.find(&it.target) {
                it.target = text.selector(span);
            }
        }
        for sel in self.marks.values_mut().chain(self.position.as_mut()) {
            if let Some((span, _)) = text.find(sel) {
                *sel = text.selector(span);
            }
        }
        self.text_hash = hash;
    }

    /// Add an item, stamped now.
    pub fn add(&mut self, target: Selector, body: Body) -> &Item {
        let modified = now_ms();
        let id = new_id(modified);
        self.items.push(Item {
            id,
            modified,
            target,
            body,
        });
        &self.items[self.items.len() - 1]
    }

    /// Delete the item with this id (remembered, so a merge keeps it deleted).
    pub fn remove(&mut self, id: &str) {
        self.items.retain(|i| i.id != id);
        if !self.deleted.iter().any(|d| d == id) {
            self.deleted.push(id.to_string());
        }
    }
}

/// A stable hash of a document's text (FNV-1a, 64 bits, in hex): whether
/// the text changed since the selectors were made.
pub fn text_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

/// Milliseconds since 1970 (0 when the clock is before it).
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// A new item id: the time, the process and a counter, unique among the
/// readers of one machine.
fn new_id(ms: u64) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("n{ms:x}-{:x}-{n:x}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable_and_tells_texts_apart() {
        assert_eq!(text_hash(""), "fnv1a64:cbf29ce484222325");
        assert_ne!(text_hash("a"), text_hash("b"));
    }

    #[test]
    fn ids_differ_and_removal_is_remembered() {
        let t = anchor::Text::new("One two three.");
        let mut s = Sidecar::default();
        let a = s
            .add(t.selector(Span::new(0, 3)), Body::Highlight)
            .id
            .clone();
        let b = s
            .add(t.selector(Span::new(4, 7)), Body::Highlight)
            .id
            .clone();
        assert_ne!(a, b);
        s.remove(&a);
        assert_eq!(s.items.len(), 1);
        assert_eq!(s.deleted, vec![a]);
    }

    #[test]
    fn rebase_moves_selectors_to_the_new_text() {
        let old = anchor::Text::new("Alpha said yes. Beta said no.");
        let mut s = Sidecar::default();
        s.add(old.selector(Span::new(16, 20)), Body::Highlight);
        s.rebase(&old);
        let new = anchor::Text::new("Then Alpha said yes. Beta said no.");
        s.rebase(&new);
        assert_eq!(s.items[0].target.start, 21);
        assert_eq!(s.text_hash, text_hash(new.as_str()));
        let placed = s.place(&new);
        assert_eq!(placed[0].at, Some((Span::new(21, 25), Found::Position)));
    }
}
