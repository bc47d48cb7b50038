//! Date parsing for article metadata.
//!
//! **Takes** strings of four kinds: machine dates from markup and feeds
//! (ISO 8601 / RFC 3339, RFC 2822), dates written for people in English,
//! German, French, Spanish, Italian, Portuguese, Dutch, Catalan, Swedish,
//! Danish, Norwegian, Finnish, Polish, Czech, Russian, Ukrainian, Turkish,
//! Romanian, Hungarian, Indonesian, Chinese/Japanese/Korean numerals
//! ("25. November 2019", "Nov. 25, 2019", "25 de noviembre de 2019",
//! "25.11.2019", "2019年11月25日"), longer running text to scan for datelines,
//! and URLs with a date in their path. Arabic-Indic, Persian, Devanagari and Bengali digits
//! read as 0-9 (Solar Hijri
//! datelines are [`super::solar_hijri`]'s).
//!
//! **Returns** a [`FoundDate`] (the calendar day, plus the time and UTC offset
//! when the source gave them), a list of them with byte offsets, or a bare
//! [`NaiveDate`] for URLs; `None` (or nothing) when there is no complete date,
//! i.e. day, month and year.
//!
//! **Must not**: panic on any input (no `unwrap`, no indexing, checked
//! arithmetic), do I/O, read the clock or the local time zone (dates are
//! reported as written, never converted), keep mutable global state (the only
//! globals are immutable word tables built once in a [`LazyLock`]), invent a
//! day or year that the source did not give, or take quadratic time on long
//! input: every token read is bounded in length and every match attempt reads a
//! bounded number of tokens.
//!
//! Human dates are limited to years 1990..=2035 (everything else is more likely
//! a number than a publication date); ISO 8601 strings given to
//! [`parse_machine`] may have any year from 1 to 9999.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike};

// (The month and weekday tables are looked up for every word next to a number: SipHash's
// cost per look-up showed in profiles; the tables are fixed, so an unkeyed hash is safe.)
use crate::clean::signals::WordHashing;

/// Earliest year accepted in a date written for people.
const MIN_YEAR: i32 = 1990;
/// Latest year accepted in a date written for people.
const MAX_YEAR: i32 = 2035;

/// A date as found: the day, and the time with UTC offset when the source gave them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// The calendar day, as written (not converted to UTC).
    pub date: NaiveDate,
    /// The wall-clock time, as written, when the source gave one (whole seconds).
    pub time: Option<NaiveTime>,
    /// Offset of that wall-clock time from UTC in seconds (east positive),
    /// when the source named one. Only set together with `time`.
    pub offset_seconds: Option<i32>,
}

impl FoundDate {
    /// `2019-11-25`, `2019-11-25T14:03:00` (time without offset) or
    /// `2019-11-25T14:03:00+01:00` (time and offset).
    pub fn to_iso(&self) -> String {
        let mut out = String::with_capacity(25);
        let _ = write!(
            out,
            "{:04}-{:02}-{:02}",
            self.date.year(),
            self.date.month(),
            self.date.day()
        );
        if let Some(t) = self.time {
            let _ = write!(out, "T{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second());
            if let Some(off) = self.offset_seconds {
                let sign = if off < 0 { '-' } else { '+' };
                let abs = off.unsigned_abs();
                let _ = write!(out, "{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60);
            }
        }
        out
    }
}

/// Day/month order for ambiguous numeric dates such as 05/03/2024.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// 05/03/2024 is the 5th of March (most of the world).
    DayFirst,
    /// 05/03/2024 is the 3rd of May (United States and a few others).
    MonthFirst,
}

impl DayOrder {
    /// The order used by a BCP 47 language tag such as `en-US`, `en_GB` or `de`.
    ///
    /// English without a region, US English and the few other English variants
    /// that write the month first give [`DayOrder::MonthFirst`]; every other
    /// language or region gives [`DayOrder::DayFirst`]. `None` or an empty tag
    /// gives `MonthFirst`, like plain `en`.
    pub fn for_language(lang: Option<&str>) -> DayOrder {
        let Some(tag) = lang else {
            return DayOrder::MonthFirst;
        };
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        let primary = parts.next().unwrap_or("");
        if primary.is_empty() {
            return DayOrder::MonthFirst;
        }
        if primary != "en" {
            return DayOrder::DayFirst;
        }
        // The region is the first two-letter or three-digit subtag after the
        // language (a four-letter script subtag may come in between).
        let region = parts.find(|p| {
            (p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
                || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
        });
        match region {
            None => DayOrder::MonthFirst,
            Some(r) if MONTH_FIRST_ENGLISH_REGIONS.contains(&r) => DayOrder::MonthFirst,
            Some(_) => DayOrder::DayFirst,
        }
    }
}

/// Regions whose English writes the month first (US and its territories,
/// the Philippines, Canada where it is the common usage, Liberia...).
const MONTH_FIRST_ENGLISH_REGIONS: &[&str] = &[
    "us", "um", "as", "gu", "mp", "pr", "vi", "ph", "ca", "fm", "mh", "pw", "lr",
];

// ---------------------------------------------------------------------------
// Word tables. One table per language; names are written as people write them
// (with accents) and folded (lower case, accents dropped) when the index is
// built, so "März", "marz" and "MÄRZ" all match. A name may appear in several
// tables as long as it means the same month everywhere (a unit test checks).
// ---------------------------------------------------------------------------

type MonthTable = [&'static [&'static str]; 12];

const MONTHS_EN: MonthTable = [
    &["january", "jan"],
    &["february", "feb", "febr"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

const MONTHS_DE: MonthTable = [
    &["januar", "jänner", "jan", "jän"],
    &["februar", "feber", "feb", "febr"],
    &["märz", "maerz", "mär", "mrz"],
    &["april", "apr"],
    &["mai"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt"],
    &["november", "nov"],
    &["dezember", "dez"],
];

const MONTHS_FR: MonthTable = [
    &["janvier", "janv", "jan"],
    &["février", "févr", "fév"],
    &["mars"],
    &["avril", "avr"],
    &["mai"],
    &["juin"],
    &["juillet", "juil"],
    &["août"],
    &["septembre", "sept"],
    &["octobre", "oct"],
    &["novembre", "nov"],
    &["décembre", "déc"],
];

const MONTHS_ES: MonthTable = [
    &["enero", "ene"],
    &["febrero", "feb"],
    &["marzo", "mar"],
    &["abril", "abr"],
    &["mayo", "may"],
    &["junio", "jun"],
    &["julio", "jul"],
    &["agosto", "ago"],
    &["septiembre", "setiembre", "sep", "sept", "set"],
    &["octubre", "oct"],
    &["noviembre", "nov"],
    &["diciembre", "dic"],
];

const MONTHS_IT: MonthTable = [
    &["gennaio", "gen"],
    &["febbraio", "feb"],
    &["marzo", "mar"],
    &["aprile", "apr"],
    &["maggio", "mag"],
    &["giugno", "giu"],
    &["luglio", "lug"],
    &["agosto", "ago"],
    &["settembre", "set", "sett"],
    &["ottobre", "ott"],
    &["novembre", "nov"],
    &["dicembre", "dic"],
];

const MONTHS_PT: MonthTable = [
    &["janeiro", "jan"],
    &["fevereiro", "fev"],
    &["março", "mar"],
    &["abril", "abr"],
    &["maio", "mai"],
    &["junho", "jun"],
    &["julho", "jul"],
    &["agosto", "ago"],
    &["setembro", "set"],
    &["outubro", "out"],
    &["novembro", "nov"],
    &["dezembro", "dez"],
];

const MONTHS_NL: MonthTable = [
    &["januari", "jan"],
    &["februari", "feb"],
    &["maart", "mrt", "mar"],
    &["april", "apr"],
    &["mei"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["augustus", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt"],
    &["november", "nov"],
    &["december", "dec"],
];

const MONTHS_CA: MonthTable = [
    &["gener"],
    &["febrer"],
    &["març"],
    &["abril"],
    &["maig"],
    &["juny"],
    &["juliol"],
    &["agost"],
    &["setembre"],
    &["octubre"],
    &["novembre"],
    &["desembre"],
];

const MONTHS_SV: MonthTable = [
    &["januari", "jan"],
    &["februari", "feb"],
    &["mars", "mar"],
    &["april", "apr"],
    &["maj"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["augusti", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt"],
    &["november", "nov"],
    &["december", "dec"],
];

const MONTHS_DA: MonthTable = [
    &["januar", "jan"],
    &["februar", "feb"],
    &["marts", "mar"],
    &["april", "apr"],
    &["maj"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt"],
    &["november", "nov"],
    &["december", "dec"],
];

const MONTHS_NO: MonthTable = [
    &["januar", "jan"],
    &["februar", "feb"],
    &["mars", "mar"],
    &["april", "apr"],
    &["mai"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt"],
    &["november", "nov"],
    &["desember"],
];

const MONTHS_FI: MonthTable = [
    &["tammikuu", "tammikuuta"],
    &["helmikuu", "helmikuuta"],
    &["maaliskuu", "maaliskuuta"],
    &["huhtikuu", "huhtikuuta"],
    &["toukokuu", "toukokuuta"],
    &["kesäkuu", "kesäkuuta"],
    &["heinäkuu", "heinäkuuta"],
    &["elokuu", "elokuuta"],
    &["syyskuu", "syyskuuta"],
    &["lokakuu", "lokakuuta"],
    &["marraskuu", "marraskuuta"],
    &["joulukuu", "joulukuuta"],
];

/// Polish: nominative, genitive (as in dates) and the usual abbreviations.
const MONTHS_PL: MonthTable = [
    &["styczeń", "stycznia", "sty"],
    &["luty", "lutego", "lut"],
    &["marzec", "marca"],
    &["kwiecień", "kwietnia", "kwi"],
    &["maj", "maja"],
    &["czerwiec", "czerwca", "cze"],
    &["lipiec", "lipca", "lip"],
    &["sierpień", "sierpnia", "sie"],
    &["wrzesień", "września", "wrz"],
    &["październik", "października", "paź"],
    &["listopad", "listopada", "lis"],
    &["grudzień", "grudnia", "gru"],
];

/// Czech: nominative and genitive.
const MONTHS_CS: MonthTable = [
    &["leden", "ledna"],
    &["únor", "února"],
    &["březen", "března"],
    &["duben", "dubna"],
    &["květen", "května"],
    &["červen", "června"],
    &["červenec", "července"],
    &["srpen", "srpna"],
    &["září"],
    &["říjen", "října"],
    &["listopad", "listopadu"],
    &["prosinec", "prosince"],
];

/// Russian: nominative, genitive and abbreviations.
const MONTHS_RU: MonthTable = [
    &["январь", "января", "янв"],
    &["февраль", "февраля", "фев", "февр"],
    &["март", "марта", "мар"],
    &["апрель", "апреля", "апр"],
    &["май", "мая"],
    &["июнь", "июня", "июн"],
    &["июль", "июля", "июл"],
    &["август", "августа", "авг"],
    &["сентябрь", "сентября", "сен", "сент"],
    &["октябрь", "октября", "окт"],
    &["ноябрь", "ноября", "ноя", "нояб"],
    &["декабрь", "декабря", "дек"],
];

/// Ukrainian: nominative, genitive and abbreviations.
const MONTHS_UK: MonthTable = [
    &["січень", "січня", "січ"],
    &["лютий", "лютого", "лют"],
    &["березень", "березня", "бер"],
    &["квітень", "квітня", "квіт"],
    &["травень", "травня", "трав"],
    &["червень", "червня", "черв"],
    &["липень", "липня", "лип"],
    &["серпень", "серпня", "серп"],
    &["вересень", "вересня", "вер"],
    &["жовтень", "жовтня", "жовт"],
    &["листопад", "листопада", "лист"],
    &["грудень", "грудня", "груд"],
];

const MONTHS_TR: MonthTable = [
    &["ocak"],
    &["şubat"],
    &["mart"],
    &["nisan"],
    &["mayıs"],
    &["haziran"],
    &["temmuz"],
    &["ağustos"],
    &["eylül"],
    &["ekim"],
    &["kasım"],
    &["aralık"],
];

const MONTHS_RO: MonthTable = [
    &["ianuarie", "ian"],
    &["februarie"],
    &["martie"],
    &["aprilie"],
    &["mai"],
    &["iunie", "iun"],
    &["iulie", "iul"],
    &["august"],
    &["septembrie"],
    &["octombrie"],
    &["noiembrie"],
    &["decembrie"],
];

const MONTHS_HU: MonthTable = [
    &["január"],
    &["február"],
    &["március"],
    &["április"],
    &["május"],
    &["június"],
    &["július"],
    &["augusztus"],
    &["szeptember"],
    &["október"],
    &["november"],
    &["december"],
];

const MONTHS_ID: MonthTable = [
    &["januari"],
    &["februari"],
    &["maret"],
    &["april"],
    &["mei"],
    &["juni"],
    &["juli"],
    &["agustus"],
    &["september"],
    &["oktober"],
    &["november"],
    &["desember"],
];

/// Arabic: the names taken from the European months (Egypt, the Gulf, the Maghreb), with the
/// common spellings of alef and of the endings, and the Levantine (Syriac) names that are one
/// word ("نيسان"; the two-word "كانون الثاني", "تشرين الأول" are not read).
const MONTHS_AR: MonthTable = [
    &["يناير", "جانفي"],
    &["فبراير", "فيفري", "شباط"],
    &["مارس", "آذار", "اذار"],
    &["أبريل", "ابريل", "إبريل", "أفريل", "افريل", "نيسان"],
    &["مايو", "ماي", "أيار", "ايار"],
    &["يونيو", "يونيه", "جوان", "حزيران"],
    &["يوليو", "يوليه", "جويلية", "تموز"],
    &["أغسطس", "اغسطس", "أوت", "آب"],
    &["سبتمبر", "أيلول", "ايلول"],
    &["أكتوبر", "اكتوبر"],
    &["نوفمبر"],
    &["ديسمبر"],
];

/// Persian: the Gregorian months as Iranian sites write them (the Solar Hijri calendar is not
/// converted).
const MONTHS_FA: MonthTable = [
    &["ژانویه", "ژانویهٔ"],
    &["فوریه", "فوریهٔ"],
    &["مارس", "مارچ"],
    &["آوریل"],
    &["مه"],
    &["ژوئن"],
    &["ژوئیه", "جولای"],
    &["اوت", "آگوست"],
    &["سپتامبر"],
    &["اکتبر"],
    &["نوامبر"],
    &["دسامبر"],
];

/// Hebrew: the Gregorian months, bare and with the prefix ב ("in": "17 באוגוסט 2020").
const MONTHS_HE: MonthTable = [
    &["ינואר", "בינואר"],
    &["פברואר", "בפברואר"],
    &["מרץ", "במרץ", "מרס", "במרס"],
    &["אפריל", "באפריל"],
    &["מאי", "במאי"],
    &["יוני", "ביוני"],
    &["יולי", "ביולי"],
    &["אוגוסט", "באוגוסט"],
    &["ספטמבר", "בספטמבר"],
    &["אוקטובר", "באוקטובר"],
    &["נובמבר", "בנובמבר"],
    &["דצמבר", "בדצמבר"],
];

/// Every month table, with the language(s) it is for.
const MONTH_TABLES: &[(&str, &MonthTable)] = &[
    ("en", &MONTHS_EN),
    ("de", &MONTHS_DE),
    ("fr", &MONTHS_FR),
    ("es", &MONTHS_ES),
    ("it", &MONTHS_IT),
    ("pt", &MONTHS_PT),
    ("nl", &MONTHS_NL),
    ("ca", &MONTHS_CA),
    ("sv", &MONTHS_SV),
    ("da", &MONTHS_DA),
    ("no", &MONTHS_NO),
    ("fi", &MONTHS_FI),
    ("pl", &MONTHS_PL),
    ("cs", &MONTHS_CS),
    ("ru", &MONTHS_RU),
    ("uk", &MONTHS_UK),
    ("tr", &MONTHS_TR),
    ("ro", &MONTHS_RO),
    ("hu", &MONTHS_HU),
    ("id", &MONTHS_ID),
    ("ar", &MONTHS_AR),
    ("fa", &MONTHS_FA),
    ("he", &MONTHS_HE),
];

/// Weekday names (full forms, and abbreviations that cannot be taken for a
/// month), only used to step over them between a time and the date it belongs to.
const WEEKDAYS: &[&[&str]] = &[
    // en
    &[
        "monday",
        "mon",
        "tuesday",
        "tue",
        "tues",
        "wednesday",
        "wed",
        "thursday",
        "thu",
        "thur",
        "thurs",
        "friday",
        "fri",
        "saturday",
        "sat",
        "sunday",
        "sun",
    ],
    // de
    &[
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonnabend",
        "sonntag",
        "mo",
        "di",
        "mi",
        "do",
        "fr",
        "sa",
        "so",
    ],
    // fr
    &[
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    // es
    &[
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ],
    // it
    &[
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
    ],
    // pt ("segunda-feira" is read as two words)
    &[
        "segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo", "feira",
    ],
    // nl
    &[
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ],
    // sv, da, no
    &[
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "mandag", "tirsdag",
        "lørdag", "søndag",
    ],
    // fi
    &[
        "maanantai",
        "tiistai",
        "keskiviikko",
        "torstai",
        "perjantai",
        "lauantai",
        "sunnuntai",
    ],
    // pl
    &[
        "poniedziałek",
        "wtorek",
        "środa",
        "czwartek",
        "piątek",
        "sobota",
        "niedziela",
    ],
    // cs
    &[
        "pondělí",
        "úterý",
        "středa",
        "čtvrtek",
        "pátek",
        "sobota",
        "neděle",
    ],
    // ru
    &[
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ],
    // tr
    &[
        "pazartesi",
        "salı",
        "çarşamba",
        "perşembe",
        "cuma",
        "cumartesi",
        "pazar",
    ],
];

/// Ordinal endings written right after a day number: 25th, 1er, 1º, 2de.
const ORDINAL_SUFFIXES: &[&str] = &[
    "st", "nd", "rd", "th", "er", "re", "e", "eme", "o", "a", "º", "ª", "ste", "de",
];

/// Words between a day number and the month name ("25 de noviembre", "25th of November").
const DAY_MONTH_LINKS: &[&str] = &["de", "of", "del", "d"];

/// Words between the month name and the year ("noviembre de 2019").
const MONTH_YEAR_LINKS: &[&str] = &["de", "del", "of"];

/// Words, other than weekdays, that may stand between a time and the date
/// that follows it ("14:03 Uhr, am 25.11.2019", "2:03 PM ET, Mon Nov 25, 2019").
const TIME_DATE_LINKS: &[&str] = &[
    "on", "am", "le", "den", "el", "il", "del", "de", "et", "pt", "ct", "mt", "the", "du", "op",
    "dnia",
];

/// Words written after a time: "14:03 Uhr", "14.03 uur", "14h", "14:30 horas".
const TIME_MARKERS: &[&str] = &[
    "uhr", "h", "hrs", "hr", "hs", "horas", "hora", "uur", "u", "hod", "ora",
];

/// How strongly a word before a number announces a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Conn {
    /// Nothing, or a word that only fills the gap ("2019 r.", "2019 г.").
    Plain,
    /// "at", "um", "à", "alle", "a las", "om": allows 14.03 without "Uhr".
    Weak,
    /// "kl.", "klo", "ore", "godz.", "saat": allows a bare hour ("alle ore 14").
    Hour,
}

/// Words that may stand between a date and its time.
const TIME_CONNECTORS: &[(&str, Conn)] = &[
    ("r", Conn::Plain),
    ("roku", Conn::Plain),
    ("г", Conn::Plain),
    ("года", Conn::Plain),
    ("at", Conn::Weak),
    ("um", Conn::Weak),
    ("gegen", Conn::Weak),
    ("ab", Conn::Weak),
    ("a", Conn::Weak),
    ("alle", Conn::Weak),
    ("las", Conn::Weak),
    ("la", Conn::Weak),
    ("om", Conn::Weak),
    ("as", Conn::Weak),
    ("pelas", Conn::Weak),
    ("vers", Conn::Weak),
    ("o", Conn::Weak),
    ("v", Conn::Weak),
    ("в", Conn::Weak),
    ("о", Conn::Weak),
    ("kl", Conn::Hour),
    ("klo", Conn::Hour),
    ("klockan", Conn::Hour),
    ("kello", Conn::Hour),
    ("ore", Conn::Hour),
    ("godz", Conn::Hour),
    ("godzina", Conn::Hour),
    ("saat", Conn::Hour),
];

/// Punctuation that may stand between a date and its time.
const TIME_SEPARATORS: &[char] = &[
    ',', '|', '-', '–', '—', '·', '•', '@', '/', ':', '(', '.', ';',
];

/// Time zone abbreviations, matched only when written in capitals (UTC and
/// GMT in any case). Ambiguous ones (IST, "ET") are left out.
const TIME_ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("UT", 0),
    ("GMT", 0),
    ("WET", 0),
    ("WEZ", 0),
    ("WEST", 3600),
    ("WESZ", 3600),
    ("BST", 3600),
    ("CET", 3600),
    ("MEZ", 3600),
    ("CEST", 7200),
    ("MESZ", 7200),
    ("EET", 7200),
    ("OEZ", 7200),
    ("EEST", 10800),
    ("OESZ", 10800),
    ("MSK", 10800),
    ("EST", -18000),
    ("EDT", -14400),
    ("CST", -21600),
    ("CDT", -18000),
    ("MST", -25200),
    ("MDT", -21600),
    ("PST", -28800),
    ("PDT", -25200),
    ("AKST", -32400),
    ("AKDT", -28800),
    ("HST", -36000),
    ("JST", 32400),
    ("KST", 32400),
    ("AEST", 36000),
    ("AEDT", 39600),
    ("NZST", 43200),
    ("NZDT", 46800),
];

/// Folded month name -> month number (1..=12), built once from the tables.
static MONTH_INDEX: LazyLock<HashMap<String, u32, WordHashing>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for (_, table) in MONTH_TABLES {
        for (month, names) in (1u32..).zip(table.iter()) {
            for name in names.iter() {
                map.entry(fold(name)).or_insert(month);
            }
        }
    }
    map
});

/// Folded weekday names, built once from the table.
static WEEKDAY_INDEX: LazyLock<HashSet<String, WordHashing>> = LazyLock::new(|| {
    WEEKDAYS
        .iter()
        .flat_map(|lang| lang.iter())
        .map(|w| fold(w))
        .collect()
});

/// Lower case with Latin diacritics dropped: "März" -> "marz", "Kasım" -> "kasim".
fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'ď' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ğ' => out.push('g'),
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' | 'į' => out.push('i'),
            'ł' => out.push('l'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'ř' => out.push('r'),
            'ś' | 'š' | 'ş' | 'ș' => out.push('s'),
            'ť' | 'ţ' | 'ț' => out.push('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ё' => out.push('е'),
            // Combining marks of decomposed text ("a\u{308}").
            '\u{300}'..='\u{36f}' => {}
            other => out.push(other),
        }
    }
    out
}

/// Calls `f` with the folded form of `raw` without allocating for short ASCII
/// words (the common case). Words too long to be in any table fold to "".
fn with_fold<R>(raw: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 24;
    if raw.len() > 64 {
        return f("");
    }
    if raw.len() <= SHORT && raw.is_ascii() {
        let mut buf = [0u8; SHORT];
        let mut n = 0;
        for (slot, b) in buf.iter_mut().zip(raw.bytes()) {
            *slot = b.to_ascii_lowercase();
            n += 1;
        }
        let lowered = buf.get(..n).and_then(|b| std::str::from_utf8(b).ok());
        return f(lowered.unwrap_or(""));
    }
    f(&fold(raw))
}

fn month_named(word: &str) -> Option<u32> {
    with_fold(word, |w| MONTH_INDEX.get(w).copied())
}

fn tz_abbrev(s: &str) -> Option<i32> {
    TIME_ZONES.iter().find(|(n, _)| *n == s).map(|&(_, o)| o)
}

fn year_ok(y: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&y)
}

/// Two-digit year: 00..=35 -> 2000s, 90..=99 -> 1990s, anything else rejected.
fn expand_two_digit_year(v: u32) -> Option<i32> {
    let v = i32::try_from(v).ok().filter(|v| (0..=99).contains(v))?;
    let y = if v <= MAX_YEAR - 2000 {
        2000 + v
    } else {
        1900 + v
    };
    year_ok(y).then_some(y)
}

// ---------------------------------------------------------------------------
// Lexer: reads one token at a byte position, skipping a little white space.
// Every token is bounded in length, so a match attempt costs O(1).
// ---------------------------------------------------------------------------

/// Most white space skipped before a token; more ends the phrase.
const MAX_GAP: usize = 16;
/// Longest word read; a longer run of letters is junk.
const MAX_WORD: usize = 40;
/// Longest number read; a longer run of digits is junk.
const MAX_DIGITS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// ASCII digits.
    Num,
    /// Letters (one CJK character is one word).
    Word,
    /// Any other single character.
    Punct(char),
    /// An overlong word or number: never part of a date.
    Junk,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// White space before the token.
    gap: bool,
    /// Value of a `Num` token.
    val: u32,
}

impl Tok {
    fn digits(&self) -> usize {
        if self.kind == Kind::Num {
            self.end.saturating_sub(self.start)
        } else {
            0
        }
    }

    fn is_num(&self, min_digits: usize, max_digits: usize) -> bool {
        self.kind == Kind::Num && (min_digits..=max_digits).contains(&self.digits())
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

fn is_cjk(c: char) -> bool {
    matches!(
        u32::from(c),
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn lex(text: &str, pos: usize) -> Option<Tok> {
    let rest = text.get(pos..)?;
    let mut gap = 0usize;
    let mut off = 0usize;
    // (An ASCII byte is its own character; only others are decoded.)
    let first = loop {
        let c = match *rest.as_bytes().get(off)? {
            b if b.is_ascii() => char::from(b),
            _ => rest.get(off..)?.chars().next()?,
        };
        if is_space(c) {
            gap += 1;
            if gap > MAX_GAP {
                return None;
            }
            off += c.len_utf8();
        } else {
            break c;
        }
    };
    let start = pos.checked_add(off)?;
    let mut tok = Tok {
        kind: Kind::Junk,
        start,
        end: start.checked_add(first.len_utf8())?,
        gap: gap > 0,
        val: 0,
    };
    if first.is_ascii_digit() {
        let mut val: u32 = 0;
        let mut n = 0usize;
        for b in rest.as_bytes().get(off..)?.iter() {
            if !b.is_ascii_digit() {
                break;
            }
            n += 1;
            if n > MAX_DIGITS {
                tok.end = start.checked_add(n)?;
                return Some(tok);
            }
            val = val
                .saturating_mul(10)
                .saturating_add(u32::from(b.saturating_sub(b'0')));
        }
        tok.kind = Kind::Num;
        tok.end = start.checked_add(n)?;
        tok.val = val;
    } else if is_cjk(first) {
        tok.kind = Kind::Word;
    } else if is_word_char(first) {
        // (ASCII letters are read as bytes: each is a word character and none is CJK; other
        // characters are decoded one by one.)
        let bytes = text.as_bytes();
        let mut n = 1usize;
        loop {
            let width = match bytes.get(tok.end) {
                Some(b) if b.is_ascii_alphabetic() => 1,
                Some(&b) if b >= 0x80 => match text.get(tok.end..).and_then(|r| r.chars().next()) {
                    Some(c) if is_word_char(c) && !is_cjk(c) => c.len_utf8(),
                    _ => break,
                },
                _ => break,
            };
            n += 1;
            tok.end = tok.end.checked_add(width)?;
            if n > MAX_WORD {
                return Some(tok);
            }
        }
        tok.kind = Kind::Word;
    } else {
        tok.kind = Kind::Punct(first);
    }
    Some(tok)
}

// ---------------------------------------------------------------------------
// Matcher
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct TimeM {
    time: NaiveTime,
    offset: Option<i32>,
    end: usize,
}

#[derive(Debug, Clone, Copy)]
struct DateM {
    start: usize,
    end: usize,
    date: NaiveDate,
    time: Option<TimeM>,
}

impl DateM {
    fn found(&self) -> FoundDate {
        FoundDate {
            date: self.date,
            time: self.time.map(|t| t.time),
            offset_seconds: self.time.and_then(|t| t.offset),
        }
    }
}

/// Number of recently read tokens remembered: match attempts at one place
/// read the same few tokens again and again.
const TOKEN_CACHE: usize = 8;

struct Scanner<'a> {
    text: &'a str,
    order: DayOrder,
    /// (position, token read there), indexed by position modulo the size.
    cache: [Cell<(usize, Option<Tok>)>; TOKEN_CACHE],
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, order: DayOrder) -> Self {
        Scanner {
            text,
            order,
            cache: std::array::from_fn(|_| Cell::new((usize::MAX, None))),
        }
    }

    fn tok(&self, pos: usize) -> Option<Tok> {
        let slot = self.cache.get(pos % TOKEN_CACHE)?;
        let (at, tok) = slot.get();
        if at == pos {
            return tok;
        }
        let tok = lex(self.text, pos);
        slot.set((pos, tok));
        tok
    }

    fn raw(&self, t: &Tok) -> &'a str {
        self.text.get(t.start..t.end).unwrap_or("")
    }

    /// Calls `f` with the folded text of a word token ("" for other tokens).
    fn with_word<R>(&self, t: &Tok, f: impl FnOnce(&str) -> R) -> R {
        if t.kind == Kind::Word {
            with_fold(self.raw(t), f)
        } else {
            f("")
        }
    }

    fn month_of(&self, t: &Tok) -> Option<u32> {
        if t.kind != Kind::Word {
            return None;
        }
        month_named(self.raw(t))
    }

    /// Steps over a second name of the same month after a slash, as Arabic sites pair the
    /// Levantine and the European names ("24 نيسان / أبريل 2020"); returns `pos` otherwise.
    fn same_month_alias(&self, pos: usize, month: u32) -> usize {
        let Some(slash) = self.punct(pos, &['/'], true) else {
            return pos;
        };
        match self.tok(slash.end) {
            Some(t) if self.month_of(&t) == Some(month) => t.end,
            _ => pos,
        }
    }

    /// The next token if it is one of `set`, and (unless `allow_gap`) touches the previous one.
    fn punct(&self, pos: usize, set: &[char], allow_gap: bool) -> Option<Tok> {
        let t = self.tok(pos)?;
        match t.kind {
            Kind::Punct(c) if set.contains(&c) && (allow_gap || !t.gap) => Some(t),
            _ => None,
        }
    }

    /// The next token if it is a word that folds to one of `words`.
    fn word_in(&self, pos: usize, words: &[&str], allow_gap: bool) -> Option<Tok> {
        let t = self.tok(pos)?;
        if t.kind != Kind::Word || (t.gap && !allow_gap) {
            return None;
        }
        self.with_word(&t, |w| words.contains(&w)).then_some(t)
    }

    /// An ordinal ending touching the number before it: "25th", "1er", "1º", "1°".
    fn ordinal_at(&self, pos: usize) -> Option<Tok> {
        let t = self.tok(pos).filter(|t| !t.gap)?;
        let ok = match t.kind {
            Kind::Word => self.with_word(&t, |w| ORDINAL_SUFFIXES.contains(&w)),
            Kind::Punct(c) => c == '°',
            _ => false,
        };
        ok.then_some(t)
    }

    /// A numeric date written with `sep` must not continue a longer number to
    /// its left ("1.25.11.2019", "v2.1.10"); "2019-25.11.2019" (a range) is fine.
    fn left_numeric_ok(&self, start: usize, sep: char) -> bool {
        let Some(before) = self.text.get(..start) else {
            return false;
        };
        let mut it = before.chars().rev();
        match it.next() {
            None => true,
            Some(c) if c.is_ascii_digit() => false,
            Some(c) if c == sep || matches!(c, '.' | '/' | ':' | ',') => {
                !it.next().is_some_and(|d| d.is_ascii_digit())
            }
            Some(_) => true,
        }
    }

    /// A numeric date must not go on with the same separator and more digits ("25.11.2019.3").
    fn right_numeric_ok(&self, end: usize, sep: char) -> bool {
        let Some(after) = self.text.get(end..) else {
            return false;
        };
        let mut it = after.chars();
        match it.next() {
            Some(c) if c.is_ascii_digit() => false,
            Some(c) if c == sep => !it.next().is_some_and(|d| d.is_ascii_digit()),
            _ => true,
        }
    }

    /// A date starting at the token at `pos`, with the time that follows it.
    fn date_at(&self, pos: usize) -> Option<DateM> {
        let t = self.tok(pos)?;
        let mut m = match t.kind {
            Kind::Num => self
                .year_month_day_numeric(t)
                .or_else(|| self.year_month_day_cjk(t))
                .or_else(|| self.year_monthname_day(t))
                .or_else(|| self.day_month_year_numeric(t))
                .or_else(|| self.day_monthname_year(t)),
            Kind::Word => self.monthname_day_year(t),
            _ => None,
        }?;
        if let Some(tm) = m.time.is_none().then(|| self.time_after(m.end)).flatten() {
            m.end = tm.end;
            m.time = Some(tm);
        }
        Some(m)
    }

    /// 2019-11-25, 2019/11/25, 2019.11.25, 2019. 11. 25.
    fn year_month_day_numeric(&self, ty: Tok) -> Option<DateM> {
        if ty.digits() != 4 {
            return None;
        }
        let year = i32::try_from(ty.val).ok().filter(|y| year_ok(*y))?;
        let s1 = self.punct(ty.end, &['-', '/', '.'], false)?;
        let Kind::Punct(sep) = s1.kind else {
            return None;
        };
        if !self.left_numeric_ok(ty.start, sep) {
            return None;
        }
        let dot = sep == '.';
        let tm = self
            .tok(s1.end)
            .filter(|t| t.is_num(1, 2) && (dot || !t.gap))?;
        let s2 = self.punct(tm.end, &[sep], false)?;
        let td = self
            .tok(s2.end)
            .filter(|t| t.is_num(1, 2) && (dot || !t.gap))?;
        if !self.right_numeric_ok(td.end, sep) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(year, tm.val, td.val)?;
        let mut end = td.end;
        if let Some(d) = self.punct(end, &['.'], false).filter(|_| dot) {
            end = d.end;
        }
        Some(DateM {
            start: ty.start,
            end,
            date,
            time: None,
        })
    }

    /// 2019年11月25日, 2019년 11월 25일.
    fn year_month_day_cjk(&self, ty: Tok) -> Option<DateM> {
        if ty.digits() != 4 {
            return None;
        }
        let year = i32::try_from(ty.val).ok().filter(|y| year_ok(*y))?;
        let w1 = self
            .tok(ty.end)
            .filter(|t| matches!(self.raw(t), "年" | "년"))?;
        let tm = self.tok(w1.end).filter(|t| t.is_num(1, 2))?;
        let w2 = self
            .tok(tm.end)
            .filter(|t| matches!(self.raw(t), "月" | "월"))?;
        let td = self.tok(w2.end).filter(|t| t.is_num(1, 2))?;
        let w3 = self
            .tok(td.end)
            .filter(|t| matches!(self.raw(t), "日" | "일"))?;
        let date = NaiveDate::from_ymd_opt(year, tm.val, td.val)?;
        Some(DateM {
            start: ty.start,
            end: w3.end,
            date,
            time: None,
        })
    }

    /// Hungarian order: "2019. november 25.".
    fn year_monthname_day(&self, ty: Tok) -> Option<DateM> {
        if ty.digits() != 4 {
            return None;
        }
        let year = i32::try_from(ty.val).ok().filter(|y| year_ok(*y))?;
        let dot = self.punct(ty.end, &['.'], false)?;
        let tm = self.tok(dot.end)?;
        let month = self.month_of(&tm)?;
        let td = self.tok(tm.end).filter(|t| t.is_num(1, 2))?;
        let date = NaiveDate::from_ymd_opt(year, month, td.val)?;
        let mut end = td.end;
        if let Some(d) = self.punct(end, &['.'], false) {
            end = d.end;
        }
        Some(DateM {
            start: ty.start,
            end,
            date,
            time: None,
        })
    }

    /// 25.11.2019, 25/11/2019, 11/25/2019, 25-11-2019, 25.11.19.
    fn day_month_year_numeric(&self, t1: Tok) -> Option<DateM> {
        if !t1.is_num(1, 2) {
            return None;
        }
        let s1 = self.punct(t1.end, &['.', '/', '-'], false)?;
        let Kind::Punct(sep) = s1.kind else {
            return None;
        };
        if !self.left_numeric_ok(t1.start, sep) {
            return None;
        }
        let dot = sep == '.';
        let t2 = self
            .tok(s1.end)
            .filter(|t| t.is_num(1, 2) && (dot || !t.gap))?;
        let s2 = self.punct(t2.end, &[sep], false)?;
        let t3 = self.tok(s2.end).filter(|t| dot || !t.gap)?;
        let year = if t3.is_num(4, 4) {
            i32::try_from(t3.val).ok().filter(|y| year_ok(*y))?
        } else if t3.is_num(2, 2) && sep != '-' && t1.digits() == 2 && t2.digits() == 2 {
            expand_two_digit_year(t3.val)?
        } else {
            return None;
        };
        if !self.right_numeric_ok(t3.end, sep) {
            return None;
        }
        let (a, b) = (t1.val, t2.val);
        let (day, month) = if a > 12 && b <= 12 {
            (a, b)
        } else if b > 12 && a <= 12 {
            (b, a)
        } else if a <= 12 && b <= 12 {
            if dot || self.order == DayOrder::DayFirst {
                (a, b)
            } else {
                (b, a)
            }
        } else {
            return None;
        };
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        Some(DateM {
            start: t1.start,
            end: t3.end,
            date,
            time: None,
        })
    }

    /// Day, then month name, then year: "25. November 2019", "25th of November, 2019",
    /// "25 de noviembre de 2019", "1er déc. 2019", "25-Nov-2019", "25/Nov/2019".
    fn day_monthname_year(&self, t1: Tok) -> Option<DateM> {
        if !t1.is_num(1, 2) || !(1..=31).contains(&t1.val) {
            return None;
        }
        let day = t1.val;
        let mut p = t1.end;
        if let Some(d) = self.punct(p, &['.'], false) {
            p = d.end;
        }
        if let Some(t) = self.ordinal_at(p) {
            p = t.end;
            if let Some(d) = self.punct(p, &['.'], false) {
                p = d.end;
            }
        }
        let mut sep = None;
        if let Some(s) = self.punct(p, &['-', '/'], false) {
            if let Kind::Punct(c) = s.kind {
                sep = Some(c);
            }
            p = s.end;
        }
        let mut month = None;
        for _ in 0..3 {
            let t = self.tok(p)?;
            if t.kind != Kind::Word || (sep.is_some() && t.gap) {
                return None;
            }
            if let Some(m) = self.month_of(&t) {
                month = Some(m);
                p = t.end;
                break;
            }
            if sep.is_none() && self.with_word(&t, |w| DAY_MONTH_LINKS.contains(&w)) {
                p = t.end;
                continue;
            }
            return None;
        }
        let month = month?;
        if sep.is_none() {
            p = self.same_month_alias(p, month);
        }
        if let Some(d) = self.punct(p, &['.'], false) {
            p = d.end;
        }
        let (year, end) = if let Some(sep) = sep {
            let s = self.punct(p, &[sep], false)?;
            let ty = self.tok(s.end).filter(|t| !t.gap)?;
            let year = if ty.is_num(4, 4) {
                i32::try_from(ty.val).ok().filter(|y| year_ok(*y))?
            } else if ty.is_num(2, 2) {
                expand_two_digit_year(ty.val)?
            } else {
                return None;
            };
            (year, ty.end)
        } else {
            if let Some(c) = self.punct(p, &[','], true) {
                p = c.end;
            }
            let mut ty = self.tok(p)?;
            if ty.kind == Kind::Word && self.with_word(&ty, |w| MONTH_YEAR_LINKS.contains(&w)) {
                ty = self.tok(ty.end)?;
            }
            if !ty.is_num(4, 4) {
                return None;
            }
            let year = i32::try_from(ty.val).ok().filter(|y| year_ok(*y))?;
            (year, ty.end)
        };
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        Some(DateM {
            start: t1.start,
            end,
            date,
            time: None,
        })
    }

    /// Nov. 25, 2019; November 25th 2019; June 5-7, 2019; and the C library's
    /// "Nov 25 14:03:00 2019" / "Nov 25 14:03:00 UTC 2019".
    fn monthname_day_year(&self, tm: Tok) -> Option<DateM> {
        let month = self.month_of(&tm)?;
        let mut p = tm.end;
        if let Some(d) = self.punct(p, &['.'], false) {
            p = d.end;
        }
        let td = self.tok(p).filter(|t| t.is_num(1, 2))?;
        p = td.end;
        if let Some(t) = self.ordinal_at(p) {
            p = t.end;
        }
        // A range of days: keep the first.
        if let Some(n) = self
            .punct(p, &['-', '–'], true)
            .and_then(|dash| self.tok(dash.end))
            .filter(|t| t.is_num(1, 2))
        {
            p = n.end;
        }
        if let Some(c) = self.punct(p, &[','], true) {
            p = c.end;
        }
        let ty = self.tok(p)?;
        if ty.is_num(4, 4) {
            let year = i32::try_from(ty.val).ok().filter(|y| year_ok(*y))?;
            let date = NaiveDate::from_ymd_opt(year, month, td.val)?;
            return Some(DateM {
                start: tm.start,
                end: ty.end,
                date,
                time: None,
            });
        }
        if ty.is_num(1, 2) {
            let time = self.parse_time(p, Conn::Plain)?;
            let ty = self.tok(time.end).filter(|t| t.is_num(4, 4))?;
            let year = i32::try_from(ty.val).ok().filter(|y| year_ok(*y))?;
            let date = NaiveDate::from_ymd_opt(year, month, td.val)?;
            return Some(DateM {
                start: tm.start,
                end: ty.end,
                date,
                time: Some(time),
            });
        }
        None
    }

    /// A time right after a date: "2019, 14:03", "2019 um 14:03 Uhr",
    /// "2019 alle ore 14", "2019-11-25T14:03:00Z", "2019 r., godz. 14:03".
    fn time_after(&self, pos: usize) -> Option<TimeM> {
        let mut p = pos;
        let mut conn = Conn::Plain;
        for _ in 0..6 {
            let t = self.tok(p)?;
            match t.kind {
                Kind::Num => return self.parse_time(p, conn),
                Kind::Punct(c) if TIME_SEPARATORS.contains(&c) => p = t.end,
                Kind::Word => {
                    let raw = self.raw(&t);
                    if raw == "T" || raw == "t" {
                        if t.gap {
                            return None;
                        }
                        let n = self.tok(t.end).filter(|n| n.kind == Kind::Num && !n.gap)?;
                        return self.parse_time(n.start, Conn::Weak);
                    }
                    let (_, k) =
                        with_fold(raw, |w| TIME_CONNECTORS.iter().find(|(name, _)| *name == w))?;
                    conn = conn.max(*k);
                    p = t.end;
                }
                _ => return None,
            }
        }
        None
    }

    /// "14:03", "14:03:22.5", "2:03 pm", "2 p.m.", "14.03 Uhr", "14h03", "14 h 30",
    /// "14 Uhr", followed by an optional zone. A bare "14" or "14.03" is a time
    /// only after a word that announces one (see [`Conn`]).
    fn parse_time(&self, pos: usize, conn: Conn) -> Option<TimeM> {
        let th = self.tok(pos).filter(|t| t.is_num(1, 2))?;
        let mut hour = th.val;
        let mut minute = 0;
        let mut second = 0;
        let mut p = th.end;
        let mut explicit = false;
        let mut dotted = false;
        let mut had_seconds = false;
        if let Some(c) = self.punct(p, &[':'], false) {
            let tm = self.tok(c.end).filter(|t| t.is_num(2, 2) && !t.gap)?;
            minute = tm.val;
            p = tm.end;
            explicit = true;
            if let Some(ts) = self
                .punct(p, &[':'], false)
                .and_then(|c2| self.tok(c2.end))
                .filter(|t| t.is_num(2, 2) && !t.gap)
            {
                second = ts.val;
                p = ts.end;
                had_seconds = true;
                // Fraction of a second, dropped.
                if let Some(fr) = self
                    .punct(p, &['.', ','], false)
                    .and_then(|f| self.tok(f.end))
                    .filter(|t| t.kind == Kind::Num && !t.gap)
                {
                    p = fr.end;
                }
            }
        } else if let Some(c) = self.punct(p, &['.'], false) {
            if let Some(tm) = self.tok(c.end).filter(|t| t.is_num(2, 2) && !t.gap) {
                minute = tm.val;
                p = tm.end;
                dotted = true;
            }
        } else if let Some(h) = self.word_in(p, &["h"], true) {
            explicit = true;
            p = h.end;
            if let Some(tm) = self.tok(p).filter(|t| t.is_num(2, 2)) {
                minute = tm.val;
                p = tm.end;
            }
        }
        // "14:03 pm" is left alone; "14:03 am 25.11." is German.
        if let Some((pm, e)) = self.ampm(p).filter(|_| (1..=12).contains(&hour)) {
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            p = e;
            explicit = true;
        }
        if let Some(m) = self.word_in(p, TIME_MARKERS, true) {
            explicit = true;
            p = m.end;
            if let Some(d) = self.punct(p, &['.'], false) {
                p = d.end;
            }
        }
        let zone = self.zone(p, had_seconds);
        if !explicit {
            // "14.03" needs "um"/"kl." before or a zone after ("07.00 GMT");
            // a bare "14" needs an hour word ("alle ore 14").
            let allowed = if dotted {
                conn >= Conn::Weak || zone.is_some()
            } else {
                conn == Conn::Hour
            };
            if !allowed {
                return None;
            }
        }
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let time = NaiveTime::from_hms_opt(hour, minute, second.min(59))?;
        let mut offset = None;
        if let Some((o, e)) = zone {
            offset = Some(o);
            p = e;
        }
        Some(TimeM {
            time,
            offset,
            end: p,
        })
    }

    /// "am", "pm", "a.m.", "p. m." -> (is_pm, end).
    fn ampm(&self, pos: usize) -> Option<(bool, usize)> {
        let t = self.tok(pos)?;
        // (is_pm, written with dots as "a.m.")
        let (pm, dotted) = self.with_word(&t, |w| match w {
            "am" => Some((false, false)),
            "pm" => Some((true, false)),
            "a" => Some((false, true)),
            "p" => Some((true, true)),
            _ => None,
        })?;
        if !dotted {
            return Some((pm, t.end));
        }
        let d = self.punct(t.end, &['.'], false)?;
        let m = self.word_in(d.end, &["m"], true)?;
        let mut end = m.end;
        if let Some(d2) = self.punct(end, &['.'], false) {
            end = d2.end;
        }
        Some((pm, end))
    }

    /// A zone after a time: "Z", "+01:00", "+0100", "-0500", "GMT", "UTC+1",
    /// "GMT+0100", "MEZ", "(CEST)". `-hh:mm` is only taken after a time with
    /// seconds (ISO style), as "10:00-12:00" is more often a range.
    fn zone(&self, pos: usize, allow_dash_colon: bool) -> Option<(i32, usize)> {
        let t = self.tok(pos)?;
        match t.kind {
            Kind::Word => {
                let raw = self.raw(&t);
                if raw.eq_ignore_ascii_case("utc") || raw.eq_ignore_ascii_case("gmt") || raw == "UT"
                {
                    if let Some(found) = self.numeric_offset(t.end, true, true) {
                        return Some(found);
                    }
                    return Some((0, t.end));
                }
                if raw == "Z" {
                    return (!t.gap).then_some((0, t.end));
                }
                tz_abbrev(raw).map(|o| (o, t.end))
            }
            Kind::Punct('+' | '-' | '\u{2212}') => {
                self.numeric_offset(pos, false, allow_dash_colon)
            }
            Kind::Punct('(') => {
                let w = self.tok(t.end).filter(|w| w.kind == Kind::Word)?;
                let off = tz_abbrev(self.raw(&w))?;
                let close = self.punct(w.end, &[')'], true)?;
                Some((off, close.end))
            }
            _ => None,
        }
    }

    fn numeric_offset(
        &self,
        pos: usize,
        after_utc: bool,
        allow_dash_colon: bool,
    ) -> Option<(i32, usize)> {
        let s = self.tok(pos)?;
        let sign = match s.kind {
            Kind::Punct('+') => 1,
            Kind::Punct('-' | '\u{2212}') => -1,
            _ => return None,
        };
        if after_utc && s.gap {
            return None;
        }
        let n = self.tok(s.end).filter(|n| n.kind == Kind::Num && !n.gap)?;
        let (h, m, end) = match n.digits() {
            4 => (n.val / 100, n.val % 100, n.end),
            1 | 2 => {
                if let Some(c) = self.punct(n.end, &[':'], false) {
                    let mm = self.tok(c.end).filter(|t| t.is_num(2, 2) && !t.gap)?;
                    if sign < 0 && !after_utc && !allow_dash_colon {
                        return None;
                    }
                    (n.val, mm.val, mm.end)
                } else if after_utc {
                    (n.val, 0, n.end)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        if h > 14 || m > 59 {
            return None;
        }
        let secs = i32::try_from(h * 3600 + m * 60).ok()?;
        Some((sign * secs, end))
    }

    /// The start of a month name that ends just before the digits at `a`
    /// ("Nov. 25", "November 25"), not before `floor`.
    fn month_word_before(&self, a: usize, floor: usize) -> Option<usize> {
        let before = self.text.get(floor..a)?;
        let mut it = before.char_indices().rev().peekable();
        let mut skipped = 0;
        while let Some(&(_, c)) = it.peek() {
            if is_space(c) || c == '.' || c == ',' {
                skipped += 1;
                if skipped > 4 {
                    return None;
                }
                it.next();
            } else {
                break;
            }
        }
        let mut start = None;
        let mut n = 0;
        while let Some(&(i, c)) = it.peek() {
            if is_word_char(c) && !is_cjk(c) {
                start = Some(i);
                n += 1;
                if n > 24 {
                    return None;
                }
                it.next();
            } else {
                break;
            }
        }
        let s = floor.checked_add(start?)?;
        let t = self.tok(s)?;
        self.month_of(&t).map(|_| s)
    }

    /// A time followed by its date: "14:03, 25.11.2019", "2:03 PM ET, Mon Nov 25, 2019".
    fn time_then_date(&self, a: usize) -> Option<DateM> {
        let tm = self.parse_time(a, Conn::Plain)?;
        let mut p = tm.end;
        for _ in 0..5 {
            let t = self.tok(p)?;
            match t.kind {
                Kind::Num => break,
                Kind::Punct(c) if TIME_SEPARATORS.contains(&c) => p = t.end,
                Kind::Word => {
                    if self.month_of(&t).is_some() {
                        break;
                    }
                    if self.with_word(&t, |w| {
                        WEEKDAY_INDEX.contains(w) || TIME_DATE_LINKS.contains(&w)
                    }) {
                        p = t.end;
                    } else {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        let mut m = self.date_at(p)?;
        if m.time.is_none() {
            m.time = Some(tm);
        }
        Some(m)
    }

    /// The date that the digits at `a..` belong to, if any, starting at or after `floor`.
    fn date_near_digits(&self, a: usize, floor: usize) -> Option<DateM> {
        self.month_word_before(a, floor)
            .and_then(|ws| self.date_at(ws))
            .or_else(|| self.date_at(a))
            .or_else(|| self.time_then_date(a))
    }
}

/// Scans `text` digit run by digit run (every date has digits), so prose costs
/// little more than a byte search.
fn scan(text: &str, order: DayOrder, first_only: bool) -> Vec<(usize, FoundDate)> {
    match ascii_digits(text) {
        None => scan_ascii(text, order, first_only),
        Some((ascii, starts)) => scan_ascii(&ascii, order, first_only)
            .into_iter()
            .map(|(at, d)| (starts.get(at).copied().unwrap_or(at), d))
            .collect(),
    }
}

/// The first code point of each run of ten decimal digits read as 0-9 besides ASCII:
/// Arabic-Indic (٠-٩, Arab world), Extended Arabic-Indic (۰-۹, Persian and Urdu),
/// Devanagari (०-९) and Bengali (০-৯).
const DIGIT_ZEROS: &[u32] = &[0x0660, 0x06F0, 0x0966, 0x09E6];

/// The value of a non-ASCII decimal digit from [`DIGIT_ZEROS`] ('۲' -> 2).
pub(super) fn other_digit(c: char) -> Option<u8> {
    let v = u32::from(c);
    DIGIT_ZEROS
        .iter()
        .find_map(|&z| v.checked_sub(z).filter(|d| *d < 10))
        .and_then(|d| u8::try_from(d).ok())
}

/// Rule `reads_non_ascii_digits`: `text` with Arabic-Indic, Persian, Devanagari and Bengali
/// digits written as ASCII ("۲۴ آوریل ۲۰۲۰" -> "24 آوریل 2020"), with the byte offset in `text`
/// of each byte of the copy (and one past the end); `None` when there is no such digit.
fn ascii_digits(text: &str) -> Option<(String, Vec<usize>)> {
    // Every digit of DIGIT_ZEROS opens with one of these bytes (U+0660-U+06FF: 0xD9 or
    // 0xDB; U+0900-U+09FF: 0xE0): most texts hold none and skip the walk over characters.
    if memchr::memchr3(0xD9, 0xDB, 0xE0, text.as_bytes()).is_none()
        || !text.chars().any(|c| other_digit(c).is_some())
    {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut starts = Vec::with_capacity(text.len().saturating_add(1));
    for (i, c) in text.char_indices() {
        match other_digit(c) {
            Some(d) => {
                out.push(char::from(b'0'.saturating_add(d)));
                starts.push(i);
            }
            None => {
                out.push(c);
                starts.extend(std::iter::repeat_n(i, c.len_utf8()));
            }
        }
    }
    starts.push(text.len());
    Some((out, starts))
}

fn scan_ascii(text: &str, order: DayOrder, first_only: bool) -> Vec<(usize, FoundDate)> {
    let sc = Scanner::new(text, order);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0usize;
    let mut floor = 0usize;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(u8::is_ascii_digit))
    {
        let a = i.saturating_add(off);
        let run = bytes
            .get(a..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
        let b = a.saturating_add(run.max(1));
        // Days, months, hours are one or two digits, years four.
        if !matches!(run, 1 | 2 | 4) {
            i = b;
            continue;
        }
        match sc.date_near_digits(a, floor) {
            Some(m) => {
                out.push((m.start, m.found()));
                if first_only {
                    break;
                }
                floor = m.end;
                i = m.end.max(b);
            }
            None => i = b,
        }
    }
    out
}

/// Parses a machine date: ISO 8601 / RFC 3339 ("2019-11-25",
/// "2019-11-25T14:03:00+01:00", "2019-11-25T14:03:00Z", "2019-11-25 14:03:00",
/// "20191125", "2019-11-25T14:03:00.000+0100"), RFC 2822
/// ("Mon, 25 Nov 2019 14:03:00 GMT"), and if that fails falls back to
/// [`parse_human`] with [`DayOrder::MonthFirst`] (machine-made slashed dates
/// usually come from US software).
///
/// ISO dates may have any year from 1 to 9999; a valid date followed by an
/// unreadable time keeps the date alone.
pub fn parse_machine(s: &str) -> Option<FoundDate> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    parse_iso(t)
        .or_else(|| parse_rfc2822(t))
        .or_else(|| parse_human(t, DayOrder::MonthFirst))
}

/// `len` ASCII digits at `start`, as a number.
fn digits_at(b: &[u8], start: usize, len: usize) -> Option<u32> {
    let part = b.get(start..start.checked_add(len)?)?;
    part.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit()
            .then(|| acc.saturating_mul(10).saturating_add(u32::from(c - b'0')))
    })
}

fn parse_iso(s: &str) -> Option<FoundDate> {
    let b = s.as_bytes();
    let year = i32::try_from(digits_at(b, 0, 4)?)
        .ok()
        .filter(|y| *y >= 1)?;
    let (month, day, mut i) = if b.get(4) == Some(&b'-') {
        if b.get(7) != Some(&b'-') {
            return None;
        }
        (digits_at(b, 5, 2)?, digits_at(b, 8, 2)?, 10)
    } else {
        (digits_at(b, 4, 2)?, digits_at(b, 6, 2)?, 8)
    };
    if b.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let mut found = FoundDate {
        date,
        time: None,
        offset_seconds: None,
    };
    if !matches!(b.get(i), Some(b'T' | b't' | b' ')) {
        return Some(found);
    }
    i += 1;
    let Some(hour) = digits_at(b, i, 2) else {
        return Some(found);
    };
    i += 2;
    let mut minute = 0;
    let mut second = 0;
    if b.get(i) == Some(&b':') {
        let Some(m) = digits_at(b, i + 1, 2) else {
            return Some(found);
        };
        minute = m;
        i += 3;
        if let Some(sec) = digits_at(b, i + 1, 2).filter(|_| b.get(i) == Some(&b':')) {
            second = sec;
            i += 3;
        } else if let Some(sec) = digits_at(b, i + 1, 1).filter(|_| b.get(i) == Some(&b':')) {
            // A one-digit second ("23:15:0Z"), as some CMSs print it.
            second = sec;
            i += 2;
        }
    } else if let Some(m) = digits_at(b, i, 2) {
        minute = m;
        i += 2;
        if let Some(sec) = digits_at(b, i, 2) {
            second = sec;
            i += 2;
        }
    }
    if matches!(b.get(i), Some(b'.' | b',')) {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    let Some(time) = NaiveTime::from_hms_opt(hour, minute, second.min(59)).filter(|_| second <= 60)
    else {
        return Some(found);
    };
    found.time = Some(time);
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    found.offset_seconds = iso_offset(s.get(i..).unwrap_or(""));
    Some(found)
}

/// "Z", "+01:00", "+0100", "+01", "-05:00", "UTC", "GMT", "CET"...
fn iso_offset(rest: &str) -> Option<i32> {
    let b = rest.as_bytes();
    let sign = match b.first()? {
        b'Z' | b'z' => return Some(0),
        b'+' => 1,
        b'-' => -1,
        _ => {
            let word: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
            if word.eq_ignore_ascii_case("utc") || word.eq_ignore_ascii_case("gmt") {
                return Some(0);
            }
            return tz_abbrev(&word);
        }
    };
    let h = digits_at(b, 1, 2)?;
    let m = if b.get(3) == Some(&b':') {
        digits_at(b, 4, 2)?
    } else {
        digits_at(b, 3, 2).unwrap_or(0)
    };
    if h > 14 || m > 59 {
        return None;
    }
    i32::try_from(h * 3600 + m * 60).ok().map(|v| sign * v)
}

fn parse_rfc2822(s: &str) -> Option<FoundDate> {
    let dt = DateTime::parse_from_rfc2822(s).ok()?;
    let local = dt.naive_local();
    let time = NaiveTime::from_hms_opt(local.hour(), local.minute(), local.second())?;
    Some(FoundDate {
        date: local.date(),
        time: Some(time),
        offset_seconds: Some(dt.offset().local_minus_utc()),
    })
}

/// Parses a date written for people and returns the first complete date
/// (day, month and year) found in `s`, with the time when one is written right
/// next to it ("am 25. November 2019 um 14:03 Uhr").
///
/// Understands day-month-year and month-day-year with month names in the
/// languages listed in the module documentation (full or abbreviated, with or
/// without dot or accents, any case), numeric dates (25.11.2019, 25/11/2019,
/// 2019/11/25, 25-11-2019, 25.11.19), with ordinals (25th, 1er, 1º), weekday
/// names and times ("14:03", "2:03 pm", "14.03 Uhr", "14h03", "alle ore 14")
/// with zones ("Z", "+01:00", "GMT", "MEZ", "EST"...). Ambiguous numeric dates
/// use `order`; dotted ones (25.11.2019) are always day first unless the
/// second number is above 12. Two-digit years map 00..=35 to 2000s and 90..=99
/// to 1990s. Years outside 1990..=2035 and impossible dates are rejected.
pub fn parse_human(s: &str, order: DayOrder) -> Option<FoundDate> {
    scan(s, order, true).into_iter().next().map(|(_, d)| d)
}

/// Every date found in a longer text, with the byte offset where it starts,
/// in order (for scanning datelines in a page's text). Same formats as
/// [`parse_human`]; dates do not overlap. Looks only around digits, so running
/// time is linear in the length of the text.
pub fn find_dates(text: &str, order: DayOrder) -> Vec<(usize, FoundDate)> {
    scan(text, order, false)
}

/// True when [`find_dates`] finds a date in `text`; the scan stops at the first one (the
/// scan reads the same way up to there, so it agrees with `find_dates` on every text).
pub fn has_date(text: &str, order: DayOrder) -> bool {
    !scan(text, order, true).is_empty()
}

/// A date in a URL's path (or query): `/2019/11/25/`, `/2019-11-25-slug`,
/// `_2019_11_25`, `/20191125/`, `/2019/nov/25/`. A path with only a year and
/// month (`/2019/11/`) gives `None`, as does anything outside 1990..=2035.
/// The host name is not looked at.
pub fn date_from_url(url: &str) -> Option<NaiveDate> {
    let path = match url.find("://") {
        Some(k) => {
            let after = url.get(k + 3..).unwrap_or("");
            match after.find(['/', '?', '#']) {
                Some(j) => after.get(j..).unwrap_or(""),
                None => return None,
            }
        }
        None => url,
    };
    let b = path.as_bytes();
    let is_sep = |c: Option<&u8>| matches!(c, Some(b'/' | b'-' | b'_' | b'.'));
    let mut i = 0usize;
    while i < b.len() {
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let len = i - start;
        let before = start.checked_sub(1).and_then(|k| b.get(k));
        if len == 8 {
            let ends_ok = matches!(
                b.get(i),
                None | Some(b'/' | b'-' | b'_' | b'.' | b'?' | b'#' | b'&')
            );
            if (start == 0 || is_sep(before)) && ends_ok {
                let date = digits_at(b, start, 4)
                    .and_then(|v| i32::try_from(v).ok())
                    .filter(|y| year_ok(*y))
                    .and_then(|y| {
                        let m = digits_at(b, start + 4, 2)?;
                        let d = digits_at(b, start + 6, 2)?;
                        NaiveDate::from_ymd_opt(y, m, d)
                    });
                if date.is_some() {
                    return date;
                }
            }
            continue;
        }
        if len != 4 || !is_sep(b.get(i)) {
            continue;
        }
        let Some(year) = digits_at(b, start, 4).and_then(|v| i32::try_from(v).ok()) else {
            continue;
        };
        if !year_ok(year) {
            continue;
        }
        // Month: one or two digits, or a month name.
        let ms = i + 1;
        let mut me = ms;
        while b.get(me).is_some_and(u8::is_ascii_digit) {
            me += 1;
        }
        let month = if (1..=2).contains(&(me - ms)) {
            digits_at(b, ms, me - ms)
        } else if me == ms {
            while b.get(me).is_some_and(u8::is_ascii_alphabetic) {
                me += 1;
            }
            if (3..=12).contains(&(me - ms)) {
                path.get(ms..me).and_then(month_named)
            } else {
                None
            }
        } else {
            None
        };
        let Some(month) = month else {
            continue;
        };
        if !is_sep(b.get(me)) {
            continue;
        }
        let ds = me + 1;
        let mut de = ds;
        while b.get(de).is_some_and(u8::is_ascii_digit) {
            de += 1;
        }
        if !(1..=2).contains(&(de - ds)) {
            continue;
        }
        if let Some(date) =
            digits_at(b, ds, de - ds).and_then(|d| NaiveDate::from_ymd_opt(year, month, d))
        {
            return Some(date);
        }
    }
    year_last_date_in_path(b)
}

/// Rule `year_last_url_date`: a day, month and year in that order in a URL path, joined by the
/// same `-`, `.` or `_` ("/meldungen/29-10-2021", "bericht_vom_22.04.2020_x"). With dots the
/// day comes first (the European way of writing them); with `-` or `_` only a day above 12
/// settles the order (`10-29-2021` is read month first), and `05-06-2021` is left unread.
fn year_last_date_in_path(b: &[u8]) -> Option<NaiveDate> {
    let digit_run = |from: usize| {
        b.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let mut i = 0usize;
    while i < b.len() {
        let run = digit_run(i);
        if run == 0 {
            i += 1;
            continue;
        }
        let start = i;
        i += run;
        let before_ok = start
            .checked_sub(1)
            .and_then(|k| b.get(k))
            .is_none_or(|c| !c.is_ascii_alphanumeric());
        let Some(&sep) = b.get(i).filter(|c| matches!(c, b'-' | b'.' | b'_')) else {
            continue;
        };
        if !before_ok || !(1..=2).contains(&run) {
            continue;
        }
        let second = i + 1;
        let run2 = digit_run(second);
        if !(1..=2).contains(&run2) || b.get(second + run2) != Some(&sep) {
            continue;
        }
        let ys = second + run2 + 1;
        if digit_run(ys) != 4 || b.get(ys + 4).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        let (Some(first), Some(other), Some(year)) = (
            digits_at(b, start, run),
            digits_at(b, second, run2),
            digits_at(b, ys, 4).and_then(|v| i32::try_from(v).ok()),
        ) else {
            continue;
        };
        if !year_ok(year) {
            continue;
        }
        let (day, month) = if sep == b'.' || first > 12 {
            (first, other)
        } else if other > 12 {
            (other, first)
        } else {
            continue;
        };
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]
mod tests {
    use super::*;

    /// parse_human, day first, as ISO text.
    fn h(s: &str) -> Option<String> {
        parse_human(s, DayOrder::DayFirst).map(|d| d.to_iso())
    }

    /// parse_human, month first, as ISO text.
    fn hm(s: &str) -> Option<String> {
        parse_human(s, DayOrder::MonthFirst).map(|d| d.to_iso())
    }

    /// parse_machine as ISO text.
    fn m(s: &str) -> Option<String> {
        parse_machine(s).map(|d| d.to_iso())
    }

    fn check(cases: &[(&str, &str)]) {
        for (input, want) in cases {
            assert_eq!(h(input).as_deref(), Some(*want), "input: {input:?}");
        }
    }

    fn check_none(cases: &[&str]) {
        for input in cases {
            assert_eq!(h(input), None, "input: {input:?}");
            assert_eq!(hm(input), None, "input: {input:?}");
        }
    }

    fn ymd(y: i32, mo: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap()
    }

    // ----- tables -----

    #[test]
    fn month_tables_do_not_contradict_each_other() {
        let mut seen: HashMap<String, (u32, &str)> = HashMap::new();
        for (lang, table) in MONTH_TABLES {
            for (month, names) in (1u32..).zip(table.iter()) {
                assert!(!names.is_empty(), "{lang} month {month} has no name");
                for name in names.iter() {
                    let key = fold(name);
                    if let Some((other, other_lang)) = seen.get(&key) {
                        assert_eq!(
                            *other, month,
                            "{name:?} is month {month} in {lang} but {other} in {other_lang}"
                        );
                    }
                    seen.insert(key, (month, lang));
                }
            }
        }
    }

    #[test]
    fn weekdays_are_not_months() {
        for w in WEEKDAY_INDEX.iter() {
            assert!(
                month_named(w).is_none(),
                "{w} is both a weekday and a month"
            );
        }
    }

    #[test]
    fn folding_drops_accents_and_case() {
        assert_eq!(fold("März"), "marz");
        assert_eq!(fold("DÉCEMBRE"), "decembre");
        assert_eq!(fold("Kasım"), "kasim");
        assert_eq!(fold("Ma\u{308}rz"), "marz");
        assert_eq!(fold("Września"), "wrzesnia");
        assert_eq!(fold("НОЯБРЯ"), "ноября");
    }

    // ----- FoundDate / DayOrder -----

    #[test]
    fn to_iso_formats() {
        let mut d = FoundDate {
            date: ymd(2019, 11, 25),
            time: None,
            offset_seconds: Some(3600),
        };
        assert_eq!(d.to_iso(), "2019-11-25");
        d.time = NaiveTime::from_hms_opt(14, 3, 0);
        assert_eq!(d.to_iso(), "2019-11-25T14:03:00+01:00");
        d.offset_seconds = None;
        assert_eq!(d.to_iso(), "2019-11-25T14:03:00");
        d.offset_seconds = Some(-(5 * 3600 + 30 * 60));
        assert_eq!(d.to_iso(), "2019-11-25T14:03:00-05:30");
        d.offset_seconds = Some(0);
        assert_eq!(d.to_iso(), "2019-11-25T14:03:00+00:00");
        d.offset_seconds = Some(i32::MIN);
        let _ = d.to_iso();
    }

    #[test]
    fn day_order_for_language() {
        use DayOrder::*;
        assert_eq!(DayOrder::for_language(Some("en-US")), MonthFirst);
        assert_eq!(DayOrder::for_language(Some("en")), MonthFirst);
        assert_eq!(DayOrder::for_language(Some("EN_us")), MonthFirst);
        assert_eq!(DayOrder::for_language(Some("en-Latn-US")), MonthFirst);
        assert_eq!(DayOrder::for_language(None), MonthFirst);
        assert_eq!(DayOrder::for_language(Some("")), MonthFirst);
        for lang in [
            "en-GB", "en-AU", "en-IN", "en-NZ", "en-IE", "en-ZA", "de", "de-AT", "fr-FR", "es",
            "es-MX", "it", "pt-BR", "nl", "ru", "pl", "sv", "tr", "ja",
        ] {
            assert_eq!(DayOrder::for_language(Some(lang)), DayFirst, "{lang}");
        }
    }

    // ----- parse_machine -----

    #[test]
    fn machine_iso_forms() {
        assert_eq!(m("2019-11-25").as_deref(), Some("2019-11-25"));
        assert_eq!(
            m("2019-11-25T14:03:00+01:00").as_deref(),
            Some("2019-11-25T14:03:00+01:00")
        );
        assert_eq!(
            m("2019-11-25T14:03:00Z").as_deref(),
            Some("2019-11-25T14:03:00+00:00")
        );
        assert_eq!(
            m("2019-11-25 14:03:00").as_deref(),
            Some("2019-11-25T14:03:00")
        );
        assert_eq!(m("20191125").as_deref(), Some("2019-11-25"));
        assert_eq!(
            m("2019-11-25T14:03:00.000+0100").as_deref(),
            Some("2019-11-25T14:03:00+01:00")
        );
        assert_eq!(
            m("2019-11-25T14:03:00.123456-05:00").as_deref(),
            Some("2019-11-25T14:03:00-05:00")
        );
        assert_eq!(
            m("2019-11-25T14:03").as_deref(),
            Some("2019-11-25T14:03:00")
        );
        assert_eq!(
            m("20191125T140300Z").as_deref(),
            Some("2019-11-25T14:03:00+00:00")
        );
        assert_eq!(
            m("  2019-11-25T14:03:00+01  ").as_deref(),
            Some("2019-11-25T14:03:00+01:00")
        );
        assert_eq!(
            m("2019-11-25 14:03:00 UTC").as_deref(),
            Some("2019-11-25T14:03:00+00:00")
        );
        // A one-digit second keeps its zone.
        assert_eq!(
            m("2020-12-05T23:15:0Z").as_deref(),
            Some("2020-12-05T23:15:00+00:00")
        );
        // Garbage after the date keeps the date.
        assert_eq!(m("2019-11-25Tfoo").as_deref(), Some("2019-11-25"));
    }

    #[test]
    fn machine_iso_allows_any_year_but_checks_the_calendar() {
        assert_eq!(m("1850-03-01").as_deref(), Some("1850-03-01"));
        assert_eq!(m("2100-01-01").as_deref(), Some("2100-01-01"));
        assert_eq!(m("2019-02-30"), None);
        assert_eq!(m("2019-13-01"), None);
        assert_eq!(m("2020-02-29").as_deref(), Some("2020-02-29"));
        assert_eq!(m("0000-01-01"), None);
        assert_eq!(m("2019-11"), None);
        assert_eq!(m("2019"), None);
        assert_eq!(m("1574690580"), None);
        assert_eq!(m("2019-11-255"), None);
    }

    #[test]
    fn machine_rfc2822() {
        assert_eq!(
            m("Mon, 25 Nov 2019 14:03:00 GMT").as_deref(),
            Some("2019-11-25T14:03:00+00:00")
        );
        assert_eq!(
            m("Mon, 25 Nov 2019 14:03:00 +0100").as_deref(),
            Some("2019-11-25T14:03:00+01:00")
        );
        assert_eq!(
            m("25 Nov 2019 14:03:00 -0500").as_deref(),
            Some("2019-11-25T14:03:00-05:00")
        );
        assert_eq!(
            m("Tue, 1 Jan 1980 00:00:00 GMT").as_deref(),
            Some("1980-01-01T00:00:00+00:00")
        );
    }

    #[test]
    fn machine_falls_back_to_human() {
        assert_eq!(m("November 25, 2019").as_deref(), Some("2019-11-25"));
        assert_eq!(m("25.11.2019").as_deref(), Some("2019-11-25"));
        assert_eq!(m("05/03/2024").as_deref(), Some("2024-05-03"));
        assert_eq!(m("25 novembre 2019").as_deref(), Some("2019-11-25"));
        assert_eq!(m(""), None);
        assert_eq!(m("   "), None);
        assert_eq!(m("not a date"), None);
    }

    // ----- English -----

    #[test]
    fn english_month_first() {
        check(&[
            ("Nov. 25, 2019", "2019-11-25"),
            ("November 25th, 2019", "2019-11-25"),
            ("November 25 2019", "2019-11-25"),
            ("Sept. 3, 2019", "2019-09-03"),
            ("Sept 3, 2019", "2019-09-03"),
            ("sep 3 2019", "2019-09-03"),
            ("Dec 1st 2019", "2019-12-01"),
            ("JANUARY 2, 2020", "2020-01-02"),
            ("June 5-7, 2019", "2019-06-05"),
        ]);
    }

    #[test]
    fn english_day_first_and_ordinals() {
        check(&[
            ("25th November 2019", "2019-11-25"),
            ("the 3rd of March, 2020", "2020-03-03"),
            ("1 May 2019", "2019-05-01"),
            ("22nd Feb 2020", "2020-02-22"),
            ("25-Nov-2019", "2019-11-25"),
            ("25-Nov-19", "2019-11-25"),
        ]);
    }

    #[test]
    fn english_in_context() {
        check(&[
            (
                "Published: Nov 25, 2019 | Updated Nov 26, 2019",
                "2019-11-25",
            ),
            ("By Jane Doe on March 3, 2020", "2020-03-03"),
            ("Posted on 12/24/2019 by admin", "2019-12-24"),
            ("In 2019, some 25 people met on 5 May 2019.", "2019-05-05"),
        ]);
    }

    #[test]
    fn english_times_and_zones() {
        check(&[
            (
                "Monday, November 25, 2019 at 2:03 pm EST",
                "2019-11-25T14:03:00-05:00",
            ),
            (
                "Updated 2:03 PM ET, Mon November 25, 2019",
                "2019-11-25T14:03:00",
            ),
            ("March 5, 2019 12:30 a.m.", "2019-03-05T00:30:00"),
            ("March 5, 2019 12:30 p. m.", "2019-03-05T12:30:00"),
            ("Nov 25, 2019, 10:00 PDT", "2019-11-25T10:00:00-07:00"),
            ("25 Nov 2019 9:15 BST", "2019-11-25T09:15:00+01:00"),
            ("Nov 25, 2019 3 pm", "2019-11-25T15:00:00"),
            ("Nov 25, 2019 14:03 UTC+1", "2019-11-25T14:03:00+01:00"),
        ]);
    }

    #[test]
    fn english_c_library_formats() {
        check(&[
            ("Mon Nov 25 14:03:00 2019", "2019-11-25T14:03:00"),
            ("Mon Nov 25 14:03:00 UTC 2019", "2019-11-25T14:03:00+00:00"),
            (
                "Mon Nov 25 2019 14:03:00 GMT+0100 (Central European Standard Time)",
                "2019-11-25T14:03:00+01:00",
            ),
            (
                "127.0.0.1 - - [25/Nov/2019:14:03:00 +0100] \"GET /\"",
                "2019-11-25T14:03:00+01:00",
            ),
        ]);
    }

    // ----- German -----

    #[test]
    fn german_month_names() {
        check(&[
            ("25. November 2019", "2019-11-25"),
            ("3. März 2020", "2020-03-03"),
            ("3. Marz 2020", "2020-03-03"),
            ("3. Maerz 2020", "2020-03-03"),
            ("3. Mär. 2020", "2020-03-03"),
            ("1. Dezember 2019", "2019-12-01"),
            ("12. Jänner 2020", "2020-01-12"),
            ("7. Okt. 2019", "2019-10-07"),
            ("5. DEZEMBER 2019", "2019-12-05"),
            ("3. Ma\u{308}rz 2020", "2020-03-03"),
        ]);
    }

    #[test]
    fn german_with_weekday_and_time() {
        check(&[
            (
                "Montag, 25. November 2019, 14:03 Uhr",
                "2019-11-25T14:03:00",
            ),
            (
                "Veröffentlicht am 25. November 2019 um 14:03 Uhr",
                "2019-11-25T14:03:00",
            ),
            ("25.11.2019, 14.03 Uhr", "2019-11-25T14:03:00"),
            ("Stand: 25.11.2019 14:03 Uhr", "2019-11-25T14:03:00"),
            ("1. Dezember 2019 14:03 MEZ", "2019-12-01T14:03:00+01:00"),
            ("25.07.2019 14:03 MESZ", "2019-07-25T14:03:00+02:00"),
            ("am 25.11.2019 gegen 14 Uhr", "2019-11-25T14:00:00"),
            ("14:03 Uhr, 25.11.2019", "2019-11-25T14:03:00"),
        ]);
    }

    #[test]
    fn german_numeric() {
        check(&[
            ("25.11.2019", "2019-11-25"),
            ("25.11.19", "2019-11-25"),
            ("01.02.2020", "2020-02-01"),
            ("1.2.2020", "2020-02-01"),
            ("25. 11. 2019", "2019-11-25"),
            ("Datum:25.11.2019", "2019-11-25"),
        ]);
        // Dotted dates are day first whatever the order says.
        assert_eq!(hm("05.03.2024").as_deref(), Some("2024-03-05"));
    }

    // ----- French -----

    #[test]
    fn french() {
        check(&[
            ("25 novembre 2019", "2019-11-25"),
            ("le 25 nov. 2019", "2019-11-25"),
            ("1er décembre 2019", "2019-12-01"),
            ("1er decembre 2019", "2019-12-01"),
            ("3 fevrier 2020", "2020-02-03"),
            ("3 février 2020", "2020-02-03"),
            ("3 févr. 2020", "2020-02-03"),
            ("15 août 2019", "2019-08-15"),
            ("15 aout 2019", "2019-08-15"),
            ("1 juil. 2019", "2019-07-01"),
        ]);
    }

    #[test]
    fn french_times() {
        check(&[
            ("Publié le 25 novembre 2019 à 14h03", "2019-11-25T14:03:00"),
            ("lundi 25 novembre 2019 à 14 h 30", "2019-11-25T14:30:00"),
            ("Mis à jour le 25/11/2019 à 14h", "2019-11-25T14:00:00"),
            ("25 nov. 2019 à 9:05", "2019-11-25T09:05:00"),
            ("25 novembre 2019 vers 14h", "2019-11-25T14:00:00"),
        ]);
        assert_eq!(h("août 2019"), None);
    }

    // ----- Spanish -----

    #[test]
    fn spanish() {
        check(&[
            ("25 de noviembre de 2019", "2019-11-25"),
            ("25 de noviembre de 2019 a las 14:30", "2019-11-25T14:30:00"),
            ("1 de ene. de 2020", "2020-01-01"),
            ("lunes, 2 de septiembre de 2019", "2019-09-02"),
            ("2 de setiembre de 2019", "2019-09-02"),
            ("3 dic 2019", "2019-12-03"),
            ("1º de mayo de 2019", "2019-05-01"),
            ("1.º de mayo de 2019", "2019-05-01"),
            ("Publicado el 12 de marzo del 2020", "2020-03-12"),
            ("25/11/2019 14:30 h", "2019-11-25T14:30:00"),
        ]);
    }

    // ----- Italian -----

    #[test]
    fn italian() {
        check(&[
            ("25 novembre 2019 alle 14:30", "2019-11-25T14:30:00"),
            ("25 nov 2019", "2019-11-25"),
            ("3 gennaio 2020", "2020-01-03"),
            ("3 gen 2020", "2020-01-03"),
            ("lunedì 2 settembre 2019, ore 14", "2019-09-02T14:00:00"),
            ("1 maggio 2019", "2019-05-01"),
            ("15 ago 2019", "2019-08-15"),
            ("31 dicembre 2019 alle ore 23.59", "2019-12-31T23:59:00"),
        ]);
    }

    // ----- Portuguese -----

    #[test]
    fn portuguese() {
        check(&[
            ("25 de novembro de 2019", "2019-11-25"),
            ("25 de novembro de 2019 às 14h03", "2019-11-25T14:03:00"),
            ("3 de março de 2020", "2020-03-03"),
            ("3 de marco de 2020", "2020-03-03"),
            ("1 de fev de 2020", "2020-02-01"),
            ("10 out 2019", "2019-10-10"),
            ("segunda-feira, 2 de dezembro de 2019", "2019-12-02"),
            ("1º de setembro de 2019", "2019-09-01"),
        ]);
    }

    // ----- Dutch -----

    #[test]
    fn dutch() {
        check(&[
            ("25 november 2019", "2019-11-25"),
            ("5 mei 2019", "2019-05-05"),
            ("3 maart 2020", "2020-03-03"),
            ("3 mrt. 2020", "2020-03-03"),
            ("1 okt. 2019 om 14:03", "2019-10-01T14:03:00"),
            ("maandag 2 december 2019, 14.03 uur", "2019-12-02T14:03:00"),
            ("17 juni 2019", "2019-06-17"),
        ]);
    }

    // ----- more languages -----

    #[test]
    fn polish() {
        check(&[
            ("25 listopada 2019", "2019-11-25"),
            ("25 listopada 2019 r., godz. 14:03", "2019-11-25T14:03:00"),
            ("3 marca 2020", "2020-03-03"),
            ("1 września 2019", "2019-09-01"),
            ("1 wrzesnia 2019", "2019-09-01"),
            ("15 sierpnia 2019 o 14:03", "2019-08-15T14:03:00"),
        ]);
    }

    #[test]
    fn nordic() {
        check(&[
            ("25 november 2019 kl. 14.03", "2019-11-25T14:03:00"),
            ("5 maj 2019", "2019-05-05"),
            ("3 mars 2020", "2020-03-03"),
            ("15 augusti 2019", "2019-08-15"),
            ("3. marts 2020", "2020-03-03"),
            ("17. mai 2019", "2019-05-17"),
            ("1. desember 2019", "2019-12-01"),
            ("den 1. okt. 2019 kl 14:03", "2019-10-01T14:03:00"),
        ]);
    }

    #[test]
    fn finnish() {
        check(&[
            ("25. marraskuuta 2019 klo 14.03", "2019-11-25T14:03:00"),
            ("1. tammikuuta 2020", "2020-01-01"),
            ("6. joulukuuta 2019", "2019-12-06"),
            ("24. kesäkuuta 2019", "2019-06-24"),
            ("24. kesakuuta 2019", "2019-06-24"),
        ]);
    }

    #[test]
    fn russian() {
        check(&[
            ("25 ноября 2019 г.", "2019-11-25"),
            ("3 марта 2020 в 14:03", "2020-03-03T14:03:00"),
            ("1 января 2020", "2020-01-01"),
            ("25 нояб. 2019", "2019-11-25"),
            ("9 МАЯ 2019", "2019-05-09"),
            ("3 марта 2020 г. в 14:03", "2020-03-03T14:03:00"),
        ]);
    }

    #[test]
    fn ukrainian() {
        check(&[
            ("25 листопада 2019", "2019-11-25"),
            ("3 березня 2020", "2020-03-03"),
            ("1 січня 2020", "2020-01-01"),
            ("24 серпня 2019", "2019-08-24"),
            ("9 травня 2019 о 14:03", "2019-05-09T14:03:00"),
        ]);
    }

    #[test]
    fn czech() {
        check(&[
            ("25. listopadu 2019", "2019-11-25"),
            ("3. března 2020", "2020-03-03"),
            ("1. června 2019", "2019-06-01"),
            ("1. července 2019", "2019-07-01"),
            ("28. září 2019", "2019-09-28"),
            ("28. zari 2019 v 14:03", "2019-09-28T14:03:00"),
        ]);
    }

    #[test]
    fn turkish() {
        check(&[
            ("25 Kasım 2019", "2019-11-25"),
            ("25 KASIM 2019", "2019-11-25"),
            ("3 Mart 2020", "2020-03-03"),
            ("1 Ocak 2020", "2020-01-01"),
            ("30 Ağustos 2019", "2019-08-30"),
            ("29 Ekim 2019 saat 14:03", "2019-10-29T14:03:00"),
        ]);
    }

    #[test]
    fn arabic_persian_hebrew() {
        check(&[
            ("الأربعاء، 13 أكتوبر 2021 - 12:47 م", "2021-10-13T12:47:00"),
            ("الجمعة 24 نيسان / أبريل 2020", "2020-04-24"),
            ("3 اغسطس 2019", "2019-08-03"),
            ("15 تموز 2019", "2019-07-15"),
            ("12 ژوئن 2020", "2020-06-12"),
            ("17 באוגוסט 2020", "2020-08-17"),
            ("2 מרץ 2021", "2021-03-02"),
        ]);
    }

    #[test]
    fn other_languages() {
        check(&[
            ("25 noiembrie 2019", "2019-11-25"),
            ("2019. november 25.", "2019-11-25"),
            ("17 Agustus 2019", "2019-08-17"),
            ("25 de novembre de 2019", "2019-11-25"),
            ("3 de març de 2020", "2020-03-03"),
            ("1 de gener de 2020", "2020-01-01"),
            ("2019年11月25日", "2019-11-25"),
            ("2019年11月25日 14:03", "2019-11-25T14:03:00"),
            ("2019년 11월 25일", "2019-11-25"),
        ]);
    }

    // ----- numeric -----

    #[test]
    fn numeric_forms() {
        check(&[
            ("25/11/2019", "2019-11-25"),
            ("2019/11/25", "2019-11-25"),
            ("2019-11-25", "2019-11-25"),
            ("2019.11.25", "2019-11-25"),
            ("25-11-2019", "2019-11-25"),
            ("2019-11-25 14:03:00", "2019-11-25T14:03:00"),
            ("2019-11-25T14:03:00Z", "2019-11-25T14:03:00+00:00"),
            ("2019-11-25T14:03:00.000+01:00", "2019-11-25T14:03:00+01:00"),
            ("25.11.2019 14:03 -0500", "2019-11-25T14:03:00-05:00"),
        ]);
    }

    #[test]
    fn unambiguous_numeric_ignores_order() {
        assert_eq!(h("11/25/2019").as_deref(), Some("2019-11-25"));
        assert_eq!(hm("11/25/2019").as_deref(), Some("2019-11-25"));
        assert_eq!(h("25/11/2019").as_deref(), Some("2019-11-25"));
        assert_eq!(hm("25/11/2019").as_deref(), Some("2019-11-25"));
        assert_eq!(h("25/25/2019"), None);
    }

    #[test]
    fn ambiguous_numeric_follows_order() {
        assert_eq!(h("05/03/2024").as_deref(), Some("2024-03-05"));
        assert_eq!(hm("05/03/2024").as_deref(), Some("2024-05-03"));
        assert_eq!(h("05-03-2024").as_deref(), Some("2024-03-05"));
        assert_eq!(hm("05-03-2024").as_deref(), Some("2024-05-03"));
        assert_eq!(h("05/03/24").as_deref(), Some("2024-03-05"));
        assert_eq!(hm("05/03/24").as_deref(), Some("2024-05-03"));
    }

    #[test]
    fn two_digit_years() {
        assert_eq!(h("25.11.19").as_deref(), Some("2019-11-25"));
        assert_eq!(h("25.11.95").as_deref(), Some("1995-11-25"));
        assert_eq!(h("25.11.00").as_deref(), Some("2000-11-25"));
        assert_eq!(h("25.11.35").as_deref(), Some("2035-11-25"));
        assert_eq!(h("25.11.50"), None);
        assert_eq!(h("25.11.89"), None);
        // Single-digit day or month with a two-digit year looks like a version.
        assert_eq!(h("1.2.10"), None);
    }

    #[test]
    fn years_out_of_range() {
        check_none(&[
            "25.11.1989",
            "25.11.2036",
            "25 November 1850",
            "November 25, 2100",
            "1850-03-01",
        ]);
        assert_eq!(h("1 January 1990").as_deref(), Some("1990-01-01"));
        assert_eq!(h("31 December 2035").as_deref(), Some("2035-12-31"));
    }

    #[test]
    fn impossible_dates() {
        check_none(&[
            "30.02.2019",
            "29.02.2019",
            "31 April 2019",
            "13/13/2019",
            "2019-13-01",
            "2019-11-32",
            "0.11.2019",
            "32 November 2019",
            "Feb 30, 2020",
            "25.00.2019",
        ]);
        assert_eq!(h("29.02.2020").as_deref(), Some("2020-02-29"));
    }

    // ----- times -----

    #[test]
    fn times_only_when_adjacent() {
        assert_eq!(
            h("25.11.2019 and then, much later, at 14:03").as_deref(),
            Some("2019-11-25")
        );
        assert_eq!(
            h("25 November 2019 in 14 cities").as_deref(),
            Some("2019-11-25")
        );
        assert_eq!(
            h("Nov 25, 2019, 14 people died").as_deref(),
            Some("2019-11-25")
        );
        // Bare dotted numbers are prices, not times.
        assert_eq!(h("25.11.2019 12.50 Euro").as_deref(), Some("2019-11-25"));
        // A range is not an offset.
        assert_eq!(
            h("25.11.2019 10:00-12:00").as_deref(),
            Some("2019-11-25T10:00:00")
        );
        // Hour out of range.
        assert_eq!(h("25.11.2019 25:00").as_deref(), Some("2019-11-25"));
        assert_eq!(h("25.11.2019 14:75").as_deref(), Some("2019-11-25"));
    }

    #[test]
    fn time_forms() {
        check(&[
            ("25.11.2019 14:03", "2019-11-25T14:03:00"),
            ("25.11.2019 14:03:59", "2019-11-25T14:03:59"),
            ("25.11.2019 2:03 pm", "2019-11-25T14:03:00"),
            ("25.11.2019 2:03pm", "2019-11-25T14:03:00"),
            ("25.11.2019 12:03 AM", "2019-11-25T00:03:00"),
            ("25.11.2019 14.03 Uhr", "2019-11-25T14:03:00"),
            ("25.11.2019 14h03", "2019-11-25T14:03:00"),
            ("25.11.2019 14 Uhr", "2019-11-25T14:00:00"),
            ("25.11.2019 14:03 Z", "2019-11-25T14:03:00"),
            ("25.11.2019 14:03 CET", "2019-11-25T14:03:00+01:00"),
            ("25.11.2019 14:03 (MEZ)", "2019-11-25T14:03:00+01:00"),
            ("25.11.2019 14:03 GMT", "2019-11-25T14:03:00+00:00"),
            ("25.11.2019 14:03 +0100", "2019-11-25T14:03:00+01:00"),
            ("25.11.2019 14:03 est", "2019-11-25T14:03:00"),
            (
                "Wednesday 25 November 2019 07.00 GMT",
                "2019-11-25T07:00:00+00:00",
            ),
            (
                "Last modified on Wed 27 Nov 2019 12.45 GMT",
                "2019-11-27T12:45:00+00:00",
            ),
        ]);
    }

    // ----- not dates -----

    #[test]
    fn not_dates() {
        check_none(&[
            "",
            " ",
            "2019",
            "In 2019",
            "November 2019",
            "Version 2.0.1",
            "v1.2.3",
            "1.10.12.2019",
            "030 12345678",
            "+49 (0)30 1234-5678",
            "12.50",
            "€ 1.250.000,00",
            "192.168.1.1",
            "12:30",
            "3-1",
            "1/2",
            "25.11.",
            "am 25.11. um 14 Uhr",
            "1234567890",
            "12345678901234567890123456789",
            "25 November",
            "Nov 25",
            "Nov 25 14:03",
            "25.11.2019.5",
            "The 25 cats ate 2019 mice",
        ]);
    }

    #[test]
    fn strange_input_does_not_panic() {
        let inputs = [
            "٢٥/١١/٢٠١٩",
            "２０１９年１１月２５日",
            "🎉25🎉11🎉2019🎉",
            "25\u{0}11\u{0}2019",
            "25.11.2019\u{301}",
            "\u{feff}25.11.2019",
            "Ma\u{308}rz",
            "9999-99-99T99:99:99+99:99",
            "2019-11-25T14:03:00+",
            "2019-11-25T",
            "2019-11-25T1",
            "2019-11-25T14:0",
            "Nov",
            ".",
            "25.",
            "25. Nov",
            "25. Nov.",
            "25 de",
            "1:",
            "1: ",
            "12:3",
            "GMT+",
            "4294967296.4294967296.4294967296",
            "99999999999/99999999999/99999999999",
        ];
        for s in inputs {
            let _ = parse_human(s, DayOrder::DayFirst);
            let _ = parse_human(s, DayOrder::MonthFirst);
            let _ = parse_machine(s);
            let _ = find_dates(s, DayOrder::DayFirst);
            let _ = date_from_url(s);
        }
        assert_eq!(h("\u{feff}25.11.2019").as_deref(), Some("2019-11-25"));
        assert_eq!(h("٢٥/١١/٢٠١٩").as_deref(), Some("2019-11-25"));
    }

    /// Deterministic pseudo-random text from a mixed alphabet.
    fn garbage(len_chars: usize, seed: u64) -> String {
        const ALPHABET: &[char] = &[
            '0', '1', '2', '3', '9', '.', '/', '-', ':', ',', ' ', ' ', 'a', 'N', 'o', 'v', 'T',
            'Z', '+', 'é', 'ü', 'ß', 'ı', '年', '月', '日', '\u{301}', '\u{a0}', 'я', '🎉', 'h',
            'p', 'm', 'U', 'h', 'r', '(', ')', '\n',
        ];
        let mut state = seed;
        (0..len_chars)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ALPHABET[((state >> 33) as usize) % ALPHABET.len()]
            })
            .collect()
    }

    #[test]
    fn ten_kb_of_garbage() {
        for seed in 0..4 {
            let g = garbage(10_000, seed);
            let _ = parse_human(&g, DayOrder::DayFirst);
            let _ = parse_machine(&g);
            let _ = date_from_url(&g);
            let found = find_dates(&g, DayOrder::MonthFirst);
            let mut last = 0;
            for (off, _) in &found {
                assert!(*off >= last);
                assert!(g.is_char_boundary(*off));
                last = *off;
            }
        }
        let bytes: Vec<u8> = (0..10_000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 7) as u8)
            .collect();
        let lossy = String::from_utf8_lossy(&bytes);
        let _ = find_dates(&lossy, DayOrder::DayFirst);
        let _ = parse_machine(&lossy);
    }

    // ----- find_dates -----

    #[test]
    fn find_dates_offsets_and_order() {
        let text = "Foo 25.11.2019 bar 1. Dezember 2019, and Nov. 3, 2020 at 9:00 am.";
        let found = find_dates(text, DayOrder::DayFirst);
        let got: Vec<(usize, String)> = found.iter().map(|(o, d)| (*o, d.to_iso())).collect();
        assert_eq!(
            got,
            vec![
                (4, "2019-11-25".to_string()),
                (19, "2019-12-01".to_string()),
                (41, "2020-11-03T09:00:00".to_string()),
            ]
        );
        assert_eq!(&text[41..45], "Nov.");
    }

    #[test]
    fn find_dates_ranges_and_neighbours() {
        let found = find_dates("25.11.2019 - 26.11.2019", DayOrder::DayFirst);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].1.date, ymd(2019, 11, 26));
        let found = find_dates("25.11.2019-26.11.2019", DayOrder::DayFirst);
        assert_eq!(found.len(), 2);
        let found = find_dates(
            "Sitzung 10:00, 25.11.2019; nächste Sitzung 2. Dezember 2019",
            DayOrder::DayFirst,
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1.to_iso(), "2019-11-25T10:00:00");
        assert_eq!(found[1].1.to_iso(), "2019-12-02");
        assert!(find_dates("", DayOrder::DayFirst).is_empty());
        assert!(find_dates("no digits here at all", DayOrder::DayFirst).is_empty());
    }

    #[test]
    fn has_date_agrees_with_find_dates() {
        for text in [
            "",
            "no digits here at all",
            "Page 2 of 3",
            "Tuesday November 19, 2019",
            "3 days ago at 06:14 pm",
            "Foo 25.11.2019 bar 1. Dezember 2019",
            "Call 0800 123 456 now",
            "Veröffentlicht: 25. März 2020",
            "۲۴ آوریل ۲۰۲۰",
        ] {
            for order in [DayOrder::DayFirst, DayOrder::MonthFirst] {
                assert_eq!(
                    has_date(text, order),
                    !find_dates(text, order).is_empty(),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn find_dates_unicode_offsets() {
        let text = "Veröffentlicht: 25. März 2020 — Ελλάδα 3 марта 2020";
        let found = find_dates(text, DayOrder::DayFirst);
        assert_eq!(found.len(), 2);
        for (off, _) in &found {
            assert!(text.is_char_boundary(*off));
        }
        assert!(text[found[0].0..].starts_with("25. März"));
        assert!(text[found[1].0..].starts_with("3 марта"));
    }

    #[test]
    fn find_dates_on_a_megabyte_is_linear() {
        // Ordinary prose with a date now and then.
        let para = "The committee met again on Tuesday and discussed the budget for the \
                    coming years, with 12 members present and 3 absent. Meeting of 25 November \
                    2019 at 14:03. ";
        let mut text = String::new();
        while text.len() < 1_000_000 {
            text.push_str(para);
        }
        let found = find_dates(&text, DayOrder::DayFirst);
        assert_eq!(found.len(), text.matches("25 November").count());
        // Pathological inputs: digits everywhere, long runs, separators only.
        let patterns: [&str; 8] = [
            "1 ", "1.", "1/1/", "Nov 1 ", "12:30 ", "1-", "25. ", "2019-11-",
        ];
        for p in patterns {
            let s = p.repeat(300_000 / p.len());
            let _ = find_dates(&s, DayOrder::DayFirst);
        }
        let digits = "7".repeat(1_000_000);
        assert!(find_dates(&digits, DayOrder::DayFirst).is_empty());
        let word = "a".repeat(1_000_000);
        let s = format!("1 {word} 2019");
        assert!(find_dates(&s, DayOrder::DayFirst).is_empty());
        let spaces = format!("25 {} November 2019", " ".repeat(1_000_000));
        assert!(find_dates(&spaces, DayOrder::DayFirst).is_empty());
        let many = "25.11.2019 ".repeat(90_000);
        assert_eq!(find_dates(&many, DayOrder::DayFirst).len(), 90_000);
    }

    // ----- URLs -----

    #[test]
    fn url_dates() {
        let d = ymd(2019, 11, 25);
        for url in [
            "https://example.com/2019/11/25/some-story",
            "https://example.com/2019/11/25",
            "https://example.com/news/2019-11-25-some-story.html",
            "https://example.com/news/story_2019_11_25.html",
            "https://example.com/20191125/story",
            "https://example.com/a/20191125",
            "https://www.example.co.uk/world/2019/nov/25/story",
            "news/2019/nov/25/",
            "/2019/11/25/",
            "https://example.com/2019/11/25?x=1",
            "https://example.com/?date=2019-11-25",
        ] {
            assert_eq!(date_from_url(url), Some(d), "{url}");
        }
        assert_eq!(
            date_from_url("https://example.com/2019/3/5/x"),
            Some(ymd(2019, 3, 5))
        );
    }

    #[test]
    fn url_without_a_day() {
        for url in [
            "https://example.com/2019/11/",
            "https://example.com/2019/11/some-story",
            "https://example.com/2019/",
            "https://2019.example.com/11/25/",
            "https://example.com/2019/13/45/",
            "https://example.com/article/12345678/",
            "https://example.com/2019/11/25123",
            "https://example.com/1850/11/25/",
            "https://example.com/p/20191125123",
            "https://example.com",
            "",
            "////",
            "https://example.com/2019/foo/25/",
        ] {
            assert_eq!(date_from_url(url), None, "{url}");
        }
    }

    #[test]
    fn reads_non_ascii_digits() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let p = |t: &str| parse_human(t, DayOrder::DayFirst).map(|f| f.date);
        assert_eq!(p("۲۴ آوریل ۲۰۲۰"), Some(d(2020, 4, 24)));
        assert_eq!(p("٢٤ أبريل ٢٠٢٠"), Some(d(2020, 4, 24)));
        assert_eq!(p("२४.०४.२०२०"), Some(d(2020, 4, 24)));
        let text = "منتشر شده: ۲۴ آوریل ۲۰۲۰";
        let found = find_dates(text, DayOrder::DayFirst);
        assert_eq!(found.len(), 1);
        assert_eq!(
            text.get(found[0].0..).map(|r| r.starts_with('۲')),
            Some(true)
        );
        assert_eq!(other_digit('۹'), Some(9));
        assert_eq!(other_digit('9'), None);
        assert_eq!(other_digit('ک'), None);
    }

    #[test]
    fn year_last_url_date() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(
            date_from_url("https://example.org/news/meldungen/29-10-2021"),
            d(2021, 10, 29)
        );
        assert_eq!(
            date_from_url("https://example.org/artikel/bericht_vom_22.04.2020_und_mehr"),
            d(2020, 4, 22)
        );
        assert_eq!(
            date_from_url("https://example.org/a/05.06.2021/x"),
            d(2021, 6, 5)
        );
        assert_eq!(
            date_from_url("https://example.org/a/10-29-2021"),
            d(2021, 10, 29)
        );
        assert_eq!(date_from_url("https://example.org/a/05-06-2021"), None);
        assert_eq!(date_from_url("https://example.org/v1.2.2021"), None);
        assert_eq!(date_from_url("https://example.org/a/5-6-20211"), None);
        assert_eq!(date_from_url("https://example.org/a/29-10-1899"), None);
    }
}
