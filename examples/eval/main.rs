//! gleaner's evaluation tool: scores the library on the development corpus and checks floors.
//!
//! Not part of the installed CLI. Run from the project root:
//!
//! ```text
//! cargo run --release --example eval                       # every corpus, the worst pages
//! cargo run --release --example eval -- --only scrapinghub --worst 30
//! cargo run --release --example eval -- --show <page id>   # one page's output beside the truth
//! cargo run --release --example eval -- --check .ci/floors.toml   # the CI gate
//! ```
//!
//! Metrics are those of `../shared/corpus/README.md`: body shingle P/R/F1 and accuracy for
//! `scrapinghub` and `readability`, snippet P/R/F and accuracy for `snippets`. Speed is measured
//! single-threaded over the scrapinghub pages (wall time of `gleaner::extract`, parse included).

/// The installed command's allocator (`src/main.rs`), so that the speed lines time what users
/// run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod corpus;
mod meta;
mod metric;
mod report;
mod text;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Parsed command line.
#[derive(Debug)]
pub struct Args {
    pub corpus: PathBuf,
    pub only: Vec<String>,
    pub show: Option<String>,
    pub worst: usize,
    pub check: Option<PathBuf>,
    pub explain: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpus: PathBuf::from("../shared/corpus"),
        only: Vec::new(),
        show: None,
        worst: 15,
        check: None,
        explain: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--corpus" => args.corpus = PathBuf::from(value("--corpus")?),
            "--only" => args
                .only
                .extend(value("--only")?.split(',').map(str::to_string)),
            "--show" => args.show = Some(value("--show")?),
            "--worst" => {
                args.worst = value("--worst")?
                    .parse()
                    .map_err(|_| "--worst takes a number")?
            }
            "--check" => args.check = Some(PathBuf::from(value("--check")?)),
            "--explain" => args.explain = true,
            "-h" | "--help" => {
                println!(
                    "usage: eval [--corpus DIR] [--only SET,...] [--worst N] [--show ID [--explain]] [--check FLOORS]\nsets: {}",
                    corpus::SETS.join(", ")
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("eval: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(id) = &args.show {
        return match corpus::show(&args, id) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("eval: {e}");
                ExitCode::from(2)
            }
        };
    }
    let mut metrics: BTreeMap<String, f64> = BTreeMap::new();
    for set in corpus::SETS {
        if !args.only.is_empty() && !args.only.iter().any(|o| o == set) {
            continue;
        }
        match corpus::run(&args, set) {
            Ok(found) => metrics.extend(found),
            Err(e) => {
                eprintln!("eval: {set}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(peak) = report::peak_memory_mb() {
        println!("\npeak memory (VmHWM): {peak:.1} MB");
    }
    match &args.check {
        Some(floors) => match report::check_floors(floors, &metrics) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("eval: {e}");
                ExitCode::from(2)
            }
        },
        None => ExitCode::SUCCESS,
    }
}
