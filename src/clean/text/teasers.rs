//! Teasers of other articles embedded inside the article region: the headlines under a
//! "Related" label between two paragraphs, the list items under a "Related", "Lire aussi :"
//! or "Leggi anche" label, and headlines that the page prints again in a teaser list after
//! the article.
//!
//! Takes the units, their facts, the verdicts so far and the region; marks teaser headlines
//! in the region. Only short units without sentence punctuation are marked, so no body
//! paragraph is ever dropped here. Never reads metadata.

use super::region::{self, body_like};
use super::rules::{Facts, SHORT_WORDS};
use super::segment::{Kind, Unit};
use std::ops::Range;

/// A teaser headline has at most this many words.
const MAX_TEASER_WORDS: usize = 20;
/// At most this many teasers follow a "Related" label inside the article.
const MAX_BOX_TEASERS: usize = 6;
/// A headline printed again below the article has at least this many words (short lines such
/// as a name or "Photos" repeat for good reasons).
const MIN_REPEATED_WORDS: usize = 4;

/// True when `k` may be a teaser headline: kept, short, not a sentence.
fn headline_like(unit: &Unit, facts: &Facts) -> bool {
    !unit.text.is_empty()
        && facts.words <= MAX_TEASER_WORDS
        && !facts.sentence_end
        && !facts.inner_sentence
        && !body_like(unit, facts)
}

/// Marks teaser headlines inside the region (rules `related-box-teaser` and
/// `teaser-repeated-below`).
pub fn mark(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
) {
    mark_related_boxes(units, facts, verdicts, region);
    mark_repeated_below(units, facts, verdicts, region);
    super::notes::mark(units, facts, verdicts, region);
}

/// Rule `related-box-teaser`: the headlines right after a "Related" label inside the article,
/// up to the next body paragraph. When the box held several teasers, the last headline
/// before the body (not a list item) is the subheading the article resumes with, and stays;
/// the box's list items that rule `related-item` took count among its teasers.
///
/// Example: a paragraph, "Related", "Inside the Town Hall, Doubts Begin to Creep In", then
/// the article's next paragraph; or "Related", two teasers, "What happens next", paragraph.
fn mark_related_boxes(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
) {
    for k in region.clone() {
        if verdicts[k] != Some("related-links") {
            continue;
        }
        let mut j = k + 1;
        let mut run: Vec<usize> = Vec::new();
        let mut resumes = false;
        // Teasers of the box that rule `related-item` already took as list items.
        let mut listed = 0;
        while j < region.end && run.len() < MAX_BOX_TEASERS {
            if verdicts[j].is_some() {
                listed += usize::from(verdicts[j] == Some("related-item"));
                j += 1;
                continue;
            }
            if !headline_like(&units[j], &facts[j]) {
                resumes = body_like(&units[j], &facts[j]);
                break;
            }
            run.push(j);
            j += 1;
        }
        if resumes
            && run.len() + listed >= 2
            && let Some(&last) = run.last()
            && !matches!(units[last].kind, Kind::Item { .. })
        {
            run.pop();
        }
        for j in run {
            verdicts[j] = Some("related-box-teaser");
        }
    }
}

/// Rule `teaser-repeated-below`: a headline inside the article that the page prints again
/// after the article ends is the headline of a teaser (a subheading is printed once).
///
/// Example: "Namibians Want the Monuments Gone" between two paragraphs and again in the
/// "More on this topic" list under the article.
fn mark_repeated_below(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
) {
    // The candidates are few: they are sorted once, and each text below the article is
    // looked up among them (no hashing of every unit below). They are sorted by length
    // first, so most look-ups compare lengths, not texts.
    let mut candidates: Vec<(usize, &str, usize)> = region
        .clone()
        .filter(|&k| {
            verdicts[k].is_none()
                && facts[k].words >= MIN_REPEATED_WORDS
                && headline_like(&units[k], &facts[k])
        })
        .map(|k| (units[k].text.len(), units[k].text.as_str(), k))
        .collect();
    if candidates.is_empty() {
        return;
    }
    candidates.sort_unstable();
    for unit in &units[region.end.min(units.len())..] {
        let text = unit.text.as_str();
        let from = candidates.partition_point(|&(n, t, _)| (n, t) < (text.len(), text));
        for &(_, t, k) in &candidates[from..] {
            if t != text {
                break;
            }
            verdicts[k] = Some("teaser-repeated-below");
        }
    }
}

/// Rules whose match is a label announcing links to other articles.
const LABEL_RULES: &[&str] = &["related-links", "inline-teaser"];
/// A teaser label announces at most this many items.
const MAX_TEASER_ITEMS: usize = 8;
/// A listed teaser headline (rule `related-item`) has at most this many words.
const MAX_LISTED_TEASER_WORDS: usize = 25;

/// Marks the list items right after a teaser label.
///
/// Example: "Related" then "* Bus operator cuts Sunday services across the Dales" and
/// "* Parish council backs 20mph limit" between two paragraphs: both items go.
pub fn mark_teaser_items(units: &[Unit], facts: &[Facts], verdicts: &mut [Option<&'static str>]) {
    for k in 0..units.len() {
        let label = verdicts[k].is_some_and(|v| LABEL_RULES.contains(&v))
            && facts[k].words <= SHORT_WORDS
            && !matches!(units[k].kind, Kind::Item { .. });
        if !label {
            continue;
        }
        let end = (k + 1 + MAX_TEASER_ITEMS).min(units.len());
        for j in k + 1..end {
            let teaser = matches!(units[j].kind, Kind::Item { .. })
                && matches!(verdicts[j], None | Some("link-list"))
                && facts[j].words <= MAX_LISTED_TEASER_WORDS
                && !region::body_like(&units[j], &facts[j]);
            if !teaser {
                break;
            }
            verdicts[j] = Some("related-item");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::rules::first_match;
    use super::super::segment::segment;
    use super::*;

    /// The units of `text`, their facts and the verdicts of the line rules.
    fn judged(text: &str) -> (Vec<Unit>, Vec<Facts>, Vec<Option<&'static str>>) {
        let units = segment(text);
        let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
        let verdicts = units
            .iter()
            .zip(&facts)
            .map(|(u, f)| first_match(u, f))
            .collect();
        (units, facts, verdicts)
    }

    fn marked(text: &str, region_len: Option<usize>) -> Vec<Option<&'static str>> {
        let (units, facts, mut verdicts) = judged(text);
        let region = 0..region_len.unwrap_or(units.len());
        mark(&units, &facts, &mut verdicts, &region);
        verdicts
    }

    #[test]
    fn headlines_after_a_related_label_are_teasers() {
        let body = "The BODY_TEXT paragraph runs on for a while, as sentences in an article do.";
        let text = format!(
            "{body}\n\nRelated\n\nInside the Town Hall, MENU_TEXT Doubts Begin to Creep In\n\n\
             {body} Two.\n\nA subheading\n\n{body} Three.\n"
        );
        assert_eq!(
            marked(&text, None),
            vec![
                None,
                Some("related-links"),
                Some("related-box-teaser"),
                None,
                None,
                None
            ]
        );
    }

    #[test]
    fn the_subheading_after_a_related_box_stays() {
        let body = "The BODY_TEXT paragraph runs on for a while, as sentences in an article do.";
        let text = format!(
            "{body}\n\nRelated\n\nMENU_TEXT teaser one about buses\n\n\
             MENU_TEXT teaser two about roads\n\nWhat happens next\n\n{body} Two.\n"
        );
        assert_eq!(
            marked(&text, None),
            vec![
                None,
                Some("related-links"),
                Some("related-box-teaser"),
                Some("related-box-teaser"),
                None,
                None
            ]
        );
    }

    #[test]
    fn a_headline_printed_again_below_the_article_is_a_teaser() {
        let body = "The BODY_TEXT paragraph runs on for a while, as sentences in an article do.";
        let text = format!(
            "{body}\n\nNamibians Want the MENU_TEXT Monuments Gone\n\n{body} Two.\n\n\
             A real subheading here\n\n{body} Three.\n\nNamibians Want the MENU_TEXT Monuments Gone\n"
        );
        assert_eq!(
            marked(&text, Some(5)),
            vec![None, Some("teaser-repeated-below"), None, None, None, None]
        );
    }

    #[test]
    fn listed_teasers_taken_first_leave_the_next_subheading() {
        let text = "A paragraph of body text that runs on, as body text does, for quite a while.\n\n\
                    Related\n\n  * Bus operator cuts Sunday services across the hills\n  \
                    * Parish council backs a lower speed limit\n\nWhat happens next\n\n\
                    The partnership now wants a shelter on the far platform, and it has begun to raise the money.\n";
        let (units, facts, mut verdicts) = judged(text);
        mark_teaser_items(&units, &facts, &mut verdicts);
        mark(&units, &facts, &mut verdicts, &(0..units.len()));
        for (u, v) in units.iter().zip(&verdicts) {
            match u.text.as_str() {
                "What happens next" => assert_eq!(*v, None),
                t if t.contains("Parish") || t.contains("Bus operator") => {
                    assert_eq!(*v, Some("related-item"), "{t}")
                }
                _ => {}
            }
        }
    }

    #[test]
    fn items_after_a_related_label_go() {
        let text = "A paragraph of BODY_TEXT that runs on, as body text does, for a while.\n\n\
                    Lire aussi :\n  • MENU_TEXT one\n  • MENU_TEXT two\n\nNext heading\n\n\
                    Related\n\nA paragraph of BODY_TEXT that runs on.\n\n  * BODY_TEXT item\n";
        let (units, facts, mut verdicts) = judged(text);
        mark_teaser_items(&units, &facts, &mut verdicts);
        for (u, v) in units.iter().zip(&verdicts) {
            if u.text.contains("MENU_TEXT") {
                assert_eq!(*v, Some("related-item"), "{}", u.text);
            }
            if u.text.contains("BODY_TEXT") || u.text == "Next heading" {
                assert_eq!(*v, None, "{}", u.text);
            }
        }
    }
}
