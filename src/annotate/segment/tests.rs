//! Tests of the segment stage on small made-up texts and the bundled sample.

use super::header::{is_time_line, parse_date_line};
use super::*;
use crate::annotate::{Options, annotate};

fn kinds(s: &Structure) -> Vec<BlockKind> {
    s.blocks.iter().map(|b| b.kind).collect()
}

fn texts<'a>(text: &'a str, s: &Structure) -> Vec<&'a str> {
    s.blocks.iter().map(|b| b.span.slice(text)).collect()
}

fn check(text: &str) {
    let doc = annotate(text, &Options::default());
    doc.validate().unwrap();
}

#[test]
fn sample_has_four_sections_and_boilerplate() {
    let text = include_str!("../../../assets/zinoviev-interview.txt");
    let s = segment(text);
    let titles: Vec<Option<&str>> = s.sections.iter().map(|s| s.title.as_deref()).collect();
    assert_eq!(
        titles,
        vec![
            None,
            Some("Direct export of arms to Ukraine"),
            Some("Russia welcomes return of Korean companies"),
            Some("Cultural exchanges"),
        ]
    );
    let boiler: Vec<&str> = s
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Boilerplate)
        .map(|b| b.span.slice(text))
        .collect();
    assert_eq!(
        boiler,
        vec![
            "LEAVE A REPLY",
            "Please enter your comment!",
            "Please enter your name here"
        ]
    );
    for b in s.blocks.iter().filter(|b| b.kind == BlockKind::Boilerplate) {
        assert!(s.sections.iter().all(|sec| !sec.span.overlaps(b.span)));
    }
    assert!(s.meta.title.is_none(), "the sample opens with its lead");
    check(text);
}

#[test]
fn headings_versus_sentences_and_labels() {
    let text = "The delegation arrived on a grey morning and went straight to talks \
                with the hosts, who had waited at the airport since dawn.\n\n\
                Trade talks\n\n\
                Both sides spoke about tariffs for an hour and agreed on little.\n\n\
                It rained.\n\n\
                MR. BROWN: We will see what happens next week in the capital.\n\n\
                Anna Lee: The minister is not available for a call today.\n\n\
                - first point of the list\n\n\
                \u{201c}We are ready\u{201d}\n\n\
                The end of the story came later in the afternoon, after lunch.\n";
    let s = segment(text);
    let t = texts(text, &s);
    let headings: Vec<&str> = s
        .blocks
        .iter()
        .zip(&t)
        .filter(|(b, _)| b.kind == BlockKind::Heading)
        .map(|(_, t)| *t)
        .collect();
    assert_eq!(headings, vec!["Trade talks"]);
    assert_eq!(s.sections.len(), 2);
    assert_eq!(s.sections[1].title.as_deref(), Some("Trade talks"));
    check(text);
}

#[test]
fn header_title_date_place_source() {
    let text = "Talks on the northern border\n\n\
                2019-04-02, Tallinn\n\n\
                The two ministers met for three hours on Tuesday.\n\n\
                They promised to meet again in the summer.\n\n\
                Source: https://example.org/talks\n";
    let s = segment(text);
    assert_eq!(
        kinds(&s),
        vec![
            BlockKind::Title,
            BlockKind::Meta,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Meta
        ]
    );
    assert_eq!(
        s.meta.title.as_deref(),
        Some("Talks on the northern border")
    );
    assert_eq!(s.meta.date.as_deref(), Some("2019-04-02"));
    assert_eq!(s.meta.place.as_deref(), Some("Tallinn"));
    assert_eq!(s.meta.source.as_deref(), Some("https://example.org/talks"));
    // Header and trailer lie outside the one (lead) section.
    assert_eq!(s.sections.len(), 1);
    assert_eq!(s.sections[0].span.slice(text).lines().count(), 3);
    check(text);
}

#[test]
fn month_date_byline_and_venue() {
    let text = "A Quiet Summit\n\nBy Jane Roe\n\nGreen Hall\n\nMarch 3, 2024\n\n\
                The leaders shook hands and posed for photographs.\n";
    let s = segment(text);
    assert_eq!(
        kinds(&s),
        vec![
            BlockKind::Title,
            BlockKind::Meta,
            BlockKind::Meta,
            BlockKind::Meta,
            BlockKind::Paragraph
        ]
    );
    assert_eq!(s.meta.date.as_deref(), Some("March 3, 2024"));
    assert_eq!(
        parse_date_line("Monday, 3 March 2024").unwrap().0,
        "Monday, 3 March 2024"
    );
    assert!(parse_date_line("We met in March and it was 2024 already").is_none());
    assert!(is_time_line("5:16 P.M. EDT"));
    assert!(is_time_line("END   10:02 A.M. EST"));
    assert!(!is_time_line(
        "Ratio 3:1 in favour of the plan, said the chair"
    ));
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let text = "The foreign minister arrived in the capital on Monday for two days of\n\
                talks with her counterpart, the first such visit in more than a\n\
                decade, officials said.\n\n\
                Both sides hope to sign an agreement on fishing rights before the end\n\
                of the year, although several points remain open and the talks are\n\
                expected to be difficult.\n\n\
                Short line.\n";
    let s = segment(text);
    assert_eq!(s.blocks.len(), 3, "{:?}", texts(text, &s));
    assert!(texts(text, &s)[0].ends_with("officials said."));
    check(text);
}

#[test]
fn one_paragraph_per_line_is_kept() {
    let text = "The ministers met on Monday in a hotel by the river and talked at length.\n\
                They agreed to keep talking, and to meet again before the winter holidays begin.\n\
                Q Will there be a treaty?\n\
                MS. GRAY: Not this year, but we are working on it every single day.\n\
                Energy\n\
                Gas prices were discussed in detail, with both sides naming figures.\n";
    let s = segment(text);
    assert_eq!(s.blocks.len(), 6);
    assert_eq!(s.blocks[4].kind, BlockKind::Heading);
    assert_eq!(s.sections.len(), 2);
    check(text);
}

#[test]
fn empty_and_odd_text_do_not_panic() {
    for text in [
        "",
        "\n\n\n",
        "   ",
        "One line only",
        "\u{201c}",
        "\"\n\n\"\n\n\u{201d}",
        "a\u{0}b\u{7}c\n\n\u{1b}[31mred\u{1b}[0m\n\nHeading\n\nText here.",
        "漢字のテキスト\n\n見出し\n\n本文です。本文です。",
        "e\u{301}\u{301}\u{301}\n\nCafe\u{301} talks\n\nThey met.",
        "2019-04-02\n\nSource:\n\nLEAVE A REPLY",
        "Title\n\nLEAVE A REPLY",
    ] {
        let s = segment(text);
        check(text);
        for w in s.blocks.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        for b in &s.blocks {
            assert!(b.span.is_valid_in(text));
        }
    }
    assert!(segment("").blocks.is_empty());
    assert!(segment("").sections.is_empty());
}

#[test]
fn boilerplate_only_at_the_end() {
    let text = "Comments\n\nThe first paragraph explains the issue.\n\n\
                Share this article\n\nSubscribe to our newsletter\n";
    let s = segment(text);
    assert_eq!(s.blocks[0].kind, BlockKind::Title);
    assert_eq!(s.blocks[2].kind, BlockKind::Boilerplate);
    assert_eq!(s.blocks[3].kind, BlockKind::Boilerplate);
    assert_eq!(s.sections.len(), 1);
    assert_eq!(s.sections[0].span, s.blocks[1].span);
}

#[test]
fn dateline_gives_place() {
    let text =
        "Ministers meet\n\nBERLIN \u{2014} The ministers met on Friday.\n\nMore text follows.\n";
    assert_eq!(segment(text).meta.place.as_deref(), Some("BERLIN"));
}

#[test]
fn crlf_input_is_normalised_before_segmenting() {
    let raw = "Port talks stall\r\n\r\nThe harbour authority and the unions talked all night.\r\n\r\n\
               Wages\r\n\r\nNo offer was made on pay, the union said on Friday.\r\n";
    let doc = annotate(raw, &Options::default());
    doc.validate().unwrap();
    assert!(!doc.text.contains('\r'));
    assert_eq!(doc.meta.title.as_deref(), Some("Port talks stall"));
    let titles: Vec<Option<&str>> = doc.sections.iter().map(|s| s.title.as_deref()).collect();
    assert_eq!(titles, vec![None, Some("Wages")]);
}

#[test]
fn short_headline_sentence_is_a_title_but_a_long_lead_is_not() {
    let s = segment("Minister resigns over leaked memo.\n\nThe minister left office on Tuesday.\n");
    assert_eq!(s.blocks[0].kind, BlockKind::Title);
    let s = segment(
        "The minister of fisheries left office on Tuesday after a memo about quotas \
         was leaked to two newspapers and read out in parliament.\n\nShe denied it.\n",
    );
    assert_eq!(s.blocks[0].kind, BlockKind::Paragraph);
    assert!(s.meta.title.is_none());
}

#[test]
fn ragged_wrap_and_dash_continuations_are_joined() {
    // Wrapped about 60 columns, ragged as a wrapping tool leaves it.
    let text = "The envoy said the offer was fair. Was it? Nobody at the\n\
                table would say so, and the talks, which had gone on\n\
                for days, ended without a date for the next round of\n\
                meetings in the capital.\n\n\
                Her deputy added that they were not giving up on the\n\
                deal. Some of the delegates, he said, were still \u{2014}\n\
                \u{2014} at least in private \u{2014} hopeful that a deal was near.\n\n\
                Comments\n\n\
                Please enter your comment! Please enter your name here\n";
    let s = segment(text);
    let t = texts(text, &s);
    assert_eq!(t.len(), 4, "{t:?}");
    assert!(t[0].ends_with("capital."));
    assert!(t[1].ends_with("was near."));
    assert_eq!(s.blocks[2].kind, BlockKind::Boilerplate);
    assert_eq!(s.blocks[3].kind, BlockKind::Boilerplate);
    check(text);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    #[test]
    fn any_text_gives_a_valid_document(
        s in "([A-Z][a-z]{0,8}|[a-z]{1,6}|Mr\\.|Ministry of|Korea|[ \n]{1,3}|[.,:;!?\"'\u{201c}\u{201d}\u{2019}\u{2014}-]|\u{301}|\u{4e2d}|\u{1b}|\t|2024-01-02|5:16 P\\.M\\.){0,60}"
    ) {
        let st = segment(&s);
        for w in st.blocks.windows(2) {
            proptest::prop_assert!(w[0].span.end <= w[1].span.start);
        }
        for w in st.sections.windows(2) {
            proptest::prop_assert!(w[0].span.end <= w[1].span.start);
        }
        let doc = annotate(&s, &Options::default());
        proptest::prop_assert!(doc.validate().is_ok(), "{:?}", doc.validate());
    }
}

#[test]
fn word_count_matches_the_unicode_split() {
    for s in [
        "",
        "   ",
        "Talks resume",
        " two\tthree\x0bfour\x0cfive\r\nsix ",
        "a\u{a0}b c",
        "Caf\u{e9} au lait\u{2003}now",
        "x\x1fy",
    ] {
        assert_eq!(lines::word_count(s), s.split_whitespace().count(), "{s:?}");
    }
}
