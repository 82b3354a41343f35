//! Tests of the transcript stage on small made-up transcripts.

use super::*;
use crate::annotate::segment::segment;
use crate::model::{BlockKind, Genre, SpeakerKind};

/// Find the turns and apply the structure edit, as the pipeline does.
fn run(text: &str) -> (Vec<Turn>, Structure) {
    let mut s = segment(text);
    let found = find_turns(text, &s);
    apply_structure_edit(&mut s, found.edit);
    (found.turns, s)
}

#[test]
fn caps_labels_and_bare_q() {
    let text = "Briefing by Coordinator Maria Lopez on Harbours\n\n\
        MS. LOPEZ:  Good morning to all of you.\n\n\
        Q  Thanks. Is the port open today?\n\n\
        MS. LOPEZ:  It opens at noon.\n\n\
        And the ferries run after that.\n\n\
        QUESTION: Which ferries?\n";
    let (turns, s) = run(text);
    assert_eq!(turns.len(), 4);
    assert_eq!(turns[0].speaker.name, "Maria Lopez");
    assert_eq!(turns[0].label.slice(text), "MS. LOPEZ");
    assert!(turns[0].content.slice(text).starts_with("Good morning"));
    assert_eq!(turns[1].speaker.name, "Question");
    assert_eq!(turns[1].speaker.kind, SpeakerKind::Group);
    assert!(turns[1].content.slice(text).starts_with("Thanks."));
    // The answer continues over the unlabelled paragraph.
    assert!(turns[2].content.slice(text).ends_with("after that."));
    assert_eq!(turns[3].speaker.name, "Question");
    assert_eq!(s.meta.genre, Genre::Transcript);
    assert_eq!(s.blocks[1].kind, BlockKind::Turn);
    assert_eq!(s.blocks[4].kind, BlockKind::Paragraph);
}

#[test]
fn titled_variants_resolve_to_one_name() {
    let text = "Talks in the Capital\n\n\
        Head of the Republic of Norland Arvid Stenberg: Welcome, friends.\n\n\
        Question (retranslated): A question for both of you.\n\n\
        Arvid Stenberg: Yes, I can answer.\n\n\
        Prime Minister of Sudland Rosa Delacroix (retranslated): Thank you.\n\n\
        Rosa Delacroix: I agree.\n\n\
        Rosa Delacrox: And one more thing.\n\n\
        Arvid Stenberg: We are done.\n";
    let (turns, _) = run(text);
    assert_eq!(turns.len(), 7);
    assert_eq!(turns[0].speaker.name, "Arvid Stenberg");
    assert_eq!(turns[2].speaker.name, "Arvid Stenberg");
    assert_eq!(turns[1].speaker.name, "Question");
    assert_eq!(turns[3].speaker.name, "Rosa Delacroix");
    assert_eq!(
        turns[3].speaker.role.as_deref(),
        Some("Prime Minister of Sudland")
    );
    // One letter off in the surname of a label used once: a typo.
    assert_eq!(turns[5].speaker.name, "Rosa Delacroix");
    assert!(
        turns[5]
            .speaker
            .aliases
            .iter()
            .any(|a| a == "Rosa Delacrox")
    );
}

#[test]
fn interpreter_note_is_kept_apart() {
    let text = "PRESIDENT NOVAK: (As interpreted.) We met twice.\n\n\
        Q    (As interpreted.)  Will you meet again?\n\n\
        PRESIDENT NOVAK: Soon.\n";
    let (turns, _) = run(text);
    assert_eq!(turns.len(), 3);
    assert_eq!(
        turns[0].note.map(|n| n.slice(text)),
        Some("(As interpreted.)")
    );
    assert_eq!(turns[0].content.slice(text), "We met twice.");
    assert_eq!(turns[1].content.slice(text), "Will you meet again?");
    assert_eq!(turns[0].speaker.name, "Novak");
    assert_eq!(turns[0].speaker.role.as_deref(), Some("President"));
}

#[test]
fn prose_with_colons_is_not_a_label() {
    let text = "The plan is simple: we wait.\n\n\
        Here is my point: nobody knows.\n\n\
        Second, about the budget: it grew.\n\n\
        Source: https://example.org/page\n\n\
        10:30 A.M. local time\n";
    let (turns, s) = run(text);
    assert!(turns.is_empty());
    assert_eq!(s.meta.genre, Genre::Article);
}

#[test]
fn news_roundup_quotes_are_not_turns() {
    let text = "Leaders welcomed the deal.\n\n\
        Senator Ann Marsh: “A good day for the coast.”\n\n\
        Mayor Tom Reed: “We are grateful.”\n";
    let (turns, _) = run(text);
    assert!(turns.is_empty());
}

#[test]
fn reporter_named_in_question_label() {
    let text = "MODERATOR: Next question.\n\n\
        Question (Ella Moss, Coastal Radio): When will it end?\n\n\
        MODERATOR: Thank you.\n";
    let (turns, _) = run(text);
    assert_eq!(turns.len(), 3);
    assert_eq!(turns[1].speaker.name, "Ella Moss");
    assert_eq!(turns[0].speaker.name, "Moderator");
}

#[test]
fn label_lines_inside_one_paragraph_split_the_block() {
    let text = "Opening words of the host.\nHOST: Welcome.\nGUEST SPEAKER: Thanks.\n";
    let mut s = Structure {
        blocks: vec![Block {
            kind: BlockKind::Paragraph,
            span: Span::new(0, text.len() - 1),
        }],
        ..Default::default()
    };
    let found = find_turns(text, &s);
    assert_eq!(found.edit.blocks.as_ref().map(Vec::len), Some(3));
    apply_structure_edit(&mut s, found.edit);
    let turns = found.turns;
    assert_eq!(turns.len(), 2);
    assert_eq!(s.blocks.len(), 3);
    assert_eq!(s.blocks[0].kind, BlockKind::Paragraph);
    assert_eq!(s.blocks[1].kind, BlockKind::Turn);
    assert_eq!(s.blocks[1].span.slice(text), "HOST: Welcome.");
    assert_eq!(turns[1].content.slice(text), "Thanks.");
}

#[test]
fn caps_label_that_lost_its_colon() {
    let text = "SECRETARY HALE: First point.\n\nSECRETARY HALE  Second point.\n\nQ: Why?\n";
    let (turns, _) = run(text);
    assert_eq!(turns.len(), 3);
    assert_eq!(turns[1].content.slice(text), "Second point.");
    assert_eq!(turns[1].speaker.name, "Hale");
}

#[test]
fn closing_lines_end_the_last_turn() {
    let text = "Q: Done?\n\nMR. VANCE: Done.\n\nEND 4:10 P.M.\n";
    let (turns, _) = run(text);
    assert_eq!(turns[1].content.slice(text), "Done.");
}

#[test]
fn a_label_of_titles_takes_the_name_from_the_header() {
    let text = "Remarks by President Ana Novak and Mayor Lee Brandt\n\n\
        THE PRESIDENT: Good afternoon.\n\n\
        MAYOR BRANDT: Thank you.\n\n\
        Q: A question for the mayor.\n\n\
        SENIOR ADMINISTRATION OFFICIAL: I will take that one.\n";
    let (turns, _) = run(text);
    assert_eq!(turns.len(), 4);
    assert_eq!(turns[0].speaker.name, "Ana Novak");
    assert_eq!(turns[0].speaker.role.as_deref(), Some("President"));
    assert_eq!(turns[1].speaker.name, "Lee Brandt");
    assert_eq!(turns[3].speaker.name, "Senior Administration Official");
}

#[test]
fn names_used_once_need_a_given_name() {
    let text = "Statements after the talks\n\n\
        David Lindqvist: We agreed on the harbour.\n\n\
        Maria Okafor: And on the railway.\n\n\
        Ladies and Gentlemen: this line is an address, not a label.\n";
    let (turns, _) = run(text);
    let names: Vec<&str> = turns.iter().map(|t| t.speaker.name.as_str()).collect();
    assert_eq!(names, ["David Lindqvist", "Maria Okafor"]);
}

#[test]
fn q_and_a_and_remarks() {
    let text = "Talk with a Painter\n\n\
        Q: When did you start?\n\n\
        A: At six.\n\n\
        Remark: Bravo!\n\n\
        A: Thank you.\n";
    let (turns, _) = run(text);
    let names: Vec<&str> = turns.iter().map(|t| t.speaker.name.as_str()).collect();
    assert_eq!(names, ["Question", "Answer", "Remark", "Answer"]);
}

#[test]
fn particles_and_moderator_names() {
    let text = "Forum on Trade\n\n\
        Moderator (Ivo Marek): Welcome to the forum.\n\n\
        President of Eastland Omar el-Farouk: Thank you for the invitation.\n\n\
        Omar el-Farouk: We agree on most points.\n\n\
        Omar el-Farouk: And the rest can wait.\n";
    let (turns, _) = run(text);
    assert_eq!(turns.len(), 4);
    assert_eq!(turns[0].speaker.name, "Ivo Marek");
    assert_eq!(turns[1].speaker.name, "Omar el-Farouk");
    assert_eq!(
        turns[1].speaker.role.as_deref(),
        Some("President of Eastland")
    );
}

#[test]
fn colon_run_into_the_words_is_a_label() {
    let text = "Briefing on the Canal\n\n\
        MS. OKONJO: Good morning.\n\n\
        Q: Is the canal open?\n\n\
        MS. OKONJO:It reopened on Monday.\n\n\
        Q:And the locks?\n\n\
        Pieter Vos:May I add something?\n";
    let (turns, _) = run(text);
    let names: Vec<&str> = turns.iter().map(|t| t.speaker.name.as_str()).collect();
    assert_eq!(
        names,
        ["Okonjo", "Question", "Okonjo", "Question", "Pieter Vos"]
    );
    assert_eq!(turns[2].content.slice(text), "It reopened on Monday.");
    assert_eq!(turns[3].content.slice(text), "And the locks?");
    assert_eq!(turns[4].label.slice(text), "Pieter Vos");
    assert_eq!(turns[4].content.slice(text), "May I add something?");
}

#[test]
fn colon_run_into_the_words_needs_the_document() {
    // One run-in colon on its own, or before a lower-case word, is no label.
    let text = "Notes on the Trip\n\n\
        Ferry Times:Mornings only.\n\n\
        The ratio was high:three to one.\n\n\
        MR. DALE: Something else.\n";
    let (turns, _) = run(text);
    assert!(turns.is_empty());
}

#[test]
fn known_speaker_without_a_colon() {
    let text = "Press Conference on Roads\n\n\
        MR. KESTREL: Welcome, everyone.\n\n\
        Q: When does the work start?\n\n\
        MR. KESTREL Thank you for asking. In June.\n\n\
        Q: And the cost?\n\n\
        Lena Fairweather: Let me take that.\n\n\
        Lena Fairweather It is within the budget.\n";
    let (turns, _) = run(text);
    let names: Vec<&str> = turns.iter().map(|t| t.speaker.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Kestrel",
            "Question",
            "Kestrel",
            "Question",
            "Lena Fairweather",
            "Lena Fairweather"
        ]
    );
    assert_eq!(turns[2].label.slice(text), "MR. KESTREL");
    assert_eq!(
        turns[2].content.slice(text),
        "Thank you for asking. In June."
    );
    assert_eq!(turns[5].content.slice(text), "It is within the budget.");
}

#[test]
fn known_speaker_run_into_the_next_word() {
    let text = "Press Conference on Roads\n\n\
        MR. KESTREL: Welcome, everyone.\n\n\
        Q: When does the work start?\n\n\
        MR. KESTRELThank you. In June.\n\n\
        Lena Fairweather: Let me add one thing.\n\n\
        Q: Go on.\n\n\
        Lena FairweatherIt is within the budget.\n\n\
        MR. KESTRELI agree.\n";
    let (turns, _) = run(text);
    let names: Vec<&str> = turns.iter().map(|t| t.speaker.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Kestrel",
            "Question",
            "Kestrel",
            "Lena Fairweather",
            "Question",
            "Lena Fairweather",
            "Kestrel"
        ]
    );
    assert_eq!(turns[2].content.slice(text), "Thank you. In June.");
    assert_eq!(turns[5].content.slice(text), "It is within the budget.");
    assert_eq!(turns[6].content.slice(text), "I agree.");
}

#[test]
fn prose_naming_a_speaker_is_not_a_label() {
    // In a transcript, a paragraph that names a speaker in prose stays in the turn.
    let text = "Press Conference on Roads\n\n\
        MR. KESTREL: Welcome, everyone.\n\n\
        Q: When does the work start?\n\n\
        MR. KESTREL: In June.\n\n\
        Mr. Kestrel said that before, I think.\n\n\
        MR. KESTRELSON was there too.\n";
    let (turns, _) = run(text);
    assert_eq!(turns.len(), 3);
    assert!(turns[2].content.slice(text).ends_with("there too."));
    // In a news article, a known name never opens a turn of its own.
    let text = "Roads to Reopen\n\n\
        Mr. Kestrel said on Monday that the work would start in June.\n\n\
        Mr. Kestrel Thanked the workers, officials said.\n\n\
        Lena Fairweather, the treasurer, agreed.\n";
    let (turns, s) = run(text);
    assert!(turns.is_empty());
    assert_eq!(s.meta.genre, Genre::Article);
}

#[test]
fn a_surname_label_is_the_full_name_label_of_the_same_person() {
    // "MS. KOWAL" after "MS. ANNA KOWAL" is one speaker; a surname two
    // full names share stays apart.
    let text = "Press conference\n\n\
        MS. ANNA KOWAL: Thank you. We had good talks.\n\n\
        QUESTION: Will the border reopen?\n\n\
        MS. KOWAL: Not before spring.\n\n\
        MR. JAN NOVAK: May I add a word?\n\n\
        MS. EVA NOVAK: Please do.\n\n\
        MR. NOVAK: The ferries run all year.\n";
    let (turns, _) = run(text);
    let names: Vec<&str> = turns.iter().map(|t| t.speaker.name.as_str()).collect();
    assert_eq!(names[0], "Anna Kowal");
    assert_eq!(names[2], "Anna Kowal", "{names:?}");
    assert_eq!(names[5], "Novak", "{names:?}");
}
