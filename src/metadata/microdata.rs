//! Microdata: `itemprop` attributes (`headline`, `author`, `datePublished`, `dateModified`,
//! `publisher`, `articleSection`, `keywords`, `description`, `image`, `inLanguage`).
//!
//! Takes the `itemprop` elements and `itemprop` metas collected by the scan; returns raw
//! [`Fields`]. Properties inside a `Comment` or `Review` item belong to someone else and are
//! skipped. Must not walk the page beyond the candidates' own subtrees and ancestors.

use super::scan::Scan;
use super::{Fields, node_text};
use crate::dom::{Dom, NodeId, Tag};

/// Item types whose properties describe something other than the article.
const FOREIGN_ITEMS: &[&str] = &[
    "comment", "review", "answer", "question", "offer", "product",
];

/// Reads the microdata properties of the page.
pub fn read(dom: &Dom, scan: &Scan<'_>) -> Fields {
    let mut fields = Fields::default();
    for meta in scan.metas.iter().filter(|m| m.itemprop) {
        let value = meta.content.trim();
        if !value.is_empty() {
            set(&mut fields, meta.key.trim(), value.to_string());
        }
    }
    for &id in &scan.itemprops {
        let Some(prop) = dom.attr(id, "itemprop") else {
            continue;
        };
        for prop in prop.split_whitespace() {
            if !WANTED.iter().any(|w| w.eq_ignore_ascii_case(prop)) || in_foreign_item(dom, id) {
                continue;
            }
            if prop.eq_ignore_ascii_case("author") || prop.eq_ignore_ascii_case("creator") {
                if let Some(name) = person_name(dom, id) {
                    fields.authors.push(name);
                }
                continue;
            }
            if prop.eq_ignore_ascii_case("publisher") {
                if fields.publisher.is_none() {
                    fields.publisher = person_name(dom, id);
                }
                continue;
            }
            if let Some(value) = value(dom, id) {
                set(&mut fields, prop, value);
            }
        }
    }
    fields.site_name = fields.publisher.clone();
    fields
}

/// The properties read here.
const WANTED: &[&str] = &[
    "headline",
    "author",
    "creator",
    "publisher",
    "datePublished",
    "dateCreated",
    "dateModified",
    "articleSection",
    "keywords",
    "description",
    "image",
    "inLanguage",
];

fn set(fields: &mut Fields, prop: &str, value: String) {
    let slot = match prop.to_ascii_lowercase().as_str() {
        "headline" => &mut fields.title,
        "datepublished" => &mut fields.published,
        "datecreated" => {
            if fields.published.is_none() {
                fields.published = Some(value);
            }
            return;
        }
        "datemodified" => &mut fields.modified,
        "articlesection" => &mut fields.section,
        "description" => &mut fields.description,
        "image" => &mut fields.image,
        "inlanguage" => &mut fields.language,
        "author" | "creator" => {
            fields.authors.push(value);
            return;
        }
        "keywords" => {
            if fields.tags.is_empty() {
                fields.tags = value
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            return;
        }
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(value);
    }
}

/// A property's value: `content`, `datetime`, `href`/`src` for links and images, else the text.
fn value(dom: &Dom, id: NodeId) -> Option<String> {
    let attr = dom
        .attr(id, "content")
        .or_else(|| dom.attr(id, "datetime"))
        .or_else(|| match dom.tag(id) {
            Some(Tag::A | Tag::Link) => dom.attr(id, "href"),
            Some(Tag::Img | Tag::Source) => dom.attr(id, "src"),
            _ => None,
        });
    let value = match attr {
        Some(a) => a.trim().to_string(),
        None => node_text(dom, id, 300),
    };
    (!value.is_empty()).then_some(value)
}

/// The name of an `author`/`publisher` item: its `itemprop=name` descendant, else its text.
fn person_name(dom: &Dom, id: NodeId) -> Option<String> {
    if dom.attr(id, "itemscope").is_some() {
        let name = dom.descendants(id).skip(1).find(|&d| {
            dom.attr(d, "itemprop")
                .is_some_and(|p| p.split_whitespace().any(|w| w == "name"))
        });
        if let Some(name) = name {
            return value(dom, name);
        }
        if dom
            .descendants(id)
            .skip(1)
            .any(|d| dom.attr(d, "itemprop").is_some())
        {
            return None;
        }
    }
    value(dom, id).filter(|v| v.chars().count() <= 120)
}

fn in_foreign_item(dom: &Dom, id: NodeId) -> bool {
    dom.ancestors(id).any(|a| {
        dom.attr(a, "itemtype").is_some_and(|t| {
            let t = t.rsplit('/').next().unwrap_or(t);
            FOREIGN_ITEMS.iter().any(|f| t.eq_ignore_ascii_case(f))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(body: &str) -> Fields {
        let dom = Dom::parse(&format!("<html><body>{body}</body></html>"));
        let scan = Scan::collect(&dom);
        read(&dom, &scan)
    }

    #[test]
    fn article_properties() {
        let f = fields(
            r#"<article itemscope itemtype="https://schema.org/NewsArticle">
            <h1 itemprop="headline">Octopus sleep</h1>
            <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Dana Whitlock</span></span>
            <time itemprop="datePublished" datetime="2024-07-22T09:00:00-04:00">July 22</time>
            <meta itemprop="dateModified" content="2024-07-23">
            </article>"#,
        );
        assert_eq!(f.title.as_deref(), Some("Octopus sleep"));
        assert_eq!(f.authors, vec!["Dana Whitlock"]);
        assert_eq!(f.published.as_deref(), Some("2024-07-22T09:00:00-04:00"));
        assert_eq!(f.modified.as_deref(), Some("2024-07-23"));
    }

    #[test]
    fn comment_authors_are_skipped() {
        let f = fields(
            r#"<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Troll</span>
            <time itemprop="datePublished" datetime="2024-01-01">x</time></div>"#,
        );
        assert!(f.authors.is_empty());
        assert_eq!(f.published, None);
    }
}
