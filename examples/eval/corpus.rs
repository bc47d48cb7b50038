//! Loading each corpus, running gleaner over it, and scoring.

use super::Args;
use super::metric::{self, PageScore, SnippetCounts};
use super::report;
use gleaner::{Article, Error, Options};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

/// The corpora this tool knows, in the order they run.
pub const SETS: &[&str] = &[
    "scrapinghub",
    "snippets",
    "readability",
    "text",
    "text-snippets",
    "dates",
    "snippets-meta",
    "readability-meta",
];

/// One page to extract and its truth.
pub struct Case {
    pub id: String,
    pub url: Option<String>,
    pub bytes: Vec<u8>,
    pub truth: Truth,
}

/// What a page should give.
pub enum Truth {
    Body(String),
    Snippets {
        with: Vec<String>,
        without: Vec<String>,
    },
}

pub fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The sorted names of the case folders in `dir` that hold `file` (the readability layout).
pub fn case_names(dir: &Path, file: &str) -> Result<Vec<String>, String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join(file).exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(out);
    }
    Ok(bytes)
}

pub fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Loads a corpus's cases.
pub fn load(root: &Path, set: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    match set {
        "scrapinghub" => {
            let dir = root.join("scrapinghub");
            let truth = read_json(&dir.join("ground-truth.json"))?;
            let map = truth
                .as_object()
                .ok_or("ground-truth.json is not an object")?;
            for (id, entry) in map {
                cases.push(Case {
                    id: id.clone(),
                    url: entry["url"].as_str().map(str::to_string),
                    bytes: read_file(&dir.join("html").join(format!("{id}.html.gz")))?,
                    truth: Truth::Body(entry["articleBody"].as_str().unwrap_or("").to_string()),
                });
            }
        }
        "snippets" => {
            let dir = root.join("snippets");
            let data = read_json(&dir.join("evaldata.json"))?;
            let map = data.as_object().ok_or("evaldata.json is not an object")?;
            for (key, entry) in map {
                let file = entry["file"].as_str().ok_or(format!("{key}: no file"))?;
                cases.push(Case {
                    id: key.clone(),
                    url: key.starts_with("http").then(|| key.clone()),
                    bytes: read_file(&dir.join("html").join(file))?,
                    truth: Truth::Snippets {
                        with: strings(&entry["with"]),
                        without: strings(&entry["without"]),
                    },
                });
            }
        }
        "readability" => {
            let dir = root.join("readability");
            for name in case_names(&dir, "source.html")? {
                let case = dir.join(&name);
                let expected =
                    String::from_utf8_lossy(&read_file(&case.join("expected.html"))?).into_owned();
                cases.push(Case {
                    id: name,
                    url: Some("http://fakehost/test/page.html".to_string()),
                    bytes: read_file(&case.join("source.html"))?,
                    truth: Truth::Body(html_text(&expected)),
                });
            }
        }
        "text" | "text-snippets" => return super::text::load(root, set),
        other => return Err(format!("unknown corpus {other}")),
    }
    Ok(cases)
}

/// The text of an HTML fragment, with a line break at every block element.
pub fn html_text(html: &str) -> String {
    let dom = gleaner::dom::Dom::parse(html);
    let mut out = String::new();
    for id in dom.ids() {
        if let Some(text) = dom.text(id) {
            out.push_str(text);
        } else if dom
            .tag(id)
            .is_some_and(|t| gleaner::clean::signals::is_block(t) || t == gleaner::dom::Tag::Br)
        {
            out.push('\n');
        }
    }
    out
}

/// Runs gleaner on one case, timing it.
pub fn extract(case: &Case, explain: bool) -> (Result<Article, Error>, Duration) {
    let mut options = Options::default();
    options.input.url = case.url.clone();
    options.clean.explain = explain;
    let start = Instant::now();
    let result = gleaner::extract(&case.bytes, &options);
    (result, start.elapsed())
}

fn output_text(result: &Result<Article, Error>) -> String {
    result.as_ref().map(Article::text).unwrap_or_default()
}

/// Runs one corpus and prints its report; returns its metrics for the gate.
pub fn run(args: &Args, set: &str) -> Result<BTreeMap<String, f64>, String> {
    if set.starts_with("text") {
        return super::text::run(args, set);
    }
    if super::meta::SETS.contains(&set) {
        return super::meta::run(args, set);
    }
    let cases = load(&args.corpus, set)?;
    let mut metrics = BTreeMap::new();
    let mut elapsed = Duration::ZERO;
    let bytes: usize = cases.iter().map(|c| c.bytes.len()).sum();
    let mut body_scores: Vec<(PageScore, &Case)> = Vec::new();
    let mut snippet_pages: Vec<(SnippetCounts, Vec<String>, &Case)> = Vec::new();
    let mut totals = SnippetCounts::default();
    for case in &cases {
        let (result, took) = extract(case, false);
        elapsed += took;
        let text = output_text(&result);
        match &case.truth {
            Truth::Body(truth) => body_scores.push((metric::body_score(truth, &text), case)),
            Truth::Snippets { with, without } => {
                let (counts, notes) = score_snippets(&text, with, without);
                totals.add(counts);
                snippet_pages.push((counts, notes, case));
            }
        }
    }
    println!();
    if !body_scores.is_empty() {
        let scores: Vec<PageScore> = body_scores.iter().map(|(s, _)| *s).collect();
        let summary = metric::summarise(&scores);
        report::body_line(set, cases.len(), &summary);
        metrics.insert(format!("{set}.f1"), summary.f1);
        metrics.insert(format!("{set}.precision"), summary.precision);
        metrics.insert(format!("{set}.recall"), summary.recall);
        metrics.insert(format!("{set}.accuracy"), summary.accuracy);
        body_scores.sort_by(|a, b| a.0.f1().total_cmp(&b.0.f1()));
        println!("  worst {}:", args.worst.min(body_scores.len()));
        for (score, case) in body_scores.iter().take(args.worst) {
            println!(
                "    {:.3}  P {:.3} R {:.3}  {}  {}",
                score.f1(),
                score.precision.unwrap_or(0.0),
                score.recall.unwrap_or(0.0),
                short(&case.id),
                case.url.as_deref().unwrap_or("")
            );
        }
    }
    if !snippet_pages.is_empty() {
        println!(
            "{set:<14} pages {:>4}  P {:.4}  R {:.4}  F {:.4}  accuracy {:.4}  (TP {} FN {} FP {} TN {})",
            cases.len(),
            totals.precision(),
            totals.recall(),
            totals.f(),
            totals.accuracy(),
            totals.tp,
            totals.fn_,
            totals.fp,
            totals.tn
        );
        metrics.insert(format!("{set}.f"), totals.f());
        metrics.insert(format!("{set}.precision"), totals.precision());
        metrics.insert(format!("{set}.recall"), totals.recall());
        snippet_pages.sort_by_key(|(c, _, _)| std::cmp::Reverse(c.fn_ + c.fp));
        println!(
            "  worst {} (missed - / leaked +):",
            args.worst.min(snippet_pages.len())
        );
        for (counts, notes, case) in snippet_pages.iter().take(args.worst) {
            if counts.fn_ + counts.fp == 0 {
                break;
            }
            println!("    {}  {}", short(&case.id), notes.join("  "));
        }
    }
    let seconds = elapsed.as_secs_f64().max(1e-9);
    println!(
        "  speed: {:.0} pages/s, {:.1} MB/s (single thread, {} pages, {:.1} MB)",
        cases.len() as f64 / seconds,
        bytes as f64 / 1e6 / seconds,
        cases.len(),
        bytes as f64 / 1e6
    );
    metrics.insert(
        format!("{set}.pages_per_second"),
        cases.len() as f64 / seconds,
    );
    Ok(metrics)
}

fn short(id: &str) -> String {
    if id.chars().count() > 70 {
        format!("{}…", id.chars().take(70).collect::<String>())
    } else {
        id.to_string()
    }
}

/// Scores one page's snippets; the notes list what was missed (-) or leaked (+).
pub fn score_snippets(
    text: &str,
    with: &[String],
    without: &[String],
) -> (SnippetCounts, Vec<String>) {
    let body = metric::squeeze(text);
    let mut counts = SnippetCounts::default();
    let mut notes = Vec::new();
    for snippet in with {
        if body.contains(&metric::squeeze(snippet)) {
            counts.tp += 1;
        } else {
            counts.fn_ += 1;
            notes.push(format!("-{snippet:?}"));
        }
    }
    for snippet in without {
        if body.contains(&metric::squeeze(snippet)) {
            counts.fp += 1;
            notes.push(format!("+{snippet:?}"));
        } else {
            counts.tn += 1;
        }
    }
    (counts, notes)
}

/// Prints one page's output beside its truth.
pub fn show(args: &Args, id: &str) -> Result<(), String> {
    for set in SETS {
        if super::meta::SETS.contains(set) {
            continue;
        }
        let cases = load(&args.corpus, set)?;
        let Some(case) = cases.iter().find(|c| c.id == id || c.id.starts_with(id)) else {
            continue;
        };
        let (result, took) = if set.starts_with("text") {
            super::text::extract(case, args.explain)
        } else {
            extract(case, args.explain)
        };
        let text = output_text(&result);
        println!(
            "== {set} / {} ({:.1} ms)",
            case.id,
            took.as_secs_f64() * 1e3
        );
        if let Err(e) = &result {
            println!("error: {e}");
        }
        if let Ok(article) = &result {
            println!("title: {:?}", article.metadata.title);
        }
        match &case.truth {
            Truth::Body(truth) => {
                let score = metric::body_score(truth, &text);
                println!(
                    "P {:.3} R {:.3} F1 {:.3}",
                    score.precision.unwrap_or(0.0),
                    score.recall.unwrap_or(0.0),
                    score.f1()
                );
                println!("\n-- missing (in truth, not in output):");
                for line in truth.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    if !metric::squeeze(&text).contains(&metric::squeeze(line)) {
                        println!("  - {line}");
                    }
                }
                println!("\n-- extra (in output, not in truth):");
                let squeezed_truth = metric::squeeze(truth);
                for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    if !squeezed_truth.contains(&metric::squeeze(line)) {
                        println!("  + {line}");
                    }
                }
            }
            Truth::Snippets { with, without } => {
                let (_, notes) = score_snippets(&text, with, without);
                println!("{}", notes.join("\n"));
            }
        }
        println!("\n-- output:\n{text}");
        if args.explain
            && let Ok(article) = &result
        {
            println!("\n-- dropped:");
            for d in &article.dropped {
                println!("  [{}] {}", d.rule, d.text);
            }
        }
        if args.explain
            && let Err(gleaner::Error::NoArticle { dropped, .. }) = &result
        {
            println!("\n-- dropped:");
            for d in dropped {
                println!("  [{}] {}", d.rule, d.text);
            }
        }
        return Ok(());
    }
    Err(format!("no page {id} in {}", SETS.join(", ")))
}
