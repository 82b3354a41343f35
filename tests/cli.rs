//! End-to-end tests of every non-interactive subcommand, run on the real binary.

use assert_cmd::Command;
use predicates::prelude::*;

const BRIEFING: &str = "tests/fixtures/briefing.txt";
const ARTICLE: &str = "tests/fixtures/article.txt";
const SAMPLE: &str = "assets/zinoviev-interview.txt";

fn attache() -> Command {
    Command::cargo_bin("attache").expect("the attache binary is built")
}

fn stdout_of(args: &[&str]) -> String {
    let out = attache().args(args).output().expect("attache runs");
    assert!(
        out.status.success(),
        "attache {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

#[test]
fn annotate_writes_attache_json_to_stdout() {
    let out = stdout_of(&["annotate", SAMPLE]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["format"], "attache/1");
    assert_eq!(v["offsets"], "utf8-bytes");
    assert!(v["text"].as_str().unwrap().contains("Zinoviev"));
}

#[test]
fn json_round_trip_gives_the_same_quotes() {
    for file in [SAMPLE, BRIEFING, ARTICLE] {
        let dir = tempfile::tempdir().unwrap();
        let json = dir.path().join("doc.json");
        attache()
            .args(["annotate", file, "-o"])
            .arg(&json)
            .assert()
            .success()
            .stdout("");
        let j = json.to_str().unwrap();
        for format in ["json", "csv", "text"] {
            assert_eq!(
                stdout_of(&["quotes", "--format", format, file]),
                stdout_of(&["quotes", "--format", format, j]),
                "{file} as {format}"
            );
        }
        assert_eq!(stdout_of(&["speakers", file]), stdout_of(&["speakers", j]));
        assert_eq!(stdout_of(&["outline", file]), stdout_of(&["outline", j]));
        // Annotating the loaded JSON again reproduces it byte for byte.
        assert_eq!(
            stdout_of(&["annotate", j]),
            std::fs::read_to_string(&json).unwrap()
        );
    }
}

#[test]
fn output_file_is_replaced_whole_and_no_temporary_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("out.json");
    std::fs::write(&json, "old contents").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&json, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    attache()
        .args(["annotate", BRIEFING, "-o"])
        .arg(&json)
        .assert()
        .success();
    let written = std::fs::read_to_string(&json).unwrap();
    assert!(written.starts_with('{') && written.ends_with("}\n"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("out.json")]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&json).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "keeps the old file's permissions");
    }
}

#[test]
fn unwritable_output_is_a_runtime_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing-dir").join("out.json");
    attache()
        .args(["annotate", BRIEFING, "-o"])
        .arg(&target)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("out.json"));
    assert!(!target.exists());
}

#[test]
fn dash_reads_standard_input() {
    let text = std::fs::read_to_string(BRIEFING).unwrap();
    let from_stdin = attache()
        .args(["quotes", "--format", "json", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(from_stdin.status.success());
    assert_eq!(
        String::from_utf8(from_stdin.stdout).unwrap(),
        stdout_of(&["quotes", "--format", "json", BRIEFING])
    );
    // A JSON document on standard input is loaded, not annotated as text.
    let json = stdout_of(&["annotate", BRIEFING]);
    attache()
        .args(["speakers", "-"])
        .write_stdin(json)
        .assert()
        .success()
        .stdout(predicate::str::contains("Hartley"));
    attache()
        .args(["annotate", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"format\": \"attache/1\""));
}

#[test]
fn quotes_json_has_code_point_offsets_and_speakers() {
    let out = stdout_of(&["quotes", "--format", "json", BRIEFING]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(rows.len() >= 5, "{out}");
    let text: Vec<char> = std::fs::read_to_string(BRIEFING).unwrap().chars().collect();
    for r in &rows {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        let covered: String = text[s..e].iter().collect();
        assert_eq!(covered, r["text"].as_str().unwrap());
    }
    assert_eq!(rows[0]["speaker"], "Hartley");
    assert_eq!(rows[1]["speaker"], "Question");
    assert_eq!(rows[0]["turn"], true);
    assert!(
        rows[0]["mention"]["text"]
            .as_str()
            .unwrap()
            .contains("HARTLEY")
    );
}

#[test]
fn speaker_filter_matches_surname_name_and_alias_in_any_case() {
    let all = stdout_of(&["quotes", "--format", "json", BRIEFING]);
    let all: Vec<serde_json::Value> = serde_json::from_str(&all).unwrap();
    let hartley = all.iter().filter(|r| r["speaker"] == "Hartley").count();
    assert!(hartley >= 2);
    for name in ["hartley", "HARTLEY", " Hartley ", "ms. hartley"] {
        let out = stdout_of(&["quotes", "--format", "json", "--speaker", name, BRIEFING]);
        let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
        assert_eq!(rows.len(), hartley, "--speaker {name:?}");
        assert!(rows.iter().all(|r| r["speaker"] == "Hartley"));
    }
}

#[test]
fn unknown_speaker_lists_the_speakers_and_exits_2() {
    attache()
        .args(["quotes", "--speaker", "Nobody Known", BRIEFING])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("Nobody Known")
                .and(predicate::str::contains("Hartley"))
                .and(predicate::str::contains("Okafor"))
                .and(predicate::str::contains(BRIEFING)),
        );
}

#[test]
fn quotes_text_is_readable() {
    let out = stdout_of(&["quotes", BRIEFING]);
    assert!(out.contains("Hartley\n    Good afternoon."), "{out}");
    assert!(out.contains("Okafor"), "{out}");
}

/// Split one CSV document into records of fields (RFC 4180).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted && field.is_empty(), "CSV ends cleanly");
    rows
}

#[test]
fn quotes_csv_has_a_header_and_quotes_commas_quotes_and_newlines() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("t.txt");
    std::fs::write(
        &f,
        "Notes\n\nMR. BELL: One, two \"three\"\nand four.\n\nMS. ROSS: Fine.\n",
    )
    .unwrap();
    let out = stdout_of(&["quotes", "--format", "csv", f.to_str().unwrap()]);
    let rows = parse_csv(&out);
    assert_eq!(rows[0][0], "start");
    assert_eq!(rows[0][3], "text");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{rows:?}");
    let bell = rows.iter().find(|r| r[2] == "Bell").expect("a Bell row");
    assert_eq!(bell[3], "One, two \"three\"\nand four.");
}

#[test]
fn speakers_lists_name_role_kind_and_count() {
    let out = stdout_of(&["speakers", BRIEFING]);
    let header = out.lines().next().unwrap();
    for col in ["NAME", "ROLE", "KIND", "QUOTES"] {
        assert!(header.contains(col), "{out}");
    }
    let hartley = out.lines().find(|l| l.starts_with("Hartley")).unwrap();
    assert!(
        hartley.contains("person") && hartley.trim_end().ends_with('3'),
        "{out}"
    );
    let question = out.lines().find(|l| l.starts_with("Question")).unwrap();
    assert!(
        question.contains("group") && question.trim_end().ends_with('2'),
        "{out}"
    );
}

#[test]
fn outline_lists_sections_with_counts() {
    // A transcript's outline is its exchanges, with the answers under each.
    let out = stdout_of(&["outline", BRIEFING]);
    assert!(out.contains("  2. Question: Thank you."), "{out}");
    assert!(
        out.contains("[3 quotes]\n     Hartley: I would not"),
        "{out}"
    );
    let out = stdout_of(&["outline", SAMPLE]);
    assert!(out.contains("  1. "), "{out}");
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("esc.txt");
    std::fs::write(
        &f,
        "Title\x1b[2J\n\nMR. BELL: Bad \x1b]0;pwned\x07 bytes \u{9b}31m here.\n\nMS. ROSS: Fine\x08.\n",
    )
    .unwrap();
    let p = f.to_str().unwrap();
    for args in [
        vec!["quotes", p],
        vec!["quotes", "--format", "csv", p],
        vec!["speakers", p],
        vec!["outline", p],
    ] {
        let out = stdout_of(&args);
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {out:?}"
        );
    }
    let out = stdout_of(&["quotes", p]);
    assert!(out.contains('␛'), "{out}");
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = stdout_of(&["completions", shell]);
        assert!(out.contains("attache"), "{shell}");
        assert!(out.contains("quotes"), "{shell}");
    }
    attache().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page_is_roff() {
    let out = stdout_of(&["man"]);
    assert!(out.starts_with(".ie") || out.contains(".TH"), "{out}");
    assert!(out.contains("attache"));
    // One page: the commands and the reader's keys are in it, and it does
    // not send the reader to per-command pages that are not installed.
    assert!(
        out.contains(".SH COMMANDS") && out.contains("attache quotes"),
        "{out}"
    );
    assert!(
        out.contains(".SH KEYS") && out.contains("line down"),
        "{out}"
    );
    assert!(
        out.contains(".SH FILES") && out.contains("ATTACHE_CONFIG"),
        "{out}"
    );
    assert!(
        !out.contains("(1)\n") && !out.contains("attache\\-quotes(1)"),
        "{out}"
    );
}

#[test]
fn exit_codes() {
    attache().args(["quotes"]).assert().code(2);
    attache().args(["frobnicate", "x"]).assert().code(2);
    attache()
        .args(["quotes", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt"));
    attache().args(["speakers", BRIEFING]).assert().code(0);
    attache().args(["--version"]).assert().code(0);
}

#[test]
fn closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    // A long document whose listing is far larger than a pipe buffer.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("long.txt");
    let mut text = String::from("Transcript\n\n");
    for i in 0..4000 {
        text.push_str(&format!(
            "MR. BELL: Answer number {i} goes on for a while so that the listing is long.\n\nQUESTION: And then?\n\n"
        ));
    }
    std::fs::write(&f, text).unwrap();
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("attache"))
        .args(["quotes", f.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn topics_file_adds_topics_and_bad_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let topics = dir.path().join("topics.toml");
    std::fs::write(
        &topics,
        "[canals]\nname = \"Canals and waterways\"\nstrong = [\"canal\"]\n",
    )
    .unwrap();
    let out = attache()
        .arg("--topics")
        .arg(&topics)
        .args(["annotate", BRIEFING])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["topics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["key"] == "canals"),
        "{}",
        v["topics"]
    );
    let bad = dir.path().join("bad-topics.toml");
    std::fs::write(&bad, "[canals\nname = 3\n").unwrap();
    attache()
        .arg("--topics")
        .arg(&bad)
        .args(["quotes", BRIEFING])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad-topics.toml"));
}

/// A tiny PolNeAR-style gold folder (metadata, text, one annotator's
/// attributions), written for the test.
fn polnear_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("text")).unwrap();
    std::fs::create_dir(root.join("attributions")).unwrap();
    let name = "herald_2040-01-02_pier-reopens";
    std::fs::write(
        root.join("metadata.tsv"),
        format!(
            "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\n\
             dev\t{name}\t1\ta1\therald\t2040-01-02\tStaff\tPier reopens\n"
        ),
    )
    .unwrap();
    let text = "Pier reopens\n\n\u{201c}The pier is open again,\u{201d} Ida Moss said.\n";
    std::fs::write(root.join("text").join(format!("{name}.txt")), text).unwrap();
    let span = |s: &str| {
        let start = text.find(s).unwrap();
        (start, start + s.len())
    };
    let content = "\u{201c}The pier is open again,\u{201d}";
    let (c0, c1) = span(content);
    let (s0, s1) = span("Ida Moss");
    let (q0, q1) = span("said");
    std::fs::write(
        root.join("attributions").join(format!("{name}_a1.ann")),
        format!(
            "T1\tContent {c0} {c1}\t{content}\n\
             T2\tCue {q0} {q1}\tsaid\n\
             T3\tSource {s0} {s1}\tIda Moss\n\
             T4\tAttribution {q0} {q1}\tsaid\n\
             E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\n"
        ),
    )
    .unwrap();
    dir
}

#[test]
fn eval_to_a_full_disk_fails_cleanly() {
    let dir = polnear_folder();
    // The folder is a valid gold folder: eval succeeds on an ordinary pipe.
    attache()
        .arg("eval")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("herald"));
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("attache"))
        .arg("eval")
        .arg(dir.path())
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{:?} {stderr}", out.status);
    assert!(stderr.contains("standard output"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn eval_to_a_closed_pipe_ends_quietly() {
    use std::process::{Command as Std, Stdio};
    let dir = polnear_folder();
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("attache"))
        .arg("eval")
        .arg("--dump")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end at once: the write either fits the pipe before
    // the close or meets a closed pipe; both must end quietly with success.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// DEL, C1, bidirectional controls and the line/paragraph separators.
const HIDDEN: [char; 17] = [
    '\u{7f}', '\u{80}', '\u{85}', '\u{9b}', '\u{9f}', '\u{200e}', '\u{200f}', '\u{202a}',
    '\u{202e}', '\u{2066}', '\u{2069}', '\u{061c}', '\u{2028}', '\u{2029}', '\u{202b}', '\u{202c}',
    '\u{2067}',
];

#[test]
fn json_output_escapes_del_c1_bidi_and_separators() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("hidden.txt");
    let said: String = HIDDEN.iter().map(|c| format!("w{c}")).collect();
    std::fs::write(
        &f,
        format!("Transcript\n\nMR. BELL: The ferry leaves at noon {said} \u{e9}t\u{e9}.\n\nQUESTION: And then?\n"),
    )
    .unwrap();
    for args in [
        ["quotes", "--format", "json"].as_slice(),
        ["annotate"].as_slice(),
    ] {
        let mut all = args.to_vec();
        all.push(f.to_str().unwrap());
        let out = stdout_of(&all);
        for c in HIDDEN {
            assert!(!out.contains(c), "{args:?}: U+{:04X} written raw", c as u32);
            let esc = format!("\\u{:04x}", c as u32);
            assert!(out.contains(&esc), "{args:?}: no {esc} in {out}");
        }
        // Ordinary non-ASCII text stays as it is.
        assert!(out.contains("\u{e9}t\u{e9}"), "{out}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        let text = if args[0] == "annotate" {
            v["text"].as_str().unwrap().to_string()
        } else {
            v[0]["text"].as_str().unwrap().to_string()
        };
        assert!(text.contains(&said), "{args:?}: {text:?}");
    }
}

#[test]
fn a_bad_option_value_is_echoed_without_raw_controls() {
    let out = attache()
        .args([
            "--color",
            "a\u{1b}]0;title\u{7}\u{9b}2J\u{202e}b",
            "quotes",
            "x",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid value"), "{err}");
    assert!(err.contains("<U+202E>"), "{err}");
    assert!(
        !err.chars()
            .any(|c| matches!(c, '\u{1b}' | '\u{7}' | '\u{9b}' | '\u{202e}')),
        "{err:?}"
    );
    // Help still prints as clap prints it, on stdout, with success.
    attache()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: attache"));
}

#[test]
fn one_unattributed_quote_is_singular() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = dir.path().join("one.txt");
    std::fs::write(&f, "Title\n\n\u{201c}Yes,\u{201d} from the back. Fine.\n").expect("write");
    let out = stdout_of(&["speakers", f.to_str().expect("utf-8 path")]);
    assert!(out.contains("(1 quote without a speaker)"), "{out}");
}

#[test]
fn many_files_are_annotated_into_a_folder_and_a_bad_one_does_not_stop_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    let text = "Talks\n\nMR. BELL: We will meet again.\n\nQUESTION: When?\n";
    std::fs::write(input.join("one.txt"), text).expect("write");
    std::fs::write(input.join("two.md"), text).expect("write");
    std::fs::write(input.join("bad.txt"), b"\xff\xfe\x00b\x00a\x00d").expect("write");
    let out = dir.path().join("out");
    let run = attache()
        .args(["annotate", "--out-dir"])
        .arg(&out)
        .arg(&input)
        .output()
        .expect("runs");
    // One failure: exit 1, the bad file named, the others written whole.
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("bad.txt: UTF-16"), "{err}");
    assert!(err.contains("1 of 3 files could not be annotated"), "{err}");
    // Piped standard error gets plain progress lines, no bar.
    assert!(
        err.contains("one.txt -> ") && err.contains("[3/3]"),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "{err:?}");
    let single = stdout_of(&["annotate", input.join("one.txt").to_str().expect("utf-8")]);
    assert_eq!(
        std::fs::read_to_string(out.join("one.json")).expect("one.json"),
        single
    );
    assert!(out.join("two.json").exists());
    assert!(!out.join("bad.json").exists());
    // Several files need a folder to go to.
    attache()
        .args(["annotate"])
        .arg(input.join("one.txt"))
        .arg(input.join("two.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("need --out-dir"));
}

/// `attache FILE` into a pipe, with `args` and a configuration file holding `config`.
fn piped(args: &[&str], config: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config).unwrap();
    let out = attache()
        .args(args)
        .env("ATTACHE_CONFIG", &path)
        .env_remove("NO_COLOR")
        .output()
        .expect("attache runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn piped_text_is_wrapped_only_when_a_width_is_asked_for() {
    let plain = piped(&[SAMPLE], "");
    assert!(plain.lines().any(|l| l.chars().count() > 60), "long lines");
    for (args, config) in [
        (&[SAMPLE, "--width", "60"][..], ""),
        (&[SAMPLE][..], "width = 60\n"),
    ] {
        let wrapped = piped(args, config);
        assert_ne!(wrapped, plain, "{args:?} {config:?}");
        for l in wrapped.lines() {
            // A single word wider than the width may stand alone.
            assert!(
                l.chars().count() <= 60 || !l.contains(' '),
                "{args:?} {config:?}: {l:?}"
            );
        }
        // Only line breaks change: the words are the same.
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&wrapped), words(&plain));
    }
    // The flag wins over the file.
    let flag = piped(&[SAMPLE, "--width", "60"], "width = 200\n");
    assert_eq!(flag, piped(&[SAMPLE, "--width", "60"], ""));
}
