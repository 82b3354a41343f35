//! The reader through the real binary: `attache render`, the plain output
//! when piped, and one end-to-end run in tmux (skipped when tmux is missing,
//! a failure when it is missing and `CI` is set).

mod reader_fixture;

use std::process::Command as Std;
use std::time::{Duration, Instant};

use assert_cmd::Command;

const SAMPLE: &str = "assets/zinoviev-interview.txt";

fn fixture_json() -> tempfile::NamedTempFile {
    let f = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    std::fs::write(
        f.path(),
        attache::format::json::to_json(&reader_fixture::document()),
    )
    .unwrap();
    f
}

fn stdout_of(args: &[&str]) -> String {
    let out = Command::cargo_bin("attache")
        .unwrap()
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn render_prints_a_frame_of_the_asked_size() {
    let out = stdout_of(&["render", SAMPLE, "--size", "80x24", "--keys", "]] j <C-d>"]);
    assert_eq!(out.lines().count(), 24, "{out}");
    assert!(
        out.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );
    assert!(out.contains("help"), "{out}");
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn render_replays_quote_and_search_keys_on_a_json_document() {
    let f = fixture_json();
    let p = f.path().to_str().unwrap();
    let out = stdout_of(&["render", p, "--size", "120x30", "--keys", "]q ]q"]);
    assert!(out.contains("quote 2/6"), "{out}");
    assert!(out.contains("Lindqvist  "), "gutter label: {out}");
    let out = stdout_of(&["render", p, "--size", "120x30", "--keys", "/port<Enter> n"]);
    assert!(out.contains("/port 2/2"), "{out}");
}

#[test]
fn render_with_ansi_styles() {
    let f = fixture_json();
    let out = stdout_of(&[
        "render",
        f.path().to_str().unwrap(),
        "--size",
        "100x20",
        "--keys",
        "]q",
        "--ansi",
    ]);
    assert!(out.contains("\u{1b}["), "{out}");
    // The stray escape sequence in the text is shown as a placeholder, never sent.
    assert!(out.contains('\u{241b}'));
    assert!(!out.contains("\u{1b}[31m"));
}

#[test]
fn render_rejects_bad_size_and_keys() {
    Command::cargo_bin("attache")
        .unwrap()
        .args(["render", SAMPLE, "--size", "huge"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("COLSxROWS"));
    Command::cargo_bin("attache")
        .unwrap()
        .args(["render", SAMPLE, "--keys", "<Bogus>"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("Bogus"));
}

#[test]
fn tiny_render_does_not_panic() {
    for size in ["1x1", "2x2", "20x5", "11x40"] {
        stdout_of(&["render", SAMPLE, "--size", size, "--keys", "G ]q o"]);
    }
}

#[test]
fn piped_reader_prints_plain_text() {
    let out = stdout_of(&[SAMPLE]);
    assert!(out.contains("Zinoviev"));
    assert!(
        !out.contains("\u{1b}[?1049h"),
        "no alternate screen when piped"
    );
}

/// The piped reader output with a clean environment (no config file, no
/// `NO_COLOR` unless asked) and the given colour flags.
fn piped(args: &[&str], no_color: bool) -> String {
    let config = tempfile::NamedTempFile::new().unwrap();
    let mut c = Command::cargo_bin("attache").unwrap();
    c.env("ATTACHE_CONFIG", config.path())
        .env_remove("NO_COLOR");
    if no_color {
        c.env("NO_COLOR", "1");
    }
    let out = c.args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Drop SGR escape sequences (`ESC [ … m`).
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\u{1b}') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find('m').map_or(tail.len(), |m| m + 1);
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn color_always_colours_the_piped_text_and_auto_does_not() {
    let plain = piped(&[SAMPLE], false);
    assert!(!plain.contains('\u{1b}'), "auto on a pipe: no escapes");
    let coloured = piped(&["--color", "always", SAMPLE], false);
    assert!(
        coloured.contains("\u{1b}["),
        "--color always on a pipe: escapes"
    );
    // The label and the quote that follows it share the speaker's colour.
    let label = coloured
        .find("[Georgy Zinoviev] ")
        .expect("a speaker label");
    let before = &coloured[..label];
    let sgr = &before[before.rfind('\u{1b}').unwrap()..];
    assert!(sgr.contains("38;"), "label in a colour: {sgr:?}");
    // The same words, line for line, once the escapes are dropped.
    assert_eq!(strip_sgr(&coloured), plain);
    // Every line closes what it opened, for pagers.
    for line in coloured.lines().filter(|l| l.contains('\u{1b}')) {
        let last = line.rfind('\u{1b}').unwrap();
        assert!(line[last..].starts_with("\u{1b}[0m"), "{line:?}");
    }
    // --color always wins over NO_COLOR; NO_COLOR alone keeps a pipe plain.
    assert!(piped(&["--color", "always", SAMPLE], true).contains("\u{1b}["));
    assert!(!piped(&[SAMPLE], true).contains('\u{1b}'));
}

struct Tmux(String);

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Std::new("tmux")
            .args(["kill-session", "-t", &self.0])
            .status();
    }
}

fn capture(name: &str) -> String {
    Std::new("tmux")
        .args(["capture-pane", "-p", "-t", name])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

fn wait_for(name: &str, what: &str) -> String {
    let start = Instant::now();
    loop {
        let screen = capture(name);
        if screen.contains(what) || start.elapsed() > Duration::from_secs(20) {
            return screen;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn end_to_end_in_tmux() {
    if Std::new("tmux").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "end_to_end_in_tmux: tmux is not installed, and CI is set: \
             install tmux on CI so this test runs instead of being skipped"
        );
        println!("SKIPPED end_to_end_in_tmux: tmux is not installed");
        return;
    }
    let f = fixture_json();
    let name = format!("attache-test-{}", std::process::id());
    let cmd = format!(
        "{} {} ; sleep 30",
        env!("CARGO_BIN_EXE_attache"),
        f.path().display()
    );
    let ok = Std::new("tmux")
        .args(["new", "-d", "-s", &name, "-x", "120", "-y", "40", &cmd])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        println!("SKIPPED end_to_end_in_tmux: tmux could not start a session here");
        return;
    }
    let _guard = Tmux(name.clone());
    let screen = wait_for(&name, "? help");
    assert!(screen.contains("Talks on the Harbour Accord"), "{screen}");
    let send = |keys: &[&str]| {
        Std::new("tmux")
            .arg("send-keys")
            .arg("-t")
            .arg(&name)
            .args(keys)
            .status()
            .unwrap();
    };
    send(&["]", "q", "]", "q"]);
    let screen = wait_for(&name, "quote 2/6");
    assert!(screen.contains("quote 2/6"), "{screen}");
    send(&["?"]);
    let screen = wait_for(&name, "Keys (Esc closes)");
    assert!(
        screen.contains("next quote by the same speaker"),
        "{screen}"
    );
    // Escape and q in one burst can arrive as Alt+q: close the help first.
    send(&["Escape"]);
    let start = Instant::now();
    while capture(&name).contains("Keys (Esc closes)") && start.elapsed() < Duration::from_secs(20)
    {
        std::thread::sleep(Duration::from_millis(100));
    }
    send(&["q"]);
    // After quitting, the shell's `sleep` keeps the pane: the reader's screen is gone
    // (alternate screen left) and the pane is back to the normal screen.
    let start = Instant::now();
    let mut screen = capture(&name);
    while screen.contains("? help") && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(100));
        screen = capture(&name);
    }
    assert!(
        !screen.contains("? help"),
        "terminal restored after q: {screen}"
    );
}
