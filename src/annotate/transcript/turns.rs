//! Turns: which labels of a document are speaker labels, the turn blocks they
//! open and the words of each turn.
//!
//! `super::labels` judges one line; this module judges every label against
//! the others (a mixed-case label needs to be used twice, or to open with a
//! given name …), splits the blocks where a turn starts and extends each
//! turn's content over the unlabelled paragraphs that follow it.

use std::sync::Arc;

use super::labels::{
    Candidate, LabelText, colonless_label, find_candidate, is_given_name, is_space, skip_space,
};
use super::{Turn, TurnSpeaker};
use crate::annotate::{FastMap, FastSet};
use crate::model::{Block, BlockKind, Section, Span};

/// A line that opens with an ALL-CAPS run that may be a label without its
/// colon, waiting for the same label to be seen with one.
struct Colonless {
    /// Start of the line (and of the label).
    line_start: usize,
    /// End of the ALL-CAPS run.
    label_end: usize,
    /// End of the line.
    line_end: usize,
}

/// A line of a paragraph (leading spaces skipped) with no colon label.
#[derive(Clone, Copy)]
struct BareLine {
    /// Start of the line's words.
    start: usize,
    /// End of the line.
    end: usize,
}

/// The labels of the document that open turns, in text order; `None` when
/// fewer than two are found (a document needs two turns to be a transcript).
pub(super) fn accepted_labels(text: &str, blocks: &[Block]) -> Option<Vec<Candidate>> {
    let (cands, bare) = line_labels(text, blocks);
    if cands.is_empty() {
        return None;
    }
    let mut accepted = accept_consistent(cands);
    let colonless = bare
        .iter()
        .filter_map(|l| {
            colonless_label(&text[l.start..l.end]).map(|n| Colonless {
                line_start: l.start,
                label_end: l.start + n,
                line_end: l.end,
            })
        })
        .collect();
    let recovered = recover_colonless(text, &mut accepted, colonless);
    recover_unmarked(text, &mut accepted, &bare, &recovered);
    accepted.sort_by_key(|c| c.line_start);
    (accepted.len() >= 2).then_some(accepted)
}

/// Candidate labels at the start of every line of every paragraph, and the
/// lines that have none.
fn line_labels(text: &str, blocks: &[Block]) -> (Vec<Candidate>, Vec<BareLine>) {
    let mut cands: Vec<Candidate> = Vec::new();
    let mut bare: Vec<BareLine> = Vec::new();
    for b in blocks {
        if b.kind != BlockKind::Paragraph || !b.span.is_valid_in(text) {
            continue;
        }
        let mut pos = b.span.start;
        for line in text[b.span.start..b.span.end].split('\n') {
            let end = pos + line.len();
            let lead = line.len() - line.trim_start_matches(is_space).len();
            let s = pos + lead;
            if s < end {
                if let Some(c) = find_candidate(text, s, end) {
                    cands.push(c);
                } else {
                    bare.push(BareLine { start: s, end });
                }
            }
            pos = end + 1;
        }
    }
    (cands, bare)
}

/// Keep the candidates accepted by the label's own shape and by how the
/// document uses it. A label whose colon runs into the next word is a typo
/// kept only when the document confirms it: the same label is used properly,
/// or the document has a label used twice (once at least with its space) and this one is a name of two words
/// or more, a title, or a questioner's or a role's word.
fn accept_consistent(cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut uses: FastMap<String, usize> = FastMap::default();
    let mut tight_uses: FastMap<String, usize> = FastMap::default();
    for c in &cands {
        if !c.quoted {
            let map = if c.tight { &mut tight_uses } else { &mut uses };
            *map.entry(c.info.core.clone()).or_default() += 1;
        }
    }
    let established = uses.values().any(|&n| n >= 2);
    // For the typos, a label used twice counts with its run-in uses.
    let established_all = established
        || uses
            .iter()
            .any(|(core, &n)| n + tight_uses.get(core).copied().unwrap_or(0) >= 2);
    cands
        .into_iter()
        .filter(|c| {
            let proper = uses.get(&c.info.core).copied().unwrap_or(0);
            if !c.tight {
                return shape_accepted(c, proper, established);
            }
            let i = &c.info;
            let n = proper + tight_uses.get(&i.core).copied().unwrap_or(0);
            let confirmed = proper >= 1
                || (established_all && (i.words >= 2 || i.titled || i.question || i.role_word));
            confirmed && shape_accepted(c, n, established_all)
        })
        .collect()
}

/// Whether a candidate used `n` times as a label is accepted by the label
/// rules, `established` when some label of the document is used twice.
fn shape_accepted(c: &Candidate, n: usize, established: bool) -> bool {
    if c.quoted && n == 0 {
        return false;
    }
    let i = &c.info;
    if i.question || i.role_word {
        return true;
    }
    if i.words == 1 && !i.caps {
        return n >= 2;
    }
    if i.caps || i.titled {
        return i.words <= 8 || n >= 2 || i.titled;
    }
    // Mixed-case names ("Jane Roe"): repeated, or in a transcript, or
    // opening with a known given name.
    n >= 2
        || (established && i.words <= 5)
        || ((2..=4).contains(&i.words) && i.core.split(' ').next().is_some_and(is_given_name))
}

/// Add the labels that lost their colon: ALL-CAPS labels seen with their
/// colon. Returns the line starts of the labels added.
fn recover_colonless(
    text: &str,
    accepted: &mut Vec<Candidate>,
    colonless: Vec<Colonless>,
) -> FastSet<usize> {
    let caps_labels: FastMap<&str, LabelText> = accepted
        .iter()
        .filter(|c| c.info.caps)
        .map(|c| (c.label.slice(text), c.info.clone()))
        .collect();
    let mut added = FastSet::default();
    for line in colonless {
        let (s, l) = (line.line_start, line.label_end);
        let Some(info) = caps_labels.get(&text[s..l]).cloned() else {
            continue;
        };
        let content_start = skip_space(text, l, line.line_end);
        added.insert(s);
        accepted.push(Candidate {
            line_start: s,
            label: Span::new(s, l),
            info,
            note: None,
            content_start,
            quoted: false,
            tight: false,
        });
    }
    added
}

/// Add the labels of known speakers that lost their colon or were run into
/// the next word: a line after the first label that opens with a label the
/// document already uses with its colon (`MR. KIRBY Thank you.`,
/// `MR. KIRBYThank you.`), followed by a capitalised word. Only in documents
/// with two such labels already, and never for a one-letter label: so a news
/// article's prose (`Mr. Kirby said`) is never read as a turn.
fn recover_unmarked(
    text: &str,
    accepted: &mut Vec<Candidate>,
    bare: &[BareLine],
    recovered: &FastSet<usize>,
) {
    let proper: Vec<&Candidate> = accepted
        .iter()
        .filter(|c| !c.quoted && !c.tight && c.label.len() >= 2)
        .filter(|c| !recovered.contains(&c.line_start))
        .collect();
    if proper.len() < 2 {
        return;
    }
    let first = proper.iter().map(|c| c.line_start).min().unwrap_or(0);
    let mut known: Vec<(&str, LabelText)> = Vec::new();
    for c in &proper {
        let l = c.label.slice(text);
        if !known.iter().any(|(k, _)| *k == l) {
            known.push((l, c.info.clone()));
        }
    }
    // Longest first, so "MR. KIRBY" is not read as "MR. KIRB".
    known.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    let mut added = Vec::new();
    for line in bare {
        if line.start <= first || recovered.contains(&line.start) {
            continue;
        }
        let words = &text[line.start..line.end];
        // Every line is tried against every label: the first byte, compared
        // first, turns most of them away without a call.
        let lead = words.as_bytes().first();
        let Some((label, info)) = known
            .iter()
            .find(|(k, _)| k.as_bytes().first() == lead && unmarked_rest(words, k).is_some())
        else {
            continue;
        };
        let label_end = line.start + label.len();
        added.push(Candidate {
            line_start: line.start,
            label: Span::new(line.start, label_end),
            info: info.clone(),
            note: None,
            content_start: skip_space(text, label_end, line.end),
            quoted: false,
            tight: false,
        });
    }
    accepted.extend(added);
}

/// When `line` opens with `label` and then, with no colon, a capitalised
/// word (after spaces, or run straight into the label), the words after it.
fn unmarked_rest<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(label)?;
    let after = rest.trim_start_matches(is_space);
    let mut chars = after.chars();
    let first = chars.next()?;
    if !first.is_uppercase() {
        return None;
    }
    if after.len() == rest.len() {
        // Run into the label: the next word must read as a word of its own
        // ("Thank", "I "), not as more of an ALL-CAPS name ("KIRBYSON").
        let second = chars.next()?;
        if !(second.is_lowercase() || is_space(second) || second == '\'' || second == '’') {
            return None;
        }
    }
    Some(after)
}

/// The blocks with a block split off wherever a label starts inside one and
/// every labelled block retyped as a turn, with the index in them of the block
/// each label opens.
pub(super) fn split_turn_blocks(
    text: &str,
    old: &[Block],
    accepted: &[Candidate],
) -> (Vec<Block>, Vec<usize>) {
    let mut blocks: Vec<Block> = Vec::with_capacity(old.len() + 4);
    let mut cand_block: Vec<usize> = vec![0; accepted.len()];
    let mut k = 0;
    for b in old {
        let mut start = b.span.start;
        let mut kind = b.kind;
        while k < accepted.len() && accepted[k].line_start < b.span.end {
            let ls = accepted[k].line_start;
            if ls < b.span.start {
                k += 1;
                continue;
            }
            if ls > start {
                let piece_end = start + text[start..ls].trim_end().len();
                if piece_end > start {
                    blocks.push(Block {
                        kind,
                        span: Span::new(start, piece_end),
                    });
                }
                start = ls;
            }
            kind = BlockKind::Turn;
            cand_block[k] = blocks.len();
            k += 1;
        }
        blocks.push(Block {
            kind,
            span: Span::new(start, b.span.end),
        });
    }
    (blocks, cand_block)
}

/// The turns of the accepted labels, over the blocks made by
/// [`split_turn_blocks`] (`label_block[i]` is the block label `i` opens and
/// `speakers[i]` who speaks). A turn whose content would be empty is dropped.
pub(super) fn build_turns(
    text: &str,
    blocks: &[Block],
    sections: &[Section],
    accepted: &[Candidate],
    label_block: &[usize],
    speakers: &[Arc<TurnSpeaker>],
) -> Vec<Turn> {
    let block_section = block_sections(blocks, sections);
    let mut turns = Vec::with_capacity(accepted.len());
    for (i, c) in accepted.iter().enumerate() {
        let bi = label_block[i];
        let Some(block) = blocks.get(bi) else {
            continue;
        };
        let content = turn_content(text, blocks, &block_section, bi, block, c.content_start);
        if content.start >= content.end {
            continue;
        }
        turns.push(Turn {
            block: bi,
            label: c.label,
            content,
            note: c.note,
            speaker: speakers[i].clone(),
        });
    }
    turns
}

/// For every block, the index of the section that contains it (`None` for
/// header, trailer and boilerplate blocks).
fn block_sections(blocks: &[Block], sections: &[Section]) -> Vec<Option<usize>> {
    let mut block_section = Vec::with_capacity(blocks.len());
    let mut si = 0;
    for b in blocks {
        while si < sections.len() && sections[si].span.end < b.span.end {
            si += 1;
        }
        block_section.push(
            sections
                .get(si)
                .filter(|s| s.span.contains_span(b.span))
                .map(|_| si),
        );
    }
    block_section
}

/// The words of the turn that opens block `bi` at `content_start`: to the end
/// of the block, then over the following paragraphs of the same section up to
/// a closing line or any other block.
fn turn_content(
    text: &str,
    blocks: &[Block],
    block_section: &[Option<usize>],
    bi: usize,
    block: &Block,
    content_start: usize,
) -> Span {
    let section = block_section[bi];
    let mut content = Span::new(content_start, block.span.end.max(content_start));
    let mut j = bi + 1;
    while let Some(nb) = blocks.get(j) {
        if nb.kind != BlockKind::Paragraph
            || is_closing_line(nb.span.slice(text))
            || block_section[j] != section
        {
            break;
        }
        if content.start >= content.end {
            content.start = nb.span.start;
        }
        content.end = nb.span.end;
        j += 1;
    }
    content
}

/// Whether a paragraph closes a transcript rather than continuing a turn.
fn is_closing_line(s: &str) -> bool {
    let t = s.trim_start();
    let first: String = t
        .split(|c: char| is_space(c) || c == ':')
        .next()
        .unwrap_or("")
        .to_lowercase();
    let stamp = t.len() < 40
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.contains(':')
        && (t.contains("M.") || t.contains("AM") || t.contains("PM") || t.contains("m."));
    first == "end"
        || first == "(end"
        || first == "source"
        || first.starts_with("http")
        || t.starts_with("###")
        || stamp
}
