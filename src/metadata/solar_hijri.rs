//! Solar Hijri (Persian) datelines: "2 تیر 1399", "۲ تیر ۱۳۹۹" read as the Gregorian day.
//!
//! Takes a text; returns the first complete Solar Hijri date in it (day, Persian month name,
//! year 1369..=1414, i.e. 1990..2035) converted to the Gregorian calendar, with its byte
//! offset. Years are counted from Nowruz 1370 (21 March 1991) with the 33-year cycle's leap
//! years, exact over that span. Must not panic, read the clock, or match a month name without
//! a day before it and a year after it.

use chrono::{Duration, NaiveDate};

/// The twelve month names; Arabic yeh and kaf are folded to Persian ones before comparing.
const MONTHS: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// First and last Solar Hijri year read (Gregorian 1990..2035, as for other human dates).
const FIRST_YEAR: i32 = 1369;
const LAST_YEAR: i32 = 1414;
/// The year counted from, and the Gregorian day its Nowruz fell on.
const EPOCH_YEAR: i32 = 1370;
const EPOCH_NOWRUZ: (i32, u32, u32) = (1991, 3, 21);
/// Positions of leap years in the 33-year cycle (year mod 33).
const LEAP_IN_CYCLE: [i32; 8] = [1, 5, 9, 13, 17, 22, 26, 30];

fn is_leap(year: i32) -> bool {
    LEAP_IN_CYCLE.contains(&year.rem_euclid(33))
}

/// The Gregorian day of a Solar Hijri date, `None` when it does not exist or is out of range.
pub fn to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let month_days = match month {
        1..=6 => 31,
        7..=11 => 30,
        _ if is_leap(year) => 30,
        _ => 29,
    };
    if !(1..=month_days).contains(&day) {
        return None;
    }
    let mut days: i64 = 0;
    let mut y = EPOCH_YEAR;
    while y < year {
        days += if is_leap(y) { 366 } else { 365 };
        y += 1;
    }
    while y > year {
        y -= 1;
        days -= if is_leap(y) { 366 } else { 365 };
    }
    let before_month: i64 = (1..month).map(|m| if m <= 6 { 31 } else { 30 }).sum();
    days += before_month + i64::from(day) - 1;
    let (gy, gm, gd) = EPOCH_NOWRUZ;
    NaiveDate::from_ymd_opt(gy, gm, gd)?.checked_add_signed(Duration::days(days))
}

/// A number written in ASCII digits or the ones [`super::date`] reads (Persian, Arabic-Indic...).
fn number(word: &str) -> Option<u32> {
    if word.is_empty() || word.chars().count() > 4 {
        return None;
    }
    word.chars().try_fold(0u32, |acc, c| {
        let d = c
            .to_digit(10)
            .or_else(|| super::date::other_digit(c).map(u32::from))?;
        Some(acc * 10 + d)
    })
}

fn month(word: &str) -> Option<u32> {
    let folded: String = word
        .chars()
        .map(|c| match c {
            'ي' => 'ی',
            'ك' => 'ک',
            other => other,
        })
        .collect();
    (1u32..)
        .zip(MONTHS)
        .find(|(_, m)| *m == folded)
        .map(|(i, _)| i)
}

/// The first "day month year" Solar Hijri date in `text`, and its byte offset.
pub fn find(text: &str) -> Option<(usize, NaiveDate)> {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            (
                start,
                w.trim_matches(|c: char| c == '،' || c == ',' || c == '-'),
            )
        })
        .collect();
    words.windows(3).find_map(|w| {
        let [(start, d), (_, m), (_, y)] = w else {
            return None;
        };
        let date = to_gregorian(i32::try_from(number(y)?).ok()?, month(m)?, number(d)?)?;
        Some((*start, date))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn nowruz_falls_on_the_known_days() {
        assert_eq!(to_gregorian(1370, 1, 1), Some(ymd(1991, 3, 21)));
        assert_eq!(to_gregorian(1395, 1, 1), Some(ymd(2016, 3, 20)));
        assert_eq!(to_gregorian(1398, 1, 1), Some(ymd(2019, 3, 21)));
        assert_eq!(to_gregorian(1399, 1, 1), Some(ymd(2020, 3, 20)));
        assert_eq!(to_gregorian(1402, 1, 1), Some(ymd(2023, 3, 21)));
        assert_eq!(to_gregorian(1403, 1, 1), Some(ymd(2024, 3, 20)));
        assert_eq!(to_gregorian(1404, 1, 1), Some(ymd(2025, 3, 21)));
        assert_eq!(to_gregorian(1369, 12, 29), Some(ymd(1991, 3, 20)));
    }

    #[test]
    fn months_and_leap_days() {
        assert_eq!(to_gregorian(1399, 4, 2), Some(ymd(2020, 6, 22)));
        assert_eq!(to_gregorian(1399, 10, 11), Some(ymd(2020, 12, 31)));
        assert_eq!(to_gregorian(1399, 12, 30), Some(ymd(2021, 3, 20)));
        assert_eq!(to_gregorian(1400, 12, 30), None);
        assert_eq!(to_gregorian(1399, 7, 31), None);
        assert_eq!(to_gregorian(1300, 1, 1), None);
    }

    #[test]
    fn datelines_in_persian_and_ascii_digits() {
        assert_eq!(
            find("دوشنبه ۲ تير ۱۳۹۹").map(|(_, d)| d),
            Some(ymd(2020, 6, 22))
        );
        assert_eq!(
            find("5 تير 1399 - 10:41:27 ب.ظ"),
            Some((0, ymd(2020, 6, 25)))
        );
        assert_eq!(find("۱۲ فروردین"), None);
        assert_eq!(find("تیر ۱۳۹۹"), None);
    }
}
