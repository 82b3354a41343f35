//! Property tests: the annotator never panics and always yields a valid
//! document on arbitrary text, and the JSON format round-trips exactly.

use attache::annotate::{Options, annotate};
use attache::format::{json, listing};
use proptest::prelude::*;

/// Pieces that stress the annotator: every kind of quotation mark, line
/// endings, control characters, wide and combining characters, labels.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("\u{2018}".to_string()),
        Just("\u{2019}".to_string()),
        Just("\u{201e}".to_string()),
        Just("\u{00ab}".to_string()),
        Just("\u{00bb}".to_string()),
        Just("\u{2039}".to_string()),
        Just("\u{300c}".to_string()),
        Just("\u{300d}".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\t".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{85}".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{5927}\u{4f7f}\u{9928}".to_string()),
        Just("\u{1f600}".to_string()),
        Just("MR. SMITH: ".to_string()),
        Just("QUESTION: ".to_string()),
        Just("Q ".to_string()),
        Just(" he said".to_string()),
        Just(", she told reporters.".to_string()),
        Just("the minister said ".to_string()),
        Just("Ms. Ortiz".to_string()),
        Just("Moscow".to_string()),
        Just(". ".to_string()),
        "[a-zA-Z ,.:]{1,12}",
        any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn annotate_never_panics_and_is_valid(raw in text()) {
        let doc = annotate(&raw, &Options::default());
        prop_assert!(doc.validate().is_ok(), "{:?}", doc.validate());
    }

    #[test]
    fn json_round_trip_is_identity(raw in text()) {
        let doc = annotate(&raw, &Options::default());
        let s = json::to_json(&doc);
        let back = json::from_json(&s, "prop.json").expect("own output loads");
        prop_assert_eq!(&back, &doc);
        prop_assert_eq!(json::to_json(&back), s);
    }

    #[test]
    fn listings_show_no_control_characters(raw in text()) {
        let doc = annotate(&raw, &Options::default());
        let rows = listing::quote_rows(&doc);
        for out in [
            listing::plain_text(&doc),
            listing::quotes_text(&rows),
            listing::quotes_csv(&rows),
            listing::speakers_text(&doc),
            listing::outline_text(&doc),
        ] {
            prop_assert!(
                !out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
                "{:?}", out
            );
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(raw in "\\PC*") {
        let doc = annotate(&raw, &Options::default());
        prop_assert!(doc.validate().is_ok());
    }
}
