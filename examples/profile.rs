//! Extracts the scrapinghub pages in a loop, for profilers (`perf record`, `valgrind
//! --tool=callgrind`): `cargo run --release --example profile -- [ROUNDS] [CORPUS_DIR]`.
//! Prints pages/s and MB/s of `gleaner::extract` alone, single-threaded.
//!
//! The corpus directory may hold gzipped (`.gz`) or plain pages, or subdirectories with a
//! `source.html` (the readability corpus). With `GLEANER_PROFILE_DUMP=FILE`, the result of every
//! page (its `Debug` form) is written to FILE, to check that a change leaves the output identical.
//!
//! Pages saved as text (`.txt`, the text corpus's renderer directories) are read as text input,
//! with the page's URL from a `ground-truth.json` in the directory above when there is one (as
//! the eval does). Several directories may be given: `profile 1 ../shared/corpus/text/lynx
//! ../shared/corpus/text/w3m`. `GLEANER_PROFILE_LIMIT=N` keeps the first N pages of each.
//!
//! With `GLEANER_PROFILE_BASELINE=1`, html5ever's tokenizer alone (no tree, a sink that drops
//! every token) also runs over the same pages, right after, and the ratio of the two rates is
//! printed. This VM's speed swings by a third from one hour to the next; the ratio does not, so
//! it turns a run into the pages/s of the machine state where `../shared/DEPENDENCIES.md`
//! measured the tokenizer alone at 1,200 pages/s.

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One page to extract: its bytes and the options it is read with.
struct Page {
    bytes: Vec<u8>,
    options: gleaner::Options,
}

/// The URLs of the text corpus's pages by id, from `ground-truth.json` next to `dir`.
fn text_urls(dir: &Path) -> serde_json::Map<String, serde_json::Value> {
    dir.parent()
        .map(|p| p.join("ground-truth.json"))
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default()
}

/// A saved-text page: read as text, with its URL when `urls` knows it.
fn read_text(path: &Path, urls: &serde_json::Map<String, serde_json::Value>) -> Option<Page> {
    if path.extension().is_none_or(|e| e != "txt") {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let mut options = gleaner::Options::default();
    options.input.format = gleaner::InputFormat::Text;
    options.input.url = path
        .file_stem()
        .and_then(|id| urls.get(id.to_str()?)?["url"].as_str())
        .map(str::to_string);
    Some(Page { bytes, options })
}

fn read_page(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    let path = if path.is_dir() {
        path.join("source.html")
    } else {
        path.to_path_buf()
    };
    if !path.is_file() {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::MultiGzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut bytes)?;
    } else if path.extension().is_some_and(|e| e == "html" || e == "htm") {
        bytes = std::fs::read(&path)?;
    } else {
        return Ok(None);
    }
    Ok(Some(bytes))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(5);
    let mut dirs: Vec<String> = args.collect();
    if dirs.is_empty() {
        dirs.push("../shared/corpus/scrapinghub/html".to_string());
    }
    let limit: usize = std::env::var("GLEANER_PROFILE_LIMIT")
        .ok()
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(usize::MAX);
    let mut pages = Vec::new();
    for dir in &dirs {
        let dir = Path::new(dir);
        let urls = text_urls(dir);
        let mut names: Vec<_> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        names.sort();
        let mut taken = 0;
        for path in &names {
            if taken >= limit {
                break;
            }
            if let Some(page) = read_text(path, &urls) {
                pages.push(page);
                taken += 1;
            } else if let Some(bytes) = read_page(path)? {
                let options = gleaner::Options::default();
                pages.push(Page { bytes, options });
                taken += 1;
            }
        }
    }
    let total: usize = pages.iter().map(|p| p.bytes.len()).sum();
    if let Ok(dump) = std::env::var("GLEANER_PROFILE_DUMP") {
        let mut out = String::new();
        for page in &pages {
            let _ = writeln!(out, "{:?}", gleaner::extract(&page.bytes, &page.options));
        }
        std::fs::write(dump, out)?;
    }
    let start = Instant::now();
    let mut articles = 0;
    for _ in 0..rounds {
        for page in &pages {
            articles += usize::from(gleaner::extract(&page.bytes, &page.options).is_ok());
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let n = (pages.len() * rounds) as f64;
    println!(
        "{} pages x {rounds}: {:.0} pages/s, {:.1} MB/s ({} articles)",
        pages.len(),
        n / seconds,
        (total * rounds) as f64 / 1e6 / seconds,
        articles / rounds.max(1)
    );
    if std::env::var_os("GLEANER_PROFILE_BASELINE").is_some() {
        let start = Instant::now();
        for _ in 0..rounds {
            for page in &pages {
                tokenize(&page.bytes);
            }
        }
        let baseline = n / start.elapsed().as_secs_f64();
        let ratio = n / seconds / baseline;
        println!(
            "html5ever tokenizer alone: {baseline:.0} pages/s; gleaner runs at {:.3} of it \
             ({:.0} pages/s where the tokenizer alone does 1,200)",
            ratio,
            ratio * 1200.0
        );
    }
    Ok(())
}

/// A token sink that keeps nothing.
struct Discard;

impl html5ever::tokenizer::TokenSink for Discard {
    type Handle = ();

    fn process_token(
        &self,
        token: html5ever::tokenizer::Token,
        _line: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<()> {
        std::hint::black_box(token);
        html5ever::tokenizer::TokenSinkResult::Continue
    }
}

/// Runs html5ever's tokenizer alone over a page (decoded as UTF-8, invalid bytes replaced).
fn tokenize(bytes: &[u8]) {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    let text = String::from_utf8_lossy(bytes);
    let tokenizer = Tokenizer::new(Discard, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from(text.as_ref()));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
}
