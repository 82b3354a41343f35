//! Property: any text, any keys, any screen size — the reader never panics,
//! always draws a full frame, and never writes (or copies) a control character.

use attache::app::keymap::Keymap;
use attache::app::{Action, Settings, State, update};
use attache::ui::{frame_text, parse_key_script};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "word",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\u{1b}[2J",
    "\t",
    "\u{7}",
    "\u{9b}",
    "\u{202e}",
    "漢字",
    "e\u{301}",
    "\u{200d}",
    "\u{201c}",
    "\u{201d}",
    "\"",
    "MR. SMITH: ",
    "QUESTION: ",
    "Heading\n\n",
    "said",
    ".",
    ",",
    "\u{feff}",
    "\r\n",
    "👩\u{200d}👩\u{200d}👧",
];

const KEYS: &[&str] = &[
    "j",
    "k",
    "<Space>",
    "b",
    "<C-d>",
    "<C-u>",
    "g",
    "G",
    "]]",
    "[[",
    "]q",
    "[q",
    "]s",
    "[s",
    "n",
    "N",
    "p",
    "/a<Enter>",
    "/\u{1b}",
    "<Esc>",
    "1",
    "2",
    "3",
    "4",
    "5",
    "0",
    "o",
    "s",
    "<Tab>",
    "l",
    "h",
    "<Enter>",
    "?",
    "-",
    "+",
    "]",
    "v",
    "V",
    "w",
    "e",
    "$",
    "y",
    "Y",
    "i",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..200).prop_map(|v| v.concat())
}

fn action() -> impl Strategy<Value = Vec<Action>> {
    prop_oneof![
        prop::sample::select(KEYS).prop_map(|k| parse_key_script(k)
            .unwrap_or_default()
            .into_iter()
            .map(Action::Key)
            .collect()),
        (0u16..150, 0u16..60).prop_map(|(cols, rows)| vec![Action::Resize { cols, rows }]),
        (0u16..150, 0u16..60).prop_map(|(col, row)| vec![Action::Click { col, row }]),
        (-20i32..20).prop_map(|n| vec![Action::Wheel(n)]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn reader_survives_anything(
        raw in text(),
        actions in prop::collection::vec(action(), 0..40),
        cols in 1u16..140,
        rows in 1u16..50,
    ) {
        let doc = attache::annotate::annotate(&raw, &Default::default());
        let mut s = State::new(doc, Settings::default(), Keymap::default(), cols, rows);
        for a in actions.into_iter().flatten() {
            update(&mut s, a);
            // Copied text never carries a control character but newline and tab.
            if let Some(c) = s.clipboard.take() {
                prop_assert!(!c.chars().any(attache::model::text::is_unsafe), "{:?}", c);
            }
        }
        let out = frame_text(&s, &attache::theme::Styles::fallback(), false);
        let (c, r) = s.screen;
        prop_assert_eq!(out.lines().count(), if c == 0 { 0 } else { r as usize });
        prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{}", out);
        let ansi = frame_text(&s, &attache::theme::Styles::fallback(), true);
        // The only escape sequences are the SGR ones the renderer writes.
        for part in ansi.split('\u{1b}').skip(1) {
            prop_assert!(part.starts_with('['), "{:?}", part);
            let end = part.find('m').unwrap_or(0);
            prop_assert!(part[1..end].chars().all(|c| c.is_ascii_digit() || c == ';'), "{:?}", part);
        }
    }
}
