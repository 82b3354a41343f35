//! The command line: argument definitions (clap) and one handler module per
//! subcommand. `main.rs` only parses, dispatches and maps errors to exit
//! codes. Clap types stay here: the layers below take plain data
//! ([`crate::config::Overrides`], [`crate::theme::ColorMode`]) built from them.

pub mod commands;
pub mod shell;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::QuoteKind;
use crate::theme::ColorMode;

/// Attaché: read annotated diplomatic interviews in the terminal.
#[derive(Debug, Parser)]
#[command(name = "attache", version, about, long_about = None)]
pub struct Cli {
    /// Options shared by every subcommand.
    #[command(flatten)]
    pub global: GlobalOpts,
    /// What to do; without one, open FILE in the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Text or `.json` document to open (`-` for standard input; none: the bundled sample).
    pub file: Option<String>,
    /// brat gold annotations (PolNeAR's `.ann`) to show as a layer beside the annotator's (z7).
    #[arg(long, value_name = "FILE.ann")]
    pub gold: Option<PathBuf>,
}

/// Options every subcommand takes.
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalOpts {
    /// Topic lexicon (TOML) that adds to or replaces the bundled topics.
    #[arg(long, global = true, value_name = "FILE")]
    pub topics: Option<PathBuf>,
    /// Colour theme: a bundled name or a path to a .tmTheme file.
    #[arg(long, global = true, value_name = "NAME|PATH")]
    pub theme: Option<String>,
    /// When to use colour.
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
    /// Reading width in columns, from 10 to 1000 (as in the configuration file).
    #[arg(long, global = true, value_name = "COLS",
          value_parser = clap::value_parser!(u16).range(crate::config::WIDTH_RANGE))]
    pub width: Option<u16>,
    /// Capture the mouse in the reader (wheel scrolls, clicks select).
    #[arg(long, global = true)]
    pub mouse: bool,
}

impl GlobalOpts {
    /// The flags as plain data for the layers below.
    pub fn overrides(&self) -> crate::config::Overrides {
        crate::config::Overrides {
            topics: self.topics.clone(),
            theme: self.theme.clone(),
            color: self.color.map(ColorMode::from),
            width: self.width,
            mouse: self.mouse,
        }
    }
}

/// Colour modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, truecolor when COLORTERM says so, else 256.
    Auto,
    /// Colour even when piped.
    Always,
    /// No colour: bold, underline and reverse only.
    Never,
    /// 16 colours.
    #[value(name = "16")]
    C16,
    /// 256 colours.
    #[value(name = "256")]
    C256,
    /// 24-bit colour.
    Truecolor,
}

impl From<ColorChoice> for ColorMode {
    fn from(c: ColorChoice) -> Self {
        match c {
            ColorChoice::Auto => ColorMode::Auto,
            ColorChoice::Always => ColorMode::Always,
            ColorChoice::Never => ColorMode::Never,
            ColorChoice::C16 => ColorMode::C16,
            ColorChoice::C256 => ColorMode::C256,
            ColorChoice::Truecolor => ColorMode::Truecolor,
        }
    }
}

/// Output formats for `attache quotes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum QuoteFormat {
    /// One quote a paragraph, speaker first.
    #[default]
    Text,
    /// One JSON array, a quote per object.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Formats of `attache export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// W3C Web Annotation JSON-LD (an AnnotationCollection).
    W3c,
    /// brat standoff in PolNeAR's form: -o DIR gets NAME.txt, NAME.ann, annotation.conf.
    Brat,
    /// A Markdown report: quotes by speaker, then the notes.
    Md,
    /// A standalone HTML report (inline CSS, the theme's speaker colours, no scripts).
    Html,
    /// CSV: a row per quote and per note, with a `type` column.
    Csv,
}

impl From<ExportFormat> for crate::export::Format {
    fn from(f: ExportFormat) -> Self {
        use crate::export::Format;
        match f {
            ExportFormat::W3c => Format::W3c,
            ExportFormat::Brat => Format::Brat,
            ExportFormat::Md => Format::Markdown,
            ExportFormat::Html => Format::Html,
            ExportFormat::Csv => Format::Csv,
        }
    }
}

/// Quote kinds that `attache quotes --kind` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteKindArg {
    /// Full quotations and transcript turns.
    Direct,
    /// Fragments quoted inside reported speech.
    Partial,
    /// Reported speech without quotation marks.
    Reported,
    /// Scare-quoted words, titles and slogans.
    Term,
}

impl From<QuoteKindArg> for QuoteKind {
    fn from(k: QuoteKindArg) -> Self {
        match k {
            QuoteKindArg::Direct => QuoteKind::Direct,
            QuoteKindArg::Partial => QuoteKind::Partial,
            QuoteKindArg::Reported => QuoteKind::Reported,
            QuoteKindArg::Term => QuoteKind::Term,
        }
    }
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Annotate a text and write the annotated document as JSON.
    ///
    /// With several files, a folder, or --out-dir: every text is annotated
    /// in parallel into DIR/NAME.json, with progress on standard error; a
    /// file that fails is named and the others go on (exit 1 if any failed).
    Annotate {
        /// Text file to annotate (`-` for standard input); several files or
        /// folders (their .txt, .md and .html files) with --out-dir.
        #[arg(required = true, num_args = 1..)]
        files: Vec<String>,
        /// Where to write the JSON (default: standard output).
        #[arg(short, long, value_name = "OUT", conflicts_with = "out_dir")]
        output: Option<PathBuf>,
        /// Write one DIR/NAME.json per input (created when missing).
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// Let -o name the input file (its text is replaced by the JSON).
        #[arg(long)]
        force: bool,
    },
    /// List the quotes and who said them.
    Quotes {
        /// Text or `.json` document (`-` for standard input).
        file: String,
        /// Only quotes by this speaker (name, surname or alias; case-insensitive).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = QuoteFormat::Text)]
        format: QuoteFormat,
        /// Only quotes of these kinds (repeat or separate with commas).
        #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
        kind: Vec<QuoteKindArg>,
    },
    /// List the speakers with their roles and number of quotes.
    Speakers {
        /// Text or `.json` document (`-` for standard input).
        file: String,
    },
    /// Print the sections and their quotes.
    Outline {
        /// Text or `.json` document (`-` for standard input).
        file: String,
    },
    /// Replay keys through the reader and print the final frame.
    Render {
        /// Text or `.json` document (`-` for standard input).
        file: String,
        /// Terminal size as COLSxROWS.
        #[arg(long, default_value = "100x30", value_name = "COLSxROWS")]
        size: String,
        /// Keys to replay, separated by spaces (`]]`, `/Korea<Enter>`, `<C-d>`, `<Esc>` …).
        #[arg(long, default_value = "")]
        keys: String,
        /// Print styles as ANSI escape sequences.
        #[arg(long)]
        ansi: bool,
        /// brat gold annotations (`.ann`) to show as the gold layer.
        #[arg(long, value_name = "FILE.ann")]
        gold: Option<PathBuf>,
    },
    /// Export the annotations (and notes) for other tools: W3C, brat, Markdown, HTML, CSV.
    ///
    /// Written to standard output, or with -o atomically to a file (brat:
    /// a folder, made when missing, that `attache eval` reads as gold).
    Export {
        /// Text or `.json` document (`-` for standard input; none: the bundled sample).
        file: Option<String>,
        /// The format to write.
        #[arg(long, value_enum, value_name = "FORMAT")]
        to: ExportFormat,
        /// Where to write (default: standard output; brat: a folder, required).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Score the annotator against gold annotations.
    Eval {
        /// A PolNeAR-style folder (`text/`, `attributions/`), or with --turns a transcripts folder with `gold/`.
        dir: PathBuf,
        /// Score transcript turns against `gold/*.json`.
        #[arg(long)]
        turns: bool,
        /// Print a machine-readable JSON summary.
        #[arg(long)]
        json: bool,
        /// Print every miss: gold and predicted text and speakers.
        #[arg(long)]
        dump: bool,
    },
    /// List the bundled colour themes with a preview.
    Themes,
    /// Print the configuration.
    Config {
        /// Print a commented default configuration file.
        #[arg(long)]
        default: bool,
    },
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

/// Run a parsed command line. The error's message is made safe to show
/// ([`crate::model::text::visible`]): whatever file name, value or parser
/// message it quotes, no control or bidirectional character reaches the
/// terminal raw.
pub fn run(cli: Cli) -> crate::error::Result<()> {
    dispatch(cli).map_err(|e| crate::error::Error {
        message: crate::model::text::visible(&e.message).into_owned(),
        ..e
    })
}

fn dispatch(cli: Cli) -> crate::error::Result<()> {
    use commands::{annotate, listings, read, settings};
    // One rule for every command: a theme that cannot be loaded is an error,
    // also where nothing is drawn in colour (`quotes`, `annotate`, …).
    if let Some(theme) = &cli.global.theme {
        crate::theme::load_theme(theme)?;
    }
    let o = &cli.global.overrides();
    match cli.command {
        None => read::read(cli.file.as_deref(), cli.gold.as_deref(), o),
        Some(Command::Annotate {
            files,
            output,
            out_dir,
            force,
        }) => annotate::annotate_all(&files, output.as_deref(), out_dir.as_deref(), force, o),
        Some(Command::Quotes {
            file,
            speaker,
            format,
            kind,
        }) => {
            let kinds: Vec<QuoteKind> = kind.into_iter().map(QuoteKind::from).collect();
            listings::quotes(&file, speaker.as_deref(), &kinds, format, o)
        }
        Some(Command::Speakers { file }) => listings::speakers(&file, o),
        Some(Command::Outline { file }) => listings::outline(&file, o),
        Some(Command::Render {
            file,
            size,
            keys,
            ansi,
            gold,
        }) => read::render(&file, &size, &keys, ansi, gold.as_deref(), o),
        Some(Command::Export { file, to, output }) => {
            commands::export::export(file.as_deref(), to.into(), output.as_deref(), o)
        }
        Some(Command::Eval {
            dir,
            turns,
            json,
            dump,
        }) => commands::eval::eval(&dir, turns, json, dump),
        Some(Command::Themes) => settings::themes(o),
        Some(Command::Config { default }) => settings::config(default, o),
        Some(Command::Completions { shell }) => shell::completions(shell),
        Some(Command::Man) => shell::man(),
    }
}
