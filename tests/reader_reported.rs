//! Reported speech in the reader: its own layer, its own jumps, its own
//! counts, on a small made-up article.

use attache::annotate::{Options, annotate};
use attache::app::keymap::Keymap;
use attache::app::{Action, Layer, Settings, State, update};
use attache::ui::parse_key_script;

const ARTICLE: &str = "Harbour Talks Resume\n\n\
Foreign Minister Anna Kowal said that the harbour talks would resume in May.\n\n\
“We are ready,” Kowal told reporters.\n\n\
She added that a second round would follow in the autumn.\n";

fn state() -> State {
    let doc = annotate(ARTICLE, &Options::default());
    State::new(doc, Settings::default(), Keymap::default(), 100, 20)
}

fn press(s: &mut State, keys: &str) {
    for k in parse_key_script(keys).expect("keys parse") {
        update(s, Action::Key(k));
    }
}

#[test]
fn reported_speech_is_a_layer_of_its_own_and_on_by_default() {
    let mut s = state();
    assert_eq!(s.index.quotes.len(), 1, "quotes keep only the quotation");
    assert_eq!(s.index.reported.len(), 2);
    assert!(s.layers.get(Layer::Reported));
    // A bare digit is a count, not a layer switch.
    press(&mut s, "6");
    assert!(s.layers.get(Layer::Reported));
    press(&mut s, "<Esc> z6");
    assert!(!s.layers.get(Layer::Reported));
    press(&mut s, "z6");
    assert!(s.layers.get(Layer::Reported));
    // Both statements and the quote are Anna Kowal's.
    let id = s.index.quotes.at(0).speaker.expect("attributed");
    assert_eq!(s.reported_count(id.index()), 2);
    assert_eq!(s.index.by_speaker[id.index()].len(), 1);
}

#[test]
fn quote_jumps_skip_reported_speech_and_statement_jumps_visit_it() {
    let mut s = state();
    press(&mut s, "]q");
    let q = s.selected.expect("the quote");
    assert!(
        s.doc
            .slice(s.index.quotes.at(q).span)
            .starts_with("We are ready")
    );
    press(&mut s, "]q");
    assert_eq!(s.selected, Some(q), "no quote after the only one");

    let mut s = state();
    let starts: Vec<usize> = vec![
        s.index.reported.at(0).span.start,
        s.index.quotes.at(0).span.start,
        s.index.reported.at(1).span.start,
    ];
    for &want in &starts {
        press(&mut s, "]r");
        assert_eq!(s.cursor, want);
    }
    press(&mut s, "]r");
    assert_eq!(s.cursor, starts[2], "nothing after the last statement");
    press(&mut s, "[r");
    assert_eq!(s.cursor, starts[1]);
    // With the layer off, the statement jumps skip reported speech too.
    press(&mut s, "z6 [r");
    assert_eq!(s.cursor, starts[1]);

    // A count repeats the statement jump.
    let mut s = state();
    press(&mut s, "2]r");
    assert_eq!(s.cursor, starts[1]);
}
