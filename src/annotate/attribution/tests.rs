//! Tests of attribution through the whole annotator, on small made-up texts.

use crate::annotate::{Options, annotate};
use crate::model::Document;
use crate::model::{QuoteKind, SpeakerKind};

/// The text under a title line, so that its first line stays a paragraph.
fn titled(text: &str) -> String {
    format!("Local News Report\n\n{}", text.replace('\n', "\n\n"))
}

/// (quoted words, speaker name, mention, kind, continues) of one quote.
type Row = (String, Option<String>, Option<String>, QuoteKind, bool);

/// Every quote of `text` as a [`Row`] (reported speech is tested in `reported_tests`).
fn quotes(text: &str) -> Vec<Row> {
    let doc: Document = annotate(&titled(text), &Options::default());
    doc.quotes()
        .filter(|(_, q)| q.kind != QuoteKind::Reported)
        .map(|(span, q)| {
            (
                doc.slice(span).to_string(),
                q.speaker
                    .and_then(|id| doc.speaker(id))
                    .map(|s| s.name.clone()),
                q.mention.map(|m| doc.slice(m).to_string()),
                q.kind,
                q.continues,
            )
        })
        .collect()
}

fn speaker_of(qs: &[Row], start: &str) -> Option<String> {
    qs.iter()
        .find(|q| q.0.starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting {start:?} in {qs:#?}"))
        .1
        .clone()
}

#[test]
fn sample_interview_all_quotes_attributed() {
    let text = include_str!("../../../assets/zinoviev-interview.txt");
    let doc = annotate(text, &Options::default());
    let qs: Vec<_> = doc
        .quotes()
        .filter(|(_, q)| q.kind != QuoteKind::Reported)
        .collect();
    assert_eq!(qs.len(), 18, "{:#?}", quotes(text));
    for short in [
        "bright",
        "unfavorable nations",
        "defeated, humiliated or disintegrated",
        "deal a heavy blow",
    ] {
        assert!(
            qs.iter().any(|(s, _)| doc.slice(*s).starts_with(short)),
            "missing {short}"
        );
    }
    for (span, q) in &qs {
        let sp = q.speaker.and_then(|id| doc.speaker(id));
        let sp = sp.unwrap_or_else(|| panic!("no speaker for {:?}", doc.slice(*span)));
        assert_eq!(sp.name, "Georgy Zinoviev", "quote {:?}", doc.slice(*span));
        assert_eq!(sp.role.as_deref(), Some("Russian Ambassador to Korea"));
        assert!(q.mention.is_some());
    }
    assert!(
        doc.speakers
            .iter()
            .all(|s| !s.name.contains("Putin") && !s.name.contains("Yoon"))
    );
}

#[test]
fn cue_after_quote_and_split_quote() {
    let t = "“The roads are closed,” Maria Lopez said, “and the bridges too.”";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Maria Lopez"));
    assert_eq!(qs[1].1.as_deref(), Some("Maria Lopez"));
    assert!(qs[1].4);
    let t = "“We start at noon,” said Peter Quill, “and end at dusk.”";
    let qs = quotes(t);
    assert_eq!(qs[0].2.as_deref(), Some("Peter Quill"));
    assert!(qs[1].4);
}

#[test]
fn colon_introductions_and_according_to() {
    let t = "Mayor Ann Brook said: “The park opens in May.”\nHarold Finch: “I never said that about the park.”\nAccording to the ministry, “the talks will resume next week.”";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Ann Brook"));
    assert_eq!(qs[1].1.as_deref(), Some("Harold Finch"));
    assert_eq!(qs[2].1.as_deref(), Some("ministry"));
    assert_eq!(qs[2].2.as_deref(), Some("the ministry"));
}

#[test]
fn appositive_subject() {
    let t = "Jane Doe, a spokeswoman for the ministry, said “the border stays open for trade.”";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Jane Doe"));
    assert_eq!(qs[0].2.as_deref(), Some("Jane Doe"));
}

#[test]
fn pronouns_agree_in_gender() {
    let t = "Mr. Tom Baker met Ms. Ellen Marsh on Monday.\n“We talked about the harbour for hours,” she said.\n“It was a long day for all of us,” he said.";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Ellen Marsh"));
    assert_eq!(qs[0].2.as_deref(), Some("she"));
    assert_eq!(qs[1].1.as_deref(), Some("Tom Baker"));
}

#[test]
fn role_nouns_refer_back() {
    let t = "Finnish Ambassador to Chile Aino Virtanen arrived on Friday.\n“Our trade will double in a year,” the ambassador said.";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Aino Virtanen"));
    assert_eq!(qs[0].2.as_deref(), Some("the ambassador"));
    let doc = annotate(&titled(t), &Options::default());
    assert_eq!(
        doc.speakers[0].role.as_deref(),
        Some("Finnish Ambassador to Chile")
    );
}

#[test]
fn surname_joins_full_name() {
    let t = "“The plan will work for every farmer,” Carl Mendez said.\n“We have the money for it,” Mendez added.";
    let qs = quotes(t);
    assert_eq!(qs[1].1.as_deref(), Some("Carl Mendez"));
    assert_eq!(qs[1].2.as_deref(), Some("Mendez"));
    let doc = annotate(&titled(t), &Options::default());
    assert_eq!(doc.speakers.len(), 1);
}

#[test]
fn organisations_and_countries_speak() {
    let t = "“The sanctions are illegal and will fail,” Moscow said.\n“We stand by the story we printed,” The Daily Courier reported.";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Moscow"));
    assert_eq!(qs[1].1.as_deref(), Some("Daily Courier"));
    let doc = annotate(&titled(t), &Options::default());
    assert_eq!(doc.speakers[0].kind, SpeakerKind::Country);
}

#[test]
fn quote_continues_in_next_paragraph() {
    let t = "“The water is rising fast,” Lena Holt said.\n“We need sandbags on every street before night falls.”\nThe town council met later.";
    let qs = quotes(t);
    assert_eq!(qs[1].1.as_deref(), Some("Lena Holt"));
    assert!(qs[1].4);
}

#[test]
fn multi_paragraph_quote_pieces() {
    let t = "Dr. Omar Haddad told the committee: “The first phase is done.\n“The second phase starts in spring and will take a year.”";
    let qs = quotes(t);
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[1].1.as_deref(), Some("Omar Haddad"));
    assert!(qs[1].4);
}

#[test]
fn speaker_named_in_next_sentence() {
    let t = "“Nobody will be left behind.” Governor Rita Vance said so at the rally on Sunday.";
    let qs = quotes(t);
    assert_eq!(speaker_of(&qs, "Nobody"), Some("Rita Vance".into()));
}

#[test]
fn terms_stay_unattributed() {
    let t = "The so-called “green corridor” opened in the city center on Monday.";
    let qs = quotes(t);
    assert_eq!(qs[0].3, QuoteKind::Term);
    assert_eq!(qs[0].1, None);
    let t = "Kurt Weller said the plan would “cut costs sharply by the autumn” next year.";
    let qs = quotes(t);
    assert_eq!(qs[0].3, QuoteKind::Partial);
    assert_eq!(qs[0].1.as_deref(), Some("Kurt Weller"));
}

#[test]
fn signature_dash_and_said_first() {
    let t = "“The new park is the best thing in town.” ― Rosa Diaz\nSaid Tom Reed: “I walk there every day.”";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Rosa Diaz"));
    assert_eq!(qs[1].1.as_deref(), Some("Tom Reed"));
}

#[test]
fn participle_cue_takes_the_sentence_subject() {
    let t = "At the rally, the union leader thanked the crowd, saying “we will not stop until the mill reopens.”";
    let qs = quotes(t);
    assert_eq!(qs[0].2.as_deref(), Some("the union leader"));
    let t = "During a long speech in the hall on Monday, Nora Fields attacked the plan, saying, “It will ruin the harbour and the fishing fleet.”";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Nora Fields"));
}

#[test]
fn nickname_inside_the_speaker_name() {
    let t = "“The fair is open again!” Mayor Anna “Nan” Kowal shouted to the crowd. “Bring your friends.”";
    let qs = quotes(t);
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].1.as_deref(), Some("Anna Kowal"));
    assert_eq!(qs[1].1.as_deref(), Some("Anna Kowal"));
}

#[test]
fn unpaired_marks_do_not_hide_the_subject() {
    let t =
        "The report went on:\n\"Lena Ortiz stepped onto the stage, chanting “Go team! Go team!”";
    let qs = quotes(t);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].1.as_deref(), Some("Lena Ortiz"));
}

#[test]
fn participle_cue_after_an_appositive() {
    let t = "“The docks are full,” said Rita Vogel, who ran the port for years.\nThe mayor disagreed.\nVogel, a former port director, mocked the plan at the meeting, tweeting, “Nice roads. Where is the money?”";
    let qs = quotes(t);
    assert_eq!(qs[1].1.as_deref(), Some("Rita Vogel"));
    assert_eq!(qs[1].2.as_deref(), Some("Vogel"));
    assert_eq!(qs[1].0, "Nice roads. Where is the money?");
    // A name not seen before, set off by an appositive that names a role.
    let t =
        "Brandauer, a retired ferry captain, waved at the crowd, shouting, “Keep the pier open!”";
    assert_eq!(quotes(t)[0].2.as_deref(), Some("Brandauer"));
    // An opening adverb is no speaker.
    let t = "Earlier, a clerk read the rules aloud, saying, “No dogs on the pier.”";
    let qs = quotes(t);
    assert_ne!(qs[0].2.as_deref(), Some("Earlier"));
}

#[test]
fn paragraph_ending_in_colon_introduces_the_quote() {
    let t = "The mayor spoke last. Jorge Alba said:\n“We will rebuild the old bridge, and we will do it this year.”";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Jorge Alba"));
    let t = "Then a neighbour would ask: “Why is the road still closed after all these months?”";
    let qs = quotes(t);
    assert_eq!(qs[0].2.as_deref(), Some("a neighbour"));
}

#[test]
fn relative_pronoun_and_of_phrase_subjects() {
    let t = "The fair drew the painter Lucia Brandt, who joked of the stalls, “I came for the cake and stayed for the band.”";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Lucia Brandt"));
    assert_eq!(qs[0].2.as_deref(), Some("who"));
    let t = "Asked about the school, the 40-year-old mother of two replied, “We need more teachers, not more forms.”";
    let qs = quotes(t);
    assert_eq!(qs[0].2.as_deref(), Some("the 40-year-old mother of two"));
}

#[test]
fn name_set_off_by_dashes() {
    let t = "Several farmers agreed, among them Piet Vos -- “The rain came too late for the wheat this year” -- and his brother.";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Piet Vos"));
}

#[test]
fn quoted_transcript_labels_and_stage_directions() {
    let t = "The exchange went as follows:\n\"HOST: Will you run again next year?\n\"(LAUGHTER.)\n\"GUEST: I have not decided yet.\"";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("HOST"));
    assert_eq!(qs[1].3, QuoteKind::Term);
    assert_eq!(qs[2].1.as_deref(), Some("GUEST"));
    // The spoken words start after the label; the label is the mention.
    assert_eq!(qs[0].0, "Will you run again next year?");
    assert_eq!(qs[0].2.as_deref(), Some("HOST"));
    assert_eq!(qs[2].0, "I have not decided yet.");
    let t = "The panel heard this:\n\"DR. MOSS: The samples were clean.\n\"SEN. LEE:\n";
    let qs = quotes(t);
    assert_eq!(qs[0].0, "The samples were clean.");
    assert_eq!(qs[0].1.as_deref(), Some("DR. MOSS"));
}

#[test]
fn titles_possessives_and_organisation_heads() {
    let t = "Radio Nine’s Dana Cole: “The storm missed us by a day.”\nPress Secretary Ines Roth: “We are ready for the next one.”\n“We will review the plan,” the Harbour Department said.";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Dana Cole"));
    assert_eq!(qs[1].1.as_deref(), Some("Ines Roth"));
    assert_eq!(qs[2].1.as_deref(), Some("Harbour Department"));
}

#[test]
fn object_verbs_only_attribute_what_follows() {
    let t = "Ken Ito laughed at the idea, saying, “That makes me rich,” after Ada Park mocked him.";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Ken Ito"));
    let t = "In a speech, Ada Park attacked “the cruel logic of the new tax on bread and milk.”";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Ada Park"));
}

#[test]
fn titles_of_works_are_terms() {
    let t =
        "“The port will reopen in May,” Vera Lund said on Radio North’s “Morning at the Docks.”";
    let qs = quotes(t);
    assert_eq!(qs[0].1.as_deref(), Some("Vera Lund"));
    assert_eq!(qs[1].0, "Morning at the Docks.");
    assert_eq!(qs[1].3, QuoteKind::Term);
    assert_eq!(qs[1].1, None);
    let t = "In her 2009 book, “Ten Winters on the Ice,” Mona Berg described the camp.";
    let qs = quotes(t);
    assert_eq!(qs[0].3, QuoteKind::Term);
    let t = "The band closed with the anthem “Home Again,” and the crowd sang along.";
    assert_eq!(quotes(t)[0].3, QuoteKind::Term);
    let t = "Ole Dahl was a guest on “Evening Table Talk.” He spoke about fish prices.";
    assert_eq!(quotes(t)[0].3, QuoteKind::Term);
    // Speech stays speech, even in capitals or after a possessive.
    let t = "Ole Dahl told the crowd, “We Will Not Move.”";
    assert_ne!(quotes(t)[0].3, QuoteKind::Term);
    let t = "Ole Dahl said the mayor’s “plan for the docks is a fantasy.”";
    assert_eq!(quotes(t)[0].3, QuoteKind::Partial);
    let t = "In his column, “We cannot wait for the council any longer,” Ole Dahl wrote.";
    assert_eq!(quotes(t)[0].3, QuoteKind::Direct);
}

#[test]
fn possessive_noun_is_no_cue() {
    let t = "Ivo Grant answered Mrs. Lind's remark with a shrug -- “That is my job” -- and left.";
    let qs = quotes(t);
    assert_ne!(qs[0].1.as_deref(), Some("Lind"));
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "[A-Za-z “”\"',.:;\n]{0,120}") {
        let doc = annotate(&s, &Options::default());
        proptest::prop_assert!(doc.validate().is_ok());
    }
}

// Error classes of issue 10, each on sentences written for the test.

#[test]
fn class1_role_phrase_and_long_appositives_give_the_name() {
    let t =
        "“The harbour will reopen,” the port authority spokeswoman, Lena Marsh, said on Friday.";
    assert_eq!(
        speaker_of(&quotes(t), "The harbour").as_deref(),
        Some("Lena Marsh")
    );
    let t = "“We expect delays,” Omar Feld, a logistics analyst who has followed the strike since the spring, said.";
    assert_eq!(
        speaker_of(&quotes(t), "We expect").as_deref(),
        Some("Omar Feld")
    );
    let t = "Tomas Brink, asked about the budget, had said, “We will cut nothing at all.”";
    assert_eq!(
        speaker_of(&quotes(t), "We will cut").as_deref(),
        Some("Tomas Brink")
    );
    let t = "Said Greta Lind, who runs the bakery, “Bread is cheaper now than last year.”";
    assert_eq!(
        speaker_of(&quotes(t), "Bread").as_deref(),
        Some("Greta Lind")
    );
    let t = "The mayor spoke last.\nElena Voss agreed. “The plan works and the town knows it.”";
    assert_eq!(
        speaker_of(&quotes(t), "The plan").as_deref(),
        Some("Elena Voss")
    );
}

#[test]
fn class2_sentence_openers_pronouns_and_places_are_no_speakers() {
    let t = "Back in 2019, Karl Weiss told the council: “Fix the road before the winter.”";
    assert_eq!(
        speaker_of(&quotes(t), "Fix the road").as_deref(),
        Some("Karl Weiss")
    );
    let t = "Speaking to farmers, Ruth Adler warned: “The river is rising fast this week.”";
    assert_eq!(
        speaker_of(&quotes(t), "The river").as_deref(),
        Some("Ruth Adler")
    );
    let t =
        "Here in Dunmore, Ivan Petrov stepped up his campaign, saying, “We need more jobs here.”";
    assert_eq!(
        speaker_of(&quotes(t), "We need").as_deref(),
        Some("Ivan Petrov")
    );
    // Quantifiers and number words open a phrase; none of them is a name.
    let t = "Each summer, there is a promise that few people keep: “Next year the pool opens for everyone.”";
    let qs = quotes(t);
    assert_ne!(speaker_of(&qs, "Next year").as_deref(), Some("Each"));
    let t = "Eight years ago, the old council voted and said, “The park stays open for good.”";
    assert_ne!(speaker_of(&quotes(t), "The park").as_deref(), Some("Eight"));
    // The writer's own "I" is never a speaker named I.
    let t = "“Sit down and wait for the doctor,” I said to the boy.";
    let qs = quotes(t);
    assert_eq!(speaker_of(&qs, "Sit down"), None);
    assert_eq!(qs[0].2.as_deref(), Some("I"));
}

#[test]
fn class4_roundup_signatures() {
    let t = "VOTERS WANT BETTER ROADS - Helen Cho: “Most people here drive to work every day.”";
    assert_eq!(
        speaker_of(&quotes(t), "Most people").as_deref(),
        Some("Helen Cho")
    );
    let t = "“Build the bridge now, before the next flood comes.”\n— Carla Mendes, a commuter.";
    assert_eq!(
        speaker_of(&quotes(t), "Build the bridge").as_deref(),
        Some("Carla Mendes")
    );
    let t = "“We will win the vote in the spring.” — Arun Patel, Twitter";
    assert_eq!(
        speaker_of(&quotes(t), "We will win").as_deref(),
        Some("Arun Patel")
    );
    // A dash line that is a sentence, not a signature, names nobody.
    let t = "“Build the bridge now, before the next flood comes.”\n- The council met on Monday and voted against the plan.";
    assert_ne!(
        speaker_of(&quotes(t), "Build the bridge").as_deref(),
        Some("The council")
    );
}

#[test]
fn class1_person_of_a_place_and_participle_subjects() {
    // "Name of Place": the person, not the place.
    let t = "“The wind is strong on the hill today,” said Peter Lund of Dunmore.";
    assert_eq!(
        speaker_of(&quotes(t), "The wind").as_deref(),
        Some("Peter Lund")
    );
    // ", saying" takes the subject of the clause before it, not an object in it.
    let t = "After the vote to close the North Road, Maria Holt rallied her neighbours, saying: “We will open it again.”";
    assert_eq!(
        speaker_of(&quotes(t), "We will open").as_deref(),
        Some("Maria Holt")
    );
}

#[test]
fn class1_as_clauses_and_party_tags() {
    // "As Name pointed out, “…”": the weak verb counts in an "as" clause.
    let t = "Nora Quist spoke first.\nAs Dan Okafor pointed out in May, “The delegates can change the rules before the vote.”";
    assert_eq!(
        speaker_of(&quotes(t), "The delegates").as_deref(),
        Some("Dan Okafor")
    );
    // Without "as", a far weak verb is still no cue for the quote.
    let t = "Nora Quist spoke first.\nDan Okafor pointed to the old map on the wall in May, “The delegates can change the rules.”";
    assert_ne!(
        speaker_of(&quotes(t), "The delegates").as_deref(),
        Some("Dan Okafor")
    );
    // "Gov. Name (R-OH), said": the party tag and its comma do not hide the name.
    let t = "On Tuesday in Berea, after the count, Gov. Bob Marlow (R-OH), said, “We are going to rent a wagon and ride west.”";
    assert_eq!(
        speaker_of(&quotes(t), "We are going").as_deref(),
        Some("Bob Marlow")
    );
}

/// Long noun phrases around a cue give the person they name (issue 10, class 1 and 3).
#[test]
fn role_phrases_around_names_give_the_person() {
    let qs = quotes(
        "Maria Lopez, deputy director of the delegation, emailed colleagues on Monday, telling them, “We are not leaving without a deal on grain.”\n\
         The meeting went on for another hour.\n\
         The timing does not surprise Harvard economist Lena Park: “Markets always move before the diplomats do.”\n\
         The meeting went on for another hour.\n\
         Rep. Tom Hale (R-Ore.):\"Who approved the transfer, and when did you learn of it?\"\n\
         The meeting went on for another hour.\n\
         “Eventually the numbers will move our way,” Oregon Sen. Ann Ross’s chief of staff, Dan Kemp, told reporters before the vote.\n\
         The meeting went on for another hour.\n\
         Back then, as county prosecutor Ines Varga put it, “there was little in the file to act on.”",
    );
    assert_eq!(
        speaker_of(&qs, "We are not leaving").as_deref(),
        Some("Maria Lopez")
    );
    assert_eq!(
        speaker_of(&qs, "Markets always").as_deref(),
        Some("Lena Park")
    );
    assert_eq!(speaker_of(&qs, "Who approved").as_deref(), Some("Tom Hale"));
    assert_eq!(
        speaker_of(&qs, "Eventually the").as_deref(),
        Some("Dan Kemp")
    );
    assert_eq!(
        speaker_of(&qs, "there was little").as_deref(),
        Some("Ines Varga")
    );
}

/// A name after a preposition is not the subject of a participle's cue.
#[test]
fn participle_cue_skips_the_object_of_its_preposition() {
    let qs = quotes(
        "One ministry official speaking to Radio Danube said, “The convoy left at dawn.”\n\
         Nobody expected an answer that night.\n\
         Helga Brandt replied to the question on Facebook writing, “Yes, we will publish the figures.”",
    );
    let convoy = qs.iter().find(|q| q.0.starts_with("The convoy")).unwrap();
    assert_ne!(convoy.1.as_deref(), Some("Radio Danube"), "{qs:#?}");
    assert_eq!(convoy.2.as_deref(), Some("One ministry official"));
    assert_eq!(
        speaker_of(&qs, "Yes, we will").as_deref(),
        Some("Helga Brandt")
    );
}

/// A cue verb may close its sentence with a short phrase before the quote;
/// a role phrase before a "who" clause and "could only quip" still attribute.
#[test]
fn cue_before_a_quote_sentence_and_relative_clauses() {
    let qs = quotes(
        "The talks resumed on Tuesday.\n\
         Omar Haddad, a spokesman, said in a statement. “There are no reserves left this winter.”\n\
         The talks resumed on Wednesday.\n\
         “The ledger was rewritten twice,” a ministry source, who was not allowed to speak on the record, told Radio Danube.\n\
         The schedule slipped again, and a spokesman for the mayor could only quip: “Christmas was taken.”",
    );
    assert_eq!(
        speaker_of(&qs, "There are no reserves").as_deref(),
        Some("Omar Haddad")
    );
    let ledger = qs.iter().find(|q| q.0.starts_with("The ledger")).unwrap();
    assert_eq!(ledger.2.as_deref(), Some("a ministry source"), "{qs:#?}");
    let xmas = qs.iter().find(|q| q.0.starts_with("Christmas")).unwrap();
    assert!(
        xmas.2.as_deref().is_some_and(|m| m.contains("spokesman")),
        "{qs:#?}"
    );
}

/// A possessive opening the sentence is not the subject of a participle's cue.
#[test]
fn possessive_is_no_participle_subject() {
    let qs =
        quotes("Varga's nephew, Pal, defended her on Sunday, saying: “She never saw the ledger.”");
    assert_ne!(
        speaker_of(&qs, "She never").as_deref(),
        Some("Varga"),
        "{qs:#?}"
    );
}

#[test]
fn a_cued_short_fragment_is_the_speakers_partial_quote() {
    // Issue 10, class 8: a speech cue gives the quoted word to its speaker.
    let qs = quotes("Trade envoy Lena Marsh underscored the “steady” growth of the port.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].0, "steady");
    assert_eq!(qs[0].3, QuoteKind::Partial);
    assert_eq!(qs[0].1.as_deref(), Some("Lena Marsh"));
    let qs = quotes("Mayor Tom Okafor expressed his satisfaction with “the open talks.”");
    assert_eq!(qs[0].3, QuoteKind::Partial);
    assert_eq!(qs[0].1.as_deref(), Some("Tom Okafor"));
    // Nobody is said to have said a scare-quoted word or a title.
    let qs = quotes("The “steady” growth of the port surprised the town.");
    assert_eq!((qs[0].3, qs[0].1.clone()), (QuoteKind::Term, None));
    let qs = quotes("Lena Marsh told the hosts of “Harbour Hour” about the port.");
    assert_eq!(qs[0].3, QuoteKind::Term);
}

#[test]
fn a_quotation_after_that_is_part_of_the_reported_clause() {
    let qs = quotes("Lena Marsh said that “Every pier will open again by June.”");
    assert_eq!(qs[0].0, "Every pier will open again by June.");
    assert_eq!(qs[0].3, QuoteKind::Partial);
    assert_eq!(qs[0].1.as_deref(), Some("Lena Marsh"));
}

#[test]
fn manner_verbs_went_on_and_second_speakers_take_their_own_cues() {
    // Without the cue, each quote would go on to the last speaker (Doe).
    let qs = quotes(
        "“The port stays shut,” Mark Doe said.\n\
         Lena Marsh cracked, “It was never open.”\n\
         “Will it open in June?” Tom Okafor pressed.\n\
         “Nobody knows,” Doe said. “Not even the mayor,” Marsh went on.\n\
         “The vote is today,” Doe proclaimed to the crowd.",
    );
    assert_eq!(
        speaker_of(&qs, "It was never open").as_deref(),
        Some("Lena Marsh")
    );
    assert_eq!(
        speaker_of(&qs, "Will it open").as_deref(),
        Some("Tom Okafor")
    );
    assert_eq!(
        speaker_of(&qs, "Not even the mayor").as_deref(),
        Some("Lena Marsh")
    );
    assert_eq!(
        speaker_of(&qs, "The vote is today").as_deref(),
        Some("Mark Doe")
    );
    // Two speakers in one paragraph: a piece in a sentence of its own with a
    // cue of its own is not the first piece's continuation.
    let qs = quotes("“The port stays shut,” Mark Doe said. “It opens in June,” Tom Okafor said.");
    assert_eq!(speaker_of(&qs, "It opens").as_deref(), Some("Tom Okafor"));
    let qs = quotes("“The port stays shut,” Mark Doe said. “It opens in June,” said Lena Marsh.");
    assert_eq!(speaker_of(&qs, "It opens").as_deref(), Some("Lena Marsh"));
    // Without one, it continues; a scare quote later in a sentence does not.
    let qs =
        quotes("“The port stays shut,” Mark Doe said. “Until June.” He saw the so-called “plan”.");
    assert_eq!(speaker_of(&qs, "Until June").as_deref(), Some("Mark Doe"));
    assert_eq!(speaker_of(&qs, "plan"), None);
    // "pleaded" is left out: "X has pleaded not guilty" says no quote.
    let qs = quotes("Jan Roe founded “Friends of the Port.” Roe pleaded not guilty.");
    assert_eq!(speaker_of(&qs, "Friends of the Port"), None);
}

#[test]
fn the_words_of_a_statement_someone_issued_are_theirs() {
    let qs = quotes(
        "After the storm, Jane Roe issued a statement, “We mourn the dead.”\n\
         Later she released a brief statement saying, “The port will open.”\n\
         Tom Okafor put out a statement that read, “Nobody was hurt.”",
    );
    assert_eq!(speaker_of(&qs, "We mourn").as_deref(), Some("Jane Roe"));
    assert_eq!(
        speaker_of(&qs, "The port will").as_deref(),
        Some("Jane Roe")
    );
    assert_eq!(speaker_of(&qs, "Nobody was").as_deref(), Some("Tom Okafor"));
    // "goes on" with more words after it is no cue: the senator speaks.
    let qs =
        quotes("Senator Lena Marsh said that once the Senate goes on recess, “I will travel.”");
    assert_eq!(
        speaker_of(&qs, "I will travel").as_deref(),
        Some("Lena Marsh")
    );
}

#[test]
fn a_full_stop_that_lost_its_space_still_ends_the_cue() {
    // Scraped text often drops the space after a full stop.
    let qs = quotes("Mark Doe spoke first.\n“It is not safe,” Doe said.He left early.");
    assert_eq!(
        speaker_of(&qs, "It is not safe").as_deref(),
        Some("Mark Doe")
    );
    // Abbreviations and names with a stop inside stay whole.
    let qs = quotes("“It is safe,” said Ann Poe, Ph.D, of the U.S.Navy.");
    assert_eq!(speaker_of(&qs, "It is safe").as_deref(), Some("Ann Poe"));
}

#[test]
fn as_clauses_with_words_set_off_or_a_role_before_the_name() {
    let qs = quotes(
        "As Ann Poe, professor of law and author of “Unwritten Rules,” put it, “Senators should \
         remember the stakes.”\n\
         As the chief executive, Jeff Tanaka, put it in his memo to staff explaining the deal, \
         “Imagine a world where we lead.”",
    );
    assert_eq!(speaker_of(&qs, "Unwritten"), None);
    assert_eq!(
        speaker_of(&qs, "Senators should").as_deref(),
        Some("Ann Poe")
    );
    assert_eq!(
        speaker_of(&qs, "Imagine a world").as_deref(),
        Some("Jeff Tanaka")
    );
    // "as well as" opens no clause: the one who joked speaks.
    let qs = quotes(
        "The mayor came, as well as singers like Ann Poe, Will Tanaka and Rita Vance, who joked \
         of the hall, “I have not seen it yet.”",
    );
    assert_eq!(speaker_of(&qs, "I have not").as_deref(), Some("Rita Vance"));
}

#[test]
fn a_headline_quote_is_the_named_speakers() {
    let doc = annotate(
        "Roe Tells Harbour Rally: ‘We Will Win the Port Vote.’\n\n\
         Jane Roe spoke on Monday.\n\n“Nobody will stop us,” Roe said.",
        &Options::default(),
    );
    let (span, q) = doc.quotes().next().expect("the headline's quote");
    assert_eq!(doc.slice(span), "We Will Win the Port Vote.");
    let speaker = q
        .speaker
        .and_then(|id| doc.speaker(id))
        .map(|s| s.name.as_str());
    assert_eq!(speaker, Some("Jane Roe"));
    // Nobody of that name speaks in the body: the quote stays unattributed.
    let doc = annotate(
        "Harbour Board: ‘We Will Win.’\n\nThe board met on Monday.",
        &Options::default(),
    );
    let (_, q) = doc.quotes().next().expect("the headline's quote");
    assert_eq!(q.speaker, None);
}

#[test]
fn a_document_word_before_a_colon_is_no_speaker() {
    // Issue 10, class 2: "Transcript as follows:" names no one (the excerpt
    // is left without a speaker rather than given to "Transcript").
    let qs = quotes(
        "“We will win,” Governor Ann Poe said on Tuesday.\n\
         Transcript as follows:\n\
         “Tonight we came home to the port, and the whole town was out.”",
    );
    assert_eq!(speaker_of(&qs, "Tonight we came"), None);
    assert_eq!(speaker_of(&qs, "We will win").as_deref(), Some("Ann Poe"));
}

#[test]
fn a_job_word_before_a_name_is_the_role_not_part_of_the_name() {
    // "Journalist" and "CEO" stand before a name as "Ambassador" does; the
    // speaker is the person, the words before the name the role.
    let qs = quotes(
        "Journalist Ilse Marten: “A speech worth hearing in full.”\n\
         Harbour Freight Group CEO Tomas Vidal said: “We will keep the ships running.”",
    );
    assert_eq!(speaker_of(&qs, "A speech").as_deref(), Some("Ilse Marten"));
    assert_eq!(speaker_of(&qs, "We will").as_deref(), Some("Tomas Vidal"));
}

#[test]
fn a_place_name_can_be_a_surname_and_of_a_place_is_no_part_of_a_name() {
    let qs = quotes(
        "Rep. Tom Jordan: “The vote comes next week.”\n\
         President Ildar Vesko of Portugal said: “The bridge will open in June.”\n\
         The National Democratic Party of Portugal said: “We oppose the bridge.”",
    );
    assert_eq!(speaker_of(&qs, "The vote").as_deref(), Some("Tom Jordan"));
    assert_eq!(
        speaker_of(&qs, "The bridge").as_deref(),
        Some("Ildar Vesko")
    );
    assert_ne!(
        speaker_of(&qs, "We oppose").as_deref(),
        Some("Democratic Party")
    );
}

#[test]
fn a_war_or_a_summit_is_nobody() {
    let qs = quotes(
        "Historians still argue about the First Norland War and the First Vessel Summit.\n\
         “It changed everything,” he said.\n\
         “Nobody expected it,” she said.",
    );
    for start in ["It changed", "Nobody expected"] {
        let who = speaker_of(&qs, start);
        assert!(
            !who.as_deref()
                .is_some_and(|w| w.ends_with("War") || w.ends_with("Summit")),
            "{start}: {who:?}"
        );
    }
}

#[test]
fn an_unknown_role_before_a_known_given_name_is_left_out_of_the_name() {
    let qs = quotes(
        "Harbour County Recorder Helen Vask said: “The count is finished.”\n\
         Filmmaker Jack Morrel said: “The film opens in May.”\n\
         Tarquin William Moss said: “The river is rising.”",
    );
    assert_eq!(speaker_of(&qs, "The count").as_deref(), Some("Helen Vask"));
    assert_eq!(speaker_of(&qs, "The film").as_deref(), Some("Jack Morrel"));
    // A first name the lexicon lacks, before a middle name it knows.
    assert_eq!(
        speaker_of(&qs, "The river").as_deref(),
        Some("Tarquin William Moss")
    );
}
