//! Extracts the scrapinghub pages in a loop, for profilers (`perf record`, `valgrind
//! --tool=callgrind`): `cargo run --release --example profile -- [ROUNDS] [CORPUS_DIR]`.
//! Prints pages/s and MB/s of `gleaner::extract` alone, single-threaded.

use std::io::Read;
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    for path in names {
        let mut bytes = Vec::new();
        flate2::read::MultiGzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut bytes)?;
        pages.push(bytes);
    }
    let total: usize = pages.iter().map(Vec::len).sum();
    let options = gleaner::Options::default();
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
