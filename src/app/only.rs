//! The filter's "only" mode, like less's `&pattern`: instead of dimming the
//! other speakers' quotes, the reader shows only the paragraphs (a
//! transcript's turns) that hold the filter's quotes or topic, with the
//! headings above them. `&` switches between dimming and showing only;
//! `Esc` clears the filter and shows everything again.
//!
//! The narrowing swaps [`Index::blocks`] for the passing blocks (the whole
//! list is kept aside), so layout, scrolling, search and jumps work on the
//! shorter document without knowing about the filter.

use super::compact::Compact;
use super::index::{DisplayBlock, Index};
use super::state::{Filter, State};
use crate::model::BlockKind;

/// Whether block `b` holds a quote or a topic of filter `f`.
fn passes(index: &Index, b: &DisplayBlock, f: Filter) -> bool {
    let (start, end) = (b.block.start, b.block.end);
    match f {
        Filter::Speaker(id) => index
            .quotes_in(start, end)
            .any(|q| index.quotes.at(q).speaker == Some(id)),
        Filter::Topic(id) => {
            index.topics_within(b.block).contains(&id)
                || index
                    .by_topic
                    .get(id.index())
                    .is_some_and(|l| index.quotes_in(start, end).any(|q| l.contains(&q)))
        }
    }
}

/// The blocks of `all` that filter `f` shows: those that pass, each with the
/// heading of its section before it (a heading with no passing block under
/// it is left out).
fn blocks_for(index: &Index, all: &Compact<DisplayBlock>, f: Filter) -> Compact<DisplayBlock> {
    let mut out = Compact::default();
    let mut heading: Option<DisplayBlock> = None;
    for b in all.iter() {
        if b.kind == BlockKind::Heading {
            heading = Some(b);
        } else if passes(index, &b, f) {
            if let Some(h) = heading.take() {
                out.push(h);
            }
            out.push(b);
        }
    }
    out
}

impl State {
    /// Make [`Index::blocks`] what the filter and its mode show: every block,
    /// or in "only" mode the filter's. Called by every refresh; costs
    /// nothing unless the filter or the mode changed. The screen stays on
    /// the selected quote, or the cursor (the next shown block when the
    /// cursor's is hidden).
    pub(super) fn narrow_blocks(&mut self) {
        let want = self.filter.filter(|_| self.filter_only);
        if want == self.only_shown {
            return;
        }
        self.only_shown = want;
        if let Some(all) = self.index.all_blocks.take() {
            self.index.blocks = all;
        }
        if let Some(f) = want {
            let shown = blocks_for(&self.index, &self.index.blocks, f);
            if shown.is_empty() {
                self.filter_only = false;
                self.only_shown = None;
                self.message = Some("nothing to show only: the filter has no paragraphs".into());
            } else {
                let all = std::mem::replace(&mut self.index.blocks, shown);
                self.index.all_blocks = Some(all);
            }
        }
        self.layout.clear();
        let keep = self
            .selected
            .map_or(self.cursor, |q| self.index.quotes.at(q).span.start);
        let target = self.anchor_of(keep);
        let ctx = self.reference_row();
        self.top = self.retreat(target, ctx);
        self.cursor = keep;
    }
}

/// `&`: switch the filter between dimming the others and showing only its
/// paragraphs.
pub(super) fn toggle(s: &mut State) {
    let key = s
        .keymap
        .key_for(super::keymap::Command::FilterOnly)
        .unwrap_or_default();
    if s.filter.is_none() {
        s.message = Some(format!(
            "no filter: pick a speaker or topic in the panel (Tab, Enter), then {key}"
        ));
        return;
    }
    s.filter_only = !s.filter_only;
    s.refresh();
    if s.message.is_none() {
        s.message = Some(if s.filter_only {
            format!("only the filter's paragraphs ({key} dims instead, Esc clears)")
        } else {
            format!("others dimmed ({key} shows only the filter's, Esc clears)")
        });
    }
}
