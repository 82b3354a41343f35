//! Themes: scope lookup per annotation kind, fallbacks for themes that style
//! none of our scopes, speaker contrast, colour depths, NO_COLOR, and the
//! `themes` command.

use std::path::PathBuf;

use assert_cmd::Command;
use attache::theme::color::{ANSI16, contrast, rgb_of_color};
use attache::theme::{ColorDepth, Styles, load_theme, styles_from_theme};
use ratatui::style::{Color, Modifier, Style};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/theme")
        .join(name)
}

fn fixture_styles(name: &str, depth: ColorDepth) -> Styles {
    let path = fixture(name);
    let theme = load_theme(path.to_str().unwrap()).unwrap();
    styles_from_theme(&theme, depth)
}

fn grey(v: u8) -> Option<Color> {
    Some(Color::Rgb(v, v, v))
}

#[test]
fn every_annotation_kind_is_looked_up_by_its_scope() {
    let s = fixture_styles("scopes.tmTheme", ColorDepth::TrueColor);
    // The fixture gives each scope its own background #NNNNNN.
    let cases: [(&str, Style, u8); 17] = [
        ("meta.quote.selected", s.selected_quote, 1),
        ("meta.quote.unknown", s.unknown_speaker, 2),
        ("entity.name.person", s.person, 3),
        ("entity.name.place", s.place, 4),
        ("entity.name.organization", s.organisation, 5),
        ("meta.topic", s.topic, 6),
        ("markup.heading.section", s.heading, 7),
        ("markup.heading.title", s.title, 8),
        ("comment.meta", s.meta, 9),
        ("markup.search", s.search, 10),
        ("markup.search.current", s.search_current, 11),
        ("ui.panel", s.panel, 12),
        ("ui.panel.selected", s.panel_selected, 13),
        ("ui.panel.border", s.panel_border, 14),
        ("ui.status", s.status, 15),
        ("ui.popup", s.popup, 16),
        ("invalid.control", s.control, 17),
    ];
    for (scope, style, v) in cases {
        assert_eq!(style.bg, grey(v), "{scope}");
    }
    // meta.quote.speaker.N for N = 0, 1, 2.
    assert_eq!(s.speakers[0].fg, Some(Color::Rgb(0x10, 0, 0)));
    assert_eq!(s.speakers[1].fg, Some(Color::Rgb(0x30, 0, 0)));
    assert_eq!(s.speakers[2].fg, Some(Color::Rgb(0x50, 0, 0)));
    assert_eq!(s.base.fg, Some(Color::Rgb(0, 0, 0)));
    assert_eq!(s.base.bg, Some(Color::Rgb(255, 255, 255)));
}

fn distinct_readable_speakers(s: &Styles) {
    let bg = rgb_of_color(s.base.bg.expect("the pane has the theme's background")).unwrap();
    assert!(
        s.speakers.len() >= 5,
        "{} speaker colours",
        s.speakers.len()
    );
    for (i, a) in s.speakers.iter().enumerate() {
        let fg = rgb_of_color(a.fg.expect("speaker colour")).unwrap();
        assert!(contrast(fg, bg) >= 4.5, "speaker {i}: {fg:?} on {bg:?}");
        for b in &s.speakers[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[test]
fn a_theme_without_our_scopes_still_gives_distinct_readable_speakers() {
    let s = fixture_styles("code-only.tmTheme", ColorDepth::TrueColor);
    distinct_readable_speakers(&s);
    assert_eq!(s.base.fg, Some(Color::Rgb(0xe0, 0xe0, 0xe0)));
    assert_eq!(s.base.bg, Some(Color::Rgb(0x20, 0x20, 0x20)));
    // States stay visible through modifiers and the theme's colours.
    assert_ne!(s.search, s.search_current);
    assert_ne!(s.selected_quote, Style::new());
    assert!(s.heading.add_modifier.contains(Modifier::BOLD));
    // The code theme's `comment` rule is what header lines (comment.meta) use.
    assert_eq!(s.meta.fg, Some(Color::Rgb(0x70, 0x70, 0x70)));
}

#[test]
fn every_named_theme_has_distinct_readable_speakers() {
    for (name, _) in attache::theme::theme_names() {
        let t = load_theme(&name).unwrap();
        // Also after rounding to the 256-colour palette.
        for depth in [ColorDepth::TrueColor, ColorDepth::Ansi256] {
            let s = styles_from_theme(&t, depth);
            distinct_readable_speakers(&s);
        }
    }
}

#[test]
fn speakers_beyond_the_palette_cycle_with_a_modifier() {
    let s = fixture_styles("code-only.tmTheme", ColorDepth::TrueColor);
    let n = s.speakers.len();
    assert_eq!(s.speaker(0), s.speakers[0]);
    assert_eq!(s.speaker(n).fg, s.speakers[0].fg);
    assert!(s.speaker(n).add_modifier.contains(Modifier::ITALIC));
    assert!(s.speaker(2 * n).add_modifier.contains(Modifier::UNDERLINED));
    let all: Vec<Style> = (0..3 * n).map(|i| s.speaker(i)).collect();
    for (i, a) in all.iter().enumerate() {
        assert!(!all[i + 1..].contains(a), "speaker {i} repeats");
    }
    // Stable: the same index always gives the same style.
    assert_eq!(s.speaker(5), s.speaker(5));
}

#[test]
fn low_contrast_theme_speaker_colours_are_adjusted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dim.tmTheme");
    let text = std::fs::read_to_string(fixture("scopes.tmTheme"))
        .unwrap()
        .replace("#FFFFFF", "#101010");
    std::fs::write(&path, text).unwrap();
    let t = load_theme(path.to_str().unwrap()).unwrap();
    let s = styles_from_theme(&t, ColorDepth::TrueColor);
    // Speaker colours #100000.. are nearly invisible on #101010: lightened.
    for st in &s.speakers {
        let fg = rgb_of_color(st.fg.unwrap()).unwrap();
        assert!(contrast(fg, [0x10, 0x10, 0x10]) >= 4.5, "{fg:?}");
    }
}

fn all_styles(s: &Styles) -> Vec<Style> {
    let mut v = vec![
        s.base,
        s.unknown_speaker,
        s.selected_quote,
        s.dimmed,
        s.person,
        s.place,
        s.organisation,
        s.topic,
        s.heading,
        s.title,
        s.meta,
        s.search,
        s.search_current,
        s.panel,
        s.panel_selected,
        s.panel_border,
        s.status,
        s.popup,
        s.control,
    ];
    v.extend(s.speakers.iter().copied());
    v
}

#[test]
fn colour_256_uses_the_palette_and_16_uses_ansi_colours() {
    let t = load_theme("attache-dark").unwrap();
    let s = styles_from_theme(&t, ColorDepth::Ansi256);
    for st in all_styles(&s) {
        for c in [st.fg, st.bg].into_iter().flatten() {
            assert!(matches!(c, Color::Indexed(_)), "{c:?}");
        }
    }
    let s = styles_from_theme(&t, ColorDepth::Ansi16);
    for st in all_styles(&s) {
        for c in [st.fg, st.bg].into_iter().flatten() {
            assert!(!matches!(c, Color::Indexed(_) | Color::Rgb(..)), "{c:?}");
        }
    }
    assert_eq!(s.base.bg, Some(Color::Black));
    // Speakers stay distinct and differ from the background in 16 colours.
    let bg = ANSI16[0];
    for (i, a) in s.speakers.iter().enumerate() {
        assert!(contrast(rgb_of_color(a.fg.unwrap()).unwrap(), bg) >= 3.0);
        assert!(!s.speakers[i + 1..].contains(a));
    }
}

#[test]
fn no_color_styles_have_no_colour_but_distinct_states() {
    let s = Styles::for_theme(Some("attache-light"), ColorDepth::None).unwrap();
    for st in all_styles(&s) {
        assert_eq!(st.fg, None);
        assert_eq!(st.bg, None);
    }
    let states = [
        s.selected_quote,
        s.search,
        s.search_current,
        s.heading,
        s.panel_selected,
    ];
    for st in states {
        assert_ne!(st.add_modifier, Modifier::empty());
    }
    assert_ne!(s.search, s.search_current);
    assert_ne!(s.selected_quote, s.search);
    assert_ne!(s.selected_quote, s.heading);
    assert!(s.status.add_modifier.contains(Modifier::REVERSED));
}

#[test]
fn theme_by_path_and_errors_name_the_file() {
    let ok = fixture("scopes.tmTheme");
    assert!(load_theme(ok.to_str().unwrap()).is_ok());
    let bad = fixture("malformed.tmTheme");
    let e = load_theme(bad.to_str().unwrap()).unwrap_err();
    assert_eq!(e.code, 2);
    assert!(e.message.contains("malformed.tmTheme"), "{}", e.message);
}

fn attache() -> Command {
    let mut c = Command::cargo_bin("attache").unwrap();
    c.env_remove("NO_COLOR")
        .env_remove("COLORTERM")
        .env_remove("ATTACHE_CONFIG")
        .env("XDG_CONFIG_HOME", fixture("no-config-here"));
    c
}

#[test]
fn themes_command_lists_every_theme() {
    let out = attache().arg("themes").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for name in [
        "attache-dark",
        "attache-light",
        "Solarized (dark)",
        "InspiredGitHub",
    ] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
    // Piped: no escape codes.
    assert!(!text.contains('\x1b'));

    // A theme file given with --theme is listed too.
    let path = fixture("code-only.tmTheme");
    let out = attache()
        .args(["themes", "--theme", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("code-only.tmTheme  dark, file"), "{text}");
}

#[test]
fn themes_command_previews_in_colour_when_forced() {
    let out = attache()
        .args(["themes", "--color", "always"])
        .env("COLORTERM", "truecolor")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // attache-dark's first speaker colour, in 24-bit.
    assert!(text.contains("38;2;86;180;233"), "{text}");
}

#[test]
fn theme_flag_with_a_path_and_a_bad_theme() {
    let bad = fixture("malformed.tmTheme");
    let out = attache()
        .args(["config", "--theme", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("malformed.tmTheme"), "{err}");

    let good = fixture("scopes.tmTheme");
    let out = attache()
        .args(["config", "--theme", good.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("scopes.tmTheme") && text.contains("--theme"),
        "{text}"
    );

    let out = attache()
        .args(["config", "--theme", "no-such-theme"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no-such-theme")
    );
}

#[test]
fn terminal_palette_themes_use_the_users_colours() {
    // bat's convention: alpha 00 = palette index in red, alpha 01 = default.
    let s = fixture_styles("ansi.tmTheme", ColorDepth::Ansi256);
    assert_eq!(s.base.fg, None);
    assert_eq!(s.base.bg, None);
    assert_eq!(s.speakers[0].fg, Some(Color::Green));
    assert_eq!(s.speakers[1].fg, Some(Color::Blue));
    assert_eq!(s.speakers[2].fg, Some(Color::Magenta));
    assert_eq!(s.heading.fg, Some(Color::Yellow));
    assert!(s.heading.add_modifier.contains(Modifier::BOLD));
}

/// The SGR parameters of every `ESC [ … m` sequence in `text`.
fn sgr_params(text: &str) -> Vec<u16> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("\x1b[") {
        rest = &rest[i + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            out.extend(rest[..end].split(';').filter_map(|p| p.parse::<u16>().ok()));
        }
        rest = &rest[end..];
    }
    out
}

fn is_colour_param(p: u16) -> bool {
    matches!(p, 30..=39 | 40..=49 | 90..=97 | 100..=107)
}

fn render(args: &[&str], no_color: Option<&str>) -> String {
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/zinoviev-interview.txt");
    let mut c = attache();
    c.arg("render")
        .arg(&sample)
        .args(["--ansi", "--size", "100x30", "--keys", "]q /Korea<Enter>"])
        .args(args);
    if let Some(v) = no_color {
        c.env("NO_COLOR", v);
    }
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_frame_without_colour_has_only_attributes() {
    for (args, no_color) in [
        (&["--color", "never"][..], None),
        (&[][..], Some("1")),
        (&["--theme", "attache-light", "--color", "never"][..], None),
    ] {
        let frame = render(args, no_color);
        let params = sgr_params(&frame);
        assert!(
            !params.iter().any(|&p| is_colour_param(p)),
            "{args:?}: colour codes in {params:?}"
        );
        // The selected quote and the search hits still show: bold, underline, reverse.
        for attr in [1, 4, 7] {
            assert!(params.contains(&attr), "{args:?}: no SGR {attr}");
        }
    }
}

#[test]
fn a_frame_in_colour_follows_the_depth() {
    let truecolor = render(&["--color", "truecolor"], None);
    assert!(truecolor.contains("38;2;"), "no 24-bit colour");
    let c256 = render(&["--color", "256"], None);
    assert!(c256.contains("38;5;") && !c256.contains("38;2;"));
    let c16 = render(&["--color", "16"], None);
    let params = sgr_params(&c16);
    assert!(!c16.contains("38;5;") && !c16.contains("38;2;"));
    assert!(params.iter().any(|&p| is_colour_param(p)));
    // --color always (or an explicit depth) wins over NO_COLOR.
    let forced = render(&["--color", "256"], Some("1"));
    assert!(forced.contains("38;5;"));
}
