//! The page's own time zone, as a range of UTC offsets, for dating a UTC timestamp by the
//! local day the page's readers saw.
//!
//! Takes the page's language tags (`<html lang>`, `og:locale`, `Content-Language`, Dublin Core
//! language) and its URL; returns the range of offsets (in minutes, summer time included) of
//! the country they name: a tag's region (`en-US`, `fr_CA`) first, then the host's country
//! domain (`.de`, `.com.au`), then a language spoken in one zone only (`de`, `ja`). Must not
//! read the clock or a zone database, nor guess a country from a language spoken in several
//! zones (`en`, `es`, `fr`, `ar`): those give `None`.

use super::scan::Scan;
use chrono::{NaiveDate, Timelike};

/// Lowest and highest UTC offset of a country's populated zones, in minutes, summer time
/// included.
pub type OffsetRange = (i32, i32);

/// Countries (ISO 3166 alpha-2, lower case) and their offset ranges.
const COUNTRIES: &[(&str, OffsetRange)] = &[
    ("us", (-480, -240)),
    ("ca", (-480, -150)),
    ("mx", (-480, -300)),
    ("br", (-300, -120)),
    ("ar", (-180, -180)),
    ("cl", (-240, -180)),
    ("co", (-300, -300)),
    ("pe", (-300, -300)),
    ("ve", (-240, -240)),
    ("uy", (-180, -180)),
    ("ec", (-300, -300)),
    ("gb", (0, 60)),
    ("uk", (0, 60)),
    ("ie", (0, 60)),
    ("pt", (0, 60)),
    ("de", (60, 120)),
    ("at", (60, 120)),
    ("ch", (60, 120)),
    ("fr", (60, 120)),
    ("it", (60, 120)),
    ("es", (60, 120)),
    ("nl", (60, 120)),
    ("be", (60, 120)),
    ("lu", (60, 120)),
    ("pl", (60, 120)),
    ("cz", (60, 120)),
    ("sk", (60, 120)),
    ("hu", (60, 120)),
    ("si", (60, 120)),
    ("hr", (60, 120)),
    ("rs", (60, 120)),
    ("se", (60, 120)),
    ("no", (60, 120)),
    ("dk", (60, 120)),
    ("fi", (120, 180)),
    ("ee", (120, 180)),
    ("lv", (120, 180)),
    ("lt", (120, 180)),
    ("ro", (120, 180)),
    ("bg", (120, 180)),
    ("gr", (120, 180)),
    ("ua", (120, 180)),
    ("il", (120, 180)),
    ("tr", (180, 180)),
    ("ir", (210, 270)),
    ("in", (330, 330)),
    ("pk", (300, 300)),
    ("bd", (360, 360)),
    ("th", (420, 420)),
    ("vn", (420, 420)),
    ("cn", (480, 480)),
    ("hk", (480, 480)),
    ("tw", (480, 480)),
    ("sg", (480, 480)),
    ("my", (480, 480)),
    ("ph", (480, 480)),
    ("jp", (540, 540)),
    ("kr", (540, 540)),
    ("au", (480, 660)),
    ("nz", (720, 780)),
    ("za", (120, 120)),
    ("ng", (60, 60)),
    ("ke", (180, 180)),
];

/// Languages spoken (as a web page's language) in one zone range only, and that range.
const LANGUAGES: &[(&str, OffsetRange)] = &[
    ("de", (60, 120)),
    ("it", (60, 120)),
    ("nl", (60, 120)),
    ("pl", (60, 120)),
    ("cs", (60, 120)),
    ("sk", (60, 120)),
    ("hu", (60, 120)),
    ("sv", (60, 120)),
    ("da", (60, 120)),
    ("nb", (60, 120)),
    ("no", (60, 120)),
    ("fi", (120, 180)),
    ("ro", (120, 180)),
    ("el", (120, 180)),
    ("uk", (120, 180)),
    ("he", (120, 180)),
    ("tr", (180, 180)),
    ("fa", (210, 270)),
    ("ja", (540, 540)),
    ("ko", (540, 540)),
];

/// Meta keys that carry a language tag.
const LANGUAGE_KEYS: &[&str] = &[
    "og:locale",
    "content-language",
    "language",
    "dc.language",
    "dcterms.language",
];

/// The page's offset range, or `None` when its country is unknown.
pub fn page_offsets(scan: &Scan<'_>, url: Option<&url::Url>) -> Option<OffsetRange> {
    let tags: Vec<&str> = scan
        .html_lang
        .into_iter()
        .chain(
            scan.metas
                .iter()
                .filter(|m| LANGUAGE_KEYS.iter().any(|k| m.key.eq_ignore_ascii_case(k)))
                .map(|m| m.content),
        )
        .collect();
    let region = tags.iter().find_map(|t| {
        let mut parts = t.trim().split(['-', '_']);
        parts.next()?;
        let region = parts.next()?.to_ascii_lowercase();
        (region.len() == 2).then_some(region)
    });
    region
        .and_then(|r| lookup(COUNTRIES, &r))
        .or_else(|| url.and_then(host_country))
        .or_else(|| {
            tags.iter().find_map(|t| {
                let language = t.trim().split(['-', '_']).next()?.to_ascii_lowercase();
                lookup(LANGUAGES, &language)
            })
        })
}

fn lookup(table: &[(&str, OffsetRange)], key: &str) -> Option<OffsetRange> {
    table.iter().find(|(k, _)| *k == key).map(|(_, r)| *r)
}

/// The offset range of the host's country domain (`www.example.de`, `news.example.com.au`).
fn host_country(url: &url::Url) -> Option<OffsetRange> {
    let host = url.host_str()?;
    let tld = host.rsplit('.').next()?;
    // `.co` and `.me`, `.tv`... are sold as generic names; only the table's countries count,
    // and `.co` is left out.
    if tld == "co" {
        return None;
    }
    lookup(COUNTRIES, tld)
}

/// The local day of a UTC timestamp in a zone of `range`, when every offset of the range
/// gives the same day and it differs from the UTC day; `None` otherwise.
pub fn local_day(day: NaiveDate, time: chrono::NaiveTime, range: OffsetRange) -> Option<NaiveDate> {
    let minutes = i64::from(time.hour()) * 60 + i64::from(time.minute());
    let shift = |offset: i32| {
        let local = minutes + i64::from(offset);
        let days = local.div_euclid(24 * 60);
        day.checked_add_signed(chrono::Duration::days(days))
    };
    let (low, high) = (shift(range.0)?, shift(range.1)?);
    (low == high && low != day).then_some(low)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::dom::Dom;
    use chrono::NaiveTime;

    fn offsets(html: &str, url: &str) -> Option<OffsetRange> {
        let dom = Dom::parse(html);
        let scan = Scan::collect(&dom);
        page_offsets(&scan, Some(&url::Url::parse(url).unwrap()))
    }

    #[test]
    fn region_then_domain_then_language() {
        let page = "<meta property='og:locale' content='en_US'>";
        assert_eq!(offsets(page, "https://x.com/a"), Some((-480, -240)));
        let page = "<html lang='fr'><meta name='dc.language' content='fr-ca'>";
        assert_eq!(offsets(page, "https://x.ca/a"), Some((-480, -150)));
        assert_eq!(
            offsets("<html lang='en'>", "https://x.com.au/a"),
            Some((480, 660))
        );
        assert_eq!(
            offsets("<html lang='de'>", "https://x.com/a"),
            Some((60, 120))
        );
        assert_eq!(offsets("<html lang='en'>", "https://x.com/a"), None);
        assert_eq!(offsets("<html lang='es'>", "https://x.co/a"), None);
    }

    #[test]
    fn local_day_only_when_every_zone_agrees() {
        let day = NaiveDate::from_ymd_opt(2020, 5, 2).unwrap();
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let before = NaiveDate::from_ymd_opt(2020, 5, 1);
        assert_eq!(local_day(day, t(2, 54), (-480, -240)), before);
        assert_eq!(local_day(day, t(14, 0), (-480, -240)), None);
        // 05:00 UTC is May 1 in California but already May 2 in New York.
        assert_eq!(local_day(day, t(5, 0), (-480, -240)), None);
        let after = NaiveDate::from_ymd_opt(2020, 5, 3);
        assert_eq!(local_day(day, t(23, 15), (60, 120)), after);
        assert_eq!(local_day(day, t(22, 30), (60, 120)), None);
    }
}
