//! The `attache` binary: parse the command line and dispatch.
//!
//! Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input.

#![forbid(unsafe_code)]

use std::io::Write;

use clap::Parser;

fn main() {
    let cli = attache::cli::Cli::parse();
    if let Err(e) = attache::cli::run(cli) {
        // A closed stderr must not turn an error into a panic.
        let _ = writeln!(std::io::stderr().lock(), "attache: {e}");
        std::process::exit(e.code);
    }
}
