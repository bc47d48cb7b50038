//! The page's addresses: canonical URL, short link, lead image and licence.
//!
//! Takes the scan and the structured sources; returns absolute URLs, resolved against the
//! page's URL when one is known (relative ones are kept as written otherwise). Canonical:
//! `<link rel=canonical>`, then `og:url`, then JSON-LD `url`. Short link: `<link rel=shortlink>`
//! (or an `<a rel=shortlink>`). Image: `og:image`/`twitter:image`, JSON-LD `image`, microdata
//! `image`, `<link rel=image_src>`. Licence: `rel=license`, then the sources' licence fields.

use super::Sources;
use super::scan::Scan;

/// The canonical URL.
pub fn canonical(scan: &Scan<'_>, sources: &Sources, base: Option<&url::Url>) -> Option<String> {
    link(scan, "canonical")
        .map(str::to_string)
        .or_else(|| sources.meta.url.clone())
        .or_else(|| sources.jsonld.url.clone())
        .and_then(|u| absolute(&u, base))
}

/// The short link the page declares.
pub fn shortlink(scan: &Scan<'_>, base: Option<&url::Url>) -> Option<String> {
    link(scan, "shortlink").and_then(|u| absolute(u, base))
}

/// The lead image.
pub fn image(scan: &Scan<'_>, sources: &Sources, base: Option<&url::Url>) -> Option<String> {
    sources
        .meta
        .image
        .clone()
        .or_else(|| sources.jsonld.image.clone())
        .or_else(|| sources.microdata.image.clone())
        .or_else(|| link(scan, "image_src").map(str::to_string))
        .and_then(|u| absolute(&u, base))
}

/// The content's licence: a `rel=license` link, or a declared licence.
pub fn license(scan: &Scan<'_>, sources: &Sources, base: Option<&url::Url>) -> Option<String> {
    link(scan, "license")
        .and_then(|u| absolute(u, base))
        .or_else(|| sources.jsonld.license.clone())
        .or_else(|| sources.meta.license.clone())
}

/// The `href` of the first link whose `rel` has this word.
fn link<'a>(scan: &Scan<'a>, rel: &str) -> Option<&'a str> {
    scan.links
        .iter()
        .find(|l| {
            l.rel
                .split_whitespace()
                .any(|r| r.eq_ignore_ascii_case(rel))
        })
        .map(|l| l.href.trim())
        .filter(|h| !h.is_empty())
}

/// Resolves `href` against `base`; without a base, keeps absolute URLs and drops nothing else.
pub fn absolute(href: &str, base: Option<&url::Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with("data:") || href.starts_with("javascript:") {
        return None;
    }
    match base {
        Some(base) => base.join(href).ok().map(String::from),
        None => match url::Url::parse(href) {
            Ok(u) => Some(String::from(u)),
            Err(_) if href.starts_with("//") => Some(format!("https:{href}")),
            Err(_) => Some(href.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Dom;
    use crate::metadata::{Fields, meta_tags};

    #[test]
    fn canonical_shortlink_and_image() {
        let dom = Dom::parse(
            r#"<html><head><link rel="canonical" href="/a/b"><link rel="shortlink" href="https://s.example/x">
            <meta property="og:image" content="img/lead.jpg"><meta property="og:url" content="https://other.example/"></head></html>"#,
        );
        let scan = Scan::collect(&dom);
        let sources = Sources {
            jsonld: Fields::default(),
            meta: meta_tags::read(&scan.metas),
            microdata: Fields::default(),
        };
        let base = url::Url::parse("https://example.org/a/page").expect("url");
        assert_eq!(
            canonical(&scan, &sources, Some(&base)).as_deref(),
            Some("https://example.org/a/b")
        );
        assert_eq!(
            shortlink(&scan, Some(&base)).as_deref(),
            Some("https://s.example/x")
        );
        assert_eq!(
            image(&scan, &sources, Some(&base)).as_deref(),
            Some("https://example.org/a/img/lead.jpg")
        );
    }

    #[test]
    fn absolute_without_base() {
        assert_eq!(
            absolute("//cdn.example/x.jpg", None).as_deref(),
            Some("https://cdn.example/x.jpg")
        );
        assert_eq!(absolute("data:image/png;base64,xx", None), None);
    }
}
