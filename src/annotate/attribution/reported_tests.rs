//! Tests of the reported-speech stage through the whole annotator, on small
//! made-up sentences: each construction it knows, and what it must leave alone.

use crate::annotate::{Options, annotate};
use crate::model::QuoteKind;

/// (content, speaker, mention, cue) of one reported statement.
type Row = (String, Option<String>, Option<String>, Option<String>);

/// Every reported statement of `text`, as a [`Row`].
fn reported(text: &str) -> Vec<Row> {
    let doc = annotate(
        &format!("Local News Report\n\n{}", text.replace('\n', "\n\n")),
        &Options::default(),
    );
    doc.quotes()
        .filter(|(_, q)| q.kind == QuoteKind::Reported)
        .map(|(span, q)| {
            (
                doc.slice(span).to_string(),
                q.speaker
                    .and_then(|id| doc.speaker(id))
                    .map(|s| s.name.clone()),
                q.mention.map(|m| doc.slice(m).to_string()),
                q.cue.map(|c| doc.slice(c).to_string()),
            )
        })
        .collect()
}

/// The single statement of `text`: (content, speaker).
fn one(text: &str) -> (String, Option<String>) {
    let r = reported(text);
    assert_eq!(r.len(), 1, "{r:#?}");
    (r[0].0.clone(), r[0].1.clone())
}

#[test]
fn a_that_clause_after_a_speech_verb_in_any_tense() {
    for verb in [
        "said", "says", "has said", "stressed", "noted", "warned", "argued",
    ] {
        let (c, s) = one(&format!(
            "Foreign Minister Anna Kowal {verb} that the border talks would resume in May."
        ));
        assert_eq!(c, "that the border talks would resume in May", "{verb}");
        assert_eq!(s.as_deref(), Some("Anna Kowal"), "{verb}");
    }
}

#[test]
fn a_bare_clause_and_a_cognition_verb() {
    let (c, s) = one("Mr Brandt believes the treaty will hold until spring.");
    assert_eq!(c, "the treaty will hold until spring");
    assert_eq!(s.as_deref(), Some("Brandt"));
    let (c, _) = one("Senator Ruth Oyelaran said she would vote against the budget.");
    assert_eq!(c, "she would vote against the budget");
}

#[test]
fn told_with_a_listener_and_an_adverbial_before_that() {
    let (c, s) = one("Pavel Dunn told reporters on Tuesday that the embassy would reopen.");
    assert_eq!(c, "that the embassy would reopen");
    assert_eq!(s.as_deref(), Some("Pavel Dunn"));
    let (c, _) = one("Pavel Dunn told reporters the embassy would reopen soon.");
    assert_eq!(c, "the embassy would reopen soon");
}

#[test]
fn according_to_before_and_after_the_clause() {
    let (c, s) = one("According to Lena Marsh, the shipment left the port on Friday.");
    assert_eq!(c, "the shipment left the port on Friday");
    assert_eq!(s.as_deref(), Some("Lena Marsh"));
    let (c, s) = one("The shipment left the port on Friday, according to Lena Marsh.");
    assert_eq!(c, "The shipment left the port on Friday");
    assert_eq!(s.as_deref(), Some("Lena Marsh"));
}

#[test]
fn a_cue_after_the_clause() {
    let (c, s) = one("The ceasefire is holding in the north, Omar Haddad said.");
    assert_eq!(c, "The ceasefire is holding in the north");
    assert_eq!(s.as_deref(), Some("Omar Haddad"));
    let (c, s) = one("The ceasefire is holding in the north, Omar Haddad told reporters.");
    assert_eq!(c, "The ceasefire is holding in the north");
    assert_eq!(s.as_deref(), Some("Omar Haddad"));
    let (c, _) = one("The ceasefire is holding in the north, said Omar Haddad.");
    assert_eq!(c, "The ceasefire is holding in the north");
}

#[test]
fn pronouns_and_roles_resolve_as_for_direct_quotes() {
    let r = reported(
        "Ambassador Ingrid Solberg arrived in Lima on Monday.\n\
         She said that the visit would strengthen trade ties.\n\
         The ambassador added that a new consulate would open next year.",
    );
    assert_eq!(r.len(), 2, "{r:#?}");
    assert!(
        r.iter().all(|x| x.1.as_deref() == Some("Ingrid Solberg")),
        "{r:#?}"
    );
    assert_eq!(r[0].2.as_deref(), Some("She"));
    assert_eq!(r[1].3.as_deref(), Some("added"));
}

#[test]
fn one_speaker_table_for_quotes_and_reported_speech() {
    let doc = annotate(
        "Local News Report\n\nDaniel Obi said that exports had doubled.\n\n\
         “We are proud of it,” Obi said.",
        &Options::default(),
    );
    assert_eq!(doc.speakers.len(), 1, "{:#?}", doc.speakers);
    let kinds: Vec<QuoteKind> = doc.quotes().map(|(_, q)| q.kind).collect();
    assert_eq!(kinds, vec![QuoteKind::Reported, QuoteKind::Direct]);
    assert!(
        doc.quotes()
            .all(|(_, q)| q.speaker == Some(doc.speakers[0].id))
    );
}

#[test]
fn the_content_stops_at_a_direct_quote_a_parenthesis_and_the_next_cue() {
    let r = reported("Mara Lind said the vote was fair: “We saw no fraud.”");
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, "the vote was fair");
    let (c, _) = one("(Mara Lind said that the vote was fair) The count went on.");
    assert_eq!(c, "that the vote was fair");
    let r =
        reported("Mara Lind said that the vote was fair, adding that the count would end soon.");
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[0].0, "that the vote was fair");
    assert_eq!(r[1].0, "that the count would end soon");
    assert_eq!(r[1].1.as_deref(), Some("Mara Lind"));
}

#[test]
fn a_quoted_fragment_inside_the_clause_belongs_to_it() {
    let (c, _) = one("Mara Lind said the reform was “long overdue” and would pass.");
    assert_eq!(c, "the reform was “long overdue” and would pass");
}

#[test]
fn what_is_not_reported_speech() {
    for text in [
        // "said" as an adjective.
        "The said agreement was signed in Oslo by both delegations.",
        // An infinitive and nouns.
        "The minister wanted to say whether the talks would resume.",
        "A warning was issued to all ships in the strait last night.",
        "The envoy issued a rare warning that hinted at new sanctions.",
        // A question.
        "Did the minister say that the talks would resume next week?",
        // Hypothetical and conditional cues.
        "Kofi Mensah would say that the deal was never fair to farmers.",
        "If Kofi Mensah says that the deal is dead, the farmers will protest.",
        // A negated cue and a passive.
        "Kofi Mensah did not say that the deal was dead for good.",
        "It is believed that the deal was dead for good.",
        // A verb that needs a "that" clause, without one.
        "The inspectors found the documents in a locked drawer.",
        // A direct quote is not reported speech.
        "Kofi Mensah said: “The deal is dead for good.”",
        // The speaker's own words, in the first or second person.
        "I think that the deal is dead for good.",
        "As we said, the deal is dead for good, we believe.",
        // A quantity that moved is no refusal.
        "Over the years the share of the G9 countries in world GDP has declined from 58 percent to 40 percent.",
        "Since 1995 the output of Ruritania has declined by 12 percent.",
    ] {
        assert!(reported(text).is_empty(), "{text}: {:#?}", reported(text));
    }
}

/// The direct quotes of `text` as (words, speaker name), and the speaker names.
fn direct_and_speakers(text: &str) -> (Vec<(String, Option<String>)>, Vec<String>) {
    let doc = annotate(
        &format!("Local News Report\n\n{}", text.replace('\n', "\n\n")),
        &Options::default(),
    );
    let direct = doc
        .quotes()
        .filter(|(_, q)| q.kind != QuoteKind::Reported)
        .map(|(span, q)| {
            let who = q.speaker.and_then(|id| doc.speaker(id));
            (doc.slice(span).to_string(), who.map(|s| s.name.clone()))
        })
        .collect();
    let names = doc.speakers.iter().map(|s| s.name.clone()).collect();
    (direct, names)
}

#[test]
fn reported_speech_never_changes_who_said_a_direct_quote() {
    // With and without the reported sentence, the direct quote and the
    // speakers before it are the same.
    let quoted = "“We will not sign this,” he said.";
    for lead in [
        "Chancellor Otto Brandt met Mr Ivo Petrov on Monday.",
        "Presidential Debates\nChancellor Otto Brandt met Mr Ivo Petrov on Monday.",
    ] {
        let (plain, plain_names) = direct_and_speakers(&format!("{lead} {quoted}"));
        let with = format!("{lead} Mr Petrov said that the pipeline deal was off. {quoted}");
        let (direct, names) = direct_and_speakers(&with);
        assert_eq!(direct, plain, "{with}");
        assert_eq!(names[..plain_names.len()], plain_names[..], "{with}");
        assert!(!names.iter().any(|n| n.contains("Debates")), "{names:?}");
    }
}

#[test]
fn a_speaker_only_of_reported_speech_joins_the_table_when_a_name() {
    let (_, names) =
        direct_and_speakers("Jill Okafor said that the vote would be close in every district.");
    assert_eq!(names, ["Jill Okafor"]);
    let r = reported("President Tomas Varga of Eldoria noted that the vote would be close.");
    assert_eq!(r.len(), 1, "{r:#?}");
    assert!(r[0].1.is_some(), "{r:#?}");
    // A role phrase, a plural and a party word say something, but are no names.
    for text in [
        "Analysts said that the vote would be close in every district.",
        "Democrats said that the vote would be close in every district.",
        "Several experts said that the vote would be close in every district.",
    ] {
        let r = reported(text);
        assert_eq!(r.len(), 1, "{text}: {r:#?}");
        assert_eq!(r[0].1, None, "{text}");
        assert!(direct_and_speakers(text).1.is_empty(), "{text}");
    }
}

#[test]
fn a_reported_speaker_already_in_the_table_is_reused_unchanged() {
    let text =
        "“Talks are over,” said Defence Minister Lena Vogt.\nVogt said that the army would stay.";
    let doc = annotate(
        &format!("Local News Report\n\n{}", text.replace('\n', "\n\n")),
        &Options::default(),
    );
    assert_eq!(doc.speakers.len(), 1, "{:#?}", doc.speakers);
    let ids: Vec<_> = doc.quotes().map(|(_, q)| q.speaker).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.iter().all(|&s| s == ids[0] && s.is_some()), "{ids:?}");
}

#[test]
fn a_bare_clause_with_a_lower_case_or_named_subject() {
    let (c, s) = one("Ines Duarte says farmers lost most of their harvest this year.");
    assert_eq!(c, "farmers lost most of their harvest this year");
    assert_eq!(s.as_deref(), Some("Ines Duarte"));
    let (c, _) = one("Ines Duarte said Lisbon port workers plan another strike.");
    assert_eq!(c, "Lisbon port workers plan another strike");
}

#[test]
fn a_bare_clause_after_a_time_adverbial() {
    for text in [
        "Ines Duarte said on Friday the port would stay closed.",
        "Ines Duarte said last week the port would stay closed.",
        "Ines Duarte said Tuesday the port would stay closed.",
    ] {
        let (c, s) = one(text);
        assert_eq!(c, "the port would stay closed", "{text}");
        assert_eq!(s.as_deref(), Some("Ines Duarte"), "{text}");
    }
}

#[test]
fn told_with_a_longer_listener_and_according_to_with_a_longer_source() {
    let (c, _) = one("Ines Duarte told a crowded hall in the old town that the port would reopen.");
    assert_eq!(c, "that the port would reopen");
    let (c, _) =
        one("According to a survey of Lisbon dock workers, most of them want a new contract.");
    assert_eq!(c, "most of them want a new contract");
}

#[test]
fn an_indirect_question() {
    let (c, s) = one("Ines Duarte asked whether the port would reopen before winter.");
    assert_eq!(c, "whether the port would reopen before winter");
    assert_eq!(s.as_deref(), Some("Ines Duarte"));
    let (c, _) = one("Ines Duarte asked the mayor if the port would reopen before winter.");
    assert_eq!(c, "if the port would reopen before winter");
}

#[test]
fn objects_of_a_reporting_verb_are_no_clause() {
    for text in [
        "Ines Duarte said so at the end of a long meeting.",
        "Ines Duarte said nothing about the port or its workers.",
        "Ines Duarte asked the mayor to reopen the port before winter.",
        "Ines Duarte said goodbye to the workers at the port gate.",
    ] {
        assert!(reported(text).is_empty(), "{text}: {:#?}", reported(text));
    }
}

#[test]
fn a_clause_that_holds_quoted_words() {
    // The quoted words are part of what was said: the clause is the content.
    let (c, s) = one("Mayor Tom Okafor said that “the new pier is a gift to the town.”");
    assert_eq!(c, "that “the new pier is a gift to the town.”");
    assert_eq!(s.as_deref(), Some("Tom Okafor"));
    let (c, _) = one("Mayor Tom Okafor says he’s “proud of every worker on the pier.”");
    assert_eq!(c, "he’s “proud of every worker on the pier.”");
    let (c, _) = one("Mayor Tom Okafor says Marsh “knows the harbour better than anyone.”");
    assert_eq!(c, "Marsh “knows the harbour better than anyone.”");
    let (c, _) = one("Mayor Tom Okafor said “it makes me proud” whenever a ship docks.");
    assert_eq!(c, "“it makes me proud” whenever a ship docks");
}

#[test]
fn a_fragment_before_a_closing_cue() {
    let (c, s) = one("The new pier “is a gift to the whole town,” Mayor Tom Okafor said.");
    assert_eq!(c, "The new pier “is a gift to the whole town,”");
    assert_eq!(s.as_deref(), Some("Tom Okafor"));
    let (c, s) = one("The new pier “is a gift to the whole town,” said Tom Okafor, the mayor.");
    assert_eq!(c, "The new pier “is a gift to the whole town,”");
    assert_eq!(s.as_deref(), Some("Tom Okafor"));
    // A full quotation before the cue is a direct quote, not reported speech.
    assert!(reported("“The pier is a gift to the town,” Mayor Tom Okafor said.").is_empty());
}

#[test]
fn an_object_with_its_quoted_complement() {
    for (verb, content) in [
        ("called the plan", "the plan “a gift to the town.”"),
        ("described the plan as", "the plan as “a gift to the town.”"),
        (
            "referred to the plan as",
            "the plan as “a gift to the town.”",
        ),
        ("stressed the", "the “steady” growth of the town"),
    ] {
        let tail = if verb == "stressed the" {
            "“steady” growth of the town."
        } else {
            "“a gift to the town.”"
        };
        let (c, s) = one(&format!("Mayor Tom Okafor {verb} {tail}"));
        assert_eq!(c, content, "{verb}");
        assert_eq!(s.as_deref(), Some("Tom Okafor"), "{verb}");
    }
    let (c, _) = one("Lena Marsh called Okafor “reckless.”");
    assert_eq!(c, "Okafor “reckless.”");
    // Without quoted words the object is still what was said; "called for"
    // takes the rest of the clause, quoted words and all.
    let (c, _) = one("Mayor Tom Okafor called the plan a gift to the town.");
    assert_eq!(c, "the plan a gift to the town");
    let (c, _) = one("Mayor Tom Okafor called for more “patience” from the town.");
    assert_eq!(c, "more “patience” from the town");
}

/// The single statement of `text`: (content, speaker, mention, cue).
fn only(text: &str) -> Row {
    let r = reported(text);
    assert_eq!(r.len(), 1, "{text}: {r:#?}");
    r[0].clone()
}

#[test]
fn a_verb_whose_object_is_the_content() {
    let r = only("Senator Ruth Oyelaran criticized the new port tariffs.");
    assert_eq!(r.0, "the new port tariffs");
    assert_eq!(r.1.as_deref(), Some("Ruth Oyelaran"));
    let r = only("Mayor Lena Vogt called for an inquiry into the flooding.");
    assert_eq!(r.0, "an inquiry into the flooding");
    assert_eq!(r.3.as_deref(), Some("called for"));
    let r = only("Mayor Lena Vogt accused the council of hiding the report.");
    assert_eq!(r.0, "the council of hiding the report");
    // Two words are enough here; a refusal is what was (not) said.
    let r = only("The minister declined to say whether the talks would resume.");
    assert_eq!(r.0, "to say whether the talks would resume");
    let r = only("The harbour authority declined to comment.");
    assert_eq!(r.0, "to comment");
    assert_eq!(r.2.as_deref(), Some("The harbour authority"));
}

#[test]
fn object_verbs_that_report_nothing() {
    for text in [
        // A participle that names, a noun, a passive, a hypothetical, the writer.
        "The fishermen founded a group called Harbour Watch.",
        "The phone calls over the weekend annoyed residents.",
        "The council was criticized for the long delay.",
        "Marta Ruiz would never criticize the mayor in public.",
        "I criticized the plan in my column last week.",
    ] {
        assert!(reported(text).is_empty(), "{text}: {:#?}", reported(text));
    }
}

#[test]
fn a_subject_the_name_rules_do_not_know() {
    let r = only("Nearly half said they would vote for the harbour plan.");
    assert_eq!(r.0, "they would vote for the harbour plan");
    assert_eq!(r.1, None);
    assert_eq!(r.2.as_deref(), Some("Nearly half"));
}

#[test]
fn a_closing_cue_with_an_appositive_and_not_before_a_clause() {
    let r = only("The season opened late, said Marta Ruiz, a biologist at the coastal institute.");
    assert_eq!(r.0, "The season opened late");
    assert_eq!(r.1.as_deref(), Some("Marta Ruiz"));
    // "said it would …" opens a clause; the words before are no statement.
    let r = reported(
        "The co-operative, which sold its boats last year, said it would buy two new trawlers.",
    );
    assert!(
        r.iter().all(|x| !x.0.starts_with("The co-operative")),
        "{r:#?}"
    );
    let r = reported("Asked about the harbour, Marta Ruiz said she did not know the plan.");
    assert!(r.iter().all(|x| !x.0.starts_with("Asked")), "{r:#?}");
}

#[test]
fn a_quotation_inside_the_clause() {
    let r = reported("Captain Ivo Petrov spoke at the quay. The plan is “mostly dead,” he said.");
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, "The plan is “mostly dead,”");
    assert_eq!(r[0].1.as_deref(), Some("Ivo Petrov"));
    let (c, _) = one("Captain Ivo Petrov said “zero” boats would sail this week.");
    assert_eq!(c, "“zero” boats would sail this week");
}

#[test]
fn according_to_a_source_without_a_name_or_a_comma() {
    let r = only("According to recent harbour surveys, most boats are idle.");
    assert_eq!(r.0, "most boats are idle");
    assert_eq!(r.2.as_deref(), Some("recent harbour surveys"));
    let r = only("Most boats are idle according to the harbour office.");
    assert_eq!(r.0, "Most boats are idle");
}

#[test]
fn a_question_put_to_the_subject_has_no_speaker() {
    let r = reported("Asked whether the port would reopen, Marta Ruiz said she did not know.");
    let q = r
        .iter()
        .find(|x| x.0 == "whether the port would reopen")
        .unwrap_or_else(|| panic!("{r:#?}"));
    assert_eq!((q.1.as_deref(), q.2.as_deref()), (None, None));
    assert!(r.iter().any(|x| x.0 == "she did not know"), "{r:#?}");
}

#[test]
fn a_that_clause_whose_subject_is_not_found() {
    let r = only(
        "The retired judge left the studio after saying in a radio interview that the court had erred.",
    );
    assert_eq!(r.0, "that the court had erred");
    for text in [
        "Marta Ruiz did not say in the interview that the court had erred.",
        "The judge wants to say that the court had erred.",
    ] {
        assert!(reported(text).is_empty(), "{text}: {:#?}", reported(text));
    }
}

#[test]
fn told_with_a_listener_the_noun_phrase_rules_do_not_read() {
    let (c, s) = one("Marta Ruiz told the crowd she would fight the closure.");
    assert_eq!(c, "she would fight the closure");
    assert_eq!(s.as_deref(), Some("Marta Ruiz"));
    let (c, _) = one("Marta Ruiz told Reuters the port would reopen in May.");
    assert_eq!(c, "the port would reopen in May");
    // A listener and an object are no clause.
    assert!(reported("Marta Ruiz told the crowd the story of the old harbour.").is_empty());
}

#[test]
fn a_relative_clause_after_a_comma_is_no_closing_cue() {
    // "which she described as …" says what the minister thought of the
    // port, not that the clause before the comma is hers.
    let r = reported(
        "The envoy urged investors to return to the port of Valdora, which the minister described as safe again.",
    );
    assert!(
        r.iter().all(|(c, ..)| !c.starts_with("The envoy urged")),
        "{r:#?}"
    );
}

#[test]
fn a_statement_ends_where_a_relative_clause_of_another_begins() {
    let r = reported(
        "Ines Varga said that the tariff was a mistake, which the ambassador said was not the view of her government.",
    );
    let first = r
        .iter()
        .find(|(_, s, ..)| s.as_deref() == Some("Ines Varga"))
        .unwrap_or_else(|| panic!("{r:#?}"));
    assert_eq!(first.0, "that the tariff was a mistake");
}

#[test]
fn a_statement_never_ends_with_its_own_cue() {
    // "When asked" is no statement of the mayor's; his words are the quote.
    let rows = reported(
        "Mayor Tom Brandt spoke to the press.\nWhen asked, Brandt said, “We have not heard that.”",
    );
    assert!(rows.iter().all(|r| !r.0.contains("said")), "{rows:#?}");
    // A cue inside the statement is still allowed.
    let (c, s) = one("The main point, Brandt said, was that the port would stay open.");
    assert!(c.contains("was that the port would stay open"), "{c}");
    assert_eq!(s.as_deref(), Some("Brandt"));
}

#[test]
fn they_means_a_country_only_in_the_paragraph_that_names_it() {
    let r = reported(
        "Portugal said on Monday that its border would close. They have also said that the crossing will stay shut until May.\n\
         The talks went on for a week without any result at all.\n\
         They said that the delegates had already left for home.",
    );
    let by = |start: &str| {
        r.iter()
            .find(|row| row.0.starts_with(start))
            .unwrap_or_else(|| panic!("no statement {start:?} in {r:#?}"))
            .1
            .clone()
    };
    assert_eq!(by("that the crossing").as_deref(), Some("Portugal"));
    assert_eq!(by("that the delegates"), None);
}

#[test]
fn a_feeling_someone_is_made_to_have_is_no_statement() {
    for text in [
        "The treaty aims to make every coastal state feel safe and protected by the courts.",
        "Minister Anna Kowal wants the new rules to help smaller ports feel confident and invest.",
        "The envoys hope to feel secure and respected by their neighbours at last.",
    ] {
        assert_eq!(reported(text), vec![], "{text}");
    }
    // A feeling with a clause of its own is still reported ("feel like").
    let r = reported("The delegates feel like the talks have stalled for good.");
    assert_eq!(r.len(), 1, "{r:#?}");
    assert!(r[0].0.starts_with("like the talks"), "{r:#?}");
}
