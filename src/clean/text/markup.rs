//! Inline markup of text dumps: lynx's `[12]` link markers and `[INS: :INS]`-style tags,
//! Markdown-like links `[text](url)`, images `![alt](src)`, emphasis and escapes.
//!
//! Takes the raw text of one unit (its lines joined with `\n`); returns the plain text with
//! white space squeezed, plus what the markup told about links and images. Never decides what
//! to keep; it only reads.

/// What the markup of a unit revealed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Inline {
    /// The plain text, white space squeezed to single spaces.
    pub text: String,
    /// Characters of `text` that were inside links (Markdown links, or words after a lynx
    /// marker up to the end of that link's first word group).
    pub link_chars: usize,
    /// Number of links seen.
    pub links: usize,
    /// Images seen, as `(alt, src)`.
    pub images: Vec<(String, String)>,
}

/// Which inline syntaxes to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Syntax {
    /// lynx `-dump` link markers `[12]`.
    pub lynx_markers: bool,
    /// Markdown-like links, images, emphasis and escapes (html2text).
    pub markdown: bool,
}

/// Bracketed tags text browsers print for elements without text.
const BROWSER_TAGS: &[&str] = &[
    "[INS: :INS]",
    "[INS::INS]",
    "[DEL: :DEL]",
    "[DEL::DEL]",
    "[IMG]",
    "[LINK]",
    "[INLINE]",
    "[EMBED]",
    "[IFRAME]",
    "[BUTTON]",
    "[ ]",
    "[X]",
];

/// A lynx marker (`[12345]`) has at most this many bytes.
const MARKER_MAX_BYTES: usize = 7;

/// Reads the inline markup of `raw`.
pub fn read(raw: &str, syntax: Syntax) -> Inline {
    let mut inline = Inline::default();
    let mut out = String::with_capacity(raw.len());
    if syntax.markdown {
        markdown(raw, &mut out, &mut inline, 0);
    } else {
        plain(raw, syntax, &mut out, &mut inline);
    }
    inline.text = if is_squeezed(&out) {
        out
    } else {
        squeeze_runs(&out)
    };
    inline
}

pub use crate::article::squeeze;
use crate::spaces::{is_control_space, is_squeezed, space_width, squeeze_runs};

fn plain(raw: &str, syntax: Syntax, out: &mut String, inline: &mut Inline) {
    let mut rest = raw;
    let mut in_link = false;
    while let Some(pos) = memchr::memchr2(b'[', b'\n', rest.as_bytes()) {
        let (before, at) = rest.split_at(pos);
        push_counted(out, before, in_link, inline);
        if in_link && before.contains(char::is_whitespace) {
            in_link = false;
        }
        if let Some(after) = at.strip_prefix('\n') {
            out.push(' ');
            rest = after;
            continue;
        }
        // No browser tag opens with a digit, and every lynx marker does: a marker skips the
        // list of tags.
        let digit = at.as_bytes().get(1).is_some_and(u8::is_ascii_digit);
        if !digit && let Some(tag) = BROWSER_TAGS.iter().find(|t| at.starts_with(**t)) {
            rest = &at[tag.len()..];
            continue;
        }
        // A marker closes within its first seven bytes.
        let head = &at.as_bytes()[..at.len().min(MARKER_MAX_BYTES)];
        if syntax.lynx_markers
            && digit
            && let Some(end) = memchr::memchr(b']', head)
            && end > 1
            && at[1..end].bytes().all(|b| b.is_ascii_digit())
        {
            inline.links += 1;
            in_link = true;
            rest = &at[end + 1..];
            continue;
        }
        out.push('[');
        rest = &at[1..];
    }
    push_counted(out, rest, in_link, inline);
}

/// Appends `text`; when it follows a lynx marker, counts its first word as link text.
#[inline(always)]
fn push_counted(out: &mut String, text: &str, in_link: bool, inline: &mut Inline) {
    if in_link {
        count_first_word(text, inline);
    }
    out.push_str(text);
}

/// Counts the first word of `text` as link text (out of line: most text follows no marker).
#[inline(never)]
fn count_first_word(text: &str, inline: &mut Inline) {
    // Byte by byte (`split_whitespace` decodes every character): white space is told by
    // [`space_width`], and the word's characters are its bytes that are not continuation
    // bytes (0x80 to 0xBF).
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        match space_width(bytes, start) {
            0 => break,
            width => start += width,
        }
    }
    let mut end = start;
    while end < bytes.len() && space_width(bytes, end) == 0 {
        end += 1;
    }
    inline.link_chars += bytes[start..end]
        .iter()
        .filter(|&&b| !(0x80..0xC0).contains(&b))
        .count();
}

/// The bytes that may open Markdown-like markup in [`markdown`]: escape, line break, image,
/// link, emphasis, inline code.
const MARKDOWN_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let opening = b"\\\n![*_`";
    while k < opening.len() {
        table[opening[k] as usize] = true;
        k += 1;
    }
    table
};

/// Reads Markdown-like markup. `depth` bounds nesting (a link's text may hold an image).
fn markdown(raw: &str, out: &mut String, inline: &mut Inline, depth: u8) {
    let bytes = raw.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        // Plain bytes are passed over in a tight loop; only the bytes that may open markup
        // are looked at.
        match bytes[i..]
            .iter()
            .position(|&b| MARKDOWN_BYTES[usize::from(b)])
        {
            Some(step) => i += step,
            None => break,
        }
        let b = bytes[i];
        let skip = match b {
            b'\\' if i + 1 < bytes.len() && bytes[i + 1].is_ascii_punctuation() => {
                out.push_str(&raw[copied..i]);
                copied = i + 1;
                i += 2;
                continue;
            }
            b'\n' => {
                out.push_str(&raw[copied..i]);
                out.push(' ');
                1
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') && depth < 2 => {
                out.push_str(&raw[copied..i]);
                match bracketed(raw, i + 1) {
                    Some((alt, src, end)) => {
                        inline.images.push((squeeze(alt), address(src)));
                        end - i
                    }
                    None => {
                        out.push('!');
                        1
                    }
                }
            }
            b'[' if depth < 2 => {
                out.push_str(&raw[copied..i]);
                match bracketed(raw, i) {
                    Some((text, _, end)) => {
                        let before = out.len();
                        markdown(text, out, inline, depth + 1);
                        inline.links += 1;
                        inline.link_chars += out[before..].trim().chars().count();
                        end - i
                    }
                    None => {
                        out.push('[');
                        1
                    }
                }
            }
            b'*' | b'_' if is_emphasis(bytes, i) => {
                out.push_str(&raw[copied..i]);
                // html2text writes a space between a closing marker and the punctuation
                // after it ("**Jane Doe** , the mayor"); the space goes with the marker.
                let closing = i > 0 && bytes[i - 1] != b' ' && bytes.get(i + 1) == Some(&b' ');
                if closing && matches!(bytes.get(i + 2), Some(b',' | b'.' | b';' | b':' | b')')) {
                    2
                } else {
                    1
                }
            }
            // Inline code (`Dockerfile`) keeps its text, not its backticks.
            b'`' => {
                out.push_str(&raw[copied..i]);
                1
            }
            _ => {
                i += 1;
                continue;
            }
        };
        i += skip;
        copied = i;
    }
    if copied < raw.len() {
        out.push_str(&raw[copied..]);
    }
}

/// An emphasis marker: `*` or `_` touching a word on one side only, or doubled.
fn is_emphasis(bytes: &[u8], i: usize) -> bool {
    let prev = if i == 0 { b' ' } else { bytes[i - 1] };
    let next = bytes.get(i + 1).copied().unwrap_or(b' ');
    if next == bytes[i] || prev == bytes[i] {
        return true;
    }
    let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
    word(prev) != word(next)
}

/// Parses `[text](target)` starting at the `[` at `start`; returns the text, the raw target
/// (read with [`address`]) and the byte after the closing `)`.
fn bracketed(raw: &str, start: usize) -> Option<(&str, &str, usize)> {
    let bytes = raw.as_bytes();
    let close = matching_close(bytes, start, b'[', b']')?;
    if bytes.get(close + 1) != Some(&b'(') {
        return None;
    }
    let end = matching_close(bytes, close + 1, b'(', b')')?;
    Some((&raw[start + 1..close], &raw[close + 2..end], end + 1))
}

/// The address in a link target: wrap newlines removed, title dropped.
fn address(target: &str) -> String {
    let target = target.split('"').next().unwrap_or("");
    // Most targets hold no white space at all (no wrap, no title): copied whole. The others
    // are copied piece by piece between their white space, not character by character.
    if !target
        .bytes()
        .any(|b| b == b' ' || is_control_space(b) || b >= 0x80)
    {
        return target.to_string();
    }
    let mut out = String::with_capacity(target.len());
    for piece in target.split(char::is_whitespace) {
        out.push_str(piece);
    }
    out
}

/// The position of the `close` byte that balances the brackets opened from `from` on (nested
/// pairs counted), or `None` when they never close. Jumps from bracket to bracket (a link's
/// target runs to a hundred bytes and more).
fn matching_close(bytes: &[u8], from: usize, open: u8, close: u8) -> Option<usize> {
    let mut depth = 0usize;
    let mut k = from;
    while let Some(pos) = memchr::memchr2(open, close, bytes.get(k..)?) {
        k += pos;
        if bytes[k] == open {
            depth += 1;
        } else {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(k);
            }
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_first_word_counts_the_characters_of_the_first_word() {
        for text in [
            "",
            "   ",
            "Home page",
            "  Köln\u{a0}Mitte",
            "\u{2003}日本語 text",
            "Straße\n",
            "\u{1c}x y",
            "word",
        ] {
            let mut inline = Inline::default();
            count_first_word(text, &mut inline);
            let first = text.split_whitespace().next().unwrap_or("");
            assert_eq!(inline.link_chars, first.chars().count(), "{text:?}");
        }
    }

    const LYNX: Syntax = Syntax {
        lynx_markers: true,
        markdown: false,
    };
    const MD: Syntax = Syntax {
        lynx_markers: false,
        markdown: true,
    };

    #[test]
    fn lynx_markers_are_removed_and_counted() {
        let inline = read(
            "the [27]electric Gran Turismo is\nstriking [INS: :INS]",
            LYNX,
        );
        assert_eq!(inline.text, "the electric Gran Turismo is striking");
        assert_eq!(inline.links, 1);
    }

    #[test]
    fn lynx_markers_have_one_to_five_digits_and_tags_none() {
        for tag in BROWSER_TAGS {
            assert!(!tag.as_bytes()[1].is_ascii_digit(), "{tag}");
        }
        let inline = read(
            "a [1]b [12345]c [123456]d [12x]e [X] f [INS: :INS] g [",
            LYNX,
        );
        assert_eq!(inline.text, "a b c [123456]d [12x]e f g [");
        assert_eq!(inline.links, 2);
    }

    #[test]
    fn markdown_links_keep_their_text_across_wrapped_urls() {
        let raw = "its [electric Gran\nTurismo](https://example.com/a-\nb/) is striking";
        let inline = read(raw, MD);
        assert_eq!(inline.text, "its electric Gran Turismo is striking");
        assert_eq!(inline.links, 1);
        assert_eq!(inline.link_chars, "electric Gran Turismo".len());
    }

    #[test]
    fn brackets_are_matched_with_nesting() {
        let text = b"[a [b] c](x (y) z) [open";
        assert_eq!(matching_close(text, 0, b'[', b']'), Some(8));
        assert_eq!(matching_close(text, 9, b'(', b')'), Some(17));
        assert_eq!(matching_close(text, 19, b'[', b']'), None);
        assert_eq!(matching_close(text, 40, b'[', b']'), None);
        // Callers start at the opening bracket; a closing one met first closes at once.
        assert_eq!(matching_close(b"] [x]", 0, b'[', b']'), Some(0));
    }

    #[test]
    fn markdown_images_are_lifted_out() {
        let inline = read("![A red\ncar](https://x.example/car-\n1.jpg \"t\")", MD);
        assert_eq!(inline.text, "");
        assert_eq!(
            inline.images,
            vec![(
                "A red car".to_string(),
                "https://x.example/car-1.jpg".into()
            )]
        );
    }

    #[test]
    fn only_markup_bytes_stop_the_markdown_scan() {
        let stops: Vec<u8> = (0..=255u8)
            .filter(|&b| MARKDOWN_BYTES[usize::from(b)])
            .collect();
        assert_eq!(stops, b"\n!*[\\_`".to_vec());
        for b in (0x20..0x7Fu8).filter(|&b| !MARKDOWN_BYTES[usize::from(b)]) {
            let raw = format!("a{}b", char::from(b));
            assert_eq!(read(&raw, MD).text, squeeze(&raw), "{raw:?}");
        }
    }

    #[test]
    fn markdown_emphasis_and_escapes_are_dropped() {
        let inline = read("**Bold** and _em_ but snake_case \\- 1\\. ok", MD);
        assert_eq!(inline.text, "Bold and em but snake_case - 1. ok");
        let inline = read("**Jane Doe** , the mayor, edits `Dockerfile` files", MD);
        assert_eq!(inline.text, "Jane Doe, the mayor, edits Dockerfile files");
    }
}
