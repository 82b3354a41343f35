//! `attache quotes --kind` and how the listings show reported speech, on a
//! small made-up article.

use std::process::Command;

const ARTICLE: &str = "Harbour Talks Resume\n\n\
Foreign Minister Anna Kowal said that the harbour talks would resume in May.\n\n\
“We are ready,” Kowal told reporters.\n\n\
The so-called “fresh start” pleased the delegates.\n";

fn run(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("article.txt");
    std::fs::write(&f, ARTICLE).unwrap();
    let mut all: Vec<&str> = args.to_vec();
    all.push(f.to_str().unwrap());
    let out = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(&all)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn kinds(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn kind_filters_the_quotes_listing() {
    let all = kinds(&run(&["quotes", "--format", "json"]));
    assert_eq!(all, ["reported", "direct", "term"]);
    assert_eq!(
        kinds(&run(&["quotes", "--format", "json", "--kind", "reported"])),
        ["reported"]
    );
    assert_eq!(
        kinds(&run(&[
            "quotes",
            "--format",
            "json",
            "--kind",
            "direct,term"
        ])),
        ["direct", "term"]
    );
    assert_eq!(
        kinds(&run(&["quotes", "--format", "json", "--kind", "partial"])),
        Vec::<String>::new()
    );
    let csv = run(&["quotes", "--format", "csv", "--kind", "reported"]);
    assert!(csv.lines().nth(1).unwrap().contains(",reported,"), "{csv}");
}

#[test]
fn text_listings_show_reported_speech_apart_from_quotes() {
    let text = run(&["quotes", "--kind", "reported"]);
    assert!(
        text.starts_with("Anna Kowal (“Foreign Minister Anna Kowal”, said, reported)\n"),
        "{text}"
    );
    // No quotation marks around words that were not quoted.
    assert!(
        text.contains("\n    that the harbour talks would resume in May\n"),
        "{text}"
    );
    let speakers = run(&["speakers"]);
    let row = speakers
        .lines()
        .find(|l| l.starts_with("Anna Kowal"))
        .unwrap();
    assert!(
        speakers
            .lines()
            .next()
            .unwrap()
            .ends_with("QUOTES  REPORTED")
    );
    assert!(row.ends_with("1         1"), "{speakers}");
    let outline = run(&["outline"]);
    assert!(outline.contains("[2 quotes, 1 reported]"), "{outline}");
}
