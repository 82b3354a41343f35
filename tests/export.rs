//! `attache export` end to end: every format, atomic `-o`, bad input, and the
//! brat round trip through `attache eval`; and the other way, brat gold read
//! into the reader (`--gold`): its layer drawn, its spans checked.

use assert_cmd::Command;
use predicates::prelude::*;

/// The project's own words: two speakers, a continued quote, a term.
const TEXT: &str = "Harbour talks resume in Pécs\n\n\
    “We are ready to sign the accord,” Minister Lena Várkonyi said on Tuesday. \
    “The ports will open soon.”\n\n\
    The envoy, Tomás Brandt, said the deal was “a fair compromise” for both sides.\n\n\
    “Nothing is settled yet,” Brandt told reporters. “We will talk again in May.”\n";

fn attache() -> Command {
    Command::cargo_bin("attache").expect("the attache binary is built")
}

fn fixture(dir: &std::path::Path) -> std::path::PathBuf {
    let p = dir.join("talks.txt");
    std::fs::write(&p, TEXT).unwrap();
    p
}

fn stdout_of(args: &[&str]) -> String {
    let out = attache().args(args).output().expect("attache runs");
    assert!(
        out.status.success(),
        "attache {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn brat_export_reads_back_through_eval_with_every_quote_found() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixture(dir.path());
    let out = dir.path().join("gold");
    attache()
        .args(["export", file.to_str().unwrap(), "--to", "brat", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["annotation.conf", "talks.ann", "talks.txt"]);
    assert_eq!(
        std::fs::read_to_string(out.join("talks.txt")).unwrap(),
        TEXT
    );
    let ann = std::fs::read_to_string(out.join("talks.ann")).unwrap();
    assert!(ann.contains("\tSource "), "{ann}");
    let json = stdout_of(&["eval", out.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let exact = &v["overall"]["levels"]["exact"];
    assert_eq!(exact["f1"], 1.0, "{json}");
    assert_eq!(exact["speaker_accuracy"], 1.0, "{json}");
    assert_eq!(exact["tp_gold"], exact["n_gold"]);
    assert!(exact["n_gold"].as_u64().unwrap() >= 3, "{json}");
}

#[test]
fn every_one_file_format_goes_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixture(dir.path());
    let f = file.to_str().unwrap();
    let w3c: serde_json::Value =
        serde_json::from_str(&stdout_of(&["export", f, "--to", "w3c"])).unwrap();
    let items = w3c["first"]["items"].as_array().unwrap();
    assert!(items.len() >= 4);
    assert!(items.iter().all(|a| a["type"] == "Annotation"));
    let md = stdout_of(&["export", f, "--to", "md"]);
    assert!(md.contains("### Lena Várkonyi — Minister"), "{md}");
    let html = stdout_of(&["export", f, "--to", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
    let csv = stdout_of(&["export", f, "--to", "csv"]);
    assert!(csv.starts_with("type,start,end,speaker,"), "{csv}");
    assert!(csv.lines().skip(1).all(|l| l.starts_with("quote,")));
    // No file: the bundled sample; `-`: standard input.
    assert!(stdout_of(&["export", "--to", "md"]).contains("Zinoviev"));
    attache()
        .args(["export", "-", "--to", "csv"])
        .write_stdin(TEXT)
        .assert()
        .success()
        .stdout(predicate::str::contains("Lena Várkonyi"));
}

#[test]
fn output_file_is_replaced_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixture(dir.path());
    let out = dir.path().join("report.html");
    std::fs::write(&out, "old").unwrap();
    attache()
        .args(["export", file.to_str().unwrap(), "--to", "html", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>") && written.ends_with("</html>\n"));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["report.html", "talks.txt"],
        "no temporary file left"
    );
}

#[test]
fn bad_input_and_bad_outputs_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixture(dir.path());
    let f = file.to_str().unwrap();
    attache()
        .args(["export", f, "--to", "brat"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o DIR"));
    attache()
        .args(["export", f, "--to", "pdf"])
        .assert()
        .code(2);
    attache()
        .args(["export", "no/such/file.txt", "--to", "md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt"));
    // The input is never the output.
    attache()
        .args(["export", f, "--to", "md", "-o", f])
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), TEXT);
    // brat into a file that is not a folder.
    attache()
        .args(["export", f, "--to", "brat", "-o", f])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a folder"));
    // A place that cannot be written leaves nothing.
    let missing = dir.path().join("missing").join("out.md");
    attache()
        .args(["export", f, "--to", "md", "-o"])
        .arg(&missing)
        .assert()
        .code(1);
    assert!(!missing.exists());
}

/// Gold for [`TEXT`]: the first quote with its source, and a passage the
/// annotator does not take for a quote; code-point offsets.
fn gold_ann() -> String {
    let at = |s: &str| TEXT[..TEXT.find(s).unwrap()].chars().count();
    let span = |s: &str| format!("{} {}", at(s), at(s) + s.chars().count());
    format!(
        "T1\tContent {}\tx\nT2\tSource {}\tx\nT3\tAttribution {}\tsaid\n\
         E1\tAttribution:T3 Content:T1 Source:T2\n\
         T4\tContent {}\tx\nT5\tAttribution {}\tsaid\nE2\tAttribution-no-source:T5 Content:T4\n",
        span("“We are ready to sign the accord,”"),
        span("Minister Lena Várkonyi"),
        span("said on"),
        span("talks resume in Pécs"),
        span("resume"),
    )
}

#[test]
fn the_reader_shows_gold_beside_the_annotator() {
    use attache::app::Settings;
    use attache::app::keymap::Keymap;
    let doc = attache::annotate::annotate(TEXT, &attache::annotate::Options::default());
    let gold = attache::load::brat::gold_layer(&doc.text, &gold_ann(), "g.ann".as_ref()).unwrap();
    let settings = Settings {
        gold: Some(gold),
        ..Settings::default()
    };
    let frame = |keys: &str| {
        attache::ui::render_to_string(
            doc.clone(),
            settings.clone(),
            Keymap::default(),
            &attache::theme::Styles::no_color(),
            (90, 14),
            &attache::ui::parse_key_script(keys).unwrap(),
            false,
        )
    };
    let on = frame("");
    assert!(on.contains("gold 1✓ 1✗ +"), "{on}");
    assert!(on.contains('┃') && on.contains('╏'), "{on}");
    insta::assert_snapshot!(on);
    let off = frame("z7");
    assert!(!off.contains('┃') && off.contains("(off)"), "{off}");
}

#[test]
fn render_takes_gold_and_names_a_bad_span_by_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixture(dir.path());
    let ann = dir.path().join("talks.ann");
    std::fs::write(&ann, gold_ann()).unwrap();
    attache()
        .args([
            "render",
            file.to_str().unwrap(),
            "--size",
            "90x14",
            "--gold",
        ])
        .arg(&ann)
        .assert()
        .success()
        .stdout(predicate::str::contains("gold 1✓ 1✗"));
    std::fs::write(
        &ann,
        "T1\tContent 3 900\tx\nE1\tAttribution:T1 Content:T1\n",
    )
    .unwrap();
    attache()
        .args(["render", file.to_str().unwrap(), "--gold"])
        .arg(&ann)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "talks.ann: line 1: span 3 900 lies outside the text",
        ));
    std::fs::write(&ann, "T1\tContent three 9\tx\n").unwrap();
    attache()
        .args(["render", file.to_str().unwrap(), "--gold"])
        .arg(&ann)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 1: offset `three`"));
}

#[test]
fn export_carries_the_readers_notes_and_corrections() {
    use attache::notes::{Body, Sidecar, anchor::Text, correct::Correction, store};
    let dir = tempfile::tempdir().unwrap();
    let file = fixture(dir.path());
    let at = |s: &str| {
        let start = TEXT.find(s).unwrap();
        attache::model::Span::new(start, start + s.len())
    };
    let text = Text::new(TEXT);
    let mut side = Sidecar::default();
    side.add(
        text.selector(at("The ports will open soon.")),
        Body::Note {
            text: "check the date".into(),
        },
    );
    side.add(
        text.selector(at("Nothing is settled yet,")),
        Body::Correction {
            correction: Correction::Speaker {
                name: "Ida Lund".into(),
                role: None,
            },
        },
    );
    store::save(&store::sidecar_for(&file), &mut side).unwrap();
    let out = attache()
        .args(["export", file.to_str().unwrap(), "--to", "md"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(out).unwrap();
    assert!(md.contains("check the date"), "{md}");
    assert!(
        md.contains("### Ida Lund"),
        "the correction is applied: {md}"
    );
    assert!(md.contains("speaker: Ida Lund"), "and listed: {md}");
    // From standard input there is no sidecar.
    let piped = attache()
        .args(["export", "-", "--to", "md"])
        .write_stdin(TEXT)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!String::from_utf8(piped).unwrap().contains("check the date"));
}
