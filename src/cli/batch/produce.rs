//! The producer thread: lists the inputs and numbers every unit of work in input order (a
//! page, an archive record, a stream line, or a result known without a worker), waiting for a
//! permit before each so it never runs more than the window ahead of the collector.

use super::Direct;
use crate::cli::manifest::{Entry, Status};
use crate::cli::sources::{self, Kind, Origin, Source};
use crate::cli::work::{Event, Job, Outcome, RecordResult, Work};
use crate::cli::{stream, warc};
use crossbeam_channel::Sender;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Everything the producer needs.
pub(super) struct Plan {
    pub(super) sources: Vec<Source>,
    pub(super) problems: Vec<(String, String)>,
    pub(super) directory: Option<PathBuf>,
    pub(super) extension: &'static str,
    pub(super) force: bool,
    pub(super) recorded: Arc<HashMap<String, Status>>,
    pub(super) max_size: u64,
    pub(super) stdin_jsonl: bool,
}

/// The producer's side of the channels: hands out sequence numbers, one permit each.
pub(super) struct Feed {
    pub(super) next: u64,
    pub(super) permits: Sender<()>,
    pub(super) jobs: Sender<Job>,
    pub(super) events: Sender<Event>,
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
pub(super) fn produce(mut plan: Plan, mut feed: Feed) {
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
