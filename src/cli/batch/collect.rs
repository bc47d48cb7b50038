//! The collecting side of a batch: receives results, puts them back into input order, writes
//! streams and archive outputs, keeps the manifest and the progress line, and runs the watchdog
//! that gives up on pages over `--time-budget`.

use super::{Direct, MAX_ABANDONED, Summary, TICK};
use crate::cli::config::{Config, OutputFormat};
use crate::cli::manifest::{self, Entry, Manifest, RecordCounts, Status, SummaryLine};
use crate::cli::progress::Progress;
use crate::cli::work::{self, Context, Event, Job, Outcome, PageResult, RecordResult};
use crate::cli::write::{self, AtomicFile};
use anyhow::{Result, bail};
use crossbeam_channel::{Receiver, Sender};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// The worker pool, as the watchdog sees it.
pub(super) struct Pool {
    pub(super) context: Arc<Context>,
    pub(super) jobs: Receiver<Job>,
    pub(super) events: Sender<Event>,
    pub(super) workers: Vec<Arc<work::WorkerState>>,
    pub(super) abandoned: usize,
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
pub(super) enum Sink {
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
pub(super) struct Collector<'a> {
    config: &'a Config,
    sink: Sink,
    pub(super) manifest: Option<Manifest>,
    progress: Progress,
    pub(super) summary: Summary,
    counts: Counts,
    archive: Option<OpenArchive>,
    /// Whether no document has been written to the stream yet (documents after the first are
    /// separated by a blank line).
    pub(super) first_document: bool,
    started: Instant,
}

impl<'a> Collector<'a> {
    /// A collector writing streams to `sink`, starting its clock now.
    pub(super) fn new(
        config: &'a Config,
        sink: Sink,
        manifest: Option<Manifest>,
        progress: Progress,
    ) -> Self {
        Collector {
            config,
            sink,
            manifest,
            progress,
            summary: Summary::default(),
            counts: Counts::default(),
            archive: None,
            first_document: true,
            started: Instant::now(),
        }
    }

    /// Receives results until every numbered one is reported (or standard output closes).
    pub(super) fn collect(
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
    pub(super) fn finish(&mut self, shown: bool) -> Result<()> {
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
