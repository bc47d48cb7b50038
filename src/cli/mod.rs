//! The command line: arguments (`args`), their resolution into one [`Config`] (`config`), the
//! inputs they name (`sources`), running them (`batch`) and writing results (`write`).
//!
//! Exit codes: 0 when every input gave an article, 1 when some failed or had none (each named on
//! stderr in one line), 2 for usage errors. A closed stdout pipe is not an error.

mod args;
mod batch;
mod config;
mod fetching;
mod manifest;
mod progress;
mod sources;
mod stream;
mod warc;
mod work;
mod write;

pub use config::Config;

use clap::Parser;
use std::process::ExitCode;

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    let args = match args::Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let config = match Config::from_args(args) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("gleaner: {e:#}");
            return ExitCode::from(2);
        }
    };
    match batch::run(&config) {
        Ok(summary) if summary.failed == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("gleaner: {e:#}");
            ExitCode::from(2)
        }
    }
}
