//! Picture captions with their credits, and the closing credit line of a story.
//!
//! Takes the scan's `<figure>`s and `<p>`s; returns [`Caption`]s (caption text, credit, image)
//! and the closing agency or reporting line ("hk/uh (dpa, afp)", "(Reporting by ...; Editing by
//! ...)"). A credit is an element inside the figure whose class says credit, copyright or source,
//! or a trailing "Photo: ...", "Bild: ...", "(AP Photo/...)", "© ..." in the caption; the
//! agency sign-off's shape is [`signoff`]'s, shared with the body rules. Reads the page, never
//! the body blocks; regexes run on short texts only.

use super::scan::{Scan, contains_ci};
use super::signoff;
use super::{first_text_char, node_text, squeeze, urls};
use crate::article::Caption;
use crate::dom::{Dom, NodeId, Tag};
use regex::Regex;
use std::sync::LazyLock;

/// Most figures read per page.
const MAX_FIGURES: usize = 60;
/// Longest caption read, in bytes.
const MAX_CAPTION_BYTES: usize = 1000;
/// Longest trailing credit split off a caption, in characters.
const MAX_CREDIT_CHARS: usize = 120;
/// Paragraphs read from the end of the page when looking for a closing credit.
const CLOSING_WINDOW: usize = 40;

/// Class words of a credit element inside a figure.
const CREDIT_CLASSES: &[&str] = &["credit", "copyright", "source", "photographer", "byline"];

/// Where a trailing credit starts in a caption.
static CREDIT_MARK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\(?\b(?:ap|afp|reuters|epa|dpa)\s+(?:photo|foto)/|\b(?:photos?|fotos?|bild(?:er)?|images?|credits?|crédits?|crédito|photograph|fotografía|imagen|quelle|source)\s*:|©|\(c\)",
    )
    .ok()
});

/// Longest tail after "Reporting by" in a closing line, in characters.
const MAX_REPORTING_CHARS: usize = 400;

/// Closing line "Reporting by ...; Editing by ...".
static CLOSING_REPORTING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\(?(?:reporting|writing|additional reporting|editing|compiled|text)\s+by\b(.{3,})$",
    )
    .ok()
});

/// True when `text` is a closing credit line: "hk/uh (dpa, afp, rtr, ap)", "Reporting by Jane
/// Roe; Editing by John Doe", "(dpa/AFP)".
///
/// A sign-off has the shape of [`signoff::parse`]; since the lines read here are any of the
/// page's last paragraphs, not only those after the article, it must also open with an
/// agency ("(dpa/AFP)", "AP/Reuters") or with editors' initials in lower case before the
/// agencies ("hk/uh", "jd (Reuters)"): "UNO/NATO" or "Ort (optional)" have the shape but are
/// neither. The reporting pattern runs only on lines that start with one of its words and
/// hold "by" after a space ([`reporting_start`], [`has_spaced_by`]).
fn is_closing_line(text: &str) -> bool {
    if signoff::parse(text)
        .is_some_and(|s| s.agency_first || s.lower_case_start && s.head_words > 0)
    {
        return true;
    }
    reporting_start(text)
        && has_spaced_by(text)
        && CLOSING_REPORTING
            .as_ref()
            .and_then(|reporting| reporting.captures(text))
            .and_then(|c| c.get(1))
            .is_some_and(|m| m.as_str().chars().count() <= MAX_REPORTING_CHARS)
}

/// Words a reporting line starts with (after an optional "("), as [`CLOSING_REPORTING`] reads
/// them. None holds a letter whose case folds outside ASCII (k, s), so comparing ASCII
/// without case finds every line the pattern matches.
const REPORTING_WORDS: &[&str] = &[
    "reporting",
    "writing",
    "additional reporting",
    "editing",
    "compiled",
    "text",
];

/// True when `c` is the first letter, in any case, of a reporting word or an agency.
fn opens_closing_word(c: char) -> bool {
    REPORTING_WORDS
        .iter()
        .chain(signoff::AGENCIES)
        .any(|w| w.chars().next().is_some_and(|f| f.eq_ignore_ascii_case(&c)))
}

/// True when `text` starts (after an optional "(") with one of [`REPORTING_WORDS`].
fn reporting_start(text: &str) -> bool {
    let rest = text.strip_prefix('(').unwrap_or(text).as_bytes();
    REPORTING_WORDS.iter().any(|w| {
        rest.get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// True when "by" (any case) follows a white-space character in `text`.
fn has_spaced_by(text: &str) -> bool {
    text.char_indices().any(|(i, c)| {
        c.is_whitespace()
            && text
                .as_bytes()
                .get(i + c.len_utf8()..)
                .and_then(|rest| rest.get(..2))
                .is_some_and(|b| b.eq_ignore_ascii_case(b"by"))
    })
}

/// Every figure's caption and credit.
pub fn captions(dom: &Dom, scan: &Scan<'_>, base: Option<&url::Url>) -> Vec<Caption> {
    let mut out = Vec::new();
    for &figure in scan.figures.iter().take(MAX_FIGURES) {
        let Some(caption) = dom
            .descendants(figure)
            .find(|&d| dom.tag(d) == Some(Tag::Figcaption))
        else {
            continue;
        };
        let mut text = node_text(dom, caption, MAX_CAPTION_BYTES);
        let mut credit = credit_element(dom, figure).map(|c| node_text(dom, c, 300));
        if let Some(c) = credit.as_deref().filter(|c| !c.is_empty()) {
            text = squeeze(&text.replacen(c, "", 1));
        } else {
            credit = None;
            let (caption_text, trailing) = split_credit(&text);
            credit = trailing.or(credit);
            text = caption_text;
        }
        let image = dom
            .descendants(figure)
            .find(|&d| dom.tag(d) == Some(Tag::Img))
            .and_then(|img| dom.attr(img, "src").or_else(|| dom.attr(img, "data-src")))
            .and_then(|src| urls::absolute(src, base));
        if !text.is_empty() || credit.is_some() {
            out.push(Caption {
                text,
                credit,
                image,
            });
        }
    }
    out
}

fn credit_element(dom: &Dom, figure: NodeId) -> Option<NodeId> {
    dom.descendants(figure).skip(1).find(|&d| {
        dom.attr(d, "class")
            .is_some_and(|c| CREDIT_CLASSES.iter().any(|w| contains_ci(c, w)))
    })
}

/// Splits "Caption text. Photo: Jane Doe/Agency" into the text and the credit.
pub fn split_credit(text: &str) -> (String, Option<String>) {
    // Every credit mark holds one of these bytes (":" after a word, "/" after "AP Photo",
    // "©", "(c)"): a caption without them has none, and the pattern need not be built.
    if !text.contains([':', '/', '©']) && !contains_ci(text, "(c)") {
        return (text.to_string(), None);
    }
    let Some(mark) = CREDIT_MARK.as_ref() else {
        return (text.to_string(), None);
    };
    for m in mark.find_iter(text) {
        let credit = text[m.start()..].trim();
        if credit.chars().count() <= MAX_CREDIT_CHARS {
            let caption = text[..m.start()].trim_end().to_string();
            return (caption, Some(credit.to_string()));
        }
    }
    (text.to_string(), None)
}

/// The closing agency or reporting line, read from the last paragraphs of the page.
pub fn closing_credits(dom: &Dom, scan: &Scan<'_>) -> Option<String> {
    for &p in scan.paragraphs.iter().rev().take(CLOSING_WINDOW) {
        if dom
            .ancestors(p)
            .any(|a| matches!(dom.tag(a), Some(Tag::Footer | Tag::Nav | Tag::Aside)))
        {
            continue;
        }
        // Every closing line starts with a lower-case letter (initials), "(" or the first
        // letter of a reporting word or an agency ([`is_closing_line`]): other paragraphs are
        // not read.
        if !first_text_char(dom, p)
            .is_some_and(|c| c.is_lowercase() || c == '(' || opens_closing_word(c))
        {
            continue;
        }
        let text = node_text(dom, p, 500);
        if text.is_empty() || text.len() > 450 {
            continue;
        }
        let closing = is_closing_line(&text);
        if closing {
            return Some(text);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> (Vec<Caption>, Option<String>) {
        let dom = Dom::parse(&format!("<html><body>{body}</body></html>"));
        let scan = Scan::collect(&dom);
        (captions(&dom, &scan, None), closing_credits(&dom, &scan))
    }

    #[test]
    fn credit_in_an_element_or_trailing() {
        let (c, _) = page(
            "<figure><img src='https://x.example/a.jpg'><figcaption>Two ferries. <span class='credit'>Bild: picture-alliance/dpa</span></figcaption></figure>\
             <figure><figcaption>The harbour at dawn. Photo: Jane Doe/Getty Images</figcaption></figure>",
        );
        assert_eq!(c[0].text, "Two ferries.");
        assert_eq!(c[0].credit.as_deref(), Some("Bild: picture-alliance/dpa"));
        assert_eq!(c[0].image.as_deref(), Some("https://x.example/a.jpg"));
        assert_eq!(c[1].text, "The harbour at dawn.");
        assert_eq!(c[1].credit.as_deref(), Some("Photo: Jane Doe/Getty Images"));
    }

    #[test]
    fn agency_photo_credit() {
        assert_eq!(
            split_credit("Crowds gather in the square. (AP Photo/John Smith)"),
            (
                "Crowds gather in the square.".to_string(),
                Some("(AP Photo/John Smith)".to_string())
            )
        );
        assert_eq!(split_credit("No credit here").1, None);
        assert_eq!(split_credit("Two boats (left) at sea").1, None);
        assert_eq!(
            split_credit("The pier at night. (C) Jane Doe").1.as_deref(),
            Some("(C) Jane Doe")
        );
    }

    #[test]
    fn closing_lines() {
        let (_, c) = page(
            "<p>Body text of the story.</p><p>hk/uh (dpa, afp, rtr, ap)</p><footer><p>© 2024</p></footer>",
        );
        assert_eq!(c.as_deref(), Some("hk/uh (dpa, afp, rtr, ap)"));
        let (_, c) = page("<p>Body.</p><p>(Reporting by Jane Doe; Editing by John Roe)</p>");
        assert_eq!(
            c.as_deref(),
            Some("(Reporting by Jane Doe; Editing by John Roe)")
        );
        let (_, c) = page("<p>Just a story.</p>");
        assert_eq!(c, None);
    }

    #[test]
    fn closing_line_byte_tests() {
        assert!(reporting_start("(Additional reporting by X)"));
        assert!(reporting_start("TEXT: by"));
        assert!(!reporting_start("Reports say"));
        assert!(has_spaced_by("Writing\u{a0}BY Jane"));
        assert!(!has_spaced_by("Nearby"));
        assert!(is_closing_line(
            "(Writing by Jane Doe; editing by John Roe)"
        ));
        assert!(!is_closing_line("Reportingby Jane Doe"));
    }

    #[test]
    fn a_signoff_closes_a_page_when_it_opens_with_initials_or_an_agency() {
        assert!(is_closing_line("AP/Reuters"));
        assert!(is_closing_line("zq/AXN"));
        assert!(is_closing_line("zq (Agentur Nord)"));
        assert!(!is_closing_line("UNO/NATO"), "the shape, but no initials");
        assert!(!is_closing_line("Ort (optional)"));
        assert!(!is_closing_line("(Agentur Nord)"), "no known agency first");
        assert!(
            "(zKAReT"
                .chars()
                .all(|c| c == '(' || c.is_lowercase() || opens_closing_word(c))
        );
        assert!(!opens_closing_word('Z'));
    }

    #[test]
    fn closing_line_bounds() {
        assert!(is_closing_line("hk/uh (dpa, afp, rtr, ap)"));
        assert!(is_closing_line("jdo/ab"));
        assert!(is_closing_line("(dpa/AFP)"));
        assert!(
            !is_closing_line("hkabc/uh"),
            "a part of five letters is a word"
        );
        assert!(!is_closing_line(&format!("hk/uh ({})", "a".repeat(61))));
        assert!(is_closing_line(&format!("hk/uh ({})", "é".repeat(60))));
        assert!(is_closing_line(&format!(
            "Reporting by {}",
            "é".repeat(399)
        )));
        assert!(!is_closing_line(&format!(
            "Reporting by {}",
            "e".repeat(401)
        )));
        assert!(!is_closing_line("Reporting by"));
    }
}
