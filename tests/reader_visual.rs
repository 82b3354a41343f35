//! Quote details (`i`), copying with a citation (`y`, `Y`) and visual
//! selection (`v`, `V`), driven by keys as a user would type them.

mod reader_fixture;

use attache::app::keymap::Keymap;
use attache::app::{Action, State, update};
use attache::model::{AnnotationBody, Span};
use attache::ui::parse_key_script;
use reader_fixture::{document, repeated, settings, state};

fn press(s: &mut State, keys: &str) {
    for k in parse_key_script(keys).expect("keys parse") {
        update(s, Action::Key(k));
    }
}

fn selection(s: &State) -> &str {
    let v = s.visual.expect("visual mode");
    s.doc.slice(v.span(&s.doc.text))
}

fn cursor(s: &State) -> usize {
    s.visual.expect("visual mode").cursor
}

fn at(s: &State, needle: &str) -> usize {
    s.doc.text.find(needle).expect("needle in fixture")
}

const CITE: &str = "— Maria Lindqvist, Special Envoy for the Arctic; Talks on the Harbour Accord, Test Wire, March 3, 2025";

#[test]
fn v_starts_at_the_selected_quote_else_at_the_first_line_shown() {
    let mut s = state(100, 20);
    press(&mut s, "v");
    assert_eq!(cursor(&s), 0, "first line shown");
    assert_eq!(selection(&s), "T");
    press(&mut s, "<Esc>");
    assert!(s.visual.is_none());
    press(&mut s, "]q v");
    assert_eq!(cursor(&s), at(&s, "We came"));
    assert_eq!(selection(&s), "W");
}

#[test]
fn y_copies_the_selected_quote_with_its_citation_and_y_upper_the_words_only() {
    let mut s = state(100, 20);
    press(&mut s, "]q y");
    let words = "We came here to listen, not to lecture,";
    let want = format!("{words}\n{CITE}");
    assert_eq!(s.clipboard.as_deref(), Some(want.as_str()));
    let n = want.chars().count();
    assert_eq!(
        s.message.as_deref(),
        Some(format!("copied {n} characters with citation").as_str())
    );
    s.clipboard = None;
    press(&mut s, "Y");
    assert_eq!(s.clipboard.as_deref(), Some(words));
    assert_eq!(s.message.as_deref(), Some("copied 39 characters"));
}

#[test]
fn y_with_nothing_selected_says_how_to_select() {
    let mut s = state(100, 20);
    press(&mut s, "y");
    assert!(s.clipboard.is_none());
    let m = s.message.clone().unwrap_or_default();
    assert!(m.starts_with("nothing to copy") && m.contains("]q"), "{m}");
}

#[test]
fn copying_a_selection_leaves_visual_mode_and_cites_the_quote_it_lies_in() {
    let mut s = state(100, 20);
    press(&mut s, "]q v e w e y");
    assert!(s.visual.is_none(), "y leaves visual mode");
    let want = format!("We came\n{CITE}");
    assert_eq!(s.clipboard.as_deref(), Some(want.as_str()));
    // A selection across the quote's end names no speaker.
    press(&mut s, "v 10w Y");
    let got = s.clipboard.clone().unwrap();
    assert!(got.starts_with("We came here to listen"), "{got}");
    press(&mut s, "v 10w y");
    let got = s.clipboard.clone().unwrap();
    assert!(
        got.ends_with("\n— Talks on the Harbour Accord, Test Wire, March 3, 2025"),
        "{got}"
    );
}

#[test]
fn copied_text_has_no_control_characters() {
    let mut s = state(100, 30);
    let line = at(&s, "A delegate");
    press(&mut s, "v");
    while cursor(&s) < line {
        press(&mut s, "j");
    }
    press(&mut s, "V Y");
    let got = s.clipboard.clone().unwrap();
    // From the title's line (where `v` began) to the end of the delegate's.
    assert!(got.starts_with("Talks on the Harbour Accord\n"), "{got}");
    assert!(got.ends_with("and pasted [31m by mistake."), "{got:?}");
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    assert!(!got.chars().any(bad), "{got:?}");
}

#[test]
fn word_and_line_moves() {
    let mut s = state(100, 20);
    press(&mut s, "]q v w");
    assert_eq!(cursor(&s), at(&s, "came"));
    press(&mut s, "2w");
    assert_eq!(cursor(&s), at(&s, "to listen"));
    // In visual mode b is a word back, not a page up.
    press(&mut s, "b");
    assert_eq!(cursor(&s), at(&s, "here"));
    press(&mut s, "e");
    assert_eq!(cursor(&s), at(&s, "e to listen"));
    press(&mut s, "$");
    let v = s
        .view
        .iter()
        .find(|(_, l)| l.start <= cursor(&s) && cursor(&s) < l.end);
    let line = v.expect("cursor's line on screen").1;
    let last = &s.doc.text[cursor(&s)..line.end];
    assert_eq!(last.chars().count(), 1, "last character of the screen line");
    press(&mut s, "0");
    assert_eq!(cursor(&s), line.start);
    press(&mut s, "<Esc> b");
    assert!(s.visual.is_none());
}

#[test]
fn j_and_k_move_by_screen_line_and_keep_the_column() {
    // 40 columns: the first quote's paragraph wraps.
    let mut s = state(40, 20);
    press(&mut s, "]q v e");
    let start = cursor(&s);
    press(&mut s, "j");
    let down = cursor(&s);
    assert!(down > start);
    press(&mut s, "k");
    assert_eq!(cursor(&s), start, "back to the same column");
    press(&mut s, "j j k");
    assert_eq!(cursor(&s), down);
    assert!(selection(&s).starts_with("We came"));
}

#[test]
fn the_view_follows_the_cursor() {
    let mut s = State::new(repeated(30), settings(), Keymap::default(), 100, 12);
    press(&mut s, "v");
    for keys in ["<C-d>", "<C-d>", "30j", "G", "20k", "g", "]q ]q ]q ]q"] {
        press(&mut s, keys);
        let c = cursor(&s);
        let (a, b) = s.view_range();
        assert!(a <= c && c <= b, "{keys}: cursor {c} outside {a}..{b}");
    }
    assert!(s.selected.is_some(), "]q in visual mode selects the quote");
}

#[test]
fn v_again_leaves_and_upper_v_selects_whole_lines() {
    let mut s = state(100, 20);
    press(&mut s, "]q v w");
    assert_eq!(selection(&s), "We c");
    press(&mut s, "V");
    assert!(
        selection(&s).starts_with("\u{201c}We came"),
        "{}",
        selection(&s)
    );
    assert!(selection(&s).ends_with("in Oslo."), "{}", selection(&s));
    press(&mut s, "v");
    assert_eq!(selection(&s), "We c", "v goes back to characters");
    press(&mut s, "v");
    assert!(s.visual.is_none());
}

#[test]
fn target_span_is_the_selection_else_the_quote() {
    let mut s = state(100, 20);
    assert_eq!(s.target_span(), None);
    press(&mut s, "]q");
    let q = s.target_span().expect("the quote");
    assert_eq!(s.doc.slice(q), "We came here to listen, not to lecture,");
    press(&mut s, "v w");
    assert_eq!(s.target_span(), Some(Span::new(q.start, q.start + 4)));
}

#[test]
fn i_shows_the_selected_quotes_details_and_i_esc_or_q_close_them() {
    let mut s = state(100, 30);
    press(&mut s, "i");
    assert!(s.details.is_none());
    assert!(
        s.message
            .as_deref()
            .unwrap_or("")
            .contains("no quote selected")
    );
    press(&mut s, "]q ]q i");
    let q = s.details.expect("details open");
    let rows = attache::app::detail_rows(&s, q);
    let get = |k: &str| rows.iter().find(|r| r.0 == k).map(|r| r.1.clone());
    assert_eq!(get("Speaker").as_deref(), Some("Maria Lindqvist"));
    assert_eq!(get("Role").as_deref(), Some("Special Envoy for the Arctic"));
    assert_eq!(get("Kind").as_deref(), Some("direct quote"));
    assert_eq!(get("Section").as_deref(), Some("Opening remarks"));
    assert_eq!(get("Place").as_deref(), Some("paragraph 2, line 10"));
    assert_eq!(get("Topics").as_deref(), Some("Fisheries"));
    press(&mut s, "q");
    assert!(s.details.is_none() && !s.quit, "q closes the popup only");
    press(&mut s, "i <Esc>");
    assert!(s.details.is_none() && s.selected.is_some());
    press(&mut s, "i i");
    assert!(s.details.is_none());
    // Another command closes the popup and is carried out.
    press(&mut s, "i ]q");
    assert!(s.details.is_none());
    assert_eq!(s.quote_position().0, Some(3));
}

#[test]
fn details_name_the_cue_and_mention_and_show_control_characters_safely() {
    let mut doc = document();
    let t = doc.text.clone();
    let span = |n: &str| {
        let i = t.find(n).unwrap();
        Span::new(i, i + n.len())
    };
    for a in &mut doc.annotations {
        if let AnnotationBody::Quote(q) = &mut a.body
            && a.span.start == span("We came").start
        {
            q.cue = Some(span("said on Monday"));
            q.mention = Some(span("the envoy Maria Lindqvist"));
        }
    }
    doc.speakers[0].role = Some("envoy\u{1b}[2J".into());
    let mut s = State::new(doc, settings(), Keymap::default(), 100, 30);
    press(&mut s, "]q i");
    let rows = attache::app::detail_rows(&s, s.details.unwrap());
    let get = |k: &str| rows.iter().find(|r| r.0 == k).map(|r| r.1.clone());
    assert_eq!(get("Cue").as_deref(), Some("said on Monday"));
    assert_eq!(
        get("Named by").as_deref(),
        Some("the envoy Maria Lindqvist")
    );
    assert_eq!(get("Role").as_deref(), Some("envoy␛[2J"));
    assert_eq!(get("Place").as_deref(), Some("paragraph 1, line 8"));
}
