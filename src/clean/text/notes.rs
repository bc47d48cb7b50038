//! Notes printed with an article that are not part of it: licence and credit lines ("Alle
//! Skizzen sind unter einer Creative Commons Lizenz freigegeben", "… /domena publiczna"),
//! source credits closing a caption ("Poranek na targu / Źródło: Pixabay"), and advertising
//! or affiliate disclosures ("We may receive compensation when readers buy through our shop
//! links").
//!
//! Takes the units, their facts, the verdicts so far and the article region; marks such notes
//! inside the region (rules `licence-note`, `source-credit`, `disclosure-note`). Only short
//! units are read, so running text about licences stays. Phrase lists are data, in the common
//! languages, and the only licence and disclosure lists of the saved-text path: the tail's rule
//! `closing-note` reads them through [`licence_or_disclosure`]. Nothing here reads metadata.

use super::rules::Facts;
use super::segment::{Kind, Unit};
use std::ops::Range;
use std::sync::LazyLock;

/// A licence line has at most this many words (an article's paragraph about licences is
/// longer). Rule `closing-note` of the tail reads licence lines with the same limit
/// ([`licence_or_disclosure`]), and its other notes (liability, citation) too.
pub const MAX_LICENCE_WORDS: usize = 30;
/// A disclosure has at most this many words (they run to a few sentences); in the tail too.
const MAX_DISCLOSURE_WORDS: usize = 70;
/// A caption closed by a source credit has at most this many words...
const MAX_CAPTION_WORDS: usize = 40;
/// ...and the credit after its label at most this many.
const MAX_SOURCE_WORDS: usize = 6;

/// A page with at least this many licence lines in its article is about licences...
const MIN_LICENCE_TOPIC_LINES: usize = 3;
/// ...and there only a line whose licence is followed by at most this many words (a credit
/// closing a caption) is a note.
const MAX_WORDS_AFTER: usize = 2;

/// Licence phrases, lower case: a line naming one is a licence or credit note.
const LICENCE_PHRASES: &[&str] = &[
    "creative commons",
    "creativecommons",
    "cc by",
    "cc-by",
    "cc0",
    "wikimedia commons",
    "public domain",
    "gemeinfrei",
    "domaine public",
    "dominio público",
    "dominio publico",
    "pubblico dominio",
    "dominio pubblico",
    "domínio público",
    "publiek domein",
    "domena publiczna",
    "licensed under",
    "lizenziert unter",
    "unter der lizenz",
    "sous licence",
    "bajo licencia",
    "bajo una licencia",
    "sotto licenza",
    "sob licença",
    "na licencji",
    "onder licentie",
    "gnu free documentation",
];

/// Advertising and affiliate disclosures, lower case. A phrase counts only as whole words
/// ([`find`]), so a plural that is printed as often as the singular is listed too.
const DISCLOSURE_PHRASES: &[&str] = &[
    "advertising disclosure",
    "advertiser disclosure",
    "advertising disclaimer",
    "may receive compensation",
    "may earn a commission",
    "may earn a small commission",
    "we earn a commission",
    "references to products from",
    "affiliate link",
    "affiliate links",
    "affiliate-link",
    "affiliate-links",
    "partnerlinks",
    "provisionslink",
    "werbelink",
    "liens affiliés",
    "liens d'affiliation",
    "lien affilié",
    "enlaces de afiliado",
    "enlace de afiliado",
    "link di affiliazione",
    "link affiliati",
    "links afiliados",
    "link afiliado",
    "linki afiliacyjne",
    "linki partnerskie",
];

/// Labels of a source credit, as printed: "Źródło: Pixabay", "Quelle: Fotolia.com".
const SOURCE_LABELS: &[&str] = &[
    "Source:",
    "Sources:",
    "Quelle:",
    "Quellen:",
    "Bildquelle:",
    "Bildnachweis:",
    "Fotonachweis:",
    "Titelbild:",
    "Źródło:",
    "Źródło zdjęcia:",
    "Zdjęcie:",
    "Fuente:",
    "Fonte:",
    "Bron:",
    "Crédit photo :",
    "Crédits photo :",
    "Photo :",
];

/// Words of which a disclosure longer than a caption names one ("advertisers",
/// "affiliate", "afiliado", "affiliazione"), lower case: "advertis", "affil" or "afili". The
/// last two share "fil", so one search finds both.
static ADVERTIS: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("advertis"));
static FIL: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("fil"));

/// True when `lower` holds "advertis", "affil" or "afili" (see [`ADVERTIS`]).
fn names_long_disclosure_word(lower: &[u8]) -> bool {
    ADVERTIS.find(lower).is_some()
        || FIL.find_iter(lower).any(|k| {
            let before = &lower[..k];
            before.ends_with(b"af") || before.ends_with(b"a") && lower.get(k + 3) == Some(&b'i')
        })
}

/// What a phrase of the table names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Licence,
    Disclosure,
    Source,
}

/// The three lists (source labels in lower case) in one table, so each unit is read once;
/// the families of its patterns, by pattern id. The longest phrase at a place is taken, so a
/// plural ("affiliate links") is not hidden by its singular, which fails the whole-word test
/// there. A table of phrases by first byte, not an automaton: few units get past
/// [`Phrases::may_match`], so the searches of a hundred pages cost less than building an
/// Aho-Corasick NFA (about 0.8M instructions, paid by every process; a DFA took 5M).
struct Phrases {
    patterns: Vec<String>,
    families: Vec<Family>,
    /// Pattern ids grouped by first byte, the longest first (the lowest id first among
    /// equally long ones).
    by_length: Vec<usize>,
    /// For each first byte, its range in `by_length`.
    first: [(u16, u16); 256],
    /// The openings of the licence and disclosure phrases, which count only at a word's
    /// start: see [`Phrases::may_match`].
    openings: Openings,
    /// The last [`OPENING_BYTES`] bytes of the source labels, each ending with a colon.
    endings: Bits,
}

/// A set of keys (up to eight bytes read as a little-endian number), hashed to one bit each:
/// a key that is not in the set may still set a bit (the test passes too much, never too
/// little).
struct Bits(Box<[u64; 1024]>);

impl Bits {
    fn new() -> Bits {
        Bits(Box::new([0u64; 1024]))
    }

    /// The bit a key sets.
    fn bit(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }

    fn insert(&mut self, key: u64) {
        let bit = Bits::bit(key);
        self.0[bit >> 6] |= 1 << (bit & 63);
    }

    fn has(&self, key: u64) -> bool {
        let bit = Bits::bit(key);
        self.0[bit >> 6] >> (bit & 63) & 1 != 0
    }
}

/// The openings of phrases: the first [`LONG_OPENING_BYTES`] bytes of the phrases that long
/// and the first [`OPENING_BYTES`] bytes of the others, hashed to one bit each, and the
/// phrases shorter than that ("cc0") whole, with a table of their first bytes. Eight bytes
/// tell most words apart from a phrase's opening ("may " opens "may earn a commission" and
/// many sentences, "may earn" few).
struct Openings {
    /// The first four bytes of every phrase that long.
    any: Bits,
    long: Bits,
    bits: Bits,
    short: Vec<Vec<u8>>,
    short_first: [bool; 256],
}

/// Bytes of a short phrase's opening (and of a source label's ending) that a [`Bits`] table
/// holds.
const OPENING_BYTES: usize = 4;
/// Bytes of a long phrase's opening that [`Openings::long`] holds.
const LONG_OPENING_BYTES: usize = 8;

/// `bytes` read as a little-endian number.
fn key4(bytes: [u8; OPENING_BYTES]) -> u64 {
    u64::from(u32::from_le_bytes(bytes))
}

impl Openings {
    fn of<'a>(phrases: impl Iterator<Item = &'a str>) -> Openings {
        let mut any = Bits::new();
        let mut long = Bits::new();
        let mut bits = Bits::new();
        let mut short = Vec::new();
        let mut short_first = [false; 256];
        for phrase in phrases {
            let bytes = phrase.as_bytes();
            if let Some(&[a, b, c, d]) = bytes.get(..OPENING_BYTES) {
                any.insert(key4([a, b, c, d]));
            }
            if let Some(&[a, b, c, d, e, f, g, h]) = bytes.get(..LONG_OPENING_BYTES) {
                long.insert(u64::from_le_bytes([a, b, c, d, e, f, g, h]));
            } else if let Some(&[a, b, c, d]) = bytes.get(..OPENING_BYTES) {
                bits.insert(key4([a, b, c, d]));
            } else {
                if let Some(&b) = bytes.first() {
                    short_first[usize::from(b)] = true;
                }
                short.push(bytes.to_vec());
            }
        }
        Openings {
            any,
            long,
            bits,
            short,
            short_first,
        }
    }

    /// True when one of the phrases may open at a word's start in `bytes` (an ASCII letter or
    /// digit at its start or after a byte that is not one, as [`find`] asks; every phrase
    /// opens with a letter). The bytes are read eight at a time: the word starts are told by
    /// a mask, and only they are looked up, so a word of non-ASCII letters costs nothing.
    fn any_at_word_start(&self, bytes: &[u8]) -> bool {
        let mut base = 0;
        // The flags of the eight bytes before (only the last one's is read).
        let mut before = 0u64;
        while base < bytes.len() {
            let word = match bytes.get(base..base + 8) {
                Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
                _ => {
                    // Zero bytes pad the rest: they are no letters.
                    let rest = bytes.get(base..).unwrap_or_default();
                    let mut word = [0u8; 8];
                    word[..rest.len()].copy_from_slice(rest);
                    u64::from_le_bytes(word)
                }
            };
            let alnum = alphanumeric(word);
            let mut starts = alnum & !(alnum << 8 | before >> 56);
            while starts != 0 {
                let k = base + (starts.trailing_zeros() / 8) as usize;
                starts &= starts - 1;
                if self.opens_at(bytes, k) {
                    return true;
                }
            }
            before = alnum;
            base += 8;
        }
        false
    }

    /// True when one of the phrases may open at `k` in `bytes`. One look-up for most words:
    /// the table of all four-byte openings, and only for the openings found there the table of
    /// the short phrases' or the eight bytes of the long ones.
    #[inline(always)]
    fn opens_at(&self, bytes: &[u8], k: usize) -> bool {
        if let Some(&[a, b, c, d]) = bytes.get(k..k + OPENING_BYTES) {
            let key = key4([a, b, c, d]);
            if self.any.has(key) {
                if self.bits.has(key) {
                    return true;
                }
                if let Some(&[a, b, c, d, e, f, g, h]) = bytes.get(k..k + LONG_OPENING_BYTES)
                    && self.long.has(u64::from_le_bytes([a, b, c, d, e, f, g, h]))
                {
                    return true;
                }
            }
        }
        bytes
            .get(k)
            .is_some_and(|&b| self.short_first[usize::from(b)])
            && bytes
                .get(k..)
                .is_some_and(|rest| self.short.iter().any(|s| rest.starts_with(s)))
    }
}

/// The bytes of `word` (eight bytes, little-endian) that are ASCII letters or digits, as their
/// top bit.
pub(super) fn alphanumeric(word: u64) -> u64 {
    !non_alphanumeric(word) & 0x8080_8080_8080_8080
}

/// The bytes of `word` (eight bytes, little-endian) that are not ASCII letters or digits, as
/// their top bit (bytes with the top bit set are none).
fn non_alphanumeric(word: u64) -> u64 {
    (!super::rules::low_bits_alphanumeric(word) | word) & 0x8080_8080_8080_8080
}

impl Phrases {
    /// False when [`find`] can find nothing in `lower`: every source label ends with a colon
    /// (so the bytes up to some colon end like one), and a licence or disclosure phrase counts
    /// only at a word's start. One pass over the bytes with a table look-up per word, several
    /// times cheaper than the search (most of the region's units hold none of the phrases).
    fn may_match(&self, lower: &[u8]) -> bool {
        memchr::memchr_iter(b':', lower).any(|k| {
            k + 1 >= OPENING_BYTES
                && matches!(lower.get(k + 1 - OPENING_BYTES..=k),
                    Some(&[a, b, c, d]) if self.endings.has(key4([a, b, c, d])))
        }) || self.openings.any_at_word_start(lower)
    }
}

impl Phrases {
    /// The phrases in `bytes`, leftmost first and the longest at a place, not overlapping
    /// (the search goes on after each): start, end and pattern id. Phrases are whole UTF-8
    /// text, so a match never starts inside a character.
    fn matches<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            while let Some(&byte) = bytes.get(at) {
                let (from, to) = self.first[usize::from(byte)];
                let rest = &bytes[at..];
                let found = self.by_length[usize::from(from)..usize::from(to)]
                    .iter()
                    .find(|&&n| rest.starts_with(self.patterns[n].as_bytes()));
                if let Some(&n) = found {
                    let start = at;
                    at += self.patterns[n].len();
                    return Some((start, at, n));
                }
                at += 1;
            }
            None
        })
    }
}

static PHRASES: LazyLock<Option<Phrases>> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut families = Vec::new();
    for (list, family) in [
        (LICENCE_PHRASES, Family::Licence),
        (DISCLOSURE_PHRASES, Family::Disclosure),
        (SOURCE_LABELS, Family::Source),
    ] {
        for phrase in list {
            patterns.push(phrase.to_lowercase());
            families.push(family);
        }
    }
    let mut by_length: Vec<usize> = (0..patterns.len()).collect();
    by_length.sort_by_key(|&n| {
        (
            patterns[n].as_bytes().first().copied(),
            std::cmp::Reverse(patterns[n].len()),
        )
    });
    let mut first = [(0u16, 0u16); 256];
    for (k, &n) in by_length.iter().enumerate() {
        // An empty phrase would match everywhere; none is in the lists.
        let byte = *patterns[n].as_bytes().first()?;
        let k = u16::try_from(k).ok()?;
        let range = &mut first[usize::from(byte)];
        if range.0 == range.1 {
            *range = (k, k);
        }
        range.1 = k + 1;
    }
    let openings = Openings::of(
        patterns
            .iter()
            .zip(&families)
            .filter(|(_, f)| **f != Family::Source)
            .map(|(p, _)| p.as_str()),
    );
    let mut endings = Bits::new();
    for (pattern, _) in patterns
        .iter()
        .zip(&families)
        .filter(|(_, f)| **f == Family::Source)
    {
        let bytes = pattern.as_bytes();
        match bytes.get(bytes.len().checked_sub(OPENING_BYTES)?..) {
            Some(&[a, b, c, d]) if d == b':' => endings.insert(key4([a, b, c, d])),
            // A label that is too short or does not end with a colon could not be told.
            _ => return None,
        }
    }
    Some(Phrases {
        patterns,
        families,
        by_length,
        first,
        openings,
        endings,
    })
});

/// What the search found in a unit's lower-case text.
#[derive(Debug, Default)]
struct Found {
    /// Where the last licence phrase ends.
    licence_end: Option<usize>,
    /// A disclosure phrase was found.
    disclosure: bool,
    /// A source label closes the text (see [`source_credit`]).
    source: bool,
}

/// Reads `lower` once for the phrases of the three lists, at word boundaries.
fn find(lower: &str) -> Found {
    let mut found = Found::default();
    let Some(phrases) = PHRASES.as_ref() else {
        return found;
    };
    let bytes = lower.as_bytes();
    if !phrases.may_match(bytes) {
        return found;
    }
    for (start, end, n) in phrases.matches(bytes) {
        let family = phrases.families[n];
        let before = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let after = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
        match family {
            Family::Licence if before && after => found.licence_end = Some(end),
            Family::Disclosure if before && after => found.disclosure = true,
            Family::Source => found.source |= source_credit(lower, start, end),
            _ => {}
        }
    }
    found
}

/// Marks licence, source and disclosure notes among the kept units of the region.
pub fn mark(
    units: &[Unit],
    facts: &[Facts],
    verdicts: &mut [Option<&'static str>],
    region: &Range<usize>,
) {
    let found: Vec<(usize, Note)> = region
        .clone()
        .filter(|&k| verdicts[k].is_none())
        .filter_map(|k| Some((k, note_rule(&units[k], &facts[k])?)))
        .collect();
    // A page naming licences in many lines is about licences: only the credits that close
    // their line, not a sentence, are notes there.
    let about_licences = found
        .iter()
        .filter(|(_, n)| matches!(n, Note::Licence { .. }))
        .count()
        >= MIN_LICENCE_TOPIC_LINES;
    for (k, note) in found {
        if let Note::Licence { words_after } = note
            && about_licences
            && (words_after > MAX_WORDS_AFTER || facts[k].sentence_end)
        {
            continue;
        }
        let rule = note.rule();
        verdicts[k] = Some(rule);
    }
}

/// A note found in a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Note {
    /// A licence line (rule `licence-note`), with the words after the licence's name.
    Licence { words_after: usize },
    /// A source credit (rule `source-credit`).
    Source,
    /// A disclosure (rule `disclosure-note`).
    Disclosure,
}

impl Note {
    /// The rule's name.
    fn rule(self) -> &'static str {
        match self {
            Note::Licence { .. } => "licence-note",
            Note::Source => "source-credit",
            Note::Disclosure => "disclosure-note",
        }
    }
}

/// The note `unit` is, if any.
fn note_rule(unit: &Unit, facts: &Facts) -> Option<Note> {
    let found = phrases_in(unit, facts)?;
    // A question is never a note ("Was ist Creative Commons?").
    if facts.words <= MAX_LICENCE_WORDS
        && !unit.text.ends_with('?')
        && let Some(end) = found.licence_end
    {
        let words_after = facts.lower[end..].split_whitespace().count();
        return Some(Note::Licence { words_after });
    }
    if facts.words <= MAX_CAPTION_WORDS && found.source && !facts.sentence_end {
        return Some(Note::Source);
    }
    found.disclosure.then_some(Note::Disclosure)
}

/// True when `unit` names a licence or a disclosure within the word limits of its kind
/// ([`MAX_LICENCE_WORDS`], [`MAX_DISCLOSURE_WORDS`]): the phrase test that rule `closing-note`
/// of the tail shares with rules `licence-note` and `disclosure-note`. The tail adds no
/// condition of its own: a question or a sentence about licences that closes the article is
/// a note there, while inside the region [`note_rule`] and [`mark`] keep them.
pub fn licence_or_disclosure(unit: &Unit, facts: &Facts) -> bool {
    phrases_in(unit, facts).is_some_and(|found| {
        found.disclosure || found.licence_end.is_some() && facts.words <= MAX_LICENCE_WORDS
    })
}

/// The phrases found in `unit`, when it is short enough for a note of some kind and not a
/// heading.
fn phrases_in(unit: &Unit, facts: &Facts) -> Option<Found> {
    if facts.words > MAX_DISCLOSURE_WORDS || matches!(unit.kind, Kind::Heading(_)) {
        return None;
    }
    // Most units are longer than a licence line: only a caption's source credit, which holds
    // a colon, or a disclosure, which names advertisers or affiliates, may be among them;
    // byte searches tell those apart before the phrase search runs.
    let bytes = facts.lower.as_bytes();
    if facts.words > MAX_LICENCE_WORDS
        && !(facts.words <= MAX_CAPTION_WORDS && memchr::memchr(b':', bytes).is_some())
        && !names_long_disclosure_word(bytes)
    {
        return None;
    }
    Some(find(&facts.lower))
}

/// Rule `source-credit`: a caption, or a line alone, closed by a source label (found at
/// `start..end` of `lower`) and a few words that end the unit without a sentence's stop.
///
/// Example: "Poranek na targu rybnym, zdjęcie poglądowe / Źródło: Pixabay", "Quelle: kmarten /
/// Fotolia.com".
fn source_credit(lower: &str, start: usize, end: usize) -> bool {
    if lower.ends_with(['.', '!', '?', ':', ';', ',']) {
        return false;
    }
    let before = lower[..start].trim_end();
    let opens = before.is_empty() || before.ends_with(['/', '|', '(', '.', '–', '-', '·']);
    let rest = lower[end..].trim();
    opens && !rest.is_empty() && rest.split(' ').count() <= MAX_SOURCE_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefilter_passes_every_phrase_and_skips_plain_text() {
        assert!(SOURCE_LABELS.iter().all(|l| l.contains(':')));
        let Some(phrases) = PHRASES.as_ref() else {
            panic!("the phrase table builds");
        };
        for phrase in LICENCE_PHRASES.iter().chain(DISCLOSURE_PHRASES) {
            for text in [
                phrase.to_string(),
                format!("photo ({phrase})"),
                format!("x {phrase} y"),
            ] {
                assert!(phrases.may_match(text.as_bytes()), "{text}");
            }
        }
        for label in SOURCE_LABELS {
            let text = format!("a photo / {} pixabay", label.to_lowercase());
            assert!(phrases.may_match(text.as_bytes()), "{text}");
        }
        assert!(!phrases.may_match(b"the mayor met the council on monday"));
        assert!(!phrases.may_match(b"at 10:30 the mayor said: read https://x.org"));
        assert!(!phrases.may_match(b":"));
        assert!(!phrases.may_match(b"we may link the public part of it"));
        assert!(phrases.may_match(b"cc0"));
        assert!(phrases.may_match(b"1234567,cc0"));
        assert!(!phrases.may_match(b"1234567xcc0"));
        assert!(!phrases.may_match(b"12345678public domain"));
        assert!(phrases.may_match(b"1234567\xc3public domain"));
        assert!(!phrases.may_match("Каждый год в июле".as_bytes()));
        // Every phrase opens with a letter, where a word starts.
        assert!(
            LICENCE_PHRASES
                .iter()
                .chain(DISCLOSURE_PHRASES)
                .all(|p| p.as_bytes()[0].is_ascii_lowercase())
        );
        assert!(phrases.may_match("é/cc0".as_bytes()));
        assert!(phrases.may_match(b"12345678 public domain"));
        for b in 0..=255u8 {
            let stop = non_alphanumeric(u64::from(b)) & 0x80 != 0;
            assert_eq!(stop, !b.is_ascii_alphanumeric(), "{b}");
        }
        assert!(!phrases.may_match(b"a soccer cup, cc by nobody"[..11].as_ref()));
    }

    fn rule(text: &str) -> Option<&'static str> {
        let unit = Unit::paragraph(text);
        note_rule(&unit, &Facts::of(&unit)).map(Note::rule)
    }

    #[test]
    fn the_phrase_table_finds_what_a_leftmost_longest_automaton_finds() {
        let Some(phrases) = PHRASES.as_ref() else {
            panic!("the phrase table builds");
        };
        let Ok(automaton) = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&phrases.patterns)
        else {
            panic!("the automaton builds");
        };
        let mut texts: Vec<String> = phrases
            .patterns
            .iter()
            .flat_map(|p| [p.clone(), format!("x{p}y {p}{p} źródło: {p}")])
            .collect();
        texts.push(phrases.patterns.concat());
        texts.push("photo: reuters / quelle: dpa, affiliate links and cc by-sa 4.0".to_string());
        for text in &texts {
            let ours: Vec<_> = phrases.matches(text.as_bytes()).collect();
            let theirs: Vec<_> = automaton
                .find_iter(text.as_str())
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn long_disclosure_words_are_found_anywhere() {
        for text in [
            "advertisers",
            "nonaffiliated",
            "enlaces afiliados",
            "afili",
            "affil",
        ] {
            assert!(names_long_disclosure_word(text.as_bytes()), "{text}");
        }
        for text in [
            "a profile",
            "the film",
            "afil",
            "fil",
            "af",
            "advert",
            "filia",
        ] {
            assert!(!names_long_disclosure_word(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn a_page_about_licences_keeps_its_sentences_about_them() {
        let text = "Wozu Creative Commons?\n\nDank Creative Commons legen Fotografen BODY_TEXT \
                    Bedingungen fest.\n\nCreative Commons Lizenzen erleichtern das Weitergeben \
                    von Werken.\n\nIrgendwo zwischen Copyright und Public Domain.\n\n\
                    Ein Bild der Stadt, CC BY 2.0\n";
        let units = super::super::segment::segment(text);
        let facts: Vec<Facts> = units.iter().map(Facts::of).collect();
        let mut verdicts = vec![None; units.len()];
        mark(&units, &facts, &mut verdicts, &(0..units.len()));
        assert_eq!(verdicts, vec![None, None, None, None, Some("licence-note")]);
    }

    #[test]
    fn licence_lines_in_several_languages() {
        assert_eq!(
            rule("Alle Skizzen hier sind frei unter einer Creative Commons Lizenz."),
            Some("licence-note")
        );
        assert_eq!(
            rule("Tadeusz Wrona mając 31 lat, przepłynął 14 kilometrów /domena publiczna"),
            Some("licence-note")
        );
        assert_eq!(rule("Titelbild: Jo Ruh, CC BY 2.0"), Some("licence-note"));
        assert_eq!(rule("La foto è di pubblico dominio"), Some("licence-note"));
    }

    #[test]
    fn source_credits_close_a_caption() {
        assert_eq!(
            rule("Poranek na targu rybnym, zdjęcie poglądowe / Źródło: Pixabay"),
            Some("source-credit")
        );
        assert_eq!(rule("Quelle: kmarten / Fotolia.com"), Some("source-credit"));
        assert_eq!(
            rule("Source: the BODY_TEXT ministry said five people were hurt."),
            None
        );
        assert_eq!(rule("Quellen:"), None);
    }

    #[test]
    fn disclosures() {
        assert_eq!(
            rule(
                "Advertising disclosure: this site may receive compensation when readers buy \
                 through the shop links below. Thanks for reading us."
            ),
            Some("disclosure-note")
        );
    }

    #[test]
    fn a_plural_disclosure_phrase_is_found_whole() {
        assert_eq!(
            rule("Note: this MENU_TEXT page holds affiliate links to the shop."),
            Some("disclosure-note")
        );
        assert_eq!(
            rule("Some posts hold affiliate-links, marked with a star."),
            Some("disclosure-note")
        );
        assert_eq!(rule("The affiliate linkage of the BODY_TEXT clubs."), None);
    }

    #[test]
    fn the_tail_shares_the_phrases_and_limits_but_not_the_other_conditions() {
        let test = |text: &str| {
            let unit = Unit::paragraph(text);
            licence_or_disclosure(&unit, &Facts::of(&unit))
        };
        // A question is no note inside the region, but closes an article as one.
        let question = "Darf ich das Foto unter der Creative Commons Lizenz nutzen?";
        assert_eq!(rule(question), None);
        assert!(test(question));
        assert!(test("Photo: Jo Ruh, licensed under CC BY 4.0"));
        assert!(test(
            "Advertising disclosure: this site may receive compensation when readers buy \
             through the shop links below."
        ));
        // Past the licence limit, a line naming a licence is running text in both rules.
        let long = format!(
            "{} Creative Commons.",
            "The BODY_TEXT club printed the photo in its paper again. ".repeat(3)
        );
        assert!(Facts::of(&Unit::paragraph(&long)).words > MAX_LICENCE_WORDS);
        assert!(!test(&long));
        assert_eq!(rule(&long), None);
        assert!(!test(
            "The council met on Monday to talk about the BODY_TEXT budget."
        ));
    }

    #[test]
    fn running_text_about_licences_stays() {
        let long = "The BODY_TEXT court ruled that the photographs, released under a Creative \
                    Commons licence in 2009, could be printed by any newspaper as long as the \
                    photographer was named, which the paper had failed to do on three occasions.";
        assert_eq!(rule(long), None);
        assert_eq!(
            rule("The BODY_TEXT is a public domainer's dream and more words"),
            None
        );
    }
}
