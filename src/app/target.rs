//! What a command that annotates acts on (a note, a highlight, a
//! correction): the span the reader has picked.

use super::state::State;
use crate::model::Span;

impl State {
    /// The span annotating commands act on: the selected quote's span,
    /// when a quote is selected.
    pub fn target_span(&self) -> Option<Span> {
        self.selected
            .and_then(|q| self.index.quotes.get(q))
            .map(|q| q.span)
    }
}
