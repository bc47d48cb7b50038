//! The public library API: `extract` from `&str`, `String` and bytes, options, every writer, and
//! the errors a caller sees.

mod fixture_files;

use gleaner::{Error, Format, InputFormat, Options, RenderOptions};

/// A small news page with navigation, a relative link, a relative image and a footer.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour wall repairs approved</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/sport/">Sport</a></nav>
<article>
<h1>Harbour wall repairs approved</h1>
<p>The council approved the repairs to the harbour wall on Tuesday evening, after a debate that
lasted more than three hours and drew a full public gallery.</p>
<figure><img src="images/wall.jpg" alt="The harbour wall at low tide"></figure>
<h2>What happens next</h2>
<p>Work starts in <em>April</em> and should end before the autumn storms, according to the
<a href="/council/harbour-committee">harbour committee</a>, which will publish a timetable.</p>
<ul><li>The quay stays open to walkers.</li><li>The ferry runs as usual.</li></ul>
<p>Fishermen said they were relieved that the work would finally begin, and that the
<a href="../archive/2023/wall-collapse.html">collapse last winter</a> must not happen again.</p>
</article>
<footer>© 2024 The Harbour Times. All rights reserved.</footer>
</body></html>"#;

const URL: &str = "https://harbourtimes.example/news/2024/wall.html";

fn options_with_url() -> Options {
    let mut options = Options::default();
    options.input.url = Some(URL.to_string());
    options
}

/// The library quick start, as the README shows it.
#[test]
fn readme_quick_start() -> Result<(), gleaner::Error> {
    let html = "<html><head><title>Moon base opens</title></head><body>\
        <nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
        <article><h1>Moon base opens</h1>\
        <p>The first crew moved into the lunar base on Monday, after a journey of three days.</p>\
        <p>Engineers said the station, built over six years, would house twelve people.</p>\
        </article><footer>© 2024 Example News</footer></body></html>";

    let mut options = gleaner::Options::default();
    options.input.url = Some("https://news.example/moon-base".to_string());
    let article = gleaner::extract(html, &options)?;

    assert_eq!(article.metadata.title.as_deref(), Some("Moon base opens"));
    assert!(article.text().starts_with("The first crew moved"));
    assert!(!article.text().contains("Home"));

    let markdown = gleaner::render(
        &article,
        gleaner::Format::Markdown,
        &gleaner::RenderOptions::default(),
    );
    assert!(markdown.contains("Engineers said the station"));
    let json = gleaner::render(
        &article,
        gleaner::Format::Json,
        &gleaner::RenderOptions::default(),
    );
    assert!(json.contains("\"url\": \"https://news.example/moon-base\""));
    Ok(())
}

#[test]
fn extract_from_str() {
    let article = gleaner::extract(PAGE, &Options::default()).expect("an article");
    let text = article.text();
    assert!(text.starts_with("The council approved"), "{text}");
    assert!(text.contains("What happens next"));
    assert!(!text.contains("Sport"), "navigation leaked: {text}");
    assert!(
        !text.contains("All rights reserved"),
        "footer leaked: {text}"
    );
    assert!(
        !text.contains("Harbour wall repairs approved"),
        "the title is not part of the body: {text}"
    );
    assert_eq!(
        article.metadata.title.as_deref(),
        Some("Harbour wall repairs approved")
    );
}

#[test]
#[allow(clippy::unnecessary_to_owned)] // owned inputs are what this test is about
fn extract_from_string_and_bytes_agree() {
    let options = Options::default();
    let from_str = gleaner::extract(PAGE, &options).expect("str");
    let from_string = gleaner::extract(PAGE.to_string(), &options).expect("String");
    let from_slice = gleaner::extract(PAGE.as_bytes(), &options).expect("&[u8]");
    let from_vec = gleaner::extract(PAGE.as_bytes().to_vec(), &options).expect("Vec<u8>");
    assert_eq!(from_str.blocks, from_string.blocks);
    assert_eq!(from_str.blocks, from_slice.blocks);
    assert_eq!(from_str.blocks, from_vec.blocks);
}

#[test]
fn extract_from_latin1_bytes() {
    let html = PAGE
        .replace("charset=\"utf-8\"", "charset=\"iso-8859-1\"")
        .replace("walkers.", "Fußgänger.");
    let bytes: Vec<u8> = html
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect();
    let article = gleaner::extract(&bytes, &Options::default()).expect("an article");
    assert!(article.text().contains("Fußgänger."), "{}", article.text());
}

#[test]
fn charset_option_outranks_the_page() {
    // The page claims UTF-8, the transport says windows-1252 (as an HTTP header would).
    let html = PAGE.replace("walkers.", "caf\u{e9} \u{20ac}5.");
    let bytes: Vec<u8> = html
        .chars()
        .map(|c| match c {
            '\u{20ac}' => 0x80,
            c => u8::try_from(u32::from(c)).expect("a Latin-1 character"),
        })
        .collect();
    let mut options = Options::default();
    options.input.charset = Some("windows-1252".to_string());
    let article = gleaner::extract(&bytes, &options).expect("an article");
    assert!(article.text().contains("café €5."), "{}", article.text());
}

#[test]
fn url_resolves_relative_links_in_markdown() {
    let article = gleaner::extract(PAGE, &options_with_url()).expect("an article");
    let links = RenderOptions {
        links: true,
        ..RenderOptions::default()
    };
    let markdown = gleaner::render(&article, Format::Markdown, &links);
    assert!(
        markdown.contains(
            "[harbour committee](https://harbourtimes.example/council/harbour-committee)"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "[collapse last winter](https://harbourtimes.example/news/archive/2023/wall-collapse.html)"
        ),
        "{markdown}"
    );
    let html = gleaner::render(&article, Format::Html, &links);
    assert!(
        html.contains("href=\"https://harbourtimes.example/council/harbour-committee\""),
        "{html}"
    );
    // Without `links`, the link text stays and the target goes.
    let plain = gleaner::render(&article, Format::Markdown, &RenderOptions::default());
    assert!(plain.contains("harbour committee"));
    assert!(!plain.contains("https://"), "{plain}");
}

#[test]
fn url_resolves_relative_images() {
    let article = gleaner::extract(PAGE, &options_with_url()).expect("an article");
    let images = RenderOptions {
        images: true,
        ..RenderOptions::default()
    };
    let markdown = gleaner::render(&article, Format::Markdown, &images);
    assert!(
        markdown.contains("(https://harbourtimes.example/news/2024/images/wall.jpg)"),
        "{markdown}"
    );
    let without = gleaner::render(&article, Format::Markdown, &RenderOptions::default());
    assert!(!without.contains("wall.jpg"), "{without}");
}

#[test]
fn url_is_in_the_metadata() {
    let article = gleaner::extract(PAGE, &options_with_url()).expect("an article");
    assert_eq!(article.metadata.url.as_deref(), Some(URL));
}

#[test]
fn text_format() {
    let article = gleaner::extract(PAGE, &Options::default()).expect("an article");
    let text = gleaner::render(&article, Format::Text, &RenderOptions::default());
    assert!(text.ends_with('\n'));
    assert!(
        text.contains("What happens next\n\nWork starts in April"),
        "blocks are separated by a blank line: {text}"
    );
    assert!(text.contains("The quay stays open to walkers.\nThe ferry runs as usual."));
    assert_eq!(text.trim_end(), article.text());
}

#[test]
fn markdown_format() {
    let article = gleaner::extract(PAGE, &Options::default()).expect("an article");
    let markdown = gleaner::render(&article, Format::Markdown, &RenderOptions::default());
    assert!(markdown.contains("## What happens next"), "{markdown}");
    assert!(markdown.contains("*April*") || markdown.contains("_April_"));
    assert!(
        markdown.contains("- The quay stays open to walkers."),
        "{markdown}"
    );
    assert!(!markdown.starts_with("---"));
}

#[test]
fn markdown_front_matter() {
    let article = gleaner::extract(PAGE, &options_with_url()).expect("an article");
    let with_metadata = RenderOptions {
        metadata: true,
        ..RenderOptions::default()
    };
    let markdown = gleaner::render(&article, Format::Markdown, &with_metadata);
    assert!(markdown.starts_with("---\n"), "{markdown}");
    assert!(markdown.contains("title: \"Harbour wall repairs approved\"\n"));
    assert!(markdown.contains(&format!("url: \"{URL}\"\n")));
    assert!(
        markdown.contains("\n---\n\nThe council approved"),
        "{markdown}"
    );
}

#[test]
fn html_format() {
    let article = gleaner::extract(PAGE, &Options::default()).expect("an article");
    let html = gleaner::render(&article, Format::Html, &RenderOptions::default());
    assert!(html.contains("<h2>What happens next</h2>"), "{html}");
    assert!(html.contains("<em>April</em>"), "{html}");
    assert!(
        html.contains("<li>The quay stays open to walkers.</li>"),
        "{html}"
    );
    assert!(!html.contains("<nav"));
    assert!(!html.contains("Sport"));
}

#[test]
fn html_format_escapes_text() {
    let page = PAGE.replace(
        "a full public gallery.",
        "a full public gallery &lt;script&gt;alert(1)&lt;/script&gt; &amp; more.",
    );
    let article = gleaner::extract(page, &Options::default()).expect("an article");
    let html = gleaner::render(&article, Format::Html, &RenderOptions::default());
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more."),
        "{html}"
    );
    assert!(!html.contains("<script>"));
}

#[test]
fn json_format() {
    let article = gleaner::extract(PAGE, &options_with_url()).expect("an article");
    let json = gleaner::render(&article, Format::Json, &RenderOptions::default());
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["title"], "Harbour wall repairs approved");
    assert_eq!(value["url"], URL);
    assert_eq!(value["text"], article.text());
    let blocks = value["blocks"].as_array().expect("blocks is an array");
    assert_eq!(blocks.len(), article.blocks.len());
    assert!(blocks.iter().any(|b| b["type"] == "heading"));
    assert!(blocks.iter().any(|b| b["type"] == "list"));
}

#[test]
fn format_extensions() {
    let extensions: Vec<&str> = [Format::Text, Format::Markdown, Format::Html, Format::Json]
        .into_iter()
        .map(Format::extension)
        .collect();
    assert_eq!(extensions, ["txt", "md", "html", "json"]);
}

#[test]
fn saved_text_is_read_as_text() {
    let text = "The council approved the repairs to the harbour wall on Tuesday evening, after a \
                debate that lasted more than three hours.\n\nWork starts in April and should end \
                before the autumn storms, according to the harbour committee.\n";
    let article = gleaner::extract(text, &Options::default()).expect("an article");
    assert_eq!(article.source, gleaner::SourceKind::Text);
    assert!(article.text().contains("Work starts in April"));
}

#[test]
fn input_format_can_be_forced() {
    let mut options = Options::default();
    options.input.format = InputFormat::Html;
    let article = gleaner::extract(PAGE, &options).expect("an article");
    assert_eq!(article.source, gleaner::SourceKind::Html);
}

#[test]
fn explain_records_dropped_blocks_with_rule_names() {
    let mut options = Options::default();
    options.clean.explain = true;
    let article = gleaner::extract(PAGE, &options).expect("an article");
    assert!(article.dropped.iter().all(|d| !d.rule.is_empty()));
    // The headline repeated at the top of the body is dropped, by a named rule.
    assert!(
        article
            .dropped
            .iter()
            .any(|d| d.text.contains("Harbour wall repairs approved")),
        "{:?}",
        article.dropped
    );
}

#[test]
fn empty_input_is_an_error() {
    assert!(matches!(
        gleaner::extract("", &Options::default()),
        Err(Error::Empty)
    ));
}

#[test]
fn too_large_input_is_an_error() {
    let mut options = Options::default();
    options.input.max_bytes = 100;
    match gleaner::extract(PAGE, &options) {
        Err(Error::TooLarge { size, limit }) => {
            assert_eq!(size, PAGE.len());
            assert_eq!(limit, 100);
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn gzipped_input_is_read() {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(PAGE.as_bytes()).expect("gzip");
    let gz = encoder.finish().expect("gzip");
    let article = gleaner::extract(&gz, &Options::default()).expect("an article");
    assert!(article.text().starts_with("The council approved"));
}

#[test]
fn page_without_article_is_an_error_with_the_dropped_blocks() {
    let page = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
                <footer>© 2024 Example</footer></body></html>";
    let mut options = Options::default();
    options.clean.explain = true;
    match gleaner::extract(page, &options) {
        Err(Error::NoArticle { reason, .. }) => assert!(!reason.is_empty()),
        other => panic!("expected NoArticle, got {other:?}"),
    }
}

#[test]
fn error_messages_are_one_line() {
    let mut small = Options::default();
    small.input.max_bytes = 10;
    let errors = [
        gleaner::extract("", &Options::default()),
        gleaner::extract(" \n\n ", &Options::default()),
        gleaner::extract(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", &Options::default()),
        gleaner::extract(b"\0\x01\x02\x03\x04\x05\x06\x07\x08", &Options::default()),
        gleaner::extract(PAGE, &small),
        gleaner::extract(
            "<html><body><script>x()</script>\n<nav>\n<a href=/>Home</a>\n</nav></body></html>",
            &Options::default(),
        ),
    ];
    for result in errors {
        let error = result.expect_err("an error");
        let message = error.to_string();
        assert!(!message.is_empty());
        assert!(!message.contains('\n'), "not one line: {message:?}");
        assert_eq!(message, message.trim(), "no padding: {message:?}");
    }
}

#[test]
fn error_is_a_std_error() {
    fn takes_std_error(_: &dyn std::error::Error) {}
    takes_std_error(&Error::Empty);
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(Error::Empty);
    assert_eq!(boxed.to_string(), "empty input");
}

#[test]
fn options_are_cloneable_and_default() {
    let options = Options::default();
    let copy = options.clone();
    assert_eq!(copy.input.max_bytes, 64 << 20);
    assert!(copy.input.url.is_none());
}

#[test]
fn fixture_through_the_public_api() {
    let checks = fixture_files::checks("wire-story");
    let article = gleaner::extract(
        fixture_files::source("wire-story"),
        &fixture_files::options(&checks),
    )
    .expect("ok");
    assert!(!article.blocks.is_empty());
}
