//! Running a batch: read each source, extract, render, write; in parallel with `--jobs`.
//!
//! A failed input is named on stderr in one line and the run goes on with the rest.

use super::config::{Config, Destination};
use super::sources::{self, Origin, Source};
use super::write;
use anyhow::{Result, bail};
use rayon::prelude::*;
use std::io::Read;

/// What a run did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Inputs that gave an article.
    pub done: usize,
    /// Inputs that failed or had no article.
    pub failed: usize,
}

/// The result for one source.
struct Outcome {
    rendered: Result<String, String>,
    explain: Vec<gleaner::Dropped>,
}

/// Runs every input of the configuration.
pub fn run(config: &Config) -> Result<Summary> {
    let mut problems = Vec::new();
    let sources = sources::expand(&config.inputs, &mut problems);
    if let Destination::File(path) = &config.destination
        && sources.len() != 1
    {
        bail!(
            "-o {} names one file, but there are {} inputs; give a directory",
            path.display(),
            sources.len()
        );
    }
    #[cfg(feature = "fetch")]
    let (urls, sources) = super::fetching::split_urls(sources);
    let mut summary = Summary::default();
    for (name, problem) in &problems {
        eprintln!("gleaner: {name}: {problem}");
        summary.failed += 1;
    }
    let outcomes: Vec<Outcome> = if config.jobs <= 1 {
        sources.iter().map(|s| process(config, s)).collect()
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.jobs)
            .build()?;
        pool.install(|| sources.par_iter().map(|s| process(config, s)).collect())
    };
    let mut first_on_stdout = true;
    for (source, outcome) in sources.iter().zip(outcomes) {
        if config.explain {
            for dropped in &outcome.explain {
                eprintln!(
                    "gleaner: {}: dropped [{}] {}",
                    source.name, dropped.rule, dropped.text
                );
            }
        }
        let text = match outcome.rendered {
            Ok(text) => text,
            Err(message) => {
                eprintln!("gleaner: {}: {message}", source.name);
                summary.failed += 1;
                continue;
            }
        };
        let written = match &config.destination {
            Destination::Stdout => {
                let separator = if first_on_stdout { "" } else { "\n" };
                first_on_stdout = false;
                if !write::to_stdout(format!("{separator}{text}").as_bytes())? {
                    return Ok(summary);
                }
                Ok(())
            }
            Destination::File(path) => write::atomic_write(path, text.as_bytes()),
            Destination::Directory(dir) => {
                let path = sources::output_path(dir, &source.relative, config.format.extension());
                write::atomic_write(&path, text.as_bytes())
            }
        };
        match written {
            Ok(()) => summary.done += 1,
            Err(e) => {
                eprintln!("gleaner: {}: {e:#}", source.name);
                summary.failed += 1;
            }
        }
    }
    #[cfg(feature = "fetch")]
    if !super::fetching::run(config, &urls, &mut summary, &mut first_on_stdout)? {
        return Ok(summary);
    }
    if !config.quiet && summary.done + summary.failed > 1 {
        eprintln!("gleaner: {} done, {} failed", summary.done, summary.failed);
    }
    Ok(summary)
}

fn read(source: &Source) -> Result<Vec<u8>, String> {
    match &source.origin {
        Origin::File(path) => std::fs::read(path).map_err(|e| e.to_string()),
        Origin::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| e.to_string())?;
            Ok(bytes)
        }
        Origin::Url(_) => Err("this gleaner was built without the `fetch` feature".into()),
    }
}

fn process(config: &Config, source: &Source) -> Outcome {
    let bytes = match read(source) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Outcome {
                rendered: Err(e),
                explain: Vec::new(),
            };
        }
    };
    match gleaner::extract(&bytes, &config.options) {
        Ok(article) => Outcome {
            rendered: Ok(gleaner::render(
                &article,
                config.format,
                &config.options.render,
            )),
            explain: article.dropped,
        },
        Err(gleaner::Error::NoArticle { reason, dropped }) => Outcome {
            rendered: Err(format!("no article found ({reason})")),
            explain: dropped,
        },
        Err(e) => Outcome {
            rendered: Err(e.to_string()),
            explain: Vec::new(),
        },
    }
}
