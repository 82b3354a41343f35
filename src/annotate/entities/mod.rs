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
    let index = SpeakerIndex::new(speakers);
    // Surnames and names of people found so far ("Zinoviev" after "Georgy Zinoviev").
    let mut known: FastMap<String, ()> = FastMap::default();
    let mut out = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut chunk: Vec<Item> = Vec::new();
    for block in &structure.blocks {
        if matches!(block.kind, BlockKind::Meta | BlockKind::Boilerplate) {
            continue;
        }
        items.clear();
        scan_block(text, block.span, gaz, &mut items);
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
