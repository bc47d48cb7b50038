//! The site's name in saved text: a masthead line that spells the site's host name ("The
//! Upland Gazette" on uplandgazette.example), the page's title line "Headline | Site", or the
//! copyright footer "© 2024 Site".
//!
//! Takes the units, the title's index and text, and the page URL; returns the name when one of
//! those shows it unambiguously. Reads only; never marks or drops units.

use super::rules::{Cue, Facts, lower_case};
use super::segment::Unit;
use unicode_normalization::UnicodeNormalization;

/// The masthead and the title line are looked for among this many first units.
const MASTHEAD_WINDOW: usize = 60;
/// A masthead line has at most this many words.
const MAX_MASTHEAD_WORDS: usize = 6;
/// Folded characters a masthead may hold beyond the host's name (an article: "the", "la",
/// "l'", "die").
const MAX_MASTHEAD_EXTRA: usize = 3;
/// A masthead spelling a host name of N letters is at most this many times N (plus
/// [`MAX_MASTHEAD_EXTRA`]) bytes long: spaces, punctuation and accented letters.
const MAX_MASTHEAD_BYTES_PER_CHAR: usize = 2;
/// A site name has at most this many words.
const MAX_NAME_WORDS: usize = 6;
/// Separators between a headline and the site's name in a title line.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · "];
/// Separators that end the name in a copyright line ("© 2024 Site · Privacy Policy"). Each
/// opens with a space, a full stop or a comma.
const COPYRIGHT_SEPARATORS: &[&str] = &[" | ", " · ", " - ", " – ", " — ", ". ", ", ", " • "];
/// Legal-entity words that mark a company, not the site ("Upland Gazette Media Ltd").
const COMPANY_WORDS: &[&str] = &[
    "ltd", "ltd.", "limited", "inc", "inc.", "llc", "gmbh", "ag", "plc", "s.a.", "sa", "srl",
    "s.r.l.", "s.l.", "sas", "bv", "b.v.", "kg", "co.", "corp", "corp.",
];

/// The site's name: a masthead spelling the host, else the title line, else the copyright
/// line at or after unit `footer_from` (a "©" inside the article is a picture credit).
pub fn site_name(
    units: &[Unit],
    facts: &[Facts],
    title: Option<(usize, &str)>,
    footer_from: usize,
    url: Option<&str>,
) -> Option<String> {
    let head_end = title
        .map_or(units.len(), |(t, _)| t)
        .min(MASTHEAD_WINDOW)
        .min(units.len());
    if let Some(label) = url.and_then(host_label) {
        for unit in &units[..head_end] {
            let texts = std::iter::once(unit.text.as_str())
                .chain(unit.images.iter().map(|(alt, _)| alt.as_str()));
            if let Some(t) = texts.into_iter().find(|t| spells_host(t, &label)) {
                return Some(t.to_string());
            }
        }
    }
    if let Some((_, headline)) = title
        && let Some(name) = units[..head_end]
            .iter()
            .find_map(|u| name_after_headline(&u.text, headline))
    {
        return Some(name);
    }
    let from = footer_from.min(units.len());
    units[from..]
        .iter()
        .zip(&facts[from..])
        .rev()
        .find_map(|(u, f)| copyright_name(&u.text, f))
}

/// The host's name without its subdomain and suffix, folded: "https://www.upland-gazette.co.uk/x"
/// gives "uplandgazette".
fn host_label(url: &str) -> Option<String> {
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', '?', '#', ':'])
        .next()?;
    let labels: Vec<&str> = host.split('.').collect();
    let mut end = labels.len().checked_sub(1)?;
    // "co.uk", "com.au": a second-level suffix.
    if end >= 2 && matches!(labels[end - 1], "co" | "com" | "org" | "net" | "gov" | "ac") {
        end -= 1;
    }
    let label = fold(labels.get(end.checked_sub(1)?)?);
    (label.len() >= 4).then_some(label)
}

/// Lower-case letters and digits only, accents removed: "L'Eco di Valdorsa" gives
/// "lecodivaldorsa".
fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    text.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when a short line spells the host's name, give or take a leading article: "The
/// Upland Gazette" on uplandgazette.example.
fn spells_host(text: &str, label: &str) -> bool {
    // The folded text is never longer than the text, and loses at most its spaces and
    // punctuation: a text much longer or shorter than the host's name cannot spell it.
    let fits = (label.len()..=MAX_MASTHEAD_BYTES_PER_CHAR * (label.len() + MAX_MASTHEAD_EXTRA))
        .contains(&text.len());
    if !fits || text.split(' ').count() > MAX_MASTHEAD_WORDS {
        return false;
    }
    let folded = fold(text);
    folded.ends_with(label) && folded.len() <= label.len() + MAX_MASTHEAD_EXTRA
}

/// The site's name in a title line "Headline | Site": the line opens with the headline.
fn name_after_headline(text: &str, headline: &str) -> Option<String> {
    let rest = text.strip_prefix(headline)?;
    let sep = TITLE_SEPARATORS.iter().find(|s| rest.starts_with(**s))?;
    let name = rest[sep.len()..].trim();
    plausible_name(name).then(|| name.to_string())
}

/// The name in a copyright line: "© 2024 Hive and Hedgerow · Privacy Policy" gives "Hive and
/// Hedgerow"; "© La Gazette des Causses 2024 - Tous droits réservés" gives "La Gazette des
/// Causses". A company name ("… Media Ltd.") or a line with no name gives `None`.
fn copyright_name(text: &str, facts: &Facts) -> Option<String> {
    let lower = &facts.lower;
    let rest = if let Some(r) = text.strip_prefix('©') {
        r
    } else if lower.starts_with("copyright") {
        text.get("copyright".len()..)?
    } else if lower.starts_with("(c) ") {
        text.get(4..)?
    } else {
        return None;
    };
    let rest = rest.trim_start_matches(['©', ' ']);
    // The first separator of any kind, found in one pass (all of them open with a space, a
    // full stop or a comma).
    let bytes = rest.as_bytes();
    let cut = (0..bytes.len())
        .find(|&i| {
            matches!(bytes[i], b' ' | b'.' | b',')
                && COPYRIGHT_SEPARATORS
                    .iter()
                    .any(|s| bytes[i..].starts_with(s.as_bytes()))
        })
        .unwrap_or(rest.len());
    let name: Vec<&str> = rest[..cut]
        .trim_end_matches('.')
        .split(' ')
        .filter(|w| !is_year(w) && !w.is_empty() && *w != "©")
        .collect();
    let name = name.join(" ");
    let name_lower = lower_case(&name);
    let company = name_lower.split(' ').any(|w| COMPANY_WORDS.contains(&w));
    let cues = super::rules::cues(&name_lower);
    let boilerplate = cues & (Cue::Footer as u16) != 0;
    (plausible_name(&name) && !company && !boilerplate).then_some(name)
}

/// "2024", "2003-2019", "2003–2019".
fn is_year(word: &str) -> bool {
    let w = word.trim_matches([',', '.']);
    !w.is_empty()
        && w.bytes().any(|b| b.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '–')
}

/// A name: 1 to [`MAX_NAME_WORDS`] words, opening with a capital or a digit, no sentence.
fn plausible_name(name: &str) -> bool {
    !name.is_empty()
        && name.split(' ').count() <= MAX_NAME_WORDS
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !name.ends_with(['.', '!', '?', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copyright(text: &str) -> Option<String> {
        copyright_name(text, &Facts::of(&unit(text)))
    }

    fn unit(text: &str) -> Unit {
        Unit::paragraph(text)
    }

    #[test]
    fn copyright_lines() {
        assert_eq!(
            copyright("© 2024 Hive and Hedgerow · Privacy Policy · Powered by WordPress")
                .as_deref(),
            Some("Hive and Hedgerow")
        );
        assert_eq!(
            copyright("© La Gazette des Causses 2024 - Tous droits réservés").as_deref(),
            Some("La Gazette des Causses")
        );
        assert_eq!(
            copyright("© 2023 Diario Ribera. Todos los derechos reservados.").as_deref(),
            Some("Diario Ribera")
        );
        assert_eq!(copyright("© 2024 Tutti i diritti riservati"), None);
        assert_eq!(
            copyright("© 2024 Hive, Hedgerow | Privacy").as_deref(),
            Some("Hive")
        );
        assert_eq!(
            copyright("Copyright 2019 Bees • Home").as_deref(),
            Some("Bees")
        );
        for s in COPYRIGHT_SEPARATORS {
            assert!(s.starts_with([' ', '.', ',']), "{s:?}");
        }
        assert_eq!(
            copyright("© 2024 Upland Gazette Media Ltd. All rights reserved."),
            None
        );
    }

    #[test]
    fn mastheads_spell_the_host() {
        let label = host_label("https://www.uplandgazette.example/news/x/").unwrap();
        assert_eq!(label, "uplandgazette");
        assert!(spells_host("The Upland Gazette", &label));
        assert!(!spells_host("Upland Gazette readers' letters", &label));
        let label = host_label("https://www.ecodivaldorsa.example/cultura/").unwrap();
        assert!(spells_host("L'Eco di Valdorsa", &label));
        assert_eq!(
            host_label("https://news.upland-gazette.co.uk/a").as_deref(),
            Some("uplandgazette")
        );
    }

    #[test]
    fn title_lines_name_the_site() {
        assert_eq!(
            name_after_headline("Bees in March | Hive and Hedgerow", "Bees in March").as_deref(),
            Some("Hive and Hedgerow")
        );
        assert_eq!(name_after_headline("Bees in March", "Bees in March"), None);
    }

    #[test]
    fn site_name_prefers_the_masthead() {
        let units: Vec<Unit> = [
            "The Upland Gazette",
            "Headline here",
            "© 2024 Gazette Group. All rights reserved.",
        ]
        .iter()
        .map(|t| unit(t))
        .collect();
        let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
        assert_eq!(
            site_name(
                &units,
                &facts,
                Some((1, "Headline here")),
                2,
                Some("https://uplandgazette.example/a")
            )
            .as_deref(),
            Some("The Upland Gazette")
        );
        assert_eq!(
            site_name(&units, &facts, Some((1, "Headline here")), 2, None).as_deref(),
            Some("Gazette Group")
        );
    }
}
