//! Publication and modification dates, and where the publication date came from.
//!
//! Takes the scan, the structured sources, the URL and the page's day order; returns
//! [`ChosenDates`]. Publication date candidates, in order of trust: JSON-LD (`datePublished`),
//! `<meta>` (`article:published_time`, Dublin Core, `date`...), microdata, `<time datetime>`
//! (marked as the publication time, or the first one near the headline outside comments and
//! teasers), the URL's path, and a visible dateline near the headline ("Published 5 March
//! 2024", "25. November 2019", "Actualizado el ..."), dates labelled as updates being read as the
//! modification date. The output is ISO 8601 with time and offset when the source gives both,
//! the day alone otherwise. Parsing is [`super::date`]'s; nothing here reads the clock.

use super::date::{self, DayOrder, FoundDate};
use super::scan::{Scan, contains_ci};
use super::{Sources, node_text};
use crate::dom::{Dom, NodeId, Tag};

/// The chosen dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChosenDates {
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    /// Modification date, ISO 8601.
    pub modified: Option<String>,
    /// `json-ld`, `meta`, `microdata`, `time-element`, `url` or `text`.
    pub source: Option<&'static str>,
}

/// One publication-date candidate and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Where it came from.
    pub source: &'static str,
    /// The date.
    pub date: FoundDate,
}

/// Words before a date that make it the modification date.
const UPDATE_WORDS: &[&str] = &[
    "update",
    "aktualisiert",
    "geändert",
    "modifi",
    "actualiz",
    "mis à jour",
    "mise à jour",
    "aggiornat",
    "bijgewerkt",
    "atualizad",
    "обновлено",
    "оновлено",
    "güncelleme",
    "edited",
    "revised",
];

/// Bytes of text read after the headline when looking for a dateline.
const DATELINE_WINDOW: usize = 600;
/// Longest text of a date-hint element read, in bytes.
const MAX_HINT_BYTES: usize = 240;

/// Chooses the publication and modification dates.
pub fn choose(
    dom: &Dom,
    scan: &Scan<'_>,
    sources: &Sources,
    url: Option<&url::Url>,
    order: DayOrder,
) -> ChosenDates {
    let candidates = candidates(dom, scan, sources, url, order);
    let mut chosen = ChosenDates::default();
    let mut published = candidates.iter().filter(|c| c.source != "modified");
    if let Some(first) = published.next() {
        let rest: Vec<&Candidate> = published.collect();
        let local = rest.iter().copied().find(|c| is_local_day_of(c, first));
        let visible = rest
            .iter()
            .copied()
            .find(|c| is_visible_day_over_meta(c, first));
        let pick = local.or(visible).unwrap_or(first);
        chosen.published = Some(iso(&pick.date));
        chosen.source = Some(pick.source);
    }
    chosen.modified = [
        &sources.jsonld.modified,
        &sources.meta.modified,
        &sources.microdata.modified,
    ]
    .into_iter()
    .flatten()
    .find_map(|m| date::parse_machine(m))
    .or_else(|| {
        candidates
            .iter()
            .find(|c| c.source == "modified")
            .map(|c| c.date.clone())
    })
    .map(|d| iso(&d));
    chosen
}

/// Every publication-date candidate in order of trust (text-labelled update dates come with
/// the source `modified`).
pub fn candidates(
    dom: &Dom,
    scan: &Scan<'_>,
    sources: &Sources,
    url: Option<&url::Url>,
    order: DayOrder,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (source, fields) in [
        ("json-ld", &sources.jsonld),
        ("meta", &sources.meta),
        ("microdata", &sources.microdata),
    ] {
        if let Some(date) = fields.published.as_deref().and_then(date::parse_machine) {
            out.push(Candidate { source, date });
        }
    }
    if let Some(date) = update_time_element(dom, scan) {
        out.push(Candidate {
            source: "modified",
            date,
        });
    }
    if let Some(date) = time_element(dom, scan, order) {
        out.push(Candidate {
            source: "time-element",
            date,
        });
    }
    if let Some(day) = url.and_then(|u| date::date_from_url(u.as_str())) {
        out.push(Candidate {
            source: "url",
            date: FoundDate {
                date: day,
                time: None,
                offset_seconds: None,
            },
        });
    }
    text_dates(dom, scan, order, &mut out);
    out
}

/// True when `structured` is a UTC timestamp and `other`, read from the page (a `<time>`, the
/// URL or a dateline) and without an offset of its own, is the day before or after it: the
/// site's local day, which the UTC timestamp crossed midnight from. Readers date a story by the
/// local day the page shows.
fn is_local_day_of(other: &Candidate, structured: &Candidate) -> bool {
    use chrono::Timelike;
    let Some(time) = structured
        .date
        .time
        .filter(|_| structured.date.offset_seconds == Some(0))
    else {
        return false;
    };
    let from_page = matches!(other.source, "time-element" | "url" | "text");
    let days = (other.date.date - structured.date.date).num_days();
    // A local day before needs a UTC time early enough for a zone west of Greenwich to still be
    // on that day (up to UTC-10), and a day after one late enough for a zone to the east.
    let crossed = (days == -1 && time.hour() < MAX_WEST_HOURS)
        || (days == 1 && time.hour() >= 24 - MAX_EAST_HOURS);
    from_page && other.date.offset_seconds.is_none() && crossed
}

/// True when `structured` comes from a `<meta>` tag and `other` is the day the page prints in
/// a dateline near the headline, and differs from it: `<meta>` dates are often the CMS's (a
/// template's default, the last edit written as the publication), while readers date the story
/// by what is printed under its headline. JSON-LD and microdata keep their rank, and so does
/// `<meta>` against a `<time>` element (machine-readable like itself).
fn is_visible_day_over_meta(other: &Candidate, structured: &Candidate) -> bool {
    structured.source == "meta" && other.source == "text" && other.date.date != structured.date.date
}

/// Largest offset west of UTC, in hours, considered when a UTC timestamp crossed midnight.
const MAX_WEST_HOURS: u32 = 10;
/// Largest offset east of UTC, in hours.
const MAX_EAST_HOURS: u32 = 11;

/// ISO 8601: the full timestamp when time and offset are known, the day otherwise.
fn iso(date: &FoundDate) -> String {
    if date.time.is_some() && date.offset_seconds.is_some() {
        date.to_iso()
    } else {
        FoundDate {
            date: date.date,
            time: None,
            offset_seconds: None,
        }
        .to_iso()
    }
}

/// The `<time>` that dates the article: one marked as the publication time (`pubdate`, a class
/// saying published), else the first after the headline, else the first, outside comments and
/// teaser lists.
fn time_element(dom: &Dom, scan: &Scan<'_>, order: DayOrder) -> Option<FoundDate> {
    let usable: Vec<NodeId> = scan
        .times
        .iter()
        .copied()
        .filter(|&t| !in_foreign_region(dom, t) && !is_update(dom, t))
        .collect();
    let marked = usable.iter().copied().find(|&t| {
        dom.attr(t, "pubdate").is_some()
            || std::iter::once(t).chain(dom.ancestors(t).take(2)).any(|a| {
                ["class", "id", "itemprop"].iter().any(|k| {
                    dom.attr(a, k).is_some_and(|v| {
                        ["publish", "posted", "entry-date", "created", "pubdate"]
                            .iter()
                            .any(|w| contains_ci(v, w))
                    })
                })
            })
    });
    let h1 = scan.h1s.first().copied().unwrap_or(0);
    let near = usable.iter().copied().find(|&t| t > h1);
    for t in marked
        .into_iter()
        .chain(near)
        .chain(usable.first().copied())
    {
        let parsed = dom
            .attr(t, "datetime")
            .and_then(date::parse_machine)
            .or_else(|| date::parse_human(&node_text(dom, t, 120), order));
        if parsed.is_some() {
            return parsed;
        }
    }
    None
}

/// A `<time datetime>` marked as the last update ("Last updated on ...").
fn update_time_element(dom: &Dom, scan: &Scan<'_>) -> Option<FoundDate> {
    scan.times
        .iter()
        .find(|&&t| is_update(dom, t))
        .and_then(|&t| dom.attr(t, "datetime"))
        .and_then(date::parse_machine)
}

fn is_update(dom: &Dom, id: NodeId) -> bool {
    std::iter::once(id)
        .chain(dom.ancestors(id).take(2))
        .any(|a| {
            ["class", "itemprop"].iter().any(|k| {
                dom.attr(a, k)
                    .is_some_and(|v| contains_ci(v, "modif") || contains_ci(v, "updated"))
            })
        })
}

/// Datelines: date-hint elements near the headline, then the text right after the headline.
fn text_dates(dom: &Dom, scan: &Scan<'_>, order: DayOrder, out: &mut Vec<Candidate>) {
    let h1 = scan.h1s.first().copied();
    let mut hints: Vec<NodeId> = scan
        .date_hints
        .iter()
        .copied()
        .filter(|&id| !in_foreign_region(dom, id))
        .collect();
    if let Some(h1) = h1 {
        hints.sort_by_key(|&id| id < h1);
    }
    for id in hints {
        let text = node_text(dom, id, MAX_HINT_BYTES);
        if text.len() > MAX_HINT_BYTES {
            continue;
        }
        if read_dateline(&text, order, out) {
            return;
        }
    }
    if let Some(h1) = h1 {
        let mut text = node_text(dom, h1, 400);
        let mut next = dom.next_after_subtree(0, h1);
        while let Some(id) = next {
            if text.len() > DATELINE_WINDOW {
                break;
            }
            if matches!(dom.tag(id), Some(Tag::Script | Tag::Style | Tag::Noscript)) {
                next = dom.next_after_subtree(0, id);
                continue;
            }
            if let Some(t) = dom.text(id) {
                text.push(' ');
                text.push_str(t.trim());
            }
            next = match dom.node(id).first_child {
                Some(child) => Some(child),
                None => dom.next_after_subtree(0, id),
            };
        }
        if read_dateline(&text, order, out) {
            return;
        }
    }
    if out.is_empty() {
        body_dateline(dom, scan, order, out);
    }
}

/// Bytes of the page's text read when nothing else dated it.
const BODY_WINDOW: usize = 12_000;

/// The last resort: the first dateline in the page's visible text outside comments, asides,
/// navigation and footers.
fn body_dateline(dom: &Dom, scan: &Scan<'_>, order: DayOrder, out: &mut Vec<Candidate>) {
    let Some(body) = scan.body else { return };
    let mut text = String::new();
    let mut next = Some(body);
    while let Some(id) = next {
        if text.len() > BODY_WINDOW {
            break;
        }
        let skip = match dom.tag(id) {
            Some(
                Tag::Script | Tag::Style | Tag::Noscript | Tag::Nav | Tag::Footer | Tag::Aside,
            ) => true,
            Some(_) => in_foreign_class(dom, id),
            None => false,
        };
        if skip {
            next = dom.next_after_subtree(body, id);
            continue;
        }
        if let Some(t) = dom.text(id) {
            text.push(' ');
            text.push_str(t.trim());
        }
        next = match dom.node(id).first_child {
            Some(child) => Some(child),
            None => dom.next_after_subtree(body, id),
        };
    }
    read_dateline(&text, order, out);
}

fn in_foreign_class(dom: &Dom, id: NodeId) -> bool {
    super::class_names_any(dom, id, FOREIGN_WORDS)
}

/// Class or id words of regions that date other things than the article.
const FOREIGN_WORDS: &[&str] = &[
    "comment",
    "related",
    "sidebar",
    "widget",
    "teaser",
    "respond",
    "footer",
    "recommend",
    "more-",
    "popular",
];

/// Reads the dates of a dateline; an update date becomes a `modified` candidate. True when a
/// publication date was found.
fn read_dateline(text: &str, order: DayOrder, out: &mut Vec<Candidate>) -> bool {
    let mut previous_end = 0;
    for (offset, date) in date::find_dates(text, order) {
        let before = text.get(previous_end..offset).unwrap_or("");
        let before = before
            .char_indices()
            .rev()
            .nth(30)
            .map_or(before, |(i, _)| &before[i..]);
        previous_end = offset;
        let lower = before.to_lowercase();
        if UPDATE_WORDS.iter().any(|w| lower.contains(w)) {
            out.push(Candidate {
                source: "modified",
                date,
            });
            continue;
        }
        out.push(Candidate {
            source: "text",
            date,
        });
        return true;
    }
    false
}

/// Comments, asides, navigation, footers and teaser lists date other things.
fn in_foreign_region(dom: &Dom, id: NodeId) -> bool {
    super::in_foreign_region(dom, id, FOREIGN_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::{Fields, jsonld, meta_tags, microdata};

    fn dates(html: &str, url: Option<&str>) -> ChosenDates {
        let dom = Dom::parse(html);
        let scan = Scan::collect(&dom);
        let sources = Sources {
            jsonld: jsonld::read(&scan.jsonld),
            meta: meta_tags::read(&scan.metas),
            microdata: microdata::read(&dom, &scan),
        };
        let url = url.map(|u| url::Url::parse(u).expect("url"));
        choose(&dom, &scan, &sources, url.as_ref(), DayOrder::DayFirst)
    }

    #[test]
    fn published_and_modified_from_jsonld() {
        let d = dates(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-06-12T08:15:00+01:00","dateModified":"2024-06-12T11:42:00+01:00"}</script>"#,
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2024-06-12T08:15:00+01:00"));
        assert_eq!(d.modified.as_deref(), Some("2024-06-12T11:42:00+01:00"));
        assert_eq!(d.source, Some("json-ld"));
    }

    #[test]
    fn meta_then_time_element() {
        let d = dates(
            r#"<meta property="article:published_time" content="2020-03-04"><body><time datetime="2019-01-01">x</time></body>"#,
            None,
        );
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2020-03-04"), Some("meta"))
        );
        let d = dates(
            r#"<body><aside><time datetime="2018-01-01">old</time></aside><h1>T</h1><time datetime="2019-02-03T10:00:00">x</time></body>"#,
            None,
        );
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2019-02-03"), Some("time-element"))
        );
    }

    #[test]
    fn url_date_outranks_a_dateline() {
        let d = dates(
            "<body><h1>T</h1><p>5. März 2024</p></body>",
            Some("https://example.org/2024/03/04/t/"),
        );
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2024-03-04"), Some("url"))
        );
        let d = dates("<body><h1>T</h1><p>5. März 2024</p></body>", None);
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2024-03-05"), Some("text"))
        );
    }

    #[test]
    fn labelled_update_is_the_modified_date() {
        let d = dates(
            "<body><h1>T</h1><div class='meta'>Actualizado el 9 de octubre de 2024 · Publicado el 8 de octubre de 2024</div></body>",
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2024-10-08"));
        assert_eq!(d.modified.as_deref(), Some("2024-10-09"));
    }

    #[test]
    fn utc_timestamp_yields_to_the_local_day_on_the_page() {
        let d = dates(
            r#"<meta property="article:published_time" content="2020-05-02T02:54:29.000Z"><body><h1>T</h1><p>Friday, May 1, 2020</p></body>"#,
            None,
        );
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2020-05-01"), Some("text"))
        );
        let d = dates(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-05-02T02:54:29-04:00"}</script><body><h1>T</h1><p>Friday, May 1, 2020</p></body>"#,
            None,
        );
        assert_eq!(d.source, Some("json-ld"));
    }

    #[test]
    fn the_visible_day_outranks_a_meta_date() {
        let d = dates(
            r#"<meta property="article:published_time" content="2022-11-17T10:33:13+00:00"><body><h1>T</h1><p class="date">09.03.2022</p></body>"#,
            None,
        );
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2022-03-09"), Some("text"))
        );
        let d = dates(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-11-17"}</script><body><h1>T</h1><p class="date">09.03.2022</p></body>"#,
            None,
        );
        assert_eq!(d.source, Some("json-ld"));
    }

    #[test]
    fn no_date_at_all() {
        let d = dates(
            "<body><h1>T</h1><p>No date here, 42 things.</p></body>",
            None,
        );
        assert_eq!(d, ChosenDates::default());
        let _ = Fields::default();
    }
}
