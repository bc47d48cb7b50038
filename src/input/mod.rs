//! Bytes to text: decompression, charset decoding, and the HTML-or-text decision.
//!
//! Takes the raw bytes of one input and [`InputOptions`]; returns a [`Page`] of decoded text and
//! its kind. The charset is chosen as browsers do: BOM, then the charset declared outside the
//! page (HTTP), then `<meta charset>` / `http-equiv` in the first bytes, then a statistical guess.
//! Invalid bytes become U+FFFD; nothing here panics or does I/O.

mod charset;
mod prescan;

pub(crate) use prescan::kept_attribute;

pub use charset::{decode, decode_borrowed};
pub use prescan::prepare;

use crate::error::Error;
use crate::options::{InputFormat, InputOptions};
use std::borrow::Cow;
use std::io::Read;

/// Decoded input, ready for the HTML or the text path.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// The decoded text: borrowed from the input when it was valid UTF-8 already (no copy of
    /// the whole page), owned when it was decoded or gunzipped.
    pub text: Cow<'a, str>,
    /// The encoding it was decoded from (e.g. `UTF-8`, `windows-1252`).
    pub encoding: &'static str,
    /// HTML or saved text.
    pub kind: PageKind,
}

/// Whether a page is markup or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// An HTML (or XHTML) document.
    Html,
    /// A page saved as plain text.
    Text,
}

/// Reads bytes into a [`Page`]: gunzips, refuses empty, oversized and binary input, decodes.
pub fn read<'a>(bytes: &'a [u8], options: &InputOptions) -> Result<Page<'a>, Error> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let inflated = gunzip(bytes, options.max_bytes)?;
        let page = read_plain(&inflated, options)?;
        return Ok(Page {
            text: Cow::Owned(page.text.into_owned()),
            encoding: page.encoding,
            kind: page.kind,
        });
    }
    read_plain(bytes, options)
}

/// [`read`] for bytes that are not gzipped.
fn read_plain<'a>(bytes: &'a [u8], options: &InputOptions) -> Result<Page<'a>, Error> {
    if bytes.len() > options.max_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: options.max_bytes,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(Error::Binary(kind));
    }
    let (text, encoding) = decode_borrowed(bytes, options.charset.as_deref());
    let kind = match options.format {
        InputFormat::Html => PageKind::Html,
        InputFormat::Text => PageKind::Text,
        InputFormat::Auto => sniff_kind(&text),
    };
    Ok(Page {
        text,
        encoding,
        kind,
    })
}

fn gunzip(bytes: &[u8], limit: usize) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    // Read one byte past the limit to tell "exactly the limit" from "more".
    match decoder.take(limit as u64 + 1).read_to_end(&mut out) {
        Ok(_) if out.len() > limit => Err(Error::TooLarge {
            size: out.len(),
            limit,
        }),
        Ok(_) => Ok(out),
        Err(_) if !out.is_empty() => Ok(out), // truncated archive: keep what was read
        Err(_) => Err(Error::Binary("a corrupt gzip stream")),
    }
}

/// Names the kind of binary data the bytes start with, or `None` when they may be text.
///
/// Known file signatures first; otherwise NUL bytes or many control bytes in the first 4 kB
/// (UTF-16 text with a BOM is text).
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x7fELF", "an executable"),
        (b"RIFF", "a RIFF media file"),
        (b"\x28\xb5\x2f\xfd", "a zstd stream"),
        (b"BZh", "a bzip2 stream"),
        (b"\xfd7zXZ", "an xz stream"),
    ];
    if let Some((_, name)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(name);
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let control = control_bytes(head);
    if memchr::memchr(0, head).is_some() && control * 100 > head.len() || control * 10 > head.len()
    {
        return Some("control bytes");
    }
    None
}

/// Counts the control bytes that text does not hold: below the tab, and from 0x0E to 0x1F but
/// ESC (0x1B, in ANSI colour codes and ISO-2022 text).
///
/// Counted without branches in runs of at most 255 bytes into a byte-wide sum, which the
/// compiler turns into vector code (a filtered count costs several instructions a byte).
fn control_bytes(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|run| {
            let in_run = run.iter().fold(0u8, |n, &b| {
                let control = (b < 0x09) | ((b.wrapping_sub(0x0e) < 0x12) & (b != 0x1b));
                n + u8::from(control)
            });
            usize::from(in_run)
        })
        .sum()
}

/// Decides HTML or text by content: a document that starts with markup, or that has a good
/// number of HTML tags near its start, is HTML.
pub fn sniff_kind(text: &str) -> PageKind {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    const OPENERS: &[&str] = &["<!doctype", "<html", "<?xml", "<head", "<body", "<!--"];
    // The openers are short: the first bytes decide for most pages, before the longer head
    // is built.
    let opening = start.as_bytes().get(..16).unwrap_or(start.as_bytes());
    if OPENERS.iter().any(|o| {
        opening
            .get(..o.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(o.as_bytes()))
    }) {
        return PageKind::Html;
    }
    let head: String = start
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    const TAGS: &[&str] = &[
        "<div", "<p>", "<p ", "<meta", "<title", "<script", "<a href", "<span", "<table", "<br",
        "<article", "<section", "<link ", "<h1", "<h2", "<ul", "<li",
    ];
    let tags: usize = TAGS.iter().map(|t| head.matches(t).count()).sum();
    if tags >= 3 || (head.starts_with('<') && tags >= 1) {
        PageKind::Html
    } else {
        PageKind::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_and_binary() {
        let options = InputOptions::default();
        assert!(matches!(read(b"  \n ", &options), Err(Error::Empty)));
        assert!(matches!(
            read(b"\x89PNG\r\n\x1a\n....", &options),
            Err(Error::Binary(_))
        ));
        let garbage: Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(matches!(read(&garbage, &options), Err(Error::Binary(_))));
    }

    #[test]
    fn control_bytes_are_the_ones_text_does_not_hold() {
        let reference = |bytes: &[u8]| {
            bytes
                .iter()
                .filter(|&&b| b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b))
                .count()
        };
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(control_bytes(&all), reference(&all));
        assert_eq!(control_bytes(&all), 9 + 18 - 1);
        let long: Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert_eq!(control_bytes(&long), reference(&long));
        let zeros = [0u8; 600];
        assert_eq!(control_bytes(&zeros), 600);
        assert_eq!(control_bytes(b"plain\ttext\r\n\x1b[0m"), 0);
    }

    #[test]
    fn reads_gzip_transparently() {
        use flate2::{Compression, write::GzEncoder};
        use std::io::Write;
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(b"<p>hello</p>").expect("write");
        let gz = encoder.finish().expect("finish");
        let page = read(&gz, &InputOptions::default()).expect("page");
        assert_eq!(page.text, "<p>hello</p>");
    }

    #[test]
    fn refuses_oversized_input() {
        let options = InputOptions {
            max_bytes: 10,
            ..InputOptions::default()
        };
        assert!(matches!(
            read(b"<p>more than ten bytes</p>", &options),
            Err(Error::TooLarge { .. })
        ));
    }

    #[test]
    fn sniffs_html_and_text() {
        assert_eq!(sniff_kind("<!DOCTYPE html><html>"), PageKind::Html);
        assert_eq!(sniff_kind("\n  <html lang=de>"), PageKind::Html);
        assert_eq!(sniff_kind("\u{feff}<!DocType html>"), PageKind::Html);
        assert_eq!(sniff_kind("<!--"), PageKind::Html);
        assert_eq!(sniff_kind("<htm"), PageKind::Text);
        assert_eq!(sniff_kind("<div><p>a</p><p>b</p></div>"), PageKind::Html);
        assert_eq!(
            sniff_kind("1. Zum Inhalt springen\nPolitik\n\nA title < and > signs"),
            PageKind::Text
        );
        assert_eq!(
            sniff_kind("Use <br> for breaks, they said."),
            PageKind::Text
        );
    }

    #[test]
    fn format_override_wins() {
        let options = InputOptions {
            format: InputFormat::Text,
            ..InputOptions::default()
        };
        let page = read(b"<html><p>x</p></html>", &options).expect("page");
        assert_eq!(page.kind, PageKind::Text);
    }
}
