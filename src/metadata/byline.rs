//! Authors: structured author fields, `rel=author` links and byline elements, and the cleaning of
//! author strings.
//!
//! Takes the scan and the structured sources; returns the author names. Author strings lose
//! "By"/"Von"/"Par"..., dates, job titles, e-mail addresses and site names posing as authors (an
//! organisation equal to the publisher is not a person; a page credited only to its site has no
//! author). Byline elements inside comments, navigation, footers and
//! asides are skipped. Must not guess a name from running text.

use super::scan::{Scan, contains_ci};
use super::{Sources, date, fold, node_text};
use crate::dom::{Dom, NodeId, Tag};

/// Labels before author names, compared without case (longest first where they overlap).
const PREFIXES: &[&str] = &[
    "written and photographed by",
    "text und fotos:",
    "text and photos:",
    "geschrieben von",
    "erstellt von",
    "verfasst von",
    "artikel von:",
    "artikel von",
    "beitrag von",
    "written by",
    "posted by",
    "published by",
    "reported by",
    "story by",
    "words by",
    "article by",
    "publié par",
    "écrit par",
    "escrito por",
    "publicado por",
    "scritto da",
    "pubblicato da",
    "geplaatst door",
    "a cura di",
    "redaktion:",
    "interview:",
    "autorin:",
    "autor:",
    "autorin",
    "author:",
    "authors:",
    "auteur:",
    "auteur",
    "autore:",
    "text:",
    "texte:",
    "von:",
    "by:",
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "av",
    "af",
    "from",
    "author",
    "autor",
    "редакция",
];

/// Words that make a part a job title or a label, not a name.
const NOT_NAME_WORDS: &[&str] = &[
    "reporter",
    "editor",
    "editors",
    "correspondent",
    "redakteur",
    "redakteurin",
    "writer",
    "journalist",
    "journalistin",
    "contributor",
    "columnist",
    "photographer",
    "senior",
    "chief",
    "published",
    "updated",
    "posted",
    "minutes",
    "minute",
    "min",
    "read",
    "lesezeit",
    "comments",
    "comment",
    "kommentare",
    "share",
    "follow",
    "uhr",
    "aktualisiert",
    "veröffentlicht",
    "mehr",
    "more",
    "view",
    "profile",
    "articles",
    "posts",
    "email",
    "twitter",
    "facebook",
    "about",
    "admin",
    "anonymous",
    "guest",
    "correspondant",
    "publiziert",
    "datum",
    "chefredakteur",
    "chefredakteurin",
    "follow",
    "artikel",
    "gesponserte",
    "inhalte",
    "sponsored",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "no",
    "unknown",
    "wordpressadmin",
    "webmaster",
    "home",
];

/// Words of a collective author: an editorial team or a news agency ("Redaktion", "HLNF Staff
/// Report", "Agencia EFE"). Such a credit is not a person's name; it is kept only when the
/// byline names no person ("Von Paul Wendt, dpa" gives Paul Wendt).
const COLLECTIVE_WORDS: &[&str] = &[
    "redaktion",
    "staff",
    "team",
    "rédaction",
    "redacción",
    "redazione",
    "redactie",
    "editorial",
    "newsroom",
    "agencies",
    "agency",
    "agencia",
    "agence",
    "agenzia",
    "press",
    "associated",
    "ap",
    "afp",
    "dpa",
    "reuters",
    "ansa",
    "efe",
    "kna",
    "epd",
    "sid",
    "apa",
];

/// Weekday abbreviations that precede a date.
const WEEKDAYS: &[&str] = &[
    "mo", "di", "mi", "do", "fr", "sa", "so", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "lun", "mar", "mer", "jeu", "ven", "sam", "dim",
];

/// Words that join a name to the date after it.
const CONNECTORS: &[&str] = &[
    "on", "am", "le", "il", "el", "op", "at", "den", "vom", "du", "del",
];

/// Joining words between several names.
const JOINERS: &[&str] = &[
    " and ", " und ", " & ", " et ", " y ", " e ", " en ", " og ", " och ", " i ", " ja ", " és ",
];

/// Words, in a byline element, that start the part after the names ("on", "am", "le").
const AFTER_NAME: &[&str] = &[
    " on ", " am ", " le ", " il ", " el ", " op ", " at ", " in ", " for ", " | ", " - ", " – ",
    " — ", " · ", " • ", "|", "\n", " (",
];

/// Longest author name kept, in words.
const MAX_NAME_WORDS: usize = 5;
/// Longest byline element text read, in bytes.
const MAX_BYLINE_BYTES: usize = 200;

/// Chooses the authors: JSON-LD, microdata, `<meta>`, then `rel=author` and byline elements,
/// then a labelled byline. The site's own name posing as the author is never one: a page
/// credited only to its site has no author.
pub fn authors(dom: &Dom, scan: &Scan<'_>, sources: &Sources, sites: &[String]) -> Vec<String> {
    let names = named_authors(dom, scan, sources, sites);
    if !names.is_empty() {
        return names;
    }
    let names = labelled_byline(dom, scan, sites);
    if !names.is_empty() {
        return names;
    }
    signature_byline(dom, scan, sites)
}

/// A signature line is at most this many bytes long.
const MAX_SIGNATURE_BYTES: usize = 120;
/// A signed name has at most this many words.
const MAX_SIGNED_NAME_WORDS: usize = 4;

/// Rule `signature_byline`: on a page naming no author elsewhere, a paragraph whose class or
/// id says "signature" and that opens with a name ("Hélène Garnier, adjointe chargée de la
/// culture") gives the author: the name before the first comma or dash, two to
/// [`MAX_SIGNED_NAME_WORDS`] capitalised words, cleaned as any byline.
fn signature_byline(dom: &Dom, scan: &Scan<'_>, sites: &[String]) -> Vec<String> {
    for &p in &scan.paragraphs {
        let signed = ["class", "id"].iter().any(|a| {
            dom.attr(p, a)
                .is_some_and(|v| v.to_ascii_lowercase().contains("signature"))
        });
        if !signed || in_foreign_region(dom, scan, p) {
            continue;
        }
        let text = node_text(dom, p, MAX_SIGNATURE_BYTES);
        if text.len() > MAX_SIGNATURE_BYTES {
            continue;
        }
        let name = text
            .split([',', '|', '–', '—', '(', '/'])
            .next()
            .unwrap_or("")
            .split(" - ")
            .next()
            .unwrap_or("")
            .trim();
        let words: Vec<&str> = name.split_whitespace().collect();
        let capitalised = words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if (2..=MAX_SIGNED_NAME_WORDS).contains(&words.len()) && capitalised {
            let names = clean_all([name], sites);
            if !names.is_empty() {
                return names;
            }
        }
    }
    Vec::new()
}

/// Author labels written in bold before a name, compared without case.
const BOLD_LABELS: &[&str] = &[
    "autor:",
    "autorin:",
    "autoren:",
    "author:",
    "authors:",
    "auteur:",
    "autore:",
    "verfasser:",
    "text:",
    "texte:",
    "von:",
    "by:",
];

/// Rule `labelled_byline`: on a page whose markup names no byline, a bold author label
/// (`<strong>Autor:</strong> <a>Hannelore Quast</a>`, `<b>Von:</b> Ole Brammer`) and
/// what follows it in its parent, or a `<byline>` element ("Von Paul Wendt, dpa"), give
/// the authors. The parent's text must be a short line ([`MAX_BYLINE_BYTES`]), outside
/// comments and other foreign regions, and is cleaned as any byline (it stops at the next
/// label: "Hannelore Quast Tags: …").
fn labelled_byline(dom: &Dom, scan: &Scan<'_>, sites: &[String]) -> Vec<String> {
    for id in dom.ids() {
        let line = match dom.tag(id) {
            Some(Tag::Strong | Tag::B) => {
                let label = node_text(dom, id, 20).to_lowercase();
                if !BOLD_LABELS.contains(&label.as_str()) {
                    continue;
                }
                let Some(parent) = dom.parent(id) else {
                    continue;
                };
                parent
            }
            _ if dom.tag_name(id) == "byline" => id,
            _ => continue,
        };
        if in_foreign_region(dom, scan, line) {
            continue;
        }
        let text = node_text(dom, line, MAX_BYLINE_BYTES);
        if text.len() > MAX_BYLINE_BYTES {
            continue;
        }
        let names = clean_all([text.as_str()], sites);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// The authors that the sources name, site names (`sites`) excluded.
fn named_authors(dom: &Dom, scan: &Scan<'_>, sources: &Sources, sites: &[String]) -> Vec<String> {
    for raw in [
        &sources.jsonld.authors,
        &sources.microdata.authors,
        &sources.meta.authors,
    ] {
        let names = clean_all(raw.iter().map(String::as_str), sites);
        if !names.is_empty() {
            let names = names
                .into_iter()
                .map(|n| display_name_of_login(dom, &n).unwrap_or(n))
                .collect();
            return complete_given_name(dom, scan, names);
        }
    }
    let mut candidates: Vec<NodeId> = scan
        .rel_authors
        .iter()
        .chain(&scan.bylines)
        .copied()
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let after_h1 = scan.h1s.first().copied().unwrap_or(0);
    // Bylines after the headline first, then the others, each in page order.
    candidates.sort_by_key(|&id| id < after_h1);
    let mut initials = Vec::new();
    for id in candidates {
        if in_foreign_region(dom, scan, id) {
            continue;
        }
        let text = node_text(dom, id, MAX_BYLINE_BYTES);
        if text.is_empty() || text.len() > MAX_BYLINE_BYTES {
            continue;
        }
        let names = clean_all([text.as_str()], sites);
        if names.iter().all(|n| is_initials(n)) {
            if initials.is_empty() {
                initials = names;
            }
            continue;
        }
        return names;
    }
    if !initials.is_empty() {
        return initials;
    }
    let names = label_led_byline(dom, scan, sites);
    if !names.is_empty() {
        return names;
    }
    // Datelines often carry the byline: "Posted by Margaret Orme on 15/04/2019".
    for &id in &scan.date_hints {
        if in_foreign_region(dom, scan, id) {
            continue;
        }
        let text = node_text(dom, id, MAX_BYLINE_BYTES);
        if text.len() > MAX_BYLINE_BYTES || label_inside(&format!(" {text}")).is_none() {
            continue;
        }
        let names = clean_all([text.as_str()], sites);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// "By"-words that open a byline element by themselves, compared without case.
const LEADING_LABELS: &[&str] = &["by", "von", "par", "por", "door"];
/// Longest text of an element read by [`label_led_byline`], in bytes.
const MAX_LABEL_LED_BYTES: usize = 80;

/// Rule `label_led_byline`: an element whose whole text is a "by"-word ([`LEADING_LABELS`])
/// and then two to [`MAX_NAME_WORDS`] capitalised words (joiners between names allowed:
/// "By Jane Doe and John Roe") is a byline whatever its class
/// (`<span class="hero__meta-label">von Irene Falk</span>`,
/// `<strong>Por Agencia EFE</strong>`). Headings, links and titles are skipped (a headline
/// "By The Numbers" is no byline), so are comments and other foreign regions; an element
/// after the page's first `<h1>` wins over one before it.
fn label_led_byline(dom: &Dom, scan: &Scan<'_>, sites: &[String]) -> Vec<String> {
    let after_h1 = scan.h1s.first().copied().unwrap_or(0);
    let mut before: Vec<String> = Vec::new();
    for id in dom.ids() {
        let Some(text) = dom.text(id) else {
            continue;
        };
        // Most text nodes are no byline: no allocation before the label matches.
        let first = text.split_whitespace().next().unwrap_or("");
        let Some(label) = LEADING_LABELS
            .iter()
            .find(|l| l.eq_ignore_ascii_case(first))
        else {
            continue;
        };
        let Some(parent) = dom.parent(id) else {
            continue;
        };
        if matches!(
            dom.tag(parent),
            Some(
                Tag::A
                    | Tag::H1
                    | Tag::H2
                    | Tag::H3
                    | Tag::H4
                    | Tag::H5
                    | Tag::H6
                    | Tag::Title
                    | Tag::Button
                    | Tag::Option
            ) | None
        ) {
            continue;
        }
        let line = node_text(dom, parent, MAX_LABEL_LED_BYTES);
        if line.len() > MAX_LABEL_LED_BYTES {
            continue;
        }
        let mut words = line.split_whitespace();
        if !words.next().is_some_and(|w| w.eq_ignore_ascii_case(label)) {
            continue;
        }
        let words: Vec<&str> = words.collect();
        if !(2..=MAX_NAME_WORDS).contains(&words.len())
            || !words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) || is_joiner(w))
            || in_foreign_region(dom, scan, parent)
        {
            continue;
        }
        let names = clean_all([line.as_str()], sites);
        if names.is_empty() {
            continue;
        }
        if parent >= after_h1 {
            return names;
        }
        if before.is_empty() {
            before = names;
        }
    }
    before
}

/// True when `word` is one of the [`JOINERS`] between names ("und", "&").
fn is_joiner(word: &str) -> bool {
    JOINERS.iter().any(|j| j.trim() == word)
}

/// Longest middle word (an initial, "P.") taken between a login's given and family name.
const MAX_MIDDLE_INITIAL_CHARS: usize = 2;

/// Rule `login_becomes_display_name`: a structured author written as a login, lowercase words
/// joined by a dot or an underscore ("marta.lindqvist"), is the person the page names in
/// full with those words, capitalised, an initial allowed between them ("Marta J.
/// Lindqvist"). Without such a name on the page the login stays.
fn display_name_of_login(dom: &Dom, login: &str) -> Option<String> {
    let parts: Vec<&str> = login.split(['.', '_']).collect();
    let [given, family] = parts.as_slice() else {
        return None;
    };
    let lower_word =
        |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
    if !lower_word(given) || !lower_word(family) {
        return None;
    }
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    for id in dom.ids() {
        let Some(text) = dom.text(id) else {
            continue;
        };
        if !text.to_lowercase().contains(family) {
            continue;
        }
        let words: Vec<&str> = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
            .collect();
        for (i, w) in words.iter().enumerate() {
            if !capital(w) || w.to_lowercase() != *given {
                continue;
            }
            let mut j = i + 1;
            if let Some(m) = words.get(j)
                && m.ends_with('.')
                && capital(m)
                && m.chars().count() <= MAX_MIDDLE_INITIAL_CHARS
            {
                j += 1;
            }
            if let Some(last) = words.get(j)
                && capital(last)
                && last.trim_end_matches('.').to_lowercase() == *family
            {
                return Some(words[i..=j].join(" ").trim_end_matches('.').to_string());
            }
        }
    }
    None
}

/// Longest credit, in letters, read as initials by [`is_initials`].
const MAX_INITIALS: usize = 3;

/// Rule `initials_yield_to_names`: a byline of initials only ("JF", "uh") is a short credit;
/// a later byline element with a full name ("Boris T. Kaiser") is the author, and the initials
/// are kept only when no element names anyone.
fn is_initials(name: &str) -> bool {
    !name.contains(' ')
        && name.chars().count() <= MAX_INITIALS
        && name.chars().all(char::is_alphabetic)
}

/// A lone given name ("Jonas") becomes the full name that a byline or author box on the page
/// writes after it ("Jonas Wendt ist freier Autor..."): the next word, capitalised and not a
/// job title or label. Author boxes often sit in the article's footer or a sidebar, so only
/// comment threads are skipped here ([`COMMENT_WORDS`], by class or id).
fn complete_given_name(dom: &Dom, scan: &Scan<'_>, names: Vec<String>) -> Vec<String> {
    let [given] = names.as_slice() else {
        return names;
    };
    if given.contains(' ') || !given.chars().all(char::is_alphabetic) {
        return names;
    }
    for &id in scan.rel_authors.iter().chain(&scan.bylines) {
        if std::iter::once(id)
            .chain(dom.ancestors(id))
            .any(|a| super::class_names_any(dom, a, COMMENT_WORDS))
        {
            continue;
        }
        let text = node_text(dom, id, MAX_BYLINE_BYTES);
        let words: Vec<&str> = text.split_whitespace().collect();
        for pair in words.windows(2) {
            let next = pair[1];
            if pair[0] == given
                && next != given
                && next.chars().count() >= 2
                && next.chars().next().is_some_and(char::is_uppercase)
                && next.chars().all(|c| c.is_alphabetic() || c == '-')
                && !is_word_in(next, NOT_NAME_WORDS)
                && !is_word_in(next, COLLECTIVE_WORDS)
                && !PREFIXES.contains(&next.to_lowercase().as_str())
            {
                return vec![format!("{given} {next}")];
            }
        }
    }
    names
}

fn clean_all<'a>(raw: impl IntoIterator<Item = &'a str>, sites: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        for name in clean_author(r, sites) {
            if !out.iter().any(|o| fold(o) == fold(&name)) {
                out.push(name);
            }
        }
    }
    // A team credit beside a person's name ("Michael Rädel", "Redaktion") is not an author.
    if out.iter().any(|n| looks_like_name(n)) {
        out.retain(|n| looks_like_name(n));
    }
    out
}

/// Cleans one author string into names: drops labels, dates, job titles, addresses and names
/// equal to one of `sites` (folded declared site and publisher names), and splits "A, B and C".
pub fn clean_author(raw: &str, sites: &[String]) -> Vec<String> {
    let mut text = super::squeeze(raw);
    // Rule `url_is_not_a_name`: an author given as a profile address
    // ("https://news.example.org/author/jroe/") names no one by itself.
    if text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www.") {
        return Vec::new();
    }
    if let Some(i) = label_inside(&text) {
        text.replace_range(..i, "");
    }
    if let Some((offset, _)) = date::find_dates(&text, date::DayOrder::DayFirst).first() {
        text.truncate(*offset);
        // A weekday written before the date ("Ruth Albers Di 14 Jan 2020") goes with it.
        // So does a connecting word ("on", "am", "le").
        loop {
            let trimmed = text.trim_end().trim_end_matches([',', '.', '|', '-']);
            let Some((head, last)) = trimmed.rsplit_once(' ') else {
                break;
            };
            let last = last.to_lowercase();
            if !WEEKDAYS.contains(&last.as_str()) && !CONNECTORS.contains(&last.as_str()) {
                break;
            }
            let keep = head.len();
            text.truncate(keep);
        }
    }
    let text = without_handles(&text);
    let mut rest = before_next_label(strip_prefix(text.trim()));
    for stop in AFTER_NAME {
        if let Some(i) = rest.find(stop)
            && i > 0
        {
            rest = &rest[..i];
        }
    }
    let rest = rest
        .trim()
        .trim_matches(|c: char| ",;:|-–—·•(".contains(c))
        .trim();
    let mut parts: Vec<&str> = vec![rest];
    for sep in [",", ";", "/"].iter().chain(JOINERS) {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    let mut names = Vec::new();
    let whole = strip_prefix(rest);
    for part in parts {
        let name =
            strip_prefix(part.trim()).trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        if looks_like_name(name) && !names_site(name, sites) {
            names.push(name.to_string());
        } else if !names.is_empty() {
            // "Jane Doe, Senior Reporter": what follows the names is not a name.
            break;
        }
    }
    if names.is_empty() && is_collective(whole) && !names_site(whole, sites) {
        names.push(whole.to_string());
    }
    names
}

/// Rule `credit_holding_the_site_is_the_site`: a credit equal to one of `sites` (folded site
/// and publisher names), or one that holds a site name as whole words making at least half of
/// it ("FC Hessische Kelter" on hessische-kelter.example), names the site, not a person. The
/// site's team ([`COLLECTIVE_WORDS`]: "Tierhilfe-Team", "motorblatt.example Redaktion") is a credit.
fn names_site(credit: &str, sites: &[String]) -> bool {
    let f = fold(credit);
    sites.iter().any(|s| {
        *s == f
            || (s.len() >= MIN_SITE_IN_CREDIT
                && s.len() < f.len()
                && s.len() * 2 >= f.len()
                && !credit
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| is_word_in(w, COLLECTIVE_WORDS))
                && super::title::site_covers_whole_words(credit, s))
    })
}

/// Fewest letters of a site name found inside a longer credit by [`names_site`].
const MIN_SITE_IN_CREDIT: usize = 4;

/// A credit to a team or an agency ([`COLLECTIVE_WORDS`]): a few words, no digits, no address.
fn is_collective(credit: &str) -> bool {
    let words: Vec<&str> = credit.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= MAX_NAME_WORDS
        && !credit.chars().any(|c| c.is_ascii_digit())
        && !credit.contains('@')
        && !credit.contains("http")
        && !credit.contains("www.")
        && !is_domain(credit)
        && words.iter().any(|w| is_word_in(w, COLLECTIVE_WORDS))
        && !words.iter().any(|w| is_word_in(w, NOT_NAME_WORDS))
}

/// True when `word`, lowercased and without surrounding punctuation, is one of `list`.
fn is_word_in(word: &str, list: &[&str]) -> bool {
    list.contains(
        &word
            .to_lowercase()
            .trim_matches(|c: char| !c.is_alphanumeric()),
    )
}

/// Labels that start the names inside a longer byline, with a space before them.
const INNER_LABELS: &[&str] = &[
    " by ",
    " redaktion: ",
    " by: ",
    " von ",
    " par ",
    " por ",
    " door ",
    " autor: ",
    " autorin: ",
    " author: ",
    " auteur: ",
];

/// Where a "by"-like label starts inside a longer byline ("Posted on March 5 by Jane",
/// "Datum: 08.06.2022 Autor: Urs Bachmann"), so the names after it are read. A "von" after a
/// lone capitalised word is a name's particle, not a label ("Walter von Aachen").
fn label_inside(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    INNER_LABELS
        .iter()
        .filter_map(|l| {
            let i = lower.find(l)?;
            let one_name = |t: &str| {
                !t.contains(' ')
                    && t.chars().next().is_some_and(char::is_uppercase)
                    && t.chars().all(char::is_alphabetic)
            };
            let particle =
                *l == " von " && one_name(text[..i].trim()) && one_name(text[i + l.len()..].trim());
            (!particle).then_some(i)
        })
        .min()
        .map(|i| i + 1)
}

/// Cuts a byline before the next label ("Urs Bachmann Quelle: Talpost" -> "Urs Bachmann"): a word
/// ending in a colon after the names.
fn before_next_label(text: &str) -> &str {
    let mut end = 0;
    for (i, word) in text.split_inclusive(' ').enumerate() {
        let w = word.trim_end();
        if i > 0
            && w.len() > 2
            && w.ends_with(':')
            && w[..w.len() - 1].chars().all(char::is_alphabetic)
        {
            return text[..end].trim_end();
        }
        end += word.len();
    }
    text
}

/// Drops social-media handles written after a name ("Williams Perdomo @wperdomod").
fn without_handles(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !(w.starts_with('@') && w.len() > 1))
        .collect::<Vec<_>>()
        .join(" ")
}

fn strip_prefix(text: &str) -> &str {
    let mut t = text.trim();
    loop {
        let lower = t.to_lowercase();
        let found = PREFIXES.iter().find(|p| {
            lower.starts_with(*p)
                && lower[p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || p.ends_with(':') || c == ':')
        });
        match found {
            // Lowercasing may change byte lengths outside ASCII; count characters instead.
            Some(p) => {
                let n = p.chars().count();
                let cut = t.char_indices().nth(n).map_or(t.len(), |(i, _)| i);
                t = t[cut..].trim_start_matches([':', ' ']).trim();
            }
            None => return t,
        }
    }
}

/// One to five words, letters mostly, no digits, no address, no job title.
fn looks_like_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_NAME_WORDS || name.chars().count() < 2 {
        return false;
    }
    if words.iter().any(|w| is_domain(w))
        || name.contains('@')
        || name.contains("[at]")
        || name.contains("http")
        || name.contains("www.")
    {
        return false;
    }
    if name.chars().any(|c| c.is_ascii_digit()) && !is_user_name(name) {
        return false;
    }
    if words
        .iter()
        .any(|w| is_word_in(w, NOT_NAME_WORDS) || is_word_in(w, COLLECTIVE_WORDS))
    {
        return false;
    }
    // Several words all lowercase read as a phrase, not a name ("posted in news").
    !(words.len() > 1
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase)))
}

/// Fewest letters in a user name with digits ("freeman1984").
const MIN_USER_NAME_LETTERS: usize = 3;
/// Longest user name, in characters.
const MAX_USER_NAME_CHARS: usize = 24;

/// A forum or blog user name with digits, as bylines print it ("freeman1984"): one word that
/// starts with a letter, has at least [`MIN_USER_NAME_LETTERS`] letters, and only ASCII letters,
/// digits, dots, dashes and underscores.
fn is_user_name(name: &str) -> bool {
    !name.contains(' ')
        && name.len() <= MAX_USER_NAME_CHARS
        && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().filter(char::is_ascii_alphabetic).count() >= MIN_USER_NAME_LETTERS
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// "example.de", "hessenschau.de/bb": a site, not a person.
fn is_domain(name: &str) -> bool {
    let host = name.split('/').next().unwrap_or(name);
    host.rsplit_once('.').is_some_and(|(head, tld)| {
        !head.is_empty()
            && !head.contains(' ')
            && (2..=6).contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// Class or id words of regions that hold other people's names (comments, related boxes).
const FOREIGN_WORDS: &[&str] = &[
    "comment", "related", "sidebar", "widget", "teaser", "respond", "reply",
];

/// Class or id words of comment threads, whose names are never the article's author's.
const COMMENT_WORDS: &[&str] = &["comment", "respond", "reply"];

/// Comments, navigation, footers, asides and related-article boxes hold other people's names.
/// Rule `headline_region_is_the_article`: a region that also holds the page's headline (its
/// first `<h1>`) is the article's own, whatever its class says (WordPress themes wrap the
/// whole post in `id="sidebar"`), unless it is a comment thread: only regions between the
/// byline and the nearest element holding both count.
fn in_foreign_region(dom: &Dom, scan: &Scan<'_>, id: NodeId) -> bool {
    let headline_path: Vec<NodeId> = scan
        .h1s
        .first()
        .map(|&h1| dom.ancestors(h1).collect())
        .unwrap_or_default();
    let mut below_shared = true;
    std::iter::once(id)
        .chain(dom.ancestors(id))
        .take_while(|&a| !matches!(dom.tag(a), Some(Tag::Body | Tag::Html) | None))
        .any(|a| {
            if below_shared && a != id && headline_path.contains(&a) {
                below_shared = false;
            }
            super::class_names_any(dom, a, COMMENT_WORDS)
                || (below_shared
                    && (matches!(dom.tag(a), Some(Tag::Nav | Tag::Footer | Tag::Aside))
                        || foreign_class(dom, a)))
        })
}

/// Page builders' layout names that hold a foreign word but wrap any block
/// (`elementor-widget`, Elementor's unit for every block, the byline included).
const BUILDER_NAMES: &[&str] = &["elementor-widget"];

/// True when the element's class or id holds one of [`FOREIGN_WORDS`] outside
/// [`BUILDER_NAMES`].
fn foreign_class(dom: &Dom, id: NodeId) -> bool {
    ["class", "id"].iter().any(|k| {
        dom.attr(id, k).is_some_and(|v| {
            // Without a builder name nothing is cut out: the words are looked for in place.
            if !BUILDER_NAMES.iter().any(|b| contains_ci(v, b)) {
                return FOREIGN_WORDS.iter().any(|w| contains_ci(v, w));
            }
            let mut v = v.to_ascii_lowercase();
            for b in BUILDER_NAMES {
                v = v.replace(b, "");
            }
            FOREIGN_WORDS.iter().any(|w| v.contains(w))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::Fields;

    fn clean(raw: &str) -> Vec<String> {
        clean_author(raw, &[fold("Example News")])
    }

    #[test]
    fn strips_labels_dates_and_titles() {
        assert_eq!(clean("By Jane Doe"), vec!["Jane Doe"]);
        assert_eq!(
            clean("Von Günter Schäfer, 14.09.2004"),
            vec!["Günter Schäfer"]
        );
        assert_eq!(clean("Jane Doe, Senior Reporter"), vec!["Jane Doe"]);
        assert_eq!(
            clean("Par Claire Vasseur le 5 mars 2024"),
            vec!["Claire Vasseur"]
        );
        assert_eq!(
            clean("Posted on March 5, 2024 by Maren Holt"),
            vec!["Maren Holt"]
        );
        assert_eq!(
            clean("Written by: Maren Holt | 5 min read"),
            vec!["Maren Holt"]
        );
        assert_eq!(
            clean("Posted by Margaret Orme on 15/04/2019 at 21:12"),
            vec!["Margaret Orme"]
        );
        assert_eq!(clean("Ruth Albers Di 14 Jan 2020"), vec!["Ruth Albers"]);
    }

    #[test]
    fn labels_inside_particles_and_handles() {
        assert_eq!(
            clean("Datum: 08.06.2022 Autor: Urs Bachmann Quelle: Livenet"),
            vec!["Urs Bachmann"]
        );
        assert_eq!(clean("Walter von Aachen"), vec!["Walter von Aachen"]);
        assert_eq!(clean("Erstellt von Andri Bryner"), vec!["Andri Bryner"]);
        assert_eq!(
            clean("Por Williams Perdomo @wperdomod -"),
            vec!["Williams Perdomo"]
        );
        assert_eq!(
            clean("Interview: Lena Marquardt Foto: Tobias Kreienbrink"),
            vec!["Lena Marquardt"]
        );
    }

    #[test]
    fn a_lone_given_name_is_completed_from_the_author_box() {
        let dom = Dom::parse(
            "<html><body><h1>T</h1><div class='author-box'>Jonas Autor Jonas Wendt ist freier Autor.</div></body></html>",
        );
        let scan = Scan::collect(&dom);
        let sources = Sources {
            jsonld: Fields {
                authors: vec!["Jonas".into()],
                ..Fields::default()
            },
            meta: Fields::default(),
            microdata: Fields::default(),
        };
        assert_eq!(authors(&dom, &scan, &sources, &[]), vec!["Jonas Wendt"]);
    }

    #[test]
    fn user_names_with_digits_are_names_but_numbers_are_not() {
        assert_eq!(clean("von freeman1984"), vec!["freeman1984"]);
        assert!(clean("120").is_empty());
        assert!(clean("Jane Doe 2").is_empty());
    }

    #[test]
    fn splits_several_authors() {
        assert_eq!(
            clean("By Harriet Cole and Tomasz Wrona"),
            vec!["Harriet Cole", "Tomasz Wrona"]
        );
        assert_eq!(
            clean("A. Smith, B. Jones & C. Brown"),
            vec!["A. Smith", "B. Jones", "C. Brown"]
        );
    }

    #[test]
    fn site_names_and_addresses_are_not_authors() {
        assert!(clean("Example News").is_empty());
        assert!(clean("jane@example.com").is_empty());
        assert!(clean("Senior Reporter").is_empty());
    }

    #[test]
    fn a_team_or_agency_is_the_author_only_without_a_person() {
        assert_eq!(clean("Von Paul Wendt, dpa"), vec!["Paul Wendt"]);
        assert_eq!(clean("Michael Rädel, Redaktion"), vec!["Michael Rädel"]);
        assert_eq!(clean("von Redaktion"), vec!["Redaktion"]);
        assert_eq!(clean("HLNF Staff Report"), vec!["HLNF Staff Report"]);
        assert_eq!(clean("Por Agencia EFE"), vec!["Agencia EFE"]);
        assert_eq!(
            clean_all(["Michael Rädel", "Redaktion"], &[]),
            vec!["Michael Rädel"]
        );
    }

    #[test]
    fn jsonld_author_outranks_byline_text() {
        let dom = Dom::parse(
            "<html><body><h1>T</h1><div class='byline'>By Someone Else</div></body></html>",
        );
        let scan = Scan::collect(&dom);
        let sources = Sources {
            jsonld: Fields {
                authors: vec!["Harriet Cole".into()],
                ..Fields::default()
            },
            meta: Fields::default(),
            microdata: Fields::default(),
        };
        assert_eq!(authors(&dom, &scan, &sources, &[]), vec!["Harriet Cole"]);
        let empty = Sources {
            jsonld: Fields::default(),
            meta: Fields::default(),
            microdata: Fields::default(),
        };
        assert_eq!(authors(&dom, &scan, &empty, &[]), vec!["Someone Else"]);
    }

    fn no_sources() -> Sources {
        Sources {
            jsonld: Fields::default(),
            meta: Fields::default(),
            microdata: Fields::default(),
        }
    }

    fn page_authors(html: &str, sources: &Sources, sites: &[&str]) -> Vec<String> {
        let dom = Dom::parse(html);
        let scan = Scan::collect(&dom);
        let sites: Vec<String> = sites.iter().map(|s| fold(s)).collect();
        authors(&dom, &scan, sources, &sites)
    }

    #[test]
    fn a_signature_line_names_the_author() {
        let html = "<body><h1>Headline</h1><p>Body text of the article, long enough.</p>\
                    <p class=signature>Hélène Garnier, adjointe chargée de la culture</p></body>";
        assert_eq!(
            page_authors(html, &no_sources(), &[]),
            vec!["Hélène Garnier"]
        );
        let html = "<body><h1>Headline</h1><p class=signature>Thanks for reading, see you \
                    soon</p></body>";
        assert!(page_authors(html, &no_sources(), &[]).is_empty());
    }

    #[test]
    fn url_is_not_a_name() {
        assert!(clean("https://news.example.org/author/jroe/").is_empty());
        assert!(clean("www.example.org/team/jane").is_empty());
    }

    #[test]
    fn the_site_credited_alone_is_no_author() {
        let jsonld = Sources {
            jsonld: Fields {
                authors: vec!["Talkradio".into()],
                ..Fields::default()
            },
            ..no_sources()
        };
        let html = "<html><body><h1>T</h1><p>Text</p></body></html>";
        assert!(page_authors(html, &jsonld, &["Talkradio"]).is_empty());
        let html = "<html><body><h1>T</h1><div class='byline'>By Jane Doe</div></body></html>";
        assert_eq!(
            page_authors(html, &jsonld, &["Talkradio"]),
            vec!["Jane Doe"]
        );
    }

    #[test]
    fn headline_region_is_the_article() {
        let html = "<html><body><div id='sidebar'><h1>T</h1>\
                    <span class='author'>Ruth Albers</span></div></body></html>";
        assert_eq!(page_authors(html, &no_sources(), &[]), vec!["Ruth Albers"]);
        let html = "<html><body><h1>T</h1><div class='sidebar'>\
                    <span class='author'>Other Person</span></div></body></html>";
        assert!(page_authors(html, &no_sources(), &[]).is_empty());
        let html = "<html><body><div class='main'><h1>T</h1><div class='comments'>\
                    <span class='author'>Troll Person</span></div></div></body></html>";
        assert!(page_authors(html, &no_sources(), &[]).is_empty());
        // Elementor's widgets wrap every block: not a foreign region.
        let html = "<html><body><div class='elementor-widget-heading'><h1>T</h1></div>\
                    <div class='elementor-widget-post-info'><span class='author'>Boris T. Kaiser</span></div></body></html>";
        assert_eq!(
            page_authors(html, &no_sources(), &[]),
            vec!["Boris T. Kaiser"]
        );
    }

    #[test]
    fn initials_yield_to_names() {
        let html = "<html><body><h1>T</h1><span class='author'>JF</span>\
                    <span class='author'>Boris T. Kaiser</span></body></html>";
        assert_eq!(
            page_authors(html, &no_sources(), &[]),
            vec!["Boris T. Kaiser"]
        );
        let html = "<html><body><h1>T</h1><span class='author'>JF</span></body></html>";
        assert_eq!(page_authors(html, &no_sources(), &[]), vec!["JF"]);
    }

    #[test]
    fn given_name_is_completed_from_an_author_box_in_the_footer() {
        let sources = Sources {
            jsonld: Fields {
                authors: vec!["Jonas".into()],
                ..Fields::default()
            },
            ..no_sources()
        };
        let html = "<html><body><h1>T</h1><footer><div class='author-box'>Jonas Autor \
                    Jonas Wendt ist freier Autor.</div></footer></body></html>";
        assert_eq!(page_authors(html, &sources, &[]), vec!["Jonas Wendt"]);
    }

    #[test]
    fn editorial_label_inside_a_dateline() {
        assert_eq!(
            clean("17.09.2021 - Redaktion: Gerold Wimmer (Pressesprecher des KJV)"),
            vec!["Gerold Wimmer"]
        );
    }

    #[test]
    fn labelled_byline_reads_bold_labels_and_byline_elements() {
        let html = "<html><body><h1>T</h1><p>Long story.</p><p><strong>Autor:</strong> \
                    <a href='/p/1'>Hannelore Quast</a><br><strong>Tags:</strong> \
                    <a href='/t'>Feuerwehr</a></p></body></html>";
        assert_eq!(
            page_authors(html, &no_sources(), &[]),
            vec!["Hannelore Quast"]
        );
        let html = "<html><body><h1>T</h1><byline>Von Paul Wendt, dpa</byline></body></html>";
        assert_eq!(page_authors(html, &no_sources(), &[]), vec!["Paul Wendt"]);
        // Bold words that are not author labels, or a label in a comment: nothing.
        let html = "<html><body><h1>T</h1><p><b>Hinweis:</b> Jane Doe</p>\
                    <div class='comments'><p><b>Von:</b> Troll Person</p></div></body></html>";
        assert!(page_authors(html, &no_sources(), &[]).is_empty());
    }

    #[test]
    fn label_led_byline() {
        let html = "<html><body><h1>T</h1><ul><li><span class='hero__meta-label'>\
                    von Irene Falk</span></li></ul><p>Text.</p></body></html>";
        assert_eq!(page_authors(html, &no_sources(), &[]), vec!["Irene Falk"]);
        let html = "<html><body><h1>T</h1><address>By <a href='/a/t'> Tim Anderson </a>\
                    </address></body></html>";
        assert_eq!(page_authors(html, &no_sources(), &[]), vec!["Tim Anderson"]);
        let html = "<html><body><h1>T</h1><p>Von <strong><a href='/r'>Roland Brockmann</a>\
                    </strong> und <strong>Sebastian Drescher</strong></p></body></html>";
        assert_eq!(
            page_authors(html, &no_sources(), &[]),
            vec!["Roland Brockmann", "Sebastian Drescher"]
        );
        // Before the headline only when nothing follows it.
        let html = "<html><body><p>Von Jane Doe</p><h1>T</h1>\
                    <p><em>Por Agencia Nacional</em></p></body></html>";
        assert_eq!(
            page_authors(html, &no_sources(), &[]),
            vec!["Agencia Nacional"]
        );
        // Headings, links, running text, comments: no byline.
        let html = "<html><body><h1>T</h1><h2>By The Numbers</h2>\
                    <p><a href='/x'>Von Jane Doe</a></p><p>Von Berlin nach Hamburg fahren</p>\
                    <div class='comments'><p>Von Troll Person</p></div></body></html>";
        assert!(page_authors(html, &no_sources(), &[]).is_empty());
    }

    #[test]
    fn login_becomes_display_name() {
        let sources = Sources {
            jsonld: Fields {
                authors: vec!["marta.lindqvist".into()],
                ..Fields::default()
            },
            ..no_sources()
        };
        let html = "<html><body><h1>T</h1><p>Text. (Marta J. Lindqvist) +++</p></body></html>";
        assert_eq!(
            page_authors(html, &sources, &[]),
            vec!["Marta J. Lindqvist"]
        );
        let html = "<html><body><h1>T</h1><p>Text.</p></body></html>";
        assert_eq!(page_authors(html, &sources, &[]), vec!["marta.lindqvist"]);
    }

    #[test]
    fn credit_holding_the_site_is_the_site() {
        let sites = [fold("hessische-kelter")];
        assert!(clean_author("FC Hessische Kelter", &sites).is_empty());
        assert!(clean_author("Hessische Kelter", &sites).is_empty());
        assert_eq!(clean_author("Jane Kelter", &sites), vec!["Jane Kelter"]);
        let sites = [fold("peta")];
        assert_eq!(
            clean_author("Tierhilfe-Team", &sites),
            vec!["Tierhilfe-Team"]
        );
    }

    #[test]
    fn comment_authors_are_skipped() {
        let dom = Dom::parse(
            "<html><body><div class='comments'><span class='comment-author'>Troll</span></div></body></html>",
        );
        let scan = Scan::collect(&dom);
        let empty = Sources {
            jsonld: Fields::default(),
            meta: Fields::default(),
            microdata: Fields::default(),
        };
        assert!(authors(&dom, &scan, &empty, &[]).is_empty());
    }
}
