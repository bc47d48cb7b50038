//! Names the language of a sample of body text with whatlang, in two stages so that the common
//! case costs a third less.
//!
//! Takes the sample; returns whatlang's answer over [`LANGUAGES`] (the same answer as one
//! detector over the whole list). Never builds the sample and never reads anything else.
//!
//! whatlang scores every allowed language of the text's script on its own (the score does not
//! depend on which other languages are allowed) and answers the best one. Its cost on the
//! 240-byte sample the text path gives it (callgrind) is about 115,000 instructions whatever the
//! languages (lowercasing, counting the trigrams in a hash map, sorting them by count, the
//! alphabet scores) plus about 13,500 per allowed language of the script (300 hash look-ups):
//! 128,000 with one language, 141,000 with two, 196,000 with six, 305,000 with fourteen, some
//! 450,000 with the 25 Latin languages of the list. Most pages are English or German, so the
//! first stage asks only [`FIRST_STAGE`]: when that answers English or German with whatlang's
//! full confidence, on a sample of prose in those languages' letters without web addresses,
//! the answer stands. Otherwise the second stage asks the languages the first left out together
//! with the first stage's best one, whose winner is the winner over the whole list; a page
//! pays for its languages once, plus one language.
//!
//! Cheaper ways that do not give the same answers: whatlang's only reachable method is its
//! combined one (alphabet and trigram scores; `Method` and `Options` are exported only with
//! its `dev` feature), and the alphabet part is a tenth of the cost. A shorter sample changes
//! answers (cutting the text path's 240-byte samples of the text corpora to 230 bytes changes
//! 4 of 2,552, to 200 bytes 6, to 120 bytes 45). A pre-test by English and German function
//! words is not whatlang's answer either: whatlang names some plain English sentences French
//! or Danish, and no threshold kept the 2,552 samples exact.

use std::sync::LazyLock;
use whatlang::{Detector, Lang};

/// The languages told apart (whatlang compares every trigram with every allowed language, so
/// the list is kept to the common ones; languages with a script of their own cost nothing).
pub(crate) const LANGUAGES: &[Lang] = {
    use Lang::*;
    &[
        Eng, Deu, Fra, Spa, Ita, Por, Nld, Pol, Ces, Swe, Dan, Nob, Fin, Hun, Ron, Tur, Hrv, Slv,
        Slk, Lit, Lav, Est, Cat, Rus, Ukr, Bul, Srp, Ell, Ara, Heb, Pes, Hin, Cmn, Jpn, Kor, Tha,
        Vie, Ind,
    ]
};

/// The languages asked first: English and German (most pages), and the languages written
/// mostly in a-z that whatlang ranks closest to them; a text in one of them that the first
/// stage left out could win the first stage for English or German. Left out are the languages
/// with letters of their own (Polish, Czech, Hungarian, Turkish, the Baltic and South Slavic
/// languages, Romanian, Vietnamese), which whatlang seldom ranks near English or German, and
/// Portuguese, Estonian, Norwegian and Swedish, whose kin (Spanish, Finnish, Danish) stay.
///
/// Checked on 394,448 samples against the one detector over [`LANGUAGES`]: (a) the 2,552
/// samples the text path builds from the text corpora's renders, (b) 31,534 240-byte windows,
/// at two offsets, of the articles extracted from the HTML corpora, (c) 360,362 240-byte
/// windows, at two offsets, of every raw text render, menus and link lists included. The
/// disagreements, (a) / (b) / (c), of first stages that settle English and German only, on
/// samples of its letters ([`first_stage_can_settle`]):
///
/// - the fourteen languages of before (these ten and Portuguese, Estonian, Norwegian, Swedish),
///   no web-address check: 0 / 0 / 9, every one a window of numbered URLs that the one detector
///   names Polish, Romanian or Slovenian;
/// - the fourteen with the web-address check ([`has_web_address`]): 0 / 0 / 0; without
///   Portuguese and Estonian still 0 / 0 / 0; without Norwegian too 0 / 0 / 3;
/// - these ten, with the check: 0 / 0 / 7, windows of teaser lists and captions in English or
///   German that the one detector names Norwegian, Swedish or Hungarian (44 without the check);
/// - smaller ones change answers on prose: without Italian 0 / 0 / 19; the best of eight 0 / 2 /
///   38; English, German, French, Dutch, Catalan and Italian 4 / 25 / 213 (Finnish articles
///   and German price lists that the one detector names Norwegian settle as German);
///   English and German alone 162 / 2,187 / 13,857.
///
/// The ten are the smallest first stage that keeps (a) and (b) exact and (c) within the nine of
/// before; each language left out saves some 13,500 instructions a page.
///
/// Settling every first-stage winner, not only English and German, was measured earlier with
/// the fourteen: it keeps (a) and (b) exact (1,665 more of their long samples settle) but adds 32
/// disagreements on (c) (Italian, Spanish, Portuguese, French, Estonian or Indonesian winners
/// of menus and URL lists in Polish, Slovak, Romanian, Croatian...), so only English and German
/// settle.
const FIRST_STAGE: &[Lang] = {
    use Lang::*;
    &[Eng, Deu, Fra, Spa, Ita, Nld, Dan, Cat, Fin, Ind]
};

/// The first stage's answers that stand without the second stage (the languages most pages
/// are in; any other answer costs the second stage, so accepting rare ones gains little).
const SETTLED: &[Lang] = &[Lang::Eng, Lang::Deu];

/// The letters beyond a-z that the first stage's languages are written with, in both cases. A
/// sample with any other letter (Polish ł, Czech ř, Turkish ş, Romanian ț, Hungarian ő...) may
/// be in a language the first stage left out, which the first stage cannot see: whatlang's
/// confidence only compares the languages it was asked. Such a sample goes to the second stage.
const FIRST_STAGE_LETTERS: &str = "àáâãäåæçèéêëìíîïñòóôõöøùúûüÿœßšžĳ\
                                   ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜŸŒẞŠŽĲ";

/// A sample settles in the first stage only when at least this share of its bytes are letters:
/// whatlang's confidence is a relative margin, and on a sample of figures and symbols (a table)
/// the scores are so small that noise decides which language is ahead.
const MIN_LETTER_SHARE: f64 = 0.5;

/// A sample shorter than this names a language only when whatlang is confident of it (its
/// `is_reliable`); such a sample is asked of the one detector, whose confidence that is.
pub(crate) const SHORT_SAMPLE: usize = 120;

/// One detector over the whole list.
static DETECTOR: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(LANGUAGES.to_vec()));

/// The first stage's detector.
static FIRST: LazyLock<Detector> = LazyLock::new(|| Detector::with_allowlist(FIRST_STAGE.to_vec()));

/// The second stage's detectors, one for each first-stage winner: the languages the first stage
/// left out, and that winner.
static SECOND: LazyLock<Vec<(Lang, Detector)>> = LazyLock::new(|| {
    FIRST_STAGE
        .iter()
        .map(|&winner| {
            let allowed = LANGUAGES
                .iter()
                .copied()
                .filter(|l| *l == winner || !FIRST_STAGE.contains(l))
                .collect();
            (winner, Detector::with_allowlist(allowed))
        })
        .collect()
});

/// whatlang's answer over [`LANGUAGES`] for the sample; for a sample shorter than
/// [`SHORT_SAMPLE`], only a confident answer.
///
/// Example: "The council voted on Tuesday to close the bridge for repairs..." is English from
/// the first stage alone; a Polish sample goes on to the second stage, which names Polish.
pub(crate) fn identify(sample: &str) -> Option<Lang> {
    if sample.len() < SHORT_SAMPLE {
        let info = DETECTOR.detect(sample)?;
        return info.is_reliable().then_some(info.lang());
    }
    // A sample in another script than Latin gets the one detector's answer from the two stages
    // too (the first stage's languages are all Latin), and the first stage's cost is saved.
    if may_be_other_script(sample)
        && whatlang::detect_script(sample).is_some_and(|s| s != whatlang::Script::Latin)
    {
        return DETECTOR.detect_lang(sample);
    }
    let winner = match FIRST.detect(sample) {
        Some(info)
            if SETTLED.contains(&info.lang())
                && info.confidence() >= 1.0
                && first_stage_can_settle(sample) =>
        {
            return Some(info.lang());
        }
        Some(info) => info.lang(),
        // A script none of the first stage's languages is written in.
        None => return DETECTOR.detect_lang(sample),
    };
    // A winner outside the first stage (a script of one language, or Japanese for Chinese
    // characters when Chinese is not allowed) is asked again of the one detector.
    let second = SECOND
        .iter()
        .find(|(l, _)| *l == winner)
        .map_or(&*DETECTOR, |(_, d)| d);
    second.detect_lang(sample)
}

/// True when the sample has a character of a block where scripts other than Latin are written:
/// a UTF-8 lead byte of U+0340 to U+1FFF (Greek, Cyrillic, Hebrew, Arabic, the Indic scripts,
/// Thai, Georgian, Hangul Jamo...) or of U+3000 and up (CJK, kana, Hangul). Punctuation and
/// symbols (U+2000 to U+2FFF: quotes, dashes) do not count. Only a sample with one is asked
/// for its script; one without is in Latin letters or has none.
///
/// Example: "Городской совет" has one; "The “council” voted" has none.
fn may_be_other_script(sample: &str) -> bool {
    sample.bytes().fold(false, |found, b| {
        found | (b.wrapping_sub(0xCD) <= 0xE1 - 0xCD) | (0xE3..0xF8).contains(&b)
    })
}

/// True when the sample is mostly letters ([`MIN_LETTER_SHARE`]), has no letter outside
/// [`FIRST_STAGE_LETTERS`] and a-z, and has no web address ([`has_web_address`]).
fn first_stage_can_settle(sample: &str) -> bool {
    if has_web_address(sample) {
        return false;
    }
    // ASCII letters are counted byte by byte (vector code); only the characters outside ASCII
    // (those whose first byte is 0xC0 and up) are decoded.
    let bytes = sample.as_bytes();
    let mut letters = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
    if !sample.is_ascii() {
        for (at, _) in bytes.iter().enumerate().filter(|(_, b)| **b >= 0xC0) {
            let Some(c) = sample.get(at..).and_then(|rest| rest.chars().next()) else {
                continue;
            };
            if c.is_alphabetic() {
                if !FIRST_STAGE_LETTERS.contains(c) {
                    return false;
                }
                letters += 1;
            }
        }
    }
    letters as f64 >= sample.len() as f64 * MIN_LETTER_SHARE
}

/// True when the sample has a web address in it (`://` or `www.`): a list of links, whose
/// trigrams are those of host names and paths, not of a language. whatlang names such samples
/// almost at random (Danish, Romanian, Polish, Swedish...), so the first stage's margin over
/// the languages it asked proves nothing and the sample goes to the second stage.
///
/// Example: "12. https://www.example.com/news/world/ 13. https://www.example.com/news/sport/"
fn has_web_address(sample: &str) -> bool {
    // Found from their first bytes (a few in a sample), without building a substring searcher.
    let bytes = sample.as_bytes();
    memchr::memchr_iter(b':', bytes).any(|at| bytes[at..].starts_with(b"://"))
        || memchr::memchr_iter(b'w', bytes).any(|at| bytes[at..].starts_with(b"www."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_german_are_settled_by_the_first_stage() {
        let en = "The council voted on Tuesday to close the bridge for repairs after engineers \
                  found cracks in two of its supports, and the work is expected to take a year.";
        assert_eq!(identify(en), Some(Lang::Eng));
        let de = "Der Gemeinderat hat am Dienstag beschlossen, die Brücke für Reparaturen zu \
                  sperren, nachdem Ingenieure Risse in zwei ihrer Stützen gefunden hatten.";
        assert_eq!(identify(de), Some(Lang::Deu));
    }

    #[test]
    fn languages_left_out_of_the_first_stage_are_found_by_the_second() {
        let pl = "Rada miasta zdecydowała we wtorek o zamknięciu mostu na czas remontu, \
                  ponieważ inżynierowie znaleźli pęknięcia w dwóch jego podporach.";
        assert_eq!(identify(pl), Some(Lang::Pol));
        let hu = "A városi tanács kedden úgy döntött, hogy a hidat lezárják a javítások idejére, \
                  miután a mérnökök repedéseket találtak két tartóoszlopában.";
        assert_eq!(identify(hu), Some(Lang::Hun));
    }

    #[test]
    fn other_scripts_go_to_the_one_detector() {
        let ru = "Городской совет во вторник решил закрыть мост на ремонт после того, как \
                  инженеры обнаружили трещины в двух его опорах.";
        assert_eq!(identify(ru), Some(Lang::Rus));
        let ja = "市議会は火曜日、技術者が二つの支柱にひびを見つけたため、修理のために橋を閉鎖することを決めました。";
        assert_eq!(identify(ja), Some(Lang::Jpn));
    }

    #[test]
    fn the_two_stages_give_the_one_detectors_answer() {
        let samples = [
            "The council voted on Tuesday to close the bridge for repairs after engineers found \
             cracks in two of its supports, and the work is expected to take a year.",
            "Le conseil municipal a voté mardi la fermeture du pont pour des travaux, après que \
             des ingénieurs ont trouvé des fissures dans deux de ses piliers.",
            "El ayuntamiento votó el martes cerrar el puente por reparaciones después de que los \
             ingenieros encontraran grietas en dos de sus soportes.",
            "Kaupunginvaltuusto päätti tiistaina sulkea sillan korjausten ajaksi, koska insinöörit \
             löysivät halkeamia kahdesta sen tuesta.",
            "Mestna občina je v torek sklenila zapreti most zaradi popravil, potem ko so inženirji \
             našli razpoke v dveh njegovih stebrih.",
        ];
        for s in samples {
            assert!(s.len() >= SHORT_SAMPLE);
            assert_eq!(identify(s), DETECTOR.detect_lang(s), "{s}");
        }
    }

    #[test]
    fn only_samples_of_first_stage_letters_settle_there() {
        assert!(first_stage_can_settle("Die Brücke über die Straße"));
        assert!(first_stage_can_settle("Ça coûte cher à Søren, ÆØÅ"));
        assert!(!first_stage_can_settle("Zażółć gęślą jaźń"));
        assert!(!first_stage_can_settle("Příliš žluťoučký kůň"));
        assert!(!first_stage_can_settle("Şırnak'ta bir köprü"));
        // Mostly figures: a table, not prose.
        assert!(!first_stage_can_settle(
            "412 | 750 | 0.275 | 0.4810 | -0.238 | mean"
        ));
        assert!(first_stage_can_settle("The 3 bridges closed in 2024"));
    }

    #[test]
    fn a_polish_sample_is_not_settled_as_german() {
        let pl = "Stoffwechsel überwachen. Rada miasta zdecydowała we wtorek o zamknięciu mostu \
                  na czas remontu, ponieważ inżynierowie znaleźli pęknięcia w podporach.";
        assert_eq!(identify(pl), DETECTOR.detect_lang(pl));
    }

    #[test]
    fn a_sample_with_web_addresses_is_not_settled_by_the_first_stage() {
        let links = "Visible links: 12. https://www.example.com/news/world/europe/ 13. \
                     https://www.example.com/news/sport/football/ 14. https://www.example.com/\
                     weather/ 15. https://www.example.com/about/contact-us/ 16. https://www.\
                     example.com/about/jobs/";
        assert!(has_web_address(links));
        assert!(!first_stage_can_settle(links));
        assert_eq!(identify(links), DETECTOR.detect_lang(links));
        assert!(has_web_address("see www.example.org for the results"));
        assert!(!has_web_address(
            "The council voted on Tuesday to close the bridge for repairs."
        ));
    }

    #[test]
    fn samples_in_other_scripts_skip_the_first_stage_with_the_same_answer() {
        assert!(may_be_other_script("Городской совет"));
        assert!(may_be_other_script("市議会"));
        assert!(may_be_other_script("Ελληνικά"));
        assert!(!may_be_other_script("The “council” voted – again…"));
        assert!(!may_be_other_script("Zażółć gęślą jaźń, Straße"));
        let samples = [
            "Городской совет во вторник решил закрыть мост на ремонт после того, как инженеры \
             обнаружили трещины в двух его опорах.",
            "Градският съвет реши във вторник да затвори моста за ремонт, след като инженерите \
             откриха пукнатини в две от опорите му.",
            "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να κλείσει τη γέφυρα για επισκευές, αφού \
             οι μηχανικοί βρήκαν ρωγμές σε δύο από τα στηρίγματά της.",
            "The mayor said “Городской совет” in a speech about the bridge that the council voted \
             on Tuesday to close for repairs after engineers found cracks.",
            "Ngày thứ Ba, hội đồng thành phố đã bỏ phiếu đóng cửa cây cầu để sửa chữa sau khi các \
             kỹ sư phát hiện vết nứt ở hai trụ đỡ.",
        ];
        for s in samples {
            assert!(s.len() >= SHORT_SAMPLE);
            assert_eq!(identify(s), DETECTOR.detect_lang(s), "{s}");
        }
    }

    #[test]
    fn a_short_sample_needs_a_confident_answer() {
        assert_eq!(identify("ok"), None);
        assert_eq!(identify(""), None);
    }
}
