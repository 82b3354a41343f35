//! Entities: people, places and organisations, from the gazetteer and capitalisation.
//!
//! Readers follow who and what an interview is about; this stage marks those
//! names without a statistical model. A case-sensitive aho-corasick pass over
//! the gazetteer (`assets/gazetteer/` and the shared lists of `assets/lexicon/`)
//! finds places, organisations, titles, country adjectives and given names; a
//! scan of each block then groups runs of capitalised words and decides:
//!
//! - a name after a title or honorific ("Ambassador Jane Roe", "Mr. Roe",
//!   "President of Freedonia John Doe") is a person;
//! - a name that starts with a known given name ("Vladimir Ivanov") is a person;
//! - a name that ends in an organisation word ("Hyundai Motor", "Foreign
//!   Ministry", "Korea Times") or opens one ("Ministry of Foreign Affairs") is an
//!   organisation;
//! - a person's surname seen again later, or a speaker's name or surname, is a
//!   person, linked to that speaker.
//!
//! Single unknown capitalised words (often just the first word of a sentence)
//! are left alone. Entities never overlap. Everything is linear in the text.
//!
//! The parts, one module each: `gazetteer` matches the embedded lists, `scan`
//! turns a block into items and runs, `classify` decides what each run's
//! names are and `link` ties people to speakers.

mod classify;
mod gazetteer;
mod link;
mod scan;
#[cfg(test)]
mod tests;

use super::FastMap;
use super::segment::Structure;
use crate::model::{Annotation, BlockKind, Speaker};
use classify::classify_run;
use link::SpeakerIndex;
use scan::{Item, joined, scan_block};

/// Find entity mentions and link people to speakers.
pub fn find_entities(text: &str, structure: &Structure, speakers: &[Speaker]) -> Vec<Annotation> {
    let Some(gaz) = gazetteer::gazetteer() else {
        return Vec::new();
    };
    classify(text, structure, speakers, |span, items| {
        scan_block(text, span, gaz, items);
    })
}

/// The scanned blocks of a document: the half of [`find_entities`] that
/// needs only the text and the blocks, not the speakers, so that the
/// pipeline can run it beside attribution. It keeps every block's items
/// (about a capitalised word in thirty bytes) until
/// [`Scanned::find_entities`] classifies them.
pub struct Scanned {
    items: Vec<Packed>,
    /// Where each scanned block's items end in `items`, in block order.
    ends: Vec<usize>,
}

/// An [`Item`] in half the memory, its offsets as `u32` (the pipeline
/// scans ahead only texts shorter than 4 GiB).
#[derive(Clone, Copy)]
struct Packed {
    start: u32,
    end: u32,
    unit: scan::Unit,
    initial: bool,
}

impl Packed {
    /// The item packed, `None` when an offset does not fit.
    fn pack(it: &Item) -> Option<Packed> {
        Some(Packed {
            start: u32::try_from(it.span.start).ok()?,
            end: u32::try_from(it.span.end).ok()?,
            unit: it.unit,
            initial: it.initial,
        })
    }

    /// The item as scanned.
    fn unpack(self) -> Item {
        Item {
            unit: self.unit,
            span: crate::model::Span::new(self.start as usize, self.end as usize),
            initial: self.initial,
        }
    }
}

/// Scan the blocks of `structure` as [`find_entities`] does.
pub fn scan(text: &str, structure: &Structure) -> Scanned {
    let mut out = Scanned {
        items: Vec::new(),
        ends: Vec::new(),
    };
    let Some(gaz) = gazetteer::gazetteer() else {
        return out;
    };
    // Each block is scanned on its own, as `find_entities` does: the scan
    // looks at the items before it in its vector.
    let mut items = Vec::new();
    for block in scanned_blocks(structure) {
        items.clear();
        scan_block(text, block.span, gaz, &mut items);
        out.items.extend(items.iter().filter_map(Packed::pack));
        out.ends.push(out.items.len());
    }
    out
}

impl Scanned {
    /// [`find_entities`] on the blocks scanned from the same `text` and
    /// `structure`.
    pub fn find_entities(
        &self,
        text: &str,
        structure: &Structure,
        speakers: &[Speaker],
    ) -> Vec<Annotation> {
        if gazetteer::gazetteer().is_none() {
            return Vec::new();
        }
        let mut block = 0usize;
        classify(text, structure, speakers, |_, items| {
            let start = block
                .checked_sub(1)
                .and_then(|b| self.ends.get(b))
                .map_or(0, |&e| e);
            let end = self.ends.get(block).map_or(start, |&e| e);
            let packed = self.items.get(start..end).unwrap_or_default();
            items.extend(packed.iter().map(|p| p.unpack()));
            block += 1;
        })
    }
}

/// The blocks that hold entities: all but metadata and boilerplate.
fn scanned_blocks(structure: &Structure) -> impl Iterator<Item = &crate::model::Block> {
    structure
        .blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Meta | BlockKind::Boilerplate))
}

/// Classify the runs of every scanned block, whose items `scan` puts in
/// the (cleared) vector it is given, block after block.
fn classify(
    text: &str,
    structure: &Structure,
    speakers: &[Speaker],
    mut scan: impl FnMut(crate::model::Span, &mut Vec<Item>),
) -> Vec<Annotation> {
    let index = SpeakerIndex::new(speakers);
    // Surnames and names of people found so far ("Zinoviev" after "Georgy Zinoviev").
    let mut known: FastMap<String, ()> = FastMap::default();
    let mut out = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut chunk: Vec<Item> = Vec::new();
    for block in scanned_blocks(structure) {
        items.clear();
        scan(block.span, &mut items);
        let mut start = 0;
        // Runs: items separated only by spaces.
        while start < items.len() {
            let mut end = start + 1;
            while end < items.len() && joined(text, items[end - 1].span, items[end].span) {
                end += 1;
            }
            classify_run(
                text,
                &items[start..end],
                &index,
                &mut known,
                &mut chunk,
                &mut out,
            );
            start = end;
        }
    }
    out
}
