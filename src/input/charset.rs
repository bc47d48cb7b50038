//! Charset detection and decoding: BOM > outside declaration > `<meta>` prescan > statistics.

use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// How far into the page a `<meta charset>` is looked for. Browsers look at 1024 bytes; many
/// real pages declare it later, after long comments or scripts, so we look further.
const PRESCAN_BYTES: usize = 4096;

/// Decodes bytes to text. `declared` is a charset given outside the page (HTTP `Content-Type`).
/// Returns the text and the name of the encoding used. Never fails: invalid bytes become U+FFFD.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> (String, &'static str) {
    let (text, name) = decode_borrowed(bytes, declared);
    (text.into_owned(), name)
}

/// Decodes bytes to text as [`decode`] does, without copying them when they are already
/// valid UTF-8 (most pages): the text then borrows `bytes`.
pub fn decode_borrowed<'a>(
    bytes: &'a [u8],
    declared: Option<&str>,
) -> (Cow<'a, str>, &'static str) {
    match choose(bytes, declared) {
        // Already validated: neither checked again nor copied.
        Choice::Utf8(text) => (Cow::Borrowed(text), UTF_8.name()),
        Choice::Decode(encoding) => {
            // Strips a BOM, and a BOM outranks `encoding`.
            let (text, used, _) = encoding.decode(bytes);
            (text, used.name())
        }
    }
}

/// What [`choose`] found: bytes already validated as UTF-8 (and without a BOM), or the
/// encoding to decode them with.
enum Choice<'a> {
    Utf8(&'a str),
    Decode(&'static Encoding),
}

fn choose<'a>(bytes: &'a [u8], declared: Option<&str>) -> Choice<'a> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Choice::Decode(encoding);
    }
    if let Some(encoding) = declared.and_then(label) {
        return Choice::Decode(encoding);
    }
    if let Some(encoding) = meta_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        // A page re-saved as UTF-8 often keeps its old declaration. Legacy-encoded text with
        // non-ASCII bytes is almost never valid UTF-8, so valid UTF-8 wins over the `<meta>`.
        if encoding != UTF_8 && !bytes.is_ascii() {
            if let Some(text) = valid_utf8(bytes) {
                return Choice::Utf8(text);
            }
        }
        return Choice::Decode(encoding);
    }
    if let Some(text) = valid_utf8(bytes) {
        return Choice::Utf8(text);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    Choice::Decode(detector.guess(None, chardetng::Utf8Detection::Allow))
}

/// `bytes` as text when they are valid UTF-8. The whole page is checked, in vector code
/// (simdutf8 accepts exactly what `std::str::from_utf8` accepts, several times faster on text
/// with non-ASCII letters).
fn valid_utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// An encoding for a label; UTF-16 declared inside a page means UTF-8, as in browsers.
fn label(name: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(name.trim().trim_matches(['"', '\'']).as_bytes())?;
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            encoding
        },
    )
}

/// Finds `<meta charset=...>` or `<meta http-equiv=Content-Type content="...; charset=...">`.
///
/// Read in place, letter case ignored (no lowercased copy of the head: in a page saved as text,
/// the first `<` is seldom near).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(pos) = memchr::memchr(b'<', &head[from..]) {
        let open = from + pos;
        if !head
            .get(open + 1..open + 5)
            .is_some_and(|name| name.eq_ignore_ascii_case(b"meta"))
        {
            from = open + 1;
            continue;
        }
        let start = open + 5;
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(at) = find_ignoring_case(tag, b"charset") {
            let rest = &tag[at + 7..];
            let rest = trim_start(rest);
            if let Some(value) = rest.strip_prefix(b"=") {
                let value = trim_start(value);
                let value = value
                    .strip_prefix(b"\"")
                    .or_else(|| value.strip_prefix(b"'"))
                    .unwrap_or(value);
                let len = value
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(value.len());
                // Labels are matched without regard to ASCII case.
                if let Some(encoding) = std::str::from_utf8(&value[..len]).ok().and_then(label) {
                    return Some(encoding);
                }
            }
        }
        from = end.max(start);
    }
    None
}

/// The first position of `needle` (lower case ASCII) in `hay`, letter case ignored.
fn find_ignoring_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_everything() {
        let bytes = b"\xef\xbb\xbf<meta charset=latin1>caf\xc3\xa9";
        assert_eq!(decode(bytes, Some("latin1")).0, "<meta charset=latin1>café");
    }

    #[test]
    fn http_charset_outranks_meta() {
        let bytes = b"<meta charset=utf-8>caf\xe9";
        assert_eq!(
            decode(bytes, Some("iso-8859-1")).0,
            "<meta charset=utf-8>café"
        );
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let bytes = b"<meta charset=\"iso-8859-1\">Stra\xdfe";
        assert_eq!(decode(bytes, None).0, "<meta charset=\"iso-8859-1\">Straße");
        let bytes = b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">\x93x\x94";
        assert!(decode(bytes, None).0.ends_with("\u{201c}x\u{201d}"));
    }

    #[test]
    fn meta_charset_is_read_in_any_letter_case() {
        assert_eq!(
            meta_charset(b"<p>a < b</p><MeTa CharSet='ISO-8859-2'>"),
            Some(encoding_rs::ISO_8859_2)
        );
        assert_eq!(
            meta_charset(b"<meta name=x><Meta http-equiv=content-type content=\"text/html; CHARSET=Shift_JIS\">"),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(meta_charset(b"<met"), None);
        assert_eq!(
            meta_charset(b"<meta charset=nonsense><meta charset=koi8-r>"),
            Some(encoding_rs::KOI8_R)
        );
        assert_eq!(meta_charset(b"text with <metadata> and no charset"), None);
    }

    #[test]
    fn valid_utf8_outranks_a_stale_meta_declaration() {
        let bytes = "<meta charset=gb2312><p>新电脑</p>".as_bytes();
        assert_eq!(decode(bytes, None).0, "<meta charset=gb2312><p>新电脑</p>");
        let latin1 = b"<meta charset=iso-8859-1><p>caf\xe9</p>";
        assert_eq!(
            decode(latin1, None).0,
            "<meta charset=iso-8859-1><p>café</p>"
        );
    }

    #[test]
    fn undeclared_pages_are_guessed() {
        let text =
            "Les élèves ont été très contents de la fête à l'école, où ils ont mangé des crêpes.";
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let (decoded, name) = decode(&latin1, None);
        assert_eq!(decoded, text);
        assert_eq!(name, "windows-1252");
    }

    #[test]
    fn utf8_is_validated_as_std_validates_it() {
        let long = "Straße über die Brücke — 25 °C, 新电脑 😉 ".repeat(20);
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"plain ascii".to_vec(),
            long.as_bytes().to_vec(),
            b"caf\xe9".to_vec(),
            b"\xc3".to_vec(),
            b"\xed\xa0\x80 surrogate".to_vec(),
            b"\xf4\x90\x80\x80 above U+10FFFF".to_vec(),
            b"\xc0\xaf overlong".to_vec(),
        ];
        // Every cut of the long text: some end inside a character.
        for cut in (0..long.len()).step_by(7) {
            cases.push(long.as_bytes()[..cut].to_vec());
            let mut broken = long.as_bytes().to_vec();
            broken[cut] = 0xff;
            cases.push(broken);
        }
        for bytes in cases {
            assert_eq!(
                valid_utf8(&bytes),
                std::str::from_utf8(&bytes).ok(),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn invalid_utf8_under_utf8_declaration_does_not_panic() {
        let bytes = b"<meta charset=utf-8><p>ok \xff\xfe\xc3 end</p>";
        let (text, name) = decode(bytes, None);
        assert_eq!(name, "UTF-8");
        assert!(text.contains('\u{fffd}') && text.ends_with("end</p>"));
    }
}
