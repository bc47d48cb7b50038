//! Metadata corpora: publication dates (`dates`), the snippets pages' annotated title, author
//! and date (`snippets-meta`), and Readability's expected metadata (`readability-meta`).
//!
//! Metadata is read by the library's own stages (decode, parse, `metadata::from_html`) so a page
//! without an article still has its metadata scored, and so the metadata stage can be timed
//! apart from the rest: each set prints the parse time, the metadata time, and the full
//! pipeline's time on the same pages.

use super::Args;
use gleaner::Metadata;
use gleaner::dom::Dom;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// The metadata sets.
pub const SETS: &[&str] = &["dates", "snippets-meta", "readability-meta"];

/// One page and what its metadata should be.
struct Page {
    id: String,
    url: Option<String>,
    bytes: Vec<u8>,
    expected: BTreeMap<&'static str, Option<String>>,
}

/// Times of the stages, summed over pages.
#[derive(Default)]
struct Timing {
    parse: Duration,
    metadata: Duration,
    full: Duration,
}

fn load(root: &Path, set: &str) -> Result<Vec<Page>, String> {
    let mut pages = Vec::new();
    // A string, or a list of names joined by "; " (the form for authors).
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::Array(items) => {
            let names: Vec<&str> = items.iter().filter_map(|i| i.as_str()).collect();
            (!names.is_empty()).then(|| names.join("; "))
        }
        _ => v.as_str().map(str::to_string),
    };
    match set {
        "dates" => {
            let dir = root.join("dates");
            // The file writes a missing date as NaN, which is not JSON.
            let path = dir.join("truth.json");
            let raw = std::fs::read_to_string(&path)
                .map_err(|e| format!("{}: {e}", path.display()))?
                .replace(": NaN", ": null");
            let truth: serde_json::Value =
                serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
            for (url, entry) in truth.as_object().ok_or("truth.json is not an object")? {
                let file = entry["file"].as_str().ok_or(format!("{url}: no file"))?;
                pages.push(Page {
                    id: url.clone(),
                    url: Some(url.clone()),
                    bytes: super::corpus::read_file(&dir.join("html").join(file))?,
                    expected: BTreeMap::from([("date", text(&entry["date"]))]),
                });
            }
        }
        "snippets-meta" => {
            let dir = root.join("snippets");
            let data = super::corpus::read_json(&dir.join("evaldata.json"))?;
            for (key, entry) in data.as_object().ok_or("evaldata.json is not an object")? {
                let file = entry["file"].as_str().ok_or(format!("{key}: no file"))?;
                pages.push(Page {
                    id: key.clone(),
                    url: key.starts_with("http").then(|| key.clone()),
                    bytes: super::corpus::read_file(&dir.join("html").join(file))?,
                    expected: BTreeMap::from([
                        ("title", text(&entry["title"])),
                        ("author", text(&entry["author"])),
                        ("date", text(&entry["date"])),
                    ]),
                });
            }
        }
        "readability-meta" => {
            let dir = root.join("readability");
            for name in super::corpus::case_names(&dir, "expected-metadata.json")? {
                let case = dir.join(&name);
                let m = super::corpus::read_json(&case.join("expected-metadata.json"))?;
                pages.push(Page {
                    id: name,
                    url: Some("http://fakehost/test/page.html".to_string()),
                    bytes: super::corpus::read_file(&case.join("source.html"))?,
                    expected: BTreeMap::from([
                        ("title", text(&m["title"])),
                        ("lang", text(&m["lang"])),
                        ("byline", text(&m["byline"])),
                        ("excerpt", text(&m["excerpt"])),
                        ("siteName", text(&m["siteName"])),
                        ("publishedTime", text(&m["publishedTime"])),
                    ]),
                });
            }
        }
        other => return Err(format!("unknown corpus {other}")),
    }
    Ok(pages)
}

/// Reads one page's metadata with the library's stages, timing each.
fn read_metadata(page: &Page, timing: &mut Timing) -> Metadata {
    let mut options = gleaner::Options::default();
    options.input.url = page.url.clone();
    let start = Instant::now();
    let _ = gleaner::extract(&page.bytes, &options);
    timing.full += start.elapsed();
    let Ok(decoded) = gleaner::input::read(&page.bytes, &options.input) else {
        return Metadata::default();
    };
    let url = page.url.as_deref().and_then(|u| url::Url::parse(u).ok());
    let start = Instant::now();
    let dom = Dom::parse(&decoded.text);
    timing.parse += start.elapsed();
    let start = Instant::now();
    let metadata = gleaner::metadata::from_html(&dom, url.as_ref());
    timing.metadata += start.elapsed();
    if std::env::var_os("EVAL_DATES_DEBUG").is_some() {
        debug_dates(&dom, url.as_ref(), page, &metadata);
    }
    if std::env::var_os("EVAL_AUTHOR_DEBUG").is_some() {
        debug_authors(&dom, page, &metadata);
    }
    if std::env::var_os("EVAL_TITLE_DEBUG").is_some() {
        debug_title(&dom, url.as_ref(), page, &metadata);
    }
    metadata
}

/// Prints the date candidates of a page whose date is wrong (set `EVAL_DATES_DEBUG`).
fn debug_dates(dom: &Dom, url: Option<&url::Url>, page: &Page, m: &Metadata) {
    use gleaner::metadata::{Sources, dates, scan::Scan};
    let expected = page.expected.get("date").cloned().flatten();
    if expected.is_none() || day(m.published.as_deref()) == expected.as_deref() {
        return;
    }
    let scan = Scan::collect(dom);
    let sources = Sources::read(dom, &scan);
    let order = gleaner::metadata::date::DayOrder::for_language(m.language.as_deref());
    println!("-- {} expected {:?}", page.id, expected);
    for c in dates::candidates(dom, &scan, &sources, url, order) {
        println!("     {:<12} {}", c.source, c.date.to_iso());
    }
}

/// Prints the title sources of a page whose title is wrong (set `EVAL_TITLE_DEBUG`).
fn debug_title(dom: &Dom, url: Option<&url::Url>, page: &Page, m: &Metadata) {
    use gleaner::metadata::{Sources, node_text, scan::Scan, title};
    let expected = expected_squeezed(page, "title");
    if expected.is_none() || m.title.as_deref().map(squeeze) == expected {
        return;
    }
    let scan = Scan::collect(dom);
    let sources = Sources::read(dom, &scan);
    println!("-- {} expected {:?} got {:?}", page.id, expected, m.title);
    println!("     jsonld     {:?}", sources.jsonld.title);
    println!("     microdata  {:?}", sources.microdata.title);
    for meta in scan.metas.iter().filter(|m| m.key.contains("title")) {
        println!("     meta {:<10} {:?}", meta.key, meta.content);
    }
    println!(
        "     <title>    {:?}",
        scan.title.map(|t| node_text(dom, t, 600))
    );
    for &h in scan.h1s.iter().take(4) {
        println!("     <h1>       {:?}", node_text(dom, h, 300));
    }
    println!("     sites      {:?}", title::site_names(&sources, url));
}

/// Prints the author sources of a page whose authors are wrong (set `EVAL_AUTHOR_DEBUG`).
fn debug_authors(dom: &Dom, page: &Page, m: &Metadata) {
    use gleaner::metadata::{Sources, node_text, scan::Scan};
    let expected = expected_squeezed(page, "author");
    let got = (!m.authors.is_empty()).then(|| m.authors.join("; "));
    if expected.is_none() || got == expected {
        return;
    }
    let scan = Scan::collect(dom);
    println!("-- {} expected {:?} got {:?}", page.id, expected, got);
    let sources = Sources::read(dom, &scan);
    println!("     jsonld     {:?}", sources.jsonld.authors);
    println!("     microdata  {:?}", sources.microdata.authors);
    println!("     meta       {:?}", sources.meta.authors);
    for &id in scan.rel_authors.iter().chain(&scan.bylines).take(8) {
        println!("     element    {:?}", node_text(dom, id, 200));
    }
    for &id in scan.date_hints.iter().take(8) {
        println!("     datehint   {:?}", node_text(dom, id, 200));
    }
}

/// A page's expected value of `key`, white space folded.
fn expected_squeezed(page: &Page, key: &str) -> Option<String> {
    page.expected
        .get(key)
        .cloned()
        .flatten()
        .map(|t| squeeze(&t))
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn day(s: Option<&str>) -> Option<&str> {
    s.and_then(|d| d.get(..10))
}

/// Right / wrong / missing counts of one field.
#[derive(Default)]
struct Tally {
    right: usize,
    wrong: usize,
    missing: usize,
    /// Pages whose truth is empty but where something was found (a hint only).
    extra: usize,
    notes: Vec<String>,
}

impl Tally {
    fn judge(&mut self, id: &str, expected: Option<&str>, got: Option<&str>) {
        let expected = expected.map(squeeze).filter(|e| !e.is_empty());
        let got = got.map(squeeze).filter(|g| !g.is_empty());
        match (expected, got) {
            (None, Some(_)) => self.extra += 1,
            (None, None) => {}
            (Some(_), None) => {
                self.missing += 1;
                self.notes.push(format!("missing  {}", short(id)));
            }
            (Some(e), Some(g)) if e == g => self.right += 1,
            (Some(e), Some(g)) => {
                self.wrong += 1;
                self.notes
                    .push(format!("{:?} != {:?}  {}", g, e, short(id)));
            }
        }
    }

    fn share(&self) -> f64 {
        let total = self.right + self.wrong + self.missing;
        if total == 0 {
            0.0
        } else {
            self.right as f64 / total as f64
        }
    }

    fn print(&self, name: &str, worst: usize) {
        println!(
            "  {name:<10} right {:.4}  ({} right, {} wrong, {} missing; {} found where none is expected)",
            self.share(),
            self.right,
            self.wrong,
            self.missing,
            self.extra
        );
        for note in self.notes.iter().take(worst) {
            println!("      {note}");
        }
    }
}

fn short(id: &str) -> String {
    id.chars().take(90).collect()
}

/// Runs one metadata set; returns its metrics for the gate.
pub fn run(args: &Args, set: &str) -> Result<BTreeMap<String, f64>, String> {
    let pages = load(&args.corpus, set)?;
    let mut timing = Timing::default();
    let mut tallies: BTreeMap<&'static str, Tally> = BTreeMap::new();
    for page in &pages {
        let m = read_metadata(page, &mut timing);
        let expected = |k: &str| page.expected.get(k).cloned().flatten();
        let mut judge = |field: &'static str, e: Option<String>, g: Option<String>| {
            tallies
                .entry(field)
                .or_default()
                .judge(&page.id, e.as_deref(), g.as_deref());
        };
        match set {
            "dates" => judge(
                "date",
                expected("date"),
                day(m.published.as_deref()).map(str::to_string),
            ),
            "snippets-meta" => {
                judge("title", expected("title"), m.title.clone());
                let authors = (!m.authors.is_empty()).then(|| m.authors.join("; "));
                judge("author", expected("author"), authors);
                judge(
                    "date",
                    expected("date"),
                    day(m.published.as_deref()).map(str::to_string),
                );
            }
            _ => {
                judge("title", expected("title"), m.title.clone());
                // A page without a declared language expects none.
                let lang = expected("lang");
                let got = m.language.clone();
                let t = tallies.entry("lang").or_default();
                match (&lang, &got) {
                    (None, None) => t.right += 1,
                    (None, Some(g)) => {
                        t.wrong += 1;
                        t.notes.push(format!("{g:?} != None  {}", page.id));
                    }
                    _ => t.judge(&page.id, lang.as_deref(), got.as_deref()),
                }
                let mut judge = |field: &'static str, e: Option<String>, g: Option<String>| {
                    tallies
                        .entry(field)
                        .or_default()
                        .judge(&page.id, e.as_deref(), g.as_deref());
                };
                let authors = (!m.authors.is_empty()).then(|| m.authors.join(", "));
                judge("byline~", expected("byline"), authors);
                judge("excerpt~", expected("excerpt"), m.description.clone());
                judge("siteName~", expected("siteName"), m.site_name.clone());
                judge(
                    "published~",
                    day(expected("publishedTime").as_deref()).map(str::to_string),
                    day(m.published.as_deref()).map(str::to_string),
                );
            }
        }
    }
    println!("\n{set:<14} pages {:>4}", pages.len());
    let mut metrics = BTreeMap::new();
    let prefix = set.trim_end_matches("-meta");
    for (field, tally) in &tallies {
        tally.print(field, args.worst);
        if !field.ends_with('~') {
            let name = if set == "dates" {
                "dates.accuracy".to_string()
            } else {
                format!("{prefix}.{field}")
            };
            metrics.insert(name, tally.share());
        }
    }
    let n = pages.len().max(1) as f64;
    let ms = |d: Duration| d.as_secs_f64() * 1e3 / n;
    println!(
        "  speed: metadata {:.3} ms/page, parse {:.3} ms/page, full pipeline {:.3} ms/page ({:.0} pages/s); metadata is {:.1}% of the pipeline",
        ms(timing.metadata),
        ms(timing.parse),
        ms(timing.full),
        n / timing.full.as_secs_f64().max(1e-9),
        100.0 * timing.metadata.as_secs_f64() / timing.full.as_secs_f64().max(1e-9)
    );
    Ok(metrics)
}
