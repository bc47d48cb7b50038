//! The article region: the densest run of long, sentence-like units.
//!
//! Takes the units, their facts and the single-unit verdicts; returns the range of units that
//! holds the article. Each unit scores its length when it reads like body text and a penalty
//! when it reads like a menu entry, a button or a boundary ("Related", "Comments"); the region
//! is the run with the largest sum, so a line of noise between paragraphs never splits the
//! article, while a menu or a related list ends it. Never drops units itself.

use super::rules::Facts;
use super::segment::{Kind, Unit};
use std::ops::Range;

/// A body-like unit has at least this many words.
pub const BODY_MIN_WORDS: usize = 10;
/// Score of a short unit that is neither body text nor a rule's match (menu entries).
const SHORT_PENALTY: i64 = 25;
/// Score of a unit a rule found to be boilerplate.
const NOISE_PENALTY: i64 = 40;
/// Score of a unit that usually ends an article ("Related", "Comments", footers).
const BOUNDARY_PENALTY: i64 = 150;
/// Rules whose matches usually end an article.
const BOUNDARY_RULES: &[&str] = &[
    "related-links",
    "author-box",
    "comment-header",
    "comments",
    "footer",
    "newsletter",
    "date-stamp",
    "engagement-call",
];
/// A comment section starts at a dated or numbered comment header ("Jane on May 2, 2019
/// at 4:47 pm said:", "34 responses to …") once this much body text came before it.
const COMMENTS_AFTER_CHARS: i64 = 150;
/// Inside a comment section, body-like text counts this share (in percent) of its length:
/// nothing, so a long discussion never outweighs the short post it follows. Example: a
/// one-paragraph "open thread" post followed by six long comments.
const COMMENT_WEIGHT_PERCENT: i64 = 0;
/// Rules that end the article when found after enough of it.
const END_RULES: &[&str] = &["related-links", "comments", "comment-header", "author-box"];
/// How far after a "Related" heading the article may resume.
const RESUME_WINDOW: usize = 9;
/// An end rule cuts the region once this many body characters came before it...
const END_MIN_CHARS: i64 = 400;
/// ...or this share of the region's body characters.
const END_MIN_SHARE: f64 = 0.3;

/// A list introduced by a colon line is read for at most this many items.
const INTRODUCED_MAX_ITEMS: usize = 40;
/// A line introducing a list has at most this many words ("Zutaten:", "You will need:").
const INTRO_MAX_WORDS: usize = 12;

/// Marks the items of a list that a short line ending in a colon introduces: they count as
/// neither body nor menu in the region search, and no navigation run is cut out of them.
/// The items run until a unit a rule dropped, a body-like unit or a heading. Menus are
/// rarely announced with a colon, and when they are ("Share this:"), their entries are
/// caught by the rules, which end the list.
///
/// Example: "Zutaten:" then "250 g Dinkelmehl", "2 TL Zimt", "150 g Honig" in a recipe.
pub fn introduced_lists(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &[Option<&'static str>],
) -> Vec<bool> {
    let mut marks = vec![false; units.len()];
    let item = |k: usize| {
        verdicts[k].is_none()
            && !body_like(&units[k], &facts[k])
            && !matches!(units[k].kind, Kind::Heading(_))
    };
    let intro = |(verdict, (unit, facts)): (&Option<&str>, (&Unit, &Facts))| {
        verdict.is_none() && unit.text.ends_with(':') && facts.words <= INTRO_MAX_WORDS
    };
    let mut k = 0;
    while k < units.len() {
        // The next introducing line, by one pass over the three slices together (no bounds
        // check per unit): such lines are rare.
        let Some(at) = verdicts[k..]
            .iter()
            .zip(units[k..].iter().zip(&facts[k..]))
            .position(intro)
        else {
            break;
        };
        k += at + 1;
        let end = (k + INTRODUCED_MAX_ITEMS).min(units.len());
        while k < end && item(k) {
            marks[k] = true;
            k += 1;
        }
    }
    marks
}

/// Extra score of the first paragraph after the page's first dateline.
const ANCHOR_BONUS: i64 = 400;
/// A dateline has at most this many words.
const DATELINE_MAX_WORDS: usize = 16;
/// A date line holds at least this many digits (a year).
const DATE_MIN_DIGITS: usize = 4;
/// The first paragraph is looked for within this many units after the dateline.
const ANCHOR_WINDOW: usize = 8;

/// The first body-like unit right after the page's first dateline ("Veröffentlicht am
/// 4. März 2018 von Lena Brandt", "Nov. 25, 2019"): the article's start, given a
/// bonus so that a short post is not outweighed by a longer author bio or comment after it.
fn dateline_anchor(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &[Option<&'static str>],
) -> Option<usize> {
    let dateline = |k: usize| {
        matches!(verdicts[k], None | Some("date-stamp"))
            && facts[k].words <= DATELINE_MAX_WORDS
            && digits(&units[k].text) >= DATE_MIN_DIGITS
            && !crate::metadata::date::find_dates(
                &units[k].text,
                crate::metadata::date::DayOrder::DayFirst,
            )
            .is_empty()
    };
    let k = (0..units.len()).find(|&k| dateline(k))?;
    (k + 1..(k + 1 + ANCHOR_WINDOW).min(units.len()))
        .find(|&j| verdicts[j].is_none() && body_like(&units[j], &facts[j]))
}

/// True when a unit reads like a paragraph of running text.
pub fn body_like(unit: &Unit, facts: &Facts) -> bool {
    let chars = facts.chars.max(1);
    let linked = unit.link_chars * 2 >= chars;
    let punctuated = facts.sentence_end || facts.inner_sentence;
    !linked && facts.words >= BODY_MIN_WORDS && punctuated
}

/// The score of one unit for the region search.
fn score(unit: &Unit, facts: &Facts, verdict: Option<&str>) -> i64 {
    if let Some(rule) = verdict {
        return if BOUNDARY_RULES.contains(&rule) {
            -BOUNDARY_PENALTY
        } else {
            -NOISE_PENALTY
        };
    }
    let chars = facts.chars.saturating_sub(unit.link_chars) as i64;
    if body_like(unit, facts) {
        return chars;
    }
    if facts.sentence_end && facts.words >= 4 {
        return chars / 3;
    }
    if matches!(unit.kind, Kind::Heading(_)) {
        return -SHORT_PENALTY / 5;
    }
    if unpunctuated_prose(unit, facts) {
        return 0;
    }
    -SHORT_PENALTY
}

/// Prose has at most this share (in percent) of its words capitalised; a headline in title
/// case, a name list or a table row has more.
const PROSE_MAX_CAPITALISED_PERCENT: usize = 40;

/// Rule `unpunctuated_prose`: a long unlinked line of running words that only lacks its
/// closing punctuation (a sentence closed by an emoji, a parenthesis, a line cut short)
/// scores as neither body nor menu, so it no longer breaks the article around it. A
/// headline in title case or a table row is no such line: most of its words are capitalised.
///
/// Example: "Und sorry für den Zahlendreher bei der Postleitzahl (falls er jemandem aufgefallen
/// ist 😉 )" between the show notes and the episode's details.
fn unpunctuated_prose(unit: &Unit, facts: &Facts) -> bool {
    if facts.words < BODY_MIN_WORDS || unit.link_chars * 2 >= facts.chars {
        return false;
    }
    let (words, capitalised) = capitalised_words(&unit.text);
    capitalised * 100 <= words * PROSE_MAX_CAPITALISED_PERCENT
}

/// The words of `text` (runs of bytes between spaces) and how many of them open with an
/// upper-case letter.
fn capitalised_words(text: &str) -> (usize, usize) {
    // In runs of at most 255 byte pairs, counted into byte-wide sums without branches (vector
    // code): word starts, ASCII capitals opening a word, and other non-ASCII bytes opening
    // one. Only a text with such a word is read again byte by byte, decoding them.
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return (0, 0);
    };
    let opens = |prev: u8, b: u8| u8::from(prev == b' ') & u8::from(b != b' ');
    let (mut words, mut capitals, mut other) = (
        usize::from(first != b' '),
        usize::from(first.is_ascii_uppercase()),
        usize::from(first >= 0x80),
    );
    for (prev, next) in bytes.chunks(255).zip(bytes[1..].chunks(255)) {
        let (w, c, o) = prev
            .iter()
            .zip(next)
            .fold((0u8, 0u8, 0u8), |(w, c, o), (&p, &b)| {
                let start = opens(p, b);
                (
                    w + start,
                    c + (start & u8::from(b.is_ascii_uppercase())),
                    o + (start & u8::from(b >= 0x80)),
                )
            });
        words += usize::from(w);
        capitals += usize::from(c);
        other += usize::from(o);
    }
    if other == 0 {
        return (words, capitals);
    }
    // Bytes: a word opens after a space; only a word's first character is decoded, and only
    // when it is not ASCII.
    let (mut words, mut capitalised, mut at_start) = (0usize, 0usize, true);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b == b' ' {
            at_start = true;
        } else if at_start {
            at_start = false;
            words += 1;
            let upper = if b.is_ascii() {
                b.is_ascii_uppercase()
            } else {
                text.get(i..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_uppercase)
            };
            capitalised += usize::from(upper);
        }
    }
    (words, capitalised)
}

/// The article's range of units: the maximum-sum run of unit scores.
pub fn find(units: &[Unit], facts: &[Facts], verdicts: &[Option<&'static str>]) -> Range<usize> {
    let mut best = (0i64, 0usize, 0usize);
    let mut sum = 0i64;
    let mut start = 0usize;
    let mut body_before = 0i64;
    let mut in_comments = false;
    let listed = introduced_lists(units, facts, verdicts);
    let anchor = dateline_anchor(units, facts, verdicts);
    let wrapped = wrapped_paragraphs(units, facts, verdicts);
    let scores: Vec<i64> = units
        .iter()
        .enumerate()
        .map(|(k, unit)| score(unit, &facts[k], verdicts[k]))
        .collect();
    for (k, unit) in units.iter().enumerate() {
        let mut s = scores[k];
        if wrapped[k] {
            s = s.max(facts[k].chars.saturating_sub(unit.link_chars) as i64);
        }
        if listed[k] {
            s = s.max(0);
        }
        if anchor == Some(k) {
            s += ANCHOR_BONUS;
        }
        in_comments |= verdicts[k] == Some("comment-header")
            && body_before >= COMMENTS_AFTER_CHARS
            && (digits(&unit.text) > 0 || dated_next(units, facts, k));
        if s > 0 {
            body_before += s;
            if in_comments {
                s = s * COMMENT_WEIGHT_PERCENT / 100;
            }
        }
        if sum <= 0 {
            sum = 0;
            start = k;
        }
        sum += s;
        if sum > best.0 {
            best = (sum, start, k + 1);
        }
    }
    let region = cut_at_end(units, facts, verdicts, &scores, best.1..best.2);
    with_closing_list(units, &listed, region)
}

/// Rule `closing_list`: the items of a list that a colon line introduces at the article's
/// end belong to it. They score nothing in the search (neither body nor menu), so the densest
/// run stops at the colon line; the region is carried on over them, up to the first blank
/// line after the first item (the list's lines follow each other; what comes after a gap is
/// the page's next block).
///
/// Example: "There are many tables here, so I'll sum them up:" then "Arrays load a little
/// faster", "Packed structs load much faster" as the last lines of a post.
fn with_closing_list(units: &[Unit], listed: &[bool], region: Range<usize>) -> Range<usize> {
    let mut end = region.end;
    while end > region.start
        && end < listed.len()
        && listed[end]
        && (end == region.end || !units[end].blank_before)
    {
        end += 1;
    }
    region.start..end
}

/// A wrapped paragraph has at least this many lines.
const WRAPPED_MIN_LINES: usize = 2;
/// Every line but the last of a hard-wrapped paragraph has at least this many words.
const WRAPPED_LINE_MIN_WORDS: usize = 6;

/// Rule `wrapped_paragraph`: the lines of a paragraph that a text browser wrapped at a fixed
/// width, and that were not joined back, score as the body text they are. Such a paragraph
/// is a run of lines without a blank line between them, each of at least
/// [`WRAPPED_LINE_MIN_WORDS`] words but the last, none matched by a rule, none a list item
/// or heading, mostly unlinked, holding [`BODY_MIN_WORDS`] words or more and ending a
/// sentence. One pass over the units.
///
/// Example: "Generators in Kotlin let you produce the values of a long sequence" /
/// "lazily without building the whole list first; Streams in Scheme" / "offer the same
/// idea." on three lines.
fn wrapped_paragraphs(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &[Option<&'static str>],
) -> Vec<bool> {
    let mut marks = vec![false; units.len()];
    let line = |k: usize| {
        verdicts[k].is_none()
            && matches!(units[k].kind, Kind::Paragraph)
            && units[k].link_chars * 2 < facts[k].chars.max(1)
    };
    let mut k = 0;
    while k < units.len() {
        let start = k;
        let mut words = 0;
        while k < units.len()
            && line(k)
            && (k == start || !units[k].blank_before)
            && (k == start || facts[k - 1].words >= WRAPPED_LINE_MIN_WORDS)
            && (k == start
                || !facts[k - 1].sentence_end
                || facts[k - 1].words >= WRAPPED_LINE_MIN_WORDS)
        {
            words += facts[k].words;
            k += 1;
            if facts[k - 1].words < WRAPPED_LINE_MIN_WORDS {
                break;
            }
        }
        let lines = k - start;
        if lines >= WRAPPED_MIN_LINES
            && words >= BODY_MIN_WORDS
            && facts[k - 1].sentence_end
            && even_width(&facts[start..k])
        {
            marks[start..k].iter_mut().for_each(|m| *m = true);
        }
        k = k.max(start + 1);
    }
    marks
}

/// The lines of a wrapped paragraph but the last are at most this many characters shorter
/// than the longest (the width, less a word that did not fit)...
const WRAP_BAND_CHARS: usize = 25;
/// ...and no line is longer than the others by more than this many characters.
const WRAP_SLACK_CHARS: usize = 4;

/// True when `lines` have the shape of one paragraph wrapped at a fixed width: all but the
/// last nearly as long as the longest of them, none longer. A headline over its summary
/// (the summary much longer) or a menu (short entries) has another shape.
fn even_width(lines: &[Facts]) -> bool {
    let Some((last, body)) = lines.split_last() else {
        return false;
    };
    let width = body.iter().map(|f| f.chars).max().unwrap_or(0);
    let narrowest = body.iter().map(|f| f.chars).min().unwrap_or(0);
    narrowest + WRAP_BAND_CHARS >= width && last.chars <= width + WRAP_SLACK_CHARS
}

/// The ASCII digits in `text`.
fn digits(text: &str) -> usize {
    text.bytes().filter(u8::is_ascii_digit).count()
}

/// True when the unit after `k` is a short line with a date's digits: a comment header
/// whose date stands on the next line ("Marta sagt:" over "11. März 2018 um 21:17 Uhr").
fn dated_next(units: &[Unit], facts: &[Facts], k: usize) -> bool {
    units.get(k + 1).is_some_and(|next| {
        facts[k + 1].words <= DATELINE_MAX_WORDS && digits(&next.text) >= DATE_MIN_DIGITS
    })
}

/// Ends the region at the first "Related" or "Comments" heading that follows enough body,
/// unless the article resumes after it (a related box inside the article): body text
/// within [`RESUME_WINDOW`] units, followed by more body text.
fn cut_at_end(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &[Option<&'static str>],
    scores: &[i64],
    region: Range<usize>,
) -> Range<usize> {
    let mass = |k: usize| scores[k].max(0);
    let body = |k: usize| verdicts[k].is_none() && body_like(&units[k], &facts[k]);
    let total: i64 = region.clone().map(mass).sum();
    let need = END_MIN_CHARS.min((total as f64 * END_MIN_SHARE) as i64);
    let mut seen = 0i64;
    for k in region.clone() {
        if seen >= need && verdicts[k].is_some_and(|r| END_RULES.contains(&r)) {
            let resumes = (k + 1..(k + RESUME_WINDOW).min(region.end))
                .find(|&j| body(j))
                .is_some_and(|j| (j + 1..region.end).take(2).any(body));
            if !resumes || matches!(verdicts[k], Some("comments" | "comment-header")) {
                return region.start..k;
            }
        }
        seen += mass(k);
    }
    region
}

#[cfg(test)]
mod tests {
    use super::super::rules::{Facts, first_match};
    use super::super::segment::segment;
    use super::*;

    fn region_of(text: &str) -> Vec<String> {
        let units = segment(text);
        let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
        let verdicts: Vec<_> = units
            .iter()
            .zip(&facts)
            .map(|(u, f)| first_match(u, f))
            .collect();
        units[find(&units, &facts, &verdicts)]
            .iter()
            .map(|u| u.text.clone())
            .collect()
    }

    #[test]
    fn the_densest_run_of_sentences_wins() {
        let body = "BODY_TEXT runs on for a while, as sentences in an article do, with words.";
        let text = format!(
            "Home\nWorld\nSport\nMENU_TEXT\n\n{body}\n\nA subheading\n\n{body}\n\n\
             Related\n\nMENU_TEXT teaser one\n\nMENU_TEXT teaser two\n"
        );
        let region = region_of(&text);
        assert_eq!(region, vec![body, "A subheading", body]);
    }

    #[test]
    fn a_long_comment_section_does_not_outweigh_a_short_post() {
        let post =
            "BODY_TEXT of a short post that invites all of the readers to ask their questions.";
        let reply = "MENU_TEXT is a long reply from a reader, longer than the post, with many \
                     more words in it than the post has, going on and on about the topic.";
        let mut text = format!("A post title\n\n{post}\n\n{post}\n\nComments\n\n");
        for n in 1..=5 {
            text.push_str(&format!("Reader {n} on May {n}, 2019 at 4:47 pm said:\n\n"));
            text.push_str(&format!("{reply}\n\n{reply}\n\n"));
        }
        let region = region_of(&text);
        assert!(region.iter().any(|t| t.contains("BODY_TEXT")), "{region:?}");
    }

    #[test]
    fn a_short_post_after_its_dateline_beats_a_longer_author_bio() {
        let post = "BODY_TEXT of a short post, one paragraph that tells what the podcast is about.";
        let bio = "MENU_TEXT is the author, who writes about many things, has worked for years \
                   in a field and likes to talk about it, and says so at length here in a bio.";
        let text = format!(
            "A post title\n\nPublished on 17 December 2019 by Jane Doe\n\n{post}\n\n\
             Share\nTwitter\nFacebook\nLike\nRelated\nMore\nLinks\n\nAbout Jane Doe\n\n\
             {bio}\n\n{bio} Again.\n"
        );
        let region = region_of(&text);
        assert!(region.iter().any(|t| t.contains("BODY_TEXT")), "{region:?}");
    }

    #[test]
    fn a_list_announced_by_the_last_paragraph_closes_the_article() {
        let body = "BODY_TEXT runs on for a while, as sentences in an article do, with words.";
        let text = format!(
            "Home\nWorld\nSport\nMenu\n\n{body}\n\n{body}\n\nSo here is what we found, in short:\n\
             Arrays load a little bit LIST_ITEM faster\nPacked structs load much faster\n\n\
             Home\nWorld\nSport\nMenu\n"
        );
        let region = region_of(&text);
        assert!(region.iter().any(|t| t.contains("LIST_ITEM")), "{region:?}");
        assert!(!region.iter().any(|t| t == "Home"), "{region:?}");
    }

    #[test]
    fn a_comment_dated_on_the_line_below_its_header_does_not_win() {
        let post = "BODY_TEXT of a post that runs on for a while, as the sentences of a short \
                    post do, and tells what the episode is about, who speaks in it and for how long.";
        let reply = "MENU_TEXT is a long reply from a reader, longer than the post, with many \
                     more words in it than the post has, going on and on about the topic, and \
                     then some more words about the topic, and about the episode too.";
        let text = format!(
            "An episode title\n\n{post}\n\nMarta says:\n11 March 2018 at 21:17\n\n{reply}\n"
        );
        let region = region_of(&text);
        assert!(region.iter().any(|t| t.contains("BODY_TEXT")), "{region:?}");
        assert!(
            !region.iter().any(|t| t.contains("MENU_TEXT")),
            "{region:?}"
        );
    }

    #[test]
    fn a_sentence_without_its_full_stop_stays_between_paragraphs() {
        let body = "BODY_TEXT runs on for a while, as sentences in an article do, with words.";
        let open =
            "and sorry for the KEPT_LINE mix-up in the postcode (if anyone saw it at all 😉 )";
        let units = segment(&format!("{open}\n"));
        let facts = Facts::of(&units[0]);
        assert!(unpunctuated_prose(&units[0], &facts));
        let headline = "How a Village Is Saving Its Old Mill on the River and Winning Friends";
        let units = segment(&format!("{headline}\n"));
        assert!(!unpunctuated_prose(&units[0], &Facts::of(&units[0])));
        let text = format!("{body}\n\n{open}\n\n{body} More.\n");
        assert!(region_of(&text).iter().any(|t| t.contains("KEPT_LINE")));
    }

    #[test]
    fn capitalised_words_are_counted_as_a_char_reading_counts_them() {
        let reference = |text: &str| {
            let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
            let capitalised = words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count();
            (words.len(), capitalised)
        };
        let long = "The Mill on the River  is Saving a Village, and Winning Friends ".repeat(9);
        for text in [
            "",
            " ",
            "A",
            "a b  C ",
            " Über die Brücke gehen Änne und Ölaf",
            "über „Die Zeit“ und «Le Monde» lesen",
            "élan Été 3D x",
            long.as_str(),
            &format!("{long}Über"),
            &format!("Ölaf {long}"),
        ] {
            assert_eq!(capitalised_words(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn a_paragraph_wrapped_at_a_fixed_width_scores_as_body() {
        let text = "Home\nWorld\n\nGenerators in Kotlin allow you to yield the WRAPPED\n\
                    values of a sequence one by one, lazily, on demand; Streams\n\
                    in Scheme offer similar behaviour, and they came in early.\n\n\
                    Home\nWorld\nSport\n";
        let units = segment(text);
        let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
        let verdicts = vec![None; units.len()];
        let wrapped = wrapped_paragraphs(&units, &facts, &verdicts);
        let marked: Vec<&str> = (0..units.len())
            .filter(|&k| wrapped[k])
            .map(|k| units[k].text.as_str())
            .collect();
        assert!(marked.iter().all(|t| !t.contains("Home")), "{marked:?}");
        assert_eq!(marked.len(), 3, "{marked:?}");
        // A headline over a longer summary is no wrapped paragraph.
        let text = "A headline over its summary\nThe summary runs on for much longer than the \
                    headline over it does, as summaries do.\n";
        let units = segment(text);
        let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
        let wrapped = wrapped_paragraphs(&units, &facts, &[None, None]);
        assert!(!wrapped.iter().any(|&w| w), "{units:?}");
    }

    #[test]
    fn a_noise_line_inside_the_article_does_not_split_it() {
        let body = "BODY_TEXT runs on for a while, as sentences in an article do, with words.";
        let text = format!("{body}\n\nAdvertisement\n\n{body}\n");
        assert_eq!(region_of(&text).len(), 3);
    }
}
