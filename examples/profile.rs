//! Extracts the scrapinghub pages in a loop, for profilers (`perf record`, `valgrind
//! --tool=callgrind`): `cargo run --release --example profile -- [ROUNDS] [CORPUS_DIR]`.
//! Prints pages/s and MB/s of `gleaner::extract` alone, single-threaded.
//!
//! The corpus directory may hold gzipped (`.gz`) or plain pages, or subdirectories with a
//! `source.html` (the readability corpus). With `GLEANER_PROFILE_DUMP=FILE`, the result of every
//! page (its `Debug` form) is written to FILE, to check that a change leaves the output identical.

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/corpus/scrapinghub/html".to_string());
    let mut pages = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    names.sort();
    for path in &names {
        if let Some(bytes) = read_page(path)? {
            pages.push(bytes);
        }
    }
    let total: usize = pages.iter().map(Vec::len).sum();
    let options = gleaner::Options::default();
    if let Ok(dump) = std::env::var("GLEANER_PROFILE_DUMP") {
        let mut out = String::new();
        for page in &pages {
            let _ = writeln!(out, "{:?}", gleaner::extract(page, &options));
        }
        std::fs::write(dump, out)?;
    }
    let start = Instant::now();
    let mut articles = 0;
    for _ in 0..rounds {
        for page in &pages {
            articles += usize::from(gleaner::extract(page, &options).is_ok());
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
    Ok(())
}
