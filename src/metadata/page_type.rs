//! Whether the page is one article, a listing of teasers, or something else.
//!
//! Takes the scan, the structured sources and whether a publication date was found; returns a
//! [`PageType`]. A declared article (JSON-LD article types, `og:type=article`) is an article; a
//! declared collection (`CollectionPage`, `ItemList`) is a listing; `og:type` of a product,
//! profile, book, music or video is other; an undated page with many `<article>` teasers is a
//! listing; anything else is an article (the body stage decides whether there is one).

use super::Sources;
use super::scan::Scan;
use crate::article::PageType;
use crate::dom::Dom;

/// `og:type` values that are not articles.
const OTHER_KINDS: &[&str] = &[
    "product", "profile", "book", "music", "video", "place", "business",
];

/// An undated page with at least this many `<article>` elements is a listing.
const MIN_TEASERS: usize = 6;
/// ... or this many when it declares itself a `website`.
const MIN_TEASERS_WEBSITE: usize = 3;

/// Classifies the page.
pub fn classify(dom: &Dom, scan: &Scan<'_>, sources: &Sources, dated: bool) -> PageType {
    let _ = dom;
    let og = sources
        .meta
        .kind
        .as_deref()
        .unwrap_or("")
        .to_ascii_lowercase();
    let jsonld = sources.jsonld.kind.as_deref().unwrap_or("");
    if jsonld == "article" || og.contains("article") {
        return PageType::Article;
    }
    if jsonld == "listing" {
        return PageType::Listing;
    }
    if OTHER_KINDS.iter().any(|k| og.starts_with(k)) {
        return PageType::Other;
    }
    let teasers = scan.articles.len();
    if !dated && (teasers >= MIN_TEASERS || (teasers >= MIN_TEASERS_WEBSITE && og == "website")) {
        return PageType::Listing;
    }
    PageType::Article
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::{Fields, jsonld, meta_tags};

    fn kind(html: &str, dated: bool) -> PageType {
        let dom = Dom::parse(html);
        let scan = Scan::collect(&dom);
        let sources = Sources {
            jsonld: jsonld::read(&scan.jsonld),
            meta: meta_tags::read(&scan.metas),
            microdata: Fields::default(),
        };
        classify(&dom, &scan, &sources, dated)
    }

    #[test]
    fn declared_types() {
        assert_eq!(
            kind("<meta property='og:type' content='article'>", false),
            PageType::Article
        );
        assert_eq!(
            kind("<meta property='og:type' content='product'>", false),
            PageType::Other
        );
        assert_eq!(
            kind(
                r#"<script type="application/ld+json">{"@type":"CollectionPage"}</script>"#,
                false
            ),
            PageType::Listing
        );
    }

    #[test]
    fn many_undated_teasers_make_a_listing() {
        let teasers = "<article><h2><a href=x>t</a></h2></article>".repeat(8);
        assert_eq!(
            kind(&format!("<body>{teasers}</body>"), false),
            PageType::Listing
        );
        assert_eq!(
            kind(&format!("<body>{teasers}</body>"), true),
            PageType::Article
        );
        assert_eq!(
            kind("<body><article><p>x</p></article></body>", false),
            PageType::Article
        );
    }
}
