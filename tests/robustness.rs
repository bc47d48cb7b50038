//! Hostile and broken inputs: each test must finish without a panic, in bounded time.
//!
//! Timing is not asserted (machines differ); a test that hangs or panics is the failure. Every
//! article that comes out is also run through all four writers.

mod fixture_files;

use gleaner::{Article, Error, Format, Options, RenderOptions};
use std::fmt::Write as _;
use std::time::Instant;

/// Extracts with default options, renders every format, and returns the result.
fn run(label: &str, input: &[u8]) -> Result<Article, Error> {
    run_with(label, input, &Options::default())
}

fn run_with(label: &str, input: &[u8], options: &Options) -> Result<Article, Error> {
    let start = Instant::now();
    let result = gleaner::extract(input, options);
    let extracted = start.elapsed();
    if let Ok(article) = &result {
        render_all(article);
    }
    eprintln!(
        "{label}: {} bytes, extract {extracted:?}, total {:?}, {}",
        input.len(),
        start.elapsed(),
        match &result {
            Ok(article) => format!("{} blocks", article.blocks.len()),
            Err(e) => format!("error: {e}"),
        }
    );
    result
}

/// Runs all four writers, with links, images and front matter on; the JSON must parse.
fn render_all(article: &Article) {
    let options = RenderOptions {
        links: true,
        images: true,
        metadata: true,
    };
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let out = gleaner::render(article, format, &options);
        assert!(out.ends_with('\n'), "{format:?} output ends with a newline");
    }
    let json = gleaner::render(article, Format::Json, &options);
    let value: serde_json::Value = serde_json::from_str(&json).expect("the JSON output parses");
    assert!(value.get("text").is_some());
}

/// A page with `body` inside a minimal, UTF-8 declaring document.
fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Test</title></head>\
         <body>{body}</body></html>"
    )
}

/// A realistic paragraph of article text (about 300 characters) with a marker word.
fn paragraph(marker: &str) -> String {
    format!(
        "<p>{marker} The council met on Tuesday evening to discuss the new budget for the harbour, \
         which has been delayed twice since the spring. Members said the repairs to the quay wall \
         could not wait another winter, and that the ferry service would run as usual while the \
         work goes on.</p>"
    )
}

/// Deterministic pseudo-random bytes (xorshift64*).
fn random_bytes(len: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        out.extend_from_slice(&seed.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

fn assert_no_article(result: &Result<Article, Error>) {
    assert!(
        matches!(result, Err(Error::NoArticle { .. })),
        "expected NoArticle, got {:?}",
        result.as_ref().map(Article::text)
    );
}

fn body_text(result: Result<Article, Error>) -> String {
    fixture_files::normalise(&result.expect("an article").text())
}

#[test]
fn empty_input() {
    assert!(matches!(run("empty", b""), Err(Error::Empty)));
}

#[test]
fn whitespace_only() {
    assert!(matches!(
        run("whitespace", b"  \n\t\r\n   \x0c "),
        Err(Error::Empty)
    ));
}

#[test]
fn random_binary_garbage() {
    for seed in 1..=8u64 {
        let _ = run("random bytes", &random_bytes(64 * 1024, seed));
    }
}

#[test]
fn png_header() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(random_bytes(4096, 7));
    assert!(matches!(run("png", &png), Err(Error::Binary(_))));
}

#[test]
fn truncated_in_the_middle_of_a_tag() {
    let source = fixture_files::source("wire-story");
    // Cut a few paragraphs into the article, inside the tag that follows this sentence.
    let sentence = b"Analysts at consultancy Northgate Energy Advisory";
    let at = source
        .windows(sentence.len())
        .position(|w| w == sentence)
        .expect("the sentence");
    let tag = at + source[at..].iter().position(|&b| b == b'<').expect("a tag");
    for cut in [tag + 1, tag + 2, tag + 3] {
        let text = body_text(run("cut in a tag", &source[..cut]));
        assert!(text.contains("record 31 gigawatts"), "{text}");
    }
    // Cut inside an attribute value and inside a comment.
    let _ = run("cut in an attribute", b"<html><body><p class=\"lead");
    let _ = run(
        "cut in a comment",
        b"<html><body><p>Some text</p><!-- never",
    );
}

#[test]
fn truncated_in_the_middle_of_a_multibyte_char() {
    let source = fixture_files::source("rtl-arabic");
    let middle = source.len() / 2;
    // A UTF-8 continuation byte: cutting before it splits a character.
    let cut = middle
        + source[middle..]
            .iter()
            .position(|&b| b & 0xC0 == 0x80)
            .expect("a multi-byte character after the middle");
    assert!(std::str::from_utf8(&source[..cut]).is_err());
    let _ = run("cut in a character", &source[..cut]);
}

#[test]
fn all_scripts() {
    let mut body = String::new();
    for i in 0..200 {
        let _ = write!(
            body,
            "<script>var tracker{i} = {{ id: {i}, text: 'The council met on Tuesday evening to \
             discuss the budget for the harbour' }};</script>"
        );
    }
    let html = format!(
        "<!DOCTYPE html><html><head><script src=\"/app.js\"></script></head><body>{body}\
         <noscript>Please enable JavaScript.</noscript></body></html>"
    );
    assert_no_article(&run("all scripts", html.as_bytes()));
}

#[test]
fn hundred_thousand_nested_divs() {
    let depth = 100_000;
    let html = format!(
        "{}{}{}",
        "<div>".repeat(depth),
        paragraph("DEEP_TEXT"),
        "</div>".repeat(depth)
    );
    let text = body_text(run("100k nested divs", page(&html).as_bytes()));
    assert!(text.contains("DEEP_TEXT The council met"), "{text}");
}

#[test]
fn hundred_thousand_unclosed_bold() {
    let html = page(&format!(
        "{}{}",
        "<b>".repeat(100_000),
        paragraph("BOLD_TEXT")
    ));
    let _ = run("100k unclosed <b>", html.as_bytes());
}

#[test]
fn hundred_thousand_unclosed_spans() {
    let html = page(&format!(
        "{}{}",
        "<span>".repeat(100_000),
        paragraph("SPAN_TEXT")
    ));
    let _ = run("100k unclosed <span>", html.as_bytes());
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "minutes in an unoptimised build: cargo test --release --test robustness"
)]
fn fifty_megabyte_page() {
    let mut body = String::from("<article><h1>A very long report</h1>");
    let mut i = 0;
    while body.len() < 50 << 20 {
        body.push_str(&paragraph(&format!("P{i}")));
        if i % 10 == 0 {
            let _ = write!(body, "<h2>Section {i}</h2>");
        }
        i += 1;
    }
    body.push_str("</article>");
    let html = page(&body);
    assert!(html.len() >= 50 << 20);
    match run("50 MB page", html.as_bytes()) {
        Ok(article) => {
            assert!(fixture_files::normalise(&article.text()).contains("P0 The council met"))
        }
        Err(Error::TooLarge { .. }) => {}
        Err(other) => panic!("unexpected error: {other}"),
    }
}

#[test]
fn invalid_utf8_under_a_utf8_declaration() {
    let mut html = page(&format!(
        "<article>{}<p>Broken: \u{1F600}</p>{}</article>",
        paragraph("BEFORE"),
        paragraph("AFTER")
    ))
    .into_bytes();
    // Overwrite the emoji's bytes with invalid sequences: a lone continuation byte, an overlong
    // form, a surrogate and a 0xFF.
    let emoji = "\u{1F600}".as_bytes();
    let at = html
        .windows(emoji.len())
        .position(|w| w == emoji)
        .expect("the emoji");
    html.splice(at..at + 4, [0x80, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xFF]);
    let text = body_text(run("invalid utf-8", &html));
    assert!(text.contains("BEFORE") && text.contains("AFTER"), "{text}");
}

#[test]
fn utf16_with_bom() {
    let html = page(&format!(
        "<article>{}{}</article>",
        paragraph("UTF16_ÄÖÜ"),
        paragraph("SECOND")
    ))
    .replace("<meta charset=\"utf-8\">", "");
    for (label, bom, little) in [
        ("utf-16le", [0xFF, 0xFE], true),
        ("utf-16be", [0xFE, 0xFF], false),
    ] {
        let mut bytes = bom.to_vec();
        for unit in html.encode_utf16() {
            let pair = if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        let text = body_text(run(label, &bytes));
        assert!(
            text.contains("UTF16_ÄÖÜ The council met"),
            "{label}: {text}"
        );
    }
}

#[test]
fn ten_thousand_sibling_tables_in_a_table() {
    let mut body = String::from("<table><tr><td>");
    for i in 0..10_000 {
        let _ = write!(
            body,
            "<table><tr><td>Cell {i}</td><td>Value {i}</td></tr></table>"
        );
    }
    body.push_str("</td></tr></table>");
    body.push_str(&paragraph("AFTER_TABLES"));
    let _ = run("10k sibling tables", page(&body).as_bytes());
}

#[test]
fn ten_thousand_tables_nested_in_cells() {
    let depth = 10_000;
    let html = page(&format!(
        "{}{}{}",
        "<table><tr><td>".repeat(depth),
        paragraph("NESTED_TABLE_TEXT"),
        "</td></tr></table>".repeat(depth)
    ));
    let _ = run("10k nested tables", html.as_bytes());
}

#[test]
fn ten_thousand_nested_lists() {
    let depth = 10_000;
    let html = page(&format!(
        "{}{}{}",
        "<ul><li>item".repeat(depth),
        paragraph("NESTED_LIST_TEXT"),
        "</li></ul>".repeat(depth)
    ));
    let _ = run("10k nested lists", html.as_bytes());
}

#[test]
fn ten_thousand_nested_blockquotes() {
    let depth = 10_000;
    let html = page(&format!(
        "<article>{}{}{}{}</article>",
        paragraph("OUTSIDE"),
        "<blockquote>".repeat(depth),
        paragraph("NESTED_QUOTE_TEXT"),
        "</blockquote>".repeat(depth)
    ));
    let _ = run("10k nested blockquotes", html.as_bytes());
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "minutes in an unoptimised build: cargo test --release --test robustness"
)]
fn ten_megabyte_text_node_without_spaces() {
    let word = "abcdefghij".repeat(1 << 20);
    let html = page(&format!(
        "<article>{}<p>{word}</p>{}</article>",
        paragraph("BEFORE"),
        paragraph("AFTER")
    ));
    let _ = run("10 MB word", html.as_bytes());
}

#[test]
fn nul_bytes_inside_html() {
    let html = page(&format!(
        "<article>{}<p>NUL\0INSIDE\0TEXT</p><p\0 class=\"x\0y\">Attribute NUL</p>{}</article>",
        paragraph("BEFORE"),
        paragraph("AFTER")
    ));
    let text = body_text(run("NUL bytes", html.as_bytes()));
    assert!(text.contains("BEFORE") && text.contains("AFTER"), "{text}");
}

#[test]
fn frameset_only() {
    let html = "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Frameset//EN\">\
        <html><head><title>Frames</title></head>\
        <frameset cols=\"25%,75%\"><frame src=\"menu.html\"><frame src=\"main.html\">\
        <noframes>Your browser does not support frames.</noframes></frameset></html>";
    assert!(run("frameset", html.as_bytes()).is_err());
}

#[test]
fn x_user_defined_charset() {
    let html = page(&format!(
        "<article>{}{}</article>",
        paragraph("USER_DEFINED"),
        paragraph("SECOND")
    ))
    .replace("charset=\"utf-8\"", "charset=\"x-user-defined\"");
    let mut bytes = html.into_bytes();
    bytes.extend_from_slice(&[0x80, 0xFE, 0xFF]);
    let text = body_text(run("x-user-defined", &bytes));
    assert!(text.contains("USER_DEFINED"), "{text}");
}

#[test]
fn utf16_declared_in_meta_of_an_ascii_page() {
    // A <meta> cannot declare UTF-16 (the bytes that carry it are ASCII); browsers read UTF-8.
    let html = page(&format!(
        "<article>{}{}</article>",
        paragraph("DECLARED_UTF16_ÉTÉ"),
        paragraph("SECOND")
    ))
    .replace(
        "charset=\"utf-8\"",
        "http-equiv=\"Content-Type\" content=\"text/html; charset=utf-16\"",
    );
    let text = body_text(run("meta utf-16", html.as_bytes()));
    assert!(text.contains("DECLARED_UTF16_ÉTÉ"), "{text}");
}

#[test]
fn unknown_charset_label() {
    let html =
        page(&paragraph("UNKNOWN_CHARSET")).replace("charset=\"utf-8\"", "charset=\"klingon-8\"");
    let _ = run("unknown charset", html.as_bytes());
}
