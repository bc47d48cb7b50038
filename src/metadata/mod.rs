//! Metadata: title, authors, dates, site, language and the rest, read from the page.
//!
//! Takes the parsed [`Dom`] and the page's URL; returns [`Metadata`]. Sources are read as a
//! cascade from the most to the least trusted. Reads only; never touches the body blocks.

pub mod date;

use crate::article::Metadata;
use crate::dom::{Dom, Tag};

/// Reads the metadata of an HTML page.
pub fn from_html(dom: &Dom, url: Option<&url::Url>) -> Metadata {
    let mut metadata = Metadata {
        url: url.map(|u| u.to_string()),
        ..Metadata::default()
    };
    metadata.title = meta_content(dom, "og:title")
        .or_else(|| dom.find(Tag::Title).map(|t| dom.text_content(t)))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    metadata.language = dom
        .find(Tag::Html)
        .and_then(|h| dom.attr(h, "lang"))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    metadata
}

fn meta_content(dom: &Dom, key: &str) -> Option<String> {
    dom.find_all(Tag::Meta)
        .find(|&m| {
            dom.attr(m, "property")
                .or_else(|| dom.attr(m, "name"))
                .is_some_and(|p| p.eq_ignore_ascii_case(key))
        })
        .and_then(|m| dom.attr(m, "content"))
        .map(str::to_string)
}
