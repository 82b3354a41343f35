//! Finding a theme by name or path: Attaché's own bundled themes (embedded
//! in the binary), syntect's default themes, or a `.tmTheme` file.

use std::io::Cursor;
use std::path::Path;

use syntect::highlighting::{Theme, ThemeSet};

use crate::error::{Error, Result};
use crate::model::text::visible_name;

/// The theme used when neither the command line nor the configuration names one.
pub const DEFAULT_THEME: &str = "attache-dark";

/// Attaché's own themes: (name, tmTheme source).
const BUNDLED: [(&str, &str); 2] = [
    (
        "attache-dark",
        include_str!("../../assets/themes/attache-dark.tmTheme"),
    ),
    (
        "attache-light",
        include_str!("../../assets/themes/attache-light.tmTheme"),
    ),
];

/// Where a theme comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Written for Attaché and embedded in the binary.
    Attache,
    /// One of syntect's default themes.
    Syntect,
    /// A `.tmTheme` file given by path.
    File,
}

/// The names of every theme that can be given by name, Attaché's first.
pub fn theme_names() -> Vec<(String, Origin)> {
    let mut names: Vec<(String, Origin)> = BUNDLED
        .iter()
        .map(|(n, _)| (n.to_string(), Origin::Attache))
        .collect();
    names.extend(
        ThemeSet::load_defaults()
            .themes
            .into_keys()
            .map(|n| (n, Origin::Syntect)),
    );
    names
}

/// How deep dictionaries and arrays may nest in a theme file. Real themes
/// nest four or five levels; the plist parser recurses once per level, so a
/// file nested thousands deep would overflow the stack.
pub const MAX_NESTING: usize = 64;

/// Parse a tmTheme from its text; `label` names it in the error.
pub fn parse_theme(text: &str, label: &str) -> Result<Theme> {
    if nesting_depth(text) > MAX_NESTING {
        return Err(Error::input(format!(
            "{label}: not a valid .tmTheme file: dictionaries or arrays nest more than \
             {MAX_NESTING} levels deep"
        )));
    }
    ThemeSet::load_from_reader(&mut Cursor::new(text.as_bytes()))
        .map_err(|e| Error::input(format!("{label}: not a valid .tmTheme file: {e}")))
}

/// The deepest nesting of collections in a property list, counted two ways
/// (the parser accepts XML and the old ASCII form): `<dict>` and `<array>`
/// tags, and `{`/`(` brackets. Either count may run high on odd text; it is
/// only compared with a limit far above any real theme.
fn nesting_depth(text: &str) -> usize {
    let (mut tags, mut max_tags) = (0usize, 0usize);
    let (mut brackets, mut max_brackets) = (0usize, 0usize);
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'{' | b'(' => {
                brackets += 1;
                max_brackets = max_brackets.max(brackets);
            }
            b'}' | b')' => brackets = brackets.saturating_sub(1),
            b'<' => {
                let rest = &b[i + 1..];
                let closing = rest.starts_with(b"/");
                let name = if closing { &rest[1..] } else { rest };
                let Some(len) = [&b"dict"[..], b"array"]
                    .iter()
                    .find(|n| name.starts_with(n))
                    .map(|n| n.len())
                else {
                    continue;
                };
                let tail = &name[len..];
                if tail
                    .first()
                    .is_some_and(|&c| c.is_ascii_alphanumeric() || b"-_.:".contains(&c))
                {
                    continue; // another tag (`<dictionary>`)
                }
                // `<dict>` (with attributes or not) opens, `</dict>` closes,
                // `<dict/>` is empty.
                let end = tail.iter().take(256).position(|&c| c == b'>');
                let empty = end.is_some_and(|e| e > 0 && tail[e - 1] == b'/');
                if closing {
                    tags = tags.saturating_sub(1);
                } else if !empty {
                    tags += 1;
                    max_tags = max_tags.max(tags);
                }
            }
            _ => {}
        }
    }
    max_tags.max(max_brackets)
}

fn looks_like_path(spec: &str) -> bool {
    spec.contains('/')
        || spec.contains(std::path::MAIN_SEPARATOR)
        || spec.to_ascii_lowercase().ends_with(".tmtheme")
}

/// Load a theme from a bundled name (case-insensitive) or a path to a
/// `.tmTheme` file. An unknown name, a missing file or a malformed file is an
/// input error (exit 2) that names it.
pub fn load_theme(spec: &str) -> Result<Theme> {
    let spec = spec.trim();
    let shown = visible_name(spec);
    if let Some((name, text)) = BUNDLED.iter().find(|(n, _)| n.eq_ignore_ascii_case(spec)) {
        return parse_theme(text, name);
    }
    if !looks_like_path(spec) {
        let mut set = ThemeSet::load_defaults();
        let key = set
            .themes
            .keys()
            .find(|k| k.eq_ignore_ascii_case(spec))
            .cloned();
        if let Some(theme) = key.and_then(|k| set.themes.remove(&k)) {
            return Ok(theme);
        }
        if !Path::new(spec).is_file() {
            let names: Vec<String> = theme_names().into_iter().map(|(n, _)| n).collect();
            return Err(Error::input(format!(
                "unknown theme `{shown}`: the themes are {} (or give a path to a .tmTheme file)",
                names.join(", ")
            )));
        }
    }
    let text = crate::files::read_limited(
        Path::new(spec),
        crate::files::Accept::Regular,
        crate::files::SETTINGS_LIMIT,
        "a theme file",
    )
    .map_err(|e| Error::input(format!("theme file {shown}: cannot read it: {e}")))?;
    let text = String::from_utf8(text)
        .map_err(|_| Error::input(format!("theme file {shown}: not UTF-8 text")))?;
    parse_theme(&text, &format!("theme file {shown}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_and_default_themes_load() {
        for (name, _) in theme_names() {
            let t = load_theme(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(t.settings.background.is_some() || name.contains("ansi"));
        }
        assert!(load_theme("ATTACHE-LIGHT").is_ok());
    }

    #[test]
    fn unknown_name_lists_the_themes() {
        let e = load_theme("nonesuch").unwrap_err();
        assert_eq!(e.code, 2);
        assert!(e.message.contains("nonesuch"));
        assert!(e.message.contains("attache-dark"));
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let open = "<dict><key>a</key>".repeat(30_000);
        let close = "</dict>".repeat(30_000);
        let xml = format!("<?xml version=\"1.0\"?><plist version=\"1.0\">{open}{close}</plist>");
        let e = parse_theme(&xml, "deep.tmTheme").unwrap_err();
        assert_eq!(e.code, 2);
        assert!(
            e.message.contains("deep.tmTheme") && e.message.contains("64"),
            "{}",
            e.message
        );
        let ascii = format!("{}{}", "{a = ".repeat(30_000), "}".repeat(30_000));
        assert!(
            parse_theme(&ascii, "x")
                .unwrap_err()
                .message
                .contains("nest")
        );
        let arrays = format!(
            "<plist>{}{}</plist>",
            "<array >".repeat(65),
            "</array>".repeat(65)
        );
        assert!(
            parse_theme(&arrays, "x")
                .unwrap_err()
                .message
                .contains("nest")
        );
        assert_eq!(nesting_depth("<dict/><dict></dict><array><dict a='1'>"), 2);
        assert_eq!(nesting_depth("<dict /><array\n>"), 1);
        assert_eq!(nesting_depth("<dictionary>(a)"), 1);
    }

    #[test]
    fn missing_file_is_named() {
        let e = load_theme("/no/such/dir/x.tmTheme").unwrap_err();
        assert_eq!(e.code, 2);
        assert!(
            e.message.contains("/no/such/dir/x.tmTheme"),
            "{}",
            e.message
        );
    }
}
