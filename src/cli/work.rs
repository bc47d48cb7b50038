//! What a worker thread does with one unit of work: read, extract, render, and (into an output
//! directory) write. Also the worker pool's threads and the state the watchdog reads.
//!
//! Takes [`Work`], returns an [`Outcome`]; never prints (the collector does, in input order).

use super::config::OutputFormat;
use super::manifest::Status;
use super::sources::{self, LoadError, Loaded, Origin};
use super::stream;
use super::warc::{self, ResponseRecord};
use super::write;
use crossbeam_channel::{Receiver, Sender};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Stack size of worker threads: extraction walks iteratively, this is headroom.
const WORKER_STACK: usize = 8 << 20;

/// Settings every worker shares.
#[derive(Debug)]
pub struct Context {
    /// Library options (per-input overrides are applied on a copy).
    pub options: gleaner::Options,
    /// What pages become.
    pub format: OutputFormat,
    /// Inputs larger than this are skipped.
    pub max_size: u64,
}

/// One unit of work, numbered in input order.
#[derive(Debug)]
pub struct Job {
    /// Position in the output order.
    pub seq: u64,
    /// What to do.
    pub work: Work,
}

/// What to do.
#[derive(Debug)]
pub enum Work {
    /// Extract a page; with `output`, write the result there (atomically).
    Page {
        /// Where the bytes are.
        origin: Origin,
        /// Its name in messages and in the manifest.
        name: String,
        /// The file to write, in an output directory.
        output: Option<PathBuf>,
    },
    /// Extract a web archive's response record.
    Record(ResponseRecord),
    /// Answer a `--stdin-jsonl` line.
    Line(stream::Request),
}

/// The result of a page.
#[derive(Debug)]
pub struct PageResult {
    /// Its name.
    pub name: String,
    /// What happened.
    pub status: Status,
    /// Why it failed or was skipped.
    pub message: Option<String>,
    /// The rendered article, kept when it goes to a stream (not yet written).
    pub rendered: Option<String>,
    /// The file written, in an output directory.
    pub output: Option<PathBuf>,
    /// Bytes read.
    pub bytes_in: u64,
    /// Bytes written (or to write).
    pub bytes_out: u64,
    /// Milliseconds spent.
    pub ms: u64,
    /// Dropped blocks, for `--explain`.
    pub explain: Vec<gleaner::Dropped>,
}

/// The result of an archive record.
#[derive(Debug)]
pub struct RecordResult {
    /// `WARC-Target-URI`.
    pub uri: String,
    /// `Ok`, `NoArticle`, `Error` or `Skipped` (not HTML, not 200, too large).
    pub status: Status,
    /// Why it failed or was skipped.
    pub message: Option<String>,
    /// The JSON line (without newline) when `Ok`.
    pub line: Option<String>,
    /// Dropped blocks, for `--explain`.
    pub explain: Vec<gleaner::Dropped>,
}

/// What became of a unit of work.
#[derive(Debug)]
pub enum Outcome {
    /// A page.
    Page(PageResult),
    /// An archive record.
    Record(RecordResult),
    /// A `--stdin-jsonl` answer line (without newline), and whether it reports a failure.
    Line {
        /// The answer.
        text: String,
        /// True for an error line.
        failed: bool,
    },
}

/// What the watchdog needs to report a job that ran out of time.
#[derive(Debug, Clone)]
pub enum Pending {
    /// A page of this name.
    Page(String),
    /// An archive record of this URI.
    Record(String),
    /// A stream line with these echoed fields.
    Line(Vec<(&'static str, Value)>),
}

impl Pending {
    /// The outcome reported for a job given up after `budget`.
    pub fn timed_out(self, budget: Duration) -> Outcome {
        let message = format!(
            "gave up after the time budget of {:.1} s (--time-budget)",
            budget.as_secs_f64()
        );
        self.failed(&message)
    }

    /// The outcome reported for a job that failed with `message` before giving any result.
    pub fn failed(self, message: &str) -> Outcome {
        let message = message.to_string();
        match self {
            Pending::Page(name) => Outcome::Page(PageResult {
                name,
                status: Status::Error,
                message: Some(message),
                rendered: None,
                output: None,
                bytes_in: 0,
                bytes_out: 0,
                ms: 0,
                explain: Vec::new(),
            }),
            Pending::Record(uri) => Outcome::Record(RecordResult {
                uri,
                status: Status::Error,
                message: Some(message),
                line: None,
                explain: Vec::new(),
            }),
            Pending::Line(echo) => Outcome::Line {
                text: stream::error_line(&echo, &message),
                failed: true,
            },
        }
    }
}

/// A job being worked on.
#[derive(Debug)]
pub struct InFlight {
    /// Its number.
    pub seq: u64,
    /// When the worker took it.
    pub started: Instant,
    /// How to report it if it runs out of time.
    pub pending: Pending,
}

/// A worker's state, shared with the watchdog. The mutex serialises "give up on this job"
/// (watchdog) with "write this job's output" (worker), so a job given up never writes.
#[derive(Debug, Default)]
pub struct WorkerState {
    /// The job in hand.
    pub current: Mutex<Option<InFlight>>,
    /// Set by the watchdog: finish the job in hand silently, then exit.
    pub retired: AtomicBool,
}

/// A message from a worker (or the producer) to the collector.
#[derive(Debug)]
pub enum Event {
    /// Job `seq` is finished.
    Done(u64, Outcome),
    /// A result that needed no worker (resume skips, archive boundaries, problems).
    Direct(u64, super::batch::Direct),
    /// The producer is done: `total` numbers were handed out; `error` if it had to stop.
    End {
        /// How many sequence numbers exist.
        total: u64,
        /// A fatal problem (e.g. unreadable standard input).
        error: Option<String>,
    },
}

/// Starts a worker thread.
pub fn spawn(
    context: Arc<Context>,
    jobs: Receiver<Job>,
    events: Sender<Event>,
) -> std::io::Result<Arc<WorkerState>> {
    let state = Arc::new(WorkerState::default());
    let shared = Arc::clone(&state);
    std::thread::Builder::new()
        .name("gleaner-worker".into())
        .stack_size(WORKER_STACK)
        .spawn(move || work_loop(&context, &jobs, &events, &shared))?;
    Ok(state)
}

fn work_loop(context: &Context, jobs: &Receiver<Job>, events: &Sender<Event>, state: &WorkerState) {
    while let Ok(job) = jobs.recv() {
        let pending = match &job.work {
            Work::Page { name, .. } => Pending::Page(name.clone()),
            Work::Record(record) => Pending::Record(record.target_uri.clone()),
            Work::Line(Ok(parsed)) => Pending::Line(parsed.echo.clone()),
            Work::Line(Err((echo, _))) => Pending::Line(echo.clone()),
        };
        if let Ok(mut current) = state.current.lock() {
            *current = Some(InFlight {
                seq: job.seq,
                started: Instant::now(),
                pending: pending.clone(),
            });
        }
        // The library does not panic by design; should it, the page fails, not the batch.
        let work = job.work;
        let (outcome, write_to) =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(context, work)))
                .unwrap_or_else(|_| (pending.failed("internal error (panic)"), None));
        let Ok(mut current) = state.current.lock() else {
            return;
        };
        if state.retired.load(Ordering::SeqCst) {
            return;
        }
        let outcome = match write_to {
            Some(path) => write_page(outcome, &path),
            None => outcome,
        };
        *current = None;
        drop(current);
        if events.send(Event::Done(job.seq, outcome)).is_err() {
            return;
        }
    }
}

/// Writes a page's rendered output to its file (inside the worker, so writes run in parallel).
fn write_page(outcome: Outcome, path: &std::path::Path) -> Outcome {
    let Outcome::Page(mut page) = outcome else {
        return outcome;
    };
    if let Some(text) = page.rendered.take() {
        match write::atomic_write(path, text.as_bytes()) {
            Ok(()) => page.output = Some(path.to_path_buf()),
            Err(e) => {
                page.status = Status::Error;
                page.message = Some(format!("{e:#}"));
                page.bytes_out = 0;
            }
        }
    }
    Outcome::Page(page)
}

/// Does one unit of work; returns the outcome and the file to write it to.
fn process(context: &Context, work: Work) -> (Outcome, Option<PathBuf>) {
    match work {
        Work::Page {
            origin,
            name,
            output,
        } => (Outcome::Page(page(context, origin, name)), output),
        Work::Record(record) => (Outcome::Record(archive_record(context, record)), None),
        Work::Line(request) => (line(context, request), None),
    }
}

/// Options for one input: the shared ones with what the input itself says.
fn options_for(context: &Context, loaded: &Loaded) -> gleaner::Options {
    let mut options = context.options.clone();
    if loaded.url.is_some() {
        options.input.url.clone_from(&loaded.url);
    }
    if loaded.charset.is_some() {
        options.input.charset.clone_from(&loaded.charset);
    }
    if let Some(format) = loaded.format {
        options.input.format = format;
    }
    options
}

/// Extracts and renders a page.
fn page(context: &Context, origin: Origin, name: String) -> PageResult {
    let started = Instant::now();
    let mut result = PageResult {
        name,
        status: Status::Ok,
        message: None,
        rendered: None,
        output: None,
        bytes_in: 0,
        bytes_out: 0,
        ms: 0,
        explain: Vec::new(),
    };
    match sources::load(origin, context.max_size) {
        Err(e) => {
            result.status = match e {
                LoadError::TooLarge { size, .. } => {
                    result.bytes_in = size;
                    Status::Skipped
                }
                LoadError::Failed(_) => Status::Error,
            };
            result.message = Some(e.to_string());
        }
        Ok(loaded) => {
            result.bytes_in = loaded.bytes.len() as u64;
            let options = options_for(context, &loaded);
            match gleaner::extract(&loaded.bytes, &options) {
                Ok(article) => {
                    let text = match context.format {
                        OutputFormat::Document(format) => {
                            gleaner::render(&article, format, &options.render)
                        }
                        OutputFormat::Jsonl => {
                            let mut line = gleaner::render::json::to_json_line(&article);
                            stream::add_fields(&mut line, &[("input", Value::from(&*result.name))]);
                            line
                        }
                    };
                    result.bytes_out = text.len() as u64;
                    result.rendered = Some(text);
                    result.explain = article.dropped;
                }
                Err(e) => {
                    let (status, message, explain) = failure(e);
                    result.status = status;
                    result.message = Some(message);
                    result.explain = explain;
                }
            }
        }
    }
    result.ms = started.elapsed().as_millis() as u64;
    result
}

/// A library error as a status, a message and the dropped blocks.
fn failure(error: gleaner::Error) -> (Status, String, Vec<gleaner::Dropped>) {
    match error {
        gleaner::Error::NoArticle { reason, dropped } => (
            Status::NoArticle,
            format!("no article found ({reason})"),
            dropped,
        ),
        e @ gleaner::Error::TooLarge { .. } => (Status::Skipped, e.to_string(), Vec::new()),
        e => (Status::Error, e.to_string(), Vec::new()),
    }
}

/// Extracts an archive record: its HTTP response, then the page, as one JSON line with the
/// record's `url` (target URI), `warc_date` and `warc_record_id`.
fn archive_record(context: &Context, record: ResponseRecord) -> RecordResult {
    let mut result = RecordResult {
        uri: record.target_uri,
        status: Status::Skipped,
        message: None,
        line: None,
        explain: Vec::new(),
    };
    let response = match warc::parse_http(&record.http, context.max_size) {
        Ok(response) => response,
        Err(message) => {
            result.status = Status::Error;
            result.message = Some(message);
            return result;
        }
    };
    if response.status != 200 {
        result.message = Some(format!("HTTP status {}", response.status));
        return result;
    }
    if !warc::is_html(response.media_type.as_deref()) {
        result.message = Some(format!(
            "not HTML ({})",
            response.media_type.as_deref().unwrap_or("?")
        ));
        return result;
    }
    let loaded = Loaded {
        bytes: response.body,
        url: Some(result.uri.clone()).filter(|u| !u.is_empty()),
        charset: response.charset,
        format: None,
    };
    let loaded = match sources::load(Origin::Memory(loaded), context.max_size) {
        Ok(loaded) => loaded,
        Err(e) => {
            result.message = Some(e.to_string());
            return result;
        }
    };
    let options = options_for(context, &loaded);
    match gleaner::extract(&loaded.bytes, &options) {
        Ok(mut article) => {
            if !result.uri.is_empty() {
                article.metadata.url = Some(result.uri.clone());
            }
            let mut line = gleaner::render::json::to_json_line(&article);
            stream::add_fields(
                &mut line,
                &[
                    ("warc_date", Value::from(record.date)),
                    ("warc_record_id", Value::from(record.record_id)),
                ],
            );
            result.status = Status::Ok;
            result.line = Some(line);
            result.explain = article.dropped;
        }
        Err(e) => {
            let (status, message, explain) = failure(e);
            result.status = status;
            result.message = Some(message);
            result.explain = explain;
        }
    }
    result
}

/// Answers a `--stdin-jsonl` line.
fn line(context: &Context, request: stream::Request) -> Outcome {
    let parsed = match request {
        Ok(parsed) => parsed,
        Err((echo, message)) => {
            return Outcome::Line {
                text: stream::error_line(&echo, &message),
                failed: true,
            };
        }
    };
    let page = match sources::load(Origin::Memory(parsed.page), context.max_size) {
        Ok(page) => page,
        Err(e) => {
            return Outcome::Line {
                text: stream::error_line(&parsed.echo, &e.to_string()),
                failed: true,
            };
        }
    };
    let options = options_for(context, &page);
    match gleaner::extract(&page.bytes, &options) {
        Ok(article) => {
            let mut text = gleaner::render::json::to_json_line(&article);
            let mut fields: Vec<(&str, Value)> = parsed
                .echo
                .iter()
                .filter(|(key, _)| *key != "url")
                .cloned()
                .collect();
            fields.push(("status", Value::from("ok")));
            stream::add_fields(&mut text, &fields);
            Outcome::Line {
                text,
                failed: false,
            }
        }
        Err(e) => Outcome::Line {
            text: stream::error_line(&parsed.echo, &e.to_string()),
            failed: true,
        },
    }
}
