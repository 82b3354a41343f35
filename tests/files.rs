//! Files that are not what they seem: endless devices, FIFOs, huge or deeply
//! nested files, and `-o` targets that must not be replaced (devices, FIFOs,
//! links, the input itself), and the temporary file of a killed `-o`.
#![cfg(unix)]

use std::os::unix::fs::{FileTypeExt, symlink};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Output};

use assert_cmd::Command;
use assert_cmd::cargo::CommandCargoExt;

const BRIEFING: &str = "tests/fixtures/briefing.txt";

fn attache() -> Command {
    Command::cargo_bin("attache").expect("the attache binary is built")
}

/// `attache ARGS` with at most 2 GB of address space, so that a regression
/// that reads an endless file fails quickly instead of filling the machine.
fn limited(args: &[&str], env: &[(&str, &str)]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("attache");
    let mut c = Std::new("sh");
    c.arg("-c")
        .arg("ulimit -v 2000000; exec \"$0\" \"$@\"")
        .arg(bin)
        .args(args)
        .env_remove("ATTACHE_CONFIG")
        .env("HOME", "/nonexistent");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// Exit code 2, nothing on standard output, and a message with every needle.
fn refused(out: &Output, needles: &[&str]) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    for n in needles {
        assert!(err.contains(n), "says {n:?}: {err}");
    }
}

fn mkfifo(p: &Path) {
    assert!(Std::new("mkfifo").arg(p).status().unwrap().success());
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".attache-"))
        .collect()
}

#[test]
fn endless_devices_are_refused_wherever_a_file_is_read() {
    let dev = "/dev/zero";
    let kind = "character device";
    refused(&limited(&["quotes", dev], &[]), &[dev, kind]);
    refused(
        &limited(&["--topics", dev, "quotes", BRIEFING], &[]),
        &[dev, kind],
    );
    refused(
        &limited(&["--theme", dev, "quotes", BRIEFING], &[]),
        &[dev, kind],
    );
    refused(
        &limited(&["config"], &[("ATTACHE_CONFIG", dev)]),
        &[dev, kind],
    );
    refused(
        &limited(&["render", BRIEFING], &[("ATTACHE_CONFIG", dev)]),
        &[dev, kind],
    );
}

#[test]
fn a_fifo_is_no_settings_file_but_may_be_a_document() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("settings.fifo");
    mkfifo(&fifo);
    let f = fifo.to_str().unwrap();
    // Nobody writes to it: refused before opening, not blocked for ever.
    refused(&limited(&["config"], &[("ATTACHE_CONFIG", f)]), &["a FIFO"]);
    refused(
        &limited(&["--topics", f, "quotes", BRIEFING], &[]),
        &["a FIFO"],
    );
    refused(
        &limited(&["--theme", f, "quotes", BRIEFING], &[]),
        &["a FIFO"],
    );
    // A document through a FIFO (as from `<(zcat doc.gz)`) is read.
    let text = std::fs::read(BRIEFING).unwrap();
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, text).unwrap())
    };
    let out = limited(&["speakers", f], &[]);
    writer.join().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Hartley"));
}

#[test]
fn oversized_files_are_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse files: only their length is set, no data is written.
    let sparse = |name: &str, len: u64| {
        let p = dir.path().join(name);
        std::fs::File::create(&p).unwrap().set_len(len).unwrap();
        p.to_str().unwrap().to_string()
    };
    let doc = sparse("huge.txt", (1 << 30) + 1);
    refused(&limited(&["quotes", &doc], &[]), &["huge.txt", "1 GiB"]);
    let topics = sparse("huge.toml", (4 << 20) + 1);
    refused(
        &limited(&["--topics", &topics, "quotes", BRIEFING], &[]),
        &["huge.toml", "4 MiB"],
    );
    let theme = sparse("huge.tmTheme", (4 << 20) + 1);
    refused(
        &limited(&["--theme", &theme, "quotes", BRIEFING], &[]),
        &["huge.tmTheme", "4 MiB"],
    );
    let config = sparse("config.toml", (4 << 20) + 1);
    refused(
        &limited(&["config"], &[("ATTACHE_CONFIG", &config)]),
        &["config.toml", "4 MiB"],
    );
}

#[test]
fn a_deeply_nested_theme_is_refused_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("deep.tmTheme");
    let depth = 30_000;
    let text = format!(
        "<?xml version=\"1.0\"?>\n<plist version=\"1.0\">{}{}</plist>\n",
        "<array>".repeat(depth),
        "</array>".repeat(depth)
    );
    std::fs::write(&p, text).unwrap();
    let out = limited(&["--theme", p.to_str().unwrap(), "render", BRIEFING], &[]);
    refused(&out, &["deep.tmTheme", "nest more than 64 levels"]);
}

#[test]
fn a_topic_file_with_too_many_topics_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("many.toml");
    let topics: String = (0..1000)
        .map(|i| format!("[t{i}]\nname = \"T{i}\"\nweak = [\"talks\", \"peace\"]\n"))
        .collect();
    std::fs::write(&p, topics).unwrap();
    let out = limited(&["--topics", p.to_str().unwrap(), "quotes", BRIEFING], &[]);
    refused(&out, &["many.toml", "1000 topics", "at most 256"]);
}

#[test]
fn output_onto_a_fifo_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = limited(&["annotate", BRIEFING, "-o", fifo.to_str().unwrap()], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    let json = reader.join().unwrap();
    assert!(json.starts_with('{') && json.contains("attache/1"));
    assert!(temporaries(dir.path()).is_empty());
}

#[test]
fn output_onto_standard_output_through_proc_is_written_through() {
    // As `-o /dev/stdout` (a link to /proc/self/fd/1, then to a pipe), but
    // through a private link, so that a regression replaces nothing shared.
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("stdout");
    symlink("/proc/self/fd/1", &link).unwrap();
    let out = limited(&["annotate", BRIEFING, "-o", link.to_str().unwrap()], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("attache/1"));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(temporaries(dir.path()).is_empty());
}

#[test]
fn output_onto_a_character_device_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    // A private /dev/null (root only; elsewhere there is nothing to test).
    let made = Std::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        return;
    }
    let out = limited(&["annotate", BRIEFING, "-o", null.to_str().unwrap()], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ft = std::fs::symlink_metadata(&null).unwrap().file_type();
    assert!(ft.is_char_device(), "still a device: {ft:?}");
    assert!(temporaries(dir.path()).is_empty());
}

#[test]
fn output_through_a_symbolic_link_replaces_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("real")).unwrap();
    std::fs::write(d.join("real/out.json"), "old").unwrap();
    symlink("real/out.json", d.join("link.json")).unwrap();
    symlink("real/new.json", d.join("dangling.json")).unwrap();
    for link in ["link.json", "dangling.json"] {
        attache()
            .args(["annotate", BRIEFING, "-o"])
            .arg(d.join(link))
            .assert()
            .success();
        let m = std::fs::symlink_metadata(d.join(link)).unwrap();
        assert!(m.file_type().is_symlink(), "{link} is still a link");
        let json = std::fs::read_to_string(d.join(link)).unwrap();
        assert!(json.contains("attache/1"), "{link}: {json}");
    }
    assert!(temporaries(d).is_empty() && temporaries(&d.join("real")).is_empty());
}

#[test]
fn output_onto_a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = limited(
        &["annotate", BRIEFING, "-o", dir.path().to_str().unwrap()],
        &[],
    );
    refused(&out, &["is a directory"]);
}

#[test]
fn output_naming_the_input_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(BRIEFING).unwrap();
    let input = dir.path().join("talk.txt");
    std::fs::write(&input, &text).unwrap();
    let alias = dir.path().join("alias.txt");
    std::fs::hard_link(&input, &alias).unwrap();
    let link = dir.path().join("link.txt");
    symlink("talk.txt", &link).unwrap();
    let i = input.to_str().unwrap();
    for out in [&input, &alias, &link] {
        let o = limited(&["annotate", i, "-o", out.to_str().unwrap()], &[]);
        refused(&o, &["input file", "--force"]);
        assert_eq!(std::fs::read_to_string(&input).unwrap(), text, "untouched");
    }
    let o = limited(&["annotate", i, "-o", i, "--force"], &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        std::fs::read_to_string(&input)
            .unwrap()
            .contains("attache/1")
    );
}

/// A generated interview of about `n` paragraphs, slow enough to annotate
/// that a signal arrives while the output is pending.
fn long_interview(n: usize) -> String {
    let mut s = String::from("A long talk\n\n");
    for i in 0..n {
        s.push_str(&format!(
            "MS. ROWE: On point {i}, \"we will discuss the tariffs with our partners,\" she said.\n\n"
        ));
    }
    s
}

#[test]
fn a_terminated_annotate_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("long.txt");
    std::fs::write(&input, long_interview(60_000)).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("long.json");
    let mut child = Std::cargo_bin("attache")
        .unwrap()
        .arg("annotate")
        .arg(&input)
        .arg("-o")
        .arg(&target)
        .spawn()
        .unwrap();
    // The temporary file exists from the start; wait for it (bounded).
    let mut seen = false;
    for _ in 0..5000 {
        if !temporaries(&out_dir).is_empty() {
            seen = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let pid = child.id().to_string();
    let _ = Std::new("kill").args(["-TERM", &pid]).status();
    let status = child.wait().unwrap();
    // Whether or not it finished first, no temporary file is left.
    assert!(
        temporaries(&out_dir).is_empty(),
        "{:?}",
        temporaries(&out_dir)
    );
    if seen && status.signal() == Some(15) {
        assert!(!target.exists(), "a killed run writes no output");
    } else {
        assert!(
            status.success() || status.signal() == Some(15),
            "{status:?}"
        );
    }
}

#[test]
fn stale_temporaries_of_exactly_our_pattern_are_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let make = |name: &str, old: bool| -> PathBuf {
        let p = d.join(name);
        let f = std::fs::File::create(&p).unwrap();
        if old {
            f.set_modified(hour_ago).unwrap();
        }
        p
    };
    let stale = make(".attache-Ab12Cd.tmp", true);
    let fresh = make(".attache-Zz99Yy.tmp", false);
    let other = [
        make(".attache-Ab12Cd.tmp.keep", true),
        make(".attache-short.tmp", true),
        make("attache-Ab12Cd.tmp", true),
    ];
    attache()
        .args(["annotate", BRIEFING, "-o"])
        .arg(d.join("out.json"))
        .assert()
        .success();
    assert!(!stale.exists(), "an old leftover is removed");
    assert!(
        fresh.exists(),
        "a recent one may belong to a run still writing"
    );
    for p in &other {
        assert!(p.exists(), "not our pattern: {}", p.display());
    }
}

#[test]
fn an_unknown_theme_is_refused_by_every_command() {
    let render = limited(&["--theme", "nonesuch", "render", BRIEFING], &[]);
    refused(&render, &["unknown theme `nonesuch`"]);
    let message = render.stderr;
    for cmd in ["quotes", "speakers", "outline", "annotate"] {
        let out = limited(&["--theme", "nonesuch", cmd, BRIEFING], &[]);
        refused(&out, &[]);
        assert_eq!(out.stderr, message, "{cmd}: the same message");
    }
    assert!(
        limited(&["--theme", "attache-light", "quotes", BRIEFING], &[])
            .status
            .success()
    );
}

#[test]
fn width_takes_the_same_range_on_the_command_line_and_in_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let c = config.to_str().unwrap();
    for (w, ok) in [
        ("0", false),
        ("9", false),
        ("10", true),
        ("1000", true),
        ("1001", false),
    ] {
        let flag = limited(&["--width", w, "config"], &[]);
        assert_eq!(flag.status.success(), ok, "--width {w}");
        std::fs::write(&config, format!("width = {w}\n")).unwrap();
        let file = limited(&["config"], &[("ATTACHE_CONFIG", c)]);
        assert_eq!(file.status.success(), ok, "width = {w}");
        if !ok {
            assert_eq!(flag.status.code(), Some(2));
            assert_eq!(file.status.code(), Some(2));
            let err = String::from_utf8_lossy(&flag.stderr);
            assert!(err.contains("10..=1000"), "{err}");
            let err = String::from_utf8_lossy(&file.stderr);
            assert!(err.contains("from 10 to 1000"), "{err}");
        }
    }
}
