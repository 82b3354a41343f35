//! Whole-frame snapshots of the reader on a hand-built document, drawn by the
//! same `update` and `draw` code as the terminal, on an off-screen buffer.

mod reader_fixture;

use attache::app::keymap::Keymap;
use attache::ui::{parse_key_script, render_to_string};
use reader_fixture::{document, frame, settings, styles};

#[test]
fn opened() {
    insta::assert_snapshot!(frame(120, 40, ""));
}

#[test]
fn quote_selected_with_styles() {
    let keys = parse_key_script("]q").unwrap();
    let out = render_to_string(
        document(),
        settings(),
        Keymap::default(),
        &styles(),
        (100, 16),
        &keys,
        true,
    );
    insta::assert_snapshot!(out);
}

#[test]
fn speaker_filter() {
    // Focus the panel, go to the third speaker, filter by them.
    insta::assert_snapshot!(frame(120, 30, "<Tab> j j <Enter>"));
}

#[test]
fn outline_tab() {
    insta::assert_snapshot!(frame(120, 30, "o j j"));
}

#[test]
fn topics_tab() {
    insta::assert_snapshot!(frame(120, 30, "<Tab> l"));
}

#[test]
fn search_with_hits() {
    insta::assert_snapshot!(frame(120, 30, "/sanctions<Enter> n"));
}

#[test]
fn search_prompt_open() {
    insta::assert_snapshot!(frame(100, 20, "/port"));
}

#[test]
fn help_popup() {
    insta::assert_snapshot!(frame(100, 40, "?"));
}

#[test]
fn layers_off() {
    insta::assert_snapshot!(frame(120, 30, "z1 z2 z3 z4 z5"));
}

#[test]
fn narrow_without_panel() {
    insta::assert_snapshot!(frame(50, 20, "]]"));
}

#[test]
fn tiny_1x1() {
    insta::assert_snapshot!(frame(1, 1, "]q j G"));
}

#[test]
fn small_20x5() {
    insta::assert_snapshot!(frame(20, 5, "]q"));
}

#[test]
fn end_of_document() {
    insta::assert_snapshot!(frame(100, 20, "G"));
}

#[test]
fn status_message_is_never_cut_when_it_fits_half_the_line() {
    // "no more quotes below" (20 columns) with a speaker filter on: at any
    // width from 40 columns the message keeps its last letters.
    for cols in 40..=120 {
        let out = frame(cols, 12, "<Tab> <Enter> ]s ]s ]s ]s");
        let status = out.lines().nth(11).expect("status line");
        assert!(
            status.contains("no more quotes below"),
            "{cols} columns: {status:?}"
        );
    }
}

#[test]
fn gutter_labels_use_the_surname_when_the_full_name_does_not_fit() {
    // At 60 columns (the panel starts hidden) the gutter holds 8 letters:
    // "David Okafor" does not fit, his surname does.
    let out = frame(60, 50, "");
    let line = out
        .lines()
        .find(|l| l.contains("MR. OKAFOR"))
        .unwrap_or_else(|| panic!("Okafor's turn on screen:\n{out}"));
    assert!(line.trim_start().starts_with("Okafor "), "{line:?}");
}

#[test]
fn cut_topic_and_note_lines_end_with_an_ellipsis() {
    // 18 columns: the note and "Ports and shipping" do not fit.
    let out = frame(18, 40, "");
    let note = out.lines().find(|l| l.starts_with('✎')).expect("note line");
    assert!(note.ends_with('…'), "{note:?}");
    let out = frame(18, 40, "G");
    assert!(out.contains("◆ Ports and shipp…"), "{out}");
}

#[test]
fn help_popup_on_a_narrow_screen_keeps_the_descriptions() {
    // 40 columns: long key lists are cut so that "line down" still shows,
    // and the popup's right border stands alone.
    let out = frame(40, 14, "?");
    assert!(out.contains("line down"), "{out}");
    assert!(out.contains("page down"), "{out}");
    let out = frame(80, 24, "?");
    assert!(!out.contains("┐┐") && !out.contains("││"), "{out}");
}
