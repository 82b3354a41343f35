//! Tests of who is who across a document (issue 10, classes 5–7): the
//! speaker's own "I" and "we" inside a transcript turn, one person under
//! several names, and a third party's words quoted inside a turn. The texts
//! are made up for these tests.

use crate::annotate::{Options, annotate};
use crate::model::{Document, QuoteKind};

/// (words, speaker, kind) of every quote and statement that is not a turn.
fn inner(doc: &Document) -> Vec<(String, Option<String>, QuoteKind)> {
    doc.quotes()
        .filter(|(_, q)| !q.turn)
        .map(|(span, q)| {
            (
                doc.slice(span).to_string(),
                q.speaker
                    .and_then(|id| doc.speaker(id))
                    .map(|s| s.name.clone()),
                q.kind,
            )
        })
        .collect()
}

/// The speaker of the quote or statement of `doc` that starts with `start`.
fn speaker_of(doc: &Document, start: &str) -> Option<String> {
    let rows = inner(doc);
    rows.iter()
        .find(|r| r.0.starts_with(start))
        .unwrap_or_else(|| panic!("nothing starts with {start:?} in {rows:#?}"))
        .1
        .clone()
}

/// A made-up press conference: the president answers over two paragraphs.
const BRIEFING: &str = "Remarks by the President and the Foreign Minister of Freedonia

THE PRESIDENT: Thank you all. We had a long day of talks.

Let me say that the talks went well. I told the minister, \"No new tariffs this year.\" We said, \"Our door stays open.\"

Q: What did the minister answer?

THE PRESIDENT: The first Freedonian President I ever worked with was Carlos Mendez.

He believes that the harbour will reopen in spring. Carlos told me that the old treaty is finished.
";

#[test]
fn class5_the_speakers_own_i_and_we_inside_a_turn_are_the_turn_speaker() {
    let doc = annotate(BRIEFING, &Options::default());
    assert_eq!(
        speaker_of(&doc, "No new tariffs").as_deref(),
        Some("The President")
    );
    assert_eq!(
        speaker_of(&doc, "Our door").as_deref(),
        Some("The President")
    );
    // "Let me say that …" is the turn's speaker too, never a person named Let.
    assert_eq!(
        speaker_of(&doc, "that the talks went well").as_deref(),
        Some("The President")
    );
    // "The first … President I worked with": no speaker is ever named I.
    assert!(
        doc.speakers
            .iter()
            .all(|s| !matches!(s.name.as_str(), "I" | "We" | "Let")),
        "{:#?}",
        doc.speakers
    );
}

#[test]
fn class5_outside_a_transcript_the_writers_i_stays_nobodys() {
    let doc = annotate(
        "Notes from the harbour\n\nI told the harbour master, \"Your boats look fine.\" He laughed.\n",
        &Options::default(),
    );
    assert_eq!(speaker_of(&doc, "Your boats"), None);
}

#[test]
fn class6_a_given_name_alone_and_a_full_name_are_one_person() {
    let doc = annotate(BRIEFING, &Options::default());
    // People named in a turn's first paragraph are known to its later ones.
    assert_eq!(
        speaker_of(&doc, "that the harbour").as_deref(),
        Some("Carlos Mendez")
    );
    assert_eq!(
        speaker_of(&doc, "that the old treaty").as_deref(),
        Some("Carlos Mendez")
    );
    let named: Vec<&str> = doc.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(!named.contains(&"Carlos"), "{named:?}");
}

#[test]
fn class6_a_label_surname_takes_the_full_name_used_in_the_text() {
    let text = "Joint press conference

PRESIDENT ROSSI: Thank you. I am glad to be here.

Q: A question for both of you.

PRESIDENT ROSSI: Let me answer first.

The newspapers wrote about it. \"We will build the bridge,\" Marco Rossi said on Monday, and he meant it.
";
    let doc = annotate(text, &Options::default());
    let rossi: Vec<&str> = doc
        .speakers
        .iter()
        .map(|s| s.name.as_str())
        .filter(|n| n.contains("Rossi"))
        .collect();
    assert_eq!(rossi, ["Marco Rossi"], "{:#?}", doc.speakers);
}

#[test]
fn class6_the_president_of_a_readout_is_the_president_its_headline_names() {
    let text = "President Maria Varga received the new ambassadors at the palace

2024-03-02

Ms Varga said she hoped the visits would bring \"new trade and new friends\".

The ambassadors presented their letters. \"Our doors are open to all of you,\" the President concluded.
";
    let doc = annotate(text, &Options::default());
    assert_eq!(
        speaker_of(&doc, "Our doors").as_deref(),
        Some("Maria Varga")
    );
    let named: Vec<&str> = doc.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(named, ["Maria Varga"]);
}

#[test]
fn class6_a_headline_in_headline_case_names_nobody() {
    // Capitalised runs of a headline-style title are not taken as people.
    let text = "Mayor Tom Webb Beats Rival In Harbour Vote

The count ended late. \"It was a fair fight,\" said Anna Bell, the rival.

She added, \"We will be back next year.\"
";
    let doc = annotate(text, &Options::default());
    assert_eq!(
        speaker_of(&doc, "We will be back").as_deref(),
        Some("Anna Bell")
    );
}

#[test]
fn class6_a_headline_with_a_short_verb_names_the_two_presidents() {
    // "met with" is short, but no title-case headline writes "met" in
    // lower case: the headline names both presidents, and the role said
    // with a nationality goes to the president of that country.
    let text = "President Ivan Petrov met with Ukrainian President Pavel Kovalenko

2002-05-17, Harbour City

The two heads of state discussed trade.

The Russian President said he was pleased with the talks. He said the ministers would meet again in June.

The Ukrainian President said the new plant would open in spring.

\"We will build it together,\" the Ukrainian President added.
";
    let doc = annotate(text, &Options::default());
    for (start, who) in [
        ("he was pleased", "Ivan Petrov"),
        ("the ministers would", "Ivan Petrov"),
        ("the new plant", "Pavel Kovalenko"),
        ("We will build", "Pavel Kovalenko"),
    ] {
        assert_eq!(speaker_of(&doc, start).as_deref(), Some(who), "{start}");
    }
}

#[test]
fn class6_a_role_with_a_nationality_never_goes_to_another_countrys_holder() {
    // Only the Polish minister is named: "the French Minister" is someone
    // else, not her.
    let text = "Talks in Harbour City

French and Polish officials met on Friday. Polish Foreign Minister Anna Bell opened the meeting.

\"We are close to a deal,\" the French Minister said.
";
    let doc = annotate(text, &Options::default());
    assert_ne!(
        speaker_of(&doc, "We are close").as_deref(),
        Some("Anna Bell")
    );
}

#[test]
fn class7_a_third_partys_words_quoted_inside_a_turn_are_not_the_turn_speakers() {
    let text = "Press briefing

MS. HALL: Good afternoon.

The minister sent us a note this morning. To quote from his statement, \"The border stays open for trade.\" That is his view, not ours.

Q: Thank you.
";
    let doc = annotate(text, &Options::default());
    assert_ne!(speaker_of(&doc, "The border").as_deref(), Some("Hall"));
}

#[test]
fn class2_a_common_noun_or_a_document_is_no_speaker() {
    let text = "Harbour poll

Most fishers doubt the plan. This sentiment is summed up as “rather unlikely” in the survey.

The statement said “the harbour will stay open through the whole winter season.”
";
    let doc = annotate(text, &Options::default());
    let named: Vec<&str> = doc.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(!named.contains(&"sentiment"), "{named:?}");
    assert!(!named.contains(&"statement"), "{named:?}");
}

#[test]
fn class2_a_clause_after_a_role_is_not_part_of_the_speakers_name() {
    let text = "Harbour talks

\"Nothing has been decided,\" said a senior official who spoke on condition of anonymity.

\"We were never told,\" said the fleet chief known to the crews as the captain.
";
    let doc = annotate(text, &Options::default());
    let named: Vec<&str> = doc.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        speaker_of(&doc, "Nothing has").as_deref(),
        Some("senior official"),
        "{named:?}"
    );
    assert_eq!(
        speaker_of(&doc, "We were never").as_deref(),
        Some("fleet chief"),
        "{named:?}"
    );
}

#[test]
fn class2_a_month_or_a_weekday_is_no_speaker() {
    let text = "Harbour checks

On September 27 the checkers ended their work by announcing that the count was “correct.”

Tuesday’s meeting said the harbour would reopen in spring.
";
    let doc = annotate(text, &Options::default());
    let named: Vec<&str> = doc.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(!named.contains(&"September"), "{named:?}");
    assert!(!named.contains(&"Tuesday"), "{named:?}");
}

#[test]
fn class6_particles_belong_to_the_name_and_its_surname() {
    // "de", "von der" and "Le" are part of names; the surname with its
    // particle, and the last word alone, name the same person.
    let text = "Harbour talks

\"The port stays open,\" said Ursula von der Leyen.

Mayor Bill de Blasio spoke next. \"We are ready,\" de Blasio said.

\"Nothing has changed,\" Blasio added.

Le Courrier: \"A quiet week at the harbour.\"
";
    let doc = annotate(text, &Options::default());
    assert_eq!(
        speaker_of(&doc, "The port").as_deref(),
        Some("Ursula von der Leyen")
    );
    assert_eq!(
        speaker_of(&doc, "We are ready").as_deref(),
        Some("Bill de Blasio")
    );
    assert_eq!(
        speaker_of(&doc, "Nothing has changed").as_deref(),
        Some("Bill de Blasio")
    );
    assert_eq!(
        speaker_of(&doc, "A quiet week").as_deref(),
        Some("Le Courrier")
    );
}

#[test]
fn class3_an_outlet_in_emphasis_before_a_colon_is_the_speaker() {
    let text = "Press review

*Le Courrier*: \"The summit changed nothing.\"

The Harbour Times: \"A quiet week in the port.\"

_Die Woche_: \"Nothing new.\"
";
    let doc = annotate(text, &Options::default());
    assert_eq!(
        speaker_of(&doc, "The summit").as_deref(),
        Some("Le Courrier")
    );
    assert_eq!(
        speaker_of(&doc, "Nothing new").as_deref(),
        Some("Die Woche")
    );
}

#[test]
fn class8_a_short_fragment_is_a_persons_words_only() {
    // A person's cued fragment is a partial quote; an organisation's is a term.
    let text = "Harbour day

Mayor Tom Webb praised the “steady” growth of the port.

The Riverton Harbour Council asked for “one town” again.
";
    let doc = annotate(text, &Options::default());
    let kind = |w: &str| {
        inner(&doc)
            .into_iter()
            .find(|r| r.0.starts_with(w))
            .map(|r| r.2)
    };
    assert_eq!(kind("steady"), Some(QuoteKind::Partial));
    assert_ne!(kind("one town"), Some(QuoteKind::Partial));
}

#[test]
fn a_place_after_a_role_is_where_the_role_is_not_a_name() {
    let doc = annotate(
        "Budget Talks Stall\n\n\
         Sen. Maria Quint of Nevada spoke first. \"We will not sign,\" she said.\n\n\
         \"The numbers do not add up,\" the senator from Nevada told reporters.\n\n\
         \"We expect a vote soon,\" the Secretary of State said.",
        &Options::default(),
    );
    assert_eq!(
        speaker_of(&doc, "The numbers").as_deref(),
        Some("Maria Quint")
    );
    let names: Vec<&str> = doc.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(
        !names.iter().any(|n| *n == "Nevada" || *n == "State"),
        "{names:?}"
    );
}
