//! Transcripts: speaker labels at the start of a paragraph make turns.
//!
//! Official transcripts print who speaks before the words: `MR. KIRBY:`,
//! `Q` followed by spaces, `Question (retranslated):`,
//! `President of Russia Vladimir Putin:`. This stage finds those labels,
//! turns the paragraphs they open into turn blocks
//! ([`BlockKind::Turn`](crate::model::BlockKind::Turn)) and resolves
//! the variants of one person's label to one speaker, so that the quote stage
//! can treat every turn as a direct quote by a known speaker.
//!
//! How a label is recognised (no file-specific names, only how transcribers write):
//! - it opens a line of a paragraph and ends at the first colon of the line
//!   (or is a bare `Q` followed by spaces, or an ALL-CAPS label already seen
//!   with its colon that lost it);
//! - it is short (at most 14 words, 120 bytes), has no digits, commas or quote
//!   marks outside a trailing parenthesis, and every word is capitalised except
//!   connecting words (`of`, `the`, `for` …): "Here is the thing:" is prose;
//! - a single mixed-case word must be a known role (`Question`, `Moderator` …)
//!   or be used as a label at least twice; a long or unknown mixed-case label
//!   that appears once needs another label of the document used twice;
//! - words after it must not open with a quotation mark (that is the
//!   `Name: “…”` style of news round-ups, handled by the quote stage), unless
//!   the label is used elsewhere without one;
//! - a document needs at least two turns to count as a transcript.
//!
//! A turn's content runs from the first word after the label (and after an
//! interpreter note such as `(As interpreted.)`, kept in [`Turn::note`]) over
//! the following paragraphs that have no label, up to the next label, the end
//! of the section, a non-paragraph block or a closing line (`END`, a time, a
//! `Source:` line). So a long answer in several paragraphs is one turn.
//!
//! Speakers: reporters' questions (`Q`, `QUESTION`, `Question (retranslated)`)
//! are one group speaker "Question", unless the parenthesis names the reporter.
//! Titles are split from names (`PRESIDENT BIDEN` → "Biden", role "President"),
//! a label that contains another label's bare name is that person
//! (`President of Russia Vladimir Putin` → "Vladimir Putin"), a surname is
//! completed from the header when it names the person in full ("John Kirby"),
//! and a name used once whose surname is one edit away (a letter added,
//! dropped or changed, or two neighbours swapped) from the surname of a name
//! used at least twice, with the same first names, is taken as a typo of it.
//! `A:` in a Q-and-A is "Answer"; role labels (`Moderator`, `Remark`) keep
//! their role as name unless a parenthesis names the person.
//!
//! The stage reads the segment stage's [`Structure`] and does not change it:
//! the turn blocks it needs (a labelled line split off its paragraph, every
//! labelled block retyped as a turn) and the transcript genre come back as a
//! [`StructureEdit`], which the pipeline applies as a step of its own with
//! [`apply_structure_edit`].
//!
//! The work is split by what each part looks at: `labels` judges the start
//! of one line, `turns` the labels of the whole document and the blocks they
//! open, and `speakers` resolves the labels to speakers.

mod labels;
mod speakers;
#[cfg(test)]
mod tests;
mod turns;

use std::sync::Arc;

use super::segment::Structure;
use crate::model::{Block, Genre, Span, SpeakerKind};

/// A transcript turn found from a speaker label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Index of the block the turn opens, in the blocks after the
    /// [`StructureEdit`] found with it is applied.
    pub block: usize,
    /// The label as printed, without its colon ("MR. KIRBY", "Q").
    pub label: Span,
    /// The turn's words after the label (and after an interpreter note).
    pub content: Span,
    /// An interpreter note such as "(As interpreted.)" between label and words.
    pub note: Option<Span>,
    /// Who speaks, with label variants resolved to one canonical name
    /// (shared by every turn of that speaker).
    pub speaker: Arc<TurnSpeaker>,
}

/// The speaker of a turn, canonicalised across label variants
/// (`Vladimir Putin` and `President of Russia Vladimir Putin` give one name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnSpeaker {
    /// Canonical display name ("Vladimir Putin", "Question", "John Kirby").
    pub name: String,
    /// Role or title from the label or header ("President of Russia").
    pub role: Option<String>,
    /// Other names seen for this speaker (label variants).
    pub aliases: Vec<String>,
    /// Person for named speakers, group for reporters' questions.
    pub kind: SpeakerKind,
}

/// What [`find_turns`] found: the turns, and the change to the segment stage's
/// structure that they stand on.
#[derive(Debug, Clone, Default)]
pub struct FoundTurns {
    /// The turns in text order.
    pub turns: Vec<Turn>,
    /// The change to make to the structure before the turns are used.
    pub edit: StructureEdit,
}

/// How the transcript stage changes the segment stage's [`Structure`]; made
/// by [`apply_structure_edit`]. The default changes nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StructureEdit {
    /// The new blocks: the segment stage's blocks with every labelled line that
    /// sat inside a block split off, and every labelled block retyped as
    /// [`crate::model::BlockKind::Turn`]; `None` keeps the blocks.
    pub blocks: Option<Vec<Block>>,
    /// The document is a transcript (it has two turns or more): its genre
    /// becomes [`Genre::Transcript`].
    pub transcript: bool,
}

/// Find the speaker labels and the turns they open, reading `structure`
/// without changing it: the turn blocks and the genre the turns need come
/// back as a [`StructureEdit`] for [`apply_structure_edit`].
pub fn find_turns(text: &str, structure: &Structure) -> FoundTurns {
    let Some(accepted) = turns::accepted_labels(text, &structure.blocks) else {
        return FoundTurns::default();
    };
    let (blocks, label_block) = turns::split_turn_blocks(text, &structure.blocks, &accepted);
    let speakers = speakers::resolve_speakers(text, &accepted);
    let turns = turns::build_turns(
        text,
        &blocks,
        &structure.sections,
        &accepted,
        &label_block,
        &speakers,
    );
    let transcript = turns.len() >= 2;
    FoundTurns {
        turns,
        edit: StructureEdit {
            blocks: Some(blocks),
            transcript,
        },
    }
}

/// Apply the transcript stage's [`StructureEdit`] to the segment stage's
/// structure: replace the blocks with the turn blocks and mark the genre.
/// This is the one place where a stage changes an earlier stage's output;
/// the sections are left as they are (a split block stays inside its section).
pub fn apply_structure_edit(structure: &mut Structure, edit: StructureEdit) {
    if let Some(blocks) = edit.blocks {
        structure.blocks = blocks;
    }
    if edit.transcript {
        structure.meta.genre = Genre::Transcript;
    }
}
