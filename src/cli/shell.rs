//! Shell integration: completions and the man page, generated from the clap
//! definition in [`super::Cli`] so they never drift from the real options.

use clap::CommandFactory;

use super::Cli;
use crate::error::{Error, Result};

/// `attache completions SHELL`: print the completion script for SHELL.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "attache", &mut buf);
    super::commands::write_stdout(&String::from_utf8_lossy(&buf))
}

/// `attache man`: print the man page (roff) for `attache(1)`.
///
/// One self-contained page: clap_mangen's title, name, synopsis,
/// description and options, then each subcommand with its usage (rather than
/// references to `attache-quotes(1)` pages that are not installed), the
/// reader's keys from the default keymap, and where the configuration lives.
pub fn man() -> Result<()> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    let roff_err = |e: std::io::Error| Error::runtime(format!("man page: {e}"));
    man.render_title(&mut buf).map_err(roff_err)?;
    man.render_name_section(&mut buf).map_err(roff_err)?;
    man.render_synopsis_section(&mut buf).map_err(roff_err)?;
    man.render_description_section(&mut buf).map_err(roff_err)?;
    man.render_options_section(&mut buf).map_err(roff_err)?;
    let mut page = String::from_utf8_lossy(&buf).into_owned();
    page.push_str(&subcommands_section(&cmd));
    page.push_str(&keys_section());
    page.push_str(FILES_SECTION);
    super::commands::write_stdout(&page)
}

/// Escape text for roff: backslashes, and a leading `.` or `'` that would
/// read as a request.
fn roff(text: &str) -> String {
    let t = text.replace('\\', "\\e").replace('-', "\\-");
    if t.starts_with(['.', '\'']) {
        format!("\\&{t}")
    } else {
        t
    }
}

/// Every subcommand: its usage line and what it does.
fn subcommands_section(cmd: &clap::Command) -> String {
    let mut s = String::from(".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
        let mut sub = sub.clone().bin_name(format!("attache {}", sub.get_name()));
        let usage = sub.render_usage().to_string();
        let usage = usage.trim_start_matches("Usage: ");
        s.push_str(&format!(".TP\n\\fB{}\\fR\n", roff(usage)));
        let about = sub.get_long_about().or(sub.get_about());
        if let Some(a) = about {
            s.push_str(&roff(&a.to_string()));
            s.push('\n');
        }
    }
    s.push_str("Each command's options: \\fBattache \\fICOMMAND\\fB \\-\\-help\\fR.\n");
    s
}

/// The reader's default keys, as its help screen lists them.
fn keys_section() -> String {
    let mut s = String::from(
        ".SH KEYS\nIn the reader (\\fB?\\fR shows them too; the configuration file's \\fB[keys]\\fR table rebinds them):\n",
    );
    for (keys, help) in crate::app::keymap::Keymap::default().help_rows() {
        s.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", roff(&keys), roff(help)));
    }
    s
}

/// Where the configuration lives and what the environment changes.
const FILES_SECTION: &str = ".SH FILES
.TP
\\fB$ATTACHE_CONFIG\\fR, else \\fB$XDG_CONFIG_HOME/attache/config.toml\\fR, else \\fB~/.config/attache/config.toml\\fR
The configuration file (\\fBattache config \\-\\-default\\fR prints a commented one; \\fBattache config\\fR shows what is in effect and where each value came from).
.SH ENVIRONMENT
.TP
\\fBNO_COLOR\\fR
When set, no colour unless \\fB\\-\\-color\\fR asks for it.
.TP
\\fBCOLORTERM\\fR
\\fBtruecolor\\fR or \\fB24bit\\fR: 24\\-bit colour.
";
