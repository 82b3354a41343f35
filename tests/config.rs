//! The configuration file: parsing good and bad files (errors with the file
//! and line), flags over file over defaults, the default file parsing back to
//! the defaults, and the `config` command.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use attache::app::Settings;
use attache::config::Overrides;
use attache::config::{self, Env, Source};
use attache::theme::ColorEnv;
use attache::theme::ColorMode;

fn parse(text: &str) -> attache::error::Result<config::ConfigFile> {
    config::parse(Path::new("my.toml"), text)
}

fn err(text: &str) -> String {
    let file = parse(text).and_then(|f| {
        config::setup_from(&Overrides::default(), Some(&f), &ColorEnv::default()).map(|_| ())
    });
    let e = file.unwrap_err();
    assert_eq!(e.code, 2);
    e.message
}

#[test]
fn a_good_file_sets_everything() {
    let f = parse(
        "theme = \"attache-light\"\ncolor = \"never\"\nwidth = 72\npanel = false\nmouse = true\n\n[layers]\ntopics = false\n",
    )
    .unwrap();
    let e = config::effective(&Overrides::default(), Some(&f)).unwrap();
    assert_eq!(e.theme, "attache-light");
    assert_eq!(e.theme_from, Source::File(1));
    assert_eq!(e.color, ColorMode::Never);
    assert_eq!(e.settings.width, 72);
    assert_eq!(e.width_from, Source::File(3));
    assert!(!e.settings.panel);
    assert!(e.settings.mouse);
    assert!(!e.settings.layers.topics);
    assert!(e.settings.layers.quotes);
    // Only the switch the file sets cites the file; the others are defaults.
    assert_eq!(
        e.layers_from,
        [
            Source::Default,
            Source::Default,
            Source::Default,
            Source::File(8),
            Source::Default
        ]
    );
    let setup = config::setup_from(&Overrides::default(), Some(&f), &ColorEnv::default()).unwrap();
    assert_eq!(setup.settings.width, 72);
    // color = "never": no colour at all.
    assert_eq!(setup.styles.base.fg, None);
}

#[test]
fn flags_override_the_file() {
    let f = parse("theme = \"attache-light\"\ncolor = 16\nwidth = 72\n").unwrap();
    let g = Overrides {
        theme: Some("attache-dark".into()),
        color: Some(ColorMode::Truecolor),
        width: Some(90),
        ..Default::default()
    };
    let e = config::effective(&g, Some(&f)).unwrap();
    assert_eq!(e.theme, "attache-dark");
    assert_eq!(e.theme_from, Source::Flag("--theme"));
    assert_eq!(e.color, ColorMode::Truecolor);
    assert_eq!(e.settings.width, 90);
    let without = config::effective(&Overrides::default(), Some(&f)).unwrap();
    assert_eq!(without.color, ColorMode::C16);
}

#[test]
fn unknown_key_names_file_and_line() {
    let m = err("theme = \"attache-dark\"\n\ncolour = \"never\"\n");
    assert!(m.starts_with("my.toml:3:"), "{m}");
    assert!(m.contains("colour"), "{m}");
    let m = err("[layers]\nquotes = true\nspeeches = false\n");
    assert!(m.starts_with("my.toml:3:"), "{m}");
}

#[test]
fn bad_values_name_file_and_line() {
    let m = err("width = 80\ncolor = \"purple\"\n");
    assert!(m.starts_with("my.toml:2:") && m.contains("purple"), "{m}");
    let m = err("\nwidth = \"wide\"\n");
    assert!(m.starts_with("my.toml:2:"), "{m}");
    let m = err("width = 0\n");
    assert!(m.starts_with("my.toml:1:") && m.contains("width"), "{m}");
    let m = err("panel = 3\n");
    assert!(m.starts_with("my.toml:1:"), "{m}");
    let m = err("\n\ntheme = \"no-such-theme\"\n");
    assert!(
        m.starts_with("my.toml:3:") && m.contains("no-such-theme"),
        "{m}"
    );
    let m = err("width = 80\nthis is not toml\n");
    assert!(m.starts_with("my.toml:2:"), "{m}");
}

#[test]
fn a_binding_the_keymap_refuses_names_file_and_line() {
    let m = err("width = 80\n\n[keys]\nno_such_action = \"x\"\n");
    assert!(
        m.starts_with("my.toml:4:") && m.contains("no_such_action"),
        "{m}"
    );
}

#[test]
fn default_file_parses_back_to_the_defaults() {
    let text = config::default_file();
    let f = parse(&text).unwrap();
    let e = config::effective(&Overrides::default(), Some(&f)).unwrap();
    assert_eq!(e.settings, Settings::default());
    assert_eq!(e.theme, attache::theme::DEFAULT_THEME);
    assert_eq!(e.color, ColorMode::Auto);
    assert!(e.keys.is_empty());
    config::setup_from(&Overrides::default(), Some(&f), &ColorEnv::default()).unwrap();
    // It is commented.
    assert!(text.lines().filter(|l| l.starts_with('#')).count() > 10);

    // The commented key bindings are the defaults: uncommented, they bind
    // without a conflict and change nothing.
    let keys_start = text.find("[keys]").unwrap();
    let uncommented: String = text[..keys_start].to_string()
        + &text[keys_start..]
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.contains(" = \"") => rest,
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
    let f = parse(&uncommented).unwrap();
    let e = config::effective(&Overrides::default(), Some(&f)).unwrap();
    assert_eq!(
        e.keys.len(),
        attache::app::keymap::Keymap::action_names().len()
    );
    let setup = config::setup_from(&Overrides::default(), Some(&f), &ColorEnv::default()).unwrap();
    assert_eq!(setup.keymap, attache::app::keymap::Keymap::default());
}

#[test]
fn config_path_follows_the_environment() {
    let env = |a: Option<&str>, x: Option<&str>, h: Option<&str>| Env {
        attache_config: a.map(String::from),
        xdg_config_home: x.map(String::from),
        home: h.map(String::from),
        ..Default::default()
    };
    assert_eq!(
        config::config_path(&env(Some("/a/c.toml"), Some("/x"), Some("/h"))),
        Some((PathBuf::from("/a/c.toml"), true))
    );
    assert_eq!(
        config::config_path(&env(None, Some("/x"), Some("/h"))),
        Some((PathBuf::from("/x/attache/config.toml"), false))
    );
    assert_eq!(
        config::config_path(&env(None, None, Some("/h"))),
        Some((PathBuf::from("/h/.config/attache/config.toml"), false))
    );
    // A missing file at the default place means defaults; a missing
    // explicit file is an error.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    assert!(
        config::find_config(&env(None, Some(d), None))
            .unwrap()
            .is_none()
    );
    let missing = format!("{d}/nope.toml");
    let e = config::find_config(&env(Some(&missing), None, None)).unwrap_err();
    assert!(e.message.contains("nope.toml"));
}

#[test]
fn theme_path_in_the_file_is_relative_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/theme/scopes.tmTheme");
    std::fs::copy(&src, dir.path().join("mine.tmTheme")).unwrap();
    let cfg = dir.path().join("config.toml");
    let f = config::parse(&cfg, "theme = \"mine.tmTheme\"\ncolor = \"truecolor\"\n").unwrap();
    let s = config::setup_from(&Overrides::default(), Some(&f), &ColorEnv::default()).unwrap();
    assert_eq!(s.styles.title.bg, Some(ratatui::style::Color::Rgb(8, 8, 8)));
}

fn attache(config: &Path) -> Command {
    let mut c = Command::cargo_bin("attache").unwrap();
    c.env("ATTACHE_CONFIG", config)
        .env_remove("NO_COLOR")
        .env_remove("COLORTERM");
    c
}

#[test]
fn config_command_prints_the_default_file() {
    let out = attache(Path::new("/nonexistent/config.toml"))
        .args(["config", "--default"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, config::default_file());
}

#[test]
fn config_command_shows_values_and_their_origin() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "# mine\nwidth = 77\n").unwrap();
    let out = attache(&cfg)
        .args(["config", "--color", "never"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("width = 77"), "{text}");
    assert!(text.contains(&format!("{}:2", cfg.display())), "{text}");
    assert!(
        text.contains("color = \"never\"") && text.contains("--color"),
        "{text}"
    );
    assert!(text.contains("theme = \"attache-dark\"") && text.contains("default"));

    std::fs::write(&cfg, "width = 77\nwidht = 78\n").unwrap();
    let out = attache(&cfg).arg("config").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("{}:2", cfg.display())) && err.contains("widht"),
        "{err}"
    );
}

#[test]
fn key_bindings_override_defaults_and_conflicts_name_the_line() {
    // Replacing an action's keys works and leaves the others alone.
    let f = parse("[keys]\nhalf-down = \"<C-d>\"\nnext-quote = \"]q <F2>\"\n").unwrap();
    let setup = config::setup_from(&Overrides::default(), Some(&f), &ColorEnv::default()).unwrap();
    let rows = setup.keymap.help_rows();
    let names = attache::app::keymap::Keymap::action_names();
    let keys_of = |action: &str| {
        let i = names.iter().position(|n| *n == action).unwrap();
        rows[i].0.clone()
    };
    assert_eq!(keys_of("half-down"), "<C-d>");
    assert_eq!(keys_of("next-quote"), "]q <F2>");
    assert_ne!(keys_of("line-down"), "");

    // Two actions on one key: the second entry is the conflict.
    let m = err("width = 80\n[keys]\nsearch-next = \"<F9>\"\nsearch-prev = \"<F9>\"\n");
    assert!(
        m.starts_with("my.toml:4:") && m.contains("conflicts"),
        "{m}"
    );
    // A key another action keeps by default.
    let m = err("[keys]\nline-down = \"k\"\n");
    assert!(m.starts_with("my.toml:2:") && m.contains("line-up"), "{m}");
    // A key that does not parse.
    let m = err("[keys]\nline-down = \"<Nonsense>\"\n");
    assert!(m.starts_with("my.toml:2:"), "{m}");
}

#[test]
fn themes_command_follows_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "theme = \"attache-light\"\ncolor = \"always\"\n").unwrap();
    let out = attache(&cfg).arg("themes").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("* attache-light"), "{text}");
    assert!(
        text.contains("\x1b["),
        "color = always gives previews when piped"
    );
    // The flag wins over the file.
    let out = attache(&cfg)
        .args(["themes", "--color", "never"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains('\x1b'));
}
