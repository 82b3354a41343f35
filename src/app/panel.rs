//! The side panel: activating a row (filter by speaker or topic, jump to a
//! section), the filter itself, and keeping the selected row in view.

use super::navigation::pick_quote;
use super::state::{Filter, Focus, State, Tab};
use crate::model::{SpeakerId, TopicId};

pub(super) fn activate(s: &mut State) {
    let i = s.panel_sel[s.tab.index()];
    if i >= s.panel_len(s.tab) {
        return;
    }
    match s.tab {
        Tab::Speakers => set_filter(s, Filter::Speaker(SpeakerId(i as u32))),
        Tab::Topics => set_filter(s, Filter::Topic(TopicId(i as u32))),
        Tab::Outline => {
            s.focus = Focus::Pane;
            let p = s.index.section_starts[i];
            s.jump_top(p);
            s.message = Some(format!("§ {}", s.section_title(i)));
        }
    }
}

pub(super) fn set_filter(s: &mut State, f: Filter) {
    s.focus = Focus::Pane;
    if s.filter == Some(f) {
        // Picking the active filter again clears it.
        s.filter = None;
        s.filter_only = false;
        s.refresh();
        s.message = Some("filter cleared".into());
        return;
    }
    s.filter = Some(f);
    // In only mode the new filter's paragraphs replace the old one's.
    s.refresh();
    // The filtered name is the selected row of its tab, kept in view
    // however the filter was set (panel, or a click on a gutter label).
    let (tab, row) = match f {
        Filter::Speaker(id) => (Tab::Speakers, id.index()),
        Filter::Topic(id) => (Tab::Topics, id.index()),
    };
    s.panel_sel[tab.index()] = row;
    s.fix_panel_scroll();
    let said = if s.filter_only {
        "only its paragraphs: ]q visits its quotes, & dims instead, Esc clears"
    } else {
        "]q visits its quotes, & shows only them, Esc clears"
    }
    .to_string();
    let list = s.quote_list().unwrap_or(&[]);
    let Some(&first) = list.first() else {
        s.message = Some("no quotes for this filter".into());
        return;
    };
    s.selected = None;
    let list = s.quote_list().unwrap_or(&[]);
    let q = pick_quote(s, Some(list), true).unwrap_or(first);
    s.jump_quote(q);
    s.message = Some(said);
}

impl State {
    pub(super) fn panel_rows(&self) -> usize {
        self.geometry
            .panel
            .map_or(0, |p| p.h.saturating_sub(2) as usize)
    }

    /// Keep each tab's selected row in view, and the list filling the panel
    /// (no blank rows below its end while rows above are scrolled off).
    /// Nothing moves while the panel is hidden: its height then says
    /// nothing about the rows it will have.
    pub(super) fn fix_panel_scroll(&mut self) {
        let rows = self.panel_rows();
        if rows == 0 {
            return;
        }
        for t in Tab::ALL {
            let i = t.index();
            let n = self.panel_len(t);
            self.panel_sel[i] = self.panel_sel[i].min(n.saturating_sub(1));
            if self.panel_sel[i] < self.panel_top[i] {
                self.panel_top[i] = self.panel_sel[i];
            } else if self.panel_sel[i] >= self.panel_top[i] + rows {
                self.panel_top[i] = self.panel_sel[i] + 1 - rows;
            }
            self.panel_top[i] = self.panel_top[i].min(n.saturating_sub(rows));
        }
    }
}
