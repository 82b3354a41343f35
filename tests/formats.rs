//! Input that is not plain text: an HTML page is read as its text (title,
//! headings, paragraphs; no navigation, scripts, images or data URIs),
//! Markdown headings open sections, stray media lines in a `.txt` are
//! dropped, and a page with no text is refused with a clear message.

use std::path::Path;

use assert_cmd::Command;

const PAGE: &str = "tests/fixtures/formats/page.html";
const NOTES: &str = "tests/fixtures/formats/notes.md";

fn attache() -> Command {
    Command::cargo_bin("attache").expect("the attache binary is built")
}

/// Run `attache ARGS…` and return its standard output; it must succeed.
fn run(args: &[&str]) -> String {
    let out = attache().args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {err}");
    String::from_utf8(out.stdout).unwrap()
}

/// Nothing of the page's markup, scripts, navigation or image data shows.
fn assert_no_markup(out: &str) {
    for bad in [
        "<",
        "base64",
        "iVBOR",
        "dataLayer",
        "Subscribe",
        "Sign in",
        "Most read",
        "Gazette",
        "Photo: Press",
        "font-family",
    ] {
        assert!(!out.contains(bad), "{bad:?} in:\n{out}");
    }
}

#[test]
fn html_outline_has_the_title_and_headings() {
    let out = run(&["outline", PAGE]);
    assert!(out.starts_with("Ministers meet at the harbour\n"), "{out}");
    assert!(
        out.contains("2. Second round of talks  [1 quote, 1 reported]"),
        "{out}"
    );
    assert!(
        out.contains("3. Reactions at home  [1 quote, 1 reported]"),
        "{out}"
    );
    assert_no_markup(&out);
}

#[test]
fn html_quotes_have_their_speakers() {
    let out = run(&["quotes", PAGE]);
    assert!(out.contains("Elena Varga"), "{out}");
    assert!(out.contains("“We have agreed to keep talking,”"), "{out}");
    assert!(out.contains("Brenner"), "{out}");
    assert!(out.contains("Marta Rhee"), "{out}");
    assert_no_markup(&out);
}

#[test]
fn html_text_is_the_extracted_text_everywhere() {
    let json = run(&["annotate", PAGE]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let text = doc["text"].as_str().unwrap();
    assert!(
        text.starts_with("Ministers meet at the harbour\n\nBy Ada Quill\n\nThe foreign"),
        "{text}"
    );
    assert_eq!(doc["meta"]["title"], "Ministers meet at the harbour");
    assert_no_markup(&json);
    for args in [
        vec!["speakers", PAGE],
        vec!["quotes", "--format", "json", PAGE],
        vec!["render", PAGE, "--size", "100x40"],
    ] {
        assert_no_markup(&run(&args));
    }
}

#[test]
fn html_from_standard_input_is_known_by_its_start() {
    let page = std::fs::read(PAGE).unwrap();
    let out = attache()
        .args(["outline", "-"])
        .write_stdin(page)
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("Reactions at home"), "{out}");
    assert_no_markup(&out);
}

#[test]
fn markdown_headings_are_sections() {
    let out = run(&["outline", NOTES]);
    assert!(
        out.starts_with("Harbour notes\n"),
        "title without its marks: {out}"
    );
    assert!(out.contains("2. What comes next?"), "{out}");
    assert!(out.contains("3. Terms"), "{out}");
    assert!(!out.contains('#'), "{out}");
}

#[test]
fn stray_figure_lines_in_text_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("saved.txt");
    std::fs::write(
        &p,
        "Talks at the harbour\n\nThe ministers met on Tuesday.\n\n\
         <figure> <img src=\"data:image/png;base64,iVBORw0KGgo=\"> \
         <figcaption>The harbour, “a quiet place”</figcaption> </figure>\n\n\
         <img src=\"data:image/gif;base64,R0lGODlh\" alt=\"\">\n\n\
         “We agreed on the <b> tag,” said Elena Varga.\n",
    )
    .unwrap();
    let json = run(&["annotate", p.to_str().unwrap()]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        doc["text"],
        "Talks at the harbour\n\nThe ministers met on Tuesday.\n\n\
         “We agreed on the <b> tag,” said Elena Varga.\n"
    );
    let quotes = run(&["quotes", p.to_str().unwrap()]);
    assert!(!quotes.contains("quiet place"), "{quotes}");
    assert!(quotes.contains("Elena Varga"), "{quotes}");
}

/// `attache quotes FILE` fails with exit 2 and a message naming the file.
fn refused(file: &Path, needle: &str) {
    let out = attache().arg("quotes").arg(file).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert!(!err.contains("panicked"), "{err}");
    let name = file.file_name().unwrap().to_str().unwrap();
    assert!(err.contains(name) && err.contains(needle), "{err}");
}

#[test]
fn pages_without_text_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "markup.html",
            "<html><head><title>T</title><script>go()</script></head><body><nav>Home</nav><img src=x.png></body></html>",
            "no readable text",
        ),
        ("blank.htm", " \n\n", "empty"),
        (
            "only-image.txt",
            "<img src=\"data:image/png;base64,AAAA\">\n",
            "only markup",
        ),
    ];
    for (name, body, needle) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        refused(&p, needle);
    }
}
