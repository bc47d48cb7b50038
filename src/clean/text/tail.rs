//! The article's tail: what closes the article region without being part of the article,
//! read back from the region's end.
//!
//! Takes the units, their facts, the verdicts so far and the region; marks, from the last kept
//! unit backwards, the units that close an article rather than belong to it: calls to follow,
//! subscribe or write in, licence and liability notes, the author's bio, and the headlines of
//! teasers left after the last paragraph. Stops at the first unit that is none of these, so it
//! never reaches into the article's body. Phrase lists are data; nothing here reads metadata.

use super::rules::Facts;
use super::segment::{Kind, Unit};
use std::ops::Range;
use std::sync::LazyLock;

/// How many kept units, back from the region's end, are read at most.
const TAIL_UNITS: usize = 6;
/// A closing call has at most this many words.
const MAX_CLOSING_WORDS: usize = 60;
/// A closing note of [`NOTE_PHRASES`] (liability, opinion, citation) has at most as many words
/// as a licence line (longer ones are an article's paragraphs about liability). Licence and
/// disclosure notes have the word limits of [`notes`](super::notes) too, shared with the rules
/// that find them anywhere in the region.
const MAX_NOTE_WORDS: usize = super::notes::MAX_LICENCE_WORDS;
/// A closing bio has at most this many words.
const MAX_BIO_WORDS: usize = 90;
/// A trailing headline has at most this many words.
const MAX_HEADLINE_WORDS: usize = 15;

/// Calls to the reader that close a page: follow, subscribe, download, write in, donate.
/// Lower case, matched at word starts.
const CALL_PHRASES: &[&str] = &[
    "subscribe",
    "subscriber",
    "newsletter",
    "sign up",
    "follow us",
    "follow the",
    "send us",
    "download the",
    "apps for",
    "app for",
    "join the hundreds",
    "join the thousands",
    "join our",
    "read the rest of",
    "support us",
    "donate",
    "youtube channel",
    "canal de youtube",
    "abonnier",
    "abonnement",
    "lesen sie das",
    "folgen sie uns",
    "folge uns",
    "jetzt spenden",
    "spende hilft",
    "immer aktuell informiert",
    "mit der anmeldung",
    "teilen sie uns",
    "schreiben sie uns",
    "gefällt dir unser",
    "gefällt mir",
    "wird geladen",
    "czekamy na",
    "dołącz do",
    "suscríbete",
    "síguenos",
    "los invitamos",
    "abonnez-vous",
    "suivez-nous",
    "unable to edit",
];

/// Liability, opinion and citation notes printed under an article. Licence and disclosure
/// notes are found by the phrase lists of [`notes`](super::notes), which rules `licence-note`
/// and `disclosure-note` read anywhere in the region.
const NOTE_PHRASES: &[&str] = &[
    "keine haftung",
    "haftungsausschluss",
    "no liability",
    "disclaimer",
    "n'engagent que",
    "opinions expressed",
    "views expressed",
    "suggested citation",
    "zitiervorschlag",
    "for the robots",
];

/// Professions named in an author's bio; matched at the start of a word or of a part of a
/// hyphenated word ("CRM-Experte"), so "journalist" finds "Journalistin".
const PROFESSIONS: &[&str] = &[
    "writer",
    "journalist",
    "editor",
    "author",
    "reporter",
    "correspondent",
    "columnist",
    "professor",
    "founder",
    "consultant",
    "blogger",
    "foodblogger",
    "photographer",
    "researcher",
    "lecturer",
    "head of",
    "autor",
    "redakteur",
    "experte",
    "expertin",
    "fotograf",
    "gründer",
    "rechtsanwalt",
    "rechtsanwältin",
    "dozent",
    "berater",
    "journaliste",
    "rédact",
    "auteur",
    "autrice",
    "periodista",
    "redactor",
    "escritor",
    "giornalista",
    "scrittor",
    "dziennikar",
    "redaktor",
];

/// Verbs that follow the name opening a bio ("Jane Roe is a…", "Max Muster ist…").
const BIO_VERBS: &[&str] = &[
    "is", "ist", "est", "es", "è", "was", "war", "writes", "schreibt", "works", "arbeitet",
    "lives", "lebt", "jest",
];

/// Openers of a bio written in the first person ("Ich bin…", "Hi, I'm…"), lower case.
const FIRST_PERSON: &[&str] = &[
    "ich bin ",
    "hallo, ich bin ",
    "hi, ich bin ",
    "i am ",
    "i'm ",
    "hi, i'm ",
    "hello, i'm ",
    "je suis ",
    "soy ",
];

/// Adjectives that may stand before the profession opening a bio ("Freie Autorin in Leipzig").
const PROFESSION_ADJECTIVES: &[&str] = &["freier", "freie", "senior", "freelance", "staff"];

/// How many times the closing units are read again after teasers were taken (the units
/// before the teasers may close the article too: "Jane Roe is a senior writer…").
const TAIL_ROUNDS: usize = 2;

/// Marks the closing units of the region (see the module doc), back from its end.
pub fn mark(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
    listed: &[bool],
) {
    for _ in 0..TAIL_ROUNDS {
        mark_closing(units, facts, verdicts, region, listed);
        if !mark_teaser_pairs(units, facts, verdicts, region, listed) {
            return;
        }
    }
}

/// Marks the closing units back from the region's last kept unit, up to the first unit that
/// closes nothing.
fn mark_closing(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
    listed: &[bool],
) {
    let mut read = 0;
    for k in region.clone().rev() {
        if verdicts[k].is_some() {
            continue;
        }
        if read == TAIL_UNITS || k == region.start {
            return;
        }
        read += 1;
        let rule = closing_rule(&units[k], &facts[k], listed[k]);
        match rule {
            Some(name) => verdicts[k] = Some(name),
            None => return,
        }
    }
}

/// Rules whose unit closes an article and is never printed inside one: what follows such a
/// unit, up to the region's end, belongs to the page.
const FINAL_RULES: &[&str] = &[
    "closing-call",
    "closing-note",
    "closing-bio",
    "licence-note",
    "disclosure-note",
    "author-bio",
    "author-box",
    "comment-header",
    "comments",
    "post-navigation",
    "engagement-call",
];
/// Rules whose unit may also stand inside an article (a "Related" box, an inline newsletter
/// box, share buttons under the lead): teasers after one are taken only when there are
/// several of them.
const BOX_RULES: &[&str] = &["related-links", "newsletter", "share-buttons", "share-row"];
/// A teaser's text under its headline has at most this many words (an excerpt of the
/// teased article's first paragraph).
const MAX_DEK_WORDS: usize = 120;
/// A closing call found before teasers, not at the region's end, has at most this many
/// words (a longer one may be an article's paragraph that asks readers to write in).
const MAX_EARLY_CALL_WORDS: usize = 30;
/// At most this many kept units are read back from the region's end for teasers.
const TEASER_UNITS: usize = 14;
/// After a [`BOX_RULES`] unit, teasers are taken when at least this many headline and text
/// pairs follow it.
const MIN_BOX_PAIRS: usize = 2;

/// Rule `trailing-teaser`: teasers after the article, each a headline and a line of text,
/// read back from the region's end up to a unit that closes an article. The pairs are taken
/// only when such a unit comes before them (an article's last section is a subheading and
/// a paragraph too); short lines among them (section labels, "Featured Video") go with them.
/// Returns true when teasers were taken.
///
/// Example: the last paragraph, "Join the hundreds of gardeners who get our planting tips
/// every month.", "Also on the Blog", "The Strange Story of the Sleeping Index", "I run a
/// small service that resizes photos for our shop."
fn mark_teaser_pairs(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
    listed: &[bool],
) -> bool {
    // Most articles end with a paragraph under another: nothing to read then.
    let mut last = region.clone().rev().filter(|&k| verdicts[k].is_none());
    let (Some(end), before) = (last.next(), last.next()) else {
        return false;
    };
    if !trailing_headline(&units[end], &facts[end], listed[end])
        && !before.is_some_and(|j| teaser_headline(&facts[j]))
    {
        return false;
    }
    let kept: Vec<usize> = region
        .clone()
        .rev()
        .filter(|&k| verdicts[k].is_none() || is_closer(verdicts[k]))
        .take(TEASER_UNITS)
        .collect();
    let mut taken: Vec<usize> = Vec::new();
    let mut pairs = 0;
    let mut n = 0;
    let headline = |j: usize, verdicts: &[Option<&str>]| {
        verdicts[j].is_none() && trailing_headline(&units[j], &facts[j], listed[j])
    };
    while n < kept.len() {
        let k = kept[n];
        // A teaser's headline may be a list item ("• The Strange Story…"), its text indented
        // under it.
        let pair = verdicts[k].is_none()
            && !headline(k, verdicts)
            && facts[k].words <= MAX_DEK_WORDS
            && kept
                .get(n + 1)
                .is_some_and(|&h| verdicts[h].is_none() && teaser_headline(&facts[h]));
        // A closing call, note or bio not at the very end closes the article all the same
        // (read only after a pair: the phrase search costs more than the rest).
        let closing = match verdicts[k] {
            Some(rule) => Some(rule),
            None if pairs > 0 => early_closer(&units[k], &facts[k], listed[k]),
            None => None,
        };
        if let Some(rule) = closing {
            let last = FINAL_RULES.contains(&rule);
            if pairs > 0 && (last || pairs >= MIN_BOX_PAIRS) {
                verdicts[k] = Some(rule);
                for &j in &taken {
                    verdicts[j] = Some("trailing-teaser");
                }
                return true;
            }
            if last {
                return false;
            }
            // A box label with too few teasers after it: what comes before it may still
            // close the article.
            n += 1;
        } else if headline(k, verdicts) {
            taken.push(k);
            n += 1;
        } else if pair {
            // A line of text under a headline.
            taken.extend([k, kept[n + 1]]);
            pairs += 1;
            n += 2;
        } else {
            return false;
        }
    }
    false
}

/// A teaser's headline: short, without a sentence's punctuation; a list item too.
fn teaser_headline(facts: &Facts) -> bool {
    facts.words <= MAX_HEADLINE_WORDS && !facts.sentence_end && !facts.inner_sentence
}

/// The closing rule of a unit read before teasers, not at the region's end: a short call or
/// note, or a bio.
fn early_closer(unit: &Unit, facts: &Facts, listed: bool) -> Option<&'static str> {
    if facts.words <= MAX_EARLY_CALL_WORDS {
        closing_rule(unit, facts, listed).filter(|&rule| rule != "trailing-headline")
    } else {
        (facts.words <= MAX_BIO_WORDS && is_bio(&unit.text, &facts.lower)).then_some("closing-bio")
    }
}

/// True for a verdict that closes an article or opens a box of links.
fn is_closer(verdict: Option<&str>) -> bool {
    verdict.is_some_and(|v| FINAL_RULES.contains(&v) || BOX_RULES.contains(&v))
}

/// The name of the tail rule `unit` matches, if any.
fn closing_rule(unit: &Unit, facts: &Facts, listed: bool) -> Option<&'static str> {
    if facts.words <= MAX_NOTE_WORDS && has_phrase(&facts.lower, NOTE_PHRASES)
        || super::notes::licence_or_disclosure(unit, facts)
    {
        return Some("closing-note");
    }
    // A list item belongs to the article's list, even when it names a newsletter ("Did you
    // register with a service once and then forget it?"). A line ending in a colon is no exception:
    // read back from the end, whatever it introduced was dropped already.
    if !matches!(unit.kind, Kind::Item { .. })
        && facts.words <= MAX_CLOSING_WORDS
        && has_phrase(&facts.lower, CALL_PHRASES)
    {
        return Some("closing-call");
    }
    if facts.words <= MAX_BIO_WORDS && is_bio(&unit.text, &facts.lower) {
        return Some("closing-bio");
    }
    if trailing_headline(unit, facts, listed) {
        return Some("trailing-headline");
    }
    None
}

/// A closing call or note: "Follow us on Twitter and never miss a story.", "Die Fotos auf
/// dieser Seite stehen unter einer Creative Commons Lizenz." (rules `closing-call`,
/// `closing-note`).
fn has_phrase(lower: &str, phrases: &[&str]) -> bool {
    // A phrase counts only at a word start, so the places where a word may start are read
    // once (after a byte that is not an ASCII letter or digit, so every word start is among
    // them): their first four bytes (hashed) and first two bytes are kept in bit sets, and a
    // phrase whose opening no word start has is let go by one look-up, without a search; the
    // others are searched as before.
    let bytes = lower.as_bytes();
    let pair = |a: u8, b: u8| usize::from(a & 63) << 6 | usize::from(b & 63);
    let quad = |key: [u8; 4]| (u32::from_le_bytes(key).wrapping_mul(0x9E37_79B1) >> 20) as usize;
    let mut pairs = [0u64; 64];
    let mut quads = [0u64; 64];
    // The bytes are read eight at a time: a mask tells the word starts (no UTF-8
    // continuation byte, no ASCII letter or digit before), and only they are looked at.
    const TOP: u64 = 0x8080_8080_8080_8080;
    let mut before = 0u64;
    for base in (0..bytes.len()).step_by(8) {
        let rest = bytes.get(base..).unwrap_or_default();
        let n = rest.len().min(8);
        let mut word = [0u8; 8];
        word[..n].copy_from_slice(&rest[..n]);
        let word = u64::from_le_bytes(word);
        let alnum = super::notes::alphanumeric(word);
        let continuation = word & !(word << 1) & TOP;
        let valid = if n == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        };
        let mut starts = !continuation & !(alnum << 8 | before >> 56) & TOP & valid;
        before = alnum;
        while starts != 0 {
            let k = base + (starts.trailing_zeros() / 8) as usize;
            starts &= starts - 1;
            if let Some(&[a, b]) = bytes.get(k..k + 2) {
                let bit = pair(a, b);
                pairs[bit >> 6] |= 1 << (bit & 63);
            }
            if let Some(&[a, b, c, d]) = bytes.get(k..k + 4) {
                let bit = quad([a, b, c, d]);
                quads[bit >> 6] |= 1 << (bit & 63);
            }
        }
    }
    phrases.iter().any(|p| {
        let opens = match *p.as_bytes() {
            [a, b, c, d, ..] => {
                let bit = quad([a, b, c, d]);
                quads[bit >> 6] >> (bit & 63) & 1 != 0
            }
            [a, b, ..] => {
                let bit = pair(a, b);
                pairs[bit >> 6] >> (bit & 63) & 1 != 0
            }
            _ => true,
        };
        opens
            && lower.match_indices(p).any(|(k, _)| {
                let before = lower[..k].chars().next_back();
                let word_start = before.is_none_or(|c| !c.is_alphanumeric());
                let end = k + p.len();
                let after = lower[end..].chars().next();
                // Short phrases must end a word too ("app" is not "apple").
                word_start && (p.len() > 5 || after.is_none_or(|c| !c.is_alphanumeric()))
            })
    })
}

/// An author's bio after the article (rule `closing-bio`): a name of two or three capitalised
/// words and a verb, a first-person opener, or a profession, and a profession named.
/// Example: "Jane Roe is a staff writer covering science.", "Ich bin Bloggerin und …",
/// "Freie Autorin in Leipzig und Leiterin eines Chors."
fn is_bio(text: &str, lower: &str) -> bool {
    let words: Vec<&str> = text.split(' ').take(5).collect();
    let lower_words: Vec<&str> = lower.split(' ').take(5).collect();
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let named = (2..=3).any(|n| {
        words.len() > n
            && words[..n].iter().all(capital)
            && BIO_VERBS.contains(&lower_words[n].trim_end_matches(','))
    });
    let first_person = FIRST_PERSON.iter().any(|o| lower.starts_with(o));
    let profession_first = lower_words
        .iter()
        .skip_while(|w| PROFESSION_ADJECTIVES.contains(w))
        .take(1)
        .any(|w| profession_at(w));
    (named || first_person || profession_first) && names_profession(lower)
}

/// True when `word` (lower case) starts with a profession.
fn profession_at(word: &str) -> bool {
    // Most words open with two bytes no profession opens with: one look-up lets them go.
    let opens = match *word.as_bytes() {
        [a, b, ..] => {
            let bit = byte_pair(a, b);
            PROFESSION_PAIRS[bit >> 6] >> (bit & 63) & 1 != 0
        }
        _ => false,
    };
    opens && PROFESSIONS.iter().any(|p| word.starts_with(p))
}

/// The bit of a 4096-bit set that a pair of bytes sets (their low six bits each).
fn byte_pair(a: u8, b: u8) -> usize {
    usize::from(a & 63) << 6 | usize::from(b & 63)
}

/// The first two bytes of every profession, as [`byte_pair`] bits (each is two bytes long or
/// more).
static PROFESSION_PAIRS: LazyLock<[u64; 64]> = LazyLock::new(|| {
    let mut bits = [0u64; 64];
    for p in PROFESSIONS {
        if let [a, b, ..] = *p.as_bytes() {
            let bit = byte_pair(a, b);
            bits[bit >> 6] |= 1 << (bit & 63);
        }
    }
    bits
});

/// True when a profession starts a word or a part of a hyphenated word of `lower`.
fn names_profession(lower: &str) -> bool {
    // Whether the character before is a letter or digit.
    let mut alphanumeric_before = false;
    for (k, c) in lower.char_indices() {
        if !alphanumeric_before && profession_at(&lower[k..]) {
            return true;
        }
        alphanumeric_before = c.is_alphanumeric();
    }
    false
}

/// A headline left after the last paragraph (rule `trailing-headline`): a short unit without
/// sentence punctuation, not a list item, that no body text follows, so it is no subheading;
/// the title of a teaser. Example: "Fährbetrieb bittet Stadtrat um Zuschuss" at the end.
fn trailing_headline(unit: &Unit, facts: &Facts, listed: bool) -> bool {
    !listed
        && facts.words <= MAX_HEADLINE_WORDS
        && !facts.sentence_end
        && !facts.inner_sentence
        && !matches!(unit.kind, Kind::Item { .. })
}

#[cfg(test)]
mod tests {
    use super::super::segment::segment;
    use super::*;

    #[test]
    fn a_phrase_counts_at_a_word_start_only() {
        let phrases = &["follow us", "app", "ab"];
        assert!(has_phrase("please follow us on x", phrases));
        assert!(has_phrase("follow us", phrases));
        assert!(has_phrase("é·follow us", phrases));
        assert!(!has_phrase("unfollow us now", phrases));
        assert!(has_phrase("get the app.", phrases));
        assert!(!has_phrase("an apple", phrases));
        assert!(has_phrase("x ab", phrases));
        assert!(!has_phrase("xab", phrases));
        assert!(!has_phrase("", phrases));
        assert!(has_phrase("1234567 follow us", phrases));
        assert!(!has_phrase("12345678follow us", phrases));
        assert!(has_phrase("1234567,ab", phrases));
        assert!(!has_phrase("1234567xab", phrases));
        assert!(PROFESSIONS.iter().all(|p| p.len() >= 2 && profession_at(p)));
        assert!(names_profession("sie ist crm-expertin"));
        assert!(names_profession("rédactrice"));
        assert!(!names_profession("the unwriter"));
        assert!(!names_profession("w"));
    }

    /// The tail verdicts of `text` read as a whole region, after `given` verdicts (unit index,
    /// rule) set by earlier rules.
    fn marked(text: &str, given: &[(usize, &'static str)]) -> Vec<Option<&'static str>> {
        let units = segment(text);
        let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
        let mut verdicts = vec![None; units.len()];
        for &(k, rule) in given {
            verdicts[k] = Some(rule);
        }
        let listed = vec![false; units.len()];
        mark(&units, &facts, &mut verdicts, &(0..units.len()), &listed);
        verdicts
    }

    fn rule(text: &str) -> Option<&'static str> {
        let units = segment(text);
        let unit = units.first().expect("one unit");
        closing_rule(unit, &Facts::of(unit), false)
    }

    #[test]
    fn closing_calls_and_notes() {
        assert_eq!(
            rule("Follow The Daily Planet on Twitter and Instagram and send us your MENU_TEXT."),
            Some("closing-call")
        );
        assert_eq!(
            rule("Lesen Sie das Radmagazin. Einfach digital in der App oder im Abo."),
            Some("closing-call")
        );
        assert_eq!(
            rule("Die Fotos auf dieser Seite stehen unter einer Creative Commons Lizenz."),
            Some("closing-note")
        );
        assert_eq!(
            rule("Les avis publiés sur ce site n'engagent que leurs signataires."),
            Some("closing-note")
        );
        // Licence and disclosure phrases come from the notes' lists.
        assert_eq!(
            rule("Fotos: Jo Ruh, gemeinfrei (public domain)"),
            Some("closing-note")
        );
        assert_eq!(
            rule("This post holds affiliate links: we may earn a commission."),
            Some("closing-note")
        );
        assert_eq!(
            rule("Wozu braucht es Creative Commons?"),
            Some("closing-note")
        );
        // One word limit for every closing note: a longer one is a paragraph about it.
        let long = format!(
            "Disclaimer: {}",
            "the BODY_TEXT club answers for none of it. ".repeat(4)
        );
        assert!(Facts::of(&segment(&long)[0]).words > MAX_NOTE_WORDS);
        assert_eq!(rule(&long), None);
        assert_eq!(
            rule("The council will vote on the BODY_TEXT plan again in the spring."),
            None
        );
        assert_eq!(
            rule("Lesen Sie das Radmagazin in der App oder bestellen Sie es im Abo:"),
            Some("closing-call")
        );
        assert_eq!(
            rule("The appeal was filed in the BODY_TEXT court on Monday."),
            None,
            "app- inside a word"
        );
    }

    #[test]
    fn a_list_item_naming_a_newsletter_is_kept() {
        assert_eq!(
            rule("  * Did you sign up for a BODY_TEXT newsletter but never read it?\n"),
            None
        );
    }

    #[test]
    fn closing_bios() {
        assert_eq!(
            rule("Jane Roe is a senior writer covering science and the climate."),
            Some("closing-bio")
        );
        assert_eq!(
            rule("Tom Beispiel ist CRM-Experte mit zwanzig Jahren Praxis."),
            Some("closing-bio")
        );
        assert_eq!(
            rule("Hallo, ich bin Bloggerin und wandere seit meiner Jugend."),
            Some("closing-bio")
        );
        assert_eq!(
            rule("Freie Autorin in Leipzig und Leiterin eines Chors."),
            Some("closing-bio")
        );
        assert_eq!(
            rule("The BODY_TEXT minister said the plan is a good one for the writers."),
            None
        );
    }

    #[test]
    fn a_trailing_headline_is_dropped_but_not_the_article() {
        let body = "The BODY_TEXT paragraph runs on for a while, as sentences in an article do.";
        let text = format!(
            "{body}\n\nA subheading\n\n{body} Two.\n\nFollow us on Twitter for MENU_TEXT.\n\n\
             MENU_TEXT teaser headline\n"
        );
        let verdicts = marked(&text, &[]);
        assert_eq!(
            verdicts,
            vec![
                None,
                None,
                None,
                Some("closing-call"),
                Some("trailing-headline")
            ]
        );
    }

    #[test]
    fn teasers_after_a_closing_call_go_but_a_last_section_stays() {
        let body = "The BODY_TEXT paragraph runs on for a while, as sentences in an article do.";
        let teaser = "MENU_TEXT I run a small service that resizes photos for our shop.";
        let text = format!(
            "{body}\n\n{body} Two.\n\nJoin the hundreds of gardeners who get our planting \
             tips every month.\n\nAlso on the Blog\n\nThe Strange Story of the MENU_TEXT Index\n\n{teaser}\n"
        );
        let verdicts = marked(&text, &[]);
        assert_eq!(
            verdicts,
            vec![
                None,
                None,
                Some("closing-call"),
                Some("trailing-teaser"),
                Some("trailing-teaser"),
                Some("trailing-teaser")
            ]
        );
        // Without the call, the subheading and paragraph are the article's last section.
        let text = format!("{body}\n\n{body} Two.\n\nWhat comes next\n\n{body} Three.\n");
        assert_eq!(marked(&text, &[]), vec![None; 4]);
    }

    #[test]
    fn a_listed_teaser_after_a_subscribe_box_and_a_call_goes() {
        let body = "The BODY_TEXT paragraph runs on for a while, as sentences in an article do.";
        let text = format!(
            "{body}\n\n{body} Two.\n\nJoin the hundreds of gardeners who get our planting \
             tips every month.\n\nSubscribe\n\nAlso on the Blog\n\n  • The Strange Story of the MENU_TEXT \
             Index\n\nMENU_TEXT I run a small service that resizes photos for our shop.\n"
        );
        let verdicts = marked(&text, &[(3, "newsletter")]);
        assert_eq!(&verdicts[..3], &[None, None, Some("closing-call")]);
        assert!(
            verdicts[4..].iter().all(|v| *v == Some("trailing-teaser")),
            "{verdicts:?}"
        );
    }

    #[test]
    fn a_bio_before_a_teaser_goes_with_it() {
        let body = "The BODY_TEXT paragraph runs on for a while, as sentences in an article do.";
        let text = format!(
            "{body}\n\n{body} Two.\n\nJane Roe is a senior writer covering science and \
             the MENU_TEXT climate.\n\nSenior Writer\n\nFeatured Video\n\nHow the MENU_TEXT \
             Robots Became Famous\n\nThe MENU_TEXT chief shares the backstory of the videos.\n"
        );
        let verdicts = marked(&text, &[]);
        assert_eq!(&verdicts[..2], &[None, None]);
        assert_eq!(verdicts[2], Some("closing-bio"), "{verdicts:?}");
        assert!(verdicts[3..].iter().all(Option::is_some), "{verdicts:?}");
    }
}
