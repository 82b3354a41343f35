//! Tests of the pipeline: the fast character classes, and the two-thread
//! pipeline giving the very document the one-thread pipeline gives.

use super::*;

#[test]
fn fast_char_classes_agree_with_std() {
    let sample = ('\0'..='\u{3000}').chain(['\u{feff}', '\u{1f600}', '\u{10fffd}']);
    for c in sample {
        assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
    }
}

/// Paragraphs of every kind the stages look at (the words are the tests'
/// own): quotes with cues before and after, pronouns and role nouns,
/// reported speech, labelled turns, headings, a scare quote.
const PIECES: &[&str] = &[
    "Harbour Talks Resume\n\n",
    "By a staff writer\nPublished 4 May 2024\n\n",
    "\u{201c}We are close to a text,\u{201d} said Ilse Varga, the deputy trade minister.\n\n",
    "\u{201c}Nothing is agreed yet,\u{201d} she added. \u{201c}But the mood is good.\u{201d}\n\n",
    "The minister told reporters that the customs checks would ease by June.\n\n",
    "Varga said the offer was \u{201c}serious\u{201d} and called it a start.\n\n",
    "Ambassador Piet Molenaar of Freedonia met officials in Lisbon on Friday.\n\n",
    "\"The fishing quotas stay,\" the ambassador said, \"whatever happens.\"\n\n",
    "He warned that talks could stall, according to two diplomats.\n\n",
    "QUESTION: Will the ferry line reopen this year?\n\n",
    "MS. VARGA: We hope so. The engineers need another month.\n\n",
    "MR. MOLENAAR: I would add that the port authority agrees.\n\n",
    "Transcript of the afternoon briefing\n\n",
    "The European Union and the Ministry of Foreign Affairs issued a joint note on visa rules and sanctions.\n\n",
    "Officials said: \u{201c}The border commission meets again in the autumn.\u{201d}\n\n",
    "\u{201c}Grain exports rose,\n\n",
    "\u{201c}and they will rise again,\u{201d} Molenaar said.\n\n",
];

/// The document the pipeline gives with and without the second thread.
fn both(text: &str) -> (Document, Document) {
    let opts = Options::default();
    (
        pipeline(normalise_text(text), &opts, &mut |_| {}, true),
        pipeline(normalise_text(text), &opts, &mut |_| {}, false),
    )
}

#[test]
fn two_threads_give_the_one_thread_document_on_the_fixtures() {
    for text in [
        include_str!("../../tests/fixtures/article.txt"),
        include_str!("../../tests/fixtures/briefing.txt"),
        include_str!("../../assets/zinoviev-interview.txt"),
        "",
        "\u{201c}",
    ] {
        let (two, one) = both(text);
        assert_eq!(two, one);
    }
}

#[test]
fn large_texts_take_the_two_thread_path_and_agree() {
    let piece = include_str!("../../tests/fixtures/article.txt");
    let text = piece.repeat(PARALLEL_MIN / piece.len() + 1);
    let opts = Options::default();
    let one = Options {
        one_thread: true,
        ..Options::default()
    };
    assert_eq!(annotate(&text, &opts), annotate(&text, &one));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    #[test]
    fn two_threads_give_the_one_thread_document(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40),
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let (two, one) = both(&text);
        proptest::prop_assert_eq!(two, one);
    }
}
