//! Reported speech in the reader: a layer of its own beside the quotes.
//!
//! Reported statements ("she said that talks would resume") are kept out of
//! [`Index::quotes`](super::index::Index::quotes), so quote jumps, quote
//! filters and quote counts stay about quotations; this module holds what the
//! reader does with them: whether one passes the filter, which one labels a
//! line in the gutter, and the jump that visits quotes and reported speech
//! alike (`]r`, `[r`).

use super::layout::{LineKind, VisualLine};
use super::state::{Filter, State};

impl State {
    /// Whether reported statement `r` (index into `index.reported`) passes
    /// the filter: any statement without one, its speaker's with a speaker
    /// filter, none with a topic filter (topics are tagged on quotes).
    pub fn reported_passes(&self, r: usize) -> bool {
        match self.filter {
            None => true,
            Some(Filter::Speaker(id)) => self.index.reported.at(r).speaker == Some(id),
            Some(Filter::Topic(_)) => false,
        }
    }

    /// Whether reported statement `r` is on screen: always, except in the
    /// filter's "only" mode, where its paragraph may be hidden.
    fn reported_shown(&self, r: usize) -> bool {
        if self.only_shown.is_none() {
            return true;
        }
        let pos = self.index.reported.at(r).span.start;
        let b = self.index.block_at(pos);
        self.index
            .blocks
            .get(b)
            .is_some_and(|b| b.span.start <= pos && pos < b.span.end)
    }

    /// How many reported statements speaker `i` has.
    pub fn reported_count(&self, i: usize) -> usize {
        self.index.reported_by_speaker.get(i).map_or(0, Vec::len)
    }
}

/// The reported statement whose speaker labels text line `line` in the gutter:
/// the first one that starts on it.
pub fn label_reported(s: &State, line: &VisualLine) -> Option<usize> {
    if line.kind != LineKind::Text || !s.layers.reported {
        return None;
    }
    let end = line.end.max(line.start + 1);
    s.index
        .reported_in(line.start, end)
        .filter(|&r| {
            let sp = s.index.reported.at(r).span;
            sp.start >= line.start && sp.start < end
        })
        .min()
}

/// A place a statement jump can land on: a quote or a reported statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// Index into `index.quotes`.
    Quote(usize),
    /// Index into `index.reported`.
    Reported(usize),
}

/// The quote or reported statement (passing the filter) that starts next
/// after the cursor, or last before it.
fn pick(s: &State, forward: bool) -> Option<(usize, Stop)> {
    let cur = s.cursor;
    let quotes = (0..s.index.quotes.len())
        .filter(|&q| s.quote_passes(q))
        .map(|q| (s.index.quotes.at(q).span.start, Stop::Quote(q)));
    let reported = (0..s.index.reported.len())
        .filter(|&r| s.layers.reported && s.reported_passes(r) && s.reported_shown(r))
        .map(|r| (s.index.reported.at(r).span.start, Stop::Reported(r)));
    let all = quotes.chain(reported);
    if forward {
        all.filter(|&(p, _)| p > cur).min_by_key(|&(p, _)| p)
    } else {
        all.filter(|&(p, _)| p < cur).max_by_key(|&(p, _)| p)
    }
}

/// `]r` / `[r`: the next or previous quote or reported statement.
pub(super) fn statement_step(s: &mut State, forward: bool) {
    match pick(s, forward) {
        Some((_, Stop::Quote(q))) => s.jump_quote(q),
        Some((p, Stop::Reported(r))) => {
            let end = s.index.reported.at(r).span.end;
            s.selected = None;
            s.jump_span(p, end.saturating_sub(1).max(p));
        }
        None => {
            s.message = Some(
                if forward {
                    "no more quotes or reported speech below"
                } else {
                    "no more quotes or reported speech above"
                }
                .into(),
            )
        }
    }
}
