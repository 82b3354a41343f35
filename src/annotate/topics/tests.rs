//! Tests of the topic stage: matching, lexicon files and their limits.

use super::*;
use crate::annotate::segment::segment;
use crate::annotate::{Options, annotate};

/// Topic keys per block of `body` (a title line is put before it, so the
/// first block of `body` is a paragraph, not the document's title).
fn keys_for(body: &str, lex: &TopicLexicon) -> Vec<Vec<String>> {
    let text = &format!("Headline\n\n{body}");
    let s = segment(text);
    let (topics, anns) = assign_topics(text, &s, &[], lex);
    s.blocks
        .iter()
        .map(|b| {
            anns.iter()
                .filter(|a| a.span == b.span)
                .filter_map(|a| match &a.body {
                    AnnotationBody::Topic(t) => Some(topics[t.topic.index()].key.clone()),
                    _ => None,
                })
                .collect()
        })
        .skip(1)
        .collect()
}

#[test]
fn bundled_lexicon_has_the_required_topics() {
    let lex = TopicLexicon::bundled();
    for key in [
        "relations",
        "war",
        "sanctions",
        "arms",
        "trade",
        "energy",
        "culture",
        "nuclear",
        "diplomacy",
        "economy",
        "climate",
        "health",
        "rights",
        "migration",
        "technology",
    ] {
        assert!(lex.topics.iter().any(|t| t.key == key), "missing {key}");
    }
}

#[test]
fn strong_weak_and_inflection() {
    let lex = TopicLexicon::bundled();
    let text = "The new Sanctions hit three banks.\n\n\
                A ban was mentioned once.\n\n\
                Exporters faced a ban and a penalty.\n\n\
                The orchestra toured four cities and the ballets sold out.\n\n\
                Nobody knew who would come.\n";
    let k = keys_for(text, &lex);
    assert!(k[0].contains(&"sanctions".to_string()), "{k:?}");
    assert!(
        !k[1].contains(&"sanctions".to_string()),
        "one weak word is not enough"
    );
    assert!(k[2].contains(&"sanctions".to_string()), "{k:?}");
    assert!(k[3].contains(&"culture".to_string()), "{k:?}");
    assert!(k[4].is_empty(), "'who' is not the WHO: {k:?}");
}

#[test]
fn whole_words_only() {
    let lex = TopicLexicon::from_toml(
        "[t]\nname = \"T\"\nstrong = [\"war\", \"oil*\"]\n",
        "test.toml",
    )
    .unwrap();
    let k = keys_for(
        "A warm day in Warsaw.\n\nThe oilfields and the war\u{2019}s end.\n",
        &lex,
    );
    assert!(k[0].is_empty());
    assert_eq!(k[1], vec!["t".to_string()]);
}

#[test]
fn quotes_get_topics_and_ids_are_dense() {
    let lex = TopicLexicon::bundled();
    let text =
        "He spoke. \u{201c}Our troops will stay,\u{201d} he said, before talking about tariffs.\n";
    let s = segment(text);
    let qs = text.find("Our").unwrap();
    let qe = text.find(",\u{201d}").unwrap();
    let quote = (Span::new(qs, qe), Quote::default());
    let (topics, anns) = assign_topics(text, &s, &[quote], &lex);
    for (i, t) in topics.iter().enumerate() {
        assert_eq!(t.id, TopicId(i as u32));
    }
    let war = topics.iter().find(|t| t.key == "war").unwrap().id;
    assert!(anns.iter().any(|a| a.span == Span::new(qs, qe)
        && matches!(&a.body, AnnotationBody::Topic(t) if t.topic == war)));
    // The quote itself is not about trade.
    let trade = topics.iter().find(|t| t.key == "trade").unwrap().id;
    assert!(!anns.iter().any(|a| a.span == Span::new(qs, qe)
        && matches!(&a.body, AnnotationBody::Topic(t) if t.topic == trade)));
}

#[test]
fn user_file_adds_or_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let add = dir.path().join("add.toml");
    std::fs::write(
        &add,
        "[fisheries]\nname = \"Fisheries\"\nstrong = [\"trawler*\"]\n\n\
         [energy]\nname = \"Power\"\nstrong = [\"kilowatt\"]\n",
    )
    .unwrap();
    let lex = TopicLexicon::with_user_file(&add).unwrap();
    assert!(lex.topics.iter().any(|t| t.key == "fisheries"));
    assert!(lex.topics.iter().any(|t| t.key == "sanctions"));
    let energy = lex.topics.iter().find(|t| t.key == "energy").unwrap();
    assert_eq!(energy.name, "Power");
    let k = keys_for("Two trawlers sank.\n\nOil prices rose.\n", &lex);
    assert_eq!(k[0], vec!["fisheries".to_string()]);
    assert!(k[1].is_empty(), "energy was replaced: {k:?}");

    let rep = dir.path().join("rep.toml");
    std::fs::write(
        &rep,
        "replace = true\n[fisheries]\nname = \"Fisheries\"\nweak = [\"fish\", \"boat\"]\n",
    )
    .unwrap();
    let lex = TopicLexicon::with_user_file(&rep).unwrap();
    assert_eq!(lex.topics.len(), 1);
    let k = keys_for("The boat brought fish.\n\nSanctions again.\n", &lex);
    assert_eq!(k[0], vec!["fisheries".to_string()]);
    assert!(k[1].is_empty());

    let doc = annotate(
        "The boat brought fish home.",
        &Options {
            topics: Some(lex),
            ..Options::default()
        },
    );
    doc.validate().unwrap();
    assert_eq!(doc.topics.len(), 1);
}

/// A topic file of `n` topics that all share the phrases `shared`.
fn many_topics(n: usize, shared: &str) -> String {
    (0..n)
        .map(|i| format!("[t{i:04}]\nname = \"T{i}\"\n{shared}\n"))
        .collect()
}

#[test]
fn a_phrase_in_many_topics_is_one_hit_per_occurrence() {
    let lex = TopicLexicon::from_toml(
        &many_topics(200, "strong = [\"harbour\"]\nweak = [\"quay\"]"),
        "many.toml",
    )
    .unwrap();
    let text = "Headline\n\nThe harbour. The quay.\n\nA quay and another quay.\n";
    let m = lex.matcher.as_ref().unwrap();
    // Four occurrences, not four times 200 topics.
    assert_eq!(m.find(text).len(), 4);
    let k = keys_for(
        "The harbour.\n\nA quay and another quay.\n\nOne quay.\n",
        &lex,
    );
    assert_eq!(k[0].len(), 200);
    assert_eq!(k[1].len(), 200, "two weak occurrences count for each topic");
    assert!(k[2].is_empty(), "one weak occurrence is not enough");
}

#[test]
fn oversized_topic_files_are_refused() {
    let e = TopicLexicon::from_toml(&many_topics(MAX_TOPICS + 1, ""), "big.toml")
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e.code, 2);
    assert!(
        e.message.starts_with("big.toml: 257 topics"),
        "{}",
        e.message
    );
    assert!(TopicLexicon::from_toml(&many_topics(MAX_TOPICS, ""), "ok.toml").is_ok());

    let words: Vec<String> = (0..=MAX_PHRASES).map(|i| format!("\"w{i}\"")).collect();
    let src = format!("[a]\nname = \"A\"\nweak = [{}]\n", words.join(","));
    let e = TopicLexicon::from_toml(&src, "words.toml")
        .map(|_| ())
        .unwrap_err();
    assert!(e.message.contains("20001 phrases"), "{}", e.message);

    let long = "x".repeat(MAX_PHRASE_LEN + 1);
    let src = format!("[a]\nname = \"A\"\nstrong = [\"{long}\"]\n");
    let e = TopicLexicon::from_toml(&src, "long.toml")
        .map(|_| ())
        .unwrap_err();
    assert!(
        e.message.contains("[a]") && e.message.contains("201 bytes"),
        "{}",
        e.message
    );

    let phrase = format!("\"{}\"", "y".repeat(MAX_PHRASE_LEN));
    let n = MAX_PHRASE_BYTES / MAX_PHRASE_LEN + 1;
    let src = format!(
        "[a]\nname = \"A\"\nweak = [{}]\n",
        vec![phrase; n].join(",")
    );
    let e = TopicLexicon::from_toml(&src, "bytes.toml")
        .map(|_| ())
        .unwrap_err();
    assert!(e.message.contains("262144 bytes"), "{}", e.message);
}

#[test]
fn bad_toml_names_file_and_place() {
    let e =
        TopicLexicon::from_toml("[a]\nname = \"A\"\nstrong = [1, 2]\n", "mine.toml").unwrap_err();
    assert!(e.message.starts_with("mine.toml"), "{}", e.message);
    assert_eq!(e.code, 2);
    let e = TopicLexicon::from_toml("[a\nname = 1", "x.toml").unwrap_err();
    assert!(
        e.message.contains("x.toml") && e.message.contains("line"),
        "{}",
        e.message
    );
    let e = TopicLexicon::from_toml("[a]\nstrong = [\"x\"]\n", "y.toml").unwrap_err();
    assert!(e.message.contains("name"), "{}", e.message);
    let e = TopicLexicon::from_toml("[a]\nname = \"A\"\nstrong = [\"\"]\n", "z.toml").unwrap_err();
    assert!(e.message.contains("[a]"), "{}", e.message);
    let missing =
        TopicLexicon::with_user_file(std::path::Path::new("/nonexistent/t.toml")).unwrap_err();
    assert!(missing.message.contains("/nonexistent/t.toml"));
}

#[test]
fn short_patterns_pass_the_three_byte_filter() {
    // One- and two-byte phrases, an acronym, and words at the text's end:
    // the filter in front of the automaton must let each of them through.
    let lex = TopicLexicon::from_toml(
        "[a]\nname = \"A\"\nstrong = [\"q\"]\n[b]\nname = \"B\"\nstrong = [\"ox\"]\n\
         [c]\nname = \"C\"\nstrong = [\"EU\"]\n[d]\nname = \"D\"\nstrong = [\"tax\"]\n",
        "test.toml",
    )
    .unwrap();
    let k = keys_for(
        "Q\n\nAn Ox\n\nThe EU\n\nNew taxes\n\nthe eu and Quiet oxen\n",
        &lex,
    );
    assert_eq!(k[0], vec!["a".to_string()]);
    assert_eq!(k[1], vec!["b".to_string()]);
    assert_eq!(k[2], vec!["c".to_string()]);
    assert_eq!(k[3], vec!["d".to_string()]);
    assert!(k[4].is_empty(), "{:?}", k[4]);
}

#[test]
fn a_word_is_not_found_inside_a_longer_one() {
    // The bundled "culture" topic has the weak word "art", which ends inside
    // "parts" (on the walk towards "partner*"): the walk from a word start
    // must not take a pattern that only ends where it is.
    let k = keys_for(
        "Spare parts came in two parts from the depot.\n\nThe art and the music of the tour.\n",
        &TopicLexicon::bundled(),
    );
    assert!(!k[0].contains(&"culture".to_string()), "{k:?}");
    assert!(k[1].contains(&"culture".to_string()), "{k:?}");
}

#[test]
fn phrases_match_among_accented_words_and_after_a_longer_match() {
    let lex = TopicLexicon::from_toml(
        "[fish]\nname = \"Fish\"\nstrong = [\"trawler\", \"fishing quota\"]\n",
        "t.toml",
    )
    .unwrap();
    // Matches after non-ASCII words and marks, with an inflected ending,
    // and a two-word phrase whose second word is not matched on its own.
    let keys = keys_for("Ça va: «trawlers» déjà vu, naïve crews.", &lex);
    assert_eq!(keys[0], vec!["fish".to_string()]);
    let keys = keys_for("The fishing quotas were set.", &lex);
    assert_eq!(keys[0], vec!["fish".to_string()]);
    let keys = keys_for("Café trawlerman crews.", &lex);
    assert!(keys[0].is_empty(), "{keys:?}");
}
