//! The declared language.
//!
//! Takes the scan and the structured sources; returns a BCP 47 tag as the page declares it:
//! `<html lang>`, then `Content-Language`/`language` meta, then JSON-LD `inLanguage`, then
//! `og:locale` (`en_US` is written `en-US`). Must not guess from the text (lib.rs detects the
//! body's language separately).

use super::Sources;
use super::scan::Scan;

/// The page's declared language.
pub fn declared(scan: &Scan<'_>, sources: &Sources) -> Option<String> {
    let from_meta = |f: &super::Fields| f.language.clone();
    scan.html_lang
        .map(str::to_string)
        .into_iter()
        .chain(from_meta(&sources.meta))
        .chain(from_meta(&sources.jsonld))
        .chain(from_meta(&sources.microdata))
        .find_map(|l| normalise(&l))
}

/// Trims a tag, takes the first of a list ("de, en"), writes `_` as `-`; `None` when it is not a
/// language tag.
pub fn normalise(tag: &str) -> Option<String> {
    let tag = tag
        .split([',', ';'])
        .next()
        .unwrap_or("")
        .trim()
        .replace('_', "-");
    let valid = !tag.is_empty()
        && tag.len() <= 35
        && tag.split('-').next().is_some_and(|p| {
            (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic())
        })
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    valid.then_some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Dom;
    use crate::metadata::{Fields, meta_tags};

    fn lang(html: &str) -> Option<String> {
        let dom = Dom::parse(html);
        let scan = Scan::collect(&dom);
        let sources = Sources {
            jsonld: Fields::default(),
            meta: meta_tags::read(&scan.metas),
            microdata: Fields::default(),
        };
        declared(&scan, &sources)
    }

    #[test]
    fn html_lang_first_then_meta_then_locale() {
        assert_eq!(lang("<html lang='en-GB'><head><meta http-equiv='Content-Language' content='de'></head></html>").as_deref(), Some("en-GB"));
        assert_eq!(
            lang("<html><head><meta http-equiv='Content-Language' content='de'></head></html>")
                .as_deref(),
            Some("de")
        );
        assert_eq!(
            lang("<html><head><meta property='og:locale' content='fr_FR'></head></html>")
                .as_deref(),
            Some("fr-FR")
        );
        assert_eq!(lang("<html lang=''><body></body></html>"), None);
    }

    #[test]
    fn normalises_tags() {
        assert_eq!(normalise(" de-DE ").as_deref(), Some("de-DE"));
        assert_eq!(normalise("de, en").as_deref(), Some("de"));
        assert_eq!(normalise("{{lang}}"), None);
    }
}
