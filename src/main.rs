//! The `attache` binary: parse the command line and dispatch.
//!
//! Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input.

#![forbid(unsafe_code)]

use std::io::Write;

use clap::Parser;

fn main() {
    let cli = match attache::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => usage_error(e),
    };
    if let Err(e) = attache::cli::run(cli) {
        // A closed stderr must not turn an error into a panic.
        let _ = writeln!(std::io::stderr().lock(), "attache: {e}");
        std::process::exit(e.code);
    }
}

/// Report a command-line error from clap. Help and version print as clap
/// prints them; an error echoes the user's value, so it is written plain and
/// through the same safe-to-show policy as every other message.
fn usage_error(e: clap::Error) -> ! {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        e.exit();
    }
    let msg = e.render().to_string();
    let _ = std::io::stderr()
        .lock()
        .write_all(attache::model::text::visible(&msg).as_bytes());
    std::process::exit(e.exit_code());
}
