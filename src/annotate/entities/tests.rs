//! Tests of the entity stage on small made-up texts and the bundled sample.

use super::*;
use crate::annotate::segment::segment;
use crate::annotate::{Options, annotate};
use crate::model::{AnnotationBody, EntityKind, SpeakerId, SpeakerKind};

fn ents(text: &str, speakers: &[Speaker]) -> Vec<(String, EntityKind, Option<SpeakerId>)> {
    let s = segment(text);
    find_entities(text, &s, speakers)
        .into_iter()
        .map(|a| match a.body {
            AnnotationBody::Entity(e) => (a.span.slice(text).to_string(), e.kind, e.speaker),
            _ => unreachable!(),
        })
        .collect()
}

fn has(v: &[(String, EntityKind, Option<SpeakerId>)], name: &str, kind: EntityKind) -> bool {
    v.iter().any(|(n, k, _)| n == name && *k == kind)
}

fn speaker(id: u32, name: &str, aliases: &[&str]) -> Speaker {
    Speaker {
        id: SpeakerId(id),
        name: name.into(),
        role: None,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        kind: SpeakerKind::Person,
    }
}

#[test]
fn titles_make_people() {
    let text = "Talks resumed when Freedonian President Amos Quill met Ambassador Lena Varga \
                and Mr. Tobolsk in Vienna. Later Quill thanked the Ministry of Foreign Affairs \
                and the Foreign Ministry for help.";
    let e = ents(text, &[]);
    assert!(has(&e, "Amos Quill", EntityKind::Person), "{e:?}");
    assert!(has(&e, "Lena Varga", EntityKind::Person), "{e:?}");
    assert!(has(&e, "Tobolsk", EntityKind::Person), "{e:?}");
    assert!(has(&e, "Quill", EntityKind::Person), "{e:?}");
    assert!(has(&e, "Vienna", EntityKind::Place), "{e:?}");
    assert!(
        has(&e, "Ministry of Foreign Affairs", EntityKind::Organisation),
        "{e:?}"
    );
    assert!(
        has(&e, "Foreign Ministry", EntityKind::Organisation),
        "{e:?}"
    );
    assert!(
        !e.iter().any(|(n, _, _)| n == "Talks" || n == "Later"),
        "{e:?}"
    );
}

#[test]
fn sample_names() {
    let text = include_str!("../../../assets/zinoviev-interview.txt");
    let e = ents(text, &[]);
    assert!(has(&e, "Yoon Suk Yeol", EntityKind::Person), "{e:?}");
    assert!(has(&e, "Vladimir Putin", EntityKind::Person), "{e:?}");
    assert!(has(&e, "Georgy Zinoviev", EntityKind::Person), "{e:?}");
    assert!(has(&e, "Zinoviev", EntityKind::Person), "{e:?}");
    assert!(has(&e, "Hyundai Motor", EntityKind::Organisation), "{e:?}");
    assert!(has(&e, "Kyiv", EntityKind::Place), "{e:?}");
    assert!(has(&e, "Korea", EntityKind::Place), "{e:?}");
    for bad in ["Amid", "However", "Despite", "Well", "Last", "In", "He"] {
        assert!(!e.iter().any(|(n, _, _)| n == bad), "{bad} in {e:?}");
    }
}

#[test]
fn people_link_to_speakers() {
    let text = "Ambassador Marta Kolar spoke first. Kolar was brief. Then Oskar Brandt \
                answered, and Marta Kolar smiled.";
    let speakers = [
        speaker(0, "Marta Kolar", &["the ambassador"]),
        speaker(1, "Oskar Brandt", &[]),
    ];
    let e = ents(text, &speakers);
    let people: Vec<_> = e
        .iter()
        .filter(|(_, k, _)| *k == EntityKind::Person)
        .collect();
    assert_eq!(people.len(), 4, "{e:?}");
    assert!(
        people.iter().all(|(n, _, id)| {
            let want = if n.contains("Kolar") { 0 } else { 1 };
            *id == Some(SpeakerId(want))
        }),
        "{e:?}"
    );
}

#[test]
fn places_orgs_and_no_overlap() {
    let text = "The Korea Times reported that the United Nations and NATO met in \
                St. Petersburg, and that Russia-Ukraine talks in Kyiv’s suburbs stalled.";
    let e = ents(text, &[]);
    assert!(has(&e, "Korea Times", EntityKind::Organisation), "{e:?}");
    assert!(has(&e, "United Nations", EntityKind::Organisation), "{e:?}");
    assert!(has(&e, "NATO", EntityKind::Organisation), "{e:?}");
    assert!(has(&e, "St. Petersburg", EntityKind::Place), "{e:?}");
    assert!(has(&e, "Russia", EntityKind::Place), "{e:?}");
    assert!(has(&e, "Ukraine", EntityKind::Place), "{e:?}");
    assert!(has(&e, "Kyiv", EntityKind::Place), "{e:?}");
    let s = segment(text);
    let anns = find_entities(text, &s, &[]);
    for w in anns.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "overlap: {anns:?}");
    }
}

#[test]
fn sentence_initial_words_are_not_names() {
    let e = ents(
        "Yesterday it rained. Nobody came. Markets fell. Every Tuesday the Council met.",
        &[],
    );
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn odd_text_is_safe() {
    for text in [
        "",
        "Mr.",
        "President",
        "Ministry of",
        "\u{201c}Ambassador\u{201d} \u{301}X",
        "O'\u{2019}- J. K. e\u{301}Z Moscow\u{2019}s",
        "漢字 Seoul 漢字 Mr. 金",
    ] {
        let s = segment(text);
        let anns = find_entities(text, &s, &[]);
        for a in &anns {
            assert!(a.span.is_valid_in(text));
        }
        annotate(text, &Options::default()).validate().unwrap();
    }
}
