//! Key bindings: which key sequence triggers which command. Defaults follow
//! less and vim; the configuration file overrides them entry by entry.
//!
//! Keys are described in a small notation shared by the configuration file,
//! `attache render --keys` and the help popup: plain characters stand for
//! themselves (`]q` is `]` then `q`), and names in angle brackets stand for
//! the others (`<C-d>`, `<A-x>`, `<Space>`, `<Enter>`, `<Esc>`, `<Tab>`,
//! `<S-Tab>`, `<BS>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PageUp>`,
//! `<PageDown>`, `<Home>`, `<End>`, `<Del>`, `<F1>`…`<F12>`, `<lt>` for `<`).
//! A binding may list several sequences separated by spaces: `"j <Down>"`.
//!
//! This module knows no terminal library: the event loop translates terminal
//! events into [`Key`]s.

use std::fmt;

use super::state::Layer;

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// Which key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
    /// Alt (Meta) held.
    pub alt: bool,
}

/// Key codes the reader understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    /// A printable character (shift is already applied: `G`, `?`).
    Char(char),
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Delete.
    Delete,
    /// Insert.
    Insert,
    /// Function key `F(n)`.
    F(u8),
}

impl Key {
    /// A key with no modifier.
    pub const fn plain(code: KeyCode) -> Self {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// A printable character with no modifier.
    pub const fn char(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }

    /// Control + character.
    pub const fn ctrl(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char('<') => "lt".to_string(),
            KeyCode::Char(c) if !self.ctrl && !self.alt => return write!(f, "{c}"),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Backspace => "BS".into(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::PageUp => "PageUp".into(),
            KeyCode::PageDown => "PageDown".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Insert => "Insert".into(),
            KeyCode::F(n) => format!("F{n}"),
        };
        let c = if self.ctrl { "C-" } else { "" };
        let a = if self.alt { "A-" } else { "" };
        write!(f, "<{c}{a}{name}>")
    }
}

/// Format a key sequence in the notation `parse_keys` reads.
pub fn format_keys(keys: &[Key]) -> String {
    keys.iter().map(|k| k.to_string()).collect()
}

fn named_key(name: &str) -> Result<Key, String> {
    let mut rest = name;
    let mut key = Key::plain(KeyCode::Esc);
    let (mut ctrl, mut alt) = (false, false);
    loop {
        let lower = rest.to_ascii_lowercase();
        if rest.len() > 2 && (lower.starts_with("c-")) {
            ctrl = true;
            rest = &rest[2..];
        } else if rest.len() > 2 && (lower.starts_with("a-") || lower.starts_with("m-")) {
            alt = true;
            rest = &rest[2..];
        } else {
            break;
        }
    }
    let lower = rest.to_ascii_lowercase();
    key.code = match lower.as_str() {
        "space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        "gt" => KeyCode::Char('>'),
        "enter" | "cr" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "s-tab" | "backtab" => KeyCode::BackTab,
        "bs" | "backspace" => KeyCode::Backspace,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" | "pagedn" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "del" | "delete" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        _ => {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() => {
                    // `<C-D>` means the same as `<C-d>`.
                    KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
                }
                _ => match lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n) if (1..=24).contains(&n) => KeyCode::F(n),
                    _ => return Err(format!("unknown key name <{name}>")),
                },
            }
        }
    };
    key.ctrl = ctrl;
    key.alt = alt;
    Ok(key)
}

/// Parse one key sequence without spaces, such as `]q`, `<C-d>` or `/Korea<Enter>`.
pub fn parse_sequence(token: &str) -> Result<Vec<Key>, String> {
    let mut keys = Vec::new();
    let mut rest = token;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(close) = rest[1..].find('>')
            && close > 0
        {
            keys.push(named_key(&rest[1..1 + close])?);
            rest = &rest[close + 2..];
            continue;
        }
        if c.is_control() {
            return Err(format!("control character U+{:04X} in a key", c as u32));
        }
        keys.push(Key::char(c));
        rest = &rest[c.len_utf8()..];
    }
    if keys.is_empty() {
        return Err("empty key sequence".into());
    }
    Ok(keys)
}

/// Parse a space-separated list of key sequences (`"j <Down>"`).
pub fn parse_keys(list: &str) -> Result<Vec<Vec<Key>>, String> {
    let seqs: Vec<Vec<Key>> = list
        .split_whitespace()
        .map(parse_sequence)
        .collect::<Result<_, _>>()?;
    if seqs.is_empty() {
        return Err("no keys given".into());
    }
    Ok(seqs)
}

/// Everything the reader can be asked to do from the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Scroll one line down (panel: next row).
    LineDown,
    /// Scroll one line up (panel: previous row).
    LineUp,
    /// Scroll a page down.
    PageDown,
    /// Scroll a page up.
    PageUp,
    /// Scroll half a page down.
    HalfDown,
    /// Scroll half a page up.
    HalfUp,
    /// Go to the start.
    Top,
    /// Go to the end.
    Bottom,
    /// Next section.
    NextSection,
    /// Previous section.
    PrevSection,
    /// Next quote (within the filter).
    NextQuote,
    /// Previous quote (within the filter).
    PrevQuote,
    /// Next quote or reported statement (reported speech included).
    NextStatement,
    /// Previous quote or reported statement (reported speech included).
    PrevStatement,
    /// Next quote by the selected quote's speaker.
    NextSameSpeaker,
    /// Previous quote by the selected quote's speaker.
    PrevSameSpeaker,
    /// Next transcript turn.
    NextTurn,
    /// Previous transcript turn.
    PrevTurn,
    /// Next question (or moderator turn) of a transcript.
    NextQuestion,
    /// Previous question (or moderator turn) of a transcript.
    PrevQuestion,
    /// With a count N: go to N percent of the document.
    Percent,
    /// Start a search.
    Search,
    /// Next search hit (next quote when no search is active).
    SearchNext,
    /// Previous search hit (previous quote when no search is active).
    SearchPrev,
    /// Toggle one annotation layer.
    ToggleLayer(Layer),
    /// All layers on.
    AllLayers,
    /// Show or hide the gold layer (`--gold`).
    ToggleGold,
    /// Show the outline tab and focus the panel.
    Outline,
    /// Show or hide the side panel.
    TogglePanel,
    /// Move focus between the reading pane and the panel.
    Focus,
    /// Next panel tab.
    NextTab,
    /// Previous panel tab.
    PrevTab,
    /// Activate the panel row (filter by speaker or topic, jump to section).
    Select,
    /// Switch the filter between dimming the others and showing only its
    /// paragraphs.
    FilterOnly,
    /// Clear the search, then the filter.
    Clear,
    /// Show the help popup.
    Help,
    /// Quit.
    Quit,
    /// Narrower reading width.
    Narrower,
    /// Wider reading width.
    Wider,
    /// Show the selected quote's details in a popup.
    Details,
    /// Copy the selected quote (or the visual selection) with its citation.
    Copy,
    /// Copy the selected quote's (or the visual selection's) exact words.
    CopyExact,
    /// Start (or leave) a charwise visual selection.
    Visual,
    /// Start (or leave) a visual selection of whole lines.
    VisualLines,
    /// Visual mode: to the start of the next word.
    WordNext,
    /// Visual mode: to the start of the previous word.
    WordBack,
    /// Visual mode: to the end of the word.
    WordEnd,
    /// Visual mode: to the start of the screen line.
    LineStart,
    /// Visual mode: to the end of the screen line.
    LineEnd,
    /// Add a note on the selected quote (a one-line prompt).
    AddNote,
    /// Highlight the selected quote.
    Highlight,
    /// Open the correction menu for the selected quote.
    Correct,
    /// Set a mark (then a letter a–z).
    SetMark,
    /// Go to a mark (then its letter).
    JumpMark,
    /// Delete the selected row of the Notes or Orphans tab.
    DeleteNote,
}

/// One bindable action: its name, command, description and default keys.
struct ActionDef {
    name: &'static str,
    command: Command,
    help: &'static str,
    keys: &'static str,
    /// Bound in visual mode only, where its keys take precedence over the
    /// same keys of the other actions (`b` is a word back there, not a page).
    visual: bool,
}

const fn def(
    name: &'static str,
    command: Command,
    help: &'static str,
    keys: &'static str,
) -> ActionDef {
    ActionDef {
        name,
        command,
        help,
        keys,
        visual: false,
    }
}

/// An action of visual mode only (see [`ActionDef::visual`]).
const fn vdef(
    name: &'static str,
    command: Command,
    help: &'static str,
    keys: &'static str,
) -> ActionDef {
    ActionDef {
        name,
        command,
        help,
        keys,
        visual: true,
    }
}

const ACTIONS: &[ActionDef] = &[
    def(
        "line-down",
        Command::LineDown,
        "line down",
        "j <Down> <C-e> <C-n>",
    ),
    def("line-up", Command::LineUp, "line up", "k <Up> <C-y> <C-p>"),
    def(
        "page-down",
        Command::PageDown,
        "page down",
        "<Space> <PageDown> f <C-f>",
    ),
    def("page-up", Command::PageUp, "page up", "b <PageUp> <C-b>"),
    def("half-down", Command::HalfDown, "half page down", "<C-d> d"),
    def("half-up", Command::HalfUp, "half page up", "<C-u> u"),
    def(
        "top",
        Command::Top,
        "start of the document (10g: line 10)",
        "g <Home> <lt>",
    ),
    def(
        "bottom",
        Command::Bottom,
        "end of the document (10G: line 10)",
        "G <End> >",
    ),
    def(
        "percent",
        Command::Percent,
        "50%: half-way through the document",
        "%",
    ),
    def(
        "next-section",
        Command::NextSection,
        "next section (transcript: next exchange)",
        "]] }",
    ),
    def(
        "prev-section",
        Command::PrevSection,
        "previous section (transcript: exchange)",
        "[[ {",
    ),
    def(
        "next-turn",
        Command::NextTurn,
        "next turn of a transcript",
        "]t",
    ),
    def("prev-turn", Command::PrevTurn, "previous turn", "[t"),
    def(
        "next-question",
        Command::NextQuestion,
        "next question (or moderator turn)",
        "]?",
    ),
    def(
        "prev-question",
        Command::PrevQuestion,
        "previous question",
        "[?",
    ),
    def("next-quote", Command::NextQuote, "next quote", "]q"),
    def("prev-quote", Command::PrevQuote, "previous quote", "[q p"),
    def(
        "next-statement",
        Command::NextStatement,
        "next quote or reported speech",
        "]r",
    ),
    def(
        "prev-statement",
        Command::PrevStatement,
        "previous quote or reported speech",
        "[r",
    ),
    def(
        "next-same-speaker",
        Command::NextSameSpeaker,
        "next quote by the same speaker",
        "]s",
    ),
    def(
        "prev-same-speaker",
        Command::PrevSameSpeaker,
        "previous quote by the same speaker",
        "[s",
    ),
    def(
        "search",
        Command::Search,
        "search (Enter keeps, Esc clears)",
        "/",
    ),
    def(
        "search-next",
        Command::SearchNext,
        "next hit (no search: next quote)",
        "n",
    ),
    def(
        "search-prev",
        Command::SearchPrev,
        "previous hit (no search: previous quote)",
        "N",
    ),
    def(
        "layer-quotes",
        Command::ToggleLayer(Layer::Quotes),
        "layer 1: quotes",
        "z1",
    ),
    def(
        "layer-speakers",
        Command::ToggleLayer(Layer::Speakers),
        "layer 2: speaker labels",
        "z2",
    ),
    def(
        "layer-entities",
        Command::ToggleLayer(Layer::Entities),
        "layer 3: people, places, organisations",
        "z3",
    ),
    def(
        "layer-topics",
        Command::ToggleLayer(Layer::Topics),
        "layer 4: topics",
        "z4",
    ),
    def(
        "layer-notes",
        Command::ToggleLayer(Layer::Notes),
        "layer 5: notes",
        "z5",
    ),
    def(
        "layer-reported",
        Command::ToggleLayer(Layer::Reported),
        "layer 6: reported speech",
        "z6",
    ),
    def(
        "layer-gold",
        Command::ToggleGold,
        "layer 7: gold annotations (--gold FILE.ann)",
        "z7",
    ),
    def("layers-all", Command::AllLayers, "all layers on", "z0"),
    def("outline", Command::Outline, "open the outline", "o"),
    def(
        "toggle-panel",
        Command::TogglePanel,
        "show or hide the side panel",
        "s",
    ),
    def(
        "focus",
        Command::Focus,
        "focus: reading pane / side panel",
        "<Tab> <S-Tab>",
    ),
    def(
        "next-tab",
        Command::NextTab,
        "next panel tab",
        "l L <Right>",
    ),
    def(
        "prev-tab",
        Command::PrevTab,
        "previous panel tab",
        "H <Left>",
    ),
    def(
        "select",
        Command::Select,
        "panel: filter by speaker/topic, go to section (pane: line down)",
        "<Enter>",
    ),
    def(
        "filter-only",
        Command::FilterOnly,
        "filter: show only its paragraphs / dim the others",
        "&",
    ),
    def(
        "clear",
        Command::Clear,
        "leave the selection, else clear the search, then the filter",
        "<Esc>",
    ),
    def("help", Command::Help, "this help", "? <F1>"),
    def("quit", Command::Quit, "quit", "q <C-c>"),
    def("narrower", Command::Narrower, "narrower text", "-"),
    def("wider", Command::Wider, "wider text", "+ ="),
    def(
        "details",
        Command::Details,
        "details of the selected quote (Esc closes)",
        "i",
    ),
    def(
        "copy",
        Command::Copy,
        "copy the quote or selection with its citation (OSC 52)",
        "y",
    ),
    def(
        "copy-exact",
        Command::CopyExact,
        "copy the quote's or selection's exact words only",
        "Y",
    ),
    def(
        "visual",
        Command::Visual,
        "select text from the quote or the top (v/Esc leaves)",
        "v",
    ),
    def(
        "visual-lines",
        Command::VisualLines,
        "select whole lines",
        "V",
    ),
    vdef("word-next", Command::WordNext, "visual: next word", "w"),
    vdef("word-back", Command::WordBack, "visual: previous word", "b"),
    vdef("word-end", Command::WordEnd, "visual: end of the word", "e"),
    vdef(
        "line-start",
        Command::LineStart,
        "visual: start of the screen line",
        "0",
    ),
    vdef(
        "line-end",
        Command::LineEnd,
        "visual: end of the screen line",
        "$",
    ),
    def(
        "add-note",
        Command::AddNote,
        "note on the selected quote (a prompt)",
        "a",
    ),
    def(
        "highlight",
        Command::Highlight,
        "highlight the selected quote",
        "h",
    ),
    def(
        "correct",
        Command::Correct,
        "correct the selected quote: speaker, not a quote, kind…",
        "c",
    ),
    def("set-mark", Command::SetMark, "m{a-z}: set a mark here", "m"),
    def("jump-mark", Command::JumpMark, "'{a-z}: go to a mark", "'"),
    def(
        "delete-note",
        Command::DeleteNote,
        "panel Notes/Orphans: delete the selected one",
        "<Del> X",
    ),
];

const NAMES: &[&str] = &{
    let mut names = [""; ACTIONS.len()];
    let mut i = 0;
    while i < ACTIONS.len() {
        names[i] = ACTIONS[i].name;
        i += 1;
    }
    names
};

/// What a key sequence typed so far means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// A complete binding.
    Command(Command),
    /// The start of one or more bindings: wait for more keys.
    Prefix,
    /// Nothing.
    None,
}

/// Key bindings: for each action, the key sequences that trigger it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// `bindings[i]` are the sequences of `ACTIONS[i]`.
    bindings: Vec<Vec<Vec<Key>>>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = ACTIONS
            .iter()
            .map(|a| parse_keys(a.keys).expect("default keys parse"))
            .collect();
        Keymap { bindings }
    }
}

fn conflicts(a: &[Key], b: &[Key]) -> bool {
    let n = a.len().min(b.len());
    a[..n] == b[..n]
}

/// Whether a sequence of action `i` and one of action `j` get in each
/// other's way. Within one mode, equal sequences and prefixes do; a visual
/// action's key may equal another mode's (it wins in visual mode) but must
/// not be a prefix of one or start with one.
fn clash(i: usize, a: &[Key], j: usize, b: &[Key]) -> bool {
    if ACTIONS[i].visual == ACTIONS[j].visual {
        conflicts(a, b)
    } else {
        conflicts(a, b) && a != b
    }
}

impl Keymap {
    /// Bind `keys` (such as `]q`, `<C-d>` or `"j <Down>"`) to `action`,
    /// replacing its default keys. Fails on an unknown action, an unparsable
    /// key, or a sequence that equals or starts another action's sequence.
    pub fn bind(&mut self, action: &str, keys: &str) -> Result<(), String> {
        let Some(i) = ACTIONS.iter().position(|a| a.name == action) else {
            return Err(format!(
                "unknown action {action:?} (known: {})",
                NAMES.join(", ")
            ));
        };
        let seqs = parse_keys(keys).map_err(|e| format!("{action}: {e} in {keys:?}"))?;
        for (j, other) in self.bindings.iter().enumerate() {
            if j == i {
                continue;
            }
            for s in &seqs {
                if let Some(o) = other.iter().find(|o| clash(i, s, j, o)) {
                    return Err(format!(
                        "{action}: {} conflicts with {} bound to {}",
                        format_keys(s),
                        format_keys(o),
                        ACTIONS[j].name
                    ));
                }
            }
        }
        for (a, s) in seqs.iter().enumerate() {
            if seqs[a + 1..].iter().any(|t| conflicts(s, t)) {
                return Err(format!(
                    "{action}: {} is given twice or starts another of its keys",
                    format_keys(s)
                ));
            }
        }
        self.bindings[i] = seqs;
        Ok(())
    }

    /// The names of all actions that can be bound.
    pub fn action_names() -> &'static [&'static str] {
        NAMES
    }

    /// What the keys typed so far mean (outside visual mode).
    pub fn lookup(&self, typed: &[Key]) -> Lookup {
        self.lookup_in(typed, false)
    }

    /// What the keys typed so far mean, in visual mode when `visual`: the
    /// visual actions are bound then, ahead of the others.
    pub fn lookup_in(&self, typed: &[Key], visual: bool) -> Lookup {
        let mut prefix = false;
        let mut found = None;
        for (i, seqs) in self.bindings.iter().enumerate() {
            let a = &ACTIONS[i];
            if a.visual && !visual {
                continue;
            }
            for s in seqs {
                if s.as_slice() == typed && (found.is_none() || a.visual) {
                    found = Some(a.command);
                }
                if s.len() > typed.len() && s.starts_with(typed) {
                    prefix = true;
                }
            }
        }
        match found {
            Some(c) => Lookup::Command(c),
            None if prefix => Lookup::Prefix,
            None => Lookup::None,
        }
    }

    /// Rows for the help popup: keys (in notation) and what they do.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        ACTIONS
            .iter()
            .zip(&self.bindings)
            .map(|(a, seqs)| {
                let keys: Vec<String> = seqs.iter().map(|s| format_keys(s)).collect();
                (keys.join(" "), a.help)
            })
            .collect()
    }

    /// The first key sequence bound to `command`, for hints.
    pub fn key_for(&self, command: Command) -> Option<String> {
        let i = ACTIONS.iter().position(|a| a.command == command)?;
        self.bindings[i].first().map(|s| format_keys(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_do_not_conflict() {
        let k = Keymap::default();
        for (i, a) in k.bindings.iter().enumerate() {
            for (j, b) in k.bindings.iter().enumerate() {
                if i == j {
                    continue;
                }
                for s in a {
                    for t in b {
                        assert!(
                            !clash(i, s, j, t),
                            "{} vs {}",
                            format_keys(s),
                            format_keys(t)
                        );
                    }
                }
            }
        }
        assert_eq!(Keymap::action_names().len(), ACTIONS.len());
    }

    #[test]
    fn sequences_and_prefixes() {
        let k = Keymap::default();
        assert_eq!(k.lookup(&[Key::char(']')]), Lookup::Prefix);
        assert_eq!(
            k.lookup(&[Key::char(']'), Key::char('q')]),
            Lookup::Command(Command::NextQuote)
        );
        assert_eq!(
            k.lookup(&[Key::ctrl('d')]),
            Lookup::Command(Command::HalfDown)
        );
        assert_eq!(k.lookup(&[Key::char('Z')]), Lookup::None);
    }

    #[test]
    fn visual_keys_win_in_visual_mode_only() {
        let k = Keymap::default();
        let b = [Key::char('b')];
        assert_eq!(k.lookup(&b), Lookup::Command(Command::PageUp));
        assert_eq!(k.lookup_in(&b, true), Lookup::Command(Command::WordBack));
        assert_eq!(k.lookup(&[Key::char('w')]), Lookup::None);
        assert_eq!(
            k.lookup_in(&[Key::char('j')], true),
            Lookup::Command(Command::LineDown)
        );
        assert_eq!(
            k.lookup_in(&[Key::char(']'), Key::char('q')], true),
            Lookup::Command(Command::NextQuote)
        );
        // A visual key may equal a normal one, but not start one.
        let mut k = Keymap::default();
        k.bind("word-next", "g").unwrap();
        assert!(k.bind("word-next", "]").unwrap_err().contains("conflicts"));
        assert!(k.bind("word-next", "e").unwrap_err().contains("word-end"));
    }

    #[test]
    fn notation_round_trips() {
        let s = parse_sequence("/Korea<Enter><C-d><Space><lt>").unwrap();
        assert_eq!(s.len(), 10);
        assert_eq!(format_keys(&s), "/Korea<Enter><C-d><Space><lt>");
        assert!(parse_sequence("<Nope>").is_err());
        assert_eq!(parse_sequence("<").unwrap(), vec![Key::char('<')]);
    }

    #[test]
    fn bind_replaces_and_reports_errors() {
        let mut k = Keymap::default();
        k.bind("next-quote", "Q").unwrap();
        assert_eq!(
            k.lookup(&[Key::char('Q')]),
            Lookup::Command(Command::NextQuote)
        );
        assert_eq!(k.lookup(&[Key::char(']'), Key::char('q')]), Lookup::None);
        assert!(
            k.bind("no-such", "x")
                .unwrap_err()
                .contains("unknown action")
        );
        assert!(
            k.bind("quit", "<Bogus>")
                .unwrap_err()
                .contains("unknown key")
        );
        let e = k.bind("quit", "j").unwrap_err();
        assert!(e.contains("line-down"), "{e}");
        // `]` alone would shadow `]]`, `]q`, `]s`.
        assert!(k.bind("quit", "]").unwrap_err().contains("conflicts"));
    }
}
