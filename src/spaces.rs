//! White space squeezed to single spaces, fast: the words of a text joined by one space, found
//! by reading bytes, with a check that most texts (already squeezed) pass in one vectorised
//! pass and are then copied whole.
//!
//! Takes text; returns text. Shared by the data model's [`crate::article::squeeze`] (HTML and
//! metadata) and the saved-text path's markup reader. Never decides anything else.

/// The words of `text` (split at `char::is_whitespace`) joined by single spaces.
///
/// Example: " Straße\t in\u{a0}Köln " gives "Straße in Köln".
pub(crate) fn squeeze(text: &str) -> String {
    if is_squeezed(text) {
        text.to_owned()
    } else {
        squeeze_runs(text)
    }
}

/// [`squeeze`]'s answer (the words of `text` joined by single spaces), copied run by run: a
/// run of words with single spaces between them is copied whole, and the bytes of a word are
/// passed over in a tight loop (only white space and lead bytes 0xC2 and up stop it).
pub(crate) fn squeeze_runs(text: &str) -> String {
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
pub(crate) fn space_width(bytes: &[u8], i: usize) -> usize {
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
pub(crate) fn is_squeezed(text: &str) -> bool {
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
    if k == bytes.len() {
        return true;
    }
    // A text longer than a block reads its last bytes as the block that ends it (bytes read
    // twice are told the same twice), without a copy; that block's test stops short of the
    // last byte, which is not a space (told above) nor a Unicode space's lead (a text ends
    // with a whole character), so only a control space is left to test there.
    if let Some(last) = bytes.len().checked_sub(SQUEEZE_BLOCK + 1) {
        return block_squeezed(&bytes[last..], bytes, last)
            && !bytes.last().copied().is_some_and(is_control_space);
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
pub(crate) fn is_control_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// True when `bytes` open with a white-space character outside ASCII (the ones
/// `char::is_whitespace` knows: U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029,
/// U+202F, U+205F, U+3000).
pub(crate) fn starts_unicode_space(bytes: &[u8]) -> bool {
    matches!(
        *bytes,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: the words as the standard library splits them, joined by one space.
    fn words_joined(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn squeeze_runs_gives_the_words_joined_by_single_spaces() {
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
            assert_eq!(squeeze_runs(&text), words_joined(&text), "{text:?}");
            assert_eq!(squeeze(&text), words_joined(&text), "{text:?}");
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
                assert_eq!(is_squeezed(&text), words_joined(&text) == text, "{text:?}");
            }
        }
        assert!(!is_squeezed(" lead"));
        assert!(!is_squeezed("trail "));
        assert!(!is_squeezed("eight b  two"));
        assert!(!is_squeezed("1234567 \u{a0}x"));
    }

    #[test]
    fn is_squeezed_reads_every_block_and_the_tail() {
        let reference = |text: &str| words_joined(text) == text;
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
            // White space as the very last character (past the last whole block).
            for space in [
                " ", "\t", "\n", "\r", "\u{a0}", "\u{2009}", "\u{3000}", "\u{85}",
            ] {
                let ended = format!("{text}{space}");
                assert_eq!(is_squeezed(&ended), reference(&ended), "{ended:?}");
                let ended = format!("{text}{space}x");
                assert_eq!(is_squeezed(&ended), reference(&ended), "{ended:?}");
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
