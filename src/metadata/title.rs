//! The clean headline and the site's name.
//!
//! Takes the structured sources, the `<title>` and the `<h1>`s; returns the headline without a
//! trailing " | Site Name" or " - Site" (or a leading "Site: ") when that part is the site's name
//! (as the page declares it, or as the host name spells it), and when the title has separators
//! and an `<h1>` is one of its parts, that part. A title equal to the site's name is a site-wide
//! default and is skipped; an `<h1>` that is the site's banner names the site. Returns Unicode
//! NFC. Must not invent a title: without any source it returns `None`.

use super::scan::{Scan, contains_ci};
use super::{Sources, fold, node_text, squeeze};
use crate::dom::{Dom, NodeId, Tag};
use unicode_normalization::UnicodeNormalization;

/// Separators between a headline and the site's or section's name.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", " › ", " ‹ ", " ~ ",
    " : ", ": ", "|", "｜",
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
/// when the two agree ([`same_story_headline`]), without a marked kicker ([`without_kicker`]) or
/// a topic the `<title>` leaves out ([`without_topic_prefix`]). A banner `<h1>`
/// ([`is_banner_h1`]) names the site, not the story. Without any usable source, the page's only
/// main `<h1>`, else the `<title>` beside the host name ([`title_rest`]). A subheading that
/// completes the chosen `<h1>` wins ([`extending_subheading`]), and the result is in Unicode
/// NFC (the form people copy from a browser; "ড়" is written U+09A1 U+09BC there).
pub fn choose(dom: &Dom, scan: &Scan<'_>, sources: &Sources, sites: &[String]) -> Option<String> {
    let chosen = choose_raw(dom, scan, sources, sites)?;
    let chosen = heading_for_page_path(dom, &chosen).unwrap_or(chosen);
    let chosen = extending_subheading(dom, scan, &chosen).unwrap_or(chosen);
    Some(chosen.nfc().collect())
}

/// [`choose`] before the rules that look past the sources ([`extending_subheading`]) and the
/// Unicode normalisation.
fn choose_raw(dom: &Dom, scan: &Scan<'_>, sources: &Sources, sites: &[String]) -> Option<String> {
    let banners: Vec<NodeId> = scan
        .h1s
        .iter()
        .copied()
        .filter(|&h| is_banner_h1(dom, h))
        .collect();
    let all_h1s: Vec<String> = scan
        .h1s
        .iter()
        .filter(|h| !banners.contains(h))
        .take(3)
        .map(|&h| node_text(dom, h, 400))
        .filter(|t| !t.is_empty() && t.len() < 400)
        .collect();
    // Rule `site_banner_h1`: the banner's words name the site in the `<title>` too.
    let banner_names: Vec<String> = banners
        .iter()
        .map(|&h| node_text(dom, h, 200))
        .filter(|t| (1..=MAX_SITE_WORDS).contains(&t.split_whitespace().count()))
        .map(|t| fold(&t))
        .filter(|f| f.len() >= 4)
        .collect();
    let clean = |t: &str| clean_with(t, sites, &banner_names, &all_h1s);
    let document = scan.title.map(|t| node_text(dom, t, 600));
    let document_clean = document
        .as_deref()
        .map(squeeze)
        .filter(|d| !is_site(d, sites))
        .map(|d| without_short_head(&without_breadcrumb_tail(&without_short_tail(&clean(&d)))));
    let usable = |c: &str| -> Option<String> {
        let c = squeeze(c);
        if c.is_empty() || is_site(&c, sites) || is_generic(&c) {
            return None;
        }
        Some(clean(&c)).filter(|c| !c.is_empty())
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
    if let Some(headline) = section_name_title(dom, scan, &candidates) {
        return Some(headline);
    }
    let document_rest = document
        .as_deref()
        .map(squeeze)
        .and_then(|d| title_rest(&d, sites));
    candidates
        .into_iter()
        .next()
        .map(|c| without_topic_prefix(&c, document_clean.as_deref()).unwrap_or(c))
        .or_else(|| visible_headline(dom, scan, sites))
        .or_else(|| all_h1s.into_iter().next())
        .or(document_rest)
}

/// Separators that set off a site's or section's name in a `<title>` (not the hyphen and the
/// colon, which headlines use themselves).
const TAIL_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " · ", " • ", " » ", " │ "];
/// Most words in a part dropped by [`without_short_tail`].
const MAX_TAIL_WORDS: usize = 3;
/// Fewest words the headline must keep for [`without_short_tail`] to cut.
const MIN_HEAD_WORDS: usize = 4;

/// A `<title>` that still has short parts after a separator once the known site names are gone
/// ("Lorem ipsum dolor sit amet – Example Site", "Question? | Android | Forum") keeps its first
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

/// Fewest short parts after a hyphen for [`without_breadcrumb_tail`] to cut.
const MIN_BREADCRUMB_PARTS: usize = 2;

/// Rule `breadcrumb_tail`: a `<title>` ending in two or more short parts set off by hyphens
/// ("Ruderclub wählt neuen Vorstand am Kanal - Clubleben - Aktuell") keeps its first part when
/// that reads as a full headline: a chain of short parts is the site's section path. One short
/// part after a hyphen ("Spring walk - 36 walkers") may be the headline's own and stays.
fn without_breadcrumb_tail(title: &str) -> String {
    let parts: Vec<&str> = title.split(" - ").collect();
    let head = parts[0].trim();
    let tail = &parts[1..];
    let short = tail
        .iter()
        .all(|p| (1..=MAX_TAIL_WORDS).contains(&p.split_whitespace().count()));
    if tail.len() >= MIN_BREADCRUMB_PARTS
        && short
        && head.split_whitespace().count() >= MIN_HEAD_WORDS
    {
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
///
/// Rule `lowercase_title_takes_h1_case`: a title written all in lower case ("nachtaufnahmen von
/// libellen") takes the `<h1>`'s capitals when the two have the same letters without case
/// ("Nachtaufnahmen von Libellen"): lower case in metadata is a slug or a shortcut, not a style.
fn same_story_headline(candidates: &[String], h1s: &[String]) -> Option<String> {
    let candidate = candidates.first()?;
    let first = letters(candidate);
    if let Some(h1) = h1s.iter().find(|h| letters(h) == first) {
        return Some(h1.clone());
    }
    let lowercase = !candidate.chars().any(char::is_uppercase);
    let folded = fold(candidate);
    h1s.iter()
        .find(|h| lowercase && !folded.is_empty() && fold(h) == folded)
        .cloned()
}

/// Most words of a structured title that [`section_name_title`] passes over.
const MAX_SECTION_WORDS: usize = 2;

/// Rule `section_name_title`: a most trusted title of at most [`MAX_SECTION_WORDS`] words that
/// has nothing in common with the page's main `<h1>`s (neither holds the other) names a section
/// or a listing ("Amtsnachrichten" in `og:title` on every press release) when a longer, less
/// trusted title sits inside a main `<h1>`: the `<title>` "Parkhaus am Markt bleibt geschlossen"
/// under the `<h1>` "Amtsnachricht des Bauamts: Parkhaus am Markt bleibt geschlossen" wins.
/// Taken as the `<h1>` writes it when the two have the same letters. A longer structured title
/// that words the story otherwise stays (Readability.js keeps it too).
fn section_name_title(dom: &Dom, scan: &Scan<'_>, candidates: &[String]) -> Option<String> {
    let (first, rest) = candidates.split_first()?;
    let first_words = first.split_whitespace().count();
    if first_words > MAX_SECTION_WORDS {
        return None;
    }
    let h1s: Vec<String> = main_h1s(dom, scan)
        .take(4)
        .map(|h| node_text(dom, h, 400))
        .filter(|t| !t.is_empty())
        .collect();
    let folded: Vec<String> = h1s.iter().map(|h| fold(h)).collect();
    let first = fold(first);
    if first.is_empty()
        || folded
            .iter()
            .any(|h| h.contains(&first) || first.contains(h.as_str()))
    {
        return None;
    }
    rest.iter()
        .filter(|c| c.split_whitespace().count() > first_words)
        .find_map(|c| {
            let f = fold(c);
            let i = folded
                .iter()
                .position(|h| !f.is_empty() && h.contains(&f))?;
            Some(if letters(&h1s[i]) == letters(c) {
                h1s[i].clone()
            } else {
                c.clone()
            })
        })
}

/// Fewest words of an `<h1>` taken by [`extended_headline`].
const MIN_EXTENDED_WORDS: usize = 3;

/// Rule `extended_headline`: when the page's main `<h1>` and the structured title differ only
/// by words one of them adds, the `<h1>`, as readers see it, wins. Metadata titles are cut
/// ("Rhabarberkuchen mit Streuseln" under the `<h1>` "Luftiger Rhabarberkuchen mit
/// Streuseln: schnell gemacht!", "Können Fische Schmerzen spüren?" under "Können Fische
/// Schmerzen spüren / empfinden?") or lengthened for search engines ("Frei erfunden: Paket-Drohne landet in
/// Bergen, Norwegen" above the `<h1>` "Frei erfunden: Paket-Drohne landet in Bergen").
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

/// Most `<h2>`s [`without_kicker`] reads for the headline.
const MAX_KICKER_H2S: usize = 40;

/// Fewest words a headline keeps once [`without_kicker`] cuts its kicker.
const MIN_WORDS_AFTER_KICKER: usize = 2;

/// Rule `kicker_in_headline`: an `<h1>` that marks its first part as a kicker
/// (`<span class="article-heading__kicker">Stadtwald</span>: <span>Pflanzen, bis es grün
/// wird</span>`) has the headline after it; the kicker is the topic, not the title. Only a
/// kicker the markup names counts: a colon alone ("Hochwasser: Lässt sich …") is kept.
fn without_kicker(dom: &Dom, scan: &Scan<'_>, headline: &str) -> Option<String> {
    let wanted = letters(headline);
    // A kicker in an `<h2>` is looked for only when a separator could set it off (the walk over
    // every `<h2>` is not free).
    let set_off = headline.contains([':', '|', '–', '—', '·', '•']);
    let h2s = dom
        .find_all(Tag::H2)
        .filter(move |_| set_off)
        .take(MAX_KICKER_H2S);
    let headings = scan.h1s.iter().copied().chain(h2s);
    headings
        .filter(|&h| letters(&node_text(dom, h, 400)) == wanted)
        .take(4)
        .find_map(|h| {
            let kicker = dom.descendants(h).skip(1).find(|&d| {
                dom.attr(d, "class")
                    .is_some_and(|v| KICKER_WORDS.iter().any(|w| contains_ci(v, w)))
            })?;
            let kicker_text = node_text(dom, kicker, 200);
            let rest = headline.strip_prefix(kicker_text.as_str())?;
            let rest =
                rest.trim_start_matches(|c: char| c.is_whitespace() || ":|-–—·•".contains(c));
            (!kicker_text.is_empty() && rest.split_whitespace().count() >= MIN_WORDS_AFTER_KICKER)
                .then(|| rest.to_string())
        })
}

/// Letters and digits of `t`, case kept: titles compared across typography.
fn letters(t: &str) -> String {
    t.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Most words in a topic prefix dropped by [`without_topic_prefix`].
const MAX_TOPIC_WORDS: usize = 4;

/// Rule `topic_prefix_absent_from_title`: a structured title "Topic: Headline" (`og:title`
/// "Frisch gepflastert?: Hafenstadt 1650 Demo") whose page `<title>` repeats the headline
/// without the topic ("Vorschau: Hafenstadt 1650 Demo" once the site is gone) loses the topic: the
/// page names its story without it. The topic has at most [`MAX_TOPIC_WORDS`] words and the
/// headline at least two.
fn without_topic_prefix(title: &str, document: Option<&str>) -> Option<String> {
    let (topic, headline) = title.split_once(": ")?;
    let headline = headline.trim();
    let document = fold(document?);
    let (topic_f, headline_f) = (fold(topic), fold(headline));
    let fits = (1..=MAX_TOPIC_WORDS).contains(&topic.split_whitespace().count())
        && headline.split_whitespace().count() >= 2;
    (fits && !topic_f.is_empty() && document.contains(&headline_f) && !document.contains(&topic_f))
        .then(|| headline.to_string())
}

/// Rule `title_rest_as_last_resort`: when no source gives a usable title, a `<title>` made of
/// the site's host name and one other part gives that part, even if it equals another name the
/// site declares ("example.org // » Jo Weber" on Jo Weber's own page, whose `DC.Publisher` is
/// "Jo Weber"). Only a `<title>` that is the site's name as a whole is a site-wide default.
fn title_rest(document: &str, sites: &[String]) -> Option<String> {
    let host_like = |part: &str| {
        let p = part.trim_matches(|c: char| !c.is_alphanumeric());
        !p.is_empty() && !p.contains(char::is_whitespace) && p.contains('.') && is_site(p, sites)
    };
    let rest = match (split_first(document), split_last(document)) {
        (Some((head, tail)), _) if host_like(head) => tail,
        (_, Some((head, tail))) if host_like(tail) => head,
        _ => return None,
    };
    let rest = rest.trim_matches(|c: char| !c.is_alphanumeric() && !"?!\"'«»“”„)".contains(c));
    (!rest.is_empty() && !is_generic(rest) && !has_separator(rest)).then(|| rest.to_string())
}

/// Most `<h1>`/`<h2>` headings [`heading_for_page_path`] reads.
const MAX_PATH_HEADINGS: usize = 20;
/// Fewest letters of a path word that a heading's word must start with.
const MIN_PATH_WORD: usize = 4;

/// Rule `page_path_title`: a title that is a wiki's page path ("FirstSteps/Install": one
/// token, parts joined by "/", with a CamelCase word or three parts, unlike "Input/Output") is
/// not a headline; the first `<h1>` or `<h2>` outside the
/// site's navigation, header, asides and footer with a word that starts with a word of the
/// path's last part ("Installing the toolkit") is. Words of the path are split at capitals
/// ("GettingStarted" is "getting", "started"). Without such a heading the path stays.
fn heading_for_page_path(dom: &Dom, title: &str) -> Option<String> {
    let title = title.trim();
    let is_path = !title.contains(char::is_whitespace)
        && title.split('/').count() >= 2
        && title
            .split('/')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c)));
    let camel = title
        .chars()
        .zip(title.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    if !is_path || !(camel || title.split('/').count() >= 3) {
        return None;
    }
    let last = title.rsplit('/').next()?;
    let mut path_words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in last.chars() {
        if (c.is_uppercase() && !word.is_empty()) || !c.is_alphanumeric() {
            path_words.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
    }
    path_words.push(word);
    path_words.retain(|w| w.chars().count() >= MIN_PATH_WORD);
    if path_words.is_empty() {
        return None;
    }
    dom.ids()
        .filter(|&n| matches!(dom.tag(n), Some(Tag::H1 | Tag::H2)))
        .filter(|&n| {
            !dom.ancestors(n).any(|a| {
                matches!(
                    dom.tag(a),
                    Some(Tag::Nav | Tag::Header | Tag::Aside | Tag::Footer)
                )
            })
        })
        .take(MAX_PATH_HEADINGS)
        .map(|n| node_text(dom, n, 400))
        .find(|text| {
            let words = text.split_whitespace().count();
            (1..=MAX_HEADLINE_WORDS).contains(&words)
                && text
                    .split(|c: char| !c.is_alphanumeric())
                    .map(fold)
                    .any(|w| path_words.iter().any(|p| w.starts_with(p.as_str())))
        })
}

/// Most `<h1>`s [`extending_subheading`] compares with the title.
const MAX_SUBHEADING_H1S: usize = 4;
/// Most nodes between a headline `<h1>` and the subheading [`extending_subheading`] reads.
const MAX_NODES_TO_SUBHEADING: usize = 60;

/// Rule `extending_subheading`: when the chosen title is an `<h1>` and the next heading, close
/// after it, repeats that whole title and goes on after a dash or a colon ("Die Dampfwalzen -
/// Teil 12" then "Die Dampfwalzen - Teil 12 – Kemna (Baujahre 1905 – 1928)"), the longer
/// heading is the full headline: the `<h1>` was cut for a box or a menu.
fn extending_subheading(dom: &Dom, scan: &Scan<'_>, title: &str) -> Option<String> {
    let wanted = letters(title);
    let h1 = scan
        .h1s
        .iter()
        .copied()
        .take(MAX_SUBHEADING_H1S)
        .find(|&h| letters(&node_text(dom, h, 400)) == wanted)?;
    let start = dom.next_after_subtree(crate::dom::DOCUMENT, h1)?;
    let next = (start..)
        .take(MAX_NODES_TO_SUBHEADING)
        .take_while(|&n| (n as usize) < dom.len())
        .find(|&n| {
            matches!(
                dom.tag(n),
                Some(Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
            )
        })?;
    let text = node_text(dom, next, 600);
    let rest = text.strip_prefix(title.trim())?;
    let words = text.split_whitespace().count();
    let joined = [" – ", " - ", " — ", ": "]
        .iter()
        .any(|sep| rest.starts_with(sep) && rest.len() > sep.len());
    (joined && words <= MAX_HEADLINE_WORDS).then_some(text)
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
        if is_banner_h1(dom, h) {
            return false;
        }
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

/// Rule `site_banner_h1`: an `<h1>` that is the site's banner, not the page's headline: it (or
/// an element around it, below `<body>` and outside `<article>` and `<main>`: WordPress marks
/// `<body class="wp-custom-logo">`) has a logo or masthead class or id ([`LOGO_WORDS`]), or its
/// link goes
/// to the site's home page (`<h1><a href="/">Tango-Schritte - Milonga in Potsdam</a></h1>`). Its
/// text names the site, so a `<title>` part equal to it is dropped like a site name
/// ("Giro Schritte - Tango-Schritte - Milonga in Potsdam" gives "Giro Schritte").
fn is_banner_h1(dom: &Dom, h1: NodeId) -> bool {
    let logo = std::iter::once(h1)
        .chain(dom.ancestors(h1))
        .take_while(|&a| {
            !matches!(
                dom.tag(a),
                Some(Tag::Body | Tag::Html | Tag::Article | Tag::Main) | None
            )
        })
        .any(|a| {
            ["class", "id"].iter().any(|k| {
                dom.attr(a, k)
                    .is_some_and(|v| LOGO_WORDS.iter().any(|w| contains_ci(v, w)))
            })
        });
    logo || std::iter::once(h1)
        .chain(dom.parent(h1))
        .chain(dom.descendants(h1).skip(1))
        .filter(|&n| dom.tag(n) == Some(Tag::A))
        .filter_map(|a| dom.attr(a, "href"))
        .any(is_home_link)
}

/// True for a link to a site's home page: "/", or a scheme and host with no path.
fn is_home_link(href: &str) -> bool {
    let href = href.trim();
    if href == "/" {
        return true;
    }
    let rest = ["https://", "http://", "//"]
        .iter()
        .find_map(|p| href.strip_prefix(p));
    rest.is_some_and(|r| {
        let r = r.strip_suffix('/').unwrap_or(r);
        !r.is_empty() && !r.contains(['/', '?', '#'])
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
    clean_with(title, sites, &[], h1s)
}

/// [`clean`], also dropping a part equal (letters and digits, without case) to one of the
/// folded `banners` ([`is_banner_h1`]).
fn clean_with(title: &str, sites: &[String], banners: &[String], h1s: &[String]) -> String {
    let banner = |part: &str| banners.contains(&fold(part));
    let folded_h1s: Vec<String> = h1s.iter().map(|h| fold(h)).collect();
    if folded_h1s.contains(&fold(title)) {
        return title.to_string();
    }
    let mut t = title;
    loop {
        if let Some(head) = banner_tail(t, banners)
            && !head.trim().is_empty()
        {
            t = head.trim_end();
            continue;
        }
        if let Some((head, tail)) = split_last(t)
            && (is_site(tail, sites) || starts_with_site(tail, sites) || banner(tail))
            && !head.trim().is_empty()
        {
            t = head.trim_end();
            continue;
        }
        if let Some((head, tail)) = split_first(t)
            && (is_site(head, sites) || banner(head))
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

/// The part of `t` before a separator whose whole tail is one of the folded `banners`
/// ("Giro - Tango-Schritte - Milonga in Potsdam" before "Tango-Schritte - Milonga in Potsdam").
fn banner_tail<'t>(t: &'t str, banners: &[String]) -> Option<&'t str> {
    if banners.is_empty() {
        return None;
    }
    SEPARATORS
        .iter()
        .flat_map(|s| t.match_indices(s).map(move |(i, _)| (i, s.len())))
        .find(|&(i, len)| banners.contains(&fold(&t[i + len..])))
        .map(|(i, _)| &t[..i])
}

fn has_separator(t: &str) -> bool {
    (0..t.len()).any(|i| separator_at(t, i, true).is_some())
}

fn split_last(t: &str) -> Option<(&str, &str)> {
    let i = (0..t.len())
        .rev()
        .find(|&i| separator_at(t, i, false).is_some())?;
    let len = separator_at(t, i, false)?;
    Some((&t[..i], &t[i + len..]))
}

fn split_first(t: &str) -> Option<(&str, &str)> {
    let i = (0..t.len()).find(|&i| separator_at(t, i, true).is_some())?;
    let len = separator_at(t, i, true)?;
    Some((&t[..i], &t[i + len..]))
}

/// The length of the [`SEPARATORS`] entry starting at byte `i` of `t` (": " only when `colon`).
/// No two entries start at the same place (they differ in their first bytes or in the bytes
/// after), so the first found is the only one; each starts with a character's first byte.
fn separator_at(t: &str, i: usize, colon: bool) -> Option<usize> {
    let rest = t.as_bytes().get(i..)?;
    if !matches!(rest.first(), Some(b' ' | b':' | b'|' | 0xEF)) {
        return None;
    }
    SEPARATORS
        .iter()
        .filter(|s| colon || **s != ": ")
        .find(|s| rest.starts_with(s.as_bytes()))
        .map(|s| s.len())
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
            title: Some("Rhabarberkuchen mit Streuseln".to_string()),
            ..Fields::default()
        };
        let html = "<body><article><header><h1>Luftiger Rhabarberkuchen mit Streuseln: schnell gemacht!</h1></header></article></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Luftiger Rhabarberkuchen mit Streuseln: schnell gemacht!")
        );
        // The metadata title adds a place: the <h1> wins.
        let meta = Fields {
            title: Some("Paket-Drohne landet in Bergen, Norwegen".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1>Paket-Drohne landet in Bergen</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Paket-Drohne landet in Bergen")
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
            title: Some("Zentrik’s Loop Ring hands-on: the smartwatch moment".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1>Zentrik’s Loop Ring is the smartwatch moment</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta.clone())).as_deref(),
            Some("Zentrik’s Loop Ring hands-on: the smartwatch moment")
        );
        let html = "<body><header><h1>Zentrik’s Loop Ring hands-on: the smartwatch moment, reviewed</h1></header></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Zentrik’s Loop Ring hands-on: the smartwatch moment")
        );
    }

    #[test]
    fn kicker_in_headline_is_cut() {
        let meta = Fields {
            title: Some("Stadtwald: Pflanzen, bis es grün wird".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1><span class='article-heading__kicker'>Stadtwald</span>\
                    <span>: </span><span>Pflanzen, bis es grün wird</span></h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Pflanzen, bis es grün wird")
        );
        // A colon without a marked kicker stays.
        let meta = Fields {
            title: Some("Hochwasser: Lässt sich der Pegel vorhersagen?".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1>Hochwasser: Lässt sich der Pegel vorhersagen?</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Hochwasser: Lässt sich der Pegel vorhersagen?")
        );
    }

    #[test]
    fn jsonld_name_beats_a_headline_the_page_does_not_show() {
        let jsonld = Fields {
            title: Some("number equal to the sum of its divisors".to_string()),
            other_title: Some("Perfect number".to_string()),
            ..Fields::default()
        };
        let html = "<head><title>Perfect number - Wikipedia</title></head><body><h1>Perfect number</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(jsonld, Fields::default())).as_deref(),
            Some("Perfect number")
        );
    }

    #[test]
    fn og_title_outranks_a_microdata_headline() {
        let meta = Fields {
            title: Some("La app Pajarito Lite llega a Chile".to_string()),
            ..Fields::default()
        };
        let sources = Sources {
            jsonld: Fields::default(),
            meta,
            microdata: Fields {
                title: Some("Pajarito Lite se estrena".to_string()),
                ..Fields::default()
            },
        };
        assert_eq!(
            chosen("<body></body>", &sources).as_deref(),
            Some("La app Pajarito Lite llega a Chile")
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
            without_short_tail("Lorem ipsum dolor sit amet – Example Site"),
            "Lorem ipsum dolor sit amet"
        );
        assert_eq!(
            without_short_tail("Kein WLAN mehr nach dem letzten Update? | Android | Forum"),
            "Kein WLAN mehr nach dem letzten Update?"
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
            without_short_tail("Die Dampfloks der Schwäbischen Alb - Teil 37"),
            "Die Dampfloks der Schwäbischen Alb - Teil 37"
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

    #[test]
    fn kicker_in_headline_is_found_in_an_h2_the_h1_is_a_breadcrumb() {
        let meta = Fields {
            title: Some("Virologie: Wie weit reicht die Welle?".to_string()),
            ..Fields::default()
        };
        let html = "<body><ol><li><h1>Virologie: Wie weit reicht die Welle?</h1></li></ol>\
                    <header><h2><span class='content__kicker'>Virologie</span>\
                    <span class='sr-only'>: </span><span>Wie weit reicht die Welle?</span></h2>\
                    </header></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Wie weit reicht die Welle?")
        );
    }

    #[test]
    fn topic_prefix_absent_from_title() {
        let meta = Fields {
            title: Some("Ganz neu erfunden?: Burgbau 1700 Beta".to_string()),
            ..Fields::default()
        };
        let html =
            "<head><title>spielwelt | Vorschau: Burgbau 1700 Beta</title></head><body></body>";
        let dom = Dom::parse(html);
        let scan = Scan::collect(&dom);
        let sources = sources_with(Fields::default(), meta);
        assert_eq!(
            choose(&dom, &scan, &sources, &sites(&["spielwelt"])).as_deref(),
            Some("Burgbau 1700 Beta")
        );
        // The `<title>` keeps the topic too: it stays.
        assert_eq!(
            without_topic_prefix(
                "Hochwasser: Wie hoch steigt der Fluss?",
                Some("Hochwasser: Wie hoch steigt der Fluss?")
            ),
            None
        );
        // A long part before the colon is the headline's own.
        assert_eq!(
            without_topic_prefix(
                "The old harbour, its ferries and its lighthouse: 7 facts",
                Some("7 facts")
            ),
            None
        );
    }

    #[test]
    fn site_banner_h1_names_the_site() {
        // An <h1> linking home: its text is the site's, dropped from the <title>.
        let html = "<head><title>Giro Schritte - Tango-Schritte - Milonga am See</title></head>\
                    <body><div id='header'><h1><a href='/'><span>Tango-Schritte - Milonga am See</span></a></h1></div></body>";
        let none = sources_with(Fields::default(), Fields::default());
        assert_eq!(chosen(html, &none).as_deref(), Some("Giro Schritte"));
        // A logo <h1> repeating the title's tail is not the headline.
        let html = "<head><title>Waffel Grundteig : Waffel Stube</title></head>\
                    <body><div id='masthead'><h1 class='logo'><a href='https://waffeln.example/'>Waffel Stube</a></h1></div></body>";
        assert_eq!(chosen(html, &none).as_deref(), Some("Waffel Grundteig"));
        // A body class with "logo" (WordPress) does not make every <h1> a banner.
        let html = "<head><title>Manuskriptabgabe | Grazer Hefte</title></head>\
                    <body class='has_site_logo'><nav><ol><li><h1>Manuskriptabgabe</h1></li></ol></nav></body>";
        assert_eq!(chosen(html, &none).as_deref(), Some("Manuskriptabgabe"));
        assert!(is_home_link("/"));
        assert!(is_home_link("https://waffeln.example/"));
        assert!(is_home_link("//waffeln.example"));
        assert!(!is_home_link("https://waffeln.example/grundteig/"));
        assert!(!is_home_link("/grundteig"));
    }

    #[test]
    fn breadcrumb_tail_goes() {
        assert_eq!(
            without_breadcrumb_tail(
                "Ruderclub wählt neuen Vorstand am Kanal - Clubleben - Aktuell"
            ),
            "Ruderclub wählt neuen Vorstand am Kanal"
        );
        // One short part after a hyphen, or a long part in the chain: kept.
        assert_eq!(
            without_breadcrumb_tail("Spring walk with friends - 36 walkers"),
            "Spring walk with friends - 36 walkers"
        );
        assert_eq!(
            without_breadcrumb_tail(
                "Spring walk with friends - Day 2 - 36 walkers met at the mill"
            ),
            "Spring walk with friends - Day 2 - 36 walkers met at the mill"
        );
        // A short head is not cut to.
        assert_eq!(
            without_breadcrumb_tail("Spring walk - Day 2 - News"),
            "Spring walk - Day 2 - News"
        );
    }

    #[test]
    fn extending_subheading_completes_the_h1() {
        let html = "<head><title>Die Dampfwalzen - Teil 12 - Walzenwerk - Walzen weltweit</title></head>\
                    <body><h1>Die Dampfwalzen - Teil 12</h1><div><em>7. März 2019</em>\
                    <h2 class='h1'>Die Dampfwalzen - Teil 12 – Kemna (Baujahre 1905 – 1928)</h2></div></body>";
        let none = sources_with(Fields::default(), Fields::default());
        assert_eq!(
            chosen(html, &none).as_deref(),
            Some("Die Dampfwalzen - Teil 12 – Kemna (Baujahre 1905 – 1928)")
        );
        // A subheading that does not repeat the whole <h1>, or goes on without a separator: kept.
        let html = "<head><title>Die Dampfwalzen</title></head>\
                    <body><h1>Die Dampfwalzen</h1><h2>Die Dampfwalzen der Stadtwerke</h2></body>";
        assert_eq!(chosen(html, &none).as_deref(), Some("Die Dampfwalzen"));
        let html = "<head><title>Die Dampfwalzen</title></head>\
                    <body><h1>Die Dampfwalzen</h1><h2>Teil 12 – Kemna</h2></body>";
        assert_eq!(chosen(html, &none).as_deref(), Some("Die Dampfwalzen"));
    }

    #[test]
    fn title_rest_as_last_resort() {
        let s = sites(&["Jo Weber", "mediawerk.example"]);
        assert_eq!(
            title_rest("mediawerk.example // » Jo Weber", &s).as_deref(),
            Some("Jo Weber")
        );
        assert_eq!(
            title_rest("Jo Weber | mediawerk.example", &s).as_deref(),
            Some("Jo Weber")
        );
        // No host name in the title: nothing.
        assert_eq!(title_rest("Mediawerk • Jo Weber", &s), None);
    }

    #[test]
    fn titles_are_nfc() {
        // U+09DC is excluded from composition: NFC writes it as U+09A1 U+09BC.
        let meta = Fields {
            title: Some("বাড\u{9dc}ি".to_string()),
            ..Fields::default()
        };
        assert_eq!(
            chosen("<body></body>", &sources_with(Fields::default(), meta)).as_deref(),
            Some("বাড\u{9a1}\u{9bc}ি")
        );
        let meta = Fields {
            title: Some("Cafe\u{301} au lait".to_string()),
            ..Fields::default()
        };
        assert_eq!(
            chosen("<body></body>", &sources_with(Fields::default(), meta)).as_deref(),
            Some("Caf\u{e9} au lait")
        );
    }

    #[test]
    fn section_name_title_gives_way_to_the_title_the_h1_holds() {
        let meta = Fields {
            title: Some("Amtsnachrichten".to_string()),
            ..Fields::default()
        };
        let html = "<head><title>Parkhaus am Markt bleibt bis Ende April geschlossen</title></head>\
                    <body><h1>Amtsnachricht des Bauamts :Parkhaus am Markt bleibt bis Ende April geschlossen</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta.clone())).as_deref(),
            Some("Parkhaus am Markt bleibt bis Ende April geschlossen")
        );
        // The <h1> holds the section's name: it stays.
        let html = "<head><title>Parkhaus am Markt bleibt bis Ende April geschlossen</title></head>\
                    <body><h1>Amtsnachrichten</h1><h2>Parkhaus am Markt bleibt bis Ende April geschlossen</h2></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Amtsnachrichten")
        );
        // A longer structured title that words the story otherwise stays.
        let meta = Fields {
            title: Some("Parkhaus bis April".to_string()),
            ..Fields::default()
        };
        let html = "<head><title>Parkhaus am Markt bleibt bis Ende April geschlossen</title></head>\
                    <body><h1>Parkhaus am Markt bleibt bis Ende April geschlossen</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Parkhaus bis April")
        );
    }

    #[test]
    fn lowercase_title_takes_h1_case() {
        let meta = Fields {
            title: Some("nachtaufnahmen von libellen".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1>Nachtaufnahmen von Libellen</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("Nachtaufnahmen von Libellen")
        );
        // Other words: the metadata title stays.
        let meta = Fields {
            title: Some("nachtaufnahmen von libellen".to_string()),
            ..Fields::default()
        };
        let html = "<body><h1>Nachtaufnahmen von Käfern</h1></body>";
        assert_eq!(
            chosen(html, &sources_with(Fields::default(), meta)).as_deref(),
            Some("nachtaufnahmen von libellen")
        );
    }

    #[test]
    fn page_path_title_takes_the_heading() {
        let html = "<head><title>StartHere/Installing - Example Wiki</title></head>\
                    <body><div class='sidebar'><h1>Page</h1><h1>User</h1></div>\
                    <div id='content'><h2>Installing Example</h2><p>First...</p></div></body>";
        let dom = Dom::parse(html);
        let scan = Scan::collect(&dom);
        let none = sources_with(Fields::default(), Fields::default());
        assert_eq!(
            choose(&dom, &scan, &none, &sites(&["Example Wiki"])).as_deref(),
            Some("Installing Example")
        );
        // No heading about the path's last part: the path stays.
        let html = "<head><title>StartHere/Installing</title></head><body><h2>Contents</h2></body>";
        assert_eq!(chosen(html, &none).as_deref(), Some("StartHere/Installing"));
        // Titles with spaces, or two plain words joined by a slash, are not paths.
        let dom = Dom::parse("<h2>Output devices</h2>");
        assert_eq!(heading_for_page_path(&dom, "Input/Output"), None);
        assert_eq!(
            heading_for_page_path(
                &Dom::parse("<h2>Installing</h2>"),
                "Installing and/or building"
            ),
            None
        );
    }
}
