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

/// Parse a tmTheme from its text; `label` names it in the error.
pub fn parse_theme(text: &str, label: &str) -> Result<Theme> {
    ThemeSet::load_from_reader(&mut Cursor::new(text.as_bytes()))
        .map_err(|e| Error::input(format!("{label}: not a valid .tmTheme file: {e}")))
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
    let text = std::fs::read(spec)
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
