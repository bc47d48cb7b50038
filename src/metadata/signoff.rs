//! Agency sign-offs: the line of editors' initials and news agencies that closes a wire story
//! ("hk/uh (dpa, afp, rtr, ap)", "(dpa)", "ab/APA", "AP/Reuters", "(kna/epd)").
//!
//! Takes one line of text; returns its [`Signoff`] shape, or `None` when the line is not one.
//! Read by hand in one pass, without a regex (a pattern with counted repetitions of Unicode
//! letters costs tens of millions of instructions to build). Three callers share it and keep
//! their own conditions: the closing credit of the HTML metadata ([`captions`](super::captions)),
//! the credit line at the end of a saved text's article (`clean::text::lift`) and the HTML
//! end-matter rule (`clean::rules`). Never reads a page, never decides where a line stands.

use std::ops::RangeInclusive;

/// Letters of the word that opens a sign-off's head when it is not a known agency: an editor's
/// initials ("hk", "jdo"); a longer word is a word ("Hilfe/Kasse").
pub const INITIALS_LETTERS: RangeInclusive<usize> = 2..=4;
/// Letters of each later word of the head ("uh", "PAP", "Reuters").
pub const WORD_LETTERS: RangeInclusive<usize> = 2..=8;
/// Words of the head, separated by slashes ("hk/uh/dpa/afp"), at most.
pub const MAX_HEAD_WORDS: usize = 4;
/// Characters inside the closing parentheses ("dpa, afp, rtr, ap"), at most.
pub const MAX_LIST_CHARS: usize = 60;
/// Characters of an item of the list ("dpa", "Reuters"), at least.
pub const MIN_ITEM_CHARS: usize = 2;
/// Words of an item of the list ("Reuters", "Agentur Nord"), at most: a longer item is a
/// phrase ("Photo by Jane Roe").
pub const MAX_ITEM_WORDS: usize = 2;

/// News agencies whose short names open a sign-off, lower case.
pub const AGENCIES: &[&str] = &[
    "dpa", "afp", "ap", "rtr", "reuters", "kna", "epd", "apa", "sda", "ansa", "efe", "ots", "sid",
];

/// The shape of a sign-off: a head of slash-separated initials and agencies, a list of agencies
/// in closing parentheses, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signoff {
    /// Words before the list ("hk/uh (dpa)" has two, "(dpa, afp)" none).
    pub head_words: usize,
    /// Items of the list in parentheses ("(dpa, afp)" has two, "ab/APA" none).
    pub list_items: usize,
    /// The line's first letter is lower case (editors' initials are: "hk", "jö").
    pub lower_case_start: bool,
    /// The line's first word names an agency of [`AGENCIES`] ("AP/Reuters", "(dpa/AFP)").
    pub agency_first: bool,
}

/// The sign-off shape of `text`, if it has one: a head (2 to [`MAX_HEAD_WORDS`] words of
/// letters joined by "/", the first one initials or an agency), a list in closing parentheses
/// (items of letters and spaces split by ",", "/" or ";"), or a head of one or more words and
/// a list. The whole line may stand in parentheses, and an opening one may lack its closing
/// one ("(jö/APA").
///
/// Example: "hk/uh (dpa, afp, rtr, ap)", "(dpa)", "(kna/epd)", "ab/APA", "AP/Reuters"; not
/// "Hilfe/Kasse", "dpa" or "The minister (who was there) said so (later)."
pub fn parse(text: &str) -> Option<Signoff> {
    let text = text.trim();
    let (head, list) = match text.strip_suffix(')') {
        Some(inner) => {
            let open = inner.rfind('(')?;
            (inner[..open].trim_end(), Some(&inner[open + 1..]))
        }
        None => (text.strip_prefix('(').unwrap_or(text), None),
    };
    let head_words = head_words(head)?;
    if head_words < 2 && list.is_none() {
        return None;
    }
    let list_items = match list {
        Some(list) => list_items(list)?,
        None => 0,
    };
    let first = text
        .trim_start_matches('(')
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    Some(Signoff {
        head_words,
        list_items,
        lower_case_start: first.chars().next().is_some_and(char::is_lowercase),
        agency_first: is_agency(first),
    })
}

/// True when `word` is one of [`AGENCIES`], in any case.
fn is_agency(word: &str) -> bool {
    AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The number of words in a sign-off's head, or `None` when `head` is not one (empty: none).
fn head_words(head: &str) -> Option<usize> {
    if head.is_empty() {
        return Some(0);
    }
    let mut n = 0;
    for word in head.split('/') {
        let letters = word.chars().count();
        let ok = word.chars().all(char::is_alphabetic)
            && if n == 0 {
                INITIALS_LETTERS.contains(&letters) || is_agency(word)
            } else {
                WORD_LETTERS.contains(&letters)
            };
        if !ok || n == MAX_HEAD_WORDS {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// The number of items in a sign-off's list, or `None` when `list` is not one.
fn list_items(list: &str) -> Option<usize> {
    if list.chars().count() > MAX_LIST_CHARS {
        return None;
    }
    let mut n = 0;
    for item in list.split([',', '/', ';']) {
        let item = item.trim();
        let ok = item.chars().count() >= MIN_ITEM_CHARS
            && item.chars().all(|c| c.is_alphabetic() || c == ' ')
            && item.split_whitespace().count() <= MAX_ITEM_WORDS;
        if !ok {
            return None;
        }
        n += 1;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_agencies() {
        let s = parse("hk/uh (dpa, afp, rtr, ap)").expect("a sign-off");
        assert_eq!((s.head_words, s.list_items), (2, 4));
        assert!(s.lower_case_start && !s.agency_first);
        let s = parse("(dpa)").expect("a sign-off");
        assert_eq!((s.head_words, s.list_items), (0, 1));
        assert!(s.agency_first);
        let s = parse("AP/Reuters").expect("a sign-off");
        assert_eq!((s.head_words, s.list_items), (2, 0));
        assert!(s.agency_first && !s.lower_case_start);
        assert!(parse("Reuters/AP").is_some(), "an agency may open the head");
        assert!(parse("(zq/AXN").is_some(), "an unclosed parenthesis");
        assert!(parse("(zq/ab/AXN)").is_some());
        assert!(parse("jö (Agentur Nord)").is_some());
    }

    #[test]
    fn words_and_sentences_are_no_signoffs() {
        for no in [
            "dpa",
            "Hilfe/Kasse",
            "z/AXN",
            "zq/A",
            "zq/AXN1",
            "zq AXN",
            "zq/ab/cd/ef/gh",
            "(k)",
            "()",
            "The minister (who was there) said so (later).",
            "Die Polizei (LKA) ermittelt weiter",
            "zq/ab (Agentur Nord, 12 Uhr)",
        ] {
            assert_eq!(parse(no), None, "{no}");
        }
        assert!(parse(&format!("zq/ab ({})", "é".repeat(MAX_LIST_CHARS))).is_some());
        assert!(parse(&format!("zq/ab ({})", "e".repeat(MAX_LIST_CHARS + 1))).is_none());
    }
}
