//! Nothing from a document, a file name, the configuration or gold data
//! reaches the terminal raw: every command's output and every error message
//! is checked for control, C1, bidirectional and line-separator characters
//! (outside the SGR sequences the program writes itself), on generated
//! interview text and on one hostile input per path that once leaked.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use attache::annotate::{Options, annotate};
use attache::app::Settings;
use attache::app::keymap::Keymap;
use attache::format::{json, listing};
use attache::theme::Styles;
use proptest::prelude::*;

/// The test's own list (not the library's) of what must never be written raw.
fn forbidden(c: char) -> bool {
    matches!(c as u32, 0..=0x08 | 0x0b..=0x1f | 0x7f..=0x9f)
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// `s` without well-formed SGR sequences (`ESC [` digits and `;` `m`).
fn strip_sgr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let params = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[params..].starts_with('m') {
            rest = &after[params + 1..];
        } else {
            // Not SGR: keep the ESC so that the check below sees it.
            out.push('\x1b');
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// The first forbidden character in `s` and where, if any.
fn first_forbidden(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|&(_, c)| forbidden(c))
}

fn assert_clean(what: &str, s: &str) {
    if let Some((i, c)) = first_forbidden(s) {
        let around: String = s[..i]
            .chars()
            .rev()
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .chain(s[i..].chars().take(8))
            .collect();
        panic!("{what}: raw U+{:04X} at byte {i}: {around:?}", c as u32);
    }
}

// ---------------------------------------------------------------------------
// Generated interview text with hostile characters mixed in.

/// Escape sequences and single characters that could drive a terminal or
/// make text read other than it is.
fn hostile() -> impl Strategy<Value = String> {
    let bidi = vec![
        '\u{061c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
        '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}',
    ];
    prop_oneof![
        Just("\u{1b}]0;pwned\u{7}".to_string()),
        Just("\u{1b}]52;c;aGVsbG8=\u{7}".to_string()),
        Just("\u{1b}[2J\u{1b}[H".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{9b}31m".to_string()),
        Just("\u{9d}0;t\u{9c}".to_string()),
        Just("\u{7f}".to_string()),
        (0u32..0x20).prop_map(|n| char::from_u32(n).map(String::from).unwrap_or_default()),
        (0x7fu32..0xa0).prop_map(|n| char::from_u32(n).map(String::from).unwrap_or_default()),
        prop::sample::select(bidi).prop_map(String::from),
    ]
}

/// Pieces of an interview: labels, quotation marks, attributions, words.
fn ordinary() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("MR. SMITH: ".to_string()),
        Just("MS. ORTIZ: ".to_string()),
        Just("QUESTION: ".to_string()),
        Just("Q ".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("\"".to_string()),
        Just(" he said.".to_string()),
        Just(", said Ms. Ortiz.".to_string()),
        Just("the minister told reporters ".to_string()),
        Just("Moscow".to_string()),
        Just("Talks Resume\n\n".to_string()),
        "[a-zA-Z ,.]{1,12}",
    ]
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => ordinary(),
        1 => hostile(),
        // A hostile character inside a speaker's label.
        1 => hostile().prop_map(|h| format!("\n\nMR. SM{h}ITH: I said \u{201c}yes{h}\u{201d}.")),
    ]
}

fn interview() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..50).prop_map(|v| v.concat())
}

/// Every in-process output of a document: listings, JSON, the piped plain
/// and coloured text, and reader frames after a few key scripts.
fn outputs(raw: &str) -> Vec<(String, String)> {
    let doc = annotate(raw, &Options::default());
    let rows = listing::quote_rows(&doc);
    let styles = Styles::fallback();
    let mut out = vec![
        ("quotes".to_string(), listing::quotes_text(&rows)),
        ("quotes csv".into(), listing::quotes_csv(&rows)),
        ("quotes json".into(), listing::quotes_json(&rows)),
        ("speakers".into(), listing::speakers_text(&doc)),
        ("outline".into(), listing::outline_text(&doc)),
        ("plain".into(), listing::plain_text(&doc)),
        ("annotate".into(), json::to_json(&doc)),
        (
            "piped colour".into(),
            strip_sgr(&attache::ui::ansi_text(&doc, &styles)),
        ),
    ];
    for keys in ["", "]q ]q", "o", "l l", "<Tab> <Enter>"] {
        let keys = attache::ui::parse_key_script(keys).expect("keys parse");
        for ansi in [false, true] {
            let frame = attache::ui::render_to_string(
                doc.clone(),
                Settings::default(),
                Keymap::default(),
                &styles,
                (72, 20),
                &keys,
                ansi,
            );
            out.push((format!("render {keys:?} ansi={ansi}"), strip_sgr(&frame)));
        }
    }
    out
}

/// The error the command line reports for `args`, as it would print it.
fn cli_error(args: &[&str]) -> String {
    use clap::Parser;
    let cli = attache::cli::Cli::try_parse_from(args).expect("arguments parse");
    attache::cli::run(cli).expect_err("fails").message
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_output_of_a_document_holds_a_raw_control(raw in interview()) {
        for (what, s) in outputs(&raw) {
            prop_assert!(first_forbidden(&s).is_none(), "{}: {:?}", what, s);
        }
    }

    #[test]
    fn no_error_for_a_bad_file_name_holds_a_raw_control(
        name in prop::collection::vec(prop_oneof![ordinary(), hostile()], 1..8)
    ) {
        let name = name.concat().replace(['/', '\0'], "_");
        let path = format!("/no-such-dir-attache/{name}.txt");
        for args in [
            vec!["attache", "quotes", path.as_str()],
            vec!["attache", "outline", path.as_str()],
            vec!["attache", "--topics", path.as_str(), "speakers", "-"],
            vec!["attache", "--theme", path.as_str(), "render", "-"],
        ] {
            let msg = cli_error(&args);
            prop_assert!(first_forbidden(&msg).is_none(), "{:?}: {:?}", args, msg);
        }
    }
}

// ---------------------------------------------------------------------------
// The real binary, on generated text in a file with a hostile name.

fn attache() -> Command {
    let mut c = Command::cargo_bin("attache").expect("binary builds");
    // No user configuration file changes the output.
    c.env_remove("ATTACHE_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-attache-test")
        .env_remove("NO_COLOR")
        .env_remove("COLORTERM");
    c
}

/// Run `attache` with `args`; both streams, SGR removed, must be clean.
fn run_clean(args: &[&std::ffi::OsStr]) -> (String, String) {
    run_clean_with(attache(), args)
}

fn run_clean_with(mut cmd: Command, args: &[&std::ffi::OsStr]) -> (String, String) {
    let out = cmd.args(args).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_clean(&format!("stdout of {args:?}"), &strip_sgr(&stdout));
    assert_clean(&format!("stderr of {args:?}"), &stderr);
    (stdout, stderr)
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn no_command_prints_a_raw_control(raw in interview(), h in hostile()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let h = h.replace(['/', '\0'], "_");
        let file = dir.path().join(format!("doc{h}.txt"));
        std::fs::write(&file, raw.replace('\0', "")).expect("write");
        let f = file.as_os_str();
        let missing = dir.path().join(format!("gone{h}.txt"));
        let out_bad = dir.path().join(format!("no{h}dir/out.json"));
        let cases: Vec<Vec<&std::ffi::OsStr>> = vec![
            vec![os("quotes"), f],
            vec![os("quotes"), os("--format"), os("csv"), f],
            vec![os("quotes"), os("--format"), os("json"), f],
            vec![os("quotes"), os("--speaker"), os(&h), f],
            vec![os("speakers"), f],
            vec![os("outline"), f],
            vec![os("annotate"), f],
            vec![os("render"), f, os("--keys"), os("]q")],
            vec![os("render"), os("--ansi"), f, os("--keys"), os("<Tab> <Enter>")],
            vec![f],
            vec![os("--color"), os("always"), f],
            vec![os("quotes"), missing.as_os_str()],
            vec![os("annotate"), f, os("-o"), out_bad.as_os_str()],
        ];
        for args in &cases {
            run_clean(args);
        }
    }
}

// ---------------------------------------------------------------------------
// One test per path that once printed raw escapes.

const OSC: &str = "\u{1b}]0;pwned\u{7}";
const OSC_SHOWN: &str = "␛]0;pwned␇";

fn doc_file(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(
        &p,
        "Talks\n\nMR. SMITH: We agreed.\n\nQUESTION: \u{201c}Agreed?\u{201d}\n",
    )
    .expect("write");
    p
}

#[test]
fn a_file_name_with_an_osc_sequence_is_shown_not_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = format!("x{OSC}\u{9b}\u{202e}.txt");
    let f = doc_file(dir.path(), &name);
    let (_, err) = run_clean(&[os("quotes"), os("--speaker"), os("nobody"), f.as_os_str()]);
    assert!(
        err.contains(&format!("x{OSC_SHOWN}<U+009B><U+202E>.txt")),
        "{err}"
    );
    let gone = dir.path().join(format!("gone{OSC}\n.txt"));
    let (_, err) = run_clean(&[os("speakers"), gone.as_os_str()]);
    assert!(err.contains(&format!("gone{OSC_SHOWN}␊.txt")), "{err}");
}

#[test]
fn output_topics_and_theme_paths_are_shown_not_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = doc_file(dir.path(), "doc.txt");
    let bad = dir.path().join(format!("no{OSC}dir"));
    let out = bad.join("out.json");
    let (_, err) = run_clean(&[os("annotate"), f.as_os_str(), os("-o"), out.as_os_str()]);
    assert!(err.contains(OSC_SHOWN), "{err}");
    let topics = bad.join("topics.toml");
    let (_, err) = run_clean(&[
        os("--topics"),
        topics.as_os_str(),
        os("quotes"),
        f.as_os_str(),
    ]);
    assert!(err.contains(OSC_SHOWN), "{err}");
    let theme = bad.join("mine.tmTheme");
    let (_, err) = run_clean(&[
        os("--theme"),
        theme.as_os_str(),
        os("render"),
        f.as_os_str(),
    ]);
    assert!(err.contains(OSC_SHOWN), "{err}");
}

#[test]
fn a_theme_name_with_escapes_is_shown_not_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = doc_file(dir.path(), "doc.txt");
    let name = format!("dark{OSC}\u{1b}[2J");
    let (_, err) = run_clean(&[os("--theme"), os(&name), os("render"), f.as_os_str()]);
    assert!(
        err.contains(&format!("unknown theme `dark{OSC_SHOWN}␛[2J`")),
        "{err}"
    );
    let (_, err) = run_clean(&[os("render"), f.as_os_str(), os("--keys"), os(OSC)]);
    assert!(err.contains("--keys"), "{err}");
}

#[test]
fn the_themes_listing_shows_a_theme_path_not_sends_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sub = dir.path().join(format!("t{OSC}"));
    std::fs::create_dir(&sub).expect("mkdir");
    let theme = sub.join("mine.tmTheme");
    std::fs::copy("assets/themes/attache-light.tmTheme", &theme).expect("copy");
    for color in ["never", "always"] {
        let (out, _) = run_clean(&[
            os("--theme"),
            theme.as_os_str(),
            os("--color"),
            os(color),
            os("themes"),
        ]);
        assert!(
            out.contains(&format!("* {}", sub.display()).replace(OSC, OSC_SHOWN)),
            "{out}"
        );
    }
}

fn with_config(dir: &Path, dir_name: &str, text: &str) -> Command {
    let sub = dir.join(dir_name);
    std::fs::create_dir_all(&sub).expect("mkdir");
    let cfg = sub.join("config.toml");
    std::fs::write(&cfg, text).expect("write");
    let mut c = attache();
    c.env("ATTACHE_CONFIG", &cfg);
    c
}

#[test]
fn config_errors_quote_lines_and_values_visibly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = doc_file(dir.path(), "doc.txt");
    let render = [os("render"), f.as_os_str()];
    // A line that does not parse is quoted.
    let cmd = with_config(dir.path(), "a", &format!("width = 3 {OSC}\n"));
    let (_, err) = run_clean_with(cmd, &render);
    assert!(
        err.contains(&format!("(in `width = 3 {OSC_SHOWN}`)")),
        "{err}"
    );
    // A theme, a colour and a key binding with escapes in their values.
    let cases = [
        "theme = \"x\\u001b]0;pwned\\u0007\"\n",
        "color = \"\\u009b31m\\u202e\"\n",
        "[keys]\nquit = \"\\u001b]0;pwned\\u0007\"\n",
        "[keys]\n\"\\u001b]0;pwned\\u0007\" = \"q\"\n",
    ];
    for text in cases {
        let (_, err) = run_clean_with(with_config(dir.path(), "b", text), &render);
        assert!(err.contains("config.toml:"), "{text}: {err}");
    }
    // The file's own path, in errors and in `attache config`.
    let cmd = with_config(dir.path(), &format!("c{OSC}"), "width = 0\n");
    let (_, err) = run_clean_with(cmd, &render);
    assert!(err.contains(OSC_SHOWN), "{err}");
    let cmd = with_config(dir.path(), &format!("d{OSC}"), "width = 70\n");
    let (out, _) = run_clean_with(cmd, &[os("config")]);
    assert!(out.contains(OSC_SHOWN), "{out}");
}

/// A transcript folder for `eval --turns` whose text and gold speaker names
/// hold escape sequences, C1 and bidirectional controls.
fn hostile_turns_corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("gold")).expect("mkdir");
    let text = "Briefing\n\nMS. LOPEZ: Good \u{1b}]52;c;aGVsbG8=\u{7}morning to all.\n\n\
                Q Will the \u{9b}2J fares \u{202e}go up?\n\nMS. LOPEZ: No, they stay.\n";
    std::fs::write(dir.join("brief.txt"), text).expect("write");
    let chars: Vec<char> = text.chars().collect();
    let start_of = |needle: &str| {
        let at = text.find(needle).expect("in text");
        text[..at].chars().count()
    };
    assert!(chars.len() > 10);
    let gold = serde_json::json!([
        {"start": start_of("MS. LOPEZ: Good"), "speaker": "Ana \u{1b}]52;c;aGVsbG8=\u{7}Diaz"},
        {"start": start_of("Q Will"), "speaker": "Press\u{9b}\u{202e}\u{2066}"},
        {"start": start_of("MS. LOPEZ: No"), "speaker": "Ana\u{1b}[2J Diaz"},
    ]);
    std::fs::write(dir.join("gold/brief.json"), gold.to_string()).expect("write");
}

/// A PolNeAR-style folder whose article, gold contents and sources hold
/// escape sequences, C1 and bidirectional controls.
fn hostile_polnear_corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("text")).expect("mkdir");
    std::fs::create_dir_all(dir.join("attributions")).expect("mkdir");
    let name = "paper_2031-01-01_hostile";
    let text = "Rain\u{9b}1m Report\n\nThe mayor \u{1b}]0;pwned\u{7}said \u{201c}we will \u{9b}2J build \
                \u{202e}it soon,\u{201d} and left.\n\nFarmers\u{2028} warned \
                \u{201c}the crop\u{1b}]52;c;aGVsbG8=\u{7} is lost.\u{201d}\n";
    std::fs::write(dir.join(format!("text/{name}.txt")), text).expect("write");
    let span = |needle: &str| {
        let at = text.find(needle).expect("in text");
        let s = text[..at].chars().count();
        (s, s + needle.chars().count())
    };
    let mut ann = String::new();
    let quote = "\u{201c}we will \u{9b}2J build \u{202e}it soon,\u{201d}";
    // A gold source the annotator does not agree with: printed as a miss of the speaker.
    let source = "Rain\u{9b}1m";
    let (qs, qe) = span(quote);
    let (ss, se) = span(source);
    let (cs, ce) = span("said");
    ann += &format!("T1\tContent {qs} {qe}\t{quote}\nT2\tSource {ss} {se}\t{source}\n");
    ann += &format!("T3\tCue {cs} {ce}\tsaid\nT4\tAttribution {cs} {ce}\tsaid\n");
    ann += "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n";
    std::fs::write(dir.join(format!("attributions/{name}_a1.ann")), ann).expect("write");
}

#[test]
fn eval_dump_shows_document_text_and_gold_names_visibly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let turns = dir.path().join("turns");
    hostile_turns_corpus(&turns);
    let (out, _) = run_clean(&[os("eval"), os("--turns"), os("--dump"), turns.as_os_str()]);
    assert!(out.contains("gold: Ana ␛]52;c;aGVsbG8=␇Diaz"), "{out}");
    let (out, err) = run_clean(&[
        os("eval"),
        os("--turns"),
        os("--dump"),
        os("--json"),
        turns.as_os_str(),
    ]);
    assert!(err.contains("␛]52;c;aGVsbG8=␇"), "{err}");
    assert!(serde_json::from_str::<serde_json::Value>(out.trim()).is_ok());
    let news = dir.path().join("news");
    hostile_polnear_corpus(&news);
    let (out, _) = run_clean(&[os("eval"), os("--dump"), news.as_os_str()]);
    assert!(out.contains("paper_2031-01-01_hostile"), "{out}");
    // The speaker miss quotes the gold source; the false prediction the text.
    assert!(out.contains("gold source: Rain<U+009B>1m"), "{out}");
    assert!(
        out.contains("pred: the crop␛]52;c;aGVsbG8=␇ is lost."),
        "{out}"
    );
}

#[test]
fn the_checks_themselves_can_fail() {
    assert!(first_forbidden("a\u{1b}b").is_some());
    assert!(first_forbidden("a\u{202e}b").is_some());
    assert!(first_forbidden("a\u{9b}b").is_some());
    assert!(first_forbidden("a\n\tb “x”").is_none());
    assert_eq!(strip_sgr("\u{1b}[1;31mred\u{1b}[0m"), "red");
    assert_eq!(strip_sgr("\u{1b}]0;t\u{7}"), "\u{1b}]0;t\u{7}");
    assert_eq!(strip_sgr("\u{1b}[2J"), "\u{1b}[2J");
}
