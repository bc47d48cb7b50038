//! A guard against pathological nesting, run on the text before the HTML parser sees it.
//!
//! html5ever's tree builder is quadratic in nesting depth (100,000 nested `<div>`s take half a
//! minute), and no real page nests deeper than a few hundred elements. A cheap scan over the tags
//! estimates the depth; only when it exceeds the limit is the text rewritten, with the start and
//! end tags beyond the limit removed (their text is kept).

use std::borrow::Cow;

/// Elements that never hold children, or whose end tag is implied by a sibling: they do not add
/// to the depth estimate.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "option", "tr", "td", "th", "tbody", "thead",
    "!doctype", "html", "head", "body",
];

/// Elements whose content is raw text: tags inside them are not tags.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "iframe",
];

enum Token<'a> {
    Open { name: &'a str, end: usize },
    Close { name: &'a str, end: usize },
    Skip { end: usize },
}

/// Returns the text unchanged when its estimated depth is within `max_depth`; otherwise a copy
/// in which start and end tags deeper than `max_depth` are removed.
pub fn flatten_deep_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
    if estimated_depth(html) <= max_depth {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut copied = 0;
    let mut pos = 0;
    while let Some(offset) = memchr::memchr(b'<', &html.as_bytes()[pos..]) {
        let start = pos + offset;
        match token(html, start) {
            Token::Open { name, end } if counts(name) => {
                if depth >= max_depth {
                    out.push_str(&html[copied..start]);
                    copied = end;
                    excess += 1;
                } else {
                    depth += 1;
                }
                pos = skip_raw(html, name, end);
            }
            Token::Close { name, end } if counts(name) => {
                if excess > 0 {
                    out.push_str(&html[copied..start]);
                    copied = end;
                    excess -= 1;
                } else {
                    depth = depth.saturating_sub(1);
                }
                pos = end;
            }
            Token::Open { name, end } => pos = skip_raw(html, name, end),
            Token::Close { end, .. } | Token::Skip { end } => pos = end,
        }
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The deepest nesting the tags suggest (an estimate: implied end tags are not modelled).
fn estimated_depth(html: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut pos = 0;
    while let Some(offset) = memchr::memchr(b'<', &html.as_bytes()[pos..]) {
        let start = pos + offset;
        match token(html, start) {
            Token::Open { name, end } => {
                if counts(name) {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                pos = skip_raw(html, name, end);
            }
            Token::Close { name, end } => {
                if counts(name) {
                    depth = depth.saturating_sub(1);
                }
                pos = end;
            }
            Token::Skip { end } => pos = end,
        }
    }
    deepest
}

fn counts(name: &str) -> bool {
    !FLAT.iter().any(|flat| flat.eq_ignore_ascii_case(name))
}

/// After a start tag of a raw-text element, jumps past its end tag.
fn skip_raw(html: &str, name: &str, end: usize) -> usize {
    if !RAW.iter().any(|raw| raw.eq_ignore_ascii_case(name)) {
        return end;
    }
    let closing = format!("</{}", name.to_ascii_lowercase());
    let rest = &html.as_bytes()[end..];
    let finder = memchr::memmem::Finder::new(closing.as_bytes());
    // Case-insensitive search would need a lowercase copy; end tags are nearly always lowercase
    // or uppercase, so try both.
    let upper = closing.to_ascii_uppercase();
    let found = finder
        .find(rest)
        .into_iter()
        .chain(memchr::memmem::find(rest, upper.as_bytes()))
        .min();
    found.map_or(html.len(), |at| end + at)
}

/// Reads the tag at `start` (which holds `<`).
fn token(html: &str, start: usize) -> Token<'_> {
    let bytes = html.as_bytes();
    let after = start + 1;
    if bytes[after..].starts_with(b"!--") {
        let end =
            memchr::memmem::find(&bytes[after..], b"-->").map_or(bytes.len(), |e| after + e + 3);
        return Token::Skip { end };
    }
    let close = bytes.get(after) == Some(&b'/');
    let name_start = if close { after + 1 } else { after };
    let name_len = bytes[name_start.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'!')
        .count();
    if name_len == 0 {
        return Token::Skip { end: after };
    }
    let name = &html[name_start..name_start + name_len];
    let gt = memchr::memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |e| name_start + e + 1);
    if close {
        Token::Close { name, end: gt }
    } else if gt >= 2 && bytes.get(gt - 2) == Some(&b'/') {
        Token::Skip { end: gt }
    } else {
        Token::Open { name, end: gt }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_unchanged() {
        let html =
            "<html><body><div><p>a<p>b</div><br><img src=x><script>if (a<b) {}</script></body>";
        assert!(matches!(flatten_deep_nesting(html, 10), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let html = format!("{}deep text{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let flat = flatten_deep_nesting(&html, 50);
        assert_eq!(estimated_depth(&flat), 50);
        assert!(flat.contains("deep text"));
    }

    #[test]
    fn unclosed_deep_nesting_is_flattened() {
        let html = format!("{}<p>text", "<span><b>".repeat(5000));
        let flat = flatten_deep_nesting(&html, 100);
        assert!(estimated_depth(&flat) <= 100);
        assert!(flat.ends_with("<p>text"));
    }

    #[test]
    fn truncated_tags_do_not_panic() {
        for html in [
            "<",
            "<div",
            "</",
            "<!--",
            "<di<v>",
            "<script>never closed",
            "é<é>",
        ] {
            let _ = flatten_deep_nesting(html, 1);
        }
    }
}
