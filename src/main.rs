//! The `attache` binary: parse the command line and dispatch.

use clap::Parser;

fn main() {
    let cli = attache::cli::Cli::parse();
    if let Err(e) = attache::cli::run(cli) {
        eprintln!("attache: {e}");
        std::process::exit(e.code);
    }
}
