//! One named test module per fixture page in `fixtures/`.
//!
//! For each case: `body` checks the `[body]` must / must-not snippets of `checks.toml` (or that a
//! page without an article is refused), `output` compares the rendered text, Markdown (with front
//! matter) and JSON with the checked-in `expected.*` files, and `metadata` compares the
//! `[metadata]` table with `Article::metadata`. `BLESS=1 cargo test --test fixtures` rewrites the
//! expected files instead of comparing (see `fixtures/bless.sh`); review the diff in git.

mod fixture_files;

use fixture_files::{Checks, case_dir, checks, golden, normalise, options, source};
use gleaner::{Error, Format, RenderOptions};

/// Generates one module per case with the tests `body`, `output` and `metadata`, and the list of
/// cases. `body_ignore = "why"` marks a case whose body checks currently fail, `output_ignore`
/// one that has no expected output to compare yet, `metadata_ignore` one whose metadata
/// expectations are not met yet (each says what fails).
macro_rules! fixtures {
    ($(
        $name:ident => $case:literal
        $(, body_ignore = $why:literal)?
        $(, output_ignore = $output_why:literal)?
        $(, metadata_ignore = $metadata_why:literal)?;
    )*) => {
        /// Every case that has tests.
        const CASES: &[&str] = &[$($case),*];
        $(
            mod $name {
                #[test]
                $(#[ignore = $why])?
                fn body() {
                    crate::check_body($case);
                }

                #[test]
                $(#[ignore = $output_why])?
                fn output() {
                    crate::check_output($case);
                }

                #[test]
                $(#[ignore = $metadata_why])?
                fn metadata() {
                    crate::check_metadata($case);
                }
            }
        )*
    };
}

fixtures! {
    ads_and_related_split => "ads-and-related-split";
    blog_with_comments => "blog-with-comments";
    data_table => "data-table";
    de_news_skiplinks => "de-news-skiplinks";
    div_soup => "div-soup";
    forum_thread => "forum-thread";
    french_magazine => "french-magazine";
    hidden_and_aria => "hidden-and-aria";
    latin1_legacy => "latin1-legacy";
    listing_page => "listing-page";
    nested_article_main => "nested-article-main";
    no_meta_charset_windows1252 => "no-meta-charset-windows1252";
    rtl_arabic => "rtl-arabic";
    spanish_news => "spanish-news";
    text_de_browser_copy => "text-de-browser-copy";
    text_de_recipe_chromium_copy => "text-de-recipe-chromium-copy";
    text_en_chromium_copy => "text-en-chromium-copy";
    text_en_lynx => "text-en-lynx";
    text_es_html2text => "text-es-html2text";
    text_fr_w3m => "text-fr-w3m";
    text_it_lynx_nolist => "text-it-lynx-nolist";
    title_site_banner => "title-site-banner";
    tutorial_code => "tutorial-code";
    wire_story => "wire-story";
}

/// A new fixture directory without a line in `fixtures!` would go untested.
#[test]
fn every_fixture_has_tests() {
    assert_eq!(
        fixture_files::all_cases(),
        CASES,
        "update the fixtures! list"
    );
}

/// Extracts a case with its `checks.toml` options.
fn extract(case: &str) -> (Checks, Result<gleaner::Article, Error>) {
    let checks = checks(case);
    let result = gleaner::extract(source(case), &options(&checks));
    (checks, result)
}

/// Panics unless `result` is `Error::NoArticle`.
fn expect_no_article(case: &str, result: &Result<gleaner::Article, Error>) {
    match result {
        Err(Error::NoArticle { .. }) => {}
        Err(other) => panic!("{case}: expected NoArticle, got the error {other:?}"),
        Ok(article) => panic!(
            "{case}: expected NoArticle, got an article:\n{}",
            article.text()
        ),
    }
}

/// Every `must` snippet is in the body and no `must_not` is; all misses are reported at once.
fn check_body(case: &str) {
    let (checks, result) = extract(case);
    if checks.no_article {
        expect_no_article(case, &result);
        return;
    }
    let article = result.unwrap_or_else(|e| panic!("{case}: no article: {e}"));
    let body = normalise(&article.text());
    let mut failures = Vec::new();
    for snippet in &checks.body.must {
        if !body.contains(&normalise(snippet)) {
            failures.push(format!("missing:  {snippet}"));
        }
    }
    for snippet in &checks.body.must_not {
        if body.contains(&normalise(snippet)) {
            failures.push(format!("leaked:   {snippet}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{case}: body checks failed\n{}\n--- body ---\n{}",
        failures.join("\n"),
        article.text()
    );
}

/// The rendered outputs equal `expected.txt`, `expected.md` and `expected.json`; a page without
/// an article has its one-line error in `expected.err` instead.
fn check_output(case: &str) {
    let (checks, result) = extract(case);
    let dir = case_dir(case);
    let mut failures = Vec::new();
    if checks.no_article {
        expect_no_article(case, &result);
        let message = result.err().map(|e| format!("{e}\n")).unwrap_or_default();
        failures.extend(golden(&dir.join("expected.err"), &message));
    } else {
        let article = result.unwrap_or_else(|e| panic!("{case}: no article: {e}"));
        let plain = RenderOptions::default();
        let with_metadata = RenderOptions {
            metadata: true,
            ..RenderOptions::default()
        };
        for (file, format, render_options) in [
            ("expected.txt", Format::Text, plain),
            ("expected.md", Format::Markdown, with_metadata),
            ("expected.json", Format::Json, plain),
        ] {
            let rendered = gleaner::render(&article, format, &render_options);
            failures.extend(golden(&dir.join(file), &rendered));
        }
    }
    assert!(
        failures.is_empty(),
        "{case}: output differs from the expected files (if the change is right, run \
         `BLESS=1 cargo test --test fixtures` and review the diff)\n{}",
        failures.join("\n")
    );
}

/// Every key of `[metadata]` equals the article's field; all mismatches are reported at once.
/// For a page without an article only `page_type = "listing"` can be checked, via the error.
fn check_metadata(case: &str) {
    let (checks, result) = extract(case);
    let expected = &checks.metadata;
    if checks.no_article {
        expect_no_article(case, &result);
        if expected.page_type.as_deref() == Some("listing") {
            let message = result.err().map(|e| e.to_string()).unwrap_or_default();
            assert!(
                message.contains("listing"),
                "{case}: the error should say the page is a listing: {message}"
            );
        }
        return;
    }
    let article = result.unwrap_or_else(|e| panic!("{case}: no article: {e}"));
    let m = &article.metadata;
    let page_type = serde_json::to_value(m.page_type)
        .ok()
        .and_then(|v| v.as_str().map(String::from));
    let mut failures = Vec::new();
    let mut compare = |key: &str, want: &Option<String>, got: &Option<String>| {
        if want.is_some() && want != got {
            failures.push(format!("{key}: expected {want:?}, got {got:?}"));
        }
    };
    compare("title", &expected.title, &m.title);
    compare("published", &expected.published, &m.published);
    compare("modified", &expected.modified, &m.modified);
    compare("site_name", &expected.site_name, &m.site_name);
    compare("language", &expected.language, &m.language);
    compare(
        "language_detected",
        &expected.language_detected,
        &m.language_detected,
    );
    compare("section", &expected.section, &m.section);
    compare("short_url", &expected.short_url, &m.short_url);
    compare("canonical_url", &expected.canonical_url, &m.canonical_url);
    compare("description", &expected.description, &m.description);
    compare("image", &expected.image, &m.image);
    compare("credits", &expected.credits, &m.credits);
    compare("page_type", &expected.page_type, &page_type);
    for (key, want, got) in [
        ("authors", &expected.authors, &m.authors),
        ("tags", &expected.tags, &m.tags),
    ] {
        if let Some(want) = want
            && want != got
        {
            failures.push(format!("{key}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{case}: metadata differs\n{}",
        failures.join("\n")
    );
}
