//! Jumps between quotes (all, the filter's, or one speaker's) and between
//! sections, found by binary search so that they cost the same on any document.

use super::state::State;

/// The first index in `0..n` where `pred` turns false (`pred` must be true, then false).
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
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
    let start = |i: usize| s.index.quotes[qi(i)].span.start;
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

pub(super) fn quote_step(s: &mut State, forward: bool, same_speaker: bool) {
    let pick;
    let empty;
    if same_speaker {
        let Some(q) = s.selected else {
            // Nothing selected yet: take the next quote, whoever said it.
            quote_step(s, forward, false);
            return;
        };
        let Some(sp) = s.index.quotes[q].speaker else {
            s.message = Some("this quote has no known speaker".into());
            return;
        };
        let list = s.index.by_speaker.get(sp.index()).map(|v| v.as_slice());
        pick = pick_quote(s, list, forward);
        empty = list.is_none_or(|l| l.is_empty());
    } else {
        let list = s.quote_list();
        pick = pick_quote(s, list, forward);
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

pub(super) fn section_step(s: &mut State, forward: bool) {
    let starts = &s.index.section_starts;
    let cur = s.cursor;
    let pick = if forward {
        starts.iter().copied().find(|&p| p > cur)
    } else {
        starts.iter().rev().copied().find(|&p| p < cur)
    };
    match pick {
        Some(p) => s.jump(p),
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
