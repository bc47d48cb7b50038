//! The saved-text corpora: `text` (scrapinghub pages rendered to text, body F1) and
//! `text-snippets` (the snippets pages rendered to text, snippet F), one score per renderer.
//!
//! Case ids are `<renderer>/<page id>`, so `--show lynx/<id>` picks one render. Pages are read
//! with the input format forced to text, as a user saving text would pass `--input-format text`.

use super::corpus::{Case, Truth, score_snippets};
use super::metric::{self, PageScore, SnippetCounts};
use super::{Args, report};
use gleaner::{Article, Error, InputFormat, Options};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// The renderers of `text/` and `text-snippets/`, in the order they are reported.
pub const RENDERERS: &[&str] = &["lynx", "lynx-nolist", "w3m", "chromium", "html2text"];

use super::corpus::{read_json, strings};

/// Loads every render of every page of `text` or `text-snippets`.
pub fn load(root: &Path, set: &str) -> Result<Vec<Case>, String> {
    let dir = root.join(set);
    let (truth_file, body) = match set {
        "text" => ("ground-truth.json", true),
        "text-snippets" => ("evaldata.json", false),
        other => return Err(format!("unknown text corpus {other}")),
    };
    let data = read_json(&dir.join(truth_file))?;
    let map = data
        .as_object()
        .ok_or(format!("{truth_file} is not an object"))?;
    let mut cases = Vec::new();
    for renderer in RENDERERS {
        for (id, entry) in map {
            let path = dir.join(renderer).join(format!("{id}.txt"));
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let truth = if body {
                Truth::Body(entry["articleBody"].as_str().unwrap_or("").to_string())
            } else {
                Truth::Snippets {
                    with: strings(&entry["with"]),
                    without: strings(&entry["without"]),
                }
            };
            cases.push(Case {
                id: format!("{renderer}/{id}"),
                url: entry["url"].as_str().map(str::to_string),
                bytes,
                truth,
            });
        }
    }
    Ok(cases)
}

/// CPU time of this thread so far (user + system, `/proc/thread-self/stat`, Linux, in clock
/// ticks of 10 ms), in nanoseconds: the speed figure that other processes on a shared machine
/// do not distort.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some((user + system) * 10_000_000)
}

/// Runs gleaner on one saved-text case, timing it.
pub fn extract(case: &Case, explain: bool) -> (Result<Article, Error>, Duration) {
    let mut options = Options::default();
    options.input.url = case.url.clone();
    options.input.format = InputFormat::Text;
    options.clean.explain = explain;
    let start = Instant::now();
    let result = gleaner::extract(&case.bytes, &options);
    (result, start.elapsed())
}

/// Runs `text` or `text-snippets`, printing one line per renderer; returns the metrics
/// (`text.<renderer>.f1`, `text-snippets.<renderer>.f`, `<set>.mb_per_second`).
pub fn run(args: &Args, set: &str) -> Result<BTreeMap<String, f64>, String> {
    let cases = load(&args.corpus, set)?;
    let mut metrics = BTreeMap::new();
    let mut total_time = Duration::ZERO;
    let mut total_cpu = 0u64;
    let mut total_bytes = 0usize;
    let mut worst: Vec<(f64, String)> = Vec::new();
    println!();
    for renderer in RENDERERS {
        let prefix = format!("{renderer}/");
        let mut scores: Vec<PageScore> = Vec::new();
        let mut totals = SnippetCounts::default();
        let mut elapsed = Duration::ZERO;
        let mut bytes = 0usize;
        let mut pages = 0usize;
        let mine: Vec<&Case> = cases.iter().filter(|c| c.id.starts_with(&prefix)).collect();
        let cpu_start = cpu_ns();
        let mut outputs = Vec::with_capacity(mine.len());
        for case in &mine {
            let (result, took) = extract(case, false);
            elapsed += took;
            bytes += case.bytes.len();
            pages += 1;
            outputs.push(result.as_ref().map(Article::text).unwrap_or_default());
        }
        let cpu = cpu_ns()
            .zip(cpu_start)
            .map_or(0, |(end, start)| end - start);
        for (case, text) in mine.iter().zip(outputs) {
            match &case.truth {
                Truth::Body(truth) => {
                    let score = metric::body_score(truth, &text);
                    worst.push((score.f1(), case.id.clone()));
                    scores.push(score);
                }
                Truth::Snippets { with, without } => {
                    let (counts, notes) = score_snippets(&text, with, without);
                    totals.add(counts);
                    if counts.fn_ + counts.fp > 0 {
                        let bad = (counts.fn_ + counts.fp) as f64;
                        worst.push((-bad, format!("{}  {}", case.id, notes.join("  "))));
                    }
                }
            }
        }
        if pages == 0 {
            continue;
        }
        let seconds = elapsed.as_secs_f64().max(1e-9);
        let wall = bytes as f64 / 1e6 / seconds;
        let speed = bytes as f64 * 1e3 / (cpu as f64).max(1.0);
        let speed_note = format!("{speed:.1} MB/s CPU ({wall:.1} MB/s wall)");
        let name = format!("{set}.{renderer}");
        if scores.is_empty() {
            println!(
                "{name:<26} pages {pages:>4}  P {:.4}  R {:.4}  F {:.4}  accuracy {:.4}  {speed_note}",
                totals.precision(),
                totals.recall(),
                totals.f(),
                totals.accuracy()
            );
            metrics.insert(format!("{name}.f"), totals.f());
            metrics.insert(format!("{name}.precision"), totals.precision());
            metrics.insert(format!("{name}.recall"), totals.recall());
        } else {
            let summary = metric::summarise(&scores);
            report::body_line(&name, pages, &summary);
            println!("{:<26} {speed_note}", "");
            metrics.insert(format!("{name}.f1"), summary.f1);
            metrics.insert(format!("{name}.precision"), summary.precision);
            metrics.insert(format!("{name}.recall"), summary.recall);
        }
        total_time += elapsed;
        total_cpu += cpu;
        total_bytes += bytes;
    }
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("  worst {}:", args.worst.min(worst.len()));
    for (score, id) in worst.iter().take(args.worst) {
        println!("    {score:.3}  {id}");
    }
    let wall = total_bytes as f64 / 1e6 / total_time.as_secs_f64().max(1e-9);
    let speed = total_bytes as f64 * 1e3 / (total_cpu as f64).max(1.0);
    println!(
        "  speed: {speed:.1} MB/s of CPU time, {wall:.1} MB/s wall (single thread, {} renders, {:.1} MB)",
        cases.len(),
        total_bytes as f64 / 1e6
    );
    metrics.insert(format!("{set}.mb_per_second"), speed);
    Ok(metrics)
}
