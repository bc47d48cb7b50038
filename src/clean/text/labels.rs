//! Labelled lines of saved text that carry metadata: a breadcrumb ("Home > Cultura"), a tag or
//! category line ("Tags: mites, varroa"), and the update label of a dateline ("Aktualisiert
//! am …").
//!
//! Takes the text of one unit (and, for tag lines, the raw source to find where each linked
//! tag ends); returns the values read. Pure functions of their input: never decides what the
//! body keeps and never reads other units.

use super::rules::lower_case;

/// Separators between the crumbs of a breadcrumb.
const CRUMB_SEPARATORS: &[&str] = &[" > ", " » ", " › ", " / ", " | ", " → "];
/// A breadcrumb has at most this many crumbs...
const MAX_CRUMBS: usize = 6;
/// ...of at most this many words each.
const MAX_CRUMB_WORDS: usize = 5;
/// First crumbs that name the home page, lower case; never a section.
const HOME_CRUMBS: &[&str] = &[
    "home",
    "homepage",
    "start",
    "startseite",
    "accueil",
    "inicio",
    "portada",
    "início",
    "homepage",
    "hem",
    "forside",
    "strona główna",
];

/// The crumbs of a breadcrumb line: "Accueil > Lozère > Économie" gives the three crumbs.
/// `None` unless the line is made of 2 to [`MAX_CRUMBS`] short crumbs joined by one
/// separator, and is not a sentence.
pub fn crumbs(text: &str) -> Option<Vec<&str>> {
    // Every separator holds `>`, `/`, `|` or a lead byte of `»`, `›`, `→`.
    let bytes = text.as_bytes();
    if memchr::memchr3(b'>', b'/', b'|', bytes).is_none()
        && memchr::memchr2(0xC2, 0xE2, bytes).is_none()
    {
        return None;
    }
    let separator = CRUMB_SEPARATORS.iter().find(|s| text.contains(**s))?;
    let parts: Vec<&str> = text.split(separator).map(str::trim).collect();
    let fits = (2..=MAX_CRUMBS).contains(&parts.len())
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.split(' ').count() <= MAX_CRUMB_WORDS
                && !p.ends_with(['.', '!', '?', ':'])
                && p.chars().next().is_some_and(|c| !c.is_lowercase())
        });
    // " / " and " | " also separate menu entries and footer links: a breadcrumb written with
    // them must open with a home crumb.
    let weak = matches!(*separator, " / " | " | ");
    let opens_home = HOME_CRUMBS.contains(&lower_case(parts[0]).as_str());
    (fits && (!weak || opens_home)).then_some(parts)
}

/// The section a breadcrumb names: its most specific crumb that is not the headline nor the
/// home page. Example: "Home > Cultura" gives "Cultura"; "News > Sport > Title of the story"
/// with that title gives "Sport".
pub fn section_of_crumbs(crumbs: &[&str], title: Option<&str>) -> Option<String> {
    crumbs
        .iter()
        .rev()
        .find(|c| {
            Some(**c) != title && !HOME_CRUMBS.contains(&lower_case(c).as_str()) && c.len() > 1
        })
        .map(|c| (*c).to_string())
}

/// What a labelled line lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Tags or topics.
    Tags,
    /// Categories: the first one is the post's section.
    Categories,
}

/// Labels that open a tag line, lower case, matched at the start of the line or after the
/// category list.
const TAG_LABELS: &[&str] = &[
    "tags:",
    "tag:",
    "tagged:",
    "tagged with",
    "topics:",
    "schlagwörter:",
    "schlagworte:",
    "stichwörter:",
    "themen:",
    "mots-clés :",
    "mots-clés:",
    "mots clés :",
    "étiquettes :",
    "étiquettes:",
    "etiquetas:",
    "argomenti:",
    "etichette:",
    "palavras-chave:",
    "trefwoorden:",
];
/// Labels that open a category line, lower case.
const CATEGORY_LABELS: &[&str] = &[
    "categories:",
    "category:",
    "filed under:",
    "filed under",
    "posted in",
    "kategorie:",
    "kategorien:",
    "rubrik:",
    "catégories :",
    "catégories:",
    "catégorie :",
    "catégorie:",
    "rubrique :",
    "categorías:",
    "categoría:",
    "categorie:",
    "categoria:",
    "categorias:",
];
/// A labelled line has at most this many words.
const MAX_LABEL_LINE_WORDS: usize = 40;
/// A tag or category has at most this many words.
const MAX_VALUE_WORDS: usize = 5;

/// The labelled lists of a line, in order: "Categories: Beekeeping Diary Tags: mites, varroa"
/// gives `(Categories, ["Beekeeping Diary"])` and `(Tags, ["mites", "varroa"])`. `raw` is the
/// source text, read only when a list has no separators (linked tags "[Sequía](…) [Agua](…)"
/// lose their bounds in the unit's plain text). `lower` is `text` in lower case, of the same
/// length.
pub fn labelled_lists(text: &str, lower: &str, raw: &str) -> Vec<(Label, Vec<String>)> {
    let opens = |l: &&str| lower.starts_with(*l);
    if lower.len() != text.len()
        || !(TAG_LABELS.iter().any(opens) || CATEGORY_LABELS.iter().any(opens))
        || text.split(' ').count() > MAX_LABEL_LINE_WORDS
    {
        return Vec::new();
    }
    // (position, end of the label, kind) of each label, at the start or after a space.
    let mut found: Vec<(usize, usize, Label)> = Vec::new();
    for (labels, kind) in [
        (TAG_LABELS, Label::Tags),
        (CATEGORY_LABELS, Label::Categories),
    ] {
        for label in labels {
            let mut from = 0;
            while let Some(k) = lower[from..].find(label).map(|k| k + from) {
                let boundary = k == 0 || lower.as_bytes()[k - 1] == b' ';
                let taken = found.iter().any(|&(s, e, _)| k < e && s < k + label.len());
                if boundary && !taken {
                    found.push((k, k + label.len(), kind));
                }
                from = k + label.len();
            }
        }
    }
    found.sort_unstable_by_key(|&(k, _, _)| k);
    if found.first().is_none_or(|&(k, _, _)| k != 0) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, &(_, end, kind)) in found.iter().enumerate() {
        let stop = found.get(n + 1).map_or(text.len(), |&(k, _, _)| k);
        let (Some(value), Some(label)) = (text.get(end..stop), text.get(..end)) else {
            continue;
        };
        let values = split_values(value.trim(), label.trim(), raw);
        if !values.is_empty() {
            out.push((kind, values));
        }
    }
    out
}

/// The values of one list: split at commas, semicolons, bullets or bars; a list without any
/// is split where the source's links end ("[Sequía](…) [Sierra Norte](…)", lynx's
/// "[27]Transport [28]Arnsby"), and is one value when the source does not tell.
fn split_values(value: &str, label: &str, raw: &str) -> Vec<String> {
    let value = value.trim_start_matches(':').trim();
    let pieces: Vec<&str> = if value.contains([',', ';', '|', '·', '•']) {
        value.split([',', ';', '|', '·', '•']).collect()
    } else {
        linked_values(value, label, raw).unwrap_or_else(|| vec![value])
    };
    let clean: Vec<String> = pieces
        .iter()
        .map(|p| p.trim().trim_start_matches('#').trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if clean.iter().any(|p| p.split(' ').count() > MAX_VALUE_WORDS) {
        return Vec::new();
    }
    clean
}

/// The link texts of the source line that opens with `label` and whose link texts, joined
/// with spaces, make `value`: Markdown links `[text](url)` or lynx markers `[12]text`.
fn linked_values<'v>(value: &'v str, label: &str, raw: &str) -> Option<Vec<&'v str>> {
    let mut from = 0;
    while let Some(k) = raw[from..].find(label).map(|k| k + from) {
        from = k + label.len();
        let rest = &raw[from..];
        let line_end = rest.find("\n\n").unwrap_or(rest.len());
        let texts = link_texts(&rest[..line_end]);
        if texts.len() < 2 {
            continue;
        }
        // Map each link text back onto `value`, in order, so the values borrow from it.
        let mut out = Vec::with_capacity(texts.len());
        let mut at = 0;
        for t in &texts {
            let squeezed: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
            let k = value[at..].find(&squeezed)? + at;
            out.push(&value[k..k + squeezed.len()]);
            at = k + squeezed.len();
        }
        if value[at..].trim().is_empty() {
            return Some(out);
        }
    }
    None
}

/// The texts of the links in one source line: `[text](url)` or `[12]text` up to the next
/// marker.
fn link_texts(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        let inside = &after[..close];
        let tail = &after[close + 1..];
        if !inside.is_empty() && inside.bytes().all(|b| b.is_ascii_digit()) {
            // lynx: the text runs to the next marker.
            let end = tail.find('[').unwrap_or(tail.len());
            out.push(tail[..end].trim());
            rest = &tail[end..];
        } else if tail.starts_with('(') {
            out.push(inside.trim());
            rest = tail.find(')').map_or("", |k| &tail[k + 1..]);
        } else {
            rest = tail;
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

/// Labels that say a date is the last update, lower case.
const UPDATE_LABELS: &[&str] = &[
    "updated",
    "update:",
    "last modified",
    "modified",
    "aktualisiert",
    "zuletzt geändert",
    "geändert",
    "mis à jour",
    "mise à jour",
    "actualizado",
    "actualización",
    "aggiornato",
    "aggiornamento",
    "atualizado",
    "atualização",
    "bijgewerkt",
    "zaktualizowano",
];

/// True when `lower` (lower-case text before a date) ends with an update label, with at
/// most a few short words between ("Updated on", "Aktualisiert am", "mis à jour le").
pub fn ends_with_update_label(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .collect();
    let tail = words[words.len().saturating_sub(UPDATE_TAIL_WORDS)..].join(" ");
    // Every word start of the tail is tried against each label (a search per label costs more
    // to set up than these few words take to read); no label opens again at a word start
    // inside itself (a test checks it), so these are the matches a search would find.
    let bytes = tail.as_bytes();
    (0..bytes.len())
        .filter(|&k| k == 0 || bytes[k - 1] == b' ')
        .any(|k| {
            UPDATE_LABELS.iter().any(|l| {
                let l = l.trim_end_matches(':');
                bytes[k..].starts_with(l.as_bytes()) && {
                    let after = tail[k + l.len()..].trim_start_matches(':');
                    (after.is_empty() || after.starts_with(' '))
                        && after.split_whitespace().all(|w| w.chars().count() <= 3)
                }
            })
        })
}

/// An update label stands within this many words before its date.
const UPDATE_TAIL_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    fn ll(text: &str, raw: &str) -> Vec<(Label, Vec<String>)> {
        labelled_lists(text, &lower_case(text), raw)
    }

    #[test]
    fn breadcrumbs_give_their_last_crumb() {
        let c = crumbs("Accueil > Lozère > Économie").unwrap();
        assert_eq!(section_of_crumbs(&c, None).as_deref(), Some("Économie"));
        let c = crumbs("Home > Cultura").unwrap();
        assert_eq!(section_of_crumbs(&c, None).as_deref(), Some("Cultura"));
        let c = crumbs("News > Sport > Kelby wins the cup").unwrap();
        assert_eq!(
            section_of_crumbs(&c, Some("Kelby wins the cup")).as_deref(),
            Some("Sport")
        );
        assert!(crumbs("Prices rose > 5 percent in the last year, as many said.").is_none());
        assert!(crumbs("About us | Contact | Privacy").is_none());
        assert!(crumbs("Home | News | Sport").is_some());
    }

    #[test]
    fn tag_and_category_lines() {
        assert_eq!(
            ll("Tag: biblioteca, volontariato, Valdorsa", ""),
            vec![(
                Label::Tags,
                vec![
                    "biblioteca".into(),
                    "volontariato".into(),
                    "Valdorsa".into()
                ]
            )]
        );
        assert_eq!(
            ll(
                "Categories: Beekeeping Diary Tags: mites, varroa, winter losses",
                ""
            ),
            vec![
                (Label::Categories, vec!["Beekeeping Diary".into()]),
                (
                    Label::Tags,
                    vec!["mites".into(), "varroa".into(), "winter losses".into()]
                )
            ]
        );
        assert!(ll("The tags: were all wrong, he said.", "").is_empty());
    }

    #[test]
    fn linked_tags_split_where_the_links_end() {
        let raw = "Body.\n\nEtiquetas: [Sequía](https://x.example/t/s) [Sierra \
                   Norte](https://x.example/t/n) [Agua](https://x.example/t/a)\n\nMore";
        assert_eq!(
            ll("Etiquetas: Sequía Sierra Norte Agua", raw),
            vec![(
                Label::Tags,
                vec!["Sequía".into(), "Sierra Norte".into(), "Agua".into()]
            )]
        );
        let lynx = "   Topics: [27]Transport [28]Arnsby [29]Railways\n";
        assert_eq!(
            ll("Topics: Transport Arnsby Railways", lynx),
            vec![(
                Label::Tags,
                vec!["Transport".into(), "Arnsby".into(), "Railways".into()]
            )]
        );
    }

    #[test]
    fn no_update_label_opens_again_at_a_word_inside_itself() {
        for label in UPDATE_LABELS {
            let label = label.trim_end_matches(':');
            for (k, _) in label.match_indices(' ') {
                assert!(!label.starts_with(&label[k + 1..]), "{label}");
            }
        }
    }

    #[test]
    fn update_labels() {
        assert!(ends_with_update_label("12/08/2023 09:15 | actualizado: "));
        assert!(ends_with_update_label(
            "publié le 18/02/2024 à 06h45, mis à jour le "
        ));
        assert!(ends_with_update_label(
            "5 marzo 2024, 14:03 - aggiornato il "
        ));
        assert!(ends_with_update_label("updated "));
        assert!(!ends_with_update_label("published "));
        assert!(!ends_with_update_label(
            "the list was updated by the council on "
        ));
    }
}
