//! Picture credits without a colon at the end of a caption: "… depuis deux hivers. Photo GDC
//! - Julien Bastide", "… fino alle 24 (foto Marco Zanetti)".
//!
//! Takes a unit's text; returns where such a credit starts. The labelled forms ("Foto:",
//! "Bild:", "© …") and agency tails are `rules::credit_start`'s; this reads only a bare credit
//! word after a sentence's end or an opening bracket, followed by a few capitalised words
//! that close the text. Never reads other units.

/// Credit words that open a credit without a colon, as printed.
const BARE_LABELS: &[&str] = &[
    "Photo", "Photos", "photo", "Foto", "Fotos", "foto", "Bild", "Crédit", "Credit", "Image",
];
/// The first bytes of the [`BARE_LABELS`] (a test checks it).
const LABEL_FIRST_BYTES: &[u8] = b"PpFfBCI";
/// [`LABEL_FIRST_BYTES`] as a table.
const OPENS_LABEL: [bool; 256] = {
    let mut table = [false; 256];
    let mut n = 0;
    while n < LABEL_FIRST_BYTES.len() {
        table[LABEL_FIRST_BYTES[n] as usize] = true;
        n += 1;
    }
    table
};
/// A bare credit has at most this many words after its label.
const MAX_BARE_CREDIT_WORDS: usize = 5;
/// A caption carrying a bare credit has at most this many words.
const MAX_CAPTION_WORDS: usize = 50;

/// Where a bare credit starts in `text`, if `text` is a caption closed by one.
pub fn bare_credit_start(text: &str) -> Option<usize> {
    bare_credit_in(text, None)
}

/// [`bare_credit_start`] of a text told its number of spaces (the rules' facts have it): a
/// text with too many for a caption is let go at once.
pub fn spaced_bare_credit_start(text: &str, spaces: usize) -> Option<usize> {
    if spaces >= MAX_CAPTION_WORDS {
        return None;
    }
    bare_credit_in(text, Some(spaces))
}

/// [`bare_credit_start`], with the text's number of spaces when it is known.
fn bare_credit_in(text: &str, spaces: Option<usize>) -> Option<usize> {
    // A credit closes the text with a capitalised word (or a bracket after one): running
    // text, which ends with a stop, is let go at once.
    let bytes = text.as_bytes();
    if matches!(
        bytes.last(),
        None | Some(b'.' | b'!' | b'?' | b':' | b';' | b',')
    ) {
        return None;
    }
    // (Read back byte by byte: a call to search costs more than a last word's few bytes. A
    // text known to hold no space is one word.)
    let last_word = match spaces {
        Some(0) => text,
        _ => &text[last_space(bytes).map_or(0, |k| k + 1)..],
    };
    let opens = last_word.as_bytes().first().copied().unwrap_or(b'a');
    let capital = if opens.is_ascii() {
        opens.is_ascii_uppercase() || opens == b'-'
    } else {
        last_word.starts_with(char::is_uppercase)
    };
    if !capital {
        return None;
    }
    // The label stands among the last words: only that tail is searched, back from the end
    // to the space before its first word. The last label word of the tail, at a word start
    // (after a space or a bracket; both are ASCII, so every word start is a character
    // boundary); a word whose first byte opens no label is passed over without a look at the
    // list.
    let known_spaces = spaces;
    let mut spaces = 0;
    let mut at = bytes.len();
    let (k, label) = loop {
        at = bytes[..at].iter().rposition(|&b| b == b' ' || b == b'(')?;
        let k = at + 1;
        if let Some(&first) = bytes.get(k).filter(|&&b| OPENS_LABEL[usize::from(b)]) {
            // The label the word is, if any (a word runs to a space or a closing bracket):
            // labels are told apart by their first byte before their other bytes are read.
            let mut word = None;
            for label in BARE_LABELS {
                let l = label.as_bytes();
                if l[0] == first
                    && bytes[k..].starts_with(l)
                    && bytes
                        .get(k + l.len())
                        .is_none_or(|&b| b == b' ' || b == b')')
                {
                    word = Some(*label);
                    break;
                }
            }
            if let Some(label) = word {
                break (k, label);
            }
        }
        if bytes[at] == b' ' {
            spaces += 1;
            if spaces > MAX_BARE_CREDIT_WORDS + 1 {
                return None;
            }
        }
    };
    if known_spaces.unwrap_or_else(|| memchr::memchr_iter(b' ', bytes).count()) >= MAX_CAPTION_WORDS
        || !text[k + label.len()..].starts_with(' ')
    {
        return None;
    }
    let before = text[..k].trim_end();
    let bracketed = before.ends_with('(');
    let after_sentence = before.ends_with(['.', '!', '?', '»', '"']);
    let start = if bracketed { before.len() - 1 } else { k };
    let rest = text[k + label.len()..].trim();
    let rest = if bracketed {
        rest.strip_suffix(')')?
    } else {
        rest
    };
    let words: Vec<&str> = rest.split(' ').collect();
    let names = !rest.is_empty()
        && words.len() <= MAX_BARE_CREDIT_WORDS
        && !rest.ends_with(['.', '!', '?', ':', ';', ','])
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || matches!(c, '-' | '/' | '–' | '&'))
        });
    ((bracketed || after_sentence) && names && start > 0).then_some(start)
}

/// The position of the last space in `bytes`: a few bytes are read back one by one (the
/// last word is short), the rest searched.
fn last_space(bytes: &[u8]) -> Option<usize> {
    const NEAR: usize = 32;
    let near = bytes.len().saturating_sub(NEAR);
    match bytes[near..].iter().rposition(|&b| b == b' ') {
        Some(k) => Some(near + k),
        None => memchr::memrchr(b' ', &bytes[..near]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_credits_close_a_caption() {
        let text = "Les remontées mécaniques, à l'arrêt. Photo GDC - Julien Bastide";
        assert_eq!(
            bare_credit_start(text).map(|k| &text[k..]),
            Some("Photo GDC - Julien Bastide")
        );
        let text = "La sala di lettura, ora aperta fino alle 24 (foto Marco Zanetti)";
        assert_eq!(
            bare_credit_start(text).map(|k| &text[k..]),
            Some("(foto Marco Zanetti)")
        );
    }

    #[test]
    fn every_label_opens_with_a_listed_byte() {
        for label in BARE_LABELS {
            assert!(LABEL_FIRST_BYTES.contains(&label.as_bytes()[0]), "{label}");
        }
    }

    #[test]
    fn running_text_keeps_its_photo_words() {
        assert_eq!(
            bare_credit_start("She took the photo Monday. Photo editors said it was sharp."),
            None
        );
        assert_eq!(
            bare_credit_start("We met at the club. Photo Club members came along too"),
            None
        );
        assert_eq!(bare_credit_start("Photo Gallery"), None);
    }
}
