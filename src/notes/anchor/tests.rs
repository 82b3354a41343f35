use proptest::prelude::*;

use super::*;

fn sel(text: &str, words: &str, nth: usize) -> Selector {
    let at = text.match_indices(words).nth(nth).unwrap().0;
    Text::new(text).selector(Span::new(at, at + words.len()))
}

fn find(text: &str, s: &Selector) -> Option<(String, Found, usize)> {
    let t = Text::new(text);
    t.find(s)
        .map(|(sp, how)| (sp.slice(text).to_string(), how, sp.start))
}

#[test]
fn the_selector_takes_its_context_from_the_sentence() {
    let text = "First one. The envoy to the talks said \u{e9}t\u{e9} was long and tiring in the end. Last.";
    let s = sel(text, "\u{e9}t\u{e9}", 0);
    assert_eq!(s.prefix, "The envoy to the talks said ");
    assert_eq!(s.suffix, " was long and tiring in the end.");
    assert_eq!((s.start, s.end), (39, 42));
    // Code points, not bytes.
    assert_eq!(s.exact.chars().count(), 3);
    // A whole short sentence still gets some context from its neighbours.
    let text = "Long before all of it came this. \"Yes.\" And after it, that.";
    let s = sel(text, "Yes.", 0);
    assert_eq!(s.prefix.chars().count(), MIN_CONTEXT);
    assert_eq!(s.suffix, "\" And after it, that.");
}

#[test]
fn the_position_is_used_when_the_text_there_is_the_quote() {
    let text = "Peace talks resume. Peace talks end.";
    let s = sel(text, "Peace talks", 1);
    assert_eq!(
        find(text, &s),
        Some(("Peace talks".into(), Found::Position, 20))
    );
}

#[test]
fn an_edit_before_the_note_is_followed_by_exact_match() {
    let old = "Mr Lavrov arrived. Then Mr Lavrov said the talks were frank.";
    let s = sel(old, "Lavrov", 1);
    // Hypothesis's failure: an edit before the note, and an earlier repeat
    // of the name. The context says which one.
    let new = "Mr Lavrov arrived late. Then Mr Lavrov said the talks were frank.";
    let (words, how, at) = find(new, &s).unwrap();
    assert_eq!((words.as_str(), how), ("Lavrov", Found::Exact));
    assert_eq!(at, new.rfind("Lavrov").unwrap());
}

#[test]
fn a_note_is_not_moved_to_a_similar_paragraph_elsewhere() {
    let old = "The minister said the talks were useful and frank.\n\n\
               The envoy said the talks were useful and long.";
    let s = sel(old, "talks were useful", 0);
    // The note's own words change beyond recognition: a look-alike
    // elsewhere must not take the note.
    let new = "The minister said the negotiations went nowhere and frank.\n\n\
               The envoy said the talks were useful and long.";
    assert_eq!(find(new, &s), None);
    // The paragraph removed altogether: still an orphan.
    let new = "Another paragraph.\n\nThe envoy said the talks were useful and long.";
    assert_eq!(find(new, &s), None);
}

#[test]
fn a_small_change_in_the_words_is_found_in_the_paragraph() {
    let old = "Intro.\n\nThe minister said the talks were useful and frank.";
    let s = sel(old, "the talks were useful", 0);
    let new = "Intro, longer.\n\nThe minister said the talks were most useful and frank.";
    let (words, how, _) = find(new, &s).unwrap();
    assert_eq!(words, "the talks were most useful");
    assert!(matches!(how, Found::Approximate(x) if x >= FLOOR));
}

#[test]
fn two_equally_good_places_make_an_orphan() {
    let old = "A said: we agree. B said: we agree. C said: we agree.";
    let s = sel(old, "we agree", 1);
    // Position lost, context identical for the two survivors: no guess.
    let new = "X said: we agree. Then X said: we agree.";
    assert_eq!(find(new, &s), None);
}

#[test]
fn distance_and_similarity() {
    let c = |s: &str| s.chars().collect::<Vec<_>>();
    assert_eq!(levenshtein(&c("kitten"), &c("sitting")), 3);
    assert_eq!(levenshtein(&c(""), &c("abc")), 3);
    assert!((similarity(&c("abcd"), &c("abce")) - 0.75).abs() < 1e-9);
}

/// One edit: replace `len` characters at `at` (fractions of the text) by `with`.
#[derive(Debug, Clone)]
struct Edit {
    at: f64,
    len: usize,
    with: String,
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    (0.0..1.0f64, 0usize..6, "[a-z .\n]{0,8}").prop_map(|(at, len, with)| Edit { at, len, with })
}

/// Apply an edit to `text` (chars), keeping track of where `note` (a char
/// range) goes; `None` once the edit touched it.
fn apply(text: &mut Vec<char>, note: Option<(usize, usize)>, e: &Edit) -> Option<(usize, usize)> {
    let at = ((e.at * text.len() as f64) as usize).min(text.len());
    let end = (at + e.len).min(text.len());
    let with: Vec<char> = e.with.chars().collect();
    text.splice(at..end, with.iter().copied());
    let (s, t) = note?;
    if end <= s {
        let delta = with.len() as isize - (end - at) as isize;
        return Some(((s as isize + delta) as usize, (t as isize + delta) as usize));
    }
    if at >= t {
        return Some((s, t));
    }
    None
}

const WORDS: &[&str] = &[
    "the", "minister", "said", "talks", "were", "frank", "Korea", "envoy", "peace", "we",
];

fn doc_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec((0..WORDS.len(), 0u8..10), 10..60).prop_map(|ws| {
        let mut s = String::new();
        for (w, sep) in ws {
            s.push_str(WORDS[w]);
            s.push_str(match sep {
                0 => ". ",
                1 => ".\n\n",
                _ => " ",
            });
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// After random edits every note is on text equal to its quote, or on an
    /// approximate match above the floor, or an orphan; a note whose words
    /// no edit touched is where its words went, or an orphan: never moved
    /// to a look-alike.
    #[test]
    fn notes_survive_edits_or_are_orphans(
        doc in doc_strategy(),
        picks in prop::collection::vec((0.0..1.0f64, 1usize..12), 1..5),
        edits in prop::collection::vec(edit_strategy(), 1..6),
    ) {
        let chars: Vec<char> = doc.chars().collect();
        let old = Text::new(&doc);
        let notes: Vec<(Selector, (usize, usize))> = picks
            .iter()
            .map(|&(at, len)| {
                let s = ((at * chars.len() as f64) as usize).min(chars.len() - 1);
                let e = (s + len).min(chars.len());
                (old.selector(old.byte_span(s, e)), (s, e))
            })
            .collect();
        let mut text = chars.clone();
        let mut tracked: Vec<Option<(usize, usize)>> = notes.iter().map(|n| Some(n.1)).collect();
        for e in &edits {
            for t in tracked.iter_mut() {
                *t = apply(&mut text.clone(), *t, e);
            }
            apply(&mut text, None, e);
        }
        let new: String = text.iter().collect();
        let t = Text::new(&new);
        for ((sel, _), track) in notes.iter().zip(&tracked) {
            let Some((span, how)) = t.find(sel) else { continue };
            let words: Vec<char> = span.slice(&new).chars().collect();
            let exact: Vec<char> = sel.exact.chars().collect();
            match how {
                Found::Position | Found::Exact => prop_assert_eq!(&words, &exact),
                Found::Approximate(sim) => {
                    prop_assert!(sim >= FLOOR);
                    prop_assert!(similarity(&words, &exact) >= FLOOR - 1e-9 || words.len() != exact.len());
                }
            }
            if let Some((s, e)) = *track
                && occurrences(&new, &sel.exact).count() == 1
            {
                let got = (t.char_at(span.start), t.char_at(span.end));
                prop_assert_eq!(got, (s, e), "note {:?} moved in {:?}", sel, new);
            }
        }
    }
}
