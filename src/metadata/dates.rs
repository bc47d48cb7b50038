//! Publication and modification dates, and where the publication date came from.
//!
//! Takes the scan, the structured sources, the URL and the page's day order; returns
//! [`ChosenDates`]. Publication date candidates, in order of trust: JSON-LD (`datePublished`),
//! `<meta>` (`article:published_time`, Dublin Core, `date`...), microdata, `<time datetime>`
//! (marked as the publication time, or the first one near the headline outside comments and
//! teasers), the URL's path, and a visible dateline near the headline ("Published 5 March
//! 2024", "25. November 2019", "Actualizado el ..."), dates labelled as updates being read as the
//! modification date; Solar Hijri datelines are converted. A UTC timestamp is dated by the
//! page's own zone ([`super::zones`]) when every zone of its country gives another day than UTC
//! and the page does not print the UTC day itself. The output is ISO 8601 with time and offset
//! when the source gives both, the day alone otherwise. Parsing is [`super::date`]'s; nothing
//! here reads the clock.

use super::date::{self, DayOrder, FoundDate};
use super::scan::{Scan, contains_ci};
use super::{Sources, node_text, solar_hijri, zones};
use crate::dom::{Dom, NodeId, Tag};

/// The chosen dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChosenDates {
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    /// Modification date, ISO 8601.
    pub modified: Option<String>,
    /// `json-ld`, `meta`, `microdata`, `time-element`, `url` or `text`; [`UPDATE_FALLBACK`]
    /// when the page gives only its last-update date.
    pub source: Option<&'static str>,
}

/// The source of a `published` date that only repeats the page's last update (the update-date
/// fallback): such a page is not dated for the page-type test.
pub const UPDATE_FALLBACK: &str = "modified";

/// One publication-date candidate and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Where it came from.
    pub source: &'static str,
    /// The date.
    pub date: FoundDate,
    /// True for a dateline printed near the headline (a date-hint element a few nodes from the
    /// `<h1>`, or the text right after it): what a reader sees as the story's date.
    pub near_headline: bool,
}

impl Candidate {
    fn new(source: &'static str, date: FoundDate) -> Self {
        Candidate {
            source,
            date,
            near_headline: false,
        }
    }
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

/// Words before a date that make it no date of the page's story at all: a forum member's
/// registration day in the profile beside each post ("Registriert: 03.05.2011", "Joined: Apr
/// 2012", "Mitglied seit"), and the clock a forum or portal prints when the page was rendered
/// ("Aktuelle Zeit: 22.06.2023, 16:41", "It is currently"). Named the *not-a-dateline labels*.
const NOT_DATELINE_WORDS: &[&str] = &[
    "registriert",
    "registered",
    "joined",
    "join date",
    "member since",
    "mitglied seit",
    "dabei seit",
    "anmeldedatum",
    "inscrit",
    "membre depuis",
    "registrado",
    "miembro desde",
    "iscritto",
    "lid sinds",
    "зарегистрирован",
    "aktuelle zeit",
    "aktuelles datum",
    "it is currently",
    "current time",
    "heure actuelle",
];

/// Words of a bibliographic reference: a date after them is the cited work's ("In: Journal of
/// Tides; Vol. 48, Issue 213, pp. 77 - 85, 9. März 2018, DOI ..."), not the page's. Matched as
/// whole words. Named the *citation* rule.
const CITATION_WORDS: &[&str] = &["vol.", "pp.", "doi", "issn", "isbn", "jg."];

/// True when the text before a date ends a bibliographic reference.
fn is_citation(before: &str) -> bool {
    before
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .any(|w| CITATION_WORDS.contains(&w))
}

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
        // The page giving the UTC day itself (the URL, a dateline) confirms it.
        let confirmed = rest.iter().any(|c| {
            matches!(c.source, "url" | "text" | "time-element" | "microdata")
                && c.date.offset_seconds.is_none()
                && c.date.date == pick.date.date
        });
        let local = (!confirmed)
            .then(|| in_page_zone(&pick.date, scan, url))
            .flatten();
        chosen.published = Some(local.unwrap_or_else(|| iso(&pick.date)));
        chosen.source = Some(pick.source);
    }
    let modified = [
        &sources.jsonld.modified,
        &sources.meta.modified,
        &sources.microdata.modified,
    ]
    .into_iter()
    .find_map(|m| date::parse_machine(m.as_deref()?))
    .or_else(|| {
        candidates
            .iter()
            .find(|c| c.source == "modified")
            .map(|c| c.date.clone())
    });
    if let Some(date) = modified {
        chosen.modified = Some(iso(&date));
        // The *update-date fallback*: a page that gives only the day it was last changed ("last
        // edited 2017-04-22 08:05:41" under a wiki page) was published on or before it; that day
        // dates it better than nothing, as readers (and htmldate by default) take it. The source
        // `modified` says so, so nobody mistakes it for a stated publication date.
        if chosen.published.is_none() {
            chosen.published = chosen.modified.clone();
            chosen.source = Some(UPDATE_FALLBACK);
        }
    }
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
        if let Some(date) = fields
            .published
            .as_deref()
            .and_then(date::parse_machine)
            .filter(|d| !is_year_placeholder(d))
        {
            out.push(Candidate::new(source, date));
        }
    }
    if let Some(date) = update_time_element(dom, scan) {
        out.push(Candidate::new("modified", date));
    }
    if let Some(date) = time_element(dom, scan, order) {
        out.push(Candidate::new("time-element", date));
    }
    if let Some(day) = url.and_then(|u| date::date_from_url(u.as_str())) {
        let date = FoundDate {
            date: day,
            time: None,
            offset_seconds: None,
        };
        out.push(Candidate::new("url", date));
    }
    text_dates(dom, scan, order, &mut out);
    if !out.iter().any(|c| c.source == "text") {
        title_dateline(dom, scan, order, &mut out);
    }
    if !has_publication(&out) {
        description_dateline(sources, order, &mut out);
    }
    out
}

/// The *title dateline* rule: a full date in the page's `<title>` ("Council blames the
/// ferry company - Noticias - 07/09/2021 - El Faro") is one the site printed for the page
/// itself, shown in the reader's tab; when no dateline is printed in the page, it counts as
/// one near the headline (so it outranks a structured date of another day, like a dateline).
fn title_dateline(dom: &Dom, scan: &Scan<'_>, order: DayOrder, out: &mut Vec<Candidate>) {
    if let Some(title) = scan.title.map(|t| node_text(dom, t, MAX_HINT_BYTES)) {
        read_dateline(&title, order, true, out);
    }
}

/// The *description dateline* rule: when nothing else dated the page, a dateline in its
/// description dates it ("Record year for the bears (News of 14 January 2020)"), a date the
/// site wrote for the page itself. Update dates there count as updates.
fn description_dateline(sources: &Sources, order: DayOrder, out: &mut Vec<Candidate>) {
    let description = [&sources.meta, &sources.jsonld, &sources.microdata]
        .into_iter()
        .find_map(|f| f.description.as_deref());
    if let Some(text) = description {
        read_dateline(text, order, false, out);
    }
}

/// The *year placeholder* rule: a structured publication date of 1 January without a time
/// ("datePublished": "2007-01-01") is a year stored as a date by the CMS (a recipe's or
/// product's first year), not a day; it is left out, so the page's other dates (or its update
/// date) date it. A 1 January printed on the page or in the URL stays.
fn is_year_placeholder(date: &FoundDate) -> bool {
    use chrono::Datelike;
    date.time.is_none() && date.date.month() == 1 && date.date.day() == 1
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
    let from_page = matches!(other.source, "time-element" | "url" | "text" | "microdata");
    let days = (other.date.date - structured.date.date).num_days();
    // A local day before needs a UTC time early enough for a zone west of Greenwich to still be
    // on that day (up to UTC-10), and a day after one late enough for a zone to the east.
    let crossed = (days == -1 && time.hour() < MAX_WEST_HOURS)
        || (days == 1 && time.hour() >= 24 - MAX_EAST_HOURS);
    from_page && other.date.offset_seconds.is_none() && crossed
}

/// True when `other`, printed on the page, outranks `structured` with another day. Readers date
/// a story by what is printed under its headline, and structured dates are often the CMS's (a
/// template's default, the first draft, an older story the page was rebuilt from):
/// - a `<meta>` date yields to any dateline, and to a day-only microdata date (`itemprop` on
///   the visible date, "27.01.2022");
/// - a JSON-LD or microdata date yields to a dateline printed near the headline.
///
/// `<meta>` keeps its rank against a `<time>` element (machine-readable like itself).
fn is_visible_day_over_meta(other: &Candidate, structured: &Candidate) -> bool {
    if other.date.date == structured.date.date || is_swapped_reading(other, structured) {
        return false;
    }
    match structured.source {
        "meta" => {
            other.source == "text" || (other.source == "microdata" && other.date.time.is_none())
        }
        "json-ld" | "microdata" => other.source == "text" && other.near_headline,
        _ => false,
    }
}

/// True when `other` is a numeric dateline read in the page language's day order whose day and
/// month, read the other way round, give `structured`'s day: the site prints dates in another
/// order than its language suggests (an Austrian site writing "09/03/2020" for 3 September, the
/// `datePublished` being "2020-09-03"), so the two sources agree and the machine-readable one,
/// which cannot be misread, stands. Named the *swapped-order agreement* rule.
fn is_swapped_reading(other: &Candidate, structured: &Candidate) -> bool {
    use chrono::Datelike;
    let (o, s) = (other.date.date, structured.date.date);
    other.source == "text"
        && o.day() != o.month()
        && o.year() == s.year()
        && o.day() == s.month()
        && o.month() == s.day()
}

/// The local day of a UTC timestamp (`Z`, `+00:00`) in the page's own time zone when it is
/// another day than the UTC one ("2020-05-02T02:54:29Z" on a page for the United States was
/// published on May 1 there); `None` when the date is not UTC, the page's country is unknown,
/// or its zones disagree on the day. A country with one fixed offset keeps the time, moved to
/// that offset (the same instant: "2020-05-02T16:30:00Z" on a Japanese page is
/// "2020-05-03T01:30:00+09:00"); otherwise the day alone, since the exact offset (summer time,
/// several zones) is not known.
fn in_page_zone(date: &FoundDate, scan: &Scan<'_>, url: Option<&url::Url>) -> Option<String> {
    // Midnight is a day written as a timestamp.
    let time = date
        .time
        .filter(|t| date.offset_seconds == Some(0) && *t != chrono::NaiveTime::MIN)?;
    let range = zones::page_offsets(scan, url)?;
    let day = zones::local_day(date.date, time, range)?;
    if range.0 == range.1 {
        let local = date.date.and_time(time) + chrono::Duration::minutes(i64::from(range.0));
        let moved = FoundDate {
            date: local.date(),
            time: Some(local.time()),
            offset_seconds: Some(range.0 * 60),
        };
        return Some(moved.to_iso());
    }
    Some(day.format("%Y-%m-%d").to_string())
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
        .any(|a| is_update_element(dom, a))
}

/// Datelines: date-hint elements after and just before the headline, then the text right after
/// the headline, then date-hint elements further up the page (a site header's "today" date).
fn text_dates(dom: &Dom, scan: &Scan<'_>, order: DayOrder, out: &mut Vec<Candidate>) {
    let h1 = headline(dom, scan);
    let hints: Vec<NodeId> = scan
        .date_hints
        .iter()
        .copied()
        .filter(|&id| !in_foreign_region(dom, id))
        .collect();
    let Some(h1) = h1 else {
        // Without a headline to go by, the site's masthead (its "today" date) comes last.
        let (masthead, page): (Vec<NodeId>, Vec<NodeId>) =
            hints.into_iter().partition(|&id| in_masthead(dom, id));
        for id in page {
            if read_hint(dom, id, order, false, out) {
                return;
            }
        }
        if out.is_empty() {
            body_dateline(dom, scan, order, out);
        }
        for id in masthead {
            if out.iter().any(|c| c.source != "modified") {
                return;
            }
            read_hint(dom, id, order, false, out);
        }
        return;
    };
    let near = |id: NodeId| id.abs_diff(h1) <= NEAR_HEADLINE_NODES;
    let (after, before): (Vec<NodeId>, Vec<NodeId>) = hints.into_iter().partition(|&id| id > h1);
    let (close_before, far_before): (Vec<NodeId>, Vec<NodeId>) =
        before.into_iter().partition(|&id| near(id));
    for id in after.into_iter().chain(close_before) {
        if read_hint(dom, id, order, near(id), out) {
            return;
        }
    }
    if let Some(text) = kicker_date(dom, h1) {
        if read_dateline(text, order, true, out) {
            return;
        }
    }
    if read_dateline(&headline_window(dom, h1), order, true, out) {
        return;
    }
    for id in far_before {
        if read_hint(dom, id, order, false, out) {
            return;
        }
    }
    if !has_publication(out) {
        own_teaser(dom, h1, order, out);
    }
    if out.is_empty() {
        body_dateline(dom, scan, order, out);
    }
}

fn has_publication(out: &[Candidate]) -> bool {
    out.iter().any(|c| c.source != "modified")
}

/// The headline: the first `<h1>` with text, else (the *title-heading* rule) the first `<h2>` or
/// `<h3>` whose text begins the page's `<title>`, as on forum threads whose `<h1>` is the site's
/// logo ("<h1><a title=Site></a></h1> ... <h2>Printer not found</h2>", titled "Printer not found
/// | Forum | Site"), else the first `<h1>`.
fn headline(dom: &Dom, scan: &Scan<'_>) -> Option<NodeId> {
    let first = scan.h1s.first().copied();
    if first.is_some_and(|h| !node_text(dom, h, 8).is_empty()) {
        return first;
    }
    let title = scan
        .title
        .map(|t| node_text(dom, t, 400).to_lowercase())
        .filter(|t| !t.is_empty())?;
    let heading = dom.ids().find(|&id| {
        matches!(dom.tag(id), Some(Tag::H2 | Tag::H3)) && {
            let text = node_text(dom, id, 400).to_lowercase();
            text.len() >= MIN_TITLE_HEADING_BYTES && title.starts_with(&text)
        }
    });
    heading.or(first)
}

/// Shortest heading text taken for the headline by the title-heading rule.
const MIN_TITLE_HEADING_BYTES: usize = 8;

/// Ancestor levels climbed from a teaser's heading to its date.
const TEASER_LEVELS: usize = 3;

/// The *own-teaser* rule: a list of recent stories beside the article often holds the article
/// itself, dated ("<div class=teaser><div class=authored>10.11.2021</div><h2>Respect human
/// rights</h2>...</div>" on the page whose headline is "Respect human rights"). When nothing
/// else dated the page, the date in the teaser whose heading or link text is the headline
/// (within [`TEASER_LEVELS`] ancestors, in at most [`MAX_HINT_BYTES`] of text) dates it.
fn own_teaser(dom: &Dom, h1: NodeId, order: DayOrder, out: &mut Vec<Candidate>) {
    let headline = node_text(dom, h1, 400).to_lowercase();
    if headline.len() < MIN_TITLE_HEADING_BYTES {
        return;
    }
    let after_h1 = dom.next_after_subtree(0, h1);
    for id in dom.ids() {
        if (h1..after_h1.unwrap_or(NodeId::MAX)).contains(&id)
            || !matches!(dom.tag(id), Some(Tag::H2 | Tag::H3 | Tag::H4 | Tag::A))
            || node_text(dom, id, headline.len() + 8).to_lowercase() != headline
        {
            continue;
        }
        for a in dom.ancestors(id).take(TEASER_LEVELS) {
            let mut text = String::new();
            dateline_text(dom, a, Some(a), MAX_HINT_BYTES + 1, &mut text);
            if text.len() <= MAX_HINT_BYTES && read_dateline(&text, order, false, out) {
                return;
            }
        }
    }
}

/// Nodes looked back from the headline for a kicker date.
const KICKER_NODES: NodeId = 8;
/// Longest kicker text read, in bytes.
const MAX_KICKER_BYTES: usize = 40;

/// A short text standing right before the headline, such as a topline date
/// ("<div class=topline><span>06.12.2022</span></div><h1>..."). A text in a list item is the
/// last entry of a list of other stories ("New topics: ... <li>Buffer tank<br>16.11.2024</li>
/// </ul><h2>Thread title</h2>"), not a topline.
fn kicker_date(dom: &Dom, h1: NodeId) -> Option<&str> {
    (h1.saturating_sub(KICKER_NODES)..h1)
        .rev()
        .filter_map(|id| Some((id, dom.text(id)?.trim())))
        .find(|(_, t)| !t.is_empty())
        .filter(|&(id, t)| {
            t.len() <= MAX_KICKER_BYTES
                && t.bytes().any(|b| b.is_ascii_digit())
                && !dom
                    .ancestors(id)
                    .take(KICKER_LIST_LEVELS)
                    .any(|a| dom.tag(a) == Some(Tag::Li))
        })
        .map(|(_, t)| t)
}

/// Ancestor levels looked up from a kicker text for a list item.
const KICKER_LIST_LEVELS: usize = 4;

/// Inside the site's masthead: a `<header>` outside any `<article>` or `<main>`.
fn in_masthead(dom: &Dom, id: NodeId) -> bool {
    let mut header = false;
    for a in dom.ancestors(id) {
        match dom.tag(a) {
            Some(Tag::Header) => header = true,
            Some(Tag::Article | Tag::Main) => return false,
            _ => {}
        }
    }
    header
}

/// Nodes between a date-hint element and the headline for the hint to count as printed near it.
const NEAR_HEADLINE_NODES: NodeId = 80;

/// Reads a date-hint element's short text; true when it gave a publication date.
fn read_hint(dom: &Dom, id: NodeId, order: DayOrder, near: bool, out: &mut Vec<Candidate>) -> bool {
    if is_update_element(dom, id) {
        return false;
    }
    let mut text = String::new();
    dateline_text(dom, id, Some(id), MAX_HINT_BYTES + 1, &mut text);
    text.len() <= MAX_HINT_BYTES && read_dateline(&text, order, near, out)
}

/// The headline's text and about [`DATELINE_WINDOW`] bytes of the text after it.
fn headline_window(dom: &Dom, h1: NodeId) -> String {
    let mut text = node_text(dom, h1, 400);
    dateline_text(
        dom,
        0,
        dom.next_after_subtree(0, h1),
        DATELINE_WINDOW,
        &mut text,
    );
    text
}

/// Appends the text of the nodes from `first` on, inside `root`, until `out` passes `max` bytes;
/// scripts, picture captions (a
/// caption dates the photo, not the story) and elements marked as
/// the update time (`<time class="updated">`, `itemprop="dateModified"`) are left out.
fn dateline_text(dom: &Dom, root: NodeId, first: Option<NodeId>, max: usize, out: &mut String) {
    let mut next = first;
    // A space goes between two texts unless only inline elements ("25<sup>th</sup>") separate
    // them and neither text has one.
    let mut spaced = true;
    while let Some(id) = next {
        if out.len() > max {
            break;
        }
        if let Some(tag) = dom.tag(id) {
            if matches!(tag, Tag::Script | Tag::Style | Tag::Noscript)
                || is_caption(dom, id)
                || is_update_element(dom, id)
            {
                next = dom.next_after_subtree(root, id);
                spaced = true;
                continue;
            }
            spaced |= !matches!(
                tag,
                Tag::A
                    | Tag::B
                    | Tag::I
                    | Tag::Em
                    | Tag::Strong
                    | Tag::Sup
                    | Tag::Small
                    | Tag::Font
            );
        }
        if let Some(t) = dom.text(id) {
            if spaced || t.starts_with(char::is_whitespace) {
                out.push(' ');
            }
            out.push_str(t.trim());
            spaced = t.ends_with(char::is_whitespace);
        }
        next = match dom.node(id).first_child {
            Some(child) => Some(child),
            None => dom.next_after_subtree(root, id),
        };
    }
}

/// An element whose class or `itemprop` marks it as the update time: `itemprop="dateModified"`,
/// a class saying modified, or `updated` alone (`<time class="updated">`; WordPress themes also
/// write hAtom's `updated` beside `entry-date published` on the publication date, which stays).
fn is_update_element(dom: &Dom, id: NodeId) -> bool {
    let itemprop = dom
        .attr(id, "itemprop")
        .is_some_and(|v| contains_ci(v, "modif"));
    let class = dom.attr(id, "class").is_some_and(|v| {
        let words = || {
            v.split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
                .map(str::to_ascii_lowercase)
        };
        contains_ci(v, "modif")
            || (words().any(|w| w == "updated")
                && !words().any(|w| {
                    w != "updated"
                        && ["publish", "date", "posted", "created"]
                            .iter()
                            .any(|p| w.contains(p))
                }))
    });
    itemprop || class
}

/// A picture's caption: `<figure>`/`<figcaption>`, an element whose class says caption or
/// credit, or a block that holds an `<img>` beside its text ("<div><img ...><br>FILE PHOTO:
/// ..., January 16, 2020</div>").
fn is_caption(dom: &Dom, id: NodeId) -> bool {
    match dom.tag(id) {
        Some(Tag::Figure | Tag::Figcaption) => true,
        Some(Tag::Div | Tag::P | Tag::Span) => {
            super::class_names_any(dom, id, CAPTION_WORDS)
                || (dom.children(id).any(|c| dom.tag(c) == Some(Tag::Img))
                    && dom
                        .children(id)
                        .filter_map(|c| dom.text(c))
                        .map(|t| t.trim().len())
                        .sum::<usize>()
                        > MIN_CAPTION_BYTES)
        }
        _ => false,
    }
}

/// Text bytes beside an `<img>` that make its block a caption (an author's avatar beside
/// "By Jane Doe, 5 March 2024" is a byline, not a caption).
const MIN_CAPTION_BYTES: usize = 80;

/// Class words of picture captions and credits.
const CAPTION_WORDS: &[&str] = &["caption", "credit", "bildunterschrift", "legende", "legend"];

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
            // The site's masthead (a `<header>` outside any article) holds "today" dates.
            Some(Tag::Header) => !dom
                .ancestors(id)
                .any(|a| matches!(dom.tag(a), Some(Tag::Article | Tag::Main))),
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
    read_dateline(&text, order, false, out);
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
    "feed-item",
    "feed-list",
];

/// Reads the dates of a dateline; an update date becomes a `modified` candidate. True when a
/// publication date was found.
fn read_dateline(text: &str, order: DayOrder, near: bool, out: &mut Vec<Candidate>) -> bool {
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
        if NOT_DATELINE_WORDS.iter().any(|w| lower.contains(w)) {
            continue;
        }
        // An update label right before the date outranks a reference ending just before it.
        let source = if UPDATE_WORDS.iter().any(|w| lower.contains(w)) {
            "modified"
        } else if is_citation(&lower) {
            continue;
        } else {
            "text"
        };
        out.push(Candidate {
            source,
            date,
            near_headline: near,
        });
        if source == "text" {
            return true;
        }
    }
    // A Solar Hijri dateline ("۲ تیر ۱۳۹۹"), read as the Gregorian day.
    if let Some((_, day)) = (!text.is_ascii())
        .then(|| solar_hijri::find(text))
        .flatten()
    {
        let date = FoundDate {
            date: day,
            time: None,
            offset_seconds: None,
        };
        out.push(Candidate {
            source: "text",
            date,
            near_headline: near,
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
        let body = "Body text of the story. ".repeat(40);
        let d = dates(
            r#"<meta property="article:published_time" content="2020-05-02T02:54:29.000Z"><body><h1>T</h1><p>Friday, May 1, 2020</p></body>"#,
            None,
        );
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2020-05-01"), Some("text"))
        );
        let d = dates(
            &format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2020-05-02T02:54:29-04:00"}}</script><body><h1>T</h1><p>{body}</p><footer><p>Friday, May 1, 2020</p></footer></body>"#
            ),
            None,
        );
        assert_eq!(d.source, Some("json-ld"));
    }

    #[test]
    fn the_visible_day_outranks_a_meta_date() {
        let body = "Body text of the story. ".repeat(40);
        let d = dates(
            r#"<meta property="article:published_time" content="2022-11-17T10:33:13+00:00"><body><h1>T</h1><p class="date">09.03.2022</p></body>"#,
            None,
        );
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2022-03-09"), Some("text"))
        );
        let d = dates(
            &format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2022-11-17"}}</script><body><h1>T</h1><p>{body}</p><div class="related"><p class="date">09.03.2022</p></div></body>"#
            ),
            None,
        );
        assert_eq!(d.source, Some("json-ld"));
    }

    #[test]
    fn a_photo_caption_does_not_date_the_story() {
        let d = dates(
            r#"<body><h1>T</h1><div><img src="a.jpg"><br>FILE PHOTO: The mayor waves during a harbour festival near Brest, France, January 14, 2020. Pool via Agency</div><p>January 18, 2020</p><p>PARIS - Body.</p></body>"#,
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2020-01-18"));
        let d = dates(
            "<body><h1>T</h1><figure><img src=a.jpg><figcaption>Taken 3 May 2021</figcaption></figure><p class=date>5 May 2021</p></body>",
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2021-05-05"));
    }

    #[test]
    fn an_update_element_is_not_the_dateline() {
        let d = dates(
            r#"<body><h1>T</h1><div class="meta">By A | <time class="updated" datetime="2022-12-29T15:36:19+01:00">29. Dezember 2022</time><time class="entry-date published" datetime="2022-12-30T07:00:40+01:00">30. Dezember 2022</time></div></body>"#,
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2022-12-30T07:00:40+01:00"));
        // hAtom's `updated` beside `date` stays the publication date.
        let d = dates(
            r#"<meta property="article:published_time" content="2020-10-26T04:01:57-05:00"><body><h1>T</h1><div class="entry-meta"><span class="entry-meta-date updated">October 24, 2020</span></div></body>"#,
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2020-10-24"));
    }

    #[test]
    fn a_feed_list_beside_the_story_is_foreign() {
        let body = "Body text of the story. ".repeat(40);
        let d = dates(
            &format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2020-08-18T19:35:33+00:00"}}</script><body><h1>T</h1><p>{body}</p><ul><li class="feed-item"><div class="info-line">2020.08.19.</div></li></ul></body>"#
            ),
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2020-08-18T19:35:33+00:00"));
    }

    #[test]
    fn a_dateline_under_the_headline_outranks_jsonld() {
        let d = dates(
            r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2021-11-29T14:13:37+00:00"}</script><body><h1>T</h1><div class="author-ch">ca. 8 Min.<br><span class="icon-calendar"></span> 12.01.2022</div><p>Body</p></body>"#,
            None,
        );
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2022-01-12"), Some("text"))
        );
    }

    #[test]
    fn a_dateline_in_the_other_numeric_order_agrees_with_the_structured_date() {
        // German page, US-order dateline: "09/03/2020" is 3 September, as `datePublished` says.
        let d = dates(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-09-03T06:20:47"}</script><body><h1>T</h1><span class="date">09/03/2020</span><p>Body</p></body>"#,
            None,
        );
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2020-09-03"), Some("json-ld"))
        );
        // A dateline of another day still outranks the structured date.
        let d = dates(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-09-03T06:20:47"}</script><body><h1>T</h1><span class="date">10/03/2020</span><p>Body</p></body>"#,
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2020-03-10"));
    }

    #[test]
    fn a_day_only_microdata_date_outranks_a_meta_date() {
        let d = dates(
            r#"<meta name="date" content="2022-01-21T15:38:44+01:00"><body><h1>T</h1><p>Body</p><time itemprop="datePublished" datetime="2022-01-27">27.01.2022</time></body>"#,
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2022-01-27"));
        let d = dates(
            r#"<meta name="date" content="2021-10-19T08:47:12+01:00"><body><h1>T</h1><p>Body</p><time itemprop="datePublished" datetime="2021-10-18T17:05:51+01:00">x</time></body>"#,
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2021-10-19T08:47:12+01:00"));
    }

    #[test]
    fn a_utc_timestamp_yields_to_a_visible_microdata_day() {
        let d = dates(
            r#"<meta property="datePublished" content="2020-12-05T23:15:0Z"><body><h1>T</h1><p itemprop="datePublished">06 Dicembre 2020</p></body>"#,
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2020-12-06"));
    }

    #[test]
    fn a_utc_timestamp_is_dated_by_the_page_zones_day() {
        let page = r#"<meta property="og:locale" content="en_US"><meta property="article:published_time" content="2020-05-02T02:54:29.000Z"><body><h1>T</h1><p>Body</p></body>"#;
        let d = dates(page, Some("https://example.com/traffic/story/6144149/"));
        assert_eq!(d.published.as_deref(), Some("2020-05-01"));
        // The URL giving the UTC day confirms it.
        let d = dates(page, Some("https://example.com/2020/05/02/story/"));
        assert_eq!(d.published.as_deref(), Some("2020-05-02T02:54:29+00:00"));
        // No country, or a timestamp with its own offset, or midnight: kept as written.
        let d = dates(
            r#"<meta property="article:published_time" content="2020-05-02T02:54:29Z"><body><h1>T</h1></body>"#,
            Some("https://example.com/a"),
        );
        assert_eq!(d.published.as_deref(), Some("2020-05-02T02:54:29+00:00"));
        let d = dates(
            r#"<html lang="en-US"><meta property="article:published_time" content="2020-05-02T00:00:00Z"><body><h1>T</h1></body>"#,
            Some("https://example.com/a"),
        );
        assert_eq!(d.published.as_deref(), Some("2020-05-02T00:00:00+00:00"));
        // A country of one fixed offset keeps the time, moved to its offset.
        let d = dates(
            r#"<html lang="ja"><meta property="article:published_time" content="2020-05-02T16:30:00Z"><body><h1>T</h1></body>"#,
            Some("https://example.com/a"),
        );
        assert_eq!(d.published.as_deref(), Some("2020-05-03T01:30:00+09:00"));
    }

    #[test]
    fn without_a_headline_the_masthead_date_comes_last() {
        let d = dates(
            "<body><header><div class=logo>Star</div><span class=date>Thu, 20 Feb 2020</span></header><div><h2>Flood waters recede</h2><p>Radio7<br>19 Feb 2020, 21:35 GMT+10</p><p>Body</p></div></body>",
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2020-02-19T21:35:00+10:00"));
        let d = dates(
            "<body><header><span class=date>Thu, 20 Feb 2020</span></header><div><h2>T</h2><p>Body</p></div></body>",
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2020-02-20"));
    }

    #[test]
    fn a_solar_hijri_dateline_is_read_as_gregorian() {
        let d = dates(
            "<body><h1>T</h1><span class=date-created>5 تير 1399 - 10:41:27 ب.ظ</span><p>متن</p></body>",
            None,
        );
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2020-06-25"), Some("text"))
        );
    }

    #[test]
    fn a_topline_date_over_the_headline_outranks_a_range_in_the_standfirst() {
        let d = dates(
            "<body><a href=/>Back to the newsroom</a><div class=topline><span>06.12.2022</span></div><h1>Wind farm</h1><div>Citizens can invest from 9.1. -10.2.2023 in the park.</div></body>",
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2022-12-06"));
        // Only the text right before the headline counts.
        let d = dates(
            "<body><p>Since 06.12.2022</p><a href=/>Back</a><h1>Wind farm</h1><p>Published 01.12.2022</p></body>",
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2022-12-01"));
        // The last entry of a list of other stories is no topline.
        let d = dates(
            "<body><ul><li><a href=/t/1>Buffer tank</a><br><span>16.11.2024</span></li></ul><h1>Valves after balancing</h1><p>Post by kai » 14.03.2023, 09:12</p></body>",
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2023-03-14"));
    }

    #[test]
    fn a_members_registration_day_and_the_forum_clock_are_no_datelines() {
        let d = dates(
            "<body><h1>Community forum</h1><h3>Topic</h3><dl><dd>Beiträge: 412</dd><dd>Registriert: 03.05.2011, 07:12</dd></dl><p class=author>von kx7 » 16.02.2012, 19:08</p><p>Post</p></body>",
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2012-02-16"));
        let d = dates(
            "<body><h1>Forum</h1><p>It is currently Thu Jun 22, 2023 4:41 pm</p><p>Joined: May 3, 2011</p></body>",
            None,
        );
        assert_eq!(d.published, None);
    }

    #[test]
    fn a_page_with_only_an_update_date_is_dated_by_it() {
        let d = dates(
            "<body><h1>Setup</h1><p>Text</p><p>Setup (last edited 2017-04-22 08:05:41 by Someone)</p></body>",
            None,
        );
        assert_eq!(
            (d.published.as_deref(), d.modified.as_deref(), d.source),
            (Some("2017-04-22"), Some("2017-04-22"), Some("modified"))
        );
        let d = dates(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2021-02-03T10:00:00+01:00"}</script><body><h1>T</h1></body>"#,
            None,
        );
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2021-02-03T10:00:00+01:00"), Some("modified"))
        );
    }

    #[test]
    fn a_heading_that_begins_the_title_is_the_headline_without_an_h1() {
        let d = dates(
            "<head><title>Printer not found | Forum | Site</title></head><body><h1><a href=/ title=Site></a></h1><div class=recent>New: 24.03.2016</div><p>Forum index</p><h2>Printer not found</h2><div class=comment><span>jo</span><span>28.09.2019</span><p>Hello</p></div></body>",
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2019-09-28"));
    }

    #[test]
    fn the_teaser_of_the_story_itself_dates_it() {
        let body = "Body text of the story. ".repeat(40);
        let d = dates(
            &format!(
                "<body><h1>Respect human rights</h1><p>{body}</p><aside><div class=teaser><div class=authored>09.11.2021</div><h2>Another story</h2></div><div class=teaser><div class=authored>10.11.2021</div><h2>Respect human rights </h2><p>An appeal</p></div></aside></body>"
            ),
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2021-11-10"));
    }

    #[test]
    fn a_dateline_in_the_description_dates_an_otherwise_undated_page() {
        let d = dates(
            r#"<meta name="description" content="Record year for the otters (Notizia del 23 Marzo 2017)"><body><h1>Record year</h1><p>Body</p></body>"#,
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2017-03-23"));
    }

    #[test]
    fn a_cited_papers_date_is_no_dateline() {
        let d = dates(
            "<body><h1>Tidal pools mapped</h1><p>Kiel - March 2018. Body.</p><p>In: Journal of Tides; Vol. 48, Issue 213, pp. 77 - 85, 9. März 2018, DOI 10.5555/x</p><p>Aktualisiert am 12.03.2018.</p></body>",
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2018-03-12"));
        assert!(is_citation(
            "journal of tides; vol. 48, issue 213, pp. 77 - 85, "
        ));
        assert!(!is_citation("whatsapp. am "));
    }

    #[test]
    fn a_structured_first_of_january_is_a_year_placeholder() {
        let d = dates(
            r#"<body><h1>Cake</h1><div itemscope itemtype="https://schema.org/Recipe"><meta itemprop="datePublished" content="2007-01-01"></div><p>Updated August 21, 2016</p></body>"#,
            None,
        );
        assert_eq!(d.published.as_deref(), Some("2016-08-21"));
        let d = dates(
            "<body><h1>Into the new year</h1><p>Body</p></body>",
            Some("https://example.org/2019/01/01/new-year/"),
        );
        assert_eq!(d.published.as_deref(), Some("2019-01-01"));
    }

    #[test]
    fn a_date_in_the_title_is_a_dateline() {
        let page = r#"<head><title>Ferry dispute - Noticias - 07/09/2021 - El Faro</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-09-06T22:14:31"}</script></head><body><h1>Ferry dispute</h1><p>Body</p></body>"#;
        let d = dates(page, None);
        assert_eq!(
            (d.published.as_deref(), d.source),
            (Some("2021-09-07"), Some("text"))
        );
        // A dateline printed in the page comes first.
        let page = page.replace("<p>Body</p>", "<p class=date>06/09/2021</p><p>Body</p>");
        let d = dates(&page, None);
        assert_eq!(d.published.as_deref(), Some("2021-09-06"));
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
