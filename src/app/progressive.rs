//! Opening a large text progressively: the reader first shows a quick
//! annotation of the text's head while the whole text is annotated in the
//! background, then swaps the full annotation in without moving the screen.
//!
//! Until then every command works on what is ready (the head): `G` goes to
//! its end, search and the quote counts cover it only, and the status line
//! says so ("annotating 42%"). The event loop in `ui` feeds the progress
//! and the finished document in; nothing here waits or spawns.

use super::index::Index;
use super::state::{Filter, State};
use crate::model::Document;

impl State {
    /// Mark the document shown as the head of a text still being annotated,
    /// `percent` of the way through.
    pub fn set_loading(&mut self, percent: u8) {
        self.loading = Some(percent.min(100));
    }

    /// Swap in `doc`, the whole text's annotation, for the head shown so
    /// far, keeping the screen where it is: the same text stays at the top
    /// (the head is the start of the whole text), the filter and the selected
    /// quote stay when the whole text has them too (a speaker or topic of
    /// the same name, a quote of the same words), and a search is made again.
    pub fn finish_loading(&mut self, doc: Document) {
        let index = Index::new(&doc);
        self.finish_loading_indexed(doc, index);
    }

    /// [`State::finish_loading`] with the index of `doc` already made
    /// (by the thread that annotated it, see `ui`).
    pub fn finish_loading_indexed(&mut self, doc: Document, index: Index) {
        self.loading = None;
        let same_start = doc.text.starts_with(&self.doc.text);
        let top = self
            .view
            .first()
            .map(|(_, l)| l.start)
            .filter(|_| same_start);
        let cursor = self.cursor;
        let filter = self.filter.and_then(|f| self.map_filter(f, &doc));
        let selected = self
            .selected
            .map(|q| self.index.quotes.at(q).span)
            .filter(|_| same_start);
        self.index = index;
        self.doc = doc;
        self.only_shown = None;
        self.filter = filter;
        self.layout.clear();
        self.selected = selected.and_then(|span| {
            let i = self.index.quotes.partition_point(|q| q.span < span);
            (self.index.quotes.get(i).map(|q| q.span) == Some(span)).then_some(i)
        });
        self.top = match top {
            Some(pos) => self.anchor_of(pos),
            None => Default::default(),
        };
        self.cursor = if same_start { cursor } else { 0 };
        self.refresh();
        if self.search.active() {
            super::search::search_again(self);
        }
        if (self.message.as_deref()).is_some_and(|m| m.starts_with(super::notes::WAIT_FOR_WHOLE)) {
            self.message = None;
        }
        if let Some((sidecar, path)) = self.notes.deferred.take() {
            self.attach_notes(sidecar, path);
        }
    }

    /// The filter `f` of the head as a filter of `doc`: the speaker or topic
    /// of the same name.
    fn map_filter(&self, f: Filter, doc: &Document) -> Option<Filter> {
        match f {
            Filter::Speaker(id) => {
                let name = &self.doc.speaker(id)?.name;
                let i = doc.speakers.iter().position(|s| &s.name == name)?;
                Some(Filter::Speaker(doc.speakers[i].id))
            }
            Filter::Topic(id) => {
                let name = &self.doc.topic(id)?.name;
                let i = doc.topics.iter().position(|t| &t.name == name)?;
                Some(Filter::Topic(doc.topics[i].id))
            }
        }
    }
}
