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

/// `text` squeezed: copied as it is when it is squeezed already (most image alts).
fn squeezed(text: &str) -> String {
    if is_squeezed(text) {
        text.to_owned()
    } else {
        squeeze_runs(text)
    }
}

/// [`squeeze`]'s answer (the words of `text` joined by single spaces), copied run by run: a
/// run of words with single spaces between them is copied whole, and the bytes of a word are
/// passed over in a tight loop (only white space and lead bytes 0xC2 and up stop it).
fn squeeze_runs(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    // The start of the run being copied, if one is.
    let mut run: Option<usize> = None;
    while i < bytes.len() {
        let width = space_width(bytes, i);
        if width == 0 {
            if run.is_none() {
                if !out.is_empty() {
                    out.push(' ');
                }
                run = Some(i);
            }
            i += 1;
            while bytes.get(i).is_some_and(|&b| b > b' ' && b < 0xC2) {
                i += 1;
            }
            continue;
        }
        // A single space between two words stays in the run.
        if run.is_some()
            && bytes[i] == b' '
            && i + 1 < bytes.len()
            && space_width(bytes, i + 1) == 0
        {
            i += 1;
            continue;
        }
        if let Some(start) = run.take() {
            out.push_str(text.get(start..i).unwrap_or_default());
        }
        i += width;
    }
    if let Some(start) = run {
        out.push_str(text.get(start..).unwrap_or_default());
    }
    out
}

/// The bytes of the white-space character (`char::is_whitespace`) that starts at `bytes[i]`,
/// or 0 when none does.
#[inline(always)]
fn space_width(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(&b) if b == b' ' || is_control_space(b) => 1,
        Some(&b) if b >= 0xC2 && starts_unicode_space(&bytes[i..]) => {
            if b == 0xC2 {
                2
            } else {
                3
            }
        }
        _ => 0,
    }
}

/// True when `text` has no white space but single inner spaces (most units: then the
/// squeezed copy is skipped).
#[inline(always)]
fn is_squeezed(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Blocks of [`SQUEEZE_BLOCK`] bytes, each read in one branch-free pass that the compiler
    // turns into vector code; the last, shorter block is read from a copy padded with zeros.
    let mut k = 0;
    while let Some(block) = bytes.get(k..k + SQUEEZE_BLOCK + 1) {
        if !block_squeezed(block, bytes, k) {
            return false;
        }
        k += SQUEEZE_BLOCK;
    }
    let mut padded = [0u8; SQUEEZE_BLOCK + 1];
    let tail = &bytes[k..];
    padded[..tail.len()].copy_from_slice(tail);
    block_squeezed(&padded, &padded, 0)
}

/// True when the first [`SQUEEZE_BLOCK`] bytes of `block` (which holds one byte more: the
/// next one) hold no space followed by a space, no white space below the space (\t to \r)
/// and no Unicode space. `block` starts at `bytes[at]` (a Unicode space's lead in the block
/// may run past it).
fn block_squeezed(block: &[u8], bytes: &[u8], at: usize) -> bool {
    let Some((block, next)) = block.get(..SQUEEZE_BLOCK).zip(block.get(1..=SQUEEZE_BLOCK)) else {
        return true;
    };
    // One pass without branches: the lead bytes of Unicode spaces (0xC2, 0xE0 to 0xE3) are
    // only flagged; a block holding one is read again, to tell a Unicode space from a letter.
    let (pairs, control, leads) =
        block
            .iter()
            .zip(next)
            .fold((0u8, 0u8, 0u8), |(pairs, control, leads), (&b, &next)| {
                (
                    pairs | (u8::from(b == b' ') & u8::from(next == b' ')),
                    control | u8::from(b.wrapping_sub(b'\t') < 5),
                    leads | u8::from(b == 0xC2) | u8::from(b & 0xFC == 0xE0),
                )
            });
    pairs | control == 0 && (leads == 0 || !has_unicode_space(bytes, at, at + SQUEEZE_BLOCK))
}

/// Bytes [`is_squeezed`] reads in one pass.
const SQUEEZE_BLOCK: usize = 32;

/// True when a Unicode space starts in `bytes[from..to]` (it may run past `to`). Eight bytes
/// at a time: only the lead bytes of Unicode spaces (0xC2, 0xE1 to 0xE3, and 0xE0 with them)
/// are looked at.
fn has_unicode_space(bytes: &[u8], from: usize, to: usize) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut k = from;
    while k < to {
        let Some(chunk) = bytes.get(k..k + 8) else {
            let rest = bytes.get(k..).unwrap_or_default();
            return (0..rest.len().min(to - k))
                .any(|i| rest[i] >= 0x80 && starts_unicode_space(&rest[i..]));
        };
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let mut leads =
            zero_bytes(w ^ (ONES * 0xC2)) | zero_bytes((w & (ONES * 0xFC)) ^ (ONES * 0xE0));
        while leads != 0 {
            let i = k + (leads.trailing_zeros() / 8) as usize;
            if i < to && starts_unicode_space(&bytes[i..]) {
                return true;
            }
            leads &= leads - 1;
        }
        k += 8;
    }
    false
}

/// 0x80 in every byte of `x` that is zero, 0 in the others (exact: no carry crosses a byte).
fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The white space below the space: `\t`, `\n`, vertical tab, form feed, `\r`.
fn is_control_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// True when `bytes` open with a white-space character outside ASCII (the ones
/// `char::is_whitespace` knows: U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029,
/// U+202F, U+205F, U+3000).
fn starts_unicode_space(bytes: &[u8]) -> bool {
    matches!(
        *bytes,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

pub use crate::article::squeeze;

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
                        inline.images.push((squeezed(alt), address(src)));
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
    fn squeeze_runs_gives_squeezes_answer() {
        let pieces = [
            "a", "Köln", "é", " ", "  ", "\t", "\n", "\r\n", "\u{b}", "\u{c}", "\u{a0}", "\u{85}",
            "\u{1680}", "\u{2003}", "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "\u{1c}",
            "\u{200b}", "日本", "x.", "ẞ", "\u{e000}",
        ];
        let mut texts = vec![String::new()];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                    texts.push(format!("{a} {b}  {c} word"));
                }
            }
        }
        for text in texts {
            assert_eq!(squeeze_runs(&text), squeeze(&text), "{text:?}");
        }
    }

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

    #[test]
    fn squeezed_text_is_told_from_text_to_squeeze() {
        let long = "a line of words that runs for more than eight bytes";
        assert!(is_squeezed(long));
        assert!(is_squeezed("Straße in Köln, 25 °C"));
        assert!(is_squeezed(""));
        for (k, _) in long.match_indices(' ') {
            let mut text = long.to_string();
            text.insert(k, ' ');
            assert!(!is_squeezed(&text), "{text}");
            for space in [
                "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{a0}", "\u{2009}", "\u{3000}",
            ] {
                let text = long.replacen(' ', space, 1 + k % 3);
                assert!(!is_squeezed(&text), "{text:?}");
                assert_eq!(is_squeezed(&text), squeeze(&text) == text, "{text:?}");
            }
        }
        assert!(!is_squeezed(" lead"));
        assert!(!is_squeezed("trail "));
        assert!(!is_squeezed("eight b  two"));
        assert!(!is_squeezed("1234567 \u{a0}x"));
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

    #[test]
    fn is_squeezed_reads_every_block_and_the_tail() {
        let reference = |text: &str| squeeze(text) == text;
        for len in [31, 32, 33, 40, 64, 65, 70, 97] {
            let text: String = "Straße über die Brücke, 25 °C "
                .chars()
                .cycle()
                .take(len)
                .collect();
            let text = text.trim().replace("  ", " ");
            assert_eq!(is_squeezed(&text), reference(&text), "{text:?}");
            for (k, _) in text.char_indices().skip(1) {
                for space in [" ", "\t", "\u{a0}", "\u{2009}", "\u{3000}", "\u{85}"] {
                    let mut spaced = text.clone();
                    spaced.insert_str(k, space);
                    assert_eq!(is_squeezed(&spaced), reference(&spaced), "{spaced:?}");
                }
            }
        }
    }

    #[test]
    fn is_squeezed_agrees_with_char_white_space() {
        let reference = |text: &str| {
            !text.starts_with(' ')
                && !text.ends_with(' ')
                && !text.contains("  ")
                && text.chars().all(|c| c == ' ' || !c.is_whitespace())
        };
        let mut spaces: Vec<char> = ('\0'..='\u{3000}').filter(|c| c.is_whitespace()).collect();
        spaces.extend(['x', 'é', '\u{2030}', '\u{1F600}', '\u{1C}', '\u{3001}']);
        for c in spaces {
            for text in [
                format!("a{c}b"),
                format!("{c}b"),
                format!("a {c}"),
                format!("Straße{c}über"),
                format!("a b{c}{c}c"),
            ] {
                assert_eq!(is_squeezed(&text), reference(&text), "{text:?}");
            }
        }
        assert!(!is_squeezed("a  b"));
        assert!(!is_squeezed(" a"));
        assert!(is_squeezed(""));
    }
}
