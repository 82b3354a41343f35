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
    // Wait for the line itself: a capture can fall between the popup's
    // frame and its last rows on a loaded machine.
    let screen = wait_for(&name, "next quote by the same speaker");
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

/// Start `cmd` in a new detached tmux session `name` (120×40); false when
/// tmux is missing or cannot start a session here (the caller skips then).
fn tmux_session(test: &str, name: &str, cmd: &str) -> bool {
    if Std::new("tmux").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{test}: tmux is not installed, and CI is set: \
             install tmux on CI so this test runs instead of being skipped"
        );
        println!("SKIPPED {test}: tmux is not installed");
        return false;
    }
    let ok = Std::new("tmux")
        .args(["new", "-d", "-s", name, "-x", "120", "-y", "40", cmd])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        println!("SKIPPED {test}: tmux could not start a session here");
    }
    ok
}

/// Wait (up to 20 s) until `check` holds; returns whether it did.
fn wait_until(mut check: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while !check() {
        if start.elapsed() > Duration::from_secs(20) {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    true
}

/// The reader run in tmux through `sh -c 'echo $$ > pid; exec attache …'`,
/// so that its process id is known; `after` runs in the pane once it ends.
fn reader_with_pid(dir: &std::path::Path, doc: &std::path::Path, after: &str) -> String {
    format!(
        "sh -c 'echo $$ > {pid}; exec {bin} {doc}'; {after}; sleep 30",
        pid = dir.join("pid").display(),
        bin = env!("CARGO_BIN_EXE_attache"),
        doc = doc.display(),
    )
}

fn read_pid(dir: &std::path::Path) -> String {
    let mut pid = String::new();
    wait_until(|| {
        pid = std::fs::read_to_string(dir.join("pid")).unwrap_or_default();
        pid.ends_with('\n')
    });
    pid.trim().to_string()
}

/// Whether `stty -a` output shows a sane (cooked) terminal: echo and
/// canonical input on.
fn sane(stty: &str) -> bool {
    let words: Vec<&str> = stty.split([' ', ';', '\n']).collect();
    words.contains(&"icanon") && words.contains(&"echo")
}

fn signal(sig: &str, pid: &str) {
    assert!(
        Std::new("kill")
            .args([sig, pid])
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let f = fixture_json();
    let dir = tempfile::tempdir().unwrap();
    let stty = dir.path().join("stty");
    // After the reader ends, the pane's shell records its terminal's modes.
    let after = format!(
        "stty -a > {tmp}; mv {tmp} {out}",
        tmp = dir.path().join("stty.tmp").display(),
        out = stty.display()
    );
    let name = format!("attache-term-{}", std::process::id());
    let cmd = reader_with_pid(dir.path(), f.path(), &after);
    if !tmux_session("sigterm_restores_the_terminal", &name, &cmd) {
        return;
    }
    let _guard = Tmux(name.clone());
    let screen = wait_for(&name, "? help");
    assert!(screen.contains("Talks on the Harbour Accord"), "{screen}");
    let pid = read_pid(dir.path());
    signal("-TERM", &pid);
    assert!(wait_until(|| stty.exists()), "the reader did not end");
    let modes = std::fs::read_to_string(&stty).unwrap();
    assert!(sane(&modes), "terminal left raw after SIGTERM: {modes}");
    assert!(
        wait_until(|| !capture(&name).contains("? help")),
        "alternate screen left: {}",
        capture(&name)
    );
}

/// The state letter of a process (`T` when stopped), from /proc.
fn proc_state(pid: &str) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?.1.trim_start().chars().next()
}

fn pane_modes(tty: &str) -> String {
    Std::new("stty")
        .args(["-a", "-F", tty])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_continue_redraws() {
    if !std::path::Path::new("/proc/self/stat").exists() {
        println!("SKIPPED ctrl_z_suspends…: no /proc here");
        return;
    }
    let f = fixture_json();
    let dir = tempfile::tempdir().unwrap();
    let name = format!("attache-susp-{}", std::process::id());
    let cmd = reader_with_pid(dir.path(), f.path(), "echo READER-ENDED");
    if !tmux_session("ctrl_z_suspends…", &name, &cmd) {
        return;
    }
    let _guard = Tmux(name.clone());
    let screen = wait_for(&name, "? help");
    assert!(screen.contains("Talks on the Harbour Accord"), "{screen}");
    let pid = read_pid(dir.path());
    let tty = Std::new("tmux")
        .args(["display", "-p", "-t", &name, "#{pane_tty}"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let modes = pane_modes(&tty);
    if modes.is_empty() {
        println!("SKIPPED ctrl_z_suspends…: `stty -F` cannot read the pane's terminal");
        return;
    }
    assert!(!sane(&modes), "the reader runs in raw mode: {modes}");
    let send = |key: &str| {
        Std::new("tmux")
            .args(["send-keys", "-t", &name, key])
            .status()
            .unwrap();
    };
    send("C-z");
    assert!(
        wait_until(|| proc_state(&pid) == Some('T')),
        "Ctrl-Z stops the reader: {:?}",
        proc_state(&pid)
    );
    let modes = pane_modes(&tty);
    assert!(sane(&modes), "terminal restored while stopped: {modes}");
    assert!(
        wait_until(|| !capture(&name).contains("? help")),
        "alternate screen left while stopped"
    );
    // Continued (as `fg` does): raw mode again and the screen drawn anew.
    signal("-CONT", &pid);
    let screen = wait_for(&name, "? help");
    assert!(screen.contains("Talks on the Harbour Accord"), "{screen}");
    assert!(
        wait_until(|| !sane(&pane_modes(&tty))),
        "raw mode again after SIGCONT"
    );
    // SIGTSTP from outside suspends the same way.
    signal("-TSTP", &pid);
    assert!(wait_until(|| proc_state(&pid) == Some('T')));
    assert!(sane(&pane_modes(&tty)));
    signal("-CONT", &pid);
    wait_for(&name, "? help");
    send("q");
    let screen = wait_for(&name, "READER-ENDED");
    assert!(screen.contains("READER-ENDED"), "{screen}");
}

#[test]
fn a_burst_of_keys_is_read_to_its_end_before_waiting() {
    // crossterm reads the terminal 1 KB at a time behind an edge-triggered
    // poll: without draining, the end of a long burst (a paste in a terminal
    // without bracketed paste) waits for the next key press.
    let f = fixture_json();
    let name = format!("attache-burst-{}", std::process::id());
    let cmd = format!(
        "{} {} ; sleep 30",
        env!("CARGO_BIN_EXE_attache"),
        f.path().display()
    );
    if !tmux_session("a_burst_of_keys…", &name, &cmd) {
        return;
    }
    let _guard = Tmux(name.clone());
    wait_for(&name, "? help");
    // 4,000 line moves, then `?`: the help shows only once all are read.
    let burst = format!("{}?", "j".repeat(4000));
    Std::new("tmux")
        .args(["send-keys", "-t", &name, "-l", &burst])
        .status()
        .unwrap();
    let screen = wait_for(&name, "Keys (Esc closes)");
    assert!(screen.contains("Keys (Esc closes)"), "{screen}");
}

#[test]
fn visual_selection_copies_to_the_clipboard_in_tmux() {
    // A tmux server of its own (`-L`), with set-clipboard on, so that the
    // OSC 52 sequence the reader sends lands in tmux's paste buffer.
    if Std::new("tmux").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "visual_selection_copies…: tmux is not installed, and CI is set"
        );
        println!("SKIPPED visual_selection_copies…: tmux is not installed");
        return;
    }
    let f = fixture_json();
    let socket = format!("attache-clip-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Std::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    };
    struct Server(String);
    impl Drop for Server {
        fn drop(&mut self) {
            let _ = Std::new("tmux")
                .args(["-L", &self.0, "kill-server"])
                .status();
        }
    }
    let cmd = format!(
        "{} {} ; sleep 30",
        env!("CARGO_BIN_EXE_attache"),
        f.path().display()
    );
    let ok = Std::new("tmux")
        .args(["-L", &socket, "-f", "/dev/null"])
        .args(["new", "-d", "-s", "clip", "-x", "120", "-y", "40", &cmd])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        println!("SKIPPED visual_selection_copies…: tmux could not start a session here");
        return;
    }
    let _server = Server(socket.clone());
    tmux(&["set", "-s", "set-clipboard", "on"]);
    let screen = |tmux: &dyn Fn(&[&str]) -> String| tmux(&["capture-pane", "-p", "-t", "clip"]);
    assert!(
        wait_until(|| screen(&tmux).contains("? help")),
        "{}",
        screen(&tmux)
    );
    tmux(&["send-keys", "-t", "clip", "]", "q"]);
    assert!(wait_until(|| screen(&tmux).contains("quote 1/6")));
    tmux(&["send-keys", "-t", "clip", "v"]);
    assert!(wait_until(|| screen(&tmux).contains("-- VISUAL --")));
    tmux(&["send-keys", "-t", "clip", "j", "y"]);
    assert!(
        wait_until(|| screen(&tmux).contains("with citation")),
        "{}",
        screen(&tmux)
    );
    let status = screen(&tmux);
    assert!(status.contains("copied "), "{status}");
    assert!(!status.contains("-- VISUAL --"), "y leaves visual mode");
    let mut buffer = String::new();
    let got = wait_until(|| {
        buffer = tmux(&["show-buffer"]);
        buffer.contains("\n— Talks on the Harbour Accord")
    });
    assert!(got, "tmux's paste buffer: {buffer:?}");
    // From the quote's start one screen line down: past the quote's end,
    // so the citation names the document only.
    assert!(buffer.starts_with("We came here"), "{buffer:?}");
    assert!(!buffer.contains("Lindqvist,"), "{buffer:?}");
}

/// Open a copy of an article in tmux under session `name`, wait for the
/// first frame, and return the guard that ends the session.
fn open_in_tmux(test: &str, name: &str, doc: &std::path::Path) -> Option<(Tmux, String)> {
    let cmd = format!("{} {}", env!("CARGO_BIN_EXE_attache"), doc.display());
    if !tmux_session(test, name, &cmd) {
        return None;
    }
    let guard = Tmux(name.to_string());
    let screen = wait_for(name, "? help");
    Some((guard, screen))
}

fn send_keys(name: &str, keys: &[&str]) {
    Std::new("tmux")
        .arg("send-keys")
        .arg("-t")
        .arg(name)
        .args(keys)
        .status()
        .unwrap();
}

#[test]
fn a_note_survives_quit_and_an_edit_of_the_text_in_tmux() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("article.txt");
    std::fs::copy("tests/fixtures/article.txt", &doc).unwrap();
    let sidecar = dir.path().join("article.txt.attache-notes.json");
    let base = format!("attache-notes-{}", std::process::id());

    // Add a note on the first quote, then quit.
    let name = format!("{base}-1");
    let Some((_guard, _)) = open_in_tmux("a_note_survives…", &name, &doc) else {
        return;
    };
    send_keys(&name, &["]", "q", "a"]);
    wait_for(&name, "note:");
    send_keys(&name, &["-l", "remember this"]);
    send_keys(&name, &["Enter"]);
    let screen = wait_for(&name, "note added");
    assert!(screen.contains("✎ remember this"), "{screen}");
    send_keys(&name, &["q"]);
    assert!(
        wait_until(|| std::fs::read_to_string(&sidecar).is_ok_and(|s| s.contains("remember this"))),
        "the sidecar was written"
    );

    // Reopen: the note is there.
    let name = format!("{base}-2");
    let Some((_guard, screen)) = open_in_tmux("a_note_survives…", &name, &doc) else {
        return;
    };
    assert!(screen.contains("✎ remember this"), "{screen}");
    send_keys(&name, &["q"]);

    // Edit the text before the note: reopened, the note moved with its words.
    let text = std::fs::read_to_string(&doc).unwrap();
    let (title, rest) = text.split_once("\n\n").unwrap();
    std::fs::write(
        &doc,
        format!("{title}\n\nA paragraph added by an editor.\n\n{rest}"),
    )
    .unwrap();
    let name = format!("{base}-3");
    let Some((_guard, screen)) = open_in_tmux("a_note_survives…", &name, &doc) else {
        return;
    };
    let screen = if screen.contains("✎ remember this") {
        screen
    } else {
        send_keys(&name, &["g"]);
        wait_for(&name, "✎ remember this")
    };
    assert!(screen.contains("✎ remember this"), "{screen}");
    send_keys(&name, &["q"]);

    // Remove the noted words: reopened, the note is an orphan, listed.
    let text = std::fs::read_to_string(&doc).unwrap();
    let quote = "We have never been closer to a deal,";
    assert!(text.contains(quote));
    std::fs::write(&doc, text.replace(quote, "Nothing to say,")).unwrap();
    let name = format!("{base}-4");
    let Some((_guard, screen)) = open_in_tmux("a_note_survives…", &name, &doc) else {
        return;
    };
    assert!(!screen.contains("✎ remember this"), "{screen}");
    send_keys(&name, &["Tab", "H"]);
    let screen = wait_for(&name, "Orphans");
    assert!(screen.contains("✎ remember"), "{screen}");
    send_keys(&name, &["q"]);
}
