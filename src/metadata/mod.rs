//! Metadata: title, authors, dates, site, language and the rest, read from the page.
//!
//! Takes the parsed [`Dom`] and the page's URL; returns [`Metadata`]. The page is walked once
//! ([`scan`]); each source then reads its own candidates into raw [`Fields`] (JSON-LD, `<meta>`
//! tags, microdata), and each field is chosen as a cascade from the most to the least trusted
//! source, with the visible page (bylines, `<time>`, datelines, `<h1>`) and the URL last. Missing
//! values stay `None` or empty; nothing is invented. Reads only; never touches the body blocks.

pub mod byline;
pub mod captions;
pub mod date;
pub mod dates;
pub mod jsonld;
pub mod language;
pub mod meta_tags;
pub mod microdata;
pub mod page_type;
pub mod scan;
pub mod section;
pub mod signoff;
pub mod solar_hijri;
pub mod title;
pub mod urls;
pub mod zones;

use crate::article::Metadata;
use crate::dom::{Dom, NodeId, Tag};
use scan::Scan;

/// What one structured source (JSON-LD, `<meta>` tags, microdata) says, before cleaning.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// Headline or title, as written.
    pub title: Option<String>,
    /// A second title the source gives when it differs from `title` (JSON-LD's `name` beside
    /// its `headline`): some sites put a description or the site's name in one of them.
    pub other_title: Option<String>,
    /// Author strings, as written.
    pub authors: Vec<String>,
    /// Publication date, as written.
    pub published: Option<String>,
    /// Modification date, as written.
    pub modified: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// The publisher's name (an organisation).
    pub publisher: Option<String>,
    /// Section.
    pub section: Option<String>,
    /// The section a breadcrumb names (JSON-LD `BreadcrumbList`): trusted less than any
    /// declared section.
    pub breadcrumb: Option<String>,
    /// Keywords.
    pub tags: Vec<String>,
    /// Summary.
    pub description: Option<String>,
    /// Image URL (maybe relative).
    pub image: Option<String>,
    /// The page's own URL.
    pub url: Option<String>,
    /// Language tag.
    pub language: Option<String>,
    /// Licence.
    pub license: Option<String>,
    /// Page kind as the source names it (`article`, `website`, `listing`...).
    pub kind: Option<String>,
}

/// The three structured sources, most trusted first.
pub struct Sources {
    /// JSON-LD.
    pub jsonld: Fields,
    /// `<meta>` tags.
    pub meta: Fields,
    /// Microdata.
    pub microdata: Fields,
}

impl Sources {
    /// Reads the three structured sources of a scanned page.
    pub fn read(dom: &Dom, scan: &Scan) -> Self {
        Sources {
            jsonld: jsonld::read(&scan.jsonld),
            meta: meta_tags::read(&scan.metas),
            microdata: microdata::read(dom, scan),
        }
    }

    /// The first source's value of a field, in order of trust.
    fn first<T: Clone>(&self, get: impl Fn(&Fields) -> Option<&T>) -> Option<T> {
        get(&self.jsonld)
            .or_else(|| get(&self.meta))
            .or_else(|| get(&self.microdata))
            .cloned()
    }
}

/// Reads the metadata of an HTML page.
pub fn from_html(dom: &Dom, url: Option<&url::Url>) -> Metadata {
    let scan = Scan::collect(dom);
    let sources = Sources::read(dom, &scan);
    let mut metadata = Metadata {
        url: url.map(|u| u.to_string()),
        ..Metadata::default()
    };
    let site_names = title::site_names(&sources, url);
    metadata.site_name = title::site_name(&sources);
    if metadata.site_name.is_none() {
        metadata.site_name = section::site_in_title(dom, &scan, url);
    }
    metadata.title = title::choose(dom, &scan, &sources, &site_names);
    metadata.authors = byline::authors(dom, &scan, &sources, &site_names);
    metadata.language = language::declared(&scan, &sources);
    let order = date::DayOrder::for_language(metadata.language.as_deref());
    let dates = dates::choose(dom, &scan, &sources, url, order);
    let dated = dates.published.is_some() && dates.source != Some(dates::UPDATE_FALLBACK);
    metadata.published = dates.published;
    metadata.modified = dates.modified;
    metadata.date_source = dates.source.map(str::to_string);
    metadata.section = sources.first(|f| f.section.as_ref()).map(|s| squeeze(&s));
    if metadata.section.is_none() {
        metadata.section = sources
            .jsonld
            .breadcrumb
            .clone()
            .or_else(|| section::from_breadcrumb(dom, &scan, url, metadata.title.as_deref()));
    }
    metadata.tags = [
        &sources.meta.tags,
        &sources.jsonld.tags,
        &sources.microdata.tags,
    ]
    .into_iter()
    .find(|t| !t.is_empty())
    .cloned()
    .unwrap_or_default();
    metadata.tags.dedup();
    metadata.description = sources
        .first(|f| f.description.as_ref())
        .map(|d| squeeze(&d))
        .filter(|d| !d.is_empty());
    let base = url;
    metadata.canonical_url = urls::canonical(&scan, &sources, base);
    metadata.short_url = urls::shortlink(&scan, base);
    metadata.image = urls::image(&scan, &sources, base);
    metadata.license = urls::license(&scan, &sources, base);
    metadata.page_type = page_type::classify(dom, &scan, &sources, dated);
    metadata.captions = captions::captions(dom, &scan, base);
    metadata.credits = captions::closing_credits(dom, &scan);
    metadata
}

pub use crate::article::squeeze;

/// The nodes below `id` (itself first) in document order, without the subtrees of scripts,
/// styles, templates and `<noscript>`: what [`node_text`] and [`first_text_char`] read.
fn visible_nodes(dom: &Dom, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    let mut next = Some(id);
    std::iter::from_fn(move || {
        loop {
            let node = next?;
            if matches!(
                dom.tag(node),
                Some(Tag::Script | Tag::Style | Tag::Template | Tag::Noscript)
            ) {
                next = dom.next_after_subtree(id, node);
                continue;
            }
            next = match dom.node(node).first_child {
                Some(child) => Some(child),
                None => dom.next_after_subtree(id, node),
            };
            return Some(node);
        }
    })
}

/// The visible text below `id`, white space collapsed, scripts and styles skipped, cut after
/// about `max` bytes.
pub fn node_text(dom: &Dom, id: NodeId, max: usize) -> String {
    let mut out = String::new();
    for node in visible_nodes(dom, id) {
        if let Some(text) = dom.text(node) {
            if text.starts_with(char::is_whitespace) && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            for (i, word) in text.split_whitespace().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(word);
            }
            if text.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            if out.len() > max {
                break;
            }
        } else if is_line_break(dom, node) && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// The first character of [`node_text`] of `id` (`None` when that is empty), read without
/// building the text: the same walk, stopped at the first word.
pub fn first_text_char(dom: &Dom, id: NodeId) -> Option<char> {
    visible_nodes(dom, id)
        .find_map(|node| dom.text(node).and_then(|t| t.split_whitespace().next()))
        .and_then(|word| word.chars().next())
}

fn is_line_break(dom: &Dom, id: NodeId) -> bool {
    matches!(
        dom.tag(id),
        Some(
            Tag::Br
                | Tag::P
                | Tag::Div
                | Tag::Li
                | Tag::Td
                | Tag::Address
                | Tag::Span
                | Tag::Time
                | Tag::H1
                | Tag::H2
                | Tag::H3
        )
    )
}

/// Lowercase letters and digits only: for comparing names and titles loosely.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when `id` or an ancestor below `<body>` is a `<nav>`, `<footer>` or `<aside>`, or has a
/// class or id containing one of `words`: a region about other things than the article
/// (comments, related boxes), whose names and dates are not the article's.
fn in_foreign_region(dom: &Dom, id: NodeId, words: &[&str]) -> bool {
    let masks: Vec<u32> = words.iter().map(|w| letters(w.as_bytes())).collect();
    std::iter::once(id)
        .chain(dom.ancestors(id))
        .take_while(|&a| !matches!(dom.tag(a), Some(Tag::Body | Tag::Html) | None))
        .any(|a| {
            matches!(dom.tag(a), Some(Tag::Nav | Tag::Footer | Tag::Aside))
                || names_any(dom, a, words, &masks)
        })
}

/// True when the element's class or id contains one of `words` (ASCII case-insensitive).
fn class_names_any(dom: &Dom, id: NodeId, words: &[&str]) -> bool {
    // A few words on the stack: no allocation for each element asked about.
    let mut buffer = [0u32; 16];
    if let Some(masks) = buffer.get_mut(..words.len()) {
        for (mask, w) in masks.iter_mut().zip(words) {
            *mask = letters(w.as_bytes());
        }
        return names_any(dom, id, words, masks);
    }
    let masks: Vec<u32> = words.iter().map(|w| letters(w.as_bytes())).collect();
    names_any(dom, id, words, &masks)
}

/// [`class_names_any`] with the [`letters`] of each word: a word is looked for only in values
/// that hold all its letters.
fn names_any(dom: &Dom, id: NodeId, words: &[&str], masks: &[u32]) -> bool {
    // One pass over the attributes; the first `class` and the first `id` count, as `attr` reads.
    let (mut class, mut ident) = (false, false);
    dom.attrs(id).any(|(key, value)| {
        let first = match key {
            "class" => !std::mem::replace(&mut class, true),
            "id" => !std::mem::replace(&mut ident, true),
            _ => false,
        };
        first && {
            let held = letters(value.as_bytes());
            words
                .iter()
                .zip(masks)
                .any(|(w, &mask)| mask & !held == 0 && scan::contains_ci(value, w))
        }
    })
}

/// The ASCII letters (either case) in `bytes`, one bit each (`a` is bit 0).
fn letters(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0, |mask, &b| {
        let lower = b | 0x20;
        if lower.is_ascii_lowercase() {
            mask | 1 << (lower - b'a')
        } else {
            mask
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_text_skips_scripts_and_collapses_space() {
        let dom = Dom::parse("<div>  By <b>Jane</b>\n Doe<script>x()</script><br>on Monday</div>");
        let div = dom.find(Tag::Div).expect("div");
        assert_eq!(node_text(&dom, div, 100), "By Jane Doe on Monday");
        assert_eq!(first_text_char(&dom, div), Some('B'));
        let dom = Dom::parse("<p> <script>x()</script><br> <i> \u{e9}t\u{e9}</i></p><div> </div>");
        let p = dom.find(Tag::P).expect("p");
        assert_eq!(first_text_char(&dom, p), Some('\u{e9}'));
        assert_eq!(
            first_text_char(&dom, dom.find(Tag::Div).expect("div")),
            None
        );
    }

    #[test]
    fn letters_are_caseless_and_ignore_other_bytes() {
        assert_eq!(letters(b"aB-z"), 1 | 2 | 1 << 25);
        assert_eq!(letters(b"@[`{\xc1\xe9 09"), 0);
        assert_eq!(letters(b"Comment"), letters(b"comment"));
    }

    #[test]
    fn foreign_regions_by_tag_or_name() {
        let dom = Dom::parse(
            "<body><div class='Post-Comments'><p id=a>x</p></div><footer><p id=b>y</p></footer>\
             <div id=main-Related-box><p id=c>z</p></div><div class=story><p id=d>w</p></div></body>",
        );
        let p = |name: &str| {
            dom.find_all(Tag::P)
                .find(|&p| dom.attr(p, "id") == Some(name))
                .expect("p")
        };
        let words = ["comment", "related", "more-"];
        assert!(in_foreign_region(&dom, p("a"), &words));
        assert!(in_foreign_region(&dom, p("b"), &words));
        assert!(in_foreign_region(&dom, p("c"), &words));
        assert!(!in_foreign_region(&dom, p("d"), &words));
        assert!(class_names_any(
            &dom,
            dom.parent(p("c")).expect("div"),
            &words
        ));
    }

    #[test]
    fn squeeze_and_fold() {
        assert_eq!(squeeze("  a \n b  "), "a b");
        assert_eq!(fold("The Slow-Kettle!"), "theslowkettle");
    }
}
