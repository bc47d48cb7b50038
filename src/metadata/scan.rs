//! One pass over the page: collects what every metadata source reads.
//!
//! Takes the [`Dom`]; returns a [`Scan`] of borrowed attribute values and node ids (meta tags,
//! links, JSON-LD script texts, `itemprop` elements, `<time>` elements, headings, byline and
//! date-line candidates, figures, paragraphs). It walks the node ids once, in document order, and
//! allocates only the lists it keeps; it must not interpret anything (the other modules do).

use crate::dom::{Dom, NodeId, Tag};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// A `<meta>` tag: its key (`property`, `name`, `itemprop` or `http-equiv`) and `content`.
#[derive(Debug, Clone, Copy)]
pub struct Meta<'a> {
    /// The key as written (compare without case).
    pub key: &'a str,
    /// The `content` attribute.
    pub content: &'a str,
    /// True when the key came from `itemprop` (microdata), not `property`/`name`/`http-equiv`.
    pub itemprop: bool,
}

/// A `<link>`: its `rel` and `href`.
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    /// The `rel` attribute (may hold several words).
    pub rel: &'a str,
    /// The `href` attribute.
    pub href: &'a str,
}

/// Everything the metadata sources read, gathered in one walk.
#[derive(Debug, Default)]
pub struct Scan<'a> {
    /// `<html lang>`.
    pub html_lang: Option<&'a str>,
    /// The first `<title>` element (outside `<svg>`).
    pub title: Option<NodeId>,
    /// Every `<meta>` with a key and a content.
    pub metas: Vec<Meta<'a>>,
    /// Every `<link rel href>`, and `<a rel=...>` whose rel is `author`, `tag` or `license`.
    pub links: Vec<Link<'a>>,
    /// Elements with `rel` containing `author`.
    pub rel_authors: Vec<NodeId>,
    /// The texts of `<script type="application/ld+json">`.
    pub jsonld: Vec<&'a str>,
    /// Elements with an `itemprop` attribute (other than `<meta>` in the head, kept as metas).
    pub itemprops: Vec<NodeId>,
    /// `<time>` elements.
    pub times: Vec<NodeId>,
    /// `<h1>` elements.
    pub h1s: Vec<NodeId>,
    /// Elements whose class or id says author or byline.
    pub bylines: Vec<NodeId>,
    /// Elements whose class or id says date, time, published, posted or meta.
    pub date_hints: Vec<NodeId>,
    /// `<figure>` elements.
    pub figures: Vec<NodeId>,
    /// `<p>` elements.
    pub paragraphs: Vec<NodeId>,
    /// `<article>` elements.
    pub articles: Vec<NodeId>,
    /// `<a href>` elements counted (for the page type).
    pub anchors: u32,
    /// The `<body>` element.
    pub body: Option<NodeId>,
}

/// Most byline and date-line candidates kept: a page with more is a listing or a comment thread.
const MAX_HINTS: usize = 60;

impl<'a> Scan<'a> {
    /// Walks the page once and collects the candidates.
    pub fn collect(dom: &'a Dom) -> Scan<'a> {
        let mut scan = Scan::default();
        let mut said = HintMemo::default();
        let mut in_svg_until: Option<NodeId> = None;
        for id in dom.ids() {
            let Some(tag) = dom.tag(id) else { continue };
            if let Some(end) = in_svg_until {
                if id < end {
                    continue;
                }
                in_svg_until = None;
            }
            match tag {
                Tag::Svg | Tag::Math => {
                    in_svg_until = dom.next_after_subtree(0, id);
                    if in_svg_until.is_none() {
                        break;
                    }
                    continue;
                }
                Tag::Html => {
                    scan.html_lang = dom.attr(id, "lang").or_else(|| dom.attr(id, "xml:lang"))
                }
                Tag::Body => scan.body = Some(id),
                Tag::Title if scan.title.is_none() => scan.title = Some(id),
                Tag::Meta => scan.meta(dom, id),
                Tag::Link => {
                    if let (Some(rel), Some(href)) = (dom.attr(id, "rel"), dom.attr(id, "href")) {
                        scan.links.push(Link { rel, href });
                    }
                }
                Tag::Script => {
                    if dom
                        .attr(id, "type")
                        .is_some_and(|t| contains_ci(t, "ld+json"))
                        && let Some(text) = dom.children(id).find_map(|c| dom.text(c))
                    {
                        scan.jsonld.push(text);
                    }
                    continue;
                }
                Tag::Style | Tag::Template | Tag::Noscript => continue,
                Tag::Time => scan.times.push(id),
                Tag::H1 => scan.h1s.push(id),
                Tag::Figure => scan.figures.push(id),
                Tag::P => scan.paragraphs.push(id),
                Tag::Article => scan.articles.push(id),
                Tag::A => {
                    scan.anchors += 1;
                    if let (Some(rel), Some(href)) = (dom.attr(id, "rel"), dom.attr(id, "href"))
                        && (contains_ci(rel, "license") || contains_ci(rel, "shortlink"))
                    {
                        scan.links.push(Link { rel, href });
                    }
                }
                _ => {}
            }
            scan.element_hints(dom, id, tag, &mut said);
        }
        scan
    }

    fn meta(&mut self, dom: &'a Dom, id: NodeId) {
        let content = dom.attr(id, "content").or_else(|| dom.attr(id, "value"));
        let Some(content) = content else { return };
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(k) = dom.attr(id, key) {
                self.metas.push(Meta {
                    key: k,
                    content,
                    itemprop: key == "itemprop",
                });
            }
        }
    }

    /// Byline, date and `itemprop` candidates from an element's attributes.
    fn element_hints(&mut self, dom: &'a Dom, id: NodeId, tag: Tag, said: &mut HintMemo<'a>) {
        let mut byline = false;
        let mut date = false;
        for (name, value) in dom.attrs(id) {
            match name {
                "itemprop" if tag != Tag::Meta => self.itemprops.push(id),
                "rel" if contains_ci(value, "author") => {
                    self.rel_authors.push(id);
                }
                "class" | "id" => {
                    let (b, d) = match said.get(value) {
                        Some(&hints) => hints,
                        None => {
                            let hints = hint_words(value);
                            if said.len() < MAX_REMEMBERED {
                                said.insert(value, hints);
                            }
                            hints
                        }
                    };
                    byline |= b;
                    date |= d;
                }
                _ => {}
            }
        }
        if matches!(
            tag,
            Tag::Html | Tag::Body | Tag::Head | Tag::Meta | Tag::Link
        ) {
            return;
        }
        if byline && self.bylines.len() < MAX_HINTS {
            self.bylines.push(id);
        }
        if date && self.date_hints.len() < MAX_HINTS {
            self.date_hints.push(id);
        }
    }
}

/// Words of the `<link>` elements something reads: the `rel` words [`super::urls`] looks up
/// (`canonical`, `shortlink`, `image_src`, `license`), `author` (read here, as a byline
/// candidate) and the microdata attributes. The prescan drops the head's other links unread
/// (`crate::input::prepare`): a reader of another kind of link adds its word here.
pub(crate) const READ_LINK_WORDS: &[&str] = &[
    "canonical",
    "shortlink",
    "image_src",
    "license",
    "author",
    "itemprop",
    "itemscope",
    "itemtype",
];

/// What each class or id value seen so far says (byline word, date word): a page repeats the
/// same class lists on many elements.
type HintMemo<'a> =
    std::collections::HashMap<&'a str, (bool, bool), crate::clean::signals::WordHashing>;

/// Most class and id values remembered in a [`HintMemo`]: enough for any real page, and a bound
/// on the table a hostile page can make.
const MAX_REMEMBERED: usize = 4096;

/// Whether a class or id value holds a byline word and a date word ([`HINT_WORDS`]).
fn hint_words(value: &str) -> (bool, bool) {
    let (mut byline, mut date) = (false, false);
    if let Some(words) = HINT_WORDS.as_ref() {
        for m in words.find_overlapping_iter(value) {
            let i = m.pattern().as_usize();
            byline |= i < BYLINE_WORDS.len();
            date |= i >= BYLINE_WORDS.len();
        }
    }
    (byline, date)
}

/// Class or id words that mark an author or byline element.
const BYLINE_WORDS: &[&str] = &["author", "byline", "autor", "auteur", "writer", "verfasser"];

/// Class or id words that mark an element holding the publication date.
const DATE_WORDS: &[&str] = &[
    "date", "time", "publish", "posted", "dateline", "datum", "fecha", "meta", "byline", "info",
];

/// The byline words, then the date words, matched in one pass over a class or id.
static HINT_WORDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(BYLINE_WORDS.iter().chain(DATE_WORDS))
        .ok()
});

/// ASCII-case-insensitive substring test, without allocating. Only the places where the
/// needle's first byte occurs (in either case) are compared in full.
pub fn contains_ci(haystack: &str, needle: &str) -> bool {
    let h = haystack.as_bytes();
    let Some((&first, rest)) = needle.as_bytes().split_first() else {
        return true;
    };
    let Some(last_start) = h.len().checked_sub(rest.len() + 1) else {
        return false;
    };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut from = 0;
    while let Some(offset) = memchr::memchr2(lower, upper, &h[from..=last_start]) {
        let at = from + offset;
        if h[at + 1..at + 1 + rest.len()].eq_ignore_ascii_case(rest) {
            return true;
        }
        from = at + 1;
        if from > last_start {
            break;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_every_kind_of_candidate() {
        let dom = Dom::parse(
            r#"<html lang="de"><head><title>T</title>
            <meta property="og:title" content="OG"><link rel="canonical" href="/c">
            <script type="application/ld+json">{"a":1}</script></head>
            <body><h1>H</h1><span class="byline">Von X</span><time datetime="2020-01-02">x</time>
            <div class="post-date">2. Januar 2020</div><figure><img src=a></figure><p>p</p>
            <span itemprop="author">A</span><svg><title>icon</title></svg></body></html>"#,
        );
        let scan = Scan::collect(&dom);
        assert_eq!(scan.html_lang, Some("de"));
        assert!(scan.title.is_some());
        assert_eq!(scan.metas.len(), 1);
        assert_eq!(scan.links.len(), 1);
        assert_eq!(scan.jsonld, vec![r#"{"a":1}"#]);
        assert_eq!(scan.h1s.len(), 1);
        assert_eq!(scan.bylines.len(), 1);
        assert_eq!(scan.date_hints.len(), 2);
        assert_eq!(scan.itemprops.len(), 1);
        assert_eq!(scan.times.len(), 1);
        assert_eq!(scan.figures.len(), 1);
        assert_eq!(scan.paragraphs.len(), 1);
    }

    #[test]
    fn case_insensitive_contains() {
        assert!(contains_ci("Post-Author", "author"));
        assert!(!contains_ci("au", "author"));
        assert!(contains_ci("AUTHOR", "author"));
        assert!(contains_ci("x-author", "author"));
        assert!(!contains_ci("x-autho", "author"));
        assert!(contains_ci("aauthor", "author"));
        assert!(contains_ci("", ""));
        assert!(!contains_ci("", "a"));
        assert!(contains_ci("é-Date", "date"));
    }
}
