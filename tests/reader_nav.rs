//! Navigation as people read: a transcript by question and turn, counts
//! before commands, the position in percent, the section name, and the
//! panel on narrow screens.

mod reader_fixture;

use attache::annotate::{Options, annotate};
use attache::app::keymap::Keymap;
use attache::app::{Action, State, Tab, update};
use attache::ui::parse_key_script;
use reader_fixture::{settings, state};

fn press(s: &mut State, keys: &str) {
    for k in parse_key_script(keys).expect("keys parse") {
        update(s, Action::Key(k));
    }
}

/// A small press conference: opening statements, then three questions.
fn press_conference(cols: u16, rows: u16) -> State {
    let mut text = String::from("Press conference on the bridge\n\n");
    let long = "We spoke for a long time about the bridge, the river and the towns on both banks, and we agreed on the next steps.";
    text.push_str(&format!("MR. HALE: Good afternoon. {long} {long}\n\n"));
    text.push_str(&format!("MS. ORR: Thank you. {long} {long}\n\n"));
    for (q, a) in [
        ("When will the bridge open?", "HALE"),
        ("Who pays for it?", "ORR"),
        ("And the ferry?", "HALE"),
    ] {
        text.push_str(&format!("Q: {q}\n\n"));
        text.push_str(&format!("MR. {a}: {long} {long} {long}\n\n"));
    }
    let doc = annotate(&text, &Options::default());
    State::new(doc, settings(), Keymap::default(), cols, rows)
}

fn section_name(s: &State) -> String {
    s.current_section()
        .map_or(String::new(), |i| s.section_title(i).to_string())
}

#[test]
fn a_transcript_is_navigated_by_question() {
    let mut s = press_conference(100, 20);
    assert_eq!(s.panel_len(Tab::Outline), 4, "{:?}", s.index.outline);
    press(&mut s, "]]");
    assert!(
        section_name(&s).starts_with("Question: When will"),
        "{}",
        section_name(&s)
    );
    press(&mut s, "]]");
    assert!(section_name(&s).starts_with("Question: Who pays"));
    press(&mut s, "[[");
    assert!(section_name(&s).starts_with("Question: When will"));
    // Questions and turns have keys of their own.
    press(&mut s, "]?");
    assert!(section_name(&s).starts_with("Question: Who pays"));
    press(&mut s, "]t");
    assert!(s.message.is_none(), "{:?}", s.message);
    assert!(section_name(&s).starts_with("Question: Who pays"));
    press(&mut s, "]? ]?");
    assert_eq!(s.message.as_deref(), Some("no more questions below"));
    // The Outline tab lists the exchanges; Enter goes to one.
    press(&mut s, "o g j <Enter>");
    assert!(section_name(&s).starts_with("Question: When will"));
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.starts_with("§ Question"))
    );
}

#[test]
fn an_article_has_no_turns() {
    let doc = annotate("A title\n\nA plain paragraph.\n", &Options::default());
    let mut s = State::new(doc, settings(), Keymap::default(), 80, 20);
    press(&mut s, "]t");
    assert_eq!(s.message.as_deref(), Some("no turns (not a transcript)"));
}

#[test]
fn the_same_screen_has_one_section_name() {
    let mut a = state(100, 16);
    press(&mut a, "]] ]]");
    let mut b = state(100, 16);
    for _ in 0..200 {
        if b.top == a.top {
            break;
        }
        press(&mut b, "j");
    }
    assert_eq!(a.top, b.top);
    assert_eq!(section_name(&a), section_name(&b));
    assert_eq!(section_name(&a), "Questions from the press");
}

#[test]
fn the_percentage_never_goes_back_while_scrolling_down() {
    let mut s = state(80, 8);
    let mut last = s.percent();
    for _ in 0..200 {
        press(&mut s, "j");
        let p = s.percent();
        assert!(p >= last, "{p}% after {last}%");
        last = p;
    }
    assert_eq!(last, 100);
}

#[test]
fn counts_repeat_commands_and_digits_no_longer_toggle_layers() {
    let mut s = state(100, 12);
    press(&mut s, "5j");
    let five = s.top;
    assert!(s.layers.quotes && s.layers.notes);
    let mut t = state(100, 12);
    press(&mut t, "j j j j j");
    assert_eq!(five, t.top);
    press(&mut s, "g 3]q");
    assert_eq!(s.quote_position().0, Some(3));
    press(&mut s, "z1");
    assert!(!s.layers.quotes);
    press(&mut s, "z0");
    assert!(s.layers.quotes);
    // 10G shows line 10 of the text at the top; 100% the end.
    press(&mut s, "100%");
    assert_eq!(s.percent(), 100);
    press(&mut s, "1G");
    assert_eq!(s.percent(), 0);
    press(&mut s, "5<Esc>j");
    assert_eq!(s.count, None);
}

#[test]
fn next_quote_at_the_end_stays_there() {
    for (cols, rows) in [(120, 40), (100, 12), (60, 20)] {
        let mut s = state(cols, rows);
        press(&mut s, "G");
        for _ in 0..8 {
            press(&mut s, "]q");
            assert_eq!(s.percent(), 100, "{cols}x{rows}");
        }
        assert_eq!(s.message.as_deref(), Some("no more quotes below"));
    }
}

#[test]
fn next_quote_with_the_quotes_layer_off_shows_it() {
    let mut s = state(100, 20);
    press(&mut s, "z1 ]q");
    assert!(s.layers.quotes);
    assert!(s.selected.is_some());
    assert!(s.message.as_deref().is_some_and(|m| m.contains("z1")));
}

#[test]
fn narrow_screens_start_without_the_panel_and_keep_the_gutter() {
    let s = state(120, 40);
    assert!(s.geometry.panel.is_some());
    for (cols, rows) in [(80, 24), (60, 20), (60, 15)] {
        let mut s = state(cols, rows);
        assert!(s.geometry.panel.is_none(), "{cols}x{rows}");
        assert!(s.geometry.gutter > 0, "{cols}x{rows}");
        press(&mut s, "s");
        if cols >= 80 {
            assert!(s.geometry.panel.is_some(), "s shows it at {cols}");
        } else {
            // No room for the panel beside the gutter: say so.
            assert!(s.geometry.gutter > 0);
            assert!(s.message.is_some());
        }
    }
}

#[test]
fn enter_in_the_panel_says_what_it_did() {
    let mut s = state(120, 30);
    press(&mut s, "<Tab> <Enter>");
    assert!(s.filter.is_some());
    assert!(s.message.as_deref().is_some_and(|m| m.contains("Esc")));
    press(&mut s, "<Tab> <Enter>");
    assert_eq!(s.filter, None);
    assert_eq!(s.message.as_deref(), Some("filter cleared"));
}
