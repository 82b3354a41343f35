//! `update` driven by key sequences, as a user would type them.

mod reader_fixture;

use attache::app::keymap::Keymap;
use attache::app::{Action, Filter, Focus, State, Tab, update};
use attache::model::SpeakerId;
use attache::ui::parse_key_script;
use reader_fixture::{document, repeated, settings, state};

fn press(s: &mut State, keys: &str) {
    for k in parse_key_script(keys).expect("keys parse") {
        update(s, Action::Key(k));
    }
}

fn selected_text(s: &State) -> &str {
    let q = s.selected.expect("a quote is selected");
    s.doc.slice(s.index.quotes.at(q).span)
}

fn view_text(s: &State) -> String {
    s.view
        .iter()
        .map(|(_, l)| &s.doc.text[l.start..l.end])
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn quote_jumps_visit_quotes_in_order() {
    let mut s = state(100, 20);
    press(&mut s, "]q");
    assert!(selected_text(&s).starts_with("We came here"));
    press(&mut s, "]q");
    assert!(selected_text(&s).starts_with("Fishing quotas"));
    press(&mut s, "n"); // no search active: n is next quote
    assert!(selected_text(&s).starts_with("Will sanctions"));
    press(&mut s, "[q");
    assert!(selected_text(&s).starts_with("Fishing quotas"));
    press(&mut s, "p");
    assert!(selected_text(&s).starts_with("We came here"));
    assert_eq!(s.quote_position(), (Some(1), 6));
}

#[test]
fn same_speaker_jumps_skip_others() {
    let mut s = state(100, 20);
    press(&mut s, "]q ]s");
    assert!(selected_text(&s).starts_with("Fishing quotas"));
    press(&mut s, "]s");
    assert!(
        selected_text(&s).starts_with("Not before"),
        "{}",
        selected_text(&s)
    );
    press(&mut s, "[s");
    assert!(selected_text(&s).starts_with("Fishing quotas"));
}

#[test]
fn jump_puts_target_in_view_with_context() {
    let mut s = State::new(repeated(40), settings(), Keymap::default(), 100, 20);
    press(&mut s, "G");
    assert!(s.at_end);
    press(&mut s, "g ]] ]] ]] ]]");
    let target = s.cursor;
    let row = s
        .view
        .iter()
        .position(|(_, l)| l.start <= target && target <= l.end && l.end > l.start)
        .expect("target in view");
    assert!(row >= 3, "context above the target, got row {row}");
    assert!(view_text(&s).contains("Opening remarks") || view_text(&s).contains("Questions"));
}

#[test]
fn sections_forward_and_back() {
    let mut s = state(100, 12);
    press(&mut s, "]]");
    assert_eq!(s.current_section(), Some(1));
    press(&mut s, "]]");
    assert_eq!(s.current_section(), Some(2));
    press(&mut s, "[[");
    assert_eq!(s.current_section(), Some(1));
    press(&mut s, "}");
    assert_eq!(s.current_section(), Some(2));
    press(&mut s, "]]");
    assert_eq!(s.message.as_deref(), Some("last section"));
}

#[test]
fn speaker_filter_from_the_panel() {
    let mut s = state(120, 30);
    press(&mut s, "<Tab>");
    assert_eq!(s.focus, Focus::Panel);
    press(&mut s, "j j <Enter>");
    assert_eq!(s.filter, Some(Filter::Speaker(SpeakerId(2))));
    assert!(selected_text(&s).starts_with("The port matters"));
    // Quote jumps visit only the filtered speaker's quotes.
    press(&mut s, "g ]q");
    assert!(selected_text(&s).starts_with("The port matters"));
    assert_eq!(s.quote_position(), (Some(1), 1));
    press(&mut s, "<Esc>");
    assert_eq!(s.filter, None);
}

#[test]
fn topic_filter_and_outline_jump() {
    let mut s = state(120, 30);
    press(&mut s, "<Tab> l");
    assert_eq!(s.tab, Tab::Topics);
    press(&mut s, "j <Enter>"); // Fisheries
    assert!(selected_text(&s).starts_with("Fishing quotas"));
    press(&mut s, "<Esc> o j j <Enter>");
    assert_eq!(s.current_section(), Some(2));
    assert_eq!(s.focus, Focus::Pane);
}

#[test]
fn search_counts_hits_and_wraps() {
    let mut s = state(100, 12);
    press(&mut s, "/the<Enter>");
    let n = s.search.hits.len();
    assert!(n >= 5, "{n}");
    assert_eq!(s.search.current, Some(0));
    press(&mut s, "n n");
    assert_eq!(s.search.current, Some(2));
    press(&mut s, "N");
    assert_eq!(s.search.current, Some(1));
    // Smart case: an upper-case letter makes the search exact.
    press(&mut s, "/The<Enter>");
    assert!(s.search.hits.len() < n);
    press(&mut s, "<Esc>");
    assert!(!s.search.active());
    press(&mut s, "/zzzz<Enter>");
    assert!(s.search.hits.is_empty());
    assert!(s.message.as_deref().unwrap_or("").contains("not found"));
}

#[test]
fn incremental_search_moves_while_typing_and_esc_returns() {
    let mut s = State::new(repeated(30), settings(), Keymap::default(), 100, 20);
    press(&mut s, "/Troms");
    assert!(s.search.input.is_some());
    assert!(!s.search.hits.is_empty());
    assert!(view_text(&s).contains("Troms"));
    press(&mut s, "<Esc>");
    assert!(s.search.input.is_none() && !s.search.active());
    assert_eq!(s.cursor, 0);
}

#[test]
fn layers_toggle_and_reset() {
    let mut s = state(100, 20);
    press(&mut s, "z1 z3 z4");
    assert!(!s.layers.quotes && !s.layers.entities && !s.layers.topics);
    assert!(s.layers.speakers && s.layers.notes);
    press(&mut s, "z0");
    assert_eq!(s.layers, Default::default());
}

#[test]
fn pending_prefix_waits_then_resolves() {
    let mut s = state(100, 20);
    press(&mut s, "]");
    assert_eq!(s.pending.len(), 1);
    assert_eq!(s.selected, None);
    press(&mut s, "q");
    assert!(s.pending.is_empty());
    assert!(s.selected.is_some());
    // An unbound second key drops the prefix and is tried on its own.
    press(&mut s, "] j");
    assert!(s.pending.is_empty());
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut s = state(100, 20);
    press(&mut s, "?");
    assert_eq!(s.help, Some(0));
    press(&mut s, "j j");
    assert_eq!(s.help, Some(2));
    press(&mut s, "q");
    assert_eq!(s.help, None);
    assert!(!s.quit);
    press(&mut s, "<F1> <Esc> q");
    assert!(s.quit);
}

#[test]
fn width_changes_keep_the_place() {
    let mut s = State::new(repeated(20), settings(), Keymap::default(), 120, 30);
    press(&mut s, "<C-d> <C-d> <C-d>");
    let before = s.view[0].1.start;
    // The pane holds 74 columns of text: each press takes 10 from what shows.
    assert_eq!(s.geometry.text_w, 74);
    press(&mut s, "- - -");
    assert_eq!(s.width, 44);
    let after = s.view[0].1.start;
    assert!(after <= before && before - after < 200, "{before} {after}");
}

#[test]
fn any_size_and_resizes() {
    let mut s = state(120, 40);
    for (c, r) in [
        (1, 1),
        (0, 0),
        (20, 5),
        (3, 200),
        (500, 2),
        (12, 3),
        (80, 24),
    ] {
        update(&mut s, Action::Resize { cols: c, rows: r });
        press(
            &mut s,
            "]q j G <C-u> ]] / x <Enter> n o <Enter> <Tab> <Esc>",
        );
        let _ = attache::ui::frame_text(&s, &reader_fixture::styles(), false);
    }
}

#[test]
fn paging_reaches_the_end_and_stops() {
    let mut s = State::new(repeated(10), settings(), Keymap::default(), 100, 20);
    for _ in 0..500 {
        press(&mut s, "<Space>");
    }
    assert!(s.at_end);
    assert_eq!(s.percent(), 100);
    let top = s.top;
    press(&mut s, "j");
    assert_eq!(s.top, top);
    press(&mut s, "g");
    assert_eq!(s.percent(), 0);
}

#[test]
fn click_selects_the_quote_under_the_mouse() {
    let mut s = state(120, 40);
    let (row, _) = s
        .view
        .iter()
        .enumerate()
        .find(|(_, (_, l))| s.doc.text[l.start..l.end].contains("We came"))
        .map(|(i, v)| (i, v.1))
        .unwrap();
    let y = s.geometry.pane.y + row as u16;
    let x = s.geometry.text_x + 5;
    update(&mut s, Action::Click { col: x, row: y });
    assert!(selected_text(&s).starts_with("We came"));
    // A click on the third speaker in the panel filters by them.
    let p = s.geometry.panel.unwrap();
    update(
        &mut s,
        Action::Click {
            col: p.x + 3,
            row: p.y + 3,
        },
    );
    assert_eq!(s.filter, Some(Filter::Speaker(SpeakerId(2))));
}

#[test]
fn empty_document_does_not_break() {
    let mut doc = document();
    doc.text.clear();
    doc.blocks.clear();
    doc.sections.clear();
    doc.annotations.clear();
    let mut s = State::new(doc, settings(), Keymap::default(), 80, 24);
    press(&mut s, "j G ]q ]] /a<Enter> n <Tab> <Enter>");
    let _ = attache::ui::frame_text(&s, &reader_fixture::styles(), false);
}

#[test]
fn clicking_a_gutter_label_filters_and_picking_again_clears() {
    let mut s = state(120, 40);
    let row = s
        .view
        .iter()
        .position(|(_, l)| s.doc.text[l.start..l.end].starts_with("MR. OKAFOR"))
        .expect("Okafor's turn in view");
    let y = s.geometry.pane.y + row as u16;
    update(&mut s, Action::Click { col: 3, row: y });
    assert_eq!(s.filter, Some(Filter::Speaker(SpeakerId(2))));
    press(&mut s, "<Tab> j j <Enter>");
    assert_eq!(s.filter, None, "picking the active filter again clears it");
}

#[test]
fn esc_then_key_sent_together_is_not_lost() {
    let mut s = state(100, 20);
    press(&mut s, "/port<Enter>");
    // Terminals report a fast Esc, q as Alt+q.
    update(
        &mut s,
        Action::Key(attache::app::keymap::Key {
            alt: true,
            ..attache::app::keymap::Key::char('q')
        }),
    );
    assert!(!s.search.active());
    assert!(s.quit);
}

#[test]
fn panel_rows_go_to_first_and_last() {
    let mut s = state(120, 30);
    press(&mut s, "<Tab> G");
    assert_eq!(s.panel_sel[0], 2);
    press(&mut s, "g");
    assert_eq!(s.panel_sel[0], 0);
    // The reading pane did not move.
    assert_eq!(s.percent(), 0);
}

/// Rows of the view that show byte `pos`.
fn row_of(s: &State, pos: usize) -> Option<usize> {
    s.view
        .iter()
        .position(|(_, l)| l.start <= pos && pos < l.end.max(l.start + 1))
}

#[test]
fn quote_jumps_show_the_whole_quote_when_it_fits() {
    // Narrow screens wrap each quote over several lines; after every jump the
    // quote's last line must be on screen too, or its first line must sit
    // just below the context rows (a quote taller than the screen).
    for rows in 8..=16 {
        let mut s = State::new(repeated(4), settings(), Keymap::default(), 40, rows);
        let mut seen = 0;
        loop {
            let before = s.selected;
            press(&mut s, "]q");
            if s.selected == before {
                break;
            }
            seen += 1;
            let span = s.index.quotes.at(s.selected.expect("selected")).span;
            let ctx = 3.min((rows as usize - 3) / 2);
            let first = row_of(&s, span.start).expect("quote start in view");
            assert!(
                first >= ctx || s.view[0].1.start == 0,
                "rows {rows}: first row {first}"
            );
            let last = row_of(&s, span.end - 1);
            assert!(
                last.is_some() || first == ctx,
                "rows {rows}, quote {seen}: starts on row {first}, ends below the screen"
            );
        }
        assert_eq!(seen, s.index.quotes.len());
    }
}

#[test]
fn narrower_starts_from_the_width_on_screen() {
    // 80 columns with the panel: the text is narrower than the 100-column
    // setting, and the first `-` already narrows it.
    let mut s = state(80, 24);
    let before = s.geometry.text_w;
    assert!(before < 100);
    press(&mut s, "-");
    assert_eq!(s.geometry.text_w, before - 10);
    press(&mut s, "+");
    assert_eq!(s.geometry.text_w, before);
    press(&mut s, "+");
    assert_eq!(s.geometry.text_w, before);
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.contains("pane holds"))
    );
}

#[test]
fn the_selected_quote_stays_in_view_through_relayouts() {
    // Quotes selected anywhere on the screen, the lowest ones included.
    for n in 1..=12 {
        let mut s = State::new(repeated(6), settings(), Keymap::default(), 120, 30);
        for _ in 0..n {
            press(&mut s, "]q");
        }
        let q = s.selected.expect("a quote is selected");
        let in_view = |s: &State| {
            let span = s.index.quotes.at(q).span;
            s.view
                .iter()
                .any(|(_, l)| l.start <= span.start && span.start < l.end)
        };
        for keys in ["- - - - -", "+ + +", "4", "2", "s", "0", "s"] {
            press(&mut s, keys);
            assert_eq!(s.selected, Some(q), "quote {n}, after {keys}");
            assert!(in_view(&s), "quote {n}, after {keys}");
        }
        for (cols, rows) in [(60, 20), (30, 8), (200, 12), (80, 24)] {
            update(&mut s, Action::Resize { cols, rows });
            assert_eq!(s.selected, Some(q), "quote {n} at {cols}x{rows}");
            assert!(in_view(&s), "quote {n} at {cols}x{rows}");
        }
    }
}
