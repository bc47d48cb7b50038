//! gleaner strips the boilerplate off web pages and keeps the article.
//!
//! The pipeline runs one way, each step changing the type:
//! raw bytes → [`input::Page`] (decoded, HTML or text) → [`dom::Dom`] → [`Metadata`] and body
//! [`Block`]s → [`Article`] → a rendered `String` ([`render`]).
//!
//! ```
//! let html = "<html><head><title>Moon base opens</title></head><body>\
//!     <nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
//!     <article><h1>Moon base opens</h1>\
//!     <p>The first crew moved into the lunar base on Monday, after a journey of three days.</p>\
//!     <p>Engineers said the station, built over six years, would house twelve people.</p>\
//!     </article><footer>© 2024 Example News</footer></body></html>";
//! let article = gleaner::extract(html, &gleaner::Options::default())?;
//! assert_eq!(article.metadata.title.as_deref(), Some("Moon base opens"));
//! assert!(article.text().starts_with("The first crew moved"));
//! assert!(!article.text().contains("Home"));
//! # Ok::<(), gleaner::Error>(())
//! ```

#![warn(missing_docs)]

pub mod article;
pub mod clean;
pub mod dom;
pub mod error;
#[cfg(feature = "fetch")]
pub mod fetch;
pub mod input;
pub mod metadata;
pub mod options;
pub mod render;
mod spaces;

pub use article::{Article, Block, Caption, Dropped, Metadata, PageType, SourceKind, Span};
pub use error::Error;
pub use options::{
    CleanOptions, InputFormat, InputOptions, MetadataOptions, Options, RenderOptions,
};
pub use render::{Format, render};

use input::PageKind;

/// On a page whose metadata says it is a listing, a body without any block this long is only
/// teasers.
const LISTING_TEASER_CHARS: usize = 250;

/// Extracts the article from a page: HTML or saved text, as bytes in any charset or as `&str`.
///
/// Fails with [`Error::NoArticle`] when nothing on the page reads as an article, and with
/// [`Error::Empty`], [`Error::Binary`] or [`Error::TooLarge`] for inputs that are not pages.
pub fn extract(input: impl AsRef<[u8]>, options: &Options) -> Result<Article, Error> {
    let page = input::read(input.as_ref(), &options.input)?;
    let base = options
        .input
        .url
        .as_deref()
        .and_then(|u| url::Url::parse(u).ok());
    let mut article = match page.kind {
        PageKind::Html => from_html(&page.text, base.as_ref(), options),
        PageKind::Text => from_text(&page.text, options),
    };
    if article.metadata.url.is_none() {
        article.metadata.url = base.map(String::from);
    }
    if options.metadata.detect_language && article.metadata.language_detected.is_none() {
        article.metadata.language_detected = detect_language(&article);
    }
    // A listing (a front page, a section, search results) has teasers, not an article: when
    // what the cleaner kept is only teaser-sized text, there is no article to give.
    let listing = article.metadata.page_type == PageType::Listing
        && article
            .blocks
            .iter()
            .all(|block| block.text().chars().count() < LISTING_TEASER_CHARS);
    if article.blocks.is_empty() || listing {
        let reason = if listing {
            "the page is a listing of links".to_string()
        } else {
            "all text on the page was boilerplate".to_string()
        };
        return Err(Error::NoArticle {
            reason,
            dropped: article.dropped,
        });
    }
    Ok(article)
}

fn from_html(text: &str, base: Option<&url::Url>, options: &Options) -> Article {
    let html = input::prepare(text, options.input.max_depth);
    let dom = dom::Dom::parse_prepared(&html);
    let mut metadata = metadata::from_html(&dom, base);
    let extraction = clean::html::extract(&dom, &metadata, &options.clean, base);
    // The page's own canonical address names it better than the address it was fetched from
    // (tracking parameters, mirrors, redirects).
    if metadata.canonical_url.is_some() {
        metadata.url.clone_from(&metadata.canonical_url);
    }
    Article {
        metadata,
        blocks: extraction.blocks,
        source: SourceKind::Html,
        dropped: extraction.dropped,
    }
}

fn from_text(text: &str, options: &Options) -> Article {
    let (extraction, metadata) =
        clean::text::extract(text, &options.clean, options.input.url.as_deref());
    Article {
        metadata,
        blocks: extraction.blocks,
        source: SourceKind::Text,
        dropped: extraction.dropped,
    }
}

/// Most bytes of body text the language is detected from: whatlang's cost grows with the text,
/// and a thousand bytes of prose name the language as surely as the whole article.
const LANGUAGE_SAMPLE_BYTES: usize = 1000;

/// The body's language by its text, as an ISO 639-1 code where one exists.
fn detect_language(article: &Article) -> Option<String> {
    let mut sample = String::new();
    for block in &article.blocks {
        if sample.len() > LANGUAGE_SAMPLE_BYTES {
            break;
        }
        sample.push_str(&block.text());
        sample.push('\n');
    }
    if sample.len() > LANGUAGE_SAMPLE_BYTES {
        // Cut at the last white space before the limit, so no word is split.
        let mut end = LANGUAGE_SAMPLE_BYTES;
        while !sample.is_char_boundary(end) {
            end -= 1;
        }
        let end = sample[..end].rfind(char::is_whitespace).unwrap_or(end);
        sample.truncate(end);
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && sample.len() < 200 {
        return None;
    }
    Some(
        iso_639_1(info.lang())
            .unwrap_or(info.lang().code())
            .to_string(),
    )
}

/// ISO 639-1 codes for whatlang's languages (which uses ISO 639-3).
pub(crate) fn iso_639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Ces => "cs",
        Slk => "sk",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Hun => "hu",
        Ron => "ro",
        Bul => "bg",
        Hrv => "hr",
        Srp => "sr",
        Slv => "sl",
        Ell => "el",
        Tur => "tr",
        Ara => "ar",
        Heb => "he",
        Pes => "fa",
        Hin => "hi",
        Ben => "bn",
        Urd => "ur",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Vie => "vi",
        Tha => "th",
        Ind => "id",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Cat => "ca",
        Epo => "eo",
        Bel => "be",
        Mkd => "mk",
        Afr => "af",
        Tam => "ta",
        Tel => "te",
        Mar => "mr",
        Kat => "ka",
        Hye => "hy",
        Aze => "az",
        Uzb => "uz",
        Lat => "la",
        Tgl => "tl",
        Jav => "jv",
        Yid => "yi",
        Mal => "ml",
        Kan => "kn",
        Guj => "gu",
        Pan => "pa",
        Ori => "or",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Amh => "am",
        Zul => "zu",
        Sna => "sn",
        Aka => "ak",
        Tuk => "tk",
        Mya => "my",
        _ => return None,
    })
}

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
