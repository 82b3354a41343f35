//! `attache eval` on small fixtures written for these tests.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const POLNEAR: &str = "tests/fixtures/eval/polnear";
const TRANSCRIPTS: &str = "tests/fixtures/eval/transcripts";

fn attache() -> Command {
    Command::cargo_bin("attache").expect("binary builds")
}

fn json_of(args: &[&str]) -> Value {
    let out = attache().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let last = stdout.lines().last().expect("a line");
    serde_json::from_str(last).expect("one JSON object on the last line")
}

#[test]
fn turns_are_all_found_with_their_speakers() {
    let v = json_of(&["eval", "--turns", TRANSCRIPTS, "--json"]);
    let o = &v["overall"];
    // 12 gold turns, one of them a stage direction that is not scored.
    assert_eq!(o["n_gold_turns"], 11);
    assert_eq!(o["found"], 11);
    assert_eq!(o["speaker_correct"], 11);
    assert_eq!(v["files"]["briefing"]["n_nonverbal_turns_skipped"], 1);
    assert_eq!(v["files"]["conversation"]["found"], 6);
}

#[test]
fn turns_report_is_a_table_with_the_overall_line() {
    attache()
        .args(["eval", "--turns", TRANSCRIPTS])
        .assert()
        .success()
        .stdout(predicate::str::contains("briefing"))
        .stdout(predicate::str::is_match(r"overall\s+11\s+11\s+11").expect("regex"));
}

#[test]
fn polnear_gold_is_read_with_the_first_annotator() {
    let v = json_of(&["eval", POLNEAR, "--json"]);
    let o = &v["overall"];
    assert_eq!(o["articles"], 2);
    assert_eq!(o["n_gold_attributions"], 5);
    assert_eq!(o["n_gold_direct"], 3);
    assert_eq!(o["n_gold_direct_with_source"], 3);
    assert_eq!(o["n_gold_direct_pronoun_source"], 1);
    assert_eq!(
        v["multi_annotator_articles"]["courier_2031-03-05_rain-delays-the-harvest"]["used"],
        "a1"
    );
    let pubs = v["per_publisher"].as_object().expect("publishers");
    assert_eq!(pubs.keys().collect::<Vec<_>>(), ["courier", "gazette"]);
    assert_eq!(pubs["gazette"]["n_gold_direct"], 2);
    for lv in ["0.3", "0.8", "exact"] {
        let m = &o["levels"][lv];
        for k in ["precision", "recall", "f1"] {
            let x = m[k].as_f64().expect("a number");
            assert!((0.0..=1.0).contains(&x), "{lv} {k} = {x}");
        }
        let tp = m["tp_gold"]
            .as_u64()
            .unwrap_or_else(|| panic!("{lv}: tp_gold is missing or not a count: {m}"));
        assert!(tp <= 3, "{lv} tp_gold = {tp}");
    }
}

#[test]
fn polnear_report_names_levels_and_publishers() {
    attache()
        .args(["eval", POLNEAR])
        .assert()
        .success()
        .stdout(predicate::str::contains(">=0.3"))
        .stdout(predicate::str::contains(">=0.8"))
        .stdout(predicate::str::contains("exact"))
        .stdout(predicate::str::contains("gazette"));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).expect("copy");
        }
    }
}

#[test]
fn dump_lists_turns_with_a_wrong_speaker() {
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_dir(Path::new(TRANSCRIPTS), tmp.path());
    let gold = tmp.path().join("gold/conversation.json");
    let src = std::fs::read_to_string(&gold).expect("gold");
    std::fs::write(
        &gold,
        src.replacen("\"Elena Morozova\"", "\"Ivan Petrov\"", 1),
    )
    .expect("write");
    attache()
        .args(["eval", "--turns", "--dump"])
        .arg(tmp.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "SPEAKER\tgold: Ivan Petrov\tpred: Elena Morozova",
        ))
        .stdout(predicate::str::is_match(r"overall\s+11\s+11\s+10").expect("regex"));
}

#[test]
fn missing_folder_is_an_input_error() {
    attache()
        .args(["eval", "tests/fixtures/eval/no-such-folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-folder"));
}

#[test]
fn folder_without_attributions_is_named() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(tmp.path().join("text")).expect("mkdir");
    attache()
        .arg("eval")
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("attributions"));
}

#[test]
fn malformed_ann_names_file_and_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_dir(Path::new(POLNEAR), tmp.path());
    let ann = tmp
        .path()
        .join("attributions/gazette_2031-03-02_town-votes-on-new-bridge_a1.ann");
    std::fs::write(&ann, "T1\tContent 3 x\tword\n").expect("write");
    attache()
        .arg("eval")
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "town-votes-on-new-bridge_a1.ann: line 1",
        ));
}

#[test]
fn malformed_gold_json_and_missing_transcript_are_named() {
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_dir(Path::new(TRANSCRIPTS), tmp.path());
    std::fs::write(
        tmp.path().join("gold/briefing.json"),
        "[{\"start\": \"x\"}]",
    )
    .expect("write");
    attache()
        .args(["eval", "--turns"])
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("briefing.json: turn 0"));
    std::fs::remove_file(tmp.path().join("briefing.txt")).expect("rm");
    std::fs::write(tmp.path().join("gold/briefing.json"), "[]").expect("write");
    attache()
        .args(["eval", "--turns"])
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("briefing.txt"));
}
