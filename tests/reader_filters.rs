//! Filters and lists in the reader: a speaker or topic filter that shows
//! only its paragraphs (`&`), the Speakers list keeping the filtered name in
//! view, and search hits that wrap round the document.

mod reader_fixture;

use attache::app::keymap::Keymap;
use attache::app::{Action, Filter, State, Tab, label_quote, update};
use attache::model::SpeakerId;
use attache::ui::parse_key_script;
use reader_fixture::{frame, repeated, settings, state};

fn press(s: &mut State, keys: &str) {
    for k in parse_key_script(keys).expect("keys parse") {
        update(s, Action::Key(k));
    }
}

fn view_text(s: &State) -> String {
    s.view
        .iter()
        .map(|(_, l)| &s.doc.text[l.start..l.end])
        .collect::<Vec<_>>()
        .join("\n")
}

fn selected_text(s: &State) -> &str {
    let q = s.selected.expect("a quote is selected");
    s.doc.slice(s.index.quotes.at(q).span)
}

#[test]
fn only_mode_shows_the_speakers_turns_and_esc_shows_everything() {
    let mut s = state(120, 40);
    // Third speaker: David Okafor, one turn.
    press(&mut s, "<Tab> j j <Enter>");
    assert_eq!(s.filter, Some(Filter::Speaker(SpeakerId(2))));
    assert!(view_text(&s).contains("We came here"), "dim mode shows all");
    press(&mut s, "&");
    assert!(s.filter_only);
    let v = view_text(&s);
    assert!(v.contains("The port matters"), "{v}");
    assert!(v.contains("Questions from the press"), "its heading: {v}");
    for hidden in [
        "We came here",
        "Will sanctions",
        "Not before",
        "Opening remarks",
    ] {
        assert!(!v.contains(hidden), "{hidden:?} hidden:\n{v}");
    }
    // `&` again: back to dimming.
    press(&mut s, "&");
    assert!(!s.filter_only);
    press(&mut s, "g");
    assert!(view_text(&s).contains("We came here"));
    // Only again, then Esc clears the filter and the mode.
    press(&mut s, "&");
    assert!(!view_text(&s).contains("We came here"));
    press(&mut s, "<Esc>");
    assert_eq!(s.filter, None);
    assert!(!s.filter_only);
    press(&mut s, "g");
    assert!(view_text(&s).contains("We came here"));
}

#[test]
fn quote_jumps_visit_one_speakers_quotes_in_only_mode() {
    let mut s = state(100, 12);
    // First speaker: Maria Lindqvist, two quotes and a turn.
    press(&mut s, "<Tab> <Enter> &");
    assert!(selected_text(&s).starts_with("We came here"));
    press(&mut s, "]q");
    assert!(selected_text(&s).starts_with("Fishing quotas"));
    press(&mut s, "]q");
    assert!(selected_text(&s).starts_with("Not before"));
    assert_eq!(s.quote_position(), (Some(3), 3));
    press(&mut s, "]q");
    assert_eq!(s.message.as_deref(), Some("no more quotes below"));
    press(&mut s, "[s");
    assert!(selected_text(&s).starts_with("Fishing quotas"));
    press(&mut s, "]s");
    assert!(selected_text(&s).starts_with("Not before"));
    // The reporters' questions are hidden: the screen holds her words.
    assert!(!view_text(&s).contains("Will sanctions"));
}

#[test]
fn switching_speakers_in_only_mode_shows_the_new_ones() {
    let mut s = state(120, 40);
    press(&mut s, "<Tab> j j <Enter> & <Tab> k <Enter>");
    assert_eq!(s.filter, Some(Filter::Speaker(SpeakerId(1))));
    assert!(s.filter_only);
    let v = view_text(&s);
    assert!(
        v.contains("Will sanctions") && v.contains("What about"),
        "{v}"
    );
    assert!(!v.contains("The port matters"), "{v}");
}

#[test]
fn topic_filter_in_only_mode() {
    let mut s = state(120, 40);
    // Topics tab, second topic: Fisheries (the Nordic paragraph only).
    press(&mut s, "<Tab> l j <Enter> &");
    assert_eq!(s.tab, Tab::Topics);
    let v = view_text(&s);
    assert!(v.contains("Nordic Council"), "{v}");
    assert!(
        !v.contains("We came here") && !v.contains("The port"),
        "{v}"
    );
}

#[test]
fn only_mode_without_a_filter_says_how() {
    let mut s = state(100, 20);
    press(&mut s, "&");
    assert!(!s.filter_only);
    let m = s.message.clone().unwrap_or_default();
    assert!(m.contains("no filter"), "{m}");
}

#[test]
fn status_line_names_the_mode() {
    let dim = frame(120, 30, "<Tab> j j <Enter>");
    assert!(dim.contains("filter: David Okafor"), "{dim}");
    let only = frame(120, 30, "<Tab> j j <Enter> & <Esc> <Tab> j j <Enter> &");
    assert!(only.contains("only: David Okafor"), "{only}");
}

#[test]
fn speaker_filter_only_mode_snapshot() {
    insta::assert_snapshot!(frame(120, 30, "<Tab> <Enter> &"));
}

/// A state whose panel shows only `rows` rows of the list.
fn short_panel(rows: usize) -> State {
    for h in 4..20 {
        let s = state(120, h);
        if s.geometry.panel.is_some_and(|p| p.h as usize == rows + 2) {
            return s;
        }
    }
    panic!("no height gives a panel of {rows} rows");
}

#[test]
fn speakers_list_keeps_the_filtered_name_in_view() {
    let mut s = short_panel(2);
    let sp = Tab::Speakers as usize;
    press(&mut s, "<Tab> G <Enter>");
    assert_eq!(s.filter, Some(Filter::Speaker(SpeakerId(2))));
    assert_eq!((s.panel_sel[sp], s.panel_top[sp]), (2, 1));
    // Hiding and showing the panel keeps the list where it was (hidden, it
    // has no rows to scroll by).
    press(&mut s, "s s");
    assert!(s.geometry.panel.is_some());
    assert_eq!((s.panel_sel[sp], s.panel_top[sp]), (2, 1));
    // Clear, go to the top of the list, then filter by a click on Okafor's
    // gutter label: the list scrolls to his name.
    press(&mut s, "<Esc> <Tab> g <Tab> G");
    assert_eq!(s.panel_top[sp], 0);
    let (row, _) = s
        .view
        .iter()
        .enumerate()
        .find(|(_, (_, l))| {
            label_quote(&s, l).is_some_and(|q| s.index.quotes.at(q).speaker == Some(SpeakerId(2)))
        })
        .expect("Okafor's label on screen");
    let y = s.geometry.pane.y + row as u16;
    update(&mut s, Action::Click { col: 1, row: y });
    assert_eq!(s.filter, Some(Filter::Speaker(SpeakerId(2))));
    assert_eq!(s.panel_sel[sp], 2);
    assert!(s.panel_top[sp] <= 2 && 2 < s.panel_top[sp] + 2);
}

#[test]
fn forward_search_that_wraps_says_so_while_typing_and_with_n() {
    let mut s = state(100, 20);
    // Start below the only "lecture", then search for it while typing.
    press(&mut s, "G /lecture");
    assert_eq!(
        s.message.as_deref(),
        Some("search hit BOTTOM, continuing at TOP")
    );
    press(&mut s, "<Enter> n");
    assert_eq!(
        s.message.as_deref(),
        Some("search hit BOTTOM, continuing at TOP")
    );
    press(&mut s, "N");
    assert_eq!(
        s.message.as_deref(),
        Some("search hit TOP, continuing at BOTTOM")
    );
}

#[test]
fn search_that_wraps_either_way_keeps_the_selected_quote() {
    // Five copies of the fixture: a hit at the other end is off screen.
    for (back, fwd) in [("N", "n"), ("n", "N")] {
        let mut s = State::new(repeated(5), settings(), Keymap::default(), 100, 20);
        press(&mut s, "]q");
        let q = s.selected.expect("first quote selected");
        // The first "lecture" is in that quote; the last is four copies below.
        press(&mut s, "/lecture<Enter>");
        assert_eq!(s.selected, Some(q));
        let first = s.search.current;
        press(&mut s, back);
        if back == "N" {
            assert_eq!(
                s.message.as_deref(),
                Some("search hit TOP, continuing at BOTTOM")
            );
            assert_eq!(s.selected, Some(q), "N wrapping keeps the quote");
            press(&mut s, fwd);
            assert_eq!(s.search.current, first);
            assert_eq!(s.selected, Some(q), "back at the quote, still selected");
        } else {
            assert_eq!(s.selected, Some(q), "n keeps the quote");
            press(&mut s, fwd);
            assert_eq!(s.selected, Some(q));
        }
    }
}

#[test]
fn a_quote_a_search_took_off_screen_is_dropped_by_the_next_scroll() {
    let mut s = State::new(repeated(5), settings(), Keymap::default(), 100, 20);
    press(&mut s, "]q /lecture<Enter> N");
    assert!(s.selected.is_some());
    // A new layout does not pull the screen back to it…
    let top = s.top;
    press(&mut s, "-");
    assert!(
        s.top.block >= top.block.saturating_sub(1),
        "stayed near the hit"
    );
    // …and the next scroll, which does not show it, drops it.
    press(&mut s, "k");
    assert_eq!(s.selected, None);
}
