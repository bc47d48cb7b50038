//! The clean headline and the site's name.
//!
//! Takes the structured sources, the `<title>` and the `<h1>`s; returns the headline without a
//! trailing " | Site Name" or " - Site" (or a leading "Site: ") when that part is the site's name
//! (as the page declares it, or as the host name spells it), and when the title has separators
//! and an `<h1>` is one of its parts, that part. A title equal to the site's name is a site-wide
//! default and is skipped. Must not invent a title: without any source it returns `None`.

use super::scan::{Scan, contains_ci};
use super::{Sources, fold, node_text, squeeze};
use crate::dom::{Dom, NodeId, Tag};

/// Separators between a headline and the site's or section's name.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", " › ", " ‹ ", " ~ ",
    ": ", "|", "｜",
];

/// Longest site name part, in words, that is dropped from a title.
const MAX_SITE_WORDS: usize = 8;

/// The site's name: `og:site_name` and the other `<meta>` names, else JSON-LD's publisher or
/// `WebSite`, else microdata's publisher.
pub fn site_name(sources: &Sources) -> Option<String> {
    sources
        .meta
        .site_name
        .as_ref()
        .or(sources.jsonld.site_name.as_ref())
        .or(sources.microdata.site_name.as_ref())
        .map(|s| squeeze(s))
        .filter(|s| !s.is_empty())
}

/// Every name the site goes by, folded: declared names and the host name's labels.
pub fn site_names(sources: &Sources, url: Option<&url::Url>) -> Vec<String> {
    let mut names: Vec<String> = [&sources.meta, &sources.jsonld, &sources.microdata]
        .iter()
        .flat_map(|f| [f.site_name.as_deref(), f.publisher.as_deref()])
        .flatten()
        .map(fold)
        .filter(|n| !n.is_empty())
        .collect();
    if let Some(host) = url.and_then(|u| u.host_str()) {
        let labels: Vec<&str> = host.split('.').collect();
        let keep = labels.len().saturating_sub(1);
        for label in labels.iter().take(keep) {
            if label.len() >= 4 && !matches!(*label, "www" | "blog" | "news" | "home") {
                names.push(fold(label));
            }
        }
        names.push(fold(host));
    }
    names.sort();
    names.dedup();
    names
}

/// Titles that name a kind of page, not an article: a source saying only this is skipped.
const GENERIC_TITLES: &[&str] = &[
    "home",
    "homepage",
    "startseite",
    "accueil",
    "inicio",
    "index",
    "untitled",
    "start",
];

/// Longest visible headline taken, in words.
const MAX_HEADLINE_WORDS: usize = 40;

/// Chooses and cleans the headline.
///
/// The structured titles (JSON-LD, `<meta>`, microdata, `<title>`; microdata's `headline`
/// sits on any wrapper, teasers too, while `og:title` is written for the page) are cleaned of
/// site names
/// and the first one not generic ("Home") nor the site's name is taken, as the `<h1>` writes it
/// when the two agree ([`same_story_headline`]). Without any usable source, the page's only
/// main `<h1>`.
pub fn choose(dom: &Dom, scan: &Scan<'_>, sources: &Sources, sites: &[String]) -> Option<String> {
    let all_h1s: Vec<String> = scan
        .h1s
        .iter()
        .take(3)
        .map(|&h| node_text(dom, h, 400))
        .filter(|t| !t.is_empty() && t.len() < 400)
        .collect();
    let document = scan.title.map(|t| node_text(dom, t, 600));
    let document_clean = document
        .as_deref()
        .map(squeeze)
        .filter(|d| !is_site(d, sites))
        .map(|d| without_short_head(&without_short_tail(&clean(&d, sites, &all_h1s))));
    let usable = |c: &str| -> Option<String> {
        let c = squeeze(c);
        if c.is_empty() || is_site(&c, sites) || is_generic(&c) {
            return None;
        }
        Some(clean(&c, sites, &all_h1s)).filter(|c| !c.is_empty())
    };
    let structured: Vec<String> = [
        jsonld_title(sources, document.as_deref(), &all_h1s),
        sources.meta.title.as_deref(),
        sources.microdata.title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter_map(usable)
    .collect();
    let mut candidates = structured;
    candidates.extend(document_clean.as_deref().and_then(usable));
    if let Some(headline) = same_story_headline(&candidates, &all_h1s) {
        return Some(without_kicker(dom, scan, &headline).unwrap_or(headline));
    }
    if let Some(first) = candidates.first()
        && let Some(headline) = extended_headline(dom, scan, sites, first)
    {
        return Some(headline);
    }
    candidates
        .into_iter()
        .next()
        .or_else(|| visible_headline(dom, scan, sites))
        .or_else(|| all_h1s.into_iter().next())
}

/// Separators that set off a site's or section's name in a `<title>` (not the hyphen and the
/// colon, which headlines use themselves).
const TAIL_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " · ", " • ", " » ", " │ "];
/// Most words in a part dropped by [`without_short_tail`].
const MAX_TAIL_WORDS: usize = 3;
/// Fewest words the headline must keep for [`without_short_tail`] to cut.
const MIN_HEAD_WORDS: usize = 4;

/// A `<title>` that still has short parts after a separator once the known site names are gone
/// ("Lorem ipsum dolor sit amet – My website", "Question? | iPhone | Forum") keeps its first
/// part when that reads as a full headline: the short parts name the site or its sections.
fn without_short_tail(title: &str) -> String {
    let Some((i, sep)) = TAIL_SEPARATORS
        .iter()
        .filter_map(|s| title.find(s).map(|i| (i, *s)))
        .min_by_key(|(i, _)| *i)
    else {
        return title.to_string();
    };
    let head = title[..i].trim();
    let tail = &title[i + sep.len()..];
    let short_parts = tail
        .split(|c| "|–—·•»│".contains(c))
        .all(|p| (1..=MAX_TAIL_WORDS).contains(&p.split_whitespace().count()));
    if short_parts && head.split_whitespace().count() >= MIN_HEAD_WORDS {
        head.to_string()
    } else {
        title.to_string()
    }
}

/// Separators of a path of sections before a headline in a `<title>` ("News :: Headline",
/// "Sport » Headline"); headlines do not use them themselves.
const HEAD_SEPARATORS: &[&str] = &[" :: ", " » "];

/// Rule `without_short_head`: a `<title>` that still opens with a short part before a path
/// separator once the site's name is gone ("News :: Spring walk over Hollin Edge - 36
/// walkers") keeps what follows when that reads as a full headline: the short part names a
/// section.
fn without_short_head(title: &str) -> String {
    let Some((i, sep)) = HEAD_SEPARATORS
        .iter()
        .filter_map(|s| title.find(s).map(|i| (i, *s)))
        .min_by_key(|(i, _)| *i)
    else {
        return title.to_string();
    };
    let head = &title[..i];
    let rest = title[i + sep.len()..].trim();
    let short_head = (1..=MAX_TAIL_WORDS).contains(&head.split_whitespace().count());
    if short_head && rest.split_whitespace().count() >= MIN_HEAD_WORDS {
        rest.to_string()
    } else {
        title.to_string()
    }
}

/// The visible headline when it is the most trusted title as written on the page: an `<h1>`
/// with the same letters and digits (case kept). The `<h1>` keeps the typography that metadata
/// often loses (curly quotes and apostrophes, dashes).
///
/// Only the first candidate is compared: an `<h1>` that repeats a less trusted source
/// (`twitter:title` against `og:title`) does not win, since Readability.js's ground truth keeps
/// the most trusted one there.
fn same_story_headline(candidates: &[String], h1s: &[String]) -> Option<String> {
    let letters = |t: &str| -> String { t.chars().filter(|c| c.is_alphanumeric()).collect() };
    let first = letters(candidates.first()?);
    h1s.iter().find(|h| letters(h) == first).cloned()
}

/// Fewest words of an `<h1>` taken by [`extended_headline`].
const MIN_EXTENDED_WORDS: usize = 3;

/// Rule `extended_headline`: when the page's main `<h1>` and the structured title differ only
/// by words one of them adds, the `<h1>`, as readers see it, wins. Metadata titles are cut
/// ("Zitronenkuchen vom Blech" under the `<h1>` "Saftiger Zitronenkuchen vom Blech: einfach
/// köstlich!", "Können Fische Schmerzen spüren?" under "Können Fische Schmerzen spüren /
/// empfinden?") or lengthened for search engines ("Frei erfunden: Grab-Bote fliegt nach
/// Singapur, Thailand" above the `<h1>` "Frei erfunden: Grab-Bote fliegt nach Singapur").
/// Compared as lowercase letters and digits: the structured title must start the `<h1>`, sit
/// inside it, or start with it. An `<h1>` that only puts words before the title is a kicker or
/// a date joined to it ("27.01.2022MineralölINFO November 2021") and does not win. The `<h1>`
/// must be a main one ([`main_h1s`]) and read as a headline ([`MIN_EXTENDED_WORDS`] to
/// [`MAX_HEADLINE_WORDS`] words, not the site's name). An `<h1>` that words the story
/// otherwise does not win: Readability.js keeps the metadata title there, and the two ground
/// truths disagree.
fn extended_headline(
    dom: &Dom,
    scan: &Scan<'_>,
    sites: &[String],
    structured: &str,
) -> Option<String> {
    let structured = fold(structured);
    if structured.is_empty() {
        return None;
    }
    main_h1s(dom, scan).take(4).find_map(|h| {
        let text = node_text(dom, h, 400);
        let words = text.split_whitespace().count();
        if !(MIN_EXTENDED_WORDS..=MAX_HEADLINE_WORDS).contains(&words)
            || is_site(&text, sites)
            || is_generic(&text)
        {
            return None;
        }
        let h1 = fold(&text);
        let extends = h1 != structured
            && ((h1.contains(&structured) && !h1.ends_with(&structured))
                || structured.starts_with(&h1));
        extends.then_some(text)
    })
}

/// Class words of a kicker (a topic line set above or before the headline).
const KICKER_WORDS: &[&str] = &[
    "kicker",
    "overline",
    "topline",
    "dachzeile",
    "roofline",
    "eyebrow",
    "supertitle",
    "spitzmarke",
];

/// Fewest words a headline keeps once [`without_kicker`] cuts its kicker.
const MIN_WORDS_AFTER_KICKER: usize = 2;

/// Rule `kicker_in_headline`: an `<h1>` that marks its first part as a kicker
/// (`<span class="article-heading__kicker">Klimaschutz</span>: <span>Bohren, bis es heiß
/// wird</span>`) has the headline after it; the kicker is the topic, not the title. Only a
/// kicker the markup names counts: a colon alone ("Covid-19: Lässt sich …") is kept.
fn without_kicker(dom: &Dom, scan: &Scan<'_>, headline: &str) -> Option<String> {
    let h1 = scan
        .h1s
        .iter()
        .copied()
        .find(|&h| node_text(dom, h, 400) == headline)?;
    let kicker = dom.descendants(h1).skip(1).find(|&d| {
        dom.attr(d, "class")
            .is_some_and(|v| KICKER_WORDS.iter().any(|w| contains_ci(v, w)))
    })?;
    let kicker_text = node_text(dom, kicker, 200);
    let rest = headline.strip_prefix(kicker_text.as_str())?;
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || ":|-–—·•".contains(c));
    (!kicker_text.is_empty() && rest.split_whitespace().count() >= MIN_WORDS_AFTER_KICKER)
        .then(|| rest.to_string())
}

/// JSON-LD's title: `headline`, unless its `name` differs and agrees better with the page's
/// `<title>` and `<h1>`s (Wikipedia's `headline` is a one-line description, the `name` the
/// article's title).
fn jsonld_title<'s>(
    sources: &'s Sources,
    document: Option<&str>,
    h1s: &[String],
) -> Option<&'s str> {
    let headline = sources.jsonld.title.as_deref()?;
    let Some(name) = sources.jsonld.other_title.as_deref() else {
        return Some(headline);
    };
    let agreement = |t: &str| {
        document
            .into_iter()
            .chain(h1s.iter().map(String::as_str))
            .map(|v| word_overlap(t, v))
            .fold(0.0, f64::max)
    };
    if agreement(name) > agreement(headline) {
        Some(name)
    } else {
        Some(headline)
    }
}

/// Shared words over the shorter text's words (words folded to letters and digits).
pub fn word_overlap(a: &str, b: &str) -> f64 {
    let words = |t: &str| -> Vec<String> {
        let mut w: Vec<String> = t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(fold)
            .collect();
        w.sort();
        w.dedup();
        w
    };
    let (wa, wb) = (words(a), words(b));
    let shorter = wa.len().min(wb.len());
    if shorter == 0 {
        return 0.0;
    }
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    shared as f64 / shorter as f64
}

/// True for a title naming a kind of page ("Home", "Startseite").
fn is_generic(title: &str) -> bool {
    let f = fold(title);
    GENERIC_TITLES.contains(&f.as_str())
}

/// The `<h1>`s outside the site's header, navigation, asides and footers that are not a logo.
/// A `<header>` inside an `<article>` or `<main>` is the article's own header (WordPress puts
/// the `entry-title` there), so its `<h1>` counts.
fn main_h1s<'d>(dom: &'d Dom, scan: &'d Scan<'_>) -> impl Iterator<Item = NodeId> + 'd {
    scan.h1s.iter().copied().filter(|&h| {
        let in_article = dom
            .ancestors(h)
            .any(|a| matches!(dom.tag(a), Some(Tag::Article | Tag::Main)));
        !std::iter::once(h).chain(dom.ancestors(h)).any(|a| {
            let region = match dom.tag(a) {
                Some(Tag::Header) => !in_article,
                Some(Tag::Nav | Tag::Aside | Tag::Footer) => true,
                _ => false,
            };
            region
                || ["class", "id"].iter().any(|k| {
                    dom.attr(a, k)
                        .is_some_and(|v| LOGO_WORDS.iter().any(|w| contains_ci(v, w)))
                })
        })
    })
}

/// Class or id words of a site's logo or masthead.
const LOGO_WORDS: &[&str] = &[
    "logo",
    "brand",
    "site-title",
    "sitename",
    "site-name",
    "masthead",
];

/// The page's headline as shown: its only main `<h1>` ([`main_h1s`]), when it reads as a
/// headline (not the site's name, not too long).
fn visible_headline(dom: &Dom, scan: &Scan<'_>, sites: &[String]) -> Option<String> {
    let mut main = main_h1s(dom, scan);
    let first = main.next()?;
    if main.next().is_some() {
        return None;
    }
    let text = node_text(dom, first, 400);
    let words = text.split_whitespace().count();
    ((1..=MAX_HEADLINE_WORDS).contains(&words) && !is_site(&text, sites) && !is_generic(&text))
        .then_some(text)
}

/// Drops site-name parts from a title, or picks the part an `<h1>` repeats.
pub fn clean(title: &str, sites: &[String], h1s: &[String]) -> String {
    let folded_h1s: Vec<String> = h1s.iter().map(|h| fold(h)).collect();
    if folded_h1s.contains(&fold(title)) {
        return title.to_string();
    }
    let mut t = title;
    loop {
        if let Some((head, tail)) = split_last(t)
            && (is_site(tail, sites) || starts_with_site(tail, sites))
            && !head.trim().is_empty()
        {
            t = head.trim_end();
            continue;
        }
        if let Some((head, tail)) = split_first(t)
            && is_site(head, sites)
            && !tail.trim().is_empty()
        {
            t = tail.trim_start();
            continue;
        }
        break;
    }
    if !folded_h1s.is_empty() && has_separator(t) {
        for sep in SEPARATORS {
            for (i, _) in t.match_indices(sep) {
                let head = &t[..i];
                let tail = &t[i + sep.len()..];
                for part in [head, tail] {
                    let f = fold(part);
                    if !f.is_empty() && folded_h1s.contains(&f) {
                        return part.trim().to_string();
                    }
                }
            }
        }
    }
    t.trim().to_string()
}

fn has_separator(t: &str) -> bool {
    SEPARATORS.iter().any(|s| t.contains(s))
}

fn split_last(t: &str) -> Option<(&str, &str)> {
    SEPARATORS
        .iter()
        .filter(|s| **s != ": ")
        .filter_map(|s| t.rfind(s).map(|i| (i, s.len())))
        .max_by_key(|(i, _)| *i)
        .map(|(i, len)| (&t[..i], &t[i + len..]))
}

fn split_first(t: &str) -> Option<(&str, &str)> {
    SEPARATORS
        .iter()
        .filter_map(|s| t.find(s).map(|i| (i, s.len())))
        .min_by_key(|(i, _)| *i)
        .map(|(i, len)| (&t[..i], &t[i + len..]))
}

/// True when `part` names the site: equal to a declared name or host label (letters and digits
/// compared without case), or one containing the other when both are long enough. A site
/// name found inside a longer part must cover whole words of it
/// ([`site_covers_whole_words`]): the host label "bergsteigen" is not the site in
/// "Skibergsteigen", but it is in "Bergsteigen.com".
pub fn is_site(part: &str, sites: &[String]) -> bool {
    if part.split_whitespace().count() > MAX_SITE_WORDS {
        return false;
    }
    let f = fold(part);
    if f.len() < 3 {
        return false;
    }
    sites.iter().any(|s| {
        if s == &f {
            return true;
        }
        let part_is_longer = s.len() < f.len();
        let (short, long) = if part_is_longer {
            (s.as_str(), f.as_str())
        } else {
            (f.as_str(), s.as_str())
        };
        short.len() >= 4
            && short.len() * 2 >= long.len()
            && long.contains(short)
            && (!part_is_longer || site_covers_whole_words(part, s))
    })
}

/// Most words of a trailing part that [`starts_with_site`] drops.
const MAX_SITE_TAIL_WORDS: usize = 4;

/// Rule `site_tail_starts_with_site`: a trailing part of a title that begins with the site's
/// name as whole words and has at most [`MAX_SITE_TAIL_WORDS`] words names the site and its
/// kind ("Wann sät man Bohnen - Kiezgarten Community Forum" on kiezgarten.example), even when the name is
/// shorter than half the part.
fn starts_with_site(part: &str, sites: &[String]) -> bool {
    let words: Vec<String> = part
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > MAX_SITE_TAIL_WORDS {
        return false;
    }
    sites.iter().any(|s| {
        let mut joined = String::new();
        s.len() >= 4
            && words.iter().any(|w| {
                joined.push_str(w);
                joined == *s
            })
    })
}

/// Rule `site_covers_whole_words`: true when the folded site name `site` equals a run of
/// consecutive whole words of `part` (words split at anything not a letter or digit, each
/// folded). "Bergsteigen.com" holds the site "bergsteigen" as its first word; "Skibergsteigen:
/// Schnell" does not, since the name is only the tail of a word.
pub(crate) fn site_covers_whole_words(part: &str, site: &str) -> bool {
    let words: Vec<String> = part
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).any(|start| {
        let mut joined = String::new();
        words[start..].iter().any(|w| {
            joined.push_str(w);
            joined == site
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_before_a_path_separator_goes() {
        assert_eq!(
            without_short_head("News :: Spring walk over Hollin Edge - 36 walkers"),
            "Spring walk over Hollin Edge - 36 walkers"
        );
        assert_eq!(without_short_head("A :: B c"), "A :: B c");
        assert_eq!(
            without_short_head("Why x > y matters for every reader"),
            "Why x > y matters for every reader"
        );
    }
    use crate::metadata::Fields;

    fn sites(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| fold(n)).collect()
    }

    #[test]
    fn drops_site_suffix_and_prefix() {
        let s = sites(&["The Slow Kettle"]);
        assert_eq!(
            clean("Why bread sulks | The Slow Kettle", &s, &[]),
            "Why bread sulks"
        );
        assert_eq!(
            clean("The Slow Kettle - Why bread sulks", &s, &[]),
            "Why bread sulks"
        );
        assert_eq!(
            clean("Why bread sulks - Baking - The Slow Kettle", &s, &[]),
            "Why bread sulks - Baking"
        );
    }

    #[test]
    fn a_bar_without_spaces_sets_off_a_site_name() {
        let s = sites(&["NEWS WEB EASY"]);
        assert_eq!(
            clean(
                "NEWS WEB EASY|子どもへの体罰を禁止する法律ができる",
                &s,
                &[]
            ),
            "子どもへの体罰を禁止する法律ができる"
        );
        assert_eq!(
            clean("A|B testing explained", &s, &[]),
            "A|B testing explained"
        );
    }

    #[test]
    fn site_covers_whole_words_only() {
        let s = sites(&["bergsteigen"]);
        assert!(is_site("Bergsteigen.com", &s));
        assert!(is_site("Bergsteigen Magazin", &s));
        assert!(!is_site("Skibergsteigen", &s));
        assert!(!is_site("Skibergsteigen: Schnell", &s));
        let s = sites(&["The Slow Kettle"]);
        assert!(is_site("Slow Kettle", &s));
        assert!(is_site("The Slow Kettle Blog", &s));
        assert!(!is_site("TheSlow Kettles", &s));
    }

    #[test]
    fn site_tail_starts_with_site() {
        let s = sites(&["kiezgarten", "foren.kiezgarten.example"]);
        assert_eq!(
            clean("Wann sät man Bohnen - Kiezgarten Community Forum", &s, &[]),
            "Wann sät man Bohnen"
        );
        // The site's name inside a longer tail, or a word that only starts with it: kept.
        assert_eq!(
            clean(
                "Wann sät man Bohnen - Das große Kiezgarten Community Forum heute",
                &s,
                &[]
            ),
            "Wann sät man Bohnen - Das große Kiezgarten Community Forum heute"
        );
        assert_eq!(
            clean("Wann sät man Bohnen - KiezgartenCommunity Forum", &s, &[]),
            "Wann sät man Bohnen - KiezgartenCommunity Forum"
        );
    }

    #[test]
    fn keeps_a_dash_that_is_not_a_site() {
        let s = sites(&["Example"]);
        assert_eq!(
            clean("Spring walk - 36 walkers", &s, &[]),
            "Spring walk - 36 walkers"
        );
    }

    #[test]
    fn takes_the_part_the_h1_repeats() {
        let h1 = vec!["Great article".to_string()];
        assert_eq!(
            clean("Great article | Joe's corner of the web", &[], &h1),
            "Great article"
        );
    }

    #[test]
    fn site_wide_og_title_is_skipped() {
        let dom = Dom::parse(
            "<html><head><title>Moon base opens - Example News</title>\
             <meta property='og:title' content='Example News'>\
             <meta property='og:site_name' content='Example News'></head><body></body></html>",
        );
        let scan = Scan::collect(&dom);
        let meta = crate::metadata::meta_tags::read(&scan.metas);
        let sources = Sources {
            jsonld: Fields::default(),
            meta,
            microdata: Fields::default(),
        };
        let s = site_names(&sources, None);
        assert_eq!(
            choose(&dom, &scan, &sources, &s).as_deref(),
            Some("Moon base opens")
        );
    }

    fn sources_with(jsonld: Fields, meta: Fields) -> Sources {
        Sources {
            jsonld,
            meta,
            microdata: Fields::default(),
        }
    }

    fn chosen(html: &str, sources: &Sources) -> Option<String> {
        let dom = Dom::parse(html);
        let scan = Scan::collect(&dom);
        choose(&dom, &scan, sources, &[])
    }

    #[test]
    fn the_h1_gives_the_typography_of_the_same_title() {
        let meta = Fields {
            title: Some("\"Welches Europa wir wollen\"".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1>„Welches Europa wir wollen“</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("„Welches Europa wir wollen“")
        );
        // Other words, or other capitals: the structured title stays.
        let meta = Fields {
            title: Some("Using Defadvice".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1>Using defadvice</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Using Defadvice")
        );
    }

    #[test]
    fn extended_headline_the_h1_completes_or_trims_the_metadata_title() {
        // The metadata title is cut: the <h1> (in the article's own <header>) wins.
        let meta = Fields {
            title: Some("Zitronenkuchen vom Blech".to_string()),
            ..Fields::default()
        };
        let html = "<body><article><header><h1>Saftiger Zitronenkuchen vom Blech: einfach köstlich!</h1></header></article></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Saftiger Zitronenkuchen vom Blech: einfach köstlich!")
        );
        // The metadata title adds a place: the <h1> wins.
        let meta = Fields {
            title: Some("Grab-Bote fliegt nach Singapur, Thailand".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1>Grab-Bote fliegt nach Singapur</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Grab-Bote fliegt nach Singapur")
        );
        // Words only before the title are a kicker or a date: the metadata title stays.
        let meta = Fields {
            title: Some("MineralölINFO November 2021".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1><span>27.01.2022</span>MineralölINFO November 2021</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("MineralölINFO November 2021")
        );
        // Another wording of the story, or an <h1> in the site's header: the metadata title stays.
        let meta = Fields {
            title: Some("Apple’s Vision Pro hands-on: the Retina moment".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1>Apple’s Vision Pro is the Retina moment</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta.clone())).as_deref(),
            Some("Apple’s Vision Pro hands-on: the Retina moment")
        );
        let html = "<body><header><h1>Apple’s Vision Pro hands-on: the Retina moment, reviewed</h1></header></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Apple’s Vision Pro hands-on: the Retina moment")
        );
    }

    #[test]
    fn kicker_in_headline_is_cut() {
        let meta = Fields {
            title: Some("Klimaschutz: Bohren, bis es heiß wird".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1><span class='article-heading__kicker'>Klimaschutz</span>\
                    <span>: </span><span>Bohren, bis es heiß wird</span></h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Bohren, bis es heiß wird")
        );
        // A colon without a marked kicker stays.
        let meta = Fields {
            title: Some("Covid-19: Lässt sich die Ausbreitung kontrollieren?".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1>Covid-19: Lässt sich die Ausbreitung kontrollieren?</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Covid-19: Lässt sich die Ausbreitung kontrollieren?")
        );
    }

    #[test]
    fn jsonld_name_beats_a_headline_the_page_does_not_show() {
        let jsonld = Fields {
            title: Some("matrix equal to its conjugate-transpose".to_string()),
            other_title: Some("Hermitian matrix".to_string()),
            ..Fields::default()
        };
        let html = "<head><title>Hermitian matrix - Wikipedia</title></head><body><h1>Hermitian matrix</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(jsonld, Fields::default())).as_deref(),
            Some("Hermitian matrix")
        );
    }

    #[test]
    fn og_title_outranks_a_microdata_headline() {
        let meta = Fields {
            title: Some("Twitter Lite llega a México".to_string()),
            ..Fields::default()
        };
        let sources = Sources {
            jsonld: Fields::default(),
            meta,
            microdata: Fields {
                title: Some("Twitter Lite se estrena".to_string()),
                ..Fields::default()
            },
        };
        assert_eq!(
            chosen("<body></body>", &sources).as_deref(),
            Some("Twitter Lite llega a México")
        );
    }

    #[test]
    fn generic_titles_are_skipped() {
        let html = "<head><title>Home</title></head><body><h1>Time to say goodbye.</h1></body>";
        let none = sources_with(Fields::default(), Fields::default());
        assert_eq!(chosen(html, &none).as_deref(), Some("Time to say goodbye."));
    }

    #[test]
    fn short_tails_of_the_document_title_go() {
        assert_eq!(
            without_short_tail("Lorem ipsum dolor sit amet – My website"),
            "Lorem ipsum dolor sit amet"
        );
        assert_eq!(
            without_short_tail("Kein App Store mehr über Mobile Daten? | iPhone | Forum"),
            "Kein App Store mehr über Mobile Daten?"
        );
        // A short head, a long tail or a hyphen: kept.
        assert_eq!(
            without_short_tail("Mozilla – Wikipedia"),
            "Mozilla – Wikipedia"
        );
        assert_eq!(
            without_short_tail("Spring walk | 36 walkers met at the old mill on Sunday"),
            "Spring walk | 36 walkers met at the old mill on Sunday"
        );
        assert_eq!(
            without_short_tail("Die Haubenfahrzeuge der Nachkriegszeit - Teil 49"),
            "Die Haubenfahrzeuge der Nachkriegszeit - Teil 49"
        );
    }

    #[test]
    fn host_label_counts_as_site_name() {
        let url = url::Url::parse("https://www.wired.com/story/x").expect("url");
        let sources = Sources {
            jsonld: Fields::default(),
            meta: Fields::default(),
            microdata: Fields::default(),
        };
        let s = site_names(&sources, Some(&url));
        assert_eq!(
            clean("AI can do great things | WIRED", &s, &[]),
            "AI can do great things"
        );
    }
}
