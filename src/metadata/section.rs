//! What the visible page says of where the article sits: the section named by a breadcrumb
//! near the headline ("Home » Club News » Walk reports", "Vous êtes ici : Accueil ›
//! Actualités › Patrimoine"), and the site's name as a part of the `<title>` that spells the
//! host name ("Brackendale Ramblers :: News :: …" on brackendale-ramblers.example).
//!
//! Takes the parsed page, its scan, the URL and the title; returns the section when a short
//! element just before the headline (the first `<h1>`, else the first byline or date element)
//! reads as a breadcrumb. Only a bounded window of nodes before that anchor is read, and only
//! text nodes holding a crumb separator are looked at closely. Reads only.

use super::scan::Scan;
use super::{fold, node_text};
use crate::clean::text::labels;
use crate::dom::{Dom, NodeId};

/// How many nodes before the headline are searched for a breadcrumb.
const WINDOW: NodeId = 150;
/// A breadcrumb element holds at most this many nodes...
const MAX_TRAIL_NODES: NodeId = 40;
/// ...and this many bytes of text.
const MAX_TRAIL_BYTES: usize = 200;
/// Ancestors of a separator's text node tried as the breadcrumb element.
const MAX_LEVELS: usize = 3;
/// Bytes that start a crumb separator: `>`, and the lead byte of `»` and `›`/`→`.
const SEPARATOR_BYTES: [u8; 3] = [b'>', 0xC2, 0xE2];
/// "You are here:" labels opening a trail, lowercase.
const TRAIL_LABELS: &[&str] = &[
    "you are here:",
    "you are here :",
    "sie sind hier:",
    "vous êtes ici :",
    "vous êtes ici:",
    "usted está en:",
    "estás en:",
    "ti trovi in:",
    "sei qui:",
    "u bent hier:",
];

/// The section a breadcrumb before the headline names.
pub fn from_breadcrumb(
    dom: &Dom,
    scan: &Scan<'_>,
    url: Option<&url::Url>,
    title: Option<&str>,
) -> Option<String> {
    let anchor = scan
        .h1s
        .first()
        .or(scan.bylines.first())
        .or(scan.date_hints.first())
        .copied()?;
    let from = anchor.saturating_sub(WINDOW);
    for id in (from..anchor).rev() {
        let Some(text) = dom.text(id) else { continue };
        if memchr::memchr3(
            SEPARATOR_BYTES[0],
            SEPARATOR_BYTES[1],
            SEPARATOR_BYTES[2],
            text.as_bytes(),
        )
        .is_none()
        {
            continue;
        }
        let mut element = dom.parent(id);
        for _ in 0..MAX_LEVELS {
            let Some(e) = element else { break };
            let end = dom.next_after_subtree(0, e).unwrap_or(dom.len() as NodeId);
            if end.saturating_sub(e) > MAX_TRAIL_NODES {
                break;
            }
            if let Some(section) = trail_section(&node_text(dom, e, MAX_TRAIL_BYTES), url, title) {
                return Some(section);
            }
            element = dom.parent(e);
        }
    }
    None
}

/// The section of one breadcrumb text: the crumb that names a directory of the page's URL
/// ("Lokales" on /lokales/23817.html: the crumbs after it are places or topics), else the
/// most specific crumb that is not the headline.
fn trail_section(text: &str, url: Option<&url::Url>, title: Option<&str>) -> Option<String> {
    if text.len() > MAX_TRAIL_BYTES {
        return None;
    }
    let lower = text.to_lowercase();
    let text = TRAIL_LABELS
        .iter()
        .find(|l| lower.starts_with(**l))
        .and_then(|l| text.get(l.len()..))
        .unwrap_or(text)
        .trim();
    let crumbs = labels::crumbs(text)?;
    let directories: Vec<String> = url
        .and_then(|u| u.path_segments())
        .map(|segments| {
            let all: Vec<&str> = segments.collect();
            all[..all.len().saturating_sub(1)]
                .iter()
                .map(|s| fold(s))
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    crumbs
        .iter()
        .find(|c| directories.contains(&fold(c)))
        .map(|c| (*c).to_string())
        .or_else(|| labels::section_of_crumbs(&crumbs, title))
}

/// Separators between the parts of a `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" :: ", " | ", " - ", " – ", " — ", " · ", " » ", " • "];
/// A site's name in a title has at most this many words.
const MAX_SITE_WORDS: usize = 6;

/// The site's name from the `<title>`: its first or last part, when that part spells a label
/// of the host name ("Brackendale Ramblers" on www.brackendale-ramblers.example). Used only
/// when no structured source names the site.
pub fn site_in_title(dom: &Dom, scan: &Scan<'_>, url: Option<&url::Url>) -> Option<String> {
    let host = url?.host_str()?;
    let labels: Vec<String> = host
        .split('.')
        .rev()
        .skip(1)
        .map(fold)
        .filter(|l| l.len() >= 4 && l != "www")
        .collect();
    if labels.is_empty() {
        return None;
    }
    let title = node_text(dom, scan.title?, 300);
    let sep = TITLE_SEPARATORS.iter().find(|s| title.contains(**s))?;
    let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
    [parts.first(), parts.last()]
        .into_iter()
        .flatten()
        .find(|p| p.split_whitespace().count() <= MAX_SITE_WORDS && labels.contains(&fold(p)))
        .map(|p| (*p).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(html: &str, url: &str) -> Option<String> {
        let dom = Dom::parse(html);
        let scan = Scan::collect(&dom);
        let url = url::Url::parse(url).ok();
        from_breadcrumb(&dom, &scan, url.as_ref(), Some("The headline"))
    }

    #[test]
    fn the_last_crumb_before_the_headline() {
        let html = "<body><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
                    <p class=fil>Vous êtes ici : <a href=/>Accueil</a> › <a href=/a>Actualités</a> \
                    › Patrimoine</p><h1>The headline</h1><p>Body text.</p></body>";
        assert_eq!(
            section(html, "http://x.example/actualite.php?id=8").as_deref(),
            Some("Patrimoine")
        );
    }

    #[test]
    fn a_crumb_naming_the_url_directory_wins() {
        let html = "<body><div><a href=/lokales/>Lokales</a> &gt; Großwendorf \
                    <a href=/p>Druckversion</a> | <a href=/e>Artikel versenden</a></div>\
                    <h1>The headline</h1><p>Body text.</p></body>";
        assert_eq!(
            section(html, "http://x.example/lokales/23817.html").as_deref(),
            Some("Lokales")
        );
    }

    #[test]
    fn a_title_part_spelling_the_host_is_the_site() {
        let html = "<html><head><title>Brackendale Ramblers :: News :: A walk</title></head>\
                    <body><p>Text.</p></body></html>";
        let dom = Dom::parse(html);
        let scan = Scan::collect(&dom);
        let url = url::Url::parse("http://www.brackendale-ramblers.example/news.php").ok();
        assert_eq!(
            site_in_title(&dom, &scan, url.as_ref()).as_deref(),
            Some("Brackendale Ramblers")
        );
        let url = url::Url::parse("http://www.other.example/news.php").ok();
        assert_eq!(site_in_title(&dom, &scan, url.as_ref()), None);
    }

    #[test]
    fn no_trail_no_section() {
        let html = "<body><p>Prices rose 5 percent.</p><h1>The headline</h1><p>a > b</p></body>";
        assert_eq!(section(html, "http://x.example/a/b"), None);
    }
}
