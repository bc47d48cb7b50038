//! A pre-pass over the HTML text before the parser sees it: strips what is never content and
//! guards against pathological nesting.
//!
//! Half the bytes of a typical news page are the bodies of `<script>` and `<style>` elements;
//! the tokenizer would read them character by character only for us to drop them, so their
//! bodies are cut here (JSON-LD scripts are kept: metadata reads them), as are comments.
//!
//! html5ever's tree builder is quadratic in nesting depth (100,000 nested `<div>`s take half a
//! minute), and no real page nests deeper than a few hundred elements. The same scan estimates
//! the depth; only when it exceeds the limit is the text rewritten again, with the start and end
//! tags beyond the limit removed (their text is kept).

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

/// Prepares HTML for the parser: script and style bodies (but JSON-LD) and comments cut, and
/// nesting deeper than `max_depth` flattened.
pub fn prepare(html: &str, max_depth: usize) -> Cow<'_, str> {
    let (stripped, depth) = strip_raw_bodies(html);
    if depth <= max_depth {
        return stripped;
    }
    Cow::Owned(flatten(&stripped, max_depth))
}

/// Cuts the bodies of `<script>` (except JSON-LD) and `<style>` elements and comments; returns
/// the text and its estimated nesting depth.
fn strip_raw_bodies(html: &str) -> (Cow<'_, str>, usize) {
    let mut out = String::new();
    let mut copied = 0;
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
                if pos > end && is_cut(name, &html[start..end]) {
                    if out.capacity() == 0 {
                        out.reserve(html.len());
                    }
                    out.push_str(&html[copied..end]);
                    copied = pos;
                }
            }
            Token::Close { name, end } => {
                if counts(name) {
                    depth = depth.saturating_sub(1);
                }
                pos = end;
            }
            Token::Skip { end } => {
                if html.as_bytes()[start..].starts_with(b"<!--") {
                    if out.capacity() == 0 {
                        out.reserve(html.len());
                    }
                    out.push_str(&html[copied..start]);
                    copied = end;
                }
                pos = end.max(start + 1);
            }
        }
    }
    if copied == 0 {
        return (Cow::Borrowed(html), deepest);
    }
    out.push_str(&html[copied..]);
    (Cow::Owned(out), deepest)
}

/// True for raw-text elements whose body is never needed: scripts (but JSON-LD) and styles.
fn is_cut(name: &str, open_tag: &str) -> bool {
    if name.eq_ignore_ascii_case("style") {
        return true;
    }
    name.eq_ignore_ascii_case("script")
        && !open_tag
            .as_bytes()
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

/// A copy of the text in which start and end tags deeper than `max_depth` are removed.
fn flatten(html: &str, max_depth: usize) -> String {
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
    out
}

fn counts(name: &str) -> bool {
    !in_list(name, FLAT)
}

/// True when `name` is one of `list` (ASCII case-insensitive). Tag names are short: a name
/// longer than every listed one is rejected at once, and only names with the same length and
/// first letter compare.
fn in_list(name: &str, list: &[&str]) -> bool {
    const LONGEST: usize = 8;
    let Some(&first) = name.as_bytes().first() else {
        return false;
    };
    let first = first.to_ascii_lowercase();
    name.len() <= LONGEST
        && list.iter().any(|item| {
            item.len() == name.len()
                && item.as_bytes().first() == Some(&first)
                && item.eq_ignore_ascii_case(name)
        })
}

/// After a start tag of a raw-text element, jumps to its end tag (matched case-insensitively).
fn skip_raw(html: &str, name: &str, end: usize) -> usize {
    if !in_list(name, RAW) {
        return end;
    }
    let bytes = html.as_bytes();
    let mut pos = end;
    while let Some(offset) = memchr::memmem::find(&bytes[pos..], b"</") {
        let at = pos + offset;
        let candidate = &bytes[at + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return at;
        }
        pos = at + 2;
    }
    html.len()
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

    fn estimated_depth(html: &str) -> usize {
        strip_raw_bodies(html).1
    }

    #[test]
    fn script_and_style_bodies_and_comments_are_cut() {
        let html = "<head><style>p{color:red}</style><script>var a = '<p>';</script><script type=\"application/ld+json\">{\"a\":1}</script></head><body><!-- note --><p>x</p></body>";
        let out = prepare(html, 100);
        assert_eq!(
            out,
            "<head><style></style><script></script><script type=\"application/ld+json\">{\"a\":1}</script></head><body><p>x</p></body>"
        );
    }

    #[test]
    fn unclosed_script_cuts_to_the_end() {
        assert_eq!(
            prepare("<p>a</p><script>never closed <p>b", 100),
            "<p>a</p><script>"
        );
    }

    #[test]
    fn ordinary_pages_pass_unchanged() {
        let html = "<html><body><div><p>a<p>b</div><br><img src=x><script></script></body>";
        assert!(matches!(prepare(html, 10), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let html = format!("{}deep text{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let flat = prepare(&html, 50);
        assert_eq!(estimated_depth(&flat), 50);
        assert!(flat.contains("deep text"));
    }

    #[test]
    fn unclosed_deep_nesting_is_flattened() {
        let html = format!("{}<p>text", "<span><b>".repeat(5000));
        let flat = prepare(&html, 100);
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
            let _ = prepare(html, 1);
            let _ = flatten(html, 1);
        }
    }
}
