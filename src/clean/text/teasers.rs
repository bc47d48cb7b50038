//! Teaser lists inside an article: the headlines listed under a "Related", "Lire aussi :" or
//! "Leggi anche" label that a rule already dropped.
//!
//! Takes the units, their facts and verdicts; marks the list items that follow such a label
//! as "related-item". Only list items are taken (a plain short line after the label may be the
//! article's next subheading); never touches body-like units.

use super::region;
use super::rules::{Facts, SHORT_WORDS};
use super::segment::{Kind, Unit};

/// Rules whose match is a label announcing links to other articles.
const LABEL_RULES: &[&str] = &["related-links", "inline-teaser"];
/// A teaser label announces at most this many items.
const MAX_TEASER_ITEMS: usize = 8;
/// A teaser headline has at most this many words.
const MAX_TEASER_WORDS: usize = 25;

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
                && facts[j].words <= MAX_TEASER_WORDS
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
    use super::*;

    #[test]
    fn items_after_a_related_label_go() {
        let text = "A paragraph of BODY_TEXT that runs on, as body text does, for a while.\n\n\
                    Lire aussi :\n  • MENU_TEXT one\n  • MENU_TEXT two\n\nNext heading\n\n\
                    Related\n\nA paragraph of BODY_TEXT that runs on.\n\n  * BODY_TEXT item\n";
        let units = super::super::segment::segment(text);
        let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
        let mut verdicts: Vec<Option<&'static str>> = units
            .iter()
            .zip(&facts)
            .map(|(u, f)| super::super::rules::first_match(u, f))
            .collect();
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
