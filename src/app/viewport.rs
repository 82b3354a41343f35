//! The visible part of the document: moving the top line, jumping to a byte
//! with context above it, and refilling [`State::view`] after any change.
//! Blocks are laid out on demand, so every step costs what the screen shows.

use std::rc::Rc;

use super::geometry::{CONTEXT, geometry, panel_comfortable};
use super::layout::{Anchor, LayoutKey, LineKind, VisualLine};
use super::state::State;
use crate::model::Span;

impl State {
    pub(super) fn lines(&mut self, block: usize) -> Rc<[VisualLine]> {
        self.layout.lines(&self.doc.text, &self.index, block)
    }

    pub(super) fn rows(&self) -> usize {
        self.geometry.pane.h as usize
    }

    /// Move `a` forward by up to `n` lines; returns the new anchor.
    pub(super) fn advance(&mut self, mut a: Anchor, mut n: usize) -> Anchor {
        let nb = self.index.blocks.len();
        while n > 0 && a.block < nb {
            let len = self.lines(a.block).len();
            if a.line + n < len {
                a.line += n;
                return a;
            }
            if a.block + 1 >= nb {
                a.line = len - 1;
                return a;
            }
            n -= len - a.line;
            a = Anchor {
                block: a.block + 1,
                line: 0,
            };
        }
        a
    }

    /// Move `a` back by up to `n` lines.
    pub(super) fn retreat(&mut self, mut a: Anchor, mut n: usize) -> Anchor {
        while n > 0 {
            if a.line >= n {
                a.line -= n;
                return a;
            }
            if a.block == 0 {
                a.line = 0;
                return a;
            }
            n -= a.line + 1;
            let len = self.lines(a.block - 1).len();
            a = Anchor {
                block: a.block - 1,
                line: len - 1,
            };
        }
        a
    }

    /// The anchor of the line that shows byte `pos`.
    pub(super) fn anchor_of(&mut self, pos: usize) -> Anchor {
        if self.index.blocks.is_empty() {
            return Anchor::default();
        }
        let block = self.index.block_at(pos);
        let lines = self.lines(block);
        let line = lines
            .iter()
            .rposition(|l| l.kind == LineKind::Text && l.start <= pos)
            .unwrap_or(0);
        Anchor { block, line }
    }

    /// Rows from `from` to `to`, when `to` is within `limit` rows after `from`.
    pub(super) fn distance(&mut self, from: Anchor, to: Anchor, limit: usize) -> Option<usize> {
        if to < from {
            return None;
        }
        let mut a = from;
        for d in 0..=limit {
            if a == to {
                return Some(d);
            }
            let next = self.advance(a, 1);
            if next == a {
                return None;
            }
            a = next;
        }
        None
    }

    /// Put byte `pos` in view with [`CONTEXT`] rows above it (unless it is already comfortably in view).
    pub(super) fn jump(&mut self, pos: usize) {
        self.jump_span(pos, pos);
    }

    /// Put the text from byte `pos` to byte `end` in view with [`CONTEXT`]
    /// rows above it. The view stays where it is when `pos` already has that
    /// context and the line of `end` is on screen too; otherwise `pos` goes
    /// [`CONTEXT`] rows below the top, so that as much of a long quote shows
    /// as the screen holds.
    pub(super) fn jump_span(&mut self, pos: usize, end: usize) {
        self.cursor = pos;
        let target = self.anchor_of(pos);
        let last = self.anchor_of(end.max(pos));
        let rows = self.rows();
        let ctx = CONTEXT.min(rows.saturating_sub(1) / 2);
        let at_start = self.top == Anchor::default();
        let bottom = rows.saturating_sub(1).max(1);
        let keep = match self.distance(self.top, target, rows) {
            Some(d) if d < bottom && (d >= ctx || at_start) => {
                d <= ctx
                    || self
                        .distance(target, last, rows)
                        .is_some_and(|h| d + h < rows)
            }
            _ => false,
        };
        if !keep {
            self.top = self.retreat(target, ctx);
        }
        self.refresh();
    }

    /// Lay out again after a change of size, width, panel or layers, keeping
    /// the selected quote on screen (it would otherwise slide out of view and
    /// be dropped).
    pub(super) fn relayout(&mut self) {
        // A quote a search hit took off screen stays selected, but a new
        // layout does not bring it back.
        let sel = self.selected.filter(|&q| self.quote_in_view(q));
        self.refresh();
        if let Some(q) = sel
            && self.selected.is_none()
        {
            self.jump_quote(q);
        }
    }

    /// Jump to quote `q` and select it.
    pub(super) fn jump_quote(&mut self, q: usize) {
        let span = self.index.quotes.at(q).span;
        self.selected = Some(q);
        self.jump_span(span.start, span.end.saturating_sub(1).max(span.start));
        self.selected = Some(q);
    }

    pub(super) fn scroll(&mut self, delta: isize) {
        if delta > 0 {
            self.top = self.advance(self.top, delta as usize);
        } else {
            self.top = self.retreat(self.top, delta.unsigned_abs());
        }
        self.refresh();
        self.cursor_from_view();
    }

    pub(super) fn cursor_from_view(&mut self) {
        if self.top == Anchor::default() {
            self.cursor = 0;
        } else if !self.view.is_empty() {
            self.cursor = self.row_pos(self.reference_row());
        }
    }

    /// Put byte `pos` on the reference row (a few rows below the top), or
    /// as near as the end of the document allows, whether or not it is on
    /// screen already: section and turn jumps always move the text.
    pub(super) fn jump_top(&mut self, pos: usize) {
        let target = self.anchor_of(pos);
        self.top = self.retreat(target, self.reference_row());
        self.refresh();
        self.cursor = pos;
    }

    /// Recompute the geometry, the layout key and the visible lines.
    pub fn refresh(&mut self) {
        self.narrow_blocks();
        let (cols, rows) = self.screen;
        if self.panel_auto {
            self.panel_shown = panel_comfortable(cols, self.layers.speakers, self.width);
        }
        self.geometry = geometry(
            cols,
            rows,
            self.panel_shown,
            self.layers.speakers,
            self.width,
        );
        let key = LayoutKey {
            width: self.geometry.text_w as usize,
            topics: self.layers.topics,
            notes: self.layers.notes,
        };
        if key != self.layout.key() {
            let keep = self.view.first().map(|(_, l)| l.start);
            self.layout.set_key(key);
            if let Some(pos) = keep {
                self.top = self.anchor_of(pos);
            }
        }
        let nb = self.index.blocks.len();
        if nb == 0 {
            self.view.clear();
            return;
        }
        if self.top.block >= nb {
            self.top = Anchor {
                block: nb - 1,
                line: 0,
            };
        }
        let len = self.lines(self.top.block).len();
        self.top.line = self.top.line.min(len - 1);
        let rows = self.rows().max(1);
        self.fill_view(rows);
        if self.view.len() < rows && self.top != Anchor::default() {
            // Past the end: pull back so the last line sits at the bottom.
            let missing = rows - self.view.len();
            self.top = self.retreat(self.top, missing);
            self.fill_view(rows);
        }
        if let Some(q) = self.selected
            && !self.quote_in_view(q)
        {
            self.selected = None;
        }
        self.fix_panel_scroll();
    }

    pub(super) fn fill_view(&mut self, rows: usize) {
        self.view.clear();
        self.at_end = false;
        let mut a = self.top;
        let nb = self.index.blocks.len();
        while self.view.len() < rows && a.block < nb {
            let lines = self.lines(a.block);
            for (i, l) in lines.iter().enumerate().skip(a.line) {
                if self.view.len() >= rows {
                    break;
                }
                self.view.push((a.block, *l));
                self.at_end = a.block + 1 == nb && i + 1 == lines.len();
            }
            a = Anchor {
                block: a.block + 1,
                line: 0,
            };
        }
    }

    /// Whether quote `q` has text on screen.
    pub(super) fn quote_in_view(&self, q: usize) -> bool {
        let (a, b) = self.view_range();
        self.index
            .quotes
            .at(q)
            .span
            .overlaps(Span::new(a, b.max(a + 1)))
    }

    /// Byte range the screen shows.
    pub fn view_range(&self) -> (usize, usize) {
        let a = self.view.first().map_or(0, |(_, l)| l.start);
        let b = self.view.last().map_or(0, |(_, l)| l.end);
        (a, b)
    }
}
