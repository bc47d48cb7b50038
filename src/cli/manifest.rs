//! The manifest `DIR/gleaner-manifest.jsonl` of a run into an output directory: one JSON line per
//! input (path or URL, status, output file, bytes in and out, milliseconds), then a summary line.
//!
//! It is an append-only log that survives a kill: lines are appended whole; a run that finds a
//! truncated last line (killed mid-write) cuts it off before appending. Reruns append to it, so
//! the last entry for an input is the one that counts. Resume reads it back: an input whose last
//! entry is `no-article` or `skipped` (deterministic outcomes) is not redone.
//!
//! What "the same manifest" means for an interrupted and resumed run: the same last entry per
//! input, ignoring `ms` (timing) and the summary lines.

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The manifest's file name inside the output directory.
pub const FILE_NAME: &str = "gleaner-manifest.jsonl";

/// What happened to one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// An article was written.
    Ok,
    /// The page was read but holds no article.
    NoArticle,
    /// Reading, extracting or writing failed (or the time budget ran out).
    Error,
    /// Not processed: over `--max-size`.
    Skipped,
}

/// Counts for a web archive's records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordCounts {
    /// Response records that gave an article (lines written).
    pub ok: u64,
    /// Response records with no article or that failed.
    pub failed: u64,
    /// Response records skipped: not HTML, not status 200, or over `--max-size`.
    pub skipped: u64,
}

/// One input's line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The input's path (as named on the command line or found in a directory) or URL.
    pub input: String,
    /// What happened.
    pub status: Status,
    /// Why it failed or was skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The output file written, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Bytes read.
    pub bytes_in: u64,
    /// Bytes written.
    pub bytes_out: u64,
    /// Milliseconds spent (absent for entries recovered on resume).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ms: Option<u64>,
    /// For web archives: what became of their records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<RecordCounts>,
}

/// The line that ends a run.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryLine {
    /// Always true: tells the summary from entries.
    pub summary: bool,
    /// Inputs done in this run (article written).
    pub done: u64,
    /// Inputs failed or with no article in this run.
    pub failed: u64,
    /// Inputs skipped by `--max-size` in this run.
    pub skipped: u64,
    /// Inputs already done by an earlier run (resumed over).
    pub already_done: u64,
    /// Pages extracted (archive records count one each).
    pub pages: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Pages per second of wall-clock time.
    pub pages_per_second: f64,
}

/// The open manifest and what earlier runs recorded.
pub struct Manifest {
    path: PathBuf,
    file: File,
    recorded: HashMap<String, Status>,
}

impl Manifest {
    /// Opens (creates) the manifest in `dir`, repairing a truncated last line.
    pub fn open(dir: &Path) -> Result<Manifest> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let path = dir.join(FILE_NAME);
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        let mut text = Vec::new();
        file.read_to_end(&mut text)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let complete = text.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        if complete < text.len() {
            file.set_len(complete as u64)
                .with_context(|| format!("cannot repair {}", path.display()))?;
        }
        let mut recorded = HashMap::new();
        for line in text[..complete].split(|&b| b == b'\n') {
            if let Ok(entry) = serde_json::from_slice::<Entry>(line) {
                recorded.insert(entry.input, entry.status);
            }
        }
        Ok(Manifest {
            path,
            file,
            recorded,
        })
    }

    /// Every input's last recorded status, as read at opening (for the producer's resume checks).
    pub fn snapshot(&self) -> HashMap<String, Status> {
        self.recorded.clone()
    }

    /// Appends an entry (one whole line).
    pub fn append(&mut self, entry: &Entry) -> Result<()> {
        self.recorded.insert(entry.input.clone(), entry.status);
        self.line(entry)
    }

    /// Appends the summary line.
    pub fn summary(&mut self, summary: &SummaryLine) -> Result<()> {
        self.line(summary)
    }

    fn line(&mut self, value: &impl Serialize) -> Result<()> {
        let mut line = serde_json::to_vec(value)?;
        line.push(b'\n');
        self.file
            .write_all(&line)
            .with_context(|| format!("cannot write {}", self.path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(input: &str, status: Status) -> Entry {
        Entry {
            input: input.into(),
            status,
            error: None,
            output: None,
            bytes_in: 1,
            bytes_out: 0,
            ms: Some(3),
            records: None,
        }
    }

    #[test]
    fn a_truncated_last_line_is_cut_and_entries_are_read_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        {
            let mut manifest = Manifest::open(dir.path()).expect("open");
            manifest.append(&entry("a.html", Status::Ok)).expect("a");
            manifest
                .append(&entry("b.html", Status::NoArticle))
                .expect("b");
        }
        let path = dir.path().join(FILE_NAME);
        let mut text = std::fs::read_to_string(&path).expect("read");
        text.push_str("{\"input\":\"c.ht");
        std::fs::write(&path, text).expect("write");
        let mut manifest = Manifest::open(dir.path()).expect("reopen");
        let recorded = manifest.snapshot();
        assert_eq!(recorded.get("a.html"), Some(&Status::Ok));
        assert_eq!(recorded.get("b.html"), Some(&Status::NoArticle));
        assert_eq!(recorded.get("c.html"), None);
        manifest.append(&entry("c.html", Status::Error)).expect("c");
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(text.lines().count(), 3);
        assert!(
            text.lines()
                .all(|l| serde_json::from_str::<Entry>(l).is_ok())
        );
    }
}
