//! Running a batch: a producer thread numbers the work in input order (files, archive records,
//! stream lines), a pool of worker threads extracts (and writes into an output directory), and
//! the calling thread collects results back into input order and reports them.
//!
//! Memory is bounded whatever the number of inputs: the producer may run at most [`window`]
//! results ahead of the last one reported (a semaphore made of a bounded channel), so the reorder
//! buffer, the job queue and the records read ahead of an archive all stay small.
//!
//! Time is bounded per page: a watchdog (on the collecting thread) gives up on a page that took
//! longer than `--time-budget`, reports it as an error, and starts a replacement worker. The
//! extraction itself cannot be interrupted (it is synchronous): the abandoned thread finishes it
//! in the background (the library's own guards bound how long) and throws the result away, and
//! never writes its output. At most [`MAX_ABANDONED`] threads are replaced this way; beyond that
//! slow pages are still reported on time but the pool shrinks until they finish.
//!
//! A failed input is named on stderr in one line and the run goes on with the rest.

mod collect;
mod produce;

use super::config::{Config, Destination, OutputFormat};
use super::manifest::{Entry, Manifest};
use super::progress::Progress;
use super::sources::{self, Kind};
use super::work::{self, Context, Event, Job};
use anyhow::{Result, bail};
use collect::{Collector, Pool, Sink};
use crossbeam_channel::{bounded, unbounded};
use produce::{Feed, Plan, produce};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Worker threads the watchdog may abandon (and replace) in one run.
pub const MAX_ABANDONED: usize = 16;

/// How often the collector wakes up to run the watchdog and the progress line.
const TICK: Duration = Duration::from_millis(200);

/// How far (in results) the producer may run ahead of the collector.
pub fn window(jobs: usize) -> usize {
    jobs * 4 + 16
}

/// What a run did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Pages that gave an article (a file, an archive record, a stream line).
    pub done: u64,
    /// Inputs or pages that failed, had no article, or were skipped by `--max-size`.
    pub failed: u64,
}

/// A result the producer reports without a worker.
#[derive(Debug)]
pub enum Direct {
    /// The input was done by an earlier run; `entry` is its manifest line if that run did not
    /// get to write it.
    AlreadyDone {
        /// The manifest line to add.
        entry: Option<Entry>,
    },
    /// The input could not even be listed (e.g. a directory loop).
    Problem {
        /// Its name.
        name: String,
        /// Why.
        message: String,
    },
    /// A web archive starts: its records follow.
    ArchiveStart {
        /// Its name.
        name: String,
        /// Its output file, in an output directory.
        output: Option<PathBuf>,
        /// Its size.
        bytes_in: u64,
    },
    /// The web archive's records are over; `error` if it could not be read to the end.
    ArchiveEnd {
        /// Why reading stopped early.
        error: Option<String>,
    },
}

/// Runs every input of the configuration.
pub fn run(config: &Config) -> Result<Summary> {
    let directory = match &config.destination {
        Destination::Directory(dir) => Some(dir.clone()),
        _ => None,
    };
    let mut problems = Vec::new();
    let sources = if config.stdin_jsonl {
        Vec::new()
    } else {
        sources::expand(
            &config.inputs,
            config.hidden,
            directory.as_deref(),
            &mut problems,
        )
    };
    #[cfg(feature = "fetch")]
    let (urls, sources) = super::fetching::split_urls(sources);
    if let Destination::File(path) = &config.destination
        && sources.len() != 1
        && config.format != OutputFormat::Jsonl
    {
        bail!(
            "-o {} names one file, but there are {} inputs; give a directory or --format jsonl",
            path.display(),
            sources.len()
        );
    }
    let manifest = match &directory {
        Some(dir) => Some(Manifest::open(dir)?),
        None => None,
    };
    let recorded = Arc::new(
        manifest
            .as_ref()
            .map(Manifest::snapshot)
            .unwrap_or_default(),
    );
    let archives = sources.iter().any(|s| s.kind == Kind::Archive);
    let shown = !config.quiet && !config.stdin_jsonl && (sources.len() > 1 || archives);
    let total = (sources.len() + problems.len()) as u64;

    let context = Arc::new(Context {
        options: config.options.clone(),
        format: config.format,
        max_size: config.max_size,
    });
    let window = window(config.jobs);
    let (jobs_tx, jobs_rx) = bounded::<Job>(window);
    let (events_tx, events_rx) = unbounded::<Event>();
    let (permits_tx, permits_rx) = bounded::<()>(window);
    let mut workers = Vec::with_capacity(config.jobs);
    for _ in 0..config.jobs {
        workers.push(work::spawn(
            Arc::clone(&context),
            jobs_rx.clone(),
            events_tx.clone(),
        )?);
    }
    let feed = Feed {
        next: 0,
        permits: permits_tx,
        jobs: jobs_tx,
        events: events_tx.clone(),
    };
    let plan = Plan {
        sources,
        problems,
        directory: directory.clone(),
        extension: config.format.extension(),
        force: config.force,
        recorded,
        max_size: config.max_size,
        stdin_jsonl: config.stdin_jsonl,
    };
    std::thread::Builder::new()
        .name("gleaner-reader".into())
        .spawn(move || produce(plan, feed))?;

    let sink = match &config.destination {
        Destination::File(path) => Sink::File {
            path: path.clone(),
            file: None,
        },
        _ => Sink::Stdout,
    };
    let progress = Progress::new(shown, total, config.progress_every);
    let mut collector = Collector::new(config, sink, manifest, progress);
    let pool = Pool {
        context,
        jobs: jobs_rx,
        events: events_tx,
        workers,
        abandoned: 0,
    };
    collector.collect(&events_rx, &permits_rx, pool)?;
    collector.finish(shown)?;
    #[cfg(feature = "fetch")]
    {
        let mut first = collector.first_document;
        super::fetching::run(
            config,
            &urls,
            &mut collector.summary,
            &mut first,
            collector.manifest.as_mut(),
        )?;
    }
    Ok(collector.summary)
}
