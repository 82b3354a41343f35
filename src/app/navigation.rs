//! Jumps between quotes (all, the filter's, or one speaker's) and between
//! sections, found by binary search so that they cost the same on any document.

use super::state::State;

/// The first index in `0..n` where `pred` turns false (`pred` must be true, then false).
pub(super) fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The next or previous quote from the cursor in `list` (all quotes when `None`),
/// found by binary search so that it costs the same on any document.
pub(super) fn pick_quote(s: &State, list: Option<&[usize]>, forward: bool) -> Option<usize> {
    let n = list.map_or(s.index.quotes.len(), |l| l.len());
    let qi = |i: usize| list.map_or(i, |l| l[i]);
    let start = |i: usize| s.index.quotes.at(qi(i)).span.start;
    let cur = s.cursor;
    if forward {
        let strict = s.selected.is_some();
        let i = partition(n, |i| {
            if strict {
                start(i) <= cur
            } else {
                start(i) < cur
            }
        });
        (i < n).then(|| qi(i))
    } else {
        let i = partition(n, |i| start(i) < cur);
        i.checked_sub(1).map(qi)
    }
}

/// [`pick_quote`], skipping quotes whose paragraph the filter's only mode
/// hides (a speaker's quote in a paragraph of another's, when `]s` follows
/// a quote by someone else).
fn pick_shown(s: &State, list: Option<&[usize]>, forward: bool) -> Option<usize> {
    let mut pick = pick_quote(s, list, forward);
    if s.only_shown.is_none() {
        return pick;
    }
    let n = list.map_or(s.index.quotes.len(), |l| l.len());
    while let Some(q) = pick {
        if s.index.shows(s.index.quotes.at(q).span.start) {
            break;
        }
        let i = list.map_or(Some(q), |l| l.binary_search(&q).ok());
        let next = i.and_then(|i| {
            if forward {
                Some(i + 1)
            } else {
                i.checked_sub(1)
            }
        });
        pick = next.filter(|&i| i < n).map(|i| list.map_or(i, |l| l[i]));
    }
    pick
}

pub(super) fn quote_step(s: &mut State, forward: bool, same_speaker: bool) {
    if !s.layers.quotes {
        // A jump to a quote that is not shown would select nothing visible.
        s.layers.quotes = true;
        s.relayout();
        quote_step(s, forward, same_speaker);
        let key = s
            .keymap
            .key_for(super::keymap::Command::ToggleLayer(
                super::state::Layer::Quotes,
            ))
            .unwrap_or_default();
        let said = s.message.take().map_or(String::new(), |m| format!("; {m}"));
        s.message = Some(format!("quotes layer on ({key} hides it){said}"));
        return;
    }
    let pick;
    let empty;
    if same_speaker {
        let Some(q) = s.selected else {
            // Nothing selected yet: take the next quote, whoever said it.
            quote_step(s, forward, false);
            return;
        };
        let Some(sp) = s.index.quotes.at(q).speaker else {
            s.message = Some("this quote has no known speaker".into());
            return;
        };
        let list = s.index.by_speaker.get(sp.index()).map(|v| v.as_slice());
        pick = pick_shown(s, list, forward);
        empty = list.is_none_or(|l| l.is_empty());
    } else {
        let list = s.quote_list();
        pick = pick_shown(s, list, forward);
        empty = list.map_or(s.index.quotes.is_empty(), |l| l.is_empty());
    }
    match pick {
        Some(q) => s.jump_quote(q),
        None if empty => s.message = Some("no quotes".into()),
        None => {
            s.message = Some(
                if forward {
                    "no more quotes below"
                } else {
                    "no more quotes above"
                }
                .into(),
            )
        }
    }
}

/// Where a section or turn jump starts from: the cursor, or going forward
/// the text on the reference row when that is further on (so that the
/// first jump from the top of a document moves the text).
fn from(s: &State, forward: bool) -> usize {
    if forward {
        s.cursor.max(s.row_pos(s.reference_row()))
    } else {
        s.cursor
    }
}

/// The next or previous of the sorted offsets `starts` from the cursor.
fn step_in(
    starts: impl DoubleEndedIterator<Item = usize>,
    cur: usize,
    forward: bool,
) -> Option<usize> {
    let mut it = starts;
    if forward {
        it.find(|&p| p > cur)
    } else {
        it.rev().find(|&p| p < cur)
    }
}

/// Jump to the next or previous outline entry: a section, or in a
/// transcript an exchange (a question and its answers).
pub(super) fn section_step(s: &mut State, forward: bool) {
    let cur = from(s, forward);
    let starts = &s.index.section_starts;
    let pick = step_in(starts.iter().copied(), cur, forward);
    match pick {
        Some(p) => {
            let i = starts.partition_point(|&x| x < p);
            s.jump_top(p);
            if s.current_section() != Some(i) {
                // At the end of the document the entry cannot reach the
                // reference row: say where the jump went.
                s.message = Some(format!("§ {} (below)", s.section_title(i)));
            }
        }
        None if starts.is_empty() => s.message = Some("no sections".into()),
        None => {
            s.message = Some(
                if forward {
                    "last section"
                } else {
                    "first section"
                }
                .into(),
            )
        }
    }
}

/// Jump to the next or previous transcript turn, or only to the turns that
/// ask (questions and a moderator's turns).
pub(super) fn turn_step(s: &mut State, forward: bool, asking: bool) {
    let what = if asking { "questions" } else { "turns" };
    let cur = from(s, forward);
    let turns = &s.index.turns;
    let starts = turns.iter().filter(|t| t.asks || !asking).map(|t| t.start);
    let any = turns.iter().any(|t| t.asks || !asking);
    match step_in(starts, cur, forward) {
        Some(p) => s.jump_top(p),
        None if turns.is_empty() => s.message = Some("no turns (not a transcript)".into()),
        None if !any => s.message = Some(format!("no {what}")),
        None => {
            let dir = if forward { "below" } else { "above" };
            s.message = Some(format!("no more {what} {dir}"));
        }
    }
}
