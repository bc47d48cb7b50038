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

use super::config::{Config, Destination, OutputFormat};
use super::manifest::{self, Entry, Manifest, RecordCounts, Status, SummaryLine};
use super::progress::Progress;
use super::sources::{self, Kind, Origin, Source};
use super::work::{self, Context, Event, Job, Outcome, PageResult, RecordResult, Work};
use super::write::{self, AtomicFile};
use super::{stream, warc};
use anyhow::{Result, bail};
use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

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
    let mut collector = Collector {
        config,
        sink,
        manifest,
        progress: Progress::new(shown, total, config.progress_every),
        summary: Summary::default(),
        counts: Counts::default(),
        archive: None,
        first_document: true,
        started: Instant::now(),
    };
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

/// Everything the producer needs.
struct Plan {
    sources: Vec<Source>,
    problems: Vec<(String, String)>,
    directory: Option<PathBuf>,
    extension: &'static str,
    force: bool,
    recorded: Arc<HashMap<String, Status>>,
    max_size: u64,
    stdin_jsonl: bool,
}

/// The producer's side of the channels: hands out sequence numbers, one permit each.
struct Feed {
    next: u64,
    permits: Sender<()>,
    jobs: Sender<Job>,
    events: Sender<Event>,
}

impl Feed {
    /// The next sequence number, once the window has room. `None` when the run has stopped.
    fn seq(&mut self) -> Option<u64> {
        self.permits.send(()).ok()?;
        self.next += 1;
        Some(self.next - 1)
    }

    fn job(&mut self, work: Work) -> bool {
        self.seq()
            .is_some_and(|seq| self.jobs.send(Job { seq, work }).is_ok())
    }

    fn direct(&mut self, direct: Direct) -> bool {
        self.seq()
            .is_some_and(|seq| self.events.send(Event::Direct(seq, direct)).is_ok())
    }

    fn done(&mut self, outcome: Outcome) -> bool {
        self.seq()
            .is_some_and(|seq| self.events.send(Event::Done(seq, outcome)).is_ok())
    }

    fn end(self, error: Option<String>) {
        let _ = self.events.send(Event::End {
            total: self.next,
            error,
        });
    }
}

/// The producer thread: numbers every unit of work in input order.
fn produce(mut plan: Plan, mut feed: Feed) {
    if plan.stdin_jsonl {
        let error = produce_lines(&plan, &mut feed);
        feed.end(error);
        return;
    }
    for (name, message) in &plan.problems {
        let problem = Direct::Problem {
            name: name.clone(),
            message: message.clone(),
        };
        if !feed.direct(problem) {
            return;
        }
    }
    let sources = std::mem::take(&mut plan.sources);
    for source in sources {
        let keep_going = match source.kind {
            Kind::Page => produce_page(&plan, &mut feed, source),
            Kind::Archive => produce_archive(&plan, &mut feed, &source),
        };
        if !keep_going {
            return;
        }
    }
    feed.end(None);
}

fn produce_page(plan: &Plan, feed: &mut Feed, source: Source) -> bool {
    let output = plan
        .directory
        .as_ref()
        .map(|dir| sources::output_path(dir, &source.relative, plan.extension));
    if let Some(output) = &output
        && !plan.force
    {
        let recorded = plan.recorded.get(&source.name).copied();
        if matches!(recorded, Some(Status::NoArticle | Status::Skipped)) {
            return feed.direct(Direct::AlreadyDone { entry: None });
        }
        if output.exists() {
            let entry = (recorded != Some(Status::Ok)).then(|| recovered(&source, output));
            return feed.direct(Direct::AlreadyDone { entry });
        }
    }
    feed.job(Work::Page {
        origin: source.origin,
        name: source.name,
        output,
    })
}

/// The manifest line of an input whose output an interrupted run wrote without recording it.
fn recovered(source: &Source, output: &Path) -> Entry {
    let size = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
    Entry {
        input: source.name.clone(),
        status: Status::Ok,
        error: None,
        output: Some(output.display().to_string()),
        bytes_in: match &source.origin {
            Origin::File(path) => size(path),
            _ => 0,
        },
        bytes_out: size(output),
        ms: None,
        records: None,
    }
}

fn produce_archive(plan: &Plan, feed: &mut Feed, source: &Source) -> bool {
    let Origin::File(path) = &source.origin else {
        return true;
    };
    let output = plan
        .directory
        .as_ref()
        .map(|dir| sources::output_path(dir, &source.relative, "jsonl"));
    if let Some(output) = &output
        && !plan.force
        && output.exists()
    {
        let entry = (!plan.recorded.contains_key(&source.name)).then(|| recovered(source, output));
        return feed.direct(Direct::AlreadyDone { entry });
    }
    let bytes_in = std::fs::metadata(path).map_or(0, |m| m.len());
    let start = Direct::ArchiveStart {
        name: source.name.clone(),
        output,
        bytes_in,
    };
    if !feed.direct(start) {
        return false;
    }
    let mut stopped = false;
    let read = warc::for_each_record(path, plan.max_size, |item| {
        let sent = match item {
            warc::Item::Response(record) => feed.job(Work::Record(record)),
            warc::Item::TooLarge { target_uri, size } => feed.done(Outcome::Record(RecordResult {
                uri: target_uri,
                status: Status::Skipped,
                message: Some(format!(
                    "skipped: {size} bytes is over --max-size ({} bytes)",
                    plan.max_size
                )),
                line: None,
                explain: Vec::new(),
            })),
            warc::Item::Other => true,
        };
        stopped = !sent;
        sent
    });
    if stopped {
        return false;
    }
    feed.direct(Direct::ArchiveEnd {
        error: read.err().map(|e| format!("{e:#}")),
    })
}

/// Reads `--stdin-jsonl` requests; returns a fatal read error.
fn produce_lines(plan: &Plan, feed: &mut Feed) -> Option<String> {
    let stdin = std::io::stdin();
    let mut reader = stdin.lock();
    loop {
        let request = match stream::read_line(&mut reader, plan.max_size) {
            Ok(None) => return None,
            Ok(Some(Ok(line))) => stream::parse_request(&line),
            Ok(Some(Err(length))) => Err((
                Vec::new(),
                format!(
                    "line of {length} bytes is over --max-size ({} bytes)",
                    plan.max_size
                ),
            )),
            Err(e) => return Some(format!("cannot read standard input: {e}")),
        };
        if !feed.job(Work::Line(request)) {
            return None;
        }
    }
}

/// The worker pool, as the watchdog sees it.
struct Pool {
    context: Arc<Context>,
    jobs: Receiver<Job>,
    events: Sender<Event>,
    workers: Vec<Arc<work::WorkerState>>,
    abandoned: usize,
}

impl Pool {
    /// Gives up on jobs over the budget; returns their outcomes.
    fn watch(&mut self, budget: Duration) -> Vec<(u64, Outcome)> {
        let mut late = Vec::new();
        let mut replace = 0;
        for state in &self.workers {
            let Ok(mut current) = state.current.lock() else {
                continue;
            };
            if current
                .as_ref()
                .is_some_and(|job| job.started.elapsed() > budget)
                && let Some(job) = current.take()
            {
                state.retired.store(true, Ordering::SeqCst);
                late.push((job.seq, job.pending.timed_out(budget)));
                replace += 1;
            }
        }
        self.workers
            .retain(|state| !state.retired.load(Ordering::SeqCst));
        for _ in 0..replace {
            if self.abandoned >= MAX_ABANDONED {
                break;
            }
            self.abandoned += 1;
            let spawned = work::spawn(
                Arc::clone(&self.context),
                self.jobs.clone(),
                self.events.clone(),
            );
            if let Ok(state) = spawned {
                self.workers.push(state);
            }
        }
        late
    }
}

/// Where stream output goes.
enum Sink {
    Stdout,
    File {
        path: PathBuf,
        file: Option<AtomicFile>,
    },
}

impl Sink {
    /// Writes bytes; `Ok(false)` when standard output was closed by the reader.
    fn write(&mut self, bytes: &[u8]) -> Result<bool> {
        match self {
            Sink::Stdout => write::to_stdout(bytes),
            Sink::File { path, file } => {
                if file.is_none() {
                    *file = Some(AtomicFile::create(path)?);
                }
                if let Some(file) = file {
                    file.write_all(bytes)?;
                }
                Ok(true)
            }
        }
    }

    fn commit(self) -> Result<()> {
        match self {
            Sink::File {
                file: Some(file), ..
            } => file.commit(),
            _ => Ok(()),
        }
    }
}

/// Counts for the summary.
#[derive(Debug, Default)]
struct Counts {
    skipped: u64,
    already_done: u64,
    pages: u64,
}

/// The archive being written.
struct OpenArchive {
    name: String,
    file: Option<AtomicFile>,
    output: Option<PathBuf>,
    records: RecordCounts,
    bytes_in: u64,
    bytes_out: u64,
    started: Instant,
}

/// A result waiting for its turn.
enum Ready {
    Outcome(Outcome),
    Direct(Direct),
}

/// The collecting side: reorders, writes streams, reports, keeps the manifest.
struct Collector<'a> {
    config: &'a Config,
    sink: Sink,
    manifest: Option<Manifest>,
    progress: Progress,
    summary: Summary,
    counts: Counts,
    archive: Option<OpenArchive>,
    first_document: bool,
    started: Instant,
}

impl Collector<'_> {
    /// Receives results until every numbered one is reported (or standard output closes).
    fn collect(
        &mut self,
        events: &Receiver<Event>,
        permits: &Receiver<()>,
        mut pool: Pool,
    ) -> Result<()> {
        let mut waiting: BTreeMap<u64, Ready> = BTreeMap::new();
        let mut next = 0u64;
        let mut total = None;
        let mut fatal = None;
        let mut last_watch = Instant::now();
        while total.is_none_or(|total| next < total) {
            match events.recv_timeout(TICK) {
                Ok(Event::Done(seq, outcome)) if seq >= next => {
                    waiting.entry(seq).or_insert(Ready::Outcome(outcome));
                }
                Ok(Event::Direct(seq, direct)) => {
                    waiting.insert(seq, Ready::Direct(direct));
                }
                Ok(Event::End { total: t, error }) => {
                    total = Some(t);
                    fatal = error;
                }
                Ok(Event::Done(..)) | Err(_) => {}
            }
            if last_watch.elapsed() >= TICK {
                last_watch = Instant::now();
                for (seq, outcome) in pool.watch(self.config.time_budget) {
                    if seq >= next {
                        waiting.insert(seq, Ready::Outcome(outcome));
                    }
                }
                self.progress.tick();
            }
            while let Some(ready) = waiting.remove(&next) {
                next += 1;
                let _ = permits.try_recv();
                let open = match ready {
                    Ready::Outcome(outcome) => self.outcome(outcome)?,
                    Ready::Direct(direct) => self.direct(direct)?,
                };
                if !open {
                    return Ok(());
                }
            }
        }
        match fatal {
            Some(error) => bail!(error),
            None => Ok(()),
        }
    }

    /// Reports one result; `Ok(false)` when standard output was closed.
    fn outcome(&mut self, outcome: Outcome) -> Result<bool> {
        match outcome {
            Outcome::Page(page) => self.page(page),
            Outcome::Record(record) => self.record(record),
            Outcome::Line { text, failed } => {
                self.count(!failed);
                write::to_stdout(format!("{text}\n").as_bytes())
            }
        }
    }

    fn count(&mut self, ok: bool) {
        self.counts.pages += 1;
        if ok {
            self.summary.done += 1;
        } else {
            self.summary.failed += 1;
        }
        self.progress.page(!ok);
    }

    fn explain(&self, name: &str, dropped: &[gleaner::Dropped]) {
        if self.config.explain {
            for dropped in dropped {
                self.progress.note(&format!(
                    "gleaner: {name}: dropped [{}] {}",
                    dropped.rule, dropped.text
                ));
            }
        }
    }

    fn page(&mut self, page: PageResult) -> Result<bool> {
        self.explain(&page.name, &page.explain);
        let ok = page.status == Status::Ok;
        self.count(ok);
        self.progress.input_done();
        if let Some(message) = &page.message {
            self.progress
                .note(&format!("gleaner: {}: {message}", page.name));
        }
        if page.status == Status::Skipped {
            self.counts.skipped += 1;
        }
        if let Some(manifest) = &mut self.manifest {
            manifest.append(&Entry {
                input: page.name.clone(),
                status: page.status,
                error: page.message.clone(),
                output: page.output.as_ref().map(|p| p.display().to_string()),
                bytes_in: page.bytes_in,
                bytes_out: page.bytes_out,
                ms: Some(page.ms),
                records: None,
            })?;
        }
        let Some(text) = page.rendered else {
            return Ok(true);
        };
        let text = match self.config.format {
            OutputFormat::Jsonl => format!("{text}\n"),
            OutputFormat::Document(_) if self.first_document => text,
            OutputFormat::Document(_) => format!("\n{text}"),
        };
        self.first_document = false;
        self.sink.write(text.as_bytes())
    }

    fn record(&mut self, record: RecordResult) -> Result<bool> {
        let archive_name = self
            .archive
            .as_ref()
            .map_or("", |a| a.name.as_str())
            .to_string();
        let name = format!("{archive_name}: {}", record.uri);
        self.explain(&name, &record.explain);
        match record.status {
            Status::Skipped => {
                if let Some(archive) = &mut self.archive {
                    archive.records.skipped += 1;
                }
                return Ok(true);
            }
            Status::Ok => {}
            Status::NoArticle | Status::Error => {
                if let Some(archive) = &mut self.archive {
                    archive.records.failed += 1;
                }
                let message = record.message.as_deref().unwrap_or("failed");
                self.progress.note(&format!("gleaner: {name}: {message}"));
                self.count(false);
                return Ok(true);
            }
        }
        self.count(true);
        let Some(line) = record.line else {
            return Ok(true);
        };
        let line = format!("{line}\n");
        match &mut self.archive {
            Some(OpenArchive {
                file: Some(file),
                records,
                bytes_out,
                ..
            }) => {
                records.ok += 1;
                *bytes_out += line.len() as u64;
                file.write_all(line.as_bytes())?;
                Ok(true)
            }
            Some(archive) => {
                archive.records.ok += 1;
                archive.bytes_out += line.len() as u64;
                self.sink.write(line.as_bytes())
            }
            None => self.sink.write(line.as_bytes()),
        }
    }

    fn direct(&mut self, direct: Direct) -> Result<bool> {
        match direct {
            Direct::AlreadyDone { entry } => {
                self.counts.already_done += 1;
                self.progress.input_done();
                if let (Some(manifest), Some(entry)) = (&mut self.manifest, entry) {
                    manifest.append(&entry)?;
                }
            }
            Direct::Problem { name, message } => {
                self.progress.note(&format!("gleaner: {name}: {message}"));
                self.count(false);
                self.progress.input_done();
                if let Some(manifest) = &mut self.manifest {
                    manifest.append(&Entry {
                        input: name,
                        status: Status::Error,
                        error: Some(message),
                        output: None,
                        bytes_in: 0,
                        bytes_out: 0,
                        ms: None,
                        records: None,
                    })?;
                }
            }
            Direct::ArchiveStart {
                name,
                output,
                bytes_in,
            } => {
                let file = match &output {
                    Some(path) => Some(AtomicFile::create(path)?),
                    None => None,
                };
                self.archive = Some(OpenArchive {
                    name,
                    file,
                    output,
                    records: RecordCounts::default(),
                    bytes_in,
                    bytes_out: 0,
                    started: Instant::now(),
                });
            }
            Direct::ArchiveEnd { error } => self.close_archive(error)?,
        }
        Ok(true)
    }

    /// Records the archive in the manifest, then commits its output: a kill in between leaves
    /// an entry without output, and the rerun redoes the archive and appends a new entry.
    fn close_archive(&mut self, error: Option<String>) -> Result<()> {
        let Some(archive) = self.archive.take() else {
            return Ok(());
        };
        self.progress.input_done();
        if let Some(message) = &error {
            self.progress
                .note(&format!("gleaner: {}: {message}", archive.name));
            self.summary.failed += 1;
        }
        if let Some(manifest) = &mut self.manifest {
            manifest.append(&Entry {
                input: archive.name.clone(),
                status: if error.is_some() {
                    Status::Error
                } else {
                    Status::Ok
                },
                error,
                output: archive.output.as_ref().map(|p| p.display().to_string()),
                bytes_in: archive.bytes_in,
                bytes_out: archive.bytes_out,
                ms: Some(archive.started.elapsed().as_millis() as u64),
                records: Some(archive.records),
            })?;
        }
        if let Some(file) = archive.file {
            file.commit()?;
        }
        Ok(())
    }

    /// Commits the output file, writes the summary line and the closing message.
    fn finish(&mut self, shown: bool) -> Result<()> {
        self.progress.finish();
        let sink = std::mem::replace(&mut self.sink, Sink::Stdout);
        sink.commit()?;
        let seconds = self.started.elapsed().as_secs_f64();
        let rate = if seconds > 0.0 {
            self.counts.pages as f64 / seconds
        } else {
            0.0
        };
        if let Some(manifest) = &mut self.manifest {
            manifest.summary(&SummaryLine {
                summary: true,
                done: self.summary.done,
                failed: self.summary.failed,
                skipped: self.counts.skipped,
                already_done: self.counts.already_done,
                pages: self.counts.pages,
                seconds: (seconds * 1000.0).round() / 1000.0,
                pages_per_second: rate.round(),
            })?;
        }
        if shown {
            let mut line = format!(
                "gleaner: {} done, {} failed",
                self.summary.done, self.summary.failed
            );
            if self.counts.already_done > 0 {
                line.push_str(&format!(
                    ", {} already done (resumed)",
                    self.counts.already_done
                ));
            }
            line.push_str(&format!(", {rate:.0} pages/s"));
            if self.manifest.is_some() {
                line.push_str(&format!(", manifest in {}", manifest::FILE_NAME));
            }
            eprintln!("{line}");
        }
        Ok(())
    }
}
