//! Pasted text and long search text: a paste is typed into the search prompt
//! (never taken as commands), and the search text is capped so that a long
//! paste cannot make every key cost a search of a huge pattern.

mod reader_fixture;

use attache::app::keymap::Key;
use attache::app::{Action, MAX_QUERY, State, update};
use attache::ui::{frame_text, parse_key_script};
use reader_fixture::state;

fn press(s: &mut State, keys: &str) {
    for k in parse_key_script(keys).expect("keys parse") {
        update(s, Action::Key(k));
    }
}

fn paste(s: &mut State, text: &str) {
    update(s, Action::Paste(text.to_string()));
}

#[test]
fn a_paste_in_the_prompt_is_search_text() {
    let mut typed = state(100, 20);
    press(&mut typed, "/the<Space>port");
    let mut pasted = state(100, 20);
    press(&mut pasted, "/");
    paste(&mut pasted, "the port");
    assert_eq!(pasted.search.input.as_deref(), Some("the port"));
    assert!(!pasted.search.hits.is_empty());
    assert_eq!(pasted.search.hits, typed.search.hits);
    assert_eq!(pasted.cursor, typed.cursor);
    // More typing continues the pasted text; Enter keeps the search.
    press(&mut pasted, "<BS> <Enter> n");
    assert_eq!(pasted.search.query, "the por");
    assert!(pasted.search.input.is_none() && pasted.search.active());
}

#[test]
fn line_breaks_in_a_paste_become_spaces_and_controls_are_dropped() {
    let mut s = state(100, 20);
    press(&mut s, "/");
    paste(&mut s, "Fishing\r\nquotas\u{1b}[31m\tremain");
    assert_eq!(
        s.search.input.as_deref(),
        Some("Fishing  quotas[31m remain")
    );
    let mut s = state(100, 20);
    press(&mut s, "/");
    paste(&mut s, "Fishing\nquotas");
    assert_eq!(s.search.input.as_deref(), Some("Fishing quotas"));
    assert_eq!(s.search.hits.len(), 1);
}

#[test]
fn a_paste_outside_the_prompt_runs_no_command() {
    let mut s = state(100, 12);
    let before = (s.top, s.cursor, s.selected, s.layers, s.panel_shown);
    // Each of these characters is a command when typed.
    paste(&mut s, "Gq]q1s/x\n");
    assert!(!s.quit);
    assert!(s.search.input.is_none() && !s.search.active());
    assert_eq!(
        before,
        (s.top, s.cursor, s.selected, s.layers, s.panel_shown)
    );
    let msg = s.message.clone().unwrap_or_default();
    assert!(msg.contains("paste"), "{msg:?}");
    let frame = frame_text(&s, &reader_fixture::styles(), false);
    assert!(frame.contains("paste ignored"), "{frame}");
    // The next key works as usual.
    press(&mut s, "G");
    assert!(s.at_end);
}

#[test]
fn a_long_paste_into_the_prompt_is_capped() {
    let mut s = state(100, 12);
    press(&mut s, "/");
    paste(&mut s, &"the ".repeat(25_000));
    let input = s.search.input.clone().expect("prompt still open");
    assert_eq!(input.chars().count(), MAX_QUERY);
    assert_eq!(s.search.query, input);
    let msg = s.message.clone().unwrap_or_default();
    assert!(msg.contains(&MAX_QUERY.to_string()), "{msg:?}");
    // The message shows while typing, ahead of the long search text.
    let frame = frame_text(&s, &reader_fixture::styles(), false);
    assert!(frame.contains("stops at 1000 characters"), "{frame}");
    // More text (typed or pasted) is refused, editing still works, and
    // Enter then q behave as usual.
    press(&mut s, "x");
    paste(&mut s, "more");
    assert_eq!(
        s.search.input.as_ref().map(|i| i.chars().count()),
        Some(MAX_QUERY)
    );
    press(&mut s, "<BS>");
    assert_eq!(
        s.search.input.as_ref().map(|i| i.chars().count()),
        Some(MAX_QUERY - 1)
    );
    assert_eq!(s.message, None);
    press(&mut s, "<Enter>");
    assert!(s.search.input.is_none());
    assert!(s.message.as_deref().unwrap_or("").contains("not found"));
    press(&mut s, "q");
    assert!(s.quit);
}

#[test]
fn typed_search_text_is_capped_too() {
    let mut s = state(100, 12);
    press(&mut s, "/");
    for _ in 0..MAX_QUERY + 50 {
        update(&mut s, Action::Key(Key::char('a')));
    }
    assert_eq!(
        s.search.input.as_ref().map(|i| i.chars().count()),
        Some(MAX_QUERY)
    );
    assert!(s.message.is_some());
}

#[test]
fn a_paste_that_fits_exactly_says_nothing() {
    let mut s = state(100, 12);
    press(&mut s, "/");
    paste(&mut s, &"é".repeat(MAX_QUERY));
    assert_eq!(
        s.search.input.as_ref().map(|i| i.chars().count()),
        Some(MAX_QUERY)
    );
    assert_eq!(s.message, None);
}

/// A document whose words repeat and overlap themselves ("aaaa", "ababab").
fn overlapping_words() -> State {
    let mut doc = reader_fixture::document();
    doc.text = "aaaa aaaaa abab ababab abcabc ABAB the theme thethe Aaa\n\n\
                more aaaaaa ababa abcab ThE thethethe bab aab"
        .into();
    doc.blocks.clear();
    doc.sections.clear();
    doc.annotations.clear();
    State::new(
        doc,
        reader_fixture::settings(),
        attache::app::keymap::Keymap::default(),
        100,
        20,
    )
}

#[test]
fn typing_a_query_finds_what_searching_it_at_once_finds() {
    for q in [
        "aaa", "aa", "abab", "ababa", "abc", "abcab", "thethe", "the", "th", "AB", "aB", "Aaa",
        "b a", "bab", "xyz", "a",
    ] {
        // Typed one key at a time: each key narrows the previous hits when it can.
        let mut typed = overlapping_words();
        press(&mut typed, "/");
        for c in q.chars() {
            let k = if c == ' ' {
                Key::plain(attache::app::keymap::KeyCode::Char(' '))
            } else {
                Key::char(c)
            };
            update(&mut typed, Action::Key(k));
        }
        // Pasted whole: one search of the whole text.
        let mut once = overlapping_words();
        press(&mut once, "/");
        paste(&mut once, q);
        assert_eq!(typed.search.query, q);
        assert_eq!(typed.search.hits, once.search.hits, "query {q:?}");
        assert_eq!(typed.search.current, once.search.current, "query {q:?}");
    }
}
