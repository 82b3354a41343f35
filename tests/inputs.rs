//! Bad inputs: every one gives a clear message naming the file, the place and
//! the reason, with exit code 2, never a panic or a hang.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn attache() -> Command {
    Command::cargo_bin("attache").expect("the attache binary is built")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Run `attache quotes FILE` and check exit 2, no panic, and a message with every `needles`.
fn refused(file: &Path, needles: &[&str]) {
    let out = attache().arg("quotes").arg(file).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert!(!err.contains("panicked"), "{err}");
    let name = file.file_name().unwrap().to_str().unwrap();
    assert!(err.contains(name), "names the file: {err}");
    for n in needles {
        assert!(err.contains(n), "says {n:?}: {err}");
    }
}

/// A valid `attache/1` document of a small transcript, as a JSON value.
fn document() -> serde_json::Value {
    let out = attache()
        .args(["annotate", "tests/fixtures/briefing.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    refused(&write(dir.path(), "empty.txt", ""), &["empty"]);
    refused(&write(dir.path(), "blank.txt", "\n \n\t\n"), &["empty"]);
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
    bytes.extend((0..=255u8).cycle().take(4000));
    refused(&write(dir.path(), "prog.bin", &bytes), &["binary"]);
    // UTF-16 text is valid UTF-8 byte-wise but full of NULs.
    let utf16: Vec<u8> = "\u{feff}Hello"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    refused(&write(dir.path(), "wide.txt", utf16), &["UTF-16"]);
}

#[test]
fn invalid_utf8_names_line_and_byte() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "latin1.txt",
        b"First line\nSecond caf\xe9 line\n",
    );
    refused(&f, &["line 2", "column 11", "byte 21", "UTF-8"]);
}

#[test]
fn twenty_megabytes_without_a_newline() {
    let dir = tempfile::tempdir().unwrap();
    let unit =
        "The delegates met again. \u{201c}We are not there yet,\u{201d} the envoy said, and left. ";
    let text = unit.repeat(20_000_000 / unit.len() + 1);
    assert!(!text.contains('\n') && text.len() >= 20_000_000);
    let f = write(dir.path(), "one-line.txt", &text);
    let out = attache()
        .args(["annotate", f.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["text"].as_str().unwrap().len(), text.len());
    assert!(!v["blocks"].as_array().unwrap().is_empty());
}

#[test]
fn malformed_json() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "broken.json",
        "{\"format\": \"attache/1\", \"text\": ",
    );
    refused(&f, &["line 1", "JSON"]);
    let f = write(dir.path(), "other.json", "{\"name\": \"not ours\"}");
    refused(&f, &["format"]);
}

#[test]
fn unknown_format_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = document();
    d["format"] = "attache/2".into();
    let f = write(dir.path(), "future.json", d.to_string());
    refused(&f, &["unknown format", "attache/2"]);
}

#[test]
fn out_of_range_span() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = document();
    d["annotations"][1]["span"]["end"] = 1_000_000.into();
    let f = write(dir.path(), "range.json", d.to_string());
    refused(&f, &["annotations[1]", "outside the text"]);
}

#[test]
fn non_char_boundary_span() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = document();
    d["text"] = "Caf\u{e9} talk\n\nMS. HARTLEY: Fine.\n".into();
    d["blocks"] = serde_json::json!([]);
    d["sections"] = serde_json::json!([]);
    d["annotations"] = serde_json::json!([
        {"span": {"start": 0, "end": 4}, "layer": "entity", "kind": "place"}
    ]);
    let f = write(dir.path(), "boundary.json", d.to_string());
    refused(&f, &["annotations[0]", "character boundary"]);
}

#[test]
fn unknown_speaker_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = document();
    d["annotations"][0]["speaker"] = 42.into();
    let f = write(dir.path(), "who.json", d.to_string());
    refused(&f, &["annotations[0]", "unknown speaker"]);
}

#[test]
fn missing_file_and_directory() {
    let dir = tempfile::tempdir().unwrap();
    attache()
        .arg("outline")
        .arg(dir.path().join("absent.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("absent.txt"));
    attache()
        .arg("outline")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("attache: "));
}

#[test]
fn json_that_is_not_an_object_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (name, body, kind) in [
        ("array.json", "[]\n", "an array"),
        ("null.json", "null\n", "null"),
        ("string.json", "\"a text\"\n", "a string"),
    ] {
        refused(&write(dir.path(), name, body), &["JSON object", kind]);
    }
}

#[test]
fn json_with_a_byte_order_mark_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(document().to_string().as_bytes());
    refused(&write(dir.path(), "bom.json", bytes), &["byte-order mark"]);
}

#[test]
fn a_json_named_text_that_is_not_json_is_still_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "notes.json",
        "The envoy spoke. \u{201c}We will return,\u{201d} she said.\n",
    );
    attache().arg("quotes").arg(&f).assert().success();
}
