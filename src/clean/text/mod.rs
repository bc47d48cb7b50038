//! The saved-text path: from a page saved as plain text (a text browser's dump, a browser's
//! select-all copy, a Markdown-like conversion) to body blocks and the metadata in the text.
//!
//! Takes decoded text and the page's URL if known; returns an [`Extraction`] and the
//! [`Metadata`] lifted out of the text. The phases: [`segment`] the text into units (joining
//! hard-wrapped lines), judge each unit with the named [`rules`], find the article [`region`]
//! (the densest run of sentence-like units), [`lift`] title, section, date, byline, short URL,
//! captions and credits out of it, drop teasers of other articles inside it ([`teasers`]) and what closes
//! the region without belonging to the article ([`tail`]), then emit the units left inside the region as blocks.
//! Never reads HTML and never writes output.

pub mod credits;
pub mod labels;
pub mod language;
pub mod layout;
pub mod lift;
pub mod markup;
pub mod masthead;
pub mod notes;
pub mod region;
pub mod rules;
pub mod segment;
pub mod share;
pub mod tail;
pub mod teasers;

use super::Extraction;
use crate::article::{Block, Dropped, ListItem, Metadata, Span};
use crate::metadata::date::DayOrder;
use crate::options::CleanOptions;
use rules::Facts;
use segment::{Kind, Unit};
use std::ops::Range;

/// The day order used before the page's language is known (only to tell "25. November" from
/// a list item).
pub(crate) const DAY_FIRST: DayOrder = DayOrder::DayFirst;
/// A run of at least this many short, unpunctuated units inside the article is a menu.
const NAV_RUN_MIN: usize = 4;
/// Units in a menu run have at most this many words.
const NAV_WORDS: usize = 4;
/// A subheading has at most this many words.
const HEADING_MAX_WORDS: usize = 15;
/// Bytes of body text sampled to detect the language.
const LANGUAGE_SAMPLE: usize = 240;
/// Extracts the body and metadata of a page saved as text; `url` is the page's address if
/// known (it helps find the title).
pub fn extract(text: &str, options: &CleanOptions, url: Option<&str>) -> (Extraction, Metadata) {
    let units = segment::segment(text);
    let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
    let mut verdicts: Vec<Option<&'static str>> = units
        .iter()
        .zip(&facts)
        .map(|(unit, f)| rules::first_match(unit, f))
        .collect();
    let region = region::find(&units, &facts, &verdicts);
    let language = language(&units, &facts, &region);
    let order = match language {
        Some(whatlang::Lang::Eng) | None => DayOrder::MonthFirst,
        Some(_) => DayOrder::DayFirst,
    };
    let mut metadata = lift::lift(&units, &facts, &mut verdicts, &region, url, order, text);
    let region = lift::lead_region(&units, &facts, &mut verdicts, &region);
    metadata.language_detected =
        language.map(|l| crate::iso_639_1(l).unwrap_or(l.code()).to_string());
    teasers::mark_teaser_items(&units, &facts, &mut verdicts);
    mark_navigation_runs(&units, &facts, &mut verdicts, &region);
    mark_repeats(&units, &mut verdicts, &region);
    mark_author_bio(&units, &facts, &mut verdicts, &region, &metadata.authors);
    teasers::mark(&units, &facts, &mut verdicts, &region);
    let listed = region::introduced_lists(&units, &facts, &verdicts);
    tail::mark(&units, &facts, &mut verdicts, &region, &listed);
    let blocks = emit(&units, &facts, &verdicts, &region);
    let first_paragraph = blocks.iter().find_map(|b| match b {
        Block::Paragraph { .. } => Some(b.text()),
        _ => None,
    });
    metadata.description = metadata.description.take().or(first_paragraph);
    let dropped = if options.explain {
        explain(&units, &verdicts, &region)
    } else {
        Vec::new()
    };
    (Extraction { blocks, dropped }, metadata)
}

/// The language of the region's text (whatlang), which decides the day/month order of dates.
fn language(units: &[Unit], facts: &[Facts], region: &Range<usize>) -> Option<whatlang::Lang> {
    language::identify(&language_sample(units, facts, region))
}

/// The region's body-like units, each followed by a space, cut to at most [`LANGUAGE_SAMPLE`]
/// bytes (at a character boundary): the sample the language is named from.
fn language_sample(units: &[Unit], facts: &[Facts], region: &Range<usize>) -> String {
    let mut sample = String::new();
    for k in region.clone() {
        if sample.len() > LANGUAGE_SAMPLE {
            break;
        }
        if region::body_like(&units[k], &facts[k]) {
            sample.push_str(&units[k].text);
            sample.push(' ');
        }
    }
    let mut cut = sample.len().min(LANGUAGE_SAMPLE);
    while !sample.is_char_boundary(cut) {
        cut -= 1;
    }
    sample.truncate(cut);
    sample
}

/// Marks runs of short, unpunctuated units inside the region as a menu.
///
/// Example: "Home / World / Sport / Culture" on four lines between two paragraphs.
fn mark_navigation_runs(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
) {
    let listed = region::introduced_lists(units, facts, verdicts);
    let short = |k: usize, verdicts: &[Option<&'static str>]| {
        verdicts[k].is_none()
            && !listed[k]
            && facts[k].words <= NAV_WORDS
            && !facts[k].sentence_end
            && !matches!(units[k].kind, Kind::Item { .. } | Kind::Heading(_))
            && !code_like(&units[k].text)
    };
    let mut k = region.start;
    while k < region.end {
        let start = k;
        while k < region.end && short(k, verdicts) {
            k += 1;
        }
        if k - start >= NAV_RUN_MIN {
            for v in &mut verdicts[start..k] {
                *v = Some("navigation-run");
            }
        }
        k = k.max(start + 1);
    }
}

/// True when a short line reads as program code rather than a menu entry: it holds an
/// operator, a brace, a call's bracket, or a dot joining two lower-case names ("from django.conf import
/// settings", "x = 1", "main()"). Such lines are kept out of navigation runs.
fn code_like(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().any(|b| b"={};".contains(b))
        || bytes
            .windows(2)
            .any(|w| w[1] == b'(' && (w[0].is_ascii_alphanumeric() || w[0] == b'_'))
        || bytes
            .windows(3)
            .any(|w| w[1] == b'.' && w[0].is_ascii_lowercase() && w[2].is_ascii_lowercase())
}

/// A repeat is at least this many bytes long (short lines such as "Photo" or a name may
/// repeat for good reasons).
const REPEAT_MIN_BYTES: usize = 40;

/// Marks a unit whose text already appeared, kept, earlier in the region: the same
/// caption printed under a picture and again in a gallery, a pull quote repeating a body
/// sentence. The first copy stays, so no text is lost.
///
/// Example: "The petition signed by a group of bakers for the city council" three times.
fn mark_repeats(units: &[Unit], verdicts: &mut [Option<&'static str>], region: &Range<usize>) {
    // Sorted by text, then by position: every copy after the first of a text follows it.
    // (Sorting short texts costs less than hashing them, and no page can make it slow.)
    let mut texts: Vec<(&str, usize)> = region
        .clone()
        .filter(|&k| verdicts[k].is_none() && units[k].text.len() >= REPEAT_MIN_BYTES)
        .map(|k| (units[k].text.as_str(), k))
        .collect();
    texts.sort_unstable();
    for pair in texts.windows(2) {
        if pair[0].0 == pair[1].0 {
            verdicts[pair[1].1] = Some("repeated-text");
        }
    }
}

/// An author bio has at most this many words.
const BIO_MAX_WORDS: usize = 90;

/// Marks the paragraphs at the end of the article that open with the name of the byline's
/// author: the bio printed after the text. Only the article's tail is read, back from its
/// end to the first body paragraph that does not open with the name, so a paragraph inside
/// the article that names its author is kept.
///
/// Example: "By Jane Roe" under the title, and "Jane Roe is a staff writer covering
/// science." as the last paragraph.
fn mark_author_bio(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
    authors: &[String],
) {
    let names: Vec<String> = authors
        .iter()
        .filter(|a| a.contains(' '))
        .map(|a| rules::lower_case(a.trim()) + " ")
        .collect();
    if names.is_empty() {
        return;
    }
    for k in region.clone().rev() {
        if verdicts[k].is_some() || !region::body_like(&units[k], &facts[k]) {
            continue;
        }
        let opens = names.iter().any(|n| facts[k].lower.starts_with(n.as_str()));
        if !opens || facts[k].words > BIO_MAX_WORDS || k == region.start {
            return;
        }
        verdicts[k] = Some("author-bio");
    }
}

/// Emits the units left in the region as blocks.
fn emit(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &[Option<&'static str>],
    region: &Range<usize>,
) -> Vec<Block> {
    let kept: Vec<usize> = region.clone().filter(|&k| verdicts[k].is_none()).collect();
    // The short lines of a list introduced by a colon line are its items, bullets or not;
    // a line ending in a colon among them introduces the next list.
    let listed = region::introduced_lists(units, facts, verdicts);
    let mut blocks: Vec<Block> = Vec::new();
    for (n, &k) in kept.iter().enumerate() {
        let unit = &units[k];
        let kind = match unit.kind {
            Kind::Paragraph if listed[k] && !unit.text.ends_with(':') => Kind::Item {
                ordered: false,
                depth: 0,
            },
            kind => kind,
        };
        let spans = vec![Span::plain(unit.text.clone())];
        let next_is_body = kept
            .get(n + 1)
            .is_some_and(|&j| region::body_like(&units[j], &facts[j]));
        match kind {
            Kind::Heading(level) => blocks.push(Block::Heading {
                level: level.clamp(2, 6),
                spans,
            }),
            Kind::Item { ordered, depth } => {
                let item = ListItem { depth, spans };
                match blocks.last_mut() {
                    Some(Block::List { items, .. }) => items.push(item),
                    _ => blocks.push(Block::List {
                        ordered,
                        items: vec![item],
                    }),
                }
            }
            Kind::Quote => match blocks.last_mut() {
                Some(Block::Quote { paragraphs }) => paragraphs.push(spans),
                _ => blocks.push(Block::Quote {
                    paragraphs: vec![spans],
                }),
            },
            Kind::Paragraph
                if next_is_body
                    && facts[k].words <= HEADING_MAX_WORDS
                    && !facts[k].sentence_end =>
            {
                blocks.push(Block::Heading { level: 2, spans })
            }
            Kind::Paragraph => blocks.push(Block::Paragraph { spans }),
        }
    }
    blocks
}

/// What was dropped and why, in document order.
fn explain(
    units: &[Unit],
    verdicts: &[Option<&'static str>],
    region: &Range<usize>,
) -> Vec<Dropped> {
    let mut dropped = Vec::new();
    for (k, unit) in units.iter().enumerate() {
        let rule = match verdicts[k] {
            Some(rule) => rule,
            None if !region.contains(&k) => "outside-article",
            None => continue,
        };
        let text = if unit.text.is_empty() {
            unit.images
                .first()
                .map(|(alt, _)| alt.as_str())
                .unwrap_or("")
        } else {
            &unit.text
        };
        dropped.push(Dropped::new(rule, text));
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_introduced_by_a_colon_is_kept_with_its_article() {
        let body = "The BODY_TEXT paragraph runs on for a while, as sentences in a recipe do.";
        let mut text = format!("Home\nRecipes\nAbout\nContact\n\n{body}\n\nIngredients:\n");
        for item in [
            "300 g flour",
            "1 tsp LIST_ITEM",
            "200 g sugar",
            "1 egg",
            "1 pinch salt",
        ] {
            text.push_str(item);
            text.push('\n');
        }
        text.push_str(&format!("\n{body} Bake it.\n"));
        let (extraction, _) = extract(&text, &CleanOptions::default(), None);
        let texts: Vec<String> = extraction.blocks.iter().map(Block::text).collect();
        assert!(texts.iter().any(|t| t.contains("LIST_ITEM")), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("Bake it.")), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("Contact")), "{texts:?}");
        assert!(
            matches!(&extraction.blocks[2], Block::List { items, .. } if items.len() == 5),
            "{:?}",
            extraction.blocks
        );
    }

    #[test]
    fn an_author_bio_after_the_article_is_dropped() {
        let body = "The BODY_TEXT paragraph runs on for a while, as sentences in an article do.";
        let text = format!(
            "Home\nNews\nSport\nCulture\n\nA title for the story\n\nBy Jane Roe\n\n{body}\n\n\
             {body} Two.\n\n{body} Three.\n\nJane Roe is a MENU_TEXT staff writer covering \
             science and the climate for the paper.\n"
        );
        let (extraction, metadata) = extract(&text, &CleanOptions::default(), None);
        let texts: Vec<String> = extraction.blocks.iter().map(Block::text).collect();
        assert_eq!(metadata.authors, vec!["Jane Roe"]);
        assert!(!texts.iter().any(|t| t.contains("MENU_TEXT")), "{texts:?}");
        assert_eq!(texts.len(), 3, "{texts:?}");
    }

    #[test]
    fn lines_of_code_are_no_menu() {
        let body = "The BODY_TEXT paragraph runs on for a while, as sentences in an article do, \
                    and then it runs on for a while more, with commas and words, until it ends.";
        let text = format!(
            "{body}\n\nimport os\nfrom django.conf import CODE_LINE\nx = compute()\n\
             run(x)\nprint(x)\n\n{body} Again.\n"
        );
        let (extraction, _) = extract(&text, &CleanOptions::default(), None);
        let texts: Vec<String> = extraction.blocks.iter().map(Block::text).collect();
        assert!(texts.iter().any(|t| t.contains("CODE_LINE")), "{texts:?}");
        assert!(code_like("x = 1") && code_like("main()") && code_like("a.b import c"));
        assert!(!code_like("(BUTTON) Debatte") && !code_like("Home") && !code_like("Sport"));
    }

    #[test]
    fn a_repeated_paragraph_is_kept_once() {
        let body = "The BODY_TEXT paragraph runs on for a while, as sentences in an article do.";
        let caption = "The REPEATED caption under a picture of the harbour at dawn, shown twice.";
        let text = format!("{body}\n\n{caption}\n\n{body} Again.\n\n{caption}\n\n{body} End.\n");
        let (extraction, _) = extract(&text, &CleanOptions::default(), None);
        let texts: Vec<String> = extraction.blocks.iter().map(Block::text).collect();
        assert_eq!(
            texts.iter().filter(|t| t.contains("REPEATED")).count(),
            1,
            "{texts:?}"
        );
        assert_eq!(texts.len(), 4, "{texts:?}");
    }
}
