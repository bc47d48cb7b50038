//! Metadata lifted out of saved text: title, section (kicker), date, byline, short URL,
//! captions with credits, and the closing credit line.
//!
//! Takes the units, their facts and verdicts, the article region and the page URL; fills a
//! [`Metadata`] and marks every lifted unit with the name of the field it went to, so the
//! body keeps none of them. Reads only the units near the region's edges; never reorders.

use super::labels::{self, Label};
use super::masthead;
use super::region;
use super::rules::{Facts, is_url, lower_case};
use super::segment::{Kind, Unit};
use crate::article::{Caption, Metadata};
use crate::metadata::date::{DayOrder, FoundDate, date_from_url, find_dates};
use std::ops::Range;

/// How many units before the region are searched for the title, kicker, date and byline.
const HEAD_WINDOW: usize = 25;
/// A short link is at most this long.
const MAX_SHORT_URL: usize = 40;
/// A date line or byline has at most this many words.
const MAX_DATELINE_WORDS: usize = 16;
/// A kicker (section) has at most this many words.
const MAX_KICKER_WORDS: usize = 3;
/// Byline openers, lower case, with their trailing space.
const BYLINE_OPENERS: &[&str] = &["by ", "von ", "par ", "por ", "di ", "door ", "av ", "af "];
/// Name separators inside a byline.
const NAME_SEPARATORS: &[&str] = &[" and ", " und ", " et ", " y ", " e ", " en ", " & ", ", "];

/// Reads metadata around `region`, marking lifted units in `verdicts`; `source` is the whole
/// saved text (read only to split linked tags).
pub fn lift(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
    url: Option<&str>,
    order: DayOrder,
    source: &str,
) -> Metadata {
    let mut metadata = Metadata::default();
    let head = region.start.saturating_sub(HEAD_WINDOW)..region.start;
    let title = find_title(units, facts, verdicts, head.clone(), region, url);
    if let Some(t) = title {
        metadata.title = Some(units[t].text.clone());
        for k in 0..units.len() {
            if verdicts[k].is_none() && units[k].text == units[t].text {
                verdicts[k] = Some("title");
            }
        }
    }
    let crumbs_end = title.map_or(region.start, |t| t + 3).min(units.len());
    metadata.section = breadcrumb_section(
        units,
        verdicts,
        head.start..crumbs_end,
        metadata.title.as_deref(),
    )
    .or_else(|| title.and_then(|t| kicker(units, facts, verdicts, t)));
    let near = title.unwrap_or(head.start).saturating_sub(2)..(region.start + 3).min(units.len());
    lift_date_and_byline(units, facts, verdicts, near.clone(), order, &mut metadata);
    if metadata.published.is_none()
        && let Some(day) = url.and_then(date_from_url)
    {
        metadata.published = Some(day.format("%Y-%m-%d").to_string());
        metadata.date_source = Some("url".to_string());
    }
    let wide = near.start..(region.start + 8).min(units.len());
    metadata.short_url = wide
        .clone()
        .find(|&k| verdicts[k] == Some("url-line") && units[k].text.len() <= MAX_SHORT_URL)
        .map(|k| units[k].text.clone());
    let lists_end = (region.end + LISTS_AFTER).min(units.len());
    lift_labelled_lists(
        units,
        facts,
        verdicts,
        head.start..lists_end,
        source,
        &mut metadata,
    );
    metadata.site_name = masthead::site_name(
        units,
        facts,
        title.map(|t| (t, units[t].text.as_str())),
        region.end.saturating_sub(1),
        url,
    );
    metadata.description = title
        .and_then(|t| standfirst_at(units, facts, verdicts, t, region))
        .map(|k| units[k].text.clone());
    metadata.captions = captions(units, facts, verdicts);
    metadata.credits = closing_credit(units, verdicts, region);
    metadata
}

/// A standfirst stands within this many units after the headline.
const STANDFIRST_WINDOW: usize = 4;

/// The standfirst: running text between the headline at `t` and the article region, with
/// only lifted or dropped units before it (byline, date, share buttons, a caption). It makes
/// the best description; rule `standfirst_in_body` ([`lead_region`]) also keeps it in the body
/// when nothing but dropped units stands between it and the article.
///
/// Example: the headline, "Da un mese la biblioteca civica resta aperta la sera…", "di
/// Chiara Bellandi", the date, then the body.
fn standfirst_at(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &[Option<&'static str>],
    t: usize,
    region: &Range<usize>,
) -> Option<usize> {
    let end = region.start.min(t + 1 + STANDFIRST_WINDOW);
    (t + 1..end)
        .find(|&k| verdicts[k].is_none())
        .filter(|&k| region::body_like(&units[k], &facts[k]))
}

/// Tag and category lines are looked for up to this many units after the region.
const LISTS_AFTER: usize = 12;
/// A kicker block above the headline has at most this many lines.
const MAX_KICKER_LINES: usize = 2;

/// The section named by a breadcrumb line ("Accueil > Lozère > Économie") in `range`, which
/// is marked "breadcrumb". The most specific crumb that is not the headline wins.
fn breadcrumb_section(
    units: &[Unit],
    verdicts: &mut [Option<&'static str>],
    range: Range<usize>,
    title: Option<&str>,
) -> Option<String> {
    for k in range {
        if !matches!(verdicts[k], None | Some("link-list")) {
            continue;
        }
        let Some(crumbs) = labels::crumbs(&units[k].text) else {
            continue;
        };
        if let Some(section) = labels::section_of_crumbs(&crumbs, title) {
            if verdicts[k].is_none() {
                verdicts[k] = Some("breadcrumb");
            }
            return Some(section);
        }
    }
    None
}

/// The kicker above the headline at `t`: the short line just before it, or the first of a
/// two-line block ("Wirtschaft" over "Deutschland", a section over a region label). The
/// last entry of a menu printed right above the headline ("… Contact, Search") is no kicker:
/// a run of more than [`MAX_KICKER_LINES`] short lines without a blank line is a menu.
/// The kicker lines are marked "section".
fn kicker(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    t: usize,
) -> Option<String> {
    let short = |k: usize| {
        verdicts[k].is_none()
            && facts[k].words <= MAX_KICKER_WORDS
            && !facts[k].sentence_end
            && !units[k].text.is_empty()
            && find_dates(&units[k].text, DayOrder::DayFirst).is_empty()
    };
    let last = t.checked_sub(1).filter(|&k| short(k))?;
    let mut first = last;
    while !units[first].blank_before && first > 0 && short(first - 1) {
        first -= 1;
        if last - first + 1 > MAX_KICKER_LINES {
            return None;
        }
    }
    for v in &mut verdicts[first..=last] {
        *v = Some("section");
    }
    Some(units[first].text.clone())
}

/// Tags and the first category (the section, when nothing above the headline named one)
/// from labelled lines in `range` ("Tags: mites, varroa", "Categories: Beekeeping Diary").
fn lift_labelled_lists(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    range: Range<usize>,
    source: &str,
    metadata: &mut Metadata,
) {
    for k in range {
        let lower = &facts[k].lower;
        let labelled = lower.len() == units[k].text.len()
            && (lower.as_bytes()[..lower.len().min(24)].contains(&b':')
                || lower.starts_with("tagged")
                || lower.starts_with("filed under")
                || lower.starts_with("posted in"));
        if !labelled || verdicts[k].is_some_and(|v| v.starts_with("title")) {
            continue;
        }
        let lists = labels::labelled_lists(&units[k].text, lower, source);
        for (label, values) in &lists {
            match label {
                Label::Tags if metadata.tags.is_empty() => metadata.tags = values.clone(),
                Label::Categories if metadata.section.is_none() => {
                    metadata.section = values.first().cloned();
                }
                _ => {}
            }
        }
        if !lists.is_empty() && verdicts[k].is_none() {
            verdicts[k] = Some("tag-line");
        }
    }
}

/// A lead (standfirst) has at least this many words (fewer: a kicker, a byline, a label).
const LEAD_MIN_WORDS: usize = 8;
/// A lead has at most this many words.
const LEAD_MAX_WORDS: usize = 80;
/// The lead is looked for within this many units after the title.
const LEAD_WINDOW: usize = 8;

/// Rule `lead_after_title`: the article starts at its lead, the first unit of running text
/// after the lifted title, when the region found by density starts below it. Only a lead
/// written as a subtitle, without a closing full stop, is taken: it scores as a menu line and
/// never joins the body by density, while a lead ending in a full stop that the density left
/// out is, more often than not, a teaser's summary or the page's description repeated. Returns the region, started at the lead if there is one; the short lines left
/// between the lead and the body (byline pieces, labels, alt text) are marked
/// `between-lead-and-body`.
///
/// Example: "Title of the story" / "Jane Roe on why the harbour needs a new wall" /
/// "08.06.2019 14:23 von" / "Jane Roe" / "The harbour wall, built in 1901, …".
pub fn lead_region(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
) -> Range<usize> {
    let from = region.start.saturating_sub(LEAD_WINDOW + 1);
    let Some(title) = (from..region.start)
        .rev()
        .find(|&k| verdicts[k] == Some("title"))
    else {
        return region.clone();
    };
    let title_text = units[title].text.as_str();
    let lead_like = |k: usize, verdicts: &[Option<&'static str>]| {
        let f = &facts[k];
        let text = units[k].text.as_str();
        // Not a lead: the title printed again (a teaser of this very story), an embed's
        // address, a time stamp ("Updated Feb 7, 3:12 PM").
        let clock = text
            .as_bytes()
            .windows(4)
            .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
        verdicts[k].is_none()
            && !text.contains(title_text)
            && !text.contains("://")
            && !clock
            && (LEAD_MIN_WORDS..=LEAD_MAX_WORDS).contains(&f.words)
            && units[k].link_chars * 2 < f.chars.max(1)
            && !f.sentence_end
            && matches!(units[k].kind, Kind::Paragraph | Kind::Quote)
            && find_dates(&units[k].text, DayOrder::DayFirst).is_empty()
    };
    let Some(lead) = (title + 1..region.start).find(|&k| lead_like(k, verdicts)) else {
        return standfirst_start(units, facts, verdicts, title, region)
            .map_or_else(|| region.clone(), |k| k..region.end);
    };
    for k in lead + 1..region.start {
        if verdicts[k].is_none() && !lead_like(k, verdicts) {
            verdicts[k] = Some("between-lead-and-body");
        }
    }
    lead..region.end
}

/// Rule `standfirst_in_body`: a standfirst written as sentences, the first unit after the
/// title when only lifted or dropped lines (date, byline, caption, share buttons) stand
/// between the title, the standfirst and the article, starts the article: the lead belongs
/// to the body.
///
/// Example: "Ski station closes after two snowless winters" / "18 Feb 2024" / "Opened in 1968,
/// the small family station could not open its slopes for two winters." / a caption / the
/// body.
fn standfirst_start(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &[Option<&'static str>],
    title: usize,
    region: &Range<usize>,
) -> Option<usize> {
    standfirst_at(units, facts, verdicts, title, region)
        .filter(|&k| (k + 1..region.start).all(|j| verdicts[j].is_some()))
}

/// The title: a short, unpunctuated unit just before the article, best matching the URL.
fn find_title(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &[Option<&'static str>],
    head: Range<usize>,
    region: &Range<usize>,
    url: Option<&str>,
) -> Option<usize> {
    let slug = url.map(slug_words).unwrap_or_default();
    let mut best: Option<(i64, usize)> = None;
    for k in head.start..region.start.min(units.len()) {
        let (unit, f) = (&units[k], &facts[k]);
        if verdicts[k].is_some()
            || f.words < 2
            || f.words > 30
            || region::body_like(unit, f)
            || unit.text.ends_with('.')
            || matches!(unit.kind, Kind::Item { .. })
        {
            continue;
        }
        let mut score = k as i64 - region.start as i64;
        score += match unit.kind {
            Kind::Heading(1) => 20,
            Kind::Heading(_) => 8,
            _ => 0,
        };
        if (4..=20).contains(&f.words) {
            score += 5;
        }
        if !slug.is_empty() {
            let words: Vec<String> = slug_words(&f.lower);
            let hits = words.iter().filter(|w| slug.contains(w)).count();
            score += (30 * hits / words.len().max(1)) as i64;
        }
        // A date only lowers the score: a unit that cannot beat the best without it is not
        // read for dates.
        if best.is_some_and(|(s, _)| score <= s) {
            continue;
        }
        if !find_dates(&unit.text, DayOrder::DayFirst).is_empty() {
            score -= 15;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, k));
        }
    }
    best.filter(|&(s, _)| s > -15).map(|(_, k)| k)
}

/// Lower-case ASCII-folded words of three letters or more (URL slugs and titles).
fn slug_words(text: &str) -> Vec<String> {
    let after_host = text
        .split("://")
        .nth(1)
        .map_or(text, |rest| rest.find('/').map_or("", |k| &rest[k..]));
    after_host
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

fn lift_date_and_byline(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    near: Range<usize>,
    order: DayOrder,
    metadata: &mut Metadata,
) {
    for k in near {
        if facts[k].words > MAX_DATELINE_WORDS
            || matches!(verdicts[k], Some(r) if r != "link-list" && r != "date-stamp")
        {
            continue;
        }
        let text = &units[k].text;
        let lower = &facts[k].lower;
        if metadata.authors.is_empty()
            && let Some(opener) = BYLINE_OPENERS.iter().find(|o| lower.starts_with(**o))
        {
            metadata.authors = byline_names(&text[opener.len()..]);
            verdicts[k] = Some("byline");
        }
        let dates = find_dates(text, order);
        if metadata.authors.is_empty()
            && !dates.is_empty()
            && let Some(names) = byline_after_date(text, lower)
        {
            metadata.authors = names;
        }
        let mut lifted = false;
        for (at, date) in dates {
            let before = text.get(..at).map(lower_case).unwrap_or_default();
            if labels::ends_with_update_label(&before) {
                if metadata.modified.is_none() {
                    metadata.modified = Some(text_date(&date));
                    lifted = true;
                }
            } else if metadata.published.is_none() {
                metadata.published = Some(text_date(&date));
                metadata.date_source = Some("text".to_string());
                lifted = true;
            }
        }
        if lifted && matches!(verdicts[k], None | Some("date-stamp")) && !facts[k].sentence_end {
            verdicts[k] = Some("dateline");
        }
    }
}

/// A date as the issue asks: with its time only when the text gives the UTC offset or zone
/// too ("14:03 CET"); the day alone otherwise, as on the HTML path.
fn text_date(date: &FoundDate) -> String {
    if date.offset_seconds.is_some() {
        date.to_iso()
    } else {
        date.date.format("%Y-%m-%d").to_string()
    }
}

/// The names after a byline word inside a dateline: "Posted on March 5, 2024 by Clara
/// Penhallow" gives "Clara Penhallow". Every name word must open with a capital.
fn byline_after_date(text: &str, lower: &str) -> Option<Vec<String>> {
    if lower.len() != text.len() {
        return None;
    }
    let at = BYLINE_OPENERS
        .iter()
        .filter_map(|o| lower.find(&format!(" {o}")).map(|k| k + 1 + o.len()))
        .min()?;
    let names = byline_names(text.get(at..)?);
    let capitalised = |n: &String| {
        n.split(' ')
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    (!names.is_empty() && names.iter().all(capitalised)).then_some(names)
}

/// The names of a byline: "Jane Doe and John Roe - Nov 19, 2019" gives two names.
fn byline_names(rest: &str) -> Vec<String> {
    let names = rest
        .split([',', '|', '—', '–', '•'])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("");
    let mut out = vec![names.to_string()];
    for sep in NAME_SEPARATORS {
        out = out
            .iter()
            .flat_map(|n| n.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    out.into_iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty() && n.split(' ').count() <= 4)
        .collect()
}

/// Captions with their credits; the alt text line just before a caption is claimed too.
fn captions(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
) -> Vec<Caption> {
    let mut out = Vec::new();
    for k in 0..units.len() {
        if verdicts[k].is_none_or(|v| v != "caption") {
            continue;
        }
        let text = &units[k].text;
        let start = super::rules::credit_start(text)
            .or_else(|| super::credits::bare_credit_start(text))
            .unwrap_or(text.len());
        let mut image = None;
        if let Some(prev) = k.checked_sub(1) {
            if verdicts[prev].is_none()
                && facts[prev].words <= 15
                && !facts[prev].sentence_end
                && !matches!(units[prev].kind, Kind::Heading(_))
            {
                verdicts[prev] = Some("image-alt");
            }
            image = units[prev]
                .images
                .iter()
                .map(|(_, src)| src.clone())
                .find(|s| !s.is_empty());
        }
        let caption = text[..start]
            .trim()
            .trim_end_matches(['(', '|', '/'])
            .trim();
        out.push(Caption {
            text: caption.to_string(),
            credit: Some(text[start..].trim().to_string()).filter(|c| !c.is_empty()),
            image,
        });
    }
    out
}

/// The closing credit line ("hk/uh (dpa, afp, rtr, ap)") at the region's end or just after.
fn closing_credit(
    units: &[Unit],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
) -> Option<String> {
    let from = region.end.saturating_sub(1).max(region.start);
    let to = (region.end + 3).min(units.len());
    for k in from..to {
        if is_credit_line(&units[k].text) {
            verdicts[k] = Some("credits");
            return Some(units[k].text.clone());
        }
    }
    None
}

/// "hk/uh (dpa, afp, rtr, ap)", "(dpa)", "jd/ab (Reuters)": a sign-off of initials and agencies
/// ([`signoff::parse`](crate::metadata::signoff::parse)) that closes with agencies in
/// parentheses. The lines read here stand at the article's end or after it, among the
/// page's links: a bare "Shop/Hilfe" there is a menu as often as a sign-off ("ab/APA"), so the
/// parentheses are asked for.
pub fn is_credit_line(text: &str) -> bool {
    crate::metadata::signoff::parse(text).is_some_and(|s| s.list_items > 0) && !is_url(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lead_after_the_title_starts_the_article() {
        let text = "Home\nNews\n\nA title for the story\n\nJane Roe on why the BODY_TEXT harbour \
                    needs a new wall\n\nvon\n\nJane Roe\n\nThe harbour wall, built in 1901, is \
                    crumbling, engineers said on Monday.\n";
        let units = super::super::segment::segment(text);
        let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
        let mut verdicts = vec![None; units.len()];
        verdicts[2] = Some("title");
        let region = lead_region(&units, &facts, &mut verdicts, &(6..7));
        assert_eq!(region, 3..7);
        assert_eq!(verdicts[4], Some("between-lead-and-body"));
        assert_eq!(verdicts[5], Some("between-lead-and-body"));
    }

    #[test]
    fn a_standfirst_with_only_dropped_lines_around_it_starts_the_article() {
        let text = "A title for the story\n\n18 Feb 2024\n\nOpened in 1968, the small station \
                    could not open its slopes for two winters. The council voted to close it.\n\n\
                    The lifts, idle for two winters.\n\nThe BODY_TEXT runs on for a while, as \
                    sentences in an article do, with commas and a full stop.\n";
        let units = super::super::segment::segment(text);
        let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
        let mut verdicts = vec![None; units.len()];
        verdicts[0] = Some("title");
        verdicts[1] = Some("dateline");
        verdicts[3] = Some("caption");
        assert_eq!(lead_region(&units, &facts, &mut verdicts, &(4..5)), 2..5);
        // A line nobody dropped between the standfirst and the body: the region stays.
        verdicts[3] = None;
        assert_eq!(lead_region(&units, &facts, &mut verdicts, &(4..5)), 4..5);
    }

    #[test]
    fn credit_lines() {
        assert!(is_credit_line("hk/uh (dpa, afp, rtr, ap)"));
        assert!(is_credit_line("(dpa)"));
        assert!(is_credit_line("ab/cd (dpa, rtr)"));
        assert!(!is_credit_line(
            "The minister (who was in Berlin) said so (later)."
        ));
        assert!(!is_credit_line(
            "Bundeskriminalamt (BKA) ermittelt weiter gegen die Täter"
        ));
        // A bare head is a menu as often as a sign-off here: the list is asked for.
        assert!(!is_credit_line("zq/AXN"));
        assert!(is_credit_line("zq/AXN (Agentur Nord)"));
        assert!(!is_credit_line("(Photo by Jane Roe for the MENU_TEXT)"));
    }

    #[test]
    fn byline_names_are_split() {
        assert_eq!(
            byline_names("Jane Doe and John Roe - Nov 19, 2019"),
            vec!["Jane Doe", "John Roe"]
        );
    }

    fn lifted(text: &str, url: Option<&str>) -> Metadata {
        let units = super::super::segment::segment(text);
        let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
        let mut verdicts: Vec<Option<&'static str>> = units
            .iter()
            .zip(&facts)
            .map(|(u, f)| super::super::rules::first_match(u, f))
            .collect();
        let region = region::find(&units, &facts, &verdicts);
        lift(
            &units,
            &facts,
            &mut verdicts,
            &region,
            url,
            DayOrder::DayFirst,
            text,
        )
    }

    const BODY: &str = "The BODY_TEXT paragraph runs on for a while, as sentences in an \
                        article do, and then it runs on a little more.";

    #[test]
    fn a_menu_entry_above_the_headline_is_no_kicker() {
        let text = format!(
            "Home\nAbout\nRecipes\nContact\nSearch\nA headline for the story\n{BODY}\n{BODY}\n"
        );
        assert_eq!(lifted(&text, None).section, None);
        let text = format!(
            "Home\nAbout\n\nEconomy\nGermany\n\nA headline for the story\n\n{BODY}\n\n{BODY}\n"
        );
        assert_eq!(lifted(&text, None).section.as_deref(), Some("Economy"));
    }

    #[test]
    fn breadcrumbs_tags_update_dates_and_bylines_are_lifted() {
        let text = format!(
            "Home > Culture\n\nA headline for the story\n\nPosted on 5 March 2024, 14:03 by \
             Jane Roe - Updated 6 March 2024, 09:30\n\n{BODY}\n\n{BODY}\n\nTags: one, two \
             words\n\n© 2024 The Daily Example | Privacy\n"
        );
        let m = lifted(&text, None);
        assert_eq!(m.section.as_deref(), Some("Culture"));
        assert_eq!(m.published.as_deref(), Some("2024-03-05"));
        assert_eq!(m.modified.as_deref(), Some("2024-03-06"));
        assert_eq!(m.authors, vec!["Jane Roe"]);
        assert_eq!(m.tags, vec!["one", "two words"]);
        assert_eq!(m.site_name.as_deref(), Some("The Daily Example"));
    }

    #[test]
    fn a_time_keeps_its_offset_only() {
        let text =
            format!("A headline for the story\n\n5 March 2024, 14:03 CET\n\n{BODY}\n\n{BODY}\n");
        assert_eq!(
            lifted(&text, None).published.as_deref(),
            Some("2024-03-05T14:03:00+01:00")
        );
    }

    #[test]
    fn slug_words_skip_the_host() {
        assert_eq!(
            slug_words("https://www.dw.com/de/cyber-angriff-gegen-is/a-51404999"),
            vec!["cyber", "angriff", "gegen", "51404999"]
        );
    }
}
