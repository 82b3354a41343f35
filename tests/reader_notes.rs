//! Notes, highlights, corrections, marks and the Notes and Orphans tabs,
//! driven by keys as a user would type them (no file: the sidecar is
//! looked at in the state, and saving is the event loop's job).

mod reader_fixture;

use attache::app::{Action, Focus, State, Tab, update};
use attache::model::Span;
use attache::notes::anchor::Text;
use attache::notes::{Body, Sidecar};
use attache::ui::parse_key_script;
use reader_fixture::{frame, state};

fn press(s: &mut State, keys: &str) {
    for k in parse_key_script(keys).expect("keys parse") {
        update(s, Action::Key(k));
    }
}

fn type_text(s: &mut State, text: &str) {
    for c in text.chars() {
        update(s, Action::Key(attache::app::keymap::Key::char(c)));
    }
}

/// The notes on the notes layer, less the one the fixture document has.
fn notes_shown(s: &State) -> Vec<String> {
    s.index
        .notes
        .iter()
        .map(|n| n.1.clone())
        .filter(|n| !n.starts_with("Check the date"))
        .collect()
}

#[test]
fn a_adds_a_note_on_the_selected_quote() {
    let mut s = state(120, 30);
    press(&mut s, "a");
    assert!(s.notes.prompt.is_none(), "no quote selected: no prompt");
    assert!(s.message.as_deref().unwrap().contains("select a quote"));
    press(&mut s, "]q a");
    type_text(&mut s, "check this");
    press(&mut s, "<BS> s <Enter>");
    assert_eq!(s.notes.sidecar.items.len(), 1);
    let item = &s.notes.sidecar.items[0];
    assert_eq!(
        item.body,
        Body::Note {
            text: "check this".into()
        }
    );
    assert!(item.target.exact.starts_with("We came here"), "{item:?}");
    assert!(s.notes.dirty);
    assert_eq!(notes_shown(&s), vec!["check this".to_string()]);
    // Esc cancels a prompt without adding anything.
    press(&mut s, "a x <Esc>");
    assert_eq!(s.notes.sidecar.items.len(), 1);
}

#[test]
fn h_highlights_and_the_tabs_moved_to_capitals() {
    let mut s = state(120, 30);
    press(&mut s, "]q h");
    assert_eq!(s.notes.sidecar.items[0].body, Body::Highlight);
    assert_eq!(s.tab, Tab::Speakers);
    press(&mut s, "<Tab> H");
    assert_eq!(s.tab, Tab::Orphans);
    press(&mut s, "L L L L");
    assert_eq!(s.tab, Tab::Notes);
    assert_eq!(s.panel_len(Tab::Notes), 1);
    press(&mut s, "G <Enter>");
    assert_eq!(s.focus, Focus::Pane);
    // Delete from the tab.
    press(&mut s, "<Tab> <Del>");
    assert_eq!(s.panel_len(Tab::Notes), 0);
    assert_eq!(s.notes.sidecar.deleted.len(), 1);
}

#[test]
fn corrections_change_the_document_shown_and_are_counted() {
    let mut s = state(120, 30);
    let quotes = s.index.quotes.len();
    press(&mut s, "]q c n");
    assert_eq!(s.index.quotes.len(), quotes - 1, "not a quote: removed");
    assert_eq!(s.notes.corrected.len(), 1);
    press(&mut s, "]q c s");
    type_text(&mut s, "Nora Vik, harbour master");
    press(&mut s, "<Enter>");
    let q = s.selected.map(|q| s.index.quotes.at(q).speaker);
    let sp = s
        .doc
        .speakers
        .iter()
        .find(|sp| sp.name == "Nora Vik")
        .unwrap();
    assert_eq!(sp.role.as_deref(), Some("harbour master"));
    assert_eq!(q, Some(Some(sp.id)));
    assert_eq!(s.notes.corrected.len(), 2);
    assert!(
        notes_shown(&s)
            .iter()
            .any(|n| n.contains("corrected: speaker: Nora Vik"))
    );
    // The annotator's document itself is kept as it was.
    assert_eq!(s.notes.base.as_ref().unwrap().quotes().count(), quotes);
}

#[test]
fn tab_in_the_speaker_prompt_picks_from_the_speaker_table() {
    let mut s = state(120, 30);
    let names: Vec<String> = s.doc.speakers.iter().map(|sp| sp.name.clone()).collect();
    assert!(names.len() >= 2, "{names:?}");
    press(&mut s, "]q c s");
    press(&mut s, "<Tab>");
    assert_eq!(
        s.notes.prompt.as_ref().map(|p| p.1.clone()),
        Some(names[0].clone())
    );
    press(&mut s, "<Tab>");
    assert_eq!(
        s.notes.prompt.as_ref().map(|p| p.1.clone()),
        Some(names[1].clone())
    );
    // Typed letters narrow the pick (case aside).
    press(&mut s, "<Esc> ]q c s");
    let first = names[1].chars().next().unwrap().to_lowercase().to_string();
    type_text(&mut s, &first);
    press(&mut s, "<Tab>");
    let got = s.notes.prompt.as_ref().map(|p| p.1.clone()).unwrap();
    assert!(got.to_lowercase().starts_with(&first), "{got}");
    press(&mut s, "<Enter>");
    assert!(s.notes.prompt.is_none());
}

#[test]
fn marks_are_set_and_jumped_to() {
    let mut s = state(100, 12);
    press(&mut s, "]] m a G");
    let at_end = s.top;
    press(&mut s, "' a");
    assert_ne!(s.top, at_end);
    assert_eq!(s.message.as_deref(), Some("mark a"));
    press(&mut s, "' b");
    assert_eq!(s.message.as_deref(), Some("no mark b"));
    assert!(s.notes.sidecar.marks.contains_key(&'a'));
}

/// A sidecar made on another version of the text: one note still there,
/// one whose words are gone.
fn edited_sidecar(s: &State) -> Sidecar {
    let old_text = format!(
        "{}\nThe delegates left by the night ferry, tired.",
        s.doc.text
    );
    let t = Text::new(&old_text);
    let mut side = Sidecar::default();
    let q = s.doc.text.find("We came here").unwrap();
    side.add(
        t.selector(Span::new(q, q + 12)),
        Body::Note {
            text: "kept".into(),
        },
    );
    let gone = old_text.find("night ferry").unwrap();
    side.add(
        t.selector(Span::new(gone, gone + 11)),
        Body::Note {
            text: "lost".into(),
        },
    );
    side
}

#[test]
fn a_note_whose_text_is_gone_is_an_orphan_not_dropped() {
    let mut s = state(120, 30);
    let side = edited_sidecar(&s);
    s.attach_notes(side, None);
    assert_eq!(s.panel_len(Tab::Notes), 1);
    assert_eq!(s.panel_len(Tab::Orphans), 1);
    assert_eq!(notes_shown(&s), vec!["kept".to_string()]);
    assert_eq!(s.notes.sidecar.items.len(), 2);
}

#[test]
fn notes_tab_snapshot() {
    insta::assert_snapshot!(frame(
        120,
        30,
        "]q a n o t e <Enter> ]q h ]q c k <Tab> L L L"
    ));
}

#[test]
fn orphans_tab_snapshot() {
    let mut s = state(120, 30);
    let side = edited_sidecar(&s);
    s.attach_notes(side, None);
    press(&mut s, "<Tab> H");
    let out = attache::ui::frame_text(&s, &reader_fixture::styles(), false);
    insta::assert_snapshot!(out);
}
