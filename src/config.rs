//! The configuration file: theme, colour, width, layers, panel, mouse, key
//! bindings. It exists so a reader's preferences persist between runs;
//! command-line flags override it, and it overrides the built-in defaults.
//!
//! Where it is: `$ATTACHE_CONFIG`, else `$XDG_CONFIG_HOME/attache/config.toml`,
//! else `~/.config/attache/config.toml`. A missing file at the default place
//! means defaults; a file that does not parse, an unknown key, a bad value or
//! a key binding that conflicts is an input error naming the file and line.
//!
//! The environment is an explicit input ([`Env`]) so tests never read the
//! real one.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::app::keymap::Keymap;
use crate::app::{LayerSwitches, Settings};
use crate::error::{Error, Result};
use crate::model::text::{visible_name, visible_path};
use crate::theme::{ColorDepth, ColorEnv, ColorMode, DEFAULT_THEME, Styles, color_depth};

/// What the command line says over the file: the values of the global flags,
/// as plain data, so that this layer needs no command-line types.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--topics FILE`: a topic lexicon that adds to or replaces the bundled one.
    pub topics: Option<PathBuf>,
    /// `--theme NAME|PATH`.
    pub theme: Option<String>,
    /// `--color WHEN`.
    pub color: Option<ColorMode>,
    /// `--width COLS`.
    pub width: Option<u16>,
    /// `--mouse`.
    pub mouse: bool,
}

/// The environment variables the configuration depends on, read once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    /// `NO_COLOR`, `COLORTERM`, `TERM`.
    pub color: ColorEnv,
    /// `ATTACHE_CONFIG`: an explicit configuration file.
    pub attache_config: Option<String>,
    /// `XDG_CONFIG_HOME`.
    pub xdg_config_home: Option<String>,
    /// `HOME`.
    pub home: Option<String>,
}

impl Env {
    /// Read the variables from the process environment.
    pub fn from_process() -> Self {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        Env {
            color: ColorEnv::from_process(),
            attache_config: var("ATTACHE_CONFIG"),
            xdg_config_home: var("XDG_CONFIG_HOME"),
            home: var("HOME"),
        }
    }
}

/// Where the configuration file is looked for, and whether the user named
/// it explicitly (`$ATTACHE_CONFIG`: then it must exist).
pub fn config_path(env: &Env) -> Option<(PathBuf, bool)> {
    if let Some(p) = env.attache_config.as_deref().filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    if let Some(x) = env.xdg_config_home.as_deref().filter(|p| !p.is_empty()) {
        return Some((Path::new(x).join("attache").join("config.toml"), false));
    }
    env.home
        .as_deref()
        .filter(|p| !p.is_empty())
        .map(|h| (Path::new(h).join(".config/attache/config.toml"), false))
}

/// The `[layers]` table: which annotation layers start on.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayersTable {
    /// Quote highlighting.
    pub quotes: Option<Spanned<bool>>,
    /// Speaker labels.
    pub speakers: Option<Spanned<bool>>,
    /// Entity styling.
    pub entities: Option<Spanned<bool>>,
    /// Topic markers.
    pub topics: Option<Spanned<bool>>,
    /// Notes.
    pub notes: Option<Spanned<bool>>,
}

/// The configuration file as written (every entry optional), with the
/// places of values for error messages.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// Theme name or `.tmTheme` path.
    pub theme: Option<Spanned<String>>,
    /// Colour mode: `auto`, `always`, `never`, `16`, `256`, `truecolor`.
    pub color: Option<Spanned<toml::Value>>,
    /// Reading width in columns.
    pub width: Option<Spanned<i64>>,
    /// Whether the side panel starts shown.
    pub panel: Option<Spanned<bool>>,
    /// Whether the mouse is captured.
    pub mouse: Option<Spanned<bool>>,
    /// Which layers start on.
    pub layers: Option<Spanned<LayersTable>>,
    /// Key bindings: action = "keys".
    #[serde(default)]
    pub keys: BTreeMap<String, Spanned<String>>,
}

/// A configuration file read and parsed.
#[derive(Debug)]
pub struct ConfigFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its text (for line numbers).
    pub text: String,
    /// Its entries.
    pub parsed: FileConfig,
}

impl ConfigFile {
    /// The 1-based line of a byte offset in the file.
    pub fn line_of(&self, offset: usize) -> usize {
        line_of(&self.text, offset)
    }

    fn err(&self, offset: usize, msg: impl std::fmt::Display) -> Error {
        Error::input(format!(
            "{}:{}: {msg}",
            visible_path(&self.path),
            self.line_of(offset)
        ))
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parse a configuration file's text; `path` names it in errors, which
/// carry the line (`path:LINE: reason`).
pub fn parse(path: &Path, text: &str) -> Result<ConfigFile> {
    let parsed: FileConfig = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        let mut msg = e.message().trim().to_string();
        match line {
            Some(l) => {
                let shown = text.lines().nth(l - 1).unwrap_or("").trim();
                if !shown.is_empty() && shown.chars().count() <= 80 {
                    msg = format!("{msg} (in `{}`)", visible_name(shown));
                }
                Error::input(format!("{}:{l}: {msg}", visible_path(path)))
            }
            None => Error::input(format!("{}: {msg}", visible_path(path))),
        }
    })?;
    Ok(ConfigFile {
        path: path.to_path_buf(),
        text: text.to_string(),
        parsed,
    })
}

/// Find and read the configuration file. `Ok(None)` when there is none at
/// the default place; an error when `$ATTACHE_CONFIG` names a missing file or
/// the file does not parse.
pub fn find_config(env: &Env) -> Result<Option<ConfigFile>> {
    let Some((path, explicit)) = config_path(env) else {
        return Ok(None);
    };
    let read = crate::files::read_limited(
        &path,
        crate::files::Accept::Regular,
        crate::files::SETTINGS_LIMIT,
        "a configuration file",
    );
    match read {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| {
                Error::input(format!(
                    "{}: the configuration file is not UTF-8 text",
                    visible_path(&path)
                ))
            })?;
            parse(&path, &text).map(Some)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(None),
        Err(e) => Err(Error::input(format!(
            "{}: cannot read the configuration file{}: {e}",
            visible_path(&path),
            if explicit {
                " named by ATTACHE_CONFIG"
            } else {
                ""
            }
        ))),
    }
}

/// Where an effective setting came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The built-in default.
    Default,
    /// The configuration file, at this line.
    File(usize),
    /// A command-line flag.
    Flag(&'static str),
}

impl Source {
    fn describe(&self, file: Option<&ConfigFile>) -> String {
        match (self, file) {
            (Source::Default, _) => "default".into(),
            (Source::File(l), Some(f)) => format!("{}:{l}", visible_path(&f.path)),
            (Source::File(l), None) => format!("line {l}"),
            (Source::Flag(f), _) => (*f).into(),
        }
    }
}

/// The configuration in effect: defaults, then the file, then the flags.
#[derive(Debug, Clone)]
pub struct Effective {
    /// Theme name or path.
    pub theme: String,
    /// Where the theme came from.
    pub theme_from: Source,
    /// Colour mode (`Auto` unless set).
    pub color: ColorMode,
    /// Where the colour mode came from.
    pub color_from: Source,
    /// Width, layers, panel, mouse.
    pub settings: Settings,
    /// Where the width came from.
    pub width_from: Source,
    /// Where the panel setting came from.
    pub panel_from: Source,
    /// Where the mouse setting came from.
    pub mouse_from: Source,
    /// Where each layer switch came from (quotes, speakers, entities,
    /// topics, notes): only a switch the file sets cites the file.
    pub layers_from: [Source; 5],
    /// Key bindings from the file: (action, keys, line).
    pub keys: Vec<(String, String, usize)>,
}

/// Parse a colour mode as written in the file (a string or 16/256).
fn parse_color(v: &toml::Value) -> std::result::Result<ColorMode, String> {
    let names: Vec<String> = ColorMode::ALL
        .iter()
        .map(|c| format!("\"{}\"", c.name()))
        .collect();
    let bad = |what: String| {
        format!(
            "color: {what} is not a colour mode; use one of {}",
            names.join(", ")
        )
    };
    match v {
        toml::Value::String(s) => {
            ColorMode::from_name(s.trim()).ok_or_else(|| bad(format!("\"{}\"", visible_name(s))))
        }
        toml::Value::Integer(16) => Ok(ColorMode::C16),
        toml::Value::Integer(256) => Ok(ColorMode::C256),
        other => Err(bad(other.to_string())),
    }
}

/// Smallest and largest reading width the file accepts.
pub const WIDTH_RANGE: std::ops::RangeInclusive<i64> = 10..=1000;

/// Combine the defaults, the file and the flags. Checks the file's values
/// (colour mode, width); the theme and key bindings are checked by
/// [`setup_from`].
pub fn effective(g: &Overrides, file: Option<&ConfigFile>) -> Result<Effective> {
    let mut e = Effective {
        theme: DEFAULT_THEME.to_string(),
        theme_from: Source::Default,
        color: ColorMode::Auto,
        color_from: Source::Default,
        settings: Settings::default(),
        width_from: Source::Default,
        panel_from: Source::Default,
        mouse_from: Source::Default,
        layers_from: [Source::Default; 5],
        keys: Vec::new(),
    };
    if let Some(f) = file {
        let p = &f.parsed;
        if let Some(t) = &p.theme {
            e.theme = resolve_theme_path(t.get_ref(), &f.path);
            e.theme_from = Source::File(f.line_of(t.span().start));
        }
        if let Some(c) = &p.color {
            e.color = parse_color(c.get_ref()).map_err(|m| f.err(c.span().start, m))?;
            e.color_from = Source::File(f.line_of(c.span().start));
        }
        if let Some(w) = &p.width {
            let v = *w.get_ref();
            if !WIDTH_RANGE.contains(&v) {
                return Err(f.err(
                    w.span().start,
                    format!(
                        "width: {v} is out of range; use a number of columns from {} to {}",
                        WIDTH_RANGE.start(),
                        WIDTH_RANGE.end()
                    ),
                ));
            }
            e.settings.width = v as u16;
            e.width_from = Source::File(f.line_of(w.span().start));
        }
        if let Some(b) = &p.panel {
            e.settings.panel = *b.get_ref();
            e.panel_from = Source::File(f.line_of(b.span().start));
        }
        if let Some(b) = &p.mouse {
            e.settings.mouse = *b.get_ref();
            e.mouse_from = Source::File(f.line_of(b.span().start));
        }
        if let Some(l) = &p.layers {
            let t = l.get_ref();
            let sw: &mut LayerSwitches = &mut e.settings.layers;
            for ((dst, src), from) in [
                (&mut sw.quotes, &t.quotes),
                (&mut sw.speakers, &t.speakers),
                (&mut sw.entities, &t.entities),
                (&mut sw.topics, &t.topics),
                (&mut sw.notes, &t.notes),
            ]
            .into_iter()
            .zip(e.layers_from.iter_mut())
            {
                if let Some(v) = src {
                    *dst = *v.get_ref();
                    *from = Source::File(f.line_of(v.span().start));
                }
            }
        }
        e.keys = p
            .keys
            .iter()
            .map(|(a, k)| (a.clone(), k.get_ref().clone(), f.line_of(k.span().start)))
            .collect();
        e.keys.sort_by_key(|k| k.2);
    }
    if let Some(t) = &g.theme {
        e.theme = t.clone();
        e.theme_from = Source::Flag("--theme");
    }
    if let Some(c) = g.color {
        e.color = c;
        e.color_from = Source::Flag("--color");
    }
    if let Some(w) = g.width {
        e.settings.width = w;
        e.width_from = Source::Flag("--width");
    }
    if g.mouse {
        e.settings.mouse = true;
        e.mouse_from = Source::Flag("--mouse");
    }
    Ok(e)
}

/// A theme path written in the file is relative to the file's folder
/// (`~/` is the home folder); a theme name stays as it is.
fn resolve_theme_path(spec: &str, config: &Path) -> String {
    let is_path = spec.contains('/') || spec.to_ascii_lowercase().ends_with(".tmtheme");
    if !is_path {
        return spec.to_string();
    }
    if let Some(rest) = spec.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return Path::new(&home).join(rest).display().to_string();
    }
    let p = Path::new(spec);
    if p.is_absolute() {
        return spec.to_string();
    }
    match config.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(p).display().to_string(),
        _ => spec.to_string(),
    }
}

/// Everything the reader takes from the command line and the configuration file.
#[derive(Debug, Clone, Default)]
pub struct ReaderSetup {
    /// Width, layers, panel, mouse.
    pub settings: crate::app::Settings,
    /// Resolved styles for the theme and colour depth.
    pub styles: crate::theme::Styles,
    /// Key bindings with the user's overrides.
    pub keymap: crate::app::keymap::Keymap,
    /// Whether output that is not a terminal gets colour too (`--color
    /// always` or an explicit depth, unless `NO_COLOR` wins).
    pub pipe_color: bool,
    /// The width piped plain text is wrapped to: the reading width when
    /// `--width` or the configuration file sets it, else none.
    pub pipe_width: Option<u16>,
}

/// Build the reader's setup from the flags, a colour environment and an
/// already-read configuration file. Theme and key-binding errors from the
/// file name the file and line.
pub fn setup_from(
    g: &Overrides,
    file: Option<&ConfigFile>,
    color: &ColorEnv,
) -> Result<ReaderSetup> {
    let eff = effective(g, file)?;
    // The reader draws on a terminal; `render --ansi` shows what it would draw.
    let depth = color_depth(Some(eff.color), color, true);
    let styles =
        Styles::for_theme(Some(&eff.theme), depth).map_err(|e| match (&eff.theme_from, file) {
            (Source::File(l), Some(f)) => Error::input(format!(
                "{}:{l}: theme: {}",
                visible_path(&f.path),
                e.message
            )),
            _ => e,
        })?;
    let mut keymap = Keymap::default();
    if let Some(f) = file {
        for (action, keys, line) in &eff.keys {
            keymap.bind(action, keys).map_err(|reason| {
                Error::input(format!(
                    "{}:{line}: [keys] {} = \"{}\": {reason}",
                    visible_path(&f.path),
                    visible_name(action),
                    visible_name(keys)
                ))
            })?;
        }
    }
    let pipe_width = (!matches!(eff.width_from, Source::Default)).then_some(eff.settings.width);
    Ok(ReaderSetup {
        settings: eff.settings,
        styles,
        keymap,
        pipe_color: color_depth(Some(eff.color), color, false) != ColorDepth::None,
        pipe_width,
    })
}

/// Build the reader's setup from the flags, the environment (`NO_COLOR`,
/// `COLORTERM`) and the configuration file.
pub fn reader_setup(g: &Overrides) -> Result<ReaderSetup> {
    let env = Env::from_process();
    let file = find_config(&env)?;
    setup_from(g, file.as_ref(), &env.color)
}

/// The commented default configuration file (`attache config --default`).
/// It parses back to the defaults.
pub fn default_file() -> String {
    let s = Settings::default();
    let mut o = String::new();
    let _ = write!(
        o,
        r#"# Attaché configuration file.
#
# Attaché reads it from $ATTACHE_CONFIG, else $XDG_CONFIG_HOME/attache/config.toml,
# else ~/.config/attache/config.toml. Command-line flags override it.
# Every entry is optional: delete what you do not change.

# Colour theme: a name from `attache themes`, or a path to a .tmTheme file
# (relative to this file's folder).
theme = "{DEFAULT_THEME}"

# When to use colour: "auto" (colour on a terminal unless NO_COLOR is set;
# 24-bit when COLORTERM is truecolor or 24bit, else 256 colours), "always",
# "never" (bold, underline and reverse only), "16", "256" or "truecolor".
color = "auto"

# Reading width in columns (the pane width when that is smaller).
width = {width}

# Whether the side panel (tabs: speakers, topics, outline) starts shown.
panel = {panel}

# Capture the mouse: the wheel scrolls, clicks select.
mouse = {mouse}

# Which annotation layers start on (keys z1 to z5 switch them in the reader;
# reported speech, z6, always starts on).
[layers]
quotes = {quotes}
speakers = {speakers}
entities = {entities}
topics = {topics}
notes = {notes}

# Key bindings: action = "keys". Each entry replaces that action's default
# keys; the others keep theirs. Keys are written like `]q`, `<C-d>`, `<Esc>`;
# several alternatives are separated by spaces.
[keys]
"#,
        width = s.width,
        panel = s.panel,
        mouse = s.mouse,
        quotes = s.layers.quotes,
        speakers = s.layers.speakers,
        entities = s.layers.entities,
        topics = s.layers.topics,
        notes = s.layers.notes,
    );
    let actions = Keymap::action_names();
    let rows = Keymap::default().help_rows();
    if actions.is_empty() {
        o.push_str("# (no bindable actions yet)\n");
    }
    o.push_str("# The defaults, commented out:\n");
    for (action, (keys, help)) in actions.iter().zip(rows) {
        let value = toml::Value::String(keys).to_string();
        let entry = format!("# {action} = {value}");
        let _ = writeln!(o, "{entry:<44} # {help}");
    }
    o
}

/// The effective configuration as a TOML file, each value commented with
/// where it came from (`attache config`).
pub fn effective_text(eff: &Effective, file: Option<&ConfigFile>, env: &Env) -> String {
    let mut o = String::new();
    o.push_str("# Effective configuration (defaults < configuration file < flags).\n");
    match (file, config_path(env)) {
        (Some(f), _) => {
            let _ = writeln!(o, "# Configuration file: {}", visible_path(&f.path));
        }
        (None, Some((p, _))) => {
            let _ = writeln!(
                o,
                "# Configuration file: {} (not found: defaults)",
                visible_path(&p)
            );
        }
        (None, None) => o.push_str("# Configuration file: none (HOME is not set)\n"),
    }
    let depth = match color_depth(Some(eff.color), &env.color, true) {
        ColorDepth::None => "no colour",
        ColorDepth::Ansi16 => "16 colours",
        ColorDepth::Ansi256 => "256 colours",
        ColorDepth::TrueColor => "24-bit colour",
    };
    let s = &eff.settings;
    let src = |x: &Source| x.describe(file);
    let mut line = |k: &str, v: String, from: &Source| {
        let entry = format!("{k} = {v}");
        let _ = writeln!(o, "{entry:<28} # {}", src(from));
    };
    line("theme", format!("{:?}", eff.theme), &eff.theme_from);
    line(
        "color",
        format!("\"{}\"", eff.color.name()),
        &eff.color_from,
    );
    let _ = writeln!(o, "{:<28} # on a terminal here: {depth}", "");
    let mut line = |k: &str, v: String, from: &Source| {
        let entry = format!("{k} = {v}");
        let _ = writeln!(o, "{entry:<28} # {}", src(from));
    };
    line("width", s.width.to_string(), &eff.width_from);
    line("panel", s.panel.to_string(), &eff.panel_from);
    line("mouse", s.mouse.to_string(), &eff.mouse_from);
    o.push_str("\n[layers]\n");
    let l = &s.layers;
    for ((k, v), from) in [
        ("quotes", l.quotes),
        ("speakers", l.speakers),
        ("entities", l.entities),
        ("topics", l.topics),
        ("notes", l.notes),
    ]
    .iter()
    .zip(&eff.layers_from)
    {
        let entry = format!("{k} = {v}");
        let _ = writeln!(o, "{entry:<28} # {}", src(from));
    }
    o.push_str("\n[keys]\n");
    if eff.keys.is_empty() {
        o.push_str("# (all default)\n");
    }
    for (a, k, line) in &eff.keys {
        let entry = format!("{a} = {k:?}");
        let _ = writeln!(o, "{entry:<28} # {}", src(&Source::File(*line)));
    }
    o
}
