//! Extraction speed: bytes/s and pages/s on small, medium and large pages, and on 20 pages of
//! the scrapinghub corpus when `../shared/corpus` is present.
//!
//! Each benchmark runs `gleaner::extract` (decoding, parsing and cleaning) on bytes already in
//! memory. Measurement times are short so `cargo bench --bench extract` takes about a minute.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Read as _;
use std::path::Path;
use std::time::Duration;

/// How many corpus pages the corpus benchmark reads.
const CORPUS_PAGES: usize = 20;

fn manifest_path(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A news page of about `target` bytes: navigation, an article of paragraphs with subheadings,
/// a sidebar of related links, comments, inline scripts and a footer, as real pages have.
fn synthetic_page(target: usize) -> Vec<u8> {
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Council approves harbour plan | The Example Times</title>\
         <meta property=\"og:title\" content=\"Council approves harbour plan\">\
         <script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}\
         </script><style>body{font-family:serif}.nav a{margin:0 4px}</style></head><body>\
         <a class=\"skip-link\" href=\"#main\">Skip to content</a>\
         <header class=\"site-header\"><nav class=\"nav main-menu\"><ul>",
    );
    for section in [
        "News", "Politics", "Business", "Sport", "Culture", "Science", "Travel", "Opinion",
    ] {
        let _ = write!(
            html,
            "<li><a href=\"/{}/\">{section}</a></li>",
            section.to_lowercase()
        );
    }
    html.push_str(
        "</ul></nav></header><main id=\"main\"><article class=\"story\">\
         <h1>Council approves harbour plan</h1><p class=\"byline\">By Jane Example</p>",
    );
    // Article and sidebar grow together, then comments fill the rest.
    let article_share = target / 2;
    let mut i = 0;
    while html.len() < article_share {
        if i % 6 == 0 {
            let _ = write!(html, "<h2>Part {i}: the harbour and the town</h2>");
        }
        let _ = write!(
            html,
            "<p>Paragraph {i}. The council approved the plan for the harbour on Tuesday after a \
             debate of <em>three hours</em>. Members said the quay wall could not wait another \
             winter, and the <a href=\"/news/ferry-{i}\">ferry service</a> would run as usual \
             while the work goes on. Local traders welcomed the decision but asked for a \
             timetable they can rely on.</p>"
        );
        if i % 10 == 5 {
            html.push_str(
                "<div class=\"ad-slot\"><span>Advertisement</span>\
                 <script>loadAd('mid')</script></div>",
            );
        }
        i += 1;
    }
    html.push_str("</article><aside class=\"related\"><h3>Related stories</h3><ul>");
    for j in 0..20 {
        let _ = write!(
            html,
            "<li><a href=\"/news/related-{j}\">Related story number {j} about the harbour</a></li>"
        );
    }
    html.push_str("</ul></aside><section class=\"comments\"><h3>Comments</h3>");
    let mut j = 0;
    while html.len() < target.saturating_sub(600) {
        let _ = write!(
            html,
            "<div class=\"comment\"><span class=\"author\">Reader {j}</span>\
             <p>I have lived here for years and I think the harbour plan is overdue; let us hope \
             the work finishes on time this time. Comment {j}.</p>\
             <a class=\"reply\" href=\"#reply-{j}\">Reply</a></div>"
        );
        j += 1;
    }
    html.push_str(
        "</section></main><footer class=\"site-footer\"><p>© 2024 The Example Times</p>\
         <a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer>\
         <script>gtag('config','X-1')</script></body></html>",
    );
    html.into_bytes()
}

/// Up to [`CORPUS_PAGES`] decompressed scrapinghub pages, in file-name order; empty when the
/// corpus is not there.
fn corpus_pages() -> Vec<Vec<u8>> {
    let dir = manifest_path("../shared/corpus/scrapinghub/html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|path| {
            let raw = std::fs::read(path).ok()?;
            if path.extension().is_some_and(|e| e == "gz") {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&raw[..])
                    .read_to_end(&mut out)
                    .ok()?;
                Some(out)
            } else {
                Some(raw)
            }
        })
        .take(CORPUS_PAGES)
        .collect()
}

fn bench_pages(c: &mut Criterion) {
    let options = gleaner::Options::default();
    let small = std::fs::read(manifest_path("fixtures/de-news-skiplinks/source.html"))
        .expect("the de-news-skiplinks fixture");
    let medium = synthetic_page(100 * 1024);
    let large = synthetic_page(1536 * 1024);

    let mut group = c.benchmark_group("extract");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (name, page) in [("small", &small), ("medium", &medium), ("large", &large)] {
        let article = gleaner::extract(&page[..], &options).expect("the page has an article");
        assert!(article.text().contains("The council approved") || name == "small");
        group.throughput(Throughput::ElementsAndBytes {
            elements: 1,
            bytes: page.len() as u64,
        });
        group.bench_function(format!("{name}-{}kB", page.len() / 1024), |b| {
            b.iter(|| gleaner::extract(black_box(&page[..]), &options))
        });
    }

    let corpus = corpus_pages();
    if !corpus.is_empty() {
        let bytes: usize = corpus.iter().map(Vec::len).sum();
        group.throughput(Throughput::ElementsAndBytes {
            elements: corpus.len() as u64,
            bytes: bytes as u64,
        });
        group.bench_function(format!("scrapinghub-{}-pages", corpus.len()), |b| {
            b.iter(|| {
                for page in &corpus {
                    let _ = black_box(gleaner::extract(black_box(&page[..]), &options));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_pages);
criterion_main!(benches);
